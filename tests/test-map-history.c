/* test-map-history.c: WmMapHistory undo/redo restore the exact document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-demo-map.h"
#include "wm-map-history.h"
#include "wm-map-json.h"

typedef gboolean (*Command) (WmMapHistory *history);

static gboolean
add_card (WmMapHistory *history)
{
  g_autoptr(WmMapCard) card = wm_map_card_new ();
  const char *id;

  card->stage = g_strdup ("stage-payment");
  card->lane = g_strdup ("lane-pain");
  card->order = 0;
  g_free (card->title);
  card->title = g_strdup ("新卡片");
  id = wm_map_history_add_card (history, card);
  g_assert_nonnull (wm_journey_map_lookup_card (wm_map_history_get_map (history), id));
  return id != NULL;
}

static gboolean
delete_card (WmMapHistory *history)
{
  const char *ids[] = { "card-ivr-menu", NULL };

  return wm_map_history_delete_cards (history, ids);
}

static gboolean
delete_cards (WmMapHistory *history)
{
  const char *ids[] = { "card-notice", "card-paid", "card-notice", NULL };

  return wm_map_history_delete_cards (history, ids);
}

static gboolean
move_card (WmMapHistory *history)
{
  WmMapCardPosition position = { "card-notice-opened", "stage-payment", "lane-touchpoints", 1 };

  return wm_map_history_move_cards (history, &position, 1);
}

static gboolean
move_cards (WmMapHistory *history)
{
  WmMapCardPosition positions[] = {
    { "card-ivr-attempt", "stage-self-service", "lane-ivr", 0 },
    { "card-app-login", "stage-escalation", "lane-web", 0 },
  };

  return wm_map_history_move_cards (history, positions, G_N_ELEMENTS (positions));
}

static gboolean
resize_card (WmMapHistory *history)
{
  return wm_map_history_resize_card (history, "card-wait", 2);
}

static gboolean
edit_text (WmMapHistory *history)
{
  return wm_map_history_set_card_text (history, "card-menu-wording", "菜单措辞", "Now with\nnew lines");
}

static gboolean
change_color (WmMapHistory *history)
{
  return wm_map_history_set_card_color (history, "card-read", WM_CARD_COLOR_PINK);
}

static gboolean
change_evidence (WmMapHistory *history)
{
  return wm_map_history_set_card_evidence (history, "card-read", WM_EVIDENCE_PROPOSED);
}

static gboolean
bind_touchpoint (WmMapHistory *history)
{
  return wm_map_history_bind_touchpoint (history, "card-try", "App login");
}

static gboolean
unbind_touchpoint (WmMapHistory *history)
{
  return wm_map_history_unbind_touchpoint (history, "card-notice", "Payment notice");
}

static gboolean
connect_cards (WmMapHistory *history)
{
  return wm_map_history_connect (history, "card-web-login", "card-paid", "pays") != NULL;
}

static gboolean
disconnect (WmMapHistory *history)
{
  return wm_map_history_disconnect (history, "link-notice-web");
}

static gboolean
edit_label (WmMapHistory *history)
{
  return wm_map_history_set_connector_label (history, "link-notice-app", "opens the app");
}

static gboolean
add_stage (WmMapHistory *history)
{
  return wm_map_history_add_stage (history, "Follow-up", 2) != NULL;
}

static gboolean
rename_stage (WmMapHistory *history)
{
  return wm_map_history_rename_stage (history, "stage-notice", "Avis");
}

static gboolean
delete_stage (WmMapHistory *history)
{
  return wm_map_history_delete_stage (history, "stage-self-service");
}

static gboolean
move_stage (WmMapHistory *history)
{
  return wm_map_history_move_stage (history, "stage-payment", 0);
}

static gboolean
add_lane (WmMapHistory *history)
{
  return wm_map_history_add_lane (history, "Branch", WM_LANE_CHANNELS, "branch", 1) != NULL;
}

static gboolean
rename_lane (WmMapHistory *history)
{
  return wm_map_history_rename_lane (history, "lane-ivr", "Phone menu");
}

static gboolean
delete_lane (WmMapHistory *history)
{
  return wm_map_history_delete_lane (history, "lane-ivr");
}

static gboolean
move_lane (WmMapHistory *history)
{
  return wm_map_history_move_lane (history, "lane-touchpoints", 99);
}

static gboolean
add_persona (WmMapHistory *history)
{
  return wm_map_history_add_persona (history, "Retiree", "Prefers the phone") != NULL;
}

static gboolean
edit_persona (WmMapHistory *history)
{
  return wm_map_history_edit_persona (history, "persona-homeowner", "Homeowner", "");
}

static gboolean
delete_persona (WmMapHistory *history)
{
  return wm_map_history_delete_persona (history, "persona-homeowner");
}

static gboolean
change_emotion (WmMapHistory *history)
{
  return wm_map_history_set_emotion (history, "persona-homeowner", "stage-notice", TRUE, -4);
}

static gboolean
clear_emotion (WmMapHistory *history)
{
  return wm_map_history_set_emotion (history, "persona-homeowner", "stage-payment", FALSE, 0);
}

static gboolean
rename_map (WmMapHistory *history)
{
  return wm_map_history_set_title (history, "Hypothekenzahlung");
}

static gboolean
paste (WmMapHistory *history)
{
  gboolean ok;

  wm_map_history_begin_group (history, WM_MAP_COMMAND_PASTE);
  ok = add_card (history) && add_card (history);
  wm_map_history_end_group (history);
  return ok;
}

typedef struct
{
  const char *name;
  Command     run;
  const char *undo_label;
  const char *redo_label;
} Case;

static const Case cases[] = {
  { "add-card", add_card, "Undo Add Card", "Redo Add Card" },
  { "delete-card", delete_card, "Undo Delete Card", "Redo Delete Card" },
  { "delete-cards", delete_cards, "Undo Delete Cards", "Redo Delete Cards" },
  { "move-card", move_card, "Undo Move Card", "Redo Move Card" },
  { "move-cards", move_cards, "Undo Move Cards", "Redo Move Cards" },
  { "resize-card", resize_card, "Undo Resize Card", "Redo Resize Card" },
  { "edit-text", edit_text, "Undo Edit Card", "Redo Edit Card" },
  { "change-color", change_color, "Undo Change Colour", "Redo Change Colour" },
  { "change-evidence", change_evidence, "Undo Change Evidence", "Redo Change Evidence" },
  { "bind", bind_touchpoint, "Undo Bind Touchpoint", "Redo Bind Touchpoint" },
  { "unbind", unbind_touchpoint, "Undo Unbind Touchpoint", "Redo Unbind Touchpoint" },
  { "connect", connect_cards, "Undo Connect Cards", "Redo Connect Cards" },
  { "disconnect", disconnect, "Undo Remove Connector", "Redo Remove Connector" },
  { "edit-label", edit_label, "Undo Edit Connector Label", "Redo Edit Connector Label" },
  { "add-stage", add_stage, "Undo Add Stage", "Redo Add Stage" },
  { "rename-stage", rename_stage, "Undo Rename Stage", "Redo Rename Stage" },
  { "delete-stage", delete_stage, "Undo Delete Stage", "Redo Delete Stage" },
  { "move-stage", move_stage, "Undo Move Stage", "Redo Move Stage" },
  { "add-lane", add_lane, "Undo Add Lane", "Redo Add Lane" },
  { "rename-lane", rename_lane, "Undo Rename Lane", "Redo Rename Lane" },
  { "delete-lane", delete_lane, "Undo Delete Lane", "Redo Delete Lane" },
  { "move-lane", move_lane, "Undo Move Lane", "Redo Move Lane" },
  { "add-persona", add_persona, "Undo Add Persona", "Redo Add Persona" },
  { "edit-persona", edit_persona, "Undo Edit Persona", "Redo Edit Persona" },
  { "delete-persona", delete_persona, "Undo Delete Persona", "Redo Delete Persona" },
  { "change-emotion", change_emotion, "Undo Change Emotion", "Redo Change Emotion" },
  { "clear-emotion", clear_emotion, "Undo Change Emotion", "Redo Change Emotion" },
  { "rename-map", rename_map, "Undo Rename Map", "Redo Rename Map" },
  { "paste", paste, "Undo Paste", "Redo Paste" },
};

static char *
document (WmMapHistory *history)
{
  return wm_map_json_to_string (wm_map_history_get_map (history), FALSE);
}

static void
test_command (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(WmJourneyMap) map = wm_demo_map_new ();
  g_autoptr(WmMapHistory) history = wm_map_history_new (map);
  g_autofree char *before = document (history);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *undone_again = NULL;

  g_assert_false (wm_map_history_get_can_undo (history));
  g_assert_null (wm_map_history_get_undo_label (history));

  g_assert_true (c->run (history));
  after = document (history);
  g_assert_cmpstr (after, !=, before);
  g_assert_true (wm_map_history_get_can_undo (history));
  g_assert_false (wm_map_history_get_can_redo (history));
  g_assert_cmpstr (wm_map_history_get_undo_label (history), ==, c->undo_label);

  g_assert_true (wm_map_history_undo (history));
  undone = document (history);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (wm_map_history_get_can_undo (history));
  g_assert_true (wm_map_history_get_can_redo (history));
  g_assert_cmpstr (wm_map_history_get_redo_label (history), ==, c->redo_label);

  g_assert_true (wm_map_history_redo (history));
  redone = document (history);
  g_assert_cmpstr (redone, ==, after);

  g_assert_true (wm_map_history_undo (history));
  undone_again = document (history);
  g_assert_cmpstr (undone_again, ==, before);
  g_assert_false (wm_map_history_undo (history));
}

static void
test_delete_card_restores_connectors (void)
{
  g_autoptr(WmJourneyMap) map = wm_demo_map_new ();
  g_autoptr(WmMapHistory) history = wm_map_history_new (map);
  guint connectors = wm_journey_map_get_n_connectors (map);

  g_assert_true (delete_card (history));
  /* The IVR menu card had one connector in and two out. */
  g_assert_cmpuint (wm_journey_map_get_n_connectors (map), ==, connectors - 3);
  g_assert_null (wm_journey_map_lookup_connector (map, "link-menu-agent"));
  g_assert_true (wm_map_history_undo (history));
  g_assert_cmpuint (wm_journey_map_get_n_connectors (map), ==, connectors);
  g_assert_cmpstr (wm_journey_map_lookup_connector (map, "link-menu-agent")->label, ==,
                   "gives up at the menu");
  g_assert_cmpint (wm_journey_map_connector_index (map, "link-notice-ivr"), ==, 2);
}

