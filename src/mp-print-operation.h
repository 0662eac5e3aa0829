/* mp-print-operation.h: File → Print through GtkPrintOperation
 *
 * The system print dialog with a "Plan" tab (the sections to print, how
 * many pages across the timeline takes), print preview, and the page
 * setup, print settings and choices remembered in
 * $XDG_CONFIG_HOME/mutualplan/print.ini. Pages are drawn by the core's
 * MpPrintJob (mp-print.h), the same code as `mutualplan --export-pdf`.
 * The plan is copied when printing starts, so editing on meanwhile does
 * not change what is printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"

G_BEGIN_DECLS

/* Runs the print operation for @document with @action (PRINT_DIALOG for
 * File → Print, PREVIEW for a preview) and reports a failure in a dialog
 * over @parent. Returns at once; printing goes on in the background. */
void               mp_print_operation_run (GtkWindow               *parent,
                                           MpDocument              *document,
                                           GtkPrintOperationAction  action);

/* The operation mp_print_operation_run() runs, set up with the saved
 * settings and the page-drawing handlers but not started. For tests:
 * set an export file name and run it with GTK_PRINT_OPERATION_ACTION_EXPORT. */
GtkPrintOperation *mp_print_operation_new (MpDocument              *document);

G_END_DECLS
