/* mp-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-date.h"

#include <stdio.h>
#include <string.h>

static gboolean
digits (const char *s,
        int         n,
        int        *value)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *value = v;
  return TRUE;
}

/* Parses "YYYY-MM-DD" at the start of @s without looking past it. */
static gboolean
parse_date_prefix (const char *s,
                   MpDate     *out)
{
  int y, m, d;

  if (!digits (s, 4, &y) || s[4] != '-' || !digits (s + 5, 2, &m) ||
      s[7] != '-' || !digits (s + 8, 2, &d))
    return FALSE;
  if (y < 1 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  *out = mp_date_from_ymd (y, m, d);
  return TRUE;
}

gboolean
mp_date_parse (const char *text,
               MpDate     *out)
{
  MpDate d;

  if (text == NULL || strlen (text) != 10 || !parse_date_prefix (text, &d))
    return FALSE;
  if (out != NULL)
    *out = d;
  return TRUE;
}

MpDate
mp_date_from_ymd (int year,
                  int month,
                  int day)
{
  GDate g;

  if (!g_date_valid_dmy (day, month, year))
    return MP_DATE_NONE;
  g_date_clear (&g, 1);
  g_date_set_dmy (&g, day, month, year);
  return g_date_get_julian (&g);
}

void
mp_date_to_ymd (MpDate  date,
                int    *year,
                int    *month,
                int    *day)
{
  GDate g;

  g_return_if_fail (g_date_valid_julian (date));
  g_date_clear (&g, 1);
  g_date_set_julian (&g, date);
  if (year)
    *year = g_date_get_year (&g);
  if (month)
    *month = g_date_get_month (&g);
  if (day)
    *day = g_date_get_day (&g);
}

void
mp_date_format_buf (MpDate date,
                    char   buf[MP_DATE_STRLEN])
{
  int y, m, d;

  if (date == MP_DATE_NONE || !g_date_valid_julian (date))
    {
      buf[0] = '\0';
      return;
    }
  mp_date_to_ymd (date, &y, &m, &d);
  g_snprintf (buf, MP_DATE_STRLEN, "%04d-%02d-%02d", y, m, d);
}

char *
mp_date_format (MpDate date)
{
  char buf[MP_DATE_STRLEN];

  if (date == MP_DATE_NONE)
    return NULL;
  mp_date_format_buf (date, buf);
  return g_strdup (buf);
}

int
mp_date_weekday (MpDate date)
{
  /* Julian day 1 (0001-01-01) was a Monday. */
  return (int) ((date - 1) % 7) + 1;
}

gboolean
mp_date_is_weekend (MpDate date)
{
  return mp_date_weekday (date) >= 6;
}

MpDate
mp_date_today (void)
{
  const char *fixed = g_getenv ("MUTUALPLAN_TODAY");
  g_autoptr(GDateTime) now = NULL;
  MpDate d;

  if (fixed != NULL && mp_date_parse (fixed, &d))
    return d;
  now = g_date_time_new_now_local ();
  return mp_date_from_ymd (g_date_time_get_year (now),
                           g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now));
}

gboolean
mp_time_parse (const char *text,
               int        *minutes)
{
  int h, m;

  if (text == NULL || strlen (text) != 5 || !digits (text, 2, &h) ||
      text[2] != ':' || !digits (text + 3, 2, &m) || h > 23 || m > 59)
    return FALSE;
  if (minutes != NULL)
    *minutes = h * 60 + m;
  return TRUE;
}

