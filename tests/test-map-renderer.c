/* test-map-renderer.c: the journey map renderer's pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "wm-demo-map.h"
#include "wm-map-renderer.h"

typedef struct
{
  cairo_surface_t *surface;
  WmJourneyMap    *map;
  WmMapLayout     *layout;
} Picture;

static void
picture_clear (Picture *picture)
{
  g_clear_pointer (&picture->surface, cairo_surface_destroy);
  g_clear_pointer (&picture->layout, wm_map_layout_free);
}

/* Renders @map at zoom 1, map origin at the image's top left. */
static void
render (Picture            *picture,
        WmJourneyMap       *map,
        const WmTheme      *theme,
        const WmMapMetrics *metrics,
        GHashTable         *selection)
{
  g_autoptr(WmChartPango) pango = wm_chart_pango_new (theme);
  WmMapViewport viewport = { 0, 0, 1 };
  cairo_t *cr;

  picture_clear (picture);
  picture->map = map;
  picture->layout = wm_map_layout_new (map, theme);
  picture->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                 ceil (picture->layout->width),
                                                 ceil (picture->layout->height));
  cr = cairo_create (picture->surface);
  wm_map_render (cr, pango, map, picture->layout, metrics, theme, &viewport, selection,
                 picture->layout->width, picture->layout->height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (picture->surface);
}

/* 0xRRGGBB of the pixel at (@x, @y) (opaque: the background is painted). */
static guint32
pixel (Picture *picture,
       double   x,
       double   y)
{
  const guchar *data = cairo_image_surface_get_data (picture->surface);
  int stride = cairo_image_surface_get_stride (picture->surface);
  guint32 argb = *(const guint32 *) (data + (int) y * stride + (int) x * 4);

  g_assert_cmphex (argb >> 24, ==, 0xff);
  return argb & 0xffffff;
}

static guint32
hex (const WmRgba *color)
{
  return (guint32) lround (color->red * 255) << 16 | (guint32) lround (color->green * 255) << 8 |
         (guint32) lround (color->blue * 255);
}

static void
card_center (Picture    *picture,
             const char *card,
             double     *x,
             double     *y)
{
  const WmMapRect *r = &wm_map_layout_card_box (picture->layout, card)->rect;

  *x = r->x + r->width / 2;
  *y = r->y + r->height / 2;
}

static void
test_card_fill_and_background (void)
{
  g_autoptr(WmJourneyMap) map = wm_demo_map_new ();
  const WmTheme *themes[] = { wm_theme_get (WM_THEME_LIGHT), wm_theme_get (WM_THEME_DARK) };

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    {
      Picture picture = { 0 };
      WmRgba fill, accent;
      WmMapRect cell;
      double x, y;

      render (&picture, map, themes[t], NULL, NULL);

      /* "Notice e-mail opened" has no body: its middle is its fill. */
      wm_map_card_colors (themes[t], WM_CARD_COLOR_BLUE, &fill, &accent);
      card_center (&picture, "card-notice-opened", &x, &y);
      g_assert_cmphex (pixel (&picture, x, y), ==, hex (&fill));
      /* Its stripe, on the left edge. */
      g_assert_cmphex (pixel (&picture, wm_map_layout_card_box (picture.layout, "card-notice-opened")->rect.x + 2, y),
                       ==, hex (&accent));

      /* An empty cell of an untinted column (Notice × App), and the margin. */
      g_assert_true (wm_map_layout_cell_rect (picture.layout, 0, 2, &cell));
      g_assert_cmphex (pixel (&picture, cell.x + cell.width / 2, cell.y + cell.height / 2), ==,
                       hex (&themes[t]->background));
      g_assert_cmphex (pixel (&picture, picture.layout->width - 3, 3), ==, hex (&themes[t]->background));

      picture_clear (&picture);
    }

  /* The palette differs between themes. */
  {
    WmRgba light, dark;

    wm_map_card_colors (themes[0], WM_CARD_COLOR_RED, &light, NULL);
    wm_map_card_colors (themes[1], WM_CARD_COLOR_RED, &dark, NULL);
    g_assert_cmphex (hex (&light), !=, hex (&dark));
  }
}

