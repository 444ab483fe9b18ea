/* wm-session.c: the open project and the journeys analysed from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-error.h"
#include "wm-session-private.h"

struct _WmSession
{
  GObject       parent_instance;

  WmProject    *project;
  WmJourneys   *journeys;
  GCancellable *loading;
};

G_DEFINE_FINAL_TYPE (WmSession, wm_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_JOURNEYS,
  PROP_LOADING,
  N_PROPS
};

enum {
  EVENTS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_journeys (WmSession  *self,
              WmJourneys *journeys)
{
  if (self->journeys == journeys)
    return;

  g_clear_pointer (&self->journeys, wm_journeys_unref);
  self->journeys = journeys ? wm_journeys_ref (journeys) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNEYS]);
}

static void
cancel_loading (WmSession *self)
{
  if (self->loading == NULL)
    return;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
load_journeys_worker (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  WmProject *project = task_data;
  g_autoptr(GError) error = NULL;
  WmJourneys *journeys = _wm_session_load_journeys (project, cancellable, &error);

  if (journeys == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, journeys, (GDestroyNotify) wm_journeys_unref);
}

static void
load_journeys_done (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  WmSession *self = WM_SESSION (object);
  g_autoptr(WmJourneys) journeys = NULL;
  g_autoptr(GError) error = NULL;

  journeys = g_task_propagate_pointer (G_TASK (result), &error);
  /* A cancelled load was superseded: the newer one reports. */
  if (g_error_matches (error, WM_ERROR, WM_ERROR_CANCELLED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    g_warning ("Could not analyse “%s”: %s", wm_project_get_path (self->project), error->message);

  g_clear_object (&self->loading);
  set_journeys (self, journeys);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
start_loading (WmSession *self)
{
  cancel_loading (self);
  set_journeys (self, NULL);

  if (self->project != NULL)
    {
      g_autoptr(GTask) task = NULL;

      self->loading = g_cancellable_new ();
      task = g_task_new (self, self->loading, load_journeys_done, NULL);
      g_task_set_source_tag (task, start_loading);
      g_task_set_check_cancellable (task, FALSE);
      g_task_set_task_data (task, g_object_ref (self->project), g_object_unref);
      g_task_run_in_thread (task, load_journeys_worker);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
}

static void
wm_session_dispose (GObject *object)
{
  WmSession *self = WM_SESSION (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->journeys, wm_journeys_unref);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (wm_session_parent_class)->dispose (object);
}

static void
wm_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WmSession *self = WM_SESSION (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_JOURNEYS:
      g_value_set_boxed (value, self->journeys);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WmSession *self = WM_SESSION (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      wm_session_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_session_class_init (WmSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wm_session_dispose;
  object_class->get_property = wm_session_get_property;
  object_class->set_property = wm_session_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         WM_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_JOURNEYS] =
    g_param_spec_boxed ("journeys", NULL, NULL,
                        WM_TYPE_JOURNEYS,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EVENTS_CHANGED] =
    g_signal_new ("events-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
wm_session_init (WmSession *self)
{
}

WmSession *
wm_session_new (void)
{
  return g_object_new (WM_TYPE_SESSION, NULL);
}

WmProject *
wm_session_get_project (WmSession *self)
{
  g_return_val_if_fail (WM_IS_SESSION (self), NULL);

  return self->project;
}

void
wm_session_set_project (WmSession *self,
                        WmProject *project)
{
  g_return_if_fail (WM_IS_SESSION (self));
  g_return_if_fail (project == NULL || WM_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  start_loading (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

WmJourneys *
wm_session_get_journeys (WmSession *self)
{
  g_return_val_if_fail (WM_IS_SESSION (self), NULL);

  return self->journeys;
}

gboolean
wm_session_get_loading (WmSession *self)
{
  g_return_val_if_fail (WM_IS_SESSION (self), FALSE);

  return self->loading != NULL;
}

void
wm_session_events_changed (WmSession *self)
{
  g_return_if_fail (WM_IS_SESSION (self));

  g_signal_emit (self, signals[EVENTS_CHANGED], 0);
  start_loading (self);
}
