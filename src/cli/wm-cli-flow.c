/* wm-cli-flow.c: waymark-cli flow --db P.waymark [--from TOUCHPOINT] [--depth 5] …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-analysis-json.h"
#include "wm-cli-query.h"
#include "wm-sankey-json.h"
#include "wm-sankey-renderer.h"

static void
print_graph (const WmFlowGraph *graph)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  char **row;

  row = g_new0 (char *, 6);
  row[0] = g_strdup (_("Step"));
  row[1] = g_strdup (_("Touchpoint"));
  row[2] = g_strdup (_("Customers"));
  row[3] = g_strdup (_("Of start"));
  row[4] = g_strdup (_("Channel"));
  g_ptr_array_add (nodes, row);
  for (guint i = 0; i < graph->n_nodes; i++)
    {
      const WmFlowNode *node = &graph->nodes[i];

      row = g_new0 (char *, 6);
      row[0] = g_strdup_printf ("%u", node->step);
      row[1] = g_strdup (node->kind == WM_FLOW_NODE_OTHER ? _("(other)")
                         : node->kind == WM_FLOW_NODE_EXIT ? _("(exit)")
                         : node->touchpoint);
      row[2] = wm_format_count (node->customers);
      row[3] = wm_format_percent (graph->start_customers > 0
                                  ? (double) node->customers / (double) graph->start_customers
                                  : 0.0, 1);
      row[4] = g_strdup (node->channel != NULL ? node->channel : "");
      g_ptr_array_add (nodes, row);
    }
  wm_cli_print_table (nodes, "rlrrl");

  row = g_new0 (char *, 4);
  row[0] = g_strdup (_("From"));
  row[1] = g_strdup (_("To"));
  row[2] = g_strdup (_("Customers"));
  g_ptr_array_add (links, row);
  for (guint i = 0; i < graph->n_links; i++)
    {
      const WmFlowLink *link = &graph->links[i];

      row = g_new0 (char *, 4);
      row[0] = g_strdup (graph->nodes[link->source].id);
      row[1] = g_strdup (graph->nodes[link->target].id);
      row[2] = wm_format_count (link->customers);
      g_ptr_array_add (links, row);
    }
  g_print ("\n");
  wm_cli_print_table (links, "llr");
}

/* The flow JSON, with the geometry of the chart drawn at @width × @height
 * when @width > 0: the very layout `render flow` draws. */
static JsonNode *
graph_json (const WmFlowGraph *graph,
            int                width,
            int                height)
{
  g_autoptr(JsonNode) root = wm_flow_graph_to_json (graph);
  g_autoptr(WmSankeyLayout) layout = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (width <= 0)
    return g_steal_pointer (&root);

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  wm_sankey_render (cr, graph, width, height, wm_theme_get (WM_THEME_LIGHT), NULL, &layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  wm_sankey_layout_add_json (layout, graph, json_node_get_object (root), width, height);
  return g_steal_pointer (&root);
}

int
wm_cli_flow (int    argc,
             char **argv)
{
  g_auto(WmCliFlowOptions) flow = { 0 };
  g_autofree char *db = NULL;
  g_autofree char *layout = NULL;
  gboolean as_json = FALSE;
  int width = 0, height = 0;
  g_autoptr(GArray) entries = wm_cli_entries_new ();
  g_autoptr(WmFlowQuery) query = NULL;
  g_autoptr(WmJourneys) journeys = NULL;
  g_autoptr(WmFlowGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  int status = WM_CLI_EXIT_OK;
  const GOptionEntry db_entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Project file"), N_("P.waymark") },
    { NULL }
  };
  const GOptionEntry output_entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the result as JSON"), NULL },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout, N_("With --json: add each node’s rectangle and each link’s ends and width in a chart of this size"), N_("WxH") },
    { NULL }
  };

  wm_cli_flow_options_init (&flow);
  wm_cli_entries_add (entries, db_entries);
  wm_cli_entries_add (entries, flow.entries);
  wm_cli_entries_add (entries, output_entries);
  if (!wm_cli_parse_options ("flow", NULL, _("Follow customers step by step from a touchpoint, for the Sankey view. Customers with no further event within the window go to “Exit”."),
                             (const GOptionEntry *) entries->data, &argc, &argv))
    return WM_CLI_EXIT_USAGE;

  if (argc > 1)
    {
      wm_cli_print_error (_("Unexpected argument “%s”"), argv[1]);
      return WM_CLI_EXIT_USAGE;
    }

  if (layout != NULL && !as_json)
    {
      wm_cli_print_error (_("--layout adds the geometry to the JSON: use it with --json"));
      return WM_CLI_EXIT_USAGE;
    }
  if (layout != NULL && !wm_cli_parse_size ("--layout", layout, &width, &height))
    return WM_CLI_EXIT_USAGE;

  query = wm_cli_flow_options_query (&flow);
  if (query == NULL)
    return WM_CLI_EXIT_USAGE;

  journeys = wm_cli_load_journeys (db, &status);
  if (journeys == NULL)
    return status;

  graph = wm_flow_query_run (query, journeys, NULL, NULL, NULL, &error);
  if (graph == NULL)
    return wm_cli_report_error (error);

  if (as_json)
    {
      g_autoptr(JsonNode) root = graph_json (graph, width, height);

      wm_cli_print_json (root);
    }
  else
    print_graph (graph);

  return WM_CLI_EXIT_OK;
}
