/* test-views.c: the shared editing widgets and the People, Goals and
 * Calendar views, driven on real fixtures under a display (Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <stdlib.h>
#include <string.h>

#include "mp-calendar-view.h"
#include "mp-cell-table.h"
#include "mp-date-button.h"
#include "mp-document.h"
#include "mp-format.h"
#include "mp-goals-view.h"
#include "mp-ical.h"
#include "mp-model.h"
#include "mp-participant-picker.h"
#include "mp-people-view.h"
#include "mp-plan-io.h"
#include "mp-refs-button.h"
#include "mp-test-widgets.h"
#include "mp-tooltip.h"

static void
count_cb (gpointer  instance,
          gpointer  arg,
          gpointer  user_data)
{
  (*(int *) user_data)++;
}

/* ---- MpDateButton ---- */

static void
test_date_button (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = mp_date_button_new ();
  MpDateButton *db = MP_DATE_BUTTON (button);
  int chosen = 0, notified = 0;
  MpDate d = mp_date_from_ymd (2027, 3, 31);

  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (button, "date-chosen", G_CALLBACK (count_cb), &chosen);
  g_signal_connect (button, "notify::date", G_CALLBACK (count_cb), &notified);

  g_assert_cmpuint (mp_date_button_get_date (db), ==, MP_DATE_NONE);
  /* Set by code: notify, no choice. */
  mp_date_button_set_date (db, d);
  g_assert_cmpuint (mp_date_button_get_date (db), ==, d);
  g_assert_cmpint (notified, ==, 1);
  g_assert_cmpint (chosen, ==, 0);
  mp_date_button_set_date (db, d);
  g_assert_cmpint (notified, ==, 1);

  /* Chosen by the user: both. */
  mp_date_button_choose (db, d + 1);
  g_assert_cmpint (chosen, ==, 1);
  g_assert_cmpint (notified, ==, 2);
  mp_date_button_choose (db, MP_DATE_NONE);
  g_assert_cmpuint (mp_date_button_get_date (db), ==, MP_DATE_NONE);
  g_assert_cmpint (chosen, ==, 2);

  /* Not clearable: the choice of no date is refused. */
  mp_date_button_set_date (db, d);
  mp_date_button_set_allow_none (db, FALSE);
  mp_date_button_choose (db, MP_DATE_NONE);
  g_assert_cmpuint (mp_date_button_get_date (db), ==, d);

  /* Opening the popover selects the date in the calendar without
   * counting as a choice. */
  mp_date_button_popup (db);
  mp_test_spin_frames (3);
  g_assert_cmpint (chosen, ==, 2);
  {
    GtkWidget *cal = NULL;
    GtkWidget *popover = (GtkWidget *) gtk_menu_button_get_popover (GTK_MENU_BUTTON (gtk_widget_get_first_child (button)));
    g_autoptr(GDateTime) dt = NULL;
    g_autoptr(GDateTime) pick = g_date_time_new_local (2027, 4, 2, 12, 0, 0);

    for (GtkWidget *w = gtk_widget_get_first_child (gtk_popover_get_child (GTK_POPOVER (popover))); w; w = gtk_widget_get_next_sibling (w))
      if (GTK_IS_CALENDAR (w))
        cal = w;
    g_assert_nonnull (cal);
    dt = gtk_calendar_get_date (GTK_CALENDAR (cal));
    g_assert_cmpint (g_date_time_get_day_of_month (dt), ==, 31);
    g_assert_cmpint (g_date_time_get_month (dt), ==, 3);
    /* A day picked in the calendar is a choice. */
    gtk_calendar_select_day (GTK_CALENDAR (cal), pick);
    g_assert_cmpint (chosen, ==, 3);
    g_assert_cmpuint (mp_date_button_get_date (db), ==, mp_date_from_ymd (2027, 4, 2));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- MpParticipantPicker ---- */

static const char *
picker_row_id (MpParticipantPicker *picker,
               guint                i)
{
  g_autoptr(MpParticipant) p = g_list_model_get_item (mp_participant_picker_get_model (picker), i);
  return p != NULL ? mp_participant_get_id (p) : "(none)";
}

static void
test_participant_picker (void)
{
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("acme-rollout.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *widget = mp_participant_picker_new ();
  MpParticipantPicker *picker = MP_PARTICIPANT_PICKER (widget);
  GListModel *model = mp_participant_picker_get_model (picker);
  g_autoptr(MpParticipant) extra = mp_participant_new ();
  int chosen = 0;

  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (widget, "participant-chosen", G_CALLBACK (count_cb), &chosen);

  mp_participant_picker_set_plan (picker, plan);
  /* Nobody and five people. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);
  g_assert_null (picker_row_id (picker, 0));

  /* One side only: the two sellers. */
  mp_participant_picker_set_party (picker, MP_PARTY_SELLER);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (picker_row_id (picker, 1), ==, "p-dana");
  g_assert_cmpstr (picker_row_id (picker, 2), ==, "p-raj");

  /* Set by code: no choice; the shown one stays listed even off-side. */
  mp_participant_picker_set_participant_id (picker, "p-lena");
  g_assert_cmpint (chosen, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpstr (mp_participant_picker_get_participant_id (picker), ==, "p-lena");

  mp_participant_picker_set_participant_id (picker, "p-raj");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* A user's choice. */
  g_assert_true (mp_participant_picker_choose (picker, "p-dana"));
  g_assert_cmpint (chosen, ==, 1);
  g_assert_cmpstr (mp_participant_picker_get_participant_id (picker), ==, "p-dana");
  g_assert_false (mp_participant_picker_choose (picker, "p-tom"));

  /* The list follows the plan: a new seller before Dana, and a side
   * change; the selection stays on Dana and nothing counts as a choice. */
  mp_participant_set_name (extra, "Zoe New");
  mp_participant_set_side (extra, MP_SIDE_SELLER);
  mp_document_insert (doc, mp_plan_get_participants (plan), 0, MP_RECORD (extra));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpstr (picker_row_id (picker, 1), ==, mp_participant_get_id (extra));
  g_assert_cmpstr (mp_participant_picker_get_participant_id (picker), ==, "p-dana");
  mp_document_set_int (doc, MP_RECORD (mp_plan_find_participant (plan, "p-tom")), MP_PARTICIPANT_SIDE, MP_SIDE_SELLER);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  mp_document_undo (doc);
  mp_document_undo (doc);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpint (chosen, ==, 1);
  g_assert_cmpstr (mp_participant_picker_get_participant_id (picker), ==, "p-dana");
  {
    g_autoptr(MpParticipant) sel = g_object_ref (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (gtk_widget_get_first_child (widget))));
    g_assert_cmpstr (mp_participant_get_id (sel), ==, "p-dana");
  }

  /* Removing the one shown: the drop-down falls back to nobody. */
  mp_participant_picker_set_participant_id (picker, NULL);
  g_assert_true (mp_participant_picker_choose (picker, NULL));
  g_assert_cmpint (chosen, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- the views ---- */

/* The button whose label reads @text. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget))
    {
      GtkWidget *label = mp_test_find_widget (widget, GTK_TYPE_LABEL);
      if (label != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, text);
      if (found)
        return found;
    }
  return NULL;
}

/* The editor of @type in the row of @record and the column @column
 * (-1: any) of a cell table (mp-cell-table keeps the GtkListItem on each
 * editor and the column on its cell). */
static GtkWidget *
find_cell (GtkWidget *widget,
           GType      type,
           gpointer   record,
           int        column)
{
  GtkListItem *li = g_object_get_data (G_OBJECT (widget), "mp-list-item");

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && li != NULL && gtk_list_item_get_item (li) == record &&
      (column < 0 || (int) mp_cell_table_cell_column (gtk_list_item_get_child (li)) == column))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell (child, type, record, column);
      if (found)
        return found;
    }
  return NULL;
}

/* A GtkEditableLabel's text field while it is being edited. */
static GtkWidget *
editing_text (GtkWidget *label)
{
  return mp_test_find_widget (label, GTK_TYPE_TEXT);
}

/* Runs the main loop until @done says so (a bound against hangs only). */
static void
spin_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
not_editing (gpointer label)
{
  return !gtk_editable_label_get_editing (label);
}

/* Opens a choice cell's popover and activates the row labelled @label. */
static void
choose_in_popover (GtkWidget  *button,
                   const char *label)
{
  GtkPopover *popover;
  GtkWidget *list;

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  mp_test_spin_frames (2);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  list = mp_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "label"), label) == 0)
      {
        g_signal_emit_by_name (list, "row-activated", row);
        mp_test_spin_frames (1);
        return;
      }
  g_assert_not_reached ();
}

