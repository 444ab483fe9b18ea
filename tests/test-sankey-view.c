/* test-sankey-view.c: WmSankeyView drawing, hover, pins, drilling and keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <adwaita.h>

#include "wm-chart-fixtures.h"
#include "wm-chart-widget-test.h"
#include "wm-sankey-renderer.h"
#include "wm-sankey-view-private.h"
#include "wm-sankey-view.h"

#define EPS 1e-6

static WmSankeyView *
show_view (GtkWindow **window)
{
  g_autoptr(WmFlowGraph) graph = wm_fixture_bank_flow ();
  WmSankeyView *view = WM_SANKEY_VIEW (wm_sankey_view_new ());

  wm_sankey_view_set_graph (view, graph);
  *window = wm_test_show_in_window (GTK_WIDGET (view), 1200, 700);

  return view;
}

static void
node_centre (const WmSankeyLayout *layout,
             guint                 node,
             double               *x,
             double               *y)
{
  const WmRect *r = &layout->nodes[node].rect;

  *x = r->x + r->width / 2;
  *y = r->y + r->height / 2;
}

static void
check_nodes (cairo_surface_t      *surface,
             const WmFlowGraph    *graph,
             const WmSankeyLayout *layout,
             const WmTheme        *theme)
{
  guint checked = 0;

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      double x, y;

      if (graph->nodes[i].kind == WM_FLOW_NODE_EXIT || layout->nodes[i].rect.height < 3)
        continue;
      node_centre (layout, i, &x, &y);
      wm_test_assert_pixel (surface, x, y, wm_sankey_node_color (theme, &graph->nodes[i]), 1);
      checked++;
    }
  g_assert_cmpuint (checked, ==, 13);
  /* The margin is background. */
  wm_test_assert_pixel (surface, 2, 2, &theme->background, 1);
  wm_test_assert_pixel (surface, layout->area.x + layout->area.width + 4, layout->area.y + 2,
                        &theme->background, 1);
}

static void
hover_link (WmSankeyView *view,
            guint         link)
{
  const WmSankeyLink *l = &wm_sankey_view_get_layout (view)->links[link];
  WmSankeyHit hover;

  wm_sankey_view_motion_at (view, (l->x0 + l->x1) / 2, (l->y0 + l->y1) / 2);
  hover = wm_sankey_view_get_hover (view);
  g_assert_cmpint (hover.kind, ==, WM_SANKEY_HIT_LINK);
  g_assert_cmpuint (hover.index, ==, link);
}

static void
check_theme (AdwColorScheme scheme,
             WmThemeKind    kind,
             const char    *name)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const WmTheme *theme = wm_theme_get (kind);
  GtkWindow *window;
  WmSankeyView *view;
  const WmSankeyLayout *layout;
  const WmFlowGraph *graph;
  cairo_surface_t *surface;
  g_autofree char *plain = g_strconcat ("sankey-view-", name, NULL);
  g_autofree char *hovered = g_strconcat ("sankey-view-", name, "-hover", NULL);
  WmRgba dimmed;
  double x, y;

  adw_style_manager_set_color_scheme (manager, scheme);
  view = show_view (&window);
  g_object_ref (view);
  layout = wm_sankey_view_get_layout (view);
  graph = wm_sankey_view_get_graph (view);
  g_assert_nonnull (layout);

  surface = wm_test_render_widget (GTK_WIDGET (view), plain);
  check_nodes (surface, graph, layout, theme);
  cairo_surface_destroy (surface);

  /* Payment notice → App login: the App login branch stays lit; Web
   * login, off that flow, fades to 30 % over the background. */
  hover_link (view, 0);
  surface = wm_test_render_widget (GTK_WIDGET (view), hovered);
  node_centre (layout, 1, &x, &y);
  wm_test_assert_pixel (surface, x, y, wm_sankey_node_color (theme, &graph->nodes[1]), 1);
  node_centre (layout, 12, &x, &y);
  wm_test_assert_pixel (surface, x, y, wm_sankey_node_color (theme, &graph->nodes[12]), 1);
  node_centre (layout, 2, &x, &y);
  dimmed = wm_test_blend (wm_sankey_node_color (theme, &graph->nodes[2]), &theme->background, 0.3);
  wm_test_assert_pixel (surface, x, y, &dimmed, 2);
  cairo_surface_destroy (surface);

  /* Leaving restores the chart. */
  wm_sankey_view_pointer_left (view);
  g_assert_cmpint (wm_sankey_view_get_hover (view).kind, ==, WM_SANKEY_HIT_NONE);
  surface = wm_test_render_widget (GTK_WIDGET (view), NULL);
  node_centre (layout, 2, &x, &y);
  wm_test_assert_pixel (surface, x, y, wm_sankey_node_color (theme, &graph->nodes[2]), 1);
  cairo_surface_destroy (surface);

  gtk_window_destroy (window);
  g_assert_finalize_object (view);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_light (void)
{
  check_theme (ADW_COLOR_SCHEME_FORCE_LIGHT, WM_THEME_LIGHT, "light");
}

