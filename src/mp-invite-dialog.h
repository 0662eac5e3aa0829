/* mp-invite-dialog.h: "Send Invitations…"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"
#include "mp-mail.h"

G_BEGIN_DECLS

#define MP_TYPE_INVITE_DIALOG (mp_invite_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MpInviteDialog, mp_invite_dialog, MP, INVITE_DIALOG, GtkWindow)

/* Opens the modal "Send Invitations" dialog over @parent for @doc. It
 * lists every event that would be sent (an invitation, or a cancellation
 * for a dropped milestone that had been invited) with its attendees and
 * whether the attendees' calendars are out of date; the out-of-date ones
 * are selected. Send writes BASENAME.ics and .eml of the selected events
 * into the folder shown, opens the mail program for each (Email portal,
 * else xdg-email, else it says where the files are) and records the
 * sending in @doc as one undo step "Send Invitations"; then the dialog
 * closes. Returns the dialog (transfer none).
 *
 * Signal ::sent (guint n_events) after the sending was recorded. */
MpInviteDialog *mp_invite_dialog_present           (GtkWindow          *parent,
                                                    MpDocument         *doc);

/* The folder the files go to: the user's choice, else a folder named
 * after the plan under the documents folder (or the cache folder when
 * there is no documents folder). */
GFile          *mp_invite_dialog_get_folder        (MpInviteDialog     *self);
void            mp_invite_dialog_set_folder        (MpInviteDialog     *self,
                                                    GFile              *folder);

/* Whether the event with @event_id (a milestone or meeting id) is
 * selected for sending; FALSE when it is not listed. */
gboolean        mp_invite_dialog_get_selected      (MpInviteDialog     *self,
                                                    const char         *event_id);
void            mp_invite_dialog_set_selected      (MpInviteDialog     *self,
                                                    const char         *event_id,
                                                    gboolean            selected);

/* How the mail program is reached (tests skip the portal). */
void            mp_invite_dialog_set_compose_flags (MpInviteDialog     *self,
                                                    MpMailComposeFlags  flags);

/* The folder invitation files go to when the user chose none: a folder
 * per plan in Documents/MutualPlan Invitations (else in the home folder). */
GFile          *mp_invite_dialog_default_folder    (MpPlan             *plan);

/* What the Send button does. */
void            mp_invite_dialog_send              (MpInviteDialog     *self);

G_END_DECLS
