/* mp-timeline.c: the Gantt timeline widget
 *
 * One widget, four children: a toolbar on top, the chart under it (drawn
 * in snapshot by mp_timeline_render, through gtk_snapshot_append_cairo,
 * only the visible area), a vertical and a horizontal GtkScrollbar, and
 * optionally the legend at the bottom. The MpTimelineView is the truth
 * for scale and scroll; the scrollbars' adjustments are derived from it
 * (update_adjustments) and write back to it when the user moves them.
 *
 * The layout (rows, dependencies, date range) is rebuilt when the plan
 * changes (document ::changed, the milestone and blackout lists, the
 * list's rows being expanded or collapsed), in one idle before the next
 * frame, never per frame.
 *
 * Selection: the widget remembers the selected milestone (and task, for
 * a task row) as objects, so that it survives rows moving. With the
 * list's GtkSingleSelection the two follow each other; the guard
 * `syncing_selection` stops the echo.
 *
 * Accessibility: GTK 4.8 has no way to give a custom widget accessible
 * children, so the bars are reached through the selection: the timeline
 * is focusable, Up/Down walk its rows (every milestone and every task
 * row) and each change of selection updates the widget's accessible
 * description with the row's title, dates, status and side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mp-format.h"
#include "mp-model.h"
#include "mp-schedule.h"
#include "mp-style.h"
#include "mp-style.h"
#include "mp-timeline.h"
#include "mp-timeline-private.h"

#define DRAG_THRESHOLD 3.0
#define LEGEND_PADDING 6.0

typedef enum {
  DRAG_NONE,
  DRAG_PRESSED, /* pressed, nothing to drag (a click) */
  DRAG_MOVE,
  DRAG_START,
  DRAG_DUE,
} DragMode;

typedef enum {
  DIRTY_REBUILD   = 1 << 0, /* the plan changed: rebuild the layout */
  DIRTY_EXPANDED  = 1 << 1, /* the list's rows were expanded or collapsed */
  DIRTY_SELECTION = 1 << 2, /* find the selected row again */
} Dirty;

enum {
  RESPONSE_ONLY_THIS = 1,
  RESPONSE_WITH_DEPENDENTS = 2,
};

struct _MpTimeline
{
  GtkWidget           parent_instance;

  /* children */
  GtkWidget          *toolbar;
  GtkWidget          *legend_button;
  GtkWidget          *hscrollbar;
  GtkWidget          *vscrollbar;
  GtkAdjustment      *hadj;
  GtkAdjustment      *vadj;
  GtkWidget          *popover;
  GtkWidget          *popover_label;
  GtkWidget          *shift_dialog;

  /* model */
  MpDocument         *document;
  MpPlan             *plan;
  MpTimelineLayout   *layout;
  MpBaseline         *baseline;
  GtkSingleSelection *selection;
  GtkAdjustment      *list_vadj;
  guint               dirty;
  guint               sync_id;

  /* what is selected: a milestone, and a task of it for a task row */
  MpMilestone        *sel_milestone;
  MpTask             *sel_task;
  int                 sel_row;
  char               *description;

  /* the chart */
  MpTimelineView      view;
  PangoFontDescription *font;
  MpTimelinePaletteKind palette_kind;
  graphene_rect_t     chart;      /* in widget coordinates */
  graphene_rect_t     legend;
  gboolean            show_legend;
  gboolean            fit_pending;
  gboolean            auto_fit;   /* fitted and not zoomed since: refit on resize */
  gboolean            scroll_to_selection_pending;
  double              pointer_x;  /* in chart coordinates, -1: outside */
  double              pointer_y;

  /* a drag */
  GtkGesture         *drag;
  DragMode            drag_mode;
  MpTimelineHit       press_hit;
  double              press_x, press_y; /* chart coordinates */
  gboolean            drag_moved;
  int                 drag_milestone;
  MpMilestone        *drag_object;  /* the same, in case the plan changes meanwhile */
  MpDate              drag_start, drag_due; /* the milestone's dates before */

  /* the pending shift question */
  GListStore         *shift_changes;
  DragMode            shift_mode;
  int                 shift_milestone;
  MpDate              shift_start, shift_due;

  guint               syncing_adjustments;
  guint               syncing_selection : 1;
  guint               syncing_list_scroll : 1;
};

G_DEFINE_FINAL_TYPE (MpTimeline, mp_timeline, GTK_TYPE_WIDGET)

static void schedule_sync (MpTimeline *self, guint flags);
static void do_sync (MpTimeline *self, gboolean adjustments);
static void update_adjustments (MpTimeline *self);
static void scroll_to_selection (MpTimeline *self);

/* ---- helpers ---- */

static MpDate
max_date (void)
{
  return mp_date_from_ymd (9999, 12, 31);
}

static MpDate
clamp_date (gint64 d)
{
  return (MpDate) CLAMP (d, 1, (gint64) max_date ());
}

static double
header_height (MpTimeline *self)
{
  return mp_timeline_view_get_header_height (&self->view);
}

static double
body_height (MpTimeline *self)
{
  return MAX (0.0, self->view.height - header_height (self));
}

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

/* ---- palette and font ---- */

static void
update_style (MpTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *desc = pango_context_get_font_description (context);
  double resolution = pango_cairo_context_get_resolution (context);
  /* From the style itself (light text: dark), whatever the theme is called. */
  MpTimelinePaletteKind kind = mp_style_get_timeline_palette_kind (widget);

  if (kind != self->palette_kind)
    {
      self->palette_kind = kind;
      self->view.palette = mp_timeline_palette_get (kind);
    }

  g_clear_pointer (&self->font, pango_font_description_free);
  if (desc != NULL && pango_font_description_get_size (desc) > 0)
    {
      self->font = pango_font_description_copy (desc);
      /* The chart's text a little smaller than the list's: the rows of
       * both stay about the same height. */
      if (pango_font_description_get_size_is_absolute (self->font))
        pango_font_description_set_absolute_size (self->font, pango_font_description_get_size (desc) * 0.9);
      else
        pango_font_description_set_size (self->font, (int) (pango_font_description_get_size (desc) * 0.9));
    }
  self->view.font = self->font;
  self->view.resolution = resolution > 0 ? resolution : 96.0;
  gtk_widget_queue_resize (widget);
}

static void
on_settings_notify (GtkSettings *settings,
                    GParamSpec  *pspec,
                    MpTimeline  *self)
{
  update_style (self);
}

/* ---- accessibility ---- */

