/* test-analysis-random.c: the engine equals the reference on random logs
 *
 * Logs are generated from fixed seeds, with few touchpoints and coarse
 * times so that overlaps, re-entries and equal timestamps are common, and
 * imported in three parts (the journey cache merges each into the last);
 * every
 * funnel (all orders, windows, breakdowns, overlapping step sets) and flow
 * must give exactly what the reference gives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-analysis-fixtures.h"
#include "wm-journeys-private.h"
#include "wm-reference-analysis.h"

static const char *touchpoints[] = { "A", "B", "C", "D", "E", "F" };
static const char *channels[] = { "web", "app", "ivr", "" };
static const char *segments[] = { "x", "y", "z", "w", "" };
static const gint64 windows[] = { 0, 60, 600, 3600, 4 * 3600, 86400 };

#define HEADER "customer,timestamp,touchpoint,channel,segment\n"
#define N_IMPORTS 3

/* Writes the log's rows into N_IMPORTS files at random, so that later
 * imports add events before, between and after earlier ones. */
static void
random_log (GRand   *rand,
            guint    n_customers,
            GString *files[N_IMPORTS])
{

  for (guint c = 0; c < n_customers; c++)
    {
      guint n = g_rand_int_range (rand, 1, 12);
      gint64 t = 1767225600 + g_rand_int_range (rand, 0, 48) * 600;

      for (guint i = 0; i < n; i++)
        {
          /* Minutes, often repeated: equal timestamps happen. */
          t += g_rand_int_range (rand, 0, 4) == 0 ? 0 : g_rand_int_range (rand, 0, 90) * 60;
          g_string_append_printf (files[g_rand_int_range (rand, 0, N_IMPORTS)],
                                  "c%u,%" G_GINT64_FORMAT ",%s,%s,%s\n", c, t,
                                  touchpoints[g_rand_int_range (rand, 0, G_N_ELEMENTS (touchpoints))],
                                  channels[g_rand_int_range (rand, 0, G_N_ELEMENTS (channels))],
                                  segments[g_rand_int_range (rand, 0, G_N_ELEMENTS (segments))]);
        }
    }
}

static WmFunnelQuery *
random_funnel (GRand *rand)
{
  WmFunnelQuery *query = wm_funnel_query_new ();
  guint n_steps = g_rand_int_range (rand, 2, 5);

  for (guint k = 0; k < n_steps; k++)
    {
      const char *step[3] = { NULL, NULL, NULL };
      guint n = g_rand_int_range (rand, 1, 3);

      for (guint i = 0; i < n; i++)
        step[i] = touchpoints[g_rand_int_range (rand, 0, G_N_ELEMENTS (touchpoints))];
      if (n == 2 && g_strcmp0 (step[0], step[1]) == 0)
        step[1] = NULL;
      wm_funnel_query_add_step (query, step);
    }
  query->order = (WmFunnelOrder) g_rand_int_range (rand, 0, 3);
  query->window_s = windows[g_rand_int_range (rand, 0, G_N_ELEMENTS (windows))];
  switch (g_rand_int_range (rand, 0, 3))
    {
    case 1:
      query->breakdown_by = g_strdup ("channel");
      break;
    case 2:
      query->breakdown_by = g_strdup ("segment");
      break;
    default:
      break;
    }
  query->breakdown_top = g_rand_int_range (rand, 0, 4);

  return query;
}

static void
check_seed (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(WmTestProject) data = NULL;
  GString *files[N_IMPORTS];

  for (guint i = 0; i < N_IMPORTS; i++)
    files[i] = g_string_new (HEADER);
  random_log (rand, 150, files);
  data = wm_test_project_new (files[0]->str);
  for (guint i = 1; i < N_IMPORTS; i++)
    wm_test_project_import (data, files[i]->str);
  for (guint i = 0; i < N_IMPORTS; i++)
    g_string_free (files[i], TRUE);

  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(WmFunnelQuery) query = random_funnel (rand);
      g_autoptr(WmFunnelResult) expected = wm_reference_funnel (data->project, query);
      g_autoptr(WmFunnelResult) actual = wm_funnel_query_run (query, data->journeys, NULL, NULL, NULL, NULL);

      g_assert_nonnull (actual);
      wm_assert_funnels_equal (expected, actual);
    }

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(WmFlowQuery) query = wm_flow_query_new ();
      g_autoptr(WmFlowGraph) expected = NULL;
      g_autoptr(WmFlowGraph) actual = NULL;
      int from = g_rand_int_range (rand, -1, G_N_ELEMENTS (touchpoints));

      query->from = from >= 0 ? g_strdup (touchpoints[from]) : NULL;
      query->depth = g_rand_int_range (rand, 1, 6);
      query->top = g_rand_int_range (rand, 1, 5);
      query->min_share = (double) g_rand_int_range (rand, 0, 4) * 0.04;
      query->window_s = windows[g_rand_int_range (rand, 0, G_N_ELEMENTS (windows))];

      expected = wm_reference_flow (data->project, query);
      actual = wm_flow_query_run (query, data->journeys, NULL, NULL, NULL, NULL);
      g_assert_nonnull (actual);
      wm_assert_flows_equal (expected, actual);
      wm_assert_flow_conserved (actual);
    }

  for (guint i = 0; i < G_N_ELEMENTS (touchpoints); i++)
    {
      gint64 window = windows[g_rand_int_range (rand, 0, G_N_ELEMENTS (windows))];
      g_autoptr(WmLeakageResult) expected = wm_reference_leakage (data->project, touchpoints[i], window);
      g_autoptr(WmLeakageResult) actual =
        wm_leakage_run (data->journeys, touchpoints[i], window, NULL, NULL, NULL, NULL);

      wm_assert_leakage_equal (expected, actual);
    }
}

static void
test_seed (gconstpointer data)
{
  check_seed (GPOINTER_TO_UINT (data));
}

/* Tiny blocks: both threads, and many blocks each, on the same logs. */
static void
test_seed_threaded (gconstpointer data)
{
  wm_journeys_set_block_for_testing (7);
  check_seed (GPOINTER_TO_UINT (data));
  wm_journeys_set_block_for_testing (65536);
}

int
main (int   argc,
      char *argv[])
{
  static const guint32 seeds[] = { 1, 2, 3, 42, 2024 };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/analysis-random/seed-%u", seeds[i]);

      g_autofree char *threaded = g_strdup_printf ("/analysis-random/threaded/seed-%u", seeds[i]);

      g_test_add_data_func (path, GUINT_TO_POINTER (seeds[i]), test_seed);
      g_test_add_data_func (threaded, GUINT_TO_POINTER (seeds[i]), test_seed_threaded);
    }

  return g_test_run ();
}
