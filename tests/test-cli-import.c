/* test-cli-import.c: waymark-cli demo, import and stats end to end, JSON asserted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "wm-cli-runner.h"

static void
test_import_json (void)
{
  g_autofree char *db = temp_file ("p.waymark");
  g_autofree char *canonical = data_path ("canonical.csv");
  g_autofree char *rejects = data_path ("rejects.csv");
  g_autoptr(JsonObject) result = NULL;
  g_auto(Run) run = { 0 };
  JsonArray *list;
  JsonObject *first;

  cli (&run, NULL, "import", "--db", db, "--json", canonical, rejects, NULL);
  g_assert_cmpint (run.status, ==, 0);
  result = parse_object (run.out);
  g_assert_cmpint (json_object_get_int_member (result, "imported"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (result, "rejected"), ==, 8);
  /* c1, c2, "c,3" from one file, ok1 and ok9 from the other. */
  g_assert_cmpint (json_object_get_int_member (result, "customers"), ==, 5);

  list = json_object_get_array_member (result, "rejects");
  g_assert_cmpuint (json_array_get_length (list), ==, 8);
  first = json_array_get_object_element (list, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "file"), ==, "rejects.csv");
  g_assert_cmpint (json_object_get_int_member (first, "line"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (first, "reason"), ==, "no customer");
  first = json_array_get_object_element (list, 7);
  g_assert_cmpint (json_object_get_int_member (first, "line"), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (first, "reason"), ==, "5 fields, but the header has 4");
}

