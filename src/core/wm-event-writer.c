/* wm-event-writer.c: appends one import's events inside one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wm-error.h"
#include "wm-event-writer.h"
#include "wm-journeys-private.h"

/* Each dictionary keeps a bounded cache of name → id in memory and asks
 * SQLite's unique index on a miss, so memory stays flat whatever the number
 * of distinct customers in the file. */
#define DICTIONARY_CACHE_LIMIT (1 << 18)

/* Events go to SQLite in multi-row INSERTs: one statement per batch runs
 * far fewer VDBE programs than one per event. */
#define BATCH_ROWS 64
#define EVENT_COLUMNS 6

/* Parsing (the caller's thread) and storing (the store thread) overlap: rows
 * travel in a fixed pool of batches, so memory stays bounded and a fast
 * reader waits for the database rather than piling rows up. */
#define ROWS_PER_BATCH 4096
#define N_BATCHES 4
#define NO_STRING G_MAXSIZE

/* Events for the journey cache go to its file in blocks of this many: one
 * fwrite() per event (which locks the stream) cost more than the rest. */
#define KEPT_EVENTS 4096

/* Customers are counted in a bitset indexed by id.  SQLite numbers them
 * from 1 up, so ids stay below the number of customers ever added; a file
 * with ids far beyond (edited elsewhere) would need a huge bitset. */
#define MAX_CUSTOMER_ID (G_GINT64_CONSTANT (1) << 28)

typedef struct
{
  gsize   customer;     /* offsets into the batch's strings */
  gsize   touchpoint;
  gsize   channel;      /* NO_STRING: none */
  gsize   properties;   /* NO_STRING: none */
  gint64  ts;
  guint64 line;         /* for a reject: customer = reason, touchpoint = excerpt */
  gboolean is_reject;
} Row;

typedef struct
{
  GString *strings;
  GArray  *rows;
} Batch;

typedef struct
{
  gint64 customer;
  gint64 ts;
  gint64 touchpoint;
  gint64 channel;       /* -1: none */
  gint64 property_set;  /* -1: none */
} PendingEvent;

typedef struct
{
  GHashTable   *cache;
  sqlite3_stmt *insert;
  sqlite3_stmt *select;
  const char   *last_name;  /* logs repeat the previous row's values often; a key of @cache */
  gint64        last_id;
} Dictionary;

struct _WmEventWriter
{
  WmProject    *project;
  sqlite3      *db;
  gint64        import_id;
  char         *file_name;
  Dictionary    customers;
  Dictionary    touchpoints;
  Dictionary    channels;
  Dictionary    property_sets;
  sqlite3_stmt *insert_event;
  sqlite3_stmt *insert_batch;
  PendingEvent  pending[BATCH_ROWS];
  guint         n_pending;
  sqlite3_stmt *insert_reject;
  GArray       *seen_customers;  /* bitset of customer ids */
  GArray       *added;           /* guint32 events per customer id */
  guint64       n_customers;
  gint64        events_rowid_before;
  gint64        imports_id_before;
  FILE         *added_events;    /* WmJourneyEvent per event, for the journey cache; NULL if unavailable */
  WmJourneyEvent kept[KEPT_EVENTS]; /* not yet in added_events */
  guint         n_kept;
  guint32       max_channel;     /* largest ids in added_events */
  guint32       max_property_set;

  /* Owned by the caller's thread. */
  Batch        *filling;
  guint64       n_events;
  guint64       n_rejected;
  guint         in_transaction : 1;
  guint         committed : 1;

  /* The store thread, and what it hands back. */
  GThread      *thread;
  GAsyncQueue  *full;           /* Batch* to store; the writer itself ends */
  GAsyncQueue  *empty;          /* Batch* ready to fill */
  GError       *store_error;    /* set by the store thread before it stops storing */
  gint          failed;         /* atomic */
};

