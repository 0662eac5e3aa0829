/* test-ical.c: iCalendar export, invitations, mails and the mail program
 *
 * Every export is parsed back with libical (no X-LIC-ERROR) and its values
 * are asserted; the same files go through python3-icalendar and ical.js
 * when they are installed (ical-check.py, ical-check.mjs).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libical/ical.h>
#include <string.h>

#include "mp-document.h"
#include "mp-ical.h"
#include "mp-itip.h"
#include "mp-mail.h"
#include "mp-model.h"
#include "mp-plan-io.h"

/* Marking sent goes through the document (one undo step). */
static guint
mark_sent (MpPlan    *plan,
           GPtrArray *invitations)
{
  g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);
  guint n = mp_ical_mark_sent (doc, invitations);

  g_assert_true (mp_document_can_undo (doc));
  return n;
}

static GDateTime *fixed_now;

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

static MpPlan *
load_json (const char *json)
{
  g_autoptr(GError) error = NULL;
  MpPlan *plan = mp_plan_load_from_data (json, strlen (json), "test.mplan", &error);

  g_assert_no_error (error);
  return plan;
}

static void
options_init (MpIcalOptions *opt)
{
  mp_ical_options_init (opt);
  opt->now = fixed_now;
}

/* ---- checks on the bytes ------------------------------------------- */

static guint
count_x_lic_error (icalcomponent *c)
{
  guint n = icalcomponent_count_properties (c, ICAL_XLICERROR_PROPERTY);

  for (icalcomponent *k = icalcomponent_get_first_component (c, ICAL_ANY_COMPONENT); k;
       k = icalcomponent_get_next_component (c, ICAL_ANY_COMPONENT))
    n += count_x_lic_error (k);
  return n;
}

/* RFC 5545 §3.1 and ICS.md rules 1–3: CRLF everywhere, the last line too;
 * no line over 75 octets; a fold never splits a character; no BOM. */
static void
assert_wellformed_bytes (const char *text)
{
  const char *p = text;

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_false (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  while (*p)
    {
      const char *eol = strstr (p, "\r\n");
      gsize len;

      g_assert_nonnull (eol);
      len = eol - p;
      g_assert_null (memchr (p, '\n', len));
      g_assert_null (memchr (p, '\r', len));
      if (len > 75)
        g_error ("line longer than 75 octets: %.*s", (int) len, p);
      /* Each physical line on its own is valid UTF-8. */
      g_assert_true (g_utf8_validate (p, len, NULL));
      p = eol + 2;
    }
}

static icalcomponent *
parse_checked (const char *text)
{
  icalcomponent *cal;

  assert_wellformed_bytes (text);
  cal = icalparser_parse_string (text);
  g_assert_nonnull (cal);
  g_assert_cmpint (icalcomponent_isa (cal), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpuint (count_x_lic_error (cal), ==, 0);
  g_assert_cmpint (icalcomponent_count_properties (cal, ICAL_VERSION_PROPERTY), ==, 1);
  g_assert_cmpint (icalcomponent_count_properties (cal, ICAL_PRODID_PROPERTY), ==, 1);
  return cal;
}

static icalcomponent *
find_event (icalcomponent *cal,
            const char    *uid_prefix)
{
  for (icalcomponent *ev = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT))
    if (g_str_has_prefix (icalcomponent_get_uid (ev), uid_prefix))
      return ev;
  g_error ("no event %s", uid_prefix);
  return NULL;
}

static const char *
tzid_of (icalproperty *prop)
{
  icalparameter *p = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);

  return p ? icalparameter_get_tzid (p) : "";
}

/* What libical reads, in the shape ical-check.py/.mjs print. */
static char *
time_string (icalproperty *prop)
{
  struct icaltimetype t;

  if (prop == NULL)
    return NULL;
  t = icalvalue_get_datetime (icalproperty_get_value (prop));
  if (t.is_date)
    return g_strdup_printf ("%04d%02d%02d", t.year, t.month, t.day);
  return g_strdup_printf ("%04d%02d%02dT%02d%02d%02d%s", t.year, t.month, t.day, t.hour, t.minute,
                          t.second, icaltime_is_utc (t) ? "Z" : "");
}

static JsonObject *
libical_event_json (icalcomponent *cal,
                    icalcomponent *ev)
{
  JsonObject *o = json_object_new ();
  JsonArray *att = json_array_new ();
  icalproperty *p;
  g_autofree char *start = NULL, *end = NULL;
  struct icalrecurrencetype r;

  p = icalcomponent_get_first_property (cal, ICAL_METHOD_PROPERTY);
  json_object_set_string_member (o, "method", p ? icalproperty_method_to_string (icalproperty_get_method (p)) : "");
  json_object_set_string_member (o, "uid", icalcomponent_get_uid (ev));
  json_object_set_string_member (o, "summary", icalcomponent_get_summary (ev) ? icalcomponent_get_summary (ev) : "");
  json_object_set_string_member (o, "description", icalcomponent_get_description (ev) ? icalcomponent_get_description (ev) : "");
  json_object_set_string_member (o, "location", icalcomponent_get_location (ev) ? icalcomponent_get_location (ev) : "");
  p = icalcomponent_get_first_property (ev, ICAL_DTSTART_PROPERTY);
  start = time_string (p);
  json_object_set_string_member (o, "start", start);
  json_object_set_string_member (o, "tzid", tzid_of (p));
  end = time_string (icalcomponent_get_first_property (ev, ICAL_DTEND_PROPERTY));
  json_object_set_string_member (o, "end", end);
  json_object_set_int_member (o, "sequence", icalcomponent_get_sequence (ev));
  p = icalcomponent_get_first_property (ev, ICAL_RRULE_PROPERTY);
  if (p)
    r = icalproperty_get_rrule (p);
  json_object_set_int_member (o, "interval", p ? r.interval : 0);
  for (p = icalcomponent_get_first_property (ev, ICAL_ATTENDEE_PROPERTY); p;
       p = icalcomponent_get_next_property (ev, ICAL_ATTENDEE_PROPERTY))
    {
      icalparameter *cn = icalproperty_get_first_parameter (p, ICAL_CN_PARAMETER);
      json_array_add_string_element (att, cn ? icalparameter_get_cn (cn) : "");
    }
  json_object_set_array_member (o, "attendees", att);
  json_object_set_int_member (o, "alarms", icalcomponent_count_components (ev, ICAL_VALARM_COMPONENT));
  return o;
}

/* Runs an outside parser (exit 77 = not installed) on @path and compares
 * every event with what libical reads. */
static void
cross_check (const char * const *argv,
             const char         *path,
             icalcomponent      *cal)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  for (guint i = 0; argv[i]; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, (gpointer) path);
  g_ptr_array_add (args, NULL);
  proc = g_subprocess_newv ((const char * const *) args->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_exit_status (proc) != 0)
    g_error ("%s failed on %s: %s", argv[1], path, err);

  lines = g_strsplit (out, "\n", -1);
  for (icalcomponent *ev = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT), n++)
    {
      g_autoptr(JsonObject) mine = libical_event_json (cal, ev);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *theirs;
      const char *keys[] = { "method", "uid", "summary", "description", "location", "start", "end", "tzid" };
      const char *ints[] = { "sequence", "interval", "alarms" };
      JsonArray *a, *b;

      g_assert_nonnull (lines[n]);
      json_parser_load_from_data (parser, lines[n], -1, &error);
      g_assert_no_error (error);
      theirs = json_node_get_object (json_parser_get_root (parser));
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          const char *x = json_object_get_string_member (mine, keys[k]);
          const char *y = json_object_get_null_member (theirs, keys[k]) ? NULL
                          : json_object_get_string_member (theirs, keys[k]);
          if (g_strcmp0 (x, y) != 0)
            g_error ("%s: %s: %s: libical \"%s\", %s \"%s\"", path, json_object_get_string_member (mine, "uid"),
                     keys[k], x, argv[1], y);
        }
      for (guint k = 0; k < G_N_ELEMENTS (ints); k++)
        g_assert_cmpint (json_object_get_int_member (mine, ints[k]), ==,
                         json_object_get_int_member (theirs, ints[k]));
      a = json_object_get_array_member (mine, "attendees");
      b = json_object_get_array_member (theirs, "attendees");
      g_assert_cmpuint (json_array_get_length (a), ==, json_array_get_length (b));
      for (guint k = 0; k < json_array_get_length (a); k++)
        g_assert_cmpstr (json_array_get_string_element (a, k), ==, json_array_get_string_element (b, k));
    }
  g_assert_true (lines[n] == NULL || *lines[n] == '\0');
}

static gboolean
python_ok (void)
{
  static int ok = -1;

  if (ok < 0)
    {
      const char *argv[] = { "/usr/bin/python3", "-c", "import icalendar", NULL };
      int status = 1;

      ok = g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE) &&
           g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                         &status, NULL) && status == 0;
    }
  return ok;
}

static char *
icaljs_dir (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "node_modules", "ical.js", NULL);
  g_autofree char *node = g_find_program_in_path ("node");

  return node != NULL && g_file_test (dir, G_FILE_TEST_IS_DIR) ? g_steal_pointer (&node) : NULL;
}

