/* wm-cli-import.c: waymark-cli import --db P.waymark [OPTION…] FILE…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <unistd.h>

#include "wm-cli.h"
#include "wm-error.h"
#include "wm-importer.h"

/* The JSON lists at most this many rejects; the project keeps them all. */
#define MAX_LISTED_REJECTS 1000

typedef struct
{
  const char *name;
  gint64      last_update;
} Progress;

static void
print_progress (guint64  bytes_read,
                guint64  bytes_total,
                guint64  events,
                gpointer user_data)
{
  Progress *progress = user_data;
  gint64 now = g_get_monotonic_time ();
  g_autofree char *count = NULL;

  if (now - progress->last_update < G_USEC_PER_SEC / 4)
    return;
  progress->last_update = now;

  count = wm_format_count (events);
  g_printerr ("\r");
  if (bytes_total > 0)
    {
      /* Translators: progress of an import: file name, percentage read, events so far */
      g_autofree char *read = wm_format_percent ((double) bytes_read / (double) bytes_total, 0);

      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s: %s, %s event", "%s: %s, %s events", events),
                  progress->name, read, count);
    }
  else
    {
      /* Translators: progress of an import: file name, events so far */
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s: %s event", "%s: %s events", events),
                  progress->name, count);
    }
}

static void
add_rejects (WmProject      *project,
             WmImportResult *result,
             JsonBuilder    *builder,
             gboolean        as_json)
{
  g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (project,
                                                     "SELECT file, line, reason FROM rejects WHERE import = ?"
                                                     " ORDER BY rowid LIMIT ?",
                                                     NULL);
  guint listed = 0;

  if (stmt == NULL)
    return;

  for (guint i = 0; i < result->import_ids->len && listed < MAX_LISTED_REJECTS; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (result->import_ids, gint64, i));
      sqlite3_bind_int (stmt, 2, MAX_LISTED_REJECTS - listed);

      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *file = (const char *) sqlite3_column_text (stmt, 0);
          gint64 line = sqlite3_column_int64 (stmt, 1);
          const char *reason = (const char *) sqlite3_column_text (stmt, 2);

          listed++;
          if (!as_json)
            {
              if (listed <= 20)
                g_print ("  %s:%" G_GINT64_FORMAT ": %s\n", file, line, reason);
              continue;
            }

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "file");
          json_builder_add_string_value (builder, file);
          json_builder_set_member_name (builder, "line");
          json_builder_add_int_value (builder, line);
          json_builder_set_member_name (builder, "reason");
          json_builder_add_string_value (builder, reason);
          json_builder_end_object (builder);
        }
    }

  if (!as_json && result->rejected > 20)
    {
      g_autofree char *more = wm_format_count (result->rejected - 20);

      g_print (_("  … and %s more (all are kept in the project)\n"), more);
    }
}

static void
print_result (WmProject      *project,
              WmImportResult *result,
              gboolean        as_json)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (!as_json)
    {
      g_autofree char *imported = wm_format_count (result->imported);
      g_autofree char *customers = wm_format_count (result->customers);
      g_autofree char *rejected = wm_format_count (result->rejected);

      /* Translators: these three are printed one after the other as one
       * sentence: "Imported 5 events of 3 customers; 0 rows rejected." */
      g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %s event", "Imported %s events",
                            result->imported), imported);
      g_print (g_dngettext (GETTEXT_PACKAGE, " of %s customer", " of %s customers",
                            result->customers), customers);
      g_print (g_dngettext (GETTEXT_PACKAGE, "; %s row rejected.\n", "; %s rows rejected.\n",
                            result->rejected), rejected);
      add_rejects (project, result, NULL, FALSE);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "imported");
  json_builder_add_int_value (builder, result->imported);
  json_builder_set_member_name (builder, "rejected");
  json_builder_add_int_value (builder, result->rejected);
  json_builder_set_member_name (builder, "customers");
  json_builder_add_int_value (builder, result->customers);
  json_builder_set_member_name (builder, "rejects");
  json_builder_begin_array (builder);
  add_rejects (project, result, builder, TRUE);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "rejects_truncated");
  json_builder_add_boolean_value (builder, result->rejected > MAX_LISTED_REJECTS);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  wm_cli_print_json (root);
}