static GtkWidget *
show_in_window (GtkWidget *view)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  mp_test_spin_frames (5);
  return window;
}

static guint
n_items (GListStore *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

static void
press (GtkWidget *root,
       const char *label)
{
  GtkWidget *button = find_button (root, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  mp_test_spin_frames (3);
}

/* Edits in all three views, each checked in the model; then undo all:
 * the plan's bytes are the file's again. */
static void
test_edit_and_undo_all (void)
{
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("acme-rollout.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  g_autoptr(GBytes) before = mp_plan_to_bytes (plan);
  g_autoptr(GBytes) after = NULL;
  GtkWidget *people = mp_people_view_new ();
  GtkWidget *goals = mp_goals_view_new ();
  GtkWidget *calendar = mp_calendar_view_new ();
  GtkWidget *w_people, *w_goals, *w_calendar, *entry, *dialog, *cell;
  MpParticipant *p, *sue = mp_plan_find_participant (plan, "p-sue");
  MpGoal *goal;
  MpBlackout *blackout;
  MpMeeting *meeting;
  MpReporting *reporting;
  g_autoptr(GString) text = g_string_new (NULL);
  GtkRoot *root;

  mp_people_view_set_document (MP_PEOPLE_VIEW (people), doc);
  mp_goals_view_set_document (MP_GOALS_VIEW (goals), doc);
  mp_calendar_view_set_document (MP_CALENDAR_VIEW (calendar), doc);
  w_people = show_in_window (people);

  /* The rows show the people. */
  g_assert_nonnull (find_cell (people, GTK_TYPE_EDITABLE_LABEL, sue, 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_cell (people, GTK_TYPE_EDITABLE_LABEL, sue, 0))), ==, "Sue Kim");

  /* Add a participant: after the selected first row, on Dana's side. */
  press (people, "Add Participant");
  g_assert_cmpuint (n_items (mp_plan_get_participants (plan)), ==, 6);
  p = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_participants (plan)), 1);
  g_object_unref (p);
  g_assert_cmpstr (mp_participant_get_name (p), ==, "New participant");
  g_assert_cmpint (mp_participant_get_side (p), ==, MP_SIDE_SELLER);
  g_assert_cmpstr (mp_participant_get_organization (p), ==, "Northwind Software");
  g_assert_true (mp_document_can_undo (doc));

  /* Its name is ready to type into. */
  mp_test_spin_frames (5);
  entry = find_cell (people, GTK_TYPE_EDITABLE_LABEL, p, 0);
  g_assert_nonnull (entry);
  root = gtk_widget_get_root (entry);
  g_assert_true (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (entry)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (root), entry));

  /* Edit the name: nothing is written until Enter (the text field's
   * activate, as the key does). */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Priya Sha");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Priya Shah");
  g_assert_cmpstr (mp_participant_get_name (p), ==, "New participant");
  g_signal_emit_by_name (editing_text (entry), "activate");
  g_assert_false (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (entry)));
  g_assert_cmpstr (mp_participant_get_name (p), ==, "Priya Shah");

  /* The e-mail cell commits when the focus leaves it. */
  entry = find_cell (people, GTK_TYPE_EDITABLE_LABEL, p, 1);
  g_assert_nonnull (entry);
  gtk_widget_grab_focus (entry);
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "priya@northwind.example");
  gtk_widget_grab_focus (find_cell (people, GTK_TYPE_EDITABLE_LABEL, p, 0));
  spin_until (not_editing, entry);
  g_assert_cmpstr (mp_participant_get_email (p), ==, "priya@northwind.example");

  /* Removing Sue, who owns a milestone, asks and says which. */
  mp_people_view_select (MP_PEOPLE_VIEW (people), MP_RECORD (sue));
  press (people, "Remove");
  dialog = mp_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (w_people));
  mp_test_collect_labels (dialog, FALSE, text);
  g_assert_nonnull (strstr (text->str, "Sue Kim"));
  g_assert_nonnull (strstr (text->str, "Legal review of MSA"));
  /* Cancel keeps her. */
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  mp_test_spin_frames (2);
  g_assert_nonnull (mp_plan_find_participant (plan, "p-sue"));
  press (people, "Remove");
  dialog = mp_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  mp_test_spin_frames (2);
  g_assert_null (mp_test_find_message_dialog ());
  g_assert_null (mp_plan_find_participant (plan, "p-sue"));
  g_assert_null (mp_milestone_get_customer_owner (mp_plan_find_milestone (plan, "m-legal")));

  /* Someone referred to by nobody goes without a question. */
  mp_people_view_select (MP_PEOPLE_VIEW (people), MP_RECORD (p));
  press (people, "Remove");
  g_assert_null (mp_test_find_message_dialog ());
  g_assert_null (mp_plan_find_participant (plan, mp_participant_get_id (p)));
  g_assert_cmpuint (n_items (mp_plan_get_participants (plan)), ==, 4);

  /* The organizer: Raj instead of Dana. */
  g_assert_true (mp_participant_picker_choose (MP_PARTICIPANT_PICKER (mp_test_find_widget (people, MP_TYPE_PARTICIPANT_PICKER)), "p-raj"));
  g_assert_cmpstr (mp_plan_get_organizer (plan), ==, "p-raj");
  cell = find_cell (people, GTK_TYPE_CHECK_BUTTON, mp_plan_find_participant (plan, "p-raj"), 6);
  g_assert_nonnull (cell);
  mp_test_spin_frames (2);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (cell)));

  /* ---- Goals ---- */
  w_goals = show_in_window (goals);
  press (goals, "Add Goal");
  g_assert_cmpuint (n_items (mp_plan_get_goals (plan)), ==, 3);
  goal = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_goals (plan)), 1);
  g_object_unref (goal);
  g_assert_cmpstr (mp_goal_get_title (goal), ==, "New goal");
  mp_test_spin_frames (3);
  entry = find_cell (goals, GTK_TYPE_EDITABLE_LABEL, goal, 1);
  g_assert_nonnull (entry);
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Two references by March");
  g_signal_emit_by_name (editing_text (entry), "activate");
  g_assert_cmpstr (mp_goal_get_measure (goal), ==, "Two references by March");

  /* Link milestones: through the popover's check buttons. */
  cell = find_cell (goals, MP_TYPE_REFS_BUTTON, goal, -1);
  g_assert_nonnull (cell);
  mp_refs_button_popup (MP_REFS_BUTTON (cell));
  mp_test_spin_frames (3);
  {
    GtkWidget *popover = mp_test_find_widget (cell, GTK_TYPE_POPOVER);
    GtkWidget *check_demo = find_button (popover, "Demo for the BI team");
    GtkWidget *check_sign = find_button (popover, "Signature");

    g_assert_nonnull (check_demo);
    g_assert_nonnull (check_sign);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check_demo), TRUE);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check_sign), TRUE);
    gtk_popover_popdown (GTK_POPOVER (popover));
  }
  g_assert_cmpuint (g_strv_length ((char **) mp_goal_get_milestones (goal)), ==, 2);
  g_assert_cmpstr (mp_goal_get_milestones (goal)[0], ==, "m-demo");
  g_assert_cmpstr (mp_goal_get_milestones (goal)[1], ==, "m-sign");
  mp_refs_button_toggle (MP_REFS_BUTTON (cell), "m-demo", FALSE);
  g_assert_cmpuint (g_strv_length ((char **) mp_goal_get_milestones (goal)), ==, 1);
  g_assert_cmpstr (mp_goal_get_milestones (goal)[0], ==, "m-sign");

  cell = find_cell (goals, GTK_TYPE_MENU_BUTTON, goal, 2);
  g_assert_nonnull (cell);
  choose_in_popover (cell, "Achieved");
  g_assert_cmpint (mp_goal_get_status (goal), ==, MP_GOAL_ACHIEVED);

  /* ---- Calendar ---- */
  w_calendar = show_in_window (calendar);
  press (calendar, "Add Blackout");
  g_assert_cmpuint (n_items (mp_plan_get_blackouts (plan)), ==, 4);
  blackout = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_blackouts (plan)), 1);
  g_object_unref (blackout);
  g_assert_cmpstr (mp_blackout_get_title (blackout), ==, "New blackout");
  g_assert_cmpuint (mp_blackout_get_start (blackout), ==, mp_blackout_get_end (blackout));
  mp_test_spin_frames (3);
  {
    /* The third column is the last day. */
    GtkWidget *end = find_cell (calendar, MP_TYPE_DATE_BUTTON, blackout, 2);

    g_assert_nonnull (end);
    mp_date_button_choose (MP_DATE_BUTTON (end), mp_blackout_get_start (blackout) + 4);
    g_assert_cmpuint (mp_blackout_get_end (blackout), ==, mp_blackout_get_start (blackout) + 4);
  }
  cell = find_cell (calendar, GTK_TYPE_MENU_BUTTON, blackout, 4);
  g_assert_nonnull (cell);
  choose_in_popover (cell, "Tom Becker");
  g_assert_cmpstr (mp_blackout_get_participant (blackout), ==, "p-tom");

  press (calendar, "Add Meeting");
  g_assert_cmpuint (n_items (mp_plan_get_meetings (plan)), ==, 2);
  meeting = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_meetings (plan)), 1);
  g_object_unref (meeting);
  g_assert_cmpstr (mp_meeting_get_title (meeting), ==, "New meeting");
  g_assert_true (g_str_has_suffix (mp_meeting_get_start (meeting), "T09:00"));
  g_assert_cmpint (mp_meeting_get_every_weeks (meeting), ==, 1);
  mp_test_spin_frames (3);
  /* The first meeting's cell: a date button and the time as text. */
  cell = find_cell (calendar, GTK_TYPE_BOX, meeting, 1);
  g_assert_nonnull (cell);
  entry = mp_test_find_widget (cell, GTK_TYPE_EDITABLE_LABEL);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "09:00");
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "14:30");
  g_signal_emit_by_name (editing_text (entry), "activate");
  g_assert_true (g_str_has_suffix (mp_meeting_get_start (meeting), "T14:30"));
  /* Not a time: the model keeps its value. */
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "25:99");
  g_signal_emit_by_name (editing_text (entry), "activate");
  g_assert_true (g_str_has_suffix (mp_meeting_get_start (meeting), "T14:30"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "14:30");
  /* Once: 0 weeks, shown as a word. */
  {
    GtkWidget *every = find_cell (calendar, GTK_TYPE_EDITABLE_LABEL, meeting, 3);

    g_assert_nonnull (every);
    gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (every));
    gtk_editable_set_text (GTK_EDITABLE (every), "0");
    g_signal_emit_by_name (editing_text (every), "activate");
    g_assert_cmpint (mp_meeting_get_every_weeks (meeting), ==, 0);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (every)), ==, "Once");
  }
  cell = find_cell (calendar, MP_TYPE_REFS_BUTTON, meeting, -1);
  mp_refs_button_toggle (MP_REFS_BUTTON (cell), "p-lena", TRUE);
  g_assert_cmpstr (mp_meeting_get_attendees (meeting)[0], ==, "p-lena");

  /* Status reports off, then on again: a new rhythm to the customer's
   * decision maker. */
  {
    GtkWidget *sw = mp_test_find_widget (calendar, GTK_TYPE_SWITCH);

    g_assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));
    gtk_switch_set_active (GTK_SWITCH (sw), FALSE);
    g_assert_null (mp_plan_get_reporting (plan));
    gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
    reporting = mp_plan_get_reporting (plan);
    g_assert_nonnull (reporting);
    g_assert_cmpint (mp_reporting_get_every_weeks (reporting), ==, 2);
    g_assert_cmpuint (g_strv_length ((char **) mp_reporting_get_recipients (reporting)), ==, 1);
    g_assert_cmpstr (mp_reporting_get_recipients (reporting)[0], ==, "p-tom");
    /* Undo brings the switch back with the model. */
    mp_document_undo (doc);
    g_assert_null (mp_plan_get_reporting (plan));
    g_assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));
    mp_document_redo (doc);
    g_assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));
  }

  /* The edited plan is a valid file. */
  {
    g_autoptr(GBytes) edited = mp_plan_to_bytes (plan);
    g_autoptr(GError) error = NULL;
    g_autoptr(MpPlan) check = mp_plan_load_from_data (g_bytes_get_data (edited, NULL), g_bytes_get_size (edited),
                                                      "edited", &error);
    g_assert_no_error (error);
  }

  /* Undo everything, with the views watching. */
  while (mp_document_can_undo (doc))
    {
      g_assert_true (mp_document_undo (doc));
      mp_test_spin_frames (1);
    }
  g_assert_false (mp_document_get_modified (doc));
  after = mp_plan_to_bytes (plan);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (n_items (mp_plan_get_participants (plan)), ==, 5);
  g_assert_nonnull (find_cell (people, GTK_TYPE_EDITABLE_LABEL, mp_plan_find_participant (plan, "p-sue"), 0));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (mp_test_find_widget (calendar, GTK_TYPE_SWITCH))));

  gtk_window_destroy (GTK_WINDOW (w_calendar));
  gtk_window_destroy (GTK_WINDOW (w_goals));
  gtk_window_destroy (GTK_WINDOW (w_people));
}

