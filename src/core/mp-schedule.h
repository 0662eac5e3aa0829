/* mp-schedule.h: working days, blackouts and moving dates with their dependents
 *
 * The rules that decide when a milestone can happen, shared by the
 * warnings (mp-problem.c), the plan health (mp-health.c) and the window:
 *
 * - A milestone is open while it is neither done nor dropped.
 * - It is overdue when it is open and its due date is before today.
 * - A blackout concerns a milestone when it names one of the milestone's
 *   owners (participant set), or, for a whole side (participant null),
 *   when that side or the milestone's responsible side is "both" or they
 *   are the same side.
 * - A working day of a side is a Monday to Friday outside every
 *   whole-side blackout of that side (or of "both"); for "both", both
 *   sides must be working. A working day of a milestone is a working day
 *   of its responsible side on which none of its owners is away.
 *
 * "Shift with dependents" is split in two so that the window can show
 * what would happen before anything changes: mp_plan_preview_shift()
 * only computes, mp_document_apply_shift() writes the result as one
 * undoable step of the document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-plan.h"
#include "mp-blackout.h"
#include "mp-date-change.h"
#include "mp-document.h"

G_BEGIN_DECLS

/* Not done and not dropped. */
gboolean     mp_milestone_is_open          (MpMilestone *milestone);
/* Open and due before @today (MP_DATE_NONE: never overdue). */
gboolean     mp_milestone_is_overdue       (MpMilestone *milestone,
                                            MpDate       today);
/* Days between the due date and @today when overdue, else 0. */
int          mp_milestone_get_days_late    (MpMilestone *milestone,
                                            MpDate       today);
/* The side that must deliver lacks its owner (for "both": either one). */
gboolean     mp_milestone_lacks_owner      (MpMilestone *milestone);

/* TRUE when @blackout concerns @milestone (see above). */
gboolean     mp_blackout_concerns_milestone (MpBlackout  *blackout,
                                             MpMilestone *milestone);
/* The first blackout of @plan (in file order) that covers @date and
 * concerns @milestone, or NULL. Transfer none: the plan keeps it. */
MpBlackout  *mp_plan_find_blackout_at      (MpPlan      *plan,
                                            MpMilestone *milestone,
                                            MpDate       date);

/* Monday to Friday and no whole-side blackout of @party on @date. */
gboolean     mp_plan_is_working_day        (MpPlan      *plan,
                                            MpParty      party,
                                            MpDate       date);
/* A working day of the milestone's responsible side on which none of its
 * owners is away. */
gboolean     mp_plan_is_milestone_working_day (MpPlan      *plan,
                                               MpMilestone *milestone,
                                               MpDate       date);
/* Working days of @party from @from to @to, both inclusive; 0 when
 * @to is before @from. */
int          mp_plan_count_working_days    (MpPlan      *plan,
                                            MpParty      party,
                                            MpDate       from,
                                            MpDate       to);

/* TRUE when @milestone depends on @on, directly or through others
 * (dropped milestones included: the file keeps their dependencies).
 * The editor asks mp_plan_depends_on (plan, on, milestone) before it lets
 * @milestone depend on @on: TRUE there would close a cycle. A milestone
 * depends on itself only through a cycle. */
gboolean     mp_plan_depends_on            (MpPlan      *plan,
                                            MpMilestone *milestone,
                                            MpMilestone *on);

/* What moving @milestone by @days calendar days (negative: earlier) does:
 * a list of MpDateChange (kind MP_DATE_CHANGE_MOVED), @milestone first,
 * then every milestone that depends on it, directly or transitively, in
 * dependency order. The plan is not changed.
 *
 * - @milestone itself moves by exactly @days (the user chose the date).
 * - A dependent moves by the largest move of its moved predecessors, then
 *   on to its next working day (see above) in the direction of the move,
 *   so that it neither lands on a weekend or a blackout of its side or
 *   owners nor gets ahead of a predecessor. Moving earlier never puts a
 *   dependent before a predecessor (moved or not) that it was after.
 * - Its start moves by the same number of days as its due date.
 * - Done and dropped dependents stay where they are, and what depends
 *   only through them does not move.
 * - Milestones whose dates end up unchanged are left out of the list.
 *
 * Returns NULL and sets @error (MP_ERROR_INVALID) when the dependencies
 * of what would move form a cycle, or when @days is so large that a date
 * would leave the calendar. @days 0 gives an empty list. */
GListStore  *mp_plan_preview_shift         (MpPlan      *plan,
                                            MpMilestone *milestone,
                                            int          days,
                                            GError     **error);

/* Writes the new dates of @changes (MpDateChange of kind MOVED, as made
 * by mp_plan_preview_shift () for the document's plan) through @document,
 * as one undoable step labelled "Shift with Dependents": one undo puts
 * every date back. The document raises each moved milestone's calendar
 * `sequence` once and notes the moves in the history. Changes of other
 * kinds and milestones not in the plan are skipped. Returns the number
 * of milestones whose dates changed. */
guint        mp_document_apply_shift       (MpDocument  *document,
                                            GListModel  *changes);

G_END_DECLS
