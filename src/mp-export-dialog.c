/* mp-export-dialog.c
 *
 * The preview is made from the very text that Export… writes: every
 * change of a choice exports the plan again (mp_ical_export_plan ()),
 * parses the result with libical and lists its VEVENTs, found back in the
 * plan by their UIDs. So the preview cannot disagree with the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "mp-dialog-util.h"
#include "mp-export-dialog.h"
#include "mp-format.h"
#include "mp-ical.h"
#include "mp-mail.h"
#include "mp-participant-picker.h"

struct _MpExportDialog
{
  GtkWindow     parent_instance;

  MpDocument   *document;
  MpPlan       *plan;

  GtkWidget    *participant;
  GtkWidget    *participant_label;
  GtkWidget    *dropped;
  GtkWidget    *meetings;
  GtkWidget    *export_button;
  GtkWidget    *summary;
  GtkWidget    *warnings;
  GtkWidget    *stack;
  GtkWidget    *events;
  GtkWidget    *empty;

  char         *calendar;     /* what Export… writes; NULL: nothing to export */
  GCancellable *cancellable;
  gboolean      writing;
};

G_DEFINE_FINAL_TYPE (MpExportDialog, mp_export_dialog, GTK_TYPE_WINDOW)

static void
options_for (MpExportDialog *self,
             MpIcalOptions  *options)
{
  mp_ical_options_init (options);
  options->for_participant = mp_participant_picker_get_participant_id (MP_PARTICIPANT_PICKER (self->participant));
  options->include_dropped = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->dropped));
  options->include_meetings = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->meetings));
}

static char *
export_now (MpExportDialog  *self,
            GError         **error)
{
  MpIcalOptions options;

  options_for (self, &options);
  return mp_ical_export_plan (self->plan, &options, error);
}

/* ---- the preview ---- */

static void
add_warning (MpExportDialog *self,
             const char     *icon_name,
             const char     *text)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (self->warnings), mp_dialog_row (8, icon, label, NULL));
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static const char *
status_text (icalproperty_status status)
{
  switch (status)
    {
    case ICAL_STATUS_CANCELLED:
      return _("Cancelled");
    case ICAL_STATUS_CONFIRMED:
      return _("Confirmed");
    case ICAL_STATUS_TENTATIVE:
      return _("Tentative");
    default:
      return "";
    }
}

static GtkWidget *
event_row (MpExportDialog      *self,
           MpRecord            *event,
           const char          *summary,
           icalproperty_status  status)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title, *kind, *when, *people;
  g_autofree char *when_text = NULL;
  g_autofree char *names = NULL;
  g_autofree char *people_text = NULL;
  g_autofree char *kind_text = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  title = gtk_label_new (summary);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  if (status == ICAL_STATUS_CANCELLED)
    gtk_widget_add_css_class (title, "dropped");

  /* Translators: the kind and the calendar status of an exported event,
   * "Milestone · Tentative". */
  kind_text = g_strdup_printf (C_("event kind and status", "%s · %s"),
                               event != NULL && MP_IS_MEETING (event) ? _("Meeting") : _("Milestone"),
                               status_text (status));
  kind = gtk_label_new (kind_text);
  gtk_widget_set_valign (kind, GTK_ALIGN_START);
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_box_append (GTK_BOX (box), mp_dialog_row (12, title, kind, NULL));

  if (event == NULL)
    return box;

  when_text = mp_dialog_describe_when (event);
  when = gtk_label_new (when_text);
  gtk_label_set_xalign (GTK_LABEL (when), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (when), TRUE);
  gtk_box_append (GTK_BOX (box), when);

  ids = mp_dialog_event_invitees (event);
  names = mp_dialog_describe_people (self->plan, ids);
  /* Translators: the people an exported event concerns. */
  people_text = *names ? g_strdup_printf (_("With %s"), names) : g_strdup (_("Nobody named"));
  people = gtk_label_new (people_text);
  gtk_label_set_xalign (GTK_LABEL (people), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (people), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (people), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (people, "dim-label");
  gtk_box_append (GTK_BOX (box), people);
  return box;
}

