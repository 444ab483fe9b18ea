/* wm-map-editor-private.h: the editor's parts, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-map-editor.h"

G_BEGIN_DECLS

struct _WmMapEditor
{
  AdwBin          parent_instance;

  WmProject      *project;
  WmMapHistory   *history;
  GPtrArray      *touchpoints;   /* names (owned) */
  GArray         *customers;     /* guint64, by touchpoint */
  char           *card;          /* the card the panel shows */
  char           *connector;     /* or the connector it shows */
  gboolean        updating;      /* the panel is being filled in */

  GtkButton      *undo_button;
  GtkButton      *redo_button;
  GtkButton      *zoom_button;
  WmMapCanvas    *canvas;
  GtkStack       *panel_stack;
  AdwEntryRow    *title_row;
  AdwActionRow   *customers_row;
  AdwComboRow    *evidence_row;
  GtkBox         *color_box;
  GtkToggleButton *color_buttons[WM_CARD_COLOR_COUNT];
  GtkTextView    *body_view;
  GtkListBox     *bindings_list;
  AdwPreferencesGroup *connector_group;
  AdwEntryRow    *label_row;
  AdwActionRow   *volume_row;
};

G_END_DECLS