static char *
describe_dates (MpDate start,
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

static char *
describe_milestone (MpMilestone *m)
{
  g_autofree char *dates = describe_dates (mp_milestone_get_start (m), mp_milestone_get_due (m));

  /* Translators: title, dates, status, responsible side */
  return g_strdup_printf (_("%s, %s, %s, %s"),
                          mp_milestone_get_title (m), dates,
                          mp_format_status (mp_milestone_get_status (m)),
                          mp_format_party (mp_milestone_get_responsible (m)));
}

static char *
describe_task (MpMilestone *m,
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

static void
update_accessible (MpTimeline *self)
{
  g_autofree char *text = NULL;

  if (self->sel_milestone == NULL)
    text = g_strdup (_("No milestone selected. Use the Up and Down keys to select one."));
  else if (self->sel_task != NULL)
    text = describe_task (self->sel_milestone, self->sel_task);
  else
    text = describe_milestone (self->sel_milestone);

  if (g_strcmp0 (text, self->description) == 0)
    return;
  g_free (self->description);
  self->description = g_steal_pointer (&text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

/* ---- rows and the list ---- */

/* Finds the layout row of the selected milestone or task. */
static void
resolve_selected_row (MpTimeline *self)
{
  int k;

  self->sel_row = -1;
  self->view.selected = -1;
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
        self->sel_row += 1 + t;
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
  scroll_to_selection (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
select_row (MpTimeline *self,
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

static void
on_selection_changed (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      MpTimeline         *self)
{
  guint pos;
  g_autoptr(GObject) item = NULL;

  if (self->syncing_selection)
    return;
  do_sync (self, TRUE);
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
  schedule_sync (self, DIRTY_EXPANDED | DIRTY_SELECTION);
}

static void
on_selection_model_notify (GtkSingleSelection *selection,
                           GParamSpec         *pspec,
                           MpTimeline         *self)
{
  schedule_sync (self, DIRTY_EXPANDED | DIRTY_SELECTION);
  on_selection_changed (selection, NULL, self);
}

/* ---- scrolling ---- */

static void
update_adjustments (MpTimeline *self)
{
  double cw = 0, ch = 0, sx = 0, page_w, body_h, rows_h, row_h;

  page_w = MAX (0.0, self->view.width);
  body_h = body_height (self);
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
      rows_h = ch - header_height (self);
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

static void
on_hadj_changed (GtkAdjustment *adj,
                 MpTimeline    *self)
{
  if (self->syncing_adjustments || self->layout == NULL)
    return;
  self->auto_fit = FALSE;
  mp_timeline_set_scroll_x (self->layout, &self->view, gtk_adjustment_get_value (adj));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_vadj_changed (GtkAdjustment *adj,
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
static void
scroll_x_to_day (MpTimeline *self,
                 double      first)
{
  self->view.scale.first = first;
  self->auto_fit = FALSE;
  update_adjustments (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* The selected row in view, and its bar when it is off to one side. */
static void
scroll_to_selection (MpTimeline *self)
{
  MpDate start, due;
  double chart_w = self->view.width - MAX (0.0, self->view.label_width);
  double px = self->view.scale.px_per_day;
  MpDate first, last;

  if (self->layout == NULL || self->sel_row < 0)
    return;
  if (body_height (self) <= 0 || chart_w <= 0)
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
    scroll_x_to_day (self, (double) start - 24.0 / px);
  else
    scroll_x_to_day (self, (double) start - chart_w * 0.25 / px);
}

/* ---- the model ---- */

static void
do_sync (MpTimeline *self,
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
  if (dirty & (DIRTY_REBUILD | DIRTY_EXPANDED))
    sync_expanded (self);
  resolve_selected_row (self);
  update_accessible (self);
  if (adjustments)
    update_adjustments (self);
  else
    self->dirty |= DIRTY_SELECTION; /* adjustments at the next sync */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
sync_idle (gpointer data)
{
  MpTimeline *self = data;

  self->sync_id = 0;
  do_sync (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* Runs before the next frame (GTK redraws at a lower priority). */
static void
schedule_sync (MpTimeline *self,
               guint       flags)
{
  self->dirty |= flags;
  if (self->sync_id == 0)
    self->sync_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_idle, self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_document_changed (MpDocument *document,
                     MpTimeline *self)
{
  schedule_sync (self, DIRTY_REBUILD | DIRTY_SELECTION);
}

static void
on_plan_items_changed (GListModel *model,
                       guint       position,
                       guint       removed,
                       guint       added,
                       MpTimeline *self)
{
  /* The layout follows these lists by itself; rows and selection move. */
  schedule_sync (self, DIRTY_EXPANDED | DIRTY_SELECTION);
}

/* ---- drawing ---- */

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
set_color (cairo_t               *cr,
           const MpTimelineColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

static char *
drag_label_text (MpTimeline *self)
{
  MpMilestone *m = mp_timeline_layout_get_milestone (self->layout, (guint) self->drag_milestone);
  g_autofree char *dates = describe_dates (self->view.preview_start, self->view.preview_due);
  int days = (int) self->view.preview_due - (int) self->drag_due;
  g_autofree char *delta = NULL;

  if (self->drag_mode == DRAG_START)
    days = (int) self->view.preview_start - (int) self->drag_start;
  if (days != 0)
    delta = g_strdup_printf (g_dngettext (NULL, "%+d day", "%+d days", ABS (days)), days);
  return g_strdup_printf ("%s\n%s%s%s%s", mp_milestone_get_title (m), dates,
                          delta ? " (" : "", delta ? delta : "", delta ? ")" : "");
}

/* The new dates beside the bar while dragging. */
static void
draw_drag_label (MpTimeline *self,
                 cairo_t    *cr)
{
  const MpTimelinePalette *pal = self->view.palette ? self->view.palette
                                                    : mp_timeline_palette_get (MP_TIMELINE_PALETTE_LIGHT);
  g_autofree char *text = drag_label_text (self);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  guint row = mp_timeline_layout_get_milestone_row (self->layout, (guint) self->drag_milestone);
  double row_y = mp_timeline_row_get_y (&self->view, row);
  double row_h = mp_timeline_view_get_row_height (&self->view);
  double x, y, w, h;
  int tw, th;

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), self->view.resolution);
  if (self->font)
    pango_layout_set_font_description (layout, self->font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &tw, &th);
  w = tw + 12;
  h = th + 8;
  x = CLAMP (self->pointer_x + 14, 2, MAX (2.0, self->view.width - w - 2));
  /* Above the row, or below it when there is no room above. */
  y = row_y - h - 2;
  if (y < header_height (self) + 2)
    y = row_y + row_h + 2;
  y = CLAMP (y, 2, MAX (2.0, self->view.height - h - 2));

  rounded_rect (cr, x + 0.5, y + 0.5, w - 1, h - 1, 4);
  set_color (cr, &pal->header_background);
  cairo_fill_preserve (cr);
  set_color (cr, &pal->hover);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
  set_color (cr, &pal->header_text);
  cairo_move_to (cr, x + 6, y + 4);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

/* A line of text in the middle of the empty chart. */
static void
draw_hint (MpTimeline *self,
           cairo_t    *cr,
           const char *text)
{
  const MpTimelinePalette *pal = self->view.palette ? self->view.palette
                                                    : mp_timeline_palette_get (MP_TIMELINE_PALETTE_LIGHT);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  double top = header_height (self), x, y;
  int tw, th;

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), self->view.resolution);
  if (self->font)
    pango_layout_set_font_description (layout, self->font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &tw, &th);
  x = MAX (4.0, (self->view.width - tw) / 2);
  y = top + MAX (4.0, (self->view.height - top - th) / 2);
  /* On the background colour: the today line may run behind it. */
  rounded_rect (cr, x - 8, y - 4, tw + 16, th + 8, 4);
  set_color (cr, &pal->background);
  cairo_fill (cr);
  set_color (cr, &pal->text_dim);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
mp_timeline_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  MpTimeline *self = MP_TIMELINE (widget);
  const MpTimelinePalette *pal = self->view.palette ? self->view.palette
                                                    : mp_timeline_palette_get (MP_TIMELINE_PALETTE_LIGHT);
  cairo_t *cr;

  do_sync (self, FALSE);

  if (self->chart.size.width > 0 && self->chart.size.height > 0)
    {
      cr = gtk_snapshot_append_cairo (snapshot, &self->chart);
      cairo_translate (cr, self->chart.origin.x, self->chart.origin.y);
      if (self->layout != NULL)
        {
          mp_timeline_render (cr, self->layout, &self->view);
          if (mp_timeline_layout_get_n_rows (self->layout) == 0)
            draw_hint (self, cr, _("No milestones yet. Add them in the list above."));
          if (self->drag_moved && self->drag_mode >= DRAG_MOVE && self->view.preview_milestone >= 0)
            draw_drag_label (self, cr);
        }
      else
        {
          set_color (cr, &pal->background);
          cairo_paint (cr);
        }
      /* The focus: a frame around the chart. */
      if (gtk_widget_has_visible_focus (widget) && gtk_widget_is_focus (widget))
        {
          set_color (cr, &pal->hover);
          cairo_set_line_width (cr, 2.0);
          cairo_rectangle (cr, 1, 1, self->chart.size.width - 2, self->chart.size.height - 2);
          cairo_stroke (cr);
        }
      cairo_destroy (cr);
    }

  if (self->show_legend && self->legend.size.height > 0)
    {
      cr = gtk_snapshot_append_cairo (snapshot, &self->legend);
      cairo_translate (cr, self->legend.origin.x, self->legend.origin.y);
      set_color (cr, &pal->background);
      cairo_paint (cr);
      mp_timeline_render_legend (cr, &self->view, LEGEND_PADDING, LEGEND_PADDING,
                                 self->legend.size.width - 2 * LEGEND_PADDING);
      cairo_destroy (cr);
    }

  gtk_widget_snapshot_child (widget, self->toolbar, snapshot);
  if (gtk_widget_get_child_visible (self->vscrollbar))
    gtk_widget_snapshot_child (widget, self->vscrollbar, snapshot);
  if (gtk_widget_get_child_visible (self->hscrollbar))
    gtk_widget_snapshot_child (widget, self->hscrollbar, snapshot);
}

/* ---- size ---- */

static void
mp_timeline_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  MpTimeline *self = MP_TIMELINE (widget);
  int tmin, tnat, smin, snat;

  gtk_widget_measure (self->toolbar, orientation, -1, &tmin, &tnat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (self->vscrollbar, orientation, -1, &smin, &snat, NULL, NULL);
      *minimum = MAX (tmin, 120 + smin);
      *natural = MAX (tnat, 640 + snat);
    }
  else
    {
      double header = header_height (self);
      double row_h = mp_timeline_view_get_row_height (&self->view);
      guint rows = self->layout ? mp_timeline_layout_get_n_rows (self->layout) : 0;
      double legend = 0;

      gtk_widget_measure (self->hscrollbar, orientation, -1, &smin, &snat, NULL, NULL);
      if (self->show_legend)
        legend = ceil (mp_timeline_render_legend (NULL, &self->view, 0, 0,
                                                  (for_size > 0 ? for_size : 640) - 2 * LEGEND_PADDING)) +
                 2 * LEGEND_PADDING;
      *minimum = tmin + smin + (int) ceil (header + 2 * row_h + legend);
      *natural = tnat + snat + (int) ceil (header + CLAMP (rows, 4u, 12u) * row_h + legend);
    }
  *minimum_baseline = *natural_baseline = -1;
}

static void
mp_timeline_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  MpTimeline *self = MP_TIMELINE (widget);
  int th, vw, hh, unused;
  double legend_h = 0, chart_w, chart_h;
  gboolean refit;

  gtk_widget_measure (self->toolbar, GTK_ORIENTATION_VERTICAL, width, &unused, &th, NULL, NULL);
  gtk_widget_measure (self->vscrollbar, GTK_ORIENTATION_HORIZONTAL, -1, &unused, &vw, NULL, NULL);
  gtk_widget_measure (self->hscrollbar, GTK_ORIENTATION_VERTICAL, -1, &unused, &hh, NULL, NULL);
  if (self->show_legend)
    legend_h = ceil (mp_timeline_render_legend (NULL, &self->view, 0, 0, width - 2 * LEGEND_PADDING)) +
               2 * LEGEND_PADDING;

  /* A scrollbar only when there is something to scroll: the rows taller
   * than the chart, or the plan's range (or the view) wider than it. */
  /* The first fit, before deciding on scrollbars: it sets the scale. */
  if (self->fit_pending && self->layout != NULL && width - vw > 0)
    {
      self->fit_pending = FALSE;
      self->auto_fit = TRUE;
      self->view.width = width - vw;
      self->view.height = MAX (0.0, height - th - hh - legend_h);
      do_sync (self, FALSE);
      mp_timeline_zoom_to_fit (self->layout, &self->view);
    }
  {
    gboolean need_v = FALSE, need_h = FALSE;

    if (self->layout != NULL && !self->fit_pending)
      {
        double cw, ch, sx, page_w = MAX (0, width - vw);

        mp_timeline_get_content_size (self->layout, &self->view, &cw, &ch, &sx);
        need_v = ch > height - th - hh - legend_h;
        need_h = cw > page_w + 0.5 || sx < -0.5 || sx + page_w > cw + 0.5;
      }
    else if (self->layout != NULL)
      need_v = TRUE; /* until the first fit: the usual case */
    if (!need_v)
      vw = 0;
    if (!need_h)
      hh = 0;
    gtk_widget_set_child_visible (self->vscrollbar, need_v);
    gtk_widget_set_child_visible (self->hscrollbar, need_h);
  }

  chart_w = MAX (0, width - vw);
  chart_h = MAX (0.0, height - th - hh - legend_h);
  graphene_rect_init (&self->chart, 0, th, chart_w, chart_h);
  graphene_rect_init (&self->legend, 0, height - legend_h, width, legend_h);

  /* The adjustments first: changing them after allocating the
   * scrollbars would leave their sliders unallocated for this frame. */
  /* Until the user zooms or scrolls sideways, the whole plan stays in
   * view as the widget changes size. */
  refit = self->auto_fit && self->layout != NULL && chart_w > 0 &&
          fabs (chart_w - self->view.width) > 0.5;
  self->view.width = chart_w;
  self->view.height = chart_h;
  do_sync (self, FALSE);
  if (refit)
    mp_timeline_zoom_to_fit (self->layout, &self->view);
  update_adjustments (self);
  if (self->scroll_to_selection_pending)
    scroll_to_selection (self);

  gtk_widget_size_allocate (self->toolbar, &(GtkAllocation) { 0, 0, width, th }, -1);
  if (vw > 0)
    gtk_widget_size_allocate (self->vscrollbar, &(GtkAllocation) { (int) chart_w, th, vw, (int) chart_h }, -1);
  if (hh > 0)
    gtk_widget_size_allocate (self->hscrollbar, &(GtkAllocation) { 0, th + (int) chart_h, (int) chart_w, hh }, -1);

  if (gtk_widget_get_visible (self->popover))
    gtk_popover_present (GTK_POPOVER (self->popover));
}

/* ---- zoom ---- */

static void
zoom_around (MpTimeline *self,
             double      factor,
             double      anchor_x)
{
  double chart_x = MAX (0.0, self->view.label_width);

  self->auto_fit = FALSE;
  if (mp_scale_zoom_around (&self->view.scale, factor, anchor_x - chart_x))
    {
      update_adjustments (self);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
}

static double
chart_center (MpTimeline *self)
{
  double chart_x = MAX (0.0, self->view.label_width);

  return chart_x + (self->view.width - chart_x) / 2;
}

void
mp_timeline_zoom_in (MpTimeline *self)
{
  g_return_if_fail (MP_IS_TIMELINE (self));
  zoom_around (self, MP_SCALE_ZOOM_STEP, chart_center (self));
}

void
mp_timeline_zoom_out (MpTimeline *self)
{
  g_return_if_fail (MP_IS_TIMELINE (self));
  zoom_around (self, 1.0 / MP_SCALE_ZOOM_STEP, chart_center (self));
}

void
mp_timeline_zoom_fit (MpTimeline *self)
{
  g_return_if_fail (MP_IS_TIMELINE (self));

  if (self->layout == NULL)
    return;
  do_sync (self, TRUE);
  if (self->view.width <= 0)
    {
      self->fit_pending = TRUE;
      return;
    }
  mp_timeline_zoom_to_fit (self->layout, &self->view);
  self->auto_fit = TRUE;
  update_adjustments (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
scroll_to_end (MpTimeline *self,
               gboolean    end)
{
  MpDate first, last;
  double chart_w = self->view.width - MAX (0.0, self->view.label_width);
  double px = self->view.scale.px_per_day;

  if (self->layout == NULL || chart_w <= 0)
    return;
  do_sync (self, TRUE);
  if (!mp_timeline_layout_get_date_range (self->layout, &first, &last))
    mp_timeline_get_content_range (self->layout, &self->view, &first, &last);
  /* A little room before the start, and after the end for its title. */
  if (end)
    scroll_x_to_day (self, (double) last + 1 - (chart_w - MIN (120.0, chart_w / 4)) / px);
  else
    scroll_x_to_day (self, (double) first - MIN (24.0, chart_w / 8) / px);
}

/* ---- edits ---- */

static void
set_milestone_dates (MpTimeline  *self,
                     MpMilestone *m,
                     MpDate       start,
                     MpDate       due,
                     const char  *label)
{
  mp_document_begin (self->document, label);
  /* The order keeps start ≤ due at every step. */
  if (start != MP_DATE_NONE && start > mp_milestone_get_due (m))
    {
      mp_document_set_date (self->document, MP_RECORD (m), MP_MILESTONE_DUE, due);
      mp_document_set_date (self->document, MP_RECORD (m), MP_MILESTONE_START, start);
    }
  else
    {
      mp_document_set_date (self->document, MP_RECORD (m), MP_MILESTONE_START, start);
      mp_document_set_date (self->document, MP_RECORD (m), MP_MILESTONE_DUE, due);
    }
  mp_document_end (self->document);
}

static const char *
drag_label (DragMode mode)
{
  switch (mode)
    {
    case DRAG_START:
      return _("Change Start Date");
    case DRAG_DUE:
      return _("Change Due Date");
    case DRAG_MOVE:
    default:
      return _("Move Milestone");
    }
}

static void
clear_preview (MpTimeline *self)
{
  self->view.preview_milestone = -1;
  self->view.preview_start = self->view.preview_due = MP_DATE_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Applies "move with dependents": @changes from mp_plan_preview_shift,
 * the milestone itself first. */
static void
apply_with_dependents (MpTimeline  *self,
                       DragMode     mode,
                       MpMilestone *m,
                       MpDate       start,
                       MpDate       due,
                       GListStore  *changes)
{
  if (mode == DRAG_MOVE)
    {
      mp_document_apply_shift (self->document, G_LIST_MODEL (changes));
      return;
    }
  /* A new due date: the milestone's start stays; its dependents shift. */
  {
    g_autoptr(GListStore) others = g_list_store_new (MP_TYPE_DATE_CHANGE);
    guint n = g_list_model_get_n_items (G_LIST_MODEL (changes));

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(MpDateChange) c = g_list_model_get_item (G_LIST_MODEL (changes), i);

        if (mp_date_change_get_milestone (c) != m)
          g_list_store_append (others, c);
      }
    mp_document_begin (self->document, _("Shift with Dependents"));
    set_milestone_dates (self, m, start, due, drag_label (mode));
    mp_document_apply_shift (self->document, G_LIST_MODEL (others));
    mp_document_end (self->document);
  }
}

static void
on_shift_response (GtkDialog  *dialog,
                   int         response,
                   MpTimeline *self)
{
  g_autoptr(GListStore) changes = g_steal_pointer (&self->shift_changes);
  MpMilestone *m = NULL;

  if (self->layout != NULL && self->shift_milestone >= 0 &&
      (guint) self->shift_milestone < mp_timeline_layout_get_n_milestones (self->layout))
    m = mp_timeline_layout_get_milestone (self->layout, (guint) self->shift_milestone);

  self->shift_dialog = NULL;
  gtk_window_destroy (GTK_WINDOW (dialog));
  clear_preview (self);

  if (m == NULL || self->document == NULL)
    return;
  if (response == RESPONSE_ONLY_THIS)
    set_milestone_dates (self, m, self->shift_start, self->shift_due, drag_label (self->shift_mode));
  else if (response == RESPONSE_WITH_DEPENDENTS && changes != NULL)
    apply_with_dependents (self, self->shift_mode, m, self->shift_start, self->shift_due, changes);
}

static char *
describe_changes (GListModel *changes)
{
  GString *s = g_string_new (NULL);
  guint n = g_list_model_get_n_items (changes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpDateChange) c = g_list_model_get_item (changes, i);
      MpMilestone *m = mp_date_change_get_milestone (c);
      g_autofree char *old_dates = describe_dates (mp_date_change_get_old_start (c),
                                                   mp_date_change_get_old_due (c));
      g_autofree char *new_dates = describe_dates (mp_date_change_get_new_start (c),
                                                   mp_date_change_get_new_due (c));

      if (i > 0)
        g_string_append_c (s, '\n');
      /* Translators: milestone: old dates → new dates */
      g_string_append_printf (s, _("%s: %s → %s"),
                              m ? mp_milestone_get_title (m) : mp_date_change_get_milestone_id (c),
                              old_dates, new_dates);
    }
  return g_string_free (s, FALSE);
}

static void
ask_shift (MpTimeline  *self,
           DragMode     mode,
           int          milestone,
           MpDate       start,
           MpDate       due,
           int          days,
           GListStore  *changes)
{
  MpMilestone *m = mp_timeline_layout_get_milestone (self->layout, (guint) milestone);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *area, *scrolled, *label;
  g_autofree char *list = describe_changes (G_LIST_MODEL (changes));

  self->shift_changes = g_object_ref (changes);
  self->shift_mode = mode;
  self->shift_milestone = milestone;
  self->shift_start = start;
  self->shift_due = due;

  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Move what depends on “%s” too?"),
                                   mp_milestone_get_title (m));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            g_dngettext (NULL,
                                                         "Moving it by %d day would also move these (each to a working day):",
                                                         "Moving it by %d days would also move these (each to a working day):",
                                                         ABS (days)),
                                            days);
  area = gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (dialog));
  label = gtk_label_new (list);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("What moves"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_box_append (GTK_BOX (area), scrolled);

  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("Move _Only This"), RESPONSE_ONLY_THIS,
                          _("Move _With Dependents"), RESPONSE_WITH_DEPENDENTS,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_WITH_DEPENDENTS);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_shift_response), self, 0);
  self->shift_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Ends a drag of milestone @milestone to (@start, @due). */
static void
commit_dates (MpTimeline *self,
              DragMode    mode,
              int         milestone,
              MpDate      start,
              MpDate      due)
{
  MpMilestone *m = mp_timeline_layout_get_milestone (self->layout, (guint) milestone);
  int days = (int) due - (int) mp_milestone_get_due (m);
  guint n_dependents = 0;

  if (start == mp_milestone_get_start (m) && due == mp_milestone_get_due (m))
    {
      clear_preview (self);
      return;
    }
  mp_timeline_layout_get_dependents (self->layout, (guint) milestone, &n_dependents);
  if (mode != DRAG_START && days != 0 && n_dependents > 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListStore) changes = mp_plan_preview_shift (self->plan, m, days, &error);

      /* Only ask when something besides the milestone would move. */
      if (changes != NULL && g_list_model_get_n_items (G_LIST_MODEL (changes)) > 1)
        {
          ask_shift (self, mode, milestone, start, due, days, changes);
          return; /* the preview stays drawn while the question is open */
        }
    }
  clear_preview (self);
  set_milestone_dates (self, m, start, due, drag_label (mode));
}

/* Alt+arrows: one day, one undo step, no question. */
static void
nudge_selected (MpTimeline *self,
                int         days,
                gboolean    due_only)
{
  MpMilestone *m = self->sel_milestone;
  MpDate start, due;

  if (self->document == NULL || m == NULL)
    return;
  if (self->sel_task != NULL)
    {
      MpDate d = mp_task_get_due (self->sel_task);

      if (d != MP_DATE_NONE)
        {
          mp_document_begin (self->document, _("Change Task Due Date"));
          mp_document_set_date (self->document, MP_RECORD (self->sel_task), MP_TASK_DUE,
                                clamp_date ((gint64) d + days));
          mp_document_end (self->document);
        }
      return;
    }
  start = mp_milestone_get_start (m);
  due = mp_milestone_get_due (m);
  if (due == MP_DATE_NONE)
    return;
  if (due_only)
    {
      due = clamp_date ((gint64) due + days);
      if (start != MP_DATE_NONE && due < start)
        return;
      set_milestone_dates (self, m, start, due, _("Change Due Date"));
    }
  else
    {
      if (start != MP_DATE_NONE)
        start = clamp_date ((gint64) start + days);
      due = clamp_date ((gint64) due + days);
      set_milestone_dates (self, m, start, due, _("Move Milestone"));
    }
  scroll_to_selection (self);
}

/* ---- pointer ---- */

static void
show_info (MpTimeline *self,
           const char *text)
{
  GdkRectangle rect = {
    (int) (self->press_x + self->chart.origin.x),
    (int) (self->press_y + self->chart.origin.y), 1, 1
  };

  gtk_label_set_text (GTK_LABEL (self->popover_label), text);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static char *
blackout_text (MpTimeline *self,
               int         index)
{
  g_autoptr(MpBlackout) b = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *dates = NULL;
  const char *who;

  if (index < 0)
    return NULL;
  b = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_blackouts (self->plan)), (guint) index);
  if (b == NULL)
    return NULL;
  start = mp_format_date (mp_blackout_get_start (b));
  end = mp_format_date (mp_blackout_get_end (b));
  if (mp_blackout_get_start (b) == mp_blackout_get_end (b))
    dates = g_strdup (end);
  else
    /* Translators: first day to last day */
    dates = g_strdup_printf (_("%s to %s"), start, end);
  who = mp_blackout_get_participant (b) != NULL
        ? mp_format_participant (self->plan, mp_blackout_get_participant (b))
        : mp_format_party (mp_blackout_get_side (b));
  /* Translators: blackout title, then who is away and when */
  return g_strdup_printf (_("%s\n%s, %s"), mp_blackout_get_title (b), who, dates);
}

static char *
target_text (MpTimeline *self)
{
  g_autofree char *date = mp_format_date (mp_plan_get_target (self->plan));

  return g_strdup_printf (_("Target date: %s"), date);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               MpTimeline     *self)
{
  MpTimelineHit *hit = &self->press_hit;

  self->drag_mode = DRAG_NONE;
  self->drag_moved = FALSE;
  g_clear_object (&self->drag_object);
  x -= self->chart.origin.x;
  y -= self->chart.origin.y;
  if (x < 0 || y < 0 || x >= self->chart.size.width || y >= self->chart.size.height)
    {
      /* The toolbar or a scrollbar. */
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  if (!gtk_widget_is_focus (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->layout == NULL)
    return;
  do_sync (self, TRUE);
  self->press_x = self->pointer_x = x;
  self->press_y = self->pointer_y = y;
  mp_timeline_hit_test (self->layout, &self->view, x, y, hit);
  self->drag_mode = DRAG_PRESSED;

  switch (hit->kind)
    {
    case MP_TIMELINE_HIT_BAR:
    case MP_TIMELINE_HIT_START_HANDLE:
    case MP_TIMELINE_HIT_DUE_HANDLE:
      {
        MpMilestone *m = mp_timeline_layout_get_milestone (self->layout, (guint) hit->milestone);

        select_row (self, (int) mp_timeline_layout_get_milestone_row (self->layout, (guint) hit->milestone));
        if (self->document != NULL && mp_milestone_get_due (m) != MP_DATE_NONE)
          {
            self->drag_milestone = hit->milestone;
            self->drag_object = g_object_ref (m);
            self->drag_start = mp_milestone_get_start (m);
            self->drag_due = mp_milestone_get_due (m);
            self->drag_mode = hit->kind == MP_TIMELINE_HIT_START_HANDLE ? DRAG_START
                              : hit->kind == MP_TIMELINE_HIT_DUE_HANDLE ? DRAG_DUE
                              : DRAG_MOVE;
            if (self->drag_start == MP_DATE_NONE)
              self->drag_mode = DRAG_MOVE; /* a diamond only moves */
          }
      }
      break;
    case MP_TIMELINE_HIT_TASK:
    case MP_TIMELINE_HIT_LABEL:
    case MP_TIMELINE_HIT_ROW:
    case MP_TIMELINE_HIT_BLACKOUT:
      /* A task's mark on a collapsed milestone selects the milestone. */
      if (hit->row >= 0)
        select_row (self, hit->row);
      else if (hit->kind != MP_TIMELINE_HIT_BLACKOUT)
        select_row (self, -1);
      break;
    case MP_TIMELINE_HIT_NONE:
      /* Below the last row: nothing. */
      select_row (self, -1);
      break;
    case MP_TIMELINE_HIT_TARGET:
    case MP_TIMELINE_HIT_HEADER:
    default:
      break;
    }
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                MpTimeline     *self)
{
  double x, chart_x;
  MpDate start = self->drag_start, due = self->drag_due;

  if (self->drag_mode < DRAG_MOVE || self->layout == NULL)
    return;
  if (!self->drag_moved && fabs (dx) < DRAG_THRESHOLD && fabs (dy) < DRAG_THRESHOLD)
    return;
  if (!self->drag_moved)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->drag_moved = TRUE;
  x = self->press_x + dx;
  self->pointer_x = x;
  self->pointer_y = self->press_y + dy;
  chart_x = MAX (0.0, self->view.label_width);

  switch (self->drag_mode)
    {
    case DRAG_MOVE:
      {
        /* Snapped to days: by the days the pointer crossed. */
        gint64 days = (gint64) floor (mp_scale_day_at_x (&self->view.scale, x - chart_x)) -
                      (gint64) floor (mp_scale_day_at_x (&self->view.scale, self->press_x - chart_x));

        days = CLAMP (days, 1 - (gint64) MIN (start ? start : due, due), (gint64) max_date () - due);
        if (start != MP_DATE_NONE)
          start = (MpDate) ((gint64) start + days);
        due = (MpDate) ((gint64) due + days);
      }
      break;
    case DRAG_START:
      start = mp_scale_boundary_at_x (&self->view.scale, x - chart_x);
      start = start == MP_DATE_NONE ? 1 : MIN (start, due);
      break;
    case DRAG_DUE:
      {
        MpDate b = mp_scale_boundary_at_x (&self->view.scale, x - chart_x);

        due = b > 1 ? b - 1 : 1;
        due = CLAMP (due, start, max_date ());
      }
      break;
    case DRAG_NONE:
    case DRAG_PRESSED:
    default:
      return;
    }

  self->view.preview_milestone = self->drag_milestone;
  self->view.preview_start = start;
  self->view.preview_due = due;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             MpTimeline     *self)
{
  DragMode mode = self->drag_mode;
  gboolean moved = self->drag_moved;

  g_autoptr(MpMilestone) m = g_steal_pointer (&self->drag_object);

  self->drag_mode = DRAG_NONE;
  self->drag_moved = FALSE;
  if (mode == DRAG_NONE || self->layout == NULL)
    return;

  if (mode >= DRAG_MOVE && moved && self->view.preview_milestone == self->drag_milestone)
    {
      /* An undo during the drag may have removed or moved the milestone. */
      int index = mp_timeline_layout_find_milestone (self->layout, m);

      if (index >= 0)
        commit_dates (self, mode, index, self->view.preview_start, self->view.preview_due);
      else
        clear_preview (self);
      return;
    }
  clear_preview (self);
  if (moved)
    return;

  /* A click */
  if (self->press_hit.kind == MP_TIMELINE_HIT_BLACKOUT)
    {
      g_autofree char *text = blackout_text (self, self->press_hit.blackout);

      if (text != NULL)
        show_info (self, text);
    }
  else if (self->press_hit.kind == MP_TIMELINE_HIT_TARGET)
    {
      g_autofree char *text = target_text (self);

      show_info (self, text);
    }
}

static void
cancel_drag (MpTimeline *self)
{
  self->drag_mode = DRAG_NONE;
  self->drag_moved = FALSE;
  g_clear_object (&self->drag_object);
  clear_preview (self);
  /* Ends the gesture; drag-end then finds nothing to do. */
  gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag));
}

static gboolean
same_hover (const MpTimelineHit *a,
            const MpTimelineHit *b)
{
  return a->kind == b->kind && a->row == b->row && a->milestone == b->milestone &&
         a->task == b->task && a->blackout == b->blackout;
}

void
mp_timeline_handle_motion (MpTimeline *self,
                           double      x,
                           double      y)
{
  MpTimelineHit hit;
  const char *cursor = NULL;

  g_return_if_fail (MP_IS_TIMELINE (self));

  x -= self->chart.origin.x;
  y -= self->chart.origin.y;
  if (self->layout == NULL || x < 0 || y < 0 || x >= self->chart.size.width || y >= self->chart.size.height)
    {
      self->pointer_x = self->pointer_y = -1;
      memset (&hit, 0, sizeof hit);
      hit.kind = MP_TIMELINE_HIT_NONE;
      hit.row = hit.milestone = hit.task = hit.blackout = -1;
    }
  else
    {
      self->pointer_x = x;
      self->pointer_y = y;
      if (self->drag_mode >= DRAG_MOVE)
        return; /* the drag keeps its bar highlighted */
      do_sync (self, TRUE);
      mp_timeline_hit_test (self->layout, &self->view, x, y, &hit);
      switch (hit.kind)
        {
        case MP_TIMELINE_HIT_START_HANDLE:
        case MP_TIMELINE_HIT_DUE_HANDLE:
          cursor = self->document ? "ew-resize" : NULL;
          break;
        case MP_TIMELINE_HIT_BAR:
          cursor = self->document ? "grab" : NULL;
          break;
        case MP_TIMELINE_HIT_TARGET:
        case MP_TIMELINE_HIT_BLACKOUT:
          cursor = "pointer";
          break;
        default:
          break;
        }
    }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
  if (!same_hover (&hit, &self->view.hover))
    {
      self->view.hover = hit;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           MpTimeline               *self)
{
  mp_timeline_handle_motion (self, x, y);
}

static void
on_leave (GtkEventControllerMotion *controller,
          MpTimeline               *self)
{
  mp_timeline_handle_motion (self, -1, -1);
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  MpTimeline *self)
{
  MpTimelineHit hit;
  g_autofree char *text = NULL;
  double cx = x - self->chart.origin.x, cy = y - self->chart.origin.y;

  if (self->layout == NULL || self->drag_mode >= DRAG_MOVE)
    return FALSE;
  if (keyboard_mode)
    {
      if (self->sel_milestone == NULL)
        return FALSE;
      gtk_tooltip_set_text (tooltip, self->description);
      return TRUE;
    }
  if (cx < 0 || cy < 0 || cx >= self->chart.size.width || cy >= self->chart.size.height)
    return FALSE;
  do_sync (self, TRUE);
  mp_timeline_hit_test (self->layout, &self->view, cx, cy, &hit);
  switch (hit.kind)
    {
    case MP_TIMELINE_HIT_BAR:
    case MP_TIMELINE_HIT_START_HANDLE:
    case MP_TIMELINE_HIT_DUE_HANDLE:
      text = describe_milestone (mp_timeline_layout_get_milestone (self->layout, (guint) hit.milestone));
      break;
    case MP_TIMELINE_HIT_TASK:
      {
        MpMilestone *m = mp_timeline_layout_get_milestone (self->layout, (guint) hit.milestone);
        g_autoptr(MpTask) task = hit.task >= 0
                                 ? g_list_model_get_item (G_LIST_MODEL (mp_milestone_get_tasks (m)), (guint) hit.task)
                                 : NULL;

        if (task != NULL)
          text = describe_task (m, task);
      }
      break;
    case MP_TIMELINE_HIT_BLACKOUT:
      text = blackout_text (self, hit.blackout);
      break;
    case MP_TIMELINE_HIT_TARGET:
      text = target_text (self);
      break;
    default:
      break;
    }
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  /* The tooltip changes from one bar to the next. */
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { x - 4, y - 4, 8, 8 });
  return TRUE;
}

/* ---- scroll and keys ---- */

gboolean
mp_timeline_handle_scroll (MpTimeline      *self,
                           double           dx,
                           double           dy,
                           GdkModifierType  state,
                           gboolean         discrete)
{
  double step_x, step_y;

  g_return_val_if_fail (MP_IS_TIMELINE (self), FALSE);

  if (self->layout == NULL)
    return FALSE;
  if (state & GDK_CONTROL_MASK)
    {
      double anchor = self->pointer_x >= 0 ? self->pointer_x : chart_center (self);
      double factor = pow (MP_SCALE_ZOOM_STEP, discrete ? -dy : -dy / 10.0);

      zoom_around (self, factor, anchor);
      return TRUE;
    }
  if (state & GDK_SHIFT_MASK)
    {
      dx += dy;
      dy = 0;
    }
  step_x = discrete ? MAX (20.0, self->view.width / 10) : 1.0;
  step_y = discrete ? 3 * mp_timeline_view_get_row_height (&self->view) : 1.0;
  if (dx != 0)
    gtk_adjustment_set_value (self->hadj, gtk_adjustment_get_value (self->hadj) + dx * step_x);
  if (dy != 0)
    gtk_adjustment_set_value (self->vadj, gtk_adjustment_get_value (self->vadj) + dy * step_y);
  return TRUE;
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           MpTimeline               *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean discrete = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  return mp_timeline_handle_scroll (self, dx, dy, state, discrete);
}

gboolean
mp_timeline_handle_key (MpTimeline      *self,
                        guint            keyval,
                        GdkModifierType  state)
{
  gboolean ctrl, alt, shift;

  g_return_val_if_fail (MP_IS_TIMELINE (self), FALSE);

  state &= gtk_accelerator_get_default_mod_mask ();
  ctrl = (state & GDK_CONTROL_MASK) != 0;
  alt = (state & GDK_ALT_MASK) != 0;
  shift = (state & GDK_SHIFT_MASK) != 0;

  if (keyval == GDK_KEY_Escape && self->drag_mode >= DRAG_MOVE)
    {
      cancel_drag (self);
      return TRUE;
    }
  if (ctrl && !alt)
    {
      switch (keyval)
        {
        case GDK_KEY_plus:
        case GDK_KEY_equal:
        case GDK_KEY_KP_Add:
          mp_timeline_zoom_in (self);
          return TRUE;
        case GDK_KEY_minus:
        case GDK_KEY_KP_Subtract:
          mp_timeline_zoom_out (self);
          return TRUE;
        case GDK_KEY_0:
        case GDK_KEY_KP_0:
          mp_timeline_zoom_fit (self);
          return TRUE;
        default:
          return FALSE;
        }
    }
  /* The rest acts on the chart itself, not on the toolbar's buttons. */
  if (!gtk_widget_is_focus (GTK_WIDGET (self)) || self->layout == NULL || ctrl)
    return FALSE;
  do_sync (self, TRUE);

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      {
        int n = (int) mp_timeline_layout_get_n_rows (self->layout);
        gboolean up = keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up;
        int row = self->sel_row;

        if (alt || n == 0)
          return FALSE;
        if (row < 0)
          row = up ? n - 1 : 0;
        else
          row = CLAMP (row + (up ? -1 : 1), 0, n - 1);
        select_row (self, row);
        return TRUE;
      }
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      {
        int dir = (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left) ? -1 : 1;

        if (alt)
          nudge_selected (self, dir, shift);
        else
          gtk_adjustment_set_value (self->hadj, gtk_adjustment_get_value (self->hadj) +
                                    dir * MAX (20.0, self->view.width / 10));
        return TRUE;
      }
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      scroll_to_end (self, FALSE);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      scroll_to_end (self, TRUE);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_Page_Down:
      gtk_adjustment_set_value (self->vadj, gtk_adjustment_get_value (self->vadj) +
                                (keyval == GDK_KEY_Page_Up ? -1 : 1) *
                                gtk_adjustment_get_page_increment (self->vadj));
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                MpTimeline            *self)
{
  return mp_timeline_handle_key (self, keyval, state);
}

/* ---- actions ---- */

static void
action_zoom (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MpTimeline *self = MP_TIMELINE (widget);

  if (g_str_equal (action_name, "timeline.zoom-in"))
    mp_timeline_zoom_in (self);
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    mp_timeline_zoom_out (self);
  else
    mp_timeline_zoom_fit (self);
}

static void
action_select (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MpTimeline *self = MP_TIMELINE (widget);
  int n, row;

  if (self->layout == NULL)
    return;
  do_sync (self, TRUE);
  n = (int) mp_timeline_layout_get_n_rows (self->layout);
  if (n == 0)
    return;
  if (g_str_equal (action_name, "timeline.select-previous"))
    row = self->sel_row < 0 ? n - 1 : MAX (0, self->sel_row - 1);
  else
    row = self->sel_row < 0 ? 0 : MIN (n - 1, self->sel_row + 1);
  select_row (self, row);
}

static void
action_move (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MpTimeline *self = MP_TIMELINE (widget);

  do_sync (self, TRUE);
  if (g_str_equal (action_name, "timeline.move-earlier"))
    nudge_selected (self, -1, FALSE);
  else if (g_str_equal (action_name, "timeline.move-later"))
    nudge_selected (self, 1, FALSE);
  else if (g_str_equal (action_name, "timeline.due-earlier"))
    nudge_selected (self, -1, TRUE);
  else
    nudge_selected (self, 1, TRUE);
}

static void
action_scroll (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  scroll_to_end (MP_TIMELINE (widget), g_str_equal (action_name, "timeline.scroll-end"));
}

static void
on_legend_toggled (GtkToggleButton *button,
                   MpTimeline      *self)
{
  mp_timeline_set_show_legend (self, gtk_toggle_button_get_active (button));
}

/* ---- public ---- */

GtkWidget *
mp_timeline_new (void)
{
  return g_object_new (MP_TYPE_TIMELINE, NULL);
}

static void
disconnect_document (MpTimeline *self)
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
  disconnect_document (self);
  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->plan = g_object_ref (mp_document_get_plan (document));
      self->layout = mp_timeline_layout_new (self->plan);
      g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);
      g_signal_connect (mp_plan_get_milestones (self->plan), "items-changed",
                        G_CALLBACK (on_plan_items_changed), self);
      g_signal_connect (mp_plan_get_blackouts (self->plan), "items-changed",
                        G_CALLBACK (on_plan_items_changed), self);
      self->fit_pending = TRUE;
      self->view.scroll_y = 0;
      schedule_sync (self, DIRTY_EXPANDED | DIRTY_SELECTION);
      do_sync (self, TRUE);
      /* The list may already have a selection. */
      if (self->selection != NULL)
        on_selection_changed (self->selection, NULL, self);
      if (self->view.width > 0)
        mp_timeline_zoom_fit (self);
    }
  update_accessible (self);
  update_adjustments (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

MpDocument *
mp_timeline_get_document (MpTimeline *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), NULL);
  return self->document;
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
      g_signal_connect (selection, "notify::selected", G_CALLBACK (on_selection_changed), self);
      g_signal_connect (selection, "notify::model", G_CALLBACK (on_selection_model_notify), self);
      g_signal_connect (selection, "items-changed", G_CALLBACK (on_selection_items_changed), self);
      schedule_sync (self, DIRTY_EXPANDED | DIRTY_SELECTION);
      do_sync (self, TRUE);
      on_selection_changed (selection, NULL, self);
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

  do_sync (self, TRUE);
  set_selected (self, milestone, NULL, FALSE);
}

void
mp_timeline_set_baseline (MpTimeline *self,
                          MpBaseline *baseline)
{
  g_return_if_fail (MP_IS_TIMELINE (self));
  g_return_if_fail (baseline == NULL || MP_IS_BASELINE (baseline));

  if (!g_set_object (&self->baseline, baseline))
    return;
  self->view.baseline = baseline;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

MpBaseline *
mp_timeline_get_baseline (MpTimeline *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), NULL);
  return self->baseline;
}

void
mp_timeline_set_show_legend (MpTimeline *self,
                             gboolean    show)
{
  g_return_if_fail (MP_IS_TIMELINE (self));

  show = !!show;
  if (self->show_legend == show)
    return;
  self->show_legend = show;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->legend_button), show);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

gboolean
mp_timeline_get_show_legend (MpTimeline *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), FALSE);
  return self->show_legend;
}

MpTimelinePaletteKind
mp_timeline_get_palette_kind (MpTimeline *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), MP_TIMELINE_PALETTE_LIGHT);
  return self->palette_kind;
}

