/* wm-map-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "wm-error.h"
#include "wm-json-shape.h"
#include "wm-map-json.h"

/* Writing */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
write_persona (JsonBuilder        *builder,
               WmJourneyMap       *map,
               const WmMapPersona *persona)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", persona->id);
  add_string (builder, "name", persona->name);
  add_string (builder, "description", persona->description);
  json_builder_set_member_name (builder, "emotions");
  json_builder_begin_array (builder);
  /* In stage order, so the text does not depend on hashing. */
  for (guint s = 0; s < wm_journey_map_get_n_stages (map); s++)
    {
      const WmMapStage *stage = wm_journey_map_get_stage (map, s);
      int half;

      if (!wm_map_persona_get_emotion (persona, stage->id, &half))
        continue;
      json_builder_begin_object (builder);
      add_string (builder, "stage", stage->id);
      json_builder_set_member_name (builder, "value");
      if (half % 2 == 0)
        json_builder_add_int_value (builder, half / 2);
      else
        json_builder_add_double_value (builder, half / 2.0);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

char *
wm_map_json_to_string (WmJourneyMap *map,
                       gboolean      pretty)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (map), NULL);

  json_builder_begin_object (builder);
  add_int (builder, "version", WM_MAP_JSON_VERSION);
  add_string (builder, "title", wm_journey_map_get_title (map));

  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < wm_journey_map_get_n_stages (map); i++)
    {
      const WmMapStage *stage = wm_journey_map_get_stage (map, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", stage->id);
      add_string (builder, "name", stage->name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "lanes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < wm_journey_map_get_n_lanes (map); i++)
    {
      const WmMapLane *lane = wm_journey_map_get_lane (map, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", lane->id);
      add_string (builder, "name", lane->name);
      add_string (builder, "kind", wm_lane_kind_to_string (lane->kind));
      if (lane->kind == WM_LANE_CHANNELS)
        add_string (builder, "channel", lane->channel);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "cards");
  json_builder_begin_array (builder);
  for (guint i = 0; i < wm_journey_map_get_n_cards (map); i++)
    {
      const WmMapCard *card = wm_journey_map_get_card (map, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", card->id);
      add_string (builder, "title", card->title);
      add_string (builder, "body", card->body);
      add_string (builder, "color", wm_card_color_to_string (card->color));
      add_string (builder, "stage", card->stage);
      add_string (builder, "lane", card->lane);
      add_int (builder, "order", card->order);
      add_int (builder, "span", card->span);
      add_string (builder, "evidence", wm_evidence_to_string (card->evidence));
      json_builder_set_member_name (builder, "bindings");
      json_builder_begin_array (builder);
      for (guint b = 0; card->bindings[b] != NULL; b++)
        json_builder_add_string_value (builder, card->bindings[b]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "connectors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < wm_journey_map_get_n_connectors (map); i++)
    {
      const WmMapConnector *connector = wm_journey_map_get_connector (map, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", connector->id);
      add_string (builder, "from", connector->from);
      add_string (builder, "to", connector->to);
      add_string (builder, "label", connector->label);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "personas");
  json_builder_begin_array (builder);
  for (guint i = 0; i < wm_journey_map_get_n_personas (map); i++)
    write_persona (builder, map, wm_journey_map_get_persona (map, i));
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);
  return json_generator_to_data (generator, NULL);
}

/* Reading: every check names where the problem is, e.g. "cards[3].stage". */

typedef struct
{
  WmJourneyMap *map;
  GHashTable   *ids;      /* every id seen so far */
  GError      **error;
} Reader;

static gboolean invalid (Reader     *reader,
                         const char *where,
                         const char *format,
                         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (Reader     *reader,
         const char *where,
         const char *format,
         ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (reader->error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT,
               /* Translators: the first %s is a place in the document such as
                * "cards[3].stage", the second says what is wrong there. */
               _("The journey map is not valid: %s: %s"), where, reason);
  return FALSE;
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return json_object_has_member (object, name) ? json_object_get_member (object, name) : NULL;
}

/* A string member; *value is NULL (and TRUE is returned) when optional and
 * missing. */
static gboolean
read_string (Reader      *reader,
             JsonObject  *object,
             const char  *where,
             const char  *name,
             gboolean     required,
             const char **value)
{
  JsonNode *node = member (object, name);
  g_autofree char *place = g_strdup_printf ("%s.%s", where, name);

  *value = NULL;
  if (node == NULL)
    return required ? invalid (reader, place, _("this member is missing")) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (reader, place, _("expected a string"));
  *value = json_node_get_string (node);
  if (strlen (*value) > WM_MAP_MAX_TEXT_LENGTH)
    return invalid (reader, place, _("longer than %d bytes"), WM_MAP_MAX_TEXT_LENGTH);
  return TRUE;
}

static gboolean
read_int (Reader     *reader,
          JsonObject *object,
          const char *where,
          const char *name,
          gint64      min,
          gint64      max,
          gint64      fallback,
          gboolean    required,
          gint64     *value)
{
  JsonNode *node = member (object, name);
  g_autofree char *place = g_strdup_printf ("%s.%s", where, name);

  *value = fallback;
  if (node == NULL)
    return required ? invalid (reader, place, _("this member is missing")) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return invalid (reader, place, _("expected a whole number"));
  *value = json_node_get_int (node);
  if (*value < min || *value > max)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, *value);

      /* The bounds are small: they fit an int. */
      return invalid (reader, place, _("%s is not between %d and %d"), number, (int) min, (int) max);
    }
  return TRUE;
}

/* A new, unique id. */
static gboolean
read_id (Reader      *reader,
         JsonObject  *object,
         const char  *where,
         const char **id)
{
  g_autofree char *place = g_strdup_printf ("%s.id", where);

  if (!read_string (reader, object, where, "id", TRUE, id))
    return FALSE;
  if (**id == '\0' || strlen (*id) > WM_MAP_MAX_ID_LENGTH)
    return invalid (reader, place, _("an id must have 1 to %d bytes"), WM_MAP_MAX_ID_LENGTH);
  if (!g_hash_table_add (reader->ids, (gpointer) *id))
    return invalid (reader, place, _("the id “%s” is used twice"), *id);
  return TRUE;
}

/* The array member @name of @object (at @where, NULL for the document's
 * top level), each element an object when @objects; NULL array when
 * optional and missing. */
static gboolean
read_array (Reader      *reader,
            JsonObject  *object,
            const char  *where,
            const char  *name,
            gboolean     required,
            gboolean     objects,
            guint        max_length,
            JsonArray  **array)
{
  JsonNode *node = member (object, name);
  g_autofree char *place = where != NULL ? g_strdup_printf ("%s.%s", where, name) : g_strdup (name);

  *array = NULL;
  if (node == NULL)
    return required ? invalid (reader, place, _("this member is missing")) : TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (reader, place, _("expected an array"));
  *array = json_node_get_array (node);
  if (json_array_get_length (*array) > max_length)
    return invalid (reader, place, _("more than %u entries"), max_length);

  for (guint i = 0; objects && i < json_array_get_length (*array); i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (*array, i)))
      {
        g_autofree char *item = g_strdup_printf ("%s[%u]", place, i);

        return invalid (reader, item, _("expected an object"));
      }
  return TRUE;
}

/* The string member @name of enum @kind, parsed by @parse. */
static gboolean
read_enum (Reader      *reader,
           JsonObject  *object,
           const char  *where,
           const char  *name,
           gboolean     required,
           gboolean   (*parse) (const char *, gpointer),
           gpointer     value)
{
  const char *text;
  g_autofree char *place = g_strdup_printf ("%s.%s", where, name);

  if (!read_string (reader, object, where, name, required, &text))
    return FALSE;
  if (text != NULL && !parse (text, value))
    return invalid (reader, place, _("“%s” is not one of the known values"), text);
  return TRUE;
}

static gboolean
read_reference (Reader      *reader,
                JsonObject  *object,
                const char  *where,
                const char  *name,
                gboolean   (*exists) (WmJourneyMap *, const char *),
                const char **id)
{
  g_autofree char *place = g_strdup_printf ("%s.%s", where, name);

  if (!read_string (reader, object, where, name, TRUE, id))
    return FALSE;
  if (!exists (reader->map, *id))
    return invalid (reader, place, _("“%s” refers to nothing in the map"), *id);
  return TRUE;
}

static gboolean
stage_exists (WmJourneyMap *map,
              const char   *id)
{
  return wm_journey_map_lookup_stage (map, id) != NULL;
}

static gboolean
lane_exists (WmJourneyMap *map,
             const char   *id)
{
  return wm_journey_map_lookup_lane (map, id) != NULL;
}

static gboolean
card_exists (WmJourneyMap *map,
             const char   *id)
{
  return wm_journey_map_lookup_card (map, id) != NULL;
}

static gboolean
read_stages (Reader     *reader,
             JsonObject *root)
{
  JsonArray *array;

  if (!read_array (reader, root, NULL, "stages", TRUE, TRUE, WM_MAP_MAX_STAGES, &array))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *where = g_strdup_printf ("stages[%u]", i);
      const char *id, *name;

      if (!read_id (reader, object, where, &id) ||
          !read_string (reader, object, where, "name", TRUE, &name))
        return FALSE;
      wm_journey_map_add_stage (reader->map, id, name, -1);
    }
  return TRUE;
}

static gboolean
read_lanes (Reader     *reader,
            JsonObject *root)
{
  JsonArray *array;

  if (!read_array (reader, root, NULL, "lanes", TRUE, TRUE, WM_MAP_MAX_LANES, &array))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *where = g_strdup_printf ("lanes[%u]", i);
      const char *id, *name, *channel = NULL;
      WmLaneKind kind;

      if (!read_id (reader, object, where, &id) ||
          !read_string (reader, object, where, "name", TRUE, &name) ||
          !read_enum (reader, object, where, "kind", TRUE,
                      (gboolean (*) (const char *, gpointer)) wm_lane_kind_from_string, &kind))
        return FALSE;
      if (kind == WM_LANE_CHANNELS &&
          !read_string (reader, object, where, "channel", TRUE, &channel))
        return FALSE;
      wm_journey_map_add_lane (reader->map, id, name, kind, channel, -1);
    }
  return TRUE;
}

static gboolean
read_bindings (Reader       *reader,
               JsonObject   *object,
               const char   *where,
               GStrvBuilder *bindings)
{
  JsonArray *array;

  if (!read_array (reader, object, where, "bindings", FALSE, FALSE, WM_MAP_MAX_BINDINGS, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *name;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING ||
          *(name = json_node_get_string (element)) == '\0' || strlen (name) > WM_MAP_MAX_TEXT_LENGTH)
        {
          g_autofree char *item = g_strdup_printf ("%s.bindings[%u]", where, i);

          return invalid (reader, item, _("expected a touchpoint name"));
        }
      g_strv_builder_add (bindings, name);
    }
  return TRUE;
}

typedef struct
{
  WmMapCard *card;
  guint      index;   /* in the document */
} PendingCard;

static void
pending_card_clear (gpointer data)
{
  wm_map_card_free (((PendingCard *) data)->card);
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const PendingCard *pa = a, *pb = b;

  if (pa->card->order != pb->card->order)
    return pa->card->order < pb->card->order ? -1 : 1;
  return (pa->index > pb->index) - (pa->index < pb->index);
}

/* Orders in each cell must be 0 … n−1, each once. */
static gboolean
check_cell_orders (Reader *reader,
                   GArray *pending)
{
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < pending->len; i++)
    {
      const WmMapCard *card = g_array_index (pending, PendingCard, i).card;
      char *cell = g_strdup_printf ("%s\x1f%s", card->stage, card->lane);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (cells, cell));

      g_hash_table_replace (cells, cell, GUINT_TO_POINTER (count + 1));
    }

  for (guint i = 0; i < pending->len; i++)
    {
      const PendingCard *p = &g_array_index (pending, PendingCard, i);
      g_autofree char *cell = g_strdup_printf ("%s\x1f%s", p->card->stage, p->card->lane);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (cells, cell));
      g_autofree char *where = g_strdup_printf ("cards[%u].order", p->index);

      if (p->card->order >= count)
        return invalid (reader, where,
                        _("order %u in a cell of %u cards (orders run from 0)"),
                        p->card->order, count);
      if (!g_hash_table_add (slots, g_strdup_printf ("%s\x1f%u", cell, p->card->order)))
        return invalid (reader, where, _("another card of the cell has order %u"), p->card->order);
    }
  return TRUE;
}

