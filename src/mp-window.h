/* mp-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-application.h"
#include "mp-document.h"

G_BEGIN_DECLS

#define MP_TYPE_WINDOW (mp_window_get_type ())
G_DECLARE_FINAL_TYPE (MpWindow, mp_window, MP, WINDOW, GtkApplicationWindow)

MpWindow   *mp_window_new          (MpApplication *app);
/* Loads in a worker thread; a failure shows the error in a dialog and
 * leaves the window as it was. */
void        mp_window_load_file    (MpWindow      *self,
                                    GFile         *file);
/* The built-in sample plan (a GResource), as an unsaved plan. */
void        mp_window_load_sample  (MpWindow      *self);
/* Shows @document (a new plan, a recovered one…). */
void        mp_window_set_document (MpWindow      *self,
                                    MpDocument    *document);
MpDocument *mp_window_get_document (MpWindow      *self);
MpPlan     *mp_window_get_plan     (MpWindow      *self);
GFile      *mp_window_get_file     (MpWindow      *self);
/* TRUE when the window shows nothing the user could lose: no plan, or
 * an unmodified plan that has no file (the sample). Opening a file
 * reuses such a window. */
gboolean    mp_window_is_disposable (MpWindow     *self);
/* Shows @document (a plan made by an import…) in this window when it shows
 * nothing that could be lost, else in a new one, on the Milestones page. */
void        mp_window_open_document (MpWindow     *self,
                                     MpDocument   *document);
/* Opens @file from this window: in it when it shows nothing that could be
 * lost, else in a new window; when it is not a plan, this window says so. */
void        mp_window_open_file    (MpWindow      *self,
                                    GFile         *file);
/* TRUE when the window shows @file or is loading it. */
gboolean    mp_window_shows_file   (MpWindow      *self,
                                    GFile         *file);
/* Shows a page: "overview", "milestones", "goals", "people", "calendar". */
void        mp_window_show_page    (MpWindow      *self,
                                    const char    *name);
/* Selects what a problem concerns, on its page. */
void        mp_window_reveal       (MpWindow      *self,
                                    MpRecord      *record);
/* The built-in sample plan in the language of the translation in use
 * (English without one), as a resource path. */
char       *mp_window_get_sample_resource (void);
/* Narrower than the template's breakpoint (also the property "narrow"). */
gboolean    mp_window_get_narrow   (MpWindow      *self);
/* The shortcuts window, once shown (for tests). */
GtkWindow  *mp_window_get_shortcuts_window (MpWindow  *self);

G_END_DECLS
