/* wm-chart-describe.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "wm-chart-describe.h"
#include "wm-chart-text.h"
#include "wm-format.h"

static char *
format_customers (guint64 n)
{
  g_autofree char *count = wm_format_count (n);

  /* Translators: a number of customers, e.g. "3,100,000 customers" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s customer", "%s customers", n), count);
}

static double
share_of_start (const WmFlowGraph *graph,
                guint64            customers)
{
  return graph->start_customers > 0 ? (double) customers / graph->start_customers : 0;
}

char *
wm_flow_describe_node (const WmFlowGraph *graph,
                       guint              node)
{
  const WmFlowNode *n;
  g_autofree char *customers = NULL;
  g_autofree char *share = NULL;
  GString *text;

  g_return_val_if_fail (node < graph->n_nodes, NULL);

  n = &graph->nodes[node];
  customers = format_customers (n->customers);
  share = wm_format_share (share_of_start (graph, n->customers));
  text = g_string_new (wm_flow_graph_node_name (graph, node));
  /* Translators: "3,100,000 customers · 25% of start" */
  g_string_append_printf (text, _("\n%s · %s of start"), customers, share);
  if (n->channel != NULL && n->channel[0] != '\0')
    /* Translators: the channel most of a node's customers used */
    g_string_append_printf (text, _("\nChannel: %s"), n->channel);

  return g_string_free (text, FALSE);
}

char *
wm_flow_describe_link (const WmFlowGraph *graph,
                       guint              link)
{
  const WmFlowLink *l;
  g_autofree char *count = NULL;
  g_autofree char *share = NULL;

  g_return_val_if_fail (link < graph->n_links, NULL);

  l = &graph->links[link];
  count = wm_format_count (l->customers);
  share = wm_format_share (share_of_start (graph, l->customers));

  /* Translators: a band of the flow chart, e.g.
   * "IVR menu → Agent requested: 1,860,000 customers (15% of start)" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s → %s: %s customer (%s of start)",
                                       "%s → %s: %s customers (%s of start)",
                                       l->customers),
                          wm_flow_graph_node_name (graph, l->source),
                          wm_flow_graph_node_name (graph, l->target),
                          count, share);
}

static int
compare_links (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const WmFlowGraph *graph = user_data;
  guint64 ca = graph->links[*(const guint *) a].customers;
  guint64 cb = graph->links[*(const guint *) b].customers;

  if (ca != cb)
    return ca > cb ? -1 : 1;
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

char *
wm_flow_describe_summary (const WmFlowGraph *graph,
                          guint              n_flows)
{
  g_autofree guint *order = NULL;
  g_autofree char *customers = NULL;
  GString *text;

  if (graph == NULL || graph->n_nodes == 0)
    return g_strdup (_("No customers in this flow."));

  customers = format_customers (graph->start_customers);
  /* Translators: "Flow of 12,500,000 customers over 5 steps." */
  text = g_string_new (NULL);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Flow of %s over %u step.",
                                             "Flow of %s over %u steps.", graph->n_steps),
                          customers, graph->n_steps);

  order = g_new (guint, MAX (1, graph->n_links));
  for (guint i = 0; i < graph->n_links; i++)
    order[i] = i;
  g_qsort_with_data (order, graph->n_links, sizeof (guint), compare_links, (gpointer) graph);
  n_flows = MIN (n_flows, graph->n_links);
  if (n_flows > 0)
    g_string_append (text, _(" Biggest flows: "));
  for (guint k = 0; k < n_flows; k++)
    {
      g_autofree char *link = wm_flow_describe_link (graph, order[k]);

      g_string_append (text, link);
      /* Translators: between the biggest flows, and after the last one */
      g_string_append (text, k + 1 < n_flows ? C_("list of flows", "; ") : C_("list of flows", "."));
    }

  return g_string_free (text, FALSE);
}

static const WmFunnelStep *
hit_step (const WmFunnelResult *result,
          const WmFunnelHit    *hit,
          guint                 step)
{
  if (hit->segment >= 0 && (guint) hit->segment < result->n_segments)
    return &result->segments[hit->segment].steps[step];
  return &result->steps[step];
}