/* Writes @text to a temporary file and checks it with both outside parsers. */
static void
cross_check_all (const char    *text,
                 icalcomponent *cal)
{
  g_autofree char *path = NULL;
  g_autofree char *node = icaljs_dir ();
  int fd = g_file_open_tmp ("mp-ical-XXXXXX.ics", &path, NULL);

  g_assert_cmpint (fd, >=, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_close (fd, NULL);
  if (python_ok ())
    {
      g_autofree char *script = g_test_build_filename (G_TEST_DIST, "ical-check.py", NULL);
      const char *argv[] = { "/usr/bin/python3", script, NULL };
      cross_check (argv, path, cal);
    }
  if (node != NULL)
    {
      g_autofree char *script = g_test_build_filename (G_TEST_DIST, "ical-check.mjs", NULL);
      const char *argv[] = { node, script, NULL };
      cross_check (argv, path, cal);
    }
  g_unlink (path);
}

/* ---- the calendar file --------------------------------------------- */

static void
test_export_fixtures (void)
{
  const char *names[] = { "acme-rollout.mplan", "mueller-maschinenbau.mplan", "unknown-members.mplan", "minimal.mplan" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(MpPlan) plan = load_fixture (names[i]);
      g_autoptr(GError) error = NULL;
      MpIcalOptions opt;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      icalcomponent *ca, *cb;
      guint expected;
      g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);
      icalcomponent *ea, *eb;

      g_test_message ("fixture %s", names[i]);
      options_init (&opt);
      expected = g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_milestones (plan))) +
                 g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_meetings (plan)));
      a = mp_ical_export_plan (plan, &opt, &error);
      if (expected == 0)
        {
          g_assert_error (error, MP_ERROR, MP_ERROR_NOTHING);
          g_assert_null (a);
          continue;
        }
      g_assert_no_error (error);
      /* A second export, another moment: the same UIDs. */
      opt.now = NULL;
      b = mp_ical_export_plan (plan, NULL, &error);
      g_assert_no_error (error);
      ca = parse_checked (a);
      cb = parse_checked (b);
      g_assert_cmpint (icalcomponent_count_components (ca, ICAL_VEVENT_COMPONENT), ==, expected);
      g_assert_cmpint (icalcomponent_count_components (ca, ICAL_VCALENDAR_COMPONENT), ==, 0);
      g_assert_null (strstr (a, "ATTENDEE"));
      g_assert_null (strstr (a, "X-LIC-ERROR"));
      g_assert_null (strstr (a, "freeassociation"));
      for (ea = icalcomponent_get_first_component (ca, ICAL_VEVENT_COMPONENT),
           eb = icalcomponent_get_first_component (cb, ICAL_VEVENT_COMPONENT);
           ea != NULL;
           ea = icalcomponent_get_next_component (ca, ICAL_VEVENT_COMPONENT),
           eb = icalcomponent_get_next_component (cb, ICAL_VEVENT_COMPONENT))
        {
          icalproperty *stamp = icalcomponent_get_first_property (ea, ICAL_DTSTAMP_PROPERTY);

          g_assert_nonnull (eb);
          g_assert_cmpstr (icalcomponent_get_uid (ea), ==, icalcomponent_get_uid (eb));
          g_assert_false (g_hash_table_contains (uids, icalcomponent_get_uid (ea)));
          g_hash_table_add (uids, (gpointer) icalcomponent_get_uid (ea));
          g_assert_cmpint (icalcomponent_count_properties (ea, ICAL_DTSTAMP_PROPERTY), ==, 1);
          g_assert_true (icaltime_is_utc (icalproperty_get_dtstamp (stamp)));
          /* DTEND, never with DURATION. */
          g_assert_cmpint (icalcomponent_count_properties (ea, ICAL_DTEND_PROPERTY), ==, 1);
          g_assert_cmpint (icalcomponent_count_properties (ea, ICAL_DURATION_PROPERTY), ==, 0);
        }
      cross_check_all (a, ca);
      icalcomponent_free (ca);
      icalcomponent_free (cb);
    }
}

static void
test_export_acme_values (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(GError) error = NULL;
  MpIcalOptions opt;
  g_autofree char *text = NULL;
  g_autofree char *uid = NULL;
  icalcomponent *cal, *ev, *vtz, *alarm;
  icalproperty *p;
  struct icaltimetype t;
  struct icalrecurrencetype r;
  struct icaltriggertype trig;

  options_init (&opt);
  text = mp_ical_export_plan (plan, &opt, &error);
  g_assert_no_error (error);
  cal = parse_checked (text);

  g_assert_nonnull (strstr (text, "\r\nMETHOD:PUBLISH\r\n"));
  g_assert_nonnull (strstr (text, "\r\nNAME:ACME Corp: analytics platform rollout\r\n"));

  /* One VTIMEZONE with the plain IANA name, cut short (no 19th century). */
  g_assert_cmpint (icalcomponent_count_components (cal, ICAL_VTIMEZONE_COMPONENT), ==, 1);
  vtz = icalcomponent_get_first_component (cal, ICAL_VTIMEZONE_COMPONENT);
  g_assert_cmpstr (icalproperty_get_tzid (icalcomponent_get_first_property (vtz, ICAL_TZID_PROPERTY)), ==,
                   "America/Chicago");
  g_assert_null (strstr (text, "DTSTART:18"));
  g_assert_null (strstr (text, "DTSTART:19"));

  /* All-day: VALUE=DATE, the exclusive end the next day, transparent. */
  ev = find_event (cal, "milestone-m-eval.");
  uid = mp_ical_milestone_uid (plan, mp_plan_find_milestone (plan, "m-eval"));
  g_assert_cmpstr (icalcomponent_get_uid (ev), ==, uid);
  g_assert_cmpstr (uid, ==, "milestone-m-eval.5f0e8a3c-71d2-4b6e-a1f4-2c9d7e6b8a10@mutualplan");
  g_assert_nonnull (strstr (text, "\r\nDTSTART;VALUE=DATE:20270122\r\nDTEND;VALUE=DATE:20270123\r\n"));
  t = icalcomponent_get_dtstart (ev);
  g_assert_true (t.is_date);
  g_assert_cmpint (t.year * 10000 + t.month * 100 + t.day, ==, 20270122);
  t = icalcomponent_get_dtend (ev);
  g_assert_cmpint (t.year * 10000 + t.month * 100 + t.day, ==, 20270123);
  g_assert_cmpint (icalcomponent_get_sequence (ev), ==, 1);
  g_assert_cmpint (icalcomponent_get_status (ev), ==, ICAL_STATUS_CONFIRMED);
  g_assert_cmpint (icalproperty_get_transp (icalcomponent_get_first_property (ev, ICAL_TRANSP_PROPERTY)), ==,
                   ICAL_TRANSP_TRANSPARENT);
  g_assert_nonnull (strstr (icalcomponent_get_description (ev), "Working period: 11 Jan 2027 – 22 Jan 2027"));
  g_assert_nonnull (strstr (icalcomponent_get_description (ev), "Both (Seller: Raj Patel; Customer: Lena Ortiz)"));
  g_assert_nonnull (strstr (icalcomponent_get_description (ev), "Done tasks:\n- Send requirements questionnaire"));
  /* ORGANIZER as mailto: with CN. */
  p = icalcomponent_get_first_property (ev, ICAL_ORGANIZER_PROPERTY);
  g_assert_cmpstr (icalproperty_get_organizer (p), ==, "mailto:dana.whitfield@northwind.example");
  g_assert_cmpstr (icalparameter_get_cn (icalproperty_get_first_parameter (p, ICAL_CN_PARAMETER)), ==, "Dana Whitfield");
  /* The alarm: 2 days before, DISPLAY with a text. */
  alarm = icalcomponent_get_first_component (ev, ICAL_VALARM_COMPONENT);
  g_assert_nonnull (alarm);
  trig = icalproperty_get_trigger (icalcomponent_get_first_property (alarm, ICAL_TRIGGER_PROPERTY));
  g_assert_true (trig.duration.is_neg);
  g_assert_cmpint (icaldurationtype_as_int (trig.duration), ==, -2 * 86400);
  g_assert_nonnull (strstr (text, "\r\nTRIGGER:-P2D\r\n"));
  g_assert_cmpint (icalproperty_get_action (icalcomponent_get_first_property (alarm, ICAL_ACTION_PROPERTY)), ==,
                   ICAL_ACTION_DISPLAY);
  g_assert_nonnull (icalcomponent_get_first_property (alarm, ICAL_DESCRIPTION_PROPERTY));

  /* Open tasks and their owners. */
  ev = find_event (cal, "milestone-m-security.");
  g_assert_nonnull (strstr (icalcomponent_get_description (ev), "Open tasks:\n- Pen-test report review (Lena Ortiz, due 24 Feb 2027)"));
  g_assert_cmpint (icalcomponent_get_status (ev), ==, ICAL_STATUS_TENTATIVE);
  g_assert_null (icalcomponent_get_first_component (ev, ICAL_VALARM_COMPONENT));

  /* Timed: TZID=America/Chicago, 14:00–15:30 local, location. */
  ev = find_event (cal, "milestone-m-demo.");
  g_assert_nonnull (strstr (text, "\r\nDTSTART;TZID=America/Chicago:20270203T140000\r\n"));
  g_assert_nonnull (strstr (text, "\r\nDTEND;TZID=America/Chicago:20270203T153000\r\n"));
  p = icalcomponent_get_first_property (ev, ICAL_DTSTART_PROPERTY);
  g_assert_cmpstr (tzid_of (p), ==, "America/Chicago");
  g_assert_cmpstr (icalcomponent_get_location (ev), ==, "ACME HQ, room 4.12");
  g_assert_nonnull (strstr (text, "LOCATION:ACME HQ\\, room 4.12\r\n"));
  {
    /* Resolved through our VTIMEZONE: 14:00 CST is 20:00 UTC. */
    icaltimezone *zone = icalcomponent_get_timezone (cal, "America/Chicago");
    struct icaltimetype s = icalcomponent_get_dtstart (ev);

    g_assert_nonnull (zone);
    s.zone = zone;
    s = icaltime_convert_to_zone (s, icaltimezone_get_utc_timezone ());
    g_assert_cmpint (s.hour, ==, 20);
  }
  g_assert_nonnull (strstr (text, "CATEGORIES:Milestone\r\n"));

  /* Dropped: STATUS:CANCELLED, no alarm; left out with include_dropped. */
  ev = find_event (cal, "milestone-m-old.");
  g_assert_cmpint (icalcomponent_get_status (ev), ==, ICAL_STATUS_CANCELLED);
  g_assert_cmpint (icalcomponent_get_sequence (ev), ==, 2);

  /* The meeting: weekly, UNTIL in UTC = end of 28 Apr 2027 in Chicago. */
  ev = find_event (cal, "meeting-mt-1.");
  r = icalproperty_get_rrule (icalcomponent_get_first_property (ev, ICAL_RRULE_PROPERTY));
  g_assert_cmpint (r.freq, ==, ICAL_WEEKLY_RECURRENCE);
  g_assert_cmpint (r.interval, ==, 1);
  g_assert_cmpint (r.count, ==, 0);
  g_assert_true (icaltime_is_utc (r.until));
  g_assert_nonnull (strstr (text, "UNTIL=20270429T045959Z"));
  g_assert_nonnull (strstr (text, "\r\nDTSTART;TZID=America/Chicago:20270113T093000\r\n"));
  g_assert_nonnull (strstr (text, "\r\nDTEND;TZID=America/Chicago:20270113T100000\r\n"));
  g_assert_cmpstr (icalcomponent_get_location (ev), ==, "Video call");

  icalcomponent_free (cal);
}

