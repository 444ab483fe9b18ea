/* wm-reference-analysis.c: plain, slow analyses straight from the events
 * table, written from DESIGN.md and the definitions in wm-funnel-match.h,
 * wm-flow-query.c and wm-leakage.c, sharing no code with the engine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "wm-reference-analysis.h"

typedef struct
{
  gint64  customer;
  gint64  ts;
  char   *touchpoint;
  char   *channel;      /* NULL: none */
  char   *properties;   /* NULL: none */
  gint64  channel_id;
} Event;

static void
event_clear (gpointer data)
{
  Event *event = data;

  g_free (event->touchpoint);
  g_free (event->channel);
  g_free (event->properties);
}

/* Every event, by customer, then time, then stored order; one GArray of
 * Event per customer. */
static GPtrArray *
load_customers (WmProject *project,
                gint64    *last_ts)
{
  g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (project,
    "SELECT e.customer, e.ts, t.name, c.name, p.json, coalesce(e.channel, 0) FROM events e"
    " JOIN touchpoints t ON t.id = e.touchpoint"
    " LEFT JOIN channels c ON c.id = e.channel"
    " LEFT JOIN property_sets p ON p.id = e.property_set"
    " ORDER BY e.customer, e.ts, e.rowid", NULL);
  GPtrArray *customers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GArray *current = NULL;
  gint64 current_id = -1;

  *last_ts = 0;
  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Event event;

      event.customer = sqlite3_column_int64 (stmt, 0);
      event.ts = sqlite3_column_int64 (stmt, 1);
      event.touchpoint = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      event.channel = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      event.properties = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      event.channel_id = sqlite3_column_int64 (stmt, 5);
      if (event.customer != current_id)
        {
          current = g_array_new (FALSE, FALSE, sizeof (Event));
          g_array_set_clear_func (current, event_clear);
          g_ptr_array_add (customers, current);
          current_id = event.customer;
        }
      g_array_append_val (current, event);
      *last_ts = MAX (*last_ts, event.ts);
    }

  return customers;
}

static gboolean
in_step (const WmFunnelQuery *query,
         guint                k,
         const char          *touchpoint)
{
  return g_strv_contains ((const char * const *) query->steps[k], touchpoint);
}

typedef struct
{
  guint   reached;
  guint   entry;
  gint64  times[20];
} Attempt;

static Attempt
try_from (const WmFunnelQuery *query,
          GArray              *events,
          guint                entry)
{
  Attempt attempt = { 0 };
  gint64 window = query->window_s * 1000;
  gint64 t0 = g_array_index (events, Event, entry).ts;

  attempt.entry = entry;

  if (query->order == WM_FUNNEL_UNORDERED)
    {
      GArray *firsts = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint k = 0; k < query->n_steps; k++)
        for (guint j = 0; j < events->len; j++)
          {
            const Event *e = &g_array_index (events, Event, j);

            if (e->ts >= t0 && e->ts - t0 <= window && in_step (query, k, e->touchpoint))
              {
                g_array_append_val (firsts, e->ts);
                break;
              }
          }
      /* Sort by hand: few values. */
      for (guint a = 0; a < firsts->len; a++)
        for (guint b = a + 1; b < firsts->len; b++)
          if (g_array_index (firsts, gint64, b) < g_array_index (firsts, gint64, a))
            {
              gint64 t = g_array_index (firsts, gint64, a);
              g_array_index (firsts, gint64, a) = g_array_index (firsts, gint64, b);
              g_array_index (firsts, gint64, b) = t;
            }
      attempt.reached = firsts->len;
      for (guint k = 0; k < firsts->len; k++)
        attempt.times[k] = g_array_index (firsts, gint64, k);
      g_array_unref (firsts);
      return attempt;
    }

  attempt.reached = 1;
  attempt.times[0] = t0;

  if (query->order == WM_FUNNEL_STRICT)
    {
      for (guint k = 1; k < query->n_steps; k++)
        {
          const Event *e;

          if (entry + k >= events->len)
            break;
          e = &g_array_index (events, Event, entry + k);
          if (e->ts - t0 > window || !in_step (query, k, e->touchpoint))
            break;
          attempt.reached = k + 1;
          attempt.times[k] = e->ts;
        }
      return attempt;
    }

  {
    guint used[20];

    used[0] = entry;
    for (guint k = 1; k < query->n_steps; k++)
      {
        int found = -1;

        for (guint j = 0; j < events->len && found < 0; j++)
          {
            const Event *e = &g_array_index (events, Event, j);
            gboolean taken = FALSE;

            for (guint u = 0; u < k; u++)
              taken |= used[u] == j;
            if (!taken && e->ts >= attempt.times[k - 1] && e->ts - t0 <= window &&
                in_step (query, k, e->touchpoint))
              found = (int) j;
          }
        if (found < 0)
          break;
        used[k] = found;
        attempt.times[k] = g_array_index (events, Event, found).ts;
        attempt.reached = k + 1;
      }
  }

  return attempt;
}

