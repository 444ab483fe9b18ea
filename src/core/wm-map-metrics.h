/* wm-map-metrics.h: the live numbers a journey map shows over its cards
 *
 * Filled by wm_map_metrics_compute() (wm-map-metrics-compute.h) from a
 * project's journeys, or by hand; read by the renderer. Keyed by the ids of
 * the map it was computed for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64 customers;        /* who reached any of the card's touchpoints */
  double  share_of_start;   /* of the customers at the journey's start, 0 … 1+ */
} WmMapCardMetric;

typedef struct
{
  guint64 customers;        /* who reached the source card, then the target */
} WmMapConnectorMetric;

typedef struct
{
  guint64 entered;
  guint64 completed_in_channel;
  double  leakage;          /* 1 − completed / entered */
} WmMapLaneMetric;

typedef struct _WmMapMetrics WmMapMetrics;

WmMapMetrics *wm_map_metrics_new            (void);
void          wm_map_metrics_free           (WmMapMetrics         *metrics);

/* Customers at the journey's start: the first stage's bound cards. */
void          wm_map_metrics_set_start      (WmMapMetrics         *metrics,
                                             guint64               customers);
guint64       wm_map_metrics_get_start      (const WmMapMetrics   *metrics);

void          wm_map_metrics_set_card       (WmMapMetrics         *metrics,
                                             const char           *card,
                                             guint64               customers,
                                             double                share_of_start);
const WmMapCardMetric *
              wm_map_metrics_get_card       (const WmMapMetrics   *metrics,
                                             const char           *card);
void          wm_map_metrics_set_connector  (WmMapMetrics         *metrics,
                                             const char           *connector,
                                             guint64               customers);
const WmMapConnectorMetric *
              wm_map_metrics_get_connector  (const WmMapMetrics   *metrics,
                                             const char           *connector);
/* The largest connector volume (0 without any): widths scale to it. */
guint64       wm_map_metrics_get_max_connector (const WmMapMetrics *metrics);
void          wm_map_metrics_set_lane       (WmMapMetrics         *metrics,
                                             const char           *lane,
                                             guint64               entered,
                                             guint64               completed_in_channel);
const WmMapLaneMetric *
              wm_map_metrics_get_lane       (const WmMapMetrics   *metrics,
                                             const char           *lane);

/* "12 480 · 41 %": a card's badge. */
char         *wm_map_metrics_format_badge   (const WmMapCardMetric *metric);

/* A deep copy, for a widget that keeps the numbers it was given. */
WmMapMetrics *wm_map_metrics_copy           (const WmMapMetrics   *metrics);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmMapMetrics, wm_map_metrics_free)

G_END_DECLS
