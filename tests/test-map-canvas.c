/* test-map-canvas.c: WmMapCanvas edits the map through its history, from
 * its API, its actions, and pointer and key input, and draws cards where
 * the layout puts them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <adwaita.h>

#include "wm-demo-map.h"
#include "wm-map-canvas-private.h"
#include "wm-map-json.h"
#include "wm-map-renderer.h"

typedef struct
{
  GtkWindow    *window;
  WmMapCanvas  *canvas;
  WmMapHistory *history;
  WmJourneyMap *map;
} Fixture;

static void
add_card (WmJourneyMap *map,
          const char   *id,
          const char   *title,
          const char   *stage,
          const char   *lane,
          WmCardColor   color)
{
  g_autoptr(WmMapCard) card = wm_map_card_new ();

  card->id = g_strdup (id);
  g_free (card->title);
  card->title = g_strdup (title);
  card->stage = g_strdup (stage);
  card->lane = g_strdup (lane);
  card->order = G_MAXUINT;
  card->color = color;
  g_assert_nonnull (wm_journey_map_add_card (map, card, -1));
}

/* Three stages × two lanes and an emotion lane; cards a and c in the
 * first stage, b in the second. */
static WmJourneyMap *
small_map (void)
{
  WmJourneyMap *map = wm_journey_map_new ();
  g_autoptr(WmMapPersona) persona = g_new0 (WmMapPersona, 1);

  wm_journey_map_add_stage (map, "s1", "Notice", -1);
  wm_journey_map_add_stage (map, "s2", "Self-service", -1);
  wm_journey_map_add_stage (map, "s3", "Payment", -1);
  wm_journey_map_add_lane (map, "l1", "Touchpoints", WM_LANE_TOUCHPOINTS, NULL, -1);
  wm_journey_map_add_lane (map, "l2", "Pain points", WM_LANE_PAIN_POINTS, NULL, -1);
  wm_journey_map_add_lane (map, "l3", "Emotions", WM_LANE_EMOTIONS, NULL, -1);
  add_card (map, "a", "A", "s1", "l1", WM_CARD_COLOR_BLUE);
  add_card (map, "b", "B", "s2", "l1", WM_CARD_COLOR_GREEN);
  add_card (map, "c", "C", "s1", "l2", WM_CARD_COLOR_RED);

  persona->id = g_strdup ("p");
  persona->name = g_strdup ("Customer");
  persona->description = g_strdup ("");
  persona->emotions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  wm_map_persona_set_emotion (persona, "s1", 0);
  wm_map_persona_set_emotion (persona, "s2", -2);
  g_assert_nonnull (wm_journey_map_add_persona (map, persona, -1));
  return map;
}

static void
wait_for_allocation (GtkWidget *widget)
{
  while (gtk_widget_get_width (widget) <= 0 || !gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(WmJourneyMap) map = data != NULL ? wm_demo_map_new () : small_map ();

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  f->map = g_object_ref (map);
  f->history = wm_map_history_new (map);
  f->canvas = WM_MAP_CANVAS (wm_map_canvas_new ());
  wm_map_canvas_set_history (f->canvas, f->history);
  /* Input is driven through the canvas's own handlers; the X server's
   * pointer, which other tests' windows move under, must not hover it
   * between two renders that are compared. */
  gtk_widget_set_can_target (GTK_WIDGET (f->canvas), FALSE);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 700);
  gtk_window_set_child (f->window, GTK_WIDGET (f->canvas));
  gtk_window_present (f->window);
  wait_for_allocation (GTK_WIDGET (f->canvas));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_finalize_object (f->history);
  g_assert_finalize_object (f->map);
}

static void
card_center (Fixture    *f,
             const char *card,
             double     *x,
             double     *y)
{
  graphene_rect_t r;

  g_assert_true (wm_map_canvas_get_card_bounds (f->canvas, card, &r));
  *x = r.origin.x + r.size.width / 2;
  *y = r.origin.y + r.size.height / 2;
}

static void
cell_point (Fixture *f,
            guint    stage,
            guint    lane,
            double   fx,
            double   fy,
            double  *x,
            double  *y)
{
  WmMapRect cell;

  g_assert_true (wm_map_layout_cell_rect (f->canvas->layout, stage, lane, &cell));
  wm_map_canvas_map_to_widget (f->canvas, cell.x + cell.width * fx, cell.y + cell.height * fy, x, y);
}

static void
assert_card_at (Fixture    *f,
                const char *id,
                const char *stage,
                const char *lane,
                guint       order)
{
  const WmMapCard *card = wm_journey_map_lookup_card (f->map, id);

  g_assert_nonnull (card);
  g_assert_cmpstr (card->stage, ==, stage);
  g_assert_cmpstr (card->lane, ==, lane);
  g_assert_cmpuint (card->order, ==, order);
}

static void
assert_selection (Fixture            *f,
                  const char * const *expected)
{
  g_auto(GStrv) selection = wm_map_canvas_get_selection (f->canvas);

  g_assert_cmpstrv (selection, expected);
}

static GdkTexture *
render (Fixture    *f,
        const char *what)
{
  GtkWidget *widget = GTK_WIDGET (f->canvas);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GdkTexture *texture;

  /* Let a theme change reach the widget and lay it out again, then draw
   * it as a frame would. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);

  /* WM_CANVAS_PNG_DIR: keep the pictures, to look at them. */
  if (g_getenv ("WM_CANVAS_PNG_DIR") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("canvas-%s-%s.png", what, f->canvas->theme->name);
      g_autofree char *path = g_build_filename (g_getenv ("WM_CANVAS_PNG_DIR"), name, NULL);

      gdk_texture_save_to_png (texture, path);
    }
  return texture;
}

