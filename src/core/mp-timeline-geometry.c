/* mp-timeline-geometry.c: the timeline's geometry for the widget: rows
 * and dates at a point, hit tests, scrolling and zoom to fit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "mp-timeline-render-private.h"

/* Room around the plan's dates in the scrollable range */
#define CONTENT_DAYS_BEFORE 7
#define CONTENT_DAYS_AFTER  14
/* How far into a bar its ends can be grabbed */
#define HANDLE_WIDTH        6.0

/* Geometry for the widget */

int
mp_timeline_row_at_y (MpTimelineLayout     *layout,
                      const MpTimelineView *view,
                      double                y)
{
  double header_h = mp_timeline_view_get_header_height (view);
  double row_h = mp_timeline_view_get_row_height (view);
  double content_y;
  double row;

  g_return_val_if_fail (MP_IS_TIMELINE_LAYOUT (layout), -1);

  if (y < header_h || y >= view->height)
    return -1;
  content_y = y - header_h + view->scroll_y;
  if (content_y < 0)
    return -1;
  row = floor (content_y / row_h);
  if (row >= (double) mp_timeline_layout_get_n_rows (layout))
    return -1;
  return (int) row;
}

double
mp_timeline_row_get_y (const MpTimelineView *view,
                       guint                 row)
{
  g_return_val_if_fail (view != NULL, 0.0);

  return mp_timeline_view_get_header_height (view) +
         (double) row * mp_timeline_view_get_row_height (view) - view->scroll_y;
}

void
mp_timeline_scroll_to_row (MpTimelineLayout *layout,
                           MpTimelineView   *view,
                           guint             row)
{
  double row_h = mp_timeline_view_get_row_height (view);
  double body_h = view->height - mp_timeline_view_get_header_height (view);
  double top = (double) row * row_h;

  g_return_if_fail (MP_IS_TIMELINE_LAYOUT (layout));

  if (top < view->scroll_y)
    view->scroll_y = top;
  else if (top + row_h > view->scroll_y + body_h)
    view->scroll_y = MAX (0.0, top + row_h - body_h);
}

double
mp_timeline_x_of_date (const MpTimelineView *view,
                       MpDate                date)
{
  g_return_val_if_fail (view != NULL, 0.0);

  return MAX (0.0, view->label_width) + mp_scale_x_of_date (&view->scale, date);
}

MpDate
mp_timeline_date_at_x (const MpTimelineView *view,
                       double                x)
{
  g_return_val_if_fail (view != NULL, MP_DATE_NONE);

  if (x < view->label_width)
    return MP_DATE_NONE;
  return mp_scale_date_at_x (&view->scale, x - MAX (0.0, view->label_width));
}

static void
hit_clear (MpTimelineHit *hit)
{
  hit->kind = MP_TIMELINE_HIT_NONE;
  hit->row = hit->milestone = hit->task = hit->blackout = -1;
  hit->date = MP_DATE_NONE;
  hit->title = NULL;
}

static gboolean
hit_target_or_blackout (MpTimelineLayout     *layout,
                        const MpTimelineView *view,
                        double                x,
                        MpTimelineHit        *hit)
{
  MpPlan *plan = mp_timeline_layout_get_plan (layout);
  MpDate target = mp_plan_get_target (plan);
  GListModel *blackouts = G_LIST_MODEL (mp_plan_get_blackouts (plan));
  g_autoptr(GArray) found = NULL;
  g_autoptr(MpBlackout) b = NULL;

  if (target != MP_DATE_NONE && fabs (x - mp_timeline_x_of_date (view, target + 1)) <= 4.0)
    {
      hit->kind = MP_TIMELINE_HIT_TARGET;
      return TRUE;
    }
  if (hit->date == MP_DATE_NONE)
    return FALSE;
  found = g_array_new (FALSE, FALSE, sizeof (guint));
  mp_timeline_layout_collect_blackouts (layout, hit->date, hit->date, found);
  if (found->len == 0)
    return FALSE;
  /* Of overlapping ones, the one that started last: the innermost. */
  hit->blackout = (int) g_array_index (found, guint, found->len - 1);
  b = g_list_model_get_item (blackouts, (guint) hit->blackout);
  hit->kind = MP_TIMELINE_HIT_BLACKOUT;
  hit->title = b != NULL ? mp_blackout_get_title (b) : NULL;
  return TRUE;
}

