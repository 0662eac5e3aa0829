/* mp-people-view.c
 *
 * A GtkColumnView over the plan's participants; each cell edits one
 * field through the document (mp-cells.h). Above it, the organizer:
 * the seller contact who sends the invitations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-cells.h"
#include "mp-format.h"
#include "mp-participant-picker.h"
#include "mp-page.h"
#include "mp-people-view.h"

struct _MpPeopleView
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkWidget     *organizer_picker;
  GtkWidget     *column_view;
  GtkWidget     *remove_button;
  GtkWidget     *empty_label;

  MpCellHost     host;
  MpPlan        *plan;
};

static void page_iface_init (MpPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MpPeopleView, mp_people_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (MP_TYPE_PAGE, page_iface_init))

/* ---- the organizer column ---- */

static void
organizer_refresh (GtkListItem *li)
{
  GtkWidget *check = gtk_list_item_get_child (li);
  MpParticipant *p = gtk_list_item_get_item (li);
  MpPlan *plan = g_object_get_data (G_OBJECT (check), "mp-plan");
  gboolean is_organizer;

  if (!MP_IS_PARTICIPANT (p) || plan == NULL)
    return;
  is_organizer = g_strcmp0 (mp_plan_get_organizer (plan), mp_participant_get_id (p)) == 0;
  g_object_set_data (G_OBJECT (check), "mp-syncing", GINT_TO_POINTER (1));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_organizer);
  g_object_set_data (G_OBJECT (check), "mp-syncing", NULL);
  /* Only a seller sends the invitations. */
  gtk_widget_set_sensitive (check, is_organizer || mp_participant_get_side (p) == MP_SIDE_SELLER);
}

static void
on_organizer_toggled (GtkCheckButton *check,
                      MpPeopleView   *self)
{
  GtkListItem *li = g_object_get_data (G_OBJECT (check), "mp-list-item");
  MpParticipant *p = li != NULL ? gtk_list_item_get_item (li) : NULL;
  MpPlan *plan;
  const char *id;

  if (g_object_get_data (G_OBJECT (check), "mp-syncing") != NULL ||
      !MP_IS_PARTICIPANT (p) || self->host.document == NULL)
    return;
  plan = mp_document_get_plan (self->host.document);
  id = mp_participant_get_id (p);
  if (gtk_check_button_get_active (check))
    mp_document_set_string (self->host.document, MP_RECORD (plan), MP_PLAN_ORGANIZER, id);
  else if (g_strcmp0 (mp_plan_get_organizer (plan), id) == 0)
    mp_document_set_string (self->host.document, MP_RECORD (plan), MP_PLAN_ORGANIZER, NULL);
}

static void
organizer_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *li,
                 MpPeopleView             *self)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Organizer"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Sends the calendar invitations"),
                                  -1);
  gtk_widget_set_tooltip_text (check, _("The organizer sends the calendar invitations"));
  g_object_set_data (G_OBJECT (check), "mp-list-item", li);
  g_signal_connect (check, "toggled", G_CALLBACK (on_organizer_toggled), self);
  gtk_list_item_set_child (li, check);
}

static void
organizer_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *li,
                MpPeopleView             *self)
{
  GtkWidget *check = gtk_list_item_get_child (li);
  MpParticipant *p = gtk_list_item_get_item (li);

  g_object_set_data_full (G_OBJECT (check), "mp-plan", g_object_ref (self->plan), g_object_unref);
  g_signal_connect_object (self->plan, "notify::organizer", G_CALLBACK (organizer_refresh), li, G_CONNECT_SWAPPED);
  g_signal_connect_object (p, "notify::side", G_CALLBACK (organizer_refresh), li, G_CONNECT_SWAPPED);
  g_signal_connect_object (p, "notify::id", G_CALLBACK (organizer_refresh), li, G_CONNECT_SWAPPED);
  organizer_refresh (li);
}

static void
organizer_unbind (GtkSignalListItemFactory *factory,
                  GtkListItem              *li,
                  MpPeopleView             *self)
{
  GtkWidget *check = gtk_list_item_get_child (li);
  MpPlan *plan = g_object_get_data (G_OBJECT (check), "mp-plan");
  gpointer p = gtk_list_item_get_item (li);

  if (plan != NULL)
    g_signal_handlers_disconnect_by_func (plan, organizer_refresh, li);
  if (p != NULL)
    g_signal_handlers_disconnect_by_func (p, organizer_refresh, li);
  g_object_set_data (G_OBJECT (check), "mp-plan", NULL);
}

