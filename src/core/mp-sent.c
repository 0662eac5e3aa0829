/* mp-sent.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-model.h"

struct _MpSent
{
  MpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MpSent, mp_sent, MP_TYPE_RECORD)

static const MpField fields[] = {
  [MP_SENT_EMAIL] = { "email", MP_FIELD_STRING, MP_FIELD_REQUIRED | MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "the attendee's address" },
  [MP_SENT_NAME] = { "name", MP_FIELD_STRING, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "their name when it was sent" },
  [MP_SENT_PARTICIPANT] = { "participant", MP_FIELD_STRING, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "their participant id when it was sent" },
  [MP_SENT_SEQUENCE] = { "sequence", MP_FIELD_INT, MP_FIELD_REQUIRED | MP_FIELD_NEW, 0, 2147483647, 0, NULL, MP_REF_NONE, "the SEQUENCE sent" },
  [MP_SENT_FINGERPRINT] = { "fingerprint", MP_FIELD_STRING, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "what a calendar shows of the event, as sent" },
  [MP_SENT_CANCELLED] = { "cancelled", MP_FIELD_BOOL, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "the last message was a cancellation" },
  [MP_SENT_AT] = { "at", MP_FIELD_DATETIME, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "when it was sent" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == MP_SENT_N_FIELDS);

static void
mp_sent_class_init (MpSentClass *klass)
{
  mp_record_class_install_fields (MP_RECORD_CLASS (klass), "sent", fields, G_N_ELEMENTS (fields));
}

static void
mp_sent_init (MpSent *self)
{
}
