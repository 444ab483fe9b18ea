/* wm-funnel-chart.c
 *
 * Drawn by the same core renderer export uses; WmChartWidget caches the
 * chart and redraws the overlay (hover, focus) only when what it lights
 * changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "wm-chart-describe.h"
#include "wm-chart-widget.h"
#include "wm-chart-pango.h"
#include "wm-funnel-chart-private.h"
#include "wm-funnel-chart.h"
#include "wm-funnel-renderer.h"

struct _WmFunnelChart
{
  WmChartWidget    parent_instance;

  WmFunnelResult  *result;

  WmFunnelLayout  *layout;

  WmFunnelHit      pointer_hit;
  int              focus_step;
};

enum {
  PROP_0,
  PROP_RESULT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (WmFunnelChart, wm_funnel_chart, WM_TYPE_CHART_WIDGET)

static GParamSpec *properties[N_PROPS];

static const WmFunnelHit no_hit = { FALSE, WM_FUNNEL_PART_BAR, 0, -1 };

static gboolean
same_hit (const WmFunnelHit *a,
          const WmFunnelHit *b)
{
  if (!a->hit || !b->hit)
    return a->hit == b->hit;

  return a->kind == b->kind && a->step == b->step && a->segment == b->segment;
}

/* What the overlay shows; compared byte by byte, so no padding. */
typedef struct
{
  WmFunnelHit hit;
  int         focus;
} OverlayKey;

static void
ensure_layout (WmFunnelChart *self)
{
  wm_chart_widget_ensure_layout (WM_CHART_WIDGET (self));
}

static void
wm_funnel_chart_clear_layout (WmChartWidget *widget)
{
  g_clear_pointer (&WM_FUNNEL_CHART (widget)->layout, wm_funnel_layout_free);
}

static gboolean
wm_funnel_chart_layout (WmChartWidget *widget,
                        const WmRect  *area,
                        const WmTheme *theme,
                        WmChartPango  *pango)
{
  WmFunnelChart *self = WM_FUNNEL_CHART (widget);
  WmFunnelOptions options;

  if (self->result == NULL)
    return FALSE;

  wm_funnel_renderer_options (&options, theme, pango);
  self->layout = wm_funnel_layout_new (self->result, area, &options);
  return TRUE;
}

/* The step keys act on: the one moved to last, else the first. */
static int
effective_focus (WmFunnelChart *self)
{
  if (self->focus_step >= 0)
    return self->focus_step;

  return self->result != NULL && self->result->n_steps > 0 ? 0 : -1;
}

static WmFunnelHit
current_highlight (WmFunnelChart *self)
{
  if (self->pointer_hit.hit)
    return self->pointer_hit;
  if (effective_focus (self) >= 0 && wm_chart_widget_focus_visible (WM_CHART_WIDGET (self)))
    return (WmFunnelHit) { TRUE, WM_FUNNEL_PART_BAR, effective_focus (self), -1 };

  return no_hit;
}

static int
shown_focus (WmFunnelChart *self)
{
  return wm_chart_widget_focus_visible (WM_CHART_WIDGET (self)) ? effective_focus (self) : -1;
}

static void
wm_funnel_chart_draw_chart (WmChartWidget *widget,
                            cairo_t       *cr,
                            const WmTheme *theme,
                            WmChartPango  *pango)
{
  WmFunnelChart *self = WM_FUNNEL_CHART (widget);

  wm_funnel_renderer_draw (cr, self->result, self->layout, theme, pango, NULL);
}

