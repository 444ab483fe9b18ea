/* wm-map-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "wm-map-layout.h"

/* Sizes at scale 1 (the light theme's 13 px labels). */
#define MARGIN          24.0
#define TITLE_HEIGHT    44.0
#define LANE_HEADER     176.0
#define STAGE_HEADER    44.0
#define COLUMN_WIDTH    252.0
#define CARD_HEIGHT     92.0
#define PADDING         10.0
#define CARD_GAP        10.0
#define EMOTION_ROW     140.0
#define CARD_RADIUS     8.0
/* Hit tolerances. */
#define EDGE_WIDTH      10.0
#define RESIZE_SIZE     14.0
#define POINT_RADIUS    9.0
#define CURVE_DISTANCE  6.0

static gboolean
in_rect (const WmMapRect *r,
         double           x,
         double           y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

static void
bezier_point (const WmMapConnectorPath *p,
              double                    t,
              double                   *x,
              double                   *y)
{
  double u = 1 - t;

  *x = u * u * u * p->x0 + 3 * u * u * t * p->x1 + 3 * u * t * t * p->x2 + t * t * t * p->x3;
  *y = u * u * u * p->y0 + 3 * u * u * t * p->y1 + 3 * u * t * t * p->y2 + t * t * t * p->y3;
}

/* A curve leaving the side of @a that faces @b and entering @b's. */
static void
route (WmMapConnectorPath *path,
       const WmMapRect    *a,
       const WmMapRect    *b,
       double              scale)
{
  double acx = a->x + a->width / 2, acy = a->y + a->height / 2;
  double bcx = b->x + b->width / 2, bcy = b->y + b->height / 2;
  double d;

  if (b->x >= a->x + a->width - 1 || b->x + b->width <= a->x + 1)
    {
      double sign = b->x >= a->x + a->width - 1 ? 1 : -1;

      path->x0 = sign > 0 ? a->x + a->width : a->x;
      path->y0 = acy;
      path->x3 = sign > 0 ? b->x : b->x + b->width;
      path->y3 = bcy;
      d = MAX (30 * scale, fabs (path->x3 - path->x0) / 2);
      path->x1 = path->x0 + sign * d;
      path->y1 = path->y0;
      path->x2 = path->x3 - sign * d;
      path->y2 = path->y3;
    }
  else
    {
      double sign = bcy >= acy ? 1 : -1;

      path->x0 = acx;
      path->y0 = sign > 0 ? a->y + a->height : a->y;
      path->x3 = bcx;
      path->y3 = sign > 0 ? b->y : b->y + b->height;
      d = MAX (20 * scale, fabs (path->y3 - path->y0) / 2);
      path->x1 = path->x0;
      path->y1 = path->y0 + sign * d;
      path->x2 = path->x3;
      path->y2 = path->y3 - sign * d;
    }

  bezier_point (path, 0.5, &path->label_x, &path->label_y);
}

static int
compare_boxes (gconstpointer a,
               gconstpointer b)
{
  const WmMapCardBox *ba = *(const WmMapCardBox **) a;
  const WmMapCardBox *bb = *(const WmMapCardBox **) b;

  if (ba->stage_index != bb->stage_index)
    return ba->stage_index < bb->stage_index ? -1 : 1;
  return (ba->card->order > bb->card->order) - (ba->card->order < bb->card->order);
}

WmMapLayout *
wm_map_layout_new (WmJourneyMap  *map,
                   const WmTheme *theme)
{
  WmMapLayout *layout;
  double s, grid_x, grid_y, y, column, padding, gap;
  g_autofree double *lane_heights = NULL;
  g_autoptr(GPtrArray) by_lane = NULL;
  guint n_stages, n_lanes, n_cards;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (map), NULL);
  g_return_val_if_fail (theme != NULL, NULL);

  layout = g_new0 (WmMapLayout, 1);
  s = layout->scale = theme->label_size / 13.0;
  n_stages = layout->n_stages = wm_journey_map_get_n_stages (map);
  n_lanes = layout->n_lanes = wm_journey_map_get_n_lanes (map);
  n_cards = layout->n_cards = wm_journey_map_get_n_cards (map);
  layout->card_height = CARD_HEIGHT * s;
  layout->cell_padding = padding = PADDING * s;
  layout->card_radius = CARD_RADIUS * s;
  gap = CARD_GAP * s;
  column = COLUMN_WIDTH * s;
  layout->emotion_lane = -1;
  layout->card_boxes = g_hash_table_new (g_str_hash, g_str_equal);

  layout->title = (WmMapRect) { MARGIN * s, MARGIN * s, 0, 0 };
  if (*wm_journey_map_get_title (map) != '\0')
    layout->title.height = TITLE_HEIGHT * s;
  grid_x = MARGIN * s + LANE_HEADER * s;
  grid_y = layout->title.y + layout->title.height + STAGE_HEADER * s;
  layout->title.width = grid_x + n_stages * column - layout->title.x;

  /* Cards: placed within their lane first (y relative to the lane's top),
   * stage by stage, each below what occupies its columns already. */
  layout->cards = g_new0 (WmMapCardBox, MAX (n_cards, 1));
  by_lane = g_ptr_array_new ();
  for (guint i = 0; i < n_cards; i++)
    {
      WmMapCardBox *box = &layout->cards[i];

      box->card = wm_journey_map_get_card (map, i);
      box->stage_index = MAX (wm_journey_map_stage_index (map, box->card->stage), 0);
      box->lane_index = MAX (wm_journey_map_lane_index (map, box->card->lane), 0);
      box->span = MIN (box->card->span, n_stages - box->stage_index);
      g_hash_table_insert (layout->card_boxes, box->card->id, box);
      g_ptr_array_add (by_lane, box);
    }
  g_ptr_array_sort (by_lane, compare_boxes);

  lane_heights = g_new0 (double, MAX (n_lanes, 1));
  {
    g_autofree double *next = g_new0 (double, MAX (n_stages, 1) * MAX (n_lanes, 1));

    for (guint i = 0; i < by_lane->len; i++)
      {
        WmMapCardBox *box = g_ptr_array_index (by_lane, i);
        double *lane_next = next + box->lane_index * n_stages;
        double top = padding;

        for (guint c = box->stage_index; c < box->stage_index + box->span; c++)
          top = MAX (top, lane_next[c] > 0 ? lane_next[c] : padding);
        for (guint c = box->stage_index; c < box->stage_index + box->span; c++)
          lane_next[c] = top + layout->card_height + gap;

        box->rect.x = grid_x + box->stage_index * column + padding;
        box->rect.y = top;
        box->rect.width = box->span * column - 2 * padding;
        box->rect.height = layout->card_height;
        lane_heights[box->lane_index] = MAX (lane_heights[box->lane_index],
                                             top + layout->card_height + padding);
      }
  }

  layout->lanes = g_new0 (const WmMapLane *, MAX (n_lanes, 1));
  layout->lane_headers = g_new0 (WmMapRect, MAX (n_lanes, 1));
  layout->rows = g_new0 (WmMapRect, MAX (n_lanes, 1));
  y = grid_y;
  for (guint l = 0; l < n_lanes; l++)
    {
      const WmMapLane *lane = layout->lanes[l] = wm_journey_map_get_lane (map, l);
      double height = MAX (lane_heights[l], layout->card_height + 2 * padding);

      if (lane->kind == WM_LANE_EMOTIONS)
        {
          height = MAX (height, EMOTION_ROW * s);
          if (layout->emotion_lane < 0)
            layout->emotion_lane = l;
        }
      layout->lane_headers[l] = (WmMapRect) { MARGIN * s, y, LANE_HEADER * s, height };
      layout->rows[l] = (WmMapRect) { grid_x, y, n_stages * column, height };
      lane_heights[l] = y;   /* now the lane's top */
      y += height;
    }

  for (guint i = 0; i < n_cards; i++)
    layout->cards[i].rect.y += lane_heights[layout->cards[i].lane_index];

  layout->stage_headers = g_new0 (WmMapRect, MAX (n_stages, 1));
  layout->columns = g_new0 (WmMapRect, MAX (n_stages, 1));
  layout->stages = g_new0 (const WmMapStage *, MAX (n_stages, 1));
  for (guint c = 0; c < n_stages; c++)
    {
      layout->stages[c] = wm_journey_map_get_stage (map, c);
      layout->stage_headers[c] = (WmMapRect) { grid_x + c * column, grid_y - STAGE_HEADER * s,
                                               column, STAGE_HEADER * s };
      layout->columns[c] = (WmMapRect) { grid_x + c * column, grid_y, column, y - grid_y };
    }

  layout->width = grid_x + n_stages * column + MARGIN * s;
  layout->height = y + MARGIN * s;

  /* Connectors, between the cards' facing sides. */
  layout->connectors = g_new0 (WmMapConnectorPath, MAX (wm_journey_map_get_n_connectors (map), 1));
  for (guint i = 0; i < wm_journey_map_get_n_connectors (map); i++)
    {
      const WmMapConnector *connector = wm_journey_map_get_connector (map, i);
      const WmMapCardBox *from = g_hash_table_lookup (layout->card_boxes, connector->from);
      const WmMapCardBox *to = g_hash_table_lookup (layout->card_boxes, connector->to);
      WmMapConnectorPath *path = &layout->connectors[layout->n_connectors];

      if (from == NULL || to == NULL)
        continue;
      path->connector = connector;
      route (path, &from->rect, &to->rect, s);
      layout->n_connectors++;
    }

  /* Emotion points, at each stage's middle. */
  if (layout->emotion_lane >= 0)
    {
      guint n_personas = wm_journey_map_get_n_personas (map);

      layout->points = g_new0 (WmMapEmotionPoint, MAX (n_personas * n_stages, 1));
      for (guint p = 0; p < n_personas; p++)
        {
          const WmMapPersona *persona = wm_journey_map_get_persona (map, p);

          for (guint c = 0; c < n_stages; c++)
            {
              WmMapEmotionPoint *point = &layout->points[layout->n_points];
              int half;

              if (!wm_map_persona_get_emotion (persona, wm_journey_map_get_stage (map, c)->id, &half))
                continue;
              point->persona = persona;
              point->persona_index = p;
              point->stage_index = c;
              point->half_steps = half;
              point->x = layout->columns[c].x + column / 2;
              point->y = wm_map_layout_emotion_y (layout, half);
              layout->n_points++;
            }
        }
    }

  return layout;
}

