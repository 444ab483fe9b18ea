/* test-presentation.c: WmPresentation slides, keys, counter and leaving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <adwaita.h>

#include "wm-chart-fixtures.h"
#include "wm-chart-pango.h"
#include "wm-chart-widget-test.h"
#include "wm-presentation.h"

static const WmRgba map_colour = { 0.2, 0.4, 0.6, 1.0 };

typedef struct
{
  guint       calls;
  double      width;
  double      height;
  WmThemeKind theme;
} MapLog;

/* Stands in for the journey map: fills the slide with one colour. */
static void
draw_map (cairo_t       *cr,
          double         width,
          double         height,
          const WmTheme *theme,
          const char    *title,
          gpointer       user_data)
{
  MapLog *log = user_data;

  log->calls++;
  log->width = width;
  log->height = height;
  log->theme = theme->kind;
  wm_chart_set_source (cr, &map_colour, 1.0);
  cairo_paint (cr);
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     mods)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, mods) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, mods);

  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods;
}

/* Runs what the window's shortcut for @keyval + @mods does, as a key
 * press would: capture-phase controllers first, then bubble. FALSE if no
 * shortcut has that trigger. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint k = 0; k < 2 * n; k++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, k % n);
      GtkPropagationPhase phase = k < n ? GTK_PHASE_CAPTURE : GTK_PHASE_BUBBLE;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (trigger_matches (trigger, keyval, mods))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static WmPresentation *
show_presentation (GtkWindow *parent,
                   MapLog    *log)
{
  g_autoptr(WmFlowGraph) graph = wm_fixture_bank_flow ();
  g_autoptr(WmFunnelResult) result = wm_fixture_bank_funnel (TRUE);
  WmSlide *slides[3];
  WmPresentation *presentation;

  slides[0] = wm_slide_new_flow ("Where customers go after the payment notice", graph);
  slides[1] = wm_slide_new_funnel ("Payment funnel by channel", result);
  slides[2] = wm_slide_new (WM_SLIDE_MAP, "Journey map", draw_map, log, NULL);
  presentation = wm_presentation_new (parent, slides, 3);
  for (guint i = 0; i < 3; i++)
    wm_slide_unref (slides[i]);

  g_object_ref (presentation);
  gtk_window_present (GTK_WINDOW (presentation));
  while (!gtk_widget_get_mapped (gtk_window_get_child (GTK_WINDOW (presentation))))
    g_main_context_iteration (NULL, TRUE);
  wm_test_settle ();

  return presentation;
}

static void
test_keys (void)
{
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  MapLog log = { 0 };
  WmPresentation *presentation = show_presentation (parent, &log);
  GtkWidget *widget = GTK_WIDGET (presentation);
  static const struct { guint keyval; GdkModifierType mods; guint expected; } steps[] = {
    { GDK_KEY_Right, 0, 1 },
    { GDK_KEY_Page_Down, 0, 2 },
    { GDK_KEY_space, 0, 2 },           /* the last slide stays */
    { GDK_KEY_space, GDK_SHIFT_MASK, 1 },
    { GDK_KEY_Page_Up, 0, 0 },
    { GDK_KEY_Left, 0, 0 },            /* the first slide stays */
    { GDK_KEY_space, 0, 1 },
    { GDK_KEY_Left, 0, 0 },
    { GDK_KEY_End, 0, 2 },
    { GDK_KEY_Home, 0, 0 },
  };

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (presentation)) == parent);
  g_assert_cmpuint (wm_presentation_get_n_slides (presentation), ==, 3);
  g_assert_cmpuint (wm_presentation_get_current (presentation), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_assert_true (press_key (widget, steps[i].keyval, steps[i].mods));
      g_assert_cmpuint (wm_presentation_get_current (presentation), ==, steps[i].expected);
    }

  /* Esc leaves. */
  g_assert_true (press_key (widget, GDK_KEY_Escape, 0));
  g_assert_finalize_object (presentation);
  gtk_window_destroy (parent);
}

static void
test_slides_drawn (void)
{
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  MapLog log = { 0 };
  WmPresentation *presentation = show_presentation (parent, &log);
  GtkWidget *canvas = gtk_window_get_child (GTK_WINDOW (presentation));
  const WmTheme *theme = wm_theme_get (WM_THEME_PRESENTATION);
  int width = gtk_widget_get_width (canvas);
  int height = gtk_widget_get_height (canvas);
  cairo_surface_t *surface;

  /* The flow and funnel slides: presentation background in the margin. */
  surface = wm_test_render_widget (canvas, "presentation-flow");
  wm_test_assert_pixel (surface, 2, 2, &theme->background, 1);
  cairo_surface_destroy (surface);

  wm_presentation_set_current (presentation, 1);
  surface = wm_test_render_widget (canvas, "presentation-funnel");
  wm_test_assert_pixel (surface, 2, 2, &theme->background, 1);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (log.calls, ==, 0);

  /* The map slide is its draw function at the window's size, in the
   * presentation theme; the counter sits in the bottom right corner. */
  g_object_set (presentation, "current", 2, NULL);
  surface = wm_test_render_widget (canvas, "presentation-map");
  g_assert_cmpuint (log.calls, ==, 1);
  g_assert_cmpfloat (log.width, ==, width);
  g_assert_cmpfloat (log.height, ==, height);
  g_assert_cmpint (log.theme, ==, WM_THEME_PRESENTATION);
  wm_test_assert_pixel (surface, width / 2, height / 2, &map_colour, 1);
  wm_test_assert_pixel (surface, 2, height - 2, &map_colour, 1);
  cairo_surface_destroy (surface);

  /* Past the end is the last slide. */
  wm_presentation_set_current (presentation, 99);
  g_assert_cmpuint (wm_presentation_get_current (presentation), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.leave", NULL));
  g_assert_finalize_object (presentation);
  gtk_window_destroy (parent);
}

static void
test_no_slides (void)
{
  WmPresentation *presentation = g_object_ref (wm_presentation_new (NULL, NULL, 0));

  g_assert_cmpuint (wm_presentation_get_n_slides (presentation), ==, 0);
  g_assert_true (press_key (GTK_WIDGET (presentation), GDK_KEY_Right, 0));
  g_assert_cmpuint (wm_presentation_get_current (presentation), ==, 0);
  gtk_window_destroy (GTK_WINDOW (presentation));
  g_assert_finalize_object (presentation);
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

  g_test_add_func ("/presentation/keys", test_keys);
  g_test_add_func ("/presentation/slides-drawn", test_slides_drawn);
  g_test_add_func ("/presentation/no-slides", test_no_slides);

  return g_test_run ();
}