static gboolean
drag_to (WmMapHistory *history,
         const char   *card,
         const char   *stage,
         guint         order)
{
  WmMapCardPosition position = { card, stage, "lane-actions", order };

  return wm_map_history_move_cards (history, &position, 1);
}

static void
test_coalescing (void)
{
  g_autoptr(WmJourneyMap) map = wm_demo_map_new ();
  g_autoptr(WmMapHistory) history = wm_map_history_new (map);
  g_autofree char *start = document (history);
  g_autofree char *after_first_drag = NULL;
  g_autofree char *state = NULL;

  /* One drag: three moves of the same card are one step. */
  g_assert_true (drag_to (history, "card-read", "stage-self-service", 0));
  g_assert_true (drag_to (history, "card-read", "stage-escalation", 0));
  g_assert_true (drag_to (history, "card-read", "stage-payment", 0));
  g_assert_cmpstr (wm_journey_map_lookup_card (map, "card-read")->stage, ==, "stage-payment");
  wm_map_history_seal (history);
  after_first_drag = document (history);

  /* The next drag is its own step, even of the same card. */
  g_assert_true (drag_to (history, "card-read", "stage-notice", 0));
  /* Another card's move does not merge into it. */
  g_assert_true (drag_to (history, "card-ask", "stage-notice", 1));

  g_assert_true (wm_map_history_undo (history));
  g_assert_cmpstr (wm_journey_map_lookup_card (map, "card-ask")->stage, ==, "stage-escalation");
  g_assert_true (wm_map_history_undo (history));
  state = document (history);
  g_assert_cmpstr (state, ==, after_first_drag);
  g_assert_cmpstr (wm_map_history_get_undo_label (history), ==, "Undo Move Card");
  g_assert_true (wm_map_history_undo (history));
  g_clear_pointer (&state, g_free);
  state = document (history);
  g_assert_cmpstr (state, ==, start);
  g_assert_false (wm_map_history_get_can_undo (history));

  /* Dragging one emotion point is one step too. */
  for (int half = 1; half <= 4; half++)
    g_assert_true (wm_map_history_set_emotion (history, "persona-homeowner", "stage-notice", TRUE, half));
  g_assert_true (wm_map_history_undo (history));
  g_assert_false (wm_map_history_get_can_undo (history));
  g_clear_pointer (&state, g_free);
  state = document (history);
  g_assert_cmpstr (state, ==, start);
}

