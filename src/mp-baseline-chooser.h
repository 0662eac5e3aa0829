/* mp-baseline-chooser.h: a drop-down of the plan's baselines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"
#include "mp-model.h"

G_BEGIN_DECLS

#define MP_TYPE_BASELINE_CHOOSER (mp_baseline_chooser_get_type ())
G_DECLARE_FINAL_TYPE (MpBaselineChooser, mp_baseline_chooser, MP, BASELINE_CHOOSER, GtkWidget)

/* Lists the baselines of the document's plan ("Agreed at kickoff
 * (11 Jan 2027)") in file order and follows additions and removals
 * (saving a baseline, undo). Setting a document selects the latest
 * baseline (mp_plan_get_latest_baseline ()).
 *
 * Properties: "document" (MpDocument), "baseline" (MpBaseline or NULL:
 * none; notify fires on every change, the user's or the list's),
 * "allow-none" (gboolean, default FALSE: a first entry "No baseline" for
 * callers that can show nothing, such as the timeline's ghost bars).
 * Without baselines the chooser shows "No baseline" and is insensitive. */
GtkWidget  *mp_baseline_chooser_new                  (void);
MpDocument *mp_baseline_chooser_get_document         (MpBaselineChooser *self);
void        mp_baseline_chooser_set_document         (MpBaselineChooser *self,
                                                      MpDocument        *doc);
MpBaseline *mp_baseline_chooser_get_baseline         (MpBaselineChooser *self);
/* @baseline must be one of the plan's, or NULL for none (when allowed). */
void        mp_baseline_chooser_set_baseline         (MpBaselineChooser *self,
                                                      MpBaseline        *baseline);
gboolean    mp_baseline_chooser_get_allow_none       (MpBaselineChooser *self);
void        mp_baseline_chooser_set_allow_none       (MpBaselineChooser *self,
                                                      gboolean           allow_none);
void        mp_baseline_chooser_set_accessible_label (MpBaselineChooser *self,
                                                      const char        *label);

/* "Agreed at kickoff (11 Jan 2027)": a baseline's name and the day it
 * was taken, as the chooser and the comparison show it. */
char       *mp_baseline_describe                     (MpBaseline        *baseline);

G_END_DECLS
