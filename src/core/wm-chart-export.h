/* wm-chart-export.h: one entry point to draw or export any chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "wm-theme.h"

G_BEGIN_DECLS

typedef enum
{
  WM_CHART_SANKEY,   /* data: const WmFlowGraph * */
  WM_CHART_FUNNEL,   /* data: const WmFunnelResult * */
  WM_CHART_JOURNEY_MAP, /* data: const WmMapChart * (wm-map-renderer.h); draws its own title */
} WmChartKind;

/* Draws the whole chart (background, title, chart) on @cr, which may be a
 * widget snapshot, an export surface or a slide. */
void      wm_chart_draw    (cairo_t        *cr,
                            WmChartKind     kind,
                            gconstpointer   data,
                            double          width,
                            double          height,
                            const WmTheme  *theme,
                            const char     *title);

/* Writes the chart to @path as PNG, SVG or PDF, chosen by its extension
 * (case-insensitive); @width × @height in pixels (points for PDF). Fails with
 * WM_ERROR_INVALID_ARGUMENT for another extension or a bad size, and
 * WM_ERROR_IO when the file cannot be written. */
gboolean  wm_chart_export  (WmChartKind     kind,
                            gconstpointer   data,
                            const char     *path,
                            int             width,
                            int             height,
                            const WmTheme  *theme,
                            const char     *title,
                            GError        **error);

G_END_DECLS
