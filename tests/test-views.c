/* test-views.c: the shared editing widgets and the People, Goals and
 * Calendar views, driven on real fixtures under a display (Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <string.h>

#include "mp-date-button.h"
#include "mp-document.h"
#include "mp-format.h"
#include "mp-model.h"
#include "mp-participant-picker.h"
#include "mp-plan-io.h"

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

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

static MpDocument *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  MpDocument *doc = mp_document_load (file, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

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
  spin_frames (3);
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
  g_autoptr(MpDocument) doc = load_fixture ("acme-rollout.mplan");
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("MUTUALPLAN_TODAY", "2027-02-01", TRUE);
  gtk_init ();

  g_test_add_func ("/widgets/date-button", test_date_button);
  g_test_add_func ("/widgets/participant-picker", test_participant_picker);
  return g_test_run ();
}
