/* mp-plan-generator.h: large, realistic plans for tests and benchmarks
 *
 * Builds a plan in memory through the model's setters (as the editor
 * would), reproducible from its seed: participants on both sides,
 * milestones with titles like people write them, every kind of status,
 * point milestones and timed meetings, dependencies on earlier
 * milestones, tasks with owners and due dates, a blackout every few
 * weeks and a baseline where some milestones have slipped. The plan is
 * valid: it loads back after saving and mp_plan_check() finds only
 * warnings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-model.h"

G_BEGIN_DECLS

typedef struct {
  guint    n_milestones;
  guint    tasks_per_milestone; /* default 3 */
  guint32  seed;                /* same seed, same plan */
  MpDate   start;               /* default 2027-01-04 */
  /* "Today" for the statuses: milestones before it are done (or
   * overdue), around it in progress, after it planned. Default: the
   * middle of the plan. */
  MpDate   today;
  /* Every milestone waits for the one before it and for no other, and
   * none is dropped: one dependency chain as long as the plan (the
   * hostile case of issue 12). */
  gboolean chain;
} MpPlanGeneratorOptions;

/* Fills @options with the defaults for @n_milestones. */
void    mp_plan_generator_options_init (MpPlanGeneratorOptions       *options,
                                        guint                         n_milestones);
MpPlan *mp_plan_generator_generate     (const MpPlanGeneratorOptions *options);
/* Shorthand: defaults, seed 1. */
MpPlan *mp_plan_generator_generate_n   (guint                         n_milestones);

G_END_DECLS
