/* mp-templates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-templates.h"

#include <glib/gi18n-lib.h>

#include "mp-error.h"
#include "mp-model.h"

typedef struct {
  const char *title;        /* N_() */
  const char *description;  /* N_() */
  MpParty     responsible;
  int         workdays;     /* 1: a single-day event, no start date */
  int         slack_after;  /* working days before the next step starts */
  gboolean    commitment;
  int         time;         /* minutes, MP_TIME_NONE for all day */
  int         duration_minutes;
} Step;

typedef struct {
  const char *id;
  const char *name;         /* N_() */
  const char *description;  /* N_() */
  int         buffer_days;
  const Step *steps;
  guint       n_steps;
} Template;

static const Step classic_steps[] = {
  { N_("First evaluation"), N_("Requirements workshop and fit assessment."),
    MP_PARTY_BOTH, 10, 3, FALSE, MP_TIME_NONE, 0 },
  { N_("Demo"), N_("Live demo on the customer's data for the people who will use it."),
    MP_PARTY_SELLER, 1, 5, FALSE, 10 * 60, 90 },
  { N_("Commitment"), N_("The go decision of the people who decide."),
    MP_PARTY_CUSTOMER, 1, 5, TRUE, 10 * 60, 30 },
  { N_("Signature"), N_("Both sides sign the contract."),
    MP_PARTY_BOTH, 1, 0, TRUE, MP_TIME_NONE, 0 },
};

static const Step enterprise_steps[] = {
  { N_("First evaluation"), N_("Requirements workshop and fit assessment."),
    MP_PARTY_BOTH, 10, 2, FALSE, MP_TIME_NONE, 0 },
  { N_("Demo"), N_("Live demo on the customer's data for the people who will use it."),
    MP_PARTY_SELLER, 1, 3, FALSE, 10 * 60, 90 },
  { N_("Security review"), N_("The customer's IT security checks the product and the vendor."),
    MP_PARTY_CUSTOMER, 15, 0, FALSE, MP_TIME_NONE, 0 },
  { N_("Legal review"), N_("Both legal teams agree on the contract."),
    MP_PARTY_BOTH, 10, 0, FALSE, MP_TIME_NONE, 0 },
  { N_("Procurement"), N_("Purchasing approves the order and the vendor."),
    MP_PARTY_CUSTOMER, 10, 2, TRUE, MP_TIME_NONE, 0 },
  { N_("Signature"), N_("Both sides sign the contract."),
    MP_PARTY_BOTH, 1, 3, TRUE, MP_TIME_NONE, 0 },
  { N_("Kickoff"), N_("The project teams meet and agree on the rollout plan."),
    MP_PARTY_BOTH, 1, 2, FALSE, 10 * 60, 60 },
  { N_("Go-live"), N_("Rollout and start of productive use."),
    MP_PARTY_BOTH, 20, 0, FALSE, MP_TIME_NONE, 0 },
};

static const Template templates[] = {
  { "classic", N_("Classic"),
    N_("Four steps: first evaluation, demo, commitment, signature."),
    5, classic_steps, G_N_ELEMENTS (classic_steps) },
  { "enterprise", N_("Enterprise"),
    N_("Evaluation, demo, security review, legal review, procurement, signature, kickoff and go-live."),
    10, enterprise_steps, G_N_ELEMENTS (enterprise_steps) },
};

guint
mp_templates_get_n (void)
{
  return G_N_ELEMENTS (templates);
}

const char *
mp_templates_get_id (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (templates), NULL);

  return templates[index].id;
}

const char *
mp_templates_get_name (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (templates), NULL);

  return _(templates[index].name);
}

const char *
mp_templates_get_description (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (templates), NULL);

  return _(templates[index].description);
}

/* The working day on or before @date. */
static MpDate
workday_on_or_before (MpDate date)
{
  while (mp_date_is_weekend (date))
    date--;
  return date;
}

/* @n working days before @date (a working day itself). */
static MpDate
workdays_before (MpDate date,
                 int    n)
{
  while (n > 0)
    {
      date--;
      if (!mp_date_is_weekend (date))
        n--;
    }
  return date;
}

/* @n working days after @date. */
static MpDate
workdays_after (MpDate date,
                int    n)
{
  while (n > 0)
    {
      date++;
      if (!mp_date_is_weekend (date))
        n--;
    }
  return date;
}

/* Working days from @from up to @to (both working days, @from first). */
static int
workdays_between (MpDate from,
                  MpDate to)
{
  int n = 0;

  for (MpDate d = from; d < to; d++)
    if (!mp_date_is_weekend (d + 1))
      n++;
  return n;
}

static MpParticipant *
placeholder (MpSide      side,
             const char *name,
             const char *organization,
             const char *role)
{
  MpParticipant *p = mp_participant_new ();

  mp_participant_set_name (p, name);
  mp_participant_set_email (p, "");
  mp_participant_set_organization (p, organization != NULL ? organization : "");
  mp_participant_set_side (p, side);
  mp_participant_set_role (p, role);
  return p;
}

