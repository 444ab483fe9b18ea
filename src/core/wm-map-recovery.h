/* wm-map-recovery.h: unsaved journey-map edits kept aside, so that a crash
 * loses at most the last few seconds of work
 *
 * A project's recovery file lives in
 * g_get_user_state_dir()/waymark/recovery/<SHA-256 of its absolute path>.json
 * (never beside the project: that folder may be read-only or shared). It is
 * written atomically (write, then rename), so it always holds a whole
 * document, and removed once the map is saved or the edits discarded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-journey-map.h"
#include "wm-project.h"

G_BEGIN_DECLS

/* The recovery file of the project at @project_path. */
char         *wm_map_recovery_path     (const char    *project_path);
/* Writes @map's document to @path (creating its folder) atomically. */
gboolean      wm_map_recovery_write    (const char    *path,
                                        WmJourneyMap  *map,
                                        GError       **error);
/* The map to offer back for @project: the one in @path when that file
 * exists, was written after the project's map was last saved, and differs
 * from it. NULL without @error when there is nothing to offer; NULL with
 * @error when the file cannot be read or parsed. */
WmJourneyMap *wm_map_recovery_find     (const char    *path,
                                        WmProject     *project,
                                        GError       **error);
/* Removes @path; a missing file is not an error. */
gboolean      wm_map_recovery_discard  (const char    *path,
                                        GError       **error);

G_END_DECLS
