/* mp-milestone.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-model.h"

struct _MpMilestone
{
  MpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MpMilestone, mp_milestone, MP_TYPE_RECORD)

static const MpField fields[] = {
  { "id", MP_FIELD_STRING, MP_FIELD_REQUIRED | MP_FIELD_NONEMPTY, 0, 0, 0, NULL, MP_REF_NONE, "id" },
  { "title", MP_FIELD_STRING, MP_FIELD_REQUIRED, 0, 0, 0, NULL, MP_REF_NONE, "title" },
  { "description", MP_FIELD_STRING, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "description" },
  { "notes", MP_FIELD_STRING, 0, 0, 0, 0, NULL, MP_REF_NONE, "notes" },
  { "location", MP_FIELD_STRING, 0, 0, 0, 0, NULL, MP_REF_NONE, "location" },
  { "responsible", MP_FIELD_ENUM, MP_FIELD_NEW, 0, 0, MP_PARTY_SELLER, mp_party_get_type, MP_REF_NONE, "which side must deliver" },
  { "seller_owner", MP_FIELD_REF, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_PARTICIPANT, "owner on the seller side" },
  { "customer_owner", MP_FIELD_REF, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_PARTICIPANT, "owner on the customer side" },
  { "start", MP_FIELD_DATE, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "work starts" },
  { "due", MP_FIELD_DATE, MP_FIELD_REQUIRED, 0, 0, 0, NULL, MP_REF_NONE, "due date" },
  { "time", MP_FIELD_TIME, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "time of a timed meeting on the due date" },
  { "duration_minutes", MP_FIELD_INT, 0, 1, 525600, 60, NULL, MP_REF_NONE, "duration of a timed milestone" },
  { "status", MP_FIELD_ENUM, MP_FIELD_NEW, 0, 0, MP_STATUS_PLANNED, mp_status_get_type, MP_REF_NONE, "status" },
  { "completed_on", MP_FIELD_DATE, 0, 0, 0, 0, NULL, MP_REF_NONE, "when it was done" },
  { "commitment", MP_FIELD_BOOL, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "the owner committed to the date" },
  { "depends_on", MP_FIELD_REFS, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_MILESTONE, "milestones that come first" },
  { "invite", MP_FIELD_REFS, 0, 0, 0, 0, NULL, MP_REF_PARTICIPANT, "calendar attendees" },
  { "reminder_days", MP_FIELD_INT, 0, 0, 3650, -1, NULL, MP_REF_NONE, "reminder days before, -1 for none" },
  { "sequence", MP_FIELD_INT, MP_FIELD_NEW, 0, 2147483647, 0, NULL, MP_REF_NONE, "calendar revision" },
  { "invited_sequence", MP_FIELD_INT, 0, 0, 2147483647, -1, NULL, MP_REF_NONE, "sequence last sent, -1 for never" },
  { "tasks", MP_FIELD_CHILDREN, MP_FIELD_NEW, 0, 0, 0, mp_task_get_type, MP_REF_NONE, "tasks" },
  { "sent", MP_FIELD_CHILDREN, 0, 0, 0, 0, mp_sent_get_type, MP_REF_NONE, "what each attendee was last sent" },
  { "replies", MP_FIELD_CHILDREN, 0, 0, 0, 0, mp_reply_get_type, MP_REF_NONE, "the attendees' answers" },
  { "proposals", MP_FIELD_CHILDREN, 0, 0, 0, 0, mp_reply_get_type, MP_REF_NONE, "other dates attendees proposed, pending" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == MP_MILESTONE_N_FIELDS);

static void
mp_milestone_class_init (MpMilestoneClass *klass)
{
  mp_record_class_install_fields (MP_RECORD_CLASS (klass), "milestone", fields, G_N_ELEMENTS (fields));
}

static void
mp_milestone_init (MpMilestone *self)
{
}

/* A new milestone as made in the app: a fresh id and the members a
 * new object writes. */
MpMilestone *
mp_milestone_new (void)
{
  g_autofree char *id = mp_record_new_id ("m");
  MpMilestone *self = g_object_new (MP_TYPE_MILESTONE, NULL);

  mp_record_set_id (MP_RECORD (self), id);
  mp_record_mark_new (MP_RECORD (self));
  return self;
}

GPtrArray *
mp_milestone_get_invitees (MpMilestone *self)
{
  GPtrArray *ids = g_ptr_array_new ();
  const char * const *invite;
  const char *owners[2];

  g_return_val_if_fail (MP_IS_MILESTONE (self), ids);

  invite = mp_milestone_get_invite (self);
  if (invite != NULL && invite[0] != NULL)
    {
      for (guint i = 0; invite[i]; i++)
        g_ptr_array_add (ids, (gpointer) invite[i]);
      return ids;
    }
  owners[0] = mp_milestone_get_seller_owner (self);
  owners[1] = mp_milestone_get_customer_owner (self);
  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    if (owners[i] != NULL && *owners[i] != '\0')
      g_ptr_array_add (ids, (gpointer) owners[i]);
  return ids;
}
