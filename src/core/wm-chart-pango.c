/* wm-chart-pango.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "wm-chart-pango.h"

#define N_FONTS 8
/* Measurements remembered; past this many the memory starts afresh. */
#define N_MEASURED 4096

struct _WmChartPango
{
  const WmTheme        *theme;
  PangoContext         *context;
  PangoLayout          *layout;
  /* Font descriptions by (size, weight): a chart uses only a few. */
  PangoFontDescription *fonts[N_FONTS];
  double                font_sizes[N_FONTS];
  WmTextWeight          font_weights[N_FONTS];
  guint                 n_fonts;
  /* "size|weight|text" → two doubles: a canvas redrawing the same labels
   * frame after frame measures each once. */
  GHashTable           *measured;
};

WmChartPango *
wm_chart_pango_new (const WmTheme *theme)
{
  WmChartPango *pango = g_new0 (WmChartPango, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  pango->theme = theme;
  pango->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (pango->context, options);
  cairo_font_options_destroy (options);
  pango->layout = pango_layout_new (pango->context);
  pango->measured = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return pango;
}

void
wm_chart_pango_free (WmChartPango *pango)
{
  if (pango == NULL)
    return;

  for (guint i = 0; i < pango->n_fonts; i++)
    pango_font_description_free (pango->fonts[i]);
  g_clear_pointer (&pango->measured, g_hash_table_unref);
  g_clear_object (&pango->layout);
  g_clear_object (&pango->context);
  g_free (pango);
}

static const PangoFontDescription *
font_for (WmChartPango *pango,
          double        size,
          WmTextWeight  weight)
{
  PangoFontDescription *font;

  for (guint i = 0; i < pango->n_fonts; i++)
    if (pango->font_sizes[i] == size && pango->font_weights[i] == weight)
      return pango->fonts[i];

  font = pango_font_description_from_string (pango->theme->font_family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight == WM_TEXT_BOLD ? PANGO_WEIGHT_BOLD
                                                                  : PANGO_WEIGHT_NORMAL);
  if (pango->n_fonts == N_FONTS)
    {
      pango_font_description_free (pango->fonts[0]);
      pango->n_fonts--;
      memmove (&pango->fonts[0], &pango->fonts[1], sizeof pango->fonts[0] * pango->n_fonts);
      memmove (&pango->font_sizes[0], &pango->font_sizes[1], sizeof (double) * pango->n_fonts);
      memmove (&pango->font_weights[0], &pango->font_weights[1],
               sizeof (WmTextWeight) * pango->n_fonts);
    }
  pango->fonts[pango->n_fonts] = font;
  pango->font_sizes[pango->n_fonts] = size;
  pango->font_weights[pango->n_fonts] = weight;
  pango->n_fonts++;

  return font;
}

static void
set_text (WmChartPango *pango,
          const char   *text,
          double        size,
          WmTextWeight  weight)
{
  pango_layout_set_font_description (pango->layout, font_for (pango, size, weight));
  pango_layout_set_text (pango->layout, text, -1);
}

static void
measure (const char   *text,
         double        size,
         WmTextWeight  weight,
         double       *width,
         double       *height,
         gpointer      user_data)
{
  WmChartPango *pango = user_data;
  g_autofree char *key = g_strdup_printf ("%.3f|%d|%s", size, weight, text);
  const double *known = g_hash_table_lookup (pango->measured, key);
  PangoRectangle logical;
  double *extents;

  if (known != NULL)
    {
      *width = known[0];
      *height = known[1];
      return;
    }

  set_text (pango, text, size, weight);
  pango_layout_get_extents (pango->layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;

  if (g_hash_table_size (pango->measured) >= N_MEASURED)
    g_hash_table_remove_all (pango->measured);
  extents = g_new (double, 2);
  extents[0] = *width;
  extents[1] = *height;
  g_hash_table_insert (pango->measured, g_steal_pointer (&key), extents);
}

WmTextMeasurer
wm_chart_pango_measurer (WmChartPango *pango)
{
  return (WmTextMeasurer) { measure, pango };
}

double
wm_chart_pango_draw (WmChartPango *pango,
                     cairo_t      *cr,
                     const char   *text,
                     double        size,
                     WmTextWeight  weight,
                     double        x,
                     double        y,
                     const WmRgba *color,
                     const WmRgba *halo)
{
  PangoRectangle logical;

  set_text (pango, text, size, weight);
  pango_layout_get_extents (pango->layout, NULL, &logical);

  cairo_save (cr);
  cairo_move_to (cr, x, y);
  if (halo != NULL)
    {
      pango_cairo_layout_path (cr, pango->layout);
      wm_chart_set_source (cr, halo, 1.0);
      cairo_set_line_width (cr, MAX (2.0, size / 5));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_move_to (cr, x, y);
    }
  wm_chart_set_source (cr, color, 1.0);
  pango_cairo_show_layout (cr, pango->layout);
  cairo_restore (cr);

  return (double) logical.width / PANGO_SCALE;
}

/* Where the title goes and the area left below it; *shown receives the
 * title as drawn (ellipsized), or NULL when there is none. */
static void
frame_geometry (WmChartPango   *pango,
                const WmTheme  *theme,
                const char     *title,
                double          width,
                double          height,
                char          **shown,
                double         *margin,
                double         *area_x,
                double         *area_y,
                double         *area_width,
                double         *area_height)
{
  double top;

  *margin = round (CLAMP (MIN (width, height) * 0.035, 12, 56));
  *shown = NULL;
  top = *margin;

  if (title != NULL && title[0] != '\0')
    {
      WmTextMeasurer m = wm_chart_pango_measurer (pango);
      double w, h;

      *shown = wm_text_ellipsize (&m, title, theme->title_size, WM_TEXT_BOLD,
                                  width - 2 * *margin, &w);
      if (*shown != NULL)
        {
          wm_text_measure (&m, *shown, theme->title_size, WM_TEXT_BOLD, &w, &h);
          top = *margin + h + *margin * 0.75;
        }
    }

  *area_x = *margin;
  *area_y = top;
  *area_width = MAX (1, width - 2 * *margin);
  *area_height = MAX (1, height - top - *margin);
}

void
wm_chart_frame_area (WmChartPango  *pango,
                     const WmTheme *theme,
                     const char    *title,
                     double         width,
                     double         height,
                     double        *area_x,
                     double        *area_y,
                     double        *area_width,
                     double        *area_height)
{
  g_autofree char *shown = NULL;
  double margin;

  frame_geometry (pango, theme, title, width, height, &shown, &margin,
                  area_x, area_y, area_width, area_height);
}

void
wm_chart_rounded_rect (cairo_t *cr,
                       double   x,
                       double   y,
                       double   width,
                       double   height,
                       double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
wm_chart_draw_frame (WmChartPango  *pango,
                     cairo_t       *cr,
                     const WmTheme *theme,
                     const char    *title,
                     double         width,
                     double         height,
                     double        *area_x,
                     double        *area_y,
                     double        *area_width,
                     double        *area_height)
{
  g_autofree char *shown = NULL;
  double margin;

  frame_geometry (pango, theme, title, width, height, &shown, &margin,
                  area_x, area_y, area_width, area_height);

  wm_chart_set_source (cr, &theme->background, 1.0);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  if (shown != NULL)
    wm_chart_pango_draw (pango, cr, shown, theme->title_size, WM_TEXT_BOLD,
                         margin, margin, &theme->foreground, NULL);
}
