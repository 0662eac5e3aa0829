/* mp-reply.h: an attendee's answer to an invitation, or their proposal of another time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-enums.h"
#include "mp-record.h"

G_BEGIN_DECLS

#define MP_TYPE_REPLY (mp_reply_get_type ())
G_DECLARE_FINAL_TYPE (MpReply, mp_reply, MP, REPLY, MpRecord)

/* Field indexes, in the order of docs/file-format.md. */
typedef enum {
  MP_REPLY_EMAIL,
  MP_REPLY_NAME,
  MP_REPLY_ANSWER,
  MP_REPLY_OCCURRENCE,
  MP_REPLY_AT,
  MP_REPLY_SEQUENCE,
  MP_REPLY_COMMENT,
  MP_REPLY_DELEGATED_TO,
  MP_REPLY_PROPOSED_DATE,
  MP_REPLY_PROPOSED_TIME,
  MP_REPLY_N_FIELDS
} MpReplyField;

typedef enum {
  MP_ANSWER_ACCEPTED,
  MP_ANSWER_DECLINED,
  MP_ANSWER_TENTATIVE,
  MP_ANSWER_DELEGATED,
  MP_ANSWER_PROPOSED,
} MpAnswer;

#define MP_TYPE_ANSWER (mp_answer_get_type ())
GType mp_answer_get_type (void) G_GNUC_CONST;

G_END_DECLS
