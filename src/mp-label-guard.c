/* mp-label-guard.c: no label asks for more room than the display gives
 *
 * A plan's text comes from people we do not control. A title of 1,500
 * characters without a space made a word-wrapping label as wide as the
 * word; the window's minimum size grew past what X accepts and the app
 * died (BadAlloc in XResizeWindow), taking every other open plan with it.
 * The pages ellipsize and break long text themselves; this is the net
 * below them, for every GtkLabel of the app, wherever it is made: a
 * label's requests are capped (MP_LABEL_GUARD_MAX_*), and one that
 * needed more is clipped to its allocation instead of drawing over its
 * neighbours. GTK 4.8 has no hook for this, so GtkLabel's measure is
 * wrapped once, at start-up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-label-guard.h"

static void (*label_measure) (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline);

static void
guarded_measure (GtkWidget      *widget,
                 GtkOrientation  orientation,
                 int             for_size,
                 int            *minimum,
                 int            *natural,
                 int            *minimum_baseline,
                 int            *natural_baseline)
{
  int max_min = orientation == GTK_ORIENTATION_HORIZONTAL ? MP_LABEL_GUARD_MAX_MIN_WIDTH : MP_LABEL_GUARD_MAX_SIZE;

  label_measure (widget, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  if (*minimum <= max_min && *natural <= MP_LABEL_GUARD_MAX_SIZE)
    return;
  *minimum = MIN (*minimum, max_min);
  *natural = CLAMP (*natural, *minimum, MP_LABEL_GUARD_MAX_SIZE);
  if (*minimum_baseline > *minimum)
    *minimum_baseline = -1;
  if (*natural_baseline > *natural)
    *natural_baseline = -1;
  if (gtk_widget_get_overflow (widget) != GTK_OVERFLOW_HIDDEN)
    gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
}

void
mp_label_guard_init (void)
{
  GtkWidgetClass *klass;

  if (label_measure != NULL)
    return;
  klass = g_type_class_ref (GTK_TYPE_LABEL);
  label_measure = klass->measure;
  klass->measure = guarded_measure;
}
