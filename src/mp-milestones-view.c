/* mp-milestones-view.c
 *
 * The Milestones page: a GtkColumnView over a GtkTreeListModel
 * (milestones, their tasks below) over the search's filtered list, the
 * timeline below it, the details beside. Rows show their values as text
 * and compact buttons that open their editor on click, Enter or Space;
 * typing on a row starts editing its title. Each column is one entry of
 * the table below: its title, the field it shows for a milestone and for
 * a task, and its width. Every edit goes through the document (undoable);
 * cells follow their record's notify, and the cells that depend on other
 * records (task progress, attention) are refreshed on the bound rows
 * only, once per change. Rows are recycled: handlers are connected in
 * setup and find their record through the GtkListItem.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-baseline-chooser.h"
#include "mp-date-button.h"
#include "mp-format.h"
#include "mp-health.h"
#include "mp-ical.h"
#include "mp-itip.h"
#include "mp-milestone-detail.h"
#include "mp-milestone-filter.h"
#include "mp-milestones-view.h"
#include "mp-model.h"
#include "mp-page.h"
#include "mp-participant-picker.h"
#include "mp-schedule.h"
#include "mp-shortcuts.h"
#include "mp-timeline.h"
#include "mp-workspace.h"

struct _MpMilestonesView
{
  GtkWidget           parent_instance;

  MpDocument         *document;
  MpMilestoneFilter  *filter;
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  GtkStringList      *filter_choices;
  GPtrArray          *filter_people;   /* ids after the fixed choices */

  /* template */
  GtkWidget          *overlay;
  GtkWidget          *paned;
  GtkWidget          *split;
  GtkWidget          *scrolled;
  GtkColumnView      *view;
  GtkWidget          *search_button;
  GtkSearchBar       *search_bar;
  GtkWidget          *search_entry;
  GtkDropDown        *filter_kind;
  GtkLabel           *shown_label;
  GtkWidget          *detail_slot;
  GtkWidget          *timeline_slot;
  GtkWidget          *baselines_slot;
  MpMilestoneDetail  *detail;
  MpTimeline         *timeline;
  MpBaselineChooser  *baselines;
  GtkRevealer        *toast;
  GtkLabel           *toast_label;
  GtkWidget          *toast_undo;
  GtkWidget          *toast_drop;
  GtkWidget          *toast_close;

  MpMilestone        *toast_milestone;  /* "Drop Instead" brings it back dropped */
  gboolean            toast_arming;
  guint               toast_id;
  guint               scroll_id;
  guint               live_id;
  guint               edit_id;
  guint               select_id;
  guint               restore_id;
  gboolean            filtering;     /* the search changes the rows */
  GHashTable         *live_items;  /* bound GtkListItems of the tasks and flags columns */
  GHashTable         *title_items; /* bound GtkListItems of the title column */
  MpRecord           *pending_edit;  /* its title opens for typing once shown */
  MpRecord           *pending_select;
  guint               last_selected;
};

static void page_iface_init (MpPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MpMilestonesView, mp_milestones_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (MP_TYPE_PAGE, page_iface_init))

enum {
  PROP_0,
  PROP_SHOW_DETAILS,
  N_PROPS,
  PROP_DOCUMENT = N_PROPS  /* MpPage's */
};

static GParamSpec *properties[N_PROPS];

typedef enum {
  COL_TITLE,
  COL_RESPONSIBLE,
  COL_SELLER_OWNER,
  COL_CUSTOMER_OWNER,
  COL_START,
  COL_DUE,
  COL_STATUS,
  COL_COMMITMENT,
  COL_TASKS,
  COL_FLAGS,
  N_COLUMNS
} Column;

#define NO_FIELD G_MAXUINT

/* One entry per column: what it shows of a milestone and of a task, the
 * name a screen reader says before the value, and the width it needs for
 * its values (the header's own width is measured, so no translation is
 * cut). The editor for each kind is made in make_editor(). */
static const struct {
  const char *title;
  const char *field_name;
  guint       milestone_field;
  guint       task_field;
  int         width;
} columns[N_COLUMNS] = {
  [COL_TITLE] = { N_("Milestone"), N_("Title"), MP_MILESTONE_TITLE, MP_TASK_TITLE, 160 },
  [COL_RESPONSIBLE] = { N_("Responsible"), N_("Responsible"), MP_MILESTONE_RESPONSIBLE, NO_FIELD, 84 },
  [COL_SELLER_OWNER] = { N_("Seller owner"), N_("Seller owner"), MP_MILESTONE_SELLER_OWNER, MP_TASK_OWNER, 118 },
  [COL_CUSTOMER_OWNER] = { N_("Customer owner"), N_("Customer owner"), MP_MILESTONE_CUSTOMER_OWNER, MP_TASK_OWNER, 118 },
  [COL_START] = { N_("Start"), N_("Start date"), MP_MILESTONE_START, NO_FIELD, 96 },
  [COL_DUE] = { N_("Due"), N_("Due date"), MP_MILESTONE_DUE, MP_TASK_DUE, 150 },
  [COL_STATUS] = { N_("Status"), N_("Status"), MP_MILESTONE_STATUS, MP_TASK_DONE, 116 },
  [COL_COMMITMENT] = { N_("Committed"), N_("Committed"), MP_MILESTONE_COMMITMENT, NO_FIELD, 40 },
  [COL_TASKS] = { N_("Tasks"), N_("Tasks done"), NO_FIELD, NO_FIELD, 40 },
  [COL_FLAGS] = { N_("Attention"), N_("Attention"), NO_FIELD, NO_FIELD, 40 },
};

static void show_toast (MpMilestonesView *self, const char *text, MpMilestone *droppable);
static void hide_toast (MpMilestonesView *self);
static void label_cell (GtkWidget *cell, int col, MpRecord *rec);
static void label_row (GtkListItem *item);
static void on_cell_focus_enter (GtkEventControllerFocus *focus, GtkListItem *item);
static void on_title_position (GtkListItem *item, GParamSpec *pspec, gpointer data);
static gboolean start_pending_edit (gpointer data);

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_descendant (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* ---- rows ---- */

static MpRecord *
item_record (GtkListItem *item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);

  return row ? gtk_tree_list_row_get_item (row) /* transfer full */ : NULL;
}

static MpMilestonesView *
view_of (GtkWidget *widget)
{
  return MP_MILESTONES_VIEW (gtk_widget_get_ancestor (widget, MP_TYPE_MILESTONES_VIEW));
}

/* The milestone a task belongs to: its row's parent when it is in the
 * list, else a look through the plan. */
static MpMilestone *
milestone_of (MpMilestonesView *self,
              MpRecord         *record,
              guint            *task_pos)
{
  GListModel *ms;
  guint n;

  if (MP_IS_MILESTONE (record))
    return MP_MILESTONE (record);
  if (self->document == NULL)
    return NULL;
  {
    GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
    g_autoptr(GObject) item = row ? gtk_tree_list_row_get_item (row) : NULL;
    g_autoptr(GtkTreeListRow) parent = item == (GObject *) record ? gtk_tree_list_row_get_parent (row) : NULL;
    g_autoptr(GObject) m = parent ? gtk_tree_list_row_get_item (parent) : NULL;

    if (MP_IS_MILESTONE (m) && g_list_store_find (mp_milestone_get_tasks (MP_MILESTONE (m)), record, task_pos))
      return MP_MILESTONE (m); /* the plan keeps it */
  }
  ms = G_LIST_MODEL (mp_plan_get_milestones (mp_document_get_plan (self->document)));
  n = g_list_model_get_n_items (ms);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, i);
      if (g_list_store_find (mp_milestone_get_tasks (m), record, task_pos))
        return m;  /* the store keeps it alive */
    }
  return NULL;
}

static void
task_counts (MpMilestone *m,
             guint       *done,
             guint       *n)
{
  GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (m));

  *n = g_list_model_get_n_items (tasks);
  *done = 0;
  for (guint i = 0; i < *n; i++)
    {
      g_autoptr(MpTask) t = g_list_model_get_item (tasks, i);
      *done += mp_task_get_done (t);
    }
}

static char *
task_progress (MpMilestone *m)
{
  guint done, n;

  task_counts (m, &done, &n);
  if (n == 0)
    return g_strdup ("");
  return g_strdup_printf ("%u/%u", done, n);
}

/* ---- cells ----
 * Each cell is a GtkBox made in setup with the editors of its column
 * for both kinds of row; binding shows the one for the row's kind and
 * its values. No editor is made or destroyed while scrolling: the
 * choices of a value open in a popover made when first opened. */

static const char *responsible_strings[] = { NULL, NULL, NULL, NULL };
static const char *status_strings[] = { NULL, NULL, NULL, NULL, NULL, NULL };

static void on_title_editing (GObject *label, GParamSpec *pspec, GtkListItem *item);
static void on_date_chosen (MpDateButton *button, guint date, GtkListItem *item);
static void on_check_toggled (GtkCheckButton *check, GtkListItem *item);

static Column
cell_column (GtkWidget *cell)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "column"));
}

/* The editor of a cell for milestones (and tasks, except in the status
 * column, whose task editor is the "Done" check). */
static GtkWidget *
cell_child (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), "editor");
}

static GtkWidget *
cell_task_child (GtkWidget *cell)
{
  GtkWidget *w = g_object_get_data (G_OBJECT (cell), "task-editor");

  return w ? w : cell_child (cell);
}

/* ---- choices: responsible side, status, owners ---- */

static GtkListItem *
widget_item (GtkWidget *w)
{
  return g_object_get_data (G_OBJECT (w), "list-item");
}

/* The choices of @col for @rec: labels, and the value each stands for
 * (an index for an enum, a participant id or NULL for an owner). */
