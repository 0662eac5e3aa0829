/* test-health.c: working days, plan health, shifting with dependents,
 * baselines and the status report, with fixed "today" dates
 *
 * Calendar used below: 2027-01-01 is a Friday, so 01-04 is a Monday,
 * 01-08 a Friday, 01-09/10 a weekend, 01-11 a Monday.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "mp-baseline-compare.h"
#include "mp-document.h"
#include "mp-health.h"
#include "mp-model.h"
#include "mp-plan-io.h"
#include "mp-problem.h"
#include "mp-report.h"
#include "mp-schedule.h"

#define HEAD "{\"format\": \"mutualplan\", \"version\": 1, \"id\": \"x\", \"title\": \"T\", "
#define PEOPLE "\"participants\": [" \
  "{\"id\": \"s\", \"name\": \"Sam Seller\", \"side\": \"seller\", \"email\": \"s@x.example\", \"organization\": \"Vendor Inc\"}, " \
  "{\"id\": \"s2\", \"name\": \"Sid Second\", \"side\": \"seller\"}, " \
  "{\"id\": \"c\", \"name\": \"Cat Customer\", \"side\": \"customer\", \"organization\": \"Buyer AG\"}, " \
  "{\"id\": \"c2\", \"name\": \"Cy Other\", \"side\": \"customer\"}]"
/* A milestone: id, responsible, due; owners s and c. */
#define MS(id, resp, due) "{\"id\": \"" id "\", \"title\": \"" id "\", \"responsible\": \"" resp "\", " \
  "\"seller_owner\": \"s\", \"customer_owner\": \"c\", \"due\": \"" due "\"}"
#define MSD(id, resp, due, deps) "{\"id\": \"" id "\", \"title\": \"" id "\", \"responsible\": \"" resp "\", " \
  "\"seller_owner\": \"s\", \"customer_owner\": \"c\", \"due\": \"" due "\", \"depends_on\": [" deps "]}"

static MpPlan *
load (const char *json)
{
  g_autoptr(GError) error = NULL;
  MpPlan *plan = mp_plan_load_from_data (json, strlen (json), "t.mplan", &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static MpPlan *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  MpPlan *plan = mp_plan_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static MpDate
date (const char *text)
{
  MpDate d = MP_DATE_NONE;

  if (text != NULL)
    g_assert_true (mp_date_parse (text, &d));
  return d;
}

static char *
flags_string (MpRiskFlags flags)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (MP_TYPE_RISK_FLAGS);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    if (flags & klass->values[i].value)
      g_string_append_printf (s, "%s%s", s->len ? "," : "", klass->values[i].value_nick);
  return g_string_free (s, FALSE);
}

/* ---- working days ---- */

#define BLACKOUTS PEOPLE ", \"blackouts\": [" \
  "{\"id\": \"b1\", \"title\": \"Seller offsite\", \"start\": \"2027-01-12\", \"end\": \"2027-01-13\", \"side\": \"seller\"}, " \
  "{\"id\": \"b2\", \"title\": \"Customer freeze\", \"start\": \"2027-01-14\", \"end\": \"2027-01-14\", \"side\": \"customer\"}, " \
  "{\"id\": \"b3\", \"title\": \"Holiday\", \"start\": \"2027-01-18\", \"end\": \"2027-01-18\", \"side\": \"both\"}, " \
  "{\"id\": \"b4\", \"title\": \"Cat away\", \"start\": \"2027-01-19\", \"end\": \"2027-01-20\", \"side\": \"customer\", \"participant\": \"c\"}]"

static void
test_working_days (void)
{
  static const struct {
    const char *day;
    MpParty     party;
    gboolean    working;
  } cases[] = {
    { "2027-01-08", MP_PARTY_SELLER, TRUE },     /* Friday */
    { "2027-01-09", MP_PARTY_SELLER, FALSE },    /* Saturday */
    { "2027-01-10", MP_PARTY_CUSTOMER, FALSE },  /* Sunday */
    { "2027-01-12", MP_PARTY_SELLER, FALSE },    /* seller offsite */
    { "2027-01-12", MP_PARTY_CUSTOMER, TRUE },   /* not the customer's */
    { "2027-01-12", MP_PARTY_BOTH, FALSE },      /* both must work */
    { "2027-01-14", MP_PARTY_CUSTOMER, FALSE },
    { "2027-01-14", MP_PARTY_SELLER, TRUE },
    { "2027-01-18", MP_PARTY_SELLER, FALSE },    /* holiday of both */
    { "2027-01-18", MP_PARTY_CUSTOMER, FALSE },
    { "2027-01-19", MP_PARTY_CUSTOMER, TRUE },   /* one person away: the side works */
  };
  g_autoptr(MpPlan) plan = load (HEAD BLACKOUTS "}");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s for %d", cases[i].day, cases[i].party);
      g_assert_cmpint (mp_plan_is_working_day (plan, cases[i].party, date (cases[i].day)), ==, cases[i].working);
    }

  /* Mon 11 … Fri 22 Jan: 10 weekdays; seller loses 12, 13, 18. */
  g_assert_cmpint (mp_plan_count_working_days (plan, MP_PARTY_SELLER, date ("2027-01-11"), date ("2027-01-22")), ==, 7);
  g_assert_cmpint (mp_plan_count_working_days (plan, MP_PARTY_CUSTOMER, date ("2027-01-11"), date ("2027-01-22")), ==, 8);
  g_assert_cmpint (mp_plan_count_working_days (plan, MP_PARTY_BOTH, date ("2027-01-11"), date ("2027-01-22")), ==, 6);
  g_assert_cmpint (mp_plan_count_working_days (plan, MP_PARTY_SELLER, date ("2027-01-22"), date ("2027-01-11")), ==, 0);
}

