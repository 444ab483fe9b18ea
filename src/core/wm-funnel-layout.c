/* wm-funnel-layout.c
 *
 * Each step owns a slot. Its bar stands on the baseline; above it (beside it
 * when horizontal) come the in-progress band and the drop band, together
 * reaching the previous step's level, so every bar's outline still shows
 * where the step before it stood. Texts go where bars cannot reach: names
 * under the baseline, drops above the previous level, conversions in the
 * gaps between bars.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "wm-funnel-layout.h"
#include "wm-format.h"

#define TEXT_GAP 4.0

void
wm_funnel_options_init (WmFunnelOptions *options)
{
  memset (options, 0, sizeof *options);
  options->orientation = WM_FUNNEL_BARS_VERTICAL;
  options->label_size = 13;
  options->value_size = 12;
  options->small_size = 11;
}

typedef struct
{
  const WmFunnelResult *result;
  WmFunnelOptions       opt;
  WmFunnelLayout       *layout;
  GArray               *parts;
  GArray               *texts;
  double                lh_label;
  double                lh_value;
  double                lh_small;
} Builder;

static char *
step_name (const WmFunnelStep *step)
{
  if (step->touchpoints == NULL || step->touchpoints[0] == NULL)
    return g_strdup ("");

  return g_strjoinv (" / ", step->touchpoints);
}

static double
line_height (Builder      *b,
             double        size,
             WmTextWeight  weight)
{
  double w, h;

  wm_text_measure (&b->opt.measurer, "Ag", size, weight, &w, &h);
  return h;
}

/* Adds @text (ellipsized to @max_width) with its top-left corner at
 * (@x, @y); @xalign places it in [x, x + max_width]. Returns FALSE (and adds
 * nothing) if not even an ellipsis fits. */
static gboolean
add_text (Builder          *b,
          WmFunnelTextRole  role,
          guint             step,
          int               segment,
          const char       *text,
          double            size,
          WmTextWeight      weight,
          double            x,
          double            y,
          double            max_width,
          double            xalign)
{
  WmFunnelText t = { role, step, segment, NULL, size, weight, { 0 }, { 0 }, FALSE };
  double w, h;

  t.text = wm_text_ellipsize (&b->opt.measurer, text, size, weight, max_width, &w);
  if (t.text == NULL)
    return FALSE;
  wm_text_measure (&b->opt.measurer, t.text, size, weight, &w, &h);
  t.rect = (WmRect) { x + (max_width - w) * xalign, y, w, h };
  g_array_append_val (b->texts, t);
  return TRUE;
}

static void
add_part (Builder          *b,
          WmFunnelPartKind  kind,
          guint             step,
          int               segment,
          WmRect            rect,
          gboolean          biggest)
{
  WmFunnelPart part = { kind, step, segment, rect, biggest };

  if (rect.width > 0 && rect.height > 0)
    g_array_append_val (b->parts, part);
}

static const WmFunnelStep *
series_steps (const WmFunnelResult *result,
              int                   segment)
{
  return segment < 0 ? result->steps : result->segments[segment].steps;
}

/* The legend row; returns its height. */
static double
add_legend (Builder      *b,
            const WmRect *area)
{
  double x = area->x;
  double y = area->y;
  double swatch = b->lh_value * 0.7;

  if (b->result->n_segments == 0)
    return 0;

  for (guint s = 0; s < b->result->n_segments; s++)
    {
      const char *value = b->result->segments[s].value;
      double w, h;

      if (value == NULL || value[0] == '\0')
        value = _("(none)");
      else if (g_str_equal (value, "Other"))
        /* Translators: the breakdown segment that groups the remaining values */
        value = C_("breakdown", "Other");
      wm_text_measure (&b->opt.measurer, value, b->opt.value_size, WM_TEXT_REGULAR, &w, &h);
      if (x > area->x && x + swatch + TEXT_GAP + w > area->x + area->width)
        {
          x = area->x;
          y += b->lh_value + TEXT_GAP;
        }
      if (add_text (b, WM_FUNNEL_TEXT_LEGEND, 0, (int) s, value, b->opt.value_size,
                    WM_TEXT_REGULAR, x + swatch + TEXT_GAP, y,
                    area->x + area->width - x - swatch - TEXT_GAP, 0))
        {
          WmFunnelText *t = &g_array_index (b->texts, WmFunnelText, b->texts->len - 1);

          t->swatch = (WmRect) { x, y + (b->lh_value - swatch) / 2, swatch, swatch };
          x = t->rect.x + t->rect.width + 3 * TEXT_GAP + swatch;
        }
    }

  return y + b->lh_value + 2 * TEXT_GAP - area->y;
}