static char *
breakdown_value (WmProject   *project,
                 const char  *by,
                 const Event *event)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *path = NULL;
  char *value = NULL;

  if (g_strcmp0 (by, "channel") == 0)
    return g_strdup (event->channel != NULL ? event->channel : "");
  if (event->properties == NULL)
    return g_strdup ("");

  path = g_strdup_printf ("$.\"%s\"", by);
  stmt = wm_project_prepare (project, "SELECT json_extract(?, ?)", NULL);
  sqlite3_bind_text (stmt, 1, event->properties, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, path, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  return value != NULL ? value : g_strdup ("");
}

typedef struct
{
  char   *value;
  guint   reached;
  gboolean open;
  gint64  times[20];
} Outcome;

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
fill (const WmFunnelQuery *query,
      GArray              *outcomes,
      const char          *segment,
      GHashTable          *segment_of,
      WmFunnelStep        *steps)
{
  for (guint k = 0; k < query->n_steps; k++)
    {
      guint64 count = 0, previous = 0, first = 0, open = 0;
      g_autoptr(GArray) durations = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; i < outcomes->len; i++)
        {
          const Outcome *o = &g_array_index (outcomes, Outcome, i);

          if (o->reached == 0)
            continue;
          if (segment != NULL && g_strcmp0 (g_hash_table_lookup (segment_of, o->value), segment) != 0)
            continue;
          first += o->reached >= 1;
          count += o->reached >= k + 1;
          previous += o->reached >= k;
          open += k > 0 && o->reached == k && o->open;
          if (k > 0 && o->reached >= k + 1)
            {
              gint64 d = o->times[k] - o->times[k - 1];
              g_array_append_val (durations, d);
            }
        }

      steps[k].touchpoints = g_strdupv (query->steps[k]);
      steps[k].customers = count;
      steps[k].from_start = first > 0 ? (double) count / first : 0.0;
      steps[k].from_previous = k == 0 ? 1.0 : previous > 0 ? (double) count / previous : 0.0;
      steps[k].in_progress = open;
      steps[k].dropped = k == 0 ? 0 : previous - count - open;
      steps[k].median_s = NAN;
      if (durations->len > 0)
        {
          guint n = durations->len;

          g_array_sort (durations, compare_gint64);
          steps[k].median_s = (n % 2 ? (double) g_array_index (durations, gint64, n / 2)
                                     : ((double) g_array_index (durations, gint64, n / 2 - 1) +
                                        (double) g_array_index (durations, gint64, n / 2)) / 2.0) / 1000.0;
        }
    }
}

typedef struct
{
  const char *value;
  guint64     count;
} ValueCount;

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  const ValueCount *x = a, *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->value, y->value);
}

