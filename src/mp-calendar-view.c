/* mp-calendar-view.c
 *
 * The Calendar page: a composite widget (mp-calendar-view.ui) with two
 * lists, blackouts and meetings, whose columns are the tables below
 * (mp-cell-table.h), and the status-report settings, all edited through
 * the document. Insert and Delete act on the list that has the focus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-calendar-view.h"
#include "mp-cell-table.h"
#include "mp-format.h"
#include "mp-page.h"
#include "mp-refs-button.h"

struct _MpCalendarView
{
  GtkWidget      parent_instance;

  /* template */
  GtkWidget     *box;
  GtkColumnView *blackouts_view;
  GtkWidget     *blackouts_empty;
  GtkWidget     *blackouts_add;
  GtkWidget     *blackouts_remove;
  GtkColumnView *meetings_view;
  GtkWidget     *meetings_empty;
  GtkWidget     *meetings_add;
  GtkWidget     *meetings_remove;
  GtkWidget     *dates_button;   /* "Cancel One Date…" */
  GtkWidget     *dates_heading;
  GtkWidget     *dates_box;      /* a check button per coming date */
  GtkWidget     *report_switch;
  GtkWidget     *report_weeks;
  GtkWidget     *report_details;
  GtkWidget     *recipients_slot;
  GtkWidget     *report_recipients;

  MpCellTable   *blackouts;
  MpCellTable   *meetings;
  MpDocument    *document;
  MpPlan        *plan;
  MpReporting   *reporting;   /* the one we listen to */
  guint          syncing;
};

static void page_iface_init (MpPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MpCalendarView, mp_calendar_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (MP_TYPE_PAGE, page_iface_init))

/* ---- the columns ---- */

static const char *party_names[] = { NULL, NULL, NULL, NULL };

static const char * const *
party_labels (void)
{
  return party_names;
}

static const MpCellColumn blackout_columns[] = {
  { N_("Title"), N_("Blackout title"), 140, MP_COLUMN_EXPAND,
    .row = { MP_CELL_TEXT, MP_BLACKOUT_TITLE } },
  { N_("First day"), N_("First day"), 100, 0,
    .row = { MP_CELL_DATE, MP_BLACKOUT_START } },
  { N_("Last day"), N_("Last day"), 100, 0,
    .row = { MP_CELL_DATE, MP_BLACKOUT_END } },
  { N_("Side"), N_("Whose blackout"), 80, 0,
    .row = { MP_CELL_CHOICE, MP_BLACKOUT_SIDE, .labels = party_labels } },
  { N_("Person"), N_("Person who is away"), 120, 0,
    .row = { MP_CELL_PERSON, MP_BLACKOUT_PARTICIPANT, MP_CELL_ALLOW_NONE,
             .placeholder = N_("Whole side"), .party = MP_PARTY_BOTH } },
};

static const MpCellColumn meeting_columns[] = {
  { N_("Title"), N_("Meeting title"), 140, MP_COLUMN_EXPAND,
    .row = { MP_CELL_TEXT, MP_MEETING_TITLE, MP_CELL_REQUIRED } },
  { N_("First meeting"), N_("First meeting"), 170, 0,
    .row = { MP_CELL_DATETIME, MP_MEETING_START } },
  { N_("Minutes"), N_("Duration in minutes"), 50, 0,
    .row = { MP_CELL_NUMBER, MP_MEETING_DURATION_MINUTES, .min = 5, .max = 1440 } },
  { N_("Every … weeks"), N_("Repeat every so many weeks"), 60, 0,
    .row = { MP_CELL_NUMBER, MP_MEETING_EVERY_WEEKS, .placeholder = N_("Once"), .min = 0, .max = 52 } },
  { N_("Until"), N_("Last day of the series"), 100, 0,
    .row = { MP_CELL_DATE, MP_MEETING_UNTIL, MP_CELL_ALLOW_NONE, .placeholder = N_("No end") } },
  { N_("Location"), N_("Location"), 120, MP_COLUMN_EXPAND,
    .row = { MP_CELL_TEXT, MP_MEETING_LOCATION } },
  { N_("Attendees"), N_("Attendees"), 180, 0,
    .row = { MP_CELL_REFS, MP_MEETING_ATTENDEES, .refs = MP_REF_PARTICIPANT } },
  /* Called off: Send Invitations then cancels it in the attendees' calendars. */
  { N_("Cancelled"), N_("Meeting cancelled"), 40, 0,
    .row = { MP_CELL_CHECK, MP_MEETING_CANCELLED } },
};

