/* bench-window.c: the whole window (MpWindow with every page, as the app
 * shows a plan) with plans of 500, 5,000 and 50,000 milestones (3 tasks
 * each, tests/mp-plan-generator.c): the first frame with the plan, the
 * first frame after switching to the Milestones page, editing a title
 * (to painted), its undo, selecting the last milestone (its page scrolls
 * to it), and typing a word into the page's search entry one keystroke
 * at a time. Unlike bench-milestones.c (the page alone), every view of
 * the window that listens to the plan pays its share here.
 *
 * Each figure is wall time from the call to a painted frame with the
 * main loop idle again. Prints figures, asserts nothing about time
 * (`meson test --benchmark`, scripts/bench); `bench-window N…` runs
 * only those sizes. A step that takes longer than MUTUALPLAN_BENCH_LIMIT
 * seconds (default 120) ends the run of that size, said as such.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mp-document.h"
#include "mp-model.h"
#include "mp-plan-generator.h"
#include "mp-window.h"

static guint paints;
static double limit_ms = 120000;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  paints++;
}

/* Runs the loop until a frame has been painted after now and nothing
 * is pending; the milliseconds since @t0. */
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
find_visible (GtkWidget *root,
              GType      type)
{
  if (!gtk_widget_get_visible (root))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_visible (c, type);

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

#define TOO_SLOW(ms, what)                                                          \
  G_STMT_START {                                                                    \
    if ((ms) > limit_ms)                                                            \
      {                                                                             \
        printf ("%6u milestones: %s took %.1f s, over the limit of %.0f s: stopped\n", \
                n, what, (ms) / 1000.0, limit_ms / 1000.0);                         \
        goto out;                                                                   \
      }                                                                             \
  } G_STMT_END

static void
run (guint n)
{
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (n);
  g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);
  MpWindow *window = mp_window_new (NULL);
  GListModel *ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  g_autoptr(MpMilestone) middle = g_list_model_get_item (ms, n / 2);
  g_autoptr(MpMilestone) last = g_list_model_get_item (ms, n - 1);
  const char *word = "review";
  double open = 0, first = 0, edit[6] = { 0 }, undo[6] = { 0 }, select = 0, keys[16] = { 0 };
  guint n_keys = 0;
  GtkWidget *bar, *search;
  gint64 t0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);
  until_painted (GTK_WIDGET (window), g_get_monotonic_time ());

  t0 = g_get_monotonic_time ();
  mp_window_set_document (window, doc);
  open = until_painted (GTK_WIDGET (window), t0);
  TOO_SLOW (open, "showing the plan");

  t0 = g_get_monotonic_time ();
  mp_window_show_page (window, "milestones");
  first = until_painted (GTK_WIDGET (window), t0);
  TOO_SLOW (first, "the Milestones page");

  /* Edit a title in the middle of the plan, then undo it. */
  for (guint i = 0; i < G_N_ELEMENTS (edit); i++)
    {
      g_autofree char *title = g_strdup_printf ("Security review %u", i);

      t0 = g_get_monotonic_time ();
      mp_document_set_string (doc, MP_RECORD (middle), MP_MILESTONE_TITLE, title);
      edit[i] = until_painted (GTK_WIDGET (window), t0);
      TOO_SLOW (edit[i], "a title edit");
    }
  for (guint i = 0; i < G_N_ELEMENTS (undo); i++)
    {
      t0 = g_get_monotonic_time ();
      mp_document_undo (doc);
      undo[i] = until_painted (GTK_WIDGET (window), t0);
      TOO_SLOW (undo[i], "an undo");
    }

  /* Select the last milestone: its page shows it, scrolled to. */
  t0 = g_get_monotonic_time ();
  mp_window_reveal (window, MP_RECORD (last));
  select = until_painted (GTK_WIDGET (window), t0);
  TOO_SLOW (select, "selecting the last milestone");

  printf ("%6u milestones: plan shown %8.1f ms | Milestones page %8.1f ms | "
          "title edit median %7.1f max %7.1f ms | undo median %7.1f max %7.1f ms | "
          "select last %7.1f ms\n",
          n, open, first, median (edit, G_N_ELEMENTS (edit)), maximum (edit, G_N_ELEMENTS (edit)),
          median (undo, G_N_ELEMENTS (undo)), maximum (undo, G_N_ELEMENTS (undo)), select);
  fflush (stdout);

  /* Type a word into the page's search entry, one key at a time. */
  bar = find_visible (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR);
  if (bar != NULL)
    {
      gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (bar), TRUE);
      until_painted (GTK_WIDGET (window), g_get_monotonic_time ());
    }
  search = find_visible (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  if (search != NULL)
    /* The entry holds its change back while keys come; without that
     * delay the figure is the work a keystroke causes. */
    gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (search), 0);
  if (search == NULL)
    printf ("%6u milestones: the page shows no search entry: no filter figure\n", n);
  else
    {
      for (guint i = 1; i <= strlen (word); i++)
        {
          g_autofree char *typed = g_strndup (word, i);

          t0 = g_get_monotonic_time ();
          gtk_editable_set_text (GTK_EDITABLE (search), typed);
          keys[n_keys] = until_painted (GTK_WIDGET (window), t0);
          TOO_SLOW (keys[n_keys], "a search keystroke");
          n_keys++;
        }
      printf ("%6u milestones: search \"%s\" per keystroke median %6.1f max %6.1f ms\n",
              n, word, median (keys, n_keys), maximum (keys, n_keys));
    }

out:
  fflush (stdout);
  mp_document_mark_saved (doc);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  const char *limit = g_getenv ("MUTUALPLAN_BENCH_LIMIT");

  g_setenv ("MUTUALPLAN_TODAY", "2027-06-01", TRUE);
  if (limit != NULL && atof (limit) > 0)
    limit_ms = atof (limit) * 1000.0;
  gtk_init ();
  printf ("# the whole window: wall ms from the call to the painted frame, main loop idle\n");
  fflush (stdout);
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
