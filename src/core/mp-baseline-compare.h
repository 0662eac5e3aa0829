/* mp-baseline-compare.h: saving the agreed dates and comparing with them
 *
 * A baseline (FORMAT.md) is a named snapshot of the start and due dates
 * of the milestones, e.g. "Agreed at kickoff", so that slips can be shown
 * against what was agreed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-plan.h"
#include "mp-baseline.h"
#include "mp-date-change.h"

G_BEGIN_DECLS

/* A new baseline named @name with the current start and due dates of
 * every milestone of @plan that is not dropped, in plan order. @at is its
 * RFC 3339 time; NULL takes the current time (mp_datetime_now ()). The
 * plan is not changed: the caller appends it to mp_plan_get_baselines ()
 * (as one undoable command). */
MpBaseline  *mp_baseline_new_from_plan   (MpPlan     *plan,
                                          const char *name,
                                          const char *at);

/* The baseline taken last: the latest `at`; one without a readable `at`
 * counts as older than any with one; among equals the later in the file.
 * NULL when the plan has none. Transfer none. */
MpBaseline  *mp_plan_get_latest_baseline (MpPlan     *plan);

/* What changed between @baseline and @plan now, a list of MpDateChange:
 * first the milestones of the plan in plan order (MOVED when the start or
 * due date differs, DROPPED when its status is now "dropped", ADDED when
 * the baseline does not have it and it is not dropped), then the ones
 * the baseline has and the plan no longer has (REMOVED), in baseline
 * order. Unchanged milestones are left out. Old dates are the baseline's,
 * new dates the plan's. */
GListStore  *mp_baseline_compare         (MpBaseline *baseline,
                                          MpPlan     *plan);

G_END_DECLS
