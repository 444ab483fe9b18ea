/* wm-journeys-parallel.c: runs a query's per-customer work on two threads
 *
 * The customers are cut into two halves; the calling thread does the
 * first (and reports progress), a second thread the other.  Each half
 * goes block by block so that cancellation stops both quickly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-error.h"
#include "wm-journeys-private.h"

static guint64 block = 65536;

guint64
wm_journeys_get_block (void)
{
  return block;
}

void
wm_journeys_set_block_for_testing (guint64 size)
{
  block = MAX (size, 1);
}

typedef struct
{
  WmJourneysRangeFunc  func;
  gpointer             data;
  GCancellable        *cancellable;
  guint64              first;
  guint64              last;
  guint                part;
  gint                 blocks_done;   /* atomic */
} Part;

static gboolean
run_block (Part    *part,
           guint64  start)
{
  if (g_cancellable_is_cancelled (part->cancellable))
    return FALSE;

  part->func (start, MIN (start + wm_journeys_get_block (), part->last), part->part, part->data);
  g_atomic_int_inc (&part->blocks_done);
  return TRUE;
}

static gpointer
run_part (gpointer data)
{
  Part *part = data;

  for (guint64 start = part->first; start < part->last; start += wm_journeys_get_block ())
    if (!run_block (part, start))
      break;

  return NULL;
}

gboolean
wm_journeys_check_cancelled (GCancellable  *cancellable,
                             GError       **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;

  g_set_error (error, WM_ERROR, WM_ERROR_CANCELLED, _("Cancelled"));
  return TRUE;
}

gboolean
wm_journeys_run_parallel (WmJourneys           *journeys,
                          WmJourneysRangeFunc   func,
                          gpointer              data,
                          WmAnalysisProgress    progress,
                          gpointer              user_data,
                          GCancellable         *cancellable,
                          GError              **error)
{
  guint64 n = journeys->columns.n_customers;
  guint n_parts = n >= 2 * block ? 2 : 1;
  guint64 total_blocks = 0;
  Part parts[WM_JOURNEYS_MAX_PARTS];
  GThread *helper = NULL;

  for (guint p = 0; p < n_parts; p++)
    {
      parts[p] = (Part) { func, data, cancellable, n * p / n_parts, n * (p + 1) / n_parts, p, 0 };
      total_blocks += (parts[p].last - parts[p].first + block - 1) / block;
    }

  if (n_parts > 1)
    helper = g_thread_new ("waymark-query", run_part, &parts[1]);

  for (guint64 start = parts[0].first; start < parts[0].last; start += block)
    {
      if (!run_block (&parts[0], start))
        break;
      if (progress != NULL)
        {
          guint64 done = 0;

          for (guint p = 0; p < n_parts; p++)
            done += g_atomic_int_get (&parts[p].blocks_done);
          progress ((double) done / (double) total_blocks, user_data);
        }
    }

  if (helper != NULL)
    g_thread_join (helper);

  if (wm_journeys_check_cancelled (cancellable, error))
    return FALSE;

  if (progress != NULL)
    progress (1.0, user_data);

  return TRUE;
}

typedef struct
{
  WmJourneysRangeFunc func;
  gpointer            data;
  guint64             first;
  guint64             last;
} Half;

static gpointer
run_half (gpointer data)
{
  Half *half = data;

  half->func (half->first, half->last, 1, half->data);
  return NULL;
}

void
wm_parallel_halves (guint64             n,
                    WmJourneysRangeFunc func,
                    gpointer            data)
{
  Half second = { func, data, n / 2, n };
  GThread *thread;

  if (n < 2 * block)
    {
      func (0, n, 0, data);
      return;
    }

  thread = g_thread_new ("waymark-query", run_half, &second);
  func (0, n / 2, 0, data);
  g_thread_join (thread);
}
