/* wm-map-canvas-cache.c: the static layer — the map without selection,
 * hover or drags — rendered once into an image and kept as a render node
 *
 * The image covers the view plus CACHE_MARGIN on each side, so panning by
 * less only moves it. Rendering skips the cards and connectors that do not
 * reach into it. When the map changes without moving the grid, only the
 * places whose geometry or content changed are painted again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "wm-map-canvas-private.h"
#include "wm-map-renderer.h"

#define CACHE_MARGIN 256

/* What was laid out last, by id, to tell what an edit changed (the old
 * layout's pointers into the map may be gone by then). */
struct _WmMapGeometry
{
  GHashTable *cards;        /* id → WmMapRect */
  GHashTable *connectors;   /* id → WmMapRect: the curve's and label's box */
  GHashTable *colors;       /* connector id → its source card's colour + 1 */
  GArray     *grid;         /* WmMapRect: title, headers, columns, rows */
  GArray     *points;       /* WmMapRect: emotion points (x, y, stage, persona index) */
  int         emotion_lane;
};

static void
geometry_free (WmMapGeometry *geometry)
{
  g_hash_table_unref (geometry->cards);
  g_hash_table_unref (geometry->connectors);
  g_hash_table_unref (geometry->colors);
  g_array_unref (geometry->grid);
  g_array_unref (geometry->points);
  g_free (geometry);
}

void
wm_map_canvas_clear_geometry (WmMapCanvas *self)
{
  g_clear_pointer (&self->geometry, geometry_free);
  g_clear_pointer (&self->pending_geometry, geometry_free);
}

/* Shadows, rings and arrowheads reach a little beyond the geometry. */
static double
slack (const WmMapLayout *layout)
{
  return 24 * layout->scale;
}

static WmMapGeometry *
geometry_new (const WmMapLayout *layout)
{
  WmMapGeometry *geometry = g_new0 (WmMapGeometry, 1);

  geometry->cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  geometry->connectors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  geometry->colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  geometry->grid = g_array_new (FALSE, FALSE, sizeof (WmMapRect));
  geometry->points = g_array_new (FALSE, FALSE, sizeof (WmMapRect));
  geometry->emotion_lane = layout->emotion_lane;

  for (guint i = 0; i < layout->n_cards; i++)
    g_hash_table_insert (geometry->cards, g_strdup (layout->cards[i].card->id),
                         g_memdup2 (&layout->cards[i].rect, sizeof (WmMapRect)));
  for (guint i = 0; i < layout->n_connectors; i++)
    {
      WmMapRect box = wm_map_connector_bounds (&layout->connectors[i]);

      g_hash_table_insert (geometry->connectors, g_strdup (layout->connectors[i].connector->id),
                           g_memdup2 (&box, sizeof box));
      g_hash_table_insert (geometry->colors, g_strdup (layout->connectors[i].connector->id),
                           GINT_TO_POINTER (layout->connectors[i].from->card->color + 1));
    }
  g_array_append_val (geometry->grid, layout->title);
  g_array_append_vals (geometry->grid, layout->stage_headers, layout->n_stages);
  g_array_append_vals (geometry->grid, layout->columns, layout->n_stages);
  g_array_append_vals (geometry->grid, layout->lane_headers, layout->n_lanes);
  g_array_append_vals (geometry->grid, layout->rows, layout->n_lanes);
  g_array_append_val (geometry->grid, ((WmMapRect) { 0, 0, layout->width, layout->height }));
  for (guint i = 0; i < layout->n_points; i++)
    {
      const WmMapEmotionPoint *p = &layout->points[i];

      g_array_append_val (geometry->points, ((WmMapRect) { p->x, p->y, p->stage_index, p->persona_index }));
    }
  return geometry;
}

static gboolean
same_rects (GArray *a,
            GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (WmMapRect)) == 0;
}

static void
add_damage (GArray          *damage,
            const WmMapRect *rect,
            double           margin)
{
  WmMapRect r = { rect->x - margin, rect->y - margin, rect->width + 2 * margin, rect->height + 2 * margin };

  g_array_append_val (damage, r);
}

/* The places that differ between two layouts of the same grid, plus those
 * of @ids (edits of their content); FALSE when the grid itself changed. */
