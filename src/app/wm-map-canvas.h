/* wm-map-canvas.h: the journey map, drawn and edited with mouse, touch
 * and keyboard
 *
 * Every edit goes through the WmMapHistory the canvas is given, so each is
 * one undo step. The "map.*" actions (wm_map_canvas_get_action_names())
 * are installed on the canvas and enabled from the history and the
 * selection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-map-history.h"
#include "wm-map-metrics.h"

G_BEGIN_DECLS

#define WM_MAP_CANVAS_MIN_ZOOM 0.1
#define WM_MAP_CANVAS_MAX_ZOOM 4.0

#define WM_TYPE_MAP_CANVAS (wm_map_canvas_get_type ())
G_DECLARE_FINAL_TYPE (WmMapCanvas, wm_map_canvas, WM, MAP_CANVAS, GtkWidget)

/* Properties: "history" (WmMapHistory), "zoom" (double, notified).
 * Signals: "selection-changed", "actions-changed" (an action's enabled
 * state may have changed: see wm_map_canvas_action_is_enabled()). */
GtkWidget     *wm_map_canvas_new              (void);

/* NULL: an empty canvas. The map is the history's. */
void           wm_map_canvas_set_history      (WmMapCanvas         *self,
                                               WmMapHistory        *history);
WmMapHistory  *wm_map_canvas_get_history      (WmMapCanvas         *self);
WmJourneyMap  *wm_map_canvas_get_map          (WmMapCanvas         *self);

/* The numbers shown on cards, connectors and channel lanes (copied);
 * NULL hides them. */
void           wm_map_canvas_set_metrics      (WmMapCanvas         *self,
                                               const WmMapMetrics  *metrics);
const WmMapMetrics *
               wm_map_canvas_get_metrics      (WmMapCanvas         *self);

/* The selected cards and connectors, in the map's order (cards first). */
GStrv          wm_map_canvas_get_selection    (WmMapCanvas         *self);
/* Replaces the selection; unknown ids are ignored. */
void           wm_map_canvas_select           (WmMapCanvas         *self,
                                               const char * const  *ids);
void           wm_map_canvas_select_all       (WmMapCanvas         *self);
/* The one selected card, or NULL (none, or several). */
const char    *wm_map_canvas_get_selected_card (WmMapCanvas        *self);
/* The one selected connector, or NULL (none, several, or a card). */
const char    *wm_map_canvas_get_selected_connector (WmMapCanvas   *self);
/* Selects connector @id and emits "connector-activated" (what a
 * double-click on it does): the editor then edits its label. */
void           wm_map_canvas_activate_connector (WmMapCanvas       *self,
                                                 const char        *id);

/* Zoom keeps the map point under (@x, @y) (widget coordinates) in place. */
double         wm_map_canvas_get_zoom         (WmMapCanvas         *self);
void           wm_map_canvas_zoom_at          (WmMapCanvas         *self,
                                               double               zoom,
                                               double               x,
                                               double               y);
void           wm_map_canvas_zoom_to_fit      (WmMapCanvas         *self);
/* Scrolls by (@dx, @dy) widget pixels. */
void           wm_map_canvas_pan              (WmMapCanvas         *self,
                                               double               dx,
                                               double               dy);
/* Widget coordinates of a map point, and back. */
void           wm_map_canvas_map_to_widget    (WmMapCanvas         *self,
                                               double               map_x,
                                               double               map_y,
                                               double              *x,
                                               double              *y);
void           wm_map_canvas_widget_to_map    (WmMapCanvas         *self,
                                               double               x,
                                               double               y,
                                               double              *map_x,
                                               double              *map_y);
/* The card's rectangle in widget coordinates; FALSE for an unknown card. */
gboolean       wm_map_canvas_get_card_bounds  (WmMapCanvas         *self,
                                               const char          *card,
                                               graphene_rect_t     *bounds);

/* Moves the selected cards by whole cells (one undo step); FALSE when one
 * would leave the grid or nothing is selected. */
gboolean       wm_map_canvas_nudge_selection  (WmMapCanvas         *self,
                                               int                  stages,
                                               int                  lanes);
/* Opens the in-place title editor on @card. */
void           wm_map_canvas_edit_card_title  (WmMapCanvas         *self,
                                               const char          *card);

/* Every "map.*" action the canvas installs (NULL-terminated, static). */
const char * const *
               wm_map_canvas_get_action_names (void);
/* The action's parameter type ("s", "(si)"), or NULL for none. */
const char    *wm_map_canvas_get_action_parameter_type (const char *name);
gboolean       wm_map_canvas_action_is_enabled (WmMapCanvas        *self,
                                                const char         *name);

G_END_DECLS
