/* wm-chart-fixtures.h: flow graphs and funnel results for chart tests and bench/
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-flow-graph.h"
#include "wm-funnel-layout.h"
#include "wm-funnel-result.h"

G_BEGIN_DECLS

/* The bank's payment-notice story: five steps, app/web/IVR/agent, exits,
 * an "Other" node and a CJK label ("收据已发送"). */
WmFlowGraph    *wm_fixture_bank_flow       (void);
/* Payment notice → login → payment attempt → payment completed, with
 * in-progress customers and medians; with a channel breakdown if asked. */
WmFunnelResult *wm_fixture_bank_funnel     (gboolean  breakdown);
/* A layered graph: @n_columns columns, @n_nodes nodes, about @n_links links
 * between adjacent columns (each node reached and left), heavy-tailed
 * customer counts; the same for the same @seed. */
WmFlowGraph    *wm_fixture_random_flow     (guint32   seed,
                                            guint     n_columns,
                                            guint     n_nodes,
                                            guint     n_links);
/* The part of @layout of that kind, step and segment (-1: the total), or NULL. */
const WmFunnelPart *wm_fixture_funnel_part (const WmFunnelLayout *layout,
                                            WmFunnelPartKind      kind,
                                            guint                 step,
                                            int                   segment);

G_END_DECLS
