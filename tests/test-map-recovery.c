/* test-map-recovery.c: unsaved journey maps kept aside and offered back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "wm-error.h"
#include "wm-map-json.h"
#include "wm-map-recovery.h"

typedef struct
{
  char      *dir;
  char      *project_path;
  char      *recovery;
  WmProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("waymark-recovery-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->project_path = g_build_filename (fixture->dir, "bank.waymark", NULL);
  fixture->project = wm_project_open (fixture->project_path, WM_PROJECT_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->recovery = wm_map_recovery_path (fixture->project_path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  GFileInfo *info;

  g_clear_object (&fixture->project);
  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, g_file_info_get_name (info), NULL);

      g_unlink (path);
      g_object_unref (info);
    }
  g_rmdir (fixture->dir);
  wm_map_recovery_discard (fixture->recovery, NULL);
  g_free (fixture->dir);
  g_free (fixture->project_path);
  g_free (fixture->recovery);
}

static WmJourneyMap *
make_map (const char *title)
{
  WmJourneyMap *map = wm_journey_map_new ();

  wm_journey_map_set_title (map, title);
  wm_journey_map_add_stage (map, "s1", "Notice", -1);
  wm_journey_map_add_lane (map, "l1", "Steps", WM_LANE_TOUCHPOINTS, NULL, -1);
  return map;
}

static char *
document (WmJourneyMap *map)
{
  return wm_map_json_to_string (map, FALSE);
}

static void
set_modified_ms (const char *path,
                 gint64      ms)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_info_new ();
  g_autoptr(GError) error = NULL;

  /* Whole seconds: GLib 2.74 sets no finer modification time. */
  g_file_info_set_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED, ms / 1000);
  g_file_set_attributes_from_info (file, info, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
}

static void
test_path (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "waymark", "recovery", NULL);
  g_autofree char *parent = g_path_get_dirname (fixture->recovery);
  g_autofree char *name = g_path_get_basename (fixture->recovery);
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *relative = NULL;
  g_autofree char *other = wm_map_recovery_path ("/somewhere/else.waymark");

  g_assert_cmpstr (parent, ==, dir);
  /* 64 hex digits and ".json". */
  g_assert_cmpuint (strlen (name), ==, 64 + 5);
  g_assert_true (g_str_has_suffix (name, ".json"));
  g_assert_cmpstr (other, !=, fixture->recovery);

  /* The same project through a relative path: the same file. */
  {
    g_autofree char *base = g_path_get_basename (fixture->dir);
    g_autofree char *via = g_strconcat ("../", base, "/bank.waymark", NULL);

    g_assert_cmpint (g_chdir (fixture->dir), ==, 0);
    relative = wm_map_recovery_path (via);
    g_assert_cmpint (g_chdir (cwd), ==, 0);
    g_assert_cmpstr (relative, ==, fixture->recovery);
  }
}

static void
test_write_find_discard (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(WmJourneyMap) map = make_map ("Unsaved");
  g_autoptr(WmJourneyMap) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = document (map);
  g_autofree char *got = NULL;

  /* Nothing kept aside: nothing to offer. */
  g_assert_null (wm_map_recovery_find (fixture->recovery, fixture->project, &error));
  g_assert_no_error (error);

  g_assert_true (wm_map_recovery_write (fixture->recovery, map, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (fixture->recovery, G_FILE_TEST_IS_REGULAR));

  /* The project never saved a map: the recovered one is offered, as written. */
  found = wm_map_recovery_find (fixture->recovery, fixture->project, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  got = document (found);
  g_assert_cmpstr (got, ==, expected);

  g_assert_true (wm_map_recovery_discard (fixture->recovery, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (fixture->recovery, G_FILE_TEST_EXISTS));
  /* Twice is fine. */
  g_assert_true (wm_map_recovery_discard (fixture->recovery, &error));
  g_assert_no_error (error);
  g_assert_null (wm_map_recovery_find (fixture->recovery, fixture->project, &error));
  g_assert_no_error (error);
}

static void
test_staleness (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(WmJourneyMap) saved = make_map ("Saved");
  g_autoptr(WmJourneyMap) edited = make_map ("Edited");
  g_autoptr(WmJourneyMap) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 saved_at;

  g_assert_true (wm_map_json_save_project (fixture->project, saved, &error));
  g_assert_no_error (error);
  g_assert_true (wm_project_get_map_saved_at (fixture->project, &saved_at, &error));
  g_assert_no_error (error);
  g_assert_cmpint (saved_at, >, 0);

  g_assert_true (wm_map_recovery_write (fixture->recovery, edited, &error));
  g_assert_no_error (error);

  /* Written before the last save: stale. */
  set_modified_ms (fixture->recovery, saved_at - 1000);
  g_assert_null (wm_map_recovery_find (fixture->recovery, fixture->project, &error));
  g_assert_no_error (error);
  set_modified_ms (fixture->recovery, saved_at);
  g_assert_null (wm_map_recovery_find (fixture->recovery, fixture->project, &error));
  g_assert_no_error (error);

  /* Written after (the next second): offered. */
  set_modified_ms (fixture->recovery, saved_at + 1000);
  found = wm_map_recovery_find (fixture->recovery, fixture->project, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (wm_journey_map_get_title (found), ==, "Edited");
  g_clear_object (&found);

  /* Newer but the same document as the saved one: nothing to restore. */
  g_assert_true (wm_map_recovery_write (fixture->recovery, saved, &error));
  set_modified_ms (fixture->recovery, saved_at + 5000);
  g_assert_null (wm_map_recovery_find (fixture->recovery, fixture->project, &error));
  g_assert_no_error (error);
}

static void
test_corrupt (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->recovery);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->recovery, "{\"version\": 1, \"stages\": [", -1, NULL));
  g_assert_null (wm_map_recovery_find (fixture->recovery, fixture->project, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT);
}

static void
test_overwrite_whole (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(WmJourneyMap) first = make_map ("First");
  g_autoptr(WmJourneyMap) second = make_map ("Second, longer than the first");
  g_autofree char *expected = document (first);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_map_recovery_write (fixture->recovery, second, &error));
  g_assert_true (wm_map_recovery_write (fixture->recovery, first, &error));
  g_assert_no_error (error);
  /* A shorter document replaces a longer one exactly: no tail left over. */
  g_assert_true (g_file_get_contents (fixture->recovery, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(WmJourneyMap) map = make_map ("Unsaved");
  g_autofree char *blocked = g_build_filename (fixture->dir, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocked, "recovery.json", NULL);
  g_autoptr(GError) error = NULL;

  /* Its folder cannot exist: a file holds the name. */
  g_assert_true (g_file_set_contents (blocked, "x", -1, NULL));
  g_assert_false (wm_map_recovery_write (path, map, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_IO);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *state = g_dir_make_tmp ("waymark-state-XXXXXX", NULL);

  /* Recovery files go to a state folder of the test's own (not through
   * G_TEST_OPTION_ISOLATE_DIRS: GLib 2.74 leaks its folder names, which
   * LeakSanitizer reports). */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/map-recovery/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("path", test_path);
  ADD ("write-find-discard", test_write_find_discard);
  ADD ("staleness", test_staleness);
  ADD ("corrupt", test_corrupt);
  ADD ("overwrite-whole", test_overwrite_whole);
  ADD ("unwritable", test_unwritable);
#undef ADD

  return g_test_run ();
}
