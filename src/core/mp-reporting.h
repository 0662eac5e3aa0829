/* mp-reporting.h: the status-report rhythm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-enums.h"
#include "mp-record.h"

G_BEGIN_DECLS

#define MP_TYPE_REPORTING (mp_reporting_get_type ())
G_DECLARE_FINAL_TYPE (MpReporting, mp_reporting, MP, REPORTING, MpRecord)

/* Field indexes, in the order of FORMAT.md. */
typedef enum {
  MP_REPORTING_EVERY_WEEKS,
  MP_REPORTING_RECIPIENTS,
  MP_REPORTING_N_FIELDS
} MpReportingField;

MpReporting *mp_reporting_new (void);

static inline int
mp_reporting_get_every_weeks (MpReporting *self)
{
  return mp_record_get_int (MP_RECORD (self), MP_REPORTING_EVERY_WEEKS);
}

static inline void
mp_reporting_set_every_weeks (MpReporting *self,
                              int value)
{
  mp_record_set_int (MP_RECORD (self), MP_REPORTING_EVERY_WEEKS, value);
}

static inline const char * const *
mp_reporting_get_recipients (MpReporting *self)
{
  return mp_record_get_strv (MP_RECORD (self), MP_REPORTING_RECIPIENTS);
}

static inline void
mp_reporting_set_recipients (MpReporting *self,
                             const char * const *value)
{
  mp_record_set_strv (MP_RECORD (self), MP_REPORTING_RECIPIENTS, value);
}

G_END_DECLS
