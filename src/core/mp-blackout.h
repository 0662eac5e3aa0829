/* mp-blackout.h: a holiday, vacation or freeze
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-enums.h"
#include "mp-record.h"

G_BEGIN_DECLS

#define MP_TYPE_BLACKOUT (mp_blackout_get_type ())
G_DECLARE_FINAL_TYPE (MpBlackout, mp_blackout, MP, BLACKOUT, MpRecord)

/* Field indexes, in the order of FORMAT.md. */
typedef enum {
  MP_BLACKOUT_ID,
  MP_BLACKOUT_TITLE,
  MP_BLACKOUT_START,
  MP_BLACKOUT_END,
  MP_BLACKOUT_SIDE,
  MP_BLACKOUT_PARTICIPANT,
  MP_BLACKOUT_N_FIELDS
} MpBlackoutField;

MpBlackout *mp_blackout_new (void);

static inline const char *
mp_blackout_get_id (MpBlackout *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_BLACKOUT_ID);
}

static inline void
mp_blackout_set_id (MpBlackout *self,
                    const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_BLACKOUT_ID, value);
}

static inline const char *
mp_blackout_get_title (MpBlackout *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_BLACKOUT_TITLE);
}

static inline void
mp_blackout_set_title (MpBlackout *self,
                       const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_BLACKOUT_TITLE, value);
}

static inline MpDate
mp_blackout_get_start (MpBlackout *self)
{
  return mp_record_get_date (MP_RECORD (self), MP_BLACKOUT_START);
}

static inline void
mp_blackout_set_start (MpBlackout *self,
                       MpDate value)
{
  mp_record_set_date (MP_RECORD (self), MP_BLACKOUT_START, value);
}

static inline MpDate
mp_blackout_get_end (MpBlackout *self)
{
  return mp_record_get_date (MP_RECORD (self), MP_BLACKOUT_END);
}

static inline void
mp_blackout_set_end (MpBlackout *self,
                     MpDate value)
{
  mp_record_set_date (MP_RECORD (self), MP_BLACKOUT_END, value);
}

static inline MpParty
mp_blackout_get_side (MpBlackout *self)
{
  return (MpParty) mp_record_get_int (MP_RECORD (self), MP_BLACKOUT_SIDE);
}

static inline void
mp_blackout_set_side (MpBlackout *self,
                      MpParty value)
{
  mp_record_set_int (MP_RECORD (self), MP_BLACKOUT_SIDE, (int) value);
}

static inline const char *
mp_blackout_get_participant (MpBlackout *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_BLACKOUT_PARTICIPANT);
}

static inline void
mp_blackout_set_participant (MpBlackout *self,
                             const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_BLACKOUT_PARTICIPANT, value);
}

G_END_DECLS
