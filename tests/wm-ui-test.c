/* wm-ui-test.c: what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "wm-importer.h"
#include "wm-demo.h"
#include "wm-ui-test.h"

void
wm_ui_test_init (int    *argc,
                 char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init() switches to en_US.UTF-8 where the system has it: the
   * expected texts are written for C.UTF-8, as on a fresh machine. */
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();
}

WmProject *
wm_ui_test_project (const char  *name,
                    const char **imports)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-ui-XXXXXX", NULL);
  g_autofree char *file_name = g_strconcat (name, ".waymark", NULL);
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autoptr(WmImportOptions) options = wm_import_options_new ();
  g_autoptr(WmProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = wm_project_open (path, WM_PROJECT_OPEN_CREATE, &error);
  g_assert_no_error (error);

  for (guint i = 0; imports != NULL && imports[i] != NULL; i++)
    {
      g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "import", imports[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (source);
      g_autoptr(WmImportResult) result = wm_import_result_new ();

      g_assert_true (wm_import_file (project, file, options, result, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }

  return g_steal_pointer (&project);
}

WmProject *
wm_ui_test_demo_project (guint   customers,
                         guint64 seed)
{
  g_autoptr(WmProject) project = wm_ui_test_project ("Bank demo", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_demo_write_project (project, customers, seed, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&project);
}

void
wm_ui_test_spin_until (gboolean (*done) (gpointer data),
                       gpointer   data)
{
  while (!done (data))
    g_main_context_iteration (NULL, TRUE);

  /* What the finished work queued (pages of rows) lands too. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

typedef struct
{
  gpointer    object;
  const char *property;
} Wait;

static gboolean
is_false (gpointer data)
{
  Wait *wait = data;
  gboolean value = TRUE;

  g_object_get (wait->object, wait->property, &value, NULL);
  return !value;
}

void
wm_ui_test_wait_false (gpointer    object,
                       const char *property)
{
  Wait wait = { object, property };

  wm_ui_test_spin_until (is_false, &wait);
}

gint64
wm_ui_test_count (WmProject  *project,
                  const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (project, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

void
wm_ui_test_finalize (gpointer object)
{
  /* A GTask's worker thread drops its reference (and so its source
   * object's) just after the callback ran in the main thread. */
  while (g_atomic_int_get (&G_OBJECT (object)->ref_count) > 1)
    {
      g_main_context_iteration (NULL, FALSE);
      g_thread_yield ();
    }

  g_assert_finalize_object (object);
}
