/* wm-funnel-query.c: funnel queries over the journeys
 *
 * Each customer is matched once (wm-funnel-match.c, on two threads); each
 * thread tallies furthest steps, in-progress customers and step durations
 * (medians by a histogram select).  With a breakdown, a small record per
 * customer also keeps its segment value, and segments are tallied from
 * the records once the top values are known.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "wm-breakdown.h"
#include "wm-error.h"
#include "wm-funnel-match.h"
#include "wm-journeys-private.h"

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

/* What one thread counted: the customers whose furthest step is k, those
 * of them still in progress, and the step durations it wrote from
 * @first on in each step's array. */
typedef struct
{
  gboolean started;
  guint64  first;
  guint64  reached[WM_FUNNEL_MAX_STEPS + 1];
  guint64  in_progress[WM_FUNNEL_MAX_STEPS + 1];
  guint64  n_durations[WM_FUNNEL_MAX_STEPS];
} Part;

typedef struct
{
  const WmFunnelQuery    *query;
  const WmJourneyColumns *columns;
  const guint32          *masks;
  const WmBreakdown      *breakdown;    /* NULL without breakdown */
  gint64                  window_ms;
  gint64                  last_ts;
  Part                    parts[WM_JOURNEYS_MAX_PARTS];
  gint64                 *step_durations[WM_FUNNEL_MAX_STEPS];  /* per step k ≥ 1 */
  Record                 *records;      /* per customer, with a breakdown only */
  gint64                 *durations;    /* per customer × (n_steps - 1), likewise */
} Run;

static void
match_range (guint64  first,
             guint64  last,
             guint    part_index,
             gpointer data)
{
  Run *run = data;
  Part *part = &run->parts[part_index];
  guint n = run->query->n_steps;

  /* A part's blocks come in order: its durations start at its first customer. */
  if (!part->started)
    {
      part->started = TRUE;
      part->first = first;
    }

  for (guint64 c = first; c < last; c++)
    {
      WmFunnelMatch match;
      gboolean in_progress;

      wm_funnel_match_customer (run->columns, c, run->masks, n, run->query->order,
                                run->window_ms, &match);
      if (run->records != NULL)
        run->records[c].reached = match.reached;
      if (match.reached == 0)
        continue;

      in_progress = match.reached < n &&
                    run->columns->ts[match.entry] + run->window_ms > run->last_ts;
      part->reached[match.reached]++;
      part->in_progress[match.reached] += in_progress;
      for (guint k = 1; k < match.reached; k++)
        run->step_durations[k][part->first + part->n_durations[k]++] = match.times[k] - match.times[k - 1];

      if (run->records != NULL)
        {
          run->records[c].value = wm_breakdown_value (run->breakdown, run->columns, match.entry);
          run->records[c].in_progress = in_progress;
          for (guint k = 1; k < match.reached; k++)
            run->durations[c * (n - 1) + k - 1] = match.times[k] - match.times[k - 1];
        }
    }
}

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

#define MEDIAN_BUCKETS 65536

/* The values of rank @lo and @hi (0-based, lo ≤ hi) of @values: a
 * histogram of their high bits finds the buckets holding those ranks, and
 * only those buckets' values are sorted.  Two passes, no reordering. */
