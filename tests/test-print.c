/* test-print.c: the printed plan, without a display
 *
 * Paginates the fixtures and generated plans with MpPrintJob, draws the
 * pages on image surfaces and as PDF, and reads the PDF back with
 * poppler's pdftotext where it is installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mp-format.h"
#include "mp-model.h"
#include "mp-plan-generator.h"
#include "mp-plan-io.h"
#include "mp-print.h"
#include "mp-timeline-layout.h"

static const char * const fixtures[] = {
  "acme-rollout.mplan",
  "minimal.mplan",
  "mueller-maschinenbau.mplan",
  "unknown-members.mplan",
};

static MpPlan *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  MpPlan *plan = mp_plan_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

/* Pages are in section order and the right way round, and no page's
 * content runs past its body. */
static void
assert_pages_sane (MpPrintJob *job,
                   double      paper_w,
                   double      paper_h)
{
  guint n = mp_print_job_get_n_pages (job);
  MpPrintSections last = 0;

  g_assert_cmpuint (n, >=, 1);
  for (guint i = 0; i < n; i++)
    {
      const MpPrintPage *p = mp_print_job_get_page (job, i);
      gboolean landscape = p->section == MP_PRINT_TIMELINE;

      g_assert_cmpint (p->section, >=, last);
      last = p->section;
      g_assert_cmpint (p->landscape, ==, landscape);
      g_assert_cmpfloat_with_epsilon (p->width, landscape ? paper_h : paper_w, 0.01);
      g_assert_cmpfloat_with_epsilon (p->height, landscape ? paper_w : paper_h, 0.01);
      g_assert_cmpfloat (p->body_top, >, 0);
      g_assert_cmpfloat (p->body_top + p->body_height, <, p->height);
      g_assert_cmpfloat (p->used_height, <=, p->body_height + 0.01);
    }
}

/* Something was drawn inside the page's body, and the margins stay white
 * except for the running header and footer. */
