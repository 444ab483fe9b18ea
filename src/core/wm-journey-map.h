/* wm-journey-map.h: the journey map document (stages × lanes, cards,
 * connectors, personas and their emotion curves)
 *
 * Identifiers are strings, unique across the whole document (a stage, a
 * card and a connector never share one), so a selection is one set of ids.
 * They never change once given: ids from a loaded document are kept as they
 * are, and the map makes new ones as "<kind>-<n>" ("card-12", "stage-3").
 *
 * The structs handed out are owned by the map and read-only: change the
 * document through the functions below (or, for undoable edits, through
 * WmMapHistory), which keep it consistent and emit "changed". A pointer
 * stays valid until its object is removed or the document is replaced.
 *
 * A card sits in one cell (stage × lane) at an order within that cell; the
 * orders of a cell are always 0 … n−1. Its span is the number of stages it
 * covers, from its own to the right (1 … WM_MAP_MAX_SPAN); it is kept when
 * the card moves, and drawing clamps it to the stages there are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  WM_LANE_TOUCHPOINTS,
  WM_LANE_ACTIONS,
  WM_LANE_CHANNELS,      /* one channel's row; WmMapLane.channel names it */
  WM_LANE_EMOTIONS,      /* the personas' emotion curves are drawn here */
  WM_LANE_PAIN_POINTS,
  WM_LANE_OPPORTUNITIES,
  WM_LANE_NOTES,
} WmLaneKind;

#define WM_LANE_KIND_COUNT (WM_LANE_NOTES + 1)

typedef enum
{
  WM_EVIDENCE_OBSERVED,   /* seen in the data or in research */
  WM_EVIDENCE_ASSUMED,
  WM_EVIDENCE_PROPOSED,   /* a change the team suggests */
} WmEvidence;

#define WM_EVIDENCE_COUNT (WM_EVIDENCE_PROPOSED + 1)

/* Named so that each theme can map them to colours that suit it. */
typedef enum
{
  WM_CARD_COLOR_YELLOW,
  WM_CARD_COLOR_ORANGE,
  WM_CARD_COLOR_RED,
  WM_CARD_COLOR_PINK,
  WM_CARD_COLOR_PURPLE,
  WM_CARD_COLOR_BLUE,
  WM_CARD_COLOR_TEAL,
  WM_CARD_COLOR_GREEN,
  WM_CARD_COLOR_GREY,
} WmCardColor;

#define WM_CARD_COLOR_COUNT (WM_CARD_COLOR_GREY + 1)

/* Emotion values are −2 … +2 in half steps; stored as half steps. */
#define WM_EMOTION_MIN_HALF_STEPS (-4)
#define WM_EMOTION_MAX_HALF_STEPS 4

/* Limits of a document: loading refuses more, the map refuses to add more
 * (NULL) and cuts longer texts, so whatever it holds saves and loads. */
#define WM_MAP_MAX_ID_LENGTH   64
#define WM_MAP_MAX_TEXT_LENGTH 10000   /* bytes, for names, titles, bodies */
#define WM_MAP_MAX_STAGES      200
#define WM_MAP_MAX_LANES       100
#define WM_MAP_MAX_CARDS       5000
#define WM_MAP_MAX_CONNECTORS  10000
#define WM_MAP_MAX_PERSONAS    50
#define WM_MAP_MAX_BINDINGS    50
#define WM_MAP_MAX_SPAN        WM_MAP_MAX_STAGES

typedef struct
{
  char *id;
  char *name;
} WmMapStage;

typedef struct
{
  char       *id;
  char       *name;
  WmLaneKind  kind;
  char       *channel;   /* the channel of a WM_LANE_CHANNELS lane, else NULL */
} WmMapLane;

typedef struct
{
  char        *id;
  char        *title;
  char        *body;       /* may be "" */
  WmCardColor  color;
  char        *stage;      /* stage id */
  char        *lane;       /* lane id */
  guint        order;      /* within its cell */
  guint        span;       /* stages covered, ≥ 1 */
  WmEvidence   evidence;
  char       **bindings;   /* touchpoint names, NULL-terminated, never NULL */
} WmMapCard;

typedef struct
{
  char *id;
  char *from;    /* card id */
  char *to;      /* card id */
  char *label;   /* may be "" */
} WmMapConnector;

