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

/* SUMMARY and LOCATION: one line; line breaks become spaces (calcurse
 * drops an event whose SUMMARY holds one). */
static char *
clean_line (const char *text)
{
  char *s = clean_text (text);

  for (char *p = s; *p; p++)
    if (*p == '\n')
      *p = ' ';
  return s;
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

/* An id in a UID: [A-Za-z0-9._-] as is. Anything else (`; , : \ %`,
 * spaces, non-ASCII) becomes '_' and a short hash of the whole id keeps
 * UIDs apart: percent escapes are decoded by python-icalendar and not by
 * khal, so a UID must not hold any. */
static void
append_escaped_id (GString    *s,
                   const char *id)
{
  gboolean replaced = FALSE;

  for (const char *p = id ? id : ""; *p; p++)
    {
      guchar c = (guchar) *p;

      if (g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.')
        g_string_append_c (s, (char) c);
      else
        {
          g_string_append_c (s, '_');
          replaced = TRUE;
        }
    }
  if (replaced)
    {
      g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, id, -1);

      g_string_append_printf (s, "-%.8s", sum);
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
  /* GMT, Etc/UTC, Zulu…: libical resolves them to its UTC zone, which
   * has no VTIMEZONE to write. Such plans write UTC times. */
  if (ctx->zone != NULL && (ctx->zone == icaltimezone_get_utc_timezone () ||
                            icaltimezone_get_component (ctx->zone) == NULL))
    ctx->zone = NULL;
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

/* @ctor (@t), also for years after 3000: libical 3.0.16 writes those as
 * 00000000T000000, but keeps what its own parser read. */
static icalproperty *
new_time_property (icalproperty       *(*ctor) (struct icaltimetype),
                   struct icaltimetype  t)
{
  icalproperty *prop = ctor (t);
  g_autofree char *text = NULL;
  const char *name;

  if (t.year <= 3000)
    return prop;
  name = icalproperty_kind_to_string (icalproperty_isa (prop));
  if (t.is_date)
    text = g_strdup_printf ("%s;VALUE=DATE:%04d%02d%02d", name, t.year, t.month, t.day);
  else
    text = g_strdup_printf ("%s:%04d%02d%02dT%02d%02d%02d%s", name, t.year, t.month, t.day,
                            t.hour, t.minute, t.second, icaltime_is_utc (t) ? "Z" : "");
  icalproperty_free (prop);
  return icalproperty_new_from_string (text);
}

/* A DTSTART/DTEND property for local @dt: TZID=plain IANA name, or UTC.
 * @minutes ≥ 0: the wall-clock time entered. When it does not exist (the
 * spring-forward gap), readers disagree on what it means (RFC 5545 says
 * the time after the jump, libical 3.0 the time before): then the instant
 * RFC 5545 gives is written in UTC, which every calendar reads alike. */
static icalproperty *
time_property (Ctx          *ctx,
               icalproperty *(*ctor) (struct icaltimetype),
               GDateTime    *dt,
               int           minutes)
{
  icalproperty *prop;

  if (ctx->zone == NULL || (minutes >= 0 && g_date_time_get_hour (dt) * 60 + g_date_time_get_minute (dt) != minutes))
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (dt);
      return new_time_property (ctor, utc_time (utc));
    }
  else
    {
      struct icaltimetype t = icaltime_null_time ();

      t.year = g_date_time_get_year (dt);
      t.month = g_date_time_get_month (dt);
      t.day = g_date_time_get_day_of_month (dt);
      t.hour = minutes >= 0 ? minutes / 60 : g_date_time_get_hour (dt);
      t.minute = minutes >= 0 ? minutes % 60 : g_date_time_get_minute (dt);
      t.second = 0;
      prop = new_time_property (ctor, t);
      icalproperty_add_parameter (prop, icalparameter_new_tzid (ctx->tzname));
      return prop;
    }
}

/* DTEND @minutes after @start; where that is past 9999-12-31 (GDateTime's
 * and iCalendar's last year), the same as DURATION, which has no date to
 * overflow (it used to come out as DTEND:00000000T000000). */
static void
add_end (Ctx           *ctx,
         icalcomponent *ev,
         GDateTime     *start,
         int            minutes)
{
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, minutes);

  if (end != NULL)
    icalcomponent_add_property (ev, time_property (ctx, icalproperty_new_dtend, end, -1));
  else
    icalcomponent_add_property (ev, icalproperty_new_duration (icaldurationtype_from_int (minutes * 60)));
}

/* TRUE when @minutes on @date does not exist in the zone: the clocks
 * jump over it (02:30 on the night daylight saving time starts). */
static gboolean
in_gap (GTimeZone *gtz,
        MpDate     date,
        int        minutes)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  mp_date_to_ymd (date, &y, &m, &d);
  dt = g_date_time_new (gtz, y, m, d, minutes / 60, minutes % 60, 0);
  return dt != NULL && (g_date_time_get_day_of_month (dt) != d ||
                        g_date_time_get_hour (dt) * 60 + g_date_time_get_minute (dt) != minutes);
}

/* The instant of local @minutes on @date as RFC 5545 3.3.5 reads it: a
 * time in a gap takes the offset from before the gap, so 02:30 on the
 * spring-forward night is 03:30 summer time (GLib would say 03:00). */
static GDateTime *
local_datetime (Ctx    *ctx,
                MpDate  date,
                int     minutes)
{
  int y, m, d;
  GDateTime *dt;

  mp_date_to_ymd (date, &y, &m, &d);
  dt = g_date_time_new (ctx->gtz, y, m, d, minutes / 60, minutes % 60, 0);
  /* West of UTC, the last hours of 9999-12-31 are past what GDateTime
   * holds: the wall clock in UTC, which is all a TZID time writes. */
  if (dt == NULL)
    return g_date_time_new_utc (y, m, d, minutes / 60, minutes % 60, 0);
  if (in_gap (ctx->gtz, date, minutes))
    {
      g_autoptr(GDateTime) before = g_date_time_add_hours (dt, -12);
      GTimeSpan offset = g_date_time_get_utc_offset (before);
      g_autoptr(GDateTime) wall = g_date_time_new_utc (y, m, d, minutes / 60, minutes % 60, 0);
      g_autoptr(GDateTime) instant = g_date_time_add (wall, -offset);

      g_date_time_unref (dt);
      dt = g_date_time_to_timezone (instant, ctx->gtz);
    }
  return dt;
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
  {
    g_autofree char *line = clean_line (title);

    icalcomponent_add_property (ev, icalproperty_new_summary (line));
  }
  if (!is_empty (location))
    {
      g_autofree char *line = clean_line (location);

      icalcomponent_add_property (ev, icalproperty_new_location (line));
    }
  icalcomponent_add_property (ev, icalproperty_new_sequence (sequence));
  icalcomponent_add_property (ev, icalproperty_new_categories (category));
}

