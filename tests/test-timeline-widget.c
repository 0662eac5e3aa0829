/* test-timeline-widget.c: the Gantt timeline widget on real fixtures,
 * under a display (Xvfb): drags, keyboard, zoom, scrolling, selection
 * in step with a list, clicks, palettes, and screenshots
 *
 * Drags emit the widget's own GtkGestureDrag signals with coordinates
 * computed from the renderer's date ↔ x; keys and scrolls go through
 * the entry points the event controllers call (mp-timeline-private.h),
 * since GTK 4.8 cannot synthesize those events.
 *
 * Set MP_TIMELINE_SHOTS=DIR to keep the screenshots as PNG files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "mp-document.h"
#include "mp-milestone-filter.h"
#include "mp-milestones-view.h"
#include "mp-model.h"
#include "mp-plan-generator.h"
#include "mp-plan-io.h"
#include "mp-timeline.h"
#include "mp-timeline-private.h"
#include "mp-test-widgets.h"

enum {
  RESPONSE_ONLY_THIS = 1,
  RESPONSE_WITH_DEPENDENTS = 2,
};

static MpMilestone *
find_milestone (MpDocument *doc,
                const char *id,
                guint      *index)
{
  GListModel *ms = G_LIST_MODEL (mp_plan_get_milestones (mp_document_get_plan (doc)));

  for (guint i = 0; i < g_list_model_get_n_items (ms); i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, i);

      if (g_strcmp0 (mp_milestone_get_id (m), id) == 0)
        {
          if (index)
            *index = i;
          return m; /* the plan keeps it */
        }
    }
  g_assert_not_reached ();
  return NULL;
}

typedef struct {
  GtkWidget  *window;
  MpTimeline *timeline;
  MpDocument *doc;
} Fixture;

static void
fixture_open (Fixture    *f,
              const char *name,
              int         width,
              int         height)
{
  f->doc = mp_test_load_fixture (name);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  f->timeline = MP_TIMELINE (mp_timeline_new ());
  mp_timeline_set_document (f->timeline, f->doc);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->timeline));
  gtk_window_present (GTK_WINDOW (f->window));
  for (int i = 0; i < 100 && gtk_widget_get_width (GTK_WIDGET (f->timeline)) < width / 2; i++)
    mp_test_spin_frames (1);
  mp_test_spin_frames (2);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->timeline)), >=, width / 2);
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->doc);
  mp_test_spin_frames (1);
}

/* Widget coordinates of a milestone's bar, when no row is expanded
 * (row = milestone index): @where 0 the middle, -1 the start end, +1
 * the due end. */
static void
bar_point (MpTimeline  *tl,
           MpMilestone *m,
           guint        index,
           int          where,
           double      *x,
           double      *y)
{
  const MpTimelineView *v = mp_timeline_get_view (tl);
  double ox, oy;
  MpDate start = mp_milestone_get_start (m), due = mp_milestone_get_due (m);
  double x0 = mp_timeline_x_of_date (v, start != MP_DATE_NONE ? start : due);
  double x1 = mp_timeline_x_of_date (v, due + 1);

  mp_timeline_get_chart_origin (tl, &ox, &oy);
  *y = oy + mp_timeline_row_get_y (v, index) + mp_timeline_view_get_row_height (v) / 2;
  if (where < 0)
    *x = ox + x0 + 1.5;
  else if (where > 0)
    *x = ox + x1 - 1.5;
  else
    *x = ox + (x0 + x1) / 2;
}

static void
drag (MpTimeline *tl,
      double      x,
      double      y,
      double      dx,
      gboolean    end)
{
  GtkGesture *gesture = mp_timeline_get_drag_gesture (tl);

  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  g_signal_emit_by_name (gesture, "drag-update", dx / 2, 0.0);
  g_signal_emit_by_name (gesture, "drag-update", dx, 0.0);
  if (end)
    g_signal_emit_by_name (gesture, "drag-end", dx, 0.0);
}

static void
click (MpTimeline *tl,
       double      x,
       double      y)
{
  GtkGesture *gesture = mp_timeline_get_drag_gesture (tl);

  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  g_signal_emit_by_name (gesture, "drag-end", 0.0, 0.0);
}

/* ---- drags ---- */

static void
test_drag_move (void)
{
  Fixture f;
  MpMilestone *m;
  guint index;
  MpDate start, due;
  double x, y, px;
  const MpTimelineView *v;

  fixture_open (&f, "acme-rollout.mplan", 1000, 420);
  /* Go-live: nothing depends on it, so no question. */
  m = find_milestone (f.doc, "m-golive", &index);
  start = mp_milestone_get_start (m);
  due = mp_milestone_get_due (m);
  v = mp_timeline_get_view (f.timeline);
  px = v->scale.px_per_day;
  g_assert_cmpfloat (px, >, 2.0);

  bar_point (f.timeline, m, index, 0, &x, &y);
  drag (f.timeline, x, y, 7 * px, FALSE);
  /* While dragging the renderer previews the new dates; nothing changed yet. */
  g_assert_cmpint (v->preview_milestone, ==, (int) index);
  g_assert_cmpuint (v->preview_start, ==, start + 7);
  g_assert_cmpuint (v->preview_due, ==, due + 7);
  g_assert_cmpuint (mp_milestone_get_start (m), ==, start);
  g_assert_false (mp_document_can_undo (f.doc));
  g_signal_emit_by_name (mp_timeline_get_drag_gesture (f.timeline), "drag-end", 7 * px, 0.0);

  g_assert_cmpuint (mp_milestone_get_start (m), ==, start + 7);
  g_assert_cmpuint (mp_milestone_get_due (m), ==, due + 7);
  g_assert_cmpint (v->preview_milestone, ==, -1);
  g_assert_null (mp_timeline_get_shift_dialog (f.timeline));
  /* One undo step puts both dates back. */
  g_assert_true (mp_document_can_undo (f.doc));
  g_assert_cmpstr (mp_document_get_undo_label (f.doc), ==, "Move Milestone");
  g_assert_true (mp_document_undo (f.doc));
  g_assert_cmpuint (mp_milestone_get_start (m), ==, start);
  g_assert_cmpuint (mp_milestone_get_due (m), ==, due);
  g_assert_false (mp_document_can_undo (f.doc));

  /* Backwards, by a fraction of a day more than 3: snapped to 3 days. */
  mp_test_spin_frames (2);
  bar_point (f.timeline, m, index, 0, &x, &y);
  x = floor (x);
  drag (f.timeline, x, y, -3 * px - 0.3, TRUE);
  g_assert_cmpint ((int) mp_milestone_get_due (m) - (int) due, >=, -4);
  g_assert_cmpint ((int) mp_milestone_get_due (m) - (int) due, <=, -3);
  g_assert_cmpint ((int) mp_milestone_get_start (m) - (int) start, ==,
                   (int) mp_milestone_get_due (m) - (int) due);
  g_assert_true (mp_document_undo (f.doc));
  g_assert_cmpuint (mp_milestone_get_due (m), ==, due);

  /* A press without moving changes nothing and records nothing. */
  bar_point (f.timeline, m, index, 0, &x, &y);
  drag (f.timeline, x, y, 1.0, TRUE);
  g_assert_cmpuint (mp_milestone_get_due (m), ==, due);
  g_assert_false (mp_document_can_undo (f.doc));
  /* …but it selected the milestone. */
  g_assert_true (mp_timeline_get_selected (f.timeline) == m);

  fixture_close (&f);
}

