/* test-funnel.c: funnels over hand-made event logs, with exact answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "wm-analysis-fixtures.h"
#include "wm-analysis-json.h"
#include "wm-error.h"
#include "wm-reference-analysis.h"

#define HEADER "customer,timestamp,touchpoint,channel,segment\n"
/* Keeps every window closed: the dataset ends long after the events. */
#define LATE "late,2026-06-01T00:00:00Z,Z,,\n"
#define HOUR 3600

/* Runs the funnel on @csv, checks it against the reference, returns it. */
static WmFunnelResult *
run (const char    *csv,
     const char    *steps,
     WmFunnelOrder  order,
     gint64         window_s,
     const char    *by)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (csv);
  g_autoptr(WmFunnelQuery) query = wm_test_funnel_query (steps, order, window_s, by);
  g_autoptr(WmFunnelResult) expected = wm_reference_funnel (data->project, query);
  g_autoptr(GError) error = NULL;
  WmFunnelResult *result;

  result = wm_funnel_query_run (query, data->journeys, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  wm_assert_funnels_equal (expected, result);

  return result;
}

static void
assert_counts (const WmFunnelStep *steps,
               guint               n_steps,
               const guint64      *customers)
{
  for (guint k = 0; k < n_steps; k++)
    g_assert_cmpuint (steps[k].customers, ==, customers[k]);
}

static void
test_window_boundary (void)
{
  g_autoptr(WmFunnelResult) result =
    run (HEADER
         "at,2026-01-01T00:00:00Z,A,,\n"
         "at,2026-01-01T01:00:00Z,B,,\n"
         "past,2026-01-01T00:00:00Z,A,,\n"
         "past,2026-01-01T01:00:01Z,B,,\n"
         LATE,
         "A|B", WM_FUNNEL_ORDERED, HOUR, NULL);

  assert_counts (result->steps, 2, (guint64[]) { 2, 1 });
  g_assert_cmpuint (result->steps[1].dropped, ==, 1);
  g_assert_cmpuint (result->steps[1].in_progress, ==, 0);
  g_assert_cmpfloat (result->steps[1].median_s, ==, 3600.0);
  g_assert_cmpfloat (result->steps[1].from_start, ==, 0.5);
  g_assert_cmpfloat (result->steps[1].from_previous, ==, 0.5);
  g_assert_cmpfloat (result->steps[0].from_previous, ==, 1.0);
  g_assert_true (isnan (result->steps[0].median_s));
}

static void
test_reentry (void)
{
  /* The first attempt misses the window; the second, a day later, makes it. */
  g_autoptr(WmFunnelResult) result =
    run (HEADER
         "c,2026-01-01T00:00:00Z,A,,\n"
         "c,2026-01-01T02:00:00Z,B,,\n"
         "c,2026-01-02T00:00:00Z,A,,\n"
         "c,2026-01-02T00:30:00Z,B,,\n"
         LATE,
         "A|B", WM_FUNNEL_ORDERED, HOUR, NULL);

  assert_counts (result->steps, 2, (guint64[]) { 1, 1 });
  g_assert_cmpfloat (result->steps[1].median_s, ==, 1800.0);
}

static const char between[] =
  HEADER
  "s,2026-01-01T00:00:00Z,A,,\n"
  "s,2026-01-01T00:01:00Z,X,,\n"
  "s,2026-01-01T00:02:00Z,B,,\n"
  "t,2026-01-01T00:00:00Z,A,,\n"
  "t,2026-01-01T00:02:00Z,B,,\n"
  LATE;

static void
test_strict_broken (void)
{
  g_autoptr(WmFunnelResult) strict = run (between, "A|B", WM_FUNNEL_STRICT, HOUR, NULL);
  g_autoptr(WmFunnelResult) ordered = run (between, "A|B", WM_FUNNEL_ORDERED, HOUR, NULL);

  /* X between A and B breaks s's strict funnel, not its ordered one. */
  assert_counts (strict->steps, 2, (guint64[]) { 2, 1 });
  assert_counts (ordered->steps, 2, (guint64[]) { 2, 2 });
}

