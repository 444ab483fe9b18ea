/* wm-event-writer.c: appends one import's events inside one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-error.h"
#include "wm-event-writer.h"

/* Each dictionary keeps a bounded cache of name → id in memory and asks
 * SQLite's unique index on a miss, so memory stays flat whatever the number
 * of distinct customers in the file. */
#define DICTIONARY_CACHE_LIMIT (1 << 18)

typedef struct
{
  GHashTable   *cache;
  sqlite3_stmt *insert;
  sqlite3_stmt *select;
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
  sqlite3_stmt *insert_event;
  sqlite3_stmt *insert_reject;
  GArray       *seen_customers;  /* bitset of customer ids */
  guint64       n_events;
  guint64       n_rejected;
  guint64       n_customers;
  guint         in_transaction : 1;
  guint         committed : 1;
};

static gboolean
dictionary_init (Dictionary  *dict,
                 WmProject   *project,
                 const char  *table,
                 GError     **error)
{
  g_autofree char *insert = g_strdup_printf ("INSERT INTO %s (name) VALUES (?)"
                                             " ON CONFLICT (name) DO NOTHING RETURNING id",
                                             table);
  g_autofree char *select = g_strdup_printf ("SELECT id FROM %s WHERE name = ?", table);

  dict->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
  g_clear_pointer (&dict->insert, sqlite3_finalize);
  g_clear_pointer (&dict->select, sqlite3_finalize);
}

static gint64
dictionary_lookup (WmEventWriter  *self,
                   Dictionary     *dict,
                   const char     *name,
                   GError        **error)
{
  gpointer cached;
  gint64 id = -1;
  int rc;

  if (g_hash_table_lookup_extended (dict->cache, name, NULL, &cached))
    return GPOINTER_TO_SIZE (cached);

  sqlite3_bind_text (dict->insert, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (dict->insert);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (dict->insert, 0);
      rc = sqlite3_step (dict->insert);
    }
  sqlite3_reset (dict->insert);
  if (rc != SQLITE_DONE)
    {
      wm_project_set_sqlite_error (self->project, rc, "dictionary", error);
      return -1;
    }

  if (id < 0)
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
  g_hash_table_insert (dict->cache, g_strdup (name), GSIZE_TO_POINTER ((gsize) id));

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

  words = (guint64 *) (gpointer) self->seen_customers->data;
  if ((words[word] & bit) == 0)
    {
      words[word] |= bit;
      self->n_customers++;
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

  if (!wm_project_exec (project, "BEGIN IMMEDIATE", error))
    return NULL;
  self->in_transaction = TRUE;

  if (!dictionary_init (&self->customers, project, "customers", error) ||
      !dictionary_init (&self->touchpoints, project, "touchpoints", error) ||
      !dictionary_init (&self->channels, project, "channels", error))
    return NULL;

  self->insert_event = wm_project_prepare (project,
                                           "INSERT INTO events (import, customer, ts, touchpoint, channel, properties)"
                                           " VALUES (?, ?, ?, ?, ?, ?)",
                                           error);
  if (self->insert_event == NULL)
    return NULL;

  self->insert_reject = wm_project_prepare (project,
                                            "INSERT INTO rejects (import, file, line, reason, excerpt)"
                                            " VALUES (?, ?, ?, ?, ?)",
                                            error);
  if (self->insert_reject == NULL)
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
  gint64 customer_id;
  gint64 touchpoint_id;
  gint64 channel_id = -1;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (customer != NULL && touchpoint != NULL, FALSE);

  if ((customer_id = dictionary_lookup (self, &self->customers, customer, error)) < 0 ||
      (touchpoint_id = dictionary_lookup (self, &self->touchpoints, touchpoint, error)) < 0)
    return FALSE;

  if (channel != NULL && channel[0] != '\0' &&
      (channel_id = dictionary_lookup (self, &self->channels, channel, error)) < 0)
    return FALSE;

  sqlite3_bind_int64 (self->insert_event, 1, self->import_id);
  sqlite3_bind_int64 (self->insert_event, 2, customer_id);
  sqlite3_bind_int64 (self->insert_event, 3, ts_ms);
  sqlite3_bind_int64 (self->insert_event, 4, touchpoint_id);
  if (channel_id >= 0)
    sqlite3_bind_int64 (self->insert_event, 5, channel_id);
  else
    sqlite3_bind_null (self->insert_event, 5);
  if (properties_json != NULL)
    sqlite3_bind_text (self->insert_event, 6, properties_json, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (self->insert_event, 6);

  rc = sqlite3_step (self->insert_event);
  sqlite3_reset (self->insert_event);
  if (rc != SQLITE_DONE)
    {
      wm_project_set_sqlite_error (self->project, rc, "event", error);
      return FALSE;
    }

  count_customer (self, customer_id);
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
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);

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

  self->n_rejected++;

  return TRUE;
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

  dictionary_clear (&self->customers);
  dictionary_clear (&self->touchpoints);
  dictionary_clear (&self->channels);
  g_clear_pointer (&self->insert_event, sqlite3_finalize);
  g_clear_pointer (&self->insert_reject, sqlite3_finalize);

  if (self->in_transaction)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  g_clear_pointer (&self->seen_customers, g_array_unref);
  g_clear_object (&self->project);
  g_free (self->file_name);
  g_free (self);
}
