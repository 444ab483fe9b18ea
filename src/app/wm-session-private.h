/* wm-session-private.h: the session's seam to the analysis engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-session.h"

G_BEGIN_DECLS

/* Runs in a worker thread: wm_journeys_load() for @project. */
WmJourneys *_wm_session_load_journeys (WmProject     *project,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
