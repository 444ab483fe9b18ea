/* test-cli-render.c: waymark-cli render funnel|flow|map and flow --layout,
 * end to end: exit statuses, image sizes, SVG that parses, PDF pages, the
 * layout's geometry, and the map's live numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <math.h>

#include "wm-cli-runner.h"

static char *project;   /* the demo, 300 customers, shared by the tests */

static const char * const funnel_steps[] = {
  "--step", "Payment notice", "--step", "App login,Web login,IVR menu", "--step", "Payment completed",
};

/* Runs `render KIND --db project --output @output` with @extra arguments. */
static void
render (Run                *run,
        const char         *kind,
        const char         *output,
        const char * const *extra)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_strv_builder_add_many (builder, g_getenv ("WAYMARK_CLI"), "render", kind, "--db", project,
                           "--output", output, NULL);
  if (extra != NULL)
    g_strv_builder_addv (builder, (const char **) extra);
  argv = g_strv_builder_end (builder);

  memset (run, 0, sizeof *run);
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &run->out, &run->err,
                               &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

#define EXTRA(...) ((const char * const[]) { __VA_ARGS__, NULL })

/* Width and height from the PNG's IHDR chunk. */
static void
assert_png_size (const char *path,
                 guint32     width,
                 guint32     height)
{
  g_autofree guchar *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, (char **) &data, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 16)), ==, width);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 20)), ==, height);
}

static char *
run_tool (const char * const *argv,
          int                *status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &wait_status, &error));
  g_assert_no_error (error);
  *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return out;
}

static void
test_funnel_png (void)
{
  g_autofree char *png = temp_file ("funnel.png");
  g_autofree char *small = temp_file ("funnel-small.png");
  g_auto(Run) run = { 0 };
  g_auto(Run) run_small = { 0 };

  render (&run, "funnel", png, EXTRA (funnel_steps[0], funnel_steps[1], funnel_steps[2], funnel_steps[3],
                                      funnel_steps[4], funnel_steps[5], "--window", "30d"));
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_png_size (png, 1600, 900);

  render (&run_small, "funnel", small, EXTRA ("--step", "Payment notice", "--step", "Payment completed",
                                              "--size", "800x450", "--theme", "presentation",
                                              "--title", "Notice to payment", "--order", "strict"));
  g_assert_cmpint (run_small.status, ==, 0);
  assert_png_size (small, 800, 450);
}

static double
luma_at (const char *png,
         int         x,
         int         y)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (png);
  guint32 pixel;
  double luma;

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (image);
  pixel = *(guint32 *) (cairo_image_surface_get_data (image) + y * cairo_image_surface_get_stride (image) + 4 * x);
  luma = (0.2126 * ((pixel >> 16) & 0xff) + 0.7152 * ((pixel >> 8) & 0xff) + 0.0722 * (pixel & 0xff)) / 255.0;
  cairo_surface_destroy (image);
  return luma;
}

static void
test_flow_themes (void)
{
  g_autofree char *light = temp_file ("flow-light.png");
  g_autofree char *dark = temp_file ("flow-dark.png");
  g_auto(Run) run_light = { 0 };
  g_auto(Run) run_dark = { 0 };

  render (&run_light, "flow", light, EXTRA ("--from", "Payment notice", "--depth", "3", "--size", "640x400"));
  render (&run_dark, "flow", dark, EXTRA ("--from", "Payment notice", "--depth", "3", "--size", "640x400",
                                          "--theme", "dark"));
  g_assert_cmpint (run_light.status, ==, 0);
  g_assert_cmpint (run_dark.status, ==, 0);
  assert_png_size (dark, 640, 400);
  /* The corner is background: white-ish in light, dark in dark. */
  g_assert_cmpfloat (luma_at (light, 1, 1), >, 0.9);
  g_assert_cmpfloat (luma_at (dark, 1, 1), <, 0.2);
}

