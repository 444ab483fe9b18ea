/* test-catalogue.c: per-touchpoint events, customers and top channel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "wm-catalogue.h"
#include "wm-error.h"
#include "wm-importer.h"

static WmProject *
project_with (const char *dir,
              const char *csv)
{
  g_autofree char *path = g_build_filename (dir, "test.waymark", NULL);
  g_autofree char *log = g_build_filename (dir, "log.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (log);
  g_autoptr(WmImportOptions) options = wm_import_options_new ();
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(WmProject) project = wm_project_open (path, WM_PROJECT_OPEN_CREATE, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (log, csv, -1, NULL));
  g_assert_true (wm_import_file (project, file, options, result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&project);
}

static void
assert_entry (GPtrArray  *entries,
              guint       index,
              const char *name,
              guint64     events,
              guint64     customers,
              const char *top_channel)
{
  const WmCatalogueEntry *entry = g_ptr_array_index (entries, index);

  g_assert_cmpstr (entry->name, ==, name);
  g_assert_cmpuint (entry->events, ==, events);
  g_assert_cmpuint (entry->customers, ==, customers);
  g_assert_cmpstr (entry->top_channel, ==, top_channel);
}

static void
test_counts (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-catalogue-XXXXXX", NULL);
  g_autoptr(WmProject) project = project_with (dir,
                                               "customer,timestamp,touchpoint,channel\n"
                                               "a,2026-01-01T00:00:00Z,Login,web\n"
                                               "a,2026-01-01T00:01:00Z,Login,web\n"
                                               "b,2026-01-01T00:02:00Z,Login,mobile\n"
                                               "c,2026-01-01T00:03:00Z,Login,mobile\n"
                                               "d,2026-01-01T00:04:00Z,Login,mobile\n"
                                               "x,2026-01-01T00:05:00Z,Pay,web\n"
                                               "y,2026-01-01T00:06:00Z,Pay,app\n"
                                               "y,2026-01-01T00:07:00Z,Exit,\n"
                                               "z,2026-01-01T00:08:00Z,Call,\n");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = wm_catalogue_load (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 4);
  assert_entry (entries, 0, "Login", 5, 4, "mobile");
  /* A tie goes to the name first in byte order. */
  assert_entry (entries, 1, "Pay", 2, 2, "app");
  assert_entry (entries, 2, "Call", 1, 1, NULL);
  assert_entry (entries, 3, "Exit", 1, 1, NULL);
}

static void
test_empty_and_cancelled (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-catalogue-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.waymark", NULL);
  g_autoptr(WmProject) project = wm_project_open (path, WM_PROJECT_OPEN_CREATE, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = wm_catalogue_load (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  g_cancellable_cancel (cancellable);
  entries = wm_catalogue_load (project, cancellable, &error);
  g_assert_error (error, WM_ERROR, WM_ERROR_CANCELLED);
  g_assert_null (entries);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalogue/counts", test_counts);
  g_test_add_func ("/catalogue/empty-and-cancelled", test_empty_and_cancelled);

  return g_test_run ();
}
