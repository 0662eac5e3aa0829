/* mp-timeline-follow.c: the timeline follows the milestones list
 *
 * With the list's GtkSingleSelection the timeline shows the list's rows:
 * the same milestones expanded, the same row selected (a task's own row
 * for a task), and the two scroll in proportion. The layout is rebuilt
 * in one idle after the plan changes, never per frame. The widget
 * remembers the selected milestone (and task) as objects, so that the
 * selection survives rows moving; `syncing_selection` stops the echo.
 *
 * Accessibility: GTK 4.8 cannot give a custom widget accessible children,
 * so each change of selection updates the widget's accessible description
 * with the row's title, dates, status and side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mp-format.h"
#include "mp-health.h"
#include "mp-model.h"
#include "mp-schedule.h"
#include "mp-style.h"
#include "mp-timeline.h"
#include "mp-timeline-private.h"

/* The item of the selection's model at @pos: the milestone or task
 * (GtkTreeListRow unwrapped). Transfer full. */
static GObject *
list_item (GListModel *model,
           guint       pos)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, pos);

  if (GTK_IS_TREE_LIST_ROW (item))
    return gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item));
  return g_steal_pointer (&item);
}

static GtkTreeListModel *
list_tree (MpTimeline *self)
{
  GListModel *model = self->selection ? gtk_single_selection_get_model (self->selection) : NULL;

  return GTK_IS_TREE_LIST_MODEL (model) ? GTK_TREE_LIST_MODEL (model) : NULL;
}

static int
task_index (MpMilestone *m,
            MpTask      *task)
{
  guint pos;

  if (m == NULL || task == NULL)
    return -1;
  if (!g_list_store_find (mp_milestone_get_tasks (m), task, &pos))
    return -1;
  return (int) pos;
}

/* The milestone a task belongs to, by looking in the plan. */
static MpMilestone *
milestone_of_task (MpTimeline *self,
                   MpTask     *task)
{
  GListModel *ms;
  guint n;

  if (self->plan == NULL)
    return NULL;
  ms = G_LIST_MODEL (mp_plan_get_milestones (self->plan));
  n = g_list_model_get_n_items (ms);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, i);

      if (g_list_store_find (mp_milestone_get_tasks (m), task, NULL))
        return m; /* the plan keeps it */
    }
  return NULL;
}

/* ---- accessibility ---- */

char *
mp_timeline_describe_dates (MpDate start,
                MpDate due)
{
  g_autofree char *s = mp_format_date (start);
  g_autofree char *d = mp_format_date (due);

  if (due == MP_DATE_NONE)
    return g_strdup (_("no due date"));
  if (start == MP_DATE_NONE)
    /* Translators: a milestone on one day */
    return g_strdup_printf (_("due %s"), d);
  /* Translators: start – due */
  return g_strdup_printf (_("%s to %s"), s, d);
}

