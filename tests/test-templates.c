/* test-templates.c: built-in templates laid out backwards from a target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "mp-error.h"
#include "mp-model.h"
#include "mp-plan-io.h"
#include "mp-problem.h"
#include "mp-schedule.h"
#include "mp-templates.h"

static MpMilestone *
nth (MpPlan *plan,
     guint   i)
{
  g_autoptr(MpMilestone) m = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_milestones (plan)), i);
  return m;
}

static guint
strv_len0 (const char * const *v)
{
  return v != NULL ? g_strv_length ((char **) v) : 0;
}

static MpDate
first_day (MpMilestone *m)
{
  return mp_milestone_get_start (m) != MP_DATE_NONE ? mp_milestone_get_start (m) : mp_milestone_get_due (m);
}

/* What every template must give, whatever its steps. */
static void
check_layout (MpPlan *plan,
              MpDate  target)
{
  GListModel *ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  guint n = g_list_model_get_n_items (ms);
  MpMilestone *last = nth (plan, n - 1);
  MpDate latest = target - (MpDate) mp_plan_get_buffer_days (plan);
  GListModel *people = G_LIST_MODEL (mp_plan_get_participants (plan));
  g_autoptr(MpParticipant) seller = g_list_model_get_item (people, 0);
  g_autoptr(MpParticipant) customer = g_list_model_get_item (people, 1);
  g_autoptr(GListStore) problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MpPlan) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (mp_plan_get_target (plan), ==, target);
  g_assert_cmpint (mp_plan_get_buffer_days (plan), >, 0);

  /* The last step is due on the last working day that keeps the buffer. */
  g_assert_cmpuint (mp_milestone_get_due (last), <=, latest);
  g_assert_false (mp_date_is_weekend (mp_milestone_get_due (last)));
  for (MpDate d = mp_milestone_get_due (last) + 1; d <= latest; d++)
    g_assert_true (mp_date_is_weekend (d));

  /* One seller and one customer placeholder; the seller organizes. */
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);
  g_assert_cmpint (mp_participant_get_side (seller), ==, MP_SIDE_SELLER);
  g_assert_cmpint (mp_participant_get_side (customer), ==, MP_SIDE_CUSTOMER);
  g_assert_cmpstr (mp_plan_get_organizer (plan), ==, mp_participant_get_id (seller));

  for (guint i = 0; i < n; i++)
    {
      MpMilestone *m = nth (plan, i);

      g_assert_true (mp_milestone_get_title (m) != NULL && *mp_milestone_get_title (m) != '\0');
      g_assert_false (mp_date_is_weekend (mp_milestone_get_due (m)));
      g_assert_false (mp_date_is_weekend (first_day (m)));
      g_assert_cmpuint (first_day (m), <=, mp_milestone_get_due (m));
      g_assert_cmpstr (mp_milestone_get_seller_owner (m), ==, mp_participant_get_id (seller));
      g_assert_cmpstr (mp_milestone_get_customer_owner (m), ==, mp_participant_get_id (customer));
      if (i == 0)
        {
          g_assert_cmpuint (strv_len0 (mp_milestone_get_depends_on (m)), ==, 0);
          g_assert_cmpuint (mp_plan_get_start (plan), ==, first_day (m));
        }
      else
        {
          MpMilestone *prev = nth (plan, i - 1);

          /* Chained, and each step starts after the one before ends. */
          g_assert_cmpuint (strv_len0 (mp_milestone_get_depends_on (m)), ==, 1);
          g_assert_cmpstr (mp_milestone_get_depends_on (m)[0], ==, mp_milestone_get_id (prev));
          g_assert_cmpuint (first_day (m), >, mp_milestone_get_due (prev));
        }
    }

  /* A valid file, and no warning about dates, dependencies or owners
   * (as seen before the plan starts). */
  bytes = mp_plan_to_bytes (plan);
  reloaded = mp_plan_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "template", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_milestones (reloaded))), ==, n);
  problems = mp_plan_check (plan, mp_plan_get_start (plan) - 7);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (problems)); i++)
    {
      g_autoptr(MpProblem) problem = g_list_model_get_item (G_LIST_MODEL (problems), i);
      MpProblemKind kind = mp_problem_get_kind (problem);

      g_assert_cmpint (kind, !=, MP_PROBLEM_DUE_AFTER_TARGET);
      g_assert_cmpint (kind, !=, MP_PROBLEM_BUFFER_SHORT);
      g_assert_cmpint (kind, !=, MP_PROBLEM_DUE_BEFORE_DEPENDENCY);
      g_assert_cmpint (kind, !=, MP_PROBLEM_NO_OWNER);
      g_assert_cmpint (kind, !=, MP_PROBLEM_NO_CUSTOMER);
      g_assert_cmpint (kind, !=, MP_PROBLEM_OVERDUE);
    }
}