/* ---- new records ---- */

static MpDate
default_day (MpCalendarView *self)
{
  MpDate today = mp_date_today ();
  MpDate start = mp_plan_get_start (self->plan);

  /* A plan in the future starts its calendar at its own start. */
  return start != MP_DATE_NONE && start > today ? start : today;
}

MpBlackout *
mp_calendar_view_add_blackout (MpCalendarView *self)
{
  g_autoptr(MpBlackout) b = NULL;
  MpDate day;

  g_return_val_if_fail (MP_IS_CALENDAR_VIEW (self), NULL);

  if (self->document == NULL)
    return NULL;
  day = default_day (self);
  b = mp_blackout_new ();
  mp_blackout_set_title (b, _("New blackout"));
  mp_blackout_set_start (b, day);
  mp_blackout_set_end (b, day);
  mp_blackout_set_side (b, MP_PARTY_BOTH);
  mp_cell_table_add (self->blackouts, mp_plan_get_blackouts (self->plan), MP_RECORD (b));
  return b; /* the plan keeps it */
}

MpMeeting *
mp_calendar_view_add_meeting (MpCalendarView *self)
{
  g_autoptr(MpMeeting) m = NULL;
  g_autofree char *start = NULL;

  g_return_val_if_fail (MP_IS_CALENDAR_VIEW (self), NULL);

  if (self->document == NULL)
    return NULL;
  start = mp_local_datetime_format (default_day (self), 9 * 60);
  m = mp_meeting_new ();
  mp_meeting_set_title (m, _("New meeting"));
  mp_meeting_set_start (m, start);
  mp_meeting_set_duration_minutes (m, 30);
  mp_meeting_set_every_weeks (m, 1);
  if (mp_plan_get_target (self->plan) != MP_DATE_NONE)
    mp_meeting_set_until (m, mp_plan_get_target (self->plan));
  mp_cell_table_add (self->meetings, mp_plan_get_meetings (self->plan), MP_RECORD (m));
  return m; /* the plan keeps it */
}

static void
remove_blackout (MpCalendarView *self)
{
  if (self->plan == NULL || !mp_cell_table_remove_selected (self->blackouts, mp_plan_get_blackouts (self->plan)))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
remove_meeting (MpCalendarView *self)
{
  if (self->plan == NULL || !mp_cell_table_remove_selected (self->meetings, mp_plan_get_meetings (self->plan)))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

/* Insert and Delete: on the list that has the focus (blackouts when
 * neither has). */
static void
add_in_focus (MpCalendarView *self)
{
  if (gtk_widget_get_focus_child (GTK_WIDGET (self->meetings_view)) != NULL ||
      gtk_widget_has_focus (GTK_WIDGET (self->meetings_view)))
    mp_calendar_view_add_meeting (self);
  else
    mp_calendar_view_add_blackout (self);
}

static void
remove_in_focus (MpCalendarView *self)
{
  if (gtk_widget_get_focus_child (GTK_WIDGET (self->meetings_view)) != NULL ||
      gtk_widget_has_focus (GTK_WIDGET (self->meetings_view)))
    remove_meeting (self);
  else
    remove_blackout (self);
}

static void
update_empty (MpCalendarView *self)
{
  guint nb = self->plan ? g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_blackouts (self->plan))) : 0;
  guint nm = self->plan ? g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_meetings (self->plan))) : 0;

  gtk_widget_set_visible (self->blackouts_empty, self->plan != NULL && nb == 0);
  gtk_widget_set_visible (self->meetings_empty, self->plan != NULL && nm == 0);
  gtk_widget_set_sensitive (self->blackouts_remove, nb > 0);
  gtk_widget_set_sensitive (self->meetings_remove, nm > 0);
}

