/* mp-milestones-view.c
 *
 * A GtkColumnView over a GtkTreeListModel: milestones, with their tasks
 * below them. Each cell edits through the document (undoable) and
 * follows the model's notify signals, so undo, the timeline and the
 * detail pane stay in step. Rows are recycled: handlers are connected in
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
#include "mp-milestone-detail.h"
#include "mp-milestones-view.h"
#include "mp-model.h"
#include "mp-participant-picker.h"
#include "mp-schedule.h"
#include "mp-timeline.h"

struct _MpMilestonesView
{
  GtkWidget           parent_instance;

  MpDocument         *document;
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;

  GtkWidget          *paned;
  GtkColumnView      *view;
  MpMilestoneDetail  *detail;
  MpTimeline         *timeline;
  MpBaselineChooser  *baselines;
  guint               scroll_id;
  guint               flags_id;
  GHashTable         *flag_items; /* bound GtkListItems of the flags column */
};

G_DEFINE_FINAL_TYPE (MpMilestonesView, mp_milestones_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHOW_DETAILS,
  N_PROPS
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

static const struct {
  const char *title;
  int         width;
} columns[N_COLUMNS] = {
  [COL_TITLE] = { N_("Milestone"), 180 },
  [COL_RESPONSIBLE] = { N_("Responsible"), 102 },
  [COL_SELLER_OWNER] = { N_("Seller owner"), 132 },
  [COL_CUSTOMER_OWNER] = { N_("Customer owner"), 132 },
  [COL_START] = { N_("Start"), 112 },
  [COL_DUE] = { N_("Due"), 170 },
  [COL_STATUS] = { N_("Status"), 114 },
  [COL_COMMITMENT] = { N_("Committed"), 80 },
  [COL_TASKS] = { N_("Tasks"), 50 },
  [COL_FLAGS] = { N_("Attention"), 60 },
};

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

/* The milestone a record belongs to (itself, or a task's milestone). */
static MpMilestone *
milestone_of (MpMilestonesView *self,
              MpRecord         *record,
              guint            *task_pos)
{
  GListModel *ms;

  if (MP_IS_MILESTONE (record))
    return MP_MILESTONE (record);
  if (self->document == NULL)
    return NULL;
  ms = G_LIST_MODEL (mp_plan_get_milestones (mp_document_get_plan (self->document)));
  for (guint i = 0; i < g_list_model_get_n_items (ms); i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, i);
      if (g_list_store_find (mp_milestone_get_tasks (m), record, task_pos))
        return m;  /* the store keeps it alive */
    }
  return NULL;
}

static char *
task_progress (MpMilestone *m)
{
  GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (m));
  guint n = g_list_model_get_n_items (tasks), done = 0;

  if (n == 0)
    return g_strdup ("");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpTask) t = g_list_model_get_item (tasks, i);
      done += mp_task_get_done (t);
    }
  return g_strdup_printf ("%u/%u", done, n);
}

/* ---- cells ----
 * Each cell is a GtkBox holding the editor for the row's kind; "kind"
 * data on the box tells which editor it holds. */

enum { KIND_NONE, KIND_MILESTONE, KIND_TASK };

/* The editor of a cell (for the title, inside the tree expander). */
static GtkWidget *
cell_child (GtkWidget *cell)
{
  GtkWidget *expander = g_object_get_data (G_OBJECT (cell), "expander");

  if (expander != NULL)
    return gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  return gtk_widget_get_first_child (cell);
}

static void on_title_editing (GObject *label, GParamSpec *pspec, GtkListItem *item);
static void on_dropdown_selected (GObject *dropdown, GParamSpec *pspec, GtkListItem *item);
static void on_participant_chosen (MpParticipantPicker *picker, const char *id, GtkListItem *item);
static void on_date_chosen (MpDateButton *button, guint date, GtkListItem *item);
static void on_check_toggled (GtkCheckButton *check, GtkListItem *item);

static const char *responsible_strings[] = { NULL, NULL, NULL, NULL };
static const char *status_strings[] = { NULL, NULL, NULL, NULL, NULL, NULL };

