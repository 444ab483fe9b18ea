/* test-timestamp.c: wm_timestamp_parse, _from_epoch, _format_iso and wm_duration_parse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "wm-error.h"
#include "wm-timestamp.h"

/* Expected values come from `date -u -d 2024-03-01T09:30:00Z +%s` and the
 * like, not from the code under test. */
typedef struct
{
  const char *text;
  gint64      ms;
} Case;

static void
check_parses (const Case *cases,
              gsize       n_cases,
              GTimeZone  *tz)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      gint64 ms = G_MININT64;

      if (!wm_timestamp_parse (cases[i].text, -1, tz, &ms))
        g_test_fail_printf ("“%s” was rejected", cases[i].text);
      else if (ms != cases[i].ms)
        g_test_fail_printf ("“%s” gave %" G_GINT64_FORMAT " ms, expected %" G_GINT64_FORMAT,
                            cases[i].text, ms, cases[i].ms);
    }
}

static void
check_rejects (const char * const *texts,
               gsize               n_texts)
{
  for (gsize i = 0; i < n_texts; i++)
    {
      gint64 ms = 42;

      if (wm_timestamp_parse (texts[i], -1, NULL, &ms))
        g_test_fail_printf ("“%s” was accepted as %" G_GINT64_FORMAT " ms", texts[i], ms);
      else if (ms != 42)
        g_test_fail_printf ("“%s” was rejected but wrote the output", texts[i]);
    }
}

static void
test_parse_iso (void)
{
  static const Case cases[] = {
    { "2024-03-01T09:30:00Z", G_GINT64_CONSTANT (1709285400000) },
    { "2024-03-01 09:30:00Z", G_GINT64_CONSTANT (1709285400000) },
    { "2024-03-01T09:30:00", G_GINT64_CONSTANT (1709285400000) },
    { "2024-03-01 09:30:00", G_GINT64_CONSTANT (1709285400000) },
    { "2024-03-01", G_GINT64_CONSTANT (1709251200000) },
    { "  2024-03-01T09:30:00Z  ", G_GINT64_CONSTANT (1709285400000) },
    /* offsets, in all three spellings */
    { "2024-03-01T09:30:00+08:00", G_GINT64_CONSTANT (1709256600000) },
    { "2024-03-01T09:30:00+0800", G_GINT64_CONSTANT (1709256600000) },
    { "2024-03-01T09:30:00+08", G_GINT64_CONSTANT (1709256600000) },
    { "2024-03-01T09:30:00-05:30", G_GINT64_CONSTANT (1709305200000) },
    { "2024-03-01T09:30:00-0530", G_GINT64_CONSTANT (1709305200000) },
    { "2024-03-01T09:30:00+00:00", G_GINT64_CONSTANT (1709285400000) },
    { "2024-03-01T09:30:00-00:00", G_GINT64_CONSTANT (1709285400000) },
    /* offsets moving the instant across midnight, a month and a year */
    { "2024-03-01T00:30:00+01:00", G_GINT64_CONSTANT (1709249400000) },
    { "2023-12-31T22:00:00-05:00", G_GINT64_CONSTANT (1704078000000) },
    /* fractions: any length, truncated (never rounded) to milliseconds */
    { "2024-03-01T09:30:00.250Z", G_GINT64_CONSTANT (1709285400250) },
    { "2024-03-01T09:30:00.5Z", G_GINT64_CONSTANT (1709285400500) },
    { "2024-03-01T09:30:00.05Z", G_GINT64_CONSTANT (1709285400050) },
    { "2024-03-01T09:30:00.123456789Z", G_GINT64_CONSTANT (1709285400123) },
    { "2024-03-01T00:00:00.9999Z", G_GINT64_CONSTANT (1709251200999) },
    { "2024-03-01T09:30:00.000Z", G_GINT64_CONSTANT (1709285400000) },
    { "2024-03-01T09:30:00.250+08:00", G_GINT64_CONSTANT (1709256600250) },
    { "2024-03-01 09:30:00.7", G_GINT64_CONSTANT (1709285400700) },
    /* leap years and the edges of the accepted range */
    { "2024-02-29", G_GINT64_CONSTANT (1709164800000) },
    { "2000-02-29T23:59:59Z", G_GINT64_CONSTANT (951868799000) },
    { "1969-12-31T23:59:59Z", G_GINT64_CONSTANT (-1000) },
    { "1970-01-01T00:00:00Z", 0 },
    { "1000-01-01T00:00:00Z", G_GINT64_CONSTANT (-30610224000000) },
    { "9999-12-31T23:59:59.999Z", G_GINT64_CONSTANT (253402300799999) },
  };

  check_parses (cases, G_N_ELEMENTS (cases), NULL);
}

