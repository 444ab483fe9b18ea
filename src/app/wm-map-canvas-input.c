/* wm-map-canvas-input.c: pointer, touch, scroll and keyboard
 *
 * One drag gesture serves every button: the primary button selects,
 * moves, connects, resizes, draws a rubber band or drags an emotion
 * point (or pans while space is held), the middle button pans.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "wm-map-canvas-private.h"
#include "wm-map-renderer.h"

#define DRAG_THRESHOLD 6.0
/* Pixels per wheel notch. */
#define SCROLL_STEP    64.0
#define ZOOM_WHEEL     1.15

static void
set_hover (WmMapCanvas  *self,
           WmMapHitKind  kind,
           const char   *id,
           int           stage)
{
  static const char * const cursors[] = {
    [WM_MAP_HIT_CARD] = "grab",
    [WM_MAP_HIT_CARD_EDGE] = "crosshair",
    [WM_MAP_HIT_CARD_RESIZE] = "ew-resize",
    [WM_MAP_HIT_CONNECTOR] = "pointer",
    [WM_MAP_HIT_EMOTION_POINT] = "ns-resize",
    [WM_MAP_HIT_STAGE_HEADER] = "context-menu",
    [WM_MAP_HIT_LANE_HEADER] = "context-menu",
  };

  if (kind == self->hover_kind && g_strcmp0 (id, self->hover_id) == 0 && stage == self->hover_stage)
    return;
  self->hover_kind = kind;
  self->hover_stage = stage;
  g_free (self->hover_id);
  self->hover_id = g_strdup (id);
  if (self->drag == WM_MAP_DRAG_NONE)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                     (guint) kind < G_N_ELEMENTS (cursors) ? cursors[kind] : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
is_card_hit (WmMapHitKind kind)
{
  return kind == WM_MAP_HIT_CARD || kind == WM_MAP_HIT_CARD_EDGE || kind == WM_MAP_HIT_CARD_RESIZE;
}

static void
reset_drag (WmMapCanvas *self)
{
  self->drag = WM_MAP_DRAG_NONE;
  g_clear_pointer (&self->drag_id, g_free);
  g_clear_pointer (&self->drag_cards, g_strfreev);
  g_clear_pointer (&self->drag_image, cairo_surface_destroy);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
wm_map_canvas_drag_cancel (WmMapCanvas *self)
{
  if (self->drag == WM_MAP_DRAG_EMOTION && self->history != NULL)
    wm_map_history_seal (self->history);
  reset_drag (self);
}

/* The cell under a map point, clamped into the grid. */
static void
cell_at (WmMapCanvas *self,
         double       map_x,
         double       map_y,
         guint       *stage,
         guint       *lane)
{
  const WmMapLayout *layout = self->layout;

  *stage = 0;
  for (guint c = 1; c < layout->n_stages; c++)
    if (map_x >= layout->columns[c].x)
      *stage = c;
  *lane = 0;
  for (guint l = 1; l < layout->n_lanes; l++)
    if (map_y >= layout->rows[l].y)
      *lane = l;
}

static gboolean
in_strv (GStrv       strv,
         const char *id)
{
  return strv != NULL && g_strv_contains ((const char * const *) strv, id);
}

gboolean
wm_map_canvas_drop_positions (WmMapCanvas *self,
                              double       x,
                              double       y,
                              GArray      *positions)
{
  const WmMapCardBox *primary;
  double map_x, map_y;
  guint stage, lane, order = 0;
  int ds, dl;

  if (self->drag != WM_MAP_DRAG_MOVE || self->layout == NULL || self->layout->n_stages == 0 ||
      self->layout->n_lanes == 0 || (primary = wm_map_layout_card_box (self->layout, self->drag_id)) == NULL)
    return FALSE;

  wm_map_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  cell_at (self, map_x, map_y, &stage, &lane);
  ds = (int) stage - (int) primary->stage_index;
  dl = (int) lane - (int) primary->lane_index;

  /* The pressed card goes below the other cards of its new cell whose
   * middle is above the pointer. */
  for (guint i = 0; i < self->layout->n_cards; i++)
    {
      const WmMapCardBox *box = &self->layout->cards[i];

      if (box->stage_index == stage && box->lane_index == lane && !in_strv (self->drag_cards, box->card->id) &&
          box->rect.y + box->rect.height / 2 < map_y)
        order++;
    }

  for (guint i = 0; self->drag_cards[i] != NULL; i++)
    {
      const WmMapCardBox *box = wm_map_layout_card_box (self->layout, self->drag_cards[i]);
      WmMapCardPosition position;
      int s, l;

      if (box == NULL)
        continue;
      s = CLAMP ((int) box->stage_index + ds, 0, (int) self->layout->n_stages - 1);
      l = CLAMP ((int) box->lane_index + dl, 0, (int) self->layout->n_lanes - 1);
      position.card = box->card->id;
      position.stage = self->layout->stages[s]->id;
      position.lane = self->layout->lanes[l]->id;
      position.order = box == primary ? order : box->card->order;
      g_array_append_val (positions, position);
    }
  return positions->len > 0;
}

static void
rubber_band_select (WmMapCanvas *self)
{
  double x0, y0, x1, y1;

  wm_map_canvas_widget_to_map (self, MIN (self->drag_x0, self->drag_x), MIN (self->drag_y0, self->drag_y),
                               &x0, &y0);
  wm_map_canvas_widget_to_map (self, MAX (self->drag_x0, self->drag_x), MAX (self->drag_y0, self->drag_y),
                               &x1, &y1);

  /* What was selected before the band (shift or ctrl), plus what is
   * wholly inside it. */
  g_hash_table_remove_all (self->selection);
  for (guint i = 0; self->drag_cards != NULL && self->drag_cards[i] != NULL; i++)
    if (wm_journey_map_has_id (self->map, self->drag_cards[i]))
      wm_map_canvas_set_selected (self, self->drag_cards[i], TRUE);
  for (guint i = 0; i < self->layout->n_cards; i++)
    {
      const WmMapRect *r = &self->layout->cards[i].rect;

      if (r->x >= x0 && r->y >= y0 && r->x + r->width <= x1 && r->y + r->height <= y1)
        wm_map_canvas_set_selected (self, self->layout->cards[i].card->id, TRUE);
    }
  wm_map_canvas_selection_changed (self);
}

static void
focus_card (WmMapCanvas *self,
            const char  *card)
{
  GtkWidget *proxy = wm_map_canvas_get_proxy (self, card);

  if (proxy != NULL)
    gtk_widget_grab_focus (proxy);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

void
wm_map_canvas_drag_begin (WmMapCanvas     *self,
                          guint            button,
                          GdkModifierType  state,
                          double           x,
                          double           y)
{
  gboolean toggle = (state & GDK_CONTROL_MASK) != 0, extend = (state & GDK_SHIFT_MASK) != 0;
  WmMapHit hit;

  reset_drag (self);
  self->drag_x0 = self->drag_x = x;
  self->drag_y0 = self->drag_y = y;
  self->drag_state = state;

  if (button == GDK_BUTTON_MIDDLE || (button == GDK_BUTTON_PRIMARY && self->space_down))
    {
      self->drag = WM_MAP_DRAG_PAN;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      return;
    }
  if (button != GDK_BUTTON_PRIMARY || self->history == NULL)
    return;

  wm_map_canvas_hit (self, x, y, &hit);
  switch (hit.kind)
    {
    case WM_MAP_HIT_CARD_EDGE:
      self->drag = WM_MAP_DRAG_CONNECT;
      self->drag_id = g_strdup (hit.id);
      break;
    case WM_MAP_HIT_CARD_RESIZE:
      self->drag = WM_MAP_DRAG_RESIZE;
      self->drag_id = g_strdup (hit.id);
      wm_map_canvas_select (self, (const char *[]) { hit.id, NULL });
      focus_card (self, hit.id);
      break;
    case WM_MAP_HIT_CARD:
      if (toggle)
        wm_map_canvas_set_selected (self, hit.id, !g_hash_table_contains (self->selection, hit.id));
      else if (extend)
        wm_map_canvas_set_selected (self, hit.id, TRUE);
      else if (!g_hash_table_contains (self->selection, hit.id))
        {
          g_hash_table_remove_all (self->selection);
          wm_map_canvas_set_selected (self, hit.id, TRUE);
        }
      wm_map_canvas_selection_changed (self);
      if (g_hash_table_contains (self->selection, hit.id))
        {
          self->drag = WM_MAP_DRAG_PENDING;
          self->drag_id = g_strdup (hit.id);
          focus_card (self, hit.id);
        }
      break;
    case WM_MAP_HIT_EMOTION_POINT:
      self->drag = WM_MAP_DRAG_EMOTION;
      self->drag_id = g_strdup (hit.id);
      self->drag_stage = hit.stage_index;
      wm_map_history_seal (self->history);
      gtk_widget_grab_focus (GTK_WIDGET (self));
      break;
    case WM_MAP_HIT_CONNECTOR:
      if (toggle)
        wm_map_canvas_set_selected (self, hit.id, !g_hash_table_contains (self->selection, hit.id));
      else if (extend)
        wm_map_canvas_set_selected (self, hit.id, TRUE);
      else
        {
          g_hash_table_remove_all (self->selection);
          wm_map_canvas_set_selected (self, hit.id, TRUE);
        }
      wm_map_canvas_selection_changed (self);
      gtk_widget_grab_focus (GTK_WIDGET (self));
      break;
    case WM_MAP_HIT_CELL:
    case WM_MAP_HIT_NONE:
    case WM_MAP_HIT_TITLE:
      if (toggle || extend)
        self->drag_cards = wm_map_canvas_get_selection (self);
      else if (g_hash_table_size (self->selection) > 0)
        {
          g_hash_table_remove_all (self->selection);
          wm_map_canvas_selection_changed (self);
        }
      self->drag = WM_MAP_DRAG_RUBBER_BAND;
      gtk_widget_grab_focus (GTK_WIDGET (self));
      break;
    case WM_MAP_HIT_STAGE_HEADER:
    case WM_MAP_HIT_LANE_HEADER:
    default:
      gtk_widget_grab_focus (GTK_WIDGET (self));
      break;
    }
}

void
wm_map_canvas_drag_update (WmMapCanvas *self,
                           double       x,
                           double       y)
{
  double dx = x - self->drag_x, dy = y - self->drag_y;

  self->drag_x = x;
  self->drag_y = y;

  switch (self->drag)
    {
    case WM_MAP_DRAG_PAN:
      wm_map_canvas_pan (self, -dx, -dy);
      break;
    case WM_MAP_DRAG_PENDING:
      if (hypot (x - self->drag_x0, y - self->drag_y0) < DRAG_THRESHOLD)
        break;
      self->drag = WM_MAP_DRAG_MOVE;
      self->drag_cards = wm_map_canvas_get_selection (self);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case WM_MAP_DRAG_RUBBER_BAND:
      rubber_band_select (self);
      break;
    case WM_MAP_DRAG_EMOTION:
      {
        double map_x, map_y;
        int half, current;
        const char *stage;

        if (self->drag_stage >= (int) wm_journey_map_get_n_stages (self->map))
          break;
        stage = wm_journey_map_get_stage (self->map, self->drag_stage)->id;
        wm_map_canvas_widget_to_map (self, x, y, &map_x, &map_y);
        half = wm_map_layout_emotion_at (self->layout, map_y);
        /* Consecutive changes of one point are one undo step. */
        if (!wm_journey_map_get_emotion (self->map, self->drag_id, stage, &current) || current != half)
          wm_map_history_set_emotion (self->history, self->drag_id, stage, TRUE, half);
      }
      break;
    case WM_MAP_DRAG_MOVE:
    case WM_MAP_DRAG_CONNECT:
    case WM_MAP_DRAG_RESIZE:
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case WM_MAP_DRAG_NONE:
    default:
      break;
    }
}

/* The span a resize drag gives: whole columns from the card's stage to
 * the pointer. */
static guint
resize_span (WmMapCanvas        *self,
             const WmMapCardBox *box,
             double              x)
{
  double map_x, map_y, column = self->layout->columns[0].width;
  int span;

  wm_map_canvas_widget_to_map (self, x, 0, &map_x, &map_y);
  span = (int) lround ((map_x - self->layout->columns[box->stage_index].x) / column);
  return CLAMP (span, 1, (int) (self->layout->n_stages - box->stage_index));
}

void
wm_map_canvas_drag_end (WmMapCanvas *self,
                        double       x,
                        double       y)
{
  wm_map_canvas_drag_update (self, x, y);

  switch (self->drag)
    {
    case WM_MAP_DRAG_PENDING:
      /* A click on a card of a selection selects only that card. */
      if ((self->drag_state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) == 0)
        wm_map_canvas_select (self, (const char *[]) { self->drag_id, NULL });
      break;
    case WM_MAP_DRAG_MOVE:
      {
        g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (WmMapCardPosition));

        if (wm_map_canvas_drop_positions (self, x, y, positions))
          {
            g_autofree char *pressed = g_strdup (self->drag_id);

            wm_map_history_move_cards (self->history, (WmMapCardPosition *) positions->data, positions->len);
            wm_map_history_seal (self->history);
            wm_map_canvas_ensure_visible (self, pressed);
          }
      }
      break;
    case WM_MAP_DRAG_CONNECT:
      {
        WmMapHit hit;
        const char *id;

        wm_map_canvas_hit (self, x, y, &hit);
        if (is_card_hit (hit.kind) && g_strcmp0 (hit.id, self->drag_id) != 0 &&
            (id = wm_map_history_connect (self->history, self->drag_id, hit.id, "")) != NULL)
          wm_map_canvas_select (self, (const char *[]) { id, NULL });
      }
      break;
    case WM_MAP_DRAG_RESIZE:
      {
        const WmMapCardBox *box = wm_map_layout_card_box (self->layout, self->drag_id);

        if (box != NULL)
          wm_map_history_resize_card (self->history, self->drag_id, resize_span (self, box, x));
      }
      break;
    case WM_MAP_DRAG_EMOTION:
      wm_map_history_seal (self->history);
      break;
    case WM_MAP_DRAG_RUBBER_BAND:
    case WM_MAP_DRAG_PAN:
    case WM_MAP_DRAG_NONE:
    default:
      break;
    }
  reset_drag (self);
}

gboolean
wm_map_canvas_nudge_selection (WmMapCanvas *self,
                               int          stages,
                               int          lanes)
{
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (WmMapCardPosition));
  g_auto(GStrv) selection = NULL;

  g_return_val_if_fail (WM_IS_MAP_CANVAS (self), FALSE);

  if (self->layout == NULL)
    return FALSE;
  selection = wm_map_canvas_get_selection (self);
  for (guint i = 0; selection[i] != NULL; i++)
    {
      const WmMapCardBox *box = wm_map_layout_card_box (self->layout, selection[i]);
      WmMapCardPosition position;
      int s, l;

      if (box == NULL)
        continue;
      s = (int) box->stage_index + stages;
      l = (int) box->lane_index + lanes;
      if (s < 0 || l < 0 || s >= (int) self->layout->n_stages || l >= (int) self->layout->n_lanes)
        return FALSE;
      position.card = box->card->id;
      position.stage = self->layout->stages[s]->id;
      position.lane = self->layout->lanes[l]->id;
      position.order = box->card->order;
      g_array_append_val (positions, position);
    }
  if (positions->len == 0 ||
      !wm_map_history_move_cards (self->history, (WmMapCardPosition *) positions->data, positions->len))
    return FALSE;
  /* Each nudge is its own step. */
  wm_map_history_seal (self->history);
  if (self->focus_card != NULL)
    wm_map_canvas_ensure_visible (self, self->focus_card);
  return TRUE;
}

gboolean
wm_map_canvas_key_pressed (WmMapCanvas     *self,
                           guint            keyval,
                           GdkModifierType  state)
{
  gboolean plain = (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) == 0;
  g_auto(GStrv) selection = NULL;
  int ds = 0, dl = 0;

  switch (keyval)
    {
    case GDK_KEY_space:
      self->space_down = TRUE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
      return TRUE;
    case GDK_KEY_Escape:
      if (self->drag != WM_MAP_DRAG_NONE)
        wm_map_canvas_drag_cancel (self);
      else if (g_hash_table_size (self->selection) > 0)
        wm_map_canvas_select (self, NULL);
      else
        return FALSE;
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      {
        const char *card = self->focus_card != NULL ? self->focus_card : wm_map_canvas_get_selected_card (self);

        if (card == NULL || wm_journey_map_lookup_card (self->map, card) == NULL)
          return FALSE;
        wm_map_canvas_edit_card_title (self, card);
        return TRUE;
      }
    case GDK_KEY_Menu:
    case GDK_KEY_F10:
      {
        /* The focused card's menu, as a right click would open it. */
        const char *card = self->focus_card != NULL ? self->focus_card : wm_map_canvas_get_selected_card (self);
        WmMapHit hit = { WM_MAP_HIT_CARD, card, -1, -1, 0 };
        graphene_rect_t r;

        if ((keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK) == 0) ||
            card == NULL || !wm_map_canvas_get_card_bounds (self, card, &r))
          return FALSE;
        wm_map_canvas_popup_menu (self, &hit, r.origin.x + r.size.width / 2, r.origin.y + r.size.height / 2);
        return TRUE;
      }
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      ds = -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      ds = 1;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      dl = -1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      dl = 1;
      break;
    default:
      return FALSE;
    }

  if (!plain || self->history == NULL)
    return FALSE;
  /* Arrows move the selected cards a cell, or scroll the map. */
  selection = wm_map_canvas_get_selection (self);
  if (selection[0] != NULL && wm_journey_map_lookup_card (self->map, selection[0]) != NULL)
    {
      if (!wm_map_canvas_nudge_selection (self, ds, dl))
        gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }
  wm_map_canvas_pan (self, ds * SCROLL_STEP, dl * SCROLL_STEP);
  return TRUE;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               WmMapCanvas    *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (button == GDK_BUTTON_SECONDARY)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  wm_map_canvas_drag_begin (self, button, state, x, y);
  if (self->drag == WM_MAP_DRAG_NONE)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
  else
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                WmMapCanvas    *self)
{
  wm_map_canvas_drag_update (self, self->drag_x0 + offset_x, self->drag_y0 + offset_y);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             WmMapCanvas    *self)
{
  wm_map_canvas_drag_end (self, self->drag_x0 + offset_x, self->drag_y0 + offset_y);
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                WmMapCanvas      *self)
{
  wm_map_canvas_drag_cancel (self);
}

