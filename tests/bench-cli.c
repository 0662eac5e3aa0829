/* bench-cli.c: the headless commands as a user runs them, on plans of
 * 500, 5,000, 20,000 and 50,000 milestones (2 tasks each,
 * tests/mp-plan-generator.c) and on a 20,000-milestone dependency chain
 * (every milestone waits for the one before): --report, --export-pdf
 * (every section, --timeline-pages-wide=4), --export-ics and
 * --export-invitations, wall time and the child's peak memory (wait4).
 * Then --export-ics of 5,000 milestones whole-process against its two
 * references in the same run, interleaved: libical alone building the
 * same events (bench-ical-libical.c) and python3-icalendar doing the
 * same (bench-ical-python.py).
 *
 * Prints figures and the ratios of the targets of issue 12, asserts
 * nothing about time (`meson test --benchmark`, scripts/bench).
 *   bench-cli [SIZE…] [chain]   only those plans
 * $MUTUALPLAN is the program measured (another build can be measured with
 * the same benchmark); a command running longer than
 * MUTUALPLAN_BENCH_LIMIT seconds (default 900) is stopped and shown as
 * "> limit".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mp-model.h"
#include "mp-plan-generator.h"
#include "mp-plan-io.h"

/* A plan file holds at most 100,000 tasks (docs/file-format.md): with 2
 * per milestone, 50,000 milestones is the largest plan of this shape
 * that loads, and every size has the same shape. */
#define TASKS_PER_MILESTONE 2

enum { REPORT, PDF, ICS, INVITATIONS, N_COMMANDS };
static const char *const command_names[N_COMMANDS] = {
  "--report", "--export-pdf", "--export-ics", "--export-invitations",
};

typedef struct {
  guint    n;
  gboolean chain;
  double   ms[N_COMMANDS];   /* < 0: stopped at the limit */
  double   cpu[N_COMMANDS];  /* user + system ms */
  double   mib[N_COMMANDS];
} Row;

static double limit_s = 900;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Runs argv with stdout to /dev/null; wall ms (-1 when stopped at the
 * limit), CPU ms (user and system) and peak RSS in MiB. */
static gboolean
run_child (const char *const *argv,
           double            *wall_ms,
           double            *cpu_ms,
           double            *peak_mib)
{
  double t0 = now_ms ();
  pid_t pid = fork ();
  int status;
  struct rusage ru;
  gboolean stopped = FALSE;

  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);
      dup2 (null, 1);
      execv (argv[0], (char **) argv);
      _exit (127);
    }
  if (pid < 0)
    return FALSE;
  for (;;)
    {
      pid_t r = wait4 (pid, &status, WNOHANG, &ru);

      if (r == pid)
        break;
      if (r < 0)
        return FALSE;
      if (!stopped && now_ms () - t0 > limit_s * 1000)
        {
          kill (pid, SIGKILL);
          stopped = TRUE;
        }
      g_usleep (2000);
    }
  *wall_ms = stopped ? -1 : now_ms () - t0;
  *peak_mib = ru.ru_maxrss / 1024.0;
  if (cpu_ms != NULL)
    *cpu_ms = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 +
              (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
  return stopped || (WIFEXITED (status) && WEXITSTATUS (status) == 0);
}

static char *
plan_file (const char *dir,
           guint       n,
           gboolean    chain)
{
  MpPlanGeneratorOptions o;
  g_autoptr(MpPlan) plan = NULL;
  g_autofree char *name = g_strdup_printf ("%s-%u.mplan", chain ? "chain" : "plan", n);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  mp_plan_generator_options_init (&o, n);
  o.tasks_per_milestone = TASKS_PER_MILESTONE;
  o.chain = chain;
  plan = mp_plan_generator_generate (&o);
  if (!mp_plan_save_to_file (plan, file, FALSE, NULL, &error))
    g_error ("%s", error->message);
  return path;
}

static void
remove_tree (const char *path)
{
  GDir *d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (path, name, NULL);
      if (g_file_test (p, G_FILE_TEST_IS_DIR))
        remove_tree (p);
      else
        g_unlink (p);
    }
  if (d != NULL)
    g_dir_close (d);
  g_rmdir (path);
}

static void
print_time (double ms)
{
  if (ms < 0)
    printf (" %12s", "> limit");
  else
    printf (" %12.0f", ms);
}

static void
measure (const char *bin,
         const char *dir,
         Row        *row)
{
  g_autofree char *path = plan_file (dir, row->n, row->chain);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *ics = g_build_filename (dir, "out.ics", NULL);
  g_autofree char *inv = g_build_filename (dir, "invitations", NULL);
  g_autofree char *pdf_arg = g_strconcat ("--export-pdf=", pdf, NULL);
  g_autofree char *ics_arg = g_strconcat ("--export-ics=", ics, NULL);
  g_autofree char *inv_arg = g_strconcat ("--export-invitations=", inv, NULL);
  const char *argv[N_COMMANDS][6] = {
    [REPORT] = { bin, "--report", path, NULL },
    [PDF] = { bin, pdf_arg, "--sections=overview,milestones,timeline,changes",
              "--timeline-pages-wide=4", path, NULL },
    [ICS] = { bin, ics_arg, path, NULL },
    [INVITATIONS] = { bin, inv_arg, path, NULL },
  };

  /* A child's peak memory starts from what this process holds. */
  malloc_trim (0);
  g_mkdir (inv, 0700);
  for (guint c = 0; c < N_COMMANDS; c++)
    if (!run_child (argv[c], &row->ms[c], &row->cpu[c], &row->mib[c]))
      g_error ("%s %s failed", command_names[c], path);
  printf ("  %7u%-6s", row->n, row->chain ? " chain" : "");
  for (guint c = 0; c < N_COMMANDS; c++)
    {
      print_time (row->ms[c]);
      printf (" %8.0f %8.0f", row->cpu[c], row->mib[c]);
    }
  printf ("\n");
  fflush (stdout);
  remove_tree (inv);
  g_unlink (pdf);
  g_unlink (ics);
  g_unlink (path);
}

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