static gboolean
diff (WmMapGeometry     *old,
      WmMapGeometry     *new,
      const WmMapLayout *layout,
      GHashTable        *ids,
      GArray            *damage)
{
  double margin = slack (layout);
  GHashTable *tables[2][2] = { { old->cards, new->cards }, { old->connectors, new->connectors } };
  GHashTableIter iter;
  gpointer key, value;

  if (!same_rects (old->grid, new->grid) || old->emotion_lane != new->emotion_lane)
    return FALSE;
  if (!same_rects (old->points, new->points) && layout->emotion_lane >= 0)
    add_damage (damage, &layout->rows[layout->emotion_lane], margin);

  for (guint t = 0; t < 2; t++)
    {
      /* Gone, or moved: its old place. */
      g_hash_table_iter_init (&iter, tables[t][0]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const WmMapRect *now = g_hash_table_lookup (tables[t][1], key);

          if (now == NULL || memcmp (now, value, sizeof (WmMapRect)) != 0 || g_hash_table_contains (ids, key))
            add_damage (damage, value, margin);
        }
      /* New, or moved: its new place. */
      g_hash_table_iter_init (&iter, tables[t][1]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const WmMapRect *before = g_hash_table_lookup (tables[t][0], key);

          if (before == NULL || memcmp (before, value, sizeof (WmMapRect)) != 0 || g_hash_table_contains (ids, key))
            add_damage (damage, value, margin);
        }
    }
  /* A connector takes its colour from its source card. */
  g_hash_table_iter_init (&iter, new->colors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_hash_table_lookup (old->colors, key) != value)
      add_damage (damage, g_hash_table_lookup (new->connectors, key), margin);
  return TRUE;
}

static gboolean
overlaps (const WmMapRect *r,
          double           margin,
          const WmMapRect *region)
{
  return r->x + r->width + margin >= region->x && r->x - margin <= region->x + region->width &&
         r->y + r->height + margin >= region->y && r->y - margin <= region->y + region->height;
}

/* @layout with only the cards and connectors that reach into @region:
 * the renderer then spends nothing on what the picture does not show.
 * Free the arrays with view_layout_clear(). */
static void
view_layout (const WmMapLayout *layout,
             const WmMapRect   *region,
             WmMapLayout       *view)
{
  double margin = slack (layout);

  *view = *layout;
  view->cards = g_new (WmMapCardBox, MAX (layout->n_cards, 1));
  view->n_cards = 0;
  for (guint i = 0; i < layout->n_cards; i++)
    if (overlaps (&layout->cards[i].rect, margin, region))
      view->cards[view->n_cards++] = layout->cards[i];
  view->connectors = g_new (WmMapConnectorPath, MAX (layout->n_connectors, 1));
  view->n_connectors = 0;
  for (guint i = 0; i < layout->n_connectors; i++)
    {
      WmMapRect box = wm_map_connector_bounds (&layout->connectors[i]);

      if (overlaps (&box, margin, region))
        view->connectors[view->n_connectors++] = layout->connectors[i];
    }
}

static void
view_layout_clear (WmMapLayout *view)
{
  g_free (view->cards);
  g_free (view->connectors);
}

/* Paints @region (map units; NULL: everything) of the cached image. */
static void
paint (WmMapCanvas     *self,
       const WmMapRect *region)
{
  double zoom = self->cache_viewport.zoom;
  WmMapRect all = { self->cache_viewport.x, self->cache_viewport.y,
                    self->cache_width / zoom, self->cache_height / zoom };
  WmMapLayout view;
  cairo_t *cr = cairo_create (self->cache_surface);

  if (region != NULL)
    {
      /* On whole pixels: a clip's antialiased edge would blend the
       * translucent layers twice. */
      double x0 = floor ((region->x - all.x) * zoom), y0 = floor ((region->y - all.y) * zoom);
      double x1 = ceil ((region->x + region->width - all.x) * zoom);
      double y1 = ceil ((region->y + region->height - all.y) * zoom);

      cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
      cairo_clip (cr);
    }
  view_layout (self->layout, region != NULL ? region : &all, &view);
  wm_map_render (cr, self->pango, self->map, &view, self->metrics, self->theme,
                 &self->cache_viewport, NULL, self->cache_width, self->cache_height);
  view_layout_clear (&view);
  cairo_destroy (cr);
}

/* A cairo node that paints the image: the cairo renderer blits it as it
 * is (a texture node would be converted again on every frame). */
static void
make_node (WmMapCanvas *self)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, self->cache_width,
                                                                           self->cache_height));

  cairo_set_source_surface (cr, self->cache_surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  self->cache = gtk_snapshot_free_to_node (snapshot);
}

void
wm_map_canvas_drop_cache (WmMapCanvas *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  g_clear_pointer (&self->cache_surface, cairo_surface_destroy);
}

/* TRUE when the cached picture, drawn where it belongs, covers the view
 * at the current zoom and scale. */
static gboolean
cache_covers_view (WmMapCanvas *self,
                   int          width,
                   int          height)
{
  double ox, oy;

  if (self->cache == NULL || self->cache_scale != gtk_widget_get_scale_factor (GTK_WIDGET (self)))
    return FALSE;
  if (self->pinching)
    return TRUE;
  if (self->cache_viewport.zoom != self->viewport.zoom)
    return FALSE;
  wm_map_canvas_map_to_widget (self, self->cache_viewport.x, self->cache_viewport.y, &ox, &oy);
  return ox <= 0 && oy <= 0 && ox + self->cache_width >= width && oy + self->cache_height >= height;
}

/* Widens each damaged place over the whole of every card it reaches:
 * a clip's edge through a card's text could leave a glyph's pixels a
 * shade off those of a picture painted at once. */
