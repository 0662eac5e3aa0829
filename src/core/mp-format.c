/* mp-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-format.h"

#include <glib/gi18n-lib.h>

#include "mp-model.h"

static char *
format_with (MpDate      date,
             const char *format)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (date == MP_DATE_NONE)
    return g_strdup ("");
  mp_date_to_ymd (date, &y, &m, &d);
  dt = g_date_time_new_utc (y, m, d, 12, 0, 0);
  return g_date_time_format (dt, format);
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
