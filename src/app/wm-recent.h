/* wm-recent.h: the recent-projects list kept in GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WM_RECENT_MAX 10

/* Moves @path to the front, keeping at most WM_RECENT_MAX paths. */
void    wm_recent_add           (GSettings *settings,
                                 const char *path);
/* The recent paths whose files still exist, newest first. */
char  **wm_recent_list_existing (GSettings *settings);

G_END_DECLS
