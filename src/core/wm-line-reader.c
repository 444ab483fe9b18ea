/* wm-line-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wm-line-reader.h"

#define BLOCK_SIZE (64 * 1024)

struct _WmLineReader
{
  GInputStream *stream;
  char         *buffer;      /* BLOCK_SIZE + MAX_LINE + 1 */
  gsize         start;       /* first unconsumed byte */
  gsize         end;         /* one past the last byte read */
  guint64       line;
  gboolean      eof;
};

WmLineReader *
wm_line_reader_new (GInputStream *stream)
{
  WmLineReader *self = g_new0 (WmLineReader, 1);

  self->stream = g_object_ref (stream);
  self->buffer = g_malloc (BLOCK_SIZE + WM_LINE_READER_MAX_LINE + 1);

  return self;
}

void
wm_line_reader_free (WmLineReader *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_free (self->buffer);
  g_free (self);
}

/* Moves the unconsumed tail to the front and reads one more block. */
static gssize
fill (WmLineReader  *self,
      GCancellable  *cancellable,
      GError       **error)
{
  gssize n;

  if (self->start > 0)
    {
      memmove (self->buffer, self->buffer + self->start, self->end - self->start);
      self->end -= self->start;
      self->start = 0;
    }

  n = g_input_stream_read (self->stream, self->buffer + self->end, BLOCK_SIZE, cancellable, error);
  if (n > 0)
    self->end += n;
  else if (n == 0)
    self->eof = TRUE;

  return n;
}

WmLineStatus
wm_line_reader_next (WmLineReader  *self,
                     const char   **line,
                     gsize         *len,
                     GCancellable  *cancellable,
                     GError       **error)
{
  gsize scanned = 0;
  gboolean too_long = FALSE;

  for (;;)
    {
      char *begin = self->buffer + self->start;
      char *newline = memchr (begin + scanned, '\n', self->end - self->start - scanned);

      if (newline != NULL || (self->eof && self->end > self->start))
        {
          gsize length = newline ? (gsize) (newline - begin) : self->end - self->start;

          self->start += length + (newline ? 1 : 0);
          self->line++;

          if (too_long)
            return WM_LINE_TOO_LONG;

          if (length > 0 && begin[length - 1] == '\r')
            length--;
          begin[length] = '\0';
          *line = begin;
          *len = length;
          return WM_LINE_OK;
        }

      if (self->eof)
        return WM_LINE_END;

      scanned = self->end - self->start;
      if (scanned >= WM_LINE_READER_MAX_LINE)
        {
          /* Forget what we have of this line; keep looking for its end. */
          too_long = TRUE;
          self->start = self->end;
          scanned = 0;
        }

      if (fill (self, cancellable, error) < 0)
        return WM_LINE_ERROR;
    }
}

guint64
wm_line_reader_get_line (WmLineReader *self)
{
  return self->line;
}
