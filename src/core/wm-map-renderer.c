/* wm-map-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "wm-map-renderer.h"
#include "wm-format.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* Sticky-note fills: pale on light backgrounds, deep on dark ones, each
 * with a strong accent of the same hue; in WmCardColor order. */
static const WmRgba light_fills[WM_CARD_COLOR_COUNT] = {
  RGB (0xFFF1B8), RGB (0xFFDDB8), RGB (0xFFCFC9), RGB (0xF9D3E6), RGB (0xE3D8F6),
  RGB (0xD2E6FA), RGB (0xC8EEE7), RGB (0xD6F1D1), RGB (0xE5E8EC),
};
static const WmRgba dark_fills[WM_CARD_COLOR_COUNT] = {
  RGB (0x5A5026), RGB (0x664727), RGB (0x6A3431), RGB (0x623A53), RGB (0x4B3F69),
  RGB (0x2D4866), RGB (0x235450), RGB (0x2F5633), RGB (0x40444C),
};
static const WmRgba accents[WM_CARD_COLOR_COUNT] = {
  RGB (0xD9A800), RGB (0xE68A00), RGB (0xD55E00), RGB (0xCC79A7), RGB (0x8E6CC9),
  RGB (0x0072B2), RGB (0x009E73), RGB (0x4A9B3F), RGB (0x8A929C),
};

void
wm_map_card_colors (const WmTheme *theme,
                    WmCardColor    color,
                    WmRgba        *fill,
                    WmRgba        *accent)
{
  g_return_if_fail (theme != NULL);
  g_return_if_fail ((guint) color < WM_CARD_COLOR_COUNT);

  if (fill != NULL)
    *fill = theme->kind == WM_THEME_DARK ? dark_fills[color] : light_fills[color];
  if (accent != NULL)
    *accent = accents[color];
}

static const WmRgba *
lane_color (const WmTheme   *theme,
            const WmMapLane *lane)
{
  switch (lane->kind)
    {
    case WM_LANE_TOUCHPOINTS:
      return &theme->palette[0];
    case WM_LANE_ACTIONS:
      return &theme->palette[4];
    case WM_LANE_CHANNELS:
      return wm_theme_channel_color (theme, lane->channel);
    case WM_LANE_EMOTIONS:
      return &theme->palette[3];
    case WM_LANE_PAIN_POINTS:
      return &theme->highlight;
    case WM_LANE_OPPORTUNITIES:
      return &theme->palette[2];
    case WM_LANE_NOTES:
    default:
      return &theme->muted;
    }
}

