/* test-sankey-layout.c: WmSankeyLayout geometry, ordering, pins, labels, hit testing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "wm-chart-fixtures.h"
#include "wm-sankey-json.h"
#include "wm-sankey-layout.h"

#define EPS 1e-6

static gboolean
rects_intersect (const WmRect *a,
                 const WmRect *b)
{
  return a->x < b->x + b->width - EPS && b->x < a->x + a->width - EPS &&
         a->y < b->y + b->height - EPS && b->y < a->y + a->height - EPS;
}

/* Breadth extent of a node (across the flow). */
static void
node_span (const WmSankeyLayout *layout,
           guint                 i,
           double               *b0,
           double               *b1)
{
  const WmRect *r = &layout->nodes[i].rect;

  if (layout->orientation == WM_SANKEY_VERTICAL)
    {
      *b0 = r->x;
      *b1 = r->x + r->width;
    }
  else
    {
      *b0 = r->y;
      *b1 = r->y + r->height;
    }
}

static void
assert_bands_disjoint (const WmSankeyLayout *layout,
                       guint                 node,
                       gboolean              outgoing)
{
  for (guint i = 0; i < layout->n_links; i++)
    for (guint j = i + 1; j < layout->n_links; j++)
      {
        const WmSankeyLink *a = &layout->links[i];
        const WmSankeyLink *b = &layout->links[j];
        double ca, cb;

        if (a->width <= 0 || b->width <= 0)
          continue;
        if (outgoing ? (a->source != node || b->source != node)
                     : (a->target != node || b->target != node))
          continue;
        ca = outgoing ? a->y0 : a->y1;
        cb = outgoing ? b->y0 : b->y1;
        g_assert_cmpfloat (fabs (ca - cb), >=, (a->width + b->width) / 2 - EPS);
      }
}

static void
assert_invariants (const WmFlowGraph     *graph,
                   const WmSankeyLayout  *layout,
                   const WmSankeyOptions *options)
{
  const WmRect *area = &layout->area;
  gboolean vertical = layout->orientation == WM_SANKEY_VERTICAL;
  double b_lo = vertical ? area->x : area->y;
  double b_hi = b_lo + (vertical ? area->width : area->height);

  g_assert_cmpuint (layout->n_nodes, ==, graph->n_nodes);
  g_assert_cmpuint (layout->n_links, ==, graph->n_links);

  /* Nodes stay inside the area and never overlap in a column. */
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      double i0, i1;

      node_span (layout, i, &i0, &i1);
      g_assert_cmpfloat (i0, >=, b_lo - EPS);
      g_assert_cmpfloat (i1, <=, b_hi + EPS);
      g_assert_cmpfloat (i1 - i0, >, 0);
      for (guint j = i + 1; j < layout->n_nodes; j++)
        if (layout->nodes[i].column == layout->nodes[j].column)
          g_assert_false (rects_intersect (&layout->nodes[i].rect, &layout->nodes[j].rect));
    }

  for (guint i = 0; i < layout->n_links; i++)
    {
      const WmSankeyLink *l = &layout->links[i];
      double s0, s1, t0, t1;
      double proportional = graph->links[i].customers * layout->scale;

      /* Width ∝ customers, except bands raised to the minimum width. */
      if (l->clamped)
        {
          g_assert_cmpfloat (l->width, >=, proportional - EPS);
          g_assert_cmpfloat (l->width, <=, options->min_link_width + EPS);
        }
      else
        {
          g_assert_cmpfloat (fabs (l->width - proportional), <=, 1e-9 * MAX (1, proportional));
        }

      /* Bands attach within their nodes. */
      node_span (layout, l->source, &s0, &s1);
      node_span (layout, l->target, &t0, &t1);
      g_assert_cmpfloat (l->y0 - l->width / 2, >=, s0 - EPS);
      g_assert_cmpfloat (l->y0 + l->width / 2, <=, s1 + EPS);
      g_assert_cmpfloat (l->y1 - l->width / 2, >=, t0 - EPS);
      g_assert_cmpfloat (l->y1 + l->width / 2, <=, t1 + EPS);
      g_assert_cmpfloat (l->x0, <, l->x1);
    }

  /* Bands sharing a node side never overlap. */
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      assert_bands_disjoint (layout, i, TRUE);
      assert_bands_disjoint (layout, i, FALSE);
    }

  /* Labels never intersect each other or a node, and touch their node. */
  for (guint i = 0; i < layout->n_labels; i++)
    {
      const WmSankeyLabel *a = &layout->labels[i];
      double n0, n1, l0, l1;

      g_assert_cmpuint (a->node, ==, i);
      if (!a->visible)
        continue;
      g_assert_nonnull (a->name);
      for (guint j = i + 1; j < layout->n_labels; j++)
        if (layout->labels[j].visible)
          g_assert_false (rects_intersect (&a->rect, &layout->labels[j].rect));
      for (guint j = 0; j < layout->n_nodes; j++)
        g_assert_false (rects_intersect (&a->rect, &layout->nodes[j].rect));

      node_span (layout, a->node, &n0, &n1);
      l0 = vertical ? a->rect.x : a->rect.y;
      l1 = l0 + (vertical ? a->rect.width : a->rect.height);
      g_assert_cmpfloat (l0, <, n1);
      g_assert_cmpfloat (l1, >, n0);
    }
}

