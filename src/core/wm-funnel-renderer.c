/* wm-funnel-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-funnel-renderer.h"

void
wm_funnel_renderer_options (WmFunnelOptions *options,
                            const WmTheme   *theme,
                            WmChartPango    *pango)
{
  wm_funnel_options_init (options);
  options->label_size = theme->label_size;
  options->value_size = theme->value_size;
  options->small_size = theme->small_size;
  if (pango != NULL)
    options->measurer = wm_chart_pango_measurer (pango);
}

const WmRgba *
wm_funnel_bar_color (const WmTheme        *theme,
                     const WmFunnelResult *result,
                     int                   segment)
{
  if (segment < 0)
    return &theme->palette[0];

  /* By channel: the same colours as the flow chart, unless two values
   * would share one. */
  if (g_strcmp0 (result->breakdown_by, "channel") == 0)
    {
      guint slot = wm_theme_channel_slot (result->segments[segment].value);
      gboolean clash = FALSE;

      for (guint s = 0; s < result->n_segments && !clash; s++)
        clash = (int) s != segment && g_strcmp0 (result->segments[s].value, "Other") != 0 &&
                wm_theme_channel_slot (result->segments[s].value) == slot;
      if (!clash && g_strcmp0 (result->segments[segment].value, "Other") != 0)
        return wm_theme_channel_color (theme, result->segments[segment].value);
    }

  return wm_theme_series_color (theme, (guint) segment, result->segments[segment].value);
}

