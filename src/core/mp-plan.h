/* mp-plan.h: the whole Mutual Action Plan: the top level of a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-enums.h"
#include "mp-record.h"
#include "mp-participant.h"
#include "mp-milestone.h"
#include "mp-reporting.h"

G_BEGIN_DECLS

#define MP_TYPE_PLAN (mp_plan_get_type ())
G_DECLARE_FINAL_TYPE (MpPlan, mp_plan, MP, PLAN, MpRecord)

/* Field indexes, in the order of FORMAT.md. */
typedef enum {
  MP_PLAN_FORMAT,
  MP_PLAN_VERSION,
  MP_PLAN_ID,
  MP_PLAN_TITLE,
  MP_PLAN_CUSTOMER,
  MP_PLAN_VENDOR,
  MP_PLAN_SUMMARY,
  MP_PLAN_START,
  MP_PLAN_TARGET,
  MP_PLAN_BUFFER_DAYS,
  MP_PLAN_TIMEZONE,
  MP_PLAN_ORGANIZER,
  MP_PLAN_PARTICIPANTS,
  MP_PLAN_GOALS,
  MP_PLAN_MILESTONES,
  MP_PLAN_BLACKOUTS,
  MP_PLAN_MEETINGS,
  MP_PLAN_REPORTING,
  MP_PLAN_BASELINES,
  MP_PLAN_HISTORY,
  MP_PLAN_CANCELLATIONS,
  MP_PLAN_N_FIELDS
} MpPlanField;

/* The format version this build reads and writes. */
#define MP_PLAN_FORMAT_VERSION 1

MpPlan *mp_plan_new (void);

MpParticipant *mp_plan_find_participant        (MpPlan     *self,
                                                const char *id);
MpMilestone   *mp_plan_find_milestone          (MpPlan     *self,
                                                const char *id);
/* The plan's zone, "UTC" when the file names none. */
const char    *mp_plan_get_timezone_or_default (MpPlan     *self);

static inline int
mp_plan_get_version (MpPlan *self)
{
  return mp_record_get_int (MP_RECORD (self), MP_PLAN_VERSION);
}

static inline void
mp_plan_set_version (MpPlan *self,
                     int value)
{
  mp_record_set_int (MP_RECORD (self), MP_PLAN_VERSION, value);
}

static inline const char *
mp_plan_get_id (MpPlan *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_PLAN_ID);
}

static inline void
mp_plan_set_id (MpPlan *self,
                const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_PLAN_ID, value);
}

static inline const char *
mp_plan_get_title (MpPlan *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_PLAN_TITLE);
}

static inline void
mp_plan_set_title (MpPlan *self,
                   const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_PLAN_TITLE, value);
}

static inline const char *
mp_plan_get_customer (MpPlan *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_PLAN_CUSTOMER);
}

static inline void
mp_plan_set_customer (MpPlan *self,
                      const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_PLAN_CUSTOMER, value);
}

static inline const char *
mp_plan_get_vendor (MpPlan *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_PLAN_VENDOR);
}

static inline void
mp_plan_set_vendor (MpPlan *self,
                    const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_PLAN_VENDOR, value);
}

static inline const char *
mp_plan_get_summary (MpPlan *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_PLAN_SUMMARY);
}

static inline void
mp_plan_set_summary (MpPlan *self,
                     const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_PLAN_SUMMARY, value);
}

static inline MpDate
mp_plan_get_start (MpPlan *self)
{
  return mp_record_get_date (MP_RECORD (self), MP_PLAN_START);
}

static inline void
mp_plan_set_start (MpPlan *self,
                   MpDate value)
{
  mp_record_set_date (MP_RECORD (self), MP_PLAN_START, value);
}

static inline MpDate
mp_plan_get_target (MpPlan *self)
{
  return mp_record_get_date (MP_RECORD (self), MP_PLAN_TARGET);
}

static inline void
mp_plan_set_target (MpPlan *self,
                    MpDate value)
{
  mp_record_set_date (MP_RECORD (self), MP_PLAN_TARGET, value);
}

static inline int
mp_plan_get_buffer_days (MpPlan *self)
{
  return mp_record_get_int (MP_RECORD (self), MP_PLAN_BUFFER_DAYS);
}

static inline void
mp_plan_set_buffer_days (MpPlan *self,
                         int value)
{
  mp_record_set_int (MP_RECORD (self), MP_PLAN_BUFFER_DAYS, value);
}

static inline const char *
mp_plan_get_timezone (MpPlan *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_PLAN_TIMEZONE);
}

static inline void
mp_plan_set_timezone (MpPlan *self,
                      const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_PLAN_TIMEZONE, value);
}

static inline const char *
mp_plan_get_organizer (MpPlan *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_PLAN_ORGANIZER);
}

static inline void
mp_plan_set_organizer (MpPlan *self,
                       const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_PLAN_ORGANIZER, value);
}

static inline GListStore *
mp_plan_get_participants (MpPlan *self)
{
  return mp_record_get_children (MP_RECORD (self), MP_PLAN_PARTICIPANTS);
}

static inline GListStore *
mp_plan_get_goals (MpPlan *self)
{
  return mp_record_get_children (MP_RECORD (self), MP_PLAN_GOALS);
}

static inline GListStore *
mp_plan_get_milestones (MpPlan *self)
{
  return mp_record_get_children (MP_RECORD (self), MP_PLAN_MILESTONES);
}

static inline GListStore *
mp_plan_get_blackouts (MpPlan *self)
{
  return mp_record_get_children (MP_RECORD (self), MP_PLAN_BLACKOUTS);
}

static inline GListStore *
mp_plan_get_meetings (MpPlan *self)
{
  return mp_record_get_children (MP_RECORD (self), MP_PLAN_MEETINGS);
}

static inline MpReporting *
mp_plan_get_reporting (MpPlan *self)
{
  return (MpReporting *) mp_record_get_child (MP_RECORD (self), MP_PLAN_REPORTING);
}

static inline GListStore *
mp_plan_get_baselines (MpPlan *self)
{
  return mp_record_get_children (MP_RECORD (self), MP_PLAN_BASELINES);
}

static inline GListStore *
mp_plan_get_history (MpPlan *self)
{
  return mp_record_get_children (MP_RECORD (self), MP_PLAN_HISTORY);
}

G_END_DECLS
