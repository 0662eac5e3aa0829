/* mp-calendar-view.c
 *
 * Two editable lists (blackouts, meetings) and the status-report
 * settings, all through the document. Insert and Delete act on the list
 * that has the focus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-calendar-view.h"
#include "mp-format.h"
#include "mp-list-section.h"
#include "mp-page.h"
#include "mp-refs-button.h"

struct _MpCalendarView
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkWidget     *blackouts;
  GtkWidget     *meetings;
  GtkWidget     *report_switch;
  GtkWidget     *report_weeks;
  GtkWidget     *report_recipients;
  GtkWidget     *report_details;
  GtkWidget     *dates_button;   /* "Cancel One Date…" */
  GtkWidget     *dates_heading;
  GtkWidget     *dates_box;      /* a check button per coming date */

  MpDocument    *document;
  MpPlan        *plan;
  MpReporting   *reporting;   /* the one we listen to */
  guint          syncing;
};

static void page_iface_init (MpPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MpCalendarView, mp_calendar_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (MP_TYPE_PAGE, page_iface_init))

/* ---- new records ---- */

static MpDate
default_day (MpCalendarView *self)
{
  MpDate today = mp_date_today ();
  MpDate start = mp_plan_get_start (self->plan);

  /* A plan in the future starts its calendar at its own start. */
  return start != MP_DATE_NONE && start > today ? start : today;
}

static MpRecord *
new_blackout (gpointer user_data)
{
  MpCalendarView *self = user_data;
  MpBlackout *b = mp_blackout_new ();
  MpDate day = default_day (self);

  mp_blackout_set_title (b, _("New blackout"));
  mp_blackout_set_start (b, day);
  mp_blackout_set_end (b, day);
  mp_blackout_set_side (b, MP_PARTY_BOTH);
  return MP_RECORD (b);
}

static MpRecord *
new_meeting (gpointer user_data)
{
  MpCalendarView *self = user_data;
  MpMeeting *m = mp_meeting_new ();
  g_autofree char *start = mp_local_datetime_format (default_day (self), 9 * 60);

  mp_meeting_set_title (m, _("New meeting"));
  mp_meeting_set_start (m, start);
  mp_meeting_set_duration_minutes (m, 30);
  mp_meeting_set_every_weeks (m, 1);
  if (mp_plan_get_target (self->plan) != MP_DATE_NONE)
    mp_meeting_set_until (m, mp_plan_get_target (self->plan));
  return MP_RECORD (m);
}

MpBlackout *
mp_calendar_view_add_blackout (MpCalendarView *self)
{
  g_return_val_if_fail (MP_IS_CALENDAR_VIEW (self), NULL);

  return MP_BLACKOUT (mp_list_section_add (MP_LIST_SECTION (self->blackouts)));
}

MpMeeting *
mp_calendar_view_add_meeting (MpCalendarView *self)
{
  g_return_val_if_fail (MP_IS_CALENDAR_VIEW (self), NULL);

  return MP_MEETING (mp_list_section_add (MP_LIST_SECTION (self->meetings)));
}

/* ---- single dates of a recurring meeting ---- */

#define MAX_DATES 52

static MpMeeting *
selected_meeting (MpCalendarView *self)
{
  GtkSelectionModel *sel = gtk_column_view_get_model (mp_list_section_get_column_view (MP_LIST_SECTION (self->meetings)));
  gpointer item = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (sel));

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

