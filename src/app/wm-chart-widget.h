/* wm-chart-widget.h: the base of the chart widgets: theme, layout, cached drawings
 *
 * A subclass lays its chart out and draws it; this class decides when.
 * The chart is laid out at allocation (or at once when its data changes),
 * never in snapshot(); it is drawn once into a render node appended to
 * every frame until it changes; hover and focus are a second node drawn
 * over it, redrawn only when what they show changes. The theme follows
 * the style manager (light or dark).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wm-chart-pango.h"
#include "wm-sankey-layout.h"
#include "wm-theme.h"

G_BEGIN_DECLS

#define WM_CHART_WIDGET_KEY_SIZE 32

#define WM_TYPE_CHART_WIDGET (wm_chart_widget_get_type ())
G_DECLARE_DERIVABLE_TYPE (WmChartWidget, wm_chart_widget, WM, CHART_WIDGET, GtkWidget)

struct _WmChartWidgetClass
{
  GtkWidgetClass parent_class;

  /* Drops the layout. */
  void      (*clear_layout) (WmChartWidget  *self);
  /* Lays the chart out in @area (widget coordinates); FALSE when there is
   * nothing to show. */
  gboolean  (*layout)       (WmChartWidget  *self,
                             const WmRect   *area,
                             const WmTheme  *theme,
                             WmChartPango   *pango);
  /* Draws the chart laid out, over its background. */
  void      (*draw_chart)   (WmChartWidget  *self,
                             cairo_t        *cr,
                             const WmTheme  *theme,
                             WmChartPango   *pango);
  /* Fills @key with what the overlay shows (bytes compared to tell whether
   * to redraw it) and returns its size, or 0 for no overlay. */
  gsize     (*overlay_key)  (WmChartWidget  *self,
                             guint8          key[WM_CHART_WIDGET_KEY_SIZE]);
  void      (*draw_overlay) (WmChartWidget  *self,
                             cairo_t        *cr,
                             const WmTheme  *theme,
                             WmChartPango   *pango);
};

/* For subclasses. */

/* The data changed: lays out again now and redraws. */
void            wm_chart_widget_invalidate      (WmChartWidget *self);
/* The overlay may show something else: redraws. */
void            wm_chart_widget_queue_overlay   (WmChartWidget *self);
/* Lays out if the size changed since; TRUE when there is a layout. */
gboolean        wm_chart_widget_ensure_layout   (WmChartWidget *self);
const WmTheme  *wm_chart_widget_get_theme       (WmChartWidget *self);
/* Whether the widget has the focus and its window shows focus (after
 * keyboard use): only then does a chart light its focused part, so a chart
 * that merely got the initial focus is not drawn dimmed. */
gboolean        wm_chart_widget_focus_visible   (WmChartWidget *self);
/* A ring around @rect, outside it, so the colour inside stays readable. */
void            wm_chart_widget_draw_focus_ring (cairo_t       *cr,
                                                 const WmTheme *theme,
                                                 const WmRect  *rect);

G_END_DECLS
