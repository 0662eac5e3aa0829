/* mp-baseline-save-dialog.h: "Save Baseline…"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"

G_BEGIN_DECLS

#define MP_TYPE_BASELINE_SAVE_DIALOG (mp_baseline_save_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MpBaselineSaveDialog, mp_baseline_save_dialog, MP, BASELINE_SAVE_DIALOG, GtkWindow)

/* Opens the modal "Save Baseline" dialog over @parent: a name (default
 * "Agreed on DATE", today) and Save, which appends
 * mp_baseline_new_from_plan () to the plan's baselines through @doc as
 * one undo step "Save Baseline", then closes. Returns the dialog
 * (transfer none). Its entry is named "name", its button "save". */
GtkWindow *mp_baseline_save_dialog_present (GtkWindow            *parent,
                                            MpDocument           *doc);
/* What Save does (nothing while the name is empty). */
void       mp_baseline_save_dialog_save    (MpBaselineSaveDialog *self);

G_END_DECLS
