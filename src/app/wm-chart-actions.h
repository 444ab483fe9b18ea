/* wm-chart-actions.h: Export Chart…, Copy Chart and Export Deck for the pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-chart-export.h"
#include "wm-slide.h"

G_BEGIN_DECLS

#define WM_CHART_DEFAULT_WIDTH  1600
#define WM_CHART_DEFAULT_HEIGHT 900

/* The chart as an image, e.g. for the clipboard. */
GdkTexture *wm_chart_render_texture        (WmChartKind       kind,
                                            gconstpointer     data,
                                            int               width,
                                            int               height,
                                            const WmTheme    *theme,
                                            const char       *title,
                                            GError          **error);
/* Copy Chart: puts a 1600 × 900 PNG of the chart, in @theme_kind, on
 * @widget's clipboard. Shows a message over @widget's window on failure. */
void        wm_chart_actions_copy          (GtkWidget        *widget,
                                            WmChartKind       kind,
                                            gconstpointer     data,
                                            const char       *title,
                                            WmThemeKind       theme_kind);
/* Export Chart…: asks where to save (PNG, SVG or PDF by filter or name),
 * at which size (1600 × 900 unless chosen) and in which colours, then
 * writes the chart; @data is copied. Errors are shown over @parent. */
void        wm_chart_actions_export        (GtkWindow        *parent,
                                            WmChartKind       kind,
                                            gconstpointer     data,
                                            const char       *title);
/* Export Deck as PDF…: asks where to save, then writes @slides as pages. */
void        wm_chart_actions_export_deck   (GtkWindow        *parent,
                                            WmSlide * const  *slides,
                                            guint             n_slides);

/* "1600x900" → 1600, 900; FALSE for anything else. */
gboolean    wm_chart_parse_size            (const char       *text,
                                            int              *width,
                                            int              *height);
/* @path as typed, or with ".@extension" added when it does not already
 * end in .png, .svg or .pdf. */
char       *wm_chart_export_path           (const char       *path,
                                            const char       *extension);

G_END_DECLS
