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
#include "mp-csv-import-dialog.h"
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
