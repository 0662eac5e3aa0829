/* test-first-minutes.c: what a new user meets first: the sample plan in
 * the UI's language, files that are not plans, Open Recent, recovered
 * work of a file that is already open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "mp-application.h"
#include "mp-model.h"
#include "mp-plan-generator.h"
#include "mp-plan-io.h"
#include "mp-window.h"
#include "mp-test-widgets.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);
}

static guint
count_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (MP_IS_WINDOW (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        n++;
    }
  return n;
}

static char *
dialog_text (GtkWidget *dialog)
{
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;

  g_object_get (dialog, "text", &primary, "secondary-text", &secondary, NULL);
  return g_strdup_printf ("%s\n%s", primary, secondary ? secondary : "");
}

/* A new LANGUAGE takes effect when the locale changes (gettext caches). */
static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "C");
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_sample_language (void)
{
  g_autofree char *podir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  MpWindow *window;

  /* English: no translation in use. */
  use_language ("en");
  bindtextdomain ("mutualplan", podir);
  bind_textdomain_codeset ("mutualplan", "UTF-8");
  {
    g_autofree char *path = mp_window_get_sample_resource ();
    g_assert_cmpstr (path, ==, "/com/example/MutualPlan/sample.en.mplan");
  }
  window = mp_window_new (NULL);
  mp_window_load_sample (window);
  g_assert_cmpstr (mp_plan_get_title (mp_window_get_plan (window)), ==, "Harbor Freight Lines – Route Planning Rollout");
  gtk_window_destroy (GTK_WINDOW (window));

  /* German: the German catalog of the build is in use. */
  use_language ("de");
  {
    g_autofree char *path = mp_window_get_sample_resource ();
    g_assert_cmpstr (path, ==, "/com/example/MutualPlan/sample.de.mplan");
  }
  window = mp_window_new (NULL);
  mp_window_load_sample (window);
  g_assert_cmpstr (mp_plan_get_title (mp_window_get_plan (window)), ==, "Hansen Logistik – Einführung Tourenplanung");
  gtk_window_destroy (GTK_WINDOW (window));

  /* A language without its own sample: English. */
  use_language ("fr");
  {
    g_autofree char *path = mp_window_get_sample_resource ();
    g_assert_cmpstr (path, ==, "/com/example/MutualPlan/sample.en.mplan");
  }
  use_language ("en");

  /* The two samples are the same plan in two languages. */
  {
    g_autoptr(GBytes) en = g_resources_lookup_data ("/com/example/MutualPlan/sample.en.mplan", 0, NULL);
    g_autoptr(GBytes) de = g_resources_lookup_data ("/com/example/MutualPlan/sample.de.mplan", 0, NULL);
    g_autoptr(MpPlan) pen = mp_plan_load_from_data (g_bytes_get_data (en, NULL), g_bytes_get_size (en), "en", NULL);
    g_autoptr(MpPlan) pde = mp_plan_load_from_data (g_bytes_get_data (de, NULL), g_bytes_get_size (de), "de", NULL);
    GListModel *men = G_LIST_MODEL (mp_plan_get_milestones (pen));
    GListModel *mde = G_LIST_MODEL (mp_plan_get_milestones (pde));

    g_assert_nonnull (pen);
    g_assert_nonnull (pde);
    g_assert_cmpuint (g_list_model_get_n_items (men), ==, g_list_model_get_n_items (mde));
    for (guint i = 0; i < g_list_model_get_n_items (men); i++)
      {
        g_autoptr(MpMilestone) a = g_list_model_get_item (men, i);
        g_autoptr(MpMilestone) b = g_list_model_get_item (mde, i);

        g_assert_cmpuint (mp_milestone_get_due (a), ==, mp_milestone_get_due (b));
        g_assert_cmpstr (mp_milestone_get_title (a), !=, mp_milestone_get_title (b));
      }
  }
}

/* A window that is not disposable: a plan with a change. */
static MpWindow *
busy_window (void)
{
  MpWindow *window = mp_window_new (NULL);
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("acme-rollout.mplan");

  mp_document_set_string (doc, MP_RECORD (mp_document_get_plan (doc)), MP_PLAN_TITLE, "Changed");
  mp_window_set_document (window, doc);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (mp_window_is_disposable (window));
  return window;
}

