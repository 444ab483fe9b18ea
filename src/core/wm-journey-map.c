/* wm-journey-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wm-journey-map.h"

struct _WmJourneyMap
{
  GObject     parent_instance;

  char       *title;
  GPtrArray  *stages;       /* WmMapStage */
  GPtrArray  *lanes;        /* WmMapLane */
  GPtrArray  *cards;        /* WmMapCard */
  GPtrArray  *connectors;   /* WmMapConnector */
  GPtrArray  *personas;     /* WmMapPersona */
  /* id → object, one table per kind; the arrays own the objects. */
  GHashTable *stage_ids;
  GHashTable *lane_ids;
  GHashTable *card_ids;
  GHashTable *connector_ids;
  GHashTable *persona_ids;
  guint       next_serial;  /* for new ids */
};

G_DEFINE_FINAL_TYPE (WmJourneyMap, wm_journey_map, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Names of the enums, as the JSON document spells them. */
static const char * const lane_kind_names[WM_LANE_KIND_COUNT] = {
  "touchpoints", "actions", "channels", "emotions", "pain-points", "opportunities", "notes",
};
static const char * const lane_kind_titles[WM_LANE_KIND_COUNT] = {
  N_("Touchpoints"), N_("Actions"), N_("Channels"), N_("Emotions"), N_("Pain points"),
  N_("Opportunities"), N_("Notes"),
};
static const char * const evidence_names[WM_EVIDENCE_COUNT] = {
  "observed", "assumed", "proposed",
};
static const char * const evidence_titles[WM_EVIDENCE_COUNT] = {
  N_("Observed"), N_("Assumed"), N_("Proposed"),
};
static const char * const color_names[WM_CARD_COLOR_COUNT] = {
  "yellow", "orange", "red", "pink", "purple", "blue", "teal", "green", "grey",
};

static gboolean
name_lookup (const char * const *names,
             guint               n_names,
             const char         *name,
             guint              *value)
{
  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    if (g_str_equal (names[i], name))
      {
        *value = i;
        return TRUE;
      }

  return FALSE;
}

const char *
wm_lane_kind_to_string (WmLaneKind kind)
{
  g_return_val_if_fail ((guint) kind < WM_LANE_KIND_COUNT, NULL);
  return lane_kind_names[kind];
}

gboolean
wm_lane_kind_from_string (const char *name,
                          WmLaneKind *kind)
{
  guint value;

  if (!name_lookup (lane_kind_names, WM_LANE_KIND_COUNT, name, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

const char *
wm_lane_kind_display_name (WmLaneKind kind)
{
  g_return_val_if_fail ((guint) kind < WM_LANE_KIND_COUNT, NULL);
  return _(lane_kind_titles[kind]);
}

const char *
wm_evidence_to_string (WmEvidence evidence)
{
  g_return_val_if_fail ((guint) evidence < WM_EVIDENCE_COUNT, NULL);
  return evidence_names[evidence];
}

gboolean
wm_evidence_from_string (const char *name,
                         WmEvidence *evidence)
{
  guint value;

  if (!name_lookup (evidence_names, WM_EVIDENCE_COUNT, name, &value))
    return FALSE;
  *evidence = value;
  return TRUE;
}

const char *
wm_evidence_display_name (WmEvidence evidence)
{
  g_return_val_if_fail ((guint) evidence < WM_EVIDENCE_COUNT, NULL);
  return _(evidence_titles[evidence]);
}

const char *
wm_card_color_to_string (WmCardColor color)
{
  g_return_val_if_fail ((guint) color < WM_CARD_COLOR_COUNT, NULL);
  return color_names[color];
}

gboolean
wm_card_color_from_string (const char  *name,
                           WmCardColor *color)
{
  guint value;

  if (!name_lookup (color_names, WM_CARD_COLOR_COUNT, name, &value))
    return FALSE;
  *color = value;
  return TRUE;
}

/* Plain structs */

WmMapStage *
wm_map_stage_copy (const WmMapStage *stage)
{
  WmMapStage *copy = g_new0 (WmMapStage, 1);

  copy->id = g_strdup (stage->id);
  copy->name = g_strdup (stage->name);
  return copy;
}

void
wm_map_stage_free (WmMapStage *stage)
{
  if (stage == NULL)
    return;
  g_free (stage->id);
  g_free (stage->name);
  g_free (stage);
}

WmMapLane *
wm_map_lane_copy (const WmMapLane *lane)
{
  WmMapLane *copy = g_new0 (WmMapLane, 1);

  copy->id = g_strdup (lane->id);
  copy->name = g_strdup (lane->name);
  copy->kind = lane->kind;
  copy->channel = g_strdup (lane->channel);
  return copy;
}

void
wm_map_lane_free (WmMapLane *lane)
{
  if (lane == NULL)
    return;
  g_free (lane->id);
  g_free (lane->name);
  g_free (lane->channel);
  g_free (lane);
}

WmMapCard *
wm_map_card_new (void)
{
  WmMapCard *card = g_new0 (WmMapCard, 1);

  card->title = g_strdup ("");
  card->body = g_strdup ("");
  card->color = WM_CARD_COLOR_YELLOW;
  card->span = 1;
  card->evidence = WM_EVIDENCE_OBSERVED;
  card->bindings = g_new0 (char *, 1);
  return card;
}

WmMapCard *
wm_map_card_copy (const WmMapCard *card)
{
  WmMapCard *copy = g_new0 (WmMapCard, 1);

  copy->id = g_strdup (card->id);
  copy->title = g_strdup (card->title != NULL ? card->title : "");
  copy->body = g_strdup (card->body != NULL ? card->body : "");
  copy->color = card->color;
  copy->stage = g_strdup (card->stage);
  copy->lane = g_strdup (card->lane);
  copy->order = card->order;
  copy->span = MAX (card->span, 1);
  copy->evidence = card->evidence;
  copy->bindings = card->bindings != NULL ? g_strdupv (card->bindings) : g_new0 (char *, 1);
  return copy;
}

void
wm_map_card_free (WmMapCard *card)
{
  if (card == NULL)
    return;
  g_free (card->id);
  g_free (card->title);
  g_free (card->body);
  g_free (card->stage);
  g_free (card->lane);
  g_strfreev (card->bindings);
  g_free (card);
}

WmMapConnector *
wm_map_connector_copy (const WmMapConnector *connector)
{
  WmMapConnector *copy = g_new0 (WmMapConnector, 1);

  copy->id = g_strdup (connector->id);
  copy->from = g_strdup (connector->from);
  copy->to = g_strdup (connector->to);
  copy->label = g_strdup (connector->label != NULL ? connector->label : "");
  return copy;
}

void
wm_map_connector_free (WmMapConnector *connector)
{
  if (connector == NULL)
    return;
  g_free (connector->id);
  g_free (connector->from);
  g_free (connector->to);
  g_free (connector->label);
  g_free (connector);
}

static GHashTable *
emotions_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

WmMapPersona *
wm_map_persona_copy (const WmMapPersona *persona)
{
  WmMapPersona *copy = g_new0 (WmMapPersona, 1);
  GHashTableIter iter;
  gpointer key, value;

  copy->id = g_strdup (persona->id);
  copy->name = g_strdup (persona->name);
  copy->description = g_strdup (persona->description != NULL ? persona->description : "");
  copy->emotions = emotions_new ();
  if (persona->emotions != NULL)
    {
      g_hash_table_iter_init (&iter, persona->emotions);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (copy->emotions, g_strdup (key), value);
    }
  return copy;
}

void
wm_map_persona_free (WmMapPersona *persona)
{
  if (persona == NULL)
    return;
  g_free (persona->id);
  g_free (persona->name);
  g_free (persona->description);
  g_clear_pointer (&persona->emotions, g_hash_table_unref);
  g_free (persona);
}

void
wm_map_persona_set_emotion (WmMapPersona *persona,
                            const char   *stage,
                            int           half_steps)
{
  if (persona->emotions == NULL)
    persona->emotions = emotions_new ();
  half_steps = CLAMP (half_steps, WM_EMOTION_MIN_HALF_STEPS, WM_EMOTION_MAX_HALF_STEPS);
  g_hash_table_insert (persona->emotions, g_strdup (stage), GINT_TO_POINTER (half_steps));
}

gboolean
wm_map_persona_get_emotion (const WmMapPersona *persona,
                            const char         *stage,
                            int                *half_steps)
{
  gpointer value;

  if (persona->emotions == NULL ||
      !g_hash_table_lookup_extended (persona->emotions, stage, NULL, &value))
    return FALSE;
  if (half_steps != NULL)
    *half_steps = GPOINTER_TO_INT (value);
  return TRUE;
}

/* The object */

static void
emit_changed (WmJourneyMap *self,
              WmMapChange   change,
              const char   *id)
{
  g_signal_emit (self, signals[CHANGED], 0, (guint) change, id);
}

/* Text as the document keeps it: never NULL, at most
 * WM_MAP_MAX_TEXT_LENGTH bytes (cut between characters), so that whatever
 * the map holds saves into a document that loads again. */
static char *
text_dup (const char *text)
{
  gsize length;

  if (text == NULL)
    return g_strdup ("");
  length = strlen (text);
  if (length <= WM_MAP_MAX_TEXT_LENGTH)
    return g_strdup (text);
  length = g_utf8_find_prev_char (text, text + WM_MAP_MAX_TEXT_LENGTH + 1) - text;
  return g_strndup (text, length);
}

/* Bindings as the document keeps them: named, each once, a bounded number. */
static char **
bindings_dup (char **bindings)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; bindings != NULL && bindings[i] != NULL; i++)
    {
      g_autofree char *name = text_dup (bindings[i]);

      if (*name == '\0' || g_hash_table_contains (seen, name) ||
          g_hash_table_size (seen) == WM_MAP_MAX_BINDINGS)
        continue;
      g_strv_builder_add (builder, name);
      g_hash_table_add (seen, g_steal_pointer (&name));
    }
  return g_strv_builder_end (builder);
}

static void
clear_contents (WmJourneyMap *self)
{
  g_clear_pointer (&self->title, g_free);
  g_ptr_array_set_size (self->connectors, 0);
  g_ptr_array_set_size (self->cards, 0);
  g_ptr_array_set_size (self->personas, 0);
  g_ptr_array_set_size (self->lanes, 0);
  g_ptr_array_set_size (self->stages, 0);
  g_hash_table_remove_all (self->stage_ids);
  g_hash_table_remove_all (self->lane_ids);
  g_hash_table_remove_all (self->card_ids);
  g_hash_table_remove_all (self->connector_ids);
  g_hash_table_remove_all (self->persona_ids);
}

static void
wm_journey_map_finalize (GObject *object)
{
  WmJourneyMap *self = WM_JOURNEY_MAP (object);

  g_free (self->title);
  g_ptr_array_unref (self->connectors);
  g_ptr_array_unref (self->cards);
  g_ptr_array_unref (self->personas);
  g_ptr_array_unref (self->lanes);
  g_ptr_array_unref (self->stages);
  g_hash_table_unref (self->stage_ids);
  g_hash_table_unref (self->lane_ids);
  g_hash_table_unref (self->card_ids);
  g_hash_table_unref (self->connector_ids);
  g_hash_table_unref (self->persona_ids);

  G_OBJECT_CLASS (wm_journey_map_parent_class)->finalize (object);
}

static void
wm_journey_map_class_init (WmJourneyMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_journey_map_finalize;

  /**
   * WmJourneyMap::changed:
   * @change: a #WmMapChange (as a guint)
   * @id: (nullable): the id of the object that changed
   *
   * Emitted after every change, once per object touched, so a view can
   * redraw only what changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);
}

static void
wm_journey_map_init (WmJourneyMap *self)
{
  self->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_map_stage_free);
  self->lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_map_lane_free);
  self->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_map_card_free);
  self->connectors = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_map_connector_free);
  self->personas = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_map_persona_free);
  self->stage_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->lane_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->card_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->connector_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->persona_ids = g_hash_table_new (g_str_hash, g_str_equal);
}

WmJourneyMap *
wm_journey_map_new (void)
{
  return g_object_new (WM_TYPE_JOURNEY_MAP, NULL);
}

static void
swap_pointers (gpointer *a,
               gpointer *b)
{
  gpointer tmp = *a;

  *a = *b;
  *b = tmp;
}

void
wm_journey_map_take_contents (WmJourneyMap *self,
                              WmJourneyMap *source)
{
  g_return_if_fail (WM_IS_JOURNEY_MAP (self));
  g_return_if_fail (WM_IS_JOURNEY_MAP (source));

  swap_pointers ((gpointer *) &self->title, (gpointer *) &source->title);
  swap_pointers ((gpointer *) &self->stages, (gpointer *) &source->stages);
  swap_pointers ((gpointer *) &self->lanes, (gpointer *) &source->lanes);
  swap_pointers ((gpointer *) &self->cards, (gpointer *) &source->cards);
  swap_pointers ((gpointer *) &self->connectors, (gpointer *) &source->connectors);
  swap_pointers ((gpointer *) &self->personas, (gpointer *) &source->personas);
  swap_pointers ((gpointer *) &self->stage_ids, (gpointer *) &source->stage_ids);
  swap_pointers ((gpointer *) &self->lane_ids, (gpointer *) &source->lane_ids);
  swap_pointers ((gpointer *) &self->card_ids, (gpointer *) &source->card_ids);
  swap_pointers ((gpointer *) &self->connector_ids, (gpointer *) &source->connector_ids);
  swap_pointers ((gpointer *) &self->persona_ids, (gpointer *) &source->persona_ids);
  self->next_serial = MAX (self->next_serial, source->next_serial);
  clear_contents (source);

  emit_changed (self, WM_MAP_CHANGE_ALL, NULL);
}

gboolean
wm_journey_map_has_id (WmJourneyMap *self,
                       const char   *id)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), FALSE);

  if (id == NULL)
    return FALSE;

  return g_hash_table_contains (self->stage_ids, id) ||
         g_hash_table_contains (self->lane_ids, id) ||
         g_hash_table_contains (self->card_ids, id) ||
         g_hash_table_contains (self->connector_ids, id) ||
         g_hash_table_contains (self->persona_ids, id);
}

char *
wm_journey_map_make_id (WmJourneyMap *self,
                        const char   *prefix)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  for (;;)
    {
      char *id = g_strdup_printf ("%s-%u", prefix, ++self->next_serial);

      if (!wm_journey_map_has_id (self, id))
        return id;
      g_free (id);
    }
}

/* The id for a new object: @id if given and free, a new one if NULL. */
static char *
claim_id (WmJourneyMap *self,
          const char   *id,
          const char   *prefix)
{
  if (id == NULL)
    return wm_journey_map_make_id (self, prefix);
  if (*id == '\0' || strlen (id) > WM_MAP_MAX_ID_LENGTH || wm_journey_map_has_id (self, id))
    return NULL;
  return g_strdup (id);
}

/* g_hash_table_lookup() that takes a NULL key (never found). */
static gpointer
id_lookup (GHashTable *ids,
           const char *id)
{
  return id != NULL ? g_hash_table_lookup (ids, id) : NULL;
}

static int
array_index (GPtrArray  *array,
             GHashTable *ids,
             const char *id)
{
  gpointer object;
  guint index;

  if ((object = id_lookup (ids, id)) == NULL)
    return -1;
  if (!g_ptr_array_find (array, object, &index))
    return -1;
  return (int) index;
}

static guint
clamp_position (GPtrArray *array,
                int        position)
{
  if (position < 0 || (guint) position > array->len)
    return array->len;
  return (guint) position;
}

static void
array_move (GPtrArray *array,
            guint      from,
            guint      to)
{
  gpointer object = g_ptr_array_steal_index (array, from);

  g_ptr_array_insert (array, to, object);
}

const char *
wm_journey_map_get_title (WmJourneyMap *self)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), NULL);
  return self->title != NULL ? self->title : "";
}