static void
test_milestone_working_days (void)
{
  g_autoptr(MpPlan) plan = load (HEAD BLACKOUTS ", \"milestones\": [" MS ("a", "seller", "2027-01-08") ", "
                                 "{\"id\": \"b\", \"title\": \"B\", \"responsible\": \"seller\", \"seller_owner\": \"s\", \"due\": \"2027-01-08\"}]}");
  MpMilestone *a = mp_plan_find_milestone (plan, "a");
  MpMilestone *b = mp_plan_find_milestone (plan, "b");

  /* a is owned by Cat on the customer side, who is away on the 19th. */
  g_assert_false (mp_plan_is_milestone_working_day (plan, a, date ("2027-01-19")));
  g_assert_true (mp_plan_is_milestone_working_day (plan, b, date ("2027-01-19")));
  /* The customer's freeze does not stop a seller milestone. */
  g_assert_true (mp_plan_is_milestone_working_day (plan, a, date ("2027-01-14")));
  g_assert_false (mp_plan_is_milestone_working_day (plan, a, date ("2027-01-12")));
  g_assert_false (mp_plan_is_milestone_working_day (plan, a, date ("2027-01-16")));
  g_assert_cmpstr (mp_blackout_get_id (mp_plan_find_blackout_at (plan, a, date ("2027-01-20"))), ==, "b4");
  g_assert_null (mp_plan_find_blackout_at (plan, b, date ("2027-01-20")));
}

/* ---- one milestone ---- */

typedef struct {
  const char *what;
  const char *json;
  const char *today;
  const char *id;
  gboolean    overdue;
  int         days_late;
  int         slack;        /* G_MININT: no target */
  const char *risks;        /* nicks of MpRiskFlags */
  const char *reason;       /* a part of the first reason, or NULL */
} MilestoneCase;

static const MilestoneCase milestone_cases[] = {
  { "on time", HEAD PEOPLE ", \"milestones\": [" MS ("a", "seller", "2027-01-10") "]}",
    "2027-01-10", "a", FALSE, 0, G_MININT, "", NULL },
  { "overdue by one day", HEAD PEOPLE ", \"milestones\": [" MS ("a", "seller", "2027-01-10") "]}",
    "2027-01-11", "a", TRUE, 1, G_MININT, "", NULL },
  { "done is never overdue", HEAD PEOPLE ", \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"seller_owner\": \"s\", \"due\": \"2027-01-10\", \"status\": \"done\"}]}",
    "2027-02-11", "a", FALSE, 0, G_MININT, "", NULL },
  { "dropped is never overdue", HEAD PEOPLE ", \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"due\": \"2027-01-10\", \"status\": \"dropped\"}]}",
    "2027-02-11", "a", FALSE, 0, G_MININT, "", NULL },
  { "blocked is overdue", HEAD PEOPLE ", \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"seller_owner\": \"s\", \"due\": \"2027-01-10\", \"status\": \"blocked\"}]}",
    "2027-01-20", "a", TRUE, 10, G_MININT, "", NULL },
  { "slack to target", HEAD PEOPLE ", \"target\": \"2027-01-31\", \"milestones\": [" MS ("a", "seller", "2027-01-10") "]}",
    "2027-01-01", "a", FALSE, 0, 21, "", NULL },
  { "inside the buffer", HEAD PEOPLE ", \"target\": \"2027-01-15\", \"buffer_days\": 7, \"milestones\": [" MS ("a", "seller", "2027-01-10") "]}",
    "2027-01-01", "a", FALSE, 0, 5, "in-buffer", "5 days before the target date" },
  { "just outside the buffer", HEAD PEOPLE ", \"target\": \"2027-01-17\", \"buffer_days\": 7, \"milestones\": [" MS ("a", "seller", "2027-01-10") "]}",
    "2027-01-01", "a", FALSE, 0, 7, "", NULL },
  { "after the target", HEAD PEOPLE ", \"target\": \"2027-01-05\", \"buffer_days\": 7, \"milestones\": [" MS ("a", "seller", "2027-01-10") "]}",
    "2027-01-01", "a", FALSE, 0, -5, "after-target", "5 days after the target" },
  { "predecessor late", HEAD PEOPLE ", \"milestones\": [" MS ("p", "seller", "2027-01-05") ", " MSD ("a", "seller", "2027-01-20", "\"p\"") "]}",
    "2027-01-08", "a", FALSE, 0, G_MININT, "predecessor-late", "waits for “p”, which is 3 days overdue" },
  { "predecessor done late is fine", HEAD PEOPLE ", \"milestones\": [{\"id\": \"p\", \"title\": \"p\", \"seller_owner\": \"s\", \"due\": \"2027-01-05\", \"status\": \"done\"}, "
    MSD ("a", "seller", "2027-01-20", "\"p\"") "]}",
    "2027-01-08", "a", FALSE, 0, G_MININT, "", NULL },
  { "predecessor due after", HEAD PEOPLE ", \"milestones\": [" MS ("p", "seller", "2027-01-25") ", " MSD ("a", "seller", "2027-01-20", "\"p\"") "]}",
    "2027-01-08", "a", FALSE, 0, G_MININT, "predecessor-after", "which is due later" },
  { "dropped predecessor is ignored", HEAD PEOPLE ", \"milestones\": [{\"id\": \"p\", \"title\": \"p\", \"due\": \"2027-01-25\", \"status\": \"dropped\"}, "
    MSD ("a", "seller", "2027-01-20", "\"p\"") "]}",
    "2027-01-08", "a", FALSE, 0, G_MININT, "", NULL },
  { "blackout of the responsible side", HEAD BLACKOUTS ", \"milestones\": [" MS ("a", "seller", "2027-01-12") "]}",
    "2027-01-01", "a", FALSE, 0, G_MININT, "blackout", "due during “Seller offsite”" },
  { "blackout of the other side", HEAD BLACKOUTS ", \"milestones\": [" MS ("a", "seller", "2027-01-14") "]}",
    "2027-01-01", "a", FALSE, 0, G_MININT, "", NULL },
  { "blackout of an owner", HEAD BLACKOUTS ", \"milestones\": [" MS ("a", "seller", "2027-01-20") "]}",
    "2027-01-01", "a", FALSE, 0, G_MININT, "blackout", "“Cat away”" },
  { "both sides: any side's blackout", HEAD BLACKOUTS ", \"milestones\": [" MS ("a", "both", "2027-01-14") "]}",
    "2027-01-01", "a", FALSE, 0, G_MININT, "blackout", "Customer freeze" },
  { "no owner on the responsible side", HEAD PEOPLE ", \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"responsible\": \"customer\", \"seller_owner\": \"s\", \"due\": \"2027-01-10\"}]}",
    "2027-01-01", "a", FALSE, 0, G_MININT, "no-owner", "no owner on the customer side" },
  { "a missing owner on the other side is fine", HEAD PEOPLE ", \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"responsible\": \"customer\", \"customer_owner\": \"c\", \"due\": \"2027-01-10\"}]}",
    "2027-01-01", "a", FALSE, 0, G_MININT, "", NULL },
  { "several risks at once", HEAD BLACKOUTS ", \"target\": \"2027-01-15\", \"buffer_days\": 5, \"milestones\": ["
    MS ("p", "seller", "2027-01-05") ", {\"id\": \"a\", \"title\": \"A\", \"responsible\": \"both\", \"seller_owner\": \"s\", \"due\": \"2027-01-14\", \"depends_on\": [\"p\"]}]}",
    "2027-01-07", "a", FALSE, 0, 1, "in-buffer,predecessor-late,blackout,no-owner", "1 day before the target" },
  { "done milestones carry no risk", HEAD BLACKOUTS ", \"target\": \"2027-01-13\", \"buffer_days\": 5, \"milestones\": ["
    "{\"id\": \"a\", \"title\": \"A\", \"due\": \"2027-01-12\", \"status\": \"done\"}]}",
    "2027-01-20", "a", FALSE, 0, 1, "", NULL },
};

