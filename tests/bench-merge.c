/* bench-merge.c: merging two copies of a 5,000-milestone plan with 500
 * changes on each side (issue 18: under a second on the build machines).
 *
 * The base comes from tests/mp-plan-generator.c; each side is a copy
 * edited through MpDocument as the app edits (due dates moved, titles,
 * notes, owners, statuses, tasks done, milestones added, removed and
 * moved), with some changes on the same milestones on both sides.
 * Figures: mp_merge_new () (the comparison), mp_merge_apply () (the
 * changes through the document, checked on a copy first), and
 * `mutualplan --merge BASE OURS THEIRS -o OUT` as a user runs it (three
 * files loaded, merged, checked and written). Prints medians and the
 * ratio to the target; asserts nothing about time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#include "mp-document.h"
#include "mp-merge.h"
#include "mp-model.h"
#include "mp-plan-generator.h"
#include "mp-plan-io.h"

#define N_MILESTONES 5000
#define N_CHANGES    500
#define RUNS         5
#define TARGET_MS    1000.0

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *v)
{
  qsort (v, RUNS, sizeof (double), compare_doubles);
  return v[RUNS / 2];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of this process: on a shared, loaded machine the wall clock
 * mostly measures the others. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static MpPlan *
copy_plan (MpPlan *plan)
{
  return MP_PLAN (mp_record_copy (MP_RECORD (plan)));
}

/* @n changes through a document, from @seed; milestones from @first on
 * (so that the two sides overlap only partly). */
static MpPlan *
edit (MpPlan *base,
      guint32 seed,
      guint   first)
{
  MpPlan *plan = copy_plan (base);
  g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GListStore *ms = mp_plan_get_milestones (plan);

  for (guint i = 0; i < N_CHANGES; i++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (ms));
      guint pos = (first + g_rand_int_range (rand, 0, n / 2)) % n;
      g_autoptr(MpMilestone) m = g_list_model_get_item (G_LIST_MODEL (ms), pos);
      MpRecord *r = MP_RECORD (m);

      switch (i % 10)
        {
        case 0: case 1: case 2:
          mp_document_set_date (doc, r, MP_MILESTONE_DUE, mp_milestone_get_due (m) + 1 + g_rand_int_range (rand, 0, 10));
          break;
        case 3:
          {
            g_autofree char *title = g_strdup_printf ("%s (%u)", mp_milestone_get_title (m), seed);
            mp_document_set_string (doc, r, MP_MILESTONE_TITLE, title);
          }
          break;
        case 4:
          mp_document_set_string (doc, r, MP_MILESTONE_NOTES, seed == 1 ? "Confirmed by phone" : "Waiting for legal");
          break;
        case 5:
          mp_document_set_int (doc, r, MP_MILESTONE_STATUS, MP_STATUS_IN_PROGRESS);
          break;
        case 6:
          {
            GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (m));
            if (g_list_model_get_n_items (tasks) > 0)
              {
                g_autoptr(MpRecord) t = g_list_model_get_item (tasks, 0);
                mp_document_set_bool (doc, t, MP_TASK_DONE, TRUE);
              }
          }
          break;
        case 7:
          {
            g_autoptr(MpMilestone) added = g_object_new (MP_TYPE_MILESTONE, NULL);
            g_autofree char *id = g_strdup_printf ("m-new-%u-%u", seed, i);

            mp_record_mark_new (MP_RECORD (added));
            mp_milestone_set_id (added, id);
            mp_milestone_set_title (added, "Added in a copy");
            mp_milestone_set_due (added, mp_milestone_get_due (m));
            mp_document_insert (doc, ms, pos + 1, MP_RECORD (added));
          }
          break;
        case 8:
          mp_document_remove_milestone (doc, m);
          break;
        case 9:
          mp_document_move (doc, ms, pos, (pos + 7) % n);
          break;
        }
    }
  return plan;
}

