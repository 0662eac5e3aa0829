/* mp-scale.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mp-scale.h"
#include "mp-format.h"

/* The pixels per day from which each unit can carry a label:
 * "31" needs about 16 px, "W52" about 28 px in a 7-day cell,
 * "Sep" about 28 px in a 28 to 31-day cell. */
#define DAY_MIN_PX_PER_DAY   18.0
#define WEEK_MIN_PX_PER_DAY   4.5
#define MONTH_MIN_PX_PER_DAY  1.2

static double
clamp_zoom (double px_per_day)
{
  if (!(px_per_day > 0.0) || isnan (px_per_day))
    return 1.0;
  return CLAMP (px_per_day, MP_SCALE_MIN_PX_PER_DAY, MP_SCALE_MAX_PX_PER_DAY);
}

MpScale
mp_scale_init (MpDate first,
               double px_per_day)
{
  MpScale scale = { (double) first, clamp_zoom (px_per_day) };

  return scale;
}

double
mp_scale_x_of_date (const MpScale *scale,
                    MpDate         date)
{
  return ((double) date - scale->first) * scale->px_per_day;
}

double
mp_scale_x_of_day_center (const MpScale *scale,
                          MpDate         date)
{
  return ((double) date + 0.5 - scale->first) * scale->px_per_day;
}

double
mp_scale_day_at_x (const MpScale *scale,
                   double         x)
{
  return scale->first + x / scale->px_per_day;
}

static MpDate
day_from_double (double day)
{
  if (day < 1.0)
    return MP_DATE_NONE;
  if (day > (double) G_MAXUINT32 / 2)
    return G_MAXUINT32 / 2;
  return (MpDate) day;
}

MpDate
mp_scale_date_at_x (const MpScale *scale,
                    double         x)
{
  /* A tiny epsilon: x_of_date() of a day and back gives that day even
   * when the division rounds to just below it. */
  return day_from_double (floor (mp_scale_day_at_x (scale, x) + 1e-9));
}

MpDate
mp_scale_boundary_at_x (const MpScale *scale,
                        double         x)
{
  return day_from_double (floor (mp_scale_day_at_x (scale, x) + 0.5));
}

MpDate
mp_scale_get_first_date (const MpScale *scale)
{
  return mp_scale_date_at_x (scale, 0.0);
}

MpDate
mp_scale_get_last_date (const MpScale *scale,
                        double         width)
{
  /* The day whose column holds the last pixel. */
  return day_from_double (ceil (mp_scale_day_at_x (scale, width)) - 1.0);
}

gboolean
mp_scale_set_zoom (MpScale *scale,
                   double   px_per_day,
                   double   anchor_x)
{
  double day = mp_scale_day_at_x (scale, anchor_x);

  px_per_day = clamp_zoom (px_per_day);
  if (px_per_day == scale->px_per_day)
    return FALSE;
  scale->px_per_day = px_per_day;
  scale->first = day - anchor_x / px_per_day;
  return TRUE;
}

gboolean
mp_scale_zoom_around (MpScale *scale,
                      double   factor,
                      double   anchor_x)
{
  g_return_val_if_fail (factor > 0.0, FALSE);

  return mp_scale_set_zoom (scale, scale->px_per_day * factor, anchor_x);
}

void
mp_scale_fit (MpScale *scale,
              MpDate   first,
              MpDate   last,
              double   width,
              double   margin_px)
{
  double days;
  double room;

  if (first == MP_DATE_NONE || last < first)
    return;
  days = (double) (last - first) + 1.0;
  room = MAX (width - 2 * margin_px, 1.0);
  scale->px_per_day = clamp_zoom (room / days);
  /* Centre the range when the zoom limit leaves room around it. */
  scale->first = (double) first - (width - days * scale->px_per_day) / 2.0 / scale->px_per_day;
}

void
mp_scale_scroll_by (MpScale *scale,
                    double   dx)
{
  scale->first += dx / scale->px_per_day;
}

MpScaleUnit
mp_scale_get_header_unit (const MpScale *scale)
{
  if (scale->px_per_day >= DAY_MIN_PX_PER_DAY)
    return MP_SCALE_UNIT_DAY;
  if (scale->px_per_day >= WEEK_MIN_PX_PER_DAY)
    return MP_SCALE_UNIT_WEEK;
  if (scale->px_per_day >= MONTH_MIN_PX_PER_DAY)
    return MP_SCALE_UNIT_MONTH;
  return MP_SCALE_UNIT_QUARTER;
}

MpScaleUnit
mp_scale_unit_parent (MpScaleUnit unit)
{
  switch (unit)
    {
    case MP_SCALE_UNIT_DAY:
    case MP_SCALE_UNIT_WEEK:
      return MP_SCALE_UNIT_MONTH;
    case MP_SCALE_UNIT_MONTH:
    case MP_SCALE_UNIT_QUARTER:
    case MP_SCALE_UNIT_YEAR:
    default:
      return MP_SCALE_UNIT_YEAR;
    }
}

