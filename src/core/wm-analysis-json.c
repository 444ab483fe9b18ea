/* wm-analysis-json.c: analysis results and queries as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "wm-analysis-json.h"
#include "wm-error.h"

static const char *orders[] = { "ordered", "strict", "unordered" };

const char *
wm_funnel_order_to_string (WmFunnelOrder order)
{
  return order < G_N_ELEMENTS (orders) ? orders[order] : orders[0];
}

gboolean
wm_funnel_order_from_string (const char     *text,
                             WmFunnelOrder  *order,
                             GError        **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    if (g_strcmp0 (text, orders[i]) == 0)
      {
        *order = (WmFunnelOrder) i;
        return TRUE;
      }

  g_set_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
               _("Unknown funnel order “%s”: use ordered, strict or unordered"),
               text != NULL ? text : "");
  return FALSE;
}

static void
add_strings (JsonBuilder        *builder,
             const char * const *strings)
{
  json_builder_begin_array (builder);
  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
}

static void
add_steps (JsonBuilder        *builder,
           const WmFunnelStep *steps,
           guint               n_steps)
{
  json_builder_begin_array (builder);
  for (guint k = 0; k < n_steps; k++)
    {
      const WmFunnelStep *step = &steps[k];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "touchpoints");
      add_strings (builder, (const char * const *) step->touchpoints);
      json_builder_set_member_name (builder, "customers");
      json_builder_add_int_value (builder, (gint64) step->customers);
      json_builder_set_member_name (builder, "from_start");
      json_builder_add_double_value (builder, step->from_start);
      json_builder_set_member_name (builder, "from_previous");
      json_builder_add_double_value (builder, step->from_previous);
      json_builder_set_member_name (builder, "dropped");
      json_builder_add_int_value (builder, (gint64) step->dropped);
      json_builder_set_member_name (builder, "in_progress");
      json_builder_add_int_value (builder, (gint64) step->in_progress);
      json_builder_set_member_name (builder, "median_s");
      if (isnan (step->median_s))
        json_builder_add_null_value (builder);
      else
        json_builder_add_double_value (builder, step->median_s);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
wm_funnel_result_to_json (const WmFunnelResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "order");
  json_builder_add_string_value (builder, wm_funnel_order_to_string (result->order));
  json_builder_set_member_name (builder, "window_s");
  json_builder_add_int_value (builder, result->window_s);
  json_builder_set_member_name (builder, "steps");
  add_steps (builder, result->steps, result->n_steps);
  json_builder_set_member_name (builder, "breakdown_by");
  if (result->breakdown_by != NULL)
    json_builder_add_string_value (builder, result->breakdown_by);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "breakdown");
  json_builder_begin_array (builder);
  for (guint s = 0; s < result->n_segments; s++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, result->segments[s].value);
      json_builder_set_member_name (builder, "steps");
      add_steps (builder, result->segments[s].steps, result->n_steps);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static const char *
node_kind (WmFlowNodeKind kind)
{
  switch (kind)
    {
    case WM_FLOW_NODE_OTHER:
      return "other";
    case WM_FLOW_NODE_EXIT:
      return "exit";
    case WM_FLOW_NODE_TOUCHPOINT:
    default:
      return "touchpoint";
    }
}

JsonNode *
wm_flow_graph_to_json (const WmFlowGraph *graph)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "nodes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < graph->n_nodes; i++)
    {
      const WmFlowNode *node = &graph->nodes[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, node->id);
      json_builder_set_member_name (builder, "step");
      json_builder_add_int_value (builder, node->step);
      json_builder_set_member_name (builder, "touchpoint");
      json_builder_add_string_value (builder, node->touchpoint);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, node_kind (node->kind));
      json_builder_set_member_name (builder, "channel");
      if (node->channel != NULL)
        json_builder_add_string_value (builder, node->channel);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "customers");
      json_builder_add_int_value (builder, (gint64) node->customers);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  for (guint i = 0; i < graph->n_links; i++)
    {
      const WmFlowLink *link = &graph->links[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, graph->nodes[link->source].id);
      json_builder_set_member_name (builder, "target");
      json_builder_add_string_value (builder, graph->nodes[link->target].id);
      json_builder_set_member_name (builder, "customers");
      json_builder_add_int_value (builder, (gint64) link->customers);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "start_customers");
  json_builder_add_int_value (builder, (gint64) graph->start_customers);
  json_builder_set_member_name (builder, "n_steps");
  json_builder_add_int_value (builder, graph->n_steps);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
wm_leakage_result_to_json (const WmLeakageResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "goal");
  json_builder_add_string_value (builder, result->goal);
  json_builder_set_member_name (builder, "window_s");
  json_builder_add_int_value (builder, result->window_s);
  json_builder_set_member_name (builder, "channels");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->n_channels; i++)
    {
      const WmLeakageChannel *channel = &result->channels[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "channel");
      json_builder_add_string_value (builder, channel->channel);
      json_builder_set_member_name (builder, "entered");
      json_builder_add_int_value (builder, (gint64) channel->entered);
      json_builder_set_member_name (builder, "completed_in_channel");
      json_builder_add_int_value (builder, (gint64) channel->completed_in_channel);
      json_builder_set_member_name (builder, "leakage");
      json_builder_add_double_value (builder, channel->leakage);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
wm_funnel_query_to_json (const WmFunnelQuery *query)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint k = 0; k < query->n_steps; k++)
    add_strings (builder, (const char * const *) query->steps[k]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "order");
  json_builder_add_string_value (builder, wm_funnel_order_to_string (query->order));
  json_builder_set_member_name (builder, "window_s");
  json_builder_add_int_value (builder, query->window_s);
  json_builder_set_member_name (builder, "breakdown_by");
  if (query->breakdown_by != NULL)
    json_builder_add_string_value (builder, query->breakdown_by);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "breakdown_top");
  json_builder_add_int_value (builder, query->breakdown_top);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
invalid (GError     **error,
         const char  *reason)
{
  g_set_error (error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT,
               _("This saved funnel cannot be read: %s"), reason);
  return FALSE;
}

static gboolean
read_steps (WmFunnelQuery  *query,
            JsonArray      *steps,
            GError        **error)
{
  for (guint k = 0; k < json_array_get_length (steps); k++)
    {
      JsonNode *step = json_array_get_element (steps, k);
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (step) || json_array_get_length (json_node_get_array (step)) == 0)
        return invalid (error, _("a step names no touchpoint"));
      array = json_node_get_array (step);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *name = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (name) || json_node_get_value_type (name) != G_TYPE_STRING)
            return invalid (error, _("a touchpoint is not text"));
          g_strv_builder_add (names, json_node_get_string (name));
        }
      strv = g_strv_builder_end (names);
      wm_funnel_query_add_step (query, (const char * const *) strv);
    }

  return TRUE;
}

WmFunnelQuery *
wm_funnel_query_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(WmFunnelQuery) query = wm_funnel_query_new ();
  JsonObject *object;
  JsonNode *member;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, _("it is not a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);

  member = json_object_get_member (object, "steps");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      invalid (error, _("its steps are not a list"));
      return NULL;
    }
  if (json_array_get_length (json_node_get_array (member)) > 20)
    {
      invalid (error, _("it has too many steps"));
      return NULL;
    }
  if (!read_steps (query, json_node_get_array (member), error))
    return NULL;

  member = json_object_get_member (object, "order");
  if (member != NULL &&
      (!JSON_NODE_HOLDS_VALUE (member) ||
       !wm_funnel_order_from_string (json_node_get_string (member), &query->order, NULL)))
    {
      invalid (error, _("its order is not ordered, strict or unordered"));
      return NULL;
    }

  member = json_object_get_member (object, "window_s");
  if (member != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_INT64 ||
          json_node_get_int (member) < 0)
        {
          invalid (error, _("its conversion window is not positive"));
          return NULL;
        }
      query->window_s = json_node_get_int (member);
    }

  member = json_object_get_member (object, "breakdown_by");
  if (member != NULL && JSON_NODE_HOLDS_VALUE (member) &&
      json_node_get_value_type (member) == G_TYPE_STRING)
    query->breakdown_by = g_strdup (json_node_get_string (member));

  member = json_object_get_member (object, "breakdown_top");
  if (member != NULL && JSON_NODE_HOLDS_VALUE (member))
    query->breakdown_top = (guint) CLAMP (json_node_get_int (member), 0, G_MAXINT);

  return g_steal_pointer (&query);
}

JsonNode *
wm_flow_query_to_json (const WmFlowQuery *query)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  if (query->from != NULL)
    json_builder_add_string_value (builder, query->from);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "depth");
  json_builder_add_int_value (builder, query->depth);
  json_builder_set_member_name (builder, "top");
  json_builder_add_int_value (builder, query->top);
  json_builder_set_member_name (builder, "min_share");
  json_builder_add_double_value (builder, query->min_share);
  json_builder_set_member_name (builder, "window_s");
  json_builder_add_int_value (builder, query->window_s);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
invalid_flow (GError     **error,
              const char  *reason)
{
  g_set_error (error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT,
               _("This saved flow cannot be read: %s"), reason);
  return FALSE;
}

/* An integer member in [@min, @max], or absent (leaving *@value as is). */
static gboolean
read_int (JsonObject *object,
          const char *name,
          gint64      min,
          gint64      max,
          gint64     *value)
{
  JsonNode *member = json_object_get_member (object, name);

  if (member == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_INT64 ||
      json_node_get_int (member) < min || json_node_get_int (member) > max)
    return FALSE;

  *value = json_node_get_int (member);
  return TRUE;
}

