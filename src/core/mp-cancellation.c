/* mp-cancellation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-model.h"

struct _MpCancellation
{
  MpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MpCancellation, mp_cancellation, MP_TYPE_RECORD)

static const MpField fields[] = {
  [MP_CANCELLATION_UID] = { "uid", MP_FIELD_STRING, MP_FIELD_REQUIRED | MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "the event's iCalendar UID" },
  [MP_CANCELLATION_TITLE] = { "title", MP_FIELD_STRING, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "its title" },
  [MP_CANCELLATION_START] = { "start", MP_FIELD_STRING, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "when it was: YYYY-MM-DD, or YYYY-MM-DDTHH:MM local" },
  [MP_CANCELLATION_SEQUENCE] = { "sequence", MP_FIELD_INT, MP_FIELD_REQUIRED | MP_FIELD_NEW, 0, 2147483647, 0, NULL, MP_REF_NONE, "the highest SEQUENCE sent" },
  [MP_CANCELLATION_SENT] = { "sent", MP_FIELD_CHILDREN, MP_FIELD_REQUIRED | MP_FIELD_NEW, 0, 0, 0, mp_sent_get_type, MP_REF_NONE, "what each attendee was sent" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == MP_CANCELLATION_N_FIELDS);

static void
mp_cancellation_class_init (MpCancellationClass *klass)
{
  mp_record_class_install_fields (MP_RECORD_CLASS (klass), "cancellation", fields, G_N_ELEMENTS (fields));
}

static void
mp_cancellation_init (MpCancellation *self)
{
}