/* ATTENDEE properties: @names parallel to @emails (NULL: none). */
static void
add_attendees (icalcomponent *ev,
               GStrv          names,
               GStrv          emails)
{
  for (guint i = 0; emails && emails[i]; i++)
    {
      icalproperty *att = cal_address (icalproperty_new_attendee, names ? names[i] : NULL, emails[i]);

      icalproperty_add_parameter (att, icalparameter_new_role (ICAL_ROLE_REQPARTICIPANT));
      icalproperty_add_parameter (att, icalparameter_new_partstat (ICAL_PARTSTAT_NEEDSACTION));
      icalproperty_add_parameter (att, icalparameter_new_rsvp (ICAL_RSVP_TRUE));
      icalcomponent_add_property (ev, att);
    }
}

/* A milestone as a VEVENT; attendees only for invitations. */
static icalcomponent *
milestone_event (Ctx         *ctx,
                 MpMilestone *m,
                 int          sequence,
                 gboolean     cancel,
                 GStrv        names,
                 GStrv        emails,
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

      int y, mo, d;

      p = new_time_property (icalproperty_new_dtstart, date_value (due));
      icalcomponent_add_property (ev, p);
      /* The end of an all-day event is exclusive: the next day (after
       * 9999-12-31, which has no next day in iCalendar, one day long). */
      mp_date_to_ymd (due + 1, &y, &mo, &d);
      if (y <= 9999)
        p = new_time_property (icalproperty_new_dtend, date_value (due + 1));
      else
        p = icalproperty_new_duration (icaldurationtype_from_int (24 * 3600));
      icalcomponent_add_property (ev, p);
      /* A deadline does not make anyone busy. */
      icalcomponent_add_property (ev, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
    }
  else
    {
      g_autoptr(GDateTime) start = local_datetime (ctx, due, time);

      note_day (ctx, due);
      icalcomponent_add_property (ev, time_property (ctx, icalproperty_new_dtstart, start, time));
      add_end (ctx, ev, start, mp_milestone_get_duration_minutes (m));
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
  add_attendees (ev, names, emails);

  if (!cancel && mp_milestone_get_reminder_days (m) >= 0 && status != MP_STATUS_DROPPED)
    add_alarm (ev, mp_milestone_get_reminder_days (m), mp_milestone_get_title (m));
  return ev;
}

/* EXDATE for each cancelled occurrence of @mt, at the series' time. */
static void
add_exdates (Ctx           *ctx,
             icalcomponent *ev,
             MpMeeting     *mt,
             int            minutes)
{
  GListModel *occ = G_LIST_MODEL (mp_record_get_children (MP_RECORD (mt), MP_MEETING_OCCURRENCES));

  for (guint i = 0; i < g_list_model_get_n_items (occ); i++)
    {
      g_autoptr(MpRecord) o = g_list_model_get_item (occ, i);
      g_autoptr(GDateTime) at = NULL;

      if (!mp_record_get_bool (o, MP_OCCURRENCE_CANCELLED))
        continue;
      at = local_datetime (ctx, mp_record_get_date (o, MP_OCCURRENCE_DATE), minutes);
      icalcomponent_add_property (ev, time_property (ctx, icalproperty_new_exdate, at, minutes));
    }
}

static icalcomponent *
meeting_event (Ctx       *ctx,
               MpMeeting *mt,
               int        sequence,
               gboolean   cancel,
               GStrv      names,
               GStrv      emails,
               GStrv      without_email)
{
  icalcomponent *ev = icalcomponent_new_vevent ();
  g_autofree char *uid = mp_ical_meeting_uid (ctx->plan, mt);
  g_autofree char *desc = meeting_description (ctx, mt, without_email);
  g_autoptr(GDateTime) start = NULL;
  MpDate day = MP_DATE_NONE;
  int minutes = 0;
  int every = mp_meeting_get_every_weeks (mt);
  MpDate until = mp_meeting_get_until (mt);

  mp_local_datetime_parse (mp_meeting_get_start (mt), &day, &minutes);
  if (day == MP_DATE_NONE)
    day = mp_date_today ();
  start = local_datetime (ctx, day, minutes);
  note_day (ctx, day);

  add_common (ctx, ev, uid, mp_meeting_get_title (mt), mp_meeting_get_location (mt), sequence,
              C_("calendar category", "Meeting"));
  icalcomponent_add_property (ev, time_property (ctx, icalproperty_new_dtstart, start, minutes));
  add_end (ctx, ev, start, mp_meeting_get_duration_minutes (mt));
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
      /* Single occurrences that do not take place. */
      add_exdates (ctx, ev, mt, minutes);
    }
  add_text (ev, icalproperty_new_description, desc);
  icalcomponent_add_property (ev, icalproperty_new_status (cancel || mp_meeting_get_cancelled (mt)
                                                           ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property (ev, icalproperty_new_transp (ICAL_TRANSP_OPAQUE));
  if (ctx->organizer_email != NULL)
    icalcomponent_add_property (ev, cal_address (icalproperty_new_organizer, ctx->organizer_name,
                                                 ctx->organizer_email));
  add_attendees (ev, names, emails);
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
      g_ptr_array_add (events, milestone_event (&ctx, m, mp_milestone_get_sequence (m), FALSE, NULL, NULL, NULL));
    }
  meetings = G_LIST_MODEL (mp_plan_get_meetings (plan));
  for (guint i = 0; options->include_meetings && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(MpMeeting) mt = g_list_model_get_item (meetings, i);

      if (pid != NULL && !meeting_concerns (mt, pid))
        continue;
      g_ptr_array_add (events, meeting_event (&ctx, mt, mp_meeting_get_sequence (mt), FALSE, NULL, NULL, NULL));
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

/* ---- what was sent ------------------------------------------------- */

/* The organizer's valid email and name, or NULL. */
static const char *
organizer_email (MpPlan      *plan,
                 const char **name)
{
  const char *org = mp_plan_get_organizer (plan);
  MpParticipant *p = org ? mp_plan_find_participant (plan, org) : NULL;

  if (name != NULL)
    *name = p ? mp_participant_get_name (p) : NULL;
  return p != NULL && mp_mail_address_is_valid (mp_participant_get_email (p)) ? mp_participant_get_email (p) : NULL;
}

/* Splits @ids into attendees with a valid email (not the organizer, no
 * duplicate address) and the names of those without. */
static void
split_invitees (MpPlan    *plan,
                GPtrArray *ids,
                GPtrArray *with_email,
                GPtrArray *without)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  const char *org_email = organizer_email (plan, NULL);
  g_autofree char *org = org_email ? g_ascii_strdown (org_email, -1) : NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      MpParticipant *p = mp_plan_find_participant (plan, id);
      const char *email = participant_email (plan, id);
      g_autofree char *lower = NULL;
      gboolean dup = FALSE;

      if (p == NULL || g_strcmp0 (id, mp_plan_get_organizer (plan)) == 0)
        continue;
      if (email == NULL)
        {
          if (without != NULL)
            g_ptr_array_add (without, clean_param (mp_participant_get_name (p)));
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

static GListStore *
sent_store (MpRecord *event)
{
  if (MP_IS_MILESTONE (event))
    return mp_record_get_children (event, MP_MILESTONE_SENT);
  if (MP_IS_MEETING (event))
    return mp_record_get_children (event, MP_MEETING_SENT);
  return mp_record_get_children (event, MP_CANCELLATION_SENT);
}

static int
event_sequence (MpRecord *event)
{
  if (MP_IS_MILESTONE (event))
    return mp_milestone_get_sequence (MP_MILESTONE (event));
  if (MP_IS_MEETING (event))
    return mp_meeting_get_sequence (MP_MEETING (event));
  return mp_record_get_int (event, MP_CANCELLATION_SEQUENCE);
}

static int
event_invited (MpRecord *event)
{
  if (MP_IS_MILESTONE (event))
    return mp_milestone_get_invited_sequence (MP_MILESTONE (event));
  if (MP_IS_MEETING (event))
    return mp_meeting_get_invited_sequence (MP_MEETING (event));
  return -1;
}

/* Dropped milestone, cancelled meeting, deleted event. */
static gboolean
event_is_cancelled (MpRecord *event)
{
  if (MP_IS_MILESTONE (event))
    return mp_milestone_get_status (MP_MILESTONE (event)) == MP_STATUS_DROPPED;
  if (MP_IS_MEETING (event))
    return mp_meeting_get_cancelled (MP_MEETING (event));
  return TRUE;
}

static GPtrArray *
event_invitees (MpRecord *event)
{
  if (MP_IS_MILESTONE (event))
    return mp_milestone_get_invitees (MP_MILESTONE (event));
  if (MP_IS_MEETING (event))
    return meeting_invitees (MP_MEETING (event));
  return g_ptr_array_new ();
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  MpDate x = *(const MpDate *) a, y = *(const MpDate *) b;

  return x < y ? -1 : x > y;
}

char *
mp_ical_event_fingerprint (MpPlan   *plan,
                           MpRecord *event)
{
  GString *s = g_string_new (NULL);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) with_email = g_ptr_array_new ();
  g_autoptr(GPtrArray) emails = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sum = NULL;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (MP_IS_RECORD (event), NULL);

  g_string_append_printf (s, "%s\n", mp_plan_get_timezone_or_default (plan));
  if (MP_IS_MILESTONE (event))
    {
      MpMilestone *m = MP_MILESTONE (event);
      g_autofree char *title = clean_line (mp_milestone_get_title (m));
      g_autofree char *loc = clean_line (mp_milestone_get_location (m));
      MpStatus st = mp_milestone_get_status (m);

      g_string_append_printf (s, "milestone\n%s\n%s\n%u\n%d\n%d\n%s\n", title, loc,
                              mp_milestone_get_due (m), mp_milestone_get_time (m),
                              mp_milestone_get_time (m) == MP_TIME_NONE ? 0 : mp_milestone_get_duration_minutes (m),
                              st == MP_STATUS_DROPPED ? "CANCELLED"
                              : mp_milestone_get_commitment (m) ? "CONFIRMED" : "TENTATIVE");
    }
  else if (MP_IS_MEETING (event))
    {
      MpMeeting *mt = MP_MEETING (event);
      g_autofree char *title = clean_line (mp_meeting_get_title (mt));
      g_autofree char *loc = clean_line (mp_meeting_get_location (mt));
      GListModel *occ = G_LIST_MODEL (mp_record_get_children (event, MP_MEETING_OCCURRENCES));
      g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (MpDate));

      g_string_append_printf (s, "meeting\n%s\n%s\n%s\n%d\n%d\n%u\n%s\n", title, loc,
                              mp_meeting_get_start (mt), mp_meeting_get_duration_minutes (mt),
                              mp_meeting_get_every_weeks (mt), mp_meeting_get_until (mt),
                              mp_meeting_get_cancelled (mt) ? "CANCELLED" : "CONFIRMED");
      for (guint i = 0; i < g_list_model_get_n_items (occ); i++)
        {
          g_autoptr(MpRecord) o = g_list_model_get_item (occ, i);
          MpDate d = mp_record_get_date (o, MP_OCCURRENCE_DATE);

          if (mp_record_get_bool (o, MP_OCCURRENCE_CANCELLED))
            g_array_append_val (days, d);
        }
      g_array_sort (days, compare_dates);
      for (guint i = 0; i < days->len; i++)
        g_string_append_printf (s, "x%u\n", g_array_index (days, MpDate, i));
    }
  else
    g_string_append (s, "deleted\n");

  ids = event_invitees (event);
  split_invitees (plan, ids, with_email, NULL);
  for (guint i = 0; i < with_email->len; i++)
    g_ptr_array_add (emails, g_ascii_strdown (participant_email (plan, g_ptr_array_index (with_email, i)), -1));
  g_ptr_array_sort (emails, compare_strings);
  for (guint i = 0; i < emails->len; i++)
    g_string_append_printf (s, "a:%s\n", (char *) g_ptr_array_index (emails, i));

  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, s->str, (gssize) s->len);
  g_string_free (s, TRUE);
  return g_strndup (sum, 16);
}

static MpRecord *
find_sent (GListStore *store,
           const char *email)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(MpRecord) r = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_ascii_strcasecmp (mp_record_get_string (r, MP_SENT_EMAIL), email) == 0)
        return r; /* the store keeps it */
    }
  return NULL;
}