/* The check button of @day in the "Cancel One Date…" popover. */
static GtkWidget *
find_date_check (GtkWidget *widget,
                 MpDate     day)
{
  if (GTK_IS_CHECK_BUTTON (widget) &&
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "day")) == day)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_date_check (child, day);
      if (found)
        return found;
    }
  return NULL;
}

static char *
meeting_ics (MpPlan *plan)
{
  g_autoptr(GPtrArray) invitations = NULL;
  g_autoptr(GError) error = NULL;
  MpIcalOptions options;
  GString *all = g_string_new (NULL);

  mp_ical_options_init (&options);
  invitations = mp_ical_build_invitations (plan, &options, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < invitations->len; i++)
    {
      MpInvitation *inv = g_ptr_array_index (invitations, i);

      if (inv->is_meeting)
        g_string_append (all, inv->ics);
    }
  return g_string_free (all, FALSE);
}

/* Calendar page, "Cancel One Date…": one date of a weekly meeting that
 * was sent is cancelled through the popover; the plan records it, the
 * invitation is out of date and carries the EXDATE; undo restores it. */
static void
test_cancel_one_date (void)
{
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("acme-rollout.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  GtkWidget *calendar = mp_calendar_view_new ();
  GtkWidget *window, *button, *popover, *check;
  g_autoptr(MpMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_meetings (plan)), 0);
  GListStore *occ = mp_record_get_children (MP_RECORD (meeting), MP_MEETING_OCCURRENCES);
  MpDate first = mp_date_today () + 7, day = first + 14;
  g_autofree char *start = mp_local_datetime_format (first, 9 * 60 + 30);
  g_autofree char *exdate = NULL, *ics = NULL;
  g_autofree char *day_text = mp_format_date (day);
  int sequence;

  /* A weekly series from next week, already sent to its attendees. */
  mp_document_set_string (doc, MP_RECORD (meeting), MP_MEETING_START, start);
  mp_document_set_date (doc, MP_RECORD (meeting), MP_MEETING_UNTIL, first + 7 * 8);
  {
    g_autoptr(GPtrArray) invitations = NULL;
    MpIcalOptions options;

    mp_ical_options_init (&options);
    invitations = mp_ical_build_invitations (plan, &options, NULL, NULL);
    g_assert_nonnull (invitations);
    mp_ical_mark_sent (doc, invitations);
  }
  g_assert_false (mp_ical_event_is_outdated (plan, MP_RECORD (meeting)));
  sequence = mp_meeting_get_sequence (meeting);

  mp_calendar_view_set_document (MP_CALENDAR_VIEW (calendar), doc);
  window = show_in_window (calendar);
  button = find_button (calendar, "Cancel One Date…");
  g_assert_nonnull (button);
  button = gtk_widget_get_ancestor (button, GTK_TYPE_MENU_BUTTON);
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  mp_calendar_view_select (MP_CALENDAR_VIEW (calendar), MP_RECORD (meeting));
  mp_test_spin_frames (2);
  g_assert_true (gtk_widget_is_sensitive (button));

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  mp_test_spin_frames (5);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (gtk_widget_get_visible (popover));
  /* The coming dates, none ticked; the first is next week's. */
  g_assert_nonnull (find_date_check (popover, first));
  g_assert_null (find_date_check (popover, first - 7));
  check = find_date_check (popover, day);
  g_assert_nonnull (check);
  g_assert_nonnull (find_button (popover, day_text));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  mp_test_screenshot (popover, "MP_SCREENSHOT_DIR", "cancel-one-date");

  /* Tick it: one cancelled occurrence, one undo step, sequence up. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_cmpuint (n_items (occ), ==, 1);
  {
    g_autoptr(MpRecord) o = g_list_model_get_item (G_LIST_MODEL (occ), 0);

    g_assert_cmpuint (mp_record_get_date (o, MP_OCCURRENCE_DATE), ==, day);
    g_assert_true (mp_record_get_bool (o, MP_OCCURRENCE_CANCELLED));
  }
  g_assert_cmpint (mp_meeting_get_sequence (meeting), ==, sequence + 1);
  g_assert_cmpstr (mp_document_get_undo_label (doc), ==, "Cancel One Date");
  g_assert_true (mp_ical_event_is_outdated (plan, MP_RECORD (meeting)));
  {
    int y, m, d;

    /* EXDATE at the series' time, 09:30. */
    mp_date_to_ymd (day, &y, &m, &d);
    exdate = g_strdup_printf ("%04d%02d%02dT093000", y, m, d);
  }
  ics = meeting_ics (plan);
  g_assert_nonnull (strstr (ics, "EXDATE"));
  g_assert_nonnull (strstr (ics, exdate));

  /* Untick and tick again go through the document too. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_assert_cmpuint (n_items (occ), ==, 0);
  g_assert_cmpstr (mp_document_get_undo_label (doc), ==, "Restore Date");
  mp_document_undo (doc);
  g_assert_cmpuint (n_items (occ), ==, 1);

  /* Undo the cancellation: the series is whole again and as sent. */
  g_assert_true (mp_document_undo (doc));
  g_assert_cmpuint (n_items (occ), ==, 0);
  g_assert_cmpint (mp_meeting_get_sequence (meeting), ==, sequence);
  g_assert_false (mp_ical_event_is_outdated (plan, MP_RECORD (meeting)));
  g_free (ics);
  ics = meeting_ics (plan);
  g_assert_null (strstr (ics, exdate));
  /* The popover shows the model again when opened. */
  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  mp_test_spin_frames (3);
  check = find_date_check (popover, day);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The views follow the model when something else edits it (another
 * view, undo): no view is told. */
