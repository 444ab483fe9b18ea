/* test-import-dialog.c: importing through the dialog, its errors, cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wm-data-page.h"
#include "wm-error.h"
#include "wm-import-dialog.h"
#include "wm-record.h"
#include "wm-ui-test.h"

static gboolean
not_importing (gpointer data)
{
  return !g_str_equal (wm_import_dialog_get_stage (data), "progress");
}

static GFile *
test_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);

  return g_file_new_for_path (path);
}

static void
close_dialog (WmImportDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  wm_ui_test_finalize (dialog);
}

static void
test_import_updates_catalogue (void)
{
  g_autoptr(WmProject) project = wm_ui_test_project ("import", NULL);
  g_autoptr(WmSession) session = wm_session_new ();
  g_autoptr(GFile) file = test_file ("canonical.csv");
  WmDataPage *page = g_object_ref_sink (g_object_new (WM_TYPE_DATA_PAGE, NULL));
  WmImportDialog *dialog;
  const WmImportResult *result;
  GListModel *catalogue;
  WmRecord *first;

  wm_session_set_project (session, project);
  wm_data_page_set_session (page, session);
  wm_ui_test_wait_false (page, "loading");
  g_assert_cmpuint (g_list_model_get_n_items (wm_data_page_get_model (page, "catalogue")), ==, 0);

  dialog = g_object_ref (wm_import_dialog_new (NULL, session));
  wm_import_dialog_set_file (dialog, file);
  g_assert_cmpstr (wm_import_dialog_get_stage (dialog), ==, "setup");

  wm_import_dialog_start (dialog, file);
  g_assert_cmpstr (wm_import_dialog_get_stage (dialog), ==, "progress");
  wm_ui_test_spin_until (not_importing, dialog);
  g_assert_null (wm_import_dialog_get_error (dialog));
  g_assert_cmpstr (wm_import_dialog_get_stage (dialog), ==, "summary");

  result = wm_import_dialog_get_result (dialog);
  g_assert_cmpuint (result->imported, ==, 5);
  g_assert_cmpuint (result->rejected, ==, 0);
  g_assert_cmpuint (result->customers, ==, 3);

  /* The Data page heard of the import and reloaded. */
  wm_ui_test_wait_false (page, "loading");
  catalogue = wm_data_page_get_model (page, "catalogue");
  g_assert_cmpuint (g_list_model_get_n_items (catalogue), ==, 5);
  first = g_list_model_get_item (catalogue, 0);
  g_assert_cmpstr (wm_record_get_text (first, WM_CATALOGUE_NAME), ==, "Agent call");
  g_assert_cmpint (wm_record_get_int (first, WM_CATALOGUE_EVENTS), ==, 1);
  g_object_unref (first);
  g_assert_cmpuint (g_list_model_get_n_items (wm_data_page_get_model (page, "history")), ==, 1);

  /* The same file again is refused, and nothing is counted twice. */
  wm_import_dialog_start (dialog, file);
  wm_ui_test_spin_until (not_importing, dialog);
  g_assert_error (wm_import_dialog_get_error (dialog), WM_ERROR, WM_ERROR_ALREADY_IMPORTED);
  g_assert_cmpstr (wm_import_dialog_get_stage (dialog), ==, "setup");
  g_assert_cmpint (wm_ui_test_count (project, "SELECT count(*) FROM events"), ==, 5);

  close_dialog (dialog);
  wm_ui_test_wait_false (page, "loading");
  wm_ui_test_finalize (page);
}

static void
test_no_usable_header (void)
{
  g_autoptr(WmProject) project = wm_ui_test_project ("header", NULL);
  g_autoptr(WmSession) session = wm_session_new ();
  g_autoptr(GFile) file = test_file ("no-header.csv");
  WmImportDialog *dialog;

  wm_session_set_project (session, project);
  dialog = g_object_ref (wm_import_dialog_new (NULL, session));
  wm_import_dialog_set_file (dialog, file);

  /* Refused before any work, with the field to choose named. */
  wm_import_dialog_start (dialog, file);
  g_assert_cmpstr (wm_import_dialog_get_stage (dialog), ==, "setup");
  g_assert_error (wm_import_dialog_get_error (dialog), WM_ERROR, WM_ERROR_NO_USABLE_HEADER);
  g_assert_nonnull (strstr (wm_import_dialog_get_error (dialog)->message, "customer"));
  g_assert_cmpint (wm_ui_test_count (project, "SELECT count(*) FROM imports"), ==, 0);

  close_dialog (dialog);
}

/* Several files (a drop, a multiple choice) go one after another, each
 * checked on its own; one that cannot be imported is skipped. */
