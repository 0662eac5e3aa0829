/* bench-plan.c: load, save, --check, --export-ics and --export-pdf on plans
 * of 500, 5,000 and 50,000 milestones (3 tasks each, tests/mp-plan-generator.c;
 * 2 each at 50,000: a plan file holds at most 100,000 tasks).
 * Run with `meson test -C BUILD --benchmark` (scripts/bench runs everything);
 * prints figures and ratios against the targets, asserts nothing about time.
 *
 * - load: mp_plan_load_from_data() against json-glib's bare parse of the
 *   same bytes (json_parser_load_from_data(), the floor), each timed until
 *   its result is there (freeing it is not timed), median of runs;
 * - save: mp_plan_save_to_file() (bytes, temporary file, fsync, rename);
 * - --check, --export-ics (whole file), --export-pdf (500 only): the
 *   command line ($MUTUALPLAN) as a user runs it, wall time and peak
 *   resident memory of the child (wait4), against 10 × file size + 40 MiB;
 *   the children are started while this process holds little memory, as
 *   ru_maxrss counts what a child inherited before exec;
 * - health: mp_plan_get_health () after one due date changed (worked
 *   out) and asked again with no change (shared), median of runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <malloc.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mp-health.h"
#include "mp-model.h"
#include "mp-plan-generator.h"
#include "mp-plan-io.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *v,
        guint   n)
{
  qsort (v, n, sizeof (double), compare_doubles);
  return v[n / 2];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Runs argv with stdout to /dev/null; wall ms and peak RSS in MiB. */
static gboolean
run_child (const char *const *argv,
           double            *wall_ms,
           double            *peak_mib)
{
  double t0 = now_ms ();
  pid_t pid = fork ();
  int status;
  struct rusage ru;

  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);
      dup2 (null, 1);
      execv (argv[0], (char **) argv);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &ru) != pid)
    return FALSE;
  *wall_ms = now_ms () - t0;
  *peak_mib = ru.ru_maxrss / 1024.0;
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