static void
test_selection (void)
{
  g_autoptr(WmJourneyMap) map = wm_demo_map_new ();
  g_autoptr(GHashTable) selection = g_hash_table_new (g_str_hash, g_str_equal);
  const WmTheme *theme = wm_theme_get (WM_THEME_LIGHT);
  Picture picture = { 0 };
  const WmMapRect *r;
  double x, y;

  render (&picture, map, theme, NULL, NULL);
  r = &wm_map_layout_card_box (picture.layout, "card-notice-opened")->rect;
  /* 2.5 px above the top edge: the outline's middle when selected. */
  x = r->x + r->width / 2;
  y = r->y - 2.5;
  g_assert_cmphex (pixel (&picture, x, y), ==, hex (&theme->background));

  g_hash_table_add (selection, (gpointer) "card-notice-opened");
  render (&picture, map, theme, NULL, selection);
  g_assert_cmphex (pixel (&picture, x, y), ==, hex (&theme->highlight));
  picture_clear (&picture);
}

/* Two cards, two stages apart, joined by one straight connector. */
static WmJourneyMap *
pair_map (void)
{
  WmJourneyMap *map = wm_journey_map_new ();
  const char *cards[][2] = { { "a", "s1" }, { "b", "s3" } };

  wm_journey_map_add_stage (map, "s1", "One", -1);
  wm_journey_map_add_stage (map, "s2", "Two", -1);
  wm_journey_map_add_stage (map, "s3", "Three", -1);
  wm_journey_map_add_lane (map, "l1", "Notes", WM_LANE_NOTES, NULL, -1);
  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      g_autoptr(WmMapCard) card = wm_map_card_new ();

      card->id = g_strdup (cards[i][0]);
      card->stage = g_strdup (cards[i][1]);
      card->lane = g_strdup ("l1");
      g_free (card->title);
      card->title = g_strdup ("收据已发送");
      wm_journey_map_add_card (map, card, -1);
    }
  wm_journey_map_add_connector (map, "ab", "a", "b", "", -1);
  return map;
}

/* Counts the pixels of @r darker than mid-grey. */
static guint
dark_pixels (Picture         *picture,
             const WmMapRect *r)
{
  guint n = 0;

  for (int y = r->y; y < r->y + r->height; y++)
    for (int x = r->x; x < r->x + r->width; x++)
      {
        guint32 rgb = pixel (picture, x, y);

        if ((rgb >> 16 & 0xff) < 0x80 && (rgb >> 8 & 0xff) < 0x80 && (rgb & 0xff) < 0x80)
          n++;
      }
  return n;
}

static void
test_metrics (void)
{
  g_autoptr(WmJourneyMap) map = pair_map ();
  g_autoptr(WmMapMetrics) metrics = wm_map_metrics_new ();
  const WmTheme *theme = wm_theme_get (WM_THEME_LIGHT);
  Picture picture = { 0 };
  const WmMapRect *a;
  WmMapRect badge;
  double line_x, line_y;
  guint32 plain, near_line;

  render (&picture, map, theme, NULL, NULL);
  a = &wm_map_layout_card_box (picture.layout, "a")->rect;
  /* The badge's place: the right half of the footer, empty without numbers. */
  badge = (WmMapRect) { a->x + a->width / 2, a->y + a->height - 24, a->width / 2 - 8, 20 };
  g_assert_cmpuint (dark_pixels (&picture, &badge), ==, 0);
  /* A straight connector along the cards' middle: 4 px off it is the
   * column's tint, as 30 px off it. */
  line_x = a->x + a->width + 60;
  line_y = a->y + a->height / 2;
  g_assert_cmpfloat (picture.layout->connectors[0].y0, ==, line_y);
  g_assert_cmpfloat (picture.layout->connectors[0].y3, ==, line_y);
  plain = pixel (&picture, line_x, line_y + 30);
  g_assert_cmphex (pixel (&picture, line_x, line_y + 4), ==, plain);

  wm_map_metrics_set_start (metrics, 20000);
  wm_map_metrics_set_card (metrics, "a", 12480, 0.624);
  wm_map_metrics_set_connector (metrics, "ab", 9000);
  render (&picture, map, theme, metrics, NULL);
  g_assert_cmpuint (dark_pixels (&picture, &badge), >, 20);
  /* The connector is now as wide as its volume (the largest: 14 px). */
  near_line = pixel (&picture, line_x, line_y + 4);
  g_assert_cmphex (near_line, !=, plain);
  g_assert_cmphex (pixel (&picture, line_x, line_y + 30), ==, plain);
  picture_clear (&picture);
}