static void
test_unordered (void)
{
  const char *csv =
    HEADER
    "u,2026-01-01T00:00:00Z,B,,\n"
    "u,2026-01-01T00:10:00Z,C,,\n"
    "u,2026-01-01T00:20:00Z,A,,\n"
    "v,2026-01-01T00:00:00Z,C,,\n"
    LATE;
  g_autoptr(WmFunnelResult) ordered = run (csv, "A|B|C", WM_FUNNEL_ORDERED, HOUR, NULL);
  g_autoptr(WmFunnelResult) unordered = run (csv, "A|B|C", WM_FUNNEL_UNORDERED, HOUR, NULL);

  assert_counts (ordered->steps, 3, (guint64[]) { 1, 0, 0 });
  /* Unordered: u did all three steps, v one of them. */
  assert_counts (unordered->steps, 3, (guint64[]) { 2, 1, 1 });
  g_assert_cmpfloat (unordered->steps[1].median_s, ==, 600.0);
  g_assert_cmpfloat (unordered->steps[2].median_s, ==, 600.0);
}

static void
test_step_set (void)
{
  g_autoptr(WmFunnelResult) result =
    run (HEADER
         "b,2026-01-01T00:00:00Z,A,,\n"
         "b,2026-01-01T00:05:00Z,B,,\n"
         "c,2026-01-01T00:00:00Z,A,,\n"
         "c,2026-01-01T00:07:00Z,C,,\n"
         "d,2026-01-01T00:00:00Z,A,,\n"
         "d,2026-01-01T00:07:00Z,D,,\n"
         LATE,
         "A|B,C", WM_FUNNEL_ORDERED, HOUR, NULL);

  assert_counts (result->steps, 2, (guint64[]) { 3, 2 });
  g_assert_cmpstr (result->steps[1].touchpoints[0], ==, "B");
  g_assert_cmpstr (result->steps[1].touchpoints[1], ==, "C");
  g_assert_cmpfloat (result->steps[1].median_s, ==, 360.0);
}

static void
test_equal_timestamps (void)
{
  /* B is stored before A, at the same time: taken in step order. */
  const char *csv =
    HEADER
    "e,2026-01-01T00:00:00Z,B,,\n"
    "e,2026-01-01T00:00:00Z,A,,\n"
    "e,2026-01-01T00:00:00Z,C,,\n"
    LATE;
  g_autoptr(WmFunnelResult) ordered = run (csv, "A|B|C", WM_FUNNEL_ORDERED, 0, NULL);
  g_autoptr(WmFunnelResult) strict = run (csv, "A|B", WM_FUNNEL_STRICT, HOUR, NULL);

  assert_counts (ordered->steps, 3, (guint64[]) { 1, 1, 1 });
  g_assert_cmpfloat (ordered->steps[1].median_s, ==, 0.0);
  /* Strict keeps the stored order: A is followed by C, not B. */
  assert_counts (strict->steps, 2, (guint64[]) { 1, 0 });
}

