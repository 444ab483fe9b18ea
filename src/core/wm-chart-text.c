/* wm-chart-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "wm-chart-text.h"

void
wm_text_measure_estimate (const char   *text,
                          double        size,
                          WmTextWeight  weight,
                          double       *width,
                          double       *height,
                          gpointer      user_data)
{
  double ems = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      ems += g_unichar_iswide (c) ? 1.0 : 0.55;
    }
  if (weight == WM_TEXT_BOLD)
    ems *= 1.06;

  *width = ems * size;
  *height = 1.25 * size;
}

void
wm_text_measure (const WmTextMeasurer *measurer,
                 const char           *text,
                 double                size,
                 WmTextWeight          weight,
                 double               *width,
                 double               *height)
{
  if (measurer != NULL && measurer->func != NULL)
    measurer->func (text, size, weight, width, height, measurer->user_data);
  else
    wm_text_measure_estimate (text, size, weight, width, height, NULL);
}

char *
wm_text_ellipsize (const WmTextMeasurer *measurer,
                   const char           *text,
                   double                size,
                   WmTextWeight          weight,
                   double                max_width,
                   double               *width)
{
  g_autoptr(GString) candidate = g_string_new (NULL);
  glong n_chars;
  glong lo = 0;
  glong hi;
  double w;
  double h;

  wm_text_measure (measurer, text, size, weight, &w, &h);
  if (w <= max_width)
    {
      *width = w;
      return g_strdup (text);
    }

  /* Binary search on the number of characters kept: a handful of
   * measurements per label, not one per character. */
  n_chars = g_utf8_strlen (text, -1);
  hi = n_chars - 1;
  *width = 0;
  while (lo < hi)
    {
      glong mid = (lo + hi + 1) / 2;
      const char *end = g_utf8_offset_to_pointer (text, mid);

      g_string_truncate (candidate, 0);
      g_string_append_len (candidate, text, end - text);
      g_string_append (candidate, "…");
      wm_text_measure (measurer, candidate->str, size, weight, &w, &h);
      if (w <= max_width)
        lo = mid;
      else
        hi = mid - 1;
    }

  g_string_truncate (candidate, 0);
  /* Never end on a space before the ellipsis. */
  {
    const char *end = g_utf8_offset_to_pointer (text, lo);

    while (end > text && end[-1] == ' ')
      end--;
    g_string_append_len (candidate, text, end - text);
  }
  g_string_append (candidate, "…");
  wm_text_measure (measurer, candidate->str, size, weight, &w, &h);
  if (w > max_width)
    return NULL;

  *width = w;
  return g_string_free (g_steal_pointer (&candidate), FALSE);
}

char *
wm_chart_format_duration (double seconds)
{
  if (isnan (seconds) || seconds < 0)
    return NULL;
  if (seconds < 90)
    /* Translators: a duration in seconds */
    return g_strdup_printf (_("%.0f s"), seconds);
  if (seconds < 90 * 60)
    /* Translators: a duration in minutes */
    return g_strdup_printf (_("%.0f min"), seconds / 60);
  if (seconds < 36 * 3600)
    /* Translators: a duration in hours */
    return g_strdup_printf (_("%.1f h"), seconds / 3600);

  /* Translators: a duration in days */
  return g_strdup_printf (_("%.1f d"), seconds / 86400);
}