/* "pressed" and "released": a double-click edits what it is on.  A
 * connector's label is edited in the side panel, so the focus goes there
 * on release, once the press (which focuses the canvas) is over. */
static void
click_cb (GtkGestureClick *gesture,
          int              n_press,
          double           x,
          double           y,
          WmMapCanvas     *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));
  gboolean released = event != NULL && gdk_event_get_event_type (event) == GDK_BUTTON_RELEASE;
  WmMapHit hit;

  if (self->history == NULL)
    return;
  wm_map_canvas_hit (self, x, y, &hit);

  if (button == GDK_BUTTON_SECONDARY)
    {
      if (!released)
        wm_map_canvas_popup_menu (self, &hit, x, y);
      return;
    }
  if (button != GDK_BUTTON_PRIMARY || n_press != 2)
    return;
  if (released)
    {
      if (hit.kind == WM_MAP_HIT_CONNECTOR)
        wm_map_canvas_activate_connector (self, hit.id);
      return;
    }

  switch (hit.kind)
    {
    case WM_MAP_HIT_CARD:
    case WM_MAP_HIT_CARD_EDGE:
    case WM_MAP_HIT_CARD_RESIZE:
      wm_map_canvas_edit_card_title (self, hit.id);
      break;
    case WM_MAP_HIT_STAGE_HEADER:
      wm_map_canvas_edit (self, WM_MAP_EDIT_STAGE, hit.id);
      break;
    case WM_MAP_HIT_LANE_HEADER:
      wm_map_canvas_edit (self, WM_MAP_EDIT_LANE, hit.id);
      break;
    case WM_MAP_HIT_CELL:
      wm_map_canvas_add_card_at (self, hit.stage_index, hit.lane_index, hit.drop_order);
      break;
    case WM_MAP_HIT_NONE:
    case WM_MAP_HIT_TITLE:
    case WM_MAP_HIT_CONNECTOR:
    case WM_MAP_HIT_EMOTION_POINT:
    default:
      break;
    }
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           WmMapCanvas              *self)
{
  WmMapHit hit;

  self->pointer_x = x;
  self->pointer_y = y;
  wm_map_canvas_hit (self, x, y, &hit);
  set_hover (self, hit.kind, hit.id, hit.kind == WM_MAP_HIT_EMOTION_POINT ? hit.stage_index : -1);
}

