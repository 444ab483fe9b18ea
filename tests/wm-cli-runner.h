/* wm-cli-runner.h: runs waymark-cli for the CLI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

void        run_clear             (Run        *run);
/* A file of tests/data/import. */
char       *data_path             (const char *name);
/* Runs $WAYMARK_CLI with the NULL-terminated arguments after @input (fed to
 * its stdin when not NULL). */
void        cli                   (Run        *run,
                                   const char *input,
                                   ...) G_GNUC_NULL_TERMINATED;
JsonObject *parse_object          (const char *text);
/* @name in a new temporary folder. */
char       *temp_file             (const char *name);
/* Errors are one line on stderr, prefixed with the program name. */
void        assert_one_line_error (const Run  *run,
                                   const char *fragment);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

G_END_DECLS