static void
select_ranks (const gint64 *values,
              gsize         n,
              gsize         lo,
              gsize         hi,
              gint64       *at_lo,
              gint64       *at_hi)
{
  g_autofree guint32 *histogram = g_new0 (guint32, MEDIAN_BUCKETS);
  g_autoptr(GArray) picked = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 min = values[0], max = values[0];
  guint shift = 0;
  gsize below = 0, below_lo = 0;
  guint bucket_lo = 0, bucket_hi = 0;
  gsize seen = 0;

  for (gsize i = 1; i < n; i++)
    {
      min = MIN (min, values[i]);
      max = MAX (max, values[i]);
    }
  while ((((guint64) (max - min)) >> shift) >= MEDIAN_BUCKETS)
    shift++;

  for (gsize i = 0; i < n; i++)
    histogram[((guint64) (values[i] - min)) >> shift]++;

  for (guint b = 0; b < MEDIAN_BUCKETS; b++)
    {
      if (seen <= lo && lo < seen + histogram[b])
        {
          bucket_lo = b;
          below_lo = seen;
        }
      if (seen <= hi && hi < seen + histogram[b])
        {
          bucket_hi = b;
          below = seen;
          break;
        }
      seen += histogram[b];
    }

  if (shift == 0)
    {
      /* Each bucket is one value. */
      *at_lo = min + bucket_lo;
      *at_hi = min + bucket_hi;
      return;
    }

  for (gsize i = 0; i < n; i++)
    {
      guint b = ((guint64) (values[i] - min)) >> shift;

      if (b == bucket_lo || b == bucket_hi)
        g_array_append_val (picked, values[i]);
    }
  qsort (picked->data, picked->len, sizeof (gint64), compare_gint64);

  /* The picked values are bucket_lo's then (if another) bucket_hi's. */
  *at_lo = g_array_index (picked, gint64, lo - below_lo);
  *at_hi = g_array_index (picked, gint64, bucket_hi == bucket_lo ? hi - below_lo
                                                                 : histogram[bucket_lo] + hi - below);
}

/* Median of @values; NAN when empty. */
static double
median_ms (gint64 *values,
           gsize   n)
{
  gint64 lower, upper;

  if (n == 0)
    return NAN;

  select_ranks (values, n, (n - 1) / 2, n / 2, &lower, &upper);
  return ((double) lower + (double) upper) / 2.0;
}

/* @reached[k]: customers whose furthest step is k (1 … n); @in_progress[k]
 * of them still in their window; @median_ms per step (k ≥ 1). */
static void
fill_steps (const WmFunnelQuery *query,
            const guint64       *reached,
            const guint64       *in_progress,
            const double        *median_ms_by_step,
            WmFunnelStep        *steps)
{
  guint n = query->n_steps;
  guint64 at_least[WM_FUNNEL_MAX_STEPS + 2] = { 0 };

  /* N(k) sums the furthest-step counts from k up. */
  for (int k = (int) n; k >= 1; k--)
    at_least[k] = at_least[k + 1] + reached[k];

  for (guint k = 0; k < n; k++)
    {
      WmFunnelStep *step = &steps[k];
      guint64 count = at_least[k + 1];
      guint64 previous = k == 0 ? count : at_least[k];

      step->touchpoints = g_strdupv (query->steps[k]);
      step->customers = count;
      step->from_start = at_least[1] > 0 ? (double) count / (double) at_least[1] : 0.0;
      step->from_previous = k == 0 ? 1.0 : previous > 0 ? (double) count / (double) previous : 0.0;
      step->in_progress = k == 0 ? 0 : in_progress[k];
      step->dropped = k == 0 ? 0 : previous - count - step->in_progress;
      step->median_s = k == 0 ? NAN : median_ms_by_step[k] / 1000.0;
    }
}

/* The whole funnel, from what the threads counted. */
static void
fill_total (Run          *run,
            guint         n_parts,
            WmFunnelStep *steps)
{
  guint n = run->query->n_steps;
  guint64 reached[WM_FUNNEL_MAX_STEPS + 1] = { 0 };
  guint64 in_progress[WM_FUNNEL_MAX_STEPS + 1] = { 0 };
  double medians[WM_FUNNEL_MAX_STEPS] = { 0 };

  for (guint p = 0; p < n_parts; p++)
    for (guint k = 0; k <= n; k++)
      {
        reached[k] += run->parts[p].reached[k];
        in_progress[k] += run->parts[p].in_progress[k];
      }

  for (guint k = 1; k < n; k++)
    {
      gint64 *values = run->step_durations[k];
      gsize m = 0;

      /* Parts start in customer order; close the gaps between them. */
      for (guint p = 0; p < n_parts; p++)
        if (run->parts[p].started)
          {
            memmove (values + m, values + run->parts[p].first,
                     run->parts[p].n_durations[k] * sizeof (gint64));
            m += run->parts[p].n_durations[k];
          }
      medians[k] = median_ms (values, m);
    }

  fill_steps (run->query, reached, in_progress, medians, steps);
}

