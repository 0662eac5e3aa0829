/* mp-print-operation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-print-operation.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mp-plan-io.h"
#include "mp-print.h"

#define SETTINGS_GROUP "MutualPlan"

static const struct {
  MpPrintSections section;
  const char     *label;
} section_checks[] = {
  { MP_PRINT_OVERVIEW, N_("_Plan on a page") },
  { MP_PRINT_MILESTONES, N_("_Milestones") },
  { MP_PRINT_TIMELINE, N_("_Timeline") },
  { MP_PRINT_CHANGES, N_("_Changes since the baseline, and the history") },
};

typedef struct {
  MpPrintJob      *job;
  MpPrintSections  sections;
  guint            pages_wide;
  GtkWidget       *checks[G_N_ELEMENTS (section_checks)];
  GtkWidget       *pages_wide_spin;
  GtkWindow       *parent; /* weak */
  gboolean         error_shown;
} PrintData;

static void
print_data_free (gpointer p)
{
  PrintData *data = p;

  g_clear_object (&data->job);
  g_clear_weak_pointer (&data->parent);
  g_free (data);
}

static PrintData *
get_data (GtkPrintOperation *op)
{
  return g_object_get_data (G_OBJECT (op), "mp-print-data");
}

static char *
settings_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "mutualplan", "print.ini", NULL);
}

/* The saved choices, page setup and print settings; nothing when there
 * is no file or it does not read. */
static void
load_settings (GtkPrintOperation *op,
               PrintData         *data)
{
  g_autofree char *path = settings_path ();
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *sections = NULL;
  int pages_wide;

  if (!g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, NULL))
    return;
  if (g_key_file_has_group (kf, "Print Settings"))
    {
      g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new_from_key_file (kf, NULL, NULL);

      if (settings != NULL)
        gtk_print_operation_set_print_settings (op, settings);
    }
  if (g_key_file_has_group (kf, "Page Setup"))
    {
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new_from_key_file (kf, NULL, NULL);

      if (setup != NULL)
        gtk_print_operation_set_default_page_setup (op, setup);
    }
  sections = g_key_file_get_string (kf, SETTINGS_GROUP, "sections", NULL);
  if (sections != NULL)
    mp_print_sections_parse (sections, &data->sections);
  pages_wide = g_key_file_get_integer (kf, SETTINGS_GROUP, "timeline-pages-wide", NULL);
  if (pages_wide >= 1 && pages_wide <= MP_PRINT_MAX_PAGES_WIDE)
    data->pages_wide = (guint) pages_wide;
}

static void
save_settings (GtkPrintOperation *op,
               PrintData         *data)
{
  g_autofree char *path = settings_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *sections = mp_print_sections_to_string (data->sections);
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (op);
  GtkPageSetup *setup = gtk_print_operation_get_default_page_setup (op);
  g_autofree char *text = NULL;
  gsize len;

  if (settings != NULL)
    gtk_print_settings_to_key_file (settings, kf, NULL);
  if (setup != NULL)
    gtk_page_setup_to_key_file (setup, kf, NULL);
  g_key_file_set_string (kf, SETTINGS_GROUP, "sections", sections);
  g_key_file_set_integer (kf, SETTINGS_GROUP, "timeline-pages-wide", (int) data->pages_wide);
  text = g_key_file_to_data (kf, &len, NULL);

  /* A few hundred bytes, replaced atomically by the project's one writer
   * of files; done when the print job ends, so nothing waits on it. */
  g_file_make_directory_with_parents (dir, NULL, NULL);
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), len);
    g_autoptr(GError) error = NULL;

    if (!mp_write_file_atomic (file, bytes, FALSE, NULL, NULL, &error))
      g_warning ("Could not remember the print settings: %s", error->message);
  }
}

static GObject *
create_custom_widget (GtkPrintOperation *op,
                      gpointer           user_data)
{
  PrintData *data = get_data (op);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Print these parts of the plan:"));
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("Timeline _pages across:"));

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);
  for (guint i = 0; i < G_N_ELEMENTS (section_checks); i++)
    {
      GtkWidget *check = gtk_check_button_new_with_mnemonic (_(section_checks[i].label));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (data->sections & section_checks[i].section) != 0);
      gtk_widget_set_margin_start (check, 12);
      gtk_box_append (GTK_BOX (box), check);
      data->checks[i] = check;
    }

  data->pages_wide_spin = gtk_spin_button_new_with_range (1, MP_PRINT_MAX_PAGES_WIDE, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (data->pages_wide_spin), data->pages_wide);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), data->pages_wide_spin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->pages_wide_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline pages across"), -1);
  gtk_widget_set_margin_top (row, 12);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), data->pages_wide_spin);
  gtk_box_append (GTK_BOX (box), row);
  {
    GtkWidget *hint = gtk_label_new (_("1 fits the whole plan across one landscape page; more pages make the days wider."));

    gtk_label_set_xalign (GTK_LABEL (hint), 0);
    gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
    gtk_label_set_max_width_chars (GTK_LABEL (hint), 50);
    gtk_widget_add_css_class (hint, "dim-label");
    gtk_box_append (GTK_BOX (box), hint);
  }
  return G_OBJECT (box);
}

static void
custom_widget_apply (GtkPrintOperation *op,
                     GtkWidget         *widget,
                     gpointer           user_data)
{
  PrintData *data = get_data (op);
  MpPrintSections sections = 0;

  for (guint i = 0; i < G_N_ELEMENTS (section_checks); i++)
    if (data->checks[i] != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (data->checks[i])))
      sections |= section_checks[i].section;
  /* Nothing ticked: the first page is still worth printing. */
  data->sections = sections != 0 ? sections : MP_PRINT_OVERVIEW;
  if (data->pages_wide_spin != NULL)
    data->pages_wide = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (data->pages_wide_spin));
}

