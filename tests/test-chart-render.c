/* test-chart-render.c: the cairo renderers and export, checked by their pixels and files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "wm-chart-export.h"
#include "wm-chart-fixtures.h"
#include "wm-error.h"
#include "wm-funnel-renderer.h"
#include "wm-sankey-renderer.h"

static char *
temp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-chart-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static void
assert_pixel_within (cairo_surface_t *surface,
                     double           x,
                     double           y,
                     const WmRgba    *color,
                     int              tolerance)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *) (const void *) (data + (int) y * stride + 4 * (int) x);
  int r = (pixel >> 16) & 0xff;
  int g = (pixel >> 8) & 0xff;
  int b = pixel & 0xff;

  g_assert_cmpint (ABS (r - (int) (color->red * 255 + 0.5)), <=, tolerance);
  g_assert_cmpint (ABS (g - (int) (color->green * 255 + 0.5)), <=, tolerance);
  g_assert_cmpint (ABS (b - (int) (color->blue * 255 + 0.5)), <=, tolerance);
}

static void
assert_pixel (cairo_surface_t *surface,
              double           x,
              double           y,
              const WmRgba    *color)
{
  assert_pixel_within (surface, x, y, color, 1);
}

/* @color at @alpha over @background. */
static WmRgba
blend (const WmRgba *color,
       const WmRgba *background,
       double        alpha)
{
  return (WmRgba) { color->red * alpha + background->red * (1 - alpha),
                    color->green * alpha + background->green * (1 - alpha),
                    color->blue * alpha + background->blue * (1 - alpha), 1 };
}

static void
check_sankey_pixels (WmThemeKind kind)
{
  const WmTheme *theme = wm_theme_get (kind);
  g_autoptr(WmFlowGraph) graph = wm_fixture_bank_flow ();
  g_autoptr(WmSankeyLayout) layout = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1200, 700);
  cairo_t *cr = cairo_create (surface);
  guint checked = 0;

  wm_sankey_render (cr, graph, 1200, 700, theme, "Payment notice", &layout);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const WmRect *r = &layout->nodes[i].rect;

      if (graph->nodes[i].kind == WM_FLOW_NODE_EXIT || r->height < 3)
        continue;
      assert_pixel (surface, r->x + r->width / 2, r->y + r->height / 2,
                    wm_sankey_node_color (theme, &graph->nodes[i]));
      checked++;
    }
  g_assert_cmpuint (checked, ==, 13);

  /* Background in the margins and in the empty top right corner. */
  assert_pixel (surface, 2, 2, &theme->background);
  assert_pixel (surface, 1197, 697, &theme->background);
  assert_pixel (surface, 1190, layout->area.y + 2, &theme->background);

  cairo_surface_destroy (surface);
}

static void
test_sankey_pixels (void)
{
  check_sankey_pixels (WM_THEME_LIGHT);
  check_sankey_pixels (WM_THEME_DARK);
  check_sankey_pixels (WM_THEME_PRESENTATION);
}

static void
test_sankey_highlight (void)
{
  const WmTheme *theme = wm_theme_get (WM_THEME_DARK);
  g_autoptr(WmChartPango) pango = wm_chart_pango_new (theme);
  g_autoptr(WmFlowGraph) graph = wm_fixture_bank_flow ();
  g_autoptr(WmSankeyLayout) layout = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1200, 700);
  cairo_t *cr = cairo_create (surface);
  WmSankeyHit ivr = { WM_SANKEY_HIT_NODE, 3 };
  WmSankeyOptions options;
  WmRect area = { 20, 20, 1160, 660 };
  const WmRect *r;
  WmRgba dimmed;

  wm_sankey_renderer_options (&options, theme, pango, area.height);
  layout = wm_sankey_layout_new (graph, &area, &options);
  wm_chart_set_source (cr, &theme->background, 1.0);
  cairo_paint (cr);
  wm_sankey_renderer_draw (cr, graph, layout, theme, pango, &ivr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* On the IVR's flow: full colour; App login is off it: faded to 30 %. */
  r = &layout->nodes[3].rect;
  assert_pixel (surface, r->x + r->width / 2, r->y + r->height / 2,
                wm_sankey_node_color (theme, &graph->nodes[3]));
  r = &layout->nodes[12].rect;
  assert_pixel (surface, r->x + r->width / 2, r->y + r->height / 2,
                wm_sankey_node_color (theme, &graph->nodes[12]));
  r = &layout->nodes[1].rect;
  dimmed = blend (wm_sankey_node_color (theme, &graph->nodes[1]), &theme->background, 0.3);
  assert_pixel_within (surface, r->x + r->width / 2, r->y + r->height / 2, &dimmed, 2);
  /* Nothing drawn outside the area. */
  assert_pixel (surface, 2, 2, &theme->background);

  cairo_surface_destroy (surface);
}