static void
test_milestone_health (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (milestone_cases); i++)
    {
      const MilestoneCase *c = &milestone_cases[i];
      g_autoptr(MpPlan) plan = load (c->json);
      MpMilestone *m = mp_plan_find_milestone (plan, c->id);
      g_autoptr(MpMilestoneHealth) h = mp_milestone_health_new (plan, m, date (c->today), NULL);
      g_autofree char *risks = flags_string (h->risks);

      g_test_message ("%s: risks %s, reasons: %s", c->what, risks, h->reasons[0] ? h->reasons[0] : "-");
      g_assert_cmpint (h->overdue, ==, c->overdue);
      g_assert_cmpint (h->days_late, ==, c->days_late);
      g_assert_cmpint (mp_milestone_is_overdue (m, date (c->today)), ==, c->overdue);
      if (c->slack == G_MININT)
        g_assert_false (h->has_target);
      else
        {
          g_assert_true (h->has_target);
          g_assert_cmpint (h->slack, ==, c->slack);
        }
      g_assert_cmpstr (risks, ==, c->risks);
      /* One sentence per risk. */
      g_assert_cmpuint (g_strv_length (h->reasons), ==, (guint) __builtin_popcount (h->risks));
      if (c->reason != NULL)
        g_assert_nonnull (strstr (h->reasons[0], c->reason));
      g_assert_false (h->in_baseline);
    }
}

static void
test_milestone_tasks_and_slip (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  MpBaseline *b = mp_plan_get_latest_baseline (plan);
  struct { const char *id; guint done, total; gboolean in_baseline; int slip; } cases[] = {
    { "m-eval", 2, 2, FALSE, 0 },
    { "m-security", 1, 2, TRUE, 7 },
    { "m-commit", 0, 0, TRUE, 7 },
    { "m-pilot", 0, 0, FALSE, 0 },
  };

  g_assert_nonnull (b);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MpMilestoneHealth) h = mp_milestone_health_new (plan, mp_plan_find_milestone (plan, cases[i].id),
                                                                date ("2027-03-01"), b);
      g_assert_cmpuint (h->tasks_done, ==, cases[i].done);
      g_assert_cmpuint (h->tasks_total, ==, cases[i].total);
      g_assert_cmpint (h->in_baseline, ==, cases[i].in_baseline);
      g_assert_cmpint (h->slip, ==, cases[i].slip);
    }
}

/* ---- the whole plan ---- */

static char *
step_ids (GPtrArray *steps)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < steps->len; i++)
    {
      MpStep *st = g_ptr_array_index (steps, i);
      g_autofree char *owners = g_strjoinv ("+", st->owners);

      g_string_append_printf (s, "%s%s%s%s@%s", s->len ? " " : "",
                              mp_milestone_get_id (st->milestone), st->task ? "/" : "",
                              st->task ? mp_task_get_id (st->task) : "", owners);
    }
  return g_string_free (s, FALSE);
}

