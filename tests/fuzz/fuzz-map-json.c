/* fuzz-map-json.c: libFuzzer entry point for the journey-map document loader
 *
 * Maps are mailed around inside projects and as standalone .json files:
 * whatever the bytes, wm_map_json_parse() either refuses them with an error
 * or gives a map that saves to a document which loads back to the same
 * text, and that the canvas can lay out and hit-test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "wm-error.h"
#include "wm-map-json.h"
#include "wm-map-layout.h"
#include "wm-theme.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmJourneyMap) map = wm_map_json_parse ((const char *) data, size, &error);
  g_autoptr(WmJourneyMap) again = NULL;
  g_autoptr(WmMapLayout) layout = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *resaved = NULL;
  WmMapHit hit;

  if (map == NULL)
    {
      g_assert_true (error != NULL && error->domain == WM_ERROR);
      g_assert_true (error->code == WM_ERROR_INVALID_DOCUMENT ||
                     error->code == WM_ERROR_NEWER_VERSION);
      g_assert_true (error->message[0] != '\0');
      return 0;
    }
  g_assert_no_error (error);

  saved = wm_map_json_to_string (map, FALSE);
  again = wm_map_json_parse (saved, -1, &error);
  g_assert_no_error (error);
  resaved = wm_map_json_to_string (again, FALSE);
  g_assert_cmpstr (saved, ==, resaved);

  layout = wm_map_layout_new (map, wm_theme_get (WM_THEME_LIGHT));
  for (double x = 0; x < 2000; x += 97)
    wm_map_layout_hit (layout, x, x * 0.6, &hit);

  return 0;
}
