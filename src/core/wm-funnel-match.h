/* wm-funnel-match.h: how far one customer gets through a funnel
 *
 * Every event that can enter the funnel starts an attempt (ordered and
 * strict: an event of step 1; unordered: an event of any step).  The
 * customer counts at the furthest step any attempt reached; among the
 * attempts that got that far the latest one is "the" attempt: its entry
 * event gives the breakdown value, its step times the medians, and its
 * window decides whether the customer is still in progress.
 *
 * ordered:   step k+1 is the earliest event (by time, then stored order) of
 *            step k+1's touchpoints at or after step k's time, not used by
 *            an earlier step, within the window; so equal timestamps are
 *            taken in step order.
 * strict:    step k+1 must be the very next event of the customer (events
 *            with equal timestamps keep their stored order).
 * unordered: a step is done when any event of its touchpoints falls inside
 *            [entry, entry + window]; one event may do several steps when
 *            their touchpoint sets overlap.  Step k's time is the k-th
 *            earliest of the done steps' first times.
 *
 * The window is inclusive: t − t_entry ≤ window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-journeys-private.h"

G_BEGIN_DECLS

#define WM_FUNNEL_MAX_STEPS 20

typedef struct
{
  guint   reached;                      /* steps done: 0 … n_steps */
  guint32 entry;                        /* event index of the attempt's entry */
  gint64  times[WM_FUNNEL_MAX_STEPS];   /* time of each step done */
} WmFunnelMatch;

/* @masks: per touchpoint id, bit k set when it belongs to step k. */
void wm_funnel_match_customer (const WmJourneyColumns *columns,
                               guint64                 customer,
                               const guint32          *masks,
                               guint                   n_steps,
                               WmFunnelOrder           order,
                               gint64                  window_ms,
                               WmFunnelMatch          *match);

G_END_DECLS
