/* wm-map-route.c: orthogonal connector paths with rounded corners
 *
 * A connector between columns leaves its card sideways to a track of the
 * gutter next to it, runs along the gutter, crosses the columns in between
 * (if any) in a band no card occupies, runs along the gutter next to its
 * target and enters it sideways. Within one column it goes from one card's
 * bottom (or top) to the other's top (or bottom). Every card edge spreads
 * its connectors over distinct points, ordered by where their other ends
 * are so that they do not cross; every gutter gives each run its own track.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "wm-map-route.h"

#define CORNER_RADIUS   12.0
#define KAPPA           0.5523   /* control distance of a quarter circle */
#define TRACK_INSET     8.0      /* off the cards on a gutter's left */
#define ARRIVAL_ROOM    14.0     /* before a card on its right: arrowhead */
#define BAND_HALF       6.0      /* clearance of a crossing band */

typedef enum
{
  SIDE_RIGHT,
  SIDE_LEFT,
  SIDE_BOTTOM,
  SIDE_TOP,
} Side;

typedef struct
{
  WmMapConnectorPath *path;
  const WmMapCardBox *from, *to;
  Side                from_side, to_side;
  double              ax, ay, bx, by;         /* attach points */
  int                 out_gutter, in_gutter;  /* −1: vertical, within a column */
  double              band;                   /* the crossing's y */
  double              out_track, in_track;    /* x of the gutter runs */
} Plan;

typedef struct
{
  Plan     *plan;
  gboolean  source;   /* the plan's from end, else its to end */
  double    key;      /* where the other end is, along the edge */
  guint     index;
} Slot;

typedef struct
{
  Plan     *plan;
  gboolean  out;      /* the run next to the source, else next to the target */
  double    y0, y1;   /* from, to */
  gboolean  exits_left;
  guint     index;
} Run;

static double
gutter_x (const WmMapLayout *layout,
          int                g)
{
  const WmMapRect *last = &layout->columns[layout->n_stages - 1];

  return (guint) g < layout->n_stages ? layout->columns[g].x : last->x + last->width;
}

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const Slot *sa = a, *sb = b;

  if (sa->key != sb->key)
    return sa->key < sb->key ? -1 : 1;
  return (sa->index > sb->index) - (sa->index < sb->index);
}

/* Spreads the slots of one card edge evenly along it. */
static void
assign_slots (GArray             *slots,
              const WmMapCardBox *box,
              Side                side,
              double              inset)
{
  const WmMapRect *r = &box->rect;
  gboolean vertical = side == SIDE_LEFT || side == SIDE_RIGHT;
  double start = vertical ? r->y : r->x, length = vertical ? r->height : r->width;

  g_array_sort (slots, compare_slots);
  length -= 2 * inset;
  start += inset;
  for (guint i = 0; i < slots->len; i++)
    {
      Slot *slot = &g_array_index (slots, Slot, i);
      Plan *p = slot->plan;
      double along = start + length * (i + 1) / (slots->len + 1);
      double edge = side == SIDE_RIGHT ? r->x + r->width : side == SIDE_LEFT ? r->x
                    : side == SIDE_BOTTOM ? r->y + r->height : r->y;
      double *x = slot->source ? &p->ax : &p->bx, *y = slot->source ? &p->ay : &p->by;

      *x = vertical ? edge : along;
      *y = vertical ? along : edge;
    }
}

/* Gives every card edge's connectors their points. */
static void
attach (Plan  *plans,
        guint  n_plans)
{
  g_autoptr(GHashTable) edges = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                       (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < n_plans; i++)
    for (guint end = 0; end < 2; end++)
      {
        Plan *p = &plans[i];
        const WmMapCardBox *box = end == 0 ? p->from : p->to, *other = end == 0 ? p->to : p->from;
        Side side = end == 0 ? p->from_side : p->to_side;
        /* One key per (card, side): a card box's address is unique. */
        gpointer edge = (gpointer) ((const char *) box + side);
        GArray *slots = g_hash_table_lookup (edges, edge);
        Slot slot = { p, end == 0, 0, i };

        if (slots == NULL)
          g_hash_table_insert (edges, edge, slots = g_array_new (FALSE, FALSE, sizeof (Slot)));
        slot.key = side == SIDE_LEFT || side == SIDE_RIGHT ? other->rect.y + other->rect.height / 2
                                                           : other->rect.x + other->rect.width / 2;
        g_array_append_val (slots, slot);
      }

  g_hash_table_iter_init (&iter, edges);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *slots = value;
      const Slot *first = &g_array_index (slots, Slot, 0);
      const WmMapCardBox *box = first->source ? first->plan->from : first->plan->to;
      Side side = (Side) ((const char *) key - (const char *) box);

      assign_slots (slots, box, side, 0);
    }
}