/* ---- the organizer choice above the list ---- */

static void
sync_organizer_picker (MpPeopleView *self)
{
  mp_participant_picker_set_plan (MP_PARTICIPANT_PICKER (self->organizer_picker), self->plan);
  mp_participant_picker_set_participant_id (MP_PARTICIPANT_PICKER (self->organizer_picker),
                                            self->plan != NULL ? mp_plan_get_organizer (self->plan) : NULL);
}

static void
on_organizer_chosen (MpPeopleView *self,
                     const char   *id)
{
  if (self->host.document == NULL)
    return;
  mp_document_set_string (self->host.document, MP_RECORD (self->plan), MP_PLAN_ORGANIZER, id);
}

static void
update_empty (MpPeopleView *self)
{
  guint n = self->plan != NULL ? g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_participants (self->plan))) : 0;

  gtk_widget_set_visible (self->empty_label, self->plan != NULL && n == 0);
  gtk_widget_set_sensitive (self->remove_button, n > 0);
}

/* ---- add and remove ---- */

MpParticipant *
mp_people_view_add (MpPeopleView *self)
{
  g_autoptr(MpParticipant) p = NULL;
  MpParticipant *selected;
  GListStore *store;
  guint position;

  g_return_val_if_fail (MP_IS_PEOPLE_VIEW (self), NULL);

  if (self->host.document == NULL)
    return NULL;
  store = mp_plan_get_participants (self->plan);
  selected = (MpParticipant *) mp_cell_host_get_selected (&self->host);
  position = g_list_model_get_n_items (G_LIST_MODEL (store));

  p = mp_participant_new ();
  mp_participant_set_name (p, _("New participant"));
  if (selected != NULL)
    {
      /* Next to the selected one, on the same side and with the same
       * organisation: people are usually added by team. */
      position = gtk_single_selection_get_selected (self->host.selection) + 1;
      mp_participant_set_side (p, mp_participant_get_side (selected));
      mp_participant_set_organization (p, mp_participant_get_organization (selected));
    }
  else
    {
      mp_participant_set_side (p, MP_SIDE_CUSTOMER);
      mp_participant_set_organization (p, mp_plan_get_customer (self->plan));
    }
  mp_document_insert (self->host.document, store, position, MP_RECORD (p));
  mp_cell_host_select (&self->host, GTK_COLUMN_VIEW (self->column_view), position);
  mp_cell_host_focus_record (GTK_COLUMN_VIEW (self->column_view), MP_RECORD (p));
  return p;
}

typedef struct {
  MpPeopleView  *self;
  MpDocument    *document;
  MpParticipant *participant;
} RemoveRequest;

static void
remove_request_free (RemoveRequest *request)
{
  g_object_unref (request->self);
  g_object_unref (request->document);
  g_object_unref (request->participant);
  g_free (request);
}

