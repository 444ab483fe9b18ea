/* wm-import-preview.c: reads a log's head with the importer's own readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "wm-csv-reader.h"
#include "wm-error.h"
#include "wm-import-preview.h"
#include "wm-line-reader.h"

#define SNIFF_BYTES 4096

void
wm_import_preview_free (WmImportPreview *preview)
{
  if (preview == NULL)
    return;

  g_strfreev (preview->columns);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_free (preview);
}

static gboolean
read_csv (WmImportPreview  *preview,
          GInputStream     *stream,
          guint             max_rows,
          GCancellable     *cancellable,
          GError          **error)
{
  g_autoptr(WmCsvReader) reader = wm_csv_reader_new (stream);
  WmCsvStatus status;

  status = wm_csv_reader_next (reader, cancellable, error);
  if (status == WM_CSV_ERROR)
    return FALSE;
  if (status != WM_CSV_RECORD)
    {
      preview->columns = g_new0 (char *, 1);
      return TRUE;
    }

  preview->n_columns = wm_csv_reader_get_n_fields (reader);
  preview->columns = g_new0 (char *, preview->n_columns + 1);
  for (guint i = 0; i < preview->n_columns; i++)
    preview->columns[i] = g_strstrip (g_strdup (wm_csv_reader_get_field (reader, i, NULL)));
  wm_import_detect_csv_columns ((const char * const *) preview->columns, preview->n_columns,
                                NULL, preview->detected);

  while (preview->rows->len < max_rows)
    {
      char **row;

      status = wm_csv_reader_next (reader, cancellable, error);
      if (status == WM_CSV_ERROR)
        return FALSE;
      if (status == WM_CSV_END)
        break;
      if (status == WM_CSV_BAD_RECORD)
        continue;

      row = g_new0 (char *, preview->n_columns + 1);
      for (guint i = 0; i < preview->n_columns; i++)
        row[i] = g_strdup (i < wm_csv_reader_get_n_fields (reader)
                           ? wm_csv_reader_get_field (reader, i, NULL) : "");
      g_ptr_array_add (preview->rows, row);
    }

  return TRUE;
}

static char *
node_to_text (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");

  return json_to_string (node, FALSE);
}

/* Top-level members, and members of objects one level down as "a.b". */
static void
flatten (JsonObject *object,
         const char *prefix,
         GHashTable *values)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);
      g_autofree char *key = prefix ? g_strconcat (prefix, ".", l->data, NULL) : g_strdup (l->data);

      if (prefix == NULL && JSON_NODE_HOLDS_OBJECT (node))
        flatten (json_node_get_object (node), key, values);
      else
        g_hash_table_insert (values, g_steal_pointer (&key), node_to_text (node));
    }
}

static gboolean
read_jsonl (WmImportPreview  *preview,
            GInputStream     *stream,
            guint             max_rows,
            GCancellable     *cancellable,
            GError          **error)
{
  g_autoptr(WmLineReader) reader = wm_line_reader_new (stream);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

  while (objects->len < max_rows)
    {
      const char *line;
      gsize len;
      GHashTable *values;
      g_autoptr(GList) members = NULL;
      WmLineStatus status = wm_line_reader_next (reader, &line, &len, cancellable, error);

      if (status == WM_LINE_ERROR)
        return FALSE;
      if (status == WM_LINE_END)
        break;
      if (status == WM_LINE_TOO_LONG || len == 0 ||
          !json_parser_load_from_data (parser, line, len, NULL) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        continue;

      values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      flatten (json_node_get_object (json_parser_get_root (parser)), NULL, values);
      g_ptr_array_add (objects, values);

      /* Sorted, so that the column order does not depend on hashing. */
      members = g_list_sort (g_hash_table_get_keys (values), (GCompareFunc) g_strcmp0);
      for (GList *l = members; l != NULL; l = l->next)
        if (!g_hash_table_contains (known, l->data))
          {
            char *key = g_strdup (l->data);

            g_ptr_array_add (keys, key);
            g_hash_table_add (known, key);
          }
    }

  preview->n_columns = keys->len;
  g_ptr_array_add (keys, NULL);
  preview->columns = (char **) g_ptr_array_steal (keys, NULL);

  for (guint r = 0; r < objects->len; r++)
    {
      GHashTable *values = g_ptr_array_index (objects, r);
      char **row = g_new0 (char *, preview->n_columns + 1);

      for (guint i = 0; i < preview->n_columns; i++)
        {
          const char *value = g_hash_table_lookup (values, preview->columns[i]);

          row[i] = g_strdup (value ? value : "");
        }
      g_ptr_array_add (preview->rows, row);
    }

  return TRUE;
}

WmImportPreview *
wm_import_preview_read (GFile           *file,
                        WmImportFormat   format,
                        guint            max_rows,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr(WmImportPreview) preview = g_new0 (WmImportPreview, 1);
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GInputStream) buffered = NULL;
  g_autofree char *name = NULL;
  const char *head;
  gsize head_len = 0;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint f = 0; f < WM_N_FIELDS; f++)
    preview->detected[f] = -1;

  input = g_file_read (file, cancellable, error);
  if (input == NULL)
    return NULL;

  buffered = g_buffered_input_stream_new_sized (G_INPUT_STREAM (input), SNIFF_BYTES * 16);
  if (g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), SNIFF_BYTES, cancellable, error) < 0)
    return NULL;
  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &head_len);

  name = g_file_get_basename (file);
  if (head_len == 0 || (head_len == 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_EMPTY_FILE, _("“%s” is empty"), name);
      return NULL;
    }

  preview->format = format != WM_IMPORT_FORMAT_AUTO ? format : wm_import_detect_format (name, head, head_len);
  if (preview->format == WM_IMPORT_FORMAT_CSV)
    ok = read_csv (preview, buffered, max_rows, cancellable, error);
  else
    ok = read_jsonl (preview, buffered, max_rows, cancellable, error);

  return ok ? g_steal_pointer (&preview) : NULL;
}
