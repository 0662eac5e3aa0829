/* mp-timeline-render.h: the Gantt timeline, painted with cairo and pango
 *
 * One function paints the chart onto any cairo_t: the widget calls it
 * from snapshot, printing from draw-page, the command line on a PDF
 * surface, the tests on an image surface. Nothing here knows GTK.
 *
 * Geometry, in the device units of the cairo_t (pixels on screen,
 * points on paper), with (0, 0) at the top left of the painted area:
 *
 *   +--------------+---------------------------------------------+
 *   | corner       | header: coarse band (months or years)       |  header_height
 *   |              | fine band (days, ISO weeks, months, quarters)|
 *   +--------------+---------------------------------------------+
 *   | row labels   | chart: row r spans                          |
 *   | (label_width,| y = header_height + r * row_height - scroll_y|
 *   |  0 = none)   | x = label_width + mp_scale_x_of_date (…)    |
 *   +--------------+---------------------------------------------+
 *
 * The header and the label column stay in place while the chart
 * scrolls under them. Horizontal scrolling is the scale's first date
 * (MpScale.first); vertical scrolling is scroll_y in device units.
 *
 * What a row shows: a bar from start to due (a diamond when the
 * milestone has no start), a clock after it for a timed milestone,
 * small marks above it for the due dates of its tasks (or, expanded,
 * one row per task), a thin ghost bar under it for the baseline's dates,
 * the title inside the bar when it fits, beside it when not. Colour by
 * responsible side; done is filled, planned outlined, in progress
 * filled up to today, blocked hatched, dropped struck through and faded,
 * overdue in the warning colour. Behind the rows: weekends, blackouts
 * tinted by side, the buffer before the target, grid lines; over them the
 * dependency arrows (predecessor → dependent), today and target lines.
 *
 * A frame only visits the visible rows (and their dependencies) and the
 * visible days: its cost does not grow with the length of the plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "mp-model.h"
#include "mp-scale.h"
#include "mp-timeline-layout.h"

G_BEGIN_DECLS

/* Palettes */

typedef enum {
  MP_TIMELINE_PALETTE_LIGHT,
  MP_TIMELINE_PALETTE_DARK,
  MP_TIMELINE_PALETTE_HIGH_CONTRAST,
} MpTimelinePaletteKind;

typedef struct {
  double red, green, blue, alpha;
} MpTimelineColor;

typedef struct {
  MpTimelineColor background;
  MpTimelineColor row_alternate;   /* every other row */
  MpTimelineColor grid;
  MpTimelineColor weekend;
  MpTimelineColor text;
  MpTimelineColor text_dim;        /* task rows, dropped titles */
  MpTimelineColor header_background;
  MpTimelineColor header_text;
  MpTimelineColor selection;       /* the selected milestone's row */
  MpTimelineColor side[3];         /* by MpParty: seller, customer, both */
  MpTimelineColor text_on_side;    /* a title inside a filled bar */
  MpTimelineColor warning;         /* overdue, blocked */
  MpTimelineColor today;
  MpTimelineColor target;
  MpTimelineColor buffer;          /* the days before the target */
  MpTimelineColor blackout[3];     /* by MpParty */
  MpTimelineColor ghost;           /* baseline bars */
  MpTimelineColor arrow;
  MpTimelineColor hover;           /* outline of the hovered bar, handles */
  double          line_width;      /* outlines; thicker in high contrast */
} MpTimelinePalette;

/* The built-in palettes; static, never freed. */
const MpTimelinePalette *mp_timeline_palette_get (MpTimelinePaletteKind kind);

/* What is at a point */

typedef enum {
  MP_TIMELINE_HIT_NONE,         /* outside the chart, or below the last row */
  MP_TIMELINE_HIT_HEADER,       /* the date header (date: the day under x) */
  MP_TIMELINE_HIT_LABEL,        /* a row's label in the label column */
  MP_TIMELINE_HIT_BAR,          /* a bar's body or a diamond: drag to move */
  MP_TIMELINE_HIT_START_HANDLE, /* the start end of a bar: drag to change start */
  MP_TIMELINE_HIT_DUE_HANDLE,   /* the due end of a bar: drag to change due */
  MP_TIMELINE_HIT_TASK,         /* a task's mark (on its milestone's row or its own) */
  MP_TIMELINE_HIT_TARGET,       /* the target date line */
  MP_TIMELINE_HIT_BLACKOUT,     /* a blackout's band (title: for a tooltip) */
  MP_TIMELINE_HIT_ROW,          /* empty space in a row */
} MpTimelineHitKind;

