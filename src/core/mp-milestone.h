/* mp-milestone.h: a step of the plan with an owner on each side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-enums.h"
#include "mp-record.h"

G_BEGIN_DECLS

#define MP_TYPE_MILESTONE (mp_milestone_get_type ())
G_DECLARE_FINAL_TYPE (MpMilestone, mp_milestone, MP, MILESTONE, MpRecord)

/* Field indexes, in the order of FORMAT.md. */
typedef enum {
  MP_MILESTONE_ID,
  MP_MILESTONE_TITLE,
  MP_MILESTONE_DESCRIPTION,
  MP_MILESTONE_NOTES,
  MP_MILESTONE_LOCATION,
  MP_MILESTONE_RESPONSIBLE,
  MP_MILESTONE_SELLER_OWNER,
  MP_MILESTONE_CUSTOMER_OWNER,
  MP_MILESTONE_START,
  MP_MILESTONE_DUE,
  MP_MILESTONE_TIME,
  MP_MILESTONE_DURATION_MINUTES,
  MP_MILESTONE_STATUS,
  MP_MILESTONE_COMPLETED_ON,
  MP_MILESTONE_COMMITMENT,
  MP_MILESTONE_DEPENDS_ON,
  MP_MILESTONE_INVITE,
  MP_MILESTONE_REMINDER_DAYS,
  MP_MILESTONE_SEQUENCE,
  MP_MILESTONE_INVITED_SEQUENCE,
  MP_MILESTONE_TASKS,
  MP_MILESTONE_SENT,
  MP_MILESTONE_REPLIES,
  MP_MILESTONE_PROPOSALS,
  MP_MILESTONE_N_FIELDS
} MpMilestoneField;

MpMilestone *mp_milestone_new (void);

/* Who the calendar invitation goes to: `invite`, or both owners when it
 * is empty (FORMAT.md). The ids are the milestone's own (borrowed). */
GPtrArray   *mp_milestone_get_invitees (MpMilestone *self);

static inline const char *
mp_milestone_get_id (MpMilestone *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_MILESTONE_ID);
}

static inline void
mp_milestone_set_id (MpMilestone *self,
                     const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_MILESTONE_ID, value);
}

static inline const char *
mp_milestone_get_title (MpMilestone *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_MILESTONE_TITLE);
}

static inline void
mp_milestone_set_title (MpMilestone *self,
                        const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_MILESTONE_TITLE, value);
}

static inline const char *
mp_milestone_get_description (MpMilestone *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_MILESTONE_DESCRIPTION);
}

static inline void
mp_milestone_set_description (MpMilestone *self,
                              const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_MILESTONE_DESCRIPTION, value);
}

static inline const char *
mp_milestone_get_notes (MpMilestone *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_MILESTONE_NOTES);
}

static inline void
mp_milestone_set_notes (MpMilestone *self,
                        const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_MILESTONE_NOTES, value);
}

static inline const char *
mp_milestone_get_location (MpMilestone *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_MILESTONE_LOCATION);
}

static inline void
mp_milestone_set_location (MpMilestone *self,
                           const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_MILESTONE_LOCATION, value);
}

static inline MpParty
mp_milestone_get_responsible (MpMilestone *self)
{
  return (MpParty) mp_record_get_int (MP_RECORD (self), MP_MILESTONE_RESPONSIBLE);
}

static inline void
mp_milestone_set_responsible (MpMilestone *self,
                              MpParty value)
{
  mp_record_set_int (MP_RECORD (self), MP_MILESTONE_RESPONSIBLE, (int) value);
}

static inline const char *
mp_milestone_get_seller_owner (MpMilestone *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_MILESTONE_SELLER_OWNER);
}

static inline void
mp_milestone_set_seller_owner (MpMilestone *self,
                               const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_MILESTONE_SELLER_OWNER, value);
}

static inline const char *
mp_milestone_get_customer_owner (MpMilestone *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_MILESTONE_CUSTOMER_OWNER);
}

static inline void
mp_milestone_set_customer_owner (MpMilestone *self,
                                 const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_MILESTONE_CUSTOMER_OWNER, value);
}

static inline MpDate
mp_milestone_get_start (MpMilestone *self)
{
  return mp_record_get_date (MP_RECORD (self), MP_MILESTONE_START);
}

static inline void
mp_milestone_set_start (MpMilestone *self,
                        MpDate value)
{
  mp_record_set_date (MP_RECORD (self), MP_MILESTONE_START, value);
}