static void
collect_choices (MpMilestonesView *self,
                 Column            col,
                 GPtrArray        *labels,
                 GPtrArray        *values)
{
  MpPlan *plan = mp_document_get_plan (self->document);
  GListModel *ps;

  switch (col)
    {
    case COL_RESPONSIBLE:
      for (guint i = 0; responsible_strings[i]; i++)
        {
          g_ptr_array_add (labels, g_strdup (responsible_strings[i]));
          g_ptr_array_add (values, GUINT_TO_POINTER (i));
        }
      break;
    case COL_STATUS:
      for (guint i = 0; status_strings[i]; i++)
        {
          g_ptr_array_add (labels, g_strdup (status_strings[i]));
          g_ptr_array_add (values, GUINT_TO_POINTER (i));
        }
      break;
    case COL_SELLER_OWNER:
    case COL_CUSTOMER_OWNER:
      g_ptr_array_add (labels, g_strdup (_("Nobody")));
      g_ptr_array_add (values, NULL);
      ps = G_LIST_MODEL (mp_plan_get_participants (plan));
      for (guint i = 0; i < g_list_model_get_n_items (ps); i++)
        {
          g_autoptr(MpParticipant) p = g_list_model_get_item (ps, i);

          /* Owners only from the column's side. */
          if ((mp_participant_get_side (p) == MP_SIDE_SELLER) != (col == COL_SELLER_OWNER))
            continue;
          g_ptr_array_add (labels, g_strdup (mp_participant_get_name (p)));
          g_ptr_array_add (values, (gpointer) g_intern_string (mp_participant_get_id (p)));
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
apply_choice (MpMilestonesView *self,
              GtkWidget        *button,
              gpointer          value)
{
  GtkListItem *item = widget_item (button);
  g_autoptr(MpRecord) rec = item ? item_record (item) : NULL;
  Column col = cell_column (gtk_widget_get_parent (button));

  if (self->document == NULL || rec == NULL)
    return;
  switch (col)
    {
    case COL_RESPONSIBLE:
    case COL_STATUS:
      if (MP_IS_MILESTONE (rec))
        mp_document_set_int (self->document, rec, columns[col].milestone_field, GPOINTER_TO_UINT (value));
      break;
    case COL_SELLER_OWNER:
    case COL_CUSTOMER_OWNER:
      if (MP_IS_TASK (rec))
        {
          /* "Nobody" in the column that does not show the task's owner
           * leaves the owner alone. */
          MpParticipant *p = mp_plan_find_participant (mp_document_get_plan (self->document),
                                                       mp_task_get_owner (MP_TASK (rec)));
          if (value == NULL && p != NULL &&
              (mp_participant_get_side (p) == MP_SIDE_SELLER) != (col == COL_SELLER_OWNER))
            return;
          mp_document_set_string (self->document, rec, MP_TASK_OWNER, value);
        }
      else
        mp_document_set_string (self->document, rec, columns[col].milestone_field, value);
      break;
    default:
      break;
    }
}

static void
on_choice_activated (GtkListBox    *list,
                     GtkListBoxRow *row,
                     GtkWidget     *button)
{
  MpMilestonesView *self = view_of (button);
  gpointer value = g_object_get_data (G_OBJECT (row), "value");

  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  if (self != NULL)
    apply_choice (self, button, value);
}

static gboolean
choice_visible (GtkListBoxRow *row,
                gpointer       data)
{
  GtkEditable *search = data;
  const char *text = gtk_editable_get_text (search);
  g_autofree char *needle = NULL, *label = NULL;

  if (*text == '\0')
    return TRUE;
  needle = g_utf8_casefold (text, -1);
  label = g_utf8_casefold (g_object_get_data (G_OBJECT (row), "label"), -1);
  return strstr (label, needle) != NULL;
}

static void
on_choice_search (GtkSearchEntry *search,
                  GtkListBox     *list)
{
  gtk_list_box_invalidate_filter (list);
}

/* Enter in the search takes the first person shown. */
static void
on_choice_search_activate (GtkSearchEntry *search,
                           GtkListBox     *list)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row))
      {
        g_signal_emit_by_name (list, "row-activated", row);
        return;
      }
}

static gboolean
grab_focus_idle (gpointer data)
{
  gtk_widget_grab_focus (data);
  return G_SOURCE_REMOVE;
}

/* Made when first opened, filled each time from the plan as it is now. */
static void
create_choice_popup (GtkMenuButton *button,
                     gpointer       data)
{
  MpMilestonesView *self = view_of (GTK_WIDGET (button));
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  GtkWidget *list, *search, *child;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  Column col = cell_column (gtk_widget_get_parent (GTK_WIDGET (button)));
  gpointer current = g_object_get_data (G_OBJECT (button), "value");

  if (self == NULL || self->document == NULL)
    return;
  if (popover == NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      popover = GTK_POPOVER (gtk_popover_new ());
      search = gtk_search_entry_new ();
      list = gtk_list_box_new ();
      gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Find a person"), -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _(columns[col].field_name), -1);
      gtk_list_box_set_filter_func (GTK_LIST_BOX (list), choice_visible, search, NULL);
      g_signal_connect (search, "search-changed", G_CALLBACK (on_choice_search), list);
      g_signal_connect (search, "activate", G_CALLBACK (on_choice_search_activate), list);
      g_signal_connect (list, "row-activated", G_CALLBACK (on_choice_activated), button);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
      gtk_box_append (GTK_BOX (box), search);
      gtk_box_append (GTK_BOX (box), scrolled);
      gtk_popover_set_child (popover, box);
      g_object_set_data (G_OBJECT (popover), "list", list);
      g_object_set_data (G_OBJECT (popover), "search", search);
      gtk_menu_button_set_popover (button, GTK_WIDGET (popover));
      /* Owners are searched by typing; three or five values are not. */
      gtk_widget_set_visible (search, col == COL_SELLER_OWNER || col == COL_CUSTOMER_OWNER);
    }
  list = g_object_get_data (G_OBJECT (popover), "list");
  search = g_object_get_data (G_OBJECT (popover), "search");
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
  collect_choices (self, col, labels, values);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (g_ptr_array_index (labels, i));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_opacity (mark, g_ptr_array_index (values, i) == current ? 1.0 : 0.0);
      gtk_accessible_update_state (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), mark);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "label", g_strdup (g_ptr_array_index (labels, i)), g_free);
      g_object_set_data (G_OBJECT (row), "value", g_ptr_array_index (values, i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      g_ptr_array_index (labels, i), -1);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      if (g_ptr_array_index (values, i) == current)
        gtk_list_box_select_row (GTK_LIST_BOX (list), GTK_LIST_BOX_ROW (row));
    }
  gtk_popover_set_default_widget (popover, NULL);
  if (gtk_widget_get_visible (search))
    g_idle_add_full (G_PRIORITY_HIGH_IDLE, grab_focus_idle, g_object_ref (search), g_object_unref);
}

/* GTK 4.8's GtkEditableLabel stops editing 100 ms after it loses the
 * focus (editing or not), from a timeout that does not hold its
 * controller: a row removed meanwhile (undo of Add, the window closing)
 * would leave that timeout a freed controller. The label is kept alive
 * until then. */
static gboolean
unref_later (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
on_title_focus_leave (GtkEventControllerFocus *focus,
                      gpointer                 data)
{
  GtkWidget *label = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));

  g_timeout_add (250, unref_later, g_object_ref (label));
}

/* A value as text on a flat button; its choices open below it. */
static GtkWidget *
choice_button_new (GtkListItem *item)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), label);
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (button), FALSE);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_choice_popup, NULL, NULL);
  gtk_widget_add_css_class (button, "cell-choice");
  gtk_widget_set_hexpand (button, TRUE);
  g_object_set_data (G_OBJECT (button), "list-item", item);
  return button;
}

static void
choice_button_set (GtkWidget  *button,
                   const char *text,
                   gpointer    value)
{
  GtkWidget *label = gtk_menu_button_get_child (GTK_MENU_BUTTON (button));

  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (button, text);
  g_object_set_data (G_OBJECT (button), "value", value);
}