static void
assert_page_draws (MpPrintJob *job,
                   guint       page)
{
  const MpPrintPage *p = mp_print_job_get_page (job, page);
  int w = (int) p->width, h = (int) p->height;
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (s);
  guchar *data;
  int stride;
  guint inked = 0, outside = 0;

  mp_print_job_draw_page (job, cr, page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (s);
  data = cairo_image_surface_get_data (s);
  stride = cairo_image_surface_get_stride (s);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 px = *(guint32 *) (data + y * stride + x * 4) & 0xffffff;

        if (px == 0xffffff)
          continue;
        if (y > p->body_top && y < p->body_top + p->body_height && x > MP_PRINT_DEFAULT_MARGIN - 1 &&
            x < w - MP_PRINT_DEFAULT_MARGIN + 1)
          inked++;
        else if (x < MP_PRINT_DEFAULT_MARGIN - 1 || x > w - MP_PRINT_DEFAULT_MARGIN + 1)
          outside++;
      }
  g_assert_cmpuint (inked, >, 100);
  g_assert_cmpuint (outside, ==, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

static void
test_sections_and_paper (void)
{
  MpPrintSections s = 0;
  MpPaper paper;
  double w, h;
  g_autofree char *text = NULL;

  g_assert_true (mp_print_sections_parse ("overview,milestones", &s));
  g_assert_cmpint (s, ==, MP_PRINT_OVERVIEW | MP_PRINT_MILESTONES);
  g_assert_true (mp_print_sections_parse (" Timeline , CHANGES ", &s));
  g_assert_cmpint (s, ==, MP_PRINT_TIMELINE | MP_PRINT_CHANGES);
  g_assert_false (mp_print_sections_parse ("", &s));
  g_assert_false (mp_print_sections_parse ("overview,gantt", &s));
  g_assert_false (mp_print_sections_parse ("overview,,timeline", &s));
  text = mp_print_sections_to_string (MP_PRINT_SECTIONS_ALL);
  g_assert_cmpstr (text, ==, "overview,milestones,timeline,changes");

  g_assert_true (mp_paper_parse ("A4", &paper));
  g_assert_cmpint (paper, ==, MP_PAPER_A4);
  g_assert_true (mp_paper_parse ("letter", &paper));
  g_assert_cmpint (paper, ==, MP_PAPER_LETTER);
  g_assert_false (mp_paper_parse ("a5", &paper));
  mp_paper_get_size (MP_PAPER_A4, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 595.276, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 841.89, 0.01);
  mp_paper_get_size (MP_PAPER_LETTER, &w, &h);
  g_assert_cmpfloat (w, ==, 612.0);
  g_assert_cmpfloat (h, ==, 792.0);
  /* The tests run in C.UTF-8, whose LC_PAPER is A4. */
  g_assert_cmpint (mp_paper_from_locale (), ==, MP_PAPER_A4);
}

static void
test_fixtures (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    for (MpPaper paper = MP_PAPER_A4; paper <= MP_PAPER_LETTER; paper++)
      for (guint wide = 1; wide <= 2; wide++)
        {
          g_autoptr(MpPlan) plan = load_fixture (fixtures[f]);
          g_autoptr(MpPrintJob) job = mp_print_job_new (plan);
          g_autoptr(GBytes) pdf = NULL;
          g_autoptr(GError) error = NULL;
          guint n, n_timeline = 0;
          double w, h;

          g_test_message ("%s, %s, timeline %u wide", fixtures[f], paper == MP_PAPER_A4 ? "A4" : "Letter", wide);
          mp_paper_get_size (paper, &w, &h);
          mp_print_job_set_paper (job, paper);
          mp_print_job_set_sections (job, MP_PRINT_SECTIONS_ALL);
          mp_print_job_set_timeline_pages_wide (job, wide);
          mp_print_job_set_today (job, mp_date_from_ymd (2027, 3, 1));
          n = mp_print_job_paginate (job);
          /* Each section has a page; these plans are short. */
          g_assert_cmpuint (n, >=, 4);
          g_assert_cmpuint (n, <=, 8);
          assert_pages_sane (job, w, h);
          g_assert_cmpint (mp_print_job_get_page (job, 0)->section, ==, MP_PRINT_OVERVIEW);
          for (guint i = 0; i < n; i++)
            {
              const MpPrintPage *p = mp_print_job_get_page (job, i);

              if (p->section == MP_PRINT_TIMELINE)
                n_timeline++;
              assert_page_draws (job, i);
            }
          /* One band of rows: as many pages as asked across. */
          g_assert_cmpuint (n_timeline, ==, wide);
          pdf = mp_print_job_to_pdf (job, &error);
          g_assert_no_error (error);
          g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));
        }
}

/* Runs pdftotext on one page (from 1) of @pdf; NULL when it fails. */
static char *
pdftotext_page (const char *pdf,
                guint       page,
                gboolean    layout)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-f", first, "-l", first, layout ? "-layout" : "-raw", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    return NULL;
  return g_steal_pointer (&out);
}

/* The label and due date the milestones table shows for each of its
 * rows, in table order. */
static void
table_rows (MpPlan    *plan,
            GPtrArray *labels,
            GPtrArray *dues)
{
  GListModel *ms = G_LIST_MODEL (mp_plan_get_milestones (plan));

  for (guint i = 0; i < g_list_model_get_n_items (ms); i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, i);
      GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (m));

      g_ptr_array_add (labels, g_strdup_printf ("%u", i + 1));
      g_ptr_array_add (dues, mp_format_date (mp_milestone_get_due (m)));
      for (guint k = 0; k < g_list_model_get_n_items (tasks); k++)
        {
          g_autoptr(MpTask) t = g_list_model_get_item (tasks, k);

          g_ptr_array_add (labels, g_strdup_printf ("%u.%u", i + 1, k + 1));
          g_ptr_array_add (dues, mp_format_date (mp_task_get_due (t)));
        }
    }
}

/* A line of pdftotext -layout output that starts with the row's label
 * and shows its due date: the row's first line is on this page, whole. */
static gboolean
page_has_row (char       **lines,
              const char  *label,
              const char  *due)
{
  for (guint i = 0; lines[i]; i++)
    {
      const char *l = lines[i];

      while (*l == ' ')
        l++;
      if (g_str_has_prefix (l, label) && l[strlen (label)] == ' ' && (*due == '\0' || strstr (l, due)))
        return TRUE;
    }
  return FALSE;
}

