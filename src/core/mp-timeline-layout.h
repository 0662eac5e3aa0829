/* mp-timeline-layout.h: the rows of the timeline, computed once per change
 *
 * The layout turns a plan into the list of rows that the timeline draws
 * (one per milestone in list order, plus one per task below each
 * expanded milestone), resolves the dependencies to milestone indexes in
 * both directions, keeps the date range of the whole plan and caches a
 * baseline's dates by milestone. Building it costs O(milestones + tasks +
 * dependencies); with it, drawing a frame and hit testing only look at
 * the rows that are visible, whatever the plan's length.
 *
 * Dates, titles and statuses are read from the milestones when drawn,
 * so a changed date shows on the next frame. The layout follows the
 * plan's milestone and blackout lists (added, removed, reordered) by
 * itself; after a change of tasks, of depends_on, or of dates that may
 * widen the plan's range, call mp_timeline_layout_rebuild().
 *
 * Changes of the lists and of what is expanded only mark the layout out
 * of date; the next call that reads it rebuilds it, once, so that any
 * number of changes in a row (a page expanding its rows, a step that
 * inserts many milestones) cost one rebuild.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mp-model.h"

G_BEGIN_DECLS

typedef enum {
  MP_TIMELINE_ROW_MILESTONE,
  MP_TIMELINE_ROW_TASK,
} MpTimelineRowKind;

typedef struct {
  MpTimelineRowKind kind;
  guint             milestone; /* index in the laid out milestones (the plan's, or a filtered list) */
  int               task;      /* index in the milestone's tasks; -1 on a milestone row */
} MpTimelineRow;

#define MP_TYPE_TIMELINE_LAYOUT (mp_timeline_layout_get_type ())
G_DECLARE_FINAL_TYPE (MpTimelineLayout, mp_timeline_layout, MP, TIMELINE_LAYOUT, GObject)

MpTimelineLayout    *mp_timeline_layout_new                (MpPlan           *plan);
/* Lays out @milestones (the plan's, filtered, in plan order) instead of
 * all of the plan's; NULL: all again. Rows then index this list. */
void                 mp_timeline_layout_set_milestones     (MpTimelineLayout *self,
                                                            GListModel       *milestones);
MpPlan              *mp_timeline_layout_get_plan           (MpTimelineLayout *self);
/* Reads the plan again: rows, dependencies, date range. Expanded
 * milestones stay expanded. */
void                 mp_timeline_layout_rebuild            (MpTimelineLayout *self);
/* Lays out the rows again (which milestones are expanded, how many
 * tasks each has) at the next read, without reading dependencies and
 * dates: for a step that changed nothing else. */
void                 mp_timeline_layout_invalidate_rows    (MpTimelineLayout *self);

/* Rows */
guint                mp_timeline_layout_get_n_rows         (MpTimelineLayout *self);
const MpTimelineRow *mp_timeline_layout_get_row            (MpTimelineLayout *self,
                                                            guint             row);
/* The row of milestone @milestone (its own row, above its tasks). */
guint                mp_timeline_layout_get_milestone_row  (MpTimelineLayout *self,
                                                            guint             milestone);

/* Milestones, by index in the plan's list */
guint                mp_timeline_layout_get_n_milestones   (MpTimelineLayout *self);
MpMilestone         *mp_timeline_layout_get_milestone      (MpTimelineLayout *self,
                                                            guint             milestone);
/* -1 when @milestone is not in the plan. */
int                  mp_timeline_layout_find_milestone     (MpTimelineLayout *self,
                                                            MpMilestone      *milestone);
/* Expanded milestones show each task on a row of its own; collapsed
 * ones show tasks with a due date as small marks on their own row. */
gboolean             mp_timeline_layout_get_expanded       (MpTimelineLayout *self,
                                                            guint             milestone);
void                 mp_timeline_layout_set_expanded       (MpTimelineLayout *self,
                                                            guint             milestone,
                                                            gboolean          expanded);

/* Dependencies as milestone indexes: what @milestone depends on, and
 * what depends on it. The arrays belong to the layout. */
const guint         *mp_timeline_layout_get_predecessors   (MpTimelineLayout *self,
                                                            guint             milestone,
                                                            guint            *n);
const guint         *mp_timeline_layout_get_dependents     (MpTimelineLayout *self,
                                                            guint             milestone,
                                                            guint            *n);

/* The first and last day the plan uses (plan start and target,
 * milestones, task due dates). FALSE when the plan has no date at all. */
gboolean             mp_timeline_layout_get_date_range     (MpTimelineLayout *self,
                                                            MpDate           *first,
                                                            MpDate           *last);

/* Appends to @indices (a GArray of guint) the index in the plan's
 * blackouts of each blackout that overlaps the days [@first, @last], in
 * the order of their start: O(log n + hits), for drawing and tooltips. */
void                 mp_timeline_layout_collect_blackouts  (MpTimelineLayout *self,
                                                            MpDate            first,
                                                            MpDate            last,
                                                            GArray           *indices);

/* The dates @baseline agreed for @milestone; FALSE when it has none.
 * The first call with another baseline indexes it once. */
gboolean             mp_timeline_layout_get_baseline_dates (MpTimelineLayout *self,
                                                            MpBaseline       *baseline,
                                                            guint             milestone,
                                                            MpDate           *start,
                                                            MpDate           *due);

G_END_DECLS
