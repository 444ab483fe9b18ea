/* wm-map-labels.c: where the connectors' labels go
 *
 * Each label is tried at points along its path (the middle first), centred
 * on the path, beside it and at its corners; the first spot that stays on
 * the grid and meets no card, emotion point or label placed before wins,
 * and on small maps (the test grows with the square of the connectors)
 * preferably one that crosses no other connector either. Failing both, a
 * label is tucked under (or over) its target or its source card. The
 * busiest connectors choose first. A label with no room anywhere is
 * tried shortened, then as its count alone, and is otherwise left to the
 * canvas's tooltip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "wm-map-layout.h"
#include "wm-format.h"

#define PILL_PAD_X        5.0
#define PILL_PAD_Y        1.0
#define CARD_CLEARANCE    2.5
#define LABEL_CLEARANCE   2.0
#define PATH_GAP          3.0
#define POINT_CLEARANCE   9.0
#define SAMPLES_PER_CURVE 8
#define MAX_AVOIDING      100   /* connectors: up to this many, labels keep off paths */

typedef struct
{
  const WmMapLayout *layout;
  GPtrArray        **by_column;  /* the cards reaching into each column */
  GArray            *taken;      /* WmMapRect: the labels placed */
  WmMapRect          grid;
  double             s;
} Space;

static gboolean
meet (const WmMapRect *a,
      const WmMapRect *b,
      double           margin)
{
  return a->x < b->x + b->width + margin && b->x < a->x + a->width + margin &&
         a->y < b->y + b->height + margin && b->y < a->y + a->height + margin;
}

/* Whether @r meets a curve of a connector other than @own (its control
 * points' box). */
static gboolean
on_a_path (Space                    *space,
           const WmMapConnectorPath *own,
           const WmMapRect          *r)
{
  const WmMapLayout *layout = space->layout;

  for (guint i = 0; i < layout->n_connectors; i++)
    {
      const WmMapConnectorPath *p = &layout->connectors[i];
      double ax = p->x0, ay = p->y0;

      if (p == own)
        continue;
      for (guint k = 0; k < p->n_curves; k++)
        {
          const double *c = p->curves[k];
          WmMapRect box = { MIN (MIN (ax, c[0]), MIN (c[2], c[4])), MIN (MIN (ay, c[1]), MIN (c[3], c[5])), 0, 0 };

          box.width = MAX (MAX (ax, c[0]), MAX (c[2], c[4])) - box.x;
          box.height = MAX (MAX (ay, c[1]), MAX (c[3], c[5])) - box.y;
          if (meet (&box, r, space->s))
            return TRUE;
          ax = c[4], ay = c[5];
        }
    }
  return FALSE;
}

static gboolean
is_free (Space           *space,
         const WmMapRect *r)
{
  const WmMapLayout *layout = space->layout;
  guint first = 0, last = layout->n_stages - 1;

  if (r->x < space->grid.x || r->y < space->grid.y || r->x + r->width > space->grid.x + space->grid.width ||
      r->y + r->height > space->grid.y + space->grid.height)
    return FALSE;

  while (first < last && layout->columns[first].x + layout->columns[first].width <= r->x)
    first++;
  while (last > first && layout->columns[last].x >= r->x + r->width)
    last--;
  for (guint c = first; c <= last; c++)
    for (guint i = 0; i < space->by_column[c]->len; i++)
      if (meet (&((const WmMapCardBox *) g_ptr_array_index (space->by_column[c], i))->rect, r,
                CARD_CLEARANCE * space->s))
        return FALSE;

  for (guint i = 0; i < layout->n_points; i++)
    {
      double d = POINT_CLEARANCE * space->s;
      WmMapRect point = { layout->points[i].x - d, layout->points[i].y - d, 2 * d, 2 * d };

      if (meet (&point, r, 0))
        return FALSE;
    }
  for (guint i = 0; i < space->taken->len; i++)
    if (meet (&g_array_index (space->taken, WmMapRect, i), r, LABEL_CLEARANCE * space->s))
      return FALSE;
  return TRUE;
}

/* Points along @path at even steps, with the length walked to each. */
static GArray *
sample (const WmMapConnectorPath *path,
        double                   *length)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (double) * 3);
  double p[3] = { path->x0, path->y0, 0 };

  g_array_append_val (points, p);
  for (guint i = 0; i < path->n_curves * SAMPLES_PER_CURVE; i++)
    {
      double q[3];

      wm_map_connector_point (path, (i + 1) / (double) SAMPLES_PER_CURVE, &q[0], &q[1]);
      q[2] = p[2] + hypot (q[0] - p[0], q[1] - p[1]);
      g_array_append_val (points, q);
      memcpy (p, q, sizeof p);
    }
  *length = p[2];
  return points;
}

