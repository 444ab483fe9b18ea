/* wm-map-canvas-actions.c: the "map.*" actions, enabled in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-map-canvas-private.h"

#define ZOOM_STEP 1.25

static gboolean
has_selected_card (WmMapCanvas *self)
{
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, self->selection);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (wm_journey_map_lookup_card (self->map, id) != NULL)
      return TRUE;
  return FALSE;
}

gboolean
wm_map_canvas_action_is_enabled (WmMapCanvas *self,
                                 const char  *name)
{
  g_return_val_if_fail (WM_IS_MAP_CANVAS (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (self->history == NULL)
    return FALSE;
  if (g_str_equal (name, "map.undo"))
    return wm_map_history_get_can_undo (self->history);
  if (g_str_equal (name, "map.redo"))
    return wm_map_history_get_can_redo (self->history);
  if (g_str_equal (name, "map.delete"))
    return g_hash_table_size (self->selection) > 0;
  if (g_str_equal (name, "map.select-all"))
    return wm_journey_map_get_n_cards (self->map) > 0;
  if (g_str_equal (name, "map.duplicate"))
    return has_selected_card (self);
  if (g_str_equal (name, "map.edit-title"))
    return wm_map_canvas_get_selected_card (self) != NULL ||
           wm_map_canvas_get_selected_connector (self) != NULL;
  if (g_str_equal (name, "map.zoom-in"))
    return self->viewport.zoom < WM_MAP_CANVAS_MAX_ZOOM;
  if (g_str_equal (name, "map.zoom-out"))
    return self->viewport.zoom > WM_MAP_CANVAS_MIN_ZOOM;
  if (g_str_equal (name, "map.add-card"))
    return wm_journey_map_get_n_stages (self->map) > 0 && wm_journey_map_get_n_lanes (self->map) > 0;
  return g_strv_contains (wm_map_canvas_get_action_names (), name);
}

void
wm_map_canvas_update_actions (WmMapCanvas *self)
{
  const char * const *names = wm_map_canvas_get_action_names ();

  for (guint i = 0; names[i] != NULL; i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), names[i], wm_map_canvas_action_is_enabled (self, names[i]));
  wm_map_canvas_emit_actions_changed (self);
}

static void
undo_activated (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  wm_map_history_undo (WM_MAP_CANVAS (widget)->history);
}

static void
redo_activated (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  wm_map_history_redo (WM_MAP_CANVAS (widget)->history);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  WmMapCanvas *self = WM_MAP_CANVAS (widget);
  g_auto(GStrv) selection = wm_map_canvas_get_selection (self);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autoptr(GPtrArray) connectors = g_ptr_array_new_with_free_func (g_free);
  guint n_cards;

  for (guint i = 0; selection[i] != NULL; i++)
    if (wm_journey_map_lookup_card (self->map, selection[i]) != NULL)
      g_ptr_array_add (cards, selection[i]);
    else
      g_ptr_array_add (connectors, g_strdup (selection[i]));
  n_cards = cards->len;
  g_ptr_array_add (cards, NULL);

  wm_map_history_begin_group (self->history, n_cards > 1 ? WM_MAP_COMMAND_DELETE_CARDS
                                             : n_cards == 1 ? WM_MAP_COMMAND_DELETE_CARD
                                             : WM_MAP_COMMAND_DISCONNECT);
  if (n_cards > 0)
    wm_map_history_delete_cards (self->history, (const char * const *) cards->pdata);
  /* Deleting a card took its connectors along. */
  for (guint i = 0; i < connectors->len; i++)
    if (wm_journey_map_lookup_connector (self->map, g_ptr_array_index (connectors, i)) != NULL)
      wm_map_history_disconnect (self->history, g_ptr_array_index (connectors, i));
  wm_map_history_end_group (self->history);
}