static void
test_dark (void)
{
  check_theme (ADW_COLOR_SCHEME_FORCE_DARK, WM_THEME_DARK, "dark");
}

static void
test_follows_dark (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWindow *window;
  WmSankeyView *view;
  cairo_surface_t *surface;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  view = g_object_ref (show_view (&window));
  surface = wm_test_render_widget (GTK_WIDGET (view), NULL);
  wm_test_assert_pixel (surface, 2, 2, &wm_theme_get (WM_THEME_LIGHT)->background, 1);
  cairo_surface_destroy (surface);

  /* Switching while shown re-renders in the dark theme. */
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  wm_test_settle ();
  surface = wm_test_render_widget (GTK_WIDGET (view), NULL);
  wm_test_assert_pixel (surface, 2, 2, &wm_theme_get (WM_THEME_DARK)->background, 1);
  check_nodes (surface, wm_sankey_view_get_graph (view), wm_sankey_view_get_layout (view),
               wm_theme_get (WM_THEME_DARK));
  cairo_surface_destroy (surface);

  gtk_window_destroy (window);
  g_assert_finalize_object (view);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static gboolean
rects_overlap (const WmRect *a,
               const WmRect *b)
{
  return a->y < b->y + b->height - EPS && b->y < a->y + a->height - EPS;
}

static void
test_pin_by_drag (void)
{
  GtkWindow *window;
  WmSankeyView *view = g_object_ref (show_view (&window));
  const WmSankeyLayout *layout = wm_sankey_view_get_layout (view);
  guint ivr = 3;
  double x, y, top_before, area_top;
  cairo_surface_t *surface;

  node_centre (layout, ivr, &x, &y);
  top_before = layout->nodes[ivr].rect.y;
  area_top = layout->area.y;
  g_assert_cmpfloat (top_before, >, area_top + 100);

  /* Dragged up to the top of the chart, in two moves. */
  wm_sankey_view_drag_begin_at (view, x, y);
  wm_sankey_view_drag_update_by (view, 0, -50);
  wm_sankey_view_drag_update_by (view, 0, area_top - top_before);
  g_assert_true (wm_sankey_view_is_pinned (view, ivr));
  g_assert_false (wm_sankey_view_is_pinned (view, 1));

  layout = wm_sankey_view_get_layout (view);
  g_assert_true (layout->nodes[ivr].pinned);
  g_assert_cmpfloat_with_epsilon (layout->nodes[ivr].rect.y, area_top, 1e-6);
  g_assert_cmpuint (layout->nodes[ivr].order, ==, 0);
  /* The rest of its column moved out of its way. */
  for (guint i = 0; i < layout->n_nodes; i++)
    for (guint j = i + 1; j < layout->n_nodes; j++)
      if (layout->nodes[i].column == layout->nodes[j].column)
        g_assert_false (rects_overlap (&layout->nodes[i].rect, &layout->nodes[j].rect));

  /* What is drawn is the new layout. */
  surface = wm_test_render_widget (GTK_WIDGET (view), "sankey-view-pinned");
  node_centre (layout, ivr, &x, &y);
  wm_test_assert_pixel (surface, x, y,
                        wm_sankey_node_color (wm_theme_get (WM_THEME_LIGHT),
                                              &wm_sankey_view_get_graph (view)->nodes[ivr]), 1);
  cairo_surface_destroy (surface);

  /* A press that does not travel is not a drag. */
  layout = wm_sankey_view_get_layout (view);
  node_centre (layout, 1, &x, &y);
  wm_sankey_view_drag_begin_at (view, x, y);
  wm_sankey_view_drag_update_by (view, 0, 2);
  g_assert_false (wm_sankey_view_is_pinned (view, 1));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "sankey.unpin-all", NULL));
  g_assert_false (wm_sankey_view_is_pinned (view, ivr));
  g_assert_cmpfloat_with_epsilon (wm_sankey_view_get_layout (view)->nodes[ivr].rect.y,
                                  top_before, 1e-6);

  gtk_window_destroy (window);
  g_assert_finalize_object (view);
}

