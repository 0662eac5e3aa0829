/* test-ical-replies.c: the answers come back into the window
 *
 * File → Import Replies… over the ACME fixture after its invitations were
 * recorded as sent: replies from Google (a decline in a mail with
 * invite.ics) and Outlook (a proposal) are read, the results say so in
 * plain words, the proposal is listed; Accept moves the milestone in one
 * undo step and makes it out of date for everyone; Decline writes a
 * DECLINECOUNTER to the person who proposed. Send Invitations: events
 * that already happened are grouped and not preselected; the button says
 * what will happen. With MP_SCREENSHOT_DIR set the dialogs are saved as
 * import-replies.png and invite-past.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "mp-ical.h"
#include "mp-invite-dialog.h"
#include "mp-itip.h"
#include "mp-model.h"
#include "mp-problem.h"
#include "mp-reply-dialog.h"
#include "mp-test-widgets.h"

static char *
labels_of (GtkWidget *root)
{
  GString *s = g_string_new (NULL);

  mp_test_collect_labels (root, FALSE, s);
  return g_string_free (s, FALSE);
}

static GFile *
reply_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "replies", name, NULL);

  return g_file_new_for_path (path);
}

static void
mark_all_sent (MpDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) invitations = mp_ical_build_invitations (mp_document_get_plan (doc), NULL, NULL, &error);

  g_assert_no_error (error);
  mp_ical_mark_sent (doc, invitations);
}

static guint
n_children (GtkWidget *box)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (box); c; c = gtk_widget_get_next_sibling (c))
    n += gtk_widget_get_visible (c);
  return n;
}

static void
test_import (void)
{
  gboolean english = g_str_equal (_("Answers read"), "Answers read");
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("acme-rollout.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  MpMilestone *legal = mp_plan_find_milestone (plan, "m-legal");
  g_autoptr(GFile) google = reply_file ("google-decline.eml");
  g_autoptr(GFile) outlook = reply_file ("outlook-counter.eml");
  GFile *files[] = { google, outlook };
  g_autofree char *out = g_dir_make_tmp ("mp-replies-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (out);
  g_autofree char *text = NULL;
  g_autofree char *decline = NULL;
  g_autoptr(GtkWindow) keep = NULL;
  MpReplyDialog *dialog;
  GtkWidget *results, *proposals, *button;
  g_autoptr(GListStore) problems = NULL;
  gboolean declined_problem = FALSE;

  mark_all_sent (doc);
  g_assert_false (mp_ical_event_is_outdated (plan, MP_RECORD (legal)));
  dialog = mp_reply_dialog_present (NULL, doc, files, G_N_ELEMENTS (files));
  keep = g_object_ref (GTK_WINDOW (dialog));
  mp_reply_dialog_set_folder (dialog, folder);
  mp_reply_dialog_set_compose_flags (dialog, MP_MAIL_COMPOSE_NO_PORTAL | MP_MAIL_COMPOSE_NO_XDG_EMAIL);
  results = mp_test_find_named (GTK_WIDGET (dialog), "results");
  proposals = mp_test_find_named (GTK_WIDGET (dialog), "proposals");
  MP_TEST_SPIN_UNTIL (n_children (results) == 2);
  text = labels_of (results);
  /* The words are checked in English; other languages only render. */
  if (english)
    {
      g_assert_nonnull (strstr (text, "Lena Ortiz declined “Security review”: ‘Our CISO must sign off first’"));
      g_assert_nonnull (strstr (text, "Sue Kim proposes 9 Apr 2027 for “Legal review of MSA”: ‘Our outside counsel is only free from 9 April.’"));
    }
  /* No internal ids in what the user reads. */
  g_assert_null (strstr (text, "m-legal"));
  g_assert_cmpuint (n_children (proposals), ==, 1);
  g_assert_cmpstr (mp_document_get_undo_label (doc), ==, _("Import Replies"));
  mp_test_spin_frames (5);
  mp_test_screenshot (GTK_WIDGET (dialog), "MP_SCREENSHOT_DIR", "import-replies.png");

  /* The Overview's problems name the decline. */
  problems = mp_plan_check (plan, mp_date_from_ymd (2027, 1, 20));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (problems)); i++)
    {
      g_autoptr(MpProblem) p = g_list_model_get_item (G_LIST_MODEL (problems), i);

      declined_problem |= mp_problem_get_kind (p) == MP_PROBLEM_DECLINED &&
                          (!english || g_str_equal (mp_problem_get_message (p), "Lena Ortiz declined “Security review”: ‘Our CISO must sign off first’"));
    }
  g_assert_true (declined_problem);

  /* Accept: the date moves, one undo step, out of date for everyone. */
  button = mp_test_find_named (GTK_WIDGET (dialog), "accept-0");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (mp_milestone_get_due (legal), ==, mp_date_from_ymd (2027, 4, 9));
  g_assert_cmpstr (mp_document_get_undo_label (doc), ==, _("Accept Proposal"));
  g_assert_true (mp_ical_event_is_outdated (plan, MP_RECORD (legal)));
  MP_TEST_SPIN_UNTIL (n_children (proposals) == 0);
  mp_document_undo (doc);
  g_assert_cmpuint (mp_milestone_get_due (legal), ==, mp_date_from_ymd (2027, 3, 26));
  MP_TEST_SPIN_UNTIL (n_children (proposals) == 1);

  /* Decline: a DECLINECOUNTER to Sue, saved (no mail program), the proposal goes. */
  button = mp_test_find_named (GTK_WIDGET (dialog), "decline-0");
  g_signal_emit_by_name (button, "clicked");
  MP_TEST_SPIN_UNTIL (n_children (proposals) == 0);
  g_assert_cmpuint (mp_milestone_get_due (legal), ==, mp_date_from_ymd (2027, 3, 26));
  {
    g_autofree char *path = g_build_filename (out, "m-legal-declined.ics", NULL);

    g_assert_true (g_file_get_contents (path, &decline, NULL, NULL));
  }
  g_assert_nonnull (strstr (decline, "\r\nMETHOD:DECLINECOUNTER\r\n"));
  g_assert_nonnull (strstr (decline, "mailto:sue.kim@acme.example"));
  g_assert_null (strstr (decline, "lena.ortiz"));
  {
    GtkWidget *message;

    MP_TEST_SPIN_UNTIL ((message = mp_test_find_message_dialog ()) != NULL);
    gtk_window_destroy (GTK_WINDOW (message));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = g_build_filename (out, i ? "m-legal-declined.eml" : "m-legal-declined.ics", NULL);

      g_unlink (path);
    }
  g_rmdir (out);
}

