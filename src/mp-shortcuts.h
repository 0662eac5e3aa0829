/* mp-shortcuts.h: every keyboard shortcut of the application, in one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  MP_SHORTCUT_GROUP_EDITING,
  MP_SHORTCUT_GROUP_WORKSPACE,
  MP_SHORTCUT_GROUP_PAGES,
  MP_SHORTCUT_GROUP_TIMELINE,
  MP_SHORTCUT_GROUP_PLANS,
  MP_N_SHORTCUT_GROUPS
} MpShortcutGroup;

typedef struct
{
  /* A detailed action name ("win.save", "win.page::overview",
   * "timeline.zoom-in"), or NULL for a key GTK handles itself (F10). */
  const char      *action;
  /* Accelerators in gtk_accelerator_parse() syntax, separated by spaces. */
  const char      *accels;
  MpShortcutGroup  group;
  /* Untranslated, context "shortcut window"; consecutive entries with the
   * same title share one row of the shortcuts window. */
  const char      *title;
  /* What that row shows instead of the accelerators ("<Alt>1...5"). */
  const char      *shown;
} MpShortcut;

const MpShortcut *mp_shortcuts_get            (guint          *n_shortcuts);
void              mp_shortcuts_set_app_accels (GtkApplication *app);
void              mp_shortcuts_add_bindings   (GtkWidgetClass *widget_class,
                                               const char     *prefix);
GtkWidget        *mp_shortcuts_window_new     (void);
char             *mp_shortcuts_window_ui      (void);

G_END_DECLS
