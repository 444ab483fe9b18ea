/* test-saved-analysis.c: saved funnels and flows in a project, and the
 * flow query's JSON round trip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "wm-analysis-json.h"
#include "wm-demo.h"
#include "wm-error.h"
#include "wm-saved-analysis.h"

static WmProject *
new_project (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-saved-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.waymark", NULL);
  g_autoptr(GError) error = NULL;
  WmProject *project = wm_project_open (path, WM_PROJECT_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return project;
}

static WmFunnelQuery *
two_step_funnel (const char *first,
                 const char *second)
{
  WmFunnelQuery *query = wm_funnel_query_new ();

  wm_funnel_query_add_step (query, (const char * const []) { first, NULL });
  wm_funnel_query_add_step (query, (const char * const []) { second, "Other", NULL });
  query->order = WM_FUNNEL_STRICT;
  query->window_s = 3600;

  return query;
}

static void
test_flow_json (void)
{
  g_autoptr(WmFlowQuery) query = wm_flow_query_new ();
  g_autoptr(WmFlowQuery) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  query->from = g_strdup ("IVR menu");
  query->depth = 3;
  query->top = 4;
  query->min_share = 0.25;
  query->window_s = 86400;
  node = wm_flow_query_to_json (query);
  text = json_to_string (node, FALSE);
  g_assert_cmpstr (text, ==, "{\"from\":\"IVR menu\",\"depth\":3,\"top\":4,\"min_share\":0.25,\"window_s\":86400}");

  back = wm_flow_query_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->from, ==, "IVR menu");
  g_assert_cmpuint (back->depth, ==, 3);
  g_assert_cmpuint (back->top, ==, 4);
  g_assert_cmpfloat (back->min_share, ==, 0.25);
  g_assert_cmpint (back->window_s, ==, 86400);
}

static void
test_flow_json_defaults_and_errors (void)
{
  static const struct { const char *json; const char *reason; } bad[] = {
    { "[]", "it is not a JSON object" },
    { "{\"from\":3}", "its start touchpoint is not text" },
    { "{\"depth\":0}", "its depth is not a number of steps from 1 to 50" },
    { "{\"top\":\"8\"}", "its number of touchpoints per step is not from 1 to 100" },
    { "{\"window_s\":-1}", "its window is not positive" },
    { "{\"min_share\":\"x\"}", "its minimum share is not a number" },
    { "{\"min_share\":1.5}", "its minimum share is not between 0 and 1" },
  };
  g_autoptr(JsonNode) empty = json_from_string ("{\"from\":null,\"min_share\":0}", NULL);
  g_autoptr(WmFlowQuery) query = wm_flow_query_from_json (empty, NULL);

  /* Absent members keep the defaults: a first event start, 5 steps, top 8, 14 days. */
  g_assert_null (query->from);
  g_assert_cmpuint (query->depth, ==, 5);
  g_assert_cmpuint (query->top, ==, 8);
  g_assert_cmpfloat (query->min_share, ==, 0.0);
  g_assert_cmpint (query->window_s, ==, 14 * 86400);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (bad[i].json, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("This saved flow cannot be read: %s", bad[i].reason);
      WmFlowQuery *none = wm_flow_query_from_json (node, &error);

      g_assert_null (none);
      g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT);
      g_assert_cmpstr (error->message, ==, expected);
    }
}

