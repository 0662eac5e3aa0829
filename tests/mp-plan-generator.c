/* mp-plan-generator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-plan-generator.h"

static const char *const actions[] = {
  "Security review", "Data migration", "Pilot", "Legal review", "Pricing workshop",
  "Technical deep dive", "Reference call", "Procurement approval", "Integration test",
  "User training", "Executive briefing", "Proof of concept", "Architecture sign-off",
  "Budget approval", "Rollout", "Contract redlines", "Success criteria workshop",
  "Data protection assessment", "Kickoff", "Go-live readiness check",
};

static const char *const objects[] = {
  "of the reporting stack", "for the EMEA sales team", "with the BI department",
  "of the CRM connector", "for two pilot regions", "with IT operations",
  "of the single sign-on setup", "for the service technicians", "with the works council",
  "of the data warehouse export", "for the finance controllers", "with procurement",
  "of the mobile app", "for the North American subsidiaries", "with the CFO's office",
};

static const char *const task_titles[] = {
  "Send the questionnaire", "Book the meeting room", "Collect sample reports",
  "Share the draft agreement", "Review the test results", "Prepare the demo data",
  "Update the project charter", "Confirm the attendees", "Answer the security questions",
  "Write the summary for the steering committee", "Check the licence count",
  "Set up test accounts", "Agree on success criteria", "Send the meeting minutes",
};

static const char *const blackout_titles[] = {
  "Public holiday", "Quarter-end freeze", "Team offsite", "Trade fair",
  "Summer vacation", "Year-end freeze", "Works council meeting",
};

static const struct {
  const char *id, *name, *email, *org, *role;
  MpSide side;
} people[] = {
  { "p-dana", "Dana Whitfield", "dana.whitfield@northwind.example", "Northwind Software", "Account executive", MP_SIDE_SELLER },
  { "p-raj", "Raj Patel", "raj.patel@northwind.example", "Northwind Software", "Solutions engineer", MP_SIDE_SELLER },
  { "p-lena", "Lena Ortiz", "lena.ortiz@acme.example", "ACME Corp", "Champion, Head of BI", MP_SIDE_CUSTOMER },
  { "p-tom", "Tom Becker", "tom.becker@acme.example", "ACME Corp", "Economic buyer, CFO", MP_SIDE_CUSTOMER },
  { "p-sue", "Sue Kim", "sue.kim@acme.example", "ACME Corp", "Legal", MP_SIDE_CUSTOMER },
};

void
mp_plan_generator_options_init (MpPlanGeneratorOptions *options,
                                guint                   n_milestones)
{
  options->n_milestones = n_milestones;
  options->tasks_per_milestone = 3;
  options->seed = 1;
  options->start = mp_date_from_ymd (2027, 1, 4);
  options->today = MP_DATE_NONE;
  options->chain = FALSE;
}

/* Milestone i starts about (3 i / 2) days after the plan's start, so that
 * a screen shows overlapping work, as plans have. */
static MpDate
base_day (const MpPlanGeneratorOptions *o,
          guint                         i)
{
  return o->start + i * 3 / 2;
}