static char *
milestone_ids (GPtrArray *ms)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < ms->len; i++)
    g_string_append_printf (s, "%s%s", s->len ? " " : "", mp_milestone_get_id (g_ptr_array_index (ms, i)));
  return g_string_free (s, FALSE);
}

#define PLAN_JSON HEAD PEOPLE ", \"target\": \"2027-02-26\", \"buffer_days\": 10, \"milestones\": [" \
  "{\"id\": \"a\", \"title\": \"A\", \"seller_owner\": \"s\", \"due\": \"2027-01-08\", \"status\": \"done\"}, " \
  "{\"id\": \"b\", \"title\": \"B\", \"responsible\": \"customer\", \"customer_owner\": \"c\", \"due\": \"2027-01-15\", \"commitment\": true, \"depends_on\": [\"a\"], " \
  "  \"tasks\": [{\"id\": \"t1\", \"title\": \"T1\", \"owner\": \"c2\", \"due\": \"2027-01-13\"}, {\"id\": \"t2\", \"title\": \"T2\", \"done\": true, \"due\": \"2027-01-12\"}, {\"id\": \"t3\", \"title\": \"T3\"}]}, " \
  "{\"id\": \"c\", \"title\": \"C\", \"responsible\": \"both\", \"seller_owner\": \"s\", \"customer_owner\": \"c\", \"due\": \"2027-01-29\", \"depends_on\": [\"a\"]}, " \
  "{\"id\": \"d\", \"title\": \"D\", \"responsible\": \"seller\", \"seller_owner\": \"s2\", \"due\": \"2027-01-22\", \"commitment\": true}, " \
  "{\"id\": \"e\", \"title\": \"E\", \"responsible\": \"customer\", \"customer_owner\": \"c\", \"due\": \"2027-02-19\", \"depends_on\": [\"b\", \"c\"]}, " \
  "{\"id\": \"x\", \"title\": \"X\", \"due\": \"2027-03-30\", \"status\": \"dropped\"}, " \
  "{\"id\": \"f\", \"title\": \"F\", \"responsible\": \"seller\", \"seller_owner\": \"s\", \"due\": \"2027-02-05\", \"commitment\": true}]}"

static void
test_plan_health (void)
{
  g_autoptr(MpPlan) plan = load (PLAN_JSON);
  g_autoptr(MpPlanHealth) h = mp_plan_health_new (plan, date ("2027-01-25"), NULL, 3);
  g_autoptr(GListStore) problems = mp_plan_check (plan, date ("2027-01-25"));
  g_autofree char *chain = milestone_ids (h->critical_chain);
  g_autofree char *next = step_ids (h->next_steps);
  g_autofree char *overdue = step_ids (h->overdue);
  g_autofree char *commitments = milestone_ids (h->overdue_commitments);
  g_autoptr(GString) risky = g_string_new (NULL);

  /* Dropped X does not count: 1 of 6 done. */
  g_assert_cmpuint (h->n_milestones, ==, 6);
  g_assert_cmpuint (h->n_done, ==, 1);
  g_assert_cmpint (h->percent_done, ==, 16);
  g_assert_cmpint (h->days_to_target, ==, 32);
  /* The last due date is E's, 19 Feb (X is dropped): 7 days, 10 wanted. */
  g_assert_cmpuint (h->last_due, ==, date ("2027-02-19"));
  g_assert_true (h->has_buffer);
  g_assert_cmpint (h->buffer_left, ==, 7);
  g_assert_cmpint (h->buffer_days, ==, 10);
  g_assert_true (h->buffer_short);
  /* E waits for B (15 Jan) and C (29 Jan): C drives it; C waits for A. */
  g_assert_cmpstr (chain, ==, "a c e");
  /* Soonest open steps from today, at most 3, milestones with their
   * responsible side's owners (both: seller first). */
  g_assert_cmpstr (next, ==, "c@s+c f@s e@c");
  /* Past due, longest late first; T3 has no date and takes B's; T2 is done. */
  g_assert_cmpstr (overdue, ==, "b/t1@c2 b@c b/t3@ d@s2");
  /* B is a customer commitment and late; D is late but the seller's. */
  g_assert_cmpstr (commitments, ==, "b");
  for (guint i = 0; i < h->at_risk->len; i++)
    {
      MpMilestoneHealth *mh = g_ptr_array_index (h->at_risk, i);
      g_autofree char *f = flags_string (mh->risks);
      g_string_append_printf (risky, "%s%s:%s", risky->len ? " " : "", mp_milestone_get_id (mh->milestone), f);
    }
  /* E waits for the late B and sits in the buffer. */
  g_assert_cmpstr (risky->str, ==, "e:in-buffer,predecessor-late");
  /* The warnings are mp_plan_check's. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (h->problems)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (problems)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (h->problems)), >, 0);

  /* All next steps when asked for 0. */
  {
    g_autoptr(MpPlanHealth) all = mp_plan_health_new (plan, date ("2027-01-25"), NULL, 0);
    g_autofree char *ids = step_ids (all->next_steps);
    g_assert_cmpstr (ids, ==, "c@s+c f@s e@c");
  }
}

