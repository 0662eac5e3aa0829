/* mp-generate-plan.c: writes a generated plan to a file, for the scale
 * tests and the benchmarks of the command line.
 *
 *   mp-generate-plan [--chain] [--tasks=N] N FILE
 *
 * N milestones from tests/mp-plan-generator.c (seed 1) with 3 tasks each
 * (--tasks: another number); --chain makes every milestone wait for the
 * one before it (one chain of N).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mp-plan-generator.h"
#include "mp-plan-io.h"

int
main (int   argc,
      char *argv[])
{
  MpPlanGeneratorOptions o;
  g_autoptr(MpPlan) plan = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean chain = FALSE;
  int i = 1;
  guint64 n;

  guint64 tasks = 3;

  for (; i < argc && g_str_has_prefix (argv[i], "--"); i++)
    {
      if (strcmp (argv[i], "--chain") == 0)
        chain = TRUE;
      else if (!g_str_has_prefix (argv[i], "--tasks=") ||
               !g_ascii_string_to_unsigned (argv[i] + 8, 10, 0, 100, &tasks, NULL))
        break;
    }
  if (argc != i + 2 || !g_ascii_string_to_unsigned (argv[i], 10, 1, 2000000, &n, NULL))
    {
      fprintf (stderr, "usage: %s [--chain] [--tasks=N] N FILE\n", argv[0]);
      return 2;
    }
  mp_plan_generator_options_init (&o, (guint) n);
  o.tasks_per_milestone = (guint) tasks;
  o.chain = chain;
  plan = mp_plan_generator_generate (&o);
  file = g_file_new_for_commandline_arg (argv[i + 1]);
  if (!mp_plan_save_to_file (plan, file, FALSE, NULL, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[i + 1], error->message);
      return 1;
    }
  return 0;
}
