/* wm-journeys-cache.c: builds the compact journeys from the events table
 * and persists them in the project (table journey_cache)
 *
 * The cache is one row of a few big BLOBs (native byte order) tagged with
 * the largest events rowid and imports id it was built from.  Events are
 * only ever added by imports, each of which adds an imports row, so a
 * matching tag means the cache holds exactly the events.  Imports rebuild
 * the cache inside their own transaction: it commits or rolls back with
 * the events it describes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wm-error.h"
#include "wm-journeys-private.h"

/* Bumped whenever the layout of the BLOBs changes. */
#define CACHE_FORMAT (1 + (G_BYTE_ORDER == G_BIG_ENDIAN ? 1000 : 0))
/* SQLite refuses values above SQLITE_MAX_LENGTH (1e9 bytes by default);
 * beyond this the cache lives in memory only. */
#define MAX_BLOB_BYTES G_GUINT64_CONSTANT (900000000)
#define CANCEL_EVERY_ROWS (1 << 20)

static const char create_table[] =
  "CREATE TABLE IF NOT EXISTS journey_cache (id INTEGER PRIMARY KEY CHECK (id = 1),"
  " format INTEGER NOT NULL, events_rowid INTEGER NOT NULL, imports_id INTEGER NOT NULL,"
  " customers INTEGER NOT NULL, events INTEGER NOT NULL,"
  " offsets BLOB, ts BLOB, touchpoint BLOB, channel BLOB, property_set BLOB)";

static const char *blob_columns[] = { "offsets", "ts", "touchpoint", "channel", "property_set" };

void
wm_journey_columns_clear (WmJourneyColumns *columns)
{
  g_clear_pointer (&columns->offsets, g_free);
  g_clear_pointer (&columns->ts, g_free);
  g_clear_pointer (&columns->touchpoint, g_free);
  g_clear_pointer (&columns->channel, g_free);
  g_clear_pointer (&columns->property_set, g_free);
  columns->n_customers = 0;
  columns->n_events = 0;
}