static void
test_plan_health_empty (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("minimal.mplan");
  g_autoptr(MpPlanHealth) h = mp_plan_health_new (plan, date ("2027-01-25"), NULL, 5);

  g_assert_cmpuint (h->n_milestones, ==, 0);
  g_assert_cmpint (h->percent_done, ==, 0);
  g_assert_false (h->has_buffer);
  g_assert_cmpuint (h->target, ==, MP_DATE_NONE);
  g_assert_cmpuint (h->critical_chain->len, ==, 0);
  g_assert_cmpuint (h->next_steps->len, ==, 0);
  g_assert_cmpuint (h->overdue->len, ==, 0);
  g_assert_null (mp_plan_find_last_milestone (plan));
}

static void
test_critical_chain_fixture (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(MpPlanHealth) h = mp_plan_health_new (plan, date ("2027-03-01"), NULL, 5);
  g_autofree char *chain = milestone_ids (h->critical_chain);

  /* Commitment waits for the pilot (19 Mar) and legal (26 Mar): legal drives it. */
  g_assert_cmpstr (chain, ==, "m-eval m-demo m-security m-legal m-commit m-sign m-golive");
  g_assert_cmpint (h->buffer_left, ==, 10);
  g_assert_false (h->buffer_short);
}

/* ---- shifting with dependents ---- */

typedef struct {
  const char *what;
  const char *json;
  const char *id;
  int         days;
  const char *expect; /* "id:old-due>new-due" …; starts as "id:start old>new due old>new" */
} ShiftCase;

#define CHAIN(extra) HEAD PEOPLE extra ", \"milestones\": [" \
  MS ("a", "seller", "2027-01-06") ", " \
  MSD ("b", "seller", "2027-01-08", "\"a\"") ", " \
  MSD ("c", "seller", "2027-01-11", "\"b\"") ", " \
  MS ("u", "seller", "2027-01-07") "]}"

static const ShiftCase shift_cases[] = {
  { "zero days", CHAIN (""), "a", 0, "" },
  { "the moved one lands where asked, even on a Saturday", CHAIN (""), "c", 5, "c:01-11>01-16" },
  { "a dependent skips the weekend, and its dependent follows",
    CHAIN (""), "a", 1, "a:01-06>01-07 b:01-08>01-11 c:01-11>01-14" },
  { "transitive dependents move by the same days when nothing is in the way",
    CHAIN (""), "a", 7, "a:01-06>01-13 b:01-08>01-15 c:01-11>01-18" },
  { "a blackout of the dependent's side is skipped",
    CHAIN (", \"blackouts\": [{\"id\": \"k\", \"title\": \"Offsite\", \"start\": \"2027-01-15\", \"end\": \"2027-01-19\", \"side\": \"seller\"}]"),
    "a", 7, "a:01-06>01-13 b:01-08>01-20 c:01-11>01-25" },
  { "a blackout of the other side is not",
    CHAIN (", \"blackouts\": [{\"id\": \"k\", \"title\": \"Freeze\", \"start\": \"2027-01-15\", \"end\": \"2027-01-19\", \"side\": \"customer\"}]"),
    "a", 7, "a:01-06>01-13 b:01-08>01-15 c:01-11>01-18" },
  { "an owner's absence is skipped",
    CHAIN (", \"blackouts\": [{\"id\": \"k\", \"title\": \"Cat away\", \"start\": \"2027-01-15\", \"end\": \"2027-01-15\", \"side\": \"customer\", \"participant\": \"c\"}]"),
    "a", 7, "a:01-06>01-13 b:01-08>01-18 c:01-11>01-21" },
  { "earlier: dependents move back, skipping the weekend backwards",
    CHAIN (""), "a", -2, "a:01-06>01-04 b:01-08>01-06 c:01-11>01-08" },
  { "earlier: never before a predecessor that did not move",
    HEAD PEOPLE ", \"milestones\": [" MS ("a", "seller", "2027-01-06") ", " MS ("z", "seller", "2027-01-07") ", "
    MSD ("b", "seller", "2027-01-08", "\"a\", \"z\"") "]}",
    "a", -2, "a:01-06>01-04 b:01-08>01-07" },
  { "diamond: the join moves by the larger move",
    HEAD PEOPLE ", \"blackouts\": [{\"id\": \"k\", \"title\": \"Freeze\", \"start\": \"2027-01-11\", \"end\": \"2027-01-12\", \"side\": \"customer\"}], \"milestones\": ["
    MS ("a", "seller", "2027-01-06") ", " MSD ("b", "seller", "2027-01-08", "\"a\"") ", "
    MSD ("c", "customer", "2027-01-08", "\"a\"") ", " MSD ("d", "seller", "2027-01-14", "\"b\", \"c\"") "]}",
    "a", 1, "a:01-06>01-07 b:01-08>01-11 c:01-08>01-13 d:01-14>01-19" },
  { "a done dependent stays, and what hangs only on it too",
    HEAD PEOPLE ", \"milestones\": [" MS ("a", "seller", "2027-01-06") ", "
    "{\"id\": \"b\", \"title\": \"b\", \"seller_owner\": \"s\", \"due\": \"2027-01-08\", \"status\": \"done\", \"depends_on\": [\"a\"]}, "
    MSD ("c", "seller", "2027-01-11", "\"b\"") "]}",
    "a", 3, "a:01-06>01-09" },
  { "the start moves with the due date",
    HEAD PEOPLE ", \"milestones\": [" MS ("a", "seller", "2027-01-06") ", "
    "{\"id\": \"b\", \"title\": \"b\", \"seller_owner\": \"s\", \"start\": \"2027-01-04\", \"due\": \"2027-01-08\", \"depends_on\": [\"a\"]}]}",
    "a", 1, "a:01-06>01-07 b:start 01-04>01-07 due 01-08>01-11" },
};

