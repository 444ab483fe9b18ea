/* wm-sankey-layout.c: columns, scale, ordering, positions and bands
 *
 * The stages: columns from steps (justify moves sinks right); node order
 * per column by crossing minimisation (wm-sankey-order.c); a scale that fits
 * the fullest column with minimum node heights and link widths honoured;
 * relaxation that straightens bands without ever changing the order;
 * pinned nodes as fixed obstacles; bands stacked at each node by the
 * position of their other end; labels (wm-sankey-labels.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "wm-sankey-layout-private.h"

void
wm_sankey_options_init (WmSankeyOptions *options)
{
  memset (options, 0, sizeof *options);
  options->align = WM_SANKEY_ALIGN_LEFT;
  options->orientation = WM_SANKEY_HORIZONTAL;
  options->node_width = 14;
  options->node_padding = 18;
  options->min_node_height = 4;
  options->min_link_width = 2;
  options->sweeps = 12;
  options->relax_iterations = 16;
  options->show_labels = TRUE;
  options->label_size = 13;
  options->value_size = 12;
  options->label_gap = 6;
  options->max_label_share = 0.22;
}

/* Allocation. ---------------------------------------------------------- */

static void
ctx_clear (WmSankeyCtx *ctx)
{
  g_free (ctx->column);
  g_free (ctx->value);
  g_free (ctx->skip);
  g_free (ctx->out_start);
  g_free (ctx->out_links);
  g_free (ctx->in_start);
  g_free (ctx->in_links);
  g_free (ctx->col_start);
  g_free (ctx->col_nodes);
  g_free (ctx->rank);
  g_free (ctx->top);
  g_free (ctx->height);
  g_free (ctx->depth0);
  g_free (ctx->pin);
  g_free (ctx->lw);
  g_free (ctx->ls);
  g_free (ctx->lt);
  g_free (ctx->scratch_free);
  g_free (ctx->scratch_pinned);
  g_free (ctx->scratch_spans);
}

static void
build_adjacency (WmSankeyCtx *ctx,
                 gboolean     outgoing)
{
  guint *start = g_new0 (guint, ctx->n_nodes + 1);
  guint *links = g_new (guint, MAX (ctx->n_links, 1));
  g_autofree guint *fill = g_new0 (guint, ctx->n_nodes + 1);

  for (guint i = 0; i < ctx->n_links; i++)
    {
      const WmFlowLink *link = &ctx->graph->links[i];

      if (!ctx->skip[i])
        start[(outgoing ? link->source : link->target) + 1]++;
    }
  for (guint i = 0; i < ctx->n_nodes; i++)
    start[i + 1] += start[i];
  for (guint i = 0; i < ctx->n_links; i++)
    {
      const WmFlowLink *link = &ctx->graph->links[i];
      guint node = outgoing ? link->source : link->target;

      if (!ctx->skip[i])
        links[start[node] + fill[node]++] = i;
    }

  if (outgoing)
    {
      ctx->out_start = start;
      ctx->out_links = links;
    }
  else
    {
      ctx->in_start = start;
      ctx->in_links = links;
    }
}

static void
assign_columns (WmSankeyCtx *ctx)
{
  guint max_step = 0;

  for (guint i = 0; i < ctx->n_nodes; i++)
    {
      ctx->column[i] = ctx->graph->nodes[i].step;
      max_step = MAX (max_step, ctx->column[i]);
    }
  ctx->n_columns = ctx->n_nodes > 0 ? max_step + 1 : 0;

  /* A link must run to a later column; anything else (a malformed graph)
   * is left out rather than drawn backwards. */
  for (guint i = 0; i < ctx->n_links; i++)
    {
      const WmFlowLink *link = &ctx->graph->links[i];

      ctx->skip[i] = link->source >= ctx->n_nodes || link->target >= ctx->n_nodes ||
                     ctx->column[link->target] <= ctx->column[link->source];
    }
  build_adjacency (ctx, TRUE);
  build_adjacency (ctx, FALSE);

  if (ctx->opt.align == WM_SANKEY_ALIGN_JUSTIFY)
    for (guint i = 0; i < ctx->n_nodes; i++)
      if (ctx->out_start[i] == ctx->out_start[i + 1])
        ctx->column[i] = ctx->n_columns - 1;

  ctx->col_start = g_new0 (guint, ctx->n_columns + 2);
  ctx->col_nodes = g_new (guint, MAX (ctx->n_nodes, 1));
  {
    g_autofree guint *fill = g_new0 (guint, ctx->n_columns + 1);

    for (guint i = 0; i < ctx->n_nodes; i++)
      ctx->col_start[ctx->column[i] + 1]++;
    for (guint c = 0; c < ctx->n_columns; c++)
      ctx->col_start[c + 1] += ctx->col_start[c];
    for (guint i = 0; i < ctx->n_nodes; i++)
      {
        guint c = ctx->column[i];

        ctx->col_nodes[ctx->col_start[c] + fill[c]++] = i;
      }
  }
}