MpPlan *
mp_templates_create (const char  *id,
                     MpDate       target,
                     GError     **error)
{
  return mp_templates_create_for (id, target, NULL, NULL, error);
}

MpPlan *
mp_templates_create_for (const char              *id,
                         MpDate                   target,
                         const MpTemplateDetails *details,
                         gboolean                *laid_forward,
                         GError                 **error)
{
  MpDate today = details != NULL && details->today != MP_DATE_NONE ? details->today : mp_date_today ();
  const Template *t = NULL;
  g_autoptr(MpPlan) plan = NULL;
  g_autoptr(MpParticipant) seller = NULL;
  g_autoptr(MpParticipant) customer = NULL;
  g_autoptr(GPtrArray) milestones = NULL;
  MpDate end;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    if (g_strcmp0 (templates[i].id, id) == 0)
      t = &templates[i];
  if (t == NULL)
    {
      g_set_error (error, MP_ERROR, MP_ERROR_INVALID,
                   _("There is no template “%s”. Choose one of the built-in templates."), id ? id : "");
      return NULL;
    }
  if (target == MP_DATE_NONE)
    {
      g_set_error (error, MP_ERROR, MP_ERROR_INVALID,
                   _("A plan from a template needs a target date. Pick the customer's deadline."));
      return NULL;
    }

  if (laid_forward != NULL)
    *laid_forward = FALSE;
  plan = mp_plan_new ();
  mp_plan_set_title (plan, details != NULL && details->title != NULL && *details->title
                           ? details->title : _("New Mutual Action Plan"));
  if (details != NULL && details->customer != NULL && *details->customer)
    mp_plan_set_customer (plan, details->customer);
  mp_plan_set_target (plan, target);
  mp_plan_set_buffer_days (plan, t->buffer_days);

  seller = placeholder (MP_SIDE_SELLER,
                        details != NULL && details->seller_contact != NULL && *details->seller_contact
                        ? details->seller_contact : _("Seller contact"), NULL, _("Account executive"));
  customer = placeholder (MP_SIDE_CUSTOMER,
                          details != NULL && details->customer_contact != NULL && *details->customer_contact
                          ? details->customer_contact : _("Customer contact"),
                          details != NULL ? details->customer : NULL, _("Champion"));
  g_list_store_append (mp_plan_get_participants (plan), seller);
  g_list_store_append (mp_plan_get_participants (plan), customer);
  mp_plan_set_organizer (plan, mp_participant_get_id (seller));

  /* Backwards from the last working day before target − buffer. */
  milestones = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_set_size (milestones, t->n_steps);
  end = workday_on_or_before (target - (MpDate) MIN ((guint) t->buffer_days, target - 1));
  for (guint k = t->n_steps; k-- > 0;)
    {
      const Step *step = &t->steps[k];
      MpMilestone *m = mp_milestone_new ();
      MpDate first_day = step->workdays > 1 ? workdays_before (end, step->workdays - 1) : end;

      mp_milestone_set_title (m, _(step->title));
      mp_milestone_set_description (m, _(step->description));
      mp_milestone_set_responsible (m, step->responsible);
      mp_milestone_set_seller_owner (m, mp_participant_get_id (seller));
      mp_milestone_set_customer_owner (m, mp_participant_get_id (customer));
      mp_milestone_set_due (m, end);
      if (step->workdays > 1)
        mp_milestone_set_start (m, first_day);
      if (step->time != MP_TIME_NONE)
        {
          mp_milestone_set_time (m, step->time);
          mp_milestone_set_duration_minutes (m, step->duration_minutes);
        }
      mp_milestone_set_commitment (m, step->commitment);
      g_ptr_array_index (milestones, k) = m;

      if (k > 0)
        end = workdays_before (first_day, 1 + t->steps[k - 1].slack_after);
      else
        mp_plan_set_start (plan, first_day);
    }

  /* Never a plan that is overdue when it is made: when the target is too
   * close for the steps, they are laid forward from today instead, the
   * same working days apart, and the caller says so. */
  if (mp_plan_get_start (plan) < today)
    {
      MpDate first = today;
      int shift;

      while (mp_date_is_weekend (first))
        first++;
      shift = workdays_between (mp_plan_get_start (plan), first);
      for (guint k = 0; k < t->n_steps; k++)
        {
          MpMilestone *m = g_ptr_array_index (milestones, k);

          if (mp_milestone_get_start (m) != MP_DATE_NONE)
            mp_milestone_set_start (m, workdays_after (mp_milestone_get_start (m), shift));
          mp_milestone_set_due (m, workdays_after (mp_milestone_get_due (m), shift));
        }
      mp_plan_set_start (plan, first);
      if (laid_forward != NULL)
        *laid_forward = TRUE;
    }

  for (guint k = 0; k < t->n_steps; k++)
    {
      MpMilestone *m = g_ptr_array_index (milestones, k);

      if (k > 0)
        {
          const char *depends[] = { mp_milestone_get_id (g_ptr_array_index (milestones, k - 1)), NULL };
          mp_milestone_set_depends_on (m, depends);
        }
      g_list_store_append (mp_plan_get_milestones (plan), m);
    }

  return g_steal_pointer (&plan);
}
