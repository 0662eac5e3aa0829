/* test-workspace.c: the window's width, the Milestones page's view toggle
 * and narrow layout, the Overview's first entries and "Show all"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <string.h>

#include "mp-milestone-filter.h"
#include "mp-milestones-view.h"
#include "mp-model.h"
#include "mp-overview.h"
#include "mp-plan-generator.h"
#include "mp-timeline.h"
#include "mp-window.h"
#include "mp-workspace.h"
#include "mp-test-widgets.h"

#define MIN_WIDTH 720

static void
test_min_width (void)
{
  MpWindow *window = mp_window_new (NULL);
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("acme-rollout.mplan");
  static const char *pages[] = { "overview", "milestones", "goals", "people", "calendar" };
  int breakpoint = 0;

  g_object_get (window, "breakpoint", &breakpoint, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  mp_window_set_document (window, doc);
  for (guint narrow = 0; narrow < 2; narrow++)
    {
      /* A user narrows the window step by step: wide, it must allow a
       * width below the breakpoint; narrow, 720 px. */
      if (narrow)
        {
          gtk_window_set_default_size (GTK_WINDOW (window), 700, 600);
          MP_TEST_SPIN_UNTIL (mp_window_get_narrow (window));
        }
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          int min, nat;

          mp_window_show_page (window, pages[i]);
          mp_test_spin_frames (3);
          gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
          g_test_message ("%s, %s: at least %d px wide", pages[i], narrow ? "narrow" : "wide", min);
          if (g_str_equal (pages[i], "people") || g_str_equal (pages[i], "calendar"))
            {
              /* Their lists are the list cells' (issue 13, another part). */
              if (min > MIN_WIDTH)
                g_test_incomplete ("the People and Calendar pages are still wider than 720 px");
              continue;
            }
          g_assert_cmpint (min, <, narrow ? MIN_WIDTH + 1 : breakpoint);
        }
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_narrow (void)
{
  MpWindow *window = mp_window_new (NULL);
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("acme-rollout.mplan");
  GtkWidget *page, *timeline, *detail;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  mp_window_set_document (window, doc);
  mp_window_show_page (window, "milestones");
  MP_TEST_SPIN_UNTIL (gtk_widget_get_width (GTK_WIDGET (window)) >= 1200);
  g_assert_false (mp_window_get_narrow (window));
  page = mp_test_find_visible (GTK_WIDGET (window), MP_TYPE_MILESTONES_VIEW);
  timeline = mp_test_find_widget (page, MP_TYPE_TIMELINE);
  g_object_set (page, "show-details", TRUE, NULL);
  mp_test_spin_frames (3);
  detail = mp_test_find_visible (page, g_type_from_name ("MpMilestoneDetail"));
  g_assert_nonnull (detail);
  /* Wide: list, timeline and details side by side. */
  g_assert_true (gtk_widget_get_mapped (timeline));
  g_assert_cmpint (gtk_widget_get_width (detail), >, 0);

  /* Narrow: the details take the timeline's place. */
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 600);
  MP_TEST_SPIN_UNTIL (mp_window_get_narrow (window));
  mp_test_spin_frames (5);
  g_assert_true (gtk_widget_get_mapped (detail));
  g_assert_false (gtk_widget_get_mapped (timeline));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "narrow"));
  mp_test_screenshot (GTK_WIDGET (window), "MP_SCREENSHOT_DIR", "milestones-narrow-details");
  /* Details hidden: the timeline is back. */
  g_object_set (page, "show-details", FALSE, NULL);
  mp_test_spin_frames (5);
  g_assert_true (gtk_widget_get_mapped (timeline));

  /* Wide again. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  MP_TEST_SPIN_UNTIL (!mp_window_get_narrow (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The vertical pane of list over timeline. */