/* ---- single dates of a recurring meeting ---- */

#define MAX_DATES 52

static MpMeeting *
selected_meeting (MpCalendarView *self)
{
  gpointer item = gtk_single_selection_get_selected_item (mp_cell_table_get_selection (self->meetings));

  return MP_IS_MEETING (item) ? MP_MEETING (item) : NULL;
}

static void
on_date_toggled (GtkCheckButton *check,
                 MpCalendarView *self)
{
  MpMeeting *mt = g_object_get_data (G_OBJECT (check), "meeting");
  MpDate day = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "day"));

  if (self->syncing || self->document == NULL)
    return;
  mp_document_set_occurrence_cancelled (self->document, mt, day, gtk_check_button_get_active (check));
}

static gboolean
occurrence_cancelled (MpMeeting *mt,
                      MpDate     day)
{
  GListModel *occ = G_LIST_MODEL (mp_record_get_children (MP_RECORD (mt), MP_MEETING_OCCURRENCES));

  for (guint i = 0; i < g_list_model_get_n_items (occ); i++)
    {
      g_autoptr(MpRecord) o = g_list_model_get_item (occ, i);

      if (mp_record_get_date (o, MP_OCCURRENCE_DATE) == day)
        return mp_record_get_bool (o, MP_OCCURRENCE_CANCELLED);
    }
  return FALSE;
}

/* The popover's list: the selected meeting's coming dates, ticked when cancelled. */
static void
fill_dates (MpCalendarView *self)
{
  MpMeeting *mt = selected_meeting (self);
  GtkWidget *child;
  MpDate first, until, today = mp_date_today ();
  int minutes, every;
  guint n = 0;
  g_autofree char *heading = NULL;

  while ((child = gtk_widget_get_first_child (self->dates_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->dates_box), child);
  if (mt == NULL || (every = mp_meeting_get_every_weeks (mt)) <= 0 ||
      !mp_local_datetime_parse (mp_meeting_get_start (mt), &first, &minutes))
    {
      gtk_label_set_text (GTK_LABEL (self->dates_heading),
                          _("Only a repeating meeting has single dates to cancel. Select one in the list."));
      return;
    }
  /* Translators: the heading of the list of a meeting's dates; %s is its title. */
  heading = g_strdup_printf (_("Tick the dates of “%s” that do not take place. Send Invitations then updates the attendees’ calendars."),
                             mp_meeting_get_title (mt));
  gtk_label_set_text (GTK_LABEL (self->dates_heading), heading);
  until = mp_meeting_get_until (mt);
  self->syncing++;
  for (MpDate d = first; (until == MP_DATE_NONE || d <= until) && n < MAX_DATES; d += (MpDate) (7 * every))
    {
      g_autofree char *text = NULL;
      GtkWidget *check;

      if (d < today)
        continue;
      text = mp_format_date (d);
      check = gtk_check_button_new_with_label (text);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), occurrence_cancelled (mt, d));
      g_object_set_data_full (G_OBJECT (check), "meeting", g_object_ref (mt), g_object_unref);
      g_object_set_data (G_OBJECT (check), "day", GUINT_TO_POINTER (d));
      g_signal_connect (check, "toggled", G_CALLBACK (on_date_toggled), self);
      gtk_box_append (GTK_BOX (self->dates_box), check);
      n++;
    }
  self->syncing--;
  if (n == 0)
    gtk_label_set_text (GTK_LABEL (self->dates_heading), _("This meeting has no dates left to come."));
}

static void
on_meeting_selected (MpCalendarView *self)
{
  gtk_widget_set_sensitive (self->dates_button, selected_meeting (self) != NULL);
}

