/* wm-map-page.c
 *
 * The numbers depend only on part of the map (stages' order, lanes'
 * channels, cards' cells and bindings, connectors' ends): a signature of
 * that part decides whether an edit needs new numbers. Workers get a copy
 * of the map made through its JSON, so edits may go on meanwhile; a newer
 * run cancels the older one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-error.h"
#include "wm-map-json.h"
#include "wm-map-metrics-compute.h"
#include "wm-map-page.h"
#include "wm-map-recovery.h"

struct _WmMapPage
{
  GObject        parent_instance;

  WmSession     *session;
  WmMapEditor   *editor;
  WmJourneyMap  *map;             /* the editor's, whose "changed" we follow */
  char          *recovery_path;
  WmJourneyMap  *recovered;       /* offered, not yet answered */
  WmMapMetrics  *metrics;
  char          *signature;       /* of the map the numbers were asked for */
  GCancellable  *metrics_cancellable;
  GCancellable  *touchpoints_cancellable;
  guint          metrics_source;
  guint          idle_source;
  guint          autosave_source;
  gboolean       recovery_stale;  /* edits since the recovery file was written */
  gboolean       autosave_failed; /* said once per project, not at every pause */
};

enum {
  METRICS_CHANGED,
  RECOVERY_FOUND,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WmMapPage, wm_map_page, G_TYPE_OBJECT)

static char *
metrics_signature (WmJourneyMap *map)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < wm_journey_map_get_n_stages (map); i++)
    g_string_append_printf (out, "s%s\n", wm_journey_map_get_stage (map, i)->id);
  for (guint i = 0; i < wm_journey_map_get_n_lanes (map); i++)
    {
      const WmMapLane *lane = wm_journey_map_get_lane (map, i);

      g_string_append_printf (out, "l%s\t%d\t%s\n", lane->id, lane->kind, lane->channel != NULL ? lane->channel : "");
    }
  for (guint i = 0; i < wm_journey_map_get_n_cards (map); i++)
    {
      const WmMapCard *card = wm_journey_map_get_card (map, i);
      g_autofree char *bindings = g_strjoinv ("\t", card->bindings);

      g_string_append_printf (out, "c%s\t%s\t%s\t%u\t%s\n", card->id, card->stage, card->lane, card->order, bindings);
    }
  for (guint i = 0; i < wm_journey_map_get_n_connectors (map); i++)
    {
      const WmMapConnector *connector = wm_journey_map_get_connector (map, i);

      g_string_append_printf (out, "k%s\t%s\t%s\n", connector->id, connector->from, connector->to);
    }
  return g_string_free (out, FALSE);
}

static void
report_failure (WmMapPage    *self,
                const char   *heading,
                const GError *error)
{
  g_signal_emit (self, signals[FAILED], 0, heading, error->message);
}

/* Metrics */

typedef struct
{
  char       *json;
  WmJourneys *journeys;
} MetricsJob;

static void
metrics_job_free (MetricsJob *job)
{
  g_free (job->json);
  wm_journeys_unref (job->journeys);
  g_free (job);
}

static void
metrics_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  MetricsJob *job = task_data;
  g_autoptr(WmJourneyMap) map = NULL;
  WmMapMetrics *metrics;
  GError *error = NULL;

  map = wm_map_json_parse (job->json, -1, &error);
  if (map == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  metrics = wm_map_metrics_compute (map, job->journeys, WM_MAP_METRICS_WINDOW_S, cancellable, &error);
  if (metrics == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, metrics, (GDestroyNotify) wm_map_metrics_free);
}

static void
metrics_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  WmMapPage *self = WM_MAP_PAGE (source);
  g_autoptr(WmMapMetrics) metrics = NULL;
  g_autoptr(GError) error = NULL;

  metrics = g_task_propagate_pointer (G_TASK (result), &error);
  if (metrics == NULL)
    {
      if (!g_error_matches (error, WM_ERROR, WM_ERROR_CANCELLED) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        report_failure (self, _("Could Not Compute the Map’s Numbers"), error);
      return;
    }

  g_clear_pointer (&self->metrics, wm_map_metrics_free);
  self->metrics = g_steal_pointer (&metrics);
  wm_map_editor_set_metrics (self->editor, self->metrics);
  g_signal_emit (self, signals[METRICS_CHANGED], 0);
}