static void
test_several_files (void)
{
  g_autoptr(WmProject) project = wm_ui_test_project ("several", NULL);
  g_autoptr(WmSession) session = wm_session_new ();
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  const char *names[] = { "canonical.csv", "no-header.csv", "posthog.jsonl" };
  g_autoptr(GFile) no_header = test_file ("no-header.csv");
  WmImportDialog *dialog;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GFile) file = test_file (names[i]);

      g_list_store_append (files, file);
    }

  wm_session_set_project (session, project);
  dialog = g_object_ref (wm_import_dialog_new (NULL, session));
  wm_import_dialog_set_files (dialog, G_LIST_MODEL (files));
  g_assert_cmpuint (wm_import_dialog_get_n_pending (dialog), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  wm_ui_test_spin_until (not_importing, dialog);
  g_assert_cmpstr (wm_import_dialog_get_stage (dialog), ==, "summary");
  g_assert_cmpuint (wm_import_dialog_get_result (dialog)->imported, ==, 5);

  /* The second has no customer column: it is shown with the error, and
   * can be skipped. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL));
  g_assert_cmpstr (wm_import_dialog_get_stage (dialog), ==, "setup");
  g_assert_cmpuint (wm_import_dialog_get_n_pending (dialog), ==, 1);
  wm_import_dialog_start (dialog, no_header);
  g_assert_cmpstr (wm_import_dialog_get_stage (dialog), ==, "setup");
  g_assert_error (wm_import_dialog_get_error (dialog), WM_ERROR, WM_ERROR_NO_USABLE_HEADER);
  g_assert_cmpint (wm_ui_test_count (project, "SELECT count(*) FROM imports"), ==, 1);

  g_assert_true (wm_import_dialog_next_file (dialog));
  g_assert_cmpuint (wm_import_dialog_get_n_pending (dialog), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  wm_ui_test_spin_until (not_importing, dialog);
  g_assert_cmpstr (wm_import_dialog_get_stage (dialog), ==, "summary");
  g_assert_cmpuint (wm_import_dialog_get_result (dialog)->imported, ==, 2);
  g_assert_false (wm_import_dialog_next_file (dialog));

  g_assert_cmpint (wm_ui_test_count (project, "SELECT count(*) FROM imports"), ==, 2);
  g_assert_cmpint (wm_ui_test_count (project, "SELECT count(*) FROM events"), ==, 7);

  close_dialog (dialog);
}

/* A FIFO lets the test decide when the importer gets its rows, so the
 * cancel lands mid-import whatever the machine's speed.  Nothing is
 * written after the cancel: the importer may have closed the pipe by
 * then, and a write would end the test with SIGPIPE. */
static void
test_cancel_leaves_project (void)
{
  const char *imports[] = { "canonical.csv", NULL };
  g_autoptr(WmProject) project = wm_ui_test_project ("cancel", imports);
  g_autoptr(WmSession) session = wm_session_new ();
  g_autofree char *dir = g_path_get_dirname (wm_project_get_path (project));
  g_autofree char *path = g_build_filename (dir, "live.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char header[] = "customer,timestamp,touchpoint\nc9,2026-03-02T08:00:00Z,Login\n";
  WmImportDialog *dialog;
  int fd;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  wm_session_set_project (session, project);
  dialog = g_object_ref (wm_import_dialog_new (NULL, session));

  wm_import_dialog_start (dialog, file);
  g_assert_cmpstr (wm_import_dialog_get_stage (dialog), ==, "progress");

  fd = open (path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, header, strlen (header)), ==, (gssize) strlen (header));
  wm_import_dialog_cancel (dialog);
  close (fd);

  wm_ui_test_spin_until (not_importing, dialog);
  g_assert_cmpstr (wm_import_dialog_get_stage (dialog), ==, "setup");
  g_assert_nonnull (wm_import_dialog_get_error (dialog));
  g_assert_true (g_error_matches (wm_import_dialog_get_error (dialog), WM_ERROR, WM_ERROR_CANCELLED) ||
                 g_error_matches (wm_import_dialog_get_error (dialog), G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_assert_cmpint (wm_ui_test_count (project, "SELECT count(*) FROM events"), ==, 5);
  g_assert_cmpint (wm_ui_test_count (project, "SELECT count(*) FROM imports"), ==, 1);
  g_assert_cmpint (wm_ui_test_count (project, "SELECT count(*) FROM customers"), ==, 3);

  close_dialog (dialog);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  wm_ui_test_init (&argc, &argv);

  g_test_add_func ("/import-dialog/import-updates-catalogue", test_import_updates_catalogue);
  g_test_add_func ("/import-dialog/no-usable-header", test_no_usable_header);
  g_test_add_func ("/import-dialog/several-files", test_several_files);
  g_test_add_func ("/import-dialog/cancel-leaves-project", test_cancel_leaves_project);

  return g_test_run ();
}
