/* mp-share-dialog.h: File → Export as Web Page…, Export as Spreadsheet…,
 * Import from Spreadsheet…
 *
 * The exports ask for a file and write the core's bytes (mp-html.h,
 * mp-csv.h) atomically. The import asks for a CSV file, then shows a
 * dialog: each column with its header and first value and the field it
 * goes to (guessed, changeable), and the preview of what would be added
 * and changed and which rows are refused. Nothing changes until Import;
 * then it is one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-csv.h"
#include "mp-csv-import-dialog.h"
#include "mp-document.h"

G_BEGIN_DECLS

void       mp_share_export_html        (GtkWindow  *parent,
                                        MpDocument *document);
void       mp_share_export_csv         (GtkWindow  *parent,
                                        MpDocument *document);
void       mp_share_import_csv         (GtkWindow  *parent,
                                        MpDocument *document);
/* What the export's file chooser does on accept: writes the web page
 * (@html) or the spreadsheet with @headers to @file atomically, in a
 * worker thread; an error is shown over @parent. */
void       mp_share_write_export       (GtkWindow   *parent,
                                        MpDocument  *document,
                                        GFile       *file,
                                        gboolean     html,
                                        MpCsvHeaders headers);
/* The import dialog for @file directly (tests); NULL and @error when the
 * file cannot be read as CSV. */

G_END_DECLS
