/* mp-overview.h: the plan at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"

G_BEGIN_DECLS

#define MP_TYPE_OVERVIEW (mp_overview_get_type ())
G_DECLARE_FINAL_TYPE (MpOverview, mp_overview, MP, OVERVIEW, GtkWidget)

/* Signals: ::reveal (MpRecord *record) when the user clicks a problem, a
 * next step or an overdue milestone: the window shows it on its page. */
GtkWidget  *mp_overview_new          (void);
MpDocument *mp_overview_get_document (MpOverview *self);
void        mp_overview_set_document (MpOverview *self,
                                      MpDocument *document);

G_END_DECLS