WmFunnelResult *
wm_reference_funnel (WmProject           *project,
                     const WmFunnelQuery *query)
{
  gint64 last_ts;
  g_autoptr(GPtrArray) customers = load_customers (project, &last_ts);
  g_autoptr(GArray) outcomes = g_array_new (FALSE, TRUE, sizeof (Outcome));
  WmFunnelResult *result = g_new0 (WmFunnelResult, 1);

  for (guint c = 0; c < customers->len; c++)
    {
      GArray *events = customers->pdata[c];
      Attempt best = { 0 };
      Outcome outcome = { 0 };

      for (guint i = 0; i < events->len; i++)
        {
          const Event *e = &g_array_index (events, Event, i);
          gboolean enters = FALSE;
          Attempt attempt;

          for (guint k = 0; k < (query->order == WM_FUNNEL_UNORDERED ? query->n_steps : 1); k++)
            enters |= in_step (query, k, e->touchpoint);
          if (!enters)
            continue;
          attempt = try_from (query, events, i);
          if (attempt.reached >= best.reached)
            best = attempt;
        }

      outcome.reached = best.reached;
      if (best.reached > 0)
        {
          const Event *entry = &g_array_index (events, Event, best.entry);

          outcome.value = query->breakdown_by != NULL
                          ? breakdown_value (project, query->breakdown_by, entry) : NULL;
          outcome.open = best.reached < query->n_steps &&
                         entry->ts + query->window_s * 1000 > last_ts;
          memcpy (outcome.times, best.times, sizeof best.times);
        }
      g_array_append_val (outcomes, outcome);
    }

  result->order = query->order;
  result->window_s = query->window_s;
  result->n_steps = query->n_steps;
  result->steps = g_new0 (WmFunnelStep, query->n_steps);
  result->breakdown_by = g_strdup (query->breakdown_by);
  fill (query, outcomes, NULL, NULL, result->steps);

  if (query->breakdown_by != NULL)
    {
      g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) segment_of = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (ValueCount));
      g_autoptr(GPtrArray) segments = g_ptr_array_new ();
      guint top = query->breakdown_top > 0 ? query->breakdown_top : 5;
      gboolean missing = FALSE;
      GHashTableIter iter;
      gpointer key, value;

      for (guint i = 0; i < outcomes->len; i++)
        {
          const Outcome *o = &g_array_index (outcomes, Outcome, i);

          if (o->reached == 0)
            continue;
          if (o->value[0] == '\0')
            missing = TRUE;
          else
            g_hash_table_insert (counts, o->value,
                                 GSIZE_TO_POINTER (GPOINTER_TO_SIZE (g_hash_table_lookup (counts, o->value)) + 1));
        }
      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          ValueCount vc = { key, GPOINTER_TO_SIZE (value) };
          g_array_append_val (ranked, vc);
        }
      g_array_sort (ranked, compare_values);
      for (guint i = 0; i < ranked->len; i++)
        {
          const char *v = g_array_index (ranked, ValueCount, i).value;

          g_hash_table_insert (segment_of, (gpointer) v, (gpointer) (i < top ? v : "Other"));
          if (i < top || i == top)
            g_ptr_array_add (segments, (gpointer) (i < top ? v : "Other"));
        }
      g_hash_table_insert (segment_of, (gpointer) "", (gpointer) "");
      if (missing)
        g_ptr_array_add (segments, (gpointer) "");

      result->n_segments = segments->len;
      result->segments = g_new0 (WmFunnelSegment, MAX (segments->len, 1));
      for (guint s = 0; s < segments->len; s++)
        {
          result->segments[s].value = g_strdup (segments->pdata[s]);
          result->segments[s].steps = g_new0 (WmFunnelStep, query->n_steps);
          fill (query, outcomes, segments->pdata[s], segment_of, result->segments[s].steps);
        }
    }
  else
    result->segments = g_new0 (WmFunnelSegment, 1);

  for (guint i = 0; i < outcomes->len; i++)
    g_free (g_array_index (outcomes, Outcome, i).value);

  return result;
}

/* Flow: per step, the node names of each path, as strings. */

typedef struct
{
  GArray *events;
  guint   start;
  char   *node;        /* at the current step */
  gboolean ended;
} Walker;

static int
compare_counts_desc (gconstpointer a,
                     gconstpointer b)
{
  const ValueCount *x = a, *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->value, y->value);
}

static GArray *
rank (GHashTable *counts)
{
  GArray *ranked = g_array_new (FALSE, FALSE, sizeof (ValueCount));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ValueCount vc = { key, GPOINTER_TO_SIZE (value) };
      g_array_append_val (ranked, vc);
    }
  g_array_sort (ranked, compare_counts_desc);
  return ranked;
}