static void
start_metrics (WmMapPage *self)
{
  WmJourneys *journeys = wm_session_get_journeys (self->session);
  g_autoptr(GTask) task = NULL;
  MetricsJob *job;

  g_clear_handle_id (&self->metrics_source, g_source_remove);
  g_cancellable_cancel (self->metrics_cancellable);
  g_clear_object (&self->metrics_cancellable);
  if (journeys == NULL || self->map == NULL)
    return;
  /* Without events every card would say 0: no numbers rather than wrong ones. */
  if (wm_journeys_get_n_events (journeys) == 0)
    {
      g_clear_pointer (&self->metrics, wm_map_metrics_free);
      wm_map_editor_set_metrics (self->editor, NULL);
      return;
    }

  g_free (self->signature);
  self->signature = metrics_signature (self->map);
  self->metrics_cancellable = g_cancellable_new ();

  job = g_new0 (MetricsJob, 1);
  job->json = wm_map_json_to_string (self->map, FALSE);
  job->journeys = wm_journeys_ref (journeys);
  task = g_task_new (self, self->metrics_cancellable, metrics_done, NULL);
  g_task_set_source_tag (task, start_metrics);
  g_task_set_task_data (task, job, (GDestroyNotify) metrics_job_free);
  /* A cancelled run still returns its own error, so a newer one is never
   * overwritten by an older one. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, metrics_thread);
}

static gboolean
metrics_timeout_cb (gpointer user_data)
{
  WmMapPage *self = user_data;

  self->metrics_source = 0;
  start_metrics (self);
  return G_SOURCE_REMOVE;
}

/* Touchpoints with their customers, for binding cards */

typedef struct
{
  char    **names;
  guint64  *customers;
  guint     n;
} Touchpoints;

static void
touchpoints_free (Touchpoints *touchpoints)
{
  g_strfreev (touchpoints->names);
  g_free (touchpoints->customers);
  g_free (touchpoints);
}

static void
touchpoints_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  WmJourneys *journeys = task_data;
  Touchpoints *touchpoints = g_new0 (Touchpoints, 1);

  /* One pass over the journeys for every touchpoint's customers. */
  touchpoints->names = wm_journeys_list_touchpoints (journeys, &touchpoints->customers);
  touchpoints->n = g_strv_length (touchpoints->names);
  if (g_cancellable_is_cancelled (cancellable))
    {
      touchpoints_free (touchpoints);
      g_task_return_new_error (task, WM_ERROR, WM_ERROR_CANCELLED, "cancelled");
      return;
    }
  g_task_return_pointer (task, touchpoints, (GDestroyNotify) touchpoints_free);
}

static void
touchpoints_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  WmMapPage *self = WM_MAP_PAGE (source);
  Touchpoints *touchpoints = g_task_propagate_pointer (G_TASK (result), NULL);

  if (touchpoints == NULL)
    return;
  wm_map_editor_set_touchpoints (self->editor, (const char * const *) touchpoints->names,
                                 touchpoints->customers, touchpoints->n);
  touchpoints_free (touchpoints);
}

static void
start_touchpoints (WmMapPage *self)
{
  WmJourneys *journeys = wm_session_get_journeys (self->session);
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->touchpoints_cancellable);
  g_clear_object (&self->touchpoints_cancellable);
  if (journeys == NULL)
    {
      wm_map_editor_set_touchpoints (self->editor, NULL, NULL, 0);
      return;
    }

  self->touchpoints_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->touchpoints_cancellable, touchpoints_done, NULL);
  g_task_set_source_tag (task, start_touchpoints);
  g_task_set_task_data (task, wm_journeys_ref (journeys), (GDestroyNotify) wm_journeys_unref);
  g_task_run_in_thread (task, touchpoints_thread);
}

/* Autosave */

gboolean
wm_map_page_autosave (WmMapPage  *self,
                      GError    **error)
{
  g_return_val_if_fail (WM_IS_MAP_PAGE (self), FALSE);

  if (self->recovery_path == NULL || self->map == NULL)
    return TRUE;
  if (!wm_map_recovery_write (self->recovery_path, self->map, error))
    return FALSE;
  self->recovery_stale = FALSE;
  return TRUE;
}

