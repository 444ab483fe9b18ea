/* wm-window-private.h: shared by wm-window.c and wm-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-data-page.h"
#include "wm-map-page.h"
#include "wm-window.h"

G_BEGIN_DECLS

struct _WmWindow
{
  AdwApplicationWindow  parent_instance;

  WmSession            *session;
  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkStack             *main_stack;
  AdwStatusPage        *busy_page;
  GtkSpinner           *busy_spinner;
  AdwViewStack         *view_stack;
  AdwViewSwitcherBar   *switcher_bar;
  GtkBox               *map_slot;
  GtkBox               *flow_slot;
  GtkBox               *funnel_slot;
  WmDataPage           *data_page;
  GMenu                *recent_section;

  WmMapPage            *map_page;
  gboolean              close_confirmed;
};

void _wm_window_class_actions_init (WmWindowClass *klass);
void _wm_window_actions_update     (WmWindow      *self);
void _wm_window_update_recent_menu (WmWindow      *self);
void _wm_window_update_title       (WmWindow      *self);

/* wm-window-map.c */
void     _wm_window_map_class_init     (WmWindowClass *klass);
void     _wm_window_map_init           (WmWindow      *self);
gboolean _wm_window_map_get_dirty      (WmWindow      *self);
/* TRUE when closing waits for the user's answer about unsaved edits. */
gboolean _wm_window_map_confirm_close  (WmWindow      *self);
/* wm-window-pages.c */
void _wm_window_add_analysis_pages (WmWindow      *self);

G_END_DECLS
