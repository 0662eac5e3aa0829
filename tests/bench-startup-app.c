/* bench-startup-app.c: MutualPlan as src/main.c starts it (no file: the
 * sample plan), exiting after the first frame of its window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <unistd.h>

#include "bench-first-frame.h"
#include "mp-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MpApplication) app = NULL;

  setlocale (LC_ALL, "");
  g_set_prgname ("mutualplan");
  app = mp_application_new ();
  bench_exit_after_first_frame (GTK_APPLICATION (app));
  return g_application_run (G_APPLICATION (app), argc, argv);
}