/* The point at @along (a length) of @points, and the direction there. */
static void
point_at (GArray *points,
          double  along,
          double *x,
          double *y,
          double *dx,
          double *dy)
{
  for (guint i = 1; i < points->len; i++)
    {
      const double *a = &g_array_index (points, double, 3 * (i - 1));
      const double *b = &g_array_index (points, double, 3 * i);

      if (b[2] >= along || i + 1 == points->len)
        {
          double f = b[2] > a[2] ? CLAMP ((along - a[2]) / (b[2] - a[2]), 0, 1) : 0;

          *x = a[0] + (b[0] - a[0]) * f;
          *y = a[1] + (b[1] - a[1]) * f;
          *dx = b[0] - a[0];
          *dy = b[1] - a[1];
          return;
        }
    }
  *x = *y = *dx = *dy = 0;
}

/* A free spot for a @width × @height pill along @path; with @avoid, off
 * the other connectors too. */
static gboolean
find_spot_pass (Space                    *space,
                const WmMapConnectorPath *path,
                GArray                   *points,
                double                    length,
                double                    width,
                double                    height,
                gboolean                  avoid,
                WmMapRect                *spot)
{
  static const double fractions[] = { 0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.1, 0.9 };
  double gap = PATH_GAP * space->s;
  const WmMapRect *from = &path->from->rect, *to = &path->to->rect;
  /* Tucked under or over the target, or the source. */
  double tucks[4][2] = {
    { to->x, to->y + to->height + gap }, { to->x, to->y - gap - height },
    { from->x + from->width - width, from->y + from->height + gap }, { from->x + from->width - width, from->y - gap - height },
  };

  for (guint f = 0; f <= G_N_ELEMENTS (fractions); f++)
    {
      double x, y, dx, dy;
      double spots[7][2];
      guint n_spots = 7;

      /* Tucked away only when nothing along the path will do. */
      if (f == G_N_ELEMENTS (fractions) && avoid)
        break;
      if (f == G_N_ELEMENTS (fractions))
        {
          memcpy (spots, tucks, sizeof tucks);
          n_spots = G_N_ELEMENTS (tucks);
        }
      else
        {
          point_at (points, length * fractions[f], &x, &y, &dx, &dy);
          /* On the path (unless it would hide a short one); beside it;
           * at its corners. */
          spots[0][0] = x - width / 2, spots[0][1] = y - height / 2;
          if (length < width + 8 * gap)
            spots[0][0] = G_MAXDOUBLE / 4;
          if (fabs (dy) > fabs (dx))
            {
              spots[1][0] = x + gap, spots[1][1] = y - height / 2;
              spots[2][0] = x - gap - width, spots[2][1] = y - height / 2;
            }
          else
            {
              spots[1][0] = x - width / 2, spots[1][1] = y - gap - height;
              spots[2][0] = x - width / 2, spots[2][1] = y + gap;
            }
          spots[3][0] = x + gap, spots[3][1] = y + gap;
          spots[4][0] = x - gap - width, spots[4][1] = y + gap;
          spots[5][0] = x + gap, spots[5][1] = y - gap - height;
          spots[6][0] = x - gap - width, spots[6][1] = y - gap - height;
        }

      for (guint k = 0; k < n_spots; k++)
        {
          WmMapRect r = { spots[k][0], spots[k][1], width, height };

          if (is_free (space, &r) && (!avoid || !on_a_path (space, path, &r)))
            {
              *spot = r;
              return TRUE;
            }
        }
    }
  return FALSE;
}

static gboolean
find_spot (Space                    *space,
           const WmMapConnectorPath *path,
           double                    width,
           double                    height,
           WmMapRect                *spot)
{
  g_autoptr(GArray) points = NULL;
  double length;

  points = sample (path, &length);
  return (space->layout->n_connectors <= MAX_AVOIDING &&
          find_spot_pass (space, path, points, length, width, height, TRUE, spot)) ||
         find_spot_pass (space, path, points, length, width, height, FALSE, spot);
}

static guint64
volume (const WmMapMetrics       *metrics,
        const WmMapConnectorPath *path)
{
  const WmMapConnectorMetric *metric = metrics != NULL ? wm_map_metrics_get_connector (metrics, path->connector->id)
                                                       : NULL;

  return metric != NULL ? metric->customers : 0;
}

