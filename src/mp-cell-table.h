/* mp-cell-table.h: the one editable-cell system of every list
 *
 * A list of plan records (milestones with their tasks, goals, people,
 * blackouts, meetings) is a GtkColumnView whose columns come from one
 * static table of MpCellColumn: the header, the name a screen reader
 * says before the value, the width, and for the list's records (and for
 * child rows, the tasks below a milestone) which field the cell shows and
 * with which kind of editor. Rows read as text: a string is a
 * GtkEditableLabel, a choice or a person a flat button whose choices open
 * in a popover, a date an MpDateButton; the editor opens on click, Enter,
 * Space, and typing on a row opens its first text cell. Every edit goes
 * through the MpDocument (undoable). Adding a column is one table entry;
 * a value no kind shows is one MpCellEditor (make, refresh, value).
 *
 * Rows are recycled: the editors are made once in setup for both kinds
 * of row and shown by kind in bind (only when the row's item changes: GTK
 * 4.8 binds again on every move of a row), handlers are connected in setup and
 * find their record through the GtkListItem; a cell refreshes only for
 * notify of the fields it shows, and "live" columns (values that depend
 * on other records) are refreshed on the bound rows only, once per
 * change (mp_cell_table_refresh_live).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"
#include "mp-model.h"

G_BEGIN_DECLS

#define MP_NO_FIELD G_MAXUINT

typedef enum {
  MP_CELL_NONE,      /* nothing on this kind of row */
  MP_CELL_TEXT,      /* a string: GtkEditableLabel, committed when editing ends */
  MP_CELL_CHOICE,    /* an enum: its label on a flat button, choices in a popover */
  MP_CELL_PERSON,    /* a participant id, of @party's side: the same, searchable */
  MP_CELL_DATE,      /* an MpDate: MpDateButton (and @time_field's time beside it) */
  MP_CELL_CHECK,     /* a boolean: a check button */
  MP_CELL_REFS,      /* several ids: MpRefsButton */
  MP_CELL_NUMBER,    /* an int in [min, max]: an editable label (0 may read @placeholder) */
  MP_CELL_DATETIME,  /* "YYYY-MM-DDTHH:MM": a date button and the time as an editable label */
  MP_CELL_LABEL,     /* read-only text, set by the column's MpCellEditor.refresh */
  MP_CELL_CUSTOM,    /* the column's MpCellEditor makes and refreshes it */
} MpCellKind;

typedef enum {
  MP_CELL_ALLOW_NONE = 1 << 0,  /* a date or person may be empty */
  MP_CELL_REQUIRED   = 1 << 1,  /* an empty text is refused (the old one comes back) */
} MpCellFlags;

typedef enum {
  MP_COLUMN_EXPAND    = 1 << 0,  /* takes the spare width (titles) */
  MP_COLUMN_LIVE      = 1 << 1,  /* depends on other records: refreshed by mp_cell_table_refresh_live() */
  MP_COLUMN_OWN_LABEL = 1 << 2,  /* the editor names itself (no "Field: value") */
} MpColumnFlags;

/* What a cell shows of one kind of row. */
typedef struct {
  MpCellKind          kind;
  guint               field;        /* the record's field (mp-<type>.h enum) */
  MpCellFlags         flags;
  const char         *placeholder;  /* empty value ("–", "No end"), or 0's name ("Once") */
  const char         *label;        /* a check button's own text (N_("Done")) */
  const char         *tooltip;      /* N_() */
  const char * const *(*labels) (void); /* an enum's values' names, NULL-terminated */
  MpParty             party;        /* MP_CELL_PERSON: whose people (set it: 0 is the seller) */
  MpRefKind           refs;         /* MP_CELL_REFS */
  int                 min, max;     /* MP_CELL_NUMBER */
  guint               time_field;   /* MP_CELL_DATE: a time shown beside, or 0 for none */
} MpCellSpec;

typedef struct _MpCellTable  MpCellTable;
typedef struct _MpCellColumn MpCellColumn;

/* A column's own parts; every hook is optional. @refresh runs after the
 * kind's own refresh (classes, tooltips), @value replaces the screen
 * reader's value, @follows says which other fields' changes show. */
typedef struct {
  GtkWidget *(*make)    (MpCellTable *table, const MpCellColumn *column, gboolean child);
  void       (*refresh) (MpCellTable *table, const MpCellColumn *column, GtkWidget *cell,
                         GtkWidget *editor, MpRecord *record);
  char      *(*value)   (MpCellTable *table, const MpCellColumn *column, GtkWidget *cell,
                         MpRecord *record);
  gboolean   (*follows) (MpRecord *record, guint field);
  void       (*setup)   (MpCellTable *table, GtkListItem *item, GtkWidget *cell);
  void       (*bind)    (MpCellTable *table, GtkListItem *item, GtkWidget *cell, MpRecord *record);
  void       (*unbind)  (MpCellTable *table, GtkListItem *item, GtkWidget *cell, MpRecord *record);
} MpCellEditor;

