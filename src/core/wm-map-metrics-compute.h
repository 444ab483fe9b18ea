/* wm-map-metrics-compute.h: a journey map's live numbers from a project's
 * journeys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-analysis.h"
#include "wm-journey-map.h"
#include "wm-map-metrics.h"

G_BEGIN_DECLS

/* The window the app and `waymark-cli render map` use: the leakage
 * command's default, so a lane's number equals `waymark-cli leakage`'s. */
#define WM_MAP_METRICS_WINDOW_S (30 * 86400)

/* For @map over @journeys (may run in a worker: reads @map, which the
 * caller must not change meanwhile — pass a copy made with the JSON
 * functions if it may):
 *  - start: customers at any touchpoint bound to a card of the first stage;
 *  - each card with bindings: customers at any of its touchpoints, and
 *    their share of the start;
 *  - each connector between cards with bindings: customers who reached
 *    the source's touchpoints and then, within @window_s, the target's
 *    (an ordered two-step funnel);
 *  - each channel lane: leakage towards the journey's goal, the first
 *    touchpoint bound in the last stage (lanes first, then cell order);
 *    no lane numbers when no card of the last stage is bound.
 * Stops with WM_ERROR_CANCELLED when @cancellable fires. */
WmMapMetrics *wm_map_metrics_compute (WmJourneyMap  *map,
                                      WmJourneys    *journeys,
                                      gint64         window_s,
                                      GCancellable  *cancellable,
                                      GError       **error);

G_END_DECLS
