/* mp-itip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-itip.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "mp-display.h"
#include "mp-format.h"
#include "mp-ical.h"
#include "mp-mail.h"

void
mp_itip_result_free (MpItipResult *result)
{
  if (result == NULL)
    return;
  g_free (result->message);
  g_clear_object (&result->event);
  g_free (result);
}

/* ---- MIME ---------------------------------------------------------- */

#define MAX_DEPTH 8

/* The value of header @name in the (unfolded) header block, or NULL. */
static char *
header_value (const char *headers,
              const char *name)
{
  gsize nlen = strlen (name);

  for (const char *line = headers; line && *line;)
    {
      const char *eol = strchr (line, '\n');
      gsize len = eol ? (gsize) (eol - line) : strlen (line);

      if (len > nlen && line[nlen] == ':' && g_ascii_strncasecmp (line, name, nlen) == 0)
        return g_strstrip (g_strndup (line + nlen + 1, len - nlen - 1));
      line = eol ? eol + 1 : NULL;
    }
  return NULL;
}

/* A parameter (boundary, name, filename, method) of a header value. */
static char *
header_param (const char *value,
              const char *param)
{
  gsize plen = strlen (param);

  for (const char *p = value ? strchr (value, ';') : NULL; p != NULL; p = strchr (p + 1, ';'))
    {
      const char *q = p + 1;

      while (*q == ' ' || *q == '\t')
        q++;
      if (g_ascii_strncasecmp (q, param, plen) == 0 && q[plen] == '=')
        {
          const char *v = q + plen + 1;

          if (*v == '"')
            {
              const char *end = strchr (v + 1, '"');
              return end ? g_strndup (v + 1, (gsize) (end - v - 1)) : g_strdup (v + 1);
            }
          return g_strstrip (g_strndup (v, strcspn (v, ";")));
        }
    }
  return NULL;
}

/* Headers unfolded, '\n' line ends, and where the body starts. */
static char *
split_headers (const char  *data,
               gsize        len,
               const char **body)
{
  GString *h = g_string_new (NULL);
  const char *p = data ? data : "", *end = p + len; /* an empty GBytes has no data */

  while (p < end)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      const char *next = eol ? eol + 1 : end;
      gsize l = (gsize) ((eol ? eol : end) - p);

      if (l > 0 && p[l - 1] == '\r')
        l--;
      if (l == 0)
        {
          p = next;
          break;
        }
      if ((*p == ' ' || *p == '\t') && h->len > 0)
        {
          g_string_truncate (h, h->len - 1); /* the previous '\n' */
          g_string_append_c (h, ' ');
          while (l > 0 && (*p == ' ' || *p == '\t'))
            p++, l--;
        }
      g_string_append_len (h, p, (gssize) l);
      g_string_append_c (h, '\n');
      p = next;
    }
  *body = p;
  return g_string_free (h, FALSE);
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  c = g_ascii_toupper (c);
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static GBytes *
decode_body (const char *body,
             gsize       len,
             const char *encoding)
{
  if (encoding != NULL && g_ascii_strcasecmp (encoding, "base64") == 0)
    {
      GString *clean = g_string_sized_new (len);
      gsize out_len = 0;
      guchar *out;

      for (gsize i = 0; i < len; i++)
        if (g_ascii_isalnum (body[i]) || body[i] == '+' || body[i] == '/' || body[i] == '=')
          g_string_append_c (clean, body[i]);
      out = g_base64_decode (clean->str, &out_len);
      g_string_free (clean, TRUE);
      return g_bytes_new_take (out, out_len);
    }
  if (encoding != NULL && g_ascii_strcasecmp (encoding, "quoted-printable") == 0)
    {
      GString *s = g_string_sized_new (len);

      for (gsize i = 0; i < len; i++)
        {
          if (body[i] != '=')
            {
              g_string_append_c (s, body[i]);
              continue;
            }
          if (i + 1 < len && body[i + 1] == '\n')
            i += 1; /* soft break */
          else if (i + 2 < len && body[i + 1] == '\r' && body[i + 2] == '\n')
            i += 2;
          else if (i + 2 < len && hex_value (body[i + 1]) >= 0 && hex_value (body[i + 2]) >= 0)
            {
              g_string_append_c (s, (char) (hex_value (body[i + 1]) * 16 + hex_value (body[i + 2])));
              i += 2;
            }
          else
            g_string_append_c (s, '=');
        }
      return g_string_free_to_bytes (s);
    }
  return g_bytes_new (body, len);
}

static gboolean
looks_like_calendar (const char *data,
                     gsize       len)
{
  gsize i = 0;

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  return len - i >= 15 && g_ascii_strncasecmp (data + i, "BEGIN:VCALENDAR", 15) == 0;
}

static char *
normalized (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (*p != '\r')
      g_string_append_c (s, *p);
  return g_strchomp (g_string_free (s, FALSE));
}

static void
add_calendar (GPtrArray  *out,
              const char *data,
              gsize       len)
{
  g_autofree char *text = NULL;

  if (!looks_like_calendar (data, len))
    return;
  text = g_utf8_make_valid (data, (gssize) len);
  /* The same calendar inline and as invite.ics (Google, Thunderbird):
   * once. Line ends and trailing space do not count. */
  {
    g_autofree char *key = normalized (text);

    for (guint i = 0; i < out->len; i++)
      {
        g_autofree char *other = normalized (g_ptr_array_index (out, i));

        if (g_str_equal (other, key))
          return;
      }
  }
  g_ptr_array_add (out, g_steal_pointer (&text));
}

static gboolean
ends_with_ics (const char *name)
{
  gsize l = name ? strlen (name) : 0;

  return l >= 4 && g_ascii_strcasecmp (name + l - 4, ".ics") == 0;
}

