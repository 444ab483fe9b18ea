/* wm-chart-fixtures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "wm-chart-fixtures.h"

typedef struct
{
  guint           step;
  const char     *name;
  const char     *channel;
  WmFlowNodeKind  kind;
} NodeSpec;

typedef struct
{
  guint   source;
  guint   target;
  guint64 customers;
} LinkSpec;

WmFlowGraph *
wm_fixture_bank_flow (void)
{
  static const NodeSpec nodes[] = {
    /* 0 */ { 0, "Payment notice", "email", WM_FLOW_NODE_TOUCHPOINT },
    /* 1 */ { 1, "App login", "app", WM_FLOW_NODE_TOUCHPOINT },
    /* 2 */ { 1, "Web login", "web", WM_FLOW_NODE_TOUCHPOINT },
    /* 3 */ { 1, "IVR menu", "ivr", WM_FLOW_NODE_TOUCHPOINT },
    /* 4 */ { 1, "Exit", NULL, WM_FLOW_NODE_EXIT },
    /* 5 */ { 2, "App payment", "app", WM_FLOW_NODE_TOUCHPOINT },
    /* 6 */ { 2, "Web payment", "web", WM_FLOW_NODE_TOUCHPOINT },
    /* 7 */ { 2, "Agent requested", "ivr", WM_FLOW_NODE_TOUCHPOINT },
    /* 8 */ { 2, "IVR payment attempt", "ivr", WM_FLOW_NODE_TOUCHPOINT },
    /* 9 */ { 2, "Other", NULL, WM_FLOW_NODE_OTHER },
    /* 10 */ { 2, "Exit", NULL, WM_FLOW_NODE_EXIT },
    /* 11 */ { 3, "Payment completed", NULL, WM_FLOW_NODE_TOUCHPOINT },
    /* 12 */ { 3, "Agent call", "agent", WM_FLOW_NODE_TOUCHPOINT },
    /* 13 */ { 3, "Exit", NULL, WM_FLOW_NODE_EXIT },
    /* 14 */ { 4, "收据已发送", "sms", WM_FLOW_NODE_TOUCHPOINT },
    /* 15 */ { 4, "Payment completed", NULL, WM_FLOW_NODE_TOUCHPOINT },
    /* 16 */ { 4, "Exit", NULL, WM_FLOW_NODE_EXIT },
  };
  static const LinkSpec links[] = {
    { 0, 1, 5000000 }, { 0, 2, 3400000 }, { 0, 3, 3100000 }, { 0, 4, 1000000 },
    { 1, 5, 3600000 }, { 1, 10, 1400000 },
    { 2, 6, 2300000 }, { 2, 9, 200000 }, { 2, 10, 900000 },
    { 3, 7, 1860000 }, { 3, 8, 930000 }, { 3, 10, 310000 },
    { 5, 11, 2950000 }, { 5, 12, 350000 }, { 5, 13, 300000 },
    { 6, 11, 2000000 }, { 6, 12, 150000 }, { 6, 13, 150000 },
    { 8, 11, 420000 }, { 8, 12, 400000 }, { 8, 13, 110000 },
    { 7, 12, 1700000 }, { 7, 13, 160000 },
    { 9, 11, 80000 }, { 9, 13, 120000 },
    { 11, 14, 5200000 }, { 11, 16, 250000 },
    { 12, 15, 2100000 }, { 12, 16, 500000 },
  };
  WmFlowGraph *graph = wm_flow_graph_new (G_N_ELEMENTS (nodes), G_N_ELEMENTS (links));

  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    {
      WmFlowNode *n = &graph->nodes[i];

      n->id = g_strdup_printf ("%u:%s", nodes[i].step, nodes[i].name);
      n->touchpoint = g_strdup (nodes[i].name);
      n->channel = g_strdup (nodes[i].channel);
      n->step = nodes[i].step;
      n->kind = nodes[i].kind;
    }
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      graph->links[i] = (WmFlowLink) { links[i].source, links[i].target, links[i].customers };
      graph->nodes[links[i].target].customers += links[i].customers;
    }
  graph->nodes[0].customers = 12500000;
  graph->start_customers = 12500000;
  graph->n_steps = 5;

  return graph;
}