char *
mp_timeline_describe_milestone (MpPlan      *plan,
                                MpMilestone *m)
{
  g_autofree char *dates = mp_timeline_describe_dates (mp_milestone_get_start (m), mp_milestone_get_due (m));
  g_autoptr(GString) s = g_string_new (NULL);
  const char *seller = mp_milestone_get_seller_owner (m);
  const char *customer = mp_milestone_get_customer_owner (m);
  MpDate today = mp_date_today ();

  /* Translators: title, dates, status, responsible side */
  g_string_append_printf (s, _("%s, %s, %s, %s"),
                          mp_milestone_get_title (m), dates,
                          mp_format_status (mp_milestone_get_status (m)),
                          mp_format_party (mp_milestone_get_responsible (m)));
  if (plan != NULL && seller != NULL && customer != NULL)
    /* Translators: the owners on the seller's and the customer's side */
    g_string_append_printf (s, _(", owners %s and %s"), mp_format_participant (plan, seller),
                            mp_format_participant (plan, customer));
  else if (plan != NULL && (seller != NULL || customer != NULL))
    /* Translators: the one owner a milestone has */
    g_string_append_printf (s, _(", owner %s"), mp_format_participant (plan, seller ? seller : customer));
  else
    g_string_append (s, _(", no owner"));
  /* What the chart's marks say (not by colour alone). */
  if (mp_milestone_is_overdue (m, today))
    g_string_append (s, _(", overdue"));
  if (plan != NULL)
    {
      /* This milestone's health alone: the description follows every
       * edit, and the whole plan's health is worked out again after
       * each (50 ms at 5,000 milestones). */
      g_autoptr(MpMilestoneHealth) h = mp_milestone_health_new (plan, m, today, NULL);

      if (h->risks != MP_RISK_NONE)
        g_string_append (s, _(", at risk"));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
mp_timeline_describe_task (MpMilestone *m,
               MpTask      *task)
{
  g_autofree char *due = mp_format_date (mp_task_get_due (task));

  if (mp_task_get_due (task) == MP_DATE_NONE)
    /* Translators: task title, milestone title */
    return g_strdup_printf (mp_task_get_done (task) ? _("Task %s of %s, no due date, done")
                                                    : _("Task %s of %s, no due date, open"),
                            mp_task_get_title (task), mp_milestone_get_title (m));
  /* Translators: task title, milestone title, due date */
  return g_strdup_printf (mp_task_get_done (task) ? _("Task %s of %s, due %s, done")
                                                  : _("Task %s of %s, due %s, open"),
                          mp_task_get_title (task), mp_milestone_get_title (m), due);
}

void
mp_timeline_update_accessible (MpTimeline *self)
{
  g_autofree char *text = NULL;

  if (self->sel_milestone == NULL)
    text = g_strdup (_("No milestone selected. Use the Up and Down keys to select one."));
  else if (self->sel_task != NULL)
    text = mp_timeline_describe_task (self->sel_milestone, self->sel_task);
  else
    text = mp_timeline_describe_milestone (self->plan, self->sel_milestone);

  if (g_strcmp0 (text, self->description) == 0)
    return;
  g_free (self->description);
  self->description = g_steal_pointer (&text);
  /* The name too: a screen reader reads the focused widget's name again
   * when it changes (Orca does; a new description alone goes unread). */
  {
    g_autofree char *label = self->sel_milestone == NULL ? g_strdup (_("Timeline"))
      /* Translators: the timeline's accessible name, with the selected bar */
      : g_strdup_printf (_("Timeline: %s"), self->description);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                    -1);
  }
}


/* ---- rows and the list ---- */

/* Finds the layout row of the selected milestone or task. */
static void
resolve_selected_row (MpTimeline *self)
{
  int k;

  self->sel_row = -1;
  self->view.selected = -1;
  self->view.selected_task = -1;
  if (self->layout == NULL || self->sel_milestone == NULL)
    return;
  k = mp_timeline_layout_find_milestone (self->layout, self->sel_milestone);
  if (k < 0)
    {
      /* Removed from the plan. */
      g_clear_object (&self->sel_milestone);
      g_clear_object (&self->sel_task);
      return;
    }
  self->view.selected = k;
  self->sel_row = (int) mp_timeline_layout_get_milestone_row (self->layout, (guint) k);
  if (self->sel_task != NULL)
    {
      int t = task_index (self->sel_milestone, self->sel_task);

      if (t < 0)
        g_clear_object (&self->sel_task);
      else if (mp_timeline_layout_get_expanded (self->layout, (guint) k))
        {
          /* The task's own row is the one highlighted. */
          self->sel_row += 1 + t;
          self->view.selected_task = t;
        }
    }
}

/* The list's rows that are expanded are the timeline's expanded ones:
 * then the two show the same rows in the same order. */
static void
sync_expanded (MpTimeline *self)
{
  GtkTreeListModel *tree = list_tree (self);
  guint n;

  if (self->layout == NULL)
    return;
  n = mp_timeline_layout_get_n_milestones (self->layout);
  for (guint k = 0; k < n; k++)
    {
      g_autoptr(GtkTreeListRow) row = tree ? gtk_tree_list_model_get_child_row (tree, k) : NULL;
      g_autoptr(GObject) item = row ? gtk_tree_list_row_get_item (row) : NULL;
      MpMilestone *m = mp_timeline_layout_get_milestone (self->layout, k);
      gboolean expanded;

      if (tree != NULL && item != (GObject *) m)
        continue; /* the list has not caught up yet: its items-changed follows */
      expanded = row != NULL && gtk_tree_list_row_get_expanded (row);
      if (expanded != mp_timeline_layout_get_expanded (self->layout, k))
        mp_timeline_layout_set_expanded (self->layout, k, expanded);
    }
}

/* The position in the list of @m (or of @task under it). */
static guint
list_position (MpTimeline  *self,
               MpMilestone *m,
               MpTask      *task)
{
  GListModel *model;
  GtkTreeListModel *tree = list_tree (self);
  GObject *target = task ? G_OBJECT (task) : G_OBJECT (m);
  guint n;

  if (self->selection == NULL || m == NULL)
    return GTK_INVALID_LIST_POSITION;
  model = G_LIST_MODEL (self->selection);

  /* The quick way: the k-th milestone is the k-th top-level row. */
  if (tree != NULL && self->layout != NULL)
    {
      int k = mp_timeline_layout_find_milestone (self->layout, m);
      g_autoptr(GtkTreeListRow) row = k >= 0 ? gtk_tree_list_model_get_child_row (tree, (guint) k) : NULL;
      g_autoptr(GObject) item = row ? gtk_tree_list_row_get_item (row) : NULL;

      if (item == (GObject *) m)
        {
          int t = task_index (m, task);

          if (task == NULL || !gtk_tree_list_row_get_expanded (row))
            return gtk_tree_list_row_get_position (row);
          if (t >= 0)
            {
              g_autoptr(GtkTreeListRow) child = gtk_tree_list_row_get_child_row (row, (guint) t);

              if (child != NULL)
                return gtk_tree_list_row_get_position (child);
            }
        }
    }

  /* Otherwise walk the list. */
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = list_item (model, i);

      if (item == target)
        return i;
    }
  if (task != NULL)
    return list_position (self, m, NULL);
  return GTK_INVALID_LIST_POSITION;
}