gboolean
mp_timeline_get_milestone_rect (MpTimelineLayout     *layout,
                                const MpTimelineView *view,
                                guint                 milestone,
                                double               *x,
                                double               *y,
                                double               *width,
                                double               *height)
{
  MpTimelineGeom g;

  g_return_val_if_fail (MP_IS_TIMELINE_LAYOUT (layout), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  if (milestone >= mp_timeline_layout_get_n_milestones (layout) ||
      !mp_timeline_compute_geom (view, MAX (0.0, view->label_width),
                                 mp_timeline_view_get_header_height (view),
                                 mp_timeline_view_get_row_height (view),
                                 mp_timeline_layout_get_milestone (layout, milestone), milestone,
                                 mp_timeline_layout_get_milestone_row (layout, milestone), &g))
    return FALSE;
  if (x)
    *x = g.x0;
  if (y)
    *y = g.point ? g.cy - (g.x1 - g.x0) / 2.0 : g.top;
  if (width)
    *width = g.end - g.x0;
  if (height)
    *height = g.point ? g.x1 - g.x0 : g.bottom - g.top;
  return TRUE;
}

gboolean
mp_timeline_hit_test (MpTimelineLayout     *layout,
                      const MpTimelineView *view,
                      double                x,
                      double                y,
                      MpTimelineHit        *hit)
{
  double header_h, row_h, chart_x;
  const MpTimelineRow *row;
  int r;

  g_return_val_if_fail (MP_IS_TIMELINE_LAYOUT (layout), FALSE);
  g_return_val_if_fail (view != NULL && hit != NULL, FALSE);

  hit_clear (hit);
  if (x < 0 || y < 0 || x >= view->width || y >= view->height)
    return FALSE;

  header_h = mp_timeline_view_get_header_height (view);
  row_h = mp_timeline_view_get_row_height (view);
  chart_x = MAX (0.0, view->label_width);
  hit->date = mp_timeline_date_at_x (view, x);

  if (y < header_h)
    {
      hit->kind = MP_TIMELINE_HIT_HEADER;
      return TRUE;
    }

  r = mp_timeline_row_at_y (layout, view, y);
  if (r >= 0)
    {
      row = mp_timeline_layout_get_row (layout, (guint) r);
      hit->row = r;
      hit->milestone = (int) row->milestone;
      hit->task = row->task;
    }
  if (x < chart_x)
    {
      if (r < 0)
        return FALSE;
      hit->kind = MP_TIMELINE_HIT_LABEL;
      return TRUE;
    }
  if (r < 0)
    return hit_target_or_blackout (layout, view, x, hit);

  if (row->kind == MP_TIMELINE_ROW_MILESTONE)
    {
      MpMilestone *m = mp_timeline_layout_get_milestone (layout, row->milestone);
      MpTimelineGeom g;

      if (mp_timeline_compute_geom (view, chart_x, header_h, row_h, m, row->milestone, (guint) r, &g))
        {
          double h = g.bottom - g.top;

          /* Task marks above the bar (collapsed milestones) */
          if (!mp_timeline_layout_get_expanded (layout, row->milestone) &&
              view->scale.px_per_day >= MP_TIMELINE_TASK_MARKS_MIN_PX_PER_DAY &&
              y >= g.top - h * 0.6 - 2 && y < g.top)
            {
              GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (m));
              guint n = tasks != NULL ? g_list_model_get_n_items (tasks) : 0;

              for (guint t = 0; t < n; t++)
                {
                  g_autoptr(MpTask) task = g_list_model_get_item (tasks, t);
                  MpDate due = mp_task_get_due (task);

                  if (due != MP_DATE_NONE &&
                      fabs (x - chart_x - mp_scale_x_of_day_center (&view->scale, due)) <= 5.0)
                    {
                      hit->kind = MP_TIMELINE_HIT_TASK;
                      hit->task = (int) t;
                      return TRUE;
                    }
                }
            }

          if (y >= g.top - 2 && y <= g.bottom + 2)
            {
              if (g.point)
                {
                  if (x >= g.x0 - 2 && x <= g.end + 2)
                    {
                      hit->kind = MP_TIMELINE_HIT_BAR;
                      return TRUE;
                    }
                }
              else
                {
                  double handle = MIN (HANDLE_WIDTH, (g.x1 - g.x0) / 4.0);

                  if (x >= g.x0 - 2 && x < g.x0 + handle)
                    hit->kind = MP_TIMELINE_HIT_START_HANDLE;
                  else if (x > g.x1 - handle && x <= g.x1 + 2)
                    hit->kind = MP_TIMELINE_HIT_DUE_HANDLE;
                  else if (x >= g.x0 && x <= g.end + 2)
                    hit->kind = MP_TIMELINE_HIT_BAR;
                  if (hit->kind != MP_TIMELINE_HIT_NONE)
                    return TRUE;
                }
            }
        }
    }
  else
    {
      MpMilestone *m = mp_timeline_layout_get_milestone (layout, row->milestone);
      g_autoptr(MpTask) task = g_list_model_get_item (G_LIST_MODEL (mp_milestone_get_tasks (m)),
                                                      (guint) row->task);
      MpDate due = task != NULL ? mp_task_get_due (task) : MP_DATE_NONE;

      if (due != MP_DATE_NONE &&
          fabs (x - chart_x - mp_scale_x_of_day_center (&view->scale, due)) <= row_h * 0.3)
        {
          hit->kind = MP_TIMELINE_HIT_TASK;
          return TRUE;
        }
    }

  if (hit_target_or_blackout (layout, view, x, hit))
    return TRUE;
  hit->kind = MP_TIMELINE_HIT_ROW;
  return TRUE;
}

