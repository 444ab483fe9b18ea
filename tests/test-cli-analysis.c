/* test-cli-analysis.c: waymark-cli funnel, flow and leakage end to end,
 * JSON asserted on real project files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "wm-analysis.h"
#include "wm-cli-runner.h"

static const char events[] =
  "customer,timestamp,touchpoint,channel,segment\n"
  "a,2026-01-01T00:00:00Z,Notice,mail,retail\n"
  "a,2026-01-01T01:00:00Z,App login,app,retail\n"
  "a,2026-01-01T01:10:00Z,Paid,app,retail\n"
  "b,2026-01-01T00:00:00Z,Notice,mail,premium\n"
  "b,2026-01-02T00:00:00Z,IVR menu,ivr,premium\n"
  "c,2026-01-01T00:00:00Z,Notice,mail,retail\n"
  "c,2026-01-20T00:00:00Z,App login,app,retail\n"
  "c,2026-01-20T00:20:00Z,Paid,app,retail\n";

/* A project with @events imported through the CLI. */
static char *
make_project (void)
{
  g_autofree char *csv = temp_file ("events.csv");
  char *db = temp_file ("p.waymark");
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (csv, events, -1, NULL));
  cli (&run, NULL, "import", "--db", db, csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  return db;
}

static JsonObject *
step_of (JsonObject *result,
         guint       k)
{
  return json_array_get_object_element (json_object_get_array_member (result, "steps"), k);
}

