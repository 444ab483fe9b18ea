/* wm-present.h: the slides of a project's presentation, prepared in a worker
 *
 * The deck is the project's journey map (when it has one), then every saved
 * flow and funnel, each query run again on the current journeys; without
 * saved views, the view the user is looking at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-query-runner.h"
#include "wm-session.h"
#include "wm-slide.h"

G_BEGIN_DECLS

/* On the main thread: the slides (WmSlide *), or @error (nothing to
 * present, or the project could not be read). @skipped counts saved views
 * that could not be shown (unreadable, or naming touchpoints no event has). */
typedef void (*WmPresentReady) (GPtrArray    *slides,
                                guint         skipped,
                                const GError *error,
                                gpointer      user_data);

/* Prepares the slides with @runner (the newest request wins); @fallback
 * (may be NULL) is used when the project has no saved views. @destroy
 * frees @user_data once the request is over, reported or superseded. */
void  wm_present_collect      (WmQueryRunner  *runner,
                               WmSession      *session,
                               WmSlide        *fallback,
                               WmPresentReady  ready,
                               gpointer        user_data,
                               GDestroyNotify  destroy);
/* Prepares the slides, then opens the presentation over @widget's window. */
void  wm_present_start        (GtkWidget      *widget,
                               WmSession      *session,
                               WmSlide        *fallback);
/* Prepares the slides, then asks where to write them as a PDF deck. */
void  wm_present_export_deck  (GtkWidget      *widget,
                               WmSession      *session,
                               WmSlide        *fallback);

G_END_DECLS
