/* test-scale.c: the indexes and the shared health that keep large plans
 * linear (issue 12): lookups by id stay right through every kind of
 * change, the shared health is the same object until the plan changes
 * and then the new truth, and a 20,000-long dependency chain gives its
 * whole critical chain. Nothing here is timed; tests/test-scale-cli.sh
 * runs the big files through the command line under a timeout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-baseline-compare.h"
#include "mp-health.h"
#include "mp-model.h"
#include "mp-plan-generator.h"
#include "mp-problem.h"
#include "mp-report.h"
#include "mp-schedule.h"

/* What the index must answer: the first milestone of the list with @id. */
static MpMilestone *
walk_find (MpPlan     *plan,
           const char *id)
{
  GListModel *ms = G_LIST_MODEL (mp_plan_get_milestones (plan));

  for (guint i = 0; i < g_list_model_get_n_items (ms); i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, i);

      if (g_strcmp0 (mp_milestone_get_id (m), id) == 0)
        return m;
    }
  return NULL;
}

static void
check_every_id (MpPlan *plan,
                guint   n_ids)
{
  for (guint k = 0; k <= n_ids + 2; k++)
    {
      g_autofree char *id = g_strdup_printf ("m-%u", k);

      g_assert_true (mp_plan_find_milestone (plan, id) == walk_find (plan, id));
    }
  g_assert_null (mp_plan_find_milestone (plan, NULL));
}

static MpMilestone *
milestone (const char *id)
{
  MpMilestone *m = mp_milestone_new ();

  mp_milestone_set_id (m, id);
  return m;
}

static void
test_find_milestone (void)
{
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (200);
  GListStore *ms = mp_plan_get_milestones (plan);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(MpMilestone) first = g_list_model_get_item (G_LIST_MODEL (ms), 0);

  check_every_id (plan, 200);

  /* Removed, inserted, moved: each change on its own, then lookups. */
  for (guint round = 0; round < 300; round++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (ms));
      guint pos = n > 0 ? (guint) g_rand_int_range (rand, 0, (gint32) n) : 0;
      int what = g_rand_int_range (rand, 0, 5);
      g_autofree char *id = g_strdup_printf ("m-%d", g_rand_int_range (rand, 1, 260));

      if (what == 0 && n > 0)
        g_list_store_remove (ms, pos);
      else if (what == 1)
        {
          g_autoptr(MpMilestone) m = milestone (id);  /* perhaps a duplicate id */
          g_list_store_insert (ms, MIN (pos, n), m);
        }
      else if (what == 2 && n > 0)
        {
          g_autoptr(MpMilestone) m = g_list_model_get_item (G_LIST_MODEL (ms), pos);
          mp_milestone_set_id (m, id);   /* an id changes in place */
        }
      else if (what == 3 && n > 2)
        {
          g_autoptr(MpMilestone) a = milestone (id);
          g_autoptr(MpMilestone) b = milestone ("m-250");
          gpointer both[] = { a, b };

          g_list_store_splice (ms, MIN (pos, n - 2), 2, both, 2);
        }
      else
        {
          /* A lookup between changes builds the index, so that the next
           * change is applied to it rather than to nothing. */
          g_assert_true (mp_plan_find_milestone (plan, id) == walk_find (plan, id));
        }
      check_every_id (plan, 260);
    }

  /* A milestone out of the plan is found no more, under any id. */
  g_list_store_remove_all (ms);
  check_every_id (plan, 260);
  mp_milestone_set_id (first, "m-1");
  g_assert_null (mp_plan_find_milestone (plan, "m-1"));
}

static void
test_find_participant (void)
{
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (10);
  GListStore *ps = mp_plan_get_participants (plan);
  g_autoptr(MpParticipant) p = mp_participant_new ();

  g_assert_nonnull (mp_plan_find_participant (plan, "p-dana"));
  g_assert_null (mp_plan_find_participant (plan, "p-new"));
  mp_participant_set_id (p, "p-new");
  g_list_store_append (ps, p);
  g_assert_true (mp_plan_find_participant (plan, "p-new") == p);
  mp_participant_set_id (p, "p-renamed");
  g_assert_null (mp_plan_find_participant (plan, "p-new"));
  g_assert_true (mp_plan_find_participant (plan, "p-renamed") == p);
  g_list_store_remove (ps, g_list_model_get_n_items (G_LIST_MODEL (ps)) - 1);
  g_assert_null (mp_plan_find_participant (plan, "p-renamed"));
}

static void
test_baseline_lookup (void)
{
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (300);
  g_autoptr(MpBaseline) b = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_baselines (plan)), 0);
  MpDateMap *map = mp_baseline_get_dates (b);

  for (guint k = 0; k < 305; k++)
    {
      g_autofree char *id = g_strdup_printf ("m-%u", k);

      g_assert_true (mp_baseline_lookup (b, id) == mp_date_map_lookup (map, id));
    }
  /* The map grows: the index follows. */
  mp_date_map_add (map, "m-new", 10, 20);
  g_assert_true (mp_baseline_lookup (b, "m-new") == mp_date_map_lookup (map, "m-new"));
  g_assert_nonnull (mp_baseline_lookup (b, "m-new"));
  g_assert_null (mp_baseline_lookup (b, NULL));
}

static void
assert_same_health (const MpMilestoneHealth *a,
                    const MpMilestoneHealth *b)
{
  g_assert_true (a->milestone == b->milestone);
  g_assert_cmpint (a->open, ==, b->open);
  g_assert_cmpint (a->overdue, ==, b->overdue);
  g_assert_cmpint (a->days_late, ==, b->days_late);
  g_assert_cmpint (a->slack, ==, b->slack);
  g_assert_cmpuint (a->risks, ==, b->risks);
  g_assert_cmpstrv (a->reasons, b->reasons);
  g_assert_cmpuint (a->tasks_done, ==, b->tasks_done);
  g_assert_cmpuint (a->tasks_total, ==, b->tasks_total);
  g_assert_cmpuint (a->baseline_due, ==, b->baseline_due);
  g_assert_cmpint (a->slip, ==, b->slip);
}

