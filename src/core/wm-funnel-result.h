/* wm-funnel-result.h: the result of a funnel query, the input of the funnel chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  WM_FUNNEL_ORDERED,
  WM_FUNNEL_STRICT,
  WM_FUNNEL_UNORDERED,
} WmFunnelOrder;

typedef struct
{
  char   **touchpoints;     /* any of these; NULL-terminated */
  guint64  customers;       /* N(k) */
  double   from_start;      /* N(k)/N(1); 0 when N(1) = 0 */
  double   from_previous;   /* N(k)/N(k-1); 1 for the first step */
  guint64  dropped;         /* N(k-1) - N(k) - in_progress; 0 for the first step */
  guint64  in_progress;     /* stopped at k-1 but their window is still open */
  double   median_s;        /* median seconds from step k-1 to k; NAN if none */
} WmFunnelStep;

typedef struct
{
  char         *value;      /* breakdown value, "Other", or "" for none */
  WmFunnelStep *steps;      /* n_steps entries */
} WmFunnelSegment;

typedef struct
{
  WmFunnelOrder    order;
  gint64           window_s;
  guint            n_steps;
  WmFunnelStep    *steps;
  char            *breakdown_by;   /* NULL without breakdown */
  guint            n_segments;
  WmFunnelSegment *segments;
} WmFunnelResult;

#define WM_TYPE_FUNNEL_RESULT (wm_funnel_result_get_type ())

GType           wm_funnel_result_get_type  (void) G_GNUC_CONST;
WmFunnelResult *wm_funnel_result_copy      (const WmFunnelResult *result);
void            wm_funnel_result_free      (WmFunnelResult       *result);
/* Index of the step (>= 1) losing the most customers, or -1. */
int             wm_funnel_result_biggest_drop (const WmFunnelResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmFunnelResult, wm_funnel_result_free)

G_END_DECLS
