/* test-crash-safety.c: a process killed mid-write leaves the project as it was
 *
 * `waymark-cli import` is killed with SIGKILL at points chosen by fixed
 * seeds: after it has read a given share of its input (/proc/PID/io), or
 * once its write-ahead log holds a given number of bytes (the commit).
 * Map saves are killed the same way: this binary, started with
 * --save-map-loop, saves journey maps in a loop and is killed after a
 * given number of saves.  Afterwards the project must open, pass
 * PRAGMA integrity_check, and hold exactly what it held before (or, for a
 * kill after the commit, exactly that plus the whole import).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "wm-error.h"
#include "wm-project.h"

#define IMPORT_CUSTOMERS "60000"
#define MAP_FILL_BYTES (256 * 1024)

static char *self_path;

typedef struct
{
  char   *dir;
  char   *project;
  char   *csv;
  gint64  n_events;
  char   *checksum;
} Fixture;

static const char *
cli_path (void)
{
  const char *cli = g_getenv ("WAYMARK_CLI");

  g_assert_nonnull (cli);
  return cli;
}

static void
run_cli (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process =
    g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);

  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
}

static gint64
query_int (WmProject  *project,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (project, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* SHA-256 over the first @n_events events as the project reads them back. */
static char *
events_checksum (WmProject *project,
                 gint64     n_events)
{
  g_autoptr(sqlite3_stmt) stmt =
    wm_project_prepare (project,
                        "SELECT id, customer, ts, touchpoint, coalesce (channel, ''),"
                        " coalesce (properties, '') FROM events_named WHERE id <= ? ORDER BY id",
                        NULL);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  sqlite3_bind_int64 (stmt, 1, n_events);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < 6; i++)
      g_checksum_update (checksum, sqlite3_column_text (stmt, i), sqlite3_column_bytes (stmt, i) + 1);

  return g_strdup (g_checksum_get_string (checksum));
}

/* Opens the project as the app would after a crash, and checks it whole. */
static WmProject *
open_and_check (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = wm_project_open (path, WM_PROJECT_OPEN_DEFAULT, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  stmt = wm_project_prepare (project, "PRAGMA integrity_check", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);

  return g_steal_pointer (&project);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(WmProject) project = NULL;

  fixture->dir = g_dir_make_tmp ("waymark-crash-XXXXXX", NULL);
  fixture->project = g_build_filename (fixture->dir, "kept.waymark", NULL);
  fixture->csv = g_build_filename (fixture->dir, "large.csv", NULL);

  run_cli ((const char * const[]) { cli_path (), "demo", "--output", fixture->project,
                                    "--customers", "300", "--seed", "3", NULL });

  project = open_and_check (fixture->project);
  fixture->n_events = query_int (project, "SELECT count(*) FROM events");
  g_assert_cmpint (fixture->n_events, >, 300);
  fixture->checksum = events_checksum (project, G_MAXINT64);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->project);
  g_free (fixture->csv);
  g_free (fixture->checksum);
}

/* Bytes the process has read so far, or -1 once it is gone. */
static gint64
bytes_read_by (const char *pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/io", pid);
  g_autofree char *contents = NULL;
  const char *rchar;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return -1;
  rchar = strstr (contents, "rchar: ");
  g_assert_nonnull (rchar);
  return g_ascii_strtoll (rchar + strlen ("rchar: "), NULL, 10);
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

typedef enum
{
  KILL_AFTER_READING,  /* threshold: bytes read from the input */
  KILL_IN_COMMIT,      /* threshold: bytes in the write-ahead log */
} KillPoint;

/* Starts an import and kills it at @threshold; returns whether the kill
 * landed (FALSE: the import had already finished). */
static gboolean
import_and_kill (Fixture   *fixture,
                 KillPoint  point,
                 gint64     threshold)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->project, "-wal", NULL);
  g_autoptr(GSubprocess) process =
    g_subprocess_newv ((const char * const[]) { cli_path (), "import", "--db", fixture->project,
                                                fixture->csv, NULL },
                       G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                       &error);
  g_autofree char *pid = NULL;

  g_assert_no_error (error);
  pid = g_strdup (g_subprocess_get_identifier (process));

  for (;;)
    {
      gint64 reached = point == KILL_AFTER_READING ? bytes_read_by (pid) : file_size (wal);

      if (reached >= threshold)
        {
          g_subprocess_send_signal (process, SIGKILL);
          break;
        }
      if (reached < 0 || g_subprocess_get_identifier (process) == NULL)
        break;
      if (point == KILL_IN_COMMIT && bytes_read_by (pid) < 0)
        break;
      g_usleep (200);
    }

  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_no_error (error);

  if (g_subprocess_get_if_signaled (process))
    {
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
      return TRUE;
    }
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  return FALSE;
}