static void
count_up (GHashTable *counts,
          const char *key)
{
  g_hash_table_insert (counts, g_strdup (key),
                       GSIZE_TO_POINTER (GPOINTER_TO_SIZE (g_hash_table_lookup (counts, key)) + 1));
}

WmFlowGraph *
wm_reference_flow (WmProject         *project,
                   const WmFlowQuery *query)
{
  gint64 last_ts;
  g_autoptr(GPtrArray) customers = load_customers (project, &last_ts);
  g_autoptr(GArray) walkers = g_array_new (FALSE, TRUE, sizeof (Walker));
  g_autoptr(GArray) nodes = g_array_new (FALSE, TRUE, sizeof (WmFlowNode));
  g_autoptr(GArray) links = g_array_new (FALSE, TRUE, sizeof (WmFlowLink));
  g_autoptr(GHashTable) node_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  WmFlowGraph *graph;
  gint64 window = query->window_s * 1000;
  double threshold;

  for (guint c = 0; c < customers->len; c++)
    {
      GArray *events = customers->pdata[c];

      for (guint i = 0; i < events->len; i++)
        if (query->from == NULL || strcmp (g_array_index (events, Event, i).touchpoint, query->from) == 0)
          {
            Walker w = { events, i, NULL, FALSE };
            g_array_append_val (walkers, w);
            break;
          }
    }
  threshold = query->min_share * walkers->len;

  for (guint step = 0; step <= query->depth; step++)
    {
      g_autoptr(GHashTable) tp_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) link_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) node_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) channel_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GArray) ranked = NULL;
      g_autoptr(GPtrArray) candidate = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) final_links = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GHashTable) final_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      /* The event (or none) of each live walker at this step. */
      for (guint w = 0; w < walkers->len; w++)
        {
          Walker *walker = &g_array_index (walkers, Walker, w);
          guint at = walker->start + step;
          const Event *e;

          if (walker->ended)
            continue;
          if (at < walker->events->len &&
              (e = &g_array_index (walker->events, Event, at))->ts -
              g_array_index (walker->events, Event, walker->start).ts <= window)
            count_up (tp_counts, e->touchpoint);
        }
      ranked = rank (tp_counts);
      for (guint i = 0; i < MIN (ranked->len, query->top); i++)
        g_hash_table_add (kept, (gpointer) g_array_index (ranked, ValueCount, i).value);

      for (guint w = 0; w < walkers->len; w++)
        {
          Walker *walker = &g_array_index (walkers, Walker, w);
          guint at = walker->start + step;
          const Event *e = at < walker->events->len ? &g_array_index (walker->events, Event, at) : NULL;
          char *name;

          if (walker->ended)
            {
              g_ptr_array_add (candidate, NULL);
              continue;
            }
          if (e == NULL || e->ts - g_array_index (walker->events, Event, walker->start).ts > window)
            name = g_strdup_printf ("%u:Exit", step);
          else if (g_hash_table_contains (kept, e->touchpoint))
            name = g_strdup_printf ("%u:%s", step, e->touchpoint);
          else
            name = g_strdup_printf ("%u:Other", step);
          g_ptr_array_add (candidate, name);
          if (step > 0)
            {
              g_autofree char *link = g_strdup_printf ("%s\n%s", walker->node, name);
              count_up (link_counts, link);
            }
        }

      for (guint w = 0; w < walkers->len; w++)
        {
          Walker *walker = &g_array_index (walkers, Walker, w);
          char *name = candidate->pdata[w];
          guint at = walker->start + step;

          if (walker->ended)
            continue;
          if (step > 0 && !g_str_has_suffix (name, ":Exit") && !g_str_has_suffix (name, ":Other"))
            {
              g_autofree char *link = g_strdup_printf ("%s\n%s", walker->node, name);

              if ((double) GPOINTER_TO_SIZE (g_hash_table_lookup (link_counts, link)) < threshold)
                {
                  g_free (name);
                  name = candidate->pdata[w] = g_strdup_printf ("%u:Other", step);
                }
            }
          count_up (node_counts, name);
          if (!g_str_has_suffix (name, ":Exit"))
            {
              const Event *e = &g_array_index (walker->events, Event, at);
              g_autofree char *key = g_strdup_printf ("%s\n%020" G_GINT64_FORMAT, name, e->channel_id);

              if (e->channel != NULL)
                count_up (channel_counts, key);
            }
          if (step > 0)
            {
              g_autofree char *link = g_strdup_printf ("%s\n%s", walker->node, name);
              count_up (final_counts, link);
            }
          g_free (walker->node);
          walker->node = g_strdup (name);
          walker->ended = g_str_has_suffix (name, ":Exit");
        }

      /* Nodes of this step, in order. */
      {
        g_autoptr(GArray) order = rank (node_counts);
        g_autoptr(GPtrArray) names = g_ptr_array_new ();
        g_autofree char *other = g_strdup_printf ("%u:Other", step);
        g_autofree char *exit = g_strdup_printf ("%u:Exit", step);

        for (guint i = 0; i < order->len; i++)
          {
            const char *id = g_array_index (order, ValueCount, i).value;

            if (strcmp (id, other) != 0 && strcmp (id, exit) != 0)
              g_ptr_array_add (names, (gpointer) id);
          }
        if (g_hash_table_contains (node_counts, other))
          g_ptr_array_add (names, other);
        if (g_hash_table_contains (node_counts, exit))
          g_ptr_array_add (names, exit);

        for (guint i = 0; i < names->len; i++)
          {
            const char *id = names->pdata[i];
            WmFlowNode node = { 0 };
            g_autofree char *prefix = g_strdup_printf ("%s\n", id);
            gint64 best_channel = 0;
            guint64 best = 0;
            GHashTableIter iter;
            gpointer key, value;

            node.id = g_strdup (id);
            node.touchpoint = g_strdup (strchr (id, ':') + 1);
            node.step = step;
            node.kind = strcmp (id, exit) == 0 ? WM_FLOW_NODE_EXIT
                        : strcmp (id, other) == 0 ? WM_FLOW_NODE_OTHER : WM_FLOW_NODE_TOUCHPOINT;
            node.customers = GPOINTER_TO_SIZE (g_hash_table_lookup (node_counts, id));
            g_hash_table_iter_init (&iter, channel_counts);
            while (g_hash_table_iter_next (&iter, &key, &value))
              if (g_str_has_prefix (key, prefix))
                {
                  gint64 ch = g_ascii_strtoll ((char *) key + strlen (prefix), NULL, 10);
                  guint64 n = GPOINTER_TO_SIZE (value);

                  if (n > best || (n == best && ch < best_channel))
                    {
                      best = n;
                      best_channel = ch;
                    }
                }
            if (best > 0)
              {
                g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (project, "SELECT name FROM channels WHERE id = ?", NULL);

                sqlite3_bind_int64 (stmt, 1, best_channel);
                g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
                node.channel = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
              }
            g_hash_table_insert (node_index, g_strdup (id), GUINT_TO_POINTER (nodes->len));
            g_array_append_val (nodes, node);
          }
      }

      /* Links into this step, by source node then target node order. */
      if (step > 0)
        {
          g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (WmFlowLink));
          GHashTableIter iter;
          gpointer key, value;

          g_hash_table_iter_init (&iter, final_counts);
          while (g_hash_table_iter_next (&iter, &key, &value))
            {
              g_auto(GStrv) ends = g_strsplit (key, "\n", 2);
              WmFlowLink link = {
                GPOINTER_TO_UINT (g_hash_table_lookup (node_index, ends[0])),
                GPOINTER_TO_UINT (g_hash_table_lookup (node_index, ends[1])),
                GPOINTER_TO_SIZE (value),
              };
              g_array_append_val (found, link);
            }
          for (guint a = 0; a < found->len; a++)
            for (guint b = a + 1; b < found->len; b++)
              {
                WmFlowLink *x = &g_array_index (found, WmFlowLink, a);
                WmFlowLink *y = &g_array_index (found, WmFlowLink, b);

                if (y->source < x->source || (y->source == x->source && y->target < x->target))
                  {
                    WmFlowLink t = *x;
                    *x = *y;
                    *y = t;
                  }
              }
          g_array_append_vals (links, found->data, found->len);
        }
    }

  for (guint w = 0; w < walkers->len; w++)
    g_free (g_array_index (walkers, Walker, w).node);

  graph = wm_flow_graph_new (nodes->len, links->len);
  memcpy (graph->nodes, nodes->data, sizeof (WmFlowNode) * nodes->len);
  memcpy (graph->links, links->data, sizeof (WmFlowLink) * links->len);
  graph->start_customers = walkers->len;
  graph->n_steps = query->depth + 1;
  return graph;
}

