/* wm-cli-flow.c: waymark-cli flow --db P.waymark [--from TOUCHPOINT] [--depth 5] …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-analysis-json.h"
#include "wm-cli.h"

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
      row[2] = wm_cli_format_count (node->customers);
      row[3] = g_strdup_printf (_("%.1f %%"), graph->start_customers > 0
                                ? 100.0 * (double) node->customers / (double) graph->start_customers
                                : 0.0);
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
      row[2] = wm_cli_format_count (link->customers);
      g_ptr_array_add (links, row);
    }
  g_print ("\n");
  wm_cli_print_table (links, "llr");
}

int
wm_cli_flow (int    argc,
             char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *from = NULL;
  g_autofree char *window = NULL;
  int depth = 5;
  int top = 8;
  double min_share = 0.01;
  gboolean as_json = FALSE;
  g_autoptr(WmFlowQuery) query = wm_flow_query_new ();
  g_autoptr(WmJourneys) journeys = NULL;
  g_autoptr(WmFlowGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  int status = WM_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Project file"), N_("P.waymark") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Start each path at the customer’s first event of this touchpoint (default: at their first event)"), N_("TOUCHPOINT") },
    { "depth", 0, 0, G_OPTION_ARG_INT, &depth, N_("Steps after the start (default 5)"), N_("N") },
    { "top", 0, 0, G_OPTION_ARG_INT, &top, N_("Touchpoints per step with a node of their own; the rest are “Other” (default 8)"), N_("N") },
    { "min-share", 0, 0, G_OPTION_ARG_DOUBLE, &min_share, N_("Links carrying less than this share of the start customers go to “Other” (default 0.01)"), N_("SHARE") },
    { "window", 0, 0, G_OPTION_ARG_STRING, &window, N_("Only events this soon after the path’s start: 90s, 30m, 12h, 7d (default 14d)"), N_("DURATION") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the result as JSON"), NULL },
    { NULL }
  };

  if (!wm_cli_parse_options ("flow", NULL, _("Follow customers step by step from a touchpoint, for the Sankey view. Customers with no further event within the window go to “Exit”."),
                             entries, &argc, &argv))
    return WM_CLI_EXIT_USAGE;

  if (argc > 1)
    {
      wm_cli_print_error (_("Unexpected argument “%s”"), argv[1]);
      return WM_CLI_EXIT_USAGE;
    }

  if (depth < 1 || depth > 50 || top < 1 || top > 100)
    {
      wm_cli_print_error (_("--depth takes 1 to %d and --top 1 to %d"), 50, 100);
      return WM_CLI_EXIT_USAGE;
    }

  if (!(min_share >= 0.0 && min_share <= 1.0))
    {
      wm_cli_print_error (_("--min-share takes a share between 0 and 1, like 0.01"));
      return WM_CLI_EXIT_USAGE;
    }

  query->from = g_strdup (from);
  query->depth = depth;
  query->top = top;
  query->min_share = min_share;
  if (!wm_cli_parse_window (window != NULL ? window : "14d", &query->window_s))
    return WM_CLI_EXIT_USAGE;

  journeys = wm_cli_load_journeys (db, &status);
  if (journeys == NULL)
    return status;

  graph = wm_flow_query_run (query, journeys, NULL, NULL, NULL, &error);
  if (graph == NULL)
    return wm_cli_report_error (error);

  if (as_json)
    {
      g_autoptr(JsonNode) root = wm_flow_graph_to_json (graph);

      wm_cli_print_json (root);
    }
  else
    print_graph (graph);

  return WM_CLI_EXIT_OK;
}
