/* wm-data-page.h: what was imported: history, touchpoints, rejected rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wm-session.h"

G_BEGIN_DECLS

/* Fields of the records in each section's model (see wm-record.h). */
enum { WM_HISTORY_FILE, WM_HISTORY_SIZE, WM_HISTORY_FORMAT, WM_HISTORY_ROWS,
       WM_HISTORY_REJECTED, WM_HISTORY_STARTED, WM_HISTORY_FINISHED, WM_HISTORY_N_FIELDS };
enum { WM_CATALOGUE_NAME, WM_CATALOGUE_EVENTS, WM_CATALOGUE_CUSTOMERS,
       WM_CATALOGUE_CHANNEL, WM_CATALOGUE_N_FIELDS };
enum { WM_REJECT_FILE, WM_REJECT_LINE, WM_REJECT_REASON, WM_REJECT_EXCERPT,
       WM_REJECT_N_FIELDS };

#define WM_TYPE_DATA_PAGE (wm_data_page_get_type ())
G_DECLARE_FINAL_TYPE (WmDataPage, wm_data_page, WM, DATA_PAGE, AdwBin)

void        wm_data_page_set_session (WmDataPage *self,
                                      WmSession  *session);
/* Reloads every section in a worker; "loading" is TRUE until done. */
void        wm_data_page_refresh     (WmDataPage *self);
gboolean    wm_data_page_get_loading (WmDataPage *self);
/* The unsorted rows of @section ("history", "catalogue" or "rejects"), as
 * WmRecords in the order the project lists them. */
GListModel *wm_data_page_get_model   (WmDataPage *self,
                                      const char *section);

G_END_DECLS
