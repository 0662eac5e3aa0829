/* mp-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-format.h"

#include <glib/gi18n-lib.h>

#include "mp-display.h"
#include "mp-model.h"
#include "mp-date.h"

static GMutex time_lock;
static char *time_name;      /* the locale asked for last */
static locale_t time_locale; /* it, or 0 when it is not installed */

locale_t
mp_format_time_locale_begin (void)
{
  /* Translators: the installed locale whose month and day names your
   * dates use, e.g. "de_DE.UTF-8"; English keeps "C.UTF-8". */
  const char *name = C_("time locale", "C.UTF-8");
  locale_t loc;

  g_mutex_lock (&time_lock);
  if (g_strcmp0 (name, time_name) != 0)
    {
      locale_t base = duplocale (LC_GLOBAL_LOCALE);

      /* (The one made before is kept: another thread may be using it.) */
      time_locale = base ? newlocale (LC_TIME_MASK, name, base) : (locale_t) 0;
      if (time_locale == (locale_t) 0 && base != (locale_t) 0)
        freelocale (base);
      g_free (time_name);
      time_name = g_strdup (name);
    }
  loc = time_locale;
  g_mutex_unlock (&time_lock);
  return loc != (locale_t) 0 ? uselocale (loc) : (locale_t) 0;
}

void
mp_format_time_locale_end (locale_t previous)
{
  if (previous != (locale_t) 0)
    uselocale (previous);
}

static char *
format_with (MpDate      date,
             const char *format)
{
  g_autoptr(GDateTime) dt = NULL;
  locale_t previous;
  char *text;
  int y, m, d;

  if (date == MP_DATE_NONE)
    return g_strdup ("");
  mp_date_to_ymd (date, &y, &m, &d);
  dt = g_date_time_new_utc (y, m, d, 12, 0, 0);
  previous = mp_format_time_locale_begin ();
  text = g_date_time_format (dt, format);
  mp_format_time_locale_end (previous);
  return text;
}

char *
mp_format_date (MpDate date)
{
  /* Translators: a short date, strftime format: "31 Mar 2027"; in German "%-d. %b %Y". */
  return format_with (date, _("%-d %b %Y"));
}

char *
mp_format_date_long (MpDate date)
{
  /* Translators: a date with weekday, strftime format: "Wed, 31 Mar 2027". */
  return format_with (date, _("%a, %-d %b %Y"));
}

const char *
mp_format_participant (MpPlan     *plan,
                       const char *id)
{
  MpParticipant *p;

  if (id == NULL)
    return "";
  p = mp_plan_find_participant (plan, id);
  return p != NULL ? mp_participant_get_name (p) : id;
}

const char *
mp_format_party (MpParty party)
{
  switch (party)
    {
    case MP_PARTY_SELLER: return C_("side", "Seller");
    case MP_PARTY_CUSTOMER: return C_("side", "Customer");
    case MP_PARTY_BOTH: return C_("side", "Both");
    default: return "";
    }
}

const char *
mp_format_side (MpSide side)
{
  return mp_format_party (side == MP_SIDE_SELLER ? MP_PARTY_SELLER : MP_PARTY_CUSTOMER);
}

const char *
mp_format_status (MpStatus status)
{
  switch (status)
    {
    case MP_STATUS_PLANNED: return C_("milestone status", "Planned");
    case MP_STATUS_IN_PROGRESS: return C_("milestone status", "In progress");
    case MP_STATUS_DONE: return C_("milestone status", "Done");
    case MP_STATUS_BLOCKED: return C_("milestone status", "Blocked");
    case MP_STATUS_DROPPED: return C_("milestone status", "Dropped");
    default: return "";
    }
}

const char *
mp_format_goal_status (MpGoalStatus status)
{
  switch (status)
    {
    case MP_GOAL_OPEN: return C_("goal status", "Open");
    case MP_GOAL_ACHIEVED: return C_("goal status", "Achieved");
    case MP_GOAL_DROPPED: return C_("goal status", "Dropped");
    default: return "";
    }
}

char *
mp_format_participants (MpPlan             *plan,
                        const char * const *ids)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i]; i++)
    {
      if (s->len > 0)
        /* Translators: between names in a list */
        g_string_append (s, _(", "));
      g_string_append (s, mp_format_participant (plan, ids[i]));
    }
  return g_string_free (s, FALSE);
}

char *
mp_format_count (guint64 n)
{
  /* TRANSLATORS: what separates groups of three digits in large numbers
   * ("65,534"); German: "." */
  const char *sep = C_("thousands separator", ",");
  char digits[32];
  GString *out = g_string_new (NULL);
  int len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, n);

  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, sep);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

char *
mp_format_days_left (int days)
{
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days), days);
  if (days == 0)
    return g_strdup (_("Today"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "passed %d day ago", "passed %d days ago", -days), -days);
}

