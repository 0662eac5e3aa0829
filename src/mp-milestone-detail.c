/* mp-milestone-detail.c
 *
 * The side pane of the milestones page: description, notes, location,
 * time and duration, reminder, completion date, what it depends on and
 * whom the calendar invitation goes to. Text commits when the field loses
 * focus or Enter is pressed, one undo step per edit. Dependencies are the
 * short list of chosen predecessors with "Remove" each, and "Add" opens a
 * searchable list of the plan's milestones (a list view: only the shown
 * rows exist, whatever the size of the plan).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-itip.h"
#include "mp-date-button.h"
#include "mp-milestone-detail.h"
#include "mp-model.h"
#include "mp-schedule.h"

struct _MpMilestoneDetail
{
  GtkWidget       parent_instance;

  MpDocument     *document;
  MpMilestone    *milestone;
  gulong          notify_id;
  gboolean        refreshing;
  guint           lists_id;   /* rebuild of the check lists, from an idle */
  char           *lists_key;  /* what the check lists show: ids and names */

  GtkWidget      *scrolled;
  GtkWidget      *stack;
  GtkLabel       *heading;
  GtkTextView    *description;
  GtkTextView    *notes;
  GtkEntry       *location;
  GtkEntry       *time;
  GtkSpinButton  *duration;
  GtkCheckButton *reminder_on;
  GtkSpinButton  *reminder_days;
  MpDateButton   *completed_on;
  GtkListBox     *depends_list;
  GtkWidget      *depends_add;
  GtkWidget      *depends_search;
  GtkLabel       *depends_error;
  GtkListView    *candidates_view;
  GtkCustomFilter *candidates_filter;
  GtkFilterListModel *candidates;
  GtkBox         *invite_box;
  GtkLabel       *invite_hint;
};

G_DEFINE_FINAL_TYPE (MpMilestoneDetail, mp_milestone_detail, GTK_TYPE_WIDGET)

static void refresh (MpMilestoneDetail *self);
static void refresh_depends (MpMilestoneDetail *self);
static void update_checks (MpMilestoneDetail *self);
static gboolean strv_has (const char * const *ids, const char *id);

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
commit_text (MpMilestoneDetail *self,
             guint              field,
             const char        *text)
{
  if (self->refreshing || self->milestone == NULL || self->document == NULL)
    return;
  /* An emptied field is no field. */
  mp_document_set_string (self->document, MP_RECORD (self->milestone), field, text && *text ? text : NULL);
}

static void
on_text_focus_leave (GtkEventControllerFocus *focus,
                     MpMilestoneDetail       *self)
{
  GtkWidget *w = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));
  g_autofree char *text = text_of (GTK_TEXT_VIEW (w));

  commit_text (self, w == GTK_WIDGET (self->description) ? MP_MILESTONE_DESCRIPTION : MP_MILESTONE_NOTES, text);
}

static void
commit_location (MpMilestoneDetail *self)
{
  commit_text (self, MP_MILESTONE_LOCATION, gtk_editable_get_text (GTK_EDITABLE (self->location)));
}

static void
commit_time (MpMilestoneDetail *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->time));
  int minutes = MP_TIME_NONE;

  if (self->refreshing || self->milestone == NULL)
    return;
  if (*text != '\0' && !mp_time_parse (text, &minutes))
    {
      /* Also take "9:30". */
      g_autofree char *padded = g_strdup_printf ("0%s", text);
      if (!mp_time_parse (padded, &minutes))
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->time), "error");
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->time),
                                       _("Write the time as HH:MM, for example 14:30; leave it empty for an all-day deadline"));
          return;
        }
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->time), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->time), _("Empty for an all-day deadline"));
  mp_document_set_int (self->document, MP_RECORD (self->milestone), MP_MILESTONE_TIME, minutes);
  refresh (self);
}

