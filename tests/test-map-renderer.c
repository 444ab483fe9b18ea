/* test-map-renderer.c: the journey map renderer's pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "wm-demo-map.h"
#include "wm-map-renderer.h"
#include "wm-format.h"

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
  /* A straight connector along the cards' middle, 2 px wide: 3 px off it
   * is the column's tint, as 30 px off it. */
  line_x = a->x + a->width + 60;
  line_y = a->y + a->height / 2;
  g_assert_cmpfloat (picture.layout->connectors[0].y0, ==, line_y);
  g_assert_cmpfloat (picture.layout->connectors[0].y3, ==, line_y);
  plain = pixel (&picture, line_x, line_y + 30);
  g_assert_cmphex (pixel (&picture, line_x, line_y + 3), ==, plain);

  wm_map_metrics_set_start (metrics, 20000);
  wm_map_metrics_set_card (metrics, "a", 12480, 0.624);
  wm_map_metrics_set_connector (metrics, "ab", 9000);
  render (&picture, map, theme, metrics, NULL);
  g_assert_cmpuint (dark_pixels (&picture, &badge), >, 20);
  /* The connector is now as wide as its volume (the largest: 8 px). */
  near_line = pixel (&picture, line_x, line_y + 3);
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
  g_autofree char *millions = wm_format_count (12500000);

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

/* The demo's connector volumes (those of the demo data). */
static WmMapMetrics *
demo_metrics (void)
{
  static const struct { const char *id; guint64 customers; } volumes[] = {
    { "link-notice-app", 21147 }, { "link-notice-web", 11831 }, { "link-notice-ivr", 14048 },
    { "link-menu-attempt", 5922 }, { "link-menu-agent", 8126 }, { "link-requested-call", 7457 },
    { "link-app-paid", 17606 }, { "link-call-paid", 16510 },
  };
  WmMapMetrics *metrics = wm_map_metrics_new ();

  for (guint i = 0; i < G_N_ELEMENTS (volumes); i++)
    wm_map_metrics_set_connector (metrics, volumes[i].id, volumes[i].customers);
  return metrics;
}

static gboolean
rects_meet (const WmMapRect *a,
            const WmMapRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Every label shown, whole, clear of every card and of each other. */
static void
assert_labels_clear (WmMapLayout *layout)
{
  g_assert_true (layout->labels_placed);
  g_assert_cmpuint (layout->n_connectors, ==, 8);
  for (guint i = 0; i < layout->n_connectors; i++)
    {
      const WmMapConnectorPath *p = &layout->connectors[i];

      g_assert_nonnull (p->label_text);
      g_assert_cmpstr (p->label_text, ==, p->label_full);
      g_assert_cmpfloat (p->label.width, >, 0);
      for (guint c = 0; c < layout->n_cards; c++)
        g_assert_false (rects_meet (&p->label, &layout->cards[c].rect));
      for (guint k = 0; k < i; k++)
        g_assert_false (rects_meet (&p->label, &layout->connectors[k].label));
    }
}

static void
test_labels (void)
{
  g_autoptr(WmJourneyMap) map = wm_demo_map_new ();
  g_autoptr(WmMapMetrics) metrics = demo_metrics ();
  const WmTheme *theme = wm_theme_get (WM_THEME_LIGHT);
  g_autoptr(WmChartPango) pango = wm_chart_pango_new (theme);
  WmTextMeasurer measurer = wm_chart_pango_measurer (pango);
  g_autoptr(WmMapLayout) canvas = wm_map_layout_new (map, theme);
  g_autoptr(WmMapLayout) page = wm_map_layout_new_wide (map, theme, 1600 / 900.0);
  const WmMapConnectorPath *gives_up = NULL;
  WmMapHit hit;

  /* The canvas at zoom 1, and a 1600 × 900 export. */
  wm_map_layout_place_labels (canvas, metrics, &measurer, theme->small_size);
  assert_labels_clear (canvas);
  wm_map_layout_place_labels (page, metrics, &measurer, theme->small_size);
  assert_labels_clear (page);

  /* The count as on the cards' badges; a label is a connector's too. */
  for (guint i = 0; i < canvas->n_connectors; i++)
    if (g_str_equal (canvas->connectors[i].connector->id, "link-menu-agent"))
      gives_up = &canvas->connectors[i];
  g_assert_nonnull (gives_up);
  g_assert_cmpstr (gives_up->label_text, ==, "gives up at the menu · 8\u00A0126");
  wm_map_layout_hit (canvas, gives_up->label.x + 2, gives_up->label.y + gives_up->label.height / 2, &hit);
  g_assert_cmpint (hit.kind, ==, WM_MAP_HIT_CONNECTOR);
  g_assert_cmpstr (hit.id, ==, "link-menu-agent");
}

/* Where no place is free, a label is left to the tooltip. */
static void
test_label_without_room (void)
{
  g_autoptr(WmJourneyMap) map = wm_journey_map_new ();
  g_autoptr(WmMapMetrics) metrics = wm_map_metrics_new ();
  const WmTheme *theme = wm_theme_get (WM_THEME_LIGHT);
  g_autoptr(WmMapLayout) layout = NULL;
  const char *ids[] = { "a", "b", "c", "d" };

  /* One column, one lane, four stacked cards: no free space but the
   * gaps between them, 24 high. */
  wm_journey_map_add_stage (map, "s1", "One", -1);
  wm_journey_map_add_lane (map, "l1", "Notes", WM_LANE_NOTES, NULL, -1);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(WmMapCard) card = wm_map_card_new ();

      card->id = g_strdup (ids[i]);
      card->stage = g_strdup ("s1");
      card->lane = g_strdup ("l1");
      card->order = i;
      wm_journey_map_add_card (map, card, -1);
    }
  wm_journey_map_add_connector (map, "ab", "a", "b", "a label far too long to fit anywhere near here", -1);
  wm_journey_map_add_connector (map, "ad", "a", "d", "", -1);
  wm_map_metrics_set_connector (metrics, "ab", 1234567);
  layout = wm_map_layout_new (map, theme);
  wm_map_layout_place_labels (layout, metrics, NULL, theme->small_size);

  g_assert_cmpstr (layout->connectors[0].label_full, ==,
                   "a label far too long to fit anywhere near here · 1\u00A0234\u00A0567");
  /* A gap between two cards holds it shortened (by half; the estimate
   * measures). */
  g_assert_cmpstr (layout->connectors[0].label_text, ==, "a label far too long t… · 1\u00A0234\u00A0567");
  g_assert_cmpfloat (layout->connectors[0].label.height, <, 24);
  /* Type too large for any gap: the tooltip's. */
  wm_map_layout_place_labels (layout, metrics, NULL, 30);
  g_assert_nonnull (layout->connectors[0].label_full);
  g_assert_null (layout->connectors[0].label_text);
  /* No label, no count: nothing to say. */
  g_assert_null (layout->connectors[1].label_full);
  g_assert_null (layout->connectors[1].label_text);
}

