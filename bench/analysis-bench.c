/* analysis-bench.c: warm query times of the analysis engine on a project
 *
 *   analysis-bench --db P.waymark [--runs N]
 *
 * Loads the journeys once (timed), then runs each query N times and
 * prints one line per query: NAME, median and minimum wall-clock ms, and
 * the median CPU ms of the process (all threads; on a machine shared with
 * other work the wall clock varies, CPU time much less), plus the funnel's
 * counts ("counts: N1 N2 N3") for bench/analysis.sh to compare with the
 * peers.  The funnel is bench/analysis.sh's: Payment notice → App login,
 * Web login or IVR menu → Payment completed, ordered, 7 days.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"


#include "wm-bench-clock.h"
#include "wm-analysis.h"

static void
report (const char *name,
        double     *times,
        double     *cpu,
        int         runs)
{
  double middle = wm_bench_median (times, runs);

  g_print ("%-8s %8.1f %8.1f %8.1f\n", name, middle, times[0], wm_bench_median (cpu, runs));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *db = NULL;
  int runs = 11;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Project", "P.waymark" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs per query (default 11)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = NULL;
  g_autoptr(WmJourneys) journeys = NULL;
  g_autoptr(WmFunnelQuery) funnel = wm_funnel_query_new ();
  g_autoptr(WmFlowQuery) flow = wm_flow_query_new ();
  g_autoptr(WmFunnelResult) counted = NULL;
  const char *notice[] = { "Payment notice", NULL };
  const char *login[] = { "App login", "Web login", "IVR menu", NULL };
  const char *paid[] = { "Payment completed", NULL };
  g_autofree double *times = NULL;
  g_autofree double *cpu = NULL;
  double start, start_cpu;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db == NULL || runs < 1)
    {
      g_printerr ("usage: analysis-bench --db P.waymark [--runs N]\n");
      return 2;
    }

  project = wm_project_open (db, WM_PROJECT_OPEN_READ_ONLY, &error);
  if (project == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%-8s %8s %8s %8s\n", "ms", "median", "min", "cpu");
  start = wm_bench_wall_ms ();
  journeys = wm_journeys_load (project, NULL, NULL, NULL, &error);
  if (journeys == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%-8s %8.1f\n", "load", wm_bench_wall_ms () - start);

  wm_funnel_query_add_step (funnel, notice);
  wm_funnel_query_add_step (funnel, login);
  wm_funnel_query_add_step (funnel, paid);
  funnel->window_s = 7 * 86400;
  flow->from = g_strdup ("Payment notice");

  times = g_new (double, runs);
  cpu = g_new (double, runs);

  for (int i = 0; i < runs; i++)
    {
      g_autoptr(WmFunnelResult) result = NULL;

      start = wm_bench_wall_ms ();
      start_cpu = wm_bench_process_ms ();
      result = wm_funnel_query_run (funnel, journeys, NULL, NULL, NULL, &error);
      times[i] = wm_bench_wall_ms () - start;
      cpu[i] = wm_bench_process_ms () - start_cpu;
      g_assert_no_error (error);
      if (counted == NULL)
        counted = g_steal_pointer (&result);
    }
  report ("funnel", times, cpu, runs);

  for (int i = 0; i < runs; i++)
    {
      g_autoptr(WmFlowGraph) graph = NULL;

      start = wm_bench_wall_ms ();
      start_cpu = wm_bench_process_ms ();
      graph = wm_flow_query_run (flow, journeys, NULL, NULL, NULL, &error);
      times[i] = wm_bench_wall_ms () - start;
      cpu[i] = wm_bench_process_ms () - start_cpu;
      g_assert_no_error (error);
    }
  report ("flow", times, cpu, runs);

  for (int i = 0; i < runs; i++)
    {
      g_autoptr(WmLeakageResult) result = NULL;

      start = wm_bench_wall_ms ();
      start_cpu = wm_bench_process_ms ();
      result = wm_leakage_run (journeys, "Payment completed", 30 * 86400, NULL, NULL, NULL, &error);
      times[i] = wm_bench_wall_ms () - start;
      cpu[i] = wm_bench_process_ms () - start_cpu;
      g_assert_no_error (error);
    }
  report ("leakage", times, cpu, runs);

  g_print ("counts: %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT "\n",
           counted->steps[0].customers, counted->steps[1].customers, counted->steps[2].customers);

  return 0;
}
