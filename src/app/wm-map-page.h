/* wm-map-page.h: the Map view's glue between the session and the editor
 *
 * Loads the open project's map into a WmMapEditor, gives it the dataset's
 * touchpoints and the map's live numbers (computed in workers, again when
 * the journeys change or an edit changes what the numbers depend on), saves
 * it, and keeps unsaved edits in a recovery file (wm-map-recovery.h) while
 * they are unsaved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-map-editor.h"
#include "wm-session.h"

G_BEGIN_DECLS

/* Seconds between autosaves while the map has unsaved edits. */
#define WM_MAP_PAGE_AUTOSAVE_S 30
/* Quiet milliseconds after an edit before the recovery file is written and
 * before the numbers are recomputed. */
#define WM_MAP_PAGE_IDLE_MS    1500
#define WM_MAP_PAGE_METRICS_MS 300

#define WM_TYPE_MAP_PAGE (wm_map_page_get_type ())
G_DECLARE_FINAL_TYPE (WmMapPage, wm_map_page, WM, MAP_PAGE, GObject)

/* Signals:
 *  "metrics-changed": new numbers are on the editor;
 *  "recovery-found": the opened project has unsaved edits from an earlier
 *    run; answer with wm_map_page_restore() or wm_map_page_discard();
 *  "failed" (heading, message): something the user should hear about. */
WmMapPage          *wm_map_page_new            (WmSession  *session);
WmMapEditor        *wm_map_page_get_editor     (WmMapPage  *self);
/* The numbers on the editor; NULL before the first arrive. */
const WmMapMetrics *wm_map_page_get_metrics    (WmMapPage  *self);
gboolean            wm_map_page_get_dirty      (WmMapPage  *self);
/* Stores the map in the project and drops the recovery file. */
gboolean            wm_map_page_save           (WmMapPage  *self,
                                                GError    **error);
/* Writes the recovery file now (FALSE with @error if it cannot). */
gboolean            wm_map_page_autosave       (WmMapPage  *self,
                                                GError    **error);
/* The recovery file of the open project (NULL without one). */
const char         *wm_map_page_get_recovery_path (WmMapPage *self);
gboolean            wm_map_page_has_recovery   (WmMapPage  *self);
/* Puts the recovered map in the editor, unsaved. */
void                wm_map_page_restore        (WmMapPage  *self);
/* Forgets the unsaved edits kept aside (the editor keeps what it shows). */
void                wm_map_page_discard        (WmMapPage  *self);

G_END_DECLS
