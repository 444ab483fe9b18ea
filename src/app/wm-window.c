/* wm-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-project.h"
#include "wm-window.h"

struct _WmWindow
{
  AdwApplicationWindow  parent_instance;

  WmProject            *project;

  AdwWindowTitle       *title;
  AdwStatusPage        *status;
};

G_DEFINE_FINAL_TYPE (WmWindow, wm_window, ADW_TYPE_APPLICATION_WINDOW)

static void
wm_window_dispose (GObject *object)
{
  WmWindow *self = WM_WINDOW (object);

  g_clear_object (&self->project);

  G_OBJECT_CLASS (wm_window_parent_class)->dispose (object);
}

static void
wm_window_class_init (WmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/wm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WmWindow, title);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, status);
}

static void
wm_window_init (WmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

WmWindow *
wm_window_new (WmApplication *application)
{
  return g_object_new (WM_TYPE_WINDOW, "application", application, NULL);
}

void
wm_window_open_file (WmWindow *self,
                     GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(WmProject) project = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (WM_IS_WINDOW (self));

  if (path == NULL || !(project = wm_project_open (path, WM_PROJECT_OPEN_DEFAULT, &error)))
    {
      adw_status_page_set_title (self->status, _("Could Not Open Project"));
      adw_status_page_set_description (self->status, error ? error->message : _("Only local files can be opened"));
      return;
    }

  g_set_object (&self->project, project);
  name = g_file_get_basename (file);
  if (g_str_has_suffix (name, ".waymark"))
    name[strlen (name) - strlen (".waymark")] = '\0';
  adw_window_title_set_title (self->title, name);
  /* Translators: the window title, e.g. "Bank demo — Waymark" */
  title = g_strdup_printf (_("%s — Waymark"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_status_page_set_title (self->status, name);
  adw_status_page_set_description (self->status, NULL);
}
