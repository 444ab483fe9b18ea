/* wm-journeys.c: loading and sharing the compact journeys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wm-error.h"
#include "wm-journeys-private.h"

G_DEFINE_BOXED_TYPE (WmJourneys, wm_journeys, wm_journeys_ref, wm_journeys_unref)

WmJourneys *
wm_journeys_ref (WmJourneys *journeys)
{
  g_return_val_if_fail (journeys != NULL, NULL);

  g_atomic_ref_count_inc (&journeys->ref_count);
  return journeys;
}

static void
free_names (char   **names,
            guint    n)
{
  if (names == NULL)
    return;
  for (guint i = 0; i < n; i++)
    g_free (names[i]);
  g_free (names);
}

void
wm_journeys_unref (WmJourneys *journeys)
{
  if (journeys == NULL || !g_atomic_ref_count_dec (&journeys->ref_count))
    return;

  wm_journey_columns_clear (&journeys->columns);
  free_names (journeys->touchpoint_names, journeys->n_touchpoint_ids);
  free_names (journeys->channel_names, journeys->n_channel_ids);
  free_names (journeys->property_sets, journeys->n_property_set_ids);
  g_clear_pointer (&journeys->touchpoint_ids, g_hash_table_unref);
  g_free (journeys);
}

/* Reads a dictionary table into an array indexed by id. */
static gboolean
load_names (WmProject    *project,
            const char   *sql,
            char       ***names,
            guint        *n_ids,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (project, sql, error);
  g_autoptr(GPtrArray) array = g_ptr_array_new ();
  int rc;

  if (stmt == NULL)
    return FALSE;

  g_ptr_array_add (array, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id < 1 || id >= G_MAXUINT32)
        continue;
      if ((guint64) id >= array->len)
        g_ptr_array_set_size (array, id + 1);
      g_free (array->pdata[id]);
      array->pdata[id] = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }

  if (rc != SQLITE_DONE)
    {
      for (guint i = 0; i < array->len; i++)
        g_free (array->pdata[i]);
      wm_project_set_sqlite_error (project, rc, "journeys", error);
      return FALSE;
    }

  *n_ids = array->len;
  *names = (char **) g_ptr_array_free (g_steal_pointer (&array), FALSE);
  return TRUE;
}

static gboolean
load_columns (WmProject     *project,
              WmJourneys    *journeys,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GError) write_error = NULL;
  GError *read_error = NULL;

  if (wm_journeys_cache_read (project, &journeys->columns, &read_error))
    return TRUE;
  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      return FALSE;
    }

  if (!wm_journeys_cache_build (project, &journeys->columns, cancellable, error))
    return FALSE;

  /* Storing is only a saving for next time: a failure (another writer,
   * a full disk) must not cost the caller its journeys. */
  if (!wm_project_is_read_only (project) &&
      !wm_journeys_cache_write (project, &journeys->columns, &write_error))
    g_debug ("Journey cache not stored: %s", write_error->message);

  return TRUE;
}

static gboolean
load_all (WmProject     *project,
          WmJourneys    *journeys,
          GCancellable  *cancellable,
          GError       **error)
{
  const WmJourneyColumns *columns = &journeys->columns;

  if (!load_columns (project, journeys, cancellable, error) ||
      !load_names (project, "SELECT id, name FROM touchpoints",
                   &journeys->touchpoint_names, &journeys->n_touchpoint_ids, error) ||
      !load_names (project, "SELECT id, name FROM channels",
                   &journeys->channel_names, &journeys->n_channel_ids, error) ||
      !load_names (project, "SELECT id, json FROM property_sets",
                   &journeys->property_sets, &journeys->n_property_set_ids, error))
    return FALSE;

  /* Ids in the events always have a name; anything else is damage. */
  for (guint64 e = 0; e < columns->n_events; e++)
    if (columns->touchpoint[e] >= journeys->n_touchpoint_ids ||
        journeys->touchpoint_names[columns->touchpoint[e]] == NULL ||
        wm_ids_get (&columns->channel, e) >= journeys->n_channel_ids ||
        wm_ids_get (&columns->property_set, e) >= journeys->n_property_set_ids)
      {
        g_set_error (error, WM_ERROR, WM_ERROR_CORRUPT,
                     _("The project’s events refer to touchpoints, channels or properties it does not have"));
        return FALSE;
      }

  return TRUE;
}