static void
test_export_options (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(GError) error = NULL;
  MpIcalOptions opt;
  char *text;
  icalcomponent *cal;

  /* Sue owns m-legal only and attends no meeting. */
  options_init (&opt);
  opt.for_participant = "p-sue";
  text = mp_ical_export_plan (plan, &opt, &error);
  g_assert_no_error (error);
  cal = parse_checked (text);
  g_assert_cmpint (icalcomponent_count_components (cal, ICAL_VEVENT_COMPONENT), ==, 1);
  find_event (cal, "milestone-m-legal.");
  icalcomponent_free (cal);
  g_free (text);

  /* By email, any case: Tom owns m-commit and m-sign. */
  opt.for_participant = "Tom.Becker@ACME.example";
  text = mp_ical_export_plan (plan, &opt, &error);
  g_assert_no_error (error);
  cal = parse_checked (text);
  g_assert_cmpint (icalcomponent_count_components (cal, ICAL_VEVENT_COMPONENT), ==, 2);
  icalcomponent_free (cal);
  g_free (text);

  /* Dana: owns m-legal, m-commit, m-sign, m-old; attends the meeting. */
  opt.for_participant = "p-dana";
  opt.include_dropped = FALSE;
  opt.include_meetings = FALSE;
  text = mp_ical_export_plan (plan, &opt, &error);
  g_assert_no_error (error);
  cal = parse_checked (text);
  g_assert_cmpint (icalcomponent_count_components (cal, ICAL_VEVENT_COMPONENT), ==, 3);
  g_assert_null (strstr (text, "m-old"));
  g_assert_null (strstr (text, "mt-1"));
  icalcomponent_free (cal);
  g_free (text);

  opt.for_participant = "nobody@example.org";
  text = mp_ical_export_plan (plan, &opt, &error);
  g_assert_error (error, MP_ERROR, MP_ERROR_INVALID);
  g_assert_null (text);
  g_clear_error (&error);

  /* Sue with no dropped and no meetings still has m-legal; Lena's only
   * event left out by the filters is nothing to export. */
  opt.for_participant = "p-sue";
  mp_milestone_set_status (mp_plan_find_milestone (plan, "m-legal"), MP_STATUS_DROPPED);
  text = mp_ical_export_plan (plan, &opt, &error);
  g_assert_error (error, MP_ERROR, MP_ERROR_NOTHING);
  g_assert_null (text);
}

/* No organizer with an email: a plain calendar, no METHOD, no ORGANIZER;
 * a plan in UTC writes UTC times and no VTIMEZONE. */
static void
test_export_plain_utc (void)
{
  g_autoptr(MpPlan) plan = load_json (
    "{\"format\":\"mutualplan\",\"version\":1,\"id\":\"p1\",\"title\":\"UTC plan\","
    "\"participants\":[{\"id\":\"a\",\"name\":\"Ana\",\"side\":\"seller\"}],\"organizer\":\"a\","
    "\"milestones\":[{\"id\":\"m1\",\"title\":\"Call\",\"due\":\"2027-05-03\",\"time\":\"23:30\",\"duration_minutes\":45}],"
    "\"meetings\":[{\"id\":\"x\",\"title\":\"Sync\",\"start\":\"2027-05-04T08:00\",\"every_weeks\":2,\"until\":\"2027-06-01\"}]}");
  g_autoptr(GError) error = NULL;
  MpIcalOptions opt;
  g_autofree char *text = NULL;
  icalcomponent *cal, *ev;
  struct icalrecurrencetype r;

  options_init (&opt);
  text = mp_ical_export_plan (plan, &opt, &error);
  g_assert_no_error (error);
  cal = parse_checked (text);
  g_assert_null (strstr (text, "METHOD"));
  g_assert_null (strstr (text, "ORGANIZER"));
  g_assert_null (strstr (text, "VTIMEZONE"));
  g_assert_null (strstr (text, "TZID"));
  g_assert_nonnull (strstr (text, "\r\nDTSTART:20270503T233000Z\r\nDTEND:20270504T001500Z\r\n"));
  ev = find_event (cal, "meeting-x.");
  r = icalproperty_get_rrule (icalcomponent_get_first_property (ev, ICAL_RRULE_PROPERTY));
  g_assert_cmpint (r.interval, ==, 2);
  g_assert_nonnull (strstr (text, "RRULE:FREQ=WEEKLY;UNTIL=20270601T235959Z;INTERVAL=2\r\n"));
  cross_check_all (text, cal);
  icalcomponent_free (cal);
}


/* GMT: libical maps it to its UTC zone, which has no VTIMEZONE; it
 * writes UTC times, and every validator reads the calendar and the
 * invitations (the Etc zones have a VTIMEZONE of their own). A time in
 * the spring-forward gap (02:30, which does not exist) is written as the
 * instant RFC 5545 gives it, 03:30 summer time, in UTC: libical alone
 * would read a TZID 02:30 as 01:30. */
