/* test-funnel-chart.c: WmFunnelChart drawing, hover and keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <adwaita.h>

#include "wm-chart-fixtures.h"
#include "wm-chart-widget-test.h"
#include "wm-funnel-chart-private.h"
#include "wm-funnel-chart.h"
#include "wm-funnel-renderer.h"

static WmFunnelChart *
show_chart (gboolean    breakdown,
            GtkWindow **window)
{
  g_autoptr(WmFunnelResult) result = wm_fixture_bank_funnel (breakdown);
  WmFunnelChart *chart = WM_FUNNEL_CHART (wm_funnel_chart_new ());

  wm_funnel_chart_set_result (chart, result);
  *window = wm_test_show_in_window (GTK_WIDGET (chart), 1200, 700);

  return g_object_ref (chart);
}

/* Near the foot of a bar, clear of the texts on it. */
static void
bar_foot (const WmFunnelPart *bar,
          double             *x,
          double             *y)
{
  g_assert_nonnull (bar);
  *x = bar->rect.x + bar->rect.width / 2;
  *y = bar->rect.y + bar->rect.height - 3;
}

static void
check_hover (AdwColorScheme scheme,
             WmThemeKind    kind,
             const char    *name)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const WmTheme *theme = wm_theme_get (kind);
  g_autofree char *plain = g_strconcat ("funnel-chart-", name, NULL);
  g_autofree char *hovered = g_strconcat ("funnel-chart-", name, "-hover", NULL);
  GtkWindow *window;
  WmFunnelChart *chart;
  const WmFunnelLayout *layout;
  const WmFunnelResult *result;
  const WmFunnelPart *drop;
  cairo_surface_t *surface;
  WmFunnelHit hover;
  WmRgba dimmed;
  double x, y;

  adw_style_manager_set_color_scheme (manager, scheme);
  chart = show_chart (FALSE, &window);
  layout = wm_funnel_chart_get_layout (chart);
  result = wm_funnel_chart_get_result (chart);
  g_assert_nonnull (layout);
  g_assert_cmpint (layout->biggest_drop, ==, 2);

  surface = wm_test_render_widget (GTK_WIDGET (chart), plain);
  for (guint k = 0; k < result->n_steps; k++)
    {
      bar_foot (wm_fixture_funnel_part (layout, WM_FUNNEL_PART_BAR, k, -1), &x, &y);
      wm_test_assert_pixel (surface, x, y, wm_funnel_bar_color (theme, result, -1), 1);
    }
  wm_test_assert_pixel (surface, 2, 2, &theme->background, 1);
  cairo_surface_destroy (surface);

  /* The biggest drop band, before step 3: that step lights, the others fade. */
  drop = wm_fixture_funnel_part (layout, WM_FUNNEL_PART_DROP, 2, -1);
  g_assert_nonnull (drop);
  wm_funnel_chart_motion_at (chart, drop->rect.x + drop->rect.width / 2,
                             drop->rect.y + drop->rect.height / 2);
  hover = wm_funnel_chart_get_hover (chart);
  g_assert_true (hover.hit);
  g_assert_cmpint (hover.kind, ==, WM_FUNNEL_PART_DROP);
  g_assert_cmpuint (hover.step, ==, 2);
  g_assert_cmpint (hover.segment, ==, -1);

  surface = wm_test_render_widget (GTK_WIDGET (chart), hovered);
  bar_foot (wm_fixture_funnel_part (layout, WM_FUNNEL_PART_BAR, 2, -1), &x, &y);
  wm_test_assert_pixel (surface, x, y, wm_funnel_bar_color (theme, result, -1), 1);
  dimmed = wm_test_blend (wm_funnel_bar_color (theme, result, -1), &theme->background, 0.4);
  bar_foot (wm_fixture_funnel_part (layout, WM_FUNNEL_PART_BAR, 1, -1), &x, &y);
  wm_test_assert_pixel (surface, x, y, &dimmed, 2);
  cairo_surface_destroy (surface);

  wm_funnel_chart_pointer_left (chart);
  g_assert_false (wm_funnel_chart_get_hover (chart).hit);

  gtk_window_destroy (window);
  g_assert_finalize_object (chart);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_light (void)
{
  check_hover (ADW_COLOR_SCHEME_FORCE_LIGHT, WM_THEME_LIGHT, "light");
}

