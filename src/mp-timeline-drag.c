/* mp-timeline-drag.c: editing dates on the timeline
 *
 * A drag (move, start end, due end) draws the renderer's preview with a
 * label of the new dates, snaps to days and commits as one
 * mp_document_begin/end step; when dependents would move, the shift
 * dialog asks first with the preview of mp_plan_preview_shift. Alt+arrows
 * nudge the selected milestone a day. Clicks on blackouts and the target
 * line tell what they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mp-format.h"
#include "mp-model.h"
#include "mp-schedule.h"
#include "mp-shift-dialog.h"
#include "mp-style.h"
#include "mp-timeline.h"
#include "mp-timeline-private.h"

#define DRAG_THRESHOLD 3.0

enum {
  RESPONSE_ONLY_THIS = MP_SHIFT_RESPONSE_ONLY_THIS,
  RESPONSE_WITH_DEPENDENTS = MP_SHIFT_RESPONSE_WITH_DEPENDENTS,
};

static char *
drag_label_text (MpTimeline *self)
{
  MpMilestone *m = mp_timeline_layout_get_milestone (self->layout, (guint) self->drag_milestone);
  g_autofree char *dates = mp_timeline_describe_dates (self->view.preview_start, self->view.preview_due);
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
void
mp_timeline_draw_drag_label (MpTimeline *self,
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
  if (y < mp_timeline_header_height (self) + 2)
    y = row_y + row_h + 2;
  y = CLAMP (y, 2, MAX (2.0, self->view.height - h - 2));

  mp_timeline_rounded_rect (cr, x + 0.5, y + 0.5, w - 1, h - 1, 4);
  mp_timeline_set_color (cr, &pal->header_background);
  cairo_fill_preserve (cr);
  mp_timeline_set_color (cr, &pal->hover);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
  mp_timeline_set_color (cr, &pal->header_text);
  cairo_move_to (cr, x + 6, y + 4);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
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

void
mp_timeline_clear_preview (MpTimeline *self)
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
  mp_timeline_clear_preview (self);

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
      g_autofree char *old_dates = mp_timeline_describe_dates (mp_date_change_get_old_start (c),
                                                   mp_date_change_get_old_due (c));
      g_autofree char *new_dates = mp_timeline_describe_dates (mp_date_change_get_new_start (c),
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
  GtkWidget *dialog;
  g_autofree char *list = describe_changes (G_LIST_MODEL (changes));

  self->shift_changes = g_object_ref (changes);
  self->shift_mode = mode;
  self->shift_milestone = milestone;
  self->shift_start = start;
  self->shift_due = due;

  dialog = mp_shift_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                mp_milestone_get_title (m), days, list);
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
      mp_timeline_clear_preview (self);
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
  mp_timeline_clear_preview (self);
  set_milestone_dates (self, m, start, due, drag_label (mode));
}

/* Alt+arrows: one day, one undo step, no question. */
void
mp_timeline_nudge_selected (MpTimeline *self,
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
                                mp_timeline_clamp_date ((gint64) d + days));
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
      due = mp_timeline_clamp_date ((gint64) due + days);
      if (start != MP_DATE_NONE && due < start)
        return;
      set_milestone_dates (self, m, start, due, _("Change Due Date"));
    }
  else
    {
      if (start != MP_DATE_NONE)
        start = mp_timeline_clamp_date ((gint64) start + days);
      due = mp_timeline_clamp_date ((gint64) due + days);
      set_milestone_dates (self, m, start, due, _("Move Milestone"));
    }
  mp_timeline_scroll_to_selection (self);
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
  mp_timeline_do_sync (self, TRUE);
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

        mp_timeline_select_row (self, (int) mp_timeline_layout_get_milestone_row (self->layout, (guint) hit->milestone));
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
            mp_timeline_update_key_actions (self);
          }
      }
      break;
    case MP_TIMELINE_HIT_TASK:
    case MP_TIMELINE_HIT_LABEL:
    case MP_TIMELINE_HIT_ROW:
    case MP_TIMELINE_HIT_BLACKOUT:
      /* A task's mark on a collapsed milestone selects the milestone. */
      if (hit->row >= 0)
        mp_timeline_select_row (self, hit->row);
      else if (hit->kind != MP_TIMELINE_HIT_BLACKOUT)
        mp_timeline_select_row (self, -1);
      break;
    case MP_TIMELINE_HIT_NONE:
      /* Below the last row: nothing. */
      mp_timeline_select_row (self, -1);
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

        days = CLAMP (days, 1 - (gint64) MIN (start ? start : due, due), (gint64) mp_timeline_max_date () - due);
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
        due = CLAMP (due, start, mp_timeline_max_date ());
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
  mp_timeline_update_key_actions (self);
  if (mode == DRAG_NONE || self->layout == NULL)
    return;

  if (mode >= DRAG_MOVE && moved && self->view.preview_milestone == self->drag_milestone)
    {
      /* An undo during the drag may have removed or moved the milestone. */
      int index = mp_timeline_layout_find_milestone (self->layout, m);

      if (index >= 0)
        commit_dates (self, mode, index, self->view.preview_start, self->view.preview_due);
      else
        mp_timeline_clear_preview (self);
      return;
    }
  mp_timeline_clear_preview (self);
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

void
mp_timeline_cancel_drag (MpTimeline *self)
{
  self->drag_mode = DRAG_NONE;
  mp_timeline_update_key_actions (self);
  self->drag_moved = FALSE;
  g_clear_object (&self->drag_object);
  mp_timeline_clear_preview (self);
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
      mp_timeline_do_sync (self, TRUE);
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
  mp_timeline_do_sync (self, TRUE);
  mp_timeline_hit_test (self->layout, &self->view, cx, cy, &hit);
  switch (hit.kind)
    {
    case MP_TIMELINE_HIT_BAR:
    case MP_TIMELINE_HIT_START_HANDLE:
    case MP_TIMELINE_HIT_DUE_HANDLE:
      text = mp_timeline_describe_milestone (self->plan, mp_timeline_layout_get_milestone (self->layout, (guint) hit.milestone));
      break;
    case MP_TIMELINE_HIT_TASK:
      {
        MpMilestone *m = mp_timeline_layout_get_milestone (self->layout, (guint) hit.milestone);
        g_autoptr(MpTask) task = hit.task >= 0
                                 ? g_list_model_get_item (G_LIST_MODEL (mp_milestone_get_tasks (m)), (guint) hit.task)
                                 : NULL;

        if (task != NULL)
          text = mp_timeline_describe_task (m, task);
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



GtkGesture *
mp_timeline_get_drag_gesture (MpTimeline *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), NULL);
  return self->drag;
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

/* The pointer's controllers: drags, hover, tooltips. */
void
mp_timeline_drag_setup (MpTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;

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

  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
}
