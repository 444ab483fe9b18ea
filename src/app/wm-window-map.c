/* wm-window-map.c: the window's Map view — the editor in its slot, saving
 * (Ctrl+S), "unsaved" in the title, the question on closing with unsaved
 * edits, and the offer to restore edits a crash left behind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-window-private.h"

gboolean
_wm_window_map_get_dirty (WmWindow *self)
{
  return wm_map_page_get_dirty (self->map_page);
}

static void
map_failed_cb (WmWindow   *self,
               const char *heading,
               const char *message)
{
  wm_window_show_error (self, heading, message);
}

static gboolean
save_map (WmWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (wm_map_page_save (self->map_page, &error))
    return TRUE;
  wm_window_show_error (self, _("Could Not Save the Journey Map"), error->message);
  return FALSE;
}

static void
save_map_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);

  if (save_map (self))
    wm_window_add_toast (self, _("Journey map saved"));
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     WmWindow         *self)
{
  if (g_strcmp0 (response, "restore") == 0)
    {
      wm_map_page_restore (self->map_page);
      wm_window_show_view (self, "map");
    }
  else
    wm_map_page_discard (self->map_page);
}

static void
recovery_found_cb (WmWindow *self)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Changes?"),
                                                       _("The journey map of this project has changes that were not saved when Waymark last closed. Restore them, or discard them and keep the saved map.")));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "restore");
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_widget_set_name (GTK_WIDGET (dialog), "restore-map-dialog");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   WmWindow         *self)
{
  if (g_strcmp0 (response, "save") == 0)
    {
      if (!save_map (self))
        return;
    }
  else if (g_strcmp0 (response, "discard") == 0)
    wm_map_page_discard (self->map_page);
  else
    return;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

gboolean
_wm_window_map_confirm_close (WmWindow *self)
{
  AdwMessageDialog *dialog;

  if (self->close_confirmed || !_wm_window_map_get_dirty (self))
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes to the Journey Map?"),
                                                       _("The map has changes that are not saved in the project. Discarded changes are lost.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_widget_set_name (GTK_WIDGET (dialog), "close-map-dialog");
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Enabled only while there is something to save, so that the toolbar's
 * Save button also says whether the map has unsaved edits. */
static void
update_save_action (WmWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-map",
                                 wm_session_get_project (self->session) != NULL &&
                                 _wm_window_map_get_dirty (self));
}

static void
dirty_changed_cb (WmWindow *self)
{
  _wm_window_update_title (self);
  update_save_action (self);
}

void
_wm_window_map_init (WmWindow *self)
{
  self->map_page = wm_map_page_new (self->session);
  wm_window_set_page (self, "map", GTK_WIDGET (wm_map_page_get_editor (self->map_page)));
  g_signal_connect_object (wm_map_page_get_editor (self->map_page), "notify::dirty",
                           G_CALLBACK (dirty_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->map_page, "failed", G_CALLBACK (map_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->map_page, "recovery-found", G_CALLBACK (recovery_found_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::project", G_CALLBACK (update_save_action), self,
                           G_CONNECT_SWAPPED);
  update_save_action (self);
}

void
_wm_window_map_class_init (WmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.save-map", NULL, save_map_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save-map", NULL);
}

WmMapPage *
wm_window_get_map_page (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);
  return self->map_page;
}
