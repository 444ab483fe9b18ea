/* wm-window.c: the main window: one project, four views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-import-dialog.h"
#include "wm-recent.h"
#include "wm-window-private.h"

G_DEFINE_FINAL_TYPE (WmWindow, wm_window, ADW_TYPE_APPLICATION_WINDOW)

void
_wm_window_update_title (WmWindow *self)
{
  WmProject *project = wm_session_get_project (self->session);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  const char *path;

  if (project == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Waymark"));
      adw_view_switcher_title_set_title (self->switcher_title, _("Waymark"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      return;
    }

  path = wm_project_get_path (project);
  name = g_path_get_basename (path);
  if (g_str_has_suffix (name, ".waymark"))
    name[strlen (name) - strlen (".waymark")] = '\0';

  if (_wm_window_map_get_dirty (self))
    {
      g_autofree char *marked = g_strdup_printf ("• %s", name);

      /* Translators: the window title, e.g. "Bank demo — Waymark" */
      title = g_strdup_printf (_("%s — Waymark"), marked);
      gtk_window_set_title (GTK_WINDOW (self), title);
      adw_view_switcher_title_set_title (self->switcher_title, marked);
      adw_view_switcher_title_set_subtitle (self->switcher_title, _("Unsaved changes"));
      return;
    }

  /* Translators: the window title, e.g. "Bank demo — Waymark" */
  title = g_strdup_printf (_("%s — Waymark"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_title (self->switcher_title, name);
  adw_view_switcher_title_set_subtitle (self->switcher_title, path);
}

/* The bar replaces the header's switcher when the window is narrow, and
 * only while there are views to switch. */
static void
update_switcher_bar (WmWindow *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_view_switcher_title_get_title_visible (self->switcher_title) &&
                                    wm_session_get_project (self->session) != NULL);
}

static void
on_project_changed (WmWindow *self)
{
  gboolean open = wm_session_get_project (self->session) != NULL;

  _wm_window_update_title (self);
  gtk_spinner_stop (self->busy_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, open ? "project" : "welcome");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, open);
  update_switcher_bar (self);
  _wm_window_actions_update (self);
}

gboolean
wm_window_is_project_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && g_str_has_suffix (name, ".waymark");
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         WmWindow      *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GListStore) imports = g_list_store_new (G_TYPE_FILE);

  for (GSList *l = files; l != NULL; l = l->next)
    {
      if (wm_window_is_project_file (l->data))
        {
          wm_window_open_file (self, l->data);
          return TRUE;
        }
      g_list_store_append (imports, l->data);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (imports)) == 0)
    return FALSE;

  wm_window_import (self, G_LIST_MODEL (imports));
  return TRUE;
}

static gboolean
wm_window_close_request (GtkWindow *window)
{
  WmWindow *self = WM_WINDOW (window);
  int width, height;

  if (_wm_window_map_confirm_close (self))
    return TRUE;

  /* The unmaximized size, so that unmaximizing next time looks right. */
  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (wm_window_parent_class)->close_request (window);
}

static void
wm_window_dispose (GObject *object)
{
  WmWindow *self = WM_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_WINDOW);
  g_clear_object (&self->map_page);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wm_window_parent_class)->dispose (object);
}

static void
wm_window_class_init (WmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = wm_window_dispose;
  window_class->close_request = wm_window_close_request;

  g_type_ensure (WM_TYPE_DATA_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/wm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, busy_page);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, map_slot);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, flow_slot);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, funnel_slot);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, data_page);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, recent_section);

  _wm_window_class_actions_init (klass);
  _wm_window_map_class_init (klass);
}

static void
wm_window_init (WmWindow *self)
{
  GtkDropTarget *drop;
  g_autofree char *view = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->session = wm_session_new ();
  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  view = g_settings_get_string (self->settings, "default-view");
  adw_view_stack_set_visible_child_name (self->view_stack, view);

  wm_data_page_set_session (self->data_page, self->session);
  _wm_window_map_init (self);
  g_signal_connect_object (self->session, "notify::project",
                           G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (update_switcher_bar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (_wm_window_update_recent_menu), self, G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", FALSE);
  _wm_window_add_analysis_pages (self);
  on_project_changed (self);
  _wm_window_update_recent_menu (self);
}

WmWindow *
wm_window_new (WmApplication *application)
{
  return g_object_new (WM_TYPE_WINDOW, "application", application, NULL);
}

WmSession *
wm_window_get_session (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  return self->session;
}

WmDataPage *
wm_window_get_data_page (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  return self->data_page;
}

gboolean
wm_window_open_project (WmWindow  *self,
                        GFile     *file,
                        GError   **error)
{
  g_autofree char *path = NULL;
  g_autoptr(WmProject) project = NULL;

  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a local file; copy it to this computer and open the copy"), uri);
      return FALSE;
    }

  project = wm_project_open (path, WM_PROJECT_OPEN_DEFAULT, error);
  if (project == NULL)
    return FALSE;

  wm_session_set_project (self->session, project);
  wm_recent_add (self->settings, path);
  return TRUE;
}

void
wm_window_open_file (WmWindow *self,
                     GFile    *file)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (WM_IS_WINDOW (self));

  if (!wm_window_open_project (self, file, &error))
    wm_window_show_error (self, _("Could Not Open the Project"), error->message);
}

