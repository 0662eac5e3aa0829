/* mp-milestone-detail.h: everything else about the selected milestone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"

G_BEGIN_DECLS

#define MP_TYPE_MILESTONE_DETAIL (mp_milestone_detail_get_type ())
G_DECLARE_FINAL_TYPE (MpMilestoneDetail, mp_milestone_detail, MP, MILESTONE_DETAIL, GtkWidget)

GtkWidget *mp_milestone_detail_new           (void);
void       mp_milestone_detail_set_document  (MpMilestoneDetail *self,
                                              MpDocument        *document);
void       mp_milestone_detail_set_milestone (MpMilestoneDetail *self,
                                              MpMilestone       *milestone);

G_END_DECLS
