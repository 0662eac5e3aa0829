/* mp-list-section.h: a titled, editable list of plan records with
 * "Add …" and "Remove" buttons (used by the Goals and Calendar pages)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-cells.h"

G_BEGIN_DECLS

#define MP_TYPE_LIST_SECTION (mp_list_section_get_type ())
G_DECLARE_FINAL_TYPE (MpListSection, mp_list_section, MP, LIST_SECTION, GtkWidget)

/* Makes the record that "Add" inserts (a new reference), or NULL. */
typedef MpRecord *(*MpListSectionNewFunc) (gpointer user_data);

/* @heading_class: "title-2" for a page, "title-4" for a part of one.
 * @add_label: the Add button's mnemonic label ("_Add Goal"); its
 * accessible name is the same without the underscore. */
GtkWidget  *mp_list_section_new            (const char           *title,
                                            const char           *heading_class,
                                            const char           *add_label,
                                            const char           *empty_text,
                                            const char           *list_label);
MpCellHost *mp_list_section_get_host       (MpListSection        *self);
GtkColumnView *mp_list_section_get_column_view (MpListSection    *self);
/* Takes @column. */
void        mp_list_section_append_column  (MpListSection        *self,
                                            GtkColumnViewColumn  *column);
void        mp_list_section_set_new_func   (MpListSection        *self,
                                            MpListSectionNewFunc  func,
                                            gpointer              user_data);
/* The list shown and the document that edits it (both may be NULL). */
void        mp_list_section_set_store      (MpListSection        *self,
                                            MpDocument           *document,
                                            GListStore           *store);
/* Inserts a new record after the selected row, selects it and puts the
 * focus in its first text cell. Returns the record (owned by the plan). */
MpRecord   *mp_list_section_add            (MpListSection        *self);
void        mp_list_section_remove_selected (MpListSection       *self);
gboolean    mp_list_section_select         (MpListSection        *self,
                                            MpRecord             *record);
GtkWidget  *mp_list_section_get_header     (MpListSection        *self);

G_END_DECLS
