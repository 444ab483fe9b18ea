/* wm-journeys-cache.c: builds the compact journeys from the events table
 * and persists them in the project (table journey_cache)
 *
 * The cache is a row of counts (journey_cache) tagged with the largest
 * events rowid and imports id it was built from, and one BLOB per column
 * (journey_cache_data, native byte order), written and read in place so
 * that SQLite never holds a copy in memory.  Touchpoint, channel and
 * property-set ids take 1, 2 or 4 bytes each, as the largest needs.  Events are
 * only ever added by imports, each of which adds an imports row, so a
 * matching tag means the cache holds exactly the events.  Imports update
 * the cache inside their own transaction (it commits or rolls back with
 * the events it describes): they merge their new events into the cache
 * they found, reading only their own rows; without a current cache (older
 * files) everything is read, in two scans so that memory holds only the
 * result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wm-error.h"
#include "wm-journeys-private.h"

/* Bumped whenever the layout of the BLOBs changes. */
#define CACHE_FORMAT (3 + (G_BYTE_ORDER == G_BIG_ENDIAN ? 1000 : 0))
/* SQLite refuses values above SQLITE_MAX_LENGTH (1e9 bytes by default);
 * beyond this the cache lives in memory only. */
#define MAX_BLOB_BYTES G_GUINT64_CONSTANT (900000000)
#define CANCEL_EVERY_ROWS (1 << 20)

/* The tables and their columns, in order.  The rows are replaced in
 * place, never the tables: an import writes the cache inside its own
 * transaction, where DROP TABLE fails ("database table is locked") while
 * any other statement of the connection is still reading. */
static const char create_tables[] =
  "CREATE TABLE IF NOT EXISTS journey_cache (id INTEGER PRIMARY KEY CHECK (id = 1),"
  " format INTEGER NOT NULL, events_rowid INTEGER NOT NULL, imports_id INTEGER NOT NULL,"
  " customers INTEGER NOT NULL, events INTEGER NOT NULL);"
  "CREATE TABLE IF NOT EXISTS journey_cache_data (part INTEGER PRIMARY KEY, data BLOB NOT NULL);";
static const char cache_columns[] = "id,format,events_rowid,imports_id,customers,events";
static const char data_columns[] = "part,data";
/* Only for the tables of an older layout. */
static const char drop_tables[] =
  "DROP TABLE IF EXISTS journey_cache;"
  "DROP TABLE IF EXISTS journey_cache_data;";

/* The parts of journey_cache_data, by rowid. */
enum { PART_CUSTOMER, PART_OFFSETS, PART_TS, PART_TOUCHPOINT, PART_CHANNEL, PART_PROPERTY_SET, N_PARTS };

/* Where each part lives in @columns, and its size in bytes. */
static void
column_parts (const WmJourneyColumns *columns,
              gpointer                buffers[N_PARTS],
              guint64                 sizes[N_PARTS])
{
  sizes[PART_CUSTOMER] = columns->n_customers * sizeof (guint32);
  sizes[PART_OFFSETS] = (columns->n_customers + 1) * sizeof (guint32);
  sizes[PART_TS] = columns->n_events * sizeof (gint64);
  sizes[PART_TOUCHPOINT] = columns->n_events * sizeof (guint32);
  sizes[PART_CHANNEL] = columns->n_events * columns->channel.width;
  sizes[PART_PROPERTY_SET] = columns->n_events * columns->property_set.width;
  buffers[PART_CUSTOMER] = columns->customer_ids;
  buffers[PART_OFFSETS] = columns->offsets;
  buffers[PART_TS] = columns->ts;
  buffers[PART_TOUCHPOINT] = columns->touchpoint;
  buffers[PART_CHANNEL] = columns->channel.data;
  buffers[PART_PROPERTY_SET] = columns->property_set.data;
}