/* Several cards moved together, within one cell, swapping places: the
 * merged step still restores the exact orders. */
static void
test_coalesced_group_move (void)
{
  g_autoptr(WmJourneyMap) map = wm_demo_map_new ();
  g_autoptr(WmMapHistory) history = wm_map_history_new (map);
  g_autofree char *start = document (history);
  g_autofree char *state = NULL;
  WmMapCardPosition first[] = {
    { "card-ivr-menu", "stage-escalation", "lane-ivr", 1 },
    { "card-ivr-attempt", "stage-escalation", "lane-ivr", 0 },
  };
  WmMapCardPosition second[] = {
    { "card-ivr-menu", "stage-self-service", "lane-ivr", 1 },
    { "card-ivr-attempt", "stage-escalation", "lane-ivr", 1 },
  };

  g_assert_true (wm_map_history_move_cards (history, first, 2));
  g_assert_true (wm_map_history_move_cards (history, second, 2));
  g_assert_cmpstr (wm_map_history_get_undo_label (history), ==, "Undo Move Cards");
  g_assert_true (wm_map_history_undo (history));
  g_assert_false (wm_map_history_get_can_undo (history));
  state = document (history);
  g_assert_cmpstr (state, ==, start);
}

typedef struct
{
  guint can_undo;
  guint dirty;
} Notifications;