WmLeakageResult *
wm_reference_leakage (WmProject  *project,
                      const char *goal,
                      gint64      window_s)
{
  g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (project,
    "WITH firsts AS (SELECT customer, channel, min(ts) AS first FROM events"
    "                WHERE channel IS NOT NULL GROUP BY customer, channel),"
    " done AS (SELECT DISTINCT e.customer, e.channel FROM events e"
    "          JOIN firsts f ON f.customer = e.customer AND f.channel = e.channel"
    "          JOIN touchpoints t ON t.id = e.touchpoint"
    "          WHERE t.name = ?1 AND e.ts - f.first <= ?2 * 1000),"
    " entered AS (SELECT channel, count(*) AS n FROM firsts GROUP BY channel),"
    " completed AS (SELECT channel, count(*) AS n FROM done GROUP BY channel)"
    " SELECT c.name, e.n, coalesce(d.n, 0) FROM entered e JOIN channels c ON c.id = e.channel"
    " LEFT JOIN completed d ON d.channel = e.channel ORDER BY e.n DESC, c.name", NULL);
  g_autoptr(GArray) channels = g_array_new (FALSE, TRUE, sizeof (WmLeakageChannel));
  WmLeakageResult *result = g_new0 (WmLeakageResult, 1);

  sqlite3_bind_text (stmt, 1, goal, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, window_s);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      WmLeakageChannel channel;

      channel.channel = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      channel.entered = sqlite3_column_int64 (stmt, 1);
      channel.completed_in_channel = sqlite3_column_int64 (stmt, 2);
      channel.leakage = 1.0 - (double) channel.completed_in_channel / (double) channel.entered;
      g_array_append_val (channels, channel);
    }

  result->goal = g_strdup (goal);
  result->window_s = window_s;
  result->n_channels = channels->len;
  result->channels = (WmLeakageChannel *) (gpointer) g_array_free (g_steal_pointer (&channels), FALSE);
  return result;
}

