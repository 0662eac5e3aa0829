/* mp-a11y.h: names a screen reader can say, where GTK 4.8 has none
 *
 * GTK 4.8 announces a widget that has no accessible label by its type
 * name: a GtkDropDown's button is "GtkToggleButton", a column view's
 * rows "GtkListItemWidget", its cells "GtkColumnViewCell", a scrolled
 * window's scroll bars "GtkScrollbar". The application cannot reach most
 * of these parts from its templates.
 *
 * mp_a11y_init() installs one hook on GtkWidget::map that names GTK's own
 * parts as they appear (scroll bars, column headers and cells, a drop-
 * down's button with its value, the arrows, popover contents), in every
 * window, dialog and popover. Where only the owner knows what a widget
 * means, it says so through the functions below: a drop-down's field
 * ("Status: Done"), a row's title ("Security review, row 3 of 13").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Installs the naming hook; once per process, after gtk_init(). */
void mp_a11y_init                  (void);

/* Names @drop_down and its button "@field: value" (the selected item's
 * string) and keeps the name current when the selection or the model
 * changes. @field is translated by the caller. */
void mp_a11y_drop_down_set_field   (GtkDropDown *drop_down,
                                    const char  *field);

/* Names the row that shows @item "@title, row N of M" (N from the item's
 * position, M the rows in its list). Call from a factory's bind (and
 * when the title changes); rows that were never named read "Row N of M". */
void mp_a11y_list_item_set_title   (GtkListItem *item,
                                    const char  *title);

/* Sets @widget's accessible label; NULL or "" leaves it alone. */
void mp_a11y_set_label             (GtkWidget   *widget,
                                    const char  *label);

G_END_DECLS