static void
on_remove_response (GtkDialog     *dialog,
                    int            response,
                    RemoveRequest *request)
{
  GListStore *store = mp_plan_get_participants (mp_document_get_plan (request->document));

  /* The plan may have changed while the question was open. */
  if (response == GTK_RESPONSE_ACCEPT && request->self->host.document == request->document &&
      g_list_store_find (store, request->participant, NULL))
    mp_document_remove_participant (request->document, request->participant);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
mp_people_view_remove_selected (MpPeopleView *self)
{
  MpParticipant *p;
  g_autoptr(GPtrArray) uses = NULL;
  g_autoptr(GString) text = NULL;
  GtkWidget *dialog, *button;
  GtkRoot *root;
  RemoveRequest *request;

  g_return_if_fail (MP_IS_PEOPLE_VIEW (self));

  p = (MpParticipant *) mp_cell_host_get_selected (&self->host);
  if (p == NULL || self->host.document == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  uses = mp_document_describe_participant_uses (self->host.document, p);
  if (uses->len == 0)
    {
      mp_document_remove_participant (self->host.document, p);
      return;
    }

  text = g_string_new (_("The plan still refers to this person:"));
  for (guint i = 0; i < uses->len; i++)
    g_string_append_printf (text, "\n• %s", (const char *) g_ptr_array_index (uses, i));
  g_string_append (text, "\n\n");
  g_string_append (text, _("Removing clears these references. You can undo it."));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Remove “%s”?"), mp_participant_get_name (p));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", text->str);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Remove"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);

  request = g_new0 (RemoveRequest, 1);
  request->self = g_object_ref (self);
  request->document = g_object_ref (self->host.document);
  request->participant = g_object_ref (p);
  /* Freed with the dialog, also when it goes with its parent unanswered. */
  g_object_set_data_full (G_OBJECT (dialog), "mp-remove-request", request, (GDestroyNotify) remove_request_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_remove_response), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_activated (MpPeopleView *self)
{
  mp_people_view_add (self);
}

/* ---- the view ---- */

void
mp_people_view_select (MpPeopleView *self,
                       MpRecord     *record)
{
  guint position;

  g_return_if_fail (MP_IS_PEOPLE_VIEW (self));

  if (self->plan == NULL || record == NULL)
    return;
  if (MP_IS_PLAN (record))
    {
      gtk_widget_grab_focus (self->organizer_picker);
      return;
    }
  if (MP_IS_PARTICIPANT (record) &&
      g_list_store_find (mp_plan_get_participants (self->plan), record, &position))
    mp_cell_host_select (&self->host, GTK_COLUMN_VIEW (self->column_view), position);
}

MpDocument *
mp_people_view_get_document (MpPeopleView *self)
{
  g_return_val_if_fail (MP_IS_PEOPLE_VIEW (self), NULL);

  return self->host.document;
}

void
mp_people_view_set_document (MpPeopleView *self,
                             MpDocument   *document)
{
  g_return_if_fail (MP_IS_PEOPLE_VIEW (self));
  g_return_if_fail (document == NULL || MP_IS_DOCUMENT (document));

  if (self->host.document == document)
    return;

  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->plan, sync_organizer_picker, self);
      g_signal_handlers_disconnect_by_func (mp_plan_get_participants (self->plan), update_empty, self);
    }
  g_set_object (&self->host.document, document);
  g_clear_object (&self->plan);
  if (document != NULL)
    self->plan = g_object_ref (mp_document_get_plan (document));

  gtk_single_selection_set_model (self->host.selection,
                                  self->plan != NULL ? G_LIST_MODEL (mp_plan_get_participants (self->plan)) : NULL);
  if (self->plan != NULL)
    {
      g_signal_connect_swapped (self->plan, "notify::organizer", G_CALLBACK (sync_organizer_picker), self);
      g_signal_connect_swapped (mp_plan_get_participants (self->plan), "items-changed",
                                G_CALLBACK (update_empty), self);
    }
  sync_organizer_picker (self);
  update_empty (self);
  gtk_widget_set_sensitive (self->box, self->plan != NULL);
}

static void
mp_people_view_dispose (GObject *object)
{
  MpPeopleView *self = MP_PEOPLE_VIEW (object);

  mp_people_view_set_document (self, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->host.selection);
  G_OBJECT_CLASS (mp_people_view_parent_class)->dispose (object);
}

static gboolean
shows_record (MpPage   *page,
              MpRecord *record)
{
  return MP_IS_PARTICIPANT (record);
}

static void
page_iface_init (MpPageInterface *iface)
{
  iface->get_document = (MpDocument *(*) (MpPage *)) mp_people_view_get_document;
  iface->set_document = (void (*) (MpPage *, MpDocument *)) mp_people_view_set_document;
  iface->shows_record = shows_record;
  iface->select = (void (*) (MpPage *, MpRecord *)) mp_people_view_select;
}

