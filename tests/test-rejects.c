/* test-rejects.c: listing an import's rejected rows and writing them as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-importer.h"
#include "wm-rejects.h"

static void
test_list_and_write (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-rejects-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.waymark", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "import", "rejects.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(WmProject) project = wm_project_open (path, WM_PROJECT_OPEN_CREATE, NULL);
  g_autoptr(WmImportOptions) options = wm_import_options_new ();
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();
  g_autoptr(GPtrArray) rejects = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  const WmReject *first;

  g_assert_true (wm_import_file (project, file, options, result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  rejects = wm_rejects_list (project, result->import_ids, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rejects->len, ==, result->rejected);
  g_assert_cmpuint (rejects->len, ==, 8);
  first = g_ptr_array_index (rejects, 0);
  g_assert_cmpstr (first->file, ==, "rejects.csv");
  g_assert_cmpuint (first->line, ==, 3);

  g_assert_true (wm_rejects_write_csv (rejects, output, NULL, &error));
  g_assert_no_error (error);
  csv = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (output)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (output)));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "file,line,reason,excerpt");
  g_assert_true (g_str_has_prefix (lines[1], "rejects.csv,3,"));
  /* The excerpt holds a comma: it is quoted. */
  g_assert_true (g_str_has_suffix (lines[1], ",\",Login,2026-03-02T08:00:00Z,web\""));
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 8 + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rejects/list-and-write", test_list_and_write);

  return g_test_run ();
}
