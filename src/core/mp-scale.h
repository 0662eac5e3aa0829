/* mp-scale.h: the date ↔ x scale of the timeline
 *
 * A plain value type, no GObject: the first visible date (the day at
 * x = 0 of the chart area, fractional so that zooming around a point and
 * smooth scrolling keep their place) and the width of one day in device
 * units (pixels on screen, points on paper).
 *
 * Day d covers the half-open span [x_of_date (d), x_of_date (d + 1)):
 * a bar from start to due runs from x_of_date (start) to
 * x_of_date (due + 1), a point in time sits in the middle of its day.
 *
 * The header of the chart adapts to the zoom: each MpScaleUnit below is
 * used from a minimum number of pixels per day on (see
 * mp_scale_get_header_unit()), and the unit helpers walk the calendar
 * one unit at a time, so drawing a header costs what is visible only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mp-date.h"

G_BEGIN_DECLS

/* Zoom limits, in pixels per day: from about 45 years to 16 days
 * across a 1280 px window. */
#define MP_SCALE_MIN_PX_PER_DAY 0.08
#define MP_SCALE_MAX_PX_PER_DAY 80.0
/* One step of Ctrl+plus / Ctrl+minus. */
#define MP_SCALE_ZOOM_STEP      1.25

typedef struct {
  double first;      /* day number (MpDate) at x = 0; may be fractional */
  double px_per_day; /* width of one day, > 0 */
} MpScale;

/* Calendar units of the header, finest first. */
typedef enum {
  MP_SCALE_UNIT_DAY,
  MP_SCALE_UNIT_WEEK,    /* ISO weeks, Monday to Sunday */
  MP_SCALE_UNIT_MONTH,
  MP_SCALE_UNIT_QUARTER,
  MP_SCALE_UNIT_YEAR,
} MpScaleUnit;

/* A scale that shows @first at x = 0; @px_per_day is clamped to the
 * zoom limits. */
MpScale     mp_scale_init            (MpDate         first,
                                      double         px_per_day);

/* x of the left edge of @date's column (the start of the day). */
double      mp_scale_x_of_date       (const MpScale *scale,
                                      MpDate         date);
/* x of the middle of @date's column: where points in time are drawn. */
double      mp_scale_x_of_day_center (const MpScale *scale,
                                      MpDate         date);
/* The fractional day number at @x (no snapping). */
double      mp_scale_day_at_x        (const MpScale *scale,
                                      double         x);
/* The day whose column contains @x, snapped to whole days
 * (MP_DATE_NONE when that is before 0001-01-01). */
MpDate      mp_scale_date_at_x       (const MpScale *scale,
                                      double         x);
/* The day that starts at the day boundary nearest to @x: what dragging
 * an edge to @x means (a start edge dropped at x starts on that day; a
 * due edge dropped at x is due the day before). */
MpDate      mp_scale_boundary_at_x   (const MpScale *scale,
                                      double         x);
/* The first visible date: the day whose column holds x = 0. */
MpDate      mp_scale_get_first_date  (const MpScale *scale);
/* The last day that is at least partly visible in a chart @width wide. */
MpDate      mp_scale_get_last_date   (const MpScale *scale,
                                      double         width);

/* Zooms by @factor (> 1 zooms in) keeping the date under @anchor_x where
 * it is, within the zoom limits. Returns TRUE when the scale changed. */
gboolean    mp_scale_zoom_around     (MpScale       *scale,
                                      double         factor,
                                      double         anchor_x);
/* Zooms to @px_per_day exactly (clamped), keeping @anchor_x in place. */
gboolean    mp_scale_set_zoom        (MpScale       *scale,
                                      double         px_per_day,
                                      double         anchor_x);
/* Shows the days [first, last] across @width with @margin_px of room
 * on both sides. */
void        mp_scale_fit             (MpScale       *scale,
                                      MpDate         first,
                                      MpDate         last,
                                      double         width,
                                      double         margin_px);
/* Moves the view by @dx pixels (positive: later dates come in). */
void        mp_scale_scroll_by       (MpScale       *scale,
                                      double         dx);

/* The finest unit the header can label at this zoom: days from
 * 18 px/day, ISO weeks from 4.5, months from 1.2, quarters below. */
MpScaleUnit mp_scale_get_header_unit (const MpScale *scale);
/* The coarser unit shown in the band above it: the month over days and
 * weeks, the year over months and quarters. */
MpScaleUnit mp_scale_unit_parent     (MpScaleUnit    unit);

/* The first day of the unit that contains @date (a Monday for weeks). */
MpDate      mp_scale_unit_floor      (MpScaleUnit    unit,
                                      MpDate         date);
/* The first day of the next unit after the one that starts at @start. */
MpDate      mp_scale_unit_next       (MpScaleUnit    unit,
                                      MpDate         start);
/* How much a header label says; the renderer takes the longest that
 * fits its cell. */
typedef enum {
  MP_SCALE_LABEL_SHORT,  /* "12", "W12", "Mar", "Q1", "2027" */
  MP_SCALE_LABEL_MEDIUM, /* "Fri 12", "Week 12", "March", "Q1 2027", "2027" */
  MP_SCALE_LABEL_LONG,   /* "Fri 12 Mar", "Week 12, 2027", "March 2027", "Q1 2027", "2027" */
} MpScaleLabelForm;

/* The label of the unit that starts at @start, localized. */
char       *mp_scale_unit_label      (MpScaleUnit      unit,
                                      MpDate           start,
                                      MpScaleLabelForm form);

/* ISO 8601 week number (1…53) of @date; *iso_year gets the year the
 * week belongs to (2027-01-01 is in week 53 of 2026). */
int         mp_date_get_iso_week     (MpDate         date,
                                      int           *iso_year);

G_END_DECLS