static GtkWidget *
make_editor (Column       col,
             GtkListItem *item)
{
  GtkWidget *w = NULL;

  switch (col)
    {
    case COL_TITLE:
      w = gtk_editable_label_new ("");
      gtk_widget_set_hexpand (w, TRUE);
      /* Long titles end in "…" (the full text is the tooltip). */
      {
        GtkWidget *label = find_descendant (w, GTK_TYPE_LABEL);
        if (label != NULL)
          {
            gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
            gtk_label_set_width_chars (GTK_LABEL (label), 8);
          }
      }
      g_signal_connect (w, "notify::editing", G_CALLBACK (on_title_editing), item);
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();

        g_signal_connect (focus, "leave", G_CALLBACK (on_title_focus_leave), NULL);
        gtk_widget_add_controller (w, focus);
      }
      break;
    case COL_RESPONSIBLE:
    case COL_SELLER_OWNER:
    case COL_CUSTOMER_OWNER:
    case COL_STATUS:
      w = choice_button_new (item);
      if (col == COL_STATUS)
        gtk_widget_add_css_class (w, "status");
      break;
    case COL_START:
      w = mp_date_button_new ();
      mp_date_button_set_placeholder (MP_DATE_BUTTON (w), "–");
      g_signal_connect (w, "date-chosen", G_CALLBACK (on_date_chosen), item);
      break;
    case COL_DUE:
      {
        GtkWidget *button = mp_date_button_new ();
        GtkWidget *time = gtk_label_new (NULL);

        w = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
        /* The time right after the date, never cut. */
        gtk_widget_set_hexpand (button, FALSE);
        mp_date_button_set_placeholder (MP_DATE_BUTTON (button), "–");
        g_signal_connect (button, "date-chosen", G_CALLBACK (on_date_chosen), item);
        gtk_widget_add_css_class (time, "dim-label");
        gtk_box_append (GTK_BOX (w), button);
        gtk_box_append (GTK_BOX (w), time);
      }
      break;
    case COL_COMMITMENT:
      w = gtk_check_button_new ();
      gtk_widget_set_halign (w, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (w, _("The owner has committed to the date"));
      g_signal_connect (w, "toggled", G_CALLBACK (on_check_toggled), item);
      break;
    case COL_TASKS:
      w = gtk_label_new (NULL);
      gtk_widget_set_tooltip_text (w, _("Tasks done of all"));
      break;
    case COL_FLAGS:
      w = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      {
        GtkWidget *risk = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
        GtkWidget *mail = gtk_image_new_from_icon_name ("mail-unread-symbolic");

        gtk_widget_add_css_class (risk, "warning");
        gtk_box_append (GTK_BOX (w), risk);
        gtk_box_append (GTK_BOX (w), mail);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  return w;
}


static void
refresh_flags (GtkWidget   *cell,
               GtkWidget   *box,
               MpMilestone *m)
{
  MpMilestonesView *self = view_of (cell);
  GtkWidget *risk = gtk_widget_get_first_child (box);
  GtkWidget *mail = gtk_widget_get_next_sibling (risk);
  g_autoptr(MpMilestoneHealth) health = NULL;
  g_autoptr(GString) why = g_string_new (NULL);
  int sent = mp_milestone_get_invited_sequence (m);

  if (self == NULL || self->document == NULL)
    return;
  health = mp_milestone_health_new (mp_document_get_plan (self->document), m, mp_date_today (), NULL);
  if (health->overdue)
    g_string_append_printf (why, g_dngettext (GETTEXT_PACKAGE, "Overdue by %d day", "Overdue by %d days",
                                              health->days_late), health->days_late);
  for (guint i = 0; health->reasons && health->reasons[i]; i++)
    g_string_append_printf (why, "%s%s", why->len ? "\n" : "", health->reasons[i]);
  gtk_widget_set_visible (risk, why->len > 0);
  gtk_widget_set_tooltip_text (risk, why->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (risk), GTK_ACCESSIBLE_PROPERTY_LABEL, why->str, -1);

  {
    /* The invitation: out of date, and the customer's answers (mp-itip.h). */
    MpPlan *plan = mp_document_get_plan (self->document);
    MpStatus status = mp_milestone_get_status (m);
    g_autofree char *answers = mp_itip_describe_answers (plan, MP_RECORD (m),
                                                         status != MP_STATUS_DONE && status != MP_STATUS_DROPPED);
    g_autoptr(GString) tip = g_string_new (NULL);

    g_autoptr(MpItipSummary) sum = answers ? mp_itip_summarize (plan, MP_RECORD (m)) : NULL;
    gboolean outdated = (sent >= 0 || answers != NULL) && mp_ical_event_is_outdated (plan, MP_RECORD (m));

    if (outdated)
      g_string_append (tip, _("Invitation out of date: the milestone changed since it was sent"));
    if (answers != NULL)
      g_string_append_printf (tip, "%s%s", tip->len ? "\n" : "", answers);
    /* A decline or a proposal waits for the seller; out of date waits to be
     * sent; otherwise the answers are there to read. */
    gtk_image_set_from_icon_name (GTK_IMAGE (mail),
                                  sum != NULL && (sum->declined->len > 0 || sum->proposals->len > 0)
                                  ? "mail-mark-important-symbolic"
                                  : outdated ? "mail-unread-symbolic" : "mail-read-symbolic");
    gtk_widget_set_visible (mail, tip->len > 0);
    gtk_widget_set_tooltip_text (mail, tip->str);
    gtk_accessible_update_property (GTK_ACCESSIBLE (mail), GTK_ACCESSIBLE_PROPERTY_LABEL, tip->str, -1);
  }
}

/* Shows the record's values in the cell's editor. */

/* Shows the record's values in the cell. */
static void
refresh_cell (GtkWidget *cell,
              Column     col,
              MpRecord  *rec)
{
  MpMilestonesView *self = view_of (cell);
  MpPlan *plan = self && self->document ? mp_document_get_plan (self->document) : NULL;
  gboolean is_task = MP_IS_TASK (rec);
  GtkWidget *w = cell_child (cell), *task_w = cell_task_child (cell);

  if (w == NULL)
    return;
  /* Milestone-only columns are empty on a task's row. */
  gtk_widget_set_visible (w, !is_task || columns[col].task_field != NO_FIELD);
  if (task_w != w)
    {
      gtk_widget_set_visible (w, !is_task);
      gtk_widget_set_visible (task_w, is_task);
      w = is_task ? task_w : w;
    }
  if (is_task && columns[col].task_field == NO_FIELD)
    return;

  switch (col)
    {
    case COL_TITLE:
      {
        const char *title = is_task ? mp_task_get_title (MP_TASK (rec)) : mp_milestone_get_title (MP_MILESTONE (rec));
        gboolean overdue = !is_task && mp_milestone_is_overdue (MP_MILESTONE (rec), mp_date_today ());
        gboolean dropped = !is_task && mp_milestone_get_status (MP_MILESTONE (rec)) == MP_STATUS_DROPPED;
        gboolean done = is_task && mp_task_get_done (MP_TASK (rec));

        if (!gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (w)))
          gtk_editable_set_text (GTK_EDITABLE (w), title ? title : "");
        if (overdue)
          {
            g_autofree char *tip = g_strdup_printf (_("%s (overdue)"), title ? title : "");
            gtk_widget_set_tooltip_text (w, tip);
          }
        else
          gtk_widget_set_tooltip_text (w, title);
        if (dropped)
          gtk_widget_add_css_class (w, "dropped");
        else
          gtk_widget_remove_css_class (w, "dropped");
        if (overdue)
          gtk_widget_add_css_class (w, "overdue");
        else
          gtk_widget_remove_css_class (w, "overdue");
        if (done)
          gtk_widget_add_css_class (w, "task-done");
        else
          gtk_widget_remove_css_class (w, "task-done");
        gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        is_task ? _("Task title") : _("Milestone title"), -1);
      }
      break;
    case COL_RESPONSIBLE:
      {
        MpParty side = mp_milestone_get_responsible (MP_MILESTONE (rec));
        choice_button_set (w, responsible_strings[side], GUINT_TO_POINTER (side));
      }
      break;
    case COL_SELLER_OWNER:
    case COL_CUSTOMER_OWNER:
      {
        const char *id;
        MpParticipant *p = NULL;

        if (is_task)
          id = mp_task_get_owner (MP_TASK (rec));
        else
          id = col == COL_SELLER_OWNER ? mp_milestone_get_seller_owner (MP_MILESTONE (rec))
                                       : mp_milestone_get_customer_owner (MP_MILESTONE (rec));
        if (plan != NULL && id != NULL)
          p = mp_plan_find_participant (plan, id);
        /* A task has one owner: shown in the column of its side. */
        if (is_task && p != NULL && (mp_participant_get_side (p) == MP_SIDE_SELLER) != (col == COL_SELLER_OWNER))
          p = NULL;
        choice_button_set (w, p ? mp_participant_get_name (p) : "–",
                           p ? (gpointer) g_intern_string (mp_participant_get_id (p)) : NULL);
      }
      break;
    case COL_START:
      mp_date_button_set_date (MP_DATE_BUTTON (w), mp_milestone_get_start (MP_MILESTONE (rec)));
      break;
    case COL_DUE:
      {
        GtkWidget *button = gtk_widget_get_first_child (w);
        GtkWidget *time = gtk_widget_get_next_sibling (button);
        g_autofree char *t = NULL;

        mp_date_button_set_allow_none (MP_DATE_BUTTON (button), is_task);
        if (is_task)
          mp_date_button_set_date (MP_DATE_BUTTON (button), mp_task_get_due (MP_TASK (rec)));
        else
          {
            mp_date_button_set_date (MP_DATE_BUTTON (button), mp_milestone_get_due (MP_MILESTONE (rec)));
            t = mp_time_format (mp_milestone_get_time (MP_MILESTONE (rec)));
          }
        gtk_label_set_text (GTK_LABEL (time), t ? t : "");
        gtk_widget_set_visible (time, t != NULL);
      }
      break;
    case COL_STATUS:
      if (is_task)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (w), mp_task_get_done (MP_TASK (rec)));
      else
        {
          static const char *badges[] = { "status-planned", "status-in-progress", "status-done",
                                          "status-blocked", "status-dropped" };
          MpStatus status = mp_milestone_get_status (MP_MILESTONE (rec));

          choice_button_set (w, status_strings[status], GUINT_TO_POINTER (status));
          for (guint i = 0; i < G_N_ELEMENTS (badges); i++)
            if (i == status)
              gtk_widget_add_css_class (w, badges[i]);
            else
              gtk_widget_remove_css_class (w, badges[i]);
        }
      break;
    case COL_COMMITMENT:
      gtk_check_button_set_active (GTK_CHECK_BUTTON (w), mp_milestone_get_commitment (MP_MILESTONE (rec)));
      break;
    case COL_TASKS:
      {
        g_autofree char *progress = task_progress (MP_MILESTONE (rec));
        gtk_label_set_text (GTK_LABEL (w), progress);
      }
      break;
    case COL_FLAGS:
      refresh_flags (cell, w, MP_MILESTONE (rec));
      break;
    default:
      break;
    }
  label_cell (cell, col, rec);
}


static void
update_leaf (GtkWidget *expander,
             MpRecord  *rec)
{
  gboolean leaf = !MP_IS_MILESTONE (rec) ||
                  g_list_model_get_n_items (G_LIST_MODEL (mp_milestone_get_tasks (MP_MILESTONE (rec)))) == 0;

  if (leaf)
    gtk_widget_add_css_class (expander, "leaf");
  else
    gtk_widget_remove_css_class (expander, "leaf");
}

/* Whether a change of @pspec on @rec shows in @col: the rest of a
 * record's changes leave the cell alone. */
static gboolean
column_follows (Column      col,
                MpRecord   *rec,
                GParamSpec *pspec)
{
  GParamSpec **p = MP_RECORD_GET_CLASS (rec)->pspecs;

  if (MP_IS_TASK (rec))
    switch (col)
      {
      case COL_TITLE:
        return pspec == p[MP_TASK_TITLE] || pspec == p[MP_TASK_DONE];
      case COL_SELLER_OWNER:
      case COL_CUSTOMER_OWNER:
        return pspec == p[MP_TASK_OWNER];
      case COL_DUE:
        return pspec == p[MP_TASK_DUE];
      case COL_STATUS:
        return pspec == p[MP_TASK_DONE];
      default:
        return FALSE;
      }
  switch (col)
    {
    case COL_TITLE:
      return pspec == p[MP_MILESTONE_TITLE] || pspec == p[MP_MILESTONE_STATUS] || pspec == p[MP_MILESTONE_DUE];
    case COL_DUE:
      return pspec == p[MP_MILESTONE_DUE] || pspec == p[MP_MILESTONE_TIME];
    case COL_TASKS:
    case COL_FLAGS:
      return FALSE; /* refreshed once per change: see on_document_changed */
    default:
      return pspec == p[columns[col].milestone_field];
    }
}

static void
on_record_notify (MpRecord    *rec,
                  GParamSpec  *pspec,
                  GtkListItem *item)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  Column col = cell_column (cell);

  if (!column_follows (col, rec, pspec))
    return;
  refresh_cell (cell, col, rec);
  if (col == COL_TITLE)
    label_row (item);
}