/* ---- status reports ---- */

static void sync_reporting (MpCalendarView *self);

static void
watch_reporting (MpCalendarView *self)
{
  MpReporting *reporting = self->plan != NULL ? mp_plan_get_reporting (self->plan) : NULL;

  if (self->reporting == reporting)
    return;
  if (self->reporting != NULL)
    g_signal_handlers_disconnect_by_func (self->reporting, sync_reporting, self);
  g_set_object (&self->reporting, reporting);
  if (reporting != NULL)
    g_signal_connect_swapped (reporting, "notify", G_CALLBACK (sync_reporting), self);
}

static void
sync_reporting (MpCalendarView *self)
{
  MpReporting *reporting;

  watch_reporting (self);
  reporting = self->reporting;
  self->syncing++;
  gtk_switch_set_active (GTK_SWITCH (self->report_switch), reporting != NULL);
  gtk_widget_set_sensitive (self->report_details, reporting != NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->report_weeks),
                             reporting != NULL ? mp_reporting_get_every_weeks (reporting) : 2);
  mp_refs_button_set_plan (MP_REFS_BUTTON (self->report_recipients), self->plan);
  mp_refs_button_set_ids (MP_REFS_BUTTON (self->report_recipients),
                          reporting != NULL ? mp_reporting_get_recipients (reporting) : NULL);
  self->syncing--;
}

void
mp_calendar_view_set_reporting (MpCalendarView *self,
                                gboolean        on)
{
  g_return_if_fail (MP_IS_CALENDAR_VIEW (self));

  if (self->document == NULL || (mp_plan_get_reporting (self->plan) != NULL) == !!on)
    return;

  if (on)
    {
      g_autoptr(MpReporting) reporting = mp_reporting_new ();
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) recipients = NULL;
      GListModel *people = G_LIST_MODEL (mp_plan_get_participants (self->plan));

      /* The people who decide on the customer's side read the report. */
      for (guint i = 0; i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(MpParticipant) p = g_list_model_get_item (people, i);
          if (mp_participant_get_side (p) == MP_SIDE_CUSTOMER && mp_participant_get_decision_maker (p))
            g_strv_builder_add (builder, mp_participant_get_id (p));
        }
      recipients = g_strv_builder_end (builder);
      mp_reporting_set_every_weeks (reporting, MAX (1, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->report_weeks))));
      mp_reporting_set_recipients (reporting, (const char * const *) recipients);
      mp_document_set_child (self->document, MP_RECORD (self->plan), MP_PLAN_REPORTING, MP_RECORD (reporting));
    }
  else
    mp_document_set_child (self->document, MP_RECORD (self->plan), MP_PLAN_REPORTING, NULL);
}

static void
on_report_switch (MpCalendarView *self)
{
  if (self->syncing > 0)
    return;
  mp_calendar_view_set_reporting (self, gtk_switch_get_active (GTK_SWITCH (self->report_switch)));
  sync_reporting (self);
}

static void
on_report_weeks (MpCalendarView *self)
{
  if (self->syncing > 0 || self->reporting == NULL)
    return;
  mp_document_set_int (self->document, MP_RECORD (self->reporting), MP_REPORTING_EVERY_WEEKS,
                       gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->report_weeks)));
}

static void
on_report_recipients (MpCalendarView *self,
                      GStrv           ids)
{
  if (self->syncing > 0 || self->reporting == NULL)
    return;
  mp_document_set_strv (self->document, MP_RECORD (self->reporting), MP_REPORTING_RECIPIENTS,
                        (const char * const *) ids);
}


/* ---- the view ---- */

