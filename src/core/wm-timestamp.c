/* wm-timestamp.c: timestamps and durations as the importers and the CLI read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "wm-error.h"
#include "wm-timestamp.h"

/* Exclusive upper bounds of the epoch magnitudes. */
#define EPOCH_SECONDS_LIMIT G_GINT64_CONSTANT (100000000000)        /* 1e11 */
#define EPOCH_MILLIS_LIMIT  G_GINT64_CONSTANT (100000000000000)     /* 1e14 */
#define EPOCH_MICROS_LIMIT  G_GINT64_CONSTANT (100000000000000000)  /* 1e17 */

#define SECONDS_PER_DAY 86400

/* This runs on every imported row, so it is written by hand: no GDateTime,
 * no allocation, the civil date turned into days arithmetically. */

static inline gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* Reads exactly @n digits at @s (the caller made sure they are in range). */
static inline gboolean
read_digits (const char *s,
             int         n,
             int        *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!is_digit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

static inline gboolean
is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static inline int
days_in_month (int year,
               int month)
{
  static const guint8 days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && is_leap_year (year))
    return 29;
  return days[month - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date; H. Hinnant's
 * days_from_civil, for years ≥ 1 (the parser only admits 1000…9999). */
static inline gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  int era, yoe, doy, doe;

  year -= month <= 2;
  era = year / 400;
  yoe = year - era * 400;
  doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (gint64) era * 146097 + doe - 719468;
}

/* The inverse, for any day count (negative ones included). */
static void
civil_from_days (gint64  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;

  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = (int) (mp < 10 ? mp + 3 : mp - 9);
  *year = (int) (yoe + era * 400 + (*month <= 2));
}

/* Reads ".ddd…" at *@s if present: the first three digits as milliseconds,
 * the rest (any number) dropped.  A '.' without digits is an error. */
static inline gboolean
read_fraction (const char **s,
               const char  *end,
               gint64      *out_ms)
{
  const char *p = *s;
  gint64 ms = 0;
  int n = 0;

  *out_ms = 0;
  if (p == end || *p != '.')
    return TRUE;
  p++;
  if (p == end || !is_digit (*p))
    return FALSE;
  for (; p < end && is_digit (*p); p++, n++)
    {
      if (n < 3)
        ms = ms * 10 + (*p - '0');
    }
  for (; n < 3; n++)
    ms *= 10;

  *s = p;
  *out_ms = ms;
  return TRUE;
}

/* Local wall-clock seconds (as if UTC) in @tz to UTC seconds.  A time that
 * falls twice (clocks going back) is taken as standard time and a time that
 * never happens (clocks going forward) is moved forward, as GDateTime does. */
static gint64
local_to_utc (GTimeZone *tz,
              gint64     local)
{
  int interval;

  if (tz == NULL)
    return local;

  interval = g_time_zone_find_interval (tz, G_TIME_TYPE_STANDARD, local);
  if (interval < 0)
    interval = g_time_zone_adjust_time (tz, G_TIME_TYPE_STANDARD, &local);

  return local - g_time_zone_get_offset (tz, interval);
}

static gboolean
parse_iso (const char *s,
           const char *end,
           GTimeZone  *default_tz,
           gint64     *out_ms)
{
  int year, month, day;
  int hour = 0, minute = 0, second = 0;
  int offset_h = 0, offset_m = 0;
  gint64 fraction_ms = 0;
  gint64 seconds;

  if (end - s < 10 ||
      !read_digits (s, 4, &year) || s[4] != '-' ||
      !read_digits (s + 5, 2, &month) || s[7] != '-' ||
      !read_digits (s + 8, 2, &day))
    return FALSE;
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > days_in_month (year, month))
    return FALSE;
  s += 10;

  seconds = days_from_civil (year, month, day) * SECONDS_PER_DAY;
  if (s == end)
    {
      *out_ms = local_to_utc (default_tz, seconds) * 1000;
      return TRUE;
    }

  if ((*s != 'T' && *s != ' ') || end - s < 9 ||
      !read_digits (s + 1, 2, &hour) || s[3] != ':' ||
      !read_digits (s + 4, 2, &minute) || s[6] != ':' ||
      !read_digits (s + 7, 2, &second))
    return FALSE;
  if (hour > 23 || minute > 59 || second > 59)
    return FALSE;
  s += 9;
  seconds += hour * 3600 + minute * 60 + second;

  if (!read_fraction (&s, end, &fraction_ms))
    return FALSE;

  if (s == end)
    {
      *out_ms = local_to_utc (default_tz, seconds) * 1000 + fraction_ms;
      return TRUE;
    }

  if (*s == 'Z')
    {
      s++;
    }
  else if (*s == '+' || *s == '-')
    {
      int sign = *s == '-' ? -1 : 1;

      s++;
      if (end - s < 2 || !read_digits (s, 2, &offset_h) || offset_h > 23)
        return FALSE;
      s += 2;
      if (s < end)
        {
          if (*s == ':')
            s++;
          if (end - s < 2 || !read_digits (s, 2, &offset_m) || offset_m > 59)
            return FALSE;
          s += 2;
        }
      seconds -= sign * (offset_h * 3600 + offset_m * 60);
    }
  else
    {
      return FALSE;
    }

  if (s != end)
    return FALSE;

  *out_ms = seconds * 1000 + fraction_ms;
  return TRUE;
}

/* Applies the magnitude rule to a non-negative whole number. */
static inline gint64
epoch_to_ms (gint64 whole,
             gint64 fraction_ms)
{
  if (whole < EPOCH_SECONDS_LIMIT)
    return whole * 1000 + fraction_ms;
  if (whole < EPOCH_MILLIS_LIMIT)
    return whole;
  return whole / 1000;
}

