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

#include "mp-tooltip.h"
#include "mp-baseline-chooser.h"
#include "mp-cell-table.h"
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
  guint               select_id;
  guint               restore_id;
  gboolean            filtering;     /* the search changes the rows */
  MpCellTable        *cells;        /* the columns (mp-cell-table.h) */
  MpDate              due_before;   /* while the start is set */
  MpRecord           *pending_select;
  guint               last_selected;
  int                 owner_chrome;  /* an owner's button around the name */
  int                 header_widths[10]; /* the columns' headers' own widths */
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

static void show_toast (MpMilestonesView *self, const char *text, MpMilestone *droppable);
static void hide_toast (MpMilestonesView *self);

/* ---- rows ---- */

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

/* ---- the columns ----
 * One entry per column of the shared cell table (mp-cell-table.h): what
 * it shows of a milestone and of a task, with which editor, the name a
 * screen reader says before the value and the width its values need. The
 * hooks below add what only this list shows (the expander's leaf mark,
 * the status badge, task progress, the attention icons). */

static const char *responsible_strings[] = { NULL, NULL, NULL, NULL };
static const char *status_strings[] = { NULL, NULL, NULL, NULL, NULL, NULL };

static const char * const *
responsible_labels (void)
{
  return responsible_strings;
}

static const char * const *
status_labels (void)
{
  return status_strings;
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

static void
set_class (GtkWidget  *w,
           const char *name,
           gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (w, name);
  else
    gtk_widget_remove_css_class (w, name);
}

/* Title: overdue, dropped and done show on it; its own accessible name. */
static void
title_refresh (MpCellTable        *table,
               const MpCellColumn *column,
               GtkWidget          *cell,
               GtkWidget          *w,
               MpRecord           *rec)
{
  gboolean is_task = MP_IS_TASK (rec);
  const char *title = is_task ? mp_task_get_title (MP_TASK (rec)) : mp_milestone_get_title (MP_MILESTONE (rec));
  gboolean overdue = !is_task && mp_milestone_is_overdue (MP_MILESTONE (rec), mp_date_today ());

  if (overdue)
    {
      g_autofree char *tip = g_strdup_printf (_("%s (overdue)"), title ? title : "");
      mp_tooltip_set_text (w, tip);
    }
  set_class (w, "dropped", !is_task && mp_milestone_get_status (MP_MILESTONE (rec)) == MP_STATUS_DROPPED);
  set_class (w, "overdue", overdue);
  set_class (w, "task-done", is_task && mp_task_get_done (MP_TASK (rec)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_task ? _("Task title") : _("Milestone title"), -1);
  update_leaf (mp_cell_table_cell_expander (cell), rec);
}

static gboolean
title_follows (MpRecord *rec,
               guint     field)
{
  if (MP_IS_TASK (rec))
    return field == MP_TASK_DONE;
  return field == MP_MILESTONE_STATUS || field == MP_MILESTONE_DUE;
}

/* The milestone's tasks come and go: the expander's leaf mark and the
 * Tasks column follow. */
static void
on_tasks_changed (GListModel  *tasks,
                  guint        position,
                  guint        removed,
                  guint        added,
                  GtkListItem *item)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  GtkWidget *expander = mp_cell_table_cell_expander (cell);
  g_autoptr(MpRecord) rec = mp_cell_table_item_record (item);

  if (rec == NULL)
    return;
  if (expander != NULL)
    update_leaf (expander, rec);
  else if (MP_IS_MILESTONE (rec))
    {
      g_autofree char *progress = task_progress (MP_MILESTONE (rec));
      gtk_label_set_text (GTK_LABEL (mp_cell_table_cell_editor (cell, FALSE)), progress);
    }
}

static void
tasks_bind (MpCellTable *table,
            GtkListItem *item,
            GtkWidget   *cell,
            MpRecord    *rec)
{
  if (MP_IS_MILESTONE (rec))
    g_object_set_data (G_OBJECT (item), "tasks-handler",
                       GSIZE_TO_POINTER (g_signal_connect (mp_milestone_get_tasks (MP_MILESTONE (rec)), "items-changed",
                                                           G_CALLBACK (on_tasks_changed), item)));
}

static void
tasks_unbind (MpCellTable *table,
              GtkListItem *item,
              GtkWidget   *cell,
              MpRecord    *rec)
{
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "tasks-handler"));

  if (id != 0)
    g_signal_handler_disconnect (mp_milestone_get_tasks (MP_MILESTONE (rec)), id);
  g_object_set_data (G_OBJECT (item), "tasks-handler", NULL);
}

