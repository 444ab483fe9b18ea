/* wm-sankey-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "wm-sankey-json.h"

/* To a 256th of a pixel: finer than any display, and a binary fraction,
 * so that the JSON prints it exactly (53.421875) where a decimal rounding
 * prints as 53.420000000000002. */
static double
round_px (double v)
{
  return round (v * 256.0) / 256.0;
}

void
wm_sankey_layout_add_json (const WmSankeyLayout *layout,
                           const WmFlowGraph    *graph,
                           JsonObject           *flow,
                           double                width,
                           double                height)
{
  JsonArray *nodes = json_object_get_array_member (flow, "nodes");
  JsonArray *links = json_object_get_array_member (flow, "links");
  JsonObject *info = json_object_new ();

  g_return_if_fail (nodes != NULL && links != NULL);
  g_return_if_fail (json_array_get_length (nodes) == layout->n_nodes);
  g_return_if_fail (json_array_get_length (links) == layout->n_links);

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      JsonObject *node = json_array_get_object_element (nodes, i);
      const WmRect *r = &layout->nodes[i].rect;

      json_object_set_double_member (node, "x0", round_px (r->x));
      json_object_set_double_member (node, "y0", round_px (r->y));
      json_object_set_double_member (node, "x1", round_px (r->x + r->width));
      json_object_set_double_member (node, "y1", round_px (r->y + r->height));
      json_object_set_int_member (node, "column", layout->nodes[i].column);
    }
  for (guint i = 0; i < layout->n_links; i++)
    {
      JsonObject *link = json_array_get_object_element (links, i);
      const WmSankeyLink *l = &layout->links[i];

      json_object_set_double_member (link, "y0", round_px (l->y0));
      json_object_set_double_member (link, "y1", round_px (l->y1));
      json_object_set_double_member (link, "width", round_px (l->width));
    }

  json_object_set_double_member (info, "width", width);
  json_object_set_double_member (info, "height", height);
  json_object_set_string_member (info, "orientation",
                                 layout->orientation == WM_SANKEY_VERTICAL ? "vertical"
                                                                           : "horizontal");
  json_object_set_double_member (info, "crossings", wm_sankey_layout_crossings (layout, graph));
  json_object_set_object_member (flow, "layout", info);
}
