/* wm-map-history.c
 *
 * The shape of gtk/gtktexthistory.c: an undo and a redo queue of steps, a
 * step merging into the previous one when pushed, and an "applying" guard
 * that tells our own edits of the map from anyone else's.
 *
 * A step is a list of primitive operations on the map, each exactly
 * invertible given the document it left: insert/remove an object at a list
 * position (the object copied whole), update an object's content (before
 * and after copies), reorder, move cards (before and after positions), set
 * an emotion value, set the title. A command records its operations one by
 * one, applying each before capturing the next, so list positions are the
 * ones each operation really saw; undo runs them backwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wm-map-history.h"

typedef enum
{
  OP_INSERT,
  OP_REMOVE,
  OP_UPDATE,
  OP_REORDER,
  OP_MOVE_CARDS,
  OP_EMOTION,
  OP_TITLE,
} OpKind;

typedef enum
{
  OBJ_STAGE,
  OBJ_LANE,
  OBJ_CARD,
  OBJ_CONNECTOR,
  OBJ_PERSONA,
} ObjKind;

typedef struct
{
  char  *card;
  char  *stage;
  char  *lane;
  guint  order;
} Position;

typedef struct
{
  OpKind    kind;
  ObjKind   obj;
  char     *id;          /* of the object (the persona for OP_EMOTION) */
  guint     index;       /* OP_INSERT / OP_REMOVE: list position */
  guint     old_index;   /* OP_REORDER */
  guint     new_index;
  gpointer  before;      /* object copies (OP_INSERT/OP_REMOVE: before only) */
  gpointer  after;
  GArray   *old_positions;  /* OP_MOVE_CARDS: Position */
  GArray   *new_positions;
  char     *stage;       /* OP_EMOTION */
  gboolean  old_has;
  gboolean  new_has;
  int       old_half;
  int       new_half;
  char     *old_text;    /* OP_TITLE */
  char     *new_text;
} Op;

typedef struct
{
  WmMapCommand  command;
  GPtrArray    *ops;       /* Op */
  char         *merge_key; /* equal keys of consecutive steps may merge */
  guint64       serial;    /* names the document this step leaves */
} Step;

struct _WmMapHistory
{
  GObject       parent_instance;

  WmJourneyMap *map;
  GQueue        undo;      /* Step, newest at the head */
  GQueue        redo;
  Step         *group;     /* open group, or NULL */
  guint         group_depth;
  guint64       next_serial;
  guint64       base_serial;   /* the document below the oldest step */
  guint64       saved_serial;
  gboolean      applying;
  gboolean      can_merge;
  gulong        changed_id;
  gboolean      was_dirty;
  gboolean      could_undo;
  gboolean      could_redo;
};

G_DEFINE_FINAL_TYPE (WmMapHistory, wm_map_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MAP,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "Undo …" and "Redo …" for each WmMapCommand, whole for translators. */
static const char * const labels[WM_MAP_COMMAND_COUNT][2] = {
  [WM_MAP_COMMAND_ADD_CARD] = { N_("Undo Add Card"), N_("Redo Add Card") },
  [WM_MAP_COMMAND_DELETE_CARD] = { N_("Undo Delete Card"), N_("Redo Delete Card") },
  [WM_MAP_COMMAND_DELETE_CARDS] = { N_("Undo Delete Cards"), N_("Redo Delete Cards") },
  [WM_MAP_COMMAND_MOVE_CARD] = { N_("Undo Move Card"), N_("Redo Move Card") },
  [WM_MAP_COMMAND_MOVE_CARDS] = { N_("Undo Move Cards"), N_("Redo Move Cards") },
  [WM_MAP_COMMAND_RESIZE_CARD] = { N_("Undo Resize Card"), N_("Redo Resize Card") },
  [WM_MAP_COMMAND_EDIT_CARD_TEXT] = { N_("Undo Edit Card"), N_("Redo Edit Card") },
  [WM_MAP_COMMAND_CHANGE_CARD_COLOR] = { N_("Undo Change Colour"), N_("Redo Change Colour") },
  [WM_MAP_COMMAND_CHANGE_EVIDENCE] = { N_("Undo Change Evidence"), N_("Redo Change Evidence") },
  [WM_MAP_COMMAND_BIND_TOUCHPOINT] = { N_("Undo Bind Touchpoint"), N_("Redo Bind Touchpoint") },
  [WM_MAP_COMMAND_UNBIND_TOUCHPOINT] = { N_("Undo Unbind Touchpoint"), N_("Redo Unbind Touchpoint") },
  [WM_MAP_COMMAND_CONNECT] = { N_("Undo Connect Cards"), N_("Redo Connect Cards") },
  [WM_MAP_COMMAND_DISCONNECT] = { N_("Undo Remove Connector"), N_("Redo Remove Connector") },
  [WM_MAP_COMMAND_EDIT_CONNECTOR_LABEL] = { N_("Undo Edit Connector Label"), N_("Redo Edit Connector Label") },
  [WM_MAP_COMMAND_ADD_STAGE] = { N_("Undo Add Stage"), N_("Redo Add Stage") },
  [WM_MAP_COMMAND_RENAME_STAGE] = { N_("Undo Rename Stage"), N_("Redo Rename Stage") },
  [WM_MAP_COMMAND_DELETE_STAGE] = { N_("Undo Delete Stage"), N_("Redo Delete Stage") },
  [WM_MAP_COMMAND_MOVE_STAGE] = { N_("Undo Move Stage"), N_("Redo Move Stage") },
  [WM_MAP_COMMAND_ADD_LANE] = { N_("Undo Add Lane"), N_("Redo Add Lane") },
  [WM_MAP_COMMAND_RENAME_LANE] = { N_("Undo Rename Lane"), N_("Redo Rename Lane") },
  [WM_MAP_COMMAND_DELETE_LANE] = { N_("Undo Delete Lane"), N_("Redo Delete Lane") },
  [WM_MAP_COMMAND_MOVE_LANE] = { N_("Undo Move Lane"), N_("Redo Move Lane") },
  [WM_MAP_COMMAND_ADD_PERSONA] = { N_("Undo Add Persona"), N_("Redo Add Persona") },
  [WM_MAP_COMMAND_EDIT_PERSONA] = { N_("Undo Edit Persona"), N_("Redo Edit Persona") },
  [WM_MAP_COMMAND_DELETE_PERSONA] = { N_("Undo Delete Persona"), N_("Redo Delete Persona") },
  [WM_MAP_COMMAND_CHANGE_EMOTION] = { N_("Undo Change Emotion"), N_("Redo Change Emotion") },
  [WM_MAP_COMMAND_RENAME_MAP] = { N_("Undo Rename Map"), N_("Redo Rename Map") },
  [WM_MAP_COMMAND_PASTE] = { N_("Undo Paste"), N_("Redo Paste") },
};

/* Operations */

static void
position_clear (gpointer data)
{
  Position *position = data;

  g_free (position->card);
  g_free (position->stage);
  g_free (position->lane);
}

static GArray *
positions_new (void)
{
  GArray *positions = g_array_new (FALSE, TRUE, sizeof (Position));

  g_array_set_clear_func (positions, position_clear);
  return positions;
}

static void
position_add (GArray     *positions,
              const char *card,
              const char *stage,
              const char *lane,
              guint       order)
{
  Position position = { g_strdup (card), g_strdup (stage), g_strdup (lane), order };

  g_array_append_val (positions, position);
}

static GDestroyNotify
object_free_func (ObjKind obj)
{
  switch (obj)
    {
    case OBJ_STAGE:
      return (GDestroyNotify) wm_map_stage_free;
    case OBJ_LANE:
      return (GDestroyNotify) wm_map_lane_free;
    case OBJ_CARD:
      return (GDestroyNotify) wm_map_card_free;
    case OBJ_CONNECTOR:
      return (GDestroyNotify) wm_map_connector_free;
    case OBJ_PERSONA:
    default:
      return (GDestroyNotify) wm_map_persona_free;
    }
}

static void
op_free (gpointer data)
{
  Op *op = data;

  if (op->before != NULL)
    object_free_func (op->obj) (op->before);
  if (op->after != NULL)
    object_free_func (op->obj) (op->after);
  g_clear_pointer (&op->old_positions, g_array_unref);
  g_clear_pointer (&op->new_positions, g_array_unref);
  g_free (op->id);
  g_free (op->stage);
  g_free (op->old_text);
  g_free (op->new_text);
  g_free (op);
}

static Op *
op_new (OpKind      kind,
        ObjKind     obj,
        const char *id)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->obj = obj;
  op->id = g_strdup (id);
  return op;
}