void
wm_map_layout_free (WmMapLayout *layout)
{
  if (layout == NULL)
    return;

  g_free (layout->stages);
  g_free (layout->lanes);
  g_free (layout->stage_headers);
  g_free (layout->columns);
  g_free (layout->lane_headers);
  g_free (layout->rows);
  g_free (layout->cards);
  g_free (layout->connectors);
  g_free (layout->points);
  g_hash_table_unref (layout->card_boxes);
  g_free (layout);
}

const WmMapCardBox *
wm_map_layout_card_box (const WmMapLayout *layout,
                        const char        *card)
{
  g_return_val_if_fail (layout != NULL, NULL);
  return card != NULL ? g_hash_table_lookup (layout->card_boxes, card) : NULL;
}

gboolean
wm_map_layout_cell_rect (const WmMapLayout *layout,
                         guint              stage_index,
                         guint              lane_index,
                         WmMapRect         *rect)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  if (stage_index >= layout->n_stages || lane_index >= layout->n_lanes)
    return FALSE;
  rect->x = layout->columns[stage_index].x;
  rect->width = layout->columns[stage_index].width;
  rect->y = layout->rows[lane_index].y;
  rect->height = layout->rows[lane_index].height;
  return TRUE;
}

/* Half the height the curve may use: the lane less its padding and a
 * point's radius. */