static void
mime_walk (const char *data,
           gsize       len,
           int         depth,
           GPtrArray  *out)
{
  const char *body;
  g_autofree char *headers = NULL;
  g_autofree char *type = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *disposition = NULL;
  g_autofree char *name = NULL;
  g_autofree char *filename = NULL;
  gsize body_len;

  if (depth > MAX_DEPTH)
    return;
  if (looks_like_calendar (data, len))
    {
      add_calendar (out, data, len);
      return;
    }
  headers = split_headers (data, len, &body);
  body_len = len - (gsize) (body - data);
  type = header_value (headers, "Content-Type");
  encoding = header_value (headers, "Content-Transfer-Encoding");
  disposition = header_value (headers, "Content-Disposition");
  name = header_param (type, "name");
  filename = header_param (disposition, "filename");

  if (type != NULL && g_ascii_strncasecmp (type, "multipart/", 10) == 0)
    {
      g_autofree char *boundary = header_param (type, "boundary");
      g_autofree char *delim = NULL;
      gsize dlen;
      const char *p, *end = body + body_len, *part = NULL;

      if (boundary == NULL || *boundary == '\0')
        return;
      delim = g_strconcat ("--", boundary, NULL);
      dlen = strlen (delim);
      for (p = body; p < end;)
        {
          const char *eol = memchr (p, '\n', (gsize) (end - p));
          const char *next = eol ? eol + 1 : end;

          if ((gsize) (end - p) >= dlen && memcmp (p, delim, dlen) == 0)
            {
              if (part != NULL)
                {
                  const char *stop = p;

                  /* The line break before the delimiter belongs to it. */
                  if (stop > part && stop[-1] == '\n')
                    stop--;
                  if (stop > part && stop[-1] == '\r')
                    stop--;
                  mime_walk (part, (gsize) (stop - part), depth + 1, out);
                }
              if ((gsize) (end - p) >= dlen + 2 && p[dlen] == '-' && p[dlen + 1] == '-')
                return;
              part = next;
            }
          p = next;
        }
      return;
    }
  if (type != NULL && g_ascii_strncasecmp (type, "message/rfc822", 14) == 0)
    {
      g_autoptr(GBytes) inner = decode_body (body, body_len, encoding);
      gsize l;
      const char *d = g_bytes_get_data (inner, &l);

      mime_walk (d, l, depth + 1, out);
      return;
    }
  if ((type != NULL && (g_ascii_strncasecmp (type, "text/calendar", 13) == 0 ||
                        g_ascii_strncasecmp (type, "application/ics", 15) == 0)) ||
      ends_with_ics (name) || ends_with_ics (filename))
    {
      g_autoptr(GBytes) decoded = decode_body (body, body_len, encoding);
      gsize l;
      const char *d = g_bytes_get_data (decoded, &l);

      add_calendar (out, d, l);
    }
}

GPtrArray *
mp_itip_extract_calendars (const char *data,
                           gsize       length)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  if (data != NULL)
    mime_walk (data, length, 0, out);
  return out;
}

/* The mail's sender, lower case, or NULL. */
static char *
mail_from (const char *data,
           gsize       len)
{
  const char *body;
  g_autofree char *headers = NULL;
  g_autofree char *from = NULL;
  const char *lt, *gt;

  if (looks_like_calendar (data, len))
    return NULL;
  headers = split_headers (data, len, &body);
  from = header_value (headers, "From");
  if (from == NULL)
    return NULL;
  lt = strrchr (from, '<');
  gt = lt ? strchr (lt, '>') : NULL;
  if (lt != NULL && gt != NULL)
    return g_ascii_strdown (lt + 1, gt - lt - 1);
  return g_ascii_strdown (g_strstrip (from), -1);
}

/* ---- the plan's side ------------------------------------------------ */

static const char *
address_of (const char *cal_address)
{
  if (cal_address != NULL && g_ascii_strncasecmp (cal_address, "mailto:", 7) == 0)
    return cal_address + 7;
  return cal_address;
}

static MpRecord *
find_by_uid (MpPlan     *plan,
             const char *uid)
{
  GListModel *ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  GListModel *mts = G_LIST_MODEL (mp_plan_get_meetings (plan));
  GListModel *gone = G_LIST_MODEL (mp_record_get_children (MP_RECORD (plan), MP_PLAN_CANCELLATIONS));

  for (guint i = 0; i < g_list_model_get_n_items (ms); i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, i);
      g_autofree char *u = mp_ical_milestone_uid (plan, m);

      if (g_strcmp0 (u, uid) == 0)
        return MP_RECORD (m);
    }
  for (guint i = 0; i < g_list_model_get_n_items (mts); i++)
    {
      g_autoptr(MpMeeting) mt = g_list_model_get_item (mts, i);
      g_autofree char *u = mp_ical_meeting_uid (plan, mt);

      if (g_strcmp0 (u, uid) == 0)
        return MP_RECORD (mt);
    }
  for (guint i = 0; i < g_list_model_get_n_items (gone); i++)
    {
      g_autoptr(MpRecord) c = g_list_model_get_item (gone, i);

      if (g_strcmp0 (mp_record_get_string (c, MP_CANCELLATION_UID), uid) == 0)
        return c;
    }
  return NULL;
}

static guint
field_of (MpRecord   *event,
          const char *what)
{
  gboolean meeting = MP_IS_MEETING (event);

  if (g_str_equal (what, "sent"))
    return meeting ? MP_MEETING_SENT : MP_MILESTONE_SENT;
  if (g_str_equal (what, "replies"))
    return meeting ? MP_MEETING_REPLIES : MP_MILESTONE_REPLIES;
  return meeting ? MP_MEETING_PROPOSALS : MP_MILESTONE_PROPOSALS;
}

static const char *
title_of (MpRecord *event)
{
  if (MP_IS_MILESTONE (event))
    return mp_milestone_get_title (MP_MILESTONE (event));
  if (MP_IS_MEETING (event))
    return mp_meeting_get_title (MP_MEETING (event));
  return mp_record_get_string (event, MP_CANCELLATION_TITLE);
}

