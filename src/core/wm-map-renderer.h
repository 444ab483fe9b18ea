/* wm-map-renderer.h: draws a journey map with cairo and Pango
 *
 * Pure: map + layout + metrics + theme + viewport in, pixels out. The same
 * code draws the canvas, PNG/SVG/PDF exports and slides.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "wm-chart-pango.h"
#include "wm-journey-map.h"
#include "wm-map-layout.h"
#include "wm-map-metrics.h"
#include "wm-theme.h"

G_BEGIN_DECLS

/* The data of WM_CHART_JOURNEY_MAP (wm-chart-export.h). */
typedef struct
{
  WmJourneyMap       *map;
  const WmMapMetrics *metrics;   /* NULL: no numbers */
} WmMapChart;

/* Below this many pixels for the small type (zoomed out), cards and
 * connectors are drawn without their text. */
#define WM_MAP_MIN_TEXT_PIXELS 4.0

/* A card's fill (behind its text) and accent (its stripe) in @theme. */
void  wm_map_card_colors   (const WmTheme       *theme,
                            WmCardColor          color,
                            WmRgba              *fill,
                            WmRgba              *accent);

/* Adds @path to @cr's path, its end pulled back by @shorten along its
 * last direction (room for an arrowhead). */
void  wm_map_connector_trace (cairo_t                  *cr,
                              const WmMapConnectorPath *path,
                              double                    shorten);

/* Draws the map on @cr's @width × @height, background included, seen
 * through @viewport (only what is in view is drawn). @selection (may be NULL) holds the ids (char *) of
 * the selected cards and connectors. @layout must be @map's, current. */
void  wm_map_render        (cairo_t             *cr,
                            WmChartPango        *pango,
                            WmJourneyMap        *map,
                            const WmMapLayout   *layout,
                            const WmMapMetrics  *metrics,
                            const WmTheme       *theme,
                            const WmMapViewport *viewport,
                            GHashTable          *selection,
                            double               width,
                            double               height);

/* The whole map fitted into @width × @height: for exports. */
void  wm_map_render_fitted (cairo_t             *cr,
                            const WmMapChart    *chart,
                            double               width,
                            double               height,
                            const WmTheme       *theme);

/* Draws one card of @layout (no background), moved by (@dx, @dy) map
 * units and seen through @viewport: a canvas's drag preview on top of its
 * cached picture of the map. */
void  wm_map_render_card   (cairo_t             *cr,
                            WmChartPango        *pango,
                            WmJourneyMap        *map,
                            const WmMapLayout   *layout,
                            const WmMapMetrics  *metrics,
                            const WmTheme       *theme,
                            const WmMapViewport *viewport,
                            const WmMapCardBox  *box,
                            double               dx,
                            double               dy);

G_END_DECLS