static void
test_dark (void)
{
  check_hover (ADW_COLOR_SCHEME_FORCE_DARK, WM_THEME_DARK, "dark");
}

static void
test_breakdown (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const WmTheme *theme;
  GtkWindow *window;
  WmFunnelChart *chart;
  const WmFunnelLayout *layout;
  const WmFunnelPart *web;
  cairo_surface_t *surface;
  WmFunnelHit hover;
  double x, y;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  theme = wm_theme_get (WM_THEME_LIGHT);
  chart = show_chart (TRUE, &window);
  layout = wm_funnel_chart_get_layout (chart);
  g_assert_cmpuint (layout->n_segments, ==, 3);

  /* The web segment of step 2's bar is hit as such. */
  web = wm_fixture_funnel_part (layout, WM_FUNNEL_PART_BAR, 1, 1);
  bar_foot (web, &x, &y);
  wm_funnel_chart_motion_at (chart, x, y);
  hover = wm_funnel_chart_get_hover (chart);
  g_assert_true (hover.hit);
  g_assert_cmpint (hover.kind, ==, WM_FUNNEL_PART_BAR);
  g_assert_cmpuint (hover.step, ==, 1);
  g_assert_cmpint (hover.segment, ==, 1);

  surface = wm_test_render_widget (GTK_WIDGET (chart), "funnel-chart-breakdown-hover");
  wm_test_assert_pixel (surface, x, y,
                        wm_funnel_bar_color (theme, wm_funnel_chart_get_result (chart), 1), 1);
  cairo_surface_destroy (surface);

  gtk_window_destroy (window);
  g_assert_finalize_object (chart);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_keyboard (void)
{
  GtkWindow *window;
  WmFunnelChart *chart = show_chart (FALSE, &window);
  WmFunnelHit hover;

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (chart)));
  g_assert_false (wm_funnel_chart_get_hover (chart).hit);
  /* As after keyboard use: the chart shows what has the focus. */
  gtk_window_set_focus_visible (window, TRUE);

  /* Focus starts on step 1; keys stop at the ends. */
  hover = wm_funnel_chart_get_hover (chart);
  g_assert_true (hover.hit);
  g_assert_cmpuint (hover.step, ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (chart), "funnel.move-focus", "i", -1);
  g_assert_cmpuint (wm_funnel_chart_get_hover (chart).step, ==, 0);
  for (guint i = 0; i < 5; i++)
    gtk_widget_activate_action (GTK_WIDGET (chart), "funnel.move-focus", "i", 1);
  g_assert_cmpuint (wm_funnel_chart_get_hover (chart).step, ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (chart), "funnel.move-focus", "i", -1);
  hover = wm_funnel_chart_get_hover (chart);
  g_assert_cmpint (hover.kind, ==, WM_FUNNEL_PART_BAR);
  g_assert_cmpuint (hover.step, ==, 2);

  /* A new result forgets the position. */
  wm_funnel_chart_set_result (chart, NULL);
  g_assert_false (wm_funnel_chart_get_hover (chart).hit);
  g_assert_null (wm_funnel_chart_get_layout (chart));

  gtk_window_destroy (window);
  g_assert_finalize_object (chart);
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

  g_test_add_func ("/funnel-chart/light", test_light);
  g_test_add_func ("/funnel-chart/dark", test_dark);
  g_test_add_func ("/funnel-chart/breakdown", test_breakdown);
  g_test_add_func ("/funnel-chart/keyboard", test_keyboard);

  return g_test_run ();
}
