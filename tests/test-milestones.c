/* test-milestones.c: the Milestones page (MpMilestonesView) and its
 * search (MpMilestoneFilter), driven on the acme fixture under a display
 * (Xvfb): finding and filtering, adding in one motion, removing with the
 * notice and its Undo or Drop Instead, focus and selection, Space, the
 * tasks column, the start-after-due notice, collapse and expand, compact
 * rows, and the dependencies of the detail pane.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <string.h>

#include "mp-date-button.h"
#include "mp-document.h"
#include "mp-milestone-detail.h"
#include "mp-milestone-filter.h"
#include "mp-milestones-view.h"
#include "mp-model.h"
#include "mp-plan-generator.h"
#include "mp-schedule.h"
#include "mp-test-widgets.h"
#include "mp-tooltip.h"

typedef struct {
  MpDocument       *doc;
  MpPlan           *plan;
  MpMilestonesView *view;
  GtkWidget        *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->doc = mp_test_load_fixture ("acme-rollout.mplan");
  f->plan = mp_document_get_plan (f->doc);
  f->view = MP_MILESTONES_VIEW (mp_milestones_view_new ());
  mp_milestones_view_set_document (f->view, f->doc);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
  mp_test_spin_frames (8);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  mp_test_spin_frames (2);
  g_clear_object (&f->doc);
}

static guint
n_rows (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (mp_milestones_view_get_selection (f->view)));
}

static MpRecord *
selected (Fixture *f)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (mp_milestones_view_get_selection (f->view));
  g_autoptr(MpRecord) rec = row ? gtk_tree_list_row_get_item (row) : NULL;

  return rec; /* the plan keeps it */
}

static void
activate (Fixture    *f,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), action, NULL));
  mp_test_spin_frames (3);
}

static gboolean
action_enabled (Fixture    *f,
                const char *action)
{
  /* A button bound to the action follows its enabled state. */
  GtkWidget *w = GTK_WIDGET (f->view);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, w);
  while (stack->len > 0)
    {
      w = g_ptr_array_steal_index (stack, stack->len - 1);
      if (GTK_IS_ACTIONABLE (w) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), action) == 0)
        return gtk_widget_get_sensitive (w);
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_assert_not_reached ();
}

/* The notice's revealer (not the search bar's). */
static GtkWidget *
toast (Fixture *f)
{
  GtkWidget *overlay = mp_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_OVERLAY);

  for (GtkWidget *c = gtk_widget_get_first_child (overlay); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_REVEALER (c))
      return c;
  g_assert_not_reached ();
}

/* The text of the notice at the bottom, or NULL when none shows. */
static const char *
notice (Fixture *f)
{
  GtkWidget *revealer = toast (f);

  if (!gtk_widget_get_visible (revealer) || !gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (mp_test_find_widget (revealer, GTK_TYPE_LABEL)));
}

static GtkWidget *
notice_button (Fixture    *f,
               const char *label)
{
  GtkWidget *revealer = toast (f);
  GtkWidget *box = gtk_revealer_get_child (GTK_REVEALER (revealer));

  for (GtkWidget *c = gtk_widget_get_first_child (box); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
      return c;
  return NULL;
}

/* The row widgets of the column view that show a record now, with the
 * height of the tallest. */
static GtkWidget *
find_title_editor (GtkWidget  *root,
                   const char *text)
{
  if (GTK_IS_EDITABLE_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (root)), text) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_title_editor (c, text);
      if (found)
        return found;
    }
  return NULL;
}

/* ---- the search ---- */

