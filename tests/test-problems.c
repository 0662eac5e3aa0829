/* test-problems.c: the warnings of FORMAT.md, computed by the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "mp-model.h"
#include "mp-plan-io.h"
#include "mp-problem.h"

static MpPlan *
load (const char *json)
{
  g_autoptr(GError) error = NULL;
  MpPlan *plan = mp_plan_load_from_data (json, strlen (json), "t.mplan", &error);

  g_assert_no_error (error);
  return plan;
}

/* The kinds found, as a string of nicks in order: "overdue,no-owner". */
static char *
kinds (MpPlan *plan,
       MpDate  today)
{
  g_autoptr(GListStore) list = mp_plan_check (plan, today);
  g_autoptr(GEnumClass) klass = g_type_class_ref (MP_TYPE_PROBLEM_KIND);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(MpProblem) p = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_nonnull (mp_problem_get_message (p));
      g_assert_cmpstr (mp_problem_get_message (p), !=, "");
      g_string_append_printf (s, "%s%s", s->len ? "," : "",
                              g_enum_get_value (klass, mp_problem_get_kind (p))->value_nick);
    }
  return g_string_free (s, FALSE);
}

#define HEAD "{\"format\": \"mutualplan\", \"version\": 1, \"id\": \"x\", \"title\": \"T\", "
#define PEOPLE "\"participants\": [{\"id\": \"s\", \"name\": \"S\", \"side\": \"seller\", \"email\": \"s@x.example\"}, " \
               "{\"id\": \"c\", \"name\": \"C\", \"side\": \"customer\"}]"

typedef struct {
  const char *what;
  const char *json;
  const char *today;
  const char *expect;
} Case;

static const Case cases[] = {
  { "clean", HEAD PEOPLE ", \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"due\": \"2027-01-10\", \"seller_owner\": \"s\"}]}",
    "2027-01-01", "" },
  { "no customer", HEAD "\"participants\": []}", "2027-01-01", "no-customer" },
  { "overdue", HEAD PEOPLE ", \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"due\": \"2027-01-10\", \"seller_owner\": \"s\"}]}",
    "2027-01-11", "overdue" },
  { "done is not overdue", HEAD PEOPLE ", \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"due\": \"2027-01-10\", \"seller_owner\": \"s\", \"status\": \"done\"}]}",
    "2027-02-11", "" },
  { "dropped is ignored", HEAD PEOPLE ", \"target\": \"2027-01-01\", \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"due\": \"2027-01-10\", \"status\": \"dropped\"}]}",
    "2027-02-11", "" },
  { "no owner seller", HEAD PEOPLE ", \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"due\": \"2027-01-10\", \"customer_owner\": \"c\"}]}",
    "2027-01-01", "no-owner" },
  { "no owner both", HEAD PEOPLE ", \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"due\": \"2027-01-10\", \"responsible\": \"both\", \"seller_owner\": \"s\"}]}",
    "2027-01-01", "no-owner" },
  { "owner customer ok", HEAD PEOPLE ", \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"due\": \"2027-01-10\", \"responsible\": \"customer\", \"customer_owner\": \"c\"}]}",
    "2027-01-01", "" },
  { "after target", HEAD PEOPLE ", \"target\": \"2027-01-05\", \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"due\": \"2027-01-10\", \"seller_owner\": \"s\"}]}",
    "2027-01-01", "due-after-target" },
  { "buffer short", HEAD PEOPLE ", \"target\": \"2027-01-15\", \"buffer_days\": 7, \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"due\": \"2027-01-10\", \"seller_owner\": \"s\"}]}",
    "2027-01-01", "buffer-short" },
  { "buffer enough", HEAD PEOPLE ", \"target\": \"2027-01-17\", \"buffer_days\": 7, \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"due\": \"2027-01-10\", \"seller_owner\": \"s\"}]}",
    "2027-01-01", "" },
  { "blackout of side", HEAD PEOPLE ", \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"due\": \"2027-01-10\", \"seller_owner\": \"s\"}], "
    "\"blackouts\": [{\"id\": \"b\", \"title\": \"Trade fair\", \"start\": \"2027-01-09\", \"end\": \"2027-01-12\", \"side\": \"seller\"}]}",
    "2027-01-01", "due-in-blackout" },
  { "blackout of other side", HEAD PEOPLE ", \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"due\": \"2027-01-10\", \"seller_owner\": \"s\"}], "
    "\"blackouts\": [{\"id\": \"b\", \"title\": \"Freeze\", \"start\": \"2027-01-09\", \"end\": \"2027-01-12\", \"side\": \"customer\"}]}",
    "2027-01-01", "" },
  { "blackout of owner", HEAD PEOPLE ", \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"due\": \"2027-01-10\", \"seller_owner\": \"s\", \"customer_owner\": \"c\"}], "
    "\"blackouts\": [{\"id\": \"b\", \"title\": \"C away\", \"start\": \"2027-01-10\", \"end\": \"2027-01-10\", \"side\": \"customer\", \"participant\": \"c\"}]}",
    "2027-01-01", "due-in-blackout" },
  { "before dependency", HEAD PEOPLE ", \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"due\": \"2027-01-10\", \"seller_owner\": \"s\"}, "
    "{\"id\": \"b\", \"title\": \"B\", \"due\": \"2027-01-08\", \"seller_owner\": \"s\", \"depends_on\": [\"a\"]}]}",
    "2027-01-01", "due-before-dependency" },
  { "organizer missing", HEAD PEOPLE ", \"meetings\": [{\"id\": \"mt\", \"title\": \"Sync\", \"start\": \"2027-01-13T09:30\"}]}",
    "2027-01-01", "no-organizer-email" },
  { "organizer without email", HEAD PEOPLE ", \"organizer\": \"c\", \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"due\": \"2027-01-10\", \"seller_owner\": \"s\", \"invite\": [\"s\"]}]}",
    "2027-01-01", "no-organizer-email" },
  { "organizer with email", HEAD PEOPLE ", \"organizer\": \"s\", \"meetings\": [{\"id\": \"mt\", \"title\": \"Sync\", \"start\": \"2027-01-13T09:30\"}]}",
    "2027-01-01", "" },
};

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MpPlan) plan = load (cases[i].json);
      MpDate today;
      g_autofree char *found = NULL;

      g_assert_true (mp_date_parse (cases[i].today, &today));
      found = kinds (plan, today);
      g_test_message ("%s → %s", cases[i].what, found);
      g_assert_cmpstr (found, ==, cases[i].expect);
    }
}

