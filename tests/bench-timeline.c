/* bench-timeline.c: the cost of a timeline frame for plans of 500, 5,000
 * and 50,000 milestones (3 tasks each). Run with `meson test --benchmark`
 * (or `meson benchmark`); prints figures, asserts nothing about time.
 *
 * Each frame is 1280 × 800 with a label column, scrolled to the middle of
 * the plan at a weeks zoom with the baseline shown: what a user sees.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "mp-model.h"
#include "mp-plan-generator.h"
#include "mp-timeline-layout.h"
#include "mp-timeline-render.h"

#define FRAMES 60

typedef struct {
  guint             n;
  MpPlan           *plan;
  MpTimelineLayout *layout;
  MpBaseline       *baseline;
  MpTimelineView    view;
  double            generate_ms;
  double            layout_ms;
  double            wall[FRAMES];
  double            cpu[FRAMES];
} Case;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values)
{
  qsort (values, FRAMES, sizeof (double), compare_doubles);
  return values[FRAMES / 2];
}

/* CPU time of this thread: what a frame costs, whatever else the
 * machine runs at the same time. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
setup (Case  *c,
       guint  n)
{
  guint middle = n / 2;
  MpMilestone *m;
  gint64 t0;

  c->n = n;
  t0 = g_get_monotonic_time ();
  c->plan = mp_plan_generator_generate_n (n);
  c->generate_ms = (g_get_monotonic_time () - t0) / 1000.0;

  t0 = g_get_monotonic_time ();
  c->layout = mp_timeline_layout_new (c->plan);
  c->layout_ms = (g_get_monotonic_time () - t0) / 1000.0;

  c->baseline = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_baselines (c->plan)), 0);
  mp_timeline_view_init (&c->view, 1280, 800);
  c->view.label_width = 260;
  c->view.baseline = c->baseline;
  c->view.selected = (int) middle;
  m = mp_timeline_layout_get_milestone (c->layout, middle);
  c->view.today = mp_milestone_get_due (m);
  c->view.scale = mp_scale_init (mp_milestone_get_due (m) - 60, 7.0);
  c->view.scroll_y = (double) mp_timeline_layout_get_milestone_row (c->layout, middle) *
                     mp_timeline_view_get_row_height (&c->view) - 300;
}

static void
frame (Case    *c,
       cairo_t *cr,
       guint    i)
{
  gint64 t0;
  double c0;

  /* Scroll a little each frame, as a user would. */
  c->view.scroll_y += 3;
  mp_scale_scroll_by (&c->view.scale, 2);
  c0 = cpu_ms ();
  t0 = g_get_monotonic_time ();
  mp_timeline_render (cr, c->layout, &c->view);
  cairo_surface_flush (cairo_get_target (cr));
  c->wall[i] = (g_get_monotonic_time () - t0) / 1000.0;
  c->cpu[i] = cpu_ms () - c0;
}

int
main (int   argc,
      char *argv[])
{
  const guint sizes[] = { 500, 5000, 50000 };
  Case cases[G_N_ELEMENTS (sizes)];
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);
  cairo_t *cr = cairo_create (surface);
  double cpu[G_N_ELEMENTS (sizes)];

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      setup (&cases[k], sizes[k]);
      /* A first frame indexes the baseline and warms the font caches. */
      mp_timeline_render (cr, cases[k].layout, &cases[k].view);
    }
  /* Round robin: a busy moment of the machine hits every size alike. */
  for (guint i = 0; i < FRAMES; i++)
    for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
      frame (&cases[k], cr, i);

  printf ("# timeline frame, 1280x800 with labels, weeks zoom, baseline shown;\n"
          "# median of %d frames, CPU time of the drawing thread and wall time\n", FRAMES);
  printf ("# %10s %12s %10s %13s %14s\n", "milestones", "generate ms", "layout ms",
          "frame CPU ms", "frame wall ms");
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      cpu[k] = median (cases[k].cpu);
      printf ("  %10u %12.1f %10.2f %13.3f %14.3f\n", cases[k].n, cases[k].generate_ms,
              cases[k].layout_ms, cpu[k], median (cases[k].wall));
      g_object_unref (cases[k].baseline);
      g_object_unref (cases[k].layout);
      g_object_unref (cases[k].plan);
    }
  printf ("frame 50000 / frame 500 = %.2f (CPU time; target <= 1.5)\n", cpu[2] / cpu[0]);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
