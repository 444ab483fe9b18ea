/* wm-csv-reader.c: streaming RFC 4180 reader with bounded memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "wm-csv-reader.h"

#define BLOCK_SIZE       (64 * 1024)
#define MAX_RECORD_BYTES (1024 * 1024)
#define EXCERPT_BYTES    200

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_AFTER_QUOTE,  /* a '"' inside a quoted field: closing, or the first of a pair */
} State;

/* Bytes that stop the scan of a quoted field; the scan of an unquoted field
 * stops at the delimiter, CR, LF and NUL (see unquoted_stops).  NUL is in
 * both because it is also the sentinel after the end of the block. */
static const guint8 quoted_stops[256] = {
  ['\0'] = 1, ['\n'] = 1, ['\r'] = 1, ['"'] = 1,
};

struct _WmCsvReader
{
  GInputStream *stream;

  /* The current block, NUL after its last byte so scans need no bounds
   * check.  Bigger than BLOCK_SIZE only if the first record was. */
  guint8       *buf;
  gsize         buf_size;
  gsize         len;
  gsize         pos;
  guint8        prev_block_last;  /* to tell CRLF from LF across blocks */
  guint64       bytes_read;
  guint64       line;             /* physical line at pos */

  guint8        unquoted_stops[256];
  guint8        delimiter;

  /* The record being read: its fields back to back, each NUL-terminated,
   * field i starting at starts[i] (starts[n_fields] is the end). */
  char         *data;
  gsize         data_len;
  gsize         data_size;
  guint32      *starts;
  guint         n_fields;
  guint         starts_size;

  guint64       record_line;
  const guint8 *record_start;     /* in buf: where the record (or its part in this block) starts */
  const guint8 *record_end;       /* in buf, after the record's last byte */
  gsize         record_bytes_before;  /* bytes of the record in earlier blocks */
  char          excerpt_head[EXCERPT_BYTES];  /* its first bytes from earlier blocks */
  gsize         excerpt_head_len;
  char         *excerpt;

  const char   *bad_reason;       /* NULL while the record is good */

  guint         started : 1;
  guint         eof : 1;
  guint         failed : 1;
};

WmCsvReader *
wm_csv_reader_new (GInputStream *stream)
{
  WmCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (WmCsvReader, 1);
  self->stream = g_object_ref (stream);
  self->buf_size = BLOCK_SIZE + 1;
  self->buf = g_malloc (self->buf_size);
  self->buf[0] = '\0';
  self->line = 1;
  self->data_size = 4096;
  self->data = g_malloc (self->data_size);
  self->starts_size = 64;
  self->starts = g_new (guint32, self->starts_size);

  return self;
}

void
wm_csv_reader_free (WmCsvReader *self)
{
  if (self == NULL)
    return;

  g_object_unref (self->stream);
  g_free (self->buf);
  g_free (self->data);
  g_free (self->starts);
  g_free (self->excerpt);
  g_free (self);
}

/* Reads more input after the first @keep bytes of the buffer.  Returns the
 * number of bytes added, 0 at the end of the input, -1 on error. */
static gssize
read_more (WmCsvReader   *self,
           gsize          keep,
           GCancellable  *cancellable,
           GError       **error)
{
  gssize n;

  if (self->eof)
    return 0;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;

  n = g_input_stream_read (self->stream, self->buf + keep, self->buf_size - 1 - keep,
                           cancellable, error);
  if (n < 0)
    return -1;
  if (n == 0)
    self->eof = TRUE;

  self->len = keep + n;
  self->buf[self->len] = '\0';
  self->bytes_read += n;
  return n;
}

/* Replaces the block once all of it has been consumed. */
static gssize
next_block (WmCsvReader   *self,
            GCancellable  *cancellable,
            GError       **error)
{
  if (self->len > 0)
    self->prev_block_last = self->buf[self->len - 1];
  self->pos = 0;
  self->len = 0;
  self->buf[0] = '\0';
  return read_more (self, 0, cancellable, error);
}

