/* wm-map-editor.c
 *
 * The toolbar's buttons name the canvas's "map.*" actions; the editor
 * installs the same names and passes them on (a toolbar is not inside the
 * canvas, so it cannot see the canvas's own), mirroring whether each is
 * enabled. The side panel edits the selected card through the history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-error.h"
#include "wm-map-editor-private.h"
#include "wm-map-json.h"
#include "wm-map-renderer.h"
#include "wm-format.h"

enum {
  PROP_0,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (WmMapEditor, wm_map_editor, ADW_TYPE_BIN)

static const char *
color_name (WmCardColor color)
{
  static const char * const names[WM_CARD_COLOR_COUNT] = {
    N_("Yellow"), N_("Orange"), N_("Red"), N_("Pink"), N_("Purple"),
    N_("Blue"), N_("Teal"), N_("Green"), N_("Grey"),
  };

  return _(names[color]);
}

GtkWidget *
wm_map_editor_new (void)
{
  return g_object_new (WM_TYPE_MAP_EDITOR, NULL);
}

static const WmMapCard *
panel_card (WmMapEditor *self)
{
  WmJourneyMap *map = wm_map_editor_get_map (self);

  return map != NULL && self->card != NULL ? wm_journey_map_lookup_card (map, self->card) : NULL;
}

static guint64
touchpoint_customers (WmMapEditor *self,
                      const char  *name,
                      gboolean    *known)
{
  for (guint i = 0; i < self->touchpoints->len; i++)
    if (g_str_equal (g_ptr_array_index (self->touchpoints, i), name))
      {
        *known = TRUE;
        return g_array_index (self->customers, guint64, i);
      }
  *known = FALSE;
  return 0;
}

static void
binding_toggled_cb (GtkCheckButton *check,
                    WmMapEditor    *self)
{
  const char *touchpoint = g_object_get_data (G_OBJECT (check), "touchpoint");

  if (self->updating || panel_card (self) == NULL)
    return;
  if (gtk_check_button_get_active (check))
    wm_map_history_bind_touchpoint (self->history, self->card, touchpoint);
  else
    wm_map_history_unbind_touchpoint (self->history, self->card, touchpoint);
}

/* "12 480 customers" */
static char *
customers_text (guint64 customers)
{
  g_autofree char *count = wm_format_count_compact (customers);

  /* Translators: a number of customers, e.g. "12 480 customers". */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s customer", "%s customers",
                                       customers > G_MAXULONG ? G_MAXULONG : customers), count);
}

static void
add_binding_row (WmMapEditor *self,
                 const char  *touchpoint,
                 gboolean     bound)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *subtitle = NULL;
  gboolean known;
  guint64 customers = touchpoint_customers (self, touchpoint, &known);

  if (known)
    subtitle = customers_text (customers);
  else
    subtitle = g_strdup (_("Not in the imported data"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), touchpoint);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), bound);
  g_object_set_data_full (G_OBJECT (check), "touchpoint", g_strdup (touchpoint), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (binding_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_list_box_append (self->bindings_list, row);
}

static void
fill_bindings (WmMapEditor     *self,
               const WmMapCard *card)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->bindings_list))) != NULL)
    gtk_list_box_remove (self->bindings_list, child);

  /* The dataset's touchpoints, then bound ones the data does not have. */
  for (guint i = 0; i < self->touchpoints->len; i++)
    {
      const char *name = g_ptr_array_index (self->touchpoints, i);

      add_binding_row (self, name, g_strv_contains ((const char * const *) card->bindings, name));
    }
  for (guint i = 0; card->bindings[i] != NULL; i++)
    {
      gboolean known;

      touchpoint_customers (self, card->bindings[i], &known);
      if (!known)
        add_binding_row (self, card->bindings[i], TRUE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->bindings_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->bindings_list)) != NULL);
}

static const WmMapConnector *
panel_connector (WmMapEditor *self)
{
  WmJourneyMap *map = wm_map_editor_get_map (self);

  return map != NULL && self->connector != NULL ? wm_journey_map_lookup_connector (map, self->connector) : NULL;
}