/* Negative numbers mirror positive ones: "-1.5" is -1500 ms. */
static gboolean
parse_epoch (const char *s,
             const char *end,
             gint64     *out_ms)
{
  gboolean negative = FALSE;
  gint64 whole = 0;
  gint64 fraction_ms = 0;

  if (s < end && *s == '-')
    {
      negative = TRUE;
      s++;
    }
  if (s == end || !is_digit (*s))
    return FALSE;

  for (; s < end && is_digit (*s); s++)
    {
      whole = whole * 10 + (*s - '0');
      if (whole >= EPOCH_MICROS_LIMIT)
        return FALSE;
    }

  if (s < end && *s == '.')
    {
      /* A fraction only makes sense on seconds. */
      if (whole >= EPOCH_SECONDS_LIMIT || !read_fraction (&s, end, &fraction_ms))
        return FALSE;
    }

  if (s != end)
    return FALSE;

  *out_ms = epoch_to_ms (whole, fraction_ms);
  if (negative)
    *out_ms = -*out_ms;
  return TRUE;
}

gboolean
wm_timestamp_parse (const char *text,
                    gssize      len,
                    GTimeZone  *default_tz,
                    gint64     *out_ms)
{
  const char *s, *end;
  gint64 ms;

  g_return_val_if_fail (text != NULL || len == 0, FALSE);

  if (len < 0)
    len = strlen (text);
  s = text;
  end = text + len;
  while (s < end && *s == ' ')
    s++;
  while (end > s && end[-1] == ' ')
    end--;
  if (s == end)
    return FALSE;

  /* "YYYY-" can only start a date; anything else must be an epoch number. */
  if (end - s > 4 && s[4] == '-' && is_digit (s[0]))
    {
      if (!parse_iso (s, end, default_tz, &ms))
        return FALSE;
    }
  else if (!parse_epoch (s, end, &ms))
    {
      return FALSE;
    }

  if (out_ms != NULL)
    *out_ms = ms;
  return TRUE;
}

gboolean
wm_timestamp_from_epoch (double  value,
                         gint64 *out_ms)
{
  double magnitude = fabs (value);
  double ms;
  gint64 result;

  if (!isfinite (value) || magnitude >= (double) EPOCH_MICROS_LIMIT)
    return FALSE;

  if (magnitude < (double) EPOCH_SECONDS_LIMIT)
    {
      /* A JSON reader's 1700000000.123 is 1700000000.12299990654 as a
       * double: take the nearest millisecond when the product is within
       * rounding error of it, else truncate as the text parser does. */
      ms = magnitude * 1000.0;
      if (fabs (ms - nearbyint (ms)) < 1e-3)
        ms = nearbyint (ms);
      result = (gint64) ms;
    }
  else if (magnitude < (double) EPOCH_MILLIS_LIMIT)
    {
      result = (gint64) magnitude;
    }
  else
    {
      result = (gint64) magnitude / 1000;
    }

  if (out_ms != NULL)
    *out_ms = value < 0 ? -result : result;
  return TRUE;
}

char *
wm_timestamp_format_iso (gint64 ms)
{
  gint64 days = ms / (SECONDS_PER_DAY * 1000);
  gint64 rest = ms % (SECONDS_PER_DAY * 1000);
  int year, month, day;
  int seconds, millis;

  if (rest < 0)
    {
      rest += SECONDS_PER_DAY * 1000;
      days--;
    }
  civil_from_days (days, &year, &month, &day);
  seconds = (int) (rest / 1000);
  millis = (int) (rest % 1000);

  if (millis != 0)
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                            year, month, day,
                            seconds / 3600, seconds / 60 % 60, seconds % 60, millis);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          year, month, day,
                          seconds / 3600, seconds / 60 % 60, seconds % 60);
}

/* Durations stay small enough to be turned into milliseconds and added to
 * a timestamp without overflowing. */
#define DURATION_MAX_SECONDS (G_MAXINT64 / 1000 / 4)

static gboolean
duration_invalid (const char  *text,
                  GError     **error)
{
  g_set_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a duration: write a whole number and a unit, "
                 "for example 90s, 30m, 12h, 7d or 2w"),
               text != NULL ? text : "");
  return FALSE;
}

static gboolean
duration_too_long (const char  *text,
                   GError     **error)
{
  g_set_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
               _("The duration “%s” is too long: use a shorter one, for example 365d"),
               text);
  return FALSE;
}

gboolean
wm_duration_parse (const char  *text,
                   gint64      *out_seconds,
                   GError     **error)
{
  const char *s = text;
  gint64 value = 0;
  gint64 unit;

  if (s == NULL || !is_digit (*s))
    return duration_invalid (text, error);

  for (; is_digit (*s); s++)
    {
      value = value * 10 + (*s - '0');
      if (value > DURATION_MAX_SECONDS)
        return duration_too_long (text, error);
    }

  switch (*s)
    {
    case 's': unit = 1; break;
    case 'm': unit = 60; break;
    case 'h': unit = 3600; break;
    case 'd': unit = SECONDS_PER_DAY; break;
    case 'w': unit = 7 * SECONDS_PER_DAY; break;
    default: return duration_invalid (text, error);
    }
  if (s[1] != '\0')
    return duration_invalid (text, error);
  if (value > DURATION_MAX_SECONDS / unit)
    return duration_too_long (text, error);

  if (out_seconds != NULL)
    *out_seconds = value * unit;
  return TRUE;
}