static GtkWidget *
make_editor (Column       col,
             int          kind,
             GtkListItem *item)
{
  GtkWidget *w = NULL;

  switch (col)
    {
    case COL_TITLE:
      w = gtk_editable_label_new ("");
      gtk_widget_set_hexpand (w, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      kind == KIND_TASK ? _("Task title") : _("Milestone title"), -1);
      g_signal_connect (w, "notify::editing", G_CALLBACK (on_title_editing), item);
      break;
    case COL_RESPONSIBLE:
      if (kind != KIND_MILESTONE)
        break;
      w = gtk_drop_down_new_from_strings (responsible_strings);
      gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Responsible side"), -1);
      g_signal_connect (w, "notify::selected", G_CALLBACK (on_dropdown_selected), item);
      break;
    case COL_SELLER_OWNER:
    case COL_CUSTOMER_OWNER:
      w = mp_participant_picker_new ();
      mp_participant_picker_set_party (MP_PARTICIPANT_PICKER (w),
                                       col == COL_SELLER_OWNER ? MP_PARTY_SELLER : MP_PARTY_CUSTOMER);
      mp_participant_picker_set_accessible_label (MP_PARTICIPANT_PICKER (w),
                                                  col == COL_SELLER_OWNER ? _("Seller owner") : _("Customer owner"));
      g_signal_connect (w, "participant-chosen", G_CALLBACK (on_participant_chosen), item);
      break;
    case COL_START:
      if (kind != KIND_MILESTONE)
        break;
      w = mp_date_button_new ();
      mp_date_button_set_accessible_label (MP_DATE_BUTTON (w), _("Start date"));
      mp_date_button_set_placeholder (MP_DATE_BUTTON (w), "–");
      g_signal_connect (w, "date-chosen", G_CALLBACK (on_date_chosen), item);
      break;
    case COL_DUE:
      {
        GtkWidget *button = mp_date_button_new ();
        GtkWidget *time = gtk_label_new (NULL);

        w = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
        mp_date_button_set_accessible_label (MP_DATE_BUTTON (button), _("Due date"));
        mp_date_button_set_allow_none (MP_DATE_BUTTON (button), kind == KIND_TASK);
        mp_date_button_set_placeholder (MP_DATE_BUTTON (button), "–");
        g_signal_connect (button, "date-chosen", G_CALLBACK (on_date_chosen), item);
        gtk_widget_add_css_class (time, "dim-label");
        gtk_box_append (GTK_BOX (w), button);
        gtk_box_append (GTK_BOX (w), time);
      }
      break;
    case COL_STATUS:
      if (kind == KIND_MILESTONE)
        {
          w = gtk_drop_down_new_from_strings (status_strings);
          gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
          g_signal_connect (w, "notify::selected", G_CALLBACK (on_dropdown_selected), item);
        }
      else
        {
          w = gtk_check_button_new_with_label (_("Done"));
          g_signal_connect (w, "toggled", G_CALLBACK (on_check_toggled), item);
        }
      break;
    case COL_COMMITMENT:
      if (kind != KIND_MILESTONE)
        break;
      w = gtk_check_button_new ();
      gtk_widget_set_halign (w, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Committed to the date"), -1);
      gtk_widget_set_tooltip_text (w, _("The owner has committed to the date"));
      g_signal_connect (w, "toggled", G_CALLBACK (on_check_toggled), item);
      break;
    case COL_TASKS:
      if (kind != KIND_MILESTONE)
        break;
      w = gtk_label_new (NULL);
      gtk_widget_set_tooltip_text (w, _("Tasks done of all"));
      break;
    case COL_FLAGS:
      if (kind != KIND_MILESTONE)
        break;
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

/* The badges: at risk or overdue (with the reasons), and an invitation
 * that changed since it was sent. The facts come from the core. */
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
  int seq = mp_milestone_get_sequence (m), sent = mp_milestone_get_invited_sequence (m);

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

  gtk_widget_set_visible (mail, sent >= 0 && seq > sent);
  gtk_widget_set_tooltip_text (mail, _("Invitation out of date: the milestone changed since it was sent"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (mail), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Invitation out of date"), -1);
}

/* Shows the record's values in the cell's editor. */
static void
refresh_cell (GtkWidget *cell,
              Column     col,
              MpRecord  *rec)
{
  GtkWidget *w = cell_child (cell);
  gboolean is_task = MP_IS_TASK (rec);

  if (w == NULL)
    return;

  switch (col)
    {
    case COL_TITLE:
      {
        const char *title = is_task ? mp_task_get_title (MP_TASK (rec)) : mp_milestone_get_title (MP_MILESTONE (rec));

        if (!gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (w)))
          gtk_editable_set_text (GTK_EDITABLE (w), title ? title : "");
        if (!is_task)
          {
            MpMilestone *m = MP_MILESTONE (rec);
            MpStatus status = mp_milestone_get_status (m);
            gboolean overdue = mp_milestone_is_overdue (m, mp_date_today ());

            if (status == MP_STATUS_DROPPED)
              gtk_widget_add_css_class (w, "dropped");
            else
              gtk_widget_remove_css_class (w, "dropped");
            if (overdue)
              {
                gtk_widget_add_css_class (w, "overdue");
                gtk_widget_set_tooltip_text (w, _("Overdue"));
              }
            else
              {
                gtk_widget_remove_css_class (w, "overdue");
                gtk_widget_set_tooltip_text (w, NULL);
              }
            gtk_widget_remove_css_class (w, "task-done");
          }
        else
          {
            gtk_widget_remove_css_class (w, "dropped");
            gtk_widget_remove_css_class (w, "overdue");
            if (mp_task_get_done (MP_TASK (rec)))
              gtk_widget_add_css_class (w, "task-done");
            else
              gtk_widget_remove_css_class (w, "task-done");
          }
      }
      break;
    case COL_RESPONSIBLE:
      gtk_drop_down_set_selected (GTK_DROP_DOWN (w), mp_milestone_get_responsible (MP_MILESTONE (rec)));
      break;
    case COL_SELLER_OWNER:
    case COL_CUSTOMER_OWNER:
      {
        const char *id;

        if (is_task)
          {
            MpParticipant *p = NULL;
            MpMilestonesView *self = view_of (cell);

            id = mp_task_get_owner (MP_TASK (rec));
            if (self && self->document && id)
              p = mp_plan_find_participant (mp_document_get_plan (self->document), id);
            /* A task has one owner: shown in the column of its side. */
            if (p != NULL && (mp_participant_get_side (p) == MP_SIDE_SELLER) != (col == COL_SELLER_OWNER))
              id = NULL;
          }
        else
          id = col == COL_SELLER_OWNER ? mp_milestone_get_seller_owner (MP_MILESTONE (rec))
                                       : mp_milestone_get_customer_owner (MP_MILESTONE (rec));
        mp_participant_picker_set_participant_id (MP_PARTICIPANT_PICKER (w), id);
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
        gtk_drop_down_set_selected (GTK_DROP_DOWN (w), mp_milestone_get_status (MP_MILESTONE (rec)));
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
}

/* GTK 4.8 has no GtkTreeExpander:hide-expander: a milestone without tasks
 * gets a class that hides its arrow. */
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

static Column
cell_column (GtkWidget *cell)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "column"));
}

static void
on_record_notify (MpRecord    *rec,
                  GParamSpec  *pspec,
                  GtkListItem *item)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  refresh_cell (cell, cell_column (cell), rec);
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

  g_object_set_data (G_OBJECT (cell), "column", GINT_TO_POINTER (col));
  if (col == COL_TITLE)
    {
      GtkWidget *expander = gtk_tree_expander_new ();

      gtk_widget_set_hexpand (expander, TRUE);
      gtk_box_append (GTK_BOX (cell), expander);
      g_object_set_data (G_OBJECT (cell), "expander", expander);
    }
  gtk_list_item_set_child (item, cell);
  /* Keyboard focus goes to the editors, not to the row. */
  gtk_list_item_set_activatable (item, FALSE);
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
  int kind = MP_IS_TASK (rec) ? KIND_TASK : KIND_MILESTONE;
  int had = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "kind"));
  GtkWidget *editor;

  if (had != kind)
    {
      GtkWidget *old = cell_child (cell);

      if (expander)
        gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), NULL);
      else if (old)
        gtk_box_remove (GTK_BOX (cell), old);
      editor = make_editor (col, kind, item);
      if (editor != NULL)
        {
          if (expander)
            gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), editor);
          else
            gtk_box_append (GTK_BOX (cell), editor);
        }
      g_object_set_data (G_OBJECT (cell), "kind", GINT_TO_POINTER (kind));
    }

  if (expander)
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), gtk_list_item_get_item (item));
  if (expander)
    update_leaf (expander, rec);
  if ((col == COL_SELLER_OWNER || col == COL_CUSTOMER_OWNER) && self && self->document)
    mp_participant_picker_set_plan (MP_PARTICIPANT_PICKER (cell_child (cell)), mp_document_get_plan (self->document));

  refresh_cell (cell, col, rec);
  g_object_set_data (G_OBJECT (item), "notify-handler",
                     GSIZE_TO_POINTER (g_signal_connect (rec, "notify", G_CALLBACK (on_record_notify), item)));
  if ((col == COL_TASKS || col == COL_TITLE) && MP_IS_MILESTONE (rec))
    g_object_set_data (G_OBJECT (item), "tasks-handler",
                       GSIZE_TO_POINTER (g_signal_connect (mp_milestone_get_tasks (MP_MILESTONE (rec)), "items-changed",
                                                           G_CALLBACK (on_tasks_changed), item)));
  g_object_set_data_full (G_OBJECT (item), "bound", g_object_ref (rec), g_object_unref);
  if (col == COL_FLAGS && self != NULL)
    g_hash_table_add (self->flag_items, item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  MpRecord *rec = g_object_get_data (G_OBJECT (item), "bound");
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "notify-handler"));
  gulong tasks_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "tasks-handler"));

  if (rec != NULL && id != 0)
    g_signal_handler_disconnect (rec, id);
  if (rec != NULL && tasks_id != 0)
    g_signal_handler_disconnect (mp_milestone_get_tasks (MP_MILESTONE (rec)), tasks_id);
  g_object_set_data (G_OBJECT (item), "notify-handler", NULL);
  g_object_set_data (G_OBJECT (item), "tasks-handler", NULL);
  g_object_set_data (G_OBJECT (item), "bound", NULL);
  if (GPOINTER_TO_INT (user_data) == COL_FLAGS)
    {
      MpMilestonesView *self = g_object_get_data (G_OBJECT (factory), "view");
      if (self != NULL)
        g_hash_table_remove (self->flag_items, item);
    }
}

