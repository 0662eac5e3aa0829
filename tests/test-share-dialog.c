/* test-share-dialog.c: Import from Spreadsheet under a display (Xvfb)
 *
 * The German template opens in the import dialog on a real plan: the
 * mapping is guessed from the headers, the preview lists what would be
 * added, nothing changes before Import, Import adds everything as one
 * undo step and Undo takes it all back; a remapped column changes the
 * preview; a bad row is listed with its row and column.
 * Screenshots: MP_SCREENSHOT_DIR=DIR -p /share/screenshots (in German with
 * MUTUALPLAN_LOCALEDIR=BUILD/po LANGUAGE=de).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "mp-csv.h"
#include "mp-html.h"
#include "mp-model.h"
#include "mp-share-dialog.h"
#include "mp-window.h"
#include "mp-test-widgets.h"

static GFile *
csv_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);

  return g_file_new_for_path (path);
}

static GPtrArray *
drop_downs (GtkWidget *root)
{
  GPtrArray *out = g_ptr_array_new ();
  GPtrArray *stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);
      GPtrArray *children = g_ptr_array_new ();

      if (GTK_IS_DROP_DOWN (w))
        g_ptr_array_add (out, w);
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (children, c);
      for (guint i = children->len; i > 0; i--)
        g_ptr_array_add (stack, g_ptr_array_index (children, i - 1));
      g_ptr_array_unref (children);
    }
  g_ptr_array_unref (stack);
  return out;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found)
        return found;
    }
  return NULL;
}

static void
test_import_template (void)
{
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("minimal.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  GListModel *milestones = G_LIST_MODEL (mp_plan_get_milestones (plan));
  guint before = g_list_model_get_n_items (milestones);
  guint people_before = g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_participants (plan)));
  g_autoptr(GFile) file = csv_fixture ("vorlage-de-1252.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drops = NULL;
  g_autoptr(GString) labels = g_string_new (NULL);
  GtkWindow *dialog = mp_csv_import_dialog_new (NULL, doc, file, &error);
  GtkWidget *import;

  g_assert_no_error (error);
  g_assert_nonnull (dialog);
  gtk_window_present (dialog);
  MP_TEST_SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  mp_test_spin_frames (5);

  /* Schritt; Verantwortlich; Verantwortlich Kunde; Fällig am; Status; Bemerkungen */
  drops = drop_downs (GTK_WIDGET (dialog));
  g_assert_cmpuint (drops->len, ==, 6);
  g_assert_cmpuint (gtk_drop_down_get_selected (g_ptr_array_index (drops, 0)), ==, MP_CSV_TITLE);
  g_assert_cmpuint (gtk_drop_down_get_selected (g_ptr_array_index (drops, 1)), ==, MP_CSV_OWNER);
  g_assert_cmpuint (gtk_drop_down_get_selected (g_ptr_array_index (drops, 2)), ==, MP_CSV_CUSTOMER_OWNER);
  g_assert_cmpuint (gtk_drop_down_get_selected (g_ptr_array_index (drops, 3)), ==, MP_CSV_DUE);
  g_assert_cmpuint (gtk_drop_down_get_selected (g_ptr_array_index (drops, 4)), ==, MP_CSV_STATUS);
  g_assert_cmpuint (gtk_drop_down_get_selected (g_ptr_array_index (drops, 5)), ==, MP_CSV_NOTES);

  mp_test_collect_labels (GTK_WIDGET (dialog), FALSE, labels);
  g_assert_nonnull (strstr (labels->str, "4 milestones and tasks added, 0 changed."));
  g_assert_nonnull (strstr (labels->str, "Row 2: New milestone “Kick-off-Workshop”, due 15 Mar 2027"));
  /* Nothing changed yet. */
  g_assert_cmpuint (g_list_model_get_n_items (milestones), ==, before);

  /* Notes ignored: the preview follows the mapping. */
  gtk_drop_down_set_selected (g_ptr_array_index (drops, 5), MP_CSV_IGNORE);
  /* Due mapped onto the status column: the due column gives it up, every row is refused. */
  gtk_drop_down_set_selected (g_ptr_array_index (drops, 4), MP_CSV_DUE);
  g_assert_cmpuint (gtk_drop_down_get_selected (g_ptr_array_index (drops, 3)), ==, MP_CSV_IGNORE);
  g_string_truncate (labels, 0);
  mp_test_collect_labels (GTK_WIDGET (dialog), FALSE, labels);
  g_assert_nonnull (strstr (labels->str, "row 2, column Status: “Erledigt” is not a date"));
  gtk_drop_down_set_selected (g_ptr_array_index (drops, 3), MP_CSV_DUE);
  gtk_drop_down_set_selected (g_ptr_array_index (drops, 4), MP_CSV_STATUS);

  import = find_button (GTK_WIDGET (dialog), "_Import");
  g_assert_nonnull (import);
  g_assert_true (gtk_widget_get_sensitive (import));
  g_signal_emit_by_name (import, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (milestones), ==, before + 4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_participants (plan))), >, people_before);
  g_assert_true (mp_document_get_modified (doc));

  /* One undo step takes all of it back. */
  g_assert_true (mp_document_undo (doc));
  g_assert_cmpuint (g_list_model_get_n_items (milestones), ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_participants (plan))), ==, people_before);
  g_assert_false (mp_document_get_modified (doc));
}

