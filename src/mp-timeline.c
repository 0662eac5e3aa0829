/* mp-timeline.c: the Gantt timeline widget
 *
 * One widget, four children: a toolbar on top, the chart under it (drawn
 * in snapshot by mp_timeline_render, through gtk_snapshot_append_cairo,
 * only the visible area), a vertical and a horizontal GtkScrollbar, and
 * optionally the legend at the bottom. The MpTimelineView is the truth
 * for scale and scroll; the scrollbars' adjustments are derived from it
 * (update_adjustments) and write back to it when the user moves them.
 *
 * Keys are the widget's actions, bound from the one shortcut table
 * (mp-shortcuts.c): the arrows and Page keys act only while the chart
 * itself has the focus, Escape only during a drag, T scrolls to today.
 *
 * Split by job: this file is the chart widget (drawing, size, zoom,
 * keys, properties); mp-timeline-follow.c follows the plan and the
 * milestones list (layout, selection, scrolling, accessibility);
 * mp-timeline-drag.c edits dates (drags, nudges, the shift dialog).
 * The instance struct they share is in mp-timeline-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mp-format.h"
#include "mp-model.h"
#include "mp-schedule.h"
#include "mp-shortcuts.h"
#include "mp-style.h"
#include "mp-timeline.h"
#include "mp-timeline-private.h"

#define LEGEND_PADDING 6.0

G_DEFINE_FINAL_TYPE (MpTimeline, mp_timeline, GTK_TYPE_WIDGET)


/* ---- helpers ---- */

MpDate
mp_timeline_max_date (void)
{
  return mp_date_from_ymd (9999, 12, 31);
}

MpDate
mp_timeline_clamp_date (gint64 d)
{
  return (MpDate) CLAMP (d, 1, (gint64) mp_timeline_max_date ());
}

double
mp_timeline_header_height (MpTimeline *self)
{
  return mp_timeline_view_get_header_height (&self->view);
}