static void
on_tasks_changed (GListModel  *tasks,
                  guint        position,
                  guint        removed,
                  guint        added,
                  GtkListItem *item)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  GtkWidget *expander = g_object_get_data (G_OBJECT (cell), "expander");
  g_autoptr(MpRecord) rec = item_record (item);

  if (rec == NULL)
    return;
  if (expander != NULL)
    update_leaf (expander, rec);
  else
    refresh_cell (cell, cell_column (cell), rec);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  Column col = GPOINTER_TO_INT (user_data);
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *editor = make_editor (col, item);

  g_object_set_data (G_OBJECT (cell), "column", GINT_TO_POINTER (col));
  g_object_set_data (G_OBJECT (cell), "editor", editor);
  if (col == COL_TITLE)
    {
      GtkWidget *expander = gtk_tree_expander_new ();

      gtk_widget_set_hexpand (expander, TRUE);
      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), editor);
      gtk_box_append (GTK_BOX (cell), expander);
      g_object_set_data (G_OBJECT (cell), "expander", expander);
    }
  else
    gtk_box_append (GTK_BOX (cell), editor);
  if (col == COL_STATUS)
    {
      GtkWidget *done = gtk_check_button_new_with_label (_("Done"));

      g_signal_connect (done, "toggled", G_CALLBACK (on_check_toggled), item);
      gtk_box_append (GTK_BOX (cell), done);
      g_object_set_data (G_OBJECT (cell), "task-editor", done);
    }
  gtk_list_item_set_child (item, cell);
  /* Keyboard focus goes to the editors, not to the row; the focus
   * entering any of them selects the row, so Delete, Move and Details
   * act on the row being edited. */
  gtk_list_item_set_activatable (item, FALSE);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus_enter), item);
    gtk_widget_add_controller (cell, focus);
  }
  if (col == COL_TITLE)
    {
      g_signal_connect (item, "notify::position", G_CALLBACK (on_title_position), NULL);
      /* A new row's cells are bound before they are in the row. */
      g_signal_connect_swapped (cell, "map", G_CALLBACK (label_row), item);
    }
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  Column col = GPOINTER_TO_INT (user_data);
  GtkWidget *cell = gtk_list_item_get_child (item);
  GtkWidget *expander = g_object_get_data (G_OBJECT (cell), "expander");
  g_autoptr(MpRecord) rec = item_record (item);
  MpMilestonesView *self = g_object_get_data (G_OBJECT (factory), "view");

  if (rec == NULL)
    return;
  if (expander)
    {
      gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), gtk_list_item_get_item (item));
      update_leaf (expander, rec);
    }
  refresh_cell (cell, col, rec);
  g_object_set_data (G_OBJECT (item), "notify-handler",
                     GSIZE_TO_POINTER (g_signal_connect (rec, "notify", G_CALLBACK (on_record_notify), item)));
  if ((col == COL_TASKS || col == COL_TITLE) && MP_IS_MILESTONE (rec))
    g_object_set_data (G_OBJECT (item), "tasks-handler",
                       GSIZE_TO_POINTER (g_signal_connect (mp_milestone_get_tasks (MP_MILESTONE (rec)), "items-changed",
                                                           G_CALLBACK (on_tasks_changed), item)));
  g_object_set_data_full (G_OBJECT (item), "bound", g_object_ref (rec), g_object_unref);
  if ((col == COL_FLAGS || col == COL_TASKS) && self != NULL)
    g_hash_table_add (self->live_items, item);
  if (col == COL_TITLE && self != NULL)
    {
      g_hash_table_add (self->title_items, item);
      label_row (item);
    }
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  MpRecord *rec = g_object_get_data (G_OBJECT (item), "bound");
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "notify-handler"));
  gulong tasks_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "tasks-handler"));
  MpMilestonesView *self = g_object_get_data (G_OBJECT (factory), "view");

  if (rec != NULL && id != 0)
    g_signal_handler_disconnect (rec, id);
  if (rec != NULL && tasks_id != 0)
    g_signal_handler_disconnect (mp_milestone_get_tasks (MP_MILESTONE (rec)), tasks_id);
  g_object_set_data (G_OBJECT (item), "notify-handler", NULL);
  g_object_set_data (G_OBJECT (item), "tasks-handler", NULL);
  g_object_set_data (G_OBJECT (item), "bound", NULL);
  if (self != NULL)
    {
      g_hash_table_remove (self->live_items, item);
      g_hash_table_remove (self->title_items, item);
    }
}


static gboolean
refresh_live_idle (gpointer data)
{
  MpMilestonesView *self = data;
  GHashTableIter iter;
  gpointer key;

  self->live_id = 0;
  g_hash_table_iter_init (&iter, self->live_items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GtkListItem *item = key;
      MpRecord *rec = g_object_get_data (G_OBJECT (item), "bound");
      GtkWidget *cell = gtk_list_item_get_child (item);

      if (MP_IS_MILESTONE (rec) && cell_child (cell) != NULL)
        refresh_cell (cell, cell_column (cell), rec);
    }
  return G_SOURCE_REMOVE;
}

/* Risks depend on other milestones, blackouts and people, and a task's
 * tick on its milestone's progress: after a change that can touch them,
 * the bound rows' live cells are refreshed once before the next frame.
 * A title, a description or a task's owner cannot. */
static void
on_record_changed (MpDocument       *document,
                   MpRecord         *record,
                   guint             field,
                   MpMilestonesView *self)
{
  if (MP_IS_MILESTONE (record))
    switch (field)
      {
      case MP_MILESTONE_TITLE:
      case MP_MILESTONE_DESCRIPTION:
      case MP_MILESTONE_NOTES:
      case MP_MILESTONE_LOCATION:
      case MP_MILESTONE_DURATION_MINUTES:
      case MP_MILESTONE_REMINDER_DAYS:
      case MP_MILESTONE_INVITE:
        return;
      default:
        break;
      }
  else if (MP_IS_TASK (record) && (field == MP_TASK_TITLE || field == MP_TASK_OWNER))
    return;
  else if (MP_IS_HISTORY_ENTRY (record))
    return;
  if (self->live_id == 0)
    self->live_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_live_idle, self, NULL);
}

/* A new step: the notice about the last one goes. */
static void
on_document_changed (MpMilestonesView *self)
{
  if (!self->toast_arming)
    hide_toast (self);
}

/* ---- editing: widget → document ---- */


static void
on_title_editing (GObject     *label,
                  GParamSpec  *pspec,
                  GtkListItem *item)
{
  MpMilestonesView *self = view_of (GTK_WIDGET (label));
  g_autoptr(MpRecord) rec = NULL;
  const char *text;

  /* GtkEditableLabel changes its text on every key: commit when editing
   * ends. A label no longer in the list (its row removed) commits nothing. */
  if (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (label)) || self == NULL)
    return;
  rec = item_record (item);
  if (rec == NULL)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (label));
  if (*text == '\0')
    {
      /* An empty title is not a title: show the old one again. */
      refresh_cell (gtk_list_item_get_child (item), COL_TITLE, rec);
      return;
    }
  mp_document_set_string (self->document, rec, MP_IS_TASK (rec) ? MP_TASK_TITLE : MP_MILESTONE_TITLE, text);
  /* Enter ends typing a title and keeps the focus on it. */
  gtk_widget_grab_focus (GTK_WIDGET (label));
}


static void
on_date_chosen (MpDateButton *button,
                guint         date,
                GtkListItem  *item)
{
  MpMilestonesView *self = view_of (GTK_WIDGET (button));
  g_autoptr(MpRecord) rec = item_record (item);
  GtkWidget *cell = gtk_list_item_get_child (item);

  if (self == NULL || self->document == NULL || rec == NULL)
    return;
  if (MP_IS_TASK (rec))
    mp_document_set_date (self->document, rec, MP_TASK_DUE, date);
  else
    {
      MpDate due = mp_milestone_get_due (MP_MILESTONE (rec));

      /* start ≤ due: the document moves the other date along, and the
       * page says so. */
      mp_document_set_date (self->document, rec,
                            cell_column (cell) == COL_START ? MP_MILESTONE_START : MP_MILESTONE_DUE, date);
      if (cell_column (cell) == COL_START && mp_milestone_get_due (MP_MILESTONE (rec)) != due)
        {
          g_autofree char *when = mp_date_format (mp_milestone_get_due (MP_MILESTONE (rec)));
          g_autofree char *text = g_strdup_printf (_("Due date moved to %s to keep it after the start"), when);

          show_toast (self, text, NULL);
        }
    }
}

static void
on_check_toggled (GtkCheckButton *check,
                  GtkListItem    *item)
{
  MpMilestonesView *self = view_of (GTK_WIDGET (check));
  g_autoptr(MpRecord) rec = item_record (item);
  gboolean active = gtk_check_button_get_active (check);

  Column col = cell_column (gtk_widget_get_parent (GTK_WIDGET (check)));

  if (self == NULL || self->document == NULL || rec == NULL)
    return;
  if (MP_IS_TASK (rec) && col == COL_STATUS)
    mp_document_set_bool (self->document, rec, MP_TASK_DONE, active);
  else if (MP_IS_MILESTONE (rec) && col == COL_COMMITMENT)
    mp_document_set_bool (self->document, rec, MP_MILESTONE_COMMITMENT, active);
}



/* ---- names for screen readers: "Status: Done", "Demo, row 3 of 13" ---- */

static char *
cell_value_text (GtkWidget *cell,
                 int        col,
                 MpRecord  *rec)
{
  MpMilestonesView *self = view_of (cell);
  MpPlan *plan = self && self->document ? mp_document_get_plan (self->document) : NULL;
  gboolean task = MP_IS_TASK (rec);
  MpMilestone *m = task ? NULL : MP_MILESTONE (rec);

  switch (col)
    {
    case COL_TITLE:
      return g_strdup (task ? mp_task_get_title (MP_TASK (rec)) : mp_milestone_get_title (m));
    case COL_RESPONSIBLE:
      return task ? NULL : g_strdup (responsible_strings[mp_milestone_get_responsible (m)]);
    case COL_SELLER_OWNER:
    case COL_CUSTOMER_OWNER:
      {
        const char *id = task ? mp_task_get_owner (MP_TASK (rec))
                              : col == COL_SELLER_OWNER ? mp_milestone_get_seller_owner (m)
                                                        : mp_milestone_get_customer_owner (m);
        MpParticipant *p = id && plan ? mp_plan_find_participant (plan, id) : NULL;

        if (task && p != NULL && (mp_participant_get_side (p) == MP_SIDE_SELLER) != (col == COL_SELLER_OWNER))
          p = NULL;
        return g_strdup (p ? mp_participant_get_name (p) : _("Nobody"));
      }
    case COL_START:
    case COL_DUE:
      {
        MpDate d = task ? (col == COL_DUE ? mp_task_get_due (MP_TASK (rec)) : MP_DATE_NONE)
                        : col == COL_START ? mp_milestone_get_start (m) : mp_milestone_get_due (m);

        if (task && col == COL_START)
          return NULL;
        return d == MP_DATE_NONE ? g_strdup (_("none")) : mp_date_format (d);
      }
    case COL_STATUS:
      if (task)
        return g_strdup (mp_task_get_done (MP_TASK (rec)) ? _("Done") : _("Not done"));
      return g_strdup (status_strings[mp_milestone_get_status (m)]);
    case COL_COMMITMENT:
      return task ? NULL : g_strdup (mp_milestone_get_commitment (m) ? _("Yes") : _("No"));
    case COL_TASKS:
      {
        guint done, n;

        if (task)
          return NULL;
        task_counts (m, &done, &n);
        return g_strdup_printf (_("%u of %u"), done, n);
      }
    case COL_FLAGS:
      {
        GtkWidget *box = gtk_widget_get_first_child (cell);
        g_autoptr(GString) s = g_string_new (NULL);

        if (task || box == NULL)
          return NULL;
        for (GtkWidget *i = gtk_widget_get_first_child (box); i; i = gtk_widget_get_next_sibling (i))
          if (gtk_widget_get_visible (i) && gtk_widget_get_tooltip_text (i))
            g_string_append_printf (s, "%s%s", s->len ? "; " : "", gtk_widget_get_tooltip_text (i));
        return g_strdup (s->len ? s->str : _("nothing"));
      }
    default:
      return NULL;
    }
}

