/* test-cli-map.c: waymark-cli map export|import and render map, end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "wm-demo-map.h"
#include "wm-map-json.h"
#include "wm-project.h"

typedef struct
{
  char *dir;
  char *project;    /* the demo, with its journey map */
} Fixture;

/* Runs waymark-cli with @args (NULL-terminated, after the program) and
 * returns its exit status; *err gets its stderr. */
static int
waymark_cli (char              **err,
             const char * const *args)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_strv_builder_add (builder, g_getenv ("WAYMARK_CLI"));
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);

  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

#define CLI(err, ...) waymark_cli (err, (const char * const[]) { __VA_ARGS__, NULL })

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *err = NULL;

  fixture->dir = g_dir_make_tmp ("waymark-cli-map-XXXXXX", NULL);
  fixture->project = g_build_filename (fixture->dir, "demo.waymark", NULL);
  g_assert_cmpint (CLI (&err, "demo", "--output", fixture->project, "--customers", "300"), ==, 0);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->project);
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* The map stored in the project, as compact JSON. */
static char *
stored_map (Fixture *fixture)
{
  g_autoptr(WmProject) project = wm_project_open (fixture->project, WM_PROJECT_OPEN_READ_ONLY, NULL);
  g_autoptr(WmJourneyMap) map = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (project);
  map = wm_map_json_load_project (project, &error);
  g_assert_no_error (error);
  return wm_map_json_to_string (map, FALSE);
}

static void
test_demo_exports_its_map (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *out = path_in (fixture, "map.json");
  g_autofree char *err = NULL;
  g_autoptr(WmJourneyMap) demo = wm_demo_map_new ();
  g_autofree char *expected = wm_map_json_to_string (demo, TRUE);
  g_autofree char *got = NULL;

  g_assert_cmpint (CLI (&err, "map", "export", "--db", fixture->project, out), ==, 0);
  got = read_text (out);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_import_replaces (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *file = path_in (fixture, "new.json");
  g_autofree char *out = path_in (fixture, "again.json");
  g_autofree char *err = NULL;
  g_autofree char *again = NULL;
  g_autofree char *stored = NULL;
  const char *json =
    "{\"version\":1,\"title\":\"付款之旅\",\"stages\":[{\"id\":\"s\",\"name\":\"通知\"}],"
    "\"lanes\":[{\"id\":\"l\",\"name\":\"Notes\",\"kind\":\"notes\"}],"
    "\"cards\":[{\"id\":\"c\",\"title\":\"Zoë\",\"stage\":\"s\",\"lane\":\"l\",\"order\":0}]}";
  g_autoptr(WmJourneyMap) expected = wm_map_json_parse (json, -1, NULL);
  g_autofree char *expected_json = wm_map_json_to_string (expected, FALSE);

  g_assert_true (g_file_set_contents (file, json, -1, NULL));
  g_assert_cmpint (CLI (&err, "map", "import", "--db", fixture->project, file), ==, 0);
  stored = stored_map (fixture);
  g_assert_cmpstr (stored, ==, expected_json);

  /* Export gives back what was imported. */
  g_assert_cmpint (CLI (NULL, "map", "export", "--db", fixture->project, out), ==, 0);
  again = read_text (out);
  {
    g_autoptr(WmJourneyMap) reread = wm_map_json_parse (again, -1, NULL);
    g_autofree char *reread_json = wm_map_json_to_string (reread, FALSE);

    g_assert_cmpstr (reread_json, ==, expected_json);
  }
}

typedef struct
{
  const char *name;
  const char *content;   /* NULL: the file does not exist */
  const char *message;
} Refusal;

static const Refusal refusals[] = {
  { "dangling", "{\"version\":1,\"stages\":[],\"lanes\":[],\"cards\":[{\"id\":\"c\",\"title\":\"x\","
                "\"stage\":\"s\",\"lane\":\"l\",\"order\":0}]}", "cards[0].stage" },
  { "future", "{\"version\":2,\"stages\":[],\"lanes\":[]}", "newer version of Waymark" },
  { "truncated", "{\"version\":1,\"stages\":[", "not valid JSON" },
  { "missing", NULL, "" },
};

static void
test_import_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *before = stored_map (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *file = path_in (fixture, refusals[i].name);
      g_autofree char *err = NULL;
      g_autofree char *after = NULL;

      if (refusals[i].content != NULL)
        g_assert_true (g_file_set_contents (file, refusals[i].content, -1, NULL));
      g_assert_cmpint (CLI (&err, "map", "import", "--db", fixture->project, file), ==, 2);
      g_assert_nonnull (strstr (err, refusals[i].message));
      /* One line on stderr. */
      g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
      after = stored_map (fixture);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_render (Fixture       *fixture,
             gconstpointer  data)
{
  const char *formats[][2] = { { "map.svg", "<?xml" }, { "map.pdf", "%PDF" } };
  g_autofree char *png = path_in (fixture, "map.png");
  g_autofree char *err = NULL;
  cairo_surface_t *image;

  g_assert_cmpint (CLI (&err, "render", "map", "--db", fixture->project, "--output", png,
                        "--size", "800x600", "--theme", "dark"), ==, 0);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 600);
  cairo_surface_destroy (image);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *out = path_in (fixture, formats[i][0]);
      g_autofree char *text = NULL;

      g_assert_cmpint (CLI (NULL, "render", "map", "--db", fixture->project, "--output", out), ==, 0);
      text = read_text (out);
      g_assert_true (g_str_has_prefix (text, formats[i][1]));
    }
}

static void
test_render_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *png = path_in (fixture, "x.png");
  g_autofree char *gif = path_in (fixture, "x.gif");
  g_autofree char *empty = path_in (fixture, "empty.waymark");
  g_autofree char *err = NULL;
  g_autoptr(WmProject) project = wm_project_open (empty, WM_PROJECT_OPEN_CREATE, NULL);

  g_assert_nonnull (project);
  g_clear_object (&project);

  g_assert_cmpint (CLI (&err, "render", "map", "--db", fixture->project, "--output", png,
                        "--size", "800"), ==, 2);
  g_assert_nonnull (strstr (err, "--size"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (CLI (&err, "render", "map", "--db", fixture->project, "--output", png,
                        "--theme", "sepia"), ==, 2);
  g_assert_nonnull (strstr (err, "sepia"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (CLI (&err, "render", "map", "--db", fixture->project, "--output", gif), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (CLI (&err, "render", "map", "--db", fixture->project, "--output", png,
                        "--size", "9x9"), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (CLI (&err, "render", "map", "--db", empty, "--output", png), ==, 2);
  g_assert_nonnull (strstr (err, "no journey map"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (CLI (&err, "render", "pie", "--db", fixture->project, "--output", png), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (CLI (&err, "map", "merge", "--db", fixture->project, png), ==, 2);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (gif, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli-map/demo-exports-its-map", test_demo_exports_its_map);
  ADD ("/cli-map/import-replaces", test_import_replaces);
  ADD ("/cli-map/import-refused", test_import_refused);
  ADD ("/cli-map/render", test_render);
  ADD ("/cli-map/render-refused", test_render_refused);
#undef ADD

  return g_test_run ();
}
