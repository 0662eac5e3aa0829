/* mp-date-button.h: a button that shows a date and picks one from a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-date.h"

G_BEGIN_DECLS

#define MP_TYPE_DATE_BUTTON (mp_date_button_get_type ())
G_DECLARE_FINAL_TYPE (MpDateButton, mp_date_button, MP, DATE_BUTTON, GtkWidget)

/* Properties: "date" (guint MpDate, 0 = none), "allow-none" (gboolean,
 * default TRUE: the popover offers a "No date" button), "placeholder"
 * (the text shown for no date, default "No date").
 *
 * Signals: ::date-chosen (guint date) is emitted only when the user picks
 * a day or clears the date, after "date" changed; connect editing code
 * (mp_document_set_date) to it. notify::date also fires when code calls
 * mp_date_button_set_date (for example while binding a recycled row), so
 * do not commit from notify. */
GtkWidget *mp_date_button_new                  (void);
MpDate     mp_date_button_get_date             (MpDateButton *self);
/* Shows @date; does not emit ::date-chosen. */
void       mp_date_button_set_date             (MpDateButton *self,
                                                MpDate        date);
gboolean   mp_date_button_get_allow_none       (MpDateButton *self);
void       mp_date_button_set_allow_none       (MpDateButton *self,
                                                gboolean      allow_none);
const char *mp_date_button_get_placeholder     (MpDateButton *self);
void       mp_date_button_set_placeholder      (MpDateButton *self,
                                                const char   *placeholder);
void       mp_date_button_set_show_arrow       (MpDateButton *self,
                                                gboolean      show_arrow);
/* The accessible name of the button ("Due date"); screen readers hear
 * it followed by the date shown. */
void       mp_date_button_set_accessible_label (MpDateButton *self,
                                                const char   *label);
/* Acts as if the user chose @date (0 clears it when allowed): sets it and
 * emits ::date-chosen. For keyboard-free tests and for callers that take
 * a date from elsewhere. */
void       mp_date_button_choose               (MpDateButton *self,
                                                MpDate        date);
/* Opens the popover with its calendar. */
void       mp_date_button_popup                (MpDateButton *self);

G_END_DECLS
