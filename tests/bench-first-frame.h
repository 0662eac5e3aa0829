/* bench-first-frame.h: for the start-up benchmark (bench-startup.c)
 *
 * Prints "first-frame" on stdout and exits as soon as the first window
 * of @app has painted its first frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

static void
bench_on_after_paint (GdkFrameClock *clock,
                      gpointer       data)
{
  fputs ("first-frame\n", stdout);
  fflush (stdout);
  _exit (0);
}

static void
bench_on_map (GtkWidget *window,
              gpointer   data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (bench_on_after_paint), NULL);
}

static void
bench_on_window_added (GtkApplication *app,
                       GtkWindow      *window,
                       gpointer        data)
{
  g_signal_connect (window, "map", G_CALLBACK (bench_on_map), NULL);
}

static inline void
bench_exit_after_first_frame (GtkApplication *app)
{
  g_signal_connect (app, "window-added", G_CALLBACK (bench_on_window_added), NULL);
}