static void
test_too_many (void)
{
  GString *json = g_string_new (HEAD PEOPLE ", \"milestones\": [");
  g_autoptr(MpPlan) plan = NULL;
  g_autofree char *found = NULL;

  for (int i = 0; i < 31; i++)
    g_string_append_printf (json, "%s{\"id\": \"m%d\", \"title\": \"M\", \"due\": \"2027-01-10\", \"seller_owner\": \"s\"}",
                            i ? ", " : "", i);
  g_string_append (json, "]}");
  plan = load (json->str);
  g_string_free (json, TRUE);
  found = kinds (plan, mp_date_from_ymd (2027, 1, 1));
  g_assert_cmpstr (found, ==, "too-many-milestones");
}

/* The path and the object of a problem point at what it concerns. */
static void
test_fixture_paths (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", "acme-rollout.mplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = mp_plan_load_from_file (file, NULL, &error);
  g_autoptr(GListStore) list = NULL;
  g_autoptr(MpProblem) p = NULL;

  g_assert_no_error (error);
  list = mp_plan_check (plan, mp_date_from_ymd (2027, 1, 15));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  p = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (mp_problem_get_kind (p), ==, MP_PROBLEM_DUE_IN_BLACKOUT);
  g_assert_cmpstr (mp_problem_get_path (p), ==, "milestones[5].due");
  g_assert_true (MP_IS_MILESTONE (mp_problem_get_record (p)));
  g_assert_cmpstr (mp_milestone_get_id (MP_MILESTONE (mp_problem_get_record (p))), ==, "m-commit");
  g_assert_nonnull (strstr (mp_problem_get_message (p), "ACME quarter-end freeze"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/problems/table", test_table);
  g_test_add_func ("/problems/too-many", test_too_many);
  g_test_add_func ("/problems/fixture-paths", test_fixture_paths);
  return g_test_run ();
}
