/* mp-share-dialog.c: the web page and spreadsheet exports, and the import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-share-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mp-csv.h"
#include "mp-dialog-util.h"
#include "mp-html.h"
#include "mp-merge.h"
#include "mp-merge-dialog.h"
#include "mp-window.h"

/* ---- the exports ---- */

typedef struct {
  GtkWindow *parent;
  MpPlan    *shared; /* the web page's plan as it went out; NULL for CSV */
} ExportData;

static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ExportData *d = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp_dialog_write_file_finish (result, &error))
    mp_dialog_show_message (d->parent, GTK_MESSAGE_ERROR, _("Could not export the plan"), error->message);
  else if (d->shared != NULL)
    /* The plan as it went out: the base when a copy comes back (mp-merge.h). */
    mp_merge_dialog_remember_shared (d->shared);
  g_object_unref (d->parent);
  g_clear_object (&d->shared);
  g_free (d);
}

void
mp_share_write_export (GtkWindow    *parent,
                       MpDocument   *document,
                       GFile        *file,
                       gboolean      html,
                       MpCsvHeaders  headers)
{
  MpPlan *plan = mp_document_get_plan (document);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (html)
    bytes = mp_html_export_plan (plan, mp_date_today (), &error);
  else
    bytes = mp_csv_export_plan (plan, headers);
  if (bytes == NULL)
    mp_dialog_show_message (parent, GTK_MESSAGE_ERROR, _("Could not export the plan"), error->message);
  else
    {
      ExportData *d = g_new0 (ExportData, 1);

      d->parent = g_object_ref (parent);
      /* A snapshot: remembered once the page is written, as it was. */
      d->shared = html ? MP_PLAN (mp_record_copy (MP_RECORD (plan))) : NULL;
      mp_dialog_write_file_async (file, bytes, NULL, write_done, d);
    }
}

static void
export_response (GtkNativeDialog *chooser,
                 int              response,
                 gpointer         user_data)
{
  MpDocument *document = user_data;
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      const char *choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "headers");

      mp_share_write_export (parent, document, file, g_object_get_data (G_OBJECT (chooser), "html") != NULL,
                             g_strcmp0 (choice, "localized") == 0 ? MP_CSV_HEADERS_LOCALIZED : MP_CSV_HEADERS_ENGLISH);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (document);
}

static void
export_ask (GtkWindow  *parent,
            MpDocument *document,
            gboolean    html)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = mp_dialog_file_name_for (mp_plan_get_title (mp_document_get_plan (document)),
                                                   _("Plan"), html ? ".html" : ".csv");

  chooser = gtk_file_chooser_native_new (html ? _("Export as Web Page") : _("Export as Spreadsheet"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (html)
    {
      gtk_file_filter_set_name (filter, _("Web pages"));
      gtk_file_filter_add_mime_type (filter, "text/html");
      gtk_file_filter_add_suffix (filter, "html");
      g_object_set_data (G_OBJECT (chooser), "html", GINT_TO_POINTER (1));
    }
  else
    {
      /* First is selected: GTK 4.8's own chooser ignores set_choice. People
       * here want the columns in their language, with the separator their
       * spreadsheet expects. */
      const char *options[] = { "localized", "english", NULL };
      const char *labels[] = { _("In the language of the application"), _("English (stable, for scripts)"), NULL };

      gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "headers", _("Column names"), options, labels);
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response), g_object_ref (document));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
mp_share_export_html (GtkWindow  *parent,
                      MpDocument *document)
{
  export_ask (parent, document, TRUE);
}

void
mp_share_export_csv (GtkWindow  *parent,
                     MpDocument *document)
{
  export_ask (parent, document, FALSE);
}

/* ---- the import dialog ---- */

typedef struct {
  GtkWindow   *window;
  MpDocument  *document;
  MpDocument  *new_plan;  /* "Into a new plan": the plan it makes, else NULL */
  char        *new_title;
  MpCsvTable  *table;
  MpCsvField  *mapping;
  MpCsvImport *import;
  GtkWidget   *summary;
  GtkWidget   *preview;  /* GtkBox of labels */
  GtkWidget   *import_button;
  GtkWidget   *new_plan_check;
  GPtrArray   *drops;    /* GtkDropDown per column */
} ImportDialog;

/* Where the rows go: the open plan, or the new one. */
static MpDocument *
target (ImportDialog *d)
{
  return d->new_plan != NULL ? d->new_plan : d->document;
}

static void
import_dialog_free (gpointer data)
{
  ImportDialog *d = data;

  g_clear_object (&d->document);
  g_clear_object (&d->new_plan);
  g_free (d->new_title);
  mp_csv_table_free (d->table);
  g_free (d->mapping);
  mp_csv_import_free (d->import);
  g_ptr_array_unref (d->drops);
  g_free (d);
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
preview_line (ImportDialog *d,
              const char   *text,
              gboolean      error)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (error)
    gtk_widget_add_css_class (label, "error");
  gtk_box_append (GTK_BOX (d->preview), label);
}

