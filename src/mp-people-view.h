/* mp-people-view.h: the People page: both sides' participants
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"
#include "mp-model.h"

G_BEGIN_DECLS

#define MP_TYPE_PEOPLE_VIEW (mp_people_view_get_type ())
G_DECLARE_FINAL_TYPE (MpPeopleView, mp_people_view, MP, PEOPLE_VIEW, GtkWidget)

GtkWidget  *mp_people_view_new             (void);
MpDocument *mp_people_view_get_document    (MpPeopleView *self);
void        mp_people_view_set_document    (MpPeopleView *self,
                                            MpDocument   *document);
/* Selects and scrolls to the row of @record (an MpParticipant); a plan
 * (a problem about the organizer) focuses the organizer choice. */
void        mp_people_view_select          (MpPeopleView *self,
                                            MpRecord     *record);
/* What "Add Participant" and Insert do: a new participant after the
 * selected one, its name ready to type. Returns it (owned by the plan). */
MpParticipant *mp_people_view_add          (MpPeopleView *self);
/* What "Remove" and Delete do: asks first (a modal GtkMessageDialog)
 * when the selected participant is referred to elsewhere. */
void        mp_people_view_remove_selected (MpPeopleView *self);

G_END_DECLS