static void
test_milestones_120 (void)
{
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (120);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) dues = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *pdftotext = NULL;

  table_rows (plan, labels, dues);
  g_assert_cmpuint (labels->len, >, 120);

  for (MpPaper paper = MP_PAPER_A4; paper <= MP_PAPER_LETTER; paper++)
    {
      g_autoptr(MpPrintJob) job = mp_print_job_new (plan);
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("mp-print-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
      guint n, next_row = 0;
      double w, h;

      mp_paper_get_size (paper, &w, &h);
      mp_print_job_set_paper (job, paper);
      mp_print_job_set_sections (job, MP_PRINT_MILESTONES);
      n = mp_print_job_paginate (job);
      g_assert_cmpuint (mp_print_job_get_n_table_rows (job), ==, labels->len);
      assert_pages_sane (job, w, h);
      g_assert_cmpuint (n, >=, 5);

      /* Whole rows, each on one page, in order, none left out. */
      for (guint i = 0; i < n; i++)
        {
          const MpPrintPage *p = mp_print_job_get_page (job, i);

          g_assert_cmpint (p->section, ==, MP_PRINT_MILESTONES);
          g_assert_cmpuint (p->n_rows, >, i + 1 < n ? 10 : 0);
          g_assert_cmpuint (p->first_row, ==, next_row);
          next_row += p->n_rows;
        }
      g_assert_cmpuint (next_row, ==, labels->len);
      assert_page_draws (job, 0);
      assert_page_draws (job, n - 1);

      pdf = mp_print_job_to_pdf (job, &error);
      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
      g_clear_pointer (&pdftotext, g_free);
      pdftotext = g_find_program_in_path ("pdftotext");
      if (pdftotext == NULL)
        {
          g_test_message ("pdftotext is not installed: the PDF is not read back");
        }
      else
        for (guint i = 0; i < n; i++)
          {
            const MpPrintPage *p = mp_print_job_get_page (job, i);
            g_autofree char *text = pdftotext_page (path, i + 1, TRUE);
            g_auto(GStrv) lines = NULL;
            g_autofree char *count = g_strdup_printf ("Page %u of %u", i + 1, n);

            g_assert_nonnull (text);
            /* The header on every page, and the page number. */
            g_assert_nonnull (strstr (text, "Milestone"));
            g_assert_nonnull (strstr (text, "Responsible"));
            g_assert_nonnull (strstr (text, "Seller"));
            g_assert_nonnull (strstr (text, "Customer"));
            g_assert_nonnull (strstr (text, "Status"));
            g_assert_nonnull (strstr (text, count));
            lines = g_strsplit (text, "\n", -1);
            for (guint r = 0; r < labels->len; r++)
              {
                gboolean here = r >= p->first_row && r < p->first_row + p->n_rows;

                if (here && !page_has_row (lines, g_ptr_array_index (labels, r), g_ptr_array_index (dues, r)))
                  g_error ("page %u: row %s (due %s) is not there whole", i + 1,
                           (char *) g_ptr_array_index (labels, r), (char *) g_ptr_array_index (dues, r));
                if (!here && *(char *) g_ptr_array_index (dues, r) &&
                    page_has_row (lines, g_ptr_array_index (labels, r), g_ptr_array_index (dues, r)))
                  g_error ("page %u: row %s belongs to another page", i + 1, (char *) g_ptr_array_index (labels, r));
              }
          }
      g_unlink (path);
      g_rmdir (dir);
    }
}