static void
update_preview (ImportDialog *d)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) errors = NULL;
  guint added = 0, changed = 0;
  g_autofree char *summary = NULL;

  g_clear_pointer (&d->import, mp_csv_import_free);
  clear_box (d->preview);
  d->import = mp_csv_import_prepare (mp_document_get_plan (target (d)), d->table, d->mapping, &error);
  if (d->import == NULL)
    {
      gtk_label_set_text (GTK_LABEL (d->summary), error->message);
      gtk_widget_set_sensitive (d->import_button, FALSE);
      return;
    }
  errors = mp_csv_import_get_errors (d->import);
  mp_csv_import_count (d->import, &added, &changed);
  {
    g_autofree char *a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u milestone or task added",
                                                       "%u milestones and tasks added", added), added);
    g_autofree char *c = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u changed", "%u changed", changed),
                                          changed);
    guint n_bad = g_strv_length (errors);

    if (n_bad > 0)
      {
        g_autofree char *b = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem in the file: refused rows are not imported",
                                                           "%u problems in the file: refused rows are not imported",
                                                           n_bad), n_bad);

        summary = g_strdup_printf ("%s, %s. %s", a, c, b);
      }
    else
      summary = g_strdup_printf ("%s, %s.", a, c);
  }
  gtk_label_set_text (GTK_LABEL (d->summary), summary);
  for (guint i = 0; errors[i]; i++)
    preview_line (d, errors[i], TRUE);
  {
    GPtrArray *changes = mp_csv_import_get_changes (d->import);

    for (guint i = 0; i < changes->len; i++)
      {
        MpCsvChange *c = g_ptr_array_index (changes, i);
        g_autofree char *line = c->row > 0 ? g_strdup_printf (_("Row %u: %s"), c->row, c->text) : g_strdup (c->text);

        preview_line (d, line, FALSE);
      }
    if (changes->len == 0 && errors[0] == NULL)
      preview_line (d, _("The plan already holds everything in this file."), FALSE);
  }
  gtk_widget_set_sensitive (d->import_button, added + changed > 0);
}

static void
mapping_changed (GtkDropDown  *drop,
                 GParamSpec   *pspec,
                 ImportDialog *d)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop), "column"));
  MpCsvField field = (MpCsvField) gtk_drop_down_get_selected (drop);

  /* A field goes to one column: the other column gives it up. */
  for (guint c = 0; c < d->table->n_columns; c++)
    if (c != column && field != MP_CSV_IGNORE && d->mapping[c] == field)
      {
        d->mapping[c] = MP_CSV_IGNORE;
        g_signal_handlers_block_by_func (g_ptr_array_index (d->drops, c), mapping_changed, d);
        gtk_drop_down_set_selected (g_ptr_array_index (d->drops, c), MP_CSV_IGNORE);
        g_signal_handlers_unblock_by_func (g_ptr_array_index (d->drops, c), mapping_changed, d);
      }
  d->mapping[column] = field;
  update_preview (d);
}

static void
new_plan_toggled (GtkCheckButton *check,
                  ImportDialog   *d)
{
  g_clear_object (&d->new_plan);
  if (gtk_check_button_get_active (check))
    {
      g_autoptr(MpPlan) plan = mp_plan_new ();
      g_autofree char *id = mp_record_new_id (NULL);
      g_autofree char *zone = mp_timezone_get_local ();

      mp_record_mark_new (MP_RECORD (plan));
      mp_plan_set_id (plan, id);
      mp_plan_set_title (plan, d->new_title);
      mp_plan_set_timezone (plan, zone);
      mp_plan_set_start (plan, mp_date_today ());
      d->new_plan = mp_document_new (plan, NULL);
    }
  update_preview (d);
}

static void
import_clicked (GtkButton    *button,
                ImportDialog *d)
{
  GtkWindow *parent = gtk_window_get_transient_for (d->window);

  mp_csv_import_apply (d->import, target (d));
  if (d->new_plan != NULL)
    {
      if (MP_IS_WINDOW (parent))
        mp_window_open_document (MP_WINDOW (parent), d->new_plan);
    }
  gtk_window_destroy (d->window);
}

