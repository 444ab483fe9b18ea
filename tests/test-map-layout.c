/* test-map-layout.c: WmMapLayout geometry and hit testing on the demo map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-demo-map.h"
#include "wm-map-layout.h"

static void
assert_rect (const WmMapRect *r,
             double           x,
             double           y,
             double           width,
             double           height)
{
  g_assert_cmpfloat_with_epsilon (r->x, x, 1e-9);
  g_assert_cmpfloat_with_epsilon (r->y, y, 1e-9);
  g_assert_cmpfloat_with_epsilon (r->width, width, 1e-9);
  g_assert_cmpfloat_with_epsilon (r->height, height, 1e-9);
}

static void
test_geometry (void)
{
  g_autoptr(WmJourneyMap) map = wm_demo_map_new ();
  g_autoptr(WmMapLayout) layout = wm_map_layout_new (map, wm_theme_get (WM_THEME_LIGHT));
  WmMapRect cell;

  g_assert_cmpuint (layout->n_stages, ==, 4);
  g_assert_cmpuint (layout->n_lanes, ==, 8);
  g_assert_cmpint (layout->emotion_lane, ==, 5);
  /* Margin 24, title 44, stage headers 44, lane headers 176, columns 288:
   * cards 232 wide, 28 in from each side (gutters of 56). */
  assert_rect (&layout->stage_headers[0], 200, 68, 288, 44);
  g_assert_cmpfloat (layout->gutter, ==, 56);
  /* Two touchpoint cards stacked in the Notice cell: 10 + 92 + 24 + 92 + 10. */
  assert_rect (&layout->lane_headers[0], 24, 112, 176, 228);
  assert_rect (&wm_map_layout_card_box (layout, "card-notice")->rect, 228, 122, 232, 92);
  assert_rect (&wm_map_layout_card_box (layout, "card-notice-opened")->rect, 228, 238, 232, 92);
  /* "Reword the IVR menu step" spans Self-service and Escalation. */
  g_assert_cmpfloat (wm_map_layout_card_box (layout, "card-reword")->rect.width, ==, 2 * 288 - 56);
  g_assert_null (wm_map_layout_card_box (layout, "nope"));

  g_assert_true (wm_map_layout_cell_rect (layout, 1, 2, &cell));
  assert_rect (&cell, 488, layout->rows[2].y, 288, 112);
  g_assert_false (wm_map_layout_cell_rect (layout, 4, 0, &cell));
  g_assert_cmpfloat (layout->width, ==, 200 + 4 * 288 + 24);

  /* Eight connectors: from the Payment notice's right edge to the App
   * login's left edge, arriving head on. */
  g_assert_cmpuint (layout->n_connectors, ==, 8);
  g_assert_cmpfloat (layout->connectors[0].x0, ==, 460);
  g_assert_cmpfloat (layout->connectors[0].x3, ==, 516);
  g_assert_cmpfloat (layout->connectors[0].y3, ==, wm_map_layout_card_box (layout, "card-app-login")->rect.y + 46);
  g_assert_cmpfloat (layout->connectors[0].end_angle, ==, 0);

  /* One persona with four values; 0 sits on the lane's middle. */
  g_assert_cmpuint (layout->n_points, ==, 4);
  g_assert_cmpfloat (layout->points[0].y, ==, layout->rows[5].y + layout->rows[5].height / 2);
  g_assert_cmpint (wm_map_layout_emotion_at (layout, wm_map_layout_emotion_y (layout, 3)), ==, 3);
  g_assert_cmpint (wm_map_layout_emotion_at (layout, -1000), ==, 4);
}

static void
test_hits (void)
{
  g_autoptr(WmJourneyMap) map = wm_demo_map_new ();
  g_autoptr(WmMapLayout) layout = wm_map_layout_new (map, wm_theme_get (WM_THEME_LIGHT));
  const WmMapConnectorPath *link = &layout->connectors[0];
  WmMapHit hit;

  wm_map_layout_hit (layout, 300, 150, &hit);
  g_assert_cmpint (hit.kind, ==, WM_MAP_HIT_CARD);
  g_assert_cmpstr (hit.id, ==, "card-notice");
  g_assert_cmpint (hit.stage_index, ==, 0);
  g_assert_cmpint (hit.lane_index, ==, 0);

  wm_map_layout_hit (layout, 228 + 232 - 5, 150, &hit);
  g_assert_cmpint (hit.kind, ==, WM_MAP_HIT_CARD_EDGE);
  g_assert_cmpstr (hit.id, ==, "card-notice");
  wm_map_layout_hit (layout, 228 + 232 - 3, 122 + 92 - 3, &hit);
  g_assert_cmpint (hit.kind, ==, WM_MAP_HIT_CARD_RESIZE);

  wm_map_layout_hit (layout, 300, 90, &hit);
  g_assert_cmpint (hit.kind, ==, WM_MAP_HIT_STAGE_HEADER);
  g_assert_cmpstr (hit.id, ==, "stage-notice");
  wm_map_layout_hit (layout, 50, 150, &hit);
  g_assert_cmpint (hit.kind, ==, WM_MAP_HIT_LANE_HEADER);
  g_assert_cmpstr (hit.id, ==, "lane-touchpoints");
  wm_map_layout_hit (layout, 50, 40, &hit);
  g_assert_cmpint (hit.kind, ==, WM_MAP_HIT_TITLE);

  /* Below the two Payment touchpoint cards: a drop there comes third. */
  wm_map_layout_hit (layout, 200 + 3 * 288 + 100, 335, &hit);
  g_assert_cmpint (hit.kind, ==, WM_MAP_HIT_CELL);
  g_assert_cmpint (hit.stage_index, ==, 3);
  g_assert_cmpint (hit.lane_index, ==, 0);
  g_assert_cmpuint (hit.drop_order, ==, 2);
  /* Between the two: second. */
  wm_map_layout_hit (layout, 200 + 3 * 288 + 100, 226, &hit);
  g_assert_cmpuint (hit.drop_order, ==, 1);

  wm_map_layout_hit (layout, link->label_x, link->label_y, &hit);
  g_assert_cmpint (hit.kind, ==, WM_MAP_HIT_CONNECTOR);
  g_assert_cmpstr (hit.id, ==, "link-notice-app");

  wm_map_layout_hit (layout, layout->points[2].x + 3, layout->points[2].y - 3, &hit);
  g_assert_cmpint (hit.kind, ==, WM_MAP_HIT_EMOTION_POINT);
  g_assert_cmpstr (hit.id, ==, "persona-homeowner");
  g_assert_cmpint (hit.stage_index, ==, 2);

  wm_map_layout_hit (layout, layout->width + 10, 10, &hit);
  g_assert_cmpint (hit.kind, ==, WM_MAP_HIT_NONE);
  g_assert_cmpint (hit.stage_index, ==, -1);
}