int
main (int   argc,
      char *argv[])
{
  const guint sizes[] = { 500, 5000, 50000 };
  const char *bin = g_getenv ("MUTUALPLAN");
  g_autofree char *dir = g_dir_make_tmp ("mp-bench-XXXXXX", NULL);

  g_setenv ("MUTUALPLAN_TODAY", "2027-06-01", TRUE);
  printf ("# plans of 500, 5,000 and 50,000 milestones with 3 tasks each (2 at 50,000)\n");
  printf ("# %10s %9s %12s %12s %7s %9s %10s %10s %12s %10s %12s\n",
          "milestones", "file MiB", "json-glib ms", "loader ms", "ratio", "save ms",
          "--check ms", "check MiB", "limit MiB", "--ics ms", "--pdf ms");

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr(MpPlan) plan = NULL;
      g_autofree char *name = g_strdup_printf ("plan-%u.mplan", sizes[k]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *ics = g_build_filename (dir, "out.ics", NULL);
      g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
      g_autofree char *ics_arg = g_strconcat ("--export-ics=", ics, NULL);
      g_autofree char *pdf_arg = g_strconcat ("--export-pdf=", pdf, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      gsize len;
      guint runs = sizes[k] >= 50000 ? 3 : 7;
      double parse[7], load[7], save[7], health[7], shared[7];
      MpPlanGeneratorOptions options;
      double check_ms = 0, check_mib = 0, ics_ms = 0, ics_mib = 0, pdf_ms = -1, pdf_mib = 0;
      double file_mib, limit;
      char pdf_text[32] = "-";

      mp_plan_generator_options_init (&options, sizes[k]);
      /* A plan file holds at most 100,000 tasks (docs/file-format.md). */
      options.tasks_per_milestone = MIN (3, 100000 / sizes[k]);
      plan = mp_plan_generator_generate (&options);
      for (guint r = 0; r < runs; r++)
        {
          double t0 = now_ms ();
          if (!mp_plan_save_to_file (plan, file, FALSE, NULL, &error))
            g_error ("%s", error->message);
          save[r] = now_ms () - t0;
        }
      /* A child's peak memory (ru_maxrss) starts from what this process
       * holds when it forks: let go of the plan first. */
      g_clear_object (&plan);
      malloc_trim (0);
      if (bin != NULL)
        {
          const char *check[] = { bin, "--check", path, NULL };
          const char *export_ics[] = { bin, ics_arg, path, NULL };
          const char *export_pdf[] = { bin, pdf_arg, path, NULL };

          if (!run_child (check, &check_ms, &check_mib))
            g_error ("--check %s failed", path);
          if (!run_child (export_ics, &ics_ms, &ics_mib))
            g_error ("--export-ics failed");
          if (sizes[k] == 500 && !run_child (export_pdf, &pdf_ms, &pdf_mib))
            g_error ("--export-pdf failed");
        }

      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      file_mib = len / (1024.0 * 1024.0);

      for (guint r = 0; r < runs; r++)
        {
          /* Each timed until its result is there; freeing it is not timed. */
          JsonParser *parser = json_parser_new_immutable ();
          MpPlan *loaded;
          double t0 = now_ms ();

          if (!json_parser_load_from_data (parser, data, len, &error))
            g_error ("%s", error->message);
          parse[r] = now_ms () - t0;
          g_object_unref (parser);

          t0 = now_ms ();
          loaded = mp_plan_load_from_data (data, len, name, &error);
          if (loaded == NULL)
            g_error ("%s", error->message);
          load[r] = now_ms () - t0;
          g_object_unref (loaded);
        }

      /* The shared health (mp_plan_get_health): worked out after a
       * change, then handed out again while nothing changes. */
      {
        g_autoptr(MpPlan) loaded = mp_plan_load_from_data (data, len, name, &error);
        MpDate today = mp_date_from_ymd (2027, 6, 1);
        g_autoptr(MpMilestone) m = NULL;
        double t0;

        if (loaded == NULL)
          g_error ("%s", error->message);
        m = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_milestones (loaded)), sizes[k] / 2);
        for (guint r = 0; r < runs; r++)
          {
            MpPlanHealth *h;

            mp_milestone_set_due (m, mp_milestone_get_due (m) + (r % 2 ? 1 : -1));
            t0 = now_ms ();
            h = mp_plan_get_health (loaded, today, NULL);
            health[r] = now_ms () - t0;
            mp_plan_health_free (h);
            t0 = now_ms ();
            h = mp_plan_get_health (loaded, today, NULL);
            shared[r] = now_ms () - t0;
            mp_plan_health_free (h);
          }
      }

      limit = 10 * file_mib + 40;
      if (pdf_ms >= 0)
        g_snprintf (pdf_text, sizeof pdf_text, "%.1f", pdf_ms);
      printf ("  %10u %9.2f %12.1f %12.1f %7.2f %9.1f %10.1f %10.1f %12.1f %10.1f %12s\n",
              sizes[k], file_mib, median (parse, runs), median (load, runs),
              median (load, runs) / median (parse, runs), median (save, runs),
              check_ms, check_mib, limit, ics_ms,
              pdf_text);
      printf ("# %u: load/parse %.2f (target <= 1.5): %s; --check peak %.1f MiB of %.1f allowed: %s;"
              " --export-ics peak %.1f MiB; health after a change %.1f ms, shared %.3f ms\n",
              sizes[k], median (load, runs) / median (parse, runs),
              median (load, runs) / median (parse, runs) <= 1.5 ? "met" : "MISSED",
              check_mib, limit, check_mib <= limit ? "met" : "MISSED", ics_mib,
              median (health, runs), median (shared, runs));
      g_unlink (path);
      g_unlink (ics);
      g_unlink (pdf);
    }
  g_rmdir (dir);
  return 0;
}
