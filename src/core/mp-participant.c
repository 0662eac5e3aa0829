/* mp-participant.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-model.h"

struct _MpParticipant
{
  MpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MpParticipant, mp_participant, MP_TYPE_RECORD)

static const MpField fields[] = {
  { "id", MP_FIELD_STRING, MP_FIELD_REQUIRED | MP_FIELD_NONEMPTY, 0, 0, 0, NULL, MP_REF_NONE, "id" },
  { "name", MP_FIELD_STRING, MP_FIELD_REQUIRED, 0, 0, 0, NULL, MP_REF_NONE, "full name" },
  { "email", MP_FIELD_STRING, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "e-mail address" },
  { "organization", MP_FIELD_STRING, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "organisation" },
  { "side", MP_FIELD_ENUM, MP_FIELD_REQUIRED, 0, 0, MP_SIDE_SELLER, mp_side_get_type, MP_REF_NONE, "seller or customer" },
  { "role", MP_FIELD_STRING, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "role in the deal" },
  { "decision_maker", MP_FIELD_BOOL, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "signs or decides" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == MP_PARTICIPANT_N_FIELDS);

static void
mp_participant_class_init (MpParticipantClass *klass)
{
  mp_record_class_install_fields (MP_RECORD_CLASS (klass), "participant", fields, G_N_ELEMENTS (fields));
}

static void
mp_participant_init (MpParticipant *self)
{
}

/* A new participant as made in the app: a fresh id and the members a
 * new object writes. */
MpParticipant *
mp_participant_new (void)
{
  g_autofree char *id = mp_record_new_id ("p");
  MpParticipant *self = g_object_new (MP_TYPE_PARTICIPANT, NULL);

  mp_record_set_id (MP_RECORD (self), id);
  mp_record_mark_new (MP_RECORD (self));
  return self;
}
