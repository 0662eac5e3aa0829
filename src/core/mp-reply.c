/* mp-reply.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-model.h"

struct _MpReply
{
  MpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MpReply, mp_reply, MP_TYPE_RECORD)

GType
mp_answer_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { MP_ANSWER_ACCEPTED, "MP_ANSWER_ACCEPTED", "accepted" },
        { MP_ANSWER_DECLINED, "MP_ANSWER_DECLINED", "declined" },
        { MP_ANSWER_TENTATIVE, "MP_ANSWER_TENTATIVE", "tentative" },
        { MP_ANSWER_DELEGATED, "MP_ANSWER_DELEGATED", "delegated" },
        { MP_ANSWER_PROPOSED, "MP_ANSWER_PROPOSED", "proposed" },
        { 0, NULL, NULL }
      };
      GType t = g_enum_register_static (g_intern_static_string ("MpAnswer"), values);

      g_once_init_leave (&type_id, t);
    }
  return type_id;
}

static const MpField fields[] = {
  [MP_REPLY_EMAIL] = { "email", MP_FIELD_STRING, MP_FIELD_REQUIRED | MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "who answered" },
  [MP_REPLY_NAME] = { "name", MP_FIELD_STRING, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "their name as the reply gave it" },
  [MP_REPLY_ANSWER] = { "answer", MP_FIELD_ENUM, MP_FIELD_REQUIRED | MP_FIELD_NEW, 0, 0, 0, mp_answer_get_type, MP_REF_NONE, "accepted, declined, tentative, delegated or proposed" },
  [MP_REPLY_OCCURRENCE] = { "occurrence", MP_FIELD_DATE, 0, 0, 0, 0, NULL, MP_REF_NONE, "the one occurrence of a recurring meeting the answer is for" },
  [MP_REPLY_AT] = { "at", MP_FIELD_DATETIME, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "when they answered (the reply's DTSTAMP)" },
  [MP_REPLY_SEQUENCE] = { "sequence", MP_FIELD_INT, MP_FIELD_NEW, 0, 2147483647, 0, NULL, MP_REF_NONE, "the SEQUENCE they answered" },
  [MP_REPLY_COMMENT] = { "comment", MP_FIELD_STRING, 0, 0, 0, 0, NULL, MP_REF_NONE, "their comment" },
  [MP_REPLY_DELEGATED_TO] = { "delegated_to", MP_FIELD_STRING, 0, 0, 0, 0, NULL, MP_REF_NONE, "the address they delegated to" },
  [MP_REPLY_PROPOSED_DATE] = { "proposed_date", MP_FIELD_DATE, 0, 0, 0, 0, NULL, MP_REF_NONE, "a proposal: the day proposed" },
  [MP_REPLY_PROPOSED_TIME] = { "proposed_time", MP_FIELD_TIME, 0, 0, 0, 0, NULL, MP_REF_NONE, "a proposal: the local time proposed, or null for all day" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == MP_REPLY_N_FIELDS);

static void
mp_reply_class_init (MpReplyClass *klass)
{
  mp_record_class_install_fields (MP_RECORD_CLASS (klass), "reply", fields, G_N_ELEMENTS (fields));
}

static void
mp_reply_init (MpReply *self)
{
}
