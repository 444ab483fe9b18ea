/* wm-map-layout.h: where everything of a journey map goes, and what is at
 * a point — shared by the renderer and the canvas's hit testing
 *
 * Coordinates are map units (pixels at zoom 1), origin at the map's top
 * left corner; a WmMapViewport maps them to a widget or an image. The
 * layout points into its map (cards, connectors, personas): rebuild it
 * whenever the map emits "changed".
 *
 * Arrangement: a header column of lanes on the left, a header row of
 * stages on top, one column per stage, one row per lane. Cards have one
 * fixed height; in each lane they stack by stage and order, a card spanning
 * several stages sitting below whatever already occupies those columns.
 * Cards keep clear of their column's sides: the gutters between columns
 * carry the connectors.
 *
 * Connectors leave a card's right edge and enter their target's left edge
 * (bottom to top, or top to bottom, within one column), several on one
 * edge at distinct points. In between they run orthogonally with rounded
 * corners: along the gutters, each on its own track, and across the
 * columns they pass through in a band free of cards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-chart-text.h"
#include "wm-journey-map.h"
#include "wm-map-metrics.h"
#include "wm-theme.h"

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} WmMapRect;

typedef struct
{
  const WmMapCard *card;
  WmMapRect        rect;
  guint            stage_index;
  guint            lane_index;
  guint            span;       /* clamped to the stages there are */
} WmMapCardBox;

/* Corners and straight runs, each one cubic: 5 runs and 4 corners at most. */
#define WM_MAP_PATH_MAX_CURVES 9

/* A chain of cubic Béziers from (x0, y0) to (x3, y3), each curve given as
 * its two control points and its end; the arrowhead is at (x3, y3). */
typedef struct
{
  const WmMapConnector *connector;
  const WmMapCardBox   *from;
  const WmMapCardBox   *to;
  double                x0, y0;
  double                x3, y3;
  double                end_angle;          /* the direction it arrives in */
  guint                 n_curves;
  double                curves[WM_MAP_PATH_MAX_CURVES][6];
  double                label_x, label_y;   /* the path's middle, by length */
  /* Set by wm_map_layout_place_labels(): the label and count as drawn
   * (NULL: none, or no room, see label_full), and its pill. */
  char                 *label_text;
  char                 *label_full;         /* the whole text, for a tooltip */
  WmMapRect             label;
} WmMapConnectorPath;

typedef struct
{
  const WmMapPersona *persona;
  guint               persona_index;
  guint               stage_index;
  int                 half_steps;
  double              x;
  double              y;
} WmMapEmotionPoint;

typedef struct
{
  double              scale;          /* sizes relative to the light theme's */
  double              width;          /* of the whole map */
  double              height;
  WmMapRect           title;          /* empty (height 0) without a title */
  double              card_height;
  double              cell_padding;
  double              card_radius;
  double              gutter;         /* between the cards of two columns */

  guint               n_stages;
  const WmMapStage  **stages;
  WmMapRect          *stage_headers;
  WmMapRect          *columns;        /* each stage's column below the headers */
  guint               n_lanes;
  const WmMapLane   **lanes;
  WmMapRect          *lane_headers;
  WmMapRect          *rows;           /* each lane's row right of the headers */
  int                 emotion_lane;   /* the lane the curves are drawn in, or −1 */

  guint               n_cards;
  WmMapCardBox       *cards;          /* in the map's card order */
  guint               n_connectors;
  WmMapConnectorPath *connectors;     /* in the map's order; none for a missing card */
  guint               n_points;
  WmMapEmotionPoint  *points;         /* by persona, then stage */

  GHashTable         *card_boxes;     /* card id → WmMapCardBox * */
  gboolean            labels_placed;
} WmMapLayout;

/* @theme's type sizes scale the layout (presentation is larger). */
WmMapLayout      *wm_map_layout_new         (WmJourneyMap      *map,
                                             const WmTheme     *theme);
/* The same with stage columns widened (never narrowed) so that the map is
 * at least @aspect times as wide as it is high: a 16:9 slide or export is
 * filled rather than given wide margins. */
