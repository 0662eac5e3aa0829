/* mp-invite-dialog.c
 *
 * The list comes from mp_ical_build_invitations () with the defaults
 * (everyone, meetings too), so it shows exactly what would be sent.
 * Sending builds them again, keeps the selected ones, writes them in a
 * worker thread (mp_ical_write_invitations ()), hands them one after the
 * other to the mail program (mp_mail_compose_async ()) and records what
 * was handed over through the document, in one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-dialog-util.h"
#include "mp-format.h"
#include "mp-ical.h"
#include "mp-invite-dialog.h"
#include "mp-merge.h"
#include "mp-merge-dialog.h"

struct _MpInviteDialog
{
  GtkWindow           parent_instance;

  MpDocument         *document;
  MpPlan             *plan;

  GtkWidget          *content;
  GtkWidget          *send_button;
  GtkWidget          *summary;
  GtkWidget          *warnings;
  GtkWidget          *stack;
  GtkWidget          *list;
  GtkWidget          *empty;
  GtkWidget          *folder_label;
  GtkWidget          *folder_row;
  GtkWidget          *select_box;

  GPtrArray          *invitations;  /* MpInvitation shown */
  GHashTable         *checks;       /* event key → GtkCheckButton (owned by the list) */
  GHashTable         *selected;     /* event keys the user wants to send */
  gboolean            preselected;
  GFile              *folder;       /* chosen by the user, or NULL */
  GFile              *default_folder;
  MpMailComposeFlags  flags;
  GCancellable       *cancellable;

  /* while sending */
  gboolean            sending;
  GPtrArray          *to_send;      /* MpInvitation */
  GPtrArray          *files;        /* GFile: .ics, .eml of each */
  GPtrArray          *handed;       /* MpInvitation taken by the mail program */
  guint               next;
  char               *handle;
};

G_DEFINE_FINAL_TYPE (MpInviteDialog, mp_invite_dialog, GTK_TYPE_WINDOW)

enum {
  SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
event_key (gboolean    is_meeting,
           const char *id)
{
  return g_strconcat (is_meeting ? "meeting:" : "milestone:", id, NULL);
}

/* An event can give a REQUEST and a CANCEL (to removed attendees): the
 * cancellation has a key of its own. */
static char *
invitation_key (MpInvitation *inv)
{
  g_autofree char *key = inv->is_deleted ? g_strconcat ("deleted:", inv->uid, NULL)
                                         : event_key (inv->is_meeting, inv->event_id);

  if (inv->is_cancel && !inv->is_deleted)
    return g_strconcat (key, ":cancel", NULL);
  return g_steal_pointer (&key);
}

/* "Never sent", "Invitation out of date", "Up to date"… */
static const char *
state_text (MpInvitation *inv,
            gboolean     *outdated)
{
  *outdated = inv->is_outdated;
  if (inv->is_cancel)
    return *outdated ? _("Cancellation not sent yet") : _("Cancellation sent");
  if (!inv->is_update && *outdated)
    return _("Never sent");
  return *outdated ? _("Invitation out of date") : _("Up to date");
}

/* Preselected: what is out of date and has not happened yet. */
static gboolean
wanted (MpInvitation *inv)
{
  return inv->is_outdated && !inv->is_past;
}

/* ---- the list ---- */

static void
update_summary (MpInviteDialog *self)
{
  guint n = 0, n_outdated = 0;
  g_autofree char *text = NULL;
  g_autofree char *outdated = NULL;

  for (guint i = 0; self->invitations != NULL && i < self->invitations->len; i++)
    {
      MpInvitation *inv = g_ptr_array_index (self->invitations, i);
      g_autofree char *key = invitation_key (inv);

      if (g_hash_table_contains (self->selected, key))
        n++;
      if (inv->is_outdated && !inv->is_past)
        n_outdated++;
    }
  if (self->invitations == NULL)
    return;
  if (n_outdated == 0)
    outdated = g_strdup (_("Every attendee’s calendar is up to date."));
  else
    outdated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u event changed since it was last sent, or was never sent.",
                                             "%u events changed since they were last sent, or were never sent.",
                                             n_outdated),
                                n_outdated);
  /* Translators: "3 events changed since they were last sent, or were
   * never sent. 3 of 9 selected." */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %u of %u selected.", "%s %u of %u selected.",
                                       self->invitations->len),
                          outdated, n, self->invitations->len);
  gtk_label_set_text (GTK_LABEL (self->summary), text);
  gtk_widget_set_sensitive (self->send_button, n > 0 && !self->sending);
}

