/* wm-slide.h: one slide of a presentation: a title and how to draw it
 *
 * A slide draws itself, whole (background, title, chart), onto any cairo
 * context at any size: the presentation window, and each page of the PDF
 * deck, call the same function. The journey map becomes a slide by giving
 * its renderer as the draw function.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "wm-flow-graph.h"
#include "wm-funnel-result.h"
#include "wm-theme.h"

G_BEGIN_DECLS

typedef enum
{
  WM_SLIDE_FLOW,
  WM_SLIDE_FUNNEL,
  WM_SLIDE_MAP,
} WmSlideKind;

/* Draws the whole slide, background included, on a @width × @height
 * canvas in @theme. */
typedef void (*WmSlideDrawFunc) (cairo_t       *cr,
                                 double         width,
                                 double         height,
                                 const WmTheme *theme,
                                 const char    *title,
                                 gpointer       user_data);

typedef struct _WmSlide WmSlide;

#define WM_TYPE_SLIDE (wm_slide_get_type ())

GType        wm_slide_get_type     (void) G_GNUC_CONST;
/* @destroy (may be NULL) frees @user_data when the last reference goes. */
WmSlide     *wm_slide_new          (WmSlideKind            kind,
                                    const char            *title,
                                    WmSlideDrawFunc        draw,
                                    gpointer               user_data,
                                    GDestroyNotify         destroy);
/* A Sankey or funnel slide drawing a copy of @graph or @result. */
WmSlide     *wm_slide_new_flow     (const char            *title,
                                    const WmFlowGraph     *graph);
WmSlide     *wm_slide_new_funnel   (const char            *title,
                                    const WmFunnelResult  *result);
WmSlide     *wm_slide_ref          (WmSlide               *slide);
void         wm_slide_unref        (WmSlide               *slide);
WmSlideKind  wm_slide_get_kind     (const WmSlide         *slide);
const char  *wm_slide_get_title    (const WmSlide         *slide);
void         wm_slide_draw         (const WmSlide         *slide,
                                    cairo_t               *cr,
                                    double                 width,
                                    double                 height,
                                    const WmTheme         *theme);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmSlide, wm_slide_unref)

G_END_DECLS
