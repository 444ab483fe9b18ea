/* fuzz-csv-reader.c: libFuzzer entry point for WmCsvReader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "wm-csv-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(WmCsvReader) reader = wm_csv_reader_new (stream);
  WmCsvStatus status;

  while ((status = wm_csv_reader_next (reader, NULL, NULL)) != WM_CSV_END)
    {
      g_assert_true (status == WM_CSV_RECORD || status == WM_CSV_BAD_RECORD);
      g_assert_true (g_utf8_validate (wm_csv_reader_get_excerpt (reader), -1, NULL));

      for (guint i = 0; i < wm_csv_reader_get_n_fields (reader); i++)
        {
          gsize len;
          const char *field = wm_csv_reader_get_field (reader, i, &len);

          g_assert_true (strlen (field) == len);
          g_assert_true (g_utf8_validate_len (field, len, NULL));
        }
    }
  g_assert_true (wm_csv_reader_get_bytes_read (reader) == size);

  return 0;
}
