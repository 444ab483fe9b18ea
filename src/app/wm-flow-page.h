/* wm-flow-page.h: the Flow view: Sankey of a flow query, its controls, and
 * each channel's leakage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wm-analysis.h"
#include "wm-flow-leakage.h"
#include "wm-sankey-view.h"
#include "wm-session.h"

G_BEGIN_DECLS

#define WM_TYPE_FLOW_PAGE (wm_flow_page_get_type ())
G_DECLARE_FINAL_TYPE (WmFlowPage, wm_flow_page, WM, FLOW_PAGE, GtkBox)

GtkWidget     *wm_flow_page_new          (WmSession         *session);
WmSankeyView  *wm_flow_page_get_sankey   (WmFlowPage        *self);
WmFlowLeakage *wm_flow_page_get_leakage  (WmFlowPage        *self);
/* TRUE while a flow or leakage query runs (property "running"). */
gboolean       wm_flow_page_get_running  (WmFlowPage        *self);
/* TRUE while a graph is shown (property "has-chart"). */
gboolean       wm_flow_page_get_has_chart (WmFlowPage       *self);
/* Sets the controls from @query and runs it. */
void           wm_flow_page_set_query    (WmFlowPage        *self,
                                          const WmFlowQuery *query);
/* The query of the graph shown (its start after drilling in). */
WmFlowQuery   *wm_flow_page_get_query    (WmFlowPage        *self);
/* The leakage goal: sets it and runs the leakage query. */
void           wm_flow_page_set_goal     (WmFlowPage        *self,
                                          const char        *goal);
const char    *wm_flow_page_get_goal     (WmFlowPage        *self);
/* Opens the saved flow @id (one of wm_flow_page_get_saved()'s). */
gboolean       wm_flow_page_open_saved   (WmFlowPage        *self,
                                          gint64             id,
                                          GError           **error);
/* The saved flows listed (WmSavedAnalysis *), oldest first. */
GPtrArray     *wm_flow_page_get_saved    (WmFlowPage        *self);
/* Saves the shown flow in the project as @name, and lists it. */
gboolean       wm_flow_page_save         (WmFlowPage        *self,
                                          const char        *name,
                                          GError           **error);

G_END_DECLS
