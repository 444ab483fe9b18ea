/* wm-map-canvas-overlay.c: what changes from frame to frame, drawn over
 * the cached static layer — hover, selection, keyboard focus and the
 * previews of a drag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "wm-map-canvas-private.h"
#include "wm-map-renderer.h"

static void
rounded_rect (cairo_t         *cr,
              const WmMapRect *r,
              double           inset,
              double           radius)
{
  double x = r->x + inset, y = r->y + inset, w = r->width - 2 * inset, h = r->height - 2 * inset;

  radius = MAX (0, MIN (radius, MIN (w, h) / 2));
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
card_ring (WmMapCanvas     *self,
           cairo_t         *cr,
           const WmMapRect *r,
           double           outset,
           double           width,
           const WmRgba    *color,
           double           alpha)
{
  double s = self->layout->scale;

  rounded_rect (cr, r, -outset * s, self->layout->card_radius + outset * s);
  wm_chart_set_source (cr, color, alpha);
  cairo_set_line_width (cr, width * s);
  cairo_stroke (cr);
}

static const WmMapConnectorPath *
find_connector (WmMapCanvas *self,
                const char  *id)
{
  for (guint i = 0; i < self->layout->n_connectors; i++)
    if (g_str_equal (self->layout->connectors[i].connector->id, id))
      return &self->layout->connectors[i];
  return NULL;
}

static void
draw_hover (WmMapCanvas *self,
            cairo_t     *cr)
{
  const WmTheme *theme = self->theme;
  const WmMapLayout *layout = self->layout;
  const WmMapCardBox *box = wm_map_layout_card_box (layout, self->hover_id);
  double s = layout->scale;

  switch (self->hover_kind)
    {
    case WM_MAP_HIT_CARD:
      if (box != NULL && !g_hash_table_contains (self->selection, self->hover_id))
        card_ring (self, cr, &box->rect, 1.5, 1.5, &theme->highlight, 0.5);
      break;
    case WM_MAP_HIT_CARD_EDGE:
      /* The handle a connector starts from. */
      if (box != NULL)
        {
          cairo_arc (cr, box->rect.x + box->rect.width, box->rect.y + box->rect.height / 2, 6 * s, 0, 2 * G_PI);
          wm_chart_set_source (cr, &theme->highlight, 1.0);
          cairo_fill_preserve (cr);
          wm_chart_set_source (cr, &theme->background, 1.0);
          cairo_set_line_width (cr, 2 * s);
          cairo_stroke (cr);
        }
      break;
    case WM_MAP_HIT_CARD_RESIZE:
      if (box != NULL)
        {
          double x = box->rect.x + box->rect.width - 4 * s, y = box->rect.y + box->rect.height - 4 * s;

          wm_chart_set_source (cr, &theme->highlight, 1.0);
          cairo_set_line_width (cr, 1.5 * s);
          cairo_move_to (cr, x - 10 * s, y);
          cairo_line_to (cr, x, y - 10 * s);
          cairo_move_to (cr, x - 5 * s, y);
          cairo_line_to (cr, x, y - 5 * s);
          cairo_stroke (cr);
        }
      break;
    case WM_MAP_HIT_CONNECTOR:
      {
        const WmMapConnectorPath *p = find_connector (self, self->hover_id);

        if (p != NULL)
          {
            wm_map_connector_trace (cr, p, 0);
            wm_chart_set_source (cr, &theme->highlight, 0.45);
            cairo_set_line_width (cr, 5 * s);
            cairo_stroke (cr);
          }
      }
      break;
    case WM_MAP_HIT_EMOTION_POINT:
      for (guint i = 0; i < layout->n_points; i++)
        if ((int) layout->points[i].stage_index == self->hover_stage &&
            g_strcmp0 (layout->points[i].persona->id, self->hover_id) == 0)
          {
            cairo_arc (cr, layout->points[i].x, layout->points[i].y, 10 * s, 0, 2 * G_PI);
            wm_chart_set_source (cr, &theme->highlight, 0.8);
            cairo_set_line_width (cr, 2 * s);
            cairo_stroke (cr);
          }
      break;
    case WM_MAP_HIT_STAGE_HEADER:
    case WM_MAP_HIT_LANE_HEADER:
      {
        gboolean stage = self->hover_kind == WM_MAP_HIT_STAGE_HEADER;
        guint n = stage ? layout->n_stages : layout->n_lanes;

        for (guint i = 0; i < n; i++)
          if (g_strcmp0 (stage ? layout->stages[i]->id : layout->lanes[i]->id, self->hover_id) == 0)
            {
              const WmMapRect *r = stage ? &layout->stage_headers[i] : &layout->lane_headers[i];

              wm_chart_set_source (cr, &theme->foreground, 0.06);
              cairo_rectangle (cr, r->x, r->y, r->width, r->height);
              cairo_fill (cr);
            }
      }
      break;
    case WM_MAP_HIT_NONE:
    case WM_MAP_HIT_TITLE:
    case WM_MAP_HIT_CELL:
    default:
      break;
    }
}

