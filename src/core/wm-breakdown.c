/* wm-breakdown.c: the breakdown value of an event (its channel or a property)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "wm-breakdown.h"

static char *
property_value (const char *json,
                const char *name)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonNode *member;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return g_strdup ("");

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return g_strdup ("");

  member = json_object_get_member (json_node_get_object (root), name);
  if (member == NULL || JSON_NODE_HOLDS_NULL (member))
    return g_strdup ("");
  if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (member));

  return json_to_string (member, FALSE);
}

void
wm_breakdown_init (WmBreakdown *breakdown,
                   WmJourneys  *journeys,
                   const char  *by)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  breakdown->by_channel = g_strcmp0 (by, "channel") == 0;
  breakdown->names = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (breakdown->names, g_strdup (""));
  g_hash_table_insert (index, breakdown->names->pdata[0], GUINT_TO_POINTER (0));

  breakdown->n_ids = breakdown->by_channel ? journeys->n_channel_ids : journeys->n_property_set_ids;
  breakdown->by_id = g_new0 (guint32, MAX (breakdown->n_ids, 1));

  for (guint id = 1; id < breakdown->n_ids; id++)
    {
      g_autofree char *value = NULL;
      gpointer found;

      if (breakdown->by_channel)
        value = g_strdup (journeys->channel_names[id] != NULL ? journeys->channel_names[id] : "");
      else
        value = property_value (journeys->property_sets[id], by);

      if (!g_hash_table_lookup_extended (index, value, NULL, &found))
        {
          found = GUINT_TO_POINTER (breakdown->names->len);
          g_ptr_array_add (breakdown->names, g_strdup (value));
          g_hash_table_insert (index, breakdown->names->pdata[breakdown->names->len - 1], found);
        }
      breakdown->by_id[id] = GPOINTER_TO_UINT (found);
    }
}

void
wm_breakdown_clear (WmBreakdown *breakdown)
{
  g_clear_pointer (&breakdown->names, g_ptr_array_unref);
  g_clear_pointer (&breakdown->by_id, g_free);
}