static void
on_entry_focus_leave (GtkEventControllerFocus *focus,
                      MpMilestoneDetail       *self)
{
  GtkWidget *w = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));

  if (w == GTK_WIDGET (self->location))
    commit_location (self);
  else
    commit_time (self);
}

static void
on_duration_changed (MpMilestoneDetail *self)
{
  if (self->refreshing || self->milestone == NULL)
    return;
  mp_document_set_int (self->document, MP_RECORD (self->milestone), MP_MILESTONE_DURATION_MINUTES,
                       gtk_spin_button_get_value_as_int (self->duration));
}

static void
on_reminder_changed (MpMilestoneDetail *self)
{
  gboolean on = gtk_check_button_get_active (self->reminder_on);

  gtk_widget_set_sensitive (GTK_WIDGET (self->reminder_days), on);
  if (self->refreshing || self->milestone == NULL)
    return;
  mp_document_set_int (self->document, MP_RECORD (self->milestone), MP_MILESTONE_REMINDER_DAYS,
                       on ? gtk_spin_button_get_value_as_int (self->reminder_days) : -1);
}

static void
on_completed_chosen (MpDateButton      *button,
                     guint              date,
                     MpMilestoneDetail *self)
{
  if (self->milestone == NULL)
    return;
  mp_document_set_date (self->document, MP_RECORD (self->milestone), MP_MILESTONE_COMPLETED_ON, date);
}

/* Toggling a check in a list of ids (depends_on, invite). */
static void
on_id_toggled (GtkCheckButton    *check,
               MpMilestoneDetail *self)
{
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "field"));
  const char *id = g_object_get_data (G_OBJECT (check), "id");
  const char * const *ids;
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;
  gboolean on = gtk_check_button_get_active (check);

  if (self->refreshing || self->milestone == NULL || self->document == NULL)
    return;
  /* A check of something removed meanwhile writes nothing. */
  if (on && (field == MP_MILESTONE_DEPENDS_ON
             ? mp_plan_find_milestone (mp_document_get_plan (self->document), id) == NULL
             : mp_plan_find_participant (mp_document_get_plan (self->document), id) == NULL))
    return;
  ids = mp_record_get_strv (MP_RECORD (self->milestone), field);
  for (guint i = 0; ids && ids[i]; i++)
    if (g_strcmp0 (ids[i], id) != 0)
      g_strv_builder_add (b, ids[i]);
  if (on)
    g_strv_builder_add (b, id);
  result = g_strv_builder_end (b);

  /* An explicit invite list starts from the default (both owners). */
  if (field == MP_MILESTONE_INVITE && (ids == NULL || ids[0] == NULL))
    {
      g_autoptr(GStrvBuilder) d = g_strv_builder_new ();
      g_autoptr(GPtrArray) invitees = mp_milestone_get_invitees (self->milestone);

      for (guint i = 0; i < invitees->len; i++)
        if (g_strcmp0 (g_ptr_array_index (invitees, i), id) != 0)
          g_strv_builder_add (d, g_ptr_array_index (invitees, i));
      if (on)
        g_strv_builder_add (d, id);
      g_strfreev (result);
      result = g_strv_builder_end (d);
    }
  mp_document_set_strv (self->document, MP_RECORD (self->milestone), field, (const char * const *) result);
}

static gboolean
strv_has (const char * const *ids,
          const char          *id)
{
  return ids != NULL && g_strv_contains (ids, id);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
id_check (MpMilestoneDetail *self,
          const char        *label,
          const char        *id,
          guint              field,
          gboolean           active)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);

  g_object_set_data_full (G_OBJECT (check), "id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (check), "field", GUINT_TO_POINTER (field));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  g_signal_connect (check, "toggled", G_CALLBACK (on_id_toggled), self);
  return check;
}

