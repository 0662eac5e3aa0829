/* mp-baseline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-model.h"

struct _MpBaseline
{
  MpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MpBaseline, mp_baseline, MP_TYPE_RECORD)

static const MpField fields[] = {
  { "name", MP_FIELD_STRING, MP_FIELD_REQUIRED | MP_FIELD_NONEMPTY, 0, 0, 0, NULL, MP_REF_NONE, "name" },
  { "at", MP_FIELD_DATETIME, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "when it was taken" },
  { "dates", MP_FIELD_DATE_MAP, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "milestone id to start and due" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == MP_BASELINE_N_FIELDS);

static void
mp_baseline_class_init (MpBaselineClass *klass)
{
  mp_record_class_install_fields (MP_RECORD_CLASS (klass), "baseline", fields, G_N_ELEMENTS (fields));
}

static void
mp_baseline_init (MpBaseline *self)
{
}

/* A new baseline as made in the app: a fresh id and the members a
 * new object writes. */
MpBaseline *
mp_baseline_new (void)
{
  MpBaseline *self = g_object_new (MP_TYPE_BASELINE, NULL);

  mp_record_mark_new (MP_RECORD (self));
  return self;
}
