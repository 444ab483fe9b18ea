/* wm-sha256.h: SHA-256 of a byte stream, as lowercase hex
 *
 * GChecksum's SHA-256 is plain C; nettle's uses the CPU's SHA instructions
 * where there are some, several times faster on the import's hot path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _WmSha256 WmSha256;

WmSha256 *wm_sha256_new        (void);
void      wm_sha256_update     (WmSha256     *self,
                                gconstpointer data,
                                gsize         length);
/* Hex digest of everything added so far; more may be added afterwards. */
char     *wm_sha256_get_string (const WmSha256 *self);
void      wm_sha256_free       (WmSha256     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmSha256, wm_sha256_free)

G_END_DECLS