static void
set_text_view (GtkTextView *view,
               const char  *text)
{
  g_autofree char *current = text_of (view);

  if (g_strcmp0 (current, text ? text : "") != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

static void
refresh (MpMilestoneDetail *self)
{
  MpMilestone *m = self->milestone;
  const char * const *ids;
  g_autofree char *time = NULL;
  gboolean default_invite;

  if (m == NULL || self->document == NULL)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "none");
      return;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "milestone");
  self->refreshing = TRUE;

  gtk_label_set_text (self->heading, mp_milestone_get_title (m));
  set_text_view (self->description, mp_milestone_get_description (m));
  set_text_view (self->notes, mp_milestone_get_notes (m));
  if (!gtk_widget_has_focus (GTK_WIDGET (self->location)))
    gtk_editable_set_text (GTK_EDITABLE (self->location), mp_milestone_get_location (m) ? mp_milestone_get_location (m) : "");
  time = mp_time_format (mp_milestone_get_time (m));
  gtk_editable_set_text (GTK_EDITABLE (self->time), time ? time : "");
  gtk_spin_button_set_value (self->duration, mp_milestone_get_duration_minutes (m));
  gtk_widget_set_sensitive (GTK_WIDGET (self->duration), time != NULL);
  gtk_check_button_set_active (self->reminder_on, mp_milestone_get_reminder_days (m) >= 0);
  if (mp_milestone_get_reminder_days (m) >= 0)
    gtk_spin_button_set_value (self->reminder_days, mp_milestone_get_reminder_days (m));
  gtk_widget_set_sensitive (GTK_WIDGET (self->reminder_days), mp_milestone_get_reminder_days (m) >= 0);
  mp_date_button_set_date (self->completed_on, mp_milestone_get_completed_on (m));

  update_checks (self);
  ids = mp_milestone_get_invite (m);
  default_invite = ids == NULL || ids[0] == NULL;
  {
    /* Who answered the invitation (mp-itip.h). */
    g_autofree char *answers = mp_itip_describe_answers (mp_document_get_plan (self->document), MP_RECORD (m), TRUE);
    g_autofree char *hint = g_strdup_printf ("%s%s%s", default_invite ? _("By default both owners are invited.") : "",
                                             default_invite && answers ? "\n" : "", answers ? answers : "");

    gtk_label_set_text (self->invite_hint, hint);
  }
  self->refreshing = FALSE;
}

/* The check lists: one check per other milestone (depends on) and per
 * participant (invitees); rebuilt only when those lists change, so that
 * toggling keeps the keyboard focus. */
static void
rebuild_checks (MpMilestoneDetail *self)
{
  MpMilestone *m = self->milestone;
  MpPlan *plan;
  GListModel *list;

  clear_box (self->invite_box);
  if (m == NULL || self->document == NULL)
    return;
  plan = mp_document_get_plan (self->document);
  self->refreshing = TRUE;
  list = G_LIST_MODEL (mp_plan_get_participants (plan));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(MpParticipant) p = g_list_model_get_item (list, i);
      const char *email = mp_participant_get_email (p);
      g_autofree char *label = email && *email ? g_strdup (mp_participant_get_name (p))
                                               : g_strdup_printf (_("%s (no e-mail)"), mp_participant_get_name (p));

      gtk_box_append (self->invite_box, id_check (self, label, mp_participant_get_id (p), MP_MILESTONE_INVITE, FALSE));
    }
  self->refreshing = FALSE;
}

/* Ticks the invitees' checks from the milestone; the dependencies'
 * short list follows it. */
static void
update_checks (MpMilestoneDetail *self)
{
  MpMilestone *m = self->milestone;
  g_autoptr(GPtrArray) invitees = mp_milestone_get_invitees (m);

  refresh_depends (self);
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (self->invite_box)); w; w = gtk_widget_get_next_sibling (w))
    {
      const char *id = g_object_get_data (G_OBJECT (w), "id");
      gboolean on = g_ptr_array_find_with_equal_func (invitees, id, g_str_equal, NULL);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (w), on);
    }
}

/* Ids, names and addresses of the participants, to tell whether the
 * invitees' checks must be made again. */
