/* wm-sankey-view.c
 *
 * Drawn by the same core renderer export uses; WmChartWidget caches the
 * chart and redraws the overlay (hover, focus) only when what it lights
 * changes. Pins re-flow the layout at once, as a drag moves.
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
#include "wm-sankey-renderer.h"
#include "wm-sankey-view-private.h"
#include "wm-sankey-view.h"

/* Pointer travel before a press on a node becomes a drag. */
#define DRAG_THRESHOLD 4

typedef struct
{
  WmFlowGraph *graph;
  double      *pins;
} BackEntry;

struct _WmSankeyView
{
  WmChartWidget    parent_instance;

  WmFlowGraph     *graph;
  /* Per node: pinned top as a share of the area's height, or NAN. */
  double          *pins;
  GPtrArray       *back_stack;

  WmSankeyLayout  *layout;

  WmSankeyHit      pointer_hit;
  int              focus_node;

  int              drag_node;
  double           drag_start_top;
  gboolean         dragging;

  GtkPopover      *context_popover;
};

enum {
  PROP_0,
  PROP_GRAPH,
  PROP_CAN_GO_BACK,
  N_PROPS
};

enum {
  NODE_ACTIVATED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (WmSankeyView, wm_sankey_view, WM_TYPE_CHART_WIDGET)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const WmSankeyHit no_hit = { WM_SANKEY_HIT_NONE, 0 };

static void
back_entry_free (gpointer data)
{
  BackEntry *entry = data;

  wm_flow_graph_free (entry->graph);
  g_free (entry->pins);
  g_free (entry);
}

static gboolean
same_hit (const WmSankeyHit *a,
          const WmSankeyHit *b)
{
  return a->kind == b->kind && (a->kind == WM_SANKEY_HIT_NONE || a->index == b->index);
}

/* What the overlay shows; compared byte by byte, so no padding. */
typedef struct
{
  WmSankeyHit hit;
  int         focus;
} OverlayKey;

/* Lays out again now (the size is unchanged), so that neither snapshot()
 * nor the next hit test waits for it. */
static void
invalidate_layout (WmSankeyView *self)
{
  wm_chart_widget_invalidate (WM_CHART_WIDGET (self));
}

static void
ensure_layout (WmSankeyView *self)
{
  wm_chart_widget_ensure_layout (WM_CHART_WIDGET (self));
}

static gboolean
node_can_drill (WmSankeyView *self,
                int           node)
{
  return self->graph != NULL && node >= 0 && (guint) node < self->graph->n_nodes &&
         self->graph->nodes[node].kind == WM_FLOW_NODE_TOUCHPOINT;
}

static gboolean
any_pin (WmSankeyView *self)
{
  for (guint i = 0; self->graph != NULL && i < self->graph->n_nodes; i++)
    if (!isnan (self->pins[i]))
      return TRUE;

  return FALSE;
}

/* The node keys act on: the one moved to last, else the first node of the
 * first column. */
static int
effective_focus (WmSankeyView *self)
{
  if (self->focus_node >= 0)
    return self->focus_node;

  for (guint i = 0; self->layout != NULL && i < self->layout->n_nodes; i++)
    if (self->layout->nodes[i].column == 0 && self->layout->nodes[i].order == 0)
      return i;

  return -1;
}

static void
update_actions (WmSankeyView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int f = effective_focus (self);

  gtk_widget_action_set_enabled (widget, "sankey.drill-in", node_can_drill (self, f));
  gtk_widget_action_set_enabled (widget, "sankey.unpin", f >= 0 && self->graph != NULL &&
                                                         !isnan (self->pins[f]));
  gtk_widget_action_set_enabled (widget, "sankey.unpin-all", any_pin (self));
  gtk_widget_action_set_enabled (widget, "sankey.go-back", self->back_stack->len > 0);
}

static void
update_accessible (WmSankeyView *self)
{
  g_autofree char *summary = wm_flow_describe_summary (self->graph, 3);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Customer flow chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

static void
wm_sankey_view_clear_layout (WmChartWidget *widget)
{
  g_clear_pointer (&WM_SANKEY_VIEW (widget)->layout, wm_sankey_layout_free);
}

static gboolean
wm_sankey_view_layout (WmChartWidget *widget,
                       const WmRect  *area,
                       const WmTheme *theme,
                       WmChartPango  *pango)
{
  WmSankeyView *self = WM_SANKEY_VIEW (widget);
  g_autofree guint *pin_nodes = NULL;
  g_autofree double *pin_positions = NULL;
  WmSankeyOptions options;
  guint n_pins = 0;

  if (self->graph == NULL)
    return FALSE;

  wm_sankey_renderer_options (&options, theme, pango, area->height);
  pin_nodes = g_new (guint, MAX (1, self->graph->n_nodes));
  pin_positions = g_new (double, MAX (1, self->graph->n_nodes));
  for (guint i = 0; i < self->graph->n_nodes; i++)
    if (!isnan (self->pins[i]))
      {
        pin_nodes[n_pins] = i;
        pin_positions[n_pins] = area->y + self->pins[i] * area->height;
        n_pins++;
      }
  options.pin_nodes = pin_nodes;
  options.pin_positions = pin_positions;
  options.n_pins = n_pins;

  self->layout = wm_sankey_layout_new (self->graph, area, &options);
  /* The focus defaults to a node of the layout: actions may change. */
  update_actions (self);
  return TRUE;
}

static WmSankeyHit
current_highlight (WmSankeyView *self)
{
  if (self->pointer_hit.kind != WM_SANKEY_HIT_NONE)
    return self->pointer_hit;
  if (effective_focus (self) >= 0 && wm_chart_widget_focus_visible (WM_CHART_WIDGET (self)))
    return (WmSankeyHit) { WM_SANKEY_HIT_NODE, effective_focus (self) };

  return no_hit;
}

static int
shown_focus (WmSankeyView *self)
{
  return wm_chart_widget_focus_visible (WM_CHART_WIDGET (self)) ? effective_focus (self) : -1;
}

static void
wm_sankey_view_draw_chart (WmChartWidget *widget,
                           cairo_t       *cr,
                           const WmTheme *theme,
                           WmChartPango  *pango)
{
  WmSankeyView *self = WM_SANKEY_VIEW (widget);

  wm_sankey_renderer_draw (cr, self->graph, self->layout, theme, pango, NULL);
}

static gsize
wm_sankey_view_overlay_key (WmChartWidget *widget,
                            guint8         key[WM_CHART_WIDGET_KEY_SIZE])
{
  WmSankeyView *self = WM_SANKEY_VIEW (widget);
  OverlayKey k = { current_highlight (self), shown_focus (self) };

  if (k.hit.kind == WM_SANKEY_HIT_NONE && k.focus < 0)
    return 0;
  if (k.hit.kind == WM_SANKEY_HIT_NONE)
    k.hit = no_hit;

  memcpy (key, &k, sizeof k);
  return sizeof k;
}

static void
wm_sankey_view_draw_overlay (WmChartWidget *widget,
                             cairo_t       *cr,
                             const WmTheme *theme,
                             WmChartPango  *pango)
{
  WmSankeyView *self = WM_SANKEY_VIEW (widget);
  WmSankeyHit hit = current_highlight (self);
  int focus = shown_focus (self);

  wm_sankey_renderer_draw_highlight (cr, self->graph, self->layout, theme, pango, &hit);
  if (focus >= 0)
    wm_chart_widget_draw_focus_ring (cr, theme, &self->layout->nodes[focus].rect);
}

static void
wm_sankey_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  GTK_WIDGET_CLASS (wm_sankey_view_parent_class)->size_allocate (widget, width, height, baseline);
  gtk_popover_present (WM_SANKEY_VIEW (widget)->context_popover);
}

static void
set_pointer_hit (WmSankeyView      *self,
                 const WmSankeyHit *hit)
{
  const char *cursor = NULL;

  if (same_hit (hit, &self->pointer_hit))
    return;

  self->pointer_hit = *hit;
  if (hit->kind == WM_SANKEY_HIT_NODE || hit->kind == WM_SANKEY_HIT_LABEL)
    cursor = "pointer";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->dragging ? "grabbing" : cursor);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static WmSankeyHit
hit_at (WmSankeyView *self,
        double        x,
        double        y)
{
  ensure_layout (self);
  if (self->layout == NULL)
    return no_hit;

  return wm_sankey_layout_hit (self->layout, x, y);
}

/* The node a hit on a node or its label stands for, or -1. */
static int
hit_node (const WmSankeyHit *hit)
{
  if (hit->kind == WM_SANKEY_HIT_NODE || hit->kind == WM_SANKEY_HIT_LABEL)
    return (int) hit->index;

  return -1;
}

void
wm_sankey_view_motion_at (WmSankeyView *self,
                          double        x,
                          double        y)
{
  WmSankeyHit hit;

  g_return_if_fail (WM_IS_SANKEY_VIEW (self));

  /* While dragging, the dragged node stays lit whatever passes under. */
  if (self->dragging)
    return;
  hit = hit_at (self, x, y);
  set_pointer_hit (self, &hit);
}

void
wm_sankey_view_pointer_left (WmSankeyView *self)
{
  g_return_if_fail (WM_IS_SANKEY_VIEW (self));

  if (!self->dragging)
    set_pointer_hit (self, &no_hit);
}

static void
motion_cb (WmSankeyView             *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  wm_sankey_view_motion_at (self, x, y);
}

static void
leave_cb (WmSankeyView             *self,
          GtkEventControllerMotion *motion)
{
  wm_sankey_view_pointer_left (self);
}

static void
set_focus_node (WmSankeyView *self,
                int           node)
{
  if (node == self->focus_node)
    return;

  self->focus_node = node;
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
activate_node (WmSankeyView *self,
               int           node)
{
  if (node_can_drill (self, node))
    g_signal_emit (self, signals[NODE_ACTIVATED], 0, self->graph->nodes[node].id);
}

void
wm_sankey_view_click_at (WmSankeyView *self,
                         double        x,
                         double        y)
{
  WmSankeyHit hit;
  int node;

  g_return_if_fail (WM_IS_SANKEY_VIEW (self));

  if (self->dragging)
    return;
  hit = hit_at (self, x, y);
  node = hit_node (&hit);
  if (node < 0)
    return;

  set_focus_node (self, node);
  activate_node (self, node);
}

static void
click_released_cb (WmSankeyView    *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *click)
{
  if (n_press == 1)
    wm_sankey_view_click_at (self, x, y);
}

static void
popup_at_node (WmSankeyView *self,
               int           node)
{
  const WmRect *r;

  if (node < 0 || self->layout == NULL)
    return;

  r = &self->layout->nodes[node].rect;
  set_focus_node (self, node);
  gtk_popover_set_pointing_to (self->context_popover,
                               &(GdkRectangle) { r->x, r->y, ceil (r->width), ceil (r->height) });
  gtk_popover_popup (self->context_popover);
}

static void
context_pressed_cb (WmSankeyView    *self,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkGestureClick *click)
{
  WmSankeyHit hit = hit_at (self, x, y);
  int node = hit_node (&hit);

  if (node < 0)
    return;

  gtk_gesture_set_state (GTK_GESTURE (click), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_at_node (self, node);
  /* Pointing at the press, not the whole node: it may be tall. */
  gtk_popover_set_pointing_to (self->context_popover, &(GdkRectangle) { x, y, 1, 1 });
}

void
wm_sankey_view_drag_begin_at (WmSankeyView *self,
                              double        x,
                              double        y)
{
  WmSankeyHit hit;

  g_return_if_fail (WM_IS_SANKEY_VIEW (self));

  hit = hit_at (self, x, y);
  self->dragging = FALSE;
  self->drag_node = hit.kind == WM_SANKEY_HIT_NODE ? (int) hit.index : -1;
  if (self->drag_node >= 0)
    self->drag_start_top = self->layout->nodes[self->drag_node].rect.y;
}

void
wm_sankey_view_drag_update_by (WmSankeyView *self,
                               double        offset_x,
                               double        offset_y)
{
  g_return_if_fail (WM_IS_SANKEY_VIEW (self));

  if (self->drag_node < 0 || self->layout == NULL ||
      self->layout->orientation != WM_SANKEY_HORIZONTAL)
    return;
  if (!self->dragging && fabs (offset_y) < DRAG_THRESHOLD)
    return;

  if (!self->dragging)
    {
      WmSankeyHit hit = { WM_SANKEY_HIT_NODE, self->drag_node };

      self->dragging = TRUE;
      set_pointer_hit (self, &hit);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }
  wm_sankey_view_pin_node (self, self->drag_node, self->drag_start_top + offset_y);
}

static void
drag_begin_cb (WmSankeyView   *self,
               double          x,
               double          y,
               GtkGestureDrag *drag)
{
  wm_sankey_view_drag_begin_at (self, x, y);
}

static void
drag_update_cb (WmSankeyView   *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *drag)
{
  wm_sankey_view_drag_update_by (self, offset_x, offset_y);
  if (self->dragging)
    gtk_gesture_set_state (GTK_GESTURE (drag), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
drag_end_cb (WmSankeyView   *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *drag)
{
  double x, y;

  self->drag_node = -1;
  if (!self->dragging)
    return;

  self->dragging = FALSE;
  gtk_gesture_drag_get_start_point (drag, &x, &y);
  wm_sankey_view_motion_at (self, x + offset_x, y + offset_y);
}

static void
focus_changed_cb (WmSankeyView            *self,
                  GtkEventControllerFocus *focus)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The node next to the focused one: @dy moves within its column,
 * @dx to the nearest node of the neighbouring column. */
static int
neighbour (WmSankeyView *self,
           int           dx,
           int           dy)
{
  const WmSankeyNode *from;
  double centre;
  double best = G_MAXDOUBLE;
  int found = -1;

  if (self->layout == NULL || effective_focus (self) < 0)
    return -1;

  from = &self->layout->nodes[effective_focus (self)];
  centre = from->rect.y + from->rect.height / 2;
  for (guint i = 0; i < self->layout->n_nodes; i++)
    {
      const WmSankeyNode *n = &self->layout->nodes[i];

      if (dy != 0)
        {
          if (n->column == from->column && (int) n->order == (int) from->order + dy)
            return i;
        }
      else if ((int) n->column == (int) from->column + dx)
        {
          double d = fabs (n->rect.y + n->rect.height / 2 - centre);

          if (d < best)
            {
              best = d;
              found = i;
            }
        }
    }

  return found;
}

static void
move_focus_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  WmSankeyView *self = WM_SANKEY_VIEW (widget);
  int dx, dy, next;

  g_variant_get (param, "(ii)", &dx, &dy);
  ensure_layout (self);
  next = neighbour (self, dx, dy);
  if (next >= 0)
    set_focus_node (self, next);
}

static gboolean
context_menu_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  WmSankeyView *self = WM_SANKEY_VIEW (widget);

  if (effective_focus (self) < 0)
    return FALSE;

  popup_at_node (self, effective_focus (self));
  return TRUE;
}

static void
drill_in_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  WmSankeyView *self = WM_SANKEY_VIEW (widget);

  activate_node (self, effective_focus (self));
}

static void
unpin_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  WmSankeyView *self = WM_SANKEY_VIEW (widget);

  if (effective_focus (self) >= 0)
    wm_sankey_view_unpin_node (self, effective_focus (self));
}

static void
unpin_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  wm_sankey_view_unpin_all (WM_SANKEY_VIEW (widget));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  wm_sankey_view_go_back (WM_SANKEY_VIEW (widget));
}