static void
record_id (WmSankeyView *view,
           const char   *id,
           GPtrArray    *ids)
{
  g_ptr_array_add (ids, g_strdup (id));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_drill_in (void)
{
  GtkWindow *window;
  WmSankeyView *view = g_object_ref (show_view (&window));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(WmFlowGraph) drilled = wm_fixture_random_flow (7, 3, 9, 14);
  double x, y;
  guint notified = 0;

  g_signal_connect (view, "node-activated", G_CALLBACK (record_id), ids);
  g_signal_connect (view, "notify::can-go-back", G_CALLBACK (count_notify), &notified);

  node_centre (wm_sankey_view_get_layout (view), 3, &x, &y);
  wm_sankey_view_click_at (view, x, y);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, "1:IVR menu");
  g_assert_cmpint (wm_sankey_view_get_focus_node (view), ==, 3);

  /* Exit has no flow to show. */
  node_centre (wm_sankey_view_get_layout (view), 4, &x, &y);
  wm_sankey_view_click_at (view, x, y);
  g_assert_cmpuint (ids->len, ==, 1);

  /* The page answers with the drilled graph; back restores the first with its pin. */
  g_assert_false (wm_sankey_view_can_go_back (view));
  wm_sankey_view_pin_node (view, 1, wm_sankey_view_get_layout (view)->area.y);
  wm_sankey_view_push_graph (view, drilled);
  g_assert_true (wm_sankey_view_can_go_back (view));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (wm_sankey_view_get_graph (view)->n_nodes, ==, 9);
  g_assert_false (wm_sankey_view_is_pinned (view, 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "sankey.go-back", NULL));
  g_assert_false (wm_sankey_view_can_go_back (view));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (wm_sankey_view_get_graph (view)->n_nodes, ==, 17);
  g_assert_true (wm_sankey_view_is_pinned (view, 1));

  /* A new query starts over. */
  wm_sankey_view_push_graph (view, drilled);
  wm_sankey_view_set_graph (view, drilled);
  g_assert_false (wm_sankey_view_can_go_back (view));
  g_assert_cmpuint (notified, ==, 4);

  gtk_window_destroy (window);
  g_assert_finalize_object (view);
}

