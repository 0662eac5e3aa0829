/* mp-tooltip.h: tooltips that cost nothing until shown
 *
 * In GTK 4.8 every gtk_widget_set_tooltip_text() asks the display where
 * the pointer is (a round trip to the X server, about a millisecond
 * under Xvfb), even when the text is the same as before. A list binds
 * hundreds of cells per scroll or filter change, so a tooltip per cell
 * cost more than everything else the cell does. mp_tooltip_set_text()
 * only keeps the text; GTK asks for it through ::query-tooltip when the
 * pointer rests on the widget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Sets @widget's tooltip to @text (NULL or "" for none), shown the same
 * as gtk_widget_set_tooltip_text() would. Do not mix the two on one
 * widget. */
void        mp_tooltip_set_text (GtkWidget  *widget,
                                 const char *text);

/* The text set with mp_tooltip_set_text(), or the widget's own tooltip
 * text; NULL for none. */
const char *mp_tooltip_get_text (GtkWidget  *widget);

G_END_DECLS