/* Scrolls the list so that @pos is visible. GTK 4.8 has no
 * gtk_column_view_scroll_to(): a column view's rows have one height
 * and its header is about one row, so the row's place follows from
 * the adjustment's range. */
static void
list_scroll_to (MpTimeline *self,
                guint       pos)
{
  GtkAdjustment *adj = self->list_vadj;
  guint n;
  double upper, page, value, row_h, top;

  if (adj == NULL || self->selection == NULL || pos == GTK_INVALID_LIST_POSITION)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  upper = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_lower (adj);
  page = gtk_adjustment_get_page_size (adj);
  value = gtk_adjustment_get_value (adj) - gtk_adjustment_get_lower (adj);
  if (n == 0 || upper <= page)
    return;
  row_h = upper / (n + 1);
  top = (pos + 1) * row_h;
  if (top < value + row_h || top + row_h > value + page)
    {
      self->syncing_list_scroll = TRUE;
      gtk_adjustment_set_value (adj, gtk_adjustment_get_lower (adj) + CLAMP (top - page / 3, 0, upper - page));
      self->syncing_list_scroll = FALSE;
    }
}

/* Sets what is selected; the list follows unless the change came from it. */
static void
set_selected (MpTimeline  *self,
              MpMilestone *m,
              MpTask      *task,
              gboolean     from_list)
{
  g_set_object (&self->sel_milestone, m);
  if (m == NULL)
    task = NULL;
  g_set_object (&self->sel_task, task);
  resolve_selected_row (self);

  if (!from_list && self->selection != NULL)
    {
      guint pos = list_position (self, self->sel_milestone, self->sel_task);

      self->syncing_selection = TRUE;
      gtk_single_selection_set_selected (self->selection, pos);
      self->syncing_selection = FALSE;
      list_scroll_to (self, pos);
    }
  mp_timeline_scroll_to_selection (self);
  mp_timeline_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
mp_timeline_select_row (MpTimeline *self,
            int         row)
{
  const MpTimelineRow *r;
  MpMilestone *m;
  g_autoptr(MpTask) task = NULL;

  if (self->layout == NULL || row < 0 || (guint) row >= mp_timeline_layout_get_n_rows (self->layout))
    {
      set_selected (self, NULL, NULL, FALSE);
      return;
    }
  r = mp_timeline_layout_get_row (self->layout, (guint) row);
  m = mp_timeline_layout_get_milestone (self->layout, r->milestone);
  if (r->kind == MP_TIMELINE_ROW_TASK)
    task = g_list_model_get_item (G_LIST_MODEL (mp_milestone_get_tasks (m)), (guint) r->task);
  set_selected (self, m, task, FALSE);
}

void
mp_timeline_on_selection_changed (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      MpTimeline         *self)
{
  guint pos;
  g_autoptr(GObject) item = NULL;

  if (self->syncing_selection)
    return;
  mp_timeline_do_sync (self, TRUE);
  pos = gtk_single_selection_get_selected (selection);
  if (pos != GTK_INVALID_LIST_POSITION)
    item = list_item (G_LIST_MODEL (selection), pos);

  if (MP_IS_MILESTONE (item))
    set_selected (self, MP_MILESTONE (item), NULL, TRUE);
  else if (MP_IS_TASK (item))
    {
      GtkTreeListModel *tree = list_tree (self);
      g_autoptr(GtkTreeListRow) row = tree ? gtk_tree_list_model_get_row (tree, pos) : NULL;
      g_autoptr(GtkTreeListRow) parent = row ? gtk_tree_list_row_get_parent (row) : NULL;
      g_autoptr(GObject) m = parent ? gtk_tree_list_row_get_item (parent) : NULL;

      if (!MP_IS_MILESTONE (m))
        g_set_object (&m, (GObject *) milestone_of_task (self, MP_TASK (item)));
      set_selected (self, MP_IS_MILESTONE (m) ? MP_MILESTONE (m) : NULL, MP_TASK (item), TRUE);
    }
  else
    set_selected (self, NULL, NULL, TRUE);
}

static void
on_selection_items_changed (GListModel *model,
                            guint       position,
                            guint       removed,
                            guint       added,
                            MpTimeline *self)
{
  mp_timeline_schedule_sync (self, DIRTY_EXPANDED | DIRTY_SELECTION);
}

/* The list's milestones, after its search and filter: the timeline lays
 * out the same ones, so row n is the same milestone or task in both. */
static void
follow_list_milestones (MpTimeline *self)
{
  GtkTreeListModel *tree = list_tree (self);

  if (self->layout != NULL)
    mp_timeline_layout_set_milestones (self->layout, tree ? gtk_tree_list_model_get_model (tree) : NULL);
}

static void
on_selection_model_notify (GtkSingleSelection *selection,
                           GParamSpec         *pspec,
                           MpTimeline         *self)
{
  follow_list_milestones (self);
  mp_timeline_schedule_sync (self, DIRTY_EXPANDED | DIRTY_SELECTION);
  mp_timeline_on_selection_changed (selection, NULL, self);
}


/* ---- scrolling ---- */

void
mp_timeline_update_adjustments (MpTimeline *self)
{
  double cw = 0, ch = 0, sx = 0, page_w, body_h, rows_h, row_h;

  page_w = MAX (0.0, self->view.width);
  body_h = mp_timeline_body_height (self);
  row_h = mp_timeline_view_get_row_height (&self->view);

  self->syncing_adjustments++;
  if (self->layout == NULL || page_w <= 0)
    {
      gtk_adjustment_configure (self->hadj, 0, 0, 0, 0, 0, 0);
      gtk_adjustment_configure (self->vadj, 0, 0, 0, 0, 0, 0);
    }
  else
    {
      mp_timeline_get_content_size (self->layout, &self->view, &cw, &ch, &sx);
      /* The view may be scrolled past the plan's range (zoom around the
       * pointer, Home/End): the range grows to include it. */
      gtk_adjustment_configure (self->hadj, sx, MIN (0.0, sx), MAX (cw, sx + page_w),
                                MAX (1.0, page_w / 20), page_w * 0.9, page_w);
      rows_h = ch - mp_timeline_header_height (self);
      self->view.scroll_y = CLAMP (self->view.scroll_y, 0.0, MAX (0.0, rows_h - body_h));
      gtk_adjustment_configure (self->vadj, self->view.scroll_y, 0, MAX (rows_h, body_h),
                                row_h, MAX (row_h, body_h * 0.9), body_h);
    }
  self->syncing_adjustments--;
}

/* The list's scroll and ours, proportionally: the first and the last
 * rows line up, the rows between approximately (the heights differ). */
static double
adjustment_fraction (GtkAdjustment *adj)
{
  double range = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj) -
                 gtk_adjustment_get_lower (adj);

  if (range <= 0)
    return 0.0;
  return CLAMP ((gtk_adjustment_get_value (adj) - gtk_adjustment_get_lower (adj)) / range, 0.0, 1.0);
}

