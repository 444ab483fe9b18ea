/* wm-catalogue.h: the touchpoints a project's events use, with their counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wm-project.h"

G_BEGIN_DECLS

typedef struct
{
  char    *name;
  guint64  events;
  guint64  customers;
  /* The channel most of its events carry (ties: the name first in byte
   * order); NULL when none of its events has a channel. */
  char    *top_channel;
} WmCatalogueEntry;

/* One WmCatalogueEntry per touchpoint with events, most events first (ties:
 * by name). May run in a worker thread; WM_ERROR_CANCELLED when cancelled. */
GPtrArray *wm_catalogue_load (WmProject     *project,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS
