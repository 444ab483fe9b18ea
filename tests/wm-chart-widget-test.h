/* wm-chart-widget-test.h: showing, rendering and looking at chart widgets in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-theme.h"

G_BEGIN_DECLS

/* Puts @child in a @width × @height window, presents it and runs the main
 * loop until @child is allocated. @child takes no pointer events from the
 * display, and the window shows no focus (as after pointer use). Returns
 * the window (owned by GTK). */
GtkWindow       *wm_test_show_in_window   (GtkWidget      *child,
                                           int             width,
                                           int             height);
/* Runs the main loop until nothing is pending. */
void             wm_test_settle           (void);
/* What @widget draws now, at its allocated size. When WM_DUMP_DIR is set,
 * also writes it there as @name.png for a human to look at. */
cairo_surface_t *wm_test_render_widget    (GtkWidget      *widget,
                                           const char     *name);
/* Asserts the pixel at (@x, @y) is @color within @tolerance per channel. */
void             wm_test_assert_pixel     (cairo_surface_t *surface,
                                           double           x,
                                           double           y,
                                           const WmRgba    *color,
                                           int              tolerance);
/* @color at @alpha over @background. */
WmRgba           wm_test_blend            (const WmRgba    *color,
                                           const WmRgba    *background,
                                           double           alpha);

G_END_DECLS