void
wm_journey_map_set_title (WmJourneyMap *self,
                          const char   *title)
{
  g_return_if_fail (WM_IS_JOURNEY_MAP (self));

  if (g_strcmp0 (wm_journey_map_get_title (self), title != NULL ? title : "") == 0)
    return;
  g_free (self->title);
  self->title = text_dup (title);
  emit_changed (self, WM_MAP_CHANGE_TITLE, NULL);
}

/* Stages */

guint
wm_journey_map_get_n_stages (WmJourneyMap *self)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), 0);
  return self->stages->len;
}

const WmMapStage *
wm_journey_map_get_stage (WmJourneyMap *self,
                          guint         index)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), NULL);
  g_return_val_if_fail (index < self->stages->len, NULL);
  return g_ptr_array_index (self->stages, index);
}

const WmMapStage *
wm_journey_map_lookup_stage (WmJourneyMap *self,
                             const char   *id)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), NULL);
  return id != NULL ? id_lookup (self->stage_ids, id) : NULL;
}

int
wm_journey_map_stage_index (WmJourneyMap *self,
                            const char   *id)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), -1);
  return array_index (self->stages, self->stage_ids, id);
}

const WmMapStage *
wm_journey_map_add_stage (WmJourneyMap *self,
                          const char   *id,
                          const char   *name,
                          int           position)
{
  WmMapStage *stage;
  char *new_id;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), NULL);

  if (self->stages->len >= WM_MAP_MAX_STAGES || (new_id = claim_id (self, id, "stage")) == NULL)
    return NULL;

  stage = g_new0 (WmMapStage, 1);
  stage->id = new_id;
  stage->name = text_dup (name);
  g_ptr_array_insert (self->stages, clamp_position (self->stages, position), stage);
  g_hash_table_insert (self->stage_ids, stage->id, stage);
  emit_changed (self, WM_MAP_CHANGE_STRUCTURE, NULL);
  return stage;
}