static void
check_toggled (GtkCheckButton *check,
               MpInviteDialog *self)
{
  const char *key = g_object_get_data (G_OBJECT (check), "key");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->selected, g_strdup (key));
  else
    g_hash_table_remove (self->selected, key);
  update_summary (self);
}

static GtkWidget *
invitation_row (MpInviteDialog *self,
                MpInvitation   *inv)
{
  GtkWidget *row;
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title, *state, *label;
  g_autofree char *key = invitation_key (inv);
  g_autofree char *when = MP_IS_CANCELLATION (inv->event) ? g_strdup (_("Deleted from the plan"))
                                                           : mp_dialog_describe_when (inv->event);
  g_autofree char *line = NULL;
  g_autofree char *to = NULL;
  g_autofree char *a11y = NULL;
  GString *names = g_string_new (NULL);
  gboolean outdated;
  const char *state_str = state_text (inv, &outdated);

  gtk_widget_set_name (check, inv->basename);
  gtk_widget_set_valign (check, GTK_ALIGN_START);
  g_object_set_data_full (G_OBJECT (check), "key", g_strdup (key), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->selected, key));
  /* Translators: the accessible name of the check box of one event. */
  a11y = g_strdup_printf (_("Send “%s”"), inv->summary);
  mp_dialog_set_accessible_label (check, a11y);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled), self);
  g_hash_table_insert (self->checks, g_strdup (key), check);

  title = mp_dialog_wrap_label (inv->summary);
  gtk_widget_add_css_class (title, "heading");
  if (inv->is_cancel)
    gtk_widget_add_css_class (title, "dropped");
  state = gtk_label_new (state_str);
  gtk_widget_set_valign (state, GTK_ALIGN_START);
  gtk_widget_add_css_class (state, outdated ? "warning" : "dim-label");
  gtk_box_append (GTK_BOX (box), mp_dialog_row (12, title, state, NULL));

  /* Translators: "Wed, 3 Feb 2027 · 14:00–15:30 · Invitation". */
  line = g_strdup_printf (C_("when and kind", "%s · %s"), when,
                          inv->is_cancel ? _("Cancellation")
                          : inv->is_update ? (inv->is_meeting ? _("Updated meeting invitation") : _("Updated invitation"))
                          : inv->is_meeting ? _("Meeting invitation") : _("Invitation"));
  gtk_box_append (GTK_BOX (box), mp_dialog_wrap_label (line));

  for (guint i = 0; inv->attendee_names && inv->attendee_names[i]; i++)
    {
      if (names->len > 0)
        g_string_append (names, _(", "));
      g_string_append_printf (names, "%s <%s>", inv->attendee_names[i], inv->attendee_emails[i]);
    }
  /* Translators: the recipients of an invitation. */
  to = g_strdup_printf (_("To: %s"), names->str);
  g_string_free (names, TRUE);
  label = mp_dialog_wrap_label (to);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  if (inv->without_email != NULL && inv->without_email[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (_(", "), inv->without_email);
      /* Translators: invitees that do not get the invitation. */
      g_autofree char *text = g_strdup_printf (_("No e-mail address, not invited: %s"), list);

      label = mp_dialog_wrap_label (text);
      gtk_widget_add_css_class (label, "warning");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_set_hexpand (box, TRUE);
  row = mp_dialog_row (12, check, box, NULL);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  return row;
}

static void
row_activated (GtkListBox     *list,
               GtkListBoxRow  *row,
               MpInviteDialog *self)
{
  GtkWidget *check = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));

  if (GTK_IS_CHECK_BUTTON (check))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                 !gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
}

static void
add_warning (MpInviteDialog *self,
             const char     *text)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (self->warnings), mp_dialog_row (8, icon, mp_dialog_wrap_label (text), NULL));
}

static GPtrArray *
build (MpInviteDialog  *self,
       GStrv           *warnings,
       GError         **error)
{
  MpIcalOptions options;

  mp_ical_options_init (&options);
  return mp_ical_build_invitations (self->plan, &options, warnings, error);
}