typedef struct {
  MpTimelineHitKind kind;
  int               row;       /* layout row, -1 when not on a row */
  int               milestone; /* the row's milestone, -1 when none */
  int               task;      /* task index for HIT_TASK and task rows, else -1 */
  int               blackout;  /* index in the plan's blackouts for HIT_BLACKOUT, else -1 */
  MpDate            date;      /* the day under x, MP_DATE_NONE in the label column */
  const char       *title;     /* HIT_BLACKOUT: the blackout's title, owned by the plan */
} MpTimelineHit;

/* The view: everything a frame depends on besides the plan */

typedef struct {
  double                      width;        /* size of the painted area */
  double                      height;
  MpScale                     scale;        /* first visible date and zoom */
  double                      scroll_y;     /* content y at the top of the rows */
  double                      row_height;   /* 0: from the font (about 2.3 lines) */
  double                      label_width;  /* sticky row labels; 0: none */
  MpDate                      today;        /* the today line; MP_DATE_NONE: none */
  int                         selected;     /* selected milestone index, -1: none */
  int                         selected_task; /* with @selected: the task whose row is selected, -1: the milestone's */
  gboolean                    focused;      /* the chart has the keyboard focus: a ring around the selected bar */
  MpBaseline                 *baseline;     /* ghost bars; NULL: none */
  MpTimelineHit               hover;        /* kind NONE: nothing hovered */
  const MpTimelinePalette    *palette;      /* NULL: light */
  const PangoFontDescription *font;         /* NULL: "Sans 9" */
  double                      resolution;   /* pango dpi: 96 on screen, 72 in print */
  /* The at-risk marks from each drawn bar's own health unless the plan's
   * is already worked out (the screen: a frame after an edit must not
   * wait for the whole plan's); FALSE: from the plan's (print). */
  gboolean                    health_per_bar;

  /* A drag in progress: milestone @preview_milestone (-1: none) drawn
   * with these dates instead of its own. */
  int                         preview_milestone;
  MpDate                      preview_start;
  MpDate                      preview_due;
} MpTimelineView;

/* Sets every field to its default for an area @width × @height at
 * 96 dpi, today from mp_date_today(), 8 px per day from today - 7. */
void     mp_timeline_view_init              (MpTimelineView         *view,
                                             double                  width,
                                             double                  height);
/* Header and row heights in device units, from the font, resolution and
 * row_height. */
double   mp_timeline_view_get_header_height (const MpTimelineView   *view);
double   mp_timeline_view_get_row_height    (const MpTimelineView   *view);

/* Paints the view. Saves and restores @cr; paints the whole area. */
void     mp_timeline_render                 (cairo_t                *cr,
                                             MpTimelineLayout       *layout,
                                             const MpTimelineView   *view);

/* Row ↔ y, date ↔ x in view coordinates */

/* The layout row at @y, or -1 in the header and below the last row. */
int      mp_timeline_row_at_y               (MpTimelineLayout       *layout,
                                             const MpTimelineView   *view,
                                             double                  y);
/* The top of @row in view coordinates (may be outside the view). */
double   mp_timeline_row_get_y              (const MpTimelineView   *view,
                                             guint                   row);
/* Changes scroll_y as little as possible so that @row is fully visible. */
void     mp_timeline_scroll_to_row          (MpTimelineLayout       *layout,
                                             MpTimelineView         *view,
                                             guint                   row);
double   mp_timeline_x_of_date              (const MpTimelineView   *view,
                                             MpDate                  date);
/* The day under @x (snapped), MP_DATE_NONE in the label column. */
MpDate   mp_timeline_date_at_x              (const MpTimelineView   *view,
                                             double                  x);

