/* mp-reply-dialog.c
 *
 * Files are read one after the other on the main loop
 * (g_file_load_bytes_async) and handed to the core (mp_itip_import ()),
 * which records the answers through the document: each file is one undo
 * step. The proposals list is rebuilt from the plan whenever the document
 * changes. Accept moves the event (mp_itip_accept_proposal ()); Decline
 * writes a DECLINECOUNTER (mp_ical_build_decline_counter ()), hands it to
 * the mail program like an invitation and removes the proposal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-dialog-util.h"
#include "mp-ical.h"
#include "mp-invite-dialog.h"
#include "mp-itip.h"
#include "mp-reply-dialog.h"

struct _MpReplyDialog
{
  GtkWindow           parent_instance;

  MpDocument         *document;
  MpPlan             *plan;

  GtkWidget          *results;      /* a box of result rows */
  GtkWidget          *no_results;
  GtkWidget          *proposals;    /* a box of proposal rows */
  GtkWidget          *no_proposals;

  GQueue              pending;      /* GFile still to read */
  gboolean            reading;
  GFile              *folder;
  MpMailComposeFlags  flags;
  GCancellable       *cancellable;
};

G_DEFINE_FINAL_TYPE (MpReplyDialog, mp_reply_dialog, GTK_TYPE_WINDOW)

gboolean
mp_reply_dialog_is_reply_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  gsize len = name ? strlen (name) : 0;

  return len > 4 && (g_ascii_strcasecmp (name + len - 4, ".ics") == 0 ||
                     g_ascii_strcasecmp (name + len - 4, ".eml") == 0);
}

/* ---- results ---- */

static void
add_result (MpReplyDialog *self,
            const char    *icon_name,
            const char    *css,
            const char    *text)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = mp_dialog_wrap_label (text);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  if (css != NULL)
    gtk_widget_add_css_class (icon, css);
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_visible (self->no_results, FALSE);
  gtk_box_append (GTK_BOX (self->results), mp_dialog_row (8, icon, label, NULL));
}

static void read_next (MpReplyDialog *self);

static void
loaded (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(MpReplyDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_itip_result_free);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (bytes == NULL)
    add_result (self, "dialog-error-symbolic", "error", error->message);
  else if (!mp_itip_import (self->document, name, bytes, results, &error))
    add_result (self, "dialog-warning-symbolic", "warning", error->message);
  for (guint i = 0; i < results->len; i++)
    {
      MpItipResult *r = g_ptr_array_index (results, i);

      switch (r->outcome)
        {
        case MP_ITIP_RECORDED:
          add_result (self, "object-select-symbolic", "success", r->message);
          break;
        case MP_ITIP_PROPOSAL:
          add_result (self, "x-office-calendar-symbolic", NULL, r->message);
          break;
        case MP_ITIP_UNCHANGED:
          add_result (self, "object-select-symbolic", "dim-label", r->message);
          break;
        case MP_ITIP_IGNORED:
        default:
          add_result (self, "dialog-warning-symbolic", "warning", r->message);
          break;
        }
    }
  self->reading = FALSE;
  read_next (self);
}

static void
read_next (MpReplyDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (self->reading || g_queue_is_empty (&self->pending))
    return;
  file = g_queue_pop_head (&self->pending);
  self->reading = TRUE;
  g_file_load_bytes_async (file, self->cancellable, loaded, g_object_ref (self));
}

void
mp_reply_dialog_import (MpReplyDialog *self,
                        GFile * const *files,
                        guint          n_files)
{
  g_return_if_fail (MP_IS_REPLY_DIALOG (self));

  for (guint i = 0; i < n_files; i++)
    g_queue_push_tail (&self->pending, g_object_ref (files[i]));
  read_next (self);
}

/* ---- proposals ---- */

typedef struct {
  MpReplyDialog *self;
  MpRecord      *event;
  MpRecord      *proposal;
  MpInvitation  *inv;
  GPtrArray     *files;
} Decline;

static void
decline_free (Decline *d)
{
  g_object_unref (d->self);
  g_object_unref (d->event);
  g_object_unref (d->proposal);
  g_clear_pointer (&d->inv, mp_invitation_unref);
  g_clear_pointer (&d->files, g_ptr_array_unref);
  g_free (d);
}

static GFile *
folder_of (MpReplyDialog *self)
{
  return self->folder != NULL ? g_object_ref (self->folder) : mp_invite_dialog_default_folder (self->plan);
}