typedef struct
{
  char       *id;
  char       *name;
  char       *description;   /* may be "" */
  GHashTable *emotions;      /* stage id → GINT_TO_POINTER (half steps) */
} WmMapPersona;

/* Where one card goes, for wm_journey_map_move_cards(). */
typedef struct
{
  const char *card;
  const char *stage;
  const char *lane;
  guint       order;
} WmMapCardPosition;

/* What a "changed" signal is about; the id names the object (NULL for
 * WM_MAP_CHANGE_ALL, WM_MAP_CHANGE_STRUCTURE and WM_MAP_CHANGE_TITLE). */
typedef enum
{
  WM_MAP_CHANGE_ALL,             /* the whole document was replaced */
  WM_MAP_CHANGE_TITLE,
  WM_MAP_CHANGE_STRUCTURE,       /* stages or lanes: added, removed, renamed, reordered */
  WM_MAP_CHANGE_CARD_ADDED,
  WM_MAP_CHANGE_CARD_REMOVED,
  WM_MAP_CHANGE_CARD_MOVED,      /* its cell, order (others in both cells may shift) */
  WM_MAP_CHANGE_CARD_CONTENT,    /* text, colour, evidence, span, bindings */
  WM_MAP_CHANGE_CONNECTOR_ADDED,
  WM_MAP_CHANGE_CONNECTOR_REMOVED,
  WM_MAP_CHANGE_CONNECTOR_CONTENT,
  WM_MAP_CHANGE_PERSONA,         /* added, removed, renamed, or its emotion curve */
} WmMapChange;

const char *wm_lane_kind_to_string      (WmLaneKind    kind);   /* "pain-points" … */
gboolean    wm_lane_kind_from_string    (const char   *name,
                                         WmLaneKind   *kind);
const char *wm_lane_kind_display_name   (WmLaneKind    kind);   /* translated */
const char *wm_evidence_to_string       (WmEvidence    evidence);
gboolean    wm_evidence_from_string     (const char   *name,
                                         WmEvidence   *evidence);
const char *wm_evidence_display_name    (WmEvidence    evidence); /* translated */
const char *wm_card_color_to_string     (WmCardColor   color);  /* "yellow" … */
gboolean    wm_card_color_from_string   (const char   *name,
                                         WmCardColor  *color);

WmMapStage     *wm_map_stage_copy      (const WmMapStage     *stage);
void            wm_map_stage_free      (WmMapStage           *stage);
WmMapLane      *wm_map_lane_copy       (const WmMapLane      *lane);
void            wm_map_lane_free       (WmMapLane            *lane);
/* A card to fill in and pass to wm_journey_map_add_card(): yellow,
 * observed, span 1, no bindings, empty strings. */
WmMapCard      *wm_map_card_new        (void);
WmMapCard      *wm_map_card_copy       (const WmMapCard      *card);
void            wm_map_card_free       (WmMapCard            *card);
WmMapConnector *wm_map_connector_copy  (const WmMapConnector *connector);
void            wm_map_connector_free  (WmMapConnector       *connector);
WmMapPersona   *wm_map_persona_copy    (const WmMapPersona   *persona);
void            wm_map_persona_free    (WmMapPersona         *persona);

#define WM_TYPE_JOURNEY_MAP (wm_journey_map_get_type ())
G_DECLARE_FINAL_TYPE (WmJourneyMap, wm_journey_map, WM, JOURNEY_MAP, GObject)

/* An empty map: no title, stages, lanes or cards. */
WmJourneyMap *wm_journey_map_new (void);

/* Replaces the whole document with @source's (which is left empty) and
 * emits WM_MAP_CHANGE_ALL. */
void        wm_journey_map_take_contents (WmJourneyMap *self,
                                          WmJourneyMap *source);
/* A new id "<prefix>-<n>" that no object of the document uses. */
char       *wm_journey_map_make_id       (WmJourneyMap *self,
                                          const char   *prefix);
/* TRUE if @id is used by any object of the document. */
gboolean    wm_journey_map_has_id        (WmJourneyMap *self,
                                          const char   *id);

const char *wm_journey_map_get_title     (WmJourneyMap *self);
void        wm_journey_map_set_title     (WmJourneyMap *self,
                                          const char   *title);