static void
label_cell (GtkWidget *cell,
            int        col,
            MpRecord  *rec)
{
  g_autofree char *value = cell_value_text (cell, col, rec);
  char *text;
  GtkWidget *w = MP_IS_TASK (rec) ? cell_task_child (cell) : cell_child (cell);
  GtkWidget *parent = gtk_widget_get_parent (cell);

  if (value == NULL)
    return;
  text = g_strdup_printf (_("%s: %s"), _(columns[col].field_name), value);
  /* Names change far less often than rows are bound: only real changes
   * reach the accessibility layer. (The GtkColumnViewCell around is named
   * by its column, mp-a11y.c.) */
  if (parent == NULL || g_strcmp0 (text, g_object_get_data (G_OBJECT (cell), "a11y-label")) == 0)
    {
      g_free (text);
      return;
    }
  g_object_set_data_full (G_OBJECT (cell), "a11y-label", text, g_free);
  if (col == COL_TITLE || w == NULL)
    return;
  if (GTK_IS_BOX (w) && col == COL_DUE)
    w = gtk_widget_get_first_child (w);
  if (MP_IS_PARTICIPANT_PICKER (w))
    mp_participant_picker_set_accessible_label (MP_PARTICIPANT_PICKER (w), text);
  else if (MP_IS_DATE_BUTTON (w))
    mp_date_button_set_accessible_label (MP_DATE_BUTTON (w), text);
  else
    {
      /* A menu button's focusable part is its toggle button. */
      GtkWidget *target = GTK_IS_MENU_BUTTON (w) ? find_descendant (w, GTK_TYPE_TOGGLE_BUTTON) : w;

      if (target != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      if (target != w)
        gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
}

/* The row (GtkColumnView's row widget, around the cells): its title and
 * its place in the list. */
static void
label_row (GtkListItem *item)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  GtkWidget *parent = cell ? gtk_widget_get_parent (cell) : NULL;
  GtkWidget *row = parent ? gtk_widget_get_parent (parent) : NULL;
  MpMilestonesView *self = cell ? view_of (cell) : NULL;
  g_autoptr(MpRecord) rec = item_record (item);
  g_autofree char *text = NULL;
  const char *title;

  if (row == NULL || rec == NULL || self == NULL || self->tree == NULL ||
      gtk_list_item_get_position (item) == GTK_INVALID_LIST_POSITION)
    return;
  title = MP_IS_TASK (rec) ? mp_task_get_title (MP_TASK (rec)) : mp_milestone_get_title (MP_MILESTONE (rec));
  text = g_strdup_printf (MP_IS_TASK (rec) ? _("Task %s, row %u of %u") : _("%s, row %u of %u"), title ? title : "",
                          gtk_list_item_get_position (item) + 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->tree)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  /* Named here: mp-a11y.c's "Row 3 of 13" for rows nobody names stays off. */
  g_object_set_data (G_OBJECT (row), "mp-a11y-titled", GINT_TO_POINTER (1));
}

static void
on_title_position (GtkListItem *item,
                   GParamSpec  *pspec,
                   gpointer     data)
{
  label_row (item);
}

static void
relabel_rows (MpMilestonesView *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->title_items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    label_row (key);
}

static void
on_cell_focus_enter (GtkEventControllerFocus *focus,
                     GtkListItem             *item)
{
  MpMilestonesView *self = view_of (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)));
  guint pos = gtk_list_item_get_position (item);

  if (self != NULL && pos != GTK_INVALID_LIST_POSITION &&
      gtk_single_selection_get_selected (self->selection) != pos)
    gtk_single_selection_set_selected (self->selection, pos);
}
/* ---- selection ---- */

static MpRecord *
selected_record (MpMilestonesView *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);

  return row ? gtk_tree_list_row_get_item (row) : NULL;
}

MpMilestone *
mp_milestones_view_get_selected (MpMilestonesView *self)
{
  g_autoptr(MpRecord) rec = NULL;

  g_return_val_if_fail (MP_IS_MILESTONES_VIEW (self), NULL);
  rec = selected_record (self);
  return rec ? milestone_of (self, rec, NULL) : NULL;
}

GtkSingleSelection *
mp_milestones_view_get_selection (MpMilestonesView *self)
{
  g_return_val_if_fail (MP_IS_MILESTONES_VIEW (self), NULL);
  return self->selection;
}

MpMilestoneFilter *
mp_milestones_view_get_filter (MpMilestonesView *self)
{
  g_return_val_if_fail (MP_IS_MILESTONES_VIEW (self), NULL);
  return self->filter;
}

/* There is no gtk_column_view_scroll_to() in GTK 4.8: rows have one
 * height, so the row's place follows from the adjustment's range. Done
 * after the next layout (an idle runs after GTK's resize and redraw), so
 * that a row just added is counted. */
static gboolean
scroll_idle (gpointer data)
{
  MpMilestonesView *self = data;
  guint i = gtk_single_selection_get_selected (self->selection);
  guint n = self->tree ? g_list_model_get_n_items (G_LIST_MODEL (self->tree)) : 0;
  GtkAdjustment *adj;
  double upper, page, value, row_h, top;

  self->scroll_id = 0;
  if (n == 0 || i == GTK_INVALID_LIST_POSITION)
    return G_SOURCE_REMOVE;
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  upper = gtk_adjustment_get_upper (adj);
  page = gtk_adjustment_get_page_size (adj);
  value = gtk_adjustment_get_value (adj);
  if (upper <= page)
    return G_SOURCE_REMOVE;
  row_h = upper / (n + 1); /* the header is about one row */
  top = (i + 1) * row_h;
  if (top < value + row_h || top + row_h > value + page)
    gtk_adjustment_set_value (adj, CLAMP (top - page / 3, 0, upper - page));
  return G_SOURCE_REMOVE;
}

static void
scroll_to_selected (MpMilestonesView *self)
{
  if (self->scroll_id == 0)
    self->scroll_id = g_idle_add (scroll_idle, self);
}

/* The row of @record in the list (its milestone expanded first when
 * @expand), or GTK_INVALID_LIST_POSITION when it is filtered out. The
 * k-th shown milestone is the k-th top-level row. */
static guint
row_position (MpMilestonesView *self,
              MpRecord         *record,
              gboolean          expand)
{
  guint task_pos = 0, n;
  MpMilestone *m = milestone_of (self, record, &task_pos);
  GListModel *shown = mp_milestone_filter_get_model (self->filter);

  if (m == NULL || self->tree == NULL)
    return GTK_INVALID_LIST_POSITION;
  n = g_list_model_get_n_items (shown);
  for (guint k = 0; k < n; k++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (shown, k);
      g_autoptr(GtkTreeListRow) row = NULL;

      if (item != (GObject *) m)
        continue;
      row = gtk_tree_list_model_get_child_row (self->tree, k);
      if (row == NULL)
        return GTK_INVALID_LIST_POSITION;
      if (MP_IS_TASK (record))
        {
          g_autoptr(GtkTreeListRow) child = NULL;

          if (!gtk_tree_list_row_get_expanded (row))
            {
              if (!expand)
                return GTK_INVALID_LIST_POSITION;
              gtk_tree_list_row_set_expanded (row, TRUE);
            }
          child = gtk_tree_list_row_get_child_row (row, task_pos);
          return child ? gtk_tree_list_row_get_position (child) : GTK_INVALID_LIST_POSITION;
        }
      return gtk_tree_list_row_get_position (row);
    }
  return GTK_INVALID_LIST_POSITION;
}

void
mp_milestones_view_select (MpMilestonesView *self,
                           MpRecord         *record)
{
  guint pos;

  g_return_if_fail (MP_IS_MILESTONES_VIEW (self));
  if (self->tree == NULL || record == NULL)
    return;
  pos = row_position (self, record, TRUE);
  if (pos == GTK_INVALID_LIST_POSITION && !mp_milestone_filter_is_empty (self->filter))
    {
      /* Filtered out: show everything again rather than nothing. */
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      pos = row_position (self, record, TRUE);
    }
  if (pos == GTK_INVALID_LIST_POSITION)
    return;
  gtk_single_selection_set_selected (self->selection, pos);
  scroll_to_selected (self);
}

/* The title editor of @record's row, when that row is shown. */
static GtkWidget *
title_editor (MpMilestonesView *self,
              MpRecord         *record)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->title_items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_object_get_data (G_OBJECT (key), "bound") == (gpointer) record)
      {
        GtkWidget *editor = find_descendant (gtk_list_item_get_child (key), GTK_TYPE_EDITABLE_LABEL);

        if (editor != NULL && gtk_widget_get_mapped (editor))
          return editor;
      }
  return NULL;
}

/* After Add: the new row's title opens for typing once the row is shown. */
static gboolean
start_pending_edit (gpointer data)
{
  MpMilestonesView *self = data;
  GtkWidget *editor;

  self->edit_id = 0;
  if (self->pending_edit == NULL)
    return G_SOURCE_REMOVE;
  editor = title_editor (self, self->pending_edit);
  if (editor == NULL)
    {
      /* Not laid out yet: after the next frame. */
      self->edit_id = g_timeout_add (20, start_pending_edit, self);
      return G_SOURCE_REMOVE;
    }
  g_clear_object (&self->pending_edit);
  gtk_widget_grab_focus (editor);
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (editor));
  gtk_editable_select_region (GTK_EDITABLE (editor), 0, -1);
  return G_SOURCE_REMOVE;
}

static void
edit_title_when_shown (MpMilestonesView *self,
                       MpRecord         *record)
{
  g_set_object (&self->pending_edit, record);
  if (self->edit_id == 0)
    self->edit_id = g_timeout_add (20, start_pending_edit, self);
}

/* Keeps the keyboard focus on the selected row (after remove, undo, move). */
static gboolean
focus_selected_idle (gpointer data)
{
  MpMilestonesView *self = data;
  g_autoptr(MpRecord) rec = selected_record (self);
  GtkWidget *editor = rec ? title_editor (self, rec) : NULL;

  if (editor != NULL && !gtk_widget_has_focus (editor))
    gtk_widget_grab_focus (editor);
  return G_SOURCE_REMOVE;
}

static void
update_actions (MpMilestonesView *self)
{
  gboolean any = gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "milestones.remove", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "milestones.add-task", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "milestones.move-up", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "milestones.move-down", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "milestones.toggle-done", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "milestones.add", self->document != NULL);
}

static void
on_selection_changed (MpMilestonesView *self)
{
  guint pos = gtk_single_selection_get_selected (self->selection);

  if (pos != GTK_INVALID_LIST_POSITION)
    self->last_selected = pos;
  if (gtk_widget_get_visible (GTK_WIDGET (self->detail)))
    mp_milestone_detail_set_milestone (self->detail, mp_milestones_view_get_selected (self));
  update_actions (self);
}