static void
test_drag_handles (void)
{
  Fixture f;
  MpMilestone *m;
  guint index;
  MpDate start, due;
  double x, y, px;

  fixture_open (&f, "acme-rollout.mplan", 1000, 420);
  m = find_milestone (f.doc, "m-golive", &index);
  start = mp_milestone_get_start (m);
  due = mp_milestone_get_due (m);
  px = mp_timeline_get_view (f.timeline)->scale.px_per_day;

  /* The due end, three days later: the start stays. */
  bar_point (f.timeline, m, index, +1, &x, &y);
  drag (f.timeline, x, y, 3 * px, TRUE);
  g_assert_cmpuint (mp_milestone_get_start (m), ==, start);
  g_assert_cmpuint (mp_milestone_get_due (m), ==, due + 3);
  g_assert_cmpstr (mp_document_get_undo_label (f.doc), ==, "Change Due Date");

  /* The start end, two days earlier: the due date stays. */
  mp_test_spin_frames (1);
  bar_point (f.timeline, m, index, -1, &x, &y);
  drag (f.timeline, x, y, -2 * px, TRUE);
  g_assert_cmpuint (mp_milestone_get_start (m), ==, start - 2);
  g_assert_cmpuint (mp_milestone_get_due (m), ==, due + 3);
  g_assert_cmpstr (mp_document_get_undo_label (f.doc), ==, "Change Start Date");

  /* The start end dragged past the due date stops at the due date. */
  mp_test_spin_frames (1);
  bar_point (f.timeline, m, index, -1, &x, &y);
  drag (f.timeline, x, y, 40 * px, TRUE);
  g_assert_cmpuint (mp_milestone_get_start (m), ==, due + 3);

  /* Each drag was one step. */
  g_assert_true (mp_document_undo (f.doc));
  g_assert_cmpuint (mp_milestone_get_start (m), ==, start - 2);
  g_assert_true (mp_document_undo (f.doc));
  g_assert_cmpuint (mp_milestone_get_start (m), ==, start);
  g_assert_cmpuint (mp_milestone_get_due (m), ==, due + 3);
  g_assert_true (mp_document_undo (f.doc));
  g_assert_cmpuint (mp_milestone_get_due (m), ==, due);
  g_assert_false (mp_document_can_undo (f.doc));

  fixture_close (&f);
}

static void
test_drag_escape (void)
{
  Fixture f;
  MpMilestone *m;
  guint index;
  MpDate due;
  double x, y, px;
  const MpTimelineView *v;

  fixture_open (&f, "acme-rollout.mplan", 1000, 420);
  m = find_milestone (f.doc, "m-golive", &index);
  due = mp_milestone_get_due (m);
  v = mp_timeline_get_view (f.timeline);
  px = v->scale.px_per_day;

  bar_point (f.timeline, m, index, 0, &x, &y);
  drag (f.timeline, x, y, 5 * px, FALSE);
  g_assert_cmpint (v->preview_milestone, ==, (int) index);
  /* The drag took the focus, so Escape reaches the timeline. */
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (f.timeline)));
  g_assert_true (mp_timeline_handle_key (f.timeline, GDK_KEY_Escape, 0));
  g_assert_cmpint (v->preview_milestone, ==, -1);
  /* What the pointer does after Escape is ignored. */
  g_signal_emit_by_name (mp_timeline_get_drag_gesture (f.timeline), "drag-update", 9 * px, 0.0);
  g_signal_emit_by_name (mp_timeline_get_drag_gesture (f.timeline), "drag-end", 9 * px, 0.0);
  g_assert_cmpint (v->preview_milestone, ==, -1);
  g_assert_cmpuint (mp_milestone_get_due (m), ==, due);
  g_assert_false (mp_document_can_undo (f.doc));

  fixture_close (&f);
}

static void
test_drag_dependents (void)
{
  Fixture f;
  MpMilestone *pilot, *commit, *sign;
  guint index;
  MpDate pilot_due, commit_due, sign_due;
  double x, y, px;
  GtkWidget *dialog;
  g_autoptr(GString) text = g_string_new (NULL);

  fixture_open (&f, "acme-rollout.mplan", 1000, 420);
  /* The pilot: Commitment depends on it, Signature on Commitment. */
  pilot = find_milestone (f.doc, "m-pilot", &index);
  commit = find_milestone (f.doc, "m-commit", NULL);
  sign = find_milestone (f.doc, "m-sign", NULL);
  pilot_due = mp_milestone_get_due (pilot);
  commit_due = mp_milestone_get_due (commit);
  sign_due = mp_milestone_get_due (sign);
  px = mp_timeline_get_view (f.timeline)->scale.px_per_day;

  /* Cancel: nothing moves. */
  bar_point (f.timeline, pilot, index, 0, &x, &y);
  drag (f.timeline, x, y, 14 * px, TRUE);
  dialog = mp_timeline_get_shift_dialog (f.timeline);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  /* The preview of what moves lists the dependents. */
  mp_test_collect_labels (dialog, FALSE, text);
  g_assert_nonnull (strstr (text->str, "Commitment"));
  g_assert_nonnull (strstr (text->str, "Signature"));
  g_assert_nonnull (strstr (text->str, "Pilot with two regions"));
  mp_test_spin_frames (5);
  mp_test_screenshot (dialog, "MP_TIMELINE_SHOTS", "shift-dialog.png");
  /* The bar stays where it was dropped while the question is open. */
  g_assert_cmpint (mp_timeline_get_view (f.timeline)->preview_milestone, ==, (int) index);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_assert_null (mp_timeline_get_shift_dialog (f.timeline));
  g_assert_cmpint (mp_timeline_get_view (f.timeline)->preview_milestone, ==, -1);
  g_assert_cmpuint (mp_milestone_get_due (pilot), ==, pilot_due);
  g_assert_false (mp_document_can_undo (f.doc));

  /* Move only this. */
  mp_test_spin_frames (1);
  drag (f.timeline, x, y, 14 * px, TRUE);
  dialog = mp_timeline_get_shift_dialog (f.timeline);
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), RESPONSE_ONLY_THIS);
  g_assert_cmpuint (mp_milestone_get_due (pilot), ==, pilot_due + 14);
  g_assert_cmpuint (mp_milestone_get_due (commit), ==, commit_due);
  g_assert_true (mp_document_undo (f.doc));
  g_assert_false (mp_document_can_undo (f.doc));

  /* Move with dependents: all of them, one undo step. */
  mp_test_spin_frames (1);
  drag (f.timeline, x, y, 14 * px, TRUE);
  dialog = mp_timeline_get_shift_dialog (f.timeline);
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), RESPONSE_WITH_DEPENDENTS);
  g_assert_cmpuint (mp_milestone_get_due (pilot), ==, pilot_due + 14);
  g_assert_cmpuint (mp_milestone_get_due (commit), >=, commit_due + 14);
  g_assert_cmpuint (mp_milestone_get_due (sign), >=, sign_due + 14);
  g_assert_true (mp_document_undo (f.doc));
  g_assert_cmpuint (mp_milestone_get_due (pilot), ==, pilot_due);
  g_assert_cmpuint (mp_milestone_get_due (commit), ==, commit_due);
  g_assert_cmpuint (mp_milestone_get_due (sign), ==, sign_due);
  g_assert_false (mp_document_can_undo (f.doc));

  /* The due end with dependents: the pilot's start stays, they shift. */
  mp_test_spin_frames (1);
  bar_point (f.timeline, pilot, index, +1, &x, &y);
  drag (f.timeline, x, y, 7 * px, TRUE);
  dialog = mp_timeline_get_shift_dialog (f.timeline);
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), RESPONSE_WITH_DEPENDENTS);
  g_assert_cmpuint (mp_milestone_get_start (pilot), ==, mp_date_from_ymd (2027, 3, 1));
  g_assert_cmpuint (mp_milestone_get_due (pilot), ==, pilot_due + 7);
  g_assert_cmpuint (mp_milestone_get_due (commit), >=, commit_due + 7);
  g_assert_true (mp_document_undo (f.doc));
  g_assert_cmpuint (mp_milestone_get_due (pilot), ==, pilot_due);
  g_assert_cmpuint (mp_milestone_get_due (commit), ==, commit_due);
  g_assert_false (mp_document_can_undo (f.doc));

  fixture_close (&f);
}

