/* wm-funnel-query.c: funnel queries over the journeys
 *
 * Each customer is matched once (wm-funnel-match.c, on two threads) into
 * a small record; counts, in-progress customers, medians and breakdown
 * segments are then gathered from the records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "wm-breakdown.h"
#include "wm-error.h"
#include "wm-funnel-match.h"

#define DEFAULT_BREAKDOWN_TOP 5

WmFunnelQuery *
wm_funnel_query_new (void)
{
  WmFunnelQuery *query = g_new0 (WmFunnelQuery, 1);

  query->order = WM_FUNNEL_ORDERED;
  query->window_s = 14 * 24 * 3600;
  query->breakdown_top = DEFAULT_BREAKDOWN_TOP;
  query->steps = g_new0 (char **, 1);

  return query;
}

void
wm_funnel_query_free (WmFunnelQuery *query)
{
  if (query == NULL)
    return;

  for (guint k = 0; k < query->n_steps; k++)
    g_strfreev (query->steps[k]);
  g_free (query->steps);
  g_free (query->breakdown_by);
  g_free (query);
}

void
wm_funnel_query_add_step (WmFunnelQuery      *query,
                          const char * const *touchpoints)
{
  g_return_if_fail (query != NULL);
  g_return_if_fail (touchpoints != NULL);

  query->steps = g_renew (char **, query->steps, query->n_steps + 2);
  query->steps[query->n_steps++] = g_strdupv ((char **) touchpoints);
  query->steps[query->n_steps] = NULL;
}

typedef struct
{
  guint32 value;        /* breakdown value index of the entry event */
  guint8  reached;
  guint8  in_progress;  /* stopped early but the window is still open */
} Record;

typedef struct
{
  const WmFunnelQuery    *query;
  const WmJourneyColumns *columns;
  const guint32          *masks;
  const WmBreakdown      *breakdown;    /* NULL without breakdown */
  gint64                  window_ms;
  gint64                  last_ts;
  Record                 *records;      /* per customer */
  gint64                 *durations;    /* per customer, n_steps - 1 */
} Run;

static void
match_range (guint64  first,
             guint64  last,
             guint    part,
             gpointer data)
{
  Run *run = data;
  guint n = run->query->n_steps;

  for (guint64 c = first; c < last; c++)
    {
      WmFunnelMatch match;
      Record *record = &run->records[c];

      wm_funnel_match_customer (run->columns, c, run->masks, n, run->query->order,
                                run->window_ms, &match);
      record->reached = match.reached;
      record->value = 0;
      record->in_progress = FALSE;
      if (match.reached == 0)
        continue;

      if (run->breakdown != NULL)
        record->value = wm_breakdown_value (run->breakdown, run->columns, match.entry);
      record->in_progress = match.reached < n &&
                            run->columns->ts[match.entry] + run->window_ms > run->last_ts;
      for (guint k = 1; k < match.reached; k++)
        run->durations[c * (n - 1) + k - 1] = match.times[k] - match.times[k - 1];
    }
}

/* Median of @values (reordered); NAN when empty. */
static double
median_ms (gint64 *values,
           gsize   n)
{
  gsize lo = 0, hi = n, k = n / 2;
  gint64 upper, lower;

  if (n == 0)
    return NAN;

  /* Quickselect for the upper middle. */
  while (hi - lo > 1)
    {
      gint64 pivot = values[lo + (hi - lo) / 2];
      gsize lt = lo, i = lo, gt = hi;

      while (i < gt)
        {
          if (values[i] < pivot)
            {
              gint64 t = values[lt]; values[lt++] = values[i]; values[i++] = t;
            }
          else if (values[i] > pivot)
            {
              gint64 t = values[--gt]; values[gt] = values[i]; values[i] = t;
            }
          else
            i++;
        }
      if (k < lt)
        hi = lt;
      else if (k >= gt)
        lo = gt;
      else
        break;
    }
  upper = values[k];
  if (n % 2 == 1)
    return (double) upper;

  /* Everything before k is ≤ upper: the lower middle is their maximum. */
  lower = values[0];
  for (gsize i = 1; i < k; i++)
    lower = MAX (lower, values[i]);
  return ((double) lower + (double) upper) / 2.0;
}