static char *
changes_string (GListModel *changes)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(MpDateChange) c = g_list_model_get_item (changes, i);
      char a[MP_DATE_STRLEN], b[MP_DATE_STRLEN];

      g_assert_cmpint (mp_date_change_get_kind (c), ==, MP_DATE_CHANGE_MOVED);
      g_string_append_printf (s, "%s%s:", s->len ? " " : "", mp_date_change_get_milestone_id (c));
      if (mp_date_change_get_old_start (c) != mp_date_change_get_new_start (c))
        {
          mp_date_format_buf (mp_date_change_get_old_start (c), a);
          mp_date_format_buf (mp_date_change_get_new_start (c), b);
          g_string_append_printf (s, "start %s>%s due ", a + 5, b + 5);
        }
      mp_date_format_buf (mp_date_change_get_old_due (c), a);
      mp_date_format_buf (mp_date_change_get_new_due (c), b);
      g_string_append_printf (s, "%s>%s", a + 5, b + 5);
    }
  return g_string_free (s, FALSE);
}

static void
test_shift (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (shift_cases); i++)
    {
      const ShiftCase *c = &shift_cases[i];
      g_autoptr(MpPlan) plan = load (c->json);
      g_autoptr(GBytes) before = mp_plan_to_bytes (plan);
      g_autoptr(GBytes) after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GListStore) changes = mp_plan_preview_shift (plan, mp_plan_find_milestone (plan, c->id), c->days, &error);
      g_autofree char *found = NULL;

      g_assert_no_error (error);
      found = changes_string (G_LIST_MODEL (changes));
      g_test_message ("%s: %s", c->what, found);
      g_assert_cmpstr (found, ==, c->expect);
      /* A preview changes nothing. */
      after = mp_plan_to_bytes (plan);
      g_assert_true (g_bytes_equal (before, after));
    }
}

static void
test_shift_cycle (void)
{
  g_autoptr(MpPlan) plan = load (CHAIN (""));
  MpMilestone *a = mp_plan_find_milestone (plan, "a");
  MpMilestone *b = mp_plan_find_milestone (plan, "b");
  MpMilestone *c = mp_plan_find_milestone (plan, "c");
  MpMilestone *u = mp_plan_find_milestone (plan, "u");
  const char *deps[] = { "c", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) changes = NULL;

  /* The editor asks before adding a dependency: a → c would close a cycle. */
  g_assert_true (mp_plan_depends_on (plan, c, a));
  g_assert_true (mp_plan_depends_on (plan, b, a));
  g_assert_false (mp_plan_depends_on (plan, a, c));
  g_assert_false (mp_plan_depends_on (plan, u, a));
  g_assert_false (mp_plan_depends_on (plan, a, a));

  /* A plan changed behind the loader's back: the shift refuses, no hang. */
  mp_milestone_set_depends_on (a, deps);
  g_assert_true (mp_plan_depends_on (plan, a, a));
  changes = mp_plan_preview_shift (plan, b, 2, &error);
  g_assert_null (changes);
  g_assert_error (error, MP_ERROR, MP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cycle"));
  g_assert_nonnull (strstr (error->message, "“b”"));
}

static void
test_shift_apply_undo (void)
{
  g_autoptr(MpPlan) plan = load (CHAIN (""));
  g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);
  g_autoptr(GBytes) before = mp_plan_to_bytes (plan);
  g_autoptr(GBytes) undone = NULL;
  MpMilestone *a = mp_plan_find_milestone (plan, "a");
  MpMilestone *c = mp_plan_find_milestone (plan, "c");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) changes = mp_plan_preview_shift (plan, a, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (mp_document_apply_shift (doc, G_LIST_MODEL (changes)), ==, 3);
  g_assert_cmpuint (mp_milestone_get_due (a), ==, date ("2027-01-07"));
  g_assert_cmpuint (mp_milestone_get_due (c), ==, date ("2027-01-14"));
  /* Calendars need the update: one sequence step per milestone. */
  g_assert_cmpint (mp_milestone_get_sequence (c), ==, 1);
  g_assert_cmpint (mp_milestone_get_sequence (mp_plan_find_milestone (plan, "u")), ==, 0);
  g_assert_cmpstr (mp_document_get_undo_label (doc), ==, "Shift with Dependents");

  /* One undo puts every date back. */
  g_assert_true (mp_document_undo (doc));
  g_assert_false (mp_document_can_undo (doc));
  undone = mp_plan_to_bytes (plan);
  g_assert_true (g_bytes_equal (before, undone));
  g_assert_true (mp_document_redo (doc));
  g_assert_cmpuint (mp_milestone_get_due (c), ==, date ("2027-01-14"));
}

/* ---- baselines ---- */

