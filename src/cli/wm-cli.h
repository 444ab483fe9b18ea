/* wm-cli.h: shared by the waymark-cli commands, one file per command
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "wm-analysis.h"
#include "wm-format.h"
#include "wm-project.h"

G_BEGIN_DECLS

/* Exit status contract (DESIGN.md). */
#define WM_CLI_EXIT_OK      0
#define WM_CLI_EXIT_FAILURE 1
#define WM_CLI_EXIT_USAGE   2

/* Each command parses its own options from argv (argv[0] is the command
 * name) and returns an exit status. */
typedef int (*WmCliCommand) (int argc, char **argv);

int        wm_cli_demo     (int argc, char **argv);
int        wm_cli_import   (int argc, char **argv);
int        wm_cli_map      (int argc, char **argv);
int        wm_cli_render   (int argc, char **argv);
int        wm_cli_stats    (int argc, char **argv);
int        wm_cli_funnel   (int argc, char **argv);
int        wm_cli_flow     (int argc, char **argv);
int        wm_cli_leakage  (int argc, char **argv);

/* Prints "waymark-cli: MESSAGE" as one line on stderr. */
void       wm_cli_print_error   (const char *format,
                                 ...) G_GNUC_PRINTF (1, 2);
/* Prints @error as one line and returns the exit status it deserves:
 * 2 for unusable input or bad arguments, 1 otherwise. */
int        wm_cli_report_error  (const GError *error);
/* Parses @entries into their targets; on failure prints the reason and
 * returns FALSE (the caller exits with WM_CLI_EXIT_USAGE). Leftover
 * arguments stay in argc/argv. */
gboolean   wm_cli_parse_options (const char          *command,
                                 const char          *parameter_string,
                                 const char          *summary,
                                 const GOptionEntry  *entries,
                                 int                 *argc,
                                 char              ***argv);
/* Opens an existing project for a command; prints and returns NULL on error
 * with *exit_status set. */
WmProject *wm_cli_open_project  (const char          *path,
                                 int                 *exit_status);
/* Writes @node as one line of JSON on stdout. */
void       wm_cli_print_json    (gpointer             json_node);
/* Terminal columns @text takes (CJK characters take two). */
int        wm_cli_display_width (const char          *text);
/* Prints @rows (each a NULL-terminated array of cells, the first row the
 * heading) in aligned columns; @align has one 'l' or 'r' per column. */
void       wm_cli_print_table   (GPtrArray           *rows,
                                 const char          *align);
/* Parses a duration option ("14d"); prints the reason and returns FALSE
 * (exit with WM_CLI_EXIT_USAGE) when it is not one. */
gboolean   wm_cli_parse_window  (const char          *text,
                                 gint64              *seconds);
/* Opens @path and loads its journeys; prints and returns NULL on error
 * with *exit_status set. */
WmJourneys *wm_cli_load_journeys (const char         *path,
                                  int                *exit_status);

G_END_DECLS