WmJourneys *
wm_journeys_load (WmProject           *project,
                  WmAnalysisProgress   progress,
                  gpointer             user_data,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_autoptr(WmJourneys) journeys = NULL;
  sqlite3 *db;
  gboolean own_transaction;
  gboolean ok;

  g_return_val_if_fail (WM_IS_PROJECT (project), NULL);

  journeys = g_new0 (WmJourneys, 1);
  g_atomic_ref_count_init (&journeys->ref_count);

  if (progress != NULL)
    progress (0.0, user_data);

  /* The cache is a few big BLOBs: reading them through a memory map
   * spares a system call per page.  The map goes once they are read, so
   * that the file's pages do not stay in the process beside the copy. */
  db = wm_project_get_db (project);
  sqlite3_exec (db, "PRAGMA mmap_size = 2147483647", NULL, NULL, NULL);

  /* One transaction: every read sees the same events. */
  own_transaction = sqlite3_get_autocommit (db);
  if (own_transaction && !wm_project_exec (project, "BEGIN", error))
    return NULL;

  ok = load_all (project, journeys, cancellable, error);

  if (own_transaction)
    {
      if (ok)
        ok = wm_project_exec (project, "COMMIT", error);
      if (!ok)
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
    }
  sqlite3_exec (db, "PRAGMA mmap_size = 0", NULL, NULL, NULL);
  if (!ok)
    return NULL;

  journeys->touchpoint_ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 1; i < journeys->n_touchpoint_ids; i++)
    if (journeys->touchpoint_names[i] != NULL)
      g_hash_table_insert (journeys->touchpoint_ids, journeys->touchpoint_names[i], GUINT_TO_POINTER (i));

  for (guint64 c = 0; c < journeys->columns.n_customers; c++)
    journeys->last_ts = c == 0 ? journeys->columns.ts[journeys->columns.offsets[1] - 1]
                               : MAX (journeys->last_ts,
                                      journeys->columns.ts[journeys->columns.offsets[c + 1] - 1]);

  if (progress != NULL)
    progress (1.0, user_data);

  return g_steal_pointer (&journeys);
}

guint64
wm_journeys_get_n_customers (WmJourneys *journeys)
{
  g_return_val_if_fail (journeys != NULL, 0);

  return journeys->columns.n_customers;
}

guint64
wm_journeys_get_n_events (WmJourneys *journeys)
{
  g_return_val_if_fail (journeys != NULL, 0);

  return journeys->columns.n_events;
}

gint64
wm_journeys_get_last_ts (WmJourneys *journeys)
{
  g_return_val_if_fail (journeys != NULL, 0);

  return journeys->last_ts;
}

/* Customers per touchpoint id: each customer counted once per touchpoint. */
static guint64 *
customers_per_touchpoint (WmJourneys *journeys)
{
  const WmJourneyColumns *columns = &journeys->columns;
  guint64 *counts = g_new0 (guint64, journeys->n_touchpoint_ids);
  g_autofree guint64 *last_seen = g_new0 (guint64, journeys->n_touchpoint_ids);

  for (guint64 c = 0; c < columns->n_customers; c++)
    for (guint32 e = columns->offsets[c]; e < columns->offsets[c + 1]; e++)
      {
        guint32 tp = columns->touchpoint[e];

        if (last_seen[tp] != c + 1)
          {
            last_seen[tp] = c + 1;
            counts[tp]++;
          }
      }

  return counts;
}

int
wm_ranked_compare (gconstpointer a,
                   gconstpointer b)
{
  const WmRanked *x = a;
  const WmRanked *y = b;

  if (x->customers != y->customers)
    return x->customers > y->customers ? -1 : 1;
  return strcmp (x->name, y->name);
}