/* ---- keyboard ---- */

static void
test_keyboard (void)
{
  Fixture f;
  MpMilestone *m, *sign, *old;
  guint index;
  MpDate start, due;
  double px;
  const MpTimelineView *v;

  fixture_open (&f, "acme-rollout.mplan", 1000, 420);
  m = find_milestone (f.doc, "m-golive", &index);
  sign = find_milestone (f.doc, "m-sign", NULL);
  old = find_milestone (f.doc, "m-old", NULL);
  start = mp_milestone_get_start (m);
  due = mp_milestone_get_due (m);
  v = mp_timeline_get_view (f.timeline);

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (f.timeline)));
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (f.timeline)));

  /* Arrows walk the rows. */
  g_assert_null (mp_timeline_get_selected (f.timeline));
  g_assert_true (mp_timeline_handle_key (f.timeline, GDK_KEY_Up, 0));
  g_assert_true (mp_timeline_get_selected (f.timeline) == old); /* the last row */
  g_assert_true (mp_timeline_handle_key (f.timeline, GDK_KEY_Up, 0));
  g_assert_true (mp_timeline_get_selected (f.timeline) == m);
  g_assert_true (mp_timeline_handle_key (f.timeline, GDK_KEY_Up, 0));
  g_assert_true (mp_timeline_get_selected (f.timeline) == sign);
  g_assert_cmpint (v->selected, ==, (int) index - 1);
  g_assert_true (mp_timeline_handle_key (f.timeline, GDK_KEY_Down, 0));
  g_assert_true (mp_timeline_get_selected (f.timeline) == m);
  /* The selection is announced. */
  g_assert_nonnull (strstr (mp_timeline_get_accessible_description (f.timeline), "Go-live"));
  g_assert_nonnull (strstr (mp_timeline_get_accessible_description (f.timeline), "Planned"));

  /* Alt+Right: a day later, one step each. */
  g_assert_true (mp_timeline_handle_key (f.timeline, GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_true (mp_timeline_handle_key (f.timeline, GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_cmpuint (mp_milestone_get_start (m), ==, start + 2);
  g_assert_cmpuint (mp_milestone_get_due (m), ==, due + 2);
  g_assert_true (mp_document_undo (f.doc));
  g_assert_cmpuint (mp_milestone_get_due (m), ==, due + 1);
  g_assert_true (mp_document_undo (f.doc));
  g_assert_cmpuint (mp_milestone_get_start (m), ==, start);
  g_assert_cmpuint (mp_milestone_get_due (m), ==, due);
  g_assert_false (mp_document_can_undo (f.doc));
  /* The description follows the new dates. */
  g_assert_true (mp_timeline_handle_key (f.timeline, GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_cmpuint (mp_milestone_get_due (m), ==, due - 1);
  g_assert_true (mp_document_undo (f.doc));

  /* Alt+Shift+arrows: the due date only. */
  g_assert_true (mp_timeline_handle_key (f.timeline, GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK));
  g_assert_cmpuint (mp_milestone_get_start (m), ==, start);
  g_assert_cmpuint (mp_milestone_get_due (m), ==, due - 1);
  g_assert_true (mp_document_undo (f.doc));
  g_assert_false (mp_document_can_undo (f.doc));

  /* Ctrl+plus, Ctrl+minus, Ctrl+0. */
  px = v->scale.px_per_day;
  g_assert_true (mp_timeline_handle_key (f.timeline, GDK_KEY_plus, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (v->scale.px_per_day, px * MP_SCALE_ZOOM_STEP, 1e-9);
  g_assert_true (mp_timeline_handle_key (f.timeline, GDK_KEY_minus, GDK_CONTROL_MASK));
  g_assert_true (mp_timeline_handle_key (f.timeline, GDK_KEY_minus, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (v->scale.px_per_day, px / MP_SCALE_ZOOM_STEP, 1e-9);
  g_assert_true (mp_timeline_handle_key (f.timeline, GDK_KEY_0, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (v->scale.px_per_day, px, 1e-9);

  /* Home and End show the plan's first and last days. */
  mp_timeline_zoom_in (f.timeline);
  mp_timeline_zoom_in (f.timeline);
  mp_timeline_zoom_in (f.timeline);
  g_assert_true (mp_timeline_handle_key (f.timeline, GDK_KEY_Home, 0));
  g_assert_cmpuint (mp_scale_get_first_date (&v->scale), <=, mp_date_from_ymd (2027, 1, 11));
  g_assert_cmpuint (mp_scale_get_last_date (&v->scale, v->width), <, mp_date_from_ymd (2027, 4, 30));
  g_assert_true (mp_timeline_handle_key (f.timeline, GDK_KEY_End, 0));
  g_assert_cmpuint (mp_scale_get_last_date (&v->scale, v->width), >=, mp_date_from_ymd (2027, 4, 30));
  g_assert_cmpuint (mp_scale_get_first_date (&v->scale), >, mp_date_from_ymd (2027, 1, 11));

  /* The same actions for menus and buttons. */
  px = v->scale.px_per_day;
  gtk_widget_activate_action (GTK_WIDGET (f.timeline), "timeline.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (v->scale.px_per_day, px / MP_SCALE_ZOOM_STEP, 1e-9);
  gtk_widget_activate_action (GTK_WIDGET (f.timeline), "timeline.move-later", NULL);
  g_assert_cmpuint (mp_milestone_get_due (m), ==, due + 1);
  g_assert_true (mp_document_undo (f.doc));

  /* Without the focus, the arrows are the toolbar's. */
  gtk_widget_grab_focus (gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (f.timeline))));
  g_assert_false (gtk_widget_is_focus (GTK_WIDGET (f.timeline)));
  g_assert_false (mp_timeline_handle_key (f.timeline, GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_cmpuint (mp_milestone_get_due (m), ==, due);

  fixture_close (&f);
}

/* ---- zoom and scrolling ---- */

static void
test_zoom_scroll (void)
{
  Fixture f;
  const MpTimelineView *v;
  double px, ox, oy, x, first;
  MpDate under;

  fixture_open (&f, "acme-rollout.mplan", 900, 300);
  v = mp_timeline_get_view (f.timeline);
  mp_timeline_get_chart_origin (f.timeline, &ox, &oy);

  /* Zoom to fit shows the whole plan. */
  g_assert_cmpuint (mp_scale_get_first_date (&v->scale), <=, mp_date_from_ymd (2027, 1, 11));
  g_assert_cmpuint (mp_scale_get_last_date (&v->scale, v->width), >=, mp_date_from_ymd (2027, 4, 30));

  px = v->scale.px_per_day;
  mp_timeline_zoom_in (f.timeline);
  g_assert_cmpfloat_with_epsilon (v->scale.px_per_day, px * MP_SCALE_ZOOM_STEP, 1e-9);
  mp_timeline_zoom_out (f.timeline);
  mp_timeline_zoom_out (f.timeline);
  g_assert_cmpfloat_with_epsilon (v->scale.px_per_day, px / MP_SCALE_ZOOM_STEP, 1e-9);
  mp_timeline_zoom_fit (f.timeline);
  g_assert_cmpfloat_with_epsilon (v->scale.px_per_day, px, 1e-9);

  /* Ctrl+scroll zooms around the pointer: the day under it stays. */
  x = 200.5;
  mp_timeline_handle_motion (f.timeline, ox + x, oy + 60);
  under = mp_timeline_date_at_x (v, x);
  first = mp_scale_day_at_x (&v->scale, x);
  g_assert_true (mp_timeline_handle_scroll (f.timeline, 0, -1, GDK_CONTROL_MASK, TRUE));
  g_assert_cmpfloat_with_epsilon (v->scale.px_per_day, px * MP_SCALE_ZOOM_STEP, 1e-9);
  g_assert_cmpuint (mp_timeline_date_at_x (v, x), ==, under);
  g_assert_cmpfloat_with_epsilon (mp_scale_day_at_x (&v->scale, x), first, 1e-6);
  g_assert_true (mp_timeline_handle_scroll (f.timeline, 0, 2, GDK_CONTROL_MASK, TRUE));
  g_assert_cmpfloat_with_epsilon (v->scale.px_per_day, px / MP_SCALE_ZOOM_STEP, 1e-9);
  g_assert_cmpfloat_with_epsilon (mp_scale_day_at_x (&v->scale, x), first, 1e-6);

  /* Zoomed in, scrolling sideways: Shift+wheel and the wheel's own x. */
  mp_timeline_zoom_in (f.timeline);
  mp_timeline_zoom_in (f.timeline);
  mp_timeline_zoom_in (f.timeline);
  mp_timeline_zoom_in (f.timeline);
  first = v->scale.first;
  g_assert_true (mp_timeline_handle_scroll (f.timeline, 0, 1, GDK_SHIFT_MASK, TRUE));
  g_assert_cmpfloat (v->scale.first, >, first);
  first = v->scale.first;
  g_assert_true (mp_timeline_handle_scroll (f.timeline, -30, 0, 0, FALSE));
  g_assert_cmpfloat_with_epsilon (v->scale.first, first - 30 / v->scale.px_per_day, 1e-6);

  /* The wheel scrolls the rows (300 px do not show all nine). */
  g_assert_cmpfloat (v->scroll_y, ==, 0);
  g_assert_true (mp_timeline_handle_scroll (f.timeline, 0, 1, 0, TRUE));
  g_assert_cmpfloat (v->scroll_y, >, 0);
  g_assert_true (mp_timeline_handle_scroll (f.timeline, 0, -5, 0, TRUE));
  g_assert_cmpfloat (v->scroll_y, ==, 0);

  /* Selecting the last row scrolls it into view. */
  mp_timeline_select (f.timeline, find_milestone (f.doc, "m-old", NULL));
  g_assert_cmpfloat (v->scroll_y, >, 0);
  g_assert_cmpfloat (mp_timeline_row_get_y (v, 8) + mp_timeline_view_get_row_height (v), <=, v->height + 0.5);

  fixture_close (&f);
}

/* ---- selection in step with a list ---- */

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  if (MP_IS_MILESTONE (item))
    return G_LIST_MODEL (g_object_ref (mp_milestone_get_tasks (MP_MILESTONE (item))));
  return NULL;
}

static gpointer
selected_item (GtkSingleSelection *sel)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (sel);

  return row ? gtk_tree_list_row_get_item (row) : NULL;
}

static void
test_selection_sync (void)
{
  Fixture f;
  GListModel *ms;
  GtkTreeListModel *tree;
  g_autoptr(GtkSingleSelection) sel = NULL;
  g_autoptr(GtkTreeListRow) security_row = NULL;
  g_autoptr(GObject) item = NULL;
  MpMilestone *security, *pilot, *golive;
  guint security_index, pilot_index, golive_index;
  const MpTimelineView *v;
  g_autoptr(GtkAdjustment) list_adj = gtk_adjustment_new (0, 0, 1000, 10, 100, 200);
  double x, y;

  fixture_open (&f, "acme-rollout.mplan", 1000, 420);
  v = mp_timeline_get_view (f.timeline);
  ms = G_LIST_MODEL (mp_plan_get_milestones (mp_document_get_plan (f.doc)));
  /* Like the milestones list. */
  tree = gtk_tree_list_model_new (g_object_ref (ms), FALSE, FALSE, create_children, NULL, NULL);
  sel = gtk_single_selection_new (G_LIST_MODEL (tree));
  gtk_single_selection_set_autoselect (sel, FALSE);
  gtk_single_selection_set_can_unselect (sel, TRUE);
  gtk_single_selection_set_selected (sel, GTK_INVALID_LIST_POSITION);
  mp_timeline_set_selection (f.timeline, sel);
  mp_timeline_set_list_vadjustment (f.timeline, list_adj);

  security = find_milestone (f.doc, "m-security", &security_index);
  pilot = find_milestone (f.doc, "m-pilot", &pilot_index);
  golive = find_milestone (f.doc, "m-golive", &golive_index);

  /* The list selects: the timeline follows. */
  gtk_single_selection_set_selected (sel, pilot_index);
  g_assert_true (mp_timeline_get_selected (f.timeline) == pilot);
  g_assert_cmpint (v->selected, ==, (int) pilot_index);
  g_assert_nonnull (strstr (mp_timeline_get_accessible_description (f.timeline), "Pilot with two regions"));

  /* A click on a bar selects the milestone's row in the list. */
  bar_point (f.timeline, golive, golive_index, 0, &x, &y);
  click (f.timeline, x, y);
  g_assert_true (mp_timeline_get_selected (f.timeline) == golive);
  g_assert_cmpuint (gtk_single_selection_get_selected (sel), ==, golive_index);

  /* Expanding a milestone in the list adds its task rows to the
   * timeline, in the same order. */
  security_row = gtk_tree_list_model_get_child_row (tree, security_index);
  gtk_tree_list_row_set_expanded (security_row, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tree)), ==, 11);
  mp_test_spin_frames (2);
  /* Go-live moved down two rows in both. */
  g_assert_cmpuint (gtk_single_selection_get_selected (sel), ==, golive_index + 2);
  g_assert_true (mp_timeline_get_selected (f.timeline) == golive);

  /* The list selects a task: the timeline selects its row. */
  gtk_single_selection_set_selected (sel, security_index + 2);
  item = selected_item (sel);
  g_assert_true (MP_IS_TASK (item));
  g_assert_true (mp_timeline_get_selected (f.timeline) == security);
  g_assert_nonnull (strstr (mp_timeline_get_accessible_description (f.timeline), "Pen-test report review"));

  /* Up in the timeline: the first task's row, in the list too. */
  gtk_widget_grab_focus (GTK_WIDGET (f.timeline));
  g_assert_true (mp_timeline_handle_key (f.timeline, GDK_KEY_Up, 0));
  g_assert_cmpuint (gtk_single_selection_get_selected (sel), ==, security_index + 1);
  g_clear_object (&item);
  item = selected_item (sel);
  g_assert_cmpstr (mp_task_get_title (MP_TASK (item)), ==, "Answer security questionnaire");
  g_assert_true (mp_timeline_handle_key (f.timeline, GDK_KEY_Up, 0));
  g_assert_cmpuint (gtk_single_selection_get_selected (sel), ==, security_index);
  g_assert_true (mp_timeline_handle_key (f.timeline, GDK_KEY_Down, 0));
  g_assert_true (mp_timeline_handle_key (f.timeline, GDK_KEY_Down, 0));
  g_assert_true (mp_timeline_handle_key (f.timeline, GDK_KEY_Down, 0));
  g_assert_cmpuint (gtk_single_selection_get_selected (sel), ==, pilot_index + 2);
  g_clear_object (&item);
  item = selected_item (sel);
  g_assert_true (item == (GObject *) pilot);

  /* A click in an empty part of a row selects its milestone; below the
   * last row, nothing. Row 0 (First evaluation) is empty in April. */
  {
    double ox, oy;

    mp_timeline_get_chart_origin (f.timeline, &ox, &oy);
    click (f.timeline, ox + mp_timeline_x_of_date (v, mp_date_from_ymd (2027, 4, 14)),
           oy + mp_timeline_row_get_y (v, 0) + 3);
    g_assert_cmpuint (gtk_single_selection_get_selected (sel), ==, 0);
    g_assert_true (mp_timeline_get_selected (f.timeline) == find_milestone (f.doc, "m-eval", NULL));
  }

  /* The list scrolls: the timeline follows (the window shows few rows). */
  gtk_window_set_default_size (GTK_WINDOW (f.window), 1000, 200);
  mp_test_spin_frames (5);
  gtk_adjustment_set_value (list_adj, 800); /* the end */
  g_assert_cmpfloat (v->scroll_y, >, 0);
  {
    const MpTimelineView *vv = mp_timeline_get_view (f.timeline);
    double body = vv->height - mp_timeline_view_get_header_height (vv);

    g_assert_cmpfloat_with_epsilon (vv->scroll_y, 11 * mp_timeline_view_get_row_height (vv) - body, 0.5);
  }
  gtk_adjustment_set_value (list_adj, 0);
  g_assert_cmpfloat (v->scroll_y, ==, 0);

  /* Removing the selected milestone leaves nothing selected. */
  gtk_single_selection_set_selected (sel, 0);
  mp_document_remove_milestone (f.doc, find_milestone (f.doc, "m-eval", NULL));
  mp_test_spin_frames (2);
  g_assert_null (mp_timeline_get_selected (f.timeline));

  mp_timeline_set_selection (f.timeline, NULL);
  fixture_close (&f);
}

/* ---- clicks ---- */

static void
test_clicks (void)
{
  Fixture f;
  const MpTimelineView *v;
  double ox, oy, y;
  GtkPopover *popover;
  GtkWidget *label;

  fixture_open (&f, "acme-rollout.mplan", 1000, 460);
  v = mp_timeline_get_view (f.timeline);
  mp_timeline_get_chart_origin (f.timeline, &ox, &oy);
  popover = mp_timeline_get_info_popover (f.timeline);
  label = gtk_popover_get_child (popover);

  /* Presidents' Day (15 Feb) on the row of First evaluation (empty then). */
  y = oy + mp_timeline_row_get_y (v, 0) + mp_timeline_view_get_row_height (v) / 2;
  click (f.timeline, ox + (mp_timeline_x_of_date (v, mp_date_from_ymd (2027, 2, 15)) +
                           mp_timeline_x_of_date (v, mp_date_from_ymd (2027, 2, 16))) / 2, y);
  mp_test_spin_frames (2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "Presidents' Day"));
  gtk_popover_popdown (popover);
  mp_test_spin_frames (1);

  /* The target line (end of 30 Apr). */
  click (f.timeline, ox + mp_timeline_x_of_date (v, mp_date_from_ymd (2027, 5, 1)), y);
  mp_test_spin_frames (2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "Target date"));
  gtk_popover_popdown (popover);

  /* A click below the last row selects nothing. */
  mp_timeline_select (f.timeline, find_milestone (f.doc, "m-pilot", NULL));
  g_assert_nonnull (mp_timeline_get_selected (f.timeline));
  click (f.timeline, ox + mp_timeline_x_of_date (v, mp_date_from_ymd (2027, 3, 3)),
         oy + mp_timeline_row_get_y (v, 9) + 4);
  g_assert_null (mp_timeline_get_selected (f.timeline));

  /* Hover highlights: the bar under the pointer is the view's hover. */
  {
    guint index;
    MpMilestone *m = find_milestone (f.doc, "m-golive", &index);
    double x;

    bar_point (f.timeline, m, index, 0, &x, &y);
    mp_timeline_handle_motion (f.timeline, x, y);
    g_assert_cmpint (v->hover.kind, ==, MP_TIMELINE_HIT_BAR);
    g_assert_cmpint (v->hover.milestone, ==, (int) index);
    mp_timeline_handle_motion (f.timeline, -1, -1);
    g_assert_cmpint (v->hover.kind, ==, MP_TIMELINE_HIT_NONE);
  }

  fixture_close (&f);
}

/* ---- accessibility, palettes, model changes ---- */

static void
test_accessible (void)
{
  Fixture f;
  GtkWidget *toolbar, *child;
  int buttons = 0;

  fixture_open (&f, "acme-rollout.mplan", 800, 300);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f.timeline), GTK_ACCESSIBLE_PROPERTY_LABEL, "Timeline");
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f.timeline)));
  g_assert_nonnull (strstr (mp_timeline_get_accessible_description (f.timeline), "No milestone selected"));
  /* Every toolbar button has a name. */
  toolbar = gtk_widget_get_first_child (GTK_WIDGET (f.timeline));
  for (child = gtk_widget_get_first_child (toolbar); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && !GTK_IS_TOGGLE_BUTTON (child))
      {
        const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (child));

        if (g_strcmp0 (action, "timeline.zoom-in") == 0)
          gtk_test_accessible_assert_property (child, GTK_ACCESSIBLE_PROPERTY_LABEL, "Zoom In");
        else if (g_strcmp0 (action, "timeline.zoom-out") == 0)
          gtk_test_accessible_assert_property (child, GTK_ACCESSIBLE_PROPERTY_LABEL, "Zoom Out");
        else
          gtk_test_accessible_assert_property (child, GTK_ACCESSIBLE_PROPERTY_LABEL, "Zoom to Fit");
        buttons++;
      }
  g_assert_cmpint (buttons, ==, 3);

  mp_timeline_select (f.timeline, find_milestone (f.doc, "m-demo", NULL));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f.timeline), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       mp_timeline_get_accessible_description (f.timeline));
  g_assert_nonnull (strstr (mp_timeline_get_accessible_description (f.timeline), "Demo for the BI team"));
  g_assert_nonnull (strstr (mp_timeline_get_accessible_description (f.timeline), "Done"));
  /* The owners too, and the name says it again (a screen reader reads a
   * focused widget's new name, not its new description). */
  g_assert_nonnull (strstr (mp_timeline_get_accessible_description (f.timeline), "owners Raj Patel and Lena Ortiz"));
  {
    g_autofree char *name = g_strdup_printf ("Timeline: %s", mp_timeline_get_accessible_description (f.timeline));

    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f.timeline), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  }
  fixture_close (&f);
}

