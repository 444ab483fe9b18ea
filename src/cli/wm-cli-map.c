/* wm-cli-map.c: waymark-cli map export|import --db P.waymark FILE.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "wm-cli.h"
#include "wm-error.h"
#include "wm-map-json.h"

static gboolean
export_map (WmProject   *project,
            const char  *path,
            GError     **error)
{
  g_autoptr(WmJourneyMap) map = wm_map_json_load_project (project, error);
  g_autofree char *json = NULL;

  if (map == NULL)
    return FALSE;
  json = wm_map_json_to_string (map, TRUE);
  /* Written beside the target and renamed: never half a file. */
  return g_file_set_contents (path, json, -1, error);
}

static gboolean
import_map (WmProject   *project,
            const char  *path,
            GError     **error)
{
  g_autofree char *json = NULL;
  g_autoptr(WmJourneyMap) map = NULL;
  GStatBuf info;
  gsize length;

  /* Refused before reading it all: a map is never this large. */
  if (g_stat (path, &info) == 0 && info.st_size > WM_MAP_JSON_MAX_BYTES)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT,
                   _("The journey map is not valid: it is larger than %d MB."),
                   WM_MAP_JSON_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  if (!g_file_get_contents (path, &json, &length, error))
    return FALSE;

  map = wm_map_json_parse (json, length, error);
  if (map == NULL)
    return FALSE;
  return wm_map_json_save_project (project, map, error);
}

int
wm_cli_map (int    argc,
            char **argv)
{
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = NULL;
  const char *action;
  int status = WM_CLI_EXIT_OK;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db, N_("The project"), N_("PROJECT.waymark") },
    { NULL }
  };

  if (!wm_cli_parse_options ("map", "export|import FILE.json",
                             _("Export the project’s journey map as JSON, or replace it with one."),
                             entries, &argc, &argv))
    return WM_CLI_EXIT_USAGE;

  if (argc != 3 || (!g_str_equal (argv[1], "export") && !g_str_equal (argv[1], "import")))
    {
      wm_cli_print_error (_("Usage: waymark-cli map export|import --db PROJECT.waymark FILE.json"));
      return WM_CLI_EXIT_USAGE;
    }
  action = argv[1];

  project = wm_cli_open_project (db, &status);
  if (project == NULL)
    return status;

  if (g_str_equal (action, "export"))
    ok = export_map (project, argv[2], &error);
  else
    ok = import_map (project, argv[2], &error);

  if (!ok)
    return wm_cli_report_error (error);
  return WM_CLI_EXIT_OK;
}