/* Whether @a is a better band than @b between @y0 and @y1: shorter; of
 * equals, nearer the source's end; then higher. */
static gboolean
better_band (double a,
             double b,
             double y0,
             double y1)
{
  double ca = fabs (a - y0) + fabs (a - y1), cb = fabs (b - y0) + fabs (b - y1);

  if (ca != cb)
    return ca < cb;
  if (fabs (a - y0) != fabs (b - y0))
    return fabs (a - y0) < fabs (b - y0);
  return a < b;
}

static int
compare_tops (gconstpointer a,
              gconstpointer b)
{
  const WmMapRect *ra = *(const WmMapRect **) a, *rb = *(const WmMapRect **) b;

  return (ra->y > rb->y) - (ra->y < rb->y);
}

/* A y as near @y0 and @y1 as can be where a horizontal band from @x0 to
 * @x1 meets no card (kept a little off them where there is room); @y0
 * if there is none. */
static double
find_band (const WmMapLayout *layout,
           GPtrArray         *by_top,
           double             x0,
           double             x1,
           double             y0,
           double             y1)
{
  double clearance = BAND_HALF * layout->scale, off = 2 * BAND_HALF * layout->scale;
  double top = layout->rows[0].y, bottom = layout->rows[layout->n_lanes - 1].y + layout->rows[layout->n_lanes - 1].height;
  double best = y0, reach;
  gboolean found = FALSE;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (double) * 2);

  /* Where the cards in the columns crossed block, in order (@by_top: the
   * cards' rectangles, top first). */
  for (guint i = 0; i < by_top->len; i++)
    {
      const WmMapRect *r = g_ptr_array_index (by_top, i);
      double span[2] = { r->y - clearance, r->y + r->height + clearance };

      if (r->x < x1 && r->x + r->width > x0)
        g_array_append_val (spans, span);
    }

  /* Each gap between them offers its point nearest @y0. */
  reach = top;
  for (guint i = 0; i <= spans->len; i++)
    {
      const double *span = i < spans->len ? &g_array_index (spans, double, 2 * i) : NULL;
      double gap_end = span != NULL ? MIN (span[0], bottom) : bottom;

      if (gap_end >= reach)
        {
          double margin = MIN (off, (gap_end - reach) / 2);
          double y = CLAMP (y0, reach + margin, gap_end - margin);

          if (!found || better_band (y, best, y0, y1))
            {
              best = y;
              found = TRUE;
            }
        }
      if (span != NULL)
        reach = MAX (reach, span[1]);
    }
  return best;
}

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const Run *ra = a, *rb = b;
  gboolean down_a = ra->y1 >= ra->y0, down_b = rb->y1 >= rb->y0;

  /* Runs turning right first (on the right), as those turning left cross
   * nothing on the left; runs going down, those starting higher on the
   * right (their turns then cross no other run); runs going up mirrored. */
  if (ra->exits_left != rb->exits_left)
    return ra->exits_left ? 1 : -1;
  if (down_a != down_b)
    return down_a ? -1 : 1;
  if (ra->y0 != rb->y0)
    return (ra->y0 < rb->y0) == down_a ? -1 : 1;
  return (ra->index > rb->index) - (ra->index < rb->index);
}

/* Gives every run along gutter @g its own track. */
static void
assign_tracks (const WmMapLayout *layout,
               int                g,
               GArray            *runs)
{
  double s = layout->scale, half = layout->gutter / 2, x = gutter_x (layout, g);
  double left = g == 0 ? x + 4 * s : x - half + TRACK_INSET * s;
  double right = (guint) g == layout->n_stages ? x - 4 * s : x + half - ARRIVAL_ROOM * s;

  if (right < left)
    right = left = (left + right) / 2;
  g_array_sort (runs, compare_runs);
  for (guint i = 0; i < runs->len; i++)
    {
      Run *run = &g_array_index (runs, Run, i);
      double track = right - (right - left) * (i + 0.5) / runs->len;

      if (run->out)
        run->plan->out_track = track;
      else
        run->plan->in_track = track;
    }
}

/* Appends the cubic from (@ax, @ay) through @c1, @c2 to (@bx, @by). */
static void
add_curve (WmMapConnectorPath *path,
           double              c1x,
           double              c1y,
           double              c2x,
           double              c2y,
           double              bx,
           double              by)
{
  double *c;

  g_return_if_fail (path->n_curves < WM_MAP_PATH_MAX_CURVES);
  c = path->curves[path->n_curves++];
  c[0] = c1x, c[1] = c1y, c[2] = c2x, c[3] = c2y, c[4] = bx, c[5] = by;
}

