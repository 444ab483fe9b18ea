/* test-bad-input.c: every loader against input that is wrong on purpose
 *
 * Each case asserts the error (WmError code, a message naming the file or
 * FILE:LINE) and that the events already in the project are untouched:
 * same count, same checksum.  Large inputs are generated here, never
 * committed.  Files in tests/data/bad/ (inputs that once crashed or
 * misbehaved, many found by the fuzzers) are replayed at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <gio/gunixinputstream.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "wm-demo.h"
#include "wm-error.h"
#include "wm-importer.h"
#include "wm-map-json.h"
#include "wm-timestamp.h"

#define BASELINE_CUSTOMERS 40

typedef struct
{
  char      *dir;
  char      *path;
  WmProject *project;
  gint64     n_events;
  char      *checksum;
} Fixture;

static gint64
query_int (WmProject  *project,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (project, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* SHA-256 over every event as the project reads it back. */
static char *
events_checksum (WmProject *project)
{
  g_autoptr(sqlite3_stmt) stmt =
    wm_project_prepare (project,
                        "SELECT id, customer, ts, touchpoint, coalesce (channel, ''),"
                        " coalesce (properties, '') FROM events_named ORDER BY id",
                        NULL);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < 6; i++)
      {
        const guchar *text = sqlite3_column_text (stmt, i);

        g_checksum_update (checksum, text, sqlite3_column_bytes (stmt, i) + 1);
      }

  return g_strdup (g_checksum_get_string (checksum));
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("waymark-bad-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "baseline.waymark", NULL);
  fixture->project = wm_project_open (fixture->path, WM_PROJECT_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (wm_demo_write_project (fixture->project, BASELINE_CUSTOMERS, 7, &error));
  g_assert_no_error (error);

  fixture->n_events = query_int (fixture->project, "SELECT count(*) FROM events");
  g_assert_cmpint (fixture->n_events, >, BASELINE_CUSTOMERS);
  fixture->checksum = events_checksum (fixture->project);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->checksum);
}

/* The baseline's events, exactly as they were. */
static void
assert_baseline_intact (Fixture *fixture)
{
  g_autofree char *checksum = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM events WHERE rowid <= %" G_GINT64_FORMAT,
                                          fixture->n_events);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_assert_cmpint (query_int (fixture->project, sql), ==, fixture->n_events);

  /* The same checksum over the baseline's rows only, so that a test may
   * add good rows of its own. */
  stmt = wm_project_prepare (fixture->project,
                             "SELECT id, customer, ts, touchpoint, coalesce (channel, ''),"
                             " coalesce (properties, '') FROM events_named WHERE id <= ? ORDER BY id",
                             NULL);
  sqlite3_bind_int64 (stmt, 1, fixture->n_events);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < 6; i++)
      g_checksum_update (sum, sqlite3_column_text (stmt, i), sqlite3_column_bytes (stmt, i) + 1);
  checksum = g_strdup (g_checksum_get_string (sum));
  g_assert_cmpstr (checksum, ==, fixture->checksum);
}

/* Nothing at all changed: no event, import or reject was added. */
static void
assert_project_unchanged (Fixture *fixture)
{
  g_autofree char *checksum = events_checksum (fixture->project);

  g_assert_cmpint (query_int (fixture->project, "SELECT count(*) FROM events"), ==, fixture->n_events);
  g_assert_cmpstr (checksum, ==, fixture->checksum);
  g_assert_cmpint (query_int (fixture->project, "SELECT count(*) FROM imports"), ==, 1);
  g_assert_cmpint (query_int (fixture->project, "SELECT count(*) FROM rejects"), ==, 0);
}

static char *
write_input (Fixture    *fixture,
             const char *name,
             const char *data,
             gssize      len)
{
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, len, NULL));
  return path;
}

static gboolean
import_bytes (Fixture         *fixture,
              const char      *name,
              const char      *data,
              gssize           len,
              WmImportResult  *result,
              GError         **error)
{
  g_autofree char *path = write_input (fixture, name, data, len);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmImportOptions) options = wm_import_options_new ();

  return wm_import_file (fixture->project, file, options, result, NULL, NULL, NULL, error);
}

