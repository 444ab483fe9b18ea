/* fuzz-timestamp.c: libFuzzer entry point for wm_timestamp_parse and wm_duration_parse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "wm-timestamp.h"

/* 1000-01-01 and 10000-01-01, UTC: an epoch number may fall outside the
 * years a written date may have, and then has no ISO form to go back to. */
#define FIRST_MS G_GINT64_CONSTANT (-30610224000000)
#define END_MS   G_GINT64_CONSTANT (253402300800000)

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  gint64 ms, seconds;

  /* Whatever parses must survive a round trip through the ISO form. */
  if (wm_timestamp_parse ((const char *) data, size, NULL, &ms) && ms >= FIRST_MS && ms < END_MS)
    {
      g_autofree char *iso = wm_timestamp_format_iso (ms);
      gint64 again = 0;

      g_assert_true (wm_timestamp_parse (iso, -1, NULL, &again));
      g_assert_true (again == ms);
    }

  if (!wm_duration_parse (text, &seconds, &error))
    g_assert_nonnull (error);
  else
    g_assert_true (seconds >= 0);

  return 0;
}