static void
adjustment_set_fraction (GtkAdjustment *adj,
                         double         fraction)
{
  double range = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj) -
                 gtk_adjustment_get_lower (adj);

  if (range > 0)
    gtk_adjustment_set_value (adj, gtk_adjustment_get_lower (adj) + fraction * range);
}

void
mp_timeline_on_hadj_changed (GtkAdjustment *adj,
                 MpTimeline    *self)
{
  if (self->syncing_adjustments || self->layout == NULL)
    return;
  self->auto_fit = FALSE;
  mp_timeline_set_scroll_x (self->layout, &self->view, gtk_adjustment_get_value (adj));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
mp_timeline_on_vadj_changed (GtkAdjustment *adj,
                 MpTimeline    *self)
{
  if (self->syncing_adjustments)
    return;
  self->view.scroll_y = gtk_adjustment_get_value (adj);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->list_vadj != NULL && !self->syncing_list_scroll)
    {
      self->syncing_list_scroll = TRUE;
      adjustment_set_fraction (self->list_vadj, adjustment_fraction (adj));
      self->syncing_list_scroll = FALSE;
    }
}

static void
on_list_vadj_changed (GtkAdjustment *adj,
                      MpTimeline    *self)
{
  if (self->syncing_list_scroll)
    return;
  self->syncing_list_scroll = TRUE;
  adjustment_set_fraction (self->vadj, adjustment_fraction (adj));
  self->syncing_list_scroll = FALSE;
}