static void
test_parse_epoch (void)
{
  static const Case cases[] = {
    { "0", 0 },
    { "1709285400", G_GINT64_CONSTANT (1709285400000) },
    { " 1709285400 ", G_GINT64_CONSTANT (1709285400000) },
    { "1709285400.5", G_GINT64_CONSTANT (1709285400500) },
    { "1709285400.123456", G_GINT64_CONSTANT (1709285400123) },
    { "1709285400.9999", G_GINT64_CONSTANT (1709285400999) },
    { "99999999999", G_GINT64_CONSTANT (99999999999000) },        /* 1e11 - 1: seconds */
    { "100000000000", G_GINT64_CONSTANT (100000000000) },         /* 1e11: milliseconds */
    { "1709285400250", G_GINT64_CONSTANT (1709285400250) },
    { "99999999999999", G_GINT64_CONSTANT (99999999999999) },     /* 1e14 - 1: milliseconds */
    { "100000000000000", G_GINT64_CONSTANT (100000000000) },      /* 1e14: microseconds */
    { "1709285400250999", G_GINT64_CONSTANT (1709285400250) },
    { "99999999999999999", G_GINT64_CONSTANT (99999999999999) },  /* 1e17 - 1 */
    { "-1", G_GINT64_CONSTANT (-1000) },
    { "-1.5", G_GINT64_CONSTANT (-1500) },
    { "-99999999999", G_GINT64_CONSTANT (-99999999999000) },
    { "-100000000000", G_GINT64_CONSTANT (-100000000000) },
    { "-1709285400250999", G_GINT64_CONSTANT (-1709285400250) },
    { "20240301", G_GINT64_CONSTANT (20240301000) },  /* no dashes: a number of seconds */
  };

  check_parses (cases, G_N_ELEMENTS (cases), NULL);
}

static void
test_parse_rejects (void)
{
  static const char * const texts[] = {
    "", " ", "abc", "now", "-", "+1709285400", "1e9", "0x10", "1,5", "12 34",
    "1709285400.", ".5", "1709285400.5.1", "--1",
    "100000000000000000",             /* 1e17 */
    "-100000000000000000",
    "123456789012345678901234567890",
    "100000000000.5",                 /* a fraction on milliseconds */
    "2024-03-01T09:30:00Zx",          /* trailing junk */
    "2024-03-01x",
    "2024-03-01T09:30:00Z 1",
    "2024-03-01T09:30:00 Z",
    "2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32", "2024-04-31",
    "2024-02-30", "2023-02-29", "1900-02-29", "2100-02-29",
    "2024-03-01T24:00:00Z", "2024-03-01T23:60:00Z", "2024-03-01T23:59:60Z",
    "0999-12-31", "0000-01-01", "10000-01-01", "-2024-01-01",
    "2024-3-1", "2024/03/01", "24-03-01", "2024-03-01T", "2024-03-01T ",
    "2024-03-01T09:30Z",              /* seconds are required */
    "2024-03-01T9:30:00Z",
    "2024-03-01t09:30:00Z", "2024-03-01T09:30:00z",
    "2024-03-01T09:30:00.Z", "2024-03-01T09:30:00,5Z",
    "2024-03-01T09:30:00+8", "2024-03-01T09:30:00+08:0", "2024-03-01T09:30:00+080",
    "2024-03-01T09:30:00+24:00", "2024-03-01T09:30:00+08:60", "2024-03-01T09:30:00+08:00:00",
    "2024-03-01T09:30:00Z+08:00", "2024-03-01T09:30:00+",
  };

  check_rejects (texts, G_N_ELEMENTS (texts));
}

