/* test-plan-io.c: loading, the rules of FORMAT.md, saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <json-glib/json-glib.h>

#include "mp-model.h"
#include "mp-plan-io.h"

static char *
data_path (const char *dir,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
}

static JsonNode *
parse_json (const char *data,
            gsize       len)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, data, len, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static MpPlan *
load_path (const char *path,
           GError    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return mp_plan_load_from_file (file, NULL, error);
}

/* Every valid fixture loads, and what we write is the same JSON tree. */
static void
test_valid_round_trip (void)
{
  const char *names[] = { "acme-rollout.mplan", "minimal.mplan", "mueller-maschinenbau.mplan",
                          "unknown-members.mplan" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = data_path ("valid", names[i]);
      g_autofree char *contents = NULL;
      gsize len;
      g_autoptr(GError) error = NULL;
      g_autoptr(MpPlan) plan = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GBytes) again = NULL;
      g_autoptr(JsonNode) before = NULL;
      g_autoptr(JsonNode) after = NULL;
      g_autoptr(MpPlan) reloaded = NULL;

      g_test_message ("fixture %s", names[i]);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      plan = mp_plan_load_from_data (contents, len, names[i], &error);
      g_assert_no_error (error);
      g_assert_nonnull (plan);

      bytes = mp_plan_to_bytes (plan);
      before = parse_json (contents, len);
      after = parse_json (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      if (!json_node_equal (before, after))
        {
          g_test_message ("written:\n%s", (const char *) g_bytes_get_data (bytes, NULL));
          g_test_fail ();
        }

      /* Stable: reading what we wrote and writing again gives the same bytes. */
      reloaded = mp_plan_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         names[i], &error);
      g_assert_no_error (error);
      again = mp_plan_to_bytes (reloaded);
      g_assert_true (g_bytes_equal (bytes, again));
    }
}

static void
test_values (void)
{
  g_autofree char *path = data_path ("valid", "acme-rollout.mplan");
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = load_path (path, &error);
  MpMilestone *demo, *old;
  MpParticipant *dana;
  MpBaseline *baseline;
  const MpDateMapEntry *e;
  MpReporting *rep;

  g_assert_no_error (error);
  g_assert_cmpstr (mp_plan_get_title (plan), ==, "ACME Corp: analytics platform rollout");
  g_assert_cmpstr (mp_plan_get_timezone (plan), ==, "America/Chicago");
  g_assert_cmpint (mp_plan_get_buffer_days (plan), ==, 10);
  g_assert_cmpuint (mp_plan_get_target (plan), ==, mp_date_from_ymd (2027, 4, 30));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_milestones (plan))), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_participants (plan))), ==, 5);

  demo = mp_plan_find_milestone (plan, "m-demo");
  g_assert_nonnull (demo);
  g_assert_cmpint (mp_milestone_get_time (demo), ==, 14 * 60);
  g_assert_cmpint (mp_milestone_get_duration_minutes (demo), ==, 90);
  g_assert_cmpint (mp_milestone_get_status (demo), ==, MP_STATUS_DONE);
  g_assert_cmpint (mp_milestone_get_responsible (demo), ==, MP_PARTY_SELLER);
  g_assert_cmpstr (mp_milestone_get_location (demo), ==, "ACME HQ, room 4.12");
  g_assert_cmpuint (mp_milestone_get_start (demo), ==, MP_DATE_NONE);
  g_assert_cmpstr (mp_milestone_get_depends_on (demo)[0], ==, "m-eval");
  g_assert_cmpint (mp_milestone_get_reminder_days (demo), ==, 1);
  g_assert_cmpint (mp_milestone_get_invited_sequence (demo), ==, -1);

  old = mp_plan_find_milestone (plan, "m-old");
  g_assert_cmpint (mp_milestone_get_status (old), ==, MP_STATUS_DROPPED);
  g_assert_cmpint (mp_milestone_get_sequence (old), ==, 2);
  g_assert_null (mp_milestone_get_customer_owner (old));

  dana = mp_plan_find_participant (plan, "p-dana");
  g_assert_cmpint (mp_participant_get_side (dana), ==, MP_SIDE_SELLER);
  g_assert_cmpstr (mp_participant_get_email (dana), ==, "dana.whitfield@northwind.example");

  baseline = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_baselines (plan)), 0);
  g_assert_cmpstr (mp_baseline_get_name (baseline), ==, "Agreed at kickoff");
  e = mp_date_map_lookup (mp_baseline_get_dates (baseline), "m-commit");
  g_assert_nonnull (e);
  g_assert_cmpuint (e->start, ==, MP_DATE_NONE);
  g_assert_cmpuint (e->due, ==, mp_date_from_ymd (2027, 3, 24));
  g_object_unref (baseline);

  rep = mp_plan_get_reporting (plan);
  g_assert_nonnull (rep);
  g_assert_cmpint (mp_reporting_get_every_weeks (rep), ==, 2);
  g_assert_cmpstr (mp_reporting_get_recipients (rep)[1], ==, "p-lena");
}

