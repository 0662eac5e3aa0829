/* mp-csv-import-dialog.c
 *
 * The spreadsheet is read once (mp_csv_table_load); the mapping of its
 * columns is guessed (mp_csv_guess_mapping) and changeable; every change
 * prepares the import again (mp_csv_import_prepare) into the preview.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mp-csv.h"
#include "mp-csv-import-dialog.h"
#include "mp-dialog-util.h"
#include "mp-window.h"

struct _MpCsvImportDialog
{
  GtkWindow    parent_instance;

  MpDocument  *document;
  MpDocument  *new_plan;  /* "Into a new plan": the plan it makes, else NULL */
  char        *new_title;
  MpCsvTable  *table;
  MpCsvField  *mapping;
  MpCsvImport *import;
  GPtrArray   *drops;     /* GtkDropDown per column */

  GtkWidget   *columns;
  GtkWidget   *summary;
  GtkWidget   *preview;   /* GtkBox of labels */
  GtkWidget   *import_button;
  GtkWidget   *new_plan_check;
};

G_DEFINE_FINAL_TYPE (MpCsvImportDialog, mp_csv_import_dialog, GTK_TYPE_WINDOW)

/* Where the rows go: the open plan, or the new one. */
static MpDocument *
target (MpCsvImportDialog *self)
{
  return self->new_plan != NULL ? self->new_plan : self->document;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
preview_line (MpCsvImportDialog *self,
              const char        *text,
              gboolean           error)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (error)
    gtk_widget_add_css_class (label, "error");
  gtk_box_append (GTK_BOX (self->preview), label);
}

static void
update_preview (MpCsvImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) errors = NULL;
  guint added = 0, changed = 0;
  g_autofree char *summary = NULL;

  if (self->table == NULL)
    return;
  g_clear_pointer (&self->import, mp_csv_import_free);
  clear_box (self->preview);
  self->import = mp_csv_import_prepare (mp_document_get_plan (target (self)), self->table, self->mapping, &error);
  if (self->import == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->summary), error->message);
      gtk_widget_set_sensitive (self->import_button, FALSE);
      return;
    }
  errors = mp_csv_import_get_errors (self->import);
  mp_csv_import_count (self->import, &added, &changed);
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
  gtk_label_set_text (GTK_LABEL (self->summary), summary);
  for (guint i = 0; errors[i]; i++)
    preview_line (self, errors[i], TRUE);
  {
    GPtrArray *changes = mp_csv_import_get_changes (self->import);

    for (guint i = 0; i < changes->len; i++)
      {
        MpCsvChange *c = g_ptr_array_index (changes, i);
        g_autofree char *line = c->row > 0 ? g_strdup_printf (_("Row %u: %s"), c->row, c->text) : g_strdup (c->text);

        preview_line (self, line, FALSE);
      }
    if (changes->len == 0 && errors[0] == NULL)
      preview_line (self, _("The plan already holds everything in this file."), FALSE);
  }
  gtk_widget_set_sensitive (self->import_button, added + changed > 0);
}

static void
mapping_changed (GtkDropDown       *drop,
                 GParamSpec        *pspec,
                 MpCsvImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop), "column"));
  MpCsvField field = (MpCsvField) gtk_drop_down_get_selected (drop);

  /* A field goes to one column: the other column gives it up. */
  for (guint c = 0; c < self->table->n_columns; c++)
    if (c != column && field != MP_CSV_IGNORE && self->mapping[c] == field)
      {
        self->mapping[c] = MP_CSV_IGNORE;
        g_signal_handlers_block_by_func (g_ptr_array_index (self->drops, c), mapping_changed, self);
        gtk_drop_down_set_selected (g_ptr_array_index (self->drops, c), MP_CSV_IGNORE);
        g_signal_handlers_unblock_by_func (g_ptr_array_index (self->drops, c), mapping_changed, self);
      }
  self->mapping[column] = field;
  update_preview (self);
}

static void
new_plan_toggled (MpCsvImportDialog *self)
{
  g_clear_object (&self->new_plan);
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->new_plan_check)))
    {
      g_autoptr(MpPlan) plan = mp_plan_new ();
      g_autofree char *id = mp_record_new_id (NULL);
      g_autofree char *zone = mp_timezone_get_local ();

      mp_record_mark_new (MP_RECORD (plan));
      mp_plan_set_id (plan, id);
      mp_plan_set_title (plan, self->new_title);
      mp_plan_set_timezone (plan, zone);
      mp_plan_set_start (plan, mp_date_today ());
      self->new_plan = mp_document_new (plan, NULL);
    }
  update_preview (self);
}