static void
test_import_refusals_keep_project (void)
{
  g_autofree char *db = temp_file ("p.waymark");
  g_autofree char *canonical = data_path ("canonical.csv");
  g_autofree char *no_header = data_path ("no-header.csv");
  g_autoptr(JsonObject) stats = NULL;
  g_auto(Run) run = { 0 };

  cli (&run, NULL, "import", "--db", db, canonical, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Imported 5 events of 3 customers; 0 rows rejected.\n");
  run_clear (&run);

  cli (&run, NULL, "import", "--db", db, canonical, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_line_error (&run, "same content");
  g_assert_cmpstr (run.out, ==, "");
  run_clear (&run);

  cli (&run, NULL, "import", "--db", db, "--json", no_header, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_line_error (&run, "has no customer column");
  run_clear (&run);

  cli (&run, NULL, "stats", "--db", db, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  stats = parse_object (run.out);
  g_assert_cmpint (json_object_get_int_member (stats, "events"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (stats, "imports"), ==, 1);
  run_clear (&run);

  cli (&run, NULL, "import", "--db", db, "--force", "--json", canonical, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&stats, json_object_unref);
  stats = parse_object (run.out);
  g_assert_cmpint (json_object_get_int_member (stats, "imported"), ==, 5);
}

static void
test_import_stdin_with_options (void)
{
  g_autofree char *db = temp_file ("p.waymark");
  g_autoptr(JsonObject) stats = NULL;
  g_auto(Run) run = { 0 };

  cli (&run, "user,when,what\nk1,2026-03-02 08:00:00,Login\nk2,2026-03-02 09:00:00,Login\n",
       "import", "--db", db, "--format", "csv", "--map", "customer=user", "--map", "timestamp=when",
       "--map", "touchpoint=what", "--timezone", "+08:00", "-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  cli (&run, NULL, "stats", "--db", db, "--json", NULL);
  stats = parse_object (run.out);
  g_assert_cmpint (json_object_get_int_member (stats, "customers"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (stats, "first_ts"), ==, "2026-03-02T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (stats, "last_ts"), ==, "2026-03-02T01:00:00Z");
}

static void
test_bad_usage (void)
{
  g_autofree char *db = temp_file ("p.waymark");
  g_autofree char *text = temp_file ("notes.waymark");
  g_autofree char *canonical = data_path ("canonical.csv");
  g_autofree char *contents = NULL;
  g_auto(Run) run = { 0 };

  cli (&run, NULL, "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_line_error (&run, "frobnicate");
  run_clear (&run);

  /* Help names the command once, as it is typed. */
  cli (&run, NULL, "import", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Usage:\n  waymark-cli import [OPTION…] FILE…\n"));
  run_clear (&run);

  cli (&run, NULL, "import", "--db", db, "--bogus", canonical, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_line_error (&run, "--bogus");
  run_clear (&run);

  cli (&run, NULL, "import", canonical, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_line_error (&run, "--db");
  run_clear (&run);

  cli (&run, NULL, "import", "--db", db, "--format", "xml", canonical, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  cli (&run, NULL, "import", "--db", db, "--map", "colour=x", canonical, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  cli (&run, NULL, "import", "--db", db, "--timezone", "Atlantis/Capital", canonical, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_line_error (&run, "Atlantis/Capital");
  run_clear (&run);

  /* Nothing was imported, so no project file was left behind. */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  cli (&run, NULL, "stats", "--db", db, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_line_error (&run, "does not exist");
  run_clear (&run);

  /* A file that is not a project is refused and left as it was. */
  g_assert_true (g_file_set_contents (text, "not a database\n", -1, NULL));
  cli (&run, NULL, "import", "--db", text, canonical, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_line_error (&run, "is not a Waymark project");
  g_assert_true (g_file_get_contents (text, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "not a database\n");
}

static void
test_demo (void)
{
  g_autofree char *db = temp_file ("demo.waymark");
  g_autofree char *csv_a = temp_file ("a.csv");
  g_autofree char *csv_b = temp_file ("b.csv");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(JsonObject) stats = NULL;
  g_auto(Run) run = { 0 };
  JsonArray *touchpoints;
  gboolean found_receipt = FALSE;

  cli (&run, NULL, "demo", "--output", db, "--customers", "2000", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  cli (&run, NULL, "stats", "--db", db, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  stats = parse_object (run.out);
  g_assert_cmpint (json_object_get_int_member (stats, "events"), ==, 8483);
  g_assert_cmpint (json_object_get_int_member (stats, "customers"), ==, 2000);
  g_assert_cmpstr (json_object_get_string_member (stats, "first_ts"), ==, "2026-03-02T08:00:20.095Z");
  touchpoints = json_object_get_array_member (stats, "touchpoints");
  g_assert_cmpuint (json_array_get_length (touchpoints), ==, 10);
  for (guint i = 0; i < json_array_get_length (touchpoints); i++)
    {
      JsonObject *tp = json_array_get_object_element (touchpoints, i);

      if (g_str_equal (json_object_get_string_member (tp, "name"), "收据已发送"))
        {
          found_receipt = TRUE;
          g_assert_cmpint (json_object_get_int_member (tp, "customers"), ==, 459);
        }
    }
  g_assert_true (found_receipt);
  run_clear (&run);

  /* Refuses to overwrite. */
  cli (&run, NULL, "demo", "--output", db, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_line_error (&run, "already exists");
  run_clear (&run);

  /* Same seed, same bytes; and the CSV imports to the same events. */
  cli (&run, NULL, "demo", "--output", csv_a, "--customers", "2000", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  cli (&run, NULL, "demo", "--output", csv_b, "--customers", "2000", NULL);
  run_clear (&run);
  g_assert_true (g_file_get_contents (csv_a, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (csv_b, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);
  g_assert_true (g_str_has_prefix (a, "customer_id,timestamp,touchpoint,channel,segment,region\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/import/json", test_import_json);
  g_test_add_func ("/cli/import/refusals-keep-project", test_import_refusals_keep_project);
  g_test_add_func ("/cli/import/stdin-with-options", test_import_stdin_with_options);
  g_test_add_func ("/cli/bad-usage", test_bad_usage);
  g_test_add_func ("/cli/demo", test_demo);

  return g_test_run ();
}