MpDate
mp_scale_unit_floor (MpScaleUnit unit,
                     MpDate      date)
{
  int y, m, d;

  g_return_val_if_fail (date != MP_DATE_NONE, MP_DATE_NONE);

  switch (unit)
    {
    case MP_SCALE_UNIT_DAY:
      return date;
    case MP_SCALE_UNIT_WEEK:
      {
        MpDate monday = date - (MpDate) (mp_date_weekday (date) - 1);
        return monday >= 1 ? monday : 1;
      }
    case MP_SCALE_UNIT_MONTH:
      mp_date_to_ymd (date, &y, &m, &d);
      return mp_date_from_ymd (y, m, 1);
    case MP_SCALE_UNIT_QUARTER:
      mp_date_to_ymd (date, &y, &m, &d);
      return mp_date_from_ymd (y, ((m - 1) / 3) * 3 + 1, 1);
    case MP_SCALE_UNIT_YEAR:
    default:
      mp_date_to_ymd (date, &y, &m, &d);
      return mp_date_from_ymd (y, 1, 1);
    }
}

MpDate
mp_scale_unit_next (MpScaleUnit unit,
                    MpDate      start)
{
  int y, m, d;

  g_return_val_if_fail (start != MP_DATE_NONE, MP_DATE_NONE);

  switch (unit)
    {
    case MP_SCALE_UNIT_DAY:
      return start + 1;
    case MP_SCALE_UNIT_WEEK:
      return mp_scale_unit_floor (unit, start) + 7;
    case MP_SCALE_UNIT_MONTH:
      mp_date_to_ymd (start, &y, &m, &d);
      return m == 12 ? mp_date_from_ymd (y + 1, 1, 1) : mp_date_from_ymd (y, m + 1, 1);
    case MP_SCALE_UNIT_QUARTER:
      mp_date_to_ymd (start, &y, &m, &d);
      m = ((m - 1) / 3) * 3 + 1 + 3;
      return m > 12 ? mp_date_from_ymd (y + 1, 1, 1) : mp_date_from_ymd (y, m, 1);
    case MP_SCALE_UNIT_YEAR:
    default:
      mp_date_to_ymd (start, &y, &m, &d);
      return mp_date_from_ymd (y + 1, 1, 1);
    }
}

int
mp_date_get_iso_week (MpDate  date,
                      int    *iso_year)
{
  GDate g;
  guint week;

  g_date_clear (&g, 1);
  g_date_set_julian (&g, date);
  week = g_date_get_iso8601_week_of_year (&g);
  if (iso_year != NULL)
    {
      /* The week belongs to the year of its Thursday. */
      GDate thursday = g;
      int wd = mp_date_weekday (date);

      if (wd < 4)
        g_date_add_days (&thursday, 4 - wd);
      else if (wd > 4)
        g_date_subtract_days (&thursday, wd - 4);
      *iso_year = g_date_get_year (&thursday);
    }
  return (int) week;
}

static char *
strftime_date (MpDate      date,
               const char *format)
{
  GDate g;
  char buf[128];

  locale_t previous;
  gsize n;

  g_date_clear (&g, 1);
  g_date_set_julian (&g, date);
  /* Month and day names in the UI's language (mp-format.h). */
  previous = mp_format_time_locale_begin ();
  n = g_date_strftime (buf, sizeof buf, format, &g);
  mp_format_time_locale_end (previous);
  if (n == 0)
    return g_strdup ("");
  /* g_date_strftime() writes UTF-8 already. */
  return g_strdup (buf);
}

char *
mp_scale_unit_label (MpScaleUnit      unit,
                     MpDate           start,
                     MpScaleLabelForm form)
{
  int y, m, d;

  g_return_val_if_fail (start != MP_DATE_NONE, g_strdup (""));

  mp_date_to_ymd (start, &y, &m, &d);
  switch (unit)
    {
    case MP_SCALE_UNIT_DAY:
      if (form == MP_SCALE_LABEL_SHORT)
        return g_strdup_printf ("%d", d);
      /* Translators: a day in the timeline header, strftime format:
       * abbreviated weekday and day of month ("Fri 12"). */
      if (form == MP_SCALE_LABEL_MEDIUM)
        return strftime_date (start, C_("timeline day", "%a %-d"));
      /* Translators: weekday, day and month ("Fri 12 Mar"). */
      return strftime_date (start, C_("timeline day", "%a %-d %b"));

    case MP_SCALE_UNIT_WEEK:
      {
        int iso_year;
        int week = mp_date_get_iso_week (start, &iso_year);

        /* Translators: ISO week number in the timeline header. */
        if (form == MP_SCALE_LABEL_SHORT)
          return g_strdup_printf (C_("timeline week", "W%d"), week);
        if (form == MP_SCALE_LABEL_MEDIUM)
          return g_strdup_printf (C_("timeline week", "Week %d"), week);
        /* Translators: ISO week number and its year. */
        return g_strdup_printf (C_("timeline week", "Week %d, %d"), week, iso_year);
      }

    case MP_SCALE_UNIT_MONTH:
      /* Translators: month in the timeline header, strftime formats:
       * abbreviated ("Mar"), full ("March"), full with year. */
      if (form == MP_SCALE_LABEL_SHORT)
        return strftime_date (start, C_("timeline month", "%b"));
      if (form == MP_SCALE_LABEL_MEDIUM)
        return strftime_date (start, C_("timeline month", "%B"));
      return strftime_date (start, C_("timeline month", "%B %Y"));

    case MP_SCALE_UNIT_QUARTER:
      /* Translators: calendar quarter in the timeline header. */
      if (form == MP_SCALE_LABEL_SHORT)
        return g_strdup_printf (C_("timeline quarter", "Q%d"), (m - 1) / 3 + 1);
      return g_strdup_printf (C_("timeline quarter", "Q%d %d"), (m - 1) / 3 + 1, y);

    case MP_SCALE_UNIT_YEAR:
    default:
      return g_strdup_printf ("%d", y);
    }
}
