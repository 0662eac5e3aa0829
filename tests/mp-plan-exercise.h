/* mp-plan-exercise.h: everything a user can do with a plan that loaded
 *
 * Shared by the fuzz target (fuzz/fuzz-load.c) and the regression test of
 * its findings (test-robust.c): save (the saved bytes must load again to
 * the same bytes), the checks, the health and the status report, the
 * iCalendar export and invitations, the timeline painted on screen and
 * cut into tiles, and the printed pages (mp-print.h) drawn and made into
 * a PDF, all in memory. Aborts (g_error, g_assert)
 * when a promise breaks; returns quietly otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-model.h"

G_BEGIN_DECLS

void mp_plan_exercise (MpPlan *plan);

G_END_DECLS