static gboolean
insert_object (WmJourneyMap *map,
               ObjKind       obj,
               gconstpointer object,
               guint         index)
{
  switch (obj)
    {
    case OBJ_STAGE:
      {
        const WmMapStage *stage = object;
        return wm_journey_map_add_stage (map, stage->id, stage->name, index) != NULL;
      }
    case OBJ_LANE:
      {
        const WmMapLane *lane = object;
        return wm_journey_map_add_lane (map, lane->id, lane->name, lane->kind, lane->channel, index) != NULL;
      }
    case OBJ_CARD:
      return wm_journey_map_add_card (map, object, index) != NULL;
    case OBJ_CONNECTOR:
      {
        const WmMapConnector *connector = object;
        return wm_journey_map_add_connector (map, connector->id, connector->from, connector->to,
                                             connector->label, index) != NULL;
      }
    case OBJ_PERSONA:
    default:
      return wm_journey_map_add_persona (map, object, index) != NULL;
    }
}

static gboolean
remove_object (WmJourneyMap *map,
               ObjKind       obj,
               const char   *id)
{
  switch (obj)
    {
    case OBJ_STAGE:
      return wm_journey_map_remove_stage (map, id);
    case OBJ_LANE:
      return wm_journey_map_remove_lane (map, id);
    case OBJ_CARD:
      return wm_journey_map_remove_card (map, id);
    case OBJ_CONNECTOR:
      return wm_journey_map_remove_connector (map, id);
    case OBJ_PERSONA:
    default:
      return wm_journey_map_remove_persona (map, id);
    }
}

static gboolean
update_object (WmJourneyMap *map,
               ObjKind       obj,
               const char   *id,
               gconstpointer content)
{
  switch (obj)
    {
    case OBJ_STAGE:
      return wm_journey_map_rename_stage (map, id, ((const WmMapStage *) content)->name);
    case OBJ_LANE:
      return wm_journey_map_rename_lane (map, id, ((const WmMapLane *) content)->name);
    case OBJ_CARD:
      return wm_journey_map_update_card (map, id, content);
    case OBJ_CONNECTOR:
      return wm_journey_map_set_connector_label (map, id, ((const WmMapConnector *) content)->label);
    case OBJ_PERSONA:
    default:
      {
        const WmMapPersona *persona = content;
        return wm_journey_map_set_persona (map, id, persona->name, persona->description);
      }
    }
}

static gboolean
reorder_object (WmJourneyMap *map,
                ObjKind       obj,
                const char   *id,
                guint         index)
{
  if (obj == OBJ_STAGE)
    return wm_journey_map_move_stage (map, id, index);
  return wm_journey_map_move_lane (map, id, index);
}

static gboolean
move_to (WmJourneyMap *map,
         GArray       *positions)
{
  g_autofree WmMapCardPosition *moves = g_new0 (WmMapCardPosition, MAX (positions->len, 1));

  for (guint i = 0; i < positions->len; i++)
    {
      const Position *p = &g_array_index (positions, Position, i);

      moves[i] = (WmMapCardPosition) { p->card, p->stage, p->lane, p->order };
    }
  return wm_journey_map_move_cards (map, moves, positions->len);
}

