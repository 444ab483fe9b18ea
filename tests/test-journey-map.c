/* test-journey-map.c: WmJourneyMap, its JSON round trip and its storage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "wm-demo-map.h"
#include "wm-error.h"
#include "wm-journey-map.h"
#include "wm-map-json.h"

static void
add_card (WmJourneyMap *map,
          const char   *id,
          const char   *stage,
          const char   *lane,
          guint         order)
{
  g_autoptr(WmMapCard) card = wm_map_card_new ();

  card->id = g_strdup (id);
  card->stage = g_strdup (stage);
  card->lane = g_strdup (lane);
  card->order = order;
  g_free (card->title);
  card->title = g_strdup (id);
  g_assert_nonnull (wm_journey_map_add_card (map, card, -1));
}

/* The ids of the cell's cards, by order, as "a,b,c". */
static char *
cell_ids (WmJourneyMap *map,
          const char   *stage,
          const char   *lane)
{
  g_autoptr(GPtrArray) cell = wm_journey_map_get_cell_cards (map, stage, lane);
  g_autoptr(GString) ids = g_string_new ("");

  for (guint i = 0; i < cell->len; i++)
    {
      const WmMapCard *card = g_ptr_array_index (cell, i);

      g_assert_cmpuint (card->order, ==, i);
      g_string_append_printf (ids, "%s%s", i > 0 ? "," : "", card->id);
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static WmJourneyMap *
grid_map (void)
{
  WmJourneyMap *map = wm_journey_map_new ();

  wm_journey_map_add_stage (map, "s1", "One", -1);
  wm_journey_map_add_stage (map, "s2", "Two", -1);
  wm_journey_map_add_lane (map, "l1", "Touchpoints", WM_LANE_TOUCHPOINTS, NULL, -1);
  wm_journey_map_add_lane (map, "l2", "IVR", WM_LANE_CHANNELS, "ivr", -1);
  return map;
}

static void
test_cell_orders (void)
{
  g_autoptr(WmJourneyMap) map = grid_map ();
  WmMapCardPosition swap[2] = {
    { "a", "s1", "l1", 1 },
    { "c", "s1", "l1", 0 },
  };
  g_autofree char *after_add = NULL;
  g_autofree char *after_move = NULL;
  g_autofree char *after_swap = NULL;
  g_autofree char *other = NULL;

  add_card (map, "a", "s1", "l1", 0);
  add_card (map, "b", "s1", "l1", 0);   /* before a */
  add_card (map, "c", "s1", "l1", 99);  /* clamped: last */
  after_add = cell_ids (map, "s1", "l1");
  g_assert_cmpstr (after_add, ==, "b,a,c");

  g_assert_true (wm_journey_map_move_card (map, "b", "s2", "l2", 0));
  after_move = cell_ids (map, "s1", "l1");
  g_assert_cmpstr (after_move, ==, "a,c");
  other = cell_ids (map, "s2", "l2");
  g_assert_cmpstr (other, ==, "b");
  g_assert_cmpstr (wm_journey_map_lookup_card (map, "b")->lane, ==, "l2");

  g_assert_true (wm_journey_map_move_cards (map, swap, G_N_ELEMENTS (swap)));
  after_swap = cell_ids (map, "s1", "l1");
  g_assert_cmpstr (after_swap, ==, "c,a");

  /* Unknown targets and repeated cards change nothing. */
  g_assert_false (wm_journey_map_move_card (map, "a", "nope", "l1", 0));
  g_assert_false (wm_journey_map_move_card (map, "zz", "s1", "l1", 0));
  swap[1].card = "a";
  g_assert_false (wm_journey_map_move_cards (map, swap, G_N_ELEMENTS (swap)));
  g_clear_pointer (&after_swap, g_free);
  after_swap = cell_ids (map, "s1", "l1");
  g_assert_cmpstr (after_swap, ==, "c,a");

  /* The card list keeps creation order whatever the moves. */
  g_assert_cmpstr (wm_journey_map_get_card (map, 0)->id, ==, "a");
  g_assert_cmpstr (wm_journey_map_get_card (map, 1)->id, ==, "b");
  g_assert_cmpstr (wm_journey_map_get_card (map, 2)->id, ==, "c");
}

static void
test_ids (void)
{
  g_autoptr(WmJourneyMap) map = grid_map ();
  g_autoptr(WmMapCard) card = wm_map_card_new ();
  const WmMapCard *added;

  /* Ids are unique across kinds. */
  g_assert_null (wm_journey_map_add_stage (map, "l1", "Clash", -1));
  g_assert_null (wm_journey_map_add_lane (map, "s2", "Clash", WM_LANE_NOTES, NULL, -1));
  g_assert_null (wm_journey_map_add_stage (map, "", "Empty id", -1));
  g_assert_cmpuint (wm_journey_map_get_n_stages (map), ==, 2);

  card->stage = g_strdup ("s1");
  card->lane = g_strdup ("l1");
  added = wm_journey_map_add_card (map, card, -1);
  g_assert_cmpstr (added->id, ==, "card-1");
  added = wm_journey_map_add_card (map, card, -1);
  g_assert_cmpstr (added->id, ==, "card-2");
  g_assert_cmpstr (wm_journey_map_add_stage (map, NULL, "Three", 0)->id, ==, "stage-3");
  g_assert_cmpint (wm_journey_map_stage_index (map, "stage-3"), ==, 0);
  g_assert_true (wm_journey_map_has_id (map, "card-2"));
  g_assert_false (wm_journey_map_has_id (map, "card-3"));

  /* A card needs a stage and a lane that exist. */
  g_free (card->lane);
  card->lane = g_strdup ("nope");
  g_assert_null (wm_journey_map_add_card (map, card, -1));
  g_assert_cmpuint (wm_journey_map_get_n_cards (map), ==, 2);

  g_assert_null (wm_journey_map_add_connector (map, NULL, "card-1", "card-1", "", -1));
  g_assert_null (wm_journey_map_add_connector (map, NULL, "card-1", "nope", "", -1));
  g_assert_cmpstr (wm_journey_map_add_connector (map, NULL, "card-1", "card-2", "", -1)->id,
                   ==, "connector-4");
}

typedef struct
{
  GString *log;
} ChangeLog;

static void
on_changed (WmJourneyMap *map,
            guint         change,
            const char   *id,
            ChangeLog    *log)
{
  g_string_append_printf (log->log, "%u:%s;", change, id != NULL ? id : "-");
}

static void
test_cascades_and_signals (void)
{
  g_autoptr(WmJourneyMap) map = grid_map ();
  g_autoptr(WmMapPersona) persona = g_new0 (WmMapPersona, 1);
  ChangeLog log = { g_string_new ("") };
  g_autofree char *expected = NULL;
  int half = 99;

  add_card (map, "a", "s1", "l1", 0);
  add_card (map, "b", "s2", "l1", 0);
  add_card (map, "c", "s2", "l2", 0);
  wm_journey_map_add_connector (map, "ab", "a", "b", "", -1);
  wm_journey_map_add_connector (map, "bc", "b", "c", "", -1);
  wm_journey_map_add_connector (map, "ac", "a", "c", "", -1);
  persona->id = g_strdup ("p");
  persona->name = g_strdup ("P");
  wm_map_persona_set_emotion (persona, "s1", -3);
  wm_map_persona_set_emotion (persona, "s2", 4);
  wm_map_persona_set_emotion (persona, "gone", 1);   /* dropped: no such stage */
  wm_journey_map_add_persona (map, persona, -1);
  g_assert_false (wm_journey_map_get_emotion (map, "p", "gone", NULL));
  g_assert_true (wm_journey_map_get_emotion (map, "p", "s1", &half));
  g_assert_cmpint (half, ==, -3);

  g_signal_connect (map, "changed", G_CALLBACK (on_changed), &log);

  g_assert_true (wm_journey_map_remove_card (map, "b"));
  expected = g_strdup_printf ("%u:bc;%u:ab;%u:b;", WM_MAP_CHANGE_CONNECTOR_REMOVED,
                              WM_MAP_CHANGE_CONNECTOR_REMOVED, WM_MAP_CHANGE_CARD_REMOVED);
  g_assert_cmpstr (log.log->str, ==, expected);
  g_assert_cmpuint (wm_journey_map_get_n_connectors (map), ==, 1);
  g_assert_cmpstr (wm_journey_map_get_connector (map, 0)->id, ==, "ac");

  /* A stage takes its cards, their connectors and its emotion values. */
  g_assert_true (wm_journey_map_remove_stage (map, "s1"));
  g_assert_null (wm_journey_map_lookup_card (map, "a"));
  g_assert_cmpuint (wm_journey_map_get_n_connectors (map), ==, 0);
  g_assert_cmpuint (wm_journey_map_get_n_cards (map), ==, 1);
  g_assert_false (wm_journey_map_get_emotion (map, "p", "s1", NULL));
  g_assert_true (wm_journey_map_get_emotion (map, "p", "s2", &half));
  g_assert_cmpint (half, ==, 4);

  g_assert_true (wm_journey_map_remove_lane (map, "l2"));
  g_assert_cmpuint (wm_journey_map_get_n_cards (map), ==, 0);

  g_string_truncate (log.log, 0);
  g_assert_true (wm_journey_map_set_emotion (map, "p", "s2", TRUE, 9));  /* clamped */
  g_assert_true (wm_journey_map_get_emotion (map, "p", "s2", &half));
  g_assert_cmpint (half, ==, 4);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%u:p;", WM_MAP_CHANGE_PERSONA);
  g_assert_cmpstr (log.log->str, ==, expected);

  g_string_free (log.log, TRUE);
}

/* Every text field of a map holding non-ASCII, quotes and new lines. */
static WmJourneyMap *
international_map (void)
{
  g_autoptr(WmJourneyMap) map = wm_journey_map_new ();
  g_autoptr(WmMapCard) card = wm_map_card_new ();
  g_autoptr(WmMapPersona) persona = g_new0 (WmMapPersona, 1);
  const char *bindings[] = { "收据已发送", "Zoë's \"login\"", NULL };

  wm_journey_map_set_title (map, "Путь клиента — 付款");
  wm_journey_map_add_stage (map, "通知", "通知阶段", -1);
  wm_journey_map_add_stage (map, "s-two", "Émission\nligne 2", -1);
  wm_journey_map_add_lane (map, "l-ch", "Canal ☎", WM_LANE_CHANNELS, "téléphone", -1);
  wm_journey_map_add_lane (map, "l-pain", "Schmerz", WM_LANE_PAIN_POINTS, NULL, -1);

  card->id = g_strdup ("卡片-1");
  card->stage = g_strdup ("s-two");
  card->lane = g_strdup ("l-ch");
  g_free (card->title);
  card->title = g_strdup ("菜单措辞 🙂");
  g_free (card->body);
  card->body = g_strdup ("Tab\there \\ back\\slash");
  card->color = WM_CARD_COLOR_PURPLE;
  card->evidence = WM_EVIDENCE_PROPOSED;
  card->span = 3;
  g_strfreev (card->bindings);
  card->bindings = g_strdupv ((char **) bindings);
  wm_journey_map_add_card (map, card, -1);

  g_free (card->id);
  card->id = g_strdup ("c2");
  g_free (card->stage);
  card->stage = g_strdup ("通知");
  card->order = 0;
  wm_journey_map_add_card (map, card, -1);

  g_free (card->id);
  card->id = g_strdup ("c3");
  card->order = 0;   /* before c2 */
  wm_journey_map_add_card (map, card, -1);
  wm_journey_map_add_connector (map, "连接", "卡片-1", "c2", "étiquette", -1);

  persona->id = g_strdup ("p1");
  persona->name = g_strdup ("Ана");
  persona->description = g_strdup ("");
  wm_map_persona_set_emotion (persona, "s-two", -1);
  wm_map_persona_set_emotion (persona, "通知", 2);
  wm_journey_map_add_persona (map, persona, -1);

  return g_steal_pointer (&map);
}

static void
assert_round_trip (WmJourneyMap *map)
{
  g_autofree char *json = wm_map_json_to_string (map, FALSE);
  g_autofree char *pretty = wm_map_json_to_string (map, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmJourneyMap) loaded = NULL;
  g_autoptr(WmJourneyMap) loaded_pretty = NULL;
  g_autofree char *again = NULL;
  g_autofree char *again_pretty = NULL;

  loaded = wm_map_json_parse (json, -1, &error);
  g_assert_no_error (error);
  again = wm_map_json_to_string (loaded, FALSE);
  g_assert_cmpstr (again, ==, json);

  loaded_pretty = wm_map_json_parse (pretty, -1, &error);
  g_assert_no_error (error);
  again_pretty = wm_map_json_to_string (loaded_pretty, FALSE);
  g_assert_cmpstr (again_pretty, ==, json);
}

static void
test_round_trip (void)
{
  g_autoptr(WmJourneyMap) demo = wm_demo_map_new ();
  g_autoptr(WmJourneyMap) intl = international_map ();
  g_autofree char *json = wm_map_json_to_string (intl, FALSE);
  g_autoptr(WmJourneyMap) loaded = wm_map_json_parse (json, -1, NULL);
  g_autofree char *cell = NULL;
  const WmMapCard *card;
  int half;

  assert_round_trip (demo);
  assert_round_trip (intl);

  /* Values, not only text, survive. */
  g_assert_nonnull (loaded);
  g_assert_cmpstr (wm_journey_map_get_title (loaded), ==, "Путь клиента — 付款");
  card = wm_journey_map_lookup_card (loaded, "卡片-1");
  g_assert_nonnull (card);
  g_assert_cmpstr (card->title, ==, "菜单措辞 🙂");
  g_assert_cmpstr (card->body, ==, "Tab\there \\ back\\slash");
  g_assert_cmpint (card->color, ==, WM_CARD_COLOR_PURPLE);
  g_assert_cmpint (card->evidence, ==, WM_EVIDENCE_PROPOSED);
  g_assert_cmpuint (card->span, ==, 3);
  g_assert_cmpuint (g_strv_length (card->bindings), ==, 2);
  g_assert_cmpstr (card->bindings[0], ==, "收据已发送");
  g_assert_cmpstr (card->bindings[1], ==, "Zoë's \"login\"");
  g_assert_cmpstr (wm_journey_map_lookup_lane (loaded, "l-ch")->channel, ==, "téléphone");
  g_assert_cmpstr (wm_journey_map_lookup_stage (loaded, "s-two")->name, ==, "Émission\nligne 2");
  cell = cell_ids (loaded, "通知", "l-ch");
  g_assert_cmpstr (cell, ==, "c3,c2");
  g_assert_cmpstr (wm_journey_map_get_card (loaded, 1)->id, ==, "c2");
  g_assert_true (wm_journey_map_get_emotion (loaded, "p1", "s-two", &half));
  g_assert_cmpint (half, ==, -1);
  g_assert_true (strstr (json, "\"value\":-0.5") != NULL);
  g_assert_true (strstr (json, "\"value\":1}") != NULL);
}

static void
test_load_replaces (void)
{
  g_autoptr(WmJourneyMap) map = wm_demo_map_new ();
  g_autoptr(WmJourneyMap) intl = international_map ();
  g_autofree char *before = wm_map_json_to_string (map, FALSE);
  g_autofree char *intl_json = wm_map_json_to_string (intl, FALSE);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  ChangeLog log = { g_string_new ("") };
  g_autofree char *expected = g_strdup_printf ("%u:-;", WM_MAP_CHANGE_ALL);

  g_signal_connect (map, "changed", G_CALLBACK (on_changed), &log);

  g_assert_false (wm_map_json_load (map, "{\"version\":1,\"stages\":[]}", -1, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT);
  after = wm_map_json_to_string (map, FALSE);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (log.log->str, ==, "");

  g_assert_true (wm_map_json_load (map, intl_json, -1, NULL));
  g_clear_pointer (&after, g_free);
  after = wm_map_json_to_string (map, FALSE);
  g_assert_cmpstr (after, ==, intl_json);
  g_assert_cmpstr (log.log->str, ==, expected);
  g_assert_null (wm_journey_map_lookup_card (map, "card-notice"));

  g_string_free (log.log, TRUE);
}

static void
test_project_storage (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-map-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autoptr(WmProject) project = wm_project_open (path, WM_PROJECT_OPEN_CREATE, NULL);
  g_autoptr(WmJourneyMap) demo = wm_demo_map_new ();
  g_autoptr(WmJourneyMap) empty = NULL;
  g_autoptr(WmJourneyMap) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = wm_map_json_to_string (demo, FALSE);
  g_autofree char *got = NULL;

  g_assert_nonnull (project);
  empty = wm_map_json_load_project (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wm_journey_map_get_n_stages (empty), ==, 0);

  g_assert_true (wm_map_json_save_project (project, demo, &error));
  g_assert_no_error (error);
  g_clear_object (&project);

  project = wm_project_open (path, WM_PROJECT_OPEN_DEFAULT, NULL);
  loaded = wm_map_json_load_project (project, &error);
  g_assert_no_error (error);
  got = wm_map_json_to_string (loaded, FALSE);
  g_assert_cmpstr (got, ==, expected);
  g_clear_object (&project);

  g_unlink (path);
  g_rmdir (dir);
}

/* What the map holds always saves into a document that loads again. */
static void
test_limits (void)
{
  g_autoptr(WmJourneyMap) map = grid_map ();
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(WmMapCard) card = wm_map_card_new ();
  const char *bindings[] = { "IVR menu", "", "IVR menu", "Agent call", NULL };
  g_autofree char *json = NULL;
  g_autoptr(WmJourneyMap) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const WmMapCard *added;

  for (guint i = 0; i < 4000; i++)
    g_string_append (long_text, "通");   /* 3 bytes each */
  wm_journey_map_set_title (map, long_text->str);
  g_assert_cmpuint (strlen (wm_journey_map_get_title (map)), ==, 9999);
  g_assert_true (g_utf8_validate (wm_journey_map_get_title (map), -1, NULL));

  card->stage = g_strdup ("s1");
  card->lane = g_strdup ("l1");
  g_strfreev (card->bindings);
  card->bindings = g_strdupv ((char **) bindings);
  added = wm_journey_map_add_card (map, card, -1);
  g_assert_cmpuint (g_strv_length (added->bindings), ==, 2);
  g_assert_cmpstr (added->bindings[1], ==, "Agent call");

  g_assert_null (wm_journey_map_add_stage (map, "this-id-is-far-too-long-to-keep-because-ids-stop-at-sixty-four-bytes",
                                           "Long", -1));
  for (guint i = wm_journey_map_get_n_stages (map); i < WM_MAP_MAX_STAGES; i++)
    g_assert_nonnull (wm_journey_map_add_stage (map, NULL, "More", -1));
  g_assert_null (wm_journey_map_add_stage (map, NULL, "One too many", -1));

  json = wm_map_json_to_string (map, FALSE);
  loaded = wm_map_json_parse (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wm_journey_map_get_n_stages (loaded), ==, WM_MAP_MAX_STAGES);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/journey-map/cell-orders", test_cell_orders);
  g_test_add_func ("/journey-map/ids", test_ids);
  g_test_add_func ("/journey-map/cascades-and-signals", test_cascades_and_signals);
  g_test_add_func ("/journey-map/limits", test_limits);
  g_test_add_func ("/journey-map/json/round-trip", test_round_trip);
  g_test_add_func ("/journey-map/json/load-replaces", test_load_replaces);
  g_test_add_func ("/journey-map/json/project-storage", test_project_storage);

  return g_test_run ();
}
