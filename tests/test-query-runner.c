/* test-query-runner.c: one query at a time, the newest wins, results on
 * the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-demo.h"
#include "wm-error.h"
#include "wm-query-runner.h"
#include "wm-ui-test.h"

/* A query that holds its worker until released or cancelled, so that the
 * test decides what overlaps. */
typedef struct
{
  GMutex    mutex;
  GCond     cond;
  gboolean  started;
  gboolean  released;
  int       value;
  GThread  *thread;
} Blocking;

static gboolean
blocking_cancelled (GCancellable *cancellable,
                    gpointer      data)
{
  Blocking *query = data;

  g_mutex_lock (&query->mutex);
  g_cond_broadcast (&query->cond);
  g_mutex_unlock (&query->mutex);
  return FALSE;
}

static gpointer
run_blocking (gconstpointer   data,
              WmJourneys     *journeys,
              GCancellable   *cancellable,
              GError        **error)
{
  Blocking *query = (Blocking *) data;
  gulong handler = g_cancellable_connect (cancellable, G_CALLBACK (blocking_cancelled), query, NULL);
  gboolean cancelled;

  g_mutex_lock (&query->mutex);
  query->started = TRUE;
  query->thread = g_thread_self ();
  g_cond_broadcast (&query->cond);
  while (!query->released && !g_cancellable_is_cancelled (cancellable))
    g_cond_wait (&query->cond, &query->mutex);
  cancelled = g_cancellable_is_cancelled (cancellable);
  g_mutex_unlock (&query->mutex);
  g_cancellable_disconnect (cancellable, handler);

  if (cancelled)
    {
      g_set_error_literal (error, WM_ERROR, WM_ERROR_CANCELLED, "cancelled");
      return NULL;
    }
  return g_memdup2 (&query->value, sizeof query->value);
}

static void
release (Blocking *query)
{
  g_mutex_lock (&query->mutex);
  query->released = TRUE;
  g_cond_broadcast (&query->cond);
  g_mutex_unlock (&query->mutex);
}

/* The main loop keeps running meanwhile: a run starts only after the one
 * before it has reported there. */
static void
wait_started (Blocking *query)
{
  for (;;)
    {
      gboolean started;

      g_mutex_lock (&query->mutex);
      started = query->started;
      g_mutex_unlock (&query->mutex);
      if (started)
        return;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

typedef struct
{
  GArray  *values;      /* the results reported, in order */
  guint    n_errors;
  GThread *thread;      /* where they were reported */
} Reports;

static void
done (gpointer      result,
      const GError *error,
      gpointer      user_data)
{
  Reports *reports = user_data;

  reports->thread = g_thread_self ();
  if (error != NULL)
    reports->n_errors++;
  else
    g_array_append_val (reports->values, *(int *) result);
}

static WmJourneys *
demo_journeys (void)
{
  g_autoptr(WmProject) project = wm_ui_test_project ("Runner", NULL);
  g_autoptr(GError) error = NULL;
  WmJourneys *journeys;

  g_assert_true (wm_demo_write_project (project, 50, 1, &error));
  journeys = wm_journeys_load (project, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return journeys;
}

static void
test_newest_wins (void)
{
  g_autoptr(WmJourneys) journeys = demo_journeys ();
  g_autoptr(WmQueryRunner) runner = wm_query_runner_new ();
  Blocking first = { .value = 1 }, second = { .value = 2 }, third = { .value = 3 };
  Reports reports = { g_array_new (FALSE, FALSE, sizeof (int)), 0, NULL };

  g_mutex_init (&first.mutex);
  g_cond_init (&first.cond);
  g_mutex_init (&second.mutex);
  g_cond_init (&second.cond);
  g_mutex_init (&third.mutex);
  g_cond_init (&third.cond);

  g_assert_false (wm_query_runner_get_running (runner));
  wm_query_runner_run (runner, journeys, run_blocking, &first, NULL, g_free, done, &reports);
  g_assert_true (wm_query_runner_get_running (runner));
  wait_started (&first);
  g_assert_true (first.thread != g_thread_self ());

  /* Two newer requests while the first runs: the first is cancelled, the
   * second replaced before it starts, the third runs once the first has
   * stopped (never two at once). */
  wm_query_runner_run (runner, journeys, run_blocking, &second, NULL, g_free, done, &reports);
  wm_query_runner_run (runner, journeys, run_blocking, &third, NULL, g_free, done, &reports);
  wait_started (&third);
  g_assert_false (second.started);
  release (&third);
  wm_ui_test_wait_false (runner, "running");

  /* Only the newest reports, on the main thread. */
  g_assert_cmpuint (reports.values->len, ==, 1);
  g_assert_cmpint (g_array_index (reports.values, int, 0), ==, 3);
  g_assert_cmpuint (reports.n_errors, ==, 0);
  g_assert_true (reports.thread == g_thread_self ());

  /* Cancelled: nothing reports. */
  first.started = first.released = FALSE;
  wm_query_runner_run (runner, journeys, run_blocking, &first, NULL, g_free, done, &reports);
  wait_started (&first);
  wm_query_runner_cancel (runner);
  wm_ui_test_wait_false (runner, "running");
  g_assert_cmpuint (reports.values->len, ==, 1);
  g_assert_cmpuint (reports.n_errors, ==, 0);

  g_array_unref (reports.values);
  g_mutex_clear (&first.mutex);
  g_cond_clear (&first.cond);
  g_mutex_clear (&second.mutex);
  g_cond_clear (&second.cond);
  g_mutex_clear (&third.mutex);
  g_cond_clear (&third.cond);
}

static gpointer
run_failing (gconstpointer   data,
             WmJourneys     *journeys,
             GCancellable   *cancellable,
             GError        **error)
{
  g_set_error_literal (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT, "no such touchpoint");
  return NULL;
}

static void
error_done (gpointer      result,
            const GError *error,
            gpointer      user_data)
{
  g_assert_null (result);
  g_assert_error ((GError *) error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT);
  *(int *) user_data += 1;
}

static void
test_error_reported (void)
{
  g_autoptr(WmJourneys) journeys = demo_journeys ();
  g_autoptr(WmQueryRunner) runner = wm_query_runner_new ();
  int calls = 0;

  wm_query_runner_run (runner, journeys, run_failing, NULL, NULL, g_free, error_done, &calls);
  wm_ui_test_wait_false (runner, "running");
  g_assert_cmpint (calls, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/query-runner/newest-wins", test_newest_wins);
  g_test_add_func ("/query-runner/error-reported", test_error_reported);

  return g_test_run ();
}