void
mp_calendar_view_select (MpCalendarView *self,
                         MpRecord       *record)
{
  guint position;

  g_return_if_fail (MP_IS_CALENDAR_VIEW (self));

  if (record == NULL || self->plan == NULL)
    return;
  if (MP_IS_BLACKOUT (record) && g_list_store_find (mp_plan_get_blackouts (self->plan), record, &position))
    mp_cell_table_select (self->blackouts, position);
  else if (MP_IS_MEETING (record) && g_list_store_find (mp_plan_get_meetings (self->plan), record, &position))
    mp_cell_table_select (self->meetings, position);
  else if (MP_IS_REPORTING (record) || MP_IS_PLAN (record))
    gtk_widget_grab_focus (self->report_switch);
}

MpDocument *
mp_calendar_view_get_document (MpCalendarView *self)
{
  g_return_val_if_fail (MP_IS_CALENDAR_VIEW (self), NULL);

  return self->document;
}

void
mp_calendar_view_set_document (MpCalendarView *self,
                               MpDocument     *document)
{
  g_return_if_fail (MP_IS_CALENDAR_VIEW (self));
  g_return_if_fail (document == NULL || MP_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->plan, sync_reporting, self);
      g_signal_handlers_disconnect_by_func (mp_plan_get_blackouts (self->plan), update_empty, self);
      g_signal_handlers_disconnect_by_func (mp_plan_get_meetings (self->plan), update_empty, self);
    }
  g_set_object (&self->document, document);
  g_clear_object (&self->plan);
  if (document != NULL)
    self->plan = g_object_ref (mp_document_get_plan (document));

  mp_cell_table_set_document (self->blackouts, document);
  mp_cell_table_set_document (self->meetings, document);
  gtk_single_selection_set_model (mp_cell_table_get_selection (self->blackouts),
                                  self->plan ? G_LIST_MODEL (mp_plan_get_blackouts (self->plan)) : NULL);
  gtk_single_selection_set_model (mp_cell_table_get_selection (self->meetings),
                                  self->plan ? G_LIST_MODEL (mp_plan_get_meetings (self->plan)) : NULL);
  if (self->plan != NULL)
    {
      g_signal_connect_swapped (self->plan, "notify::reporting", G_CALLBACK (sync_reporting), self);
      g_signal_connect_swapped (mp_plan_get_blackouts (self->plan), "items-changed", G_CALLBACK (update_empty), self);
      g_signal_connect_swapped (mp_plan_get_meetings (self->plan), "items-changed", G_CALLBACK (update_empty), self);
    }
  sync_reporting (self);
  update_empty (self);
  gtk_widget_set_sensitive (self->box, self->plan != NULL);
}

static void
mp_calendar_view_dispose (GObject *object)
{
  MpCalendarView *self = MP_CALENDAR_VIEW (object);

  mp_calendar_view_set_document (self, NULL);
  if (self->reporting != NULL)
    g_signal_handlers_disconnect_by_func (self->reporting, sync_reporting, self);
  g_clear_object (&self->reporting);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_CALENDAR_VIEW);
  G_OBJECT_CLASS (mp_calendar_view_parent_class)->dispose (object);
}

static void
mp_calendar_view_finalize (GObject *object)
{
  MpCalendarView *self = MP_CALENDAR_VIEW (object);

  mp_cell_table_free (self->blackouts);
  mp_cell_table_free (self->meetings);
  G_OBJECT_CLASS (mp_calendar_view_parent_class)->finalize (object);
}

static gboolean
shows_record (MpPage   *page,
              MpRecord *record)
{
  return MP_IS_BLACKOUT (record) || MP_IS_MEETING (record) || MP_IS_REPORTING (record);
}

static void
page_iface_init (MpPageInterface *iface)
{
  iface->get_document = (MpDocument *(*) (MpPage *)) mp_calendar_view_get_document;
  iface->set_document = (void (*) (MpPage *, MpDocument *)) mp_calendar_view_set_document;
  iface->shows_record = shows_record;
  iface->select = (void (*) (MpPage *, MpRecord *)) mp_calendar_view_select;
}

