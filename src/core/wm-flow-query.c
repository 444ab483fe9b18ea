/* wm-flow-query.c: step-indexed flows (the Sankey's data) over the journeys
 *
 * Paths: a customer's path starts at the first event of the start
 * touchpoint (or at the customer's first event without one); step j of
 * the path is the j-th event after it, for j = 1 … depth, as long as that
 * event exists and lies within the window of the start event (inclusive).
 * At the first step j where it does not, the customer goes to the "j:Exit"
 * node and the path ends; paths that reach step depth end there.
 *
 * Nodes: per step, the top N touchpoints by customers at that step, the
 * rest grouped as "j:Other" (at step 0 with a start touchpoint there is
 * one node).  A link from a node to a touchpoint node carrying fewer than
 * min_share × start customers is folded into the step's Other node before
 * anything further is counted, so every customer still follows one path.
 * Exit links are never folded.
 *
 * Hence flow is conserved exactly: a node's customers are the sum of its
 * incoming links (after step 0), and for every node before the last step,
 * the sum of its outgoing links (Exit included).  Within a step, nodes
 * come by customers (then name), then Other, then Exit; a node's channel
 * is the channel most of its customers' events at that step carry (ties:
 * the channel added first), NULL for Exit or when none carries one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "wm-error.h"
#include "wm-journeys-private.h"

#define MAX_DEPTH 50
#define MAX_TOP 100
#define NO_SLOT G_MAXUINT32

WmFlowQuery *
wm_flow_query_new (void)
{
  WmFlowQuery *query = g_new0 (WmFlowQuery, 1);

  query->depth = 5;
  query->top = 8;
  query->min_share = 0.01;
  query->window_s = 14 * 24 * 3600;

  return query;
}

void
wm_flow_query_free (WmFlowQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->from);
  g_free (query);
}

typedef struct
{
  WmJourneys  *journeys;
  guint        top;
  guint        n_slots;        /* top touchpoints, then Other, then Exit */
  guint32     *slot_tp;        /* touchpoint per touchpoint slot */
  guint32     *slot_of_tp;     /* by touchpoint id; NO_SLOT when not kept */
  guint64     *counts;         /* by touchpoint id */
  guint64     *slot_customers;
  guint64     *slot_channels;  /* n_slots × n_channel_ids */
  guint       *node_of_slot;   /* index in the graph's nodes, per slot */
  GArray      *nodes;
  GArray      *links;
} Step;

/* Keeps the @limit touchpoints with the most customers in step->counts,
 * and clears the counts. */
static void
choose_slots (Step  *step,
              guint  limit)
{
  WmJourneys *journeys = step->journeys;
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (WmRanked));

  for (guint32 tp = 1; tp < journeys->n_touchpoint_ids; tp++)
    {
      step->slot_of_tp[tp] = NO_SLOT;
      if (step->counts[tp] > 0)
        {
          WmRanked r = { tp, step->counts[tp], journeys->touchpoint_names[tp] };
          g_array_append_val (ranked, r);
          step->counts[tp] = 0;
        }
    }
  g_array_sort (ranked, wm_ranked_compare);

  step->top = MIN (limit, ranked->len);
  for (guint i = 0; i < step->top; i++)
    {
      step->slot_tp[i] = g_array_index (ranked, WmRanked, i).id;
      step->slot_of_tp[step->slot_tp[i]] = i;
    }
}

static char *
majority_channel (const Step *step,
                  guint       slot)
{
  const guint64 *counts = &step->slot_channels[slot * step->journeys->n_channel_ids];
  guint best = 0;

  for (guint ch = 1; ch < step->journeys->n_channel_ids; ch++)
    if (counts[ch] > counts[best] || (best == 0 && counts[ch] > 0))
      best = ch;

  return best > 0 ? g_strdup (step->journeys->channel_names[best]) : NULL;
}

static void
add_node (Step           *step,
          guint           slot,
          guint           column,
          WmFlowNodeKind  kind,
          const char     *label)
{
  WmFlowNode node = { 0 };

  node.touchpoint = g_strdup (label);
  node.id = g_strdup_printf ("%u:%s", column, label);
  node.channel = kind == WM_FLOW_NODE_EXIT ? NULL : majority_channel (step, slot);
  node.step = column;
  node.kind = kind;
  node.customers = step->slot_customers[slot];
  step->node_of_slot[slot] = step->nodes->len;
  g_array_append_val (step->nodes, node);
}

/* Adds the step's nodes in their order: touchpoints by customers (the top
 * slots may have lost customers to folding), Other, Exit. */
