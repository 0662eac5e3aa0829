/* mp-reporting.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-model.h"

struct _MpReporting
{
  MpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MpReporting, mp_reporting, MP_TYPE_RECORD)

static const MpField fields[] = {
  { "every_weeks", MP_FIELD_INT, MP_FIELD_REQUIRED, 1, 520, 2, NULL, MP_REF_NONE, "a report every n weeks" },
  { "recipients", MP_FIELD_REFS, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_PARTICIPANT, "who gets the report" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == MP_REPORTING_N_FIELDS);

static void
mp_reporting_class_init (MpReportingClass *klass)
{
  mp_record_class_install_fields (MP_RECORD_CLASS (klass), "reporting", fields, G_N_ELEMENTS (fields));
}

static void
mp_reporting_init (MpReporting *self)
{
}

/* A new reporting as made in the app: a fresh id and the members a
 * new object writes. */
MpReporting *
mp_reporting_new (void)
{
  MpReporting *self = g_object_new (MP_TYPE_REPORTING, NULL);

  mp_record_mark_new (MP_RECORD (self));
  return self;
}