void
mp_csv_import_dialog_import (MpCsvImportDialog *self)
{
  GtkWindow *parent;

  g_return_if_fail (MP_IS_CSV_IMPORT_DIALOG (self));

  if (self->import == NULL)
    return;
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  mp_csv_import_apply (self->import, target (self));
  if (self->new_plan != NULL && MP_IS_WINDOW (parent))
    mp_window_open_document (MP_WINDOW (parent), self->new_plan);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* A row per column of the file: its name, its first value, its field. */
static void
add_columns (MpCsvImportDialog *self)
{
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);
  GStrv header = g_ptr_array_index (self->table->rows, 0);

  for (int f = 0; f < MP_CSV_N_FIELDS; f++)
    gtk_string_list_append (fields, mp_csv_field_get_label (f));
  for (guint c = 0; c < self->table->n_columns; c++)
    {
      const char *name = c < g_strv_length (header) ? header[c] : "";
      const char *sample = "";
      GtkWidget *label, *example, *drop;
      g_autofree char *column_name = *name ? g_strdup (name) : g_strdup_printf (_("Column %u"), c + 1);
      g_autofree char *a11y = g_strdup_printf (_("Field of column “%s”"), column_name);

      for (guint r = 1; r < self->table->rows->len && !*sample; r++)
        {
          GStrv row = g_ptr_array_index (self->table->rows, r);

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
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), self->mapping[c]);
      g_object_set_data (G_OBJECT (drop), "column", GUINT_TO_POINTER (c));
      mp_dialog_set_accessible_label (drop, a11y);
      g_signal_connect (drop, "notify::selected", G_CALLBACK (mapping_changed), self);
      g_ptr_array_add (self->drops, drop);
      gtk_grid_attach (GTK_GRID (self->columns), label, 0, (int) c, 1, 1);
      gtk_grid_attach (GTK_GRID (self->columns), example, 1, (int) c, 1, 1);
      gtk_grid_attach (GTK_GRID (self->columns), drop, 2, (int) c, 1, 1);
    }
}

static void
mp_csv_import_dialog_dispose (GObject *object)
{
  MpCsvImportDialog *self = MP_CSV_IMPORT_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_object (&self->new_plan);
  G_OBJECT_CLASS (mp_csv_import_dialog_parent_class)->dispose (object);
}

static void
mp_csv_import_dialog_finalize (GObject *object)
{
  MpCsvImportDialog *self = MP_CSV_IMPORT_DIALOG (object);

  g_free (self->new_title);
  g_clear_pointer (&self->table, mp_csv_table_free);
  g_free (self->mapping);
  g_clear_pointer (&self->import, mp_csv_import_free);
  g_ptr_array_unref (self->drops);
  G_OBJECT_CLASS (mp_csv_import_dialog_parent_class)->finalize (object);
}

static void
mp_csv_import_dialog_class_init (MpCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_csv_import_dialog_dispose;
  object_class->finalize = mp_csv_import_dialog_finalize;

  mp_dialog_class_set_template (widget_class, "/com/example/MutualPlan/mp-csv-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MpCsvImportDialog, columns);
  gtk_widget_class_bind_template_child (widget_class, MpCsvImportDialog, summary);
  gtk_widget_class_bind_template_child (widget_class, MpCsvImportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, MpCsvImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, MpCsvImportDialog, new_plan_check);
  gtk_widget_class_bind_template_callback (widget_class, new_plan_toggled);
  gtk_widget_class_bind_template_callback (widget_class, mp_csv_import_dialog_import);
}

static void
mp_csv_import_dialog_init (MpCsvImportDialog *self)
{
  self->drops = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
mp_csv_import_dialog_new (GtkWindow  *parent,
                          MpDocument *document,
                          GFile      *file,
                          GError    **error)
{
  g_autoptr(MpCsvTable) table = NULL;
  MpCsvImportDialog *self;
  g_autofree char *base = NULL;
  g_autofree char *title = NULL;
  char *dot;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((table = mp_csv_table_load (file, error)) == NULL)
    return NULL;
  self = g_object_new (MP_TYPE_CSV_IMPORT_DIALOG, NULL);
  self->document = g_object_ref (document);
  self->table = g_steal_pointer (&table);
  self->mapping = mp_csv_guess_mapping (self->table);
  mp_dialog_set_parent (GTK_WINDOW (self), parent);

  base = g_file_get_basename (file);
  title = g_strdup_printf (_("Import “%s”"), base);
  gtk_window_set_title (GTK_WINDOW (self), title);
  /* "Into a new plan" is called after the file, without its extension. */
  self->new_title = g_strdup (base);
  dot = strrchr (self->new_title, '.');
  if (dot != NULL && dot != self->new_title)
    *dot = '\0';

  add_columns (self);
  update_preview (self);
  return GTK_WINDOW (self);
}
