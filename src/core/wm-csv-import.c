/* wm-csv-import.c: CSV logs, columns found by header name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "wm-csv-reader.h"
#include "wm-error.h"
#include "wm-import-private.h"

/* Header names per field, in order of preference (DESIGN.md). */
static const char * const customer_names[] = {
  "customer_id", "customer", "user_id", "userid", "distinct_id", "person_id",
  "visitor_id", "anonymous_id", NULL
};
static const char * const timestamp_names[] = {
  "timestamp", "time", "ts", "event_time", "datetime", "date", NULL
};
static const char * const touchpoint_names[] = {
  "touchpoint", "event", "event_name", "action", "step", NULL
};
static const char * const channel_names[] = {
  "channel", "$channel", "source", "medium", "utm_medium", NULL
};
static const char * const * const field_candidates[WM_N_FIELDS] = {
  customer_names, timestamp_names, touchpoint_names, channel_names,
};
/* Property keys that name the channel when there is no channel column. */
static const char * const channel_properties[] = { "channel", "$channel", "utm_medium", NULL };

typedef struct
{
  int       field_column[WM_N_FIELDS];  /* -1 when absent */
  int       properties_column;          /* a JSON "properties" column, or -1 */
  guint     n_columns;
  char    **names;                      /* header, trimmed */
  char    **json_names;                 /* header names as JSON string literals */
  gboolean *is_property;
} CsvColumns;

