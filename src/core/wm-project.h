/* wm-project.h: one .waymark file, one SQLite database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* PRAGMA user_version of the schema this build writes and reads. */
#define WM_PROJECT_SCHEMA_VERSION 1
/* PRAGMA application_id: "WYMK". */
#define WM_PROJECT_APPLICATION_ID 0x57594D4B

typedef enum
{
  WM_PROJECT_OPEN_DEFAULT   = 0,
  WM_PROJECT_OPEN_CREATE    = 1 << 0, /* create a new, empty project if missing */
  WM_PROJECT_OPEN_READ_ONLY = 1 << 1,
} WmProjectOpenFlags;

#define WM_TYPE_PROJECT (wm_project_get_type ())
G_DECLARE_FINAL_TYPE (WmProject, wm_project, WM, PROJECT, GObject)

/* Refuses (and never modifies) a file that is not a Waymark project, is
 * corrupt, or was written by a newer schema version. */
WmProject  *wm_project_open                (const char          *path,
                                            WmProjectOpenFlags   flags,
                                            GError             **error);
/* A second connection to the same file, with the same access. A connection
 * may only be used by one thread at a time: each worker opens its own. */
WmProject  *wm_project_reopen              (WmProject           *self,
                                            GError             **error);
const char *wm_project_get_path            (WmProject           *self);
gboolean    wm_project_is_read_only        (WmProject           *self);
/* The connection, for other core modules only (bound parameters only!). */
sqlite3    *wm_project_get_db              (WmProject           *self);

/* Runs @sql (no parameters) and turns a failure into a WmError. */
gboolean    wm_project_exec                (WmProject           *self,
                                            const char          *sql,
                                            GError             **error);
/* Runs @sql (no parameters) and reads the first column of its first row. */
gboolean    wm_project_query_int           (WmProject           *self,
                                            const char          *sql,
                                            gint64              *value,
                                            GError             **error);
/* Prepares @sql; on failure sets a WmError. */
sqlite3_stmt *wm_project_prepare           (WmProject           *self,
                                            const char          *sql,
                                            GError             **error);
/* Converts the connection's last SQLite error into a WmError with @what as context. */
void        wm_project_set_sqlite_error    (WmProject           *self,
                                            int                  rc,
                                            const char          *what,
                                            GError             **error);

/* Emitted (on the thread that committed) after events were added, so caches
 * built from them can refresh. */
void        wm_project_events_changed      (WmProject           *self);

/* Journey map document (versioned JSON) stored in the project. */
char       *wm_project_load_map_json       (WmProject           *self,
                                            GError             **error);
gboolean    wm_project_save_map_json       (WmProject           *self,
                                            const char          *json,
                                            GError             **error);
/* When the stored map was last saved, in milliseconds UTC (*saved_at 0:
 * never saved). */
gboolean    wm_project_get_map_saved_at    (WmProject           *self,
                                            gint64              *saved_at,
                                            GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
