/* wm-record.h: one row of a Data page table, and the columns that show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WM_TYPE_RECORD (wm_record_get_type ())
G_DECLARE_FINAL_TYPE (WmRecord, wm_record, WM, RECORD, GObject)

/* How a column shows its field; numbers sort as numbers. */
typedef enum
{
  WM_RECORD_TEXT,
  WM_RECORD_COUNT,     /* an integer, with the locale's digit grouping */
  WM_RECORD_BYTES,     /* a size in bytes, as "1.2 MB" */
  WM_RECORD_TIME,      /* milliseconds since the epoch, in local time; 0: "—" */
} WmRecordKind;

/* Records may be built in a worker thread and handed to the UI thread. */
WmRecord            *wm_record_new        (guint         n_fields);
void                 wm_record_set_text   (WmRecord     *self,
                                           guint         field,
                                           const char   *text);
void                 wm_record_set_int    (WmRecord     *self,
                                           guint         field,
                                           gint64        value);
const char          *wm_record_get_text   (WmRecord     *self,
                                           guint         field);
gint64               wm_record_get_int    (WmRecord     *self,
                                           guint         field);
/* The text a cell shows for @field in a column of @kind. */
char                *wm_record_format     (WmRecord     *self,
                                           guint         field,
                                           WmRecordKind  kind);

/* A sortable column of @field, titled @title. */
GtkColumnViewColumn *wm_record_column_new (const char   *title,
                                           guint         field,
                                           WmRecordKind  kind);

G_END_DECLS