static void
test_filter (void)
{
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (400);
  g_autoptr(MpMilestoneFilter) filter = mp_milestone_filter_new ();
  GListModel *shown = mp_milestone_filter_get_model (filter);
  g_autoptr(MpMilestone) m0 = NULL;
  MpTask *task;
  int changed = 0;
  guint n;

  mp_milestone_filter_set_plan (filter, plan);
  g_signal_connect_swapped (filter, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  g_assert_true (mp_milestone_filter_is_empty (filter));
  g_assert_cmpuint (mp_milestone_filter_get_n_shown (filter), ==, 400);
  g_assert_cmpuint (mp_milestone_filter_get_n_total (filter), ==, 400);

  /* A word from one milestone's title, in another case. */
  m0 = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_milestones (plan)), 17);
  mp_milestone_set_title (m0, "Quarterly Zebra check");
  mp_milestone_filter_set_text (filter, "zeb");
  g_assert_cmpint (changed, ==, 1);
  mp_milestone_filter_set_text (filter, "ZEBRA");
  g_assert_cmpuint (mp_milestone_filter_get_n_shown (filter), ==, 1);
  {
    g_autoptr(MpMilestone) only = g_list_model_get_item (shown, 0);
    g_assert_true (only == m0);
  }
  /* Two words must both appear. */
  mp_milestone_filter_set_text (filter, "zebra  quarterly");
  g_assert_cmpuint (mp_milestone_filter_get_n_shown (filter), ==, 1);
  mp_milestone_filter_set_text (filter, "zebra unicorn");
  g_assert_cmpuint (mp_milestone_filter_get_n_shown (filter), ==, 0);

  /* A matching task keeps its milestone. */
  task = g_list_model_get_item (G_LIST_MODEL (mp_milestone_get_tasks (m0)), 0);
  g_object_unref (task);
  mp_task_set_title (task, "Order unicorn stickers");
  mp_milestone_filter_set_text (filter, "unicorn");
  g_assert_cmpuint (mp_milestone_filter_get_n_shown (filter), ==, 1);
  g_assert_true (mp_milestone_filter_match_task (filter, task));
  g_assert_true (mp_milestone_filter_match (filter, m0));

  /* Back to everything. */
  mp_milestone_filter_set_text (filter, "");
  g_assert_true (mp_milestone_filter_is_empty (filter));
  g_assert_cmpuint (mp_milestone_filter_get_n_shown (filter), ==, 400);

  /* The kinds, counted against the model itself. */
  {
    GListModel *all = G_LIST_MODEL (mp_plan_get_milestones (plan));
    MpDate today = mp_date_from_ymd (2027, 6, 1);
    guint overdue = 0, soon = 0, seller = 0, customer = 0, owned = 0;
    g_autoptr(MpMilestone) first = g_list_model_get_item (all, 0);
    const char *person = mp_milestone_get_seller_owner (first);

    n = g_list_model_get_n_items (all);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(MpMilestone) m = g_list_model_get_item (all, i);
        MpDate due = mp_milestone_get_due (m);
        MpParty side = mp_milestone_get_responsible (m);
        gboolean task_overdue = FALSE, task_soon = FALSE, task_owned = FALSE;
        GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (m));

        for (guint k = 0; k < g_list_model_get_n_items (tasks); k++)
          {
            g_autoptr(MpTask) t = g_list_model_get_item (tasks, k);
            MpDate td = mp_task_get_due (t);

            task_overdue |= !mp_task_get_done (t) && td != MP_DATE_NONE && td < today;
            task_soon |= !mp_task_get_done (t) && td != MP_DATE_NONE && td >= today && td <= today + 14;
            task_owned |= g_strcmp0 (mp_task_get_owner (t), person) == 0;
          }
        overdue += mp_milestone_is_overdue (m, today) || task_overdue;
        soon += (mp_milestone_is_open (m) && due != MP_DATE_NONE && due >= today && due <= today + 14) || task_soon;
        seller += side == MP_PARTY_SELLER || side == MP_PARTY_BOTH;
        customer += side == MP_PARTY_CUSTOMER || side == MP_PARTY_BOTH;
        owned += g_strcmp0 (mp_milestone_get_seller_owner (m), person) == 0 ||
                 g_strcmp0 (mp_milestone_get_customer_owner (m), person) == 0 || task_owned;
      }
    mp_milestone_filter_set_today (filter, today);
    mp_milestone_filter_set_kind (filter, MP_MILESTONE_FILTER_OVERDUE, NULL);
    g_assert_cmpuint (overdue, >, 0);
    g_assert_cmpuint (mp_milestone_filter_get_n_shown (filter), ==, overdue);
    mp_milestone_filter_set_kind (filter, MP_MILESTONE_FILTER_NEXT_14_DAYS, NULL);
    g_assert_cmpuint (soon, >, 0);
    g_assert_cmpuint (mp_milestone_filter_get_n_shown (filter), ==, soon);
    mp_milestone_filter_set_kind (filter, MP_MILESTONE_FILTER_SELLER, NULL);
    g_assert_cmpuint (mp_milestone_filter_get_n_shown (filter), ==, seller);
    mp_milestone_filter_set_kind (filter, MP_MILESTONE_FILTER_CUSTOMER, NULL);
    g_assert_cmpuint (mp_milestone_filter_get_n_shown (filter), ==, customer);
    mp_milestone_filter_set_kind (filter, MP_MILESTONE_FILTER_PERSON, person);
    g_assert_cmpstr (mp_milestone_filter_get_person (filter), ==, person);
    g_assert_cmpuint (owned, >, 0);
    g_assert_cmpuint (mp_milestone_filter_get_n_shown (filter), ==, owned);
    g_assert_false (mp_milestone_filter_is_empty (filter));
    mp_milestone_filter_set_kind (filter, MP_MILESTONE_FILTER_ALL, NULL);
    g_assert_cmpuint (mp_milestone_filter_get_n_shown (filter), ==, 400);
  }
}