static double
series_reference (const WmFunnelResult *result)
{
  double ref = 0;

  if (result->n_segments == 0)
    return MAX (1, (double) result->steps[0].customers);
  for (guint s = 0; s < result->n_segments; s++)
    ref = MAX (ref, (double) result->segments[s].steps[0].customers);

  return MAX (1, ref);
}

/* Bars, in-progress and drop bands, in a slot whose breadth (across the
 * value axis) starts at @slot_start; @level maps a count to the value axis. */
static void
add_bars (Builder *b,
          guint    k,
          double   bar_start,
          double   bar_size,
          double   base,
          double   extent,
          double   ref,
          gboolean vertical)
{
  const WmFunnelResult *r = b->result;
  guint n_series = MAX (1, r->n_segments);
  double sub = bar_size / n_series;
  double inset = n_series > 1 ? MIN (2, sub * 0.1) : 0;

  for (guint s = 0; s < n_series; s++)
    {
      int segment = r->n_segments > 0 ? (int) s : -1;
      const WmFunnelStep *steps = series_steps (r, segment);
      double at = bar_start + s * sub + inset;
      double thick = sub - 2 * inset;
      double here = steps[k].customers / ref * extent;
      double ip = k > 0 ? steps[k].in_progress / ref * extent : 0;
      double before = k > 0 ? steps[k - 1].customers / ref * extent : here;
      gboolean biggest = (int) k == b->layout->biggest_drop;

      before = MAX (before, here + ip);
      if (vertical)
        {
          add_part (b, WM_FUNNEL_PART_BAR, k, segment,
                    (WmRect) { at, base - here, thick, here }, FALSE);
          add_part (b, WM_FUNNEL_PART_IN_PROGRESS, k, segment,
                    (WmRect) { at, base - here - ip, thick, ip }, FALSE);
          add_part (b, WM_FUNNEL_PART_DROP, k, segment,
                    (WmRect) { at, base - before, thick, before - here - ip }, biggest);
        }
      else
        {
          add_part (b, WM_FUNNEL_PART_BAR, k, segment,
                    (WmRect) { base, at, here, thick }, FALSE);
          add_part (b, WM_FUNNEL_PART_IN_PROGRESS, k, segment,
                    (WmRect) { base + here, at, ip, thick }, FALSE);
          add_part (b, WM_FUNNEL_PART_DROP, k, segment,
                    (WmRect) { base + here + ip, at, before - here - ip, thick }, biggest);
        }
    }
}

/* The drop lines of step @k, top line first: the "biggest drop" tag, the
 * drop, the in-progress count. */