static void
test_flow_svg (void)
{
  g_autofree char *svg = temp_file ("flow.svg");
  g_auto(Run) run = { 0 };
  g_autofree char *out = NULL;
  int status;

  render (&run, "flow", svg, EXTRA ("--size", "1200x700", "--top", "4", "--min-share", "0.02"));
  g_assert_cmpint (run.status, ==, 0);
  out = run_tool ((const char * const[]) { "xmllint", "--noout", svg, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  out = run_tool ((const char * const[]) { "xmllint", "--xpath", "name(/*)", svg, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (g_strstrip (out), ==, "svg");
}

static void
test_pdf_page (void)
{
  const char *kinds[] = { "flow", "funnel", "map" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strconcat (kinds[i], ".pdf", NULL);
      g_autofree char *pdf = temp_file (name);
      g_autofree char *info = NULL;
      g_auto(Run) run = { 0 };
      int status;

      if (g_str_equal (kinds[i], "funnel"))
        render (&run, kinds[i], pdf, EXTRA ("--step", "Payment notice", "--step", "Payment completed",
                                            "--size", "1000x700"));
      else
        render (&run, kinds[i], pdf, EXTRA ("--size", "1000x700"));
      g_assert_cmpint (run.status, ==, 0);
      info = run_tool ((const char * const[]) { "pdfinfo", pdf, NULL }, &status);
      g_assert_cmpint (status, ==, 0);
      g_assert_nonnull (strstr (info, "Pages:           1\n"));
      g_assert_nonnull (strstr (info, "Page size:       1000 x 700 pts"));
    }
}

/* The map’s cards carry the engine’s numbers (pdftotext gives their thin
 * spaces as spaces): the demo’s 300 customers
 * got the notice, 95 of them (32 %) reached the IVR menu, and the IVR
 * leaks 80 % of its callers. */
static void
test_map_metrics (void)
{
  g_autofree char *pdf = temp_file ("map.pdf");
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0 };
  int status;

  render (&run, "map", pdf, EXTRA ("--title", "Payments, live"));
  g_assert_cmpint (run.status, ==, 0);
  text = run_tool ((const char * const[]) { "pdftotext", pdf, "-", NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (text, "Payments, live"));
  g_assert_nonnull (strstr (text, "300 · 100 %"));
  g_assert_nonnull (strstr (text, "95 · 32 %"));
  g_assert_nonnull (strstr (text, "Leakage 80 %"));
}

static void
test_refused (void)
{
  g_autofree char *png = temp_file ("refused.png");
  struct {
    const char *kind;
    const char * const *extra;
    const char *fragment;
  } cases[] = {
    { "funnel", EXTRA ("--step", "Payment notice"), "two --step" },
    { "funnel", EXTRA ("--step", "Payment notice", "--step", "Nowhere"), "Nowhere" },
    { "funnel", EXTRA ("--step", "A", "--step", "B", "--order", "sideways"), "--order" },
    { "funnel", EXTRA ("--step", "A", "--step", "B", "--window", "soon"), "soon" },
    { "flow", EXTRA ("--depth", "0"), "--depth" },
    { "flow", EXTRA ("--min-share", "2"), "--min-share" },
    { "flow", EXTRA ("--size", "0x10"), "--size" },
    { "flow", EXTRA ("--size", "99999x10"), "--size" },
    { "flow", EXTRA ("--theme", "pink"), "pink" },
    { "flow", EXTRA ("stray"), "stray" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      render (&run, cases[i].kind, png, cases[i].extra);
      g_assert_cmpint (run.status, ==, 2);
      assert_one_line_error (&run, cases[i].fragment);
      /* Nothing written on failure. */
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
    }
}

static void
test_layout_json (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) root = NULL;
  JsonArray *nodes, *links;
  JsonObject *layout;
  double scale = 0, widest = 0;

  cli (&run, NULL, "flow", "--db", project, "--from", "Payment notice", "--json", "--layout", "1000x600", NULL);
  g_assert_cmpint (run.status, ==, 0);
  /* Coordinates print exactly, without a decimal rounding's binary tail. */
  g_assert_null (strstr (run.out, "00000000"));
  g_assert_null (strstr (run.out, "99999999"));
  root = parse_object (run.out);
  nodes = json_object_get_array_member (root, "nodes");
  links = json_object_get_array_member (root, "links");
  layout = json_object_get_object_member (root, "layout");
  g_assert_cmpfloat (json_object_get_double_member (layout, "width"), ==, 1000);
  g_assert_cmpfloat (json_object_get_double_member (layout, "height"), ==, 600);
  g_assert_cmpuint (json_array_get_length (nodes), >, 5);

  /* Every node is a rectangle inside the chart. */
  for (guint i = 0; i < json_array_get_length (nodes); i++)
    {
      JsonObject *node = json_array_get_object_element (nodes, i);
      double x0 = json_object_get_double_member (node, "x0"), x1 = json_object_get_double_member (node, "x1");
      double y0 = json_object_get_double_member (node, "y0"), y1 = json_object_get_double_member (node, "y1");

      g_assert_cmpfloat (0, <=, x0);
      g_assert_cmpfloat (x0, <, x1);
      g_assert_cmpfloat (x1, <=, 1000);
      g_assert_cmpfloat (0, <=, y0);
      g_assert_cmpfloat (y0, <, y1);
      g_assert_cmpfloat (y1, <=, 600);
    }

  /* Band widths are proportional to customers (the scale from the widest
   * band), except that thin ones are raised to a visible minimum. */
  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      JsonObject *link = json_array_get_object_element (links, i);
      double width = json_object_get_double_member (link, "width");

      if (width > widest)
        {
          widest = width;
          scale = width / json_object_get_int_member (link, "customers");
        }
    }
  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      JsonObject *link = json_array_get_object_element (links, i);
      double width = json_object_get_double_member (link, "width");
      double expected = scale * json_object_get_int_member (link, "customers");

      if (expected >= 3)
        g_assert_cmpfloat (fabs (width - expected), <=, 0.02);
      else
        g_assert_cmpfloat (width, >=, expected - 0.02);
    }

  /* A link's ends lie within its nodes' spans. */
  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      JsonObject *link = json_array_get_object_element (links, i);
      const char *ends[2] = { json_object_get_string_member (link, "source"),
                              json_object_get_string_member (link, "target") };
      const char *at[2] = { "y0", "y1" };

      for (guint e = 0; e < 2; e++)
        for (guint n = 0; n < json_array_get_length (nodes); n++)
          {
            JsonObject *node = json_array_get_object_element (nodes, n);

            if (!g_str_equal (json_object_get_string_member (node, "id"), ends[e]))
              continue;
            g_assert_cmpfloat (json_object_get_double_member (link, at[e]), >=,
                               json_object_get_double_member (node, "y0") - 0.01);
            g_assert_cmpfloat (json_object_get_double_member (link, at[e]), <=,
                               json_object_get_double_member (node, "y1") + 0.01);
          }
    }
}

static void
test_layout_refused (void)
{
  g_auto(Run) without_json = { 0 };
  g_auto(Run) bad_size = { 0 };
  g_auto(Run) plain = { 0 };

  cli (&without_json, NULL, "flow", "--db", project, "--layout", "800x600", NULL);
  g_assert_cmpint (without_json.status, ==, 2);
  assert_one_line_error (&without_json, "--json");
  cli (&bad_size, NULL, "flow", "--db", project, "--json", "--layout", "800", NULL);
  g_assert_cmpint (bad_size.status, ==, 2);
  assert_one_line_error (&bad_size, "--layout");

  /* Without --layout, no geometry. */
  cli (&plain, NULL, "flow", "--db", project, "--json", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_null (strstr (plain.out, "\"x0\""));
  g_assert_null (strstr (plain.out, "\"layout\""));
}

int
main (int    argc,
      char **argv)
{
  g_auto(Run) run = { 0 };
  int status;

  g_test_init (&argc, &argv, NULL);

  project = temp_file ("demo.waymark");
  cli (&run, NULL, "demo", "--output", project, "--customers", "300", NULL);
  g_assert_cmpint (run.status, ==, 0);

  g_test_add_func ("/cli-render/funnel-png", test_funnel_png);
  g_test_add_func ("/cli-render/flow-themes", test_flow_themes);
  g_test_add_func ("/cli-render/flow-svg", test_flow_svg);
  g_test_add_func ("/cli-render/pdf-page", test_pdf_page);
  g_test_add_func ("/cli-render/map-metrics", test_map_metrics);
  g_test_add_func ("/cli-render/refused", test_refused);
  g_test_add_func ("/cli-render/layout-json", test_layout_json);
  g_test_add_func ("/cli-render/layout-refused", test_layout_refused);

  status = g_test_run ();
  g_free (project);
  return status;
}