static void
add_nodes (Step  *step,
           guint  column)
{
  WmJourneys *journeys = step->journeys;
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (WmRanked));

  for (guint s = 0; s < step->n_slots; s++)
    step->node_of_slot[s] = NO_SLOT;

  /* WmRanked.id holds the slot here. */
  for (guint i = 0; i < step->top; i++)
    if (step->slot_customers[i] > 0)
      {
        WmRanked r = { i, step->slot_customers[i], journeys->touchpoint_names[step->slot_tp[i]] };
        g_array_append_val (ranked, r);
      }
  g_array_sort (ranked, wm_ranked_compare);

  for (guint i = 0; i < ranked->len; i++)
    {
      guint slot = g_array_index (ranked, WmRanked, i).id;

      add_node (step, slot, column, WM_FLOW_NODE_TOUCHPOINT,
                journeys->touchpoint_names[step->slot_tp[slot]]);
    }
  if (step->slot_customers[step->top] > 0)
    add_node (step, step->top, column, WM_FLOW_NODE_OTHER, "Other");
  if (step->slot_customers[step->top + 1] > 0)
    add_node (step, step->top + 1, column, WM_FLOW_NODE_EXIT, "Exit");
}

static int
compare_links (const void *a,
               const void *b)
{
  const WmFlowLink *x = a;
  const WmFlowLink *y = b;

  if (x->source != y->source)
    return x->source < y->source ? -1 : 1;
  return (x->target > y->target) - (x->target < y->target);
}

static gboolean
check_query (const WmFlowQuery  *query,
             GError            **error)
{
  if (query->depth < 1 || query->depth > MAX_DEPTH)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                   _("The depth of a flow is 1 to %d steps"), MAX_DEPTH);
      return FALSE;
    }
  if (query->top < 1 || query->top > MAX_TOP)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                   _("A flow keeps 1 to %d touchpoints per step"), MAX_TOP);
      return FALSE;
    }
  if (!(query->min_share >= 0.0 && query->min_share <= 1.0))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                   _("The minimum share must lie between 0 and 1"));
      return FALSE;
    }
  if (query->window_s < 0 || query->window_s > G_MAXINT64 / 4000)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                   _("The window cannot be negative"));
      return FALSE;
    }
  return TRUE;
}

#define DEAD G_MAXUINT32

/* A customer's path: @event is its event at the current step, which it
 * has only if event < stop (else it exits here); DEAD once it exited, or
 * for customers without a start. */
typedef struct
{
  guint32 event;
  guint32 stop;     /* first event past the window, the depth or the customer's events */
  guint32 slot;     /* slot at the current step (previous << 16 | candidate while choosing) */
} Path;

/* What one thread counts in one step. */
typedef struct
{
  guint64 *counts;          /* by touchpoint id, of the next step's events */
  guint64 *links;           /* n_slots × n_slots, before folding */
  guint64 *final_links;     /* after folding */
  guint64 *slot_customers;
  guint64 *slot_channels;   /* n_slots × n_channel_ids */
  guint64  n_paths;         /* customers with a start */
} Tally;

typedef struct
{
  const WmJourneyColumns *columns;
  Path                   *paths;        /* per customer */
  guint32                 from;         /* 0: the first event */
  guint                   depth;
  gint64                  window_ms;
  guint                   column;
  guint                   n_slots;
  guint                   n_channels;
  guint                   top;          /* touchpoint slots this step */
  const guint32          *slot_of_tp;
  double                  threshold;
  Tally                   tallies[WM_JOURNEYS_MAX_PARTS];
  guint64                *links;        /* summed Tally.links */
} Flow;

/* Each customer's start, where the path must stop, and the start counts. */
static void
start_range (guint64  first,
             guint64  last,
             guint    part,
             gpointer data)
{
  Flow *flow = data;
  const WmJourneyColumns *columns = flow->columns;
  Tally *tally = &flow->tallies[part];

  for (guint64 c = first; c < last; c++)
    {
      guint32 end = columns->offsets[c + 1];
      guint32 start = DEAD;
      guint32 stop;
      Path *path = &flow->paths[c];

      for (guint32 e = columns->offsets[c]; e < end; e++)
        if (flow->from == 0 || columns->touchpoint[e] == flow->from)
          {
            start = e;
            break;
          }

      path->event = start;
      path->slot = 0;
      if (start == DEAD)
        continue;

      /* Steps 0 … depth at most, within the window of the start. */
      end = MIN ((guint64) end, (guint64) start + flow->depth + 1);
      for (stop = start + 1; stop < end && columns->ts[stop] - columns->ts[start] <= flow->window_ms; stop++)
        ;
      path->stop = stop;
      tally->counts[columns->touchpoint[start]]++;
      tally->n_paths++;
    }
}