static void
test_palette (void)
{
  Fixture f;
  GtkSettings *settings;
  g_autofree char *theme = NULL;

  fixture_open (&f, "minimal.mplan", 600, 240);
  settings = gtk_widget_get_settings (GTK_WIDGET (f.timeline));
  g_object_get (settings, "gtk-theme-name", &theme, NULL);
  g_assert_cmpint (mp_timeline_get_palette_kind (f.timeline), ==, MP_TIMELINE_PALETTE_LIGHT);
  g_object_set (settings, "gtk-application-prefer-dark-theme", TRUE, NULL);
  mp_test_spin_frames (1);
  g_assert_cmpint (mp_timeline_get_palette_kind (f.timeline), ==, MP_TIMELINE_PALETTE_DARK);
  g_assert_true (mp_timeline_get_view (f.timeline)->palette == mp_timeline_palette_get (MP_TIMELINE_PALETTE_DARK));
  g_object_set (settings, "gtk-application-prefer-dark-theme", FALSE, "gtk-theme-name", "HighContrast", NULL);
  mp_test_spin_frames (1);
  g_assert_cmpint (mp_timeline_get_palette_kind (f.timeline), ==, MP_TIMELINE_PALETTE_HIGH_CONTRAST);
  g_object_set (settings, "gtk-theme-name", theme, NULL);
  mp_test_spin_frames (1);
  g_assert_cmpint (mp_timeline_get_palette_kind (f.timeline), ==, MP_TIMELINE_PALETTE_LIGHT);
  fixture_close (&f);
}

