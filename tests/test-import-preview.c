/* test-import-preview.c: the rows and mapping the import dialog shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-error.h"
#include "wm-import-preview.h"

static WmImportPreview *
preview (const char      *name,
         WmImportFormat   format,
         guint            max_rows,
         GError         **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return wm_import_preview_read (file, format, max_rows, NULL, error);
}

static void
test_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmImportPreview) p = preview ("canonical.csv", WM_IMPORT_FORMAT_AUTO, 20, &error);
  char **row;

  g_assert_no_error (error);
  g_assert_cmpint (p->format, ==, WM_IMPORT_FORMAT_CSV);
  g_assert_cmpuint (p->n_columns, ==, 5);
  g_assert_cmpstr (p->columns[0], ==, "Customer_ID");
  g_assert_cmpstr (p->columns[4], ==, "Note");
  g_assert_cmpint (p->detected[WM_FIELD_CUSTOMER], ==, 0);
  g_assert_cmpint (p->detected[WM_FIELD_TIMESTAMP], ==, 1);
  g_assert_cmpint (p->detected[WM_FIELD_TOUCHPOINT], ==, 2);
  g_assert_cmpint (p->detected[WM_FIELD_CHANNEL], ==, 3);
  g_assert_cmpuint (p->rows->len, ==, 5);
  row = g_ptr_array_index (p->rows, 2);
  g_assert_cmpstr (row[4], ==, "line one\r\nline two");
  row = g_ptr_array_index (p->rows, 3);
  g_assert_cmpstr (row[4], ==, "");
}

static void
test_csv_limit_and_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmImportPreview) p = preview ("rejects.csv", WM_IMPORT_FORMAT_AUTO, 3, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (p->rows->len, ==, 3);
  g_assert_cmpint (p->detected[WM_FIELD_CUSTOMER], ==, 0);
  g_assert_cmpint (p->detected[WM_FIELD_TIMESTAMP], ==, 2);
  g_assert_cmpint (p->detected[WM_FIELD_TOUCHPOINT], ==, 1);
  g_clear_pointer (&p, wm_import_preview_free);

  p = preview ("no-header.csv", WM_IMPORT_FORMAT_AUTO, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpint (p->detected[WM_FIELD_CUSTOMER], ==, -1);
  g_assert_cmpint (p->detected[WM_FIELD_TOUCHPOINT], ==, -1);
}

static void
test_jsonl (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmImportPreview) p = preview ("mixpanel.jsonl", WM_IMPORT_FORMAT_AUTO, 20, &error);
  gboolean has_distinct_id = FALSE;

  g_assert_no_error (error);
  g_assert_cmpint (p->format, ==, WM_IMPORT_FORMAT_JSONL);
  g_assert_cmpint (p->detected[WM_FIELD_CUSTOMER], ==, -1);
  for (guint i = 0; i < p->n_columns; i++)
    has_distinct_id |= g_strcmp0 (p->columns[i], "properties.distinct_id") == 0;
  g_assert_true (has_distinct_id);
  g_assert_cmpuint (p->rows->len, >, 0);
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmImportPreview) p = preview ("empty.csv", WM_IMPORT_FORMAT_AUTO, 20, &error);

  g_assert_error (error, WM_ERROR, WM_ERROR_EMPTY_FILE);
  g_assert_null (p);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-preview/csv", test_csv);
  g_test_add_func ("/import-preview/csv-limit-and-missing", test_csv_limit_and_missing);
  g_test_add_func ("/import-preview/jsonl", test_jsonl);
  g_test_add_func ("/import-preview/empty", test_empty);

  return g_test_run ();
}