static void
test_drag_moves_card (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *before = wm_map_json_to_string (f->map, FALSE);
  g_autofree char *after = NULL;
  double x, y, tx, ty;

  card_center (f, "a", &x, &y);
  cell_point (f, 1, 1, 0.5, 0.5, &tx, &ty);

  wm_map_canvas_drag_begin (f->canvas, GDK_BUTTON_PRIMARY, 0, x, y);
  assert_selection (f, (const char *[]) { "a", NULL });
  /* Through other cells on the way: still one step. */
  wm_map_canvas_drag_update (f->canvas, x + 40, y + 3);
  cell_point (f, 2, 0, 0.5, 0.5, &x, &y);
  wm_map_canvas_drag_update (f->canvas, x, y);
  g_assert_cmpint (f->canvas->drag, ==, WM_MAP_DRAG_MOVE);
  /* The model changes only on the drop. */
  assert_card_at (f, "a", "s1", "l1", 0);
  wm_map_canvas_drag_end (f->canvas, tx, ty);

  assert_card_at (f, "a", "s2", "l2", 0);
  assert_card_at (f, "c", "s1", "l2", 0);
  g_assert_cmpstr (wm_map_history_get_undo_label (f->history), ==, "Undo Move Card");

  g_assert_true (wm_map_history_undo (f->history));
  after = wm_map_json_to_string (f->map, FALSE);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (wm_map_history_get_can_undo (f->history));
}

static void
test_drag_orders_within_cell (Fixture       *f,
                              gconstpointer  data)
{
  double x, y, tx, ty;

  /* b dropped into a's cell below a's middle goes after it. */
  card_center (f, "b", &x, &y);
  card_center (f, "a", &tx, &ty);
  wm_map_canvas_drag_begin (f->canvas, GDK_BUTTON_PRIMARY, 0, x, y);
  wm_map_canvas_drag_update (f->canvas, tx, ty + 20);
  wm_map_canvas_drag_end (f->canvas, tx, ty + 20);
  assert_card_at (f, "b", "s1", "l1", 1);
  assert_card_at (f, "a", "s1", "l1", 0);

  /* Above a's middle: before it. */
  card_center (f, "b", &x, &y);
  card_center (f, "a", &tx, &ty);
  wm_map_canvas_drag_begin (f->canvas, GDK_BUTTON_PRIMARY, 0, x, y);
  wm_map_canvas_drag_update (f->canvas, tx, ty - 20);
  wm_map_canvas_drag_end (f->canvas, tx, ty - 20);
  assert_card_at (f, "b", "s1", "l1", 0);
  assert_card_at (f, "a", "s1", "l1", 1);
}

static void
test_click_without_drag_changes_nothing (Fixture       *f,
                                         gconstpointer  data)
{
  double x, y;

  card_center (f, "a", &x, &y);
  wm_map_canvas_drag_begin (f->canvas, GDK_BUTTON_PRIMARY, 0, x, y);
  wm_map_canvas_drag_end (f->canvas, x + 2, y + 1);
  assert_card_at (f, "a", "s1", "l1", 0);
  g_assert_false (wm_map_history_get_can_undo (f->history));
  assert_selection (f, (const char *[]) { "a", NULL });

  /* Shift adds, ctrl toggles. */
  card_center (f, "b", &x, &y);
  wm_map_canvas_drag_begin (f->canvas, GDK_BUTTON_PRIMARY, GDK_SHIFT_MASK, x, y);
  wm_map_canvas_drag_end (f->canvas, x, y);
  assert_selection (f, (const char *[]) { "a", "b", NULL });
  card_center (f, "a", &x, &y);
  wm_map_canvas_drag_begin (f->canvas, GDK_BUTTON_PRIMARY, GDK_CONTROL_MASK, x, y);
  wm_map_canvas_drag_end (f->canvas, x, y);
  assert_selection (f, (const char *[]) { "b", NULL });
}

static void
test_drag_moves_selection (Fixture       *f,
                           gconstpointer  data)
{
  double x, y, tx, ty;

  wm_map_canvas_select (f->canvas, (const char *[]) { "a", "c", NULL });
  card_center (f, "a", &x, &y);
  cell_point (f, 2, 0, 0.5, 0.9, &tx, &ty);
  wm_map_canvas_drag_begin (f->canvas, GDK_BUTTON_PRIMARY, 0, x, y);
  wm_map_canvas_drag_update (f->canvas, tx, ty);
  wm_map_canvas_drag_end (f->canvas, tx, ty);

  /* Both move two stages right, keeping their lanes. */
  assert_card_at (f, "a", "s3", "l1", 0);
  assert_card_at (f, "c", "s3", "l2", 0);
  g_assert_cmpstr (wm_map_history_get_undo_label (f->history), ==, "Undo Move Cards");
}

static void
test_rubber_band (Fixture       *f,
                  gconstpointer  data)
{
  double x0, y0, x1, y1;

  /* The first stage's column, from its top-left corner to the bottom of
   * the pain points lane: a and c, not b. */
  cell_point (f, 0, 0, 0.01, 0.01, &x0, &y0);
  cell_point (f, 0, 1, 0.99, 0.99, &x1, &y1);
  wm_map_canvas_drag_begin (f->canvas, GDK_BUTTON_PRIMARY, 0, x0, y0);
  g_assert_cmpint (f->canvas->drag, ==, WM_MAP_DRAG_RUBBER_BAND);
  wm_map_canvas_drag_update (f->canvas, x1, y1);
  wm_map_canvas_drag_end (f->canvas, x1, y1);
  assert_selection (f, (const char *[]) { "a", "c", NULL });

  /* A band that only covers half of b selects nothing more. */
  cell_point (f, 1, 0, 0.01, 0.01, &x0, &y0);
  cell_point (f, 1, 0, 0.5, 0.99, &x1, &y1);
  wm_map_canvas_drag_begin (f->canvas, GDK_BUTTON_PRIMARY, GDK_SHIFT_MASK, x0, y0);
  wm_map_canvas_drag_end (f->canvas, x1, y1);
  assert_selection (f, (const char *[]) { "a", "c", NULL });

  /* With shift, b is added to what was selected. */
  cell_point (f, 1, 0, 0.99, 0.99, &x1, &y1);
  wm_map_canvas_drag_begin (f->canvas, GDK_BUTTON_PRIMARY, GDK_SHIFT_MASK, x0, y0);
  wm_map_canvas_drag_end (f->canvas, x1, y1);
  assert_selection (f, (const char *[]) { "a", "b", "c", NULL });

  /* Without a modifier a new band starts afresh. */
  wm_map_canvas_drag_begin (f->canvas, GDK_BUTTON_PRIMARY, 0, x0, y0);
  wm_map_canvas_drag_end (f->canvas, x1, y1);
  assert_selection (f, (const char *[]) { "b", NULL });
}

