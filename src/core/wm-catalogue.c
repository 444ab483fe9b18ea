/* wm-catalogue.c: per-touchpoint counts in two grouped scans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-catalogue.h"
#include "wm-error.h"

static void
catalogue_entry_free (gpointer data)
{
  WmCatalogueEntry *entry = data;

  g_free (entry->name);
  g_free (entry->top_channel);
  g_free (entry);
}

static gboolean
check_cancelled (GCancellable  *cancellable,
                 GError       **error)
{
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error_literal (error, WM_ERROR, WM_ERROR_CANCELLED, _("Cancelled"));
      return TRUE;
    }

  return FALSE;
}

/* The most used channel per touchpoint: one scan grouped by both ids beats
 * a correlated subquery per touchpoint on a large table. */
static gboolean
load_top_channels (WmProject     *project,
                   GHashTable    *by_id,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) best = g_hash_table_new (NULL, NULL);
  int rc;

  stmt = wm_project_prepare (project,
                             "SELECT e.touchpoint, ch.name, count(*) FROM events e"
                             " JOIN channels ch ON ch.id = e.channel"
                             " GROUP BY e.touchpoint, e.channel",
                             error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 touchpoint = sqlite3_column_int64 (stmt, 0);
      const char *channel = (const char *) sqlite3_column_text (stmt, 1);
      gint64 n = sqlite3_column_int64 (stmt, 2);
      WmCatalogueEntry *entry = g_hash_table_lookup (by_id, GINT_TO_POINTER ((int) touchpoint));
      gint64 best_n = GPOINTER_TO_SIZE (g_hash_table_lookup (best, entry));

      if (entry == NULL)
        continue;

      if (n > best_n || (n == best_n && g_strcmp0 (channel, entry->top_channel) < 0))
        {
          g_free (entry->top_channel);
          entry->top_channel = g_strdup (channel);
          g_hash_table_insert (best, entry, GSIZE_TO_POINTER ((gsize) n));
        }
    }

  if (rc != SQLITE_DONE)
    {
      wm_project_set_sqlite_error (project, rc, "catalogue", error);
      return FALSE;
    }

  return !check_cancelled (cancellable, error);
}

GPtrArray *
wm_catalogue_load (WmProject     *project,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (catalogue_entry_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (NULL, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WM_IS_PROJECT (project), NULL);

  stmt = wm_project_prepare (project,
                             "SELECT t.id, t.name, count(*), count(DISTINCT e.customer)"
                             " FROM events e JOIN touchpoints t ON t.id = e.touchpoint"
                             " GROUP BY e.touchpoint ORDER BY 3 DESC, 2",
                             error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WmCatalogueEntry *entry = g_new0 (WmCatalogueEntry, 1);

      entry->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->events = sqlite3_column_int64 (stmt, 2);
      entry->customers = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (entries, entry);
      g_hash_table_insert (by_id, GINT_TO_POINTER ((int) sqlite3_column_int64 (stmt, 0)), entry);
    }

  if (rc != SQLITE_DONE)
    {
      wm_project_set_sqlite_error (project, rc, "catalogue", error);
      return NULL;
    }

  if (check_cancelled (cancellable, error) ||
      !load_top_channels (project, by_id, cancellable, error))
    return NULL;

  return g_steal_pointer (&entries);
}
