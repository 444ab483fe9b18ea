/* wm-breakdown.h: the breakdown value of an event (its channel or a property)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-journeys-private.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean   by_channel;
  GPtrArray *names;      /* value index → text; [0] is "" (no value) */
  guint32   *by_id;      /* channel or property set id → value index */
  guint      n_ids;
} WmBreakdown;

/* @by is "channel" or a property name.  Property values are strings as
 * they are; numbers and booleans by their JSON text; null or absent: "". */
void    wm_breakdown_init   (WmBreakdown      *breakdown,
                             WmJourneys       *journeys,
                             const char       *by);
void    wm_breakdown_clear  (WmBreakdown      *breakdown);

static inline guint32
wm_breakdown_value (const WmBreakdown      *breakdown,
                    const WmJourneyColumns *columns,
                    guint32                 event)
{
  return breakdown->by_id[wm_ids_get (breakdown->by_channel ? &columns->channel
                                                            : &columns->property_set, event)];
}

G_END_DECLS
