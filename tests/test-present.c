/* test-present.c: Present (F5) on a demo project: the slides of the saved
 * views and the map, the presentation window, the PDF deck; and pictures
 * of the Flow and Funnel views in the real window, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-deck.h"
#include "wm-demo.h"
#include "wm-flow-page.h"
#include "wm-funnel-page.h"
#include "wm-present.h"
#include "wm-presentation.h"
#include "wm-saved-analysis.h"
#include "wm-ui-test.h"
#include "wm-window.h"

static WmWindow *
open_demo (WmProject **project_out)
{
  g_autoptr(WmProject) project = wm_ui_test_demo_project (2000, 2024);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  WmWindow *window;

  file = g_file_new_for_path (wm_project_get_path (project));
  window = g_object_ref (wm_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1440, 900);
  g_assert_true (wm_window_open_project (window, file, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  wm_ui_test_wait_false (wm_window_get_session (window), "loading");

  *project_out = g_steal_pointer (&project);
  return window;
}

static GtkWidget *
view_page (WmWindow   *window,
           const char *view)
{
  GtkWidget *page = NULL;

  wm_window_show_view (window, view);
  /* The slot's page: found by type below the window. */
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (window)); w != NULL; )
    {
      if ((g_str_equal (view, "flow") && WM_IS_FLOW_PAGE (w)) ||
          (g_str_equal (view, "funnel") && WM_IS_FUNNEL_PAGE (w)))
        {
          page = w;
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w != NULL ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }

  g_assert_nonnull (page);
  wm_ui_test_wait_false (page, "running");
  return page;
}

static void
settle (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
set_true (gpointer flag)
{
  *(gboolean *) flag = TRUE;
}

static gboolean
is_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* What the window shows, as a frame would draw it. */
static cairo_surface_t *
render_window (GtkWindow  *window,
               const char *name)
{
  /* A window's own paintable draws nothing: its content does, over the
   * window background (libadwaita's @window_bg_color). */
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_surface_t *surface;
  const char *dump_dir = g_getenv ("WM_DUMP_DIR");
  cairo_t *cr;

  wm_ui_test_spin_until (is_drawn, window);
  /* A frame laid out and painted what the last changes asked for. */
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
    gboolean painted = FALSE;
    gulong handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (set_true), &painted);

    gtk_widget_queue_draw (GTK_WIDGET (window));
    while (!painted)
      g_main_context_iteration (NULL, TRUE);
    g_signal_handler_disconnect (clock, handler);
  }
  settle ();
  /* Pictures only: let the view switcher's transition finish, as a
   * person would see it. No assertion depends on this wait. */
  if (dump_dir != NULL)
    {
      gboolean waited = FALSE;

      g_timeout_add_once (600, set_true, &waited);
      while (!waited)
        g_main_context_iteration (NULL, TRUE);
      settle ();
    }
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  g_assert_cmpint (width, >, 0);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (GTK_WIDGET (window), child, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  if (dark)
    cairo_set_source_rgb (cr, 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0);
  else
    cairo_set_source_rgb (cr, 0xfa / 255.0, 0xfa / 255.0, 0xfa / 255.0);
  cairo_paint (cr);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  gsk_render_node_unref (node);
  cairo_surface_flush (surface);

  if (dump_dir != NULL && name != NULL)
    {
      g_autofree char *file = g_strconcat (name, ".png", NULL);
      g_autofree char *path = g_build_filename (dump_dir, file, NULL);

      g_mkdir_with_parents (dump_dir, 0755);
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
    }

  return surface;
}

/* Distinct colours among a grid of pixels: a blank surface has one. */
static guint
n_colours (cairo_surface_t *surface)
{
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  const guint8 *pixels = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < cairo_image_surface_get_height (surface); y += 3)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x += 3)
      g_hash_table_add (colours, GUINT_TO_POINTER (*(const guint32 *) (pixels + y * stride + x * 4)));

  return g_hash_table_size (colours);
}

static void
close_window (WmWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_object_unref (window);
}

typedef struct
{
  GPtrArray *slides;
  gboolean   done;
} Collected;

static void
collected (GPtrArray    *slides,
           guint         skipped,
           const GError *error,
           gpointer      user_data)
{
  Collected *collect = user_data;

  g_assert_no_error ((GError *) error);
  g_assert_cmpuint (skipped, ==, 0);
  collect->slides = g_ptr_array_ref (slides);
}

static void
collect_done (gpointer user_data)
{
  ((Collected *) user_data)->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((Collected *) data)->done;
}

