/* mp-ical.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-ical.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "mp-format.h"
#include "mp-mail.h"
#include "mp-plan-io.h"

#define PRODID "-//MutualPlan//MutualPlan " PACKAGE_VERSION "//EN"

void
mp_ical_options_init (MpIcalOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->include_dropped = TRUE;
  options->include_meetings = TRUE;
}

/* ---- text ---------------------------------------------------------- */

/* TEXT values: line breaks become '\n', other control characters go
 * (RFC 5545 allows none but HTAB); no space at either end (libical's
 * parser drops a trailing one, so every reader sees the same text). */
static char *
clean_text (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\r')
        {
          g_string_append_c (s, '\n');
          if (p[1] == '\n')
            p++;
        }
      else if (c == '\n' || c == '\t' || c >= 0x20)
        {
          if (c != 0x7f)
            g_string_append_c (s, (char) c);
        }
    }
  return g_strstrip (g_string_free (s, FALSE));
}

/* Parameter values (CN): no line breaks or controls, no '"' (cannot be
 * written) and no '^' (libical 3.0 writes it wrongly). */
static char *
clean_param (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '^' || c == 0x7f)
        continue;
      g_string_append_c (s, c < 0x20 ? ' ' : (char) c);
    }
  return g_strstrip (g_string_free (s, FALSE));
}

/* One line of mail text: controls become spaces. */
static char *
one_line (const char *text)
{
  char *s = g_strdup (text ? text : "");

  for (char *p = s; *p; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  return s;
}

static gboolean
is_empty (const char *s)
{
  return s == NULL || *s == '\0';
}

/* ---- participants -------------------------------------------------- */

static const char *
participant_email (MpPlan     *plan,
                   const char *id)
{
  MpParticipant *p = id ? mp_plan_find_participant (plan, id) : NULL;
  const char *email = p ? mp_participant_get_email (p) : NULL;

  return mp_mail_address_is_valid (email) ? email : NULL;
}

static GPtrArray *
meeting_invitees (MpMeeting *mt)
{
  GPtrArray *ids = g_ptr_array_new ();
  const char * const *att = mp_meeting_get_attendees (mt);

  for (guint i = 0; att && att[i]; i++)
    g_ptr_array_add (ids, (gpointer) att[i]);
  return ids;
}

static gboolean
ids_contain (GPtrArray  *ids,
             const char *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      return TRUE;
  return FALSE;
}

/* for_participant → the participant's id; NULL and an error when it names
 * nobody. */
static const char *
resolve_for (MpPlan      *plan,
             const char  *who,
             GError     **error)
{
  GListModel *people = G_LIST_MODEL (mp_plan_get_participants (plan));
  g_autofree char *folded = g_utf8_casefold (who, -1);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(MpParticipant) p = g_list_model_get_item (people, i);

      if (g_strcmp0 (mp_participant_get_id (p), who) == 0)
        return mp_participant_get_id (p);
    }
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(MpParticipant) p = g_list_model_get_item (people, i);
      const char *email = mp_participant_get_email (p);
      g_autofree char *f = email ? g_utf8_casefold (email, -1) : NULL;

      if (f != NULL && *f && g_str_equal (f, folded))
        return mp_participant_get_id (p);
    }
  g_set_error (error, MP_ERROR, MP_ERROR_INVALID,
               _("No participant of this plan has the id or email “%s”: give one of the plan’s participant ids or email addresses."),
               who);
  return NULL;
}

static gboolean
milestone_concerns (MpMilestone *m,
                    const char  *pid)
{
  g_autoptr(GPtrArray) ids = NULL;

  if (g_strcmp0 (mp_milestone_get_seller_owner (m), pid) == 0 ||
      g_strcmp0 (mp_milestone_get_customer_owner (m), pid) == 0)
    return TRUE;
  ids = mp_milestone_get_invitees (m);
  return ids_contain (ids, pid);
}

static gboolean
meeting_concerns (MpMeeting  *mt,
                  const char *pid)
{
  g_autoptr(GPtrArray) ids = meeting_invitees (mt);

  return ids_contain (ids, pid);
}

/* ---- UIDs and file names ------------------------------------------- */

static void
append_escaped_id (GString    *s,
                   const char *id)
{
  for (const char *p = id ? id : ""; *p; p++)
    {
      guchar c = (guchar) *p;

      if (g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.')
        g_string_append_c (s, (char) c);
      else
        g_string_append_printf (s, "%%%02X", c);
    }
}

static char *
make_uid (MpPlan     *plan,
          const char *kind,
          const char *id)
{
  GString *s = g_string_new (kind);

  g_string_append_c (s, '-');
  append_escaped_id (s, id);
  g_string_append_c (s, '.');
  append_escaped_id (s, mp_plan_get_id (plan));
  /* Keep UIDs short enough for every client (Outlook stores 255). */
  if (s->len > 200)
    {
      g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, s->str, -1);

      g_string_assign (s, kind);
      g_string_append_c (s, '-');
      g_string_append (s, sum);
    }
  g_string_append (s, "@mutualplan");
  return g_string_free (s, FALSE);
}

char *
mp_ical_milestone_uid (MpPlan      *plan,
                       MpMilestone *milestone)
{
  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (MP_IS_MILESTONE (milestone), NULL);
  return make_uid (plan, "milestone", mp_milestone_get_id (milestone));
}

char *
mp_ical_meeting_uid (MpPlan    *plan,
                     MpMeeting *meeting)
{
  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (MP_IS_MEETING (meeting), NULL);
  return make_uid (plan, "meeting", mp_meeting_get_id (meeting));
}

/* A file name stem from an id: [A-Za-z0-9._-] only, no leading '.',
 * at most 64 bytes. */