static void
autosave_now (WmMapPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->recovery_stale || !wm_map_page_get_dirty (self))
    return;
  if (!wm_map_page_autosave (self, &error) && !self->autosave_failed)
    {
      /* Said once: later edits try again, quietly. */
      self->autosave_failed = TRUE;
      report_failure (self, _("Could Not Keep the Unsaved Journey Map Aside"), error);
    }
}

static gboolean
idle_autosave_cb (gpointer user_data)
{
  WmMapPage *self = user_data;

  self->idle_source = 0;
  autosave_now (self);
  return G_SOURCE_REMOVE;
}

static gboolean
periodic_autosave_cb (gpointer user_data)
{
  autosave_now (user_data);
  return G_SOURCE_CONTINUE;
}

static void
forget_recovery (WmMapPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->idle_source, g_source_remove);
  self->recovery_stale = FALSE;
  g_clear_object (&self->recovered);
  if (self->recovery_path != NULL && !wm_map_recovery_discard (self->recovery_path, &error))
    report_failure (self, _("Could Not Remove the Unsaved Journey Map"), error);
}

static void
dirty_changed_cb (WmMapPage *self)
{
  if (wm_map_page_get_dirty (self))
    {
      if (self->autosave_source == 0)
        self->autosave_source = g_timeout_add_seconds (WM_MAP_PAGE_AUTOSAVE_S, periodic_autosave_cb, self);
      return;
    }
  /* Saved, or undone back to what is saved: nothing to recover. */
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  forget_recovery (self);
}

static void
map_changed_cb (WmMapPage    *self,
                guint         change,
                const char   *id,
                WmJourneyMap *map)
{
  g_autofree char *signature = NULL;

  self->recovery_stale = TRUE;
  g_clear_handle_id (&self->idle_source, g_source_remove);
  self->idle_source = g_timeout_add (WM_MAP_PAGE_IDLE_MS, idle_autosave_cb, self);

  signature = metrics_signature (map);
  if (g_strcmp0 (signature, self->signature) == 0)
    return;
  g_clear_handle_id (&self->metrics_source, g_source_remove);
  self->metrics_source = g_timeout_add (WM_MAP_PAGE_METRICS_MS, metrics_timeout_cb, self);
}