static void
test_views_follow_model (void)
{
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("acme-rollout.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  GtkWidget *people = mp_people_view_new ();
  GtkWidget *window;
  MpParticipant *tom = mp_plan_find_participant (plan, "p-tom");

  mp_people_view_set_document (MP_PEOPLE_VIEW (people), doc);
  window = show_in_window (people);
  mp_document_set_string (doc, MP_RECORD (tom), MP_PARTICIPANT_NAME, "Thomas Becker");
  mp_test_spin_frames (1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_cell (people, GTK_TYPE_EDITABLE_LABEL, tom, 0))), ==, "Thomas Becker");
  mp_document_undo (doc);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_cell (people, GTK_TYPE_EDITABLE_LABEL, tom, 0))), ==, "Tom Becker");

  /* Another document, then none. */
  {
    g_autoptr(MpDocument) other = mp_test_load_fixture ("mueller-maschinenbau.mplan");
    mp_people_view_set_document (MP_PEOPLE_VIEW (people), other);
    mp_test_spin_frames (3);
    g_assert_nonnull (find_cell (people, GTK_TYPE_EDITABLE_LABEL,
                                 mp_plan_find_participant (mp_document_get_plan (other), "p-oezlem"), 0));
    mp_people_view_set_document (MP_PEOPLE_VIEW (people), NULL);
    mp_test_spin_frames (2);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window is at least 720 px wide less its page list (130 px and a
 * divider): every list page fits beside it, and its rows read as text,
 * at most 36 px tall. */
#define PAGE_WIDTH_AT_720 588

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (g_strcmp0 (gtk_widget_get_css_name (widget), "row") == 0)
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static void
check_fits (GtkWidget  *view,
            const char *name)
{
  GtkWidget *window = show_in_window (view);
  int min = 0;

  gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_test_message ("%s: minimum width %d px", name, min);
  g_assert_cmpint (min, <=, PAGE_WIDTH_AT_720);
  /* Every row of every list. */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    collect_rows (view, rows);
    g_assert_cmpuint (rows->len, >, 0);
    for (guint i = 0; i < rows->len; i++)
      {
        GtkWidget *row = g_ptr_array_index (rows, i);

        if (GTK_IS_LIST_BOX_ROW (row) || !gtk_widget_get_mapped (row))
          continue;
        g_assert_cmpint (gtk_widget_get_height (row), <=, 36);
      }
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_pages_fit (void)
{
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("acme-rollout.mplan");
  GtkWidget *people = mp_people_view_new ();
  GtkWidget *goals = mp_goals_view_new ();
  GtkWidget *calendar = mp_calendar_view_new ();

  mp_people_view_set_document (MP_PEOPLE_VIEW (people), doc);
  mp_goals_view_set_document (MP_GOALS_VIEW (goals), doc);
  mp_calendar_view_set_document (MP_CALENDAR_VIEW (calendar), doc);
  check_fits (people, "people");
  check_fits (goals, "goals");
  check_fits (calendar, "calendar");
}

/* Through the cells as a user edits them: a person's e-mail (Enter opens
 * the editor, Enter commits), a blackout's last day (the date button's
 * own choice); undo puts the model and the cells back. */
static void
test_cells_edit_undo (void)
{
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("acme-rollout.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  MpParticipant *dana = mp_plan_find_participant (plan, "p-dana");
  g_autofree char *old_email = g_strdup (mp_participant_get_email (dana));
  GtkWidget *people = mp_people_view_new ();
  GtkWidget *calendar = mp_calendar_view_new ();
  GtkWidget *w_people, *w_calendar, *email, *end;
  g_autoptr(MpBlackout) blackout = NULL;
  MpDate old_end;

  mp_people_view_set_document (MP_PEOPLE_VIEW (people), doc);
  w_people = show_in_window (people);
  email = find_cell (people, GTK_TYPE_EDITABLE_LABEL, dana, 1);
  g_assert_nonnull (email);
  /* Rows read as text: the value, not an entry. */
  g_assert_false (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (email)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email)), ==, old_email);
  /* Enter on the cell: what its key binding runs. */
  gtk_widget_grab_focus (email);
  g_assert_true (gtk_widget_activate_action (email, "editing.start", NULL));
  g_assert_true (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (email)));
  /* Focus in a cell selects its row. */
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (
                      GTK_COLUMN_VIEW (mp_test_find_widget (people, GTK_TYPE_COLUMN_VIEW))))), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (email), "dana@northwind.example");
  g_assert_cmpstr (mp_participant_get_email (dana), ==, old_email);
  g_signal_emit_by_name (editing_text (email), "activate");
  g_assert_cmpstr (mp_participant_get_email (dana), ==, "dana@northwind.example");
  g_assert_true (mp_document_can_undo (doc));
  /* Escape while editing leaves the model alone. */
  g_assert_true (gtk_widget_activate_action (email, "editing.start", NULL));
  gtk_editable_set_text (GTK_EDITABLE (email), "typo@");
  gtk_widget_activate_action (email, "editing.stop", "b", FALSE);
  g_assert_cmpstr (mp_participant_get_email (dana), ==, "dana@northwind.example");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email)), ==, "dana@northwind.example");
  /* Undo: the model and the cell. */
  g_assert_true (mp_document_undo (doc));
  mp_test_spin_frames (1);
  g_assert_cmpstr (mp_participant_get_email (dana), ==, old_email);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_cell (people, GTK_TYPE_EDITABLE_LABEL, dana, 1))), ==,
                   old_email);
  g_assert_false (mp_document_can_undo (doc));

  mp_calendar_view_set_document (MP_CALENDAR_VIEW (calendar), doc);
  w_calendar = show_in_window (calendar);
  blackout = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_blackouts (plan)), 0);
  old_end = mp_blackout_get_end (blackout);
  end = find_cell (calendar, MP_TYPE_DATE_BUTTON, blackout, 2);
  g_assert_nonnull (end);
  g_assert_cmpuint (mp_date_button_get_date (MP_DATE_BUTTON (end)), ==, old_end);
  mp_date_button_choose (MP_DATE_BUTTON (end), old_end + 3);
  g_assert_cmpuint (mp_blackout_get_end (blackout), ==, old_end + 3);
  g_assert_true (mp_document_undo (doc));
  mp_test_spin_frames (1);
  g_assert_cmpuint (mp_blackout_get_end (blackout), ==, old_end);
  g_assert_cmpuint (mp_date_button_get_date (MP_DATE_BUTTON (find_cell (calendar, MP_TYPE_DATE_BUTTON, blackout, 2))),
                    ==, old_end);
  g_assert_false (mp_document_get_modified (doc));

  gtk_window_destroy (GTK_WINDOW (w_calendar));
  gtk_window_destroy (GTK_WINDOW (w_people));
}

