/* wm-analysis-json.h: analysis results and queries as JSON
 *
 * The result shapes are DESIGN.md's `--json` contract (more keys may be
 * added, these may not change).  Queries round-trip, for saved analyses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "wm-analysis.h"

G_BEGIN_DECLS

const char     *wm_funnel_order_to_string   (WmFunnelOrder           order);
/* FALSE, with WM_ERROR_INVALID_ARGUMENT, for anything but
 * ordered/strict/unordered. */
gboolean        wm_funnel_order_from_string (const char             *text,
                                             WmFunnelOrder          *order,
                                             GError                **error);

/* {"order","window_s","steps":[…],"breakdown_by","breakdown":[{"value","steps"}]} */
JsonNode       *wm_funnel_result_to_json    (const WmFunnelResult   *result);
/* {"nodes":[{"id","step","touchpoint","kind","channel","customers"}],
 *  "links":[{"source","target","customers"}],"start_customers","n_steps"};
 * nodes and links in the graph's order. */
JsonNode       *wm_flow_graph_to_json       (const WmFlowGraph      *graph);
/* {"goal","window_s","channels":[{"channel","entered","completed_in_channel","leakage"}]} */
JsonNode       *wm_leakage_result_to_json   (const WmLeakageResult  *result);

/* {"steps":[["A","B"],["C"]],"order","window_s","breakdown_by","breakdown_top"} */
JsonNode       *wm_funnel_query_to_json     (const WmFunnelQuery    *query);
WmFunnelQuery  *wm_funnel_query_from_json   (JsonNode               *node,
                                             GError                **error);

/* {"from":"A"|null,"depth","top","min_share","window_s"}; absent members
 * keep wm_flow_query_new()'s defaults. */
JsonNode       *wm_flow_query_to_json       (const WmFlowQuery      *query);
WmFlowQuery    *wm_flow_query_from_json     (JsonNode               *node,
                                             GError                **error);

G_END_DECLS
