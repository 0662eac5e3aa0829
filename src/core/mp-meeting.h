/* mp-meeting.h: a meeting of the communication cadence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-enums.h"
#include "mp-record.h"

G_BEGIN_DECLS

#define MP_TYPE_MEETING (mp_meeting_get_type ())
G_DECLARE_FINAL_TYPE (MpMeeting, mp_meeting, MP, MEETING, MpRecord)

/* Field indexes, in the order of FORMAT.md. */
typedef enum {
  MP_MEETING_ID,
  MP_MEETING_TITLE,
  MP_MEETING_START,
  MP_MEETING_DURATION_MINUTES,
  MP_MEETING_EVERY_WEEKS,
  MP_MEETING_UNTIL,
  MP_MEETING_LOCATION,
  MP_MEETING_ATTENDEES,
  MP_MEETING_SEQUENCE,
  MP_MEETING_INVITED_SEQUENCE,
  MP_MEETING_CANCELLED,
  MP_MEETING_OCCURRENCES,
  MP_MEETING_SENT,
  MP_MEETING_REPLIES,
  MP_MEETING_PROPOSALS,
  MP_MEETING_N_FIELDS
} MpMeetingField;

MpMeeting *mp_meeting_new (void);

static inline const char *
mp_meeting_get_id (MpMeeting *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_MEETING_ID);
}

static inline void
mp_meeting_set_id (MpMeeting *self,
                   const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_MEETING_ID, value);
}

static inline const char *
mp_meeting_get_title (MpMeeting *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_MEETING_TITLE);
}

static inline void
mp_meeting_set_title (MpMeeting *self,
                      const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_MEETING_TITLE, value);
}

static inline const char *
mp_meeting_get_start (MpMeeting *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_MEETING_START);
}

static inline void
mp_meeting_set_start (MpMeeting *self,
                      const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_MEETING_START, value);
}

static inline int
mp_meeting_get_duration_minutes (MpMeeting *self)
{
  return mp_record_get_int (MP_RECORD (self), MP_MEETING_DURATION_MINUTES);
}

static inline void
mp_meeting_set_duration_minutes (MpMeeting *self,
                                 int value)
{
  mp_record_set_int (MP_RECORD (self), MP_MEETING_DURATION_MINUTES, value);
}

static inline int
mp_meeting_get_every_weeks (MpMeeting *self)
{
  return mp_record_get_int (MP_RECORD (self), MP_MEETING_EVERY_WEEKS);
}

static inline void
mp_meeting_set_every_weeks (MpMeeting *self,
                            int value)
{
  mp_record_set_int (MP_RECORD (self), MP_MEETING_EVERY_WEEKS, value);
}

static inline MpDate
mp_meeting_get_until (MpMeeting *self)
{
  return mp_record_get_date (MP_RECORD (self), MP_MEETING_UNTIL);
}

static inline void
mp_meeting_set_until (MpMeeting *self,
                      MpDate value)
{
  mp_record_set_date (MP_RECORD (self), MP_MEETING_UNTIL, value);
}

static inline const char *
mp_meeting_get_location (MpMeeting *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_MEETING_LOCATION);
}

static inline void
mp_meeting_set_location (MpMeeting *self,
                         const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_MEETING_LOCATION, value);
}

static inline const char * const *
mp_meeting_get_attendees (MpMeeting *self)
{
  return mp_record_get_strv (MP_RECORD (self), MP_MEETING_ATTENDEES);
}

static inline void
mp_meeting_set_attendees (MpMeeting *self,
                          const char * const *value)
{
  mp_record_set_strv (MP_RECORD (self), MP_MEETING_ATTENDEES, value);
}

static inline int
mp_meeting_get_sequence (MpMeeting *self)
{
  return mp_record_get_int (MP_RECORD (self), MP_MEETING_SEQUENCE);
}

static inline void
mp_meeting_set_sequence (MpMeeting *self,
                         int value)
{
  mp_record_set_int (MP_RECORD (self), MP_MEETING_SEQUENCE, value);
}

static inline int
mp_meeting_get_invited_sequence (MpMeeting *self)
{
  return mp_record_get_int (MP_RECORD (self), MP_MEETING_INVITED_SEQUENCE);
}

static inline void
mp_meeting_set_invited_sequence (MpMeeting *self,
                                 int value)
{
  mp_record_set_int (MP_RECORD (self), MP_MEETING_INVITED_SEQUENCE, value);
}

static inline gboolean
mp_meeting_get_cancelled (MpMeeting *self)
{
  return mp_record_get_bool (MP_RECORD (self), MP_MEETING_CANCELLED);
}

G_END_DECLS
