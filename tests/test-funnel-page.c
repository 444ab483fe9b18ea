/* test-funnel-page.c: the Funnel view on a demo project: the builder's
 * API, the chart's numbers, saved funnels, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-chart-widget-test.h"
#include "wm-demo.h"
#include "wm-funnel-page.h"
#include "wm-saved-analysis.h"
#include "wm-ui-test.h"

typedef struct
{
  WmProject  *project;
  WmSession  *session;
  GtkWidget  *page;
  GtkWindow  *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = wm_ui_test_demo_project (2000, 2024);
  fixture->session = wm_session_new ();
  wm_session_set_project (fixture->session, fixture->project);
  wm_ui_test_wait_false (fixture->session, "loading");

  fixture->page = wm_funnel_page_new (fixture->session);
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

static void
assert_equals_engine (Fixture              *fixture,
                      const WmFunnelResult *shown)
{
  g_autoptr(WmFunnelQuery) query = wm_funnel_page_get_query (WM_FUNNEL_PAGE (fixture->page));
  g_autoptr(WmFunnelResult) expected = NULL;
  g_autoptr(GError) error = NULL;

  expected = wm_funnel_query_run (query, wm_session_get_journeys (fixture->session), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (shown);
  g_assert_cmpuint (shown->n_steps, ==, expected->n_steps);
  g_assert_cmpint (shown->order, ==, expected->order);
  g_assert_cmpint (shown->window_s, ==, expected->window_s);
  g_assert_cmpuint (shown->n_segments, ==, expected->n_segments);
  for (guint k = 0; k < shown->n_steps; k++)
    {
      g_assert_cmpuint (shown->steps[k].customers, ==, expected->steps[k].customers);
      g_assert_cmpuint (shown->steps[k].dropped, ==, expected->steps[k].dropped);
      g_assert_cmpuint (shown->steps[k].in_progress, ==, expected->steps[k].in_progress);
    }
}

static void
test_opens_saved_funnel (Fixture       *fixture,
                         gconstpointer  data)
{
  WmFunnelPage *page = WM_FUNNEL_PAGE (fixture->page);
  const WmFunnelResult *result = wm_funnel_page_get_result (page);
  cairo_surface_t *surface;

  /* The demo's saved funnel opens first: by hand once, 2000 → 1831 → 1509. */
  g_assert_true (wm_funnel_page_get_has_chart (page));
  g_assert_cmpuint (wm_funnel_page_get_saved (page)->len, ==, 1);
  g_assert_cmpuint (result->n_steps, ==, 3);
  g_assert_cmpuint (result->steps[0].customers, ==, 2000);
  g_assert_cmpuint (result->steps[1].customers, ==, 1831);
  g_assert_cmpuint (result->steps[2].customers, ==, 1509);
  g_assert_cmpint (result->window_s, ==, 7 * 24 * 3600);
  assert_equals_engine (fixture, result);
  g_assert_cmpstr (wm_funnel_page_get_summary (page), ==,
                   "Biggest drop: App login or Web login or IVR menu → Payment completed, 322 customers (18\u202F%)");

  surface = wm_test_render_widget (fixture->page, "funnel-page");
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
test_builder_api (Fixture       *fixture,
                  gconstpointer  data)
{
  WmFunnelPage *page = WM_FUNNEL_PAGE (fixture->page);
  WmFunnelSteps *steps = wm_funnel_page_get_steps (page);
  const char * const ivr[] = { "IVR menu", NULL };
  const char * const attempt[] = { "IVR payment attempt", NULL };
  const char * const paid[] = { "Payment completed", NULL };
  const char * const * const definition[] = { ivr, attempt, paid };
  g_autoptr(WmFunnelQuery) query = NULL;
  const WmFunnelResult *result;

  wm_funnel_page_set_steps (page, definition, 3);
  wm_funnel_page_set_order (page, WM_FUNNEL_STRICT);
  wm_funnel_page_set_window (page, 24 * 3600);
  g_assert_true (wm_funnel_page_get_running (page));
  wm_ui_test_wait_false (page, "running");

  query = wm_funnel_page_get_query (page);
  g_assert_cmpuint (query->n_steps, ==, 3);
  g_assert_cmpstr (query->steps[1][0], ==, "IVR payment attempt");
  g_assert_cmpint (query->order, ==, WM_FUNNEL_STRICT);
  g_assert_cmpint (query->window_s, ==, 24 * 3600);
  result = wm_funnel_page_get_result (page);
  assert_equals_engine (fixture, result);
  g_assert_cmpint (result->order, ==, WM_FUNNEL_STRICT);
  /* 578 customers reach the IVR menu (the flow's drill-in says the same). */
  g_assert_cmpuint (result->steps[0].customers, ==, 578);

  /* Any-of, reordering (as the buttons and drags do), removal. */
  wm_funnel_steps_add_alternative (steps, 1, "Agent requested");
  wm_funnel_steps_move_step (steps, 2, 0);
  g_assert_cmpstr (wm_funnel_steps_get_step (steps, 0)[0], ==, "Payment completed");
  g_assert_cmpstr (wm_funnel_steps_get_step (steps, 2)[1], ==, "Agent requested");
  wm_funnel_steps_move_step (steps, 0, 2);
  wm_funnel_steps_remove_touchpoint (steps, 1, "IVR payment attempt");
  g_assert_cmpstr (wm_funnel_steps_get_step (steps, 1)[0], ==, "Agent requested");
  g_assert_null (wm_funnel_steps_get_step (steps, 1)[1]);
  wm_funnel_page_set_order (page, WM_FUNNEL_ORDERED);
  wm_funnel_page_set_breakdown (page, "channel");
  wm_ui_test_wait_false (page, "running");
  result = wm_funnel_page_get_result (page);
  assert_equals_engine (fixture, result);
  g_assert_cmpstr (result->breakdown_by, ==, "channel");
  g_assert_cmpuint (result->n_segments, >, 0);

  /* Fewer than two steps: no chart, and it says why. */
  wm_funnel_steps_remove_step (steps, 2);
  wm_funnel_steps_remove_step (steps, 1);
  wm_ui_test_wait_false (page, "running");
  g_assert_false (wm_funnel_page_get_has_chart (page));
  g_assert_null (wm_funnel_page_get_result (page));
  g_assert_cmpstr (wm_funnel_page_get_summary (page), ==, "");
}