static void
refresh (MpInviteDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  GtkWidget *child;

  if (self->sending)
    return;
  g_hash_table_remove_all (self->checks);
  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  while ((child = gtk_widget_get_first_child (self->warnings)) != NULL)
    gtk_box_remove (GTK_BOX (self->warnings), child);
  g_clear_pointer (&self->invitations, g_ptr_array_unref);

  self->invitations = build (self, &warnings, &error);
  if (self->invitations == NULL)
    {
      /* No organizer e-mail, nobody with an e-mail, nothing to send:
       * the core says what to do. */
      gtk_label_set_text (GTK_LABEL (self->empty), error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      gtk_label_set_text (GTK_LABEL (self->summary), _("Nothing can be sent."));
      gtk_widget_set_visible (self->select_box, FALSE);
      gtk_widget_set_visible (self->folder_row, FALSE);
      gtk_widget_set_sensitive (self->send_button, FALSE);
      return;
    }

  if (!self->preselected)
    {
      /* Send just those whose calendars are out of date, and that are
       * still to come. */
      for (guint i = 0; i < self->invitations->len; i++)
        {
          MpInvitation *inv = g_ptr_array_index (self->invitations, i);

          if (wanted (inv))
            g_hash_table_add (self->selected, invitation_key (inv));
        }
      self->preselected = TRUE;
    }
  /* Events to come first; those that already happened below a heading. */
  for (int past = 0; past < 2; past++)
    {
      gboolean headed = FALSE;

      for (guint i = 0; i < self->invitations->len; i++)
        {
          MpInvitation *inv = g_ptr_array_index (self->invitations, i);

          if (inv->is_past != (past == 1))
            continue;
          if (past && !headed)
            {
              GtkWidget *heading = mp_dialog_heading (_("Already happened"));
              GtkWidget *row = gtk_list_box_row_new ();

              gtk_widget_set_name (heading, "already-happened");
              gtk_widget_set_margin_start (heading, 12);
              gtk_widget_set_margin_top (heading, 12);
              gtk_widget_set_margin_bottom (heading, 6);
              gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), heading);
              gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
              gtk_list_box_append (GTK_LIST_BOX (self->list), row);
              headed = TRUE;
            }
          gtk_list_box_append (GTK_LIST_BOX (self->list), invitation_row (self, inv));
        }
    }
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    add_warning (self, warnings[i]);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
  gtk_widget_set_visible (self->select_box, TRUE);
  gtk_widget_set_visible (self->folder_row, TRUE);
  update_summary (self);
}

static void
select_where (MpInviteDialog *self,
              gboolean        only_outdated)
{
  for (guint i = 0; self->invitations != NULL && i < self->invitations->len; i++)
    {
      MpInvitation *inv = g_ptr_array_index (self->invitations, i);
      g_autofree char *key = invitation_key (inv);
      GtkWidget *check = g_hash_table_lookup (self->checks, key);
      gboolean on = !only_outdated || wanted (inv);

      if (check != NULL)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
    }
}

static void
select_outdated_clicked (MpInviteDialog *self)
{
  select_where (self, TRUE);
}

static void
select_all_clicked (MpInviteDialog *self)
{
  select_where (self, FALSE);
}

/* ---- the folder ---- */

GFile *
mp_invite_dialog_default_folder (MpPlan *plan)
{
  const char *docs = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *stem = mp_dialog_file_name_for (mp_plan_get_title (plan), _("Plan"), "");

  /* A folder the user sees: Documents, else the home folder (never a
   * hidden cache). */
  if (docs != NULL && g_file_test (docs, G_FILE_TEST_IS_DIR))
    return g_file_new_build_filename (docs, _("MutualPlan Invitations"), stem, NULL);
  return g_file_new_build_filename (g_get_home_dir (), _("MutualPlan Invitations"), stem, NULL);
}

GFile *
mp_invite_dialog_get_folder (MpInviteDialog *self)
{
  g_return_val_if_fail (MP_IS_INVITE_DIALOG (self), NULL);

  return self->folder != NULL ? self->folder : self->default_folder;
}