static void
test_keyboard (void)
{
  GtkWindow *window;
  WmSankeyView *view = g_object_ref (show_view (&window));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  const WmSankeyLayout *layout = wm_sankey_view_get_layout (view);
  const WmFlowGraph *graph = wm_sankey_view_get_graph (view);
  const WmTheme *theme = wm_theme_get (adw_style_manager_get_dark (adw_style_manager_get_default ())
                                      ? WM_THEME_DARK : WM_THEME_LIGHT);
  cairo_surface_t *surface;
  const WmRect *r;
  WmSankeyHit hover;
  double x, y;
  int below = -1;

  g_signal_connect (view, "node-activated", G_CALLBACK (record_id), ids);
  /* As after keyboard use: the chart shows what has the focus. */
  gtk_window_set_focus_visible (window, TRUE);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (view)));
  wm_test_settle ();
  /* Focus starts on the start, and lights its flow; Enter there works. */
  g_assert_cmpint (wm_sankey_view_get_focus_node (view), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "sankey.drill-in", NULL));
  g_assert_cmpuint (ids->len, ==, 1);
  hover = wm_sankey_view_get_hover (view);
  g_assert_cmpint (hover.kind, ==, WM_SANKEY_HIT_NODE);
  g_assert_cmpuint (hover.index, ==, 0);

  /* Right: the nearest node of the next column; Down: the next below it. */
  gtk_widget_activate_action (GTK_WIDGET (view), "sankey.move-focus", "(ii)", 1, 0);
  g_assert_cmpuint (layout->nodes[wm_sankey_view_get_focus_node (view)].column, ==, 1);
  for (guint i = 0; i < layout->n_nodes; i++)
    if (layout->nodes[i].column == 1 &&
        layout->nodes[i].order == layout->nodes[wm_sankey_view_get_focus_node (view)].order + 1)
      below = i;
  g_assert_cmpint (below, >=, 0);
  gtk_widget_activate_action (GTK_WIDGET (view), "sankey.move-focus", "(ii)", 0, 1);
  g_assert_cmpint (wm_sankey_view_get_focus_node (view), ==, below);

  /* The focused node is ringed, outside its edge, and lights its flow. */
  surface = wm_test_render_widget (GTK_WIDGET (view), "sankey-view-focus");
  node_centre (layout, below, &x, &y);
  wm_test_assert_pixel (surface, x, y, wm_sankey_node_color (theme, &graph->nodes[below]), 1);
  r = &layout->nodes[below].rect;
  wm_test_assert_pixel (surface, r->x + r->width / 2, r->y - 3, &theme->foreground, 1);
  cairo_surface_destroy (surface);

  /* Back to the start; nothing left of it or above it: focus stays. */
  gtk_widget_activate_action (GTK_WIDGET (view), "sankey.move-focus", "(ii)", -1, 0);
  gtk_widget_activate_action (GTK_WIDGET (view), "sankey.move-focus", "(ii)", -1, 0);
  gtk_widget_activate_action (GTK_WIDGET (view), "sankey.move-focus", "(ii)", 0, -1);
  g_assert_cmpint (wm_sankey_view_get_focus_node (view), ==, 0);

  /* Enter drills into the focused node. */
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, "0:Payment notice");
  gtk_widget_activate_action (GTK_WIDGET (view), "sankey.move-focus", "(ii)", 1, 0);
  gtk_widget_activate_action (GTK_WIDGET (view), "sankey.drill-in", NULL);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (ids, 1), ==,
                   graph->nodes[wm_sankey_view_get_focus_node (view)].id);

  gtk_window_destroy (window);
  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() switches to en_US.UTF-8 where the system has it: the
   * expected texts are written for C.UTF-8, as on a fresh machine. */
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

  g_test_add_func ("/sankey-view/light", test_light);
  g_test_add_func ("/sankey-view/dark", test_dark);
  g_test_add_func ("/sankey-view/follows-dark", test_follows_dark);
  g_test_add_func ("/sankey-view/pin-by-drag", test_pin_by_drag);
  g_test_add_func ("/sankey-view/drill-in", test_drill_in);
  g_test_add_func ("/sankey-view/keyboard", test_keyboard);

  return g_test_run ();
}