static void setup_title_dnd (MpCellTable *table, GtkListItem *item, GtkWidget *cell);

static const MpCellEditor title_editor_hooks = {
  .refresh = title_refresh,
  .follows = title_follows,
  .setup = setup_title_dnd,
  .bind = tasks_bind,
  .unbind = tasks_unbind,
};

/* Status: a badge for a milestone, "Done" for a task. */
static void
status_setup (MpCellTable *table,
              GtkListItem *item,
              GtkWidget   *cell)
{
  gtk_widget_add_css_class (mp_cell_table_cell_editor (cell, FALSE), "status");
}

static void
status_refresh (MpCellTable        *table,
                const MpCellColumn *column,
                GtkWidget          *cell,
                GtkWidget          *w,
                MpRecord           *rec)
{
  static const char *badges[] = { "status-planned", "status-in-progress", "status-done",
                                  "status-blocked", "status-dropped" };

  if (MP_IS_MILESTONE (rec))
    for (guint i = 0; i < G_N_ELEMENTS (badges); i++)
      set_class (w, badges[i], i == mp_milestone_get_status (MP_MILESTONE (rec)));
}

static char *
status_value (MpCellTable        *table,
              const MpCellColumn *column,
              GtkWidget          *cell,
              MpRecord           *rec)
{
  if (MP_IS_TASK (rec))
    return g_strdup (mp_task_get_done (MP_TASK (rec)) ? _("Done") : _("Not done"));
  return g_strdup (status_strings[mp_milestone_get_status (MP_MILESTONE (rec))]);
}

static const MpCellEditor status_hooks = {
  .refresh = status_refresh,
  .value = status_value,
  .setup = status_setup,
};

/* Tasks: done of all, kept current by the tasks' own changes. */
static void
progress_refresh (MpCellTable        *table,
                  const MpCellColumn *column,
                  GtkWidget          *cell,
                  GtkWidget          *w,
                  MpRecord           *rec)
{
  g_autofree char *progress = task_progress (MP_MILESTONE (rec));

  gtk_label_set_text (GTK_LABEL (w), progress);
}

static char *
progress_value (MpCellTable        *table,
                const MpCellColumn *column,
                GtkWidget          *cell,
                MpRecord           *rec)
{
  guint done, n;

  task_counts (MP_MILESTONE (rec), &done, &n);
  return g_strdup_printf (_("%u of %u"), done, n);
}

static const MpCellEditor progress_hooks = {
  .refresh = progress_refresh,
  .value = progress_value,
  .bind = tasks_bind,
  .unbind = tasks_unbind,
};

/* Attention: a risk icon and the invitation's state. */
static GtkWidget *
flags_make (MpCellTable        *table,
            const MpCellColumn *column,
            gboolean            child)
{
  GtkWidget *w = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *risk = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *mail = gtk_image_new_from_icon_name ("mail-unread-symbolic");

  gtk_widget_add_css_class (risk, "warning");
  gtk_box_append (GTK_BOX (w), risk);
  gtk_box_append (GTK_BOX (w), mail);
  return w;
}

