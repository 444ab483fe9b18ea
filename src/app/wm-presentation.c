/* wm-presentation.c
 *
 * Each slide draws itself through the same function the PDF deck uses;
 * the window adds only the slide counter, which the deck leaves out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-chart-actions.h"
#include "wm-chart-pango.h"
#include "wm-presentation.h"

struct _WmPresentation
{
  GtkWindow        parent_instance;

  GPtrArray       *slides;
  guint            current;
  WmChartPango    *pango;

  GtkDrawingArea  *canvas;
};

enum {
  PROP_0,
  PROP_CURRENT,
  PROP_N_SLIDES,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (WmPresentation, wm_presentation, GTK_TYPE_WINDOW)

static GParamSpec *properties[N_PROPS];

static const WmTheme *
presentation_theme (void)
{
  return wm_theme_get (WM_THEME_PRESENTATION);
}

static char *
counter_text (WmPresentation *self)
{
  /* Translators: the slide counter, e.g. "3 / 7" */
  return g_strdup_printf (_("%u / %u"), self->current + 1, self->slides->len);
}

static void
draw_slide (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  WmPresentation *self = user_data;
  const WmTheme *theme = presentation_theme ();
  g_autofree char *counter = NULL;
  WmTextMeasurer m;
  double w, h, margin;

  if (self->slides->len == 0)
    {
      wm_chart_set_source (cr, &theme->background, 1.0);
      cairo_paint (cr);
      return;
    }

  wm_slide_draw (g_ptr_array_index (self->slides, self->current), cr, width, height, theme);

  /* In the bottom margin, where charts leave room. */
  counter = counter_text (self);
  m = wm_chart_pango_measurer (self->pango);
  wm_text_measure (&m, counter, theme->small_size, WM_TEXT_REGULAR, &w, &h);
  margin = MAX (8, MIN (width, height) * 0.012);
  wm_chart_pango_draw (self->pango, cr, counter, theme->small_size, WM_TEXT_REGULAR,
                       width - w - 2 * margin, height - h - margin, &theme->muted, NULL);
}

static void
update_accessible (WmPresentation *self)
{
  g_autofree char *label = NULL;

  if (self->slides->len == 0)
    return;

  /* Translators: "Slide 3 of 7: Where customers go" */
  label = g_strdup_printf (_("Slide %u of %u: %s"), self->current + 1, self->slides->len,
                           wm_slide_get_title (g_ptr_array_index (self->slides, self->current)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  WmPresentation *self = WM_PRESENTATION (widget);
  int delta = g_variant_get_int32 (param);
  int target = (int) self->current + delta;

  wm_presentation_set_current (self, MAX (0, target));
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  wm_presentation_set_current (WM_PRESENTATION (widget), 0);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  wm_presentation_set_current (WM_PRESENTATION (widget), G_MAXUINT);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  WmPresentation *self = WM_PRESENTATION (widget);

  wm_chart_actions_export_deck (GTK_WINDOW (self), (WmSlide * const *) self->slides->pdata,
                                self->slides->len);
}

static void
click_released_cb (WmPresentation  *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *click)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (click));

  /* A clicker or a mouse: primary forward, secondary back. */
  if (button == GDK_BUTTON_PRIMARY)
    gtk_widget_activate_action (GTK_WIDGET (self), "presentation.move", "i", 1);
  else if (button == GDK_BUTTON_SECONDARY)
    gtk_widget_activate_action (GTK_WIDGET (self), "presentation.move", "i", -1);
}

static void
wm_presentation_finalize (GObject *object)
{
  WmPresentation *self = WM_PRESENTATION (object);

  g_clear_pointer (&self->slides, g_ptr_array_unref);
  g_clear_pointer (&self->pango, wm_chart_pango_free);

  G_OBJECT_CLASS (wm_presentation_parent_class)->finalize (object);
}

static void
wm_presentation_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WmPresentation *self = WM_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_CURRENT:
      g_value_set_uint (value, self->current);
      break;

    case PROP_N_SLIDES:
      g_value_set_uint (value, self->slides->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_presentation_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WmPresentation *self = WM_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_CURRENT:
      wm_presentation_set_current (self, g_value_get_uint (value));
      break;

    case PROP_N_SLIDES:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_presentation_class_init (WmPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = wm_presentation_finalize;
  object_class->get_property = wm_presentation_get_property;
  object_class->set_property = wm_presentation_set_property;

  properties[PROP_CURRENT] =
    g_param_spec_uint ("current", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_SLIDES] =
    g_param_spec_uint ("n-slides", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, WmPresentation, canvas);
  gtk_widget_class_bind_template_callback (widget_class, click_released_cb);

  gtk_widget_class_install_action (widget_class, "presentation.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "presentation.export-pdf", NULL, export_pdf_action);
  /* Keys are in the template's capture-phase shortcut controller. */

}

static void
wm_presentation_init (WmPresentation *self)
{
  self->slides = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_slide_unref);
  self->pango = wm_chart_pango_new (presentation_theme ());

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->canvas, draw_slide, self, NULL);
}

WmPresentation *
wm_presentation_new (GtkWindow       *parent,
                     WmSlide * const *slides,
                     guint            n_slides)
{
  WmPresentation *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (n_slides == 0 || slides != NULL, NULL);

  self = g_object_new (WM_TYPE_PRESENTATION, "transient-for", parent, NULL);
  for (guint i = 0; i < n_slides; i++)
    g_ptr_array_add (self->slides, wm_slide_ref (slides[i]));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "presentation.export-pdf", n_slides > 0);
  update_accessible (self);

  return self;
}

guint
wm_presentation_get_n_slides (WmPresentation *self)
{
  g_return_val_if_fail (WM_IS_PRESENTATION (self), 0);

  return self->slides->len;
}

guint
wm_presentation_get_current (WmPresentation *self)
{
  g_return_val_if_fail (WM_IS_PRESENTATION (self), 0);

  return self->current;
}

void
wm_presentation_set_current (WmPresentation *self,
                             guint           index)
{
  g_return_if_fail (WM_IS_PRESENTATION (self));

  index = self->slides->len == 0 ? 0 : MIN (index, self->slides->len - 1);
  if (index == self->current)
    return;

  self->current = index;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}