static void
test_slides_and_deck (void)
{
  g_autoptr(WmProject) project = NULL;
  WmWindow *window = open_demo (&project);
  g_autoptr(WmQueryRunner) runner = wm_query_runner_new ();
  g_autofree char *dir = g_dir_make_tmp ("waymark-deck-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "deck.pdf", NULL);
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *info = NULL;
  g_autoptr(GError) error = NULL;
  Collected collect = { NULL, FALSE };
  WmPresentation *presentation;
  int status;

  wm_present_collect (runner, wm_window_get_session (window), NULL, collected, &collect, collect_done);
  wm_ui_test_spin_until (is_done, &collect);
  g_assert_nonnull (collect.slides);

  /* The map, then the saved flow and funnel, in the order saved. */
  g_assert_cmpuint (collect.slides->len, ==, 3);
  g_assert_cmpint (wm_slide_get_kind (g_ptr_array_index (collect.slides, 0)), ==, WM_SLIDE_MAP);
  g_assert_cmpint (wm_slide_get_kind (g_ptr_array_index (collect.slides, 1)), ==, WM_SLIDE_FLOW);
  g_assert_cmpstr (wm_slide_get_title (g_ptr_array_index (collect.slides, 1)), ==, "Payment journey");
  g_assert_cmpint (wm_slide_get_kind (g_ptr_array_index (collect.slides, 2)), ==, WM_SLIDE_FUNNEL);
  g_assert_cmpstr (wm_slide_get_title (g_ptr_array_index (collect.slides, 2)), ==, "Self-service payment");

  /* Every slide draws something. */
  for (guint i = 0; i < collect.slides->len; i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 450);
      cairo_t *cr = cairo_create (surface);

      wm_slide_draw (g_ptr_array_index (collect.slides, i), cr, 800, 450,
                     wm_theme_get (WM_THEME_PRESENTATION));
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      if (g_getenv ("WM_DUMP_DIR") != NULL)
        {
          g_autofree char *file = g_strdup_printf ("slide-%u.png", i + 1);
          g_autofree char *path = g_build_filename (g_getenv ("WM_DUMP_DIR"), file, NULL);

          cairo_surface_write_to_png (surface, path);
        }
      g_assert_cmpuint (n_colours (surface), >, 20);
      cairo_surface_destroy (surface);
    }

  /* The deck: one page per slide, as a PDF reader counts them. */
  g_assert_true (wm_deck_export_pdf ((WmSlide * const *) collect.slides->pdata, collect.slides->len,
                                     pdf, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (pdfinfo);
  g_assert_true (g_spawn_sync (NULL, (char *[]) { pdfinfo, pdf, NULL }, NULL, G_SPAWN_DEFAULT,
                               NULL, NULL, &info, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_regex_match_simple ("^Pages:\\s+3$", info, G_REGEX_MULTILINE, 0));

  /* Enter, advance, leave. */
  presentation = wm_presentation_new (GTK_WINDOW (window), (WmSlide * const *) collect.slides->pdata,
                                      collect.slides->len);
  g_object_ref (presentation);
  gtk_window_present (GTK_WINDOW (presentation));
  settle ();
  g_assert_cmpuint (wm_presentation_get_current (presentation), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.move", "i", 1));
  g_assert_cmpuint (wm_presentation_get_current (presentation), ==, 1);
  {
    cairo_surface_t *surface = render_window (GTK_WINDOW (presentation), "present");

    g_assert_cmpuint (n_colours (surface), >, 20);
    cairo_surface_destroy (surface);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.move", "i", 1));
  g_assert_cmpuint (wm_presentation_get_current (presentation), ==, 2);
  /* Past the last slide stays there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.move", "i", 1));
  g_assert_cmpuint (wm_presentation_get_current (presentation), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.leave", NULL));
  settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (presentation)));
  g_object_unref (presentation);

  g_ptr_array_unref (collect.slides);
  close_window (window);
}

static WmPresentation *
find_presentation (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (WM_IS_PRESENTATION (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static gboolean
presentation_shown (gpointer data)
{
  return find_presentation () != NULL;
}

/* F5 from the Funnel view presents the project's saved views. */
static void
test_present_action (void)
{
  g_autoptr(WmProject) project = NULL;
  WmWindow *window = open_demo (&project);
  WmPresentation *presentation;

  view_page (window, "funnel");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  wm_ui_test_spin_until (presentation_shown, NULL);
  presentation = find_presentation ();
  g_assert_cmpuint (wm_presentation_get_n_slides (presentation), ==, 3);
  gtk_window_destroy (GTK_WINDOW (presentation));

  /* Without saved views, the view shown is the slide. */
  {
    g_autoptr(GPtrArray) saved = wm_saved_analysis_list (project, NULL, NULL);

    for (guint i = 0; i < saved->len; i++)
      g_assert_true (wm_saved_analysis_delete (project, ((WmSavedAnalysis *) g_ptr_array_index (saved, i))->id, NULL));
  }
  view_page (window, "flow");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  wm_ui_test_spin_until (presentation_shown, NULL);
  presentation = find_presentation ();
  g_assert_cmpuint (wm_presentation_get_n_slides (presentation), ==, 2);
  gtk_window_destroy (GTK_WINDOW (presentation));

  close_window (window);
}

/* The views in the window, light and dark: assert they draw, and keep the
 * pictures when WM_DUMP_DIR is set (docs/screenshots). */
static void
test_views_light_and_dark (void)
{
  g_autoptr(WmProject) project = NULL;
  WmWindow *window = open_demo (&project);
  AdwStyleManager *style = adw_style_manager_get_default ();
  const char * const views[] = { "flow", "funnel" };

  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint i = 0; i < G_N_ELEMENTS (views); i++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%s", views[i], dark ? "dark" : "light");
          cairo_surface_t *surface;

          view_page (window, views[i]);
          g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));
          surface = render_window (GTK_WINDOW (window), name);
          g_assert_cmpuint (n_colours (surface), >, 50);
          cairo_surface_destroy (surface);
        }
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  wm_ui_test_init (&argc, &argv);
  /* As the application loads it, so that the pictures look like the app. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/waymark/Waymark/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/present/slides-and-deck", test_slides_and_deck);
  g_test_add_func ("/present/present-action", test_present_action);
  g_test_add_func ("/present/views-light-and-dark", test_views_light_and_dark);

  return g_test_run ();
}