static void
flags_refresh (MpCellTable        *table,
               const MpCellColumn *column,
               GtkWidget          *cell,
               GtkWidget          *box,
               MpRecord           *rec)
{
  MpDocument *document = mp_cell_table_get_document (table);
  MpMilestone *m = MP_MILESTONE (rec);
  GtkWidget *risk = gtk_widget_get_first_child (box);
  GtkWidget *mail = gtk_widget_get_next_sibling (risk);
  g_autoptr(MpMilestoneHealth) health = NULL;
  g_autoptr(GString) why = g_string_new (NULL);
  int sent = mp_milestone_get_invited_sequence (m);

  if (document == NULL)
    return;
  health = mp_milestone_health_new (mp_document_get_plan (document), m, mp_date_today (), NULL);
  if (health->overdue)
    g_string_append_printf (why, g_dngettext (GETTEXT_PACKAGE, "Overdue by %d day", "Overdue by %d days",
                                              health->days_late), health->days_late);
  for (guint i = 0; health->reasons && health->reasons[i]; i++)
    g_string_append_printf (why, "%s%s", why->len ? "\n" : "", health->reasons[i]);
  gtk_widget_set_visible (risk, why->len > 0);
  mp_tooltip_set_text (risk, why->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (risk), GTK_ACCESSIBLE_PROPERTY_LABEL, why->str, -1);

  {
    /* The invitation: out of date, and the customer's answers (mp-itip.h). */
    MpPlan *plan = mp_document_get_plan (document);
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
    mp_tooltip_set_text (mail, tip->str);
    gtk_accessible_update_property (GTK_ACCESSIBLE (mail), GTK_ACCESSIBLE_PROPERTY_LABEL, tip->str, -1);
  }
}

static char *
flags_value (MpCellTable        *table,
             const MpCellColumn *column,
             GtkWidget          *cell,
             MpRecord           *rec)
{
  GtkWidget *box = mp_cell_table_cell_editor (cell, FALSE);
  g_autoptr(GString) s = g_string_new (NULL);

  for (GtkWidget *i = gtk_widget_get_first_child (box); i; i = gtk_widget_get_next_sibling (i))
    if (gtk_widget_get_visible (i) && mp_tooltip_get_text (i))
      g_string_append_printf (s, "%s%s", s->len ? "; " : "", mp_tooltip_get_text (i));
  return g_strdup (s->len ? s->str : _("nothing"));
}

static const MpCellEditor flags_hooks = {
  .make = flags_make,
  .refresh = flags_refresh,
  .value = flags_value,
};

/* Dates: rows read as text, so no arrow (the date opens on click, Enter
 * and Space): ten columns must fit 1200 px in German. */
static void
hide_arrows (GtkWidget *widget)
{
  if (MP_IS_DATE_BUTTON (widget))
    mp_date_button_set_show_arrow (MP_DATE_BUTTON (widget), FALSE);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    hide_arrows (c);
}

static void
date_setup (MpCellTable *table,
            GtkListItem *item,
            GtkWidget   *cell)
{
  hide_arrows (cell);
}

static const MpCellEditor date_hooks = {
  .setup = date_setup,
};

/* The columns' places in the table below. */
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

/* The widths here are least widths: column_widths() measures the rest
 * (the title takes what is left). */
static const MpCellColumn columns[] = {
  { N_("Milestone"), N_("Title"), 160, MP_COLUMN_EXPAND | MP_COLUMN_OWN_LABEL,
    .row = { MP_CELL_TEXT, MP_MILESTONE_TITLE, MP_CELL_REQUIRED },
    .child = { MP_CELL_TEXT, MP_TASK_TITLE, MP_CELL_REQUIRED },
    .editor = &title_editor_hooks },
  { N_("Responsible"), N_("Responsible"), 0, 0,
    .row = { MP_CELL_CHOICE, MP_MILESTONE_RESPONSIBLE, .labels = responsible_labels } },
  { N_("Seller owner"), N_("Seller owner"), 0, 0,
    .row = { MP_CELL_PERSON, MP_MILESTONE_SELLER_OWNER, .party = MP_PARTY_SELLER },
    .child = { MP_CELL_PERSON, MP_TASK_OWNER, .party = MP_PARTY_SELLER } },
  { N_("Customer owner"), N_("Customer owner"), 0, 0,
    .row = { MP_CELL_PERSON, MP_MILESTONE_CUSTOMER_OWNER, .party = MP_PARTY_CUSTOMER },
    .child = { MP_CELL_PERSON, MP_TASK_OWNER, .party = MP_PARTY_CUSTOMER } },
  { N_("Start"), N_("Start date"), 0, 0,
    .row = { MP_CELL_DATE, MP_MILESTONE_START },
    .editor = &date_hooks },
  { N_("Due"), N_("Due date"), 0, 0,
    .row = { MP_CELL_DATE, MP_MILESTONE_DUE, .time_field = MP_MILESTONE_TIME },
    .child = { MP_CELL_DATE, MP_TASK_DUE, MP_CELL_ALLOW_NONE },
    .editor = &date_hooks },
  { N_("Status"), N_("Status"), 0, 0,
    .row = { MP_CELL_CHOICE, MP_MILESTONE_STATUS, .labels = status_labels },
    .child = { MP_CELL_CHECK, MP_TASK_DONE, .label = N_("Done") },
    .editor = &status_hooks },
  { N_("Committed"), N_("Committed"), 0, 0,
    .row = { MP_CELL_CHECK, MP_MILESTONE_COMMITMENT, .tooltip = N_("The owner has committed to the date") } },
  { N_("Tasks"), N_("Tasks done"), 0, MP_COLUMN_LIVE,
    .row = { MP_CELL_LABEL, MP_NO_FIELD, .tooltip = N_("Tasks done of all") },
    .editor = &progress_hooks },
  { N_("Attention"), N_("Attention"), 0, MP_COLUMN_LIVE,
    .row = { MP_CELL_CUSTOM, MP_NO_FIELD },
    .editor = &flags_hooks },
};