static GtkWidget *
build_dates_button (MpCalendarView *self)
{
  GtkWidget *popover, *box, *scrolled;

  self->dates_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->dates_button), _("Cancel One _Date…"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (self->dates_button), TRUE);
  gtk_widget_set_tooltip_text (self->dates_button, _("Cancel single dates of the selected repeating meeting, or let them take place again"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dates_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cancel One Date"), -1);

  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->dates_heading = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->dates_heading), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->dates_heading), 40);
  gtk_label_set_xalign (GTK_LABEL (self->dates_heading), 0.0f);
  gtk_box_append (GTK_BOX (box), self->dates_heading);
  self->dates_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dates_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cancelled dates"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->dates_box);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (fill_dates), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->dates_button), popover);
  gtk_widget_set_sensitive (self->dates_button, FALSE);
  return self->dates_button;
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
  g_return_if_fail (MP_IS_CALENDAR_VIEW (self));

  if (record == NULL || self->plan == NULL)
    return;
  if (MP_IS_BLACKOUT (record))
    mp_list_section_select (MP_LIST_SECTION (self->blackouts), record);
  else if (MP_IS_MEETING (record))
    mp_list_section_select (MP_LIST_SECTION (self->meetings), record);
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
    g_signal_handlers_disconnect_by_func (self->plan, sync_reporting, self);
  g_set_object (&self->document, document);
  g_clear_object (&self->plan);
  if (document != NULL)
    self->plan = g_object_ref (mp_document_get_plan (document));

  mp_list_section_set_store (MP_LIST_SECTION (self->blackouts), document,
                             self->plan != NULL ? mp_plan_get_blackouts (self->plan) : NULL);
  mp_list_section_set_store (MP_LIST_SECTION (self->meetings), document,
                             self->plan != NULL ? mp_plan_get_meetings (self->plan) : NULL);
  if (self->plan != NULL)
    g_signal_connect_swapped (self->plan, "notify::reporting", G_CALLBACK (sync_reporting), self);
  sync_reporting (self);
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
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (mp_calendar_view_parent_class)->dispose (object);
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
  object_class->get_property = mp_page_get_property;
  object_class->set_property = mp_page_set_property;
  mp_page_install_properties (object_class, 1);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mpcalendarview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
build_reporting (MpCalendarView *self)
{
  GtkWidget *frame, *box, *row, *label, *heading;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  heading = gtk_label_new (_("Status reports"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
  gtk_box_append (GTK_BOX (box), heading);

  frame = gtk_frame_new (NULL);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (row, 8);
  gtk_widget_set_margin_bottom (row, 8);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);

  label = gtk_label_new_with_mnemonic (_("_Send status reports"));
  gtk_box_append (GTK_BOX (row), label);
  self->report_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->report_switch, GTK_ALIGN_CENTER);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->report_switch);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->report_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Send status reports"), -1);
  g_signal_connect_swapped (self->report_switch, "notify::active", G_CALLBACK (on_report_switch), self);
  gtk_box_append (GTK_BOX (row), self->report_switch);

  self->report_details = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_margin_start (self->report_details, 12);
  /* Translators: the row reads "Send status reports [on]  every [2] weeks, to
   * [recipients]"; "_every" and "weeks, to" are the words around the number. */
  label = gtk_label_new_with_mnemonic (_("_every"));
  gtk_box_append (GTK_BOX (self->report_details), label);
  self->report_weeks = gtk_spin_button_new_with_range (1, 52, 1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (self->report_weeks), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->report_weeks);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->report_weeks),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status report every so many weeks"), -1);
  g_signal_connect_swapped (self->report_weeks, "value-changed", G_CALLBACK (on_report_weeks), self);
  gtk_box_append (GTK_BOX (self->report_details), self->report_weeks);
  label = gtk_label_new (_("weeks, to"));
  gtk_box_append (GTK_BOX (self->report_details), label);
  self->report_recipients = mp_refs_button_new (MP_REF_PARTICIPANT);
  gtk_widget_set_size_request (self->report_recipients, 320, -1);
  mp_refs_button_set_accessible_label (MP_REFS_BUTTON (self->report_recipients), _("Status report recipients"));
  g_signal_connect_swapped (self->report_recipients, "ids-chosen", G_CALLBACK (on_report_recipients), self);
  gtk_box_append (GTK_BOX (self->report_details), self->report_recipients);
  gtk_widget_set_hexpand (self->report_details, TRUE);
  gtk_box_append (GTK_BOX (row), self->report_details);

  gtk_frame_set_child (GTK_FRAME (frame), row);
  gtk_box_append (GTK_BOX (box), frame);
  return box;
}