static void
mp_people_view_class_init (MpPeopleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_people_view_dispose;
  object_class->get_property = mp_page_get_property;
  object_class->set_property = mp_page_set_property;
  mp_page_install_properties (object_class, 1);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mppeopleview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mp_people_view_init (MpPeopleView *self)
{
  GtkWidget *header, *title, *label, *add, *scrolled, *overlay;
  GtkListItemFactory *factory;
  GtkColumnViewColumn *column;
  GtkColumnView *cv;
  const char *sides[] = { mp_format_side (MP_SIDE_SELLER), mp_format_side (MP_SIDE_CUSTOMER), NULL };

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (self->box, 18);
  gtk_widget_set_margin_bottom (self->box, 18);
  gtk_widget_set_margin_start (self->box, 18);
  gtk_widget_set_margin_end (self->box, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("People"), -1);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  title = gtk_label_new (_("People"));
  gtk_widget_add_css_class (title, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (header), title);

  label = gtk_label_new_with_mnemonic (_("_Organizer:"));
  gtk_widget_set_margin_start (label, 24);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (header), label);
  self->organizer_picker = mp_participant_picker_new ();
  mp_participant_picker_set_party (MP_PARTICIPANT_PICKER (self->organizer_picker), MP_PARTY_SELLER);
  mp_participant_picker_set_accessible_label (MP_PARTICIPANT_PICKER (self->organizer_picker),
                                              _("Organizer, who sends the calendar invitations"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->organizer_picker);
  g_signal_connect_swapped (self->organizer_picker, "participant-chosen", G_CALLBACK (on_organizer_chosen), self);
  gtk_box_append (GTK_BOX (header), self->organizer_picker);

  label = gtk_label_new (NULL);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (header), label);

  add = mp_cells_tool_button ("list-add-symbolic", _("_Add Participant"));
  gtk_widget_set_tooltip_text (add, _("Add a participant (Insert)"));
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_activated), self);
  gtk_box_append (GTK_BOX (header), add);
  self->remove_button = mp_cells_tool_button ("list-remove-symbolic", _("_Remove"));
  gtk_widget_set_tooltip_text (self->remove_button, _("Remove the selected participant (Delete)"));
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (mp_people_view_remove_selected), self);
  gtk_box_append (GTK_BOX (header), self->remove_button);
  gtk_box_append (GTK_BOX (self->box), header);

  self->host.selection = gtk_single_selection_new (NULL);
  self->column_view = gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->host.selection)));
  cv = GTK_COLUMN_VIEW (self->column_view);
  gtk_column_view_set_show_column_separators (cv, TRUE);
  gtk_column_view_set_reorderable (cv, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Participants"), -1);

  column = mp_cell_column_text (&self->host, _("Name"), MP_PARTICIPANT_NAME, _("Name"), _("Name"));
  gtk_column_view_column_set_fixed_width (column, 190);
  gtk_column_view_append_column (cv, column);
  g_object_unref (column);
  column = mp_cell_column_text (&self->host, _("Email"), MP_PARTICIPANT_EMAIL, _("Email"), _("name@example.com"));
  gtk_column_view_column_set_fixed_width (column, 300);
  gtk_column_view_append_column (cv, column);
  g_object_unref (column);
  column = mp_cell_column_text (&self->host, _("Organisation"), MP_PARTICIPANT_ORGANIZATION, _("Organisation"), NULL);
  gtk_column_view_column_set_fixed_width (column, 230);
  gtk_column_view_append_column (cv, column);
  g_object_unref (column);
  column = mp_cell_column_enum (&self->host, _("Side"), MP_PARTICIPANT_SIDE, _("Side"), sides);
  gtk_column_view_append_column (cv, column);
  g_object_unref (column);
  column = mp_cell_column_text (&self->host, _("Role"), MP_PARTICIPANT_ROLE, _("Role"), _("Role in the deal"));
  gtk_column_view_column_set_fixed_width (column, 240);
  gtk_column_view_append_column (cv, column);
  g_object_unref (column);
  column = mp_cell_column_bool (&self->host, _("Decides"), MP_PARTICIPANT_DECISION_MAKER, _("Decision maker"));
  gtk_column_view_append_column (cv, column);
  g_object_unref (column);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (organizer_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (organizer_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (organizer_unbind), self);
  column = gtk_column_view_column_new (_("Organizer"), factory);
  gtk_column_view_append_column (cv, column);
  g_object_unref (column);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->column_view);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);

  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), scrolled);
  self->empty_label = gtk_label_new (_("No participants yet. Add the people of both sides who work on the deal."));
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_can_target (self->empty_label, FALSE);
  gtk_widget_set_visible (self->empty_label, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->empty_label);
  gtk_box_append (GTK_BOX (self->box), overlay);

  mp_cells_add_shortcuts (GTK_WIDGET (self), G_CALLBACK (add_activated),
                          G_CALLBACK (mp_people_view_remove_selected), self);
  gtk_widget_set_sensitive (self->box, FALSE);
}

GtkWidget *
mp_people_view_new (void)
{
  return g_object_new (MP_TYPE_PEOPLE_VIEW, NULL);
}
