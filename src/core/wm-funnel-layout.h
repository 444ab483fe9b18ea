/* wm-funnel-layout.h: pure geometry of a funnel chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "wm-chart-text.h"
#include "wm-funnel-result.h"
#include "wm-sankey-layout.h"

G_BEGIN_DECLS

typedef enum
{
  WM_FUNNEL_BARS_VERTICAL,    /* steps left to right, bars grow upwards */
  WM_FUNNEL_BARS_HORIZONTAL,  /* steps top to bottom, bars grow rightwards */
} WmFunnelOrientation;

typedef enum
{
  WM_FUNNEL_PART_BAR,          /* customers reaching the step */
  WM_FUNNEL_PART_IN_PROGRESS,  /* stopped before it, window still open */
  WM_FUNNEL_PART_DROP,         /* dropped before it */
} WmFunnelPartKind;

typedef struct
{
  WmFunnelPartKind kind;
  guint            step;
  int              segment;      /* breakdown segment, -1 for the total */
  WmRect           rect;
  gboolean         biggest_drop; /* the drop (or the bar) of that step */
} WmFunnelPart;

typedef enum
{
  WM_FUNNEL_TEXT_STEP,         /* step name */
  WM_FUNNEL_TEXT_COUNT,        /* "5.9M · 47%": customers, share of the start */
  WM_FUNNEL_TEXT_CONVERSION,   /* "62% →": from the previous step */
  WM_FUNNEL_TEXT_MEDIAN,       /* "median 2.3 h" */
  WM_FUNNEL_TEXT_DROP,         /* "−1.2M · 38%" */
  WM_FUNNEL_TEXT_IN_PROGRESS,  /* "12K in progress" */
  WM_FUNNEL_TEXT_BIGGEST_DROP, /* the tag above the biggest drop */
  WM_FUNNEL_TEXT_LEGEND,       /* a breakdown value; its swatch is a part-less rect */
} WmFunnelTextRole;

typedef struct
{
  WmFunnelTextRole role;
  guint            step;
  int              segment;
  char            *text;
  double           size;
  WmTextWeight     weight;
  WmRect           rect;
  WmRect           swatch;      /* legend entries only */
  gboolean         on_bar;      /* drawn inside a bar: needs the contrasting colour */
} WmFunnelText;

typedef struct
{
  WmFunnelOrientation orientation;
  double              label_size;
  double              value_size;
  double              small_size;
  WmTextMeasurer      measurer;
} WmFunnelOptions;

typedef struct
{
  WmRect              area;
  WmFunnelOrientation orientation;
  WmRect              plot;        /* where bars live; the baseline is its bottom (left) */
  guint               n_steps;
  guint               n_segments;  /* 0 without breakdown */
  int                 biggest_drop;
  guint               n_parts;
  WmFunnelPart       *parts;
  guint               n_texts;
  WmFunnelText       *texts;
} WmFunnelLayout;

typedef struct
{
  gboolean         hit;
  WmFunnelPartKind kind;
  guint            step;
  int              segment;
} WmFunnelHit;

void            wm_funnel_options_init   (WmFunnelOptions       *options);
WmFunnelLayout *wm_funnel_layout_new     (const WmFunnelResult  *result,
                                          const WmRect          *area,
                                          const WmFunnelOptions *options);
void            wm_funnel_layout_free    (WmFunnelLayout        *layout);
/* The bar, drop or in-progress band at (@x, @y); a step's name counts as
 * its bar. */
WmFunnelHit     wm_funnel_layout_hit     (const WmFunnelLayout  *layout,
                                          double                 x,
                                          double                 y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmFunnelLayout, wm_funnel_layout_free)

G_END_DECLS