static guint
drop_lines (Builder    *b,
            guint       k,
            char      **lines,
            double     *sizes)
{
  const WmFunnelStep *step = &b->result->steps[k];
  const WmFunnelStep *prev = &b->result->steps[k - 1];
  guint n = 0;

  if ((int) k == b->layout->biggest_drop)
    {
      lines[n] = g_strdup (_("Biggest drop"));
      sizes[n++] = b->opt.small_size;
    }
  if (step->dropped > 0)
    {
      g_autofree char *count = wm_format_count_compact (step->dropped);
      g_autofree char *share = wm_format_share (prev->customers > 0
                                                      ? (double) step->dropped / prev->customers
                                                      : 0);

      /* Translators: customers lost between two funnel steps, and their share */
      lines[n] = g_strdup_printf (_("−%s · %s"), count, share);
      sizes[n++] = b->opt.value_size;
    }
  if (step->in_progress > 0)
    {
      g_autofree char *count = wm_format_count_compact (step->in_progress);

      /* Translators: customers whose conversion window is still open */
      lines[n] = g_strdup_printf (_("%s in progress"), count);
      sizes[n++] = b->opt.small_size;
    }

  return n;
}

static WmFunnelTextRole
drop_role (Builder *b,
           guint    k,
           guint    line,
           guint    n_lines)
{
  gboolean tagged = (int) k == b->layout->biggest_drop;
  gboolean has_ip = b->result->steps[k].in_progress > 0;

  if (tagged && line == 0)
    return WM_FUNNEL_TEXT_BIGGEST_DROP;
  if (has_ip && line == n_lines - 1)
    return WM_FUNNEL_TEXT_IN_PROGRESS;

  return WM_FUNNEL_TEXT_DROP;
}

/* The step's count, large, and its share of the start inside the top of
 * its bar, when there is one bar per step and it has room. */
static gboolean
count_on_bar (Builder *b,
              guint    k,
              double   bar_x,
              double   bar_w,
              double   bar_top,
              double   base)
{
  const WmFunnelStep *step = &b->result->steps[k];
  g_autofree char *count = wm_format_count_compact (step->customers);
  g_autofree char *share = wm_format_share (step->from_start);
  double big = b->opt.label_size * 1.6;
  double pad = b->opt.label_size * 0.6;
  double w, h, sw, sh;

  if (b->result->n_segments > 0)
    return FALSE;
  wm_text_measure (&b->opt.measurer, count, big, WM_TEXT_BOLD, &w, &h);
  wm_text_measure (&b->opt.measurer, share, b->opt.value_size, WM_TEXT_REGULAR, &sw, &sh);
  if (base - bar_top < h + sh + 2 * pad || MAX (w, sw) + 2 * pad > bar_w)
    return FALSE;

  add_text (b, WM_FUNNEL_TEXT_COUNT, k, -1, count, big, WM_TEXT_BOLD,
            bar_x + pad, bar_top + pad * 0.6, bar_w - 2 * pad, 0);
  g_array_index (b->texts, WmFunnelText, b->texts->len - 1).on_bar = TRUE;
  add_text (b, WM_FUNNEL_TEXT_COUNT, k, -1, share, b->opt.value_size, WM_TEXT_REGULAR,
            bar_x + pad, bar_top + pad * 0.6 + h, bar_w - 2 * pad, 0);
  g_array_index (b->texts, WmFunnelText, b->texts->len - 1).on_bar = TRUE;

  return TRUE;
}

