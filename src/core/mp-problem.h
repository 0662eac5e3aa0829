/* mp-problem.h: what is weak about a plan that loads (FORMAT.md warnings)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-plan.h"

G_BEGIN_DECLS

typedef enum {
  MP_PROBLEM_DUE_AFTER_TARGET,
  MP_PROBLEM_BUFFER_SHORT,
  MP_PROBLEM_DUE_IN_BLACKOUT,
  MP_PROBLEM_DUE_BEFORE_DEPENDENCY,
  MP_PROBLEM_OVERDUE,
  MP_PROBLEM_NO_OWNER,
  MP_PROBLEM_NO_CUSTOMER,
  MP_PROBLEM_NO_ORGANIZER_EMAIL,
  MP_PROBLEM_TOO_MANY_MILESTONES,
  MP_PROBLEM_DECLINED,        /* an attendee declined an invitation (mp-itip.h) */
  MP_PROBLEM_PROPOSAL,        /* an attendee proposed another date, not answered yet */
} MpProblemKind;

typedef enum {
  MP_SEVERITY_WARNING,
  MP_SEVERITY_INFO,
} MpSeverity;

#define MP_TYPE_PROBLEM_KIND (mp_problem_kind_get_type ())
#define MP_TYPE_SEVERITY     (mp_severity_get_type ())
GType mp_problem_kind_get_type (void) G_GNUC_CONST;
GType mp_severity_get_type     (void) G_GNUC_CONST;

#define MP_TYPE_PROBLEM (mp_problem_get_type ())
G_DECLARE_FINAL_TYPE (MpProblem, mp_problem, MP, PROBLEM, GObject)

MpProblemKind  mp_problem_get_kind     (MpProblem *self);
MpSeverity     mp_problem_get_severity (MpProblem *self);
/* The JSON path of what it concerns: "milestones[2].due", or "" for the plan. */
const char    *mp_problem_get_path     (MpProblem *self);
/* The object it concerns (a milestone, the plan…). */
MpRecord      *mp_problem_get_record   (MpProblem *self);
/* A sentence for people, in the UI language. */
const char    *mp_problem_get_message  (MpProblem *self);

/* The warnings of @plan as seen on @today, a list of MpProblem in plan
 * order. The UI, the command line and the print-out share this. */
GListStore    *mp_plan_check           (MpPlan    *plan,
                                        MpDate     today);

/* TRUE when the plan sends invitations: it has meetings, a milestone
 * with invitees, or one that was invited before. */
gboolean       mp_plan_wants_invitations (MpPlan  *plan);

G_END_DECLS