MpPlan *
mp_plan_generator_generate (const MpPlanGeneratorOptions *o)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (o->seed);
  g_autoptr(MpPlan) plan = mp_plan_new ();
  g_autoptr(MpBaseline) baseline = mp_baseline_new ();
  MpDateMap *dates = mp_date_map_new ();
  GListStore *milestones = mp_plan_get_milestones (plan);
  GListStore *blackouts = mp_plan_get_blackouts (plan);
  MpDate today = o->today != MP_DATE_NONE ? o->today : base_day (o, o->n_milestones / 2);
  MpDate last = base_day (o, o->n_milestones) + 30;
  GValue v = G_VALUE_INIT;
  g_autofree char *title = NULL;

  title = g_strdup_printf ("Generated plan with %u milestones", o->n_milestones);
  mp_plan_set_id (plan, "00000000-0000-4000-8000-000000000001");
  mp_plan_set_title (plan, title);
  mp_plan_set_customer (plan, "ACME Corp");
  mp_plan_set_vendor (plan, "Northwind Software");
  mp_plan_set_summary (plan, "A long plan made by the generator for tests and benchmarks.");
  mp_plan_set_start (plan, o->start);
  mp_plan_set_target (plan, last);
  mp_plan_set_buffer_days (plan, 10);
  mp_plan_set_timezone (plan, "Europe/Berlin");
  mp_plan_set_organizer (plan, "p-dana");

  for (guint p = 0; p < G_N_ELEMENTS (people); p++)
    {
      g_autoptr(MpParticipant) part = mp_participant_new ();

      mp_participant_set_id (part, people[p].id);
      mp_participant_set_name (part, people[p].name);
      mp_participant_set_email (part, people[p].email);
      mp_participant_set_organization (part, people[p].org);
      mp_participant_set_side (part, people[p].side);
      mp_participant_set_role (part, people[p].role);
      mp_participant_set_decision_maker (part, p == 3);
      g_list_store_append (mp_plan_get_participants (plan), part);
    }

  for (guint i = 0; i < o->n_milestones; i++)
    {
      g_autoptr(MpMilestone) m = mp_milestone_new ();
      g_autofree char *id = g_strdup_printf ("m-%u", i + 1);
      g_autofree char *mtitle = NULL;
      MpDate start = base_day (o, i) + (MpDate) g_rand_int_range (rand, 0, 4);
      guint length = (guint) g_rand_int_range (rand, 2, 26);
      gboolean point = g_rand_int_range (rand, 0, 100) < 20;
      MpDate due = start + length;
      MpParty party = (MpParty) g_rand_int_range (rand, 0, 3);
      int roll = g_rand_int_range (rand, 0, 100);
      MpStatus status;
      const char *depends[3] = { NULL, NULL, NULL };
      g_autofree char *dep1 = NULL;
      g_autofree char *dep2 = NULL;
      guint n_deps = 0;

      mtitle = g_strdup_printf ("%s %s",
                                actions[g_rand_int_range (rand, 0, G_N_ELEMENTS (actions))],
                                objects[g_rand_int_range (rand, 0, G_N_ELEMENTS (objects))]);
      if (due < today)
        status = roll < 85 ? MP_STATUS_DONE : roll < 95 ? MP_STATUS_PLANNED : MP_STATUS_DROPPED;
      else if (start <= today)
        status = roll < 80 ? MP_STATUS_IN_PROGRESS : MP_STATUS_BLOCKED;
      else
        status = roll < 92 ? MP_STATUS_PLANNED : roll < 96 ? MP_STATUS_BLOCKED : MP_STATUS_DROPPED;
      if (o->chain && status == MP_STATUS_DROPPED)
        status = MP_STATUS_PLANNED; /* a dropped link would cut the chain */

      mp_milestone_set_id (m, id);
      mp_milestone_set_title (m, mtitle);
      mp_milestone_set_responsible (m, party);
      mp_milestone_set_seller_owner (m, g_rand_boolean (rand) ? "p-dana" : "p-raj");
      mp_milestone_set_customer_owner (m, g_rand_boolean (rand) ? "p-lena" : "p-tom");
      mp_milestone_set_start (m, point ? MP_DATE_NONE : start);
      mp_milestone_set_due (m, due);
      if (point && g_rand_int_range (rand, 0, 100) < 50)
        {
          mp_milestone_set_time (m, 9 * 60 + 30 * g_rand_int_range (rand, 0, 16));
          mp_milestone_set_duration_minutes (m, 60);
        }
      mp_milestone_set_status (m, status);
      if (status == MP_STATUS_DONE)
        mp_milestone_set_completed_on (m, due);
      mp_milestone_set_commitment (m, g_rand_int_range (rand, 0, 100) < 30);

      /* Most milestones wait for the one before; some for one further up. */
      if (i > 0 && (g_rand_int_range (rand, 0, 100) < 70 || o->chain))
        depends[n_deps++] = dep1 = g_strdup_printf ("m-%u", i);
      if (i > 3 && g_rand_int_range (rand, 0, 100) < 20 && !o->chain)
        depends[n_deps++] = dep2 = g_strdup_printf ("m-%u", i - 3);
      mp_milestone_set_depends_on (m, depends);

      for (guint t = 0; t < o->tasks_per_milestone; t++)
        {
          g_autoptr(MpTask) task = mp_task_new ();
          g_autofree char *tid = g_strdup_printf ("t-%u-%u", i + 1, t + 1);
          MpDate tdue = (point ? due - 5 : start) + (MpDate) g_rand_int_range (rand, 0, (int) length + 1);

          mp_task_set_id (task, tid);
          mp_task_set_title (task, task_titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (task_titles))]);
          mp_task_set_owner (task, people[g_rand_int_range (rand, 0, G_N_ELEMENTS (people))].id);
          mp_task_set_due (task, MIN (tdue, due));
          mp_task_set_done (task, tdue < today && g_rand_int_range (rand, 0, 100) < 90);
          g_list_store_append (mp_milestone_get_tasks (m), task);
        }

      /* The baseline agreed earlier dates for some. */
      if (g_rand_int_range (rand, 0, 100) < 60)
        {
          MpDate slip = (MpDate) g_rand_int_range (rand, 0, 8);

          mp_date_map_add (dates, id, point ? MP_DATE_NONE : start - MIN (slip, start - 1),
                           due - MIN (slip, due - 1));
        }

      g_list_store_append (milestones, m);
    }

  /* A blackout every six weeks or so, for one side or both. */
  for (MpDate d = o->start + 20, k = 0; d < last; d += 35 + (MpDate) g_rand_int_range (rand, 0, 20), k++)
    {
      g_autoptr(MpBlackout) b = mp_blackout_new ();
      g_autofree char *bid = g_strdup_printf ("b-%u", k + 1);

      mp_blackout_set_id (b, bid);
      mp_blackout_set_title (b, blackout_titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (blackout_titles))]);
      mp_blackout_set_start (b, d);
      mp_blackout_set_end (b, d + (MpDate) g_rand_int_range (rand, 0, 6));
      mp_blackout_set_side (b, (MpParty) g_rand_int_range (rand, 0, 3));
      g_list_store_append (blackouts, b);
    }

  mp_baseline_set_name (baseline, "Agreed at kickoff");
  mp_baseline_set_at (baseline, "2027-01-04T16:00:00+01:00");
  g_value_init (&v, MP_TYPE_DATE_MAP);
  g_value_take_boxed (&v, dates);
  mp_record_set_value (MP_RECORD (baseline), MP_BASELINE_DATES, &v);
  g_value_unset (&v);
  g_list_store_append (mp_plan_get_baselines (plan), baseline);

  return g_steal_pointer (&plan);
}

MpPlan *
mp_plan_generator_generate_n (guint n_milestones)
{
  MpPlanGeneratorOptions o;

  mp_plan_generator_options_init (&o, n_milestones);
  return mp_plan_generator_generate (&o);
}