/* A small glyph per lane kind, drawn in a @size square at (@x, @y). */
static void
draw_lane_icon (cairo_t       *cr,
                WmLaneKind     kind,
                double         x,
                double         y,
                double         size,
                const WmRgba  *color)
{
  double cx = x + size / 2, cy = y + size / 2, r = size / 2;

  cairo_save (cr);
  wm_chart_set_source (cr, color, 1.0);
  cairo_set_line_width (cr, MAX (1.5, size / 8));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  switch (kind)
    {
    case WM_LANE_TOUCHPOINTS:   /* a target */
      cairo_arc (cr, cx, cy, r * 0.8, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_arc (cr, cx, cy, r * 0.3, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case WM_LANE_ACTIONS:       /* a step forward */
      cairo_move_to (cr, x + size * 0.25, y + size * 0.15);
      cairo_line_to (cr, x + size * 0.85, cy);
      cairo_line_to (cr, x + size * 0.25, y + size * 0.85);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case WM_LANE_CHANNELS:      /* a filled square: the channel's colour */
      wm_chart_rounded_rect (cr, x + size * 0.1, y + size * 0.1, size * 0.8, size * 0.8, size * 0.2);
      cairo_fill (cr);
      break;
    case WM_LANE_EMOTIONS:      /* a smile */
      cairo_arc (cr, cx, cy, r * 0.85, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_arc (cr, cx, cy, r * 0.45, G_PI * 0.15, G_PI * 0.85);
      cairo_stroke (cr);
      break;
    case WM_LANE_PAIN_POINTS:   /* a warning sign */
      cairo_move_to (cr, cx, y + size * 0.1);
      cairo_line_to (cr, x + size * 0.95, y + size * 0.9);
      cairo_line_to (cr, x + size * 0.05, y + size * 0.9);
      cairo_close_path (cr);
      cairo_stroke (cr);
      cairo_move_to (cr, cx, y + size * 0.4);
      cairo_line_to (cr, cx, y + size * 0.62);
      cairo_stroke (cr);
      cairo_arc (cr, cx, y + size * 0.76, size * 0.05, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case WM_LANE_OPPORTUNITIES: /* a spark */
      for (int i = 0; i < 4; i++)
        {
          double a = i * G_PI / 4;

          cairo_move_to (cr, cx - cos (a) * r * 0.85, cy - sin (a) * r * 0.85);
          cairo_line_to (cr, cx + cos (a) * r * 0.85, cy + sin (a) * r * 0.85);
        }
      cairo_stroke (cr);
      break;
    case WM_LANE_NOTES:         /* lines of text */
    default:
      for (int i = 0; i < 3; i++)
        {
          cairo_move_to (cr, x + size * 0.1, y + size * (0.25 + i * 0.25));
          cairo_line_to (cr, x + size * (i == 2 ? 0.6 : 0.9), y + size * (0.25 + i * 0.25));
        }
      cairo_stroke (cr);
      break;
    }
  cairo_restore (cr);
}

/* @text on one line: line breaks become spaces. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  g_strdelimit (line, "\r\n\t", ' ');
  return line;
}

/* The number of characters of @text (at least one) that fit in @width,
 * by binary search: a few measurements, not one per character. */
static glong
fitting_chars (const WmTextMeasurer *measurer,
               const char           *text,
               double                size,
               double                width)
{
  glong lo = 1, hi = g_utf8_strlen (text, -1);

  while (lo < hi)
    {
      glong mid = (lo + hi + 1) / 2;
      g_autofree char *prefix = g_strndup (text, g_utf8_offset_to_pointer (text, mid) - text);
      double w, h;

      wm_text_measure (measurer, prefix, size, WM_TEXT_REGULAR, &w, &h);
      if (w <= width)
        lo = mid;
      else
        hi = mid - 1;
    }
  return lo;
}

/* Up to @max_lines lines of @text within @width, broken at spaces where it
 * can (anywhere in a word too long, or in CJK text), the last one
 * ellipsized. */
static GPtrArray *
wrap_lines (const WmTextMeasurer *measurer,
            const char           *text,
            double                size,
            double                width,
            guint                 max_lines)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *flat = one_line (text);
  const char *rest = flat;

  while (*rest == ' ')
    rest++;

  while (*rest != '\0' && lines->len < max_lines)
    {
      const char *end, *space = NULL;
      double w, h;

      wm_text_measure (measurer, rest, size, WM_TEXT_REGULAR, &w, &h);
      if (w <= width)
        {
          g_ptr_array_add (lines, g_strdup (rest));
          break;
        }
      if (lines->len + 1 == max_lines)
        {
          char *last = wm_text_ellipsize (measurer, rest, size, WM_TEXT_REGULAR, width, &w);

          if (last != NULL)
            g_ptr_array_add (lines, last);
          break;
        }

      end = g_utf8_offset_to_pointer (rest, fitting_chars (measurer, rest, size, width));
      /* Back to the last space, when the line has one. */
      for (const char *p = rest; p <= end && *p != '\0'; p++)
        if (*p == ' ')
          space = p;
      if (space != NULL && space > rest)
        end = space;
      g_ptr_array_add (lines, g_strndup (rest, end - rest));
      rest = end;
      while (*rest == ' ')
        rest++;
    }

  return lines;
}

typedef struct
{
  cairo_t            *cr;
  WmChartPango       *pango;
  WmTextMeasurer      measurer;
  WmJourneyMap       *map;
  const WmMapLayout  *layout;
  const WmMapMetrics *metrics;
  const WmTheme      *theme;
  GHashTable         *selection;
  double              s;          /* the layout's scale */
  WmMapRect           visible;    /* the part of the map in view */
  gboolean            text;       /* FALSE when type would be too small to read */
  double              heights[2][8];  /* line heights measured: sizes, heights */
  guint               n_heights;
} Ctx;

static gboolean
in_view (Ctx       *ctx,
         double     x0,
         double     y0,
         double     x1,
         double     y1)
{
  /* A little slack for outlines, shadows and arrowheads. */
  double slack = 12 * ctx->s;

  return MAX (x0, x1) >= ctx->visible.x - slack && MIN (x0, x1) <= ctx->visible.x + ctx->visible.width + slack &&
         MAX (y0, y1) >= ctx->visible.y - slack && MIN (y0, y1) <= ctx->visible.y + ctx->visible.height + slack;
}

static gboolean
connector_in_view (Ctx                      *ctx,
                   const WmMapConnectorPath *p)
{
  WmMapRect box = wm_map_connector_bounds (p);

  return in_view (ctx, box.x, box.y, box.x + box.width, box.y + box.height);
}

static gboolean
selected (Ctx        *ctx,
          const char *id)
{
  return ctx->selection != NULL && g_hash_table_contains (ctx->selection, id);
}

/* The height of a line at @size; a frame uses few sizes, measured once. */
static double
text_height (Ctx    *ctx,
             double  size)
{
  double w, h;

  for (guint i = 0; i < ctx->n_heights; i++)
    if (ctx->heights[0][i] == size)
      return ctx->heights[1][i];

  wm_text_measure (&ctx->measurer, "Ag", size, WM_TEXT_REGULAR, &w, &h);
  if (ctx->n_heights < G_N_ELEMENTS (ctx->heights[0]))
    {
      ctx->heights[0][ctx->n_heights] = size;
      ctx->heights[1][ctx->n_heights++] = h;
    }
  return h;
}

/* One line of @text ellipsized to @width at (@x, @y); returns its width. */
static double
draw_fitted (Ctx          *ctx,
             const char   *text,
             double        size,
             WmTextWeight  weight,
             double        x,
             double        y,
             double        width,
             const WmRgba *color)
{
  g_autofree char *flat = one_line (text);
  g_autofree char *shown = NULL;
  double w = 0;

  shown = wm_text_ellipsize (&ctx->measurer, flat, size, weight, width, &w);
  if (shown != NULL)
    wm_chart_pango_draw (ctx->pango, ctx->cr, shown, size, weight, x, y, color, NULL);
  return shown != NULL ? w : 0;
}

static void
draw_grid (Ctx *ctx)
{
  const WmMapLayout *layout = ctx->layout;
  const WmTheme *theme = ctx->theme;
  cairo_t *cr = ctx->cr;
  double s = ctx->s;
  double label = theme->label_size, small = theme->small_size;

  if (layout->title.height > 0)
    draw_fitted (ctx, wm_journey_map_get_title (ctx->map), theme->title_size, WM_TEXT_BOLD,
                 layout->title.x, layout->title.y, layout->title.width, &theme->foreground);

  /* Every other column tinted, so stages read as columns. */
  for (guint c = 0; c < layout->n_stages; c++)
    {
      const WmMapRect *col = &layout->columns[c];
      const WmMapRect *head = &layout->stage_headers[c];

      if (c % 2 == 1)
        {
          wm_chart_set_source (cr, &theme->grid, 0.22);
          cairo_rectangle (cr, head->x, head->y, col->width, col->y + col->height - head->y);
          cairo_fill (cr);
        }
      /* In line with the cards' edges below. */
      draw_fitted (ctx, layout->stages[c]->name, label * 1.1, WM_TEXT_BOLD,
                   head->x + layout->gutter / 2,
                   head->y + (head->height - text_height (ctx, label * 1.1)) / 2,
                   head->width - layout->gutter, &theme->foreground);
    }

  for (guint l = 0; l < layout->n_lanes; l++)
    {
      const WmMapLane *lane = layout->lanes[l];
      const WmMapRect *head = &layout->lane_headers[l];
      const WmRgba *color = lane_color (theme, lane);
      const WmMapLaneMetric *leak = ctx->metrics != NULL
                                    ? wm_map_metrics_get_lane (ctx->metrics, lane->id) : NULL;
      double icon = 16 * s, pad = layout->cell_padding;
      /* The name in line with the first card's title (8 into it). */
      double x = head->x + 12 * s, y = head->y + pad + 8 * s;
      double text_x = x + icon + 8 * s, text_w = head->width - (text_x - head->x) - pad;
      g_autofree char *detail = NULL;

      /* The header: a tint and a bar of the kind's colour. */
      wm_chart_set_source (cr, color, theme->kind == WM_THEME_DARK ? 0.16 : 0.10);
      cairo_rectangle (cr, head->x, head->y, head->width, head->height);
      cairo_fill (cr);
      wm_chart_set_source (cr, color, 1.0);
      cairo_rectangle (cr, head->x, head->y, 4 * s, head->height);
      cairo_fill (cr);

      draw_lane_icon (cr, lane->kind, x, y + (text_height (ctx, label) - icon) / 2, icon, color);
      draw_fitted (ctx, lane->name, label, WM_TEXT_BOLD, text_x, y, text_w, &theme->foreground);
      y += text_height (ctx, label) + 2 * s;

      if (lane->kind == WM_LANE_CHANNELS && lane->channel != NULL && *lane->channel != '\0')
        detail = g_strdup_printf ("%s · %s", wm_lane_kind_display_name (lane->kind), lane->channel);
      else if (g_utf8_collate (lane->name, wm_lane_kind_display_name (lane->kind)) != 0)
        detail = g_strdup (wm_lane_kind_display_name (lane->kind));
      if (detail != NULL)
        {
          draw_fitted (ctx, detail, small, WM_TEXT_REGULAR, text_x, y, text_w, &theme->muted);
          y += text_height (ctx, small);
        }
      y += 6 * s;

      if (leak != NULL && leak->entered > 0)
        {
          g_autofree char *share = wm_format_share (leak->leakage);
          /* Translators: a channel’s leakage on the journey map, e.g. "Leakage 81 %". */
          g_autofree char *text = g_strdup_printf (_("Leakage %s"), share);

          draw_fitted (ctx, text, theme->value_size, WM_TEXT_BOLD, text_x, y, text_w,
                       leak->leakage >= 0.5 ? &theme->highlight : &theme->foreground);
        }
    }

  /* Rules between lanes and around the grid. */
  wm_chart_set_source (cr, &theme->grid, 1.0);
  cairo_set_line_width (cr, 1);
  for (guint l = 0; l <= layout->n_lanes && layout->n_lanes > 0; l++)
    {
      const WmMapRect *row = &layout->rows[MIN (l, layout->n_lanes - 1)];
      double y = l < layout->n_lanes ? row->y : row->y + row->height;

      cairo_move_to (cr, layout->lane_headers[0].x, round (y) + 0.5);
      cairo_line_to (cr, row->x + row->width, round (y) + 0.5);
    }
  cairo_stroke (cr);
}

static void
draw_emotions (Ctx *ctx)
{
  const WmMapLayout *layout = ctx->layout;
  const WmTheme *theme = ctx->theme;
  cairo_t *cr = ctx->cr;
  double s = ctx->s;
  const WmMapRect *row;
  double zero;
  guint i = 0;

  if (layout->emotion_lane < 0)
    return;
  row = &layout->rows[layout->emotion_lane];

  /* The neutral line, dashed. */
  zero = round (wm_map_layout_emotion_y (layout, 0)) + 0.5;
  cairo_save (cr);
  wm_chart_set_source (cr, &theme->grid, 1.0);
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, (double[]) { 4 * s, 4 * s }, 2, 0);
  cairo_move_to (cr, row->x, zero);
  cairo_line_to (cr, row->x + row->width, zero);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* The scale, at the lane's left edge. */
  for (int half = WM_EMOTION_MIN_HALF_STEPS; half <= WM_EMOTION_MAX_HALF_STEPS; half += 4)
    {
      const char *mark = half > 0 ? "+2" : half < 0 ? "−2" : "0";
      double h = text_height (ctx, theme->small_size);

      wm_chart_pango_draw (ctx->pango, cr, mark, theme->small_size, WM_TEXT_REGULAR, row->x + 6 * s,
                           wm_map_layout_emotion_y (layout, half) - h / 2, &theme->muted, NULL);
    }

  /* One smooth curve per persona through its points (they come grouped). */
  while (i < layout->n_points)
    {
      const WmMapEmotionPoint *first = &layout->points[i];
      const WmRgba *color = &theme->palette[(first->persona_index + 3) % WM_THEME_PALETTE_SIZE];
      guint end = i;

      while (end < layout->n_points && layout->points[end].persona == first->persona)
        end++;

      cairo_set_line_width (cr, 2.5 * s);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      wm_chart_set_source (cr, color, 1.0);
      cairo_move_to (cr, first->x, first->y);
      for (guint k = i + 1; k < end; k++)
        {
          const WmMapEmotionPoint *a = &layout->points[k - 1], *b = &layout->points[k];
          double mx = (a->x + b->x) / 2;

          cairo_curve_to (cr, mx, a->y, mx, b->y, b->x, b->y);
        }
      cairo_stroke (cr);

      for (guint k = i; k < end; k++)
        {
          const WmMapEmotionPoint *p = &layout->points[k];

          cairo_arc (cr, p->x, p->y, 5.5 * s, 0, 2 * G_PI);
          wm_chart_set_source (cr, &theme->background, 1.0);
          cairo_fill_preserve (cr);
          wm_chart_set_source (cr, color, 1.0);
          cairo_set_line_width (cr, 2.5 * s);
          cairo_stroke (cr);
        }

      /* The persona's name by its first point. */
      draw_fitted (ctx, first->persona->name, theme->small_size, WM_TEXT_BOLD,
                   first->x + 9 * s, first->y - text_height (ctx, theme->small_size) - 4 * s,
                   layout->columns[0].width * 0.8, color);
      i = end;
    }
}

void
wm_map_connector_trace (cairo_t                  *cr,
                        const WmMapConnectorPath *path,
                        double                    shorten)
{
  cairo_move_to (cr, path->x0, path->y0);
  for (guint i = 0; i < path->n_curves; i++)
    {
      const double *c = path->curves[i];
      double ex = c[4], ey = c[5];

      if (i + 1 == path->n_curves)
        {
          ex -= cos (path->end_angle) * shorten;
          ey -= sin (path->end_angle) * shorten;
        }
      cairo_curve_to (cr, c[0], c[1], c[2], c[3], ex, ey);
    }
}

/* Volume reads as width, on a gentle scale: the square root of the share
 * of the busiest connector, from a hairline to a few pixels. */
static double
connector_width (Ctx                        *ctx,
                 const WmMapConnectorMetric *metric,
                 guint64                     max_volume)
{
  double s = ctx->s;

  if (metric == NULL || max_volume == 0)
    return 2.0 * s;
  return (1.5 + 6.5 * sqrt ((double) metric->customers / max_volume)) * s;
}

static void
draw_connectors (Ctx *ctx)
{
  const WmMapLayout *layout = ctx->layout;
  const WmTheme *theme = ctx->theme;
  cairo_t *cr = ctx->cr;
  double s = ctx->s;
  guint64 max_volume = ctx->metrics != NULL ? wm_map_metrics_get_max_connector (ctx->metrics) : 0;
  double alpha = theme->kind == WM_THEME_DARK ? 0.8 : 0.7;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < layout->n_connectors; i++)
    {
      const WmMapConnectorPath *p = &layout->connectors[i];
      const WmMapConnectorMetric *metric = ctx->metrics != NULL
        ? wm_map_metrics_get_connector (ctx->metrics, p->connector->id) : NULL;
      gboolean is_selected = selected (ctx, p->connector->id);
      double width = connector_width (ctx, metric, max_volume), head, a = p->end_angle;
      WmRgba color;

      if (!connector_in_view (ctx, p))
        continue;

      /* The source card's accent tells where a connector comes from;
       * lifted a little on dark backgrounds, where deep accents sink. */
      wm_map_card_colors (theme, p->from->card->color, NULL, &color);
      if (theme->kind == WM_THEME_DARK)
        {
          color.red += (1 - color.red) * 0.25;
          color.green += (1 - color.green) * 0.25;
          color.blue += (1 - color.blue) * 0.25;
        }
      if (is_selected)
        color = theme->highlight;
      head = 7 * s + width * 0.9;

      /* The path stops under the arrowhead, which is drawn on its own: one
       * translucent layer each, with no darker overlap. */
      wm_chart_set_source (cr, &color, is_selected ? 1.0 : alpha);
      cairo_set_line_width (cr, is_selected ? width + 1.5 * s : width);
      wm_map_connector_trace (cr, p, head * 0.75);
      cairo_stroke (cr);

      wm_chart_set_source (cr, &color, is_selected ? 1.0 : MIN (1.0, alpha + 0.15));
      cairo_move_to (cr, p->x3, p->y3);
      cairo_line_to (cr, p->x3 - cos (a - 0.42) * head, p->y3 - sin (a - 0.42) * head);
      cairo_line_to (cr, p->x3 - cos (a + 0.42) * head, p->y3 - sin (a + 0.42) * head);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/* Each placed label on a pill of the background, edged in its source's
 * accent. */
static void
draw_connector_labels (Ctx *ctx)
{
  const WmMapLayout *layout = ctx->layout;
  const WmTheme *theme = ctx->theme;
  cairo_t *cr = ctx->cr;
  double s = ctx->s, size = theme->small_size;

  if (!ctx->text)
    return;
  for (guint i = 0; i < layout->n_connectors; i++)
    {
      const WmMapConnectorPath *p = &layout->connectors[i];
      const WmMapRect *r = &p->label;
      WmRgba accent;

      if (p->label_text == NULL || !in_view (ctx, r->x, r->y, r->x + r->width, r->y + r->height))
        continue;
      wm_map_card_colors (theme, p->from->card->color, NULL, &accent);
      wm_chart_rounded_rect (cr, r->x, r->y, r->width, r->height, r->height / 2);
      wm_chart_set_source (cr, &theme->background, 1.0);
      cairo_fill_preserve (cr);
      if (selected (ctx, p->connector->id))
        wm_chart_set_source (cr, &theme->highlight, 1.0);
      else
        wm_chart_set_source (cr, &accent, 0.8);
      cairo_set_line_width (cr, 1.2 * s);
      cairo_stroke (cr);
      wm_chart_pango_draw (ctx->pango, cr, p->label_text, size, WM_TEXT_REGULAR,
                           r->x + 5 * s, r->y + s, &theme->foreground, NULL);
    }
}

/* The evidence tag: a filled pill (observed), an outlined one (assumed,
 * dashed), an outlined one (proposed). Returns its width. */
static double
draw_evidence (Ctx          *ctx,
               WmEvidence    evidence,
               double        x,
               double        y,
               const WmRgba *accent,
               const WmRgba *text_color)
{
  cairo_t *cr = ctx->cr;
  const char *name = wm_evidence_display_name (evidence);
  double size = ctx->theme->small_size * 0.95, s = ctx->s;
  double w, h, pad = 6 * s;

  wm_text_measure (&ctx->measurer, name, size, WM_TEXT_REGULAR, &w, &h);
  wm_chart_rounded_rect (cr, x, y, w + 2 * pad, h + 2 * s, (h + 2 * s) / 2);
  cairo_save (cr);
  if (evidence == WM_EVIDENCE_OBSERVED)
    {
      wm_chart_set_source (cr, accent, 0.25);
      cairo_fill_preserve (cr);
    }
  if (evidence == WM_EVIDENCE_ASSUMED)
    cairo_set_dash (cr, (double[]) { 3 * s, 2 * s }, 2, 0);
  wm_chart_set_source (cr, accent, 1.0);
  cairo_set_line_width (cr, 1.2 * s);
  cairo_stroke (cr);
  cairo_restore (cr);
  wm_chart_pango_draw (ctx->pango, cr, name, size, WM_TEXT_REGULAR, x + pad, y + s, text_color, NULL);
  return w + 2 * pad;
}

static void
draw_card (Ctx                *ctx,
           const WmMapCardBox *box)
{
  const WmMapCard *card = box->card;
  const WmTheme *theme = ctx->theme;
  const WmMapRect *r = &box->rect;
  cairo_t *cr = ctx->cr;
  double s = ctx->s, radius = ctx->layout->card_radius;
  double pad = 10 * s, stripe = 5 * s;
  double x = r->x + stripe + pad, y = r->y + pad * 0.8, inner = r->width - stripe - 2 * pad;
  double small = theme->small_size, label = theme->label_size;
  const WmMapCardMetric *metric = ctx->metrics != NULL
                                  ? wm_map_metrics_get_card (ctx->metrics, card->id) : NULL;
  g_autoptr(GPtrArray) body = NULL;
  WmRgba fill, accent;
  double footer_y, tag_w = 0;

  if (!in_view (ctx, r->x, r->y, r->x + r->width, r->y + r->height))
    return;
  wm_map_card_colors (theme, card->color, &fill, &accent);

  /* A soft shadow lifts cards off the grid on light backgrounds. */
  if (theme->kind != WM_THEME_DARK)
    {
      wm_chart_rounded_rect (cr, r->x + 1 * s, r->y + 2 * s, r->width, r->height, radius);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.10);
      cairo_fill (cr);
    }

  wm_chart_rounded_rect (cr, r->x, r->y, r->width, r->height, radius);
  wm_chart_set_source (cr, &fill, 1.0);
  cairo_fill (cr);

  cairo_save (cr);
  wm_chart_rounded_rect (cr, r->x, r->y, r->width, r->height, radius);
  cairo_clip (cr);
  wm_chart_set_source (cr, &accent, 1.0);
  cairo_rectangle (cr, r->x, r->y, stripe, r->height);
  cairo_fill (cr);
  cairo_restore (cr);

  if (selected (ctx, card->id))
    {
      wm_chart_rounded_rect (cr, r->x - 2.5 * s, r->y - 2.5 * s, r->width + 5 * s, r->height + 5 * s, radius + 2 * s);
      wm_chart_set_source (cr, &theme->highlight, 1.0);
      cairo_set_line_width (cr, 2.5 * s);
      cairo_stroke (cr);
    }

  /* Zoomed far out, cards are coloured shapes: type that small is noise. */
  if (!ctx->text)
    return;

  draw_fitted (ctx, card->title, label, WM_TEXT_BOLD, x, y, inner, &theme->foreground);
  y += text_height (ctx, label) + 3 * s;

  footer_y = r->y + r->height - pad * 0.8 - text_height (ctx, small) - 2 * s;
  body = wrap_lines (&ctx->measurer, card->body, small, inner,
                     MAX (1, (guint) floor ((footer_y - 3 * s - y) / text_height (ctx, small))));
  for (guint i = 0; i < body->len; i++)
    {
      wm_chart_pango_draw (ctx->pango, cr, g_ptr_array_index (body, i), small, WM_TEXT_REGULAR,
                           x, y, &theme->muted, NULL);
      y += text_height (ctx, small);
    }

  tag_w = draw_evidence (ctx, card->evidence, x, footer_y, &accent, &theme->foreground);

  if (metric != NULL)
    {
      g_autofree char *badge = wm_map_metrics_format_badge (metric);
      double size = theme->value_size, w, h, bx;

      wm_text_measure (&ctx->measurer, badge, size, WM_TEXT_BOLD, &w, &h);
      bx = r->x + r->width - pad - w;
      if (bx > x + tag_w + 4 * s)
        wm_chart_pango_draw (ctx->pango, cr, badge, size, WM_TEXT_BOLD, bx,
                             footer_y + (text_height (ctx, small) - h) / 2 + s,
                             &theme->foreground, NULL);
    }
  else if (card->bindings[0] != NULL)
    {
      /* Without numbers, say which touchpoint the card stands for. */
      double left = x + tag_w + 6 * s;

      draw_fitted (ctx, card->bindings[0], small * 0.95, WM_TEXT_REGULAR, left, footer_y + s,
                   r->x + r->width - pad - left, &theme->muted);
    }
}

void
wm_map_render (cairo_t             *cr,
               WmChartPango        *pango,
               WmJourneyMap        *map,
               const WmMapLayout   *layout,
               const WmMapMetrics  *metrics,
               const WmTheme       *theme,
               const WmMapViewport *viewport,
               GHashTable          *selection,
               double               width,
               double               height)
{
  Ctx ctx;

  g_return_if_fail (cr != NULL && pango != NULL && layout != NULL && theme != NULL);
  g_return_if_fail (WM_IS_JOURNEY_MAP (map));
  g_return_if_fail (viewport != NULL && viewport->zoom > 0);

  ctx = (Ctx) {
    .cr = cr, .pango = pango, .measurer = wm_chart_pango_measurer (pango), .map = map,
    .layout = layout, .metrics = metrics, .theme = theme, .selection = selection,
    .s = layout->scale,
    .visible = { viewport->x, viewport->y, width / viewport->zoom, height / viewport->zoom },
    .text = theme->small_size * viewport->zoom >= WM_MAP_MIN_TEXT_PIXELS,
  };

  cairo_save (cr);
  wm_chart_set_source (cr, &theme->background, 1.0);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  cairo_scale (cr, viewport->zoom, viewport->zoom);
  cairo_translate (cr, -viewport->x, -viewport->y);

  draw_grid (&ctx);
  draw_emotions (&ctx);
  draw_connectors (&ctx);
  for (guint i = 0; i < layout->n_cards; i++)
    draw_card (&ctx, &layout->cards[i]);
  if (layout->labels_placed)
    draw_connector_labels (&ctx);
  else
    {
      /* Placed for this picture only. */
      WmMapLayout placed = *layout;

      placed.connectors = g_memdup2 (layout->connectors, sizeof (WmMapConnectorPath) * MAX (layout->n_connectors, 1));
      wm_map_layout_place_labels (&placed, metrics, &ctx.measurer, theme->small_size);
      ctx.layout = &placed;
      draw_connector_labels (&ctx);
      for (guint i = 0; i < placed.n_connectors; i++)
        {
          g_free (placed.connectors[i].label_text);
          g_free (placed.connectors[i].label_full);
        }
      g_free (placed.connectors);
    }
  cairo_restore (cr);
}

void
wm_map_render_fitted (cairo_t          *cr,
                      const WmMapChart *chart,
                      double            width,
                      double            height,
                      const WmTheme    *theme)
{
  g_autoptr(WmMapLayout) layout = NULL;
  g_autoptr(WmChartPango) pango = NULL;
  WmTextMeasurer measurer;
  WmMapViewport viewport;

  g_return_if_fail (chart != NULL && WM_IS_JOURNEY_MAP (chart->map));

  /* A page wider than the map gets wider columns, not margins. */
  layout = wm_map_layout_new_wide (chart->map, theme, width / MAX (height, 1));
  pango = wm_chart_pango_new (theme);
  measurer = wm_chart_pango_measurer (pango);
  wm_map_layout_place_labels (layout, chart->metrics, &measurer, theme->small_size);
  /* Scaled up too: a large page gets large type. */
  viewport.zoom = MIN (width / layout->width, height / layout->height);
  viewport.x = -(width / viewport.zoom - layout->width) / 2;
  viewport.y = -(height / viewport.zoom - layout->height) / 2;
  wm_map_render (cr, pango, chart->map, layout, chart->metrics, theme, &viewport, NULL, width, height);
}

void
wm_map_render_card (cairo_t             *cr,
                    WmChartPango        *pango,
                    WmJourneyMap        *map,
                    const WmMapLayout   *layout,
                    const WmMapMetrics  *metrics,
                    const WmTheme       *theme,
                    const WmMapViewport *viewport,
                    const WmMapCardBox  *box,
                    double               dx,
                    double               dy)
{
  Ctx ctx;

  g_return_if_fail (cr != NULL && pango != NULL && layout != NULL && theme != NULL && box != NULL);
  g_return_if_fail (WM_IS_JOURNEY_MAP (map));
  g_return_if_fail (viewport != NULL && viewport->zoom > 0);

  ctx = (Ctx) {
    .cr = cr, .pango = pango, .measurer = wm_chart_pango_measurer (pango), .map = map,
    .layout = layout, .metrics = metrics, .theme = theme, .selection = NULL,
    .s = layout->scale,
  };

  cairo_save (cr);
  cairo_scale (cr, viewport->zoom, viewport->zoom);
  cairo_translate (cr, dx - viewport->x, dy - viewport->y);
  draw_card (&ctx, box);
  cairo_restore (cr);
}