static void
test_export_gmt_and_gap (void)
{
  const char *zones[] = { "GMT", "Etc/UTC", "Zulu", "Etc/GMT", "Europe/London" };

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"format\":\"mutualplan\",\"version\":1,\"id\":\"p1\",\"title\":\"GMT plan\",\"timezone\":\"%s\","
        "\"participants\":[{\"id\":\"a\",\"name\":\"Ana\",\"email\":\"ana@example.org\",\"side\":\"seller\"},"
        "{\"id\":\"b\",\"name\":\"Ben\",\"email\":\"ben@example.org\",\"side\":\"customer\"}],\"organizer\":\"a\","
        "\"milestones\":[{\"id\":\"m1\",\"title\":\"Call\",\"due\":\"2027-05-03\",\"time\":\"23:30\",\"customer_owner\":\"b\"}],"
        "\"meetings\":[{\"id\":\"x\",\"title\":\"Sync\",\"start\":\"2027-05-04T08:00\",\"every_weeks\":2,\"until\":\"2027-06-01\",\"attendees\":[\"a\",\"b\"]}]}",
        zones[z]);
      g_autoptr(MpPlan) plan = load_json (json);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) invitations = NULL;
      g_autofree char *text = NULL;
      MpIcalOptions opt;
      icalcomponent *cal;

      g_test_message ("zone %s", zones[z]);
      options_init (&opt);
      text = mp_ical_export_plan (plan, &opt, &error);
      g_assert_no_error (error);
      /* GMT has no VTIMEZONE in libical: UTC times. The Etc zones have
       * one: a TZID only with its VTIMEZONE. */
      if (z == 0)
        {
          g_assert_null (strstr (text, "TZID"));
          g_assert_nonnull (strstr (text, "\r\nDTSTART:20270503T233000Z\r\n"));
        }
      else
        g_assert_true (strstr (text, "TZID") == NULL || strstr (text, "BEGIN:VTIMEZONE") != NULL);
      cal = parse_checked (text);
      cross_check_all (text, cal);
      icalcomponent_free (cal);
      invitations = mp_ical_build_invitations (plan, &opt, NULL, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < invitations->len; i++)
        {
          MpInvitation *inv = g_ptr_array_index (invitations, i);

          g_assert_true (z > 0 ? strstr (inv->ics, "TZID") == NULL || strstr (inv->ics, "BEGIN:VTIMEZONE") != NULL
                               : strstr (inv->ics, "TZID") == NULL);
          cal = parse_checked (inv->ics);
          cross_check_all (inv->ics, cal);
          icalcomponent_free (cal);
        }
    }

  {
    g_autoptr(MpPlan) plan = load_json (
      "{\"format\":\"mutualplan\",\"version\":1,\"id\":\"p1\",\"title\":\"Gap\",\"timezone\":\"Europe/Berlin\","
      "\"participants\":[{\"id\":\"a\",\"name\":\"Ana\",\"email\":\"ana@example.org\",\"side\":\"seller\"},"
      "{\"id\":\"b\",\"name\":\"Ben\",\"email\":\"ben@example.org\",\"side\":\"customer\"}],\"organizer\":\"a\","
      "\"milestones\":[{\"id\":\"m1\",\"title\":\"Night\",\"due\":\"2027-03-28\",\"time\":\"02:30\",\"customer_owner\":\"b\"}]}");
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) invitations = NULL;
    g_auto(GStrv) warnings = NULL;
    MpIcalOptions opt;
    MpInvitation *inv;
    icalcomponent *cal, *ev;
    struct icaltimetype start;

    options_init (&opt);
    invitations = mp_ical_build_invitations (plan, &opt, &warnings, &error);
    g_assert_no_error (error);
    inv = g_ptr_array_index (invitations, 0);
    /* 02:30 does not exist: the time after the jump, 03:30 CEST, in UTC. */
    g_assert_nonnull (strstr (inv->ics, "\r\nDTSTART:20270328T013000Z\r\n"));
    g_assert_nonnull (strstr (inv->ics, "\r\nDTEND;TZID=Europe/Berlin:20270328T043000\r\n"));
    g_assert_nonnull (warnings);
    g_assert_nonnull (strstr (warnings[0], "“Night” is at 02:30 on 28 Mar 2027"));
    g_assert_nonnull (strstr (warnings[0], "03:30"));
    cal = parse_checked (inv->ics);
    ev = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT);
    start = icalcomponent_get_dtstart (ev);
    /* Every reader, libical too, gets the instant RFC 5545 gives: 01:30 UTC. */
    g_assert_true (icaltime_is_utc (start));
    g_assert_cmpint ((gint64) icaltime_as_timet (start), ==, (gint64) 1806197400);
    cross_check_all (inv->ics, cal);
    icalcomponent_free (cal);
  }
}

/* Escaping, umlauts, emoji and folding; hostile titles and names. */
static void
test_hostile (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(GError) error = NULL;
  GString *long_title = g_string_new (NULL);
  g_autofree char *long_name = NULL;
  const char *titles[] = {
    "Comma, semicolon; backslash \\ done",
    "Line one\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected",
    "CRLF\r\nEND:VCALENDAR",
    "Quotes \"double\" and 'single', caret ^ and colon: here",
    "Grüße aus Köln – Übergabe 😀🎉 日本語テキスト",
    NULL, /* the long one */
  };
  const char *expected[G_N_ELEMENTS (titles)];
  GListModel *ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  MpParticipant *lena = mp_plan_find_participant (plan, "p-lena");
  MpIcalOptions opt;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) invitations = NULL;
  icalcomponent *cal;

  for (guint i = 0; i < 30; i++)
    g_string_append (long_title, "Ää😀ß x,;\\ ");  /* 300 characters */
  g_assert_cmpint (g_utf8_strlen (long_title->str, -1), ==, 300);
  titles[5] = long_title->str;
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, i);

      mp_milestone_set_title (m, titles[i]);
      expected[i] = titles[i];
    }
  /* SUMMARY is one line: line breaks become spaces (calcurse drops an
   * event whose SUMMARY holds one). */
  expected[1] = "Line one END:VEVENT BEGIN:VEVENT SUMMARY:injected";
  expected[2] = "CRLF END:VCALENDAR";
  /* Spaces at the ends are trimmed (libical's parser would drop them). */
  expected[5] = g_strstrip (g_strdup (long_title->str));
  mp_milestone_set_location (mp_plan_find_milestone (plan, "m-demo"), "Room \"4\"; floor 2, \\ left\nEND:VEVENT");
  long_name = g_strnfill (300, 'n');
  mp_participant_set_name (lena, "Lena \"The Champion\" Ortiz^, Head; of: BI\nEND:VEVENT");

  options_init (&opt);
  text = mp_ical_export_plan (plan, &opt, &error);
  g_assert_no_error (error);
  cal = parse_checked (text);
  g_assert_cmpint (icalcomponent_count_components (cal, ICAL_VEVENT_COMPONENT), ==, 10);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, i);
      g_autofree char *uid = mp_ical_milestone_uid (plan, m);
      icalcomponent *ev = find_event (cal, uid);

      g_assert_cmpstr (icalcomponent_get_summary (ev), ==, expected[i]);
    }
  g_assert_cmpstr (icalcomponent_get_location (find_event (cal, "milestone-m-demo.")), ==,
                   "Room \"4\"; floor 2, \\ left END:VEVENT");
  g_assert_nonnull (strstr (text, "SUMMARY:Comma\\, semicolon\\; backslash \\\\ done\r\n"));
  g_assert_nonnull (strstr (text, "SUMMARY:Line one END:VEVENT BEGIN:VEVENT SUMMARY:injected\r\n"));
  g_assert_null (strstr (text, "\\:"));
  /* Exactly one real BEGIN:VEVENT line per event. */
  {
    guint n = 0;
    for (const char *p = text; (p = strstr (p, "\r\nBEGIN:VEVENT\r\n")) != NULL; p++)
      n++;
    g_assert_cmpuint (n, ==, 10);
  }
  cross_check_all (text, cal);
  icalcomponent_free (cal);
  g_free (g_steal_pointer (&text));

  /* The same hostile name as an attendee: CN loses '"', '^' and the line
   * break, is quoted, and the invitation parses clean. */
  mp_participant_set_name (mp_plan_find_participant (plan, "p-tom"), long_name);
  invitations = mp_ical_build_invitations (plan, &opt, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < invitations->len; i++)
    {
      MpInvitation *inv = g_ptr_array_index (invitations, i);
      icalcomponent *ev;

      cal = parse_checked (inv->ics);
      g_assert_cmpint (icalcomponent_count_components (cal, ICAL_VEVENT_COMPONENT), ==, 1);
      ev = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT);
      for (icalproperty *p = icalcomponent_get_first_property (ev, ICAL_ATTENDEE_PROPERTY); p;
           p = icalcomponent_get_next_property (ev, ICAL_ATTENDEE_PROPERTY))
        {
          const char *cn = icalparameter_get_cn (icalproperty_get_first_parameter (p, ICAL_CN_PARAMETER));

          if (g_str_equal (icalproperty_get_attendee (p), "mailto:lena.ortiz@acme.example"))
            g_assert_cmpstr (cn, ==, "Lena The Champion Ortiz, Head; of: BI END:VEVENT");
          if (g_str_equal (icalproperty_get_attendee (p), "mailto:tom.becker@acme.example"))
            g_assert_cmpstr (cn, ==, long_name);
        }
      g_assert_cmpstr (icalcomponent_get_summary (ev), ==, inv->summary);
      if (g_str_equal (inv->event_id, "m-security"))
        g_assert_cmpstr (inv->summary, ==, "CRLF END:VCALENDAR");
      cross_check_all (inv->ics, cal);
      icalcomponent_free (cal);
    }
  g_string_free (long_title, TRUE);
  g_free ((char *) expected[5]);
}

/* Folding by octets: a long German/emoji description never splits a
 * character (assert_wellformed_bytes checks each physical line). */
static void
test_folding_utf8 (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("mueller-maschinenbau.mplan");
  g_autoptr(GError) error = NULL;
  MpIcalOptions opt;
  g_autofree char *text = NULL;
  icalcomponent *cal;
  GString *desc = g_string_new (NULL);

  for (guint shift = 0; shift < 4; shift++)
    {
      g_string_truncate (desc, 0);
      g_string_append_len (desc, "xxx", shift);
      for (guint i = 0; i < 40; i++)
        g_string_append (desc, "Ü😀ß");
      mp_milestone_set_description (mp_plan_find_milestone (plan, "m-pilot"), desc->str);
      options_init (&opt);
      g_free (text);
      text = mp_ical_export_plan (plan, &opt, &error);
      g_assert_no_error (error);
      cal = parse_checked (text);
      g_assert_nonnull (strstr (icalcomponent_get_description (find_event (cal, "milestone-m-pilot.")), desc->str));
      g_assert_cmpstr (icalcomponent_get_summary (find_event (cal, "milestone-m-zusage.")), ==, "Zusage der Geschäftsführung");
      g_assert_nonnull (strstr (text, "TZID=Europe/Berlin:20271112T153000"));
      icalcomponent_free (cal);
    }
  g_string_free (desc, TRUE);
}

