/* test-importer.c: every dialect, timestamp form and rejection reason
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "wm-error.h"
#include "wm-importer.h"

typedef struct
{
  char      *dir;
  WmProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("waymark-import-XXXXXX", NULL);
  path = g_build_filename (fixture->dir, "test.waymark", NULL);
  fixture->project = wm_project_open (path, WM_PROJECT_OPEN_CREATE, NULL);
  g_assert_nonnull (fixture->project);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  g_free (fixture->dir);
}

static gboolean
import_data (Fixture                *fixture,
             const char             *name,
             const WmImportOptions  *options,
             WmImportResult         *result,
             GError                **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmImportOptions) defaults = wm_import_options_new ();

  return wm_import_file (fixture->project, file, options ? options : defaults, result,
                         NULL, NULL, NULL, error);
}

/* Every stored event as "customer|ts|touchpoint|channel|properties" lines. */
static char *
dump_events (WmProject *project)
{
  g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (project,
                                                     "SELECT customer, ts, touchpoint, coalesce (channel, '-'),"
                                                     " coalesce (properties, '-') FROM events_named ORDER BY id",
                                                     NULL);
  g_autoptr(GString) out = g_string_new (NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s|%" G_GINT64_FORMAT "|%s|%s|%s\n",
                            sqlite3_column_text (stmt, 0), (gint64) sqlite3_column_int64 (stmt, 1),
                            sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 3),
                            sqlite3_column_text (stmt, 4));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Every reject as "file:line: reason" lines. */