/* Runs @op forwards (@redo) or backwards. */
static gboolean
op_apply (Op           *op,
          WmJourneyMap *map,
          gboolean      redo)
{
  switch (op->kind)
    {
    case OP_INSERT:
    case OP_REMOVE:
      if ((op->kind == OP_INSERT) == redo)
        return insert_object (map, op->obj, op->before, op->index);
      return remove_object (map, op->obj, op->id);
    case OP_UPDATE:
      return update_object (map, op->obj, op->id, redo ? op->after : op->before);
    case OP_REORDER:
      return reorder_object (map, op->obj, op->id, redo ? op->new_index : op->old_index);
    case OP_MOVE_CARDS:
      return move_to (map, redo ? op->new_positions : op->old_positions);
    case OP_EMOTION:
      return wm_journey_map_set_emotion (map, op->id, op->stage,
                                         redo ? op->new_has : op->old_has,
                                         redo ? op->new_half : op->old_half);
    case OP_TITLE:
    default:
      wm_journey_map_set_title (map, redo ? op->new_text : op->old_text);
      return TRUE;
    }
}

/* Steps */

static void
step_free (gpointer data)
{
  Step *step = data;

  g_ptr_array_unref (step->ops);
  g_free (step->merge_key);
  g_free (step);
}

static Step *
step_new (WmMapCommand command)
{
  Step *step = g_new0 (Step, 1);

  step->command = command;
  step->ops = g_ptr_array_new_with_free_func (op_free);
  return step;
}

static guint64
current_serial (WmMapHistory *self)
{
  Step *top = g_queue_peek_head (&self->undo);

  return top != NULL ? top->serial : self->base_serial;
}

/* Notifies the properties whose value changed. */
static void
update_state (WmMapHistory *self)
{
  gboolean can_undo = !g_queue_is_empty (&self->undo);
  gboolean can_redo = !g_queue_is_empty (&self->redo);
  gboolean dirty = current_serial (self) != self->saved_serial;

  if (can_undo != self->could_undo)
    {
      self->could_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->could_redo)
    {
      self->could_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (dirty != self->was_dirty)
    {
      self->was_dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
}

static void
clear_queue (GQueue *queue)
{
  g_queue_clear_full (queue, step_free);
}

/* Pushes a finished step: merges it into the previous one when both carry
 * the same key and nothing sealed the previous one. */
static void
push_step (WmMapHistory *self,
           Step         *step)
{
  Step *top = g_queue_peek_head (&self->undo);
  /* Read before @step may be merged and freed below. */
  gboolean mergeable = step->merge_key != NULL;

  if (step->ops->len == 0)
    {
      step_free (step);
      return;
    }

  clear_queue (&self->redo);

  if (self->can_merge && top != NULL && step->merge_key != NULL &&
      g_strcmp0 (top->merge_key, step->merge_key) == 0)
    {
      /* Both steps are one operation of the same kind on the same things:
       * keep the first one's "before" and take the new "after". */
      Op *old = g_ptr_array_index (top->ops, 0);
      Op *new = g_ptr_array_index (step->ops, 0);

      if (old->kind == OP_MOVE_CARDS)
        {
          g_array_unref (old->new_positions);
          old->new_positions = g_steal_pointer (&new->new_positions);
        }
      else
        {
          old->new_has = new->new_has;
          old->new_half = new->new_half;
        }
      top->serial = ++self->next_serial;
      step_free (step);
    }
  else
    {
      step->serial = ++self->next_serial;
      g_queue_push_head (&self->undo, step);
      while (g_queue_get_length (&self->undo) > WM_MAP_HISTORY_MAX_STEPS)
        {
          Step *oldest = g_queue_pop_tail (&self->undo);

          self->base_serial = oldest->serial;
          step_free (oldest);
        }
    }

  self->can_merge = mergeable;
  update_state (self);
}

/* Command recording: begin, record operations (each applied at once), end. */

static gboolean
begin (WmMapHistory *self,
       WmMapCommand  command)
{
  if (self->applying)
    {
      g_warning ("A journey map command was issued while the history applies a step; ignored");
      return FALSE;
    }
  wm_map_history_begin_group (self, command);
  return TRUE;
}

static gboolean
record (WmMapHistory *self,
        Op           *op)
{
  gboolean ok;

  self->applying = TRUE;
  ok = op_apply (op, self->map, TRUE);
  self->applying = FALSE;

  if (!ok)
    {
      op_free (op);
      return FALSE;
    }
  g_ptr_array_add (self->group->ops, op);
  return TRUE;
}

/* Ends the command; with @merge_key (owned), a single-operation step may
 * merge with the previous one. */
static void
end (WmMapHistory *self,
     char         *merge_key)
{
  if (self->group_depth == 1 && self->group->ops->len == 1)
    self->group->merge_key = merge_key;
  else
    g_free (merge_key);
  wm_map_history_end_group (self);
}

static void
on_map_changed (WmJourneyMap *map,
                guint         change,
                const char   *id,
                WmMapHistory *self)
{
  if (self->applying)
    return;

  /* Someone else changed the document: our steps no longer apply to it,
   * and it is no longer the saved one. */
  clear_queue (&self->undo);
  clear_queue (&self->redo);
  self->can_merge = FALSE;
  self->base_serial = ++self->next_serial;
  update_state (self);
}

/* The object */

static void
wm_map_history_dispose (GObject *object)
{
  WmMapHistory *self = WM_MAP_HISTORY (object);

  g_clear_signal_handler (&self->changed_id, self->map);
  g_clear_object (&self->map);

  G_OBJECT_CLASS (wm_map_history_parent_class)->dispose (object);
}

static void
wm_map_history_finalize (GObject *object)
{
  WmMapHistory *self = WM_MAP_HISTORY (object);

  clear_queue (&self->undo);
  clear_queue (&self->redo);
  g_clear_pointer (&self->group, step_free);

  G_OBJECT_CLASS (wm_map_history_parent_class)->finalize (object);
}

static void
wm_map_history_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WmMapHistory *self = WM_MAP_HISTORY (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_value_set_object (value, self->map);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, wm_map_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, wm_map_history_get_can_redo (self));
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, wm_map_history_get_dirty (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_map_history_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WmMapHistory *self = WM_MAP_HISTORY (object);

  switch (prop_id)
    {
    case PROP_MAP:
      self->map = g_value_dup_object (value);
      self->changed_id = g_signal_connect (self->map, "changed", G_CALLBACK (on_map_changed), self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_map_history_class_init (WmMapHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wm_map_history_dispose;
  object_class->finalize = wm_map_history_finalize;
  object_class->get_property = wm_map_history_get_property;
  object_class->set_property = wm_map_history_set_property;

  properties[PROP_MAP] =
    g_param_spec_object ("map", NULL, NULL, WM_TYPE_JOURNEY_MAP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_map_history_init (WmMapHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

WmMapHistory *
wm_map_history_new (WmJourneyMap *map)
{
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (map), NULL);
  return g_object_new (WM_TYPE_MAP_HISTORY, "map", map, NULL);
}

WmJourneyMap *
wm_map_history_get_map (WmMapHistory *self)
{
  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), NULL);
  return self->map;
}

gboolean
wm_map_history_get_can_undo (WmMapHistory *self)
{
  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);
  return !g_queue_is_empty (&self->undo);
}

gboolean
wm_map_history_get_can_redo (WmMapHistory *self)
{
  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);
  return !g_queue_is_empty (&self->redo);
}

const char *
wm_map_history_get_undo_label (WmMapHistory *self)
{
  Step *step;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), NULL);
  step = g_queue_peek_head (&self->undo);
  return step != NULL ? _(labels[step->command][0]) : NULL;
}

const char *
wm_map_history_get_redo_label (WmMapHistory *self)
{
  Step *step;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), NULL);
  step = g_queue_peek_head (&self->redo);
  return step != NULL ? _(labels[step->command][1]) : NULL;
}

