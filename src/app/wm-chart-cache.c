/* wm-chart-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wm-chart-cache.h"

static WmThemeKind
theme_for_style (AdwStyleManager *manager)
{
  return adw_style_manager_get_dark (manager) ? WM_THEME_DARK : WM_THEME_LIGHT;
}

static void
dark_changed_cb (AdwStyleManager *manager,
                 GParamSpec      *pspec,
                 gpointer         user_data)
{
  WmChartCache *cache = user_data;
  WmThemeKind kind = theme_for_style (manager);

  if (kind == cache->theme_kind)
    return;

  cache->theme_kind = kind;
  g_clear_pointer (&cache->pango, wm_chart_pango_free);
  wm_chart_cache_invalidate (cache);
  cache->theme_changed (cache->widget);
}

void
wm_chart_cache_init (WmChartCache *cache,
                     GtkWidget    *widget,
                     void        (*theme_changed) (GtkWidget *widget))
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  memset (cache, 0, sizeof *cache);
  cache->widget = widget;
  cache->theme_changed = theme_changed;
  cache->theme_kind = theme_for_style (manager);
  cache->dark_handler = g_signal_connect (manager, "notify::dark",
                                          G_CALLBACK (dark_changed_cb), cache);
}

static void
focus_visible_cb (GtkWindow  *window,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  WmChartCache *cache = user_data;

  if (gtk_widget_is_focus (cache->widget))
    gtk_widget_queue_draw (cache->widget);
}

void
wm_chart_cache_root (WmChartCache *cache)
{
  GtkRoot *root = gtk_widget_get_root (cache->widget);

  wm_chart_cache_unroot (cache);
  if (!GTK_IS_WINDOW (root))
    return;

  cache->window = GTK_WINDOW (root);
  cache->focus_visible_handler = g_signal_connect (root, "notify::focus-visible",
                                                   G_CALLBACK (focus_visible_cb), cache);
}

void
wm_chart_cache_unroot (WmChartCache *cache)
{
  if (cache->window != NULL)
    g_clear_signal_handler (&cache->focus_visible_handler, cache->window);
  cache->window = NULL;
}

void
wm_chart_cache_clear (WmChartCache *cache)
{
  wm_chart_cache_unroot (cache);
  g_clear_signal_handler (&cache->dark_handler, adw_style_manager_get_default ());
  g_clear_pointer (&cache->chart, gsk_render_node_unref);
  g_clear_pointer (&cache->overlay, gsk_render_node_unref);
  g_clear_pointer (&cache->pango, wm_chart_pango_free);
}

const WmTheme *
wm_chart_cache_get_theme (WmChartCache *cache)
{
  return wm_theme_get (cache->theme_kind);
}

WmChartPango *
wm_chart_cache_get_pango (WmChartCache *cache)
{
  if (cache->pango == NULL)
    cache->pango = wm_chart_pango_new (wm_chart_cache_get_theme (cache));

  return cache->pango;
}

void
wm_chart_cache_invalidate (WmChartCache *cache)
{
  g_clear_pointer (&cache->chart, gsk_render_node_unref);
  g_clear_pointer (&cache->overlay, gsk_render_node_unref);
  gtk_widget_queue_draw (cache->widget);
}

static GskRenderNode *
draw_node (int                   width,
           int                   height,
           WmChartCacheDrawFunc  draw,
           gpointer              user_data)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  draw (cr, user_data);
  cairo_destroy (cr);

  return gtk_snapshot_free_to_node (snapshot);
}

void
wm_chart_cache_snapshot (WmChartCache         *cache,
                         GtkSnapshot          *snapshot,
                         int                   width,
                         int                   height,
                         WmChartCacheDrawFunc  draw_chart,
                         WmChartCacheDrawFunc  draw_overlay,
                         gconstpointer         overlay_key,
                         gsize                 overlay_key_size,
                         gpointer              user_data)
{
  g_return_if_fail (overlay_key_size <= WM_CHART_CACHE_KEY_SIZE);

  if (width != cache->width || height != cache->height)
    {
      g_clear_pointer (&cache->chart, gsk_render_node_unref);
      g_clear_pointer (&cache->overlay, gsk_render_node_unref);
      cache->width = width;
      cache->height = height;
    }

  if (cache->chart == NULL)
    cache->chart = draw_node (width, height, draw_chart, user_data);
  gtk_snapshot_append_node (snapshot, cache->chart);

  if (overlay_key == NULL)
    return;
  if (cache->overlay != NULL &&
      (overlay_key_size != cache->overlay_key_size ||
       memcmp (overlay_key, cache->overlay_key, overlay_key_size) != 0))
    g_clear_pointer (&cache->overlay, gsk_render_node_unref);
  if (cache->overlay == NULL)
    {
      cache->overlay = draw_node (width, height, draw_overlay, user_data);
      memcpy (cache->overlay_key, overlay_key, overlay_key_size);
      cache->overlay_key_size = overlay_key_size;
    }
  gtk_snapshot_append_node (snapshot, cache->overlay);
}

gboolean
wm_chart_focus_visible (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return gtk_widget_is_focus (widget) && GTK_IS_WINDOW (root) &&
         gtk_window_get_focus_visible (GTK_WINDOW (root));
}