static void
test_list (void)
{
  g_assert_cmpuint (mp_templates_get_n (), ==, 2);
  g_assert_cmpstr (mp_templates_get_id (0), ==, "classic");
  g_assert_cmpstr (mp_templates_get_id (1), ==, "enterprise");
  for (guint i = 0; i < mp_templates_get_n (); i++)
    {
      g_assert_true (strlen (mp_templates_get_name (i)) > 0);
      g_assert_true (strlen (mp_templates_get_description (i)) > 0);
    }
}

static void
test_classic (void)
{
  /* Wednesday 31 March 2027: with 5 days of buffer, the 26th (Friday). */
  MpDate target = mp_date_from_ymd (2027, 3, 31);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = mp_templates_create ("classic", target, &error);
  const char *titles[] = { "First evaluation", "Demo", "Commitment", "Signature" };

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_milestones (plan))), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_cmpstr (mp_milestone_get_title (nth (plan, i)), ==, titles[i]);
  g_assert_cmpuint (mp_milestone_get_due (nth (plan, 3)), ==, mp_date_from_ymd (2027, 3, 26));
  g_assert_true (mp_milestone_get_commitment (nth (plan, 2)));
  g_assert_true (mp_milestone_get_commitment (nth (plan, 3)));
  /* The evaluation spans ten working days: two weeks. */
  g_assert_cmpuint (mp_milestone_get_due (nth (plan, 0)) - mp_milestone_get_start (nth (plan, 0)), ==, 13);
  /* The demo is an event with a time. */
  g_assert_cmpint (mp_milestone_get_time (nth (plan, 1)), ==, 10 * 60);
  g_assert_cmpuint (mp_milestone_get_start (nth (plan, 1)), ==, MP_DATE_NONE);
  check_layout (plan, target);
}

/* Targets on each day of a week, weekends included: the layout holds. */
static void
test_weekdays (void)
{
  for (guint t = 0; t < mp_templates_get_n (); t++)
    for (int day = 1; day <= 7; day++)
      {
        MpDate target = mp_date_from_ymd (2027, 11, day); /* 1 Nov 2027 is a Monday */
        g_autoptr(GError) error = NULL;
        g_autoptr(MpPlan) plan = mp_templates_create (mp_templates_get_id (t), target, &error);

        g_assert_no_error (error);
        check_layout (plan, target);
      }
}

