/* wm-map-history.h: undo and redo for journey map edits
 *
 * Every edit the user makes goes through one of the command functions
 * below: it changes the map and records how to undo it. Undo and redo
 * restore the document exactly (ids, orders, list positions), including
 * whatever an edit removed on the way (a deleted card's connectors, a
 * deleted stage's cards and emotion values).
 *
 * Consecutive moves of the same set of cards (one drag) coalesce into one
 * step, as do consecutive changes of one emotion point, until
 * wm_map_history_seal() (call it when the drag ends), another command,
 * undo, redo or wm_map_history_mark_saved().
 *
 * A change made to the map behind the history's back (wm_map_json_load(),
 * or the map's own functions) makes the recorded steps meaningless, so the
 * history forgets them; call wm_map_history_mark_saved() after loading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-journey-map.h"

G_BEGIN_DECLS

/* What a step does; names its "Undo …" / "Redo …" labels. */
typedef enum
{
  WM_MAP_COMMAND_ADD_CARD,
  WM_MAP_COMMAND_DELETE_CARD,
  WM_MAP_COMMAND_DELETE_CARDS,
  WM_MAP_COMMAND_MOVE_CARD,
  WM_MAP_COMMAND_MOVE_CARDS,
  WM_MAP_COMMAND_RESIZE_CARD,
  WM_MAP_COMMAND_EDIT_CARD_TEXT,
  WM_MAP_COMMAND_CHANGE_CARD_COLOR,
  WM_MAP_COMMAND_CHANGE_EVIDENCE,
  WM_MAP_COMMAND_BIND_TOUCHPOINT,
  WM_MAP_COMMAND_UNBIND_TOUCHPOINT,
  WM_MAP_COMMAND_CONNECT,
  WM_MAP_COMMAND_DISCONNECT,
  WM_MAP_COMMAND_EDIT_CONNECTOR_LABEL,
  WM_MAP_COMMAND_ADD_STAGE,
  WM_MAP_COMMAND_RENAME_STAGE,
  WM_MAP_COMMAND_DELETE_STAGE,
  WM_MAP_COMMAND_MOVE_STAGE,
  WM_MAP_COMMAND_ADD_LANE,
  WM_MAP_COMMAND_RENAME_LANE,
  WM_MAP_COMMAND_DELETE_LANE,
  WM_MAP_COMMAND_MOVE_LANE,
  WM_MAP_COMMAND_ADD_PERSONA,
  WM_MAP_COMMAND_EDIT_PERSONA,
  WM_MAP_COMMAND_DELETE_PERSONA,
  WM_MAP_COMMAND_CHANGE_EMOTION,
  WM_MAP_COMMAND_RENAME_MAP,
  WM_MAP_COMMAND_PASTE,          /* for groups: several cards added at once */
} WmMapCommand;

#define WM_MAP_COMMAND_COUNT (WM_MAP_COMMAND_PASTE + 1)

/* At most this many steps are kept; the oldest go first. */
#define WM_MAP_HISTORY_MAX_STEPS 1000

#define WM_TYPE_MAP_HISTORY (wm_map_history_get_type ())
G_DECLARE_FINAL_TYPE (WmMapHistory, wm_map_history, WM, MAP_HISTORY, GObject)

/* Properties: "map" (construct-only), "can-undo", "can-redo", "dirty"
 * (read-only, notified). A new history is clean. */
WmMapHistory *wm_map_history_new              (WmJourneyMap   *map);
WmJourneyMap *wm_map_history_get_map          (WmMapHistory   *self);

gboolean      wm_map_history_get_can_undo     (WmMapHistory   *self);
gboolean      wm_map_history_get_can_redo     (WmMapHistory   *self);
/* "Undo Move Card" (translated), or NULL when there is nothing to undo. */
const char   *wm_map_history_get_undo_label   (WmMapHistory   *self);
const char   *wm_map_history_get_redo_label   (WmMapHistory   *self);
gboolean      wm_map_history_undo             (WmMapHistory   *self);
gboolean      wm_map_history_redo             (WmMapHistory   *self);
/* Ends coalescing: the next move starts a new step. */
void          wm_map_history_seal             (WmMapHistory   *self);
/* Forgets every step (the document stays as it is). */
void          wm_map_history_clear            (WmMapHistory   *self);

