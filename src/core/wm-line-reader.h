/* wm-line-reader.h: reads lines of bounded length from a stream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Lines longer than this are skipped and reported as too long. */
#define WM_LINE_READER_MAX_LINE (1024 * 1024)

typedef enum
{
  WM_LINE_OK,
  WM_LINE_TOO_LONG,
  WM_LINE_END,
  WM_LINE_ERROR,
} WmLineStatus;

typedef struct _WmLineReader WmLineReader;

WmLineReader *wm_line_reader_new      (GInputStream  *stream);
void          wm_line_reader_free     (WmLineReader  *self);
/* The line (without its "\n" or "\r\n") is NUL-terminated in *line, valid
 * until the next call; *len excludes the terminator. */
WmLineStatus  wm_line_reader_next     (WmLineReader  *self,
                                       const char   **line,
                                       gsize         *len,
                                       GCancellable  *cancellable,
                                       GError       **error);
/* 1-based number of the line last returned. */
guint64       wm_line_reader_get_line (WmLineReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmLineReader, wm_line_reader_free)

G_END_DECLS