static inline MpDate
mp_milestone_get_due (MpMilestone *self)
{
  return mp_record_get_date (MP_RECORD (self), MP_MILESTONE_DUE);
}

static inline void
mp_milestone_set_due (MpMilestone *self,
                      MpDate value)
{
  mp_record_set_date (MP_RECORD (self), MP_MILESTONE_DUE, value);
}

static inline int
mp_milestone_get_time (MpMilestone *self)
{
  return mp_record_get_int (MP_RECORD (self), MP_MILESTONE_TIME);
}

static inline void
mp_milestone_set_time (MpMilestone *self,
                       int value)
{
  mp_record_set_int (MP_RECORD (self), MP_MILESTONE_TIME, value);
}

static inline int
mp_milestone_get_duration_minutes (MpMilestone *self)
{
  return mp_record_get_int (MP_RECORD (self), MP_MILESTONE_DURATION_MINUTES);
}

static inline void
mp_milestone_set_duration_minutes (MpMilestone *self,
                                   int value)
{
  mp_record_set_int (MP_RECORD (self), MP_MILESTONE_DURATION_MINUTES, value);
}

static inline MpStatus
mp_milestone_get_status (MpMilestone *self)
{
  return (MpStatus) mp_record_get_int (MP_RECORD (self), MP_MILESTONE_STATUS);
}

static inline void
mp_milestone_set_status (MpMilestone *self,
                         MpStatus value)
{
  mp_record_set_int (MP_RECORD (self), MP_MILESTONE_STATUS, (int) value);
}

static inline MpDate
mp_milestone_get_completed_on (MpMilestone *self)
{
  return mp_record_get_date (MP_RECORD (self), MP_MILESTONE_COMPLETED_ON);
}

static inline void
mp_milestone_set_completed_on (MpMilestone *self,
                               MpDate value)
{
  mp_record_set_date (MP_RECORD (self), MP_MILESTONE_COMPLETED_ON, value);
}

static inline gboolean
mp_milestone_get_commitment (MpMilestone *self)
{
  return mp_record_get_bool (MP_RECORD (self), MP_MILESTONE_COMMITMENT);
}

static inline void
mp_milestone_set_commitment (MpMilestone *self,
                             gboolean value)
{
  mp_record_set_bool (MP_RECORD (self), MP_MILESTONE_COMMITMENT, value);
}

static inline const char * const *
mp_milestone_get_depends_on (MpMilestone *self)
{
  return mp_record_get_strv (MP_RECORD (self), MP_MILESTONE_DEPENDS_ON);
}

static inline void
mp_milestone_set_depends_on (MpMilestone *self,
                             const char * const *value)
{
  mp_record_set_strv (MP_RECORD (self), MP_MILESTONE_DEPENDS_ON, value);
}

static inline const char * const *
mp_milestone_get_invite (MpMilestone *self)
{
  return mp_record_get_strv (MP_RECORD (self), MP_MILESTONE_INVITE);
}

static inline void
mp_milestone_set_invite (MpMilestone *self,
                         const char * const *value)
{
  mp_record_set_strv (MP_RECORD (self), MP_MILESTONE_INVITE, value);
}

static inline int
mp_milestone_get_reminder_days (MpMilestone *self)
{
  return mp_record_get_int (MP_RECORD (self), MP_MILESTONE_REMINDER_DAYS);
}

static inline void
mp_milestone_set_reminder_days (MpMilestone *self,
                                int value)
{
  mp_record_set_int (MP_RECORD (self), MP_MILESTONE_REMINDER_DAYS, value);
}

static inline int
mp_milestone_get_sequence (MpMilestone *self)
{
  return mp_record_get_int (MP_RECORD (self), MP_MILESTONE_SEQUENCE);
}

static inline void
mp_milestone_set_sequence (MpMilestone *self,
                           int value)
{
  mp_record_set_int (MP_RECORD (self), MP_MILESTONE_SEQUENCE, value);
}

static inline int
mp_milestone_get_invited_sequence (MpMilestone *self)
{
  return mp_record_get_int (MP_RECORD (self), MP_MILESTONE_INVITED_SEQUENCE);
}

static inline void
mp_milestone_set_invited_sequence (MpMilestone *self,
                                   int value)
{
  mp_record_set_int (MP_RECORD (self), MP_MILESTONE_INVITED_SEQUENCE, value);
}

static inline GListStore *
mp_milestone_get_tasks (MpMilestone *self)
{
  return mp_record_get_children (MP_RECORD (self), MP_MILESTONE_TASKS);
}

G_END_DECLS
