/* wm-sankey-layout.h: pure geometry of a Sankey diagram of a flow graph
 *
 * No cairo here: the layout measures labels through a WmTextMeasurer, so
 * tests, the CLI's --layout and the widget's hit testing share it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "wm-chart-text.h"
#include "wm-flow-graph.h"

G_BEGIN_DECLS

typedef enum
{
  WM_SANKEY_ALIGN_LEFT,     /* column = the node's step */
  WM_SANKEY_ALIGN_JUSTIFY,  /* nodes without outgoing links go to the last column */
} WmSankeyAlign;

typedef enum
{
  WM_SANKEY_HORIZONTAL,     /* steps left to right */
  WM_SANKEY_VERTICAL,       /* steps top to bottom */
} WmSankeyOrientation;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} WmRect;

typedef struct
{
  WmSankeyAlign        align;
  WmSankeyOrientation  orientation;
  double               node_width;       /* thickness along the flow */
  double               node_padding;     /* least gap between nodes of a column */
  double               min_node_height;  /* so tiny nodes stay visible and clickable */
  double               min_link_width;   /* likewise for bands */
  guint                sweeps;           /* barycentre down+up passes (0: keep input order) */
  guint                relax_iterations; /* position relaxation passes */
  gboolean             show_labels;
  double               label_size;       /* pixels, the touchpoint name */
  double               value_size;       /* pixels, the count line below it */
  double               label_gap;        /* between a node and its label */
  double               max_label_share;  /* of the width, for the last column's labels */
  WmTextMeasurer       measurer;         /* unset: wm_text_measure_estimate */
  /* n_pins entries: node index and the position its top (left when
   * vertical) edge is dragged to, in the layout's coordinates. */
  const guint         *pin_nodes;
  const double        *pin_positions;
  guint                n_pins;
} WmSankeyOptions;

typedef struct
{
  WmRect   rect;
  guint    column;
  guint    order;        /* rank in its column, top (left) first */
  double   value;        /* what its height stands for */
  gboolean pinned;
} WmSankeyNode;

/* A band runs from the source node's far edge to the target's near edge.
 * Positions are along the breadth axis (y when horizontal, x when vertical). */
typedef struct
{
  guint  source;
  guint  target;
  double x0;         /* depth-axis end at the source (x when horizontal) */
  double x1;         /* at the target */
  double y0;         /* band centre at the source (as in d3-sankey) */
  double y1;         /* band centre at the target */
  double width;      /* band thickness; value × scale, or min_link_width when clamped */
  gboolean clamped;  /* width raised to min_link_width */
} WmSankeyLink;

typedef struct
{
  guint     node;
  gboolean  visible;     /* FALSE: no room; the widget shows it as a tooltip */
  char     *name;        /* as drawn: possibly ellipsized; NULL when hidden */
  char     *value;       /* count and share line, or NULL if it did not fit */
  gboolean  ellipsized;
  WmRect    rect;        /* union of both lines */
  double    name_height; /* height of the first line inside rect */
  double    xalign;      /* where each line sits across rect: 0 left, 0.5 centred */
} WmSankeyLabel;

typedef struct
{
  WmRect          area;
  WmSankeyOrientation orientation;
  guint           n_columns;
  double          scale;        /* pixels per customer */
  guint           n_nodes;
  WmSankeyNode   *nodes;        /* indexed like the graph's nodes */
  guint           n_links;
  WmSankeyLink   *links;        /* indexed like the graph's links */
  guint           n_labels;
  WmSankeyLabel  *labels;       /* visible and hidden, one per node */
  guint          *link_order;   /* drawing order: widest first, thin bands on top */
} WmSankeyLayout;

typedef enum
{
  WM_SANKEY_HIT_NONE,
  WM_SANKEY_HIT_NODE,
  WM_SANKEY_HIT_LINK,
  WM_SANKEY_HIT_LABEL,
} WmSankeyHitKind;

typedef struct
{
  WmSankeyHitKind kind;
  guint           index;  /* node (for NODE and LABEL) or link */
} WmSankeyHit;

void            wm_sankey_options_init        (WmSankeyOptions       *options);

/* Lays @graph out in @area; @options may be NULL for the defaults. */
WmSankeyLayout *wm_sankey_layout_new          (const WmFlowGraph     *graph,
                                               const WmRect          *area,
                                               const WmSankeyOptions *options);
void            wm_sankey_layout_free         (WmSankeyLayout        *layout);

/* What is under (@x, @y): nodes first, then labels, then the topmost band. */
WmSankeyHit     wm_sankey_layout_hit          (const WmSankeyLayout  *layout,
                                               double                 x,
                                               double                 y);

/* Marks in @nodes_lit (n_nodes entries) and @links_lit (n_links) the flow
 * through @hit: for a node (or its label), every node and band on a path
 * into or out of it; for a band, the band and the paths into its source
 * and out of its target. Everything is marked for WM_SANKEY_HIT_NONE. */
void            wm_sankey_layout_flow_through (const WmSankeyLayout  *layout,
                                               const WmSankeyHit     *hit,
                                               gboolean              *nodes_lit,
                                               gboolean              *links_lit);

/* Weighted crossings: for every pair of bands whose column spans overlap,
 * compared at both ends of the overlap (band centres, linearly interpolated
 * for bands spanning several columns): if their order flips, add the product
 * of their customers. Bands sharing a node never count. */
double          wm_sankey_layout_crossings    (const WmSankeyLayout  *layout,
                                               const WmFlowGraph     *graph);

/* The centre line of a band, as a cubic Bézier from (x0, ym0) to (x1, ym1)
 * with control points at the horizontal midpoint; in device coordinates
 * (swapped for vertical layouts). */
void            wm_sankey_link_path           (const WmSankeyLayout  *layout,
                                               guint                  link,
                                               double                 points[8]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmSankeyLayout, wm_sankey_layout_free)

G_END_DECLS
