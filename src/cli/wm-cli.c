/* wm-cli.c: helpers shared by the waymark-cli commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "wm-cli.h"
#include "wm-error.h"
#include "wm-timestamp.h"

void
wm_cli_print_error (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* One readable line, whatever the message holds. */
  g_strdelimit (message, "\r\n", ' ');
  g_printerr ("waymark-cli: %s\n", message);
}

int
wm_cli_report_error (const GError *error)
{
  wm_cli_print_error ("%s", error->message);

  if (error->domain == G_OPTION_ERROR)
    return WM_CLI_EXIT_USAGE;

  if (error->domain == WM_ERROR)
    {
      switch ((WmError) error->code)
        {
        case WM_ERROR_NOT_A_PROJECT:
        case WM_ERROR_NEWER_VERSION:
        case WM_ERROR_EMPTY_FILE:
        case WM_ERROR_NO_USABLE_HEADER:
        case WM_ERROR_UNKNOWN_FORMAT:
        case WM_ERROR_ALREADY_IMPORTED:
        case WM_ERROR_INVALID_ARGUMENT:
        case WM_ERROR_INVALID_DOCUMENT:
          return WM_CLI_EXIT_USAGE;

        case WM_ERROR_FAILED:
        case WM_ERROR_CORRUPT:
        case WM_ERROR_READ_ONLY:
        case WM_ERROR_DISK_FULL:
        case WM_ERROR_IO:
        case WM_ERROR_CANCELLED:
        default:
          return WM_CLI_EXIT_FAILURE;
        }
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return WM_CLI_EXIT_USAGE;

  return WM_CLI_EXIT_FAILURE;
}

gboolean
wm_cli_parse_options (const char          *command,
                      const char          *parameter_string,
                      const char          *summary,
                      const GOptionEntry  *entries,
                      int                 *argc,
                      char              ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  context = g_option_context_new (parameter_string);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      /* Translators: the first %s is what is wrong, the second a command name */
      wm_cli_print_error (_("%s (see “waymark-cli %s --help”)"), error->message, command);
      return FALSE;
    }

  return TRUE;
}

WmProject *
wm_cli_open_project (const char *path,
                     int        *exit_status)
{
  g_autoptr(GError) error = NULL;
  WmProject *project;

  if (path == NULL)
    {
      wm_cli_print_error (_("Missing --db PROJECT.waymark"));
      *exit_status = WM_CLI_EXIT_USAGE;
      return NULL;
    }

  project = wm_project_open (path, WM_PROJECT_OPEN_DEFAULT, &error);
  if (project == NULL)
    {
      /* A missing or foreign project file is unusable input. */
      *exit_status = wm_cli_report_error (error);
      if (g_error_matches (error, WM_ERROR, WM_ERROR_IO) && !g_file_test (path, G_FILE_TEST_EXISTS))
        *exit_status = WM_CLI_EXIT_USAGE;
      return NULL;
    }

  return project;
}

void
wm_cli_print_json (gpointer json_node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, json_node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

int
wm_cli_display_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;

  return width;
}

void
wm_cli_print_table (GPtrArray  *rows,
                    const char *align)
{
  guint n_columns = strlen (align);
  g_autofree int *widths = g_new0 (int, n_columns);

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = rows->pdata[r];

      for (guint i = 0; i < n_columns && cells[i] != NULL; i++)
        widths[i] = MAX (widths[i], wm_cli_display_width (cells[i]));
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = rows->pdata[r];
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint i = 0; i < n_columns && cells[i] != NULL; i++)
        {
          /* printf pads bytes, not columns: pad by hand. */
          int pad = widths[i] - wm_cli_display_width (cells[i]);

          if (i > 0)
            g_string_append (line, "  ");
          if (align[i] == 'r')
            g_string_append_printf (line, "%*s%s", pad, "", cells[i]);
          else if (i + 1 < n_columns && cells[i + 1] != NULL)
            g_string_append_printf (line, "%s%*s", cells[i], pad, "");
          else
            g_string_append (line, cells[i]);
        }
      /* No trailing blanks after empty last cells. */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }
}

gboolean
wm_cli_parse_window (const char *text,
                     gint64     *seconds)
{
  g_autoptr(GError) error = NULL;

  if (wm_duration_parse (text, seconds, &error))
    return TRUE;

  /* Translators: %s is why the duration cannot be read */
  wm_cli_print_error (_("--window: %s"), error->message);
  return FALSE;
}

WmJourneys *
wm_cli_load_journeys (const char *path,
                      int        *exit_status)
{
  g_autoptr(WmProject) project = wm_cli_open_project (path, exit_status);
  g_autoptr(GError) error = NULL;
  WmJourneys *journeys;

  if (project == NULL)
    return NULL;

  journeys = wm_journeys_load (project, NULL, NULL, NULL, &error);
  if (journeys == NULL)
    *exit_status = wm_cli_report_error (error);

  return journeys;
}