static const char *
card_title (WmMapEditor *self,
            const char  *id)
{
  const WmMapCard *card = wm_journey_map_lookup_card (wm_map_editor_get_map (self), id);

  return card != NULL ? card->title : "";
}

static void
update_connector_panel (WmMapEditor          *self,
                        const WmMapConnector *connector)
{
  const WmMapMetrics *metrics = wm_map_canvas_get_metrics (self->canvas);
  const WmMapConnectorMetric *metric = metrics != NULL ? wm_map_metrics_get_connector (metrics, connector->id) : NULL;
  g_autofree char *ends = NULL;

  /* Translators: which cards a connector joins: "From “IVR menu” to “Agent call”" */
  ends = g_strdup_printf (_("From “%s” to “%s”"), card_title (self, connector->from),
                          card_title (self, connector->to));
  adw_preferences_group_set_description (self->connector_group, ends);

  if (metric != NULL)
    {
      g_autofree char *volume = wm_format_count (metric->customers);

      adw_action_row_set_subtitle (self->volume_row, volume);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->volume_row), metric != NULL);

  self->updating = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->label_row)), connector->label) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->label_row), connector->label ? connector->label : "");
  self->updating = FALSE;
}

/* Shows the one selected card or connector in the panel, or the hint
 * when there is none (or several). */
static void
update_panel (WmMapEditor *self)
{
  const WmMapCard *card;
  const WmMapConnector *connector;
  const WmMapMetrics *metrics;
  const WmMapCardMetric *metric;

  if (self->canvas == NULL)
    return;
  g_free (self->card);
  self->card = g_strdup (wm_map_canvas_get_selected_card (self->canvas));
  g_free (self->connector);
  self->connector = g_strdup (wm_map_canvas_get_selected_connector (self->canvas));
  card = panel_card (self);
  connector = panel_connector (self);
  gtk_stack_set_visible_child_name (self->panel_stack,
                                    card != NULL ? "card" : connector != NULL ? "connector" : "empty");
  if (connector != NULL)
    update_connector_panel (self, connector);
  if (card == NULL)
    return;

  /* The card's numbers, when there are some. */
  metrics = wm_map_canvas_get_metrics (self->canvas);
  metric = metrics != NULL ? wm_map_metrics_get_card (metrics, card->id) : NULL;
  if (metric != NULL)
    {
      g_autofree char *badge = wm_map_metrics_format_badge (metric);

      adw_action_row_set_subtitle (self->customers_row, badge);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->customers_row), metric != NULL);

  self->updating = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_row)), card->title) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), card->title);
  adw_combo_row_set_selected (self->evidence_row, card->evidence);
  for (guint i = 0; i < WM_CARD_COLOR_COUNT; i++)
    gtk_toggle_button_set_active (self->color_buttons[i], i == card->color);
  if (!gtk_widget_has_focus (GTK_WIDGET (self->body_view)))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), card->body, -1);
  fill_bindings (self, card);
  self->updating = FALSE;
}

static void
title_apply_cb (WmMapEditor *self)
{
  const WmMapCard *card = panel_card (self);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  if (card == NULL || self->updating)
    return;
  /* A card keeps a title to be clicked and read by. */
  if (*title == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), card->title);
      return;
    }
  wm_map_history_set_card_text (self->history, card->id, title, card->body);
}

static void
label_apply_cb (WmMapEditor *self)
{
  const WmMapConnector *connector = panel_connector (self);
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_row))));

  if (connector == NULL || self->updating)
    return;
  /* An empty label removes it. */
  wm_map_history_set_connector_label (self->history, connector->id, *label != '\0' ? label : NULL);
}

static void
connector_activated_cb (WmMapEditor *self)
{
  update_panel (self);
  if (panel_connector (self) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->label_row));
}