static void
test_killed_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4207);
  g_autoptr(WmProject) project = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *checksum = NULL;
  gint64 csv_size, csv_events = 0;
  guint killed_in_commit = 0;

  run_cli ((const char * const[]) { cli_path (), "demo", "--output", fixture->csv,
                                    "--customers", IMPORT_CUSTOMERS, "--seed", "11", NULL });
  g_assert_true (g_file_get_contents (fixture->csv, &contents, NULL, NULL));
  for (const char *p = contents; *p; p++)
    csv_events += *p == '\n';
  csv_events--;  /* the header; the demo writes no newline inside a field */
  csv_size = file_size (fixture->csv);
  g_clear_pointer (&contents, g_free);
  g_assert_cmpint (csv_events, >, 200000);

  /* While reading, every kill lands before the commit. */
  for (guint i = 0; i < 4; i++)
    {
      gint64 threshold = (gint64) (csv_size * g_rand_double_range (rand, 0.05, 0.95));

      g_test_message ("kill after reading %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " bytes",
                      threshold, csv_size);
      g_assert_true (import_and_kill (fixture, KILL_AFTER_READING, threshold));

      project = open_and_check (fixture->project);
      g_assert_cmpint (query_int (project, "SELECT count(*) FROM events"), ==, fixture->n_events);
      g_assert_cmpint (query_int (project, "SELECT count(*) FROM imports"), ==, 1);
      g_assert_cmpint (query_int (project, "SELECT count(*) FROM customers"), ==, 300);
      checksum = events_checksum (project, G_MAXINT64);
      g_assert_cmpstr (checksum, ==, fixture->checksum);
      g_clear_pointer (&checksum, g_free);
      g_clear_object (&project);
    }

  /* During the commit the import is all there or not there at all. */
  for (guint i = 0; i < 4; i++)
    {
      gint64 threshold = g_rand_int_range (rand, 4096, 4 * 1024 * 1024);
      gint64 n_events;
      gboolean landed;

      g_test_message ("kill once the write-ahead log holds %" G_GINT64_FORMAT " bytes", threshold);
      landed = import_and_kill (fixture, KILL_IN_COMMIT, threshold);
      killed_in_commit += landed;

      project = open_and_check (fixture->project);
      n_events = query_int (project, "SELECT count(*) FROM events");
      checksum = events_checksum (project, fixture->n_events);
      g_assert_cmpstr (checksum, ==, fixture->checksum);
      g_clear_pointer (&checksum, g_free);
      if (n_events != fixture->n_events)
        {
          /* Committed before the kill: the whole file, recorded once. */
          g_assert_cmpint (n_events, ==, fixture->n_events + csv_events);
          g_assert_cmpint (query_int (project, "SELECT count(*) FROM imports WHERE finished_at IS NOT NULL"), ==, 2);
          g_assert_cmpint (query_int (project, "SELECT count(*) FROM imports"), ==, 2);
          g_clear_object (&project);
          break;
        }
      g_assert_true (landed);
      g_assert_cmpint (query_int (project, "SELECT count(*) FROM imports"), ==, 1);
      g_clear_object (&project);
    }
  g_test_message ("%u kills landed during the commit", killed_in_commit);

  /* Whatever the kills left behind, the file imports (or is already in). */
  project = open_and_check (fixture->project);
  if (query_int (project, "SELECT count(*) FROM imports") == 1)
    {
      g_clear_object (&project);
      run_cli ((const char * const[]) { cli_path (), "import", "--db", fixture->project, fixture->csv, NULL });
      project = open_and_check (fixture->project);
    }
  g_assert_cmpint (query_int (project, "SELECT count(*) FROM events"), ==, fixture->n_events + csv_events);
  checksum = events_checksum (project, fixture->n_events);
  g_assert_cmpstr (checksum, ==, fixture->checksum);
}