/* Moves the newest step of @from onto @to, applying it in @redo's direction. */
static gboolean
replay (WmMapHistory *self,
        GQueue       *from,
        GQueue       *to,
        gboolean      redo)
{
  Step *step;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);

  if (self->applying || self->group != NULL || (step = g_queue_pop_head (from)) == NULL)
    return FALSE;

  self->applying = TRUE;
  if (redo)
    for (guint i = 0; i < step->ops->len; i++)
      op_apply (g_ptr_array_index (step->ops, i), self->map, TRUE);
  else
    for (guint i = step->ops->len; i > 0; i--)
      op_apply (g_ptr_array_index (step->ops, i - 1), self->map, FALSE);
  self->applying = FALSE;

  g_queue_push_head (to, step);
  self->can_merge = FALSE;
  update_state (self);
  return TRUE;
}

gboolean
wm_map_history_undo (WmMapHistory *self)
{
  return replay (self, &self->undo, &self->redo, FALSE);
}

gboolean
wm_map_history_redo (WmMapHistory *self)
{
  return replay (self, &self->redo, &self->undo, TRUE);
}

void
wm_map_history_seal (WmMapHistory *self)
{
  g_return_if_fail (WM_IS_MAP_HISTORY (self));
  self->can_merge = FALSE;
}

void
wm_map_history_clear (WmMapHistory *self)
{
  gboolean dirty;

  g_return_if_fail (WM_IS_MAP_HISTORY (self));

  /* The document stays, and so does whether it is the saved one. */
  dirty = wm_map_history_get_dirty (self);
  clear_queue (&self->undo);
  clear_queue (&self->redo);
  self->can_merge = FALSE;
  self->base_serial = dirty ? ++self->next_serial : self->saved_serial;
  update_state (self);
}

gboolean
wm_map_history_get_dirty (WmMapHistory *self)
{
  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);
  return current_serial (self) != self->saved_serial;
}

void
wm_map_history_mark_saved (WmMapHistory *self)
{
  g_return_if_fail (WM_IS_MAP_HISTORY (self));

  self->saved_serial = current_serial (self);
  self->can_merge = FALSE;
  update_state (self);
}

void
wm_map_history_begin_group (WmMapHistory *self,
                            WmMapCommand  command)
{
  g_return_if_fail (WM_IS_MAP_HISTORY (self));
  g_return_if_fail ((guint) command < WM_MAP_COMMAND_COUNT);

  if (self->group_depth++ == 0)
    self->group = step_new (command);
}

void
wm_map_history_end_group (WmMapHistory *self)
{
  g_return_if_fail (WM_IS_MAP_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth == 0)
    push_step (self, g_steal_pointer (&self->group));
}

/* Commands */

static Op *
insert_op (ObjKind   obj,
           gpointer  object,   /* owned */
           guint     index)
{
  Op *op = op_new (OP_INSERT, obj, ((WmMapStage *) object)->id);

  /* Every object struct starts with its id. */
  op->before = object;
  op->index = index;
  return op;
}

static Op *
remove_op (ObjKind   obj,
           gpointer  object,   /* owned */
           guint     index)
{
  Op *op = insert_op (obj, object, index);

  op->kind = OP_REMOVE;
  return op;
}

static Op *
update_op (ObjKind   obj,
           gpointer  before,   /* owned */
           gpointer  after)    /* owned */
{
  Op *op = op_new (OP_UPDATE, obj, ((WmMapStage *) before)->id);

  op->before = before;
  op->after = after;
  return op;
}

