/* wm-map-canvas-private.h: what the canvas's sibling files (input,
 * accessibility, actions) and its tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-chart-pango.h"
#include "wm-map-canvas.h"
#include "wm-map-layout.h"
#include "wm-theme.h"

G_BEGIN_DECLS

typedef struct _WmMapGeometry WmMapGeometry;

typedef enum
{
  WM_MAP_DRAG_NONE,
  WM_MAP_DRAG_PENDING,       /* pressed on a card, not yet past the threshold */
  WM_MAP_DRAG_MOVE,
  WM_MAP_DRAG_RUBBER_BAND,
  WM_MAP_DRAG_CONNECT,
  WM_MAP_DRAG_RESIZE,
  WM_MAP_DRAG_EMOTION,
  WM_MAP_DRAG_PAN,
} WmMapDrag;

typedef enum
{
  WM_MAP_EDIT_CARD,
  WM_MAP_EDIT_STAGE,
  WM_MAP_EDIT_LANE,
} WmMapEditKind;

struct _WmMapCanvas
{
  GtkWidget       parent_instance;

  WmMapHistory   *history;
  WmJourneyMap   *map;
  gulong          changed_id;
  gulong          can_undo_id;
  gulong          can_redo_id;
  WmMapMetrics   *metrics;
  WmMapLayout    *layout;
  const WmTheme  *theme;
  WmChartPango   *pango;
  WmMapViewport   viewport;
  gboolean        needs_fit;      /* fits the map on every allocation */
  guint           zoom_idle;
  guint           actions_idle;

  GHashTable     *selection;      /* id (owned) → itself */
  char           *hover_id;
  WmMapHitKind    hover_kind;
  int             hover_stage;    /* of a hovered emotion point */

  /* The static layer (see wm-map-canvas-cache.c). */
  WmMapGeometry  *geometry;
  WmMapGeometry  *pending_geometry;  /* as the last frame showed it */
  GHashTable     *pending_ids;       /* edited since: id (owned) */
  gboolean        pending_all;
  guint           n_full_renders;    /* for tests */
  guint           n_layouts;         /* for tests */
  cairo_surface_t *cache_surface;
  GskRenderNode  *cache;
  WmMapViewport   cache_viewport;
  int             cache_width;
  int             cache_height;
  int             cache_scale;
  gboolean        pinching;       /* scale the cache while a pinch lasts */
  double          pinch_zoom;

  /* The drag in progress (widget coordinates). */
  WmMapDrag       drag;
  double          drag_x0;
  double          drag_y0;
  double          drag_x;
  double          drag_y;
  GdkModifierType drag_state;
  char           *drag_id;        /* the card pressed, or the persona */
  int             drag_stage;     /* an emotion point's stage */
  GStrv           drag_cards;     /* the cards a move carries */
  cairo_surface_t *drag_image;    /* those cards, drawn once per drag */
  WmMapViewport   drag_image_viewport;
  gboolean        space_down;
  double          pointer_x;
  double          pointer_y;

  /* In-place editing of a title or a header's name. */
  GtkPopover     *edit_popover;
  GtkEntry       *edit_entry;
  WmMapEditKind   edit_kind;
  char           *edit_id;
  GtkPopover     *menu;

  /* One focusable, accessible child per card (see wm-map-canvas-a11y.c). */
  GHashTable     *proxies;        /* card id (owned) → GtkWidget */
  char           *focus_card;
};

/* wm-map-canvas.c */
void      wm_map_canvas_invalidate         (WmMapCanvas      *self);
void      wm_map_canvas_selection_changed  (WmMapCanvas      *self);
void      wm_map_canvas_set_selected       (WmMapCanvas      *self,
                                            const char       *id,
                                            gboolean          selected);
void      wm_map_canvas_hit                (WmMapCanvas      *self,
                                            double            x,
                                            double            y,
                                            WmMapHit         *hit);
void      wm_map_canvas_ensure_visible     (WmMapCanvas      *self,
                                            const char       *card);
void      wm_map_canvas_update_actions     (WmMapCanvas      *self);
void      wm_map_canvas_emit_actions_changed (WmMapCanvas    *self);
/* The cards in reading order for keyboard focus: by stage, lane, order. */
GPtrArray *wm_map_canvas_card_order        (WmMapCanvas      *self);

