/* mp-occurrence.h: one date of a recurring meeting that differs from its rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-enums.h"
#include "mp-record.h"

G_BEGIN_DECLS

#define MP_TYPE_OCCURRENCE (mp_occurrence_get_type ())
G_DECLARE_FINAL_TYPE (MpOccurrence, mp_occurrence, MP, OCCURRENCE, MpRecord)

/* Field indexes, in the order of docs/file-format.md. */
typedef enum {
  MP_OCCURRENCE_DATE,
  MP_OCCURRENCE_CANCELLED,
  MP_OCCURRENCE_N_FIELDS
} MpOccurrenceField;


G_END_DECLS