static gboolean
read_cards (Reader     *reader,
            JsonObject *root)
{
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (PendingCard));
  JsonArray *array;

  g_array_set_clear_func (pending, pending_card_clear);

  if (!read_array (reader, root, NULL, "cards", FALSE, TRUE, WM_MAP_MAX_CARDS, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *where = g_strdup_printf ("cards[%u]", i);
      g_autoptr(GStrvBuilder) bindings = g_strv_builder_new ();
      g_autoptr(WmMapCard) card = wm_map_card_new ();
      const char *id, *title, *body, *stage, *lane;
      gint64 order, span;
      PendingCard p;

      if (!read_id (reader, object, where, &id) ||
          !read_string (reader, object, where, "title", TRUE, &title) ||
          !read_string (reader, object, where, "body", FALSE, &body) ||
          !read_enum (reader, object, where, "color", FALSE,
                      (gboolean (*) (const char *, gpointer)) wm_card_color_from_string, &card->color) ||
          !read_reference (reader, object, where, "stage", stage_exists, &stage) ||
          !read_reference (reader, object, where, "lane", lane_exists, &lane) ||
          !read_int (reader, object, where, "order", 0, WM_MAP_MAX_CARDS, 0, TRUE, &order) ||
          !read_int (reader, object, where, "span", 1, WM_MAP_MAX_SPAN, 1, FALSE, &span) ||
          !read_enum (reader, object, where, "evidence", FALSE,
                      (gboolean (*) (const char *, gpointer)) wm_evidence_from_string, &card->evidence) ||
          !read_bindings (reader, object, where, bindings))
        return FALSE;

      card->id = g_strdup (id);
      g_free (card->title);
      card->title = g_strdup (title);
      g_free (card->body);
      card->body = g_strdup (body != NULL ? body : "");
      card->stage = g_strdup (stage);
      card->lane = g_strdup (lane);
      card->order = order;
      card->span = span;
      g_strfreev (card->bindings);
      card->bindings = g_strv_builder_end (bindings);

      p.card = g_steal_pointer (&card);
      p.index = i;
      g_array_append_val (pending, p);
    }

  if (!check_cell_orders (reader, pending))
    return FALSE;

  /* Added lowest orders first, each lands at its order without shifting
   * another; the list position keeps the document's order. */
  {
    g_autofree guint *added = g_new0 (guint, pending->len);
    guint n_added = 0;

    g_array_sort (pending, compare_pending);
    for (guint i = 0; i < pending->len; i++)
      {
        const PendingCard *p = &g_array_index (pending, PendingCard, i);
        guint position = 0;

        for (guint j = 0; j < n_added; j++)
          if (added[j] < p->index)
            position++;
        wm_journey_map_add_card (reader->map, p->card, position);
        added[n_added++] = p->index;
      }
  }
  return TRUE;
}