/* The selected row went away (removed, undone): its neighbour takes the
 * selection, and the focus if the list had it. From an idle: not while
 * the models are still telling each other about the change. */
static gboolean
restore_selection_idle (gpointer data)
{
  MpMilestonesView *self = data;
  guint n = self->tree ? g_list_model_get_n_items (G_LIST_MODEL (self->tree)) : 0;

  self->restore_id = 0;
  if (n > 0 && self->last_selected != GTK_INVALID_LIST_POSITION &&
      gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    {
      gboolean had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self->view)) != NULL;

      gtk_single_selection_set_selected (self->selection, MIN (self->last_selected, n - 1));
      if (had_focus)
        g_idle_add_full (G_PRIORITY_LOW, focus_selected_idle, g_object_ref (self), g_object_unref);
    }
  return G_SOURCE_REMOVE;
}

static void
on_rows_changed (GListModel       *model,
                 guint             position,
                 guint             removed,
                 guint             added,
                 MpMilestonesView *self)
{
  if (removed > 0 && !self->filtering && self->restore_id == 0 &&
      gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    self->restore_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, restore_selection_idle, self, NULL);
  relabel_rows (self);
}

static gboolean
select_pending_idle (gpointer data)
{
  MpMilestonesView *self = data;
  g_autoptr(MpRecord) rec = g_steal_pointer (&self->pending_select);

  self->select_id = 0;
  if (rec != NULL)
    mp_milestones_view_select (self, rec);
  return G_SOURCE_REMOVE;
}

/* A milestone that comes (back) into the plan, by add, undo or redo of a
 * remove or a move, is selected. */
static void
on_milestones_changed (GListModel       *model,
                       guint             position,
                       guint             removed,
                       guint             added,
                       MpMilestonesView *self)
{
  if (added != 1)
    return;
  g_clear_object (&self->pending_select);
  self->pending_select = g_list_model_get_item (model, position);
  if (self->select_id == 0)
    self->select_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, select_pending_idle, self, NULL);
}

/* ---- the notice at the bottom: "Removed … · Undo" ---- */

static void
hide_toast (MpMilestonesView *self)
{
  g_clear_handle_id (&self->toast_id, g_source_remove);
  g_clear_object (&self->toast_milestone);
  gtk_revealer_set_reveal_child (self->toast, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->toast), FALSE);
}

static gboolean
toast_timeout (gpointer data)
{
  MpMilestonesView *self = data;

  self->toast_id = 0;
  hide_toast (self);
  return G_SOURCE_REMOVE;
}

/* Shows @text with "Undo" (which undoes the step just done); with
 * @droppable also "Drop Instead". The next change hides it. */
static void
show_toast (MpMilestonesView *self,
            const char       *text,
            MpMilestone      *droppable)
{
  hide_toast (self);
  gtk_label_set_text (self->toast_label, text);
  gtk_widget_set_visible (self->toast_drop, droppable != NULL);
  g_set_object (&self->toast_milestone, droppable);
  gtk_widget_set_visible (GTK_WIDGET (self->toast), TRUE);
  gtk_revealer_set_reveal_child (self->toast, TRUE);
  self->toast_id = g_timeout_add_seconds (10, toast_timeout, self);
}

static void
on_toast_undo (MpMilestonesView *self)
{
  hide_toast (self);
  if (self->document != NULL && mp_document_can_undo (self->document))
    mp_document_undo (self->document);
}

static void
on_toast_drop (MpMilestonesView *self)
{
  g_autoptr(MpMilestone) m = self->toast_milestone ? g_object_ref (self->toast_milestone) : NULL;

  hide_toast (self);
  if (self->document == NULL || m == NULL || !mp_document_can_undo (self->document))
    return;
  /* Back, and dropped: it stays in the plan, struck through, and Send
   * Invitations cancels it in the attendees' calendars. */
  mp_document_undo (self->document);
  mp_document_set_int (self->document, MP_RECORD (m), MP_MILESTONE_STATUS, MP_STATUS_DROPPED);
  mp_milestones_view_select (self, MP_RECORD (m));
}

/* ---- commands ---- */

static MpDate
after_working_days (MpPlan *plan,
                    MpDate  from,
                    int     days)
{
  MpDate d = from;

  for (int guard = 0; days > 0 && guard < 400; guard++)
    {
      d++;
      if (mp_plan_is_working_day (plan, MP_PARTY_BOTH, d))
        days--;
    }
  return d;
}

/* Never in the past: the later of 5 working days after the milestone
 * above and 5 working days from today. */
static MpDate
default_due (MpMilestonesView *self,
             MpMilestone      *above)
{
  MpPlan *plan = mp_document_get_plan (self->document);
  MpDate soonest = after_working_days (plan, mp_date_today (), 5);
  MpDate base = above ? mp_milestone_get_due (above) : MP_DATE_NONE;

  if (base == MP_DATE_NONE)
    return soonest;
  return MAX (after_working_days (plan, base, 5), soonest);
}

static void
clear_filter (MpMilestonesView *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->filter_kind, 0);
  mp_milestone_filter_set_text (self->filter, NULL);
  mp_milestone_filter_set_kind (self->filter, MP_MILESTONE_FILTER_ALL, NULL);
}

static void
add_milestone (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MpMilestonesView *self = MP_MILESTONES_VIEW (widget);
  MpMilestone *after;
  GListStore *store;
  g_autoptr(MpMilestone) m = NULL;
  g_autoptr(MpMilestone) above = NULL;
  guint pos;

  if (self->document == NULL)
    return;
  /* A new row must be seen. */
  if (!mp_milestone_filter_is_empty (self->filter))
    clear_filter (self);
  after = mp_milestones_view_get_selected (self);
  store = mp_plan_get_milestones (mp_document_get_plan (self->document));
  if (after == NULL || !g_list_store_find (store, after, &pos))
    pos = g_list_model_get_n_items (G_LIST_MODEL (store));
  else
    pos++;
  if (pos > 0)
    above = g_list_model_get_item (G_LIST_MODEL (store), pos - 1);
  m = mp_milestone_new ();
  mp_milestone_set_title (m, _("New milestone"));
  mp_milestone_set_due (m, default_due (self, above));
  mp_document_begin (self->document, _("Add Milestone"));
  mp_document_insert (self->document, store, pos, MP_RECORD (m));
  mp_document_end (self->document);
  mp_milestones_view_select (self, MP_RECORD (m));
  edit_title_when_shown (self, MP_RECORD (m));
}

static void
add_task (GtkWidget  *widget,
          const char *action_name,
          GVariant   *param)
{
  MpMilestonesView *self = MP_MILESTONES_VIEW (widget);
  MpMilestone *m = mp_milestones_view_get_selected (self);
  g_autoptr(MpRecord) rec = NULL;
  g_autoptr(MpTask) t = NULL;
  GListStore *tasks;
  guint pos;

  if (self->document == NULL || m == NULL)
    return;
  tasks = mp_milestone_get_tasks (m);
  rec = selected_record (self);
  if (MP_IS_TASK (rec) && g_list_store_find (tasks, rec, &pos))
    pos++;
  else
    pos = g_list_model_get_n_items (G_LIST_MODEL (tasks));
  t = mp_task_new ();
  mp_task_set_title (t, _("New task"));
  mp_document_begin (self->document, _("Add Task"));
  mp_document_insert (self->document, tasks, pos, MP_RECORD (t));
  mp_document_end (self->document);
  mp_milestones_view_select (self, MP_RECORD (t));
  edit_title_when_shown (self, MP_RECORD (t));
}

static void
remove_selected (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  MpMilestonesView *self = MP_MILESTONES_VIEW (widget);
  g_autoptr(MpRecord) rec = selected_record (self);
  g_autofree char *text = NULL;
  MpMilestone *droppable = NULL;
  guint pos;

  if (self->document == NULL || rec == NULL)
    return;
  self->toast_arming = TRUE;
  if (MP_IS_TASK (rec))
    {
      MpMilestone *m = milestone_of (self, rec, &pos);

      if (m != NULL)
        {
          text = g_strdup_printf (_("Removed task “%s”"), mp_task_get_title (MP_TASK (rec)));
          mp_document_begin (self->document, _("Remove Task"));
          mp_document_remove (self->document, mp_milestone_get_tasks (m), pos);
          mp_document_end (self->document);
        }
    }
  else
    {
      MpMilestone *m = MP_MILESTONE (rec);
      guint done, n;

      task_counts (m, &done, &n);
      if (n == 0)
        text = g_strdup_printf (_("Removed “%s”"), mp_milestone_get_title (m));
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Removed “%s” and %u task", "Removed “%s” and %u tasks", n),
                                mp_milestone_get_title (m), n);
      /* Sent or promised: it is in someone's calendar. Dropping keeps it
       * visible and cancels it there. */
      if ((mp_milestone_get_invited_sequence (m) >= 0 || mp_milestone_get_commitment (m)) &&
          mp_milestone_get_status (m) != MP_STATUS_DROPPED)
        droppable = m;
      mp_document_remove_milestone (self->document, m);
    }
  self->toast_arming = FALSE;
  if (text != NULL)
    show_toast (self, text, droppable);
}

static void
move_selected (MpMilestonesView *self,
               int               delta)
{
  g_autoptr(MpRecord) rec = selected_record (self);
  GListStore *store;
  guint pos, n;

  if (self->document == NULL || rec == NULL)
    return;
  if (MP_IS_TASK (rec))
    {
      MpMilestone *m = milestone_of (self, rec, &pos);
      if (m == NULL)
        return;
      store = mp_milestone_get_tasks (m);
    }
  else
    {
      store = mp_plan_get_milestones (mp_document_get_plan (self->document));
      if (!g_list_store_find (store, rec, &pos))
        return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  if ((delta < 0 && pos == 0) || (delta > 0 && pos + 1 >= n))
    return;
  mp_document_begin (self->document, MP_IS_TASK (rec) ? _("Move Task") : _("Move Milestone"));
  mp_document_move (self->document, store, pos, pos + delta);
  mp_document_end (self->document);
  mp_milestones_view_select (self, rec);
  g_idle_add_full (G_PRIORITY_LOW, focus_selected_idle, g_object_ref (self), g_object_unref);
}

static void
move_up (GtkWidget  *widget,
         const char *action_name,
         GVariant   *param)
{
  move_selected (MP_MILESTONES_VIEW (widget), -1);
}

static void
move_down (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  move_selected (MP_MILESTONES_VIEW (widget), +1);
}

/* Space: a task done or not; a milestone done, or back to planned (in
 * progress once it has started). */
static void
toggle_done (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MpMilestonesView *self = MP_MILESTONES_VIEW (widget);
  g_autoptr(MpRecord) rec = selected_record (self);

  if (self->document == NULL || rec == NULL)
    return;
  if (MP_IS_TASK (rec))
    mp_document_set_bool (self->document, rec, MP_TASK_DONE, !mp_task_get_done (MP_TASK (rec)));
  else
    {
      MpMilestone *m = MP_MILESTONE (rec);
      MpDate start = mp_milestone_get_start (m);
      MpStatus back = start != MP_DATE_NONE && start <= mp_date_today () ? MP_STATUS_IN_PROGRESS : MP_STATUS_PLANNED;

      mp_document_set_int (self->document, rec, MP_MILESTONE_STATUS,
                           mp_milestone_get_status (m) == MP_STATUS_DONE ? back : MP_STATUS_DONE);
    }
}

static void
set_all_expanded (MpMilestonesView *self,
                  gboolean          expanded)
{
  g_autoptr(MpRecord) rec = selected_record (self);
  guint n;

  if (self->tree == NULL)
    return;
  n = g_list_model_get_n_items (mp_milestone_filter_get_model (self->filter));
  for (guint k = 0; k < n; k++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree, k);

      if (row != NULL && gtk_tree_list_row_is_expandable (row))
        gtk_tree_list_row_set_expanded (row, expanded);
    }
  /* The same row stays selected (a task's milestone when collapsing). */
  if (rec != NULL)
    mp_milestones_view_select (self, expanded || MP_IS_MILESTONE (rec) ? rec : MP_RECORD (milestone_of (self, rec, NULL)));
}