void
wm_journey_columns_clear (WmJourneyColumns *columns)
{
  g_clear_pointer (&columns->customer_ids, g_free);
  g_clear_pointer (&columns->offsets, g_free);
  g_clear_pointer (&columns->ts, g_free);
  g_clear_pointer (&columns->touchpoint, g_free);
  g_clear_pointer (&columns->channel.data, g_free);
  g_clear_pointer (&columns->property_set.data, g_free);
  columns->n_customers = 0;
  columns->n_events = 0;
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

/* The ids while the columns are built: 4 bytes each. */
static guint32 *
wide_ids (WmIds *ids)
{
  g_assert (ids->width == 4);
  return ids->data;
}

static guint width_for (guint32 largest);
static guint id_width (const guint32 *ids, guint64 n);
static gpointer narrow_ids (const guint32 *ids, guint64 n, guint width);

/* Narrows ids built 4 bytes wide; ids built narrow stay as they are. */
static void
narrow_in_place (WmIds   *ids,
                 guint64  n)
{
  guint width;
  gpointer narrow;

  if (ids->width != 4)
    return;
  width = id_width (ids->data, n);
  narrow = narrow_ids (ids->data, n, width);
  if (narrow != NULL)
    {
      g_free (ids->data);
      *ids = (WmIds) { narrow, width };
    }
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
      channel[i] = wm_ids_get (&columns->channel, order[i]);
      property_set[i] = wm_ids_get (&columns->property_set, order[i]);
    }
  memcpy (columns->ts + first, ts, n * sizeof (gint64));
  memcpy (columns->touchpoint + first, touchpoint, n * sizeof (guint32));
  for (guint32 i = 0; i < n; i++)
    {
      wm_ids_set (&columns->channel, first + i, channel[i]);
      wm_ids_set (&columns->property_set, first + i, property_set[i]);
    }
}

/* Channel and property set ids in @channel_width and @property_set_width
 * bytes each. */
static void
allocate (WmJourneyColumns *columns,
          guint64           n_customers,
          guint64           n_events,
          guint             channel_width,
          guint             property_set_width)
{
  columns->n_customers = n_customers;
  columns->n_events = n_events;
  columns->customer_ids = g_new (guint32, MAX (n_customers, 1));
  columns->offsets = g_new (guint32, n_customers + 1);
  columns->ts = g_new (gint64, MAX (n_events, 1));
  columns->touchpoint = g_new (guint32, MAX (n_events, 1));
  columns->channel = (WmIds) { g_malloc (MAX (n_events, 1) * channel_width), channel_width };
  columns->property_set = (WmIds) { g_malloc (MAX (n_events, 1) * property_set_width), property_set_width };
}

/* From events per customer id (@cursor, 1 … max_customer), allocates
 * @columns and lays the customers out in id order; afterwards cursor[id]
 * is where that customer's first event goes. */
static void
lay_out (WmJourneyColumns *columns,
         guint32          *cursor,
         gint64            max_customer,
         guint64           n_events,
         guint             channel_width,
         guint             property_set_width)
{
  guint64 n_customers = 0;
  guint64 index = 0;
  guint32 position = 0;

  for (gint64 c = 1; c <= max_customer; c++)
    n_customers += cursor[c] > 0;

  allocate (columns, n_customers, n_events, channel_width, property_set_width);
  for (gint64 c = 1; c <= max_customer; c++)
    if (cursor[c] > 0)
      {
        guint32 n = cursor[c];

        columns->customer_ids[index] = (guint32) c;
        columns->offsets[index++] = position;
        cursor[c] = position;
        position += n;
      }
  columns->offsets[n_customers] = position;
}

static gboolean
changed_while_reading (GError **error)
{
  g_set_error (error, WM_ERROR, WM_ERROR_FAILED,
               _("The events changed while they were being read; try again"));
  return FALSE;
}

/* Places the rows of @scan (customer, ts, touchpoint, channel,
 * property_set) at cursor[customer]++; there must be @expected rows. */
