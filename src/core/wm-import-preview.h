/* wm-import-preview.h: the first rows of a log, as the importer would see them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wm-importer.h"

G_BEGIN_DECLS

typedef struct
{
  /* CSV or JSONL, never AUTO. */
  WmImportFormat   format;
  /* The CSV header, or for JSON Lines the keys found (nested objects as
   * dotted paths, "properties.time"), in order of first appearance. */
  guint            n_columns;
  char           **columns;
  /* Each row: n_columns strings, "" where the row has no value. */
  GPtrArray       *rows;
  /* Per field, the column the importer would read (CSV; -1 when none or
   * when the format finds its fields itself, as JSON Lines does). */
  int              detected[WM_N_FIELDS];
} WmImportPreview;

/* Reads at most @max_rows rows of @file. @format AUTO detects it like the
 * importer. Fails with WM_ERROR_EMPTY_FILE or an I/O error; rows that the
 * importer would reject are shown as far as they can be read. */
WmImportPreview *wm_import_preview_read (GFile           *file,
                                         WmImportFormat   format,
                                         guint            max_rows,
                                         GCancellable    *cancellable,
                                         GError         **error);
void             wm_import_preview_free (WmImportPreview *preview);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmImportPreview, wm_import_preview_free)

G_END_DECLS
