/* wm-funnel-chart.h: the interactive funnel chart of a funnel result
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-chart-widget.h"

#include "wm-funnel-layout.h"
#include "wm-funnel-result.h"

G_BEGIN_DECLS

#define WM_TYPE_FUNNEL_CHART (wm_funnel_chart_get_type ())
G_DECLARE_FINAL_TYPE (WmFunnelChart, wm_funnel_chart, WM, FUNNEL_CHART, WmChartWidget)

GtkWidget            *wm_funnel_chart_new          (void);
/* Shows a copy of @result (NULL: nothing). */
void                  wm_funnel_chart_set_result   (WmFunnelChart        *self,
                                                    const WmFunnelResult *result);
const WmFunnelResult *wm_funnel_chart_get_result   (WmFunnelChart        *self);
/* The bar, drop or in-progress band under the pointer, else the step the
 * keyboard is on (as its bar). */
WmFunnelHit           wm_funnel_chart_get_hover    (WmFunnelChart        *self);
/* The geometry drawn, in widget coordinates; NULL before the first
 * allocation or without a result. */
const WmFunnelLayout *wm_funnel_chart_get_layout   (WmFunnelChart        *self);

G_END_DECLS
