/* wm-journeys-goal.c: a sensible default goal for leakage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wm-journeys-goal.h"
#include "wm-journeys-private.h"

char *
wm_journeys_most_common_last (WmJourneys *journeys)
{
  const WmJourneyColumns *columns;
  g_autofree guint64 *counts = NULL;
  guint best = 0;

  g_return_val_if_fail (journeys != NULL, NULL);

  columns = &journeys->columns;
  counts = g_new0 (guint64, journeys->n_touchpoint_ids + 1);
  for (guint64 c = 0; c < columns->n_customers; c++)
    if (columns->offsets[c + 1] > columns->offsets[c])
      counts[columns->touchpoint[columns->offsets[c + 1] - 1]]++;

  for (guint i = 1; i < journeys->n_touchpoint_ids; i++)
    if (counts[i] > 0 &&
        (best == 0 || counts[i] > counts[best] ||
         (counts[i] == counts[best] &&
          strcmp (journeys->touchpoint_names[i], journeys->touchpoint_names[best]) < 0)))
      best = i;

  return best != 0 ? g_strdup (journeys->touchpoint_names[best]) : NULL;
}