/* Around every bar of @step: its total, or all its breakdown segments. */
static gboolean
step_bounds (const WmFunnelLayout *layout,
             guint                 step,
             WmRect               *bounds)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < layout->n_parts; i++)
    {
      const WmFunnelPart *p = &layout->parts[i];

      if (p->step != step || p->kind != WM_FUNNEL_PART_BAR)
        continue;
      x0 = MIN (x0, p->rect.x);
      y0 = MIN (y0, p->rect.y);
      x1 = MAX (x1, p->rect.x + p->rect.width);
      y1 = MAX (y1, p->rect.y + p->rect.height);
    }
  if (x1 < x0)
    return FALSE;

  *bounds = (WmRect) { x0, y0, x1 - x0, y1 - y0 };
  return TRUE;
}

static gsize
wm_funnel_chart_overlay_key (WmChartWidget *widget,
                             guint8         key[WM_CHART_WIDGET_KEY_SIZE])
{
  WmFunnelChart *self = WM_FUNNEL_CHART (widget);
  OverlayKey k = { current_highlight (self), shown_focus (self) };

  if (!k.hit.hit && k.focus < 0)
    return 0;
  if (!k.hit.hit)
    k.hit = no_hit;

  memcpy (key, &k, sizeof k);
  return sizeof k;
}

static void
wm_funnel_chart_draw_overlay (WmChartWidget *widget,
                              cairo_t       *cr,
                              const WmTheme *theme,
                              WmChartPango  *pango)
{
  WmFunnelChart *self = WM_FUNNEL_CHART (widget);
  WmFunnelHit hit = current_highlight (self);
  int focus = shown_focus (self);
  WmRect r;

  wm_funnel_renderer_draw_highlight (cr, self->result, self->layout, theme, pango, &hit);
  if (focus >= 0 && step_bounds (self->layout, focus, &r))
    wm_chart_widget_draw_focus_ring (cr, theme, &r);
}

static WmFunnelHit
hit_at (WmFunnelChart *self,
        double         x,
        double         y)
{
  ensure_layout (self);
  if (self->layout == NULL)
    return no_hit;

  return wm_funnel_layout_hit (self->layout, x, y);
}

