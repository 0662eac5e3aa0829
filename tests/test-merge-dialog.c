/* test-merge-dialog.c: File → Merge Changes from a Copy…
 *
 * The dialog over real fixtures (tests/data/merge): the changes grouped
 * by milestone, person and goal with their check boxes on, the conflict
 * with its two sides, an unchecked change left out, a conflict decided
 * for theirs, one undo step; without a base every difference a choice;
 * the menu items. With MP_SCREENSHOT_DIR set the dialog is saved as
 * merge-dialog.png (German: MUTUALPLAN_LOCALEDIR=BUILD/po LANGUAGE=de).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "mp-merge-dialog.h"
#include "mp-model.h"
#include "mp-plan-io.h"
#include "mp-share-dialog.h"
#include "mp-test-widgets.h"
#include "mp-window.h"

static MpPlan *
load (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "merge", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  MpPlan *plan = mp_plan_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    collect (c, type, out);
}

static char *
plan_text (MpPlan *plan)
{
  g_autoptr(GBytes) bytes = mp_plan_to_bytes (plan);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_merge (void)
{
  g_autoptr(MpPlan) base = load ("base.mplan");
  g_autoptr(MpPlan) ours = load ("ours.mplan");
  g_autoptr(MpPlan) theirs = load ("theirs-conflict.mplan");
  g_autoptr(MpDocument) doc = mp_document_new (ours, NULL);
  g_autofree char *before = plan_text (ours);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GString) labels = g_string_new (NULL);
  MpMergeDialog *dialog;
  GtkWidget *apply;
  guint clean = 0, unchecked = 0;
  MpMerge *merge;

  /* The customer's copy also moves the due date and adds a person. */
  mp_milestone_set_due (mp_plan_find_milestone (theirs, "m-sign"), mp_milestone_get_due (mp_plan_find_milestone (theirs, "m-sign")) + 7);
  {
    g_autoptr(MpParticipant) p = g_object_new (MP_TYPE_PARTICIPANT, NULL);

    mp_record_mark_new (MP_RECORD (p));
    mp_participant_set_id (p, "p-ortiz");
    mp_participant_set_name (p, "Lena Ortiz");
    mp_participant_set_side (p, MP_SIDE_CUSTOMER);
    g_list_store_append (mp_plan_get_participants (theirs), p);
  }

  dialog = g_object_ref_sink (mp_merge_dialog_new (NULL, doc, base, "2027-01-20T10:00:00+01:00", theirs, "Hansen (Kunde).mplan"));
  gtk_window_present (GTK_WINDOW (dialog));
  mp_test_spin_frames (10);
  merge = mp_merge_dialog_get_merge (dialog);
  g_assert_cmpuint (mp_merge_get_n_conflicts (merge), ==, 1);

  mp_test_screenshot (GTK_WIDGET (dialog), "MP_SCREENSHOT_DIR", "merge-dialog.png");
  mp_test_collect_labels (GTK_WIDGET (dialog), TRUE, labels);
  if (g_str_equal (_("Milestones"), "Milestones")) /* not for the German screenshot */
  {
  g_assert_nonnull (strstr (labels->str, "Milestones"));
  g_assert_nonnull (strstr (labels->str, "People"));
  g_assert_nonnull (strstr (labels->str, "“Signature”"));
  g_assert_nonnull (strstr (labels->str, "Due 9 Apr 2027 → 16 Apr 2027"));
  g_assert_nonnull (strstr (labels->str, "Lena Ortiz"));
  g_assert_nonnull (strstr (labels->str, "Keep yours: “Legal and purchasing review”"));
  g_assert_nonnull (strstr (labels->str, "Take theirs: “Contract review”"));
  }

  /* Every clean change has a check box, on; the conflict keeps ours. */
  collect (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, checks);
  for (guint i = 0; i < mp_merge_get_n_changes (merge); i++)
    if (!mp_merge_get_change (merge, i)->conflict)
      clean++;
  g_assert_cmpuint (checks->len, ==, clean + 2);
  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);
      MpMergeChange *c = g_object_get_data (G_OBJECT (check), "change");

      if (c != NULL && c->conflict)
        {
          g_assert_false (gtk_check_button_get_active (check));
          gtk_check_button_set_active (check, TRUE); /* take theirs */
          g_assert_true (c->apply);
        }
      else if (c != NULL)
        {
          g_assert_true (gtk_check_button_get_active (check));
          if (c->kind == MP_MERGE_SET && c->field == MP_MILESTONE_DUE)
            {
              gtk_check_button_set_active (check, FALSE);
              g_assert_false (c->apply);
              unchecked++;
            }
        }
    }
  g_assert_cmpuint (unchecked, ==, 1);

  apply = mp_test_find_named (GTK_WIDGET (dialog), "apply");
  g_assert_nonnull (apply);
  g_signal_emit_by_name (apply, "clicked");
  mp_test_spin_frames (2);

  /* Theirs for the conflict, everything else but the unchecked date. */
  g_assert_cmpstr (mp_milestone_get_title (mp_plan_find_milestone (ours, "m-legal")), ==, "Contract review");
  g_assert_cmpuint (mp_milestone_get_due (mp_plan_find_milestone (ours, "m-sign")), ==,
                    mp_milestone_get_due (mp_plan_find_milestone (base, "m-sign")));
  g_assert_nonnull (mp_plan_find_participant (ours, "p-ortiz"));
  if (g_str_equal (_("Milestones"), "Milestones"))
    {
      g_assert_nonnull (strstr (mp_merge_dialog_get_result (dialog), "Merged "));
      g_assert_nonnull (strstr (mp_merge_dialog_get_result (dialog), "you took theirs for 1"));
    }
  after = plan_text (ours);
  g_assert_cmpstr (after, !=, before);

  /* One undo step, named after the copy. */
  if (g_str_equal (_("Milestones"), "Milestones"))
    g_assert_cmpstr (mp_document_get_undo_label (doc), ==, "Merge Changes from “Hansen (Kunde).mplan”");
  g_assert_true (mp_document_undo (doc));
  undone = plan_text (ours);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (mp_document_can_undo (doc));
  g_object_unref (dialog);
}

