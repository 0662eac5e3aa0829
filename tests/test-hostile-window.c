/* test-hostile-window.c: the window never dies of a plan's text
 *
 * tests/data/hostile/long-text.mplan has every text a page shows at
 * 4,000 characters without a space (titles, names, blackouts, tasks,
 * details) and a plan title of 65,534, the longest the format allows;
 * one name holds an unterminated right-to-left override. A title of
 * 1,500 such characters made a label ask for a window wider than X
 * accepts: BadAlloc, and every open plan died with the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <string.h>

#include "mp-label-guard.h"
#include "mp-milestones-view.h"
#include "mp-model.h"
#include "mp-plan-generator.h"
#include "mp-plan-io.h"
#include "mp-window.h"
#include "mp-test-widgets.h"

/* What X11 accepts for a window, and what Xvfb can back with memory. */
#define MAX_WINDOW 16000

static void
assert_window_fits (GtkWidget  *window,
                    const char *where)
{
  int min_w, min_h, nat_w, nat_h;

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
  gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, min_w, &min_h, &nat_h, NULL, NULL);
  g_test_message ("%s: minimum %d × %d, natural %d × %d", where, min_w, min_h, nat_w, nat_h);
  if (min_w > 4 * MP_LABEL_GUARD_MAX_MIN_WIDTH || min_h > MAX_WINDOW)
    g_error ("%s: the window asks for at least %d × %d pixels", where, min_w, min_h);
}

static void
test_long_text (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hostile", "long-text.mplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MpWindow *window = mp_window_new (NULL);
  const char *pages[] = { "overview", "milestones", "goals", "people", "calendar", "overview" };
  const char *title;
  MpPlan *plan;

  gtk_window_present (GTK_WINDOW (window));
  mp_window_load_file (window, file);
  MP_TEST_SPIN_UNTIL (mp_window_get_plan (window) != NULL);
  plan = mp_window_get_plan (window);
  g_assert_cmpint (g_utf8_strlen (mp_plan_get_title (plan), -1), ==, 65534);

  /* The window title is shortened. */
  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_cmpint (g_utf8_strlen (title, -1), <, 300);
  g_assert_nonnull (strstr (title, "TTT…"));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      mp_window_show_page (window, pages[i]);
      mp_test_spin_frames (10);
      assert_window_fits (GTK_WIDGET (window), pages[i]);
    }

  /* A milestone's details (F9), and a task below it. */
  {
    g_autoptr(MpMilestone) m = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_milestones (plan)), 0);
    GtkWidget *view;

    mp_window_reveal (window, MP_RECORD (m));
    mp_test_spin_frames (5);
    view = mp_test_find_widget (GTK_WIDGET (window), MP_TYPE_MILESTONES_VIEW);
    g_assert_nonnull (view);
    gtk_widget_activate_action (view, "milestones.show-details", NULL);
    mp_test_spin_frames (10);
    assert_window_fits (GTK_WIDGET (window), "milestone details");
  }
  mp_test_screenshot (GTK_WIDGET (window), "MP_SCREENSHOT_DIR", "hostile-long-text");
  gtk_window_destroy (GTK_WINDOW (window));
}


static GFile *
write_generated (const MpPlanGeneratorOptions *options,
                 const char                   *name)
{
  g_autoptr(MpPlan) plan = mp_plan_generator_generate (options);
  g_autofree char *dir = g_dir_make_tmp ("mp-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GFile *file = g_file_new_for_path (path);

  g_assert_true (mp_plan_save_to_file (plan, file, FALSE, NULL, NULL));
  return file;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0 &&
          gtk_widget_get_mapped (c))
        return c;
      if ((found = find_button (c, label)) != NULL)
        return found;
    }
  return NULL;
}

/* Opening a large plan: after half a second the window says so, with
 * Cancel; Cancel gives the window back at once and the plan never
 * arrives. */
static void
test_loading_cancel (void)
{
  MpPlanGeneratorOptions o;
  g_autoptr(GFile) file = NULL;
  MpWindow *window = mp_window_new (NULL);
  GtkWidget *cancel;
  gint64 start;

  mp_plan_generator_options_init (&o, 50000);
  file = write_generated (&o, "large.mplan");
  gtk_window_present (GTK_WINDOW (window));
  mp_test_spin_frames (3);
  start = g_get_monotonic_time ();
  mp_window_load_file (window, file);
  /* Not before half a second (checked while less than 0.4 s passed: a
   * busy machine may take longer for a few frames). */
  while (g_get_monotonic_time () - start < 400000)
    {
      g_assert_null (find_button (GTK_WIDGET (window), "_Cancel"));
      mp_test_spin_frames (1);
    }
  MP_TEST_SPIN_UNTIL ((cancel = find_button (GTK_WIDGET (window), "_Cancel")) != NULL);
  g_test_message ("the loading page came after %.2f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 450000);
  mp_test_screenshot (GTK_WIDGET (window), "MP_SCREENSHOT_DIR", "hostile-loading");
  g_signal_emit_by_name (cancel, "clicked");
  mp_test_spin_frames (2);
  g_assert_null (find_button (GTK_WIDGET (window), "_Cancel"));
  /* Long enough for the load to have ended: it is dropped. */
  mp_test_spin_frames (300);
  g_assert_null (mp_window_get_plan (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("MUTUALPLAN_TODAY", "2026-11-20", TRUE);
  gtk_init ();
  mp_label_guard_init ();

  g_test_add_func ("/hostile-window/long-text", test_long_text);
  g_test_add_func ("/hostile-window/loading-cancel", test_loading_cancel);
  return g_test_run ();
}