/* Moves the view vertically to @scroll_y (through the adjustment, so
 * the scrollbar and the list follow). */
static void
scroll_y_to (MpTimeline *self,
             double      scroll_y)
{
  gtk_adjustment_set_value (self->vadj, scroll_y);
  /* Before the first allocation the adjustment has no range yet. */
  self->view.scroll_y = gtk_adjustment_get_value (self->vadj);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Moves the view so that @first is the first visible day (fractional). */
void
mp_timeline_scroll_x_to_day (MpTimeline *self,
                 double      first)
{
  self->view.scale.first = first;
  self->auto_fit = FALSE;
  mp_timeline_update_adjustments (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* The selected row in view, and its bar when it is off to one side. */
void
mp_timeline_scroll_to_selection (MpTimeline *self)
{
  MpDate start, due;
  double chart_w = self->view.width - MAX (0.0, self->view.label_width);
  double px = self->view.scale.px_per_day;
  MpDate first, last;

  if (self->layout == NULL || self->sel_row < 0)
    return;
  if (mp_timeline_body_height (self) <= 0 || chart_w <= 0)
    {
      self->scroll_to_selection_pending = TRUE;
      return;
    }
  self->scroll_to_selection_pending = FALSE;

  {
    MpTimelineView v = self->view;

    mp_timeline_scroll_to_row (self->layout, &v, (guint) self->sel_row);
    if (v.scroll_y != self->view.scroll_y)
      scroll_y_to (self, v.scroll_y);
  }

  if (self->sel_task != NULL)
    start = due = mp_task_get_due (self->sel_task);
  else
    {
      start = mp_milestone_get_start (self->sel_milestone);
      due = mp_milestone_get_due (self->sel_milestone);
    }
  if (due == MP_DATE_NONE)
    return;
  if (start == MP_DATE_NONE || start > due)
    start = due;
  first = mp_scale_get_first_date (&self->view.scale);
  last = mp_scale_get_last_date (&self->view.scale, chart_w);
  if (start >= first && due + 1 <= last)
    return;
  /* Off screen: the bar a quarter into the view, or its start at the
   * left edge when it is wider than that leaves room for. */
  if ((due - start + 1) * px > chart_w * 0.7)
    mp_timeline_scroll_x_to_day (self, (double) start - 24.0 / px);
  else
    mp_timeline_scroll_x_to_day (self, (double) start - chart_w * 0.25 / px);
}


/* ---- the model ---- */

void
mp_timeline_do_sync (MpTimeline *self,
         gboolean    adjustments)
{
  guint dirty = self->dirty;

  if (dirty == 0 || self->layout == NULL)
    {
      self->dirty = 0;
      return;
    }
  self->dirty = 0;
  if (dirty & DIRTY_REBUILD)
    mp_timeline_layout_rebuild (self->layout);
  else if (dirty & DIRTY_ROWS)
    mp_timeline_layout_invalidate_rows (self->layout);
  if (dirty & (DIRTY_REBUILD | DIRTY_ROWS | DIRTY_EXPANDED))
    sync_expanded (self);
  resolve_selected_row (self);
  mp_timeline_update_accessible (self);
  if (adjustments)
    mp_timeline_update_adjustments (self);
  else
    self->dirty |= DIRTY_SELECTION; /* adjustments at the next sync */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
sync_idle (gpointer data)
{
  MpTimeline *self = data;

  self->sync_id = 0;
  mp_timeline_do_sync (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* Runs before the next frame (GTK redraws at a lower priority). */
void
mp_timeline_schedule_sync (MpTimeline *self,
               guint       flags)
{
  self->dirty |= flags;
  if (self->sync_id == 0)
    self->sync_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_idle, self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Whether the layout reads @field of @record: its rows, dependencies
 * and date range. Everything else is read when drawn. */
static gboolean
field_affects_layout (MpRecord *record,
                      guint     field)
{
  if (MP_IS_MILESTONE (record))
    switch (field)
      {
      case MP_MILESTONE_ID:
      case MP_MILESTONE_START:
      case MP_MILESTONE_DUE:
      case MP_MILESTONE_DEPENDS_ON:
      case MP_MILESTONE_TASKS:
        return TRUE;
      default:
        return FALSE;
      }
  if (MP_IS_TASK (record))
    return field == MP_TASK_DUE;
  if (MP_IS_HISTORY_ENTRY (record))
    return FALSE;
  return TRUE; /* the plan's dates, blackouts, anything else */
}

static void
on_record_changed (MpDocument *document,
                   MpRecord   *record,
                   guint       field,
                   MpTimeline *self)
{
  if (field_affects_layout (record, field))
    self->step_layout = TRUE;
  else
    self->step_other = TRUE;
}

/* A step ended: the layout is rebuilt once, before the next frame, unless
 * the step only changed fields it does not read (a title, a status):
 * then only the rows are laid out again, as the step may also have
 * inserted or removed tasks, which say nothing of themselves. */
static void
on_document_changed (MpDocument *document,
                     MpTimeline *self)
{
  gboolean rows_only = self->step_other && !self->step_layout;

  self->step_layout = self->step_other = FALSE;
  mp_timeline_schedule_sync (self, (rows_only ? DIRTY_ROWS : DIRTY_REBUILD) | DIRTY_SELECTION);
}

static void
on_plan_items_changed (GListModel *model,
                       guint       position,
                       guint       removed,
                       guint       added,
                       MpTimeline *self)
{
  /* The layout follows these lists by itself; rows and selection move. */
  mp_timeline_schedule_sync (self, DIRTY_EXPANDED | DIRTY_SELECTION);
}


void
mp_timeline_set_selection (MpTimeline         *self,
                           GtkSingleSelection *selection)
{
  g_return_if_fail (MP_IS_TIMELINE (self));
  g_return_if_fail (selection == NULL || GTK_IS_SINGLE_SELECTION (selection));

  if (self->selection == selection)
    return;
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    {
      g_signal_connect (selection, "notify::selected", G_CALLBACK (mp_timeline_on_selection_changed), self);
      g_signal_connect (selection, "notify::model", G_CALLBACK (on_selection_model_notify), self);
      g_signal_connect (selection, "items-changed", G_CALLBACK (on_selection_items_changed), self);
      follow_list_milestones (self);
      mp_timeline_schedule_sync (self, DIRTY_EXPANDED | DIRTY_SELECTION);
      mp_timeline_do_sync (self, TRUE);
      mp_timeline_on_selection_changed (selection, NULL, self);
    }
}

void
mp_timeline_set_list_vadjustment (MpTimeline    *self,
                                  GtkAdjustment *adjustment)
{
  g_return_if_fail (MP_IS_TIMELINE (self));
  g_return_if_fail (adjustment == NULL || GTK_IS_ADJUSTMENT (adjustment));

  if (self->list_vadj == adjustment)
    return;
  if (self->list_vadj != NULL)
    g_signal_handlers_disconnect_by_data (self->list_vadj, self);
  g_set_object (&self->list_vadj, adjustment);
  if (adjustment != NULL)
    g_signal_connect (adjustment, "value-changed", G_CALLBACK (on_list_vadj_changed), self);
}

MpMilestone *
mp_timeline_get_selected (MpTimeline *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), NULL);
  return self->sel_milestone;
}

void
mp_timeline_select (MpTimeline  *self,
                    MpMilestone *milestone)
{
  g_return_if_fail (MP_IS_TIMELINE (self));
  g_return_if_fail (milestone == NULL || MP_IS_MILESTONE (milestone));

  mp_timeline_do_sync (self, TRUE);
  set_selected (self, milestone, NULL, FALSE);
}

const char *
mp_timeline_get_accessible_description (MpTimeline *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), NULL);
  return self->description;
}

void
mp_timeline_disconnect_document (MpTimeline *self)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_data (mp_plan_get_milestones (self->plan), self);
      g_signal_handlers_disconnect_by_data (mp_plan_get_blackouts (self->plan), self);
    }
  if (self->shift_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->shift_dialog)));
  g_clear_object (&self->shift_changes);
  g_clear_object (&self->layout);
  g_clear_object (&self->plan);
  g_clear_object (&self->document);
  g_clear_object (&self->sel_milestone);
  g_clear_object (&self->sel_task);
  g_clear_object (&self->baseline);
  self->view.baseline = NULL;
  self->sel_row = -1;
  self->view.selected = -1;
  self->view.selected_task = -1;
  self->drag_mode = DRAG_NONE;
  g_clear_object (&self->drag_object);
  self->view.preview_milestone = -1;
}

