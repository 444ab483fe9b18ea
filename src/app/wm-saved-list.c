/* wm-saved-list.c: a page's saved views of one kind: open, rename, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wm-page-controls.h"
#include "wm-saved-list.h"

struct _WmSavedList
{
  GtkBox      parent_instance;

  char       *kind;
  char       *empty;
  WmProject  *project;
  GPtrArray  *items;      /* WmSavedAnalysis * */
  GtkListBox *list;
  gint64      renaming;   /* the id the rename dialog is about */
};

G_DEFINE_FINAL_TYPE (WmSavedList, wm_saved_list, GTK_TYPE_BOX)

enum { OPEN, N_SIGNALS };
static guint signals[N_SIGNALS];

static gint64
widget_id (GtkWidget *widget)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (widget), "wm-id");
}

static void
set_id (GObject *object,
        gint64   id)
{
  g_object_set_data_full (object, "wm-id", g_memdup2 (&id, sizeof id), g_free);
}

static void
row_activated (GtkWidget   *row,
               WmSavedList *self)
{
  const WmSavedAnalysis *saved = wm_saved_list_find (self, widget_id (row));

  if (saved != NULL)
    g_signal_emit (self, signals[OPEN], 0, saved);
}

static void
renamed (const char *name,
         gpointer    user_data)
{
  WmSavedList *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->project != NULL && !wm_saved_analysis_rename (self->project, self->renaming, name, &error))
    wm_page_show_error (GTK_WIDGET (self), _("Could Not Rename the Saved View"), error->message);
  wm_saved_list_reload (self);
}

static void
rename_clicked (GtkWidget   *button,
                WmSavedList *self)
{
  const WmSavedAnalysis *saved = wm_saved_list_find (self, widget_id (button));

  if (saved == NULL)
    return;

  self->renaming = saved->id;
  wm_page_ask_name (GTK_WIDGET (self), _("Rename Saved View"), NULL, saved->name, _("_Rename"),
                    renamed, G_OBJECT (self));
}

static void
delete_response (AdwMessageDialog *dialog,
                 const char       *response,
                 WmSavedList      *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete") || self->project == NULL)
    return;
  if (!wm_saved_analysis_delete (self->project, widget_id (GTK_WIDGET (dialog)), &error))
    wm_page_show_error (GTK_WIDGET (self), _("Could Not Delete the Saved View"), error->message);
  wm_saved_list_reload (self);
}

static void
delete_clicked (GtkWidget   *button,
                WmSavedList *self)
{
  const WmSavedAnalysis *saved = wm_saved_list_find (self, widget_id (button));
  GtkRoot *root = gtk_widget_get_root (button);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (saved == NULL)
    return;

  heading = g_strdup_printf (_("Delete “%s”?"), saved->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                                       _("The saved view is removed from the project")));
  set_id (G_OBJECT (dialog), saved->id);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
row_button (const char            *icon,
            const char            *tooltip,
            const WmSavedAnalysis *saved,
            GCallback              callback,
            WmSavedList           *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  set_id (G_OBJECT (button), saved->id);
  g_signal_connect (button, "clicked", callback, self);

  return button;
}

void
wm_saved_list_reload (WmSavedList *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (WM_IS_SAVED_LIST (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  if (self->project != NULL)
    self->items = wm_saved_analysis_list (self->project, self->kind, &error);
  if (self->items == NULL)
    self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_saved_analysis_free);
  if (error != NULL)
    g_warning ("Saved views not listed: %s", error->message);

  for (guint i = 0; i < self->items->len; i++)
    {
      const WmSavedAnalysis *saved = g_ptr_array_index (self->items, i);
      g_autofree char *tooltip_rename = g_strdup_printf (_("Rename “%s”"), saved->name);
      g_autofree char *tooltip_delete = g_strdup_printf (_("Delete “%s”"), saved->name);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), saved->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Open"));
      set_id (G_OBJECT (row), saved->id);
      g_signal_connect (row, "activated", G_CALLBACK (row_activated), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button ("document-edit-symbolic", tooltip_rename, saved,
                                             G_CALLBACK (rename_clicked), self));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button ("user-trash-symbolic", tooltip_delete, saved,
                                             G_CALLBACK (delete_clicked), self));
      gtk_list_box_append (self->list, row);
    }

  if (self->items->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->empty);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->list, row);
    }
}

static void
wm_saved_list_finalize (GObject *object)
{
  WmSavedList *self = WM_SAVED_LIST (object);

  g_free (self->kind);
  g_free (self->empty);
  g_clear_object (&self->project);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (wm_saved_list_parent_class)->finalize (object);
}

static void
wm_saved_list_class_init (WmSavedListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_saved_list_finalize;

  signals[OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
wm_saved_list_init (WmSavedList *self)
{
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_hexpand (GTK_WIDGET (self->list), TRUE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->list));
}

GtkWidget *
wm_saved_list_new (const char *kind,
                   const char *empty)
{
  WmSavedList *self = g_object_new (WM_TYPE_SAVED_LIST, NULL);

  self->kind = g_strdup (kind);
  self->empty = g_strdup (empty);
  wm_saved_list_reload (self);

  return GTK_WIDGET (self);
}

void
wm_saved_list_set_project (WmSavedList *self,
                           WmProject   *project)
{
  g_return_if_fail (WM_IS_SAVED_LIST (self));

  g_set_object (&self->project, project);
  wm_saved_list_reload (self);
}

GPtrArray *
wm_saved_list_get_items (WmSavedList *self)
{
  g_return_val_if_fail (WM_IS_SAVED_LIST (self), NULL);

  return self->items;
}

const WmSavedAnalysis *
wm_saved_list_find (WmSavedList *self,
                    gint64       id)
{
  g_return_val_if_fail (WM_IS_SAVED_LIST (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    if (((WmSavedAnalysis *) g_ptr_array_index (self->items, i))->id == id)
      return g_ptr_array_index (self->items, i);

  return NULL;
}