static void
body_commit (WmMapEditor *self)
{
  const WmMapCard *card = panel_card (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;
  g_autofree char *body = NULL;

  if (card == NULL || self->updating)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  wm_map_history_set_card_text (self->history, card->id, card->title, body);
}

static void
evidence_changed_cb (WmMapEditor *self)
{
  const WmMapCard *card = panel_card (self);
  guint selected = adw_combo_row_get_selected (self->evidence_row);

  if (card == NULL || self->updating || selected >= WM_EVIDENCE_COUNT)
    return;
  wm_map_history_set_card_evidence (self->history, card->id, selected);
}

static void
color_toggled_cb (GtkToggleButton *button,
                  WmMapEditor     *self)
{
  const WmMapCard *card = panel_card (self);

  gtk_widget_queue_draw (gtk_button_get_child (GTK_BUTTON (button)));
  if (card == NULL || self->updating || !gtk_toggle_button_get_active (button))
    return;
  wm_map_history_set_card_color (self->history, card->id,
                                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "color")));
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const WmTheme *theme = wm_theme_get (adw_style_manager_get_dark (style) ? WM_THEME_DARK : WM_THEME_LIGHT);
  WmRgba fill, accent;
  double r = MIN (width, height) / 2.0 - 1;

  GtkWidget *button = gtk_widget_get_parent (GTK_WIDGET (area));
  gboolean active = GTK_IS_TOGGLE_BUTTON (button) && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button));

  wm_map_card_colors (theme, GPOINTER_TO_UINT (data), &fill, &accent);
  cairo_arc (cr, width / 2.0, height / 2.0, r, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, fill.red, fill.green, fill.blue, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);

  /* The card's colour: a check in the accent. */
  if (active)
    {
      cairo_set_line_width (cr, 2.2);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_move_to (cr, width * 0.28, height * 0.52);
      cairo_line_to (cr, width * 0.44, height * 0.68);
      cairo_line_to (cr, width * 0.74, height * 0.34);
      cairo_stroke (cr);
    }
}

static void
build_color_buttons (WmMapEditor *self)
{
  for (guint i = 0; i < WM_CARD_COLOR_COUNT; i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *swatch = gtk_drawing_area_new ();

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 20);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 20);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, GUINT_TO_POINTER (i), NULL);
      gtk_button_set_child (GTK_BUTTON (button), swatch);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_set_tooltip_text (button, color_name (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, color_name (i), -1);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->color_buttons[0]);
      g_object_set_data (G_OBJECT (button), "color", GUINT_TO_POINTER (i));
      g_signal_connect (button, "toggled", G_CALLBACK (color_toggled_cb), self);
      gtk_box_append (self->color_box, button);
      self->color_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
}

static void
redraw_swatches (WmMapEditor *self)
{
  for (guint i = 0; i < WM_CARD_COLOR_COUNT; i++)
    gtk_widget_queue_draw (gtk_button_get_child (GTK_BUTTON (self->color_buttons[i])));
}

/* The canvas's actions changed state: mirror it, and name what undo and
 * redo would do. */
static void
actions_changed_cb (WmMapEditor *self)
{
  const char * const *names = wm_map_canvas_get_action_names ();
  const char *undo = self->history != NULL ? wm_map_history_get_undo_label (self->history) : NULL;
  const char *redo = self->history != NULL ? wm_map_history_get_redo_label (self->history) : NULL;
  g_autofree char *zoom = NULL;

  /* The canvas goes first when the editor is disposed. */
  if (self->canvas == NULL)
    return;
  zoom = wm_format_percent (wm_map_canvas_get_zoom (self->canvas), 0);
  for (guint i = 0; names[i] != NULL; i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), names[i],
                                   wm_map_canvas_action_is_enabled (self->canvas, names[i]));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo != NULL ? undo : _("Undo"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), redo != NULL ? redo : _("Redo"));
  gtk_button_set_label (self->zoom_button, zoom);
}

static void
forward_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  gtk_widget_activate_action_variant (GTK_WIDGET (WM_MAP_EDITOR (widget)->canvas), name, param);
}

static void
map_changed_cb (WmMapEditor  *self,
                WmMapChange   change,
                const char   *id)
{
  /* A card's title shows in the connector's description too. */
  if (change == WM_MAP_CHANGE_ALL || change == WM_MAP_CHANGE_CARD_REMOVED ||
      change == WM_MAP_CHANGE_CONNECTOR_REMOVED || g_strcmp0 (id, self->card) == 0 ||
      g_strcmp0 (id, self->connector) == 0 || (self->connector != NULL && change == WM_MAP_CHANGE_CARD_CONTENT))
    update_panel (self);
}