static void
check_not_a_plan (MpWindow   *from,
                  const char *contents,
                  const char *name,
                  const char *expected)
{
  g_autofree char *dir = g_dir_make_tmp ("mp-first-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *dialog;
  g_autofree char *text = NULL;
  guint before = count_windows ();

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  mp_window_open_file (from, file);
  MP_TEST_SPIN_UNTIL (mp_test_find_message_dialog () != NULL && count_windows () == before);
  mp_test_spin_frames (5);
  dialog = mp_test_find_message_dialog ();
  text = dialog_text (dialog);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, expected));
  /* In the window it was opened from, and no extra window. */
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (from));
  g_assert_cmpuint (count_windows (), ==, before);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_not_a_plan (void)
{
  MpWindow *busy = busy_window ();
  MpWindow *sample = mp_window_new (NULL);

  check_not_a_plan (busy, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nEND:VCALENDAR\r\n", "acme.ics",
                    "“acme.ics” is a calendar file, not a plan\n");
  check_not_a_plan (busy, "{\"name\": \"budget\", \"rows\": [1, 2, 3]}\n", "budget.json",
                    "“budget.json” is a JSON file, but not a plan\n");
  check_not_a_plan (busy, "%PDF-1.4\n%âãÏÓ\n", "plan.pdf", "“plan.pdf” is a PDF document, not a plan\n");
  /* Still the plan it had. */
  g_assert_cmpstr (mp_plan_get_title (mp_window_get_plan (busy)), ==, "Changed");

  /* From the untouched sample, the sample stays. */
  mp_window_load_sample (sample);
  gtk_window_present (GTK_WINDOW (sample));
  check_not_a_plan (sample, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "export.ics",
                    "“export.ics” is a calendar file, not a plan\n");
  g_assert_nonnull (mp_window_get_plan (sample));

  /* A broken plan still gets the loader's exact message. */
  {
    g_autofree char *dir = g_dir_make_tmp ("mp-first-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "broken.mplan", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    GtkWidget *dialog;
    g_autofree char *text = NULL;

    g_assert_true (g_file_set_contents (path, "{\"format\": \"mutualplan\", \"version\": 1,\n \"title\": }\n", -1, NULL));
    mp_window_open_file (busy, file);
    MP_TEST_SPIN_UNTIL ((dialog = mp_test_find_message_dialog ()) != NULL);
    text = dialog_text (dialog);
    g_assert_true (g_str_has_prefix (text, "Could not open “broken.mplan”\n"));
    g_assert_nonnull (strstr (text, "line 2"));
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_unlink (path);
    g_rmdir (dir);
  }
  gtk_window_destroy (GTK_WINDOW (busy));
  gtk_window_destroy (GTK_WINDOW (sample));
}

/* The labels of the Open Recent submenu. */
static void
recent_labels (GMenuModel *menu,
               gboolean    inside,
               GString    *out)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);

      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      if (inside && label != NULL)
        g_string_append_printf (out, "%s;", label);
      if (section != NULL)
        recent_labels (section, inside, out);
      if (submenu != NULL)
        recent_labels (submenu, inside || g_strcmp0 (label, "Open _Recent") == 0, out);
    }
}