/* The unknown members are written where they were. */
static void
test_unknown_in_place (void)
{
  g_autofree char *path = data_path ("valid", "unknown-members.mplan");
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = load_path (path, &error);
  g_autoptr(GBytes) bytes = NULL;
  const char *text;
  const char *title, *crm, *participants, *future;

  g_assert_no_error (error);
  bytes = mp_plan_to_bytes (plan);
  text = g_bytes_get_data (bytes, NULL);
  title = strstr (text, "\"title\"");
  crm = strstr (text, "\"x_crm\"");
  participants = strstr (text, "\"participants\"");
  future = strstr (text, "\"future_section\"");
  g_assert_nonnull (crm);
  g_assert_true (title < crm && crm < participants && participants < future);
  g_assert_nonnull (strstr (text, "\"color\": \"#3584e4\""));
  g_assert_nonnull (strstr (text, "\"estimate_hours\": 2"));
  g_assert_nonnull (strstr (text, "\"pronouns\": \"she/her\""));
}

/* Unknown members inside a baseline's date entry survive too. */
static void
test_unknown_in_baseline_dates (void)
{
  const char *json = "{\"format\": \"mutualplan\", \"version\": 1, \"id\": \"x\", \"title\": \"T\", "
                     "\"milestones\": [{\"id\": \"m1\", \"title\": \"A\", \"due\": \"2027-01-10\"}], "
                     "\"baselines\": [{\"name\": \"v1\", \"dates\": {\"m1\": {\"due\": \"2027-01-09\", "
                     "\"time\": \"10:00\", \"why\": {\"by\": \"CFO\"}}}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = mp_plan_load_from_data (json, strlen (json), "t.mplan", &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) before = NULL, after = NULL;

  g_assert_no_error (error);
  bytes = mp_plan_to_bytes (plan);
  before = parse_json (json, strlen (json));
  after = parse_json (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_true (json_node_equal (before, after));
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "\"due\": \"2027-01-09\", \"time\": \"10:00\""));
}

