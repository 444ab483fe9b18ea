/* wm-hashing-stream.h: counts and SHA-256-hashes the bytes read through it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WM_TYPE_HASHING_STREAM (wm_hashing_stream_get_type ())
G_DECLARE_FINAL_TYPE (WmHashingStream, wm_hashing_stream, WM, HASHING_STREAM, GFilterInputStream)

GInputStream *wm_hashing_stream_new            (GInputStream    *base);
guint64       wm_hashing_stream_get_bytes_read (WmHashingStream *self);
/* Hex SHA-256 of everything read so far. */
char         *wm_hashing_stream_get_sha256     (WmHashingStream *self);

G_END_DECLS
