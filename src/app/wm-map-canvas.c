/* wm-map-canvas.c: the model, the view, the selection, and the frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "wm-map-canvas-private.h"
#include "wm-map-renderer.h"

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_ZOOM,
  N_PROPS
};

enum {
  SELECTION_CHANGED,
  ACTIONS_CHANGED,
  CONNECTOR_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WmMapCanvas, wm_map_canvas, GTK_TYPE_WIDGET)

GtkWidget *
wm_map_canvas_new (void)
{
  return g_object_new (WM_TYPE_MAP_CANVAS, NULL);
}

/* Another map, theme or size: lay it out again and render the static
 * layer anew. */
void
wm_map_canvas_invalidate (WmMapCanvas *self)
{
  wm_map_canvas_relayout (self, WM_MAP_CHANGE_ALL, NULL);
}

static void
forget_missing_ids (WmMapCanvas *self)
{
  GHashTableIter iter;
  gpointer id;
  gboolean changed = FALSE;

  g_hash_table_iter_init (&iter, self->selection);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (self->map == NULL || !wm_journey_map_has_id (self->map, id))
      {
        g_hash_table_iter_remove (&iter);
        changed = TRUE;
      }
  if (self->hover_id != NULL && (self->map == NULL || !wm_journey_map_has_id (self->map, self->hover_id)))
    g_clear_pointer (&self->hover_id, g_free);
  if (changed)
    wm_map_canvas_selection_changed (self);
}

static void
actions_idle_cb (gpointer data)
{
  WmMapCanvas *self = data;

  self->actions_idle = 0;
  wm_map_canvas_update_actions (self);
}

