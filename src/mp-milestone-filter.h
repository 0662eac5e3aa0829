/* mp-milestone-filter.h: which milestones the Milestones page shows
 *
 * A search text and one of a few filters (overdue, next 14 days, one
 * side, one person). A milestone is shown when it matches, or when one
 * of its tasks matches (then the task is why it stays). The object owns
 * a GtkFilterListModel over the plan's milestones that the list's tree
 * is built on; the timeline (or anything else) can follow the same
 * object: ::changed fires after every change of the criteria, and
 * mp_milestone_filter_match() answers for one milestone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-model.h"

G_BEGIN_DECLS

typedef enum {
  MP_MILESTONE_FILTER_ALL,
  MP_MILESTONE_FILTER_OVERDUE,
  MP_MILESTONE_FILTER_NEXT_14_DAYS,
  MP_MILESTONE_FILTER_SELLER,
  MP_MILESTONE_FILTER_CUSTOMER,
  MP_MILESTONE_FILTER_PERSON,
} MpMilestoneFilterKind;

#define MP_TYPE_MILESTONE_FILTER (mp_milestone_filter_get_type ())
G_DECLARE_FINAL_TYPE (MpMilestoneFilter, mp_milestone_filter, MP, MILESTONE_FILTER, GObject)

MpMilestoneFilter    *mp_milestone_filter_new           (void);
/* The plan whose milestones are filtered (NULL: none). */
void                  mp_milestone_filter_set_plan      (MpMilestoneFilter     *self,
                                                         MpPlan                *plan);
/* Case-insensitive words that must all appear in a milestone's or one
 * of its tasks' title. A shown row stays while it is edited; the next
 * change of the criteria tests it again. */
void                  mp_milestone_filter_set_text      (MpMilestoneFilter     *self,
                                                         const char            *text);
const char           *mp_milestone_filter_get_text      (MpMilestoneFilter     *self);
/* @person_id only for MP_MILESTONE_FILTER_PERSON: owners and task owners. */
void                  mp_milestone_filter_set_kind      (MpMilestoneFilter     *self,
                                                         MpMilestoneFilterKind  kind,
                                                         const char            *person_id);
MpMilestoneFilterKind mp_milestone_filter_get_kind      (MpMilestoneFilter     *self);
const char           *mp_milestone_filter_get_person    (MpMilestoneFilter     *self);
/* "Today" for overdue and the next 14 days (default: mp_date_today ()). */
void                  mp_milestone_filter_set_today     (MpMilestoneFilter     *self,
                                                         MpDate                 today);
/* TRUE when nothing is filtered out. */
gboolean              mp_milestone_filter_is_empty      (MpMilestoneFilter     *self);
gboolean              mp_milestone_filter_match         (MpMilestoneFilter     *self,
                                                         MpMilestone           *milestone);
/* TRUE when @task matches the search text (used to expand its milestone). */
gboolean              mp_milestone_filter_match_task    (MpMilestoneFilter     *self,
                                                         MpTask                *task);
/* The shown milestones, in plan order (transfer none). */
GListModel           *mp_milestone_filter_get_model     (MpMilestoneFilter     *self);
guint                 mp_milestone_filter_get_n_shown   (MpMilestoneFilter     *self);
guint                 mp_milestone_filter_get_n_total   (MpMilestoneFilter     *self);

G_END_DECLS
