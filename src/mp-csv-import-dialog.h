/* mp-csv-import-dialog.h: "Import from Spreadsheet…", the columns and
 * a preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"

G_BEGIN_DECLS

#define MP_TYPE_CSV_IMPORT_DIALOG (mp_csv_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MpCsvImportDialog, mp_csv_import_dialog, MP, CSV_IMPORT_DIALOG, GtkWindow)

/* The import dialog for @file over @parent (not yet shown), or NULL
 * with @error when the file cannot be read as a spreadsheet. Import
 * goes into @document, or into a new plan that opens in a window. */
GtkWindow *mp_csv_import_dialog_new    (GtkWindow         *parent,
                                        MpDocument        *document,
                                        GFile             *file,
                                        GError           **error);
/* What Import does: applies the preview as one undo step and closes. */
void       mp_csv_import_dialog_import (MpCsvImportDialog *self);

G_END_DECLS