char *
wm_map_canvas_connector_tooltip (WmMapCanvas *self,
                                 double       x,
                                 double       y)
{
  WmMapHit hit;
  gboolean text_shown;

  if (self->layout == NULL)
    return NULL;
  wm_map_canvas_hit (self, x, y, &hit);
  if (hit.kind != WM_MAP_HIT_CONNECTOR)
    return NULL;
  text_shown = self->theme->small_size * self->viewport.zoom >= WM_MAP_MIN_TEXT_PIXELS;
  for (guint i = 0; i < self->layout->n_connectors; i++)
    {
      const WmMapConnectorPath *p = &self->layout->connectors[i];

      if (g_str_equal (p->connector->id, hit.id) && p->label_full != NULL &&
          (!text_shown || g_strcmp0 (p->label_text, p->label_full) != 0))
        return g_strdup (p->label_full);
    }
  return NULL;
}

/* A label left out, or shortened, for want of room: in full on hover. */
static gboolean
query_tooltip_cb (GtkWidget   *widget,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip,
                  WmMapCanvas *self)
{
  g_autofree char *text = keyboard ? NULL : wm_map_canvas_connector_tooltip (self, x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
leave_cb (GtkEventControllerMotion *controller,
          WmMapCanvas              *self)
{
  set_hover (self, WM_MAP_HIT_NONE, NULL, -1);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           WmMapCanvas              *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if (state & GDK_CONTROL_MASK)
    {
      double factor = wheel ? pow (ZOOM_WHEEL, -dy) : exp (-dy / 200.0);

      /* Zoom at the pointer (the motion controller tracks it). */
      wm_map_canvas_zoom_at (self, self->viewport.zoom * factor, self->pointer_x, self->pointer_y);
      return TRUE;
    }

  if ((state & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  if (wheel)
    {
      dx *= SCROLL_STEP;
      dy *= SCROLL_STEP;
    }
  wm_map_canvas_pan (self, dx, dy);
  return TRUE;
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               WmMapCanvas      *self)
{
  /* The first finger may have started a drag: two mean a pinch. */
  wm_map_canvas_drag_cancel (self);
  self->pinching = TRUE;
  self->pinch_zoom = self->viewport.zoom;
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       WmMapCanvas    *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  wm_map_canvas_zoom_at (self, self->pinch_zoom * scale, x, y);
}

static void
zoom_end_cb (GtkGesture       *gesture,
             GdkEventSequence *sequence,
             WmMapCanvas      *self)
{
  /* The next frame renders the static layer at the final zoom. */
  self->pinching = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WmMapCanvas           *self)
{
  return wm_map_canvas_key_pressed (self, keyval, state);
}

static void
key_released_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 WmMapCanvas           *self)
{
  if (keyval == GDK_KEY_space)
    {
      self->space_down = FALSE;
      if (self->drag != WM_MAP_DRAG_PAN)
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
    }
}

void
wm_map_canvas_init_input (WmMapCanvas *self)
{
  GtkGesture *gesture;
  GtkEventController *controller;

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (gesture, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "pressed", G_CALLBACK (click_cb), self);
  g_signal_connect (gesture, "released", G_CALLBACK (click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  g_signal_connect (gesture, "end", G_CALLBACK (zoom_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect (controller, "key-released", G_CALLBACK (key_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
