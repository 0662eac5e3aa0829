/* mp-refs-button.h: a button that shows and picks several participants
 * or milestones of the plan (check buttons in a popover)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-model.h"

G_BEGIN_DECLS

#define MP_TYPE_REFS_BUTTON (mp_refs_button_get_type ())
G_DECLARE_FINAL_TYPE (MpRefsButton, mp_refs_button, MP, REFS_BUTTON, GtkWidget)

/* The button shows the names (or titles) of the ids, joined, or the
 * placeholder ("Nobody"/"None"); the popover lists every participant
 * (MP_REF_PARTICIPANT) or milestone (MP_REF_MILESTONE) of the plan with a
 * check button, built each time it opens, so it follows the plan.
 *
 * Properties: "plan" (MpPlan), "ids" (GStrv, the ids shown).
 * Signals: ::ids-chosen (GStrv) when the user ticks or unticks one: the
 * old order is kept, a newly ticked id goes last. Not emitted for
 * mp_refs_button_set_ids(). */
GtkWidget          *mp_refs_button_new                  (MpRefKind     kind);
MpRefKind           mp_refs_button_get_kind             (MpRefsButton *self);
MpPlan             *mp_refs_button_get_plan             (MpRefsButton *self);
void                mp_refs_button_set_plan             (MpRefsButton *self,
                                                         MpPlan       *plan);
const char * const *mp_refs_button_get_ids              (MpRefsButton *self);
void                mp_refs_button_set_ids              (MpRefsButton *self,
                                                         const char * const *ids);
void                mp_refs_button_set_placeholder      (MpRefsButton *self,
                                                         const char   *text);
void                mp_refs_button_set_accessible_label (MpRefsButton *self,
                                                         const char   *label);
/* Acts as if the user ticked (@on TRUE) or unticked @id: emits
 * ::ids-chosen when that changes the ids. */
void                mp_refs_button_toggle               (MpRefsButton *self,
                                                         const char   *id,
                                                         gboolean      on);
void                mp_refs_button_popup                (MpRefsButton *self);

G_END_DECLS
