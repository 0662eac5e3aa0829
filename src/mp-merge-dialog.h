/* mp-merge-dialog.h: File → Merge Changes from a Copy…
 *
 * Shows what another copy of the plan changed (MpMerge against the
 * version remembered when the plan was shared, or without one a plain
 * comparison), grouped by milestone, person and goal: each change with a
 * check box, each conflict side by side with a choice. Merging is one
 * undo step; afterwards the window says what was merged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"
#include "mp-merge.h"

G_BEGIN_DECLS

#define MP_TYPE_MERGE_DIALOG (mp_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MpMergeDialog, mp_merge_dialog, MP, MERGE_DIALOG, GtkWindow)

/* Asks for the copy, then shows what it changed. */
void           mp_merge_dialog_present (GtkWindow   *parent,
                                        MpDocument  *doc);
/* Reads @copy and the remembered shared versions in a worker, then shows
 * the dialog over @parent (or says why the copy does not open). */
void           mp_merge_dialog_open_copy (GtkWindow  *parent,
                                          MpDocument *doc,
                                          GFile      *copy);
/* The dialog for @copy (named @copy_name in messages), compared with
 * @base (NULL: no shared version known). */
MpMergeDialog *mp_merge_dialog_new     (GtkWindow   *parent,
                                        MpDocument  *doc,
                                        MpPlan      *base,
                                        const char  *base_when,
                                        MpPlan      *copy,
                                        const char  *copy_name);
MpMerge       *mp_merge_dialog_get_merge (MpMergeDialog *self);
/* What the last merge did, in words (for tests and the window). */
const char    *mp_merge_dialog_get_result (MpMergeDialog *self);

/* File → Save a Copy for the Customer… and File → Send Plan…: the plan
 * leaves the app, and that version is remembered for later merges. */
void           mp_merge_dialog_save_copy      (GtkWindow   *parent,
                                        MpDocument  *doc);
void           mp_merge_dialog_send_plan      (GtkWindow   *parent,
                                        MpDocument  *doc);
/* Remembers @plan as the version that left the app (mp_merge_remember_shared);
 * a failure is reported as a warning, never lost. For every way out:
 * a copy, sending, invitations, the web page. */
void           mp_merge_dialog_remember_shared (MpPlan      *plan);

G_END_DECLS