static gboolean
dictionary_init (Dictionary  *dict,
                 WmProject   *project,
                 const char  *table,
                 const char  *column,
                 GError     **error)
{
  g_autofree char *insert = g_strdup_printf ("INSERT INTO %s (%s) VALUES (?)", table, column);
  g_autofree char *select = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?", table, column);

  dict->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  dict->last_name = NULL;
  dict->last_id = -1;
  dict->insert = wm_project_prepare (project, insert, error);
  if (dict->insert == NULL)
    return FALSE;
  dict->select = wm_project_prepare (project, select, error);
  return dict->select != NULL;
}

static void
dictionary_clear (Dictionary *dict)
{
  g_clear_pointer (&dict->cache, g_hash_table_unref);
  dict->last_name = NULL;
  g_clear_pointer (&dict->insert, sqlite3_finalize);
  g_clear_pointer (&dict->select, sqlite3_finalize);
}

static gint64
dictionary_lookup (WmEventWriter  *self,
                   Dictionary     *dict,
                   const char     *name,
                   GError        **error)
{
  gpointer key, cached;
  char *copy;
  gint64 id = -1;
  int rc;

  if (dict->last_name != NULL && strcmp (dict->last_name, name) == 0)
    return dict->last_id;

  if (g_hash_table_lookup_extended (dict->cache, name, &key, &cached))
    {
      id = GPOINTER_TO_SIZE (cached);
      dict->last_name = key;
      dict->last_id = id;
      return id;
    }

  /* Most names not in the cache are new: try to add them first; the unique
   * index turns a known name away, and then we look it up. */
  sqlite3_bind_text (dict->insert, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (dict->insert);
  sqlite3_reset (dict->insert);
  if (rc == SQLITE_DONE)
    id = sqlite3_last_insert_rowid (self->db);
  else if (rc != SQLITE_CONSTRAINT_UNIQUE)
    {
      wm_project_set_sqlite_error (self->project, rc, "dictionary", error);
      return -1;
    }
  else
    {
      sqlite3_bind_text (dict->select, 1, name, -1, SQLITE_STATIC);
      rc = sqlite3_step (dict->select);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (dict->select, 0);
      sqlite3_reset (dict->select);
      if (rc != SQLITE_ROW)
        {
          wm_project_set_sqlite_error (self->project, rc, "dictionary", error);
          return -1;
        }
    }

  if (g_hash_table_size (dict->cache) >= DICTIONARY_CACHE_LIMIT)
    g_hash_table_remove_all (dict->cache);
  copy = g_strdup (name);
  g_hash_table_insert (dict->cache, copy, GSIZE_TO_POINTER ((gsize) id));
  dict->last_name = copy;
  dict->last_id = id;

  return id;
}

static void
count_customer (WmEventWriter *self,
                gint64         id)
{
  guint word = (guint) (id / 64);
  guint64 bit = G_GUINT64_CONSTANT (1) << (id % 64);
  guint64 *words;

  if (word >= self->seen_customers->len)
    g_array_set_size (self->seen_customers, MAX (word + 1, self->seen_customers->len * 2));

  if ((guint64) id >= self->added->len)
    g_array_set_size (self->added, MAX ((guint) id + 1, self->added->len * 2));
  g_array_index (self->added, guint32, id)++;

  words = (guint64 *) (gpointer) self->seen_customers->data;
  if ((words[word] & bit) == 0)
    {
      words[word] |= bit;
      self->n_customers++;
    }
}

static void
write_kept (WmEventWriter *self)
{
  if (self->added_events != NULL && self->n_kept > 0 &&
      fwrite (self->kept, sizeof self->kept[0], self->n_kept, self->added_events) != self->n_kept)
    g_clear_pointer (&self->added_events, fclose);
  self->n_kept = 0;
}

/* Sets the event aside for the journey cache, which then needs not read
 * the import back; without room for it the cache reads the rows instead. */
static void
keep_event (WmEventWriter      *self,
            const PendingEvent *pending)
{
  WmJourneyEvent event = {
    pending->ts, (guint32) pending->customer, (guint32) pending->touchpoint,
    pending->channel >= 0 ? (guint32) pending->channel : 0,
    pending->property_set >= 0 ? (guint32) pending->property_set : 0,
  };

  self->max_channel = MAX (self->max_channel, event.channel);
  self->max_property_set = MAX (self->max_property_set, event.property_set);
  self->kept[self->n_kept++] = event;
  if (self->n_kept == KEPT_EVENTS)
    write_kept (self);
}

static sqlite3_stmt *
prepare_insert (WmProject  *project,
                guint       n_rows,
                GError    **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO events"
                                         " (import, customer, ts, touchpoint, channel, property_set) VALUES ");

  for (guint i = 0; i < n_rows; i++)
    g_string_append (sql, i == 0 ? "(?,?,?,?,?,?)" : ",(?,?,?,?,?,?)");

  return wm_project_prepare (project, sql->str, error);
}

