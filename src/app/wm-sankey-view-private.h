/* wm-sankey-view-private.h: pointer input by coordinates, for tests
 *
 * The event controllers call these; tests drive the same code without
 * synthesizing device events.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-sankey-view.h"

G_BEGIN_DECLS

void  wm_sankey_view_motion_at      (WmSankeyView *self,
                                     double        x,
                                     double        y);
void  wm_sankey_view_pointer_left   (WmSankeyView *self);
/* A primary click released at (@x, @y) without dragging. */
void  wm_sankey_view_click_at       (WmSankeyView *self,
                                     double        x,
                                     double        y);
void  wm_sankey_view_drag_begin_at  (WmSankeyView *self,
                                     double        x,
                                     double        y);
void  wm_sankey_view_drag_update_by (WmSankeyView *self,
                                     double        offset_x,
                                     double        offset_y);

G_END_DECLS