char *
mp_time_format (int minutes)
{
  if (minutes < 0)
    return NULL;
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

/* HH:MM at @s; advances past it. */
static gboolean
parse_hhmm (const char **s,
            int         *h,
            int         *m)
{
  if (!digits (*s, 2, h) || (*s)[2] != ':' || !digits (*s + 3, 2, m))
    return FALSE;
  *s += 5;
  return *h <= 23 && *m <= 59;
}

gboolean
mp_datetime_is_valid (const char *text)
{
  const char *s = text;
  MpDate d;
  int h, m, sec;

  if (text == NULL || strlen (text) < 20 || !parse_date_prefix (s, &d))
    return FALSE;
  s += 10;
  if (*s != 'T' && *s != 't')
    return FALSE;
  s++;
  if (!parse_hhmm (&s, &h, &m) || *s != ':' || !digits (s + 1, 2, &sec) || sec > 60)
    return FALSE;
  s += 3;
  if (*s == '.')
    {
      s++;
      if (!g_ascii_isdigit (*s))
        return FALSE;
      while (g_ascii_isdigit (*s))
        s++;
    }
  if (*s == 'Z' || *s == 'z')
    return s[1] == '\0';
  if (*s == '+' || *s == '-')
    {
      s++;
      return parse_hhmm (&s, &h, &m) && *s == '\0';
    }
  return FALSE;
}

char *
mp_datetime_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
}

gboolean
mp_local_datetime_parse (const char *text,
                         MpDate     *date,
                         int        *minutes)
{
  const char *s = text;
  MpDate d;
  int h, m;

  if (text == NULL || strlen (text) != 16 || !parse_date_prefix (s, &d) || s[10] != 'T')
    return FALSE;
  s += 11;
  if (!parse_hhmm (&s, &h, &m))
    return FALSE;
  if (date)
    *date = d;
  if (minutes)
    *minutes = h * 60 + m;
  return TRUE;
}

char *
mp_local_datetime_format (MpDate date,
                          int    minutes)
{
  char buf[MP_DATE_STRLEN];

  mp_date_format_buf (date, buf);
  return g_strdup_printf ("%sT%02d:%02d", buf, minutes / 60, minutes % 60);
}

gboolean
mp_timezone_is_valid (const char *name)
{
  g_autoptr(GTimeZone) tz = NULL;

  if (name == NULL || *name == '\0' || strlen (name) > 64)
    return FALSE;
  if (g_str_equal (name, "UTC"))
    return TRUE;
  /* g_time_zone_new_identifier() also takes offsets ("+01:00"),
   * absolute paths and POSIX TZ strings ("UTC+14" is 14 hours *behind*
   * UTC there); none is an IANA name. "localtime" and "posixrules" are
   * files in the database that follow the machine that reads the plan. */
  if (!g_ascii_isalpha (name[0]) || strstr (name, "..") != NULL)
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/_-+", *p) == NULL)
      return FALSE;
  if (g_str_equal (name, "localtime") || g_str_equal (name, "posixrules") || g_str_equal (name, "Factory") ||
      g_str_has_prefix (name, "posix/") || g_str_has_prefix (name, "right/"))
    return FALSE;
  /* A zone of the database: a TZif file under its name. */
  {
    const char *dir = g_getenv ("TZDIR");
    g_autofree char *path = g_build_filename (dir && *dir ? dir : "/usr/share/zoneinfo", name, NULL);
    char magic[4] = { 0 };
    FILE *f = fopen (path, "rbe");
    gsize len = f ? fread (magic, 1, sizeof magic, f) : 0;

    if (f != NULL)
      fclose (f);
    if (len != 4 || memcmp (magic, "TZif", 4) != 0)
      return FALSE;
  }
  tz = g_time_zone_new_identifier (name);
  return tz != NULL;
}

char *
mp_timezone_get_local (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  const char *id = g_time_zone_get_identifier (tz);
  g_autofree char *link = NULL;

  if (mp_timezone_is_valid (id))
    return g_strdup (id);
  /* /etc/localtime is usually a link into the zoneinfo tree. */
  link = g_file_read_link ("/etc/localtime", NULL);
  if (link != NULL)
    {
      const char *p = strstr (link, "zoneinfo/");
      if (p != NULL && mp_timezone_is_valid (p + strlen ("zoneinfo/")))
        return g_strdup (p + strlen ("zoneinfo/"));
    }
  return g_strdup ("UTC");
}
