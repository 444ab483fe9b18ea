/* wm-page-controls.h: what the Flow and Funnel pages' controls share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The conversion/flow windows offered: 1 hour … 30 days. */
GtkStringList *wm_page_window_model        (void);
gint64         wm_page_window_seconds      (guint        position);
/* The position of @seconds, or of the nearest longer window. */
guint          wm_page_window_position     (gint64       seconds);

/* A drop-down with a search entry over @model's strings. */
GtkDropDown   *wm_page_search_drop_down    (GListModel  *model);
/* Position of @name in @list, or GTK_INVALID_LIST_POSITION. */
guint          wm_page_string_position     (GtkStringList *list,
                                            const char    *name);

/* Called with the name typed (trimmed, not empty) when the user saves. */
typedef void (*WmPageNameFunc) (const char *name,
                                gpointer    user_data);
/* Asks for a name in a dialog over @widget's window; @func gets @owner,
 * if @owner still exists when the user saves. */
void           wm_page_ask_name            (GtkWidget      *widget,
                                            const char     *heading,
                                            const char     *body,
                                            const char     *initial,
                                            const char     *accept,
                                            WmPageNameFunc  func,
                                            GObject        *owner);

/* Shows @message under @heading in a dialog over @widget's window. */
void           wm_page_show_error          (GtkWidget      *widget,
                                            const char     *heading,
                                            const char     *message);

G_END_DECLS
