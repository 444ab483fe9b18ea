/* wm-funnel-steps.h: the funnel builder's list of steps
 *
 * Each step is any of one or more touchpoints. Steps are added and given
 * alternatives from a search-as-you-type list of touchpoints, reordered by
 * drag and drop or by Move Up / Move Down, and removed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WM_FUNNEL_MAX_STEPS 20

#define WM_TYPE_FUNNEL_STEPS (wm_funnel_steps_get_type ())
G_DECLARE_FINAL_TYPE (WmFunnelSteps, wm_funnel_steps, WM, FUNNEL_STEPS, GtkBox)

GtkWidget  *wm_funnel_steps_new                (void);
/* The touchpoints offered when adding (NULL-terminated; copied). */
void        wm_funnel_steps_set_touchpoints    (WmFunnelSteps        *self,
                                                const char * const   *touchpoints);
/* Replaces the steps: @n_steps NULL-terminated sets. Emits "changed". */
void        wm_funnel_steps_set_steps          (WmFunnelSteps        *self,
                                                const char * const * const *steps,
                                                guint                 n_steps);
guint       wm_funnel_steps_get_n_steps        (WmFunnelSteps        *self);
/* The touchpoints of step @index (NULL-terminated, owned by @self). */
const char * const *wm_funnel_steps_get_step   (WmFunnelSteps        *self,
                                                guint                 index);

/* The edits the rows' buttons, drags and pickers make; each emits
 * "changed" when it changed something. */
void        wm_funnel_steps_add_step           (WmFunnelSteps        *self,
                                                const char           *touchpoint);
void        wm_funnel_steps_add_alternative    (WmFunnelSteps        *self,
                                                guint                 index,
                                                const char           *touchpoint);
void        wm_funnel_steps_remove_touchpoint  (WmFunnelSteps        *self,
                                                guint                 index,
                                                const char           *touchpoint);
void        wm_funnel_steps_remove_step        (WmFunnelSteps        *self,
                                                guint                 index);
/* Moves step @from to position @to (both clamped to the steps there are). */
void        wm_funnel_steps_move_step          (WmFunnelSteps        *self,
                                                guint                 from,
                                                guint                 to);

G_END_DECLS