static void
test_shared_health (void)
{
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (400);
  g_autoptr(MpBaseline) baseline = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_baselines (plan)), 0);
  MpDate today = mp_date_from_ymd (2027, 6, 1);
  GListModel *ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  g_autoptr(MpPlanHealth) h1 = mp_plan_get_health (plan, today, baseline);
  g_autoptr(MpPlanHealth) h2 = mp_plan_get_health (plan, today, baseline);
  g_autoptr(MpPlanHealth) other_day = mp_plan_get_health (plan, today + 1, baseline);
  g_autoptr(MpPlanHealth) shortened = mp_plan_health_new (plan, today, baseline, 3);
  g_autoptr(MpPlanHealth) h3 = NULL;
  g_autoptr(MpMilestone) m = g_list_model_get_item (ms, 250);
  const MpMilestoneHealth *mh;

  /* Shared while nothing changes; per day and baseline. */
  g_assert_true (h1 == h2);
  g_assert_true (other_day != h1);
  g_assert_cmpuint (shortened->next_steps->len, ==, 3);
  g_assert_cmpuint (h1->next_steps->len, >, 3);
  g_assert_true (g_ptr_array_index (shortened->next_steps, 0) == g_ptr_array_index (h1->next_steps, 0));
  g_assert_true (shortened->problems == h1->problems);

  /* Every milestone's health as mp_milestone_health_new () has it. */
  for (guint i = 0; i < g_list_model_get_n_items (ms); i++)
    {
      g_autoptr(MpMilestone) x = g_list_model_get_item (ms, i);
      g_autoptr(MpMilestoneHealth) fresh = mp_milestone_health_new (plan, x, today, baseline);

      mh = mp_plan_health_lookup (h1, x);
      g_assert_nonnull (mh);
      assert_same_health (mh, fresh);
    }

  /* A change of one field: a new health that has it. */
  g_assert_false (mp_plan_health_lookup (h1, m)->overdue);
  mp_milestone_set_status (m, MP_STATUS_PLANNED);
  mp_milestone_set_due (m, today - 5);
  h3 = mp_plan_get_health (plan, today, baseline);
  g_assert_true (h3 != h1);
  mh = mp_plan_health_lookup (h3, m);
  g_assert_true (mh->overdue);
  g_assert_cmpint (mh->days_late, ==, 5);
  /* The old one is untouched and still usable by whoever holds it. */
  g_assert_false (mp_plan_health_lookup (h1, m)->overdue);

  /* A task added (a list change, no field): seen too. */
  {
    g_autoptr(MpTask) t = mp_task_new ();
    g_autoptr(MpPlanHealth) h4 = NULL;
    guint before = mp_plan_health_lookup (h3, m)->tasks_total;

    mp_task_set_id (t, "t-new");
    g_list_store_append (mp_milestone_get_tasks (m), t);
    h4 = mp_plan_get_health (plan, today, baseline);
    g_assert_true (h4 != h3);
    g_assert_cmpuint (mp_plan_health_lookup (h4, m)->tasks_total, ==, before + 1);
  }
}

/* The health of a chain as long as the plan, and the report and
 * problems on it: the answers, not the time (test-scale-cli.sh). */
static void
test_long_chain (void)
{
  MpPlanGeneratorOptions o;
  g_autoptr(MpPlan) plan = NULL;
  g_autoptr(MpPlanHealth) h = NULL;
  g_autoptr(GListStore) problems = NULL;
  g_autofree char *report = NULL;
  MpDate today = mp_date_from_ymd (2027, 6, 1);
  guint n_expected = 0;
  GListModel *ms;

  mp_plan_generator_options_init (&o, 20000);
  o.chain = TRUE;
  plan = mp_plan_generator_generate (&o);
  ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  h = mp_plan_get_health (plan, today, NULL);

  /* The chain ends at the latest milestone and walks back through every
   * one before it (m-K waits for m-K-1; none is dropped). */
  {
    MpMilestone *last = mp_plan_find_last_milestone (plan);
    guint64 k = 0;

    g_assert_true (g_ascii_string_to_unsigned (mp_milestone_get_id (last) + 2, 10, 1, 20000, &k, NULL));
    for (; k >= 1; k--)
      {
        g_autoptr(MpMilestone) m = g_list_model_get_item (ms, (guint) k - 1);

        if (mp_milestone_get_status (m) == MP_STATUS_DROPPED)
          break;
        n_expected++;
      }
  }
  g_assert_cmpuint (n_expected, >, 19900);
  g_assert_cmpuint (h->critical_chain->len, ==, n_expected);
  g_assert_true (g_ptr_array_index (h->critical_chain, h->critical_chain->len - 1) ==
                 mp_plan_find_last_milestone (plan));

  problems = mp_plan_check (plan, today);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (problems)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (h->problems)));
  report = mp_report_build (plan, today, MP_DATE_NONE, NULL, MP_REPORT_MARKDOWN);
  g_assert_nonnull (strstr (report, "## "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("MUTUALPLAN_TODAY", "2027-06-01", TRUE);
  g_test_add_func ("/scale/find-milestone", test_find_milestone);
  g_test_add_func ("/scale/find-participant", test_find_participant);
  g_test_add_func ("/scale/baseline-lookup", test_baseline_lookup);
  g_test_add_func ("/scale/shared-health", test_shared_health);
  g_test_add_func ("/scale/long-chain", test_long_chain);
  return g_test_run ();
}
