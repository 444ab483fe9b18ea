/* test-map-editor.c: WmMapEditor loads the project's map, edits the
 * selected card from its panel, names undo in its toolbar and saves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "wm-error.h"
#include "wm-map-canvas-private.h"
#include "wm-map-editor-private.h"
#include "wm-map-json.h"

typedef struct
{
  char        *dir;
  char        *path;
  WmProject   *project;
  GtkWindow   *window;
  WmMapEditor *editor;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* A few frames' time, for drawing to happen. */
static void
wait_frames (void)
{
  gboolean done = FALSE;

  g_timeout_add_once (150, done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *cli = g_getenv ("WAYMARK_CLI");
  const char *argv[] = { cli, "demo", "--output", NULL, "--customers", "300", NULL };
  int status;

  g_assert_nonnull (cli);
  f->dir = g_dir_make_tmp ("map-editor-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "demo.waymark", NULL);
  argv[3] = f->path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  f->project = wm_project_open (f->path, WM_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  f->editor = WM_MAP_EDITOR (wm_map_editor_new ());
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1400, 800);
  gtk_window_set_child (f->window, GTK_WIDGET (f->editor));
  gtk_window_present (f->window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (f->editor)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (wm_map_editor_set_project (f->editor, f->project, &error));
  g_assert_no_error (error);
  iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  gtk_window_destroy (f->window);
  iterate ();
  g_assert_finalize_object (f->project);
  g_remove (f->path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
select_card (Fixture    *f,
             const char *id)
{
  wm_map_canvas_select (wm_map_editor_get_canvas (f->editor), (const char *[]) { id, NULL });
}

static void
test_loads_project_map (Fixture       *f,
                        gconstpointer  data)
{
  WmJourneyMap *map = wm_map_editor_get_map (f->editor);

  g_assert_nonnull (map);
  g_assert_cmpstr (wm_journey_map_get_title (map), ==, "Mortgage payment journey");
  g_assert_cmpuint (wm_journey_map_get_n_stages (map), ==, 4);
  g_assert_nonnull (wm_journey_map_lookup_card (map, "card-ivr-menu"));
  g_assert_false (wm_map_editor_get_dirty (f->editor));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->editor->panel_stack), ==, "empty");
  /* Nothing to undo yet: the toolbar says so. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (f->editor->undo_button)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (f->editor->undo_button)), ==, "Undo");
}

static void
test_panel_edits_card (Fixture       *f,
                       gconstpointer  data)
{
  WmJourneyMap *map = wm_map_editor_get_map (f->editor);
  g_autofree char *before = wm_map_json_to_string (map, FALSE);
  g_autofree char *after = NULL;
  const WmMapCard *card;

  select_card (f, "card-ivr-menu");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->editor->panel_stack), ==, "card");
  /* No numbers yet. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->editor->customers_row)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->editor->title_row)), ==, "IVR menu");
  g_assert_cmpuint (adw_combo_row_get_selected (f->editor->evidence_row), ==, WM_EVIDENCE_OBSERVED);

  gtk_editable_set_text (GTK_EDITABLE (f->editor->title_row), "IVR main menu");
  g_signal_emit_by_name (f->editor->title_row, "apply");
  card = wm_journey_map_lookup_card (map, "card-ivr-menu");
  g_assert_cmpstr (card->title, ==, "IVR main menu");
  g_assert_true (wm_map_editor_get_dirty (f->editor));
  iterate ();
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (f->editor->undo_button)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (f->editor->undo_button)), ==, "Undo Edit Card");

  gtk_toggle_button_set_active (f->editor->color_buttons[WM_CARD_COLOR_PURPLE], TRUE);
  g_assert_cmpint (wm_journey_map_lookup_card (map, "card-ivr-menu")->color, ==, WM_CARD_COLOR_PURPLE);
  iterate ();
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (f->editor->undo_button)), ==, "Undo Change Colour");

  adw_combo_row_set_selected (f->editor->evidence_row, WM_EVIDENCE_ASSUMED);
  g_assert_cmpint (wm_journey_map_lookup_card (map, "card-ivr-menu")->evidence, ==, WM_EVIDENCE_ASSUMED);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (f->editor->body_view), "Press 1 to pay", -1);
  g_assert_true (wm_map_editor_save (f->editor, NULL));
  g_assert_cmpstr (wm_journey_map_lookup_card (map, "card-ivr-menu")->body, ==, "Press 1 to pay");
  g_assert_false (wm_map_editor_get_dirty (f->editor));

  /* Toolbar undo, four times, through the editor's forwarded action. */
  for (int i = 0; i < 4; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "map.undo", NULL));
  after = wm_map_json_to_string (map, FALSE);
  g_assert_cmpstr (after, ==, before);
  /* The panel follows the map. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->editor->title_row)), ==, "IVR menu");
  g_assert_true (gtk_toggle_button_get_active (f->editor->color_buttons[card->color]));
}

static void
test_bindings (Fixture       *f,
               gconstpointer  data)
{
  const char *names[] = { "IVR menu", "App login", "Agent call" };
  const guint64 customers[] = { 7500, 5100, 6200 };
  WmJourneyMap *map = wm_map_editor_get_map (f->editor);
  GtkWidget *row;
  GtkCheckButton *check;
  const WmMapCard *card;

  wm_map_editor_set_touchpoints (f->editor, names, customers, G_N_ELEMENTS (names));
  select_card (f, "card-ivr-menu");

  /* One row per touchpoint, with its customers; the bound one checked. */
  row = gtk_widget_get_first_child (GTK_WIDGET (f->editor->bindings_list));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "IVR menu");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "7\u00A0500 customers");
  check = GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
  g_assert_true (gtk_check_button_get_active (check));
  row = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Agent call");
  check = GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_null (gtk_widget_get_next_sibling (row));

  /* Binding one more. */
  gtk_check_button_set_active (check, TRUE);
  card = wm_journey_map_lookup_card (map, "card-ivr-menu");
  g_assert_cmpstrv (card->bindings, ((const char *[]) { "IVR menu", "Agent call", NULL }));
  g_assert_cmpstr (wm_map_history_get_undo_label (wm_map_editor_get_history (f->editor)), ==,
                   "Undo Bind Touchpoint");
  g_assert_true (wm_map_history_undo (wm_map_editor_get_history (f->editor)));
  card = wm_journey_map_lookup_card (map, "card-ivr-menu");
  g_assert_cmpstrv (card->bindings, ((const char *[]) { "IVR menu", NULL }));
}