static void
test_parse_length (void)
{
  const char *text = "2024-03-01T09:30:00.250Z trailing";
  gint64 ms = 0;

  /* Not NUL-terminated: only @len bytes count. */
  g_assert_true (wm_timestamp_parse (text, 24, NULL, &ms));
  g_assert_cmpint (ms, ==, G_GINT64_CONSTANT (1709285400250));
  g_assert_true (wm_timestamp_parse (text, 19, NULL, &ms));
  g_assert_cmpint (ms, ==, G_GINT64_CONSTANT (1709285400000));
  g_assert_true (wm_timestamp_parse (text, 10, NULL, &ms));
  g_assert_cmpint (ms, ==, G_GINT64_CONSTANT (1709251200000));
  g_assert_true (wm_timestamp_parse (text, 23, NULL, &ms));    /* no 'Z': UTC all the same */
  g_assert_cmpint (ms, ==, G_GINT64_CONSTANT (1709285400250));
  g_assert_true (wm_timestamp_parse (text, 25, NULL, &ms));    /* trailing space ignored */
  g_assert_cmpint (ms, ==, G_GINT64_CONSTANT (1709285400250));
  g_assert_false (wm_timestamp_parse (text, 20, NULL, &ms));   /* "…00." */
  g_assert_false (wm_timestamp_parse (text, 26, NULL, &ms));   /* "…Z t" */
  g_assert_false (wm_timestamp_parse (text, 0, NULL, &ms));
  g_assert_true (wm_timestamp_parse ("1709285400", 4, NULL, &ms));
  g_assert_cmpint (ms, ==, 1709000);
}

static GTimeZone *
time_zone (const char *identifier)
{
  GTimeZone *tz = g_time_zone_new_identifier (identifier);

  if (tz == NULL)
    g_test_skip_printf ("time zone %s is not installed", identifier);
  return tz;
}

static void
test_parse_time_zone (void)
{
  g_autoptr(GTimeZone) shanghai = time_zone ("Asia/Shanghai");
  g_autoptr(GTimeZone) new_york = time_zone ("America/New_York");
  static const Case shanghai_cases[] = {
    { "2024-03-01 09:30:00", G_GINT64_CONSTANT (1709256600000) },   /* −8 h */
    { "2024-03-01T09:30:00.750", G_GINT64_CONSTANT (1709256600750) },
    { "2024-03-01", G_GINT64_CONSTANT (1709222400000) },            /* the day before, 16:00Z */
    /* an explicit offset or an epoch number ignore the default */
    { "2024-03-01T09:30:00Z", G_GINT64_CONSTANT (1709285400000) },
    { "2024-03-01T09:30:00+00:00", G_GINT64_CONSTANT (1709285400000) },
    { "1709285400", G_GINT64_CONSTANT (1709285400000) },
  };
  static const Case new_york_cases[] = {
    { "2024-07-01 08:00:00", G_GINT64_CONSTANT (1719835200000) },   /* EDT, −4 h */
    { "2024-01-15 07:00:00", G_GINT64_CONSTANT (1705320000000) },   /* EST, −5 h */
    { "2023-12-31 22:00:00", G_GINT64_CONSTANT (1704078000000) },   /* into the next year */
    /* 02:30 on the spring-forward night never happens: moved to 03:00 EDT */
    { "2024-03-10 02:30:00", G_GINT64_CONSTANT (1710054000000) },
    /* 01:30 on the fall-back night happens twice: the second one, EST */
    { "2024-11-03 01:30:00", G_GINT64_CONSTANT (1730615400000) },
  };

  if (shanghai == NULL || new_york == NULL)
    return;

  check_parses (shanghai_cases, G_N_ELEMENTS (shanghai_cases), shanghai);
  check_parses (new_york_cases, G_N_ELEMENTS (new_york_cases), new_york);
}

static void
test_from_epoch (void)
{
  static const struct {
    double value;
    gint64 ms;
  } cases[] = {
    { 0.0, 0 },
    { 1709285400.0, G_GINT64_CONSTANT (1709285400000) },
    { 1709285400.123, G_GINT64_CONSTANT (1709285400123) },
    { 1709285400.9999, G_GINT64_CONSTANT (1709285400999) },
    { 0.5, 500 },
    { -1.5, -1500 },
    { 99999999999.0, G_GINT64_CONSTANT (99999999999000) },
    { 1e11, G_GINT64_CONSTANT (100000000000) },
    { 1709285400250.0, G_GINT64_CONSTANT (1709285400250) },
    { 1e14, G_GINT64_CONSTANT (100000000000) },
    { 1709285400250999.0, G_GINT64_CONSTANT (1709285400250) },
    { -1709285400250999.0, G_GINT64_CONSTANT (-1709285400250) },
  };
  static const double rejected[] = { 1e17, -1e17, 1e300, INFINITY, -INFINITY, NAN };
  gint64 ms;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ms = G_MININT64;
      if (!wm_timestamp_from_epoch (cases[i].value, &ms))
        g_test_fail_printf ("%.17g was rejected", cases[i].value);
      else if (ms != cases[i].ms)
        g_test_fail_printf ("%.17g gave %" G_GINT64_FORMAT " ms, expected %" G_GINT64_FORMAT,
                            cases[i].value, ms, cases[i].ms);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      if (wm_timestamp_from_epoch (rejected[i], &ms))
        g_test_fail_printf ("%.17g was accepted", rejected[i]);
    }
}