/* The id of the map's object @id of kind @obj (NULL if there is none). */
static const char *
map_object_id (WmJourneyMap *map,
               ObjKind       obj,
               const char   *id)
{
  switch (obj)
    {
    case OBJ_STAGE:
      return wm_journey_map_lookup_stage (map, id)->id;
    case OBJ_LANE:
      return wm_journey_map_lookup_lane (map, id)->id;
    case OBJ_CARD:
      return wm_journey_map_lookup_card (map, id)->id;
    case OBJ_CONNECTOR:
      return wm_journey_map_lookup_connector (map, id)->id;
    case OBJ_PERSONA:
    default:
      return wm_journey_map_lookup_persona (map, id)->id;
    }
}

/* Adds @object (owned; a NULL id gets a new one) at @index with one step
 * labelled @command; returns the id. */
static const char *
add_object (WmMapHistory *self,
            WmMapCommand  command,
            ObjKind       obj,
            gpointer      object,
            const char   *prefix,
            guint         index)
{
  WmMapStage *header = object;   /* every object struct starts with its id */
  g_autofree char *id = NULL;
  gboolean ok;

  if (!begin (self, command))
    {
      object_free_func (obj) (object);
      return NULL;
    }

  /* Fixed now, so that redo brings back the same id. */
  if (header->id == NULL)
    header->id = wm_journey_map_make_id (self->map, prefix);
  id = g_strdup (header->id);
  ok = record (self, insert_op (obj, object, index));
  end (self, NULL);
  return ok ? map_object_id (self->map, obj, id) : NULL;
}

const char *
wm_map_history_add_card (WmMapHistory    *self,
                         const WmMapCard *card)
{
  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), NULL);
  g_return_val_if_fail (card != NULL, NULL);
  g_return_val_if_fail ((guint) card->color < WM_CARD_COLOR_COUNT, NULL);
  g_return_val_if_fail ((guint) card->evidence < WM_EVIDENCE_COUNT, NULL);

  if (wm_journey_map_lookup_stage (self->map, card->stage) == NULL ||
      wm_journey_map_lookup_lane (self->map, card->lane) == NULL ||
      (card->id != NULL && wm_journey_map_has_id (self->map, card->id)))
    return NULL;

  return add_object (self, WM_MAP_COMMAND_ADD_CARD, OBJ_CARD, wm_map_card_copy (card), "card",
                     wm_journey_map_get_n_cards (self->map));
}

/* Removes card @id with its connectors, as operations of the open step. */
static void
record_card_removal (WmMapHistory *self,
                     const char   *id)
{
  const WmMapCard *card = wm_journey_map_lookup_card (self->map, id);

  for (guint i = wm_journey_map_get_n_connectors (self->map); i > 0; i--)
    {
      const WmMapConnector *connector = wm_journey_map_get_connector (self->map, i - 1);

      if (g_str_equal (connector->from, id) || g_str_equal (connector->to, id))
        record (self, remove_op (OBJ_CONNECTOR, wm_map_connector_copy (connector), i - 1));
    }
  record (self, remove_op (OBJ_CARD, wm_map_card_copy (card), wm_journey_map_card_index (self->map, id)));
}

gboolean
wm_map_history_delete_cards (WmMapHistory       *self,
                             const char * const *ids)
{
  guint n = 0;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (wm_journey_map_lookup_card (self->map, ids[i]) == NULL)
        return FALSE;
      n++;
    }
  if (n == 0 || !begin (self, n == 1 ? WM_MAP_COMMAND_DELETE_CARD : WM_MAP_COMMAND_DELETE_CARDS))
    return FALSE;

  for (guint i = 0; ids[i] != NULL; i++)
    if (wm_journey_map_lookup_card (self->map, ids[i]) != NULL)  /* listed twice */
      record_card_removal (self, ids[i]);
  end (self, NULL);
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

gboolean
wm_map_history_move_cards (WmMapHistory            *self,
                           const WmMapCardPosition *positions,
                           guint                    n_positions)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GString *key;
  Op *op;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);
  g_return_val_if_fail (positions != NULL || n_positions == 0, FALSE);

  if (n_positions == 0)
    return FALSE;
  {
    gboolean moves = FALSE;

    for (guint i = 0; i < n_positions; i++)
      {
        const WmMapCard *card = wm_journey_map_lookup_card (self->map, positions[i].card);

        if (card == NULL)
          return FALSE;
        moves |= g_strcmp0 (card->stage, positions[i].stage) != 0 ||
                 g_strcmp0 (card->lane, positions[i].lane) != 0 || card->order != positions[i].order;
      }
    /* A drag that has not left its place yet is no step. */
    if (!moves)
      return FALSE;
  }
  if (!begin (self, n_positions == 1 ? WM_MAP_COMMAND_MOVE_CARD : WM_MAP_COMMAND_MOVE_CARDS))
    return FALSE;

  op = op_new (OP_MOVE_CARDS, OBJ_CARD, NULL);
  op->old_positions = positions_new ();
  op->new_positions = positions_new ();
  for (guint i = 0; i < n_positions; i++)
    {
      const WmMapCard *card = wm_journey_map_lookup_card (self->map, positions[i].card);

      position_add (op->old_positions, card->id, card->stage, card->lane, card->order);
      position_add (op->new_positions, positions[i].card, positions[i].stage, positions[i].lane,
                    positions[i].order);
      g_ptr_array_add (names, (gpointer) positions[i].card);
    }

  /* One drag moves the same set of cards again and again. */
  g_ptr_array_sort (names, compare_strings);
  key = g_string_new ("move");
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (key, "\x1f%s", (const char *) g_ptr_array_index (names, i));

  if (!record (self, op))
    {
      g_string_free (key, TRUE);
      end (self, NULL);
      return FALSE;
    }
  end (self, g_string_free (key, FALSE));
  return TRUE;
}

