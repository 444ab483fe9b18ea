/* wm-slide.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-chart-export.h"
#include "wm-slide.h"

struct _WmSlide
{
  gatomicrefcount  ref_count;
  WmSlideKind      kind;
  char            *title;
  WmSlideDrawFunc  draw;
  gpointer         user_data;
  GDestroyNotify   destroy;
};

G_DEFINE_BOXED_TYPE (WmSlide, wm_slide, wm_slide_ref, wm_slide_unref)

WmSlide *
wm_slide_new (WmSlideKind      kind,
              const char      *title,
              WmSlideDrawFunc  draw,
              gpointer         user_data,
              GDestroyNotify   destroy)
{
  WmSlide *slide;

  g_return_val_if_fail (draw != NULL, NULL);

  slide = g_new0 (WmSlide, 1);
  g_atomic_ref_count_init (&slide->ref_count);
  slide->kind = kind;
  slide->title = g_strdup (title);
  slide->draw = draw;
  slide->user_data = user_data;
  slide->destroy = destroy;

  return slide;
}

/* What a chart slide draws: a copy of a query's result. */
typedef struct
{
  WmChartKind kind;
  gpointer    data;
} ChartData;

static void
chart_data_free (gpointer user_data)
{
  ChartData *chart = user_data;

  if (chart->kind == WM_CHART_SANKEY)
    wm_flow_graph_free (chart->data);
  else
    wm_funnel_result_free (chart->data);
  g_free (chart);
}

static void
draw_chart (cairo_t       *cr,
            double         width,
            double         height,
            const WmTheme *theme,
            const char    *title,
            gpointer       user_data)
{
  ChartData *chart = user_data;

  wm_chart_draw (cr, chart->kind, chart->data, width, height, theme, title);
}

static WmSlide *
new_chart_slide (WmSlideKind  kind,
                 const char  *title,
                 WmChartKind  chart_kind,
                 gpointer     data)
{
  ChartData *chart = g_new0 (ChartData, 1);

  chart->kind = chart_kind;
  chart->data = data;
  return wm_slide_new (kind, title, draw_chart, chart, chart_data_free);
}

WmSlide *
wm_slide_new_flow (const char        *title,
                   const WmFlowGraph *graph)
{
  g_return_val_if_fail (graph != NULL, NULL);

  return new_chart_slide (WM_SLIDE_FLOW, title, WM_CHART_SANKEY, wm_flow_graph_copy (graph));
}

WmSlide *
wm_slide_new_funnel (const char           *title,
                     const WmFunnelResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return new_chart_slide (WM_SLIDE_FUNNEL, title, WM_CHART_FUNNEL, wm_funnel_result_copy (result));
}

WmSlide *
wm_slide_ref (WmSlide *slide)
{
  g_return_val_if_fail (slide != NULL, NULL);

  g_atomic_ref_count_inc (&slide->ref_count);
  return slide;
}

void
wm_slide_unref (WmSlide *slide)
{
  g_return_if_fail (slide != NULL);

  if (!g_atomic_ref_count_dec (&slide->ref_count))
    return;

  if (slide->destroy != NULL)
    slide->destroy (slide->user_data);
  g_free (slide->title);
  g_free (slide);
}

WmSlideKind
wm_slide_get_kind (const WmSlide *slide)
{
  return slide->kind;
}

const char *
wm_slide_get_title (const WmSlide *slide)
{
  return slide->title;
}

void
wm_slide_draw (const WmSlide *slide,
               cairo_t       *cr,
               double         width,
               double         height,
               const WmTheme *theme)
{
  g_return_if_fail (slide != NULL);

  cairo_save (cr);
  slide->draw (cr, width, height, theme, slide->title, slide->user_data);
  cairo_restore (cr);
}