char **
wm_journeys_list_touchpoints (WmJourneys  *journeys,
                              guint64    **customers)
{
  g_autofree guint64 *counts = NULL;
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (WmRanked));
  GStrvBuilder *builder;
  char **names;

  g_return_val_if_fail (journeys != NULL, NULL);

  counts = customers_per_touchpoint (journeys);
  for (guint i = 1; i < journeys->n_touchpoint_ids; i++)
    if (counts[i] > 0)
      {
        WmRanked r = { i, counts[i], journeys->touchpoint_names[i] };
        g_array_append_val (ranked, r);
      }
  g_array_sort (ranked, wm_ranked_compare);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < ranked->len; i++)
    g_strv_builder_add (builder, g_array_index (ranked, WmRanked, i).name);
  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  if (customers != NULL)
    {
      *customers = g_new0 (guint64, MAX (ranked->len, 1));
      for (guint i = 0; i < ranked->len; i++)
        (*customers)[i] = g_array_index (ranked, WmRanked, i).customers;
    }

  return names;
}

guint64
wm_journeys_count_customers (WmJourneys          *journeys,
                             const char * const  *touchpoints)
{
  const WmJourneyColumns *columns;
  g_autofree gboolean *wanted = NULL;
  guint64 n = 0;

  g_return_val_if_fail (journeys != NULL, 0);

  if (touchpoints == NULL)
    return 0;

  columns = &journeys->columns;
  wanted = g_new0 (gboolean, journeys->n_touchpoint_ids);
  for (guint i = 0; touchpoints[i] != NULL; i++)
    {
      gpointer id;

      if (g_hash_table_lookup_extended (journeys->touchpoint_ids, touchpoints[i], NULL, &id))
        wanted[GPOINTER_TO_UINT (id)] = TRUE;
    }

  for (guint64 c = 0; c < columns->n_customers; c++)
    for (guint32 e = columns->offsets[c]; e < columns->offsets[c + 1]; e++)
      if (wanted[columns->touchpoint[e]])
        {
          n++;
          break;
        }

  return n;
}

/* Edit distance between two short, case-folded names. */
static guint
distance (const char *a,
          const char *b)
{
  g_autofree gunichar *x = g_utf8_to_ucs4_fast (a, -1, NULL);
  g_autofree gunichar *y = g_utf8_to_ucs4_fast (b, -1, NULL);
  glong nx = 0, ny = 0;
  g_autofree guint *row = NULL;

  while (x[nx]) nx++;
  while (y[ny]) ny++;
  row = g_new (guint, ny + 1);
  for (glong j = 0; j <= ny; j++)
    row[j] = j;

  for (glong i = 1; i <= nx; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (glong j = 1; j <= ny; j++)
        {
          guint above = row[j];
          guint best = MIN (row[j] + 1, row[j - 1] + 1);

          row[j] = MIN (best, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1));
          diagonal = above;
        }
    }

  return row[ny];
}

gboolean
wm_journeys_lookup_touchpoint (WmJourneys  *journeys,
                               const char  *name,
                               guint32     *id,
                               GError     **error)
{
  g_autofree char *wanted = NULL;
  g_autoptr(GString) similar = NULL;
  gpointer found;
  guint n_similar = 0;

  if (g_hash_table_lookup_extended (journeys->touchpoint_ids, name, NULL, &found))
    {
      *id = GPOINTER_TO_UINT (found);
      return TRUE;
    }

  wanted = g_utf8_casefold (name, -1);
  similar = g_string_new (NULL);
  for (guint i = 1; i < journeys->n_touchpoint_ids && n_similar < 5; i++)
    {
      g_autofree char *candidate = NULL;

      if (journeys->touchpoint_names[i] == NULL)
        continue;
      candidate = g_utf8_casefold (journeys->touchpoint_names[i], -1);
      if (strstr (candidate, wanted) != NULL || strstr (wanted, candidate) != NULL ||
          distance (candidate, wanted) <= MAX (2, g_utf8_strlen (wanted, -1) / 3))
        {
          if (n_similar++ > 0)
            g_string_append (similar, ", ");
          g_string_append_printf (similar, "“%s”", journeys->touchpoint_names[i]);
        }
    }

  if (n_similar > 0)
    g_set_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                 /* Translators: the second %s is a list of touchpoint names */
                 _("No touchpoint is called “%s”; did you mean %s?"), name, similar->str);
  else
    g_set_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                 _("Unknown touchpoint “%s”"), name);
  return FALSE;
}
