/* wm-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "wm-format.h"

/* Visible in every font, and never breaks a number across lines. */
#define NO_BREAK_SPACE "\xC2\xA0"

static const char *
thousands_separator (void)
{
  const struct lconv *conv = localeconv ();

  if (conv->thousands_sep != NULL && conv->thousands_sep[0] != '\0')
    return conv->thousands_sep;
  return NO_BREAK_SPACE;
}

char *
wm_format_count (guint64 count)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, count);
  const char *separator = thousands_separator ();
  GString *text = g_string_new (NULL);
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (text, separator);
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

/* In thousands, millions and billions. The thresholds are where rounding
 * reaches the next unit: 999 999 is "1.0M", not "1000K". */
static char *
compact_in_thousands (guint64 count)
{
  if (count >= 999500000)
    /* Translators: a compact count in billions, e.g. "1.2B" */
    return g_strdup_printf (_("%.1fB"), count / 1e9);
  if (count >= 99950000)
    /* Translators: a compact count in millions, e.g. "125M" */
    return g_strdup_printf (_("%.0fM"), count / 1e6);
  if (count >= 999500)
    /* Translators: a compact count in millions, e.g. "12.5M" */
    return g_strdup_printf (_("%.1fM"), count / 1e6);

  /* Translators: a compact count in thousands, e.g. "250K" */
  return g_strdup_printf (_("%.0fK"), count / 1e3);
}

/* In myriads (10 000) and hundred millions, as Chinese, Japanese and
 * Korean count: 12 500 000 is 1250 myriads ("1250万"). */
static char *
compact_in_myriads (guint64 count)
{
  if (count >= G_GUINT64_CONSTANT (9995000000))
    /* Translators: only for languages that count in myriads (see
     * "compact count units"): a count in hundred millions, e.g. "125亿" */
    return g_strdup_printf (_("%.0f×10⁸"), count / 1e8);
  if (count >= 99995000)
    /* Translators: only for languages that count in myriads: a count in
     * hundred millions, e.g. "1.2亿" */
    return g_strdup_printf (_("%.1f×10⁸"), count / 1e8);
  if (count >= 99950)
    /* Translators: only for languages that count in myriads: a count in
     * myriads (ten thousands), e.g. "1250万" */
    return g_strdup_printf (_("%.0f×10⁴"), count / 1e4);

  /* Translators: only for languages that count in myriads: a count in
   * myriads (ten thousands), e.g. "1.2万" */
  return g_strdup_printf (_("%.1f×10⁴"), count / 1e4);
}

char *
wm_format_count_compact (guint64 count)
{
  /* Translators: how compact counts are written: "thousands" ("12.5M",
   * "250K") or "myriads" (units of 10 000 and 10^8, "1250万"). Translate
   * as one of these two words, untranslated. */
  const char *units = C_("compact count units", "thousands");

  if (count < 10000)
    return wm_format_count (count);
  /* printf takes the decimal point from LC_NUMERIC. */
  if (g_str_equal (units, "myriads"))
    return compact_in_myriads (count);
  return compact_in_thousands (count);
}

char *
wm_format_percent (double share,
                   int    decimals)
{
  g_autofree char *number = NULL;
  double percent = share * 100.0;

  if (!isfinite (percent))
    return g_strdup ("–");

  number = g_strdup_printf ("%.*f", CLAMP (decimals, 0, 6), percent);
  /* Translators: a percentage; %s is the number, e.g. "41 %". The space
   * is U+202F NARROW NO-BREAK SPACE; leave it out if your language
   * writes "41%". */
  return g_strdup_printf (_("%s %%"), number);
}

char *
wm_format_share (double share)
{
  double percent = fabs (share * 100.0);

  if (!isfinite (percent) || percent == 0 || percent >= 9.95)
    return wm_format_percent (share, 0);
  if (percent >= 0.995)
    return wm_format_percent (share, 1);
  if (percent >= 0.005)
    return wm_format_percent (share, 2);

  {
    /* A few customers of millions are not "0.00 %". */
    g_autofree char *smallest = wm_format_percent (share < 0 ? -0.0001 : 0.0001, 2);

    /* Translators: a share too small to show, e.g. "< 0.01 %"; the
     * space is U+00A0 NO-BREAK SPACE. */
    return g_strdup_printf (_("< %s"), smallest);
  }
}

/* The locale's own date and time; without a locale (C, POSIX) the
 * unambiguous ISO order rather than C's American "03/02/26". */
char *
wm_format_datetime (GDateTime *time)
{
  const char *locale = setlocale (LC_TIME, NULL);

  g_return_val_if_fail (time != NULL, NULL);

  if (locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX") ||
      g_str_has_prefix (locale, "C."))
    return g_date_time_format (time, "%Y-%m-%d %H:%M:%S");
  return g_date_time_format (time, "%x %X");
}
