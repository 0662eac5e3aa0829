/* mp-print.c: the plan on paper, page by page
 *
 * Pagination works on blocks: a heading, a paragraph, a table row, the
 * key facts. Each block knows its height; a flow places the
 * blocks of a section from the top of the body down and starts a new
 * page when the next one does not fit. Headings keep with what follows,
 * a table's header keeps with its first row and a milestone with its
 * first task; a table row is never split (cells are limited to
 * MAX_CELL_LINES lines), a table that goes on over a page repeats its
 * header, and only a paragraph taller than a whole page is split, at a
 * line boundary. The timeline is cut into tiles by its own renderer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-print-private.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <langinfo.h>
#include <math.h>
#include <string.h>

#include "mp-baseline-compare.h"
#include "mp-display.h"
#include "mp-error.h"
#include "mp-format.h"

/* The plan's title in the header of every page: as much as fits a line,
 * and no more shaped than that (the window's titles keep 200 too). */
#define MP_PRINT_HEADER_MAX_CHARS 200
/* No line holds more characters than this in the smallest print style. */
#define MP_PRINT_WORD_MAX 120

/* Colours */
typedef struct { double r, g, b; } Rgb;
static const Rgb color_text = { 0.10, 0.10, 0.12 };
static const Rgb color_dim = { 0.40, 0.40, 0.44 };
static const Rgb color_rule = { 0.70, 0.71, 0.74 };
static const Rgb color_header_bg = { 0.91, 0.92, 0.94 };
static const Rgb color_zebra = { 0.96, 0.965, 0.972 };
static const Rgb color_warn = { 0.72, 0.10, 0.10 };

static const char * const style_fonts[N_STYLES] = {
  [ST_BODY] = "Sans 9",
  [ST_TABLE] = "Sans 8",
  [ST_TABLE_BOLD] = "Sans Bold 8",
  [ST_SMALL] = "Sans 7.5",
  [ST_TITLE] = "Sans Bold 18",
  [ST_H2] = "Sans Bold 11",
  [ST_H3] = "Sans Bold 9.5",
  [ST_FACT] = "Sans Bold 12",
};

G_DEFINE_FINAL_TYPE (MpPrintJob, mp_print_job, G_TYPE_OBJECT)

/* ---- sections and paper ---- */

static const struct {
  const char     *name;
  MpPrintSections flag;
} section_names[] = {
  { "overview", MP_PRINT_OVERVIEW },
  { "milestones", MP_PRINT_MILESTONES },
  { "timeline", MP_PRINT_TIMELINE },
  { "changes", MP_PRINT_CHANGES },
};

gboolean
mp_print_sections_parse (const char      *text,
                         MpPrintSections *sections)
{
  g_auto(GStrv) parts = NULL;
  MpPrintSections result = 0;

  g_return_val_if_fail (sections != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      const char *name = g_strstrip (parts[i]);
      gboolean known = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (section_names); j++)
        if (g_ascii_strcasecmp (name, section_names[j].name) == 0)
          {
            result |= section_names[j].flag;
            known = TRUE;
          }
      if (!known)
        return FALSE;
    }
  if (result == 0)
    return FALSE;
  *sections = result;
  return TRUE;
}

char *
mp_print_sections_to_string (MpPrintSections sections)
{
  GString *s = g_string_new (NULL);

  for (guint j = 0; j < G_N_ELEMENTS (section_names); j++)
    if (sections & section_names[j].flag)
      {
        if (s->len > 0)
          g_string_append_c (s, ',');
        g_string_append (s, section_names[j].name);
      }
  return g_string_free (s, FALSE);
}