/* One breakdown segment, from the per-customer records. */
static void
fill_segment (const Run     *run,
              guint64        n_customers,
              const guint32 *segment_of,
              guint32        segment,
              WmFunnelStep  *steps,
              gint64        *scratch)
{
  guint n = run->query->n_steps;
  guint64 reached[WM_FUNNEL_MAX_STEPS + 1] = { 0 };
  guint64 in_progress[WM_FUNNEL_MAX_STEPS + 1] = { 0 };
  double medians[WM_FUNNEL_MAX_STEPS] = { 0 };
  gsize m[WM_FUNNEL_MAX_STEPS] = { 0 };
  gint64 *values[WM_FUNNEL_MAX_STEPS];

  /* scratch holds n_customers values per step. */
  for (guint k = 1; k < n; k++)
    values[k] = scratch + (k - 1) * n_customers;

  for (guint64 c = 0; c < n_customers; c++)
    {
      const Record *record = &run->records[c];

      if (record->reached == 0 || segment_of[record->value] != segment)
        continue;
      reached[record->reached]++;
      in_progress[record->reached] += record->in_progress;
      for (guint k = 1; k < record->reached; k++)
        values[k][m[k]++] = run->durations[c * (n - 1) + k - 1];
    }

  for (guint k = 1; k < n; k++)
    medians[k] = median_ms (values[k], m[k]);

  fill_steps (run->query, reached, in_progress, medians, steps);
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
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (WmRanked));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint other = G_MAXUINT32;
  gboolean has_other = FALSE;

  for (guint64 c = 0; c < n_customers; c++)
    if (run->records[c].reached > 0)
      entered[run->records[c].value]++;

  for (guint v = 1; v < n_values; v++)
    if (entered[v] > 0)
      {
        WmRanked r = { v, entered[v], breakdown->names->pdata[v] };
        g_array_append_val (ranked, r);
      }
  g_array_sort (ranked, wm_ranked_compare);

  for (guint i = 0; i < ranked->len; i++)
    {
      const WmRanked *r = &g_array_index (ranked, WmRanked, i);

      if (i < top)
        {
          segment_of[r->id] = names->len;
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
          segment_of[r->id] = other;
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
      fill_segment (run, n_customers, segment_of, s, result->segments[s].steps, scratch);
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
  g_autofree gint64 *step_durations = NULL;
  WmBreakdown breakdown = { 0 };
  guint64 n_customers;
  Run run = { 0 };
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
  step_durations = g_new (gint64, MAX (n_customers * (query->n_steps - 1), 1));
  for (guint k = 1; k < query->n_steps; k++)
    run.step_durations[k] = step_durations + (k - 1) * n_customers;

  if (query->breakdown_by != NULL)
    {
      wm_breakdown_init (&breakdown, journeys, query->breakdown_by);
      records = g_new (Record, MAX (n_customers, 1));
      durations = g_new (gint64, MAX (n_customers * (query->n_steps - 1), 1));
      run.breakdown = &breakdown;
      run.records = records;
      run.durations = durations;
    }

  run.query = query;
  run.columns = &journeys->columns;
  run.masks = masks;
  run.window_ms = query->window_s * 1000;
  run.last_ts = journeys->last_ts;

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

  fill_total (&run, WM_JOURNEYS_MAX_PARTS, result->steps);
  if (query->breakdown_by != NULL)
    {
      /* The total is done with the step durations: reuse them as scratch. */
      fill_segments (&run, n_customers, &breakdown, result, step_durations);
      wm_breakdown_clear (&breakdown);
    }
  else
    result->segments = g_new0 (WmFunnelSegment, 1);

  return g_steal_pointer (&result);
}
