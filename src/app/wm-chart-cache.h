/* wm-chart-cache.h: what the chart widgets share: the theme and cached drawings
 *
 * A chart widget embeds one. The chart is drawn once into a render node
 * and appended to every frame until it is invalidated; hover and focus are
 * a second node drawn over it, redrawn only when what they show changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wm-chart-pango.h"
#include "wm-theme.h"

G_BEGIN_DECLS

typedef void (*WmChartCacheDrawFunc) (cairo_t  *cr,
                                      gpointer  user_data);

#define WM_CHART_CACHE_KEY_SIZE 32

typedef struct
{
  GtkWidget     *widget;
  void         (*theme_changed) (GtkWidget *widget);
  gulong         dark_handler;
  GtkWindow     *window;
  gulong         focus_visible_handler;
  WmThemeKind    theme_kind;
  WmChartPango  *pango;
  int            width;
  int            height;
  GskRenderNode *chart;
  GskRenderNode *overlay;
  guint8         overlay_key[WM_CHART_CACHE_KEY_SIZE];
  gsize          overlay_key_size;
} WmChartCache;

/* Follows the style manager: dark or light theme; on a change, drops the
 * drawings and calls @theme_changed (to lay out again). */
void            wm_chart_cache_init        (WmChartCache          *cache,
                                            GtkWidget             *widget,
                                            void                 (*theme_changed) (GtkWidget *widget));
/* From the widget's root() and unroot(): the focus ring follows the
 * window's focus-visible. */
void            wm_chart_cache_root        (WmChartCache          *cache);
void            wm_chart_cache_unroot      (WmChartCache          *cache);
/* From the widget's dispose(). */
void            wm_chart_cache_clear       (WmChartCache          *cache);
const WmTheme  *wm_chart_cache_get_theme   (WmChartCache          *cache);
/* Measures and draws in the current theme's fonts. */
WmChartPango   *wm_chart_cache_get_pango   (WmChartCache          *cache);
/* The chart changed: both drawings are redrawn at the next frame. */
void            wm_chart_cache_invalidate  (WmChartCache          *cache);
/* Appends the chart (@draw_chart, into a @width × @height node, cached)
 * and, when @overlay_key is not NULL, the overlay (@draw_overlay, cached
 * while the key's bytes stay the same). */
void            wm_chart_cache_snapshot    (WmChartCache          *cache,
                                            GtkSnapshot           *snapshot,
                                            int                    width,
                                            int                    height,
                                            WmChartCacheDrawFunc   draw_chart,
                                            WmChartCacheDrawFunc   draw_overlay,
                                            gconstpointer          overlay_key,
                                            gsize                  overlay_key_size,
                                            gpointer               user_data);

/* Whether @widget has the focus and its window shows focus (after keyboard
 * use): only then does a chart light its focused part, so a chart that
 * merely got the initial focus is not drawn dimmed. */
gboolean        wm_chart_focus_visible     (GtkWidget             *widget);

G_END_DECLS
