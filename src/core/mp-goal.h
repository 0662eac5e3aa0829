/* mp-goal.h: a measurable goal of the customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-enums.h"
#include "mp-record.h"

G_BEGIN_DECLS

#define MP_TYPE_GOAL (mp_goal_get_type ())
G_DECLARE_FINAL_TYPE (MpGoal, mp_goal, MP, GOAL, MpRecord)

/* Field indexes, in the order of FORMAT.md. */
typedef enum {
  MP_GOAL_ID,
  MP_GOAL_TITLE,
  MP_GOAL_MEASURE,
  MP_GOAL_STATUS,
  MP_GOAL_MILESTONES,
  MP_GOAL_N_FIELDS
} MpGoalField;

MpGoal *mp_goal_new (void);

static inline const char *
mp_goal_get_id (MpGoal *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_GOAL_ID);
}

static inline void
mp_goal_set_id (MpGoal *self,
                const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_GOAL_ID, value);
}

static inline const char *
mp_goal_get_title (MpGoal *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_GOAL_TITLE);
}

static inline void
mp_goal_set_title (MpGoal *self,
                   const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_GOAL_TITLE, value);
}

static inline const char *
mp_goal_get_measure (MpGoal *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_GOAL_MEASURE);
}

static inline void
mp_goal_set_measure (MpGoal *self,
                     const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_GOAL_MEASURE, value);
}

static inline MpGoalStatus
mp_goal_get_status (MpGoal *self)
{
  return (MpGoalStatus) mp_record_get_int (MP_RECORD (self), MP_GOAL_STATUS);
}

static inline void
mp_goal_set_status (MpGoal *self,
                    MpGoalStatus value)
{
  mp_record_set_int (MP_RECORD (self), MP_GOAL_STATUS, (int) value);
}

static inline const char * const *
mp_goal_get_milestones (MpGoal *self)
{
  return mp_record_get_strv (MP_RECORD (self), MP_GOAL_MILESTONES);
}

static inline void
mp_goal_set_milestones (MpGoal *self,
                        const char * const *value)
{
  mp_record_set_strv (MP_RECORD (self), MP_GOAL_MILESTONES, value);
}

G_END_DECLS