double
mp_timeline_body_height (MpTimeline *self)
{
  return MAX (0.0, self->view.height - mp_timeline_header_height (self));
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

/* ---- drawing ---- */

void
mp_timeline_rounded_rect (cairo_t *cr,
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

void
mp_timeline_set_color (cairo_t               *cr,
           const MpTimelineColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
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
  double top = mp_timeline_header_height (self), x, y;
  int tw, th;

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), self->view.resolution);
  if (self->font)
    pango_layout_set_font_description (layout, self->font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &tw, &th);
  x = MAX (4.0, (self->view.width - tw) / 2);
  y = top + MAX (4.0, (self->view.height - top - th) / 2);
  /* On the background colour: the today line may run behind it. */
  mp_timeline_rounded_rect (cr, x - 8, y - 4, tw + 16, th + 8, 4);
  mp_timeline_set_color (cr, &pal->background);
  cairo_fill (cr);
  mp_timeline_set_color (cr, &pal->text_dim);
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

  mp_timeline_do_sync (self, FALSE);
  self->view.focused = gtk_widget_has_visible_focus (widget) && gtk_widget_is_focus (widget);

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
            mp_timeline_draw_drag_label (self, cr);
        }
      else
        {
          mp_timeline_set_color (cr, &pal->background);
          cairo_paint (cr);
        }
      /* The focus: a frame around the chart. */
      if (gtk_widget_has_visible_focus (widget) && gtk_widget_is_focus (widget))
        {
          mp_timeline_set_color (cr, &pal->hover);
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
      mp_timeline_set_color (cr, &pal->background);
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
      double header = mp_timeline_header_height (self);
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
      mp_timeline_do_sync (self, FALSE);
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
  mp_timeline_do_sync (self, FALSE);
  if (refit)
    mp_timeline_zoom_to_fit (self->layout, &self->view);
  mp_timeline_update_adjustments (self);
  if (self->scroll_to_selection_pending)
    mp_timeline_scroll_to_selection (self);

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
      mp_timeline_update_adjustments (self);
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
  mp_timeline_do_sync (self, TRUE);
  if (self->view.width <= 0)
    {
      self->fit_pending = TRUE;
      return;
    }
  mp_timeline_zoom_to_fit (self->layout, &self->view);
  self->auto_fit = TRUE;
  mp_timeline_update_adjustments (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Today at a third of the chart's width. */
void
mp_timeline_scroll_to_today (MpTimeline *self)
{
  double chart_w = self->view.width - MAX (0.0, self->view.label_width);

  g_return_if_fail (MP_IS_TIMELINE (self));
  if (self->view.today == MP_DATE_NONE || self->view.scale.px_per_day <= 0)
    return;
  mp_timeline_scroll_x_to_day (self, self->view.today - MAX (0.0, chart_w) / 3.0 / self->view.scale.px_per_day);
}

void
mp_timeline_scroll_to_end (MpTimeline *self,
               gboolean    end)
{
  MpDate first, last;
  double chart_w = self->view.width - MAX (0.0, self->view.label_width);
  double px = self->view.scale.px_per_day;

  if (self->layout == NULL || chart_w <= 0)
    return;
  mp_timeline_do_sync (self, TRUE);
  if (!mp_timeline_layout_get_date_range (self->layout, &first, &last))
    mp_timeline_get_content_range (self->layout, &self->view, &first, &last);
  /* A little room before the start, and after the end for its title. */
  if (end)
    mp_timeline_scroll_x_to_day (self, (double) last + 1 - (chart_w - MIN (120.0, chart_w / 4)) / px);
  else
    mp_timeline_scroll_x_to_day (self, (double) first - MIN (24.0, chart_w / 8) / px);
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

/* Keys go through the actions and the bindings of the one shortcut
 * table (mp-shortcuts.c); this finds the binding a key press would
 * trigger, for the tests. */
gboolean
mp_timeline_handle_key (MpTimeline      *self,
                        guint            keyval,
                        GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = NULL;
  guint n;

  g_return_val_if_fail (MP_IS_TIMELINE (self), FALSE);

  state &= gtk_accelerator_get_default_mod_mask ();
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (self));
  n = g_list_model_get_n_items (controllers);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      guint n_shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      n_shortcuts = g_list_model_get_n_items (G_LIST_MODEL (controller));
      for (guint k = 0; k < n_shortcuts; k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == gdk_keyval_to_lower (keyval) &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == state &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                            GTK_WIDGET (self), gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

/* ---- actions ---- */

/* The arrows and Page keys act on the chart only while it has the focus
 * itself (not a toolbar button); Escape only during a drag. A disabled
 * action leaves the key to others. */
void
mp_timeline_update_key_actions (MpTimeline *self)
{
  static const char *chart_actions[] = {
    "timeline.select-previous", "timeline.select-next", "timeline.scroll-earlier", "timeline.scroll-later",
    "timeline.page-up", "timeline.page-down", "timeline.move-earlier", "timeline.move-later",
    "timeline.due-earlier", "timeline.due-later",
  };
  gboolean focus = gtk_widget_is_focus (GTK_WIDGET (self)) && self->layout != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (chart_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), chart_actions[i], focus);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.cancel-drag", self->drag_mode >= DRAG_MOVE);
  /* The focus rings (the chart's frame, the selected bar's) follow. */
  if (focus != self->view.focused)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

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
  mp_timeline_do_sync (self, TRUE);
  n = (int) mp_timeline_layout_get_n_rows (self->layout);
  if (n == 0)
    return;
  if (g_str_equal (action_name, "timeline.select-previous"))
    row = self->sel_row < 0 ? n - 1 : MAX (0, self->sel_row - 1);
  else
    row = self->sel_row < 0 ? 0 : MIN (n - 1, self->sel_row + 1);
  mp_timeline_select_row (self, row);
}

static void
action_move (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MpTimeline *self = MP_TIMELINE (widget);

  mp_timeline_do_sync (self, TRUE);
  if (g_str_equal (action_name, "timeline.move-earlier"))
    mp_timeline_nudge_selected (self, -1, FALSE);
  else if (g_str_equal (action_name, "timeline.move-later"))
    mp_timeline_nudge_selected (self, 1, FALSE);
  else if (g_str_equal (action_name, "timeline.due-earlier"))
    mp_timeline_nudge_selected (self, -1, TRUE);
  else
    mp_timeline_nudge_selected (self, 1, TRUE);
}

static void
action_scroll (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MpTimeline *self = MP_TIMELINE (widget);

  if (g_str_equal (action_name, "timeline.scroll-start") || g_str_equal (action_name, "timeline.scroll-end"))
    mp_timeline_scroll_to_end (self, g_str_equal (action_name, "timeline.scroll-end"));
  else if (g_str_equal (action_name, "timeline.scroll-today"))
    mp_timeline_scroll_to_today (self);
  else if (g_str_equal (action_name, "timeline.scroll-earlier") || g_str_equal (action_name, "timeline.scroll-later"))
    gtk_adjustment_set_value (self->hadj, gtk_adjustment_get_value (self->hadj) +
                              (g_str_equal (action_name, "timeline.scroll-earlier") ? -1 : 1) *
                              MAX (20.0, self->view.width / 10));
  else
    gtk_adjustment_set_value (self->vadj, gtk_adjustment_get_value (self->vadj) +
                              (g_str_equal (action_name, "timeline.page-up") ? -1 : 1) *
                              gtk_adjustment_get_page_increment (self->vadj));
}

static void
action_cancel_drag (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  MpTimeline *self = MP_TIMELINE (widget);

  if (self->drag_mode >= DRAG_MOVE)
    mp_timeline_cancel_drag (self);
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

MpDocument *
mp_timeline_get_document (MpTimeline *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), NULL);
  return self->document;
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

MpTimelineLayout *
mp_timeline_get_layout (MpTimeline *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), NULL);
  mp_timeline_do_sync (self, TRUE);
  return self->layout;
}

const MpTimelineView *
mp_timeline_get_view (MpTimeline *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE (self), NULL);
  mp_timeline_do_sync (self, TRUE);
  return &self->view;
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
  /* The chart's keys follow the window's focus (also while the window
   * is not the active one, where has-focus stays FALSE). */
  g_signal_connect_swapped (gtk_widget_get_root (widget), "notify::focus-widget",
                            G_CALLBACK (mp_timeline_update_key_actions), self);
  update_style (self);
  mp_timeline_update_key_actions (self);
}