/* ---- column widths ----
 * Measured, not tuned for English: a column is as wide as its header in
 * the UI's language, or as an editor showing its widest value (made here
 * like mp-cell-table.c makes it and measured under the list's CSS, so the
 * buttons' and badges' padding count), plus the cell's padding. Owners
 * are as wide as the plan's longest name, up to MAX_OWNER_WIDTH (longer
 * names end in "…", the full name in the tooltip). The cell table sets
 * its widths first; these replace them. */

G_STATIC_ASSERT (G_N_ELEMENTS (columns) == N_COLUMNS);
G_STATIC_ASSERT (G_N_ELEMENTS (((MpMilestonesView *) NULL)->header_widths) == N_COLUMNS);

#define CELL_PADDING 6    /* style.css: columnview.milestones … > cell, 3px each side */
#define MAX_OWNER_WIDTH 180

/* The natural width of @widget (a new editor, consumed), styled as in
 * the list: it is put in the column view for the time of the measure,
 * never mapped there. */
static int
natural_width (MpMilestonesView *self,
               GtkWidget        *widget)
{
  int natural = 0;

  gtk_widget_set_child_visible (widget, FALSE);
  gtk_widget_set_parent (widget, GTK_WIDGET (self->view));
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  gtk_widget_unparent (widget);
  return natural;
}

/* A choice (side, owner, status) as mp-cell-table.c shows it: @text on a
 * flat button. */
static int
choice_width (MpMilestonesView *self,
              const char       *text,
              gboolean          badge)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), label);
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (button), FALSE);
  gtk_widget_add_css_class (button, "cell-choice");
  if (badge)
    gtk_widget_add_css_class (button, "status");
  return natural_width (self, button);
}

/* The widest date of a year as the date buttons show it (the month and a
 * two-digit day decide). */
static int
date_width (MpMilestonesView *self)
{
  int widest = 0;

  for (guint month = 1; month <= 12; month++)
    {
      GtkWidget *button = mp_date_button_new ();
      int w;

      mp_date_button_set_show_arrow (MP_DATE_BUTTON (button), FALSE);
      mp_date_button_set_date (MP_DATE_BUTTON (button), mp_date_from_ymd (2027, month, 28));
      w = natural_width (self, button);
      widest = MAX (widest, w);
    }
  return widest;
}

