/* mp-participant.h: a person on the seller or the customer side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-enums.h"
#include "mp-record.h"

G_BEGIN_DECLS

#define MP_TYPE_PARTICIPANT (mp_participant_get_type ())
G_DECLARE_FINAL_TYPE (MpParticipant, mp_participant, MP, PARTICIPANT, MpRecord)

/* Field indexes, in the order of FORMAT.md. */
typedef enum {
  MP_PARTICIPANT_ID,
  MP_PARTICIPANT_NAME,
  MP_PARTICIPANT_EMAIL,
  MP_PARTICIPANT_ORGANIZATION,
  MP_PARTICIPANT_SIDE,
  MP_PARTICIPANT_ROLE,
  MP_PARTICIPANT_DECISION_MAKER,
  MP_PARTICIPANT_N_FIELDS
} MpParticipantField;

MpParticipant *mp_participant_new (void);

static inline const char *
mp_participant_get_id (MpParticipant *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_PARTICIPANT_ID);
}

static inline void
mp_participant_set_id (MpParticipant *self,
                       const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_PARTICIPANT_ID, value);
}

static inline const char *
mp_participant_get_name (MpParticipant *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_PARTICIPANT_NAME);
}

static inline void
mp_participant_set_name (MpParticipant *self,
                         const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_PARTICIPANT_NAME, value);
}

static inline const char *
mp_participant_get_email (MpParticipant *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_PARTICIPANT_EMAIL);
}

static inline void
mp_participant_set_email (MpParticipant *self,
                          const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_PARTICIPANT_EMAIL, value);
}

static inline const char *
mp_participant_get_organization (MpParticipant *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_PARTICIPANT_ORGANIZATION);
}

static inline void
mp_participant_set_organization (MpParticipant *self,
                                 const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_PARTICIPANT_ORGANIZATION, value);
}

static inline MpSide
mp_participant_get_side (MpParticipant *self)
{
  return (MpSide) mp_record_get_int (MP_RECORD (self), MP_PARTICIPANT_SIDE);
}

static inline void
mp_participant_set_side (MpParticipant *self,
                         MpSide value)
{
  mp_record_set_int (MP_RECORD (self), MP_PARTICIPANT_SIDE, (int) value);
}

static inline const char *
mp_participant_get_role (MpParticipant *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_PARTICIPANT_ROLE);
}

static inline void
mp_participant_set_role (MpParticipant *self,
                         const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_PARTICIPANT_ROLE, value);
}

static inline gboolean
mp_participant_get_decision_maker (MpParticipant *self)
{
  return mp_record_get_bool (MP_RECORD (self), MP_PARTICIPANT_DECISION_MAKER);
}

static inline void
mp_participant_set_decision_maker (MpParticipant *self,
                                   gboolean value)
{
  mp_record_set_bool (MP_RECORD (self), MP_PARTICIPANT_DECISION_MAKER, value);
}

G_END_DECLS