static void
assign_values (WmSankeyCtx *ctx)
{
  for (guint i = 0; i < ctx->n_nodes; i++)
    {
      double in = 0;
      double out = 0;

      for (guint k = ctx->in_start[i]; k < ctx->in_start[i + 1]; k++)
        in += ctx->graph->links[ctx->in_links[k]].customers;
      for (guint k = ctx->out_start[i]; k < ctx->out_start[i + 1]; k++)
        out += ctx->graph->links[ctx->out_links[k]].customers;

      ctx->value[i] = MAX ((double) ctx->graph->nodes[i].customers, MAX (in, out));
    }
}

/* Scale. --------------------------------------------------------------- */

static inline double
link_width (WmSankeyCtx *ctx,
            guint        link,
            double       scale)
{
  return MAX (ctx->min_w, ctx->graph->links[link].customers * scale);
}

static double
node_height (WmSankeyCtx *ctx,
             guint        node,
             double       scale)
{
  double in = 0;
  double out = 0;

  for (guint k = ctx->in_start[node]; k < ctx->in_start[node + 1]; k++)
    in += link_width (ctx, ctx->in_links[k], scale);
  for (guint k = ctx->out_start[node]; k < ctx->out_start[node + 1]; k++)
    out += link_width (ctx, ctx->out_links[k], scale);

  return MAX (MAX (ctx->min_h, ctx->value[node] * scale), MAX (in, out));
}

static double
fullest_column (WmSankeyCtx *ctx,
                double       scale,
                double       padding)
{
  double fullest = 0;

  for (guint c = 0; c < ctx->n_columns; c++)
    {
      guint count = ctx->col_start[c + 1] - ctx->col_start[c];
      double need = count > 1 ? (count - 1) * padding : 0;

      for (guint k = ctx->col_start[c]; k < ctx->col_start[c + 1]; k++)
        need += node_height (ctx, ctx->col_nodes[k], scale);
      fullest = MAX (fullest, need);
    }

  return fullest;
}

/* The largest scale at which every column fits. When even the minimum sizes
 * do not fit, padding shrinks first, then the minimum sizes. */
static void
choose_scale (WmSankeyCtx *ctx)
{
  double room = ctx->b_max - ctx->b_min;
  double max_value = 0;
  double lo = 0;
  double hi;

  ctx->padding = ctx->opt.node_padding;
  ctx->min_h = ctx->opt.min_node_height;
  ctx->min_w = ctx->opt.min_link_width;

  for (guint c = 0; c < ctx->n_columns; c++)
    {
      guint count = ctx->col_start[c + 1] - ctx->col_start[c];
      double need0 = 0;

      for (guint k = ctx->col_start[c]; k < ctx->col_start[c + 1]; k++)
        need0 += node_height (ctx, ctx->col_nodes[k], 0);
      if (count > 1 && need0 + (count - 1) * ctx->padding > room)
        ctx->padding = MAX (0, (room - need0) / (count - 1));
    }
  {
    double need0 = fullest_column (ctx, 0, ctx->padding);

    if (need0 > room && need0 > 0)
      {
        double shrink = room / need0 * 0.999;

        ctx->min_h *= shrink;
        ctx->min_w *= shrink;
      }
  }

  for (guint c = 0; c < ctx->n_columns; c++)
    {
      double sum = 0;

      for (guint k = ctx->col_start[c]; k < ctx->col_start[c + 1]; k++)
        sum += ctx->value[ctx->col_nodes[k]];
      max_value = MAX (max_value, sum);
    }
  if (max_value <= 0)
    {
      ctx->scale = 0;
      return;
    }

  hi = room / max_value;
  for (guint i = 0; i < 48; i++)
    {
      double mid = (lo + hi) / 2;

      if (fullest_column (ctx, mid, ctx->padding) <= room)
        lo = mid;
      else
        hi = mid;
    }
  ctx->scale = lo;
}

