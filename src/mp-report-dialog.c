/* mp-report-dialog.c
 *
 * The text is mp_report_build () for today, the "since" date and the
 * baseline chosen; nothing here words the report. The e-mail always
 * carries the plain-text form, whichever form is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-baseline-chooser.h"
#include "mp-date-button.h"
#include "mp-dialog-util.h"
#include "mp-format.h"
#include "mp-report-dialog.h"

struct _MpReportDialog
{
  GtkWindow           parent_instance;

  MpDocument         *document;
  MpPlan             *plan;

  GtkWidget          *compose_button;
  GtkWidget          *markdown;
  GtkWidget          *text;
  GtkWidget          *since;
  GtkWidget          *baseline;
  GtkWidget          *recipients;
  GtkWidget          *view;
  GtkWidget          *status;

  MpMailComposeFlags  flags;
  GCancellable       *cancellable;
  GFile              *saving;      /* the file being written */
};

G_DEFINE_FINAL_TYPE (MpReportDialog, mp_report_dialog, GTK_TYPE_WINDOW)

static char *
build_report (MpReportDialog *self,
              MpReportFormat  format)
{
  return mp_report_build (self->plan, mp_date_today (), mp_report_dialog_get_since (self),
                          mp_baseline_chooser_get_baseline (MP_BASELINE_CHOOSER (self->baseline)), format);
}

static void
set_status (MpReportDialog *self,
            const char     *text)
{
  gtk_label_set_text (GTK_LABEL (self->status), text ? text : "");
}

static void
refresh (MpReportDialog *self)
{
  MpReportFormat format = mp_report_dialog_get_format (self);
  g_autofree char *report = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));

  /* Not before the dialog has its plan, nor after. */
  if (self->plan == NULL)
    return;
  report = build_report (self, format);
  gtk_text_buffer_set_text (buffer, report, -1);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (self->view), format == MP_REPORT_MARKDOWN);
  set_status (self, NULL);
}

/* ---- recipients ---- */

GStrv
mp_report_dialog_get_recipients (MpReportDialog *self)
{
  MpReporting *reporting;
  const char * const *ids;
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();

  g_return_val_if_fail (MP_IS_REPORT_DIALOG (self), NULL);

  reporting = mp_plan_get_reporting (self->plan);
  ids = reporting != NULL ? mp_reporting_get_recipients (reporting) : NULL;
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      MpParticipant *p = mp_plan_find_participant (self->plan, ids[i]);

      if (p != NULL && mp_mail_address_is_valid (mp_participant_get_email (p)))
        g_strv_builder_add (out, mp_participant_get_email (p));
    }
  return g_strv_builder_end (out);
}

static void
update_recipients (MpReportDialog *self)
{
  MpReporting *reporting = mp_plan_get_reporting (self->plan);
  const char * const *ids = reporting != NULL ? mp_reporting_get_recipients (reporting) : NULL;
  GString *names = g_string_new (NULL);
  g_autoptr(GPtrArray) without = g_ptr_array_new ();
  g_autofree char *text = NULL;
  guint n = 0;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      MpParticipant *p = mp_plan_find_participant (self->plan, ids[i]);

      if (p != NULL && mp_mail_address_is_valid (mp_participant_get_email (p)))
        {
          if (names->len > 0)
            g_string_append (names, _(", "));
          g_string_append_printf (names, "%s <%s>", mp_participant_get_name (p), mp_participant_get_email (p));
          n++;
        }
      else
        g_ptr_array_add (without, (gpointer) mp_format_participant (self->plan, ids[i]));
    }

  if (n == 0)
    text = g_strdup (_("No report recipient has an e-mail address. Choose the recipients of status reports on the "
                       "Calendar page and give them e-mail addresses on the People page."));
  else if (without->len == 0)
    /* Translators: the recipients of the status report e-mail. */
    text = g_strdup_printf (_("To: %s"), names->str);
  else
    {
      g_autofree char *missing = NULL;

      g_ptr_array_add (without, NULL);
      missing = g_strjoinv (_(", "), (char **) without->pdata);
      /* Translators: "To: Tom <tom@…> (Lena Ortiz has no e-mail address)". */
      text = g_strdup_printf (_("To: %s (without an e-mail address: %s)"), names->str, missing);
    }
  gtk_label_set_text (GTK_LABEL (self->recipients), text);
  if (n == 0)
    gtk_widget_add_css_class (self->recipients, "warning");
  else
    gtk_widget_remove_css_class (self->recipients, "warning");
  gtk_widget_set_sensitive (self->compose_button, n > 0);
  gtk_widget_set_tooltip_text (self->compose_button, n == 0 ? text : NULL);
  g_string_free (names, TRUE);
}