gboolean
wm_journey_map_rename_stage (WmJourneyMap *self,
                             const char   *id,
                             const char   *name)
{
  WmMapStage *stage;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), FALSE);

  if ((stage = id_lookup (self->stage_ids, id)) == NULL)
    return FALSE;
  g_free (stage->name);
  stage->name = text_dup (name);
  emit_changed (self, WM_MAP_CHANGE_STRUCTURE, NULL);
  return TRUE;
}

gboolean
wm_journey_map_move_stage (WmJourneyMap *self,
                           const char   *id,
                           guint         position)
{
  int index;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), FALSE);

  if ((index = wm_journey_map_stage_index (self, id)) < 0)
    return FALSE;
  array_move (self->stages, index, MIN (position, self->stages->len - 1));
  emit_changed (self, WM_MAP_CHANGE_STRUCTURE, NULL);
  return TRUE;
}

GStrv
wm_journey_map_list_cards_in (WmJourneyMap *self,
                              const char   *stage,
                              const char   *lane)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), NULL);

  for (guint i = 0; i < self->cards->len; i++)
    {
      const WmMapCard *card = g_ptr_array_index (self->cards, i);

      if ((stage != NULL && g_strcmp0 (card->stage, stage) == 0) ||
          (lane != NULL && g_str_equal (card->lane, lane)))
        g_strv_builder_add (ids, card->id);
    }
  return g_strv_builder_end (ids);
}