static void
fill_step (WmFunnelStep *steps,
           guint         k,
           const char   *touchpoint,
           guint64       customers,
           guint64       in_progress,
           double        median_s)
{
  WmFunnelStep *s = &steps[k];

  s->touchpoints = g_new0 (char *, 2);
  s->touchpoints[0] = g_strdup (touchpoint);
  s->customers = customers;
  s->in_progress = in_progress;
  s->median_s = median_s;
  s->from_start = steps[0].customers > 0 ? (double) customers / steps[0].customers : 0;
  s->from_previous = k == 0 ? 1.0
                            : steps[k - 1].customers > 0 ? (double) customers / steps[k - 1].customers
                                                         : 0;
  s->dropped = k == 0 ? 0 : steps[k - 1].customers - customers - in_progress;
}

static void
fill_steps (WmFunnelStep  *steps,
            const guint64 *counts,
            const guint64 *in_progress)
{
  static const char *names[] = { "Payment notice", "Login", "Payment attempt", "Payment completed" };
  static const double medians[] = { NAN, 5400, 420, 95 };

  for (guint k = 0; k < 4; k++)
    fill_step (steps, k, names[k], counts[k], in_progress[k], medians[k]);
}

WmFunnelResult *
wm_fixture_bank_funnel (gboolean breakdown)
{
  static const guint64 total[] = { 12500000, 11500000, 7420000, 5870000 };
  static const guint64 total_ip[] = { 0, 0, 180000, 42000 };
  static const struct { const char *value; guint64 counts[4]; guint64 ip[4]; } segments[] = {
    { "app", { 5600000, 5000000, 3600000, 2950000 }, { 0, 0, 90000, 20000 } },
    { "web", { 3800000, 3400000, 2300000, 2000000 }, { 0, 0, 50000, 12000 } },
    { "ivr", { 3100000, 3100000, 1520000, 920000 }, { 0, 0, 40000, 10000 } },
  };
  WmFunnelResult *result = g_new0 (WmFunnelResult, 1);

  result->order = WM_FUNNEL_ORDERED;
  result->window_s = 14 * 86400;
  result->n_steps = 4;
  result->steps = g_new0 (WmFunnelStep, 4);
  fill_steps (result->steps, total, total_ip);

  if (breakdown)
    {
      result->breakdown_by = g_strdup ("channel");
      result->n_segments = G_N_ELEMENTS (segments);
      result->segments = g_new0 (WmFunnelSegment, result->n_segments);
      for (guint s = 0; s < result->n_segments; s++)
        {
          result->segments[s].value = g_strdup (segments[s].value);
          result->segments[s].steps = g_new0 (WmFunnelStep, 4);
          fill_steps (result->segments[s].steps, segments[s].counts, segments[s].ip);
        }
    }

  return result;
}

