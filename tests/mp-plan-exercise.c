/* mp-plan-exercise.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-plan-exercise.h"

#include <cairo.h>

#include "mp-health.h"
#include "mp-ical.h"
#include "mp-plan-io.h"
#include "mp-print.h"
#include "mp-problem.h"
#include "mp-report.h"
#include "mp-timeline-render.h"

static void
exercise_save (MpPlan *plan)
{
  g_autoptr(GBytes) bytes = mp_plan_to_bytes (plan);
  gsize len;
  const char *text = g_bytes_get_data (bytes, &len);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) again = mp_plan_load_from_data (text, len, "saved.mplan", &error);
  g_autoptr(GBytes) again_bytes = NULL;

  if (again == NULL)
    g_error ("a loaded plan saved to bytes that do not load: %s", error->message);
  again_bytes = mp_plan_to_bytes (again);
  g_assert_true (g_bytes_equal (bytes, again_bytes));
}

static void
exercise_ical (MpPlan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 20, 9, 0, 0);
  MpIcalOptions options;
  g_autofree char *ics = NULL;
  g_autoptr(GPtrArray) invitations = NULL;
  g_auto(GStrv) warnings = NULL;

  mp_ical_options_init (&options);
  options.now = now;
  ics = mp_ical_export_plan (plan, &options, &error);
  g_assert_true ((ics != NULL) != (error != NULL));
  g_clear_error (&error);
  invitations = mp_ical_build_invitations (plan, &options, &warnings, &error);
  g_assert_true ((invitations != NULL) != (error != NULL));
}

static void
exercise_timeline (MpPlan *plan)
{
  g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (plan);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 320, 160);
  cairo_t *cr = cairo_create (surface);
  MpTimelineView view;
  MpTimelineHit hit;
  g_autoptr(GArray) tiles = NULL;

  mp_timeline_view_init (&view, 320, 160);
  view.label_width = 80;
  view.selected = mp_timeline_layout_get_n_milestones (layout) > 0 ? 0 : -1;
  mp_timeline_zoom_to_fit (layout, &view);
  mp_timeline_render (cr, layout, &view);
  (void) mp_timeline_hit_test (layout, &view, 160, 80, &hit);

  /* Printed pages: the chart cut into tiles, as the PDF export does. */
  view.resolution = 72;
  tiles = mp_timeline_paginate (layout, &view, 300, 150, 2);
  for (guint i = 0; i < tiles->len && i < 4; i++)
    mp_timeline_render_tile (cr, layout, &view, &g_array_index (tiles, MpTimelineTile, i),
                             0, 0, 300, 150);
  (void) mp_timeline_render_legend (cr, &view, 0, 0, 300);

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The printed pages (File → Print, --export-pdf): every page of a short
 * print-out, the first and last ones of a long one, drawn at a quarter
 * of their size on an image surface; a short one also as a PDF. */
static void
exercise_print (MpPlan *plan)
{
  g_autoptr(MpPrintJob) job = mp_print_job_new (plan);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 220, 220);
  cairo_t *cr = cairo_create (surface);
  guint n;

  mp_print_job_set_sections (job, MP_PRINT_SECTIONS_ALL);
  n = mp_print_job_paginate (job);

  g_assert_cmpuint (n, >=, 1);
  cairo_scale (cr, 0.25, 0.25);
  for (guint i = 0; i < n; i++)
    if (i < 3 || i + 3 >= n)
      mp_print_job_draw_page (job, cr, i);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if (n <= 3)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = mp_print_job_to_pdf (job, &error);

      g_assert_no_error (error);
      g_assert_nonnull (pdf);
    }
}

void
mp_plan_exercise (MpPlan *plan)
{
  MpDate today = mp_date_today ();

  exercise_save (plan);
  {
    g_autoptr(GListStore) problems = mp_plan_check (plan, today);
    g_autoptr(MpPlanHealth) health = mp_plan_health_new (plan, today, NULL, 0);
    g_autofree char *report = mp_report_build (plan, today, MP_DATE_NONE, NULL, MP_REPORT_MARKDOWN);

    g_assert_nonnull (report);
  }
  exercise_ical (plan);
  exercise_timeline (plan);
  exercise_print (plan);
}
