/* wm-project.c: one .waymark file, one SQLite database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "wm-error.h"
#include "wm-project.h"

struct _WmProject
{
  GObject   parent_instance;
  char     *path;
  sqlite3  *db;
  guint     read_only : 1;
};

G_DEFINE_FINAL_TYPE (WmProject, wm_project, G_TYPE_OBJECT)

enum {
  EVENTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Version 1.  Dictionary tables keep events compact: customers,
 * touchpoints, channels, and property sets (each distinct JSON object of
 * other fields, stored once).  ts is integer milliseconds UTC.  The view
 * events_named reads like the log that was imported. */
static const char schema_v1[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
  "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE touchpoints (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE channels (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE imports (id INTEGER PRIMARY KEY, file TEXT NOT NULL,"
  "  size INTEGER, sha256 TEXT, format TEXT NOT NULL,"
  "  rows INTEGER NOT NULL DEFAULT 0, rejected INTEGER NOT NULL DEFAULT 0,"
  "  started_at INTEGER NOT NULL, finished_at INTEGER);"
  "CREATE INDEX imports_by_hash ON imports (sha256);"
  "CREATE TABLE property_sets (id INTEGER PRIMARY KEY, json TEXT NOT NULL UNIQUE);"
  "CREATE TABLE events (import INTEGER NOT NULL, customer INTEGER NOT NULL,"
  "  ts INTEGER NOT NULL, touchpoint INTEGER NOT NULL, channel INTEGER,"
  "  property_set INTEGER);"
  "CREATE VIEW events_named AS SELECT e.rowid AS id, e.import AS import,"
  "  c.name AS customer, e.ts AS ts, t.name AS touchpoint, ch.name AS channel,"
  "  p.json AS properties"
  "  FROM events e JOIN customers c ON c.id = e.customer"
  "  JOIN touchpoints t ON t.id = e.touchpoint"
  "  LEFT JOIN channels ch ON ch.id = e.channel"
  "  LEFT JOIN property_sets p ON p.id = e.property_set;"
  "CREATE TABLE rejects (import INTEGER NOT NULL, file TEXT NOT NULL,"
  "  line INTEGER NOT NULL, reason TEXT NOT NULL, excerpt TEXT);"
  "CREATE TABLE journey_map (id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  document TEXT NOT NULL, saved_at INTEGER NOT NULL);"
  "CREATE TABLE analyses (id INTEGER PRIMARY KEY, kind TEXT NOT NULL,"
  "  name TEXT NOT NULL, definition TEXT NOT NULL, created_at INTEGER NOT NULL);";

static const char *required_tables[] = {
  "customers", "touchpoints", "channels", "property_sets", "imports", "events", "rejects",
  "journey_map", "analyses",
};

static void
wm_project_finalize (GObject *object)
{
  WmProject *self = (WmProject *)object;

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (wm_project_parent_class)->finalize (object);
}

static void
wm_project_class_init (WmProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_project_finalize;

  /**
   * WmProject::events-changed:
   *
   * Events were added or removed; derived caches must be rebuilt.
   */
  signals[EVENTS_CHANGED] =
    g_signal_new ("events-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
wm_project_init (WmProject *self)
{
}

void
wm_project_set_sqlite_error (WmProject   *self,
                             int          rc,
                             const char  *what,
                             GError     **error)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  g_autofree char *name = g_filename_display_basename (self->path);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, WM_ERROR, WM_ERROR_NOT_A_PROJECT,
                   _("“%s” is not a Waymark project"), name);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, WM_ERROR, WM_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be read (%s). Open a backup copy instead."),
                   name, detail);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, WM_ERROR, WM_ERROR_READ_ONLY,
                   _("“%s” is read-only. Save a copy to make changes."), name);
      break;

    case SQLITE_FULL:
      g_set_error (error, WM_ERROR, WM_ERROR_DISK_FULL,
                   _("The disk is full while writing “%s”. Free some space and try again."),
                   name);
      break;

    case SQLITE_INTERRUPT:
      g_set_error (error, WM_ERROR, WM_ERROR_CANCELLED, _("Cancelled"));
      break;

    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      g_set_error (error, WM_ERROR, WM_ERROR_IO,
                   _("Could not read or write “%s”: %s"), name, detail);
      break;

    default:
      g_set_error (error, WM_ERROR, WM_ERROR_FAILED,
                   "%s: %s", what, detail);
      break;
    }
}