/* Removes every card in @stage (or @lane), last first. */
static void
remove_cards_of (WmJourneyMap *self,
                 const char   *stage,
                 const char   *lane)
{
  g_auto(GStrv) ids = wm_journey_map_list_cards_in (self, stage, lane);

  for (guint i = g_strv_length (ids); i > 0; i--)
    wm_journey_map_remove_card (self, ids[i - 1]);
}

gboolean
wm_journey_map_remove_stage (WmJourneyMap *self,
                             const char   *id)
{
  WmMapStage *stage;
  int index;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), FALSE);

  if ((index = wm_journey_map_stage_index (self, id)) < 0)
    return FALSE;
  stage = g_ptr_array_index (self->stages, index);

  remove_cards_of (self, stage->id, NULL);
  for (guint i = 0; i < self->personas->len; i++)
    {
      WmMapPersona *persona = g_ptr_array_index (self->personas, i);

      if (g_hash_table_remove (persona->emotions, stage->id))
        emit_changed (self, WM_MAP_CHANGE_PERSONA, persona->id);
    }

  g_hash_table_remove (self->stage_ids, stage->id);
  g_ptr_array_remove_index (self->stages, index);
  emit_changed (self, WM_MAP_CHANGE_STRUCTURE, NULL);
  return TRUE;
}

/* Lanes */

guint
wm_journey_map_get_n_lanes (WmJourneyMap *self)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), 0);
  return self->lanes->len;
}