/* Fills @steps from the records whose segment (per @segment_of) is @segment
 * (G_MAXUINT32: every record). */
static void
fill_steps (const Run     *run,
            guint64        n_customers,
            const guint32 *segment_of,
            guint32        segment,
            WmFunnelStep  *steps,
            gint64        *scratch)
{
  guint n = run->query->n_steps;
  guint64 reached[WM_FUNNEL_MAX_STEPS + 1] = { 0 };
  guint64 in_progress[WM_FUNNEL_MAX_STEPS + 1] = { 0 };

  for (guint64 c = 0; c < n_customers; c++)
    {
      const Record *record = &run->records[c];

      if (record->reached == 0 ||
          (segment != G_MAXUINT32 && segment_of[record->value] != segment))
        continue;
      reached[record->reached]++;
      if (record->in_progress)
        in_progress[record->reached]++;
    }

  /* reached[k]: customers whose furthest step is k; N(k) sums from k up. */
  for (int k = (int) n - 1; k >= 1; k--)
    reached[k] += reached[k + 1];

  for (guint k = 0; k < n; k++)
    {
      WmFunnelStep *step = &steps[k];
      guint64 count = reached[k + 1];
      guint64 previous = k == 0 ? count : reached[k];

      step->touchpoints = g_strdupv (run->query->steps[k]);
      step->customers = count;
      step->from_start = reached[1] > 0 ? (double) count / (double) reached[1] : 0.0;
      step->from_previous = k == 0 ? 1.0 : previous > 0 ? (double) count / (double) previous : 0.0;
      step->in_progress = k == 0 ? 0 : in_progress[k];
      step->dropped = k == 0 ? 0 : previous - count - step->in_progress;
      step->median_s = NAN;

      if (k > 0)
        {
          gsize m = 0;

          for (guint64 c = 0; c < n_customers; c++)
            {
              const Record *record = &run->records[c];

              if (record->reached > k &&
                  (segment == G_MAXUINT32 || segment_of[record->value] == segment))
                scratch[m++] = run->durations[c * (n - 1) + k - 1];
            }
          step->median_s = median_ms (scratch, m) / 1000.0;
        }
    }
}

typedef struct
{
  guint32     value;
  guint64     customers;
  const char *name;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a;
  const Ranked *y = b;

  if (x->customers != y->customers)
    return x->customers > y->customers ? -1 : 1;
  return strcmp (x->name, y->name);
}

/* Segments: the top values by customers entering, then "Other", then ""
 * (no value); segments without customers are left out. */
static void
fill_segments (const Run         *run,
               guint64            n_customers,
               const WmBreakdown *breakdown,
               WmFunnelResult    *result,
               gint64            *scratch)
{
  guint n_values = breakdown->names->len;
  guint top = run->query->breakdown_top > 0 ? run->query->breakdown_top : DEFAULT_BREAKDOWN_TOP;
  g_autofree guint64 *entered = g_new0 (guint64, n_values);
  g_autofree guint32 *segment_of = g_new0 (guint32, n_values);
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint other = G_MAXUINT32;
  gboolean has_other = FALSE;

  for (guint64 c = 0; c < n_customers; c++)
    if (run->records[c].reached > 0)
      entered[run->records[c].value]++;

  for (guint v = 1; v < n_values; v++)
    if (entered[v] > 0)
      {
        Ranked r = { v, entered[v], breakdown->names->pdata[v] };
        g_array_append_val (ranked, r);
      }
  g_array_sort (ranked, compare_ranked);

  for (guint i = 0; i < ranked->len; i++)
    {
      const Ranked *r = &g_array_index (ranked, Ranked, i);

      if (i < top)
        {
          segment_of[r->value] = names->len;
          g_ptr_array_add (names, (gpointer) r->name);
        }
      else
        {
          if (!has_other)
            {
              other = names->len;
              g_ptr_array_add (names, (gpointer) "Other");
              has_other = TRUE;
            }
          segment_of[r->value] = other;
        }
    }
  segment_of[0] = G_MAXUINT32 - 1;
  if (entered[0] > 0)
    {
      segment_of[0] = names->len;
      g_ptr_array_add (names, (gpointer) "");
    }

  result->n_segments = names->len;
  result->segments = g_new0 (WmFunnelSegment, MAX (names->len, 1));
  for (guint s = 0; s < names->len; s++)
    {
      result->segments[s].value = g_strdup (names->pdata[s]);
      result->segments[s].steps = g_new0 (WmFunnelStep, result->n_steps);
      fill_steps (run, n_customers, segment_of, s, result->segments[s].steps, scratch);
    }
}