GtkWindow *
mp_csv_import_dialog_new (GtkWindow  *parent,
                          MpDocument *document,
                          GFile      *file,
                          GError    **error)
{
  g_autoptr(MpCsvTable) table = NULL;
  ImportDialog *d;
  GtkWidget *box, *grid, *scroll, *heading;
  GtkStringList *fields;
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *title = NULL;

  if ((table = mp_csv_table_load (file, error)) == NULL)
    return NULL;
  d = g_new0 (ImportDialog, 1);
  d->window = GTK_WINDOW (gtk_window_new ());
  d->document = g_object_ref (document);
  d->table = g_steal_pointer (&table);
  d->mapping = mp_csv_guess_mapping (d->table);
  d->drops = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (d->window), "mp-import", d, import_dialog_free);
  gtk_widget_set_name (GTK_WIDGET (d->window), "csv-import-dialog");

  title = g_strdup_printf (_("Import “%s”"), base);
  d->new_title = g_strdup (base);
  if (strrchr (d->new_title, '.') != NULL && strrchr (d->new_title, '.') != d->new_title)
    *strrchr (d->new_title, '.') = '\0';
  mp_dialog_init_window (d->window, parent, title, 760, 640);
  d->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  mp_dialog_set_accessible_label (d->import_button, _("Import"));
  g_signal_connect (d->import_button, "clicked", G_CALLBACK (import_clicked), d);
  mp_dialog_add_header (d->window, _("_Cancel"), d->import_button);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_start (box, 16);
  gtk_widget_set_margin_end (box, 16);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 16);
  heading = mp_dialog_heading (_("Columns"));
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), mp_dialog_hint (_("What each column of the spreadsheet holds. The guesses come from the column names; correct them where they are wrong.")));

  fields = gtk_string_list_new (NULL);
  for (int f = 0; f < MP_CSV_N_FIELDS; f++)
    gtk_string_list_append (fields, mp_csv_field_get_label (f));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint c = 0; c < d->table->n_columns; c++)
    {
      GStrv header = g_ptr_array_index (d->table->rows, 0);
      const char *name = c < g_strv_length (header) ? header[c] : "";
      const char *sample = "";
      GtkWidget *label, *example, *drop;
      g_autofree char *column_name = *name ? g_strdup (name) : g_strdup_printf (_("Column %u"), c + 1);

      for (guint r = 1; r < d->table->rows->len && !*sample; r++)
        {
          GStrv row = g_ptr_array_index (d->table->rows, r);

          if (c < g_strv_length (row))
            sample = row[c];
        }
      label = gtk_label_new (column_name);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      example = gtk_label_new (sample);
      gtk_label_set_xalign (GTK_LABEL (example), 0);
      gtk_label_set_ellipsize (GTK_LABEL (example), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (example), 28);
      gtk_label_set_single_line_mode (GTK_LABEL (example), TRUE);
      gtk_widget_add_css_class (example, "dim-label");
      drop = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (fields)), NULL);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), d->mapping[c]);
      g_object_set_data (G_OBJECT (drop), "column", GUINT_TO_POINTER (c));
      {
        g_autofree char *a11y = g_strdup_printf (_("Field of column “%s”"), column_name);

        mp_dialog_set_accessible_label (drop, a11y);
      }
      g_signal_connect (drop, "notify::selected", G_CALLBACK (mapping_changed), d);
      g_ptr_array_add (d->drops, drop);
      gtk_grid_attach (GTK_GRID (grid), label, 0, (int) c, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), example, 1, (int) c, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), drop, 2, (int) c, 1, 1);
    }
  g_object_unref (fields);
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroll), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroll), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), grid);
  gtk_box_append (GTK_BOX (box), scroll);

  d->new_plan_check = gtk_check_button_new_with_mnemonic (_("Into a _new plan (else into this one)"));
  g_signal_connect (d->new_plan_check, "toggled", G_CALLBACK (new_plan_toggled), d);
  gtk_box_append (GTK_BOX (box), d->new_plan_check);

  gtk_box_append (GTK_BOX (box), mp_dialog_heading (_("Preview")));
  d->summary = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (d->summary), 0);
  gtk_label_set_wrap (GTK_LABEL (d->summary), TRUE);
  gtk_box_append (GTK_BOX (box), d->summary);
  d->preview = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroll, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), d->preview);
  gtk_box_append (GTK_BOX (box), scroll);
  gtk_box_append (GTK_BOX (box), mp_dialog_hint (_("Nothing changes until you press Import; then Undo takes the whole import back.")));
  mp_dialog_set_content (d->window, box, 560);

  update_preview (d);
  return d->window;
}

static void
import_file_chosen (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  MpDocument *document = user_data;
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      g_autoptr(GError) error = NULL;
      GtkWindow *dialog = mp_csv_import_dialog_new (parent, document, file, &error);

      if (dialog == NULL)
        mp_dialog_show_message (parent, GTK_MESSAGE_ERROR, _("Could not read the spreadsheet"), error->message);
      else
        gtk_window_present (dialog);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (document);
}

void
mp_share_import_csv (GtkWindow  *parent,
                     MpDocument *document)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import from Spreadsheet"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Spreadsheets saved as CSV"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (import_file_chosen), g_object_ref (document));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