static gboolean
wm_sankey_view_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip)
{
  WmSankeyView *self = WM_SANKEY_VIEW (widget);
  g_autofree char *text = NULL;
  WmSankeyHit hit;
  int node;

  if (keyboard_mode)
    hit = effective_focus (self) >= 0 ? (WmSankeyHit) { WM_SANKEY_HIT_NODE, effective_focus (self) }
                                      : no_hit;
  else
    hit = hit_at (self, x, y);

  node = hit_node (&hit);
  if (node >= 0 && self->layout != NULL)
    {
      const WmRect *r = &self->layout->nodes[node].rect;

      text = wm_flow_describe_node (self->graph, node);
      if (hit.kind == WM_SANKEY_HIT_NODE)
        gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { floor (r->x), floor (r->y),
                                                             ceil (r->width), ceil (r->height) });
    }
  else if (hit.kind == WM_SANKEY_HIT_LINK)
    text = wm_flow_describe_link (self->graph, hit.index);

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
wm_sankey_view_dispose (GObject *object)
{
  WmSankeyView *self = WM_SANKEY_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_SANKEY_VIEW);
  g_clear_pointer (&self->layout, wm_sankey_layout_free);

  G_OBJECT_CLASS (wm_sankey_view_parent_class)->dispose (object);
}