static gboolean
place_rows (WmProject         *project,
            sqlite3_stmt      *scan,
            guint32           *cursor,
            gint64             max_customer,
            guint64            expected,
            WmJourneyColumns  *columns,
            GCancellable      *cancellable,
            GError           **error)
{
  guint64 rows = 0;
  int rc;

  while ((rc = sqlite3_step (scan)) == SQLITE_ROW)
    {
      gint64 customer = sqlite3_column_int64 (scan, 0);
      guint32 at;

      /* Reads run in one transaction and see the same events; this only
       * guards memory against a damaged file. */
      if (customer < 1 || customer > max_customer ||
          (at = cursor[customer]) >= columns->n_events || rows >= expected)
        return changed_while_reading (error);

      cursor[customer]++;
      columns->ts[at] = sqlite3_column_int64 (scan, 1);
      columns->touchpoint[at] = (guint32) sqlite3_column_int64 (scan, 2);
      /* NULL reads as 0: none. */
      wide_ids (&columns->channel)[at] = (guint32) sqlite3_column_int64 (scan, 3);
      wide_ids (&columns->property_set)[at] = (guint32) sqlite3_column_int64 (scan, 4);
      if ((++rows % CANCEL_EVERY_ROWS) == 0 && g_cancellable_is_cancelled (cancellable))
        break;
    }
  if (rc != SQLITE_ROW && scan_failed (project, rc, cancellable, error))
    return FALSE;
  if (wm_journeys_check_cancelled (cancellable, error))
    return FALSE;
  if (rows != expected)
    return changed_while_reading (error);

  return TRUE;
}

/* As place_rows() for the import's own list of events; FALSE when it
 * cannot be read or does not hold @expected events. */
static gboolean
place_events (FILE             *file,
              guint32          *cursor,
              gint64            max_customer,
              guint64           expected,
              WmJourneyColumns *columns)
{
  WmJourneyEvent events[4096];
  guint64 rows = 0;
  size_t n;

  if (fflush (file) != 0 || fseek (file, 0, SEEK_SET) != 0)
    return FALSE;

  while ((n = fread (events, sizeof events[0], G_N_ELEMENTS (events), file)) > 0)
    for (size_t i = 0; i < n; i++)
      {
        const WmJourneyEvent *event = &events[i];
        guint32 at;

        if (event->customer < 1 || event->customer > max_customer ||
            (at = cursor[event->customer]) >= columns->n_events || rows >= expected)
          return FALSE;
        cursor[event->customer]++;
        columns->ts[at] = event->ts;
        columns->touchpoint[at] = event->touchpoint;
        wm_ids_set (&columns->channel, at, event->channel);
        wm_ids_set (&columns->property_set, at, event->property_set);
        rows++;
      }

  return !ferror (file) && rows == expected;
}

/* Sorts each customer's events, then narrows the channel and property
 * set ids built wide: the columns are complete. */
static void
finish (WmJourneyColumns *columns)
{
  for (guint64 c = 0; c < columns->n_customers; c++)
    sort_customer (columns, columns->offsets[c], columns->offsets[c + 1]);
  narrow_in_place (&columns->channel, columns->n_events);
  narrow_in_place (&columns->property_set, columns->n_events);
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
  guint64 rows = 0;
  int rc;

  memset (columns, 0, sizeof *columns);

  if (!wm_project_query_int (project, "SELECT coalesce(max(id), 0) FROM customers", &max_customer, error))
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

  lay_out (columns, cursor, max_customer, n_events, 4, 4);

  scan = wm_project_prepare (project,
                             "SELECT customer, ts, touchpoint, channel, property_set FROM events",
                             error);
  if (scan == NULL ||
      !place_rows (project, scan, cursor, max_customer, n_events, columns, cancellable, error))
    {
      wm_journey_columns_clear (columns);
      return FALSE;
    }

  finish (columns);
  return TRUE;
}

/* @old holds the events up to delta->events_rowid_before; adds the
 * import's own list of its events into @columns.  FALSE without an error
 * when there is no such list or it does not match the import's counts. */