static void
layout_vertical (Builder      *b,
                 const WmRect *area,
                 double        legend_h)
{
  const WmFunnelResult *r = b->result;
  guint n = r->n_steps;
  double ref = series_reference (r);
  double top_h = b->lh_small * 2 + b->lh_value + TEXT_GAP;
  double bottom_h = b->lh_label + b->lh_value + 2 * TEXT_GAP;
  WmRect plot = { area->x, area->y + legend_h + top_h, area->width,
                  area->height - legend_h - top_h - bottom_h };
  double slot = plot.width / n;
  double bar = slot * (r->n_segments > 0 ? 0.7 : 0.56);
  double base = plot.y + plot.height;

  plot.height = MAX (1, plot.height);
  b->layout->plot = plot;

  for (guint k = 0; k < n; k++)
    {
      const WmFunnelStep *step = &r->steps[k];
      double slot_x = plot.x + k * slot;
      double bar_x = slot_x + (slot - bar) / 2;
      g_autofree char *name = step_name (step);
      g_autofree char *count = wm_format_count_compact (step->customers);
      g_autofree char *share = wm_format_share (step->from_start);
      g_autofree char *count_line = g_strdup_printf ("%s · %s", count, share);

      add_bars (b, k, bar_x, bar, base, plot.height, ref, TRUE);

      add_text (b, WM_FUNNEL_TEXT_STEP, k, -1, name, b->opt.label_size, WM_TEXT_BOLD,
                slot_x + TEXT_GAP, base + TEXT_GAP, slot - 2 * TEXT_GAP, 0.5);
      if (!count_on_bar (b, k, bar_x, bar, base - step->customers / ref * plot.height, base))
        add_text (b, WM_FUNNEL_TEXT_COUNT, k, -1, count_line, b->opt.value_size, WM_TEXT_REGULAR,
                  slot_x + TEXT_GAP, base + TEXT_GAP + b->lh_label, slot - 2 * TEXT_GAP, 0.5);

      if (k > 0)
        {
          const WmFunnelStep *prev = &r->steps[k - 1];
          char *lines[3];
          double sizes[3];
          guint n_lines = drop_lines (b, k, lines, sizes);
          double prev_level = base - prev->customers / (double) MAX (1, r->steps[0].customers)
                                     * plot.height;
          double here_level = base - step->customers / (double) MAX (1, r->steps[0].customers)
                                     * plot.height;
          double y = prev_level - TEXT_GAP;
          double gap_x = bar_x - (slot - bar);
          double gap_w = slot - bar;
          g_autofree char *conversion = NULL;
          g_autofree char *median = NULL;
          g_autofree char *conv_share = wm_format_share (step->from_previous);
          g_autofree char *duration = wm_chart_format_duration (step->median_s);

          if (r->n_segments > 0)
            {
              /* Above the tallest segment's ghost. */
              prev_level = base;
              for (guint s = 0; s < r->n_segments; s++)
                prev_level = MIN (prev_level, base - r->segments[s].steps[k - 1].customers
                                                     / ref * plot.height);
              y = prev_level - TEXT_GAP;
              here_level = base - step->customers / (double) MAX (1, r->steps[0].customers)
                                  * plot.height;
            }

          for (guint l = n_lines; l-- > 0;)
            {
              y -= sizes[l] * 1.25;
              add_text (b, drop_role (b, k, l, n_lines), k, -1, lines[l], sizes[l],
                        l == 0 && (int) k == b->layout->biggest_drop ? WM_TEXT_BOLD
                                                                     : WM_TEXT_REGULAR,
                        slot_x + TEXT_GAP, y, slot - 2 * TEXT_GAP, 0.5);
              g_free (lines[l]);
            }

          /* Translators: conversion from the previous funnel step */
          conversion = g_strdup_printf (_("%s →"), conv_share);
          y = MIN (MAX (here_level, plot.y) + TEXT_GAP,
                   base - b->lh_label - b->lh_small - TEXT_GAP);
          add_text (b, WM_FUNNEL_TEXT_CONVERSION, k, -1, conversion, b->opt.label_size,
                    WM_TEXT_BOLD, gap_x + TEXT_GAP, y, gap_w - 2 * TEXT_GAP, 0.5);
          if (duration != NULL)
            {
              /* Translators: median time to convert, e.g. "median 2.3 h" */
              median = g_strdup_printf (_("median %s"), duration);
              add_text (b, WM_FUNNEL_TEXT_MEDIAN, k, -1, median, b->opt.small_size,
                        WM_TEXT_REGULAR, gap_x + TEXT_GAP, y + b->lh_label,
                        gap_w - 2 * TEXT_GAP, 0.5);
            }
        }
    }
}

