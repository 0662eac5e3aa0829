/* mp-print.h: the plan on paper, page by page (no GTK)
 *
 * An MpPrintJob cuts a plan into pages for one paper size and margins,
 * then draws any page onto a cairo_t. The print dialog (draw-page), the
 * command line (a cairo PDF surface) and the tests (PDF and image
 * surfaces) share it, so what is previewed is what is exported.
 *
 * Sections, in this order, each starting on a new page:
 *   overview    "Plan on a page": title, customer and vendor, key facts
 *               (target and days left, progress, start, buffer), summary,
 *               goals, next steps with owners, the team on both sides,
 *               the communication cadence, points to watch, the legend.
 *   milestones  a table: #, title, responsible side, seller and customer
 *               owner, start, due, status, commitment; tasks indented
 *               below their milestone. The header repeats on every page
 *               and no row is ever cut.
 *   timeline    the Gantt chart (mp-timeline-render.h) on landscape
 *               pages, the plan's whole range across @pages_wide pages,
 *               rows continuing on further pages, row labels and the date
 *               header repeated; legend at the bottom of every page.
 *   changes     what moved since the baseline, and the history log.
 * Text sections are portrait, timeline pages landscape. Every page has
 * the plan's title and the date it was printed at the top and
 * "Page X of Y" at the bottom. No text is smaller than 7 pt.
 *
 * Units: the cairo_t given to mp_print_job_draw_page() must be in
 * points (1/72 inch) with (0, 0) at the top left corner of the paper,
 * oriented as the page says (MpPrintPage.landscape). Text is laid out by
 * pango at 72 dpi without hinting, so a point is a point on every
 * surface (PDF, print context, preview image) and pagination does not
 * depend on the surface.
 *
 * Headings are the app's words (gettext); the plan's own text is never
 * translated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "mp-model.h"

G_BEGIN_DECLS

typedef enum {
  MP_PRINT_OVERVIEW   = 1 << 0,
  MP_PRINT_MILESTONES = 1 << 1,
  MP_PRINT_TIMELINE   = 1 << 2,
  MP_PRINT_CHANGES    = 1 << 3,
} MpPrintSections;

#define MP_PRINT_SECTIONS_DEFAULT (MP_PRINT_OVERVIEW | MP_PRINT_MILESTONES | MP_PRINT_TIMELINE)
#define MP_PRINT_SECTIONS_ALL     (MP_PRINT_SECTIONS_DEFAULT | MP_PRINT_CHANGES)
/* How many pages wide the timeline may be spread. */
#define MP_PRINT_MAX_PAGES_WIDE   16
/* The default margin on every side, in points (15 mm). */
#define MP_PRINT_DEFAULT_MARGIN   42.5
/* The smallest text size used anywhere, in points. */
#define MP_PRINT_MIN_FONT_SIZE    7.0

/* "overview,milestones,timeline,changes": any of them, comma-separated,
 * in any order. FALSE for an unknown name or an empty list. */
gboolean  mp_print_sections_parse     (const char      *text,
                                       MpPrintSections *sections);
/* The same list, in section order; "" for none. */
char     *mp_print_sections_to_string (MpPrintSections  sections);

typedef enum {
  MP_PAPER_A4,     /* 210 × 297 mm, 595.28 × 841.89 pt */
  MP_PAPER_LETTER, /* 8.5 × 11 in, 612 × 792 pt */
} MpPaper;

/* "a4" or "letter" (any case). */
gboolean  mp_paper_parse              (const char      *name,
                                       MpPaper         *paper);
/* The paper of the locale's LC_PAPER (glibc's _NL_PAPER_HEIGHT: 279 mm
 * is Letter), A4 where the C library cannot tell. setlocale() must have
 * been called for LC_PAPER to count. */
MpPaper   mp_paper_from_locale        (void);
/* Portrait size in points. */
void      mp_paper_get_size           (MpPaper          paper,
                                       double          *width,
                                       double          *height);

