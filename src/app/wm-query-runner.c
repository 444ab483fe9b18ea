/* wm-query-runner.c: runs a page's analysis queries in a worker, newest wins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-error.h"
#include "wm-query-runner.h"

typedef struct
{
  WmJourneys     *journeys;
  WmQueryFunc     func;
  gpointer        query;
  GDestroyNotify  query_free;
  GDestroyNotify  result_free;
  WmQueryDone     done;
  gpointer        user_data;
  GCancellable   *cancellable;
} Run;

struct _WmQueryRunner
{
  GObject  parent_instance;

  Run     *current;   /* in the worker */
  Run     *pending;   /* waits for the current one to stop */
};

G_DEFINE_FINAL_TYPE (WmQueryRunner, wm_query_runner, G_TYPE_OBJECT)

enum { PROP_0, PROP_RUNNING, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
run_free (Run *run)
{
  if (run->query_free != NULL)
    run->query_free (run->query);
  wm_journeys_unref (run->journeys);
  g_object_unref (run->cancellable);
  g_free (run);
}

static void start (WmQueryRunner *self);

static void
worker (GTask        *task,
        gpointer      source_object,
        gpointer      task_data,
        GCancellable *cancellable)
{
  Run *run = task_data;
  GError *error = NULL;
  gpointer result = run->func (run->query, run->journeys, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error != NULL ? error :
                         g_error_new_literal (WM_ERROR, WM_ERROR_FAILED, "no result"));
  else
    g_task_return_pointer (task, result, run->result_free);
}

static void
finished (GObject      *source,
          GAsyncResult *res,
          gpointer      user_data)
{
  WmQueryRunner *self = WM_QUERY_RUNNER (source);
  Run *run = user_data;
  g_autoptr(GError) error = NULL;
  gpointer result = g_task_propagate_pointer (G_TASK (res), &error);
  gboolean cancelled = g_cancellable_is_cancelled (run->cancellable);

  g_assert (self->current == run);
  self->current = NULL;

  if (self->pending != NULL)
    start (self);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  if (!cancelled && run->done != NULL)
    run->done (result, result != NULL ? NULL : error, run->user_data);

  if (result != NULL && run->result_free != NULL)
    run->result_free (result);
  run_free (run);
}

static void
start (WmQueryRunner *self)
{
  g_autoptr(GTask) task = NULL;
  Run *run = g_steal_pointer (&self->pending);

  self->current = run;
  task = g_task_new (self, run->cancellable, finished, run);
  g_task_set_task_data (task, run, NULL);
  g_task_set_source_tag (task, start);
  g_task_run_in_thread (task, worker);
}

static void
wm_query_runner_dispose (GObject *object)
{
  WmQueryRunner *self = WM_QUERY_RUNNER (object);

  /* A running task holds a reference, so only the waiting run remains. */
  g_clear_pointer (&self->pending, run_free);

  G_OBJECT_CLASS (wm_query_runner_parent_class)->dispose (object);
}

static void
wm_query_runner_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WmQueryRunner *self = WM_QUERY_RUNNER (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, wm_query_runner_get_running (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_query_runner_class_init (WmQueryRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wm_query_runner_dispose;
  object_class->get_property = wm_query_runner_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_query_runner_init (WmQueryRunner *self)
{
}

WmQueryRunner *
wm_query_runner_new (void)
{
  return g_object_new (WM_TYPE_QUERY_RUNNER, NULL);
}

void
wm_query_runner_run (WmQueryRunner  *self,
                     WmJourneys     *journeys,
                     WmQueryFunc     func,
                     gpointer        query,
                     GDestroyNotify  query_free,
                     GDestroyNotify  result_free,
                     WmQueryDone     done,
                     gpointer        user_data)
{
  gboolean was_running;
  Run *run;

  g_return_if_fail (WM_IS_QUERY_RUNNER (self));
  g_return_if_fail (journeys != NULL);
  g_return_if_fail (func != NULL);

  was_running = wm_query_runner_get_running (self);

  run = g_new0 (Run, 1);
  run->journeys = wm_journeys_ref (journeys);
  run->func = func;
  run->query = query;
  run->query_free = query_free;
  run->result_free = result_free;
  run->done = done;
  run->user_data = user_data;
  run->cancellable = g_cancellable_new ();

  g_clear_pointer (&self->pending, run_free);
  self->pending = run;

  if (self->current != NULL)
    g_cancellable_cancel (self->current->cancellable);
  else
    start (self);

  if (!was_running)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

void
wm_query_runner_cancel (WmQueryRunner *self)
{
  g_return_if_fail (WM_IS_QUERY_RUNNER (self));

  g_clear_pointer (&self->pending, run_free);
  if (self->current != NULL)
    g_cancellable_cancel (self->current->cancellable);
}

gboolean
wm_query_runner_get_running (WmQueryRunner *self)
{
  g_return_val_if_fail (WM_IS_QUERY_RUNNER (self), FALSE);

  return self->current != NULL || self->pending != NULL;
}
