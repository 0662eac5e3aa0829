/* mp-date-change.h: one milestone's dates before and after
 *
 * The rows of a "shift with dependents" preview (mp_plan_preview_shift)
 * and of a baseline comparison (mp_baseline_compare). Immutable; a
 * GObject so that a list of them is a GListModel the window can show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mp-milestone.h"

G_BEGIN_DECLS

typedef enum {
  MP_DATE_CHANGE_MOVED,   /* start or due differ */
  MP_DATE_CHANGE_ADDED,   /* in the plan, not in the baseline (old dates none) */
  MP_DATE_CHANGE_DROPPED, /* in the baseline, now status "dropped" */
  MP_DATE_CHANGE_REMOVED, /* in the baseline, no longer in the plan (new dates none) */
} MpDateChangeKind;

#define MP_TYPE_DATE_CHANGE_KIND (mp_date_change_kind_get_type ())
GType mp_date_change_kind_get_type (void) G_GNUC_CONST;

#define MP_TYPE_DATE_CHANGE (mp_date_change_get_type ())
G_DECLARE_FINAL_TYPE (MpDateChange, mp_date_change, MP, DATE_CHANGE, GObject)

/* @milestone may be NULL (a removed milestone); @milestone_id never. */
MpDateChange     *mp_date_change_new              (MpDateChangeKind  kind,
                                                   const char       *milestone_id,
                                                   MpMilestone      *milestone,
                                                   MpDate            old_start,
                                                   MpDate            old_due,
                                                   MpDate            new_start,
                                                   MpDate            new_due);

MpDateChangeKind  mp_date_change_get_kind         (MpDateChange *self);
const char       *mp_date_change_get_milestone_id (MpDateChange *self);
/* The milestone in the plan, NULL when it was removed. */
MpMilestone      *mp_date_change_get_milestone    (MpDateChange *self);
MpDate            mp_date_change_get_old_start    (MpDateChange *self);
MpDate            mp_date_change_get_old_due      (MpDateChange *self);
MpDate            mp_date_change_get_new_start    (MpDateChange *self);
MpDate            mp_date_change_get_new_due      (MpDateChange *self);
/* new due − old due in days (positive: later); 0 when either is none. */
int               mp_date_change_get_due_days     (MpDateChange *self);
/* new start − old start in days; 0 when either is none. */
int               mp_date_change_get_start_days   (MpDateChange *self);

G_END_DECLS