/* Bands. --------------------------------------------------------------- */

static inline double
centre (WmSankeyCtx *ctx,
        guint        node)
{
  return ctx->top[node] + ctx->height[node] / 2;
}

/* Orders the bands on one side of @node by the position of their other end
 * (then by index, so parallel links keep one order at both ends) and stacks
 * them, centred in the node. */
static void
stack_side (WmSankeyCtx *ctx,
            guint        node,
            gboolean     incoming)
{
  guint *links = incoming ? ctx->in_links + ctx->in_start[node]
                          : ctx->out_links + ctx->out_start[node];
  guint n = incoming ? ctx->in_start[node + 1] - ctx->in_start[node]
                     : ctx->out_start[node + 1] - ctx->out_start[node];
  double total = 0;
  double y;

  for (guint i = 1; i < n; i++)
    {
      guint l = links[i];
      const WmFlowLink *link = &ctx->graph->links[l];
      double key = centre (ctx, incoming ? link->source : link->target);
      guint j = i;

      while (j > 0)
        {
          const WmFlowLink *prev = &ctx->graph->links[links[j - 1]];
          double prev_key = centre (ctx, incoming ? prev->source : prev->target);

          if (prev_key < key || (prev_key == key && links[j - 1] < l))
            break;
          links[j] = links[j - 1];
          j--;
        }
      links[j] = l;
    }

  for (guint i = 0; i < n; i++)
    total += ctx->lw[links[i]];
  y = ctx->top[node] + MAX (0, (ctx->height[node] - total) / 2);
  for (guint i = 0; i < n; i++)
    {
      if (incoming)
        ctx->lt[links[i]] = y;
      else
        ctx->ls[links[i]] = y;
      y += ctx->lw[links[i]];
    }
}

static void
stack_column (WmSankeyCtx *ctx,
              guint        c)
{
  for (guint k = ctx->col_start[c]; k < ctx->col_start[c + 1]; k++)
    {
      stack_side (ctx, ctx->col_nodes[k], TRUE);
      stack_side (ctx, ctx->col_nodes[k], FALSE);
    }
}

static void
stack_all (WmSankeyCtx *ctx)
{
  for (guint c = 0; c < ctx->n_columns; c++)
    stack_column (ctx, c);
}

/* Collisions. ---------------------------------------------------------- */

