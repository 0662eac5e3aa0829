/* mp-task.h: a task below a milestone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-enums.h"
#include "mp-record.h"

G_BEGIN_DECLS

#define MP_TYPE_TASK (mp_task_get_type ())
G_DECLARE_FINAL_TYPE (MpTask, mp_task, MP, TASK, MpRecord)

/* Field indexes, in the order of FORMAT.md. */
typedef enum {
  MP_TASK_ID,
  MP_TASK_TITLE,
  MP_TASK_OWNER,
  MP_TASK_DUE,
  MP_TASK_DONE,
  MP_TASK_N_FIELDS
} MpTaskField;

MpTask *mp_task_new (void);

static inline const char *
mp_task_get_id (MpTask *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_TASK_ID);
}

static inline void
mp_task_set_id (MpTask *self,
                const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_TASK_ID, value);
}

static inline const char *
mp_task_get_title (MpTask *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_TASK_TITLE);
}

static inline void
mp_task_set_title (MpTask *self,
                   const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_TASK_TITLE, value);
}

static inline const char *
mp_task_get_owner (MpTask *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_TASK_OWNER);
}

static inline void
mp_task_set_owner (MpTask *self,
                   const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_TASK_OWNER, value);
}

static inline MpDate
mp_task_get_due (MpTask *self)
{
  return mp_record_get_date (MP_RECORD (self), MP_TASK_DUE);
}

static inline void
mp_task_set_due (MpTask *self,
                 MpDate value)
{
  mp_record_set_date (MP_RECORD (self), MP_TASK_DUE, value);
}

static inline gboolean
mp_task_get_done (MpTask *self)
{
  return mp_record_get_bool (MP_RECORD (self), MP_TASK_DONE);
}

static inline void
mp_task_set_done (MpTask *self,
                  gboolean value)
{
  mp_record_set_bool (MP_RECORD (self), MP_TASK_DONE, value);
}

G_END_DECLS
