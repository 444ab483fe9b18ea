/* wm-window-pages.c: the Flow and Funnel pages in the window, and the
 * chart actions that follow them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-flow-page.h"
#include "wm-funnel-page.h"
#include "wm-window-private.h"

/* A page says whether it shows a chart by its "has-chart" property. */
static gboolean
visible_page_has_chart (WmWindow *self)
{
  GtkWidget *view = adw_view_stack_get_visible_child (self->view_stack);
  GtkWidget *page = view ? gtk_widget_get_first_child (view) : NULL;
  gboolean has_chart = FALSE;

  if (page != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (page), "has-chart") != NULL)
    g_object_get (page, "has-chart", &has_chart, NULL);

  return has_chart;
}

static void
update_chart_actions (WmWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart", visible_page_has_chart (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present",
                                 wm_session_get_journeys (self->session) != NULL);
}

static void
add_page (WmWindow   *self,
          const char *name,
          GtkWidget  *page)
{
  wm_window_set_page (self, name, page);
  g_signal_connect_object (page, "notify::has-chart", G_CALLBACK (update_chart_actions),
                           self, G_CONNECT_SWAPPED);
}

void
_wm_window_add_analysis_pages (WmWindow *self)
{
  add_page (self, "flow", wm_flow_page_new (self->session));
  add_page (self, "funnel", wm_funnel_page_new (self->session));

  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (update_chart_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::journeys",
                           G_CALLBACK (update_chart_actions), self, G_CONNECT_SWAPPED);
  update_chart_actions (self);
}