static void
assert_steps_equal (const WmFunnelStep *expected,
                    const WmFunnelStep *actual,
                    guint               n_steps)
{
  for (guint k = 0; k < n_steps; k++)
    {
      g_assert_true (g_strv_equal ((const char * const *) expected[k].touchpoints,
                                   (const char * const *) actual[k].touchpoints));
      g_assert_cmpuint (expected[k].customers, ==, actual[k].customers);
      g_assert_cmpfloat_with_epsilon (expected[k].from_start, actual[k].from_start, 1e-12);
      g_assert_cmpfloat_with_epsilon (expected[k].from_previous, actual[k].from_previous, 1e-12);
      g_assert_cmpuint (expected[k].dropped, ==, actual[k].dropped);
      g_assert_cmpuint (expected[k].in_progress, ==, actual[k].in_progress);
      g_assert_cmpint (isnan (expected[k].median_s), ==, isnan (actual[k].median_s));
      if (!isnan (expected[k].median_s))
        g_assert_cmpfloat_with_epsilon (expected[k].median_s, actual[k].median_s, 1e-9);
    }
}

void
wm_assert_funnels_equal (const WmFunnelResult *expected,
                         const WmFunnelResult *actual)
{
  g_assert_cmpint (expected->order, ==, actual->order);
  g_assert_cmpint (expected->window_s, ==, actual->window_s);
  g_assert_cmpuint (expected->n_steps, ==, actual->n_steps);
  assert_steps_equal (expected->steps, actual->steps, expected->n_steps);
  g_assert_cmpstr (expected->breakdown_by, ==, actual->breakdown_by);
  g_assert_cmpuint (expected->n_segments, ==, actual->n_segments);
  for (guint s = 0; s < expected->n_segments; s++)
    {
      g_assert_cmpstr (expected->segments[s].value, ==, actual->segments[s].value);
      assert_steps_equal (expected->segments[s].steps, actual->segments[s].steps, expected->n_steps);
    }
}

