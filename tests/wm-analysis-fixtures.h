/* wm-analysis-fixtures.h: small projects made from CSV text, for the
 * analysis tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-analysis.h"

G_BEGIN_DECLS

typedef struct
{
  char       *dir;
  char       *path;
  WmProject  *project;
  WmJourneys *journeys;
} WmTestProject;

/* A new project in a temporary folder with @csv imported (its header
 * names the columns), and its journeys loaded. */
WmTestProject *wm_test_project_new     (const char    *csv);
/* Imports more CSV text into @self (and reloads the journeys). */
void           wm_test_project_import  (WmTestProject *self,
                                        const char    *csv);
void           wm_test_project_free    (WmTestProject *self);

/* "A|B,C" → a step per '|'-separated field, touchpoints split at ','. */
WmFunnelQuery *wm_test_funnel_query    (const char    *steps,
                                        WmFunnelOrder  order,
                                        gint64         window_s,
                                        const char    *breakdown_by);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmTestProject, wm_test_project_free)

G_END_DECLS
