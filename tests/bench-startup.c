/* bench-startup.c: start-up to the first frame, MutualPlan on its sample
 * plan against a minimal GTK window, in the same run (alternating, so a
 * busy moment of the machine hits both alike). Needs a display: run
 * under xvfb-run (scripts/bench does). Prints figures, asserts no time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>

#define RUNS 9

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Milliseconds from spawning @program to its "first-frame" line. */
static double
first_frame_ms (const char *program)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr(GSubprocess) proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, program, NULL);
  g_autoptr(GDataInputStream) in = NULL;
  g_autofree char *line = NULL;
  double ms;

  if (proc == NULL)
    g_error ("%s: %s", program, error->message);
  in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  line = g_data_input_stream_read_line (in, NULL, NULL, &error);
  ms = (g_get_monotonic_time () - t0) / 1000.0;
  if (g_strcmp0 (line, "first-frame") != 0)
    g_error ("%s did not paint a frame", program);
  g_subprocess_wait (proc, NULL, NULL);
  return ms;
}

int
main (int   argc,
      char *argv[])
{
  double app[RUNS], minimal[RUNS];
  const char *dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *app_path = g_build_filename (dir ? dir : ".", "bench-startup-app", NULL);
  g_autofree char *minimal_path = g_build_filename (dir ? dir : ".", "bench-startup-minimal", NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("# start-up: no display; run under xvfb-run (scripts/bench does)\n");
      return 77;
    }
  /* One warm-up run each: the first start reads everything from disk. */
  first_frame_ms (minimal_path);
  first_frame_ms (app_path);
  for (guint i = 0; i < RUNS; i++)
    {
      minimal[i] = first_frame_ms (minimal_path);
      app[i] = first_frame_ms (app_path);
    }
  qsort (app, RUNS, sizeof (double), compare_doubles);
  qsort (minimal, RUNS, sizeof (double), compare_doubles);
  printf ("# start-up to the first frame, median of %d, spawn to painted frame\n", RUNS);
  printf ("  minimal GTK window %8.1f ms\n", minimal[RUNS / 2]);
  printf ("  MutualPlan (sample plan) %8.1f ms\n", app[RUNS / 2]);
  printf ("app / minimal = %.2f (target <= 1.3)\n", app[RUNS / 2] / minimal[RUNS / 2]);
  return 0;
}
