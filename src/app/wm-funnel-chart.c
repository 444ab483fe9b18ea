/* wm-funnel-chart.c
 *
 * As WmSankeyView: the chart is a cached render node drawn by the core
 * renderer, rebuilt when the result, size or theme change; hover and
 * keyboard focus are a second node over it. Layout happens at allocation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "wm-chart-describe.h"
#include "wm-chart-cache.h"
#include "wm-chart-pango.h"
#include "wm-funnel-chart-private.h"
#include "wm-funnel-chart.h"
#include "wm-funnel-renderer.h"

struct _WmFunnelChart
{
  GtkWidget        parent_instance;

  WmFunnelResult  *result;

  WmChartCache     cache;
  WmFunnelLayout  *layout;
  int              layout_width;
  int              layout_height;

  WmFunnelHit      pointer_hit;
  int              focus_step;
};

enum {
  PROP_0,
  PROP_RESULT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (WmFunnelChart, wm_funnel_chart, GTK_TYPE_WIDGET)

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

static const WmTheme *
current_theme (WmFunnelChart *self)
{
  return wm_chart_cache_get_theme (&self->cache);
}

static void
ensure_layout (WmFunnelChart *self)
{
  const WmTheme *theme = current_theme (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  WmChartPango *pango;
  WmFunnelOptions options;
  WmRect area;

  if (self->layout != NULL && width == self->layout_width && height == self->layout_height)
    return;

  g_clear_pointer (&self->layout, wm_funnel_layout_free);
  wm_chart_cache_invalidate (&self->cache);
  if (self->result == NULL || width <= 0 || height <= 0)
    return;

  pango = wm_chart_cache_get_pango (&self->cache);
  wm_chart_frame_area (pango, theme, NULL, width, height,
                       &area.x, &area.y, &area.width, &area.height);
  wm_funnel_renderer_options (&options, theme, pango);
  self->layout = wm_funnel_layout_new (self->result, &area, &options);
  self->layout_width = width;
  self->layout_height = height;
}

/* Lays out again now (the size is unchanged): snapshot() never does. */
static void
invalidate_layout (WmFunnelChart *self)
{
  g_clear_pointer (&self->layout, wm_funnel_layout_free);
  wm_chart_cache_invalidate (&self->cache);
  ensure_layout (self);
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
  if (effective_focus (self) >= 0 && wm_chart_focus_visible (GTK_WIDGET (self)))
    return (WmFunnelHit) { TRUE, WM_FUNNEL_PART_BAR, effective_focus (self), -1 };

  return no_hit;
}

static int
shown_focus (WmFunnelChart *self)
{
  return wm_chart_focus_visible (GTK_WIDGET (self)) ? effective_focus (self) : -1;
}

static void
draw_chart (cairo_t  *cr,
            gpointer  user_data)
{
  WmFunnelChart *self = user_data;
  const WmTheme *theme = current_theme (self);

  wm_chart_set_source (cr, &theme->background, 1.0);
  cairo_paint (cr);
  wm_funnel_renderer_draw (cr, self->result, self->layout, theme,
                           wm_chart_cache_get_pango (&self->cache), NULL);
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

static void
draw_overlay (cairo_t  *cr,
              gpointer  user_data)
{
  WmFunnelChart *self = user_data;
  const WmTheme *theme = current_theme (self);
  WmFunnelHit hit = current_highlight (self);
  int focus = shown_focus (self);
  WmRect r;

  wm_funnel_renderer_draw_highlight (cr, self->result, self->layout, theme,
                                     wm_chart_cache_get_pango (&self->cache), &hit);
  if (focus >= 0 && step_bounds (self->layout, focus, &r))
    {
      wm_chart_set_source (cr, &theme->foreground, 1.0);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, r.x - 3, r.y - 3, r.width + 6, r.height + 6);
      cairo_stroke (cr);
    }
}

static void
wm_funnel_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  WmFunnelChart *self = WM_FUNNEL_CHART (widget);
  OverlayKey key = { current_highlight (self), shown_focus (self) };
  gboolean overlay = key.hit.hit || key.focus >= 0;

  if (self->layout == NULL)
    return;

  if (!key.hit.hit)
    key.hit = no_hit;
  wm_chart_cache_snapshot (&self->cache, snapshot, self->layout_width, self->layout_height,
                           draw_chart, draw_overlay, overlay ? &key : NULL, sizeof key, self);
}

static void
wm_funnel_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 960 : 540;
}

static void
wm_funnel_chart_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  ensure_layout (WM_FUNNEL_CHART (widget));
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
theme_changed (GtkWidget *widget)
{
  invalidate_layout (WM_FUNNEL_CHART (widget));
}

static void
wm_funnel_chart_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (wm_funnel_chart_parent_class)->root (widget);
  wm_chart_cache_root (&WM_FUNNEL_CHART (widget)->cache);
}

static void
wm_funnel_chart_unroot (GtkWidget *widget)
{
  wm_chart_cache_unroot (&WM_FUNNEL_CHART (widget)->cache);
  GTK_WIDGET_CLASS (wm_funnel_chart_parent_class)->unroot (widget);
}

static void
wm_funnel_chart_dispose (GObject *object)
{
  WmFunnelChart *self = WM_FUNNEL_CHART (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_FUNNEL_CHART);
  wm_chart_cache_clear (&self->cache);
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

  object_class->dispose = wm_funnel_chart_dispose;
  object_class->finalize = wm_funnel_chart_finalize;
  object_class->get_property = wm_funnel_chart_get_property;
  object_class->set_property = wm_funnel_chart_set_property;

  widget_class->snapshot = wm_funnel_chart_snapshot;
  widget_class->measure = wm_funnel_chart_measure;
  widget_class->size_allocate = wm_funnel_chart_size_allocate;
  widget_class->query_tooltip = wm_funnel_chart_query_tooltip;
  widget_class->root = wm_funnel_chart_root;
  widget_class->unroot = wm_funnel_chart_unroot;

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
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
wm_funnel_chart_init (WmFunnelChart *self)
{
  g_autofree char *summary = wm_funnel_describe_summary (NULL);

  self->focus_step = -1;
  self->pointer_hit = no_hit;
  wm_chart_cache_init (&self->cache, GTK_WIDGET (self), theme_changed);

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
  invalidate_layout (self);

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