static void
test_format_layout (void)
{
  g_autoptr(MpPlan) plan = mp_plan_new ();
  g_autoptr(MpMilestone) m = mp_milestone_new ();
  g_autoptr(GBytes) bytes = NULL;
  const char *text;
  gsize len;

  mp_plan_set_title (plan, "Layout");
  mp_milestone_set_title (m, "Demo \"live\"\nsecond line");
  mp_milestone_set_due (m, mp_date_from_ymd (2027, 3, 31));
  mp_milestone_set_status (m, MP_STATUS_IN_PROGRESS);
  g_list_store_append (mp_plan_get_milestones (plan), m);
  bytes = mp_plan_to_bytes (plan);
  text = g_bytes_get_data (bytes, &len);

  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"mutualplan\",\n  \"version\": 1,\n  \"id\": \""));
  g_assert_cmpint (text[len - 1], ==, '\n');
  g_assert_cmpint (text[len - 2], ==, '}');
  g_assert_nonnull (strstr (text, "\"status\": \"in_progress\""));
  g_assert_nonnull (strstr (text, "\"due\": \"2027-03-31\""));
  g_assert_nonnull (strstr (text, "\"title\": \"Demo \\\"live\\\"\\nsecond line\""));
  g_assert_nonnull (strstr (text, "\n    {\n      \"id\": \"m-"));
  /* Members in FORMAT.md order. */
  g_assert_true (strstr (text, "\"responsible\"") < strstr (text, "\"due\""));
  g_assert_true (strstr (text, "\"due\"") < strstr (text, "\"status\""));
  g_assert_true (strstr (text, "\"status\"") < strstr (text, "\"tasks\""));
  /* What we write loads. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(MpPlan) back = mp_plan_load_from_data (text, len, "new.mplan", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (mp_milestone_get_title (mp_plan_find_milestone (back, mp_milestone_get_id (m))), ==,
                     "Demo \"live\"\nsecond line");
  }
}

/* Each broken fixture fails, and its message holds the expected path. */
static void
test_invalid_fixtures (void)
{
  g_autofree char *tsv_path = data_path ("invalid", "EXPECTED.tsv");
  g_autofree char *tsv = NULL;
  g_auto(GStrv) lines = NULL;
  guint checked = 0;

  g_assert_true (g_file_get_contents (tsv_path, &tsv, NULL, NULL));
  lines = g_strsplit (tsv, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) cols = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(MpPlan) plan = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      cols = g_strsplit (lines[i], "\t", 2);
      g_assert_cmpuint (g_strv_length (cols), ==, 2);
      path = data_path ("invalid", cols[0]);
      plan = load_path (path, &error);
      g_test_message ("%s → %s", cols[0], error ? error->message : "(loaded)");
      g_assert_null (plan);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, cols[0]));
      if (strstr (error->message, cols[1]) == NULL)
        g_error ("%s: “%s” lacks “%s”", cols[0], error->message, cols[1]);
      checked++;
    }
  g_assert_cmpuint (checked, ==, 23);
}

/* Our own broken files, one per rule: file content → error text. */
typedef struct {
  const char *what;
  const char *json;
  const char *expect; /* the message must contain this */
} Case;

#define HEAD "{\"format\": \"mutualplan\", \"version\": 1, \"id\": \"x\", \"title\": \"T\""
#define PEOPLE "\"participants\": [{\"id\": \"s\", \"name\": \"S\", \"side\": \"seller\"}, " \
               "{\"id\": \"c\", \"name\": \"C\", \"side\": \"customer\"}]"
#define MS(extra) "\"milestones\": [{\"id\": \"m1\", \"title\": \"A\", \"due\": \"2027-01-10\"" extra "}]"