/* Without a shared version every difference is a choice, yours by default. */
static void
test_two_way (void)
{
  g_autoptr(MpPlan) ours = load ("ours.mplan");
  g_autoptr(MpPlan) theirs = load ("theirs.mplan");
  g_autoptr(MpDocument) doc = mp_document_new (ours, NULL);
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autofree char *before = plan_text (ours);
  g_autofree char *after = NULL;
  MpMergeDialog *dialog = g_object_ref_sink (mp_merge_dialog_new (NULL, doc, NULL, NULL, theirs, "copy.mplan"));
  MpMerge *merge = mp_merge_dialog_get_merge (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  mp_test_spin_frames (5);
  mp_test_screenshot (GTK_WIDGET (dialog), "MP_SCREENSHOT_DIR", "merge-dialog-two-way.png");
  mp_test_collect_labels (GTK_WIDGET (dialog), TRUE, labels);
  if (g_str_equal (_("Milestones"), "Milestones"))
    g_assert_nonnull (strstr (labels->str, "No shared version of this plan is known"));
  g_assert_cmpuint (mp_merge_get_n_changes (merge), >, 3);
  g_assert_cmpuint (mp_merge_get_n_conflicts (merge), ==, mp_merge_get_n_changes (merge));
  g_signal_emit_by_name (mp_test_find_named (GTK_WIDGET (dialog), "apply"), "clicked");
  mp_test_spin_frames (2);
  after = plan_text (ours);
  g_assert_cmpstr (after, ==, before);
  g_object_unref (dialog);
}

/* The window offers the three commands. */
static void
test_actions (void)
{
  const char *names[] = { "win.merge-copy", "win.save-copy", "win.send-plan" };
  GtkWidgetClass *klass = g_type_class_ref (MP_TYPE_WINDOW);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gboolean found = FALSE;
      const char *name, *property;
      const GVariantType *param;
      GType owner;

      for (guint j = 0; gtk_widget_class_query_action (klass, j, &owner, &name, &param, &property); j++)
        found = found || g_str_equal (name, names[i]);
      g_assert_true (found);
    }
  g_type_class_unref (klass);
}

/* Saving a copy for the customer remembers that version for the merge. */
static void
test_remembered (void)
{
  g_autoptr(MpPlan) base = load ("base.mplan");
  g_autoptr(MpPlan) copy = load ("theirs.mplan");
  g_autoptr(MpPlan) found = NULL;

  g_assert_null (mp_merge_find_shared_base (copy, NULL));
  g_assert_true (mp_merge_remember_shared (base, NULL));
  found = mp_merge_find_shared_base (copy, NULL);
  g_assert_nonnull (found);
}

/* Send Plan…: the plan goes out as a file attached to a mail, and that
 * version is remembered. With neither the Email portal nor xdg-email,
 * the window says where the file is. */