/* The page's search: Ctrl+F's action, a word, "Showing 1 of 9",
 * closing the bar shows all again. */
static void
test_search_page (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *bar = mp_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_BAR);
  GtkWidget *entry = mp_test_find_widget (bar, GTK_TYPE_SEARCH_ENTRY);
  g_autoptr(GString) labels = g_string_new (NULL);

  g_assert_cmpuint (n_rows (f), ==, 13);
  activate (f, "milestones.search");
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  MP_TEST_SPIN_UNTIL (gtk_root_get_focus (gtk_widget_get_root (entry)) != NULL &&
                      (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (entry)), entry) ||
                       gtk_root_get_focus (gtk_widget_get_root (entry)) == entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "questionnaire");
  MP_TEST_SPIN_UNTIL (n_rows (f) < 13);
  /* The security review stays for its task, which shows under it. */
  g_assert_cmpuint (mp_milestone_filter_get_n_shown (mp_milestones_view_get_filter (f->view)), ==, 2);
  mp_test_collect_labels (GTK_WIDGET (f->view), TRUE, labels);
  g_assert_nonnull (strstr (labels->str, "Showing 2 of 9"));
  {
    GtkTreeListRow *row = g_list_model_get_item (G_LIST_MODEL (mp_milestones_view_get_selection (f->view)), 0);
    g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

    g_assert_true (gtk_tree_list_row_get_expanded (row));
    g_object_unref (row);
  }
  /* Closing the search shows every row. */
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (bar), FALSE);
  MP_TEST_SPIN_UNTIL (n_rows (f) == 13);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

/* Typing in the search or choosing a filter while a row is selected:
 * the selected row leaving and coming back never selects from inside
 * the list's change nor binds a row without its record (crashed). */