/* Adding a column is one table entry: the same list with one entry more
 * has that column, showing and editing its field through the document. */
static const MpCellColumn goal_columns[] = {
  { "Goal", "Goal", 200, MP_COLUMN_EXPAND, .row = { MP_CELL_TEXT, MP_GOAL_TITLE, MP_CELL_REQUIRED } },
  { "Measure", "Measure", 180, 0, .row = { MP_CELL_TEXT, MP_GOAL_MEASURE } },
  /* the one entry more */
  { "Milestones", "Linked milestones", 150, 0, .row = { MP_CELL_REFS, MP_GOAL_MILESTONES, .refs = MP_REF_MILESTONE } },
};

static void
test_cells_one_entry (void)
{
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("acme-rollout.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  g_autoptr(MpGoal) goal = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_goals (plan)), 0);

  for (guint n = 2; n <= 3; n++)
    {
      GtkWidget *view = gtk_column_view_new (NULL);
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      g_autoptr(GtkSingleSelection) selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (mp_plan_get_goals (plan))));
      MpCellTable *table = mp_cell_table_new (GTK_COLUMN_VIEW (view), selection, goal_columns, n, G_TYPE_INVALID);
      GtkWidget *window, *refs;

      mp_cell_table_set_document (table, doc);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
      window = show_in_window (scrolled);
      g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (GTK_COLUMN_VIEW (view))), ==, n);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_cell (view, GTK_TYPE_EDITABLE_LABEL, goal, 0))), ==,
                       mp_goal_get_title (goal));
      refs = find_cell (view, MP_TYPE_REFS_BUTTON, goal, 2);
      if (n == 2)
        g_assert_null (refs);
      else
        {
          gboolean linked = g_strv_contains (mp_goal_get_milestones (goal), "m-demo");

          g_assert_nonnull (refs);
          mp_refs_button_toggle (MP_REFS_BUTTON (refs), "m-demo", !linked);
          g_assert_true (g_strv_contains (mp_goal_get_milestones (goal), "m-demo") != linked);
          g_assert_true (mp_document_undo (doc));
          g_assert_true (g_strv_contains (mp_goal_get_milestones (goal), "m-demo") == linked);
        }
      gtk_window_destroy (GTK_WINDOW (window));
      mp_test_spin_frames (2);
      mp_cell_table_free (table);
    }
}