static double
emotion_amplitude (const WmMapLayout *layout)
{
  const WmMapRect *row = &layout->rows[layout->emotion_lane];

  return MAX (1, row->height / 2 - layout->cell_padding - POINT_RADIUS * layout->scale);
}

double
wm_map_layout_emotion_y (const WmMapLayout *layout,
                         double             half_steps)
{
  const WmMapRect *row;

  g_return_val_if_fail (layout != NULL, 0);

  if (layout->emotion_lane < 0)
    return 0;
  row = &layout->rows[layout->emotion_lane];
  return row->y + row->height / 2 - half_steps / WM_EMOTION_MAX_HALF_STEPS * emotion_amplitude (layout);
}

int
wm_map_layout_emotion_at (const WmMapLayout *layout,
                          double             y)
{
  const WmMapRect *row;
  double half;

  g_return_val_if_fail (layout != NULL, 0);

  if (layout->emotion_lane < 0)
    return 0;
  row = &layout->rows[layout->emotion_lane];
  half = (row->y + row->height / 2 - y) / emotion_amplitude (layout) * WM_EMOTION_MAX_HALF_STEPS;
  return CLAMP ((int) lround (half), WM_EMOTION_MIN_HALF_STEPS, WM_EMOTION_MAX_HALF_STEPS);
}