static char *
lists_key (MpMilestoneDetail *self)
{
  MpPlan *plan = mp_document_get_plan (self->document);
  GListModel *ps = G_LIST_MODEL (mp_plan_get_participants (plan));
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (ps); i++)
    {
      g_autoptr(MpParticipant) p = g_list_model_get_item (ps, i);
      g_string_append_printf (key, "%s\x1f%s\x1f%s\x1e", mp_participant_get_id (p), mp_participant_get_name (p),
                              mp_participant_get_email (p) ? mp_participant_get_email (p) : "");
    }
  return g_string_free (key, FALSE);
}

static gboolean
rebuild_idle (gpointer data)
{
  MpMilestoneDetail *self = data;
  g_autofree char *key = NULL;

  self->lists_id = 0;
  if (self->document == NULL || self->milestone == NULL)
    return G_SOURCE_REMOVE;
  key = lists_key (self);
  if (g_strcmp0 (key, self->lists_key) != 0)
    {
      g_free (self->lists_key);
      self->lists_key = g_steal_pointer (&key);
      rebuild_checks (self);
    }
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Anything changed: participants may have been added, removed or
 * renamed, predecessors renamed or removed. */
static void
on_lists_changed (MpMilestoneDetail *self)
{
  if (self->lists_id == 0)
    self->lists_id = g_idle_add (rebuild_idle, self);
}

static void
on_milestone_notify (MpMilestoneDetail *self)
{
  refresh (self);
}

void
mp_milestone_detail_set_milestone (MpMilestoneDetail *self,
                                   MpMilestone       *milestone)
{
  g_return_if_fail (MP_IS_MILESTONE_DETAIL (self));

  if (self->milestone == milestone)
    return;
  if (self->milestone != NULL)
    {
      /* Commit what is being typed before switching. */
      g_autofree char *d = text_of (self->description);
      g_autofree char *n = text_of (self->notes);

      commit_text (self, MP_MILESTONE_DESCRIPTION, d);
      commit_text (self, MP_MILESTONE_NOTES, n);
      commit_location (self);
      g_clear_signal_handler (&self->notify_id, self->milestone);
    }
  g_set_object (&self->milestone, milestone);
  if (milestone != NULL)
    self->notify_id = g_signal_connect_swapped (milestone, "notify", G_CALLBACK (on_milestone_notify), self);
  g_clear_pointer (&self->lists_key, g_free);
  if (milestone != NULL && self->document != NULL)
    self->lists_key = lists_key (self);
  rebuild_checks (self);
  refresh (self);
}

void
mp_milestone_detail_set_document (MpMilestoneDetail *self,
                                  MpDocument        *document)
{
  g_return_if_fail (MP_IS_MILESTONE_DETAIL (self));
  mp_milestone_detail_set_milestone (self, NULL);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  /* Titles and names change without items-changed: the document's
   * ::changed covers every edit. */
  if (document != NULL)
    g_signal_connect_swapped (document, "changed", G_CALLBACK (on_lists_changed), self);
  refresh (self);
}

static void
mp_milestone_detail_dispose (GObject *object)
{
  MpMilestoneDetail *self = MP_MILESTONE_DETAIL (object);

  if (self->milestone)
    g_clear_signal_handler (&self->notify_id, self->milestone);
  g_clear_handle_id (&self->lists_id, g_source_remove);
  g_clear_pointer (&self->lists_key, g_free);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->milestone);
  g_clear_object (&self->document);
  if (self->candidates_filter != NULL)
    gtk_custom_filter_set_filter_func (self->candidates_filter, NULL, NULL, NULL);
  g_clear_object (&self->candidates);
  g_clear_object (&self->candidates_filter);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  G_OBJECT_CLASS (mp_milestone_detail_parent_class)->dispose (object);
}

/* ---- dependencies: the chosen predecessors, "Add" with a search ---- */

