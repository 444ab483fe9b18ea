/* wm-session-journeys.c: loads a project's journeys for the session
 *
 * Kept apart from wm-session.c so that the app builds before the analysis
 * engine is linked in (see src/app/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-session-private.h"

WmJourneys *
_wm_session_load_journeys (WmProject     *project,
                           GCancellable  *cancellable,
                           GError       **error)
{
  /* On a connection of its own: the main thread keeps using the session's. */
  g_autoptr(WmProject) own = wm_project_reopen (project, error);

  if (own == NULL)
    return NULL;

  return wm_journeys_load (own, NULL, NULL, cancellable, error);
}
