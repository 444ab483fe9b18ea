/* wm-map-canvas-edit.c: editing a card's title, or a stage's or lane's
 * name, in place — an entry in a popover over what it names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-map-canvas-private.h"

static void
commit (WmMapCanvas *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->edit_entry));
  g_autofree char *name = g_strstrip (g_strdup (text));
  g_autofree char *id = g_steal_pointer (&self->edit_id);

  /* An empty name would leave nothing to click on: keep the old one. */
  if (id == NULL || self->history == NULL || *name == '\0')
    return;

  switch (self->edit_kind)
    {
    case WM_MAP_EDIT_CARD:
      {
        const WmMapCard *card = wm_journey_map_lookup_card (self->map, id);

        if (card != NULL)
          wm_map_history_set_card_text (self->history, id, name, card->body);
      }
      break;
    case WM_MAP_EDIT_STAGE:
      wm_map_history_rename_stage (self->history, id, name);
      break;
    case WM_MAP_EDIT_LANE:
      wm_map_history_rename_lane (self->history, id, name);
      break;
    default:
      break;
    }
}

static void
entry_activate_cb (WmMapCanvas *self)
{
  GtkWidget *focus_to = self->edit_kind == WM_MAP_EDIT_CARD ? wm_map_canvas_get_proxy (self, self->edit_id) : NULL;

  commit (self);
  gtk_popover_popdown (self->edit_popover);
  gtk_widget_grab_focus (focus_to != NULL ? focus_to : GTK_WIDGET (self));
}

static void
popover_closed_cb (WmMapCanvas *self)
{
  /* Escape or a click elsewhere: nothing changes. */
  g_clear_pointer (&self->edit_id, g_free);
}

static void
ensure_popover (WmMapCanvas *self)
{
  if (self->edit_popover != NULL)
    return;

  self->edit_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_max_length (self->edit_entry, 200);
  g_signal_connect_swapped (self->edit_entry, "activate", G_CALLBACK (entry_activate_cb), self);

  self->edit_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->edit_popover, GTK_WIDGET (self->edit_entry));
  gtk_popover_set_position (self->edit_popover, GTK_POS_BOTTOM);
  gtk_popover_set_has_arrow (self->edit_popover, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->edit_popover), "wm-map-title-editor");
  gtk_widget_set_parent (GTK_WIDGET (self->edit_popover), GTK_WIDGET (self));
  g_signal_connect_swapped (self->edit_popover, "closed", G_CALLBACK (popover_closed_cb), self);
}

void
wm_map_canvas_edit (WmMapCanvas   *self,
                    WmMapEditKind  kind,
                    const char    *id)
{
  const WmMapRect *rect = NULL;
  const char *text = NULL;
  double x, y, zoom = self->viewport.zoom;

  if (self->layout == NULL || id == NULL)
    return;

  if (kind == WM_MAP_EDIT_CARD)
    {
      const WmMapCardBox *box = wm_map_layout_card_box (self->layout, id);

      if (box != NULL)
        {
          rect = &box->rect;
          text = box->card->title;
        }
    }
  for (guint i = 0; kind == WM_MAP_EDIT_STAGE && i < self->layout->n_stages; i++)
    if (g_str_equal (self->layout->stages[i]->id, id))
      {
        rect = &self->layout->stage_headers[i];
        text = self->layout->stages[i]->name;
      }
  for (guint i = 0; kind == WM_MAP_EDIT_LANE && i < self->layout->n_lanes; i++)
    if (g_str_equal (self->layout->lanes[i]->id, id))
      {
        rect = &self->layout->lane_headers[i];
        text = self->layout->lanes[i]->name;
      }
  if (rect == NULL)
    return;

  if (kind == WM_MAP_EDIT_CARD)
    wm_map_canvas_ensure_visible (self, id);
  ensure_popover (self);
  g_free (self->edit_id);
  self->edit_id = g_strdup (id);
  self->edit_kind = kind;

  gtk_editable_set_text (GTK_EDITABLE (self->edit_entry), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kind == WM_MAP_EDIT_CARD ? _("Card title")
                                  : kind == WM_MAP_EDIT_STAGE ? _("Stage name") : _("Lane name"),
                                  -1);
  /* As wide as what it names; over its top edge. */
  wm_map_canvas_map_to_widget (self, rect->x, rect->y, &x, &y);
  gtk_widget_set_size_request (GTK_WIDGET (self->edit_entry), MAX (160, rect->width * zoom), -1);
  gtk_popover_set_pointing_to (self->edit_popover, &(GdkRectangle) { x, y, MAX (1, rect->width * zoom), 1 });
  gtk_popover_popup (self->edit_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->edit_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->edit_entry), 0, -1);
}

void
wm_map_canvas_edit_card_title (WmMapCanvas *self,
                               const char  *card)
{
  g_return_if_fail (WM_IS_MAP_CANVAS (self));

  if (card != NULL)
    wm_map_canvas_edit (self, WM_MAP_EDIT_CARD, card);
}