static gboolean
refresh_flags_idle (gpointer data)
{
  MpMilestonesView *self = data;
  GHashTableIter iter;
  gpointer key;

  self->flags_id = 0;
  g_hash_table_iter_init (&iter, self->flag_items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GtkListItem *item = key;
      MpRecord *rec = g_object_get_data (G_OBJECT (item), "bound");
      GtkWidget *cell = gtk_list_item_get_child (item);

      if (MP_IS_MILESTONE (rec) && cell_child (cell) != NULL)
        refresh_flags (cell, cell_child (cell), MP_MILESTONE (rec));
    }
  return G_SOURCE_REMOVE;
}

/* Risks depend on other milestones: every change refreshes the badges. */
static void
on_document_changed (MpMilestonesView *self)
{
  if (self->flags_id == 0)
    self->flags_id = g_idle_add (refresh_flags_idle, self);
}

/* ---- editing: widget → document ---- */

static void
on_title_editing (GObject     *label,
                  GParamSpec  *pspec,
                  GtkListItem *item)
{
  MpMilestonesView *self = view_of (GTK_WIDGET (label));
  g_autoptr(MpRecord) rec = item_record (item);
  const char *text;

  /* GtkEditableLabel changes its text on every key: commit when editing ends. */
  if (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (label)) || self == NULL || rec == NULL)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (label));
  if (*text == '\0')
    {
      /* An empty title is not a title: show the old one again. */
      refresh_cell (gtk_list_item_get_child (item), COL_TITLE, rec);
      return;
    }
  mp_document_set_string (self->document, rec, MP_IS_TASK (rec) ? MP_TASK_TITLE : MP_MILESTONE_TITLE, text);
}