/* The slot each path would take, and the links that makes. */
static void
candidate_range (guint64  first,
                 guint64  last,
                 guint    part,
                 gpointer data)
{
  Flow *flow = data;
  guint64 *links = flow->tallies[part].links;

  for (guint64 i = first; i < last; i++)
    {
      Path *path = &flow->paths[i];
      guint32 slot;

      if (path->event == DEAD)
        continue;
      if (path->event >= path->stop)
        slot = flow->top + 1;
      else
        {
          slot = flow->slot_of_tp[flow->columns->touchpoint[path->event]];
          if (slot == NO_SLOT)
            slot = flow->top;
        }
      links[path->slot * flow->n_slots + slot]++;
      path->slot = (path->slot << 16) | slot;
    }
}

/* Folds thin links into Other, counts nodes, channels and links, moves
 * the paths on and counts what they reach next. */
static void
settle_range (guint64  first,
              guint64  last,
              guint    part,
              gpointer data)
{
  Flow *flow = data;
  const WmJourneyColumns *columns = flow->columns;
  Tally *tally = &flow->tallies[part];
  guint n_slots = flow->n_slots;

  for (guint64 i = first; i < last; i++)
    {
      Path *path = &flow->paths[i];
      guint32 previous, slot;

      if (path->event == DEAD)
        continue;
      previous = path->slot >> 16;
      slot = path->slot & 0xffff;

      if (flow->column > 0 && slot < flow->top &&
          (double) flow->links[previous * n_slots + slot] < flow->threshold)
        slot = flow->top;
      tally->final_links[previous * n_slots + slot]++;
      tally->slot_customers[slot]++;
      path->slot = slot;

      if (path->event >= path->stop)
        {
          path->event = DEAD;
          continue;
        }
      tally->slot_channels[slot * flow->n_channels + wm_ids_get (&columns->channel, path->event)]++;
      if (++path->event < path->stop)
        tally->counts[columns->touchpoint[path->event]]++;
    }
}

static void
add_into (guint64       *sum,
          const guint64 *part,
          gsize          n)
{
  for (gsize i = 0; i < n; i++)
    sum[i] += part[i];
}

static void
free_nodes (GArray *nodes)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      WmFlowNode *node = &g_array_index (nodes, WmFlowNode, i);

      g_free (node->id);
      g_free (node->touchpoint);
      g_free (node->channel);
    }
}