gboolean
mp_paper_parse (const char *name,
                MpPaper    *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = MP_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = MP_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

MpPaper
mp_paper_from_locale (void)
{
#ifdef _NL_PAPER_HEIGHT
  /* glibc: the paper height of LC_PAPER in millimetres, as a pointer. */
  int height = (int) (gintptr) nl_langinfo (_NL_PAPER_HEIGHT);

  /* Letter (279 mm) and Legal (356 mm, US as well) print on Letter. */
  if (height == 279 || height == 356)
    return MP_PAPER_LETTER;
#endif
  return MP_PAPER_A4;
}

void
mp_paper_get_size (MpPaper  paper,
                   double  *width,
                   double  *height)
{
  double w, h;

  if (paper == MP_PAPER_LETTER)
    {
      w = 612.0;
      h = 792.0;
    }
  else
    {
      w = 210.0 / 25.4 * 72.0;
      h = 297.0 / 25.4 * 72.0;
    }
  if (width)
    *width = w;
  if (height)
    *height = h;
}

/* ---- the object ---- */

static void
invalidate (MpPrintJob *self)
{
  self->valid = FALSE;
}

static void
block_free (gpointer data)
{
  Block *b = data;

  g_clear_object (&b->layout);
  g_clear_pointer (&b->line_bottoms, g_array_unref);
  if (b->facts != NULL)
    {
      for (guint i = 0; i < b->facts->len; i++)
        {
          Fact *f = &g_array_index (b->facts, Fact, i);

          g_clear_object (&f->label);
          g_clear_object (&f->value);
          g_clear_object (&f->sub);
        }
      g_array_unref (b->facts);
    }
  g_free (b);
}

static void
row_free (gpointer data)
{
  Row *r = data;

  for (guint c = 0; c < MAX_COLS; c++)
    {
      g_free (r->text[c]);
      g_clear_object (&r->cell[c]);
    }
  g_free (r);
}

static void
table_free (gpointer data)
{
  Table *t = data;

  for (guint c = 0; c < MAX_COLS; c++)
    g_clear_object (&t->head[c]);
  g_ptr_array_unref (t->rows);
  g_free (t);
}

static void
page_clear (gpointer data)
{
  Page *p = data;

  g_clear_pointer (&p->placements, g_array_unref);
}

static void
mp_print_job_finalize (GObject *object)
{
  MpPrintJob *self = MP_PRINT_JOB (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->baseline);
  g_clear_object (&self->context);
  for (guint i = 0; i < N_STYLES; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_object (&self->timeline);
  g_clear_pointer (&self->timeline_font, pango_font_description_free);

  G_OBJECT_CLASS (mp_print_job_parent_class)->finalize (object);
}

static void
mp_print_job_class_init (MpPrintJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp_print_job_finalize;
}

static void
mp_print_job_init (MpPrintJob *self)
{
  cairo_font_options_t *options;

  self->sections = MP_PRINT_SECTIONS_DEFAULT;
  mp_paper_get_size (MP_PAPER_A4, &self->paper_w, &self->paper_h);
  for (guint i = 0; i < 4; i++)
    self->margin[i] = MP_PRINT_DEFAULT_MARGIN;
  self->pages_wide = 1;
  self->today = mp_date_today ();

  /* Points at 72 dpi, no hinting: the same metrics on every surface. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  for (guint i = 0; i < N_STYLES; i++)
    self->fonts[i] = pango_font_description_from_string (style_fonts[i]);
  self->timeline_font = pango_font_description_from_string (TIMELINE_FONT);

  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->tables = g_ptr_array_new_with_free_func (table_free);
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_array_set_clear_func (self->pages, page_clear);
}

MpPrintJob *
mp_print_job_new (MpPlan *plan)
{
  MpPrintJob *self;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);

  self = g_object_new (MP_TYPE_PRINT_JOB, NULL);
  self->plan = g_object_ref (plan);
  g_set_object (&self->baseline, mp_plan_get_latest_baseline (plan));
  return self;
}

MpPlan *
mp_print_job_get_plan (MpPrintJob *self)
{
  g_return_val_if_fail (MP_IS_PRINT_JOB (self), NULL);
  return self->plan;
}

void
mp_print_job_set_sections (MpPrintJob      *self,
                           MpPrintSections  sections)
{
  g_return_if_fail (MP_IS_PRINT_JOB (self));
  g_return_if_fail ((sections & MP_PRINT_SECTIONS_ALL) != 0);

  self->sections = sections & MP_PRINT_SECTIONS_ALL;
  invalidate (self);
}

MpPrintSections
mp_print_job_get_sections (MpPrintJob *self)
{
  g_return_val_if_fail (MP_IS_PRINT_JOB (self), 0);
  return self->sections;
}

void
mp_print_job_set_paper_size (MpPrintJob *self,
                             double      width,
                             double      height)
{
  g_return_if_fail (MP_IS_PRINT_JOB (self));
  g_return_if_fail (width >= 144.0 && height >= 144.0);

  self->paper_w = MIN (width, height);
  self->paper_h = MAX (width, height);
  invalidate (self);
}

void
mp_print_job_set_paper (MpPrintJob *self,
                        MpPaper     paper)
{
  double w, h;

  mp_paper_get_size (paper, &w, &h);
  mp_print_job_set_paper_size (self, w, h);
}

void
mp_print_job_set_margins (MpPrintJob *self,
                          double      top,
                          double      right,
                          double      bottom,
                          double      left)
{
  g_return_if_fail (MP_IS_PRINT_JOB (self));
  g_return_if_fail (top >= 0 && right >= 0 && bottom >= 0 && left >= 0);

  self->margin[0] = top;
  self->margin[1] = right;
  self->margin[2] = bottom;
  self->margin[3] = left;
  invalidate (self);
}

void
mp_print_job_set_timeline_pages_wide (MpPrintJob *self,
                                      guint       pages_wide)
{
  g_return_if_fail (MP_IS_PRINT_JOB (self));

  self->pages_wide = CLAMP (pages_wide, 1, MP_PRINT_MAX_PAGES_WIDE);
  invalidate (self);
}

guint
mp_print_job_get_timeline_pages_wide (MpPrintJob *self)
{
  g_return_val_if_fail (MP_IS_PRINT_JOB (self), 1);
  return self->pages_wide;
}

void
mp_print_job_set_baseline (MpPrintJob *self,
                           MpBaseline *baseline)
{
  g_return_if_fail (MP_IS_PRINT_JOB (self));

  g_set_object (&self->baseline, baseline);
  invalidate (self);
}

void
mp_print_job_set_today (MpPrintJob *self,
                        MpDate      today)
{
  g_return_if_fail (MP_IS_PRINT_JOB (self));

  self->today = today;
  invalidate (self);
}

/* ---- text ---- */

PangoLayout *
mp_print_text_new (MpPrintJob *self,
                   Style       style,
                   const char *markup,
                   double      width)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts[style]);
  pango_layout_set_markup (layout, markup != NULL ? markup : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

/* Plain text as markup. */
char *
mp_print_esc (const char *text)
{
  g_autoptr(GString) out = NULL;
  guint run = 0;

  if (text == NULL)
    return g_strdup ("");
  /* A word longer than any line gets a zero-width space every
   * MP_PRINT_WORD_MAX characters: Pango wraps it there at once, where
   * breaking it by characters re-shaped it over and over (a title of
   * 65,534 characters without a space took 10 s of CPU to print). */
  out = g_string_sized_new (strlen (text) + 16);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x200B)
        run = 0;
      else if (++run > MP_PRINT_WORD_MAX)
        {
          g_string_append_unichar (out, 0x200B);
          run = 1;
        }
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_markup_escape_text (out->str, (gssize) out->len);
}

double
mp_print_layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) (logical.x + logical.width) / PANGO_SCALE;
}