static void
begin_print (GtkPrintOperation *op,
             GtkPrintContext   *context,
             gpointer           user_data)
{
  PrintData *data = get_data (op);
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  GtkPaperSize *paper = gtk_page_setup_get_paper_size (setup);
  double margin = MP_PRINT_DEFAULT_MARGIN;

  /* Our margins, or the printer's where it cannot print closer to the
   * edge. The same on every side: pages turn between portrait and
   * landscape. */
  margin = MAX (margin, gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS));
  margin = MAX (margin, gtk_page_setup_get_bottom_margin (setup, GTK_UNIT_POINTS));
  margin = MAX (margin, gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS));
  margin = MAX (margin, gtk_page_setup_get_right_margin (setup, GTK_UNIT_POINTS));

  mp_print_job_set_paper_size (data->job, gtk_paper_size_get_width (paper, GTK_UNIT_POINTS),
                               gtk_paper_size_get_height (paper, GTK_UNIT_POINTS));
  mp_print_job_set_margins (data->job, margin, margin, margin, margin);
  mp_print_job_set_sections (data->job, data->sections);
  mp_print_job_set_timeline_pages_wide (data->job, data->pages_wide);
  gtk_print_operation_set_n_pages (op, (int) mp_print_job_paginate (data->job));
}

static void
request_page_setup (GtkPrintOperation *op,
                    GtkPrintContext   *context,
                    int                page_nr,
                    GtkPageSetup      *setup,
                    gpointer           user_data)
{
  PrintData *data = get_data (op);
  const MpPrintPage *page;

  if (page_nr < 0 || (guint) page_nr >= mp_print_job_get_n_pages (data->job))
    return;
  page = mp_print_job_get_page (data->job, (guint) page_nr);
  gtk_page_setup_set_orientation (setup, page->landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                         : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
draw_page (GtkPrintOperation *op,
           GtkPrintContext   *context,
           int                page_nr,
           gpointer           user_data)
{
  PrintData *data = get_data (op);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  const MpPrintPage *page;
  double scale;

  if (page_nr < 0 || (guint) page_nr >= mp_print_job_get_n_pages (data->job))
    return;
  page = mp_print_job_get_page (data->job, (guint) page_nr);
  /* Units are points from the paper's corner (full page, GTK_UNIT_POINTS);
   * should a printer not turn the page as asked, the page shrinks to fit
   * rather than being cut. */
  scale = MIN (width / page->width, height / page->height);
  cairo_save (cr);
  if (scale > 0 && fabs (scale - 1.0) > 0.01)
    cairo_scale (cr, scale, scale);
  mp_print_job_draw_page (data->job, cr, (guint) page_nr);
  cairo_restore (cr);
}

static void
show_error (PrintData    *data,
            const GError *error)
{
  GtkWidget *dialog;

  if (data->error_shown)
    return;
  data->error_shown = TRUE;
  dialog = gtk_message_dialog_new (data->parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s",
                                   _("The plan could not be printed"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            error != NULL ? error->message
                                                          : _("Check the printer and try again."));
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
done (GtkPrintOperation       *op,
      GtkPrintOperationResult  result,
      gpointer                 user_data)
{
  PrintData *data = get_data (op);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    save_settings (op, data);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (op, &error);
      show_error (data, error);
    }
}

GtkPrintOperation *
mp_print_operation_new (MpDocument *document)
{
  GtkPrintOperation *op;
  PrintData *data;
  MpPlan *plan;
  g_autoptr(MpPlan) copy = NULL;
  g_autofree char *job_name = NULL;

  g_return_val_if_fail (MP_IS_DOCUMENT (document), NULL);

  plan = mp_document_get_plan (document);
  /* A deep copy: the window stays editable while the dialog is open. */
  copy = MP_PLAN (mp_record_copy (MP_RECORD (plan)));

  op = gtk_print_operation_new ();
  data = g_new0 (PrintData, 1);
  data->job = mp_print_job_new (copy);
  data->sections = MP_PRINT_SECTIONS_DEFAULT;
  data->pages_wide = 1;
  g_object_set_data_full (G_OBJECT (op), "mp-print-data", data, print_data_free);
  load_settings (op, data);

  job_name = g_strdup (mp_plan_get_title (plan));
  gtk_print_operation_set_job_name (op, job_name != NULL && *job_name ? job_name : _("Plan"));
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  gtk_print_operation_set_custom_tab_label (op, _("Plan"));

  g_signal_connect (op, "create-custom-widget", G_CALLBACK (create_custom_widget), NULL);
  g_signal_connect (op, "custom-widget-apply", G_CALLBACK (custom_widget_apply), NULL);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print), NULL);
  g_signal_connect (op, "request-page-setup", G_CALLBACK (request_page_setup), NULL);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page), NULL);
  g_signal_connect (op, "done", G_CALLBACK (done), NULL);
  return op;
}

void
mp_print_operation_run (GtkWindow               *parent,
                        MpDocument              *document,
                        GtkPrintOperationAction  action)
{
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GError) error = NULL;
  PrintData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (MP_IS_DOCUMENT (document));

  op = mp_print_operation_new (document);
  data = get_data (op);
  g_set_weak_pointer (&data->parent, parent);
  gtk_print_operation_set_allow_async (op, TRUE);
  /* GTK keeps the operation alive while it runs on asynchronously. */
  if (gtk_print_operation_run (op, action, parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (data, error);
}