WmFlowQuery *
wm_flow_query_from_json (JsonNode  *node,
                         GError   **error)
{
  g_autoptr(WmFlowQuery) query = wm_flow_query_new ();
  JsonObject *object;
  JsonNode *member;
  gint64 depth, top;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid_flow (error, _("it is not a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);

  member = json_object_get_member (object, "from");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
        {
          invalid_flow (error, _("its start touchpoint is not text"));
          return NULL;
        }
      query->from = g_strdup (json_node_get_string (member));
    }

  depth = query->depth;
  top = query->top;
  if (!read_int (object, "depth", 1, 50, &depth))
    {
      invalid_flow (error, _("its depth is not a number of steps from 1 to 50"));
      return NULL;
    }
  if (!read_int (object, "top", 1, 100, &top))
    {
      invalid_flow (error, _("its number of touchpoints per step is not from 1 to 100"));
      return NULL;
    }
  if (!read_int (object, "window_s", 0, G_MAXINT64, &query->window_s))
    {
      invalid_flow (error, _("its window is not positive"));
      return NULL;
    }
  query->depth = (guint) depth;
  query->top = (guint) top;

  member = json_object_get_member (object, "min_share");
  if (member != NULL)
    {
      double share;

      if (!JSON_NODE_HOLDS_VALUE (member) ||
          (json_node_get_value_type (member) != G_TYPE_DOUBLE &&
           json_node_get_value_type (member) != G_TYPE_INT64))
        {
          invalid_flow (error, _("its minimum share is not a number"));
          return NULL;
        }
      share = json_node_get_double (member);
      if (!(share >= 0.0 && share <= 1.0))
        {
          invalid_flow (error, _("its minimum share is not between 0 and 1"));
          return NULL;
        }
      query->min_share = share;
    }

  return g_steal_pointer (&query);
}
