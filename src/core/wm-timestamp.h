/* wm-timestamp.h: timestamps and durations as the importers and the CLI read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses one timestamp of the forms DESIGN.md lists into integer milliseconds
 * since the Unix epoch, UTC:
 *   ISO 8601 "2024-03-01T09:30:00Z", "…+08:00", "…-0530", with or without a
 *   fraction (any number of digits, truncated to ms), 'T' or ' ' separator;
 *   "YYYY-MM-DD HH:MM:SS" and "YYYY-MM-DD" without offset: in @default_tz
 *   (UTC when %NULL);
 *   epoch numbers, told apart by magnitude: seconds (|v| < 1e11, a decimal
 *   fraction allowed), milliseconds (< 1e14), microseconds (< 1e17).
 * @text need not be NUL-terminated.  Surrounding ASCII spaces are ignored.
 * Returns %FALSE for anything else, including out-of-range dates (years
 * outside 1000…9999, month 13, Feb 30, hour 25, …).  Epoch numbers are
 * bounded by their magnitude only: a negative one may reach before 1000. */
gboolean wm_timestamp_parse        (const char *text,
                                    gssize      len,
                                    GTimeZone  *default_tz,
                                    gint64     *out_ms);

/* Epoch number already parsed by a JSON reader: the same magnitude rule. */
gboolean wm_timestamp_from_epoch   (double      value,
                                    gint64     *out_ms);

/* "2024-03-01T09:30:00.250Z" (fraction only when non-zero). */
char    *wm_timestamp_format_iso   (gint64      ms);

/* "90s", "30m", "12h", "7d" (also "2w") into seconds.  Sets WM_ERROR_INVALID_ARGUMENT. */
gboolean wm_duration_parse         (const char *text,
                                    gint64     *out_seconds,
                                    GError    **error);

G_END_DECLS