/* Diagonal hatching inside the current path, which is consumed. */
static void
hatch (cairo_t      *cr,
       const WmRect *r,
       const WmRgba *color,
       double        alpha,
       double        spacing)
{
  cairo_save (cr);
  cairo_clip (cr);
  wm_chart_set_source (cr, color, alpha);
  cairo_set_line_width (cr, 1.0);
  for (double d = -r->height; d < r->width; d += spacing)
    {
      cairo_move_to (cr, r->x + d, r->y + r->height);
      cairo_line_to (cr, r->x + d + r->height, r->y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_part (cairo_t              *cr,
           const WmFunnelResult *result,
           const WmFunnelPart   *p,
           const WmTheme        *theme,
           double                dim)
{
  const WmRgba *color = wm_funnel_bar_color (theme, result, p->segment);
  const WmRect *r = &p->rect;

  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  switch (p->kind)
    {
    case WM_FUNNEL_PART_BAR:
      wm_chart_set_source (cr, color, dim);
      cairo_fill (cr);
      break;

    case WM_FUNNEL_PART_IN_PROGRESS:
      wm_chart_set_source (cr, color, 0.22 * dim);
      cairo_fill_preserve (cr);
      hatch (cr, r, color, 0.7 * dim, 5);
      break;

    case WM_FUNNEL_PART_DROP:
      if (p->biggest_drop)
        {
          wm_chart_set_source (cr, &theme->highlight, 0.16 * dim);
          cairo_fill_preserve (cr);
          hatch (cr, r, &theme->highlight, 0.45 * dim, 7);
          cairo_rectangle (cr, r->x + 0.75, r->y + 0.75, r->width - 1.5, r->height - 1.5);
          wm_chart_set_source (cr, &theme->highlight, dim);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      else
        {
          wm_chart_set_source (cr, &theme->exit, 0.28 * dim);
          cairo_fill_preserve (cr);
          hatch (cr, r, &theme->exit, 0.55 * dim, 7);
        }
      break;

    default:
      cairo_new_path (cr);
      break;
    }
}

static const WmRgba *
text_color (const WmTheme          *theme,
            const WmFunnelText     *t)
{
  switch (t->role)
    {
    case WM_FUNNEL_TEXT_STEP:
    case WM_FUNNEL_TEXT_CONVERSION:
    case WM_FUNNEL_TEXT_LEGEND:
      return &theme->foreground;
    case WM_FUNNEL_TEXT_BIGGEST_DROP:
      return &theme->highlight;
    case WM_FUNNEL_TEXT_COUNT:
    case WM_FUNNEL_TEXT_MEDIAN:
    case WM_FUNNEL_TEXT_DROP:
    case WM_FUNNEL_TEXT_IN_PROGRESS:
    default:
      return &theme->muted;
    }
}

static gboolean
part_lit (const WmFunnelPart *p,
          const WmFunnelHit  *highlight)
{
  return highlight->step == p->step &&
         (highlight->segment < 0 || highlight->segment == p->segment);
}

static void
draw_text (cairo_t              *cr,
           const WmFunnelResult *result,
           const WmFunnelText   *t,
           const WmTheme        *theme,
           WmChartPango         *pango)
{
  if (t->role == WM_FUNNEL_TEXT_LEGEND)
    {
      wm_chart_set_source (cr, wm_funnel_bar_color (theme, result, t->segment), 1.0);
      cairo_rectangle (cr, t->swatch.x, t->swatch.y, t->swatch.width, t->swatch.height);
      cairo_fill (cr);
    }
  wm_chart_pango_draw (pango, cr, t->text, t->size, t->weight, t->rect.x, t->rect.y,
                       t->on_bar ? &theme->background : text_color (theme, t), NULL);
}

void
wm_funnel_renderer_draw_highlight (cairo_t              *cr,
                                   const WmFunnelResult *result,
                                   const WmFunnelLayout *layout,
                                   const WmTheme        *theme,
                                   WmChartPango         *pango,
                                   const WmFunnelHit    *highlight)
{
  const WmRect *plot = &layout->plot;
  /* Over an opaque background, a veil of it at 1 − a is the same as having
   * drawn the bars at alpha a. */
  double faded = 0.4;

  if (highlight == NULL || !highlight->hit)
    return;

  cairo_save (cr);
  wm_chart_set_source (cr, &theme->background, 1.0 - faded);
  cairo_rectangle (cr, plot->x, plot->y, plot->width, plot->height);
  cairo_fill (cr);

  for (guint i = 0; i < layout->n_parts; i++)
    if (part_lit (&layout->parts[i], highlight))
      draw_part (cr, result, &layout->parts[i], theme, 1.0);

  /* Texts inside the plot were veiled with their bars; the lit step's
   * come back on top. */
  for (guint i = 0; i < layout->n_texts; i++)
    {
      const WmFunnelText *t = &layout->texts[i];

      if (t->step == highlight->step && t->role != WM_FUNNEL_TEXT_LEGEND)
        draw_text (cr, result, t, theme, pango);
    }

  cairo_restore (cr);
}

void
wm_funnel_renderer_draw (cairo_t              *cr,
                         const WmFunnelResult *result,
                         const WmFunnelLayout *layout,
                         const WmTheme        *theme,
                         WmChartPango         *pango,
                         const WmFunnelHit    *highlight)
{
  const WmRect *plot = &layout->plot;

  cairo_save (cr);

  /* The baseline. */
  wm_chart_set_source (cr, &theme->grid, 1.0);
  cairo_set_line_width (cr, 1.0);
  if (layout->orientation == WM_FUNNEL_BARS_HORIZONTAL)
    {
      cairo_move_to (cr, plot->x - 0.5, plot->y);
      cairo_line_to (cr, plot->x - 0.5, plot->y + plot->height);
    }
  else
    {
      cairo_move_to (cr, plot->x, plot->y + plot->height + 0.5);
      cairo_line_to (cr, plot->x + plot->width, plot->y + plot->height + 0.5);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < layout->n_parts; i++)
    draw_part (cr, result, &layout->parts[i], theme, 1.0);
  for (guint i = 0; i < layout->n_texts; i++)
    draw_text (cr, result, &layout->texts[i], theme, pango);

  cairo_restore (cr);

  wm_funnel_renderer_draw_highlight (cr, result, layout, theme, pango, highlight);
}

void
wm_funnel_render (cairo_t               *cr,
                  const WmFunnelResult  *result,
                  double                 width,
                  double                 height,
                  const WmTheme         *theme,
                  const char            *title,
                  WmFunnelLayout       **layout_out)
{
  g_autoptr(WmChartPango) pango = wm_chart_pango_new (theme);
  g_autoptr(WmFunnelLayout) layout = NULL;
  WmFunnelOptions options;
  WmRect area;

  wm_chart_draw_frame (pango, cr, theme, title, width, height,
                       &area.x, &area.y, &area.width, &area.height);
  wm_funnel_renderer_options (&options, theme, pango);
  layout = wm_funnel_layout_new (result, &area, &options);
  wm_funnel_renderer_draw (cr, result, layout, theme, pango, NULL);

  if (layout_out != NULL)
    *layout_out = g_steal_pointer (&layout);
}