static void
test_model_changes (void)
{
  Fixture f;
  const MpTimelineView *v;
  MpMilestone *m;
  g_autoptr(MpMilestone) added = mp_milestone_new ();
  g_autoptr(MpBaseline) baseline = NULL;
  double before, after;
  guint index;

  fixture_open (&f, "acme-rollout.mplan", 800, 300);
  v = mp_timeline_get_view (f.timeline);

  /* A date far after the plan: the scrollable range grows with it. */
  mp_timeline_zoom_fit (f.timeline);
  m = find_milestone (f.doc, "m-golive", &index);
  {
    GtkAdjustment *h = NULL;

    for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (f.timeline)); c; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_SCROLLBAR (c) && gtk_orientable_get_orientation (GTK_ORIENTABLE (c)) == GTK_ORIENTATION_HORIZONTAL)
        h = gtk_scrollbar_get_adjustment (GTK_SCROLLBAR (c));
    g_assert_nonnull (h);
    before = gtk_adjustment_get_upper (h);
    mp_document_begin (f.doc, "test");
    mp_document_set_date (f.doc, MP_RECORD (m), MP_MILESTONE_DUE, mp_date_from_ymd (2027, 9, 30));
    mp_document_end (f.doc);
    mp_test_spin_frames (2);
    after = gtk_adjustment_get_upper (h);
    g_assert_cmpfloat (after, >, before + 100 * v->scale.px_per_day);
  }

  /* A milestone added by the list shows up as a row. */
  mp_milestone_set_id (added, "m-new");
  mp_milestone_set_title (added, "New step");
  mp_milestone_set_due (added, mp_date_from_ymd (2027, 4, 26));
  mp_document_insert (f.doc, mp_plan_get_milestones (mp_document_get_plan (f.doc)), 0, MP_RECORD (added));
  mp_timeline_select (f.timeline, added);
  g_assert_cmpint (v->selected, ==, 0);
  mp_timeline_select (f.timeline, m);
  g_assert_cmpint (v->selected, ==, (int) index + 1);

  /* A baseline: ghost bars. */
  baseline = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_baselines (mp_document_get_plan (f.doc))), 0);
  mp_timeline_set_baseline (f.timeline, baseline);
  g_assert_true (v->baseline == baseline);
  mp_timeline_set_baseline (f.timeline, NULL);
  g_assert_null (v->baseline);

  /* A document with no plan dates at all, and no document. */
  mp_timeline_set_document (f.timeline, NULL);
  g_assert_null (mp_timeline_get_selected (f.timeline));
  mp_test_spin_frames (1);
  fixture_close (&f);
}

