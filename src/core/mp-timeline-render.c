/* mp-timeline-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "mp-health.h"
#include "mp-timeline-render-private.h"

/* Palettes
 *
 * The side colours (seller, customer, both) and the warning colour
 * (overdue, blocked) stay apart under protanopia and deuteranopia as
 * well: every pair is at least 15 CIEDE2000 apart in normal vision and
 * simulated (Machado et al. 2009, severity 1), measured from rendered
 * pixels by tests/test-contrast.c (/contrast/cvd-timeline, 12 or more).
 * Each keeps 4.5:1 with text_on_side (a title inside a done bar) and 3:1
 * with the background. Blackouts repeat the side colours. */

#define RGB(r, g, b)     { (r) / 255.0, (g) / 255.0, (b) / 255.0, 1.0 }
#define RGBA(r, g, b, a) { (r) / 255.0, (g) / 255.0, (b) / 255.0, (a) }

static const MpTimelinePalette palette_light = {
  .background        = RGB (255, 255, 255),
  .row_alternate     = RGBA (0, 0, 0, 0.028),
  .grid              = RGBA (0, 0, 0, 0.09),
  .weekend           = RGBA (0, 0, 0, 0.045),
  .text              = RGB (30, 30, 30),
  .text_dim          = RGB (94, 92, 100),
  .header_background = RGB (246, 245, 244),
  .header_text       = RGB (61, 56, 70),
  .selection         = RGBA (53, 132, 228, 0.18),
  .side              = { RGB (28, 113, 218), RGB (206, 75, 5), RGB (114, 47, 120) },
  .text_on_side      = RGB (255, 255, 255),
  .warning           = RGB (162, 30, 40),
  .today             = RGB (224, 27, 36),
  .target            = RGB (36, 31, 49),
  .buffer            = RGBA (229, 165, 10, 0.16),
  .blackout          = { RGBA (28, 113, 218, 0.10), RGBA (206, 75, 5, 0.11), RGBA (94, 92, 100, 0.15) },
  .ghost             = RGBA (119, 118, 123, 0.75),
  .arrow             = RGBA (94, 92, 100, 0.85),
  .hover             = RGB (28, 113, 216),
  .line_width        = 1.5,
};

static const MpTimelinePalette palette_dark = {
  .background        = RGB (36, 36, 36),
  .row_alternate     = RGBA (255, 255, 255, 0.03),
  .grid              = RGBA (255, 255, 255, 0.09),
  .weekend           = RGBA (255, 255, 255, 0.045),
  .text              = RGB (238, 238, 236),
  .text_dim          = RGB (192, 191, 188),
  .header_background = RGB (48, 48, 48),
  .header_text       = RGB (222, 221, 218),
  .selection         = RGBA (53, 132, 228, 0.32),
  .side              = { RGB (138, 185, 255), RGB (255, 163, 71), RGB (176, 91, 192) },
  .text_on_side      = RGB (0, 0, 0),
  .warning           = RGB (214, 121, 109),
  .today             = RGB (246, 97, 81),
  .target            = RGB (255, 255, 255),
  .buffer            = RGBA (248, 228, 92, 0.12),
  .blackout          = { RGBA (138, 185, 255, 0.13), RGBA (255, 163, 71, 0.13), RGBA (192, 191, 188, 0.14) },
  .ghost             = RGBA (154, 153, 150, 0.75),
  .arrow             = RGBA (192, 191, 188, 0.85),
  .hover             = RGB (153, 193, 241),
  .line_width        = 1.5,
};

static const MpTimelinePalette palette_high_contrast = {
  .background        = RGB (255, 255, 255),
  .row_alternate     = RGBA (0, 0, 0, 0.05),
  .grid              = RGBA (0, 0, 0, 0.35),
  .weekend           = RGBA (0, 0, 0, 0.09),
  .text              = RGB (0, 0, 0),
  .text_dim          = RGB (0, 0, 0),
  .header_background = RGB (255, 255, 255),
  .header_text       = RGB (0, 0, 0),
  .selection         = RGBA (0, 0, 0, 0.16),
  .side              = { RGB (0, 32, 229), RGB (197, 72, 12), RGB (89, 0, 119) },
  .text_on_side      = RGB (255, 255, 255),
  .warning           = RGB (154, 2, 0),
  .today             = RGB (190, 0, 0),
  .target            = RGB (0, 0, 0),
  .buffer            = RGBA (0, 0, 0, 0.12),
  .blackout          = { RGBA (0, 32, 229, 0.16), RGBA (197, 72, 12, 0.16), RGBA (0, 0, 0, 0.18) },
  .ghost             = RGBA (0, 0, 0, 0.6),
  .arrow             = RGB (0, 0, 0),
  .hover             = RGB (0, 0, 0),
  .line_width        = 2.0,
};

const MpTimelinePalette *
mp_timeline_palette_get (MpTimelinePaletteKind kind)
{
  switch (kind)
    {
    case MP_TIMELINE_PALETTE_DARK:
      return &palette_dark;
    case MP_TIMELINE_PALETTE_HIGH_CONTRAST:
      return &palette_high_contrast;
    case MP_TIMELINE_PALETTE_LIGHT:
    default:
      return &palette_light;
    }
}

/* The view */

#define DEFAULT_FONT        "Sans 9"
#define WEEKENDS_MIN_PX_PER_DAY 3.0

void
mp_timeline_view_init (MpTimelineView *view,
                       double          width,
                       double          height)
{
  MpDate today = mp_date_today ();

  g_return_if_fail (view != NULL);

  memset (view, 0, sizeof *view);
  view->width = width;
  view->height = height;
  view->scale = mp_scale_init (today - 7, 8.0);
  view->label_width = 0.0;
  view->today = today;
  view->selected = -1;
  view->selected_task = -1;
  view->hover.kind = MP_TIMELINE_HIT_NONE;
  view->hover.row = view->hover.milestone = view->hover.task = view->hover.blackout = -1;
  view->resolution = 96.0;
  view->preview_milestone = -1;
}

static double
font_px (const MpTimelineView *view)
{
  g_autoptr(PangoFontDescription) fallback = NULL;
  const PangoFontDescription *font = view->font;
  double resolution = view->resolution > 0 ? view->resolution : 96.0;
  double size;

  if (font == NULL || pango_font_description_get_size (font) == 0)
    font = fallback = pango_font_description_from_string (DEFAULT_FONT);
  size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (font))
    return size;
  return size * resolution / 72.0;
}

double
mp_timeline_view_get_header_height (const MpTimelineView *view)
{
  g_return_val_if_fail (view != NULL, 0.0);

  return 2.0 * (ceil (font_px (view) * 1.35) + 5.0);
}

double
mp_timeline_view_get_row_height (const MpTimelineView *view)
{
  g_return_val_if_fail (view != NULL, 0.0);

  if (view->row_height > 0)
    return view->row_height;
  return ceil (font_px (view) * 2.3);
}

/* One frame */

typedef struct {
  cairo_t                 *cr;
  MpTimelineLayout        *layout;
  MpPlan                  *plan;
  const MpTimelineView    *view;
  const MpTimelinePalette *pal;
  PangoLayout             *text;
  PangoFontDescription    *font;
  PangoFontDescription    *small_font;
  PangoFontDescription    *bold_font;
  double                   font_px;
  double                   header_h;
  double                   row_h;
  double                   chart_x;  /* left edge of the chart area */
  double                   chart_r;  /* right edge */
  double                   body_y;   /* top of the rows */
  double                   body_b;   /* bottom of the painted area */
  guint                    row_first;
  guint                    row_end;  /* visible rows: [row_first, row_end) */
  MpDate                   day_first;
  MpDate                   day_last;
  MpPlanHealth            *health;   /* for the at-risk marks; NULL without today */
  GHashTable              *risky;    /* without @health: MpMilestone → 1 + at risk, as drawn */
} Frame;

/* The selected row: the selected task's when one is, else its milestone's. */
static gboolean
row_is_selected (const Frame         *f,
                 const MpTimelineRow *row)
{
  if (f->view->selected < 0 || row->milestone != (guint) f->view->selected)
    return FALSE;
  if (f->view->selected_task >= 0)
    return row->kind == MP_TIMELINE_ROW_TASK && row->task == f->view->selected_task;
  return row->kind == MP_TIMELINE_ROW_MILESTONE;
}