static int
compare_volumes (gconstpointer a,
                 gconstpointer b,
                 gpointer      metrics)
{
  const WmMapConnectorPath *pa = *(WmMapConnectorPath **) a, *pb = *(WmMapConnectorPath **) b;
  guint64 va = volume (metrics, pa), vb = volume (metrics, pb);

  if (va != vb)
    return va > vb ? -1 : 1;
  return (pa > pb) - (pa < pb);
}

/* The texts to try for @path, longest first (empty: nothing to say). */
static GPtrArray *
variants (const WmMapConnectorPath *path,
          const WmMapMetrics       *metrics,
          const WmTextMeasurer     *measurer,
          double                    size)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  const WmMapConnectorMetric *metric = metrics != NULL ? wm_map_metrics_get_connector (metrics, path->connector->id)
                                                       : NULL;
  g_autofree char *label = g_strdup (path->connector->label);
  g_autofree char *count = metric != NULL ? wm_format_count (metric->customers) : NULL;
  g_autofree char *half = NULL;
  double w, h;

  g_strdelimit (label, "\r\n\t", ' ');
  g_strstrip (label);
  if (*label != '\0')
    {
      wm_text_measure (measurer, label, size, WM_TEXT_REGULAR, &w, &h);
      half = wm_text_ellipsize (measurer, label, size, WM_TEXT_REGULAR, w / 2, &w);
    }

  if (*label != '\0' && count != NULL)
    {
      g_ptr_array_add (texts, g_strdup_printf ("%s · %s", label, count));
      if (half != NULL)
        g_ptr_array_add (texts, g_strdup_printf ("%s · %s", half, count));
      g_ptr_array_add (texts, g_steal_pointer (&count));
    }
  else if (*label != '\0')
    {
      g_ptr_array_add (texts, g_steal_pointer (&label));
      if (half != NULL)
        g_ptr_array_add (texts, g_steal_pointer (&half));
    }
  else if (count != NULL)
    g_ptr_array_add (texts, g_steal_pointer (&count));
  return texts;
}

void
wm_map_layout_place_labels (WmMapLayout          *layout,
                            const WmMapMetrics   *metrics,
                            const WmTextMeasurer *measurer,
                            double                size)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (WmMapRect));
  g_autofree GPtrArray **by_column = NULL;
  Space space;
  double s;

  g_return_if_fail (layout != NULL);

  s = layout->scale;
  layout->labels_placed = TRUE;
  for (guint i = 0; i < layout->n_connectors; i++)
    {
      WmMapConnectorPath *path = &layout->connectors[i];

      g_clear_pointer (&path->label_text, g_free);
      g_clear_pointer (&path->label_full, g_free);
      path->label = (WmMapRect) { path->label_x, path->label_y, 0, 0 };
      g_ptr_array_add (order, path);
    }
  if (layout->n_stages == 0 || layout->n_lanes == 0)
    return;

  by_column = g_new0 (GPtrArray *, layout->n_stages);
  for (guint c = 0; c < layout->n_stages; c++)
    by_column[c] = g_ptr_array_new ();
  for (guint i = 0; i < layout->n_cards; i++)
    for (guint c = layout->cards[i].stage_index; c < layout->cards[i].stage_index + layout->cards[i].span; c++)
      g_ptr_array_add (by_column[c], &layout->cards[i]);

  space = (Space) {
    .layout = layout, .by_column = by_column, .taken = taken, .s = s,
    .grid = { layout->columns[0].x, layout->rows[0].y,
              layout->columns[layout->n_stages - 1].x + layout->columns[layout->n_stages - 1].width
              - layout->columns[0].x,
              layout->rows[layout->n_lanes - 1].y + layout->rows[layout->n_lanes - 1].height - layout->rows[0].y },
  };

  g_ptr_array_sort_with_data (order, compare_volumes, (gpointer) metrics);

  for (guint i = 0; i < order->len; i++)
    {
      WmMapConnectorPath *path = g_ptr_array_index (order, i);
      g_autoptr(GPtrArray) texts = variants (path, metrics, measurer, size);

      if (texts->len == 0)
        continue;
      path->label_full = g_strdup (g_ptr_array_index (texts, 0));
      for (guint k = 0; k < texts->len; k++)
        {
          const char *text = g_ptr_array_index (texts, k);
          double w, h;
          WmMapRect spot;

          wm_text_measure (measurer, text, size, WM_TEXT_REGULAR, &w, &h);
          if (find_spot (&space, path, w + 2 * PILL_PAD_X * s, h + 2 * PILL_PAD_Y * s, &spot))
            {
              path->label_text = g_strdup (text);
              path->label = spot;
              g_array_append_val (taken, spot);
              break;
            }
        }
    }

  for (guint c = 0; c < layout->n_stages; c++)
    g_ptr_array_unref (by_column[c]);
}
