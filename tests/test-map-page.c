/* test-map-page.c: the Map view in the window — the project's map, its live
 * numbers, saving, the question on closing, autosave and restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "wm-demo-map.h"
#include "wm-demo.h"
#include "wm-error.h"
#include "wm-map-json.h"
#include "wm-map-metrics-compute.h"
#include "wm-ui-test.h"
#include "wm-window.h"

/* A small demo: a few hundred customers of the bank's story, and its map. */
static WmProject *
demo_project (void)
{
  return wm_ui_test_demo_project (300, WM_DEMO_DEFAULT_SEED);
}

static WmWindow *
open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WmWindow *window = g_object_ref (wm_window_new (NULL));

  g_assert_true (wm_window_open_project (window, file, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static gboolean
has_metrics (gpointer data)
{
  return wm_map_page_get_metrics (data) != NULL;
}

static gboolean
not_loading (gpointer data)
{
  return !wm_session_get_loading (data);
}

static void
close_window (WmWindow *window)
{
  /* Workers hold their pages until they are done. */
  wm_ui_test_spin_until (not_loading, wm_window_get_session (window));
  wm_ui_test_spin_until (has_metrics, wm_window_get_map_page (window));
  wm_ui_test_wait_false (wm_window_get_data_page (window), "loading");
  gtk_window_destroy (GTK_WINDOW (window));
  wm_ui_test_finalize (window);
}

static GtkWindow *
find_toplevel (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (window)), name) == 0)
        return window;
    }
  return NULL;
}

static GtkWindow *
find_message (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return window;
    }
  return NULL;
}

static gboolean
is_toplevel (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) item = g_list_model_get_item (toplevels, i);

      if (item == window)
        return TRUE;
    }
  return FALSE;
}

static WmMapHistory *
history_of (WmWindow *window)
{
  return wm_map_editor_get_history (wm_map_page_get_editor (wm_window_get_map_page (window)));
}

static const WmMapCard *
card_of (WmWindow   *window,
         const char *id)
{
  return wm_journey_map_lookup_card (wm_map_history_get_map (history_of (window)), id);
}

static void
test_metrics (void)
{
  g_autoptr(WmProject) project = demo_project ();
  WmWindow *window = open_window (wm_project_get_path (project));
  WmMapPage *page = wm_window_get_map_page (window);
  WmMapEditor *editor = wm_map_page_get_editor (page);
  const char *ivr[] = { "IVR menu", NULL };
  const char *attempt[] = { "IVR payment attempt", NULL };
  g_autoptr(WmFunnelQuery) query = wm_funnel_query_new ();
  g_autoptr(WmFunnelResult) funnel = NULL;
  g_autoptr(WmLeakageResult) leakage = NULL;
  const WmMapMetrics *metrics;
  const WmMapCardMetric *card;
  WmJourneys *journeys;

  /* The editor is the Map view's page, showing the demo's map. */
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (editor), GTK_WIDGET (window)));
  g_assert_nonnull (card_of (window, "card-ivr-menu"));
  g_assert_cmpstr (card_of (window, "card-ivr-menu")->title, ==, "IVR menu");
  g_assert_false (wm_map_page_get_dirty (page));

  wm_ui_test_spin_until (has_metrics, page);
  metrics = wm_map_page_get_metrics (page);
  journeys = wm_session_get_journeys (wm_window_get_session (window));
  g_assert_nonnull (journeys);

  /* Everyone gets the notice: the start is every customer. */
  g_assert_cmpuint (wm_map_metrics_get_start (metrics), ==, 300);
  card = wm_map_metrics_get_card (metrics, "card-ivr-menu");
  g_assert_nonnull (card);
  g_assert_cmpuint (card->customers, ==, wm_journeys_count_customers (journeys, ivr));
  g_assert_cmpuint (card->customers, ==, 95);
  g_assert_cmpfloat (card->share_of_start, ==, 95.0 / 300.0);

  /* "tries to pay": IVR menu, then a payment attempt within the window. */
  wm_funnel_query_add_step (query, ivr);
  wm_funnel_query_add_step (query, attempt);
  query->window_s = WM_MAP_METRICS_WINDOW_S;
  funnel = wm_funnel_query_run (query, journeys, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (wm_map_metrics_get_connector (metrics, "link-menu-attempt")->customers, ==,
                    funnel->steps[1].customers);

  /* The IVR lane's leakage towards "Payment completed". */
  leakage = wm_leakage_run (journeys, "Payment completed", WM_MAP_METRICS_WINDOW_S, NULL, NULL, NULL, NULL);
  for (guint c = 0; c < leakage->n_channels; c++)
    if (g_str_equal (leakage->channels[c].channel, "ivr"))
      {
        const WmMapLaneMetric *lane = wm_map_metrics_get_lane (metrics, "lane-ivr");

        g_assert_nonnull (lane);
        g_assert_cmpuint (lane->entered, ==, leakage->channels[c].entered);
        g_assert_cmpuint (lane->completed_in_channel, ==, leakage->channels[c].completed_in_channel);
      }

  close_window (window);
}