static const Case cases[] = {
  { "empty", "", "the file is empty" },
  { "blank", "  \n ", "the file is empty" },
  { "not json", "hello", "line 1, column 1: an unexpected word" },
  { "missing comma", "{\n\"a\": 1\n\"b\": 2}", "line 3, column 1: expected ',' or '}'" },
  { "trailing comma", "{\"a\": [1,]}", "line 1, column 10: expected a value" },
  { "unterminated", "{\"a\": \"x", "line 1, column 7: a string that is never closed" },
  { "trailing data", "{} {}", "more data after" },
  { "deep", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "nesting deeper" },
  { "invalid utf8", "{\"title\": \"\xff\"}", "line 1, column 12: not valid UTF-8" },
  { "top string", "\"plan\"", "must be a JSON object, not a string" },
  { "no format", "{\"version\": 1}", "format: missing" },
  { "wrong format", "{\"format\": \"gantt\", \"version\": 1}", "format: \"gantt\" is not \"mutualplan\"" },
  { "no version", "{\"format\": \"mutualplan\"}", "version: missing" },
  { "version float", "{\"format\": \"mutualplan\", \"version\": 1.5}", "version: must be an integer, not 1.5" },
  { "version 0", "{\"format\": \"mutualplan\", \"version\": 0}", "version: 0 is not a format version" },
  { "newer", "{\"format\": \"mutualplan\", \"version\": 7}", "version: written by a newer MutualPlan (format 7); this one reads format 1" },
  { "no id", "{\"format\": \"mutualplan\", \"version\": 1, \"title\": \"T\"}", "id: missing (required)" },
  { "empty title", "{\"format\": \"mutualplan\", \"version\": 1, \"id\": \"x\", \"title\": \"\"}", "title: must not be empty" },
  { "title number", "{\"format\": \"mutualplan\", \"version\": 1, \"id\": \"x\", \"title\": 3}", "title: must be a string, not an integer" },
  { "title null", "{\"format\": \"mutualplan\", \"version\": 1, \"id\": \"x\", \"title\": null}", "title: must not be null" },
  { "customer array", HEAD ", \"customer\": []}", "customer: must be a string, not an array" },
  { "bad start", HEAD ", \"start\": \"2027-13-01\"}", "start: \"2027-13-01\" is not a valid date" },
  { "bad target", HEAD ", \"target\": \"27-01-01\"}", "target: \"27-01-01\" is not a valid date" },
  { "leap day", HEAD ", \"target\": \"2027-02-29\"}", "target: \"2027-02-29\" is not a valid date" },
  { "buffer huge", HEAD ", \"buffer_days\": 99999999999}", "buffer_days: 99999999999 is out of range" },
  { "buffer string", HEAD ", \"buffer_days\": \"5\"}", "buffer_days: must be an integer, not \"5\"" },
  { "timezone offset", HEAD ", \"timezone\": \"+01:00\"}", "timezone: \"+01:00\" is not a known time zone" },
  { "timezone path", HEAD ", \"timezone\": \"/etc/passwd\"}", "timezone: \"/etc/passwd\" is not a known time zone" },
  { "organizer unknown", HEAD ", " PEOPLE ", \"organizer\": \"z\"}", "organizer: \"z\" is not the id of any participant" },
  { "participants object", HEAD ", \"participants\": {}}", "participants: must be an array, not an object" },
  { "participant string", HEAD ", \"participants\": [\"Sam\"]}", "participants[0]: must be an object, not a string" },
  { "participant no side", HEAD ", \"participants\": [{\"id\": \"s\", \"name\": \"S\"}]}", "participants[0].side: missing (required)" },
  { "participant no name", HEAD ", \"participants\": [{\"id\": \"s\", \"side\": \"seller\"}]}", "participants[0].name: missing (required)" },
  { "participant dup", HEAD ", \"participants\": [{\"id\": \"s\", \"name\": \"S\", \"side\": \"seller\"}, {\"id\": \"s\", \"name\": \"T\", \"side\": \"seller\"}]}", "participants[1].id: the id \"s\" is used twice" },
  { "decision maker string", HEAD ", \"participants\": [{\"id\": \"s\", \"name\": \"S\", \"side\": \"seller\", \"decision_maker\": \"yes\"}]}", "participants[0].decision_maker: must be true or false" },
  { "goal status", HEAD ", \"goals\": [{\"id\": \"g\", \"title\": \"G\", \"status\": \"won\"}]}", "goals[0].status: \"won\" is not allowed; use one of \"open\", \"achieved\", \"dropped\"" },
  { "goal milestone", HEAD ", \"goals\": [{\"id\": \"g\", \"title\": \"G\", \"milestones\": [\"m9\"]}]}", "goals[0].milestones[0]: \"m9\" is not the id of any milestone" },
  { "goal dup", HEAD ", \"goals\": [{\"id\": \"g\", \"title\": \"G\"}, {\"id\": \"g\", \"title\": \"H\"}]}", "goals[1].id: the id \"g\" is used twice" },
  { "ms no id", HEAD ", \"milestones\": [{\"title\": \"A\", \"due\": \"2027-01-10\"}]}", "milestones[0].id: missing (required)" },
  { "ms empty id", HEAD ", \"milestones\": [{\"id\": \"\", \"title\": \"A\", \"due\": \"2027-01-10\"}]}", "milestones[0].id: must not be empty" },
  { "ms responsible", HEAD ", " MS (", \"responsible\": \"vendor\"") "}", "milestones[0].responsible: \"vendor\" is not allowed; use one of \"seller\", \"customer\", \"both\"" },
  { "ms time 24", HEAD ", " MS (", \"time\": \"24:00\"") "}", "milestones[0].time: \"24:00\" is not a valid time" },
  { "ms time number", HEAD ", " MS (", \"time\": 900") "}", "milestones[0].time: must be a time (HH:MM) or null, not an integer" },
  { "ms duration 0", HEAD ", " MS (", \"duration_minutes\": 0") "}", "milestones[0].duration_minutes: 0 is out of range" },
  { "ms completed", HEAD ", " MS (", \"completed_on\": \"yesterday\"") "}", "milestones[0].completed_on: \"yesterday\" is not a valid date" },
  { "ms commitment", HEAD ", " MS (", \"commitment\": 1") "}", "milestones[0].commitment: must be true or false, not an integer" },
  { "ms reminder", HEAD ", " MS (", \"reminder_days\": -1") "}", "milestones[0].reminder_days: -1 is out of range" },
  { "ms sequence", HEAD ", " MS (", \"sequence\": -2") "}", "milestones[0].sequence: -2 is out of range" },
  { "ms invited seq", HEAD ", " MS (", \"invited_sequence\": 1.0") "}", "milestones[0].invited_sequence: must be an integer" },
  { "ms depends self", HEAD ", " MS (", \"depends_on\": [\"m1\"]") "}", "milestones[0].depends_on: dependency cycle m1 → m1" },
  { "ms depends unknown", HEAD ", " MS (", \"depends_on\": [\"m2\"]") "}", "milestones[0].depends_on[0]: \"m2\" is not the id of any milestone" },
  { "ms depends number", HEAD ", " MS (", \"depends_on\": [2]") "}", "milestones[0].depends_on[0]: must be an id (a string), not an integer" },
  { "ms invite unknown", HEAD ", " PEOPLE ", " MS (", \"invite\": [\"s\", \"q\"]") "}", "milestones[0].invite[1]: \"q\" is not the id of any participant" },
  { "ms owner wrong side", HEAD ", " PEOPLE ", " MS (", \"seller_owner\": \"c\"") "}", "milestones[0].seller_owner: \"c\" is on the customer side; the seller owner must be a seller participant" },
  { "ms start after due", HEAD ", " MS (", \"start\": \"2027-01-11\"") "}", "milestones[0]: start 2027-01-11 is after due 2027-01-10" },
  { "task no id", HEAD ", " MS (", \"tasks\": [{\"title\": \"x\"}]") "}", "milestones[0].tasks[0].id: missing (required)" },
  { "task owner", HEAD ", " MS (", \"tasks\": [{\"id\": \"t\", \"title\": \"x\", \"owner\": \"nobody\"}]") "}", "milestones[0].tasks[0].owner: \"nobody\" is not the id of any participant" },
  { "task due", HEAD ", " MS (", \"tasks\": [{\"id\": \"t\", \"title\": \"x\", \"due\": \"2027-1-1\"}]") "}", "milestones[0].tasks[0].due: \"2027-1-1\" is not a valid date" },
  { "task done", HEAD ", " MS (", \"tasks\": [{\"id\": \"t\", \"title\": \"x\", \"done\": null}]") "}", NULL },
  { "task dup across", HEAD ", \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"due\": \"2027-01-10\", \"tasks\": [{\"id\": \"t\", \"title\": \"x\"}]}, {\"id\": \"b\", \"title\": \"B\", \"due\": \"2027-01-10\", \"tasks\": [{\"id\": \"t\", \"title\": \"y\"}]}]}", "milestones[1].tasks[0].id: the id \"t\" is used twice" },
  { "blackout order", HEAD ", \"blackouts\": [{\"id\": \"b\", \"title\": \"B\", \"start\": \"2027-01-10\", \"end\": \"2027-01-09\"}]}", "blackouts[0]: start 2027-01-10 is after end 2027-01-09" },
  { "blackout side", HEAD ", \"blackouts\": [{\"id\": \"b\", \"start\": \"2027-01-10\", \"end\": \"2027-01-10\", \"side\": \"everyone\"}]}", "blackouts[0].side: \"everyone\" is not allowed" },
  { "blackout participant", HEAD ", \"blackouts\": [{\"id\": \"b\", \"start\": \"2027-01-10\", \"end\": \"2027-01-10\", \"participant\": \"ghost\"}]}", "blackouts[0].participant: \"ghost\" is not the id of any participant" },
  { "blackout no end", HEAD ", \"blackouts\": [{\"id\": \"b\", \"start\": \"2027-01-10\"}]}", "blackouts[0].end: missing (required)" },
  { "meeting start", HEAD ", \"meetings\": [{\"id\": \"mt\", \"title\": \"Sync\", \"start\": \"2027-01-13 09:30\"}]}", "meetings[0].start: \"2027-01-13 09:30\" is not a valid local date and time" },
  { "meeting every", HEAD ", \"meetings\": [{\"id\": \"mt\", \"title\": \"Sync\", \"start\": \"2027-01-13T09:30\", \"every_weeks\": -1}]}", "meetings[0].every_weeks: -1 is out of range" },
  { "meeting until", HEAD ", \"meetings\": [{\"id\": \"mt\", \"title\": \"Sync\", \"start\": \"2027-01-13T09:30\", \"until\": \"never\"}]}", "meetings[0].until: \"never\" is not a valid date" },
  { "meeting attendee", HEAD ", \"meetings\": [{\"id\": \"mt\", \"title\": \"Sync\", \"start\": \"2027-01-13T09:30\", \"attendees\": [\"x\"]}]}", "meetings[0].attendees[0]: \"x\" is not the id of any participant" },
  { "reporting every", HEAD ", \"reporting\": {\"every_weeks\": 0}}", "reporting.every_weeks: 0 is out of range" },
  { "reporting recipients", HEAD ", \"reporting\": {\"every_weeks\": 2, \"recipients\": [\"x\"]}}", "reporting.recipients[0]: \"x\" is not the id of any participant" },
  { "reporting array", HEAD ", \"reporting\": []}", "reporting: must be an object, not an array" },
  { "baseline id", HEAD ", " MS ("") ", \"baselines\": [{\"name\": \"v1\", \"at\": \"2027-01-01T10:00:00+01:00\", \"dates\": {\"m9\": {\"start\": null, \"due\": \"2027-01-10\"}}}]}", "baselines[0].dates.m9: \"m9\" is not the id of any milestone" },
  { "baseline due", HEAD ", " MS ("") ", \"baselines\": [{\"name\": \"v1\", \"dates\": {\"m1\": {\"due\": \"soon\"}}}]}", "baselines[0].dates.m1.due: \"soon\" is not a valid date" },
  { "baseline at", HEAD ", \"baselines\": [{\"name\": \"v1\", \"at\": \"2027-01-01T10:00:00\"}]}", "baselines[0].at: \"2027-01-01T10:00:00\" is not a valid date and time" },
  { "history at", HEAD ", \"history\": [{\"at\": \"2027-01-01\", \"text\": \"x\"}]}", "history[0].at: \"2027-01-01\" is not a valid date and time" },
  { "history text", HEAD ", \"history\": [{\"at\": \"2027-01-01T10:00:00Z\"}]}", "history[0].text: missing (required)" },
  { "long cycle", HEAD ", \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"due\": \"2027-01-10\", \"depends_on\": [\"b\"]}, {\"id\": \"b\", \"title\": \"B\", \"due\": \"2027-01-10\", \"depends_on\": [\"c\"]}, {\"id\": \"c\", \"title\": \"C\", \"due\": \"2027-01-10\", \"depends_on\": [\"a\"]}]}", "dependency cycle a → b → c → a" },
  { "ok: unknown and nulls", HEAD ", \"customer\": null, \"reporting\": {\"every_weeks\": 1, \"x\": 1}, " MS (", \"time\": null, \"start\": null, \"reminder_days\": null, \"foo\": {\"bar\": [1, 2.5, true, null]}") "}", NULL },
};