const MpTimelineView *
mp_timeline_get_view (MpTimeline *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), NULL);
  do_sync (self, TRUE);
  return &self->view;
}

GtkGesture *
mp_timeline_get_drag_gesture (MpTimeline *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), NULL);
  return self->drag;
}

void
mp_timeline_get_chart_origin (MpTimeline *self,
                              double     *x,
                              double     *y)
{
  g_return_if_fail (MP_IS_TIMELINE (self));
  if (x)
    *x = self->chart.origin.x;
  if (y)
    *y = self->chart.origin.y;
}

GtkWidget *
mp_timeline_get_shift_dialog (MpTimeline *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), NULL);
  return self->shift_dialog;
}

GtkPopover *
mp_timeline_get_info_popover (MpTimeline *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), NULL);
  return GTK_POPOVER (self->popover);
}

const char *
mp_timeline_get_accessible_description (MpTimeline *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), NULL);
  return self->description;
}

/* ---- GObject ---- */

static void
mp_timeline_root (GtkWidget *widget)
{
  MpTimeline *self = MP_TIMELINE (widget);
  GtkSettings *settings;

  GTK_WIDGET_CLASS (mp_timeline_parent_class)->root (widget);
  settings = gtk_widget_get_settings (widget);
  g_signal_connect (settings, "notify::gtk-theme-name", G_CALLBACK (on_settings_notify), self);
  g_signal_connect (settings, "notify::gtk-application-prefer-dark-theme", G_CALLBACK (on_settings_notify), self);
  g_signal_connect (settings, "notify::gtk-font-name", G_CALLBACK (on_settings_notify), self);
  g_signal_connect (settings, "notify::gtk-xft-dpi", G_CALLBACK (on_settings_notify), self);
  update_style (self);
}

