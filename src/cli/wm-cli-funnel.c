/* wm-cli-funnel.c: waymark-cli funnel --db P.waymark --step A[,B] --step C …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "wm-analysis-json.h"
#include "wm-cli.h"

/* "45s", "3m 20s", "2h 5m", "1d 4h": two units are plenty for a median. */
static char *
format_duration (double seconds)
{
  gint64 s = (gint64) llround (seconds);

  /* Translators: durations: seconds; minutes and seconds; hours and
   * minutes; days and hours */
  if (s < 60)
    return g_strdup_printf (_("%ds"), (int) s);
  if (s < 3600)
    return g_strdup_printf (_("%dm %ds"), (int) (s / 60), (int) (s % 60));
  if (s < 86400)
    return g_strdup_printf (_("%dh %dm"), (int) (s / 3600), (int) (s % 3600 / 60));
  return g_strdup_printf (_("%dd %dh"), (int) MIN (s / 86400, G_MAXINT), (int) (s % 86400 / 3600));
}

static char *
format_share (double share)
{
  return g_strdup_printf (_("%.1f %%"), 100.0 * share);
}

static void
print_steps (const WmFunnelStep *steps,
             guint               n_steps)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  char **heading = g_new0 (char *, 9);

  heading[0] = g_strdup (_("Step"));
  heading[1] = g_strdup (_("Touchpoints"));
  heading[2] = g_strdup (_("Customers"));
  heading[3] = g_strdup (_("From start"));
  heading[4] = g_strdup (_("From previous"));
  heading[5] = g_strdup (_("Dropped"));
  heading[6] = g_strdup (_("In progress"));
  heading[7] = g_strdup (_("Median time"));
  g_ptr_array_add (rows, heading);

  for (guint k = 0; k < n_steps; k++)
    {
      const WmFunnelStep *step = &steps[k];
      char **row = g_new0 (char *, 9);

      row[0] = g_strdup_printf ("%u", k + 1);
      row[1] = g_strjoinv (", ", step->touchpoints);
      row[2] = wm_cli_format_count (step->customers);
      row[3] = format_share (step->from_start);
      row[4] = k == 0 ? g_strdup ("") : format_share (step->from_previous);
      row[5] = k == 0 ? g_strdup ("") : wm_cli_format_count (step->dropped);
      row[6] = k == 0 ? g_strdup ("") : wm_cli_format_count (step->in_progress);
      row[7] = isnan (step->median_s) ? g_strdup ("") : format_duration (step->median_s);
      g_ptr_array_add (rows, row);
    }

  wm_cli_print_table (rows, "rlrrrrrr");
}

static void
print_result (const WmFunnelResult *result,
              const char           *window)
{
  /* Translators: the funnel's order (ordered, strict, unordered) and window ("14d") */
  g_print (_("Funnel, %s, conversion window %s\n\n"), wm_funnel_order_to_string (result->order), window);
  print_steps (result->steps, result->n_steps);

  for (guint s = 0; s < result->n_segments; s++)
    {
      const char *value = result->segments[s].value;

      g_autofree char *by = g_strdup_printf (_("By %s"), result->breakdown_by);

      g_print ("\n%s: %s\n", by, value[0] != '\0' ? value : "—");
      print_steps (result->segments[s].steps, result->n_steps);
    }
}

int
wm_cli_funnel (int    argc,
               char **argv)
{
  g_autofree char *db = NULL;
  g_auto(GStrv) steps = NULL;
  g_autofree char *window = NULL;
  g_autofree char *order = NULL;
  g_autofree char *by = NULL;
  gboolean as_json = FALSE;
  int top = 5;
  g_autoptr(WmFunnelQuery) query = wm_funnel_query_new ();
  g_autoptr(WmJourneys) journeys = NULL;
  g_autoptr(WmFunnelResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int status = WM_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Project file"), N_("P.waymark") },
    { "step", 0, 0, G_OPTION_ARG_STRING_ARRAY, &steps, N_("A step: a touchpoint, or several separated by commas for any of them; once per step, in order"), N_("A[,B]") },
    { "window", 0, 0, G_OPTION_ARG_STRING, &window, N_("Conversion window from entering step 1, inclusive: 90s, 30m, 12h, 7d (default 14d)"), N_("DURATION") },
    { "order", 0, 0, G_OPTION_ARG_STRING, &order, N_("ordered (default: steps in order, other events between), strict (nothing between) or unordered"), N_("ORDER") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Break down by “channel” or by a property, as on the event that entered the funnel"), N_("channel|PROPERTY") },
    { "top", 0, 0, G_OPTION_ARG_INT, &top, N_("Breakdown values shown before “Other” (default 5)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the result as JSON"), NULL },
    { NULL }
  };

  if (!wm_cli_parse_options ("funnel", NULL, _("Count how many customers reach each step. A customer counts at the furthest step any of their attempts reached; customers whose window is still open at the last event are “in progress”, not dropped."),
                             entries, &argc, &argv))
    return WM_CLI_EXIT_USAGE;

  if (argc > 1)
    {
      wm_cli_print_error (_("Unexpected argument “%s”"), argv[1]);
      return WM_CLI_EXIT_USAGE;
    }

  if (steps == NULL || g_strv_length (steps) < 2)
    {
      wm_cli_print_error (_("A funnel needs at least two --step options, like --step \"Payment notice\" --step \"Payment completed\""));
      return WM_CLI_EXIT_USAGE;
    }

  for (guint k = 0; steps[k] != NULL; k++)
    {
      g_auto(GStrv) names = g_strsplit (steps[k], ",", -1);

      for (guint i = 0; names[i] != NULL; i++)
        g_strstrip (names[i]);
      wm_funnel_query_add_step (query, (const char * const *) names);
    }

  if (!wm_cli_parse_window (window != NULL ? window : "14d", &query->window_s))
    return WM_CLI_EXIT_USAGE;

  if (order != NULL && !wm_funnel_order_from_string (order, &query->order, NULL))
    {
      wm_cli_print_error (_("Unknown --order “%s”: use ordered, strict or unordered"), order);
      return WM_CLI_EXIT_USAGE;
    }

  if (top < 1)
    {
      wm_cli_print_error (_("--top must be at least 1"));
      return WM_CLI_EXIT_USAGE;
    }

  query->breakdown_by = g_strdup (by);
  query->breakdown_top = top;

  journeys = wm_cli_load_journeys (db, &status);
  if (journeys == NULL)
    return status;

  result = wm_funnel_query_run (query, journeys, NULL, NULL, NULL, &error);
  if (result == NULL)
    return wm_cli_report_error (error);

  if (as_json)
    {
      g_autoptr(JsonNode) root = wm_funnel_result_to_json (result);

      wm_cli_print_json (root);
    }
  else
    print_result (result, window != NULL ? window : "14d");

  return WM_CLI_EXIT_OK;
}