static void
select_all_activated (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  wm_map_canvas_select_all (WM_MAP_CANVAS (widget));
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  WmMapCanvas *self = WM_MAP_CANVAS (widget);
  g_auto(GStrv) selection = wm_map_canvas_get_selection (self);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_free);

  wm_map_history_begin_group (self->history, WM_MAP_COMMAND_PASTE);
  for (guint i = 0; selection[i] != NULL; i++)
    {
      const WmMapCard *card = wm_journey_map_lookup_card (self->map, selection[i]);
      g_autoptr(WmMapCard) copy = NULL;
      const char *id;

      if (card == NULL)
        continue;
      /* The copy goes right below its original. */
      copy = wm_map_card_copy (card);
      g_clear_pointer (&copy->id, g_free);
      copy->order = card->order + 1;
      if ((id = wm_map_history_add_card (self->history, copy)) != NULL)
        g_ptr_array_add (copies, g_strdup (id));
    }
  wm_map_history_end_group (self->history);

  g_ptr_array_add (copies, NULL);
  wm_map_canvas_select (self, (const char * const *) copies->pdata);
}

static void
edit_title_activated (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  WmMapCanvas *self = WM_MAP_CANVAS (widget);
  const char *connector = wm_map_canvas_get_selected_connector (self);

  /* A connector's "title" is its label, edited in the side panel. */
  if (connector != NULL)
    wm_map_canvas_activate_connector (self, connector);
  else
    wm_map_canvas_edit_card_title (self, wm_map_canvas_get_selected_card (self));
}