static void
on_dropdown_selected (GObject     *dropdown,
                      GParamSpec  *pspec,
                      GtkListItem *item)
{
  MpMilestonesView *self = view_of (GTK_WIDGET (dropdown));
  g_autoptr(MpRecord) rec = item_record (item);
  GtkWidget *cell = gtk_list_item_get_child (item);
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));

  if (self == NULL || self->document == NULL || !MP_IS_MILESTONE (rec) || selected == GTK_INVALID_LIST_POSITION)
    return;
  mp_document_set_int (self->document, rec,
                       cell_column (cell) == COL_STATUS ? MP_MILESTONE_STATUS : MP_MILESTONE_RESPONSIBLE,
                       selected);
}

static void
on_participant_chosen (MpParticipantPicker *picker,
                       const char          *id,
                       GtkListItem         *item)
{
  MpMilestonesView *self = view_of (GTK_WIDGET (picker));
  g_autoptr(MpRecord) rec = item_record (item);
  GtkWidget *cell = gtk_list_item_get_child (item);

  if (self == NULL || self->document == NULL || rec == NULL)
    return;
  if (MP_IS_TASK (rec))
    {
      /* Choosing "Nobody" in the column that does not show the owner
       * leaves the owner alone. */
      if (id == NULL && cell_child (cell) != NULL)
        {
          MpParticipant *p = mp_plan_find_participant (mp_document_get_plan (self->document),
                                                       mp_task_get_owner (MP_TASK (rec)));
          if (p != NULL && (mp_participant_get_side (p) == MP_SIDE_SELLER) != (cell_column (cell) == COL_SELLER_OWNER))
            return;
        }
      mp_document_set_string (self->document, rec, MP_TASK_OWNER, id);
    }
  else
    mp_document_set_string (self->document, rec,
                            cell_column (cell) == COL_SELLER_OWNER ? MP_MILESTONE_SELLER_OWNER : MP_MILESTONE_CUSTOMER_OWNER,
                            id);
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
    /* start ≤ due: the document moves the other date along. */
    mp_document_set_date (self->document, rec,
                          cell_column (cell) == COL_START ? MP_MILESTONE_START : MP_MILESTONE_DUE, date);
}

