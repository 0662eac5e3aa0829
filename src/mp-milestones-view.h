/* mp-milestones-view.h: the milestones with their tasks, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"
#include "mp-milestone-filter.h"

G_BEGIN_DECLS

#define MP_TYPE_MILESTONES_VIEW (mp_milestones_view_get_type ())
G_DECLARE_FINAL_TYPE (MpMilestonesView, mp_milestones_view, MP, MILESTONES_VIEW, GtkWidget)

/* Actions (on the widget, for buttons and shortcuts):
 *   milestones.add, milestones.add-task, milestones.remove,
 *   milestones.move-up, milestones.move-down, milestones.toggle-done,
 *   milestones.search, milestones.collapse-all, milestones.expand-all,
 *   milestones.show-details */
GtkWidget   *mp_milestones_view_new          (void);
MpDocument  *mp_milestones_view_get_document (MpMilestonesView *self);
void         mp_milestones_view_set_document (MpMilestonesView *self,
                                              MpDocument       *document);
/* The milestone (or the milestone of the task) that is selected. */
MpMilestone *mp_milestones_view_get_selected (MpMilestonesView *self);
/* Selects the row of a milestone or task and scrolls to it. */
void         mp_milestones_view_select       (MpMilestonesView *self,
                                              MpRecord         *record);
/* The selection (items are GtkTreeListRow): the timeline follows it. */
GtkSingleSelection *mp_milestones_view_get_selection (MpMilestonesView *self);
/* What the list shows (search text and filter): the Overview sets it for
 * "Show all", the timeline can follow it. */
MpMilestoneFilter  *mp_milestones_view_get_filter    (MpMilestonesView *self);
/* The page with one filter applied and shown (not for one person). */
void                mp_milestones_view_show_filter   (MpMilestonesView      *self,
                                                      MpMilestoneFilterKind  kind);

G_END_DECLS
