/* mp-sent.h: what one attendee was last sent of an event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-enums.h"
#include "mp-record.h"

G_BEGIN_DECLS

#define MP_TYPE_SENT (mp_sent_get_type ())
G_DECLARE_FINAL_TYPE (MpSent, mp_sent, MP, SENT, MpRecord)

/* Field indexes, in the order of docs/file-format.md. */
typedef enum {
  MP_SENT_EMAIL,
  MP_SENT_NAME,
  MP_SENT_PARTICIPANT,
  MP_SENT_SEQUENCE,
  MP_SENT_FINGERPRINT,
  MP_SENT_CANCELLED,
  MP_SENT_AT,
  MP_SENT_N_FIELDS
} MpSentField;



G_END_DECLS
