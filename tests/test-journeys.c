/* test-journeys.c: the persisted journey cache is used, refreshed by
 * imports, rolled back with a cancelled import, and rebuilt when missing
 * or stale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-analysis-fixtures.h"
#include "wm-error.h"
#include "wm-importer.h"
#include "wm-journeys-private.h"
#include "wm-reference-analysis.h"

static const char first_file[] =
  "customer,timestamp,touchpoint,channel\n"
  "a,2026-01-01T00:00:00Z,A,web\n"
  "a,2026-01-01T00:10:00Z,B,web\n"
  "b,2026-01-01T00:00:00Z,A,app\n";

static const char second_file[] =
  "customer,timestamp,touchpoint,channel\n"
  "b,2026-01-01T00:05:00Z,B,app\n"
  "c,2026-01-01T00:00:00Z,A,ivr\n"
  "a,2025-12-31T23:00:00Z,C,web\n";

static gint64
count (WmProject  *project,
       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (project, sql, NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
assert_matches_events (WmTestProject *data)
{
  g_autoptr(WmFunnelQuery) query = wm_test_funnel_query ("A|B", WM_FUNNEL_ORDERED, 3600, "channel");
  g_autoptr(WmFunnelResult) expected = wm_reference_funnel (data->project, query);
  g_autoptr(WmFunnelResult) actual = wm_funnel_query_run (query, data->journeys, NULL, NULL, NULL, NULL);

  g_assert_nonnull (actual);
  wm_assert_funnels_equal (expected, actual);
  g_assert_cmpuint (wm_journeys_get_n_events (data->journeys), ==,
                    count (data->project, "SELECT count(*) FROM events"));
  g_assert_cmpuint (wm_journeys_get_n_customers (data->journeys), ==,
                    count (data->project, "SELECT count(DISTINCT customer) FROM events"));
  g_assert_cmpint (wm_journeys_get_last_ts (data->journeys), ==,
                   count (data->project, "SELECT max(ts) FROM events"));
}

/* The cache is current when its tag matches the events and imports. */
static gboolean
cache_is_current (WmProject *project)
{
  return count (project,
                "SELECT count(*) FROM journey_cache WHERE"
                " events_rowid = (SELECT max(rowid) FROM events) AND"
                " imports_id = (SELECT max(id) FROM imports)") == 1;
}

