/* wm-analysis.h: funnels, flows and leakage over a project's journeys
 *
 * The semantics are DESIGN.md's "Analysis semantics". Every query runs on a
 * WmJourneys, the compact per-customer view of the events (loaded once per
 * opened project, from a cache persisted at import time), and may run in a
 * worker thread: queries only read their WmJourneys, report progress and
 * stop with WM_ERROR_CANCELLED when @cancellable fires.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wm-flow-graph.h"
#include "wm-funnel-result.h"
#include "wm-project.h"

G_BEGIN_DECLS

/* Fraction done in [0, 1]; called from the thread running the query. */
typedef void (*WmAnalysisProgress) (double   fraction,
                                    gpointer user_data);

/* Immutable once loaded; reference counted, safe to share between threads. */
typedef struct _WmJourneys WmJourneys;

#define WM_TYPE_JOURNEYS (wm_journeys_get_type ())

GType        wm_journeys_get_type          (void) G_GNUC_CONST;
/* Durations: wm_duration_parse() in wm-timestamp.h. */

/* Loads the journeys of @project's events (reads the persisted cache, or
 * builds and stores it when missing or stale). */
WmJourneys  *wm_journeys_load              (WmProject           *project,
                                            WmAnalysisProgress   progress,
                                            gpointer             user_data,
                                            GCancellable        *cancellable,
                                            GError             **error);
WmJourneys  *wm_journeys_ref               (WmJourneys          *journeys);
void         wm_journeys_unref             (WmJourneys          *journeys);
guint64      wm_journeys_get_n_customers   (WmJourneys          *journeys);
guint64      wm_journeys_get_n_events      (WmJourneys          *journeys);
/* Milliseconds UTC; 0 when there are no events. */
gint64       wm_journeys_get_last_ts       (WmJourneys          *journeys);
/* Touchpoint names, sorted by customers descending (NULL-terminated); with
 * @customers, also each one's customers, in the same order (g_free). */
char       **wm_journeys_list_touchpoints  (WmJourneys          *journeys,
                                            guint64            **customers);
/* Distinct customers with at least one event at any of @touchpoints. */
guint64      wm_journeys_count_customers   (WmJourneys          *journeys,
                                            const char * const  *touchpoints);

/* Funnel semantics in detail (see wm-funnel-match.h): every step-1 event
 * (unordered: every event of any step) starts an attempt; the customer
 * counts at the furthest step any attempt reached, and the latest attempt
 * that got that far gives the breakdown value (at its entry event), the
 * median step times, and in_progress (its window, from its entry, still
 * open at wm_journeys_get_last_ts(): entry + window > last_ts).  A
 * touchpoint name unknown to the journeys fails with
 * WM_ERROR_INVALID_ARGUMENT, the message naming similar touchpoints.
 * Breakdown segments: the top values by customers entering, then "Other",
 * then "" (no value); property values are strings as they are, numbers
 * and booleans by their JSON text. */
typedef struct
{
  guint          n_steps;          /* 2 … 20 */
  char        ***steps;            /* n_steps NULL-terminated touchpoint sets */
  WmFunnelOrder  order;
  gint64         window_s;         /* inclusive conversion window from entry */
  char          *breakdown_by;     /* NULL, "channel", or a property name */
  guint          breakdown_top;    /* top values kept before "Other"; 0: 5 */
} WmFunnelQuery;

WmFunnelQuery  *wm_funnel_query_new       (void);
void            wm_funnel_query_free      (WmFunnelQuery       *query);
/* Appends a step of any of @touchpoints. */
void            wm_funnel_query_add_step  (WmFunnelQuery       *query,
                                           const char * const  *touchpoints);
WmFunnelResult *wm_funnel_query_run       (const WmFunnelQuery *query,
                                           WmJourneys          *journeys,
                                           WmAnalysisProgress   progress,
                                           gpointer             user_data,
                                           GCancellable        *cancellable,
                                           GError             **error);

/* Flow semantics (see wm-flow-query.c): a path starts at the customer's
 * first event of @from (or first event); step j (1 … depth) is the j-th
 * event after it if that event lies within window of the start
 * (inclusive), else the customer goes to "j:Exit" and the path ends.
 * Per step the top touchpoints by customers get nodes "j:NAME", the rest
 * "j:Other"; a link into a touchpoint node carrying fewer than
 * min_share × start customers is redirected to that step's Other before
 * anything further is counted.  So into a node = out of it + its exits,
 * exactly, for every node before the last step. */
typedef struct
{
  char   *from;        /* start touchpoint; NULL: each customer's first event */
  guint   depth;       /* steps after the start; default 5 */
  guint   top;         /* touchpoints kept per step before "Other"; default 8 */
  double  min_share;   /* links below this share of the start are folded; default 0.01 */
  gint64  window_s;    /* from the start event; default 14 days */
} WmFlowQuery;

WmFlowQuery    *wm_flow_query_new         (void);
void            wm_flow_query_free        (WmFlowQuery         *query);
WmFlowGraph    *wm_flow_query_run         (const WmFlowQuery   *query,
                                           WmJourneys          *journeys,
                                           WmAnalysisProgress   progress,
                                           gpointer             user_data,
                                           GCancellable        *cancellable,
                                           GError             **error);

/* Leakage: a channel's entered = customers with any event in it;
 * completed_in_channel = those with a goal event carrying that channel no
 * later than window_s after their first event in that channel
 * (inclusive).  Events without a channel count for none. */
typedef struct
{
  char    *channel;
  guint64  entered;
  guint64  completed_in_channel;
  double   leakage;    /* 1 − completed_in_channel / entered */
} WmLeakageChannel;

typedef struct
{
  char             *goal;
  gint64            window_s;
  guint             n_channels;
  WmLeakageChannel *channels;   /* by entered, descending */
} WmLeakageResult;

void             wm_leakage_result_free  (WmLeakageResult     *result);
WmLeakageResult *wm_leakage_run          (WmJourneys          *journeys,
                                          const char          *goal,
                                          gint64               window_s,
                                          WmAnalysisProgress   progress,
                                          gpointer             user_data,
                                          GCancellable        *cancellable,
                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmJourneys, wm_journeys_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmFunnelQuery, wm_funnel_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmFlowQuery, wm_flow_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmLeakageResult, wm_leakage_result_free)

G_END_DECLS