static GtkWidget *
find_primary_menu (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary_menu (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_recent_plans_only (void)
{
  GtkRecentManager *recent = gtk_recent_manager_get_default ();
  g_autofree char *dir = g_dir_make_tmp ("mp-first-XXXXXX", NULL);
  g_autofree char *ics = g_build_filename (dir, "acme.ics", NULL);
  g_autofree char *ics_uri = g_filename_to_uri (ics, NULL, NULL);
  g_autofree char *plan_path = fixture ("acme-rollout.mplan");
  g_autoptr(GFile) plan = g_file_new_for_path (plan_path);
  MpWindow *window = mp_window_new (NULL);
  g_autoptr(GString) labels = g_string_new (NULL);
  GtkWidget *menu_button;
  GtkRecentData data = { 0 };

  g_assert_true (g_file_set_contents (ics, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", -1, NULL));
  /* What GTK's file chooser records for an export: this program, no group. */
  data.mime_type = (char *) "text/calendar";
  data.app_name = (char *) "mutualplan";
  data.app_exec = (char *) "mutualplan %u";
  g_assert_true (gtk_recent_manager_add_full (recent, ics_uri, &data));
  /* A plan opened in a window. */
  {
    g_autoptr(MpDocument) doc = mp_document_load (plan, NULL, NULL);

    mp_window_set_document (window, doc);
  }
  MP_TEST_SPIN_UNTIL (gtk_recent_manager_has_item (recent, ics_uri));
  mp_test_spin_frames (10);

  menu_button = find_primary_menu (GTK_WIDGET (window));
  g_assert_nonnull (menu_button);
  MP_TEST_SPIN_UNTIL ((g_string_truncate (labels, 0),
                       recent_labels (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), FALSE, labels),
                       strstr (labels->str, "acme-rollout.mplan") != NULL));
  g_test_message ("recent: %s", labels->str);
  g_assert_null (strstr (labels->str, "acme.ics"));

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_recent_manager_remove_item (recent, ics_uri, NULL);
  g_unlink (ics);
  g_rmdir (dir);
}

static void
test_recovery_same_window (void)
{
  g_autoptr(MpApplication) app = mp_application_new ();
  g_autofree char *dir = g_dir_make_tmp ("mp-first-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "deal.mplan", NULL);
  g_autofree char *src = fixture ("acme-rollout.mplan");
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MpWindow *first, *open;
  MpRecovery recovery = { 0 };
  g_autoptr(MpDocument) doc = NULL;

  g_object_set (app, "flags", G_APPLICATION_NON_UNIQUE, NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_assert_true (g_file_get_contents (src, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));

  /* Unsaved work of deal.mplan, as a session that ended left it. */
  {
    g_autoptr(MpDocument) crashed = mp_document_load (file, NULL, NULL);

    mp_document_set_string (crashed, MP_RECORD (mp_document_get_plan (crashed)), MP_PLAN_TITLE, "Recovered title");
    g_assert_true (mp_document_write_recovery (crashed, NULL));
    recovery.path = g_strdup (mp_document_get_recovery_path (crashed));
    recovery.file_uri = g_file_get_uri (file);
    mp_document_set_autosave (crashed, 0);
  }

  /* The first window has the sample; another has the file open. */
  first = mp_window_new (app);
  mp_window_load_sample (first);
  g_assert_true (mp_window_is_disposable (first));
  open = mp_window_new (app);
  mp_window_load_file (open, file);
  g_assert_true (mp_window_shows_file (open, file)); /* while loading, too */
  MP_TEST_SPIN_UNTIL (mp_window_get_plan (open) != NULL);

  doc = mp_document_recover (&recovery, NULL);
  g_assert_nonnull (doc);
  g_assert_true (mp_application_window_for_recovery (app, first, doc) == open);

  /* While the file is still loading: the same window, and the load that
   * finishes later does not replace the recovered work. */
  {
    MpWindow *loading = mp_window_new (app);
    g_autoptr(MpDocument) again = NULL;

    gtk_window_destroy (GTK_WINDOW (open));
    mp_window_load_file (loading, file);
    again = mp_document_recover (&recovery, NULL);
    g_assert_true (mp_application_window_for_recovery (app, first, again) == loading);
    mp_window_set_document (loading, again);
    mp_test_spin_frames (30);
    g_assert_cmpstr (mp_plan_get_title (mp_window_get_plan (loading)), ==, "Recovered title");
    g_assert_true (mp_window_get_document (loading) == again);

    /* With changes of its own: no second window, the copy is kept. */
    mp_document_set_string (again, MP_RECORD (mp_document_get_plan (again)), MP_PLAN_TITLE, "Edited since");
    {
      g_autoptr(MpDocument) third = mp_document_recover (&recovery, NULL);
      GtkWidget *dialog;

      g_assert_null (mp_application_window_for_recovery (app, first, third));
      MP_TEST_SPIN_UNTIL ((dialog = mp_test_find_message_dialog ()) != NULL);
      g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (loading));
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
    mp_document_set_autosave (again, 0);
    mp_document_discard_recovery (again);
    gtk_window_destroy (GTK_WINDOW (loading));
  }

  /* A file no window shows: the untouched first window. */
  g_assert_true (mp_application_window_for_recovery (app, first, doc) == first);
  gtk_window_destroy (GTK_WINDOW (first));
  mp_document_discard_recovery (doc);
  g_free (recovery.path);
  g_free (recovery.file_uri);
  g_unlink (path);
  g_rmdir (dir);
}

/* Quit waits for a recovery copy being written (g_application_quit()
 * ignores the hold the autosave takes: the process ended while the
 * worker wrote, and the copy was left half done or not removed). */
typedef struct {
  MpDocument *doc;
  gboolean    was_writing;
} QuitCtx;

static void
quit_while_writing (GApplication *app,
                    QuitCtx      *ctx)
{
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (5000);
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  ctx->doc = mp_document_new (plan, NULL);
  mp_document_set_autosave (ctx->doc, 1);
  mp_document_set_string (ctx->doc, MP_RECORD (plan), MP_PLAN_TITLE, "Typed just before quitting");
  while (!mp_document_is_writing_recovery (ctx->doc) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  ctx->was_writing = mp_document_is_writing_recovery (ctx->doc);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
test_quit_waits_for_autosave (void)
{
  g_autoptr(MpApplication) app = NULL;
  char *argv[] = { (char *) "mutualplan", NULL };
  QuitCtx ctx = { 0 };

  /* In a process of its own: the application's main loop must not run
   * what earlier tests left behind. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  app = mp_application_new ();
  g_object_set (app, "flags", G_APPLICATION_NON_UNIQUE, NULL);
  g_signal_connect_after (app, "activate", G_CALLBACK (quit_while_writing), &ctx);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_true (ctx.was_writing);
  /* The application ran until the worker was done. */
  g_assert_false (mp_document_is_writing_recovery (ctx.doc));
  {
    g_autoptr(GFile) copy = g_file_new_for_path (mp_document_get_recovery_path (ctx.doc));
    g_autoptr(GError) error = NULL;
    g_autoptr(MpPlan) back = mp_plan_load_from_file (copy, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (mp_plan_get_title (back), ==, "Typed just before quitting");
  }
  mp_document_discard_recovery (ctx.doc);
  g_object_unref (ctx.doc);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/first/sample-language", test_sample_language);
  g_test_add_func ("/first/not-a-plan", test_not_a_plan);
  g_test_add_func ("/first/recent-plans-only", test_recent_plans_only);
  g_test_add_func ("/first/recovery-same-window", test_recovery_same_window);
  g_test_add_func ("/first/quit-waits-for-autosave", test_quit_waits_for_autosave);
  return g_test_run ();
}
