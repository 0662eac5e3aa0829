/* mp-blackout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-model.h"

struct _MpBlackout
{
  MpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MpBlackout, mp_blackout, MP_TYPE_RECORD)

static const MpField fields[] = {
  { "id", MP_FIELD_STRING, MP_FIELD_REQUIRED | MP_FIELD_NONEMPTY, 0, 0, 0, NULL, MP_REF_NONE, "id" },
  { "title", MP_FIELD_STRING, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "title" },
  { "start", MP_FIELD_DATE, MP_FIELD_REQUIRED, 0, 0, 0, NULL, MP_REF_NONE, "first day" },
  { "end", MP_FIELD_DATE, MP_FIELD_REQUIRED, 0, 0, 0, NULL, MP_REF_NONE, "last day" },
  { "side", MP_FIELD_ENUM, MP_FIELD_NEW, 0, 0, MP_PARTY_BOTH, mp_party_get_type, MP_REF_NONE, "whose blackout" },
  { "participant", MP_FIELD_REF, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_PARTICIPANT, "the person who is away" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == MP_BLACKOUT_N_FIELDS);

static void
mp_blackout_class_init (MpBlackoutClass *klass)
{
  mp_record_class_install_fields (MP_RECORD_CLASS (klass), "blackout", fields, G_N_ELEMENTS (fields));
}

static void
mp_blackout_init (MpBlackout *self)
{
}

/* A new blackout as made in the app: a fresh id and the members a
 * new object writes. */
MpBlackout *
mp_blackout_new (void)
{
  g_autofree char *id = mp_record_new_id ("b");
  MpBlackout *self = g_object_new (MP_TYPE_BLACKOUT, NULL);

  mp_record_set_id (MP_RECORD (self), id);
  mp_record_mark_new (MP_RECORD (self));
  return self;
}
