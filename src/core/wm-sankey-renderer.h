/* wm-sankey-renderer.h: draws a Sankey layout with cairo
 *
 * The widget (gtk_snapshot_append_cairo), PNG/SVG/PDF export and slides
 * all draw through here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "wm-chart-pango.h"
#include "wm-sankey-layout.h"
#include "wm-theme.h"

G_BEGIN_DECLS

/* Options sized for @theme and a chart of @height pixels, measuring with
 * @pango (which must outlive the options). */
void            wm_sankey_renderer_options  (WmSankeyOptions       *options,
                                             const WmTheme         *theme,
                                             WmChartPango          *pango,
                                             double                 height);

/* Draws bands, nodes and labels of @layout (not the background). With a
 * @highlight of kind NODE, LABEL or LINK, the flow through it (see
 * wm_sankey_layout_flow_through()) stands out and the rest is dimmed. */
void            wm_sankey_renderer_draw     (cairo_t               *cr,
                                             const WmFlowGraph     *graph,
                                             const WmSankeyLayout  *layout,
                                             const WmTheme         *theme,
                                             WmChartPango          *pango,
                                             const WmSankeyHit     *highlight);

/* Only what a @highlight adds over a chart drawn without one: a veil
 * of background over the layout's area, then the flow through the
 * highlight drawn again on top. Widgets draw this over their cached
 * chart on hover. Draws nothing for NULL or WM_SANKEY_HIT_NONE. */
void            wm_sankey_renderer_draw_highlight (cairo_t              *cr,
                                                   const WmFlowGraph    *graph,
                                                   const WmSankeyLayout *layout,
                                                   const WmTheme        *theme,
                                                   WmChartPango         *pango,
                                                   const WmSankeyHit    *highlight);

/* The whole chart on a @width × @height canvas: background, @title, layout
 * and drawing. Returns the layout drawn (for hit testing) when @layout_out
 * is not NULL. */
void            wm_sankey_render            (cairo_t               *cr,
                                             const WmFlowGraph     *graph,
                                             double                 width,
                                             double                 height,
                                             const WmTheme         *theme,
                                             const char            *title,
                                             WmSankeyLayout       **layout_out);

/* The fill of a node: channel colour, or the theme's Other/Exit colours. */
const WmRgba   *wm_sankey_node_color        (const WmTheme         *theme,
                                             const WmFlowNode      *node);

G_END_DECLS