static void
on_check_toggled (GtkCheckButton *check,
                  GtkListItem    *item)
{
  MpMilestonesView *self = view_of (GTK_WIDGET (check));
  g_autoptr(MpRecord) rec = item_record (item);
  gboolean active = gtk_check_button_get_active (check);

  if (self == NULL || self->document == NULL || rec == NULL)
    return;
  if (MP_IS_TASK (rec))
    mp_document_set_bool (self->document, rec, MP_TASK_DONE, active);
  else
    mp_document_set_bool (self->document, rec, MP_MILESTONE_COMMITMENT, active);
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

/* There is no gtk_column_view_scroll_to() in GTK 4.8: rows have one
 * height, so the row's place follows from the adjustment's range. Done
 * after the next layout (an idle runs after GTK's resize and redraw), so
 * that a row just added is counted. */
static gboolean
scroll_idle (gpointer data)
{
  MpMilestonesView *self = data;
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->view), GTK_TYPE_SCROLLED_WINDOW);
  guint i = gtk_single_selection_get_selected (self->selection);
  guint n = self->tree ? g_list_model_get_n_items (G_LIST_MODEL (self->tree)) : 0;
  GtkAdjustment *adj;
  double upper, page, value, row_h, top;

  self->scroll_id = 0;
  if (scrolled == NULL || n == 0 || i == GTK_INVALID_LIST_POSITION)
    return G_SOURCE_REMOVE;
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
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
scroll_to_row (MpMilestonesView *self,
               guint             i,
               guint             n)
{
  if (self->scroll_id == 0)
    self->scroll_id = g_idle_add (scroll_idle, self);
}

