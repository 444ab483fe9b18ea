/* wm-application.c: app actions, style, and which project opens first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "wm-application.h"
#include "wm-demo.h"
#include "wm-preferences-window.h"
#include "wm-recent.h"
#include "wm-window.h"

struct _WmApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (WmApplication, wm_application, ADW_TYPE_APPLICATION)

static WmWindow *
get_window (WmApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (WM_IS_WINDOW (window))
    return WM_WINDOW (window);

  return wm_window_new (self);
}

/* Runs in a worker: writes the demo under a temporary name, so that an
 * interrupted run never leaves a half-written project behind. */
static void
write_demo_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  const char *path = task_data;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *partial = g_strconcat (path, ".part", NULL);
  g_autoptr(WmProject) project = NULL;
  g_autoptr(GError) error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return;
    }

  g_unlink (partial);
  project = wm_project_open (partial, WM_PROJECT_OPEN_CREATE, &error);
  if (project == NULL ||
      !wm_demo_write_project (project, WM_DEMO_DEFAULT_CUSTOMERS, WM_DEMO_DEFAULT_SEED, &error))
    {
      g_clear_object (&project);
      g_unlink (partial);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Closing checkpoints the write-ahead log into the file before the rename. */
  g_clear_object (&project);
  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Could not save the demo project as “%s”: %s"), path, g_strerror (saved_errno));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
write_demo_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(WmWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  const char *path = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = g_strdup_printf (_("%s. Create a project with New Project… instead."),
                                                  error->message);

      wm_window_show_error (window, _("Could Not Prepare the Demo Project"), message);
      return;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    wm_window_open_file (window, file);
  }
}

/* Last project still there, else the demo, made once. */
static void
open_startup_project (WmApplication *self,
                      WmWindow      *window)
{
  g_auto(GStrv) recent = wm_recent_list_existing (self->settings);
  /* Translators: the file name of the demo project, without .waymark */
  g_autofree char *name = g_strconcat (_("Bank demo"), ".waymark", NULL);
  g_autofree char *demo = g_build_filename (g_get_user_data_dir (), "waymark", name, NULL);
  g_autoptr(GTask) task = NULL;

  if (recent[0] != NULL || g_file_test (demo, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (recent[0] ? recent[0] : demo);

      wm_window_open_file (window, file);
      return;
    }

  wm_window_set_busy (window, _("Preparing the Demo Project"),
                      _("A retail bank’s payment journey: customers notified by mail who pay in the app, on the web, in the phone menu or with an agent"));

  task = g_task_new (NULL, NULL, write_demo_done, g_object_ref (window));
  g_task_set_task_data (task, g_steal_pointer (&demo), g_free);
  g_task_run_in_thread (task, write_demo_worker);
}

static void
wm_application_activate (GApplication *app)
{
  WmApplication *self = WM_APPLICATION (app);
  WmWindow *window = get_window (self);

  gtk_window_present (GTK_WINDOW (window));
  if (wm_session_get_project (wm_window_get_session (window)) == NULL)
    open_startup_project (self, window);
}

/* Projects open; logs are imported into the project open then (the most
 * recent one when the window has none). */
static void
wm_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  WmApplication *self = WM_APPLICATION (app);
  WmWindow *window = get_window (self);
  g_autoptr(GListStore) imports = g_list_store_new (G_TYPE_FILE);

  gtk_window_present (GTK_WINDOW (window));

  for (int i = 0; i < n_files; i++)
    if (wm_window_is_project_file (files[i]))
      wm_window_open_file (window, files[i]);

  for (int i = 0; i < n_files; i++)
    if (!wm_window_is_project_file (files[i]))
      g_list_store_append (imports, files[i]);

  if (g_list_model_get_n_items (G_LIST_MODEL (imports)) == 0)
    return;

  if (wm_session_get_project (wm_window_get_session (window)) == NULL)
    {
      g_auto(GStrv) recent = wm_recent_list_existing (self->settings);

      if (recent[0] != NULL)
        {
          g_autoptr(GFile) last = g_file_new_for_path (recent[0]);

          wm_window_open_file (window, last);
        }
    }
  wm_window_import (window, G_LIST_MODEL (imports));
}

static void
apply_color_scheme (WmApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Closing (not just quitting) lets each window save its size. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (wm_preferences_window_new (parent)));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  static const char *developers[] = { "Waymark developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_show_about_window (parent,
                         "application-name", _("Waymark"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Waymark developers"),
                         "developers", developers,
                         "comments", _("See where customers flow and where they leak"),
                         "website", "https://github.com/waymark/waymark",
                         "issue-url", "https://github.com/waymark/waymark/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your names, one per line, as you want them credited */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
};

static void
wm_application_startup (GApplication *app)
{
  WmApplication *self = WM_APPLICATION (app);

  G_APPLICATION_CLASS (wm_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (apply_color_scheme), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });
}

static void
wm_application_dispose (GObject *object)
{
  g_clear_object (&WM_APPLICATION (object)->settings);

  G_OBJECT_CLASS (wm_application_parent_class)->dispose (object);
}

static void
wm_application_class_init (WmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = wm_application_dispose;
  app_class->activate = wm_application_activate;
  app_class->open = wm_application_open;
  app_class->startup = wm_application_startup;
}

static void
wm_application_init (WmApplication *self)
{
}

WmApplication *
wm_application_new (void)
{
  return g_object_new (WM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/waymark/Waymark",
                       NULL);
}
