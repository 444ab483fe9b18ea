/* wm-sankey-layout-private.h: the working state shared by the layout's stages
 *
 * Everything is computed in abstract coordinates: depth runs along the flow
 * (x when horizontal), breadth across it (y when horizontal).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-sankey-layout.h"

G_BEGIN_DECLS

typedef struct
{
  const WmFlowGraph *graph;
  WmSankeyOptions    opt;

  guint              n_nodes;
  guint              n_links;
  guint              n_columns;

  guint             *column;      /* per node */
  double            *value;       /* per node */
  gboolean          *skip;        /* per link: not drawable (target not right of source) */

  /* Adjacency, compressed: links leaving node i are out_links[out_start[i] ..
   * out_start[i + 1]), likewise for arriving links. */
  guint             *out_start;
  guint             *out_links;
  guint             *in_start;
  guint             *in_links;

  /* Column slices of col_nodes, in order (top first). */
  guint             *col_start;
  guint             *col_nodes;
  double            *rank;        /* per node: (rank + 0.5) / column size */

  /* Geometry. */
  double             b_min;       /* breadth extent of the area */
  double             b_max;
  double             d_min;       /* depth extent left for nodes */
  double             d_max;
  double             padding;     /* effective node padding */
  double             min_h;       /* effective minimum node height */
  double             min_w;       /* effective minimum link width */
  double             scale;
  double            *top;         /* per node breadth start */
  double            *height;
  double            *depth0;      /* per node depth start */
  double            *pin;         /* per node pinned top, or NAN */
  double            *lw;          /* per link width */
  double            *ls;          /* per link band top at the source */
  double            *lt;          /* per link band top at the target */

  guint             *scratch_free;   /* n_nodes each, for resolving collisions */
  guint             *scratch_pinned;
  double            *scratch_spans;  /* 2 × n_nodes */
} WmSankeyCtx;

/* wm-sankey-order.c */
void   wm_sankey_ctx_update_ranks     (WmSankeyCtx *ctx);
double wm_sankey_ctx_order_crossings  (WmSankeyCtx *ctx);
void   wm_sankey_ctx_minimise_crossings (WmSankeyCtx *ctx);

/* wm-sankey-labels.c: fills layout->labels; the layout's nodes are final and
 * in device coordinates. */
void   wm_sankey_place_labels         (WmSankeyLayout        *layout,
                                       const WmFlowGraph     *graph,
                                       const WmSankeyOptions *options);
/* Width (horizontal) or height (vertical) the last column's labels want. */
double wm_sankey_label_margin         (const WmFlowGraph     *graph,
                                       const guint           *column,
                                       guint                  last_column,
                                       const WmRect          *area,
                                       const WmSankeyOptions *options);
/* The label lines of a node: its name and "count · share". */
char  *wm_sankey_label_value_text     (const WmFlowGraph     *graph,
                                       guint                  node);

G_END_DECLS
