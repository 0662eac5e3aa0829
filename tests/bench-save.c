/* bench-save.c: how long Save and the autosave hold the main thread
 *
 * A document of 5,000 and of 50,000 generated milestones (3 tasks each)
 * is saved (mp_document_save_async () until its callback) and
 * autosaved (an edit, then the recovery copy written by the timer),
 * three times each. Prints, per step, the main thread's CPU time from
 * the call (or the edit) until the file is written and what the worker
 * handed back is freed, and the longest single main-loop dispatch in
 * that time: what the window cannot answer input meanwhile. CPU time of
 * the main thread alone (CLOCK_THREAD_CPUTIME_ID): the worker's share
 * and the machine's load do not count. Asserts nothing.
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
  double cpu;       /* main thread, ms */
  double longest;   /* longest dispatch, ms of wall time */
} Cost;

/* Iterates the main loop until @done, then 0.5 s more for what was
 * queued after it (the snapshot freed at low priority). */
static void
spin (gboolean *done,
      Cost     *cost)
{
  gint64 settle = 0;

  for (;;)
    {
      gint64 t0 = g_get_monotonic_time (), t1;
      gboolean dispatched = g_main_context_iteration (NULL, FALSE);

      t1 = g_get_monotonic_time ();
      if (dispatched)
        cost->longest = MAX (cost->longest, (t1 - t0) / 1e3);
      else
        g_usleep (1000);
      if (*done && settle == 0)
        settle = t1 + G_USEC_PER_SEC / 2;
      if (settle != 0 && t1 > settle)
        break;
    }
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
      double save_cpu[3], save_long[3], auto_cpu[3], auto_long[3], edit_cpu[3];

      mp_plan_generator_options_init (&o, sizes[s]);
      plan = mp_plan_generator_generate (&o);
      doc = mp_document_new (plan, file);
      for (guint r = 0; r < 3; r++)
        {
          g_autofree char *title = g_strdup_printf ("Save %u", r);
          gboolean done = FALSE;
          Cost cost = { 0, 0 };
          double t0;
          gint64 w0;

          /* Save */
          mp_document_set_string (doc, MP_RECORD (plan), MP_PLAN_TITLE, title);
          t0 = thread_cpu_ms ();
          w0 = g_get_monotonic_time ();
          mp_document_save_async (doc, NULL, TRUE, NULL, saved_cb, &done);
          cost.longest = (g_get_monotonic_time () - w0) / 1e3;
          spin (&done, &cost);
          save_cpu[r] = thread_cpu_ms () - t0;
          save_long[r] = cost.longest;

          /* Autosave: the edit alone, then the edit and the copy. */
          g_free (title);
          title = g_strdup_printf ("Autosave %u", r);
          mp_document_set_autosave (doc, 1);
          t0 = thread_cpu_ms ();
          mp_document_set_string (doc, MP_RECORD (plan), MP_PLAN_TITLE, title);
          edit_cpu[r] = thread_cpu_ms () - t0;
          cost.cpu = cost.longest = 0;
          {
            /* Written when the copy holds the new title. */
            const char *rpath = mp_document_get_recovery_path (doc);
            gint64 w1 = g_get_monotonic_time ();
            gboolean written = FALSE;

            while (!written)
              {
                gint64 a = g_get_monotonic_time (), b;
                gboolean dispatched = g_main_context_iteration (NULL, FALSE);
                g_autofree char *contents = NULL;

                b = g_get_monotonic_time ();
                if (dispatched)
                  cost.longest = MAX (cost.longest, (b - a) / 1e3);
                else
                  g_usleep (1000);
                if (g_file_get_contents (rpath, &contents, NULL, NULL) && strstr (contents, title) != NULL)
                  written = TRUE;
                if (b - w1 > 600 * G_USEC_PER_SEC)
                  break;
              }
            spin (&written, &cost);
          }
          auto_cpu[r] = thread_cpu_ms () - t0;
          auto_long[r] = cost.longest;
          mp_document_set_autosave (doc, 0);
        }
      qsort (save_cpu, 3, sizeof (double), compare_double);
      qsort (save_long, 3, sizeof (double), compare_double);
      qsort (auto_cpu, 3, sizeof (double), compare_double);
      qsort (auto_long, 3, sizeof (double), compare_double);
      qsort (edit_cpu, 3, sizeof (double), compare_double);
      g_print ("%u milestones: Save: main thread %.0f ms CPU, longest dispatch %.0f ms; "
               "autosave: main thread %.0f ms CPU (the edit alone %.1f), longest dispatch %.0f ms (medians of 3)\n",
               sizes[s], save_cpu[1], save_long[1], auto_cpu[1], edit_cpu[1], auto_long[1]);
      g_remove (path);
    }
  return 0;
}
