/* test-flow.c: flows over a hand-made event log, with exact answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-analysis-fixtures.h"
#include "wm-error.h"
#include "wm-reference-analysis.h"

/* From S: c1, c2, c3, c6 go to A; c4 to D; c5's next event is past the
 * 1 h window.  Then B (c1, c4, c6), C (c2), and c3 has no further event.
 * c6 starts at its first S, after an X. */
static const char events[] =
  "customer,timestamp,touchpoint,channel\n"
  "c1,2026-01-01T00:00:00Z,S,mail\n"
  "c1,2026-01-01T00:10:00Z,A,web\n"
  "c1,2026-01-01T00:20:00Z,B,web\n"
  "c2,2026-01-01T00:00:00Z,S,mail\n"
  "c2,2026-01-01T00:10:00Z,A,app\n"
  "c2,2026-01-01T00:20:00Z,C,app\n"
  "c3,2026-01-01T00:00:00Z,S,mail\n"
  "c3,2026-01-01T00:10:00Z,A,web\n"
  "c4,2026-01-01T00:00:00Z,S,mail\n"
  "c4,2026-01-01T00:10:00Z,D,ivr\n"
  "c4,2026-01-01T00:20:00Z,B,ivr\n"
  "c5,2026-01-01T00:00:00Z,S,mail\n"
  "c5,2026-01-01T02:00:00Z,X,\n"
  "c6,2026-01-01T00:00:00Z,X,\n"
  "c6,2026-01-01T01:00:00Z,S,\n"
  "c6,2026-01-01T01:30:00Z,A,web\n"
  "c6,2026-01-01T02:00:00Z,B,web\n";

static WmFlowGraph *
run (WmTestProject *data,
     const char    *from,
     guint          depth,
     guint          top,
     double         min_share)
{
  g_autoptr(WmFlowQuery) query = wm_flow_query_new ();
  g_autoptr(WmFlowGraph) expected = NULL;
  g_autoptr(GError) error = NULL;
  WmFlowGraph *graph;

  query->from = g_strdup (from);
  query->depth = depth;
  query->top = top;
  query->min_share = min_share;
  query->window_s = 3600;

  graph = wm_flow_query_run (query, data->journeys, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  expected = wm_reference_flow (data->project, query);
  wm_assert_flows_equal (expected, graph);
  wm_assert_flow_conserved (graph);

  return graph;
}

static guint64
node_customers (const WmFlowGraph *graph,
                const char        *id)
{
  int i = wm_flow_graph_find_node (graph, id);

  g_assert_cmpint (i, >=, 0);
  return graph->nodes[i].customers;
}

static guint64
link_customers (const WmFlowGraph *graph,
                const char        *source,
                const char        *target)
{
  int s = wm_flow_graph_find_node (graph, source);
  int t = wm_flow_graph_find_node (graph, target);

  for (guint i = 0; i < graph->n_links; i++)
    if (graph->links[i].source == (guint) s && graph->links[i].target == (guint) t)
      return graph->links[i].customers;
  return 0;
}

static void
test_other_and_exit (void)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (events);
  g_autoptr(WmFlowGraph) graph = run (data, "S", 2, 1, 0.0);
  const char *ids[] = { "0:S", "1:A", "1:Other", "1:Exit", "2:B", "2:Other", "2:Exit" };
  const guint64 customers[] = { 6, 4, 1, 1, 3, 1, 1 };

  g_assert_cmpuint (graph->start_customers, ==, 6);
  g_assert_cmpuint (graph->n_steps, ==, 3);
  g_assert_cmpuint (graph->n_nodes, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_cmpstr (graph->nodes[i].id, ==, ids[i]);
      g_assert_cmpuint (graph->nodes[i].customers, ==, customers[i]);
    }
  g_assert_cmpint (graph->nodes[2].kind, ==, WM_FLOW_NODE_OTHER);
  g_assert_cmpint (graph->nodes[3].kind, ==, WM_FLOW_NODE_EXIT);
  g_assert_cmpstr (graph->nodes[0].channel, ==, "mail");
  g_assert_cmpstr (graph->nodes[1].channel, ==, "web");
  g_assert_null (graph->nodes[3].channel);

  g_assert_cmpuint (graph->n_links, ==, 7);
  g_assert_cmpuint (link_customers (graph, "0:S", "1:A"), ==, 4);
  g_assert_cmpuint (link_customers (graph, "0:S", "1:Other"), ==, 1);
  g_assert_cmpuint (link_customers (graph, "0:S", "1:Exit"), ==, 1);
  g_assert_cmpuint (link_customers (graph, "1:A", "2:B"), ==, 2);
  g_assert_cmpuint (link_customers (graph, "1:A", "2:Other"), ==, 1);
  g_assert_cmpuint (link_customers (graph, "1:A", "2:Exit"), ==, 1);
  g_assert_cmpuint (link_customers (graph, "1:Other", "2:B"), ==, 1);
}

static void
test_min_share_folds_links (void)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (events);
  /* 0.3 × 6 = 1.8: the single customer from Other to B is folded. */
  g_autoptr(WmFlowGraph) graph = run (data, "S", 2, 1, 0.3);

  g_assert_cmpuint (node_customers (graph, "2:B"), ==, 2);
  g_assert_cmpuint (node_customers (graph, "2:Other"), ==, 2);
  g_assert_cmpuint (link_customers (graph, "1:Other", "2:Other"), ==, 1);
  g_assert_cmpuint (link_customers (graph, "1:Other", "2:B"), ==, 0);
  /* Exit links are never folded. */
  g_assert_cmpuint (link_customers (graph, "0:S", "1:Exit"), ==, 1);
}

static void
test_from_first_event (void)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (events);
  g_autoptr(WmFlowGraph) graph = run (data, NULL, 3, 8, 0.0);

  g_assert_cmpuint (graph->start_customers, ==, 6);
  g_assert_cmpuint (node_customers (graph, "0:S"), ==, 5);
  g_assert_cmpuint (node_customers (graph, "0:X"), ==, 1);
  /* c6's X is followed by S an hour later: inside the window. */
  g_assert_cmpuint (link_customers (graph, "0:X", "1:S"), ==, 1);
  g_assert_cmpuint (node_customers (graph, "3:Exit"), ==, 3);
  g_assert_cmpuint (graph->n_steps, ==, 4);
}

static void
test_unknown_start (void)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (events);
  g_autoptr(WmFlowQuery) query = wm_flow_query_new ();
  g_autoptr(GError) error = NULL;

  query->from = g_strdup ("s");
  g_assert_null (wm_flow_query_run (query, data->journeys, NULL, NULL, NULL, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "“S”"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/flow/other-and-exit", test_other_and_exit);
  g_test_add_func ("/flow/min-share-folds-links", test_min_share_folds_links);
  g_test_add_func ("/flow/from-first-event", test_from_first_event);
  g_test_add_func ("/flow/unknown-start", test_unknown_start);

  return g_test_run ();
}
