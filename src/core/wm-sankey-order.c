/* wm-sankey-order.c: ordering the nodes of each column to avoid crossings
 *
 * Barycentre sweeps (Sugiyama) alternate down and up; after each column is
 * sorted, adjacent nodes are swapped while that lowers the weighted crossing
 * count. The best order seen is kept: sweeps can oscillate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wm-sankey-layout-private.h"

void
wm_sankey_ctx_update_ranks (WmSankeyCtx *ctx)
{
  for (guint c = 0; c < ctx->n_columns; c++)
    {
      guint start = ctx->col_start[c];
      guint count = ctx->col_start[c + 1] - start;

      for (guint k = 0; k < count; k++)
        ctx->rank[ctx->col_nodes[start + k]] = (k + 0.5) / count;
    }
}

/* Position of a band at column @at, interpolated between its ends. */
static inline double
at_column (double col0,
           double col1,
           double y0,
           double y1,
           double at)
{
  if (col1 <= col0)
    return y0;

  return y0 + (y1 - y0) * (at - col0) / (col1 - col0);
}

/* The crossing rule shared by the order-level and the geometric counts.
 * Pairs are visited in index order (the sum is the same to the last bit);
 * each link's columns are looked up once, and a pair whose column spans do
 * not overlap is passed over before anything else is read. */
static double
count_crossings (const WmFlowGraph *graph,
                 const gboolean    *skip,
                 const guint       *column,
                 const double      *y_source,
                 const double      *y_target)
{
  g_autofree double *col0 = g_new (double, MAX (graph->n_links, 1));
  g_autofree double *col1 = g_new (double, MAX (graph->n_links, 1));
  double total = 0;

  for (guint i = 0; i < graph->n_links; i++)
    {
      col0[i] = column[graph->links[i].source];
      col1[i] = column[graph->links[i].target];
    }

  for (guint i = 0; i < graph->n_links; i++)
    {
      const WmFlowLink *a = &graph->links[i];
      double a0 = col0[i];
      double a1 = col1[i];

      if (skip[i])
        continue;

      for (guint j = i + 1; j < graph->n_links; j++)
        {
          const WmFlowLink *b = &graph->links[j];
          double from = MAX (a0, col0[j]);
          double to = MIN (a1, col1[j]);
          double d_from, d_to;

          if (to <= from || skip[j] || a->source == b->source || a->target == b->target)
            continue;

          d_from = at_column (a0, a1, y_source[i], y_target[i], from)
                   - at_column (col0[j], col1[j], y_source[j], y_target[j], from);
          d_to = at_column (a0, a1, y_source[i], y_target[i], to)
                 - at_column (col0[j], col1[j], y_source[j], y_target[j], to);
          if (d_from * d_to < 0)
            total += (double) a->customers * (double) b->customers;
        }
    }

  return total;
}

double
wm_sankey_ctx_order_crossings (WmSankeyCtx *ctx)
{
  g_autofree double *ys = g_new (double, MAX (ctx->n_links, 1));
  g_autofree double *yt = g_new (double, MAX (ctx->n_links, 1));

  /* Links sharing a node are ordered by their other end, so only the
   * order of the end nodes matters here. */
  for (guint i = 0; i < ctx->n_links; i++)
    {
      ys[i] = ctx->rank[ctx->graph->links[i].source];
      yt[i] = ctx->rank[ctx->graph->links[i].target];
    }

  return count_crossings (ctx->graph, ctx->skip, ctx->column, ys, yt);
}

double
wm_sankey_layout_crossings (const WmSankeyLayout *layout,
                            const WmFlowGraph    *graph)
{
  g_autofree double *ys = g_new (double, MAX (layout->n_links, 1));
  g_autofree double *yt = g_new (double, MAX (layout->n_links, 1));
  g_autofree gboolean *skip = g_new0 (gboolean, MAX (layout->n_links, 1));
  g_autofree guint *column = g_new (guint, MAX (layout->n_nodes, 1));

  g_return_val_if_fail (layout->n_links == graph->n_links, 0);

  for (guint i = 0; i < layout->n_nodes; i++)
    column[i] = layout->nodes[i].column;
  for (guint i = 0; i < layout->n_links; i++)
    {
      ys[i] = layout->links[i].y0;
      yt[i] = layout->links[i].y1;
      skip[i] = layout->links[i].width <= 0;
    }

  return count_crossings (graph, skip, column, ys, yt);
}

/* Weighted crossings among the links of @u and @v on one side: *above
 * with @u above @v, *below with @v above @u (the sums are exact: whole
 * numbers far below 2^53). */