static void
update_folder_label (MpInviteDialog *self)
{
  g_autofree char *name = g_file_get_parse_name (mp_invite_dialog_get_folder (self));
  /* Translators: where Send writes the .ics and .eml files. */
  g_autofree char *text = g_strdup_printf (_("Each invitation is also saved as a calendar file (.ics) and a "
                                             "ready-to-send e-mail (.eml) in “%s”."), name);

  gtk_label_set_text (GTK_LABEL (self->folder_label), text);
}

void
mp_invite_dialog_set_folder (MpInviteDialog *self,
                             GFile          *folder)
{
  g_return_if_fail (MP_IS_INVITE_DIALOG (self));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  g_set_object (&self->folder, folder);
  update_folder_label (self);
}

static void
folder_chosen (GtkWindow *dialog,
               GFile     *folder,
               gpointer   user_data)
{
  mp_invite_dialog_set_folder (MP_INVITE_DIALOG (dialog), folder);
}

static void
change_folder_clicked (MpInviteDialog *self)
{
  g_autoptr(GFile) parent = g_file_get_parent (mp_invite_dialog_get_folder (self));

  mp_dialog_choose_file (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("Folder for the Invitations"),
                         _("_Select"), NULL, g_file_query_exists (parent, NULL) ? parent : NULL,
                         folder_chosen, NULL);
}

/* ---- selection ---- */

static GtkWidget *
find_check (MpInviteDialog *self,
            const char     *event_id)
{
  g_autofree char *m = event_key (FALSE, event_id);
  g_autofree char *mt = event_key (TRUE, event_id);
  GtkWidget *check = g_hash_table_lookup (self->checks, m);

  return check != NULL ? check : g_hash_table_lookup (self->checks, mt);
}

gboolean
mp_invite_dialog_get_selected (MpInviteDialog *self,
                               const char     *event_id)
{
  GtkWidget *check;

  g_return_val_if_fail (MP_IS_INVITE_DIALOG (self), FALSE);

  check = find_check (self, event_id);
  return check != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (check));
}

void
mp_invite_dialog_set_selected (MpInviteDialog *self,
                               const char     *event_id,
                               gboolean        selected)
{
  GtkWidget *check;

  g_return_if_fail (MP_IS_INVITE_DIALOG (self));

  check = find_check (self, event_id);
  if (check != NULL)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), selected);
}

/* Is there a mail program to hand the invitations to? The Email portal
 * (its service is on the session bus) or xdg-email. */
static gboolean
mail_program_available (MpMailComposeFlags flags)
{
  g_autofree char *xdg = NULL;

  if (!(flags & MP_MAIL_COMPOSE_NO_XDG_EMAIL) && (xdg = g_find_program_in_path ("xdg-email")) != NULL)
    return TRUE;
  if (!(flags & MP_MAIL_COMPOSE_NO_PORTAL))
    {
      g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
      g_autoptr(GVariant) reply = NULL;
      gboolean owned = FALSE;

      if (bus != NULL)
        reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                             "org.freedesktop.DBus", "NameHasOwner",
                                             g_variant_new ("(s)", "org.freedesktop.portal.Desktop"),
                                             G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 500, NULL, NULL);
      if (reply != NULL)
        g_variant_get (reply, "(b)", &owned);
      return owned;
    }
  return FALSE;
}

/* The button says what will happen. */
static void
update_send_label (MpInviteDialog *self)
{
  gboolean mail = mail_program_available (self->flags);

  gtk_button_set_label (GTK_BUTTON (self->send_button), mail ? _("_Open in Mail") : _("_Save Invitations"));
  mp_dialog_set_accessible_label (self->send_button, mail ? _("Open in Mail") : _("Save Invitations"));
}

void
mp_invite_dialog_set_compose_flags (MpInviteDialog     *self,
                                    MpMailComposeFlags  flags)
{
  g_return_if_fail (MP_IS_INVITE_DIALOG (self));

  self->flags = flags;
  update_send_label (self);
}

/* ---- sending ---- */