static gboolean
card_customers_changed (gpointer data)
{
  WmMapPage *page = data;
  const WmMapCardMetric *card = wm_map_metrics_get_card (wm_map_page_get_metrics (page), "card-ivr-menu");

  return card != NULL && card->customers == 300;
}

static void
test_rebinding_recomputes (void)
{
  g_autoptr(WmProject) project = demo_project ();
  WmWindow *window = open_window (wm_project_get_path (project));
  WmMapPage *page = wm_window_get_map_page (window);

  wm_ui_test_spin_until (has_metrics, page);
  /* Bound to the notice too, the IVR card counts every customer. */
  g_assert_true (wm_map_history_bind_touchpoint (history_of (window), "card-ivr-menu", "Payment notice"));
  wm_ui_test_spin_until (card_customers_changed, page);
  g_assert_cmpuint (wm_map_metrics_get_card (wm_map_page_get_metrics (page), "card-ivr-menu")->customers, ==, 300);

  wm_map_page_discard (page);
  close_window (window);
}

/* The toolbar's Save button, found by its action. */
static GtkWidget *
find_save_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.save-map") == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_save_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_edit_save_reopen (void)
{
  g_autoptr(WmProject) project = demo_project ();
  g_autofree char *path = g_strdup (wm_project_get_path (project));
  WmWindow *window = open_window (path);
  WmMapPage *page = wm_window_get_map_page (window);
  GtkWidget *save = find_save_button (GTK_WIDGET (wm_map_page_get_editor (page)));

  /* Nothing to save yet: the button says so. */
  g_assert_nonnull (save);
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (wm_map_history_set_card_text (history_of (window), "card-ivr-menu", "Phone menu", ""));
  g_assert_true (wm_map_page_get_dirty (page));
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Bank demo — Waymark");

  g_signal_emit_by_name (save, "clicked");
  g_assert_false (wm_map_page_get_dirty (page));
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Bank demo — Waymark");
  g_assert_false (g_file_test (wm_map_page_get_recovery_path (page), G_FILE_TEST_EXISTS));
  close_window (window);

  window = open_window (path);
  g_assert_cmpstr (card_of (window, "card-ivr-menu")->title, ==, "Phone menu");
  g_assert_false (wm_map_page_get_dirty (wm_window_get_map_page (window)));
  g_assert_false (wm_map_page_has_recovery (wm_window_get_map_page (window)));
  close_window (window);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* Edits, waits for the autosave, and "crashes": the window goes without
 * being asked. Returns the recovery file's path. */
static char *
edit_and_crash (const char *path)
{
  WmWindow *window = open_window (path);
  char *recovery = g_strdup (wm_map_page_get_recovery_path (wm_window_get_map_page (window)));

  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));
  g_assert_true (wm_map_history_set_card_text (history_of (window), "card-ivr-menu", "Phone menu", ""));
  /* Written once the edits pause. */
  wm_ui_test_spin_until (file_exists, recovery);
  close_window (window);
  g_assert_true (g_file_test (recovery, G_FILE_TEST_EXISTS));
  return recovery;
}

static void
test_autosave_restore (void)
{
  g_autoptr(WmProject) project = demo_project ();
  g_autofree char *path = g_strdup (wm_project_get_path (project));
  g_autofree char *recovery = edit_and_crash (path);
  WmWindow *window;
  WmMapPage *page;
  GtkWindow *dialog;

  /* Reopened: the saved map, and the offer to restore. */
  window = open_window (path);
  page = wm_window_get_map_page (window);
  g_assert_cmpstr (card_of (window, "card-ivr-menu")->title, ==, "IVR menu");
  g_assert_true (wm_map_page_has_recovery (page));
  dialog = find_toplevel ("restore-map-dialog");
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Restore Unsaved Changes?");

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  g_assert_cmpstr (card_of (window, "card-ivr-menu")->title, ==, "Phone menu");
  /* Restored, not saved. */
  g_assert_true (wm_map_page_get_dirty (page));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Bank demo — Waymark");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-map", NULL));
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));
  close_window (window);
}

