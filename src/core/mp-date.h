/* mp-date.h: the date and time values of the plan file format
 *
 * A date is a day number (GDate's Julian day: 1 = 0001-01-01) and
 * MP_DATE_NONE (0) for "no date". A local time is minutes after midnight
 * and MP_TIME_NONE (-1) for "no time". Parsers are strict: they accept
 * exactly the spelling of FORMAT.md and real calendar values only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MP_DATE_NONE 0u
#define MP_TIME_NONE (-1)
#define MP_DATE_STRLEN 11 /* "YYYY-MM-DD" and the NUL */

typedef guint MpDate;

gboolean  mp_date_parse            (const char *text,
                                    MpDate     *out);
void      mp_date_format_buf       (MpDate      date,
                                    char        buf[MP_DATE_STRLEN]);
char     *mp_date_format           (MpDate      date);
MpDate    mp_date_from_ymd         (int         year,
                                    int         month,
                                    int         day);
void      mp_date_to_ymd           (MpDate      date,
                                    int        *year,
                                    int        *month,
                                    int        *day);
/* 1 = Monday … 7 = Sunday (ISO 8601). */
int       mp_date_weekday          (MpDate      date);
gboolean  mp_date_is_weekend       (MpDate      date);
/* Today in the local zone; the environment variable MUTUALPLAN_TODAY
 * (YYYY-MM-DD) overrides it so that tests and reports are reproducible. */
MpDate    mp_date_today            (void);

gboolean  mp_time_parse            (const char *text,
                                    int        *minutes);
char     *mp_time_format           (int         minutes);

/* RFC 3339 with an offset: 2026-11-26T10:00:00+01:00 */
gboolean  mp_datetime_is_valid     (const char *text);
/* The current time as RFC 3339 with the local offset. */
char     *mp_datetime_now          (void);

/* YYYY-MM-DDTHH:MM, local to the plan's zone */
gboolean  mp_local_datetime_parse  (const char *text,
                                    MpDate     *date,
                                    int        *minutes);
char     *mp_local_datetime_format (MpDate      date,
                                    int         minutes);

/* A real IANA zone name such as "Europe/Berlin" or "UTC". */
gboolean  mp_timezone_is_valid     (const char *name);
/* The user's zone as an IANA name, "UTC" when it cannot be told. */
char     *mp_timezone_get_local    (void);

G_END_DECLS