static void
bind_event (sqlite3_stmt       *stmt,
            int                 first,
            gint64              import_id,
            const PendingEvent *event)
{
  sqlite3_bind_int64 (stmt, first + 1, import_id);
  sqlite3_bind_int64 (stmt, first + 2, event->customer);
  sqlite3_bind_int64 (stmt, first + 3, event->ts);
  sqlite3_bind_int64 (stmt, first + 4, event->touchpoint);
  if (event->channel >= 0)
    sqlite3_bind_int64 (stmt, first + 5, event->channel);
  else
    sqlite3_bind_null (stmt, first + 5);
  if (event->property_set >= 0)
    sqlite3_bind_int64 (stmt, first + 6, event->property_set);
  else
    sqlite3_bind_null (stmt, first + 6);
}

static gboolean
flush_pending (WmEventWriter  *self,
               GError        **error)
{
  sqlite3_stmt *stmt = self->n_pending == BATCH_ROWS ? self->insert_batch : self->insert_event;
  guint per_statement = self->n_pending == BATCH_ROWS ? BATCH_ROWS : 1;

  for (guint done = 0; done < self->n_pending; done += per_statement)
    {
      int rc;

      for (guint i = 0; i < per_statement; i++)
        bind_event (stmt, i * EVENT_COLUMNS, self->import_id, &self->pending[done + i]);

      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          wm_project_set_sqlite_error (self->project, rc, "event", error);
          return FALSE;
        }
    }

  self->n_pending = 0;
  return TRUE;
}

static gboolean
store_event (WmEventWriter  *self,
             const char     *customer,
             const char     *touchpoint,
             const char     *channel,
             gint64          ts_ms,
             const char     *properties_json,
             GError        **error)
{
  gint64 customer_id;
  gint64 touchpoint_id;
  gint64 channel_id = -1;
  gint64 property_set_id = -1;

  if ((customer_id = dictionary_lookup (self, &self->customers, customer, error)) < 0 ||
      (touchpoint_id = dictionary_lookup (self, &self->touchpoints, touchpoint, error)) < 0)
    return FALSE;

  if (customer_id >= MAX_CUSTOMER_ID)
    {
      g_autofree char *name = g_filename_display_basename (wm_project_get_path (self->project));

      g_set_error (error, WM_ERROR, WM_ERROR_CORRUPT,
                   _("“%s” is damaged: its customers are numbered beyond what Waymark writes. Import into a new project instead."),
                   name);
      return FALSE;
    }

  if (channel != NULL && channel[0] != '\0' &&
      (channel_id = dictionary_lookup (self, &self->channels, channel, error)) < 0)
    return FALSE;

  if (properties_json != NULL &&
      (property_set_id = dictionary_lookup (self, &self->property_sets, properties_json, error)) < 0)
    return FALSE;

  self->pending[self->n_pending++] = (PendingEvent) {
    customer_id, ts_ms, touchpoint_id, channel_id, property_set_id
  };
  keep_event (self, &self->pending[self->n_pending - 1]);
  if (self->n_pending == BATCH_ROWS && !flush_pending (self, error))
    return FALSE;

  count_customer (self, customer_id);

  return TRUE;
}