static void
test_invariants_generated (void)
{
  guint layouts = 0;

  for (guint32 seed = 1; seed <= 60; seed++)
    {
      guint columns = 3 + seed % 5;
      guint n_nodes = columns * (2 + seed % 9);
      guint n_links = n_nodes * (2 + seed % 3);
      g_autoptr(WmFlowGraph) graph = wm_fixture_random_flow (seed, columns, n_nodes, n_links);
      static const WmRect areas[] = { { 0, 0, 1920, 1080 }, { 10, 20, 640, 360 }, { 0, 0, 300, 200 } };

      for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
        for (guint variant = 0; variant < 4; variant++)
          {
            g_autoptr(WmSankeyLayout) layout = NULL;
            WmSankeyOptions options;

            wm_sankey_options_init (&options);
            options.orientation = variant & 1 ? WM_SANKEY_VERTICAL : WM_SANKEY_HORIZONTAL;
            options.align = variant & 2 ? WM_SANKEY_ALIGN_JUSTIFY : WM_SANKEY_ALIGN_LEFT;
            layout = wm_sankey_layout_new (graph, &areas[a], &options);
            assert_invariants (graph, layout, &options);
            layouts++;
          }
    }
  g_assert_cmpuint (layouts, ==, 720);
}

static void
test_min_sizes (void)
{
  g_autoptr(WmFlowGraph) graph = wm_fixture_bank_flow ();
  g_autoptr(WmSankeyLayout) layout = NULL;
  WmRect area = { 0, 0, 1200, 700 };
  WmSankeyOptions options;
  guint clamped = 0;

  /* A tiny flow next to millions still gets a visible, clickable band. */
  graph->links[23].customers = 3;   /* "Other" → "Payment completed" */
  wm_sankey_options_init (&options);
  options.min_link_width = 3;
  options.min_node_height = 6;
  layout = wm_sankey_layout_new (graph, &area, &options);
  assert_invariants (graph, layout, &options);

  for (guint i = 0; i < layout->n_links; i++)
    {
      g_assert_cmpfloat (layout->links[i].width, >=, 3 - EPS);
      clamped += layout->links[i].clamped;
    }
  g_assert_true (layout->links[23].clamped);
  g_assert_cmpfloat (layout->links[23].width, ==, 3);
  g_assert_cmpuint (clamped, >=, 1);
  for (guint i = 0; i < layout->n_nodes; i++)
    g_assert_cmpfloat (layout->nodes[i].rect.height, >=, 6 - EPS);
}

