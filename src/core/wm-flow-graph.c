/* wm-flow-graph.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wm-flow-graph.h"

G_DEFINE_BOXED_TYPE (WmFlowGraph, wm_flow_graph, wm_flow_graph_copy, wm_flow_graph_free)

WmFlowGraph *
wm_flow_graph_new (guint n_nodes,
                   guint n_links)
{
  WmFlowGraph *graph = g_new0 (WmFlowGraph, 1);

  graph->n_nodes = n_nodes;
  graph->n_links = n_links;
  graph->nodes = g_new0 (WmFlowNode, MAX (n_nodes, 1));
  graph->links = g_new0 (WmFlowLink, MAX (n_links, 1));

  return graph;
}

WmFlowGraph *
wm_flow_graph_copy (const WmFlowGraph *graph)
{
  WmFlowGraph *copy = wm_flow_graph_new (graph->n_nodes, graph->n_links);

  copy->start_customers = graph->start_customers;
  copy->n_steps = graph->n_steps;
  for (guint i = 0; i < graph->n_nodes; i++)
    {
      copy->nodes[i] = graph->nodes[i];
      copy->nodes[i].id = g_strdup (graph->nodes[i].id);
      copy->nodes[i].touchpoint = g_strdup (graph->nodes[i].touchpoint);
      copy->nodes[i].channel = g_strdup (graph->nodes[i].channel);
    }
  memcpy (copy->links, graph->links, sizeof (WmFlowLink) * graph->n_links);

  return copy;
}

void
wm_flow_graph_free (WmFlowGraph *graph)
{
  if (graph == NULL)
    return;

  for (guint i = 0; i < graph->n_nodes; i++)
    {
      g_free (graph->nodes[i].id);
      g_free (graph->nodes[i].touchpoint);
      g_free (graph->nodes[i].channel);
    }
  g_free (graph->nodes);
  g_free (graph->links);
  g_free (graph);
}

const char *
wm_flow_graph_node_name (const WmFlowGraph *graph,
                         guint              node)
{
  const WmFlowNode *n;

  g_return_val_if_fail (node < graph->n_nodes, "");

  n = &graph->nodes[node];
  /* The data calls these "Exit" and "Other"; people read them in their language. */
  if (n->kind == WM_FLOW_NODE_EXIT)
    return C_("flow node", "Exit");
  if (n->kind == WM_FLOW_NODE_OTHER)
    return C_("flow node", "Other");

  if (n->touchpoint != NULL && n->touchpoint[0] != '\0')
    return n->touchpoint;

  return n->id != NULL ? n->id : "";
}

int
wm_flow_graph_find_node (const WmFlowGraph *graph,
                         const char        *id)
{
  for (guint i = 0; i < graph->n_nodes; i++)
    if (g_strcmp0 (graph->nodes[i].id, id) == 0)
      return (int) i;

  return -1;
}
