/* wm-sha256.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <nettle/sha2.h>

#include "wm-sha256.h"

struct _WmSha256
{
  struct sha256_ctx ctx;
};

WmSha256 *
wm_sha256_new (void)
{
  WmSha256 *self = g_new (WmSha256, 1);

  sha256_init (&self->ctx);
  return self;
}

void
wm_sha256_update (WmSha256      *self,
                  gconstpointer  data,
                  gsize          length)
{
  sha256_update (&self->ctx, length, data);
}

char *
wm_sha256_get_string (const WmSha256 *self)
{
  /* Taking the digest resets the context: take it from a copy. */
  struct sha256_ctx copy = self->ctx;
  guint8 digest[SHA256_DIGEST_SIZE];
  char *hex = g_new (char, 2 * SHA256_DIGEST_SIZE + 1);

  sha256_digest (&copy, sizeof digest, digest);
  for (guint i = 0; i < SHA256_DIGEST_SIZE; i++)
    g_snprintf (hex + 2 * i, 3, "%02x", digest[i]);
  return hex;
}

void
wm_sha256_free (WmSha256 *self)
{
  g_free (self);
}
