/* wm-error.h: the error domain shared by every part of libwaymark-core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WM_ERROR (wm_error_quark ())

typedef enum
{
  WM_ERROR_FAILED,
  WM_ERROR_NOT_A_PROJECT,     /* not SQLite, or SQLite but not ours */
  WM_ERROR_CORRUPT,           /* SQLite says the database is malformed */
  WM_ERROR_NEWER_VERSION,     /* written by a newer Waymark */
  WM_ERROR_READ_ONLY,         /* cannot write where a write was needed */
  WM_ERROR_DISK_FULL,
  WM_ERROR_IO,
  WM_ERROR_EMPTY_FILE,        /* an import file with nothing in it */
  WM_ERROR_NO_USABLE_HEADER,  /* CSV header lacks customer/time/touchpoint */
  WM_ERROR_UNKNOWN_FORMAT,    /* neither CSV nor JSON Lines */
  WM_ERROR_ALREADY_IMPORTED,  /* same content hash imported before */
  WM_ERROR_INVALID_ARGUMENT,  /* a bad option value: duration, mapping, timezone */
  WM_ERROR_INVALID_DOCUMENT,  /* a malformed journey-map document */
  WM_ERROR_CANCELLED,
} WmError;

GQuark wm_error_quark (void);

G_END_DECLS