static void
draw_selection (WmMapCanvas *self,
                cairo_t     *cr)
{
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, self->selection);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      const WmMapCardBox *box = wm_map_layout_card_box (self->layout, id);
      const WmMapConnectorPath *p;

      if (box != NULL)
        card_ring (self, cr, &box->rect, 2.5, 2.5, &self->theme->highlight, 1.0);
      else if ((p = find_connector (self, id)) != NULL)
        {
          wm_map_connector_trace (cr, p, 0);
          wm_chart_set_source (cr, &self->theme->highlight, 1.0);
          cairo_set_line_width (cr, 3.5 * self->layout->scale);
          cairo_stroke (cr);
        }
    }
}

static void
draw_focus (WmMapCanvas *self,
            cairo_t     *cr)
{
  const WmMapCardBox *box;

  if (self->focus_card == NULL || !wm_map_canvas_card_has_visible_focus (self, self->focus_card) ||
      (box = wm_map_layout_card_box (self->layout, self->focus_card)) == NULL)
    return;
  cairo_save (cr);
  cairo_set_dash (cr, (double[]) { 4 * self->layout->scale, 3 * self->layout->scale }, 2, 0);
  card_ring (self, cr, &box->rect, 6, 2, &self->theme->foreground, 0.85);
  cairo_restore (cr);
}

/* Draws the moving cards once per drag (text is the costly part), into a
 * picture of their bounds, at most the view and half of it around. */
static void
ensure_drag_image (WmMapCanvas *self)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom = self->viewport.zoom, slack = 8 * self->layout->scale;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double vx0, vy0, vx1, vy1;
  cairo_t *cr;

  if (self->drag_image != NULL && self->drag_image_viewport.zoom == zoom)
    return;
  g_clear_pointer (&self->drag_image, cairo_surface_destroy);

  for (guint i = 0; self->drag_cards[i] != NULL; i++)
    {
      const WmMapCardBox *box = wm_map_layout_card_box (self->layout, self->drag_cards[i]);

      if (box == NULL)
        continue;
      x0 = MIN (x0, box->rect.x - slack);
      y0 = MIN (y0, box->rect.y - slack);
      x1 = MAX (x1, box->rect.x + box->rect.width + slack);
      y1 = MAX (y1, box->rect.y + box->rect.height + slack);
    }
  wm_map_canvas_widget_to_map (self, -width / 2, -height / 2, &vx0, &vy0);
  wm_map_canvas_widget_to_map (self, width * 1.5, height * 1.5, &vx1, &vy1);
  x0 = MAX (x0, vx0);
  y0 = MAX (y0, vy0);
  x1 = MIN (x1, vx1);
  y1 = MIN (y1, vy1);
  if (x1 <= x0 || y1 <= y0)
    return;

  self->drag_image_viewport = (WmMapViewport) { floor (x0 * zoom) / zoom, floor (y0 * zoom) / zoom, zoom };
  self->drag_image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, ceil ((x1 - x0) * zoom + 1) * scale,
                                                 ceil ((y1 - y0) * zoom + 1) * scale);
  cairo_surface_set_device_scale (self->drag_image, scale, scale);
  cr = cairo_create (self->drag_image);
  for (guint i = 0; self->drag_cards[i] != NULL; i++)
    {
      const WmMapCardBox *box = wm_map_layout_card_box (self->layout, self->drag_cards[i]);

      if (box != NULL)
        wm_map_render_card (cr, self->pango, self->map, self->layout, self->metrics, self->theme,
                            &self->drag_image_viewport, box, 0, 0);
    }
  cairo_destroy (cr);
}