/* The journey map of save number @generation in @round: large enough to
 * span many pages, so that a torn write would show. */
static char *
map_document (guint round,
              guint generation)
{
  g_autoptr(GString) doc = g_string_new (NULL);

  g_string_append_printf (doc, "{\"version\":1,\"round\":%u,\"generation\":%u,\"fill\":\"",
                          round, generation);
  for (guint i = 0; i < MAP_FILL_BYTES; i++)
    g_string_append_c (doc, (char) ('a' + (round + generation + i) % 26));
  g_string_append (doc, "\"}");

  return g_string_free (g_steal_pointer (&doc), FALSE);
}

/* The helper mode: saves maps 1, 2, 3… and says so after each. */
static int
save_map_loop (const char *path,
               guint       round)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = wm_project_open (path, WM_PROJECT_OPEN_DEFAULT, &error);

  if (project == NULL)
    g_error ("%s", error->message);

  for (guint generation = 1; ; generation++)
    {
      g_autofree char *doc = map_document (round, generation);

      if (!wm_project_save_map_json (project, doc, &error))
        g_error ("%s", error->message);
      g_print ("saved %u\n", generation);
      fflush (stdout);
    }

  return 0;
}

/* Reads one "saved N" line; FALSE at the end of the output. */
static gboolean
read_saved (GDataInputStream *lines,
            guint            *saved)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line (lines, NULL, NULL, &error);

  g_assert_no_error (error);
  if (line == NULL)
    return FALSE;
  g_assert_true (g_str_has_prefix (line, "saved "));
  *saved = (guint) g_ascii_strtoull (line + strlen ("saved "), NULL, 10);
  return TRUE;
}

static void
test_killed_map_save (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);
  for (guint round = 0; round < 5; round++)
    {
      guint kill_after = g_rand_int_range (rand, 1, 12);
      g_autoptr(GError) error = NULL;
      g_autofree char *round_text = g_strdup_printf ("%u", round);
      g_autoptr(GSubprocess) process =
        g_subprocess_newv ((const char * const[]) { self_path, "--save-map-loop", fixture->project,
                                                    round_text, NULL },
                           G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
      g_autoptr(GDataInputStream) lines = NULL;
      g_autoptr(WmProject) project = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *map = NULL;
      g_autofree char *expected = NULL;
      guint saved = 0;
      JsonObject *root;
      guint generation;

      g_assert_no_error (error);
      lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
      while (saved < kill_after)
        {
          g_assert_true (read_saved (lines, &saved));
        }
      g_subprocess_send_signal (process, SIGKILL);
      g_assert_true (g_subprocess_wait (process, NULL, &error));
      g_assert_true (g_subprocess_get_if_signaled (process));
      /* It may have saved more while we read: the last line counts. */
      while (read_saved (lines, &saved))
        ;

      project = open_and_check (fixture->project);
      map = wm_project_load_map_json (project, &error);
      g_assert_no_error (error);
      g_assert_true (json_parser_load_from_data (parser, map, -1, &error));
      g_assert_no_error (error);
      root = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpint (json_object_get_int_member (root, "round"), ==, round);
      generation = (guint) json_object_get_int_member (root, "generation");
      g_test_message ("killed after save %u: the project holds save %u", saved, generation);

      /* The last save reported, or the one in progress if its commit
       * finished before the kill; never a mix, never an older one. */
      g_assert_cmpuint (generation, >=, saved);
      g_assert_cmpuint (generation, <=, saved + 1);
      expected = map_document (round, generation);
      g_assert_true (strcmp (map, expected) == 0);

      g_assert_cmpint (query_int (project, "SELECT count(*) FROM events"), ==, fixture->n_events);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && strcmp (argv[1], "--save-map-loop") == 0)
    return save_map_loop (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_assert_nonnull (self_path);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/crash-safety/killed-import", Fixture, NULL,
              fixture_set_up, test_killed_import, fixture_tear_down);
  g_test_add ("/crash-safety/killed-map-save", Fixture, NULL,
              fixture_set_up, test_killed_map_save, fixture_tear_down);

  return g_test_run ();
}
