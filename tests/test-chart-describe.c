/* test-chart-describe.c: the words for tooltips and accessible descriptions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-chart-describe.h"
#include "wm-chart-fixtures.h"

static void
test_flow (void)
{
  g_autoptr(WmFlowGraph) graph = wm_fixture_bank_flow ();
  g_autofree char *ivr = wm_flow_describe_node (graph, 3);
  g_autofree char *exit = wm_flow_describe_node (graph, 4);
  g_autofree char *link = wm_flow_describe_link (graph, 9);
  g_autofree char *summary = wm_flow_describe_summary (graph, 2);

  g_assert_cmpstr (ivr, ==, "IVR menu\n3\u00A0100\u00A0000 customers · 25\u202F% of start\nChannel: ivr");
  g_assert_cmpstr (exit, ==, "Exit\n1\u00A0000\u00A0000 customers · 8.0\u202F% of start");
  g_assert_cmpstr (link, ==, "IVR menu → Agent requested: 1\u00A0860\u00A0000 customers (15\u202F% of start)");
  g_assert_cmpstr (summary, ==,
                   "Flow of 12\u00A0500\u00A0000 customers over 5 steps. Biggest flows: "
                   "Payment completed → 收据已发送: 5\u00A0200\u00A0000 customers (42\u202F% of start); "
                   "Payment notice → App login: 5\u00A0000\u00A0000 customers (40\u202F% of start).");
}

static void
test_flow_singular (void)
{
  g_autoptr(WmFlowGraph) graph = wm_flow_graph_new (2, 1);
  g_autofree char *link = NULL;

  graph->nodes[0] = (WmFlowNode) { g_strdup ("0:A"), g_strdup ("A"), NULL, 0, WM_FLOW_NODE_TOUCHPOINT, 1 };
  graph->nodes[1] = (WmFlowNode) { g_strdup ("1:B"), g_strdup ("B"), NULL, 1, WM_FLOW_NODE_TOUCHPOINT, 1 };
  graph->links[0] = (WmFlowLink) { 0, 1, 1 };
  graph->start_customers = 1;
  graph->n_steps = 2;
  link = wm_flow_describe_link (graph, 0);
  g_assert_cmpstr (link, ==, "A → B: 1 customer (100\u202F% of start)");
}

static void
test_funnel (void)
{
  g_autoptr(WmFunnelResult) result = wm_fixture_bank_funnel (TRUE);
  WmFunnelHit bar = { TRUE, WM_FUNNEL_PART_BAR, 2, -1 };
  WmFunnelHit drop = { TRUE, WM_FUNNEL_PART_DROP, 2, 1 };
  WmFunnelHit first = { TRUE, WM_FUNNEL_PART_BAR, 0, -1 };
  WmFunnelHit miss = { FALSE, WM_FUNNEL_PART_BAR, 0, -1 };
  g_autofree char *bar_text = wm_funnel_describe_part (result, &bar);
  g_autofree char *drop_text = wm_funnel_describe_part (result, &drop);
  g_autofree char *first_text = wm_funnel_describe_part (result, &first);
  g_autofree char *summary = wm_funnel_describe_summary (result);

  g_assert_cmpstr (bar_text, ==,
                   "Step 3: Payment attempt\n"
                   "Customers: 7\u00A0420\u00A0000\n"
                   "From start: 59\u202F%\n"
                   "From previous step: 65\u202F%\n"
                   "Dropped: 3\u00A0900\u00A0000\n"
                   "In progress: 180\u00A0000\n"
                   "Median time from the previous step: 7 min");
  /* The web segment's own numbers. */
  g_assert_cmpstr (drop_text, ==,
                   "Dropped before step 3: Payment attempt\n"
                   "channel: web\n"
                   "Customers: 2\u00A0300\u00A0000\n"
                   "From start: 61\u202F%\n"
                   "From previous step: 68\u202F%\n"
                   "Dropped: 1\u00A0050\u00A0000\n"
                   "In progress: 50\u00A0000\n"
                   "Median time from the previous step: 7 min");
  g_assert_cmpstr (first_text, ==, "Step 1: Payment notice\nCustomers: 12\u00A0500\u00A0000\nFrom start: 100\u202F%");
  g_assert_null (wm_funnel_describe_part (result, &miss));
  g_assert_cmpstr (summary, ==,
                   "Funnel of 4 steps: 12\u00A0500\u00A0000 customers start, 5\u00A0870\u00A0000 (47\u202F%) reach the last step. "
                   "The biggest drop is before step 3, Payment attempt: 3\u00A0900\u00A0000 customers.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-describe/flow", test_flow);
  g_test_add_func ("/chart-describe/flow-singular", test_flow_singular);
  g_test_add_func ("/chart-describe/funnel", test_funnel);

  return g_test_run ();
}