static char *
safe_stem (const char *id)
{
  GString *s = g_string_new (NULL);

  for (const char *p = id ? id : ""; *p && s->len < 64; p++)
    {
      guchar c = (guchar) *p;

      if (g_ascii_isalnum (c) || c == '-' || c == '_' || (c == '.' && s->len > 0))
        g_string_append_c (s, (char) c);
      else
        g_string_append_c (s, '_');
    }
  if (s->len == 0)
    g_string_append (s, "event");
  return g_string_free (s, FALSE);
}

/* ---- times --------------------------------------------------------- */

typedef struct {
  MpPlan              *plan;
  const MpIcalOptions *options;
  const char          *tzname;
  icaltimezone        *zone;       /* libical's zone; NULL: write UTC */
  GTimeZone           *gtz;
  GDateTime           *now;
  MpDate               earliest;   /* first day of a timed event */
  const char          *organizer_name;
  const char          *organizer_email;
} Ctx;

static void
ctx_init (Ctx                 *ctx,
          MpPlan              *plan,
          const MpIcalOptions *options)
{
  MpParticipant *org;

  memset (ctx, 0, sizeof *ctx);
  ctx->plan = plan;
  ctx->options = options;
  ctx->tzname = mp_plan_get_timezone_or_default (plan);
  if (!g_str_equal (ctx->tzname, "UTC"))
    ctx->zone = icaltimezone_get_builtin_timezone (ctx->tzname);
  ctx->gtz = g_time_zone_new_identifier (ctx->tzname);
  if (ctx->gtz == NULL)
    {
      ctx->gtz = g_time_zone_new_utc ();
      ctx->zone = NULL;
    }
  ctx->now = options->now ? g_date_time_ref (options->now) : g_date_time_new_now_utc ();
  org = mp_plan_get_organizer (plan) ? mp_plan_find_participant (plan, mp_plan_get_organizer (plan)) : NULL;
  if (org != NULL && mp_mail_address_is_valid (mp_participant_get_email (org)))
    {
      ctx->organizer_name = mp_participant_get_name (org);
      ctx->organizer_email = mp_participant_get_email (org);
    }
}

static void
ctx_clear (Ctx *ctx)
{
  g_clear_pointer (&ctx->gtz, g_time_zone_unref);
  g_clear_pointer (&ctx->now, g_date_time_unref);
}

static struct icaltimetype
utc_time (GDateTime *dt)
{
  return icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (dt), 0,
                                        icaltimezone_get_utc_timezone ());
}

static struct icaltimetype
date_value (MpDate date)
{
  struct icaltimetype t = icaltime_null_date ();
  int y, m, d;

  mp_date_to_ymd (date, &y, &m, &d);
  t.year = y;
  t.month = m;
  t.day = d;
  return t;
}

/* A DTSTART/DTEND property for local @dt: TZID=plain IANA name, or UTC. */
static icalproperty *
time_property (Ctx          *ctx,
               icalproperty *(*ctor) (struct icaltimetype),
               GDateTime    *dt)
{
  icalproperty *prop;

  if (ctx->zone == NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (dt);
      return ctor (utc_time (utc));
    }
  else
    {
      struct icaltimetype t = icaltime_null_time ();

      t.year = g_date_time_get_year (dt);
      t.month = g_date_time_get_month (dt);
      t.day = g_date_time_get_day_of_month (dt);
      t.hour = g_date_time_get_hour (dt);
      t.minute = g_date_time_get_minute (dt);
      t.second = 0;
      prop = ctor (t);
      icalproperty_add_parameter (prop, icalparameter_new_tzid (ctx->tzname));
      return prop;
    }
}

static GDateTime *
local_datetime (Ctx    *ctx,
                MpDate  date,
                int     minutes)
{
  int y, m, d;

  mp_date_to_ymd (date, &y, &m, &d);
  return g_date_time_new (ctx->gtz, y, m, d, minutes / 60, minutes % 60, 0);
}

static void
note_day (Ctx    *ctx,
          MpDate  date)
{
  if (ctx->earliest == MP_DATE_NONE || date < ctx->earliest)
    ctx->earliest = date;
}

/* The plan's zone as a VTIMEZONE with the plain IANA TZID, its history
 * cut to the years the events use. */
static icalcomponent *
make_vtimezone (Ctx *ctx)
{
  icalcomponent *vtz = icalcomponent_new_clone (icaltimezone_get_component (ctx->zone));
  icalproperty *tzid = icalcomponent_get_first_property (vtz, ICAL_TZID_PROPERTY);
  struct icaltimetype start = icaltime_null_time ();
  int y, m, d;

  mp_date_to_ymd (ctx->earliest, &y, &m, &d);
  start.year = y - 1;
  start.month = 1;
  start.day = 1;
  start.zone = icaltimezone_get_utc_timezone ();
  icaltimezone_truncate_vtimezone (vtz, start, icaltime_null_time (), 1);
  icalproperty_set_tzid (tzid, ctx->tzname);
  return vtz;
}

/* ---- events -------------------------------------------------------- */

static void
add_text (icalcomponent *ev,
          icalproperty  *(*ctor) (const char *),
          const char    *text)
{
  g_autofree char *clean = clean_text (text);

  icalcomponent_add_property (ev, ctor (clean));
}

static icalproperty *
cal_address (icalproperty *(*ctor) (const char *),
             const char    *name,
             const char    *email)
{
  g_autofree char *uri = g_strconcat ("mailto:", email, NULL);
  icalproperty *prop = ctor (uri);

  if (!is_empty (name))
    {
      g_autofree char *cn = clean_param (name);

      if (*cn)
        icalproperty_add_parameter (prop, icalparameter_new_cn (cn));
    }
  return prop;
}

