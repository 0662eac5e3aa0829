/* mp-export-dialog.h: "Export Calendar…"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"

G_BEGIN_DECLS

#define MP_TYPE_EXPORT_DIALOG (mp_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MpExportDialog, mp_export_dialog, MP, EXPORT_DIALOG, GtkWindow)

/* Opens the modal "Export Calendar" dialog over @parent for @doc: the
 * choices of `--export-ics` (one participant's events or everyone's,
 * dropped milestones, meetings), a preview of the events and warnings,
 * and Export…, which asks for the file and writes it. The dialog closes
 * itself after a successful export. Returns the dialog (transfer none;
 * it belongs to GTK until it is closed). */
MpExportDialog *mp_export_dialog_present         (GtkWindow      *parent,
                                                  MpDocument     *doc);

/* What Export… does once the user accepted @file in the file chooser:
 * writes the calendar atomically, then closes the dialog; an error is
 * shown in a message dialog. For tests and for callers that already
 * know the file. */
void            mp_export_dialog_export_to_file  (MpExportDialog *self,
                                                  GFile          *file);

/* The calendar file that Export… writes with the current choices, NULL
 * when there is nothing to export. */
const char     *mp_export_dialog_get_calendar    (MpExportDialog *self);

G_END_DECLS
