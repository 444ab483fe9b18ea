/* wm-funnel-page.h: the Funnel view: a funnel builder, its chart, and the
 * project's saved funnels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wm-analysis.h"
#include "wm-funnel-chart.h"
#include "wm-funnel-steps.h"
#include "wm-session.h"

G_BEGIN_DECLS

#define WM_TYPE_FUNNEL_PAGE (wm_funnel_page_get_type ())
G_DECLARE_FINAL_TYPE (WmFunnelPage, wm_funnel_page, WM, FUNNEL_PAGE, GtkBox)

GtkWidget            *wm_funnel_page_new           (WmSession            *session);
WmFunnelChart        *wm_funnel_page_get_chart     (WmFunnelPage         *self);
WmFunnelSteps        *wm_funnel_page_get_steps     (WmFunnelPage         *self);
/* TRUE from a change of the definition until its result is shown
 * (property "running"). */
gboolean              wm_funnel_page_get_running   (WmFunnelPage         *self);
/* TRUE while a funnel is shown (property "has-chart"). */
gboolean              wm_funnel_page_get_has_chart (WmFunnelPage         *self);

/* The builder, as the controls set it; each change runs the funnel again
 * shortly after (changes in a row run it once). */
void                  wm_funnel_page_set_steps     (WmFunnelPage         *self,
                                                    const char * const * const *steps,
                                                    guint                 n_steps);
void                  wm_funnel_page_set_order     (WmFunnelPage         *self,
                                                    WmFunnelOrder         order);
void                  wm_funnel_page_set_window    (WmFunnelPage         *self,
                                                    gint64                window_s);
/* NULL: no breakdown; "channel"; or a property name. */
void                  wm_funnel_page_set_breakdown (WmFunnelPage         *self,
                                                    const char           *breakdown_by);
/* Sets every control from @query. */
void                  wm_funnel_page_set_query     (WmFunnelPage         *self,
                                                    const WmFunnelQuery  *query);
/* The definition in the builder. */
WmFunnelQuery        *wm_funnel_page_get_query     (WmFunnelPage         *self);
/* The result shown, or NULL. */
const WmFunnelResult *wm_funnel_page_get_result    (WmFunnelPage         *self);
/* "Biggest drop: A → B, N customers (p %)", or "" without a drop. */
const char           *wm_funnel_page_get_summary   (WmFunnelPage         *self);

/* Saves the builder's funnel in the project as @name (replacing a saved
 * funnel of that name) and lists it. */
gboolean              wm_funnel_page_save          (WmFunnelPage         *self,
                                                    const char           *name,
                                                    GError              **error);
/* Opens the saved funnel @id in the builder. */
gboolean              wm_funnel_page_open_saved    (WmFunnelPage         *self,
                                                    gint64                id,
                                                    GError              **error);
/* The saved funnels listed (WmSavedAnalysis *). */
GPtrArray            *wm_funnel_page_get_saved     (WmFunnelPage         *self);

G_END_DECLS
