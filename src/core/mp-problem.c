/* mp-problem.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-problem.h"

#include "mp-display.h"

#include <glib/gi18n-lib.h>

#include "mp-format.h"
#include "mp-itip.h"
#include "mp-mail.h"
#include "mp-model.h"
#include "mp-schedule.h"

struct _MpProblem
{
  GObject        parent_instance;
  MpProblemKind  kind;
  MpSeverity     severity;
  char          *path;
  MpRecord      *record;
  char          *message;
};

G_DEFINE_FINAL_TYPE (MpProblem, mp_problem, G_TYPE_OBJECT)

GType
mp_problem_kind_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { MP_PROBLEM_DUE_AFTER_TARGET, "MP_PROBLEM_DUE_AFTER_TARGET", "due-after-target" },
        { MP_PROBLEM_BUFFER_SHORT, "MP_PROBLEM_BUFFER_SHORT", "buffer-short" },
        { MP_PROBLEM_DUE_IN_BLACKOUT, "MP_PROBLEM_DUE_IN_BLACKOUT", "due-in-blackout" },
        { MP_PROBLEM_DUE_BEFORE_DEPENDENCY, "MP_PROBLEM_DUE_BEFORE_DEPENDENCY", "due-before-dependency" },
        { MP_PROBLEM_OVERDUE, "MP_PROBLEM_OVERDUE", "overdue" },
        { MP_PROBLEM_NO_OWNER, "MP_PROBLEM_NO_OWNER", "no-owner" },
        { MP_PROBLEM_NO_CUSTOMER, "MP_PROBLEM_NO_CUSTOMER", "no-customer" },
        { MP_PROBLEM_NO_ORGANIZER_EMAIL, "MP_PROBLEM_NO_ORGANIZER_EMAIL", "no-organizer-email" },
        { MP_PROBLEM_TOO_MANY_MILESTONES, "MP_PROBLEM_TOO_MANY_MILESTONES", "too-many-milestones" },
        { MP_PROBLEM_DECLINED, "MP_PROBLEM_DECLINED", "declined" },
        { MP_PROBLEM_PROPOSAL, "MP_PROBLEM_PROPOSAL", "proposal" },
        { 0, NULL, NULL }
      };
      g_once_init_leave (&type_id, g_enum_register_static ("MpProblemKind", values));
    }
  return type_id;
}

GType
mp_severity_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { MP_SEVERITY_WARNING, "MP_SEVERITY_WARNING", "warning" },
        { MP_SEVERITY_INFO, "MP_SEVERITY_INFO", "info" },
        { 0, NULL, NULL }
      };
      g_once_init_leave (&type_id, g_enum_register_static ("MpSeverity", values));
    }
  return type_id;
}

static void
mp_problem_finalize (GObject *object)
{
  MpProblem *self = MP_PROBLEM (object);

  g_free (self->path);
  g_free (self->message);
  g_clear_object (&self->record);
  G_OBJECT_CLASS (mp_problem_parent_class)->finalize (object);
}

static void
mp_problem_class_init (MpProblemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mp_problem_finalize;
}

static void
mp_problem_init (MpProblem *self)
{
}

MpProblemKind
mp_problem_get_kind (MpProblem *self)
{
  g_return_val_if_fail (MP_IS_PROBLEM (self), 0);
  return self->kind;
}

MpSeverity
mp_problem_get_severity (MpProblem *self)
{
  g_return_val_if_fail (MP_IS_PROBLEM (self), 0);
  return self->severity;
}

const char *
mp_problem_get_path (MpProblem *self)
{
  g_return_val_if_fail (MP_IS_PROBLEM (self), NULL);
  return self->path;
}

MpRecord *
mp_problem_get_record (MpProblem *self)
{
  g_return_val_if_fail (MP_IS_PROBLEM (self), NULL);
  return self->record;
}

const char *
mp_problem_get_message (MpProblem *self)
{
  g_return_val_if_fail (MP_IS_PROBLEM (self), NULL);
  return self->message;
}

static void
add (GListStore    *list,
     MpProblemKind  kind,
     MpRecord      *record,
     char          *path,   /* taken */
     char          *message /* taken */)
{
  g_autoptr(MpProblem) p = g_object_new (MP_TYPE_PROBLEM, NULL);

  p->kind = kind;
  p->severity = MP_SEVERITY_WARNING;
  p->record = record ? g_object_ref (record) : NULL;
  p->path = path;
  p->message = message;
  g_list_store_append (list, p);
}