static const WmMapConnectorPath *
find_path (const WmMapLayout *layout,
           const char        *id)
{
  for (guint i = 0; i < layout->n_connectors; i++)
    if (g_str_equal (layout->connectors[i].connector->id, id))
      return &layout->connectors[i];
  g_assert_not_reached ();
}

static void
test_routes (void)
{
  g_autoptr(WmJourneyMap) map = wm_demo_map_new ();
  g_autoptr(WmMapLayout) layout = wm_map_layout_new (map, wm_theme_get (WM_THEME_LIGHT));
  const char *from_notice[] = { "link-notice-app", "link-notice-web", "link-notice-ivr" };
  const WmMapRect *call = &wm_map_layout_card_box (layout, "card-agent-call")->rect;
  const WmMapRect *menu = &wm_map_layout_card_box (layout, "card-ivr-menu")->rect;
  const WmMapRect *ask;
  const WmMapConnectorPath *p;
  WmMapHit hit;

  /* Three connectors leave the Payment notice's right edge at a quarter,
   * half and three quarters of its height, nearest target highest, and
   * run down the gutter on tracks of their own (right to left: 502 less
   * 34 × 1/6, 3/6, 5/6), where each is what a pointer finds. */
  for (guint i = 0; i < G_N_ELEMENTS (from_notice); i++)
    {
      double track = 502 - 34 * (i + 0.5) / 3;

      p = find_path (layout, from_notice[i]);
      g_assert_cmpfloat (p->x0, ==, 460);
      g_assert_cmpfloat (p->y0, ==, 122 + 92 * (i + 1) / 4.0);
      g_assert_cmpuint (p->n_curves, ==, 5);
      g_assert_cmpfloat_with_epsilon (p->curves[1][4], track, 1e-9);
      wm_map_layout_hit (layout, track, 300, &hit);
      g_assert_cmpint (hit.kind, ==, WM_MAP_HIT_CONNECTOR);
      g_assert_cmpstr (hit.id, ==, from_notice[i]);
    }
  /* Beside them (8 from the leftmost), nothing. */
  wm_map_layout_hit (layout, 502 - 34 * 5 / 6.0 - 8, 300, &hit);
  g_assert_cmpint (hit.kind, ==, WM_MAP_HIT_CELL);

  /* Down to the card below in the same cell: bottom middle to top middle. */
  p = find_path (layout, "link-menu-attempt");
  g_assert_cmpfloat (p->x0, ==, menu->x + menu->width / 2);
  g_assert_cmpfloat (p->y0, ==, menu->y + menu->height);
  g_assert_cmpfloat (p->x3, ==, p->x0);
  g_assert_cmpfloat (p->y3, ==, menu->y + menu->height + 24);
  g_assert_cmpfloat_with_epsilon (p->end_angle, G_PI / 2, 1e-9);

  /* Up the same column past "Asks for a person": around it, along the
   * gutter on the right, into the Agent call's right edge. */
  p = find_path (layout, "link-requested-call");
  g_assert_cmpfloat (p->x3, ==, call->x + call->width);
  g_assert_cmpfloat_with_epsilon (p->end_angle, G_PI, 1e-9);
  g_assert_cmpfloat (p->x0, ==, call->x + call->width);
  ask = &wm_map_layout_card_box (layout, "card-ask")->rect;
  g_assert_cmpfloat (wm_map_connector_distance (p, ask->x + ask->width / 2, ask->y + ask->height / 2), >,
                     ask->width / 2);
}

static void
test_viewport (void)
{
  g_autoptr(WmJourneyMap) map = wm_demo_map_new ();
  g_autoptr(WmMapLayout) layout = wm_map_layout_new (map, wm_theme_get (WM_THEME_LIGHT));
  g_autoptr(WmMapLayout) big = wm_map_layout_new (map, wm_theme_get (WM_THEME_PRESENTATION));
  WmMapViewport viewport;
  double x, y;

  wm_map_viewport_fit (&viewport, layout, layout->width / 2, layout->height);
  g_assert_cmpfloat_with_epsilon (viewport.zoom, 0.5, 1e-9);
  wm_map_viewport_to_map (&viewport, layout->width / 4, layout->height / 2, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, layout->width / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, layout->height / 2, 1e-9);

  /* Presentation type (19 px against 13) scales everything. */
  g_assert_cmpfloat_with_epsilon (big->width, layout->width * 19 / 13, 1e-6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map-layout/geometry", test_geometry);
  g_test_add_func ("/map-layout/hits", test_hits);
  g_test_add_func ("/map-layout/routes", test_routes);
  g_test_add_func ("/map-layout/viewport", test_viewport);

  return g_test_run ();
}