static void
declined (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Decline *d = user_data;
  g_autoptr(GError) error = NULL;
  MpMailRoute route = mp_mail_compose_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      decline_free (d);
      return;
    }
  if (error != NULL)
    mp_dialog_show_message (GTK_WINDOW (d->self), GTK_MESSAGE_ERROR, _("Could not open the mail program"),
                            error->message);
  else
    {
      /* Handed to the mail program, or saved for the user to send: the
       * proposal is answered. */
      mp_itip_dismiss_proposal (d->self->document, d->event, d->proposal);
      if (route == MP_MAIL_ROUTE_SAVED)
        {
          g_autoptr(GFile) folder = folder_of (d->self);
          g_autofree char *text = mp_mail_saved_message (folder);

          mp_dialog_show_message (GTK_WINDOW (d->self), GTK_MESSAGE_INFO, _("The reply was saved, not sent"), text);
        }
    }
  decline_free (d);
}

static void
decline_clicked (GtkButton     *button,
                 MpReplyDialog *self)
{
  MpRecord *event = g_object_get_data (G_OBJECT (button), "event");
  MpRecord *proposal = g_object_get_data (G_OBJECT (button), "proposal");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = folder_of (self);
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  Decline *d;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *handle = mp_dialog_get_window_handle (parent != NULL ? parent : GTK_WINDOW (self));

  d = g_new0 (Decline, 1);
  d->self = g_object_ref (self);
  d->event = g_object_ref (event);
  d->proposal = g_object_ref (proposal);
  d->inv = mp_ical_build_decline_counter (self->plan, event, proposal, NULL, &error);
  if (d->inv != NULL)
    {
      g_ptr_array_add (one, d->inv);
      d->files = mp_ical_write_invitations (one, folder, NULL, &error);
    }
  if (d->inv == NULL || d->files == NULL)
    {
      mp_dialog_show_message (GTK_WINDOW (self), GTK_MESSAGE_ERROR, _("Could not write the reply"), error->message);
      decline_free (d);
      return;
    }
  mp_mail_compose_async (handle, (const char * const *) d->inv->attendee_emails, d->inv->subject, d->inv->body,
                         g_ptr_array_index (d->files, 0), self->flags, self->cancellable, declined, d);
}

static void
accept_clicked (GtkButton     *button,
                MpReplyDialog *self)
{
  MpRecord *event = g_object_get_data (G_OBJECT (button), "event");
  MpRecord *proposal = g_object_get_data (G_OBJECT (button), "proposal");

  mp_itip_accept_proposal (self->document, event, proposal);
}

static void
add_proposal_row (MpReplyDialog *self,
                  MpRecord      *event,
                  MpRecord      *proposal,
                  guint          index)
{
  g_autofree char *text = mp_itip_describe_proposal (self->plan, proposal);
  const char *title = MP_IS_MILESTONE (event) ? mp_milestone_get_title (MP_MILESTONE (event))
                                              : mp_meeting_get_title (MP_MEETING (event));
  g_autofree char *line = g_strdup_printf (_("“%s”: %s"), title, text);
  GtkWidget *accept = gtk_button_new_with_label (_("Accept"));
  GtkWidget *decline = gtk_button_new_with_label (_("Decline"));
  g_autofree char *an = g_strdup_printf ("accept-%u", index);
  g_autofree char *dn = g_strdup_printf ("decline-%u", index);
  /* Translators: accessible names of the buttons next to a proposal. */
  g_autofree char *al = g_strdup_printf (_("Accept: %s"), line);
  g_autofree char *dl = g_strdup_printf (_("Decline: %s"), line);
  GtkWidget *row;

  gtk_widget_set_name (accept, an);
  gtk_widget_set_name (decline, dn);
  gtk_widget_add_css_class (accept, "suggested-action");
  mp_dialog_set_accessible_label (accept, al);
  mp_dialog_set_accessible_label (decline, dl);
  gtk_widget_set_valign (accept, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (decline, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (accept), "event", g_object_ref (event), g_object_unref);
  g_object_set_data_full (G_OBJECT (accept), "proposal", g_object_ref (proposal), g_object_unref);
  g_object_set_data_full (G_OBJECT (decline), "event", g_object_ref (event), g_object_unref);
  g_object_set_data_full (G_OBJECT (decline), "proposal", g_object_ref (proposal), g_object_unref);
  g_signal_connect (accept, "clicked", G_CALLBACK (accept_clicked), self);
  g_signal_connect (decline, "clicked", G_CALLBACK (decline_clicked), self);
  row = mp_dialog_row (8, mp_dialog_wrap_label (line), decline, accept, NULL);
  gtk_box_append (GTK_BOX (self->proposals), row);
}

static void
refresh_proposals (MpReplyDialog *self)
{
  GListModel *lists[2] = { G_LIST_MODEL (mp_plan_get_milestones (self->plan)),
                           G_LIST_MODEL (mp_plan_get_meetings (self->plan)) };
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (self->proposals)) != NULL)
    gtk_box_remove (GTK_BOX (self->proposals), child);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(MpRecord) ev = g_list_model_get_item (lists[l], i);
        GListModel *props = G_LIST_MODEL (mp_record_get_children (ev, MP_IS_MILESTONE (ev) ? MP_MILESTONE_PROPOSALS
                                                                                           : MP_MEETING_PROPOSALS));

        for (guint j = 0; j < g_list_model_get_n_items (props); j++)
          {
            g_autoptr(MpRecord) p = g_list_model_get_item (props, j);
            add_proposal_row (self, ev, p, n++);
          }
      }
  gtk_widget_set_visible (self->no_proposals, n == 0);
}