static void
test_enterprise (void)
{
  MpDate target = mp_date_from_ymd (2027, 12, 17);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = mp_templates_create ("enterprise", target, &error);
  g_autoptr(GString) titles = g_string_new (NULL);
  GListModel *ms;

  g_assert_no_error (error);
  ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  for (guint i = 0; i < g_list_model_get_n_items (ms); i++)
    g_string_append_printf (titles, "%s|", mp_milestone_get_title (nth (plan, i)));
  g_assert_cmpstr (titles->str, ==,
                   "First evaluation|Demo|Security review|Legal review|Procurement|Signature|Kickoff|Go-live|");
  check_layout (plan, target);
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = mp_templates_create ("no-such", mp_date_from_ymd (2027, 1, 1), &error);

  g_assert_null (plan);
  g_assert_error (error, MP_ERROR, MP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no-such"));
  g_clear_error (&error);
  plan = mp_templates_create ("classic", MP_DATE_NONE, &error);
  g_assert_null (plan);
  g_assert_error (error, MP_ERROR, MP_ERROR_INVALID);
}

/* New from Template: the customer, the deal and the two contacts go into
 * the plan, and a target too close never makes a plan that is overdue. */
static void
test_details_never_overdue (void)
{
  MpDate today = mp_date_from_ymd (2027, 3, 3); /* a Wednesday */
  MpTemplateDetails details = { "Hansen Logistik GmbH", "Tourenplanung", "Katrin Vogel", "Sabine Meier", today };
  gboolean forward = TRUE;
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) roomy = mp_templates_create_for ("classic", mp_date_from_ymd (2027, 6, 30), &details, &forward, &error);
  g_autoptr(MpPlan) tight = NULL;
  GListModel *people;

  g_assert_no_error (error);
  g_assert_false (forward);
  g_assert_cmpstr (mp_plan_get_title (roomy), ==, "Tourenplanung");
  g_assert_cmpstr (mp_plan_get_customer (roomy), ==, "Hansen Logistik GmbH");
  people = G_LIST_MODEL (mp_plan_get_participants (roomy));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);
  {
    g_autoptr(MpParticipant) seller = g_list_model_get_item (people, 0);
    g_autoptr(MpParticipant) customer = g_list_model_get_item (people, 1);

    g_assert_cmpstr (mp_participant_get_name (seller), ==, "Katrin Vogel");
    g_assert_cmpstr (mp_participant_get_name (customer), ==, "Sabine Meier");
    g_assert_cmpstr (mp_participant_get_organization (customer), ==, "Hansen Logistik GmbH");
  }
  check_layout (roomy, mp_date_from_ymd (2027, 6, 30));

  /* Two weeks to a target the enterprise steps need months for. */
  tight = mp_templates_create_for ("enterprise", mp_date_from_ymd (2027, 3, 17), &details, &forward, &error);
  g_assert_no_error (error);
  g_assert_true (forward);
  g_assert_cmpuint (mp_plan_get_start (tight), ==, today);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_milestones (tight))); i++)
    {
      MpMilestone *m = nth (tight, i);

      g_assert_false (mp_milestone_is_overdue (m, today));
      g_assert_cmpuint (mp_milestone_get_due (m), >=, today);
      g_assert_false (mp_date_is_weekend (mp_milestone_get_due (m)));
      if (mp_milestone_get_start (m) != MP_DATE_NONE)
        g_assert_cmpuint (mp_milestone_get_start (m), >=, today);
      if (i > 0)
        g_assert_cmpuint (mp_milestone_get_due (m), >, mp_milestone_get_due (nth (tight, i - 1)));
    }
  /* The steps keep their order and spacing: the first starts today. */
  g_assert_cmpuint (mp_milestone_get_start (nth (tight, 0)) != MP_DATE_NONE ? mp_milestone_get_start (nth (tight, 0))
                                                                            : mp_milestone_get_due (nth (tight, 0)), ==, today);

  /* On a Saturday, the first working day is Monday. */
  details.today = mp_date_from_ymd (2027, 3, 6);
  g_clear_object (&tight);
  tight = mp_templates_create_for ("classic", mp_date_from_ymd (2027, 3, 10), &details, &forward, &error);
  g_assert_true (forward);
  g_assert_cmpuint (mp_plan_get_start (tight), ==, mp_date_from_ymd (2027, 3, 8));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/templates/list", test_list);
  g_test_add_func ("/templates/classic", test_classic);
  g_test_add_func ("/templates/weekdays", test_weekdays);
  g_test_add_func ("/templates/enterprise", test_enterprise);
  g_test_add_func ("/templates/errors", test_errors);
  g_test_add_func ("/templates/details-never-overdue", test_details_never_overdue);
  return g_test_run ();
}