/* UID → the milestone or meeting it was made from. */
static GHashTable *
events_by_uid (MpPlan *plan)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  GListModel *ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  GListModel *mts = G_LIST_MODEL (mp_plan_get_meetings (plan));

  for (guint i = 0; i < g_list_model_get_n_items (ms); i++)
    {
      MpMilestone *m = g_list_model_get_item (ms, i);
      g_hash_table_insert (map, mp_ical_milestone_uid (plan, m), m);
    }
  for (guint i = 0; i < g_list_model_get_n_items (mts); i++)
    {
      MpMeeting *mt = g_list_model_get_item (mts, i);
      g_hash_table_insert (map, mp_ical_meeting_uid (plan, mt), mt);
    }
  return map;
}

static gboolean
organizer_has_email (MpPlan *plan)
{
  const char *id = mp_plan_get_organizer (plan);
  MpParticipant *p = id != NULL ? mp_plan_find_participant (plan, id) : NULL;

  return p != NULL && mp_mail_address_is_valid (mp_participant_get_email (p));
}

static void
refresh (MpExportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) uids = NULL;
  icalcomponent *cal;
  guint n = 0, n_cancelled = 0, n_timed = 0;
  g_autofree char *summary = NULL;

  /* Not before the dialog has its plan, nor after. */
  if (self->plan == NULL)
    return;
  g_clear_pointer (&self->calendar, g_free);
  clear_box (self->events);
  clear_box (self->warnings);

  self->calendar = export_now (self, &error);
  if (self->calendar == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->empty), error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      gtk_label_set_text (GTK_LABEL (self->summary), _("Nothing to export."));
      gtk_widget_set_sensitive (self->export_button, FALSE);
      gtk_widget_set_tooltip_text (self->export_button, error->message);
      return;
    }

  uids = events_by_uid (self->plan);
  cal = icalparser_parse_string (self->calendar);
  for (icalcomponent *ev = cal ? icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT) : NULL;
       ev != NULL;
       ev = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (ev);
      MpRecord *event = uid ? g_hash_table_lookup (uids, uid) : NULL;
      icalproperty_status status = icalcomponent_get_status (ev);
      const char *title = icalcomponent_get_summary (ev);

      n++;
      if (status == ICAL_STATUS_CANCELLED)
        n_cancelled++;
      if (event != NULL &&
          (MP_IS_MEETING (event) || mp_milestone_get_time (MP_MILESTONE (event)) != MP_TIME_NONE))
        n_timed++;
      GtkWidget *row = event_row (self, event, title ? title : "", status);

      gtk_list_box_append (GTK_LIST_BOX (self->events), row);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (row)), FALSE);
    }
  if (cal != NULL)
    icalcomponent_free (cal);

  if (n_cancelled > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u event will be exported, %u of them as cancelled.",
                                            "%u events will be exported, %u of them as cancelled.", n),
                               n, n_cancelled);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event will be exported.",
                                            "%u events will be exported.", n), n);
  gtk_label_set_text (GTK_LABEL (self->summary), summary);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "events");
  gtk_widget_set_sensitive (self->export_button, TRUE);
  gtk_widget_set_tooltip_text (self->export_button, NULL);

  if (!organizer_has_email (self->plan))
    add_warning (self, "dialog-warning-symbolic",
                 _("No organizer e-mail: the file will have no METHOD and no ORGANIZER, so some calendar programs "
                   "import it as a plain list of events. Choose the plan’s organizer and give them an e-mail address "
                   "on the People page."));
  if (n_timed > 0)
    {
      g_autofree char *zone = g_strdup_printf (_("Times are in the plan’s time zone, %s; every calendar shows them "
                                                 "in its reader’s own zone."),
                                               mp_plan_get_timezone_or_default (self->plan));
      add_warning (self, "dialog-information-symbolic", zone);
    }
  if (n_cancelled > 0)
    add_warning (self, "dialog-information-symbolic",
                 _("Dropped milestones are exported as cancelled events, so that calendars that imported them "
                   "before remove them."));
}

/* ---- exporting ---- */

static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(MpExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->writing = FALSE;
  if (!mp_dialog_write_file_finish (result, &error))
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("%s\n\nChoose another folder, or check that the disk is not full and that you "
                                "may write there."), error->message);
      gtk_widget_set_sensitive (self->export_button, TRUE);
      mp_dialog_show_message (GTK_WINDOW (self), GTK_MESSAGE_ERROR, _("Could not export the calendar"), text);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

