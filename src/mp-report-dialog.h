/* mp-report-dialog.h: "Status Report…"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"
#include "mp-mail.h"
#include "mp-report.h"

G_BEGIN_DECLS

#define MP_TYPE_REPORT_DIALOG (mp_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MpReportDialog, mp_report_dialog, MP, REPORT_DIALOG, GtkWindow)

/* Opens the modal "Status Report" dialog over @parent for @doc: the
 * report of today (mp_report_build ()) as Markdown (monospace) or plain
 * text, done since a date the user picks (default: the last report by
 * the plan's rhythm), measured against a baseline (default: the latest);
 * Copy, Save… and Compose E-mail to the plan's report recipients (the
 * plain-text report as the body). Returns the dialog (transfer none). */
MpReportDialog *mp_report_dialog_present           (GtkWindow          *parent,
                                                    MpDocument         *doc);

/* The report as shown (UTF-8). */
char           *mp_report_dialog_get_text          (MpReportDialog     *self);
MpReportFormat  mp_report_dialog_get_format        (MpReportDialog     *self);
void            mp_report_dialog_set_format        (MpReportDialog     *self,
                                                    MpReportFormat      format);
MpDate          mp_report_dialog_get_since         (MpReportDialog     *self);

/* The e-mail addresses of the report recipients that have a valid one. */
GStrv           mp_report_dialog_get_recipients    (MpReportDialog     *self);

/* What Save… does once the user accepted @file: writes the report
 * atomically; an error is shown in a message dialog. */
void            mp_report_dialog_save_to_file      (MpReportDialog     *self,
                                                    GFile              *file);
/* Copies the report to the clipboard. */
void            mp_report_dialog_copy              (MpReportDialog     *self);
/* What Compose E-mail does. */
void            mp_report_dialog_compose           (MpReportDialog     *self);
/* How the mail program is reached (tests skip the portal). */
void            mp_report_dialog_set_compose_flags (MpReportDialog     *self,
                                                    MpMailComposeFlags  flags);

G_END_DECLS
