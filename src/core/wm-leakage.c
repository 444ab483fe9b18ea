/* wm-leakage.c: how many customers of each channel finish the goal there
 *
 * For a goal touchpoint and a window: a channel's entered = customers with
 * any event in that channel; completed_in_channel = those of them with a
 * goal event carrying that channel no later than window after their first
 * event in that channel (inclusive); leakage = 1 − completed / entered.
 * Events without a channel count for no channel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wm-error.h"
#include "wm-journeys-private.h"

typedef struct
{
  const WmJourneyColumns *columns;
  guint                   n_channels;
  guint32                 goal;
  gint64                  window_ms;
  guint64                *entered[WM_JOURNEYS_MAX_PARTS];     /* per channel id */
  guint64                *completed[WM_JOURNEYS_MAX_PARTS];
} Run;

static void
count_range (guint64  first,
             guint64  last,
             guint    part,
             gpointer data)
{
  Run *run = data;
  const WmJourneyColumns *columns = run->columns;
  g_autofree gint64 *first_ts = g_new (gint64, run->n_channels);
  g_autofree guint64 *seen = g_new0 (guint64, run->n_channels);
  g_autofree guint64 *done = g_new0 (guint64, run->n_channels);
  guint64 *entered = run->entered[part];
  guint64 *completed = run->completed[part];

  for (guint64 c = first; c < last; c++)
    for (guint32 e = columns->offsets[c]; e < columns->offsets[c + 1]; e++)
      {
        guint32 ch = wm_ids_get (&columns->channel, e);

        if (ch == 0)
          continue;
        if (seen[ch] != c + 1)
          {
            seen[ch] = c + 1;
            first_ts[ch] = columns->ts[e];
            entered[ch]++;
          }
        if (columns->touchpoint[e] == run->goal && done[ch] != c + 1 &&
            columns->ts[e] - first_ts[ch] <= run->window_ms)
          {
            done[ch] = c + 1;
            completed[ch]++;
          }
      }
}

static int
compare_channels (gconstpointer a,
                  gconstpointer b)
{
  const WmLeakageChannel *x = a;
  const WmLeakageChannel *y = b;

  if (x->entered != y->entered)
    return x->entered > y->entered ? -1 : 1;
  return strcmp (x->channel, y->channel);
}

void
wm_leakage_result_free (WmLeakageResult *result)
{
  if (result == NULL)
    return;

  for (guint i = 0; i < result->n_channels; i++)
    g_free (result->channels[i].channel);
  g_free (result->channels);
  g_free (result->goal);
  g_free (result);
}

WmLeakageResult *
wm_leakage_run (WmJourneys          *journeys,
                const char          *goal,
                gint64               window_s,
                WmAnalysisProgress   progress,
                gpointer             user_data,
                GCancellable        *cancellable,
                GError             **error)
{
  g_autoptr(WmLeakageResult) result = NULL;
  Run run = { 0 };
  guint32 goal_id;
  gboolean ok;

  g_return_val_if_fail (journeys != NULL, NULL);
  g_return_val_if_fail (goal != NULL, NULL);

  if (window_s < 0 || window_s > G_MAXINT64 / 4000)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                   _("The window cannot be negative"));
      return NULL;
    }
  if (!wm_journeys_lookup_touchpoint (journeys, goal, &goal_id, error))
    return NULL;

  run.columns = &journeys->columns;
  run.n_channels = MAX (journeys->n_channel_ids, 1);
  run.goal = goal_id;
  run.window_ms = window_s * 1000;
  for (guint p = 0; p < WM_JOURNEYS_MAX_PARTS; p++)
    {
      run.entered[p] = g_new0 (guint64, run.n_channels);
      run.completed[p] = g_new0 (guint64, run.n_channels);
    }

  ok = wm_journeys_run_parallel (journeys, count_range, &run, progress, user_data,
                                 cancellable, error);

  if (ok)
    {
      result = g_new0 (WmLeakageResult, 1);
      result->goal = g_strdup (goal);
      result->window_s = window_s;
      result->channels = g_new0 (WmLeakageChannel, run.n_channels);
      for (guint ch = 1; ch < run.n_channels; ch++)
        {
          guint64 entered = 0, completed = 0;

          for (guint p = 0; p < WM_JOURNEYS_MAX_PARTS; p++)
            {
              entered += run.entered[p][ch];
              completed += run.completed[p][ch];
            }
          if (entered == 0)
            continue;

          result->channels[result->n_channels++] = (WmLeakageChannel) {
            g_strdup (journeys->channel_names[ch]), entered, completed,
            1.0 - (double) completed / (double) entered,
          };
        }
      qsort (result->channels, result->n_channels, sizeof (WmLeakageChannel), compare_channels);
    }

  for (guint p = 0; p < WM_JOURNEYS_MAX_PARTS; p++)
    {
      g_free (run.entered[p]);
      g_free (run.completed[p]);
    }

  return g_steal_pointer (&result);
}