/* Stages, left to right. @position −1 (or past the end) appends. Adding
 * with an @id that is in use or too long fails (NULL), as does adding past
 * the limits above; a NULL @id makes a new one. */
guint             wm_journey_map_get_n_stages   (WmJourneyMap *self);
const WmMapStage *wm_journey_map_get_stage      (WmJourneyMap *self,
                                                 guint         index);
const WmMapStage *wm_journey_map_lookup_stage   (WmJourneyMap *self,
                                                 const char   *id);
/* The index of stage @id, or −1. */
int               wm_journey_map_stage_index    (WmJourneyMap *self,
                                                 const char   *id);
const WmMapStage *wm_journey_map_add_stage      (WmJourneyMap *self,
                                                 const char   *id,
                                                 const char   *name,
                                                 int           position);
gboolean          wm_journey_map_rename_stage   (WmJourneyMap *self,
                                                 const char   *id,
                                                 const char   *name);
gboolean          wm_journey_map_move_stage     (WmJourneyMap *self,
                                                 const char   *id,
                                                 guint         position);
/* Also removes the stage's cards (and their connectors) and its emotion
 * values. */
gboolean          wm_journey_map_remove_stage   (WmJourneyMap *self,
                                                 const char   *id);

/* Lanes, top to bottom; same rules as stages. */
guint             wm_journey_map_get_n_lanes    (WmJourneyMap *self);
const WmMapLane  *wm_journey_map_get_lane       (WmJourneyMap *self,
                                                 guint         index);
const WmMapLane  *wm_journey_map_lookup_lane    (WmJourneyMap *self,
                                                 const char   *id);
int               wm_journey_map_lane_index     (WmJourneyMap *self,
                                                 const char   *id);
/* @channel is kept for WM_LANE_CHANNELS lanes only. */
const WmMapLane  *wm_journey_map_add_lane       (WmJourneyMap *self,
                                                 const char   *id,
                                                 const char   *name,
                                                 WmLaneKind    kind,
                                                 const char   *channel,
                                                 int           position);
gboolean          wm_journey_map_rename_lane    (WmJourneyMap *self,
                                                 const char   *id,
                                                 const char   *name);
gboolean          wm_journey_map_move_lane      (WmJourneyMap *self,
                                                 const char   *id,
                                                 guint         position);
/* Also removes the lane's cards and their connectors. */
gboolean          wm_journey_map_remove_lane    (WmJourneyMap *self,
                                                 const char   *id);

/* Cards, in the document's order (creation order, kept across saves). */
guint             wm_journey_map_get_n_cards    (WmJourneyMap *self);
const WmMapCard  *wm_journey_map_get_card       (WmJourneyMap *self,
                                                 guint         index);
const WmMapCard  *wm_journey_map_lookup_card    (WmJourneyMap *self,
                                                 const char   *id);
int               wm_journey_map_card_index     (WmJourneyMap *self,
                                                 const char   *id);
/* The cards of one cell, by order (container owned by the caller). */
GPtrArray        *wm_journey_map_get_cell_cards (WmJourneyMap *self,
                                                 const char   *stage,
                                                 const char   *lane);
/* The ids of the cards in stage @stage or in lane @lane (either may be
 * NULL), in the document's order. */
GStrv             wm_journey_map_list_cards_in  (WmJourneyMap *self,
                                                 const char   *stage,
                                                 const char   *lane);
/* Copies @card (id NULL: a new id) into the map at @position in the card
 * list, in its cell at card->order (clamped to the cell's size; the cards
 * after it move down). Fails
 * (NULL) for an unknown stage or lane or an id in use. */
const WmMapCard  *wm_journey_map_add_card       (WmJourneyMap    *self,
                                                 const WmMapCard *card,
                                                 int              position);
/* Also removes the connectors from and to the card. */
gboolean          wm_journey_map_remove_card    (WmJourneyMap   *self,
                                                 const char     *id);
gboolean          wm_journey_map_move_card      (WmJourneyMap   *self,
                                                 const char     *id,
                                                 const char     *stage,
                                                 const char     *lane,
                                                 guint           order);
/* Moves several cards at once: all leave their cells, then each is put at
 * its order, lowest orders first, so a set of positions read from a
 * document comes back exactly. Fails (changing nothing) if a card, stage or
 * lane is unknown or a card is listed twice. */