static GPtrArray *
invitee_ids (MpRecord *event)
{
  GPtrArray *ids;
  const char * const *att;

  if (MP_IS_MILESTONE (event))
    return mp_milestone_get_invitees (MP_MILESTONE (event));
  ids = g_ptr_array_new ();
  att = mp_meeting_get_attendees (MP_MEETING (event));
  for (guint i = 0; att && att[i]; i++)
    g_ptr_array_add (ids, (gpointer) att[i]);
  return ids;
}

static MpParticipant *
participant_by_email (MpPlan     *plan,
                      const char *email)
{
  GListModel *ps = G_LIST_MODEL (mp_plan_get_participants (plan));

  for (guint i = 0; email && i < g_list_model_get_n_items (ps); i++)
    {
      g_autoptr(MpParticipant) p = g_list_model_get_item (ps, i);

      if (mp_participant_get_email (p) && g_ascii_strcasecmp (mp_participant_get_email (p), email) == 0)
        return p;
    }
  return NULL;
}

/* A person's name for messages: the participant's, else the name the
 * reply gave, else the address. */
static char *
person_name (MpPlan     *plan,
             const char *email,
             const char *cn)
{
  MpParticipant *p = participant_by_email (plan, email);

  if (p != NULL && mp_participant_get_name (p) && *mp_participant_get_name (p))
    return g_strdup (mp_participant_get_name (p));
  if (cn != NULL && *cn)
    return g_strdup (cn);
  return g_strdup (email);
}

/* Was @email sent @event, or is among its invitees? */
static gboolean
is_invited (MpPlan     *plan,
            MpRecord   *event,
            const char *email)
{
  GListModel *sent = G_LIST_MODEL (mp_record_get_children (event, field_of (event, "sent")));
  g_autoptr(GPtrArray) ids = invitee_ids (event);

  for (guint i = 0; i < g_list_model_get_n_items (sent); i++)
    {
      g_autoptr(MpRecord) r = g_list_model_get_item (sent, i);

      if (g_ascii_strcasecmp (mp_record_get_string (r, MP_SENT_EMAIL), email) == 0)
        return TRUE;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      MpParticipant *p = mp_plan_find_participant (plan, g_ptr_array_index (ids, i));

      if (p != NULL && mp_participant_get_email (p) && g_ascii_strcasecmp (mp_participant_get_email (p), email) == 0)
        return TRUE;
    }
  return FALSE;
}

static int
max_sent (MpRecord *event)
{
  GListModel *sent = G_LIST_MODEL (mp_record_get_children (event, field_of (event, "sent")));
  int max = MP_IS_MEETING (event) ? mp_meeting_get_invited_sequence (MP_MEETING (event))
                                  : mp_milestone_get_invited_sequence (MP_MILESTONE (event));

  for (guint i = 0; i < g_list_model_get_n_items (sent); i++)
    {
      g_autoptr(MpRecord) r = g_list_model_get_item (sent, i);

      max = MAX (max, mp_record_get_int (r, MP_SENT_SEQUENCE));
    }
  return max;
}

/* ---- times ---------------------------------------------------------- */

/* @prop's time in the plan's zone: the day and the minutes (MP_TIME_NONE
 * for a date). */
static gboolean
local_time_of (MpPlan        *plan,
               icalcomponent *comp,
               icalproperty  *prop,
               MpDate        *day,
               int           *minutes)
{
  struct icaltimetype t;

  if (prop == NULL)
    return FALSE;
  t = icalvalue_get_datetime (icalproperty_get_value (prop));
  if (!t.is_date && !icaltime_is_utc (t))
    {
      icalparameter *tzp = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
      const char *tzid = tzp ? icalparameter_get_tzid (tzp) : NULL;
      icalcomponent *cal = icalcomponent_get_parent (comp);
      icaltimezone *zone = NULL;

      /* The sender's own VTIMEZONE first (Outlook: "W. Europe Standard Time"). */
      if (tzid != NULL && cal != NULL)
        zone = icalcomponent_get_timezone (cal, tzid);
      if (tzid != NULL && zone == NULL)
        zone = icaltimezone_get_builtin_timezone (tzid);
      if (tzid != NULL && zone == NULL)
        zone = icaltimezone_get_builtin_timezone_from_tzid (tzid);
      t.zone = zone;
    }
  if (icaltime_is_null_time (t) || !icaltime_is_valid_time (t))
    return FALSE;
  if (t.is_date)
    {
      *day = mp_date_from_ymd (t.year, t.month, t.day);
      *minutes = MP_TIME_NONE;
      return *day != MP_DATE_NONE;
    }
  if (t.zone == NULL && !icaltime_is_utc (t))
    {
      /* Floating: as the plan's local time. */
      *day = mp_date_from_ymd (t.year, t.month, t.day);
      *minutes = t.hour * 60 + t.minute;
      return *day != MP_DATE_NONE;
    }
  {
    time_t secs = icaltime_as_timet_with_zone (t, t.zone ? t.zone : icaltimezone_get_utc_timezone ());
    g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (mp_plan_get_timezone_or_default (plan));
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc ((gint64) secs);
    g_autoptr(GDateTime) local = NULL;

    if (tz == NULL)
      tz = g_time_zone_new_utc ();
    local = g_date_time_to_timezone (utc, tz);
    *day = mp_date_from_ymd (g_date_time_get_year (local), g_date_time_get_month (local),
                             g_date_time_get_day_of_month (local));
    *minutes = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
    return *day != MP_DATE_NONE;
  }
}

/* Whether an answer stamped @stamp (NULL: the reply had no DTSTAMP) is
 * older than @old's: one without a stamp never overrides one with a
 * stamp, for answers and proposals alike. */
static gboolean
older_than_recorded (MpRecord   *old,
                     const char *stamp)
{
  const char *at = mp_record_get_string (old, MP_REPLY_AT);

  return at != NULL && (stamp == NULL || strcmp (at, stamp) > 0);
}