/* A selected connector shows its ends, its volume and its label, which
 * the panel edits as one undo step; a double-click on it (or F2, right
 * click → Edit Label) puts the cursor in the label. */
static void
test_panel_edits_connector (Fixture       *f,
                            gconstpointer  data)
{
  WmJourneyMap *map = wm_map_editor_get_map (f->editor);
  WmMapCanvas *canvas = wm_map_editor_get_canvas (f->editor);
  g_autoptr(WmMapMetrics) metrics = wm_map_metrics_new ();

  wm_map_metrics_set_connector (metrics, "link-menu-agent", 1234);
  wm_map_editor_set_metrics (f->editor, metrics);

  select_card (f, "link-menu-agent");
  g_assert_null (wm_map_canvas_get_selected_card (canvas));
  g_assert_cmpstr (wm_map_canvas_get_selected_connector (canvas), ==, "link-menu-agent");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->editor->panel_stack), ==, "connector");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->editor->label_row)), ==, "gives up at the menu");
  g_assert_cmpstr (adw_preferences_group_get_description (f->editor->connector_group), ==,
                   "From “IVR menu” to “Agent requested”");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->editor->volume_row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (f->editor->volume_row), ==, "1\u00a0234");

  gtk_editable_set_text (GTK_EDITABLE (f->editor->label_row), "  asks for an agent ");
  g_signal_emit_by_name (f->editor->label_row, "apply");
  g_assert_cmpstr (wm_journey_map_lookup_connector (map, "link-menu-agent")->label, ==, "asks for an agent");
  g_assert_cmpstr (wm_map_history_get_undo_label (wm_map_editor_get_history (f->editor)), ==,
                   "Undo Edit Connector Label");

  /* Emptied, the label goes. */
  gtk_editable_set_text (GTK_EDITABLE (f->editor->label_row), "");
  g_signal_emit_by_name (f->editor->label_row, "apply");
  g_assert_cmpstr (wm_journey_map_lookup_connector (map, "link-menu-agent")->label, ==, "");

  /* Undo brings both back, and the panel follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "map.undo", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->editor->label_row)), ==, "asks for an agent");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "map.undo", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->editor->label_row)), ==, "gives up at the menu");

  /* "Edit title" on a connector is its label: the cursor goes there. */
  select_card (f, "card-notice");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->editor->panel_stack), ==, "card");
  select_card (f, "link-menu-attempt");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "map.edit-title", NULL));
  iterate ();
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_WIDGET (f->editor->label_row)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->editor->label_row)), ==, "tries to pay");
  /* It has no numbers: the row hides. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->editor->volume_row)));

  /* Delete in the panel removes the connector, and the panel empties. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "map.delete", NULL));
  g_assert_null (wm_journey_map_lookup_connector (map, "link-menu-attempt"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->editor->panel_stack), ==, "empty");
}

static void
test_metrics (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(WmMapMetrics) metrics = wm_map_metrics_new ();

  wm_map_metrics_set_card (metrics, "card-ivr-menu", 7500, 0.6);
  select_card (f, "card-ivr-menu");
  wm_map_editor_set_metrics (f->editor, metrics);
  /* The canvas keeps its own copy. */
  g_clear_pointer (&metrics, wm_map_metrics_free);
  g_assert_nonnull (wm_map_metrics_get_card (wm_map_canvas_get_metrics (wm_map_editor_get_canvas (f->editor)),
                                             "card-ivr-menu"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->editor->customers_row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (f->editor->customers_row), ==, "7\u00a0500 · 60\u202f%");

  /* A card without numbers hides the row. */
  select_card (f, "card-notice");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->editor->customers_row)));
  wm_map_editor_set_metrics (f->editor, NULL);
  g_assert_null (wm_map_canvas_get_metrics (wm_map_editor_get_canvas (f->editor)));
}

