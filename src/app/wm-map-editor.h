/* wm-map-editor.h: the journey map page — toolbar, canvas, and a panel to
 * edit the selected card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wm-map-canvas.h"
#include "wm-project.h"

G_BEGIN_DECLS

#define WM_TYPE_MAP_EDITOR (wm_map_editor_get_type ())
G_DECLARE_FINAL_TYPE (WmMapEditor, wm_map_editor, WM, MAP_EDITOR, AdwBin)

/* Properties: "dirty" (read-only, notified: unsaved edits). */
GtkWidget     *wm_map_editor_new             (void);

/* Loads @project's map (an empty one if it has none) with a fresh undo
 * history; FALSE (and the editor unchanged) when it cannot be read.
 * NULL closes. wm_map_editor_save() writes back to it. */
gboolean       wm_map_editor_set_project     (WmMapEditor         *self,
                                              WmProject           *project,
                                              GError             **error);
/* Edits @map (not saved anywhere by the editor) with a fresh history. */
void           wm_map_editor_set_map         (WmMapEditor         *self,
                                              WmJourneyMap        *map);
WmJourneyMap  *wm_map_editor_get_map         (WmMapEditor         *self);
WmMapHistory  *wm_map_editor_get_history     (WmMapEditor         *self);
WmMapCanvas   *wm_map_editor_get_canvas      (WmMapEditor         *self);

/* The dataset's touchpoints a card can be bound to, with their customer
 * counts (copied). */
void           wm_map_editor_set_touchpoints (WmMapEditor         *self,
                                              const char * const  *names,
                                              const guint64       *customers,
                                              guint                n_touchpoints);
/* The numbers over the map (copied); NULL hides them. */
void           wm_map_editor_set_metrics     (WmMapEditor         *self,
                                              const WmMapMetrics  *metrics);

/* Stores the map in the project given to wm_map_editor_set_project(). */
gboolean       wm_map_editor_save            (WmMapEditor         *self,
                                              GError             **error);
gboolean       wm_map_editor_get_dirty       (WmMapEditor         *self);

G_END_DECLS
