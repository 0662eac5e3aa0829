/* mp-goal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-model.h"

struct _MpGoal
{
  MpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MpGoal, mp_goal, MP_TYPE_RECORD)

static const MpField fields[] = {
  { "id", MP_FIELD_STRING, MP_FIELD_REQUIRED | MP_FIELD_NONEMPTY, 0, 0, 0, NULL, MP_REF_NONE, "id" },
  { "title", MP_FIELD_STRING, MP_FIELD_REQUIRED, 0, 0, 0, NULL, MP_REF_NONE, "title" },
  { "measure", MP_FIELD_STRING, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "how reaching it is measured" },
  { "status", MP_FIELD_ENUM, MP_FIELD_NEW, 0, 0, MP_GOAL_OPEN, mp_goal_status_get_type, MP_REF_NONE, "open, achieved or dropped" },
  { "milestones", MP_FIELD_REFS, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_MILESTONE, "milestones that prove it" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == MP_GOAL_N_FIELDS);

static void
mp_goal_class_init (MpGoalClass *klass)
{
  mp_record_class_install_fields (MP_RECORD_CLASS (klass), "goal", fields, G_N_ELEMENTS (fields));
}

static void
mp_goal_init (MpGoal *self)
{
}

/* A new goal as made in the app: a fresh id and the members a
 * new object writes. */
MpGoal *
mp_goal_new (void)
{
  g_autofree char *id = mp_record_new_id ("g");
  MpGoal *self = g_object_new (MP_TYPE_GOAL, NULL);

  mp_record_set_id (MP_RECORD (self), id);
  mp_record_mark_new (MP_RECORD (self));
  return self;
}
