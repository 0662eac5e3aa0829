/* mp-reply-dialog.h: "Import Replies…": the customer's answers come back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"
#include "mp-mail.h"

G_BEGIN_DECLS

#define MP_TYPE_REPLY_DIALOG (mp_reply_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MpReplyDialog, mp_reply_dialog, MP, REPLY_DIALOG, GtkWindow)

/* Opens the dialog over @parent for @doc and reads @files (.ics or .eml
 * replies) into the plan, one undo step per file; with no files it first
 * asks for them. It lists what each answer did and the proposals of
 * other dates waiting for the seller, with Accept and Decline. */
MpReplyDialog *mp_reply_dialog_present           (GtkWindow          *parent,
                                                  MpDocument         *doc,
                                                  GFile * const      *files,
                                                  guint               n_files);

/* Reads more files (what a drop onto the window does). */
void           mp_reply_dialog_import            (MpReplyDialog      *self,
                                                  GFile * const      *files,
                                                  guint               n_files);

/* Where a declined proposal's reply (.ics, .eml) is saved. */
void           mp_reply_dialog_set_folder        (MpReplyDialog      *self,
                                                  GFile              *folder);
/* How the mail program is reached (tests skip the portal). */
void           mp_reply_dialog_set_compose_flags (MpReplyDialog      *self,
                                                  MpMailComposeFlags  flags);

/* TRUE when the file looks like a reply to import rather than a plan:
 * its name ends in .ics or .eml. */
gboolean       mp_reply_dialog_is_reply_file     (GFile              *file);

G_END_DECLS
