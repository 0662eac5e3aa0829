/* mp-participant-picker.h: a drop-down of the plan's participants
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-model.h"

G_BEGIN_DECLS

#define MP_TYPE_PARTICIPANT_PICKER (mp_participant_picker_get_type ())
G_DECLARE_FINAL_TYPE (MpParticipantPicker, mp_participant_picker, MP, PARTICIPANT_PICKER, GtkWidget)

/* Lists "Nobody" first, then the plan's participants (name, and the
 * organisation dimmed in the list), in plan order, optionally only one
 * side. It follows additions, removals, renames and side changes.
 *
 * Properties: "plan" (MpPlan), "party" (MpParty: MP_PARTY_SELLER or
 * MP_PARTY_CUSTOMER shows that side only; MP_PARTY_BOTH, the default,
 * shows everybody), "participant-id" (string or NULL for nobody).
 * The current participant stays listed even when on the other side.
 *
 * Signals: ::participant-chosen (string or NULL) only when the user
 * picks an entry; connect editing code (mp_document_set_string) to it.
 * notify::participant-id also fires for mp_participant_picker_set_participant_id(). */
GtkWidget  *mp_participant_picker_new                  (void);
MpPlan     *mp_participant_picker_get_plan             (MpParticipantPicker *self);
void        mp_participant_picker_set_plan             (MpParticipantPicker *self,
                                                        MpPlan              *plan);
MpParty     mp_participant_picker_get_party            (MpParticipantPicker *self);
void        mp_participant_picker_set_party            (MpParticipantPicker *self,
                                                        MpParty              party);
const char *mp_participant_picker_get_participant_id   (MpParticipantPicker *self);
/* Shows @id (NULL: nobody); does not emit ::participant-chosen. */
void        mp_participant_picker_set_participant_id   (MpParticipantPicker *self,
                                                        const char          *id);
/* The text of the first entry: "Nobody" by default ("Whole side"…). */
void        mp_participant_picker_set_none_label       (MpParticipantPicker *self,
                                                        const char          *label);
void        mp_participant_picker_set_accessible_label (MpParticipantPicker *self,
                                                        const char          *label);
/* Acts as if the user picked @id (NULL: nobody): sets it and emits
 * ::participant-chosen. Returns FALSE when @id is not listed. */
gboolean    mp_participant_picker_choose               (MpParticipantPicker *self,
                                                        const char          *id);
/* The drop-down's model (the "Nobody" item first): for tests. */
GListModel *mp_participant_picker_get_model            (MpParticipantPicker *self);

G_END_DECLS
