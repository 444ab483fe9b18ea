/* wm-importer.c: format detection, duplicate detection, the shared row sink
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wm-error.h"
#include "wm-import-private.h"
#include "wm-sha256.h"
#include "wm-timestamp.h"
#include "wm-format.h"

#define PROGRESS_EVERY_ROWS 8192
#define SNIFF_BYTES 4096

static const char *field_names[WM_N_FIELDS] = {
  "customer", "timestamp", "touchpoint", "channel",
};

const char *
wm_field_get_name (WmField field)
{
  g_return_val_if_fail (field < WM_N_FIELDS, NULL);

  return field_names[field];
}

WmImportOptions *
wm_import_options_new (void)
{
  return g_new0 (WmImportOptions, 1);
}

void
wm_import_options_free (WmImportOptions *options)
{
  if (options == NULL)
    return;

  for (guint i = 0; i < WM_N_FIELDS; i++)
    g_free (options->mapping[i]);
  g_clear_pointer (&options->timezone, g_time_zone_unref);
  g_free (options);
}

gboolean
wm_import_options_parse_mapping (WmImportOptions  *options,
                                 const char       *field_equals_name,
                                 GError          **error)
{
  const char *equals = strchr (field_equals_name, '=');

  if (equals != NULL && equals[1] != '\0')
    {
      g_autofree char *field = g_strndup (field_equals_name, equals - field_equals_name);

      for (guint i = 0; i < WM_N_FIELDS; i++)
        if (g_ascii_strcasecmp (field, field_names[i]) == 0)
          {
            g_free (options->mapping[i]);
            options->mapping[i] = g_strdup (equals + 1);
            return TRUE;
          }
    }

  g_set_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
               _("Cannot read the mapping “%s”: write FIELD=NAME where FIELD is customer, timestamp, touchpoint or channel"),
               field_equals_name);
  return FALSE;
}

gboolean
wm_import_options_set_timezone (WmImportOptions  *options,
                                const char       *identifier,
                                GError          **error)
{
  GTimeZone *tz = g_time_zone_new_identifier (identifier);

  if (tz == NULL)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                   _("Unknown time zone “%s”: use a name such as Europe/Paris or an offset such as +08:00"),
                   identifier);
      return FALSE;
    }

  g_clear_pointer (&options->timezone, g_time_zone_unref);
  options->timezone = tz;
  return TRUE;
}

WmImportResult *
wm_import_result_new (void)
{
  WmImportResult *result = g_new0 (WmImportResult, 1);

  result->import_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  result->seen_customers = g_array_new (FALSE, TRUE, sizeof (guint64));

  return result;
}

void
wm_import_result_free (WmImportResult *result)
{
  if (result == NULL)
    return;

  g_array_unref (result->import_ids);
  g_array_unref (result->seen_customers);
  g_free (result);
}

static void
merge_result (WmImportResult *result,
              WmEventWriter  *writer)
{
  const GArray *set = wm_event_writer_get_customer_set (writer);
  const guint64 *words = (const guint64 *) (gconstpointer) set->data;
  guint64 *seen;
  gint64 id = wm_event_writer_get_import_id (writer);

  if (result->seen_customers->len < set->len)
    g_array_set_size (result->seen_customers, set->len);
  seen = (guint64 *) (gpointer) result->seen_customers->data;

  for (guint i = 0; i < set->len; i++)
    {
      result->customers += __builtin_popcountll (words[i] & ~seen[i]);
      seen[i] |= words[i];
    }

  result->imported += wm_event_writer_get_n_events (writer);
  result->rejected += wm_event_writer_get_n_rejected (writer);
  g_array_append_val (result->import_ids, id);
}

void
wm_json_append_string (GString    *out,
                       const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_printf (out, "\\u%04x", (guint) (guchar) *p);
          else
            g_string_append_c (out, *p);
          break;
        }
    }
  g_string_append_c (out, '"');
}

gboolean
wm_import_reject (WmImportContext  *context,
                  guint64           line,
                  const char       *reason,
                  const char       *excerpt,
                  GError          **error)
{
  return wm_event_writer_reject (context->writer, line, reason, excerpt, error);
}

char *
wm_import_validate (WmImportContext *context,
                    const char      *customer,
                    const char      *touchpoint,
                    const char      *timestamp,
                    gint64          *ts)
{
  g_autofree char *shown = NULL;

  if (customer == NULL || customer[0] == '\0')
    return g_strdup (_("no customer"));

  if (touchpoint == NULL || touchpoint[0] == '\0')
    return g_strdup (_("no touchpoint"));

  if (timestamp == NULL || timestamp[0] == '\0')
    return g_strdup (_("no timestamp"));

  if (wm_timestamp_parse (timestamp, -1, context->options->timezone, ts))
    return NULL;

  shown = g_utf8_substring (timestamp, 0, MIN (g_utf8_strlen (timestamp, -1), 40));
  return g_strdup_printf (_("unparseable timestamp “%s”"), shown);
}

gboolean
wm_import_tick (WmImportContext  *context,
                GError          **error)
{
  if (++context->rows_since_progress < PROGRESS_EVERY_ROWS)
    return TRUE;

  context->rows_since_progress = 0;

  if (g_cancellable_set_error_if_cancelled (context->cancellable, error))
    return FALSE;

  if (context->progress != NULL)
    context->progress (wm_hashing_stream_get_bytes_read (context->counter),
                       context->size,
                       wm_event_writer_get_n_events (context->writer),
                       context->user_data);

  return TRUE;
}

/* Extension first, then a look at the first bytes: JSON Lines start with '{'. */
WmImportFormat
wm_import_detect_format (const char *name,
                         const char *head,
                         gsize       head_len)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  gsize i = 0;

  if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv"))
    return WM_IMPORT_FORMAT_CSV;
  if (g_str_has_suffix (lower, ".jsonl") || g_str_has_suffix (lower, ".ndjson") ||
      g_str_has_suffix (lower, ".json"))
    return WM_IMPORT_FORMAT_JSONL;

  if (head_len >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < head_len && g_ascii_isspace (head[i]))
    i++;

  return (i < head_len && head[i] == '{') ? WM_IMPORT_FORMAT_JSONL : WM_IMPORT_FORMAT_CSV;
}