static void
set_color (cairo_t               *cr,
           const MpTimelineColor *c,
           double                 alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

static double
row_top (const Frame *f,
         guint        row)
{
  return f->body_y + (double) row * f->row_h - f->view->scroll_y;
}

static double
x_of (const Frame *f,
      MpDate       date)
{
  return f->chart_x + mp_scale_x_of_date (&f->view->scale, date);
}

static double
x_center (const Frame *f,
          MpDate       date)
{
  return f->chart_x + mp_scale_x_of_day_center (&f->view->scale, date);
}

static void
milestone_dates (const MpTimelineView *view,
                 MpMilestone          *m,
                 guint                 index,
                 MpDate               *start,
                 MpDate               *due)
{
  if (view->preview_milestone >= 0 && (guint) view->preview_milestone == index)
    {
      *start = view->preview_start;
      *due = view->preview_due;
    }
  else
    {
      *start = mp_milestone_get_start (m);
      *due = mp_milestone_get_due (m);
    }
  if (*start != MP_DATE_NONE && *due != MP_DATE_NONE && *start > *due)
    *start = *due;
}

/* Bar geometry: a bar takes the middle half of its row, a ghost bar
 * sits under it, task marks above it. */
static void
geom_vertical (double  top_of_row,
               double  row_h,
               double *top,
               double *bottom)
{
  double bar_h = round (row_h * 0.5);

  *top = top_of_row + floor (row_h * 0.24);
  *bottom = *top + bar_h;
}

gboolean
mp_timeline_compute_geom (const MpTimelineView *view,
                          double                chart_x,
                          double                body_y,
                          double                row_h,
                          MpMilestone          *m,
                          guint                 index,
                          guint                 row,
                          MpTimelineGeom       *g)
{
  double half;

  g->m = m;
  milestone_dates (view, m, index, &g->start, &g->due);
  if (g->due == MP_DATE_NONE)
    return FALSE;
  g->row_top = body_y + (double) row * row_h - view->scroll_y;
  geom_vertical (g->row_top, row_h, &g->top, &g->bottom);
  g->cy = (g->top + g->bottom) / 2.0;
  g->point = g->start == MP_DATE_NONE;
  g->timed = mp_milestone_get_time (m) != MP_TIME_NONE;
  half = (g->bottom - g->top) / 2.0 + 1.5;
  g->cx = chart_x + mp_scale_x_of_day_center (&view->scale, g->due);
  if (g->point)
    {
      g->x0 = g->cx - half;
      g->x1 = g->cx + half;
    }
  else
    {
      g->x0 = chart_x + mp_scale_x_of_date (&view->scale, g->start);
      g->x1 = chart_x + mp_scale_x_of_date (&view->scale, g->due + 1);
      /* A bar stays visible at any zoom. */
      if (g->x1 - g->x0 < 3.0)
        {
          double mid = (g->x0 + g->x1) / 2.0;
          g->x0 = mid - 1.5;
          g->x1 = mid + 1.5;
        }
    }
  g->end = g->x1;
  if (g->timed)
    g->end += 3.0 + (g->bottom - g->top) * 0.8;
  return TRUE;
}

static gboolean
frame_geom (const Frame    *f,
            guint           milestone,
            MpTimelineGeom *g)
{
  MpMilestone *m = mp_timeline_layout_get_milestone (f->layout, milestone);

  return mp_timeline_compute_geom (f->view, f->chart_x, f->body_y, f->row_h, m, milestone,
                       mp_timeline_layout_get_milestone_row (f->layout, milestone), g);
}

static gboolean
is_overdue (MpMilestone *m,
            MpDate       due,
            MpDate       today)
{
  MpStatus status = mp_milestone_get_status (m);

  return today != MP_DATE_NONE && due != MP_DATE_NONE && due < today &&
         status != MP_STATUS_DONE && status != MP_STATUS_DROPPED;
}

static const MpTimelineColor *
side_color (const Frame *f,
            MpParty      party)
{
  return &f->pal->side[CLAMP ((int) party, 0, 2)];
}

/* Overdue and at risk are not told by colour alone: a mark after the bar
 * says so (a filled circle with "!" for overdue, a triangle with "!" for
 * at risk). Blocked bars are hatched, dropped ones struck through. */
enum {
  MARK_OVERDUE = 1 << 0,
  MARK_AT_RISK = 1 << 1,
};

static guint
bar_marks (const Frame          *f,
           const MpTimelineGeom *g)
{
  guint marks = 0;

  if (is_overdue (g->m, g->due, f->view->today))
    marks |= MARK_OVERDUE;
  if (f->health != NULL)
    {
      const MpMilestoneHealth *h = mp_plan_health_lookup (f->health, g->m);

      if (h != NULL && h->risks != MP_RISK_NONE)
        marks |= MARK_AT_RISK;
    }
  else if (f->risky != NULL && f->plan != NULL)
    {
      guint known = GPOINTER_TO_UINT (g_hash_table_lookup (f->risky, g->m));

      if (known == 0)
        {
          g_autoptr(MpMilestoneHealth) h = mp_milestone_health_new (f->plan, g->m, f->view->today, NULL);

          known = 1 + (h->risks != MP_RISK_NONE);
          g_hash_table_insert (f->risky, g->m, GUINT_TO_POINTER (known));
        }
      if (known == 2)
        marks |= MARK_AT_RISK;
    }
  return marks;
}

static double
mark_size (const MpTimelineGeom *g)
{
  return MAX (8.0, round ((g->bottom - g->top) * 0.95));
}

/* How much room the marks take after g->end. */
static double
bar_marks_width (const Frame          *f,
                 const MpTimelineGeom *g)
{
  guint marks = bar_marks (f, g);
  int n = (marks & MARK_OVERDUE ? 1 : 0) + (marks & MARK_AT_RISK ? 1 : 0);

  return n * (mark_size (g) + 3.0);
}

/* An exclamation mark of height @h centred on (@cx, @cy). */
static void
exclamation_path (cairo_t *cr,
                  double   cx,
                  double   cy,
                  double   h)
{
  double w = MAX (1.5, h * 0.16);

  cairo_rectangle (cr, cx - w / 2, cy - h / 2, w, h * 0.62);
  cairo_rectangle (cr, cx - w / 2, cy + h / 2 - w, w, w);
}

static void
draw_mark (Frame                 *f,
           guint                  mark,
           double                 x,
           double                 cy,
           double                 size,
           double                 alpha)
{
  cairo_t *cr = f->cr;
  double r = size / 2.0;

  cairo_new_path (cr);
  if (mark == MARK_OVERDUE)
    {
      cairo_arc (cr, x + r, cy, r, 0, 2 * G_PI);
      set_color (cr, &f->pal->warning, alpha);
      cairo_fill (cr);
      exclamation_path (cr, x + r, cy, size * 0.6);
      set_color (cr, &f->pal->background, alpha);
      cairo_fill (cr);
    }
  else
    {
      double lw = MAX (1.2, f->pal->line_width * 0.8);

      cairo_move_to (cr, x + r, cy - r);
      cairo_line_to (cr, x + size, cy + r * 0.85);
      cairo_line_to (cr, x, cy + r * 0.85);
      cairo_close_path (cr);
      set_color (cr, &f->pal->background, alpha);
      cairo_fill_preserve (cr);
      set_color (cr, &f->pal->text, alpha);
      cairo_set_line_width (cr, lw);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
      exclamation_path (cr, x + r, cy + r * 0.12, size * 0.45);
      cairo_fill (cr);
    }
}

static void
draw_bar_marks (Frame                *f,
                const MpTimelineGeom *g)
{
  guint marks = bar_marks (f, g);
  double size = mark_size (g);
  double x = g->end + 3.0;

  if (marks & MARK_OVERDUE)
    {
      draw_mark (f, MARK_OVERDUE, x, g->cy, size, 1.0);
      x += size + 3.0;
    }
  if (marks & MARK_AT_RISK)
    draw_mark (f, MARK_AT_RISK, x, g->cy, size, 1.0);
}

/* Text */

static void
text_set (Frame                      *f,
          const char                 *s,
          const PangoFontDescription *font,
          double                      max_width,
          gboolean                    strike)
{
  pango_layout_set_font_description (f->text, font);
  pango_layout_set_text (f->text, s != NULL ? s : "", -1);
  if (max_width > 0)
    {
      pango_layout_set_width (f->text, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (f->text, PANGO_ELLIPSIZE_END);
    }
  else
    {
      pango_layout_set_width (f->text, -1);
      pango_layout_set_ellipsize (f->text, PANGO_ELLIPSIZE_NONE);
    }
  if (strike)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
      pango_layout_set_attributes (f->text, attrs);
      pango_attr_list_unref (attrs);
    }
  else
    pango_layout_set_attributes (f->text, NULL);
}

static void
text_size (Frame  *f,
           double *w,
           double *h)
{
  int pw, ph;

  pango_layout_get_size (f->text, &pw, &ph);
  if (w)
    *w = (double) pw / PANGO_SCALE;
  if (h)
    *h = (double) ph / PANGO_SCALE;
}

/* Draws the current text with its left edge at @x, centred on @cy. */
static void
text_draw (Frame                 *f,
           double                 x,
           double                 cy,
           const MpTimelineColor *color,
           double                 alpha)
{
  double h;

  text_size (f, NULL, &h);
  cairo_move_to (f->cr, round (x), round (cy - h / 2.0));
  set_color (f->cr, color, alpha);
  pango_cairo_show_layout (f->cr, f->text);
}

/* The same, on a backdrop of the row's own colour: lines under a title
 * beside its bar (arrows, grid, today, hatching) stay out of the way of
 * the letters. One rectangle, so it costs next to nothing. */
static void
text_draw_on_row (Frame                 *f,
                  double                 x,
                  double                 cy,
                  const MpTimelineColor *color,
                  guint                  row)
{
  PangoRectangle ink, logical;
  double tx, ty;

  pango_layout_get_pixel_extents (f->text, &ink, &logical);
  tx = round (x);
  ty = round (cy - logical.height / 2.0);
  cairo_rectangle (f->cr, tx + ink.x - 2, ty + ink.y - 1, ink.width + 4, ink.height + 2);
  set_color (f->cr, &f->pal->background, 0.85);
  cairo_fill_preserve (f->cr);
  if (row_is_selected (f, mp_timeline_layout_get_row (f->layout, row)))
    set_color (f->cr, &f->pal->selection, 0.85);
  else if (row % 2 == 1)
    set_color (f->cr, &f->pal->row_alternate, 0.85);
  else
    set_color (f->cr, &f->pal->background, 0.0);
  cairo_fill (f->cr);
  text_draw (f, x, cy, color, 1.0);
}

/* Shapes */

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2.0);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
diamond_path (cairo_t *cr,
              double   cx,
              double   cy,
              double   half)
{
  cairo_move_to (cr, cx, cy - half);
  cairo_line_to (cr, cx + half, cy);
  cairo_line_to (cr, cx, cy + half);
  cairo_line_to (cr, cx - half, cy);
  cairo_close_path (cr);
}