static gboolean
merge_import (WmProject              *project,
              const WmJourneyColumns *old,
              const WmJourneysDelta  *delta,
              WmJourneyColumns       *columns,
              GError                **error)
{
  g_autofree guint32 *cursor = NULL;
  gint64 max_customer = 0;
  guint64 n_events = old->n_events + delta->n_added;
  guint32 max_channel = delta->max_channel;
  guint32 max_property_set = delta->max_property_set;

  memset (columns, 0, sizeof *columns);

  if (delta->added_events == NULL)
    return FALSE;
  if (!wm_project_query_int (project, "SELECT coalesce(max(id), 0) FROM customers", &max_customer, error))
    return FALSE;
  if (n_events > G_MAXUINT32)
    return FALSE;
  for (guint64 id = max_customer + 1; id < delta->n_added_ids; id++)
    if (delta->added[id] > 0)
      return FALSE;
  for (guint64 c = 0; c < old->n_customers; c++)
    if (old->customer_ids[c] < 1 || old->customer_ids[c] > max_customer)
      return FALSE;

  cursor = g_new0 (guint32, max_customer + 1);
  for (guint64 c = 0; c < old->n_customers; c++)
    cursor[old->customer_ids[c]] = old->offsets[c + 1] - old->offsets[c];
  for (guint64 id = 0; id < MIN (delta->n_added_ids, (guint64) max_customer + 1); id++)
    cursor[id] += delta->added[id];

  /* Channels and property sets go straight into the width the largest
   * id needs: the merged columns never take 4 bytes per id. */
  for (guint64 e = 0; e < old->n_events; e++)
    {
      max_channel = MAX (max_channel, wm_ids_get (&old->channel, e));
      max_property_set = MAX (max_property_set, wm_ids_get (&old->property_set, e));
    }
  lay_out (columns, cursor, max_customer, n_events,
           width_for (max_channel), width_for (max_property_set));

  /* The old events first: they were stored earlier, so equal times keep
   * their stored order. */
  for (guint64 c = 0; c < old->n_customers; c++)
    {
      guint32 first = old->offsets[c];
      guint32 n = old->offsets[c + 1] - first;
      guint32 at = cursor[old->customer_ids[c]];

      memcpy (columns->ts + at, old->ts + first, n * sizeof (gint64));
      memcpy (columns->touchpoint + at, old->touchpoint + first, n * sizeof (guint32));
      for (guint32 i = 0; i < n; i++)
        {
          wm_ids_set (&columns->channel, at + i, wm_ids_get (&old->channel, first + i));
          wm_ids_set (&columns->property_set, at + i, wm_ids_get (&old->property_set, first + i));
        }
      cursor[old->customer_ids[c]] += n;
    }

  /* The import kept its events aside: no need to read them back. */
  if (!place_events (delta->added_events, cursor, max_customer, delta->n_added, columns))
    {
      wm_journey_columns_clear (columns);
      return FALSE;
    }

  /* Every customer got exactly the events counted for it. */
  for (guint64 c = 0; c < columns->n_customers; c++)
    if (cursor[columns->customer_ids[c]] != columns->offsets[c + 1])
      {
        wm_journey_columns_clear (columns);
        return FALSE;
      }

  finish (columns);
  return TRUE;
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
  return wm_project_query_int (project, "SELECT coalesce(max(rowid), 0) FROM events", events_rowid, error) &&
         wm_project_query_int (project, "SELECT coalesce(max(id), 0) FROM imports", imports_id, error);
}

static gboolean
is_id_part (guint part)
{
  return part == PART_TOUCHPOINT || part == PART_CHANNEL || part == PART_PROPERTY_SET;
}

/* Bytes per id for ids up to @largest. */
static guint
width_for (guint32 largest)
{
  return largest <= G_MAXUINT8 ? 1 : largest <= G_MAXUINT16 ? 2 : 4;
}

/* Bytes per id that the largest of @ids needs. */
static guint
id_width (const guint32 *ids,
          guint64        n)
{
  guint32 largest = 0;

  for (guint64 i = 0; i < n; i++)
    largest = MAX (largest, ids[i]);

  return width_for (largest);
}

/* @ids in @width bytes each (a new buffer; NULL when @width is 4). */
static gpointer
narrow_ids (const guint32 *ids,
            guint64        n,
            guint          width)
{
  if (width == 1)
    {
      guint8 *bytes = g_new (guint8, MAX (n, 1));

      for (guint64 i = 0; i < n; i++)
        bytes[i] = (guint8) ids[i];
      return bytes;
    }
  if (width == 2)
    {
      guint16 *shorts = g_new (guint16, MAX (n, 1));

      for (guint64 i = 0; i < n; i++)
        shorts[i] = (guint16) ids[i];
      return shorts;
    }
  return NULL;
}