/* A file refused as a whole: @code, a message naming it, nothing changed. */
static void
assert_refused (Fixture    *fixture,
                const char *name,
                const char *data,
                gssize      len,
                WmError     code,
                const char *message)
{
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(GError) error = NULL;
  gint64 events = query_int (fixture->project, "SELECT count(*) FROM events");
  gint64 imports = query_int (fixture->project, "SELECT count(*) FROM imports");
  gint64 rejects = query_int (fixture->project, "SELECT count(*) FROM rejects");

  g_assert_false (import_bytes (fixture, name, data, len, result, &error));
  g_assert_error (error, WM_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (query_int (fixture->project, "SELECT count(*) FROM events"), ==, events);
  g_assert_cmpint (query_int (fixture->project, "SELECT count(*) FROM imports"), ==, imports);
  g_assert_cmpint (query_int (fixture->project, "SELECT count(*) FROM rejects"), ==, rejects);
  assert_baseline_intact (fixture);
}

/* The reasons stored for the last import, "LINE: reason" per reject. */
static char *
last_rejects (WmProject *project)
{
  g_autoptr(sqlite3_stmt) stmt =
    wm_project_prepare (project,
                        "SELECT file, line, reason FROM rejects"
                        " WHERE import = (SELECT max(id) FROM imports) ORDER BY rowid",
                        NULL);
  g_autoptr(GString) out = g_string_new (NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s:%" G_GINT64_FORMAT ": %s\n",
                            sqlite3_column_text (stmt, 0),
                            (gint64) sqlite3_column_int64 (stmt, 1),
                            sqlite3_column_text (stmt, 2));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Good rows are imported, bad ones rejected with FILE:LINE: reason. */
static void
assert_rows (Fixture    *fixture,
             const char *name,
             const char *data,
             gssize      len,
             guint64     imported,
             const char *rejects)
{
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;
  gint64 events = query_int (fixture->project, "SELECT count(*) FROM events");

  gboolean ok = import_bytes (fixture, name, data, len, result, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (result->imported, ==, imported);
  listed = last_rejects (fixture->project);
  g_assert_cmpstr (listed, ==, rejects);
  g_assert_cmpint (query_int (fixture->project, "SELECT count(*) FROM events"), ==,
                   events + (gint64) imported);
  assert_baseline_intact (fixture);
}

#define HEADER "customer_id,timestamp,touchpoint,channel\n"
#define GOOD_ROW "c1,2026-03-02T08:00:00Z,Payment notice,mail\n"

static void
test_csv_truncated (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char text[] = HEADER GOOD_ROW "c2,2026-03-02T08:00:00Z,\"App lo";

  assert_rows (fixture, "cut.csv", text, -1, 1,
               "cut.csv:3: broken quoting: unterminated quoted field\n");
}

static void
test_csv_invalid_utf8 (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char text[] = HEADER GOOD_ROW "c\xff\xfe,2026-03-02T08:00:00Z,App,web\n" GOOD_ROW;

  assert_rows (fixture, "latin1.csv", text, -1, 2, "latin1.csv:3: invalid UTF-8\n");
  assert_refused (fixture, "header.csv", "customer\xe9,timestamp,touchpoint\n" GOOD_ROW, -1,
                  WM_ERROR_NO_USABLE_HEADER,
                  "The first line of “header.csv” cannot be read as a header: invalid UTF-8");
}

static void
test_csv_nul_bytes (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char text[] = HEADER "c1,2026-03-02T08:00:00Z,Pay\0ment,mail\n" GOOD_ROW;
  g_autofree char *zeros = g_malloc0 (4096);

  assert_rows (fixture, "nul.csv", text, sizeof text - 1, 1, "nul.csv:2: NUL byte in record\n");
  assert_refused (fixture, "zeros.csv", zeros, 4096, WM_ERROR_NO_USABLE_HEADER,
                  "The first line of “zeros.csv” cannot be read as a header: NUL byte in record");
}

typedef struct
{
  int    fd;
  gsize  field_bytes;
} FieldWriter;

/* Writes a header, a row whose quoted field is @field_bytes long, and a
 * good row into a pipe, so the input never exists as a whole anywhere. */
static gpointer
write_huge_field (gpointer data)
{
  FieldWriter *writer = data;
  static const char head[] = HEADER "c2,2026-03-02T08:00:00Z,\"";
  static const char tail[] = "\",web\n" GOOD_ROW;
  g_autofree char *block = g_malloc (64 * 1024);
  gsize left = writer->field_bytes;

  memset (block, 'x', 64 * 1024);
  g_assert_cmpint (write (writer->fd, head, sizeof head - 1), ==, sizeof head - 1);
  while (left > 0)
    {
      gssize n = write (writer->fd, block, MIN (left, 64 * 1024));

      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      left -= n;
    }
  g_assert_cmpint (write (writer->fd, tail, sizeof tail - 1), ==, sizeof tail - 1);
  close (writer->fd);
  return NULL;
}

static void
test_csv_huge_field (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(WmImportOptions) options = wm_import_options_new ();
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rejects = NULL;
  FieldWriter writer = { -1, 100 * 1024 * 1024 };
  GThread *thread;
  int fds[2];

  g_assert_cmpint (pipe (fds), ==, 0);
  writer.fd = fds[1];
  stream = g_unix_input_stream_new (fds[0], TRUE);
  thread = g_thread_new ("huge-field", write_huge_field, &writer);

  g_assert_true (wm_import_stream (fixture->project, stream, "huge.csv", 0, options, result,
                                   NULL, NULL, NULL, &error));
  g_thread_join (thread);
  g_assert_no_error (error);
  g_assert_cmpuint (result->imported, ==, 1);
  g_assert_cmpuint (result->rejected, ==, 1);
  rejects = last_rejects (fixture->project);
  g_assert_cmpstr (rejects, ==, "huge.csv:2: record longer than 1 MiB\n");
  assert_baseline_intact (fixture);
}

static void
test_csv_many_columns (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("customer_id,timestamp,touchpoint");
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *rejects = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  for (guint i = 3; i < 10000; i++)
    g_string_append_printf (text, ",p%u", i);
  g_string_append (text, "\nc1,2026-03-02T08:00:00Z,Wide");
  for (guint i = 3; i < 10000; i++)
    g_string_append_printf (text, ",v%u", i);
  g_string_append (text, "\n" "c2,2026-03-02T08:00:00Z,Narrow\nc3,2026-03-02T08:00:00Z,Wide too");
  for (guint i = 3; i < 10000; i++)
    g_string_append (text, ",x");
  g_string_append_c (text, '\n');

  g_assert_true (import_bytes (fixture, "wide.csv", text->str, text->len, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->imported, ==, 2);
  rejects = last_rejects (fixture->project);
  g_assert_cmpstr (rejects, ==,
                   "wide.csv:3: 3 fields, but the header has 10000\n");

  stmt = wm_project_prepare (fixture->project,
                             "SELECT json_extract (properties, '$.p9999'),"
                             " (SELECT count(*) FROM json_each (properties))"
                             " FROM events_named WHERE touchpoint = 'Wide'", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "v9999");
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 9997);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* And 10 000 fields under a 4-column header. */
  g_string_assign (text, HEADER "c1,2026-03-02T08:00:00Z,Pay,web");
  for (guint i = 4; i < 10000; i++)
    g_string_append (text, ",x");
  g_string_append (text, "\n" GOOD_ROW);
  assert_rows (fixture, "ragged.csv", text->str, text->len, 1,
               "ragged.csv:2: 10000 fields, but the header has 4\n");
}

static void
test_csv_wrong_types (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char text[] =
    HEADER
    "c1,yesterday,App,web\n"
    ",2026-03-02T08:00:00Z,App,web\n"
    "c1,2026-03-02T08:00:00Z,,web\n"
    "c1,,App,web\n"
    "c1,true,App,web\n"
    GOOD_ROW;

  assert_rows (fixture, "types.csv", text, -1, 1,
               "types.csv:2: unparseable timestamp “yesterday”\n"
               "types.csv:3: no customer\n"
               "types.csv:4: no touchpoint\n"
               "types.csv:5: no timestamp\n"
               "types.csv:6: unparseable timestamp “true”\n");
}

static void
test_timestamps_out_of_range (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char text[] =
    HEADER
    "c1,2026-13-01T00:00:00Z,App,web\n"
    "c1,2026-02-30T00:00:00Z,App,web\n"
    "c1,2026-03-02T25:00:00Z,App,web\n"
    "c1,0999-12-31T23:59:59Z,App,web\n"
    "c1,10000-01-01T00:00:00Z,App,web\n"
    "c1,2026-03-02T08:00:00+25:00,App,web\n"
    "c1,100000000000000000,App,web\n"
    "c1,1e400,App,web\n"
    "c1,-100000000000000000,App,web\n"
    GOOD_ROW;
  static const char * const bad[] = {
    "2026-13-01T00:00:00Z", "2026-02-30", "2026-03-02 24:00:01", "1e999", "nan", "inf",
    "-9223372036854775808", "9223372036854775807", "99999999999999999999999", "",
  };

  assert_rows (fixture, "range.csv", text, -1, 1,
               "range.csv:2: unparseable timestamp “2026-13-01T00:00:00Z”\n"
               "range.csv:3: unparseable timestamp “2026-02-30T00:00:00Z”\n"
               "range.csv:4: unparseable timestamp “2026-03-02T25:00:00Z”\n"
               "range.csv:5: unparseable timestamp “0999-12-31T23:59:59Z”\n"
               "range.csv:6: unparseable timestamp “10000-01-01T00:00:00Z”\n"
               "range.csv:7: unparseable timestamp “2026-03-02T08:00:00+25:00”\n"
               "range.csv:8: unparseable timestamp “100000000000000000”\n"
               "range.csv:9: unparseable timestamp “1e400”\n"
               "range.csv:10: unparseable timestamp “-100000000000000000”\n");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 ms = 42;

      g_assert_false (wm_timestamp_parse (bad[i], -1, NULL, &ms));
    }
  for (double v = 1e17; v < 1e300; v *= 1000)
    {
      gint64 ms;

      g_assert_false (wm_timestamp_from_epoch (v, &ms));
      g_assert_false (wm_timestamp_from_epoch (-v, &ms));
    }
}

static void
test_empty_and_unknown (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autofree char *noise = g_malloc (8192);

  assert_refused (fixture, "empty.csv", "", 0, WM_ERROR_EMPTY_FILE, "“empty.csv” is empty");
  assert_refused (fixture, "bom.csv", "\xEF\xBB\xBF", 3, WM_ERROR_EMPTY_FILE, "“bom.csv” is empty");
  assert_refused (fixture, "blank.jsonl", "\n\n  \n", -1, WM_ERROR_EMPTY_FILE, "“blank.jsonl” is empty");
  assert_refused (fixture, "array.json", "[{\"event\":\"a\"}]\n", -1, WM_ERROR_UNKNOWN_FORMAT,
                  "“array.json” is a JSON array; Waymark reads JSON Lines (one JSON object per line) or CSV");
  assert_refused (fixture, "notes.jsonl", "hello\n", -1, WM_ERROR_UNKNOWN_FORMAT,
                  "“notes.jsonl” is neither CSV nor JSON Lines (one JSON object per line)");

  /* Random bytes (no NUL, fixed seed) are read as a CSV header. */
  for (guint i = 0; i < 8192; i++)
    noise[i] = (char) g_rand_int_range (rand, 1, 256);
  assert_refused (fixture, "noise.bin", noise, 8192, WM_ERROR_NO_USABLE_HEADER,
                  "The first line of “noise.bin” cannot be read as a header: invalid UTF-8");
}

static void
test_jsonl_bad_lines (Fixture       *fixture,
                      gconstpointer  data)
{
#define GOOD_LINE "{\"event\":\"a\",\"distinct_id\":\"x\",\"timestamp\":\"2026-03-02T08:00:00Z\"}\n"
  static const char text[] =
    GOOD_LINE
    "{\"event\":\"a\",\"distinct_id\":\"\xc3\x28\",\"timestamp\":\"2026-03-02T08:00:00Z\"}\n"
    "{\"event\":[1],\"distinct_id\":\"x\",\"timestamp\":\"2026-03-02T08:00:00Z\"}\n"
    "{\"event\":\"a\",\"distinct_id\":{\"id\":1},\"timestamp\":\"2026-03-02T08:00:00Z\"}\n"
    "{\"event\":\"a\",\"distinct_id\":\"x\",\"timestamp\":true}\n"
    "{\"event\":\"a\",\"distinct_id\":\"x\",\"timestamp\":1e300}\n"
    "{\"event\":\"a\",\"distinct_id\":\"x\",\"timestamp\":null}\n"
    "[1,2]\n"
    "1[1,2]\n"
    "{\"event\":\"a\",\"distinct_id\":\"x\",\"timestamp\":\"2026-03-02T08:00:00Z\"\n"
    "{\"event\":\"a\",\"distinct_id\":\"x\",\"timestamp\":\"2026-03-02T08:00:00Z\"} trailing\n"
    GOOD_LINE
    "{\"event\":\"a\",\"distinct_id\":\"x\",\"timestamp\":1}{\"event\":\"b\",\"distinct_id\":\"y\",\"timestamp\":2}\n"
    "{\"event\":\"a\",\"distinct_id\":\"x\",\"timestamp\":\"2026-03";
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *rejects = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (import_bytes (fixture, "bad.jsonl", text, -1, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->imported, ==, 2);
  g_assert_cmpuint (result->rejected, ==, 12);
  rejects = last_rejects (fixture->project);
  lines = g_strsplit (rejects, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "bad.jsonl:2: invalid UTF-8");
  g_assert_cmpstr (lines[1], ==, "bad.jsonl:3: no touchpoint");
  g_assert_cmpstr (lines[2], ==, "bad.jsonl:4: no customer");
  g_assert_cmpstr (lines[3], ==, "bad.jsonl:5: unparseable timestamp “true”");
  g_assert_cmpstr (lines[4], ==, "bad.jsonl:6: unparseable timestamp “1.0000000000000001e+300”");
  g_assert_cmpstr (lines[5], ==, "bad.jsonl:7: no timestamp");
  g_assert_cmpstr (lines[6], ==, "bad.jsonl:8: not a JSON object");
  g_assert_cmpstr (lines[7], ==, "bad.jsonl:9: not a JSON object");
  /* json-glib words the syntax errors; the line number is ours. */
  g_assert_true (g_str_has_prefix (lines[8], "bad.jsonl:10: invalid JSON: "));
  g_assert_cmpstr (lines[9], ==, "bad.jsonl:11: text after the JSON object (two records on one line?)");
  /* Found by fuzz-jsonl-import: json-glib read the first object and
   * dropped the second without a word (leaking it). */
  g_assert_cmpstr (lines[10], ==, "bad.jsonl:13: text after the JSON object (two records on one line?)");
  g_assert_true (g_str_has_prefix (lines[11], "bad.jsonl:14: invalid JSON: "));
  g_assert_cmpstr (lines[12], ==, "");
  assert_baseline_intact (fixture);
#undef GOOD_LINE
}

static void
test_jsonl_nul_and_long_lines (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("{\"event\":\"a\",\"distinct_id\":\"x\",\"timestamp\":\"2026-03-02T08:00:00Z\"}\n");

  g_string_append_len (text, "{\"event\":\"a\0\"}\n", 15);
  g_string_append (text, "{\"event\":\"");
  for (guint i = 0; i < 2 * 1024 * 1024 / 8; i++)
    g_string_append (text, "xxxxxxxx");
  g_string_append (text, "\"}\n{\"event\":\"b\",\"distinct_id\":\"y\",\"timestamp\":1772438400}\n");

  assert_rows (fixture, "long.jsonl", text->str, text->len, 2,
               "long.jsonl:2: NUL byte in record\n"
               "long.jsonl:3: line longer than 1 MiB\n");
}

/* Found by hand: json-glib parses recursively, so deep nesting overflowed
 * the stack (a crash, in JSON Lines and in a CSV properties column). */
static void
test_deeply_nested_json (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GString) jsonl = g_string_new ("{\"event\":\"a\",\"distinct_id\":\"x\",\"timestamp\":1772438400,\"properties\":{\"deep\":");
  g_autoptr(GString) csv = g_string_new ("customer_id,timestamp,touchpoint,properties\nc1,1772438400,Deep,\"{\"\"deep\"\":");
  g_autoptr(GString) shallow = g_string_new ("{\"event\":\"a\",\"distinct_id\":\"x\",\"timestamp\":1772438400,\"properties\":{\"ok\":");
  const guint depth = 200000;

  for (guint i = 0; i < depth; i++)
    {
      g_string_append_c (jsonl, '[');
      g_string_append_c (csv, '[');
    }
  for (guint i = 0; i < depth; i++)
    {
      g_string_append_c (jsonl, ']');
      g_string_append_c (csv, ']');
    }
  g_string_append (jsonl, "}}\n");
  g_string_append (csv, "}\"\n");

  /* Brackets inside strings are text, and the limit itself is allowed. */
  for (guint i = 0; i < 126; i++)
    g_string_append (shallow, "[\"[[{{\",");
  g_string_append_c (shallow, '0');
  for (guint i = 0; i < 126; i++)
    g_string_append_c (shallow, ']');
  g_string_append (shallow, "}}\n");

  assert_rows (fixture, "deep.jsonl", jsonl->str, jsonl->len, 0,
               "deep.jsonl:1: JSON nested deeper than 128 levels\n");
  assert_rows (fixture, "shallow.jsonl", shallow->str, shallow->len, 1, "");

  /* The column is kept as text, as any properties value that is not JSON. */
  assert_rows (fixture, "deep.csv", csv->str, csv->len, 1, "");
  g_assert_cmpint (query_int (fixture->project,
                              "SELECT length (json_extract (properties, '$.properties'))"
                              " FROM events_named WHERE touchpoint = 'Deep'"),
                   ==, 2 * depth + 9);
}

/* Found under ASan: a properties column that was blank raised a GLib
 * critical on every row, and one that was not a JSON object leaked the
 * object built in its place.  Found by fuzz-csv-import: json-glib leaks a
 * scalar followed by more text ("1[1,2]"), so only objects are parsed. */
static void
test_csv_properties_not_json (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "csv-properties-not-json.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) stored = g_string_new (NULL);
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  assert_rows (fixture, "properties.csv", contents, len, 6, "");

  stmt = wm_project_prepare (fixture->project,
                             "SELECT customer, coalesce (channel, '-'), properties FROM events_named"
                             " WHERE id > ? ORDER BY id", NULL);
  sqlite3_bind_int64 (stmt, 1, fixture->n_events);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (stored, "%s|%s|%s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  g_assert_cmpstr (stored->str, ==,
                   "c1|-|{\"note\":\"a\"}\n"
                   "c2|-|{\"properties\":\"not json\",\"note\":\"b\"}\n"
                   "c3|-|{\"properties\":\"[1,2]\",\"note\":\"c\"}\n"
                   "c4|web|{\"channel\":\"web\",\"note\":\"d\"}\n"
                   "c5|-|{\"properties\":\"1[1,2]\",\"note\":\"e\"}\n"
                   "c6|-|{\"properties\":\"{\\\"a\\\":1}{\\\"b\\\":2}\",\"note\":\"f\"}\n");
}

/* Copies the baseline project (closed) to @name and returns its path. */
static char *
copy_baseline (Fixture    *fixture,
               const char *name)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_clear_object (&fixture->project);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &len, NULL));
  return write_input (fixture, name, contents, len);
}