static void
draw_clock (cairo_t               *cr,
            double                 cx,
            double                 cy,
            double                 r,
            const MpTimelineColor *color,
            const MpTimelineColor *face,
            double                 alpha)
{
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  set_color (cr, face, alpha);
  cairo_fill_preserve (cr);
  set_color (cr, color, alpha);
  cairo_set_line_width (cr, MAX (1.2, r * 0.28));
  cairo_stroke (cr);
  cairo_move_to (cr, cx, cy - r * 0.62);
  cairo_line_to (cr, cx, cy);
  cairo_line_to (cr, cx + r * 0.5, cy);
  cairo_stroke (cr);
}

/* Hatching over the current clip, for blocked bars. */
static void
hatch (cairo_t *cr,
       double   x0,
       double   y0,
       double   x1,
       double   y1,
       double   step)
{
  double h = y1 - y0;

  for (double x = floor (x0 / step) * step - h; x < x1; x += step)
    {
      cairo_move_to (cr, x, y1);
      cairo_line_to (cr, x + h, y0);
    }
}

static void
task_mark_path (cairo_t *cr,
                double   cx,
                double   bottom,
                double   size)
{
  /* A small triangle pointing down at the day. */
  cairo_move_to (cr, cx - size, bottom - size * 1.3);
  cairo_line_to (cr, cx + size, bottom - size * 1.3);
  cairo_line_to (cr, cx, bottom);
  cairo_close_path (cr);
}

/* Backgrounds */

static void
draw_rows_background (Frame *f)
{
  cairo_t *cr = f->cr;

  for (guint r = f->row_first; r < f->row_end; r++)
    {
      const MpTimelineRow *row = mp_timeline_layout_get_row (f->layout, r);
      double y = row_top (f, r);

      if (row_is_selected (f, row))
        {
          /* The band alone is 1.2:1 against the rows: a ring in the
           * accent colour (3:1 or more on the page in every palette)
           * shows the selection without colour vision or a good screen. */
          set_color (cr, &f->pal->selection, 1.0);
          cairo_rectangle (cr, f->chart_x, y, f->chart_r - f->chart_x, f->row_h);
          cairo_fill (cr);
          set_color (cr, &f->pal->hover, 1.0);
          cairo_set_line_width (cr, f->pal->line_width);
          cairo_rectangle (cr, f->chart_x + f->pal->line_width / 2.0, y + f->pal->line_width / 2.0,
                           f->chart_r - f->chart_x - f->pal->line_width, f->row_h - f->pal->line_width);
          cairo_stroke (cr);
          continue;
        }
      else if (r % 2 == 1)
        set_color (cr, &f->pal->row_alternate, 1.0);
      else
        continue;
      cairo_rectangle (cr, f->chart_x, y, f->chart_r - f->chart_x, f->row_h);
      cairo_fill (cr);
    }
}

static void
draw_weekends (Frame *f)
{
  cairo_t *cr = f->cr;

  if (f->view->scale.px_per_day < WEEKENDS_MIN_PX_PER_DAY)
    return;
  set_color (cr, &f->pal->weekend, 1.0);
  for (MpDate d = f->day_first; d <= f->day_last; d++)
    if (mp_date_weekday (d) == 6 || (d == f->day_first && mp_date_weekday (d) == 7))
      {
        MpDate end = mp_date_weekday (d) == 6 ? d + 2 : d + 1;

        cairo_rectangle (cr, x_of (f, d), f->body_y, x_of (f, end) - x_of (f, d), f->body_b - f->body_y);
      }
  cairo_fill (cr);
}

static void
draw_blackouts (Frame *f)
{
  cairo_t *cr = f->cr;
  GListModel *blackouts = G_LIST_MODEL (mp_plan_get_blackouts (f->plan));
  g_autoptr(GArray) visible = g_array_new (FALSE, FALSE, sizeof (guint));

  mp_timeline_layout_collect_blackouts (f->layout, f->day_first, f->day_last, visible);
  for (guint k = 0; k < visible->len; k++)
    {
      guint i = g_array_index (visible, guint, k);
      g_autoptr(MpBlackout) b = g_list_model_get_item (blackouts, i);
      MpParty side;
      gboolean hovered;
      double x0, x1;

      if (b == NULL)
        continue;
      side = mp_blackout_get_side (b);
      x0 = x_of (f, mp_blackout_get_start (b));
      x1 = x_of (f, mp_blackout_get_end (b) + 1);
      hovered = f->view->hover.kind == MP_TIMELINE_HIT_BLACKOUT && f->view->hover.blackout == (int) i;
      set_color (cr, &f->pal->blackout[CLAMP ((int) side, 0, 2)], hovered ? 1.8 : 1.0);
      cairo_rectangle (cr, x0, f->body_y, x1 - x0, f->body_b - f->body_y);
      cairo_fill (cr);
      /* A solid edge at the top tells whose blackout it is. */
      set_color (cr, side_color (f, side), 0.7);
      cairo_rectangle (cr, x0, f->body_y, x1 - x0, 3.0);
      cairo_fill (cr);
    }
}

static void
draw_buffer (Frame *f)
{
  MpDate target = mp_plan_get_target (f->plan);
  int buffer = mp_plan_get_buffer_days (f->plan);
  double x0, x1;

  if (target == MP_DATE_NONE || buffer <= 0 || (MpDate) buffer >= target)
    return;
  x0 = x_of (f, target - (MpDate) buffer + 1);
  x1 = x_of (f, target + 1);
  if (x1 < f->chart_x || x0 > f->chart_r)
    return;
  set_color (f->cr, &f->pal->buffer, 1.0);
  cairo_rectangle (f->cr, x0, f->body_y, x1 - x0, f->body_b - f->body_y);
  cairo_fill (f->cr);
}

static void
draw_grid (Frame *f)
{
  cairo_t *cr = f->cr;
  MpScaleUnit unit = mp_scale_get_header_unit (&f->view->scale);
  MpScaleUnit parent = mp_scale_unit_parent (unit);

  cairo_set_line_width (cr, 1.0);
  set_color (cr, &f->pal->grid, 1.0);
  for (MpDate d = mp_scale_unit_floor (unit, f->day_first); d <= f->day_last + 1;
       d = mp_scale_unit_next (unit, d))
    {
      double x = round (x_of (f, d)) + 0.5;

      cairo_move_to (cr, x, f->body_y);
      cairo_line_to (cr, x, f->body_b);
    }
  cairo_stroke (cr);
  /* The coarser unit a little stronger. */
  set_color (cr, &f->pal->grid, 1.6);
  for (MpDate d = mp_scale_unit_floor (parent, f->day_first); d <= f->day_last + 1;
       d = mp_scale_unit_next (parent, d))
    {
      double x = round (x_of (f, d)) + 0.5;

      cairo_move_to (cr, x, f->body_y);
      cairo_line_to (cr, x, f->body_b);
    }
  cairo_stroke (cr);
}

/* Dependencies */