static gboolean
query_int (WmProject   *project,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (project, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      wm_project_set_sqlite_error (project, rc, "journeys", error);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
scan_failed (WmProject     *project,
             int            rc,
             GCancellable  *cancellable,
             GError       **error)
{
  if (wm_journeys_check_cancelled (cancellable, error))
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      wm_project_set_sqlite_error (project, rc, "journeys", error);
      return TRUE;
    }
  return FALSE;
}

/* Stable: events with equal timestamps keep their stored order. */
static int
compare_by_ts (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const gint64 *ts = data;
  gint64 x = ts[*(const guint32 *) a];
  gint64 y = ts[*(const guint32 *) b];

  return (x > y) - (x < y);
}

static void
sort_customer (WmJourneyColumns *columns,
               guint32           first,
               guint32           end)
{
  guint32 n = end - first;
  g_autofree guint32 *order = NULL;
  g_autofree gint64 *ts = NULL;
  g_autofree guint32 *touchpoint = NULL;
  g_autofree guint32 *channel = NULL;
  g_autofree guint32 *property_set = NULL;
  gboolean sorted = TRUE;

  for (guint32 i = first + 1; i < end && sorted; i++)
    sorted = columns->ts[i - 1] <= columns->ts[i];
  if (sorted)
    return;

  order = g_new (guint32, n);
  for (guint32 i = 0; i < n; i++)
    order[i] = first + i;
  g_qsort_with_data (order, n, sizeof (guint32), compare_by_ts, columns->ts);

  ts = g_new (gint64, n);
  touchpoint = g_new (guint32, n);
  channel = g_new (guint32, n);
  property_set = g_new (guint32, n);
  for (guint32 i = 0; i < n; i++)
    {
      ts[i] = columns->ts[order[i]];
      touchpoint[i] = columns->touchpoint[order[i]];
      channel[i] = columns->channel[order[i]];
      property_set[i] = columns->property_set[order[i]];
    }
  memcpy (columns->ts + first, ts, n * sizeof (gint64));
  memcpy (columns->touchpoint + first, touchpoint, n * sizeof (guint32));
  memcpy (columns->channel + first, channel, n * sizeof (guint32));
  memcpy (columns->property_set + first, property_set, n * sizeof (guint32));
}

gboolean
wm_journeys_cache_build (WmProject         *project,
                         WmJourneyColumns  *columns,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_autoptr(sqlite3_stmt) count = NULL;
  g_autoptr(sqlite3_stmt) scan = NULL;
  g_autofree guint32 *cursor = NULL;
  gint64 max_customer = 0;
  guint64 n_events = 0;
  guint64 n_customers = 0;
  guint64 rows = 0;
  int rc;

  memset (columns, 0, sizeof *columns);

  if (!query_int (project, "SELECT coalesce(max(id), 0) FROM customers", &max_customer, error))
    return FALSE;

  /* First scan: events per customer, so the second can place each event
   * straight where it belongs. */
  cursor = g_new0 (guint32, max_customer + 1);
  count = wm_project_prepare (project, "SELECT customer FROM events", error);
  if (count == NULL)
    return FALSE;
  while ((rc = sqlite3_step (count)) == SQLITE_ROW)
    {
      gint64 customer = sqlite3_column_int64 (count, 0);

      if (customer < 1 || customer > max_customer || n_events >= G_MAXUINT32)
        {
          g_set_error (error, WM_ERROR, WM_ERROR_CORRUPT,
                       _("The project has an event of an unknown customer, or more than 4 billion events"));
          return FALSE;
        }
      cursor[customer]++;
      n_events++;
      if ((++rows % CANCEL_EVERY_ROWS) == 0 && g_cancellable_is_cancelled (cancellable))
        break;
    }
  if (rc != SQLITE_ROW && scan_failed (project, rc, cancellable, error))
    return FALSE;
  if (wm_journeys_check_cancelled (cancellable, error))
    return FALSE;

  for (gint64 c = 1; c <= max_customer; c++)
    n_customers += cursor[c] > 0;

  columns->n_customers = n_customers;
  columns->n_events = n_events;
  columns->offsets = g_new (guint32, n_customers + 1);
  columns->ts = g_new (gint64, MAX (n_events, 1));
  columns->touchpoint = g_new (guint32, MAX (n_events, 1));
  columns->channel = g_new (guint32, MAX (n_events, 1));
  columns->property_set = g_new (guint32, MAX (n_events, 1));

  {
    guint64 index = 0;
    guint32 position = 0;

    for (gint64 c = 1; c <= max_customer; c++)
      if (cursor[c] > 0)
        {
          guint32 n = cursor[c];

          columns->offsets[index++] = position;
          cursor[c] = position;
          position += n;
        }
    columns->offsets[n_customers] = position;
  }

  scan = wm_project_prepare (project,
                             "SELECT customer, ts, touchpoint, coalesce(channel, 0),"
                             " coalesce(property_set, 0) FROM events",
                             error);
  if (scan == NULL)
    goto failed;
  rows = 0;
  while ((rc = sqlite3_step (scan)) == SQLITE_ROW)
    {
      gint64 customer = sqlite3_column_int64 (scan, 0);
      guint32 at;

      /* Both scans run in one transaction, so they see the same events;
       * this only guards memory against a damaged file. */
      if (customer < 1 || customer > max_customer ||
          (at = cursor[customer]) >= n_events)
        {
          g_set_error (error, WM_ERROR, WM_ERROR_FAILED,
                       _("The events changed while they were being read; try again"));
          goto failed;
        }
      cursor[customer]++;
      columns->ts[at] = sqlite3_column_int64 (scan, 1);
      columns->touchpoint[at] = (guint32) sqlite3_column_int64 (scan, 2);
      columns->channel[at] = (guint32) sqlite3_column_int64 (scan, 3);
      columns->property_set[at] = (guint32) sqlite3_column_int64 (scan, 4);
      if ((++rows % CANCEL_EVERY_ROWS) == 0 && g_cancellable_is_cancelled (cancellable))
        break;
    }
  if (rc != SQLITE_ROW && scan_failed (project, rc, cancellable, error))
    goto failed;
  if (wm_journeys_check_cancelled (cancellable, error))
    goto failed;
  if (rows != n_events)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_FAILED,
                   _("The events changed while they were being read; try again"));
      goto failed;
    }

  for (guint64 c = 0; c < n_customers; c++)
    sort_customer (columns, columns->offsets[c], columns->offsets[c + 1]);

  return TRUE;