char *
wm_funnel_describe_part (const WmFunnelResult *result,
                         const WmFunnelHit    *hit)
{
  const WmFunnelStep *s;
  g_autofree char *names = NULL;
  g_autofree char *customers = NULL;
  g_autofree char *from_start = NULL;
  g_autofree char *from_previous = NULL;
  g_autofree char *median = NULL;
  GString *text;

  g_return_val_if_fail (hit != NULL, NULL);

  if (!hit->hit || hit->step >= result->n_steps)
    return NULL;

  s = hit_step (result, hit, hit->step);
  names = g_strjoinv (_(" or "), s->touchpoints);
  text = g_string_new (NULL);
  switch (hit->kind)
    {
    case WM_FUNNEL_PART_DROP:
      /* Translators: "Dropped before step 3: Payment attempt" */
      g_string_append_printf (text, _("Dropped before step %u: %s"), hit->step + 1, names);
      break;
    case WM_FUNNEL_PART_IN_PROGRESS:
      /* Translators: "In progress before step 3: Payment attempt" */
      g_string_append_printf (text, _("In progress before step %u: %s"), hit->step + 1, names);
      break;
    case WM_FUNNEL_PART_BAR:
    default:
      /* Translators: "Step 3: Payment attempt" */
      g_string_append_printf (text, _("Step %u: %s"), hit->step + 1, names);
      break;
    }
  if (hit->segment >= 0 && (guint) hit->segment < result->n_segments)
    /* Translators: a breakdown, e.g. "channel: web" */
    g_string_append_printf (text, _("\n%s: %s"),
                            result->breakdown_by != NULL ? result->breakdown_by : "",
                            result->segments[hit->segment].value);

  customers = wm_format_count (s->customers);
  from_start = wm_format_share (s->from_start);
  g_string_append_printf (text, _("\nCustomers: %s"), customers);
  g_string_append_printf (text, _("\nFrom start: %s"), from_start);
  if (hit->step > 0)
    {
      g_autofree char *dropped = wm_format_count (s->dropped);
      g_autofree char *in_progress = wm_format_count (s->in_progress);

      from_previous = wm_format_share (s->from_previous);
      g_string_append_printf (text, _("\nFrom previous step: %s"), from_previous);
      g_string_append_printf (text, _("\nDropped: %s"), dropped);
      if (s->in_progress > 0)
        g_string_append_printf (text, _("\nIn progress: %s"), in_progress);
    }
  median = wm_chart_format_duration (s->median_s);
  if (median != NULL)
    g_string_append_printf (text, _("\nMedian time from the previous step: %s"), median);

  return g_string_free (text, FALSE);
}

char *
wm_funnel_describe_summary (const WmFunnelResult *result)
{
  const WmFunnelStep *last;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *share = NULL;
  GString *text;
  int drop;

  if (result == NULL || result->n_steps == 0)
    return g_strdup (_("No steps in this funnel."));

  last = &result->steps[result->n_steps - 1];
  start = format_customers (result->steps[0].customers);
  end = wm_format_count (last->customers);
  share = wm_format_share (last->from_start);
  text = g_string_new (NULL);
  /* Translators: "Funnel of 4 steps: 12,500,000 customers start, 5,870,000 (47%) reach the last step." */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "Funnel of %u step: %s start, %s (%s) reach the last step.",
                                             "Funnel of %u steps: %s start, %s (%s) reach the last step.",
                                             result->n_steps),
                          result->n_steps, start, end, share);
  drop = wm_funnel_result_biggest_drop (result);
  if (drop > 0)
    {
      g_autofree char *names = g_strjoinv (_(" or "), result->steps[drop].touchpoints);
      g_autofree char *dropped = format_customers (result->steps[drop].dropped);

      /* Translators: "The biggest drop is before step 3, Payment attempt: 3,900,000 customers." */
      g_string_append_printf (text, _(" The biggest drop is before step %u, %s: %s."),
                              drop + 1, names, dropped);
    }

  return g_string_free (text, FALSE);
}