/* ---- invitations --------------------------------------------------- */

static MpInvitation *
find_invitation (GPtrArray  *invitations,
                 const char *id)
{
  for (guint i = 0; i < invitations->len; i++)
    {
      MpInvitation *inv = g_ptr_array_index (invitations, i);
      if (g_str_equal (inv->event_id, id))
        return inv;
    }
  return NULL;
}

static void
test_invitations (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) invitations = NULL;
  g_auto(GStrv) warnings = NULL;
  MpIcalOptions opt;
  MpInvitation *inv;
  icalcomponent *cal, *ev;
  guint n = 0;

  options_init (&opt);
  invitations = mp_ical_build_invitations (plan, &opt, &warnings, &error);
  g_assert_no_error (error);
  g_assert_null (warnings);
  /* 8 live milestones + 1 meeting; m-old was never invited: no cancel. */
  g_assert_cmpuint (invitations->len, ==, 9);
  g_assert_null (find_invitation (invitations, "m-old"));

  /* m-commit: invite = Dana (organizer: not an attendee), Tom, Lena. */
  inv = find_invitation (invitations, "m-commit");
  g_assert_cmpstr (inv->basename, ==, "m-commit");
  g_assert_false (inv->is_cancel);
  g_assert_cmpuint (g_strv_length (inv->attendee_emails), ==, 2);
  cal = parse_checked (inv->ics);
  g_assert_nonnull (strstr (inv->ics, "\r\nMETHOD:REQUEST\r\n"));
  g_assert_cmpint (icalcomponent_count_components (cal, ICAL_VEVENT_COMPONENT), ==, 1);
  g_assert_cmpint (icalcomponent_count_components (cal, ICAL_VTIMEZONE_COMPONENT), ==, 1);
  ev = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT);
  g_assert_cmpstr (icalcomponent_get_uid (ev), ==, "milestone-m-commit.5f0e8a3c-71d2-4b6e-a1f4-2c9d7e6b8a10@mutualplan");
  g_assert_cmpstr (icalproperty_get_organizer (icalcomponent_get_first_property (ev, ICAL_ORGANIZER_PROPERTY)), ==,
                   "mailto:dana.whitfield@northwind.example");
  for (icalproperty *p = icalcomponent_get_first_property (ev, ICAL_ATTENDEE_PROPERTY); p;
       p = icalcomponent_get_next_property (ev, ICAL_ATTENDEE_PROPERTY), n++)
    {
      const char *emails[] = { "mailto:tom.becker@acme.example", "mailto:lena.ortiz@acme.example" };
      const char *names[] = { "Tom Becker", "Lena Ortiz" };

      g_assert_cmpuint (n, <, 2);
      g_assert_cmpstr (icalproperty_get_attendee (p), ==, emails[n]);
      g_assert_cmpstr (icalparameter_get_cn (icalproperty_get_first_parameter (p, ICAL_CN_PARAMETER)), ==, names[n]);
      g_assert_cmpint (icalparameter_get_role (icalproperty_get_first_parameter (p, ICAL_ROLE_PARAMETER)), ==,
                       ICAL_ROLE_REQPARTICIPANT);
      g_assert_cmpint (icalparameter_get_partstat (icalproperty_get_first_parameter (p, ICAL_PARTSTAT_PARAMETER)), ==,
                       ICAL_PARTSTAT_NEEDSACTION);
      g_assert_cmpint (icalparameter_get_rsvp (icalproperty_get_first_parameter (p, ICAL_RSVP_PARAMETER)), ==,
                       ICAL_RSVP_TRUE);
    }
  g_assert_cmpuint (n, ==, 2);
  g_assert_nonnull (strstr (inv->ics, "ATTENDEE;CN=Tom Becker;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;"));
  g_assert_cmpint (icalcomponent_count_components (ev, ICAL_VALARM_COMPONENT), ==, 1);
  cross_check_all (inv->ics, cal);
  icalcomponent_free (cal);

  /* Default invitees: both owners (m-demo: Raj and Lena). */
  inv = find_invitation (invitations, "m-demo");
  g_assert_cmpstr (inv->attendee_emails[0], ==, "raj.patel@northwind.example");
  g_assert_cmpstr (inv->attendee_emails[1], ==, "lena.ortiz@acme.example");
  g_assert_null (inv->attendee_emails[2]);

  /* The meeting: its attendees without the organizer. */
  inv = find_invitation (invitations, "mt-1");
  g_assert_true (inv->is_meeting);
  g_assert_cmpuint (g_strv_length (inv->attendee_emails), ==, 2);
  g_assert_nonnull (strstr (inv->ics, "RRULE:FREQ=WEEKLY;UNTIL=20270429T045959Z"));

  /* Mark everything sent: then nothing is out of date. */
  g_assert_cmpuint (mark_sent (plan, invitations), ==, 9);
  g_assert_cmpint (mp_milestone_get_invited_sequence (mp_plan_find_milestone (plan, "m-eval")), ==, 1);
  opt.only_outdated = TRUE;
  g_clear_pointer (&invitations, g_ptr_array_unref);
  invitations = mp_ical_build_invitations (plan, &opt, NULL, &error);
  g_assert_error (error, MP_ERROR, MP_ERROR_NOTHING);
  g_assert_null (invitations);
  g_clear_error (&error);

  /* Rescheduled: sequence + 1 → only that one, same UID, SEQUENCE 2. */
  mp_milestone_set_sequence (mp_plan_find_milestone (plan, "m-eval"), 2);
  invitations = mp_ical_build_invitations (plan, &opt, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (invitations->len, ==, 1);
  inv = g_ptr_array_index (invitations, 0);
  g_assert_cmpstr (inv->event_id, ==, "m-eval");
  g_assert_cmpint (inv->sequence, ==, 2);
  g_assert_nonnull (strstr (inv->ics, "\r\nSEQUENCE:2\r\n"));
  g_assert_cmpstr (inv->subject, ==, "Updated invitation: First evaluation");
  g_clear_pointer (&invitations, g_ptr_array_unref);

  /* Dropped after it was sent: METHOD:CANCEL, higher SEQUENCE, no VALARM.
   * Even when `sequence` was not raised (a script edited the file), what
   * was sent differs: out of date, and the cancel goes above the one sent. */
  mp_milestone_set_status (mp_plan_find_milestone (plan, "m-commit"), MP_STATUS_DROPPED);
  g_assert_true (mp_ical_event_is_outdated (plan, MP_RECORD (mp_plan_find_milestone (plan, "m-commit"))));
  opt.only_outdated = FALSE;
  invitations = mp_ical_build_invitations (plan, &opt, NULL, &error);
  g_assert_no_error (error);
  inv = find_invitation (invitations, "m-commit");
  g_assert_true (inv->is_cancel);
  g_assert_cmpint (inv->sequence, ==, 1);
  g_clear_pointer (&invitations, g_ptr_array_unref);
  opt.only_outdated = TRUE;
  mp_milestone_set_sequence (mp_plan_find_milestone (plan, "m-commit"), 1);
  invitations = mp_ical_build_invitations (plan, &opt, NULL, &error);
  g_assert_no_error (error);
  inv = find_invitation (invitations, "m-commit");
  g_assert_nonnull (inv);
  g_assert_true (inv->is_cancel);
  g_assert_cmpint (inv->sequence, ==, 1);
  cal = parse_checked (inv->ics);
  g_assert_nonnull (strstr (inv->ics, "\r\nMETHOD:CANCEL\r\n"));
  ev = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT);
  g_assert_cmpint (icalcomponent_get_status (ev), ==, ICAL_STATUS_CANCELLED);
  g_assert_cmpint (icalcomponent_get_sequence (ev), ==, 1);
  g_assert_cmpint (icalcomponent_count_components (ev, ICAL_VALARM_COMPONENT), ==, 0);
  g_assert_cmpint (icalcomponent_count_properties (ev, ICAL_ATTENDEE_PROPERTY), ==, 2);
  g_assert_nonnull (strstr (inv->eml, "Content-Type: text/calendar; charset=UTF-8; method=CANCEL\r\n"));
  g_assert_cmpstr (inv->subject, ==, "Cancelled: Commitment");
  cross_check_all (inv->ics, cal);
  icalcomponent_free (cal);
  /* Recording the cancel raises sequence with invited_sequence. */
  mark_sent (plan, invitations);
  g_assert_cmpint (mp_milestone_get_sequence (mp_plan_find_milestone (plan, "m-commit")), ==, 1);
  g_assert_cmpint (mp_milestone_get_invited_sequence (mp_plan_find_milestone (plan, "m-commit")), ==, 1);
  g_assert_false (mp_ical_event_is_outdated (plan, MP_RECORD (mp_plan_find_milestone (plan, "m-commit"))));
}