const WmMapLane *
wm_journey_map_get_lane (WmJourneyMap *self,
                         guint         index)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), NULL);
  g_return_val_if_fail (index < self->lanes->len, NULL);
  return g_ptr_array_index (self->lanes, index);
}

const WmMapLane *
wm_journey_map_lookup_lane (WmJourneyMap *self,
                            const char   *id)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), NULL);
  return id != NULL ? id_lookup (self->lane_ids, id) : NULL;
}

int
wm_journey_map_lane_index (WmJourneyMap *self,
                           const char   *id)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), -1);
  return array_index (self->lanes, self->lane_ids, id);
}

const WmMapLane *
wm_journey_map_add_lane (WmJourneyMap *self,
                         const char   *id,
                         const char   *name,
                         WmLaneKind    kind,
                         const char   *channel,
                         int           position)
{
  WmMapLane *lane;
  char *new_id;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), NULL);
  g_return_val_if_fail ((guint) kind < WM_LANE_KIND_COUNT, NULL);

  if (self->lanes->len >= WM_MAP_MAX_LANES || (new_id = claim_id (self, id, "lane")) == NULL)
    return NULL;

  lane = g_new0 (WmMapLane, 1);
  lane->id = new_id;
  lane->name = text_dup (name);
  lane->kind = kind;
  lane->channel = kind == WM_LANE_CHANNELS ? text_dup (channel) : NULL;
  g_ptr_array_insert (self->lanes, clamp_position (self->lanes, position), lane);
  g_hash_table_insert (self->lane_ids, lane->id, lane);
  emit_changed (self, WM_MAP_CHANGE_STRUCTURE, NULL);
  return lane;
}

gboolean
wm_journey_map_rename_lane (WmJourneyMap *self,
                            const char   *id,
                            const char   *name)
{
  WmMapLane *lane;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), FALSE);

  if ((lane = id_lookup (self->lane_ids, id)) == NULL)
    return FALSE;
  g_free (lane->name);
  lane->name = text_dup (name);
  emit_changed (self, WM_MAP_CHANGE_STRUCTURE, NULL);
  return TRUE;
}

gboolean
wm_journey_map_move_lane (WmJourneyMap *self,
                          const char   *id,
                          guint         position)
{
  int index;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), FALSE);

  if ((index = wm_journey_map_lane_index (self, id)) < 0)
    return FALSE;
  array_move (self->lanes, index, MIN (position, self->lanes->len - 1));
  emit_changed (self, WM_MAP_CHANGE_STRUCTURE, NULL);
  return TRUE;
}

gboolean
wm_journey_map_remove_lane (WmJourneyMap *self,
                            const char   *id)
{
  WmMapLane *lane;
  int index;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), FALSE);

  if ((index = wm_journey_map_lane_index (self, id)) < 0)
    return FALSE;
  lane = g_ptr_array_index (self->lanes, index);

  remove_cards_of (self, NULL, lane->id);
  g_hash_table_remove (self->lane_ids, lane->id);
  g_ptr_array_remove_index (self->lanes, index);
  emit_changed (self, WM_MAP_CHANGE_STRUCTURE, NULL);
  return TRUE;
}

/* Cards */

guint
wm_journey_map_get_n_cards (WmJourneyMap *self)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), 0);
  return self->cards->len;
}

const WmMapCard *
wm_journey_map_get_card (WmJourneyMap *self,
                         guint         index)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), NULL);
  g_return_val_if_fail (index < self->cards->len, NULL);
  return g_ptr_array_index (self->cards, index);
}

const WmMapCard *
wm_journey_map_lookup_card (WmJourneyMap *self,
                            const char   *id)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), NULL);
  return id != NULL ? id_lookup (self->card_ids, id) : NULL;
}

int
wm_journey_map_card_index (WmJourneyMap *self,
                           const char   *id)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), -1);
  return array_index (self->cards, self->card_ids, id);
}

static gboolean
in_cell (const WmMapCard *card,
         const char      *stage,
         const char      *lane)
{
  /* A card being moved has no cell (NULL stage) for a moment. */
  return card->stage != NULL && g_str_equal (card->stage, stage) && g_str_equal (card->lane, lane);
}

static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  const WmMapCard *ca = *(const WmMapCard **) a;
  const WmMapCard *cb = *(const WmMapCard **) b;

  return (ca->order > cb->order) - (ca->order < cb->order);
}

GPtrArray *
wm_journey_map_get_cell_cards (WmJourneyMap *self,
                               const char   *stage,
                               const char   *lane)
{
  GPtrArray *cell = g_ptr_array_new ();

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), cell);
  g_return_val_if_fail (stage != NULL && lane != NULL, cell);

  for (guint i = 0; i < self->cards->len; i++)
    {
      WmMapCard *card = g_ptr_array_index (self->cards, i);

      if (in_cell (card, stage, lane))
        g_ptr_array_add (cell, card);
    }
  g_ptr_array_sort (cell, compare_order);
  return cell;
}

/* Takes @card out of its cell: the cards after it move up. */
static void
detach_card (WmJourneyMap *self,
             WmMapCard    *card)
{
  g_autofree char *stage = g_steal_pointer (&card->stage);

  for (guint i = 0; i < self->cards->len; i++)
    {
      WmMapCard *other = g_ptr_array_index (self->cards, i);

      if (in_cell (other, stage, card->lane) && other->order > card->order)
        other->order--;
    }
}

