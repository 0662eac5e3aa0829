/* mp-meeting.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-model.h"

struct _MpMeeting
{
  MpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MpMeeting, mp_meeting, MP_TYPE_RECORD)

static const MpField fields[] = {
  { "id", MP_FIELD_STRING, MP_FIELD_REQUIRED | MP_FIELD_NONEMPTY, 0, 0, 0, NULL, MP_REF_NONE, "id" },
  { "title", MP_FIELD_STRING, MP_FIELD_REQUIRED, 0, 0, 0, NULL, MP_REF_NONE, "title" },
  { "start", MP_FIELD_LOCAL_DATETIME, MP_FIELD_REQUIRED, 0, 0, 0, NULL, MP_REF_NONE, "first occurrence, local" },
  { "duration_minutes", MP_FIELD_INT, MP_FIELD_NEW, 1, 525600, 60, NULL, MP_REF_NONE, "duration" },
  { "every_weeks", MP_FIELD_INT, MP_FIELD_NEW, 0, 520, 0, NULL, MP_REF_NONE, "repeat every n weeks, 0 for once" },
  { "until", MP_FIELD_DATE, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "last day of the series" },
  { "location", MP_FIELD_STRING, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "location" },
  { "attendees", MP_FIELD_REFS, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_PARTICIPANT, "attendees" },
  { "sequence", MP_FIELD_INT, MP_FIELD_NEW, 0, 2147483647, 0, NULL, MP_REF_NONE, "calendar revision" },
  { "invited_sequence", MP_FIELD_INT, 0, 0, 2147483647, -1, NULL, MP_REF_NONE, "sequence last sent, -1 for never" },
  { "cancelled", MP_FIELD_BOOL, 0, 0, 0, 0, NULL, MP_REF_NONE, "the whole meeting is cancelled" },
  { "occurrences", MP_FIELD_CHILDREN, 0, 0, 0, 0, mp_occurrence_get_type, MP_REF_NONE, "single dates that are cancelled" },
  { "sent", MP_FIELD_CHILDREN, 0, 0, 0, 0, mp_sent_get_type, MP_REF_NONE, "what each attendee was last sent" },
  { "replies", MP_FIELD_CHILDREN, 0, 0, 0, 0, mp_reply_get_type, MP_REF_NONE, "the attendees' answers" },
  { "proposals", MP_FIELD_CHILDREN, 0, 0, 0, 0, mp_reply_get_type, MP_REF_NONE, "other times attendees proposed, pending" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == MP_MEETING_N_FIELDS);

static void
mp_meeting_class_init (MpMeetingClass *klass)
{
  mp_record_class_install_fields (MP_RECORD_CLASS (klass), "meeting", fields, G_N_ELEMENTS (fields));
}

static void
mp_meeting_init (MpMeeting *self)
{
}

/* A new meeting as made in the app: a fresh id and the members a
 * new object writes. */
MpMeeting *
mp_meeting_new (void)
{
  g_autofree char *id = mp_record_new_id ("mt");
  MpMeeting *self = g_object_new (MP_TYPE_MEETING, NULL);

  mp_record_set_id (MP_RECORD (self), id);
  mp_record_mark_new (MP_RECORD (self));
  return self;
}
