/* wm-ui-test.h: what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wm-project.h"

G_BEGIN_DECLS

/* gtk_test_init() and libadwaita, for a test under Xvfb. */
void       wm_ui_test_init        (int           *argc,
                                   char        ***argv);
/* A new project "NAME.waymark" in a fresh temporary folder, with the files
 * of tests/data/import named in @imports (NULL-terminated) imported. */
WmProject *wm_ui_test_project     (const char    *name,
                                   const char   **imports);
/* A new project "Bank demo" holding the demo's @customers (and its map and
 * saved views), generated from @seed. */
WmProject *wm_ui_test_demo_project (guint          customers,
                                    guint64        seed);
/* Runs the main loop until @done (@data) holds. */
void       wm_ui_test_spin_until  (gboolean     (*done) (gpointer data),
                                   gpointer       data);
/* Runs the main loop until @object's boolean @property is FALSE. */
void       wm_ui_test_wait_false  (gpointer       object,
                                   const char    *property);
/* g_assert_finalize_object() once the workers let go of @object. */
void       wm_ui_test_finalize    (gpointer       object);
gint64     wm_ui_test_count       (WmProject     *project,
                                   const char    *sql);

G_END_DECLS