static void
test_invitation_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(GPtrArray) invitations = NULL;
  MpIcalOptions opt;
  MpInvitation *inv;
  g_autoptr(MpPlan) acme = load_fixture ("acme-rollout.mplan");
  g_autoptr(MpPlan) mueller = load_fixture ("mueller-maschinenbau.mplan");
  g_autoptr(MpPlan) unknown = load_fixture ("unknown-members.mplan");
  g_autoptr(MpPlan) minimal = load_fixture ("minimal.mplan");

  options_init (&opt);
  /* No organizer. */
  invitations = mp_ical_build_invitations (unknown, &opt, NULL, &error);
  g_assert_error (error, MP_ERROR, MP_ERROR_NO_EMAIL);
  g_assert_nonnull (strstr (error->message, "organizer"));
  g_clear_error (&error);
  /* Organizer without a (valid) email. */
  mp_participant_set_email (mp_plan_find_participant (acme, "p-dana"), "dana at northwind");
  invitations = mp_ical_build_invitations (acme, &opt, NULL, &error);
  g_assert_error (error, MP_ERROR, MP_ERROR_NO_EMAIL);
  g_assert_nonnull (strstr (error->message, "email"));
  g_clear_error (&error);
  /* Nothing to send. */
  invitations = mp_ical_build_invitations (minimal, &opt, NULL, &error);
  g_assert_error (error, MP_ERROR, MP_ERROR_NOTHING);
  g_clear_error (&error);

  /* Einkauf has no email: m-vertrag (Jonas = organizer, Einkauf) is
   * skipped with a warning; Einkauf named in another event's text. */
  mp_milestone_set_invite (mp_plan_find_milestone (mueller, "m-unterschrift"),
                           (const char *[]) { "p-francoise", "p-einkauf", NULL });
  invitations = mp_ical_build_invitations (mueller, &opt, &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (warnings);
  g_assert_cmpuint (g_strv_length (warnings), ==, 1);
  g_assert_nonnull (strstr (warnings[0], "Vertragsprüfung"));
  g_assert_null (strstr (warnings[0], "m-vertrag"));
  g_assert_null (find_invitation (invitations, "m-vertrag"));
  inv = find_invitation (invitations, "m-unterschrift");
  g_assert_cmpstr (inv->without_email[0], ==, "Einkauf");
  g_assert_cmpuint (g_strv_length (inv->attendee_emails), ==, 1);
  {
    icalcomponent *cal = parse_checked (inv->ics);
    icalcomponent *ev = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT);

    g_assert_nonnull (strstr (icalcomponent_get_description (ev), "Also invited (no email address): Einkauf"));
    icalcomponent_free (cal);
  }
  g_clear_pointer (&invitations, g_ptr_array_unref);
  g_clear_pointer (&warnings, g_strfreev);

  /* Only m-vertrag for Einkauf: no attendee with email at all. */
  opt.for_participant = "p-einkauf";
  mp_milestone_set_invite (mp_plan_find_milestone (mueller, "m-unterschrift"), NULL);
  invitations = mp_ical_build_invitations (mueller, &opt, &warnings, &error);
  g_assert_error (error, MP_ERROR, MP_ERROR_NO_EMAIL);
  g_assert_null (invitations);
}

/* ---- mails --------------------------------------------------------- */

static char *
python_eml_summary (const char *path)
{
  const char *script =
    "import email, email.policy, sys\n"
    "m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)\n"
    "print(m['From']); print(m['To']); print(m['Subject'])\n"
    "for p in m.walk():\n"
    "  if p.get_content_maintype() == 'multipart': continue\n"
    "  print(p.get_content_type(), p.get_param('method'), p.get_filename())\n"
    "  print(repr(p.get_content() if p.get_content_maintype() == 'text' else p.get_content().decode()))\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };
  char *out = NULL;
  int status = 1;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  return out;
}

static void
test_eml (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("mueller-maschinenbau.mplan");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) invitations = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mp-eml-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_build_filename (dir, "out", NULL);
  MpIcalOptions opt;
  MpInvitation *inv;
  const char *eml;
  g_autofree char *path = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *qp = NULL;

  options_init (&opt);
  invitations = mp_ical_build_invitations (plan, &opt, NULL, &error);
  g_assert_no_error (error);
  inv = find_invitation (invitations, "m-zusage");
  eml = inv->eml;

  /* CRLF only; lines ≤ 78 octets; header text encoded. */
  for (const char *p = eml; *p; )
    {
      const char *eol = strstr (p, "\r\n");
      g_assert_nonnull (eol);
      g_assert_null (memchr (p, '\n', eol - p));
      g_assert_cmpint (eol - p, <=, 78);
      for (const char *q = p; q < eol; q++)
        g_assert_true ((guchar) *q < 0x80);
      p = eol + 2;
    }
  g_assert_true (g_str_has_prefix (eml, "From: =?UTF-8?B?"));
  g_assert_nonnull (strstr (eml, "<jonas.weiss@sonnenschein.example>\r\nTo: "));
  g_assert_nonnull (strstr (eml, "<f.duebel@mueller-maschinenbau.example>"));
  g_assert_nonnull (strstr (eml, "\r\nSubject: =?UTF-8?B?"));
  g_assert_nonnull (strstr (eml, "\r\nMIME-Version: 1.0\r\n"));
  g_assert_nonnull (strstr (eml, "Content-Type: text/calendar; charset=UTF-8; method=REQUEST\r\n"));
  g_assert_nonnull (strstr (eml, "Content-Disposition: attachment; filename=\"m-zusage.ics\"\r\n"));
  g_assert_cmpstr (inv->subject, ==, "Invitation: Zusage der Geschäftsführung");

  qp = mp_mail_quoted_printable ("Grüße = gut \nx");
  g_assert_cmpstr (qp, ==, "Gr=C3=BC=C3=9Fe =3D gut=20\r\nx");
  {
    g_autofree char *a = mp_mail_encode_phrase ("Müller, Jörg");
    g_autofree char *b = mp_mail_encode_phrase ("Smith, John");
    g_autofree char *c = mp_mail_encode_phrase ("Ann Lee");
    g_assert_true (g_str_has_prefix (a, "=?UTF-8?B?"));
    g_assert_cmpstr (b, ==, "\"Smith, John\"");
    g_assert_cmpstr (c, ==, "Ann Lee");
  }
  g_assert_true (mp_mail_address_is_valid ("a.b@c.example"));
  g_assert_false (mp_mail_address_is_valid ("a b@c"));
  g_assert_false (mp_mail_address_is_valid ("x@y\r\nBcc: z@w"));
  g_assert_false (mp_mail_address_is_valid ("-x@y"));
  g_assert_false (mp_mail_address_is_valid (""));

  files = mp_ical_write_invitations (invitations, folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, invitations->len * 2);
  path = g_build_filename (dir, "out", "m-zusage.eml", NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* Python's mail parser reads the same values back. */
  summary = python_eml_summary (path);
  if (summary != NULL)
    {
      g_test_message ("%s", summary);
      g_assert_nonnull (strstr (summary, "Jonas Weiß <jonas.weiss@sonnenschein.example>\n"));
      g_assert_nonnull (strstr (summary, "Françoise Dübel <f.duebel@mueller-maschinenbau.example>"));
      g_assert_nonnull (strstr (summary, "\nInvitation: Zusage der Geschäftsführung\n"));
      g_assert_nonnull (strstr (summary, "text/plain None None\n'Hello,"));
      g_assert_nonnull (strstr (summary, "Zusage der Geschäftsführung"));
      g_assert_nonnull (strstr (summary, "text/calendar REQUEST None\n'BEGIN:VCALENDAR\\r\\n"));
      g_assert_nonnull (strstr (summary, "application/ics None m-zusage.ics\n'BEGIN:VCALENDAR\\r\\n"));
    }
  else
    g_test_message ("/usr/bin/python3 missing: the .eml is not read back");

  for (guint i = 0; i < files->len; i++)
    g_file_delete (g_ptr_array_index (files, i), NULL, NULL);
  g_file_delete (folder, NULL, NULL);
  g_rmdir (dir);
}

/* ---- the mail program ---------------------------------------------- */

static void
compose_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  MpMailRoute *route = user_data;
  g_autoptr(GError) error = NULL;

  *route = mp_mail_compose_finish (result, &error);
  g_assert_no_error (error);
}

static MpMailRoute
compose_sync (const char * const *to,
              const char         *subject,
              const char         *body,
              GFile              *attachment)
{
  MpMailRoute route = (MpMailRoute) -1;

  mp_mail_compose_async (NULL, to, subject, body, attachment, MP_MAIL_COMPOSE_NO_PORTAL, NULL,
                         compose_done, &route);
  while (route == (MpMailRoute) -1)
    g_main_context_iteration (NULL, TRUE);
  return route;
}

