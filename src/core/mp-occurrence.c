/* mp-occurrence.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-model.h"

struct _MpOccurrence
{
  MpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MpOccurrence, mp_occurrence, MP_TYPE_RECORD)

static const MpField fields[] = {
  [MP_OCCURRENCE_DATE] = { "date", MP_FIELD_DATE, MP_FIELD_REQUIRED, 0, 0, 0, NULL, MP_REF_NONE, "the occurrence's day, local" },
  [MP_OCCURRENCE_CANCELLED] = { "cancelled", MP_FIELD_BOOL, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "this occurrence does not take place" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == MP_OCCURRENCE_N_FIELDS);

static void
mp_occurrence_class_init (MpOccurrenceClass *klass)
{
  mp_record_class_install_fields (MP_RECORD_CLASS (klass), "occurrence", fields, G_N_ELEMENTS (fields));
}

static void
mp_occurrence_init (MpOccurrence *self)
{
}