static void
draw_move (WmMapCanvas *self,
           cairo_t     *cr)
{
  const WmMapLayout *layout = self->layout;
  const WmTheme *theme = self->theme;
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (WmMapCardPosition));
  double dx = (self->drag_x - self->drag_x0) / self->viewport.zoom;
  double dy = (self->drag_y - self->drag_y0) / self->viewport.zoom;
  double s = layout->scale, bar_y;
  const WmMapCardPosition *target;
  WmMapRect cell;
  int stage, lane;
  guint above = 0;

  /* The cards' places dim, the cell they would land in lights up with a
   * bar where the pressed card would go, and the cards follow the pointer. */
  for (guint i = 0; self->drag_cards[i] != NULL; i++)
    {
      const WmMapCardBox *box = wm_map_layout_card_box (layout, self->drag_cards[i]);

      if (box == NULL)
        continue;
      rounded_rect (cr, &box->rect, 0, layout->card_radius);
      wm_chart_set_source (cr, &theme->background, 0.6);
      cairo_fill (cr);
    }

  if (wm_map_canvas_drop_positions (self, self->drag_x, self->drag_y, positions))
    {
      target = NULL;
      for (guint i = 0; i < positions->len; i++)
        if (g_str_equal (g_array_index (positions, WmMapCardPosition, i).card, self->drag_id))
          target = &g_array_index (positions, WmMapCardPosition, i);
      stage = target != NULL ? wm_journey_map_stage_index (self->map, target->stage) : -1;
      lane = target != NULL ? wm_journey_map_lane_index (self->map, target->lane) : -1;
      if (target != NULL && wm_map_layout_cell_rect (layout, stage, lane, &cell))
        {
          wm_chart_set_source (cr, &theme->highlight, 0.10);
          cairo_rectangle (cr, cell.x, cell.y, cell.width, cell.height);
          cairo_fill (cr);

          bar_y = cell.y + layout->cell_padding / 2;
          for (guint i = 0; i < layout->n_cards; i++)
            {
              const WmMapCardBox *box = &layout->cards[i];

              if ((int) box->stage_index == stage && (int) box->lane_index == lane &&
                  !g_strv_contains ((const char * const *) self->drag_cards, box->card->id) &&
                  above++ < target->order)
                bar_y = MAX (bar_y, box->rect.y + box->rect.height + layout->cell_padding / 2);
            }
          wm_chart_set_source (cr, &theme->highlight, 1.0);
          cairo_rectangle (cr, cell.x + layout->cell_padding, bar_y - 1.5 * s,
                           cell.width - 2 * layout->cell_padding, 3 * s);
          cairo_fill (cr);
        }
    }

  /* Back to widget space: the picture of the cards is in pixels. */
  ensure_drag_image (self);
  if (self->drag_image != NULL)
    {
      double x, y;

      wm_map_canvas_map_to_widget (self, self->drag_image_viewport.x + dx, self->drag_image_viewport.y + dy, &x, &y);
      cairo_save (cr);
      cairo_identity_matrix (cr);
      cairo_set_source_surface (cr, self->drag_image, round (x), round (y));
      cairo_paint_with_alpha (cr, 0.88);
      cairo_restore (cr);
    }
}

