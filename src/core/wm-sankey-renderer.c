/* wm-sankey-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "wm-sankey-renderer.h"

const WmRgba *
wm_sankey_node_color (const WmTheme    *theme,
                      const WmFlowNode *node)
{
  switch (node->kind)
    {
    case WM_FLOW_NODE_OTHER:
      return &theme->other;
    case WM_FLOW_NODE_EXIT:
      return &theme->exit;
    case WM_FLOW_NODE_TOUCHPOINT:
    default:
      return wm_theme_channel_color (theme, node->channel);
    }
}

void
wm_sankey_renderer_options (WmSankeyOptions *options,
                            const WmTheme   *theme,
                            WmChartPango    *pango,
                            double           height)
{
  gboolean big = theme->kind == WM_THEME_PRESENTATION;

  wm_sankey_options_init (options);
  options->label_size = theme->label_size;
  options->value_size = theme->value_size;
  options->node_width = big ? 18 : 14;
  options->node_padding = CLAMP (height * 0.025, 8, 28);
  options->min_node_height = big ? 5 : 4;
  options->min_link_width = big ? 2.5 : 2;
  options->label_gap = big ? 9 : 7;
  if (pango != NULL)
    options->measurer = wm_chart_pango_measurer (pango);
}

static void
band_path (cairo_t              *cr,
           const WmSankeyLayout *layout,
           guint                 link)
{
  const WmSankeyLink *l = &layout->links[link];
  double xm = (l->x0 + l->x1) / 2;
  double h = l->width / 2;

  /* Filled between two offset curves (not a stroke): the band keeps its
   * thickness measured across the flow, as the node edges do. */
  if (layout->orientation == WM_SANKEY_VERTICAL)
    {
      cairo_move_to (cr, l->y0 - h, l->x0);
      cairo_curve_to (cr, l->y0 - h, xm, l->y1 - h, xm, l->y1 - h, l->x1);
      cairo_line_to (cr, l->y1 + h, l->x1);
      cairo_curve_to (cr, l->y1 + h, xm, l->y0 + h, xm, l->y0 + h, l->x0);
    }
  else
    {
      cairo_move_to (cr, l->x0, l->y0 - h);
      cairo_curve_to (cr, xm, l->y0 - h, xm, l->y1 - h, l->x1, l->y1 - h);
      cairo_line_to (cr, l->x1, l->y1 + h);
      cairo_curve_to (cr, xm, l->y1 + h, xm, l->y0 + h, l->x0, l->y0 + h);
    }
  cairo_close_path (cr);
}

/* Fills band @link with @source through a mask of the band.  Filling a
 * path with a gradient, cairo composites it one pixel row at a time, each
 * a costly call; through a mask, in one call: four times faster on a band
 * that travels far, and the same pixels.  The mask's group is only the
 * size of the band's box, clipped. */
static void
fill_through_mask (cairo_t              *cr,
                   const WmSankeyLayout *layout,
                   guint                 link,
                   cairo_pattern_t      *source)
{
  cairo_pattern_t *mask;
  double x0, y0, x1, y1;

  cairo_save (cr);
  band_path (cr, layout, link);
  cairo_fill_extents (cr, &x0, &y0, &x1, &y1);
  cairo_new_path (cr);
  /* Beyond the band, so that the clip never cuts its antialiased edge. */
  cairo_rectangle (cr, floor (x0) - 2, floor (y0) - 2, ceil (x1) - floor (x0) + 4, ceil (y1) - floor (y0) + 4);
  cairo_clip (cr);

  cairo_push_group_with_content (cr, CAIRO_CONTENT_ALPHA);
  cairo_set_source_rgb (cr, 0, 0, 0);
  band_path (cr, layout, link);
  cairo_fill (cr);
  mask = cairo_pop_group (cr);

  cairo_set_source (cr, source);
  cairo_mask (cr, mask);
  cairo_pattern_destroy (mask);
  cairo_restore (cr);
}