/* ---- choosing files ---- */

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  MpReplyDialog   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (list, g_list_model_get_item (files, i));
      mp_reply_dialog_import (self, (GFile * const *) list->pdata, list->len);
    }
  else if (gtk_widget_get_first_child (self->results) == self->no_results &&
           gtk_widget_get_visible (self->no_results))
    gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (chooser);
}

static void
choose_files (MpReplyDialog *self)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Replies"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Calendar replies (.ics, .eml)"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_pattern (filter, "*.ICS");
  gtk_file_filter_add_pattern (filter, "*.eml");
  gtk_file_filter_add_pattern (filter, "*.EML");
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_mime_type (filter, "message/rfc822");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- the dialog ---- */

void
mp_reply_dialog_set_folder (MpReplyDialog *self,
                            GFile         *folder)
{
  g_return_if_fail (MP_IS_REPLY_DIALOG (self));
  g_set_object (&self->folder, folder);
}

void
mp_reply_dialog_set_compose_flags (MpReplyDialog      *self,
                                   MpMailComposeFlags  flags)
{
  g_return_if_fail (MP_IS_REPLY_DIALOG (self));
  self->flags = flags;
}

static void
mp_reply_dialog_dispose (GObject *object)
{
  MpReplyDialog *self = MP_REPLY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->plan);
  g_queue_clear_full (&self->pending, g_object_unref);
  G_OBJECT_CLASS (mp_reply_dialog_parent_class)->dispose (object);
}

static void
mp_reply_dialog_finalize (GObject *object)
{
  MpReplyDialog *self = MP_REPLY_DIALOG (object);

  g_clear_object (&self->folder);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (mp_reply_dialog_parent_class)->finalize (object);
}

static void
mp_reply_dialog_class_init (MpReplyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_reply_dialog_dispose;
  object_class->finalize = mp_reply_dialog_finalize;

  mp_dialog_class_set_template (widget_class, "/com/example/MutualPlan/mp-reply-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MpReplyDialog, results);
  gtk_widget_class_bind_template_child (widget_class, MpReplyDialog, no_results);
  gtk_widget_class_bind_template_child (widget_class, MpReplyDialog, proposals);
  gtk_widget_class_bind_template_child (widget_class, MpReplyDialog, no_proposals);
  gtk_widget_class_bind_template_callback (widget_class, choose_files);
}

static void
mp_reply_dialog_init (MpReplyDialog *self)
{
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->pending);
  gtk_widget_init_template (GTK_WIDGET (self));
}

MpReplyDialog *
mp_reply_dialog_present (GtkWindow     *parent,
                         MpDocument    *doc,
                         GFile * const *files,
                         guint          n_files)
{
  MpReplyDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MP_IS_DOCUMENT (doc), NULL);

  self = g_object_new (MP_TYPE_REPLY_DIALOG, NULL);
  self->document = g_object_ref (doc);
  self->plan = g_object_ref (mp_document_get_plan (doc));
  mp_dialog_set_parent (GTK_WINDOW (self), parent);
  g_signal_connect_swapped (doc, "changed", G_CALLBACK (refresh_proposals), self);
  refresh_proposals (self);
  gtk_window_present (GTK_WINDOW (self));
  if (n_files > 0)
    mp_reply_dialog_import (self, files, n_files);
  else
    choose_files (self);
  return self;
}
