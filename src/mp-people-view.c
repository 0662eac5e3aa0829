/* mp-people-view.c
 *
 * The People page: a composite widget (mp-people-view.ui). Its list's
 * columns are the table below (mp-cell-table.h), the organizer (the
 * seller contact who sends the invitations) one column of its own and a
 * choice above the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-cell-table.h"
#include "mp-format.h"
#include "mp-page.h"
#include "mp-participant-picker.h"
#include "mp-people-view.h"

struct _MpPeopleView
{
  GtkWidget      parent_instance;

  /* template */
  GtkWidget     *box;
  GtkWidget     *organizer_picker;
  GtkColumnView *view;
  GtkWidget     *remove_button;
  GtkWidget     *empty_label;

  MpCellTable   *cells;
  MpDocument    *document;
  MpPlan        *plan;
};

static void page_iface_init (MpPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MpPeopleView, mp_people_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (MP_TYPE_PAGE, page_iface_init))

/* ---- the columns ---- */

static const char *side_names[] = { NULL, NULL, NULL };

static const char * const *
side_labels (void)
{
  return side_names;
}

/* Organizer: a check of the plan's field, one seller at most. */
static gboolean
is_organizer (MpCellTable *table,
              MpRecord    *rec)
{
  MpDocument *document = mp_cell_table_get_document (table);

  return document != NULL && MP_IS_PARTICIPANT (rec) &&
         g_strcmp0 (mp_plan_get_organizer (mp_document_get_plan (document)),
                    mp_participant_get_id (MP_PARTICIPANT (rec))) == 0;
}

static void
on_organizer_toggled (GtkCheckButton *check)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (check), "mp-list-item");
  MpCellTable *table = mp_cell_table_of (GTK_WIDGET (check));
  g_autoptr(MpRecord) rec = item ? mp_cell_table_item_record (item) : NULL;
  MpDocument *document = table ? mp_cell_table_get_document (table) : NULL;
  gboolean active = gtk_check_button_get_active (check);

  if (document == NULL || !MP_IS_PARTICIPANT (rec) || active == is_organizer (table, rec))
    return;
  mp_document_set_string (document, MP_RECORD (mp_document_get_plan (document)), MP_PLAN_ORGANIZER,
                          active ? mp_participant_get_id (MP_PARTICIPANT (rec)) : NULL);
}

static GtkWidget *
organizer_make (MpCellTable        *table,
                const MpCellColumn *column,
                gboolean            child)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("The organizer sends the calendar invitations"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Sends the calendar invitations"), -1);
  g_signal_connect (check, "toggled", G_CALLBACK (on_organizer_toggled), NULL);
  return check;
}

static void
organizer_refresh (MpCellTable        *table,
                   const MpCellColumn *column,
                   GtkWidget          *cell,
                   GtkWidget          *check,
                   MpRecord           *rec)
{
  gboolean on = is_organizer (table, rec);

  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) != on)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
  /* Only a seller sends the invitations. */
  gtk_widget_set_sensitive (check, on || mp_participant_get_side (MP_PARTICIPANT (rec)) == MP_SIDE_SELLER);
}

static char *
organizer_value (MpCellTable        *table,
                 const MpCellColumn *column,
                 GtkWidget          *cell,
                 MpRecord           *rec)
{
  return g_strdup (is_organizer (table, rec) ? _("Yes") : _("No"));
}

static const MpCellEditor organizer_hooks = {
  .make = organizer_make,
  .refresh = organizer_refresh,
  .value = organizer_value,
};