/* Widens @n ids of @width bytes at the start of @ids in place: from the
 * last, so that no id is overwritten before it is read. */
static void
widen_ids (guint32 *ids,
           guint64  n,
           guint    width)
{
  if (width == 1)
    for (guint64 i = n; i-- > 0;)
      ids[i] = ((const guint8 *) ids)[i];
  else if (width == 2)
    for (guint64 i = n; i-- > 0;)
      ids[i] = ((const guint16 *) ids)[i];
}

/* Reads part @part into @buffer (@capacity bytes) and sets *size to its
 * length; *matches = FALSE when it is missing or larger. */
static gboolean
read_part (WmProject  *project,
           guint       part,
           gpointer    buffer,
           guint64     capacity,
           guint64    *size,
           gboolean   *matches,
           GError    **error)
{
  sqlite3 *db = wm_project_get_db (project);
  sqlite3_blob *blob = NULL;
  int rc;

  rc = sqlite3_blob_open (db, "main", "journey_cache_data", "data", part, 0, &blob);
  if (rc != SQLITE_OK || (guint64) sqlite3_blob_bytes (blob) > capacity)
    {
      *matches = FALSE;
      sqlite3_blob_close (blob);
      return TRUE;
    }

  *size = sqlite3_blob_bytes (blob);
  rc = *size > 0 ? sqlite3_blob_read (blob, buffer, (int) *size, 0) : SQLITE_OK;
  sqlite3_blob_close (blob);
  if (rc != SQLITE_OK)
    {
      wm_project_set_sqlite_error (project, rc, "journeys", error);
      return FALSE;
    }

  return TRUE;
}

/* Reads the cache if it was built from exactly the events up to
 * @events_rowid and imports up to @imports_id; FALSE without an error
 * when there is none such. */
static gboolean
read_tagged (WmProject         *project,
             WmJourneyColumns  *columns,
             gint64             events_rowid,
             gint64             imports_id,
             GError           **error)
{
  g_autoptr(sqlite3_stmt) format = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean exists = FALSE;
  gboolean matches = TRUE;
  guint64 sizes[N_PARTS];
  gpointer buffers[N_PARTS];
  int rc;

  memset (columns, 0, sizeof *columns);

  if (!cache_table_exists (project, &exists, error))
    return FALSE;
  if (!exists)
    return FALSE;

  /* The layout may be another version's: check before naming columns. */
  format = wm_project_prepare (project, "SELECT format FROM journey_cache WHERE id = 1", error);
  if (format == NULL)
    return FALSE;
  rc = sqlite3_step (format);
  if (rc == SQLITE_DONE)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      wm_project_set_sqlite_error (project, rc, "journeys", error);
      return FALSE;
    }
  if (sqlite3_column_int64 (format, 0) != CACHE_FORMAT)
    return FALSE;

  stmt = wm_project_prepare (project,
                             "SELECT events_rowid, imports_id, customers, events"
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

  if (sqlite3_column_int64 (stmt, 0) != events_rowid ||
      sqlite3_column_int64 (stmt, 1) != imports_id ||
      sqlite3_column_int64 (stmt, 2) < 0 ||
      sqlite3_column_int64 (stmt, 2) > G_MAXUINT32 ||
      sqlite3_column_int64 (stmt, 3) < 0 ||
      sqlite3_column_int64 (stmt, 3) > G_MAXUINT32)
    return FALSE;

  allocate (columns, sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3), 4, 4);
  sqlite3_reset (stmt);

  column_parts (columns, buffers, sizes);
  for (guint i = 0; i < N_PARTS && matches; i++)
    {
      guint64 size = 0;

      if (!read_part (project, i, buffers[i], sizes[i], &size, &matches, error))
        {
          wm_journey_columns_clear (columns);
          return FALSE;
        }
      if (!matches)
        break;
      if (is_id_part (i) && columns->n_events > 0 &&
          (size == columns->n_events || size == 2 * columns->n_events))
        {
          if (i == PART_TOUCHPOINT)
            widen_ids (buffers[i], columns->n_events, size / columns->n_events);
          else
            {
              /* Channels and property sets stay narrow in memory too. */
              WmIds *ids = i == PART_CHANNEL ? &columns->channel : &columns->property_set;

              ids->width = size / columns->n_events;
              ids->data = g_realloc (ids->data, size);
            }
        }
      else if (size != sizes[i])
        matches = FALSE;
    }

  /* A damaged cache is as good as none: the events are the truth. */
  if (matches && (columns->offsets[0] != 0 ||
                  columns->offsets[columns->n_customers] != columns->n_events))
    matches = FALSE;
  for (guint64 c = 0; matches && c < columns->n_customers; c++)
    matches = columns->offsets[c] < columns->offsets[c + 1] &&
              columns->customer_ids[c] > 0 &&
              (c == 0 || columns->customer_ids[c - 1] < columns->customer_ids[c]);

  if (!matches)
    wm_journey_columns_clear (columns);

  return matches;
}

