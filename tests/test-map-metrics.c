/* test-map-metrics.c: a journey map's live numbers over a hand-made log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-analysis-fixtures.h"
#include "wm-error.h"
#include "wm-map-metrics-compute.h"

/* u1 pays in the app; u2 tries the IVR, then pays with an agent; u3 logs in
 * and stops; u4 never got the notice but pays in the app; u5 tries the IVR
 * and pays there 19 days later (outside a 7-day window). */
static const char events[] =
  "customer,timestamp,touchpoint,channel\n"
  "u1,2026-01-01T00:00:00Z,Notice,letter\n"
  "u1,2026-01-01T01:00:00Z,App login,app\n"
  "u1,2026-01-01T02:00:00Z,Paid,app\n"
  "u2,2026-01-01T00:00:00Z,Notice,letter\n"
  "u2,2026-01-02T00:00:00Z,IVR menu,ivr\n"
  "u2,2026-01-02T00:10:00Z,Agent call,agent\n"
  "u2,2026-01-02T00:20:00Z,Paid,agent\n"
  "u3,2026-01-01T00:00:00Z,Notice,letter\n"
  "u3,2026-01-03T00:00:00Z,App login,app\n"
  "u4,2026-01-05T00:00:00Z,App login,app\n"
  "u4,2026-01-05T00:30:00Z,Paid,app\n"
  "u5,2026-01-01T00:00:00Z,Notice,letter\n"
  "u5,2026-01-02T00:00:00Z,IVR menu,ivr\n"
  "u5,2026-01-21T00:00:00Z,Paid,ivr\n";

#define WEEK (7 * 86400)

static void
add_card (WmJourneyMap *map,
          const char   *id,
          const char   *stage,
          const char   *lane,
          const char   *binding)
{
  g_autoptr(WmMapCard) card = wm_map_card_new ();
  const char *bindings[] = { binding, NULL };

  g_free (card->id);
  card->id = g_strdup (id);
  g_free (card->title);
  card->title = g_strdup (id);
  g_free (card->stage);
  card->stage = g_strdup (stage);
  g_free (card->lane);
  card->lane = g_strdup (lane);
  g_assert_nonnull (wm_journey_map_add_card (map, card, -1));
  if (binding != NULL)
    g_assert_true (wm_journey_map_set_card_bindings (map, id, bindings));
}

/* Notice → {app, IVR} → Paid, with channel lanes for app, IVR and agent. */
static WmJourneyMap *
make_map (void)
{
  WmJourneyMap *map = wm_journey_map_new ();

  wm_journey_map_add_stage (map, "s-notice", "Notice", -1);
  wm_journey_map_add_stage (map, "s-try", "Try", -1);
  wm_journey_map_add_stage (map, "s-pay", "Pay", -1);
  wm_journey_map_add_lane (map, "l-steps", "Steps", WM_LANE_TOUCHPOINTS, NULL, -1);
  wm_journey_map_add_lane (map, "l-app", "App", WM_LANE_CHANNELS, "app", -1);
  wm_journey_map_add_lane (map, "l-ivr", "IVR", WM_LANE_CHANNELS, "ivr", -1);
  /* Channel names match whatever their case. */
  wm_journey_map_add_lane (map, "l-agent", "Agent", WM_LANE_CHANNELS, "Agent", -1);
  wm_journey_map_add_lane (map, "l-sms", "SMS", WM_LANE_CHANNELS, "sms", -1);

  add_card (map, "c-notice", "s-notice", "l-steps", "Notice");
  add_card (map, "c-note", "s-try", "l-steps", NULL);
  add_card (map, "c-app", "s-try", "l-app", "App login");
  add_card (map, "c-ivr", "s-try", "l-ivr", "IVR menu");
  add_card (map, "c-paid", "s-pay", "l-steps", "Paid");

  g_assert_nonnull (wm_journey_map_add_connector (map, "k-app", "c-notice", "c-app", "", -1));
  g_assert_nonnull (wm_journey_map_add_connector (map, "k-app-paid", "c-app", "c-paid", "", -1));
  g_assert_nonnull (wm_journey_map_add_connector (map, "k-ivr-paid", "c-ivr", "c-paid", "", -1));
  g_assert_nonnull (wm_journey_map_add_connector (map, "k-note", "c-notice", "c-note", "", -1));
  return map;
}

static void
assert_card (const WmMapMetrics *metrics,
             const char         *id,
             guint64             customers,
             double              share)
{
  const WmMapCardMetric *card = wm_map_metrics_get_card (metrics, id);

  g_assert_nonnull (card);
  g_assert_cmpuint (card->customers, ==, customers);
  g_assert_cmpfloat_with_epsilon (card->share_of_start, share, 1e-12);
}

static void
assert_lane (const WmMapMetrics *metrics,
             const char         *id,
             guint64             entered,
             guint64             completed,
             double              leakage)
{
  const WmMapLaneMetric *lane = wm_map_metrics_get_lane (metrics, id);

  g_assert_nonnull (lane);
  g_assert_cmpuint (lane->entered, ==, entered);
  g_assert_cmpuint (lane->completed_in_channel, ==, completed);
  g_assert_cmpfloat_with_epsilon (lane->leakage, leakage, 1e-12);
}