void
mp_milestones_view_select (MpMilestonesView *self,
                           MpRecord         *record)
{
  guint n;

  g_return_if_fail (MP_IS_MILESTONES_VIEW (self));
  if (self->tree == NULL || record == NULL)
    return;

  /* Expand the milestone of a task so its row exists. */
  if (MP_IS_TASK (record))
    {
      MpMilestone *m = milestone_of (self, record, NULL);
      n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
      for (guint i = 0; m && i < n; i++)
        {
          g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
          g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
          if (item == (GObject *) m)
            gtk_tree_list_row_set_expanded (row, TRUE);
        }
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (item == (GObject *) record)
        {
          gtk_single_selection_set_selected (self->selection, i);
          scroll_to_row (self, i, n);
          return;
        }
    }
}

static void
on_selection_changed (MpMilestonesView *self)
{
  mp_milestone_detail_set_milestone (self->detail, mp_milestones_view_get_selected (self));
}

/* ---- commands ---- */

static MpDate
default_due (MpMilestonesView *self,
             MpMilestone      *after)
{
  MpPlan *plan = mp_document_get_plan (self->document);
  MpDate base = after ? mp_milestone_get_due (after) : mp_plan_get_start (plan);

  if (base == MP_DATE_NONE)
    base = mp_date_today ();
  return base + 7;
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
  guint pos;

  if (self->document == NULL)
    return;
  after = mp_milestones_view_get_selected (self);
  store = mp_plan_get_milestones (mp_document_get_plan (self->document));
  if (after == NULL || !g_list_store_find (store, after, &pos))
    pos = g_list_model_get_n_items (G_LIST_MODEL (store));
  else
    pos++;
  m = mp_milestone_new ();
  mp_milestone_set_title (m, _("New milestone"));
  mp_milestone_set_due (m, default_due (self, after));
  mp_document_begin (self->document, _("Add Milestone"));
  mp_document_insert (self->document, store, pos, MP_RECORD (m));
  mp_document_end (self->document);
  mp_milestones_view_select (self, MP_RECORD (m));
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
}

