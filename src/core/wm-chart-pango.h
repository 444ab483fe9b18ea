/* wm-chart-pango.h: text measuring and drawing with Pango for the chart renderers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "wm-chart-text.h"
#include "wm-theme.h"

G_BEGIN_DECLS

typedef struct _WmChartPango WmChartPango;

/* Measures and draws in @theme's font family, with unhinted metrics so a
 * label measured once fits the same on screen, in PNG, SVG and PDF. */
WmChartPango  *wm_chart_pango_new          (const WmTheme   *theme);
void           wm_chart_pango_free         (WmChartPango    *pango);
/* A measurer for the layouts; valid while @pango lives. */
WmTextMeasurer wm_chart_pango_measurer     (WmChartPango    *pango);

/* Draws one line of @text with its top-left corner at (@x, @y). A @halo
 * (may be NULL) is stroked around the glyphs first, so text stays legible
 * over bands. Returns the width drawn. */
double         wm_chart_pango_draw         (WmChartPango    *pango,
                                            cairo_t         *cr,
                                            const char      *text,
                                            double           size,
                                            WmTextWeight     weight,
                                            double           x,
                                            double           y,
                                            const WmRgba    *color,
                                            const WmRgba    *halo);

static inline void
wm_chart_set_source (cairo_t      *cr,
                     const WmRgba *color,
                     double        alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* A rectangle with corners of @radius (at most half the shorter side) as
 * a new sub-path of @cr. */
void           wm_chart_rounded_rect       (cairo_t         *cr,
                                            double           x,
                                            double           y,
                                            double           width,
                                            double           height,
                                            double           radius);

/* Paints the background and the title (when not NULL or empty); returns the
 * area left for the chart. */
void           wm_chart_draw_frame         (WmChartPango    *pango,
                                            cairo_t         *cr,
                                            const WmTheme   *theme,
                                            const char      *title,
                                            double           width,
                                            double           height,
                                            double          *area_x,
                                            double          *area_y,
                                            double          *area_width,
                                            double          *area_height);

/* The area wm_chart_draw_frame() leaves for the chart, without drawing:
 * widgets lay out before they draw. */
void           wm_chart_frame_area         (WmChartPango    *pango,
                                            const WmTheme   *theme,
                                            const char      *title,
                                            double           width,
                                            double           height,
                                            double          *area_x,
                                            double          *area_y,
                                            double          *area_width,
                                            double          *area_height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmChartPango, wm_chart_pango_free)

G_END_DECLS