static void
test_search_with_selection (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *bar = mp_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_BAR);
  GtkWidget *entry = mp_test_find_widget (bar, GTK_TYPE_SEARCH_ENTRY);
  MpMilestoneFilter *filter = mp_milestones_view_get_filter (f->view);
  MpMilestone *sign = mp_plan_find_milestone (f->plan, "m-sign");
  const char *texts[] = { "q", "qu", "questionnaire", "questionnairex", "", "sign", "s", "" };

  mp_milestones_view_select (f->view, MP_RECORD (sign));
  mp_test_spin_frames (2);
  g_assert_true (selected (f) == MP_RECORD (sign));
  activate (f, "milestones.search");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), texts[i]);
      mp_test_spin_frames (2);
      if (selected (f) == NULL)
        mp_milestones_view_select (f->view, MP_RECORD (sign));
    }
  mp_milestone_filter_set_kind (filter, MP_MILESTONE_FILTER_OVERDUE, NULL);
  mp_test_spin_frames (2);
  mp_milestone_filter_set_kind (filter, MP_MILESTONE_FILTER_ALL, NULL);
  mp_test_spin_frames (2);
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (bar), FALSE);
  MP_TEST_SPIN_UNTIL (n_rows (f) == 13);
  mp_test_spin_frames (2);
  /* Whatever was selected is a row of the plan. */
  g_assert_true (selected (f) == NULL || MP_IS_MILESTONE (selected (f)) || MP_IS_TASK (selected (f)));
}

/* ---- editing ---- */

static void
test_add_in_one_motion (Fixture       *f,
                        gconstpointer  data)
{
  GListStore *ms = mp_plan_get_milestones (f->plan);
  MpMilestone *sign = mp_plan_find_milestone (f->plan, "m-sign"), *added;
  GtkWidget *editor;
  guint pos;

  /* Without a selection: commands that need one are off. */
  g_assert_null (selected (f));
  g_assert_false (action_enabled (f, "milestones.remove"));
  g_assert_false (action_enabled (f, "milestones.add-task"));
  g_assert_false (action_enabled (f, "milestones.move-up"));
  g_assert_true (action_enabled (f, "milestones.add"));

  mp_milestones_view_select (f->view, MP_RECORD (sign));
  g_assert_true (action_enabled (f, "milestones.remove"));
  activate (f, "milestones.add");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ms)), ==, 10);
  added = g_list_model_get_item (G_LIST_MODEL (ms), 7);
  g_object_unref (added);
  g_assert_true (g_list_store_find (ms, sign, &pos) && pos == 6);
  g_assert_cmpstr (mp_milestone_get_title (added), ==, "New milestone");
  /* 5 working days after the row above (Wed 7 Apr 2027): Wed 14 Apr; today
   * (1 Feb 2027 in these tests) is earlier. */
  g_assert_cmpuint (mp_milestone_get_due (added), ==, mp_date_from_ymd (2027, 4, 14));
  g_assert_true (selected (f) == MP_RECORD (added));

  /* Its title is open for typing; Enter ends it. */
  MP_TEST_SPIN_UNTIL ((editor = find_title_editor (GTK_WIDGET (f->view), "New milestone")) != NULL &&
                      gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (editor)));
  gtk_editable_set_text (GTK_EDITABLE (editor), "Reference call");
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (editor), TRUE);
  g_assert_cmpstr (mp_milestone_get_title (added), ==, "Reference call");

  /* At the end of a plan whose last milestone is long past, the date is
   * 5 working days from today instead. */
  {
    MpMilestone *old = mp_plan_find_milestone (f->plan, "m-old");
    MpMilestone *last;

    mp_milestones_view_select (f->view, MP_RECORD (old));
    g_setenv ("MUTUALPLAN_TODAY", "2027-06-01", TRUE);
    activate (f, "milestones.add");
    g_setenv ("MUTUALPLAN_TODAY", "2027-02-01", TRUE);
    last = g_list_model_get_item (G_LIST_MODEL (ms), g_list_model_get_n_items (G_LIST_MODEL (ms)) - 1);
    g_object_unref (last);
    g_assert_cmpuint (mp_milestone_get_due (last), ==, mp_date_from_ymd (2027, 6, 8));
  }

  /* Add Task: under the selected milestone, selected, title open. */
  mp_milestones_view_select (f->view, MP_RECORD (added));
  activate (f, "milestones.add-task");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mp_milestone_get_tasks (added))), ==, 1);
  g_assert_true (MP_IS_TASK (selected (f)));
  MP_TEST_SPIN_UNTIL ((editor = find_title_editor (GTK_WIDGET (f->view), "New task")) != NULL &&
                      gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (editor)));
  mp_test_spin_frames (2);
}

