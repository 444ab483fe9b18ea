/* test-chart-actions.c: Copy Chart's texture and clipboard, Export Chart's names and sizes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <adwaita.h>

#include "wm-chart-actions.h"
#include "wm-chart-fixtures.h"
#include "wm-error.h"

static void
test_texture (void)
{
  g_autoptr(WmFlowGraph) graph = wm_fixture_bank_flow ();
  const WmTheme *theme = wm_theme_get (WM_THEME_DARK);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint32 *pixels = NULL;
  guint32 expected;

  texture = wm_chart_render_texture (WM_CHART_SANKEY, graph, 800, 450, theme, "Flow", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 800);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 450);

  /* The corner is the dark background, opaque. */
  pixels = g_new (guint32, 800 * 450);
  gdk_texture_download (texture, (guchar *) pixels, 800 * 4);
  expected = 0xff000000 | ((guint32) (theme->background.red * 255 + 0.5) << 16) |
             ((guint32) (theme->background.green * 255 + 0.5) << 8) |
             (guint32) (theme->background.blue * 255 + 0.5);
  g_assert_cmphex (pixels[2 * 800 + 2], ==, expected);

  g_assert_null (wm_chart_render_texture (WM_CHART_SANKEY, graph, 8, 450, theme, NULL, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT);
}

static void
texture_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GdkTexture **texture = user_data;
  g_autoptr(GError) error = NULL;

  *texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static void
test_copy (void)
{
  g_autoptr(WmFunnelResult) result = wm_fixture_bank_funnel (FALSE);
  GtkWidget *label = g_object_ref_sink (gtk_label_new (NULL));
  GdkClipboard *clipboard = gtk_widget_get_clipboard (label);
  GdkTexture *texture = NULL;

  wm_chart_actions_copy (label, WM_CHART_FUNNEL, result, "Funnel", WM_THEME_LIGHT);
  gdk_clipboard_read_texture_async (clipboard, NULL, texture_read_cb, &texture);
  while (texture == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (gdk_texture_get_width (texture), ==, WM_CHART_DEFAULT_WIDTH);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, WM_CHART_DEFAULT_HEIGHT);

  g_object_unref (texture);
  g_assert_finalize_object (label);
}

static void
test_size_and_path (void)
{
  int width = 0, height = 0;
  g_autofree char *added = wm_chart_export_path ("/tmp/flow", "svg");
  g_autofree char *kept = wm_chart_export_path ("/tmp/Flow.PDF", "png");
  g_autofree char *dotted = wm_chart_export_path ("/tmp/flow.v2", "png");

  g_assert_true (wm_chart_parse_size ("1600x900", &width, &height));
  g_assert_cmpint (width, ==, 1600);
  g_assert_cmpint (height, ==, 900);
  g_assert_false (wm_chart_parse_size ("1600x", &width, &height));
  g_assert_false (wm_chart_parse_size ("x900", &width, &height));
  g_assert_false (wm_chart_parse_size ("0x900", &width, &height));
  g_assert_false (wm_chart_parse_size ("1600x900px", &width, &height));
  g_assert_false (wm_chart_parse_size (NULL, &width, &height));
  g_assert_cmpint (width, ==, 1600);

  g_assert_cmpstr (added, ==, "/tmp/flow.svg");
  g_assert_cmpstr (kept, ==, "/tmp/Flow.PDF");
  g_assert_cmpstr (dotted, ==, "/tmp/flow.v2.png");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() switches to en_US.UTF-8 where the system has it: the
   * expected texts are written for C.UTF-8, as on a fresh machine. */
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

  g_test_add_func ("/chart-actions/texture", test_texture);
  g_test_add_func ("/chart-actions/copy", test_copy);
  g_test_add_func ("/chart-actions/size-and-path", test_size_and_path);

  return g_test_run ();
}