static void
test_funnel_json (void)
{
  g_autofree char *db = make_project ();
  g_autoptr(JsonObject) result = NULL;
  g_auto(Run) run = { 0 };
  JsonObject *step;
  JsonArray *breakdown;

  cli (&run, NULL, "funnel", "--db", db, "--step", "Notice", "--step", "App login,IVR menu",
       "--step", "Paid", "--window", "7d", "--by", "segment", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  result = parse_object (run.out);

  g_assert_cmpstr (json_object_get_string_member (result, "order"), ==, "ordered");
  g_assert_cmpint (json_object_get_int_member (result, "window_s"), ==, 7 * 86400);
  step = step_of (result, 0);
  g_assert_cmpint (json_object_get_int_member (step, "customers"), ==, 3);
  g_assert_true (json_object_get_null_member (step, "median_s"));
  step = step_of (result, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (step, "touchpoints")), ==, 2);
  g_assert_cmpint (json_object_get_int_member (step, "customers"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (step, "dropped"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (step, "in_progress"), ==, 0);
  /* a after 1 h, b after 24 h. */
  g_assert_cmpfloat (json_object_get_double_member (step, "median_s"), ==, 45000.0);
  g_assert_cmpfloat (json_object_get_double_member (step, "from_start"), ==, 2.0 / 3.0);
  step = step_of (result, 2);
  g_assert_cmpint (json_object_get_int_member (step, "customers"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (step, "from_previous"), ==, 0.5);
  g_assert_cmpfloat (json_object_get_double_member (step, "median_s"), ==, 600.0);

  breakdown = json_object_get_array_member (result, "breakdown");
  g_assert_cmpuint (json_array_get_length (breakdown), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (breakdown, 0), "value"), ==, "retail");
  step = step_of (json_array_get_object_element (breakdown, 0), 2);
  g_assert_cmpint (json_object_get_int_member (step, "customers"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (breakdown, 1), "value"), ==, "premium");
}

static void
test_funnel_table (void)
{
  g_autofree char *db = make_project ();
  g_auto(Run) run = { 0 };

  /* b's 30-day window is still open when the data ends (c pays on day 19). */
  cli (&run, NULL, "funnel", "--db", db, "--step", "Notice", "--step", "Paid", "--window", "30d", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Funnel, ordered, conversion window 30d\n\n"));
  g_assert_nonnull (strstr (run.out, "Step  Touchpoints  Customers  From start  From previous  Dropped  In progress  Median time\n"));
  g_assert_nonnull (strstr (run.out, "   2  Paid                 2      66.7\u202F%         66.7\u202F%        0            1       9d 12h\n"));
}

static void
test_flow_json (void)
{
  g_autofree char *db = make_project ();
  g_autoptr(JsonObject) result = NULL;
  g_auto(Run) run = { 0 };
  JsonArray *nodes, *links;
  JsonObject *node, *link;

  cli (&run, NULL, "flow", "--db", db, "--from", "Notice", "--depth", "2", "--top", "1",
       "--min-share", "0", "--window", "7d", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  result = parse_object (run.out);
  nodes = json_object_get_array_member (result, "nodes");
  links = json_object_get_array_member (result, "links");

  /* 0:Notice; 1:App login (a), 1:Other (b's IVR menu), 1:Exit (c, too late);
   * 2:Paid (a), 2:Exit (b). */
  g_assert_cmpuint (json_array_get_length (nodes), ==, 6);
  node = json_array_get_object_element (nodes, 0);
  g_assert_cmpstr (json_object_get_string_member (node, "id"), ==, "0:Notice");
  g_assert_cmpint (json_object_get_int_member (node, "step"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (node, "touchpoint"), ==, "Notice");
  g_assert_cmpint (json_object_get_int_member (node, "customers"), ==, 3);
  node = json_array_get_object_element (nodes, 2);
  g_assert_cmpstr (json_object_get_string_member (node, "id"), ==, "1:Other");
  g_assert_cmpstr (json_object_get_string_member (node, "kind"), ==, "other");
  node = json_array_get_object_element (nodes, 3);
  g_assert_cmpstr (json_object_get_string_member (node, "id"), ==, "1:Exit");
  g_assert_cmpint (json_object_get_int_member (node, "customers"), ==, 1);

  g_assert_cmpuint (json_array_get_length (links), ==, 5);
  link = json_array_get_object_element (links, 0);
  g_assert_cmpstr (json_object_get_string_member (link, "source"), ==, "0:Notice");
  g_assert_cmpstr (json_object_get_string_member (link, "target"), ==, "1:App login");
  g_assert_cmpint (json_object_get_int_member (link, "customers"), ==, 1);
  link = json_array_get_object_element (links, 4);
  g_assert_cmpstr (json_object_get_string_member (link, "source"), ==, "1:Other");
  g_assert_cmpstr (json_object_get_string_member (link, "target"), ==, "2:Exit");
}

static void
test_leakage_json (void)
{
  g_autofree char *db = make_project ();
  g_autoptr(JsonObject) result = NULL;
  g_auto(Run) run = { 0 };
  JsonArray *channels;
  JsonObject *app;

  cli (&run, NULL, "leakage", "--db", db, "--goal", "Paid", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  result = parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (result, "goal"), ==, "Paid");
  channels = json_object_get_array_member (result, "channels");
  g_assert_cmpuint (json_array_get_length (channels), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (channels, 0), "channel"), ==, "mail");
  app = json_array_get_object_element (channels, 1);
  g_assert_cmpstr (json_object_get_string_member (app, "channel"), ==, "app");
  g_assert_cmpint (json_object_get_int_member (app, "entered"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (app, "completed_in_channel"), ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (app, "leakage"), ==, 0.0);
}

static void
test_bad_usage (void)
{
  g_autofree char *db = make_project ();
  g_auto(Run) run = { 0 };

  cli (&run, NULL, "funnel", "--db", db, "--step", "Notice", "--step", "app login", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_line_error (&run, "did you mean “App login”");
  run_clear (&run);

  cli (&run, NULL, "funnel", "--db", db, "--step", "Notice", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_line_error (&run, "at least two --step");
  run_clear (&run);

  cli (&run, NULL, "funnel", "--db", db, "--step", "Notice", "--step", "Paid", "--window", "soon", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_line_error (&run, "--window");
  run_clear (&run);

  cli (&run, NULL, "funnel", "--db", db, "--step", "Notice", "--step", "Paid", "--order", "random", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_line_error (&run, "random");
  run_clear (&run);

  cli (&run, NULL, "flow", "--db", db, "--from", "Notise", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_line_error (&run, "“Notice”");
  run_clear (&run);

  cli (&run, NULL, "flow", "--db", db, "--min-share", "2", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  cli (&run, NULL, "leakage", "--db", db, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_line_error (&run, "--goal");
  run_clear (&run);

  cli (&run, NULL, "leakage", "--db", "/nonexistent/p.waymark", "--goal", "Paid", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

/* The demo tells DESIGN.md's story: the IVR leaks about 81 %, mobile and
 * web about 41 %. */
static void
test_demo_story (void)
{
  g_autofree char *db = temp_file ("demo.waymark");
  g_autoptr(JsonObject) result = NULL;
  g_auto(Run) run = { 0 };
  JsonArray *channels;

  cli (&run, NULL, "demo", "--output", db, "--customers", "20000", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  cli (&run, NULL, "leakage", "--db", db, "--goal", "Payment completed", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  result = parse_object (run.out);
  channels = json_object_get_array_member (result, "channels");
  for (guint i = 0; i < json_array_get_length (channels); i++)
    {
      JsonObject *channel = json_array_get_object_element (channels, i);
      const char *name = json_object_get_string_member (channel, "channel");
      double leakage = json_object_get_double_member (channel, "leakage");

      if (g_str_equal (name, "ivr"))
        g_assert_cmpfloat_with_epsilon (leakage, 0.81, 0.02);
      else if (g_str_equal (name, "mobile") || g_str_equal (name, "web"))
        g_assert_cmpfloat_with_epsilon (leakage, 0.41, 0.02);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/funnel/json", test_funnel_json);
  g_test_add_func ("/cli/funnel/table", test_funnel_table);
  g_test_add_func ("/cli/flow/json", test_flow_json);
  g_test_add_func ("/cli/leakage/json", test_leakage_json);
  g_test_add_func ("/cli/analysis/bad-usage", test_bad_usage);
  g_test_add_func ("/cli/analysis/demo-story", test_demo_story);

  return g_test_run ();
}
