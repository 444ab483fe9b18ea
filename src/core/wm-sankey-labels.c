/* wm-sankey-labels.c: node labels that never overlap
 *
 * Each column's labels share one lane (horizontal: the gap to the next
 * column, or the right margin for the last; vertical: the gap below the
 * row). Larger nodes are labelled first; a label moves along the lane to the
 * nearest free place that still touches its node, drops its value line, is
 * ellipsized to the room there is, or is hidden (the widget shows a tooltip).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "wm-sankey-layout-private.h"
#include "wm-format.h"

#define LANE_SPACING 2.0

char *
wm_sankey_label_value_text (const WmFlowGraph *graph,
                            guint              node)
{
  guint64 customers = graph->nodes[node].customers;
  g_autofree char *count = wm_format_count_compact (customers);
  g_autofree char *share = NULL;

  if (graph->start_customers == 0)
    return g_steal_pointer (&count);

  share = wm_format_share ((double) customers / graph->start_customers);
  return g_strdup_printf ("%s · %s", count, share);
}

double
wm_sankey_label_margin (const WmFlowGraph     *graph,
                        const guint           *column,
                        guint                  last_column,
                        const WmRect          *area,
                        const WmSankeyOptions *options)
{
  double widest = 0;
  double name_h = 0;
  double value_h = 0;

  for (guint i = 0; i < graph->n_nodes; i++)
    {
      g_autofree char *value = NULL;
      double w;

      if (column[i] != last_column)
        continue;
      value = wm_sankey_label_value_text (graph, i);
      wm_text_measure (&options->measurer, wm_flow_graph_node_name (graph, i), options->label_size,
                       WM_TEXT_BOLD, &w, &name_h);
      widest = MAX (widest, w);
      wm_text_measure (&options->measurer, value, options->value_size,
                       WM_TEXT_REGULAR, &w, &value_h);
      widest = MAX (widest, w);
    }

  if (options->orientation == WM_SANKEY_VERTICAL)
    return options->label_gap + name_h + value_h;

  return MIN (widest + 2 * options->label_gap, options->max_label_share * area->width);
}

/* The start nearest @want in [lo, hi] where an extent of @size collides with
 * none of @used; FALSE if there is none. */
static gboolean
lane_find (const double *used,
           guint         n_used,
           double        size,
           double        want,
           double        lo,
           double        hi,
           double       *found)
{
  double best = NAN;

  if (hi < lo)
    return FALSE;

  for (guint c = 0; c <= 2 * n_used; c++)
    {
      double start;
      gboolean clear = TRUE;

      if (c == 0)
        start = want;
      else if (c % 2 == 1)
        start = used[2 * ((c - 1) / 2) + 1] + LANE_SPACING;
      else
        start = used[2 * ((c - 1) / 2)] - LANE_SPACING - size;
      start = CLAMP (start, lo, hi);

      for (guint u = 0; u < n_used && clear; u++)
        if (start < used[2 * u + 1] + LANE_SPACING - 1e-9 &&
            start + size > used[2 * u] - LANE_SPACING + 1e-9)
          clear = FALSE;

      if (clear && (isnan (best) || fabs (start - want) < fabs (best - want)))
        best = start;
    }

  if (isnan (best))
    return FALSE;
  *found = best;
  return TRUE;
}

typedef struct
{
  double start;  /* of the lane along the depth axis */
  double room;   /* depth room for the text */
} Lane;

static int
compare_by_value (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const WmSankeyLayout *layout = user_data;
  double va = layout->nodes[*(const guint *) a].value;
  double vb = layout->nodes[*(const guint *) b].value;

  if (va != vb)
    return va > vb ? -1 : 1;

  return *(const guint *) a < *(const guint *) b ? -1 : 1;
}

/* Where the lane of a column starts and how deep it is. */
static Lane
column_lane (const WmSankeyLayout  *layout,
             const WmSankeyOptions *options,
             guint                  column)
{
  gboolean vertical = layout->orientation == WM_SANKEY_VERTICAL;
  double area_end = vertical ? layout->area.y + layout->area.height
                             : layout->area.x + layout->area.width;
  double node_end = -G_MAXDOUBLE;
  double next = area_end;
  Lane lane;

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const WmRect *r = &layout->nodes[i].rect;
      double d0 = vertical ? r->y : r->x;
      double d1 = vertical ? r->y + r->height : r->x + r->width;

      if (layout->nodes[i].column == column)
        node_end = MAX (node_end, d1);
      else if (layout->nodes[i].column > column)
        next = MIN (next, d0);
    }

  lane.start = node_end + options->label_gap;
  lane.room = next - options->label_gap - lane.start;
  return lane;
}