static char *
stamp_text (icalcomponent *ev)
{
  icalproperty *p = icalcomponent_get_first_property (ev, ICAL_DTSTAMP_PROPERTY);
  struct icaltimetype t;
  g_autoptr(GDateTime) dt = NULL;

  if (p == NULL)
    return NULL;
  t = icalproperty_get_dtstamp (p);
  if (icaltime_is_null_time (t))
    return NULL;
  dt = g_date_time_new_utc (t.year, t.month, t.day, t.hour, t.minute, t.second);
  return dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S+00:00") : NULL;
}

static char *
format_proposal_when (MpDate day,
                      int    minutes)
{
  g_autofree char *date = mp_format_date (day);

  if (minutes == MP_TIME_NONE)
    return g_steal_pointer (&date);
  return g_strdup_printf ("%s %02d:%02d", date, minutes / 60, minutes % 60);
}

/* ---- reading one reply ---------------------------------------------- */

typedef struct {
  MpDocument *document;
  MpPlan     *plan;
  const char *source;
  const char *from;       /* the mail's sender, or NULL */
  GPtrArray  *results;
  gboolean    any;        /* some REPLY or COUNTER was seen */
} Import;

static void
result (Import        *im,
        MpItipOutcome  outcome,
        MpRecord      *event,
        char          *message /* taken */)
{
  MpItipResult *r = g_new0 (MpItipResult, 1);

  r->outcome = outcome;
  r->event = event ? g_object_ref (event) : NULL;
  r->message = message;
  g_ptr_array_add (im->results, r);
}

static const char *
param_x (icalproperty *prop,
         const char   *xname)
{
  for (icalparameter *p = icalproperty_get_first_parameter (prop, ICAL_X_PARAMETER); p;
       p = icalproperty_get_next_parameter (prop, ICAL_X_PARAMETER))
    if (icalparameter_get_xname (p) && g_ascii_strcasecmp (icalparameter_get_xname (p), xname) == 0)
      return icalparameter_get_xvalue (p);
  return NULL;
}

static const char *
param_string (icalproperty      *prop,
              icalparameter_kind kind)
{
  icalparameter *p = icalproperty_get_first_parameter (prop, kind);

  if (p == NULL)
    return NULL;
  switch (kind)
    {
    case ICAL_CN_PARAMETER:
      return icalparameter_get_cn (p);
    case ICAL_DELEGATEDTO_PARAMETER:
      return icalparameter_get_delegatedto (p);
    default:
      return NULL;
    }
}

/* The replying attendee: the one whose address is the mail's sender,
 * else the first one that answered, else the first one. */
static icalproperty *
pick_attendee (icalcomponent *ev,
               const char    *from)
{
  icalproperty *first = NULL, *answered = NULL;

  for (icalproperty *p = icalcomponent_get_first_property (ev, ICAL_ATTENDEE_PROPERTY); p;
       p = icalcomponent_get_next_property (ev, ICAL_ATTENDEE_PROPERTY))
    {
      const char *addr = address_of (icalproperty_get_attendee (p));
      icalparameter *ps = icalproperty_get_first_parameter (p, ICAL_PARTSTAT_PARAMETER);

      if (first == NULL)
        first = p;
      if (from != NULL && addr != NULL && g_ascii_strcasecmp (addr, from) == 0)
        return p;
      if (answered == NULL && ps != NULL && icalparameter_get_partstat (ps) != ICAL_PARTSTAT_NEEDSACTION)
        answered = p;
    }
  return answered ? answered : first;
}

static MpRecord *
find_answer (GListStore *store,
             const char *email,
             MpDate      occurrence,
             guint      *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(MpRecord) r = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_ascii_strcasecmp (mp_record_get_string (r, MP_REPLY_EMAIL), email) == 0 &&
          mp_record_get_date (r, MP_REPLY_OCCURRENCE) == occurrence)
        {
          if (position)
            *position = i;
          return r;
        }
    }
  return NULL;
}

static char *
answer_sentence (const char *who,
                 MpAnswer    answer,
                 const char *title,
                 const char *delegated_to,
                 const char *comment,
                 const char *occurrence)
{
  g_autofree char *base = NULL;

  switch (answer)
    {
    case MP_ANSWER_ACCEPTED:
      base = g_strdup_printf (_("%s accepted “%s”"), who, title);
      break;
    case MP_ANSWER_DECLINED:
      base = g_strdup_printf (_("%s declined “%s”"), who, title);
      break;
    case MP_ANSWER_TENTATIVE:
      base = g_strdup_printf (_("%s tentatively accepted “%s”"), who, title);
      break;
    case MP_ANSWER_DELEGATED:
      {
        g_autofree char *to = mp_display_text (delegated_to ? delegated_to : "?", 200);

        base = g_strdup_printf (_("%s delegated “%s” to %s"), who, title, to);
      }
      break;
    case MP_ANSWER_PROPOSED:
    default:
      base = g_strdup_printf (_("%s answered “%s”"), who, title);
      break;
    }
  if (occurrence != NULL)
    {
      /* Translators: an answer for one occurrence of a recurring meeting: "… (on 13 Apr 2027)". */
      g_autofree char *b = g_strdup_printf (_("%s (on %s)"), base, occurrence);
      g_free (base);
      base = g_steal_pointer (&b);
    }
  if (comment != NULL && *comment)
    return g_strdup_printf ("%s: ‘%s’", base, comment);
  return g_steal_pointer (&base);
}

