/* wm-flow-graph.h: the result of a flow query, the input of the Sankey layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  WM_FLOW_NODE_TOUCHPOINT,
  WM_FLOW_NODE_OTHER,   /* touchpoints outside the step's top N, grouped */
  WM_FLOW_NODE_EXIT,    /* customers with no further event */
} WmFlowNodeKind;

typedef struct
{
  char           *id;          /* stable, e.g. "2:IVR menu", "3:Other", "4:Exit" */
  char           *touchpoint;  /* display label */
  char           *channel;     /* the channel most of its customers used, or NULL */
  guint           step;        /* column, 0-based */
  WmFlowNodeKind  kind;
  guint64         customers;
} WmFlowNode;

typedef struct
{
  guint   source;     /* index into nodes */
  guint   target;     /* index into nodes; its step is source's step + 1 */
  guint64 customers;
} WmFlowLink;

typedef struct
{
  WmFlowNode *nodes;
  guint       n_nodes;
  WmFlowLink *links;
  guint       n_links;
  guint64     start_customers;  /* customers in step 0 */
  guint       n_steps;
} WmFlowGraph;

#define WM_TYPE_FLOW_GRAPH (wm_flow_graph_get_type ())

GType        wm_flow_graph_get_type   (void) G_GNUC_CONST;
WmFlowGraph *wm_flow_graph_new        (guint            n_nodes,
                                       guint            n_links);
WmFlowGraph *wm_flow_graph_copy       (const WmFlowGraph *graph);
void         wm_flow_graph_free       (WmFlowGraph     *graph);
/* Index of the node with @id, or -1. */
int          wm_flow_graph_find_node  (const WmFlowGraph *graph,
                                       const char      *id);

/* What people call node @node: its touchpoint, or "Exit" / "Other" in
 * their language. */
const char  *wm_flow_graph_node_name  (const WmFlowGraph *graph,
                                       guint            node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmFlowGraph, wm_flow_graph_free)

G_END_DECLS