static void
test_autosave_discard (void)
{
  g_autoptr(WmProject) project = demo_project ();
  g_autofree char *path = g_strdup (wm_project_get_path (project));
  g_autofree char *recovery = edit_and_crash (path);
  WmWindow *window;
  GtkWindow *dialog;

  window = open_window (path);
  dialog = find_toplevel ("restore-map-dialog");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  g_assert_cmpstr (card_of (window, "card-ivr-menu")->title, ==, "IVR menu");
  g_assert_false (wm_map_page_get_dirty (wm_window_get_map_page (window)));
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));
  close_window (window);
}

static void
test_close_asks (void)
{
  g_autoptr(WmProject) project = demo_project ();
  g_autofree char *path = g_strdup (wm_project_get_path (project));
  WmWindow *window = open_window (path);
  g_autofree char *recovery = g_strdup (wm_map_page_get_recovery_path (wm_window_get_map_page (window)));
  GtkWindow *dialog;

  wm_ui_test_spin_until (has_metrics, wm_window_get_map_page (window));
  g_assert_true (wm_map_history_set_card_text (history_of (window), "card-ivr-menu", "Phone menu", ""));

  /* Cancel: the window stays, with its edits. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (is_toplevel (GTK_WINDOW (window)));
  dialog = find_toplevel ("close-map-dialog");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_true (is_toplevel (GTK_WINDOW (window)));
  g_assert_true (wm_map_page_get_dirty (wm_window_get_map_page (window)));

  /* Save: stored, then closed. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = find_toplevel ("close-map-dialog");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_assert_false (is_toplevel (GTK_WINDOW (window)));
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));
  wm_ui_test_finalize (window);

  /* Discard: closed, and the next edit is lost with its recovery file. */
  window = open_window (path);
  g_assert_cmpstr (card_of (window, "card-ivr-menu")->title, ==, "Phone menu");
  wm_ui_test_spin_until (has_metrics, wm_window_get_map_page (window));
  g_assert_true (wm_map_history_set_card_text (history_of (window), "card-ivr-menu", "Lost", ""));
  g_assert_true (wm_map_page_autosave (wm_window_get_map_page (window), NULL));
  g_assert_true (g_file_test (recovery, G_FILE_TEST_EXISTS));
  gtk_window_close (GTK_WINDOW (window));
  dialog = find_toplevel ("close-map-dialog");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  g_assert_false (is_toplevel (GTK_WINDOW (window)));
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));
  wm_ui_test_spin_until (not_loading, wm_window_get_session (window));
  wm_ui_test_finalize (window);

  window = open_window (path);
  g_assert_cmpstr (card_of (window, "card-ivr-menu")->title, ==, "Phone menu");
  g_assert_null (find_toplevel ("restore-map-dialog"));
  close_window (window);
}

static void
test_no_events_no_numbers (void)
{
  g_autoptr(WmProject) project = wm_ui_test_project ("Map only", NULL);
  g_autoptr(WmJourneyMap) map = wm_demo_map_new ();
  g_autoptr(GError) error = NULL;
  WmWindow *window;

  g_assert_true (wm_map_json_save_project (project, map, &error));
  g_assert_no_error (error);
  window = open_window (wm_project_get_path (project));
  wm_ui_test_spin_until (not_loading, wm_window_get_session (window));
  g_assert_nonnull (wm_session_get_journeys (wm_window_get_session (window)));
  g_assert_nonnull (card_of (window, "card-ivr-menu"));
  /* Every card would say 0: the map shows no numbers instead. */
  g_assert_null (wm_map_page_get_metrics (wm_window_get_map_page (window)));

  wm_ui_test_wait_false (wm_window_get_data_page (window), "loading");
  gtk_window_destroy (GTK_WINDOW (window));
  wm_ui_test_finalize (window);
}

static void
count_failed (guint *count)
{
  (*count)++;
}

