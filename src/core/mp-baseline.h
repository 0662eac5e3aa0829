/* mp-baseline.h: a named snapshot of agreed dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-enums.h"
#include "mp-record.h"

G_BEGIN_DECLS

#define MP_TYPE_BASELINE (mp_baseline_get_type ())
G_DECLARE_FINAL_TYPE (MpBaseline, mp_baseline, MP, BASELINE, MpRecord)

/* Field indexes, in the order of FORMAT.md. */
typedef enum {
  MP_BASELINE_NAME,
  MP_BASELINE_AT,
  MP_BASELINE_DATES,
  MP_BASELINE_N_FIELDS
} MpBaselineField;

MpBaseline *mp_baseline_new (void);

/* The dates the baseline has for @milestone_id, or NULL: the answer of
 * mp_date_map_lookup () on its dates, from an index made on first use
 * and made again when the dates are replaced or grow. */
const MpDateMapEntry *mp_baseline_lookup (MpBaseline *self,
                                          const char *milestone_id);

static inline const char *
mp_baseline_get_name (MpBaseline *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_BASELINE_NAME);
}

static inline void
mp_baseline_set_name (MpBaseline *self,
                      const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_BASELINE_NAME, value);
}

static inline const char *
mp_baseline_get_at (MpBaseline *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_BASELINE_AT);
}

static inline void
mp_baseline_set_at (MpBaseline *self,
                    const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_BASELINE_AT, value);
}

static inline MpDateMap *
mp_baseline_get_dates (MpBaseline *self)
{
  return g_value_get_boxed (mp_record_peek_value (MP_RECORD (self), MP_BASELINE_DATES));
}

G_END_DECLS