static void
add_alarm (icalcomponent *ev,
           int            days,
           const char    *title)
{
  icalcomponent *alarm = icalcomponent_new_valarm ();
  struct icaltriggertype trigger;
  g_autofree char *clean = clean_text (title);
  g_autofree char *text = g_strdup_printf (_("Reminder: %s"), clean);

  memset (&trigger, 0, sizeof trigger);
  trigger.time = icaltime_null_time ();
  trigger.duration = icaldurationtype_null_duration ();
  trigger.duration.is_neg = 1;
  trigger.duration.days = (unsigned int) days;
  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  icalcomponent_add_property (alarm, icalproperty_new_description (text));
  icalcomponent_add_component (ev, alarm);
}

static void
describe_person (GString    *s,
                 MpPlan     *plan,
                 const char *id)
{
  g_string_append (s, mp_format_participant (plan, id));
}

static char *
milestone_description (Ctx         *ctx,
                       MpMilestone *m,
                       GStrv        without_email)
{
  MpPlan *plan = ctx->plan;
  GString *s = g_string_new (NULL);
  GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (m));
  const char *so = mp_milestone_get_seller_owner (m);
  const char *co = mp_milestone_get_customer_owner (m);
  gboolean any_open = FALSE, any_done = FALSE;

  g_string_append_printf (s, _("Plan: %s"), mp_plan_get_title (plan));
  g_string_append_c (s, '\n');
  g_string_append_printf (s, _("Responsible: %s"), mp_format_party (mp_milestone_get_responsible (m)));
  if (!is_empty (so) || !is_empty (co))
    {
      g_string_append (s, " (");
      if (!is_empty (so))
        {
          g_string_append_printf (s, "%s: ", mp_format_side (MP_SIDE_SELLER));
          describe_person (s, plan, so);
        }
      if (!is_empty (so) && !is_empty (co))
        g_string_append (s, "; ");
      if (!is_empty (co))
        {
          g_string_append_printf (s, "%s: ", mp_format_side (MP_SIDE_CUSTOMER));
          describe_person (s, plan, co);
        }
      g_string_append (s, ")");
    }
  g_string_append_c (s, '\n');
  g_string_append_printf (s, _("Status: %s"), mp_format_status (mp_milestone_get_status (m)));
  g_string_append_c (s, '\n');
  if (mp_milestone_get_start (m) != MP_DATE_NONE)
    {
      g_autofree char *a = mp_format_date (mp_milestone_get_start (m));
      g_autofree char *b = mp_format_date (mp_milestone_get_due (m));

      /* Translators: the working period of a milestone, "1 Mar 2027 – 19 Mar 2027". */
      g_string_append_printf (s, _("Working period: %s – %s"), a, b);
      g_string_append_c (s, '\n');
    }
  if (!is_empty (mp_milestone_get_description (m)))
    g_string_append_printf (s, "\n%s\n", mp_milestone_get_description (m));

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
      {
        g_autoptr(MpTask) t = g_list_model_get_item (tasks, i);
        gboolean done = mp_task_get_done (t);

        if (done != (pass == 1))
          continue;
        if (!done && !any_open)
          {
            g_string_append_printf (s, "\n%s\n", _("Open tasks:"));
            any_open = TRUE;
          }
        if (done && !any_done)
          {
            g_string_append_printf (s, "\n%s\n", _("Done tasks:"));
            any_done = TRUE;
          }
        g_string_append_printf (s, "- %s", mp_task_get_title (t));
        if (!is_empty (mp_task_get_owner (t)) || mp_task_get_due (t) != MP_DATE_NONE)
          {
            g_string_append (s, " (");
            if (!is_empty (mp_task_get_owner (t)))
              describe_person (s, plan, mp_task_get_owner (t));
            if (!is_empty (mp_task_get_owner (t)) && mp_task_get_due (t) != MP_DATE_NONE)
              g_string_append (s, ", ");
            if (mp_task_get_due (t) != MP_DATE_NONE)
              {
                g_autofree char *due = mp_format_date (mp_task_get_due (t));
                g_string_append_printf (s, _("due %s"), due);
              }
            g_string_append (s, ")");
          }
        g_string_append_c (s, '\n');
      }

  if (!is_empty (mp_milestone_get_notes (m)))
    g_string_append_printf (s, "\n%s\n%s\n", _("Notes:"), mp_milestone_get_notes (m));
  if (without_email != NULL && without_email[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", without_email);

      g_string_append_c (s, '\n');
      g_string_append_printf (s, _("Also invited (no email address): %s"), names);
      g_string_append_c (s, '\n');
    }
  while (s->len > 0 && s->str[s->len - 1] == '\n')
    g_string_truncate (s, s->len - 1);
  return g_string_free (s, FALSE);
}