gboolean
wm_project_exec (WmProject   *self,
                 const char  *sql,
                 GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      wm_project_set_sqlite_error (self, rc, sql, error);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
wm_project_prepare (WmProject   *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      wm_project_set_sqlite_error (self, rc, sql, error);
      return NULL;
    }

  return stmt;
}

gboolean
wm_project_query_int (WmProject   *self,
                      const char  *sql,
                      gint64      *value,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      wm_project_set_sqlite_error (self, rc, sql, error);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
create_schema (WmProject  *self,
               GError    **error)
{
  g_autofree char *pragmas = NULL;

  if (!wm_project_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             WM_PROJECT_APPLICATION_ID, WM_PROJECT_SCHEMA_VERSION);

  if (!wm_project_exec (self, schema_v1, error) ||
      !wm_project_exec (self, pragmas, error) ||
      !wm_project_exec (self,
                        "INSERT INTO meta (key, value) VALUES ('created_by', 'Waymark " PACKAGE_VERSION "')",
                        error) ||
      !wm_project_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/* A file cut short (an interrupted copy, a truncated mail attachment) may
 * still open, and its missing pages only show up in some later query, or
 * get overwritten by the next write.  The database header says how long
 * the file should be; it is read directly, since SQLite would first parse
 * a schema that may be cut too.  Skipped while a write-ahead log exists:
 * pages may live there. */
static gboolean
is_cut_short (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  guint8 header[100];
  GStatBuf st;
  guint64 page_size, pages;
  gssize n;
  int fd;

  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    return FALSE;

  fd = g_open (path, O_RDONLY, 0);
  if (fd < 0)
    return FALSE;
  n = read (fd, header, sizeof header);
  if (fstat (fd, &st) != 0)
    n = -1;
  close (fd);

  /* Too short for a header, or not SQLite: SQLite says what it is. */
  if (n != sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    return FALSE;

  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  pages = ((guint64) header[28] << 24) | (header[29] << 16) | (header[30] << 8) | header[31];

  /* The page count is valid only when the version numbers agree. */
  if (pages == 0 || memcmp (header + 24, header + 92, 4) != 0)
    return FALSE;

  return (guint64) st.st_size < pages * page_size;
}

/* Checks what a file claims before anything writes to it: not SQLite, not
 * ours, or too new all fail here and leave the bytes untouched. */
static gboolean
check_identity (WmProject  *self,
                GError    **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);
  gint64 app_id = 0;
  gint64 version = 0;

  if (is_cut_short (self->path))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_CORRUPT,
                   _("“%s” is damaged: it is shorter than it should be, probably cut off while it was copied. Open a backup copy instead."),
                   name);
      return FALSE;
    }

  if (!wm_project_query_int (self, "PRAGMA application_id", &app_id, error) ||
      !wm_project_query_int (self, "PRAGMA user_version", &version, error))
    return FALSE;

  if (app_id != WM_PROJECT_APPLICATION_ID)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_NOT_A_PROJECT,
                   _("“%s” is not a Waymark project"), name);
      return FALSE;
    }

  if (version > WM_PROJECT_SCHEMA_VERSION)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_NEWER_VERSION,
                   _("“%s” was saved by a newer version of Waymark (format %d; this version reads up to %d). Update Waymark to open it."),
                   name, (int) version, WM_PROJECT_SCHEMA_VERSION);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (required_tables); i++)
    {
      g_autoptr(sqlite3_stmt) stmt =
        wm_project_prepare (self, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", error);
      int rc;

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, required_tables[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, WM_ERROR, WM_ERROR_CORRUPT,
                       _("“%s” is damaged: its “%s” table is missing. Open a backup copy instead."),
                       name, required_tables[i]);
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        {
          wm_project_set_sqlite_error (self, rc, "schema", error);
          return FALSE;
        }
    }

  return TRUE;
}

/* Memory statistics cost a global mutex on every SQLite allocation. */
static void
configure_sqlite_once (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
}

