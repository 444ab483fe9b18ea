/* wm-jsonl-import.c: JSON Lines logs: PostHog, Segment, Mixpanel, GA4 BigQuery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "wm-error.h"
#include "wm-import-private.h"
#include "wm-line-reader.h"

#define EXCERPT_BYTES 200

/* Key paths per field, in order of preference.  Each dialect is recognised
 * line by line from the keys it uses, so mixed files work too. */
static const char * const customer_paths[] = {
  "distinct_id",             /* PostHog */
  "userId", "anonymousId",   /* Segment */
  "properties.distinct_id",  /* Mixpanel */
  "user_pseudo_id",          /* GA4 */
  "customer_id", "customer", "user_id", NULL
};
static const char * const timestamp_paths[] = {
  "timestamp",               /* PostHog, Segment */
  "event_timestamp",         /* GA4, microseconds */
  "properties.time",         /* Mixpanel, seconds */
  "time", "ts", "event_time", NULL
};
static const char * const touchpoint_paths[] = {
  "event", "event_name", "touchpoint", "action", NULL
};
static const char * const channel_paths[] = {
  "channel", "properties.channel", "properties.$channel", "properties.utm_medium", NULL
};
static const char * const channel_properties[] = { "channel", "$channel", "utm_medium", NULL };
static const char * const * const field_paths[WM_N_FIELDS] = {
  customer_paths, timestamp_paths, touchpoint_paths, channel_paths,
};

static JsonNode *
lookup_path (JsonObject *object,
             const char *path)
{
  const char *dot;

  while ((dot = strchr (path, '.')) != NULL)
    {
      g_autofree char *key = g_strndup (path, dot - path);
      JsonNode *node = json_object_get_member (object, key);

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      object = json_node_get_object (node);
      path = dot + 1;
    }

  return json_object_get_member (object, path);
}

/* Strings as they are, numbers in full; NULL for anything else. */
static char *
scalar_to_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));

    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

    case G_TYPE_DOUBLE:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
      }

    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");

    default:
      return NULL;
    }
}

static char *
find_field (JsonObject            *object,
            const WmImportOptions *options,
            WmField                field)
{
  if (options->mapping[field] != NULL)
    return scalar_to_string (lookup_path (object, options->mapping[field]));

  for (guint i = 0; field_paths[field][i] != NULL; i++)
    {
      char *value = scalar_to_string (lookup_path (object, field_paths[field][i]));

      if (value != NULL && value[0] != '\0')
        return value;
      g_free (value);
    }

  return NULL;
}

/* GA4 keeps parameters as [{"key":…, "value":{"string_value":…}}]. */
static void
flatten_event_params (JsonArray  *params,
                      JsonObject *properties)
{
  static const char * const value_keys[] = {
    "string_value", "int_value", "double_value", "float_value", NULL
  };

  for (guint i = 0; i < json_array_get_length (params); i++)
    {
      JsonNode *item = json_array_get_element (params, i);
      JsonObject *param;
      const char *key;
      JsonNode *value;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      param = json_node_get_object (item);
      key = json_object_get_string_member_with_default (param, "key", NULL);
      value = json_object_get_member (param, "value");
      if (key == NULL || value == NULL || !JSON_NODE_HOLDS_OBJECT (value))
        continue;

      for (guint k = 0; value_keys[k] != NULL; k++)
        {
          JsonNode *v = json_object_get_member (json_node_get_object (value), value_keys[k]);

          if (v != NULL && !JSON_NODE_HOLDS_NULL (v))
            {
              json_object_set_member (properties, key, json_node_copy (v));
              break;
            }
        }
    }
}

/* In the source's order, so stored properties read like the log. */
static void
copy_member (JsonObject  *source,
             const char  *key,
             JsonNode    *member,
             gpointer     user_data)
{
  json_object_set_member (user_data, key, json_node_copy (member));
}

/* The "properties" object, with GA4's event_params flattened into it. */
static JsonObject *
collect_properties (JsonObject *object)
{
  JsonObject *properties = json_object_new ();
  JsonNode *node;

  node = json_object_get_member (object, "properties");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    json_object_foreach_member (json_node_get_object (node), copy_member, properties);

  node = json_object_get_member (object, "event_params");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    flatten_event_params (json_node_get_array (node), properties);

  return properties;
}

static char *
properties_to_json (JsonObject *properties)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;

  if (json_object_get_size (properties) == 0)
    return NULL;

  root = json_node_init_object (json_node_alloc (), properties);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static char *
make_excerpt (const char *line,
              gsize       len)
{
  g_autofree char *head = g_strndup (line, MIN (len, EXCERPT_BYTES));

  return g_utf8_make_valid (head, -1);
}