static gboolean
find_previous_import (WmProject   *project,
                      const char  *sha256,
                      char       **when,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (project,
                                                     "SELECT finished_at FROM imports WHERE sha256 = ?"
                                                     " AND finished_at IS NOT NULL ORDER BY id LIMIT 1",
                                                     error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (sqlite3_column_int64 (stmt, 0) / 1000);

      *when = wm_format_datetime (dt);
      return TRUE;
    }

  return FALSE;
}

static void
set_already_imported (const char  *name,
                      const char  *when,
                      GError     **error)
{
  g_set_error (error, WM_ERROR, WM_ERROR_ALREADY_IMPORTED,
               _("“%s” has the same content as a file imported on %s; importing it again would count its events twice (use --force if you mean to)"),
               name, when);
}

gboolean
wm_import_stream (WmProject              *project,
                  GInputStream           *stream,
                  const char             *name,
                  guint64                 size,
                  const WmImportOptions  *options,
                  WmImportResult         *result,
                  WmImportProgress        progress,
                  gpointer                user_data,
                  GCancellable           *cancellable,
                  GError                **error)
{
  g_autoptr(GInputStream) counter = NULL;
  g_autoptr(GInputStream) buffered = NULL;
  g_autoptr(WmEventWriter) writer = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GError) local_error = NULL;
  WmImportContext context = { 0 };
  WmImportFormat format = options->format;
  const char *head;
  gsize head_len = 0;
  gboolean ok;

  g_return_val_if_fail (WM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  counter = wm_hashing_stream_new (stream);
  buffered = g_buffered_input_stream_new_sized (counter, SNIFF_BYTES * 16);

  if (g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), SNIFF_BYTES, cancellable, error) < 0)
    return FALSE;
  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &head_len);

  if (head_len == 0 || (head_len == 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_EMPTY_FILE, _("“%s” is empty"), name);
      return FALSE;
    }

  if (format == WM_IMPORT_FORMAT_AUTO)
    format = wm_import_detect_format (name, head, head_len);

  writer = wm_event_writer_new (project, name,
                                format == WM_IMPORT_FORMAT_CSV ? "csv" : "jsonl",
                                error);
  if (writer == NULL)
    return FALSE;

  context.writer = writer;
  context.options = options;
  context.name = name;
  context.counter = WM_HASHING_STREAM (counter);
  context.size = size;
  context.cancellable = cancellable;
  context.progress = progress;
  context.user_data = user_data;

  if (format == WM_IMPORT_FORMAT_CSV)
    ok = wm_import_csv (&context, buffered, &local_error);
  else
    ok = wm_import_jsonl (&context, buffered, &local_error);

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!wm_event_writer_flush (writer, error))
    return FALSE;

  /* A cancel that came while the last rows were read still cancels. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  sha256 = wm_hashing_stream_get_sha256 (WM_HASHING_STREAM (counter));
  if (!options->force)
    {
      if (find_previous_import (project, sha256, &when, &local_error))
        {
          set_already_imported (name, when, error);
          return FALSE;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (progress != NULL)
    progress (wm_hashing_stream_get_bytes_read (WM_HASHING_STREAM (counter)), size,
              wm_event_writer_get_n_events (writer), user_data);

  if (!wm_event_writer_commit (writer, sha256,
                               wm_hashing_stream_get_bytes_read (WM_HASHING_STREAM (counter)),
                               error))
    return FALSE;

  merge_result (result, writer);
  return TRUE;
}

/* Hashes a file only when an earlier import has its exact size, so a
 * duplicate is refused before any work and a new file is read once. */
static gboolean
check_duplicate_file (WmProject   *project,
                      GFile       *file,
                      const char  *name,
                      guint64      size,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (project,
                                                     "SELECT 1 FROM imports WHERE size = ? AND sha256 IS NOT NULL LIMIT 1",
                                                     error);
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(WmSha256) checksum = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *when = NULL;
  g_autofree guchar *buffer = NULL;
  gssize n;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, (sqlite3_int64) size);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;

  input = g_file_read (file, NULL, error);
  if (input == NULL)
    return FALSE;

  checksum = wm_sha256_new ();
  buffer = g_malloc (256 * 1024);
  while ((n = g_input_stream_read (G_INPUT_STREAM (input), buffer, 256 * 1024, NULL, error)) > 0)
    wm_sha256_update (checksum, buffer, n);
  if (n < 0)
    return FALSE;

  sha256 = wm_sha256_get_string (checksum);
  if (find_previous_import (project, sha256, &when, &local_error))
    {
      set_already_imported (name, when, error);
      return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
wm_import_file (WmProject              *project,
                GFile                  *file,
                const WmImportOptions  *options,
                WmImportResult         *result,
                WmImportProgress        progress,
                gpointer                user_data,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) input = NULL;
  g_autofree char *name = NULL;
  guint64 size;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder; choose the log files inside it"), name);
      return FALSE;
    }

  size = g_file_info_get_size (info);

  if (!options->force && size > 0 && !check_duplicate_file (project, file, name, size, error))
    return FALSE;

  input = g_file_read (file, cancellable, error);
  if (input == NULL)
    return FALSE;

  return wm_import_stream (project, G_INPUT_STREAM (input), name, size, options,
                           result, progress, user_data, cancellable, error);
}