static void
add_line (WmMapConnectorPath *path,
          double              ax,
          double              ay,
          double              bx,
          double              by)
{
  if (fabs (bx - ax) < 1e-9 && fabs (by - ay) < 1e-9)
    return;
  add_curve (path, ax + (bx - ax) / 3, ay + (by - ay) / 3, ax + 2 * (bx - ax) / 3, ay + 2 * (by - ay) / 3, bx, by);
}

/* The polyline @x, @y (@n points) as straight runs and rounded corners. */
static void
smooth (WmMapConnectorPath *path,
        const double       *x,
        const double       *y,
        guint               n,
        double              radius)
{
  double px = x[0], py = y[0];

  path->n_curves = 0;
  for (guint i = 1; i + 1 < n; i++)
    {
      double in = hypot (x[i] - x[i - 1], y[i] - y[i - 1]), out = hypot (x[i + 1] - x[i], y[i + 1] - y[i]);
      double r = MIN (radius, MIN (in, out) / 2);
      double ux, uy, vx, vy;

      if (in < 1e-9 || out < 1e-9)
        continue;
      ux = (x[i] - x[i - 1]) / in, uy = (y[i] - y[i - 1]) / in;
      vx = (x[i + 1] - x[i]) / out, vy = (y[i + 1] - y[i]) / out;
      add_line (path, px, py, x[i] - ux * r, y[i] - uy * r);
      add_curve (path, x[i] - ux * r * (1 - KAPPA), y[i] - uy * r * (1 - KAPPA),
                 x[i] + vx * r * (1 - KAPPA), y[i] + vy * r * (1 - KAPPA),
                 x[i] + vx * r, y[i] + vy * r);
      px = x[i] + vx * r;
      py = y[i] + vy * r;
    }
  add_line (path, px, py, x[n - 1], y[n - 1]);
  if (path->n_curves == 0)
    add_line (path, x[0], y[0], x[n - 1], y[n - 1] + 1e-6);
}

/* Appends (@x, @y) unless it repeats the last point. */
static void
push (double *xs,
      double *ys,
      guint  *n,
      double  x,
      double  y)
{
  if (*n > 0 && fabs (xs[*n - 1] - x) < 1e-9 && fabs (ys[*n - 1] - y) < 1e-9)
    return;
  xs[*n] = x;
  ys[(*n)++] = y;
}

static void
build (const WmMapLayout *layout,
       Plan              *p)
{
  WmMapConnectorPath *path = p->path;
  double xs[8], ys[8];
  guint n = 0;

  push (xs, ys, &n, p->ax, p->ay);
  if (p->out_gutter < 0)
    {
      /* Within a column: down (or up), with a jog halfway if need be. */
      double mid = (p->ay + p->by) / 2;

      push (xs, ys, &n, p->ax, mid);
      push (xs, ys, &n, p->bx, mid);
    }
  else if (p->out_gutter == p->in_gutter)
    {
      if (fabs (p->ay - p->by) >= 0.5)
        {
          push (xs, ys, &n, p->out_track, p->ay);
          push (xs, ys, &n, p->out_track, p->by);
        }
      else
        p->by = p->ay;
    }
  else
    {
      if (fabs (p->band - p->ay) >= 0.5)
        {
          push (xs, ys, &n, p->out_track, p->ay);
          push (xs, ys, &n, p->out_track, p->band);
        }
      if (fabs (p->band - p->by) >= 0.5)
        {
          push (xs, ys, &n, p->in_track, p->band);
          push (xs, ys, &n, p->in_track, p->by);
        }
      else
        p->by = p->band;
    }
  push (xs, ys, &n, p->bx, p->by);

  /* Collinear middle points add nothing. */
  for (guint i = 1; i + 1 < n; i++)
    if ((fabs (xs[i - 1] - xs[i]) < 1e-9 && fabs (xs[i] - xs[i + 1]) < 1e-9) ||
        (fabs (ys[i - 1] - ys[i]) < 1e-9 && fabs (ys[i] - ys[i + 1]) < 1e-9))
      {
        memmove (xs + i, xs + i + 1, (n - i - 1) * sizeof (double));
        memmove (ys + i, ys + i + 1, (n - i - 1) * sizeof (double));
        n--;
        i--;
      }

  path->x0 = xs[0];
  path->y0 = ys[0];
  path->x3 = xs[n - 1];
  path->y3 = ys[n - 1];
  path->end_angle = atan2 (ys[n - 1] - ys[n - 2], xs[n - 1] - xs[n - 2]);
  smooth (path, xs, ys, n, CORNER_RADIUS * layout->scale);
}

