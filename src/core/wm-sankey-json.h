/* wm-sankey-json.h: a Sankey layout's geometry in the flow JSON (`flow --json --layout WxH`)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "wm-sankey-layout.h"

G_BEGIN_DECLS

/* @flow is the object `waymark-cli flow --json` prints, with "nodes" and
 * "links" arrays in the graph's order. Adds to each node "x0", "y0", "x1",
 * "y1" (its rectangle) and "column", and to each link "y0" (band centre at
 * the source), "y1" (at the target) and "width", as d3-sankey names them;
 * plus "layout": {"width", "height", "orientation", "crossings"}. In a
 * vertical layout a link's y0/y1 are x positions (across the flow). */
void  wm_sankey_layout_add_json  (const WmSankeyLayout *layout,
                                  const WmFlowGraph    *graph,
                                  JsonObject           *flow,
                                  double                width,
                                  double                height);

G_END_DECLS