static WmFlowGraph *
graph_from (guint          n_nodes,
            const guint   *steps,
            guint          n_links,
            const guint   *links)
{
  WmFlowGraph *graph = wm_flow_graph_new (n_nodes, n_links);

  for (guint i = 0; i < n_nodes; i++)
    {
      graph->nodes[i].id = g_strdup_printf ("n%u", i);
      graph->nodes[i].touchpoint = g_strdup_printf ("Node %u", i);
      graph->nodes[i].step = steps[i];
    }
  for (guint l = 0; l < n_links; l++)
    {
      graph->links[l] = (WmFlowLink) { links[3 * l], links[3 * l + 1], links[3 * l + 2] };
      graph->nodes[links[3 * l + 1]].customers += links[3 * l + 2];
    }
  for (guint i = 0; i < n_nodes; i++)
    if (steps[i] == 0)
      for (guint l = 0; l < n_links; l++)
        if (links[3 * l] == i)
          graph->nodes[i].customers += links[3 * l + 2];

  return graph;
}

static double
crossings_with_sweeps (const WmFlowGraph *graph,
                       guint              sweeps)
{
  g_autoptr(WmSankeyLayout) layout = NULL;
  WmRect area = { 0, 0, 1000, 600 };
  WmSankeyOptions options;

  wm_sankey_options_init (&options);
  options.sweeps = sweeps;
  layout = wm_sankey_layout_new (graph, &area, &options);
  assert_invariants (graph, layout, &options);

  return wm_sankey_layout_crossings (layout, graph);
}

static void
test_crossings_known (void)
{
  /* Two bands swapped: 10 × 20 = 200 crossings in input order, none after. */
  static const guint twist_steps[] = { 0, 0, 1, 1 };
  static const guint twist_links[] = { 0, 3, 10, 1, 2, 20 };
  /* Three columns where the middle one is upside down. */
  static const guint chain_steps[] = { 0, 0, 0, 1, 1, 1, 2, 2, 2 };
  static const guint chain_links[] = {
    0, 5, 100, 1, 4, 50, 2, 3, 30,
    5, 6, 100, 4, 7, 50, 3, 8, 30,
  };
  /* K(2,2) with weights: one crossing is unavoidable; the light pair must
   * be the one that crosses (3 × 4 = 12, not 10 × 20 = 200). */
  static const guint k22_steps[] = { 0, 0, 1, 1 };
  static const guint k22_links[] = { 0, 2, 10, 0, 3, 3, 1, 2, 4, 1, 3, 20 };
  g_autoptr(WmFlowGraph) twist = graph_from (4, twist_steps, 2, twist_links);
  g_autoptr(WmFlowGraph) chain = graph_from (9, chain_steps, 6, chain_links);
  g_autoptr(WmFlowGraph) k22 = graph_from (4, k22_steps, 4, k22_links);
  g_autoptr(WmFlowGraph) bank = wm_fixture_bank_flow ();

  g_assert_cmpfloat (crossings_with_sweeps (twist, 0), ==, 200);
  g_assert_cmpfloat (crossings_with_sweeps (twist, 12), ==, 0);

  /* 100·50 + 100·30 + 50·30 per gap, two gaps. */
  g_assert_cmpfloat (crossings_with_sweeps (chain, 0), ==, 19000);
  g_assert_cmpfloat (crossings_with_sweeps (chain, 12), ==, 0);

  g_assert_cmpfloat (crossings_with_sweeps (k22, 0), ==, 12);
  g_assert_cmpfloat (crossings_with_sweeps (k22, 12), ==, 12);

  /* The bank story, as the analysis would hand it over. */
  g_assert_cmpfloat (crossings_with_sweeps (bank, 12), <, crossings_with_sweeps (bank, 0));
}