static gboolean
check_query (const WmFunnelQuery  *query,
             GError              **error)
{
  if (query->n_steps < 2 || query->n_steps > WM_FUNNEL_MAX_STEPS)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                   _("A funnel has 2 to %d steps, not %u"), WM_FUNNEL_MAX_STEPS, query->n_steps);
      return FALSE;
    }

  for (guint k = 0; k < query->n_steps; k++)
    if (query->steps[k] == NULL || query->steps[k][0] == NULL)
      {
        g_set_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                     _("Step %u of the funnel has no touchpoint"), k + 1);
        return FALSE;
      }

  if (query->window_s < 0 || query->window_s > G_MAXINT64 / 4000)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                   _("The window cannot be negative"));
      return FALSE;
    }

  if (query->order != WM_FUNNEL_ORDERED && query->order != WM_FUNNEL_STRICT &&
      query->order != WM_FUNNEL_UNORDERED)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT, _("Unknown funnel order"));
      return FALSE;
    }

  return TRUE;
}

WmFunnelResult *
wm_funnel_query_run (const WmFunnelQuery *query,
                     WmJourneys          *journeys,
                     WmAnalysisProgress   progress,
                     gpointer             user_data,
                     GCancellable        *cancellable,
                     GError             **error)
{
  g_autoptr(WmFunnelResult) result = NULL;
  g_autofree guint32 *masks = NULL;
  g_autofree Record *records = NULL;
  g_autofree gint64 *durations = NULL;
  g_autofree gint64 *scratch = NULL;
  WmBreakdown breakdown = { 0 };
  guint64 n_customers;
  Run run;
  gboolean ok;

  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (journeys != NULL, NULL);

  if (!check_query (query, error))
    return NULL;

  masks = g_new0 (guint32, MAX (journeys->n_touchpoint_ids, 1));
  for (guint k = 0; k < query->n_steps; k++)
    for (guint i = 0; query->steps[k][i] != NULL; i++)
      {
        guint32 id;

        if (!wm_journeys_lookup_touchpoint (journeys, query->steps[k][i], &id, error))
          return NULL;
        masks[id] |= 1u << k;
      }

  n_customers = journeys->columns.n_customers;
  records = g_new (Record, MAX (n_customers, 1));
  durations = g_new (gint64, MAX (n_customers * (query->n_steps - 1), 1));

  if (query->breakdown_by != NULL)
    wm_breakdown_init (&breakdown, journeys, query->breakdown_by);

  run = (Run) {
    query, &journeys->columns, masks,
    query->breakdown_by != NULL ? &breakdown : NULL,
    query->window_s * 1000, journeys->last_ts, records, durations,
  };
  ok = wm_journeys_run_parallel (journeys, match_range, &run, progress, user_data,
                                 cancellable, error);
  if (!ok)
    {
      wm_breakdown_clear (&breakdown);
      return NULL;
    }

  result = g_new0 (WmFunnelResult, 1);
  result->order = query->order;
  result->window_s = query->window_s;
  result->n_steps = query->n_steps;
  result->steps = g_new0 (WmFunnelStep, query->n_steps);
  result->breakdown_by = g_strdup (query->breakdown_by);
  result->segments = g_new0 (WmFunnelSegment, 1);

  scratch = g_new (gint64, MAX (n_customers, 1));
  fill_steps (&run, n_customers, NULL, G_MAXUINT32, result->steps, scratch);
  if (query->breakdown_by != NULL)
    {
      g_free (result->segments);
      fill_segments (&run, n_customers, &breakdown, result, scratch);
      wm_breakdown_clear (&breakdown);
    }

  return g_steal_pointer (&result);
}