static void
test_remove_undo_drop (Fixture       *f,
                       gconstpointer  data)
{
  MpMilestone *security = mp_plan_find_milestone (f->plan, "m-security");
  MpMilestone *commit = mp_plan_find_milestone (f->plan, "m-commit");
  GListStore *ms = mp_plan_get_milestones (f->plan);

  /* A milestone with two tasks. */
  mp_milestones_view_select (f->view, MP_RECORD (security));
  activate (f, "milestones.remove");
  g_assert_null (mp_plan_find_milestone (f->plan, "m-security"));
  g_assert_cmpstr (notice (f), ==, "Removed “Security review” and 2 tasks");
  g_assert_false (gtk_widget_get_visible (notice_button (f, "Drop Instead")));
  /* A neighbour is selected. */
  MP_TEST_SPIN_UNTIL (selected (f) != NULL);
  g_signal_emit_by_name (notice_button (f, "Undo"), "clicked");
  mp_test_spin_frames (3);
  g_assert_nonnull (mp_plan_find_milestone (f->plan, "m-security"));
  g_assert_null (notice (f));
  /* The one that came back is selected. */
  MP_TEST_SPIN_UNTIL (selected (f) == MP_RECORD (security));

  /* A committed milestone: Drop Instead brings it back dropped. */
  mp_milestones_view_select (f->view, MP_RECORD (commit));
  activate (f, "milestones.remove");
  g_assert_null (mp_plan_find_milestone (f->plan, "m-commit"));
  g_assert_cmpstr (notice (f), ==, "Removed “Commitment”");
  g_assert_true (gtk_widget_get_visible (notice_button (f, "Drop Instead")));
  g_signal_emit_by_name (notice_button (f, "Drop Instead"), "clicked");
  mp_test_spin_frames (3);
  g_assert_true (mp_plan_find_milestone (f->plan, "m-commit") == commit);
  g_assert_cmpint (mp_milestone_get_status (commit), ==, MP_STATUS_DROPPED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ms)), ==, 9);
  /* Its dependents still depend on it. */
  g_assert_true (g_strv_contains (mp_milestone_get_depends_on (mp_plan_find_milestone (f->plan, "m-sign")), "m-commit"));

  /* A task: "Removed task …"; another change hides the notice. */
  {
    MpTask *t = g_list_model_get_item (G_LIST_MODEL (mp_milestone_get_tasks (security)), 0);
    g_object_unref (t);
    mp_milestones_view_select (f->view, MP_RECORD (t));
    g_assert_true (selected (f) == MP_RECORD (t));
    activate (f, "milestones.remove");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mp_milestone_get_tasks (security))), ==, 1);
    g_assert_nonnull (strstr (notice (f), "Removed task “"));
    mp_document_set_string (f->doc, MP_RECORD (security), MP_MILESTONE_TITLE, "Security review (IT)");
    g_assert_null (notice (f));
  }
}

static guint
count (const char *text,
       const char *what)
{
  guint n = 0;

  for (const char *p = strstr (text, what); p != NULL; p = strstr (p + 1, what))
    n++;
  return n;
}

