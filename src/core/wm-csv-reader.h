/* wm-csv-reader.h: streaming RFC 4180 reader with bounded memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  WM_CSV_RECORD,      /* a record is available */
  WM_CSV_BAD_RECORD,  /* a record was skipped; see get_bad_reason() */
  WM_CSV_END,         /* no more input */
  WM_CSV_ERROR,       /* I/O error, reported through GError */
} WmCsvStatus;

typedef struct _WmCsvReader WmCsvReader;

/* Reads @stream in blocks; a UTF-8 BOM at the start is skipped.  The
 * delimiter is found from the first record (',' unless ';' or '\t' is the
 * only one present outside quotes). */
WmCsvReader *wm_csv_reader_new             (GInputStream  *stream);
void         wm_csv_reader_free            (WmCsvReader   *self);

WmCsvStatus  wm_csv_reader_next            (WmCsvReader   *self,
                                            GCancellable  *cancellable,
                                            GError       **error);

/* Valid after WM_CSV_RECORD, until the next call to next(). Fields are
 * NUL-terminated, quotes removed, doubled quotes undone, valid UTF-8. */
guint        wm_csv_reader_get_n_fields    (WmCsvReader   *self);
const char  *wm_csv_reader_get_field       (WmCsvReader   *self,
                                            guint          index,
                                            gsize         *len);

/* Line number (1-based) where the last record or bad record started. */
guint64      wm_csv_reader_get_line        (WmCsvReader   *self);
/* Translated reason for the last WM_CSV_BAD_RECORD. */
const char  *wm_csv_reader_get_bad_reason  (WmCsvReader   *self);
/* Up to 200 bytes of the raw text of the last (bad) record, valid UTF-8. */
const char  *wm_csv_reader_get_excerpt     (WmCsvReader   *self);
/* Bytes consumed from the stream so far, for progress. */
guint64      wm_csv_reader_get_bytes_read  (WmCsvReader   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmCsvReader, wm_csv_reader_free)

G_END_DECLS