/* The editor's map is replaced when a project is loaded or restored. */
static void
follow_map (WmMapPage *self)
{
  WmJourneyMap *map = wm_map_editor_get_map (self->editor);

  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  g_set_object (&self->map, map);
  if (map != NULL)
    g_signal_connect_object (map, "changed", G_CALLBACK (map_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
project_changed_cb (WmMapPage *self)
{
  WmProject *project = wm_session_get_project (self->session);
  g_autoptr(GError) error = NULL;

  /* Unsaved edits of the project left behind stay in its recovery file. */
  if (self->recovery_stale && wm_map_page_get_dirty (self))
    autosave_now (self);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_handle_id (&self->metrics_source, g_source_remove);
  g_cancellable_cancel (self->metrics_cancellable);
  g_clear_object (&self->metrics_cancellable);
  g_clear_pointer (&self->metrics, wm_map_metrics_free);
  g_clear_pointer (&self->signature, g_free);
  g_clear_pointer (&self->recovery_path, g_free);
  g_clear_object (&self->recovered);
  self->recovery_stale = FALSE;
  self->autosave_failed = FALSE;
  wm_map_editor_set_metrics (self->editor, NULL);

  if (!wm_map_editor_set_project (self->editor, project, &error))
    {
      report_failure (self, _("Could Not Open the Journey Map"), error);
      g_clear_error (&error);
      wm_map_editor_set_project (self->editor, NULL, NULL);
    }
  follow_map (self);

  if (project != NULL && self->map != NULL)
    {
      self->recovery_path = wm_map_recovery_path (wm_project_get_path (project));
      self->recovered = wm_map_recovery_find (self->recovery_path, project, &error);
      if (error != NULL)
        {
          /* A recovery file that cannot be read cannot be restored either. */
          g_warning ("Ignoring the journey map recovery file %s: %s", self->recovery_path, error->message);
          forget_recovery (self);
        }
      else if (self->recovered != NULL)
        g_signal_emit (self, signals[RECOVERY_FOUND], 0);
    }
}

static void
journeys_changed_cb (WmMapPage *self)
{
  start_touchpoints (self);
  start_metrics (self);
}

/* Public API */

WmMapPage *
wm_map_page_new (WmSession *session)
{
  WmMapPage *self;

  g_return_val_if_fail (WM_IS_SESSION (session), NULL);

  self = g_object_new (WM_TYPE_MAP_PAGE, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::project", G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::journeys", G_CALLBACK (journeys_changed_cb), self, G_CONNECT_SWAPPED);
  project_changed_cb (self);
  journeys_changed_cb (self);
  return self;
}

WmMapEditor *
wm_map_page_get_editor (WmMapPage *self)
{
  g_return_val_if_fail (WM_IS_MAP_PAGE (self), NULL);
  return self->editor;
}

const WmMapMetrics *
wm_map_page_get_metrics (WmMapPage *self)
{
  g_return_val_if_fail (WM_IS_MAP_PAGE (self), NULL);
  return self->metrics;
}

gboolean
wm_map_page_get_dirty (WmMapPage *self)
{
  g_return_val_if_fail (WM_IS_MAP_PAGE (self), FALSE);
  return wm_map_editor_get_dirty (self->editor);
}

gboolean
wm_map_page_save (WmMapPage  *self,
                  GError    **error)
{
  g_return_val_if_fail (WM_IS_MAP_PAGE (self), FALSE);

  if (!wm_map_editor_save (self->editor, error))
    return FALSE;
  forget_recovery (self);
  return TRUE;
}

const char *
wm_map_page_get_recovery_path (WmMapPage *self)
{
  g_return_val_if_fail (WM_IS_MAP_PAGE (self), NULL);
  return self->recovery_path;
}

gboolean
wm_map_page_has_recovery (WmMapPage *self)
{
  g_return_val_if_fail (WM_IS_MAP_PAGE (self), FALSE);
  return self->recovered != NULL;
}

void
wm_map_page_restore (WmMapPage *self)
{
  g_autoptr(WmJourneyMap) recovered = NULL;

  g_return_if_fail (WM_IS_MAP_PAGE (self));

  recovered = g_steal_pointer (&self->recovered);
  if (recovered == NULL || self->map == NULL)
    return;
  /* Replaced outside the history: the document is then unsaved. */
  wm_journey_map_take_contents (self->map, recovered);
}

void
wm_map_page_discard (WmMapPage *self)
{
  g_return_if_fail (WM_IS_MAP_PAGE (self));
  forget_recovery (self);
}

static void
wm_map_page_dispose (GObject *object)
{
  WmMapPage *self = WM_MAP_PAGE (object);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_handle_id (&self->metrics_source, g_source_remove);
  g_cancellable_cancel (self->metrics_cancellable);
  g_cancellable_cancel (self->touchpoints_cancellable);
  g_clear_object (&self->metrics_cancellable);
  g_clear_object (&self->touchpoints_cancellable);
  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  g_clear_object (&self->map);
  g_clear_object (&self->recovered);
  g_clear_object (&self->editor);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (wm_map_page_parent_class)->dispose (object);
}

static void
wm_map_page_finalize (GObject *object)
{
  WmMapPage *self = WM_MAP_PAGE (object);

  g_clear_pointer (&self->metrics, wm_map_metrics_free);
  g_free (self->signature);
  g_free (self->recovery_path);

  G_OBJECT_CLASS (wm_map_page_parent_class)->finalize (object);
}

static void
wm_map_page_class_init (WmMapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wm_map_page_dispose;
  object_class->finalize = wm_map_page_finalize;

  signals[METRICS_CHANGED] =
    g_signal_new ("metrics-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[RECOVERY_FOUND] =
    g_signal_new ("recovery-found", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
wm_map_page_init (WmMapPage *self)
{
  self->editor = g_object_ref_sink (WM_MAP_EDITOR (wm_map_editor_new ()));
  g_signal_connect_object (self->editor, "notify::dirty", G_CALLBACK (dirty_changed_cb), self, G_CONNECT_SWAPPED);
}
