/* mp-dialog-util.h: what the modal dialogs of the application share
 *
 * The dialogs (export, invitations, status report, baselines, templates)
 * are plain GtkWindows, as GTK 4.8 without libadwaita wants them: modal,
 * transient for their window, destroyed with it, a header bar with
 * Cancel or Close at the start and the default action at the end,
 * Escape closes, Enter activates the default button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-model.h"

G_BEGIN_DECLS

/* For a dialog built from a .ui template (title, modality, default size,
 * header bar and content are the template's): sets the template from
 * @resource and binds Escape to close the window. */
void        mp_dialog_class_set_template (GtkWidgetClass *widget_class,
                                          const char     *resource);
/* Makes @window, a dialog from a template, a dialog of @parent (may be
 * NULL): transient, of the same application, with the app's style sheet. */
void        mp_dialog_set_parent         (GtkWindow   *window,
                                          GtkWindow   *parent);

/* Makes @window a dialog of @parent (may be NULL): modal, transient,
 * destroyed with the parent, @title, a default size, Escape closes. */
void        mp_dialog_init_window        (GtkWindow   *window,
                                          GtkWindow   *parent,
                                          const char  *title,
                                          int          width,
                                          int          height);

/* A header bar for @window with a button @close_label (mnemonic,
 * "_Cancel" or "_Close") at the start that closes the window and, when
 * @action is not NULL, @action at the end as the suggested, default
 * button. Returns the close button. */
GtkWidget  *mp_dialog_add_header         (GtkWindow   *window,
                                          const char  *close_label,
                                          GtkWidget   *action);

/* Sets @content as the child of @window, at least @min_width wide. The
 * window's minimum height is measured at its minimum width: without a
 * floor, wrapping labels (which may break anywhere) would be measured
 * one character wide and make the window taller than the screen. */
void        mp_dialog_set_content        (GtkWindow   *window,
                                          GtkWidget   *content,
                                          int          min_width);

/* The name screen readers say for @widget. */
void        mp_dialog_set_accessible_label (GtkWidget *widget,
                                            const char *label);

/* A bold label that starts a part of a dialog ("Preview"). */
GtkWidget  *mp_dialog_heading            (const char  *text);

/* A dim label that wraps: explanations under a control. */
GtkWidget  *mp_dialog_hint               (const char  *text);

/* A start-aligned label that wraps (by word, inside long words too) and
 * takes the width it is given: a line of a result list. */
GtkWidget  *mp_dialog_wrap_label         (const char  *text);

/* A row of widgets, @spacing apart, NULL-terminated. A GtkGrid, not a
 * horizontal GtkBox: GTK 4.8's box reports inconsistent heights when a
 * wrapping label sits next to another widget (a critical warning, and
 * overlapping rows). */
GtkWidget  *mp_dialog_row                (int          spacing,
                                          GtkWidget   *first,
                                          ...) G_GNUC_NULL_TERMINATED;

/* A modal message box over @parent with one Close button. */
GtkWidget  *mp_dialog_show_message       (GtkWindow      *parent,
                                          GtkMessageType  type,
                                          const char     *primary,
                                          const char     *secondary);

/* A file name from a plan title: characters that are not allowed or
 * awkward in file names (/ \ : * ? " < > | and control characters)
 * become "-", runs of spaces shrink, at most 80 characters;
 * @fallback when nothing is left. @extension includes the dot. */
char       *mp_dialog_file_name_for      (const char  *title,
                                          const char  *fallback,
                                          const char  *extension);

/* The portal's identifier of @window ("x11:1a00004"), or NULL when it
 * cannot be told (then the portal centres its dialog on the screen). */
char       *mp_dialog_get_window_handle  (GtkWindow   *window);

typedef void (*MpDialogFileFunc) (GtkWindow *dialog,
                                  GFile     *file,
                                  gpointer   user_data);

/* Asks for a file to write with GtkFileChooserNative over @dialog,
 * proposing @current_name in @folder (may be NULL), and calls @func with
 * the file when the user accepts, unless @dialog was destroyed since. */
void        mp_dialog_choose_file        (GtkWindow           *dialog,
                                          GtkFileChooserAction action,
                                          const char          *title,
                                          const char          *accept_label,
                                          const char          *current_name,
                                          GFile               *folder,
                                          MpDialogFileFunc     func,
                                          gpointer             user_data);

/* Writes @bytes to @file atomically (mp_write_file_atomic) in a worker
 * thread: nothing half-written is ever left. */
void        mp_dialog_write_file_async   (GFile               *file,
                                          GBytes              *bytes,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    mp_dialog_write_file_finish  (GAsyncResult        *result,
                                          GError             **error);

/* When an event takes place, as people read it: "Fri, 22 Jan 2027 · all
 * day", "Wed, 3 Feb 2027 · 14:00–15:30", "From Wed, 13 Jan 2027 ·
 * 09:30–10:00, every week until 28 Apr 2027". @event is an MpMilestone
 * or an MpMeeting. */
char       *mp_dialog_describe_when      (MpRecord    *event);

/* The people an event concerns, as in the calendar files: a milestone's
 * `invite`, else its two owners; a meeting's attendees. Participant ids,
 * transfer container. */
GPtrArray  *mp_dialog_event_invitees     (MpRecord    *event);

/* "Raj Patel, Lena Ortiz (no e-mail)": the names of @ids, each without a
 * valid e-mail address marked. "" for none. */
char       *mp_dialog_describe_people    (MpPlan      *plan,
                                          GPtrArray   *ids);

G_END_DECLS