static void
mp_timeline_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_data (gtk_widget_get_settings (widget), widget);
  GTK_WIDGET_CLASS (mp_timeline_parent_class)->unroot (widget);
}

static void
mp_timeline_css_changed (GtkWidget         *widget,
                         GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (mp_timeline_parent_class)->css_changed (widget, change);
  update_style (MP_TIMELINE (widget));
}

static void
mp_timeline_dispose (GObject *object)
{
  MpTimeline *self = MP_TIMELINE (object);

  g_clear_handle_id (&self->sync_id, g_source_remove);
  disconnect_document (self);
  mp_timeline_set_selection (self, NULL);
  mp_timeline_set_list_vadjustment (self, NULL);
  if (self->hadj != NULL)
    g_signal_handlers_disconnect_by_data (self->hadj, self);
  if (self->vadj != NULL)
    g_signal_handlers_disconnect_by_data (self->vadj, self);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_pointer (&self->toolbar, gtk_widget_unparent);
  g_clear_pointer (&self->hscrollbar, gtk_widget_unparent);
  g_clear_pointer (&self->vscrollbar, gtk_widget_unparent);
  g_clear_object (&self->hadj);
  g_clear_object (&self->vadj);
  G_OBJECT_CLASS (mp_timeline_parent_class)->dispose (object);
}