void
wm_assert_flows_equal (const WmFlowGraph *expected,
                       const WmFlowGraph *actual)
{
  g_assert_cmpuint (expected->start_customers, ==, actual->start_customers);
  g_assert_cmpuint (expected->n_steps, ==, actual->n_steps);
  g_assert_cmpuint (expected->n_nodes, ==, actual->n_nodes);
  for (guint i = 0; i < expected->n_nodes; i++)
    {
      g_assert_cmpstr (expected->nodes[i].id, ==, actual->nodes[i].id);
      g_assert_cmpstr (expected->nodes[i].touchpoint, ==, actual->nodes[i].touchpoint);
      g_assert_cmpstr (expected->nodes[i].channel, ==, actual->nodes[i].channel);
      g_assert_cmpuint (expected->nodes[i].step, ==, actual->nodes[i].step);
      g_assert_cmpint (expected->nodes[i].kind, ==, actual->nodes[i].kind);
      g_assert_cmpuint (expected->nodes[i].customers, ==, actual->nodes[i].customers);
    }
  g_assert_cmpuint (expected->n_links, ==, actual->n_links);
  for (guint i = 0; i < expected->n_links; i++)
    {
      g_assert_cmpuint (expected->links[i].source, ==, actual->links[i].source);
      g_assert_cmpuint (expected->links[i].target, ==, actual->links[i].target);
      g_assert_cmpuint (expected->links[i].customers, ==, actual->links[i].customers);
    }
}

void
wm_assert_leakage_equal (const WmLeakageResult *expected,
                         const WmLeakageResult *actual)
{
  g_assert_cmpstr (expected->goal, ==, actual->goal);
  g_assert_cmpint (expected->window_s, ==, actual->window_s);
  g_assert_cmpuint (expected->n_channels, ==, actual->n_channels);
  for (guint i = 0; i < expected->n_channels; i++)
    {
      g_assert_cmpstr (expected->channels[i].channel, ==, actual->channels[i].channel);
      g_assert_cmpuint (expected->channels[i].entered, ==, actual->channels[i].entered);
      g_assert_cmpuint (expected->channels[i].completed_in_channel, ==, actual->channels[i].completed_in_channel);
      g_assert_cmpfloat_with_epsilon (expected->channels[i].leakage, actual->channels[i].leakage, 1e-12);
    }
}

void
wm_assert_flow_conserved (const WmFlowGraph *graph)
{
  guint last = graph->n_steps - 1;
  guint64 start = 0;

  for (guint i = 0; i < graph->n_nodes; i++)
    {
      guint64 in = 0, out = 0;

      for (guint l = 0; l < graph->n_links; l++)
        {
          g_assert_cmpuint (graph->nodes[graph->links[l].target].step, ==,
                            graph->nodes[graph->links[l].source].step + 1);
          if (graph->links[l].target == i)
            in += graph->links[l].customers;
          if (graph->links[l].source == i)
            out += graph->links[l].customers;
        }
      if (graph->nodes[i].step == 0)
        start += graph->nodes[i].customers;
      else
        g_assert_cmpuint (in, ==, graph->nodes[i].customers);
      if (graph->nodes[i].step < last && graph->nodes[i].kind != WM_FLOW_NODE_EXIT)
        g_assert_cmpuint (out, ==, graph->nodes[i].customers);
      else
        g_assert_cmpuint (out, ==, 0);
    }
  g_assert_cmpuint (start, ==, graph->start_customers);
}
