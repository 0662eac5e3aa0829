/* mp-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"

G_BEGIN_DECLS

typedef struct _MpWindow MpWindow;

#define MP_TYPE_APPLICATION (mp_application_get_type ())
G_DECLARE_FINAL_TYPE (MpApplication, mp_application, MP, APPLICATION, GtkApplication)

MpApplication *mp_application_new         (void);
/* A window's close was cancelled: stop quitting. */
void           mp_application_cancel_quit (MpApplication *self);
/* The window for recovered work @doc: the one that shows or loads its
 * file, else @first when it holds nothing to lose, else a new one; NULL
 * (and a message) when the file is open with unsaved changes. */
MpWindow      *mp_application_window_for_recovery (MpApplication *self,
                                                   MpWindow      *first,
                                                   MpDocument    *doc);

G_END_DECLS
