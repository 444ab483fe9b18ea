/* fuzz-project-open.c: libFuzzer entry point for opening a project file
 *
 * The input is written to a temporary file, opened read-only, and queried
 * the way the CLI and the app read a project: the events through the
 * events_named view, the import history, the journey map.  A damaged file
 * must fail with a WmError, never crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>

#include "wm-error.h"
#include "wm-project.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static char *dir;
static char *path;

static gboolean
read_all (WmProject  *project,
          const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (project, sql, NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int i = 0; i < sqlite3_column_count (stmt); i++)
      (void) sqlite3_column_text (stmt, i);
  return rc == SQLITE_DONE;
}

static void
remove_files (void)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(WmProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *map = NULL;

  if (path == NULL)
    {
      dir = g_dir_make_tmp ("waymark-fuzz-XXXXXX", NULL);
      g_assert_nonnull (dir);
      path = g_build_filename (dir, "input.waymark", NULL);
    }

  remove_files ();
  g_assert_true (g_file_set_contents (path, (const char *) data, size, NULL));

  project = wm_project_open (path, WM_PROJECT_OPEN_READ_ONLY, &error);
  if (project == NULL)
    {
      g_assert_true (error->domain == WM_ERROR);
      g_assert_cmpstr (error->message, !=, "");
      remove_files ();
      return 0;
    }

  read_all (project, "SELECT id, import, customer, ts, touchpoint, channel, properties"
                     " FROM events_named ORDER BY customer, ts LIMIT 10000");
  read_all (project, "SELECT file, size, sha256, format, rows, rejected FROM imports");
  read_all (project, "SELECT file, line, reason, excerpt FROM rejects LIMIT 1000");

  map = wm_project_load_map_json (project, &error);
  if (map == NULL)
    {
      g_assert_true (error->domain == WM_ERROR);
      g_assert_cmpstr (error->message, !=, "");
    }
  else
    g_assert_no_error (error);

  g_clear_object (&project);
  remove_files ();
  return 0;
}