static void
collapse_all (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  set_all_expanded (MP_MILESTONES_VIEW (widget), FALSE);
}

static void
expand_all (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  set_all_expanded (MP_MILESTONES_VIEW (widget), TRUE);
}

/* ---- finding: Ctrl+F, the filters, "Showing 12 of 400" ---- */

static gboolean
focus_entry_soon (gpointer data)
{
  MpMilestonesView *self = data;

  if (gtk_widget_grab_focus (self->search_entry) || !gtk_search_bar_get_search_mode (self->search_bar))
    return G_SOURCE_REMOVE;
  return G_SOURCE_CONTINUE;
}

static void
search (GtkWidget  *widget,
        const char *action_name,
        GVariant   *param)
{
  MpMilestonesView *self = MP_MILESTONES_VIEW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  /* The bar slides in: the entry takes the focus once it is shown. */
  if (!gtk_widget_grab_focus (self->search_entry))
    g_timeout_add_full (G_PRIORITY_DEFAULT, 30, focus_entry_soon, g_object_ref (self), g_object_unref);
}

static void
update_shown (MpMilestonesView *self)
{
  g_autofree char *text = NULL;

  if (!mp_milestone_filter_is_empty (self->filter))
    text = g_strdup_printf (_("Showing %u of %u"), mp_milestone_filter_get_n_shown (self->filter),
                            mp_milestone_filter_get_n_total (self->filter));
  gtk_label_set_text (self->shown_label, text ? text : "");
}

/* Milestones shown because of a task: expanded, so the task is seen. */
static void
expand_matching_tasks (MpMilestonesView *self)
{
  GListModel *shown = mp_milestone_filter_get_model (self->filter);
  guint n = g_list_model_get_n_items (shown);

  if (self->tree == NULL || *mp_milestone_filter_get_text (self->filter) == '\0')
    return;
  for (guint k = 0; k < n; k++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (shown, k);
      GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (m));
      guint nt = g_list_model_get_n_items (tasks);

      for (guint i = 0; i < nt; i++)
        {
          g_autoptr(MpTask) t = g_list_model_get_item (tasks, i);

          if (mp_milestone_filter_match_task (self->filter, t))
            {
              g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree, k);

              if (row != NULL)
                gtk_tree_list_row_set_expanded (row, TRUE);
              break;
            }
        }
    }
}

static void
on_search_changed (MpMilestonesView *self)
{
  self->filtering = TRUE;
  mp_milestone_filter_set_text (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  expand_matching_tasks (self);
  self->filtering = FALSE;
  update_shown (self);
}

static void
on_stop_search (MpMilestonesView *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_search_mode (MpMilestonesView *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      /* The people to filter by, as the plan has them now. */
      MpPlan *plan = self->document ? mp_document_get_plan (self->document) : NULL;
      GListModel *ps = plan ? G_LIST_MODEL (mp_plan_get_participants (plan)) : NULL;
      guint n_fixed = MP_MILESTONE_FILTER_PERSON;
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;

      g_ptr_array_set_size (self->filter_people, 0);
      for (guint i = 0; ps && i < g_list_model_get_n_items (ps); i++)
        {
          g_autoptr(MpParticipant) p = g_list_model_get_item (ps, i);
          g_autofree char *label = g_strdup_printf (_("Owned by %s"), mp_participant_get_name (p));

          g_strv_builder_add (names, label);
          g_ptr_array_add (self->filter_people, g_strdup (mp_participant_get_id (p)));
        }
      strv = g_strv_builder_end (names);
      gtk_drop_down_set_selected (self->filter_kind, 0);
      gtk_string_list_splice (self->filter_choices, n_fixed,
                              g_list_model_get_n_items (G_LIST_MODEL (self->filter_choices)) - n_fixed,
                              (const char * const *) strv);
    }
  else
    {
      self->filtering = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->filter_kind, 0);
      mp_milestone_filter_set_text (self->filter, NULL);
      mp_milestone_filter_set_kind (self->filter, MP_MILESTONE_FILTER_ALL, NULL);
      self->filtering = FALSE;
      update_shown (self);
    }
}

static void
on_filter_kind_selected (MpMilestonesView *self)
{
  guint i = gtk_drop_down_get_selected (self->filter_kind);

  if (i == GTK_INVALID_LIST_POSITION)
    i = 0;
  self->filtering = TRUE;
  if (i < MP_MILESTONE_FILTER_PERSON)
    mp_milestone_filter_set_kind (self->filter, i, NULL);
  else if (i - MP_MILESTONE_FILTER_PERSON < self->filter_people->len)
    mp_milestone_filter_set_kind (self->filter, MP_MILESTONE_FILTER_PERSON,
                                  g_ptr_array_index (self->filter_people, i - MP_MILESTONE_FILTER_PERSON));
  self->filtering = FALSE;
  update_shown (self);
}

/* Typing on a row (not in an editor) starts editing its title with what
 * was typed. */
static gboolean
on_list_key (GtkEventControllerKey *key,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             MpMilestonesView      *self)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  g_autoptr(MpRecord) rec = NULL;
  GtkWidget *editor;
  char text[8] = { 0 };

  if (c == 0 || c == ' ' || !g_unichar_isprint (c) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;
  rec = selected_record (self);
  editor = rec ? title_editor (self, rec) : NULL;
  if (editor == NULL || gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (editor)))
    return FALSE;
  g_unichar_to_utf8 (c, text);
  gtk_widget_grab_focus (editor);
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (editor));
  gtk_editable_set_text (GTK_EDITABLE (editor), text);
  gtk_editable_set_position (GTK_EDITABLE (editor), -1);
  return TRUE;
}

/* ---- drag and drop: reorder milestones by dragging their title ---- */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListItem   *item)
{
  g_autoptr(MpRecord) rec = item_record (item);

  if (!MP_IS_MILESTONE (rec))
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_STRING, mp_milestone_get_id (MP_MILESTONE (rec)));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkListItem   *item)
{
  MpMilestonesView *self = view_of (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)));
  g_autoptr(MpRecord) rec = item_record (item);
  MpMilestone *onto, *dragged;
  GListStore *store;
  guint from, to;

  if (self == NULL || self->document == NULL || rec == NULL)
    return FALSE;
  dragged = mp_plan_find_milestone (mp_document_get_plan (self->document), g_value_get_string (value));
  onto = milestone_of (self, rec, NULL);
  store = mp_plan_get_milestones (mp_document_get_plan (self->document));
  if (dragged == NULL || onto == NULL || !g_list_store_find (store, dragged, &from) ||
      !g_list_store_find (store, onto, &to) || from == to)
    return FALSE;
  mp_document_begin (self->document, _("Move Milestone"));
  mp_document_move (self->document, store, from, to);
  mp_document_end (self->document);
  mp_milestones_view_select (self, MP_RECORD (dragged));
  return TRUE;
}

static void
setup_title_dnd (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), item);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), item);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (target));
}

static void
on_baseline_chosen (MpMilestonesView *self)
{
  if (self->timeline != NULL)
    mp_timeline_set_baseline (self->timeline, mp_baseline_chooser_get_baseline (self->baselines));
}

/* ---- document ---- */

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  if (MP_IS_MILESTONE (item))
    return G_LIST_MODEL (g_object_ref (mp_milestone_get_tasks (MP_MILESTONE (item))));
  return NULL;
}

MpDocument *
mp_milestones_view_get_document (MpMilestonesView *self)
{
  g_return_val_if_fail (MP_IS_MILESTONES_VIEW (self), NULL);

  return self->document;
}

void
mp_milestones_view_set_document (MpMilestonesView *self,
                                 MpDocument       *document)
{
  GListModel *ms;

  g_return_if_fail (MP_IS_MILESTONES_VIEW (self));

  if (self->document == document)
    return;
  hide_toast (self);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (mp_plan_get_milestones (mp_document_get_plan (self->document)), self);
    }
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  g_set_object (&self->document, document);
  g_clear_object (&self->pending_edit);
  g_clear_object (&self->pending_select);
  self->last_selected = GTK_INVALID_LIST_POSITION;
  mp_milestone_filter_set_plan (self->filter, document ? mp_document_get_plan (document) : NULL);
  if (document != NULL)
    {
      ms = G_LIST_MODEL (mp_plan_get_milestones (mp_document_get_plan (document)));
      g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), self);
      g_signal_connect (document, "record-changed", G_CALLBACK (on_record_changed), self);
      g_signal_connect (ms, "items-changed", G_CALLBACK (on_milestones_changed), self);
    }

  g_clear_object (&self->tree);
  if (document != NULL)
    self->tree = gtk_tree_list_model_new (g_object_ref (mp_milestone_filter_get_model (self->filter)),
                                          FALSE, TRUE, create_children, NULL, NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
  mp_milestone_detail_set_document (self->detail, document);
  mp_timeline_set_document (self->timeline, document);
  mp_baseline_chooser_set_document (self->baselines, document);
  on_selection_changed (self);
}

/* ---- GObject ---- */

