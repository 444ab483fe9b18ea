/* wm-query-runner.h: runs a page's analysis queries in a worker, newest wins
 *
 * One query at a time, in a GTask worker thread, on the journeys only (no
 * SQLite). A newer request cancels the older one, which then never reports;
 * the newer starts once the older has stopped. Results arrive on the main
 * thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wm-analysis.h"

G_BEGIN_DECLS

/* Runs in the worker: computes a result from @query (owned by the runner
 * until the run ends) and @journeys; NULL with @error on failure. */
typedef gpointer (*WmQueryFunc) (gconstpointer   query,
                                 WmJourneys     *journeys,
                                 GCancellable   *cancellable,
                                 GError        **error);
/* On the main thread: @result (borrowed: the runner frees it after the
 * call) or @error, never both. */
typedef void     (*WmQueryDone) (gpointer        result,
                                 const GError   *error,
                                 gpointer        user_data);

#define WM_TYPE_QUERY_RUNNER (wm_query_runner_get_type ())
G_DECLARE_FINAL_TYPE (WmQueryRunner, wm_query_runner, WM, QUERY_RUNNER, GObject)

WmQueryRunner *wm_query_runner_new         (void);
/* Takes @query (freed with @query_free) and a reference on @journeys;
 * @done (@user_data) is called once with the outcome, unless a newer run
 * or wm_query_runner_cancel() came first. */
void           wm_query_runner_run         (WmQueryRunner  *self,
                                            WmJourneys     *journeys,
                                            WmQueryFunc     func,
                                            gpointer        query,
                                            GDestroyNotify  query_free,
                                            GDestroyNotify  result_free,
                                            WmQueryDone     done,
                                            gpointer        user_data);
/* Stops the run in progress and any waiting: none of them reports. */
void           wm_query_runner_cancel      (WmQueryRunner  *self);
/* TRUE from a run's request until its result is delivered (property
 * "running", for spinners). */
gboolean       wm_query_runner_get_running (WmQueryRunner  *self);

G_END_DECLS