static void
mp_timeline_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_data (gtk_widget_get_settings (widget), widget);
  g_signal_handlers_disconnect_by_data (gtk_widget_get_root (widget), widget);
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
  mp_timeline_disconnect_document (self);
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
  gtk_widget_class_install_action (widget_class, "timeline.scroll-today", NULL, action_scroll);
  gtk_widget_class_install_action (widget_class, "timeline.scroll-earlier", NULL, action_scroll);
  gtk_widget_class_install_action (widget_class, "timeline.scroll-later", NULL, action_scroll);
  gtk_widget_class_install_action (widget_class, "timeline.page-up", NULL, action_scroll);
  gtk_widget_class_install_action (widget_class, "timeline.page-down", NULL, action_scroll);
  gtk_widget_class_install_action (widget_class, "timeline.cancel-drag", NULL, action_cancel_drag);
  mp_shortcuts_add_bindings (widget_class, "timeline.");

  gtk_widget_class_set_css_name (widget_class, "mptimeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/MutualPlan/mp-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, MpTimeline, toolbar);
  gtk_widget_class_bind_template_child (widget_class, MpTimeline, zoom_out_button);
  gtk_widget_class_bind_template_child (widget_class, MpTimeline, zoom_in_button);
  gtk_widget_class_bind_template_child (widget_class, MpTimeline, zoom_fit_button);
  gtk_widget_class_bind_template_child (widget_class, MpTimeline, legend_button);
  gtk_widget_class_bind_template_child (widget_class, MpTimeline, vscrollbar);
  gtk_widget_class_bind_template_child (widget_class, MpTimeline, hscrollbar);
  gtk_widget_class_bind_template_child (widget_class, MpTimeline, popover);
  gtk_widget_class_bind_template_child (widget_class, MpTimeline, popover_label);
  gtk_widget_class_bind_template_callback (widget_class, on_legend_toggled);
}

/* Without the icon (a minimal system, isolated tests) a short text. */
static void
icon_or_text (GtkWidget  *button,
              const char *fallback)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (button));

  if (gtk_icon_theme_has_icon (theme, gtk_button_get_icon_name (GTK_BUTTON (button))))
    return;
  gtk_button_set_label (GTK_BUTTON (button), fallback);
  /* The label replaced the name the template gave: it is the tooltip's. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_widget_get_tooltip_text (button), -1);
}

static void
mp_timeline_init (MpTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;

  mp_timeline_view_init (&self->view, 0, 0);
  self->view.health_per_bar = TRUE;
  self->sel_row = -1;
  self->drag_milestone = -1;
  self->pointer_x = self->pointer_y = -1;
  self->palette_kind = MP_TIMELINE_PALETTE_LIGHT;
  self->view.palette = mp_timeline_palette_get (MP_TIMELINE_PALETTE_LIGHT);

  gtk_widget_init_template (widget);
  icon_or_text (self->zoom_out_button, "−");
  icon_or_text (self->zoom_in_button, "+");
  icon_or_text (self->zoom_fit_button, C_("zoom", "Fit"));

  /* The scrollbars' adjustments: derived from the view. */
  self->hadj = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  self->vadj = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  g_signal_connect (self->hadj, "value-changed", G_CALLBACK (mp_timeline_on_hadj_changed), self);
  g_signal_connect (self->vadj, "value-changed", G_CALLBACK (mp_timeline_on_vadj_changed), self);
  gtk_scrollbar_set_adjustment (GTK_SCROLLBAR (self->vscrollbar), self->vadj);
  gtk_scrollbar_set_adjustment (GTK_SCROLLBAR (self->hscrollbar), self->hadj);

  /* Input */
  mp_timeline_drag_setup (self);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, controller);

  mp_timeline_update_key_actions (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);
  mp_timeline_update_accessible (self);
}
