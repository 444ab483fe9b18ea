/* wm-present.c: the slides of a project's presentation, prepared in a worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-chart-actions.h"
#include "wm-error.h"
#include "wm-map-json.h"
#include "wm-map-metrics-compute.h"
#include "wm-map-renderer.h"
#include "wm-present.h"
#include "wm-presentation.h"
#include "wm-saved-analysis.h"
#include "wm-window.h"

/* Live numbers on the map slide count journeys within this window, as the
 * map editor's do. */
#define MAP_WINDOW_S (14 * 24 * 3600)

typedef struct
{
  WmProject      *project;    /* only reopened in the worker */
  WmSlide        *fallback;
  WmPresentReady  ready;
  gpointer        user_data;
  GDestroyNotify  destroy;    /* frees @user_data, reported to or not */
} Request;

typedef struct
{
  GPtrArray *slides;
  guint      skipped;
} Deck;

static void
request_free (Request *request)
{
  g_clear_object (&request->project);
  g_clear_pointer (&request->fallback, wm_slide_unref);
  if (request->destroy != NULL)
    request->destroy (request->user_data);
  g_free (request);
}

static void
deck_free (Deck *deck)
{
  g_ptr_array_unref (deck->slides);
  g_free (deck);
}

static void
map_slide_free (gpointer data)
{
  WmMapChart *chart = data;

  g_clear_object (&chart->map);
  wm_map_metrics_free ((WmMapMetrics *) chart->metrics);
  g_free (chart);
}

static void
draw_map (cairo_t       *cr,
          double         width,
          double         height,
          const WmTheme *theme,
          const char    *title,
          gpointer       user_data)
{
  wm_map_render_fitted (cr, user_data, width, height, theme);
}

/* The project's map, or NULL when it has no stage or no card: an empty
 * map makes an empty slide. A map that cannot be read is left out too. */
static WmSlide *
map_slide (WmProject     *project,
           WmJourneys    *journeys,
           GCancellable  *cancellable)
{
  g_autoptr(WmJourneyMap) map = wm_map_json_load_project (project, NULL);
  WmMapChart *chart;
  const char *title;

  if (map == NULL || wm_journey_map_get_n_stages (map) == 0 || wm_journey_map_get_n_cards (map) == 0)
    return NULL;

  chart = g_new0 (WmMapChart, 1);
  chart->metrics = wm_map_metrics_compute (map, journeys, MAP_WINDOW_S, cancellable, NULL);
  title = wm_journey_map_get_title (map);
  chart->map = g_steal_pointer (&map);

  return wm_slide_new (WM_SLIDE_MAP, title != NULL && *title != '\0' ? title : _("Journey Map"),
                       draw_map, chart, map_slide_free);
}

static WmSlide *
saved_slide (const WmSavedAnalysis  *saved,
             WmJourneys             *journeys,
             GCancellable           *cancellable,
             GError                **error)
{
  if (g_str_equal (saved->kind, WM_SAVED_KIND_FLOW))
    {
      g_autoptr(WmFlowQuery) query = wm_saved_analysis_get_flow (saved, error);
      g_autoptr(WmFlowGraph) graph = NULL;

      if (query != NULL)
        graph = wm_flow_query_run (query, journeys, NULL, NULL, cancellable, error);
      return graph != NULL ? wm_slide_new_flow (saved->name, graph) : NULL;
    }
  if (g_str_equal (saved->kind, WM_SAVED_KIND_FUNNEL))
    {
      g_autoptr(WmFunnelQuery) query = wm_saved_analysis_get_funnel (saved, error);
      g_autoptr(WmFunnelResult) result = NULL;

      if (query != NULL)
        result = wm_funnel_query_run (query, journeys, NULL, NULL, cancellable, error);
      return result != NULL ? wm_slide_new_funnel (saved->name, result) : NULL;
    }

  g_set_error (error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT,
               _("“%s” is a saved analysis of a kind this version cannot show"), saved->name);
  return NULL;
}

static gpointer
collect (gconstpointer   data,
         WmJourneys     *journeys,
         GCancellable   *cancellable,
         GError        **error)
{
  const Request *request = data;
  g_autoptr(WmProject) own = wm_project_reopen (request->project, error);
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GPtrArray) slides = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_slide_unref);
  WmSlide *map;
  guint n_views = 0;
  Deck *deck;
  guint skipped = 0;

  if (own == NULL)
    return NULL;
  saved = wm_saved_analysis_list (own, NULL, error);
  if (saved == NULL)
    return NULL;

  map = map_slide (own, journeys, cancellable);
  if (map != NULL)
    g_ptr_array_add (slides, map);

  for (guint i = 0; i < saved->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      WmSlide *slide = saved_slide (g_ptr_array_index (saved, i), journeys, cancellable, &local_error);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (slide == NULL)
        {
          g_debug ("Saved view left out of the presentation: %s", local_error->message);
          skipped++;
          continue;
        }
      g_ptr_array_add (slides, slide);
      n_views++;
    }

  if (n_views == 0 && request->fallback != NULL)
    g_ptr_array_add (slides, wm_slide_ref (request->fallback));

  if (slides->len == 0)
    {
      g_set_error_literal (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                           _("There is nothing to present yet: save a flow or funnel view first"));
      return NULL;
    }

  deck = g_new0 (Deck, 1);
  deck->slides = g_steal_pointer (&slides);
  deck->skipped = skipped;
  return deck;
}