failed:
  wm_journey_columns_clear (columns);
  return FALSE;
}

static gboolean
cache_table_exists (WmProject  *project,
                    gboolean   *exists,
                    GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    wm_project_prepare (project,
                        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'journey_cache'",
                        error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      wm_project_set_sqlite_error (project, rc, "journeys", error);
      return FALSE;
    }

  *exists = rc == SQLITE_ROW;
  return TRUE;
}

/* What the cache must have been built from to be current. */
static gboolean
current_tag (WmProject  *project,
             gint64     *events_rowid,
             gint64     *imports_id,
             GError    **error)
{
  return query_int (project, "SELECT coalesce(max(rowid), 0) FROM events", events_rowid, error) &&
         query_int (project, "SELECT coalesce(max(id), 0) FROM imports", imports_id, error);
}

static gboolean
read_blob (WmProject     *project,
           const char    *column,
           sqlite3_int64  row,
           gpointer       buffer,
           guint64        expected,
           gboolean      *matches,
           GError       **error)
{
  sqlite3 *db = wm_project_get_db (project);
  sqlite3_blob *blob = NULL;
  int rc;

  rc = sqlite3_blob_open (db, "main", "journey_cache", column, row, 0, &blob);
  if (rc != SQLITE_OK)
    {
      sqlite3_blob_close (blob);
      wm_project_set_sqlite_error (project, rc, "journeys", error);
      return FALSE;
    }

  if ((guint64) sqlite3_blob_bytes (blob) != expected)
    {
      *matches = FALSE;
      sqlite3_blob_close (blob);
      return TRUE;
    }

  rc = expected > 0 ? sqlite3_blob_read (blob, buffer, (int) expected, 0) : SQLITE_OK;
  sqlite3_blob_close (blob);
  if (rc != SQLITE_OK)
    {
      wm_project_set_sqlite_error (project, rc, "journeys", error);
      return FALSE;
    }

  return TRUE;
}

gboolean
wm_journeys_cache_read (WmProject         *project,
                        WmJourneyColumns  *columns,
                        GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 events_rowid, imports_id;
  gboolean exists = FALSE;
  gboolean matches = TRUE;
  sqlite3_int64 row;
  guint64 sizes[G_N_ELEMENTS (blob_columns)];
  gpointer buffers[G_N_ELEMENTS (blob_columns)];
  int rc;

  memset (columns, 0, sizeof *columns);

  if (!cache_table_exists (project, &exists, error))
    return FALSE;
  if (!exists)
    return FALSE;

  if (!current_tag (project, &events_rowid, &imports_id, error))
    return FALSE;

  stmt = wm_project_prepare (project,
                             "SELECT rowid, format, events_rowid, imports_id, customers, events"
                             " FROM journey_cache WHERE id = 1",
                             error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      wm_project_set_sqlite_error (project, rc, "journeys", error);
      return FALSE;
    }

  if (sqlite3_column_int64 (stmt, 1) != CACHE_FORMAT ||
      sqlite3_column_int64 (stmt, 2) != events_rowid ||
      sqlite3_column_int64 (stmt, 3) != imports_id ||
      sqlite3_column_int64 (stmt, 4) < 0 ||
      sqlite3_column_int64 (stmt, 5) < 0 ||
      sqlite3_column_int64 (stmt, 5) > G_MAXUINT32)
    return FALSE;

  row = sqlite3_column_int64 (stmt, 0);
  columns->n_customers = sqlite3_column_int64 (stmt, 4);
  columns->n_events = sqlite3_column_int64 (stmt, 5);
  sqlite3_reset (stmt);

  columns->offsets = g_new (guint32, columns->n_customers + 1);
  columns->ts = g_new (gint64, MAX (columns->n_events, 1));
  columns->touchpoint = g_new (guint32, MAX (columns->n_events, 1));
  columns->channel = g_new (guint32, MAX (columns->n_events, 1));
  columns->property_set = g_new (guint32, MAX (columns->n_events, 1));

  sizes[0] = (columns->n_customers + 1) * sizeof (guint32);
  sizes[1] = columns->n_events * sizeof (gint64);
  sizes[2] = sizes[3] = sizes[4] = columns->n_events * sizeof (guint32);
  buffers[0] = columns->offsets;
  buffers[1] = columns->ts;
  buffers[2] = columns->touchpoint;
  buffers[3] = columns->channel;
  buffers[4] = columns->property_set;

  for (guint i = 0; i < G_N_ELEMENTS (blob_columns) && matches; i++)
    if (!read_blob (project, blob_columns[i], row, buffers[i], sizes[i], &matches, error))
      {
        wm_journey_columns_clear (columns);
        return FALSE;
      }

  /* A damaged cache is as good as none: the events are the truth. */
  if (matches && columns->offsets[columns->n_customers] != columns->n_events)
    matches = FALSE;
  for (guint64 c = 0; matches && c < columns->n_customers; c++)
    matches = columns->offsets[c] < columns->offsets[c + 1];

  if (!matches)
    wm_journey_columns_clear (columns);

  return matches;
}