/* Returns the reason to reject the line, or NULL after adding its event. */
static char *
import_line (WmImportContext  *context,
             JsonParser       *parser,
             const char       *line,
             gsize             len,
             GError          **error)
{
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *touchpoint = NULL;
  g_autofree char *timestamp = NULL;
  g_autofree char *channel = NULL;
  g_autoptr(JsonObject) properties = NULL;
  g_autofree char *properties_json = NULL;
  char *reason;
  JsonObject *object;
  JsonNode *root;
  gint64 ts;

  /* Before UTF-8: g_utf8_validate() stops at a NUL too. */
  if (memchr (line, '\0', len) != NULL)
    return g_strdup (_("NUL byte in record"));

  if (!g_utf8_validate (line, len, NULL))
    return g_strdup (_("invalid UTF-8"));

  /* Only objects are events.  Deciding that before json-glib sees the
   * line also avoids its leak: 1.6 leaks a scalar followed by more text. */
  if (line[0] != '{')
    return g_strdup (_("not a JSON object"));

  switch (wm_json_shape (line, len, WM_JSON_MAX_DEPTH))
    {
    case WM_JSON_SHAPE_TOO_DEEP:
      return g_strdup_printf (_("JSON nested deeper than %d levels"), WM_JSON_MAX_DEPTH);

    case WM_JSON_SHAPE_TRAILING:
      return g_strdup (_("text after the JSON object (two records on one line?)"));

    case WM_JSON_SHAPE_NOT_OBJECT:  /* ruled out above */
    case WM_JSON_SHAPE_OK:
    default:
      break;
    }

  if (!json_parser_load_from_data (parser, line, len, &parse_error))
    return g_strdup_printf (_("invalid JSON: %s"), parse_error->message);

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return g_strdup (_("not a JSON object"));

  object = json_node_get_object (root);
  customer = find_field (object, context->options, WM_FIELD_CUSTOMER);
  touchpoint = find_field (object, context->options, WM_FIELD_TOUCHPOINT);
  timestamp = find_field (object, context->options, WM_FIELD_TIMESTAMP);

  reason = wm_import_validate (context, customer, touchpoint, timestamp, &ts);
  if (reason != NULL)
    return reason;

  properties = collect_properties (object);
  channel = find_field (object, context->options, WM_FIELD_CHANNEL);
  /* GA4 carries the medium among its event parameters. */
  for (guint i = 0; channel == NULL && channel_properties[i] != NULL; i++)
    channel = scalar_to_string (json_object_get_member (properties, channel_properties[i]));
  properties_json = properties_to_json (properties);

  /* A database failure travels through @error, not as a reason. */
  wm_event_writer_add (context->writer, customer, touchpoint, channel, ts, properties_json, error);

  return NULL;
}

gboolean
wm_import_jsonl (WmImportContext  *context,
                 GInputStream     *stream,
                 GError          **error)
{
  g_autoptr(WmLineReader) reader = wm_line_reader_new (stream);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gboolean seen_object = FALSE;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *reason = NULL;
      const char *line;
      gsize len;
      guint64 number;
      gsize skip = 0;

      switch (wm_line_reader_next (reader, &line, &len, context->cancellable, error))
        {
        case WM_LINE_END:
          if (!seen_object)
            {
              g_set_error (error, WM_ERROR, WM_ERROR_EMPTY_FILE, _("“%s” is empty"), context->name);
              return FALSE;
            }
          return TRUE;

        case WM_LINE_ERROR:
          return FALSE;

        case WM_LINE_TOO_LONG:
          if (!wm_import_reject (context, wm_line_reader_get_line (reader),
                                 _("line longer than 1 MiB"), NULL, error))
            return FALSE;
          continue;

        case WM_LINE_OK:
        default:
          break;
        }

      number = wm_line_reader_get_line (reader);

      /* A UTF-8 BOM, then blank lines, are skipped. */
      if (number == 1 && len >= 3 && memcmp (line, "\xEF\xBB\xBF", 3) == 0)
        skip = 3;
      while (skip < len && g_ascii_isspace (line[skip]))
        skip++;
      if (skip == len)
        continue;
      line += skip;
      len -= skip;

      if (!wm_import_tick (context, error))
        return FALSE;

      reason = import_line (context, parser, line, len, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      /* The first line decides whether this is JSON Lines at all. */
      if (!seen_object && reason != NULL &&
          (line[0] != '{' ||
           (wm_json_shape (line, len, WM_JSON_MAX_DEPTH) == WM_JSON_SHAPE_OK &&
            !json_parser_load_from_data (parser, line, len, NULL))))
        {
          g_set_error (error, WM_ERROR, WM_ERROR_UNKNOWN_FORMAT,
                       line[0] == '['
                       ? _("“%s” is a JSON array; Waymark reads JSON Lines (one JSON object per line) or CSV")
                       : _("“%s” is neither CSV nor JSON Lines (one JSON object per line)"),
                       context->name);
          return FALSE;
        }
      seen_object = TRUE;

      if (reason != NULL)
        {
          g_autofree char *excerpt = make_excerpt (line, len);

          if (!wm_import_reject (context, number, reason, excerpt, error))
            return FALSE;
        }
    }
}