/* Records an update of card @id whose new content @edit makes. */
static gboolean
update_card (WmMapHistory *self,
             WmMapCommand  command,
             const char   *id,
             WmMapCard    *after)   /* owned */
{
  const WmMapCard *card = wm_journey_map_lookup_card (self->map, id);
  gboolean ok;

  g_assert (card != NULL);
  if (!begin (self, command))
    {
      wm_map_card_free (after);
      return FALSE;
    }
  ok = record (self, update_op (OBJ_CARD, wm_map_card_copy (card), after));
  end (self, NULL);
  return ok;
}

static WmMapCard *
card_content (WmMapHistory *self,
              const char   *id)
{
  const WmMapCard *card = wm_journey_map_lookup_card (self->map, id);

  return card != NULL ? wm_map_card_copy (card) : NULL;
}

gboolean
wm_map_history_resize_card (WmMapHistory *self,
                            const char   *id,
                            guint         span)
{
  WmMapCard *after;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);

  if ((after = card_content (self, id)) == NULL)
    return FALSE;
  span = CLAMP (span, 1, WM_MAP_MAX_SPAN);
  if (after->span == span)
    {
      wm_map_card_free (after);
      return FALSE;
    }
  after->span = span;
  return update_card (self, WM_MAP_COMMAND_RESIZE_CARD, id, after);
}

gboolean
wm_map_history_set_card_text (WmMapHistory *self,
                              const char   *id,
                              const char   *title,
                              const char   *body)
{
  WmMapCard *after;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);

  if ((after = card_content (self, id)) == NULL)
    return FALSE;
  if (g_strcmp0 (after->title, title) == 0 && g_strcmp0 (after->body, body) == 0)
    {
      wm_map_card_free (after);
      return FALSE;
    }
  g_free (after->title);
  after->title = g_strdup (title != NULL ? title : "");
  g_free (after->body);
  after->body = g_strdup (body != NULL ? body : "");
  return update_card (self, WM_MAP_COMMAND_EDIT_CARD_TEXT, id, after);
}

gboolean
wm_map_history_set_card_color (WmMapHistory *self,
                               const char   *id,
                               WmCardColor   color)
{
  WmMapCard *after;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);
  g_return_val_if_fail ((guint) color < WM_CARD_COLOR_COUNT, FALSE);

  if ((after = card_content (self, id)) == NULL)
    return FALSE;
  if (after->color == color)
    {
      wm_map_card_free (after);
      return FALSE;
    }
  after->color = color;
  return update_card (self, WM_MAP_COMMAND_CHANGE_CARD_COLOR, id, after);
}

gboolean
wm_map_history_set_card_evidence (WmMapHistory *self,
                                  const char   *id,
                                  WmEvidence    evidence)
{
  WmMapCard *after;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);
  g_return_val_if_fail ((guint) evidence < WM_EVIDENCE_COUNT, FALSE);

  if ((after = card_content (self, id)) == NULL)
    return FALSE;
  if (after->evidence == evidence)
    {
      wm_map_card_free (after);
      return FALSE;
    }
  after->evidence = evidence;
  return update_card (self, WM_MAP_COMMAND_CHANGE_EVIDENCE, id, after);
}

gboolean
wm_map_history_bind_touchpoint (WmMapHistory *self,
                                const char   *id,
                                const char   *touchpoint)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  WmMapCard *after;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);

  if (touchpoint == NULL || *touchpoint == '\0' || (after = card_content (self, id)) == NULL)
    return FALSE;
  if (g_strv_contains ((const char * const *) after->bindings, touchpoint) ||
      g_strv_length (after->bindings) >= WM_MAP_MAX_BINDINGS)
    {
      wm_map_card_free (after);
      return FALSE;
    }
  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) after->bindings);
  g_strv_builder_add (builder, touchpoint);
  g_strfreev (after->bindings);
  after->bindings = g_strv_builder_end (builder);
  return update_card (self, WM_MAP_COMMAND_BIND_TOUCHPOINT, id, after);
}

gboolean
wm_map_history_unbind_touchpoint (WmMapHistory *self,
                                  const char   *id,
                                  const char   *touchpoint)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  WmMapCard *after;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);

  if (touchpoint == NULL || (after = card_content (self, id)) == NULL)
    return FALSE;
  if (!g_strv_contains ((const char * const *) after->bindings, touchpoint))
    {
      wm_map_card_free (after);
      return FALSE;
    }
  builder = g_strv_builder_new ();
  for (guint i = 0; after->bindings[i] != NULL; i++)
    if (!g_str_equal (after->bindings[i], touchpoint))
      g_strv_builder_add (builder, after->bindings[i]);
  g_strfreev (after->bindings);
  after->bindings = g_strv_builder_end (builder);
  return update_card (self, WM_MAP_COMMAND_UNBIND_TOUCHPOINT, id, after);
}

const char *
wm_map_history_connect (WmMapHistory *self,
                        const char   *from,
                        const char   *to,
                        const char   *label)
{
  WmMapConnector *connector;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), NULL);

  if (wm_journey_map_lookup_card (self->map, from) == NULL ||
      wm_journey_map_lookup_card (self->map, to) == NULL ||
      g_str_equal (from, to))
    return NULL;

  connector = g_new0 (WmMapConnector, 1);
  connector->from = g_strdup (from);
  connector->to = g_strdup (to);
  connector->label = g_strdup (label != NULL ? label : "");
  return add_object (self, WM_MAP_COMMAND_CONNECT, OBJ_CONNECTOR, connector, "connector",
                     wm_journey_map_get_n_connectors (self->map));
}