static void
layout_horizontal (Builder      *b,
                   const WmRect *area,
                   double        legend_h)
{
  const WmFunnelResult *r = b->result;
  guint n = r->n_steps;
  double ref = series_reference (r);
  double names_w = 0;
  double drops_w = 0;
  WmRect plot;
  double slot, bar;

  for (guint k = 0; k < n; k++)
    {
      g_autofree char *name = step_name (&r->steps[k]);
      double w, h;

      wm_text_measure (&b->opt.measurer, name, b->opt.label_size, WM_TEXT_BOLD, &w, &h);
      names_w = MAX (names_w, w);
      if (k > 0)
        {
          char *lines[3];
          double sizes[3];
          guint n_lines = drop_lines (b, k, lines, sizes);

          for (guint l = 0; l < n_lines; l++)
            {
              wm_text_measure (&b->opt.measurer, lines[l], sizes[l], WM_TEXT_BOLD, &w, &h);
              drops_w = MAX (drops_w, w);
              g_free (lines[l]);
            }
        }
    }
  names_w = MIN (names_w + 3 * TEXT_GAP, area->width * 0.28);
  drops_w = MIN (drops_w + 3 * TEXT_GAP, area->width * 0.2);

  plot = (WmRect) { area->x + names_w, area->y + legend_h,
                    MAX (1, area->width - names_w - drops_w), MAX (1, area->height - legend_h) };
  b->layout->plot = plot;
  slot = plot.height / n;
  bar = slot * (r->n_segments > 0 ? 0.7 : 0.56);

  for (guint k = 0; k < n; k++)
    {
      const WmFunnelStep *step = &r->steps[k];
      double slot_y = plot.y + k * slot;
      double bar_y = slot_y + (slot - bar) / 2;
      double mid = bar_y + bar / 2;
      g_autofree char *name = step_name (step);
      g_autofree char *count = wm_format_count_compact (step->customers);
      g_autofree char *share = wm_format_share (step->from_start);
      g_autofree char *count_line = g_strdup_printf ("%s · %s", count, share);
      double block = b->lh_label + b->lh_value;

      add_bars (b, k, bar_y, bar, plot.x, plot.width, ref, FALSE);

      add_text (b, WM_FUNNEL_TEXT_STEP, k, -1, name, b->opt.label_size, WM_TEXT_BOLD,
                area->x, mid - block / 2, names_w - 2 * TEXT_GAP, 1.0);
      add_text (b, WM_FUNNEL_TEXT_COUNT, k, -1, count_line, b->opt.value_size, WM_TEXT_REGULAR,
                area->x, mid - block / 2 + b->lh_label, names_w - 2 * TEXT_GAP, 1.0);

      if (k > 0)
        {
          double before = 0;
          char *lines[3];
          double sizes[3];
          guint n_lines = drop_lines (b, k, lines, sizes);
          double total = 0;
          double y;
          g_autofree char *conv_share = wm_format_share (step->from_previous);
          g_autofree char *duration = wm_chart_format_duration (step->median_s);
          g_autofree char *conversion = NULL;
          double gap_h = slot - bar;

          for (guint s = 0; s < MAX (1, r->n_segments); s++)
            before = MAX (before, series_steps (r, r->n_segments > 0 ? (int) s : -1)[k - 1].customers
                                  / ref * plot.width);
          for (guint l = 0; l < n_lines; l++)
            total += sizes[l] * 1.25;
          y = mid - total / 2;
          for (guint l = 0; l < n_lines; l++)
            {
              add_text (b, drop_role (b, k, l, n_lines), k, -1, lines[l], sizes[l],
                        l == 0 && (int) k == b->layout->biggest_drop ? WM_TEXT_BOLD
                                                                     : WM_TEXT_REGULAR,
                        plot.x + before + 2 * TEXT_GAP, y,
                        area->x + area->width - plot.x - before - 2 * TEXT_GAP, 0);
              y += sizes[l] * 1.25;
              g_free (lines[l]);
            }

          if (duration != NULL)
            /* Translators: conversion from the previous step and its median time */
            conversion = g_strdup_printf (_("↓ %s · median %s"), conv_share, duration);
          else
            conversion = g_strdup_printf (_("↓ %s"), conv_share);
          if (gap_h >= b->lh_small + 2)
            add_text (b, WM_FUNNEL_TEXT_CONVERSION, k, -1, conversion, b->opt.small_size,
                      WM_TEXT_BOLD, plot.x + TEXT_GAP, slot_y - b->lh_small / 2,
                      plot.width - 2 * TEXT_GAP, 0);
        }
    }
}