/* Where an event stands against what its attendees were sent. */
typedef struct {
  GPtrArray *ids;          /* current attendees with an email: participant ids */
  GPtrArray *without;      /* names of invitees without an email (owned) */
  char      *fingerprint;
  GPtrArray *cancel;       /* MpSent (borrowed) that a CANCEL is due to */
  GPtrArray *all_sent;     /* MpSent (borrowed), every one */
  gboolean   legacy;       /* only invited_sequence is known (older files) */
  gboolean   request;      /* a REQUEST is due */
  gboolean   ever_sent;
  gboolean   update;       /* sent before, and what calendars show changed */
  gboolean   cancelled;    /* dropped, cancelled or deleted */
  int        max_sent;     /* highest SEQUENCE sent, -1 */
} EventState;

static void
event_state_init (EventState *st,
                  MpPlan     *plan,
                  MpRecord   *event)
{
  GListModel *sent = G_LIST_MODEL (sent_store (event));
  guint n = g_list_model_get_n_items (sent);
  g_autoptr(GPtrArray) invitees = event_invitees (event);
  int seq = event_sequence (event), invited = event_invited (event);

  memset (st, 0, sizeof *st);
  st->ids = g_ptr_array_new ();
  st->without = g_ptr_array_new_with_free_func (g_free);
  st->cancel = g_ptr_array_new ();
  st->all_sent = g_ptr_array_new ();
  st->fingerprint = mp_ical_event_fingerprint (plan, event);
  st->cancelled = event_is_cancelled (event);
  st->max_sent = invited;
  st->legacy = n == 0 && invited >= 0;
  st->ever_sent = n > 0 || invited >= 0;
  split_invitees (plan, invitees, st->ids, st->without);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpRecord) item = g_list_model_get_item (sent, i);
      gboolean still = FALSE;

      g_ptr_array_add (st->all_sent, item); /* the store keeps it */
      st->max_sent = MAX (st->max_sent, mp_record_get_int (item, MP_SENT_SEQUENCE));
      if (mp_record_get_bool (item, MP_SENT_CANCELLED))
        continue;
      for (guint j = 0; !st->cancelled && j < st->ids->len; j++)
        still |= g_ascii_strcasecmp (participant_email (plan, g_ptr_array_index (st->ids, j)),
                                     mp_record_get_string (item, MP_SENT_EMAIL)) == 0;
      if (!still)
        g_ptr_array_add (st->cancel, item);
      else if (g_strcmp0 (mp_record_get_string (item, MP_SENT_FINGERPRINT), st->fingerprint) != 0)
        st->update = TRUE;
    }

  if (st->cancelled)
    return;
  if (st->legacy)
    {
      st->request = seq > invited;
      st->update = st->request;
      return;
    }
  /* The sequence was raised on purpose (the app does on every edit a
   * calendar shows): an update even if the fingerprint is the same. */
  if ((st->ever_sent && seq > st->max_sent) || !st->ever_sent)
    st->request = TRUE;
  for (guint j = 0; j < st->ids->len; j++)
    {
      MpRecord *r = find_sent (sent_store (event), participant_email (plan, g_ptr_array_index (st->ids, j)));

      if (r == NULL || mp_record_get_bool (r, MP_SENT_CANCELLED) ||
          g_strcmp0 (mp_record_get_string (r, MP_SENT_FINGERPRINT), st->fingerprint) != 0)
        st->request = TRUE;
    }
  if (st->request && st->ever_sent)
    st->update = TRUE;
}