static void
test_focus_space_tasks (Fixture       *f,
                        gconstpointer  data)
{
  MpMilestone *security = mp_plan_find_milestone (f->plan, "m-security");
  MpMilestone *legal = mp_plan_find_milestone (f->plan, "m-legal");
  MpTask *task = g_list_model_get_item (G_LIST_MODEL (mp_milestone_get_tasks (security)), 1);
  GtkWidget *editor;
  g_autoptr(GString) labels = g_string_new (NULL);

  g_object_unref (task);
  /* Focus in a cell selects its row. */
  MP_TEST_SPIN_UNTIL ((editor = find_title_editor (GTK_WIDGET (f->view), "Legal review of MSA")) != NULL);
  gtk_widget_grab_focus (editor);
  mp_test_spin_frames (2);
  g_assert_true (selected (f) == MP_RECORD (legal));

  /* Space: done, and back. */
  activate (f, "milestones.toggle-done");
  g_assert_cmpint (mp_milestone_get_status (legal), ==, MP_STATUS_DONE);
  activate (f, "milestones.toggle-done");
  g_assert_cmpint (mp_milestone_get_status (legal), ==, MP_STATUS_PLANNED);

  /* A task ticked: its milestone's Tasks column follows. */
  mp_test_collect_labels (GTK_WIDGET (f->view), TRUE, labels);
  g_assert_cmpuint (count (labels->str, "1/2"), ==, 1);
  g_assert_cmpuint (count (labels->str, "2/2"), ==, 1); /* the first evaluation's */
  mp_milestones_view_select (f->view, MP_RECORD (task));
  activate (f, "milestones.toggle-done");
  g_assert_true (mp_task_get_done (task));
  mp_test_spin_frames (2);
  g_string_truncate (labels, 0);
  mp_test_collect_labels (GTK_WIDGET (f->view), TRUE, labels);
  g_assert_cmpuint (count (labels->str, "1/2"), ==, 0);
  g_assert_cmpuint (count (labels->str, "2/2"), ==, 2);

  /* Moving the start after the due date says so. */
  mp_milestones_view_select (f->view, MP_RECORD (legal));
  {
    GtkWidget *row = gtk_widget_get_ancestor (find_title_editor (GTK_WIDGET (f->view), "Legal review of MSA"),
                                              GTK_TYPE_WIDGET);
    GtkWidget *start = NULL;

    /* The row's first date button is its start. */
    while (row != NULL && mp_test_find_widget (row, MP_TYPE_DATE_BUTTON) == NULL)
      row = gtk_widget_get_parent (row);
    for (GtkWidget *c = gtk_widget_get_first_child (row); c && start == NULL; c = gtk_widget_get_next_sibling (c))
      start = mp_test_find_widget (c, MP_TYPE_DATE_BUTTON);
    g_assert_nonnull (start);
    mp_date_button_choose (MP_DATE_BUTTON (start), mp_date_from_ymd (2027, 3, 29));
  }
  g_assert_cmpuint (mp_milestone_get_start (legal), ==, mp_date_from_ymd (2027, 3, 29));
  g_assert_cmpuint (mp_milestone_get_due (legal), ==, mp_date_from_ymd (2027, 3, 29));
  g_assert_nonnull (notice (f));
  g_assert_true (g_str_has_prefix (notice (f), "Due date moved to "));
  g_signal_emit_by_name (notice_button (f, "Undo"), "clicked");
  g_assert_cmpuint (mp_milestone_get_due (legal), ==, mp_date_from_ymd (2027, 3, 26));
}

static void
test_collapse_rows (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *editor;
  int height;

  /* Compact rows: the row around a title is at most 36 px. */
  MP_TEST_SPIN_UNTIL ((editor = find_title_editor (GTK_WIDGET (f->view), "Security review")) != NULL);
  {
    GtkWidget *w = editor;

    while (w != NULL && g_strcmp0 (G_OBJECT_TYPE_NAME (w), "GtkListItemWidget") != 0 &&
           g_strcmp0 (G_OBJECT_TYPE_NAME (gtk_widget_get_parent (w)), "GtkColumnListView") != 0)
      w = gtk_widget_get_parent (w);
    g_assert_nonnull (w);
    height = gtk_widget_get_height (w);
    g_assert_cmpint (height, >, 0);
    g_assert_cmpint (height, <=, 36);
  }

  activate (f, "milestones.collapse-all");
  g_assert_cmpuint (n_rows (f), ==, 9);
  activate (f, "milestones.expand-all");
  g_assert_cmpuint (n_rows (f), ==, 13);
}