static void
test_rules_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MpPlan) plan = NULL;

      plan = mp_plan_load_from_data (cases[i].json, strlen (cases[i].json), "t.mplan", &error);
      g_test_message ("%s → %s", cases[i].what, error ? error->message : "(loaded)");
      if (cases[i].expect == NULL)
        {
          g_assert_no_error (error);
          g_assert_nonnull (plan);
          continue;
        }
      g_assert_null (plan);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "t.mplan: "));
      if (strstr (error->message, cases[i].expect) == NULL)
        g_error ("case “%s”: “%s” lacks “%s”", cases[i].what, error->message, cases[i].expect);
    }
}

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("mp-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
test_save_atomic_backup (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.mplan", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MpPlan) plan = mp_plan_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *second = NULL, *saved_backup = NULL;

  mp_plan_set_title (plan, "First");
  g_assert_true (mp_plan_save_to_file (plan, file, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));

  mp_plan_set_title (plan, "Second");
  g_assert_true (mp_plan_save_to_file (plan, file, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &second, NULL, NULL));
  g_assert_true (g_file_get_contents (backup, &saved_backup, NULL, NULL));
  g_assert_cmpstr (saved_backup, ==, first);
  g_assert_nonnull (strstr (second, "\"Second\""));

  g_remove (backup);
  g_remove (path);
  g_rmdir (dir);
}

/* A failed save leaves the old file byte for byte. */
static void
test_save_failures (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *sub = g_build_filename (dir, "folder.mplan", NULL);
  g_autofree char *ro = g_build_filename (dir, "ro", NULL);
  g_autofree char *ro_file = g_build_filename (ro, "plan.mplan", NULL);
  g_autoptr(MpPlan) plan = mp_plan_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;

  mp_plan_set_title (plan, "Plan");

  /* The target is a directory. */
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  {
    g_autoptr(GFile) file = g_file_new_for_path (sub);
    g_assert_false (mp_plan_save_to_file (plan, file, TRUE, NULL, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "previous version of the file is unchanged"));
    g_assert_true (g_file_test (sub, G_FILE_TEST_IS_DIR));
    g_clear_error (&error);
  }

  /* A read-only directory (skipped as root, who may write anywhere). */
  g_assert_cmpint (g_mkdir (ro, 0700), ==, 0);
  {
    g_autoptr(GFile) file = g_file_new_for_path (ro_file);

    g_assert_true (mp_plan_save_to_file (plan, file, FALSE, NULL, &error));
    g_assert_true (g_file_get_contents (ro_file, &before, NULL, NULL));
    g_setenv ("MP_TEST_RO_FILE", ro_file, TRUE);
    g_chmod (ro, 0500);
    if (access (ro, W_OK) != 0)
      {
        mp_plan_set_title (plan, "Changed");
        g_assert_false (mp_plan_save_to_file (plan, file, TRUE, NULL, &error));
        g_assert_nonnull (error);
        g_clear_error (&error);
        g_assert_true (g_file_get_contents (ro_file, &after, NULL, NULL));
        g_assert_cmpstr (before, ==, after);
      }
    else
      {
        /* Root may write anywhere: try as an unprivileged user instead. */
        g_chmod (dir, 0755);
        g_chmod (ro, 0755);
        g_test_trap_subprocess ("/plan-io/save-unprivileged", 0, G_TEST_SUBPROCESS_DEFAULT);
        g_test_trap_assert_passed ();
        g_assert_true (g_file_get_contents (ro_file, &after, NULL, NULL));
        g_assert_cmpstr (before, ==, after);
      }
    g_chmod (ro, 0700);
  }

  g_remove (ro_file);
  g_rmdir (ro);
  g_rmdir (sub);
  g_rmdir (dir);
}

/* Run in a child by test_save_failures when the tests run as root. */
static void
test_save_unprivileged (void)
{
  const char *path = g_getenv ("MP_TEST_RO_FILE");
  g_autoptr(GFile) file = NULL;
  g_autoptr(MpPlan) plan = mp_plan_new ();
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    {
      g_test_skip ("only run from /plan-io/save-failures");
      return;
    }
  g_assert_nonnull (path);
  g_assert_cmpint (setgid (65534), ==, 0);
  g_assert_cmpint (setuid (65534), ==, 0);
  file = g_file_new_for_path (path);
  mp_plan_set_title (plan, "Changed");
  g_assert_false (mp_plan_save_to_file (plan, file, TRUE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "previous version of the file is unchanged"));
}

/* A failed load changes no file. */
static void
test_failed_load_changes_nothing (void)
{
  g_autofree char *path = data_path ("invalid", "dependency-cycle.mplan");
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = NULL;
  GStatBuf st1, st2;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_cmpint (g_stat (path, &st1), ==, 0);
  plan = load_path (path, &error);
  g_assert_null (plan);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpint (g_stat (path, &st2), ==, 0);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (st1.st_mtime, ==, st2.st_mtime);
}

static void
test_load_io_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = load_path ("/nonexistent/plan.mplan", &error);

  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "plan.mplan: "));
  g_clear_error (&error);

  plan = load_path ("/tmp", &error);
  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
}