/* Exports draw the whole map, fitted, in every format's surface. */
static void
test_fitted (void)
{
  g_autoptr(WmJourneyMap) map = wm_demo_map_new ();
  const WmTheme *theme = wm_theme_get (WM_THEME_DARK);
  WmMapChart chart = { map, NULL };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 900);
  cairo_t *cr = cairo_create (surface);
  Picture picture = { surface, map, NULL };
  g_autoptr(WmMapLayout) natural = wm_map_layout_new (map, theme);
  g_autoptr(WmMapLayout) wide = wm_map_layout_new_wide (map, theme, 16 / 9.0);
  double zoom;

  /* A 16:9 page: wider columns, not margins; shorter cards, so that the
   * small type comes out at least 11 px. */
  g_assert_cmpfloat_with_epsilon (wide->width / wide->height, 16 / 9.0, 1e-9);
  g_assert_cmpfloat (wide->columns[0].width, >, natural->columns[0].width);
  g_assert_cmpfloat (wide->card_height, ==, 68);
  zoom = 900 / wide->height;
  g_assert_cmpfloat (theme->small_size * zoom, >=, 11);
  /* A page narrower than the map leaves it as it is. */
  {
    g_autoptr(WmMapLayout) narrow = wm_map_layout_new_wide (map, theme, 0.5);

    g_assert_cmpfloat (narrow->width, ==, natural->width);
    g_assert_cmpfloat (narrow->height, ==, natural->height);
  }

  wm_map_render_fitted (cr, &chart, 1600, 900, theme);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* Filled edge to edge but for the margin: the last (tinted) column
   * reaches 14 map units from the right edge, the lane headers as near
   * the left one. */
  g_assert_cmphex (pixel (&picture, 1600 - 14 * zoom + 2, 450), ==, hex (&theme->background));
  g_assert_cmphex (pixel (&picture, 1600 - 14 * zoom - 3, 450), !=, hex (&theme->background));
  g_assert_cmphex (pixel (&picture, 14 * zoom + 3, 450), !=, hex (&theme->background));
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
  g_test_add_func ("/map-renderer/labels", test_labels);
  g_test_add_func ("/map-renderer/label-without-room", test_label_without_room);
  g_test_add_func ("/map-renderer/fitted", test_fitted);

  return g_test_run ();
}
