/* wm-cli-leakage.c: waymark-cli leakage --db P.waymark --goal TOUCHPOINT [--window 30d]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-analysis-json.h"
#include "wm-cli.h"

static void
print_result (const WmLeakageResult *result,
              const char            *window)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  char **row;

  /* Translators: the goal touchpoint and the window ("30d") */
  g_print (_("Goal “%s”, completed within %s of the first event in the channel\n\n"), result->goal, window);

  row = g_new0 (char *, 5);
  row[0] = g_strdup (_("Channel"));
  row[1] = g_strdup (_("Entered"));
  row[2] = g_strdup (_("Completed there"));
  row[3] = g_strdup (_("Leakage"));
  g_ptr_array_add (rows, row);
  for (guint i = 0; i < result->n_channels; i++)
    {
      const WmLeakageChannel *channel = &result->channels[i];

      row = g_new0 (char *, 5);
      row[0] = g_strdup (channel->channel);
      row[1] = wm_format_count (channel->entered);
      row[2] = wm_format_count (channel->completed_in_channel);
      row[3] = wm_format_percent (channel->leakage, 1);
      g_ptr_array_add (rows, row);
    }
  wm_cli_print_table (rows, "lrrr");
}

int
wm_cli_leakage (int    argc,
                char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *goal = NULL;
  g_autofree char *window = NULL;
  gboolean as_json = FALSE;
  g_autoptr(WmJourneys) journeys = NULL;
  g_autoptr(WmLeakageResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 window_s = 0;
  int status = WM_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Project file"), N_("P.waymark") },
    { "goal", 0, 0, G_OPTION_ARG_STRING, &goal, N_("The touchpoint that completes the journey"), N_("TOUCHPOINT") },
    { "window", 0, 0, G_OPTION_ARG_STRING, &window, N_("A channel completes the goal only within this long of the customer’s first event in it: 90s, 30m, 12h, 7d (default 30d)"), N_("DURATION") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the result as JSON"), NULL },
    { NULL }
  };

  if (!wm_cli_parse_options ("leakage", NULL,
                             _("For each channel, the customers who used it (entered) and of those the ones whose goal event happened in that same channel; leakage is the share that did not complete there."),
                             entries, &argc, &argv))
    return WM_CLI_EXIT_USAGE;

  if (argc > 1)
    {
      wm_cli_print_error (_("Unexpected argument “%s”"), argv[1]);
      return WM_CLI_EXIT_USAGE;
    }

  if (goal == NULL)
    {
      wm_cli_print_error (_("Missing --goal TOUCHPOINT, like --goal \"Payment completed\""));
      return WM_CLI_EXIT_USAGE;
    }

  if (!wm_cli_parse_window (window != NULL ? window : "30d", &window_s))
    return WM_CLI_EXIT_USAGE;

  journeys = wm_cli_load_journeys (db, &status);
  if (journeys == NULL)
    return status;

  result = wm_leakage_run (journeys, goal, window_s, NULL, NULL, NULL, &error);
  if (result == NULL)
    return wm_cli_report_error (error);

  if (as_json)
    {
      g_autoptr(JsonNode) root = wm_leakage_result_to_json (result);

      wm_cli_print_json (root);
    }
  else
    print_result (result, window != NULL ? window : "30d");

  return WM_CLI_EXIT_OK;
}