static void
mp_timeline_finalize (GObject *object)
{
  MpTimeline *self = MP_TIMELINE (object);

  g_clear_pointer (&self->font, pango_font_description_free);
  g_free (self->description);
  G_OBJECT_CLASS (mp_timeline_parent_class)->finalize (object);
}

static void
mp_timeline_class_init (MpTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_timeline_dispose;
  object_class->finalize = mp_timeline_finalize;
  widget_class->measure = mp_timeline_measure;
  widget_class->size_allocate = mp_timeline_size_allocate;
  widget_class->snapshot = mp_timeline_snapshot;
  widget_class->root = mp_timeline_root;
  widget_class->unroot = mp_timeline_unroot;
  widget_class->css_changed = mp_timeline_css_changed;

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "timeline.select-previous", NULL, action_select);
  gtk_widget_class_install_action (widget_class, "timeline.select-next", NULL, action_select);
  gtk_widget_class_install_action (widget_class, "timeline.move-earlier", NULL, action_move);
  gtk_widget_class_install_action (widget_class, "timeline.move-later", NULL, action_move);
  gtk_widget_class_install_action (widget_class, "timeline.due-earlier", NULL, action_move);
  gtk_widget_class_install_action (widget_class, "timeline.due-later", NULL, action_move);
  gtk_widget_class_install_action (widget_class, "timeline.scroll-start", NULL, action_scroll);
  gtk_widget_class_install_action (widget_class, "timeline.scroll-end", NULL, action_scroll);

  gtk_widget_class_set_css_name (widget_class, "mptimeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
tool_button (const char *icon,
             const char *fallback,
             const char *action,
             const char *name)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  GtkWidget *button;

  /* Without the icon (a minimal system, isolated tests) a short text. */
  if (gtk_icon_theme_has_icon (theme, icon))
    button = gtk_button_new_from_icon_name (icon);
  else
    button = gtk_button_new_with_label (fallback);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_button_set_has_frame (GTK_BUTTON (button), FALSE);
  gtk_widget_set_focus_on_click (button, FALSE);
  return button;
}