static void
test_funnel_highlight (void)
{
  const WmTheme *theme = wm_theme_get (WM_THEME_LIGHT);
  g_autoptr(WmChartPango) pango = wm_chart_pango_new (theme);
  g_autoptr(WmFunnelResult) result = wm_fixture_bank_funnel (FALSE);
  g_autoptr(WmFunnelLayout) layout = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1200, 700);
  cairo_t *cr = cairo_create (surface);
  WmFunnelHit step2 = { TRUE, WM_FUNNEL_PART_BAR, 2, -1 };
  WmFunnelOptions options;
  WmRect area = { 20, 20, 1160, 660 };
  WmRgba dimmed = blend (wm_funnel_bar_color (theme, result, -1), &theme->background, 0.4);
  guint lit = 0, faded = 0;

  wm_funnel_renderer_options (&options, theme, pango);
  layout = wm_funnel_layout_new (result, &area, &options);
  wm_chart_set_source (cr, &theme->background, 1.0);
  cairo_paint (cr);
  wm_funnel_renderer_draw (cr, result, layout, theme, pango, &step2);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (guint i = 0; i < layout->n_parts; i++)
    {
      const WmFunnelPart *p = &layout->parts[i];
      double x = p->rect.x + p->rect.width / 2, y = p->rect.y + p->rect.height - 3;

      if (p->kind != WM_FUNNEL_PART_BAR)
        continue;
      if (p->step == 2)
        {
          assert_pixel (surface, x, y, wm_funnel_bar_color (theme, result, -1));
          lit++;
        }
      else
        {
          assert_pixel_within (surface, x, y, &dimmed, 2);
          faded++;
        }
    }
  g_assert_cmpuint (lit, ==, 1);
  g_assert_cmpuint (faded, ==, 3);

  cairo_surface_destroy (surface);
}

static void
test_funnel_pixels (void)
{
  const WmTheme *theme = wm_theme_get (WM_THEME_LIGHT);
  g_autoptr(WmFunnelResult) result = wm_fixture_bank_funnel (TRUE);
  g_autoptr(WmFunnelLayout) layout = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1200, 700);
  cairo_t *cr = cairo_create (surface);
  guint checked = 0;

  wm_funnel_render (cr, result, 1200, 700, theme, "Funnel", &layout);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (guint i = 0; i < layout->n_parts; i++)
    {
      const WmFunnelPart *p = &layout->parts[i];

      if (p->kind != WM_FUNNEL_PART_BAR)
        continue;
      /* Near the foot of the bar, clear of any text. */
      assert_pixel (surface, p->rect.x + p->rect.width / 2, p->rect.y + p->rect.height - 3,
                    wm_funnel_bar_color (theme, result, p->segment));
      checked++;
    }
  g_assert_cmpuint (checked, ==, 12);
  /* By channel: the flow chart's channel colours. */
  g_assert_true (wm_funnel_bar_color (theme, result, 2) == wm_theme_channel_color (theme, "ivr"));
  assert_pixel (surface, 2, 2, &theme->background);
  assert_pixel (surface, 1197, 697, &theme->background);

  cairo_surface_destroy (surface);
}

static void
test_cjk_label (void)
{
  const WmTheme *theme = wm_theme_get (WM_THEME_LIGHT);
  g_autoptr(WmChartPango) pango = wm_chart_pango_new (theme);
  g_autoptr(WmFlowGraph) graph = wm_fixture_bank_flow ();
  g_autoptr(WmSankeyLayout) layout = NULL;
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  PangoLayout *text = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (theme->font_family);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1200, 700);
  cairo_t *cr = cairo_create (surface);
  int receipt = wm_flow_graph_find_node (graph, "4:收据已发送");
  const WmSankeyLabel *label;
  const guint8 *data;
  int stride;
  guint ink = 0;

  /* Every glyph found in some font: no boxes. */
  pango_layout_set_font_description (text, font);
  pango_layout_set_text (text, "收据已发送", -1);
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (text), ==, 0);
  pango_font_description_free (font);
  g_object_unref (text);
  g_object_unref (context);

  wm_sankey_render (cr, graph, 1200, 700, theme, NULL, &layout);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  label = &layout->labels[receipt];
  g_assert_true (label->visible);
  g_assert_cmpstr (label->name, ==, "收据已发送");

  /* The label's first line has ink. */
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = label->rect.y; y < label->rect.y + label->name_height; y++)
    for (int x = label->rect.x; x < label->rect.x + label->rect.width; x++)
      ink += (*(const guint32 *) (const void *) (data + y * stride + 4 * x) & 0xffffff) != 0xffffff;
  g_assert_cmpuint (ink, >, 100);

  cairo_surface_destroy (surface);
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  guint *elements = user_data;

  if (*elements == 0)
    g_assert_cmpstr (element_name, ==, "svg");
  (*elements)++;
}