static void
reopen_baseline (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->project = wm_project_open (fixture->path, WM_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
set_user_version (const char *path,
                  int         version)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_project_future_version (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = copy_baseline (fixture, "future.waymark");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  WmProject *project;

  set_user_version (path, WM_PROJECT_SCHEMA_VERSION + 1);
  before = file_checksum (path);

  project = wm_project_open (path, WM_PROJECT_OPEN_DEFAULT, &error);
  g_assert_null (project);
  g_assert_error (error, WM_ERROR, WM_ERROR_NEWER_VERSION);
  g_assert_cmpstr (error->message, ==,
                   "“future.waymark” was saved by a newer version of Waymark (format 2; this version reads up to 1). Update Waymark to open it.");

  after = file_checksum (path);
  g_assert_cmpstr (after, ==, before);

  reopen_baseline (fixture);
  assert_project_unchanged (fixture);
}

static void
test_project_not_ours (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *text = write_input (fixture, "notes.waymark", "Meeting notes\n", -1);
  g_autofree char *other = g_build_filename (fixture->dir, "other.waymark", NULL);
  g_autofree char *before = file_checksum (text);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_null (wm_project_open (text, WM_PROJECT_OPEN_DEFAULT, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_NOT_A_PROJECT);
  g_assert_cmpstr (error->message, ==, "“notes.waymark” is not a Waymark project");
  after = file_checksum (text);
  g_assert_cmpstr (after, ==, before);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_null (wm_project_open (other, WM_PROJECT_OPEN_DEFAULT, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_NOT_A_PROJECT);
  g_assert_cmpstr (error->message, ==, "“other.waymark” is not a Waymark project");
  g_clear_error (&error);

  g_assert_null (wm_project_open (fixture->dir, WM_PROJECT_OPEN_DEFAULT, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_NOT_A_PROJECT);
  g_clear_error (&error);
}

static void
test_project_missing_table (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = copy_baseline (fixture, "partial.waymark");
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE rejects", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_null (wm_project_open (path, WM_PROJECT_OPEN_DEFAULT, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_CORRUPT);
  g_assert_cmpstr (error->message, ==,
                   "“partial.waymark” is damaged: its “rejects” table is missing. Open a backup copy instead.");
}

/* Found by review: a journey map stored as NULL (the schema forbids it,
 * a file edited elsewhere need not) came back as NULL with no error. */
static void
test_project_damaged_map (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const damage[] = {
    "INSERT OR REPLACE INTO journey_map VALUES (1, NULL, 0)",
    "INSERT OR REPLACE INTO journey_map VALUES (1, CAST (x'7b22ff22' AS TEXT), 0)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (damage); i++)
    {
      g_autofree char *name = g_strdup_printf ("map-%u.waymark", i);
      g_autofree char *path = copy_baseline (fixture, name);
      g_autofree char *expected = g_strdup_printf ("“%s” is damaged: its journey map cannot be read. Open a backup copy instead.", name);
      g_autoptr(WmProject) project = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *map = NULL;
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db,
                                     "PRAGMA writable_schema = ON;"
                                     "UPDATE sqlite_schema SET sql = replace (sql, 'document TEXT NOT NULL', 'document TEXT')"
                                     " WHERE name = 'journey_map';",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, damage[i], NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);

      project = wm_project_open (path, WM_PROJECT_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      map = wm_project_load_map_json (project, &error);
      g_assert_null (map);
      g_assert_error (error, WM_ERROR, WM_ERROR_CORRUPT);
      g_assert_cmpstr (error->message, ==, expected);
      g_assert_cmpint (query_int (project, "SELECT count(*) FROM events"), ==, fixture->n_events);
      reopen_baseline (fixture);
    }
}

/* Found by review: a project whose customer ids were far beyond what
 * SQLite hands out (an edited file) made an import allocate a bitset of
 * gigabytes and abort. */
static void
test_project_huge_customer_id (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmImportResult) result = wm_import_result_new ();

  g_assert_true (wm_project_exec (fixture->project,
                                  "INSERT INTO customers (id, name) VALUES (137438953472, 'edited')",
                                  &error));
  g_assert_false (import_bytes (fixture, "more.csv", HEADER "newcomer,2026-03-02T08:00:00Z,Pay,web\n", -1,
                                result, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_CORRUPT);
  g_assert_cmpstr (error->message, ==,
                   "“baseline.waymark” is damaged: its customers are numbered beyond what Waymark writes. Import into a new project instead.");
  g_assert_cmpint (query_int (fixture->project, "SELECT count(*) FROM customers WHERE name = 'newcomer'"), ==, 0);
  assert_project_unchanged (fixture);
}

/* A project from elsewhere is not trusted: no writing to the schema by
 * hand, no functions with side effects in its views and triggers. */
static void
test_project_untrusted_schema (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (query_int (fixture->project, "PRAGMA trusted_schema"), ==, 0);
  g_assert_true (wm_project_exec (fixture->project, "PRAGMA writable_schema = ON", &error));
  g_assert_false (wm_project_exec (fixture->project,
                                   "UPDATE sqlite_schema SET sql = 'CREATE TABLE rejects (x)' WHERE name = 'rejects'",
                                   &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture->project, "SELECT count(*) FROM rejects"), ==, 0);
  assert_project_unchanged (fixture);
}

/* Opens and reads every event, as a first look at a project does. */
static gboolean
open_and_read (const char  *path,
               gint64      *n_events,
               GError     **error)
{
  g_autoptr(WmProject) project = wm_project_open (path, WM_PROJECT_OPEN_DEFAULT, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (project == NULL)
    return FALSE;

  stmt = wm_project_prepare (project, "SELECT customer, ts, touchpoint, channel, properties FROM events_named", error);
  if (stmt == NULL)
    return FALSE;

  *n_events = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    (*n_events)++;
  if (rc != SQLITE_DONE)
    {
      wm_project_set_sqlite_error (project, rc, "events", error);
      return FALSE;
    }
  return TRUE;
}

static void
test_project_truncated (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  gsize len;

  g_clear_object (&fixture->project);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 16 * 4096);

  /* Inside the header, at the end of the first page, then anywhere. */
  for (guint i = 0; i < 27; i++)
    {
      gsize cut = i == 0 ? 50 : i == 1 ? 100 : i == 2 ? 4096 : (gsize) g_rand_int_range (rand, 0, (gint32) len);
      g_autofree char *name = g_strdup_printf ("cut-%u.waymark", i);
      g_autofree char *path = write_input (fixture, name, contents, cut);
      g_autofree char *before = file_checksum (path);
      g_autofree char *after = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(GError) error = NULL;
      gint64 n_events = -1;

      g_test_message ("truncated at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT, cut, len);
      if (cut == 0)
        {
          /* An empty file is a new, empty SQLite database: not ours. */
          g_assert_false (open_and_read (path, &n_events, &error));
          g_assert_error (error, WM_ERROR, WM_ERROR_NOT_A_PROJECT);
          continue;
        }

      g_assert_false (open_and_read (path, &n_events, &error));
      if (cut < 100)
        {
          /* Not even the header is there. */
          expected = g_strdup_printf ("“%s” is not a Waymark project", name);
          g_assert_error (error, WM_ERROR, WM_ERROR_NOT_A_PROJECT);
        }
      else
        {
          expected = g_strdup_printf ("“%s” is damaged: it is shorter than it should be, probably cut off"
                                      " while it was copied. Open a backup copy instead.", name);
          g_assert_error (error, WM_ERROR, WM_ERROR_CORRUPT);
        }
      g_assert_cmpstr (error->message, ==, expected);

      after = file_checksum (path);
      g_assert_cmpstr (after, ==, before);
    }

  reopen_baseline (fixture);
  assert_project_unchanged (fixture);
}

static void
test_project_read_only (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = copy_baseline (fixture, "shared.waymark");
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(WmProject) project = NULL;
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(WmImportOptions) options = wm_import_options_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *input = write_input (fixture, "more.csv", HEADER GOOD_ROW, -1);
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autofree char *map = NULL;
  g_autofree char *map_before = NULL;

  project = wm_project_open (path, WM_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (wm_project_is_read_only (project));
  map_before = wm_project_load_map_json (project, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (map_before, "{\"version\":1,"));

  g_assert_false (wm_import_file (project, file, options, result, NULL, NULL, NULL, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, "“shared.waymark” is read-only. Save a copy to make changes.");
  g_clear_error (&error);

  g_assert_false (wm_project_save_map_json (project, "{}", &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_READ_ONLY);
  g_clear_error (&error);

  map = wm_project_load_map_json (project, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (map, ==, map_before);
  g_assert_cmpint (query_int (project, "SELECT count(*) FROM events"), ==, fixture->n_events);
  g_clear_object (&project);

  after = file_checksum (path);
  g_assert_cmpstr (after, ==, before);

  /* A file the user may not write opens read-only by itself. */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  if (access (path, W_OK) == 0)
    {
      g_test_message ("running as root: chmod does not stop writes, only the flag was tested");
      return;
    }
  project = wm_project_open (path, WM_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (wm_project_is_read_only (project));
  g_assert_false (wm_import_file (project, file, options, result, NULL, NULL, NULL, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_READ_ONLY);
}

/* The disk fills up: SQLite's own page limit on this connection stands in
 * for a full disk, and every write must fail cleanly and roll back. */
static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new (HEADER);
  g_autoptr(GString) big_map = g_string_new ("{\"notes\":\"");
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *map = NULL;
  g_autofree char *limit = NULL;
  gint64 pages;

  g_assert_true (wm_project_save_map_json (fixture->project, "{\"version\":1}", &error));
  g_assert_no_error (error);

  pages = query_int (fixture->project, "PRAGMA page_count");
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 4);
  g_assert_true (wm_project_exec (fixture->project, limit, &error));

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (csv, "new-%u,2026-03-02T08:00:00Z,Step %u,web\n", i, i % 7);

  g_assert_false (import_bytes (fixture, "big.csv", csv->str, csv->len, result, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_DISK_FULL);
  g_assert_cmpstr (error->message, ==,
                   "The disk is full while writing “baseline.waymark”. Free some space and try again.");
  g_clear_error (&error);
  assert_project_unchanged (fixture);
  g_assert_cmpint (query_int (fixture->project, "SELECT count(*) FROM customers WHERE name LIKE 'new-%'"), ==, 0);

  for (guint i = 0; i < 64 * 1024; i++)
    g_string_append (big_map, "xxxxxxxx");
  g_string_append (big_map, "\"}");
  g_assert_false (wm_project_save_map_json (fixture->project, big_map->str, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_DISK_FULL);
  g_clear_error (&error);
  map = wm_project_load_map_json (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (map, ==, "{\"version\":1}");

  /* Room again: the same file imports. */
  g_assert_true (wm_project_exec (fixture->project, "PRAGMA max_page_count = 1073741823", &error));
  g_assert_true (import_bytes (fixture, "big.csv", csv->str, csv->len, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->imported, ==, 20000);
  assert_baseline_intact (fixture);
}

/* tests/data/bad/: each file once crashed or misbehaved.  Its name says
 * which loader reads it (csv-, jsonl-, project-) and the test asserts the
 * loader's contract: an import either succeeds and stores what it counts,
 * or fails with a WmError naming the file and changes nothing. */
static void
replay_import (Fixture    *fixture,
               const char *path,
               WmImportFormat format)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmImportOptions) options = wm_import_options_new ();
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(GError) error = NULL;
  gint64 events_before = query_int (fixture->project, "SELECT count(*) FROM events");
  gint64 rejects_before = query_int (fixture->project, "SELECT count(*) FROM rejects");

  options->format = format;
  options->force = TRUE;
  if (wm_import_file (fixture->project, file, options, result, NULL, NULL, NULL, &error))
    {
      g_assert_cmpint (query_int (fixture->project, "SELECT count(*) FROM events"), ==,
                       events_before + (gint64) result->imported);
      g_assert_cmpint (query_int (fixture->project, "SELECT count(*) FROM rejects"), ==,
                       rejects_before + (gint64) result->rejected);
    }
  else
    {
      g_autofree char *name = g_path_get_basename (path);

      g_assert_true (error->domain == WM_ERROR);
      g_assert_nonnull (strstr (error->message, name));
      g_assert_cmpint (query_int (fixture->project, "SELECT count(*) FROM events"), ==, events_before);
    }
  assert_baseline_intact (fixture);
}

static void
test_replay_bad_files (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint replayed = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);

      g_test_message ("replaying %s", name);
      if (g_str_has_prefix (name, "csv-"))
        replay_import (fixture, path, WM_IMPORT_FORMAT_CSV);
      else if (g_str_has_prefix (name, "jsonl-"))
        replay_import (fixture, path, WM_IMPORT_FORMAT_JSONL);
      else if (g_str_has_prefix (name, "project-"))
        {
          g_autofree char *copy = NULL;
          g_autofree char *contents = NULL;
          g_autoptr(GError) error = NULL;
          gint64 n_events = 0;
          gsize len;

          g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
          copy = write_input (fixture, name, contents, len);
          if (open_and_read (copy, &n_events, &error))
            {
              g_autoptr(WmProject) project = wm_project_open (copy, WM_PROJECT_OPEN_READ_ONLY, &error);
              g_autofree char *map = NULL;

              g_assert_no_error (error);
              map = wm_project_load_map_json (project, &error);
              g_assert_true ((map == NULL) == (error != NULL));
            }
          if (error != NULL)
            {
              g_assert_true (error->domain == WM_ERROR);
              g_assert_cmpstr (error->message, !=, "");
            }
        }
      else if (g_str_has_prefix (name, "map-"))
        {
          g_autofree char *contents = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(WmJourneyMap) map = NULL;
          gsize len;

          g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
          map = wm_map_json_parse (contents, len, &error);
          g_assert_true ((map == NULL) == (error != NULL));
          if (error != NULL)
            {
              g_assert_true (error->domain == WM_ERROR);
              g_assert_cmpstr (error->message, !=, "");
            }
        }
      else if (strcmp (name, "README") != 0)
        g_error ("%s: name it csv-, jsonl-, project- or map- so the test knows its loader", name);
      replayed++;
    }
  g_assert_cmpuint (replayed, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/bad-input/csv/truncated", test_csv_truncated);
  ADD ("/bad-input/csv/invalid-utf8", test_csv_invalid_utf8);
  ADD ("/bad-input/csv/nul-bytes", test_csv_nul_bytes);
  ADD ("/bad-input/csv/100-mb-field", test_csv_huge_field);
  ADD ("/bad-input/csv/10000-columns", test_csv_many_columns);
  ADD ("/bad-input/csv/wrong-types", test_csv_wrong_types);
  ADD ("/bad-input/csv/properties-not-json", test_csv_properties_not_json);
  ADD ("/bad-input/timestamps-out-of-range", test_timestamps_out_of_range);
  ADD ("/bad-input/empty-and-unknown", test_empty_and_unknown);
  ADD ("/bad-input/jsonl/bad-lines", test_jsonl_bad_lines);
  ADD ("/bad-input/jsonl/nul-and-long-lines", test_jsonl_nul_and_long_lines);
  ADD ("/bad-input/json/deeply-nested", test_deeply_nested_json);
  ADD ("/bad-input/project/future-version", test_project_future_version);
  ADD ("/bad-input/project/not-ours", test_project_not_ours);
  ADD ("/bad-input/project/missing-table", test_project_missing_table);
  ADD ("/bad-input/project/damaged-map", test_project_damaged_map);
  ADD ("/bad-input/project/huge-customer-id", test_project_huge_customer_id);
  ADD ("/bad-input/project/untrusted-schema", test_project_untrusted_schema);
  ADD ("/bad-input/project/truncated", test_project_truncated);
  ADD ("/bad-input/project/read-only", test_project_read_only);
  ADD ("/bad-input/project/disk-full", test_disk_full);
  ADD ("/bad-input/replay-data-bad", test_replay_bad_files);

#undef ADD

  return g_test_run ();
}