static void
draw_arrow (Frame                *f,
            const MpTimelineGeom *p,
            const MpTimelineGeom *d)
{
  cairo_t *cr = f->cr;
  double head = MAX (4.0, f->row_h * 0.16);
  double sx, sy, ty, tx;
  gboolean down = d->row_top > p->row_top;

  /* Leave the predecessor through its bottom (top when the dependent
   * is above), near its due end: the row's label beside the bar stays
   * free. */
  sx = p->point ? p->cx : MAX (p->x0 + 1.0, p->x1 - 4.0);
  sy = down ? (p->point ? p->cy + (p->bottom - p->top) / 2.0 + 1.5 : p->bottom)
            : (p->point ? p->cy - (p->bottom - p->top) / 2.0 - 1.5 : p->top);
  tx = d->x0 - 1.0;
  ty = d->cy;
  sx = round (sx) + 0.5;

  cairo_move_to (cr, sx, sy);
  if (tx - sx >= head + 4.0)
    {
      cairo_line_to (cr, sx, ty);
      cairo_line_to (cr, tx - head, ty);
    }
  else
    {
      /* The dependent starts before the predecessor ends: go round. */
      double turn_y = down ? d->row_top + 1.5 : d->row_top + f->row_h - 1.5;
      double back_x = tx - head - 6.0;

      cairo_line_to (cr, sx, turn_y);
      cairo_line_to (cr, back_x, turn_y);
      cairo_line_to (cr, back_x, ty);
      cairo_line_to (cr, tx - head, ty);
    }
  cairo_stroke (cr);
  cairo_move_to (cr, tx, ty);
  cairo_line_to (cr, tx - head, ty - head * 0.6);
  cairo_line_to (cr, tx - head, ty + head * 0.6);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_dependencies (Frame *f)
{
  cairo_t *cr = f->cr;

  cairo_set_line_width (cr, 1.0);
  set_color (cr, &f->pal->arrow, 1.0);
  for (guint r = f->row_first; r < f->row_end; r++)
    {
      const MpTimelineRow *row = mp_timeline_layout_get_row (f->layout, r);
      const guint *preds, *deps;
      guint n_preds, n_deps;
      MpTimelineGeom g;

      if (row->kind != MP_TIMELINE_ROW_MILESTONE || !frame_geom (f, row->milestone, &g))
        continue;
      /* Arrows into this row, whatever the predecessor's row … */
      preds = mp_timeline_layout_get_predecessors (f->layout, row->milestone, &n_preds);
      for (guint i = 0; i < n_preds; i++)
        {
          MpTimelineGeom p;

          if (frame_geom (f, preds[i], &p))
            draw_arrow (f, &p, &g);
        }
      /* … and out of it to dependents whose row is not visible (the
       * visible ones draw theirs above). */
      deps = mp_timeline_layout_get_dependents (f->layout, row->milestone, &n_deps);
      for (guint i = 0; i < n_deps; i++)
        {
          guint dr = mp_timeline_layout_get_milestone_row (f->layout, deps[i]);
          MpTimelineGeom d;

          if (dr >= f->row_first && dr < f->row_end)
            continue;
          if (frame_geom (f, deps[i], &d))
            draw_arrow (f, &g, &d);
        }
    }
}

/* Bars */

static void
draw_ghost (Frame                *f,
            guint                 milestone,
            const MpTimelineGeom *g)
{
  cairo_t *cr = f->cr;
  MpDate start, due;
  double y, h;

  if (f->view->baseline == NULL ||
      !mp_timeline_layout_get_baseline_dates (f->layout, f->view->baseline, milestone, &start, &due))
    return;
  h = MAX (2.0, round (f->row_h * 0.11));
  y = g->bottom + 1.5;
  set_color (cr, &f->pal->ghost, 1.0);
  if (start == MP_DATE_NONE)
    {
      double cx = x_center (f, due);

      diamond_path (cr, cx, y + h / 2.0, h / 2.0 + 1.5);
      cairo_fill (cr);
    }
  else
    {
      double x0 = x_of (f, start);
      double x1 = MAX (x_of (f, due + 1), x0 + 2.0);

      cairo_rectangle (cr, x0, y, x1 - x0, h);
      cairo_fill (cr);
    }
}

static void
draw_task_marks (Frame                *f,
                 const MpTimelineGeom *g,
                 double                alpha)
{
  cairo_t *cr = f->cr;
  GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (g->m));
  guint n = tasks != NULL ? g_list_model_get_n_items (tasks) : 0;
  double size = MAX (3.0, round (f->row_h * 0.14));

  for (guint t = 0; t < n; t++)
    {
      g_autoptr(MpTask) task = g_list_model_get_item (tasks, t);
      MpDate due = mp_task_get_due (task);
      gboolean done = mp_task_get_done (task);
      const MpTimelineColor *c;
      double cx;

      if (due == MP_DATE_NONE || due < f->day_first || due > f->day_last)
        continue;
      cx = x_center (f, due);
      c = !done && f->view->today != MP_DATE_NONE && due < f->view->today
          ? &f->pal->warning : &f->pal->text_dim;
      task_mark_path (cr, cx, g->top - 0.5, size);
      if (done)
        {
          set_color (cr, c, alpha);
          cairo_fill (cr);
        }
      else
        {
          set_color (cr, &f->pal->background, alpha);
          cairo_fill_preserve (cr);
          set_color (cr, c, alpha);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
        }
    }
}

static void
draw_bar (Frame                *f,
          guint                 milestone,
          const MpTimelineGeom *g)
{
  cairo_t *cr = f->cr;
  MpMilestone *m = g->m;
  MpStatus status = mp_milestone_get_status (m);
  gboolean overdue = is_overdue (m, g->due, f->view->today);
  const MpTimelineColor *c = overdue ? &f->pal->warning : side_color (f, mp_milestone_get_responsible (m));
  double alpha = status == MP_STATUS_DROPPED ? 0.4 : 1.0;
  double lw = f->pal->line_width;
  gboolean hovered = f->view->hover.milestone == (int) milestone &&
                     (f->view->hover.kind == MP_TIMELINE_HIT_BAR ||
                      f->view->hover.kind == MP_TIMELINE_HIT_START_HANDLE ||
                      f->view->hover.kind == MP_TIMELINE_HIT_DUE_HANDLE);
  double h = g->bottom - g->top;

  if (g->end < f->chart_x - 2 || g->x0 > f->chart_r + 2)
    return;

  cairo_set_line_width (cr, lw);
  if (g->point)
    {
      double half = h / 2.0 + 1.5;

      diamond_path (cr, g->cx, g->cy, half);
      if (status == MP_STATUS_DONE)
        {
          set_color (cr, c, alpha);
          cairo_fill_preserve (cr);
        }
      else
        {
          set_color (cr, &f->pal->background, 1.0);
          cairo_fill_preserve (cr);
          set_color (cr, c, 0.22 * alpha);
          cairo_fill_preserve (cr);
          if (status == MP_STATUS_BLOCKED || status == MP_STATUS_IN_PROGRESS)
            {
              cairo_save (cr);
              cairo_clip (cr);
              if (status == MP_STATUS_BLOCKED)
                {
                  set_color (cr, &f->pal->warning, alpha);
                  cairo_set_line_width (cr, 1.5);
                  hatch (cr, g->x0, g->top - 2, g->x1, g->bottom + 2, 4.0);
                }
              else
                {
                  /* in progress: the lower half filled */
                  set_color (cr, c, alpha);
                  cairo_rectangle (cr, g->x0, g->cy, g->x1 - g->x0, half);
                  cairo_fill (cr);
                }
              cairo_stroke (cr);
              cairo_restore (cr);
              diamond_path (cr, g->cx, g->cy, half);
              cairo_set_line_width (cr, lw);
            }
        }
      set_color (cr, hovered ? &f->pal->hover : c, alpha);
      cairo_set_line_width (cr, hovered ? lw + 1.0 : lw);
      cairo_stroke (cr);
    }
  else
    {
      double x0 = g->x0 + lw / 2.0, x1 = g->x1 - lw / 2.0;
      double top = g->top + lw / 2.0, bottom = g->bottom - lw / 2.0;
      double radius = MIN (3.0, h / 4.0);

      rounded_rect (cr, x0, top, x1 - x0, bottom - top, radius);
      if (status == MP_STATUS_DONE)
        {
          set_color (cr, c, alpha);
          cairo_fill_preserve (cr);
        }
      else
        {
          set_color (cr, &f->pal->background, 1.0);
          cairo_fill_preserve (cr);
          set_color (cr, c, 0.22 * alpha);
          cairo_fill_preserve (cr);
          cairo_save (cr);
          cairo_clip (cr);
          if (status == MP_STATUS_IN_PROGRESS && f->view->today != MP_DATE_NONE)
            {
              /* The time elapsed so far, filled. */
              double xt = MIN (x_center (f, f->view->today), g->x1);

              if (xt > g->x0)
                {
                  set_color (cr, c, 0.75 * alpha);
                  cairo_rectangle (cr, g->x0, g->top, xt - g->x0, h);
                  cairo_fill (cr);
                }
            }
          else if (status == MP_STATUS_BLOCKED)
            {
              set_color (cr, &f->pal->warning, 0.65 * alpha);
              cairo_set_line_width (cr, 1.5);
              hatch (cr, MAX (g->x0, f->chart_x - h), g->top, MIN (g->x1, f->chart_r + h),
                     g->bottom, 5.0);
              cairo_stroke (cr);
            }
          cairo_restore (cr);
          rounded_rect (cr, x0, top, x1 - x0, bottom - top, radius);
        }
      set_color (cr, hovered ? &f->pal->hover : c, alpha);
      cairo_set_line_width (cr, hovered ? lw + 1.0 : lw);
      cairo_stroke (cr);
      if (hovered && g->x1 - g->x0 >= 10.0)
        {
          /* Grips at both ends: they can be dragged. */
          set_color (cr, &f->pal->hover, 1.0);
          cairo_rectangle (cr, g->x0, g->top - 1, 3.0, h + 2);
          cairo_rectangle (cr, g->x1 - 3.0, g->top - 1, 3.0, h + 2);
          cairo_fill (cr);
        }
    }

  if (status == MP_STATUS_DROPPED)
    {
      set_color (cr, &f->pal->text, 0.8);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, g->x0 - 2, round (g->cy) + 0.25);
      cairo_line_to (cr, g->x1 + 2, round (g->cy) + 0.25);
      cairo_stroke (cr);
    }

  if (g->timed)
    {
      double r = h * 0.4;

      draw_clock (cr, g->x1 + 3.0 + r, g->cy, r, c, &f->pal->background, alpha);
    }
  draw_bar_marks (f, g);

  if (f->view->focused && f->view->selected == (int) milestone && f->view->selected_task < 0)
    {
      /* The focus: a ring around the selected bar, in the accent colour
       * (3:1 or more against the selected row in every palette). */
      double ring = 2.0, gap = 2.0;
      double rx0 = (g->point ? g->cx - h / 2.0 - 1.5 : g->x0) - gap - ring / 2.0;
      double rx1 = (g->point ? g->cx + h / 2.0 + 1.5 : g->x1) + gap + ring / 2.0;

      rounded_rect (cr, rx0, g->top - gap - ring / 2.0 - (g->point ? 1.5 : 0),
                    rx1 - rx0, h + 2 * gap + ring + (g->point ? 3.0 : 0), 4.0);
      set_color (cr, &f->pal->hover, 1.0);
      cairo_set_line_width (cr, ring);
      cairo_stroke (cr);
    }
}