struct _MpCellColumn {
  const char         *title;       /* the header, N_() */
  const char         *field_name;  /* said before the value, N_() ("Email: dana@…") */
  int                 width;       /* what its values need; the header's own width is measured */
  MpColumnFlags       flags;
  MpCellSpec          row;         /* the list's own records */
  MpCellSpec          child;       /* child rows (a milestone's tasks) */
  const MpCellEditor *editor;
};

/* Called before (done FALSE) and after (done TRUE) the table sets @field
 * of @record through the document. */
typedef void (*MpCellCommitFunc) (MpCellTable *table,
                                  MpRecord    *record,
                                  guint        field,
                                  gboolean     done,
                                  gpointer     user_data);

/* Makes @view's columns from @columns (static, @n_columns long) over
 * @selection's rows: records, or GtkTreeListRows of records whose
 * children are of @child_type. The page owns the table. */
MpCellTable  *mp_cell_table_new            (GtkColumnView       *view,
                                            GtkSingleSelection  *selection,
                                            const MpCellColumn  *columns,
                                            guint                n_columns,
                                            GType                child_type);
void          mp_cell_table_free           (MpCellTable         *table);
void          mp_cell_table_set_document   (MpCellTable         *table,
                                            MpDocument          *document);
MpDocument   *mp_cell_table_get_document   (MpCellTable         *table);
GtkColumnView *mp_cell_table_get_view      (MpCellTable         *table);
GtkSingleSelection *mp_cell_table_get_selection (MpCellTable    *table);
void          mp_cell_table_set_commit_func (MpCellTable        *table,
                                            MpCellCommitFunc     func,
                                            gpointer             user_data);
/* The screen reader's row names: "%s, row %u of %u" (title, position,
 * count); @child_format for child rows. */
void          mp_cell_table_set_row_formats (MpCellTable        *table,
                                             const char         *format,
                                             const char         *child_format);
void          mp_cell_table_set_user_data  (MpCellTable         *table,
                                            gpointer             data);
gpointer      mp_cell_table_get_user_data  (MpCellTable         *table);

/* The record of a row (a new reference), and the table of a cell widget. */
MpRecord     *mp_cell_table_item_record    (GtkListItem         *item);
MpCellTable  *mp_cell_table_of             (GtkWidget           *widget);
/* The editor of a cell for its row's kind, and a table's column index. */
GtkWidget    *mp_cell_table_cell_editor    (GtkWidget           *cell,
                                            gboolean             child);
GtkWidget    *mp_cell_table_cell_expander  (GtkWidget           *cell);
guint         mp_cell_table_cell_column    (GtkWidget           *cell);

/* Refreshes the live columns of the bound rows once, before the next frame. */
void          mp_cell_table_refresh_live   (MpCellTable         *table);
/* Renames the rows ("Demo, row 3 of 13"), after rows came or went. */
void          mp_cell_table_relabel_rows   (MpCellTable         *table);

/* The first text cell of @record's row when it is shown, or NULL. */
GtkWidget    *mp_cell_table_title_editor   (MpCellTable         *table,
                                            MpRecord            *record);
/* Opens @record's first text cell for typing, its text selected, once
 * its row is shown (after Add). */
void          mp_cell_table_edit_when_shown (MpCellTable        *table,
                                             MpRecord           *record);
/* The selected row's record (a new reference) or NULL. */
MpRecord     *mp_cell_table_get_selected   (MpCellTable         *table);
/* Selects @position and scrolls it into view (plain lists). */
void          mp_cell_table_select         (MpCellTable         *table,
                                            guint                position);
/* A plain list over @store: inserts @record after the selected row (at
 * the end without one) through the document, selects it and opens its
 * first text cell for typing. */
void          mp_cell_table_add            (MpCellTable         *table,
                                            GListStore          *store,
                                            MpRecord            *record);
/* Removes the selected row's record from @store (one undo step); FALSE
 * when no row is selected. */
gboolean      mp_cell_table_remove_selected (MpCellTable        *table,
                                             GListStore         *store);
/* Moves the keyboard focus into the selected row's first text cell. */
void          mp_cell_table_focus_selected (MpCellTable         *table);

/* Insert and Ctrl+Return call @add, Delete calls @remove, while the focus
 * is inside @widget and not typing in a text (Ctrl+Return always). */
void          mp_cell_table_add_shortcuts  (GtkWidget           *widget,
                                            GCallback            add,
                                            GCallback            remove,
                                            gpointer             user_data);

G_END_DECLS
