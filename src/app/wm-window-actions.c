/* wm-window-actions.c: the window's actions and shortcuts, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-error.h"
#include "wm-present.h"
#include "wm-recent.h"
#include "wm-window-private.h"

static GtkFileFilter *
project_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Waymark Projects"));
  gtk_file_filter_add_mime_type (filter, "application/x-waymark");
  gtk_file_filter_add_pattern (filter, "*.waymark");

  return filter;
}

static void
create_project (WmWindow *self,
                GFile    *chosen)
{
  g_autofree char *path = g_file_get_path (chosen);
  g_autofree char *name = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(WmProject) project = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      wm_window_show_error (self, _("Could Not Create the Project"),
                  _("Projects can only be created on this computer’s disks; choose a folder there"));
      return;
    }

  if (!g_str_has_suffix (path, ".waymark"))
    {
      char *with_suffix = g_strconcat (path, ".waymark", NULL);

      g_free (path);
      path = with_suffix;
    }

  /* Never replace an existing file: it may hold someone's data. */
  name = g_path_get_basename (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *body = g_strdup_printf (_("“%s” already exists. Open it with Open…, or choose another name for the new project."), name);

      wm_window_show_error (self, _("Could Not Create the Project"), body);
      return;
    }

  project = wm_project_open (path, WM_PROJECT_OPEN_CREATE, &error);
  if (project == NULL)
    {
      wm_window_show_error (self, _("Could Not Create the Project"), error->message);
      return;
    }

  g_clear_object (&project);
  file = g_file_new_for_path (path);
  wm_window_open_file (self, file);
}

static void
new_project_response (GtkNativeDialog *native,
                      int              response,
                      WmWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      create_project (self, chosen);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
new_project_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  WmWindow *self = WM_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = project_filter ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("New Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Create"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  /* Translators: the file name offered for a new project; keep .waymark */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Untitled.waymark"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (new_project_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_response (GtkNativeDialog *native,
               int              response,
               WmWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      wm_window_open_file (self, file);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  WmWindow *self = WM_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = project_filter ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Open Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (param, NULL));

  wm_window_open_file (WM_WINDOW (widget), file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  wm_window_import (WM_WINDOW (widget), NULL);
}

/* Export and Present belong to the chart in the visible view: the window
 * forwards them to "view.export-chart" / "view.present" there. They stay
 * disabled until a chart view enables them (gtk_widget_action_set_enabled
 * on the window) when it shows a chart. */
static void
chart_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  WmWindow *self = WM_WINDOW (widget);
  GtkWidget *view = adw_view_stack_get_visible_child (self->view_stack);
  GtkWidget *chart = view ? gtk_widget_get_first_child (view) : NULL;
  const char *forward = g_str_equal (action_name, "win.present") ? "view.present" : "view.export-chart";

  /* The views without slides of their own present the project's. */
  if ((chart == NULL || !gtk_widget_activate_action (chart, forward, NULL)) &&
      g_str_equal (action_name, "win.present"))
    wm_present_start (widget, self->session, NULL);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  wm_window_show_view (WM_WINDOW (widget), g_variant_get_string (param, NULL));
}

void
_wm_window_class_actions_init (WmWindowClass *klass)
{
  static const char * const views[] = { "map", "flow", "funnel", "data" };
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, chart_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, chart_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-view", "s", views[i]);
}

void
_wm_window_actions_update (WmWindow *self)
{
  gboolean open = wm_session_get_project (self->session) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", open);
}

void
_wm_window_update_recent_menu (WmWindow *self)
{
  g_auto(GStrv) paths = wm_recent_list_existing (self->settings);

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (paths[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", paths[i]);
      g_menu_append_item (self->recent_section, item);
    }

  /* An item without an action shows greyed out: says why the list is empty. */
  if (paths[0] == NULL)
    g_menu_append (self->recent_section, _("No Recent Projects"), NULL);
}
