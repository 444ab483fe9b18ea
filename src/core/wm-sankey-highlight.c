/* wm-sankey-highlight.c: what a hovered node or band lies on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wm-sankey-layout.h"

void
wm_sankey_layout_flow_through (const WmSankeyLayout *layout,
                               const WmSankeyHit    *hit,
                               gboolean             *nodes_lit,
                               gboolean             *links_lit)
{
  g_autofree guint8 *up = NULL;
  g_autofree guint8 *down = NULL;
  int lit_link = -1;
  gboolean changed = TRUE;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (hit != NULL);

  if (hit->kind == WM_SANKEY_HIT_NONE ||
      (hit->kind == WM_SANKEY_HIT_LINK && hit->index >= layout->n_links) ||
      (hit->kind != WM_SANKEY_HIT_LINK && hit->index >= layout->n_nodes))
    {
      for (guint i = 0; i < layout->n_nodes; i++)
        nodes_lit[i] = TRUE;
      for (guint i = 0; i < layout->n_links; i++)
        links_lit[i] = TRUE;
      return;
    }

  /* up: nodes with a path to the hit; down: nodes reached from it. */
  up = g_new0 (guint8, layout->n_nodes);
  down = g_new0 (guint8, layout->n_nodes);
  if (hit->kind == WM_SANKEY_HIT_LINK)
    {
      lit_link = hit->index;
      up[layout->links[hit->index].source] = TRUE;
      down[layout->links[hit->index].target] = TRUE;
    }
  else
    {
      up[hit->index] = TRUE;
      down[hit->index] = TRUE;
    }

  /* Links go one step forward, so this settles within as many passes as
   * there are columns, whatever order the links come in. */
  while (changed)
    {
      changed = FALSE;
      for (guint i = 0; i < layout->n_links; i++)
        {
          const WmSankeyLink *l = &layout->links[i];

          if (down[l->source] && !down[l->target])
            changed = down[l->target] = TRUE;
          if (up[l->target] && !up[l->source])
            changed = up[l->source] = TRUE;
        }
    }

  for (guint i = 0; i < layout->n_nodes; i++)
    nodes_lit[i] = up[i] || down[i];
  for (guint i = 0; i < layout->n_links; i++)
    {
      const WmSankeyLink *l = &layout->links[i];

      links_lit[i] = (int) i == lit_link ||
                     (up[l->source] && up[l->target]) ||
                     (down[l->source] && down[l->target]);
    }
}
