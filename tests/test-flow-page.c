/* test-flow-page.c: the Flow view on a demo project: controls, drill-in and
 * back, leakage, saving, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-chart-widget-test.h"
#include "wm-demo.h"
#include "wm-error.h"
#include "wm-flow-page.h"
#include "wm-saved-analysis.h"
#include "wm-ui-test.h"

typedef struct
{
  WmProject  *project;
  WmSession  *session;
  GtkWidget  *page;
  GtkWindow  *window;
} Fixture;

/* 2 000 customers of the bank's story; the numbers asserted below were
 * read from `waymark-cli flow/leakage` on this project once. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = wm_ui_test_demo_project (2000, 2024);
  fixture->session = wm_session_new ();
  wm_session_set_project (fixture->session, fixture->project);
  wm_ui_test_wait_false (fixture->session, "loading");
  g_assert_nonnull (wm_session_get_journeys (fixture->session));

  fixture->page = wm_flow_page_new (fixture->session);
  fixture->window = wm_test_show_in_window (fixture->page, 1400, 860);
  wm_ui_test_wait_false (fixture->page, "running");
  wm_test_settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  wm_ui_test_wait_false (fixture->page, "running");
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->project);
}

static int
node_customers (const WmFlowGraph *graph,
                const char        *id)
{
  int node = wm_flow_graph_find_node (graph, id);

  g_assert_cmpint (node, >=, 0);
  return (int) graph->nodes[node].customers;
}

static void
assert_same_graph (const WmFlowGraph *shown,
                   const WmFlowGraph *expected)
{
  g_assert_cmpuint (shown->n_nodes, ==, expected->n_nodes);
  g_assert_cmpuint (shown->n_links, ==, expected->n_links);
  g_assert_cmpuint (shown->start_customers, ==, expected->start_customers);
  for (guint i = 0; i < shown->n_nodes; i++)
    {
      g_assert_cmpstr (shown->nodes[i].id, ==, expected->nodes[i].id);
      g_assert_cmpuint (shown->nodes[i].customers, ==, expected->nodes[i].customers);
    }
}

static WmFlowGraph *
engine_flow (Fixture    *fixture,
             const char *from)
{
  g_autoptr(WmFlowQuery) query = wm_flow_query_new ();
  g_autoptr(GError) error = NULL;
  WmFlowGraph *graph;

  query->from = g_strdup (from);
  graph = wm_flow_query_run (query, wm_session_get_journeys (fixture->session), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return graph;
}

static void
test_first_view (Fixture       *fixture,
                 gconstpointer  data)
{
  WmFlowPage *page = WM_FLOW_PAGE (fixture->page);
  WmSankeyView *sankey = wm_flow_page_get_sankey (page);
  const WmFlowGraph *graph = wm_sankey_view_get_graph (sankey);
  g_autoptr(WmFlowGraph) expected = engine_flow (fixture, NULL);
  cairo_surface_t *surface;

  g_assert_true (wm_flow_page_get_has_chart (page));
  g_assert_nonnull (graph);
  assert_same_graph (graph, expected);
  /* By hand, once: every customer starts with the payment notice. */
  g_assert_cmpuint (graph->start_customers, ==, 2000);
  g_assert_cmpint (node_customers (graph, "0:Payment notice"), ==, 2000);
  g_assert_cmpint (node_customers (graph, "1:App login"), ==, 322);
  g_assert_cmpint (node_customers (graph, "1:IVR menu"), ==, 216);
  g_assert_false (wm_sankey_view_can_go_back (sankey));
  g_assert_nonnull (wm_sankey_view_get_layout (sankey));

  /* What is drawn: the chart has content, not just its background. */
  surface = wm_test_render_widget (fixture->page, "flow-page");
  {
    const guint8 *pixels = cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface);
    guint32 first = *(const guint32 *) pixels;
    guint differing = 0;

    for (int y = 0; y < cairo_image_surface_get_height (surface); y += 4)
      for (int x = 0; x < cairo_image_surface_get_width (surface); x += 4)
        if ((*(const guint32 *) (pixels + y * stride + x * 4) & 0xffffff) != (first & 0xffffff))
          differing++;
    g_assert_cmpuint (differing, >, 5000);
  }
  cairo_surface_destroy (surface);
}