gboolean
wm_journeys_cache_read (WmProject         *project,
                        WmJourneyColumns  *columns,
                        GError           **error)
{
  gint64 events_rowid, imports_id;
  gboolean exists = FALSE;

  memset (columns, 0, sizeof *columns);

  if (!cache_table_exists (project, &exists, error) || !exists)
    return FALSE;
  if (!current_tag (project, &events_rowid, &imports_id, error))
    return FALSE;

  return read_tagged (project, columns, events_rowid, imports_id, error);
}

/* *matches = whether @table has exactly @columns (comma-separated, in
 * order); a missing table matches, CREATE TABLE IF NOT EXISTS makes it. */
static gboolean
table_matches (WmProject   *project,
               const char  *table,
               const char  *columns,
               gboolean    *matches,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    wm_project_prepare (project, "SELECT name FROM pragma_table_info(?) ORDER BY cid", error);
  g_autoptr(GString) found = g_string_new (NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (found, "%s%s", found->len > 0 ? "," : "",
                            (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      wm_project_set_sqlite_error (project, rc, "journeys", error);
      return FALSE;
    }

  *matches = found->len == 0 || g_str_equal (found->str, columns);
  return TRUE;
}

static gboolean
step_done (WmProject     *project,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      wm_project_set_sqlite_error (project, rc, "journeys", error);
      return FALSE;
    }
  return TRUE;
}

/* Empty tables of the current layout, ready for a cache's rows. */
static gboolean
clear_tables (WmProject  *project,
              GError    **error)
{
  gboolean cache_matches = FALSE;
  gboolean data_matches = FALSE;

  if (!table_matches (project, "journey_cache", cache_columns, &cache_matches, error) ||
      !table_matches (project, "journey_cache_data", data_columns, &data_matches, error))
    return FALSE;
  if ((!cache_matches || !data_matches) && !wm_project_exec (project, drop_tables, error))
    return FALSE;

  return wm_project_exec (project, create_tables, error) &&
         wm_project_exec (project,
                          "DELETE FROM journey_cache;"
                          "DELETE FROM journey_cache_data;",
                          error);
}

/* Writes the rows of @columns into the empty tables. */
static gboolean
write_rows (WmProject               *project,
            const WmJourneyColumns  *columns,
            GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) part = NULL;
  sqlite3 *db = wm_project_get_db (project);
  gint64 events_rowid, imports_id;
  guint64 sizes[N_PARTS];
  gpointer buffers[N_PARTS];

  column_parts (columns, buffers, sizes);
  for (guint i = 0; i < N_PARTS; i++)
    if (sizes[i] > MAX_BLOB_BYTES)
      return TRUE;

  if (!current_tag (project, &events_rowid, &imports_id, error))
    return FALSE;

  stmt = wm_project_prepare (project,
                             "INSERT INTO journey_cache (id, format, events_rowid, imports_id,"
                             " customers, events) VALUES (1, ?, ?, ?, ?, ?)",
                             error);
  part = wm_project_prepare (project, "INSERT INTO journey_cache_data (part, data) VALUES (?, ?)", error);
  if (stmt == NULL || part == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, CACHE_FORMAT);
  sqlite3_bind_int64 (stmt, 2, events_rowid);
  sqlite3_bind_int64 (stmt, 3, imports_id);
  sqlite3_bind_int64 (stmt, 4, (sqlite3_int64) columns->n_customers);
  sqlite3_bind_int64 (stmt, 5, (sqlite3_int64) columns->n_events);
  if (!step_done (project, stmt, error))
    return FALSE;

  /* A zeroblob row, then the bytes written straight into its pages. */
  for (guint i = 0; i < N_PARTS; i++)
    {
      sqlite3_blob *blob = NULL;
      g_autofree gpointer narrow = NULL;
      int rc;

      if (i == PART_TOUCHPOINT)
        {
          guint width = id_width (buffers[i], columns->n_events);

          narrow = narrow_ids (buffers[i], columns->n_events, width);
          if (narrow != NULL)
            {
              buffers[i] = narrow;
              sizes[i] = columns->n_events * width;
            }
        }
      sqlite3_bind_int (part, 1, i);
      sqlite3_bind_zeroblob64 (part, 2, sizes[i]);
      if (!step_done (project, part, error))
        return FALSE;
      rc = sqlite3_blob_open (db, "main", "journey_cache_data", "data", i, 1, &blob);
      if (rc == SQLITE_OK && sizes[i] > 0)
        rc = sqlite3_blob_write (blob, buffers[i], (int) sizes[i], 0);
      sqlite3_blob_close (blob);
      if (rc != SQLITE_OK)
        {
          wm_project_set_sqlite_error (project, rc, "journeys", error);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
wm_journeys_cache_write (WmProject               *project,
                         const WmJourneyColumns  *columns,
                         GError                 **error)
{
  /* All or nothing, inside an import's transaction or on its own. */
  if (!wm_project_exec (project, "SAVEPOINT journey_cache_write", error))
    return FALSE;

  if (clear_tables (project, error) && write_rows (project, columns, error))
    return wm_project_exec (project, "RELEASE journey_cache_write", error);

  sqlite3_exec (wm_project_get_db (project),
                "ROLLBACK TO journey_cache_write; RELEASE journey_cache_write",
                NULL, NULL, NULL);
  return FALSE;
}

gboolean
wm_journeys_cache_refresh (WmProject              *project,
                           const WmJourneysDelta  *delta,
                           GError                **error)
{
  WmJourneyColumns old = { 0 };
  WmJourneyColumns columns = { 0 };
  GError *local_error = NULL;
  gboolean exists = FALSE;
  gboolean merged = FALSE;
  gboolean ok;
  gint64 started = g_get_monotonic_time ();

  if (!cache_table_exists (project, &exists, error))
    return FALSE;

  /* An import that added no events leaves a current cache current. */
  if (delta->n_added == 0)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc;

      if (!exists)
        return TRUE;
      stmt = wm_project_prepare (project,
                                 "UPDATE journey_cache SET imports_id = ?1"
                                 " WHERE events_rowid = ?2 AND imports_id = ?3",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, delta->import_id);
      sqlite3_bind_int64 (stmt, 2, delta->events_rowid_before);
      sqlite3_bind_int64 (stmt, 3, delta->imports_id_before);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          wm_project_set_sqlite_error (project, rc, "journeys", error);
          return FALSE;
        }
      return TRUE;
    }

  /* The cache as it was before the import (empty for a first import). */
  if (delta->events_rowid_before == 0 ||
      read_tagged (project, &old, delta->events_rowid_before, delta->imports_id_before, &local_error))
    {
      if (old.offsets == NULL)
        allocate (&old, 0, 0, 4, 4);
      merged = merge_import (project, &old, delta, &columns, &local_error);
      wm_journey_columns_clear (&old);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (!merged && !wm_journeys_cache_build (project, &columns, NULL, error))
    return FALSE;

  g_debug ("Journey cache %s in %.0f ms", merged ? "merged" : "rebuilt",
           (g_get_monotonic_time () - started) / 1000.0);
  ok = wm_journeys_cache_write (project, &columns, error);
  wm_journey_columns_clear (&columns);
  g_debug ("Journey cache stored, %.0f ms in all", (g_get_monotonic_time () - started) / 1000.0);

  return ok;
}