static void
draw_link (cairo_t              *cr,
           const WmFlowGraph    *graph,
           const WmSankeyLayout *layout,
           const WmTheme        *theme,
           guint                 i,
           double                dim)
{
  const WmSankeyLink *l = &layout->links[i];
  const WmFlowNode *source = &graph->nodes[l->source];
  const WmFlowNode *target = &graph->nodes[l->target];
  const WmRgba *from = wm_sankey_node_color (theme, source);
  const WmRgba *to = &theme->exit;
  gboolean exit = target->kind == WM_FLOW_NODE_EXIT;
  double alpha = (exit ? theme->exit_link_opacity : theme->link_opacity) * dim;

  if (l->width <= 0)
    return;

  if (!exit)
    {
      /* Solid, in the source's colour: a gradient per band costs more than
       * the rest of the chart together at 200 bands. */
      wm_chart_set_source (cr, from, alpha);
      band_path (cr, layout, i);
      cairo_fill (cr);
    }
  else
    {
      /* A band into Exit fades out to grey: where customers leave. */
      gboolean vertical = layout->orientation == WM_SANKEY_VERTICAL;
      cairo_pattern_t *gradient = vertical ? cairo_pattern_create_linear (0, l->x0, 0, l->x1)
                                           : cairo_pattern_create_linear (l->x0, 0, l->x1, 0);

      cairo_pattern_add_color_stop_rgba (gradient, 0.1, from->red, from->green, from->blue,
                                         theme->link_opacity * dim);
      cairo_pattern_add_color_stop_rgba (gradient, 1.0, to->red, to->green, to->blue, alpha);
      /* The mask only pays where pixels are composited; SVG and PDF keep
       * the gradient as it is (and cairo 1.16 leaks a group's snapshot
       * there). */
      if (cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE)
        fill_through_mask (cr, layout, i, gradient);
      else
        {
          cairo_set_source (cr, gradient);
          band_path (cr, layout, i);
          cairo_fill (cr);
        }
      cairo_pattern_destroy (gradient);
    }
}