static void
grow_over_cards (const WmMapLayout *layout,
                 GArray            *damage)
{
  double margin = slack (layout);

  for (guint d = 0; d < damage->len; d++)
    {
      WmMapRect *r = &g_array_index (damage, WmMapRect, d);

      for (guint i = 0; i < layout->n_cards; i++)
        {
          const WmMapRect *card = &layout->cards[i].rect;
          double x0, y0, x1, y1;

          if (!overlaps (card, 0, r))
            continue;
          x0 = MIN (r->x, card->x - margin), y0 = MIN (r->y, card->y - margin);
          x1 = MAX (r->x + r->width, card->x + card->width + margin);
          y1 = MAX (r->y + r->height, card->y + card->height + margin);
          *r = (WmMapRect) { x0, y0, x1 - x0, y1 - y0 };
        }
    }
}

/* Repaints what the edits since the last frame changed, in place: cairo's
 * copy-on-write keeps the node given to that frame intact. FALSE when it
 * takes the whole picture. */
static gboolean
repaint_changes (WmMapCanvas *self)
{
  g_autoptr(GArray) damage = g_array_new (FALSE, FALSE, sizeof (WmMapRect));

  if (self->pending_geometry == NULL && !self->pending_all)
    return TRUE;
  if (self->pending_all || self->pending_geometry == NULL || self->geometry == NULL ||
      !diff (self->pending_geometry, self->geometry, self->layout, self->pending_ids, damage))
    return FALSE;
  grow_over_cards (self->layout, damage);
  for (guint i = 0; i < damage->len; i++)
    paint (self, &g_array_index (damage, WmMapRect, i));
  if (damage->len > 0)
    make_node (self);
  return TRUE;
}

static void
forget_changes (WmMapCanvas *self)
{
  g_clear_pointer (&self->pending_geometry, geometry_free);
  g_hash_table_remove_all (self->pending_ids);
  self->pending_all = FALSE;
}

void
wm_map_canvas_ensure_cache (WmMapCanvas *self,
                            int          width,
                            int          height)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double zoom = self->viewport.zoom;
  gboolean repainted = self->cache_surface != NULL && repaint_changes (self);

  forget_changes (self);
  if (!repainted)
    wm_map_canvas_drop_cache (self);
  if (cache_covers_view (self, width, height))
    return;

  wm_map_canvas_drop_cache (self);
  self->cache_viewport = self->viewport;
  self->cache_viewport.x -= CACHE_MARGIN / zoom;
  self->cache_viewport.y -= CACHE_MARGIN / zoom;
  self->cache_width = width + 2 * CACHE_MARGIN;
  self->cache_height = height + 2 * CACHE_MARGIN;
  self->cache_scale = scale;
  self->cache_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, self->cache_width * scale,
                                                    self->cache_height * scale);
  cairo_surface_set_device_scale (self->cache_surface, scale, scale);
  paint (self, NULL);
  make_node (self);
  self->n_full_renders++;
}

/* Whether the edit of card @id left every position as it was: text,
 * colour, evidence and bindings move nothing (cards have a fixed height),
 * a new span does. The layout points at the card, edited in place, so it
 * stays valid and connector routing need not run again. */
static gboolean
keeps_geometry (WmMapCanvas *self,
                WmMapChange  change,
                const char  *id)
{
  const WmMapCardBox *box;
  const WmMapCard *card;

  if (change != WM_MAP_CHANGE_CARD_CONTENT || id == NULL || self->layout == NULL || self->map == NULL)
    return FALSE;
  box = wm_map_layout_card_box (self->layout, id);
  card = wm_journey_map_lookup_card (self->map, id);
  return box != NULL && card != NULL && box->card == card && box->span == card->span;
}

void
wm_map_canvas_relayout (WmMapCanvas *self,
                        WmMapChange  change,
                        const char  *id)
{
  gboolean same_places = keeps_geometry (self, change, id);

  /* What the last frame showed is what the next one is compared with:
   * the edits of one step (a group, several cards moved) are painted
   * once. */
  if (self->pending_geometry == NULL)
    self->pending_geometry = g_steal_pointer (&self->geometry);
  else
    g_clear_pointer (&self->geometry, geometry_free);
  if (id != NULL)
    {
      g_hash_table_add (self->pending_ids, g_strdup (id));
    }
  /* A new document, a new grid, names in headers: everything again. */
  if (change == WM_MAP_CHANGE_ALL || change == WM_MAP_CHANGE_STRUCTURE || change == WM_MAP_CHANGE_TITLE)
    self->pending_all = TRUE;

  if (same_places)
    {
      self->geometry = geometry_new (self->layout);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  g_clear_pointer (&self->layout, wm_map_layout_free);
  if (self->map != NULL)
    {
      WmTextMeasurer measurer = wm_chart_pango_measurer (self->pango);

      self->layout = wm_map_layout_new (self->map, self->theme);
      wm_map_layout_place_labels (self->layout, self->metrics, &measurer, self->theme->small_size);
      self->geometry = geometry_new (self->layout);
      self->n_layouts++;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