static void
test_leakage (Fixture       *fixture,
              gconstpointer  data)
{
  WmFlowPage *page = WM_FLOW_PAGE (fixture->page);
  WmFlowLeakage *leakage = wm_flow_page_get_leakage (page);
  const WmLeakageResult *result = wm_flow_leakage_get_result (leakage);
  const WmLeakageChannel *worst;
  g_autoptr(WmLeakageResult) expected = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (wm_flow_page_get_goal (page), ==, "Payment completed");
  g_assert_nonnull (result);
  expected = wm_leakage_run (wm_session_get_journeys (fixture->session), "Payment completed",
                             14 * 24 * 3600, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_channels, ==, expected->n_channels);
  for (guint i = 0; i < result->n_channels; i++)
    {
      g_assert_cmpstr (result->channels[i].channel, ==, expected->channels[i].channel);
      g_assert_cmpuint (result->channels[i].entered, ==, expected->channels[i].entered);
      g_assert_cmpuint (result->channels[i].completed_in_channel, ==, expected->channels[i].completed_in_channel);
    }

  /* The story's insight, highlighted: the IVR leaks most (578 entered,
   * 128 paid there, by hand once). The notice's mail never completes a
   * payment and is not compared. */
  g_assert_cmpint (wm_flow_leakage_get_worst (leakage), >=, 0);
  worst = &result->channels[wm_flow_leakage_get_worst (leakage)];
  g_assert_cmpstr (worst->channel, ==, "ivr");
  g_assert_cmpuint (worst->entered, ==, 578);
  g_assert_cmpuint (worst->completed_in_channel, ==, 128);

  /* Another goal runs again. */
  wm_flow_page_set_goal (page, "IVR payment attempt");
  wm_ui_test_wait_false (page, "running");
  result = wm_flow_leakage_get_result (leakage);
  g_assert_cmpstr (result->goal, ==, "IVR payment attempt");
  g_assert_cmpstr (result->channels[wm_flow_leakage_get_worst (leakage)].channel, ==, "ivr");
}

static void
test_drill_in_and_back (Fixture       *fixture,
                        gconstpointer  data)
{
  WmFlowPage *page = WM_FLOW_PAGE (fixture->page);
  WmSankeyView *sankey = wm_flow_page_get_sankey (page);
  g_autoptr(WmFlowGraph) expected = engine_flow (fixture, "IVR menu");
  g_autoptr(WmFlowQuery) query = NULL;
  const WmFlowGraph *graph;

  g_signal_emit_by_name (sankey, "node-activated", "1:IVR menu");
  wm_ui_test_wait_false (page, "running");

  graph = wm_sankey_view_get_graph (sankey);
  assert_same_graph (graph, expected);
  g_assert_cmpuint (graph->start_customers, ==, 578);
  g_assert_cmpint (node_customers (graph, "1:Agent requested"), ==, 316);
  g_assert_true (wm_sankey_view_can_go_back (sankey));
  query = wm_flow_page_get_query (page);
  g_assert_cmpstr (query->from, ==, "IVR menu");

  /* Exit is not a touchpoint to start from. */
  g_signal_emit_by_name (sankey, "node-activated", "1:Exit");
  g_assert_false (wm_flow_page_get_running (page));

  g_assert_true (gtk_widget_activate_action (fixture->page, "flow.go-back", NULL));
  graph = wm_sankey_view_get_graph (sankey);
  g_assert_cmpuint (graph->start_customers, ==, 2000);
  g_assert_false (wm_sankey_view_can_go_back (sankey));
  g_clear_pointer (&query, wm_flow_query_free);
  query = wm_flow_page_get_query (page);
  g_assert_null (query->from);
}