static void
draw_node (cairo_t            *cr,
           const WmFlowGraph  *graph,
           const WmSankeyNode *node,
           guint               i,
           const WmTheme      *theme)
{
  const WmFlowNode *n = &graph->nodes[i];
  const WmRgba *color = wm_sankey_node_color (theme, n);
  const WmRect *r = &node->rect;

  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  if (n->kind == WM_FLOW_NODE_EXIT)
    {
      /* Hollow: nobody continues from here. */
      wm_chart_set_source (cr, color, 0.35);
      cairo_fill_preserve (cr);
      wm_chart_set_source (cr, color, 1.0);
      cairo_set_line_width (cr, 1.5);
      cairo_save (cr);
      cairo_clip_preserve (cr);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  else
    {
      wm_chart_set_source (cr, color, 1.0);
      cairo_fill (cr);
    }
}

static void
draw_label (cairo_t             *cr,
            const WmSankeyLabel *label,
            const WmTheme       *theme,
            WmChartPango        *pango)
{
  WmTextMeasurer m = wm_chart_pango_measurer (pango);
  WmRgba fg = theme->foreground;
  WmRgba muted = theme->muted;
  WmRgba halo = theme->background;
  double w, h;

  if (!label->visible || label->name == NULL)
    return;

  halo.alpha = 0.72;

  /* A soft plate of background keeps labels legible over bands; far
   * cheaper than stroking glyph outlines as a halo. */
  wm_chart_rounded_rect (cr, label->rect.x - 3, label->rect.y, label->rect.width + 6,
                label->rect.height, 3);
  wm_chart_set_source (cr, &halo, 1.0);
  cairo_fill (cr);

  w = 0;
  if (label->xalign > 0)
    wm_text_measure (&m, label->name, theme->label_size, WM_TEXT_BOLD, &w, &h);
  wm_chart_pango_draw (pango, cr, label->name, theme->label_size, WM_TEXT_BOLD,
                       label->rect.x + (label->rect.width - w) * label->xalign,
                       label->rect.y, &fg, NULL);
  if (label->value != NULL)
    {
      w = 0;
      if (label->xalign > 0)
        wm_text_measure (&m, label->value, theme->value_size, WM_TEXT_REGULAR, &w, &h);
      wm_chart_pango_draw (pango, cr, label->value, theme->value_size, WM_TEXT_REGULAR,
                           label->rect.x + (label->rect.width - w) * label->xalign,
                           label->rect.y + label->name_height, &muted, NULL);
    }
}

static void
draw_parts (cairo_t              *cr,
            const WmFlowGraph    *graph,
            const WmSankeyLayout *layout,
            const WmTheme        *theme,
            WmChartPango         *pango,
            const gboolean       *nodes_lit,
            const gboolean       *links_lit,
            int                   lifted_link)
{
  cairo_save (cr);
  /* Bands are most of the pixels; the fast rasteriser is indistinguishable
   * on smooth curves and a third cheaper. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  /* Curves flattened to within 0.35 px: invisible, and fewer edges. */
  cairo_set_tolerance (cr, 0.35);
  for (guint k = 0; k < layout->n_links; k++)
    {
      guint i = layout->link_order[k];

      if (links_lit == NULL || links_lit[i])
        draw_link (cr, graph, layout, theme, i, 1.0);
    }
  if (lifted_link >= 0)
    {
      /* Lift the hovered band above its neighbours. */
      draw_link (cr, graph, layout, theme, lifted_link, 1.6);
    }
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
  cairo_set_tolerance (cr, 0.1);
  for (guint i = 0; i < layout->n_nodes; i++)
    if (nodes_lit == NULL || nodes_lit[i])
      draw_node (cr, graph, &layout->nodes[i], i, theme);
  for (guint i = 0; i < layout->n_labels; i++)
    if (nodes_lit == NULL || nodes_lit[layout->labels[i].node])
      draw_label (cr, &layout->labels[i], theme, pango);
  cairo_restore (cr);
}

void
wm_sankey_renderer_draw_highlight (cairo_t              *cr,
                                   const WmFlowGraph    *graph,
                                   const WmSankeyLayout *layout,
                                   const WmTheme        *theme,
                                   WmChartPango         *pango,
                                   const WmSankeyHit    *highlight)
{
  g_autofree gboolean *nodes_lit = NULL;
  g_autofree gboolean *links_lit = NULL;
  /* Over an opaque background, a veil of it at 1 − a is the same as having
   * drawn everything below at alpha a. */
  double faded = 0.3;
  double pad = 4;

  g_return_if_fail (layout->n_nodes == graph->n_nodes);
  g_return_if_fail (layout->n_links == graph->n_links);

  if (highlight == NULL || highlight->kind == WM_SANKEY_HIT_NONE)
    return;

  nodes_lit = g_new (gboolean, MAX (1, layout->n_nodes));
  links_lit = g_new (gboolean, MAX (1, layout->n_links));
  wm_sankey_layout_flow_through (layout, highlight, nodes_lit, links_lit);

  /* Labels' plates reach a few pixels beyond the area. */
  wm_chart_set_source (cr, &theme->background, 1.0 - faded);
  cairo_rectangle (cr, layout->area.x - pad, layout->area.y - pad,
                   layout->area.width + 2 * pad, layout->area.height + 2 * pad);
  cairo_fill (cr);

  draw_parts (cr, graph, layout, theme, pango, nodes_lit, links_lit,
              highlight->kind == WM_SANKEY_HIT_LINK ? (int) highlight->index : -1);
}

void
wm_sankey_renderer_draw (cairo_t              *cr,
                         const WmFlowGraph    *graph,
                         const WmSankeyLayout *layout,
                         const WmTheme        *theme,
                         WmChartPango         *pango,
                         const WmSankeyHit    *highlight)
{
  g_return_if_fail (layout->n_nodes == graph->n_nodes);
  g_return_if_fail (layout->n_links == graph->n_links);

  draw_parts (cr, graph, layout, theme, pango, NULL, NULL, -1);
  wm_sankey_renderer_draw_highlight (cr, graph, layout, theme, pango, highlight);
}

void
wm_sankey_render (cairo_t            *cr,
                  const WmFlowGraph  *graph,
                  double              width,
                  double              height,
                  const WmTheme      *theme,
                  const char         *title,
                  WmSankeyLayout    **layout_out)
{
  g_autoptr(WmChartPango) pango = wm_chart_pango_new (theme);
  g_autoptr(WmSankeyLayout) layout = NULL;
  WmSankeyOptions options;
  WmRect area;

  wm_chart_draw_frame (pango, cr, theme, title, width, height,
                       &area.x, &area.y, &area.width, &area.height);
  wm_sankey_renderer_options (&options, theme, pango, area.height);
  layout = wm_sankey_layout_new (graph, &area, &options);
  wm_sankey_renderer_draw (cr, graph, layout, theme, pango, NULL);

  if (layout_out != NULL)
    *layout_out = g_steal_pointer (&layout);
}