/* ---- screenshots ---- */

static void save_shot (GdkTexture *texture, const char *name);

static guint
count_colours (GdkTexture *texture)
{
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) w * h * 4);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  gdk_texture_download (texture, data, (gsize) w * 4);
  for (int i = 0; i < w * h; i += 7)
    g_hash_table_add (seen, GUINT_TO_POINTER (((guint32 *) data)[i]));
  return g_hash_table_size (seen);
}

static void
test_screenshots (void)
{
  const char *fixtures[] = { "acme-rollout.mplan", "mueller-maschinenbau.mplan", "minimal.mplan", "unknown-members.mplan" };
  const char *dir = g_getenv ("MP_TIMELINE_SHOTS");

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    for (int zoom = 0; zoom < 3; zoom++)
      {
        Fixture f;
        g_autoptr(GdkTexture) texture = NULL;

        fixture_open (&f, fixtures[i], 1100, 420);
        mp_timeline_set_show_legend (f.timeline, TRUE);
        /* Fit, then zoomed in on the middle, then zoomed out. */
        if (zoom == 1)
          for (int k = 0; k < 6; k++)
            mp_timeline_zoom_in (f.timeline);
        else if (zoom == 2)
          for (int k = 0; k < 4; k++)
            mp_timeline_zoom_out (f.timeline);
        mp_test_spin_frames (3);
        texture = mp_test_render_widget (GTK_WIDGET (f.timeline));
        g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (f.timeline)));
        /* Not blank: bars, text, grid. */
        g_assert_cmpuint (count_colours (texture), >, 20);
        if (dir != NULL)
          {
            g_autofree char *base = g_strndup (fixtures[i], strlen (fixtures[i]) - strlen (".mplan"));
            g_autofree char *name = g_strdup_printf ("timeline-%s-%s.png", base,
                                                     zoom == 0 ? "fit" : zoom == 1 ? "in" : "out");
            g_autofree char *path = g_build_filename (dir, name, NULL);

            g_assert_true (gdk_texture_save_to_png (texture, path));
          }
        fixture_close (&f);
      }
}

