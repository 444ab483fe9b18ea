/* wm-format.h: numbers, shares and times worded for the current locale
 *
 * Every count, percentage and timestamp a person reads (charts, map
 * badges, CLI tables, pages, tooltips) goes through here, so that they
 * read the same everywhere. Machine output (--json) does not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "12,480" (the locale's thousands separator); "12 480" with U+00A0
 * NO-BREAK SPACE when the locale has none (C, C.UTF-8). */
char *wm_format_count          (guint64    count);
/* "50K", "12.5M", "1.2B" (translatable suffixes, the locale's decimal
 * point), or in myriads where the translation says so ("5万", "1250万",
 * "1.2亿"); below 10 000 the full form of wm_format_count(). */
char *wm_format_count_compact  (guint64    count);
/* @share in [0, 1] as a percentage with @decimals digits after the
 * locale's decimal point, through the translatable "%s %%" (a U+202F
 * NARROW NO-BREAK SPACE before the sign); "–" when not finite. */
char *wm_format_percent        (double     share,
                                int        decimals);
/* As wm_format_percent() with two significant digits below 10 %:
 * "42 %", "4.2 %", "0.42 %" (0 is "0 %"). */
char *wm_format_share          (double     share);
/* The locale's date and time ("%x %X"). */
char *wm_format_datetime       (GDateTime *time);

G_END_DECLS