static void
test_send_plan (void)
{
  g_autoptr(MpPlan) plan = load ("base.mplan");
  g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_autofree char *dir_path = g_build_filename (g_get_user_cache_dir (), "mutualplan", "sent", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(MpPlan) found = NULL;
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  GtkWidget *message;
  const char *name;
  guint files = 0;

  g_assert_null (mp_merge_find_shared_base (plan, NULL));
  gtk_window_present (parent);
  g_setenv ("PATH", "/nonexistent", TRUE);
  mp_merge_dialog_send_plan (parent, doc);
  MP_TEST_SPIN_UNTIL (mp_test_find_message_dialog () != NULL);
  g_setenv ("PATH", old_path, TRUE);
  message = mp_test_find_message_dialog ();

  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(MpPlan) sent = mp_plan_load_from_file (file, NULL, NULL);

      g_assert_true (g_str_has_suffix (name, ".mplan"));
      g_assert_nonnull (sent);
      g_assert_cmpstr (mp_plan_get_id (sent), ==, mp_plan_get_id (plan));
      files++;
    }
  g_assert_cmpuint (files, ==, 1);
  found = mp_merge_find_shared_base (plan, NULL);
  g_assert_nonnull (found);
  gtk_window_destroy (GTK_WINDOW (message));
  gtk_window_destroy (parent);
}

/* Export as Web Page is a way out too: that version is remembered. */
static void
test_export_html_remembers (void)
{
  g_autoptr(MpPlan) plan = load ("base.mplan");
  g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "plan.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MpPlan) found = NULL;
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_assert_null (mp_merge_find_shared_base (plan, NULL));
  mp_share_write_export (parent, doc, file, TRUE, MP_CSV_HEADERS_ENGLISH);
  MP_TEST_SPIN_UNTIL (g_file_query_exists (file, NULL));
  found = mp_merge_find_shared_base (plan, NULL);
  g_assert_nonnull (found);
  gtk_window_destroy (parent);
}

/* A web page that could not be written did not leave: nothing is
 * remembered (it was remembered before the write). */
static void
test_export_html_failed_forgets (void)
{
  g_autoptr(MpPlan) plan = load ("base.mplan");
  g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "no-such-folder", "plan.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before;
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());

  g_assert_null (mp_merge_find_shared_base (plan, NULL));
  before = g_list_model_get_n_items (toplevels);
  mp_share_write_export (parent, doc, file, TRUE, MP_CSV_HEADERS_ENGLISH);
  /* The error message is shown once the write failed. */
  MP_TEST_SPIN_UNTIL (g_list_model_get_n_items (toplevels) > before);
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_null (mp_merge_find_shared_base (plan, NULL));
  while (g_list_model_get_n_items (toplevels) > before - 1)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, g_list_model_get_n_items (toplevels) - 1);

      gtk_window_destroy (w);
    }
}

static GtkWidget *
find_merge_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);
      if (MP_IS_MERGE_DIALOG (w))
        return w;
    }
  return NULL;
}

/* A copy made from a version that left the app: the dialog compares it
 * with that version (read in a worker), not with today's plan. */
static void
test_open_copy (void)
{
  g_autoptr(MpPlan) sent = load ("base.mplan");
  g_autoptr(MpPlan) ours = load ("ours.mplan");
  g_autoptr(MpDocument) doc = mp_document_new (ours, NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "merge", "theirs.mplan", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (path);
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  GtkWidget *dialog;
  MpMerge *merge;

  g_assert_true (mp_merge_remember_shared (sent, NULL));
  gtk_window_present (parent);
  mp_merge_dialog_open_copy (parent, doc, copy);
  MP_TEST_SPIN_UNTIL (find_merge_dialog () != NULL);
  dialog = find_merge_dialog ();
  merge = mp_merge_dialog_get_merge (MP_MERGE_DIALOG (dialog));
  g_assert_true (mp_merge_has_base (merge));
  /* theirs' due date, person, owner and member; none clashes with ours */
  g_assert_cmpuint (mp_merge_get_n_conflicts (merge), ==, 0);
  g_assert_cmpuint (mp_merge_get_n_changes (merge), ==, 4);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (parent);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("MUTUALPLAN_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  g_test_add_func ("/merge-dialog/merge", test_merge);
  g_test_add_func ("/merge-dialog/two-way", test_two_way);
  g_test_add_func ("/merge-dialog/actions", test_actions);
  g_test_add_func ("/merge-dialog/remembered", test_remembered);
  g_test_add_func ("/merge-dialog/send-plan", test_send_plan);
  g_test_add_func ("/merge-dialog/open-copy", test_open_copy);
  g_test_add_func ("/merge-dialog/export-html-remembers", test_export_html_remembers);
  g_test_add_func ("/merge-dialog/export-html-failed-forgets", test_export_html_failed_forgets);
  return g_test_run ();
}
