/* mp-cells.h: editable columns for lists of plan records
 *
 * Each function makes a GtkColumnViewColumn whose cells edit one field
 * of the row's record (an MpRecord) through the host's MpDocument, so
 * every edit is undoable. Rows are recycled: the cell widget is made
 * and connected in "setup", finds its record through its GtkListItem
 * when the user changes something, and follows the record's notify
 * while bound. Text commits on Enter or when the focus leaves the cell;
 * Escape puts the model's text back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"
#include "mp-model.h"

G_BEGIN_DECLS

/* Where the cells of a view find the document; a view embeds it and
 * keeps it current (document may be NULL). */
typedef struct {
  MpDocument         *document;
  GtkSingleSelection *selection;
} MpCellHost;

GtkColumnViewColumn *mp_cell_column_text       (MpCellHost *host,
                                                const char *title,
                                                guint       field,
                                                const char *accessible_label,
                                                const char *placeholder);
GtkColumnViewColumn *mp_cell_column_bool       (MpCellHost *host,
                                                const char *title,
                                                guint       field,
                                                const char *accessible_label);
/* @labels: the display names of the enum's values 0, 1, …, NULL-terminated. */
GtkColumnViewColumn *mp_cell_column_enum       (MpCellHost *host,
                                                const char *title,
                                                guint       field,
                                                const char *accessible_label,
                                                const char * const *labels);
GtkColumnViewColumn *mp_cell_column_date       (MpCellHost *host,
                                                const char *title,
                                                guint       field,
                                                const char *accessible_label,
                                                gboolean    allow_none);
GtkColumnViewColumn *mp_cell_column_participant (MpCellHost *host,
                                                 const char *title,
                                                 guint       field,
                                                 const char *accessible_label,
                                                 MpParty     party,
                                                 const char *none_label);
GtkColumnViewColumn *mp_cell_column_refs       (MpCellHost *host,
                                                const char *title,
                                                guint       field,
                                                const char *accessible_label,
                                                MpRefKind   kind);
GtkColumnViewColumn *mp_cell_column_int        (MpCellHost *host,
                                                const char *title,
                                                guint       field,
                                                const char *accessible_label,
                                                int         min,
                                                int         max);
/* An int whose 0 shows as @zero_label ("Once"). */
GtkColumnViewColumn *mp_cell_column_int_named_zero (MpCellHost *host,
                                                    const char *title,
                                                    guint       field,
                                                    const char *accessible_label,
                                                    int         min,
                                                    int         max,
                                                    const char *zero_label);
/* A date that may be empty, shown as @placeholder ("No end"). */
GtkColumnViewColumn *mp_cell_column_date_with_placeholder (MpCellHost *host,
                                                           const char *title,
                                                           guint       field,
                                                           const char *accessible_label,
                                                           const char *placeholder);
/* A local date and time ("YYYY-MM-DDTHH:MM"): a date button and a time entry. */
GtkColumnViewColumn *mp_cell_column_local_datetime (MpCellHost *host,
                                                    const char *title,
                                                    guint       field,
                                                    const char *accessible_label);

/* Selects the row of @position and scrolls it into view. */
void                 mp_cell_host_select       (MpCellHost    *host,
                                                GtkColumnView *view,
                                                guint          position);
/* Puts the focus in the first text cell of @record's row once the row
 * is shown (after an add), its text selected. */
void                 mp_cell_host_focus_record (GtkColumnView *view,
                                                MpRecord      *record);
/* The record of the selected row, or NULL. */
MpRecord            *mp_cell_host_get_selected (MpCellHost    *host);

/* Insert and Ctrl+Return call @add, Delete calls @remove, while the focus
 * is inside @widget and not in a text field (Ctrl+Return always). */
void                 mp_cells_add_shortcuts    (GtkWidget     *widget,
                                                GCallback      add,
                                                GCallback      remove,
                                                gpointer       user_data);

/* A button with an icon and a label; its accessible name is @label
 * without the mnemonic ("Add Participant"). */
GtkWidget           *mp_cells_tool_button      (const char    *icon_name,
                                                const char    *mnemonic_label);

G_END_DECLS