static void
event_state_clear (EventState *st)
{
  g_ptr_array_unref (st->ids);
  g_ptr_array_unref (st->without);
  g_ptr_array_unref (st->cancel);
  g_ptr_array_unref (st->all_sent);
  g_free (st->fingerprint);
}

/* A CANCEL is due: to those sent and not yet cancelled; for older files,
 * a dropped milestone whose sequence rose since it was sent. */
static gboolean
event_state_cancel_due (EventState *st,
                        MpRecord   *event)
{
  if (st->cancel->len > 0)
    return TRUE;
  return st->legacy && st->cancelled && event_sequence (event) > event_invited (event);
}

gboolean
mp_ical_event_is_outdated (MpPlan   *plan,
                           MpRecord *event)
{
  EventState st;
  gboolean out;

  g_return_val_if_fail (MP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (MP_IS_MILESTONE (event) || MP_IS_MEETING (event) || MP_IS_CANCELLATION (event), FALSE);

  event_state_init (&st, plan, event);
  out = st.request || event_state_cancel_due (&st, event);
  event_state_clear (&st);
  return out;
}

gboolean
mp_ical_event_is_past (MpRecord *event,
                       MpDate    today)
{
  MpDate last = MP_DATE_NONE;

  if (MP_IS_MILESTONE (event))
    last = mp_milestone_get_due (MP_MILESTONE (event));
  else if (MP_IS_MEETING (event))
    {
      MpMeeting *mt = MP_MEETING (event);
      int minutes;

      mp_local_datetime_parse (mp_meeting_get_start (mt), &last, &minutes);
      if (mp_meeting_get_every_weeks (mt) > 0)
        last = mp_meeting_get_until (mt) != MP_DATE_NONE ? mp_meeting_get_until (mt) : MP_DATE_NONE;
    }
  return last != MP_DATE_NONE && last < today;
}

MpCancellation *
mp_ical_cancellation_for (MpPlan   *plan,
                          MpRecord *event)
{
  g_autoptr(MpCancellation) c = NULL;
  GListModel *sent;
  GListStore *store;
  g_autofree char *uid = NULL;
  int max = -1;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  if (!MP_IS_MILESTONE (event) && !MP_IS_MEETING (event))
    return NULL;

  sent = G_LIST_MODEL (sent_store (event));
  for (guint i = 0; i < g_list_model_get_n_items (sent); i++)
    {
      g_autoptr(MpRecord) r = g_list_model_get_item (sent, i);

      if (!mp_record_get_bool (r, MP_SENT_CANCELLED))
        max = MAX (max, mp_record_get_int (r, MP_SENT_SEQUENCE));
    }
  /* Older files know only invited_sequence: its invitees hold it. */
  if (max < 0 && g_list_model_get_n_items (sent) == 0 && event_invited (event) >= 0)
    max = event_invited (event);
  if (max < 0)
    return NULL; /* nobody holds it in their calendar */

  uid = MP_IS_MILESTONE (event) ? mp_ical_milestone_uid (plan, MP_MILESTONE (event))
                                : mp_ical_meeting_uid (plan, MP_MEETING (event));
  c = g_object_new (MP_TYPE_CANCELLATION, NULL);
  mp_record_mark_new (MP_RECORD (c));
  mp_record_set_string (MP_RECORD (c), MP_CANCELLATION_UID, uid);
  mp_record_set_string (MP_RECORD (c), MP_CANCELLATION_TITLE,
                        MP_IS_MILESTONE (event) ? mp_milestone_get_title (MP_MILESTONE (event))
                                                : mp_meeting_get_title (MP_MEETING (event)));
  mp_record_set_int (MP_RECORD (c), MP_CANCELLATION_SEQUENCE, MAX (event_sequence (event), event_invited (event)));
  if (MP_IS_MEETING (event))
    mp_record_set_string (MP_RECORD (c), MP_CANCELLATION_START, mp_meeting_get_start (MP_MEETING (event)));
  else
    {
      MpMilestone *m = MP_MILESTONE (event);
      g_autofree char *day = mp_date_format (mp_milestone_get_due (m));
      int t = mp_milestone_get_time (m);
      g_autofree char *start = t == MP_TIME_NONE ? g_strdup (day)
                                                 : g_strdup_printf ("%sT%02d:%02d", day, t / 60, t % 60);

      mp_record_set_string (MP_RECORD (c), MP_CANCELLATION_START, start);
    }
  store = mp_record_get_children (MP_RECORD (c), MP_CANCELLATION_SENT);
  for (guint i = 0; i < g_list_model_get_n_items (sent); i++)
    {
      g_autoptr(MpRecord) r = g_list_model_get_item (sent, i);
      g_autoptr(MpRecord) copy = NULL;

      if (mp_record_get_bool (r, MP_SENT_CANCELLED))
        continue;
      copy = mp_record_copy (r);
      g_list_store_append (store, copy);
    }
  if (g_list_model_get_n_items (sent) == 0)
    {
      g_autoptr(GPtrArray) invitees = event_invitees (event);
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();

      split_invitees (plan, invitees, ids, NULL);
      for (guint i = 0; i < ids->len; i++)
        {
          MpParticipant *p = mp_plan_find_participant (plan, g_ptr_array_index (ids, i));
          g_autoptr(MpRecord) r = g_object_new (MP_TYPE_SENT, NULL);

          mp_record_mark_new (r);
          mp_record_set_string (r, MP_SENT_EMAIL, mp_participant_get_email (p));
          mp_record_set_string (r, MP_SENT_NAME, mp_participant_get_name (p));
          mp_record_set_string (r, MP_SENT_PARTICIPANT, mp_participant_get_id (p));
          mp_record_set_int (r, MP_SENT_SEQUENCE, max);
          g_list_store_append (store, r);
        }
      if (ids->len == 0)
        return NULL;
    }
  return g_steal_pointer (&c);
}

/* ---- invitations --------------------------------------------------- */

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
  g_strfreev (self->attendee_ids);
  g_strfreev (self->without_email);
  g_free (self->fingerprint);
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
time_range_text (Ctx *ctx,
                 int  minutes,
                 int  duration)
{
  int end = minutes + duration;

  return g_strdup_printf ("%02d:%02d–%02d:%02d (%s)", minutes / 60, minutes % 60,
                          (end / 60) % 24, end % 60, ctx->tzname);
}

/* The dates of a recurring meeting, cancelled ones left out: at most
 * @max, then "…". */
static char *
meeting_dates_text (MpMeeting *mt,
                    MpDate     first,
                    guint      max)
{
  GString *s = g_string_new (NULL);
  GListModel *occ = G_LIST_MODEL (mp_record_get_children (MP_RECORD (mt), MP_MEETING_OCCURRENCES));
  MpDate until = mp_meeting_get_until (mt);
  int every = mp_meeting_get_every_weeks (mt);
  guint n = 0;

  for (MpDate d = first; until != MP_DATE_NONE ? d <= until : n < max; d += (MpDate) (7 * every))
    {
      gboolean cancelled = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (occ); i++)
        {
          g_autoptr(MpRecord) o = g_list_model_get_item (occ, i);

          cancelled |= mp_record_get_date (o, MP_OCCURRENCE_DATE) == d &&
                       mp_record_get_bool (o, MP_OCCURRENCE_CANCELLED);
        }
      if (cancelled)
        continue;
      if (n == max)
        {
          g_string_append (s, ", …");
          break;
        }
      if (n > 0)
        g_string_append (s, ", ");
      {
        g_autofree char *day = mp_format_date (d);
        g_string_append (s, day);
      }
      n++;
    }
  return g_string_free (s, FALSE);
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
  else if (MP_IS_MEETING (event))
    {
      MpMeeting *mt = MP_MEETING (event);
      int every = mp_meeting_get_every_weeks (mt);

      mp_local_datetime_parse (mp_meeting_get_start (mt), &day, &minutes);
      duration = mp_meeting_get_duration_minutes (mt);
      if (every > 0 && (mp_meeting_get_until (mt) == MP_DATE_NONE || mp_meeting_get_until (mt) >= day))
        {
          g_autofree char *times = time_range_text (ctx, minutes, duration);
          g_autofree char *first = mp_format_date_long (day);
          g_autofree char *dates = meeting_dates_text (mt, day, 12);
          g_autofree char *rule = NULL;

          if (mp_meeting_get_until (mt) != MP_DATE_NONE)
            {
              g_autofree char *last = mp_format_date_long (mp_meeting_get_until (mt));

              if (every == 1)
                /* Translators: a weekly meeting in the mail: "every week, 10:00–11:00 (Europe/Berlin), from Tuesday, 6 April 2027 until Tuesday, 29 June 2027". */
                rule = g_strdup_printf (_("every week, %s, from %s until %s"), times, first, last);
              else
                rule = g_strdup_printf (_("every %d weeks, %s, from %s until %s"), every, times, first, last);
            }
          else if (every == 1)
            rule = g_strdup_printf (_("every week, %s, from %s"), times, first);
          else
            rule = g_strdup_printf (_("every %d weeks, %s, from %s"), every, times, first);
          /* Translators: the rule of a recurring meeting, then its dates. */
          return g_strdup_printf (_("%s\nDates: %s"), rule, dates);
        }
    }
  else
    return g_strdup (_("see your calendar"));
  date = mp_format_date_long (day);
  if (minutes == MP_TIME_NONE)
    /* Translators: an all-day event in the mail text. */
    return g_strdup_printf (_("%s (all day)"), date);
  else
    {
      g_autofree char *times = time_range_text (ctx, minutes, duration);

      return g_strdup_printf ("%s, %s", date, times);
    }
}