static void
test_xdg_email (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mp-xdg-XXXXXX", NULL);
  g_autofree char *script = g_build_filename (dir, "xdg-email", NULL);
  g_autofree char *log = g_build_filename (dir, "argv.log", NULL);
  g_autofree char *ics = g_build_filename (dir, "m-demo.ics", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_autofree char *body = g_strdup ("Hello,\n\n\"quoted\" $HOME `id` ; rm -rf x\n");
  g_autofree char *fake = g_strdup_printf ("#!/bin/sh\n"
                                           "for a in \"$@\"; do printf '%%s\\0' \"$a\"; done > '%s'\n"
                                           "exit 0\n", log);
  g_autoptr(GFile) attachment = g_file_new_for_path (ics);
  const char *to[] = { "tom.becker@acme.example", "lena.ortiz@acme.example", "bad address", NULL };
  gsize len;
  g_auto(GStrv) argv = NULL;
  GString *want = g_string_new (NULL);

  g_assert_true (g_file_set_contents (ics, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", -1, NULL));
  g_assert_true (g_file_set_contents (script, fake, -1, NULL));
  g_assert_cmpint (g_chmod (script, 0755), ==, 0);
  g_setenv ("PATH", dir, TRUE);

  g_assert_cmpint (compose_sync (to, "Invitation: Démo; $(x)", body, attachment), ==, MP_MAIL_ROUTE_XDG_EMAIL);
  g_assert_true (g_file_get_contents (log, &contents, &len, NULL));
  argv = g_new0 (char *, 16);
  {
    const char *args[] = { "--utf8", "--subject", "Invitation: Démo; $(x)", "--body", body,
                           "--attach", ics, "tom.becker@acme.example", "lena.ortiz@acme.example" };
    for (guint i = 0; i < G_N_ELEMENTS (args); i++)
      g_string_append_len (want, args[i], strlen (args[i]) + 1);
  }
  g_assert_cmpuint (len, ==, want->len);
  g_assert_true (memcmp (contents, want->str, len) == 0);

  /* The same argv from the helper, program first. */
  {
    g_auto(GStrv) v = mp_mail_xdg_email_argv ("xdg-email", to, "S", "B", &attachment, 1);
    g_assert_cmpstr (v[0], ==, "xdg-email");
    g_assert_cmpstr (v[1], ==, "--utf8");
    g_assert_cmpstr (v[6], ==, "--attach");
    g_assert_cmpstr (v[7], ==, ics);
    g_assert_cmpstr (v[9], ==, "lena.ortiz@acme.example");
    g_assert_null (v[10]);
  }

  /* xdg-email fails: the files are only saved. */
  g_free (fake);
  fake = g_strdup ("#!/bin/sh\nexit 3\n");
  g_assert_true (g_file_set_contents (script, fake, -1, NULL));
  g_assert_cmpint (compose_sync (to, "S", "B", attachment), ==, MP_MAIL_ROUTE_SAVED);
  /* No xdg-email at all. */
  g_unlink (script);
  g_assert_cmpint (compose_sync (to, "S", "B", attachment), ==, MP_MAIL_ROUTE_SAVED);
  {
    g_autoptr(GFile) d = g_file_new_for_path (dir);
    g_autofree char *msg = mp_mail_saved_message (d);
    g_assert_nonnull (strstr (msg, dir));
  }

  g_setenv ("PATH", old_path, TRUE);
  g_unlink (log);
  g_unlink (ics);
  g_rmdir (dir);
  g_string_free (want, TRUE);
}

/* Reports once whether the outside parsers run, so a skip is visible. */
static void
test_outside_parsers (void)
{
  g_autofree char *node = icaljs_dir ();

  if (!python_ok () && node == NULL)
    g_test_skip ("neither python3-icalendar (apt-get install python3-icalendar) nor ical.js "
                 "(cd tests && npm install) is installed: exports were checked with libical only");
  else if (!python_ok ())
    g_test_skip ("python3-icalendar is not installed (apt-get install python3-icalendar): checked with libical and ical.js only");
  else if (node == NULL)
    g_test_skip ("ical.js is not installed (cd tests && npm install): checked with libical and python3-icalendar only");
}


/* ---- what was sent, cancellations, answers -------------------------- */

static MpInvitation *
find_kind (GPtrArray  *invitations,
           const char *basename)
{
  for (guint i = 0; i < invitations->len; i++)
    {
      MpInvitation *inv = g_ptr_array_index (invitations, i);
      if (g_str_equal (inv->basename, basename))
        return inv;
    }
  return NULL;
}

/* A milestone and a meeting deleted after they were sent: the plan keeps
 * a cancellation until it is sent; undo brings the event back and drops
 * it; a cancelled meeting and a cancelled occurrence. */
static void
test_deleted_and_cancelled (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) invitations = NULL;
  GListStore *gone = mp_record_get_children (MP_RECORD (plan), MP_PLAN_CANCELLATIONS);
  g_autoptr(MpMeeting) sync = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_meetings (plan)), 0);
  MpInvitation *inv;
  MpIcalOptions opt;
  icalcomponent *cal, *ev;
  g_autoptr(MpRecord) occ = NULL;

  options_init (&opt);
  invitations = mp_ical_build_invitations (plan, &opt, NULL, &error);
  g_assert_no_error (error);
  mp_ical_mark_sent (doc, invitations);
  g_clear_pointer (&invitations, g_ptr_array_unref);

  /* Never sent: deleting keeps nothing. */
  mp_document_remove_milestone (doc, mp_plan_find_milestone (plan, "m-old"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gone)), ==, 0);
  /* Sent: the cancellation waits in the plan, one undo step with the removal. */
  mp_document_remove_milestone (doc, mp_plan_find_milestone (plan, "m-legal"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gone)), ==, 1);
  mp_document_undo (doc);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gone)), ==, 0);
  g_assert_nonnull (mp_plan_find_milestone (plan, "m-legal"));
  mp_document_redo (doc);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gone)), ==, 1);
  {
    /* Saved and loaded again, it is still there. */
    g_autoptr(GBytes) bytes = mp_plan_to_bytes (plan);
    g_autoptr(MpPlan) again = mp_plan_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mp_record_get_children (MP_RECORD (again), MP_PLAN_CANCELLATIONS))), ==, 1);
  }

  /* The whole meeting is cancelled, and another one loses one date. */
  mp_document_set_bool (doc, MP_RECORD (sync), MP_MEETING_CANCELLED, TRUE);
  opt.only_outdated = TRUE;
  invitations = mp_ical_build_invitations (plan, &opt, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (invitations->len, ==, 2);
  inv = find_kind (invitations, "deleted-cancel");
  if (inv == NULL)
    for (guint i = 0; i < invitations->len; i++)
      if (((MpInvitation *) g_ptr_array_index (invitations, i))->is_deleted)
        inv = g_ptr_array_index (invitations, i);
  g_assert_nonnull (inv);
  g_assert_true (inv->is_cancel);
  g_assert_cmpint (inv->sequence, ==, 1);
  cal = parse_checked (inv->ics);
  g_assert_nonnull (strstr (inv->ics, "\r\nMETHOD:CANCEL\r\n"));
  ev = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT);
  g_assert_cmpstr (icalcomponent_get_uid (ev), ==, "milestone-m-legal.5f0e8a3c-71d2-4b6e-a1f4-2c9d7e6b8a10@mutualplan");
  g_assert_cmpint (icalcomponent_count_properties (ev, ICAL_ATTENDEE_PROPERTY), ==, 1);
  cross_check_all (inv->ics, cal);
  icalcomponent_free (cal);
  inv = find_invitation (invitations, "mt-1");
  g_assert_true (inv->is_cancel);
  g_assert_cmpstr (inv->subject, ==, "Cancelled: Weekly deal sync");
  cal = parse_checked (inv->ics);
  cross_check_all (inv->ics, cal);
  icalcomponent_free (cal);
  /* Sent: the deleted one is gone from the plan, the meeting is up to date. */
  mp_ical_mark_sent (doc, invitations);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gone)), ==, 0);
  g_assert_false (mp_ical_event_is_outdated (plan, MP_RECORD (sync)));
  g_clear_pointer (&invitations, g_ptr_array_unref);

  /* Back on, with 10 Mar 2027 off: an update with an EXDATE, SEQUENCE above all sent. */
  mp_document_set_bool (doc, MP_RECORD (sync), MP_MEETING_CANCELLED, FALSE);
  occ = g_object_new (MP_TYPE_OCCURRENCE, NULL);
  mp_record_set_date (occ, MP_OCCURRENCE_DATE, mp_date_from_ymd (2027, 3, 10));
  mp_record_set_bool (occ, MP_OCCURRENCE_CANCELLED, TRUE);
  mp_document_insert (doc, mp_record_get_children (MP_RECORD (sync), MP_MEETING_OCCURRENCES), 0, occ);
  invitations = mp_ical_build_invitations (plan, &opt, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (invitations->len, ==, 1);
  inv = g_ptr_array_index (invitations, 0);
  g_assert_false (inv->is_cancel);
  g_assert_true (inv->is_update);
  g_assert_cmpint (inv->sequence, ==, 2); /* cancel 1, back on 2 */
  g_assert_nonnull (strstr (inv->ics, "\r\nEXDATE;TZID=America/Chicago:20270310T093000\r\n"));
  /* The mail gives the rule and the dates, without the cancelled one. */
  g_assert_nonnull (strstr (inv->body, "every week, 09:30–10:00 (America/Chicago), from Wed, 13 Jan 2027 until Wed, 28 Apr 2027"));
  g_assert_nonnull (strstr (inv->body, "3 Mar 2027, 17 Mar 2027"));
  g_assert_cmpstr (inv->subject, ==, "Updated invitation: Weekly deal sync");
  cal = parse_checked (inv->ics);
  cross_check_all (inv->ics, cal);
  icalcomponent_free (cal);
}