static gboolean
store_reject (WmEventWriter  *self,
              guint64         line,
              const char     *reason,
              const char     *excerpt,
              GError        **error)
{
  int rc;

  sqlite3_bind_int64 (self->insert_reject, 1, self->import_id);
  sqlite3_bind_text (self->insert_reject, 2, self->file_name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (self->insert_reject, 3, (sqlite3_int64) line);
  sqlite3_bind_text (self->insert_reject, 4, reason, -1, SQLITE_STATIC);
  if (excerpt != NULL)
    sqlite3_bind_text (self->insert_reject, 5, excerpt, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (self->insert_reject, 5);

  rc = sqlite3_step (self->insert_reject);
  sqlite3_reset (self->insert_reject);
  if (rc != SQLITE_DONE)
    {
      wm_project_set_sqlite_error (self->project, rc, "reject", error);
      return FALSE;
    }

  return TRUE;
}

static const char *
batch_string (const Batch *batch,
              gsize        offset)
{
  return offset == NO_STRING ? NULL : batch->strings->str + offset;
}

static gsize
batch_add_string (Batch      *batch,
                  const char *text)
{
  gsize offset = batch->strings->len;

  if (text == NULL)
    return NO_STRING;

  g_string_append_len (batch->strings, text, strlen (text) + 1);
  return offset;
}

static gboolean
store_batch (WmEventWriter  *self,
             Batch          *batch,
             GError        **error)
{
  for (guint i = 0; i < batch->rows->len; i++)
    {
      const Row *row = &g_array_index (batch->rows, Row, i);
      gboolean ok;

      if (row->is_reject)
        ok = store_reject (self, row->line,
                           batch_string (batch, row->customer),
                           batch_string (batch, row->touchpoint),
                           error);
      else
        ok = store_event (self,
                          batch_string (batch, row->customer),
                          batch_string (batch, row->touchpoint),
                          batch_string (batch, row->channel),
                          row->ts,
                          batch_string (batch, row->properties),
                          error);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* After a failure it keeps recycling batches, so the filling side never
 * blocks; the failure is reported on the next add or at commit. */
static gpointer
store_thread (gpointer data)
{
  WmEventWriter *self = data;
  gpointer item;

  while ((item = g_async_queue_pop (self->full)) != (gpointer) self)
    {
      Batch *batch = item;

      if (!g_atomic_int_get (&self->failed))
        {
          GError *error = NULL;

          if (!store_batch (self, batch, &error))
            {
              self->store_error = error;
              g_atomic_int_set (&self->failed, TRUE);
            }
        }

      g_string_truncate (batch->strings, 0);
      g_array_set_size (batch->rows, 0);
      g_async_queue_push (self->empty, batch);
    }

  return NULL;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_string_free (batch->strings, TRUE);
  g_array_unref (batch->rows);
  g_free (batch);
}

/* Hands what was filled so far to the store thread and waits until it is
 * stored; afterwards the connection belongs to the caller again. */
static gboolean
drain (WmEventWriter  *self,
       GError        **error)
{
  if (self->thread == NULL)
    return TRUE;

  if (self->filling->rows->len > 0)
    {
      g_async_queue_push (self->full, self->filling);
      self->filling = g_async_queue_pop (self->empty);
    }
  g_async_queue_push (self->full, self);
  g_thread_join (g_steal_pointer (&self->thread));

  if (self->store_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->store_error));
      return FALSE;
    }

  return flush_pending (self, error);
}

static gboolean
check_store (WmEventWriter  *self,
             GError        **error)
{
  if (G_LIKELY (!g_atomic_int_get (&self->failed)))
    return TRUE;

  return drain (self, error);
}

static void
queue_row (WmEventWriter *self,
           const Row     *row)
{
  g_array_append_vals (self->filling->rows, row, 1);

  if (self->filling->rows->len >= ROWS_PER_BATCH)
    {
      g_async_queue_push (self->full, self->filling);
      self->filling = g_async_queue_pop (self->empty);
    }
}

WmEventWriter *
wm_event_writer_new (WmProject   *project,
                     const char  *file_name,
                     const char  *format,
                     GError     **error)
{
  g_autoptr(WmEventWriter) self = NULL;
  g_autoptr(sqlite3_stmt) history = NULL;
  int rc;

  g_return_val_if_fail (WM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  if (wm_project_is_read_only (project))
    {
      wm_project_set_sqlite_error (project, SQLITE_READONLY, "import", error);
      return NULL;
    }

  self = g_new0 (WmEventWriter, 1);
  self->project = g_object_ref (project);
  self->db = wm_project_get_db (project);
  self->file_name = g_strdup (file_name);
  self->seen_customers = g_array_sized_new (FALSE, TRUE, sizeof (guint64), 1024);
  self->added = g_array_sized_new (FALSE, TRUE, sizeof (guint32), 4096);
  /* Deleted by the system once closed. */
  self->added_events = tmpfile ();
  if (self->added_events != NULL)
    setvbuf (self->added_events, NULL, _IOFBF, 1 << 20);

  if (!wm_project_exec (project, "BEGIN IMMEDIATE", error))
    return NULL;
  self->in_transaction = TRUE;

  if (!dictionary_init (&self->customers, project, "customers", "name", error) ||
      !dictionary_init (&self->touchpoints, project, "touchpoints", "name", error) ||
      !dictionary_init (&self->channels, project, "channels", "name", error) ||
      !dictionary_init (&self->property_sets, project, "property_sets", "json", error))
    return NULL;

  self->insert_event = prepare_insert (project, 1, error);
  if (self->insert_event == NULL)
    return NULL;

  self->insert_batch = prepare_insert (project, BATCH_ROWS, error);
  if (self->insert_batch == NULL)
    return NULL;

  self->insert_reject = wm_project_prepare (project,
                                            "INSERT INTO rejects (import, file, line, reason, excerpt)"
                                            " VALUES (?, ?, ?, ?, ?)",
                                            error);
  if (self->insert_reject == NULL)
    return NULL;

  /* Where the events stood: the journey cache is updated from there. */
  if (!wm_project_query_int (project, "SELECT coalesce(max(rowid), 0) FROM events", &self->events_rowid_before, error) ||
      !wm_project_query_int (project, "SELECT coalesce(max(id), 0) FROM imports", &self->imports_id_before, error))
    return NULL;

  history = wm_project_prepare (project,
                                "INSERT INTO imports (file, format, started_at) VALUES (?, ?, ?)",
                                error);
  if (history == NULL)
    return NULL;

  sqlite3_bind_text (history, 1, file_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (history, 2, format, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (history, 3, g_get_real_time () / 1000);
  rc = sqlite3_step (history);
  if (rc != SQLITE_DONE)
    {
      wm_project_set_sqlite_error (project, rc, "import history", error);
      return NULL;
    }
  self->import_id = sqlite3_last_insert_rowid (self->db);

  self->full = g_async_queue_new ();
  self->empty = g_async_queue_new_full (batch_free);
  for (guint i = 0; i < N_BATCHES; i++)
    {
      Batch *batch = g_new0 (Batch, 1);

      batch->strings = g_string_sized_new (ROWS_PER_BATCH * 64);
      batch->rows = g_array_sized_new (FALSE, FALSE, sizeof (Row), ROWS_PER_BATCH);
      g_async_queue_push (self->empty, batch);
    }
  self->filling = g_async_queue_pop (self->empty);
  self->thread = g_thread_new ("waymark-store", store_thread, self);

  return g_steal_pointer (&self);
}

gboolean
wm_event_writer_add (WmEventWriter  *self,
                     const char     *customer,
                     const char     *touchpoint,
                     const char     *channel,
                     gint64          ts_ms,
                     const char     *properties_json,
                     GError        **error)
{
  Row row;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->thread != NULL, FALSE);
  g_return_val_if_fail (customer != NULL && touchpoint != NULL, FALSE);

  if (!check_store (self, error))
    return FALSE;

  row.customer = batch_add_string (self->filling, customer);
  row.touchpoint = batch_add_string (self->filling, touchpoint);
  row.channel = batch_add_string (self->filling, channel);
  row.properties = batch_add_string (self->filling, properties_json);
  row.ts = ts_ms;
  row.line = 0;
  row.is_reject = FALSE;
  queue_row (self, &row);

  self->n_events++;

  return TRUE;
}

gboolean
wm_event_writer_reject (WmEventWriter  *self,
                        guint64         line,
                        const char     *reason,
                        const char     *excerpt,
                        GError        **error)
{
  Row row = { 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->thread != NULL, FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);

  if (!check_store (self, error))
    return FALSE;

  row.customer = batch_add_string (self->filling, reason);
  row.touchpoint = batch_add_string (self->filling, excerpt);
  row.line = line;
  row.is_reject = TRUE;
  queue_row (self, &row);

  self->n_rejected++;

  return TRUE;
}

gboolean
wm_event_writer_flush (WmEventWriter  *self,
                       GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return drain (self, error);
}

gboolean
wm_event_writer_commit (WmEventWriter  *self,
                        const char     *sha256,
                        guint64         size,
                        GError        **error)
{
  g_autoptr(sqlite3_stmt) history = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!drain (self, error))
    return FALSE;

  history = wm_project_prepare (self->project,
                                "UPDATE imports SET sha256 = ?, size = ?, rows = ?, rejected = ?,"
                                " finished_at = ? WHERE id = ?",
                                error);
  if (history == NULL)
    return FALSE;

  if (sha256 != NULL)
    sqlite3_bind_text (history, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (history, 2, (sqlite3_int64) size);
  sqlite3_bind_int64 (history, 3, (sqlite3_int64) self->n_events);
  sqlite3_bind_int64 (history, 4, (sqlite3_int64) self->n_rejected);
  sqlite3_bind_int64 (history, 5, g_get_real_time () / 1000);
  sqlite3_bind_int64 (history, 6, self->import_id);
  rc = sqlite3_step (history);
  if (rc != SQLITE_DONE)
    {
      wm_project_set_sqlite_error (self->project, rc, "import history", error);
      return FALSE;
    }

  /* In the same transaction: the journeys cache always matches the events. */
  write_kept (self);
  {
    WmJourneysDelta delta = {
      self->import_id, self->n_events, self->events_rowid_before, self->imports_id_before,
      (const guint32 *) (gconstpointer) self->added->data, self->added->len,
      self->added_events, self->max_channel, self->max_property_set,
    };

    if (!wm_journeys_cache_refresh (self->project, &delta, error))
      return FALSE;
  }

  if (!wm_project_exec (self->project, "COMMIT", error))
    return FALSE;

  self->in_transaction = FALSE;
  self->committed = TRUE;

  if (self->n_events > 0)
    wm_project_events_changed (self->project);

  return TRUE;
}

guint64
wm_event_writer_get_n_events (WmEventWriter *self)
{
  return self->n_events;
}

guint64
wm_event_writer_get_n_rejected (WmEventWriter *self)
{
  return self->n_rejected;
}

guint64
wm_event_writer_get_n_customers (WmEventWriter *self)
{
  return self->n_customers;
}

const GArray *
wm_event_writer_get_customer_set (WmEventWriter *self)
{
  return self->seen_customers;
}

gint64
wm_event_writer_get_import_id (WmEventWriter *self)
{
  return self->import_id;
}

void
wm_event_writer_free (WmEventWriter *self)
{
  if (self == NULL)
    return;

  if (self->thread != NULL)
    {
      g_async_queue_push (self->full, self);
      g_thread_join (g_steal_pointer (&self->thread));
    }
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->filling, batch_free);
  g_clear_pointer (&self->full, g_async_queue_unref);
  g_clear_pointer (&self->empty, g_async_queue_unref);

  dictionary_clear (&self->customers);
  dictionary_clear (&self->touchpoints);
  dictionary_clear (&self->channels);
  dictionary_clear (&self->property_sets);
  g_clear_pointer (&self->insert_event, sqlite3_finalize);
  g_clear_pointer (&self->insert_batch, sqlite3_finalize);
  g_clear_pointer (&self->insert_reject, sqlite3_finalize);

  if (self->in_transaction)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  g_clear_pointer (&self->seen_customers, g_array_unref);
  g_clear_pointer (&self->added, g_array_unref);
  g_clear_pointer (&self->added_events, fclose);
  g_clear_object (&self->project);
  g_free (self->file_name);
  g_free (self);
}