static void
set_depends (MpMilestoneDetail *self,
             const char        *id,
             gboolean           on)
{
  const char * const *ids = mp_milestone_get_depends_on (self->milestone);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  for (guint i = 0; ids && ids[i]; i++)
    if (g_strcmp0 (ids[i], id) != 0)
      g_strv_builder_add (b, ids[i]);
  if (on)
    g_strv_builder_add (b, id);
  result = g_strv_builder_end (b);
  mp_document_set_strv (self->document, MP_RECORD (self->milestone), MP_MILESTONE_DEPENDS_ON,
                        (const char * const *) result);
}

static void
on_remove_depends (GtkButton         *button,
                   MpMilestoneDetail *self)
{
  if (self->milestone == NULL || self->document == NULL)
    return;
  set_depends (self, g_object_get_data (G_OBJECT (button), "id"), FALSE);
}

/* The short list: one row per predecessor, its title and "Remove". */
static void
refresh_depends (MpMilestoneDetail *self)
{
  const char * const *deps = self->milestone ? mp_milestone_get_depends_on (self->milestone) : NULL;
  MpPlan *plan = self->document ? mp_document_get_plan (self->document) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->depends_list))) != NULL)
    gtk_list_box_remove (self->depends_list, child);
  for (guint i = 0; plan && deps && deps[i]; i++)
    {
      MpMilestone *other = mp_plan_find_milestone (plan, deps[i]);
      const char *title = other ? mp_milestone_get_title (other) : deps[i];
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (title);
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *name = g_strdup_printf (_("Remove the dependency on “%s”"), title);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (label, title);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data_full (G_OBJECT (remove), "id", g_strdup (deps[i]), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_depends), self);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), remove);
      gtk_list_box_append (self->depends_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->depends_list), deps != NULL && deps[0] != NULL);
}

/* Candidates: the other milestones not chosen yet whose title has the
 * search text. */
static gboolean
candidate_func (gpointer item,
                gpointer data)
{
  MpMilestoneDetail *self = data;
  MpMilestone *m = item;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->depends_search));
  g_autofree char *title = NULL, *needle = NULL;

  if (self->milestone == NULL || m == self->milestone ||
      strv_has (mp_milestone_get_depends_on (self->milestone), mp_milestone_get_id (m)))
    return FALSE;
  if (*text == '\0')
    return TRUE;
  title = g_utf8_casefold (mp_milestone_get_title (m), -1);
  needle = g_utf8_casefold (text, -1);
  return strstr (title, needle) != NULL;
}

static void
on_depends_search (MpMilestoneDetail *self)
{
  gtk_label_set_text (self->depends_error, "");
  gtk_filter_changed (GTK_FILTER (self->candidates_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
choose_candidate (MpMilestoneDetail *self,
                  MpMilestone       *other)
{
  MpPlan *plan;

  if (self->milestone == NULL || self->document == NULL || other == NULL)
    return;
  plan = mp_document_get_plan (self->document);
  /* A cycle is refused with the reason, where the choice was made. */
  if (mp_plan_depends_on (plan, other, self->milestone))
    {
      g_autofree char *text = g_strdup_printf (_("“%s” already depends on this milestone: that would be a cycle"),
                                               mp_milestone_get_title (other));
      gtk_label_set_text (self->depends_error, text);
      return;
    }
  set_depends (self, mp_milestone_get_id (other), TRUE);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->depends_add));
}

static void
on_candidate_activate (GtkListView       *list,
                       guint              position,
                       MpMilestoneDetail *self)
{
  g_autoptr(MpMilestone) other = g_list_model_get_item (G_LIST_MODEL (self->candidates), position);

  choose_candidate (self, other);
}

/* Enter in the search takes the first candidate. */
static void
on_depends_search_activate (MpMilestoneDetail *self)
{
  g_autoptr(MpMilestone) other = g_list_model_get_item (G_LIST_MODEL (self->candidates), 0);

  choose_candidate (self, other);
}

static void
on_depends_popover_shown (MpMilestoneDetail *self)
{
  MpPlan *plan = self->document ? mp_document_get_plan (self->document) : NULL;

  gtk_label_set_text (self->depends_error, "");
  gtk_filter_list_model_set_model (self->candidates, plan ? G_LIST_MODEL (mp_plan_get_milestones (plan)) : NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->depends_search), "");
  gtk_filter_changed (GTK_FILTER (self->candidates_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_widget_grab_focus (self->depends_search);
}

static void
on_depends_popover_hidden (MpMilestoneDetail *self)
{
  gtk_filter_list_model_set_model (self->candidates, NULL);
}

static void
setup_candidate (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_candidate (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  MpMilestone *m = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), mp_milestone_get_title (m));
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), mp_milestone_get_title (m));
}