static void
import_event (Import        *im,
              icalproperty_method method,
              icalcomponent *ev)
{
  MpPlan *plan = im->plan;
  const char *uid_c = icalcomponent_get_uid (ev);
  g_autofree char *uid = g_strdup (uid_c);
  g_autofree char *summary = g_strdup (icalcomponent_get_summary (ev));
  icalproperty *seq_p = icalcomponent_get_first_property (ev, ICAL_SEQUENCE_PROPERTY);
  int seq = seq_p ? icalproperty_get_sequence (seq_p) : 0;
  icalproperty *comment_p = icalcomponent_get_first_property (ev, ICAL_COMMENT_PROPERTY);
  g_autofree char *comment = comment_p ? g_strdup (icalproperty_get_comment (comment_p)) : NULL;
  icalproperty *rid_p = icalcomponent_get_first_property (ev, ICAL_RECURRENCEID_PROPERTY);
  icalproperty *start_p = icalcomponent_get_first_property (ev, ICAL_DTSTART_PROPERTY);
  icalproperty *att = pick_attendee (ev, im->from);
  g_autofree char *stamp = stamp_text (ev);
  g_autofree char *email = NULL;
  g_autofree char *cn = NULL;
  g_autofree char *who = NULL;
  g_autofree char *delegated = NULL;
  g_autofree char *title = NULL;
  g_autofree char *shown_comment = NULL;
  g_autofree char *shown_summary = NULL;
  MpRecord *event;
  MpDate occurrence = MP_DATE_NONE;
  int occ_minutes;
  icalparameter_partstat partstat = ICAL_PARTSTAT_NONE;
  MpAnswer answer;

  if (att == NULL || address_of (icalproperty_get_attendee (att)) == NULL)
    {
      result (im, MP_ITIP_IGNORED, NULL,
              g_strdup_printf (_("%s: an answer without an attendee: nothing changed."), im->source));
      return;
    }
  email = g_strdup (address_of (icalproperty_get_attendee (att)));
  cn = g_strdup (param_string (att, ICAL_CN_PARAMETER));
  /* The reply's words reach the result messages shortened and with
   * their bidi controls isolated (docs/security.md). */
  {
    g_autofree char *name = person_name (plan, email, cn);

    who = mp_display_text (name, 200);
  }
  if (param_string (att, ICAL_DELEGATEDTO_PARAMETER))
    delegated = g_strdup (address_of (param_string (att, ICAL_DELEGATEDTO_PARAMETER)));
  if (comment == NULL && param_x (att, "X-RESPONSE-COMMENT") != NULL)
    comment = g_strdup (param_x (att, "X-RESPONSE-COMMENT"));
  if (comment != NULL)
    g_strstrip (comment);
  shown_comment = comment != NULL ? mp_display_text (comment, 500) : NULL;
  {
    icalparameter *ps = icalproperty_get_first_parameter (att, ICAL_PARTSTAT_PARAMETER);
    partstat = ps ? icalparameter_get_partstat (ps) : ICAL_PARTSTAT_NONE;
  }

  event = uid ? find_by_uid (plan, uid) : NULL;
  if (event == NULL)
    {
      shown_summary = mp_display_text (summary ? summary : uid ? uid : "?", 200);
      result (im, MP_ITIP_IGNORED, NULL,
              g_strdup_printf (_("%s answered “%s”, an event this plan does not have: nothing changed."),
                               who, shown_summary));
      return;
    }
  title = mp_display_text (title_of (event), 200);
  if (MP_IS_CANCELLATION (event))
    {
      result (im, MP_ITIP_IGNORED, NULL,
              g_strdup_printf (_("%s answered “%s”, which was deleted from the plan: nothing changed."), who, title));
      return;
    }
  if (!is_invited (plan, event, email))
    {
      g_autofree char *shown_email = mp_display_text (email, 200);

      result (im, MP_ITIP_IGNORED, event,
              g_strdup_printf (_("%s (%s) answered “%s” but is not invited to it: nothing changed."), who, shown_email, title));
      return;
    }
  if (seq < max_sent (event))
    {
      result (im, MP_ITIP_IGNORED, event,
              g_strdup_printf (_("%s answered an older version of “%s” (sent before its last update): nothing changed. Their answer to the update is still to come."),
                               who, title));
      return;
    }
  if (rid_p != NULL && MP_IS_MEETING (event))
    local_time_of (plan, ev, rid_p, &occurrence, &occ_minutes);

  if (method == ICAL_METHOD_COUNTER)
    {
      GListStore *store = mp_record_get_children (event, field_of (event, "proposals"));
      MpDate day = MP_DATE_NONE;
      int minutes = MP_TIME_NONE;
      MpRecord *old;
      g_autoptr(MpRecord) prop = NULL;
      g_autofree char *when = NULL;
      guint pos;

      if (!local_time_of (plan, ev, start_p, &day, &minutes))
        {
          result (im, MP_ITIP_IGNORED, event,
                  g_strdup_printf (_("%s proposed another time for “%s” but gave no date: nothing changed."), who, title));
          return;
        }
      if (MP_IS_MILESTONE (event) && mp_milestone_get_time (MP_MILESTONE (event)) == MP_TIME_NONE)
        minutes = MP_TIME_NONE; /* a deadline moves by the day */
      prop = g_object_new (MP_TYPE_REPLY, NULL);
      mp_record_mark_new (prop);
      mp_record_set_string (prop, MP_REPLY_EMAIL, email);
      mp_record_set_string (prop, MP_REPLY_NAME, cn);
      mp_record_set_int (prop, MP_REPLY_ANSWER, MP_ANSWER_PROPOSED);
      mp_record_set_date (prop, MP_REPLY_OCCURRENCE, occurrence);
      mp_record_set_string (prop, MP_REPLY_AT, stamp);
      mp_record_set_int (prop, MP_REPLY_SEQUENCE, seq);
      mp_record_set_string (prop, MP_REPLY_COMMENT, comment && *comment ? comment : NULL);
      mp_record_set_date (prop, MP_REPLY_PROPOSED_DATE, day);
      mp_record_set_int (prop, MP_REPLY_PROPOSED_TIME, minutes);
      old = find_answer (store, email, occurrence, &pos);
      if (old != NULL)
        {
          if (older_than_recorded (old, stamp))
            {
              result (im, MP_ITIP_IGNORED, event,
                      g_strdup_printf (_("%s’s proposal for “%s” is older than the one already recorded: nothing changed."), who, title));
              return;
            }
          mp_document_remove (im->document, store, pos);
        }
      mp_document_insert (im->document, store, g_list_model_get_n_items (G_LIST_MODEL (store)), prop);
      when = format_proposal_when (day, minutes);
      result (im, MP_ITIP_PROPOSAL, event,
              comment && *comment
              ? g_strdup_printf (_("%s proposes %s for “%s”: ‘%s’"), who, when, title, shown_comment)
              : g_strdup_printf (_("%s proposes %s for “%s”."), who, when, title));
      return;
    }

  switch (partstat)
    {
    case ICAL_PARTSTAT_ACCEPTED:
      answer = MP_ANSWER_ACCEPTED;
      break;
    case ICAL_PARTSTAT_DECLINED:
      answer = MP_ANSWER_DECLINED;
      break;
    case ICAL_PARTSTAT_TENTATIVE:
      answer = MP_ANSWER_TENTATIVE;
      break;
    case ICAL_PARTSTAT_DELEGATED:
      answer = MP_ANSWER_DELEGATED;
      break;
    default:
      result (im, MP_ITIP_IGNORED, event,
              g_strdup_printf (_("%s’s reply to “%s” gives no answer (accept, decline or tentative): nothing changed."), who, title));
      return;
    }

  {
    GListStore *store = mp_record_get_children (event, field_of (event, "replies"));
    MpRecord *old = find_answer (store, email, occurrence, NULL);
    g_autofree char *occ_text = occurrence != MP_DATE_NONE ? mp_format_date (occurrence) : NULL;

    if (old != NULL)
      {
        if (older_than_recorded (old, stamp))
          {
            result (im, MP_ITIP_IGNORED, event,
                    g_strdup_printf (_("%s’s answer to “%s” is older than the one already recorded: nothing changed."), who, title));
            return;
          }
        if (mp_record_get_int (old, MP_REPLY_ANSWER) == (int) answer &&
            g_strcmp0 (mp_record_get_string (old, MP_REPLY_COMMENT), comment && *comment ? comment : NULL) == 0 &&
            g_strcmp0 (mp_record_get_string (old, MP_REPLY_AT), stamp) == 0)
          {
            g_autofree char *s = answer_sentence (who, answer, title, delegated, NULL, occ_text);
            result (im, MP_ITIP_UNCHANGED, event, g_strdup_printf (_("%s (already recorded)."), s));
            return;
          }
        mp_document_set_int (im->document, old, MP_REPLY_ANSWER, (int) answer);
        mp_document_set_string (im->document, old, MP_REPLY_AT, stamp);
        mp_document_set_int (im->document, old, MP_REPLY_SEQUENCE, seq);
        mp_document_set_string (im->document, old, MP_REPLY_COMMENT, comment && *comment ? comment : NULL);
        mp_document_set_string (im->document, old, MP_REPLY_DELEGATED_TO, delegated);
        if (cn != NULL)
          mp_document_set_string (im->document, old, MP_REPLY_NAME, cn);
      }
    else
      {
        g_autoptr(MpRecord) r = g_object_new (MP_TYPE_REPLY, NULL);

        mp_record_mark_new (r);
        mp_record_set_string (r, MP_REPLY_EMAIL, email);
        mp_record_set_string (r, MP_REPLY_NAME, cn);
        mp_record_set_int (r, MP_REPLY_ANSWER, (int) answer);
        mp_record_set_date (r, MP_REPLY_OCCURRENCE, occurrence);
        mp_record_set_string (r, MP_REPLY_AT, stamp);
        mp_record_set_int (r, MP_REPLY_SEQUENCE, seq);
        mp_record_set_string (r, MP_REPLY_COMMENT, comment && *comment ? comment : NULL);
        mp_record_set_string (r, MP_REPLY_DELEGATED_TO, delegated);
        mp_document_insert (im->document, store, g_list_model_get_n_items (G_LIST_MODEL (store)), r);
      }
    {
      g_autofree char *s = answer_sentence (who, answer, title, delegated, shown_comment, occ_text);
      result (im, MP_ITIP_RECORDED, event, comment && *comment ? g_strdup (s) : g_strdup_printf ("%s.", s));
    }
  }
}