static double
segment_distance (double px,
                  double py,
                  double ax,
                  double ay,
                  double bx,
                  double by)
{
  double dx = bx - ax, dy = by - ay;
  double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? CLAMP (((px - ax) * dx + (py - ay) * dy) / length2, 0, 1) : 0;

  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

/* The distance from (@x, @y) to the curve, along 32 chords. */
static double
curve_distance (const WmMapConnectorPath *path,
                double                    x,
                double                    y)
{
  double px = path->x0, py = path->y0;
  double best = G_MAXDOUBLE;

  for (int i = 1; i <= 32; i++)
    {
      double qx, qy;

      bezier_point (path, i / 32.0, &qx, &qy);
      best = MIN (best, segment_distance (x, y, px, py, qx, qy));
      px = qx;
      py = qy;
    }
  return best;
}

void
wm_map_layout_hit (const WmMapLayout *layout,
                   double             x,
                   double             y,
                   WmMapHit          *hit)
{
  double s;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (hit != NULL);

  s = layout->scale;
  *hit = (WmMapHit) { WM_MAP_HIT_NONE, NULL, -1, -1, 0 };

  if (layout->title.height > 0 && in_rect (&layout->title, x, y))
    {
      hit->kind = WM_MAP_HIT_TITLE;
      return;
    }
  for (guint c = 0; c < layout->n_stages; c++)
    if (in_rect (&layout->stage_headers[c], x, y))
      {
        hit->kind = WM_MAP_HIT_STAGE_HEADER;
        hit->stage_index = c;
        hit->id = layout->stages[c]->id;
        break;
      }
  for (guint l = 0; l < layout->n_lanes && hit->kind == WM_MAP_HIT_NONE; l++)
    if (in_rect (&layout->lane_headers[l], x, y))
      {
        hit->kind = WM_MAP_HIT_LANE_HEADER;
        hit->lane_index = l;
        hit->id = layout->lanes[l]->id;
      }
  if (hit->kind != WM_MAP_HIT_NONE)
    return;

  /* The cell under the point, and where a dropped card would go. */
  for (guint c = 0; c < layout->n_stages; c++)
    if (x >= layout->columns[c].x && x < layout->columns[c].x + layout->columns[c].width)
      hit->stage_index = c;
  for (guint l = 0; l < layout->n_lanes; l++)
    if (y >= layout->rows[l].y && y < layout->rows[l].y + layout->rows[l].height)
      hit->lane_index = l;
  if (hit->stage_index < 0 || hit->lane_index < 0)
    {
      hit->stage_index = hit->lane_index = -1;
      return;
    }
  for (guint i = 0; i < layout->n_cards; i++)
    {
      const WmMapCardBox *box = &layout->cards[i];

      if (box->stage_index == (guint) hit->stage_index && box->lane_index == (guint) hit->lane_index &&
          box->rect.y + box->rect.height / 2 < y)
        hit->drop_order++;
    }

  for (guint i = 0; i < layout->n_points; i++)
    if (hypot (x - layout->points[i].x, y - layout->points[i].y) <= POINT_RADIUS * s)
      {
        hit->kind = WM_MAP_HIT_EMOTION_POINT;
        hit->id = layout->points[i].persona->id;
        hit->stage_index = layout->points[i].stage_index;
        return;
      }

  /* Topmost (drawn last) first. */
  for (guint i = layout->n_cards; i > 0; i--)
    {
      const WmMapCardBox *box = &layout->cards[i - 1];
      const WmMapRect *r = &box->rect;

      if (!in_rect (r, x, y))
        continue;
      hit->id = box->card->id;
      if (x >= r->x + r->width - RESIZE_SIZE * s && y >= r->y + r->height - RESIZE_SIZE * s)
        hit->kind = WM_MAP_HIT_CARD_RESIZE;
      else if (x >= r->x + r->width - EDGE_WIDTH * s)
        hit->kind = WM_MAP_HIT_CARD_EDGE;
      else
        hit->kind = WM_MAP_HIT_CARD;
      return;
    }

  /* The nearest curve: several may leave one card together. */
  {
    double best = CURVE_DISTANCE * s;

    for (guint i = 0; i < layout->n_connectors; i++)
      {
        double d = curve_distance (&layout->connectors[i], x, y);

        if (d <= best)
          {
            best = d;
            hit->kind = WM_MAP_HIT_CONNECTOR;
            hit->id = layout->connectors[i].connector->id;
          }
      }
    if (hit->kind == WM_MAP_HIT_CONNECTOR)
      return;
  }

  hit->kind = WM_MAP_HIT_CELL;
}

void
wm_map_viewport_fit (WmMapViewport     *viewport,
                     const WmMapLayout *layout,
                     double             width,
                     double             height)
{
  double zoom;

  g_return_if_fail (viewport != NULL);
  g_return_if_fail (layout != NULL);

  zoom = MIN (1.0, MIN (width / MAX (layout->width, 1), height / MAX (layout->height, 1)));
  viewport->zoom = zoom;
  viewport->x = -(width / zoom - layout->width) / 2;
  viewport->y = -(height / zoom - layout->height) / 2;
}

void
wm_map_viewport_to_map (const WmMapViewport *viewport,
                        double               x,
                        double               y,
                        double              *map_x,
                        double              *map_y)
{
  g_return_if_fail (viewport != NULL && viewport->zoom > 0);

  *map_x = viewport->x + x / viewport->zoom;
  *map_y = viewport->y + y / viewport->zoom;
}
