/* wm-flow-leakage.h: the leakage of each channel, as a compact list of bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-analysis.h"

G_BEGIN_DECLS

#define WM_TYPE_FLOW_LEAKAGE (wm_flow_leakage_get_type ())
G_DECLARE_FINAL_TYPE (WmFlowLeakage, wm_flow_leakage, WM, FLOW_LEAKAGE, GtkBox)

GtkWidget             *wm_flow_leakage_new        (void);
/* Shows a copy of @result (NULL: nothing): a bar per channel where the
 * goal happens, the one that leaks most highlighted, then the names of
 * the channels where it never does. */
void                   wm_flow_leakage_set_result (WmFlowLeakage         *self,
                                                   const WmLeakageResult *result);
const WmLeakageResult *wm_flow_leakage_get_result (WmFlowLeakage         *self);
/* Index of the highlighted channel in the result: the one leaking most
 * among those where the goal happens at all; -1 when none. */
int                    wm_flow_leakage_get_worst  (WmFlowLeakage         *self);

G_END_DECLS