gboolean
wm_map_history_disconnect (WmMapHistory *self,
                           const char   *id)
{
  const WmMapConnector *connector;
  gboolean ok;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);

  if ((connector = wm_journey_map_lookup_connector (self->map, id)) == NULL ||
      !begin (self, WM_MAP_COMMAND_DISCONNECT))
    return FALSE;
  ok = record (self, remove_op (OBJ_CONNECTOR, wm_map_connector_copy (connector),
                                wm_journey_map_connector_index (self->map, id)));
  end (self, NULL);
  return ok;
}

/* Records an update whose "after" is @after (owned); FALSE (and nothing
 * recorded) when @before and @after are the same. */
static gboolean
update_object_step (WmMapHistory *self,
                    WmMapCommand  command,
                    ObjKind       obj,
                    gpointer      before,
                    gpointer      after,
                    gboolean      same)
{
  gboolean ok;

  if (same || !begin (self, command))
    {
      object_free_func (obj) (before);
      object_free_func (obj) (after);
      return FALSE;
    }
  ok = record (self, update_op (obj, before, after));
  end (self, NULL);
  return ok;
}

gboolean
wm_map_history_set_connector_label (WmMapHistory *self,
                                    const char   *id,
                                    const char   *label)
{
  const WmMapConnector *connector;
  WmMapConnector *after;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);

  if ((connector = wm_journey_map_lookup_connector (self->map, id)) == NULL)
    return FALSE;
  after = wm_map_connector_copy (connector);
  g_free (after->label);
  after->label = g_strdup (label != NULL ? label : "");
  return update_object_step (self, WM_MAP_COMMAND_EDIT_CONNECTOR_LABEL, OBJ_CONNECTOR,
                             wm_map_connector_copy (connector), after,
                             g_str_equal (connector->label, after->label));
}

const char *
wm_map_history_add_stage (WmMapHistory *self,
                          const char   *name,
                          int           position)
{
  WmMapStage *stage;
  guint n;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), NULL);

  n = wm_journey_map_get_n_stages (self->map);
  stage = g_new0 (WmMapStage, 1);
  stage->name = g_strdup (name != NULL ? name : "");
  return add_object (self, WM_MAP_COMMAND_ADD_STAGE, OBJ_STAGE, stage, "stage",
                     position < 0 || (guint) position > n ? n : (guint) position);
}

gboolean
wm_map_history_rename_stage (WmMapHistory *self,
                             const char   *id,
                             const char   *name)
{
  const WmMapStage *stage;
  WmMapStage *after;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);

  if ((stage = wm_journey_map_lookup_stage (self->map, id)) == NULL)
    return FALSE;
  after = wm_map_stage_copy (stage);
  g_free (after->name);
  after->name = g_strdup (name != NULL ? name : "");
  return update_object_step (self, WM_MAP_COMMAND_RENAME_STAGE, OBJ_STAGE,
                             wm_map_stage_copy (stage), after, g_str_equal (stage->name, after->name));
}

/* Removes the cards of a stage or lane, last first, as operations. */
static void
record_cell_cards_removal (WmMapHistory *self,
                           const char   *stage,
                           const char   *lane)
{
  g_auto(GStrv) ids = wm_journey_map_list_cards_in (self->map, stage, lane);

  for (guint i = g_strv_length (ids); i > 0; i--)
    record_card_removal (self, ids[i - 1]);
}

gboolean
wm_map_history_delete_stage (WmMapHistory *self,
                             const char   *id)
{
  const WmMapStage *stage;
  gboolean ok;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);

  if ((stage = wm_journey_map_lookup_stage (self->map, id)) == NULL ||
      !begin (self, WM_MAP_COMMAND_DELETE_STAGE))
    return FALSE;

  record_cell_cards_removal (self, id, NULL);
  for (guint i = 0; i < wm_journey_map_get_n_personas (self->map); i++)
    {
      const WmMapPersona *persona = wm_journey_map_get_persona (self->map, i);
      int half;

      if (wm_map_persona_get_emotion (persona, id, &half))
        {
          Op *op = op_new (OP_EMOTION, OBJ_PERSONA, persona->id);

          op->stage = g_strdup (id);
          op->old_has = TRUE;
          op->old_half = half;
          record (self, op);
        }
    }
  ok = record (self, remove_op (OBJ_STAGE, wm_map_stage_copy (stage),
                                wm_journey_map_stage_index (self->map, id)));
  end (self, NULL);
  return ok;
}

static gboolean
reorder (WmMapHistory *self,
         WmMapCommand  command,
         ObjKind       obj,
         const char   *id,
         int           index,
         guint         count,
         guint         position)
{
  Op *op;
  gboolean ok;

  if (index < 0 || count == 0)
    return FALSE;
  position = MIN (position, count - 1);
  if ((guint) index == position || !begin (self, command))
    return FALSE;

  op = op_new (OP_REORDER, obj, id);
  op->old_index = index;
  op->new_index = position;
  ok = record (self, op);
  end (self, NULL);
  return ok;
}

gboolean
wm_map_history_move_stage (WmMapHistory *self,
                           const char   *id,
                           guint         position)
{
  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);
  return reorder (self, WM_MAP_COMMAND_MOVE_STAGE, OBJ_STAGE, id,
                  wm_journey_map_stage_index (self->map, id),
                  wm_journey_map_get_n_stages (self->map), position);
}

const char *
wm_map_history_add_lane (WmMapHistory *self,
                         const char   *name,
                         WmLaneKind    kind,
                         const char   *channel,
                         int           position)
{
  WmMapLane *lane;
  guint n;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), NULL);
  g_return_val_if_fail ((guint) kind < WM_LANE_KIND_COUNT, NULL);

  n = wm_journey_map_get_n_lanes (self->map);
  lane = g_new0 (WmMapLane, 1);
  lane->name = g_strdup (name != NULL ? name : "");
  lane->kind = kind;
  lane->channel = kind == WM_LANE_CHANNELS ? g_strdup (channel != NULL ? channel : "") : NULL;
  return add_object (self, WM_MAP_COMMAND_ADD_LANE, OBJ_LANE, lane, "lane",
                     position < 0 || (guint) position > n ? n : (guint) position);
}