static void
test_baseline_create (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(MpBaseline) b = mp_baseline_new_from_plan (plan, "Agreed in March", "2027-03-01T09:00:00-06:00");
  g_autoptr(MpBaseline) now = mp_baseline_new_from_plan (plan, "Now", NULL);
  g_autoptr(GListStore) same = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MpPlan) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  MpDateMap *dates = mp_baseline_get_dates (b);
  const MpDateMapEntry *e;
  gsize len;
  const char *data;

  g_assert_cmpstr (mp_baseline_get_name (b), ==, "Agreed in March");
  g_assert_true (mp_datetime_is_valid (mp_baseline_get_at (now)));
  /* Every milestone but the dropped one, with start and due. */
  g_assert_cmpuint (dates->len, ==, 8);
  g_assert_null (mp_date_map_lookup (dates, "m-old"));
  e = mp_date_map_lookup (dates, "m-pilot");
  g_assert_cmpuint (e->start, ==, date ("2027-03-01"));
  g_assert_cmpuint (e->due, ==, date ("2027-03-19"));
  e = mp_date_map_lookup (dates, "m-commit");
  g_assert_cmpuint (e->start, ==, MP_DATE_NONE);

  /* Compared with the plan it was taken from: nothing changed. */
  same = mp_baseline_compare (b, plan);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (same)), ==, 0);

  /* It is saved and read back, and becomes the latest. */
  g_list_store_append (mp_plan_get_baselines (plan), b);
  g_assert_true (mp_plan_get_latest_baseline (plan) == b);
  bytes = mp_plan_to_bytes (plan);
  data = g_bytes_get_data (bytes, &len);
  reloaded = mp_plan_load_from_data (data, len, "t.mplan", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mp_baseline_get_name (mp_plan_get_latest_baseline (reloaded)), ==, "Agreed in March");
  e = mp_date_map_lookup (mp_baseline_get_dates (mp_plan_get_latest_baseline (reloaded)), "m-golive");
  g_assert_cmpuint (e->due, ==, date ("2027-04-20"));
}

static void
test_baseline_compare (void)
{
  g_autoptr(MpPlan) plan = load (HEAD PEOPLE ", \"milestones\": ["
    MS ("same", "seller", "2027-01-06") ", "
    MS ("later", "seller", "2027-01-20") ", "
    MS ("earlier", "seller", "2027-01-04") ", "
    "{\"id\": \"started\", \"title\": \"s\", \"seller_owner\": \"s\", \"start\": \"2027-01-05\", \"due\": \"2027-01-08\"}, "
    "{\"id\": \"dropped\", \"title\": \"d\", \"due\": \"2027-01-08\", \"status\": \"dropped\"}, "
    "{\"id\": \"added-dropped\", \"title\": \"ad\", \"due\": \"2027-01-08\", \"status\": \"dropped\"}, "
    MS ("new", "seller", "2027-01-22") ", "
    MS ("gone", "seller", "2027-01-09") "], "
    "\"baselines\": [{\"name\": \"Kickoff\", \"at\": \"2027-01-02T10:00:00+01:00\", \"dates\": {"
    "\"same\": {\"start\": null, \"due\": \"2027-01-06\"}, \"later\": {\"start\": null, \"due\": \"2027-01-13\"}, "
    "\"earlier\": {\"start\": null, \"due\": \"2027-01-05\"}, \"started\": {\"start\": null, \"due\": \"2027-01-08\"}, "
    "\"dropped\": {\"start\": null, \"due\": \"2027-01-07\"}, \"gone\": {\"start\": null, \"due\": \"2027-01-09\"}}}]}");
  MpBaseline *b = mp_plan_get_latest_baseline (plan);
  g_autoptr(GListStore) changes = NULL;
  g_autoptr(GEnumClass) kinds = g_type_class_ref (MP_TYPE_DATE_CHANGE_KIND);
  g_autoptr(GString) s = g_string_new (NULL);

  /* A file cannot name a milestone that is gone; removing it in the app can. */
  g_list_store_remove (mp_plan_get_milestones (plan), 7);
  g_assert_null (mp_plan_find_milestone (plan, "gone"));
  changes = mp_baseline_compare (b, plan);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (changes)); i++)
    {
      g_autoptr(MpDateChange) c = g_list_model_get_item (G_LIST_MODEL (changes), i);

      g_string_append_printf (s, "%s%s:%s:%d:%d", s->len ? " " : "", mp_date_change_get_milestone_id (c),
                              g_enum_get_value (kinds, mp_date_change_get_kind (c))->value_nick,
                              mp_date_change_get_due_days (c), mp_date_change_get_start_days (c));
      if (mp_date_change_get_kind (c) == MP_DATE_CHANGE_REMOVED)
        g_assert_null (mp_date_change_get_milestone (c));
      else
        g_assert_nonnull (mp_date_change_get_milestone (c));
    }
  /* "started" gained a start date: moved, 0 days on its due date. */
  g_assert_cmpstr (s->str, ==,
                   "later:moved:7:0 earlier:moved:-1:0 started:moved:0:0 dropped:dropped:1:0 new:added:0:0 gone:removed:0:0");

  /* The slip of one milestone against it. */
  {
    g_autoptr(MpMilestoneHealth) h = mp_milestone_health_new (plan, mp_plan_find_milestone (plan, "later"),
                                                              date ("2027-01-01"), b);
    g_assert_true (h->in_baseline);
    g_assert_cmpuint (h->baseline_due, ==, date ("2027-01-13"));
    g_assert_cmpint (h->slip, ==, 7);
  }
}

