/* test-leakage.c: leakage per channel over a hand-made event log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-analysis-fixtures.h"
#include "wm-reference-analysis.h"

/* u1 pays on the web; u2 leaves the web and pays with an agent; u3 pays in
 * the IVR after the 30-day window, u4 exactly at its end; u5 has no channel. */
static const char events[] =
  "customer,timestamp,touchpoint,channel\n"
  "u1,2026-01-01T00:00:00Z,Web login,web\n"
  "u1,2026-01-01T00:05:00Z,Paid,web\n"
  "u2,2026-01-01T00:00:00Z,Web login,web\n"
  "u2,2026-01-02T00:00:00Z,Agent call,agent\n"
  "u2,2026-01-02T00:10:00Z,Paid,agent\n"
  "u3,2026-01-01T00:00:00Z,IVR menu,ivr\n"
  "u3,2026-02-10T00:00:00Z,Paid,ivr\n"
  "u4,2026-01-01T00:00:00Z,IVR menu,ivr\n"
  "u4,2026-01-31T00:00:00Z,Paid,ivr\n"
  "u5,2026-01-01T00:00:00Z,Paid,\n";

static void
test_leakage (void)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (events);
  g_autoptr(WmLeakageResult) expected = wm_reference_leakage (data->project, "Paid", 30 * 86400);
  g_autoptr(WmLeakageResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = wm_leakage_run (data->journeys, "Paid", 30 * 86400, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  wm_assert_leakage_equal (expected, result);

  g_assert_cmpstr (result->goal, ==, "Paid");
  g_assert_cmpuint (result->n_channels, ==, 3);
  g_assert_cmpstr (result->channels[0].channel, ==, "ivr");
  g_assert_cmpuint (result->channels[0].entered, ==, 2);
  g_assert_cmpuint (result->channels[0].completed_in_channel, ==, 1);
  g_assert_cmpfloat (result->channels[0].leakage, ==, 0.5);
  g_assert_cmpstr (result->channels[1].channel, ==, "web");
  g_assert_cmpuint (result->channels[1].entered, ==, 2);
  g_assert_cmpuint (result->channels[1].completed_in_channel, ==, 1);
  g_assert_cmpstr (result->channels[2].channel, ==, "agent");
  g_assert_cmpuint (result->channels[2].completed_in_channel, ==, 1);
  g_assert_cmpfloat (result->channels[2].leakage, ==, 0.0);
}

static void
test_window_one_second_short (void)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (events);
  g_autoptr(WmLeakageResult) result =
    wm_leakage_run (data->journeys, "Paid", 30 * 86400 - 1, NULL, NULL, NULL, NULL);

  /* u4's payment is now one second late. */
  g_assert_cmpstr (result->channels[0].channel, ==, "ivr");
  g_assert_cmpuint (result->channels[0].completed_in_channel, ==, 0);
  g_assert_cmpfloat (result->channels[0].leakage, ==, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/leakage/per-channel", test_leakage);
  g_test_add_func ("/leakage/window", test_window_one_second_short);

  return g_test_run ();
}