/* Scrolling and zoom */

void
mp_timeline_get_content_range (MpTimelineLayout     *layout,
                               const MpTimelineView *view,
                               MpDate               *first,
                               MpDate               *last)
{
  MpDate a, b;

  g_return_if_fail (MP_IS_TIMELINE_LAYOUT (layout));

  if (!mp_timeline_layout_get_date_range (layout, &a, &b))
    {
      MpDate today = view->today != MP_DATE_NONE ? view->today : mp_date_today ();

      a = today > 30 ? today - 30 : 1;
      b = today + 30;
    }
  else
    {
      a = a > CONTENT_DAYS_BEFORE ? a - CONTENT_DAYS_BEFORE : 1;
      b = b + CONTENT_DAYS_AFTER;
    }
  if (first)
    *first = a;
  if (last)
    *last = b;
}

void
mp_timeline_get_content_size (MpTimelineLayout     *layout,
                              const MpTimelineView *view,
                              double               *width,
                              double               *height,
                              double               *scroll_x)
{
  MpDate first, last;

  g_return_if_fail (MP_IS_TIMELINE_LAYOUT (layout));

  mp_timeline_get_content_range (layout, view, &first, &last);
  if (width)
    *width = MAX (0.0, view->label_width) +
             (double) (last - first + 1) * view->scale.px_per_day;
  if (height)
    *height = mp_timeline_view_get_header_height (view) +
              (double) mp_timeline_layout_get_n_rows (layout) * mp_timeline_view_get_row_height (view);
  if (scroll_x)
    *scroll_x = (view->scale.first - (double) first) * view->scale.px_per_day;
}

void
mp_timeline_set_scroll_x (MpTimelineLayout *layout,
                          MpTimelineView   *view,
                          double            scroll_x)
{
  MpDate first;

  g_return_if_fail (MP_IS_TIMELINE_LAYOUT (layout));

  mp_timeline_get_content_range (layout, view, &first, NULL);
  view->scale.first = (double) first + scroll_x / view->scale.px_per_day;
}

void
mp_timeline_zoom_to_fit (MpTimelineLayout *layout,
                         MpTimelineView   *view)
{
  MpDate first, last;
  double chart_w = view->width - MAX (0.0, view->label_width);

  g_return_if_fail (MP_IS_TIMELINE_LAYOUT (layout));

  if (!mp_timeline_layout_get_date_range (layout, &first, &last))
    mp_timeline_get_content_range (layout, view, &first, &last);
  /* Two weeks at least: a plan of one day is not shown a day wide. */
  if (last - first < 13)
    {
      MpDate grow = 13 - (last - first);

      first = first > grow / 2 ? first - grow / 2 : 1;
      last = first + 13;
    }
  /* Room on the right for the last title beside its bar. */
  mp_scale_fit (&view->scale, first, last, chart_w, MIN (24.0, chart_w / 8));
}
