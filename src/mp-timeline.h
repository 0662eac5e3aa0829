/* mp-timeline.h: the Gantt timeline widget
 *
 * Draws the plan of a document through the core renderer
 * (mp-timeline-render.h) and turns pointer and keyboard input into
 * edits of the document: drag a bar to move a milestone, drag its ends
 * to change start or due, Alt+arrows to move it by a day. Each gesture
 * is one undo step; moving a milestone that others depend on offers to
 * shift them with it (mp_plan_preview_shift / mp_document_apply_shift).
 *
 * The widget has a small toolbar (zoom out, zoom in, zoom to fit,
 * legend) and its own scrollbars. Its rows are those of the milestones
 * list: give it the list's selection (a GtkSingleSelection over a
 * GtkTreeListModel of milestones with their tasks) and the two select
 * the same row, expand the same milestones and keep the selected row in
 * view; give it the list's vertical adjustment and it scrolls with the
 * list.
 *
 * Keyboard (when the timeline has the focus): Up/Down select the
 * previous/next row, Alt+Left/Right move the selected milestone (or
 * task) by a day, Alt+Shift+Left/Right change its due date,
 * Left/Right scroll, Home/End show the plan's start/end, Ctrl+plus,
 * Ctrl+minus and Ctrl+0 zoom, Escape cancels a drag. Ctrl+scroll zooms
 * around the pointer, Shift+scroll scrolls sideways.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"
#include "mp-timeline-render.h"

G_BEGIN_DECLS

#define MP_TYPE_TIMELINE (mp_timeline_get_type ())
G_DECLARE_FINAL_TYPE (MpTimeline, mp_timeline, MP, TIMELINE, GtkWidget)

/* Actions on the widget (for buttons, menus and shortcuts):
 *   timeline.zoom-in, timeline.zoom-out, timeline.zoom-fit,
 *   timeline.select-previous, timeline.select-next,
 *   timeline.move-earlier, timeline.move-later,
 *   timeline.due-earlier, timeline.due-later,
 *   timeline.scroll-start, timeline.scroll-end */
GtkWidget              *mp_timeline_new            (void);

void                    mp_timeline_set_document   (MpTimeline         *self,
                                                    MpDocument         *document);
MpDocument             *mp_timeline_get_document   (MpTimeline         *self);

/* The list's selection: items are GtkTreeListRow wrapping MpMilestone
 * or MpTask (or, without a tree, the milestones themselves). NULL: the
 * timeline keeps a selection of its own. */
void                    mp_timeline_set_selection  (MpTimeline         *self,
                                                    GtkSingleSelection *selection);
/* The list's vertical adjustment (its GtkScrolledWindow's): scrolling
 * either one scrolls the other, and the row the timeline selects is
 * scrolled into view in the list. NULL: none. */
void                    mp_timeline_set_list_vadjustment (MpTimeline    *self,
                                                          GtkAdjustment *adjustment);

/* The selected milestone (of a selected task row: its milestone), or NULL. */
MpMilestone            *mp_timeline_get_selected   (MpTimeline         *self);
/* Selects @milestone's row (NULL: nothing) and scrolls to it. */
void                    mp_timeline_select         (MpTimeline         *self,
                                                    MpMilestone        *milestone);

/* The baseline shown as ghost bars, NULL for none. */
void                    mp_timeline_set_baseline   (MpTimeline         *self,
                                                    MpBaseline         *baseline);
MpBaseline             *mp_timeline_get_baseline   (MpTimeline         *self);

void                    mp_timeline_zoom_in        (MpTimeline         *self);
void                    mp_timeline_zoom_out       (MpTimeline         *self);
void                    mp_timeline_zoom_fit       (MpTimeline         *self);
/* Scrolls so that today is in view, a third in from the left (T). */
void                    mp_timeline_scroll_to_today (MpTimeline        *self);

void                    mp_timeline_set_show_legend (MpTimeline        *self,
                                                     gboolean           show);
gboolean                mp_timeline_get_show_legend (MpTimeline        *self);

/* The palette chosen from the theme (light, dark, high contrast). */
MpTimelinePaletteKind   mp_timeline_get_palette_kind (MpTimeline       *self);

/* What the chart shows now (scale, scroll, size of the chart area):
 * for printing the same zoom, and for tests. Owned by the widget. */
const MpTimelineView   *mp_timeline_get_view       (MpTimeline         *self);

G_END_DECLS