static void
fill_mail (Ctx          *ctx,
           MpInvitation *inv,
           MpRecord     *event)
{
  const char *location = MP_IS_MILESTONE (event) ? mp_milestone_get_location (MP_MILESTONE (event))
                         : MP_IS_MEETING (event) ? mp_meeting_get_location (MP_MEETING (event)) : NULL;
  g_autofree char *clean_title = one_line (inv->summary);
  g_autofree char *plan_title = one_line (mp_plan_get_title (ctx->plan));
  g_autofree char *when = when_text (ctx, event);
  GString *body = g_string_new (NULL);
  MpMailMessage msg = { 0 };

  if (g_str_equal (inv->method, "DECLINECOUNTER"))
    inv->subject = g_strdup_printf (_("Proposal declined: %s"), clean_title);
  else if (inv->is_cancel)
    inv->subject = g_strdup_printf (_("Cancelled: %s"), clean_title);
  else if (inv->is_update)
    inv->subject = g_strdup_printf (_("Updated invitation: %s"), clean_title);
  else
    inv->subject = g_strdup_printf (_("Invitation: %s"), clean_title);

  g_string_append (body, _("Hello,"));
  g_string_append (body, "\n\n");
  if (g_str_equal (inv->method, "DECLINECOUNTER"))
    g_string_append_printf (body, _("thank you for proposing another time for “%s” of the plan “%s”. We keep the time below."),
                            clean_title, plan_title);
  else if (inv->is_cancel)
    g_string_append_printf (body, _("“%s” of the plan “%s” has been cancelled. Open the attached file to remove it from your calendar."),
                            clean_title, plan_title);
  else if (inv->is_update)
    g_string_append_printf (body, _("“%s” of the plan “%s” has changed. Open the attached file to update your calendar and to reply."),
                            clean_title, plan_title);
  else
    g_string_append_printf (body, _("you are invited to “%s” of the plan “%s”. Open the attached file to add it to your calendar and to reply."),
                            clean_title, plan_title);
  g_string_append (body, "\n\n");
  if (!inv->is_cancel)
    {
      g_string_append_printf (body, _("When: %s"), when);
      g_string_append_c (body, '\n');
      if (!is_empty (location))
        {
          g_autofree char *loc = one_line (location);
          g_string_append_printf (body, _("Where: %s"), loc);
          g_string_append_c (body, '\n');
        }
      g_string_append_c (body, '\n');
    }
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
  msg.method = inv->method;
  {
    g_autofree char *att = g_strconcat (inv->basename, ".ics", NULL);

    msg.attachment_name = att;
    msg.date = ctx->now;
    inv->eml = mp_mail_build_message (&msg);
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

static const char *
event_title (MpRecord *event)
{
  if (MP_IS_MILESTONE (event))
    return mp_milestone_get_title (MP_MILESTONE (event));
  if (MP_IS_MEETING (event))
    return mp_meeting_get_title (MP_MEETING (event));
  return mp_record_get_string (event, MP_CANCELLATION_TITLE);
}

/* The VEVENT of @event for an invitation. */
static icalcomponent *
invitation_event (Ctx          *ctx,
                  MpRecord     *event,
                  MpInvitation *inv)
{
  icalcomponent *ev;

  if (MP_IS_MILESTONE (event))
    return milestone_event (ctx, MP_MILESTONE (event), inv->sequence, inv->is_cancel,
                            inv->attendee_names, inv->attendee_emails, inv->without_email);
  if (MP_IS_MEETING (event))
    return meeting_event (ctx, MP_MEETING (event), inv->sequence, inv->is_cancel,
                          inv->attendee_names, inv->attendee_emails, inv->without_email);
  /* A deleted event: what RFC 5546 asks of a CANCEL. */
  ev = icalcomponent_new_vevent ();
  icalcomponent_add_property (ev, icalproperty_new_uid (inv->uid));
  icalcomponent_add_property (ev, icalproperty_new_dtstamp (utc_time (ctx->now)));
  icalcomponent_add_property (ev, icalproperty_new_summary (inv->summary));
  {
    /* When it was, so that every calendar finds and shows it. */
    const char *start = mp_record_get_string (event, MP_CANCELLATION_START);
    MpDate day = MP_DATE_NONE;
    int minutes = MP_TIME_NONE;

    if (start != NULL && strlen (start) > 10 && mp_local_datetime_parse (start, &day, &minutes))
      {
        g_autoptr(GDateTime) at = local_datetime (ctx, day, minutes);

        note_day (ctx, day);
        icalcomponent_add_property (ev, time_property (ctx, icalproperty_new_dtstart, at, minutes));
      }
    else if (start != NULL && mp_date_parse (start, &day) && day != MP_DATE_NONE)
      icalcomponent_add_property (ev, icalproperty_new_dtstart (date_value (day)));
  }
  icalcomponent_add_property (ev, icalproperty_new_sequence (inv->sequence));
  icalcomponent_add_property (ev, icalproperty_new_status (ICAL_STATUS_CANCELLED));
  icalcomponent_add_property (ev, cal_address (icalproperty_new_organizer, ctx->organizer_name,
                                               ctx->organizer_email));
  add_attendees (ev, inv->attendee_names, inv->attendee_emails);
  return ev;
}

static void
finish_invitation (Ctx          *ctx,
                   MpInvitation *inv,
                   MpRecord     *event,
                   icalproperty_method method)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (free_component);
  char *raw;

  ctx->earliest = MP_DATE_NONE;
  g_ptr_array_add (events, invitation_event (ctx, event, inv));
  raw = wrap_calendar (ctx, method, NULL, events);
  inv->ics = g_strdup (raw);
  free (raw);
  fill_mail (ctx, inv, event);
}

static MpInvitation *
invitation_new (Ctx        *ctx,
                MpRecord   *event,
                GHashTable *used,
                const char *suffix)
{
  MpInvitation *inv = g_atomic_rc_box_new0 (MpInvitation);
  const char *id = MP_IS_CANCELLATION (event) ? mp_record_get_string (event, MP_CANCELLATION_UID)
                                              : mp_record_get_id (event);
  const char *kind = MP_IS_MILESTONE (event) ? "milestone" : MP_IS_MEETING (event) ? "meeting" : "deleted";
  g_autofree char *stem = suffix ? g_strconcat (MP_IS_CANCELLATION (event) ? "deleted" : id, "-", suffix, NULL) : g_strdup (id);

  inv->event = g_object_ref (event);
  inv->event_id = g_strdup (id);
  inv->is_meeting = MP_IS_MEETING (event);
  inv->is_deleted = MP_IS_CANCELLATION (event);
  inv->summary = clean_line (event_title (event));
  inv->organizer_name = g_strdup (ctx->organizer_name);
  inv->organizer_email = g_strdup (ctx->organizer_email);
  inv->basename = unique_stem (used, stem, kind);
  inv->method = "REQUEST";
  if (MP_IS_MILESTONE (event))
    inv->uid = mp_ical_milestone_uid (ctx->plan, MP_MILESTONE (event));
  else if (MP_IS_MEETING (event))
    inv->uid = mp_ical_meeting_uid (ctx->plan, MP_MEETING (event));
  else
    inv->uid = g_strdup (id);
  return inv;
}

static void
set_attendees_from_ids (Ctx          *ctx,
                        MpInvitation *inv,
                        GPtrArray    *ids)
{
  inv->attendee_names = g_new0 (char *, ids->len + 1);
  inv->attendee_emails = g_new0 (char *, ids->len + 1);
  inv->attendee_ids = g_new0 (char *, ids->len + 1);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *pid = g_ptr_array_index (ids, i);

      inv->attendee_names[i] = clean_param (mp_participant_get_name (mp_plan_find_participant (ctx->plan, pid)));
      inv->attendee_emails[i] = g_strdup (participant_email (ctx->plan, pid));
      inv->attendee_ids[i] = g_strdup (pid);
    }
}