/* Skips the BOM and picks the delimiter: ',' unless ';' or '\t' is the only
 * candidate outside quotes in the first record.  The buffer grows to hold
 * the whole first record, but no further than a record may be long. */
static gboolean
start (WmCsvReader   *self,
       GCancellable  *cancellable,
       GError       **error)
{
  gsize n_comma = 0, n_semicolon = 0, n_tab = 0;
  gboolean in_quotes = FALSE;
  gboolean in_record = FALSE;
  gsize i;

  while (self->len < 3 && !self->eof)
    {
      if (read_more (self, self->len, cancellable, error) < 0)
        return FALSE;
    }
  if (self->len >= 3 && memcmp (self->buf, "\xEF\xBB\xBF", 3) == 0)
    self->pos = 3;

  i = self->pos;
  for (;;)
    {
      guint8 c;

      if (i == self->len)
        {
          if (self->eof || self->len > MAX_RECORD_BYTES)
            break;
          if (self->len + 1 == self->buf_size)
            {
              self->buf_size = MIN ((self->buf_size - 1) * 2, MAX_RECORD_BYTES + BLOCK_SIZE) + 1;
              self->buf = g_realloc (self->buf, self->buf_size);
            }
          if (read_more (self, self->len, cancellable, error) < 0)
            return FALSE;
          continue;
        }

      c = self->buf[i++];
      if (c == '"')
        in_quotes = !in_quotes;
      else if (in_quotes)
        continue;
      else if (c == '\n' || c == '\r')
        {
          if (in_record)
            break;
          continue;
        }
      else if (c == ',')
        n_comma++;
      else if (c == ';')
        n_semicolon++;
      else if (c == '\t')
        n_tab++;
      in_record = TRUE;
    }

  if (n_comma == 0 && n_semicolon > 0 && n_tab == 0)
    self->delimiter = ';';
  else if (n_comma == 0 && n_tab > 0 && n_semicolon == 0)
    self->delimiter = '\t';
  else
    self->delimiter = ',';

  memcpy (self->unquoted_stops, quoted_stops, sizeof self->unquoted_stops);
  self->unquoted_stops['"'] = 0;
  self->unquoted_stops[self->delimiter] = 1;
  self->started = TRUE;
  return TRUE;
}

static inline gsize
record_bytes (WmCsvReader  *self,
              const guint8 *p)
{
  return self->record_bytes_before + (gsize) (p - self->record_start);
}

static void
mark_bad (WmCsvReader *self,
          const char  *reason)
{
  if (self->bad_reason == NULL)
    self->bad_reason = reason;
}

/* The slow path of append(): grows the field data, which can never need
 * more than MAX_RECORD_BYTES + 1 bytes for a record that is not too long
 * (each field's NUL takes the place of its delimiter). */
static gboolean
grow_data (WmCsvReader *self,
           gsize        needed)
{
  if (needed > MAX_RECORD_BYTES + 1)
    {
      mark_bad (self, _("record longer than 1 MiB"));
      return FALSE;
    }
  while (self->data_size < needed)
    self->data_size *= 2;
  self->data_size = MIN (self->data_size, MAX_RECORD_BYTES + 1);
  self->data = g_realloc (self->data, self->data_size);
  return TRUE;
}

static inline void
append (WmCsvReader  *self,
        const guint8 *bytes,
        gsize         n)
{
  if (self->bad_reason != NULL)
    return;
  if (G_UNLIKELY (self->data_len + n + 1 > self->data_size) &&
      !grow_data (self, self->data_len + n + 1))
    return;
  memcpy (self->data + self->data_len, bytes, n);
  self->data_len += n;
}

static void
end_field (WmCsvReader  *self,
           const guint8 *p)
{
  if (self->bad_reason != NULL)
    return;

  /* Room for this field's start and the end mark after the last field. */
  if (G_UNLIKELY (self->n_fields + 2 > self->starts_size))
    {
      if (record_bytes (self, p) > MAX_RECORD_BYTES)
        {
          mark_bad (self, _("record longer than 1 MiB"));
          return;
        }
      self->starts_size *= 2;
      self->starts = g_renew (guint32, self->starts, self->starts_size);
    }
  if (G_UNLIKELY (self->data_len + 1 > self->data_size) &&
      !grow_data (self, self->data_len + 1))
    return;

  self->data[self->data_len++] = '\0';
  self->starts[++self->n_fields] = self->data_len;
}