static gboolean
import_one (WmProject              *project,
            const char             *arg,
            const WmImportOptions  *options,
            WmImportResult         *result,
            GError                **error)
{
  Progress progress = { arg, g_get_monotonic_time () };
  gboolean show = isatty (STDERR_FILENO);
  gboolean ok;

  if (g_str_equal (arg, "-"))
    {
      g_autoptr(GInputStream) input = g_unix_input_stream_new (STDIN_FILENO, FALSE);

      ok = wm_import_stream (project, input, "stdin", 0, options, result,
                             show ? print_progress : NULL, &progress, NULL, error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (arg);

      ok = wm_import_file (project, file, options, result,
                           show ? print_progress : NULL, &progress, NULL, error);
    }

  if (show)
    g_printerr ("\r\033[K");

  return ok;
}

int
wm_cli_import (int    argc,
               char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *format = NULL;
  g_autofree char *timezone = NULL;
  g_auto(GStrv) maps = NULL;
  g_auto(GStrv) files = NULL;
  gboolean force = FALSE;
  gboolean as_json = FALSE;
  g_autoptr(WmImportOptions) options = wm_import_options_new ();
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(WmProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gboolean existed;
  int status = WM_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Project file (created if missing)"), N_("P.waymark") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("auto (default), csv or jsonl"), N_("FORMAT") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps, N_("Read FIELD (customer, timestamp, touchpoint, channel) from column or key NAME"), N_("FIELD=NAME") },
    { "timezone", 0, 0, G_OPTION_ARG_STRING, &timezone, N_("Time zone of timestamps without an offset (default UTC)"), N_("TZ") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Import files even if their content was imported before"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the result as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };

  if (!wm_cli_parse_options ("import", NULL, _("Import touchpoint logs (CSV or JSON Lines; “-” reads standard input)."),
                             entries, &argc, &argv))
    return WM_CLI_EXIT_USAGE;

  if (db == NULL || files == NULL || files[0] == NULL)
    {
      wm_cli_print_error (db == NULL ? _("Missing --db PROJECT.waymark") : _("Name at least one FILE to import"));
      return WM_CLI_EXIT_USAGE;
    }

  if (format == NULL || g_str_equal (format, "auto"))
    options->format = WM_IMPORT_FORMAT_AUTO;
  else if (g_str_equal (format, "csv"))
    options->format = WM_IMPORT_FORMAT_CSV;
  else if (g_str_equal (format, "jsonl"))
    options->format = WM_IMPORT_FORMAT_JSONL;
  else
    {
      wm_cli_print_error (_("Unknown format “%s”: use auto, csv or jsonl"), format);
      return WM_CLI_EXIT_USAGE;
    }

  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    if (!wm_import_options_parse_mapping (options, maps[i], &error))
      return wm_cli_report_error (error);

  if (timezone != NULL && !wm_import_options_set_timezone (options, timezone, &error))
    return wm_cli_report_error (error);

  options->force = force;

  existed = g_file_test (db, G_FILE_TEST_EXISTS);
  project = wm_project_open (db, WM_PROJECT_OPEN_CREATE, &error);
  if (project == NULL)
    return wm_cli_report_error (error);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GError) file_error = NULL;

      if (!import_one (project, files[i], options, result, &file_error))
        {
          int file_status = wm_cli_report_error (file_error);

          /* A failed file never hides a worse failure of another. */
          if (status == WM_CLI_EXIT_OK || file_status == WM_CLI_EXIT_FAILURE)
            status = file_status;
        }
    }

  /* "Imported 0 events" would read as a success next to the refusal. */
  if (as_json || status == WM_CLI_EXIT_OK || result->import_ids->len > 0)
    print_result (project, result, as_json);

  /* A project made for this command and left empty is not kept. */
  if (!existed && result->import_ids->len == 0)
    {
      g_autofree char *wal = g_strdup_printf ("%s-wal", db);
      g_autofree char *shm = g_strdup_printf ("%s-shm", db);

      g_clear_object (&project);
      g_unlink (db);
      g_unlink (wal);
      g_unlink (shm);
    }

  return status;
}
