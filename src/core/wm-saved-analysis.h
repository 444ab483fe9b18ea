/* wm-saved-analysis.h: named funnels and flows stored in a project
 *
 * Rows of the project's `analyses` table: a kind ("funnel" or "flow"), a
 * name unique within its kind, and the query as JSON (wm-analysis-json.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-analysis.h"
#include "wm-project.h"

G_BEGIN_DECLS

#define WM_SAVED_KIND_FUNNEL "funnel"
#define WM_SAVED_KIND_FLOW   "flow"

typedef struct
{
  gint64  id;
  char   *kind;
  char   *name;
  char   *definition;   /* the query's JSON text */
  gint64  created_at;   /* milliseconds UTC */
} WmSavedAnalysis;

void             wm_saved_analysis_free        (WmSavedAnalysis  *analysis);

/* The saved analyses of @kind (NULL: every kind), oldest first; an array
 * of WmSavedAnalysis. */
GPtrArray       *wm_saved_analysis_list        (WmProject        *project,
                                                const char       *kind,
                                                GError          **error);
/* Saves @query under @name (spaces around it trimmed; empty names are
 * refused with WM_ERROR_INVALID_ARGUMENT). A saved analysis of the same
 * kind and name is replaced, keeping its id and date. Returns the id, 0
 * on failure. */
gint64           wm_saved_analysis_save_funnel (WmProject            *project,
                                                const char           *name,
                                                const WmFunnelQuery  *query,
                                                GError              **error);
gint64           wm_saved_analysis_save_flow   (WmProject            *project,
                                                const char           *name,
                                                const WmFlowQuery    *query,
                                                GError              **error);
/* Fails with WM_ERROR_INVALID_ARGUMENT when another analysis of the same
 * kind has @name, or when @id is not saved; nothing changes then. */
gboolean         wm_saved_analysis_rename      (WmProject        *project,
                                                gint64            id,
                                                const char       *name,
                                                GError          **error);
gboolean         wm_saved_analysis_delete      (WmProject        *project,
                                                gint64            id,
                                                GError          **error);

/* The query of @analysis (which must be of its kind); a clear
 * WM_ERROR_INVALID_DOCUMENT when its JSON cannot be read. */
WmFunnelQuery   *wm_saved_analysis_get_funnel  (const WmSavedAnalysis *analysis,
                                                GError               **error);
WmFlowQuery     *wm_saved_analysis_get_flow    (const WmSavedAnalysis *analysis,
                                                GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmSavedAnalysis, wm_saved_analysis_free)

G_END_DECLS