static char *
write_plan (const char *dir,
            const char *name,
            MpPlan     *plan)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (!mp_plan_save_to_file (plan, file, FALSE, NULL, &error))
    g_error ("%s", error->message);
  return path;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MpPlan) base = mp_plan_generator_generate_n (N_MILESTONES);
  g_autoptr(MpPlan) ours = edit (base, 1, 0);
  g_autoptr(MpPlan) theirs = edit (base, 2, N_MILESTONES / 3);
  g_autofree char *dir = g_dir_make_tmp ("bench-merge-XXXXXX", NULL);
  g_autofree char *base_path = write_plan (dir, "base.mplan", base);
  g_autofree char *ours_path = write_plan (dir, "ours.mplan", ours);
  g_autofree char *theirs_path = write_plan (dir, "theirs.mplan", theirs);
  g_autofree char *out_path = g_build_filename (dir, "out.mplan", NULL);
  const char *bin = g_getenv ("MUTUALPLAN");
  double compare[RUNS], apply[RUNS], cli[RUNS], cpu[RUNS], cli_cpu[RUNS];
  guint changes = 0, conflicts = 0;

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(MpPlan) target = copy_plan (ours);
      g_autoptr(MpDocument) doc = mp_document_new (target, NULL);
      g_autoptr(MpMerge) merge = NULL;
      g_autoptr(GError) error = NULL;
      double t0 = now_ms (), t1, t2, c0 = cpu_ms ();

      merge = mp_merge_new (base, target, theirs);
      t1 = now_ms ();
      if (mp_merge_apply (merge, doc, "Merge", &error) < 0)
        g_error ("the merge was refused: %s", error->message);
      t2 = now_ms ();
      cpu[run] = cpu_ms () - c0;
      compare[run] = t1 - t0;
      apply[run] = t2 - t1;
      changes = mp_merge_get_n_changes (merge);
      conflicts = mp_merge_get_n_conflicts (merge);
    }
  g_print ("# merge of two %d-milestone plans, %d edits on each side: %u changes from theirs, %u conflicts\n",
           N_MILESTONES, N_CHANGES, changes, conflicts);
  g_print ("# in the core (the window's path): compare %.0f ms, apply (checked on a copy first) %.0f ms, "
           "together %.0f ms wall, %.0f ms CPU\n",
           median (compare), median (apply), median (compare) + median (apply), median (cpu));

  if (bin != NULL)
    {
      for (guint run = 0; run < RUNS; run++)
        {
          const char *args[] = { bin, "--merge", base_path, ours_path, theirs_path, "-o", out_path, NULL };
          g_autoptr(GError) error = NULL;
          struct rusage ru;
          GPid pid;
          int status;
          double t0 = now_ms ();

          if (!g_spawn_async (NULL, (char **) args, NULL,
                              G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                              NULL, NULL, &pid, &error))
            g_error ("%s", error->message);
          if (wait4 (pid, &status, 0, &ru) != pid)
            g_error ("wait4 failed");
          cli[run] = now_ms () - t0;
          cli_cpu[run] = ru.ru_utime.tv_sec * 1000.0 + ru.ru_utime.tv_usec / 1000.0 +
                         ru.ru_stime.tv_sec * 1000.0 + ru.ru_stime.tv_usec / 1000.0;
          /* 0: clean, 1: conflicts; anything else is a failure. */
          if (!WIFEXITED (status) || WEXITSTATUS (status) > 1)
            g_error ("mutualplan --merge failed (status %d)", status);
        }
      g_print ("# mutualplan --merge BASE OURS THEIRS -o OUT (load three files at once, merge, check, write): "
               "%.0f ms wall, %.0f ms CPU (target %.0f ms: %.2fx wall)\n",
               median (cli), median (cli_cpu), TARGET_MS, median (cli) / TARGET_MS);
    }
  if (g_getenv ("BENCH_MERGE_KEEP")) { g_print ("# kept in %s\n", dir); return 0; }
  g_unlink (base_path);
  g_unlink (ours_path);
  g_unlink (theirs_path);
  g_unlink (out_path);
  {
    g_autofree char *backup = g_strconcat (out_path, "~", NULL);
    g_unlink (backup);
  }
  g_rmdir (dir);
  return 0;
}