static const MpCellColumn columns[] = {
  { N_("Name"), N_("Name"), 130, MP_COLUMN_EXPAND,
    .row = { MP_CELL_TEXT, MP_PARTICIPANT_NAME, MP_CELL_REQUIRED } },
  { N_("Email"), N_("Email"), 190, MP_COLUMN_EXPAND,
    .row = { MP_CELL_TEXT, MP_PARTICIPANT_EMAIL } },
  { N_("Organisation"), N_("Organisation"), 110, MP_COLUMN_EXPAND,
    .row = { MP_CELL_TEXT, MP_PARTICIPANT_ORGANIZATION } },
  { N_("Side"), N_("Side"), 80, 0,
    .row = { MP_CELL_CHOICE, MP_PARTICIPANT_SIDE, .labels = side_labels } },
  { N_("Role"), N_("Role"), 110, MP_COLUMN_EXPAND,
    .row = { MP_CELL_TEXT, MP_PARTICIPANT_ROLE } },
  { N_("Decides"), N_("Decision maker"), 40, 0,
    .row = { MP_CELL_CHECK, MP_PARTICIPANT_DECISION_MAKER } },
  { N_("Organizer"), N_("Organizer"), 40, MP_COLUMN_LIVE,
    .row = { MP_CELL_CUSTOM, MP_NO_FIELD },
    .editor = &organizer_hooks },
};

/* ---- the organizer choice above the list ---- */

static void
sync_organizer (MpPeopleView *self)
{
  mp_participant_picker_set_plan (MP_PARTICIPANT_PICKER (self->organizer_picker), self->plan);
  mp_participant_picker_set_participant_id (MP_PARTICIPANT_PICKER (self->organizer_picker),
                                            self->plan != NULL ? mp_plan_get_organizer (self->plan) : NULL);
  mp_cell_table_refresh_live (self->cells);
}

static void
on_organizer_chosen (MpPeopleView *self,
                     const char   *id)
{
  if (self->document == NULL)
    return;
  mp_document_set_string (self->document, MP_RECORD (self->plan), MP_PLAN_ORGANIZER, id);
}

/* A side changed: who may organize. */
static void
on_record_changed (MpPeopleView *self,
                   MpRecord     *record,
                   guint         field)
{
  if (MP_IS_PARTICIPANT (record) && (field == MP_PARTICIPANT_SIDE || field == MP_PARTICIPANT_ID))
    mp_cell_table_refresh_live (self->cells);
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
  g_autoptr(MpParticipant) selected = NULL;

  g_return_val_if_fail (MP_IS_PEOPLE_VIEW (self), NULL);

  if (self->document == NULL)
    return NULL;
  selected = (MpParticipant *) mp_cell_table_get_selected (self->cells);
  p = mp_participant_new ();
  mp_participant_set_name (p, _("New participant"));
  if (selected != NULL)
    {
      /* Next to the selected one, on the same side and with the same
       * organisation: people are usually added by team. */
      mp_participant_set_side (p, mp_participant_get_side (selected));
      mp_participant_set_organization (p, mp_participant_get_organization (selected));
    }
  else
    {
      mp_participant_set_side (p, MP_SIDE_CUSTOMER);
      mp_participant_set_organization (p, mp_plan_get_customer (self->plan));
    }
  mp_cell_table_add (self->cells, mp_plan_get_participants (self->plan), MP_RECORD (p));
  return p; /* the plan keeps it */
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
  if (response == GTK_RESPONSE_ACCEPT && request->self->document == request->document &&
      g_list_store_find (store, request->participant, NULL))
    mp_document_remove_participant (request->document, request->participant);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
mp_people_view_remove_selected (MpPeopleView *self)
{
  g_autoptr(MpParticipant) selected = NULL;
  MpParticipant *p;
  g_autoptr(GPtrArray) uses = NULL;
  g_autoptr(GString) text = NULL;
  GtkWidget *dialog, *button;
  GtkRoot *root;
  RemoveRequest *request;

  g_return_if_fail (MP_IS_PEOPLE_VIEW (self));

  selected = (MpParticipant *) mp_cell_table_get_selected (self->cells);
  p = selected;
  if (p == NULL || self->document == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  uses = mp_document_describe_participant_uses (self->document, p);
  if (uses->len == 0)
    {
      mp_document_remove_participant (self->document, p);
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
  request->document = g_object_ref (self->document);
  request->participant = g_object_ref (p);
  /* Freed with the dialog, also when it goes with its parent unanswered. */
  g_object_set_data_full (G_OBJECT (dialog), "mp-remove-request", request, (GDestroyNotify) remove_request_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_remove_response), request);
  gtk_window_present (GTK_WINDOW (dialog));
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
    mp_cell_table_select (self->cells, position);
}

MpDocument *
mp_people_view_get_document (MpPeopleView *self)
{
  g_return_val_if_fail (MP_IS_PEOPLE_VIEW (self), NULL);

  return self->document;
}

void
mp_people_view_set_document (MpPeopleView *self,
                             MpDocument   *document)
{
  g_return_if_fail (MP_IS_PEOPLE_VIEW (self));
  g_return_if_fail (document == NULL || MP_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->plan, sync_organizer, self);
      g_signal_handlers_disconnect_by_func (mp_plan_get_participants (self->plan), update_empty, self);
    }
  g_set_object (&self->document, document);
  g_clear_object (&self->plan);
  if (document != NULL)
    self->plan = g_object_ref (mp_document_get_plan (document));
  mp_cell_table_set_document (self->cells, document);
  gtk_single_selection_set_model (mp_cell_table_get_selection (self->cells),
                                  self->plan != NULL ? G_LIST_MODEL (mp_plan_get_participants (self->plan)) : NULL);
  if (self->plan != NULL)
    {
      g_signal_connect_swapped (self->plan, "notify::organizer", G_CALLBACK (sync_organizer), self);
      g_signal_connect_swapped (mp_plan_get_participants (self->plan), "items-changed",
                                G_CALLBACK (update_empty), self);
      g_signal_connect_swapped (document, "record-changed", G_CALLBACK (on_record_changed), self);
    }
  sync_organizer (self);
  update_empty (self);
  gtk_widget_set_sensitive (self->box, self->plan != NULL);
}

static void
mp_people_view_dispose (GObject *object)
{
  MpPeopleView *self = MP_PEOPLE_VIEW (object);

  mp_people_view_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_PEOPLE_VIEW);
  G_OBJECT_CLASS (mp_people_view_parent_class)->dispose (object);
}