static void
test_connect (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *before = wm_map_json_to_string (f->map, FALSE);
  g_autofree char *after = NULL;
  graphene_rect_t r;
  double tx, ty;
  const WmMapConnector *connector;

  /* From a's right edge to b. */
  g_assert_true (wm_map_canvas_get_card_bounds (f->canvas, "a", &r));
  card_center (f, "b", &tx, &ty);
  wm_map_canvas_drag_begin (f->canvas, GDK_BUTTON_PRIMARY, 0, r.origin.x + r.size.width - 2,
                            r.origin.y + r.size.height / 2);
  g_assert_cmpint (f->canvas->drag, ==, WM_MAP_DRAG_CONNECT);
  wm_map_canvas_drag_update (f->canvas, tx, ty);
  wm_map_canvas_drag_end (f->canvas, tx, ty);

  g_assert_cmpuint (wm_journey_map_get_n_connectors (f->map), ==, 1);
  connector = wm_journey_map_get_connector (f->map, 0);
  g_assert_cmpstr (connector->from, ==, "a");
  g_assert_cmpstr (connector->to, ==, "b");
  assert_selection (f, (const char *[]) { connector->id, NULL });
  g_assert_cmpstr (wm_map_history_get_undo_label (f->history), ==, "Undo Connect Cards");

  /* Dropped on empty space or on itself: nothing. */
  wm_map_canvas_drag_begin (f->canvas, GDK_BUTTON_PRIMARY, 0, r.origin.x + r.size.width - 2,
                            r.origin.y + r.size.height / 2);
  wm_map_canvas_drag_end (f->canvas, r.origin.x + 10, r.origin.y + 10);
  g_assert_cmpuint (wm_journey_map_get_n_connectors (f->map), ==, 1);

  g_assert_true (wm_map_history_undo (f->history));
  after = wm_map_json_to_string (f->map, FALSE);
  g_assert_cmpstr (after, ==, before);
}

static void
test_resize (Fixture       *f,
             gconstpointer  data)
{
  graphene_rect_t r;
  double x, y, column = f->canvas->layout->columns[0].width * wm_map_canvas_get_zoom (f->canvas);

  /* From the bottom-right corner one column to the right: two stages. */
  g_assert_true (wm_map_canvas_get_card_bounds (f->canvas, "c", &r));
  x = r.origin.x + r.size.width - 3;
  y = r.origin.y + r.size.height - 3;
  wm_map_canvas_drag_begin (f->canvas, GDK_BUTTON_PRIMARY, 0, x, y);
  g_assert_cmpint (f->canvas->drag, ==, WM_MAP_DRAG_RESIZE);
  wm_map_canvas_drag_update (f->canvas, x + column, y);
  wm_map_canvas_drag_end (f->canvas, x + column, y);
  g_assert_cmpuint (wm_journey_map_lookup_card (f->map, "c")->span, ==, 2);
  g_assert_cmpstr (wm_map_history_get_undo_label (f->history), ==, "Undo Resize Card");

  /* Past the last stage: as far as there are stages. */
  wm_map_canvas_drag_begin (f->canvas, GDK_BUTTON_PRIMARY, 0, x + column, y);
  wm_map_canvas_drag_end (f->canvas, x + 5 * column, y);
  g_assert_cmpuint (wm_journey_map_lookup_card (f->map, "c")->span, ==, 3);
}

static void
test_keyboard_nudge (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *before = wm_map_json_to_string (f->map, FALSE);
  g_autofree char *after = NULL;

  wm_map_canvas_select (f->canvas, (const char *[]) { "a", NULL });
  g_assert_true (wm_map_canvas_key_pressed (f->canvas, GDK_KEY_Right, 0));
  assert_card_at (f, "a", "s2", "l1", 0);
  assert_card_at (f, "b", "s2", "l1", 1);
  g_assert_true (wm_map_canvas_key_pressed (f->canvas, GDK_KEY_Down, 0));
  assert_card_at (f, "a", "s2", "l2", 0);

  /* Off the grid: refused, nothing moves. */
  wm_map_canvas_select (f->canvas, (const char *[]) { "c", NULL });
  g_assert_false (wm_map_canvas_nudge_selection (f->canvas, -1, 0));
  assert_card_at (f, "c", "s1", "l2", 0);

  /* One step per nudge. */
  g_assert_true (wm_map_history_undo (f->history));
  assert_card_at (f, "a", "s2", "l1", 0);
  g_assert_true (wm_map_history_undo (f->history));
  after = wm_map_json_to_string (f->map, FALSE);
  g_assert_cmpstr (after, ==, before);
}

