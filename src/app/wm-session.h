/* wm-session.h: the open project and the journeys analysed from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wm-analysis.h"
#include "wm-project.h"

G_BEGIN_DECLS

#define WM_TYPE_SESSION (wm_session_get_type ())
G_DECLARE_FINAL_TYPE (WmSession, wm_session, WM, SESSION, GObject)

WmSession  *wm_session_new            (void);
WmProject  *wm_session_get_project    (WmSession *self);
/* Replaces the project and starts loading its journeys. */
void        wm_session_set_project    (WmSession *self,
                                       WmProject *project);
/* NULL while loading, or when loading failed. */
WmJourneys *wm_session_get_journeys   (WmSession *self);
gboolean    wm_session_get_loading    (WmSession *self);
/* Says that events were imported: emits "events-changed" and reloads the
 * journeys (cancelling a load still running). */
void        wm_session_events_changed (WmSession *self);

G_END_DECLS
