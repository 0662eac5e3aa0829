/* test-dialogs.c: the modal dialogs under a display (Xvfb in CI)
 *
 * Each dialog is opened on tests/data/valid/acme-rollout.mplan, driven
 * through its widgets and entry points, and its results are checked:
 * the exported file with libical, the invitations through a fake
 * xdg-email on PATH and the undo stack, the report against
 * mp_report_build (), baselines through the document, the template's
 * plan. With MP_SCREENSHOT_DIR set, each dialog is saved as PNG.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <libical/ical.h>
#include <locale.h>
#include <string.h>

#include "mp-baseline-chooser.h"
#include "mp-baseline-compare.h"
#include "mp-baseline-dialog.h"
#include "mp-date-button.h"
#include "mp-export-dialog.h"
#include "mp-ical.h"
#include "mp-invite-dialog.h"
#include "mp-model.h"
#include "mp-participant-picker.h"
#include "mp-plan-io.h"
#include "mp-report-dialog.h"
#include "mp-template-dialog.h"
#include "mp-test-widgets.h"

#define TODAY "2027-03-01"

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

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

static GtkWidget *
get_named (gpointer    root,
           const char *name)
{
  GtkWidget *w = mp_test_find_named (GTK_WIDGET (root), name);

  if (w == NULL && GTK_IS_WINDOW (root) && gtk_window_get_titlebar (GTK_WINDOW (root)) != NULL)
    w = mp_test_find_named (gtk_window_get_titlebar (GTK_WINDOW (root)), name);
  g_assert_nonnull (w);
  return w;
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
shows_text (gpointer    root,
            const char *text)
{
  g_autoptr(GString) labels = g_string_new (NULL);

  collect_labels (GTK_WIDGET (root), labels);
  return strstr (labels->str, text) != NULL;
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;
  return n;
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("MP_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int w, h;

  if (dir == NULL)
    return;
  spin_frames (5);
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
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

static GtkWindow *
new_parent (void)
{
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (parent, 1280, 800);
  gtk_window_present (parent);
  return parent;
}

static void
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static gboolean *
watch_destroy (gpointer widget)
{
  gboolean *flag = g_new0 (gboolean, 1);

  g_signal_connect_swapped (widget, "destroy", G_CALLBACK (set_flag), flag);
  return flag;
}

static GtkWidget *
find_toplevel (GType       type,
               const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (w) &&
          (name == NULL || g_strcmp0 (gtk_widget_get_name (w), name) == 0))
        return w;
    }
  return NULL;
}

/* Parses @text with libical: the number of VEVENTs, no X-LIC-ERROR. */
static guint
count_vevents (const char *text)
{
  icalcomponent *cal = icalparser_parse_string (text);
  guint n = 0;

  g_assert_nonnull (cal);
  g_assert_null (strstr (text, "X-LIC-ERROR"));
  for (icalcomponent *c = icalcomponent_get_first_component (cal, ICAL_ANY_COMPONENT); c;
       c = icalcomponent_get_next_component (cal, ICAL_ANY_COMPONENT))
    {
      g_assert_null (icalcomponent_get_first_property (c, ICAL_XLICERROR_PROPERTY));
      if (icalcomponent_isa (c) == ICAL_VEVENT_COMPONENT)
        n++;
    }
  icalcomponent_free (cal);
  return n;
}

static guint
core_count (MpPlan     *plan,
            const char *who,
            gboolean    dropped,
            gboolean    meetings)
{
  MpIcalOptions options;
  g_autofree char *text = NULL;

  mp_ical_options_init (&options);
  options.for_participant = who;
  options.include_dropped = dropped;
  options.include_meetings = meetings;
  text = mp_ical_export_plan (plan, &options, NULL);
  return text ? count_vevents (text) : 0;
}

/* Exports with the dialog's current choices into @dir/@name; returns the
 * number of events in the file (parsed with libical). */
static guint
export_and_count (MpExportDialog *dialog,
                  const char     *dir,
                  const char     *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree gboolean *gone = watch_destroy (dialog);
  g_autofree char *contents = NULL;

  mp_export_dialog_export_to_file (dialog, file);
  SPIN_UNTIL (*gone);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
  return count_vevents (contents);
}

/* ---- export ---- */

