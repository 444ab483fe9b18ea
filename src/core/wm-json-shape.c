/* wm-json-shape.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-json-shape.h"

WmJsonShape
wm_json_shape (const char *text,
               gsize       len,
               guint       max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  gsize i = 0;

  while (i < len && g_ascii_isspace (text[i]))
    i++;
  if (i == len || text[i] != '{')
    return WM_JSON_SHAPE_NOT_OBJECT;

  for (; i < len; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            return WM_JSON_SHAPE_TOO_DEEP;
        }
      else if ((c == ']' || c == '}') && depth > 0 && --depth == 0)
        {
          while (++i < len)
            if (!g_ascii_isspace (text[i]))
              return WM_JSON_SHAPE_TRAILING;
        }
    }

  return WM_JSON_SHAPE_OK;
}