static void
test_unknown_touchpoint (Fixture       *fixture,
                         gconstpointer  data)
{
  WmFunnelPage *page = WM_FUNNEL_PAGE (fixture->page);
  const char * const ivr[] = { "IVR menu", NULL };
  const char * const gone[] = { "Fax received", NULL };
  const char * const * const definition[] = { ivr, gone };

  wm_funnel_page_set_steps (page, definition, 2);
  wm_ui_test_wait_false (page, "running");
  g_assert_false (wm_funnel_page_get_has_chart (page));
}

static void
test_save_and_open (Fixture       *fixture,
                    gconstpointer  data)
{
  WmFunnelPage *page = WM_FUNNEL_PAGE (fixture->page);
  const char * const notice[] = { "Payment notice", NULL };
  const char * const paid[] = { "Payment completed", NULL };
  const char * const * const definition[] = { notice, paid };
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first_id;

  first_id = ((WmSavedAnalysis *) g_ptr_array_index (wm_funnel_page_get_saved (page), 0))->id;
  wm_funnel_page_set_steps (page, definition, 2);
  wm_funnel_page_set_window (page, 30 * 24 * 3600);
  wm_ui_test_wait_false (page, "running");
  g_assert_true (wm_funnel_page_save (page, "Notice to payment", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wm_funnel_page_get_saved (page)->len, ==, 2);

  saved = wm_saved_analysis_list (fixture->project, WM_SAVED_KIND_FUNNEL, &error);
  g_assert_cmpuint (saved->len, ==, 2);
  g_assert_cmpstr (((WmSavedAnalysis *) g_ptr_array_index (saved, 1))->definition, ==,
                   "{\"steps\":[[\"Payment notice\"],[\"Payment completed\"]],\"order\":\"ordered\","
                   "\"window_s\":2592000,\"breakdown_by\":null,\"breakdown_top\":5}");

  g_assert_true (wm_funnel_page_open_saved (page, first_id, &error));
  g_assert_no_error (error);
  wm_ui_test_wait_false (page, "running");
  g_assert_cmpuint (wm_funnel_page_get_result (page)->n_steps, ==, 3);
  g_assert_cmpuint (wm_funnel_page_get_result (page)->steps[2].customers, ==, 1509);

  g_assert_false (wm_funnel_page_open_saved (page, 9999, &error));
  g_assert_nonnull (error);
}

/* The first widget of @type below @root (depth first) whose tooltip is
 * @tooltip (NULL: any). */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (tooltip == NULL || g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0))
        return child;
      if ((found = find_widget (child, type, tooltip)) != NULL)
        return found;
    }

  return NULL;
}