static void
finish_sending (MpInviteDialog *self)
{
  guint n = mp_ical_mark_sent (self->document, self->handed);

  /* The plan as it went out: the base when a copy comes back (mp-merge.h). */
  mp_merge_dialog_remember_shared (mp_document_get_plan (self->document));

  self->sending = FALSE;
  g_signal_emit (self, signals[SENT], 0, n);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
finish_idle (gpointer data)
{
  MpInviteDialog *self = data;

  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    finish_sending (self);
  return G_SOURCE_REMOVE;
}

static void
saved_response (GtkDialog      *message,
                int             response,
                MpInviteDialog *self)
{
  if (response == GTK_RESPONSE_YES)
    {
      g_autofree char *uri = g_file_get_uri (mp_invite_dialog_get_folder (self));

      gtk_show_uri (GTK_WINDOW (message), uri, GDK_CURRENT_TIME);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (message));
  /* Not from inside the message's own response: it is transient for
   * this dialog and must be gone first. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, finish_idle, self, g_object_unref);
}

static void
show_saved (MpInviteDialog *self)
{
  GtkWidget *message;
  g_autofree char *text = mp_mail_saved_message (mp_invite_dialog_get_folder (self));
  g_autofree char *secondary = g_strdup_printf ("%s\n\n%s", text,
                                                _("The plan now counts them as sent: send each .eml file with your "
                                                  "mail program, or attach the .ics file to a mail to its attendees."));

  /* Saving is what the user chose when no mail program is there: what
   * was saved is recorded as handed over (mp_ical_mark_sent ()). */
  for (guint i = self->next; i < self->to_send->len; i++)
    g_ptr_array_add (self->handed, mp_invitation_ref (g_ptr_array_index (self->to_send, i)));

  message = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                    GTK_MESSAGE_INFO, GTK_BUTTONS_NONE, "%s",
                                    _("The invitations were saved"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (message), "%s", secondary);
  gtk_dialog_add_buttons (GTK_DIALOG (message), _("_Open Folder"), GTK_RESPONSE_YES,
                          _("_Close"), GTK_RESPONSE_CLOSE, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (message), GTK_RESPONSE_CLOSE);
  gtk_widget_set_name (message, "saved-message");
  g_signal_connect (message, "response", G_CALLBACK (saved_response), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (message));
}

static void compose_next (MpInviteDialog *self);

static void
compose_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(MpInviteDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  MpMailRoute route = mp_mail_compose_finish (result, &error);

  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      mp_dialog_show_message (gtk_window_get_transient_for (GTK_WINDOW (self)), GTK_MESSAGE_ERROR,
                              _("Could not open the mail program"), error->message);
      finish_sending (self);
      return;
    }
  if (route == MP_MAIL_ROUTE_SAVED)
    {
      show_saved (self);
      return;
    }
  g_ptr_array_add (self->handed, mp_invitation_ref (g_ptr_array_index (self->to_send, self->next)));
  self->next++;
  compose_next (self);
}

static void
compose_next (MpInviteDialog *self)
{
  MpInvitation *inv;

  if (self->next >= self->to_send->len)
    {
      finish_sending (self);
      return;
    }
  inv = g_ptr_array_index (self->to_send, self->next);
  mp_mail_compose_async (self->handle, (const char * const *) inv->attendee_emails, inv->subject, inv->body,
                         g_ptr_array_index (self->files, 2 * self->next), self->flags, self->cancellable,
                         compose_done, g_object_ref (self));
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GPtrArray *invitations = task_data;
  GFile *folder = g_object_get_data (G_OBJECT (task), "folder");
  GError *error = NULL;
  GPtrArray *files = mp_ical_write_invitations (invitations, folder, cancellable, &error);

  if (files != NULL)
    g_task_return_pointer (task, files, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(MpInviteDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->files = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->files == NULL)
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("%s\n\nChoose another folder, or check that the disk is not full and that you "
                                "may write there."), error->message);
      self->sending = FALSE;
      gtk_widget_set_sensitive (self->content, TRUE);
      update_summary (self);
      mp_dialog_show_message (GTK_WINDOW (self), GTK_MESSAGE_ERROR, _("Could not save the invitations"), text);
      return;
    }
  self->next = 0;
  compose_next (self);
}

