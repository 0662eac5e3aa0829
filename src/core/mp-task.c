/* mp-task.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-model.h"

struct _MpTask
{
  MpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MpTask, mp_task, MP_TYPE_RECORD)

static const MpField fields[] = {
  { "id", MP_FIELD_STRING, MP_FIELD_REQUIRED | MP_FIELD_NONEMPTY, 0, 0, 0, NULL, MP_REF_NONE, "id" },
  { "title", MP_FIELD_STRING, MP_FIELD_REQUIRED, 0, 0, 0, NULL, MP_REF_NONE, "title" },
  { "owner", MP_FIELD_REF, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_PARTICIPANT, "owner" },
  { "due", MP_FIELD_DATE, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "due date" },
  { "done", MP_FIELD_BOOL, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "done" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == MP_TASK_N_FIELDS);

static void
mp_task_class_init (MpTaskClass *klass)
{
  mp_record_class_install_fields (MP_RECORD_CLASS (klass), "task", fields, G_N_ELEMENTS (fields));
}

static void
mp_task_init (MpTask *self)
{
}

/* A new task as made in the app: a fresh id and the members a
 * new object writes. */
MpTask *
mp_task_new (void)
{
  g_autofree char *id = mp_record_new_id ("t");
  MpTask *self = g_object_new (MP_TYPE_TASK, NULL);

  mp_record_set_id (MP_RECORD (self), id);
  mp_record_mark_new (MP_RECORD (self));
  return self;
}