static void
dirty_changed_cb (WmMapEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
set_history (WmMapEditor  *self,
             WmMapHistory *history)
{
  if (self->history != NULL)
    {
      g_signal_handlers_disconnect_by_data (wm_map_history_get_map (self->history), self);
      g_signal_handlers_disconnect_by_data (self->history, self);
    }
  g_set_object (&self->history, history);
  if (history != NULL)
    {
      g_signal_connect_object (wm_map_history_get_map (history), "changed", G_CALLBACK (map_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (history, "notify::dirty", G_CALLBACK (dirty_changed_cb), self, G_CONNECT_SWAPPED);
    }
  wm_map_canvas_set_history (self->canvas, history);
  update_panel (self);
  actions_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

void
wm_map_editor_set_map (WmMapEditor  *self,
                       WmJourneyMap *map)
{
  g_autoptr(WmMapHistory) history = NULL;

  g_return_if_fail (WM_IS_MAP_EDITOR (self));
  g_return_if_fail (map == NULL || WM_IS_JOURNEY_MAP (map));

  if (map != NULL)
    history = wm_map_history_new (map);
  set_history (self, history);
}

gboolean
wm_map_editor_set_project (WmMapEditor  *self,
                           WmProject    *project,
                           GError      **error)
{
  g_autoptr(WmJourneyMap) map = NULL;

  g_return_val_if_fail (WM_IS_MAP_EDITOR (self), FALSE);
  g_return_val_if_fail (project == NULL || WM_IS_PROJECT (project), FALSE);

  if (project != NULL && (map = wm_map_json_load_project (project, error)) == NULL)
    return FALSE;
  g_set_object (&self->project, project);
  wm_map_editor_set_map (self, map);
  return TRUE;
}

WmJourneyMap *
wm_map_editor_get_map (WmMapEditor *self)
{
  g_return_val_if_fail (WM_IS_MAP_EDITOR (self), NULL);
  return self->history != NULL ? wm_map_history_get_map (self->history) : NULL;
}

WmMapHistory *
wm_map_editor_get_history (WmMapEditor *self)
{
  g_return_val_if_fail (WM_IS_MAP_EDITOR (self), NULL);
  return self->history;
}

WmMapCanvas *
wm_map_editor_get_canvas (WmMapEditor *self)
{
  g_return_val_if_fail (WM_IS_MAP_EDITOR (self), NULL);
  return self->canvas;
}

void
wm_map_editor_set_touchpoints (WmMapEditor        *self,
                               const char * const *names,
                               const guint64      *customers,
                               guint               n_touchpoints)
{
  g_return_if_fail (WM_IS_MAP_EDITOR (self));
  g_return_if_fail (n_touchpoints == 0 || (names != NULL && customers != NULL));

  g_ptr_array_set_size (self->touchpoints, 0);
  g_array_set_size (self->customers, 0);
  for (guint i = 0; i < n_touchpoints; i++)
    {
      g_ptr_array_add (self->touchpoints, g_strdup (names[i]));
      g_array_append_val (self->customers, customers[i]);
    }
  update_panel (self);
}

void
wm_map_editor_set_metrics (WmMapEditor        *self,
                           const WmMapMetrics *metrics)
{
  g_return_if_fail (WM_IS_MAP_EDITOR (self));
  wm_map_canvas_set_metrics (self->canvas, metrics);
  update_panel (self);
}

gboolean
wm_map_editor_save (WmMapEditor  *self,
                    GError      **error)
{
  g_return_val_if_fail (WM_IS_MAP_EDITOR (self), FALSE);

  if (self->project == NULL || self->history == NULL)
    {
      g_set_error_literal (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                           _("There is no project to save the journey map in"));
      return FALSE;
    }
  /* Edits in the panel not yet applied belong in what is saved. */
  body_commit (self);
  if (!wm_map_json_save_project (self->project, wm_map_history_get_map (self->history), error))
    return FALSE;
  wm_map_history_mark_saved (self->history);
  return TRUE;
}

gboolean
wm_map_editor_get_dirty (WmMapEditor *self)
{
  g_return_val_if_fail (WM_IS_MAP_EDITOR (self), FALSE);
  return self->history != NULL && wm_map_history_get_dirty (self->history);
}

static void
wm_map_editor_dispose (GObject *object)
{
  WmMapEditor *self = WM_MAP_EDITOR (object);

  if (self->history != NULL)
    {
      g_signal_handlers_disconnect_by_data (wm_map_history_get_map (self->history), self);
      g_signal_handlers_disconnect_by_data (self->history, self);
    }
  g_clear_object (&self->history);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_MAP_EDITOR);

  G_OBJECT_CLASS (wm_map_editor_parent_class)->dispose (object);
}

static void
wm_map_editor_finalize (GObject *object)
{
  WmMapEditor *self = WM_MAP_EDITOR (object);

  g_ptr_array_unref (self->touchpoints);
  g_array_unref (self->customers);
  g_free (self->card);
  g_free (self->connector);

  G_OBJECT_CLASS (wm_map_editor_parent_class)->finalize (object);
}

static void
wm_map_editor_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, wm_map_editor_get_dirty (WM_MAP_EDITOR (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_map_editor_class_init (WmMapEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char * const *names = wm_map_canvas_get_action_names ();

  object_class->dispose = wm_map_editor_dispose;
  object_class->finalize = wm_map_editor_finalize;
  object_class->get_property = wm_map_editor_get_property;

  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WM_TYPE_MAP_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/wm-map-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WmMapEditor, undo_button);
  gtk_widget_class_bind_template_child (widget_class, WmMapEditor, redo_button);
  gtk_widget_class_bind_template_child (widget_class, WmMapEditor, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, WmMapEditor, canvas);
  gtk_widget_class_bind_template_child (widget_class, WmMapEditor, panel_stack);
  gtk_widget_class_bind_template_child (widget_class, WmMapEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, WmMapEditor, customers_row);
  gtk_widget_class_bind_template_child (widget_class, WmMapEditor, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, WmMapEditor, color_box);
  gtk_widget_class_bind_template_child (widget_class, WmMapEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, WmMapEditor, bindings_list);
  gtk_widget_class_bind_template_child (widget_class, WmMapEditor, connector_group);
  gtk_widget_class_bind_template_child (widget_class, WmMapEditor, label_row);
  gtk_widget_class_bind_template_child (widget_class, WmMapEditor, volume_row);
  gtk_widget_class_bind_template_callback (widget_class, title_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, label_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, evidence_changed_cb);

  /* The canvas's actions, under the same names, for the toolbar. */
  for (guint i = 0; names[i] != NULL; i++)
    gtk_widget_class_install_action (widget_class, names[i], wm_map_canvas_get_action_parameter_type (names[i]),
                                     forward_action);
}

static void
wm_map_editor_init (WmMapEditor *self)
{
  g_autoptr(GtkStringList) evidence = gtk_string_list_new (NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->touchpoints = g_ptr_array_new_with_free_func (g_free);
  self->customers = g_array_new (FALSE, FALSE, sizeof (guint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < WM_EVIDENCE_COUNT; i++)
    gtk_string_list_append (evidence, wm_evidence_display_name (i));
  adw_combo_row_set_model (self->evidence_row, G_LIST_MODEL (evidence));
  build_color_buttons (self);

  /* The description is one edit when the cursor leaves it. */
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (body_commit), self);
  gtk_widget_add_controller (GTK_WIDGET (self->body_view), focus);

  g_signal_connect_object (self->canvas, "selection-changed", G_CALLBACK (update_panel), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "connector-activated", G_CALLBACK (connector_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "actions-changed", G_CALLBACK (actions_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::zoom", G_CALLBACK (actions_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (redraw_swatches), self,
                           G_CONNECT_SWAPPED);
  actions_changed_cb (self);
  update_panel (self);
}