static void
test_emotion_drag (Fixture       *f,
                   gconstpointer  data)
{
  const WmMapEmotionPoint *point = NULL;
  double x, y, tx, ty;
  int half;

  for (guint i = 0; i < f->canvas->layout->n_points; i++)
    if (f->canvas->layout->points[i].stage_index == 1)
      point = &f->canvas->layout->points[i];
  g_assert_nonnull (point);
  wm_map_canvas_map_to_widget (f->canvas, point->x, point->y, &x, &y);
  wm_map_canvas_map_to_widget (f->canvas, point->x, wm_map_layout_emotion_y (f->canvas->layout, 3), &tx, &ty);

  wm_map_canvas_drag_begin (f->canvas, GDK_BUTTON_PRIMARY, 0, x, y);
  g_assert_cmpint (f->canvas->drag, ==, WM_MAP_DRAG_EMOTION);
  wm_map_canvas_drag_update (f->canvas, x, (y + ty) / 2);
  wm_map_canvas_drag_update (f->canvas, tx, ty);
  wm_map_canvas_drag_end (f->canvas, tx, ty);

  g_assert_true (wm_journey_map_get_emotion (f->map, "p", "s2", &half));
  g_assert_cmpint (half, ==, 3);
  /* The whole drag is one step. */
  g_assert_true (wm_map_history_undo (f->history));
  g_assert_true (wm_journey_map_get_emotion (f->map, "p", "s2", &half));
  g_assert_cmpint (half, ==, -2);
  g_assert_false (wm_map_history_get_can_undo (f->history));
}

static void
record_id (WmMapCanvas *canvas,
           const char  *id,
           char       **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

/* "Edit title" (F2, the menu) on a selected connector asks for its label
 * to be edited; on a card it edits in place; with nothing it is off. */
static void
test_edit_connector_label (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (f->canvas);
  g_autofree char *activated = NULL;

  g_assert_nonnull (wm_map_history_connect (f->history, "a", "b", "pays"));
  g_signal_connect (f->canvas, "connector-activated", G_CALLBACK (record_id), &activated);

  g_assert_false (wm_map_canvas_action_is_enabled (f->canvas, "map.edit-title"));
  wm_map_canvas_select (f->canvas, (const char *[]) { wm_journey_map_get_connector (f->map, 0)->id, NULL });
  g_assert_null (wm_map_canvas_get_selected_card (f->canvas));
  g_assert_cmpstr (wm_map_canvas_get_selected_connector (f->canvas), ==,
                   wm_journey_map_get_connector (f->map, 0)->id);
  g_assert_true (wm_map_canvas_action_is_enabled (f->canvas, "map.edit-title"));
  g_assert_true (gtk_widget_activate_action (widget, "map.edit-title", NULL));
  g_assert_cmpstr (activated, ==, wm_journey_map_get_connector (f->map, 0)->id);

  /* A card and a connector: neither is "the" selected connector. */
  g_clear_pointer (&activated, g_free);
  wm_map_canvas_select (f->canvas, (const char *[]) { "a", wm_journey_map_get_connector (f->map, 0)->id, NULL });
  g_assert_null (wm_map_canvas_get_selected_connector (f->canvas));
  g_assert_false (wm_map_canvas_action_is_enabled (f->canvas, "map.edit-title"));

  /* An unknown id does nothing. */
  wm_map_canvas_activate_connector (f->canvas, "no-such-connector");
  g_assert_null (activated);
  g_signal_handlers_disconnect_by_func (f->canvas, record_id, &activated);
}

static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *before = wm_map_json_to_string (f->map, FALSE);
  g_autofree char *after = NULL;
  GtkWidget *widget = GTK_WIDGET (f->canvas);

  g_assert_false (wm_map_canvas_action_is_enabled (f->canvas, "map.undo"));
  g_assert_false (wm_map_canvas_action_is_enabled (f->canvas, "map.delete"));
  g_assert_true (gtk_widget_activate_action (widget, "map.select-all", NULL));
  assert_selection (f, (const char *[]) { "a", "b", "c", NULL });
  g_assert_true (wm_map_canvas_action_is_enabled (f->canvas, "map.delete"));

  wm_map_canvas_select (f->canvas, (const char *[]) { "b", NULL });
  g_assert_true (gtk_widget_activate_action (widget, "map.duplicate", NULL));
  g_assert_cmpuint (wm_journey_map_get_n_cards (f->map), ==, 4);
  assert_card_at (f, "b", "s2", "l1", 0);
  {
    g_auto(GStrv) selection = wm_map_canvas_get_selection (f->canvas);

    g_assert_cmpuint (g_strv_length (selection), ==, 1);
    assert_card_at (f, selection[0], "s2", "l1", 1);
    g_assert_cmpstr (wm_journey_map_lookup_card (f->map, selection[0])->title, ==, "B");
  }

  g_assert_true (gtk_widget_activate_action (widget, "map.delete", NULL));
  g_assert_cmpuint (wm_journey_map_get_n_cards (f->map), ==, 3);
  g_assert_cmpstr (wm_map_history_get_undo_label (f->history), ==, "Undo Delete Card");
  g_assert_true (wm_map_canvas_action_is_enabled (f->canvas, "map.undo"));

  g_assert_true (gtk_widget_activate_action (widget, "map.undo", NULL));
  g_assert_true (gtk_widget_activate_action (widget, "map.undo", NULL));
  after = wm_map_json_to_string (f->map, FALSE);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (wm_map_canvas_action_is_enabled (f->canvas, "map.redo"));

  /* Structure. */
  g_assert_true (gtk_widget_activate_action (widget, "map.add-stage", NULL));
  g_assert_cmpuint (wm_journey_map_get_n_stages (f->map), ==, 4);
  g_assert_true (gtk_widget_activate_action (widget, "map.move-stage", "(si)", "s1", 1));
  g_assert_cmpint (wm_journey_map_stage_index (f->map, "s1"), ==, 1);
  g_assert_true (gtk_widget_activate_action (widget, "map.delete-lane", "s", "l2"));
  g_assert_null (wm_journey_map_lookup_card (f->map, "c"));
  g_assert_true (gtk_widget_activate_action (widget, "map.add-lane", "s", "opportunities"));
  g_assert_cmpint (wm_journey_map_get_lane (f->map, 2)->kind, ==, WM_LANE_OPPORTUNITIES);
}