static GtkWidget *
find_menu_button (GtkWidget  *root,
                  const char *label)
{
  if (GTK_IS_MENU_BUTTON (root) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_menu_button (c, label);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_dependencies (Fixture       *f,
                   gconstpointer  data)
{
  MpMilestone *pilot = mp_plan_find_milestone (f->plan, "m-pilot");
  MpMilestoneDetail *detail;
  GtkWidget *search, *list_box;
  g_autoptr(GString) labels = g_string_new (NULL);

  mp_milestones_view_select (f->view, MP_RECORD (pilot));
  g_object_set (f->view, "show-details", TRUE, NULL);
  mp_test_spin_frames (3);
  detail = MP_MILESTONE_DETAIL (mp_test_find_widget (GTK_WIDGET (f->view), MP_TYPE_MILESTONE_DETAIL));
  /* A short list: its one predecessor, no check box per milestone. */
  list_box = mp_test_find_widget (GTK_WIDGET (detail), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list_box);
  mp_test_collect_labels (list_box, TRUE, labels);
  g_assert_cmpstr (labels->str, ==, "Security review\n");
  g_assert_null (mp_test_find_widget (GTK_WIDGET (detail), GTK_TYPE_CHECK_BUTTON) != NULL &&
                 gtk_widget_get_ancestor (mp_test_find_widget (GTK_WIDGET (detail), GTK_TYPE_CHECK_BUTTON),
                                          GTK_TYPE_LIST_BOX) == list_box ? (gpointer) 1 : NULL);

  /* Add: the search finds "Legal", Enter takes it. */
  {
    GtkWidget *add = find_menu_button (GTK_WIDGET (detail), "Add Predecessor…");

    gtk_menu_button_popup (GTK_MENU_BUTTON (add));
    mp_test_spin_frames (3);
    search = mp_test_find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (add))), GTK_TYPE_SEARCH_ENTRY);
    gtk_editable_set_text (GTK_EDITABLE (search), "legal");
    mp_test_spin_frames (12); /* the search waits for typing to pause */
    g_signal_emit_by_name (search, "activate");
    mp_test_spin_frames (2);
    g_assert_true (g_strv_contains (mp_milestone_get_depends_on (pilot), "m-legal"));

    /* A cycle is refused, with the reason. */
    gtk_menu_button_popup (GTK_MENU_BUTTON (add));
    mp_test_spin_frames (3);
    gtk_editable_set_text (GTK_EDITABLE (search), "Go-live");
    mp_test_spin_frames (12);
    g_signal_emit_by_name (search, "activate");
    mp_test_spin_frames (2);
    g_assert_false (g_strv_contains (mp_milestone_get_depends_on (pilot), "m-golive"));
    g_string_truncate (labels, 0);
    mp_test_collect_labels (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (add))), TRUE, labels);
    g_assert_nonnull (strstr (labels->str, "already depends on this milestone"));
    gtk_menu_button_popdown (GTK_MENU_BUTTON (add));
  }

  /* Remove: the row's button. */
  {
    GtkWidget *row = gtk_widget_get_first_child (list_box);
    GtkWidget *remove = mp_test_find_widget (row, GTK_TYPE_BUTTON);

    g_signal_emit_by_name (remove, "clicked");
    mp_test_spin_frames (2);
    g_assert_false (g_strv_contains (mp_milestone_get_depends_on (pilot), "m-security"));
    g_assert_true (g_strv_contains (mp_milestone_get_depends_on (pilot), "m-legal"));
  }
}

