/* wm-funnel-chart-private.h: pointer input by coordinates, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-funnel-chart.h"

G_BEGIN_DECLS

void  wm_funnel_chart_motion_at     (WmFunnelChart *self,
                                     double         x,
                                     double         y);
void  wm_funnel_chart_pointer_left  (WmFunnelChart *self);

G_END_DECLS