static void
test_edit_title_in_place (Fixture       *f,
                          gconstpointer  data)
{
  wm_map_canvas_select (f->canvas, (const char *[]) { "a", NULL });
  g_assert_true (wm_map_canvas_key_pressed (f->canvas, GDK_KEY_Return, 0));
  g_assert_nonnull (f->canvas->edit_popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->canvas->edit_popover)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->canvas->edit_entry)), ==, "A");

  gtk_editable_set_text (GTK_EDITABLE (f->canvas->edit_entry), "Payment notice");
  g_signal_emit_by_name (f->canvas->edit_entry, "activate");
  g_assert_cmpstr (wm_journey_map_lookup_card (f->map, "a")->title, ==, "Payment notice");
  g_assert_cmpstr (wm_map_history_get_undo_label (f->history), ==, "Undo Edit Card");

  /* An empty title keeps the old one. */
  wm_map_canvas_edit_card_title (f->canvas, "a");
  gtk_editable_set_text (GTK_EDITABLE (f->canvas->edit_entry), "  ");
  g_signal_emit_by_name (f->canvas->edit_entry, "activate");
  g_assert_cmpstr (wm_journey_map_lookup_card (f->map, "a")->title, ==, "Payment notice");

  /* Stage headers too. */
  wm_map_canvas_edit (f->canvas, WM_MAP_EDIT_STAGE, "s2");
  gtk_editable_set_text (GTK_EDITABLE (f->canvas->edit_entry), "Try");
  g_signal_emit_by_name (f->canvas->edit_entry, "activate");
  g_assert_cmpstr (wm_journey_map_lookup_stage (f->map, "s2")->name, ==, "Try");
}

static void
test_tab_order (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (f->canvas);
  g_autoptr(GdkTexture) picture = NULL;

  /* As after a Tab press. */
  gtk_window_set_focus_visible (f->window, TRUE);
  gtk_window_set_focus (f->window, NULL);
  /* By stage, then lane: a, c (first stage), then b. */
  g_assert_true (gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD));
  g_assert_cmpstr (f->canvas->focus_card, ==, "a");
  assert_selection (f, (const char *[]) { "a", NULL });
  g_assert_true (gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD));
  g_assert_cmpstr (f->canvas->focus_card, ==, "c");
  g_assert_true (gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD));
  g_assert_cmpstr (f->canvas->focus_card, ==, "b");
  /* Past the last card the focus leaves the canvas. */
  g_assert_false (gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_child_focus (widget, GTK_DIR_TAB_BACKWARD));
  g_assert_cmpstr (f->canvas->focus_card, ==, "c");
  g_assert_true (wm_map_canvas_card_has_visible_focus (f->canvas, "c"));
  g_clear_object (&picture);
  picture = render (f, "focus");

  /* The menu key opens its menu. */
  g_assert_true (wm_map_canvas_key_pressed (f->canvas, GDK_KEY_Menu, 0));
  g_assert_nonnull (f->canvas->menu);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->canvas->menu)));
  {
    /* Its stage and lane are there too, for keyboard users: c is in
     * "Notice" (the first stage: no Move Left) and "Pain points". */
    GMenuModel *model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (f->canvas->menu));
    g_autoptr(GMenuModel) place = g_menu_model_get_item_link (model, 3, G_MENU_LINK_SECTION);
    g_autoptr(GMenuModel) stage = g_menu_model_get_item_link (place, 0, G_MENU_LINK_SUBMENU);
    g_autoptr(GMenuModel) moves = g_menu_model_get_item_link (stage, 1, G_MENU_LINK_SECTION);
    g_autofree char *stage_label = NULL;
    g_autofree char *lane_label = NULL;
    g_autofree char *move = NULL;

    g_assert_cmpint (g_menu_model_get_n_items (place), ==, 2);
    g_assert_true (g_menu_model_get_item_attribute (place, 0, G_MENU_ATTRIBUTE_LABEL, "s", &stage_label));
    g_assert_cmpstr (stage_label, ==, "Stage “Notice”");
    g_assert_true (g_menu_model_get_item_attribute (place, 1, G_MENU_ATTRIBUTE_LABEL, "s", &lane_label));
    g_assert_cmpstr (lane_label, ==, "Lane “Pain points”");
    g_assert_cmpint (g_menu_model_get_n_items (moves), ==, 1);
    g_assert_true (g_menu_model_get_item_attribute (moves, 0, G_MENU_ATTRIBUTE_LABEL, "s", &move));
    g_assert_cmpstr (move, ==, "Move _Right");
  }
  gtk_popover_popdown (f->canvas->menu);

  /* The arrows move the focused card. */
  g_assert_true (wm_map_canvas_key_pressed (f->canvas, GDK_KEY_Right, 0));
  assert_card_at (f, "c", "s2", "l2", 0);
}

