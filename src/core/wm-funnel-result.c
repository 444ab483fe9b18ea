/* wm-funnel-result.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-funnel-result.h"

G_DEFINE_BOXED_TYPE (WmFunnelResult, wm_funnel_result, wm_funnel_result_copy, wm_funnel_result_free)

static void
copy_steps (WmFunnelStep       *to,
            const WmFunnelStep *from,
            guint               n_steps)
{
  for (guint i = 0; i < n_steps; i++)
    {
      to[i] = from[i];
      to[i].touchpoints = g_strdupv (from[i].touchpoints);
    }
}

static void
free_steps (WmFunnelStep *steps,
            guint         n_steps)
{
  if (steps == NULL)
    return;
  for (guint i = 0; i < n_steps; i++)
    g_strfreev (steps[i].touchpoints);
  g_free (steps);
}

WmFunnelResult *
wm_funnel_result_copy (const WmFunnelResult *result)
{
  WmFunnelResult *copy = g_new0 (WmFunnelResult, 1);

  *copy = *result;
  copy->steps = g_new0 (WmFunnelStep, MAX (result->n_steps, 1));
  copy_steps (copy->steps, result->steps, result->n_steps);
  copy->breakdown_by = g_strdup (result->breakdown_by);
  copy->segments = g_new0 (WmFunnelSegment, MAX (result->n_segments, 1));
  for (guint s = 0; s < result->n_segments; s++)
    {
      copy->segments[s].value = g_strdup (result->segments[s].value);
      copy->segments[s].steps = g_new0 (WmFunnelStep, MAX (result->n_steps, 1));
      copy_steps (copy->segments[s].steps, result->segments[s].steps, result->n_steps);
    }

  return copy;
}

void
wm_funnel_result_free (WmFunnelResult *result)
{
  if (result == NULL)
    return;

  free_steps (result->steps, result->n_steps);
  for (guint s = 0; s < result->n_segments; s++)
    {
      g_free (result->segments[s].value);
      free_steps (result->segments[s].steps, result->n_steps);
    }
  g_free (result->segments);
  g_free (result->breakdown_by);
  g_free (result);
}

int
wm_funnel_result_biggest_drop (const WmFunnelResult *result)
{
  int best = -1;
  guint64 most = 0;

  for (guint k = 1; k < result->n_steps; k++)
    if (result->steps[k].dropped > most)
      {
        most = result->steps[k].dropped;
        best = (int) k;
      }

  return best;
}
