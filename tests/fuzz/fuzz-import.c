/* fuzz-import.c: libFuzzer entry point for the importers
 *
 * Built twice: fuzz-jsonl-import (FUZZ_FORMAT_JSONL) and fuzz-csv-import.
 * The parsing is bound to the event writer, so each input goes through
 * wm_import_stream() into an in-memory project, emptied after each input,
 * and what the importer reports must be what the project holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "wm-error.h"
#include "wm-importer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static gint64
count_rows (WmProject  *project,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (project, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static WmProject *project;
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(WmImportOptions) options = wm_import_options_new ();
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(GError) error = NULL;

  if (project == NULL)
    project = wm_project_open (":memory:", WM_PROJECT_OPEN_CREATE, NULL);
  g_assert_nonnull (project);
  g_assert_true (wm_project_exec (project,
                                  "DELETE FROM events; DELETE FROM rejects; DELETE FROM imports;"
                                  "DELETE FROM customers; DELETE FROM touchpoints; DELETE FROM channels;"
                                  "DELETE FROM property_sets;",
                                  NULL));
#ifdef FUZZ_FORMAT_JSONL
  options->format = WM_IMPORT_FORMAT_JSONL;
#else
  options->format = WM_IMPORT_FORMAT_CSV;
#endif

  if (wm_import_stream (project, stream, "fuzz", size, options, result,
                        NULL, NULL, NULL, &error))
    {
      g_assert_no_error (error);
      g_assert_cmpint (count_rows (project, "SELECT count(*) FROM events_named"), ==, result->imported);
      g_assert_cmpint (count_rows (project, "SELECT count(*) FROM rejects"), ==, result->rejected);
    }
  else
    {
      /* A file refused as a whole leaves nothing behind. */
      g_assert_true (error->domain == WM_ERROR);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_cmpint (count_rows (project, "SELECT count(*) FROM events"), ==, 0);
      g_assert_cmpint (count_rows (project, "SELECT count(*) FROM imports"), ==, 0);
    }

  return 0;
}