static void
test_bad_rows (void)
{
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("minimal.mplan");
  g_autoptr(GFile) file = csv_fixture ("bad-rows.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) labels = g_string_new (NULL);
  GtkWindow *dialog = mp_csv_import_dialog_new (NULL, doc, file, &error);

  g_assert_no_error (error);
  gtk_window_present (dialog);
  MP_TEST_SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  mp_test_spin_frames (3);
  mp_test_collect_labels (GTK_WIDGET (dialog), FALSE, labels);
  g_assert_nonnull (strstr (labels->str, "row 7, column Fällig am: “31.02.2027” is not a date"));
  g_assert_nonnull (strstr (labels->str, "5 milestones and tasks added"));
  gtk_window_destroy (dialog);
}

/* Our own export, one date moved in the "spreadsheet": one change, named
 * by its column, and nothing added. */
static void
test_update (void)
{
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("mueller-maschinenbau.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  g_autoptr(GBytes) csv = mp_csv_export_plan (plan, MP_CSV_HEADERS_ENGLISH);
  g_autofree char *text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "edited.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autoptr(GString) edited = g_string_new (text);
  GtkWindow *dialog;
  MpMilestone *m = mp_plan_find_milestone (plan, "m-eval");

  g_assert_cmpuint (g_string_replace (edited, ",2027-09-17,done,", ",2027-09-20,done,", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, edited->str, -1, NULL));
  dialog = mp_csv_import_dialog_new (NULL, doc, file, &error);
  g_assert_no_error (error);
  gtk_window_present (dialog);
  MP_TEST_SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  mp_test_collect_labels (GTK_WIDGET (dialog), FALSE, labels);
  g_assert_nonnull (strstr (labels->str, "0 milestones and tasks added, 1 changed."));
  g_assert_nonnull (strstr (labels->str, "Row 2: Change “Erste Evaluierung”: Due: 17 Sep 2027 → 20 Sep 2027"));
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  g_assert_cmpuint (mp_milestone_get_due (m), ==, mp_date_from_ymd (2027, 9, 20));
  g_assert_true (mp_document_undo (doc));
  g_assert_cmpuint (mp_milestone_get_due (m), ==, mp_date_from_ymd (2027, 9, 17));
  g_unlink (path);
}

/* "Into a new plan": the open plan stays as it was, a window shows the new one. */
static void
test_new_plan (void)
{
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("minimal.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  guint before = g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_milestones (plan)));
  MpWindow *window = mp_window_new (NULL);
  g_autoptr(GFile) file = csv_fixture ("vorlage-de-utf8.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) labels = g_string_new (NULL);
  GtkWindow *dialog;
  GtkWidget *check;
  MpWindow *opened = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  mp_window_set_document (window, doc);
  gtk_window_present (GTK_WINDOW (window));
  dialog = mp_csv_import_dialog_new (GTK_WINDOW (window), doc, file, &error);
  g_assert_no_error (error);
  gtk_window_present (dialog);
  MP_TEST_SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  check = mp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  mp_test_collect_labels (GTK_WIDGET (dialog), FALSE, labels);
  g_assert_nonnull (strstr (labels->str, "4 milestones and tasks added, 0 changed."));
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  mp_test_spin_frames (3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_milestones (plan))), ==, before);
  g_assert_false (mp_document_get_modified (doc));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (MP_IS_WINDOW (w) && MP_WINDOW (w) != window)
        opened = MP_WINDOW (w);
    }
  g_assert_nonnull (opened);
  g_assert_cmpstr (mp_plan_get_title (mp_window_get_plan (opened)), ==, "vorlage-de-utf8");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_milestones (mp_window_get_plan (opened)))), ==, 4);
  gtk_window_destroy (GTK_WINDOW (opened));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The file chooser GtkFileChooserNative shows under Xvfb (GTK's own dialog). */
static GtkWidget *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return GTK_WIDGET (w);
    }
  return NULL;
}

