/* wm-demo-map.h: the journey map of the bank demo (DESIGN.md's story)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-journey-map.h"

G_BEGIN_DECLS

/* Notice → Self-service → Escalation → Payment, with the demo's
 * touchpoints bound to cards, App/Web/IVR channel lanes, a persona's
 * emotion curve and the IVR menu pain point. Always the same document. */
WmJourneyMap *wm_demo_map_new (void);

G_END_DECLS