/* The button content labelled @label below @root. */
static GtkWidget *
find_content (GtkWidget  *root,
              const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_BUTTON_CONTENT (child) &&
          g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (child)), label) == 0)
        return child;
      if ((found = find_content (child, label)) != NULL)
        return found;
    }

  return NULL;
}

/* What a keyboard user does: Move Down on the first step, Add Step with a
 * search typed in the picker. */
static void
test_buttons_and_picker (Fixture       *fixture,
                         gconstpointer  data)
{
  WmFunnelPage *page = WM_FUNNEL_PAGE (fixture->page);
  WmFunnelSteps *steps = wm_funnel_page_get_steps (page);
  GtkWidget *button;
  GtkWidget *search;
  const WmFunnelResult *result;

  g_assert_cmpuint (wm_funnel_steps_get_n_steps (steps), ==, 3);
  button = find_widget (GTK_WIDGET (steps), GTK_TYPE_BUTTON, "Move Down");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (wm_funnel_steps_get_step (steps, 0)[0], ==, "App login");
  g_assert_cmpstr (wm_funnel_steps_get_step (steps, 1)[0], ==, "Payment notice");

  /* The first step's Move Up is insensitive; the last's Move Down too. */
  button = find_widget (GTK_WIDGET (steps), GTK_TYPE_BUTTON, "Move Up");
  g_assert_false (gtk_widget_get_sensitive (button));

  /* Add Step opens the picker. */
  button = find_content (GTK_WIDGET (steps), "_Add Step");
  g_assert_nonnull (button);
  g_signal_emit_by_name (gtk_widget_get_parent (button), "clicked");
  search = find_widget (GTK_WIDGET (steps), GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (search);
  wm_test_settle ();
  g_assert_true (gtk_widget_get_mapped (search));

  /* "receipt" matches nothing; "COMPLETED" matches "Payment completed"
   * whatever the case; Enter takes the first match. */
  gtk_editable_set_text (GTK_EDITABLE (search), "receipt");
  g_signal_emit_by_name (search, "search-changed");
  g_signal_emit_by_name (search, "activate");
  g_assert_cmpuint (wm_funnel_steps_get_n_steps (steps), ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (search), "COMPLETED");
  g_signal_emit_by_name (search, "search-changed");
  g_signal_emit_by_name (search, "activate");
  g_assert_cmpuint (wm_funnel_steps_get_n_steps (steps), ==, 4);
  g_assert_cmpstr (wm_funnel_steps_get_step (steps, 3)[0], ==, "Payment completed");

  wm_ui_test_wait_false (page, "running");
  result = wm_funnel_page_get_result (page);
  assert_equals_engine (fixture, result);
  g_assert_cmpuint (result->n_steps, ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  wm_ui_test_init (&argc, &argv);

  g_test_add ("/funnel-page/opens-saved-funnel", Fixture, NULL, fixture_set_up, test_opens_saved_funnel, fixture_tear_down);
  g_test_add ("/funnel-page/builder-api", Fixture, NULL, fixture_set_up, test_builder_api, fixture_tear_down);
  g_test_add ("/funnel-page/unknown-touchpoint", Fixture, NULL, fixture_set_up, test_unknown_touchpoint, fixture_tear_down);
  g_test_add ("/funnel-page/buttons-and-picker", Fixture, NULL, fixture_set_up, test_buttons_and_picker, fixture_tear_down);
  g_test_add ("/funnel-page/save-and-open", Fixture, NULL, fixture_set_up, test_save_and_open, fixture_tear_down);

  return g_test_run ();
}
