/* mp-format.h: plan values as people read them (locale-aware)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-plan.h"

G_BEGIN_DECLS

/* "31 Mar 2027" in English, "31. März 2027" in German; "" for no date. */
char       *mp_format_date        (MpDate      date);
/* "Wed, 31 Mar 2027". */
char       *mp_format_date_long   (MpDate      date);
/* The participant's name, the id when unknown, "" for NULL. */
const char *mp_format_participant (MpPlan     *plan,
                                   const char *id);
/* "Seller", "Customer", "Both" in the UI language. */
const char *mp_format_party       (MpParty     party);
const char *mp_format_side        (MpSide      side);
/* "Planned", "In progress"… */
const char *mp_format_status      (MpStatus    status);
const char *mp_format_goal_status (MpGoalStatus status);

G_END_DECLS