static void
test_breakdown (void)
{
  /* p's web attempt stalls; its later app attempt converts and is the one
   * counted, so p is an "app" customer. */
  const char *csv =
    HEADER
    "p,2026-01-01T00:00:00Z,A,web,retail\n"
    "p,2026-01-05T00:00:00Z,A,app,premium\n"
    "p,2026-01-05T00:10:00Z,B,web,retail\n"
    "q,2026-01-01T00:00:00Z,A,web,retail\n"
    "q,2026-01-01T00:20:00Z,B,web,retail\n"
    "r,2026-01-01T00:00:00Z,A,web,\n"
    "s,2026-01-01T00:00:00Z,A,,business\n"
    "s,2026-01-01T00:30:00Z,B,,business\n"
    LATE;
  g_autoptr(WmFunnelResult) by_channel = run (csv, "A|B", WM_FUNNEL_ORDERED, HOUR, "channel");
  g_autoptr(WmFunnelResult) by_segment = run (csv, "A|B", WM_FUNNEL_ORDERED, HOUR, "segment");
  g_autoptr(WmFunnelQuery) top1 = wm_test_funnel_query ("A|B", WM_FUNNEL_ORDERED, HOUR, "channel");

  g_assert_cmpstr (by_channel->breakdown_by, ==, "channel");
  g_assert_cmpuint (by_channel->n_segments, ==, 3);
  g_assert_cmpstr (by_channel->segments[0].value, ==, "web");
  assert_counts (by_channel->segments[0].steps, 2, (guint64[]) { 2, 1 });
  g_assert_cmpstr (by_channel->segments[1].value, ==, "app");
  assert_counts (by_channel->segments[1].steps, 2, (guint64[]) { 1, 1 });
  g_assert_cmpfloat (by_channel->segments[1].steps[1].median_s, ==, 600.0);
  g_assert_cmpstr (by_channel->segments[2].value, ==, "");
  assert_counts (by_channel->segments[2].steps, 2, (guint64[]) { 1, 1 });

  /* By property: ties by name; r has none. */
  g_assert_cmpuint (by_segment->n_segments, ==, 4);
  g_assert_cmpstr (by_segment->segments[0].value, ==, "business");
  g_assert_cmpstr (by_segment->segments[1].value, ==, "premium");
  g_assert_cmpstr (by_segment->segments[2].value, ==, "retail");
  g_assert_cmpstr (by_segment->segments[3].value, ==, "");
  assert_counts (by_segment->segments[3].steps, 2, (guint64[]) { 1, 0 });

  /* Beyond the top values: "Other". */
  {
    g_autoptr(WmTestProject) data = wm_test_project_new (csv);
    g_autoptr(WmFunnelResult) result = NULL;
    g_autoptr(WmFunnelResult) expected = NULL;

    top1->breakdown_top = 1;
    result = wm_funnel_query_run (top1, data->journeys, NULL, NULL, NULL, NULL);
    expected = wm_reference_funnel (data->project, top1);
    wm_assert_funnels_equal (expected, result);
    g_assert_cmpuint (result->n_segments, ==, 3);
    g_assert_cmpstr (result->segments[0].value, ==, "web");
    g_assert_cmpstr (result->segments[1].value, ==, "Other");
    assert_counts (result->segments[1].steps, 2, (guint64[]) { 1, 1 });
    g_assert_cmpstr (result->segments[2].value, ==, "");
  }
}

static void
test_in_progress (void)
{
  /* The dataset ends at 12:00; w entered at 11:30 with a 1 h window. */
  g_autoptr(WmFunnelResult) result =
    run (HEADER
         "old,2026-01-01T08:00:00Z,A,,\n"
         "done,2026-01-01T08:00:00Z,A,,\n"
         "done,2026-01-01T08:30:00Z,B,,\n"
         "w,2026-01-01T11:30:00Z,A,,\n"
         "end,2026-01-01T12:00:00Z,Z,,\n",
         "A|B|Z", WM_FUNNEL_ORDERED, HOUR, NULL);

  assert_counts (result->steps, 3, (guint64[]) { 3, 1, 0 });
  g_assert_cmpuint (result->steps[1].in_progress, ==, 1);
  g_assert_cmpuint (result->steps[1].dropped, ==, 1);
  /* "done" stopped at B long ago: dropped, not in progress. */
  g_assert_cmpuint (result->steps[2].in_progress, ==, 0);
  g_assert_cmpuint (result->steps[2].dropped, ==, 1);
  g_assert_true (isnan (result->steps[2].median_s));
}

static void
test_no_entry (void)
{
  g_autoptr(WmFunnelResult) result =
    run (HEADER
         "n,2026-01-01T00:00:00Z,B,,\n"
         "n,2026-01-01T00:01:00Z,C,,\n"
         "y,2026-01-01T00:00:00Z,A,,\n"
         LATE,
         "A|B|C", WM_FUNNEL_ORDERED, HOUR, NULL);

  assert_counts (result->steps, 3, (guint64[]) { 1, 0, 0 });
}