static char *
meeting_description (Ctx       *ctx,
                     MpMeeting *mt,
                     GStrv      without_email)
{
  GString *s = g_string_new (NULL);
  const char * const *att = mp_meeting_get_attendees (mt);

  g_string_append_printf (s, _("Plan: %s"), mp_plan_get_title (ctx->plan));
  if (att != NULL && att[0] != NULL)
    {
      g_string_append_c (s, '\n');
      g_string_append (s, _("Attendees: "));
      for (guint i = 0; att[i]; i++)
        {
          if (i > 0)
            g_string_append (s, ", ");
          describe_person (s, ctx->plan, att[i]);
        }
    }
  if (without_email != NULL && without_email[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", without_email);

      g_string_append_c (s, '\n');
      g_string_append_printf (s, _("Also invited (no email address): %s"), names);
    }
  return g_string_free (s, FALSE);
}

static void
add_common (Ctx           *ctx,
            icalcomponent *ev,
            const char    *uid,
            const char    *title,
            const char    *location,
            int            sequence,
            const char    *category)
{
  icalcomponent_add_property (ev, icalproperty_new_uid (uid));
  icalcomponent_add_property (ev, icalproperty_new_dtstamp (utc_time (ctx->now)));
  add_text (ev, icalproperty_new_summary, title);
  if (!is_empty (location))
    add_text (ev, icalproperty_new_location, location);
  icalcomponent_add_property (ev, icalproperty_new_sequence (sequence));
  icalcomponent_add_property (ev, icalproperty_new_categories (category));
}

/* A milestone as a VEVENT; @attendees (participant ids) only for invitations. */
static icalcomponent *
milestone_event (Ctx         *ctx,
                 MpMilestone *m,
                 int          sequence,
                 gboolean     cancel,
                 GPtrArray   *attendees,
                 GStrv        without_email)
{
  icalcomponent *ev = icalcomponent_new_vevent ();
  g_autofree char *uid = mp_ical_milestone_uid (ctx->plan, m);
  g_autofree char *desc = milestone_description (ctx, m, without_email);
  MpStatus status = mp_milestone_get_status (m);
  MpDate due = mp_milestone_get_due (m);
  int time = mp_milestone_get_time (m);
  icalproperty_status st;
  g_autofree char *side_cat = NULL;

  add_common (ctx, ev, uid, mp_milestone_get_title (m), mp_milestone_get_location (m), sequence,
              C_("calendar category", "Milestone"));
  side_cat = clean_text (mp_format_party (mp_milestone_get_responsible (m)));
  icalcomponent_add_property (ev, icalproperty_new_categories (side_cat));

  if (time == MP_TIME_NONE)
    {
      icalproperty *p;

      p = icalproperty_new_dtstart (date_value (due));
      icalcomponent_add_property (ev, p);
      /* The end of an all-day event is exclusive: the next day. */
      p = icalproperty_new_dtend (date_value (due + 1));
      icalcomponent_add_property (ev, p);
      /* A deadline does not make anyone busy. */
      icalcomponent_add_property (ev, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
    }
  else
    {
      g_autoptr(GDateTime) start = local_datetime (ctx, due, time);
      g_autoptr(GDateTime) end = g_date_time_add_minutes (start, mp_milestone_get_duration_minutes (m));

      note_day (ctx, due);
      icalcomponent_add_property (ev, time_property (ctx, icalproperty_new_dtstart, start));
      icalcomponent_add_property (ev, time_property (ctx, icalproperty_new_dtend, end));
      icalcomponent_add_property (ev, icalproperty_new_transp (ICAL_TRANSP_OPAQUE));
    }

  add_text (ev, icalproperty_new_description, desc);
  if (cancel || status == MP_STATUS_DROPPED)
    st = ICAL_STATUS_CANCELLED;
  else if (mp_milestone_get_commitment (m))
    st = ICAL_STATUS_CONFIRMED;
  else
    st = ICAL_STATUS_TENTATIVE;
  icalcomponent_add_property (ev, icalproperty_new_status (st));

  if (ctx->organizer_email != NULL)
    icalcomponent_add_property (ev, cal_address (icalproperty_new_organizer, ctx->organizer_name,
                                                 ctx->organizer_email));
  for (guint i = 0; attendees && i < attendees->len; i++)
    {
      const char *id = g_ptr_array_index (attendees, i);
      MpParticipant *p = mp_plan_find_participant (ctx->plan, id);
      icalproperty *att = cal_address (icalproperty_new_attendee, mp_participant_get_name (p),
                                       mp_participant_get_email (p));

      icalproperty_add_parameter (att, icalparameter_new_role (ICAL_ROLE_REQPARTICIPANT));
      icalproperty_add_parameter (att, icalparameter_new_partstat (ICAL_PARTSTAT_NEEDSACTION));
      icalproperty_add_parameter (att, icalparameter_new_rsvp (ICAL_RSVP_TRUE));
      icalcomponent_add_property (ev, att);
    }

  if (!cancel && mp_milestone_get_reminder_days (m) >= 0 && status != MP_STATUS_DROPPED)
    add_alarm (ev, mp_milestone_get_reminder_days (m), mp_milestone_get_title (m));
  return ev;
}

static icalcomponent *
meeting_event (Ctx       *ctx,
               MpMeeting *mt,
               int        sequence,
               GPtrArray *attendees,
               GStrv      without_email)
{
  icalcomponent *ev = icalcomponent_new_vevent ();
  g_autofree char *uid = mp_ical_meeting_uid (ctx->plan, mt);
  g_autofree char *desc = meeting_description (ctx, mt, without_email);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  MpDate day = MP_DATE_NONE;
  int minutes = 0;
  int every = mp_meeting_get_every_weeks (mt);
  MpDate until = mp_meeting_get_until (mt);

  mp_local_datetime_parse (mp_meeting_get_start (mt), &day, &minutes);
  if (day == MP_DATE_NONE)
    day = mp_date_today ();
  start = local_datetime (ctx, day, minutes);
  end = g_date_time_add_minutes (start, mp_meeting_get_duration_minutes (mt));
  note_day (ctx, day);

  add_common (ctx, ev, uid, mp_meeting_get_title (mt), mp_meeting_get_location (mt), sequence,
              C_("calendar category", "Meeting"));
  icalcomponent_add_property (ev, time_property (ctx, icalproperty_new_dtstart, start));
  icalcomponent_add_property (ev, time_property (ctx, icalproperty_new_dtend, end));
  if (every > 0 && (until == MP_DATE_NONE || until >= day))
    {
      struct icalrecurrencetype r;

      icalrecurrencetype_clear (&r);
      r.freq = ICAL_WEEKLY_RECURRENCE;
      r.interval = (short) every;
      if (until != MP_DATE_NONE)
        {
          /* UNTIL is inclusive and in UTC: the end of the last day, local. */
          g_autoptr(GDateTime) last = local_datetime (ctx, until, 23 * 60 + 59);
          g_autoptr(GDateTime) last_s = g_date_time_add_seconds (last, 59);
          g_autoptr(GDateTime) utc = g_date_time_to_utc (last_s);

          r.until = utc_time (utc);
        }
      icalcomponent_add_property (ev, icalproperty_new_rrule (r));
    }
  add_text (ev, icalproperty_new_description, desc);
  icalcomponent_add_property (ev, icalproperty_new_status (ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property (ev, icalproperty_new_transp (ICAL_TRANSP_OPAQUE));
  if (ctx->organizer_email != NULL)
    icalcomponent_add_property (ev, cal_address (icalproperty_new_organizer, ctx->organizer_name,
                                                 ctx->organizer_email));
  for (guint i = 0; attendees && i < attendees->len; i++)
    {
      MpParticipant *p = mp_plan_find_participant (ctx->plan, g_ptr_array_index (attendees, i));
      icalproperty *att = cal_address (icalproperty_new_attendee, mp_participant_get_name (p),
                                       mp_participant_get_email (p));

      icalproperty_add_parameter (att, icalparameter_new_role (ICAL_ROLE_REQPARTICIPANT));
      icalproperty_add_parameter (att, icalparameter_new_partstat (ICAL_PARTSTAT_NEEDSACTION));
      icalproperty_add_parameter (att, icalparameter_new_rsvp (ICAL_RSVP_TRUE));
      icalcomponent_add_property (ev, att);
    }
  return ev;
}

/* A VCALENDAR around @events (consumed), with the VTIMEZONE when used. */
static char *
wrap_calendar (Ctx           *ctx,
               icalproperty_method method,
               const char    *name,
               GPtrArray     *events)
{
  icalcomponent *cal = icalcomponent_new_vcalendar ();
  char *text;

  icalcomponent_add_property (cal, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (cal, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (cal, icalproperty_new_calscale ("GREGORIAN"));
  if (method != ICAL_METHOD_NONE)
    icalcomponent_add_property (cal, icalproperty_new_method (method));
  if (name != NULL)
    add_text (cal, icalproperty_new_name, name);
  if (ctx->zone != NULL && ctx->earliest != MP_DATE_NONE)
    icalcomponent_add_component (cal, make_vtimezone (ctx));
  for (guint i = 0; i < events->len; i++)
    icalcomponent_add_component (cal, g_ptr_array_index (events, i));
  g_ptr_array_set_size (events, 0);

  text = icalcomponent_as_ical_string_r (cal);
  icalcomponent_free (cal);
  return text;
}

static void
free_component (gpointer data)
{
  icalcomponent_free (data);
}

char *
mp_ical_export_plan (MpPlan              *plan,
                     const MpIcalOptions *options,
                     GError             **error)
{
  MpIcalOptions defaults;
  Ctx ctx;
  const char *pid = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (free_component);
  GListModel *milestones, *meetings;
  char *raw, *out;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      mp_ical_options_init (&defaults);
      options = &defaults;
    }
  if (options->for_participant != NULL &&
      (pid = resolve_for (plan, options->for_participant, error)) == NULL)
    return NULL;

  ctx_init (&ctx, plan, options);
  milestones = G_LIST_MODEL (mp_plan_get_milestones (plan));
  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (milestones, i);

      if (!options->include_dropped && mp_milestone_get_status (m) == MP_STATUS_DROPPED)
        continue;
      if (pid != NULL && !milestone_concerns (m, pid))
        continue;
      g_ptr_array_add (events, milestone_event (&ctx, m, mp_milestone_get_sequence (m), FALSE, NULL, NULL));
    }
  meetings = G_LIST_MODEL (mp_plan_get_meetings (plan));
  for (guint i = 0; options->include_meetings && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(MpMeeting) mt = g_list_model_get_item (meetings, i);

      if (pid != NULL && !meeting_concerns (mt, pid))
        continue;
      g_ptr_array_add (events, meeting_event (&ctx, mt, mp_meeting_get_sequence (mt), NULL, NULL));
    }

  if (events->len == 0)
    {
      g_set_error (error, MP_ERROR, MP_ERROR_NOTHING,
                   _("Nothing to export: the plan has no milestones or meetings that match the choices. Add a milestone, or include dropped milestones and meetings."));
      ctx_clear (&ctx);
      return NULL;
    }

  /* PUBLISH needs an ORGANIZER; without one, a plain calendar. */
  raw = wrap_calendar (&ctx, ctx.organizer_email ? ICAL_METHOD_PUBLISH : ICAL_METHOD_NONE,
                       mp_plan_get_title (plan), events);
  out = g_strdup (raw);
  free (raw);
  ctx_clear (&ctx);
  return out;
}

/* ---- invitations --------------------------------------------------- */

gboolean
mp_ical_event_is_outdated (MpRecord *event)
{
  int seq, invited;

  g_return_val_if_fail (MP_IS_MILESTONE (event) || MP_IS_MEETING (event), FALSE);

  if (MP_IS_MILESTONE (event))
    {
      MpMilestone *m = MP_MILESTONE (event);

      seq = mp_milestone_get_sequence (m);
      invited = mp_milestone_get_invited_sequence (m);
      if (mp_milestone_get_status (m) == MP_STATUS_DROPPED)
        return invited >= 0 && seq > invited;
    }
  else
    {
      seq = mp_meeting_get_sequence (MP_MEETING (event));
      invited = mp_meeting_get_invited_sequence (MP_MEETING (event));
    }
  return invited < 0 || seq > invited;
}

G_DEFINE_BOXED_TYPE (MpInvitation, mp_invitation, mp_invitation_ref, mp_invitation_unref)

static void
invitation_clear (MpInvitation *self)
{
  g_clear_object (&self->event);
  g_free (self->event_id);
  g_free (self->basename);
  g_free (self->uid);
  g_free (self->summary);
  g_free (self->organizer_name);
  g_free (self->organizer_email);
  g_strfreev (self->attendee_names);
  g_strfreev (self->attendee_emails);
  g_strfreev (self->without_email);
  g_free (self->ics);
  g_free (self->subject);
  g_free (self->body);
  g_free (self->eml);
}

MpInvitation *
mp_invitation_ref (MpInvitation *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
mp_invitation_unref (MpInvitation *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) invitation_clear);
}

static char *
when_text (Ctx       *ctx,
           MpRecord  *event)
{
  MpDate day = MP_DATE_NONE;
  int minutes = MP_TIME_NONE, duration = 60;
  g_autofree char *date = NULL;

  if (MP_IS_MILESTONE (event))
    {
      day = mp_milestone_get_due (MP_MILESTONE (event));
      minutes = mp_milestone_get_time (MP_MILESTONE (event));
      duration = mp_milestone_get_duration_minutes (MP_MILESTONE (event));
    }
  else
    {
      mp_local_datetime_parse (mp_meeting_get_start (MP_MEETING (event)), &day, &minutes);
      duration = mp_meeting_get_duration_minutes (MP_MEETING (event));
    }
  date = mp_format_date_long (day);
  if (minutes == MP_TIME_NONE)
    /* Translators: an all-day event in the mail text. */
    return g_strdup_printf (_("%s (all day)"), date);
  else
    {
      int end = minutes + duration;

      return g_strdup_printf ("%s, %02d:%02d–%02d:%02d (%s)", date, minutes / 60, minutes % 60,
                              (end / 60) % 24, end % 60, ctx->tzname);
    }
}

static void
fill_mail (Ctx          *ctx,
           MpInvitation *inv,
           MpRecord     *event)
{
  const char *title = inv->summary;
  const char *location = MP_IS_MILESTONE (event) ? mp_milestone_get_location (MP_MILESTONE (event))
                                                 : mp_meeting_get_location (MP_MEETING (event));
  int invited = MP_IS_MILESTONE (event) ? mp_milestone_get_invited_sequence (MP_MILESTONE (event))
                                        : mp_meeting_get_invited_sequence (MP_MEETING (event));
  g_autofree char *clean_title = one_line (title);
  g_autofree char *plan_title = one_line (mp_plan_get_title (ctx->plan));
  g_autofree char *when = when_text (ctx, event);
  GString *body = g_string_new (NULL);
  MpMailMessage msg = { 0 };

  if (inv->is_cancel)
    inv->subject = g_strdup_printf (_("Cancelled: %s"), clean_title);
  else if (invited >= 0)
    inv->subject = g_strdup_printf (_("Updated invitation: %s"), clean_title);
  else
    inv->subject = g_strdup_printf (_("Invitation: %s"), clean_title);

  g_string_append (body, _("Hello,"));
  g_string_append (body, "\n\n");
  if (inv->is_cancel)
    g_string_append_printf (body, _("“%s” of the plan “%s” has been cancelled. Open the attached file to remove it from your calendar."),
                            clean_title, plan_title);
  else
    g_string_append_printf (body, _("you are invited to “%s” of the plan “%s”. Open the attached file to add it to your calendar and to reply."),
                            clean_title, plan_title);
  g_string_append (body, "\n\n");
  g_string_append_printf (body, _("When: %s"), when);
  g_string_append_c (body, '\n');
  if (!is_empty (location))
    {
      g_autofree char *loc = one_line (location);
      g_string_append_printf (body, _("Where: %s"), loc);
      g_string_append_c (body, '\n');
    }
  g_string_append_c (body, '\n');
  g_string_append (body, inv->organizer_name ? inv->organizer_name : inv->organizer_email);
  g_string_append_c (body, '\n');
  inv->body = g_string_free (body, FALSE);

  msg.from_name = inv->organizer_name;
  msg.from_email = inv->organizer_email;
  msg.to_names = (const char * const *) inv->attendee_names;
  msg.to_emails = (const char * const *) inv->attendee_emails;
  msg.subject = inv->subject;
  msg.body = inv->body;
  msg.calendar = inv->ics;
  msg.method = inv->is_cancel ? "CANCEL" : "REQUEST";
  {
    g_autofree char *att = g_strconcat (inv->basename, ".ics", NULL);

    msg.attachment_name = att;
    msg.date = ctx->now;
    inv->eml = mp_mail_build_message (&msg);
  }
}

/* Splits @ids into attendees with a valid email (not the organizer, no
 * duplicate address) and the names of those without. */
static void
split_invitees (Ctx       *ctx,
                GPtrArray *ids,
                GPtrArray *with_email,
                GPtrArray *without)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *org = ctx->organizer_email ? g_ascii_strdown (ctx->organizer_email, -1) : NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      MpParticipant *p = mp_plan_find_participant (ctx->plan, id);
      const char *email = participant_email (ctx->plan, id);
      g_autofree char *lower = NULL;
      gboolean dup = FALSE;

      if (p == NULL || g_strcmp0 (id, mp_plan_get_organizer (ctx->plan)) == 0)
        continue;
      if (email == NULL)
        {
          g_autofree char *name = clean_param (mp_participant_get_name (p));
          g_ptr_array_add (without, g_steal_pointer (&name));
          continue;
        }
      lower = g_ascii_strdown (email, -1);
      if (g_strcmp0 (lower, org) == 0)
        continue;
      for (guint j = 0; j < seen->len; j++)
        dup |= g_str_equal (g_ptr_array_index (seen, j), lower);
      if (dup)
        continue;
      g_ptr_array_add (seen, g_steal_pointer (&lower));
      g_ptr_array_add (with_email, (gpointer) id);
    }
}

static char *
unique_stem (GHashTable *used,
             const char *id,
             const char *kind)
{
  g_autofree char *stem = safe_stem (id);
  char *name = g_strdup (stem);

  if (g_hash_table_contains (used, name))
    {
      g_free (name);
      name = g_strdup_printf ("%s-%s", stem, kind);
    }
  for (guint n = 2; g_hash_table_contains (used, name); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s-%s-%u", stem, kind, n);
    }
  g_hash_table_add (used, name);
  return g_strdup (name);
}

static MpInvitation *
build_one (Ctx        *ctx,
           MpRecord   *event,
           GHashTable *used,
           GPtrArray  *warnings)
{
  gboolean is_meeting = MP_IS_MEETING (event);
  MpMilestone *m = is_meeting ? NULL : MP_MILESTONE (event);
  MpMeeting *mt = is_meeting ? MP_MEETING (event) : NULL;
  g_autoptr(GPtrArray) ids = is_meeting ? meeting_invitees (mt) : mp_milestone_get_invitees (m);
  g_autoptr(GPtrArray) with_email = g_ptr_array_new ();
  g_autoptr(GPtrArray) without = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (free_component);
  MpInvitation *inv;
  const char *id = mp_record_get_id (event);
  const char *title = is_meeting ? mp_meeting_get_title (mt) : mp_milestone_get_title (m);
  char *raw;

  split_invitees (ctx, ids, with_email, without);
  if (with_email->len == 0)
    {
      g_autofree char *clean = clean_param (title);

      g_ptr_array_add (warnings,
                       g_strdup_printf (_("“%s” (%s) is not sent: none of its invitees other than the organizer has an email address."),
                                        clean, id));
      return NULL;
    }

  inv = g_atomic_rc_box_new0 (MpInvitation);
  inv->event = g_object_ref (event);
  inv->event_id = g_strdup (id);
  inv->is_meeting = is_meeting;
  inv->summary = clean_text (title);
  inv->organizer_name = g_strdup (ctx->organizer_name);
  inv->organizer_email = g_strdup (ctx->organizer_email);
  inv->basename = unique_stem (used, id, is_meeting ? "meeting" : "milestone");
  g_ptr_array_add (without, NULL);
  inv->without_email = (GStrv) g_ptr_array_free (g_steal_pointer (&without), FALSE);
  inv->attendee_names = g_new0 (char *, with_email->len + 1);
  inv->attendee_emails = g_new0 (char *, with_email->len + 1);
  for (guint i = 0; i < with_email->len; i++)
    {
      const char *pid = g_ptr_array_index (with_email, i);

      inv->attendee_names[i] = clean_param (mp_participant_get_name (mp_plan_find_participant (ctx->plan, pid)));
      inv->attendee_emails[i] = g_strdup (participant_email (ctx->plan, pid));
    }

  ctx->earliest = MP_DATE_NONE;
  if (is_meeting)
    {
      inv->uid = mp_ical_meeting_uid (ctx->plan, mt);
      inv->sequence = mp_meeting_get_sequence (mt);
      g_ptr_array_add (events, meeting_event (ctx, mt, inv->sequence, with_email, inv->without_email));
    }
  else
    {
      int seq = mp_milestone_get_sequence (m);
      int invited = mp_milestone_get_invited_sequence (m);

      inv->uid = mp_ical_milestone_uid (ctx->plan, m);
      inv->is_cancel = mp_milestone_get_status (m) == MP_STATUS_DROPPED;
      /* A cancellation must carry a SEQUENCE above the one sent. */
      if (inv->is_cancel && seq <= invited)
        seq = invited + 1;
      inv->sequence = seq;
      g_ptr_array_add (events, milestone_event (ctx, m, seq, inv->is_cancel, with_email, inv->without_email));
    }
  raw = wrap_calendar (ctx, inv->is_cancel ? ICAL_METHOD_CANCEL : ICAL_METHOD_REQUEST, NULL, events);
  inv->ics = g_strdup (raw);
  free (raw);
  fill_mail (ctx, inv, event);
  return inv;
}

GPtrArray *
mp_ical_build_invitations (MpPlan              *plan,
                           const MpIcalOptions *options,
                           GStrv               *warnings,
                           GError             **error)
{
  MpIcalOptions defaults;
  Ctx ctx;
  const char *pid = NULL;
  g_autoptr(GPtrArray) selected = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_invitation_unref);
  g_autoptr(GPtrArray) warn = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *milestones, *meetings;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (warnings != NULL)
    *warnings = NULL;
  if (options == NULL)
    {
      mp_ical_options_init (&defaults);
      options = &defaults;
    }
  if (options->for_participant != NULL &&
      (pid = resolve_for (plan, options->for_participant, error)) == NULL)
    return NULL;

  milestones = G_LIST_MODEL (mp_plan_get_milestones (plan));
  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (milestones, i);

      /* Dropped: a cancellation if it had been invited, else nothing. */
      if (mp_milestone_get_status (m) == MP_STATUS_DROPPED && mp_milestone_get_invited_sequence (m) < 0)
        continue;
      if (pid != NULL && !milestone_concerns (m, pid))
        continue;
      if (options->only_outdated && !mp_ical_event_is_outdated (MP_RECORD (m)))
        continue;
      g_ptr_array_add (selected, g_steal_pointer (&m));
    }
  meetings = G_LIST_MODEL (mp_plan_get_meetings (plan));
  for (guint i = 0; options->include_meetings && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(MpMeeting) mt = g_list_model_get_item (meetings, i);

      if (pid != NULL && !meeting_concerns (mt, pid))
        continue;
      if (options->only_outdated && !mp_ical_event_is_outdated (MP_RECORD (mt)))
        continue;
      g_ptr_array_add (selected, g_steal_pointer (&mt));
    }

  if (selected->len == 0)
    {
      g_set_error (error, MP_ERROR, MP_ERROR_NOTHING, "%s",
                   options->only_outdated
                   ? _("Nothing to send: every invitation is up to date.")
                   : _("Nothing to send: the plan has no milestones or meetings that match the choices."));
      return NULL;
    }

  ctx_init (&ctx, plan, options);
  if (ctx.organizer_email == NULL)
    {
      g_set_error (error, MP_ERROR, MP_ERROR_NO_EMAIL, "%s",
                   is_empty (mp_plan_get_organizer (plan))
                   ? _("Invitations need an organizer: choose the plan’s organizer and give them an email address.")
                   : _("Invitations need the organizer’s email address: add a valid email address to the organizer."));
      ctx_clear (&ctx);
      return NULL;
    }

  for (guint i = 0; i < selected->len; i++)
    {
      MpInvitation *inv = build_one (&ctx, g_ptr_array_index (selected, i), used, warn);

      if (inv != NULL)
        g_ptr_array_add (result, inv);
    }
  ctx_clear (&ctx);

  if (result->len == 0)
    {
      g_set_error (error, MP_ERROR, MP_ERROR_NO_EMAIL, "%s",
                   _("Nothing to send: no invitee of these events has an email address. Add email addresses to the participants."));
      return NULL;
    }
  if (warnings != NULL && warn->len > 0)
    {
      g_ptr_array_add (warn, NULL);
      *warnings = (GStrv) g_ptr_array_free (g_steal_pointer (&warn), FALSE);
    }
  return g_steal_pointer (&result);
}