WmFunnelLayout *
wm_funnel_layout_new (const WmFunnelResult  *result,
                      const WmRect          *area,
                      const WmFunnelOptions *options)
{
  Builder b = { 0 };
  double legend_h;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (area != NULL, NULL);

  b.result = result;
  if (options != NULL)
    b.opt = *options;
  else
    wm_funnel_options_init (&b.opt);
  b.layout = g_new0 (WmFunnelLayout, 1);
  b.layout->area = *area;
  b.layout->orientation = b.opt.orientation;
  b.layout->n_steps = result->n_steps;
  b.layout->n_segments = result->n_segments;
  b.layout->biggest_drop = result->n_steps > 0 ? wm_funnel_result_biggest_drop (result) : -1;
  b.parts = g_array_new (FALSE, TRUE, sizeof (WmFunnelPart));
  b.texts = g_array_new (FALSE, TRUE, sizeof (WmFunnelText));
  b.lh_label = line_height (&b, b.opt.label_size, WM_TEXT_BOLD);
  b.lh_value = line_height (&b, b.opt.value_size, WM_TEXT_REGULAR);
  b.lh_small = line_height (&b, b.opt.small_size, WM_TEXT_REGULAR);

  if (result->n_steps > 0)
    {
      legend_h = add_legend (&b, area);
      if (b.opt.orientation == WM_FUNNEL_BARS_HORIZONTAL)
        layout_horizontal (&b, area, legend_h);
      else
        layout_vertical (&b, area, legend_h);
    }

  b.layout->n_parts = b.parts->len;
  b.layout->parts = (WmFunnelPart *) (void *) g_array_free (b.parts, FALSE);
  b.layout->n_texts = b.texts->len;
  b.layout->texts = (WmFunnelText *) (void *) g_array_free (b.texts, FALSE);

  return b.layout;
}

void
wm_funnel_layout_free (WmFunnelLayout *layout)
{
  if (layout == NULL)
    return;

  for (guint i = 0; i < layout->n_texts; i++)
    g_free (layout->texts[i].text);
  g_free (layout->texts);
  g_free (layout->parts);
  g_free (layout);
}

static inline gboolean
inside (const WmRect *r,
        double        x,
        double        y)
{
  return x >= r->x && x <= r->x + r->width && y >= r->y && y <= r->y + r->height;
}

WmFunnelHit
wm_funnel_layout_hit (const WmFunnelLayout *layout,
                      double                x,
                      double                y)
{
  for (guint i = layout->n_parts; i-- > 0;)
    {
      const WmFunnelPart *p = &layout->parts[i];

      if (inside (&p->rect, x, y))
        return (WmFunnelHit) { TRUE, p->kind, p->step, p->segment };
    }
  for (guint i = 0; i < layout->n_texts; i++)
    {
      const WmFunnelText *t = &layout->texts[i];

      if ((t->role == WM_FUNNEL_TEXT_STEP || t->role == WM_FUNNEL_TEXT_COUNT) &&
          inside (&t->rect, x, y))
        return (WmFunnelHit) { TRUE, WM_FUNNEL_PART_BAR, t->step, -1 };
    }

  return (WmFunnelHit) { FALSE, WM_FUNNEL_PART_BAR, 0, -1 };
}