WmFlowGraph *
wm_fixture_random_flow (guint32 seed,
                        guint   n_columns,
                        guint   n_nodes,
                        guint   n_links)
{
  static const char *channels[] = { "app", "web", "ivr", "agent", "email", "sms", "branch" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree guint *col_start = g_new0 (guint, n_columns + 1);
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (WmFlowLink));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  WmFlowGraph *graph;
  guint first_column;

  g_return_val_if_fail (n_columns >= 2 && n_nodes >= n_columns, NULL);

  /* The first column is small (journeys start in few places); the rest
   * share the remaining nodes evenly. */
  first_column = MAX (1, n_nodes / (n_columns * 2));
  col_start[1] = first_column;
  for (guint c = 1; c < n_columns; c++)
    col_start[c + 1] = first_column + (n_nodes - first_column) * c / (n_columns - 1);

  graph = wm_flow_graph_new (n_nodes, 0);
  for (guint c = 0; c < n_columns; c++)
    for (guint i = col_start[c]; i < col_start[c + 1]; i++)
      {
        WmFlowNode *n = &graph->nodes[i];
        guint pick = g_rand_int_range (rand, 0, 20);

        n->step = c;
        n->kind = c > 0 && pick == 0 ? WM_FLOW_NODE_EXIT
                  : c > 0 && pick == 1 ? WM_FLOW_NODE_OTHER : WM_FLOW_NODE_TOUCHPOINT;
        n->touchpoint = n->kind == WM_FLOW_NODE_EXIT ? g_strdup ("Exit")
                        : n->kind == WM_FLOW_NODE_OTHER ? g_strdup ("Other")
                        : g_strdup_printf ("Touchpoint %u", i);
        n->id = g_strdup_printf ("%u:%s", c, n->touchpoint);
        n->channel = n->kind == WM_FLOW_NODE_TOUCHPOINT
                     ? g_strdup (channels[g_rand_int_range (rand, 0, G_N_ELEMENTS (channels))])
                     : NULL;
      }

#define ADD_LINK(s, t) G_STMT_START {                                           \
    gpointer key = GUINT_TO_POINTER ((s) * n_nodes + (t) + 1);                  \
    if (!g_hash_table_contains (seen, key))                                      \
      {                                                                          \
        /* Heavy-tailed: most flows small, a few large. */                      \
        double u = g_rand_double_range (rand, 0.02, 1.0);                        \
        WmFlowLink l = { (s), (t), (guint64) (1000.0 / (u * u)) };               \
        g_hash_table_add (seen, key);                                            \
        g_array_append_val (links, l);                                           \
      }                                                                          \
  } G_STMT_END

  /* Every node is left (unless an Exit or in the last column) and reached. */
  for (guint c = 0; c + 1 < n_columns; c++)
    {
      for (guint i = col_start[c]; i < col_start[c + 1]; i++)
        if (graph->nodes[i].kind != WM_FLOW_NODE_EXIT)
          ADD_LINK (i, g_rand_int_range (rand, col_start[c + 1], col_start[c + 2]));
      for (guint j = col_start[c + 1]; j < col_start[c + 2]; j++)
        {
          guint tries = 0;
          guint i;

          do
            i = g_rand_int_range (rand, col_start[c], col_start[c + 1]);
          while (graph->nodes[i].kind == WM_FLOW_NODE_EXIT && ++tries < 16);
          if (graph->nodes[i].kind != WM_FLOW_NODE_EXIT)
            ADD_LINK (i, j);
        }
    }
  for (guint tries = 0; links->len < n_links && tries < n_links * 20; tries++)
    {
      guint c = g_rand_int_range (rand, 0, n_columns - 1);
      guint i = g_rand_int_range (rand, col_start[c], col_start[c + 1]);
      guint j = g_rand_int_range (rand, col_start[c + 1], col_start[c + 2]);

      if (graph->nodes[i].kind != WM_FLOW_NODE_EXIT)
        ADD_LINK (i, j);
    }
#undef ADD_LINK

  g_free (graph->links);
  graph->n_links = links->len;
  graph->links = g_memdup2 (links->data, sizeof (WmFlowLink) * MAX (links->len, 1));
  for (guint l = 0; l < graph->n_links; l++)
    graph->nodes[graph->links[l].target].customers += graph->links[l].customers;
  for (guint i = col_start[0]; i < col_start[1]; i++)
    for (guint l = 0; l < graph->n_links; l++)
      if (graph->links[l].source == i)
        graph->nodes[i].customers += graph->links[l].customers;
  for (guint i = col_start[0]; i < col_start[1]; i++)
    graph->start_customers += graph->nodes[i].customers;
  graph->n_steps = n_columns;

  return graph;
}

const WmFunnelPart *
wm_fixture_funnel_part (const WmFunnelLayout *layout,
                        WmFunnelPartKind      kind,
                        guint                 step,
                        int                   segment)
{
  for (guint i = 0; i < layout->n_parts; i++)
    if (layout->parts[i].kind == kind && layout->parts[i].step == step &&
        layout->parts[i].segment == segment)
      return &layout->parts[i];

  return NULL;
}