static void
test_bad_queries (void)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (HEADER "a,2026-01-01T00:00:00Z,App login,,\n");
  g_autoptr(WmFunnelQuery) unknown = wm_test_funnel_query ("App login|App logn", WM_FUNNEL_ORDERED, HOUR, NULL);
  g_autoptr(WmFunnelQuery) short_funnel = wm_test_funnel_query ("App login", WM_FUNNEL_ORDERED, HOUR, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (wm_funnel_query_run (unknown, data->journeys, NULL, NULL, NULL, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "“App login”"));
  g_clear_error (&error);

  g_assert_null (wm_funnel_query_run (short_funnel, data->journeys, NULL, NULL, NULL, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT);
}

static void
cancel_now (double   fraction,
            gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (void)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (HEADER "a,2026-01-01T00:00:00Z,A,,\n"
                                                       "a,2026-01-01T00:00:01Z,B,,\n");
  g_autoptr(WmFunnelQuery) query = wm_test_funnel_query ("A|B", WM_FUNNEL_ORDERED, HOUR, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_null (wm_funnel_query_run (query, data->journeys, cancel_now, cancellable, cancellable, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_CANCELLED);
}

static WmFunnelQuery *
query_from_text (const char  *text,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  return wm_funnel_query_from_json (json_parser_get_root (parser), error);
}

static void
test_query_json (void)
{
  g_autoptr(WmFunnelQuery) query = wm_test_funnel_query ("A|B,C|D", WM_FUNNEL_STRICT, 600, "segment");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(WmFunnelQuery) back = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *bad[] = {
    "[]",
    "{\"order\":\"ordered\"}",
    "{\"steps\":[[\"A\"],[]]}",
    "{\"steps\":[[\"A\"],[3]]}",
    "{\"steps\":[[\"A\"],[\"B\"]],\"order\":\"sideways\"}",
    "{\"steps\":[[\"A\"],[\"B\"]],\"window_s\":-5}",
  };

  query->breakdown_top = 3;
  node = wm_funnel_query_to_json (query);
  text = json_to_string (node, FALSE);
  g_assert_cmpstr (text, ==,
                   "{\"steps\":[[\"A\"],[\"B\",\"C\"],[\"D\"]],\"order\":\"strict\",\"window_s\":600,"
                   "\"breakdown_by\":\"segment\",\"breakdown_top\":3}");

  back = query_from_text (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->n_steps, ==, 3);
  g_assert_cmpstr (back->steps[1][1], ==, "C");
  g_assert_cmpint (back->order, ==, WM_FUNNEL_STRICT);
  g_assert_cmpint (back->window_s, ==, 600);
  g_assert_cmpstr (back->breakdown_by, ==, "segment");
  g_assert_cmpuint (back->breakdown_top, ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(WmFunnelQuery) refused = query_from_text (bad[i], &error);

      g_assert_null (refused);
      g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT);
      g_assert_true (g_str_has_prefix (error->message, "This saved funnel cannot be read: "));
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/funnel/window-boundary", test_window_boundary);
  g_test_add_func ("/funnel/reentry", test_reentry);
  g_test_add_func ("/funnel/strict-broken", test_strict_broken);
  g_test_add_func ("/funnel/unordered", test_unordered);
  g_test_add_func ("/funnel/step-set", test_step_set);
  g_test_add_func ("/funnel/equal-timestamps", test_equal_timestamps);
  g_test_add_func ("/funnel/breakdown", test_breakdown);
  g_test_add_func ("/funnel/in-progress", test_in_progress);
  g_test_add_func ("/funnel/no-entry", test_no_entry);
  g_test_add_func ("/funnel/bad-queries", test_bad_queries);
  g_test_add_func ("/funnel/cancel", test_cancel);
  g_test_add_func ("/funnel/query-json", test_query_json);

  return g_test_run ();
}
