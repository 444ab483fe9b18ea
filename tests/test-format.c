/* test-format.c: wm_format_count, _count_compact, _percent, _share, _datetime
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>

#include "wm-format.h"

/* The tests run under C.UTF-8, which has no thousands separator: digits
 * are grouped with U+00A0 NO-BREAK SPACE, and U+202F NARROW NO-BREAK SPACE
 * comes before the percent sign. */
#define NBSP  "\u00A0"
#define NNBSP "\u202F"

static void
check (char       *text,
       const char *expected)
{
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
}

static void
test_count (void)
{
  check (wm_format_count (0), "0");
  check (wm_format_count (999), "999");
  check (wm_format_count (1000), "1" NBSP "000");
  check (wm_format_count (12480), "12" NBSP "480");
  check (wm_format_count (12500000), "12" NBSP "500" NBSP "000");
  check (wm_format_count (G_MAXUINT64), "18" NBSP "446" NBSP "744" NBSP "073" NBSP "709" NBSP "551" NBSP "615");
}

static void
test_count_compact (void)
{
  check (wm_format_count_compact (7), "7");
  check (wm_format_count_compact (1239), "1" NBSP "239");
  check (wm_format_count_compact (9999), "9" NBSP "999");
  check (wm_format_count_compact (10000), "10K");
  check (wm_format_count_compact (50400), "50K");
  check (wm_format_count_compact (999499), "999K");
  check (wm_format_count_compact (999999), "1.0M");
  check (wm_format_count_compact (99949999), "99.9M");
  check (wm_format_count_compact (99950000), "100M");
  check (wm_format_count_compact (999499999), "999M");
  check (wm_format_count_compact (999500000), "1.0B");
  check (wm_format_count_compact (1000000), "1.0M");
  check (wm_format_count_compact (12500000), "12.5M");
  check (wm_format_count_compact (125000000), "125M");
  check (wm_format_count_compact (1200000000), "1.2B");
}

static void
test_percent (void)
{
  check (wm_format_percent (0.41, 0), "41" NNBSP "%");
  check (wm_format_percent (0.095, 1), "9.5" NNBSP "%");
  check (wm_format_percent (2.0 / 3.0, 1), "66.7" NNBSP "%");
  check (wm_format_percent (1, 0), "100" NNBSP "%");
  check (wm_format_percent (NAN, 1), "–");
  check (wm_format_percent (INFINITY, 0), "–");

  check (wm_format_share (0), "0" NNBSP "%");
  check (wm_format_share (0.42), "42" NNBSP "%");
  check (wm_format_share (0.042), "4.2" NNBSP "%");
  check (wm_format_share (0.0042), "0.42" NNBSP "%");
  check (wm_format_share (0.0996), "10" NNBSP "%");
  check (wm_format_share (0.00006), "0.01" NNBSP "%");
  check (wm_format_share (0.00004), "<\u00a00.01" NNBSP "%");
}

/* A locale with its own separators uses them: German groups with "." and
 * writes "12,5". Skipped where that locale is not generated. */
static void
test_other_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("de_DE.UTF-8 is not available");
      return;
    }
  check (wm_format_count (12480), "12.480");
  check (wm_format_count_compact (12500000), "12,5M");
  check (wm_format_count_compact (1239), "1.239");
  check (wm_format_percent (0.095, 1), "9,5" NNBSP "%");
  setlocale (LC_NUMERIC, saved);
}

/* In Chinese, with the catalogue the build compiled from po/zh_CN.po:
 * grouped by commas, compact counts in myriads, "41%" without a space. */
static void
test_chinese (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *mo = g_build_filename (po_dir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the zh_CN catalogue is not built");
      return;
    }
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("zh_CN.UTF-8 is not available");
      return;
    }
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  check (wm_format_count (12480), "12,480");
  check (wm_format_count_compact (9999), "9,999");
  check (wm_format_count_compact (12480), "1.2万");
  check (wm_format_count_compact (50000), "5.0万");
  check (wm_format_count_compact (99950), "10万");
  check (wm_format_count_compact (12500000), "1250万");
  check (wm_format_count_compact (99995000), "1.0亿");
  check (wm_format_count_compact (G_GUINT64_CONSTANT (12500000000)), "125亿");
  check (wm_format_percent (0.41, 0), "41%");
  check (wm_format_share (0.095), "9.5%");

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, saved);
}

static void
test_datetime (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = g_date_time_new (utc, 2026, 3, 2, 8, 5, 9);

  g_autofree char *saved = g_strdup (setlocale (LC_TIME, NULL));

  check (wm_format_datetime (time), "2026-03-02 08:05:09");

  if (setlocale (LC_TIME, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("de_DE.UTF-8 is not available");
      return;
    }
  check (wm_format_datetime (time), "02.03.2026 08:05:09");
  setlocale (LC_TIME, saved);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/count", test_count);
  g_test_add_func ("/format/count-compact", test_count_compact);
  g_test_add_func ("/format/percent", test_percent);
  g_test_add_func ("/format/other-locale", test_other_locale);
  g_test_add_func ("/format/chinese", test_chinese);
  g_test_add_func ("/format/datetime", test_datetime);

  return g_test_run ();
}
