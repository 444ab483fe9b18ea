/* wm-cli-render.c: waymark-cli render KIND --db P.waymark --output OUT.png|svg|pdf
 *                  [--size 1600x900] [--theme light|dark|presentation] [KIND's options]
 *
 * One entry per chart kind: each adds its own options to the common ones
 * and says how to get its data from the project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-chart-export.h"
#include "wm-cli.h"
#include "wm-error.h"
#include "wm-map-json.h"
#include "wm-map-renderer.h"

typedef struct
{
  char          *db;
  char          *output;
  char          *size;
  char          *theme_name;
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
  };
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  g_autofree char *command = g_strdup_printf ("render %s", kind);
  WmThemeKind theme_kind = WM_THEME_LIGHT;

  g_array_append_vals (entries, common, G_N_ELEMENTS (common));
  for (guint i = 0; extra != NULL && extra[i].long_name != NULL; i++)
    g_array_append_val (entries, extra[i]);

  if (!wm_cli_parse_options (command, NULL, _("Draw a chart of the project as an image."),
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
  if (options->size != NULL)
    {
      char *x = NULL, *end = NULL;
      gint64 width = g_ascii_strtoll (options->size, &x, 10);
      gint64 height = x != NULL && (*x == 'x' || *x == 'X') ? g_ascii_strtoll (x + 1, &end, 10) : 0;

      if (x == options->size || end == NULL || end == x + 1 || *end != '\0' ||
          width <= 0 || height <= 0 || width > G_MAXINT || height > G_MAXINT)
        {
          wm_cli_print_error (_("--size must look like 1600x900, not “%s”"), options->size);
          return FALSE;
        }
      options->width = width;
      options->height = height;
    }

  if (options->theme_name != NULL && !wm_theme_kind_from_name (options->theme_name, &theme_kind))
    {
      wm_cli_print_error (_("Unknown theme “%s”: use light, dark or presentation"), options->theme_name);
      return FALSE;
    }
  options->theme = wm_theme_get (theme_kind);
  return TRUE;
}

static int
render_map (int    argc,
            char **argv)
{
  g_auto(RenderOptions) options = { 0 };
  g_autoptr(WmProject) project = NULL;
  g_autoptr(WmJourneyMap) map = NULL;
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

  /* The live numbers come with the analysis engine. */
  chart.map = map;
  chart.metrics = NULL;
  if (!wm_chart_export (WM_CHART_JOURNEY_MAP, &chart, options.output, options.width, options.height,
                        options.theme, NULL, &error))
    return wm_cli_report_error (error);
  return WM_CLI_EXIT_OK;
}

static const struct
{
  const char   *name;
  WmCliCommand  run;
} kinds[] = {
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