static void
map_changed_cb (WmMapCanvas  *self,
                WmMapChange   change,
                const char   *id,
                WmJourneyMap *map)
{
  wm_map_canvas_relayout (self, change, id);
  forget_missing_ids (self);

  switch (change)
    {
    case WM_MAP_CHANGE_CARD_CONTENT:
    case WM_MAP_CHANGE_CARD_MOVED:
      wm_map_canvas_update_proxy (self, id);
      break;
    case WM_MAP_CHANGE_ALL:
    case WM_MAP_CHANGE_STRUCTURE:
    case WM_MAP_CHANGE_CARD_ADDED:
    case WM_MAP_CHANGE_CARD_REMOVED:
      wm_map_canvas_sync_proxies (self);
      break;
    case WM_MAP_CHANGE_TITLE:
    case WM_MAP_CHANGE_CONNECTOR_ADDED:
    case WM_MAP_CHANGE_CONNECTOR_REMOVED:
    case WM_MAP_CHANGE_CONNECTOR_CONTENT:
    case WM_MAP_CHANGE_PERSONA:
    default:
      break;
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  /* The history records the step after the map says it changed: the undo
   * label is new only then. */
  if (self->actions_idle == 0)
    self->actions_idle = g_idle_add_once (actions_idle_cb, self);
}

static void
history_notify_cb (WmMapCanvas *self)
{
  wm_map_canvas_update_actions (self);
}

static void
set_theme (WmMapCanvas *self,
           WmThemeKind  kind)
{
  self->theme = wm_theme_get (kind);
  g_clear_pointer (&self->pango, wm_chart_pango_free);
  self->pango = wm_chart_pango_new (self->theme);
  wm_map_canvas_invalidate (self);
}

static void
dark_changed_cb (WmMapCanvas     *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *style_manager)
{
  set_theme (self, adw_style_manager_get_dark (style_manager) ? WM_THEME_DARK : WM_THEME_LIGHT);
}

void
wm_map_canvas_set_history (WmMapCanvas  *self,
                           WmMapHistory *history)
{
  g_return_if_fail (WM_IS_MAP_CANVAS (self));
  g_return_if_fail (history == NULL || WM_IS_MAP_HISTORY (history));

  if (self->history == history)
    return;

  wm_map_canvas_drag_cancel (self);
  if (self->edit_popover != NULL)
    gtk_popover_popdown (self->edit_popover);
  if (self->history != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->map);
      g_clear_signal_handler (&self->can_undo_id, self->history);
      g_clear_signal_handler (&self->can_redo_id, self->history);
    }
  g_set_object (&self->history, history);
  g_clear_object (&self->map);
  if (history != NULL)
    {
      self->map = g_object_ref (wm_map_history_get_map (history));
      self->changed_id = g_signal_connect_swapped (self->map, "changed", G_CALLBACK (map_changed_cb), self);
      self->can_undo_id = g_signal_connect_swapped (history, "notify::can-undo",
                                                    G_CALLBACK (history_notify_cb), self);
      self->can_redo_id = g_signal_connect_swapped (history, "notify::can-redo",
                                                    G_CALLBACK (history_notify_cb), self);
    }

  g_hash_table_remove_all (self->selection);
  g_clear_pointer (&self->hover_id, g_free);
  self->needs_fit = TRUE;
  wm_map_canvas_invalidate (self);
  wm_map_canvas_sync_proxies (self);
  wm_map_canvas_selection_changed (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

WmMapHistory *
wm_map_canvas_get_history (WmMapCanvas *self)
{
  g_return_val_if_fail (WM_IS_MAP_CANVAS (self), NULL);
  return self->history;
}

WmJourneyMap *
wm_map_canvas_get_map (WmMapCanvas *self)
{
  g_return_val_if_fail (WM_IS_MAP_CANVAS (self), NULL);
  return self->map;
}

void
wm_map_canvas_set_metrics (WmMapCanvas        *self,
                           const WmMapMetrics *metrics)
{
  g_return_if_fail (WM_IS_MAP_CANVAS (self));

  g_clear_pointer (&self->metrics, wm_map_metrics_free);
  if (metrics != NULL)
    self->metrics = wm_map_metrics_copy (metrics);
  /* The labels' counts change, and with them where they fit. */
  if (self->map != NULL)
    wm_map_canvas_relayout (self, WM_MAP_CHANGE_ALL, NULL);
  wm_map_canvas_drop_cache (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->map != NULL)
    for (guint i = 0; i < wm_journey_map_get_n_cards (self->map); i++)
      wm_map_canvas_update_proxy (self, wm_journey_map_get_card (self->map, i)->id);
}

const WmMapMetrics *
wm_map_canvas_get_metrics (WmMapCanvas *self)
{
  g_return_val_if_fail (WM_IS_MAP_CANVAS (self), NULL);
  return self->metrics;
}

/* Selection */

void
wm_map_canvas_selection_changed (WmMapCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  wm_map_canvas_update_actions (self);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

void
wm_map_canvas_set_selected (WmMapCanvas *self,
                            const char  *id,
                            gboolean     selected)
{
  if (selected)
    g_hash_table_add (self->selection, g_strdup (id));
  else
    g_hash_table_remove (self->selection, id);
}

GStrv
wm_map_canvas_get_selection (WmMapCanvas *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (WM_IS_MAP_CANVAS (self), NULL);

  if (self->map != NULL)
    {
      for (guint i = 0; i < wm_journey_map_get_n_cards (self->map); i++)
        {
          const char *id = wm_journey_map_get_card (self->map, i)->id;

          if (g_hash_table_contains (self->selection, id))
            g_strv_builder_add (builder, id);
        }
      for (guint i = 0; i < wm_journey_map_get_n_connectors (self->map); i++)
        {
          const char *id = wm_journey_map_get_connector (self->map, i)->id;

          if (g_hash_table_contains (self->selection, id))
            g_strv_builder_add (builder, id);
        }
    }
  return g_strv_builder_end (builder);
}

void
wm_map_canvas_select (WmMapCanvas        *self,
                      const char * const *ids)
{
  g_return_if_fail (WM_IS_MAP_CANVAS (self));

  g_hash_table_remove_all (self->selection);
  for (guint i = 0; ids != NULL && ids[i] != NULL && self->map != NULL; i++)
    if (wm_journey_map_lookup_card (self->map, ids[i]) != NULL ||
        wm_journey_map_lookup_connector (self->map, ids[i]) != NULL)
      wm_map_canvas_set_selected (self, ids[i], TRUE);
  wm_map_canvas_selection_changed (self);
}

void
wm_map_canvas_select_all (WmMapCanvas *self)
{
  g_return_if_fail (WM_IS_MAP_CANVAS (self));

  g_hash_table_remove_all (self->selection);
  for (guint i = 0; self->map != NULL && i < wm_journey_map_get_n_cards (self->map); i++)
    wm_map_canvas_set_selected (self, wm_journey_map_get_card (self->map, i)->id, TRUE);
  wm_map_canvas_selection_changed (self);
}

/* The selection's one id, or NULL when it holds none or several. */
static const char *
only_selected (WmMapCanvas *self)
{
  GHashTableIter iter;
  gpointer id;

  if (self->map == NULL || g_hash_table_size (self->selection) != 1)
    return NULL;
  g_hash_table_iter_init (&iter, self->selection);
  g_hash_table_iter_next (&iter, &id, NULL);
  return id;
}

const char *
wm_map_canvas_get_selected_card (WmMapCanvas *self)
{
  const char *id;

  g_return_val_if_fail (WM_IS_MAP_CANVAS (self), NULL);

  id = only_selected (self);
  return id != NULL && wm_journey_map_lookup_card (self->map, id) != NULL ? id : NULL;
}

const char *
wm_map_canvas_get_selected_connector (WmMapCanvas *self)
{
  const char *id;

  g_return_val_if_fail (WM_IS_MAP_CANVAS (self), NULL);

  id = only_selected (self);
  return id != NULL && wm_journey_map_lookup_connector (self->map, id) != NULL ? id : NULL;
}

/* Viewport */

double
wm_map_canvas_get_zoom (WmMapCanvas *self)
{
  g_return_val_if_fail (WM_IS_MAP_CANVAS (self), 1.0);
  return self->viewport.zoom;
}

void
wm_map_canvas_map_to_widget (WmMapCanvas *self,
                             double       map_x,
                             double       map_y,
                             double      *x,
                             double      *y)
{
  *x = (map_x - self->viewport.x) * self->viewport.zoom;
  *y = (map_y - self->viewport.y) * self->viewport.zoom;
}

void
wm_map_canvas_widget_to_map (WmMapCanvas *self,
                             double       x,
                             double       y,
                             double      *map_x,
                             double      *map_y)
{
  wm_map_viewport_to_map (&self->viewport, x, y, map_x, map_y);
}

void
wm_map_canvas_zoom_at (WmMapCanvas *self,
                       double       zoom,
                       double       x,
                       double       y)
{
  double map_x, map_y;

  g_return_if_fail (WM_IS_MAP_CANVAS (self));

  zoom = CLAMP (zoom, WM_MAP_CANVAS_MIN_ZOOM, WM_MAP_CANVAS_MAX_ZOOM);
  if (zoom == self->viewport.zoom)
    return;
  /* The map point under (x, y) stays there. */
  wm_map_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  self->viewport.zoom = zoom;
  self->viewport.x = map_x - x / zoom;
  self->viewport.y = map_y - y / zoom;
  self->needs_fit = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  wm_map_canvas_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* The whole map in view; TRUE when that changed the zoom. */
static gboolean
fit_viewport (WmMapCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom = self->viewport.zoom;

  self->needs_fit = TRUE;
  if (self->layout == NULL || width <= 0 || height <= 0)
    return FALSE;
  wm_map_viewport_fit (&self->viewport, self->layout, width, height);
  self->viewport.zoom = MAX (self->viewport.zoom, WM_MAP_CANVAS_MIN_ZOOM);
  return zoom != self->viewport.zoom;
}

void
wm_map_canvas_zoom_to_fit (WmMapCanvas *self)
{
  g_return_if_fail (WM_IS_MAP_CANVAS (self));

  fit_viewport (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  wm_map_canvas_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
wm_map_canvas_pan (WmMapCanvas *self,
                   double       dx,
                   double       dy)
{
  g_return_if_fail (WM_IS_MAP_CANVAS (self));

  self->viewport.x += dx / self->viewport.zoom;
  self->viewport.y += dy / self->viewport.zoom;
  self->needs_fit = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
wm_map_canvas_get_card_bounds (WmMapCanvas     *self,
                               const char      *card,
                               graphene_rect_t *bounds)
{
  const WmMapCardBox *box;
  double x, y;

  g_return_val_if_fail (WM_IS_MAP_CANVAS (self), FALSE);

  if (self->layout == NULL || (box = wm_map_layout_card_box (self->layout, card)) == NULL)
    return FALSE;
  wm_map_canvas_map_to_widget (self, box->rect.x, box->rect.y, &x, &y);
  graphene_rect_init (bounds, x, y, box->rect.width * self->viewport.zoom,
                      box->rect.height * self->viewport.zoom);
  return TRUE;
}

void
wm_map_canvas_hit (WmMapCanvas *self,
                   double       x,
                   double       y,
                   WmMapHit    *hit)
{
  double map_x, map_y;

  if (self->layout == NULL)
    {
      *hit = (WmMapHit) { WM_MAP_HIT_NONE, NULL, -1, -1, 0 };
      return;
    }
  wm_map_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  wm_map_layout_hit (self->layout, map_x, map_y, hit);
}

/* Scrolls the least that shows the whole card (keyboard focus moved). */
void
wm_map_canvas_ensure_visible (WmMapCanvas *self,
                              const char  *card)
{
  graphene_rect_t r;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double dx = 0, dy = 0, margin = 16;

  if (width <= 0 || !wm_map_canvas_get_card_bounds (self, card, &r))
    return;
  if (r.origin.x < margin)
    dx = r.origin.x - margin;
  else if (r.origin.x + r.size.width > width - margin)
    dx = MIN (r.origin.x - margin, r.origin.x + r.size.width - width + margin);
  if (r.origin.y < margin)
    dy = r.origin.y - margin;
  else if (r.origin.y + r.size.height > height - margin)
    dy = MIN (r.origin.y - margin, r.origin.y + r.size.height - height + margin);
  if (dx != 0 || dy != 0)
    wm_map_canvas_pan (self, dx, dy);
}

static int
compare_reading_order (gconstpointer a,
                       gconstpointer b)
{
  const WmMapCardBox *ba = *(const WmMapCardBox **) a;
  const WmMapCardBox *bb = *(const WmMapCardBox **) b;

  if (ba->stage_index != bb->stage_index)
    return ba->stage_index < bb->stage_index ? -1 : 1;
  if (ba->lane_index != bb->lane_index)
    return ba->lane_index < bb->lane_index ? -1 : 1;
  return (ba->card->order > bb->card->order) - (ba->card->order < bb->card->order);
}

GPtrArray *
wm_map_canvas_card_order (WmMapCanvas *self)
{
  GPtrArray *boxes = g_ptr_array_new ();

  for (guint i = 0; self->layout != NULL && i < self->layout->n_cards; i++)
    g_ptr_array_add (boxes, &self->layout->cards[i]);
  g_ptr_array_sort (boxes, compare_reading_order);
  return boxes;
}

/* Drawing */

static void
wm_map_canvas_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  WmMapCanvas *self = WM_MAP_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double ox, oy, ratio;

  if (width <= 0 || height <= 0)
    return;

  if (self->layout == NULL)
    {
      const WmRgba *bg = &self->theme->background;

      gtk_snapshot_append_color (snapshot,
                                 &(GdkRGBA) { bg->red, bg->green, bg->blue, bg->alpha },
                                 &GRAPHENE_RECT_INIT (0, 0, width, height));
      return;
    }

  wm_map_canvas_ensure_cache (self, width, height);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  wm_map_canvas_map_to_widget (self, self->cache_viewport.x, self->cache_viewport.y, &ox, &oy);
  ratio = self->viewport.zoom / self->cache_viewport.zoom;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (ox), round (oy)));
  if (ratio != 1.0)
    gtk_snapshot_scale (snapshot, ratio, ratio);
  gtk_snapshot_append_node (snapshot, self->cache);
  gtk_snapshot_restore (snapshot);

  wm_map_canvas_snapshot_overlay (self, snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
zoom_changed_idle (gpointer data)
{
  WmMapCanvas *self = data;

  self->zoom_idle = 0;
  wm_map_canvas_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
wm_map_canvas_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  WmMapCanvas *self = WM_MAP_CANVAS (widget);

  /* Fitted maps stay fitted as the widget resizes, until the user pans or
   * zooms. */
  /* Listeners may change widgets, which must wait for the end of the
   * allocation. */
  if (self->needs_fit && fit_viewport (self) && self->zoom_idle == 0)
    self->zoom_idle = g_idle_add_once (zoom_changed_idle, self);

  wm_map_canvas_allocate_proxies (self);

  if (self->edit_popover != NULL)
    gtk_popover_present (self->edit_popover);
  if (self->menu != NULL)
    gtk_popover_present (self->menu);
}

static void
wm_map_canvas_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 500;
}

static gboolean
wm_map_canvas_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  return wm_map_canvas_move_focus (WM_MAP_CANVAS (widget), direction);
}

static void
wm_map_canvas_set_focus_child (GtkWidget *widget,
                               GtkWidget *child)
{
  GTK_WIDGET_CLASS (wm_map_canvas_parent_class)->set_focus_child (widget, child);
  wm_map_canvas_set_focus_child_proxy (WM_MAP_CANVAS (widget), child);
}

static void
wm_map_canvas_dispose (GObject *object)
{
  WmMapCanvas *self = WM_MAP_CANVAS (object);
  GtkWidget *child;

  wm_map_canvas_set_history (self, NULL);
  g_clear_handle_id (&self->zoom_idle, g_source_remove);
  g_clear_handle_id (&self->actions_idle, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->edit_popover = NULL;
  self->edit_entry = NULL;
  self->menu = NULL;
  g_hash_table_remove_all (self->proxies);

  G_OBJECT_CLASS (wm_map_canvas_parent_class)->dispose (object);
}

static void
wm_map_canvas_finalize (GObject *object)
{
  WmMapCanvas *self = WM_MAP_CANVAS (object);

  g_clear_pointer (&self->layout, wm_map_layout_free);
  g_clear_pointer (&self->pango, wm_chart_pango_free);
  g_clear_pointer (&self->metrics, wm_map_metrics_free);
  wm_map_canvas_drop_cache (self);
  wm_map_canvas_clear_geometry (self);
  g_clear_pointer (&self->selection, g_hash_table_unref);
  g_clear_pointer (&self->proxies, g_hash_table_unref);
  g_clear_pointer (&self->pending_ids, g_hash_table_unref);
  g_clear_pointer (&self->hover_id, g_free);
  g_clear_pointer (&self->drag_id, g_free);
  g_clear_pointer (&self->drag_cards, g_strfreev);
  g_clear_pointer (&self->drag_image, cairo_surface_destroy);
  g_clear_pointer (&self->edit_id, g_free);
  g_clear_pointer (&self->focus_card, g_free);

  G_OBJECT_CLASS (wm_map_canvas_parent_class)->finalize (object);
}

static void
wm_map_canvas_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WmMapCanvas *self = WM_MAP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->viewport.zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_map_canvas_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WmMapCanvas *self = WM_MAP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      wm_map_canvas_set_history (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      wm_map_canvas_zoom_at (self, g_value_get_double (value),
                             gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                             gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_map_canvas_class_init (WmMapCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_map_canvas_dispose;
  object_class->finalize = wm_map_canvas_finalize;
  object_class->get_property = wm_map_canvas_get_property;
  object_class->set_property = wm_map_canvas_set_property;

  widget_class->snapshot = wm_map_canvas_snapshot;
  widget_class->size_allocate = wm_map_canvas_size_allocate;
  widget_class->measure = wm_map_canvas_measure;
  widget_class->focus = wm_map_canvas_focus;
  widget_class->set_focus_child = wm_map_canvas_set_focus_child;

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, WM_TYPE_MAP_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, WM_MAP_CANVAS_MIN_ZOOM, WM_MAP_CANVAS_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ACTIONS_CHANGED] =
    g_signal_new ("actions-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A connector was double-clicked: its label is to be edited. */
  signals[CONNECTOR_ACTIVATED] =
    g_signal_new ("connector-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  wm_map_canvas_class_init_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "wm-map-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wm_map_canvas_init (WmMapCanvas *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  self->viewport.zoom = 1.0;
  self->needs_fit = TRUE;
  self->selection = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->proxies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journey map"),
                                  -1);

  g_signal_connect_object (style_manager, "notify::dark", G_CALLBACK (dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
  set_theme (self, adw_style_manager_get_dark (style_manager) ? WM_THEME_DARK : WM_THEME_LIGHT);

  wm_map_canvas_init_input (self);
  wm_map_canvas_update_actions (self);
}

void
wm_map_canvas_emit_actions_changed (WmMapCanvas *self)
{
  g_signal_emit (self, signals[ACTIONS_CHANGED], 0);
}

void
wm_map_canvas_activate_connector (WmMapCanvas *self,
                                  const char  *id)
{
  /* @id may be the selection's own copy, which selecting frees. */
  g_autofree char *connector = g_strdup (id);

  g_return_if_fail (WM_IS_MAP_CANVAS (self));

  if (self->map == NULL || wm_journey_map_lookup_connector (self->map, connector) == NULL)
    return;
  wm_map_canvas_select (self, (const char *[]) { connector, NULL });
  g_signal_emit (self, signals[CONNECTOR_ACTIVATED], 0, connector);
}