static void
set_attendees_from_sent (MpInvitation *inv,
                         GPtrArray    *sent)
{
  inv->attendee_names = g_new0 (char *, sent->len + 1);
  inv->attendee_emails = g_new0 (char *, sent->len + 1);
  inv->attendee_ids = g_new0 (char *, sent->len + 1);
  for (guint i = 0; i < sent->len; i++)
    {
      MpRecord *r = g_ptr_array_index (sent, i);

      inv->attendee_names[i] = clean_param (mp_record_get_string (r, MP_SENT_NAME));
      inv->attendee_emails[i] = g_strdup (mp_record_get_string (r, MP_SENT_EMAIL));
      inv->attendee_ids[i] = g_strdup (mp_record_get_string (r, MP_SENT_PARTICIPANT) ? mp_record_get_string (r, MP_SENT_PARTICIPANT) : "");
    }
}

/* Warns about a start in a daylight-saving gap (RFC 5545 readers move it
 * forward by the gap). */
static void
warn_gap (Ctx        *ctx,
          MpRecord   *event,
          GPtrArray  *warnings)
{
  MpDate day = MP_DATE_NONE;
  int minutes = MP_TIME_NONE;

  if (ctx->zone == NULL)
    return;
  if (MP_IS_MILESTONE (event))
    {
      day = mp_milestone_get_due (MP_MILESTONE (event));
      minutes = mp_milestone_get_time (MP_MILESTONE (event));
    }
  else if (MP_IS_MEETING (event))
    mp_local_datetime_parse (mp_meeting_get_start (MP_MEETING (event)), &day, &minutes);
  if (day == MP_DATE_NONE || minutes == MP_TIME_NONE || !in_gap (ctx->gtz, day, minutes))
    return;
  {
    g_autoptr(GDateTime) at = local_datetime (ctx, day, minutes);
    g_autofree char *date = mp_format_date (day);
    g_autofree char *title = clean_line (event_title (event));
    g_autofree char *shown = g_date_time_format (at, "%H:%M");

    g_ptr_array_add (warnings,
                     g_strdup_printf (_("“%s” is at %02d:%02d on %s, a time that does not exist in %s (the clocks go forward): calendars will show it at %s. Choose another time."),
                                      title, minutes / 60, minutes % 60, date, ctx->tzname, shown));
  }
}

