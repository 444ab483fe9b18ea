/* wm-chart-widget.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wm-chart-widget.h"

typedef struct
{
  WmThemeKind    theme_kind;
  WmChartPango  *pango;
  gboolean       laid_out;
  gboolean       has_layout;
  int            width;
  int            height;
  GskRenderNode *chart;
  GskRenderNode *overlay;
  guint8         overlay_key[WM_CHART_WIDGET_KEY_SIZE];
  gsize          overlay_key_size;
  GtkWindow     *window;
  gulong         focus_visible_handler;
} WmChartWidgetPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (WmChartWidget, wm_chart_widget, GTK_TYPE_WIDGET)

static WmThemeKind
theme_for_style (AdwStyleManager *manager)
{
  return adw_style_manager_get_dark (manager) ? WM_THEME_DARK : WM_THEME_LIGHT;
}

static WmChartPango *
get_pango (WmChartWidget *self)
{
  WmChartWidgetPrivate *priv = wm_chart_widget_get_instance_private (self);

  if (priv->pango == NULL)
    priv->pango = wm_chart_pango_new (wm_chart_widget_get_theme (self));

  return priv->pango;
}

static void
drop_drawings (WmChartWidget *self)
{
  WmChartWidgetPrivate *priv = wm_chart_widget_get_instance_private (self);

  g_clear_pointer (&priv->chart, gsk_render_node_unref);
  g_clear_pointer (&priv->overlay, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
wm_chart_widget_ensure_layout (WmChartWidget *self)
{
  WmChartWidgetPrivate *priv = wm_chart_widget_get_instance_private (self);
  WmChartWidgetClass *klass = WM_CHART_WIDGET_GET_CLASS (self);
  const WmTheme *theme = wm_chart_widget_get_theme (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  WmRect area;

  g_return_val_if_fail (WM_IS_CHART_WIDGET (self), FALSE);

  if (priv->laid_out && width == priv->width && height == priv->height)
    return priv->has_layout;

  klass->clear_layout (self);
  drop_drawings (self);
  priv->laid_out = width > 0 && height > 0;
  priv->has_layout = FALSE;
  priv->width = width;
  priv->height = height;
  if (!priv->laid_out)
    return FALSE;

  /* The margins of an export without a title: the page names the chart. */
  wm_chart_frame_area (get_pango (self), theme, NULL, width, height,
                       &area.x, &area.y, &area.width, &area.height);
  priv->has_layout = klass->layout (self, &area, theme, get_pango (self));

  return priv->has_layout;
}

void
wm_chart_widget_invalidate (WmChartWidget *self)
{
  WmChartWidgetPrivate *priv = wm_chart_widget_get_instance_private (self);

  g_return_if_fail (WM_IS_CHART_WIDGET (self));

  priv->laid_out = FALSE;
  wm_chart_widget_ensure_layout (self);
}

