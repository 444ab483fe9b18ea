/* wm-chart-describe.h: charts in words, for tooltips and screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-flow-graph.h"
#include "wm-funnel-layout.h"
#include "wm-funnel-result.h"

G_BEGIN_DECLS

/* "IVR menu\n3,100,000 customers · 25% of start\nChannel: ivr" */
char  *wm_flow_describe_node       (const WmFlowGraph     *graph,
                                    guint                  node);
/* "IVR menu → Agent requested: 1,860,000 customers (15% of start)" */
char  *wm_flow_describe_link       (const WmFlowGraph     *graph,
                                    guint                  link);
/* The start and the @n_flows widest bands, for a chart's accessible
 * description. */
char  *wm_flow_describe_summary    (const WmFlowGraph     *graph,
                                    guint                  n_flows);
/* What a funnel part under the pointer stands for: which step (and
 * breakdown value), customers, from start, from previous, dropped, in
 * progress and median time, one per line. */
char  *wm_funnel_describe_part     (const WmFunnelResult  *result,
                                    const WmFunnelHit     *hit);
/* Steps, start, end and the biggest drop. */
char  *wm_funnel_describe_summary  (const WmFunnelResult  *result);

G_END_DECLS