/* The rectangle milestone @milestone is drawn in (its bar or diamond,
 * clock mark included), in view coordinates, wherever the view is
 * scrolled: for tooltips, popovers and keyboard focus. FALSE when the
 * milestone has no due date. Honours the view's drag preview. */
gboolean mp_timeline_get_milestone_rect     (MpTimelineLayout       *layout,
                                             const MpTimelineView   *view,
                                             guint                   milestone,
                                             double                 *x,
                                             double                 *y,
                                             double                 *width,
                                             double                 *height);

/* What is at (@x, @y). Always fills @hit; returns FALSE for HIT_NONE. */
gboolean mp_timeline_hit_test               (MpTimelineLayout       *layout,
                                             const MpTimelineView   *view,
                                             double                  x,
                                             double                  y,
                                             MpTimelineHit          *hit);

/* Scrolling and zoom
 *
 * The scale's x is relative to the chart area: to zoom around the
 * pointer at view x, call mp_scale_zoom_around (&view->scale, factor,
 * x - view->label_width); to scroll sideways, mp_scale_scroll_by(). */

/* The dates the scrollable range spans: the plan's range with a week
 * before and two weeks after (today ± a month for a plan with no dates). */
void     mp_timeline_get_content_range      (MpTimelineLayout       *layout,
                                             const MpTimelineView   *view,
                                             MpDate                 *first,
                                             MpDate                 *last);
/* The scrollable size at the view's zoom, the label column and header
 * included (for GtkAdjustment upper values), and where the view is in
 * it (the adjustments' values). scroll_x may be out of [0, width - view
 * width] when the view was scrolled past the plan's range. */
void     mp_timeline_get_content_size       (MpTimelineLayout       *layout,
                                             const MpTimelineView   *view,
                                             double                 *width,
                                             double                 *height,
                                             double                 *scroll_x);
/* Moves the view to @scroll_x pixels from the start of the content range. */
void     mp_timeline_set_scroll_x           (MpTimelineLayout       *layout,
                                             MpTimelineView         *view,
                                             double                  scroll_x);
/* Zooms so that the whole plan fits the width of the chart area. */
void     mp_timeline_zoom_to_fit            (MpTimelineLayout       *layout,
                                             MpTimelineView         *view);

/* The legend: side colours, statuses, symbols and lines, in lines that
 * wrap at @width. Draws at (@x, @y) when @cr is not NULL; returns the
 * height it takes either way. */
double   mp_timeline_render_legend          (cairo_t                *cr,
                                             const MpTimelineView   *view,
                                             double                  x,
                                             double                  y,
                                             double                  width);

/* Printing: the chart cut into page tiles */

typedef struct {
  MpDate first_date; /* inclusive */
  MpDate last_date;  /* inclusive */
  guint  first_row;
  guint  n_rows;
} MpTimelineTile;

/* How many whole rows a tile @height tall holds under its header. */
guint    mp_timeline_tile_get_rows_per_tile (const MpTimelineView   *view,
                                             double                  height);
/* Cuts the plan into tiles of @width × @height: its content range split
 * into @pages_wide equal date ranges, its rows into bands of whole rows.
 * In reading order: all tiles of the first band of rows left to right,
 * then the next band. Free with g_array_unref(). */
GArray  *mp_timeline_paginate               (MpTimelineLayout       *layout,
                                             const MpTimelineView   *view,
                                             double                  width,
                                             double                  height,
                                             guint                   pages_wide);
/* Paints one tile into the rectangle (@x, @y, @width, @height) of @cr:
 * the dates of @tile across the chart width, its rows only, with the
 * row labels (view->label_width) and the date header repeated. Takes
 * fonts, palette, resolution, row height, today and baseline from
 * @view; ignores its size, scale, scroll, selection and hover. */
void     mp_timeline_render_tile            (cairo_t                *cr,
                                             MpTimelineLayout       *layout,
                                             const MpTimelineView   *view,
                                             const MpTimelineTile   *tile,
                                             double                  x,
                                             double                  y,
                                             double                  width,
                                             double                  height);

G_END_DECLS
