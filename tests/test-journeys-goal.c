/* test-journeys-goal.c: the touchpoint most journeys end with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-importer.h"
#include "wm-journeys-goal.h"

static WmJourneys *
journeys_of (const char *csv)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-goal-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "goal.waymark", NULL);
  g_autofree char *path = g_build_filename (dir, "events.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmImportOptions) options = wm_import_options_new ();
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(WmProject) project = NULL;
  g_autoptr(GError) error = NULL;
  WmJourneys *journeys;

  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  project = wm_project_open (db, WM_PROJECT_OPEN_CREATE, &error);
  g_assert_no_error (error);
  if (strchr (csv, '\n') != strrchr (csv, '\n'))
    {
      g_assert_true (wm_import_file (project, file, options, result, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  journeys = wm_journeys_load (project, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return journeys;
}

static void
test_most_common_last (void)
{
  /* c1 and c3 end with Paid, c2 with Call (its Paid comes earlier), c4
   * with Call: two each, and the tie goes to the name first in byte
   * order. Then c5 ends with Paid too and wins. */
  const char *tie =
    "customer_id,timestamp,touchpoint\n"
    "c1,2024-01-01T10:00:00Z,Notice\n"
    "c1,2024-01-01T11:00:00Z,Paid\n"
    "c2,2024-01-01T10:00:00Z,Paid\n"
    "c2,2024-01-01T12:00:00Z,Call\n"
    "c3,2024-01-02T10:00:00Z,Paid\n"
    "c4,2024-01-02T09:00:00Z,Notice\n"
    "c4,2024-01-02T10:00:00Z,Call\n";
  g_autofree char *more = g_strconcat (tie, "c5,2024-01-03T10:00:00Z,Paid\n", NULL);
  g_autoptr(WmJourneys) tied = journeys_of (tie);
  g_autoptr(WmJourneys) paid = journeys_of (more);
  g_autofree char *first = wm_journeys_most_common_last (tied);
  g_autofree char *second = wm_journeys_most_common_last (paid);

  g_assert_cmpstr (first, ==, "Call");
  g_assert_cmpstr (second, ==, "Paid");
}

static void
test_no_events (void)
{
  g_autoptr(WmJourneys) none = journeys_of ("customer_id,timestamp,touchpoint\n");

  g_assert_null (wm_journeys_most_common_last (none));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/journeys-goal/most-common-last", test_most_common_last);
  g_test_add_func ("/journeys-goal/no-events", test_no_events);

  return g_test_run ();
}