static void
test_controls_and_save (Fixture       *fixture,
                        gconstpointer  data)
{
  WmFlowPage *page = WM_FLOW_PAGE (fixture->page);
  g_autoptr(WmFlowQuery) query = wm_flow_query_new ();
  g_autoptr(WmFlowQuery) shown = NULL;
  g_autoptr(WmFlowGraph) expected = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(WmFlowQuery) back = NULL;
  g_autoptr(GError) error = NULL;
  const WmFlowGraph *graph;

  query->from = g_strdup ("IVR menu");
  query->depth = 2;
  query->top = 3;
  query->window_s = 24 * 3600;
  wm_flow_page_set_query (page, query);
  wm_ui_test_wait_false (page, "running");

  expected = wm_flow_query_run (query, wm_session_get_journeys (fixture->session), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  graph = wm_sankey_view_get_graph (wm_flow_page_get_sankey (page));
  assert_same_graph (graph, expected);
  g_assert_cmpuint (graph->n_steps, ==, 3);

  shown = wm_flow_page_get_query (page);
  g_assert_cmpuint (shown->depth, ==, 2);
  g_assert_cmpuint (shown->top, ==, 3);
  g_assert_cmpint (shown->window_s, ==, 24 * 3600);

  g_assert_true (wm_flow_page_save (page, "IVR callers", &error));
  g_assert_no_error (error);
  saved = wm_saved_analysis_list (fixture->project, WM_SAVED_KIND_FLOW, &error);
  g_assert_no_error (error);
  /* The demo's own "Payment journey", then this one. */
  g_assert_cmpuint (saved->len, ==, 2);
  g_assert_cmpstr (((WmSavedAnalysis *) g_ptr_array_index (saved, 1))->name, ==, "IVR callers");
  back = wm_saved_analysis_get_flow (g_ptr_array_index (saved, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->from, ==, "IVR menu");
  g_assert_cmpuint (back->depth, ==, 2);
  g_assert_cmpuint (wm_flow_page_get_saved (page)->len, ==, 2);

  /* Opening the demo's saved flow sets the controls and shows it. */
  g_assert_true (wm_flow_page_open_saved (page, ((WmSavedAnalysis *) g_ptr_array_index (saved, 0))->id, &error));
  g_assert_no_error (error);
  wm_ui_test_wait_false (page, "running");
  {
    g_autoptr(WmFlowQuery) opened = wm_flow_page_get_query (page);

    g_assert_cmpstr (opened->from, ==, "Payment notice");
    g_assert_cmpuint (opened->depth, ==, 5);
    g_assert_cmpuint (wm_sankey_view_get_graph (wm_flow_page_get_sankey (page))->start_customers, ==, 2000);
  }
  g_assert_false (wm_flow_page_open_saved (page, 9999, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* A start nobody has says so instead of drawing nothing. */
  g_clear_pointer (&query->from, g_free);
  query->from = g_strdup ("Gone touchpoint");
  wm_flow_page_set_query (page, query);
  wm_ui_test_wait_false (page, "running");
  g_assert_false (wm_flow_page_get_has_chart (page));
}

static void
test_no_events (void)
{
  g_autoptr(WmProject) project = wm_ui_test_project ("Empty", NULL);
  g_autoptr(WmSession) session = wm_session_new ();
  GtkWidget *page;
  GtkWindow *window;

  wm_session_set_project (session, project);
  wm_ui_test_wait_false (session, "loading");
  page = wm_flow_page_new (session);
  window = wm_test_show_in_window (page, 900, 600);
  g_assert_false (wm_flow_page_get_has_chart (WM_FLOW_PAGE (page)));
  g_assert_false (wm_flow_page_get_running (WM_FLOW_PAGE (page)));
  g_assert_true (gtk_widget_activate_action (page, "view.export-chart", NULL));
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  wm_ui_test_init (&argc, &argv);

  g_test_add ("/flow-page/first-view", Fixture, NULL, fixture_set_up, test_first_view, fixture_tear_down);
  g_test_add ("/flow-page/leakage", Fixture, NULL, fixture_set_up, test_leakage, fixture_tear_down);
  g_test_add ("/flow-page/drill-in-and-back", Fixture, NULL, fixture_set_up, test_drill_in_and_back, fixture_tear_down);
  g_test_add ("/flow-page/controls-and-save", Fixture, NULL, fixture_set_up, test_controls_and_save, fixture_tear_down);
  g_test_add_func ("/flow-page/no-events", test_no_events);

  return g_test_run ();
}
