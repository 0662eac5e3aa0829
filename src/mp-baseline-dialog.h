/* mp-baseline-dialog.h: "Save Baseline…" and "Compare with Baseline…"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"
#include "mp-baseline-save-dialog.h"
#include "mp-model.h"

G_BEGIN_DECLS

#define MP_TYPE_BASELINE_DIALOG (mp_baseline_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MpBaselineDialog, mp_baseline_dialog, MP, BASELINE_DIALOG, GtkWindow)

/* Opens the modal comparison over @parent: a baseline chooser (the
 * latest preselected) and what changed since: milestones moved (by how
 * many days, earlier or later), added, dropped, removed. Without
 * baselines it explains and offers "Save Baseline…". Returns the dialog
 * (transfer none). */
MpBaselineDialog *mp_baseline_compare_dialog_present (GtkWindow        *parent,
                                                      MpDocument       *doc);

/* The baseline compared with, NULL when the plan has none. */
MpBaseline       *mp_baseline_dialog_get_baseline     (MpBaselineDialog *self);
void              mp_baseline_dialog_set_baseline     (MpBaselineDialog *self,
                                                       MpBaseline       *baseline);
/* The comparison shown: MpDateChange rows (mp_baseline_compare ()). */
GListModel       *mp_baseline_dialog_get_changes      (MpBaselineDialog *self);

G_END_DECLS
