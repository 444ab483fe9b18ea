/* wm-presentation.h: a full-screen window showing slides in the presentation theme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-slide.h"

G_BEGIN_DECLS

#define WM_TYPE_PRESENTATION (wm_presentation_get_type ())
G_DECLARE_FINAL_TYPE (WmPresentation, wm_presentation, WM, PRESENTATION, GtkWindow)

/* A full-screen window, transient for @parent, showing @slides (each
 * referenced) from the first. Present it with gtk_window_present(); Esc
 * closes it. */
WmPresentation *wm_presentation_new          (GtkWindow       *parent,
                                              WmSlide * const *slides,
                                              guint            n_slides);
guint           wm_presentation_get_n_slides (WmPresentation  *self);
/* 0-based index of the slide shown. */
guint           wm_presentation_get_current  (WmPresentation  *self);
/* Clamped to the slides there are. */
void            wm_presentation_set_current  (WmPresentation  *self,
                                              guint            index);

G_END_DECLS