/* --export-ics of 5,000 against libical alone and python3-icalendar. */
static void
compare_ics (const char *bin,
             const char *dir)
{
  g_autofree char *path = plan_file (dir, 5000, FALSE);
  g_autofree char *ics = g_build_filename (dir, "ours.ics", NULL);
  g_autofree char *out = g_build_filename (dir, "ref.ics", NULL);
  g_autofree char *ics_arg = g_strconcat ("--export-ics=", ics, NULL);
  g_autofree char *libical = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "bench-ical-libical", NULL);
  g_autofree char *script = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "bench-ical-python.py", NULL);
  const char *ours[] = { bin, ics_arg, path, NULL };
  const char *ref_c[] = { libical, ics, out, NULL };
  const char *ref_py[] = { "/usr/bin/python3", script, ics, out, NULL };
  double a[5], b[5], c[5], mib;

  malloc_trim (0);
  for (guint r = 0; r < G_N_ELEMENTS (a); r++)
    {
      if (!run_child (ours, &a[r], NULL, &mib) || !run_child (ref_c, &b[r], NULL, &mib) ||
          !run_child (ref_py, &c[r], NULL, &mib))
        g_error ("--export-ics or a reference failed");
    }
  printf ("# --export-ics of 5,000 milestones, whole process, median of 5 interleaved:\n");
  printf ("#   MutualPlan %.0f ms, libical alone %.0f ms, python3-icalendar %.0f ms\n",
          median (a, 5), median (b, 5), median (c, 5));
  printf ("#   ratio to libical %.2f (target <= 1.5): %s; python3-icalendar / MutualPlan %.1f (target >= 10): %s\n",
          median (a, 5) / median (b, 5), median (a, 5) / median (b, 5) <= 1.5 ? "met" : "MISSED",
          median (c, 5) / median (a, 5), median (c, 5) / median (a, 5) >= 10 ? "met" : "MISSED");
  g_unlink (ics);
  g_unlink (out);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  const char *bin = g_getenv ("MUTUALPLAN");
  const char *limit = g_getenv ("MUTUALPLAN_BENCH_LIMIT");
  g_autofree char *dir = g_dir_make_tmp ("mp-bench-cli-XXXXXX", NULL);
  Row rows[8] = { { 500 }, { 5000 }, { 20000 }, { 20000, TRUE }, { 50000 } };
  guint n_rows = 5;
  gboolean with_ics = TRUE;
  Row *r5k = NULL, *r20k = NULL, *chain = NULL, *r50k = NULL;

  if (bin == NULL)
    g_error ("MUTUALPLAN names the program to measure");
  if (limit != NULL && atof (limit) > 0)
    limit_s = atof (limit);
  g_setenv ("MUTUALPLAN_TODAY", "2027-06-01", TRUE);
  if (argc > 1)
    {
      n_rows = 0;
      with_ics = FALSE;
      for (int i = 1; i < argc && n_rows < G_N_ELEMENTS (rows); i++)
        {
          if (g_str_equal (argv[i], "chain"))
            rows[n_rows++] = (Row) { 20000, TRUE };
          else if (g_str_equal (argv[i], "ics"))
            with_ics = TRUE;
          else
            rows[n_rows++] = (Row) { (guint) atoi (argv[i]), FALSE };
        }
    }

  printf ("# the command line on generated plans: wall ms, CPU ms and peak MiB of the child\n");
  printf ("# %u tasks per milestone; --export-pdf with every section and --timeline-pages-wide=4\n",
          TASKS_PER_MILESTONE);
  printf ("# %11s", "");
  for (guint c = 0; c < N_COMMANDS; c++)
    printf (" %30s", command_names[c]);
  printf ("\n# %11s", "milestones");
  for (guint c = 0; c < N_COMMANDS; c++)
    printf (" %12s %8s %8s", "ms", "CPU ms", "peak MiB");
  printf ("\n");
  for (guint i = 0; i < n_rows; i++)
    {
      measure (bin, dir, &rows[i]);
      if (rows[i].chain)
        chain = &rows[i];
      else if (rows[i].n == 5000)
        r5k = &rows[i];
      else if (rows[i].n == 20000)
        r20k = &rows[i];
      else if (rows[i].n == 50000)
        r50k = &rows[i];
    }

  for (guint c = 0; c < N_COMMANDS; c++)
    {
      if (r5k != NULL && r50k != NULL && r5k->ms[c] > 0 && r50k->ms[c] > 0)
        printf ("# %s: 50,000 / 5,000 = %.1f (target <= 12): %s; 50,000 in %.1f s%s\n",
                command_names[c], r50k->ms[c] / r5k->ms[c],
                r50k->ms[c] / r5k->ms[c] <= 12 ? "met" : "MISSED", r50k->ms[c] / 1000,
                c == REPORT || c == PDF ? (r50k->ms[c] < 10000 ? " (target < 10 s): met"
                                                               : " (target < 10 s): MISSED") : "");
      if (chain != NULL && r20k != NULL && chain->ms[c] > 0 && r20k->ms[c] > 0)
        printf ("# %s: the 20,000 chain / a 20,000 plan = %.2f\n",
                command_names[c], chain->ms[c] / r20k->ms[c]);
    }
  fflush (stdout);

  if (with_ics)
    compare_ics (bin, dir);
  remove_tree (dir);
  return 0;
}
