/* wm-import-private.h: shared by the importer and its per-format readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-event-writer.h"
#include "wm-hashing-stream.h"
#include "wm-importer.h"
#include "wm-json-shape.h"

G_BEGIN_DECLS

typedef struct
{
  WmEventWriter          *writer;
  const WmImportOptions  *options;
  const char             *name;        /* file name for messages and rejects */
  WmHashingStream        *counter;     /* bytes read so far */
  guint64                 size;        /* 0 if unknown */
  GCancellable           *cancellable;
  WmImportProgress        progress;
  gpointer                user_data;
  guint                   rows_since_progress;
} WmImportContext;

/* Checks the fields every event needs; returns %NULL and sets @ts when the
 * row is usable, else the translated reason to reject it (free it). */
char    *wm_import_validate    (WmImportContext  *context,
                                const char       *customer,
                                const char       *touchpoint,
                                const char       *timestamp,
                                gint64           *ts);
gboolean wm_import_reject      (WmImportContext  *context,
                                guint64           line,
                                const char       *reason,
                                const char       *excerpt,
                                GError          **error);
/* Reports progress now and then; FALSE (with error) once cancelled. */
gboolean wm_import_tick        (WmImportContext  *context,
                                GError          **error);

/* json-glib parses nested arrays and objects recursively: deeper input
 * than this would exhaust the stack, so it is turned away first. */
#define WM_JSON_MAX_DEPTH 128

/* Appends @text as a JSON string literal, quotes included. */
void     wm_json_append_string (GString          *out,
                                const char       *text);

gboolean wm_import_csv         (WmImportContext  *context,
                                GInputStream     *stream,
                                GError          **error);
gboolean wm_import_jsonl       (WmImportContext  *context,
                                GInputStream     *stream,
                                GError          **error);

G_END_DECLS