/* Keeps the first bytes of a record whose start is about to leave the
 * buffer, for the excerpt. */
static void
keep_excerpt_head (WmCsvReader  *self,
                   const guint8 *end)
{
  gsize n = MIN ((gsize) (end - self->record_start), EXCERPT_BYTES - self->excerpt_head_len);

  memcpy (self->excerpt_head + self->excerpt_head_len, self->record_start, n);
  self->excerpt_head_len += n;
}

static inline gboolean
has_non_ascii (const char *s,
               gsize       len)
{
  guint64 any = 0;
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 word;

      memcpy (&word, s + i, 8);
      any |= word;
    }
  for (; i < len; i++)
    any |= (guint8) s[i];

  return (any & G_GUINT64_CONSTANT (0x8080808080808080)) != 0;
}

static gboolean
fields_are_utf8 (WmCsvReader *self)
{
  if (!has_non_ascii (self->data, self->data_len))
    return TRUE;

  for (guint i = 0; i < self->n_fields; i++)
    {
      const char *field = self->data + self->starts[i];
      gsize len = self->starts[i + 1] - self->starts[i] - 1;

      if (!g_utf8_validate_len (field, len, NULL))
        return FALSE;
    }
  return TRUE;
}

WmCsvStatus
wm_csv_reader_next (WmCsvReader   *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  const guint8 *p, *end;
  State state = STATE_FIELD_START;
  guint64 line;
  guint8 delimiter;

  g_return_val_if_fail (self != NULL, WM_CSV_ERROR);
  g_return_val_if_fail (error == NULL || *error == NULL, WM_CSV_ERROR);

  /* After an I/O error the position in the input is lost: nothing follows. */
  if (self->failed)
    return WM_CSV_END;

  if (!self->started && !start (self, cancellable, error))
    goto failed;

  self->n_fields = 0;
  self->data_len = 0;
  self->starts[0] = 0;
  self->bad_reason = NULL;
  self->record_bytes_before = 0;
  self->excerpt_head_len = 0;
  self->record_start = NULL;
  self->record_end = NULL;
  g_clear_pointer (&self->excerpt, g_free);

  delimiter = self->delimiter;
  line = self->line;
  p = self->buf + self->pos;
  end = self->buf + self->len;

  /* Empty lines are not records.  CR, LF and CRLF each end a line. */
  for (;;)
    {
      if (p == end)
        {
          gssize n = next_block (self, cancellable, error);

          if (n < 0)
            goto failed;
          if (n == 0)
            {
              self->line = line;
              self->pos = 0;
              return WM_CSV_END;
            }
          p = self->buf;
          end = p + n;
        }

      if (*p == '\r')
        line++;
      else if (*p == '\n')
        line += (p > self->buf ? p[-1] : self->prev_block_last) != '\r';
      else
        break;
      p++;
    }

  self->record_line = line;
  self->record_start = p;

  for (;;)
    {
      const guint8 *chunk;

      if (p == end)
        {
          gssize n;

          if (self->excerpt_head_len < EXCERPT_BYTES)
            keep_excerpt_head (self, end);
          self->record_bytes_before += end - self->record_start;

          n = next_block (self, cancellable, error);
          if (n < 0)
            goto failed;
          p = self->buf;
          end = p + n;
          self->record_start = p;
          if (n == 0)
            {
              if (state == STATE_QUOTED)
                mark_bad (self, _("broken quoting: unterminated quoted field"));
              end_field (self, p);
              break;
            }
        }

      switch (state)
        {
        case STATE_FIELD_START:
          if (*p == '"')
            {
              state = STATE_QUOTED;
              p++;
              break;
            }
          state = STATE_UNQUOTED;
          G_GNUC_FALLTHROUGH;

        case STATE_UNQUOTED:
          chunk = p;
          while (!self->unquoted_stops[*p])
            p++;
          append (self, chunk, p - chunk);
          if (p == end)
            break;
          if (*p == delimiter)
            {
              end_field (self, p);
              state = STATE_FIELD_START;
              p++;
              break;
            }
          if (*p == '\0')
            {
              mark_bad (self, _("NUL byte in record"));
              p++;
              break;
            }
          end_field (self, p);
          goto end_of_record;

        case STATE_QUOTED:
          chunk = p;
          for (;;)
            {
              while (!quoted_stops[*p])
                p++;
              if (*p == '\r')
                line++;
              else if (*p == '\n')
                line += (p > self->buf ? p[-1] : self->prev_block_last) != '\r';
              else
                break;
              p++;
            }
          append (self, chunk, p - chunk);
          if (p == end)
            break;
          if (*p == '\0')
            mark_bad (self, _("NUL byte in record"));
          else
            state = STATE_AFTER_QUOTE;
          p++;
          break;

        case STATE_AFTER_QUOTE:
          if (*p == '"')
            {
              append (self, p, 1);
              state = STATE_QUOTED;
              p++;
            }
          else if (*p == delimiter)
            {
              end_field (self, p);
              state = STATE_FIELD_START;
              p++;
            }
          else if (*p == '\r' || *p == '\n')
            {
              end_field (self, p);
              goto end_of_record;
            }
          else
            {
              /* Read on as unquoted text only to find where the record ends. */
              mark_bad (self, _("broken quoting: text after a closing quote"));
              state = STATE_UNQUOTED;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

end_of_record:
  /* p is at the CR or LF ending the record (left for the empty-line skip,
   * which counts it), or at the end of the input. */
  self->record_end = p;
  self->pos = p - self->buf;
  self->line = line;

  if (self->bad_reason == NULL && record_bytes (self, p) > MAX_RECORD_BYTES)
    mark_bad (self, _("record longer than 1 MiB"));
  if (self->bad_reason == NULL && !fields_are_utf8 (self))
    mark_bad (self, _("invalid UTF-8"));

  if (self->bad_reason != NULL)
    {
      self->n_fields = 0;
      return WM_CSV_BAD_RECORD;
    }
  return WM_CSV_RECORD;

failed:
  self->failed = TRUE;
  self->n_fields = 0;
  return WM_CSV_ERROR;
}

guint
wm_csv_reader_get_n_fields (WmCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_fields;
}

const char *
wm_csv_reader_get_field (WmCsvReader *self,
                         guint        index,
                         gsize       *len)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_fields, NULL);

  if (len != NULL)
    *len = self->starts[index + 1] - self->starts[index] - 1;
  return self->data + self->starts[index];
}

guint64
wm_csv_reader_get_line (WmCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record_line;
}

const char *
wm_csv_reader_get_bad_reason (WmCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->bad_reason;
}

const char *
wm_csv_reader_get_excerpt (WmCsvReader *self)
{
  char raw[EXCERPT_BYTES];
  gsize len;
  gsize n;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->excerpt != NULL || self->record_start == NULL)
    return self->excerpt;

  len = self->excerpt_head_len;
  memcpy (raw, self->excerpt_head, len);
  n = MIN ((gsize) (self->record_end - self->record_start), EXCERPT_BYTES - len);
  memcpy (raw + len, self->record_start, n);
  len += n;

  /* Cut before a character the limit split, and before the line end of an
   * unterminated quoted field that ran to the end of the input. */
  if (len == EXCERPT_BYTES)
    {
      gsize lead = len;

      while (lead > len - 3 && ((guint8) raw[lead - 1] & 0xC0) == 0x80)
        lead--;
      if (lead-- > 0 && (guint8) raw[lead] >= 0xC0)
        {
          guint8 c = raw[lead];
          gsize char_len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;

          if (lead + char_len > len)
            len = lead;
        }
    }
  while (len > 0 && (raw[len - 1] == '\n' || raw[len - 1] == '\r'))
    len--;

  self->excerpt = g_utf8_make_valid (raw, len);
  return self->excerpt;
}

guint64
wm_csv_reader_get_bytes_read (WmCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->bytes_read;
}
