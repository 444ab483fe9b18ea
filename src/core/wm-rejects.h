/* wm-rejects.h: the rows an import rejected, listed and exported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wm-project.h"

G_BEGIN_DECLS

typedef struct
{
  char    *file;
  guint64  line;
  char    *reason;
  char    *excerpt;   /* may be NULL */
} WmReject;

/* The rejected rows of the imports @import_ids (gint64 row ids, as
 * WmImportResult.import_ids holds them), in file order. */
GPtrArray *wm_rejects_list      (WmProject      *project,
                                 GArray         *import_ids,
                                 GError        **error);
/* Writes @rejects as an RFC 4180 CSV with the header
 * "file,line,reason,excerpt", so it can be fixed and imported again. */
gboolean   wm_rejects_write_csv (GPtrArray      *rejects,
                                 GOutputStream  *output,
                                 GCancellable   *cancellable,
                                 GError        **error);

G_END_DECLS
