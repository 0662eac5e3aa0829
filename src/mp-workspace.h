/* mp-workspace.h: how the Milestones page arranges its list, timeline
 * and details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Arranges @page, a composite widget whose template has the children
 * "paned" (horizontal: the work area and "detail"), "split" (vertical:
 * "list_box" over "timeline"), "view" (the list) and "toolbar":
 *
 * - a view toggle in the toolbar (the action workspace.view: "list",
 *   "timeline" or "both"), remembered with the split's position in
 *   GSettings when the schema is installed;
 * - narrow (the window's "narrow" property, below its breakpoint): the
 *   toolbar's labels give way to their icons (tooltips say the rest), and
 *   shown details take the timeline's place instead of squeezing the list;
 *   so they do too in a wide window whose page cannot hold the list's and
 *   the details' least widths side by side (mp_workspace_allocated());
 * - the parts F6 walks are marked with the style class "mp-pane". */
void        mp_workspace_setup    (GtkWidget  *page);
/* Called by @page's size_allocate: the arrangement follows its width. */
void        mp_workspace_allocated (GtkWidget *page,
                                    int        width);
/* "list", "timeline" or "both". */
const char *mp_workspace_get_view (GtkWidget  *page);

G_END_DECLS