static void
test_save_and_reload (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmJourneyMap) stored = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;

  select_card (f, "card-notice");
  g_assert_true (wm_map_canvas_key_pressed (wm_map_editor_get_canvas (f->editor), GDK_KEY_Down, 0));
  g_assert_true (wm_map_editor_get_dirty (f->editor));
  g_assert_true (wm_map_editor_save (f->editor, &error));
  g_assert_no_error (error);
  g_assert_false (wm_map_editor_get_dirty (f->editor));

  stored = wm_map_json_load_project (f->project, &error);
  g_assert_no_error (error);
  expected = wm_map_json_to_string (wm_map_editor_get_map (f->editor), FALSE);
  actual = wm_map_json_to_string (stored, FALSE);
  g_assert_cmpstr (actual, ==, expected);
}

static void
test_unreadable_map_keeps_editor (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  WmJourneyMap *map = wm_map_editor_get_map (f->editor);
  g_autoptr(WmMapEditor) other = g_object_ref_sink (WM_MAP_EDITOR (wm_map_editor_new ()));

  g_assert_true (wm_project_save_map_json (f->project, "{\"version\": 1, \"stages\": 3}", &error));
  g_assert_no_error (error);
  g_assert_false (wm_map_editor_set_project (f->editor, f->project, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT);
  g_assert_true (wm_map_editor_get_map (f->editor) == map);

  /* An editor without a project has nowhere to save. */
  g_clear_error (&error);
  wm_map_editor_set_map (other, map);
  g_assert_false (wm_map_editor_save (other, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT);
  wm_map_editor_set_map (other, NULL);
}

static void
save_png (Fixture    *f,
          const char *name)
{
  GtkWidget *widget = GTK_WIDGET (f->editor);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("WM_CANVAS_PNG_DIR"), name, NULL);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  wait_frames ();
  /* The window's background (libadwaita's window_bg_color). */
  gtk_snapshot_append_color (snapshot, adw_style_manager_get_dark (adw_style_manager_get_default ())
                                       ? &(GdkRGBA) { 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0, 1 }
                                       : &(GdkRGBA) { 0xfa / 255.0, 0xfa / 255.0, 0xfa / 255.0, 1 },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_true (gsk_renderer_realize (renderer, NULL, NULL));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* WM_CANVAS_PNG_DIR set: pictures of the editor to look at (light, dark). */
static void
test_pictures (Fixture       *f,
               gconstpointer  data)
{
  const char *names[] = { "IVR menu", "IVR payment attempt", "Agent call", "App login" };
  const guint64 customers[] = { 7500, 3000, 6200, 5100 };
  g_autoptr(WmMapMetrics) metrics = NULL;

  if (g_getenv ("WM_CANVAS_PNG_DIR") == NULL)
    {
      g_test_skip ("WM_CANVAS_PNG_DIR not set");
      return;
    }
  /* The story's numbers, roughly. */
  metrics = wm_map_metrics_new ();
  wm_map_metrics_set_start (metrics, 12500);
  wm_map_metrics_set_card (metrics, "card-notice", 12500, 1.0);
  wm_map_metrics_set_card (metrics, "card-app-login", 5100, 0.41);
  wm_map_metrics_set_card (metrics, "card-web-login", 2900, 0.23);
  wm_map_metrics_set_card (metrics, "card-ivr-menu", 7500, 0.6);
  wm_map_metrics_set_card (metrics, "card-ivr-attempt", 3000, 0.24);
  wm_map_metrics_set_card (metrics, "card-agent-call", 6200, 0.5);
  wm_map_metrics_set_card (metrics, "card-paid", 9800, 0.78);
  wm_map_metrics_set_lane (metrics, "lane-app", 5100, 3000);
  wm_map_metrics_set_lane (metrics, "lane-web", 2900, 1700);
  wm_map_metrics_set_lane (metrics, "lane-ivr", 7500, 1425);
  wm_map_editor_set_metrics (f->editor, metrics);
  wm_map_editor_set_touchpoints (f->editor, names, customers, G_N_ELEMENTS (names));
  select_card (f, "card-ivr-menu");
  save_png (f, "editor-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  save_png (f, "editor-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() switches to en_US.UTF-8 where the system has it: the
   * expected texts are written for C.UTF-8, as on a fresh machine. */
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

#define ADD(name, fn) \
  g_test_add ("/map-editor/" name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("loads-project-map", test_loads_project_map);
  ADD ("panel-edits-card", test_panel_edits_card);
  ADD ("panel-edits-connector", test_panel_edits_connector);
  ADD ("bindings", test_bindings);
  ADD ("metrics", test_metrics);
  ADD ("save-and-reload", test_save_and_reload);
  ADD ("unreadable-map-keeps-editor", test_unreadable_map_keeps_editor);
  ADD ("pictures", test_pictures);
#undef ADD

  return g_test_run ();
}