static void
test_export (void)
{
  g_autoptr(MpDocument) doc = load_fixture ("acme-rollout.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  GtkWindow *parent = new_parent ();
  g_autofree char *dir = g_dir_make_tmp ("mp-export-XXXXXX", NULL);
  MpExportDialog *dialog;
  GtkWidget *events, *picker;

  /* Everyone, dropped and meetings: 9 milestones and 1 meeting. */
  dialog = mp_export_dialog_present (parent, doc);
  events = get_named (dialog, "events");
  g_assert_cmpuint (count_rows (events), ==, 10);
  g_assert_cmpuint (count_vevents (mp_export_dialog_get_calendar (dialog)), ==, 10);
  spin_frames (3);
  g_assert_true (shows_text (dialog, "10 events will be exported, 1 of them as cancelled."));
  g_assert_true (shows_text (dialog, "Demo for the BI team"));
  g_assert_true (shows_text (dialog, "Wed, 3 Feb 2027 · 14:00–15:30"));
  g_assert_true (shows_text (dialog, "With Raj Patel, Lena Ortiz"));
  g_assert_true (shows_text (dialog, "From Wed, 13 Jan 2027 · 09:30–10:00, every week until 28 Apr 2027"));
  g_assert_true (shows_text (dialog, "America/Chicago"));
  /* The organizer has an e-mail: no warning about METHOD. */
  g_assert_false (shows_text (dialog, "METHOD"));
  g_assert_true (gtk_widget_get_sensitive (get_named (dialog, "export")));
  screenshot (GTK_WIDGET (dialog), "export-dialog.png");
  g_assert_cmpuint (export_and_count (dialog, dir, "all.ics"), ==, 10);

  /* Without dropped milestones, then without meetings. */
  dialog = mp_export_dialog_present (parent, doc);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_named (dialog, "include-dropped")), FALSE);
  g_assert_cmpuint (count_rows (get_named (dialog, "events")), ==, 9);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_named (dialog, "include-meetings")), FALSE);
  g_assert_cmpuint (count_rows (get_named (dialog, "events")), ==, 8);
  g_assert_cmpuint (core_count (plan, NULL, FALSE, FALSE), ==, 8);
  g_assert_cmpuint (export_and_count (dialog, dir, "no-dropped-no-meetings.ics"), ==, 8);

  /* One participant's events: Tom owns Commitment and Signature; Lena
   * also attends the weekly sync. */
  dialog = mp_export_dialog_present (parent, doc);
  picker = get_named (dialog, "participant");
  g_assert_true (mp_participant_picker_choose (MP_PARTICIPANT_PICKER (picker), "p-tom"));
  g_assert_cmpuint (count_rows (get_named (dialog, "events")), ==, core_count (plan, "p-tom", TRUE, TRUE));
  g_assert_cmpuint (count_rows (get_named (dialog, "events")), ==, 2);
  g_assert_true (mp_participant_picker_choose (MP_PARTICIPANT_PICKER (picker), "p-lena"));
  g_assert_cmpuint (count_rows (get_named (dialog, "events")), ==, core_count (plan, "p-lena", TRUE, TRUE));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_named (dialog, "include-meetings")), FALSE);
  g_assert_cmpuint (count_rows (get_named (dialog, "events")), ==, core_count (plan, "p-lena", TRUE, FALSE));
  g_assert_cmpuint (export_and_count (dialog, dir, "lena.ics"), ==, core_count (plan, "p-lena", TRUE, FALSE));

  /* Nothing to export: explained, Export off, no file. */
  {
    g_autoptr(MpParticipant) p = mp_participant_new ();
    GListStore *people = mp_plan_get_participants (plan);

    mp_participant_set_id (p, "p-new");
    mp_participant_set_name (p, "Nora New");
    mp_participant_set_side (p, MP_SIDE_CUSTOMER);
    mp_document_insert (doc, people, g_list_model_get_n_items (G_LIST_MODEL (people)), MP_RECORD (p));
  }
  dialog = mp_export_dialog_present (parent, doc);
  picker = get_named (dialog, "participant");
  g_assert_true (mp_participant_picker_choose (MP_PARTICIPANT_PICKER (picker), "p-new"));
  g_assert_null (mp_export_dialog_get_calendar (dialog));
  g_assert_false (gtk_widget_get_sensitive (get_named (dialog, "export")));
  spin_frames (3);
  g_assert_true (shows_text (dialog, "Nothing to export"));
  screenshot (GTK_WIDGET (dialog), "export-dialog-nothing.png");
  g_assert_true (mp_participant_picker_choose (MP_PARTICIPANT_PICKER (picker), NULL));
  g_assert_nonnull (mp_export_dialog_get_calendar (dialog));

  /* No organizer e-mail: the file has no METHOD, and the preview says so. */
  mp_document_set_string (doc, MP_RECORD (mp_plan_find_participant (plan, "p-dana")), MP_PARTICIPANT_EMAIL, "");
  spin_frames (2);
  g_assert_true (shows_text (dialog, "No organizer e-mail"));
  g_assert_null (strstr (mp_export_dialog_get_calendar (dialog), "METHOD:"));
  screenshot (GTK_WIDGET (dialog), "export-dialog-warning.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  {
    const char *names[] = { "all.ics", "no-dropped-no-meetings.ics", "lena.ics" };
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = g_build_filename (dir, names[i], NULL);
        g_unlink (path);
      }
    g_rmdir (dir);
  }
  gtk_window_destroy (parent);
}

/* ---- invitations ---- */

typedef struct {
  char  *dir;
  char  *script;
  char  *log;
  char  *old_path;
} FakeMail;

/* A fake xdg-email first on PATH that logs each call's arguments,
 * NUL-separated, with "END" after each call. */
static void
fake_mail_setup (FakeMail *f,
                 gboolean  present)
{
  g_autofree char *fake = NULL;

  f->dir = g_dir_make_tmp ("mp-mail-XXXXXX", NULL);
  f->script = g_build_filename (f->dir, "xdg-email", NULL);
  f->log = g_build_filename (f->dir, "argv.log", NULL);
  f->old_path = g_strdup (g_getenv ("PATH"));
  fake = g_strdup_printf ("#!/bin/sh\n"
                          "for a in \"$@\"; do printf '%%s\\0' \"$a\"; done >> '%s'\n"
                          "printf 'END\\0' >> '%s'\n"
                          "exit 0\n", f->log, f->log);
  if (present)
    {
      g_assert_true (g_file_set_contents (f->script, fake, -1, NULL));
      g_assert_cmpint (g_chmod (f->script, 0755), ==, 0);
    }
  g_setenv ("PATH", f->dir, TRUE);
}