static void
zoom_activated (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  WmMapCanvas *self = WM_MAP_CANVAS (widget);

  if (g_str_equal (name, "map.zoom-fit"))
    {
      wm_map_canvas_zoom_to_fit (self);
      return;
    }
  wm_map_canvas_zoom_at (self, g_str_equal (name, "map.zoom-in") ? self->viewport.zoom * ZOOM_STEP
                                                                 : self->viewport.zoom / ZOOM_STEP,
                         gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

void
wm_map_canvas_add_card_at (WmMapCanvas *self,
                           guint        stage_index,
                           guint        lane_index,
                           guint        order)
{
  g_autoptr(WmMapCard) card = wm_map_card_new ();
  const char *id;

  if (stage_index >= wm_journey_map_get_n_stages (self->map) ||
      lane_index >= wm_journey_map_get_n_lanes (self->map))
    return;

  g_free (card->title);
  card->title = g_strdup (_("New card"));
  g_free (card->stage);
  card->stage = g_strdup (wm_journey_map_get_stage (self->map, stage_index)->id);
  g_free (card->lane);
  card->lane = g_strdup (wm_journey_map_get_lane (self->map, lane_index)->id);
  card->order = order;
  if ((id = wm_map_history_add_card (self->history, card)) == NULL)
    return;
  wm_map_canvas_select (self, (const char *[]) { id, NULL });
  wm_map_canvas_edit_card_title (self, id);
}

static void
add_card_activated (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  WmMapCanvas *self = WM_MAP_CANVAS (widget);
  const char *selected = wm_map_canvas_get_selected_card (self);
  guint lane = 0;

  /* Below the selected card, else in the first lane that holds cards. */
  if (selected != NULL)
    {
      const WmMapCard *card = wm_journey_map_lookup_card (self->map, selected);

      wm_map_canvas_add_card_at (self, wm_journey_map_stage_index (self->map, card->stage),
                                 wm_journey_map_lane_index (self->map, card->lane), card->order + 1);
      return;
    }
  while (lane + 1 < wm_journey_map_get_n_lanes (self->map) &&
         wm_journey_map_get_lane (self->map, lane)->kind == WM_LANE_EMOTIONS)
    lane++;
  wm_map_canvas_add_card_at (self, 0, lane, G_MAXUINT);
}

static void
add_stage_activated (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  WmMapCanvas *self = WM_MAP_CANVAS (widget);
  const char *id = wm_map_history_add_stage (self->history, _("New stage"), -1);

  if (id != NULL)
    wm_map_canvas_edit (self, WM_MAP_EDIT_STAGE, id);
}

static void
add_lane_activated (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  WmMapCanvas *self = WM_MAP_CANVAS (widget);
  WmLaneKind kind;
  const char *id;

  if (!wm_lane_kind_from_string (g_variant_get_string (param, NULL), &kind))
    return;
  id = wm_map_history_add_lane (self->history, wm_lane_kind_display_name (kind), kind, NULL, -1);
  if (id != NULL)
    wm_map_canvas_edit (self, WM_MAP_EDIT_LANE, id);
}

static void
structure_activated (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  WmMapCanvas *self = WM_MAP_CANVAS (widget);
  gboolean stage = g_str_has_suffix (name, "-stage");
  const char *id;
  int offset = 0, index;

  if (g_variant_is_of_type (param, G_VARIANT_TYPE ("(si)")))
    g_variant_get (param, "(&si)", &id, &offset);
  else
    id = g_variant_get_string (param, NULL);

  if (g_str_has_prefix (name, "map.rename-"))
    wm_map_canvas_edit (self, stage ? WM_MAP_EDIT_STAGE : WM_MAP_EDIT_LANE, id);
  else if (g_str_has_prefix (name, "map.delete-"))
    {
      if (stage)
        wm_map_history_delete_stage (self->history, id);
      else
        wm_map_history_delete_lane (self->history, id);
    }
  else
    {
      index = stage ? wm_journey_map_stage_index (self->map, id) : wm_journey_map_lane_index (self->map, id);
      if (index < 0 || index + offset < 0)
        return;
      if (stage)
        wm_map_history_move_stage (self->history, id, index + offset);
      else
        wm_map_history_move_lane (self->history, id, index + offset);
    }
}

static GMenuItem *
menu_item (const char *label,
           const char *action,
           GVariant   *target)
{
  GMenuItem *item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  return item;
}

static GMenuModel *
header_menu (gboolean    stage,
             const char *id,
             guint       index,
             guint       count)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();
  const char *rename = stage ? "map.rename-stage" : "map.rename-lane";
  const char *move = stage ? "map.move-stage" : "map.move-lane";
  const char *delete = stage ? "map.delete-stage" : "map.delete-lane";
  g_autoptr(GMenuItem) item = NULL;

  item = menu_item (stage ? _("_Rename Stage") : _("_Rename Lane"), rename, g_variant_new_string (id));
  g_menu_append_item (menu, item);
  g_clear_object (&item);

  if (index > 0)
    {
      item = menu_item (stage ? _("Move _Left") : _("Move _Up"), move, g_variant_new ("(si)", id, -1));
      g_menu_append_item (section, item);
      g_clear_object (&item);
    }
  if (index + 1 < count)
    {
      item = menu_item (stage ? _("Move _Right") : _("Move _Down"), move, g_variant_new ("(si)", id, 1));
      g_menu_append_item (section, item);
      g_clear_object (&item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  section = g_menu_new ();
  item = menu_item (stage ? _("_Delete Stage") : _("_Delete Lane"), delete, g_variant_new_string (id));
  g_menu_append_item (section, item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  return G_MENU_MODEL (menu);
}

/* The card's own items, then its stage's and lane's as submenus: from
 * the keyboard (Menu on a focused card) this is how stages and lanes
 * are renamed, moved and deleted. */
static GMenuModel *
card_menu (WmMapCanvas *self,
           const char  *id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) place = g_menu_new ();
  const WmMapCard *card = wm_journey_map_lookup_card (self->map, id);
  const WmMapStage *stage = card != NULL ? wm_journey_map_lookup_stage (self->map, card->stage) : NULL;
  const WmMapLane *lane = card != NULL ? wm_journey_map_lookup_lane (self->map, card->lane) : NULL;

  g_menu_append (menu, _("_Edit Title"), "map.edit-title");
  g_menu_append (menu, _("D_uplicate"), "map.duplicate");
  g_menu_append (menu, _("_Delete"), "map.delete");

  if (stage != NULL)
    {
      g_autoptr(GMenuModel) submenu = header_menu (TRUE, stage->id, wm_journey_map_stage_index (self->map, stage->id),
                                                   wm_journey_map_get_n_stages (self->map));
      /* Translators: a submenu of a journey map card: its stage, by name */
      g_autofree char *label = g_strdup_printf (_("Stage “%s”"), stage->name);

      g_menu_append_submenu (place, label, submenu);
    }
  if (lane != NULL)
    {
      g_autoptr(GMenuModel) submenu = header_menu (FALSE, lane->id, wm_journey_map_lane_index (self->map, lane->id),
                                                   wm_journey_map_get_n_lanes (self->map));
      /* Translators: a submenu of a journey map card: its lane, by name */
      g_autofree char *label = g_strdup_printf (_("Lane “%s”"), lane->name);

      g_menu_append_submenu (place, label, submenu);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (place));
  return G_MENU_MODEL (menu);
}

static GMenuModel *
connector_menu (void)
{
  GMenu *menu = g_menu_new ();

  g_menu_append (menu, _("_Edit Label"), "map.edit-title");
  g_menu_append (menu, _("_Delete"), "map.delete");
  return G_MENU_MODEL (menu);
}

void
wm_map_canvas_popup_menu (WmMapCanvas    *self,
                          const WmMapHit *hit,
                          double          x,
                          double          y)
{
  g_autoptr(GMenuModel) model = NULL;

  switch (hit->kind)
    {
    case WM_MAP_HIT_STAGE_HEADER:
      model = header_menu (TRUE, hit->id, hit->stage_index, wm_journey_map_get_n_stages (self->map));
      break;
    case WM_MAP_HIT_LANE_HEADER:
      model = header_menu (FALSE, hit->id, hit->lane_index, wm_journey_map_get_n_lanes (self->map));
      break;
    case WM_MAP_HIT_CARD:
    case WM_MAP_HIT_CARD_EDGE:
    case WM_MAP_HIT_CARD_RESIZE:
      if (!g_hash_table_contains (self->selection, hit->id))
        wm_map_canvas_select (self, (const char *[]) { hit->id, NULL });
      model = card_menu (self, hit->id);
      break;
    case WM_MAP_HIT_CONNECTOR:
      wm_map_canvas_select (self, (const char *[]) { hit->id, NULL });
      model = connector_menu ();
      break;
    case WM_MAP_HIT_NONE:
    case WM_MAP_HIT_TITLE:
    case WM_MAP_HIT_CELL:
    case WM_MAP_HIT_EMOTION_POINT:
    default:
      return;
    }

  if (self->menu != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->menu));
  self->menu = GTK_POPOVER (gtk_popover_menu_new_from_model (model));
  gtk_widget_set_parent (GTK_WIDGET (self->menu), GTK_WIDGET (self));
  gtk_popover_set_has_arrow (self->menu, FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self->menu), GTK_ALIGN_START);
  gtk_popover_set_pointing_to (self->menu, &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_popup (self->menu);
}

typedef struct
{
  const char                  *name;
  const char                  *parameter_type;
  GtkWidgetActionActivateFunc  activate;
} Action;

static const Action actions[] = {
  { "map.undo", NULL, undo_activated },
  { "map.redo", NULL, redo_activated },
  { "map.delete", NULL, delete_activated },
  { "map.select-all", NULL, select_all_activated },
  { "map.duplicate", NULL, duplicate_activated },
  { "map.edit-title", NULL, edit_title_activated },
  { "map.zoom-in", NULL, zoom_activated },
  { "map.zoom-out", NULL, zoom_activated },
  { "map.zoom-fit", NULL, zoom_activated },
  { "map.add-card", NULL, add_card_activated },
  { "map.add-stage", NULL, add_stage_activated },
  { "map.add-lane", "s", add_lane_activated },
  { "map.rename-stage", "s", structure_activated },
  { "map.move-stage", "(si)", structure_activated },
  { "map.delete-stage", "s", structure_activated },
  { "map.rename-lane", "s", structure_activated },
  { "map.move-lane", "(si)", structure_activated },
  { "map.delete-lane", "s", structure_activated },
};

const char * const *
wm_map_canvas_get_action_names (void)
{
  static const char *names[G_N_ELEMENTS (actions) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      names[i] = actions[i].name;
  return names;
}

const char *
wm_map_canvas_get_action_parameter_type (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (actions[i].name, name))
      return actions[i].parameter_type;
  return NULL;
}

void
wm_map_canvas_class_init_actions (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].parameter_type,
                                     actions[i].activate);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "map.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "map.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "map.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "map.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "map.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "map.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "map.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "map.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "map.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "map.edit-title", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "map.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "map.zoom-fit", NULL);
}