static void
test_format_iso (void)
{
  static const Case cases[] = {
    { "2024-03-01T09:30:00Z", G_GINT64_CONSTANT (1709285400000) },
    { "2024-03-01T09:30:00.250Z", G_GINT64_CONSTANT (1709285400250) },
    { "2024-03-01T09:30:00.005Z", G_GINT64_CONSTANT (1709285400005) },
    { "1970-01-01T00:00:00Z", 0 },
    { "1969-12-31T23:59:59.999Z", -1 },
    { "2000-02-29T23:59:59Z", G_GINT64_CONSTANT (951868799000) },
    { "1000-01-01T00:00:00Z", G_GINT64_CONSTANT (-30610224000000) },
    { "9999-12-31T23:59:59.999Z", G_GINT64_CONSTANT (253402300799999) },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = wm_timestamp_format_iso (cases[i].ms);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240301);
  const gint64 first = G_GINT64_CONSTANT (-30610224000000);   /* 1000-01-01 */
  const gint64 last = G_GINT64_CONSTANT (253402300799999);    /* 9999-12-31T23:59:59.999 */

  for (guint i = 0; i < 100000; i++)
    {
      gint64 ms = first + (gint64) (g_rand_double (rand) * (double) (last - first));
      g_autofree char *text = NULL;
      gint64 parsed = 0;

      if (i % 2 == 0)
        ms -= ms % 1000;   /* half of them without a fraction */
      text = wm_timestamp_format_iso (ms);
      g_assert_true (wm_timestamp_parse (text, -1, NULL, &parsed));
      g_assert_cmpint (parsed, ==, ms);
    }
}

static void
test_duration (void)
{
  static const struct {
    const char *text;
    gint64 seconds;
  } cases[] = {
    { "90s", 90 },
    { "30m", 1800 },
    { "12h", 43200 },
    { "7d", 604800 },
    { "2w", 1209600 },
    { "0s", 0 },
    { "007d", 604800 },
    { "26687997791d", G_GINT64_CONSTANT (2305843009142400) },  /* the longest in days */
  };
  static const char * const rejected[] = {
    "", "7x", "-3d", "+3d", "d", "7", "7dd", " 7d", "7d ", "7 d", "7D", "1.5h", "7days",
  };
  static const char * const too_long[] = {
    "26687997792d", "99999999999999999999d", "9223372036854775807s", "9223372036854775808s",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 seconds = -1;

      g_assert_true (wm_duration_parse (cases[i].text, &seconds, &error));
      g_assert_no_error (error);
      g_assert_cmpint (seconds, ==, cases[i].seconds);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;
      gint64 seconds = -1;

      g_assert_false (wm_duration_parse (rejected[i], &seconds, &error));
      g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT);
      message = g_strdup_printf ("“%s” is not a duration: write a whole number and a unit, "
                                 "for example 90s, 30m, 12h, 7d or 2w", rejected[i]);
      g_assert_cmpstr (error->message, ==, message);
      g_assert_cmpint (seconds, ==, -1);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (too_long); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      g_assert_false (wm_duration_parse (too_long[i], NULL, &error));
      g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT);
      message = g_strdup_printf ("The duration “%s” is too long: use a shorter one, "
                                 "for example 365d", too_long[i]);
      g_assert_cmpstr (error->message, ==, message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timestamp/parse/iso", test_parse_iso);
  g_test_add_func ("/timestamp/parse/epoch", test_parse_epoch);
  g_test_add_func ("/timestamp/parse/rejects", test_parse_rejects);
  g_test_add_func ("/timestamp/parse/length", test_parse_length);
  g_test_add_func ("/timestamp/parse/time-zone", test_parse_time_zone);
  g_test_add_func ("/timestamp/from-epoch", test_from_epoch);
  g_test_add_func ("/timestamp/format-iso", test_format_iso);
  g_test_add_func ("/timestamp/round-trip", test_round_trip);
  g_test_add_func ("/timestamp/duration", test_duration);

  return g_test_run ();
}
