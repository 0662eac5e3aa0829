/* mp-health.h: where the plan stands, what is missing, what comes next
 *
 * Derived facts, computed when shown and never stored (FORMAT.md). Every
 * function takes "today" as an argument (the app passes mp_date_today (),
 * which tests fix with MUTUALPLAN_TODAY), so the same plan and day give
 * the same answer. Nothing here changes the plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-plan.h"
#include "mp-task.h"
#include "mp-baseline.h"

G_BEGIN_DECLS

/* Why an open milestone is at risk; several can hold at once. */
typedef enum {
  MP_RISK_NONE              = 0,
  MP_RISK_AFTER_TARGET      = 1 << 0, /* due after the plan's target */
  MP_RISK_IN_BUFFER         = 1 << 1, /* due inside buffer_days before target */
  MP_RISK_PREDECESSOR_LATE  = 1 << 2, /* a milestone it depends on is overdue */
  MP_RISK_PREDECESSOR_AFTER = 1 << 3, /* a milestone it depends on is due after it */
  MP_RISK_BLACKOUT          = 1 << 4, /* due in a blackout of its side or an owner */
  MP_RISK_NO_OWNER          = 1 << 5, /* the responsible side has no owner */
} MpRiskFlags;

#define MP_TYPE_RISK_FLAGS (mp_risk_flags_get_type ())
GType mp_risk_flags_get_type (void) G_GNUC_CONST;

/* The health of one milestone on one day. */
typedef struct {
  MpMilestone  *milestone;     /* a reference */
  gboolean      open;          /* neither done nor dropped */
  gboolean      overdue;       /* open and due before today */
  int           days_late;     /* today − due when overdue, else 0 */
  gboolean      has_target;    /* the plan has a target date */
  int           slack;         /* target − due in days (negative: after target); 0 without target */
  MpRiskFlags   risks;         /* only for open milestones; overdue is not a risk but a fact */
  GStrv         reasons;       /* one sentence per risk, UI language, never NULL */
  guint         tasks_done;
  guint         tasks_total;
  gboolean      in_baseline;   /* the compared baseline has a date for it */
  MpDate        baseline_due;  /* its due date there, MP_DATE_NONE when not in_baseline */
  int           slip;          /* due − baseline due in days (positive: later); 0 when not in_baseline */
} MpMilestoneHealth;

/* The health of @milestone (which belongs to @plan) on @today. @baseline
 * (may be NULL) is the one to measure the slip against. */
MpMilestoneHealth *mp_milestone_health_new  (MpPlan            *plan,
                                             MpMilestone       *milestone,
                                             MpDate             today,
                                             MpBaseline        *baseline);
void               mp_milestone_health_free (MpMilestoneHealth *health);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpMilestoneHealth, mp_milestone_health_free)

/* One thing to do: an open milestone, or an open task of an open
 * milestone. */
typedef struct {
  MpMilestone  *milestone;  /* a reference; the task's milestone for a task */
  MpTask       *task;       /* a reference, or NULL for the milestone itself */
  MpDate        due;        /* the task's due date; the milestone's when the task has none */
  GStrv         owners;     /* participant ids: a task's owner; a milestone's owners on its
                             * responsible side (seller first). Empty when there is none. */
  int           days_late;  /* today − due when it is past, else 0 */
} MpStep;

void mp_step_free (MpStep *step);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpStep, mp_step_free)

/* The open steps (milestones and tasks, see MpStep) due from @from to @to,
 * both inclusive (MP_DATE_NONE: no bound), by due date, milestones before
 * their own tasks, then in plan order. @today sets days_late. An array of
 * MpStep that frees them. */
GPtrArray *mp_plan_collect_steps (MpPlan *plan,
                                  MpDate  from,
                                  MpDate  to,
                                  MpDate  today);

/* The health of the whole plan on one day. */
typedef struct _MpPlanHealth MpPlanHealth;
struct _MpPlanHealth {
  MpDate      today;
  guint       n_milestones;      /* not counting dropped ones */
  guint       n_done;
  int         percent_done;      /* n_done of n_milestones, 0–100, rounded down */
  MpDate      target;            /* MP_DATE_NONE when the plan has none */
  int         days_to_target;    /* target − today (negative: passed); 0 without target */
  MpDate      last_due;          /* latest due date of a milestone not dropped, or NONE */
  int         buffer_days;       /* the buffer the plan wants */
  gboolean    has_buffer;        /* target and last_due are both set */
  int         buffer_left;       /* target − last_due (negative: past the target); 0 without */
  gboolean    buffer_short;      /* has_buffer and buffer_left < buffer_days */
  GPtrArray  *critical_chain;    /* MpMilestone refs, first to last: the dependency path
                                  * ending at the latest milestone, each step the latest-due
                                  * predecessor; dropped milestones left out */
  GPtrArray  *next_steps;        /* MpStep: open steps due today or later, soonest first,
                                  * at most the number asked for */
  GPtrArray  *overdue;           /* MpStep: open steps due before today, longest late first */
  GPtrArray  *overdue_commitments; /* MpMilestone refs: overdue milestones the customer side
                                    * delivers ("customer" or "both") with commitment set */
  GPtrArray  *at_risk;           /* MpMilestoneHealth of each open milestone with risks,
                                  * plan order */
  GListStore *problems;          /* MpProblem: the FORMAT.md warnings, mp_plan_check () */

  /*< private >*/
  gint          ref_count;
  GHashTable   *by_milestone;    /* MpMilestone → MpMilestoneHealth, every milestone */
  MpPlanHealth *shared;          /* the whole health a shortened one was cut from */
};

/* The health of @plan on @today against @baseline (may be NULL: no
 * slips), SHARED: worked out once per change of the plan and handed to
 * every caller until the next change (any field or list of any record,
 * mp_record_get_change_serial ()) or another day. Every view, the report
 * and print ask here instead of walking the plan themselves. The work is
 * O(n + e) plus sorting (n log n) in milestones, tasks and dependencies.
 * All next steps. A new reference: mp_plan_health_free () (g_autoptr)
 * drops it; never change what it holds. */
MpPlanHealth *mp_plan_get_health  (MpPlan       *plan,
                                   MpDate        today,
                                   MpBaseline   *baseline);
/* The shared health when it is already worked out for this state of the
 * plan (a new reference), else NULL: never works it out. */
MpPlanHealth *mp_plan_peek_health (MpPlan       *plan,
                                   MpDate        today,
                                   MpBaseline   *baseline);
/* The same, with at most @max_next_steps next steps (0: all of them). */
MpPlanHealth *mp_plan_health_new  (MpPlan       *plan,
                                   MpDate        today,
                                   MpBaseline   *baseline,
                                   guint         max_next_steps);
MpPlanHealth *mp_plan_health_ref  (MpPlanHealth *health);
/* Drops a reference (the name is older than the sharing). */
void          mp_plan_health_free (MpPlanHealth *health);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpPlanHealth, mp_plan_health_free)

/* The health of one milestone of the plan as @health has it (dropped
 * milestones too), or NULL when it is not in the plan: what
 * mp_milestone_health_new () gives, without working it out again.
 * Transfer none: it lives as long as @health. */
const MpMilestoneHealth *mp_plan_health_lookup (MpPlanHealth *health,
                                                MpMilestone  *milestone);

/* The latest milestone of the critical chain: the one not dropped with
 * the latest due date (the first of them in plan order), or NULL.
 * Transfer none. */
MpMilestone *mp_plan_find_last_milestone (MpPlan *plan);

G_END_DECLS