void
mp_invite_dialog_send (MpInviteDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GTask) task = NULL;
  GtkWindow *parent;

  g_return_if_fail (MP_IS_INVITE_DIALOG (self));

  if (self->sending)
    return;
  /* Build again: what is sent is the plan as it is now. */
  all = build (self, NULL, &error);
  if (all == NULL)
    {
      mp_dialog_show_message (GTK_WINDOW (self), GTK_MESSAGE_INFO, _("No invitations to send"), error->message);
      return;
    }
  g_clear_pointer (&self->to_send, g_ptr_array_unref);
  self->to_send = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_invitation_unref);
  for (guint i = 0; i < all->len; i++)
    {
      MpInvitation *inv = g_ptr_array_index (all, i);
      g_autofree char *key = invitation_key (inv);

      if (g_hash_table_contains (self->selected, key))
        g_ptr_array_add (self->to_send, mp_invitation_ref (inv));
    }
  if (self->to_send->len == 0)
    {
      mp_dialog_show_message (GTK_WINDOW (self), GTK_MESSAGE_INFO, _("No invitations to send"),
                              _("Select the events whose invitations you want to send."));
      return;
    }

  self->sending = TRUE;
  gtk_widget_set_sensitive (self->content, FALSE);
  gtk_widget_set_sensitive (self->send_button, FALSE);
  g_clear_pointer (&self->handed, g_ptr_array_unref);
  self->handed = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_invitation_unref);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_free (self->handle);
  self->handle = mp_dialog_get_window_handle (parent != NULL ? parent : GTK_WINDOW (self));

  task = g_task_new (NULL, self->cancellable, write_done, g_object_ref (self));
  g_object_set_data_full (G_OBJECT (task), "folder", g_object_ref (mp_invite_dialog_get_folder (self)),
                          g_object_unref);
  g_task_set_task_data (task, g_ptr_array_ref (self->to_send), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, write_thread);
}

/* ---- the dialog ---- */

static gboolean
mp_invite_dialog_close_request (GtkWindow *window)
{
  /* Not while the mail program is being opened: what was handed over
   * must still be recorded. */
  return MP_INVITE_DIALOG (window)->sending;
}

static void
mp_invite_dialog_dispose (GObject *object)
{
  MpInviteDialog *self = MP_INVITE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (mp_invite_dialog_parent_class)->dispose (object);
}

static void
mp_invite_dialog_finalize (GObject *object)
{
  MpInviteDialog *self = MP_INVITE_DIALOG (object);

  g_clear_pointer (&self->invitations, g_ptr_array_unref);
  g_clear_pointer (&self->to_send, g_ptr_array_unref);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->handed, g_ptr_array_unref);
  g_hash_table_unref (self->checks);
  g_hash_table_unref (self->selected);
  g_clear_object (&self->folder);
  g_clear_object (&self->default_folder);
  g_clear_object (&self->cancellable);
  g_free (self->handle);
  G_OBJECT_CLASS (mp_invite_dialog_parent_class)->finalize (object);
}

static void
mp_invite_dialog_class_init (MpInviteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mp_invite_dialog_dispose;
  object_class->finalize = mp_invite_dialog_finalize;
  window_class->close_request = mp_invite_dialog_close_request;

  signals[SENT] = g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  mp_dialog_class_set_template (widget_class, "/com/example/MutualPlan/mp-invite-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, MpInviteDialog, name)
  BIND (content);
  BIND (send_button);
  BIND (summary);
  BIND (warnings);
  BIND (stack);
  BIND (list);
  BIND (empty);
  BIND (folder_label);
  BIND (folder_row);
  BIND (select_box);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, mp_invite_dialog_send);
  gtk_widget_class_bind_template_callback (widget_class, select_outdated_clicked);
  gtk_widget_class_bind_template_callback (widget_class, select_all_clicked);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_bind_template_callback (widget_class, change_folder_clicked);
}

static void
mp_invite_dialog_init (MpInviteDialog *self)
{
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->selected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

MpInviteDialog *
mp_invite_dialog_present (GtkWindow  *parent,
                          MpDocument *doc)
{
  MpInviteDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MP_IS_DOCUMENT (doc), NULL);

  self = g_object_new (MP_TYPE_INVITE_DIALOG, NULL);
  self->document = g_object_ref (doc);
  self->plan = g_object_ref (mp_document_get_plan (doc));
  self->default_folder = mp_invite_dialog_default_folder (self->plan);
  mp_dialog_set_parent (GTK_WINDOW (self), parent);
  update_folder_label (self);
  update_send_label (self);
  g_signal_connect_swapped (doc, "changed", G_CALLBACK (refresh), self);
  refresh (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
