/* mp-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-application.h"
#include "mp-plan.h"

G_BEGIN_DECLS

#define MP_TYPE_WINDOW (mp_window_get_type ())
G_DECLARE_FINAL_TYPE (MpWindow, mp_window, MP, WINDOW, GtkApplicationWindow)

MpWindow *mp_window_new         (MpApplication *app);
/* Loads in a worker thread; a failure shows the error in a dialog. */
void      mp_window_load_file   (MpWindow      *self,
                                 GFile         *file);
/* The built-in sample plan (a GResource). */
void      mp_window_load_sample (MpWindow      *self);
MpPlan   *mp_window_get_plan    (MpWindow      *self);
GFile    *mp_window_get_file    (MpWindow      *self);

G_END_DECLS
