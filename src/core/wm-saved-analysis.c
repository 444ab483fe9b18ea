/* wm-saved-analysis.c: named funnels and flows stored in a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-analysis-json.h"
#include "wm-error.h"
#include "wm-saved-analysis.h"

void
wm_saved_analysis_free (WmSavedAnalysis *analysis)
{
  if (analysis == NULL)
    return;

  g_free (analysis->kind);
  g_free (analysis->name);
  g_free (analysis->definition);
  g_free (analysis);
}

GPtrArray *
wm_saved_analysis_list (WmProject   *project,
                        const char  *kind,
                        GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_saved_analysis_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WM_IS_PROJECT (project), NULL);

  stmt = wm_project_prepare (project,
                             "SELECT id, kind, name, definition, created_at FROM analyses"
                             " WHERE ?1 IS NULL OR kind = ?1 ORDER BY created_at, id",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WmSavedAnalysis *analysis = g_new0 (WmSavedAnalysis, 1);

      analysis->id = sqlite3_column_int64 (stmt, 0);
      analysis->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      analysis->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      analysis->definition = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      analysis->created_at = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (list, analysis);
    }
  if (rc != SQLITE_DONE)
    {
      wm_project_set_sqlite_error (project, rc, "saved analyses", error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

static char *
checked_name (const char  *name,
              GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                           _("Give the analysis a name"));
      return NULL;
    }
  if (!g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error_literal (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                           _("The name is not valid UTF-8 text"));
      return NULL;
    }

  return g_steal_pointer (&trimmed);
}

static gboolean
step_done (WmProject     *project,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;

  wm_project_set_sqlite_error (project, rc, "saved analyses", error);
  return FALSE;
}

static gint64
save (WmProject   *project,
      const char  *kind,
      const char  *name,
      JsonNode    *definition,
      GError     **error)
{
  g_autofree char *checked = checked_name (name, error);
  g_autofree char *json = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (checked == NULL)
    return 0;
  json = json_to_string (definition, FALSE);

  /* One statement changes the table either way, so a failure leaves the
   * saved analysis as it was. */
  update = wm_project_prepare (project,
                               "UPDATE analyses SET definition = ?3 WHERE kind = ?1 AND name = ?2"
                               " RETURNING id",
                               error);
  if (update == NULL)
    return 0;
  sqlite3_bind_text (update, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 2, checked, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 3, json, -1, SQLITE_STATIC);
  switch (sqlite3_step (update))
    {
    case SQLITE_ROW:
      {
        gint64 id = sqlite3_column_int64 (update, 0);

        return step_done (project, update, error) ? id : 0;
      }
    case SQLITE_DONE:
      break;
    default:
      wm_project_set_sqlite_error (project, sqlite3_errcode (wm_project_get_db (project)),
                                   "saved analyses", error);
      return 0;
    }

  insert = wm_project_prepare (project,
                               "INSERT INTO analyses (kind, name, definition, created_at)"
                               " VALUES (?1, ?2, ?3, ?4)",
                               error);
  if (insert == NULL)
    return 0;
  sqlite3_bind_text (insert, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, checked, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, json, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 4, g_get_real_time () / 1000);
  if (!step_done (project, insert, error))
    return 0;

  return sqlite3_last_insert_rowid (wm_project_get_db (project));
}

gint64
wm_saved_analysis_save_funnel (WmProject            *project,
                               const char           *name,
                               const WmFunnelQuery  *query,
                               GError              **error)
{
  g_autoptr(JsonNode) definition = NULL;

  g_return_val_if_fail (WM_IS_PROJECT (project), 0);
  g_return_val_if_fail (query != NULL, 0);

  definition = wm_funnel_query_to_json (query);
  return save (project, WM_SAVED_KIND_FUNNEL, name, definition, error);
}

gint64
wm_saved_analysis_save_flow (WmProject          *project,
                             const char         *name,
                             const WmFlowQuery  *query,
                             GError            **error)
{
  g_autoptr(JsonNode) definition = NULL;

  g_return_val_if_fail (WM_IS_PROJECT (project), 0);
  g_return_val_if_fail (query != NULL, 0);

  definition = wm_flow_query_to_json (query);
  return save (project, WM_SAVED_KIND_FLOW, name, definition, error);
}

gboolean
wm_saved_analysis_rename (WmProject   *project,
                          gint64       id,
                          const char  *name,
                          GError     **error)
{
  g_autofree char *checked = checked_name (name, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WM_IS_PROJECT (project), FALSE);

  if (checked == NULL)
    return FALSE;

  /* The NOT EXISTS keeps names unique per kind in the same statement. */
  stmt = wm_project_prepare (project,
                             "UPDATE analyses SET name = ?2 WHERE id = ?1 AND NOT EXISTS"
                             " (SELECT 1 FROM analyses AS other WHERE other.kind = analyses.kind"
                             "  AND other.name = ?2 AND other.id != ?1)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, checked, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      wm_project_set_sqlite_error (project, rc, "saved analyses", error);
      return FALSE;
    }
  if (sqlite3_changes (wm_project_get_db (project)) == 0)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                   _("Another saved analysis is already named “%s”, or this one was deleted"), checked);
      return FALSE;
    }

  return TRUE;
}

gboolean
wm_saved_analysis_delete (WmProject   *project,
                          gint64       id,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (WM_IS_PROJECT (project), FALSE);

  stmt = wm_project_prepare (project, "DELETE FROM analyses WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return step_done (project, stmt, error);
}

static JsonNode *
parse_definition (const WmSavedAnalysis  *analysis,
                  GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *node = json_from_string (analysis->definition, &local_error);

  if (node == NULL)
    g_set_error (error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT,
                 _("The saved analysis “%s” cannot be read: %s"),
                 analysis->name,
                 local_error != NULL ? local_error->message : _("it is empty"));

  return node;
}

WmFunnelQuery *
wm_saved_analysis_get_funnel (const WmSavedAnalysis  *analysis,
                              GError                **error)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (analysis != NULL, NULL);
  g_return_val_if_fail (g_strcmp0 (analysis->kind, WM_SAVED_KIND_FUNNEL) == 0, NULL);

  node = parse_definition (analysis, error);
  return node != NULL ? wm_funnel_query_from_json (node, error) : NULL;
}

WmFlowQuery *
wm_saved_analysis_get_flow (const WmSavedAnalysis  *analysis,
                            GError                **error)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (analysis != NULL, NULL);
  g_return_val_if_fail (g_strcmp0 (analysis->kind, WM_SAVED_KIND_FLOW) == 0, NULL);

  node = parse_definition (analysis, error);
  return node != NULL ? wm_flow_query_from_json (node, error) : NULL;
}
