/* wm-page-controls.h: what the Flow and Funnel pages' controls share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wm-chart-export.h"
#include "wm-query-runner.h"
#include "wm-session.h"

G_BEGIN_DECLS

/* The conversion/flow windows offered: 1 hour … 30 days. */
GtkStringList *wm_page_window_model        (void);
gint64         wm_page_window_seconds      (guint        position);
/* The position of @seconds, or of the nearest longer window. */
guint          wm_page_window_position     (gint64       seconds);

/* A drop-down with a search entry over @model's strings. */
GtkDropDown   *wm_page_search_drop_down    (GListModel  *model);
/* Position of @name in @list, or GTK_INVALID_LIST_POSITION. */
guint          wm_page_string_position     (GtkStringList *list,
                                            const char    *name);

/* Gives @widget, a row's suffix, the row's title as its accessible name
 * (a suffix has none of its own). */
void           wm_page_label_by_row        (GtkWidget    *widget);

/* Called with the name typed (trimmed, not empty) when the user saves. */
typedef void (*WmPageNameFunc) (const char *name,
                                gpointer    user_data);
/* Asks for a name in a dialog over @widget's window; @func gets @owner,
 * if @owner still exists when the user saves. */
void           wm_page_ask_name            (GtkWidget      *widget,
                                            const char     *heading,
                                            const char     *body,
                                            const char     *initial,
                                            const char     *accept,
                                            WmPageNameFunc  func,
                                            GObject        *owner);

/* The touchpoints of a page's journeys, listed in a worker: there are
 * as many as the events to read. */
typedef struct
{
  char **names;   /* by customers, descending */
  char  *last;    /* the touchpoint most journeys end with, or NULL */
} WmPageTouchpoints;

void           wm_page_touchpoints_free    (WmPageTouchpoints *touchpoints);
/* Lists them on @runner; @done gets a WmPageTouchpoints. */
void           wm_page_load_touchpoints    (WmQueryRunner  *runner,
                                            WmJourneys     *journeys,
                                            WmQueryDone     done,
                                            gpointer        user_data);

/* What a chart page shows, for its view.* actions. */
typedef struct
{
  WmSession     *session;
  WmChartKind    kind;     /* WM_CHART_SANKEY or WM_CHART_FUNNEL */
  gconstpointer  data;     /* the graph or result shown; NULL: none */
  char          *title;    /* freed by the caller of the describe function */
  WmThemeKind    theme;    /* the colours on screen */
} WmPageChart;

typedef void (*WmPageDescribe) (GtkWidget   *page,
                                WmPageChart *chart);

/* Installs view.export-chart, view.copy-chart (Ctrl+Shift+C), view.present
 * and view.export-deck on a page class; @describe says what is shown. */
void           wm_page_install_chart_actions (GtkWidgetClass *widget_class,
                                              WmPageDescribe  describe);

/* Shows @message under @heading in a dialog over @widget's window. */
void           wm_page_show_error          (GtkWidget      *widget,
                                            const char     *heading,
                                            const char     *message);

G_END_DECLS
