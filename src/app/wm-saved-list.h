/* wm-saved-list.h: a page's saved views of one kind: open, rename, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-project.h"
#include "wm-saved-analysis.h"

G_BEGIN_DECLS

#define WM_TYPE_SAVED_LIST (wm_saved_list_get_type ())
G_DECLARE_FINAL_TYPE (WmSavedList, wm_saved_list, WM, SAVED_LIST, GtkBox)

/* Lists the saved analyses of @kind (WM_SAVED_KIND_*); @empty says that
 * there are none. "open" (const WmSavedAnalysis *) is emitted when one is
 * activated. */
GtkWidget             *wm_saved_list_new         (const char   *kind,
                                                  const char   *empty);
/* Lists @project's (NULL: none). */
void                   wm_saved_list_set_project (WmSavedList  *self,
                                                  WmProject    *project);
/* Reads the list again, e.g. after a save. */
void                   wm_saved_list_reload      (WmSavedList  *self);
/* The saved analyses listed (WmSavedAnalysis *), oldest first. */
GPtrArray             *wm_saved_list_get_items   (WmSavedList  *self);
const WmSavedAnalysis *wm_saved_list_find        (WmSavedList  *self,
                                                  gint64        id);

G_END_DECLS