static char *
dump_rejects (WmProject *project)
{
  g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (project,
                                                     "SELECT file, line, reason FROM rejects ORDER BY rowid",
                                                     NULL);
  g_autoptr(GString) out = g_string_new (NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s:%" G_GINT64_FORMAT ": %s\n",
                            sqlite3_column_text (stmt, 0), (gint64) sqlite3_column_int64 (stmt, 1),
                            sqlite3_column_text (stmt, 2));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
count (WmProject  *project,
       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (project, sql, NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
assert_imports (Fixture    *fixture,
                const char *name,
                guint64     imported,
                guint64     rejected,
                guint64     customers,
                const char *events)
{
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;

  g_assert_true (import_data (fixture, name, NULL, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->imported, ==, imported);
  g_assert_cmpuint (result->rejected, ==, rejected);
  g_assert_cmpuint (result->customers, ==, customers);

  if (events != NULL)
    {
      dump = dump_events (fixture->project);
      g_assert_cmpstr (dump, ==, events);
    }
}

static void
test_canonical_csv (Fixture       *fixture,
                    gconstpointer  data)
{
  /* BOM, CRLF, a mixed-case header, doubled quotes, an embedded comma and an
   * embedded line break (the record after it starts on line 6). */
  assert_imports (fixture, "canonical.csv", 5, 0, 3,
                  "c1|1772438400000|Payment notice|mail|{\"Note\":\"plain\"}\n"
                  "c1|1772443800250|App login|mobile|{\"Note\":\"said \\\"hi\\\", then left\"}\n"
                  "c2|1772445600000|IVR menu|ivr|{\"Note\":\"line one\\r\\nline two\"}\n"
                  "c2|1772445600000|Agent call|agent|-\n"
                  "c,3|1772445600123|Payment completed|web|{\"Note\":\"x\"}\n");
  g_assert_cmpint (count (fixture->project, "SELECT rows FROM imports"), ==, 5);
  g_assert_cmpint (count (fixture->project, "SELECT size FROM imports"), ==, 310);
}

static void
test_posthog_csv (Fixture       *fixture,
                  gconstpointer  data)
{
  /* The channel comes from $channel, then utm_medium, inside the JSON column. */
  assert_imports (fixture, "posthog.csv", 3, 0, 2,
                  "u1|1772438400000|$pageview|web|{\"$channel\":\"web\",\"$current_url\":\"https://bank.example/pay\"}\n"
                  "u1|1772438700000|payment_completed|email|{\"utm_medium\":\"email\",\"amount\":120.5}\n"
                  "u2|1772413200000|$pageview|-|-\n");
}

static void
test_posthog_jsonl (Fixture       *fixture,
                    gconstpointer  data)
{
  assert_imports (fixture, "posthog.jsonl", 2, 0, 1,
                  "u1|1772438400000|$pageview|web|{\"$channel\":\"web\",\"$browser\":\"Firefox\"}\n"
                  "u1|1772438700000|payment_completed|-|{\"amount\":120.5}\n");
}

static void
test_segment_jsonl (Fixture       *fixture,
                    gconstpointer  data)
{
  /* userId wins over anonymousId; offsets and fractions are honoured. */
  assert_imports (fixture, "segment.jsonl", 2, 0, 2,
                  "s-1|1772456400000|Order Completed|mobile|{\"channel\":\"mobile\",\"revenue\":30}\n"
                  "anon-7|1772434800500|Signed Up|cpc|{\"utm_medium\":\"cpc\"}\n");
}

static void
test_mixpanel_jsonl (Fixture       *fixture,
                     gconstpointer  data)
{
  /* properties.time in seconds, then in milliseconds (told apart by size). */
  assert_imports (fixture, "mixpanel.jsonl", 2, 0, 1,
                  "m-1|1772438400000|App login|push|{\"distinct_id\":\"m-1\",\"time\":1772438400,\"$os\":\"Android\",\"utm_medium\":\"push\"}\n"
                  "m-1|1772438460123|Payment completed|-|{\"distinct_id\":\"m-1\",\"time\":1772438460123,\"mp_lib\":\"android\"}\n");
}

static void
test_ga4_jsonl (Fixture       *fixture,
                gconstpointer  data)
{
  /* event_timestamp in microseconds, as a string or a number; event_params
   * flattened into properties, the channel among them. */
  assert_imports (fixture, "ga4.jsonl", 2, 0, 1,
                  "123.456|1772438400123|page_view|web|{\"page_title\":\"Pay\",\"medium\":\"organic\",\"engagement_time_msec\":\"250\",\"channel\":\"web\"}\n"
                  "123.456|1772438401000|purchase|-|-\n");
}

static void
test_timestamp_forms (Fixture       *fixture,
                      gconstpointer  data)
{
  assert_imports (fixture, "timestamps.csv", 9, 0, 1,
                  "a|1772438400000|iso-z|-|-\n"
                  "a|1772438400123|iso-fraction|-|-\n"
                  "a|1772438400000|iso-offset|-|-\n"
                  "a|1772438400000|iso-offset-compact|-|-\n"
                  "a|1772438400000|space-no-offset|-|-\n"
                  "a|1772438400000|epoch-s|-|-\n"
                  "a|1772438400123|epoch-ms|-|-\n"
                  "a|1772438400123|epoch-us|-|-\n"
                  "a|1772438400500|epoch-s-fraction|-|-\n");
}

static void
test_timezone_option (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(WmImportOptions) options = wm_import_options_new ();
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (wm_import_options_set_timezone (options, "Mars/Olympus_Mons", &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* Only the offset-less row moves: 08:00 in Shanghai is 00:00 UTC. */
  g_assert_true (wm_import_options_set_timezone (options, "Asia/Shanghai", &error));
  g_assert_true (import_data (fixture, "timestamps.csv", options, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture->project, "SELECT ts FROM events_named WHERE touchpoint = 'space-no-offset'"),
                   ==, 1772409600000);
  g_assert_cmpint (count (fixture->project, "SELECT ts FROM events_named WHERE touchpoint = 'iso-z'"),
                   ==, 1772438400000);
}

static void
test_rejects_csv (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *rejects = NULL;

  assert_imports (fixture, "rejects.csv", 2, 8, 2,
                  "ok1|1772438400000|Login|web|-\n"
                  "ok9|1772438400000|Login|web|-\n");
  rejects = dump_rejects (fixture->project);
  g_assert_cmpstr (rejects, ==,
                   "rejects.csv:3: no customer\n"
                   "rejects.csv:4: no touchpoint\n"
                   "rejects.csv:5: no timestamp\n"
                   "rejects.csv:6: unparseable timestamp “yesterday at noon”\n"
                   "rejects.csv:7: unparseable timestamp “2026-02-30T08:00:00Z”\n"
                   "rejects.csv:8: broken quoting: text after a closing quote\n"
                   "rejects.csv:9: 3 fields, but the header has 4\n"
                   "rejects.csv:10: 5 fields, but the header has 4\n");
  g_assert_cmpint (count (fixture->project, "SELECT rejected FROM imports"), ==, 8);
  g_assert_cmpint (count (fixture->project, "SELECT count(*) FROM rejects WHERE line = 9 AND excerpt = 'ok7,Login,2026-03-02T08:00:00Z'"), ==, 1);
}

static void
test_rejects_bytes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *rejects = NULL;

  assert_imports (fixture, "rejects-bytes.csv", 1, 2, 1,
                  "ok|1772438400000|Login|web|-\n");
  rejects = dump_rejects (fixture->project);
  g_assert_cmpstr (rejects, ==,
                   "rejects-bytes.csv:2: invalid UTF-8\n"
                   "rejects-bytes.csv:4: broken quoting: unterminated quoted field\n");
}

static void
test_rejects_jsonl (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *rejects = NULL;
  g_auto(GStrv) lines = NULL;

  assert_imports (fixture, "rejects.jsonl", 2, 5, 1,
                  "x|1772438400000|a|-|-\n"
                  "x|1772438400000|e|-|-\n");
  rejects = dump_rejects (fixture->project);
  lines = g_strsplit (rejects, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_true (g_str_has_prefix (lines[0], "rejects.jsonl:2: invalid JSON: "));
  g_assert_cmpstr (lines[1], ==, "rejects.jsonl:3: not a JSON object");
  g_assert_cmpstr (lines[2], ==, "rejects.jsonl:4: no touchpoint");
  g_assert_cmpstr (lines[3], ==, "rejects.jsonl:5: no customer");
  g_assert_cmpstr (lines[4], ==, "rejects.jsonl:7: unparseable timestamp “soon”");
}

static void
assert_refused (Fixture    *fixture,
                const char *name,
                int         code)
{
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (import_data (fixture, name, NULL, result, &error));
  g_assert_error (error, WM_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_cmpuint (result->imported, ==, 0);
  /* Nothing at all was written: no history, no dictionary entries. */
  g_assert_cmpint (count (fixture->project, "SELECT count(*) FROM imports"), ==, 0);
  g_assert_cmpint (count (fixture->project, "SELECT count(*) FROM events"), ==, 0);
  g_assert_cmpint (count (fixture->project, "SELECT count(*) FROM customers"), ==, 0);
}

static void
test_unusable_files (Fixture       *fixture,
                     gconstpointer  data)
{
  assert_refused (fixture, "empty.csv", WM_ERROR_EMPTY_FILE);
  assert_refused (fixture, "no-header.csv", WM_ERROR_NO_USABLE_HEADER);
  assert_refused (fixture, "array.json", WM_ERROR_UNKNOWN_FORMAT);
  assert_refused (fixture, "mapped.csv", WM_ERROR_NO_USABLE_HEADER);
}

static void
test_header_only (Fixture       *fixture,
                  gconstpointer  data)
{
  assert_imports (fixture, "header-only.csv", 0, 0, 0, "");
  g_assert_cmpint (count (fixture->project, "SELECT count(*) FROM imports"), ==, 1);
}

static void
test_mapping (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(WmImportOptions) options = wm_import_options_new ();
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;

  g_assert_false (wm_import_options_parse_mapping (options, "colour=user", &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (wm_import_options_parse_mapping (options, "customer", &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (wm_import_options_parse_mapping (options, "customer=USER", NULL));
  g_assert_true (wm_import_options_parse_mapping (options, "timestamp=when", NULL));
  g_assert_true (wm_import_options_parse_mapping (options, "Touchpoint=what", NULL));
  g_assert_true (wm_import_options_parse_mapping (options, "channel=via", NULL));
  g_assert_true (import_data (fixture, "mapped.csv", options, result, &error));
  g_assert_no_error (error);
  dump = dump_events (fixture->project);
  g_assert_cmpstr (dump, ==, "k1|1772438400000|Login|web|-\n");
}

static void
test_duplicate_content (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(WmImportOptions) options = wm_import_options_new ();
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (fixture->dir, "renamed.csv", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "import", "canonical.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy);
  gsize len;

  g_assert_true (import_data (fixture, "canonical.csv", NULL, result, &error));

  /* Same bytes under another name: still refused, nothing added. */
  g_assert_true (g_file_get_contents (source, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy, contents, len, NULL));
  g_assert_false (wm_import_file (fixture->project, copy_file, options, result, NULL, NULL, NULL, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_ALREADY_IMPORTED);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture->project, "SELECT count(*) FROM events"), ==, 5);
  g_assert_cmpint (count (fixture->project, "SELECT count(*) FROM imports"), ==, 1);

  /* Through a stream (no size known up front) the check happens at the end. */
  {
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (contents, len, NULL);

    g_assert_false (wm_import_stream (fixture->project, stream, "stdin", 0, options, result,
                                      NULL, NULL, NULL, &error));
    g_assert_error (error, WM_ERROR, WM_ERROR_ALREADY_IMPORTED);
    g_clear_error (&error);
    g_assert_cmpint (count (fixture->project, "SELECT count(*) FROM events"), ==, 5);
  }

  options->force = TRUE;
  g_assert_true (wm_import_file (fixture->project, copy_file, options, result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture->project, "SELECT count(*) FROM events"), ==, 10);
  g_assert_cmpuint (result->imported, ==, 10);
  g_assert_cmpuint (result->customers, ==, 3);
}

/* Yields "c<N>,<ts>,Step,web\n" rows forever after a header, from a fixed buffer. */
typedef struct
{
  GInputStream parent_instance;
  guint64      rows;
  guint64      max_rows;
  char         pending[64];
  gsize        pending_len;
  gsize        pending_pos;
} RowStream;

typedef GInputStreamClass RowStreamClass;

G_DEFINE_TYPE (RowStream, row_stream, G_TYPE_INPUT_STREAM)

static gssize
row_stream_read (GInputStream  *stream,
                 void          *buffer,
                 gsize          count_,
                 GCancellable  *cancellable,
                 GError       **error)
{
  RowStream *self = (RowStream *) stream;
  char *out = buffer;
  gsize written = 0;

  while (written < count_)
    {
      gsize n;

      if (self->pending_pos == self->pending_len)
        {
          if (self->rows > self->max_rows)
            break;
          if (self->rows == 0)
            self->pending_len = g_snprintf (self->pending, sizeof self->pending, "customer,ts,touchpoint,channel\n");
          else
            self->pending_len = g_snprintf (self->pending, sizeof self->pending, "c%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT ",Step,web\n",
                                            self->rows, 1772438400000 + self->rows);
          self->pending_pos = 0;
          self->rows++;
        }

      n = MIN (count_ - written, self->pending_len - self->pending_pos);
      memcpy (out + written, self->pending + self->pending_pos, n);
      self->pending_pos += n;
      written += n;
    }

  return written;
}

static void
row_stream_class_init (RowStreamClass *klass)
{
  klass->read_fn = row_stream_read;
}

static void
row_stream_init (RowStream *self)
{
}

static GInputStream *
row_stream_new (guint64 max_rows)
{
  RowStream *self = g_object_new (row_stream_get_type (), NULL);

  self->max_rows = max_rows;
  return G_INPUT_STREAM (self);
}

static void
cancel_after_first_progress (guint64  bytes_read,
                             guint64  bytes_total,
                             guint64  events,
                             gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel_leaves_project_as_before (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(WmImportOptions) options = wm_import_options_new ();
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GInputStream) stream = row_stream_new (1000000);
  g_autoptr(GError) error = NULL;

  g_assert_true (import_data (fixture, "canonical.csv", NULL, result, &error));

  g_assert_false (wm_import_stream (fixture->project, stream, "endless.csv", 0, options, result,
                                    cancel_after_first_progress, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count (fixture->project, "SELECT count(*) FROM events"), ==, 5);
  g_assert_cmpint (count (fixture->project, "SELECT count(*) FROM customers"), ==, 3);
  g_assert_cmpint (count (fixture->project, "SELECT count(*) FROM imports"), ==, 1);
  g_assert_cmpuint (result->imported, ==, 5);
}

static void
test_generated_stream (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(WmImportOptions) options = wm_import_options_new ();
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(GInputStream) stream = row_stream_new (300000);
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_import_stream (fixture->project, stream, "generated.csv", 0, options, result,
                                   NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->imported, ==, 300000);
  g_assert_cmpuint (result->customers, ==, 300000);
  g_assert_cmpint (count (fixture->project, "SELECT max(ts) - min(ts) FROM events"), ==, 299999);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/importer/csv/canonical", test_canonical_csv);
  ADD ("/importer/csv/posthog", test_posthog_csv);
  ADD ("/importer/jsonl/posthog", test_posthog_jsonl);
  ADD ("/importer/jsonl/segment", test_segment_jsonl);
  ADD ("/importer/jsonl/mixpanel", test_mixpanel_jsonl);
  ADD ("/importer/jsonl/ga4", test_ga4_jsonl);
  ADD ("/importer/timestamps/forms", test_timestamp_forms);
  ADD ("/importer/timestamps/timezone", test_timezone_option);
  ADD ("/importer/rejects/csv", test_rejects_csv);
  ADD ("/importer/rejects/bytes", test_rejects_bytes);
  ADD ("/importer/rejects/jsonl", test_rejects_jsonl);
  ADD ("/importer/unusable-files", test_unusable_files);
  ADD ("/importer/header-only", test_header_only);
  ADD ("/importer/mapping", test_mapping);
  ADD ("/importer/duplicate-content", test_duplicate_content);
  ADD ("/importer/cancel", test_cancel_leaves_project_as_before);
  ADD ("/importer/generated-stream", test_generated_stream);

#undef ADD

  return g_test_run ();
}