/* The title of a milestone row: inside the bar when it fits, else beside
 * it on the right, else on the left, else shortened on the side with
 * more room. */
static void
draw_bar_label (Frame                *f,
                guint                 index,
                guint                 r,
                const MpTimelineGeom *g)
{
  MpMilestone *m = g->m;
  MpStatus status = mp_milestone_get_status (m);
  gboolean dropped = status == MP_STATUS_DROPPED;
  const MpTimelineColor *color = dropped ? &f->pal->text_dim : &f->pal->text;
  double pad = 5.0;
  double w;
  double vis0 = MAX (g->x0, f->chart_x), vis1 = MIN (g->x1, f->chart_r);
  double right_x, right_room, left_room, left_pad;
  guint n_preds;

  if (g->x0 > f->chart_r)
    return;

  text_set (f, mp_milestone_get_title (m), f->font, -1, dropped);
  text_size (f, &w, NULL);

  if (!g->point && vis1 - vis0 >= w + 2 * pad)
    {
      const MpTimelineColor *inside = status == MP_STATUS_DONE ? &f->pal->text_on_side : color;

      /* In progress bars are filled up to today: the part of the title
       * over the filled part in the colour for filled bars. */
      if (status == MP_STATUS_IN_PROGRESS && f->view->today != MP_DATE_NONE)
        {
          double xt = MIN (x_center (f, f->view->today), g->x1);

          if (xt > vis0 + pad)
            {
              cairo_save (f->cr);
              cairo_rectangle (f->cr, xt, g->top, f->chart_r - xt, g->bottom - g->top);
              cairo_clip (f->cr);
              text_draw (f, vis0 + pad, g->cy, color, 1.0);
              cairo_restore (f->cr);
              cairo_save (f->cr);
              cairo_rectangle (f->cr, f->chart_x, g->top, xt - f->chart_x, g->bottom - g->top);
              cairo_clip (f->cr);
              text_draw (f, vis0 + pad, g->cy, &f->pal->text_on_side, 1.0);
              cairo_restore (f->cr);
              return;
            }
        }
      if (status == MP_STATUS_BLOCKED)
        text_draw_on_row (f, vis0 + pad, g->cy, inside, r);
      else
        text_draw (f, vis0 + pad, g->cy, inside, 1.0);
      return;
    }

  /* A bar that ends left of the view keeps its title in view, unless
   * the label column names the row already. On the left, the title
   * keeps clear of the arrow heads coming in. */
  if (g->end + pad < f->chart_x + 2 && f->view->label_width > 0)
    return;
  mp_timeline_layout_get_predecessors (f->layout, index, &n_preds);
  left_pad = n_preds > 0 ? pad + MAX (4.0, f->row_h * 0.16) + 3.0 : pad;
  right_x = MAX (g->end + bar_marks_width (f, g) + pad, f->chart_x + 2);
  right_room = f->chart_r - right_x - 2;
  left_room = g->x0 - left_pad - f->chart_x - 2;
  if (right_room >= w)
    text_draw_on_row (f, right_x, g->cy, color, r);
  else if (left_room >= w)
    text_draw_on_row (f, g->x0 - left_pad - w, g->cy, color, r);
  else if (right_room >= left_room && right_room >= 24)
    {
      text_set (f, mp_milestone_get_title (m), f->font, right_room, dropped);
      text_draw_on_row (f, right_x, g->cy, color, r);
    }
  else if (left_room >= 24)
    {
      text_set (f, mp_milestone_get_title (m), f->font, left_room, dropped);
      text_draw_on_row (f, f->chart_x + 2, g->cy, color, r);
    }
}

static void
draw_task_row (Frame               *f,
               const MpTimelineRow *row,
               guint                r,
               gboolean             label)
{
  MpMilestone *m = mp_timeline_layout_get_milestone (f->layout, row->milestone);
  g_autoptr(MpTask) task = g_list_model_get_item (G_LIST_MODEL (mp_milestone_get_tasks (m)),
                                                  (guint) row->task);
  MpDate due;
  double top, bottom, cy, half, cx;
  gboolean done;
  const MpTimelineColor *c;

  if (task == NULL)
    return;
  due = mp_task_get_due (task);
  if (due == MP_DATE_NONE)
    return;
  done = mp_task_get_done (task);
  geom_vertical (row_top (f, r), f->row_h, &top, &bottom);
  cy = (top + bottom) / 2.0;
  half = (bottom - top) * 0.32;
  cx = x_center (f, due);
  c = !done && f->view->today != MP_DATE_NONE && due < f->view->today
      ? &f->pal->warning : side_color (f, mp_milestone_get_responsible (m));

  if (!label)
    {
      cairo_new_path (f->cr);
      cairo_arc (f->cr, cx, cy, half, 0, 2 * G_PI);
      set_color (f->cr, done ? c : &f->pal->background, 1.0);
      cairo_fill_preserve (f->cr);
      set_color (f->cr, c, 1.0);
      cairo_set_line_width (f->cr, f->pal->line_width);
      cairo_stroke (f->cr);
      return;
    }

  text_set (f, mp_task_get_title (task), f->small_font, -1, FALSE);
  {
    double w, right = cx + half + 5;

    text_size (f, &w, NULL);
    if (right + w <= f->chart_r - 2)
      text_draw_on_row (f, right, cy, &f->pal->text_dim, r);
    else if (cx - half - 5 - w >= f->chart_x + 2)
      text_draw_on_row (f, cx - half - 5 - w, cy, &f->pal->text_dim, r);
  }
}

static void
draw_rows (Frame   *f,
           gboolean labels)
{
  for (guint r = f->row_first; r < f->row_end; r++)
    {
      const MpTimelineRow *row = mp_timeline_layout_get_row (f->layout, r);
      MpTimelineGeom g;

      if (row->kind == MP_TIMELINE_ROW_TASK)
        {
          draw_task_row (f, row, r, labels);
          continue;
        }
      if (!frame_geom (f, row->milestone, &g))
        continue;
      if (labels)
        {
          draw_bar_label (f, row->milestone, r, &g);
          continue;
        }
      draw_ghost (f, row->milestone, &g);
      draw_bar (f, row->milestone, &g);
      if (!mp_timeline_layout_get_expanded (f->layout, row->milestone) &&
          f->view->scale.px_per_day >= MP_TIMELINE_TASK_MARKS_MIN_PX_PER_DAY)
        draw_task_marks (f, &g, mp_milestone_get_status (g.m) == MP_STATUS_DROPPED ? 0.4 : 1.0);
    }
}