/* The middle of @path by length, along 8 chords a curve. */
static void
middle (WmMapConnectorPath *path)
{
  double xs[WM_MAP_PATH_MAX_CURVES * 8 + 1], ys[WM_MAP_PATH_MAX_CURVES * 8 + 1];
  double walked[WM_MAP_PATH_MAX_CURVES * 8 + 1];
  guint n = path->n_curves * 8 + 1;

  xs[0] = path->x0, ys[0] = path->y0, walked[0] = 0;
  for (guint i = 1; i < n; i++)
    {
      wm_map_connector_point (path, i / 8.0, &xs[i], &ys[i]);
      walked[i] = walked[i - 1] + sqrt ((xs[i] - xs[i - 1]) * (xs[i] - xs[i - 1]) +
                                        (ys[i] - ys[i - 1]) * (ys[i] - ys[i - 1]));
    }
  for (guint i = 1; i < n; i++)
    if (walked[i] >= walked[n - 1] / 2)
      {
        double d = walked[i] - walked[i - 1];
        double f = d > 0 ? (walked[n - 1] / 2 - walked[i - 1]) / d : 0;

        path->label_x = xs[i - 1] + (xs[i] - xs[i - 1]) * f;
        path->label_y = ys[i - 1] + (ys[i] - ys[i - 1]) * f;
        return;
      }
  path->label_x = path->x3;
  path->label_y = path->y3;
}

/* Whether a card stands between @a and @b, one above the other. */
static gboolean
blocked (const WmMapLayout  *layout,
         const WmMapCardBox *a,
         const WmMapCardBox *b)
{
  double x0 = MAX (a->rect.x, b->rect.x), x1 = MIN (a->rect.x + a->rect.width, b->rect.x + b->rect.width);
  double y0 = MIN (a->rect.y + a->rect.height, b->rect.y + b->rect.height), y1 = MAX (a->rect.y, b->rect.y);

  for (guint i = 0; i < layout->n_cards; i++)
    {
      const WmMapRect *r = &layout->cards[i].rect;

      if (&layout->cards[i] != a && &layout->cards[i] != b &&
          r->x < x1 && r->x + r->width > x0 && r->y < y1 && r->y + r->height > y0)
        return TRUE;
    }
  return FALSE;
}