static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  double mx, my, x, y;

  wm_map_canvas_zoom_at (f->canvas, 1.0, 0, 0);
  /* The map point under the pointer stays there. */
  wm_map_canvas_widget_to_map (f->canvas, 300, 200, &mx, &my);
  wm_map_canvas_zoom_at (f->canvas, 2.0, 300, 200);
  g_assert_cmpfloat (wm_map_canvas_get_zoom (f->canvas), ==, 2.0);
  wm_map_canvas_map_to_widget (f->canvas, mx, my, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 300, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 200, 1e-9);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "map.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (wm_map_canvas_get_zoom (f->canvas), 1.6, 1e-9);
  wm_map_canvas_zoom_at (f->canvas, 100, 0, 0);
  g_assert_cmpfloat (wm_map_canvas_get_zoom (f->canvas), ==, WM_MAP_CANVAS_MAX_ZOOM);
  g_assert_false (wm_map_canvas_action_is_enabled (f->canvas, "map.zoom-in"));

  /* Fit: the whole (small) map at zoom 1, centred. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "map.zoom-fit", NULL));
  g_assert_cmpfloat (wm_map_canvas_get_zoom (f->canvas), ==, 1.0);
  wm_map_canvas_map_to_widget (f->canvas, 0, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, (1100 - f->canvas->layout->width) / 2, 1e-9);
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  g_assert_not_reached ();
}

static void
test_pan (Fixture       *f,
          gconstpointer  data)
{
  GtkEventController *controller;
  WmMapViewport start;
  double x, y;
  gboolean handled = FALSE;

  /* Middle drag: the map follows the pointer. */
  start = f->canvas->viewport;
  card_center (f, "a", &x, &y);
  wm_map_canvas_drag_begin (f->canvas, GDK_BUTTON_MIDDLE, 0, x, y);
  wm_map_canvas_drag_update (f->canvas, x - 30, y - 20);
  wm_map_canvas_drag_end (f->canvas, x - 30, y - 20);
  g_assert_cmpfloat_with_epsilon (f->canvas->viewport.x, start.x + 30 / start.zoom, 1e-9);
  g_assert_cmpfloat_with_epsilon (f->canvas->viewport.y, start.y + 20 / start.zoom, 1e-9);
  assert_card_at (f, "a", "s1", "l1", 0);

  /* Space held: the primary button pans too, even over a card. */
  start = f->canvas->viewport;
  controller = find_controller (GTK_WIDGET (f->canvas), GTK_TYPE_EVENT_CONTROLLER_KEY);
  g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_space, 0, 0, &handled);
  g_assert_true (handled);
  card_center (f, "a", &x, &y);
  wm_map_canvas_drag_begin (f->canvas, GDK_BUTTON_PRIMARY, 0, x, y);
  g_assert_cmpint (f->canvas->drag, ==, WM_MAP_DRAG_PAN);
  wm_map_canvas_drag_end (f->canvas, x + 10, y);
  g_signal_emit_by_name (controller, "key-released", GDK_KEY_space, 0, 0);
  g_assert_cmpfloat_with_epsilon (f->canvas->viewport.x, start.x - 10 / start.zoom, 1e-9);
  assert_card_at (f, "a", "s1", "l1", 0);
  g_assert_false (f->canvas->space_down);

  /* A wheel notch down scrolls 64 pixels. */
  start = f->canvas->viewport;
  controller = find_controller (GTK_WIDGET (f->canvas), GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  g_signal_emit_by_name (controller, "scroll", 0.0, 1.0, &handled);
  g_assert_true (handled);
  g_assert_cmpfloat_with_epsilon (f->canvas->viewport.y, start.y + 64 / start.zoom, 1e-9);

  /* Hovering a card's right edge offers to connect. */
  {
    graphene_rect_t r;
    g_autoptr(GdkTexture) picture = NULL;

    g_assert_true (wm_map_canvas_get_card_bounds (f->canvas, "b", &r));
    controller = find_controller (GTK_WIDGET (f->canvas), GTK_TYPE_EVENT_CONTROLLER_MOTION);
    g_signal_emit_by_name (controller, "motion", r.origin.x + r.size.width - 2, r.origin.y + r.size.height / 2);
    g_assert_cmpint (f->canvas->hover_kind, ==, WM_MAP_HIT_CARD_EDGE);
    g_assert_cmpstr (f->canvas->hover_id, ==, "b");
    picture = render (f, "hover-edge");
    g_signal_emit_by_name (controller, "leave");
    g_assert_null (f->canvas->hover_id);
  }

  /* The key controller nudges the selection. */
  wm_map_canvas_select (f->canvas, (const char *[]) { "a", NULL });
  controller = find_controller (GTK_WIDGET (f->canvas), GTK_TYPE_EVENT_CONTROLLER_KEY);
  g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
  g_assert_true (handled);
  assert_card_at (f, "a", "s2", "l1", 0);
}

static void
assert_pixel (const guchar *data,
              gsize         stride,
              double        x,
              double        y,
              const WmRgba *color)
{
  /* GDK_MEMORY_DEFAULT: B, G, R, A (premultiplied, opaque here). */
  const guchar *p = data + (gsize) y * stride + (gsize) x * 4;

  g_assert_cmpint (ABS (p[2] - (int) round (color->red * 255)), <=, 2);
  g_assert_cmpint (ABS (p[1] - (int) round (color->green * 255)), <=, 2);
  g_assert_cmpint (ABS (p[0] - (int) round (color->blue * 255)), <=, 2);
}

static void
check_card_fill (Fixture       *f,
                 const WmTheme *theme)
{
  g_autoptr(GdkTexture) texture = render (f, "demo");
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  gsize stride = width * 4;
  g_autofree guchar *data = g_malloc (stride * height);
  const char *cards[] = { "card-ivr-menu", "card-notice" };

  gdk_texture_download (texture, data, stride);
  g_assert_true (f->canvas->theme == theme);

  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      const WmMapCardBox *box = wm_map_layout_card_box (f->canvas->layout, cards[i]);
      WmRgba fill;
      double x, y;

      g_assert_nonnull (box);
      wm_map_card_colors (theme, box->card->color, &fill, NULL);
      /* Between the colour stripe and the text, above where connectors
       * arrive: plain fill. */
      wm_map_canvas_map_to_widget (f->canvas, box->rect.x + 10 * f->canvas->layout->scale,
                                   box->rect.y + box->rect.height * 0.3, &x, &y);
      g_assert_cmpfloat (x, <, width);
      g_assert_cmpfloat (y, <, height);
      assert_pixel (data, stride, x, y, &fill);
    }
}