void
mp_timeline_set_document (MpTimeline *self,
                          MpDocument *document)
{
  g_return_if_fail (MP_IS_TIMELINE (self));
  g_return_if_fail (document == NULL || MP_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  mp_timeline_disconnect_document (self);
  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->plan = g_object_ref (mp_document_get_plan (document));
      self->layout = mp_timeline_layout_new (self->plan);
      follow_list_milestones (self);
      g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);
      g_signal_connect (document, "record-changed", G_CALLBACK (on_record_changed), self);
      g_signal_connect (mp_plan_get_milestones (self->plan), "items-changed",
                        G_CALLBACK (on_plan_items_changed), self);
      g_signal_connect (mp_plan_get_blackouts (self->plan), "items-changed",
                        G_CALLBACK (on_plan_items_changed), self);
      self->fit_pending = TRUE;
      self->view.scroll_y = 0;
      mp_timeline_schedule_sync (self, DIRTY_EXPANDED | DIRTY_SELECTION);
      mp_timeline_do_sync (self, TRUE);
      /* The list may already have a selection. */
      if (self->selection != NULL)
        mp_timeline_on_selection_changed (self->selection, NULL, self);
      if (self->view.width > 0)
        mp_timeline_zoom_fit (self);
    }
  mp_timeline_update_accessible (self);
  mp_timeline_update_adjustments (self);
  mp_timeline_update_key_actions (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