static void
mp_milestones_view_dispose (GObject *object)
{
  MpMilestonesView *self = MP_MILESTONES_VIEW (object);

  g_clear_handle_id (&self->scroll_id, g_source_remove);
  g_clear_handle_id (&self->live_id, g_source_remove);
  g_clear_handle_id (&self->edit_id, g_source_remove);
  g_clear_handle_id (&self->select_id, g_source_remove);
  g_clear_handle_id (&self->restore_id, g_source_remove);
  g_clear_handle_id (&self->toast_id, g_source_remove);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (mp_plan_get_milestones (mp_document_get_plan (self->document)), self);
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_pointer (&self->overlay, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->filter);
  g_clear_object (&self->document);
  g_clear_object (&self->pending_edit);
  g_clear_object (&self->pending_select);
  g_clear_object (&self->toast_milestone);
  G_OBJECT_CLASS (mp_milestones_view_parent_class)->dispose (object);
}

static void
mp_milestones_view_finalize (GObject *object)
{
  MpMilestonesView *self = MP_MILESTONES_VIEW (object);

  g_hash_table_unref (self->live_items);
  g_hash_table_unref (self->title_items);
  g_ptr_array_unref (self->filter_people);
  G_OBJECT_CLASS (mp_milestones_view_parent_class)->finalize (object);
}

static void
mp_milestones_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MpMilestonesView *self = MP_MILESTONES_VIEW (object);

  if (mp_page_delegate_get_property (object, prop_id, value, pspec))
    return;
  switch (prop_id)
    {
    case PROP_SHOW_DETAILS:
      g_value_set_boolean (value, gtk_widget_get_visible (GTK_WIDGET (self->detail)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_milestones_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MpMilestonesView *self = MP_MILESTONES_VIEW (object);

  if (mp_page_delegate_set_property (object, prop_id, value, pspec))
    return;
  switch (prop_id)
    {
    case PROP_SHOW_DETAILS:
      if (gtk_widget_get_visible (GTK_WIDGET (self->detail)) != g_value_get_boolean (value))
        {
          gboolean show = g_value_get_boolean (value);

          /* The pane works only while it is shown. */
          mp_milestone_detail_set_milestone (self->detail, show ? mp_milestones_view_get_selected (self) : NULL);
          gtk_widget_set_visible (GTK_WIDGET (self->detail), show);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
shows_record (MpPage   *page,
              MpRecord *record)
{
  return MP_IS_MILESTONE (record) || MP_IS_TASK (record);
}

static void
page_iface_init (MpPageInterface *iface)
{
  iface->get_document = (MpDocument *(*) (MpPage *)) mp_milestones_view_get_document;
  iface->set_document = (void (*) (MpPage *, MpDocument *)) mp_milestones_view_set_document;
  iface->shows_record = shows_record;
  iface->select = (void (*) (MpPage *, MpRecord *)) mp_milestones_view_select;
}

static void
mp_milestones_view_class_init (MpMilestonesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_milestones_view_dispose;
  object_class->finalize = mp_milestones_view_finalize;
  object_class->get_property = mp_milestones_view_get_property;
  object_class->set_property = mp_milestones_view_set_property;

  /* The detail pane: shown on demand, so the list and the timeline fit. */
  properties[PROP_SHOW_DETAILS] =
    g_param_spec_boolean ("show-details", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  mp_page_install_properties (object_class, PROP_DOCUMENT);

  g_type_ensure (MP_TYPE_TIMELINE);
  g_type_ensure (MP_TYPE_MILESTONE_DETAIL);
  g_type_ensure (MP_TYPE_BASELINE_CHOOSER);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/MutualPlan/mp-milestones-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MpMilestonesView, overlay);
  gtk_widget_class_bind_template_child (widget_class, MpMilestonesView, paned);
  gtk_widget_class_bind_template_child (widget_class, MpMilestonesView, split);
  gtk_widget_class_bind_template_child (widget_class, MpMilestonesView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, MpMilestonesView, view);
  gtk_widget_class_bind_template_child (widget_class, MpMilestonesView, search_button);
  gtk_widget_class_bind_template_child (widget_class, MpMilestonesView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, MpMilestonesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MpMilestonesView, filter_kind);
  gtk_widget_class_bind_template_child (widget_class, MpMilestonesView, shown_label);
  /* The panes (named as mp-workspace.c finds them): boxes that hold the
   * timeline and the details. */
  gtk_widget_class_bind_template_child_full (widget_class, "detail", FALSE,
                                             G_STRUCT_OFFSET (MpMilestonesView, detail_slot));
  gtk_widget_class_bind_template_child_full (widget_class, "timeline", FALSE,
                                             G_STRUCT_OFFSET (MpMilestonesView, timeline_slot));
  gtk_widget_class_bind_template_child (widget_class, MpMilestonesView, baselines_slot);
  gtk_widget_class_bind_template_child (widget_class, MpMilestonesView, toast);
  gtk_widget_class_bind_template_child (widget_class, MpMilestonesView, toast_label);
  gtk_widget_class_bind_template_child (widget_class, MpMilestonesView, toast_undo);
  gtk_widget_class_bind_template_child (widget_class, MpMilestonesView, toast_drop);
  gtk_widget_class_bind_template_child (widget_class, MpMilestonesView, toast_close);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "milestones.add", NULL, add_milestone);
  gtk_widget_class_install_action (widget_class, "milestones.add-task", NULL, add_task);
  gtk_widget_class_install_action (widget_class, "milestones.remove", NULL, remove_selected);
  gtk_widget_class_install_action (widget_class, "milestones.move-up", NULL, move_up);
  gtk_widget_class_install_action (widget_class, "milestones.move-down", NULL, move_down);
  gtk_widget_class_install_action (widget_class, "milestones.toggle-done", NULL, toggle_done);
  gtk_widget_class_install_action (widget_class, "milestones.search", NULL, search);
  gtk_widget_class_install_action (widget_class, "milestones.collapse-all", NULL, collapse_all);
  gtk_widget_class_install_action (widget_class, "milestones.expand-all", NULL, expand_all);
  gtk_widget_class_install_property_action (widget_class, "milestones.show-details", "show-details");

  /* The keys come from the one shortcut table (mp-shortcuts.c). */
  mp_shortcuts_add_bindings (widget_class, "milestones.");

  responsible_strings[0] = C_("side", "Seller");
  responsible_strings[1] = C_("side", "Customer");
  responsible_strings[2] = C_("side", "Both");
  for (guint i = 0; i < 5; i++)
    status_strings[i] = mp_format_status (i);
}

/* The width a column needs: its values' (from the table) or its
 * header's in the UI's language, whichever is wider. */
static int
column_width (guint i)
{
  GtkWidget *probe = g_object_ref_sink (gtk_label_new (_(columns[i].title)));
  int natural = 0;

  gtk_widget_measure (probe, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_object_unref (probe);
  /* The header's padding and the resize handle. */
  return MAX (columns[i].width, natural + 28);
}

static void
mp_milestones_view_init (MpMilestonesView *self)
{
  const char *kinds[] = { N_("All milestones"), N_("Overdue"), N_("Next 14 days"), N_("Seller side"),
                          N_("Customer side"), NULL };
  GtkEventController *key;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The template's signals (connected here: gtk4-builder-tool cannot
   * validate a .ui whose handlers are static functions). */
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (on_stop_search), self);
  g_signal_connect_swapped (self->filter_kind, "notify::selected", G_CALLBACK (on_filter_kind_selected), self);
  g_signal_connect_swapped (self->toast_undo, "clicked", G_CALLBACK (on_toast_undo), self);
  g_signal_connect_swapped (self->toast_drop, "clicked", G_CALLBACK (on_toast_drop), self);
  g_signal_connect_swapped (self->toast_close, "clicked", G_CALLBACK (hide_toast), self);
  /* Our own widgets go into the template's slots. */
  self->timeline = MP_TIMELINE (mp_timeline_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->timeline), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->timeline), TRUE);
  gtk_box_append (GTK_BOX (self->timeline_slot), GTK_WIDGET (self->timeline));
  self->detail = MP_MILESTONE_DETAIL (mp_milestone_detail_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->detail), TRUE);
  gtk_box_append (GTK_BOX (self->detail_slot), GTK_WIDGET (self->detail));
  gtk_widget_set_visible (GTK_WIDGET (self->detail), FALSE);
  g_object_bind_property (self->detail, "visible", self->detail_slot, "visible", G_BINDING_SYNC_CREATE);
  self->baselines = MP_BASELINE_CHOOSER (mp_baseline_chooser_new ());
  gtk_box_append (GTK_BOX (self->baselines_slot), GTK_WIDGET (self->baselines));
  /* View toggle, narrow layout, F6 panes (mp-workspace.c). */
  mp_workspace_setup (GTK_WIDGET (self));

  self->last_selected = GTK_INVALID_LIST_POSITION;
  self->live_items = g_hash_table_new (NULL, NULL);
  self->title_items = g_hash_table_new (NULL, NULL);
  self->filter_people = g_ptr_array_new_with_free_func (g_free);
  self->filter = mp_milestone_filter_new ();

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);
  g_signal_connect (self->selection, "items-changed", G_CALLBACK (on_rows_changed), self);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "view", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (i));
      if (i == COL_TITLE)
        g_signal_connect (factory, "setup", G_CALLBACK (setup_title_dnd), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), g_object_ref (factory));
      gtk_column_view_column_set_fixed_width (column, column_width (i));
      gtk_column_view_column_set_resizable (column, TRUE);
      if (i == COL_TITLE)
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->view, column);
    }

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_list_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), key);

  /* Find: the entry, the filters, how many are shown. */
  self->filter_choices = gtk_string_list_new (NULL);
  for (guint i = 0; kinds[i]; i++)
    gtk_string_list_append (self->filter_choices, _(kinds[i]));
  gtk_drop_down_set_model (self->filter_kind, G_LIST_MODEL (self->filter_choices));
  g_object_unref (self->filter_choices); /* the drop-down keeps it */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (on_search_mode), self);

  /* The baseline the timeline shows as ghost bars: slips at a glance. */
  mp_baseline_chooser_set_allow_none (self->baselines, TRUE);
  mp_baseline_chooser_set_accessible_label (self->baselines, _("Baseline shown in the timeline"));
  g_signal_connect_swapped (self->baselines, "notify::baseline", G_CALLBACK (on_baseline_chosen), self);

  /* The timeline below the list: both visible at 1280×800, in step. */
  mp_timeline_set_selection (self->timeline, self->selection);
  mp_timeline_set_list_vadjustment (self->timeline,
                                    gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)));
  update_actions (self);
}

GtkWidget *
mp_milestones_view_new (void)
{
  return g_object_new (MP_TYPE_MILESTONES_VIEW, NULL);
}

/* Shows the milestones of one filter, with the search bar that says so
 * (the Overview's "Show all"). */
void
mp_milestones_view_show_filter (MpMilestonesView      *self,
                                MpMilestoneFilterKind  kind)
{
  g_return_if_fail (MP_IS_MILESTONES_VIEW (self));
  g_return_if_fail (kind < MP_MILESTONE_FILTER_PERSON);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_drop_down_set_selected (self->filter_kind, kind);
}
