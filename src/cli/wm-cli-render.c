/* wm-cli-render.c: waymark-cli render KIND --db P.waymark --output OUT.png|svg|pdf
 *                  [--size 1600x900] [--theme light|dark|presentation] [--title T]
 *                  [KIND's options: funnel's and flow's are their commands']
 *
 * One entry per chart kind: each adds its own options to the common ones
 * and says how to get its data from the project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-chart-export.h"
#include "wm-cli-query.h"
#include "wm-error.h"
#include "wm-map-json.h"
#include "wm-map-metrics-compute.h"
#include "wm-map-renderer.h"

typedef struct
{
  char          *db;
  char          *output;
  char          *size;
  char          *theme_name;
  char          *title;
  int            width;
  int            height;
  const WmTheme *theme;
} RenderOptions;

static void
render_options_clear (RenderOptions *options)
{
  g_free (options->db);
  g_free (options->output);
  g_free (options->size);
  g_free (options->theme_name);
  g_free (options->title);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RenderOptions, render_options_clear)

/* Parses the common options followed by @extra (may be NULL); prints and
 * returns FALSE on bad usage. */
static gboolean
parse_options (const char          *kind,
               const GOptionEntry  *extra,
               RenderOptions       *options,
               int                 *argc,
               char              ***argv)
{
  const GOptionEntry common[] = {
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &options->db, N_("The project"), N_("PROJECT.waymark") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options->output,
      N_("The image to write (.png, .svg or .pdf)"), N_("FILE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &options->size,
      N_("Width×height in pixels (default 1600x900)"), N_("WxH") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &options->theme_name,
      N_("light, dark or presentation (default light)"), N_("THEME") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &options->title, N_("A title above the chart"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GArray) entries = wm_cli_entries_new ();
  g_autofree char *command = g_strdup_printf ("render %s", kind);
  WmThemeKind theme_kind = WM_THEME_LIGHT;

  wm_cli_entries_add (entries, common);
  wm_cli_entries_add (entries, extra);

  if (!wm_cli_parse_options (command, kind, _("Draw a chart of the project as an image."),
                             (const GOptionEntry *) entries->data, argc, argv))
    return FALSE;

  if (*argc > 1)
    {
      wm_cli_print_error (_("Unexpected argument “%s” (see “waymark-cli %s --help”)"), (*argv)[1], command);
      return FALSE;
    }
  if (options->output == NULL)
    {
      wm_cli_print_error (_("Missing --output FILE (.png, .svg or .pdf)"));
      return FALSE;
    }

  options->width = 1600;
  options->height = 900;
  if (options->size != NULL && !wm_cli_parse_size ("--size", options->size, &options->width, &options->height))
    return FALSE;

  if (options->theme_name != NULL && !wm_theme_kind_from_name (options->theme_name, &theme_kind))
    {
      wm_cli_print_error (_("Unknown theme “%s”: use light, dark or presentation"), options->theme_name);
      return FALSE;
    }
  options->theme = wm_theme_get (theme_kind);
  return TRUE;
}

static int
export (const RenderOptions *options,
        WmChartKind          kind,
        gconstpointer        data)
{
  g_autoptr(GError) error = NULL;

  if (!wm_chart_export (kind, data, options->output, options->width, options->height, options->theme,
                        options->title, &error))
    return wm_cli_report_error (error);
  return WM_CLI_EXIT_OK;
}

/* The map's live numbers when the project has events; NULL (and no error)
 * when it has none. */
static gboolean
map_metrics (WmProject     *project,
             WmJourneyMap  *map,
             WmMapMetrics **metrics,
             GError       **error)
{
  g_autoptr(WmJourneys) journeys = wm_journeys_load (project, NULL, NULL, NULL, error);

  *metrics = NULL;
  if (journeys == NULL)
    return FALSE;
  if (wm_journeys_get_n_events (journeys) == 0)
    return TRUE;
  *metrics = wm_map_metrics_compute (map, journeys, WM_MAP_METRICS_WINDOW_S, NULL, error);
  return *metrics != NULL;
}

static int
render_map (int    argc,
            char **argv)
{
  g_auto(RenderOptions) options = { 0 };
  g_autoptr(WmProject) project = NULL;
  g_autoptr(WmJourneyMap) map = NULL;
  g_autoptr(WmMapMetrics) metrics = NULL;
  g_autoptr(GError) error = NULL;
  WmMapChart chart;
  int status = WM_CLI_EXIT_OK;

  if (!parse_options ("map", NULL, &options, &argc, &argv))
    return WM_CLI_EXIT_USAGE;

  project = wm_cli_open_project (options.db, &status);
  if (project == NULL)
    return status;

  map = wm_map_json_load_project (project, &error);
  if (map == NULL)
    return wm_cli_report_error (error);
  if (wm_journey_map_get_n_stages (map) == 0 && wm_journey_map_get_n_lanes (map) == 0)
    {
      g_autofree char *name = g_filename_display_name (options.db);

      wm_cli_print_error (_("“%s” has no journey map yet; add one with “waymark-cli map import”"), name);
      return WM_CLI_EXIT_USAGE;
    }
  if (!map_metrics (project, map, &metrics, &error))
    return wm_cli_report_error (error);

  /* The map draws its own title. */
  if (options.title != NULL)
    wm_journey_map_set_title (map, options.title);
  g_clear_pointer (&options.title, g_free);
  chart.map = map;
  chart.metrics = metrics;
  return export (&options, WM_CHART_JOURNEY_MAP, &chart);
}

static int
render_funnel (int    argc,
               char **argv)
{
  g_auto(RenderOptions) options = { 0 };
  g_auto(WmCliFunnelOptions) funnel = { 0 };
  g_autoptr(WmFunnelQuery) query = NULL;
  g_autoptr(WmJourneys) journeys = NULL;
  g_autoptr(WmFunnelResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int status = WM_CLI_EXIT_OK;

  wm_cli_funnel_options_init (&funnel);
  if (!parse_options ("funnel", funnel.entries, &options, &argc, &argv))
    return WM_CLI_EXIT_USAGE;
  query = wm_cli_funnel_options_query (&funnel);
  if (query == NULL)
    return WM_CLI_EXIT_USAGE;

  journeys = wm_cli_load_journeys (options.db, &status);
  if (journeys == NULL)
    return status;
  result = wm_funnel_query_run (query, journeys, NULL, NULL, NULL, &error);
  if (result == NULL)
    return wm_cli_report_error (error);
  return export (&options, WM_CHART_FUNNEL, result);
}

static int
render_flow (int    argc,
             char **argv)
{
  g_auto(RenderOptions) options = { 0 };
  g_auto(WmCliFlowOptions) flow = { 0 };
  g_autoptr(WmFlowQuery) query = NULL;
  g_autoptr(WmJourneys) journeys = NULL;
  g_autoptr(WmFlowGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  int status = WM_CLI_EXIT_OK;

  wm_cli_flow_options_init (&flow);
  if (!parse_options ("flow", flow.entries, &options, &argc, &argv))
    return WM_CLI_EXIT_USAGE;
  query = wm_cli_flow_options_query (&flow);
  if (query == NULL)
    return WM_CLI_EXIT_USAGE;

  journeys = wm_cli_load_journeys (options.db, &status);
  if (journeys == NULL)
    return status;
  graph = wm_flow_query_run (query, journeys, NULL, NULL, NULL, &error);
  if (graph == NULL)
    return wm_cli_report_error (error);
  return export (&options, WM_CHART_SANKEY, graph);
}

static const struct
{
  const char   *name;
  WmCliCommand  run;
} kinds[] = {
  { "funnel", render_funnel },
  { "flow", render_flow },
  { "map", render_map },
};

int
wm_cli_render (int    argc,
               char **argv)
{
  g_autoptr(GString) names = g_string_new (NULL);

  if (argc >= 2)
    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      if (g_str_equal (argv[1], kinds[i].name))
        return kinds[i].run (argc - 1, argv + 1);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? "|" : "", kinds[i].name);
  wm_cli_print_error (_("Usage: waymark-cli render %s --db PROJECT.waymark --output FILE"), names->str);
  return WM_CLI_EXIT_USAGE;
}