static int
value_width (MpMilestonesView *self,
             Column            col)
{
  int w = 0;

  switch (col)
    {
    case COL_TITLE:
      return 0;
    case COL_RESPONSIBLE:
      for (guint i = 0; responsible_strings[i] != NULL; i++)
        {
          int one = choice_width (self, responsible_strings[i], FALSE);
          w = MAX (w, one);
        }
      return w;
    case COL_SELLER_OWNER:
    case COL_CUSTOMER_OWNER:
      {
        MpPlan *plan = self->document ? mp_document_get_plan (self->document) : NULL;
        GListModel *people = plan ? G_LIST_MODEL (mp_plan_get_participants (plan)) : NULL;
        int name = 0;

        /* The button around a name (measured once), then the longest name. */
        if (self->owner_chrome == 0)
          self->owner_chrome = choice_width (self, "", FALSE);
        for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
          {
            g_autoptr(MpParticipant) p = g_list_model_get_item (people, i);
            g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->view),
                                                                            mp_participant_get_name (p));
            int width;

            pango_layout_get_pixel_size (layout, &width, NULL);
            name = MAX (name, width);
          }
        return self->owner_chrome + MIN (name, MAX_OWNER_WIDTH);
      }
    case COL_START:
      return date_width (self);
    case COL_DUE:
      {
        /* The date, then the time of day beside it (mp-cell-table.c: 4 px
         * apart). */
        g_autofree char *t = mp_time_format (23 * 60 + 59);
        GtkWidget *time = gtk_label_new (t);

        gtk_widget_add_css_class (time, "dim-label");
        w = natural_width (self, time);
        return date_width (self) + 4 + w;
      }
    case COL_STATUS:
      {
        /* A milestone's badge or a task's "Done" check. */
        int done = natural_width (self, gtk_check_button_new_with_label (_("Done")));

        for (guint i = 0; status_strings[i] != NULL; i++)
          {
            int one = choice_width (self, status_strings[i], TRUE);
            w = MAX (w, one);
          }
        return MAX (w, done);
      }
    case COL_COMMITMENT:
      return natural_width (self, gtk_check_button_new ());
    case COL_TASKS:
      return natural_width (self, gtk_label_new ("88/88"));
    case COL_FLAGS:
      return natural_width (self, flags_make (NULL, NULL, FALSE));
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  return 0;
}

/* The header of column @i as the view shows it. */
static GtkWidget *
column_header (MpMilestonesView *self,
               guint             i)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->view));
  GtkWidget *title = header ? gtk_widget_get_first_child (header) : NULL;

  for (; title != NULL && i > 0; i--)
    title = gtk_widget_get_next_sibling (title);
  return title;
}

/* Sets every column's width (only the owners' with @owners_only: they
 * follow the plan's names). */
static void
column_widths (MpMilestonesView *self,
               gboolean          owners_only)
{
  GListModel *cols = gtk_column_view_get_columns (self->view);

  for (guint i = 0; i < N_COLUMNS && i < g_list_model_get_n_items (cols); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (cols, i);
      GtkWidget *header = column_header (self, i);
      int header_width = 0, width;

      if (owners_only && i != COL_SELLER_OWNER && i != COL_CUSTOMER_OWNER)
        continue;
      /* The header's own width (a header measures as its column's fixed
       * width while it has one); kept for the owners' later updates. */
      if (!owners_only && header != NULL)
        {
          gtk_column_view_column_set_fixed_width (column, -1);
          gtk_widget_measure (header, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &self->header_widths[i], NULL, NULL);
        }
      header_width = self->header_widths[i];
      width = value_width (self, i) + CELL_PADDING;
      width = MAX (width, header_width);
      width = MAX (width, columns[i].width);
      if (gtk_column_view_column_get_fixed_width (column) != width)
        gtk_column_view_column_set_fixed_width (column, width);
    }
}

/* Moving the start after the due date moves the due date along (the
 * document keeps start ≤ due); the page says so. */
static void
on_cell_commit (MpCellTable *table,
                MpRecord    *record,
                guint        field,
                gboolean     done,
                gpointer     user_data)
{
  MpMilestonesView *self = user_data;

  if (!MP_IS_MILESTONE (record) || field != MP_MILESTONE_START)
    return;
  if (!done)
    self->due_before = mp_milestone_get_due (MP_MILESTONE (record));
  else if (mp_milestone_get_due (MP_MILESTONE (record)) != self->due_before)
    {
      g_autofree char *when = mp_date_format (mp_milestone_get_due (MP_MILESTONE (record)));
      g_autofree char *text = g_strdup_printf (_("Due date moved to %s to keep it after the start"), when);

      show_toast (self, text, NULL);
    }
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
  mp_cell_table_refresh_live (self->cells);
}