/* wm-map-canvas-cache.c */
/* Lays the map out again; the next frame repaints what @change changed in
 * the static layer (all of it for WM_MAP_CHANGE_ALL). */
void      wm_map_canvas_relayout           (WmMapCanvas      *self,
                                            WmMapChange       change,
                                            const char       *id);
void      wm_map_canvas_ensure_cache       (WmMapCanvas      *self,
                                            int               width,
                                            int               height);
/* Also for tests and the bench: the static layer is rendered again on
 * the next frame. */
void      wm_map_canvas_drop_cache         (WmMapCanvas      *self);
void      wm_map_canvas_clear_geometry     (WmMapCanvas      *self);

/* wm-map-canvas-actions.c */
void      wm_map_canvas_class_init_actions (GtkWidgetClass   *widget_class);
void      wm_map_canvas_popup_menu         (WmMapCanvas      *self,
                                            const WmMapHit   *hit,
                                            double            x,
                                            double            y);
/* Adds a card to a cell, selects it and opens its title editor. */
void      wm_map_canvas_add_card_at        (WmMapCanvas      *self,
                                            guint             stage_index,
                                            guint             lane_index,
                                            guint             order);

/* wm-map-canvas-edit.c */
void      wm_map_canvas_edit               (WmMapCanvas      *self,
                                            WmMapEditKind     kind,
                                            const char       *id);

/* wm-map-canvas-input.c: the gestures call these; tests may too. */
void      wm_map_canvas_init_input         (WmMapCanvas      *self);
/* The whole label of the connector at (@x, @y) (widget coordinates) when
 * the picture shows less of it (no room, or zoomed out), else NULL. */
char     *wm_map_canvas_connector_tooltip  (WmMapCanvas      *self,
                                            double            x,
                                            double            y);
void      wm_map_canvas_drag_begin         (WmMapCanvas      *self,
                                            guint             button,
                                            GdkModifierType   state,
                                            double            x,
                                            double            y);
void      wm_map_canvas_drag_update        (WmMapCanvas      *self,
                                            double            x,
                                            double            y);
void      wm_map_canvas_drag_end           (WmMapCanvas      *self,
                                            double            x,
                                            double            y);
void      wm_map_canvas_drag_cancel        (WmMapCanvas      *self);
gboolean  wm_map_canvas_key_pressed        (WmMapCanvas      *self,
                                            guint             keyval,
                                            GdkModifierType   state);
/* Where the cards of a move would go with the pointer at (@x, @y):
 * positions (ids owned by the map) in @positions (of WmMapCardPosition);
 * FALSE when not moving. */
gboolean  wm_map_canvas_drop_positions     (WmMapCanvas      *self,
                                            double            x,
                                            double            y,
                                            GArray           *positions);

/* wm-map-canvas-overlay.c: selection, hover, focus and drags over the
 * cached static layer. */
void      wm_map_canvas_snapshot_overlay   (WmMapCanvas      *self,
                                            GtkSnapshot      *snapshot);

/* wm-map-canvas-a11y.c */
void      wm_map_canvas_sync_proxies       (WmMapCanvas      *self);
void      wm_map_canvas_allocate_proxies   (WmMapCanvas      *self);
void      wm_map_canvas_update_proxy       (WmMapCanvas      *self,
                                            const char       *card);
GtkWidget *wm_map_canvas_get_proxy         (WmMapCanvas      *self,
                                            const char       *card);
gboolean  wm_map_canvas_move_focus         (WmMapCanvas      *self,
                                            GtkDirectionType  direction);
/* A card's child took the keyboard focus (NULL: none has it). */
void      wm_map_canvas_card_focused       (WmMapCanvas      *self,
                                            const char       *card);
void      wm_map_canvas_set_focus_child_proxy (WmMapCanvas   *self,
                                               GtkWidget     *child);
/* TRUE when the focus ring should be drawn around @card. */
gboolean  wm_map_canvas_card_has_visible_focus (WmMapCanvas  *self,
                                                const char   *card);

G_END_DECLS
