/* wm-cli-stats.c: waymark-cli stats --db P.waymark [--json]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "wm-cli.h"
#include "wm-timestamp.h"

typedef struct
{
  char    *name;
  gint64   events;
  gint64   customers;
} Count;

static void
count_clear (gpointer data)
{
  g_free (((Count *) data)->name);
}

/* Events and distinct customers per dictionary entry, most events first. */
static GArray *
count_by (WmProject   *project,
          const char  *sql,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (project, sql, error);
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (Count));
  int rc;

  if (stmt == NULL)
    return NULL;

  g_array_set_clear_func (counts, count_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Count count = {
        g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
        sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int64 (stmt, 2),
      };

      g_array_append_val (counts, count);
    }

  if (rc != SQLITE_DONE)
    {
      wm_project_set_sqlite_error (project, rc, "stats", error);
      return NULL;
    }

  return g_steal_pointer (&counts);
}

static void
add_counts (JsonBuilder *builder,
            const char  *member,
            GArray      *counts)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < counts->len; i++)
    {
      const Count *count = &g_array_index (counts, Count, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, count->name);
      json_builder_set_member_name (builder, "events");
      json_builder_add_int_value (builder, count->events);
      json_builder_set_member_name (builder, "customers");
      json_builder_add_int_value (builder, count->customers);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_counts (const char *heading,
              GArray     *counts)
{
  const char *events = _("Events");
  const char *customers = _("Customers");
  int width = MAX (10, wm_cli_display_width (heading));

  for (guint i = 0; i < counts->len; i++)
    width = MAX (width, wm_cli_display_width (g_array_index (counts, Count, i).name));

  /* Translated headings may be CJK too. */
  g_print ("\n%s%*s %*s%s %*s%s\n",
           heading, width - wm_cli_display_width (heading), "",
           MAX (0, 12 - wm_cli_display_width (events)), "", events,
           MAX (0, 12 - wm_cli_display_width (customers)), "", customers);
  for (guint i = 0; i < counts->len; i++)
    {
      const Count *count = &g_array_index (counts, Count, i);
      /* printf pads bytes, not columns: pad by hand. */
      int pad = width - wm_cli_display_width (count->name);

      g_autofree char *n_events = wm_format_count ((guint64) MAX (0, count->events));
      g_autofree char *n_customers = wm_format_count ((guint64) MAX (0, count->customers));

      g_print ("%s%*s %*s%s %*s%s\n",
               count->name, pad, "",
               MAX (0, 12 - wm_cli_display_width (n_events)), "", n_events,
               MAX (0, 12 - wm_cli_display_width (n_customers)), "", n_customers);
    }
}

int
wm_cli_stats (int    argc,
              char **argv)
{
  g_autofree char *db = NULL;
  gboolean as_json = FALSE;
  g_autoptr(WmProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) touchpoints = NULL;
  g_autoptr(GArray) channels = NULL;
  g_autoptr(sqlite3_stmt) totals = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *events_text = NULL;
  g_autofree char *customers_text = NULL;
  g_autofree char *imports_text = NULL;
  g_autofree char *rejected_text = NULL;
  gint64 events, customers, imports, rejected;
  int status = WM_CLI_EXIT_OK;
  int rc;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Project file"), N_("P.waymark") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the result as JSON"), NULL },
    { NULL }
  };

  if (!wm_cli_parse_options ("stats", NULL, _("Summarise the events in a project."),
                             entries, &argc, &argv))
    return WM_CLI_EXIT_USAGE;

  if (argc > 1)
    {
      wm_cli_print_error (_("Unexpected argument “%s”"), argv[1]);
      return WM_CLI_EXIT_USAGE;
    }

  project = wm_cli_open_project (db, &status);
  if (project == NULL)
    return status;

  totals = wm_project_prepare (project,
                               "SELECT (SELECT count(*) FROM events),"
                               " (SELECT count(DISTINCT customer) FROM events),"
                               " (SELECT min(ts) FROM events), (SELECT max(ts) FROM events),"
                               " (SELECT count(*) FROM imports), (SELECT count(*) FROM rejects)",
                               &error);
  if (totals == NULL)
    return wm_cli_report_error (error);

  rc = sqlite3_step (totals);
  if (rc != SQLITE_ROW)
    {
      wm_project_set_sqlite_error (project, rc, "stats", &error);
      return wm_cli_report_error (error);
    }

  events = sqlite3_column_int64 (totals, 0);
  customers = sqlite3_column_int64 (totals, 1);
  if (sqlite3_column_type (totals, 2) != SQLITE_NULL)
    {
      first = wm_timestamp_format_iso (sqlite3_column_int64 (totals, 2));
      last = wm_timestamp_format_iso (sqlite3_column_int64 (totals, 3));
    }
  imports = sqlite3_column_int64 (totals, 4);
  rejected = sqlite3_column_int64 (totals, 5);

  touchpoints = count_by (project,
                          "SELECT t.name, count(*), count(DISTINCT e.customer) FROM events e"
                          " JOIN touchpoints t ON t.id = e.touchpoint"
                          " GROUP BY e.touchpoint ORDER BY 2 DESC, 1",
                          &error);
  if (touchpoints == NULL)
    return wm_cli_report_error (error);

  channels = count_by (project,
                       "SELECT c.name, count(*), count(DISTINCT e.customer) FROM events e"
                       " JOIN channels c ON c.id = e.channel"
                       " GROUP BY e.channel ORDER BY 2 DESC, 1",
                       &error);
  if (channels == NULL)
    return wm_cli_report_error (error);

  if (as_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "events");
      json_builder_add_int_value (builder, events);
      json_builder_set_member_name (builder, "customers");
      json_builder_add_int_value (builder, customers);
      add_counts (builder, "touchpoints", touchpoints);
      add_counts (builder, "channels", channels);
      json_builder_set_member_name (builder, "first_ts");
      if (first != NULL)
        json_builder_add_string_value (builder, first);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "last_ts");
      if (last != NULL)
        json_builder_add_string_value (builder, last);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "imports");
      json_builder_add_int_value (builder, imports);
      json_builder_set_member_name (builder, "rejected");
      json_builder_add_int_value (builder, rejected);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      wm_cli_print_json (root);
      return WM_CLI_EXIT_OK;
    }

  events_text = wm_format_count (events);
  customers_text = wm_format_count (customers);
  imports_text = wm_format_count (imports);
  rejected_text = wm_format_count (rejected);

  /* Translators: the labels of this summary are padded to line up the values */
  g_print (_("Events:    %s\n"), events_text);
  g_print (_("Customers: %s\n"), customers_text);
  if (first != NULL)
    g_print (_("Period:    %s – %s\n"), first, last);
  g_print (_("Imports:   %s (%s rows rejected)\n"), imports_text, rejected_text);
  print_counts (_("Touchpoint"), touchpoints);
  print_counts (_("Channel"), channels);

  return WM_CLI_EXIT_OK;
}