void
wm_chart_widget_queue_overlay (WmChartWidget *self)
{
  g_return_if_fail (WM_IS_CHART_WIDGET (self));

  /* The overlay's key tells snapshot() whether to redraw it. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const WmTheme *
wm_chart_widget_get_theme (WmChartWidget *self)
{
  WmChartWidgetPrivate *priv = wm_chart_widget_get_instance_private (self);

  return wm_theme_get (priv->theme_kind);
}

gboolean
wm_chart_widget_focus_visible (WmChartWidget *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return gtk_widget_is_focus (GTK_WIDGET (self)) && GTK_IS_WINDOW (root) &&
         gtk_window_get_focus_visible (GTK_WINDOW (root));
}

void
wm_chart_widget_draw_focus_ring (cairo_t       *cr,
                                 const WmTheme *theme,
                                 const WmRect  *rect)
{
  wm_chart_set_source (cr, &theme->foreground, 1.0);
  cairo_set_line_width (cr, 2);
  cairo_rectangle (cr, rect->x - 3, rect->y - 3, rect->width + 6, rect->height + 6);
  cairo_stroke (cr);
}

typedef void (*DrawFunc) (WmChartWidget *self,
                          cairo_t       *cr,
                          const WmTheme *theme,
                          WmChartPango  *pango);

static GskRenderNode *
draw_node (WmChartWidget *self,
           DrawFunc       draw,
           gboolean       background)
{
  WmChartWidgetPrivate *priv = wm_chart_widget_get_instance_private (self);
  const WmTheme *theme = wm_chart_widget_get_theme (self);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                           &GRAPHENE_RECT_INIT (0, 0, priv->width, priv->height));

  if (background)
    {
      wm_chart_set_source (cr, &theme->background, 1.0);
      cairo_paint (cr);
    }
  draw (self, cr, theme, get_pango (self));
  cairo_destroy (cr);

  return gtk_snapshot_free_to_node (snapshot);
}

static void
wm_chart_widget_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  WmChartWidget *self = WM_CHART_WIDGET (widget);
  WmChartWidgetPrivate *priv = wm_chart_widget_get_instance_private (self);
  WmChartWidgetClass *klass = WM_CHART_WIDGET_GET_CLASS (self);
  guint8 key[WM_CHART_WIDGET_KEY_SIZE] = { 0 };
  gsize key_size;

  if (!priv->has_layout)
    return;

  if (priv->chart == NULL)
    priv->chart = draw_node (self, klass->draw_chart, TRUE);
  gtk_snapshot_append_node (snapshot, priv->chart);

  key_size = klass->overlay_key (self, key);
  if (key_size == 0)
    return;
  if (priv->overlay != NULL &&
      (key_size != priv->overlay_key_size || memcmp (key, priv->overlay_key, key_size) != 0))
    g_clear_pointer (&priv->overlay, gsk_render_node_unref);
  if (priv->overlay == NULL)
    {
      priv->overlay = draw_node (self, klass->draw_overlay, FALSE);
      memcpy (priv->overlay_key, key, key_size);
      priv->overlay_key_size = key_size;
    }
  gtk_snapshot_append_node (snapshot, priv->overlay);
}

static void
wm_chart_widget_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  /* A chart shrinks to anything; it likes 16:9. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 960 : 540;
}

static void
wm_chart_widget_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  wm_chart_widget_ensure_layout (WM_CHART_WIDGET (widget));
}

static void
dark_changed_cb (WmChartWidget   *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *manager)
{
  WmChartWidgetPrivate *priv = wm_chart_widget_get_instance_private (self);
  WmThemeKind kind = theme_for_style (manager);

  if (kind == priv->theme_kind)
    return;

  priv->theme_kind = kind;
  g_clear_pointer (&priv->pango, wm_chart_pango_free);
  /* Type sizes, hence the layout, may differ between themes. */
  wm_chart_widget_invalidate (self);
}

static void
focus_visible_cb (WmChartWidget *self,
                  GParamSpec    *pspec,
                  GtkWindow     *window)
{
  if (gtk_widget_is_focus (GTK_WIDGET (self)))
    wm_chart_widget_queue_overlay (self);
}

static void
wm_chart_widget_unroot (GtkWidget *widget)
{
  WmChartWidgetPrivate *priv = wm_chart_widget_get_instance_private (WM_CHART_WIDGET (widget));

  if (priv->window != NULL)
    g_clear_signal_handler (&priv->focus_visible_handler, priv->window);
  priv->window = NULL;

  GTK_WIDGET_CLASS (wm_chart_widget_parent_class)->unroot (widget);
}

static void
wm_chart_widget_root (GtkWidget *widget)
{
  WmChartWidgetPrivate *priv = wm_chart_widget_get_instance_private (WM_CHART_WIDGET (widget));
  GtkRoot *root;

  GTK_WIDGET_CLASS (wm_chart_widget_parent_class)->root (widget);

  /* The focus ring follows the window's focus-visible. */
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      priv->window = GTK_WINDOW (root);
      priv->focus_visible_handler = g_signal_connect_swapped (root, "notify::focus-visible",
                                                              G_CALLBACK (focus_visible_cb),
                                                              widget);
    }
}

static void
wm_chart_widget_dispose (GObject *object)
{
  WmChartWidget *self = WM_CHART_WIDGET (object);
  WmChartWidgetPrivate *priv = wm_chart_widget_get_instance_private (self);

  g_clear_pointer (&priv->chart, gsk_render_node_unref);
  g_clear_pointer (&priv->overlay, gsk_render_node_unref);
  g_clear_pointer (&priv->pango, wm_chart_pango_free);

  G_OBJECT_CLASS (wm_chart_widget_parent_class)->dispose (object);
}

static void
wm_chart_widget_class_init (WmChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_chart_widget_dispose;

  widget_class->snapshot = wm_chart_widget_snapshot;
  widget_class->measure = wm_chart_widget_measure;
  widget_class->size_allocate = wm_chart_widget_size_allocate;
  widget_class->root = wm_chart_widget_root;
  widget_class->unroot = wm_chart_widget_unroot;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
wm_chart_widget_init (WmChartWidget *self)
{
  WmChartWidgetPrivate *priv = wm_chart_widget_get_instance_private (self);
  AdwStyleManager *manager = adw_style_manager_get_default ();

  priv->theme_kind = theme_for_style (manager);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
}