/* The invitations of one event: a REQUEST to its attendees and a CANCEL
 * to those removed (or to everyone when the event is cancelled). */
static void
build_for_event (Ctx        *ctx,
                 MpRecord   *event,
                 MpDate      today,
                 GHashTable *used,
                 GPtrArray  *result,
                 GPtrArray  *warnings)
{
  EventState st;
  gboolean only = ctx->options->only_outdated;
  gboolean past = mp_ical_event_is_past (event, today);
  int seq = event_sequence (event);

  event_state_init (&st, ctx->plan, event);

  /* The cancellation: pending ones, or (full export) to all ever sent. */
  if (st.cancelled ? (!only || event_state_cancel_due (&st, event)) && (st.all_sent->len > 0 || st.legacy)
                   : st.cancel->len > 0)
    {
      MpInvitation *inv = invitation_new (ctx, event, used, st.cancelled ? NULL : "cancel");
      GPtrArray *to = st.cancelled && !only ? st.all_sent : st.cancel;

      inv->is_cancel = TRUE;
      inv->method = "CANCEL";
      /* Saturating: a file may say 2147483647 (it became -2147483648). */
      inv->sequence = MAX (seq, st.max_sent < G_MAXINT ? st.max_sent + 1 : G_MAXINT);
      inv->fingerprint = g_strdup (st.fingerprint);
      inv->is_outdated = event_state_cancel_due (&st, event);
      inv->is_past = past;
      if (st.legacy && to->len == 0)
        set_attendees_from_ids (ctx, inv, st.ids);
      else
        set_attendees_from_sent (inv, to);
      inv->without_email = g_new0 (char *, 1);
      if (inv->attendee_emails[0] != NULL)
        {
          finish_invitation (ctx, inv, event, ICAL_METHOD_CANCEL);
          g_ptr_array_add (result, inv);
        }
      else
        mp_invitation_unref (inv);
    }

  if (!st.cancelled && (!only || st.request))
    {
      g_autofree char *title = clean_line (event_title (event));

      if (st.ids->len == 0)
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("“%s” is not sent: none of its invitees other than the organizer has an email address."),
                                          title));
      else
        {
          MpInvitation *inv = invitation_new (ctx, event, used, NULL);

          inv->is_update = st.update;
          inv->is_outdated = st.request;
          inv->is_past = past;
          inv->sequence = st.request && st.ever_sent ? MAX (seq, st.max_sent < G_MAXINT ? st.max_sent + 1 : G_MAXINT)
                                                     : MAX (seq, st.max_sent);
          inv->fingerprint = g_strdup (st.fingerprint);
          set_attendees_from_ids (ctx, inv, st.ids);
          g_ptr_array_add (st.without, NULL);
          g_ptr_array_set_free_func (st.without, NULL);
          inv->without_email = (GStrv) g_ptr_array_free (st.without, FALSE);
          st.without = g_ptr_array_new_with_free_func (g_free);
          warn_gap (ctx, event, warnings);
          finish_invitation (ctx, inv, event, ICAL_METHOD_REQUEST);
          g_ptr_array_add (result, inv);
        }
    }
  event_state_clear (&st);
}