void
wm_map_route_connectors (WmMapLayout  *layout,
                         WmJourneyMap *map)
{
  guint n = wm_journey_map_get_n_connectors (map);
  g_autofree Plan *plans = g_new0 (Plan, MAX (n, 1));
  g_autofree GArray **gutters = NULL;
  g_autoptr(GPtrArray) by_top = NULL;
  guint n_plans = 0;

  layout->connectors = g_new0 (WmMapConnectorPath, MAX (n, 1));
  layout->n_connectors = 0;
  if (layout->n_stages == 0)
    return;

  /* Which sides, which gutters. */
  for (guint i = 0; i < n; i++)
    {
      const WmMapConnector *connector = wm_journey_map_get_connector (map, i);
      const WmMapCardBox *from = wm_map_layout_card_box (layout, connector->from);
      const WmMapCardBox *to = wm_map_layout_card_box (layout, connector->to);
      Plan *p = &plans[n_plans];
      guint from_end, to_end;

      if (from == NULL || to == NULL || from == to)
        continue;
      p->path = &layout->connectors[layout->n_connectors++];
      p->path->connector = connector;
      p->path->from = from;
      p->path->to = to;
      p->from = from;
      p->to = to;
      from_end = from->stage_index + from->span - 1;
      to_end = to->stage_index + to->span - 1;
      if (to->stage_index > from_end)
        {
          p->from_side = SIDE_RIGHT, p->to_side = SIDE_LEFT;
          p->out_gutter = from_end + 1;
          p->in_gutter = to->stage_index;
        }
      else if (to_end < from->stage_index)
        {
          p->from_side = SIDE_LEFT, p->to_side = SIDE_RIGHT;
          p->out_gutter = from->stage_index;
          p->in_gutter = to_end + 1;
        }
      else if (!blocked (layout, from, to))
        {
          gboolean down = to->rect.y >= from->rect.y;

          p->from_side = down ? SIDE_BOTTOM : SIDE_TOP;
          p->to_side = down ? SIDE_TOP : SIDE_BOTTOM;
          p->out_gutter = p->in_gutter = -1;
        }
      else
        {
          /* Around what is in between, along the gutter on the right. */
          p->from_side = p->to_side = SIDE_RIGHT;
          p->out_gutter = p->in_gutter = MAX (from_end, to_end) + 1;
        }
      n_plans++;
    }

  attach (plans, n_plans);

  /* Crossings, then each gutter's runs. */
  by_top = g_ptr_array_sized_new (layout->n_cards);
  for (guint i = 0; i < layout->n_cards; i++)
    g_ptr_array_add (by_top, &layout->cards[i].rect);
  g_ptr_array_sort (by_top, compare_tops);
  gutters = g_new0 (GArray *, layout->n_stages + 1);
  for (guint i = 0; i < n_plans; i++)
    {
      Plan *p = &plans[i];
      Run run = { p, TRUE, p->ay, p->by, p->to_side == SIDE_RIGHT, i };

      if (p->out_gutter < 0)
        continue;
      p->band = p->ay;
      if (p->out_gutter != p->in_gutter)
        {
          double x0 = gutter_x (layout, MIN (p->out_gutter, p->in_gutter));
          double x1 = gutter_x (layout, MAX (p->out_gutter, p->in_gutter));

          p->band = find_band (layout, by_top, x0, x1, p->ay, p->by);
          run.y1 = p->band;
          run.exits_left = p->in_gutter < p->out_gutter;
        }
      for (guint k = 0; k < 2; k++)
        {
          int g = k == 0 ? p->out_gutter : p->in_gutter;

          if (k == 1)
            {
              if (p->out_gutter == p->in_gutter)
                break;
              run = (Run) { p, FALSE, p->band, p->by, p->to_side == SIDE_RIGHT, i };
            }
          if (fabs (run.y1 - run.y0) < 0.5)
            continue;
          if (gutters[g] == NULL)
            gutters[g] = g_array_new (FALSE, FALSE, sizeof (Run));
          g_array_append_val (gutters[g], run);
        }
    }
  for (guint g = 0; g <= layout->n_stages; g++)
    if (gutters[g] != NULL)
      {
        assign_tracks (layout, g, gutters[g]);
        g_array_unref (gutters[g]);
      }

  for (guint i = 0; i < n_plans; i++)
    {
      build (layout, &plans[i]);
      middle (plans[i].path);
    }
}

void
wm_map_connector_point (const WmMapConnectorPath *path,
                        double                    t,
                        double                   *x,
                        double                   *y)
{
  guint i;
  const double *c;
  double ax, ay, u;

  g_return_if_fail (path != NULL && path->n_curves > 0);

  t = CLAMP (t, 0, path->n_curves);
  i = MIN ((guint) t, path->n_curves - 1);
  t -= i;
  ax = i == 0 ? path->x0 : path->curves[i - 1][4];
  ay = i == 0 ? path->y0 : path->curves[i - 1][5];
  c = path->curves[i];
  u = 1 - t;
  *x = u * u * u * ax + 3 * u * u * t * c[0] + 3 * u * t * t * c[2] + t * t * t * c[4];
  *y = u * u * u * ay + 3 * u * u * t * c[1] + 3 * u * t * t * c[3] + t * t * t * c[5];
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

double
wm_map_connector_distance (const WmMapConnectorPath *path,
                           double                    x,
                           double                    y)
{
  double px = path->x0, py = path->y0, best = G_MAXDOUBLE;

  g_return_val_if_fail (path != NULL, G_MAXDOUBLE);

  for (guint i = 0; i < path->n_curves * 8; i++)
    {
      double qx, qy;

      wm_map_connector_point (path, (i + 1) / 8.0, &qx, &qy);
      best = MIN (best, segment_distance (x, y, px, py, qx, qy));
      px = qx, py = qy;
    }
  return best;
}

WmMapRect
wm_map_connector_bounds (const WmMapConnectorPath *path)
{
  double x0 = path->x0, y0 = path->y0, x1 = path->x0, y1 = path->y0;

  for (guint i = 0; i < path->n_curves; i++)
    for (guint k = 0; k < 6; k += 2)
      {
        x0 = MIN (x0, path->curves[i][k]), x1 = MAX (x1, path->curves[i][k]);
        y0 = MIN (y0, path->curves[i][k + 1]), y1 = MAX (y1, path->curves[i][k + 1]);
      }
  if (path->label_text != NULL)
    {
      x0 = MIN (x0, path->label.x), x1 = MAX (x1, path->label.x + path->label.width);
      y0 = MIN (y0, path->label.y), y1 = MAX (y1, path->label.y + path->label.height);
    }
  return (WmMapRect) { x0, y0, x1 - x0, y1 - y0 };
}
