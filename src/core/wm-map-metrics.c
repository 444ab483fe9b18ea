/* wm-map-metrics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "wm-map-metrics.h"
#include "wm-format.h"

struct _WmMapMetrics
{
  guint64     start;
  GHashTable *cards;        /* id → WmMapCardMetric */
  GHashTable *connectors;   /* id → WmMapConnectorMetric */
  GHashTable *lanes;        /* id → WmMapLaneMetric */
  guint64     max_connector;
};

WmMapMetrics *
wm_map_metrics_new (void)
{
  WmMapMetrics *metrics = g_new0 (WmMapMetrics, 1);

  metrics->cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  metrics->connectors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  metrics->lanes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return metrics;
}

void
wm_map_metrics_free (WmMapMetrics *metrics)
{
  if (metrics == NULL)
    return;
  g_hash_table_unref (metrics->cards);
  g_hash_table_unref (metrics->connectors);
  g_hash_table_unref (metrics->lanes);
  g_free (metrics);
}

void
wm_map_metrics_set_start (WmMapMetrics *metrics,
                          guint64       customers)
{
  g_return_if_fail (metrics != NULL);
  metrics->start = customers;
}

guint64
wm_map_metrics_get_start (const WmMapMetrics *metrics)
{
  g_return_val_if_fail (metrics != NULL, 0);
  return metrics->start;
}

void
wm_map_metrics_set_card (WmMapMetrics *metrics,
                         const char   *card,
                         guint64       customers,
                         double        share_of_start)
{
  WmMapCardMetric *metric = g_new0 (WmMapCardMetric, 1);

  g_return_if_fail (metrics != NULL && card != NULL);
  metric->customers = customers;
  metric->share_of_start = share_of_start;
  g_hash_table_replace (metrics->cards, g_strdup (card), metric);
}

const WmMapCardMetric *
wm_map_metrics_get_card (const WmMapMetrics *metrics,
                         const char         *card)
{
  g_return_val_if_fail (metrics != NULL, NULL);
  return card != NULL ? g_hash_table_lookup (metrics->cards, card) : NULL;
}

void
wm_map_metrics_set_connector (WmMapMetrics *metrics,
                              const char   *connector,
                              guint64       customers)
{
  WmMapConnectorMetric *metric = g_new0 (WmMapConnectorMetric, 1);

  g_return_if_fail (metrics != NULL && connector != NULL);
  metric->customers = customers;
  g_hash_table_replace (metrics->connectors, g_strdup (connector), metric);
  metrics->max_connector = MAX (metrics->max_connector, customers);
}

const WmMapConnectorMetric *
wm_map_metrics_get_connector (const WmMapMetrics *metrics,
                              const char         *connector)
{
  g_return_val_if_fail (metrics != NULL, NULL);
  return connector != NULL ? g_hash_table_lookup (metrics->connectors, connector) : NULL;
}

guint64
wm_map_metrics_get_max_connector (const WmMapMetrics *metrics)
{
  g_return_val_if_fail (metrics != NULL, 0);
  return metrics->max_connector;
}

void
wm_map_metrics_set_lane (WmMapMetrics *metrics,
                         const char   *lane,
                         guint64       entered,
                         guint64       completed_in_channel)
{
  WmMapLaneMetric *metric = g_new0 (WmMapLaneMetric, 1);

  g_return_if_fail (metrics != NULL && lane != NULL);
  metric->entered = entered;
  metric->completed_in_channel = completed_in_channel;
  metric->leakage = entered > 0 ? 1.0 - (double) completed_in_channel / entered : 0.0;
  g_hash_table_replace (metrics->lanes, g_strdup (lane), metric);
}

const WmMapLaneMetric *
wm_map_metrics_get_lane (const WmMapMetrics *metrics,
                         const char         *lane)
{
  g_return_val_if_fail (metrics != NULL, NULL);
  return lane != NULL ? g_hash_table_lookup (metrics->lanes, lane) : NULL;
}

char *
wm_map_metrics_format_badge (const WmMapCardMetric *metric)
{
  g_autofree char *count = wm_format_count (metric->customers);
  g_autofree char *share = wm_format_percent (metric->share_of_start, 0);

  return g_strdup_printf ("%s · %s", count, share);
}

WmMapMetrics *
wm_map_metrics_copy (const WmMapMetrics *metrics)
{
  WmMapMetrics *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (metrics != NULL, NULL);

  copy = wm_map_metrics_new ();
  copy->start = metrics->start;
  copy->max_connector = metrics->max_connector;
  g_hash_table_iter_init (&iter, metrics->cards);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->cards, g_strdup (key), g_memdup2 (value, sizeof (WmMapCardMetric)));
  g_hash_table_iter_init (&iter, metrics->connectors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->connectors, g_strdup (key), g_memdup2 (value, sizeof (WmMapConnectorMetric)));
  g_hash_table_iter_init (&iter, metrics->lanes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->lanes, g_strdup (key), g_memdup2 (value, sizeof (WmMapLaneMetric)));
  return copy;
}
