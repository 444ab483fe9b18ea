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

typedef struct
{
  guint32     tp;
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

/* Keeps the @limit touchpoints with the most customers in step->counts,
 * and clears the counts. */
static void
choose_slots (Step  *step,
              guint  limit)
{
  WmJourneys *journeys = step->journeys;
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));

  for (guint32 tp = 1; tp < journeys->n_touchpoint_ids; tp++)
    {
      step->slot_of_tp[tp] = NO_SLOT;
      if (step->counts[tp] > 0)
        {
          Ranked r = { tp, step->counts[tp], journeys->touchpoint_names[tp] };
          g_array_append_val (ranked, r);
          step->counts[tp] = 0;
        }
    }
  g_array_sort (ranked, compare_ranked);

  step->top = MIN (limit, ranked->len);
  for (guint i = 0; i < step->top; i++)
    {
      step->slot_tp[i] = g_array_index (ranked, Ranked, i).tp;
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
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));

  for (guint s = 0; s < step->n_slots; s++)
    step->node_of_slot[s] = NO_SLOT;

  /* Ranked.tp holds the slot here. */
  for (guint i = 0; i < step->top; i++)
    if (step->slot_customers[i] > 0)
      {
        Ranked r = { i, step->slot_customers[i], journeys->touchpoint_names[step->slot_tp[i]] };
        g_array_append_val (ranked, r);
      }
  g_array_sort (ranked, compare_ranked);

  for (guint i = 0; i < ranked->len; i++)
    {
      guint slot = g_array_index (ranked, Ranked, i).tp;

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

typedef struct
{
  guint32 event;    /* current event of the path */
  guint32 start;
  guint32 end;      /* the customer's events end here */
  guint32 slot;     /* slot at the current step */
} Path;

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
  g_autofree guint *node_of_slot = NULL;
  g_autofree guint *previous_nodes = NULL;
  g_autofree guint64 *link_counts = NULL;
  g_autofree guint32 *candidates = NULL;
  g_autoptr(GArray) nodes = NULL;
  g_autoptr(GArray) links = NULL;
  WmFlowGraph *graph;
  Step step;
  guint32 from = 0;
  guint64 n_paths = 0;
  guint64 start_customers;
  gint64 window_ms;
  double threshold;
  guint n_slots;
  guint previous_slots = 0;

  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (journeys != NULL, NULL);

  if (!check_query (query, error))
    return NULL;
  if (query->from != NULL && !wm_journeys_lookup_touchpoint (journeys, query->from, &from, error))
    return NULL;

  columns = &journeys->columns;
  window_ms = query->window_s * 1000;
  n_slots = query->top + 2;

  paths = g_new (Path, MAX (columns->n_customers, 1));
  for (guint64 c = 0; c < columns->n_customers; c++)
    {
      guint32 end = columns->offsets[c + 1];

      for (guint32 e = columns->offsets[c]; e < end; e++)
        if (query->from == NULL || columns->touchpoint[e] == from)
          {
            paths[n_paths++] = (Path) { e, e, end, 0 };
            break;
          }
    }
  start_customers = n_paths;
  threshold = query->min_share * (double) start_customers;

  if (progress != NULL)
    progress (1.0 / (query->depth + 2), user_data);

  slot_tp = g_new0 (guint32, n_slots);
  slot_of_tp = g_new0 (guint32, MAX (journeys->n_touchpoint_ids, 1));
  counts = g_new0 (guint64, MAX (journeys->n_touchpoint_ids, 1));
  slot_customers = g_new0 (guint64, n_slots);
  slot_channels = g_new0 (guint64, n_slots * MAX (journeys->n_channel_ids, 1));
  node_of_slot = g_new0 (guint, n_slots);
  previous_nodes = g_new0 (guint, n_slots);
  link_counts = g_new0 (guint64, n_slots * n_slots);
  candidates = g_new (guint32, MAX (n_paths, 1));
  nodes = g_array_new (FALSE, TRUE, sizeof (WmFlowNode));
  links = g_array_new (FALSE, TRUE, sizeof (WmFlowLink));

  step = (Step) { journeys, 0, n_slots, slot_tp, slot_of_tp, counts, slot_customers,
                  slot_channels, node_of_slot, nodes, links };

  for (guint column = 0; column <= query->depth; column++)
    {
      guint64 kept = 0;

      if (wm_journeys_check_cancelled (cancellable, error))
        {
          for (guint i = 0; i < nodes->len; i++)
            {
              WmFlowNode *node = &g_array_index (nodes, WmFlowNode, i);
              g_free (node->id);
              g_free (node->touchpoint);
              g_free (node->channel);
            }
          return NULL;
        }

      /* Where each path goes at this step: an event, or Exit. */
      for (guint64 i = 0; i < n_paths; i++)
        {
          Path *path = &paths[i];
          guint32 next = column == 0 ? path->event : path->event + 1;

          if (next < path->end && columns->ts[next] - columns->ts[path->start] <= window_ms)
            {
              candidates[i] = next;
              counts[columns->touchpoint[next]]++;
            }
          else
            candidates[i] = G_MAXUINT32;
        }
      choose_slots (&step, query->top);

      /* Candidate slots, and the links they make. */
      memset (link_counts, 0, sizeof (guint64) * n_slots * n_slots);
      for (guint64 i = 0; i < n_paths; i++)
        {
          guint32 slot;

          if (candidates[i] == G_MAXUINT32)
            slot = step.top + 1;
          else
            {
              slot = slot_of_tp[columns->touchpoint[candidates[i]]];
              if (slot == NO_SLOT)
                slot = step.top;
            }
          if (column > 0)
            link_counts[paths[i].slot * n_slots + slot]++;
          paths[i].slot = (paths[i].slot << 16) | slot;   /* previous | candidate */
        }

      memset (slot_customers, 0, sizeof (guint64) * n_slots);
      memset (slot_channels, 0, sizeof (guint64) * n_slots * MAX (journeys->n_channel_ids, 1));
      {
        g_autofree guint64 *final_links = g_new0 (guint64, n_slots * n_slots);

        for (guint64 i = 0; i < n_paths; i++)
          {
            guint32 previous = paths[i].slot >> 16;
            guint32 slot = paths[i].slot & 0xffff;

            if (column > 0 && slot < step.top &&
                (double) link_counts[previous * n_slots + slot] < threshold)
              slot = step.top;
            if (column > 0)
              final_links[previous * n_slots + slot]++;
            slot_customers[slot]++;
            if (candidates[i] != G_MAXUINT32)
              slot_channels[slot * MAX (journeys->n_channel_ids, 1) + columns->channel[candidates[i]]]++;
            paths[i].slot = slot;
          }

        add_nodes (&step, column);

        if (column > 0)
          {
            guint first_link = links->len;

            for (guint p = 0; p < previous_slots; p++)
              for (guint s = 0; s < n_slots; s++)
                if (final_links[p * n_slots + s] > 0)
                  {
                    WmFlowLink link = { previous_nodes[p], node_of_slot[s], final_links[p * n_slots + s] };
                    g_array_append_val (links, link);
                  }
            /* Links in node order: by source, then target. */
            qsort (&g_array_index (links, WmFlowLink, first_link), links->len - first_link,
                   sizeof (WmFlowLink), compare_links);
          }
      }

      /* Paths that exit end here. */
      for (guint64 i = 0; i < n_paths; i++)
        if (candidates[i] != G_MAXUINT32)
          {
            paths[kept] = paths[i];
            paths[kept].event = candidates[i];
            kept++;
          }
      n_paths = kept;
      memcpy (previous_nodes, node_of_slot, sizeof (guint) * n_slots);
      previous_slots = n_slots;

      if (progress != NULL)
        progress ((double) (column + 2) / (query->depth + 2), user_data);
    }

  graph = g_new0 (WmFlowGraph, 1);
  graph->n_nodes = nodes->len;
  graph->n_links = links->len;
  graph->start_customers = start_customers;
  graph->n_steps = query->depth + 1;
  graph->nodes = (WmFlowNode *) (gpointer) g_array_free (g_steal_pointer (&nodes), FALSE);
  graph->links = (WmFlowLink *) (gpointer) g_array_free (g_steal_pointer (&links), FALSE);

  return graph;
}