static void
test_crossings_generated (void)
{
  double before = 0;
  double after = 0;

  for (guint32 seed = 100; seed < 120; seed++)
    {
      g_autoptr(WmFlowGraph) graph = wm_fixture_random_flow (seed, 6, 60, 200);
      double unordered = crossings_with_sweeps (graph, 0);
      double ordered = crossings_with_sweeps (graph, 12);

      g_assert_cmpfloat (ordered, <=, unordered);
      before += unordered;
      after += ordered;
    }
  /* Ordering removes most of them. */
  g_assert_cmpfloat (after, <, before * 0.5);
}

static void
test_pins (void)
{
  g_autoptr(WmFlowGraph) graph = wm_fixture_bank_flow ();
  WmRect area = { 0, 0, 1200, 700 };
  WmSankeyOptions options;
  guint ivr = wm_flow_graph_find_node (graph, "1:IVR menu");
  guint agent = wm_flow_graph_find_node (graph, "3:Agent call");
  guint pin_nodes[] = { ivr, agent };
  double pin_positions[] = { 0, 40 };
  g_autoptr(WmSankeyLayout) free_layout = NULL;
  g_autoptr(WmSankeyLayout) layout = NULL;

  wm_sankey_options_init (&options);
  free_layout = wm_sankey_layout_new (graph, &area, &options);
  g_assert_cmpfloat (free_layout->nodes[ivr].rect.y, >, 100);

  /* Dragged to the top: it stays there, the rest of its column reflows. */
  options.pin_nodes = pin_nodes;
  options.pin_positions = pin_positions;
  options.n_pins = 2;
  layout = wm_sankey_layout_new (graph, &area, &options);
  assert_invariants (graph, layout, &options);
  g_assert_true (layout->nodes[ivr].pinned);
  g_assert_cmpfloat (layout->nodes[ivr].rect.y, ==, 0);
  g_assert_cmpuint (layout->nodes[ivr].order, ==, 0);
  g_assert_cmpfloat (layout->nodes[agent].rect.y, ==, 40);
  g_assert_false (layout->nodes[0].pinned);

  /* A pin below the area is held at its bottom edge. */
  pin_positions[0] = 5000;
  options.n_pins = 1;
  g_clear_pointer (&layout, wm_sankey_layout_free);
  layout = wm_sankey_layout_new (graph, &area, &options);
  assert_invariants (graph, layout, &options);
  g_assert_cmpfloat (layout->nodes[ivr].rect.y + layout->nodes[ivr].rect.height, ==, 700);
}

static void
test_labels (void)
{
  g_autoptr(WmFlowGraph) graph = wm_fixture_bank_flow ();
  WmRect wide = { 0, 0, 1600, 900 };
  WmRect narrow = { 0, 0, 420, 240 };
  g_autoptr(WmSankeyLayout) layout = wm_sankey_layout_new (graph, &wide, NULL);
  g_autoptr(WmSankeyLayout) cramped = wm_sankey_layout_new (graph, &narrow, NULL);
  WmSankeyOptions options;
  guint shown = 0, shortened = 0, hidden = 0;
  int receipt = wm_flow_graph_find_node (graph, "4:收据已发送");

  /* With room, every label shows in full with its count. */
  for (guint i = 0; i < layout->n_labels; i++)
    {
      g_assert_true (layout->labels[i].visible);
      g_assert_false (layout->labels[i].ellipsized);
      g_assert_cmpstr (layout->labels[i].name, ==, graph->nodes[i].touchpoint);
    }
  g_assert_cmpstr (layout->labels[0].value, ==, "12.5M · 100\u202F%");
  g_assert_cmpstr (layout->labels[receipt].value, ==, "5.2M · 42\u202F%");

  /* Cramped: labels are shortened or hidden, never overlapping. */
  wm_sankey_options_init (&options);
  assert_invariants (graph, cramped, &options);
  for (guint i = 0; i < cramped->n_labels; i++)
    {
      const WmSankeyLabel *l = &cramped->labels[i];

      shown += l->visible;
      hidden += !l->visible;
      if (l->visible && l->ellipsized)
        {
          shortened++;
          g_assert_true (g_str_has_suffix (l->name, "…"));
        }
    }
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (shortened + hidden, >, 0);
}

