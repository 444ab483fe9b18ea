/* wm-journeys-goal.h: a sensible default goal for leakage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-analysis.h"

G_BEGIN_DECLS

/* The touchpoint most customers end their journey with (ties: the name
 * first in byte order), or NULL without events. */
char *wm_journeys_most_common_last (WmJourneys *journeys);

G_END_DECLS