static void
test_cards_connectors_lanes (void)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (events);
  g_autoptr(WmJourneyMap) map = make_map ();
  g_autoptr(WmMapMetrics) metrics = NULL;
  g_autoptr(GError) error = NULL;

  metrics = wm_map_metrics_compute (map, data->journeys, WEEK, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (metrics);

  /* The start: u1, u2, u3 and u5 got the notice. */
  g_assert_cmpuint (wm_map_metrics_get_start (metrics), ==, 4);
  assert_card (metrics, "c-notice", 4, 1.0);
  assert_card (metrics, "c-app", 3, 0.75);       /* u1 u3 u4 */
  assert_card (metrics, "c-ivr", 2, 0.5);        /* u2 u5 */
  assert_card (metrics, "c-paid", 4, 1.0);       /* u1 u2 u4 u5 */
  g_assert_null (wm_map_metrics_get_card (metrics, "c-note"));

  /* Notice then app: u1 u3; app then paid: u1 u4; IVR then paid within
   * the week: u2 only (u5 paid 19 days after the IVR). */
  g_assert_cmpuint (wm_map_metrics_get_connector (metrics, "k-app")->customers, ==, 2);
  g_assert_cmpuint (wm_map_metrics_get_connector (metrics, "k-app-paid")->customers, ==, 2);
  g_assert_cmpuint (wm_map_metrics_get_connector (metrics, "k-ivr-paid")->customers, ==, 1);
  g_assert_null (wm_map_metrics_get_connector (metrics, "k-note"));
  g_assert_cmpuint (wm_map_metrics_get_max_connector (metrics), ==, 2);

  /* Leakage towards "Paid": the app keeps u1 and u4 of three; the IVR
   * keeps nobody (u2 paid with an agent, u5 too late); the agent keeps u2. */
  assert_lane (metrics, "l-app", 3, 2, 1.0 / 3.0);
  assert_lane (metrics, "l-ivr", 2, 0, 1.0);
  assert_lane (metrics, "l-agent", 1, 1, 0.0);
  g_assert_null (wm_map_metrics_get_lane (metrics, "l-sms"));
  g_assert_null (wm_map_metrics_get_lane (metrics, "l-steps"));
}

static void
test_window (void)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (events);
  g_autoptr(WmJourneyMap) map = make_map ();
  g_autoptr(WmMapMetrics) metrics = NULL;

  /* Thirty days let u5's payment count after the IVR and in it. */
  metrics = wm_map_metrics_compute (map, data->journeys, 30 * 86400, NULL, NULL);
  g_assert_cmpuint (wm_map_metrics_get_connector (metrics, "k-ivr-paid")->customers, ==, 2);
  assert_lane (metrics, "l-ivr", 2, 1, 0.5);
  /* Cards count regardless of the window. */
  assert_card (metrics, "c-paid", 4, 1.0);
}

static void
test_no_goal (void)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (events);
  g_autoptr(WmJourneyMap) map = make_map ();
  g_autoptr(WmMapMetrics) metrics = NULL;
  const char *none[] = { NULL };

  /* Nothing bound in the last stage: no goal, so no lane numbers. */
  g_assert_true (wm_journey_map_set_card_bindings (map, "c-paid", none));
  metrics = wm_map_metrics_compute (map, data->journeys, WEEK, NULL, NULL);
  g_assert_null (wm_map_metrics_get_lane (metrics, "l-app"));
  g_assert_null (wm_map_metrics_get_card (metrics, "c-paid"));
  g_assert_null (wm_map_metrics_get_connector (metrics, "k-app-paid"));
  assert_card (metrics, "c-app", 3, 0.75);
}

static void
test_no_start (void)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (events);
  g_autoptr(WmJourneyMap) map = make_map ();
  g_autoptr(WmMapMetrics) metrics = NULL;
  const char *none[] = { NULL };

  /* Nothing bound in the first stage: cards have counts and no share. */
  g_assert_true (wm_journey_map_set_card_bindings (map, "c-notice", none));
  metrics = wm_map_metrics_compute (map, data->journeys, WEEK, NULL, NULL);
  g_assert_cmpuint (wm_map_metrics_get_start (metrics), ==, 0);
  assert_card (metrics, "c-app", 3, 0.0);
}

static void
test_cancelled (void)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (events);
  g_autoptr(WmJourneyMap) map = make_map ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  WmMapMetrics *metrics;

  g_cancellable_cancel (cancellable);
  metrics = wm_map_metrics_compute (map, data->journeys, WEEK, cancellable, &error);
  g_assert_null (metrics);
  g_assert_error (error, WM_ERROR, WM_ERROR_CANCELLED);
}

static void
test_empty_map (void)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (events);
  g_autoptr(WmJourneyMap) map = wm_journey_map_new ();
  g_autoptr(WmMapMetrics) metrics = wm_map_metrics_compute (map, data->journeys, WEEK, NULL, NULL);

  g_assert_nonnull (metrics);
  g_assert_cmpuint (wm_map_metrics_get_start (metrics), ==, 0);
  g_assert_cmpuint (wm_map_metrics_get_max_connector (metrics), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map-metrics/cards-connectors-lanes", test_cards_connectors_lanes);
  g_test_add_func ("/map-metrics/window", test_window);
  g_test_add_func ("/map-metrics/no-goal", test_no_goal);
  g_test_add_func ("/map-metrics/no-start", test_no_start);
  g_test_add_func ("/map-metrics/cancelled", test_cancelled);
  g_test_add_func ("/map-metrics/empty-map", test_empty_map);

  return g_test_run ();
}