/* Puts a detached @card into @stage × its lane at @order (clamped); the
 * cards from there on move down. */
static void
attach_card (WmJourneyMap *self,
             WmMapCard    *card,
             const char   *stage,
             guint         order)
{
  guint count = 0;

  for (guint i = 0; i < self->cards->len; i++)
    if (in_cell (g_ptr_array_index (self->cards, i), stage, card->lane))
      count++;
  order = MIN (order, count);

  for (guint i = 0; i < self->cards->len; i++)
    {
      WmMapCard *other = g_ptr_array_index (self->cards, i);

      if (in_cell (other, stage, card->lane) && other->order >= order)
        other->order++;
    }

  card->stage = g_strdup (stage);
  card->order = order;
}

/* Kept as given (a move must not lose it): drawing clamps it to the
 * stages left of the card. */
static guint
clamp_span (guint span)
{
  return CLAMP (span, 1, WM_MAP_MAX_SPAN);
}

const WmMapCard *
wm_journey_map_add_card (WmJourneyMap    *self,
                         const WmMapCard *card,
                         int              position)
{
  WmMapCard *copy;
  char *new_id;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), NULL);
  g_return_val_if_fail (card != NULL, NULL);
  g_return_val_if_fail ((guint) card->color < WM_CARD_COLOR_COUNT, NULL);
  g_return_val_if_fail ((guint) card->evidence < WM_EVIDENCE_COUNT, NULL);

  if (wm_journey_map_lookup_stage (self, card->stage) == NULL ||
      wm_journey_map_lookup_lane (self, card->lane) == NULL)
    return NULL;
  if (self->cards->len >= WM_MAP_MAX_CARDS || (new_id = claim_id (self, card->id, "card")) == NULL)
    return NULL;

  copy = wm_map_card_copy (card);
  g_free (copy->id);
  copy->id = new_id;
  copy->span = clamp_span (card->span);
  g_free (copy->title);
  copy->title = text_dup (card->title);
  g_free (copy->body);
  copy->body = text_dup (card->body);
  g_strfreev (copy->bindings);
  copy->bindings = bindings_dup (card->bindings);
  g_clear_pointer (&copy->stage, g_free);
  attach_card (self, copy, card->stage, card->order);
  g_ptr_array_insert (self->cards, clamp_position (self->cards, position), copy);
  g_hash_table_insert (self->card_ids, copy->id, copy);
  emit_changed (self, WM_MAP_CHANGE_CARD_ADDED, copy->id);
  return copy;
}

gboolean
wm_journey_map_remove_card (WmJourneyMap *self,
                            const char   *id)
{
  WmMapCard *card;
  int index;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), FALSE);

  if ((index = wm_journey_map_card_index (self, id)) < 0)
    return FALSE;
  card = g_ptr_array_index (self->cards, index);

  for (guint i = self->connectors->len; i > 0; i--)
    {
      const WmMapConnector *connector = g_ptr_array_index (self->connectors, i - 1);

      if (g_str_equal (connector->from, card->id) || g_str_equal (connector->to, card->id))
        {
          g_autofree char *connector_id = g_strdup (connector->id);

          wm_journey_map_remove_connector (self, connector_id);
        }
    }

  detach_card (self, card);
  g_hash_table_remove (self->card_ids, card->id);
  /* The id outlives the card for the signal. */
  {
    g_autofree char *removed = g_strdup (card->id);

    g_ptr_array_remove_index (self->cards, index);
    emit_changed (self, WM_MAP_CHANGE_CARD_REMOVED, removed);
  }
  return TRUE;
}

gboolean
wm_journey_map_move_card (WmJourneyMap *self,
                          const char   *id,
                          const char   *stage,
                          const char   *lane,
                          guint         order)
{
  WmMapCardPosition position = { id, stage, lane, order };

  return wm_journey_map_move_cards (self, &position, 1);
}

static int
compare_position_order (gconstpointer a,
                        gconstpointer b)
{
  const WmMapCardPosition *pa = *(const WmMapCardPosition **) a;
  const WmMapCardPosition *pb = *(const WmMapCardPosition **) b;

  return (pa->order > pb->order) - (pa->order < pb->order);
}

gboolean
wm_journey_map_move_cards (WmJourneyMap            *self,
                           const WmMapCardPosition *positions,
                           guint                    n_positions)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) sorted = NULL;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), FALSE);
  g_return_val_if_fail (positions != NULL || n_positions == 0, FALSE);

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_positions; i++)
    {
      if (wm_journey_map_lookup_card (self, positions[i].card) == NULL ||
          wm_journey_map_lookup_stage (self, positions[i].stage) == NULL ||
          wm_journey_map_lookup_lane (self, positions[i].lane) == NULL ||
          !g_hash_table_add (seen, (gpointer) positions[i].card))
        return FALSE;
    }

  for (guint i = 0; i < n_positions; i++)
    detach_card (self, id_lookup (self->card_ids, positions[i].card));

  /* Lowest orders first: each lands exactly where asked when the positions
   * are those of a consistent document. g_ptr_array_sort is stable. */
  sorted = g_ptr_array_new ();
  for (guint i = 0; i < n_positions; i++)
    g_ptr_array_add (sorted, (gpointer) &positions[i]);
  g_ptr_array_sort (sorted, compare_position_order);

  for (guint i = 0; i < sorted->len; i++)
    {
      const WmMapCardPosition *position = g_ptr_array_index (sorted, i);
      WmMapCard *card = id_lookup (self->card_ids, position->card);

      if (!g_str_equal (card->lane, position->lane))
        {
          g_free (card->lane);
          card->lane = g_strdup (position->lane);
        }
      attach_card (self, card, position->stage, position->order);
    }

  for (guint i = 0; i < n_positions; i++)
    emit_changed (self, WM_MAP_CHANGE_CARD_MOVED, positions[i].card);
  return TRUE;
}