gboolean
mp_itip_import (MpDocument  *document,
                const char  *source,
                GBytes      *data,
                GPtrArray   *results,
                GError     **error)
{
  gsize len;
  const char *bytes;
  g_autoptr(GPtrArray) calendars = NULL;
  g_autofree char *from = NULL;
  Import im = { 0 };
  g_autoptr(GPtrArray) other_methods = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (MP_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (results != NULL, FALSE);

  bytes = g_bytes_get_data (data, &len);
  calendars = mp_itip_extract_calendars (bytes, len);
  from = mail_from (bytes, len);
  im.document = document;
  im.plan = mp_document_get_plan (document);
  im.source = source;
  im.from = from;
  im.results = results;

  if (calendars->len == 0)
    {
      g_set_error (error, MP_ERROR, MP_ERROR_INVALID,
                   _("%s holds no calendar answer: give the .ics file or the whole mail (.eml) the calendar sent back."),
                   source);
      return FALSE;
    }

  mp_document_begin (document, _("Import Replies"));
  for (guint i = 0; i < calendars->len; i++)
    {
      icalcomponent *cal = icalparser_parse_string (g_ptr_array_index (calendars, i));
      icalproperty_method method;
      icalcomponent *inner;

      if (cal == NULL)
        continue;
      if (icalcomponent_isa (cal) != ICAL_VCALENDAR_COMPONENT)
        {
          icalcomponent_free (cal);
          continue;
        }
      method = icalcomponent_get_method (cal);
      if (method != ICAL_METHOD_REPLY && method != ICAL_METHOD_COUNTER)
        {
          g_ptr_array_add (other_methods, g_strdup (icalproperty_method_to_string (method)));
          icalcomponent_free (cal);
          continue;
        }
      im.any = TRUE;
      for (inner = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT); inner;
           inner = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT))
        import_event (&im, method, inner);
      icalcomponent_free (cal);
    }
  mp_document_end (document);

  if (!im.any)
    {
      g_set_error (error, MP_ERROR, MP_ERROR_INVALID,
                   _("%s is not an answer to an invitation (its calendar is a %s, not a REPLY or COUNTER): nothing changed."),
                   source, other_methods->len > 0 && g_ptr_array_index (other_methods, 0)
                           ? (char *) g_ptr_array_index (other_methods, 0) : "?");
      return FALSE;
    }
  return TRUE;
}

