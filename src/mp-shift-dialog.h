/* mp-shift-dialog.h: "Move what depends on … too?" after a timeline drag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MP_TYPE_SHIFT_DIALOG (mp_shift_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MpShiftDialog, mp_shift_dialog, MP, SHIFT_DIALOG, GtkDialog)

/* Its responses besides GTK_RESPONSE_CANCEL. */
typedef enum
{
  MP_SHIFT_RESPONSE_ONLY_THIS = 1,
  MP_SHIFT_RESPONSE_WITH_DEPENDENTS = 2,
} MpShiftResponse;

/* The modal question over @parent (may be NULL) about moving @title by
 * @days days; @changes lists what would move, a line each. Enter
 * answers "Move With Dependents". Not shown. */
GtkWidget *mp_shift_dialog_new (GtkWindow  *parent,
                                const char *title,
                                int         days,
                                const char *changes);

G_END_DECLS