/* ---- public ---- */

char *
mp_report_dialog_get_text (MpReportDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (MP_IS_REPORT_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

MpReportFormat
mp_report_dialog_get_format (MpReportDialog *self)
{
  g_return_val_if_fail (MP_IS_REPORT_DIALOG (self), MP_REPORT_MARKDOWN);

  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->text)) ? MP_REPORT_TEXT : MP_REPORT_MARKDOWN;
}

void
mp_report_dialog_set_format (MpReportDialog *self,
                             MpReportFormat  format)
{
  g_return_if_fail (MP_IS_REPORT_DIALOG (self));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (format == MP_REPORT_TEXT ? self->text : self->markdown), TRUE);
}

MpDate
mp_report_dialog_get_since (MpReportDialog *self)
{
  g_return_val_if_fail (MP_IS_REPORT_DIALOG (self), MP_DATE_NONE);

  return mp_date_button_get_date (MP_DATE_BUTTON (self->since));
}

void
mp_report_dialog_set_compose_flags (MpReportDialog     *self,
                                    MpMailComposeFlags  flags)
{
  g_return_if_fail (MP_IS_REPORT_DIALOG (self));

  self->flags = flags;
}

void
mp_report_dialog_copy (MpReportDialog *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (MP_IS_REPORT_DIALOG (self));

  text = mp_report_dialog_get_text (self);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  set_status (self, _("The report was copied to the clipboard."));
}

static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(MpReportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_steal_pointer (&self->saving);

  if (!mp_dialog_write_file_finish (result, &error))
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("%s\n\nChoose another folder, or check that the disk is not full and that you "
                                "may write there."), error->message);
      mp_dialog_show_message (GTK_WINDOW (self), GTK_MESSAGE_ERROR, _("Could not save the report"), text);
      return;
    }
  {
    g_autofree char *name = g_file_get_parse_name (file);
    /* Translators: after saving the status report. */
    g_autofree char *text = g_strdup_printf (_("Saved as “%s”."), name);

    set_status (self, text);
  }
}

void
mp_report_dialog_save_to_file (MpReportDialog *self,
                               GFile          *file)
{
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (MP_IS_REPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->saving != NULL)
    return;
  text = mp_report_dialog_get_text (self);
  bytes = g_bytes_new (text, strlen (text));
  self->saving = g_object_ref (file);
  mp_dialog_write_file_async (file, bytes, self->cancellable, write_done, g_object_ref (self));
}

static void
file_chosen (GtkWindow *dialog,
             GFile     *file,
             gpointer   user_data)
{
  mp_report_dialog_save_to_file (MP_REPORT_DIALOG (dialog), file);
}

static void
save_clicked (MpReportDialog *self)
{
  char iso[MP_DATE_STRLEN];
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  GFile *doc_file = mp_document_get_file (self->document);
  g_autoptr(GFile) folder = doc_file != NULL ? g_file_get_parent (doc_file) : NULL;

  mp_date_format_buf (mp_date_today (), iso);
  /* Translators: the proposed file name of a saved status report,
   * "ACME rollout – status report 2027-03-01". */
  stem = g_strdup_printf (_("%s – status report %s"), mp_plan_get_title (self->plan), iso);
  name = mp_dialog_file_name_for (stem, _("Status report"),
                                  mp_report_dialog_get_format (self) == MP_REPORT_MARKDOWN ? ".md" : ".txt");
  mp_dialog_choose_file (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Status Report"), _("_Save"),
                         name, folder, file_chosen, NULL);
}

static void
compose_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(MpReportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  MpMailRoute route = mp_mail_compose_finish (result, &error);

  gtk_widget_set_sensitive (self->compose_button, TRUE);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        mp_dialog_show_message (GTK_WINDOW (self), GTK_MESSAGE_ERROR, _("Could not open the mail program"),
                                error->message);
      return;
    }
  if (route == MP_MAIL_ROUTE_SAVED)
    {
      g_auto(GStrv) to = mp_report_dialog_get_recipients (self);
      g_autofree char *addresses = g_strjoinv (", ", to);
      g_autofree char *plain = build_report (self, MP_REPORT_TEXT);
      g_autofree char *text = NULL;

      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), plain);
      text = g_strdup_printf (_("The report was copied to the clipboard as plain text: paste it into a new "
                                "message to %s."), addresses);
      mp_dialog_show_message (GTK_WINDOW (self), GTK_MESSAGE_INFO, _("No mail program could be opened"), text);
      return;
    }
  set_status (self, _("The report was handed to your mail program."));
}