static void
test_render (Fixture       *f,
             gconstpointer  data)
{
  check_card_fill (f, wm_theme_get (WM_THEME_LIGHT));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  check_card_fill (f, wm_theme_get (WM_THEME_DARK));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static guchar *
download (GdkTexture *texture,
          gsize      *stride)
{
  guchar *data;

  *stride = gdk_texture_get_width (texture) * 4;
  data = g_malloc (*stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, data, *stride);
  return data;
}

static gboolean
pixel_near (const guchar *data,
            gsize         stride,
            double        x,
            double        y,
            const WmRgba *color,
            int           tolerance)
{
  const guchar *p = data + (gsize) y * stride + (gsize) x * 4;

  return ABS (p[2] - (int) round (color->red * 255)) <= tolerance &&
         ABS (p[1] - (int) round (color->green * 255)) <= tolerance &&
         ABS (p[0] - (int) round (color->blue * 255)) <= tolerance;
}

static void
test_drag_preview (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) during = NULL;
  g_autofree guchar *pixels_before = NULL;
  g_autofree guchar *pixels_during = NULL;
  graphene_rect_t r;
  WmRgba fill;
  double x, y, tx, ty, px, py;
  gsize stride;

  /* Card a carried to the empty third stage: its picture follows the
   * pointer, nothing in the map moves yet. */
  wm_map_card_colors (f->canvas->theme, WM_CARD_COLOR_BLUE, &fill, NULL);
  g_assert_true (wm_map_canvas_get_card_bounds (f->canvas, "a", &r));
  card_center (f, "a", &x, &y);
  cell_point (f, 2, 1, 0.5, 0.5, &tx, &ty);
  px = r.origin.x + 10 + (tx - x);
  py = r.origin.y + r.size.height * 0.3 + (ty - y);

  before = render (f, "before-drag");
  pixels_before = download (before, &stride);
  g_assert_false (pixel_near (pixels_before, stride, px, py, &fill, 40));

  wm_map_canvas_drag_begin (f->canvas, GDK_BUTTON_PRIMARY, 0, x, y);
  wm_map_canvas_drag_update (f->canvas, tx, ty);
  during = render (f, "drag");
  pixels_during = download (during, &stride);
  /* Drawn at 88 % over the lit target cell. */
  g_assert_true (pixel_near (pixels_during, stride, px, py, &fill, 40));
  assert_card_at (f, "a", "s1", "l1", 0);

  wm_map_canvas_drag_cancel (f->canvas);
  assert_card_at (f, "a", "s1", "l1", 0);
  g_assert_false (wm_map_history_get_can_undo (f->history));
}

/* After an edit that keeps the grid, only what changed is painted again;
 * the frame must equal one painted from scratch. */
static void
assert_same_as_full_render (Fixture *f)
{
  guint renders = f->canvas->n_full_renders;
  g_autoptr(GdkTexture) partial = render (f, "partial");
  g_autoptr(GdkTexture) full = NULL;
  g_autofree guchar *a = NULL;
  g_autofree guchar *b = NULL;
  gsize stride;

  g_assert_cmpuint (f->canvas->n_full_renders, ==, renders);
  wm_map_canvas_drop_cache (f->canvas);
  full = render (f, "full");
  a = download (partial, &stride);
  b = download (full, &stride);
  g_assert_cmpmem (a, stride * gdk_texture_get_height (partial), b, stride * gdk_texture_get_height (full));
}

static void
test_partial_repaint (Fixture       *f,
                      gconstpointer  data)
{
  WmMapCardPosition move = { "b", "s3", "l1", 0 };
  g_autoptr(GdkTexture) start = render (f, "start");
  guint full = f->canvas->n_full_renders;

  g_assert_true (wm_map_history_set_card_color (f->history, "a", WM_CARD_COLOR_PURPLE));
  assert_same_as_full_render (f);
  /* The edit itself was painted in place (the comparison renders once). */
  g_assert_cmpuint (f->canvas->n_full_renders, ==, full + 1);

  full = f->canvas->n_full_renders;
  g_assert_true (wm_map_history_move_cards (f->history, &move, 1));
  assert_same_as_full_render (f);
  g_assert_true (wm_map_history_connect (f->history, "a", "b", "pays") != NULL);
  assert_same_as_full_render (f);
  g_assert_true (wm_map_history_set_emotion (f->history, "p", "s1", TRUE, 4));
  assert_same_as_full_render (f);
  /* Two steps back before a frame: painted together. */
  g_assert_true (wm_map_history_undo (f->history));
  g_assert_true (wm_map_history_undo (f->history));
  assert_same_as_full_render (f);
  g_assert_cmpuint (f->canvas->n_full_renders, ==, full + 4);

  /* A stage renamed: the whole picture again. */
  full = f->canvas->n_full_renders;
  g_assert_true (wm_map_history_rename_stage (f->history, "s2", "Try"));
  g_clear_object (&start);
  start = render (f, "renamed");
  g_assert_cmpuint (f->canvas->n_full_renders, ==, full + 1);
}

/* Text and colour move nothing: the layout (and its connector routes) is
 * kept; a new span moves things and lays the map out again. Either way the
 * picture is what a full render gives. */
static void
test_content_edit_keeps_layout (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GdkTexture) connected = NULL;
  graphene_rect_t narrow, wide;
  guint layouts;

  g_assert_nonnull (wm_map_history_connect (f->history, "a", "b", "pays"));
  connected = render (f, "connected");
  layouts = f->canvas->n_layouts;

  g_assert_true (wm_map_history_set_card_color (f->history, "a", WM_CARD_COLOR_PURPLE));
  g_assert_true (wm_map_history_set_card_text (f->history, "a", "Paid at last", "by phone"));
  g_assert_cmpuint (f->canvas->n_layouts, ==, layouts);
  assert_same_as_full_render (f);

  g_assert_true (wm_map_canvas_get_card_bounds (f->canvas, "a", &narrow));
  g_assert_true (wm_map_history_resize_card (f->history, "a", 2));
  g_assert_cmpuint (f->canvas->n_layouts, ==, layouts + 1);
  g_assert_true (wm_map_canvas_get_card_bounds (f->canvas, "a", &wide));
  g_assert_cmpfloat (wide.size.width, >, narrow.size.width);
}