/* ---- proposals ------------------------------------------------------ */

static gboolean
find_in (GListStore *store,
         MpRecord   *item,
         guint      *pos)
{
  return g_list_store_find (store, item, pos);
}

void
mp_itip_accept_proposal (MpDocument *document,
                         MpRecord   *event,
                         MpRecord   *proposal)
{
  GListStore *store;
  MpDate day;
  int minutes;
  guint pos;

  g_return_if_fail (MP_IS_DOCUMENT (document));
  g_return_if_fail (MP_IS_MILESTONE (event) || MP_IS_MEETING (event));
  g_return_if_fail (MP_IS_REPLY (proposal));

  store = mp_record_get_children (event, field_of (event, "proposals"));
  day = mp_record_get_date (proposal, MP_REPLY_PROPOSED_DATE);
  minutes = mp_record_get_int (proposal, MP_REPLY_PROPOSED_TIME);
  mp_document_begin (document, _("Accept Proposal"));
  if (MP_IS_MILESTONE (event))
    {
      mp_document_set_date (document, event, MP_MILESTONE_DUE, day);
      if (minutes != MP_TIME_NONE && mp_milestone_get_time (MP_MILESTONE (event)) != MP_TIME_NONE)
        mp_document_set_int (document, event, MP_MILESTONE_TIME, minutes);
    }
  else
    {
      MpDate old_day;
      int old_minutes = 0;
      g_autofree char *start = NULL;
      int y, m, d;

      mp_local_datetime_parse (mp_meeting_get_start (MP_MEETING (event)), &old_day, &old_minutes);
      if (minutes == MP_TIME_NONE)
        minutes = old_minutes;
      mp_date_to_ymd (day, &y, &m, &d);
      start = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d", y, m, d, minutes / 60, minutes % 60);
      mp_document_set_string (document, event, MP_MEETING_START, start);
    }
  if (find_in (store, proposal, &pos))
    mp_document_remove (document, store, pos);
  mp_document_end (document);
}

void
mp_itip_dismiss_proposal (MpDocument *document,
                          MpRecord   *event,
                          MpRecord   *proposal)
{
  GListStore *store;
  guint pos;

  g_return_if_fail (MP_IS_DOCUMENT (document));
  g_return_if_fail (MP_IS_MILESTONE (event) || MP_IS_MEETING (event));

  store = mp_record_get_children (event, field_of (event, "proposals"));
  if (!find_in (store, proposal, &pos))
    return;
  mp_document_begin (document, _("Decline Proposal"));
  mp_document_remove (document, store, pos);
  mp_document_end (document);
}

char *
mp_itip_describe_proposal (MpPlan   *plan,
                           MpRecord *proposal)
{
  g_autofree char *who = person_name (plan, mp_record_get_string (proposal, MP_REPLY_EMAIL),
                                      mp_record_get_string (proposal, MP_REPLY_NAME));
  g_autofree char *when = format_proposal_when (mp_record_get_date (proposal, MP_REPLY_PROPOSED_DATE),
                                                mp_record_get_int (proposal, MP_REPLY_PROPOSED_TIME));
  const char *comment = mp_record_get_string (proposal, MP_REPLY_COMMENT);

  if (comment != NULL && *comment)
    /* Translators: "Sue Kim proposes 9 Apr 2027: ‘Our outside counsel is only free from 9 April.’" */
    return g_strdup_printf (_("%s proposes %s: ‘%s’"), who, when, comment);
  return g_strdup_printf (_("%s proposes %s"), who, when);
}

/* ---- summaries ------------------------------------------------------ */

void
mp_itip_summary_free (MpItipSummary *s)
{
  if (s == NULL)
    return;
  g_ptr_array_unref (s->accepted);
  g_ptr_array_unref (s->declined);
  g_ptr_array_unref (s->tentative);
  g_ptr_array_unref (s->delegated);
  g_ptr_array_unref (s->waiting);
  g_ptr_array_unref (s->proposals);
  g_free (s);
}

