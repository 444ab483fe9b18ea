/* wm-import-dialog.h: choose a log, check its columns, import it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wm-importer.h"
#include "wm-session.h"

G_BEGIN_DECLS

#define WM_TYPE_IMPORT_DIALOG (wm_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WmImportDialog, wm_import_dialog, WM, IMPORT_DIALOG, AdwWindow)

WmImportDialog       *wm_import_dialog_new         (GtkWindow      *parent,
                                                    WmSession      *session);
/* Asks for a file with a file chooser. */
void                  wm_import_dialog_choose_file (WmImportDialog *self);
/* Shows @file's first rows and detected columns for checking; problems
 * (an empty file, no usable header) are shown in the dialog. */
void                  wm_import_dialog_set_file    (WmImportDialog *self,
                                                    GFile          *file);
/* Several files, imported one after another, each with its own check of
 * columns; the first is shown as wm_import_dialog_set_file() does. */
void                  wm_import_dialog_set_files   (WmImportDialog *self,
                                                    GListModel     *files);
/* Shows the next of the files given, whether or not this one was
 * imported; FALSE when there is none or an import is running. */
gboolean              wm_import_dialog_next_file   (WmImportDialog *self);
/* How many files wait after the one shown. */
guint                 wm_import_dialog_get_n_pending (WmImportDialog *self);
/* Imports @file into the session's project with the options shown, in a
 * worker; the stage goes to "progress", then "summary" on success or back
 * to "setup" with the error shown. */
void                  wm_import_dialog_start       (WmImportDialog *self,
                                                    GFile          *file);
/* Stops a running import; the project stays as it was. */
void                  wm_import_dialog_cancel      (WmImportDialog *self);
/* "choose", "setup", "progress" or "summary" (notify::stage). */
const char           *wm_import_dialog_get_stage   (WmImportDialog *self);
/* The last import's counts, once the stage is "summary". */
const WmImportResult *wm_import_dialog_get_result  (WmImportDialog *self);
/* What the last attempt failed with, or NULL. */
const GError         *wm_import_dialog_get_error   (WmImportDialog *self);

G_END_DECLS