/* A title as the sentences quote it: at most 200 characters, and
 * isolated when it holds bidirectional controls, so that a name cannot
 * turn the rest of the sentence around (mp-display.h). Kept in @keep
 * until the check ends. */
static const char *
display_title (GPtrArray  *keep,
               const char *title,
               const char *id)
{
  char *shown = mp_display_text (title && *title ? title : id, 200);

  g_ptr_array_add (keep, shown);
  return shown;
}
#define title_of(m) display_title (keep, mp_milestone_get_title (m), mp_milestone_get_id (m))

gboolean
mp_plan_wants_invitations (MpPlan *plan)
{
  GListModel *ms = G_LIST_MODEL (mp_plan_get_milestones (plan));

  if (g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_meetings (plan))) > 0)
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (ms); i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, i);
      const char * const *inv = mp_milestone_get_invite (m);

      if ((inv != NULL && inv[0] != NULL) || mp_milestone_get_invited_sequence (m) >= 0)
        return TRUE;
    }
  return FALSE;
}

static char *
fmt_date (MpDate d)
{
  return mp_format_date (d);
}

GListStore *
mp_plan_check (MpPlan *plan,
               MpDate  today)
{
  GListStore *list = g_list_store_new (MP_TYPE_PROBLEM);
  GListModel *ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  GListModel *ps = G_LIST_MODEL (mp_plan_get_participants (plan));
  guint n = g_list_model_get_n_items (ms);
  MpDate target = mp_plan_get_target (plan);
  MpDate last_due = MP_DATE_NONE;
  int last_index = -1;
  guint n_active = 0;
  gboolean has_customer = FALSE;
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (MP_IS_PLAN (plan), list);

  for (guint i = 0; i < g_list_model_get_n_items (ps); i++)
    {
      g_autoptr(MpParticipant) p = g_list_model_get_item (ps, i);
      if (mp_participant_get_side (p) == MP_SIDE_CUSTOMER)
        has_customer = TRUE;
    }
  if (!has_customer)
    add (list, MP_PROBLEM_NO_CUSTOMER, MP_RECORD (plan), g_strdup ("participants"),
         g_strdup (_("No one on the customer side: a mutual plan needs the customer’s people")));

  if (mp_plan_wants_invitations (plan))
    {
      MpParticipant *org = mp_plan_find_participant (plan, mp_plan_get_organizer (plan));
      const char *email = org ? mp_participant_get_email (org) : NULL;

      /* The same test the invitations use: an address they can send from. */
      if (!mp_mail_address_is_valid (email))
        add (list, MP_PROBLEM_NO_ORGANIZER_EMAIL, MP_RECORD (plan), g_strdup ("organizer"),
             g_strdup (org ? _("The organizer has no e-mail address, so invitations cannot be sent")
                           : _("No organizer is set, so invitations cannot be sent")));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, i);
      MpDate due = mp_milestone_get_due (m);
      MpParty resp = mp_milestone_get_responsible (m);
      const char * const *deps = mp_milestone_get_depends_on (m);
      MpBlackout *blackout;

      if (mp_milestone_get_status (m) == MP_STATUS_DROPPED)
        continue;
      n_active++;
      if (last_due == MP_DATE_NONE || due > last_due)
        {
          last_due = due;
          last_index = i;
        }

      if (target != MP_DATE_NONE && due > target)
        {
          g_autofree char *d = fmt_date (due), *t = fmt_date (target);
          add (list, MP_PROBLEM_DUE_AFTER_TARGET, MP_RECORD (m), g_strdup_printf ("milestones[%u].due", i),
               g_strdup_printf (_("“%s” is due %s, after the target date %s"), title_of (m), d, t));
        }

      blackout = mp_plan_find_blackout_at (plan, m, due);
      if (blackout != NULL)
        {
          g_autofree char *d = fmt_date (due);
          const char *bt = mp_blackout_get_title (blackout);
          add (list, MP_PROBLEM_DUE_IN_BLACKOUT, MP_RECORD (m), g_strdup_printf ("milestones[%u].due", i),
               g_strdup_printf (_("“%s” is due %s, during “%s”"), title_of (m), d,
                                display_title (keep, bt, mp_blackout_get_id (blackout))));
        }

      for (guint j = 0; deps && deps[j]; j++)
        {
          MpMilestone *pre = mp_plan_find_milestone (plan, deps[j]);

          if (pre != NULL && mp_milestone_get_status (pre) != MP_STATUS_DROPPED &&
              due < mp_milestone_get_due (pre))
            {
              g_autofree char *d = fmt_date (due), *pd = fmt_date (mp_milestone_get_due (pre));
              add (list, MP_PROBLEM_DUE_BEFORE_DEPENDENCY, MP_RECORD (m),
                   g_strdup_printf ("milestones[%u].depends_on[%u]", i, j),
                   g_strdup_printf (_("“%s” is due %s, before “%s” (due %s) that it depends on"),
                                    title_of (m), d, title_of (pre), pd));
            }
        }

      if (mp_milestone_is_overdue (m, today))
        {
          g_autofree char *d = fmt_date (due);
          guint late = today - due;
          add (list, MP_PROBLEM_OVERDUE, MP_RECORD (m), g_strdup_printf ("milestones[%u]", i),
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s” is overdue: it was due %s (%u day ago)",
                                             "“%s” is overdue: it was due %s (%u days ago)", late),
                                title_of (m), d, late));
        }

      if (mp_milestone_lacks_owner (m))
        {
          char *msg;

          if (resp == MP_PARTY_SELLER)
            msg = g_strdup_printf (_("“%s” has no owner on the seller side, which must deliver it"), title_of (m));
          else if (resp == MP_PARTY_CUSTOMER)
            msg = g_strdup_printf (_("“%s” has no owner on the customer side, which must deliver it"), title_of (m));
          else
            msg = g_strdup_printf (_("“%s” is for both sides but lacks an owner on one of them"), title_of (m));
          add (list, MP_PROBLEM_NO_OWNER, MP_RECORD (m), g_strdup_printf ("milestones[%u]", i), msg);
        }
    }

  if (target != MP_DATE_NONE && last_index >= 0 && last_due <= target &&
      (int) (target - last_due) < mp_plan_get_buffer_days (plan))
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, last_index);
      guint slack = target - last_due;
      add (list, MP_PROBLEM_BUFFER_SHORT, MP_RECORD (m), g_strdup ("buffer_days"),
           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Only %u day between the last milestone and the target; the plan wants %d",
                                         "Only %u days between the last milestone and the target; the plan wants %d",
                                         slack),
                            slack, mp_plan_get_buffer_days (plan)));
    }

  if (n_active > 30)
    add (list, MP_PROBLEM_TOO_MANY_MILESTONES, MP_RECORD (plan), g_strdup ("milestones"),
         g_strdup_printf (_("%u milestones: long plans work no better than none; keep it to 30 or fewer"),
                          n_active));

  /* The customer's answers: declines and proposals wait for the seller. */
  {
    g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GPtrArray) messages = g_ptr_array_new ();
    g_autoptr(GArray) proposals = g_array_new (FALSE, FALSE, sizeof (gboolean));

    mp_itip_collect_problems (plan, records, messages, proposals);
    for (guint i = 0; i < records->len; i++)
      {
        MpRecord *rec = g_ptr_array_index (records, i);
        GListModel *kind = G_LIST_MODEL (MP_IS_MILESTONE (rec) ? mp_plan_get_milestones (plan)
                                                               : mp_plan_get_meetings (plan));
        guint pos = 0;

        g_list_store_find (G_LIST_STORE (kind), rec, &pos);
        add (list, g_array_index (proposals, gboolean, i) ? MP_PROBLEM_PROPOSAL : MP_PROBLEM_DECLINED,
             rec, g_strdup_printf ("%s[%u]", MP_IS_MILESTONE (rec) ? "milestones" : "meetings", pos),
             g_ptr_array_index (messages, i));
      }
  }
  return list;
}