static void
test_new_ids (void)
{
  g_autoptr(MpMilestone) a = mp_milestone_new ();
  g_autoptr(MpMilestone) b = mp_milestone_new ();
  g_autoptr(MpPlan) p = mp_plan_new ();

  g_assert_true (g_str_has_prefix (mp_milestone_get_id (a), "m-"));
  g_assert_cmpstr (mp_milestone_get_id (a), !=, mp_milestone_get_id (b));
  g_assert_true (g_uuid_string_is_valid (mp_plan_get_id (p)));
  g_assert_true (mp_timezone_is_valid (mp_plan_get_timezone (p)));
}

static void
on_notify (GObject    *obj,
           GParamSpec *pspec,
           gpointer    data)
{
  (*(int *) data)++;
}

/* Properties notify on real changes only. */
static void
test_notify (void)
{
  g_autoptr(MpMilestone) m = mp_milestone_new ();
  int count = 0;

  g_signal_connect (m, "notify::due", G_CALLBACK (on_notify), &count);
  mp_milestone_set_due (m, 100);
  mp_milestone_set_due (m, 100);
  g_assert_cmpint (count, ==, 1);
  g_object_set (m, "due", 101, NULL);
  g_assert_cmpint (count, ==, 2);
  g_object_set (m, "title", "x", NULL);
  g_assert_cmpint (count, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-io/valid-round-trip", test_valid_round_trip);
  g_test_add_func ("/plan-io/values", test_values);
  g_test_add_func ("/plan-io/unknown-in-place", test_unknown_in_place);
  g_test_add_func ("/plan-io/format-layout", test_format_layout);
  g_test_add_func ("/plan-io/unknown-in-baseline-dates", test_unknown_in_baseline_dates);
  g_test_add_func ("/plan-io/invalid-fixtures", test_invalid_fixtures);
  g_test_add_func ("/plan-io/rules", test_rules_table);
  g_test_add_func ("/plan-io/save-atomic-backup", test_save_atomic_backup);
  g_test_add_func ("/plan-io/save-failures", test_save_failures);
  g_test_add_func ("/plan-io/save-unprivileged", test_save_unprivileged);
  g_test_add_func ("/plan-io/failed-load-changes-nothing", test_failed_load_changes_nothing);
  g_test_add_func ("/plan-io/load-io-errors", test_load_io_errors);
  g_test_add_func ("/model/new-ids", test_new_ids);
  g_test_add_func ("/model/notify", test_notify);

  return g_test_run ();
}