gboolean          wm_journey_map_move_cards     (WmJourneyMap            *self,
                                                 const WmMapCardPosition *positions,
                                                 guint                    n_positions);
/* Sets title, body, colour, evidence, span and bindings from @content
 * (its id and position are ignored). */
gboolean          wm_journey_map_update_card    (WmJourneyMap    *self,
                                                 const char      *id,
                                                 const WmMapCard *content);
gboolean          wm_journey_map_set_card_text  (WmJourneyMap   *self,
                                                 const char     *id,
                                                 const char     *title,
                                                 const char     *body);
gboolean          wm_journey_map_set_card_color (WmJourneyMap   *self,
                                                 const char     *id,
                                                 WmCardColor     color);
gboolean          wm_journey_map_set_card_evidence (WmJourneyMap *self,
                                                    const char   *id,
                                                    WmEvidence    evidence);
gboolean          wm_journey_map_set_card_span  (WmJourneyMap   *self,
                                                 const char     *id,
                                                 guint           span);
gboolean          wm_journey_map_set_card_bindings (WmJourneyMap       *self,
                                                    const char         *id,
                                                    const char * const *touchpoints);

/* Connectors, in the document's order. Adding fails for unknown cards, a
 * connector from a card to itself, or an id in use. */
guint                 wm_journey_map_get_n_connectors (WmJourneyMap *self);
const WmMapConnector *wm_journey_map_get_connector    (WmJourneyMap *self,
                                                       guint         index);
const WmMapConnector *wm_journey_map_lookup_connector (WmJourneyMap *self,
                                                       const char   *id);
int                   wm_journey_map_connector_index  (WmJourneyMap *self,
                                                       const char   *id);
const WmMapConnector *wm_journey_map_add_connector    (WmJourneyMap *self,
                                                       const char   *id,
                                                       const char   *from,
                                                       const char   *to,
                                                       const char   *label,
                                                       int           position);
gboolean              wm_journey_map_set_connector_label (WmJourneyMap *self,
                                                          const char   *id,
                                                          const char   *label);
gboolean              wm_journey_map_remove_connector (WmJourneyMap *self,
                                                       const char   *id);

/* Personas, in the document's order. */
guint               wm_journey_map_get_n_personas  (WmJourneyMap *self);
const WmMapPersona *wm_journey_map_get_persona     (WmJourneyMap *self,
                                                    guint         index);
const WmMapPersona *wm_journey_map_lookup_persona  (WmJourneyMap *self,
                                                    const char   *id);
int                 wm_journey_map_persona_index   (WmJourneyMap *self,
                                                    const char   *id);
/* Copies @persona, with its emotion values (those of unknown stages are
 * dropped); id NULL: a new id. */
const WmMapPersona *wm_journey_map_add_persona     (WmJourneyMap       *self,
                                                    const WmMapPersona *persona,
                                                    int                 position);
gboolean            wm_journey_map_set_persona     (WmJourneyMap *self,
                                                    const char   *id,
                                                    const char   *name,
                                                    const char   *description);
gboolean            wm_journey_map_remove_persona  (WmJourneyMap *self,
                                                    const char   *id);
/* The emotion of @persona at @stage in half steps (−4 … 4); FALSE when the
 * persona has no value there. */
gboolean            wm_journey_map_get_emotion     (WmJourneyMap *self,
                                                    const char   *persona,
                                                    const char   *stage,
                                                    int          *half_steps);
/* Sets (@has_value TRUE) or clears the value; @half_steps is clamped to
 * −4 … 4. */
gboolean            wm_journey_map_set_emotion     (WmJourneyMap *self,
                                                    const char   *persona,
                                                    const char   *stage,
                                                    gboolean      has_value,
                                                    int           half_steps);
/* Helpers for WmMapPersona.emotions, for code that builds personas. */
void                wm_map_persona_set_emotion     (WmMapPersona *persona,
                                                    const char   *stage,
                                                    int           half_steps);
gboolean            wm_map_persona_get_emotion     (const WmMapPersona *persona,
                                                    const char         *stage,
                                                    int                *half_steps);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmMapStage, wm_map_stage_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmMapLane, wm_map_lane_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmMapCard, wm_map_card_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmMapConnector, wm_map_connector_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmMapPersona, wm_map_persona_free)

G_END_DECLS
