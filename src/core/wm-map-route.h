/* wm-map-route.h: the connectors' paths of a journey map layout (private
 * to wm-map-layout.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-map-layout.h"

G_BEGIN_DECLS

/* Fills layout->connectors from @map's connectors; the cards, columns and
 * rows must be laid out. */
void  wm_map_route_connectors  (WmMapLayout  *layout,
                                WmJourneyMap *map);

G_END_DECLS