static void
side_costs (WmSankeyCtx *ctx,
            guint        u,
            guint        v,
            gboolean     incoming,
            double      *above,
            double      *below)
{
  const guint *start = incoming ? ctx->in_start : ctx->out_start;
  const guint *links = incoming ? ctx->in_links : ctx->out_links;

  for (guint i = start[u]; i < start[u + 1]; i++)
    {
      const WmFlowLink *a = &ctx->graph->links[links[i]];
      guint a_end = incoming ? a->source : a->target;

      if (ctx->skip[links[i]])
        continue;
      for (guint j = start[v]; j < start[v + 1]; j++)
        {
          const WmFlowLink *b = &ctx->graph->links[links[j]];
          guint b_end = incoming ? b->source : b->target;
          double cost = (double) a->customers * (double) b->customers;

          if (ctx->skip[links[j]] || a_end == b_end)
            continue;
          if (ctx->rank[a_end] > ctx->rank[b_end])
            *above += cost;
          else if (ctx->rank[a_end] < ctx->rank[b_end])
            *below += cost;
        }
    }
}

/* Swaps neighbours of column @c while that lowers the crossings on both
 * sides. */
static void
transpose (WmSankeyCtx *ctx,
           guint        c)
{
  guint start = ctx->col_start[c];
  guint count = ctx->col_start[c + 1] - start;
  gboolean improved = TRUE;

  for (guint pass = 0; improved && pass < 8; pass++)
    {
      improved = FALSE;
      for (guint k = 0; k + 1 < count; k++)
        {
          guint u = ctx->col_nodes[start + k];
          guint v = ctx->col_nodes[start + k + 1];
          double keep = 0;
          double swap = 0;

          side_costs (ctx, u, v, TRUE, &keep, &swap);
          side_costs (ctx, u, v, FALSE, &keep, &swap);
          if (swap < keep)
            {
              double r = ctx->rank[u];

              ctx->col_nodes[start + k] = v;
              ctx->col_nodes[start + k + 1] = u;
              ctx->rank[u] = ctx->rank[v];
              ctx->rank[v] = r;
              improved = TRUE;
            }
        }
    }
}

typedef struct
{
  const double *key;
  const double *rank;
} SortData;

static int
compare_by_key (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const SortData *data = user_data;
  guint u = *(const guint *) a;
  guint v = *(const guint *) b;

  if (data->key[u] != data->key[v])
    return data->key[u] < data->key[v] ? -1 : 1;
  if (data->rank[u] != data->rank[v])
    return data->rank[u] < data->rank[v] ? -1 : 1;

  return 0;
}

/* Sorts column @c by the weighted mean rank of its neighbours on one side;
 * a node without neighbours there keeps its rank. */
static void
barycentre_sort (WmSankeyCtx *ctx,
                 guint        c,
                 gboolean     incoming,
                 double      *key)
{
  const guint *start = incoming ? ctx->in_start : ctx->out_start;
  const guint *links = incoming ? ctx->in_links : ctx->out_links;
  guint first = ctx->col_start[c];
  guint count = ctx->col_start[c + 1] - first;
  SortData data = { key, ctx->rank };

  for (guint k = 0; k < count; k++)
    {
      guint node = ctx->col_nodes[first + k];
      double sum = 0;
      double weight = 0;

      for (guint i = start[node]; i < start[node + 1]; i++)
        {
          const WmFlowLink *link = &ctx->graph->links[links[i]];
          double w = (double) MAX (link->customers, 1);

          if (ctx->skip[links[i]])
            continue;
          sum += w * ctx->rank[incoming ? link->source : link->target];
          weight += w;
        }
      key[node] = weight > 0 ? sum / weight : ctx->rank[node];
    }

  g_qsort_with_data (ctx->col_nodes + first, count, sizeof (guint), compare_by_key, &data);
  for (guint k = 0; k < count; k++)
    ctx->rank[ctx->col_nodes[first + k]] = (k + 0.5) / count;
}

void
wm_sankey_ctx_minimise_crossings (WmSankeyCtx *ctx)
{
  g_autofree guint *best = NULL;
  g_autofree double *key = NULL;
  double best_count;

  wm_sankey_ctx_update_ranks (ctx);
  if (ctx->opt.sweeps == 0 || ctx->n_columns < 2)
    return;

  best = g_memdup2 (ctx->col_nodes, sizeof (guint) * MAX (ctx->n_nodes, 1));
  key = g_new0 (double, MAX (ctx->n_nodes, 1));
  best_count = wm_sankey_ctx_order_crossings (ctx);

  for (guint sweep = 0; sweep < ctx->opt.sweeps && best_count > 0; sweep++)
    {
      double count;

      for (guint c = 1; c < ctx->n_columns; c++)
        {
          barycentre_sort (ctx, c, TRUE, key);
          transpose (ctx, c);
        }
      for (guint c = ctx->n_columns - 1; c-- > 0;)
        {
          barycentre_sort (ctx, c, FALSE, key);
          transpose (ctx, c);
        }

      count = wm_sankey_ctx_order_crossings (ctx);
      if (count < best_count)
        {
          best_count = count;
          memcpy (best, ctx->col_nodes, sizeof (guint) * ctx->n_nodes);
        }
    }

  memcpy (ctx->col_nodes, best, sizeof (guint) * ctx->n_nodes);
  wm_sankey_ctx_update_ranks (ctx);
}
