/* wm-window.h: the main window: one project, four views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wm-application.h"
#include "wm-data-page.h"
#include "wm-map-page.h"
#include "wm-session.h"

G_BEGIN_DECLS

#define WM_TYPE_WINDOW (wm_window_get_type ())
G_DECLARE_FINAL_TYPE (WmWindow, wm_window, WM, WINDOW, AdwApplicationWindow)

WmWindow   *wm_window_new              (WmApplication *application);
WmSession  *wm_window_get_session      (WmWindow      *self);
WmDataPage *wm_window_get_data_page    (WmWindow      *self);
WmMapPage  *wm_window_get_map_page     (WmWindow      *self);
/* Opens @file, replacing the current project only on success. */
gboolean    wm_window_open_project     (WmWindow      *self,
                                        GFile         *file,
                                        GError       **error);
/* As wm_window_open_project(), telling the user what went wrong. */
void        wm_window_open_file        (WmWindow      *self,
                                        GFile         *file);
/* Fills the view @name ("map", "flow" or "funnel") with @widget, replacing
 * its empty state. */
void        wm_window_set_page         (WmWindow      *self,
                                        const char    *name,
                                        GtkWidget     *widget);
/* Shows the view @name: "map", "flow", "funnel" or "data". */
void        wm_window_show_view        (WmWindow      *self,
                                        const char    *name);
const char *wm_window_get_visible_view (WmWindow      *self);
/* Opens the import dialog for @files (GFile items, imported one after
 * another), or asks for files when NULL. */
void        wm_window_import           (WmWindow      *self,
                                        GListModel    *files);
/* Ends a busy state and shows @body in a message dialog. */
void        wm_window_show_error       (WmWindow      *self,
                                        const char    *heading,
                                        const char    *body);
/* A .waymark file: opened rather than imported when dropped or passed. */
gboolean    wm_window_is_project_file  (GFile         *file);
void        wm_window_add_toast        (WmWindow      *self,
                                        const char    *message);
/* A toast that tells of work under way: shown at once, until
 * wm_window_end_progress_toast() is called with it. */
AdwToast   *wm_window_add_progress_toast (WmWindow    *self,
                                          const char  *message);
void        wm_window_end_progress_toast (AdwToast    *toast);
/* Replaces the views with a spinner and @title while a project is being
 * prepared; wm_window_open_project() ends it. */
void        wm_window_set_busy         (WmWindow      *self,
                                        const char    *title,
                                        const char    *description);

G_END_DECLS