static void
mp_calendar_view_init (MpCalendarView *self)
{
  MpListSection *section;
  MpCellHost *host;
  GtkColumnViewColumn *column;
  GtkWidget *title;
  const char *parties[] = { mp_format_party (MP_PARTY_SELLER), mp_format_party (MP_PARTY_CUSTOMER),
                            mp_format_party (MP_PARTY_BOTH), NULL };

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->box, 18);
  gtk_widget_set_margin_bottom (self->box, 18);
  gtk_widget_set_margin_start (self->box, 18);
  gtk_widget_set_margin_end (self->box, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Calendar"), -1);

  title = gtk_label_new (_("Calendar"));
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_widget_add_css_class (title, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (self->box), title);

  /* Blackouts */
  self->blackouts = mp_list_section_new (_("Blackouts"), "title-4", _("Add _Blackout"),
                                         _("No blackouts. Add holidays, vacations and freezes so that no due date falls on them."),
                                         _("Blackouts"));
  section = MP_LIST_SECTION (self->blackouts);
  host = mp_list_section_get_host (section);
  mp_list_section_set_new_func (section, new_blackout, self);
  column = mp_cell_column_text (host, _("Title"), MP_BLACKOUT_TITLE, _("Blackout title"), _("Holiday, vacation, freeze"));
  mp_list_section_append_column (section, column);
  mp_list_section_append_column (section, mp_cell_column_date (host, _("First day"), MP_BLACKOUT_START, _("First day"), FALSE));
  mp_list_section_append_column (section, mp_cell_column_date (host, _("Last day"), MP_BLACKOUT_END, _("Last day"), FALSE));
  mp_list_section_append_column (section, mp_cell_column_enum (host, _("Side"), MP_BLACKOUT_SIDE, _("Whose blackout"), parties));
  column = mp_cell_column_participant (host, _("Person"), MP_BLACKOUT_PARTICIPANT, _("Person who is away"),
                                       MP_PARTY_BOTH, _("Whole side"));
  gtk_column_view_column_set_fixed_width (column, 200);
  mp_list_section_append_column (section, column);
  gtk_box_append (GTK_BOX (self->box), self->blackouts);

  /* Meetings */
  self->meetings = mp_list_section_new (_("Meetings"), "title-4", _("Add _Meeting"),
                                        _("No meetings. Add the regular calls both sides hold until the signature."),
                                        _("Meetings"));
  section = MP_LIST_SECTION (self->meetings);
  host = mp_list_section_get_host (section);
  mp_list_section_set_new_func (section, new_meeting, self);
  column = mp_cell_column_text (host, _("Title"), MP_MEETING_TITLE, _("Meeting title"), _("Title"));
  mp_list_section_append_column (section, column);
  mp_list_section_append_column (section, mp_cell_column_local_datetime (host, _("First meeting"), MP_MEETING_START,
                                                                          _("First meeting")));
  mp_list_section_append_column (section, mp_cell_column_int (host, _("Minutes"), MP_MEETING_DURATION_MINUTES,
                                                              _("Duration in minutes"), 5, 1440));
  mp_list_section_append_column (section, mp_cell_column_int_named_zero (host, _("Every … weeks"), MP_MEETING_EVERY_WEEKS,
                                                                         _("Repeat every so many weeks"), 0, 52,
                                                                         C_("repeat", "Once")));
  mp_list_section_append_column (section, mp_cell_column_date_with_placeholder (host, _("Until"), MP_MEETING_UNTIL,
                                                                                _("Last day of the series"),
                                                                                _("No end")));
  column = mp_cell_column_text (host, _("Location"), MP_MEETING_LOCATION, _("Location"), _("Room or video link"));
  gtk_column_view_column_set_fixed_width (column, 150);
  gtk_column_view_column_set_expand (column, FALSE);
  mp_list_section_append_column (section, column);
  column = mp_cell_column_refs (host, _("Attendees"), MP_MEETING_ATTENDEES, _("Attendees"), MP_REF_PARTICIPANT);
  gtk_column_view_column_set_fixed_width (column, 200);
  gtk_column_view_column_set_expand (column, FALSE);
  mp_list_section_append_column (section, column);
  /* Called off: Send Invitations then cancels it in the attendees' calendars. */
  mp_list_section_append_column (section, mp_cell_column_bool (host, _("Cancelled"), MP_MEETING_CANCELLED,
                                                               _("Meeting cancelled")));
  /* One date of a series: "Cancel One Date…" beside Add and Remove. */
  {
    GtkWidget *header = mp_list_section_get_header (section);
    GtkWidget *spacer = gtk_widget_get_next_sibling (gtk_widget_get_first_child (header));

    gtk_box_insert_child_after (GTK_BOX (header), build_dates_button (self), spacer);
    g_signal_connect_swapped (gtk_column_view_get_model (mp_list_section_get_column_view (section)),
                              "notify::selected-item", G_CALLBACK (on_meeting_selected), self);
  }
  gtk_box_append (GTK_BOX (self->box), self->meetings);

  gtk_box_append (GTK_BOX (self->box), build_reporting (self));
  gtk_widget_set_sensitive (self->box, FALSE);
}

GtkWidget *
mp_calendar_view_new (void)
{
  return g_object_new (MP_TYPE_CALENDAR_VIEW, NULL);
}