static void
test_timeline_120 (void)
{
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (120);
  g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (plan);
  guint n_rows = mp_timeline_layout_get_n_rows (layout);

  for (guint wide = 1; wide <= 3; wide++)
    {
      g_autoptr(MpPrintJob) job = mp_print_job_new (plan);
      guint n, next_row = 0;
      MpDate band_first = MP_DATE_NONE, prev_last = MP_DATE_NONE;
      double w, h;

      mp_paper_get_size (MP_PAPER_A4, &w, &h);
      mp_print_job_set_sections (job, MP_PRINT_TIMELINE);
      mp_print_job_set_timeline_pages_wide (job, wide);
      n = mp_print_job_paginate (job);
      assert_pages_sane (job, w, h);
      g_assert_cmpuint (n % wide, ==, 0);
      for (guint i = 0; i < n; i++)
        {
          const MpPrintPage *p = mp_print_job_get_page (job, i);

          g_assert_true (p->landscape);
          /* Legible rows: a page holds a good many, the last band the rest. */
          g_assert_true (p->n_rows >= 15 || p->first_row + p->n_rows == n_rows);
          if (i % wide == 0)
            {
              /* A new band of rows, from the first day again. */
              g_assert_cmpuint (p->first_row, ==, next_row);
              next_row += p->n_rows;
              if (i == 0)
                band_first = p->first_date;
              g_assert_cmpuint (p->first_date, ==, band_first);
            }
          else
            {
              /* The same rows, the next days. */
              g_assert_cmpuint (p->first_row, ==, mp_print_job_get_page (job, i - 1)->first_row);
              g_assert_cmpuint (p->first_date, ==, prev_last + 1);
            }
          prev_last = p->last_date;
        }
      g_assert_cmpuint (next_row, ==, n_rows);
      assert_page_draws (job, n - 1);
    }
}

/* Text longer than anyone writes still fits: cells end in "…", a
 * paragraph taller than a page goes on over pages. */
static void
test_long_text (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(MpMilestone) m = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_milestones (plan)), 0);
  g_autoptr(MpPrintJob) job = NULL;
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) summary = g_string_new (NULL);
  guint n, n_overview = 0;
  double w, h;

  for (guint i = 0; i < 300; i++)
    g_string_append (title, "Verlängerung ");
  for (guint i = 0; i < 1200; i++)
    g_string_append (summary, "Der Geschäftsführung liegt an messbaren Ergebnissen. ");
  mp_milestone_set_title (m, title->str);
  mp_plan_set_summary (plan, summary->str);

  job = mp_print_job_new (plan);
  mp_print_job_set_sections (job, MP_PRINT_OVERVIEW | MP_PRINT_MILESTONES);
  n = mp_print_job_paginate (job);
  mp_paper_get_size (MP_PAPER_A4, &w, &h);
  assert_pages_sane (job, w, h);
  for (guint i = 0; i < n; i++)
    {
      if (mp_print_job_get_page (job, i)->section == MP_PRINT_OVERVIEW)
        n_overview++;
      assert_page_draws (job, i);
    }
  g_assert_cmpuint (n_overview, >=, 3);
}

/* The longest text a plan file may hold (65,534 characters) without a
 * space, as title of the plan and of a milestone, as its description
 * and the plan's summary: every page is laid out and drawn (issue 16: a
 * 100 KB unbroken title took 38 s, 50 MB more than 90 s and 5 GB). No
 * time is asserted; the test's timeout is the bound against a hang. */
static void
test_long_unbroken_text (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(MpMilestone) m = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_milestones (plan)), 0);
  g_autoptr(MpPrintJob) job = NULL;
  g_autofree char *text = g_strnfill (65534, 'W');
  guint n;
  double w, h;

  mp_plan_set_title (plan, text);
  mp_plan_set_summary (plan, text);
  mp_milestone_set_title (m, text);
  mp_milestone_set_description (m, text);
  job = mp_print_job_new (plan);
  mp_print_job_set_sections (job, MP_PRINT_OVERVIEW | MP_PRINT_MILESTONES);
  n = mp_print_job_paginate (job);
  g_assert_cmpuint (n, >, 0);
  mp_paper_get_size (MP_PAPER_A4, &w, &h);
  assert_pages_sane (job, w, h);
  for (guint i = 0; i < n; i++)
    assert_page_draws (job, i);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("MUTUALPLAN_TODAY", "2027-03-01", TRUE);

  g_test_add_func ("/print/sections-and-paper", test_sections_and_paper);
  g_test_add_func ("/print/fixtures", test_fixtures);
  g_test_add_func ("/print/milestones-120", test_milestones_120);
  g_test_add_func ("/print/timeline-120", test_timeline_120);
  g_test_add_func ("/print/long-text", test_long_text);
  g_test_add_func ("/print/long-unbroken-text", test_long_unbroken_text);
  return g_test_run ();
}