/* One page of the job. */
typedef struct {
  MpPrintSections section;     /* exactly one flag */
  gboolean        landscape;
  double          width;       /* the page as oriented, in points */
  double          height;
  /* The body: the area between the running header and the footer. */
  double          body_top;
  double          body_height;
  double          used_height; /* how much of the body the content takes */
  /* MILESTONES: the table rows on this page, [first_row, first_row +
   * n_rows) in mp_print_job_get_n_table_rows() numbering (a milestone's
   * row, then its tasks' rows). TIMELINE: the timeline layout's rows.
   * 0 rows elsewhere. */
  guint           first_row;
  guint           n_rows;
  /* TIMELINE: the days across this page, inclusive. */
  MpDate          first_date;
  MpDate          last_date;
} MpPrintPage;

#define MP_TYPE_PRINT_JOB (mp_print_job_get_type ())
G_DECLARE_FINAL_TYPE (MpPrintJob, mp_print_job, MP, PRINT_JOB, GObject)

/* A job for @plan with the defaults: the default sections, A4, margins
 * of MP_PRINT_DEFAULT_MARGIN, the timeline one page wide, the plan's
 * latest baseline, today from mp_date_today(). The plan must not change
 * while the job is used (the print dialog prints a copy). */
MpPrintJob        *mp_print_job_new                (MpPlan          *plan);
MpPlan            *mp_print_job_get_plan           (MpPrintJob      *self);

void               mp_print_job_set_sections       (MpPrintJob      *self,
                                                    MpPrintSections  sections);
MpPrintSections    mp_print_job_get_sections       (MpPrintJob      *self);
/* The paper in points, either orientation (the job turns it as each
 * section needs). */
void               mp_print_job_set_paper_size     (MpPrintJob      *self,
                                                    double           width,
                                                    double           height);
void               mp_print_job_set_paper          (MpPrintJob      *self,
                                                    MpPaper          paper);
/* Margins in points, on the page as it is read (a landscape page has
 * the same margins on its own top, right, bottom and left). */
void               mp_print_job_set_margins        (MpPrintJob      *self,
                                                    double           top,
                                                    double           right,
                                                    double           bottom,
                                                    double           left);
/* 1 (default) to MP_PRINT_MAX_PAGES_WIDE. */
void               mp_print_job_set_timeline_pages_wide (MpPrintJob *self,
                                                    guint            pages_wide);
guint              mp_print_job_get_timeline_pages_wide (MpPrintJob *self);
/* The baseline for the ghost bars and the changes section; NULL: none. */
void               mp_print_job_set_baseline       (MpPrintJob      *self,
                                                    MpBaseline      *baseline);
/* The day the plan is seen on (overdue, days left, the today line) and
 * the date printed on every page. */
void               mp_print_job_set_today          (MpPrintJob      *self,
                                                    MpDate           today);

/* Cuts the plan into pages (done on demand by the getters below after a
 * setter changed something). Returns the number of pages, at least 1. */
guint              mp_print_job_paginate           (MpPrintJob      *self);
guint              mp_print_job_get_n_pages        (MpPrintJob      *self);
/* @page counts from 0. Owned by the job, valid until a setter is called. */
const MpPrintPage *mp_print_job_get_page           (MpPrintJob      *self,
                                                    guint            page);
/* Rows of the milestones table: each milestone, then each of its tasks. */
guint              mp_print_job_get_n_table_rows   (MpPrintJob      *self);

/* Draws page @page (from 0) with its top left corner at (0, 0) of @cr,
 * in points. Saves and restores @cr. */
void               mp_print_job_draw_page          (MpPrintJob      *self,
                                                    cairo_t         *cr,
                                                    guint            page);

/* All pages as a PDF document in memory; NULL and @error when cairo
 * fails. */
GBytes            *mp_print_job_to_pdf             (MpPrintJob      *self,
                                                    GError         **error);

G_END_DECLS