static void
mp_timeline_init (MpTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;

  mp_timeline_view_init (&self->view, 0, 0);
  self->sel_row = -1;
  self->drag_milestone = -1;
  self->pointer_x = self->pointer_y = -1;
  self->palette_kind = MP_TIMELINE_PALETTE_LIGHT;
  self->view.palette = mp_timeline_palette_get (MP_TIMELINE_PALETTE_LIGHT);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);

  /* The toolbar */
  self->toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_widget_add_css_class (self->toolbar, "toolbar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toolbar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline zoom"), -1);
  gtk_box_append (GTK_BOX (self->toolbar), tool_button ("zoom-out-symbolic", "−", "timeline.zoom-out", _("Zoom Out")));
  gtk_box_append (GTK_BOX (self->toolbar), tool_button ("zoom-in-symbolic", "+", "timeline.zoom-in", _("Zoom In")));
  gtk_box_append (GTK_BOX (self->toolbar), tool_button ("zoom-fit-best-symbolic", C_("zoom", "Fit"), "timeline.zoom-fit", _("Zoom to Fit")));
  self->legend_button = gtk_toggle_button_new_with_mnemonic (_("_Legend"));
  gtk_button_set_has_frame (GTK_BUTTON (self->legend_button), FALSE);
  gtk_widget_set_focus_on_click (self->legend_button, FALSE);
  gtk_widget_set_tooltip_text (self->legend_button, _("Show what colours and symbols mean"));
  g_signal_connect (self->legend_button, "toggled", G_CALLBACK (on_legend_toggled), self);
  gtk_box_append (GTK_BOX (self->toolbar), self->legend_button);
  gtk_widget_set_parent (self->toolbar, widget);

  /* The scrollbars */
  self->hadj = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  self->vadj = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  g_signal_connect (self->hadj, "value-changed", G_CALLBACK (on_hadj_changed), self);
  g_signal_connect (self->vadj, "value-changed", G_CALLBACK (on_vadj_changed), self);
  self->vscrollbar = gtk_scrollbar_new (GTK_ORIENTATION_VERTICAL, self->vadj);
  self->hscrollbar = gtk_scrollbar_new (GTK_ORIENTATION_HORIZONTAL, self->hadj);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->vscrollbar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Scroll the timeline up and down"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hscrollbar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Scroll the timeline in time"), -1);
  gtk_widget_set_parent (self->vscrollbar, widget);
  gtk_widget_set_parent (self->hscrollbar, widget);

  /* What a click on a blackout or the target line says */
  self->popover = gtk_popover_new ();
  self->popover_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->popover_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->popover_label), 40);
  gtk_popover_set_child (GTK_POPOVER (self->popover), self->popover_label);
  gtk_widget_set_parent (self->popover, widget);

  /* Input */
  self->drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (self->drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (self->drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (self->drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (self->drag));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (widget, controller);

  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);
  update_accessible (self);
}
