/* wm-event-writer.h: appends one import's events inside one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-project.h"

G_BEGIN_DECLS

typedef struct _WmEventWriter WmEventWriter;

/* Begins the import's transaction and records the import in the history.
 * Nothing is visible to other connections until commit(). */
WmEventWriter *wm_event_writer_new          (WmProject      *project,
                                             const char     *file_name,
                                             const char     *format,
                                             GError        **error);
/* @channel and @properties_json (a JSON object) may be %NULL. Strings are
 * NUL-terminated UTF-8. */
gboolean       wm_event_writer_add          (WmEventWriter  *self,
                                             const char     *customer,
                                             const char     *touchpoint,
                                             const char     *channel,
                                             gint64          ts_ms,
                                             const char     *properties_json,
                                             GError        **error);
/* Records a rejected row: FILE:LINE: reason, with a raw excerpt. */
gboolean       wm_event_writer_reject       (WmEventWriter  *self,
                                             guint64         line,
                                             const char     *reason,
                                             const char     *excerpt,
                                             GError        **error);
/* Waits until every event added so far is stored; afterwards nothing more
 * can be added, and the project's connection may be used again (events are
 * stored by a thread of the writer's own while the caller reads input). */
gboolean       wm_event_writer_flush        (WmEventWriter  *self,
                                             GError        **error);
/* Flushes, completes the history row and commits. @sha256 may be %NULL. */
gboolean       wm_event_writer_commit       (WmEventWriter  *self,
                                             const char     *sha256,
                                             guint64         size,
                                             GError        **error);
guint64        wm_event_writer_get_n_events    (WmEventWriter *self);
guint64        wm_event_writer_get_n_rejected  (WmEventWriter *self);
/* Distinct customers among this import's events; known after flush(). */
guint64        wm_event_writer_get_n_customers (WmEventWriter *self);
/* Bitset (guint64 words) of the customer ids among this import's events;
 * complete after flush(). */
const GArray  *wm_event_writer_get_customer_set (WmEventWriter *self);
/* Row id of this import in the imports table. */
gint64         wm_event_writer_get_import_id (WmEventWriter *self);
/* Rolls back unless committed. */
void           wm_event_writer_free         (WmEventWriter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmEventWriter, wm_event_writer_free)

G_END_DECLS
