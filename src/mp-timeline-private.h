/* mp-timeline-private.h: the timeline widget's input entry points, for tests
 *
 * GTK 4.8 cannot synthesize keyboard or scroll events. The widget's event
 * controllers call these functions, and the widget tests call them the
 * same way; pointer drags are tested by emitting the drag gesture's own
 * signals (drag-begin, drag-update, drag-end) on
 * mp_timeline_get_drag_gesture().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-timeline.h"

G_BEGIN_DECLS

/* What a key press does; TRUE when it was used. Navigation keys act only
 * when the timeline itself has the focus. */
gboolean    mp_timeline_handle_key        (MpTimeline      *self,
                                           guint            keyval,
                                           GdkModifierType  state);
/* What a scroll does at the pointer position last seen (or the middle
 * of the chart): Ctrl zooms, Shift scrolls sideways. @discrete: wheel
 * clicks rather than pixels. */
gboolean    mp_timeline_handle_scroll     (MpTimeline      *self,
                                           double           dx,
                                           double           dy,
                                           GdkModifierType  state,
                                           gboolean         discrete);
/* Pointer motion at (@x, @y) in widget coordinates: hover, cursor. */
void        mp_timeline_handle_motion     (MpTimeline      *self,
                                           double           x,
                                           double           y);
GtkGesture *mp_timeline_get_drag_gesture  (MpTimeline      *self);
/* Where the chart area (the renderer's view) starts, in widget
 * coordinates: add it to the renderer's x and y. */
void        mp_timeline_get_chart_origin  (MpTimeline      *self,
                                           double          *x,
                                           double          *y);
/* The "shift dependents too?" dialog while it is open, else NULL. */
GtkWidget  *mp_timeline_get_shift_dialog  (MpTimeline      *self);
/* The popover that shows a clicked blackout's or target's title. */
GtkPopover *mp_timeline_get_info_popover  (MpTimeline      *self);
/* The description given to assistive technologies (the selection). */
const char *mp_timeline_get_accessible_description (MpTimeline *self);
/* The rows as the chart lays them out. */
MpTimelineLayout *mp_timeline_get_layout  (MpTimeline      *self);

/* ---- shared by mp-timeline.c (the chart widget), mp-timeline-follow.c
 * (following the list) and mp-timeline-drag.c (drags and the shift dialog) ---- */

typedef enum {
  DRAG_NONE,
  DRAG_PRESSED, /* pressed, nothing to drag (a click) */
  DRAG_MOVE,
  DRAG_START,
  DRAG_DUE,
} DragMode;

typedef enum {
  DIRTY_REBUILD   = 1 << 0, /* the plan changed: rebuild the layout */
  DIRTY_EXPANDED  = 1 << 1, /* the list's rows were expanded or collapsed */
  DIRTY_SELECTION = 1 << 2, /* find the selected row again */
  DIRTY_ROWS      = 1 << 3, /* tasks may have come or gone: lay out the rows again */
} Dirty;


struct _MpTimeline
{
  GtkWidget           parent_instance;

  /* children */
  GtkWidget          *toolbar;
  GtkWidget          *legend_button;
  GtkWidget          *zoom_out_button;
  GtkWidget          *zoom_in_button;
  GtkWidget          *zoom_fit_button;
  GtkWidget          *hscrollbar;
  GtkWidget          *vscrollbar;
  GtkAdjustment      *hadj;
  GtkAdjustment      *vadj;
  GtkWidget          *popover;
  GtkWidget          *popover_label;
  GtkWidget          *shift_dialog;

  /* model */
  MpDocument         *document;
  MpPlan             *plan;
  MpTimelineLayout   *layout;
  MpBaseline         *baseline;
  GtkSingleSelection *selection;
  GtkAdjustment      *list_vadj;
  guint               dirty;
  guint               sync_id;
  /* The step under way (until the document's ::changed): whether it
   * changed a field that the layout reads, or only others. */
  gboolean            step_layout;
  gboolean            step_other;

  /* what is selected: a milestone, and a task of it for a task row */
  MpMilestone        *sel_milestone;
  MpTask             *sel_task;
  int                 sel_row;
  char               *description;

  /* the chart */
  MpTimelineView      view;
  PangoFontDescription *font;
  MpTimelinePaletteKind palette_kind;
  graphene_rect_t     chart;      /* in widget coordinates */
  graphene_rect_t     legend;
  gboolean            show_legend;
  gboolean            fit_pending;
  gboolean            auto_fit;   /* fitted and not zoomed since: refit on resize */
  gboolean            scroll_to_selection_pending;
  double              pointer_x;  /* in chart coordinates, -1: outside */
  double              pointer_y;

  /* a drag */
  GtkGesture         *drag;
  DragMode            drag_mode;
  MpTimelineHit       press_hit;
  double              press_x, press_y; /* chart coordinates */
  gboolean            drag_moved;
  int                 drag_milestone;
  MpMilestone        *drag_object;  /* the same, in case the plan changes meanwhile */
  MpDate              drag_start, drag_due; /* the milestone's dates before */

  /* the pending shift question */
  GListStore         *shift_changes;
  DragMode            shift_mode;
  int                 shift_milestone;
  MpDate              shift_start, shift_due;

  guint               syncing_adjustments;
  guint               syncing_selection : 1;
  guint               syncing_list_scroll : 1;
};

double mp_timeline_body_height (MpTimeline *self);
void mp_timeline_cancel_drag (MpTimeline *self);
MpDate mp_timeline_clamp_date (gint64 d);
char *mp_timeline_describe_dates (MpDate start, MpDate due);
char *mp_timeline_describe_milestone (MpPlan      *plan,
                                      MpMilestone *m);
char *mp_timeline_describe_task (MpMilestone *m, MpTask *task);
void mp_timeline_do_sync (MpTimeline *self, gboolean adjustments);
void mp_timeline_draw_drag_label (MpTimeline *self, cairo_t *cr);
double mp_timeline_header_height (MpTimeline *self);
MpDate mp_timeline_max_date (void);
void mp_timeline_nudge_selected (MpTimeline *self, int days, gboolean due_only);
void mp_timeline_on_selection_changed (GtkSingleSelection *selection, GParamSpec *pspec, MpTimeline *self);
void mp_timeline_rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r);
void mp_timeline_schedule_sync (MpTimeline *self, guint flags);
void mp_timeline_scroll_to_selection (MpTimeline *self);
void mp_timeline_scroll_x_to_day (MpTimeline *self, double first);
void mp_timeline_select_row (MpTimeline *self, int row);
void mp_timeline_set_color (cairo_t *cr, const MpTimelineColor *c);
void mp_timeline_update_accessible (MpTimeline *self);
void mp_timeline_update_adjustments (MpTimeline *self);
void mp_timeline_update_key_actions (MpTimeline *self);
void mp_timeline_on_hadj_changed (GtkAdjustment *adj, MpTimeline *self);
void mp_timeline_on_vadj_changed (GtkAdjustment *adj, MpTimeline *self);
void mp_timeline_disconnect_document (MpTimeline *self);
void mp_timeline_scroll_to_end (MpTimeline *self, gboolean end);
void mp_timeline_clear_preview (MpTimeline *self);
void mp_timeline_drag_setup (MpTimeline *self);

G_END_DECLS