static void
count_tooltips (GtkWidget  *w,
                guint      *gtk_tips,
                guint      *lazy_tips,
                const char *title,
                gboolean   *title_found)
{
  if (gtk_widget_get_tooltip_text (w) != NULL)
    (*gtk_tips)++;
  else if (mp_tooltip_get_text (w) != NULL)
    {
      (*lazy_tips)++;
      if (g_strcmp0 (mp_tooltip_get_text (w), title) == 0)
        *title_found = TRUE;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    count_tooltips (c, gtk_tips, lazy_tips, title, title_found);
}

static void
collect_bound (GtkWidget  *w,
               GHashTable *handlers)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (w), "mp-list-item");

  if (GTK_IS_MENU_BUTTON (w) && item != NULL && g_object_get_data (G_OBJECT (item), "mp-bound") != NULL)
    g_hash_table_insert (handlers, item, g_object_get_data (G_OBJECT (item), "mp-notify-handler"));
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_bound (c, handlers);
}

/* GTK 4.8 unbinds and binds a row again whenever its position changes:
 * a row added or removed above rebound every row below. The cells bind
 * only when their row's item changes: after a milestone is removed at
 * the top, the rows that stay keep their binding. */
static void
test_rows_stay_bound (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *list = mp_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW);
  g_autoptr(GHashTable) before = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) after = g_hash_table_new (NULL, NULL);
  GListStore *ms = mp_plan_get_milestones (f->plan);
  GHashTableIter iter;
  gpointer item, handler;
  guint same = 0;

  collect_bound (list, before);
  g_assert_cmpuint (g_hash_table_size (before), >, 10);
  mp_document_remove (f->doc, ms, 0);
  mp_test_spin_frames (4);
  collect_bound (list, after);
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &item, &handler))
    if (g_hash_table_lookup (before, item) == handler)
      same++;
  g_assert_cmpuint (same, >, g_hash_table_size (after) / 2);
}

/* Binding a row sets no GTK tooltip (each costs a round trip to the X
 * server in GTK 4.8): the cells' tooltips are kept until GTK asks. */
static void
test_lazy_tooltips (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *list = mp_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW);
  g_autoptr(MpMilestone) first = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_milestones (f->plan)), 0);
  guint gtk_tips = 0, lazy_tips = 0;
  gboolean title_found = FALSE;

  g_assert_nonnull (list);
  count_tooltips (list, &gtk_tips, &lazy_tips, mp_milestone_get_title (first), &title_found);
  g_assert_cmpuint (gtk_tips, ==, 0);
  g_assert_cmpuint (lazy_tips, >, 10);
  g_assert_true (title_found);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("MUTUALPLAN_TODAY", "2027-02-01", TRUE);
  gtk_init ();
  {
    /* The application's style: rows are as compact as in the app. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/com/example/MutualPlan/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add_func ("/milestones/filter", test_filter);
  g_test_add ("/milestones/search", Fixture, NULL, fixture_set_up, test_search_page, fixture_tear_down);
  g_test_add ("/milestones/search-with-selection", Fixture, NULL, fixture_set_up, test_search_with_selection, fixture_tear_down);
  g_test_add ("/milestones/add", Fixture, NULL, fixture_set_up, test_add_in_one_motion, fixture_tear_down);
  g_test_add ("/milestones/remove", Fixture, NULL, fixture_set_up, test_remove_undo_drop, fixture_tear_down);
  g_test_add ("/milestones/focus-space-tasks", Fixture, NULL, fixture_set_up, test_focus_space_tasks, fixture_tear_down);
  g_test_add ("/milestones/collapse-rows", Fixture, NULL, fixture_set_up, test_collapse_rows, fixture_tear_down);
  g_test_add ("/milestones/rows-stay-bound", Fixture, NULL, fixture_set_up, test_rows_stay_bound, fixture_tear_down);
  g_test_add ("/milestones/lazy-tooltips", Fixture, NULL, fixture_set_up, test_lazy_tooltips, fixture_tear_down);
  g_test_add ("/milestones/dependencies", Fixture, NULL, fixture_set_up, test_dependencies, fixture_tear_down);
  return g_test_run ();
}