WmFlowGraph *
wm_flow_query_run (const WmFlowQuery   *query,
                   WmJourneys          *journeys,
                   WmAnalysisProgress   progress,
                   gpointer             user_data,
                   GCancellable        *cancellable,
                   GError             **error)
{
  const WmJourneyColumns *columns;
  g_autofree Path *paths = NULL;
  g_autofree guint32 *slot_tp = NULL;
  g_autofree guint32 *slot_of_tp = NULL;
  g_autofree guint64 *counts = NULL;
  g_autofree guint64 *slot_customers = NULL;
  g_autofree guint64 *slot_channels = NULL;
  g_autofree guint64 *links = NULL;
  g_autofree guint64 *final_links = NULL;
  g_autofree guint *node_of_slot = NULL;
  g_autofree guint *previous_nodes = NULL;
  g_autofree guint64 *tally_memory = NULL;
  g_autoptr(GArray) nodes = NULL;
  g_autoptr(GArray) the_links = NULL;
  WmFlowGraph *graph;
  Flow flow = { 0 };
  Step step;
  guint32 from = 0;
  guint64 n_paths = 0;
  guint64 n_customers;
  guint n_slots, n_channels, n_tps;
  gsize tally_size;

  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (journeys != NULL, NULL);

  if (!check_query (query, error))
    return NULL;
  if (query->from != NULL && !wm_journeys_lookup_touchpoint (journeys, query->from, &from, error))
    return NULL;

  columns = &journeys->columns;
  n_customers = columns->n_customers;
  n_slots = query->top + 2;
  n_channels = MAX (journeys->n_channel_ids, 1);
  n_tps = MAX (journeys->n_touchpoint_ids, 1);

  paths = g_new (Path, MAX (columns->n_customers, 1));

  if (progress != NULL)
    progress (1.0 / (query->depth + 2), user_data);

  slot_tp = g_new0 (guint32, n_slots);
  slot_of_tp = g_new0 (guint32, n_tps);
  counts = g_new0 (guint64, n_tps);
  slot_customers = g_new0 (guint64, n_slots);
  slot_channels = g_new0 (guint64, n_slots * n_channels);
  links = g_new0 (guint64, n_slots * n_slots);
  final_links = g_new0 (guint64, n_slots * n_slots);
  node_of_slot = g_new0 (guint, n_slots);
  previous_nodes = g_new0 (guint, n_slots);
  nodes = g_array_new (FALSE, TRUE, sizeof (WmFlowNode));
  the_links = g_array_new (FALSE, TRUE, sizeof (WmFlowLink));

  /* Each thread's tally: counts, links, final links, slots, channels. */
  tally_size = n_tps + 2 * n_slots * n_slots + n_slots + n_slots * n_channels;
  tally_memory = g_new0 (guint64, tally_size * WM_JOURNEYS_MAX_PARTS);
  for (guint p = 0; p < WM_JOURNEYS_MAX_PARTS; p++)
    {
      guint64 *at = tally_memory + p * tally_size;

      flow.tallies[p] = (Tally) { at, at + n_tps, at + n_tps + n_slots * n_slots,
                                  at + n_tps + 2 * n_slots * n_slots,
                                  at + n_tps + 2 * n_slots * n_slots + n_slots };
    }
  flow.columns = columns;
  flow.paths = paths;
  flow.from = from;
  flow.depth = query->depth;
  flow.window_ms = query->window_s * 1000;
  flow.n_slots = n_slots;
  flow.n_channels = n_channels;
  flow.slot_of_tp = slot_of_tp;
  flow.links = links;

  wm_parallel_halves (n_customers, start_range, &flow);
  for (guint p = 0; p < WM_JOURNEYS_MAX_PARTS; p++)
    n_paths += flow.tallies[p].n_paths;
  flow.threshold = query->min_share * (double) n_paths;

  step = (Step) { journeys, 0, n_slots, slot_tp, slot_of_tp, counts, slot_customers,
                  slot_channels, node_of_slot, nodes, the_links };

  for (guint column = 0; column <= query->depth; column++)
    {
      guint first_link = the_links->len;

      if (wm_journeys_check_cancelled (cancellable, error))
        {
          free_nodes (nodes);
          return NULL;
        }

      flow.column = column;

      /* The counts of this step's events came with the previous pass. */
      for (guint p = 0; p < WM_JOURNEYS_MAX_PARTS; p++)
        add_into (counts, flow.tallies[p].counts, n_tps);
      choose_slots (&step, query->top);
      flow.top = step.top;
      memset (tally_memory, 0, sizeof (guint64) * tally_size * WM_JOURNEYS_MAX_PARTS);

      memset (links, 0, sizeof (guint64) * n_slots * n_slots);
      wm_parallel_halves (n_customers, candidate_range, &flow);
      for (guint p = 0; p < WM_JOURNEYS_MAX_PARTS; p++)
        add_into (links, flow.tallies[p].links, n_slots * n_slots);

      memset (slot_customers, 0, sizeof (guint64) * n_slots);
      memset (slot_channels, 0, sizeof (guint64) * n_slots * n_channels);
      memset (final_links, 0, sizeof (guint64) * n_slots * n_slots);
      wm_parallel_halves (n_customers, settle_range, &flow);
      for (guint p = 0; p < WM_JOURNEYS_MAX_PARTS; p++)
        {
          add_into (slot_customers, flow.tallies[p].slot_customers, n_slots);
          add_into (slot_channels, flow.tallies[p].slot_channels, n_slots * n_channels);
          add_into (final_links, flow.tallies[p].final_links, n_slots * n_slots);
        }

      add_nodes (&step, column);

      if (column > 0)
        {
          for (guint p = 0; p < n_slots; p++)
            for (guint s = 0; s < n_slots; s++)
              if (final_links[p * n_slots + s] > 0)
                {
                  WmFlowLink link = { previous_nodes[p], node_of_slot[s], final_links[p * n_slots + s] };
                  g_array_append_val (the_links, link);
                }
          /* Links in node order: by source, then target. */
          qsort (&g_array_index (the_links, WmFlowLink, first_link), the_links->len - first_link,
                 sizeof (WmFlowLink), compare_links);
        }
      memcpy (previous_nodes, node_of_slot, sizeof (guint) * n_slots);

      if (progress != NULL)
        progress ((double) (column + 2) / (query->depth + 2), user_data);
    }

  graph = g_new0 (WmFlowGraph, 1);
  graph->n_nodes = nodes->len;
  graph->n_links = the_links->len;
  graph->start_customers = n_paths;
  graph->n_steps = query->depth + 1;
  graph->nodes = (WmFlowNode *) (gpointer) g_array_free (g_steal_pointer (&nodes), FALSE);
  graph->links = (WmFlowLink *) (gpointer) g_array_free (g_steal_pointer (&the_links), FALSE);

  return graph;
}
