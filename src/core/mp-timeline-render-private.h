/* mp-timeline-render-private.h: what the timeline's painting and its
 * geometry (hit tests, scrolling) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-timeline-render.h"

G_BEGIN_DECLS

/* Below this zoom the task marks of a collapsed milestone would pile up
 * on its bar: they are neither drawn nor hit. */
#define MP_TIMELINE_TASK_MARKS_MIN_PX_PER_DAY 2.0

/* Where a milestone's marks are, in view coordinates. */
typedef struct {
  MpMilestone *m;
  MpDate       start;
  MpDate       due;
  gboolean     point;  /* no start: a diamond at due */
  gboolean     timed;
  double       x0, x1; /* bar, or the diamond's extent */
  double       end;    /* right end of everything drawn (clock included) */
  double       cx;     /* diamond centre */
  double       top, bottom, cy;
  double       row_top;
} MpTimelineGeom;

/* Where milestone @index (on layout row @row) is drawn in @view, whose
 * chart area starts at @chart_x and rows at @body_y. FALSE when it has
 * no due date (nothing is drawn). */
gboolean mp_timeline_compute_geom (const MpTimelineView *view,
                                   double                chart_x,
                                   double                body_y,
                                   double                row_h,
                                   MpMilestone          *m,
                                   guint                 index,
                                   guint                 row,
                                   MpTimelineGeom       *g);

G_END_DECLS