gboolean
wm_map_history_rename_lane (WmMapHistory *self,
                            const char   *id,
                            const char   *name)
{
  const WmMapLane *lane;
  WmMapLane *after;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);

  if ((lane = wm_journey_map_lookup_lane (self->map, id)) == NULL)
    return FALSE;
  after = wm_map_lane_copy (lane);
  g_free (after->name);
  after->name = g_strdup (name != NULL ? name : "");
  return update_object_step (self, WM_MAP_COMMAND_RENAME_LANE, OBJ_LANE,
                             wm_map_lane_copy (lane), after, g_str_equal (lane->name, after->name));
}

gboolean
wm_map_history_delete_lane (WmMapHistory *self,
                            const char   *id)
{
  const WmMapLane *lane;
  gboolean ok;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);

  if ((lane = wm_journey_map_lookup_lane (self->map, id)) == NULL ||
      !begin (self, WM_MAP_COMMAND_DELETE_LANE))
    return FALSE;

  record_cell_cards_removal (self, NULL, id);
  ok = record (self, remove_op (OBJ_LANE, wm_map_lane_copy (lane),
                                wm_journey_map_lane_index (self->map, id)));
  end (self, NULL);
  return ok;
}

gboolean
wm_map_history_move_lane (WmMapHistory *self,
                          const char   *id,
                          guint         position)
{
  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);
  return reorder (self, WM_MAP_COMMAND_MOVE_LANE, OBJ_LANE, id,
                  wm_journey_map_lane_index (self->map, id),
                  wm_journey_map_get_n_lanes (self->map), position);
}

const char *
wm_map_history_add_persona (WmMapHistory *self,
                            const char   *name,
                            const char   *description)
{
  WmMapPersona *persona;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), NULL);

  persona = g_new0 (WmMapPersona, 1);
  persona->name = g_strdup (name != NULL ? name : "");
  persona->description = g_strdup (description != NULL ? description : "");
  return add_object (self, WM_MAP_COMMAND_ADD_PERSONA, OBJ_PERSONA, persona, "persona",
                     wm_journey_map_get_n_personas (self->map));
}

gboolean
wm_map_history_edit_persona (WmMapHistory *self,
                             const char   *id,
                             const char   *name,
                             const char   *description)
{
  const WmMapPersona *persona;
  WmMapPersona *after;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);

  if ((persona = wm_journey_map_lookup_persona (self->map, id)) == NULL)
    return FALSE;
  after = wm_map_persona_copy (persona);
  g_free (after->name);
  after->name = g_strdup (name != NULL ? name : "");
  g_free (after->description);
  after->description = g_strdup (description != NULL ? description : "");
  return update_object_step (self, WM_MAP_COMMAND_EDIT_PERSONA, OBJ_PERSONA,
                             wm_map_persona_copy (persona), after,
                             g_str_equal (persona->name, after->name) &&
                             g_str_equal (persona->description, after->description));
}

gboolean
wm_map_history_delete_persona (WmMapHistory *self,
                               const char   *id)
{
  const WmMapPersona *persona;
  gboolean ok;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);

  if ((persona = wm_journey_map_lookup_persona (self->map, id)) == NULL ||
      !begin (self, WM_MAP_COMMAND_DELETE_PERSONA))
    return FALSE;
  /* The copy carries the emotion curve back on undo. */
  ok = record (self, remove_op (OBJ_PERSONA, wm_map_persona_copy (persona),
                                wm_journey_map_persona_index (self->map, id)));
  end (self, NULL);
  return ok;
}

gboolean
wm_map_history_set_emotion (WmMapHistory *self,
                            const char   *persona,
                            const char   *stage,
                            gboolean      has_value,
                            int           half_steps)
{
  const WmMapPersona *found;
  Op *op;
  int old_half = 0;
  gboolean old_has;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);

  if ((found = wm_journey_map_lookup_persona (self->map, persona)) == NULL ||
      wm_journey_map_lookup_stage (self->map, stage) == NULL)
    return FALSE;

  half_steps = has_value ? CLAMP (half_steps, WM_EMOTION_MIN_HALF_STEPS, WM_EMOTION_MAX_HALF_STEPS) : 0;
  old_has = wm_map_persona_get_emotion (found, stage, &old_half);
  if (old_has == has_value && (!has_value || old_half == half_steps))
    return FALSE;
  if (!begin (self, WM_MAP_COMMAND_CHANGE_EMOTION))
    return FALSE;

  op = op_new (OP_EMOTION, OBJ_PERSONA, persona);
  op->stage = g_strdup (stage);
  op->old_has = old_has;
  op->old_half = old_half;
  op->new_has = has_value;
  op->new_half = half_steps;
  if (!record (self, op))
    {
      end (self, NULL);
      return FALSE;
    }
  /* Dragging one emotion point is one step. */
  end (self, g_strdup_printf ("emotion\x1f%s\x1f%s", persona, stage));
  return TRUE;
}

gboolean
wm_map_history_set_title (WmMapHistory *self,
                          const char   *title)
{
  Op *op;
  gboolean ok;

  g_return_val_if_fail (WM_IS_MAP_HISTORY (self), FALSE);

  if (g_strcmp0 (wm_journey_map_get_title (self->map), title != NULL ? title : "") == 0 ||
      !begin (self, WM_MAP_COMMAND_RENAME_MAP))
    return FALSE;
  op = op_new (OP_TITLE, OBJ_STAGE, NULL);
  op->old_text = g_strdup (wm_journey_map_get_title (self->map));
  op->new_text = g_strdup (title != NULL ? title : "");
  ok = record (self, op);
  end (self, NULL);
  return ok;
}