GPtrArray *
mp_ical_write_invitations (GPtrArray     *invitations,
                           GFile         *dir,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (invitations != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (dir), NULL);

  if (!g_file_make_directory_with_parents (dir, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_autofree char *name = g_file_get_parse_name (dir);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not create the folder “%s”: %s"), name, local_error->message);
      return NULL;
    }

  for (guint i = 0; i < invitations->len; i++)
    {
      MpInvitation *inv = g_ptr_array_index (invitations, i);
      const char *texts[2] = { inv->ics, inv->eml };
      const char *exts[2] = { ".ics", ".eml" };

      for (guint k = 0; k < 2; k++)
        {
          g_autofree char *base = g_strconcat (inv->basename, exts[k], NULL);
          g_autoptr(GFile) file = g_file_get_child (dir, base);
          g_autoptr(GBytes) bytes = g_bytes_new (texts[k], strlen (texts[k]));

          if (!mp_write_file_atomic (file, bytes, FALSE, NULL, cancellable, error))
            return NULL;
          g_ptr_array_add (files, g_steal_pointer (&file));
        }
    }
  return g_steal_pointer (&files);
}

/* The meeting or milestone an invitation was made from, with the fields
 * of its calendar revision. */
static MpRecord *
find_event (MpPlan        *plan,
            MpInvitation  *inv,
            guint         *seq_field,
            guint         *invited_field)
{
  if (inv->is_meeting)
    {
      GListModel *meetings = G_LIST_MODEL (mp_plan_get_meetings (plan));

      *seq_field = MP_MEETING_SEQUENCE;
      *invited_field = MP_MEETING_INVITED_SEQUENCE;
      for (guint j = 0; j < g_list_model_get_n_items (meetings); j++)
        {
          g_autoptr(MpMeeting) mt = g_list_model_get_item (meetings, j);

          if (g_strcmp0 (mp_meeting_get_id (mt), inv->event_id) == 0)
            return MP_RECORD (mt); /* the store keeps it */
        }
      return NULL;
    }
  *seq_field = MP_MILESTONE_SEQUENCE;
  *invited_field = MP_MILESTONE_INVITED_SEQUENCE;
  return MP_RECORD (mp_plan_find_milestone (plan, inv->event_id));
}

guint
mp_ical_mark_sent (MpDocument *document,
                   GPtrArray  *invitations)
{
  MpPlan *plan;
  guint changed = 0;

  g_return_val_if_fail (MP_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (invitations != NULL, 0);

  plan = mp_document_get_plan (document);
  mp_document_begin (document, _("Send Invitations"));
  for (guint i = 0; i < invitations->len; i++)
    {
      MpInvitation *inv = g_ptr_array_index (invitations, i);
      guint seq_field, invited_field;
      MpRecord *event = find_event (plan, inv, &seq_field, &invited_field);

      if (event == NULL)
        continue;
      if (mp_record_get_int (event, seq_field) < inv->sequence)
        mp_document_set_int (document, event, seq_field, inv->sequence);
      if (mp_record_get_int (event, invited_field) != inv->sequence)
        {
          mp_document_set_int (document, event, invited_field, inv->sequence);
          changed++;
        }
    }
  mp_document_end (document);
  return changed;
}
