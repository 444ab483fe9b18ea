/* test-window.c: the main window opens projects, switches views, draws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-demo.h"
#include "wm-error.h"
#include "wm-ui-test.h"
#include "wm-window.h"

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* A small demo: a few hundred customers of the bank's story. */
static WmProject *
demo_project (void)
{
  return wm_ui_test_demo_project (300, WM_DEMO_DEFAULT_SEED);
}

static WmWindow *
open_window (WmProject *project)
{
  g_autoptr(GFile) file = g_file_new_for_path (wm_project_get_path (project));
  g_autoptr(GError) error = NULL;
  WmWindow *window = g_object_ref (wm_window_new (NULL));

  g_assert_true (wm_window_open_project (window, file, &error));
  g_assert_no_error (error);
  return window;
}

static GtkWidget *
find_data_page (WmWindow *window)
{
  return GTK_WIDGET (wm_window_get_data_page (window));
}

static void
close_window (WmWindow *window)
{
  GtkWidget *data_page = find_data_page (window);

  /* Its worker holds the page until it is done. */
  wm_ui_test_wait_false (data_page, "loading");
  gtk_window_destroy (GTK_WINDOW (window));
  wm_ui_test_finalize (window);
}

static void
test_title_and_views (void)
{
  g_autoptr(WmProject) project = demo_project ();
  WmWindow *window = open_window (project);
  const char * const views[] = { "map", "flow", "funnel", "data" };
  GtkWidget *label;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Bank demo — Waymark");
  g_assert_true (wm_session_get_project (wm_window_get_session (window)) == project ||
                 g_str_equal (wm_project_get_path (wm_session_get_project (wm_window_get_session (window))),
                              wm_project_get_path (project)));

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i]));
      g_assert_cmpstr (wm_window_get_visible_view (window), ==, views[i]);
    }

  label = gtk_label_new ("chart");
  wm_window_set_page (window, "flow", label);
  g_assert_true (gtk_widget_get_parent (gtk_widget_get_parent (label)) != NULL);
  g_assert_null (gtk_widget_get_next_sibling (label));
  g_assert_null (gtk_widget_get_prev_sibling (label));

  close_window (window);
}

static void
test_failed_open_keeps_project (void)
{
  g_autoptr(WmProject) project = demo_project ();
  WmWindow *window = open_window (project);
  g_autofree char *dir = g_path_get_dirname (wm_project_get_path (project));
  g_autofree char *path = g_build_filename (dir, "notes.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WmProject *open;

  g_assert_true (g_file_set_contents (path, "just some notes, not a project\n", -1, NULL));
  g_assert_false (wm_window_open_project (window, file, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_NOT_A_PROJECT);

  open = wm_session_get_project (wm_window_get_session (window));
  g_assert_nonnull (open);
  g_assert_cmpstr (wm_project_get_path (open), ==, wm_project_get_path (project));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Bank demo — Waymark");

  close_window (window);
}

/* Opening puts the project first in Open Recent, once. */
static void
test_recent_projects (void)
{
  g_autoptr(WmProject) first = wm_ui_test_project ("first", NULL);
  g_autoptr(WmProject) second = wm_ui_test_project ("second", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) first_file = g_file_new_for_path (wm_project_get_path (first));
  g_auto(GStrv) recent = NULL;
  g_autoptr(GError) error = NULL;
  gboolean opened;
  WmWindow *window;

  g_settings_set_strv (settings, "recent-projects", NULL);
  window = open_window (second);
  opened = wm_window_open_project (window, first_file, &error);
  g_assert_no_error (error);
  g_assert_true (opened);
  opened = wm_window_open_project (window, first_file, &error);
  g_assert_no_error (error);
  g_assert_true (opened);

  recent = g_settings_get_strv (settings, "recent-projects");
  g_assert_cmpuint (g_strv_length (recent), ==, 2);
  g_assert_cmpstr (recent[0], ==, wm_project_get_path (first));
  g_assert_cmpstr (recent[1], ==, wm_project_get_path (second));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "first — Waymark");

  close_window (window);
}

static void
test_renders (void)
{
  g_autoptr(WmProject) project = demo_project ();
  WmWindow *window = open_window (project);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint32 first;
  guint n_different = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  wm_window_show_view (window, "data");
  gtk_window_present (GTK_WINDOW (window));
  wm_ui_test_spin_until (is_mapped, window);
  wm_ui_test_wait_false (find_data_page (window), "loading");

  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (GTK_WIDGET (window)),
                          gtk_widget_get_height (GTK_WIDGET (window)));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        gtk_widget_get_width (GTK_WIDGET (window)),
                                        gtk_widget_get_height (GTK_WIDGET (window)));
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Text, header and table: many pixels differ from the first. */
  first = *(guint32 *) cairo_image_surface_get_data (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    {
      guint32 *row = (guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
        n_different += row[x] != first;
    }
  g_assert_cmpuint (n_different, >, 1000);
  cairo_surface_destroy (surface);

  close_window (window);
}

static void
count_dismissed (AdwToast *toast,
                 guint    *count)
{
  (*count)++;
}

static void
set_true (gpointer flag)
{
  *(gboolean *) flag = TRUE;
}

static void
spin_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, set_true, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* "Preparing the slides…" may be over at once, even while it replaces
 * another toast; libadwaita 1.2 crashed when such a toast was dismissed
 * during its 500 ms entrance.  It goes once that is over. */
static void
test_progress_toasts (void)
{
  g_autoptr(WmProject) project = demo_project ();
  WmWindow *window = open_window (project);
  AdwToast *first, *second;
  guint first_dismissed = 0, second_dismissed = 0;

  gtk_window_present (GTK_WINDOW (window));
  wm_ui_test_spin_until (is_mapped, window);

  first = wm_window_add_progress_toast (window, "First");
  g_signal_connect (first, "dismissed", G_CALLBACK (count_dismissed), &first_dismissed);
  spin_ms (700);
  wm_window_end_progress_toast (first);
  /* Shown long enough: it goes at once. */
  g_assert_cmpuint (first_dismissed, ==, 1);

  /* Enters while the first leaves, and is ended straight away. */
  second = wm_window_add_progress_toast (window, "Second");
  g_signal_connect (second, "dismissed", G_CALLBACK (count_dismissed), &second_dismissed);
  wm_window_end_progress_toast (second);
  g_assert_cmpuint (second_dismissed, ==, 0);
  spin_ms (1200);
  g_assert_cmpuint (second_dismissed, ==, 1);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  wm_ui_test_init (&argc, &argv);

  g_test_add_func ("/window/title-and-views", test_title_and_views);
  g_test_add_func ("/window/failed-open-keeps-project", test_failed_open_keeps_project);
  g_test_add_func ("/window/recent-projects", test_recent_projects);
  g_test_add_func ("/window/renders", test_renders);
  g_test_add_func ("/window/progress-toasts", test_progress_toasts);

  return g_test_run ();
}
