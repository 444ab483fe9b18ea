/* wm-importer.h: streams touchpoint logs (CSV, JSON Lines) into a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wm-project.h"

G_BEGIN_DECLS

typedef enum
{
  WM_IMPORT_FORMAT_AUTO,
  WM_IMPORT_FORMAT_CSV,
  WM_IMPORT_FORMAT_JSONL,
} WmImportFormat;

/* The fields an event needs, in the order of DESIGN.md. */
typedef enum
{
  WM_FIELD_CUSTOMER,
  WM_FIELD_TIMESTAMP,
  WM_FIELD_TOUCHPOINT,
  WM_FIELD_CHANNEL,
  WM_N_FIELDS
} WmField;

typedef struct
{
  WmImportFormat  format;
  /* Column (CSV, case-insensitive) or dotted key path (JSON) per field;
   * NULL means "detect". */
  char           *mapping[WM_N_FIELDS];
  /* For timestamps without an offset; NULL means UTC. */
  GTimeZone      *timezone;
  /* Import even if the same content was imported before. */
  gboolean        force;
} WmImportOptions;

typedef struct
{
  guint64  imported;
  guint64  rejected;
  /* Distinct customers among the imported events. */
  guint64  customers;
  /* Row ids in the imports table, one per file imported. */
  GArray  *import_ids;
  /* Bitset of customer ids seen, for @customers across several files. */
  GArray  *seen_customers;
} WmImportResult;

/* Called every few thousand rows from the importing thread. */
typedef void (*WmImportProgress) (guint64  bytes_read,
                                  guint64  bytes_total,
                                  guint64  events,
                                  gpointer user_data);

WmImportOptions *wm_import_options_new           (void);
void             wm_import_options_free          (WmImportOptions  *options);
/* "customer=user" → mapping; WM_ERROR_INVALID_ARGUMENT on a bad field. */
gboolean         wm_import_options_parse_mapping (WmImportOptions  *options,
                                                  const char       *field_equals_name,
                                                  GError          **error);
/* An IANA name ("Europe/Paris") or an offset ("+08:00"). */
gboolean         wm_import_options_set_timezone  (WmImportOptions  *options,
                                                  const char       *identifier,
                                                  GError          **error);
const char      *wm_field_get_name               (WmField           field);

/* The column each field of a CSV header @names maps to: @mapping's column
 * where set (-1 when the header lacks it), else the one found by name as
 * DESIGN.md lists them (-1 when none). @mapping may be NULL. */
void             wm_import_detect_csv_columns    (const char * const *names,
                                                  guint               n_names,
                                                  char * const        mapping[WM_N_FIELDS],
                                                  int                 columns[WM_N_FIELDS]);
/* The format of a file named @name starting with @head: extension first,
 * then a look at the first bytes. */
WmImportFormat   wm_import_detect_format         (const char        *name,
                                                  const char        *head,
                                                  gsize              head_len);

WmImportResult  *wm_import_result_new            (void);
void             wm_import_result_free           (WmImportResult   *result);

/* Imports one file in one transaction, adding counts to @result. On error
 * (unusable file, duplicate content, I/O, cancellation) the project is left
 * exactly as before. */
gboolean         wm_import_file                  (WmProject              *project,
                                                  GFile                  *file,
                                                  const WmImportOptions  *options,
                                                  WmImportResult         *result,
                                                  WmImportProgress        progress,
                                                  gpointer                user_data,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
/* As wm_import_file() for a stream that cannot be re-read (a pipe):
 * @name labels rejects and history, @size may be 0 when unknown. */
gboolean         wm_import_stream                (WmProject              *project,
                                                  GInputStream           *stream,
                                                  const char             *name,
                                                  guint64                 size,
                                                  const WmImportOptions  *options,
                                                  WmImportResult         *result,
                                                  WmImportProgress        progress,
                                                  gpointer                user_data,
                                                  GCancellable           *cancellable,
                                                  GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmImportOptions, wm_import_options_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmImportResult, wm_import_result_free)

G_END_DECLS