static void
test_screenshots (void)
{
  const char *dir = g_getenv ("MP_SCREENSHOT_DIR");
  g_autoptr(MpDocument) doc = NULL;
  struct { const char *name; GtkWidget *view; } views[3];

  if (dir == NULL)
    {
      g_test_skip ("set MP_SCREENSHOT_DIR to write screenshots");
      return;
    }
  doc = mp_test_load_fixture ("mueller-maschinenbau.mplan");
  views[0].name = "people";
  views[0].view = mp_people_view_new ();
  mp_people_view_set_document (MP_PEOPLE_VIEW (views[0].view), doc);
  views[1].name = "goals";
  views[1].view = mp_goals_view_new ();
  mp_goals_view_set_document (MP_GOALS_VIEW (views[1].view), doc);
  views[2].name = "calendar";
  views[2].view = mp_calendar_view_new ();
  mp_calendar_view_set_document (MP_CALENDAR_VIEW (views[2].view), doc);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *window = show_in_window (views[i].view);
      g_autofree char *file = g_strdup_printf ("%s.png", views[i].name);

      mp_test_spin_frames (10);
      mp_test_screenshot (window, "MP_SCREENSHOT_DIR", file);
      if (g_getenv ("MP_SCREENSHOT_WAIT") != NULL)
        mp_test_spin_frames (atoi (g_getenv ("MP_SCREENSHOT_WAIT")));
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* A tooltip kept for later: setting it does not go through
 * gtk_widget_set_tooltip_text() (a round trip to the X server each time,
 * in GTK 4.8), and GTK gets the text when it asks (::query-tooltip). */
static void
test_lazy_tooltip (void)
{
  GtkWidget *button = g_object_ref_sink (gtk_button_new_with_label ("x"));
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  GtkWidget *date = g_object_ref_sink (mp_date_button_new ());
  guint notified = 0;
  gboolean shown = FALSE;

  g_signal_connect (button, "notify::tooltip-text", G_CALLBACK (count_notify), &notified);
  g_assert_null (mp_tooltip_get_text (button));
  mp_tooltip_set_text (button, "Due: 26 Feb 2027");
  mp_tooltip_set_text (button, "Due: 26 Feb 2027");
  g_assert_cmpstr (mp_tooltip_get_text (button), ==, "Due: 26 Feb 2027");
  g_assert_true (gtk_widget_get_has_tooltip (button));
  g_assert_cmpuint (notified, ==, 0);
  g_signal_emit_by_name (button, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_assert_true (shown);
  /* A screen reader reads it as the description, as with GTK's own. */
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Due: 26 Feb 2027");

  mp_tooltip_set_text (button, "");
  g_assert_null (mp_tooltip_get_text (button));
  g_assert_false (gtk_widget_get_has_tooltip (button));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  mp_tooltip_set_text (button, "Start: none");
  g_assert_true (gtk_widget_get_has_tooltip (button));
  g_assert_cmpstr (mp_tooltip_get_text (button), ==, "Start: none");
  g_assert_cmpuint (notified, ==, 0);

  /* The date button's name is its tooltip, kept the same way. */
  mp_date_button_set_accessible_label (MP_DATE_BUTTON (date), "Due date");
  g_assert_cmpstr (mp_tooltip_get_text (gtk_widget_get_first_child (date)), ==, "Due date");
  g_assert_null (gtk_widget_get_tooltip_text (gtk_widget_get_first_child (date)));

  /* A tooltip from a template stays when ours goes. */
  {
    GtkWidget *own = g_object_ref_sink (gtk_button_new_with_label ("y"));

    gtk_widget_set_tooltip_text (own, "From the template");
    mp_tooltip_set_text (own, "Ours");
    mp_tooltip_set_text (own, NULL);
    g_assert_true (gtk_widget_get_has_tooltip (own));
    g_assert_cmpstr (mp_tooltip_get_text (own), ==, "From the template");
    g_object_unref (own);
  }

  g_object_unref (tooltip);
  g_object_unref (button);
  g_object_unref (date);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("MUTUALPLAN_TODAY", "2027-02-01", TRUE);
  /* GTK's test accessibility backend keeps accessible properties for
   * gtk_test_accessible_assert_property() (no session bus needed). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_init ();
  {
    /* The application's style: rows are as compact as in the app. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/com/example/MutualPlan/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add_func ("/widgets/date-button", test_date_button);
  g_test_add_func ("/widgets/lazy-tooltip", test_lazy_tooltip);
  g_test_add_func ("/widgets/participant-picker", test_participant_picker);
  g_test_add_func ("/views/edit-and-undo-all", test_edit_and_undo_all);
  g_test_add_func ("/views/follow-model", test_views_follow_model);
  g_test_add_func ("/views/cancel-one-date", test_cancel_one_date);
  g_test_add_func ("/views/pages-fit", test_pages_fit);
  g_test_add_func ("/views/cells-edit-undo", test_cells_edit_undo);
  g_test_add_func ("/views/cells-one-entry", test_cells_one_entry);
  g_test_add_func ("/views/screenshots", test_screenshots);
  return g_test_run ();
}