gboolean
wm_journeys_cache_write (WmProject               *project,
                         const WmJourneyColumns  *columns,
                         GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 events_rowid, imports_id;
  int rc;

  if (!wm_project_exec (project, create_table, error) ||
      !wm_project_exec (project, "DELETE FROM journey_cache", error))
    return FALSE;

  if (columns->n_events * sizeof (gint64) > MAX_BLOB_BYTES ||
      (columns->n_customers + 1) * sizeof (guint32) > MAX_BLOB_BYTES)
    return TRUE;

  if (!current_tag (project, &events_rowid, &imports_id, error))
    return FALSE;

  stmt = wm_project_prepare (project,
                             "INSERT INTO journey_cache (id, format, events_rowid, imports_id,"
                             " customers, events, offsets, ts, touchpoint, channel, property_set)"
                             " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, CACHE_FORMAT);
  sqlite3_bind_int64 (stmt, 2, events_rowid);
  sqlite3_bind_int64 (stmt, 3, imports_id);
  sqlite3_bind_int64 (stmt, 4, (sqlite3_int64) columns->n_customers);
  sqlite3_bind_int64 (stmt, 5, (sqlite3_int64) columns->n_events);
  sqlite3_bind_blob64 (stmt, 6, columns->offsets, (columns->n_customers + 1) * sizeof (guint32), SQLITE_STATIC);
  sqlite3_bind_blob64 (stmt, 7, columns->ts, columns->n_events * sizeof (gint64), SQLITE_STATIC);
  sqlite3_bind_blob64 (stmt, 8, columns->touchpoint, columns->n_events * sizeof (guint32), SQLITE_STATIC);
  sqlite3_bind_blob64 (stmt, 9, columns->channel, columns->n_events * sizeof (guint32), SQLITE_STATIC);
  sqlite3_bind_blob64 (stmt, 10, columns->property_set, columns->n_events * sizeof (guint32), SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      wm_project_set_sqlite_error (project, rc, "journeys", error);
      return FALSE;
    }

  return TRUE;
}

gboolean
wm_journeys_cache_refresh (WmProject  *project,
                           gint64      import_id,
                           guint64     n_added,
                           GError    **error)
{
  WmJourneyColumns columns;
  gboolean exists = FALSE;
  gboolean ok;

  /* An import that added no events leaves a current cache current. */
  if (n_added == 0)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc;

      if (!cache_table_exists (project, &exists, error))
        return FALSE;
      if (!exists)
        return TRUE;
      stmt = wm_project_prepare (project,
                                 "UPDATE journey_cache SET imports_id = ?1"
                                 " WHERE imports_id = (SELECT coalesce(max(id), 0) FROM imports WHERE id <> ?1)"
                                 " AND events_rowid = (SELECT coalesce(max(rowid), 0) FROM events)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, import_id);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          wm_project_set_sqlite_error (project, rc, "journeys", error);
          return FALSE;
        }
      return TRUE;
    }

  if (!wm_journeys_cache_build (project, &columns, NULL, error))
    return FALSE;

  ok = wm_journeys_cache_write (project, &columns, error);
  wm_journey_columns_clear (&columns);

  return ok;
}