static void
mp_calendar_view_class_init (MpCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_calendar_view_dispose;
  object_class->finalize = mp_calendar_view_finalize;
  object_class->get_property = mp_page_get_property;
  object_class->set_property = mp_page_set_property;
  mp_page_install_properties (object_class, 1);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/MutualPlan/mp-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MpCalendarView, box);
  gtk_widget_class_bind_template_child (widget_class, MpCalendarView, blackouts_view);
  gtk_widget_class_bind_template_child (widget_class, MpCalendarView, blackouts_empty);
  gtk_widget_class_bind_template_child (widget_class, MpCalendarView, blackouts_add);
  gtk_widget_class_bind_template_child (widget_class, MpCalendarView, blackouts_remove);
  gtk_widget_class_bind_template_child (widget_class, MpCalendarView, meetings_view);
  gtk_widget_class_bind_template_child (widget_class, MpCalendarView, meetings_empty);
  gtk_widget_class_bind_template_child (widget_class, MpCalendarView, meetings_add);
  gtk_widget_class_bind_template_child (widget_class, MpCalendarView, meetings_remove);
  gtk_widget_class_bind_template_child (widget_class, MpCalendarView, dates_button);
  gtk_widget_class_bind_template_child (widget_class, MpCalendarView, dates_heading);
  gtk_widget_class_bind_template_child (widget_class, MpCalendarView, dates_box);
  gtk_widget_class_bind_template_child (widget_class, MpCalendarView, report_switch);
  gtk_widget_class_bind_template_child (widget_class, MpCalendarView, report_weeks);
  gtk_widget_class_bind_template_child (widget_class, MpCalendarView, report_details);
  gtk_widget_class_bind_template_child (widget_class, MpCalendarView, recipients_slot);
  gtk_widget_class_bind_template_callback (widget_class, mp_calendar_view_add_blackout);
  gtk_widget_class_bind_template_callback (widget_class, mp_calendar_view_add_meeting);
  gtk_widget_class_bind_template_callback (widget_class, remove_blackout);
  gtk_widget_class_bind_template_callback (widget_class, remove_meeting);
  gtk_widget_class_bind_template_callback (widget_class, fill_dates);
  gtk_widget_class_bind_template_callback (widget_class, on_report_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_report_weeks);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mpcalendarview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  party_names[0] = mp_format_party (MP_PARTY_SELLER);
  party_names[1] = mp_format_party (MP_PARTY_CUSTOMER);
  party_names[2] = mp_format_party (MP_PARTY_BOTH);
}

static MpCellTable *
list_new (GtkColumnView      *view,
          const MpCellColumn *columns,
          guint               n_columns)
{
  g_autoptr(GtkSingleSelection) selection = gtk_single_selection_new (NULL);

  return mp_cell_table_new (view, selection, columns, n_columns, G_TYPE_INVALID);
}

static void
mp_calendar_view_init (MpCalendarView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->blackouts = list_new (self->blackouts_view, blackout_columns, G_N_ELEMENTS (blackout_columns));
  self->meetings = list_new (self->meetings_view, meeting_columns, G_N_ELEMENTS (meeting_columns));
  g_signal_connect_swapped (mp_cell_table_get_selection (self->meetings), "notify::selected-item",
                            G_CALLBACK (on_meeting_selected), self);

  self->report_recipients = mp_refs_button_new (MP_REF_PARTICIPANT);
  gtk_widget_set_hexpand (self->report_recipients, TRUE);
  mp_refs_button_set_accessible_label (MP_REFS_BUTTON (self->report_recipients), _("Status report recipients"));
  g_signal_connect_swapped (self->report_recipients, "ids-chosen", G_CALLBACK (on_report_recipients), self);
  gtk_box_append (GTK_BOX (self->recipients_slot), self->report_recipients);

  mp_cell_table_add_shortcuts (GTK_WIDGET (self), G_CALLBACK (add_in_focus), G_CALLBACK (remove_in_focus), self);
}

GtkWidget *
mp_calendar_view_new (void)
{
  return g_object_new (MP_TYPE_CALENDAR_VIEW, NULL);
}