static void
test_save_list_replace (void)
{
  g_autoptr(WmProject) project = new_project ();
  g_autoptr(WmFunnelQuery) first = two_step_funnel ("A", "B");
  g_autoptr(WmFunnelQuery) second = two_step_funnel ("C", "D");
  g_autoptr(WmFlowQuery) flow = wm_flow_query_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) funnels = NULL;
  g_autoptr(WmFunnelQuery) back = NULL;
  g_autoptr(WmFlowQuery) flow_back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, flow_id, again;

  id = wm_saved_analysis_save_funnel (project, "  Checkout ", first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  /* Same name in another kind: a separate row. */
  flow_id = wm_saved_analysis_save_flow (project, "Checkout", flow, &error);
  g_assert_no_error (error);
  g_assert_cmpint (flow_id, !=, id);
  /* Same kind and name: replaced in place. */
  again = wm_saved_analysis_save_funnel (project, "Checkout", second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, id);

  all = wm_saved_analysis_list (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  funnels = wm_saved_analysis_list (project, WM_SAVED_KIND_FUNNEL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (funnels->len, ==, 1);
  {
    WmSavedAnalysis *saved = g_ptr_array_index (funnels, 0);

    g_assert_cmpint (saved->id, ==, id);
    g_assert_cmpstr (saved->kind, ==, "funnel");
    g_assert_cmpstr (saved->name, ==, "Checkout");
    g_assert_cmpstr (saved->definition, ==,
                     "{\"steps\":[[\"C\"],[\"D\",\"Other\"]],\"order\":\"strict\",\"window_s\":3600,"
                     "\"breakdown_by\":null,\"breakdown_top\":5}");
    back = wm_saved_analysis_get_funnel (saved, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (back->n_steps, ==, 2);
    g_assert_cmpstr (back->steps[0][0], ==, "C");
    g_assert_cmpstr (back->steps[1][1], ==, "Other");
    g_assert_cmpint (back->order, ==, WM_FUNNEL_STRICT);
  }
  flow_back = wm_saved_analysis_get_flow (g_ptr_array_index (all, 1), &error);
  g_assert_no_error (error);
  g_assert_null (flow_back->from);
  g_assert_cmpuint (flow_back->depth, ==, 5);
}

static void
test_rename_delete (void)
{
  g_autoptr(WmProject) project = new_project ();
  g_autoptr(WmFunnelQuery) query = two_step_funnel ("A", "B");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a, b;

  a = wm_saved_analysis_save_funnel (project, "One", query, NULL);
  b = wm_saved_analysis_save_funnel (project, "Two", query, NULL);

  g_assert_false (wm_saved_analysis_save_funnel (project, "   ", query, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* A taken name is refused and both keep theirs. */
  g_assert_false (wm_saved_analysis_rename (project, b, "One", &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "Another saved analysis is already named “One”, or this one was deleted");
  g_clear_error (&error);
  g_assert_true (wm_saved_analysis_rename (project, b, "Three", &error));
  g_assert_no_error (error);

  g_assert_true (wm_saved_analysis_delete (project, a, &error));
  g_assert_no_error (error);
  list = wm_saved_analysis_list (project, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((WmSavedAnalysis *) g_ptr_array_index (list, 0))->id, ==, b);
  g_assert_cmpstr (((WmSavedAnalysis *) g_ptr_array_index (list, 0))->name, ==, "Three");

  /* Renaming what was deleted says so. */
  g_assert_false (wm_saved_analysis_rename (project, a, "Four", &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT);
}

static void
test_unreadable_definition (void)
{
  WmSavedAnalysis broken = { 1, (char *) "funnel", (char *) "Broken", (char *) "{\"steps\":", 0 };
  g_autoptr(GError) error = NULL;

  g_assert_null (wm_saved_analysis_get_funnel (&broken, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT);
  g_assert_true (g_str_has_prefix (error->message, "The saved analysis “Broken” cannot be read: "));
}

static void
test_demo_analyses (void)
{
  g_autoptr(WmProject) project = new_project ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(WmFlowQuery) flow = NULL;
  g_autoptr(WmFunnelQuery) funnel = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_demo_write_project (project, 200, 7, &error));
  g_assert_no_error (error);
  list = wm_saved_analysis_list (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);

  g_assert_cmpstr (((WmSavedAnalysis *) g_ptr_array_index (list, 0))->name, ==, "Payment journey");
  flow = wm_saved_analysis_get_flow (g_ptr_array_index (list, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (flow->from, ==, "Payment notice");

  g_assert_cmpstr (((WmSavedAnalysis *) g_ptr_array_index (list, 1))->name, ==, "Self-service payment");
  funnel = wm_saved_analysis_get_funnel (g_ptr_array_index (list, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (funnel->n_steps, ==, 3);
  g_assert_cmpstr (funnel->steps[1][0], ==, "App login");
  g_assert_cmpstr (funnel->steps[1][1], ==, "Web login");
  g_assert_cmpstr (funnel->steps[1][2], ==, "IVR menu");
  g_assert_null (funnel->steps[1][3]);
  g_assert_cmpstr (funnel->steps[2][0], ==, "Payment completed");
  g_assert_cmpint (funnel->window_s, ==, 7 * 86400);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/saved-analysis/flow-json", test_flow_json);
  g_test_add_func ("/saved-analysis/flow-json-defaults-and-errors", test_flow_json_defaults_and_errors);
  g_test_add_func ("/saved-analysis/save-list-replace", test_save_list_replace);
  g_test_add_func ("/saved-analysis/rename-delete", test_rename_delete);
  g_test_add_func ("/saved-analysis/unreadable-definition", test_unreadable_definition);
  g_test_add_func ("/saved-analysis/demo", test_demo_analyses);

  return g_test_run ();
}