static void
mp_people_view_finalize (GObject *object)
{
  MpPeopleView *self = MP_PEOPLE_VIEW (object);

  mp_cell_table_free (self->cells);
  G_OBJECT_CLASS (mp_people_view_parent_class)->finalize (object);
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
  object_class->finalize = mp_people_view_finalize;
  object_class->get_property = mp_page_get_property;
  object_class->set_property = mp_page_set_property;
  mp_page_install_properties (object_class, 1);

  g_type_ensure (MP_TYPE_PARTICIPANT_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/MutualPlan/mp-people-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MpPeopleView, box);
  gtk_widget_class_bind_template_child (widget_class, MpPeopleView, organizer_picker);
  gtk_widget_class_bind_template_child (widget_class, MpPeopleView, view);
  gtk_widget_class_bind_template_child (widget_class, MpPeopleView, remove_button);
  gtk_widget_class_bind_template_child (widget_class, MpPeopleView, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, mp_people_view_add);
  gtk_widget_class_bind_template_callback (widget_class, mp_people_view_remove_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_organizer_chosen);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mppeopleview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  side_names[0] = mp_format_side (MP_SIDE_SELLER);
  side_names[1] = mp_format_side (MP_SIDE_CUSTOMER);
}

static void
mp_people_view_init (MpPeopleView *self)
{
  g_autoptr(GtkSingleSelection) selection = gtk_single_selection_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  mp_participant_picker_set_accessible_label (MP_PARTICIPANT_PICKER (self->organizer_picker),
                                              _("Organizer, who sends the calendar invitations"));
  self->cells = mp_cell_table_new (self->view, selection, columns, G_N_ELEMENTS (columns), G_TYPE_INVALID);
  mp_cell_table_add_shortcuts (GTK_WIDGET (self), G_CALLBACK (mp_people_view_add),
                               G_CALLBACK (mp_people_view_remove_selected), self);
}

GtkWidget *
mp_people_view_new (void)
{
  return g_object_new (MP_TYPE_PEOPLE_VIEW, NULL);
}