static gboolean
read_connectors (Reader     *reader,
                 JsonObject *root)
{
  JsonArray *array;

  if (!read_array (reader, root, NULL, "connectors", FALSE, TRUE, WM_MAP_MAX_CONNECTORS, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *where = g_strdup_printf ("connectors[%u]", i);
      const char *id, *from, *to, *label;

      if (!read_id (reader, object, where, &id) ||
          !read_reference (reader, object, where, "from", card_exists, &from) ||
          !read_reference (reader, object, where, "to", card_exists, &to) ||
          !read_string (reader, object, where, "label", FALSE, &label))
        return FALSE;
      if (g_str_equal (from, to))
        return invalid (reader, where, _("a connector cannot join a card to itself"));
      wm_journey_map_add_connector (reader->map, id, from, to, label, -1);
    }
  return TRUE;
}

static gboolean
read_emotions (Reader       *reader,
               JsonObject   *object,
               const char   *where,
               WmMapPersona *persona)
{
  JsonArray *array;

  if (!read_array (reader, object, where, "emotions", FALSE, TRUE, WM_MAP_MAX_STAGES, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *element = json_array_get_object_element (array, i);
      g_autofree char *item = g_strdup_printf ("%s.emotions[%u]", where, i);
      g_autofree char *value_place = g_strdup_printf ("%s.value", item);
      const char *stage;
      JsonNode *value;
      double v;

      if (!read_reference (reader, element, item, "stage", stage_exists, &stage))
        return FALSE;
      if (wm_map_persona_get_emotion (persona, stage, NULL))
        return invalid (reader, item, _("a second value for stage “%s”"), stage);

      value = member (element, "value");
      if (value == NULL)
        return invalid (reader, value_place, _("this member is missing"));
      if (!JSON_NODE_HOLDS_VALUE (value) ||
          (json_node_get_value_type (value) != G_TYPE_INT64 &&
           json_node_get_value_type (value) != G_TYPE_DOUBLE))
        return invalid (reader, value_place, _("expected a number"));
      v = json_node_get_double (value);
      if (!(v >= -2 && v <= 2) || floor (v * 2) != v * 2)
        return invalid (reader, value_place, _("an emotion is −2 … +2 in steps of 0.5"));
      wm_map_persona_set_emotion (persona, stage, (int) (v * 2));
    }
  return TRUE;
}

static gboolean
read_personas (Reader     *reader,
               JsonObject *root)
{
  JsonArray *array;

  if (!read_array (reader, root, NULL, "personas", FALSE, TRUE, WM_MAP_MAX_PERSONAS, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *where = g_strdup_printf ("personas[%u]", i);
      g_autoptr(WmMapPersona) persona = g_new0 (WmMapPersona, 1);
      const char *id, *name, *description;

      if (!read_id (reader, object, where, &id) ||
          !read_string (reader, object, where, "name", TRUE, &name) ||
          !read_string (reader, object, where, "description", FALSE, &description))
        return FALSE;
      persona->id = g_strdup (id);
      persona->name = g_strdup (name);
      persona->description = g_strdup (description != NULL ? description : "");
      if (!read_emotions (reader, object, where, persona))
        return FALSE;
      wm_journey_map_add_persona (reader->map, persona, -1);
    }
  return TRUE;
}

static gboolean
read_version (Reader     *reader,
              JsonObject *root)
{
  gint64 version;

  if (!read_int (reader, root, "document", "version", 1, G_MAXINT32, 0, TRUE, &version))
    return FALSE;
  if (version > WM_MAP_JSON_VERSION)
    {
      g_set_error (reader->error, WM_ERROR, WM_ERROR_NEWER_VERSION,
                   _("This journey map was written by a newer version of Waymark (format %d; "
                     "this version reads format %d). Update Waymark to open it."),
                   (int) version, WM_MAP_JSON_VERSION);
      return FALSE;
    }
  return TRUE;
}

WmJourneyMap *
wm_map_json_parse (const char  *json,
                   gssize       length,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(WmJourneyMap) map = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root_node;
  JsonObject *root;
  const char *title;
  Reader reader;
  gsize size;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  size = length < 0 ? strlen (json) : (gsize) length;
  if (size > WM_MAP_JSON_MAX_BYTES)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT,
                   _("The journey map is not valid: it is larger than %d MB."),
                   WM_MAP_JSON_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  switch (wm_json_shape (json, size, WM_MAP_JSON_MAX_DEPTH))
    {
    case WM_JSON_SHAPE_TOO_DEEP:
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT,
                   _("The journey map is not valid: it nests deeper than %d levels."),
                   WM_MAP_JSON_MAX_DEPTH);
      return NULL;

    case WM_JSON_SHAPE_TRAILING:
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT,
                   _("The journey map is not valid: there is more text after the document."));
      return NULL;

    case WM_JSON_SHAPE_NOT_OBJECT:
      /* Decided before json-glib sees it: 1.6 leaks a value followed by
       * more text. */
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT,
                   _("The journey map is not valid: %s: %s"), "document", _("expected an object"));
      return NULL;

    case WM_JSON_SHAPE_OK:
    default:
      break;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, size, &local_error))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT,
                   _("The journey map is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  map = wm_journey_map_new ();
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  reader.map = map;
  reader.ids = ids;
  reader.error = error;

  root_node = json_parser_get_root (parser);
  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      invalid (&reader, "document", _("expected an object"));
      return NULL;
    }
  root = json_node_get_object (root_node);

  if (!read_version (&reader, root) ||
      !read_string (&reader, root, "document", "title", FALSE, &title) ||
      !read_stages (&reader, root) ||
      !read_lanes (&reader, root) ||
      !read_cards (&reader, root) ||
      !read_connectors (&reader, root) ||
      !read_personas (&reader, root))
    return NULL;

  wm_journey_map_set_title (map, title);
  return g_steal_pointer (&map);
}

gboolean
wm_map_json_load (WmJourneyMap  *map,
                  const char    *json,
                  gssize         length,
                  GError       **error)
{
  g_autoptr(WmJourneyMap) loaded = NULL;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (map), FALSE);

  loaded = wm_map_json_parse (json, length, error);
  if (loaded == NULL)
    return FALSE;
  wm_journey_map_take_contents (map, loaded);
  return TRUE;
}

WmJourneyMap *
wm_map_json_load_project (WmProject  *project,
                          GError    **error)
{
  g_autofree char *json = wm_project_load_map_json (project, error);

  if (json == NULL)
    return NULL;
  if (*json == '\0')
    return wm_journey_map_new ();
  return wm_map_json_parse (json, -1, error);
}

gboolean
wm_map_json_save_project (WmProject     *project,
                          WmJourneyMap  *map,
                          GError       **error)
{
  g_autofree char *json = wm_map_json_to_string (map, FALSE);

  /* wm_project_save_map_json() writes one row in one statement. */
  return wm_project_save_map_json (project, json, error);
}