static void
on_notify (GObject       *object,
           GParamSpec    *pspec,
           Notifications *counts)
{
  if (g_str_equal (pspec->name, "can-undo"))
    counts->can_undo++;
  else if (g_str_equal (pspec->name, "dirty"))
    counts->dirty++;
}

static void
test_dirty (void)
{
  g_autoptr(WmJourneyMap) map = wm_demo_map_new ();
  g_autoptr(WmMapHistory) history = wm_map_history_new (map);
  Notifications counts = { 0, 0 };

  g_signal_connect (history, "notify", G_CALLBACK (on_notify), &counts);
  g_assert_false (wm_map_history_get_dirty (history));

  g_assert_true (rename_map (history));
  g_assert_true (wm_map_history_get_dirty (history));
  g_assert_cmpuint (counts.can_undo, ==, 1);
  g_assert_cmpuint (counts.dirty, ==, 1);

  wm_map_history_mark_saved (history);
  g_assert_false (wm_map_history_get_dirty (history));
  g_assert_true (wm_map_history_undo (history));
  g_assert_true (wm_map_history_get_dirty (history));
  g_assert_true (wm_map_history_redo (history));
  g_assert_false (wm_map_history_get_dirty (history));
  g_assert_cmpuint (counts.dirty, ==, 4);

  /* A new step after undo: the saved document is gone from both queues. */
  g_assert_true (wm_map_history_undo (history));
  g_assert_true (rename_stage (history));
  g_assert_false (wm_map_history_get_can_redo (history));
  g_assert_true (wm_map_history_get_dirty (history));
  g_assert_true (wm_map_history_undo (history));
  g_assert_true (wm_map_history_get_dirty (history));

  /* Saving seals a drag: the next move is a step of its own, and undoing
   * it comes back to the saved document. */
  wm_map_history_mark_saved (history);
  g_assert_true (drag_to (history, "card-read", "stage-payment", 0));
  wm_map_history_mark_saved (history);
  g_assert_true (drag_to (history, "card-read", "stage-escalation", 0));
  g_assert_true (wm_map_history_get_dirty (history));
  g_assert_true (wm_map_history_undo (history));
  g_assert_false (wm_map_history_get_dirty (history));

  /* Clearing keeps the answer. */
  wm_map_history_clear (history);
  g_assert_false (wm_map_history_get_dirty (history));
  g_assert_true (rename_map (history));
  wm_map_history_clear (history);
  g_assert_true (wm_map_history_get_dirty (history));
  g_assert_false (wm_map_history_get_can_undo (history));
}