static void
set_rgb (cairo_t   *cr,
         const Rgb *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

static void
show (cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double       y,
      const Rgb   *color)
{
  cairo_move_to (cr, x, y);
  set_rgb (cr, color);
  pango_cairo_show_layout (cr, layout);
}

/* ---- page geometry ---- */

static double
content_width (MpPrintJob *self,
               gboolean    landscape)
{
  return (landscape ? self->paper_h : self->paper_w) - self->margin[1] - self->margin[3];
}

static void
page_geometry (MpPrintJob  *self,
               gboolean     landscape,
               MpPrintPage *info)
{
  info->landscape = landscape;
  info->width = landscape ? self->paper_h : self->paper_w;
  info->height = landscape ? self->paper_w : self->paper_h;
  info->body_top = self->margin[0] + RUNNING_BAND;
  info->body_height = MAX (72.0, info->height - self->margin[2] - FOOTER_BAND - info->body_top);
}

static Page *
page_append (MpPrintJob      *self,
             MpPrintSections  section,
             gboolean         landscape)
{
  Page page = { 0 };

  page.info.section = section;
  page_geometry (self, landscape, &page.info);
  page.placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  g_array_append_val (self->pages, page);
  return &g_array_index (self->pages, Page, self->pages->len - 1);
}

/* ---- blocks ---- */

Block *
mp_print_flow_add (Flow      *flow,
                   BlockKind  kind)
{
  Block *b = g_new0 (Block, 1);

  b->kind = kind;
  g_ptr_array_add (flow->self->blocks, b);
  return b;
}

static void
text_lines (Block *b)
{
  PangoLayoutIter *iter = pango_layout_get_iter (b->layout);

  b->line_bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  do
    {
      PangoRectangle logical;
      double bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      g_array_append_val (b->line_bottoms, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* A paragraph of @markup at @indent from the left edge. */
Block *
mp_print_flow_text (Flow       *flow,
                    Style       style,
                    const char *markup,
                    double      indent,
                    double      space_before)
{
  Block *b = mp_print_flow_add (flow, BLOCK_TEXT);

  b->indent = indent;
  b->layout = mp_print_text_new (flow->self, style, markup, flow->width - indent);
  b->height = mp_print_layout_height (b->layout);
  b->space_before = space_before;
  text_lines (b);
  return b;
}

Block *
mp_print_flow_text_plain (Flow       *flow,
                          Style       style,
                          const char *text,
                          double      indent,
                          double      space_before)
{
  g_autofree char *markup = mp_print_esc (text);

  return mp_print_flow_text (flow, style, markup, indent, space_before);
}

Block *
mp_print_flow_dim (Flow       *flow,
                   const char *text)
{
  g_autofree char *markup = g_markup_printf_escaped ("<span foreground=\"" MARKUP_DIM "\">%s</span>", text);

  return mp_print_flow_text (flow, ST_BODY, markup, 0, 2.0);
}

Block *
mp_print_flow_bullet (Flow       *flow,
                      const char *markup)
{
  Block *b = mp_print_flow_text (flow, ST_BODY, markup, 11.0, 2.0);

  b->bullet = TRUE;
  return b;
}

/* A section heading (ST_H2, a rule under it) or a sub-heading (ST_H3);
 * it stays with what follows. */
Block *
mp_print_flow_heading (Flow       *flow,
                       Style       style,
                       const char *text,
                       gboolean    first)
{
  Block *b = mp_print_flow_text_plain (flow, style, text, 0, first ? 0.0 : (style == ST_H2 ? 9.0 : 6.0));

  b->keep_with_next = TRUE;
  if (style == ST_H2)
    {
      b->rule = TRUE;
      b->height += 5.0;
    }
  else
    b->height += 2.0;
  return b;
}

/* ---- tables ---- */

Table *
mp_print_table_new (MpPrintJob    *self,
                    const ColSpec *spec,
                    guint          n_cols)
{
  Table *t = g_new0 (Table, 1);

  g_assert (n_cols <= MAX_COLS);
  t->n_cols = n_cols;
  memcpy (t->spec, spec, n_cols * sizeof (ColSpec));
  t->title_col = -1;
  t->side_col = -1;
  t->rows = g_ptr_array_new_with_free_func (row_free);
  g_ptr_array_add (self->tables, t);
  return t;
}

Row *
mp_print_table_add_row (Table *t)
{
  Row *r = g_new0 (Row, 1);

  r->index = -1;
  r->party = -1;
  r->check = -1;
  r->shade = t->rows->len % 2 == 1;
  g_ptr_array_add (t->rows, r);
  return r;
}

/* Takes @markup. */
void
mp_print_row_set (Row  *r,
                  guint col,
                  char *markup)
{
  g_free (r->text[col]);
  r->text[col] = markup;
}

static double
cell_extra (Table *t,
            Row   *r,
            guint  col)
{
  if ((int) col == t->title_col)
    return r->indent;
  if ((int) col == t->side_col && r->party >= 0)
    return SIDE_MARK + 3.0;
  return 0.0;
}

/* The widest word of @markup's text. */
static double
longest_word (MpPrintJob *self,
              Style       style,
              const char *markup)
{
  g_autoptr(PangoLayout) layout = mp_print_text_new (self, style, markup, 1.0);
  PangoLayoutIter *iter;
  double widest = 0;

  /* Wrapped at 1 pt, every line is a word. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      widest = MAX (widest, (double) logical.width / PANGO_SCALE);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return widest;
}

/* What a text measures in a column: its widest line unwrapped and its
 * widest word. Columns repeat their texts (sides, owners, dates, status),
 * so each distinct text is measured once per table. */
typedef struct {
  double width;
  double word;   /* < 0: not measured yet */
} Measure;

/* What each column wants: @natural, its widest line unwrapped, and @hard,
 * its widest word (the whole text for nowrap columns), padding included,
 * both within the column's min and max. */
static void
table_measure (MpPrintJob *self,
               Table      *t,
               double     *natural,
               double     *hard)
{
  for (guint c = 0; c < t->n_cols; c++)
    {
      g_autofree char *h = mp_print_esc (t->spec[c].header);
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      double nat, min;

      nat = min = longest_word (self, ST_TABLE_BOLD, h);
      for (guint i = 0; i < t->rows->len; i++)
        {
          Row *r = g_ptr_array_index (t->rows, i);
          double extra = cell_extra (t, r, c);
          Measure *m;

          if (r->text[c] == NULL)
            continue;
          m = g_hash_table_lookup (seen, r->text[c]);
          if (m == NULL)
            {
              g_autoptr(PangoLayout) l = mp_print_text_new (self, ST_TABLE, r->text[c], -1);

              m = g_new (Measure, 1);
              m->width = layout_width (l);
              m->word = t->spec[c].nowrap ? m->width : -1;
              g_hash_table_insert (seen, r->text[c], m); /* the row keeps the text */
            }
          nat = MAX (nat, m->width + extra);
          /* A word is never wider than its line: only a line wider than
           * the widest word so far can hold a wider one. */
          if (m->width + extra > min)
            {
              if (m->word < 0)
                m->word = longest_word (self, ST_TABLE, r->text[c]);
              min = MAX (min, m->word + extra);
            }
        }
      nat = ceil (nat) + 2 * CELL_PAD_X + 1.0;
      min = ceil (min) + 2 * CELL_PAD_X + 1.0;
      nat = MAX (nat, t->spec[c].min);
      min = MAX (min, t->spec[c].min);
      if (t->spec[c].max > 0)
        {
          nat = MIN (nat, t->spec[c].max);
          min = MIN (min, t->spec[c].max);
        }
      natural[c] = MAX (natural[c], nat);
      hard[c] = MAX (hard[c], min);
    }
}

/* Widths for @width: each column at its natural width and the flexible
 * one taking the rest; when the rest is less than the flexible column's
 * hard minimum, the others give up width toward their own. */
static void
table_distribute (Table        *t,
                  const double *natural,
                  const double *hard,
                  double        width,
                  double       *w)
{
  double fixed = 0, room;
  int flex = -1;

  for (guint c = 0; c < t->n_cols; c++)
    if (t->spec[c].flex)
      flex = (int) c;
    else
      {
        w[c] = natural[c];
        fixed += w[c];
      }
  room = width - fixed;
  if (flex < 0)
    {
      if (room > 0 && t->n_cols > 0)
        w[t->n_cols - 1] += room;
      return;
    }
  if (room < hard[flex])
    {
      double shrinkable = 0;

      for (guint c = 0; c < t->n_cols; c++)
        if ((int) c != flex)
          shrinkable += w[c] - hard[c];
      if (shrinkable > 0)
        {
          double f = MIN (1.0, (hard[flex] - room) / shrinkable);

          for (guint c = 0; c < t->n_cols; c++)
            if ((int) c != flex)
              {
                double cut = (w[c] - hard[c]) * f;

                w[c] -= cut;
                room += cut;
              }
        }
    }
  w[flex] = MAX (room, 20.0);
}

/* With the widths set: the layouts and the heights. */
static void
table_layout (MpPrintJob *self,
              Table      *t)
{
  t->head_h = 0;
  for (guint c = 0; c < t->n_cols; c++)
    {
      g_autofree char *h = mp_print_esc (t->spec[c].header);

      t->x[c] = c > 0 ? t->x[c - 1] + t->w[c - 1] : 0.0;
      t->head[c] = mp_print_text_new (self, ST_TABLE_BOLD, h, t->w[c] - 2 * CELL_PAD_X);
      pango_layout_set_alignment (t->head[c], t->spec[c].align);
      t->head_h = MAX (t->head_h, mp_print_layout_height (t->head[c]));
    }
  t->head_h += 2 * CELL_PAD_Y + 1.0;

  /* Cells with the same text in the same room share one layout (drawing
   * only reads it): one per distinct text, not one per cell. */
  for (guint c = 0; c < t->n_cols; c++)
    {
      /* By the extra room of the cell (an indent, a side mark), then by text. */
      g_autoptr(GHashTable) made = g_hash_table_new_full (NULL, NULL, NULL,
                                                          (GDestroyNotify) g_hash_table_unref);

      for (guint i = 0; i < t->rows->len; i++)
        {
          Row *r = g_ptr_array_index (t->rows, i);
          double extra = cell_extra (t, r, c);
          GHashTable *cache;
          PangoLayout *l;

          if (c == 0)
            r->h = 0;
          if (r->text[c] == NULL)
            continue;
          cache = g_hash_table_lookup (made, GINT_TO_POINTER ((int) lround (extra * 64)));
          if (cache == NULL)
            {
              cache = g_hash_table_new (g_str_hash, g_str_equal);
              g_hash_table_insert (made, GINT_TO_POINTER ((int) lround (extra * 64)), cache);
            }
          l = g_hash_table_lookup (cache, r->text[c]);
          if (l == NULL)
            {
              l = mp_print_text_new (self, ST_TABLE, r->text[c],
                                     MAX (8.0, t->w[c] - 2 * CELL_PAD_X - extra));
              pango_layout_set_alignment (l, t->spec[c].align);
              /* Rows must fit a page: long text ends in "…". */
              pango_layout_set_height (l, -MAX_CELL_LINES);
              pango_layout_set_ellipsize (l, PANGO_ELLIPSIZE_END);
              g_hash_table_insert (cache, r->text[c], l); /* r->cell[c] keeps it */
              r->cell[c] = l;
            }
          else
            r->cell[c] = g_object_ref (l);
          r->h = MAX (r->h, mp_print_layout_height (l));
        }
    }
  for (guint i = 0; i < t->rows->len; i++)
    {
      Row *r = g_ptr_array_index (t->rows, i);

      if (r->h == 0)
        r->h = 9.0;
      r->h += 2 * CELL_PAD_Y;
    }
}

/* Column widths from the content of @n tables with the same columns
 * (they line up, one under the other), then their layouts. */
void
mp_print_tables_finish (Flow   *flow,
                        Table **tables,
                        guint   n)
{
  double natural[MAX_COLS] = { 0 };
  double hard[MAX_COLS] = { 0 };
  double w[MAX_COLS] = { 0 };

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    table_measure (flow->self, tables[i], natural, hard);
  table_distribute (tables[0], natural, hard, flow->width, w);
  for (guint i = 0; i < n; i++)
    {
      memcpy (tables[i]->w, w, sizeof w);
      table_layout (flow->self, tables[i]);
    }
}

/* Adds the table's blocks to the flow: its header (kept with the first
 * row) and a block per row. */
void
mp_print_flow_table_blocks (Flow  *flow,
                            Table *t)
{
  Block *h;

  h = mp_print_flow_add (flow, BLOCK_HEADER);
  h->table = t;
  h->height = t->head_h;
  h->space_before = 4.0;
  h->keep_with_next = TRUE;
  t->header_block = h;
  for (guint i = 0; i < t->rows->len; i++)
    {
      Block *b = mp_print_flow_add (flow, BLOCK_ROW);

      b->table = t;
      b->row = g_ptr_array_index (t->rows, i);
      b->height = b->row->h;
      /* No last row alone on a page. */
      b->keep_with_next = t->rows->len >= 3 && i == t->rows->len - 2;
    }
}

void
mp_print_flow_table (Flow  *flow,
                     Table *t)
{
  mp_print_tables_finish (flow, &t, 1);
  mp_print_flow_table_blocks (flow, t);
}

/* ---- placing blocks on pages ---- */

static double
chain_height (GPtrArray *blocks,
              guint      i)
{
  double h = 0;

  for (guint j = i; j < blocks->len; j++)
    {
      Block *b = g_ptr_array_index (blocks, j);

      h += (j > i ? b->space_before : 0.0) + b->height;
      if (!b->keep_with_next)
        break;
    }
  return h;
}

static void
place (Page   *page,
       Block  *b,
       double  y,
       double  from,
       double  to)
{
  Placement p = { b, y, from, to };

  g_array_append_val (page->placements, p);
}

/* The last line boundary of a text block at or above @limit, > @from. */
static double
split_point (Block  *b,
             double  from,
             double  limit)
{
  double best = -1;

  for (guint i = 0; b->line_bottoms != NULL && i < b->line_bottoms->len; i++)
    {
      double bottom = g_array_index (b->line_bottoms, double, i);

      if (bottom > from && bottom <= limit)
        best = bottom;
    }
  return best;
}

static void
flow_paginate (Flow            *flow,
               MpPrintSections  section)
{
  MpPrintJob *self = flow->self;
  GPtrArray *blocks = self->blocks;
  Page *page = NULL;
  double y = 0, bottom = 0;
  gboolean empty = TRUE;

  for (guint i = flow->first; i < blocks->len; i++)
    {
      Block *b = g_ptr_array_index (blocks, i);
      double gap, need;

      if (page == NULL)
        {
          page = page_append (self, section, FALSE);
          y = page->info.body_top;
          bottom = y + page->info.body_height;
          empty = TRUE;
          /* A table going on from the page before: its header again. */
          if (b->kind == BLOCK_ROW)
            {
              place (page, b->table->header_block, y, 0, b->table->head_h);
              y += b->table->head_h;
            }
        }
      gap = empty ? 0.0 : b->space_before;
      need = chain_height (blocks, i);
      if (need > page->info.body_height * 0.8)
        need = b->height;  /* a chain that can never fit together */

      if (y + gap + need <= bottom + 0.01)
        {
          place (page, b, y + gap, 0, b->height);
          y += gap + b->height;
          empty = FALSE;
          continue;
        }
      if (b->kind == BLOCK_TEXT && b->height > page->info.body_height * 0.8)
        {
          /* A paragraph too tall for any page: line by line over pages. */
          double from = 0;

          while (from < b->height)
            {
              double to = split_point (b, from, from + (bottom - y - gap));

              if (to < 0)
                {
                  if (empty)
                    to = MIN (b->height, from + (bottom - y)); /* one line taller than a page */
                  else
                    {
                      page = page_append (self, section, FALSE);
                      y = page->info.body_top;
                      bottom = y + page->info.body_height;
                      empty = TRUE;
                      gap = 0;
                      continue;
                    }
                }
              place (page, b, y + gap, from, to);
              y += gap + (to - from);
              empty = FALSE;
              from = to;
              if (from < b->height)
                {
                  page = page_append (self, section, FALSE);
                  y = page->info.body_top;
                  bottom = y + page->info.body_height;
                  empty = TRUE;
                  gap = 0;
                }
            }
          continue;
        }
      if (empty)
        {
          /* Nothing fits better on a fresh page: place it (rows are
           * bounded, so this does not happen with real content). */
          place (page, b, y, 0, b->height);
          y += b->height;
          empty = FALSE;
          continue;
        }
      page = NULL;
      i--;
    }
}

/* ---- drawing blocks ---- */

static void
draw_table_header (MpPrintJob *self,
                   cairo_t    *cr,
                   Table      *t,
                   double      x,
                   double      y)
{
  double w = t->x[t->n_cols - 1] + t->w[t->n_cols - 1];

  set_rgb (cr, &color_header_bg);
  cairo_rectangle (cr, x, y, w, t->head_h - 1.0);
  cairo_fill (cr);
  for (guint c = 0; c < t->n_cols; c++)
    show (cr, t->head[c], x + t->x[c] + CELL_PAD_X, y + CELL_PAD_Y, &color_text);
  set_rgb (cr, &color_text);
  cairo_rectangle (cr, x, y + t->head_h - 1.0, w, 0.8);
  cairo_fill (cr);
}

static void
draw_check (cairo_t *cr,
            double   x,
            double   y,
            gboolean done)
{
  double s = 6.5;

  cairo_set_line_width (cr, 0.7);
  set_rgb (cr, &color_dim);
  cairo_rectangle (cr, x + 0.35, y + 0.35, s - 0.7, s - 0.7);
  cairo_stroke (cr);
  if (done)
    {
      cairo_set_line_width (cr, 1.1);
      set_rgb (cr, &color_text);
      cairo_move_to (cr, x + 1.3, y + s * 0.55);
      cairo_line_to (cr, x + s * 0.42, y + s - 1.4);
      cairo_line_to (cr, x + s - 1.0, y + 1.2);
      cairo_stroke (cr);
    }
}

static void
draw_row (MpPrintJob *self,
          cairo_t    *cr,
          Table      *t,
          Row        *r,
          double      x,
          double      y)
{
  const MpTimelinePalette *pal = mp_timeline_palette_get (MP_TIMELINE_PALETTE_LIGHT);
  double w = t->x[t->n_cols - 1] + t->w[t->n_cols - 1];

  if (r->shade)
    {
      set_rgb (cr, &color_zebra);
      cairo_rectangle (cr, x, y, w, r->h);
      cairo_fill (cr);
    }
  if (r->overdue)
    {
      set_rgb (cr, &color_warn);
      cairo_rectangle (cr, x, y + 0.5, 2.0, r->h - 1.0);
      cairo_fill (cr);
    }
  for (guint c = 0; c < t->n_cols; c++)
    {
      double cx = x + t->x[c] + CELL_PAD_X;

      if ((int) c == t->side_col && r->party >= 0)
        {
          const MpTimelineColor *sc = &pal->side[CLAMP (r->party, 0, 2)];

          cairo_set_source_rgb (cr, sc->red, sc->green, sc->blue);
          cairo_rectangle (cr, cx, y + CELL_PAD_Y + 2.0, SIDE_MARK, SIDE_MARK);
          cairo_fill (cr);
        }
      if ((int) c == t->title_col && r->check >= 0)
        draw_check (cr, cx + r->indent - 10.0, y + CELL_PAD_Y + 2.0, r->check == 1);
      if (r->cell[c] != NULL)
        show (cr, r->cell[c], cx + cell_extra (t, r, c), y + CELL_PAD_Y, &color_text);
    }
  set_rgb (cr, &color_rule);
  cairo_rectangle (cr, x, y + r->h - 0.4, w, 0.4);
  cairo_fill (cr);
}

static void
draw_facts (MpPrintJob *self,
            cairo_t    *cr,
            Block      *b,
            double      x,
            double      y,
            double      width)
{
  guint n = b->facts->len;
  double cell_w = width / n;

  for (guint i = 0; i < n; i++)
    {
      Fact *f = &g_array_index (b->facts, Fact, i);
      double cx = x + i * cell_w;
      double cy = y + 5.0;

      set_rgb (cr, &color_header_bg);
      cairo_rectangle (cr, cx + (i > 0 ? 3.0 : 0.0), y, cell_w - (i > 0 && i < n - 1 ? 6.0 : 3.0), b->height);
      cairo_fill (cr);
      cx += (i > 0 ? 3.0 : 0.0) + 7.0;
      show (cr, f->label, cx, cy, &color_dim);
      cy += mp_print_layout_height (f->label) + 1.0;
      show (cr, f->value, cx, cy, &color_text);
      cy += mp_print_layout_height (f->value) + 1.0;
      if (f->progress >= 0)
        {
          double bw = cell_w - 20.0;

          set_rgb (cr, &color_rule);
          cairo_rectangle (cr, cx, cy + 1.0, bw, 5.0);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0.15, 0.50, 0.25);
          cairo_rectangle (cr, cx, cy + 1.0, bw * CLAMP (f->progress, 0.0, 1.0), 5.0);
          cairo_fill (cr);
          cy += 9.0;
        }
      if (f->sub != NULL)
        show (cr, f->sub, cx, cy, &color_text);
    }
}

static void
draw_placement (MpPrintJob      *self,
                cairo_t         *cr,
                const Placement *p,
                double           x,
                double           width)
{
  Block *b = p->block;

  switch (b->kind)
    {
    case BLOCK_TEXT:
      cairo_save (cr);
      if (p->from > 0 || p->to < b->height)
        {
          cairo_rectangle (cr, x - 1, p->y, width + 2, p->to - p->from);
          cairo_clip (cr);
        }
      if (b->bullet && p->from == 0)
        {
          g_autoptr(PangoLayout) bullet = mp_print_text_new (self, ST_BODY, "•", -1);

          show (cr, bullet, x + b->indent - 9.0, p->y, &color_text);
        }
      show (cr, b->layout, x + b->indent, p->y - p->from, &color_text);
      if (b->rule)
        {
          set_rgb (cr, &color_rule);
          cairo_rectangle (cr, x, p->y + b->height - 3.0, width, 0.8);
          cairo_fill (cr);
        }
      cairo_restore (cr);
      break;
    case BLOCK_HEADER:
      draw_table_header (self, cr, b->table, x, p->y);
      break;
    case BLOCK_ROW:
      draw_row (self, cr, b->table, b->row, x, p->y);
      break;
    case BLOCK_FACTS:
      draw_facts (self, cr, b, x, p->y, width);
      break;
    default:
      break;
    }
}

static void
flow_section (MpPrintJob      *self,
              MpPrintSections  section,
              void           (*build) (Flow *flow))
{
  Flow flow = { self, self->blocks, self->blocks->len, content_width (self, FALSE) };

  build (&flow);
  flow_paginate (&flow, section);
}

/* ---- the timeline ---- */

static double
timeline_heading_height (MpPrintJob *self)
{
  g_autoptr(PangoLayout) h = mp_print_text_new (self, ST_H2, "Timeline", -1);
  g_autoptr(PangoLayout) s = mp_print_text_new (self, ST_SMALL, "1", -1);

  return mp_print_layout_height (h) + 2.0 + mp_print_layout_height (s) + 6.0;
}

static void
timeline_paginate (MpPrintJob *self)
{
  MpPrintPage geometry;
  double width = content_width (self, TRUE);
  double legend_h, tile_h;
  g_autoptr(GArray) tiles = NULL;

  page_geometry (self, TRUE, &geometry);
  legend_h = mp_timeline_render_legend (NULL, &self->view, 0, 0, width);
  tile_h = geometry.body_height - timeline_heading_height (self) - 10.0 - legend_h;
  tiles = mp_timeline_paginate (self->timeline, &self->view, width, tile_h, self->pages_wide);
  self->n_across = 0;
  for (guint i = 0; i < tiles->len; i++)
    if (g_array_index (tiles, MpTimelineTile, i).first_row == 0)
      self->n_across++;
  self->n_across = MAX (1u, self->n_across);
  for (guint i = 0; i < tiles->len; i++)
    {
      MpTimelineTile *tile = &g_array_index (tiles, MpTimelineTile, i);
      Page *page = page_append (self, MP_PRINT_TIMELINE, TRUE);

      page->tile = *tile;
      page->tile_column = i % self->n_across;
      page->info.first_row = tile->first_row;
      page->info.n_rows = tile->n_rows;
      page->info.first_date = tile->first_date;
      page->info.last_date = tile->last_date;
      page->info.used_height = timeline_heading_height (self) + mp_timeline_view_get_header_height (&self->view) +
                               tile->n_rows * mp_timeline_view_get_row_height (&self->view) + 10.0 + legend_h;
    }
}

static void
draw_timeline_page (MpPrintJob *self,
                    cairo_t    *cr,
                    Page       *page)
{
  double x = self->margin[3];
  double y = page->info.body_top;
  double width = content_width (self, TRUE);
  guint n_rows = mp_timeline_layout_get_n_rows (self->timeline);
  g_autofree char *first = mp_format_date (page->tile.first_date);
  g_autofree char *last = mp_format_date (page->tile.last_date);
  g_autofree char *line = NULL;
  g_autofree char *title = NULL;
  g_autoptr(PangoLayout) heading = NULL;
  g_autoptr(PangoLayout) sub = NULL;
  double chart_h;

  if (self->n_across > 1)
    title = g_strdup_printf (_("Timeline, part %u of %u across"), page->tile_column + 1, self->n_across);
  else
    title = g_strdup (_("Timeline"));
  if (n_rows > 0)
    line = g_strdup_printf (_("%s – %s · rows %u–%u of %u"), first, last, page->tile.first_row + 1,
                            page->tile.first_row + page->tile.n_rows, n_rows);
  else
    line = g_strdup_printf (_("%s – %s · no milestones yet"), first, last);
  {
    g_autofree char *t = mp_print_esc (title);
    g_autofree char *l = mp_print_esc (line);

    heading = mp_print_text_new (self, ST_H2, t, width);
    sub = mp_print_text_new (self, ST_SMALL, l, width);
  }
  show (cr, heading, x, y, &color_text);
  y += mp_print_layout_height (heading) + 2.0;
  show (cr, sub, x, y, &color_dim);
  y += mp_print_layout_height (sub) + 6.0;

  chart_h = mp_timeline_view_get_header_height (&self->view) +
            page->tile.n_rows * mp_timeline_view_get_row_height (&self->view);
  mp_timeline_render_tile (cr, self->timeline, &self->view, &page->tile, x, y, width, chart_h);
  /* A frame around the chart. */
  set_rgb (cr, &color_rule);
  cairo_set_line_width (cr, 0.6);
  cairo_rectangle (cr, x, y, width, chart_h);
  cairo_stroke (cr);
  y += chart_h + 10.0;
  mp_timeline_render_legend (cr, &self->view, x, y, width);
}

/* ---- pagination ---- */

guint
mp_print_job_paginate (MpPrintJob *self)
{
  g_return_val_if_fail (MP_IS_PRINT_JOB (self), 0);

  g_array_set_size (self->pages, 0);
  g_ptr_array_set_size (self->blocks, 0);
  g_ptr_array_set_size (self->tables, 0);
  self->n_table_rows = 0;

  g_clear_object (&self->timeline);
  self->timeline = mp_timeline_layout_new (self->plan);
  mp_timeline_view_init (&self->view, content_width (self, TRUE), 400);
  self->view.resolution = 72.0;
  self->view.font = self->timeline_font;
  self->view.today = self->today;
  self->view.baseline = self->baseline;
  self->view.palette = mp_timeline_palette_get (MP_TIMELINE_PALETTE_LIGHT);
  self->view.label_width = floor (MIN (190.0, content_width (self, TRUE) * 0.24));

  if (self->sections & MP_PRINT_OVERVIEW)
    flow_section (self, MP_PRINT_OVERVIEW, mp_print_build_overview);
  if (self->sections & MP_PRINT_MILESTONES)
    flow_section (self, MP_PRINT_MILESTONES, mp_print_build_milestones);
  if (self->sections & MP_PRINT_TIMELINE)
    timeline_paginate (self);
  if (self->sections & MP_PRINT_CHANGES)
    flow_section (self, MP_PRINT_CHANGES, mp_print_build_changes);
  if (self->pages->len == 0)
    page_append (self, MP_PRINT_OVERVIEW, FALSE);

  /* What the tests check: which rows each page holds, how full it is. */
  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = &g_array_index (self->pages, Page, i);
      int lo = -1, hi = -1;
      double bottom = page->info.body_top;

      if (page->info.section == MP_PRINT_TIMELINE)
        continue;
      for (guint k = 0; k < page->placements->len; k++)
        {
          Placement *p = &g_array_index (page->placements, Placement, k);

          bottom = MAX (bottom, p->y + (p->to - p->from));
          if (p->block->kind == BLOCK_ROW && p->block->row->index >= 0)
            {
              if (lo < 0)
                lo = p->block->row->index;
              hi = p->block->row->index;
            }
        }
      page->info.used_height = bottom - page->info.body_top;
      if (lo >= 0)
        {
          page->info.first_row = (guint) lo;
          page->info.n_rows = (guint) (hi - lo + 1);
        }
    }
  self->valid = TRUE;
  return self->pages->len;
}

static void
ensure_valid (MpPrintJob *self)
{
  if (!self->valid)
    mp_print_job_paginate (self);
}

guint
mp_print_job_get_n_pages (MpPrintJob *self)
{
  g_return_val_if_fail (MP_IS_PRINT_JOB (self), 0);

  ensure_valid (self);
  return self->pages->len;
}

const MpPrintPage *
mp_print_job_get_page (MpPrintJob *self,
                       guint       page)
{
  g_return_val_if_fail (MP_IS_PRINT_JOB (self), NULL);

  ensure_valid (self);
  g_return_val_if_fail (page < self->pages->len, NULL);
  return &g_array_index (self->pages, Page, page).info;
}

guint
mp_print_job_get_n_table_rows (MpPrintJob *self)
{
  g_return_val_if_fail (MP_IS_PRINT_JOB (self), 0);

  ensure_valid (self);
  return self->n_table_rows;
}

/* ---- drawing pages ---- */

static const char *
section_name (MpPrintSections section)
{
  switch (section)
    {
    case MP_PRINT_OVERVIEW: return _("Plan on a page");
    case MP_PRINT_MILESTONES: return _("Milestones");
    case MP_PRINT_TIMELINE: return _("Timeline");
    case MP_PRINT_CHANGES: return _("Changes");
    default: return "";
    }
}

static void
draw_running (MpPrintJob *self,
              cairo_t    *cr,
              Page       *page,
              guint       number)
{
  double left = self->margin[3];
  double width = page->info.width - self->margin[1] - self->margin[3];
  double top = self->margin[0];
  double foot = page->info.height - self->margin[2];
  g_autofree char *today = mp_format_date (self->today);
  g_autofree char *printed = g_strdup_printf (_("Printed %s"), today);
  g_autofree char *count = g_strdup_printf (_("Page %u of %u"), number + 1, self->pages->len);
  g_autofree char *printed_m = mp_print_esc (printed);
  g_autofree char *count_m = mp_print_esc (count);
  g_autofree char *section_m = mp_print_esc (section_name (page->info.section));
  /* Shortened first: ellipsizing the longest title a file may hold
   * (65,534 characters) on every page shaped all of it each time. */
  g_autofree char *title_shown = mp_display_text (mp_plan_get_title (self->plan), MP_PRINT_HEADER_MAX_CHARS);
  g_autofree char *title_m = g_markup_printf_escaped ("<b>%s</b>", title_shown);
  g_autoptr(PangoLayout) right = mp_print_text_new (self, ST_SMALL, printed_m, -1);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) section = mp_print_text_new (self, ST_SMALL, section_m, -1);
  g_autoptr(PangoLayout) pages = mp_print_text_new (self, ST_SMALL, count_m, -1);
  double rw = layout_width (right);

  title = mp_print_text_new (self, ST_SMALL, title_m, MAX (40.0, width - rw - 24.0));
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  show (cr, title, left, top, &color_text);
  show (cr, right, left + width - rw, top, &color_dim);
  set_rgb (cr, &color_rule);
  cairo_rectangle (cr, left, top + mp_print_layout_height (right) + 3.0, width, 0.6);
  cairo_fill (cr);

  cairo_rectangle (cr, left, foot - mp_print_layout_height (pages) - 4.0, width, 0.6);
  cairo_fill (cr);
  show (cr, section, left, foot - mp_print_layout_height (pages), &color_dim);
  show (cr, pages, left + width - layout_width (pages), foot - mp_print_layout_height (pages), &color_text);
}

void
mp_print_job_draw_page (MpPrintJob *self,
                        cairo_t    *cr,
                        guint       page_nr)
{
  Page *page;

  g_return_if_fail (MP_IS_PRINT_JOB (self));
  g_return_if_fail (cr != NULL);

  ensure_valid (self);
  g_return_if_fail (page_nr < self->pages->len);
  page = &g_array_index (self->pages, Page, page_nr);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, page->info.width, page->info.height);
  cairo_fill (cr);
  draw_running (self, cr, page, page_nr);
  if (page->info.section == MP_PRINT_TIMELINE)
    draw_timeline_page (self, cr, page);
  else
    for (guint k = 0; k < page->placements->len; k++)
      draw_placement (self, cr, &g_array_index (page->placements, Placement, k),
                      self->margin[3], content_width (self, page->info.landscape));
  cairo_restore (cr);
}

/* ---- PDF ---- */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
mp_print_job_to_pdf (MpPrintJob  *self,
                     GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n;

  g_return_val_if_fail (MP_IS_PRINT_JOB (self), NULL);

  n = mp_print_job_get_n_pages (self);
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, self->paper_w, self->paper_h);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, mp_plan_get_title (self->plan));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "MutualPlan " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint i = 0; i < n; i++)
    {
      const MpPrintPage *page = mp_print_job_get_page (self, i);

      cairo_pdf_surface_set_size (surface, page->width, page->height);
      mp_print_job_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MP_ERROR, MP_ERROR_FAILED, _("Could not make the PDF: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