/* A file from before `sent`: only invited_sequence says it went out. A
 * deleted milestone still gets its cancellation, to its invitees. */
static void
test_deleted_legacy (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) invitations = NULL;
  GListStore *gone = mp_record_get_children (MP_RECORD (plan), MP_PLAN_CANCELLATIONS);
  MpIcalOptions opt;
  MpInvitation *inv = NULL;

  mp_milestone_set_invited_sequence (mp_plan_find_milestone (plan, "m-legal"), 0);
  mp_document_remove_milestone (doc, mp_plan_find_milestone (plan, "m-legal"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gone)), ==, 1);
  options_init (&opt);
  opt.only_outdated = TRUE;
  invitations = mp_ical_build_invitations (plan, &opt, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < invitations->len; i++)
    if (((MpInvitation *) g_ptr_array_index (invitations, i))->is_deleted)
      inv = g_ptr_array_index (invitations, i);
  g_assert_nonnull (inv);
  g_assert_true (inv->is_cancel);
  g_assert_cmpint (inv->sequence, ==, 1);
  g_assert_cmpstr (inv->attendee_emails[0], ==, "sue.kim@acme.example");
  g_assert_null (inv->attendee_emails[1]);
  g_assert_nonnull (strstr (inv->ics, "\r\nDTSTART;VALUE=DATE:20270326\r\n"));
}

/* An unchanged re-send is not an update; a proposal accepted moves the
 * date and makes the event out of date; a declined one gives a
 * DECLINECOUNTER to the one who proposed. */
static void
test_proposals (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) invitations = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_itip_result_free);
  g_autoptr(MpInvitation) decline = NULL;
  g_autoptr(MpItipSummary) sum = NULL;
  MpMilestone *demo = mp_plan_find_milestone (plan, "m-demo");
  GListModel *proposals = G_LIST_MODEL (mp_record_get_children (MP_RECORD (demo), MP_MILESTONE_PROPOSALS));
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "replies", "thunderbird-counter.eml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_autoptr(MpRecord) proposal = NULL;
  MpIcalOptions opt;
  icalcomponent *cal;

  options_init (&opt);
  invitations = mp_ical_build_invitations (plan, &opt, NULL, &error);
  g_assert_no_error (error);
  mp_ical_mark_sent (doc, invitations);
  g_clear_pointer (&invitations, g_ptr_array_unref);
  /* Everything again, unchanged: no "Updated", the same SEQUENCE. */
  invitations = mp_ical_build_invitations (plan, &opt, NULL, &error);
  g_assert_cmpstr (find_invitation (invitations, "m-demo")->subject, ==, "Invitation: Demo for the BI team");
  g_assert_false (find_invitation (invitations, "m-demo")->is_outdated);
  g_assert_cmpint (find_invitation (invitations, "m-demo")->sequence, ==, 0);
  g_clear_pointer (&invitations, g_ptr_array_unref);

  /* Thunderbird's proposal: inline and as invite.ics, read once. */
  g_assert_true (mp_itip_import (doc, "thunderbird-counter.eml", bytes, results, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpint (((MpItipResult *) g_ptr_array_index (results, 0))->outcome, ==, MP_ITIP_PROPOSAL);
  g_assert_cmpuint (g_list_model_get_n_items (proposals), ==, 1);
  proposal = g_list_model_get_item (proposals, 0);
  g_assert_cmpuint (mp_record_get_date (proposal, MP_REPLY_PROPOSED_DATE), ==, mp_date_from_ymd (2027, 2, 11));
  g_assert_cmpint (mp_record_get_int (proposal, MP_REPLY_PROPOSED_TIME), ==, 15 * 60);
  sum = mp_itip_summarize (plan, MP_RECORD (demo));
  g_assert_cmpuint (sum->proposals->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (sum->proposals, 0), ==,
                   "Lena Ortiz proposes 11 Feb 2027 15:00: ‘Could we do Thursday afternoon? Our BI team travels on Wednesday.’");

  /* Declined: a DECLINECOUNTER to Lena only, at the SEQUENCE sent. */
  decline = mp_ical_build_decline_counter (plan, MP_RECORD (demo), proposal, fixed_now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (decline->ics, "\r\nMETHOD:DECLINECOUNTER\r\n"));
  g_assert_nonnull (strstr (decline->eml, "method=DECLINECOUNTER"));
  g_assert_cmpstr (decline->attendee_emails[0], ==, "lena.ortiz@acme.example");
  g_assert_null (decline->attendee_emails[1]);
  cal = parse_checked (decline->ics);
  cross_check_all (decline->ics, cal);
  icalcomponent_free (cal);

  /* Accepted: the date and time move in one step; everyone is out of date. */
  mp_itip_accept_proposal (doc, MP_RECORD (demo), proposal);
  g_assert_cmpuint (mp_milestone_get_due (demo), ==, mp_date_from_ymd (2027, 2, 11));
  g_assert_cmpint (mp_milestone_get_time (demo), ==, 15 * 60);
  g_assert_cmpuint (g_list_model_get_n_items (proposals), ==, 0);
  g_assert_true (mp_ical_event_is_outdated (plan, MP_RECORD (demo)));
  opt.only_outdated = TRUE;
  invitations = mp_ical_build_invitations (plan, &opt, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (invitations->len, ==, 1);
  g_assert_cmpint (find_invitation (invitations, "m-demo")->sequence, ==, 1);
  g_assert_cmpuint (g_strv_length (find_invitation (invitations, "m-demo")->attendee_emails), ==, 2);
  mp_document_undo (doc);
  g_assert_cmpuint (g_list_model_get_n_items (proposals), ==, 1);
  g_assert_false (mp_ical_event_is_outdated (plan, MP_RECORD (demo)));
}

/* The calendar parts of mails in the shapes clients send. */
static void
test_mime_shapes (void)
{
  const char *names[] = { "outlook-accept.eml", "outlook-counter.eml", "google-decline.eml",
                          "apple-tentative.eml", "thunderbird-counter.eml", "evolution-decline-occurrence.ics" };
  const char *method[] = { "REPLY", "COUNTER", "REPLY", "REPLY", "COUNTER", "REPLY" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "replies", names[i], NULL);
      g_autofree char *data = NULL;
      g_autofree char *expect = g_strdup_printf ("METHOD:%s", method[i]);
      gsize len;
      g_autoptr(GPtrArray) cals = NULL;

      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      cals = mp_itip_extract_calendars (data, len);
      g_test_message ("%s", names[i]);
      g_assert_cmpuint (cals->len, ==, 1);
      g_assert_nonnull (strstr (g_ptr_array_index (cals, 0), expect));
      g_assert_nonnull (strstr (g_ptr_array_index (cals, 0), "END:VCALENDAR"));
    }
  /* Not a mail, not a calendar: nothing. */
  {
    g_autoptr(GPtrArray) none = mp_itip_extract_calendars ("Subject: hi\r\n\r\nhello\r\n", 24);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("MUTUALPLAN_TODAY", "2027-03-01", TRUE);
  fixed_now = g_date_time_new_utc (2027, 3, 1, 12, 0, 0);

  g_test_add_func ("/ical/outside-parsers", test_outside_parsers);
  g_test_add_func ("/ical/export/fixtures", test_export_fixtures);
  g_test_add_func ("/ical/export/acme-values", test_export_acme_values);
  g_test_add_func ("/ical/export/options", test_export_options);
  g_test_add_func ("/ical/export/plain-utc", test_export_plain_utc);
  g_test_add_func ("/ical/export/gmt-and-gap", test_export_gmt_and_gap);
  g_test_add_func ("/ical/export/hostile", test_hostile);
  g_test_add_func ("/ical/export/folding-utf8", test_folding_utf8);
  g_test_add_func ("/ical/invitations/request-cancel", test_invitations);
  g_test_add_func ("/ical/invitations/errors", test_invitation_errors);
  g_test_add_func ("/ical/mail/eml", test_eml);
  g_test_add_func ("/ical/mail/xdg-email", test_xdg_email);
  g_test_add_func ("/ical/invitations/deleted-cancelled", test_deleted_and_cancelled);
  g_test_add_func ("/ical/invitations/deleted-legacy", test_deleted_legacy);
  g_test_add_func ("/ical/replies/proposals", test_proposals);
  g_test_add_func ("/ical/replies/mime-shapes", test_mime_shapes);
  return g_test_run ();
}