static GtkPaned *
find_split (GtkWidget *root)
{
  if (GTK_IS_PANED (root) && gtk_orientable_get_orientation (GTK_ORIENTABLE (root)) == GTK_ORIENTATION_VERTICAL)
    return GTK_PANED (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkPaned *found = find_split (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_view_toggle (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("com.example.MutualPlan");
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("acme-rollout.mplan");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = mp_milestones_view_new ();
  GtkWidget *timeline = mp_test_find_widget (page, MP_TYPE_TIMELINE);
  GtkWidget *list = mp_test_find_widget (page, GTK_TYPE_COLUMN_VIEW);
  GtkPaned *split = find_split (page);

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  mp_milestones_view_set_document (MP_MILESTONES_VIEW (page), doc);
  gtk_window_present (GTK_WINDOW (window));
  mp_test_spin_frames (5);
  g_assert_cmpstr (mp_workspace_get_view (page), ==, "both");
  g_assert_true (gtk_widget_get_mapped (timeline) && gtk_widget_get_mapped (list));

  g_assert_true (gtk_widget_activate_action (page, "workspace.view", "s", "list"));
  mp_test_spin_frames (3);
  g_assert_false (gtk_widget_get_mapped (timeline));
  g_assert_true (gtk_widget_get_mapped (list));
  g_assert_true (gtk_widget_activate_action (page, "workspace.view", "s", "timeline"));
  mp_test_spin_frames (3);
  g_assert_true (gtk_widget_get_mapped (timeline));
  g_assert_false (gtk_widget_get_mapped (list));
  /* Remembered. */
  {
    g_autofree char *saved = g_settings_get_string (settings, "workspace-view");
    g_assert_cmpstr (saved, ==, "timeline");
  }
  g_assert_true (gtk_widget_activate_action (page, "workspace.view", "s", "both"));
  mp_test_spin_frames (3);
  gtk_paned_set_position (split, 333);
  mp_test_spin_frames (2);
  g_assert_cmpint (g_settings_get_int (settings, "timeline-split"), ==, 333);
  gtk_window_destroy (GTK_WINDOW (window));

  /* A new page starts as the last one was left. */
  g_settings_set_string (settings, "workspace-view", "list");
  page = mp_milestones_view_new ();
  g_object_ref_sink (page);
  g_assert_cmpstr (mp_workspace_get_view (page), ==, "list");
  split = find_split (page);
  g_assert_cmpint (gtk_paned_get_position (split), ==, 333);
  g_object_unref (page);
  g_settings_set_string (settings, "workspace-view", "both");
}

/* Rows of a list box that a user sees, as text. */
static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    n += GTK_IS_LIST_BOX_ROW (c);
  return n;
}

static GtkListBox *
list_named (GtkWidget  *root,
            const char *name)
{
  if (GTK_IS_LIST_BOX (root) && g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return GTK_LIST_BOX (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkListBox *found = list_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_overview_show_all (void)
{
  /* Hundreds of milestones, most of them overdue by "today". */
  g_autoptr(MpPlan) plan = (g_setenv ("MUTUALPLAN_TODAY", "2099-01-01", TRUE), mp_plan_generator_generate_n (400));
  g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);
  MpWindow *window = mp_window_new (NULL);
  GtkWidget *overview;
  GtkListBox *overdue;
  GtkWidget *more = NULL;

  gtk_window_present (GTK_WINDOW (window));
  mp_window_set_document (window, doc);
  mp_window_show_page (window, "overview");
  overview = mp_test_find_visible (GTK_WIDGET (window), MP_TYPE_OVERVIEW);
  g_assert_nonnull (overview);
  MP_TEST_SPIN_UNTIL ((overdue = list_named (overview, "overdue")) != NULL && count_rows (GTK_WIDGET (overdue)) > 1);
  /* Five and "Show all N": not hundreds of rows. */
  g_assert_cmpuint (count_rows (GTK_WIDGET (overdue)), ==, 6);
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (overdue)); c; c = gtk_widget_get_next_sibling (c))
    more = c;
  {
    g_autoptr(GString) text = g_string_new (NULL);

    mp_test_collect_labels (more, FALSE, text);
    g_test_message ("last row: %s", text->str);
    g_assert_true (g_str_has_prefix (text->str, "Show all "));
  }
  g_signal_emit_by_name (overdue, "row-activated", more);
  mp_test_spin_frames (3);
  {
    GtkWidget *page = mp_test_find_visible (GTK_WIDGET (window), MP_TYPE_MILESTONES_VIEW);
    MpMilestoneFilter *filter;

    g_assert_nonnull (page);
    filter = mp_milestones_view_get_filter (MP_MILESTONES_VIEW (page));
    g_assert_cmpint (mp_milestone_filter_get_kind (filter), ==, MP_MILESTONE_FILTER_OVERDUE);
    g_assert_cmpuint (mp_milestone_filter_get_n_shown (filter), <, mp_milestone_filter_get_n_total (filter));
    g_assert_cmpuint (mp_milestone_filter_get_n_shown (filter), >, 5);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("MUTUALPLAN_TODAY");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/workspace/min-width", test_min_width);
  g_test_add_func ("/workspace/narrow", test_narrow);
  g_test_add_func ("/workspace/view-toggle", test_view_toggle);
  g_test_add_func ("/workspace/overview-show-all", test_overview_show_all);
  return g_test_run ();
}
