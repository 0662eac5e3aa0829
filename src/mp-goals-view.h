/* mp-goals-view.h: the Goals page: what the customer wants to reach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"
#include "mp-model.h"

G_BEGIN_DECLS

#define MP_TYPE_GOALS_VIEW (mp_goals_view_get_type ())
G_DECLARE_FINAL_TYPE (MpGoalsView, mp_goals_view, MP, GOALS_VIEW, GtkWidget)

GtkWidget  *mp_goals_view_new             (void);
MpDocument *mp_goals_view_get_document    (MpGoalsView *self);
void        mp_goals_view_set_document    (MpGoalsView *self,
                                           MpDocument  *document);
/* Selects and scrolls to the row of @record (an MpGoal). */
void        mp_goals_view_select          (MpGoalsView *self,
                                           MpRecord    *record);
/* What "Add Goal" and Insert do; returns the new goal (owned by the plan). */
MpGoal     *mp_goals_view_add             (MpGoalsView *self);
/* What "Remove" and Delete do. */
void        mp_goals_view_remove_selected (MpGoalsView *self);

G_END_DECLS
