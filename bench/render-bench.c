/* render-bench.c: Sankey layout + render time at 1920×1080, and the graphs for d3-sankey
 *
 * Writes one JSON file per benchmark graph into --out (nodes, links, our
 * geometry, our times and crossings) for bench/d3-sankey.mjs, which lays the
 * same graphs out with d3-sankey and prints both side by side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <json-glib/json-glib.h>

#include "wm-bench-clock.h"
#include "wm-chart-fixtures.h"
#include "wm-chart-pango.h"
#include "wm-sankey-json.h"
#include "wm-sankey-renderer.h"

#define WIDTH 1920
#define HEIGHT 1080

typedef struct
{
  const char *name;
  guint32     seed;     /* 0: the bank story */
  guint       columns;
  guint       nodes;
  guint       links;
} Case;

static const Case cases[] = {
  { "bank-story", 0, 0, 0, 0 },
  { "60n-200l-s1", 1, 6, 60, 200 },
  { "60n-200l-s2", 2, 6, 60, 200 },
  { "60n-200l-s3", 3, 6, 60, 200 },
  { "60n-200l-s4", 4, 6, 60, 200 },
  { "30n-80l-s5", 5, 5, 30, 80 },
  { "100n-400l-s6", 6, 8, 100, 400 },
};

static JsonObject *
graph_json (const WmFlowGraph *graph)
{
  JsonObject *root = json_object_new ();
  JsonArray *nodes = json_array_new ();
  JsonArray *links = json_array_new ();

  for (guint i = 0; i < graph->n_nodes; i++)
    {
      JsonObject *o = json_object_new ();

      json_object_set_string_member (o, "id", graph->nodes[i].id);
      json_object_set_int_member (o, "step", graph->nodes[i].step);
      json_object_set_string_member (o, "touchpoint", graph->nodes[i].touchpoint);
      json_object_set_int_member (o, "customers", graph->nodes[i].customers);
      json_array_add_object_element (nodes, o);
    }
  for (guint i = 0; i < graph->n_links; i++)
    {
      JsonObject *o = json_object_new ();

      json_object_set_int_member (o, "source", graph->links[i].source);
      json_object_set_int_member (o, "target", graph->links[i].target);
      json_object_set_int_member (o, "customers", graph->links[i].customers);
      json_array_add_object_element (links, o);
    }
  json_object_set_array_member (root, "nodes", nodes);
  json_object_set_array_member (root, "links", links);

  return root;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *out = NULL;
  int runs = 60;
  GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, "Folder for the graphs' JSON", "DIR" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs per graph (median reported)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- Sankey layout and render benchmark");
  g_autoptr(GError) error = NULL;
  const WmTheme *theme = wm_theme_get (WM_THEME_LIGHT);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || out == NULL || runs < 1)
    {
      g_printerr ("render-bench: %s\n", error ? error->message : "--out DIR is required");
      return 2;
    }
  g_mkdir_with_parents (out, 0755);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const Case *bc = &cases[c];
      g_autoptr(WmFlowGraph) graph = bc->seed == 0
        ? wm_fixture_bank_flow ()
        : wm_fixture_random_flow (bc->seed, bc->columns, bc->nodes, bc->links);
      g_autofree double *total = g_new (double, runs);
      g_autofree double *total_cpu = g_new (double, runs);
      g_autofree double *layout_only = g_new (double, runs);
      g_autoptr(WmChartPango) pango = wm_chart_pango_new (theme);
      g_autoptr(WmSankeyLayout) layout = NULL;
      g_autoptr(JsonObject) root = graph_json (graph);
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *path = g_strdup_printf ("%s/%s.json", out, bc->name);
      JsonObject *ours = json_object_new ();
      WmSankeyOptions options;
      cairo_t *cr;

      /* Layout + render, the whole chart as export draws it. */
      for (int r = 0; r < runs; r++)
        {
          double t0, c0;

          cr = cairo_create (surface);
          t0 = wm_bench_wall_ms ();
          c0 = wm_bench_thread_ms ();
          wm_sankey_render (cr, graph, WIDTH, HEIGHT, theme, bc->name, NULL);
          cairo_surface_flush (surface);
          total[r] = wm_bench_wall_ms () - t0;
          total_cpu[r] = wm_bench_thread_ms () - c0;
          cairo_destroy (cr);
        }

      /* The layout alone, in the chart area export uses. */
      cr = cairo_create (surface);
      {
        WmRect area;

        wm_chart_draw_frame (pango, cr, theme, bc->name, WIDTH, HEIGHT,
                             &area.x, &area.y, &area.width, &area.height);
        wm_sankey_renderer_options (&options, theme, pango, area.height);
        for (int r = 0; r < runs; r++)
          {
            double t0 = wm_bench_wall_ms ();

            g_clear_pointer (&layout, wm_sankey_layout_free);
            layout = wm_sankey_layout_new (graph, &area, &options);
            layout_only[r] = wm_bench_wall_ms () - t0;
          }
        json_object_set_double_member (ours, "x0", area.x);
        json_object_set_double_member (ours, "y0", area.y);
        json_object_set_double_member (ours, "x1", area.x + area.width);
        json_object_set_double_member (ours, "y1", area.y + area.height);
      }
      cairo_destroy (cr);

      wm_sankey_layout_add_json (layout, graph, root, WIDTH, HEIGHT);
      json_object_set_string_member (ours, "name", bc->name);
      json_object_set_double_member (ours, "render_ms", wm_bench_median (total, runs));
      json_object_set_double_member (ours, "render_cpu_ms", wm_bench_median (total_cpu, runs));
      json_object_set_double_member (ours, "layout_ms", wm_bench_median (layout_only, runs));
      json_object_set_double_member (ours, "crossings", wm_sankey_layout_crossings (layout, graph));
      json_object_set_double_member (ours, "node_width", options.node_width);
      json_object_set_double_member (ours, "node_padding", options.node_padding);
      json_object_set_int_member (ours, "runs", runs);
      json_object_set_object_member (root, "bench", ours);

      json_node_set_object (node, root);
      if (!g_file_set_contents (path, json_to_string (node, FALSE), -1, &error))
        {
          g_printerr ("render-bench: %s\n", error->message);
          return 1;
        }
    }

  cairo_surface_destroy (surface);
  return 0;
}