static void
save_shot (GdkTexture *texture,
           const char *name)
{
  const char *dir = g_getenv ("MP_TIMELINE_SHOTS");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* The states worth a look: a drag in progress (with its label), the
 * selection, hover, the dark and high-contrast palettes, a baseline. */
static void
test_screenshots_states (void)
{
  Fixture f;
  MpMilestone *pilot;
  guint index;
  double x, y;
  GtkSettings *settings;
  g_autofree char *theme = NULL;
  g_autoptr(MpBaseline) baseline = NULL;

  fixture_open (&f, "acme-rollout.mplan", 1100, 380);
  pilot = find_milestone (f.doc, "m-pilot", &index);
  baseline = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_baselines (mp_document_get_plan (f.doc))), 0);
  mp_timeline_set_baseline (f.timeline, baseline);
  mp_timeline_select (f.timeline, find_milestone (f.doc, "m-security", NULL));
  bar_point (f.timeline, pilot, index, 0, &x, &y);
  mp_timeline_handle_motion (f.timeline, x, y);
  drag (f.timeline, x, y, 9 * mp_timeline_get_view (f.timeline)->scale.px_per_day, FALSE);
  mp_test_spin_frames (3);
  {
    g_autoptr(GdkTexture) texture = mp_test_render_widget (GTK_WIDGET (f.timeline));
    save_shot (texture, "timeline-state-drag.png");
  }
  g_assert_true (mp_timeline_handle_key (f.timeline, GDK_KEY_Escape, 0));

  settings = gtk_widget_get_settings (GTK_WIDGET (f.timeline));
  g_object_get (settings, "gtk-theme-name", &theme, NULL);
  g_object_set (settings, "gtk-application-prefer-dark-theme", TRUE, NULL);
  mp_test_spin_frames (3);
  {
    g_autoptr(GdkTexture) texture = mp_test_render_widget (GTK_WIDGET (f.timeline));
    g_assert_cmpuint (count_colours (texture), >, 20);
    save_shot (texture, "timeline-state-dark.png");
  }
  g_object_set (settings, "gtk-application-prefer-dark-theme", FALSE, "gtk-theme-name", "HighContrast", NULL);
  mp_test_spin_frames (3);
  {
    g_autoptr(GdkTexture) texture = mp_test_render_widget (GTK_WIDGET (f.timeline));
    save_shot (texture, "timeline-state-high-contrast.png");
  }
  g_object_set (settings, "gtk-theme-name", theme, NULL);
  mp_test_spin_frames (1);
  fixture_close (&f);
}

/* With the real milestones list above it, as the window embeds it. */
static void
test_with_milestones_view (void)
{
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("acme-rollout.mplan");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  MpMilestonesView *list = MP_MILESTONES_VIEW (mp_milestones_view_new ());
  MpTimeline *tl = MP_TIMELINE (mp_timeline_new ());
  MpMilestone *demo, *pilot;
  guint index;
  double x, y;

  gtk_paned_set_start_child (GTK_PANED (paned), GTK_WIDGET (list));
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (tl));
  gtk_paned_set_position (GTK_PANED (paned), 380);
  gtk_window_set_child (GTK_WINDOW (window), paned);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  mp_milestones_view_set_document (list, doc);
  mp_timeline_set_document (tl, doc);
  mp_timeline_set_selection (tl, mp_milestones_view_get_selection (list));
  gtk_window_present (GTK_WINDOW (window));
  mp_test_spin_frames (10);

  demo = find_milestone (doc, "m-demo", NULL);
  pilot = find_milestone (doc, "m-pilot", NULL);
  /* The list shows the tasks of every milestone (it expands them all):
   * the timeline has the same rows, so the demo's row is its position in
   * the list. */
  {
    GListModel *rows = G_LIST_MODEL (mp_milestones_view_get_selection (list));

    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 13);
    for (index = 0; index < g_list_model_get_n_items (rows); index++)
      {
        g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, index);
        g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

        if (item == (GObject *) demo)
          break;
      }
    g_assert_cmpuint (index, ==, 3);
  }
  bar_point (tl, demo, index, 0, &x, &y);
  click (tl, x, y);
  g_assert_true (mp_timeline_get_selected (tl) == demo);
  g_assert_cmpuint (gtk_single_selection_get_selected (mp_milestones_view_get_selection (list)), ==, 3);
  g_assert_true (mp_milestones_view_get_selected (list) == demo);
  mp_milestones_view_select (list, MP_RECORD (pilot));
  g_assert_true (mp_timeline_get_selected (tl) == pilot);
  mp_test_spin_frames (3);
  {
    g_autoptr(GdkTexture) texture = mp_test_render_widget (window);
    save_shot (texture, "timeline-in-window.png");
  }
  mp_timeline_set_selection (tl, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  mp_test_spin_frames (1);
}

/* A plan of 5,000 milestones with the list's tree and selection: the
 * frame only draws what is visible, the layout is built once per
 * change. Prints figures; asserts no time. */