static MpDate
date_in_zone (GDateTime *now,
              GTimeZone *tz)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (now, tz);

  return mp_date_from_ymd (g_date_time_get_year (local), g_date_time_get_month (local),
                           g_date_time_get_day_of_month (local));
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
  GListModel *milestones, *meetings, *deleted;
  MpDate today;

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

      if (pid != NULL && !milestone_concerns (m, pid))
        continue;
      g_ptr_array_add (selected, g_steal_pointer (&m));
    }
  meetings = G_LIST_MODEL (mp_plan_get_meetings (plan));
  for (guint i = 0; options->include_meetings && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(MpMeeting) mt = g_list_model_get_item (meetings, i);

      if (pid != NULL && !meeting_concerns (mt, pid))
        continue;
      g_ptr_array_add (selected, g_steal_pointer (&mt));
    }
  /* Deleted events whose cancellation is still due. */
  deleted = G_LIST_MODEL (mp_record_get_children (MP_RECORD (plan), MP_PLAN_CANCELLATIONS));
  for (guint i = 0; pid == NULL && i < g_list_model_get_n_items (deleted); i++)
    g_ptr_array_add (selected, g_list_model_get_item (deleted, i));

  if (selected->len == 0)
    {
      g_set_error (error, MP_ERROR, MP_ERROR_NOTHING, "%s",
                   _("Nothing to send: the plan has no milestones or meetings that match the choices."));
      return NULL;
    }
  ctx_init (&ctx, plan, options);
  /* Tests fix the day (options->now, MUTUALPLAN_TODAY). */
  today = options->now ? date_in_zone (ctx.now, ctx.gtz) : mp_date_today ();
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
    build_for_event (&ctx, g_ptr_array_index (selected, i), today, used, result, warn);
  ctx_clear (&ctx);

  if (result->len == 0)
    {
      if (options->only_outdated && warn->len == 0)
        g_set_error (error, MP_ERROR, MP_ERROR_NOTHING, "%s",
                     _("Nothing to send: every invitation is up to date."));
      else
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

MpInvitation *
mp_ical_build_decline_counter (MpPlan    *plan,
                               MpRecord  *event,
                               MpRecord  *proposal,
                               GDateTime *now,
                               GError   **error)
{
  MpIcalOptions options;
  Ctx ctx;
  MpInvitation *inv;
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  EventState st;
  const char *name = mp_record_get_string (proposal, MP_REPLY_NAME);

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (MP_IS_MILESTONE (event) || MP_IS_MEETING (event), NULL);
  g_return_val_if_fail (MP_IS_REPLY (proposal), NULL);

  mp_ical_options_init (&options);
  options.now = now;
  ctx_init (&ctx, plan, &options);
  if (ctx.organizer_email == NULL)
    {
      g_set_error (error, MP_ERROR, MP_ERROR_NO_EMAIL, "%s",
                   _("Invitations need the organizer’s email address: add a valid email address to the organizer."));
      ctx_clear (&ctx);
      return NULL;
    }
  event_state_init (&st, plan, event);
  inv = invitation_new (&ctx, event, used, "declined");
  inv->method = "DECLINECOUNTER";
  inv->sequence = MAX (event_sequence (event), st.max_sent);
  inv->fingerprint = g_strdup (st.fingerprint);
  inv->attendee_names = g_new0 (char *, 2);
  inv->attendee_emails = g_new0 (char *, 2);
  inv->attendee_ids = g_new0 (char *, 2);
  inv->attendee_names[0] = clean_param (name);
  inv->attendee_emails[0] = g_strdup (mp_record_get_string (proposal, MP_REPLY_EMAIL));
  inv->attendee_ids[0] = g_strdup ("");
  inv->without_email = g_new0 (char *, 1);
  finish_invitation (&ctx, inv, event, ICAL_METHOD_DECLINECOUNTER);
  event_state_clear (&st);
  ctx_clear (&ctx);
  return inv;
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

/* The event an invitation was made from, as the plan has it now. */
static MpRecord *
find_event (MpPlan       *plan,
            MpInvitation *inv)
{
  if (inv->is_deleted)
    {
      GListModel *list = G_LIST_MODEL (mp_record_get_children (MP_RECORD (plan), MP_PLAN_CANCELLATIONS));

      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        {
          g_autoptr(MpRecord) c = g_list_model_get_item (list, j);

          if (g_strcmp0 (mp_record_get_string (c, MP_CANCELLATION_UID), inv->uid) == 0)
            return c; /* the store keeps it */
        }
      return NULL;
    }
  if (inv->is_meeting)
    {
      GListModel *meetings = G_LIST_MODEL (mp_plan_get_meetings (plan));

      for (guint j = 0; j < g_list_model_get_n_items (meetings); j++)
        {
          g_autoptr(MpMeeting) mt = g_list_model_get_item (meetings, j);

          if (g_strcmp0 (mp_meeting_get_id (mt), inv->event_id) == 0)
            return MP_RECORD (mt); /* the store keeps it */
        }
      return NULL;
    }
  return MP_RECORD (mp_plan_find_milestone (plan, inv->event_id));
}

static void
record_sent (MpDocument   *document,
             MpRecord     *event,
             MpInvitation *inv,
             const char   *now)
{
  GListStore *store = sent_store (event);

  for (guint i = 0; inv->attendee_emails[i]; i++)
    {
      MpRecord *r = find_sent (store, inv->attendee_emails[i]);
      const char *pid = inv->attendee_ids && inv->attendee_ids[i] && *inv->attendee_ids[i] ? inv->attendee_ids[i] : NULL;

      if (r == NULL)
        {
          g_autoptr(MpRecord) s = g_object_new (MP_TYPE_SENT, NULL);

          mp_record_mark_new (s);
          mp_record_set_string (s, MP_SENT_EMAIL, inv->attendee_emails[i]);
          mp_record_set_string (s, MP_SENT_NAME, inv->attendee_names[i]);
          mp_record_set_string (s, MP_SENT_PARTICIPANT, pid);
          mp_record_set_int (s, MP_SENT_SEQUENCE, inv->sequence);
          mp_record_set_string (s, MP_SENT_FINGERPRINT, inv->fingerprint);
          mp_record_set_bool (s, MP_SENT_CANCELLED, inv->is_cancel);
          mp_record_set_string (s, MP_SENT_AT, now);
          mp_document_insert (document, store, g_list_model_get_n_items (G_LIST_MODEL (store)), s);
          continue;
        }
      if (g_strcmp0 (mp_record_get_string (r, MP_SENT_NAME), inv->attendee_names[i]) != 0 && *inv->attendee_names[i])
        mp_document_set_string (document, r, MP_SENT_NAME, inv->attendee_names[i]);
      if (pid != NULL)
        mp_document_set_string (document, r, MP_SENT_PARTICIPANT, pid);
      mp_document_set_int (document, r, MP_SENT_SEQUENCE, inv->sequence);
      mp_document_set_string (document, r, MP_SENT_FINGERPRINT, inv->fingerprint);
      mp_document_set_bool (document, r, MP_SENT_CANCELLED, inv->is_cancel);
      mp_document_set_string (document, r, MP_SENT_AT, now);
    }
}

guint
mp_ical_mark_sent (MpDocument *document,
                   GPtrArray  *invitations)
{
  MpPlan *plan;
  guint changed = 0;
  g_autofree char *now = mp_datetime_now ();

  g_return_val_if_fail (MP_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (invitations != NULL, 0);

  plan = mp_document_get_plan (document);
  mp_document_begin (document, _("Send Invitations"));
  for (guint i = 0; i < invitations->len; i++)
    {
      MpInvitation *inv = g_ptr_array_index (invitations, i);
      MpRecord *event = find_event (plan, inv);
      guint seq_field, invited_field;

      if (event == NULL || g_str_equal (inv->method, "DECLINECOUNTER"))
        continue;
      changed++;
      if (MP_IS_CANCELLATION (event))
        {
          GListStore *store = mp_record_get_children (MP_RECORD (plan), MP_PLAN_CANCELLATIONS);
          guint pos;

          /* Everyone it was sent to has the cancellation: nothing is left to keep. */
          if (g_list_store_find (store, event, &pos))
            mp_document_remove (document, store, pos);
          continue;
        }
      record_sent (document, event, inv, now);
      seq_field = MP_IS_MEETING (event) ? MP_MEETING_SEQUENCE : MP_MILESTONE_SEQUENCE;
      invited_field = MP_IS_MEETING (event) ? MP_MEETING_INVITED_SEQUENCE : MP_MILESTONE_INVITED_SEQUENCE;
      if (mp_record_get_int (event, seq_field) < inv->sequence)
        mp_document_set_int (document, event, seq_field, inv->sequence);
      if (mp_record_get_int (event, invited_field) < inv->sequence)
        mp_document_set_int (document, event, invited_field, inv->sequence);
    }
  mp_document_end (document);
  return changed;
}