gboolean
wm_journey_map_update_card (WmJourneyMap    *self,
                            const char      *id,
                            const WmMapCard *content)
{
  WmMapCard *card;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), FALSE);
  g_return_val_if_fail (content != NULL, FALSE);
  g_return_val_if_fail ((guint) content->color < WM_CARD_COLOR_COUNT, FALSE);
  g_return_val_if_fail ((guint) content->evidence < WM_EVIDENCE_COUNT, FALSE);

  if ((card = id_lookup (self->card_ids, id)) == NULL)
    return FALSE;

  if (card->title != content->title)
    {
      g_free (card->title);
      card->title = text_dup (content->title);
    }
  if (card->body != content->body)
    {
      g_free (card->body);
      card->body = text_dup (content->body);
    }
  card->color = content->color;
  card->evidence = content->evidence;
  card->span = clamp_span (content->span);
  if (card->bindings != content->bindings)
    {
      g_strfreev (card->bindings);
      card->bindings = bindings_dup (content->bindings);
    }

  emit_changed (self, WM_MAP_CHANGE_CARD_CONTENT, card->id);
  return TRUE;
}

/* Runs @edit on a copy of card @id's content and stores the result. */
#define EDIT_CARD(self, id, edit)                                        \
  G_STMT_START {                                                         \
    const WmMapCard *found_ = wm_journey_map_lookup_card (self, id);     \
    g_autoptr(WmMapCard) content = NULL;                                 \
    if (found_ == NULL)                                                  \
      return FALSE;                                                      \
    content = wm_map_card_copy (found_);                                 \
    edit;                                                                \
    return wm_journey_map_update_card (self, id, content);               \
  } G_STMT_END

gboolean
wm_journey_map_set_card_text (WmJourneyMap *self,
                              const char   *id,
                              const char   *title,
                              const char   *body)
{
  EDIT_CARD (self, id, {
    g_free (content->title);
    content->title = g_strdup (title);
    g_free (content->body);
    content->body = g_strdup (body);
  });
}

gboolean
wm_journey_map_set_card_color (WmJourneyMap *self,
                               const char   *id,
                               WmCardColor   color)
{
  EDIT_CARD (self, id, content->color = color);
}

gboolean
wm_journey_map_set_card_evidence (WmJourneyMap *self,
                                  const char   *id,
                                  WmEvidence    evidence)
{
  EDIT_CARD (self, id, content->evidence = evidence);
}

gboolean
wm_journey_map_set_card_span (WmJourneyMap *self,
                              const char   *id,
                              guint         span)
{
  EDIT_CARD (self, id, content->span = span);
}

gboolean
wm_journey_map_set_card_bindings (WmJourneyMap       *self,
                                  const char         *id,
                                  const char * const *touchpoints)
{
  EDIT_CARD (self, id, {
    g_strfreev (content->bindings);
    content->bindings = touchpoints != NULL ? g_strdupv ((char **) touchpoints) : NULL;
  });
}

/* Connectors */

guint
wm_journey_map_get_n_connectors (WmJourneyMap *self)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), 0);
  return self->connectors->len;
}

const WmMapConnector *
wm_journey_map_get_connector (WmJourneyMap *self,
                              guint         index)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), NULL);
  g_return_val_if_fail (index < self->connectors->len, NULL);
  return g_ptr_array_index (self->connectors, index);
}

const WmMapConnector *
wm_journey_map_lookup_connector (WmJourneyMap *self,
                                 const char   *id)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), NULL);
  return id != NULL ? id_lookup (self->connector_ids, id) : NULL;
}

int
wm_journey_map_connector_index (WmJourneyMap *self,
                                const char   *id)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), -1);
  return array_index (self->connectors, self->connector_ids, id);
}

const WmMapConnector *
wm_journey_map_add_connector (WmJourneyMap *self,
                              const char   *id,
                              const char   *from,
                              const char   *to,
                              const char   *label,
                              int           position)
{
  WmMapConnector *connector;
  char *new_id;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), NULL);

  if (wm_journey_map_lookup_card (self, from) == NULL ||
      wm_journey_map_lookup_card (self, to) == NULL ||
      g_str_equal (from, to))
    return NULL;
  if (self->connectors->len >= WM_MAP_MAX_CONNECTORS ||
      (new_id = claim_id (self, id, "connector")) == NULL)
    return NULL;

  connector = g_new0 (WmMapConnector, 1);
  connector->id = new_id;
  connector->from = g_strdup (from);
  connector->to = g_strdup (to);
  connector->label = text_dup (label);
  g_ptr_array_insert (self->connectors, clamp_position (self->connectors, position), connector);
  g_hash_table_insert (self->connector_ids, connector->id, connector);
  emit_changed (self, WM_MAP_CHANGE_CONNECTOR_ADDED, connector->id);
  return connector;
}