static void
test_badge_text (void)
{
  WmMapCardMetric metric = { 12480, 0.4149 };
  g_autofree char *badge = wm_map_metrics_format_badge (&metric);
  WmMapCardMetric small = { 7, 1.0 };
  g_autofree char *small_badge = wm_map_metrics_format_badge (&small);
  g_autofree char *millions = wm_map_metrics_format_count (12500000);

  g_assert_cmpstr (badge, ==, "12\u00A0480 · 41\u202F%");
  g_assert_cmpstr (small_badge, ==, "7 · 100\u202F%");
  g_assert_cmpstr (millions, ==, "12\u00A0500\u00A0000");
}

/* The theme's fonts have every glyph of the demo's Chinese text. */
static void
test_cjk_glyphs (void)
{
  const WmTheme *theme = wm_theme_get (WM_THEME_LIGHT);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (theme->font_family);

  pango_font_description_set_absolute_size (font, 13 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, "收据已发送 客户", -1);
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);

  pango_font_description_free (font);
  g_object_unref (layout);
  g_object_unref (context);
}

/* Zoomed far out, cards keep their colour but lose their unreadable text. */
static void
test_zoomed_out (void)
{
  g_autoptr(WmJourneyMap) map = wm_demo_map_new ();
  const WmTheme *theme = wm_theme_get (WM_THEME_LIGHT);
  g_autoptr(WmMapLayout) layout = wm_map_layout_new (map, theme);
  g_autoptr(WmChartPango) pango = wm_chart_pango_new (theme);
  const WmMapRect *r = &wm_map_layout_card_box (layout, "card-notice")->rect;
  double zooms[] = { 1.0, 0.25 };
  guint text_pixels[2];
  WmRgba fill;

  wm_map_card_colors (theme, WM_CARD_COLOR_BLUE, &fill, NULL);
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      WmMapViewport viewport = { 0, 0, zooms[z] };
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                             ceil (layout->width * zooms[z]),
                                                             ceil (layout->height * zooms[z]));
      cairo_t *cr = cairo_create (surface);
      Picture picture = { surface, map, layout };

      wm_map_render (cr, pango, map, layout, NULL, theme, &viewport, NULL,
                     layout->width * zooms[z], layout->height * zooms[z]);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      /* The card's inside, right of its stripe, away from its corners. */
      text_pixels[z] = 0;
      for (double y = r->y + 8; y < r->y + r->height - 8; y += 1 / zooms[z])
        for (double x = r->x + 12; x < r->x + r->width - 8; x += 1 / zooms[z])
          if (pixel (&picture, x * zooms[z], y * zooms[z]) != hex (&fill))
            text_pixels[z]++;
      cairo_surface_destroy (surface);
    }

  g_assert_cmpuint (text_pixels[0], >, 100);
  g_assert_cmpuint (text_pixels[1], ==, 0);
}

/* Exports draw the whole map, fitted, in every format's surface. */
static void
test_fitted (void)
{
  g_autoptr(WmJourneyMap) map = wm_demo_map_new ();
  const WmTheme *theme = wm_theme_get (WM_THEME_DARK);
  WmMapChart chart = { map, NULL };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (surface);
  Picture picture = { surface, map, NULL };

  wm_map_render_fitted (cr, &chart, 400, 300, theme);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* The map is taller than wide: centred, with background either side. */
  g_assert_cmphex (pixel (&picture, 2, 150), ==, hex (&theme->background));
  g_assert_cmphex (pixel (&picture, 397, 150), ==, hex (&theme->background));
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map-renderer/card-fill-and-background", test_card_fill_and_background);
  g_test_add_func ("/map-renderer/selection", test_selection);
  g_test_add_func ("/map-renderer/metrics", test_metrics);
  g_test_add_func ("/map-renderer/badge-text", test_badge_text);
  g_test_add_func ("/map-renderer/cjk-glyphs", test_cjk_glyphs);
  g_test_add_func ("/map-renderer/zoomed-out", test_zoomed_out);
  g_test_add_func ("/map-renderer/fitted", test_fitted);

  return g_test_run ();
}
