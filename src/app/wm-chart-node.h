/* wm-chart-node.h: what the chart widgets share: cached drawings and the theme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wm-theme.h"

G_BEGIN_DECLS

typedef void (*WmChartNodeDrawFunc) (cairo_t  *cr,
                                     gpointer  user_data);

/* A render node of @width × @height holding what @draw paints with cairo:
 * drawn once, appended to every frame until the chart changes. */
GskRenderNode *wm_chart_node_new           (int                  width,
                                            int                  height,
                                            WmChartNodeDrawFunc  draw,
                                            gpointer             user_data);
/* The chart theme matching the style manager: dark or light. */
WmThemeKind    wm_chart_theme_for_style    (AdwStyleManager     *manager);

G_END_DECLS