/* A new step: the notice about the last one goes. */
static void
on_document_changed (MpMilestonesView *self)
{
  if (!self->toast_arming)
    hide_toast (self);
  /* A name may have changed: the owners' columns follow. */
  column_widths (self, TRUE);
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
  /* Chosen now: a row that came into the plan a moment ago (Add, then
   * Add Task before the idle ran) no longer takes the selection. */
  g_clear_object (&self->pending_select);
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

static void
edit_title_when_shown (MpMilestonesView *self,
                       MpRecord         *record)
{
  mp_cell_table_edit_when_shown (self->cells, record);
}

/* Keeps the keyboard focus on the selected row (after remove, undo, move). */
static gboolean
focus_selected_idle (gpointer data)
{
  MpMilestonesView *self = data;
  g_autoptr(MpRecord) rec = selected_record (self);

  if (rec != NULL)
    mp_cell_table_focus_selected (self->cells);
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

/* ---- drag and drop: reorder milestones by dragging their title ---- */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListItem   *item)
{
  g_autoptr(MpRecord) rec = mp_cell_table_item_record (item);

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
  g_autoptr(MpRecord) rec = mp_cell_table_item_record (item);
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
setup_title_dnd (MpCellTable *table,
                 GtkListItem *item,
                 GtkWidget   *cell)
{
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
  mp_cell_table_set_document (self->cells, document);
  column_widths (self, TRUE);
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
  g_clear_object (&self->pending_select);
  g_clear_object (&self->toast_milestone);
  G_OBJECT_CLASS (mp_milestones_view_parent_class)->dispose (object);
}

static void
mp_milestones_view_finalize (GObject *object)
{
  MpMilestonesView *self = MP_MILESTONES_VIEW (object);

  g_clear_pointer (&self->cells, mp_cell_table_free);
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

/* One child, the template's overlay, as a GtkBinLayout would; by hand so
 * that the arrangement can follow the width (a layout manager's widget
 * gets no size_allocate call). */
static GtkSizeRequestMode
mp_milestones_view_get_request_mode (GtkWidget *widget)
{
  MpMilestonesView *self = MP_MILESTONES_VIEW (widget);

  return self->overlay ? gtk_widget_get_request_mode (self->overlay) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
mp_milestones_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  MpMilestonesView *self = MP_MILESTONES_VIEW (widget);

  *minimum = *natural = 0;
  if (self->overlay == NULL)
    return;
  gtk_widget_measure (self->overlay, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
mp_milestones_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  MpMilestonesView *self = MP_MILESTONES_VIEW (widget);

  if (self->overlay == NULL)
    return;
  gtk_widget_allocate (self->overlay, width, height, baseline, NULL);
  mp_workspace_allocated (widget, width);
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

  widget_class->get_request_mode = mp_milestones_view_get_request_mode;
  widget_class->measure = mp_milestones_view_measure;
  widget_class->size_allocate = mp_milestones_view_size_allocate;
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

static void
mp_milestones_view_init (MpMilestonesView *self)
{
  const char *kinds[] = { N_("All milestones"), N_("Overdue"), N_("Next 14 days"), N_("Seller side"),
                          N_("Customer side"), NULL };

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
  self->filter_people = g_ptr_array_new_with_free_func (g_free);
  self->filter = mp_milestone_filter_new ();

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);
  g_signal_connect (self->selection, "items-changed", G_CALLBACK (on_rows_changed), self);

  /* The columns: one table (mp-cell-table.h). */
  self->cells = mp_cell_table_new (self->view, self->selection, columns, G_N_ELEMENTS (columns), MP_TYPE_TASK);
  mp_cell_table_set_row_formats (self->cells, _("%s, row %u of %u"), _("Task %s, row %u of %u"));
  mp_cell_table_set_commit_func (self->cells, on_cell_commit, self);
  column_widths (self, FALSE);

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