static void
invited_response (GtkDialog        *dialog,
                  int               response,
                  MpMilestonesView *self)
{
  MpMilestone *m = g_object_get_data (G_OBJECT (dialog), "milestone");

  if (self->document != NULL && m != NULL)
    {
      if (response == GTK_RESPONSE_ACCEPT)
        mp_document_set_int (self->document, MP_RECORD (m), MP_MILESTONE_STATUS, MP_STATUS_DROPPED);
      else if (response == GTK_RESPONSE_REJECT)
        mp_document_remove_milestone (self->document, m);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A milestone whose invitation went out: removing it would leave the
 * event in the attendees' calendars; dropping it lets Send Invitations
 * cancel it there. */
static void
ask_drop_instead (MpMilestonesView *self,
                  MpMilestone      *m)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("“%s” was sent as an invitation"), mp_milestone_get_title (m));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("Drop it instead: it stays in the plan, struck through, and "
                                              "“Send Invitations…” cancels it in the attendees’ calendars. "
                                              "Removed, it stays in their calendars."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Remove Anyway"), GTK_RESPONSE_REJECT, _("_Drop"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_object_set_data_full (G_OBJECT (dialog), "milestone", g_object_ref (m), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (invited_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_selected (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  MpMilestonesView *self = MP_MILESTONES_VIEW (widget);
  g_autoptr(MpRecord) rec = selected_record (self);
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint pos;

  if (self->document == NULL || rec == NULL)
    return;
  if (MP_IS_TASK (rec))
    {
      MpMilestone *m = milestone_of (self, rec, &pos);
      if (m == NULL)
        return;
      mp_document_begin (self->document, _("Remove Task"));
      mp_document_remove (self->document, mp_milestone_get_tasks (m), pos);
      mp_document_end (self->document);
    }
  else if (mp_milestone_get_invited_sequence (MP_MILESTONE (rec)) >= 0 &&
           mp_milestone_get_status (MP_MILESTONE (rec)) != MP_STATUS_DROPPED)
    {
      ask_drop_instead (self, MP_MILESTONE (rec));
      return;
    }
  else
    mp_document_remove_milestone (self->document, MP_MILESTONE (rec));

  /* Keep a selection near where the row was. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->tree)) > 0)
    gtk_single_selection_set_selected (self->selection,
                                       MIN (selected, g_list_model_get_n_items (G_LIST_MODEL (self->tree)) - 1));
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

void
mp_milestones_view_set_document (MpMilestonesView *self,
                                 MpDocument       *document)
{
  g_return_if_fail (MP_IS_MILESTONES_VIEW (self));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), self);

  g_clear_object (&self->tree);
  if (document != NULL)
    {
      GListModel *ms = G_LIST_MODEL (mp_plan_get_milestones (mp_document_get_plan (document)));
      self->tree = gtk_tree_list_model_new (g_object_ref (ms), FALSE, TRUE, create_children, NULL, NULL);
    }
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
  g_clear_handle_id (&self->flags_id, g_source_remove);
  g_clear_pointer (&self->flag_items, g_hash_table_unref);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_pointer (&self->paned, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (mp_milestones_view_parent_class)->dispose (object);
}

static void
mp_milestones_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MpMilestonesView *self = MP_MILESTONES_VIEW (object);

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

  switch (prop_id)
    {
    case PROP_SHOW_DETAILS:
      if (gtk_widget_get_visible (GTK_WIDGET (self->detail)) != g_value_get_boolean (value))
        {
          gtk_widget_set_visible (GTK_WIDGET (self->detail), g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_milestones_view_class_init (MpMilestonesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_milestones_view_dispose;
  object_class->get_property = mp_milestones_view_get_property;
  object_class->set_property = mp_milestones_view_set_property;

  /* The detail pane: shown on demand, so the list and the timeline fit. */
  properties[PROP_SHOW_DETAILS] =
    g_param_spec_boolean ("show-details", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "milestones.add", NULL, add_milestone);
  gtk_widget_class_install_action (widget_class, "milestones.add-task", NULL, add_task);
  gtk_widget_class_install_action (widget_class, "milestones.remove", NULL, remove_selected);
  gtk_widget_class_install_action (widget_class, "milestones.move-up", NULL, move_up);
  gtk_widget_class_install_action (widget_class, "milestones.move-down", NULL, move_down);
  gtk_widget_class_install_property_action (widget_class, "milestones.show-details", "show-details");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "milestones.show-details", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "milestones.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "milestones.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "milestones.add-task", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "milestones.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "milestones.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "milestones.move-down", NULL);

  responsible_strings[0] = C_("side", "Seller");
  responsible_strings[1] = C_("side", "Customer");
  responsible_strings[2] = C_("side", "Both");
  for (guint i = 0; i < 5; i++)
    status_strings[i] = mp_format_status (i);
}

static GtkWidget *
tool_button (const char *icon,
             const char *label,
             const char *tooltip,
             const char *action)
{
  GtkWidget *b = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));
  if (label != NULL)
    gtk_box_append (GTK_BOX (box), gtk_label_new (label));
  gtk_button_set_child (GTK_BUTTON (b), box);
  gtk_widget_set_tooltip_text (b, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (b), action);
  gtk_accessible_update_property (GTK_ACCESSIBLE (b), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label ? label : tooltip, -1);
  return b;
}

