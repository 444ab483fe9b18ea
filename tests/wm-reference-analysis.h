/* wm-reference-analysis.h: plain, slow analyses straight from the events
 * table, for checking the engine against
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-analysis.h"

G_BEGIN_DECLS

WmFunnelResult  *wm_reference_funnel   (WmProject           *project,
                                        const WmFunnelQuery *query);
WmFlowGraph     *wm_reference_flow     (WmProject           *project,
                                        const WmFlowQuery   *query);
WmLeakageResult *wm_reference_leakage  (WmProject           *project,
                                        const char          *goal,
                                        gint64               window_s);

void wm_assert_funnels_equal  (const WmFunnelResult  *expected,
                               const WmFunnelResult  *actual);
void wm_assert_flows_equal    (const WmFlowGraph     *expected,
                               const WmFlowGraph     *actual);
void wm_assert_leakage_equal  (const WmLeakageResult *expected,
                               const WmLeakageResult *actual);
/* Into a node = out of it + its exits, for every node before the last step. */
void wm_assert_flow_conserved (const WmFlowGraph     *graph);

G_END_DECLS
