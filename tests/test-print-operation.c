/* test-print-operation.c: File → Print through GTK, exported to PDF
 *
 * GtkPrintOperation's export action runs the same begin-print,
 * request-page-setup and draw-page handlers as the print dialog, without
 * a dialog; the PDF it writes is read back with poppler's tools.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mp-document.h"
#include "mp-plan-io.h"
#include "mp-print.h"
#include "mp-print-operation.h"

static MpDocument *
load_document (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = mp_plan_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return mp_document_new (plan, file);
}

static char *
pdftotext (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-raw", pdf, "-", NULL };
  g_autofree char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return NULL;
  return g_steal_pointer (&out);
}

/* Exports @op to @path and checks the result. */
static void
export (GtkPrintOperation *op,
        const char        *path)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (op, path);
  result = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* "W x H" of each page, as pdfinfo prints them. */
static GPtrArray *
page_sizes (const char *pdf)
{
  const char *argv[] = { "pdfinfo", "-f", "1", "-l", "99", pdf, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *sizes = g_ptr_array_new_with_free_func (g_free);
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], "Page ") && strstr (lines[i], " size: "))
      {
        const char *s = strstr (lines[i], " size: ") + 7;
        const char *e = strstr (s, " pts");

        while (*s == ' ')
          s++;
        g_ptr_array_add (sizes, g_strndup (s, e != NULL ? (gsize) (e - s) : strlen (s)));
      }
  return sizes;
}

static void
test_export (void)
{
  g_autoptr(MpDocument) doc = load_document ("mueller-maschinenbau.mplan");
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(MpPrintJob) job = mp_print_job_new (mp_document_get_plan (doc));
  g_autofree char *dir = g_dir_make_tmp ("mp-print-op-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autoptr(GPtrArray) sizes = NULL;
  g_autofree char *text = NULL;
  guint n;

  if (g_find_program_in_path ("pdfinfo") == NULL || g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }

  n = mp_print_job_get_n_pages (job);
  op = mp_print_operation_new (doc);
  /* Edits after printing started do not reach the paper. */
  mp_document_set_string (doc, MP_RECORD (mp_document_get_plan (doc)), MP_PLAN_TITLE, "Changed meanwhile");
  export (op, path);

  /* The default paper in C.UTF-8 is A4; the timeline page is turned. */
  sizes = page_sizes (path);
  g_assert_cmpuint (sizes->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const MpPrintPage *p = mp_print_job_get_page (job, i);

      g_test_message ("page %u: %s", i + 1, (char *) g_ptr_array_index (sizes, i));
      g_assert_cmpstr (g_ptr_array_index (sizes, i), ==, p->landscape ? "841.89 x 595.276" : "595.276 x 841.89");
    }

  text = pdftotext (path);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "Müller Maschinenbau GmbH – Einführung Serviceportal"));
  g_assert_null (strstr (text, "Changed meanwhile"));
  g_assert_nonnull (strstr (text, "Françoise Dübel"));
  g_assert_nonnull (strstr (text, "Vertragsprüfung, Einkauf"));
  g_assert_nonnull (strstr (text, "Page 1 of"));

  g_unlink (path);
  g_rmdir (dir);
}

static GtkWidget *
find_check (GtkWidget  *widget,
            const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_CHECK_BUTTON (c) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (c)), label) == 0)
        return c;
      if ((found = find_check (c, label)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_spin (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_SPIN_BUTTON (c))
        return c;
      if ((found = find_spin (c)) != NULL)
        return found;
    }
  return NULL;
}

/* The Plan tab: what is ticked is what prints, and it is remembered for
 * the next time. */
static void
test_plan_tab_and_remembered (void)
{
  g_autoptr(MpDocument) doc = load_document ("acme-rollout.mplan");
  g_autoptr(GtkPrintOperation) op = mp_print_operation_new (doc);
  g_autoptr(GtkPrintOperation) again = NULL;
  g_autoptr(MpPrintJob) job = mp_print_job_new (mp_document_get_plan (doc));
  g_autofree char *dir = g_dir_make_tmp ("mp-print-op-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autofree char *ini = g_build_filename (g_get_user_config_dir (), "mutualplan", "print.ini", NULL);
  g_autoptr(GPtrArray) sizes = NULL;
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *saved = NULL;
  GObject *tab = NULL;
  GtkWidget *check;
  guint n;

  if (g_find_program_in_path ("pdfinfo") == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }

  g_signal_emit_by_name (op, "create-custom-widget", &tab);
  g_assert_true (GTK_IS_WIDGET (tab));
  g_object_ref_sink (tab);
  /* Defaults: overview, milestones, timeline. */
  check = find_check (GTK_WIDGET (tab), "_Changes since the baseline, and the history");
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  check = find_check (GTK_WIDGET (tab), "_Plan on a page");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_spin (GTK_WIDGET (tab))), 2);
  g_signal_emit_by_name (op, "custom-widget-apply", tab);
  g_object_unref (tab);

  export (op, path);
  mp_print_job_set_sections (job, MP_PRINT_MILESTONES | MP_PRINT_TIMELINE | MP_PRINT_CHANGES);
  mp_print_job_set_timeline_pages_wide (job, 2);
  n = mp_print_job_get_n_pages (job);
  sizes = page_sizes (path);
  g_assert_cmpuint (sizes->len, ==, n);
  g_assert_cmpstr (g_ptr_array_index (sizes, 0), ==, "595.276 x 841.89");
  g_assert_cmpstr (g_ptr_array_index (sizes, 1), ==, "841.89 x 595.276");
  g_assert_cmpstr (g_ptr_array_index (sizes, 2), ==, "841.89 x 595.276");

  /* Saved in the background when the operation is done. */
  for (guint i = 0; i < 200 && !g_file_test (ini, G_FILE_TEST_EXISTS); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (g_key_file_load_from_file (kf, ini, G_KEY_FILE_NONE, NULL));
  saved = g_key_file_get_string (kf, "MutualPlan", "sections", NULL);
  g_assert_cmpstr (saved, ==, "milestones,timeline,changes");
  g_assert_cmpint (g_key_file_get_integer (kf, "MutualPlan", "timeline-pages-wide", NULL), ==, 2);

  /* The next print starts from there. */
  again = mp_print_operation_new (doc);
  g_unlink (path);
  export (again, path);
  g_ptr_array_unref (g_steal_pointer (&sizes));
  sizes = page_sizes (path);
  g_assert_cmpuint (sizes->len, ==, n);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("MUTUALPLAN_TODAY", "2027-03-01", TRUE);
  gtk_init ();

  g_test_add_func ("/print-operation/export", test_export);
  g_test_add_func ("/print-operation/plan-tab-and-remembered", test_plan_tab_and_remembered);
  return g_test_run ();
}