void
mp_export_dialog_export_to_file (MpExportDialog *self,
                                 GFile          *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (MP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->writing)
    return;
  /* Export again: the plan may have changed since the preview. */
  text = export_now (self, &error);
  if (text == NULL)
    {
      mp_dialog_show_message (GTK_WINDOW (self), GTK_MESSAGE_INFO, _("Nothing to export"), error->message);
      return;
    }
  bytes = g_bytes_new_take (text, strlen (text));
  text = NULL;
  self->writing = TRUE;
  gtk_widget_set_sensitive (self->export_button, FALSE);
  mp_dialog_write_file_async (file, bytes, self->cancellable, write_done, g_object_ref (self));
}

static void
file_chosen (GtkWindow *dialog,
             GFile     *file,
             gpointer   user_data)
{
  mp_export_dialog_export_to_file (MP_EXPORT_DIALOG (dialog), file);
}

static void
export_clicked (MpExportDialog *self)
{
  g_autofree char *name = mp_dialog_file_name_for (mp_plan_get_title (self->plan), _("Plan"), ".ics");
  GFile *doc_file = mp_document_get_file (self->document);
  g_autoptr(GFile) folder = doc_file != NULL ? g_file_get_parent (doc_file) : NULL;

  if (self->calendar == NULL)
    return;
  mp_dialog_choose_file (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Calendar"), _("_Export"),
                         name, folder, file_chosen, NULL);
}

const char *
mp_export_dialog_get_calendar (MpExportDialog *self)
{
  g_return_val_if_fail (MP_IS_EXPORT_DIALOG (self), NULL);

  return self->calendar;
}

/* ---- the dialog ---- */

static void
mp_export_dialog_dispose (GObject *object)
{
  MpExportDialog *self = MP_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (mp_export_dialog_parent_class)->dispose (object);
}

static void
mp_export_dialog_finalize (GObject *object)
{
  MpExportDialog *self = MP_EXPORT_DIALOG (object);

  g_free (self->calendar);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (mp_export_dialog_parent_class)->finalize (object);
}

static void
mp_export_dialog_class_init (MpExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_export_dialog_dispose;
  object_class->finalize = mp_export_dialog_finalize;

  g_type_ensure (MP_TYPE_PARTICIPANT_PICKER);
  mp_dialog_class_set_template (widget_class, "/com/example/MutualPlan/mp-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MpExportDialog, participant);
  gtk_widget_class_bind_template_child (widget_class, MpExportDialog, participant_label);
  gtk_widget_class_bind_template_child (widget_class, MpExportDialog, dropped);
  gtk_widget_class_bind_template_child (widget_class, MpExportDialog, meetings);
  gtk_widget_class_bind_template_child (widget_class, MpExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, MpExportDialog, summary);
  gtk_widget_class_bind_template_child (widget_class, MpExportDialog, warnings);
  gtk_widget_class_bind_template_child (widget_class, MpExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, MpExportDialog, events);
  gtk_widget_class_bind_template_child (widget_class, MpExportDialog, empty);
  gtk_widget_class_bind_template_callback (widget_class, refresh);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked);
}

static void
mp_export_dialog_init (MpExportDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  mp_participant_picker_set_none_label (MP_PARTICIPANT_PICKER (self->participant), _("Everyone"));
  mp_participant_picker_set_accessible_label (MP_PARTICIPANT_PICKER (self->participant),
                                              _("Only the events of this participant"));
  /* The picker's drop-down takes the mnemonic. */
  gtk_label_set_mnemonic_widget (GTK_LABEL (self->participant_label), gtk_widget_get_first_child (self->participant));
}

MpExportDialog *
mp_export_dialog_present (GtkWindow  *parent,
                          MpDocument *doc)
{
  MpExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MP_IS_DOCUMENT (doc), NULL);

  self = g_object_new (MP_TYPE_EXPORT_DIALOG, NULL);
  self->document = g_object_ref (doc);
  self->plan = g_object_ref (mp_document_get_plan (doc));
  mp_dialog_set_parent (GTK_WINDOW (self), parent);
  mp_participant_picker_set_plan (MP_PARTICIPANT_PICKER (self->participant), self->plan);
  g_signal_connect_swapped (doc, "changed", G_CALLBACK (refresh), self);
  refresh (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