static void
draw_lines (Frame *f)
{
  cairo_t *cr = f->cr;
  MpDate target = mp_plan_get_target (f->plan);

  if (target != MP_DATE_NONE && target + 1 >= f->day_first && target <= f->day_last + 1)
    {
      double x = round (x_of (f, target + 1));
      const double dash[] = { 5.0, 3.0 };

      set_color (cr, &f->pal->target, 1.0);
      cairo_set_line_width (cr, 2.0);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, x, f->body_y);
      cairo_line_to (cr, x, f->body_b);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  if (f->view->today != MP_DATE_NONE && f->view->today >= f->day_first &&
      f->view->today <= f->day_last)
    {
      double x = round (x_center (f, f->view->today));

      set_color (cr, &f->pal->today, 1.0);
      cairo_rectangle (cr, x - 1.0, f->body_y, 2.0, f->body_b - f->body_y);
      cairo_fill (cr);
    }
}

/* The header */

static void
draw_header_band (Frame           *f,
                  MpScaleUnit      unit,
                  double           y,
                  double           h,
                  MpScaleLabelForm longest,
                  gboolean         centered)
{
  cairo_t *cr = f->cr;
  MpScaleLabelForm form = longest;

  /* One form for the whole band, the longest that every whole cell
   * holds ("March", "April"… not "March", "Apr"): the form only ever
   * gets shorter, so this costs about one measure per cell. */
  for (MpDate s = mp_scale_unit_floor (unit, f->day_first); s <= f->day_last;
       s = mp_scale_unit_next (unit, s))
    {
      MpDate e = mp_scale_unit_next (unit, s);
      double xa = x_of (f, s), xb = x_of (f, e);
      double room = xb - xa - 6.0;
      double w;

      if (xa < f->chart_x || xb > f->chart_r || room < 8)
        continue;
      for (;;)
        {
          g_autofree char *label = mp_scale_unit_label (unit, s, form);

          text_set (f, label, f->font, -1, FALSE);
          text_size (f, &w, NULL);
          if (w <= room || form == MP_SCALE_LABEL_SHORT)
            break;
          form--;
        }
    }

  for (MpDate s = mp_scale_unit_floor (unit, f->day_first); s <= f->day_last;
       s = mp_scale_unit_next (unit, s))
    {
      MpDate e = mp_scale_unit_next (unit, s);
      double xa = x_of (f, s), xb = x_of (f, e);
      double va = MAX (xa, f->chart_x), vb = MIN (xb, f->chart_r);
      double room = vb - va - 6.0;
      double w = 0;
      gboolean fits = FALSE;

      if (unit == MP_SCALE_UNIT_DAY && mp_date_is_weekend (s))
        {
          set_color (cr, &f->pal->weekend, 1.0);
          cairo_rectangle (cr, xa, y, xb - xa, h);
          cairo_fill (cr);
        }
      set_color (cr, &f->pal->grid, 1.6);
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, round (xa) + 0.5, y);
      cairo_line_to (cr, round (xa) + 0.5, y + h);
      cairo_stroke (cr);

      if (room < 8)
        continue;
      /* A cell cut by the edge may need a shorter form still. */
      for (MpScaleLabelForm try = form;; try--)
        {
          g_autofree char *label = mp_scale_unit_label (unit, s, try);

          text_set (f, label, f->font, -1, FALSE);
          text_size (f, &w, NULL);
          if (w <= room)
            {
              fits = TRUE;
              break;
            }
          if (try == MP_SCALE_LABEL_SHORT)
            break;
        }
      if (!fits)
        continue;
      if (centered && xa >= f->chart_x && xb <= f->chart_r)
        text_draw (f, (xa + xb - w) / 2.0, y + h / 2.0, &f->pal->header_text, 1.0);
      else if (centered)
        text_draw (f, (va + vb - w) / 2.0, y + h / 2.0, &f->pal->header_text, 1.0);
      else
        text_draw (f, va + 4.0, y + h / 2.0, &f->pal->header_text, 1.0);
    }
}

static void
header_marker (Frame                 *f,
               double                 x,
               const MpTimelineColor *color)
{
  double s = MAX (3.5, f->font_px * 0.33);

  cairo_move_to (f->cr, x - s, f->header_h - s * 1.2);
  cairo_line_to (f->cr, x + s, f->header_h - s * 1.2);
  cairo_line_to (f->cr, x, f->header_h);
  cairo_close_path (f->cr);
  set_color (f->cr, color, 1.0);
  cairo_fill (f->cr);
}

static void
draw_header (Frame *f)
{
  cairo_t *cr = f->cr;
  MpScaleUnit unit = mp_scale_get_header_unit (&f->view->scale);
  double band = f->header_h / 2.0;
  MpDate target = mp_plan_get_target (f->plan);

  cairo_save (cr);
  cairo_rectangle (cr, f->chart_x, 0, f->chart_r - f->chart_x, f->header_h);
  cairo_clip (cr);
  set_color (cr, &f->pal->header_background, 1.0);
  cairo_paint (cr);

  draw_header_band (f, mp_scale_unit_parent (unit), 0, band, MP_SCALE_LABEL_LONG, FALSE);
  draw_header_band (f, unit, band, band, MP_SCALE_LABEL_MEDIUM, TRUE);

  set_color (cr, &f->pal->grid, 1.6);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, f->chart_x, band + 0.5);
  cairo_line_to (cr, f->chart_r, band + 0.5);
  cairo_stroke (cr);

  if (target != MP_DATE_NONE)
    header_marker (f, round (x_of (f, target + 1)), &f->pal->target);
  if (f->view->today != MP_DATE_NONE)
    header_marker (f, round (x_center (f, f->view->today)), &f->pal->today);

  cairo_restore (cr);

  set_color (cr, &f->pal->grid, 2.5);
  cairo_rectangle (cr, 0, f->header_h - 1.0, f->view->width, 1.0);
  cairo_fill (cr);
}

/* The label column */

static void
draw_label_column (Frame *f)
{
  cairo_t *cr = f->cr;
  double w = f->view->label_width;

  if (w <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, w, f->body_b);
  cairo_clip (cr);
  set_color (cr, &f->pal->background, 1.0);
  cairo_paint (cr);

  cairo_save (cr);
  cairo_rectangle (cr, 0, f->body_y, w, f->body_b - f->body_y);
  cairo_clip (cr);
  for (guint r = f->row_first; r < f->row_end; r++)
    {
      const MpTimelineRow *row = mp_timeline_layout_get_row (f->layout, r);
      MpMilestone *m = mp_timeline_layout_get_milestone (f->layout, row->milestone);
      double y = row_top (f, r);
      double cy = y + f->row_h / 2.0;

      if (row_is_selected (f, row))
        {
          set_color (cr, &f->pal->selection, 1.0);
          cairo_rectangle (cr, 0, y, w, f->row_h);
          cairo_fill (cr);
        }
      else if (r % 2 == 1)
        {
          set_color (cr, &f->pal->row_alternate, 1.0);
          cairo_rectangle (cr, 0, y, w, f->row_h);
          cairo_fill (cr);
        }

      if (row->kind == MP_TIMELINE_ROW_MILESTONE)
        {
          MpStatus status = mp_milestone_get_status (m);

          /* The side's colour as a strip at the left edge. */
          set_color (cr, side_color (f, mp_milestone_get_responsible (m)),
                     status == MP_STATUS_DROPPED ? 0.4 : 1.0);
          cairo_rectangle (cr, 0, y + 3, 4.0, f->row_h - 6);
          cairo_fill (cr);
          text_set (f, mp_milestone_get_title (m), f->font, w - 14.0, status == MP_STATUS_DROPPED);
          text_draw (f, 10.0, cy,
                     status == MP_STATUS_DROPPED ? &f->pal->text_dim : &f->pal->text, 1.0);
        }
      else
        {
          g_autoptr(MpTask) task = g_list_model_get_item (G_LIST_MODEL (mp_milestone_get_tasks (m)),
                                                          (guint) row->task);
          g_autofree char *s = NULL;

          if (task == NULL)
            continue;
          /* Translators: a task in the timeline's label column; %s is
           * its title, the mark says whether it is done. */
          s = g_strdup_printf (mp_task_get_done (task) ? _("✓ %s") : _("○ %s"),
                               mp_task_get_title (task));
          text_set (f, s, f->small_font, w - 30.0, FALSE);
          text_draw (f, 24.0, cy, &f->pal->text_dim, 1.0);
        }
    }
  cairo_restore (cr);

  /* The corner above the labels */
  set_color (cr, &f->pal->header_background, 1.0);
  cairo_rectangle (cr, 0, 0, w, f->header_h);
  cairo_fill (cr);
  text_set (f, _("Milestones"), f->bold_font, w - 14.0, FALSE);
  text_draw (f, 10.0, f->header_h * 0.75, &f->pal->header_text, 1.0);
  set_color (cr, &f->pal->grid, 2.5);
  cairo_rectangle (cr, 0, f->header_h - 1.0, w, 1.0);
  cairo_fill (cr);

  cairo_restore (cr);

  set_color (cr, &f->pal->grid, 2.5);
  cairo_rectangle (cr, w - 1.0, 0, 1.0, f->body_b);
  cairo_fill (cr);
}

/* The frame */