static gboolean
failed_once (gpointer data)
{
  return *(guint *) data >= 1;
}

static void
test_autosave_fails (void)
{
  g_autoptr(WmProject) project = demo_project ();
  g_autofree char *blocker = g_build_filename (g_get_user_state_dir (), "waymark", NULL);
  g_autofree char *moved = g_strconcat (blocker, ".moved", NULL);
  g_autoptr(GError) error = NULL;
  gboolean existed = g_file_test (blocker, G_FILE_TEST_EXISTS);
  WmWindow *window = open_window (wm_project_get_path (project));
  WmMapPage *page = wm_window_get_map_page (window);
  guint failed = 0;
  GtkWindow *dialog;

  /* A file where the recovery folder should be: no autosave possible. */
  if (existed)
    g_assert_cmpint (g_rename (blocker, moved), ==, 0);
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  g_signal_connect_swapped (page, "failed", G_CALLBACK (count_failed), &failed);

  g_assert_true (wm_map_history_set_card_text (history_of (window), "card-ivr-menu", "Phone menu", ""));
  g_assert_false (wm_map_page_autosave (page, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_IO);
  /* The pause after the edit tries, and says so. */
  wm_ui_test_spin_until (failed_once, &failed);
  g_assert_cmpuint (failed, ==, 1);
  dialog = find_message ("Could Not Keep the Unsaved Journey Map Aside");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "waymark"));
  g_assert_true (wm_map_page_get_dirty (page));
  /* Saving still works. */
  g_assert_true (wm_map_page_save (page, NULL));

  g_assert_cmpint (g_unlink (blocker), ==, 0);
  if (existed)
    g_assert_cmpint (g_rename (moved, blocker), ==, 0);
  close_window (window);
}

static void
done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Lets frames be drawn (the canvas paints at the frame clock). */
static void
wait_frames (void)
{
  gboolean done = FALSE;

  g_timeout_add_once (300, done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
save_window_png (WmWindow   *window,
                 const char *name)
{
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("WM_DUMP_DIR"), name, NULL);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  wait_frames ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_true (gsk_renderer_realize (renderer, NULL, NULL));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* WM_DUMP_DIR set: the Map view of the full demo (50 000 customers) with
 * its live numbers, light and dark, as screenshots to look at. */
static void
test_screenshots (void)
{
  g_autoptr(WmProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  WmWindow *window;

  if (g_getenv ("WM_DUMP_DIR") == NULL)
    {
      g_test_skip ("WM_DUMP_DIR not set");
      return;
    }
  project = wm_ui_test_project ("Bank demo", NULL);
  g_assert_true (wm_demo_write_project (project, 50000, WM_DEMO_DEFAULT_SEED, &error));
  g_assert_no_error (error);

  window = g_object_ref (wm_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  file = g_file_new_for_path (wm_project_get_path (project));
  g_assert_true (wm_window_open_project (window, file, &error));
  g_assert_no_error (error);
  wm_window_show_view (window, "map");
  gtk_window_present (GTK_WINDOW (window));
  wm_ui_test_spin_until (has_metrics, wm_window_get_map_page (window));
  wm_map_canvas_select (wm_map_editor_get_canvas (wm_map_page_get_editor (wm_window_get_map_page (window))),
                        (const char * const[]) { "card-ivr-menu", NULL });

  save_window_png (window, "map-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  save_window_png (window, "map-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  close_window (window);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *state = g_dir_make_tmp ("waymark-state-XXXXXX", NULL);

  /* Recovery files go to a state folder of the test's own. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  wm_ui_test_init (&argc, &argv);

  g_test_add_func ("/map-page/metrics", test_metrics);
  g_test_add_func ("/map-page/rebinding-recomputes", test_rebinding_recomputes);
  g_test_add_func ("/map-page/edit-save-reopen", test_edit_save_reopen);
  g_test_add_func ("/map-page/autosave-restore", test_autosave_restore);
  g_test_add_func ("/map-page/autosave-discard", test_autosave_discard);
  g_test_add_func ("/map-page/close-asks", test_close_asks);
  g_test_add_func ("/map-page/no-events-no-numbers", test_no_events_no_numbers);
  g_test_add_func ("/map-page/autosave-fails", test_autosave_fails);
  g_test_add_func ("/map-page/screenshots", test_screenshots);

  return g_test_run ();
}
