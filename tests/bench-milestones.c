/* bench-milestones.c: what a user feels on the Milestones page with plans
 * of 500, 5,000 and 50,000 milestones (3 tasks each): the first frame of
 * the page, editing a title, its undo, selecting a row far down, and
 * filtering by a typed word one keystroke at a time, then scrolling the
 * filtered list. Each figure is wall time from the call to the frame
 * painted with the main loop idle again, and the CPU time this process
 * spent on it (what a loaded machine does not inflate). Prints figures,
 * asserts nothing about time (`meson test --benchmark`, scripts/bench).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mp-document.h"
#include "mp-milestone-filter.h"
#include "mp-milestones-view.h"
#include "mp-model.h"
#include "mp-plan-generator.h"

static guint paints;
static double last_cpu;

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  paints++;
}

/* Runs the loop until a frame has been painted after now and nothing
 * is pending; returns the milliseconds that took since @t0 (wall), and
 * leaves the CPU time since the last start_clock() in last_cpu. */
static double cpu0;

static gint64
start_clock (void)
{
  cpu0 = cpu_ms ();
  return g_get_monotonic_time ();
}

/* With BENCH_MARKS set, each measured step prints its span of
 * CLOCK_MONOTONIC (seconds) on stderr, for `perf record -k
 * CLOCK_MONOTONIC` and `perf report --time START,END`. */
static double
until_painted (GtkWidget *window,
               gint64     t0)
{
  guint before = paints;
  gint64 t1;

  gtk_widget_queue_draw (window);
  while (paints == before || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
  last_cpu = cpu_ms () - cpu0;
  t1 = g_get_monotonic_time ();
  if (g_getenv ("BENCH_MARKS") != NULL)
    fprintf (stderr, "mark %.6f,%.6f\n", t0 / 1e6, t1 / 1e6);
  return (t1 - t0) / 1000.0;
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
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

static double
maximum (const double *v,
         guint         n)
{
  double m = 0;

  for (guint i = 0; i < n; i++)
    m = MAX (m, v[i]);
  return m;
}

static void
run (guint n)
{
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (n);
  g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);
  GtkWidget *window = gtk_window_new ();
  MpMilestonesView *view = MP_MILESTONES_VIEW (mp_milestones_view_new ());
  GListModel *ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  g_autoptr(MpMilestone) middle = g_list_model_get_item (ms, n / 2);
  g_autoptr(MpMilestone) last = g_list_model_get_item (ms, n - 1);
  MpMilestoneFilter *filter;
  const char *word = "review";
  double first, edit[8], undo[8], select, keys[16], scroll[20];
  double first_cpu, edit_cpu[8], undo_cpu[8], select_cpu, keys_cpu[16], scroll_cpu[20];
  guint n_keys = 0, shown;
  GtkAdjustment *adj;
  GtkWidget *entry;
  g_autoptr(GString) each_key = g_string_new (NULL);
  gint64 t0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), NULL);
  until_painted (window, start_clock ());

  t0 = start_clock ();
  mp_milestones_view_set_document (view, doc);
  first = until_painted (window, t0);
  first_cpu = last_cpu;

  /* Edit a title in the middle of the plan (it is on screen: selected). */
  mp_milestones_view_select (view, MP_RECORD (middle));
  until_painted (window, start_clock ());
  for (guint i = 0; i < G_N_ELEMENTS (edit); i++)
    {
      g_autofree char *title = g_strdup_printf ("Security review %u", i);

      t0 = start_clock ();
      mp_document_set_string (doc, MP_RECORD (middle), MP_MILESTONE_TITLE, title);
      edit[i] = until_painted (window, t0);
      edit_cpu[i] = last_cpu;
    }
  for (guint i = 0; i < G_N_ELEMENTS (undo); i++)
    {
      t0 = start_clock ();
      mp_document_undo (doc);
      undo[i] = until_painted (window, t0);
      undo_cpu[i] = last_cpu;
    }

  t0 = start_clock ();
  mp_milestones_view_select (view, MP_RECORD (last));
  select = until_painted (window, t0);
  select_cpu = last_cpu;

  /* Typing "review" into the search, one keystroke at a time, then
   * scrolling the filtered list. */
  filter = mp_milestones_view_get_filter (view);
  entry = find_widget (find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_BAR), GTK_TYPE_SEARCH_ENTRY);
  /* As typed into the page's search (which waits for a pause in typing:
   * not here). */
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (entry), 0);
  for (guint i = 1; i <= strlen (word); i++)
    {
      int pos = (int) i - 1;

      /* One key: a character added at the end, as typing does (setting
       * the whole text would empty the entry first). */
      t0 = start_clock ();
      gtk_editable_insert_text (GTK_EDITABLE (entry), word + i - 1, 1, &pos);
      keys_cpu[n_keys] = 0;
      keys[n_keys] = until_painted (window, t0);
      keys_cpu[n_keys++] = last_cpu;
    }
  g_assert (g_strcmp0 (mp_milestone_filter_get_text (filter), word) == 0);
  shown = mp_milestone_filter_get_n_shown (filter);
  for (guint i = 0; i < n_keys; i++)
    g_string_append_printf (each_key, "%s%.0f", i ? ", " : "", keys_cpu[i]);
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW)));
  for (guint i = 0; i < G_N_ELEMENTS (scroll); i++)
    {
      t0 = start_clock ();
      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + 36 * 3);
      scroll[i] = until_painted (window, t0);
      scroll_cpu[i] = last_cpu;
    }

  printf ("%6u milestones, wall (cpu) ms: first frame %.1f (%.1f) | title edit median %.1f (%.1f) max %.1f | "
          "undo median %.1f (%.1f) max %.1f | select last %.1f (%.1f)\n",
          n, first, first_cpu, median (edit, G_N_ELEMENTS (edit)), median (edit_cpu, G_N_ELEMENTS (edit)),
          maximum (edit, G_N_ELEMENTS (edit)), median (undo, G_N_ELEMENTS (undo)),
          median (undo_cpu, G_N_ELEMENTS (undo)), maximum (undo, G_N_ELEMENTS (undo)), select, select_cpu);
  printf ("%6u milestones, wall (cpu) ms: filter \"%s\" per keystroke median %.1f (%.1f) max %.1f (cpu each: %s), %u of %u shown | "
          "scroll filtered median %.1f (%.1f) max %.1f\n",
          n, word, median (keys, n_keys), median (keys_cpu, n_keys), maximum (keys, n_keys), each_key->str, shown, n,
          median (scroll, G_N_ELEMENTS (scroll)), median (scroll_cpu, G_N_ELEMENTS (scroll)),
          maximum (scroll, G_N_ELEMENTS (scroll)));
  fflush (stdout);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("MUTUALPLAN_TODAY", "2027-06-01", TRUE);
  gtk_init ();
  if (argc > 1)
    {
      for (int i = 1; i < argc; i++)
        run ((guint) atoi (argv[i]));
      return 0;
    }
  run (500);
  run (5000);
  run (50000);
  return 0;
}