static void
test_hit (void)
{
  g_autoptr(WmFlowGraph) graph = wm_fixture_bank_flow ();
  WmRect area = { 0, 0, 1200, 700 };
  g_autoptr(WmSankeyLayout) layout = wm_sankey_layout_new (graph, &area, NULL);
  const WmSankeyNode *ivr = &layout->nodes[3];
  const WmSankeyLink *l = &layout->links[0];
  WmSankeyHit hit;
  double points[8];

  hit = wm_sankey_layout_hit (layout, ivr->rect.x + ivr->rect.width / 2,
                              ivr->rect.y + ivr->rect.height / 2);
  g_assert_cmpint (hit.kind, ==, WM_SANKEY_HIT_NODE);
  g_assert_cmpuint (hit.index, ==, 3);

  /* The middle of a band's centre line. */
  wm_sankey_link_path (layout, 0, points);
  hit = wm_sankey_layout_hit (layout, (l->x0 + l->x1) / 2, (l->y0 + l->y1) / 2);
  g_assert_cmpint (hit.kind, ==, WM_SANKEY_HIT_LINK);
  g_assert_cmpuint (hit.index, ==, 0);
  g_assert_cmpfloat (points[0], ==, l->x0);
  g_assert_cmpfloat (points[7], ==, l->y1);

  /* A label leads to its node. */
  hit = wm_sankey_layout_hit (layout, layout->labels[3].rect.x + 1, layout->labels[3].rect.y + 1);
  g_assert_cmpint (hit.kind, ==, WM_SANKEY_HIT_LABEL);
  g_assert_cmpuint (hit.index, ==, 3);

  hit = wm_sankey_layout_hit (layout, 1199, 1);
  g_assert_cmpint (hit.kind, ==, WM_SANKEY_HIT_NONE);
}

/* Writes the indices marked in @lit as "0 3 7", for readable failures. */
static char *
lit_list (const gboolean *lit,
          guint           n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    if (lit[i])
      g_string_append_printf (out, "%s%u", out->len > 0 ? " " : "", i);

  return g_string_free (out, FALSE);
}

static void
check_flow_through (const WmSankeyLayout *layout,
                    WmSankeyHitKind       kind,
                    guint                 index,
                    const char           *nodes,
                    const char           *links)
{
  WmSankeyHit hit = { kind, index };
  g_autofree gboolean *nodes_lit = g_new (gboolean, layout->n_nodes);
  g_autofree gboolean *links_lit = g_new (gboolean, layout->n_links);
  g_autofree char *node_list = NULL;
  g_autofree char *link_list = NULL;

  wm_sankey_layout_flow_through (layout, &hit, nodes_lit, links_lit);
  node_list = lit_list (nodes_lit, layout->n_nodes);
  link_list = lit_list (links_lit, layout->n_links);
  g_assert_cmpstr (node_list, ==, nodes);
  g_assert_cmpstr (link_list, ==, links);
}

