/* wm-map-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "wm-map-layout.h"
#include "wm-map-route.h"

/* Sizes at scale 1 (the light theme's 13 px labels). */
#define LANE_HEADER     176.0
#define CARD_WIDTH      232.0
#define GUTTER          56.0     /* between two columns' cards: connectors and labels */
#define CARD_RADIUS     8.0

/* The vertical rhythm. */
typedef struct
{
  double margin;
  double title;
  double stage_header;
  double card_height;
  double padding;        /* above and below a lane's cards */
  double card_gap;       /* between stacked cards: room for a label */
  double emotion_row;
} Rhythm;

/* The canvas's: room for two lines of a card's body. */
static const Rhythm roomy = { 24, 44, 44, 92, 10, 24, 140 };
/* A page's (export, slide): cards with one line of body, so that a 16:9
 * page shows type at least as large as the canvas does at zoom 1. */
static const Rhythm compact = { 14, 32, 32, 68, 6, 14, 84 };
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

/* @column: the width of a stage's column at scale 1. */
static WmMapLayout *
layout_new (WmJourneyMap  *map,
            const WmTheme *theme,
            const Rhythm  *rhythm,
            double         column)
{
  WmMapLayout *layout;
  double s, grid_x, grid_y, y, padding, inset, gap;
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
  layout->card_height = rhythm->card_height * s;
  layout->cell_padding = padding = rhythm->padding * s;
  layout->card_radius = CARD_RADIUS * s;
  gap = rhythm->card_gap * s;
  layout->gutter = GUTTER * s;
  inset = layout->gutter / 2;
  column *= s;
  layout->emotion_lane = -1;
  layout->card_boxes = g_hash_table_new (g_str_hash, g_str_equal);

  layout->title = (WmMapRect) { rhythm->margin * s, rhythm->margin * s, 0, 0 };
  if (*wm_journey_map_get_title (map) != '\0')
    layout->title.height = rhythm->title * s;
  grid_x = rhythm->margin * s + LANE_HEADER * s;
  grid_y = layout->title.y + layout->title.height + rhythm->stage_header * s;
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

        box->rect.x = grid_x + box->stage_index * column + inset;
        box->rect.y = top;
        box->rect.width = box->span * column - 2 * inset;
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
          height = MAX (height, rhythm->emotion_row * s);
          if (layout->emotion_lane < 0)
            layout->emotion_lane = l;
        }
      layout->lane_headers[l] = (WmMapRect) { rhythm->margin * s, y, LANE_HEADER * s, height };
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
      layout->stage_headers[c] = (WmMapRect) { grid_x + c * column, grid_y - rhythm->stage_header * s,
                                               column, rhythm->stage_header * s };
      layout->columns[c] = (WmMapRect) { grid_x + c * column, grid_y, column, y - grid_y };
    }

  layout->width = grid_x + n_stages * column + rhythm->margin * s;
  layout->height = y + rhythm->margin * s;

  wm_map_route_connectors (layout, map);

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

WmMapLayout *
wm_map_layout_new (WmJourneyMap  *map,
                   const WmTheme *theme)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (map), NULL);
  g_return_val_if_fail (theme != NULL, NULL);

  return layout_new (map, theme, &roomy, CARD_WIDTH + GUTTER);
}

WmMapLayout *
wm_map_layout_new_wide (WmJourneyMap  *map,
                        const WmTheme *theme,
                        double         aspect)
{
  WmMapLayout *layout;
  double s, fixed, column;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (map), NULL);
  g_return_val_if_fail (theme != NULL, NULL);

  layout = layout_new (map, theme, &roomy, CARD_WIDTH + GUTTER);
  if (layout->n_stages == 0 || layout->width >= aspect * layout->height)
    return layout;
  /* Too high for the page: shorter cards, then columns widened to fill
   * it (which leaves the height as it is). */
  wm_map_layout_free (layout);
  layout = layout_new (map, theme, &compact, CARD_WIDTH + GUTTER);
  if (layout->width >= aspect * layout->height)
    return layout;
  s = layout->scale;
  fixed = layout->width - layout->n_stages * (CARD_WIDTH + GUTTER) * s;
  column = (aspect * layout->height - fixed) / layout->n_stages / s;
  wm_map_layout_free (layout);
  return layout_new (map, theme, &compact, column);
}

void
wm_map_layout_free (WmMapLayout *layout)
{
  if (layout == NULL)
    return;

  for (guint i = 0; i < layout->n_connectors; i++)
    {
      g_free (layout->connectors[i].label_text);
      g_free (layout->connectors[i].label_full);
    }

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

  /* A label, then the nearest path. */
  for (guint i = 0; i < layout->n_connectors; i++)
    if (layout->connectors[i].label_text != NULL && in_rect (&layout->connectors[i].label, x, y))
      {
        hit->kind = WM_MAP_HIT_CONNECTOR;
        hit->id = layout->connectors[i].connector->id;
        return;
      }
  {
    double best = CURVE_DISTANCE * s;

    for (guint i = 0; i < layout->n_connectors; i++)
      {
        double d = wm_map_connector_distance (&layout->connectors[i], x, y);

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
