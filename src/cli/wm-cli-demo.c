/* wm-cli-demo.c: waymark-cli demo --output P.waymark|P.csv [--customers N] [--seed S]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "wm-cli.h"
#include "wm-demo.h"
#include "wm-error.h"

static gboolean
write_project (const char  *path,
               guint        customers,
               guint64      seed,
               GError     **error)
{
  g_autofree char *partial = g_strdup_printf ("%s.partial", path);
  g_autofree char *wal = g_strdup_printf ("%s-wal", partial);
  g_autofree char *shm = g_strdup_printf ("%s-shm", partial);
  g_autoptr(WmProject) project = NULL;

  /* Built under another name and renamed when complete, so an interrupted
   * run never leaves a half-made project behind. */
  g_unlink (partial);
  project = wm_project_open (partial, WM_PROJECT_OPEN_CREATE, error);
  if (project == NULL)
    return FALSE;

  if (!wm_demo_write_project (project, customers, seed, error))
    {
      g_clear_object (&project);
      g_unlink (partial);
      g_unlink (wal);
      g_unlink (shm);
      return FALSE;
    }

  g_clear_object (&project);

  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), name, g_strerror (saved_errno));
      g_unlink (partial);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_csv (const char  *path,
           guint        customers,
           guint64      seed,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileOutputStream) output = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);

  if (output == NULL)
    return FALSE;

  if (!wm_demo_write_csv (G_OUTPUT_STREAM (output), customers, seed, error))
    {
      g_output_stream_close (G_OUTPUT_STREAM (output), NULL, NULL);
      g_file_delete (file, NULL, NULL);
      return FALSE;
    }

  /* g_file_replace() only replaces the target once the stream closes well. */
  return g_output_stream_close (G_OUTPUT_STREAM (output), NULL, error);
}

int
wm_cli_demo (int    argc,
             char **argv)
{
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  int customers = WM_DEMO_DEFAULT_CUSTOMERS;
  gint64 seed = WM_DEMO_DEFAULT_SEED;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the demo (.waymark project or .csv log)"), N_("FILE") },
    { "customers", 'n', 0, G_OPTION_ARG_INT, &customers, N_("Number of customers (default 50000)"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, N_("Random seed; the same seed gives the same data"), N_("S") },
    { NULL }
  };

  if (!wm_cli_parse_options ("demo", NULL, _("Generate the bank payment-journey demo."),
                             entries, &argc, &argv))
    return WM_CLI_EXIT_USAGE;

  if (output == NULL)
    {
      wm_cli_print_error (_("Missing --output FILE (a .waymark project or a .csv log)"));
      return WM_CLI_EXIT_USAGE;
    }

  if (customers < 1)
    {
      wm_cli_print_error (_("--customers must be at least 1"));
      return WM_CLI_EXIT_USAGE;
    }

  if (g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_name (output);

      wm_cli_print_error (_("“%s” already exists; choose another name or remove it first"), name);
      return WM_CLI_EXIT_USAGE;
    }

  if (g_str_has_suffix (output, ".csv"))
    {
      if (!write_csv (output, customers, seed, &error))
        return wm_cli_report_error (error);
    }
  else if (!write_project (output, customers, seed, &error))
    return wm_cli_report_error (error);

  return WM_CLI_EXIT_OK;
}