static void
reload (WmTestProject *data)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&data->journeys, wm_journeys_unref);
  data->journeys = wm_journeys_load (data->project, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Replaces the cached touchpoint of every event of @data with A's id
 * (part 3 holds touchpoint ids, a byte each when there are few). */
static void
tamper (WmTestProject *data,
        guint          n_events)
{
  g_autoptr(sqlite3_stmt) stmt =
    wm_project_prepare (data->project, "UPDATE journey_cache_data SET data = ? WHERE part = 3", NULL);
  g_autofree guint8 *ids = g_new (guint8, n_events);

  for (guint i = 0; i < n_events; i++)
    ids[i] = 1;
  sqlite3_bind_blob (stmt, 1, ids, n_events, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static void
test_second_import_merges (void)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (first_file);
  const char *b[] = { "B", NULL };

  g_assert_true (cache_is_current (data->project));
  assert_matches_events (data);

  /* b's B and a's earlier C go into the customers' journeys in order. */
  wm_test_project_import (data, second_file);
  g_assert_true (cache_is_current (data->project));
  assert_matches_events (data);
  g_assert_cmpuint (wm_journeys_count_customers (data->journeys, b), ==, 2);
}

static void
test_cache_is_used (void)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (first_file);
  const char *b[] = { "B", NULL };

  g_assert_cmpuint (wm_journeys_count_customers (data->journeys, b), ==, 1);

  /* Loading reads the cache, not the events: a (current) cache saying
   * every event is A shows through. */
  tamper (data, 3);
  reload (data);
  g_assert_cmpuint (wm_journeys_count_customers (data->journeys, b), ==, 0);

  /* An import reads only its own rows into the cache it found: a's B
   * stays hidden, b's new B shows. */
  wm_test_project_import (data, second_file);
  g_assert_cmpuint (wm_journeys_count_customers (data->journeys, b), ==, 1);

  /* Without a cache everything is read again. */
  g_assert_true (wm_project_exec (data->project, "DROP TABLE journey_cache", NULL));
  reload (data);
  assert_matches_events (data);
  g_assert_cmpuint (wm_journeys_count_customers (data->journeys, b), ==, 2);
}

static void
cancel_at_first_progress (guint64  bytes_read,
                          guint64  bytes_total,
                          guint64  events,
                          gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancelled_import (void)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (first_file);
  g_autoptr(GString) big = g_string_new ("customer,timestamp,touchpoint,channel\n");
  g_autoptr(WmImportOptions) options = wm_import_options_new ();
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (big, "n%u,2026-01-02T00:00:00Z,B,web\n", i);
  stream = g_memory_input_stream_new_from_data (big->str, big->len, NULL);

  g_assert_false (wm_import_stream (data->project, stream, "big.csv", big->len, options, result,
                                    cancel_at_first_progress, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_cmpint (count (data->project, "SELECT count(*) FROM events"), ==, 3);
  g_assert_true (cache_is_current (data->project));
  reload (data);
  assert_matches_events (data);
}

static void
test_missing_or_stale (void)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (first_file);
  g_autoptr(GError) error = NULL;

  /* An older file without the table: built and stored on load. */
  g_assert_true (wm_project_exec (data->project, "DROP TABLE journey_cache", NULL));
  reload (data);
  assert_matches_events (data);
  g_assert_true (cache_is_current (data->project));

  /* Events added behind the cache's back (an older Waymark): stale. */
  g_assert_true (wm_project_exec (data->project,
                                  "INSERT INTO events (import, customer, ts, touchpoint)"
                                  " VALUES (1, 2, 1767225900000, 2)", NULL));
  reload (data);
  assert_matches_events (data);
  g_assert_cmpuint (wm_journeys_get_n_events (data->journeys), ==, 4);
  g_assert_true (cache_is_current (data->project));

  /* Read-only: built in memory, the file untouched. */
  g_assert_true (wm_project_exec (data->project, "DROP TABLE journey_cache", NULL));
  g_clear_pointer (&data->journeys, wm_journeys_unref);
  g_clear_object (&data->project);
  data->project = wm_project_open (data->path, WM_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  reload (data);
  assert_matches_events (data);
  g_assert_cmpint (count (data->project,
                          "SELECT count(*) FROM sqlite_schema WHERE name = 'journey_cache'"), ==, 0);
}

/* An import stores the cache in its own transaction while another
 * statement of the connection is still reading: the tables are not
 * dropped (which SQLite refuses then), their rows are replaced. */
static void
test_import_while_reading (void)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (first_file);
  g_autoptr(sqlite3_stmt) reading =
    wm_project_prepare (data->project, "SELECT name FROM customers ORDER BY id", NULL);
  const char *b[] = { "B", NULL };

  g_assert_cmpint (sqlite3_step (reading), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (reading, 0), ==, "a");

  wm_test_project_import (data, second_file);
  g_assert_true (cache_is_current (data->project));
  assert_matches_events (data);
  g_assert_cmpuint (wm_journeys_count_customers (data->journeys, b), ==, 2);
  g_assert_cmpint (count (data->project, "SELECT count(*) FROM journey_cache_data"), ==, 6);

  g_assert_cmpint (sqlite3_step (reading), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (reading, 0), ==, "b");
}

/* Tables of an older layout (the columns in the cache row) are replaced
 * by the current ones at the next import. */
static void
test_older_layout (void)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (first_file);

  g_assert_true (wm_project_exec (data->project,
                                  "DROP TABLE journey_cache;"
                                  "DROP TABLE journey_cache_data;"
                                  "CREATE TABLE journey_cache (id INTEGER PRIMARY KEY CHECK (id = 1),"
                                  " format INTEGER NOT NULL, events_rowid INTEGER NOT NULL,"
                                  " imports_id INTEGER NOT NULL, customers INTEGER NOT NULL,"
                                  " events INTEGER NOT NULL, customer BLOB, offsets BLOB);"
                                  "INSERT INTO journey_cache VALUES (1, 2, 3, 1, 2, 3, x'00', x'00');",
                                  NULL));

  wm_test_project_import (data, second_file);
  g_assert_true (cache_is_current (data->project));
  assert_matches_events (data);
  g_assert_cmpint (count (data->project, "SELECT format FROM journey_cache"), ==, 3);
  g_assert_cmpint (count (data->project, "SELECT count(*) FROM pragma_table_info('journey_cache')"), ==, 6);
  g_assert_cmpint (count (data->project, "SELECT count(*) FROM journey_cache_data"), ==, 6);
}

static void
assert_columns_equal (const WmJourneyColumns *a,
                      const WmJourneyColumns *b)
{
  g_assert_cmpuint (a->n_customers, ==, b->n_customers);
  g_assert_cmpuint (a->n_events, ==, b->n_events);
  g_assert_cmpmem (a->customer_ids, a->n_customers * 4, b->customer_ids, b->n_customers * 4);
  g_assert_cmpmem (a->offsets, (a->n_customers + 1) * 4, b->offsets, (b->n_customers + 1) * 4);
  g_assert_cmpmem (a->ts, a->n_events * 8, b->ts, b->n_events * 8);
  g_assert_cmpmem (a->touchpoint, a->n_events * 4, b->touchpoint, b->n_events * 4);
  g_assert_cmpuint (a->channel.width, ==, b->channel.width);
  g_assert_cmpmem (a->channel.data, a->n_events * a->channel.width,
                   b->channel.data, b->n_events * b->channel.width);
  g_assert_cmpuint (a->property_set.width, ==, b->property_set.width);
  g_assert_cmpmem (a->property_set.data, a->n_events * a->property_set.width,
                   b->property_set.data, b->n_events * b->property_set.width);
}

/* Ids stored in one, two and four bytes read back as they were built,
 * and queries on them agree with the reference: 300 touchpoints and
 * channels, 70 000 property sets. */
static void
test_wide_ids (void)
{
  g_autoptr(GString) csv = g_string_new ("customer,timestamp,touchpoint,channel,p\n");
  g_autoptr(WmTestProject) data = NULL;
  g_autoptr(GError) error = NULL;
  WmJourneyColumns stored, built;

  for (guint i = 0; i < 70000; i++)
    g_string_append_printf (csv, "c%u,%u,t%u,ch%u,%u\n", i % 5000, 1767225600 + i % 977, i % 300, i % 301, i);
  data = wm_test_project_new (csv->str);
  g_assert_cmpint (count (data->project, "SELECT length(data) FROM journey_cache_data WHERE part = 3"), ==, 2 * 70000);
  g_assert_cmpint (count (data->project, "SELECT length(data) FROM journey_cache_data WHERE part = 4"), ==, 2 * 70000);
  g_assert_cmpint (count (data->project, "SELECT length(data) FROM journey_cache_data WHERE part = 5"), ==, 4 * 70000);

  g_assert_true (wm_journeys_cache_read (data->project, &stored, &error));
  g_assert_no_error (error);
  g_assert_true (wm_journeys_cache_build (data->project, &built, NULL, &error));
  g_assert_no_error (error);
  assert_columns_equal (&built, &stored);
  g_assert_cmpuint (built.touchpoint[0], <, 301);
  g_assert_cmpuint (stored.channel.width, ==, 2);
  g_assert_cmpuint (stored.property_set.width, ==, 4);
  wm_journey_columns_clear (&stored);
  wm_journey_columns_clear (&built);

  /* Leakage reads the two-byte channels. */
  {
    g_autoptr(WmLeakageResult) expected = wm_reference_leakage (data->project, "t7", 600);
    g_autoptr(WmLeakageResult) leakage = wm_leakage_run (data->journeys, "t7", 600, NULL, NULL, NULL, NULL);

    wm_assert_leakage_equal (expected, leakage);
    g_assert_cmpuint (leakage->n_channels, ==, 301);
  }
}

static void
test_touchpoint_list (void)
{
  g_autoptr(WmTestProject) data = wm_test_project_new (first_file);
  g_autofree guint64 *customers = NULL;
  g_auto(GStrv) names = wm_journeys_list_touchpoints (data->journeys, &customers);
  g_auto(GStrv) again = wm_journeys_list_touchpoints (data->journeys, NULL);

  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "A");
  g_assert_cmpstr (names[1], ==, "B");
  g_assert_cmpuint (customers[0], ==, 2);
  g_assert_cmpuint (customers[1], ==, 1);
  g_assert_true (g_strv_equal ((const char * const *) names, (const char * const *) again));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/journeys/second-import-merges", test_second_import_merges);
  g_test_add_func ("/journeys/cache-is-used", test_cache_is_used);
  g_test_add_func ("/journeys/cancelled-import", test_cancelled_import);
  g_test_add_func ("/journeys/missing-or-stale", test_missing_or_stale);
  g_test_add_func ("/journeys/touchpoint-list", test_touchpoint_list);
  g_test_add_func ("/journeys/wide-ids", test_wide_ids);
  g_test_add_func ("/journeys/import-while-reading", test_import_while_reading);
  g_test_add_func ("/journeys/older-layout", test_older_layout);

  return g_test_run ();
}