static void
csv_columns_clear (CsvColumns *columns)
{
  g_clear_pointer (&columns->names, g_strfreev);
  g_clear_pointer (&columns->json_names, g_strfreev);
  g_clear_pointer (&columns->is_property, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CsvColumns, csv_columns_clear)

static int
find_name (const char * const *names,
           guint               n_names,
           const char         *name)
{
  for (guint i = 0; i < n_names; i++)
    if (g_ascii_strcasecmp (names[i], name) == 0)
      return (int) i;

  return -1;
}

void
wm_import_detect_csv_columns (const char * const *names,
                              guint               n_names,
                              char * const        mapping[WM_N_FIELDS],
                              int                 columns[WM_N_FIELDS])
{
  for (guint f = 0; f < WM_N_FIELDS; f++)
    {
      columns[f] = -1;

      if (mapping != NULL && mapping[f] != NULL)
        {
          columns[f] = find_name (names, n_names, mapping[f]);
          continue;
        }

      /* A column already taken by an earlier field is not reused. */
      for (guint c = 0; field_candidates[f][c] != NULL && columns[f] < 0; c++)
        {
          int column = find_name (names, n_names, field_candidates[f][c]);
          gboolean taken = FALSE;

          for (guint g = 0; g < f; g++)
            taken |= column >= 0 && columns[g] == column;
          if (!taken)
            columns[f] = column;
        }
    }
}

static gboolean
map_columns (WmImportContext  *context,
             WmCsvReader      *reader,
             CsvColumns       *columns,
             GError          **error)
{
  columns->n_columns = wm_csv_reader_get_n_fields (reader);
  columns->names = g_new0 (char *, columns->n_columns + 1);
  columns->json_names = g_new0 (char *, columns->n_columns + 1);
  columns->is_property = g_new0 (gboolean, columns->n_columns);

  for (guint i = 0; i < columns->n_columns; i++)
    {
      GString *literal = g_string_new (NULL);

      columns->names[i] = g_strstrip (g_strdup (wm_csv_reader_get_field (reader, i, NULL)));
      wm_json_append_string (literal, columns->names[i]);
      columns->json_names[i] = g_string_free (literal, FALSE);
    }

  wm_import_detect_csv_columns ((const char * const *) columns->names, columns->n_columns,
                                context->options->mapping, columns->field_column);

  for (guint f = 0; f < WM_N_FIELDS; f++)
    {
      const char *mapped = context->options->mapping[f];

      if (mapped != NULL && columns->field_column[f] < 0)
        {
          g_autofree char *present = g_strjoinv (", ", columns->names);

          g_set_error (error, WM_ERROR, WM_ERROR_NO_USABLE_HEADER,
                       _("“%s” has no column “%s” for the %s (its columns: %s)"),
                       context->name, mapped, wm_field_get_name (f), present);
          return FALSE;
        }

      if (columns->field_column[f] < 0 && f != WM_FIELD_CHANNEL)
        {
          g_autofree char *looked_for = g_strjoinv (", ", (char **) field_candidates[f]);

          g_set_error (error, WM_ERROR, WM_ERROR_NO_USABLE_HEADER,
                       _("“%s” has no %s column (looked for %s). Name it with --map %s=COLUMN."),
                       context->name, wm_field_get_name (f), looked_for, wm_field_get_name (f));
          return FALSE;
        }
    }

  columns->properties_column = find_name ((const char * const *) columns->names, columns->n_columns, "properties");
  for (guint i = 0; i < columns->n_columns; i++)
    {
      columns->is_property[i] = (int) i != columns->properties_column;
      for (guint f = 0; f < WM_N_FIELDS; f++)
        if (columns->field_column[f] == (int) i)
          columns->is_property[i] = FALSE;
    }

  return TRUE;
}

static const char *
field_or_null (WmCsvReader *reader,
               int          column)
{
  return column >= 0 ? wm_csv_reader_get_field (reader, column, NULL) : NULL;
}

/* The plain case: other columns become string properties. */
static void
build_properties (WmCsvReader      *reader,
                  const CsvColumns *columns,
                  GString          *out)
{
  g_string_truncate (out, 0);

  for (guint i = 0; i < columns->n_columns; i++)
    {
      const char *value;

      if (!columns->is_property[i])
        continue;

      value = wm_csv_reader_get_field (reader, i, NULL);
      if (value[0] == '\0')
        continue;

      g_string_append_c (out, out->len == 0 ? '{' : ',');
      g_string_append (out, columns->json_names[i]);
      g_string_append_c (out, ':');
      wm_json_append_string (out, value);
    }

  if (out->len > 0)
    g_string_append_c (out, '}');
}

/* PostHog's export: a "properties" column of JSON objects, merged with the
 * other columns.  Returns the channel found among the properties, if any. */
static char *
build_posthog_properties (WmCsvReader      *reader,
                          const CsvColumns *columns,
                          JsonParser       *parser,
                          GString          *out)
{
  gsize text_len;
  const char *text = wm_csv_reader_get_field (reader, columns->properties_column, &text_len);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *json = NULL;
  JsonObject *object = NULL;
  char *channel = NULL;

  /* Only an object is expanded; anything else stays text without being
   * parsed (json-glib 1.6 leaks a scalar followed by more text). */
  if (wm_json_shape (text, text_len, WM_JSON_MAX_DEPTH) == WM_JSON_SHAPE_OK &&
      json_parser_load_from_data (parser, text, text_len, NULL) &&
      json_parser_get_root (parser) != NULL &&  /* NULL for blank text */
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      root = json_node_copy (json_parser_get_root (parser));
      object = json_node_get_object (root);
    }
  else
    {
      /* The node takes its own reference on the object. */
      object = json_object_new ();
      root = json_node_init_object (json_node_alloc (), object);
      json_object_unref (object);
      if (text[0] != '\0')
        json_object_set_string_member (object, "properties", text);
    }

  for (guint i = 0; channel_properties[i] != NULL && channel == NULL; i++)
    if (json_object_has_member (object, channel_properties[i]))
      {
        JsonNode *node = json_object_get_member (object, channel_properties[i]);

        if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
          channel = g_strdup (json_node_get_string (node));
      }

  for (guint i = 0; i < columns->n_columns; i++)
    {
      const char *value = wm_csv_reader_get_field (reader, i, NULL);

      if (columns->is_property[i] && value[0] != '\0')
        json_object_set_string_member (object, columns->names[i], value);
    }

  g_string_truncate (out, 0);
  if (json_object_get_size (object) > 0)
    {
      generator = json_generator_new ();
      json_generator_set_root (generator, root);
      json = json_generator_to_data (generator, NULL);
      g_string_append (out, json);
    }

  return channel;
}

gboolean
wm_import_csv (WmImportContext  *context,
               GInputStream     *stream,
               GError          **error)
{
  g_autoptr(WmCsvReader) reader = wm_csv_reader_new (stream);
  g_autoptr(GString) properties = g_string_new (NULL);
  g_autoptr(JsonParser) parser = NULL;
  g_auto(CsvColumns) columns = { 0 };

  switch (wm_csv_reader_next (reader, context->cancellable, error))
    {
    case WM_CSV_RECORD:
      break;

    case WM_CSV_END:
      g_set_error (error, WM_ERROR, WM_ERROR_EMPTY_FILE, _("“%s” is empty"), context->name);
      return FALSE;

    case WM_CSV_BAD_RECORD:
      g_set_error (error, WM_ERROR, WM_ERROR_NO_USABLE_HEADER,
                   _("The first line of “%s” cannot be read as a header: %s"),
                   context->name, wm_csv_reader_get_bad_reason (reader));
      return FALSE;

    case WM_CSV_ERROR:
    default:
      return FALSE;
    }

  if (!map_columns (context, reader, &columns, error))
    return FALSE;

  if (columns.properties_column >= 0)
    parser = json_parser_new_immutable ();

  for (;;)
    {
      WmCsvStatus status = wm_csv_reader_next (reader, context->cancellable, error);
      guint64 line = wm_csv_reader_get_line (reader);
      g_autofree char *property_channel = NULL;
      g_autofree char *reason = NULL;
      const char *channel;
      gint64 ts;
      guint n_fields;

      if (status == WM_CSV_END)
        break;
      if (status == WM_CSV_ERROR)
        return FALSE;

      if (status == WM_CSV_BAD_RECORD)
        {
          if (!wm_import_reject (context, line, wm_csv_reader_get_bad_reason (reader),
                                 wm_csv_reader_get_excerpt (reader), error))
            return FALSE;
          continue;
        }

      if (!wm_import_tick (context, error))
        return FALSE;

      n_fields = wm_csv_reader_get_n_fields (reader);
      if (n_fields != columns.n_columns)
        {
          g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "%u field, but the header has %u",
                                                                  "%u fields, but the header has %u",
                                                                  n_fields),
                                                     n_fields, columns.n_columns);

          if (!wm_import_reject (context, line, count, wm_csv_reader_get_excerpt (reader), error))
            return FALSE;
          continue;
        }

      reason = wm_import_validate (context,
                                   field_or_null (reader, columns.field_column[WM_FIELD_CUSTOMER]),
                                   field_or_null (reader, columns.field_column[WM_FIELD_TOUCHPOINT]),
                                   field_or_null (reader, columns.field_column[WM_FIELD_TIMESTAMP]),
                                   &ts);
      if (reason != NULL)
        {
          if (!wm_import_reject (context, line, reason, wm_csv_reader_get_excerpt (reader), error))
            return FALSE;
          continue;
        }

      if (parser != NULL)
        property_channel = build_posthog_properties (reader, &columns, parser, properties);
      else
        build_properties (reader, &columns, properties);

      channel = field_or_null (reader, columns.field_column[WM_FIELD_CHANNEL]);
      if (channel == NULL || channel[0] == '\0')
        channel = property_channel;

      if (!wm_event_writer_add (context->writer,
                                field_or_null (reader, columns.field_column[WM_FIELD_CUSTOMER]),
                                field_or_null (reader, columns.field_column[WM_FIELD_TOUCHPOINT]),
                                channel, ts,
                                properties->len > 0 ? properties->str : NULL,
                                error))
        return FALSE;
    }

  return TRUE;
}