static void
frame_init (Frame                *f,
            cairo_t              *cr,
            MpTimelineLayout     *layout,
            const MpTimelineView *view)
{
  PangoContext *context;
  double resolution = view->resolution > 0 ? view->resolution : 96.0;
  int size;

  memset (f, 0, sizeof *f);
  f->cr = cr;
  f->layout = layout;
  f->plan = mp_timeline_layout_get_plan (layout);
  f->view = view;
  f->pal = view->palette != NULL ? view->palette : &palette_light;
  f->font = view->font != NULL && pango_font_description_get_size (view->font) > 0
            ? pango_font_description_copy (view->font)
            : pango_font_description_from_string (DEFAULT_FONT);
  f->font_px = font_px (view);
  size = pango_font_description_get_size (f->font);
  f->small_font = pango_font_description_copy (f->font);
  if (pango_font_description_get_size_is_absolute (f->font))
    pango_font_description_set_absolute_size (f->small_font, size * 0.9);
  else
    pango_font_description_set_size (f->small_font, (int) (size * 0.9));
  f->bold_font = pango_font_description_copy (f->font);
  pango_font_description_set_weight (f->bold_font, PANGO_WEIGHT_BOLD);

  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, resolution);
  f->text = pango_layout_new (context);
  g_object_unref (context);

  f->header_h = mp_timeline_view_get_header_height (view);
  f->row_h = mp_timeline_view_get_row_height (view);
  f->chart_x = MAX (0.0, view->label_width);
  f->chart_r = view->width;
  f->body_y = f->header_h;
  f->body_b = view->height;
  f->day_first = mp_scale_date_at_x (&view->scale, 0.0);
  f->day_last = mp_scale_get_last_date (&view->scale, MAX (1.0, f->chart_r - f->chart_x));
  /* Scrolled out of the calendar: draw the years 1 to 9999 only. */
  {
    MpDate max = mp_date_from_ymd (9999, 12, 31);

    f->day_first = CLAMP (f->day_first, 1, max);
    f->day_last = CLAMP (f->day_last, 1, max);
  }
  /* Shared and worked out once per change of the plan (mp-health.h). */
  if (view->today != MP_DATE_NONE && f->plan != NULL)
    {
      if (!view->health_per_bar)
        f->health = mp_plan_get_health (f->plan, view->today, NULL);
      else if ((f->health = mp_plan_peek_health (f->plan, view->today, NULL)) == NULL)
        f->risky = g_hash_table_new (NULL, NULL);
    }
}

static void
frame_clear (Frame *f)
{
  g_clear_pointer (&f->health, mp_plan_health_free);
  g_clear_pointer (&f->risky, g_hash_table_unref);
  g_clear_object (&f->text);
  g_clear_pointer (&f->font, pango_font_description_free);
  g_clear_pointer (&f->small_font, pango_font_description_free);
  g_clear_pointer (&f->bold_font, pango_font_description_free);
}

static void
render_frame (cairo_t              *cr,
              MpTimelineLayout     *layout,
              const MpTimelineView *view,
              guint                 row_limit)
{
  Frame f;
  guint n_rows = mp_timeline_layout_get_n_rows (layout);
  double top;

  frame_init (&f, cr, layout, view);

  /* The visible rows: those that touch [body_y, body_b). */
  top = MAX (0.0, view->scroll_y);
  f.row_first = (guint) MIN ((double) n_rows, floor (top / f.row_h));
  f.row_end = (guint) MIN ((double) n_rows,
                           ceil ((view->scroll_y + (f.body_b - f.body_y)) / f.row_h));
  f.row_end = MIN (f.row_end, row_limit);
  f.row_first = MIN (f.row_first, f.row_end);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, view->width, view->height);
  cairo_clip (cr);
  set_color (cr, &f.pal->background, 1.0);
  cairo_paint (cr);

  /* The chart, under the header and the labels */
  cairo_save (cr);
  cairo_rectangle (cr, f.chart_x, f.body_y, f.chart_r - f.chart_x, f.body_b - f.body_y);
  cairo_clip (cr);
  draw_rows_background (&f);
  draw_weekends (&f);
  draw_buffer (&f);
  draw_blackouts (&f);
  draw_grid (&f);
  draw_dependencies (&f);
  draw_rows (&f, FALSE);
  draw_lines (&f);
  draw_rows (&f, TRUE);
  cairo_restore (cr);

  draw_header (&f);
  draw_label_column (&f);

  cairo_restore (cr);
  frame_clear (&f);
}

void
mp_timeline_render (cairo_t              *cr,
                    MpTimelineLayout     *layout,
                    const MpTimelineView *view)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (MP_IS_TIMELINE_LAYOUT (layout));
  g_return_if_fail (view != NULL);

  if (view->width <= 0 || view->height <= 0)
    return;
  render_frame (cr, layout, view, G_MAXUINT);
}

/* The legend */

typedef enum {
  SYM_SIDE_SELLER,
  SYM_SIDE_CUSTOMER,
  SYM_SIDE_BOTH,
  SYM_DONE,
  SYM_PLANNED,
  SYM_IN_PROGRESS,
  SYM_BLOCKED,
  SYM_DROPPED,
  SYM_OVERDUE,
  SYM_AT_RISK,
  SYM_DIAMOND,
  SYM_CLOCK,
  SYM_TASK,
  SYM_BASELINE,
  SYM_BLACKOUT,
  SYM_BUFFER,
  SYM_TODAY,
  SYM_TARGET,
  N_SYMBOLS
} LegendSymbol;

static const char *
legend_text (LegendSymbol sym)
{
  switch (sym)
    {
    case SYM_SIDE_SELLER: return C_("timeline legend", "Seller");
    case SYM_SIDE_CUSTOMER: return C_("timeline legend", "Customer");
    case SYM_SIDE_BOTH: return C_("timeline legend", "Both");
    case SYM_DONE: return C_("timeline legend", "Done");
    case SYM_PLANNED: return C_("timeline legend", "Planned");
    case SYM_IN_PROGRESS: return C_("timeline legend", "In progress");
    case SYM_BLOCKED: return C_("timeline legend", "Blocked");
    case SYM_DROPPED: return C_("timeline legend", "Dropped");
    case SYM_OVERDUE: return C_("timeline legend", "Overdue");
    case SYM_AT_RISK: return C_("timeline legend", "At risk");
    case SYM_DIAMOND: return C_("timeline legend", "Point in time");
    case SYM_CLOCK: return C_("timeline legend", "Meeting");
    case SYM_TASK: return C_("timeline legend", "Task due");
    case SYM_BASELINE: return C_("timeline legend", "Baseline");
    case SYM_BLACKOUT: return C_("timeline legend", "Blackout");
    case SYM_BUFFER: return C_("timeline legend", "Buffer");
    case SYM_TODAY: return C_("timeline legend", "Today");
    case SYM_TARGET: return C_("timeline legend", "Target");
    case N_SYMBOLS:
    default: return "";
    }
}

