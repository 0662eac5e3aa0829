/* bench-milestones.c: what a user feels on the Milestones page with plans
 * of 500, 5,000 and 50,000 milestones (3 tasks each): the first frame of
 * the page, editing a title, its undo, selecting a row far down, and
 * filtering by a typed word one keystroke at a time, then scrolling the
 * filtered list. Each figure is wall time from the call to the frame
 * painted with the main loop idle again. Prints figures, asserts nothing
 * about time (`meson test --benchmark`, scripts/bench).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mp-document.h"
#include "mp-milestone-filter.h"
#include "mp-milestones-view.h"
#include "mp-model.h"
#include "mp-plan-generator.h"

static guint paints;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  paints++;
}

/* Runs the loop until a frame has been painted after now and nothing
 * is pending; returns the milliseconds that took. */
static double
until_painted (GtkWidget *window,
               gint64     t0)
{
  guint before = paints;

  gtk_widget_queue_draw (window);
  while (paints == before || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
  return (g_get_monotonic_time () - t0) / 1000.0;
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
  guint n_keys = 0, shown;
  GtkAdjustment *adj;
  gint64 t0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), NULL);
  until_painted (window, g_get_monotonic_time ());

  t0 = g_get_monotonic_time ();
  mp_milestones_view_set_document (view, doc);
  first = until_painted (window, t0);

  /* Edit a title in the middle of the plan (it is on screen: selected). */
  mp_milestones_view_select (view, MP_RECORD (middle));
  until_painted (window, g_get_monotonic_time ());
  for (guint i = 0; i < G_N_ELEMENTS (edit); i++)
    {
      g_autofree char *title = g_strdup_printf ("Security review %u", i);

      t0 = g_get_monotonic_time ();
      mp_document_set_string (doc, MP_RECORD (middle), MP_MILESTONE_TITLE, title);
      edit[i] = until_painted (window, t0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (undo); i++)
    {
      t0 = g_get_monotonic_time ();
      mp_document_undo (doc);
      undo[i] = until_painted (window, t0);
    }

  t0 = g_get_monotonic_time ();
  mp_milestones_view_select (view, MP_RECORD (last));
  select = until_painted (window, t0);

  /* Typing "review" into the search, one keystroke at a time, then
   * scrolling the filtered list. */
  filter = mp_milestones_view_get_filter (view);
  for (guint i = 1; i <= strlen (word); i++)
    {
      g_autofree char *typed = g_strndup (word, i);

      t0 = g_get_monotonic_time ();
      mp_milestone_filter_set_text (filter, typed);
      keys[n_keys++] = until_painted (window, t0);
    }
  shown = mp_milestone_filter_get_n_shown (filter);
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW)));
  for (guint i = 0; i < G_N_ELEMENTS (scroll); i++)
    {
      t0 = g_get_monotonic_time ();
      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + 36 * 3);
      scroll[i] = until_painted (window, t0);
    }

  printf ("%6u milestones: first frame %8.1f ms | title edit median %7.1f max %7.1f ms | "
          "undo median %7.1f max %7.1f ms | select last %7.1f ms\n",
          n, first, median (edit, G_N_ELEMENTS (edit)), maximum (edit, G_N_ELEMENTS (edit)),
          median (undo, G_N_ELEMENTS (undo)), maximum (undo, G_N_ELEMENTS (undo)), select);
  printf ("%6u milestones: filter \"%s\" per keystroke median %6.1f max %6.1f ms (%u of %u shown) | "
          "scroll filtered median %6.1f max %6.1f ms\n",
          n, word, median (keys, n_keys), maximum (keys, n_keys), shown, n,
          median (scroll, G_N_ELEMENTS (scroll)), maximum (scroll, G_N_ELEMENTS (scroll)));
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