void
mp_report_dialog_compose (MpReportDialog *self)
{
  g_auto(GStrv) to = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *handle = NULL;
  GtkWindow *parent;

  g_return_if_fail (MP_IS_REPORT_DIALOG (self));

  to = mp_report_dialog_get_recipients (self);
  if (to[0] == NULL)
    {
      mp_dialog_show_message (GTK_WINDOW (self), GTK_MESSAGE_INFO, _("Nobody to send the report to"),
                              _("No report recipient has an e-mail address. Choose the recipients of status reports "
                                "on the Calendar page and give them e-mail addresses on the People page."));
      return;
    }
  /* Translators: the subject of the status report e-mail. */
  subject = g_strdup_printf (_("Status report: %s"), mp_plan_get_title (self->plan));
  body = build_report (self, MP_REPORT_TEXT);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  handle = mp_dialog_get_window_handle (parent != NULL ? parent : GTK_WINDOW (self));
  gtk_widget_set_sensitive (self->compose_button, FALSE);
  mp_mail_compose_async (handle, (const char * const *) to, subject, body, NULL, self->flags, self->cancellable,
                         compose_done, g_object_ref (self));
}

/* ---- the dialog ---- */

static void
mp_report_dialog_dispose (GObject *object)
{
  MpReportDialog *self = MP_REPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (mp_report_dialog_parent_class)->dispose (object);
}

static void
mp_report_dialog_finalize (GObject *object)
{
  MpReportDialog *self = MP_REPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->saving);
  G_OBJECT_CLASS (mp_report_dialog_parent_class)->finalize (object);
}

static void
on_format_toggled (GtkToggleButton *button,
                   MpReportDialog  *self)
{
  /* Two signals per switch: act on the one that became active. */
  if (gtk_toggle_button_get_active (button))
    refresh (self);
}

static void
mp_report_dialog_class_init (MpReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_report_dialog_dispose;
  object_class->finalize = mp_report_dialog_finalize;

  g_type_ensure (MP_TYPE_DATE_BUTTON);
  g_type_ensure (MP_TYPE_BASELINE_CHOOSER);
  mp_dialog_class_set_template (widget_class, "/com/example/MutualPlan/mp-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MpReportDialog, compose_button);
  gtk_widget_class_bind_template_child (widget_class, MpReportDialog, markdown);
  gtk_widget_class_bind_template_child (widget_class, MpReportDialog, text);
  gtk_widget_class_bind_template_child (widget_class, MpReportDialog, since);
  gtk_widget_class_bind_template_child (widget_class, MpReportDialog, baseline);
  gtk_widget_class_bind_template_child (widget_class, MpReportDialog, recipients);
  gtk_widget_class_bind_template_child (widget_class, MpReportDialog, view);
  gtk_widget_class_bind_template_child (widget_class, MpReportDialog, status);
  gtk_widget_class_bind_template_callback (widget_class, refresh);
  gtk_widget_class_bind_template_callback (widget_class, on_format_toggled);
  gtk_widget_class_bind_template_callback (widget_class, mp_report_dialog_compose);
  gtk_widget_class_bind_template_callback (widget_class, mp_report_dialog_copy);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked);
}

static void
mp_report_dialog_init (MpReportDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  mp_date_button_set_allow_none (MP_DATE_BUTTON (self->since), FALSE);
  mp_date_button_set_accessible_label (MP_DATE_BUTTON (self->since), _("Done since"));
  mp_baseline_chooser_set_accessible_label (MP_BASELINE_CHOOSER (self->baseline),
                                            _("Baseline for the dates that moved"));
}

MpReportDialog *
mp_report_dialog_present (GtkWindow  *parent,
                          MpDocument *doc)
{
  MpReportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MP_IS_DOCUMENT (doc), NULL);

  self = g_object_new (MP_TYPE_REPORT_DIALOG, NULL);
  self->document = g_object_ref (doc);
  self->plan = g_object_ref (mp_document_get_plan (doc));
  mp_dialog_set_parent (GTK_WINDOW (self), parent);
  mp_date_button_set_date (MP_DATE_BUTTON (self->since), mp_report_default_since (self->plan, mp_date_today ()));
  mp_baseline_chooser_set_document (MP_BASELINE_CHOOSER (self->baseline), doc);
  g_signal_connect_swapped (self->baseline, "notify::baseline", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (doc, "changed", G_CALLBACK (update_recipients), self);
  g_signal_connect_swapped (doc, "changed", G_CALLBACK (refresh), self);
  update_recipients (self);
  refresh (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