static void
place_label (WmSankeyLayout        *layout,
             const WmFlowGraph     *graph,
             const WmSankeyOptions *options,
             guint                  node,
             const Lane            *lane,
             double                *used,
             guint                 *n_used)
{
  const WmTextMeasurer *m = &options->measurer;
  gboolean vertical = layout->orientation == WM_SANKEY_VERTICAL;
  const WmRect *r = &layout->nodes[node].rect;
  WmSankeyLabel *label = &layout->labels[node];
  g_autofree char *value = wm_sankey_label_value_text (graph, node);
  const char *full_name = wm_flow_graph_node_name (graph, node);
  double b_lo = vertical ? layout->area.x : layout->area.y;
  double b_hi = b_lo + (vertical ? layout->area.width : layout->area.height);
  double n0 = vertical ? r->x : r->y;
  double n1 = n0 + (vertical ? r->width : r->height);
  /* Room across the flow for one label (vertical layouts only). */
  double across = MIN (b_hi - b_lo, MAX (n1 - n0, 10 * options->label_size));
  double max_width = vertical ? across : lane->room;

  label->node = node;
  label->visible = FALSE;

  for (guint lines = 2; lines >= 1; lines--)
    {
      g_autofree char *name = NULL;
      double name_w, name_h, value_w = 0, value_h = 0;
      double text_w, text_h, size, start;

      name = wm_text_ellipsize (m, full_name, options->label_size, WM_TEXT_BOLD,
                                max_width, &name_w);
      if (name == NULL)
        return;
      wm_text_measure (m, name, options->label_size, WM_TEXT_BOLD, &name_w, &name_h);
      if (lines == 2)
        {
          wm_text_measure (m, value, options->value_size, WM_TEXT_REGULAR, &value_w, &value_h);
          if (value_w > max_width)
            continue;
        }

      text_w = MAX (name_w, value_w);
      text_h = name_h + value_h;
      if ((vertical ? text_h : text_w) > lane->room + 1e-9)
        continue;

      /* The label must stay beside its node: its extent has to overlap the
       * node's, by half its size or the node's, whichever is less. */
      size = vertical ? text_w : text_h;
      {
        double overlap = MIN (size, n1 - n0) / 2;
        double lo = MAX (b_lo, n0 + overlap - size);
        double hi = MIN (b_hi - size, n1 - overlap);

        if (!lane_find (used, *n_used, size, (n0 + n1) / 2 - size / 2, lo, hi, &start))
          continue;
      }

      used[2 * *n_used] = start;
      used[2 * *n_used + 1] = start + size;
      (*n_used)++;

      label->visible = TRUE;
      label->ellipsized = g_strcmp0 (name, full_name) != 0;
      label->name = g_steal_pointer (&name);
      label->value = lines == 2 ? g_steal_pointer (&value) : NULL;
      label->name_height = name_h;
      if (vertical)
        {
          label->rect = (WmRect) { start, lane->start, text_w, text_h };
          label->xalign = 0.5;
        }
      else
        {
          label->rect = (WmRect) { lane->start, start, text_w, text_h };
          label->xalign = 0;
        }
      return;
    }
}

void
wm_sankey_place_labels (WmSankeyLayout        *layout,
                        const WmFlowGraph     *graph,
                        const WmSankeyOptions *options)
{
  g_autofree guint *nodes = g_new (guint, MAX (layout->n_nodes, 1));
  g_autofree double *used = g_new (double, 2 * MAX (layout->n_nodes, 1));

  for (guint c = 0; c < layout->n_columns; c++)
    {
      Lane lane = column_lane (layout, options, c);
      guint n = 0;
      guint n_used = 0;

      for (guint i = 0; i < layout->n_nodes; i++)
        if (layout->nodes[i].column == c)
          nodes[n++] = i;
      g_qsort_with_data (nodes, n, sizeof (guint), compare_by_value, layout);

      for (guint k = 0; k < n; k++)
        place_label (layout, graph, options, nodes[k], &lane, used, &n_used);
    }

  for (guint i = 0; i < layout->n_nodes; i++)
    layout->labels[i].node = i;
}
