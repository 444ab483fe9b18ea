/* wm-chart-node.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-chart-node.h"

GskRenderNode *
wm_chart_node_new (int                  width,
                   int                  height,
                   WmChartNodeDrawFunc  draw,
                   gpointer             user_data)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  draw (cr, user_data);
  cairo_destroy (cr);

  return gtk_snapshot_free_to_node (snapshot);
}

WmThemeKind
wm_chart_theme_for_style (AdwStyleManager *manager)
{
  return adw_style_manager_get_dark (manager) ? WM_THEME_DARK : WM_THEME_LIGHT;
}