WmMapLayout      *wm_map_layout_new_wide    (WmJourneyMap      *map,
                                             const WmTheme     *theme,
                                             double             aspect);
void              wm_map_layout_free        (WmMapLayout       *layout);

/* Places the connectors' labels ("label · count", with @metrics) in the
 * free space along their paths: never over a card or another label.
 * A label with no room is shortened, then reduced to its count, then left
 * to a tooltip (label_text NULL, label_full set). Measured with @measurer
 * at @size pixels. Call again when the metrics change. */
void              wm_map_layout_place_labels (WmMapLayout        *layout,
                                              const WmMapMetrics *metrics,
                                              const WmTextMeasurer *measurer,
                                              double              size);

/* The point of @path at @t (0 … n_curves: curve ⌊t⌋, at its own t). */
void              wm_map_connector_point    (const WmMapConnectorPath *path,
                                             double                    t,
                                             double                   *x,
                                             double                   *y);
/* The distance from (@x, @y) to @path. */
double            wm_map_connector_distance (const WmMapConnectorPath *path,
                                             double                    x,
                                             double                    y);
/* The box around @path (its curves stay within their control points) and
 * its label's pill. */
WmMapRect         wm_map_connector_bounds   (const WmMapConnectorPath *path);

/* NULL for an unknown card. */
const WmMapCardBox *wm_map_layout_card_box  (const WmMapLayout *layout,
                                             const char        *card);
/* The area of one cell (stage × lane); FALSE when out of range. */
gboolean          wm_map_layout_cell_rect   (const WmMapLayout *layout,
                                             guint              stage_index,
                                             guint              lane_index,
                                             WmMapRect         *rect);
/* The y of an emotion value in the emotion lane (the lane's middle is 0). */
double            wm_map_layout_emotion_y   (const WmMapLayout *layout,
                                             double             half_steps);
/* The emotion value (half steps, rounded, clamped) at @y of the emotion
 * lane, for dragging a point. */
int               wm_map_layout_emotion_at  (const WmMapLayout *layout,
                                             double             y);

typedef enum
{
  WM_MAP_HIT_NONE,
  WM_MAP_HIT_TITLE,
  WM_MAP_HIT_STAGE_HEADER,   /* id: the stage */
  WM_MAP_HIT_LANE_HEADER,    /* id: the lane */
  WM_MAP_HIT_CELL,           /* empty space of a cell; stage, lane, order set */
  WM_MAP_HIT_CARD,           /* id: the card */
  WM_MAP_HIT_CARD_EDGE,      /* the card's right edge: start a connector; id: the card */
  WM_MAP_HIT_CARD_RESIZE,    /* its bottom-right corner: change the span; id: the card */
  WM_MAP_HIT_CONNECTOR,      /* its path or label; id: the connector */
  WM_MAP_HIT_EMOTION_POINT,  /* id: the persona; stage_index: the point's stage */
} WmMapHitKind;

typedef struct
{
  WmMapHitKind  kind;
  const char   *id;           /* see WmMapHitKind; owned by the map */
  /* Inside the grid (any kind but TITLE, NONE and the headers), the cell
   * under the point and the order a card dropped there would take. */
  int           stage_index;  /* −1 outside the grid */
  int           lane_index;
  guint         drop_order;
} WmMapHit;

/* What is at (@x, @y), in map units. Emotion points and card edges win
 * over cards, cards over connectors, connectors over cells. */
void              wm_map_layout_hit         (const WmMapLayout *layout,
                                             double             x,
                                             double             y,
                                             WmMapHit          *hit);

/* The map point at the output's top-left corner, and map units → pixels. */
typedef struct
{
  double x;
  double y;
  double zoom;
} WmMapViewport;

/* The whole map, centred in @width × @height (zoom at most 1). */
void              wm_map_viewport_fit       (WmMapViewport     *viewport,
                                             const WmMapLayout *layout,
                                             double             width,
                                             double             height);
void              wm_map_viewport_to_map    (const WmMapViewport *viewport,
                                             double               x,
                                             double               y,
                                             double              *map_x,
                                             double              *map_y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmMapLayout, wm_map_layout_free)

G_END_DECLS