static int
compare_by_top (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const double *top = user_data;
  double ta = top[*(const guint *) a];
  double tb = top[*(const guint *) b];

  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/* Plain order-preserving packing (d3's resolveCollisions, without its
 * re-sort): push down, then up if the bottom overflowed. */
static void
pack (WmSankeyCtx *ctx,
      guint       *nodes,
      guint        n)
{
  double y = ctx->b_min;

  for (guint k = 0; k < n; k++)
    {
      guint node = nodes[k];

      ctx->top[node] = MAX (ctx->top[node], y);
      y = ctx->top[node] + ctx->height[node] + ctx->padding;
    }
  if (y - ctx->padding > ctx->b_max)
    {
      y = ctx->b_max;
      for (guint k = n; k-- > 0;)
        {
          guint node = nodes[k];

          ctx->top[node] = MIN (ctx->top[node], y - ctx->height[node]);
          y = ctx->top[node] - ctx->padding;
        }
      /* Rounding can leave the first node a hair above the area. */
      y = ctx->b_min;
      for (guint k = 0; k < n; k++)
        {
          guint node = nodes[k];

          ctx->top[node] = MAX (ctx->top[node], y);
          y = ctx->top[node] + ctx->height[node] + ctx->padding;
        }
    }
}

/* Packs the free nodes of a column around its pinned ones. */
static gboolean
pack_around_pins (WmSankeyCtx  *ctx,
                  guint        *free_nodes,
                  guint         n_free,
                  const double *pins,
                  guint         n_pins)
{
  double pad = ctx->padding;
  double y = ctx->b_min;

  for (guint k = 0; k < n_free; k++)
    {
      guint node = free_nodes[k];
      double h = ctx->height[node];
      double top = MAX (ctx->top[node], y);

      for (guint p = 0; p < n_pins; p++)
        if (top < pins[2 * p + 1] + pad && top + h + pad > pins[2 * p])
          top = pins[2 * p + 1] + pad;
      ctx->top[node] = top;
      y = top + h + pad;
    }
  if (y - pad > ctx->b_max)
    {
      y = ctx->b_max;
      for (guint k = n_free; k-- > 0;)
        {
          guint node = free_nodes[k];
          double h = ctx->height[node];
          double top = MIN (ctx->top[node], y - h);

          for (guint p = n_pins; p-- > 0;)
            if (top < pins[2 * p + 1] + pad && top + h + pad > pins[2 * p])
              top = pins[2 * p] - pad - h;
          ctx->top[node] = top;
          y = top - pad;
        }
    }

  /* Feasible only if everything is inside and nothing overlaps. */
  for (guint k = 0; k < n_free; k++)
    {
      guint node = free_nodes[k];
      double top = ctx->top[node];
      double end = top + ctx->height[node];

      if (top < ctx->b_min - 1e-6 || end > ctx->b_max + 1e-6)
        return FALSE;
      if (k > 0)
        {
          guint prev = free_nodes[k - 1];

          if (top < ctx->top[prev] + ctx->height[prev] + pad - 1e-6)
            return FALSE;
        }
      for (guint p = 0; p < n_pins; p++)
        if (top < pins[2 * p + 1] + pad - 1e-6 && end + pad - 1e-6 > pins[2 * p])
          return FALSE;
    }

  return TRUE;
}

static void
resolve_column (WmSankeyCtx *ctx,
                guint        c)
{
  guint first = ctx->col_start[c];
  guint count = ctx->col_start[c + 1] - first;
  guint *nodes = ctx->col_nodes + first;
  guint *free_nodes = ctx->scratch_free;
  guint *pinned = ctx->scratch_pinned;
  double *pins = ctx->scratch_spans;
  guint n_free = 0;
  guint n_pinned = 0;

  for (guint k = 0; k < count; k++)
    {
      if (isnan (ctx->pin[nodes[k]]))
        free_nodes[n_free++] = nodes[k];
      else
        pinned[n_pinned++] = nodes[k];
    }

  if (n_pinned == 0)
    {
      pack (ctx, nodes, count);
      return;
    }

  /* Pins hold where they were dropped unless they overlap each other. */
  for (guint k = 0; k < n_pinned; k++)
    ctx->top[pinned[k]] = CLAMP (ctx->pin[pinned[k]], ctx->b_min,
                                 ctx->b_max - ctx->height[pinned[k]]);
  g_qsort_with_data (pinned, n_pinned, sizeof (guint), compare_by_top, ctx->top);
  pack (ctx, pinned, n_pinned);
  for (guint k = 0; k < n_pinned; k++)
    {
      pins[2 * k] = ctx->top[pinned[k]];
      pins[2 * k + 1] = pins[2 * k] + ctx->height[pinned[k]];
    }

  if (!pack_around_pins (ctx, free_nodes, n_free, pins, n_pinned))
    {
      /* No room between the pins: everyone keeps the order of where they
       * are (pinned ones where they were dropped) and packs plainly. */
      g_qsort_with_data (nodes, count, sizeof (guint), compare_by_top, ctx->top);
      pack (ctx, nodes, count);
      return;
    }

  /* The column's order is now the order on screen. */
  g_qsort_with_data (nodes, count, sizeof (guint), compare_by_top, ctx->top);
}

/* Relaxation. ---------------------------------------------------------- */

/* Moves each free node of column @c towards where its bands on one side
 * would run straight, weighted by customers. */
static void
relax_column (WmSankeyCtx *ctx,
              guint        c,
              gboolean     incoming,
              double       beta)
{
  for (guint k = ctx->col_start[c]; k < ctx->col_start[c + 1]; k++)
    {
      guint node = ctx->col_nodes[k];
      const guint *start = incoming ? ctx->in_start : ctx->out_start;
      const guint *links = incoming ? ctx->in_links : ctx->out_links;
      double sum = 0;
      double weight = 0;

      if (!isnan (ctx->pin[node]))
        continue;
      for (guint i = start[node]; i < start[node + 1]; i++)
        {
          guint l = links[i];
          double w = ctx->lw[l];
          double here = incoming ? ctx->lt[l] : ctx->ls[l];
          double there = incoming ? ctx->ls[l] : ctx->lt[l];

          sum += w * (there - (here - ctx->top[node]));
          weight += w;
        }
      if (weight > 0)
        ctx->top[node] += (sum / weight - ctx->top[node]) * beta;
    }
  resolve_column (ctx, c);
  stack_column (ctx, c);
  if (c > 0)
    stack_column (ctx, c - 1);
  if (c + 1 < ctx->n_columns)
    stack_column (ctx, c + 1);
}

static void
place_nodes (WmSankeyCtx *ctx)
{
  guint iterations = ctx->opt.relax_iterations;

  for (guint c = 0; c < ctx->n_columns; c++)
    {
      guint count = ctx->col_start[c + 1] - ctx->col_start[c];
      double need = count > 1 ? (count - 1) * ctx->padding : 0;
      double y;

      for (guint k = ctx->col_start[c]; k < ctx->col_start[c + 1]; k++)
        {
          guint node = ctx->col_nodes[k];

          ctx->height[node] = node_height (ctx, node, ctx->scale);
          need += ctx->height[node];
        }
      y = ctx->b_min + MAX (0, (ctx->b_max - ctx->b_min - need) / 2);
      for (guint k = ctx->col_start[c]; k < ctx->col_start[c + 1]; k++)
        {
          guint node = ctx->col_nodes[k];

          ctx->top[node] = y;
          y += ctx->height[node] + ctx->padding;
        }
      resolve_column (ctx, c);
    }
  for (guint i = 0; i < ctx->n_links; i++)
    ctx->lw[i] = ctx->skip[i] ? 0 : link_width (ctx, i, ctx->scale);
  stack_all (ctx);

  for (guint it = 0; it < iterations; it++)
    {
      double alpha = pow (0.99, it);
      double beta = MAX (1 - alpha, (it + 1.0) / iterations);

      for (guint c = ctx->n_columns; c-- > 1;)
        relax_column (ctx, c - 1, FALSE, beta);
      for (guint c = 1; c < ctx->n_columns; c++)
        relax_column (ctx, c, TRUE, beta);
    }
  stack_all (ctx);
}

/* Output. -------------------------------------------------------------- */

static WmRect
device_rect (WmSankeyOrientation orientation,
             double              d,
             double              b,
             double              d_size,
             double              b_size)
{
  if (orientation == WM_SANKEY_VERTICAL)
    return (WmRect) { b, d, b_size, d_size };

  return (WmRect) { d, b, d_size, b_size };
}

static int
compare_link_width (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const WmSankeyLayout *layout = user_data;
  double wa = layout->links[*(const guint *) a].width;
  double wb = layout->links[*(const guint *) b].width;

  return wa > wb ? -1 : wa < wb ? 1 : 0;
}

WmSankeyLayout *
wm_sankey_layout_new (const WmFlowGraph     *graph,
                      const WmRect          *area,
                      const WmSankeyOptions *options)
{
  WmSankeyCtx ctx = { 0 };
  WmSankeyLayout *layout;
  gboolean vertical;
  double margin = 0;
  double column_step;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (area != NULL, NULL);

  if (options != NULL)
    ctx.opt = *options;
  else
    wm_sankey_options_init (&ctx.opt);
  vertical = ctx.opt.orientation == WM_SANKEY_VERTICAL;

  ctx.graph = graph;
  ctx.n_nodes = graph->n_nodes;
  ctx.n_links = graph->n_links;
  ctx.column = g_new0 (guint, MAX (ctx.n_nodes, 1));
  ctx.value = g_new0 (double, MAX (ctx.n_nodes, 1));
  ctx.rank = g_new0 (double, MAX (ctx.n_nodes, 1));
  ctx.top = g_new0 (double, MAX (ctx.n_nodes, 1));
  ctx.height = g_new0 (double, MAX (ctx.n_nodes, 1));
  ctx.depth0 = g_new0 (double, MAX (ctx.n_nodes, 1));
  ctx.pin = g_new (double, MAX (ctx.n_nodes, 1));
  ctx.skip = g_new0 (gboolean, MAX (ctx.n_links, 1));
  ctx.lw = g_new0 (double, MAX (ctx.n_links, 1));
  ctx.ls = g_new0 (double, MAX (ctx.n_links, 1));
  ctx.lt = g_new0 (double, MAX (ctx.n_links, 1));
  ctx.scratch_free = g_new (guint, MAX (ctx.n_nodes, 1));
  ctx.scratch_pinned = g_new (guint, MAX (ctx.n_nodes, 1));
  ctx.scratch_spans = g_new (double, 2 * MAX (ctx.n_nodes, 1));

  assign_columns (&ctx);
  assign_values (&ctx);
  wm_sankey_ctx_minimise_crossings (&ctx);

  ctx.b_min = vertical ? area->x : area->y;
  ctx.b_max = ctx.b_min + (vertical ? area->width : area->height);
  ctx.d_min = vertical ? area->y : area->x;
  ctx.d_max = ctx.d_min + (vertical ? area->height : area->width);
  if (ctx.opt.show_labels && ctx.n_columns > 0)
    margin = wm_sankey_label_margin (graph, ctx.column, ctx.n_columns - 1, area, &ctx.opt);
  ctx.d_max = MAX (ctx.d_min + ctx.opt.node_width, ctx.d_max - margin);

  for (guint i = 0; i < ctx.n_nodes; i++)
    ctx.pin[i] = NAN;
  for (guint p = 0; p < ctx.opt.n_pins; p++)
    if (ctx.opt.pin_nodes[p] < ctx.n_nodes)
      ctx.pin[ctx.opt.pin_nodes[p]] = ctx.opt.pin_positions[p];

  choose_scale (&ctx);
  column_step = ctx.n_columns > 1
    ? (ctx.d_max - ctx.d_min - ctx.opt.node_width) / (ctx.n_columns - 1) : 0;
  for (guint i = 0; i < ctx.n_nodes; i++)
    ctx.depth0[i] = ctx.d_min + ctx.column[i] * column_step;
  place_nodes (&ctx);

  layout = g_new0 (WmSankeyLayout, 1);
  layout->area = *area;
  layout->orientation = ctx.opt.orientation;
  layout->n_columns = ctx.n_columns;
  layout->scale = ctx.scale;
  layout->n_nodes = ctx.n_nodes;
  layout->nodes = g_new0 (WmSankeyNode, MAX (ctx.n_nodes, 1));
  layout->n_links = ctx.n_links;
  layout->links = g_new0 (WmSankeyLink, MAX (ctx.n_links, 1));
  layout->link_order = g_new (guint, MAX (ctx.n_links, 1));

  for (guint c = 0; c < ctx.n_columns; c++)
    for (guint k = ctx.col_start[c]; k < ctx.col_start[c + 1]; k++)
      {
        guint i = ctx.col_nodes[k];
        WmSankeyNode *node = &layout->nodes[i];

        node->rect = device_rect (ctx.opt.orientation, ctx.depth0[i], ctx.top[i],
                                  ctx.opt.node_width, ctx.height[i]);
        node->column = c;
        node->order = k - ctx.col_start[c];
        node->value = ctx.value[i];
        node->pinned = !isnan (ctx.pin[i]);
      }

  for (guint i = 0; i < ctx.n_links; i++)
    {
      const WmFlowLink *in = &graph->links[i];
      WmSankeyLink *link = &layout->links[i];

      link->source = in->source;
      link->target = in->target;
      layout->link_order[i] = i;
      if (ctx.skip[i])
        continue;
      link->x0 = ctx.depth0[in->source] + ctx.opt.node_width;
      link->x1 = ctx.depth0[in->target];
      link->width = ctx.lw[i];
      link->y0 = ctx.ls[i] + link->width / 2;
      link->y1 = ctx.lt[i] + link->width / 2;
      link->clamped = in->customers * ctx.scale < ctx.min_w;
    }
  g_qsort_with_data (layout->link_order, ctx.n_links, sizeof (guint),
                     compare_link_width, layout);

  layout->n_labels = ctx.n_nodes;
  layout->labels = g_new0 (WmSankeyLabel, MAX (ctx.n_nodes, 1));
  if (ctx.opt.show_labels)
    wm_sankey_place_labels (layout, graph, &ctx.opt);
  else
    for (guint i = 0; i < ctx.n_nodes; i++)
      layout->labels[i].node = i;

  ctx_clear (&ctx);

  return layout;
}

void
wm_sankey_layout_free (WmSankeyLayout *layout)
{
  if (layout == NULL)
    return;

  for (guint i = 0; i < layout->n_labels; i++)
    {
      g_free (layout->labels[i].name);
      g_free (layout->labels[i].value);
    }
  g_free (layout->labels);
  g_free (layout->nodes);
  g_free (layout->links);
  g_free (layout->link_order);
  g_free (layout);
}

/* Geometry queries. ---------------------------------------------------- */

/* The band centre's depth fraction along a link is x(t) = x0 + (x1 - x0) ·
 * (1.5 t (1 - t) + t³) for the Bézier drawn by wm_sankey_link_path; its
 * breadth is y0 + (y1 - y0) · (3t² − 2t³). */
static double
band_centre_at (const WmSankeyLink *link,
                double              d)
{
  double lo = 0;
  double hi = 1;
  double t;

  for (guint i = 0; i < 30; i++)
    {
      double mid = (lo + hi) / 2;
      double x = link->x0 + (link->x1 - link->x0) * (1.5 * mid * (1 - mid) + mid * mid * mid);

      if (x < d)
        lo = mid;
      else
        hi = mid;
    }
  t = (lo + hi) / 2;

  return link->y0 + (link->y1 - link->y0) * (3 * t * t - 2 * t * t * t);
}

static inline gboolean
rect_contains (const WmRect *r,
               double        x,
               double        y,
               double        slack)
{
  return x >= r->x - slack && x <= r->x + r->width + slack &&
         y >= r->y - slack && y <= r->y + r->height + slack;
}

WmSankeyHit
wm_sankey_layout_hit (const WmSankeyLayout *layout,
                      double                x,
                      double                y)
{
  WmSankeyHit hit = { WM_SANKEY_HIT_NONE, 0 };
  gboolean vertical = layout->orientation == WM_SANKEY_VERTICAL;
  double d = vertical ? y : x;
  double b = vertical ? x : y;

  for (guint i = 0; i < layout->n_nodes; i++)
    if (rect_contains (&layout->nodes[i].rect, x, y, 0))
      return (WmSankeyHit) { WM_SANKEY_HIT_NODE, i };

  for (guint i = 0; i < layout->n_labels; i++)
    if (layout->labels[i].visible && rect_contains (&layout->labels[i].rect, x, y, 0))
      return (WmSankeyHit) { WM_SANKEY_HIT_LABEL, layout->labels[i].node };

  /* Topmost first: the reverse of the drawing order. A band thinner than
   * 4 px is given a 4 px target so it stays clickable. */
  for (guint k = layout->n_links; k-- > 0;)
    {
      guint i = layout->link_order[k];
      const WmSankeyLink *link = &layout->links[i];
      double half;

      if (link->width <= 0 || d < link->x0 || d > link->x1)
        continue;
      half = MAX (link->width, 4) / 2;
      if (fabs (b - band_centre_at (link, d)) <= half)
        return (WmSankeyHit) { WM_SANKEY_HIT_LINK, i };
    }

  return hit;
}

void
wm_sankey_link_path (const WmSankeyLayout *layout,
                     guint                 link,
                     double                points[8])
{
  const WmSankeyLink *l = &layout->links[link];
  double xm = (l->x0 + l->x1) / 2;
  double d[4] = { l->x0, xm, xm, l->x1 };
  double b[4] = { l->y0, l->y0, l->y1, l->y1 };
  gboolean vertical = layout->orientation == WM_SANKEY_VERTICAL;

  for (guint i = 0; i < 4; i++)
    {
      points[2 * i] = vertical ? b[i] : d[i];
      points[2 * i + 1] = vertical ? d[i] : b[i];
    }
}