/* File → Export as Web Page… and Export as Spreadsheet…: the window's
 * actions open a file chooser (GTK's own under Xvfb; Cancel writes
 * nothing), and what accepting does writes the core's bytes. GTK 4.8's
 * chooser does not take a file set from code in this environment, so the
 * accept step is called directly. */
static void
test_window_exports (void)
{
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("mueller-maschinenbau.mplan");
  MpWindow *window = mp_window_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("share-XXXXXX", NULL);
  static const char * const actions[] = { "win.export-html", "win.export-csv" };
  /* GTK's file chooser warns that it cannot draw some icons in the test
   * environment (no SVG pixbuf loader there): warnings are not fatal here,
   * criticals still are. */
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  mp_window_set_document (window, doc);
  gtk_window_present (GTK_WINDOW (window));
  MP_TEST_SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  for (guint k = 0; k < G_N_ELEMENTS (actions); k++)
    {
      GtkWidget *chooser;
      g_autofree char *path = g_build_filename (dir, k == 0 ? "plan.html" : "plan.csv", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GBytes) want = NULL;
      g_autofree char *data = NULL;
      gsize len = 0;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), actions[k], NULL));
      MP_TEST_SPIN_UNTIL ((chooser = find_file_chooser ()) != NULL);
      if (k == 1)
        g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "headers"), ==, "localized");
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      MP_TEST_SPIN_UNTIL (find_file_chooser () == NULL);
      mp_test_spin_frames (3);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

      mp_share_write_export (GTK_WINDOW (window), doc, file, k == 0, MP_CSV_HEADERS_ENGLISH);
      MP_TEST_SPIN_UNTIL (g_file_test (path, G_FILE_TEST_EXISTS));
      mp_test_spin_frames (5);
      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      want = k == 0 ? mp_html_export_plan (mp_document_get_plan (doc), mp_date_today (), NULL)
                    : mp_csv_export_plan (mp_document_get_plan (doc), MP_CSV_HEADERS_ENGLISH);
      g_assert_cmpmem (data, len, g_bytes_get_data (want, NULL), g_bytes_get_size (want));
      g_unlink (path);
    }
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  g_log_set_always_fatal (fatal);
}

/* Both dialogs as PNG, in whatever language the environment asks for. */
static void
test_screenshots (void)
{
  static const char * const files[][2] = {
    { "vorlage-de-1252.csv", "csv-import-dialog" },
    { "bad-rows.csv", "csv-import-bad-rows" },
  };

  if (g_getenv ("MP_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("MP_SCREENSHOT_DIR is not set");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(MpDocument) doc = mp_test_load_fixture ("minimal.mplan");
      g_autoptr(GFile) file = csv_fixture (files[i][0]);
      g_autoptr(GError) error = NULL;
      GtkWindow *dialog = mp_csv_import_dialog_new (NULL, doc, file, &error);

      g_assert_no_error (error);
      gtk_window_present (dialog);
      MP_TEST_SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
      mp_test_spin_frames (5);
      mp_test_screenshot (GTK_WIDGET (dialog), "MP_SCREENSHOT_DIR", files[i][1]);
      gtk_window_destroy (dialog);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("MUTUALPLAN_LOCALEDIR");

  /* GTK's file chooser needs its own schema next to the build's. */
  {
    const char *dirs = g_getenv ("GSETTINGS_SCHEMA_DIR");
    g_autofree char *all = dirs != NULL && *dirs
                           ? g_strconcat (dirs, G_SEARCHPATH_SEPARATOR_S, "/usr/share/glib-2.0/schemas", NULL)
                           : NULL;

    if (all != NULL)
      g_setenv ("GSETTINGS_SCHEMA_DIR", all, TRUE);
  }
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("MUTUALPLAN_TODAY", "2027-03-01", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  g_test_add_func ("/share/import-template", test_import_template);
  g_test_add_func ("/share/bad-rows", test_bad_rows);
  g_test_add_func ("/share/update", test_update);
  g_test_add_func ("/share/new-plan", test_new_plan);
  g_test_add_func ("/share/window-exports", test_window_exports);
  g_test_add_func ("/share/screenshots", test_screenshots);
  return g_test_run ();
}