static void
test_baseline_latest (void)
{
  static const struct { const char *ats; const char *latest; } cases[] = {
    { "2027-01-02T10:00:00+01:00|2027-01-03T10:00:00+01:00", "b1" },
    { "2027-01-03T10:00:00+01:00|2027-01-02T10:00:00+01:00", "b0" },
    /* Offsets count: 09:00 in Chicago is after 10:00 in Berlin. */
    { "2027-01-02T09:00:00-06:00|2027-01-02T10:00:00+01:00", "b0" },
    { "2027-01-02T10:00:00+01:00|2027-01-02T10:00:00+01:00", "b1" },
    { "2027-01-02T10:00:00+01:00|", "b0" },
    { "|", "b1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) ats = g_strsplit (cases[i].ats, "|", 2);
      g_autoptr(GString) json = g_string_new (HEAD "\"baselines\": [");
      g_autoptr(MpPlan) plan = NULL;

      for (guint j = 0; j < 2; j++)
        {
          g_string_append_printf (json, "%s{\"name\": \"b%u\"", j ? ", " : "", j);
          if (*ats[j])
            g_string_append_printf (json, ", \"at\": \"%s\"", ats[j]);
          g_string_append (json, ", \"dates\": {}}");
        }
      g_string_append (json, "]}");
      plan = load (json->str);
      g_assert_cmpstr (mp_baseline_get_name (mp_plan_get_latest_baseline (plan)), ==, cases[i].latest);
    }
  {
    g_autoptr(MpPlan) plan = load (HEAD "\"participants\": []}");
    g_assert_null (mp_plan_get_latest_baseline (plan));
  }
}

/* ---- the report ---- */

static void
test_report_formats (void)
{
  g_autoptr(MpPlan) plan = load (HEAD PEOPLE ", \"target\": \"2027-02-26\", \"milestones\": ["
    "{\"id\": \"a\", \"title\": \"Sign *now* [v2] _x_\", \"seller_owner\": \"s\", \"due\": \"2027-01-06\", \"status\": \"done\", \"completed_on\": \"2027-01-05\"}, "
    "{\"id\": \"b\", \"title\": \"Line one\\nline two\", \"responsible\": \"customer\", \"customer_owner\": \"c\", \"due\": \"2027-01-13\"}], "
    "\"goals\": [{\"id\": \"g\", \"title\": \"Go # live\", \"milestones\": [\"a\"]}, {\"id\": \"g2\", \"title\": \"Reached\", \"status\": \"achieved\"}]}");
  g_autofree char *md = mp_report_build (plan, date ("2027-01-11"), MP_DATE_NONE, NULL, MP_REPORT_MARKDOWN);
  g_autofree char *text = mp_report_build (plan, date ("2027-01-11"), MP_DATE_NONE, NULL, MP_REPORT_TEXT);
  g_autofree char *late = mp_report_build (plan, date ("2027-01-11"), date ("2027-01-06"), NULL, MP_REPORT_TEXT);
  MpReportFormat f;

  g_test_message ("%s", md);
  g_assert_true (g_str_has_prefix (md, "# Status report: T\n"));
  g_assert_true (g_str_has_prefix (text, "Status report: T\n================\n"));
  /* Plan text is escaped in Markdown and left alone in text. */
  g_assert_nonnull (strstr (md, "- **Sign \\*now\\* \\[v2\\] \\_x\\_**: done on 5 Jan 2027"));
  g_assert_nonnull (strstr (text, "- Sign *now* [v2] _x_: done on 5 Jan 2027"));
  g_assert_nonnull (strstr (md, "- **Go \\# live**: proved by “Sign \\*now\\* \\[v2\\] \\_x\\_” (done)"));
  /* A line break in a title does not break the list. */
  g_assert_nonnull (strstr (text, "- Line one line two: due Wed, 13 Jan 2027. Owner: Cat Customer (Buyer AG)\n"));
  g_assert_null (strstr (text, "Reached"));
  g_assert_nonnull (strstr (text, "\nOverdue\n-------\n\nNothing is overdue.\n"));
  /* No reporting rhythm: two weeks back; --since moves it. */
  g_assert_nonnull (strstr (text, "Done since 28 Dec 2026"));
  g_assert_nonnull (strstr (late, "Done since 6 Jan 2027\n---------------------\n\nNothing was completed in this period.\n"));
  g_assert_true (g_str_has_suffix (md, "\n"));

  g_assert_true (mp_report_format_from_string ("text", &f) && f == MP_REPORT_TEXT);
  g_assert_true (mp_report_format_from_string ("markdown", &f) && f == MP_REPORT_MARKDOWN);
  g_assert_false (mp_report_format_from_string ("html", &f));
  g_assert_false (mp_report_format_from_string (NULL, &f));
}

static void
test_report_since_rhythm (void)
{
  g_autoptr(MpPlan) plan = load (HEAD PEOPLE ", \"reporting\": {\"every_weeks\": 3, \"recipients\": [\"c\"]}}");

  g_assert_cmpuint (mp_report_default_since (plan, date ("2027-01-22")), ==, date ("2027-01-01"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/health/working-days", test_working_days);
  g_test_add_func ("/health/milestone-working-days", test_milestone_working_days);
  g_test_add_func ("/health/milestone", test_milestone_health);
  g_test_add_func ("/health/milestone-tasks-slip", test_milestone_tasks_and_slip);
  g_test_add_func ("/health/plan", test_plan_health);
  g_test_add_func ("/health/plan-empty", test_plan_health_empty);
  g_test_add_func ("/health/critical-chain-fixture", test_critical_chain_fixture);
  g_test_add_func ("/health/shift", test_shift);
  g_test_add_func ("/health/shift-cycle", test_shift_cycle);
  g_test_add_func ("/health/shift-apply-undo", test_shift_apply_undo);
  g_test_add_func ("/health/baseline-create", test_baseline_create);
  g_test_add_func ("/health/baseline-compare", test_baseline_compare);
  g_test_add_func ("/health/baseline-latest", test_baseline_latest);
  g_test_add_func ("/health/report-formats", test_report_formats);
  g_test_add_func ("/health/report-since-rhythm", test_report_since_rhythm);
  return g_test_run ();
}