void
wm_window_show_error (WmWindow   *self,
                      const char *heading,
                      const char *body)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (WM_IS_WINDOW (self));

  /* A first run's spinner must not stay forever. */
  on_project_changed (self);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkBox *
slot_for_name (WmWindow   *self,
               const char *name)
{
  if (g_strcmp0 (name, "map") == 0)
    return self->map_slot;
  if (g_strcmp0 (name, "flow") == 0)
    return self->flow_slot;
  if (g_strcmp0 (name, "funnel") == 0)
    return self->funnel_slot;

  return NULL;
}

void
wm_window_set_page (WmWindow   *self,
                    const char *name,
                    GtkWidget  *widget)
{
  GtkBox *slot;
  GtkWidget *child;

  g_return_if_fail (WM_IS_WINDOW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  slot = slot_for_name (self, name);
  g_return_if_fail (slot != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (slot))) != NULL)
    gtk_box_remove (slot, child);

  gtk_widget_set_vexpand (widget, TRUE);
  gtk_box_append (slot, widget);
}

void
wm_window_show_view (WmWindow   *self,
                     const char *name)
{
  g_return_if_fail (WM_IS_WINDOW (self));
  g_return_if_fail (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL);

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
wm_window_get_visible_view (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
wm_window_import (WmWindow   *self,
                  GListModel *files)
{
  WmImportDialog *dialog;

  g_return_if_fail (WM_IS_WINDOW (self));

  if (wm_session_get_project (self->session) == NULL)
    {
      wm_window_add_toast (self, _("Create or open a project first, then import touchpoint logs into it"));
      return;
    }

  dialog = wm_import_dialog_new (GTK_WINDOW (self), self->session);
  gtk_window_present (GTK_WINDOW (dialog));
  if (files != NULL)
    wm_import_dialog_set_files (dialog, files);
  else
    wm_import_dialog_choose_file (dialog);
}

void
wm_window_add_toast (WmWindow   *self,
                     const char *message)
{
  g_return_if_fail (WM_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* libadwaita 1.2 frees a toast's state when its hiding animation ends; if
 * its showing animation (500 ms when it replaced another toast) still
 * runs then, that one ends on freed memory and the application crashes.
 * A progress toast is shown at once (high priority) and dismissed no
 * sooner than its showing animation can last. */
#define PROGRESS_TOAST_MIN_US (600 * G_TIME_SPAN_MILLISECOND)

AdwToast *
wm_window_add_progress_toast (WmWindow   *self,
                              const char *message)
{
  AdwToast *toast;
  gint64 *added;

  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  toast = adw_toast_new (message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  added = g_new (gint64, 1);
  *added = g_get_monotonic_time ();
  g_object_set_data_full (G_OBJECT (toast), "wm-added", added, g_free);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return toast;
}

static gboolean
dismiss_toast (gpointer toast)
{
  adw_toast_dismiss (toast);
  return G_SOURCE_REMOVE;
}

void
wm_window_end_progress_toast (AdwToast *toast)
{
  const gint64 *added;
  gint64 left;

  g_return_if_fail (ADW_IS_TOAST (toast));

  added = g_object_get_data (G_OBJECT (toast), "wm-added");
  left = added != NULL ? PROGRESS_TOAST_MIN_US - (g_get_monotonic_time () - *added) : 0;
  if (left <= 0)
    adw_toast_dismiss (toast);
  else
    g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) (left / G_TIME_SPAN_MILLISECOND) + 1, dismiss_toast,
                        g_object_ref (toast), g_object_unref);
}

void
wm_window_set_busy (WmWindow   *self,
                    const char *title,
                    const char *description)
{
  g_return_if_fail (WM_IS_WINDOW (self));

  adw_status_page_set_title (self->busy_page, title);
  adw_status_page_set_description (self->busy_page, description);
  gtk_spinner_start (self->busy_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "busy");
}
