/* test-project.c: WmProject open/create/refuse and WmEventWriter transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "wm-error.h"
#include "wm-event-writer.h"
#include "wm-project.h"

static char *
temp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-test-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static gint64
count_rows (WmProject  *project,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (project, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
read_bytes (const char *path,
            gsize      *len)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, len, NULL));
  return contents;
}

static void
test_create_and_reopen (void)
{
  g_autofree char *path = temp_path ("new.waymark");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = NULL;

  project = wm_project_open (path, WM_PROJECT_OPEN_DEFAULT, &error);
  g_assert_error (error, WM_ERROR, WM_ERROR_IO);
  g_assert_null (project);
  g_clear_error (&error);

  project = wm_project_open (path, WM_PROJECT_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpint (count_rows (project, "PRAGMA user_version"), ==, WM_PROJECT_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (project, "PRAGMA application_id"), ==, WM_PROJECT_APPLICATION_ID);
  g_clear_object (&project);

  project = wm_project_open (path, WM_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (project, "SELECT count(*) FROM events"), ==, 0);
  g_assert_cmpstr (wm_project_get_path (project), ==, path);
}

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  before = read_bytes (path, &before_len);
  project = wm_project_open (path, WM_PROJECT_OPEN_CREATE, &error);
  g_assert_error (error, WM_ERROR, code);
  g_assert_null (project);
  after = read_bytes (path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_refuse_text_file (void)
{
  g_autofree char *path = temp_path ("notes.waymark");

  g_assert_true (g_file_set_contents (path, "customer,touchpoint\nc1,login\n", -1, NULL));
  assert_refused_untouched (path, WM_ERROR_NOT_A_PROJECT);
}

static void
test_refuse_foreign_sqlite (void)
{
  g_autofree char *path = temp_path ("other.db");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (path, WM_ERROR_NOT_A_PROJECT);
}

static void
test_refuse_newer_version (void)
{
  g_autofree char *path = temp_path ("future.waymark");
  g_autoptr(WmProject) project = wm_project_open (path, WM_PROJECT_OPEN_CREATE, NULL);
  sqlite3 *db = NULL;

  g_assert_nonnull (project);
  g_clear_object (&project);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (path, WM_ERROR_NEWER_VERSION);
}

static void
test_refuse_truncated (void)
{
  g_autofree char *path = temp_path ("cut.waymark");
  g_autoptr(WmProject) project = wm_project_open (path, WM_PROJECT_OPEN_CREATE, NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_nonnull (project);
  g_clear_object (&project);
  contents = read_bytes (path, &len);
  g_assert_cmpuint (len, >, 1024);
  /* Keep the header page only: the schema pages are gone. */
  g_assert_true (g_file_set_contents (path, contents, 1024, NULL));
  assert_refused_untouched (path, WM_ERROR_CORRUPT);
}

static void
test_writer_commit_and_rollback (void)
{
  g_autofree char *path = temp_path ("events.waymark");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = wm_project_open (path, WM_PROJECT_OPEN_CREATE, NULL);
  WmEventWriter *writer;

  writer = wm_event_writer_new (project, "a.csv", "csv", &error);
  g_assert_no_error (error);
  g_assert_true (wm_event_writer_add (writer, "c1", "Login", "web", 1000, NULL, &error));
  g_assert_true (wm_event_writer_add (writer, "c1", "Pay", NULL, 2000, "{\"amount\":3}", &error));
  g_assert_true (wm_event_writer_add (writer, "客户-2", "Login", "web", 3000, NULL, &error));
  g_assert_true (wm_event_writer_reject (writer, 7, "no customer", ",Login,2024", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wm_event_writer_get_n_events (writer), ==, 3);
  g_assert_cmpuint (wm_event_writer_get_n_rejected (writer), ==, 1);
  g_assert_true (wm_event_writer_commit (writer, "abc", 42, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wm_event_writer_get_n_customers (writer), ==, 2);
  wm_event_writer_free (writer);

  g_assert_cmpint (count_rows (project, "SELECT count(*) FROM events"), ==, 3);
  g_assert_cmpint (count_rows (project, "SELECT count(*) FROM customers"), ==, 2);
  g_assert_cmpint (count_rows (project, "SELECT count(*) FROM touchpoints"), ==, 2);
  g_assert_cmpint (count_rows (project, "SELECT count(*) FROM channels"), ==, 1);
  g_assert_cmpint (count_rows (project, "SELECT line FROM rejects"), ==, 7);
  g_assert_cmpint (count_rows (project, "SELECT rows * 10 + rejected FROM imports"), ==, 31);

  /* A writer freed without commit leaves nothing behind. */
  writer = wm_event_writer_new (project, "b.csv", "csv", &error);
  g_assert_no_error (error);
  g_assert_true (wm_event_writer_add (writer, "c9", "New touchpoint", "ivr", 5000, NULL, &error));
  wm_event_writer_free (writer);

  g_assert_cmpint (count_rows (project, "SELECT count(*) FROM events"), ==, 3);
  g_assert_cmpint (count_rows (project, "SELECT count(*) FROM customers"), ==, 2);
  g_assert_cmpint (count_rows (project, "SELECT count(*) FROM touchpoints"), ==, 2);
  g_assert_cmpint (count_rows (project, "SELECT count(*) FROM imports"), ==, 1);
}

static void
test_map_document (void)
{
  g_autofree char *path = temp_path ("map.waymark");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = wm_project_open (path, WM_PROJECT_OPEN_CREATE, NULL);
  g_autofree char *empty = wm_project_load_map_json (project, &error);
  g_autofree char *loaded = NULL;

  g_assert_cmpstr (empty, ==, "");
  g_assert_true (wm_project_save_map_json (project, "{\"version\":1}", &error));
  g_assert_true (wm_project_save_map_json (project, "{\"version\":1,\"stages\":[]}", &error));
  loaded = wm_project_load_map_json (project, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded, ==, "{\"version\":1,\"stages\":[]}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project/create-and-reopen", test_create_and_reopen);
  g_test_add_func ("/project/refuse/text-file", test_refuse_text_file);
  g_test_add_func ("/project/refuse/foreign-sqlite", test_refuse_foreign_sqlite);
  g_test_add_func ("/project/refuse/newer-version", test_refuse_newer_version);
  g_test_add_func ("/project/refuse/truncated", test_refuse_truncated);
  g_test_add_func ("/project/writer/commit-and-rollback", test_writer_commit_and_rollback);
  g_test_add_func ("/project/map-document", test_map_document);

  return g_test_run ();
}
