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

  g_assert_cmpstr (ivr, ==, "IVR menu\n3100000 customers · 25% of start\nChannel: ivr");
  g_assert_cmpstr (exit, ==, "Exit\n1000000 customers · 8.0% of start");
  g_assert_cmpstr (link, ==, "IVR menu → Agent requested: 1860000 customers (15% of start)");
  g_assert_cmpstr (summary, ==,
                   "Flow of 12500000 customers over 5 steps. Biggest flows: "
                   "Payment completed → 收据已发送: 5200000 customers (42% of start); "
                   "Payment notice → App login: 5000000 customers (40% of start).");
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
  g_assert_cmpstr (link, ==, "A → B: 1 customer (100% of start)");
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
                   "Customers: 7420000\n"
                   "From start: 59%\n"
                   "From previous step: 65%\n"
                   "Dropped: 3900000\n"
                   "In progress: 180000\n"
                   "Median time from the previous step: 7 min");
  /* The web segment's own numbers. */
  g_assert_cmpstr (drop_text, ==,
                   "Dropped before step 3: Payment attempt\n"
                   "channel: web\n"
                   "Customers: 2300000\n"
                   "From start: 61%\n"
                   "From previous step: 68%\n"
                   "Dropped: 1050000\n"
                   "In progress: 50000\n"
                   "Median time from the previous step: 7 min");
  g_assert_cmpstr (first_text, ==, "Step 1: Payment notice\nCustomers: 12500000\nFrom start: 100%");
  g_assert_null (wm_funnel_describe_part (result, &miss));
  g_assert_cmpstr (summary, ==,
                   "Funnel of 4 steps: 12500000 customers start, 5870000 (47%) reach the last step. "
                   "The biggest drop is before step 3, Payment attempt: 3900000 customers.");
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
