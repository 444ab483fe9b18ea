/* waymark-cli.c: the command line; DESIGN.md holds the contract
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "wm-cli.h"

typedef struct
{
  const char   *name;
  WmCliCommand  run;
  const char   *summary;
} Command;

static const Command commands[] = {
  { "demo", wm_cli_demo, N_("Generate the bank demo project (or its CSV)") },
  { "import", wm_cli_import, N_("Import touchpoint logs (CSV or JSON Lines)") },
  { "stats", wm_cli_stats, N_("Summarise the events in a project") },
  { "render", wm_cli_render, N_("Draw a chart of a project as PNG, SVG or PDF") },
  { "map", wm_cli_map, N_("Export or import a project’s journey map (JSON)") },
  { "funnel", wm_cli_funnel, N_("How many customers reach each step of a funnel") },
  { "flow", wm_cli_flow, N_("Where customers go next, step by step (Sankey)") },
  { "leakage", wm_cli_leakage, N_("Per channel, how many customers complete a goal there") },
};

static void
print_usage (void)
{
  g_printerr ("%s\n\n", _("Usage: waymark-cli COMMAND [OPTION…]"));
  g_printerr ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_printerr ("  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_printerr ("\n%s\n", _("Run “waymark-cli COMMAND --help” for a command’s options."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage ();
      return WM_CLI_EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage ();
      return WM_CLI_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("waymark-cli %s\n", PACKAGE_VERSION);
      return WM_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree char *prgname = g_strconcat ("waymark-cli ", commands[i].name, NULL);

        /* A command's --help reads "waymark-cli import [OPTION…] FILE…". */
        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }

  wm_cli_print_error (_("Unknown command “%s”. Run “waymark-cli --help” for the list."), argv[1]);
  return WM_CLI_EXIT_USAGE;
}
