/* mp-format.h: plan values as people read them (locale-aware)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <locale.h>

#include "mp-plan.h"

G_BEGIN_DECLS

/* "31 Mar 2027" in English, "31. März 2027" in German; "" for no date. */
char       *mp_format_date        (MpDate      date);
/* "Wed, 31 Mar 2027". */
char       *mp_format_date_long   (MpDate      date);
/* The participant's name, the id when unknown, "" for NULL. */
const char *mp_format_participant (MpPlan     *plan,
                                   const char *id);
/* The names of participants @ids, ", "-separated ("" for none). */
char       *mp_format_participants (MpPlan             *plan,
                                    const char * const *ids);
/* "65,534" in English, "65.534" in German: digits in groups of three. */
char       *mp_format_count       (guint64     n);
/* "12 days left", "Today", "passed 3 days ago". */
char       *mp_format_days_left   (int         days);
/* "1 Mar 2027 – 5 Mar 2027", or the due date alone when there is no
 * other start; "—" without a due date. */
char       *mp_format_date_range  (MpDate      start,
                                   MpDate      due);
/* An RFC 3339 time as "5 Mar 2027, 10:00" (its own clock time); the
 * text itself when it does not parse. */
char       *mp_format_datetime    (const char *rfc3339);
/* "Seller", "Customer", "Both" in the UI language. */
const char *mp_format_party       (MpParty     party);
const char *mp_format_side        (MpSide      side);
/* "Planned", "In progress"… */
const char *mp_format_status      (MpStatus    status);
const char *mp_format_goal_status (MpGoalStatus status);
/* A field's value in words, in @plan's names of people and milestones:
 * texts quoted on one line and cut to @max_chars characters (bidi
 * controls isolated), "no date", "nobody", "none"… Shared by every
 * "before → after" the app shows (merge, spreadsheet import). */
char       *mp_format_field_value (MpPlan       *plan,
                                   MpRecord     *record,
                                   guint         field,
                                   const GValue *value,
                                   guint         max_chars);

/* Month and day names in the UI's language, not in the environment's
 * LC_TIME (an English UI on a German system wrote "Januar"): the
 * translation names the locale its dates use, and this makes it the
 * calling thread's LC_TIME until mp_format_time_locale_end() with what it
 * returns. Without that locale installed, nothing changes. */
locale_t    mp_format_time_locale_begin (void);
void        mp_format_time_locale_end   (locale_t    previous);

G_END_DECLS