WmProject *
wm_project_open (const char          *path,
                 WmProjectOpenFlags   flags,
                 GError             **error)
{
  g_autoptr(WmProject) self = NULL;
  gboolean exists;
  gboolean created = FALSE;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  configure_sqlite_once ();

  self = g_object_new (WM_TYPE_PROJECT, NULL);
  self->path = g_strdup (path);

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!exists && !(flags & WM_PROJECT_OPEN_CREATE))
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, WM_ERROR, WM_ERROR_IO,
                   _("The project “%s” does not exist"), name);
      return NULL;
    }

  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, WM_ERROR, WM_ERROR_NOT_A_PROJECT,
                   _("“%s” is a folder, not a Waymark project"), name);
      return NULL;
    }

  self->read_only = (flags & WM_PROJECT_OPEN_READ_ONLY) != 0 ||
                    (exists && access (path, W_OK) != 0);

  if (self->read_only && !exists)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_READ_ONLY,
                   _("Cannot create a project in read-only mode"));
      return NULL;
    }

  open_flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  if (self->read_only)
    open_flags |= SQLITE_OPEN_READONLY;
  else
    open_flags |= SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE);

  rc = sqlite3_open_v2 (path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      wm_project_set_sqlite_error (self, rc, "open", error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);
  /* Project files come from elsewhere: SQLite's advice for untrusted
   * files.  Their views and triggers may call no function with side
   * effects, and no statement may corrupt the file on purpose. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);

  if (!exists)
    {
      if (!create_schema (self, error))
        {
          g_clear_pointer (&self->db, sqlite3_close);
          g_unlink (path);
          return NULL;
        }
      created = TRUE;
    }

  if (!created && !check_identity (self, error))
    return NULL;

  if (!self->read_only &&
      !wm_project_exec (self, "PRAGMA journal_mode = WAL", error))
    return NULL;

  if (!wm_project_exec (self,
                        "PRAGMA synchronous = NORMAL;"
                        "PRAGMA cache_size = -32768;"
                        "PRAGMA temp_store = MEMORY;",
                        error))
    return NULL;

  return g_steal_pointer (&self);
}

WmProject *
wm_project_reopen (WmProject  *self,
                   GError    **error)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), NULL);

  return wm_project_open (self->path,
                          self->read_only ? WM_PROJECT_OPEN_READ_ONLY : WM_PROJECT_OPEN_DEFAULT,
                          error);
}

const char *
wm_project_get_path (WmProject *self)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), NULL);

  return self->path;
}

gboolean
wm_project_is_read_only (WmProject *self)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), TRUE);

  return self->read_only;
}

sqlite3 *
wm_project_get_db (WmProject *self)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), NULL);

  return self->db;
}

void
wm_project_events_changed (WmProject *self)
{
  g_return_if_fail (WM_IS_PROJECT (self));

  g_signal_emit (self, signals[EVENTS_CHANGED], 0);
}

char *
wm_project_load_map_json (WmProject  *self,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *document;
  int rc;

  g_return_val_if_fail (WM_IS_PROJECT (self), NULL);

  stmt = wm_project_prepare (self, "SELECT document FROM journey_map WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return g_strdup ("");
  if (rc != SQLITE_ROW)
    {
      wm_project_set_sqlite_error (self, rc, "journey map", error);
      return NULL;
    }

  /* The schema says NOT NULL, but a file from elsewhere may say anything. */
  document = (const char *) sqlite3_column_text (stmt, 0);
  if (document == NULL || !g_utf8_validate (document, sqlite3_column_bytes (stmt, 0), NULL))
    {
      g_autofree char *name = g_filename_display_basename (self->path);

      g_set_error (error, WM_ERROR, WM_ERROR_CORRUPT,
                   _("“%s” is damaged: its journey map cannot be read. Open a backup copy instead."),
                   name);
      return NULL;
    }

  return g_strdup (document);
}

gboolean
wm_project_get_map_saved_at (WmProject  *self,
                             gint64     *saved_at,
                             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (saved_at != NULL, FALSE);

  *saved_at = 0;
  stmt = wm_project_prepare (self, "SELECT saved_at FROM journey_map WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *saved_at = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      wm_project_set_sqlite_error (self, rc, "journey map", error);
      return FALSE;
    }
  return TRUE;
}

gboolean
wm_project_save_map_json (WmProject   *self,
                          const char  *json,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  if (self->read_only)
    {
      wm_project_set_sqlite_error (self, SQLITE_READONLY, "journey map", error);
      return FALSE;
    }

  /* One statement: SQLite makes it atomic, so a crash keeps the old map. */
  stmt = wm_project_prepare (self,
                             "INSERT INTO journey_map (id, document, saved_at) VALUES (1, ?, ?)"
                             " ON CONFLICT (id) DO UPDATE SET document = excluded.document,"
                             " saved_at = excluded.saved_at",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / 1000);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      wm_project_set_sqlite_error (self, rc, "journey map", error);
      return FALSE;
    }

  return TRUE;
}
