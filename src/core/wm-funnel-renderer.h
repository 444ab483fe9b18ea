/* wm-funnel-renderer.h: draws a funnel layout with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "wm-chart-pango.h"
#include "wm-funnel-layout.h"
#include "wm-theme.h"

G_BEGIN_DECLS

void  wm_funnel_renderer_options  (WmFunnelOptions       *options,
                                   const WmTheme         *theme,
                                   WmChartPango          *pango);
/* Draws @layout (not the background); a @highlight that hit is emphasised. */
void  wm_funnel_renderer_draw     (cairo_t               *cr,
                                   const WmFunnelResult  *result,
                                   const WmFunnelLayout  *layout,
                                   const WmTheme         *theme,
                                   WmChartPango          *pango,
                                   const WmFunnelHit     *highlight);
/* Only what a @highlight adds over a chart drawn without one: a veil of
 * background over the plot, then the highlighted step's bars, bands and
 * texts again on top. Draws nothing when @highlight is NULL or missed. */
void  wm_funnel_renderer_draw_highlight (cairo_t              *cr,
                                         const WmFunnelResult *result,
                                         const WmFunnelLayout *layout,
                                         const WmTheme        *theme,
                                         WmChartPango         *pango,
                                         const WmFunnelHit    *highlight);
/* The whole chart on a @width × @height canvas, vertical bars. Returns the
 * layout drawn when @layout_out is not NULL. */
void  wm_funnel_render            (cairo_t               *cr,
                                   const WmFunnelResult  *result,
                                   double                 width,
                                   double                 height,
                                   const WmTheme         *theme,
                                   const char            *title,
                                   WmFunnelLayout       **layout_out);
/* The fill of a bar: the first palette colour, or the segment's. */
const WmRgba *wm_funnel_bar_color (const WmTheme         *theme,
                                   const WmFunnelResult  *result,
                                   int                    segment);

G_END_DECLS
