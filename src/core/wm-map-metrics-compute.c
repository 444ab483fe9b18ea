/* wm-map-metrics-compute.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-error.h"
#include "wm-map-metrics-compute.h"

static gboolean
cancelled (GCancellable  *cancellable,
           GError       **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;
  g_set_error_literal (error, WM_ERROR, WM_ERROR_CANCELLED, _("The journey map’s numbers were cancelled"));
  return TRUE;
}

static const WmMapCard *
bound_card (WmJourneyMap *map,
            const char   *id)
{
  const WmMapCard *card = wm_journey_map_lookup_card (map, id);

  return card != NULL && card->bindings[0] != NULL ? card : NULL;
}

/* The touchpoints bound anywhere in stage @stage (each once). */
static GStrv
stage_bindings (WmJourneyMap *map,
                const char   *stage)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < wm_journey_map_get_n_cards (map); i++)
    {
      const WmMapCard *card = wm_journey_map_get_card (map, i);

      if (!g_str_equal (card->stage, stage))
        continue;
      for (guint b = 0; card->bindings[b] != NULL; b++)
        if (g_hash_table_add (seen, card->bindings[b]))
          g_strv_builder_add (builder, card->bindings[b]);
    }
  return g_strv_builder_end (builder);
}

/* The first touchpoint bound in the last stage, lane by lane, then by order. */
static const char *
goal_of (WmJourneyMap *map)
{
  const WmMapStage *last;

  if (wm_journey_map_get_n_stages (map) == 0)
    return NULL;
  last = wm_journey_map_get_stage (map, wm_journey_map_get_n_stages (map) - 1);

  for (guint l = 0; l < wm_journey_map_get_n_lanes (map); l++)
    {
      g_autoptr(GPtrArray) cell = wm_journey_map_get_cell_cards (map, last->id,
                                                                 wm_journey_map_get_lane (map, l)->id);

      for (guint i = 0; i < cell->len; i++)
        {
          const WmMapCard *card = g_ptr_array_index (cell, i);

          if (card->bindings[0] != NULL)
            return card->bindings[0];
        }
    }
  return NULL;
}

static gboolean
connector_volume (WmJourneyMap          *map,
                  const WmMapConnector  *connector,
                  WmJourneys            *journeys,
                  gint64                 window_s,
                  GCancellable          *cancellable,
                  guint64               *customers,
                  GError               **error)
{
  const WmMapCard *from = bound_card (map, connector->from);
  const WmMapCard *to = bound_card (map, connector->to);
  g_autoptr(WmFunnelQuery) query = NULL;
  g_autoptr(WmFunnelResult) result = NULL;

  *customers = 0;
  if (from == NULL || to == NULL)
    return TRUE;

  query = wm_funnel_query_new ();
  wm_funnel_query_add_step (query, (const char * const *) from->bindings);
  wm_funnel_query_add_step (query, (const char * const *) to->bindings);
  query->order = WM_FUNNEL_ORDERED;
  query->window_s = window_s;
  result = wm_funnel_query_run (query, journeys, NULL, NULL, cancellable, error);
  if (result == NULL)
    return FALSE;
  *customers = result->steps[result->n_steps - 1].customers;
  return TRUE;
}

WmMapMetrics *
wm_map_metrics_compute (WmJourneyMap  *map,
                        WmJourneys    *journeys,
                        gint64         window_s,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(WmMapMetrics) metrics = NULL;
  g_auto(GStrv) start = NULL;
  const char *goal;
  guint64 start_customers = 0;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (map), NULL);
  g_return_val_if_fail (journeys != NULL, NULL);

  metrics = wm_map_metrics_new ();
  if (wm_journey_map_get_n_stages (map) == 0)
    return g_steal_pointer (&metrics);

  start = stage_bindings (map, wm_journey_map_get_stage (map, 0)->id);
  if (start[0] != NULL)
    start_customers = wm_journeys_count_customers (journeys, (const char * const *) start);
  wm_map_metrics_set_start (metrics, start_customers);

  for (guint i = 0; i < wm_journey_map_get_n_cards (map); i++)
    {
      const WmMapCard *card = wm_journey_map_get_card (map, i);
      guint64 customers;

      if (card->bindings[0] == NULL)
        continue;
      if (cancelled (cancellable, error))
        return NULL;
      customers = wm_journeys_count_customers (journeys, (const char * const *) card->bindings);
      wm_map_metrics_set_card (metrics, card->id, customers,
                               start_customers > 0 ? (double) customers / start_customers : 0.0);
    }

  for (guint i = 0; i < wm_journey_map_get_n_connectors (map); i++)
    {
      const WmMapConnector *connector = wm_journey_map_get_connector (map, i);
      guint64 customers;

      if (bound_card (map, connector->from) == NULL || bound_card (map, connector->to) == NULL)
        continue;
      if (cancelled (cancellable, error) ||
          !connector_volume (map, connector, journeys, window_s, cancellable, &customers, error))
        return NULL;
      wm_map_metrics_set_connector (metrics, connector->id, customers);
    }

  goal = goal_of (map);
  if (goal != NULL)
    {
      g_autoptr(WmLeakageResult) leakage = NULL;

      leakage = wm_leakage_run (journeys, goal, window_s, NULL, NULL, cancellable, error);
      if (leakage == NULL)
        return NULL;

      for (guint l = 0; l < wm_journey_map_get_n_lanes (map); l++)
        {
          const WmMapLane *lane = wm_journey_map_get_lane (map, l);

          if (lane->kind != WM_LANE_CHANNELS || lane->channel == NULL || *lane->channel == '\0')
            continue;
          for (guint c = 0; c < leakage->n_channels; c++)
            if (g_ascii_strcasecmp (leakage->channels[c].channel, lane->channel) == 0)
              wm_map_metrics_set_lane (metrics, lane->id, leakage->channels[c].entered,
                                       leakage->channels[c].completed_in_channel);
        }
    }

  return g_steal_pointer (&metrics);
}