void
wm_funnel_chart_motion_at (WmFunnelChart *self,
                           double         x,
                           double         y)
{
  WmFunnelHit hit;

  g_return_if_fail (WM_IS_FUNNEL_CHART (self));

  hit = hit_at (self, x, y);
  if (same_hit (&hit, &self->pointer_hit))
    return;

  self->pointer_hit = hit;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
wm_funnel_chart_pointer_left (WmFunnelChart *self)
{
  g_return_if_fail (WM_IS_FUNNEL_CHART (self));

  if (!self->pointer_hit.hit)
    return;

  self->pointer_hit = no_hit;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (WmFunnelChart            *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  wm_funnel_chart_motion_at (self, x, y);
}

static void
leave_cb (WmFunnelChart            *self,
          GtkEventControllerMotion *motion)
{
  wm_funnel_chart_pointer_left (self);
}

static void
focus_changed_cb (WmFunnelChart           *self,
                  GtkEventControllerFocus *focus)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
move_focus_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  WmFunnelChart *self = WM_FUNNEL_CHART (widget);
  int step;

  if (self->result == NULL || self->result->n_steps == 0)
    return;

  step = effective_focus (self) + g_variant_get_int32 (param);
  self->focus_step = CLAMP (step, 0, (int) self->result->n_steps - 1);
  gtk_widget_queue_draw (widget);
}

static gboolean
wm_funnel_chart_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip)
{
  WmFunnelChart *self = WM_FUNNEL_CHART (widget);
  g_autofree char *text = NULL;
  WmFunnelHit hit;

  if (self->result == NULL)
    return FALSE;

  if (keyboard_mode)
    hit = effective_focus (self) >= 0
          ? (WmFunnelHit) { TRUE, WM_FUNNEL_PART_BAR, effective_focus (self), -1 }
          : no_hit;
  else
    hit = hit_at (self, x, y);

  text = wm_funnel_describe_part (self->result, &hit);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
wm_funnel_chart_dispose (GObject *object)
{
  WmFunnelChart *self = WM_FUNNEL_CHART (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_FUNNEL_CHART);
  g_clear_pointer (&self->layout, wm_funnel_layout_free);

  G_OBJECT_CLASS (wm_funnel_chart_parent_class)->dispose (object);
}

static void
wm_funnel_chart_finalize (GObject *object)
{
  WmFunnelChart *self = WM_FUNNEL_CHART (object);

  g_clear_pointer (&self->result, wm_funnel_result_free);

  G_OBJECT_CLASS (wm_funnel_chart_parent_class)->finalize (object);
}

static void
wm_funnel_chart_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WmFunnelChart *self = WM_FUNNEL_CHART (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      g_value_set_boxed (value, self->result);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_funnel_chart_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WmFunnelChart *self = WM_FUNNEL_CHART (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      wm_funnel_chart_set_result (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_funnel_chart_class_init (WmFunnelChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WmChartWidgetClass *chart_class = WM_CHART_WIDGET_CLASS (klass);

  object_class->dispose = wm_funnel_chart_dispose;
  object_class->finalize = wm_funnel_chart_finalize;
  object_class->get_property = wm_funnel_chart_get_property;
  object_class->set_property = wm_funnel_chart_set_property;

  widget_class->query_tooltip = wm_funnel_chart_query_tooltip;

  chart_class->clear_layout = wm_funnel_chart_clear_layout;
  chart_class->layout = wm_funnel_chart_layout;
  chart_class->draw_chart = wm_funnel_chart_draw_chart;
  chart_class->overlay_key = wm_funnel_chart_overlay_key;
  chart_class->draw_overlay = wm_funnel_chart_draw_overlay;

  properties[PROP_RESULT] =
    g_param_spec_boxed ("result", NULL, NULL,
                        WM_TYPE_FUNNEL_RESULT,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-funnel-chart.ui");
  gtk_widget_class_bind_template_callback (widget_class, motion_cb);
  gtk_widget_class_bind_template_callback (widget_class, leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_changed_cb);

  gtk_widget_class_install_action (widget_class, "funnel.move-focus", "i", move_focus_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "funnel.move-focus", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "funnel.move-focus", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "funnel.move-focus", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "funnel.move-focus", "i", 1);

  gtk_widget_class_set_css_name (widget_class, "funnelchart");
}

static void
wm_funnel_chart_init (WmFunnelChart *self)
{
  g_autofree char *summary = wm_funnel_describe_summary (NULL);

  self->focus_step = -1;
  self->pointer_hit = no_hit;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Funnel chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

GtkWidget *
wm_funnel_chart_new (void)
{
  return g_object_new (WM_TYPE_FUNNEL_CHART, NULL);
}

void
wm_funnel_chart_set_result (WmFunnelChart        *self,
                            const WmFunnelResult *result)
{
  g_autofree char *summary = NULL;

  g_return_if_fail (WM_IS_FUNNEL_CHART (self));

  g_clear_pointer (&self->result, wm_funnel_result_free);
  self->result = result != NULL ? wm_funnel_result_copy (result) : NULL;
  self->pointer_hit = no_hit;
  self->focus_step = -1;
  wm_chart_widget_invalidate (WM_CHART_WIDGET (self));

  summary = wm_funnel_describe_summary (self->result);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}

const WmFunnelResult *
wm_funnel_chart_get_result (WmFunnelChart *self)
{
  g_return_val_if_fail (WM_IS_FUNNEL_CHART (self), NULL);

  return self->result;
}

WmFunnelHit
wm_funnel_chart_get_hover (WmFunnelChart *self)
{
  g_return_val_if_fail (WM_IS_FUNNEL_CHART (self), no_hit);

  return current_highlight (self);
}

const WmFunnelLayout *
wm_funnel_chart_get_layout (WmFunnelChart *self)
{
  g_return_val_if_fail (WM_IS_FUNNEL_CHART (self), NULL);

  ensure_layout (self);
  return self->layout;
}
