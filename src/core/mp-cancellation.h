/* mp-cancellation.h: a deleted event whose cancellation is still to be sent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-enums.h"
#include "mp-record.h"

G_BEGIN_DECLS

#define MP_TYPE_CANCELLATION (mp_cancellation_get_type ())
G_DECLARE_FINAL_TYPE (MpCancellation, mp_cancellation, MP, CANCELLATION, MpRecord)

/* Field indexes, in the order of docs/file-format.md. */
typedef enum {
  MP_CANCELLATION_UID,
  MP_CANCELLATION_TITLE,
  MP_CANCELLATION_START,
  MP_CANCELLATION_SEQUENCE,
  MP_CANCELLATION_SENT,
  MP_CANCELLATION_N_FIELDS
} MpCancellationField;


G_END_DECLS
