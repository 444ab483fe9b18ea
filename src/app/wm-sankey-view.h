/* wm-sankey-view.h: the interactive Sankey chart of a flow graph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-chart-widget.h"

#include "wm-flow-graph.h"
#include "wm-sankey-layout.h"

G_BEGIN_DECLS

#define WM_TYPE_SANKEY_VIEW (wm_sankey_view_get_type ())
G_DECLARE_FINAL_TYPE (WmSankeyView, wm_sankey_view, WM, SANKEY_VIEW, WmChartWidget)

GtkWidget            *wm_sankey_view_new           (void);

/* Shows a copy of @graph (NULL: nothing), forgetting pins and the back
 * stack: a new query starts over. */
void                  wm_sankey_view_set_graph     (WmSankeyView      *self,
                                                    const WmFlowGraph *graph);
const WmFlowGraph    *wm_sankey_view_get_graph     (WmSankeyView      *self);

/* Drilling in: shows @graph and keeps the current graph and its pins on
 * the back stack. The page calls this with the result of the query the
 * "node-activated" signal asked for. */
void                  wm_sankey_view_push_graph    (WmSankeyView      *self,
                                                    const WmFlowGraph *graph);
gboolean              wm_sankey_view_can_go_back   (WmSankeyView      *self);
/* Back to the graph shown before the last push, with its pins. */
void                  wm_sankey_view_go_back       (WmSankeyView      *self);

/* Holds @node with its top edge at @y (widget coordinates) and re-flows
 * the rest of its column; pins follow resizes proportionally. */
void                  wm_sankey_view_pin_node      (WmSankeyView      *self,
                                                    guint              node,
                                                    double             y);
void                  wm_sankey_view_unpin_node    (WmSankeyView      *self,
                                                    guint              node);
void                  wm_sankey_view_unpin_all     (WmSankeyView      *self);
gboolean              wm_sankey_view_is_pinned     (WmSankeyView      *self,
                                                    guint              node);

/* What is highlighted: under the pointer, else the keyboard-focused node. */
WmSankeyHit           wm_sankey_view_get_hover     (WmSankeyView      *self);
/* The node keys act on (the first node of the first column until arrow
 * keys or a click move it), or -1 without a graph. */
int                   wm_sankey_view_get_focus_node (WmSankeyView     *self);
/* The geometry drawn, in widget coordinates; NULL before the first
 * allocation or without a graph. */
const WmSankeyLayout *wm_sankey_view_get_layout    (WmSankeyView      *self);

G_END_DECLS
