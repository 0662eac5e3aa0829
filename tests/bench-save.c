/* bench-save.c: how long Save and the autosave hold the main thread
 *
 * A document of 5,000 and of 50,000 generated milestones (3 tasks each)
 * is saved (mp_document_save_async () until its callback) and
 * autosaved (an edit, then the recovery copy written by the timer),
 * three times each. Prints, per step, the main thread's CPU time from
 * the call (or the edit) until the file is written and what the worker
 * handed back is freed, the most of it one main-loop dispatch took (what
 * the window cannot answer input meanwhile), both CPU time of the main
 * thread alone (CLOCK_THREAD_CPUTIME_ID: the worker's share and the
 * machine's load do not count), and the longest a 20 ms timeout waited
 * beyond its time (wall clock: the load stretches it). Asserts nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mp-document.h"
#include "mp-model.h"
#include "mp-plan-generator.h"
#include "mp-plan-io.h"

static double
thread_cpu_ms (void)
{
  struct timespec t;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

typedef struct {
  double longest_cpu;  /* the most CPU one dispatch took, ms */
  double late;         /* the longest a 20 ms probe waited beyond its time, ms */
  gint64 last_probe;
} Cost;

static gboolean
probe (gpointer data)
{
  Cost *cost = data;
  gint64 now = g_get_monotonic_time ();

  if (cost->last_probe != 0)
    cost->late = MAX (cost->late, (now - cost->last_probe - 20000) / 1e3);
  cost->last_probe = now;
  return G_SOURCE_CONTINUE;
}

/* Iterates the main loop (blocking, so waiting costs no CPU) until
 * @done, then 0.5 s more for what was queued after it (the snapshot is
 * freed at low priority). */
static void
spin (gboolean *done,
      Cost     *cost)
{
  gint64 settle = 0;

  while (settle == 0 || g_get_monotonic_time () < settle)
    {
      double c0 = thread_cpu_ms ();

      g_main_context_iteration (NULL, TRUE);
      cost->longest_cpu = MAX (cost->longest_cpu, thread_cpu_ms () - c0);
      if (*done && settle == 0)
        settle = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
    }
}

typedef struct {
  const char *path;
  const char *title;
  gboolean    written;
} Watch;

/* The recovery copy is written when it holds the new title. */
static gboolean
watch_copy (gpointer data)
{
  Watch *w = data;
  g_autofree char *contents = NULL;

  if (g_file_get_contents (w->path, &contents, NULL, NULL) && strstr (contents, w->title) != NULL)
    {
      w->written = TRUE;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (!mp_document_save_finish (MP_DOCUMENT (source), result, &error))
    g_printerr ("save failed: %s\n", error->message);
  *(gboolean *) data = TRUE;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  guint sizes[] = { 5000, 50000 };
  g_autofree char *dir = g_dir_make_tmp ("mp-bench-save-XXXXXX", NULL);

  setvbuf (stdout, NULL, _IOLBF, 0);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      MpPlanGeneratorOptions o;
      g_autoptr(MpPlan) plan = NULL;
      g_autoptr(MpDocument) doc = NULL;
      g_autofree char *path = g_strdup_printf ("%s/plan-%u.mplan", dir, sizes[s]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      double save_cpu[3], save_long[3], save_late[3], auto_cpu[3], auto_long[3], auto_late[3], edit_cpu[3];

      mp_plan_generator_options_init (&o, sizes[s]);
      plan = mp_plan_generator_generate (&o);
      doc = mp_document_new (plan, file);
      for (guint r = 0; r < 3; r++)
        {
          g_autofree char *title = g_strdup_printf ("Save %u", r);
          g_autofree char *title2 = g_strdup_printf ("Autosave %u", r);
          gboolean done = FALSE;
          Cost cost = { 0, 0, 0 };
          Watch watch = { mp_document_get_recovery_path (doc), title2, FALSE };
          guint probe_id, watch_id;
          double t0, c0;

          /* Save */
          mp_document_set_string (doc, MP_RECORD (plan), MP_PLAN_TITLE, title);
          probe_id = g_timeout_add (20, probe, &cost);
          cost.last_probe = g_get_monotonic_time ();
          t0 = thread_cpu_ms ();
          mp_document_save_async (doc, NULL, TRUE, NULL, saved_cb, &done);
          cost.longest_cpu = thread_cpu_ms () - t0;
          spin (&done, &cost);
          save_cpu[r] = thread_cpu_ms () - t0;
          save_long[r] = cost.longest_cpu;
          save_late[r] = cost.late;
          g_source_remove (probe_id);

          /* Autosave: the edit alone, then the edit and the copy. */
          memset (&cost, 0, sizeof cost);
          mp_document_set_autosave (doc, 1);
          probe_id = g_timeout_add (20, probe, &cost);
          cost.last_probe = g_get_monotonic_time ();
          t0 = thread_cpu_ms ();
          mp_document_set_string (doc, MP_RECORD (plan), MP_PLAN_TITLE, title2);
          edit_cpu[r] = thread_cpu_ms () - t0;
          c0 = thread_cpu_ms ();
          watch_id = g_timeout_add (10, watch_copy, &watch);
          spin (&watch.written, &cost);
          auto_cpu[r] = thread_cpu_ms () - t0;
          auto_long[r] = MAX (cost.longest_cpu, edit_cpu[r]);
          auto_late[r] = cost.late;
          (void) c0;
          if (!watch.written)
            g_source_remove (watch_id);
          g_source_remove (probe_id);
          mp_document_set_autosave (doc, 0);
        }
      qsort (save_cpu, 3, sizeof (double), compare_double);
      qsort (save_long, 3, sizeof (double), compare_double);
      qsort (auto_cpu, 3, sizeof (double), compare_double);
      qsort (auto_long, 3, sizeof (double), compare_double);
      qsort (edit_cpu, 3, sizeof (double), compare_double);
      qsort (save_late, 3, sizeof (double), compare_double);
      qsort (auto_late, 3, sizeof (double), compare_double);
      g_print ("%u milestones (medians of 3):\n"
               "  Save: main thread %.0f ms CPU in all, %.0f ms at most in one go; a 20 ms probe waited %.0f ms at most\n"
               "  autosave: main thread %.0f ms CPU in all (the edit alone %.1f), %.0f ms at most in one go; "
               "a 20 ms probe waited %.0f ms at most\n",
               sizes[s], save_cpu[1], save_long[1], save_late[1], auto_cpu[1], edit_cpu[1], auto_long[1], auto_late[1]);
      g_remove (path);
    }
  return 0;
}