/* A label the picture shows whole needs no tooltip; zoomed out, with
 * the text gone, the tooltip has it. */
static void
test_connector_tooltip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(WmMapMetrics) metrics = wm_map_metrics_new ();
  const WmMapConnectorPath *path;
  g_autofree char *hidden = NULL;
  double x, y;

  g_assert_nonnull (wm_map_history_connect (f->history, "a", "b", "pays"));
  wm_map_metrics_set_connector (metrics, wm_journey_map_get_connector (f->map, 0)->id, 12480);
  wm_map_canvas_set_metrics (f->canvas, metrics);
  path = &f->canvas->layout->connectors[0];
  g_assert_cmpstr (path->label_text, ==, "pays · 12\u00A0480");

  wm_map_canvas_map_to_widget (f->canvas, path->label.x + 3, path->label.y + path->label.height / 2, &x, &y);
  g_assert_null (wm_map_canvas_connector_tooltip (f->canvas, x, y));
  g_assert_null (wm_map_canvas_connector_tooltip (f->canvas, 1, 1));

  wm_map_canvas_zoom_at (f->canvas, 0.25, 0, 0);
  path = &f->canvas->layout->connectors[0];
  wm_map_canvas_map_to_widget (f->canvas, path->label_x, path->label_y, &x, &y);
  hidden = wm_map_canvas_connector_tooltip (f->canvas, x, y);
  g_assert_cmpstr (hidden, ==, "pays · 12\u00A0480");
}

static void
test_accessible_cards (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(WmMapMetrics) metrics = wm_map_metrics_new ();
  GtkWidget *proxy = wm_map_canvas_get_proxy (f->canvas, "a");
  const char *with_metric = "Stage Notice, lane Touchpoints, Observed; customers: 12\u00a0480 · 41\u202f%";

  g_assert_nonnull (proxy);
  gtk_test_accessible_assert_role (proxy, GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_property (proxy, GTK_ACCESSIBLE_PROPERTY_LABEL, "A");
  gtk_test_accessible_assert_property (proxy, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Stage Notice, lane Touchpoints, Observed");

  wm_map_metrics_set_card (metrics, "a", 12480, 0.41);
  wm_map_canvas_set_metrics (f->canvas, metrics);
  gtk_test_accessible_assert_property (proxy, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, with_metric);

  /* A new title is read out. */
  wm_map_history_set_card_text (f->history, "a", "Payment notice", "");
  gtk_test_accessible_assert_property (proxy, GTK_ACCESSIBLE_PROPERTY_LABEL, "Payment notice");

  /* One child per card, gone with the card. */
  wm_map_history_delete_cards (f->history, (const char *[]) { "a", NULL });
  g_assert_null (wm_map_canvas_get_proxy (f->canvas, "a"));
}

static void
test_history_replaced (void)
{
  g_autoptr(WmJourneyMap) map = small_map ();
  g_autoptr(WmMapHistory) history = wm_map_history_new (map);
  WmMapCanvas *canvas = g_object_ref_sink (WM_MAP_CANVAS (wm_map_canvas_new ()));

  wm_map_canvas_set_history (canvas, history);
  wm_map_canvas_select (canvas, (const char *[]) { "a", "zzz", NULL });
  g_assert_cmpstr (wm_map_canvas_get_selected_card (canvas), ==, "a");
  /* Removing the card drops it from the selection. */
  g_assert_true (wm_map_history_delete_cards (history, (const char *[]) { "a", NULL }));
  g_assert_null (wm_map_canvas_get_selected_card (canvas));

  wm_map_canvas_set_history (canvas, NULL);
  g_assert_null (wm_map_canvas_get_map (canvas));
  g_assert_false (wm_map_canvas_action_is_enabled (canvas, "map.add-card"));
  g_assert_finalize_object (canvas);
}

int
main (int   argc,
      char *argv[])
{
  /* The test accessibility backend keeps what screen readers would get. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() switches to en_US.UTF-8 where the system has it: the
   * expected texts are written for C.UTF-8, as on a fresh machine. */
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

#define ADD(name, fn, data) \
  g_test_add ("/map-canvas/" name, Fixture, data, fixture_set_up, fn, fixture_tear_down)
  ADD ("drag-moves-card", test_drag_moves_card, NULL);
  ADD ("drag-orders-within-cell", test_drag_orders_within_cell, NULL);
  ADD ("click-without-drag", test_click_without_drag_changes_nothing, NULL);
  ADD ("drag-moves-selection", test_drag_moves_selection, NULL);
  ADD ("rubber-band", test_rubber_band, NULL);
  ADD ("connect", test_connect, NULL);
  ADD ("resize", test_resize, NULL);
  ADD ("keyboard-nudge", test_keyboard_nudge, NULL);
  ADD ("emotion-drag", test_emotion_drag, NULL);
  ADD ("actions", test_actions, NULL);
  ADD ("edit-title-in-place", test_edit_title_in_place, NULL);
  ADD ("tab-order", test_tab_order, NULL);
  ADD ("zoom", test_zoom, NULL);
  ADD ("pan", test_pan, NULL);
  ADD ("render", test_render, GINT_TO_POINTER (1));
  ADD ("drag-preview", test_drag_preview, NULL);
  ADD ("accessible-cards", test_accessible_cards, NULL);
  ADD ("partial-repaint", test_partial_repaint, NULL);
  ADD ("content-edit-keeps-layout", test_content_edit_keeps_layout, NULL);
  ADD ("connector-tooltip", test_connector_tooltip, NULL);
  ADD ("edit-connector-label", test_edit_connector_label, NULL);
#undef ADD
  g_test_add_func ("/map-canvas/history-replaced", test_history_replaced);

  return g_test_run ();
}