char *
mp_format_date_range (MpDate start,
                      MpDate due)
{
  g_autofree char *d = mp_format_date (due);

  if (due == MP_DATE_NONE)
    return g_strdup ("—");
  if (start != MP_DATE_NONE && start != due)
    {
      g_autofree char *s = mp_format_date (start);

      return g_strdup_printf ("%s – %s", s, d);
    }
  return g_steal_pointer (&d);
}

char *
mp_format_datetime (const char *at)
{
  g_autoptr(GDateTime) dt = at != NULL ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autofree char *date = NULL;

  if (dt == NULL)
    return g_strdup (at != NULL ? at : "");
  date = mp_format_date (mp_date_from_ymd (g_date_time_get_year (dt), g_date_time_get_month (dt),
                                           g_date_time_get_day_of_month (dt)));
  return g_strdup_printf ("%s, %02d:%02d", date, g_date_time_get_hour (dt), g_date_time_get_minute (dt));
}

/* "“text”" on one line, cut to @max_chars characters. */
static char *
quoted (const char *text,
        guint       max_chars)
{
  g_autofree char *one_line = g_strdelimit (g_strdup (text), "\n\r\t", ' ');
  g_autofree char *shown = mp_display_text (one_line, max_chars);

  /* Translators: quotation marks around a title or value: „%s“ in German. */
  return g_strdup_printf (_("“%s”"), shown);
}

static const char *
milestone_title (MpPlan     *plan,
                 const char *id)
{
  MpMilestone *m = plan ? mp_plan_find_milestone (plan, id) : NULL;

  return m ? mp_milestone_get_title (m) : id;
}

char *
mp_format_field_value (MpPlan       *plan,
                       MpRecord     *record,
                       guint         field,
                       const GValue *v,
                       guint         max_chars)
{
  const MpField *f = &mp_record_get_fields (record, NULL)[field];

  switch (f->kind)
    {
    case MP_FIELD_DATETIME:
    case MP_FIELD_LOCAL_DATETIME:
    case MP_FIELD_TIMEZONE:
      if (g_value_get_string (v) == NULL)
        return g_strdup (C_("value", "none"));
      return g_value_dup_string (v);
    case MP_FIELD_STRING:
      {
        const char *s = g_value_get_string (v);

        if (s == NULL || *s == '\0')
          return g_strdup (C_("value", "none"));
        return quoted (s, max_chars);
      }
    case MP_FIELD_DATE:
      if (g_value_get_uint (v) == MP_DATE_NONE)
        return g_strdup (_("no date"));
      return mp_format_date (g_value_get_uint (v));
    case MP_FIELD_TIME:
      if (g_value_get_int (v) < 0)
        return g_strdup (_("all day"));
      return mp_time_format (g_value_get_int (v));
    case MP_FIELD_INT:
      if (g_value_get_int (v) < f->min)
        return g_strdup (C_("value", "none"));
      return g_strdup_printf ("%d", g_value_get_int (v));
    case MP_FIELD_BOOL:
      return g_strdup (g_value_get_boolean (v) ? _("yes") : _("no"));
    case MP_FIELD_ENUM:
      {
        GType type = f->get_type ();
        int e = g_value_get_enum (v);

        if (type == MP_TYPE_STATUS)
          return g_strdup (mp_format_status (e));
        if (type == MP_TYPE_SIDE)
          return g_strdup (mp_format_side (e));
        if (type == MP_TYPE_PARTY)
          return g_strdup (mp_format_party (e));
        if (type == MP_TYPE_GOAL_STATUS)
          return g_strdup (mp_format_goal_status (e));
        return g_strdup (mp_enum_to_nick (type, e));
      }
    case MP_FIELD_REF:
      {
        const char *id = g_value_get_string (v);

        if (id == NULL)
          return g_strdup (C_("person", "nobody"));
        if (f->ref == MP_REF_MILESTONE)
          return quoted (milestone_title (plan, id), max_chars);
        return g_strdup (mp_format_participant (plan, id));
      }
    case MP_FIELD_REFS:
      {
        const char * const *ids = g_value_get_boxed (v);
        GString *out = g_string_new (NULL);

        for (guint i = 0; ids && ids[i]; i++)
          {
            if (i > 0)
              g_string_append (out, ", ");
            if (f->ref == MP_REF_MILESTONE)
              {
                g_autofree char *q = quoted (milestone_title (plan, ids[i]), max_chars);
                g_string_append (out, q);
              }
            else
              g_string_append (out, mp_format_participant (plan, ids[i]));
          }
        if (out->len == 0)
          g_string_append (out, C_("value", "none"));
        return g_string_free (out, FALSE);
      }
    case MP_FIELD_CHILD:
      return g_strdup (g_value_get_object (v) ? C_("value", "set") : C_("value", "none"));
    case MP_FIELD_DATE_MAP:
      {
        MpDateMap *map = g_value_get_boxed (v);
        guint n = map ? map->len : 0;

        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u date", "%u dates", n), n);
      }
    case MP_FIELD_CHILDREN:
    default:
      return g_strdup ("");
    }
}