static void
test_invite_past (void)
{
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("acme-rollout.mplan");
  MpInviteDialog *dialog;
  GtkWidget *send;
  g_autofree char *text = NULL;

  /* On 1 Mar 2027 the evaluation, the demo and the security review are over. */
  g_setenv ("MUTUALPLAN_TODAY", "2027-03-01", TRUE);
  dialog = mp_invite_dialog_present (NULL, doc);
  mp_invite_dialog_set_compose_flags (dialog, MP_MAIL_COMPOSE_NO_PORTAL | MP_MAIL_COMPOSE_NO_XDG_EMAIL);
  g_assert_false (mp_invite_dialog_get_selected (dialog, "m-eval"));
  g_assert_false (mp_invite_dialog_get_selected (dialog, "m-demo"));
  g_assert_true (mp_invite_dialog_get_selected (dialog, "m-legal"));
  g_assert_true (mp_invite_dialog_get_selected (dialog, "mt-1"));
  g_assert_nonnull (mp_test_find_named (GTK_WIDGET (dialog), "already-happened"));
  send = mp_test_find_named (GTK_WIDGET (dialog), "send");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (send)), ==, _("_Save Invitations"));
  text = labels_of (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (text, _("Already happened")));
  g_assert_null (strstr (text, "(m-"));
  /* Every week, and its dates, in the meeting's mail. */
  mp_test_spin_frames (5);
  mp_test_screenshot (GTK_WIDGET (dialog), "MP_SCREENSHOT_DIR", "invite-past.png");
  g_unsetenv ("MUTUALPLAN_TODAY");
  gtk_window_destroy (GTK_WINDOW (dialog));
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

  g_test_add_func ("/ical-replies/import", test_import);
  g_test_add_func ("/ical-replies/invite-past", test_invite_past);
  return g_test_run ();
}