static void
mp_milestones_view_init (MpMilestonesView *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *b;

  self->flag_items = g_hash_table_new (NULL, NULL);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);

  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection))));
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Milestones"), -1);
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
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (i == COL_TITLE)
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->view, column);
    }

  gtk_widget_add_css_class (toolbar, "toolbar");
  b = tool_button ("list-add-symbolic", _("Add Milestone"), _("Add a milestone after the selected one (Insert)"),
                   "milestones.add");
  gtk_box_append (GTK_BOX (toolbar), b);
  b = tool_button ("list-add-symbolic", _("Add Task"), _("Add a task to the selected milestone (Ctrl+Shift+Return)"),
                   "milestones.add-task");
  gtk_box_append (GTK_BOX (toolbar), b);
  b = tool_button ("list-remove-symbolic", NULL, _("Remove"), "milestones.remove");
  gtk_widget_set_tooltip_text (b, _("Remove the selected milestone or task (Delete)"));
  gtk_box_append (GTK_BOX (toolbar), b);
  b = tool_button ("go-up-symbolic", NULL, _("Move Up"), "milestones.move-up");
  gtk_widget_set_tooltip_text (b, _("Move up (Alt+Up)"));
  gtk_box_append (GTK_BOX (toolbar), b);
  b = tool_button ("go-down-symbolic", NULL, _("Move Down"), "milestones.move-down");
  gtk_widget_set_tooltip_text (b, _("Move down (Alt+Down)"));
  gtk_box_append (GTK_BOX (toolbar), b);

  /* The baseline the timeline shows as ghost bars: slips at a glance. */
  {
    GtkWidget *label = gtk_label_new (_("Compare with"));

    gtk_widget_add_css_class (label, "dim-label");
    gtk_widget_set_hexpand (label, TRUE);
    gtk_widget_set_halign (label, GTK_ALIGN_END);
    gtk_box_append (GTK_BOX (toolbar), label);
    self->baselines = MP_BASELINE_CHOOSER (mp_baseline_chooser_new ());
    mp_baseline_chooser_set_allow_none (self->baselines, TRUE);
    mp_baseline_chooser_set_accessible_label (self->baselines, _("Baseline shown in the timeline"));
    g_signal_connect_swapped (self->baselines, "notify::baseline", G_CALLBACK (on_baseline_chosen), self);
    gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->baselines));
  }

  b = gtk_toggle_button_new ();
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("view-dual-symbolic"));
    gtk_box_append (GTK_BOX (box), gtk_label_new (_("Details")));
    gtk_button_set_child (GTK_BUTTON (b), box);
  }
  gtk_widget_set_tooltip_text (b, _("Show the details of the selected milestone (F9)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (b), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Details"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (b), "milestones.show-details");
  gtk_box_append (GTK_BOX (toolbar), b);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_hexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (outer), toolbar);
  gtk_box_append (GTK_BOX (outer), scrolled);

  /* The timeline below the list: both visible at 1280×800, in step. */
  self->timeline = MP_TIMELINE (mp_timeline_new ());
  mp_timeline_set_selection (self->timeline, self->selection);
  mp_timeline_set_list_vadjustment (self->timeline,
                                    gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)));
  {
    GtkWidget *split = gtk_paned_new (GTK_ORIENTATION_VERTICAL);

    gtk_paned_set_start_child (GTK_PANED (split), outer);
    gtk_paned_set_end_child (GTK_PANED (split), GTK_WIDGET (self->timeline));
    gtk_paned_set_shrink_start_child (GTK_PANED (split), FALSE);
    gtk_paned_set_shrink_end_child (GTK_PANED (split), FALSE);
    gtk_paned_set_position (GTK_PANED (split), 330);
    gtk_widget_set_size_request (outer, -1, 160);
    gtk_widget_set_size_request (GTK_WIDGET (self->timeline), -1, 200);
    outer = split;
  }

  self->detail = MP_MILESTONE_DETAIL (mp_milestone_detail_new ());
  self->paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_start_child (GTK_PANED (self->paned), outer);
  gtk_paned_set_end_child (GTK_PANED (self->paned), GTK_WIDGET (self->detail));
  gtk_paned_set_resize_end_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->paned), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->detail), FALSE);
  gtk_widget_set_parent (self->paned, GTK_WIDGET (self));
}

GtkWidget *
mp_milestones_view_new (void)
{
  return g_object_new (MP_TYPE_MILESTONES_VIEW, NULL);
}