static void
legend_symbol (Frame        *f,
               LegendSymbol  sym,
               double        x,
               double        cy,
               double        w,
               double        h)
{
  cairo_t *cr = f->cr;
  const MpTimelineColor *neutral = &f->pal->text_dim;
  double top = cy - h / 2.0;
  double lw = f->pal->line_width;

  cairo_set_line_width (cr, lw);
  switch (sym)
    {
    case SYM_SIDE_SELLER:
    case SYM_SIDE_CUSTOMER:
    case SYM_SIDE_BOTH:
      rounded_rect (cr, x, top, w, h, 2.0);
      set_color (cr, &f->pal->side[sym - SYM_SIDE_SELLER], 1.0);
      cairo_fill (cr);
      break;
    case SYM_DONE:
    case SYM_OVERDUE:
      rounded_rect (cr, x, top, w, h, 2.0);
      set_color (cr, sym == SYM_DONE ? neutral : &f->pal->warning, 1.0);
      if (sym == SYM_DONE)
        cairo_fill (cr);
      else
        {
          set_color (cr, &f->pal->warning, 0.22);
          cairo_fill_preserve (cr);
          set_color (cr, &f->pal->warning, 1.0);
          cairo_stroke (cr);
          /* The mark after an overdue bar, over the bar's end. */
          draw_mark (f, MARK_OVERDUE, x + w - h * 0.6, cy, h * 0.9, 1.0);
        }
      break;
    case SYM_AT_RISK:
      draw_mark (f, MARK_AT_RISK, x + (w - h) / 2.0, cy, h, 1.0);
      break;
    case SYM_PLANNED:
    case SYM_IN_PROGRESS:
    case SYM_BLOCKED:
    case SYM_DROPPED:
      rounded_rect (cr, x + lw / 2, top + lw / 2, w - lw, h - lw, 2.0);
      set_color (cr, neutral, sym == SYM_DROPPED ? 0.4 * 0.22 : 0.22);
      cairo_fill_preserve (cr);
      cairo_save (cr);
      cairo_clip (cr);
      if (sym == SYM_IN_PROGRESS)
        {
          set_color (cr, neutral, 0.75);
          cairo_rectangle (cr, x, top, w / 2, h);
          cairo_fill (cr);
        }
      else if (sym == SYM_BLOCKED)
        {
          set_color (cr, &f->pal->warning, 0.8);
          cairo_set_line_width (cr, 1.5);
          hatch (cr, x, top, x + w, top + h, 5.0);
          cairo_stroke (cr);
        }
      cairo_restore (cr);
      rounded_rect (cr, x + lw / 2, top + lw / 2, w - lw, h - lw, 2.0);
      set_color (cr, neutral, sym == SYM_DROPPED ? 0.4 : 1.0);
      cairo_set_line_width (cr, lw);
      cairo_stroke (cr);
      if (sym == SYM_DROPPED)
        {
          set_color (cr, &f->pal->text, 0.8);
          cairo_set_line_width (cr, 1.5);
          cairo_move_to (cr, x - 2, round (cy) + 0.25);
          cairo_line_to (cr, x + w + 2, round (cy) + 0.25);
          cairo_stroke (cr);
        }
      break;
    case SYM_DIAMOND:
      diamond_path (cr, x + w / 2, cy, h / 2 + 1);
      set_color (cr, neutral, 0.22);
      cairo_fill_preserve (cr);
      set_color (cr, neutral, 1.0);
      cairo_stroke (cr);
      break;
    case SYM_CLOCK:
      draw_clock (cr, x + w / 2, cy, h * 0.45, neutral, &f->pal->background, 1.0);
      break;
    case SYM_TASK:
      task_mark_path (cr, x + w / 2, cy + h * 0.3, h * 0.4);
      set_color (cr, neutral, 1.0);
      cairo_fill (cr);
      break;
    case SYM_BASELINE:
      set_color (cr, &f->pal->ghost, 1.0);
      cairo_rectangle (cr, x, cy + h / 2 - 3, w, 3);
      cairo_fill (cr);
      break;
    case SYM_BLACKOUT:
      set_color (cr, &f->pal->blackout[MP_PARTY_BOTH], 1.6);
      cairo_rectangle (cr, x, top - 2, w, h + 4);
      cairo_fill (cr);
      break;
    case SYM_BUFFER:
      set_color (cr, &f->pal->buffer, 1.6);
      cairo_rectangle (cr, x, top - 2, w, h + 4);
      cairo_fill (cr);
      break;
    case SYM_TODAY:
      set_color (cr, &f->pal->today, 1.0);
      cairo_rectangle (cr, x + w / 2 - 1, top - 2, 2, h + 4);
      cairo_fill (cr);
      break;
    case SYM_TARGET:
      {
        const double dash[] = { 4.0, 2.0 };

        set_color (cr, &f->pal->target, 1.0);
        cairo_set_line_width (cr, 2.0);
        cairo_set_dash (cr, dash, 2, 0);
        cairo_move_to (cr, x + w / 2, top - 2);
        cairo_line_to (cr, x + w / 2, top + h + 2);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
      }
      break;
    case N_SYMBOLS:
    default:
      break;
    }
}

/* The legend's frame needs a plan: one empty plan for the process.
 * Making a new one per legend changed records (its fields), which told
 * every cache of every plan that the plans changed: the print-out worked
 * the whole plan's health out again for each timeline page after the
 * first (20,000 milestones in a chain: 281 s of CPU instead of seconds). */
static MpPlan *
legend_plan (void)
{
  static MpPlan *plan;

  if (g_once_init_enter (&plan))
    g_once_init_leave (&plan, mp_plan_new ());
  return plan;
}

double
mp_timeline_render_legend (cairo_t              *cr,
                           const MpTimelineView *view,
                           double                x,
                           double                y,
                           double                width)
{
  MpPlan *plan = legend_plan ();
  g_autoptr(MpTimelineLayout) layout = NULL;
  cairo_surface_t *scratch = NULL;
  cairo_t *scratch_cr = NULL;
  Frame f;
  double sym_w, sym_h, line_h, gap, cx, cy;

  g_return_val_if_fail (view != NULL, 0.0);

  if (cr == NULL)
    {
      /* Measuring only: text sizes need a context all the same. */
      scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      scratch_cr = cairo_create (scratch);
    }
  layout = mp_timeline_layout_new (plan);
  frame_init (&f, cr != NULL ? cr : scratch_cr, layout, view);

  sym_h = round (f.font_px * 0.95);
  sym_w = round (sym_h * 1.8);
  line_h = ceil (f.font_px * 1.6);
  gap = round (f.font_px * 1.2);
  cx = x;
  cy = y + line_h / 2.0;

  if (cr != NULL)
    cairo_save (cr);
  for (int s = 0; s < N_SYMBOLS; s++)
    {
      double tw;
      double item_w;

      text_set (&f, legend_text (s), f.font, -1, s == SYM_DROPPED);
      text_size (&f, &tw, NULL);
      item_w = sym_w + 5 + tw;
      /* Groups: sides, statuses, symbols, backgrounds and lines. */
      if (s == SYM_DONE || s == SYM_DIAMOND || s == SYM_BLACKOUT)
        cx += gap;
      if (cx > x && cx + item_w > x + width)
        {
          cx = x;
          cy += line_h;
        }
      if (cr != NULL)
        {
          legend_symbol (&f, s, cx, cy, sym_w, sym_h);
          text_draw (&f, cx + sym_w + 5, cy, &f.pal->text, 1.0);
        }
      cx += item_w + gap;
    }
  if (cr != NULL)
    cairo_restore (cr);
  frame_clear (&f);
  g_clear_pointer (&scratch_cr, cairo_destroy);
  g_clear_pointer (&scratch, cairo_surface_destroy);
  return cy + line_h / 2.0 - y;
}

/* Printing */

guint
mp_timeline_tile_get_rows_per_tile (const MpTimelineView *view,
                                    double                height)
{
  double room = height - mp_timeline_view_get_header_height (view);
  double rows = floor (room / mp_timeline_view_get_row_height (view));

  return rows >= 1 ? (guint) rows : 1;
}

GArray *
mp_timeline_paginate (MpTimelineLayout     *layout,
                      const MpTimelineView *view,
                      double                width,
                      double                height,
                      guint                 pages_wide)
{
  GArray *tiles = g_array_new (FALSE, FALSE, sizeof (MpTimelineTile));
  guint n_rows = mp_timeline_layout_get_n_rows (layout);
  guint per_tile = mp_timeline_tile_get_rows_per_tile (view, height);
  MpDate first, last;
  guint days, per_page;

  g_return_val_if_fail (MP_IS_TIMELINE_LAYOUT (layout), tiles);

  pages_wide = MAX (1u, pages_wide);
  mp_timeline_get_content_range (layout, view, &first, &last);
  days = last - first + 1;
  pages_wide = MIN (pages_wide, days);
  per_page = (days + pages_wide - 1) / pages_wide;
  for (guint r = 0; r < MAX (n_rows, 1u); r += per_tile)
    for (guint p = 0; p < pages_wide; p++)
      {
        MpTimelineTile tile;

        tile.first_date = first + p * per_page;
        tile.last_date = MIN (last, tile.first_date + per_page - 1);
        tile.first_row = r;
        tile.n_rows = MIN (per_tile, n_rows - MIN (r, n_rows));
        if (tile.first_date <= last)
          g_array_append_val (tiles, tile);
      }
  return tiles;
}

void
mp_timeline_render_tile (cairo_t              *cr,
                         MpTimelineLayout     *layout,
                         const MpTimelineView *view,
                         const MpTimelineTile *tile,
                         double                x,
                         double                y,
                         double                width,
                         double                height)
{
  MpTimelineView v;
  double chart_w;
  guint days;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (MP_IS_TIMELINE_LAYOUT (layout));
  g_return_if_fail (view != NULL && tile != NULL);
  g_return_if_fail (tile->first_date != MP_DATE_NONE && tile->last_date >= tile->first_date);

  v = *view;
  v.width = width;
  v.height = height;
  v.selected = -1;
  v.selected_task = -1;
  v.focused = FALSE;
  v.hover.kind = MP_TIMELINE_HIT_NONE;
  v.hover.milestone = v.hover.blackout = v.hover.row = v.hover.task = -1;
  v.preview_milestone = -1;
  chart_w = MAX (1.0, width - MAX (0.0, v.label_width));
  days = tile->last_date - tile->first_date + 1;
  /* Not clamped to the screen's zoom limits: paper fits any range. */
  v.scale.first = (double) tile->first_date;
  v.scale.px_per_day = chart_w / (double) days;
  v.scroll_y = (double) tile->first_row * mp_timeline_view_get_row_height (&v);
  /* No part of a row below the tile's last one. */
  v.height = MIN (height, mp_timeline_view_get_header_height (&v) +
                          (double) tile->n_rows * mp_timeline_view_get_row_height (&v));

  cairo_save (cr);
  cairo_translate (cr, x, y);
  render_frame (cr, layout, &v, tile->first_row + tile->n_rows);
  cairo_restore (cr);
}
