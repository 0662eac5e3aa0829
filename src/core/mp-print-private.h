/* mp-print-private.h: what mp-print.c (pagination, drawing) and
 * mp-print-sections.c (what each section says) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "mp-print.h"
#include "mp-timeline-layout.h"
#include "mp-timeline-render.h"

G_BEGIN_DECLS

/* Geometry, in points */
#define RUNNING_BAND     24.0  /* running header: a line of text, a rule, space */
#define FOOTER_BAND      22.0
#define CELL_PAD_X        3.0
#define CELL_PAD_Y        2.0
#define MAX_CELL_LINES    8
#define MAX_COLS          9
#define SIDE_MARK         6.0  /* the side's colour square in a cell */
#define TASK_INDENT      12.0
#define MAX_NEXT_STEPS    6
#define MAX_PROBLEMS      5
#define TIMELINE_FONT    "Sans 8"

#define MARKUP_DIM  "#5c5c63"
#define MARKUP_WARN "#b81a1a"

/* Text styles; none below MP_PRINT_MIN_FONT_SIZE. */
typedef enum {
  ST_BODY,
  ST_TABLE,
  ST_TABLE_BOLD,
  ST_SMALL,
  ST_TITLE,
  ST_H2,
  ST_H3,
  ST_FACT,
  N_STYLES
} Style;

/* Tables */

typedef struct {
  const char     *header;
  double          min;
  double          max;
  gboolean        flex;  /* takes the width the others leave */
  PangoAlignment  align;
  gboolean        nowrap; /* dates, numbers: not broken unless over max */
} ColSpec;

typedef struct {
  char        *text[MAX_COLS];   /* Pango markup, NULL: empty */
  PangoLayout *cell[MAX_COLS];
  double       h;
  int          index;    /* row number in the milestones table, else -1 */
  gboolean     overdue;  /* a warning strip at the left edge */
  int          party;    /* a side colour mark in the side column, -1: none */
  int          check;    /* a check box before the title: -1 none, 0 open, 1 done */
  double       indent;   /* of the title column */
  gboolean     shade;    /* zebra */
} Row;

typedef struct _Block Block;

typedef struct {
  guint        n_cols;
  ColSpec      spec[MAX_COLS];
  double       x[MAX_COLS];
  double       w[MAX_COLS];
  PangoLayout *head[MAX_COLS];
  double       head_h;
  int          title_col;
  int          side_col;
  GPtrArray   *rows;
  Block       *header_block;
} Table;

/* Key facts */
typedef struct {
  PangoLayout *label;
  PangoLayout *value;
  PangoLayout *sub;
  double       progress; /* 0…1, or < 0: no bar */
} Fact;

typedef enum {
  BLOCK_TEXT,
  BLOCK_HEADER, /* a table's header */
  BLOCK_ROW,    /* a table's row */
  BLOCK_FACTS,
} BlockKind;

struct _Block {
  BlockKind    kind;
  double       height;
  double       space_before;   /* left out at the top of a page */
  gboolean     keep_with_next;
  /* TEXT */
  PangoLayout *layout;
  double       indent;
  gboolean     bullet;
  gboolean     rule;           /* a heading's rule under the text */
  GArray      *line_bottoms;   /* double: where it may be split */
  /* HEADER, ROW */
  Table       *table;
  Row         *row;
  /* FACTS */
  GArray      *facts;
};

typedef struct {
  Block  *block;
  double  y;      /* top of the placed part on the page */
  double  from;   /* the part of the block placed: [from, to) */
  double  to;
} Placement;

typedef struct {
  MpPrintPage     info;
  GArray         *placements;
  MpTimelineTile  tile;
  guint           tile_column; /* which page across, from 0 */
} Page;

struct _MpPrintJob
{
  GObject           parent_instance;

  MpPlan           *plan;
  MpPrintSections   sections;
  double            paper_w;  /* portrait */
  double            paper_h;
  double            margin[4]; /* top, right, bottom, left */
  guint             pages_wide;
  MpBaseline       *baseline;
  MpDate            today;

  /* Pagination */
  gboolean          valid;
  PangoContext     *context;
  PangoFontDescription *fonts[N_STYLES];
  GPtrArray        *blocks;   /* Block, owned */
  GPtrArray        *tables;   /* Table, owned */
  GArray           *pages;    /* Page */
  guint             n_table_rows;
  MpTimelineLayout *timeline;
  PangoFontDescription *timeline_font;
  MpTimelineView    view;     /* timeline pages and the legend */
  guint             n_across;  /* timeline pages across */
};

/* A section being built: its blocks go to the job's list. */
typedef struct {
  MpPrintJob *self;
  GPtrArray  *blocks; /* not owned: the job's */
  guint       first;  /* this section's first block in self->blocks */
  double      width;  /* of the content */
} Flow;

/* Text */
PangoLayout *
mp_print_text_new (MpPrintJob *self,
                   Style       style,
                   const char *markup,
                   double      width);
char *
mp_print_esc (const char *text);
double
mp_print_layout_height (PangoLayout *layout);

/* Blocks of a section */
Block *
mp_print_flow_add (Flow      *flow,
                   BlockKind  kind);
Block *
mp_print_flow_text (Flow       *flow,
                    Style       style,
                    const char *markup,
                    double      indent,
                    double      space_before);
Block *
mp_print_flow_text_plain (Flow       *flow,
                          Style       style,
                          const char *text,
                          double      indent,
                          double      space_before);
Block *
mp_print_flow_dim (Flow       *flow,
                   const char *text);
Block *
mp_print_flow_bullet (Flow       *flow,
                      const char *markup);
Block *
mp_print_flow_heading (Flow       *flow,
                       Style       style,
                       const char *text,
                       gboolean    first);

/* Tables: rows of markup cells, column widths from the content */
Table *
mp_print_table_new (MpPrintJob    *self,
                    const ColSpec *spec,
                    guint          n_cols);
Row *
mp_print_table_add_row (Table *t);
void
mp_print_row_set (Row  *r,
                  guint col,
                  char *markup);
void
mp_print_tables_finish (Flow   *flow,
                        Table **tables,
                        guint   n);
void
mp_print_flow_table_blocks (Flow  *flow,
                            Table *t);
void
mp_print_flow_table (Flow  *flow,
                     Table *t);

/* The sections (mp-print-sections.c) */
void mp_print_build_overview   (Flow *flow);
void mp_print_build_milestones (Flow *flow);
void mp_print_build_changes    (Flow *flow);

G_END_DECLS