static void
test_large_plan (void)
{
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (5000);
  g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);
  GListModel *ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  GtkTreeListModel *tree = gtk_tree_list_model_new (g_object_ref (ms), FALSE, FALSE, create_children, NULL, NULL);
  g_autoptr(GtkSingleSelection) sel = gtk_single_selection_new (G_LIST_MODEL (tree));
  GtkWidget *window = gtk_window_new ();
  MpTimeline *tl = MP_TIMELINE (mp_timeline_new ());
  g_autoptr(GTimer) timer = g_timer_new ();
  const MpTimelineView *v;
  double t_set, t_frames;
  g_autoptr(MpMilestone) last = g_list_model_get_item (ms, 4999);

  gtk_single_selection_set_autoselect (sel, FALSE);
  gtk_single_selection_set_can_unselect (sel, TRUE);
  gtk_single_selection_set_selected (sel, GTK_INVALID_LIST_POSITION);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 420);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (tl));
  gtk_window_present (GTK_WINDOW (window));
  mp_test_spin_frames (3);

  g_timer_start (timer);
  mp_timeline_set_document (tl, doc);
  mp_timeline_set_selection (tl, sel);
  t_set = g_timer_elapsed (timer, NULL);
  mp_test_spin_frames (3);

  /* The list selects its last row: the timeline scrolls down to it. */
  gtk_single_selection_set_selected (sel, 4999);
  v = mp_timeline_get_view (tl);
  g_assert_true (mp_timeline_get_selected (tl) == last);
  g_assert_cmpfloat (v->scroll_y, >, 4000 * mp_timeline_view_get_row_height (v));

  t_frames = 0;
  for (int i = 0; i < 5; i++)
    {
      g_autoptr(GdkTexture) texture = NULL;

      mp_test_spin_frames (1);
      g_timer_start (timer);
      texture = mp_test_render_widget (GTK_WIDGET (tl));
      t_frames += g_timer_elapsed (timer, NULL) / 5;
      mp_timeline_zoom_in (tl);
    }
  g_test_message ("5,000 milestones: set document and selection %.1f ms, a frame %.1f ms",
                  t_set * 1000, t_frames * 1000);

  /* Up from the last row: the list follows. */
  gtk_widget_grab_focus (GTK_WIDGET (tl));
  g_assert_true (mp_timeline_handle_key (tl, GDK_KEY_Up, 0));
  g_assert_cmpuint (gtk_single_selection_get_selected (sel), ==, 4998);

  mp_timeline_set_selection (tl, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  mp_test_spin_frames (1);
}

/* The timeline follows the list's search and filter, and a task selected
 * in the list highlights the task's own row. */
static void
test_follows_filter (void)
{
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("acme-rollout.mplan");
  GtkWidget *window = gtk_window_new ();
  MpMilestonesView *list = MP_MILESTONES_VIEW (mp_milestones_view_new ());
  MpTimeline *tl = NULL;
  MpMilestoneFilter *filter;
  const MpTimelineView *v;
  GListModel *rows;
  guint n_all;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (list));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  mp_milestones_view_set_document (list, doc);
  gtk_window_present (GTK_WINDOW (window));
  mp_test_spin_frames (10);
  /* The page's own timeline. */
  tl = MP_TIMELINE (mp_test_find_widget (GTK_WIDGET (list), MP_TYPE_TIMELINE));
  g_assert_nonnull (tl);
  v = mp_timeline_get_view (tl);
  rows = G_LIST_MODEL (mp_milestones_view_get_selection (list));
  n_all = g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_milestones (mp_document_get_plan (doc))));

  /* A task row: its own row is highlighted, not its milestone's. */
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (!MP_IS_TASK (item))
        continue;
      gtk_single_selection_set_selected (mp_milestones_view_get_selection (list), i);
      mp_test_spin_frames (2);
      g_assert_cmpint (v->selected, >=, 0);
      g_assert_cmpint (v->selected_task, >=, 0);
      g_assert_cmpint (mp_timeline_layout_get_row (mp_timeline_get_layout (tl), i)->kind, ==, MP_TIMELINE_ROW_TASK);
      break;
    }
  /* A milestone row: no task. */
  gtk_single_selection_set_selected (mp_milestones_view_get_selection (list), 0);
  mp_test_spin_frames (2);
  g_assert_cmpint (v->selected, ==, 0);
  g_assert_cmpint (v->selected_task, ==, -1);

  /* The search leaves fewer milestones: the timeline lays out the same
   * ones, row for row. */
  filter = mp_milestones_view_get_filter (list);
  mp_milestone_filter_set_text (filter, "demo");
  mp_test_spin_frames (5);
  g_assert_cmpuint (mp_milestone_filter_get_n_shown (filter), <, n_all);
  g_assert_cmpuint (mp_milestone_filter_get_n_shown (filter), >=, 1);
  g_assert_cmpuint (mp_timeline_layout_get_n_milestones (mp_timeline_get_layout (tl)), ==,
                    mp_milestone_filter_get_n_shown (filter));
  g_assert_cmpuint (mp_timeline_layout_get_n_rows (mp_timeline_get_layout (tl)), ==, g_list_model_get_n_items (rows));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      gtk_single_selection_set_selected (mp_milestones_view_get_selection (list), i);
      mp_test_spin_frames (1);
      if (MP_IS_MILESTONE (item))
        g_assert_true (mp_timeline_get_selected (tl) == MP_MILESTONE (item));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  mp_test_spin_frames (1);
}

int
main (int   argc,
      char *argv[])
{
  /* Today inside the ACME plan: the today line and overdue marks show. */
  g_setenv ("MUTUALPLAN_TODAY", "2027-02-22", TRUE);
  /* GTK's test accessibility backend: it keeps the accessible
   * properties for gtk_test_accessible_assert_property() and needs no
   * session bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  g_test_add_func ("/timeline-widget/drag-move", test_drag_move);
  g_test_add_func ("/timeline-widget/drag-handles", test_drag_handles);
  g_test_add_func ("/timeline-widget/drag-escape", test_drag_escape);
  g_test_add_func ("/timeline-widget/drag-dependents", test_drag_dependents);
  g_test_add_func ("/timeline-widget/keyboard", test_keyboard);
  g_test_add_func ("/timeline-widget/zoom-scroll", test_zoom_scroll);
  g_test_add_func ("/timeline-widget/selection-sync", test_selection_sync);
  g_test_add_func ("/timeline-widget/clicks", test_clicks);
  g_test_add_func ("/timeline-widget/accessible", test_accessible);
  g_test_add_func ("/timeline-widget/palette", test_palette);
  g_test_add_func ("/timeline-widget/model-changes", test_model_changes);
  g_test_add_func ("/timeline-widget/with-milestones-view", test_with_milestones_view);
  g_test_add_func ("/timeline-widget/follows-filter", test_follows_filter);
  g_test_add_func ("/timeline-widget/large-plan", test_large_plan);
  g_test_add_func ("/timeline-widget/screenshots", test_screenshots);
  g_test_add_func ("/timeline-widget/screenshots-states", test_screenshots_states);
  return g_test_run ();
}
