/* wm-funnel-match.c: how far one customer gets through a funnel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wm-funnel-match.h"

/* First event of the customer at time @t or later. */
static guint32
first_at (const gint64 *ts,
          guint32       first,
          guint32       at,
          gint64        t)
{
  while (at > first && ts[at - 1] >= t)
    at--;
  return at;
}

static void
attempt_ordered (const WmJourneyColumns *columns,
                 guint32                 first,
                 guint32                 end,
                 guint32                 entry,
                 const guint32          *masks,
                 guint                   n_steps,
                 gint64                  window_ms,
                 WmFunnelMatch          *attempt)
{
  const gint64 *ts = columns->ts;
  const guint32 *tp = columns->touchpoint;
  gint64 limit = ts[entry] + window_ms;
  guint32 used[WM_FUNNEL_MAX_STEPS];
  guint32 from = first_at (ts, first, entry, ts[entry]);

  attempt->entry = entry;
  attempt->reached = 1;
  attempt->times[0] = ts[entry];
  used[0] = entry;

  for (guint k = 1; k < n_steps; k++)
    {
      guint32 bit = 1u << k;
      guint32 found = G_MAXUINT32;

      for (guint32 j = from; j < end && ts[j] <= limit && found == G_MAXUINT32; j++)
        if (masks[tp[j]] & bit)
          {
            gboolean taken = FALSE;

            for (guint u = 0; u < k && !taken; u++)
              taken = used[u] == j;
            if (!taken)
              found = j;
          }

      if (found == G_MAXUINT32)
        return;

      used[k] = found;
      attempt->times[k] = ts[found];
      attempt->reached = k + 1;
      from = first_at (ts, first, found, ts[found]);
    }
}

static void
attempt_strict (const WmJourneyColumns *columns,
                guint32                 end,
                guint32                 entry,
                const guint32          *masks,
                guint                   n_steps,
                gint64                  window_ms,
                WmFunnelMatch          *attempt)
{
  const gint64 *ts = columns->ts;
  gint64 limit = ts[entry] + window_ms;

  attempt->entry = entry;
  attempt->reached = 1;
  attempt->times[0] = ts[entry];

  for (guint k = 1; k < n_steps; k++)
    {
      guint32 j = entry + k;

      if (j >= end || ts[j] > limit || !(masks[columns->touchpoint[j]] & (1u << k)))
        return;
      attempt->times[k] = ts[j];
      attempt->reached = k + 1;
    }
}

static void
attempt_unordered (const WmJourneyColumns *columns,
                   guint32                 first,
                   guint32                 end,
                   guint32                 entry,
                   const guint32          *masks,
                   guint                   n_steps,
                   gint64                  window_ms,
                   WmFunnelMatch          *attempt)
{
  const gint64 *ts = columns->ts;
  gint64 limit = ts[entry] + window_ms;
  guint32 done = 0;
  guint n_done = 0;

  attempt->entry = entry;
  /* In time order, each newly done step's time is the next smallest. */
  for (guint32 j = first_at (ts, first, entry, ts[entry]); j < end && ts[j] <= limit; j++)
    {
      guint32 fresh = masks[columns->touchpoint[j]] & ~done;

      done |= fresh;
      for (; fresh != 0; fresh &= fresh - 1)
        attempt->times[n_done++] = ts[j];
    }
  attempt->reached = MIN (n_done, n_steps);
}

void
wm_funnel_match_customer (const WmJourneyColumns *columns,
                          guint64                 customer,
                          const guint32          *masks,
                          guint                   n_steps,
                          WmFunnelOrder           order,
                          gint64                  window_ms,
                          WmFunnelMatch          *match)
{
  guint32 first = columns->offsets[customer];
  guint32 end = columns->offsets[customer + 1];
  guint32 entry_mask = order == WM_FUNNEL_UNORDERED ? G_MAXUINT32 : 1u;
  /* Two attempts in turn: the best so far and the one being tried, so
   * that no attempt is copied. */
  WmFunnelMatch attempts[2];
  int best = -1;
  int trying = 0;

  for (guint32 i = first; i < end; i++)
    {
      WmFunnelMatch *attempt = &attempts[trying];

      if (!(masks[columns->touchpoint[i]] & entry_mask))
        continue;

      switch (order)
        {
        case WM_FUNNEL_STRICT:
          attempt_strict (columns, end, i, masks, n_steps, window_ms, attempt);
          break;
        case WM_FUNNEL_UNORDERED:
          attempt_unordered (columns, first, end, i, masks, n_steps, window_ms, attempt);
          break;
        case WM_FUNNEL_ORDERED:
        default:
          attempt_ordered (columns, first, end, i, masks, n_steps, window_ms, attempt);
          break;
        }

      if (best < 0 || attempt->reached >= attempts[best].reached)
        {
          best = trying;
          trying ^= 1;
        }
    }

  match->reached = 0;
  if (best >= 0 && attempts[best].reached > 0)
    {
      match->reached = attempts[best].reached;
      match->entry = attempts[best].entry;
      memcpy (match->times, attempts[best].times, attempts[best].reached * sizeof (gint64));
    }
}
