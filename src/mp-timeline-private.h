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

G_END_DECLS
