/* test-data-page.c: the Data page lists imports, touchpoints and rejects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-data-page.h"
#include "wm-importer.h"
#include "wm-record.h"
#include "wm-ui-test.h"

static WmRecord *
record_at (WmDataPage *page,
           const char *section,
           guint       position)
{
  GListModel *model = wm_data_page_get_model (page, section);
  WmRecord *record = g_list_model_get_item (model, position);

  /* The store keeps it alive; the test only reads it. */
  g_object_unref (record);
  return record;
}

static void
assert_touchpoint (WmDataPage *page,
                   guint       position,
                   const char *name,
                   gint64      events,
                   gint64      customers,
                   const char *channel)
{
  WmRecord *record = record_at (page, "catalogue", position);

  g_assert_cmpstr (wm_record_get_text (record, WM_CATALOGUE_NAME), ==, name);
  g_assert_cmpint (wm_record_get_int (record, WM_CATALOGUE_EVENTS), ==, events);
  g_assert_cmpint (wm_record_get_int (record, WM_CATALOGUE_CUSTOMERS), ==, customers);
  g_assert_cmpstr (wm_record_get_text (record, WM_CATALOGUE_CHANNEL), ==, channel);
}

static void
test_sections (void)
{
  const char *imports[] = { "canonical.csv", "rejects.csv", NULL };
  g_autoptr(WmProject) project = wm_ui_test_project ("sections", imports);
  g_autoptr(WmSession) session = wm_session_new ();
  WmDataPage *page = g_object_ref_sink (g_object_new (WM_TYPE_DATA_PAGE, NULL));
  WmRecord *record;
  g_autofree char *size = NULL;

  wm_session_set_project (session, project);
  wm_data_page_set_session (page, session);
  g_assert_true (wm_data_page_get_loading (page));
  wm_ui_test_wait_false (page, "loading");

  g_assert_cmpuint (g_list_model_get_n_items (wm_data_page_get_model (page, "history")), ==, 2);
  record = record_at (page, "history", 0);
  g_assert_cmpstr (wm_record_get_text (record, WM_HISTORY_FILE), ==, "canonical.csv");
  g_assert_cmpstr (wm_record_get_text (record, WM_HISTORY_FORMAT), ==, "CSV");
  g_assert_cmpint (wm_record_get_int (record, WM_HISTORY_ROWS), ==, 5);
  g_assert_cmpint (wm_record_get_int (record, WM_HISTORY_REJECTED), ==, 0);
  g_assert_cmpint (wm_record_get_int (record, WM_HISTORY_SIZE), ==, 310);
  size = wm_record_format (record, WM_HISTORY_SIZE, WM_RECORD_BYTES);
  g_assert_cmpstr (size, ==, "310 bytes");
  g_assert_cmpint (wm_record_get_int (record, WM_HISTORY_FINISHED), >=,
                   wm_record_get_int (record, WM_HISTORY_STARTED));
  record = record_at (page, "history", 1);
  g_assert_cmpstr (wm_record_get_text (record, WM_HISTORY_FILE), ==, "rejects.csv");
  g_assert_cmpint (wm_record_get_int (record, WM_HISTORY_ROWS), ==, 2);
  g_assert_cmpint (wm_record_get_int (record, WM_HISTORY_REJECTED), ==, 8);

  g_assert_cmpuint (g_list_model_get_n_items (wm_data_page_get_model (page, "catalogue")), ==, 6);
  assert_touchpoint (page, 0, "Login", 2, 2, "web");
  assert_touchpoint (page, 1, "Agent call", 1, 1, "agent");
  assert_touchpoint (page, 2, "App login", 1, 1, "mobile");
  assert_touchpoint (page, 3, "IVR menu", 1, 1, "ivr");
  assert_touchpoint (page, 4, "Payment completed", 1, 1, "web");
  assert_touchpoint (page, 5, "Payment notice", 1, 1, "mail");

  g_assert_cmpuint (g_list_model_get_n_items (wm_data_page_get_model (page, "rejects")), ==, 8);
  record = record_at (page, "rejects", 0);
  g_assert_cmpstr (wm_record_get_text (record, WM_REJECT_FILE), ==, "rejects.csv");
  g_assert_cmpint (wm_record_get_int (record, WM_REJECT_LINE), ==, 3);
  g_assert_cmpstr (wm_record_get_text (record, WM_REJECT_EXCERPT), ==, ",Login,2026-03-02T08:00:00Z,web");

  /* Closing the project empties every section. */
  wm_session_set_project (session, NULL);
  wm_ui_test_wait_false (page, "loading");
  g_assert_cmpuint (g_list_model_get_n_items (wm_data_page_get_model (page, "history")), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (wm_data_page_get_model (page, "catalogue")), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (wm_data_page_get_model (page, "rejects")), ==, 0);

  wm_ui_test_finalize (page);
}

/* More rejected rows than one page: all arrive, in file order. */
static void
test_many_rejects (void)
{
  g_autoptr(WmProject) project = wm_ui_test_project ("many", NULL);
  g_autoptr(WmSession) session = wm_session_new ();
  g_autofree char *dir = g_path_get_dirname (wm_project_get_path (project));
  g_autofree char *path = g_build_filename (dir, "bad.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("customer,timestamp,touchpoint\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmImportOptions) options = wm_import_options_new ();
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(GError) error = NULL;
  WmDataPage *page;
  GListModel *rejects;

  for (guint i = 0; i < 12000; i++)
    g_string_append_printf (csv, "c%u,not a time,Login\n", i);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  g_assert_true (wm_import_file (project, file, options, result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->rejected, ==, 12000);

  page = g_object_ref_sink (g_object_new (WM_TYPE_DATA_PAGE, NULL));
  wm_session_set_project (session, project);
  wm_data_page_set_session (page, session);
  wm_ui_test_wait_false (page, "loading");

  rejects = wm_data_page_get_model (page, "rejects");
  g_assert_cmpuint (g_list_model_get_n_items (rejects), ==, 12000);
  g_assert_cmpint (wm_record_get_int (record_at (page, "rejects", 0), WM_REJECT_LINE), ==, 2);
  g_assert_cmpint (wm_record_get_int (record_at (page, "rejects", 11999), WM_REJECT_LINE), ==, 12001);
  g_assert_cmpuint (g_list_model_get_n_items (wm_data_page_get_model (page, "catalogue")), ==, 0);

  wm_ui_test_finalize (page);
}

int
main (int   argc,
      char *argv[])
{
  wm_ui_test_init (&argc, &argv);

  g_test_add_func ("/data-page/sections", test_sections);
  g_test_add_func ("/data-page/many-rejects", test_many_rejects);

  return g_test_run ();
}