static void
wm_sankey_view_finalize (GObject *object)
{
  WmSankeyView *self = WM_SANKEY_VIEW (object);

  g_clear_pointer (&self->graph, wm_flow_graph_free);
  g_clear_pointer (&self->pins, g_free);
  g_clear_pointer (&self->back_stack, g_ptr_array_unref);

  G_OBJECT_CLASS (wm_sankey_view_parent_class)->finalize (object);
}

static void
wm_sankey_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WmSankeyView *self = WM_SANKEY_VIEW (object);

  switch (prop_id)
    {
    case PROP_GRAPH:
      g_value_set_boxed (value, self->graph);
      break;

    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, wm_sankey_view_can_go_back (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_sankey_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WmSankeyView *self = WM_SANKEY_VIEW (object);

  switch (prop_id)
    {
    case PROP_GRAPH:
      wm_sankey_view_set_graph (self, g_value_get_boxed (value));
      break;

    case PROP_CAN_GO_BACK:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_sankey_view_class_init (WmSankeyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WmChartWidgetClass *chart_class = WM_CHART_WIDGET_CLASS (klass);

  object_class->dispose = wm_sankey_view_dispose;
  object_class->finalize = wm_sankey_view_finalize;
  object_class->get_property = wm_sankey_view_get_property;
  object_class->set_property = wm_sankey_view_set_property;

  widget_class->size_allocate = wm_sankey_view_size_allocate;
  widget_class->query_tooltip = wm_sankey_view_query_tooltip;

  chart_class->clear_layout = wm_sankey_view_clear_layout;
  chart_class->layout = wm_sankey_view_layout;
  chart_class->draw_chart = wm_sankey_view_draw_chart;
  chart_class->overlay_key = wm_sankey_view_overlay_key;
  chart_class->draw_overlay = wm_sankey_view_draw_overlay;

  properties[PROP_GRAPH] =
    g_param_spec_boxed ("graph", NULL, NULL,
                        WM_TYPE_FLOW_GRAPH,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WmSankeyView::node-activated:
   * @node_id: the id of the touchpoint node clicked (or Enter pressed on)
   *
   * Asks to show the flow from that node; the page runs the query and
   * hands the result to wm_sankey_view_push_graph().
   */
  signals[NODE_ACTIVATED] =
    g_signal_new ("node-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-sankey-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WmSankeyView, context_popover);
  gtk_widget_class_bind_template_callback (widget_class, motion_cb);
  gtk_widget_class_bind_template_callback (widget_class, leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, click_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, context_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_begin_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_update_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_end_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_changed_cb);

  gtk_widget_class_install_action (widget_class, "sankey.drill-in", NULL, drill_in_action);
  gtk_widget_class_install_action (widget_class, "sankey.unpin", NULL, unpin_action);
  gtk_widget_class_install_action (widget_class, "sankey.unpin-all", NULL, unpin_all_action);
  gtk_widget_class_install_action (widget_class, "sankey.go-back", NULL, go_back_action);

  gtk_widget_class_install_action (widget_class, "sankey.move-focus", "(ii)", move_focus_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "sankey.move-focus", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "sankey.move-focus", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "sankey.move-focus", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "sankey.move-focus", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "sankey.drill-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "sankey.drill-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "sankey.drill-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "sankey.go-back", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, context_menu_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, context_menu_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "sankeyview");
}

static void
wm_sankey_view_init (WmSankeyView *self)
{
  self->back_stack = g_ptr_array_new_with_free_func (back_entry_free);
  self->focus_node = -1;
  self->drag_node = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
  update_accessible (self);
}

GtkWidget *
wm_sankey_view_new (void)
{
  return g_object_new (WM_TYPE_SANKEY_VIEW, NULL);
}

/* Takes @graph and @pins (NULL: none pinned). */
static void
show_graph (WmSankeyView *self,
            WmFlowGraph  *graph,
            double       *pins)
{
  g_clear_pointer (&self->graph, wm_flow_graph_free);
  g_clear_pointer (&self->pins, g_free);
  self->graph = graph;
  if (graph != NULL && pins == NULL)
    {
      pins = g_new (double, MAX (1, graph->n_nodes));
      for (guint i = 0; i < graph->n_nodes; i++)
        pins[i] = NAN;
    }
  self->pins = pins;
  self->pointer_hit = no_hit;
  self->focus_node = -1;
  self->drag_node = -1;
  self->dragging = FALSE;

  invalidate_layout (self);
  update_actions (self);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRAPH]);
}

void
wm_sankey_view_set_graph (WmSankeyView      *self,
                          const WmFlowGraph *graph)
{
  gboolean could_go_back;

  g_return_if_fail (WM_IS_SANKEY_VIEW (self));

  could_go_back = wm_sankey_view_can_go_back (self);
  g_ptr_array_set_size (self->back_stack, 0);
  show_graph (self, graph != NULL ? wm_flow_graph_copy (graph) : NULL, NULL);
  if (could_go_back)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

const WmFlowGraph *
wm_sankey_view_get_graph (WmSankeyView *self)
{
  g_return_val_if_fail (WM_IS_SANKEY_VIEW (self), NULL);

  return self->graph;
}

void
wm_sankey_view_push_graph (WmSankeyView      *self,
                           const WmFlowGraph *graph)
{
  gboolean could_go_back;

  g_return_if_fail (WM_IS_SANKEY_VIEW (self));
  g_return_if_fail (graph != NULL);

  could_go_back = wm_sankey_view_can_go_back (self);
  if (self->graph != NULL)
    {
      BackEntry *entry = g_new0 (BackEntry, 1);

      entry->graph = g_steal_pointer (&self->graph);
      entry->pins = g_steal_pointer (&self->pins);
      g_ptr_array_add (self->back_stack, entry);
    }
  show_graph (self, wm_flow_graph_copy (graph), NULL);
  update_actions (self);
  if (could_go_back != wm_sankey_view_can_go_back (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

gboolean
wm_sankey_view_can_go_back (WmSankeyView *self)
{
  g_return_val_if_fail (WM_IS_SANKEY_VIEW (self), FALSE);

  return self->back_stack->len > 0;
}

void
wm_sankey_view_go_back (WmSankeyView *self)
{
  BackEntry *entry;

  g_return_if_fail (WM_IS_SANKEY_VIEW (self));

  if (self->back_stack->len == 0)
    return;

  entry = g_ptr_array_steal_index (self->back_stack, self->back_stack->len - 1);
  show_graph (self, g_steal_pointer (&entry->graph), g_steal_pointer (&entry->pins));
  back_entry_free (entry);
  update_actions (self);
  if (self->back_stack->len == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

static void
pins_changed (WmSankeyView *self)
{
  invalidate_layout (self);
  update_actions (self);
}

void
wm_sankey_view_pin_node (WmSankeyView *self,
                         guint         node,
                         double        y)
{
  const WmRect *area;

  g_return_if_fail (WM_IS_SANKEY_VIEW (self));
  g_return_if_fail (self->graph != NULL && node < self->graph->n_nodes);

  ensure_layout (self);
  if (self->layout == NULL)
    return;

  area = &self->layout->area;
  self->pins[node] = (y - area->y) / area->height;
  pins_changed (self);
}

void
wm_sankey_view_unpin_node (WmSankeyView *self,
                           guint         node)
{
  g_return_if_fail (WM_IS_SANKEY_VIEW (self));
  g_return_if_fail (self->graph != NULL && node < self->graph->n_nodes);

  if (isnan (self->pins[node]))
    return;

  self->pins[node] = NAN;
  pins_changed (self);
}

void
wm_sankey_view_unpin_all (WmSankeyView *self)
{
  g_return_if_fail (WM_IS_SANKEY_VIEW (self));

  if (!any_pin (self))
    return;

  for (guint i = 0; i < self->graph->n_nodes; i++)
    self->pins[i] = NAN;
  pins_changed (self);
}

gboolean
wm_sankey_view_is_pinned (WmSankeyView *self,
                          guint         node)
{
  g_return_val_if_fail (WM_IS_SANKEY_VIEW (self), FALSE);
  g_return_val_if_fail (self->graph != NULL && node < self->graph->n_nodes, FALSE);

  return !isnan (self->pins[node]);
}

WmSankeyHit
wm_sankey_view_get_hover (WmSankeyView *self)
{
  g_return_val_if_fail (WM_IS_SANKEY_VIEW (self), no_hit);

  return current_highlight (self);
}

int
wm_sankey_view_get_focus_node (WmSankeyView *self)
{
  g_return_val_if_fail (WM_IS_SANKEY_VIEW (self), -1);

  ensure_layout (self);
  return effective_focus (self);
}

const WmSankeyLayout *
wm_sankey_view_get_layout (WmSankeyView *self)
{
  g_return_val_if_fail (WM_IS_SANKEY_VIEW (self), NULL);

  ensure_layout (self);
  return self->layout;
}