/* TRUE when the document differs from the one last marked saved. */
gboolean      wm_map_history_get_dirty        (WmMapHistory   *self);
void          wm_map_history_mark_saved       (WmMapHistory   *self);

/* Commands made between these two become one step labelled @command.
 * Groups nest; the outermost names the step. */
void          wm_map_history_begin_group      (WmMapHistory   *self,
                                               WmMapCommand    command);
void          wm_map_history_end_group        (WmMapHistory   *self);

/* The commands. They return FALSE (or NULL) and record nothing when the
 * edit is impossible (unknown id, …) or changes nothing, or when called
 * from a handler of the map's "changed" signal while the history is
 * applying a step. Ids returned belong to the map. */
const char   *wm_map_history_add_card         (WmMapHistory            *self,
                                               const WmMapCard         *card);
gboolean      wm_map_history_delete_cards     (WmMapHistory            *self,
                                               const char * const      *ids);
gboolean      wm_map_history_move_cards       (WmMapHistory            *self,
                                               const WmMapCardPosition *positions,
                                               guint                    n_positions);
gboolean      wm_map_history_resize_card      (WmMapHistory            *self,
                                               const char              *id,
                                               guint                    span);
gboolean      wm_map_history_set_card_text    (WmMapHistory            *self,
                                               const char              *id,
                                               const char              *title,
                                               const char              *body);
gboolean      wm_map_history_set_card_color   (WmMapHistory            *self,
                                               const char              *id,
                                               WmCardColor              color);
gboolean      wm_map_history_set_card_evidence (WmMapHistory           *self,
                                                const char             *id,
                                                WmEvidence              evidence);
gboolean      wm_map_history_bind_touchpoint  (WmMapHistory            *self,
                                               const char              *id,
                                               const char              *touchpoint);
gboolean      wm_map_history_unbind_touchpoint (WmMapHistory           *self,
                                                const char             *id,
                                                const char             *touchpoint);
const char   *wm_map_history_connect          (WmMapHistory            *self,
                                               const char              *from,
                                               const char              *to,
                                               const char              *label);
gboolean      wm_map_history_disconnect       (WmMapHistory            *self,
                                               const char              *id);
gboolean      wm_map_history_set_connector_label (WmMapHistory         *self,
                                                  const char           *id,
                                                  const char           *label);
const char   *wm_map_history_add_stage        (WmMapHistory            *self,
                                               const char              *name,
                                               int                      position);
gboolean      wm_map_history_rename_stage     (WmMapHistory            *self,
                                               const char              *id,
                                               const char              *name);
gboolean      wm_map_history_delete_stage     (WmMapHistory            *self,
                                               const char              *id);
gboolean      wm_map_history_move_stage       (WmMapHistory            *self,
                                               const char              *id,
                                               guint                    position);
const char   *wm_map_history_add_lane         (WmMapHistory            *self,
                                               const char              *name,
                                               WmLaneKind               kind,
                                               const char              *channel,
                                               int                      position);
gboolean      wm_map_history_rename_lane      (WmMapHistory            *self,
                                               const char              *id,
                                               const char              *name);
gboolean      wm_map_history_delete_lane      (WmMapHistory            *self,
                                               const char              *id);
gboolean      wm_map_history_move_lane        (WmMapHistory            *self,
                                               const char              *id,
                                               guint                    position);
const char   *wm_map_history_add_persona      (WmMapHistory            *self,
                                               const char              *name,
                                               const char              *description);
gboolean      wm_map_history_edit_persona     (WmMapHistory            *self,
                                               const char              *id,
                                               const char              *name,
                                               const char              *description);
gboolean      wm_map_history_delete_persona   (WmMapHistory            *self,
                                               const char              *id);
/* @has_value FALSE clears the point. */
gboolean      wm_map_history_set_emotion      (WmMapHistory            *self,
                                               const char              *persona,
                                               const char              *stage,
                                               gboolean                 has_value,
                                               int                      half_steps);
gboolean      wm_map_history_set_title        (WmMapHistory            *self,
                                               const char              *title);

G_END_DECLS