MpItipSummary *
mp_itip_summarize (MpPlan   *plan,
                   MpRecord *event)
{
  GListModel *sent, *replies, *proposals;
  MpItipSummary *s;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  if (!MP_IS_MILESTONE (event) && !MP_IS_MEETING (event))
    return NULL;
  sent = G_LIST_MODEL (mp_record_get_children (event, field_of (event, "sent")));
  replies = G_LIST_MODEL (mp_record_get_children (event, field_of (event, "replies")));
  proposals = G_LIST_MODEL (mp_record_get_children (event, field_of (event, "proposals")));
  if (g_list_model_get_n_items (sent) == 0 && g_list_model_get_n_items (replies) == 0 &&
      g_list_model_get_n_items (proposals) == 0)
    return NULL;

  s = g_new0 (MpItipSummary, 1);
  s->accepted = g_ptr_array_new_with_free_func (g_free);
  s->declined = g_ptr_array_new_with_free_func (g_free);
  s->tentative = g_ptr_array_new_with_free_func (g_free);
  s->delegated = g_ptr_array_new_with_free_func (g_free);
  s->waiting = g_ptr_array_new_with_free_func (g_free);
  s->proposals = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (replies); i++)
    {
      g_autoptr(MpRecord) r = g_list_model_get_item (replies, i);
      g_autofree char *who = person_name (plan, mp_record_get_string (r, MP_REPLY_EMAIL),
                                          mp_record_get_string (r, MP_REPLY_NAME));
      const char *comment = mp_record_get_string (r, MP_REPLY_COMMENT);
      MpDate occ = mp_record_get_date (r, MP_REPLY_OCCURRENCE);
      GString *t = g_string_new (who);

      if (occ != MP_DATE_NONE)
        {
          g_autofree char *d = mp_format_date (occ);
          /* Translators: who answered for one occurrence: "Sue Kim (13 Apr 2027)". */
          g_string_append_printf (t, _(" (%s)"), d);
        }
      if (mp_record_get_int (r, MP_REPLY_ANSWER) == MP_ANSWER_DELEGATED)
        g_string_append_printf (t, " → %s", mp_record_get_string (r, MP_REPLY_DELEGATED_TO)
                                            ? mp_record_get_string (r, MP_REPLY_DELEGATED_TO) : "?");
      if (comment != NULL && *comment)
        g_string_append_printf (t, ": ‘%s’", comment);
      switch (mp_record_get_int (r, MP_REPLY_ANSWER))
        {
        case MP_ANSWER_ACCEPTED: g_ptr_array_add (s->accepted, g_string_free (t, FALSE)); break;
        case MP_ANSWER_DECLINED: g_ptr_array_add (s->declined, g_string_free (t, FALSE)); break;
        case MP_ANSWER_TENTATIVE: g_ptr_array_add (s->tentative, g_string_free (t, FALSE)); break;
        default: g_ptr_array_add (s->delegated, g_string_free (t, FALSE)); break;
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (sent); i++)
    {
      g_autoptr(MpRecord) r = g_list_model_get_item (sent, i);
      const char *email = mp_record_get_string (r, MP_SENT_EMAIL);

      if (mp_record_get_bool (r, MP_SENT_CANCELLED) || find_answer (G_LIST_STORE (replies), email, MP_DATE_NONE, NULL))
        continue;
      g_ptr_array_add (s->waiting, person_name (plan, email, mp_record_get_string (r, MP_SENT_NAME)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (proposals); i++)
    {
      g_autoptr(MpRecord) r = g_list_model_get_item (proposals, i);
      g_ptr_array_add (s->proposals, mp_itip_describe_proposal (plan, r));
    }
  return s;
}

/* "LABEL NAME, NAME": @label is our words ("Accepted:"). */
static void
append_line (GString    *s,
             const char *label,
             GPtrArray  *names)
{
  g_autofree char *joined = NULL;

  if (names->len == 0)
    return;
  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (_(", "), (char **) names->pdata);
  g_ptr_array_remove_index (names, names->len - 1);
  if (s->len > 0)
    g_string_append_c (s, '\n');
  g_string_append_printf (s, "%s %s", label, joined);
}

char *
mp_itip_describe_answers (MpPlan   *plan,
                          MpRecord *event,
                          gboolean  with_waiting)
{
  g_autoptr(MpItipSummary) sum = mp_itip_summarize (plan, event);
  GString *s;

  if (sum == NULL)
    return NULL;
  s = g_string_new (NULL);
  /* Translators: who accepted an invitation, in the milestones list and the details. */
  append_line (s, _("Accepted:"), sum->accepted);
  append_line (s, _("Declined:"), sum->declined);
  append_line (s, _("Tentative:"), sum->tentative);
  append_line (s, _("Delegated:"), sum->delegated);
  if (with_waiting)
    append_line (s, _("Not answered yet:"), sum->waiting);
  for (guint i = 0; i < sum->proposals->len; i++)
    g_string_append_printf (s, "%s%s", s->len ? "\n" : "", (char *) g_ptr_array_index (sum->proposals, i));
  if (s->len == 0)
    return g_string_free (s, TRUE);
  return g_string_free (s, FALSE);
}

void
mp_itip_collect_problems (MpPlan    *plan,
                          GPtrArray *records,
                          GPtrArray *messages,
                          GArray    *is_proposal)
{
  GListModel *lists[2] = { G_LIST_MODEL (mp_plan_get_milestones (plan)), G_LIST_MODEL (mp_plan_get_meetings (plan)) };
  gboolean yes = TRUE, no = FALSE;

  g_return_if_fail (MP_IS_PLAN (plan));

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(MpRecord) ev = g_list_model_get_item (lists[l], i);
        GListModel *replies = G_LIST_MODEL (mp_record_get_children (ev, field_of (ev, "replies")));
        GListModel *proposals = G_LIST_MODEL (mp_record_get_children (ev, field_of (ev, "proposals")));
        const char *title = title_of (ev);

        if (MP_IS_MILESTONE (ev) && mp_milestone_get_status (MP_MILESTONE (ev)) == MP_STATUS_DROPPED)
          continue;
        if (MP_IS_MEETING (ev) && mp_meeting_get_cancelled (MP_MEETING (ev)))
          continue;
        for (guint j = 0; j < g_list_model_get_n_items (replies); j++)
          {
            g_autoptr(MpRecord) r = g_list_model_get_item (replies, j);
            g_autofree char *who = NULL;
            g_autofree char *occ = NULL;

            if (mp_record_get_int (r, MP_REPLY_ANSWER) != MP_ANSWER_DECLINED)
              continue;
            who = person_name (plan, mp_record_get_string (r, MP_REPLY_EMAIL), mp_record_get_string (r, MP_REPLY_NAME));
            if (mp_record_get_date (r, MP_REPLY_OCCURRENCE) != MP_DATE_NONE)
              occ = mp_format_date (mp_record_get_date (r, MP_REPLY_OCCURRENCE));
            g_ptr_array_add (records, g_object_ref (ev));
            g_ptr_array_add (messages, answer_sentence (who, MP_ANSWER_DECLINED, title, NULL,
                                                        mp_record_get_string (r, MP_REPLY_COMMENT), occ));
            g_array_append_val (is_proposal, no);
          }
        for (guint j = 0; j < g_list_model_get_n_items (proposals); j++)
          {
            g_autoptr(MpRecord) r = g_list_model_get_item (proposals, j);
            g_autofree char *text = mp_itip_describe_proposal (plan, r);

            g_ptr_array_add (records, g_object_ref (ev));
            /* Translators: a pending proposal in the Overview: "“Legal review”: Sue Kim proposes 9 Apr 2027: ‘…’". */
            g_ptr_array_add (messages, g_strdup_printf (_("“%s”: %s"), title, text));
            g_array_append_val (is_proposal, yes);
          }
      }
}