gboolean
wm_journey_map_set_connector_label (WmJourneyMap *self,
                                    const char   *id,
                                    const char   *label)
{
  WmMapConnector *connector;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), FALSE);

  if ((connector = id_lookup (self->connector_ids, id)) == NULL)
    return FALSE;
  g_free (connector->label);
  connector->label = text_dup (label);
  emit_changed (self, WM_MAP_CHANGE_CONNECTOR_CONTENT, connector->id);
  return TRUE;
}

gboolean
wm_journey_map_remove_connector (WmJourneyMap *self,
                                 const char   *id)
{
  g_autofree char *removed = NULL;
  int index;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), FALSE);

  if ((index = wm_journey_map_connector_index (self, id)) < 0)
    return FALSE;

  removed = g_strdup (id);
  g_hash_table_remove (self->connector_ids, removed);
  g_ptr_array_remove_index (self->connectors, index);
  emit_changed (self, WM_MAP_CHANGE_CONNECTOR_REMOVED, removed);
  return TRUE;
}

/* Personas */

guint
wm_journey_map_get_n_personas (WmJourneyMap *self)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), 0);
  return self->personas->len;
}

const WmMapPersona *
wm_journey_map_get_persona (WmJourneyMap *self,
                            guint         index)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), NULL);
  g_return_val_if_fail (index < self->personas->len, NULL);
  return g_ptr_array_index (self->personas, index);
}

const WmMapPersona *
wm_journey_map_lookup_persona (WmJourneyMap *self,
                               const char   *id)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), NULL);
  return id != NULL ? id_lookup (self->persona_ids, id) : NULL;
}

int
wm_journey_map_persona_index (WmJourneyMap *self,
                              const char   *id)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), -1);
  return array_index (self->personas, self->persona_ids, id);
}

const WmMapPersona *
wm_journey_map_add_persona (WmJourneyMap       *self,
                            const WmMapPersona *persona,
                            int                 position)
{
  WmMapPersona *copy;
  GHashTableIter iter;
  gpointer key;
  char *new_id;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), NULL);
  g_return_val_if_fail (persona != NULL, NULL);

  if (self->personas->len >= WM_MAP_MAX_PERSONAS ||
      (new_id = claim_id (self, persona->id, "persona")) == NULL)
    return NULL;

  copy = wm_map_persona_copy (persona);
  g_free (copy->id);
  copy->id = new_id;
  g_free (copy->name);
  copy->name = text_dup (persona->name);
  g_free (copy->description);
  copy->description = text_dup (persona->description);
  g_hash_table_iter_init (&iter, copy->emotions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (wm_journey_map_lookup_stage (self, key) == NULL)
      g_hash_table_iter_remove (&iter);

  g_ptr_array_insert (self->personas, clamp_position (self->personas, position), copy);
  g_hash_table_insert (self->persona_ids, copy->id, copy);
  emit_changed (self, WM_MAP_CHANGE_PERSONA, copy->id);
  return copy;
}

gboolean
wm_journey_map_set_persona (WmJourneyMap *self,
                            const char   *id,
                            const char   *name,
                            const char   *description)
{
  WmMapPersona *persona;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), FALSE);

  if ((persona = id_lookup (self->persona_ids, id)) == NULL)
    return FALSE;
  g_free (persona->name);
  persona->name = text_dup (name);
  g_free (persona->description);
  persona->description = text_dup (description);
  emit_changed (self, WM_MAP_CHANGE_PERSONA, persona->id);
  return TRUE;
}

gboolean
wm_journey_map_remove_persona (WmJourneyMap *self,
                               const char   *id)
{
  g_autofree char *removed = NULL;
  int index;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), FALSE);

  if ((index = wm_journey_map_persona_index (self, id)) < 0)
    return FALSE;

  removed = g_strdup (id);
  g_hash_table_remove (self->persona_ids, removed);
  g_ptr_array_remove_index (self->personas, index);
  emit_changed (self, WM_MAP_CHANGE_PERSONA, removed);
  return TRUE;
}

gboolean
wm_journey_map_get_emotion (WmJourneyMap *self,
                            const char   *persona,
                            const char   *stage,
                            int          *half_steps)
{
  const WmMapPersona *found;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), FALSE);

  if ((found = wm_journey_map_lookup_persona (self, persona)) == NULL || stage == NULL)
    return FALSE;
  return wm_map_persona_get_emotion (found, stage, half_steps);
}

gboolean
wm_journey_map_set_emotion (WmJourneyMap *self,
                            const char   *persona,
                            const char   *stage,
                            gboolean      has_value,
                            int           half_steps)
{
  WmMapPersona *found;

  g_return_val_if_fail (WM_IS_JOURNEY_MAP (self), FALSE);

  if ((found = id_lookup (self->persona_ids, persona)) == NULL ||
      wm_journey_map_lookup_stage (self, stage) == NULL)
    return FALSE;

  if (has_value)
    wm_map_persona_set_emotion (found, stage, half_steps);
  else
    g_hash_table_remove (found->emotions, stage);
  emit_changed (self, WM_MAP_CHANGE_PERSONA, found->id);
  return TRUE;
}