/* The calls logged: a GPtrArray of GStrv. */
static GPtrArray *
fake_mail_calls (FakeMail *f)
{
  GPtrArray *calls = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *contents = NULL;
  gsize len = 0;
  GPtrArray *current = g_ptr_array_new ();

  if (g_file_get_contents (f->log, &contents, &len, NULL))
    for (gsize pos = 0; pos < len; pos += strlen (contents + pos) + 1)
      {
        if (strcmp (contents + pos, "END") == 0)
          {
            g_ptr_array_add (current, NULL);
            g_ptr_array_add (calls, g_ptr_array_free (current, FALSE));
            current = g_ptr_array_new ();
          }
        else
          g_ptr_array_add (current, g_strdup (contents + pos));
      }
  g_ptr_array_free (current, TRUE);
  return calls;
}

static void
fake_mail_teardown (FakeMail *f)
{
  g_setenv ("PATH", f->old_path, TRUE);
  g_unlink (f->log);
  g_unlink (f->script);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->script);
  g_free (f->log);
  g_free (f->old_path);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Marks some events of the fixture as sent: Evaluation, Demo and the
 * weekly sync are up to date; Security review changed since (sequence 1,
 * sent 0); everything else was never sent. */
static void
mark_some_sent (MpPlan *plan)
{
  g_autoptr(MpMeeting) sync = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_meetings (plan)), 0);
  MpMilestone *security = mp_plan_find_milestone (plan, "m-security");

  mp_milestone_set_invited_sequence (mp_plan_find_milestone (plan, "m-eval"), 1);
  mp_milestone_set_invited_sequence (mp_plan_find_milestone (plan, "m-demo"), 0);
  mp_meeting_set_invited_sequence (sync, 0);
  mp_milestone_set_sequence (security, 1);
  mp_milestone_set_invited_sequence (security, 0);
}