static void
draw_connect (WmMapCanvas *self,
              cairo_t     *cr)
{
  const WmMapCardBox *from = wm_map_layout_card_box (self->layout, self->drag_id);
  double s = self->layout->scale, x0, y0, x, y;
  WmMapHit hit;

  if (from == NULL)
    return;
  x0 = from->rect.x + from->rect.width;
  y0 = from->rect.y + from->rect.height / 2;
  wm_map_canvas_widget_to_map (self, self->drag_x, self->drag_y, &x, &y);

  wm_map_canvas_hit (self, self->drag_x, self->drag_y, &hit);
  if ((hit.kind == WM_MAP_HIT_CARD || hit.kind == WM_MAP_HIT_CARD_EDGE || hit.kind == WM_MAP_HIT_CARD_RESIZE) &&
      g_strcmp0 (hit.id, self->drag_id) != 0)
    card_ring (self, cr, &wm_map_layout_card_box (self->layout, hit.id)->rect, 2.5, 2.5,
               &self->theme->highlight, 1.0);

  cairo_save (cr);
  cairo_move_to (cr, x0, y0);
  cairo_curve_to (cr, x0 + MAX (30 * s, fabs (x - x0) / 2), y0, x - MAX (30 * s, fabs (x - x0) / 2) * (x >= x0 ? 1 : -1), y, x, y);
  cairo_set_dash (cr, (double[]) { 6 * s, 4 * s }, 2, 0);
  wm_chart_set_source (cr, &self->theme->highlight, 1.0);
  cairo_set_line_width (cr, 2 * s);
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_arc (cr, x, y, 4 * s, 0, 2 * G_PI);
  wm_chart_set_source (cr, &self->theme->highlight, 1.0);
  cairo_fill (cr);
}

static void
draw_resize (WmMapCanvas *self,
             cairo_t     *cr)
{
  const WmMapCardBox *box = wm_map_layout_card_box (self->layout, self->drag_id);
  double map_x, map_y, column;
  WmMapRect r;
  int span;

  if (box == NULL)
    return;
  column = self->layout->columns[0].width;
  wm_map_canvas_widget_to_map (self, self->drag_x, self->drag_y, &map_x, &map_y);
  span = CLAMP ((int) lround ((map_x - self->layout->columns[box->stage_index].x) / column), 1,
                (int) (self->layout->n_stages - box->stage_index));
  r = box->rect;
  r.width += (span - (int) box->span) * column;
  cairo_save (cr);
  cairo_set_dash (cr, (double[]) { 6 * self->layout->scale, 4 * self->layout->scale }, 2, 0);
  card_ring (self, cr, &r, 0, 2, &self->theme->highlight, 1.0);
  cairo_restore (cr);
}

static void
draw_rubber_band (WmMapCanvas *self,
                  cairo_t     *cr)
{
  double x = MIN (self->drag_x0, self->drag_x), y = MIN (self->drag_y0, self->drag_y);
  double w = fabs (self->drag_x - self->drag_x0), h = fabs (self->drag_y - self->drag_y0);

  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_rectangle (cr, round (x) + 0.5, round (y) + 0.5, round (w), round (h));
  wm_chart_set_source (cr, &self->theme->highlight, 0.12);
  cairo_fill_preserve (cr);
  wm_chart_set_source (cr, &self->theme->highlight, 0.9);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
wm_map_canvas_snapshot_overlay (WmMapCanvas *self,
                                GtkSnapshot *snapshot)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  cairo_t *cr;

  if (self->hover_id == NULL && g_hash_table_size (self->selection) == 0 && self->focus_card == NULL &&
      (self->drag == WM_MAP_DRAG_NONE || self->drag == WM_MAP_DRAG_PENDING || self->drag == WM_MAP_DRAG_PAN))
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, self->viewport.zoom, self->viewport.zoom);
  cairo_translate (cr, -self->viewport.x, -self->viewport.y);

  if (self->drag != WM_MAP_DRAG_MOVE)
    draw_hover (self, cr);
  draw_selection (self, cr);
  draw_focus (self, cr);

  switch (self->drag)
    {
    case WM_MAP_DRAG_MOVE:
      draw_move (self, cr);
      break;
    case WM_MAP_DRAG_CONNECT:
      draw_connect (self, cr);
      break;
    case WM_MAP_DRAG_RESIZE:
      draw_resize (self, cr);
      break;
    case WM_MAP_DRAG_RUBBER_BAND:
      draw_rubber_band (self, cr);
      break;
    case WM_MAP_DRAG_NONE:
    case WM_MAP_DRAG_PENDING:
    case WM_MAP_DRAG_EMOTION:
    case WM_MAP_DRAG_PAN:
    default:
      break;
    }
  cairo_destroy (cr);
}