static void
test_export_svg (void)
{
  g_autoptr(WmFlowGraph) graph = wm_fixture_bank_flow ();
  g_autofree char *path = temp_path ("flow.SVG");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GMarkupParser parser = { start_element, NULL, NULL, NULL, NULL };
  GMarkupParseContext *context;
  guint elements = 0;
  gsize len;

  g_assert_true (wm_chart_export (WM_CHART_SANKEY, graph, path, 1000, 600,
                                  wm_theme_get (WM_THEME_DARK), "Flow", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));

  /* Well-formed XML with an <svg> root. */
  context = g_markup_parse_context_new (&parser, 0, &elements, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, len, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (context);
  g_assert_cmpuint (elements, >, 50);
  g_assert_nonnull (strstr (contents, "width=\"1000pt\""));
}

static guint
count_occurrences (const char *haystack,
                   gsize       len,
                   const char *needle)
{
  gsize n = strlen (needle);
  guint count = 0;

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      count++;

  return count;
}

static void
test_export_pdf (void)
{
  g_autoptr(WmFunnelResult) result = wm_fixture_bank_funnel (FALSE);
  g_autofree char *path = temp_path ("funnel.pdf");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_assert_true (wm_chart_export (WM_CHART_FUNNEL, result, path, 1600, 900,
                                  wm_theme_get (WM_THEME_PRESENTATION), "Funnel", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));

  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* One page ("/Type /Pages" is the page tree), of the size asked for. */
  g_assert_cmpuint (count_occurrences (contents, len, "/Type /Page") -
                    count_occurrences (contents, len, "/Type /Pages"), ==, 1);
  g_assert_cmpuint (count_occurrences (contents, len, "/MediaBox [ 0 0 1600 900 ]"), ==, 1);
}

static void
test_export_png (void)
{
  g_autoptr(WmFlowGraph) graph = wm_fixture_bank_flow ();
  g_autofree char *path = temp_path ("flow.png");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *png;

  g_assert_true (wm_chart_export (WM_CHART_SANKEY, graph, path, 640, 360, NULL, NULL, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 360);
  cairo_surface_destroy (png);
}

static void
test_export_errors (void)
{
  g_autoptr(WmFlowGraph) graph = wm_fixture_bank_flow ();
  g_autofree char *dir = g_dir_make_tmp ("waymark-chart-XXXXXX", NULL);
  g_autofree char *bad_ext = g_build_filename (dir, "flow.gif", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "flow.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (wm_chart_export (WM_CHART_SANKEY, graph, bad_ext, 640, 360, NULL, NULL, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test (bad_ext, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (wm_chart_export (WM_CHART_SANKEY, graph, bad_ext, 0, 360, NULL, NULL, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_false (wm_chart_export (WM_CHART_SANKEY, graph, missing, 640, 360, NULL, NULL, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_IO);
}

static void
test_theme (void)
{
  WmThemeKind kind = WM_THEME_LIGHT;

  g_assert_true (wm_theme_kind_from_name ("Dark", &kind));
  g_assert_cmpint (kind, ==, WM_THEME_DARK);
  g_assert_true (wm_theme_kind_from_name ("presentation", &kind));
  g_assert_cmpint (kind, ==, WM_THEME_PRESENTATION);
  g_assert_false (wm_theme_kind_from_name ("sepia", &kind));

  /* Channel colours are stable and the well-known ones distinct. */
  g_assert_cmpuint (wm_theme_channel_slot ("Mobile app"), ==, 0);
  g_assert_cmpuint (wm_theme_channel_slot ("web"), ==, 1);
  g_assert_cmpuint (wm_theme_channel_slot ("IVR"), ==, 2);
  g_assert_cmpuint (wm_theme_channel_slot ("agent"), ==, 3);
  g_assert_cmpuint (wm_theme_channel_slot ("kiosk"), ==, wm_theme_channel_slot ("kiosk"));
  g_assert_true (wm_theme_channel_color (wm_theme_get (WM_THEME_LIGHT), NULL) ==
                 &wm_theme_get (WM_THEME_LIGHT)->neutral);
  g_assert_cmpfloat (wm_theme_get (WM_THEME_PRESENTATION)->label_size, >,
                     wm_theme_get (WM_THEME_LIGHT)->label_size);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-render/sankey-pixels", test_sankey_pixels);
  g_test_add_func ("/chart-render/sankey-highlight", test_sankey_highlight);
  g_test_add_func ("/chart-render/funnel-pixels", test_funnel_pixels);
  g_test_add_func ("/chart-render/funnel-highlight", test_funnel_highlight);
  g_test_add_func ("/chart-render/cjk-label", test_cjk_label);
  g_test_add_func ("/chart-render/export-svg", test_export_svg);
  g_test_add_func ("/chart-render/export-pdf", test_export_pdf);
  g_test_add_func ("/chart-render/export-png", test_export_png);
  g_test_add_func ("/chart-render/export-errors", test_export_errors);
  g_test_add_func ("/chart-render/theme", test_theme);

  return g_test_run ();
}