static void
test_invite (void)
{
  g_autoptr(MpDocument) doc = load_fixture ("acme-rollout.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  GtkWindow *parent = new_parent ();
  g_autofree char *out = g_dir_make_tmp ("mp-invite-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (out);
  /* Today is 1 Mar 2027: the security review changed but already
   * happened, so it is not preselected. */
  const char *outdated[] = { "m-pilot", "m-legal", "m-commit", "m-sign", "m-golive" };
  const char *current[] = { "m-eval", "m-demo", "mt-1", "m-security" };
  MpInviteDialog *dialog;
  g_autofree gboolean *gone = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  FakeMail fake;

  mark_some_sent (plan);
  mp_document_mark_saved (doc);

  dialog = mp_invite_dialog_present (parent, doc);
  /* The never-invited dropped workshop is not listed; the rest is, those
   * that already happened under their heading (one more row). */
  g_assert_cmpuint (count_rows (get_named (dialog, "events")), ==, 10);
  g_assert_true (shows_text (dialog, "Already happened"));
  for (guint i = 0; i < G_N_ELEMENTS (outdated); i++)
    g_assert_true (mp_invite_dialog_get_selected (dialog, outdated[i]));
  for (guint i = 0; i < G_N_ELEMENTS (current); i++)
    g_assert_false (mp_invite_dialog_get_selected (dialog, current[i]));
  spin_frames (3);
  g_assert_true (shows_text (dialog, "Invitation out of date"));
  g_assert_true (shows_text (dialog, "Never sent"));
  g_assert_true (shows_text (dialog, "Up to date"));
  g_assert_true (shows_text (dialog, "To: Raj Patel <raj.patel@northwind.example>, Lena Ortiz <lena.ortiz@acme.example>"));
  g_assert_true (shows_text (dialog, "5 events changed since they were last sent, or were never sent. 5 of 9 selected."));
  screenshot (GTK_WIDGET (dialog), "invite-dialog.png");

  /* "Select All" and back to the out-of-date ones. */
  g_signal_emit_by_name (get_named (dialog, "select-all"), "clicked");
  g_assert_true (mp_invite_dialog_get_selected (dialog, "m-eval"));
  g_signal_emit_by_name (get_named (dialog, "select-outdated"), "clicked");
  g_assert_false (mp_invite_dialog_get_selected (dialog, "m-eval"));
  g_assert_true (mp_invite_dialog_get_selected (dialog, "m-pilot"));

  /* Send two of them through the fake xdg-email. */
  for (guint i = 0; i < G_N_ELEMENTS (outdated); i++)
    mp_invite_dialog_set_selected (dialog, outdated[i], FALSE);
  mp_invite_dialog_set_selected (dialog, "m-security", TRUE);
  mp_invite_dialog_set_selected (dialog, "m-commit", TRUE);
  mp_invite_dialog_set_folder (dialog, folder);
  mp_invite_dialog_set_compose_flags (dialog, MP_MAIL_COMPOSE_NO_PORTAL);
  fake_mail_setup (&fake, TRUE);
  gone = watch_destroy (dialog);
  g_signal_emit_by_name (get_named (dialog, "send"), "clicked");
  SPIN_UNTIL (*gone);

  calls = fake_mail_calls (&fake);
  g_assert_cmpuint (calls->len, ==, 2);
  {
    char **a = g_ptr_array_index (calls, 0);
    g_autofree char *ics = g_build_filename (out, "m-security.ics", NULL);

    g_assert_cmpuint (g_strv_length (a), ==, 9);
    g_assert_cmpstr (a[0], ==, "--utf8");
    g_assert_cmpstr (a[1], ==, "--subject");
    g_assert_cmpstr (a[2], ==, "Updated invitation: Security review");
    g_assert_cmpstr (a[3], ==, "--body");
    g_assert_nonnull (strstr (a[4], "Security review"));
    g_assert_cmpstr (a[5], ==, "--attach");
    g_assert_cmpstr (a[6], ==, ics);
    g_assert_cmpstr (a[7], ==, "raj.patel@northwind.example");
    g_assert_cmpstr (a[8], ==, "lena.ortiz@acme.example");
  }
  {
    char **a = g_ptr_array_index (calls, 1);
    g_autofree char *ics = g_build_filename (out, "m-commit.ics", NULL);
    g_autofree char *contents = NULL;

    /* Dana organizes: Tom and Lena are invited. */
    g_assert_cmpstr (a[2], ==, "Invitation: Commitment");
    g_assert_cmpstr (a[6], ==, ics);
    g_assert_cmpstr (a[7], ==, "tom.becker@acme.example");
    g_assert_cmpstr (a[8], ==, "lena.ortiz@acme.example");
    g_assert_null (a[9]);
    g_assert_true (g_file_get_contents (ics, &contents, NULL, NULL));
    g_assert_cmpuint (count_vevents (contents), ==, 1);
    g_assert_nonnull (strstr (contents, "METHOD:REQUEST"));
  }
  g_clear_pointer (&calls, g_ptr_array_unref);

  /* Recorded in one undo step. */
  g_assert_cmpint (mp_milestone_get_invited_sequence (mp_plan_find_milestone (plan, "m-security")), ==, 1);
  g_assert_cmpint (mp_milestone_get_invited_sequence (mp_plan_find_milestone (plan, "m-commit")), ==, 0);
  g_assert_cmpint (mp_milestone_get_invited_sequence (mp_plan_find_milestone (plan, "m-pilot")), ==, -1);
  g_assert_true (mp_document_get_modified (doc));
  g_assert_cmpstr (mp_document_get_undo_label (doc), ==, "Send Invitations");
  g_assert_true (mp_document_undo (doc));
  g_assert_cmpint (mp_milestone_get_invited_sequence (mp_plan_find_milestone (plan, "m-security")), ==, 0);
  g_assert_cmpint (mp_milestone_get_invited_sequence (mp_plan_find_milestone (plan, "m-commit")), ==, -1);
  g_assert_false (mp_document_get_modified (doc));
  g_assert_true (mp_document_redo (doc));
  fake_mail_teardown (&fake);

  /* No mail program: the files are saved and counted as sent; the user
   * is told where and may open the folder. */
  dialog = mp_invite_dialog_present (parent, doc);
  g_assert_false (mp_invite_dialog_get_selected (dialog, "m-commit"));
  g_assert_true (mp_invite_dialog_get_selected (dialog, "m-pilot"));
  for (guint i = 0; i < G_N_ELEMENTS (outdated); i++)
    mp_invite_dialog_set_selected (dialog, outdated[i], FALSE);
  mp_invite_dialog_set_selected (dialog, "m-pilot", TRUE);
  mp_invite_dialog_set_folder (dialog, folder);
  mp_invite_dialog_set_compose_flags (dialog, MP_MAIL_COMPOSE_NO_PORTAL);
  fake_mail_setup (&fake, FALSE);
  g_free (gone);
  gone = watch_destroy (dialog);
  mp_invite_dialog_send (dialog);
  {
    GtkWidget *message;

    SPIN_UNTIL ((message = find_toplevel (GTK_TYPE_MESSAGE_DIALOG, "saved-message")) != NULL);
    spin_frames (3);
    g_assert_true (shows_text (message, out));
    screenshot (message, "invite-saved-message.png");
    gtk_dialog_response (GTK_DIALOG (message), GTK_RESPONSE_CLOSE);
  }
  SPIN_UNTIL (*gone);
  g_assert_cmpint (mp_milestone_get_invited_sequence (mp_plan_find_milestone (plan, "m-pilot")), ==, 0);
  g_assert_cmpstr (mp_document_get_undo_label (doc), ==, "Send Invitations");
  fake_mail_teardown (&fake);

  /* No organizer e-mail: said plainly, nothing to send. */
  mp_document_set_string (doc, MP_RECORD (mp_plan_find_participant (plan, "p-dana")), MP_PARTICIPANT_EMAIL, "");
  dialog = mp_invite_dialog_present (parent, doc);
  spin_frames (3);
  g_assert_true (shows_text (dialog, "Invitations need the organizer’s email address"));
  g_assert_false (gtk_widget_get_sensitive (get_named (dialog, "send")));
  screenshot (GTK_WIDGET (dialog), "invite-dialog-no-organizer.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  remove_tree (out);
  gtk_window_destroy (parent);
}

/* ---- status report ---- */

static void
read_text_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static void
test_report (void)
{
  g_autoptr(MpDocument) doc = load_fixture ("acme-rollout.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  GtkWindow *parent = new_parent ();
  MpDate today = mp_date_today ();
  MpDate since = mp_report_default_since (plan, today);
  MpReportDialog *dialog;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mp-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.txt", NULL);
  FakeMail fake;

  g_assert_cmpuint (today, ==, mp_date_from_ymd (2027, 3, 1));
  dialog = mp_report_dialog_present (parent, doc);
  g_assert_cmpuint (mp_report_dialog_get_since (dialog), ==, since);
  g_assert_cmpint (mp_report_dialog_get_format (dialog), ==, MP_REPORT_MARKDOWN);
  shown = mp_report_dialog_get_text (dialog);
  expected = mp_report_build (plan, today, since, NULL, MP_REPORT_MARKDOWN);
  g_assert_cmpstr (shown, ==, expected);
  g_assert_true (gtk_text_view_get_monospace (GTK_TEXT_VIEW (get_named (dialog, "report"))));
  spin_frames (3);
  g_assert_true (shows_text (dialog, "To: Tom Becker <tom.becker@acme.example>, Lena Ortiz <lena.ortiz@acme.example>"));
  screenshot (GTK_WIDGET (dialog), "report-dialog.png");

  /* Plain text, from another day. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (get_named (dialog, "format-text")), TRUE);
  g_assert_cmpint (mp_report_dialog_get_format (dialog), ==, MP_REPORT_TEXT);
  g_assert_false (gtk_text_view_get_monospace (GTK_TEXT_VIEW (get_named (dialog, "report"))));
  mp_date_button_choose (MP_DATE_BUTTON (get_named (dialog, "since")), mp_date_from_ymd (2027, 1, 1));
  g_clear_pointer (&shown, g_free);
  g_clear_pointer (&expected, g_free);
  shown = mp_report_dialog_get_text (dialog);
  expected = mp_report_build (plan, today, mp_date_from_ymd (2027, 1, 1), NULL, MP_REPORT_TEXT);
  g_assert_cmpstr (shown, ==, expected);
  screenshot (GTK_WIDGET (dialog), "report-dialog-text.png");

  /* Copy. */
  {
    GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (dialog));
    char *copied = NULL;

    g_signal_emit_by_name (get_named (dialog, "copy"), "clicked");
    gdk_clipboard_read_text_async (clipboard, NULL, read_text_cb, &copied);
    SPIN_UNTIL (copied != NULL);
    g_assert_cmpstr (copied, ==, expected);
    g_free (copied);
  }

  /* Save: the same bytes, atomically. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *contents = NULL;

    mp_report_dialog_save_to_file (dialog, file);
    SPIN_UNTIL (shows_text (dialog, "Saved as"));
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, expected);
    g_unlink (path);
    g_rmdir (dir);
  }

  /* Compose E-mail: the plain text to the report recipients. */
  mp_report_dialog_set_format (dialog, MP_REPORT_MARKDOWN);
  mp_report_dialog_set_compose_flags (dialog, MP_MAIL_COMPOSE_NO_PORTAL);
  fake_mail_setup (&fake, TRUE);
  g_signal_emit_by_name (get_named (dialog, "compose"), "clicked");
  SPIN_UNTIL (shows_text (dialog, "handed to your mail program"));
  {
    g_autoptr(GPtrArray) calls = fake_mail_calls (&fake);
    char **a;

    g_assert_cmpuint (calls->len, ==, 1);
    a = g_ptr_array_index (calls, 0);
    g_assert_cmpstr (a[0], ==, "--utf8");
    g_assert_cmpstr (a[1], ==, "--subject");
    g_assert_cmpstr (a[2], ==, "Status report: ACME Corp: analytics platform rollout");
    g_assert_cmpstr (a[3], ==, "--body");
    g_assert_cmpstr (a[4], ==, expected); /* plain text, though Markdown is shown */
    g_assert_cmpstr (a[5], ==, "tom.becker@acme.example");
    g_assert_cmpstr (a[6], ==, "lena.ortiz@acme.example");
    g_assert_null (a[7]);
  }
  fake_mail_teardown (&fake);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Recipients without e-mail: Compose is off and says why. */
  mp_document_set_string (doc, MP_RECORD (mp_plan_find_participant (plan, "p-tom")), MP_PARTICIPANT_EMAIL, "");
  mp_document_set_string (doc, MP_RECORD (mp_plan_find_participant (plan, "p-lena")), MP_PARTICIPANT_EMAIL, "");
  dialog = mp_report_dialog_present (parent, doc);
  spin_frames (3);
  g_assert_false (gtk_widget_get_sensitive (get_named (dialog, "compose")));
  g_assert_true (shows_text (dialog, "No report recipient has an e-mail address"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (parent);
}

/* ---- baselines ---- */

static void
test_baseline_save (void)
{
  g_autoptr(MpDocument) doc = load_fixture ("acme-rollout.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  GListModel *baselines = G_LIST_MODEL (mp_plan_get_baselines (plan));
  GtkWindow *parent = new_parent ();
  GtkWindow *dialog;
  GtkWidget *entry;
  g_autofree gboolean *gone = NULL;
  MpBaseline *saved;

  g_assert_cmpuint (g_list_model_get_n_items (baselines), ==, 1);
  dialog = mp_baseline_save_dialog_present (parent, doc);
  entry = get_named (dialog, "name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Agreed on 1 Mar 2027");
  spin_frames (3);
  screenshot (GTK_WIDGET (dialog), "baseline-save-dialog.png");

  /* An empty name cannot be saved. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  g_assert_false (gtk_widget_get_sensitive (get_named (dialog, "save")));
  gtk_editable_set_text (GTK_EDITABLE (entry), "After the security review");
  g_assert_true (gtk_widget_get_sensitive (get_named (dialog, "save")));

  /* Enter in the entry activates Save (the entry's text widget is what
   * takes the key). */
  gone = watch_destroy (dialog);
  g_assert_true (GTK_IS_TEXT (gtk_widget_get_first_child (entry)));
  g_signal_emit_by_name (gtk_widget_get_first_child (entry), "activate");
  SPIN_UNTIL (*gone);
  g_assert_cmpuint (g_list_model_get_n_items (baselines), ==, 2);
  saved = g_list_model_get_item (baselines, 1);
  g_object_unref (saved); /* the store keeps it */
  g_assert_cmpstr (mp_baseline_get_name (saved), ==, "After the security review");
  /* (Its `at` is the real clock's, so it is not compared with the
   * fixture's kickoff in 2027.) */
  g_assert_true (mp_datetime_is_valid (mp_baseline_get_at (saved)));
  /* Today's dates of every milestone that is not dropped. */
  g_assert_cmpuint (mp_baseline_get_dates (saved)->len, ==, 8);
  g_assert_cmpuint (mp_date_map_lookup (mp_baseline_get_dates (saved), "m-security")->due, ==,
                    mp_date_from_ymd (2027, 2, 26));
  g_assert_null (mp_date_map_lookup (mp_baseline_get_dates (saved), "m-old"));

  /* One undoable step. */
  g_assert_cmpstr (mp_document_get_undo_label (doc), ==, "Save Baseline");
  g_assert_true (mp_document_undo (doc));
  g_assert_cmpuint (g_list_model_get_n_items (baselines), ==, 1);
  g_assert_false (mp_document_get_modified (doc));
  g_assert_true (mp_document_redo (doc));
  g_assert_cmpuint (g_list_model_get_n_items (baselines), ==, 2);

  /* Cancel adds nothing. */
  dialog = mp_baseline_save_dialog_present (parent, doc);
  g_free (gone);
  gone = watch_destroy (dialog);
  g_signal_emit_by_name (get_named (dialog, "close"), "clicked");
  SPIN_UNTIL (*gone);
  g_assert_cmpuint (g_list_model_get_n_items (baselines), ==, 2);
  gtk_window_destroy (parent);
}

static void
test_baseline_compare (void)
{
  g_autoptr(MpDocument) doc = load_fixture ("acme-rollout.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  GtkWindow *parent = new_parent ();
  MpBaselineDialog *dialog;
  MpBaselineChooser *chooser;
  MpBaseline *kickoff;
  GListModel *changes;
  guint moved = 0, added = 0;

  dialog = mp_baseline_compare_dialog_present (parent, doc);
  kickoff = mp_baseline_dialog_get_baseline (dialog);
  g_assert_nonnull (kickoff);
  g_assert_cmpstr (mp_baseline_get_name (kickoff), ==, "Agreed at kickoff");

  /* The fixture's baseline: Security review and Commitment each moved a
   * week later; six milestones came since; the dropped workshop was
   * never in it. */
  changes = mp_baseline_dialog_get_changes (dialog);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(MpDateChange) c = g_list_model_get_item (changes, i);

      if (mp_date_change_get_kind (c) == MP_DATE_CHANGE_MOVED)
        {
          const char *id = mp_date_change_get_milestone_id (c);

          g_assert_true (g_str_equal (id, "m-security") || g_str_equal (id, "m-commit"));
          g_assert_cmpint (mp_date_change_get_due_days (c), ==, 7);
          moved++;
        }
      else if (mp_date_change_get_kind (c) == MP_DATE_CHANGE_ADDED)
        added++;
    }
  g_assert_cmpuint (moved, ==, 2);
  g_assert_cmpuint (added, ==, 6);
  spin_frames (3);
  g_assert_true (shows_text (dialog, "Moved (2)"));
  g_assert_true (shows_text (dialog, "Security review"));
  g_assert_true (shows_text (dialog, "7 days later"));
  g_assert_true (shows_text (dialog, "Due: 19 Feb 2027 → 26 Feb 2027"));
  g_assert_true (shows_text (dialog, "Due: 24 Mar 2027 → 31 Mar 2027"));
  g_assert_true (shows_text (dialog, "Since “Agreed at kickoff (11 Jan 2027)”: 2 moved, 6 added."));
  screenshot (GTK_WIDGET (dialog), "baseline-compare-dialog.png");

  /* A milestone moved earlier shows up at once. */
  mp_document_set_date (doc, MP_RECORD (mp_plan_find_milestone (plan, "m-commit")), MP_MILESTONE_DUE,
                        mp_date_from_ymd (2027, 3, 22));
  SPIN_UNTIL (shows_text (dialog, "2 days earlier"));

  /* A new baseline: the chooser lists it; compared with it, nothing moved. */
  {
    g_autoptr(MpBaseline) now = mp_baseline_new_from_plan (plan, "Now", "2027-03-01T10:00:00-06:00");
    GListStore *store = mp_plan_get_baselines (plan);

    mp_document_insert (doc, store, 1, MP_RECORD (now));
    chooser = MP_BASELINE_CHOOSER (get_named (dialog, "baseline"));
    g_assert_true (mp_baseline_chooser_get_baseline (chooser) == kickoff);
    mp_baseline_dialog_set_baseline (dialog, now);
    SPIN_UNTIL (g_list_model_get_n_items (mp_baseline_dialog_get_changes (dialog)) == 0 &&
                shows_text (dialog, "Nothing changed since “Now (1 Mar 2027)”"));
    /* Undo removes it: the chooser goes back to the latest left. */
    g_assert_true (mp_document_undo (doc));
    g_assert_true (mp_baseline_chooser_get_baseline (chooser) == kickoff);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A plan without baselines: explained, with a way to save one. */
  {
    g_autoptr(MpDocument) minimal = load_fixture ("minimal.mplan");

    dialog = mp_baseline_compare_dialog_present (parent, minimal);
    g_assert_null (mp_baseline_dialog_get_baseline (dialog));
    spin_frames (3);
    g_assert_true (shows_text (dialog, "This plan has no baseline yet."));
    g_assert_false (gtk_widget_get_sensitive (gtk_widget_get_first_child (get_named (dialog, "baseline"))));
    screenshot (GTK_WIDGET (dialog), "baseline-compare-none.png");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  gtk_window_destroy (parent);
}

static void
test_baseline_chooser (void)
{
  g_autoptr(MpDocument) doc = load_fixture ("acme-rollout.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  GtkWidget *chooser = g_object_ref_sink (mp_baseline_chooser_new ());
  MpBaseline *kickoff = mp_plan_get_latest_baseline (plan);
  guint notified = 0;

  g_signal_connect_swapped (chooser, "notify::baseline", G_CALLBACK (set_flag), &notified);
  mp_baseline_chooser_set_document (MP_BASELINE_CHOOSER (chooser), doc);
  g_assert_true (mp_baseline_chooser_get_baseline (MP_BASELINE_CHOOSER (chooser)) == kickoff);
  /* None allowed: the timeline can show no ghost bars. */
  mp_baseline_chooser_set_allow_none (MP_BASELINE_CHOOSER (chooser), TRUE);
  mp_baseline_chooser_set_baseline (MP_BASELINE_CHOOSER (chooser), NULL);
  g_assert_null (mp_baseline_chooser_get_baseline (MP_BASELINE_CHOOSER (chooser)));
  g_object_set (chooser, "baseline", kickoff, NULL);
  g_assert_true (mp_baseline_chooser_get_baseline (MP_BASELINE_CHOOSER (chooser)) == kickoff);
  g_assert_true (notified);
  /* Removing the baseline shown: back to none when allowed. */
  mp_document_remove (doc, mp_plan_get_baselines (plan), 0);
  g_assert_null (mp_baseline_chooser_get_baseline (MP_BASELINE_CHOOSER (chooser)));
  g_assert_true (mp_document_undo (doc));
  mp_baseline_chooser_set_document (MP_BASELINE_CHOOSER (chooser), NULL);
  g_assert_null (mp_baseline_chooser_get_baseline (MP_BASELINE_CHOOSER (chooser)));
  g_object_unref (chooser);
}

/* ---- templates ---- */

static void
plan_created (MpPlan   *plan,
              gpointer  user_data)
{
  MpPlan **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (plan);
}

static void
test_template (void)
{
  GtkWindow *parent = new_parent ();
  g_autoptr(MpPlan) plan = NULL;
  MpTemplateDialog *dialog;
  GListModel *ms;
  const char *titles[] = { "First evaluation", "Demo", "Commitment", "Signature" };
  MpDate target = mp_date_from_ymd (2027, 6, 30);
  g_autofree gboolean *gone = NULL;

  dialog = mp_template_dialog_present (parent, plan_created, &plan);
  g_assert_cmpstr (mp_template_dialog_get_template (dialog), ==, "classic");
  /* About three months from today (fixed at 2027-03-01). */
  g_assert_cmpuint (mp_template_dialog_get_target (dialog), ==, mp_date_from_ymd (2027, 6, 1));
  spin_frames (3);
  g_assert_true (shows_text (dialog, "Classic"));
  g_assert_true (shows_text (dialog, "Enterprise"));
  g_assert_true (shows_text (dialog, "First evaluation"));
  screenshot (GTK_WIDGET (dialog), "template-dialog.png");

  /* The enterprise preview has its eight steps, three cells each. */
  mp_template_dialog_set_template (dialog, "enterprise");
  {
    guint cells = 0;
    for (GtkWidget *c = gtk_widget_get_first_child (get_named (dialog, "steps")); c; c = gtk_widget_get_next_sibling (c))
      cells++;
    g_assert_cmpuint (cells, ==, 8 * 3);
  }
  spin_frames (3);
  g_assert_true (shows_text (dialog, "Procurement"));
  screenshot (GTK_WIDGET (dialog), "template-dialog-enterprise.png");
  /* It fits a 720×600 screen: the content scrolls there (it needed 689 px). */
  {
    int least;

    gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_VERTICAL, -1, &least, NULL, NULL, NULL);
    g_assert_cmpint (least, <=, 600);
  }

  /* A target too close: the steps start today instead, and the dialog
   * says so. */
  mp_date_button_choose (MP_DATE_BUTTON (get_named (dialog, "target")), mp_date_from_ymd (2027, 3, 20));
  spin_frames (2);
  g_assert_true (shows_text (dialog, "they start today instead"));

  /* The deal and its contacts go into the plan. */
  gtk_editable_set_text (GTK_EDITABLE (get_named (dialog, "customer")), "Hansen Logistik GmbH");
  gtk_editable_set_text (GTK_EDITABLE (get_named (dialog, "seller-contact")), "Katrin Vogel");
  gtk_editable_set_text (GTK_EDITABLE (get_named (dialog, "customer-contact")), "Sabine Meier");

  mp_template_dialog_set_template (dialog, "classic");
  mp_date_button_choose (MP_DATE_BUTTON (get_named (dialog, "target")), target);
  gone = watch_destroy (dialog);
  g_signal_emit_by_name (get_named (dialog, "create"), "clicked");
  SPIN_UNTIL (*gone);
  g_assert_nonnull (plan);
  g_assert_cmpuint (mp_plan_get_target (plan), ==, target);
  g_assert_cmpstr (mp_plan_get_customer (plan), ==, "Hansen Logistik GmbH");
  g_assert_cmpstr (mp_plan_get_title (plan), ==, "Hansen Logistik GmbH – Mutual Action Plan");
  {
    g_autoptr(MpParticipant) seller = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_participants (plan)), 0);
    g_assert_cmpstr (mp_participant_get_name (seller), ==, "Katrin Vogel");
  }
  ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  g_assert_cmpuint (g_list_model_get_n_items (ms), ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, i);

      g_assert_cmpstr (mp_milestone_get_title (m), ==, titles[i]);
      g_assert_cmpuint (mp_milestone_get_due (m), <, target);
    }

  /* Cancel: no plan. */
  {
    g_autoptr(MpPlan) none = NULL;

    dialog = mp_template_dialog_present (parent, plan_created, &none);
    g_free (gone);
    gone = watch_destroy (dialog);
    g_signal_emit_by_name (get_named (dialog, "close"), "clicked");
    SPIN_UNTIL (*gone);
    g_assert_null (none);
  }
  gtk_window_destroy (parent);
}

/* ---- keyboard ---- */

/* Escape is bound to window.close on every dialog, and the default
 * button is the one Enter activates. */
static gboolean
has_escape_shortcut (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (c))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (c)); j++)
        {
          g_autoptr(GtkShortcut) sc = g_list_model_get_item (G_LIST_MODEL (c), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (sc));
          g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (sc));

          if (g_str_equal (trigger, "Escape") && strstr (action, "window.close") != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_keyboard (void)
{
  g_autoptr(MpDocument) doc = load_fixture ("acme-rollout.mplan");
  GtkWindow *parent = new_parent ();
  struct { GtkWidget *dialog; const char *default_name; } d[] = {
    { GTK_WIDGET (mp_export_dialog_present (parent, doc)), "export" },
    { GTK_WIDGET (mp_invite_dialog_present (parent, doc)), "send" },
    { GTK_WIDGET (mp_report_dialog_present (parent, doc)), "compose" },
    { GTK_WIDGET (mp_baseline_save_dialog_present (parent, doc)), "save" },
    { GTK_WIDGET (mp_baseline_compare_dialog_present (parent, doc)), NULL },
    { GTK_WIDGET (mp_template_dialog_present (parent, NULL, NULL)), "create" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (d); i++)
    {
      g_autofree gboolean *gone = watch_destroy (d[i].dialog);
      GtkWidget *def = gtk_window_get_default_widget (GTK_WINDOW (d[i].dialog));

      g_assert_true (gtk_window_get_modal (GTK_WINDOW (d[i].dialog)));
      g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (d[i].dialog)) == parent);
      g_assert_true (has_escape_shortcut (d[i].dialog));
      if (d[i].default_name != NULL)
        g_assert_cmpstr (gtk_widget_get_name (def), ==, d[i].default_name);
      else
        g_assert_null (def);
      g_assert_true (gtk_widget_activate_action (d[i].dialog, "window.close", NULL));
      SPIN_UNTIL (*gone);
    }
  gtk_window_destroy (parent);
}

/* ---- every dialog, for people to look at ---- */

static void
noop_created (MpPlan   *plan,
              gpointer  user_data)
{
}

/* Every dialog in its first state, saved as LANG-NAME.png, with no
 * assertion on the text: run it in any language, e.g. German with
 * MUTUALPLAN_LOCALEDIR=BUILD/po LANGUAGE=de -p /dialogs/screenshots. */
static void
test_screenshots (void)
{
  g_autoptr(MpDocument) doc = load_fixture ("acme-rollout.mplan");
  GtkWindow *parent = new_parent ();
  const char *lang = g_getenv ("LANGUAGE");
  GtkWidget *dialogs[6];
  const char *names[6] = { "export", "invite", "report", "baseline-save", "baseline-compare", "template" };

  if (g_getenv ("MP_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("MP_SCREENSHOT_DIR is not set");
      gtk_window_destroy (parent);
      return;
    }
  if (lang == NULL || *lang == '\0')
    lang = "C";
  mark_some_sent (mp_document_get_plan (doc));
  dialogs[0] = GTK_WIDGET (mp_export_dialog_present (parent, doc));
  dialogs[1] = GTK_WIDGET (mp_invite_dialog_present (parent, doc));
  dialogs[2] = GTK_WIDGET (mp_report_dialog_present (parent, doc));
  dialogs[3] = GTK_WIDGET (mp_baseline_save_dialog_present (parent, doc));
  dialogs[4] = GTK_WIDGET (mp_baseline_compare_dialog_present (parent, doc));
  dialogs[5] = GTK_WIDGET (mp_template_dialog_present (parent, noop_created, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%s.png", lang, names[i]);

      screenshot (dialogs[i], file);
      gtk_window_destroy (GTK_WINDOW (dialogs[i]));
    }
  gtk_window_destroy (parent);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("mp-test-dialogs-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  const char *localedir = g_getenv ("MUTUALPLAN_LOCALEDIR");
  int status;

  /* Screenshots in German: MUTUALPLAN_LOCALEDIR=BUILD/po LANGUAGE=de. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_mkdir_with_parents (data, 0700);
  g_mkdir_with_parents (config, 0700);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("MUTUALPLAN_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/dialogs/export", test_export);
  g_test_add_func ("/dialogs/invite", test_invite);
  g_test_add_func ("/dialogs/report", test_report);
  g_test_add_func ("/dialogs/baseline-save", test_baseline_save);
  g_test_add_func ("/dialogs/baseline-compare", test_baseline_compare);
  g_test_add_func ("/dialogs/baseline-chooser", test_baseline_chooser);
  g_test_add_func ("/dialogs/template", test_template);
  g_test_add_func ("/dialogs/keyboard", test_keyboard);
  g_test_add_func ("/dialogs/screenshots", test_screenshots);
  status = g_test_run ();
  remove_tree (home);
  return status;
}
