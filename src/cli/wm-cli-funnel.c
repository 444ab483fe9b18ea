/* wm-cli-funnel.c: waymark-cli funnel --db P.waymark --step A[,B] --step C …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "wm-analysis-json.h"
#include "wm-cli-query.h"

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
      row[2] = wm_format_count (step->customers);
      row[3] = wm_format_percent (step->from_start, 1);
      row[4] = k == 0 ? g_strdup ("") : wm_format_percent (step->from_previous, 1);
      row[5] = k == 0 ? g_strdup ("") : wm_format_count (step->dropped);
      row[6] = k == 0 ? g_strdup ("") : wm_format_count (step->in_progress);
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
  g_auto(WmCliFunnelOptions) funnel = { 0 };
  g_autofree char *db = NULL;
  gboolean as_json = FALSE;
  g_autoptr(GArray) entries = wm_cli_entries_new ();
  g_autoptr(WmFunnelQuery) query = NULL;
  g_autoptr(WmJourneys) journeys = NULL;
  g_autoptr(WmFunnelResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int status = WM_CLI_EXIT_OK;
  const GOptionEntry db_entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Project file"), N_("P.waymark") },
    { NULL }
  };
  const GOptionEntry output_entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the result as JSON"), NULL },
    { NULL }
  };

  wm_cli_funnel_options_init (&funnel);
  wm_cli_entries_add (entries, db_entries);
  wm_cli_entries_add (entries, funnel.entries);
  wm_cli_entries_add (entries, output_entries);
  if (!wm_cli_parse_options ("funnel", NULL, _("Count how many customers reach each step. A customer counts at the furthest step any of their attempts reached; customers whose window is still open at the last event are “in progress”, not dropped."),
                             (const GOptionEntry *) entries->data, &argc, &argv))
    return WM_CLI_EXIT_USAGE;

  if (argc > 1)
    {
      wm_cli_print_error (_("Unexpected argument “%s”"), argv[1]);
      return WM_CLI_EXIT_USAGE;
    }

  query = wm_cli_funnel_options_query (&funnel);
  if (query == NULL)
    return WM_CLI_EXIT_USAGE;

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
    print_result (result, funnel.window != NULL ? funnel.window : "14d");

  return WM_CLI_EXIT_OK;
}