static void
mp_milestone_detail_class_init (MpMilestoneDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* A page's frame: no object of its own for a screen reader (GTK 4.8
   * would announce its type name). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  object_class->dispose = mp_milestone_detail_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "milestone-detail");

  g_type_ensure (MP_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/MutualPlan/mp-milestone-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, MpMilestoneDetail, scrolled);
  gtk_widget_class_bind_template_child (widget_class, MpMilestoneDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, MpMilestoneDetail, heading);
  gtk_widget_class_bind_template_child (widget_class, MpMilestoneDetail, description);
  gtk_widget_class_bind_template_child (widget_class, MpMilestoneDetail, notes);
  gtk_widget_class_bind_template_child (widget_class, MpMilestoneDetail, location);
  gtk_widget_class_bind_template_child (widget_class, MpMilestoneDetail, time);
  gtk_widget_class_bind_template_child (widget_class, MpMilestoneDetail, duration);
  gtk_widget_class_bind_template_child (widget_class, MpMilestoneDetail, reminder_on);
  gtk_widget_class_bind_template_child (widget_class, MpMilestoneDetail, reminder_days);
  gtk_widget_class_bind_template_child (widget_class, MpMilestoneDetail, completed_on);
  gtk_widget_class_bind_template_child (widget_class, MpMilestoneDetail, depends_list);
  gtk_widget_class_bind_template_child (widget_class, MpMilestoneDetail, depends_add);
  gtk_widget_class_bind_template_child (widget_class, MpMilestoneDetail, depends_search);
  gtk_widget_class_bind_template_child (widget_class, MpMilestoneDetail, depends_error);
  gtk_widget_class_bind_template_child (widget_class, MpMilestoneDetail, candidates_view);
  gtk_widget_class_bind_template_child (widget_class, MpMilestoneDetail, invite_box);
  gtk_widget_class_bind_template_child (widget_class, MpMilestoneDetail, invite_hint);
  gtk_widget_class_bind_template_callback (widget_class, on_text_focus_leave);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_focus_leave);
  gtk_widget_class_bind_template_callback (widget_class, commit_location);
  gtk_widget_class_bind_template_callback (widget_class, commit_time);
  gtk_widget_class_bind_template_callback (widget_class, on_duration_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reminder_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_completed_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_depends_popover_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_depends_popover_hidden);
  gtk_widget_class_bind_template_callback (widget_class, on_depends_search);
  gtk_widget_class_bind_template_callback (widget_class, on_depends_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, setup_candidate);
  gtk_widget_class_bind_template_callback (widget_class, bind_candidate);
  gtk_widget_class_bind_template_callback (widget_class, on_candidate_activate);
}

static void
mp_milestone_detail_init (MpMilestoneDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mp_date_button_set_accessible_label (self->completed_on, _("Completed on"));
  self->candidates_filter = gtk_custom_filter_new (candidate_func, self, NULL);
  self->candidates = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->candidates_filter)));
  gtk_list_view_set_model (self->candidates_view,
                           GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->candidates)))));
  refresh (self);
}

GtkWidget *
mp_milestone_detail_new (void)
{
  return g_object_new (MP_TYPE_MILESTONE_DETAIL, NULL);
}