static void
collected (gpointer      result,
           const GError *error,
           gpointer      user_data)
{
  Request *request = user_data;
  Deck *deck = result;

  request->ready (deck != NULL ? deck->slides : NULL, deck != NULL ? deck->skipped : 0,
                  error, request->user_data);
}

void
wm_present_collect (WmQueryRunner  *runner,
                    WmSession      *session,
                    WmSlide        *fallback,
                    WmPresentReady  ready,
                    gpointer        user_data,
                    GDestroyNotify  destroy)
{
  Request *request;

  g_return_if_fail (WM_IS_QUERY_RUNNER (runner));
  g_return_if_fail (WM_IS_SESSION (session));
  g_return_if_fail (wm_session_get_journeys (session) != NULL);

  request = g_new0 (Request, 1);
  request->project = g_object_ref (wm_session_get_project (session));
  request->fallback = fallback != NULL ? wm_slide_ref (fallback) : NULL;
  request->ready = ready;
  request->user_data = user_data;
  request->destroy = destroy;

  /* The runner frees the request after reporting, or without reporting
   * when a newer request superseded it. */
  wm_query_runner_run (runner, wm_session_get_journeys (session), collect,
                       request, (GDestroyNotify) request_free, (GDestroyNotify) deck_free,
                       collected, request);
}

typedef enum { PRESENT, EXPORT_DECK } Mode;

typedef struct
{
  GWeakRef widget;
  GWeakRef toast;  /* "Preparing the slides…", dismissed when they are */
  Mode     mode;
} Job;

static void
show_problem (GtkWidget  *widget,
              const char *heading,
              const char *body)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (WM_IS_WINDOW (root))
    wm_window_show_error (WM_WINDOW (root), heading, body);
  else
    g_warning ("%s: %s", heading, body);
}

static void
job_ready (GPtrArray    *slides,
           guint         skipped,
           const GError *error,
           gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&job->widget);
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  if (widget == NULL || !GTK_IS_WINDOW (root))
    return;

  if (error != NULL)
    {
      show_problem (widget, job->mode == PRESENT ? _("Could Not Present") : _("Could Not Export the Deck"),
                    error->message);
      return;
    }

  if (skipped > 0 && WM_IS_WINDOW (root))
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u saved view could not be shown: its touchpoints have no events",
                                      "%u saved views could not be shown: their touchpoints have no events",
                                      skipped),
                         skipped);

      wm_window_add_toast (WM_WINDOW (root), message);
    }

  if (job->mode == PRESENT)
    gtk_window_present (GTK_WINDOW (wm_presentation_new (GTK_WINDOW (root),
                                                         (WmSlide * const *) slides->pdata, slides->len)));
  else
    wm_chart_actions_export_deck (GTK_WINDOW (root), (WmSlide * const *) slides->pdata, slides->len);
}

/* After the slides came, or when a newer job replaced this one. */
static void
job_free (Job *job)
{
  g_autoptr(AdwToast) toast = g_weak_ref_get (&job->toast);

  if (toast != NULL)
    wm_window_end_progress_toast (toast);
  g_weak_ref_clear (&job->widget);
  g_weak_ref_clear (&job->toast);
  g_free (job);
}

static void
runner_free (gpointer data)
{
  /* The widget is going: its request must not report to it. */
  wm_query_runner_cancel (data);
  g_object_unref (data);
}

static void
start_job (GtkWidget *widget,
           WmSession *session,
           WmSlide   *fallback,
           Mode       mode)
{
  WmQueryRunner *runner = g_object_get_data (G_OBJECT (widget), "wm-present-runner");
  GtkRoot *root = gtk_widget_get_root (widget);
  Job *job;

  if (wm_session_get_journeys (session) == NULL)
    return;

  if (runner == NULL)
    {
      runner = wm_query_runner_new ();
      g_object_set_data_full (G_OBJECT (widget), "wm-present-runner", runner, runner_free);
    }

  job = g_new0 (Job, 1);
  g_weak_ref_init (&job->widget, widget);
  g_weak_ref_init (&job->toast, NULL);
  job->mode = mode;
  if (WM_IS_WINDOW (root))
    g_weak_ref_set (&job->toast, wm_window_add_progress_toast (WM_WINDOW (root), _("Preparing the slides…")));
  wm_present_collect (runner, session, fallback, job_ready, job, (GDestroyNotify) job_free);
}

void
wm_present_start (GtkWidget *widget,
                  WmSession *session,
                  WmSlide   *fallback)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  start_job (widget, session, fallback, PRESENT);
}

void
wm_present_export_deck (GtkWidget *widget,
                        WmSession *session,
                        WmSlide   *fallback)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  start_job (widget, session, fallback, EXPORT_DECK);
}
