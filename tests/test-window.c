/* test-window.c: the real window under a display (Xvfb in CI)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <string.h>

#include "mp-model.h"
#include "mp-window.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until @done (checked each iteration) or 10 s. */
#define SPIN_UNTIL(cond)                                                   \
  G_STMT_START {                                                           \
    gboolean timed_out = FALSE;                                            \
    guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);         \
    while (!(cond) && !timed_out)                                          \
      g_main_context_iteration (NULL, TRUE);                               \
    if (!timed_out)                                                        \
      g_source_remove (id);                                                \
    g_assert_true (cond);                                                  \
  } G_STMT_END

static void
spin_frames (int n)
{
  for (int i = 0; i < n; i++)
    {
      gboolean done = FALSE;
      g_timeout_add (20, timeout_cb, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
    }
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GString) labels = g_string_new (NULL);

  collect_labels (root, labels);
  return strstr (labels->str, text) != NULL;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_shows_milestones (void)
{
  g_autofree char *path = fixture ("mueller-maschinenbau.mplan");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MpWindow *window = mp_window_new (NULL);
  GtkColumnView *view;
  const char *titles[] = { "Erste Evaluierung", "Demo für Kundendienst & IT", "Pilotphase mit 3 Servicetechnikern",
                           "Zusage der Geschäftsführung", "Vertragsprüfung, Einkauf", "Unterschrift" };

  gtk_window_present (GTK_WINDOW (window));
  mp_window_load_file (window, file);
  SPIN_UNTIL (mp_window_get_plan (window) != NULL);

  view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  g_assert_nonnull (view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 6);

  /* What a user sees: every title in a mapped label, owners too. */
  SPIN_UNTIL (shows_text (GTK_WIDGET (window), "Unterschrift"));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_true (shows_text (GTK_WIDGET (window), titles[i]));
  g_assert_true (shows_text (GTK_WIDGET (window), "Özlem Yılmaz"));
  g_assert_true (shows_text (GTK_WIDGET (window), "Françoise Dübel"));
  g_assert_true (shows_text (GTK_WIDGET (window), "mueller-maschinenbau.mplan"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "mueller-maschinenbau.mplan");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_sample (void)
{
  MpWindow *window = mp_window_new (NULL);
  MpPlan *plan;

  mp_window_load_sample (window);
  gtk_window_present (GTK_WINDOW (window));
  plan = mp_window_get_plan (window);
  g_assert_nonnull (plan);
  g_assert_null (mp_window_get_file (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_milestones (plan))), >=, 7);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_blackouts (plan))), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_meetings (plan))), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_goals (plan))), >=, 1);
  SPIN_UNTIL (shows_text (GTK_WIDGET (window), "Sicherheitsprüfung"));
  g_assert_true (shows_text (GTK_WIDGET (window), "Unterschrift"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);
      if (GTK_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (w))
        return w;
    }
  return NULL;
}

/* A file that fails to load: an error dialog naming the problem, no crash. */
static void
test_load_error (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "invalid", "bad-date.mplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MpWindow *window = mp_window_new (NULL);
  GtkWidget *dialog;
  g_autoptr(GString) text = g_string_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  mp_window_load_file (window, file);
  SPIN_UNTIL ((dialog = find_message_dialog ()) != NULL);
  spin_frames (3);
  collect_labels (dialog, text);
  g_assert_nonnull (strstr (text->str, "bad-date.mplan"));
  g_assert_nonnull (strstr (text->str, "milestones[1].due"));
  g_assert_null (mp_window_get_plan (window));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  g_test_add_func ("/window/shows-milestones", test_shows_milestones);
  g_test_add_func ("/window/sample", test_sample);
  g_test_add_func ("/window/load-error", test_load_error);
  return g_test_run ();
}
