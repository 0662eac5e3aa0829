/* mp-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-model.h"

struct _MpPlan
{
  MpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MpPlan, mp_plan, MP_TYPE_RECORD)

static const MpField fields[] = {
  { "format", MP_FIELD_STRING, MP_FIELD_REQUIRED | MP_FIELD_HEADER, 0, 0, 0, NULL, MP_REF_NONE, "always mutualplan" },
  { "version", MP_FIELD_INT, MP_FIELD_REQUIRED | MP_FIELD_HEADER, 1, 2147483647, 1, NULL, MP_REF_NONE, "format version" },
  { "id", MP_FIELD_STRING, MP_FIELD_REQUIRED | MP_FIELD_NONEMPTY, 0, 0, 0, NULL, MP_REF_NONE, "unique, stable id; base of calendar UIDs" },
  { "title", MP_FIELD_STRING, MP_FIELD_REQUIRED | MP_FIELD_NONEMPTY, 0, 0, 0, NULL, MP_REF_NONE, "title of the plan" },
  { "customer", MP_FIELD_STRING, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "customer organisation" },
  { "vendor", MP_FIELD_STRING, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "vendor organisation" },
  { "summary", MP_FIELD_STRING, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "the business case" },
  { "start", MP_FIELD_DATE, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "plan start" },
  { "target", MP_FIELD_DATE, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "the customer's deadline" },
  { "buffer_days", MP_FIELD_INT, MP_FIELD_NEW, 0, 36500, 0, NULL, MP_REF_NONE, "slack before target" },
  { "timezone", MP_FIELD_TIMEZONE, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "zone of all times" },
  { "organizer", MP_FIELD_REF, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_PARTICIPANT, "seller contact who sends invitations" },
  { "participants", MP_FIELD_CHILDREN, MP_FIELD_NEW, 0, 0, 0, mp_participant_get_type, MP_REF_NONE, "people on both sides" },
  { "goals", MP_FIELD_CHILDREN, MP_FIELD_NEW, 0, 0, 0, mp_goal_get_type, MP_REF_NONE, "measurable goals" },
  { "milestones", MP_FIELD_CHILDREN, MP_FIELD_NEW, 0, 0, 0, mp_milestone_get_type, MP_REF_NONE, "milestones in display order" },
  { "blackouts", MP_FIELD_CHILDREN, MP_FIELD_NEW, 0, 0, 0, mp_blackout_get_type, MP_REF_NONE, "holidays, vacations, freezes" },
  { "meetings", MP_FIELD_CHILDREN, MP_FIELD_NEW, 0, 0, 0, mp_meeting_get_type, MP_REF_NONE, "the communication cadence" },
  { "reporting", MP_FIELD_CHILD, 0, 0, 0, 0, mp_reporting_get_type, MP_REF_NONE, "status report rhythm" },
  { "baselines", MP_FIELD_CHILDREN, 0, 0, 0, 0, mp_baseline_get_type, MP_REF_NONE, "named snapshots of agreed dates" },
  { "history", MP_FIELD_CHILDREN, MP_FIELD_NEW, 0, 0, 0, mp_history_entry_get_type, MP_REF_NONE, "what changed and why" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == MP_PLAN_N_FIELDS);

static void
mp_plan_class_init (MpPlanClass *klass)
{
  mp_record_class_install_fields (MP_RECORD_CLASS (klass), "plan", fields, G_N_ELEMENTS (fields));
}

static void
mp_plan_init (MpPlan *self)
{
}

/* A new plan as made in the app: a fresh id and the members a
 * new object writes. */
MpPlan *
mp_plan_new (void)
{
  MpPlan *self = g_object_new (MP_TYPE_PLAN, NULL);
  g_autofree char *id = mp_record_new_id (NULL);
  g_autofree char *tz = mp_timezone_get_local ();

  mp_record_set_string (MP_RECORD (self), MP_PLAN_FORMAT, "mutualplan");
  mp_record_set_int (MP_RECORD (self), MP_PLAN_VERSION, MP_PLAN_FORMAT_VERSION);
  mp_record_set_id (MP_RECORD (self), id);
  mp_plan_set_timezone (self, tz);
  mp_record_mark_new (MP_RECORD (self));
  return self;
}

static gpointer
find_by_id (GListModel *model,
            const char *id)
{
  guint n = g_list_model_get_n_items (model);

  if (id == NULL)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpRecord) rec = g_list_model_get_item (model, i);
      if (g_strcmp0 (mp_record_get_id (rec), id) == 0)
        return rec;  /* the store keeps its reference */
    }
  return NULL;
}

MpParticipant *
mp_plan_find_participant (MpPlan     *self,
                          const char *id)
{
  g_return_val_if_fail (MP_IS_PLAN (self), NULL);
  return find_by_id (G_LIST_MODEL (mp_plan_get_participants (self)), id);
}

MpMilestone *
mp_plan_find_milestone (MpPlan     *self,
                        const char *id)
{
  g_return_val_if_fail (MP_IS_PLAN (self), NULL);
  return find_by_id (G_LIST_MODEL (mp_plan_get_milestones (self)), id);
}

const char *
mp_plan_get_timezone_or_default (MpPlan *self)
{
  const char *tz = mp_plan_get_timezone (self);

  return tz != NULL && *tz ? tz : "UTC";
}