static void
test_outside_change (void)
{
  g_autoptr(WmJourneyMap) map = wm_demo_map_new ();
  g_autoptr(WmMapHistory) history = wm_map_history_new (map);

  g_assert_true (rename_map (history));
  wm_map_history_mark_saved (history);
  /* An edit behind the history's back leaves nothing to undo. */
  wm_journey_map_rename_stage (map, "stage-notice", "Changed elsewhere");
  g_assert_false (wm_map_history_get_can_undo (history));
  g_assert_true (wm_map_history_get_dirty (history));
}

static void
on_changed_reenter (WmJourneyMap *map,
                    guint         change,
                    const char   *id,
                    WmMapHistory *history)
{
  g_assert_false (wm_map_history_set_title (history, "Re-entered"));
}

static void
test_applying_guard (void)
{
  g_autoptr(WmJourneyMap) map = wm_demo_map_new ();
  g_autoptr(WmMapHistory) history = wm_map_history_new (map);

  g_assert_true (rename_stage (history));
  g_signal_connect (map, "changed", G_CALLBACK (on_changed_reenter), history);
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*while the history applies*");
  g_assert_true (wm_map_history_undo (history));
  g_test_assert_expected_messages ();
  g_assert_cmpstr (wm_journey_map_get_title (map), ==, "Mortgage payment journey");
  g_assert_true (wm_map_history_get_can_redo (history));
}

static void
test_refusals (void)
{
  g_autoptr(WmJourneyMap) map = wm_demo_map_new ();
  g_autoptr(WmMapHistory) history = wm_map_history_new (map);
  const char *unknown[] = { "card-notice", "nope", NULL };
  WmMapCardPosition nowhere = { "card-notice", "stage-nope", "lane-actions", 0 };

  g_assert_false (wm_map_history_delete_cards (history, unknown));
  g_assert_false (wm_map_history_move_cards (history, &nowhere, 1));
  nowhere.stage = "stage-notice";
  nowhere.lane = "lane-touchpoints";
  g_assert_false (wm_map_history_move_cards (history, &nowhere, 1));   /* where it is */
  g_assert_false (wm_map_history_set_card_color (history, "card-read", WM_CARD_COLOR_YELLOW));
  g_assert_false (wm_map_history_rename_stage (history, "stage-notice", "Notice"));
  g_assert_false (wm_map_history_move_stage (history, "stage-notice", 0));
  g_assert_null (wm_map_history_connect (history, "card-notice", "card-notice", ""));
  g_assert_false (wm_map_history_bind_touchpoint (history, "card-notice", "Payment notice"));
  g_assert_false (wm_map_history_get_can_undo (history));
  g_assert_false (wm_map_history_get_dirty (history));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/map-history/command/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_command);
    }
  g_test_add_func ("/map-history/delete-card-restores-connectors", test_delete_card_restores_connectors);
  g_test_add_func ("/map-history/coalescing", test_coalescing);
  g_test_add_func ("/map-history/coalesced-group-move", test_coalesced_group_move);
  g_test_add_func ("/map-history/dirty", test_dirty);
  g_test_add_func ("/map-history/outside-change", test_outside_change);
  g_test_add_func ("/map-history/applying-guard", test_applying_guard);
  g_test_add_func ("/map-history/refusals", test_refusals);

  return g_test_run ();
}
