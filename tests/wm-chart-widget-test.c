/* wm-chart-widget-test.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-chart-widget-test.h"

GtkWindow *
wm_test_show_in_window (GtkWidget *child,
                        int        width,
                        int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_decorated (window, FALSE);
  /* Tests drive pointer input through the widget's own entry points; the
   * X server's pointer, wherever it rests, must not hover anything. */
  gtk_widget_set_can_target (child, FALSE);
  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  while (gtk_widget_get_width (child) <= 0 || !gtk_widget_get_mapped (child))
    g_main_context_iteration (NULL, TRUE);
  wm_test_settle ();
  /* As for a pointer user: a focused chart shows no focus ring. */
  gtk_window_set_focus_visible (window, FALSE);

  return window;
}

void
wm_test_settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

cairo_surface_t *
wm_test_render_widget (GtkWidget  *widget,
                       const char *name)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkWidget *parent = gtk_widget_get_parent (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  graphene_point_t origin;
  GskRenderNode *node;
  cairo_surface_t *surface;
  const char *dump_dir = g_getenv ("WM_DUMP_DIR");
  cairo_t *cr;

  g_assert_cmpint (width, >, 0);
  g_assert_nonnull (parent);
  /* As its parent would draw it: the widget's own snapshot and children. */
  gtk_widget_snapshot_child (parent, widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_true (gtk_widget_compute_point (widget, parent, &GRAPHENE_POINT_INIT (0, 0), &origin));

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_translate (cr, -origin.x, -origin.y);
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

void
wm_test_assert_pixel (cairo_surface_t *surface,
                      double           x,
                      double           y,
                      const WmRgba    *color,
                      int              tolerance)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 pixel;
  int r, g, b;

  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpfloat (y, <, cairo_image_surface_get_height (surface));
  pixel = *(const guint32 *) (const void *) (data + (int) y * stride + 4 * (int) x);
  r = (pixel >> 16) & 0xff;
  g = (pixel >> 8) & 0xff;
  b = pixel & 0xff;
  if (ABS (r - (int) (color->red * 255 + 0.5)) > tolerance ||
      ABS (g - (int) (color->green * 255 + 0.5)) > tolerance ||
      ABS (b - (int) (color->blue * 255 + 0.5)) > tolerance)
    {
      /* Both colours in the message: a failure says what was drawn. */
      g_autofree char *found = g_strdup_printf ("(%d, %d): #%02x%02x%02x", (int) x, (int) y, r, g, b);
      g_autofree char *wanted = g_strdup_printf ("(%d, %d): #%02x%02x%02x ± %d", (int) x, (int) y,
                                                 (int) (color->red * 255 + 0.5),
                                                 (int) (color->green * 255 + 0.5),
                                                 (int) (color->blue * 255 + 0.5), tolerance);

      g_assert_cmpstr (found, ==, wanted);
    }
}

WmRgba
wm_test_blend (const WmRgba *color,
               const WmRgba *background,
               double        alpha)
{
  return (WmRgba) { color->red * alpha + background->red * (1 - alpha),
                    color->green * alpha + background->green * (1 - alpha),
                    color->blue * alpha + background->blue * (1 - alpha), 1 };
}