static void
test_flow_through (void)
{
  g_autoptr(WmFlowGraph) graph = wm_fixture_bank_flow ();
  WmRect area = { 0, 0, 1200, 700 };
  g_autoptr(WmSankeyLayout) layout = wm_sankey_layout_new (graph, &area, NULL);

  /* IVR menu: the notice before it, everything its callers reach after. */
  check_flow_through (layout, WM_SANKEY_HIT_NODE, 3,
                      "0 3 7 8 10 11 12 13 14 15 16",
                      "2 9 10 11 18 19 20 21 22 25 26 27 28");
  /* Its label stands for it. */
  check_flow_through (layout, WM_SANKEY_HIT_LABEL, 3,
                      "0 3 7 8 10 11 12 13 14 15 16",
                      "2 9 10 11 18 19 20 21 22 25 26 27 28");
  /* IVR menu → IVR payment attempt: not the menu's other branches. */
  check_flow_through (layout, WM_SANKEY_HIT_LINK, 10,
                      "0 3 8 11 12 13 14 15 16",
                      "2 10 18 19 20 25 26 27 28");
  /* Agent call, late in the flow: every way into it, not exits before it. */
  check_flow_through (layout, WM_SANKEY_HIT_NODE, 12,
                      "0 1 2 3 5 6 7 8 12 15 16",
                      "0 1 2 4 6 9 10 13 16 19 21 27 28");
  check_flow_through (layout, WM_SANKEY_HIT_NONE, 0,
                      "0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16",
                      "0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28");
}

static void
test_empty (void)
{
  g_autoptr(WmFlowGraph) graph = wm_flow_graph_new (0, 0);
  WmRect area = { 0, 0, 100, 100 };
  g_autoptr(WmSankeyLayout) layout = wm_sankey_layout_new (graph, &area, NULL);

  g_assert_cmpuint (layout->n_nodes, ==, 0);
  g_assert_cmpuint (layout->n_columns, ==, 0);
  g_assert_cmpint (wm_sankey_layout_hit (layout, 50, 50).kind, ==, WM_SANKEY_HIT_NONE);
  g_assert_cmpfloat (wm_sankey_layout_crossings (layout, graph), ==, 0);
}

static void
test_json (void)
{
  g_autoptr(WmFlowGraph) graph = wm_fixture_bank_flow ();
  WmRect area = { 0, 0, 1200, 700 };
  g_autoptr(WmSankeyLayout) layout = wm_sankey_layout_new (graph, &area, NULL);
  g_autoptr(JsonObject) flow = json_object_new ();
  JsonArray *nodes = json_array_new ();
  JsonArray *links = json_array_new ();
  JsonObject *node, *link;

  for (guint i = 0; i < graph->n_nodes; i++)
    {
      JsonObject *o = json_object_new ();

      json_object_set_string_member (o, "id", graph->nodes[i].id);
      json_array_add_object_element (nodes, o);
    }
  for (guint i = 0; i < graph->n_links; i++)
    json_array_add_object_element (links, json_object_new ());
  json_object_set_array_member (flow, "nodes", nodes);
  json_object_set_array_member (flow, "links", links);

  wm_sankey_layout_add_json (layout, graph, flow, 1200, 700);

  node = json_array_get_object_element (nodes, 3);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (node, "x0"),
                                  layout->nodes[3].rect.x, 0.005);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (node, "y1"),
                                  layout->nodes[3].rect.y + layout->nodes[3].rect.height, 0.005);
  g_assert_cmpint (json_object_get_int_member (node, "column"), ==, 1);
  link = json_array_get_object_element (links, 0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (link, "width"),
                                  layout->links[0].width, 0.005);
  g_assert_true (json_object_has_member (link, "y0"));
  g_assert_true (json_object_has_member (link, "y1"));
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (flow, "layout"),
                                                    "crossings"),
                     ==, wm_sankey_layout_crossings (layout, graph));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sankey-layout/invariants-generated", test_invariants_generated);
  g_test_add_func ("/sankey-layout/min-sizes", test_min_sizes);
  g_test_add_func ("/sankey-layout/crossings-known", test_crossings_known);
  g_test_add_func ("/sankey-layout/crossings-generated", test_crossings_generated);
  g_test_add_func ("/sankey-layout/pins", test_pins);
  g_test_add_func ("/sankey-layout/labels", test_labels);
  g_test_add_func ("/sankey-layout/hit", test_hit);
  g_test_add_func ("/sankey-layout/flow-through", test_flow_through);
  g_test_add_func ("/sankey-layout/empty", test_empty);
  g_test_add_func ("/sankey-layout/json", test_json);

  return g_test_run ();
}
