/* mp-cell-table.c: the one editable-cell system of every list
 *
 * See mp-cell-table.h. Each cell is a GtkBox made in setup with the
 * editor of its column for the list's records and, when child rows need
 * another kind, the one for them; bind shows the one for the row's kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-tooltip.h"
#include "mp-cell-table.h"
#include "mp-date-button.h"
#include "mp-format.h"
#include "mp-refs-button.h"

struct _MpCellTable
{
  GtkColumnView      *view;
  GtkSingleSelection *selection;
  const MpCellColumn *columns;
  guint               n_columns;
  guint               title_column;   /* the first text column, or G_MAXUINT */
  GType               child_type;
  MpDocument         *document;
  GHashTable         *live_items;     /* bound GtkListItems of live columns */
  GHashTable         *title_items;    /* bound GtkListItems of the title column */
  guint               live_id;
  guint               edit_id;
  guint               restore_id;
  guint               last_selected;
  MpRecord           *pending_edit;   /* opens for typing once shown */
  MpCellCommitFunc    commit;
  gpointer            commit_data;
  char               *row_format;
  char               *child_format;
  gpointer            user_data;
};

static void refresh_cell (MpCellTable *table, GtkWidget *cell, MpRecord *rec);
static void label_row (GtkListItem *item);

/* ---- links: widget → cell → table, item → record ---- */

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_descendant (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

MpRecord *
mp_cell_table_item_record (GtkListItem *item)
{
  gpointer it = gtk_list_item_get_item (item);

  if (GTK_IS_TREE_LIST_ROW (it))
    return gtk_tree_list_row_get_item (it); /* transfer full */
  return MP_IS_RECORD (it) ? g_object_ref (it) : NULL;
}

MpCellTable *
mp_cell_table_of (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      MpCellTable *table = g_object_get_data (G_OBJECT (w), "mp-cell-table");

      if (table != NULL)
        return table;
    }
  return NULL;
}

guint
mp_cell_table_cell_column (GtkWidget *cell)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "mp-column"));
}

GtkWidget *
mp_cell_table_cell_editor (GtkWidget *cell,
                           gboolean   child)
{
  GtkWidget *w = child ? g_object_get_data (G_OBJECT (cell), "mp-child-editor") : NULL;

  return w ? w : g_object_get_data (G_OBJECT (cell), "mp-editor");
}

GtkWidget *
mp_cell_table_cell_expander (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), "mp-expander");
}

static gboolean
is_child (MpCellTable *table,
          MpRecord    *rec)
{
  return table->child_type != G_TYPE_INVALID && G_TYPE_CHECK_INSTANCE_TYPE (rec, table->child_type);
}

static const MpCellSpec *
spec_of (MpCellTable        *table,
         const MpCellColumn *col,
         MpRecord           *rec)
{
  return is_child (table, rec) ? &col->child : &col->row;
}

/* The cell around an editor (of the list item's row). */
static GtkWidget *
item_cell (GtkListItem *item)
{
  return gtk_list_item_get_child (item);
}

static const MpCellColumn *
cell_spec_column (MpCellTable *table,
                  GtkWidget   *cell)
{
  return &table->columns[mp_cell_table_cell_column (cell)];
}

/* ---- through the document ---- */

static void
commit_begin (MpCellTable *table,
              MpRecord    *rec,
              guint        field)
{
  if (table->commit != NULL)
    table->commit (table, rec, field, FALSE, table->commit_data);
}

static void
commit_end (MpCellTable *table,
            MpRecord    *rec,
            guint        field)
{
  if (table->commit != NULL)
    table->commit (table, rec, field, TRUE, table->commit_data);
}

static void
set_string (MpCellTable *table,
            MpRecord    *rec,
            guint        field,
            const char  *value)
{
  if (g_strcmp0 (mp_record_get_string (rec, field), value) == 0)
    return;
  commit_begin (table, rec, field);
  mp_document_set_string (table->document, rec, field, value);
  commit_end (table, rec, field);
}

static void
set_int (MpCellTable *table,
         MpRecord    *rec,
         guint        field,
         int          value)
{
  if (mp_record_get_int (rec, field) == value)
    return;
  commit_begin (table, rec, field);
  mp_document_set_int (table->document, rec, field, value);
  commit_end (table, rec, field);
}

static void
set_date (MpCellTable *table,
          MpRecord    *rec,
          guint        field,
          MpDate       value)
{
  if (mp_record_get_date (rec, field) == value)
    return;
  commit_begin (table, rec, field);
  mp_document_set_date (table->document, rec, field, value);
  commit_end (table, rec, field);
}

static void
set_bool (MpCellTable *table,
          MpRecord    *rec,
          guint        field,
          gboolean     value)
{
  if (!mp_record_get_bool (rec, field) == !value)
    return;
  commit_begin (table, rec, field);
  mp_document_set_bool (table->document, rec, field, value);
  commit_end (table, rec, field);
}

/* The record and spec behind a user's action on an editor of @item's
 * row, or FALSE when the row or the document is gone. */
static gboolean
target (GtkListItem        *item,
        MpCellTable       **table,
        const MpCellSpec  **spec,
        MpRecord          **rec)
{
  GtkWidget *cell = item_cell (item);

  *table = cell ? mp_cell_table_of (cell) : NULL;
  if (*table == NULL || (*table)->document == NULL)
    return FALSE;
  *rec = mp_cell_table_item_record (item);
  if (*rec == NULL)
    return FALSE;
  *spec = spec_of (*table, cell_spec_column (*table, cell), *rec);
  return TRUE;
}

/* ---- choices: a flat button, a popover list ---- */

static GtkListItem *
widget_item (GtkWidget *w)
{
  return g_object_get_data (G_OBJECT (w), "mp-list-item");
}

static gboolean
in_party (MpParticipant *p,
          MpParty        party)
{
  return party == MP_PARTY_BOTH ||
         (mp_participant_get_side (p) == MP_SIDE_SELLER) == (party == MP_PARTY_SELLER);
}

/* The choices of @spec: labels, and the value each stands for (an index
 * for an enum, an interned participant id or NULL for a person). */
static void
collect_choices (MpCellTable      *table,
                 const MpCellSpec *spec,
                 GPtrArray        *labels,
                 GPtrArray        *values)
{
  if (spec->kind == MP_CELL_CHOICE)
    {
      const char * const *names = spec->labels ();

      for (guint i = 0; names[i]; i++)
        {
          g_ptr_array_add (labels, g_strdup (names[i]));
          g_ptr_array_add (values, GUINT_TO_POINTER (i));
        }
      return;
    }
  {
    GListModel *ps = G_LIST_MODEL (mp_plan_get_participants (mp_document_get_plan (table->document)));

    g_ptr_array_add (labels, g_strdup (spec->placeholder ? _(spec->placeholder) : _("Nobody")));
    g_ptr_array_add (values, NULL);
    for (guint i = 0; i < g_list_model_get_n_items (ps); i++)
      {
        g_autoptr(MpParticipant) p = g_list_model_get_item (ps, i);

        if (!in_party (p, spec->party))
          continue;
        g_ptr_array_add (labels, g_strdup (mp_participant_get_name (p)));
        g_ptr_array_add (values, (gpointer) g_intern_string (mp_participant_get_id (p)));
      }
  }
}

static void
apply_choice (GtkWidget *button,
              gpointer   value)
{
  GtkListItem *item = widget_item (button);
  MpCellTable *table;
  const MpCellSpec *spec;
  g_autoptr(MpRecord) rec = NULL;

  if (item == NULL || !target (item, &table, &spec, &rec))
    return;
  if (spec->kind == MP_CELL_CHOICE)
    set_int (table, rec, spec->field, GPOINTER_TO_INT (value));
  else if (spec->kind == MP_CELL_PERSON)
    {
      /* "Nobody" in a column of one side does not clear an owner of
       * the other side (a task's one owner shows in its side's column). */
      MpParticipant *p = mp_plan_find_participant (mp_document_get_plan (table->document),
                                                   mp_record_get_string (rec, spec->field));

      if (value == NULL && p != NULL && !in_party (p, spec->party))
        return;
      set_string (table, rec, spec->field, value);
    }
}

static void
on_choice_activated (GtkListBox    *list,
                     GtkListBoxRow *row,
                     GtkWidget     *button)
{
  gpointer value = g_object_get_data (G_OBJECT (row), "value");

  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  apply_choice (button, value);
}

static gboolean
choice_visible (GtkListBoxRow *row,
                gpointer       data)
{
  GtkEditable *search = data;
  const char *text = gtk_editable_get_text (search);
  g_autofree char *needle = NULL, *label = NULL;

  if (*text == '\0')
    return TRUE;
  needle = g_utf8_casefold (text, -1);
  label = g_utf8_casefold (g_object_get_data (G_OBJECT (row), "label"), -1);
  return strstr (label, needle) != NULL;
}

static void
on_choice_search (GtkSearchEntry *search,
                  GtkListBox     *list)
{
  gtk_list_box_invalidate_filter (list);
}

/* Enter in the search takes the first one shown. */
static void
on_choice_search_activate (GtkSearchEntry *search,
                           GtkListBox     *list)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row))
      {
        g_signal_emit_by_name (list, "row-activated", row);
        return;
      }
}

static gboolean
grab_focus_idle (gpointer data)
{
  gtk_widget_grab_focus (data);
  return G_SOURCE_REMOVE;
}

/* Made when first opened, filled each time from the plan as it is now. */
static void
create_choice_popup (GtkMenuButton *button,
                     gpointer       data)
{
  GtkListItem *item = widget_item (GTK_WIDGET (button));
  MpCellTable *table = mp_cell_table_of (GTK_WIDGET (button));
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  GtkWidget *list, *search, *child;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(MpRecord) rec = item ? mp_cell_table_item_record (item) : NULL;
  gpointer current = g_object_get_data (G_OBJECT (button), "value");
  const MpCellColumn *col;
  const MpCellSpec *spec;

  if (table == NULL || table->document == NULL || rec == NULL)
    return;
  col = cell_spec_column (table, item_cell (item));
  spec = spec_of (table, col, rec);
  if (popover == NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      popover = GTK_POPOVER (gtk_popover_new ());
      search = gtk_search_entry_new ();
      list = gtk_list_box_new ();
      gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Find a person"), -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _(col->field_name), -1);
      gtk_list_box_set_filter_func (GTK_LIST_BOX (list), choice_visible, search, NULL);
      g_signal_connect (search, "search-changed", G_CALLBACK (on_choice_search), list);
      g_signal_connect (search, "activate", G_CALLBACK (on_choice_search_activate), list);
      g_signal_connect (list, "row-activated", G_CALLBACK (on_choice_activated), button);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
      gtk_box_append (GTK_BOX (box), search);
      gtk_box_append (GTK_BOX (box), scrolled);
      gtk_popover_set_child (popover, box);
      g_object_set_data (G_OBJECT (popover), "list", list);
      g_object_set_data (G_OBJECT (popover), "search", search);
      gtk_menu_button_set_popover (button, GTK_WIDGET (popover));
    }
  list = g_object_get_data (G_OBJECT (popover), "list");
  search = g_object_get_data (G_OBJECT (popover), "search");
  /* People are searched by typing; three or five values are not. */
  gtk_widget_set_visible (search, spec->kind == MP_CELL_PERSON);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
  collect_choices (table, spec, labels, values);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (g_ptr_array_index (labels, i));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_opacity (mark, g_ptr_array_index (values, i) == current ? 1.0 : 0.0);
      gtk_accessible_update_state (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), mark);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "label", g_strdup (g_ptr_array_index (labels, i)), g_free);
      g_object_set_data (G_OBJECT (row), "value", g_ptr_array_index (values, i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      g_ptr_array_index (labels, i), -1);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      if (g_ptr_array_index (values, i) == current)
        gtk_list_box_select_row (GTK_LIST_BOX (list), GTK_LIST_BOX_ROW (row));
    }
  gtk_popover_set_default_widget (popover, NULL);
  if (gtk_widget_get_visible (search))
    g_idle_add_full (G_PRIORITY_HIGH_IDLE, grab_focus_idle, g_object_ref (search), g_object_unref);
}

/* A value as text on a flat button; its choices open below it. */
static GtkWidget *
choice_button_new (GtkListItem *item)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), label);
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (button), FALSE);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_choice_popup, NULL, NULL);
  gtk_widget_add_css_class (button, "cell-choice");
  gtk_widget_set_hexpand (button, TRUE);
  g_object_set_data (G_OBJECT (button), "mp-list-item", item);
  return button;
}

static void
choice_button_set (GtkWidget  *button,
                   const char *text,
                   gpointer    value)
{
  GtkWidget *label = gtk_menu_button_get_child (GTK_MENU_BUTTON (button));

  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    gtk_label_set_text (GTK_LABEL (label), text);
  mp_tooltip_set_text (button, text);
  g_object_set_data (G_OBJECT (button), "value", value);
}

/* ---- text, numbers, times: GtkEditableLabel ---- */

/* GTK 4.8's GtkEditableLabel stops editing 100 ms after it loses the
 * focus (editing or not), from a timeout that does not hold its
 * controller: a row removed meanwhile (undo of Add, the window closing)
 * would leave that timeout a freed controller. The label is kept alive
 * until then. */
static gboolean
unref_later (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
on_label_focus_leave (GtkEventControllerFocus *focus,
                      gpointer                 data)
{
  GtkWidget *label = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));

  g_timeout_add (250, unref_later, g_object_ref (label));
}

/* …and when the label goes anyway (its window destroyed), that timeout
 * goes with it: it is the only source whose data is the label's own
 * focus controller. */
static void
on_label_destroy (GtkWidget *label)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (label);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_FOCUS (controller))
        while (g_source_remove_by_user_data (controller))
          ;
    }
}

static void on_label_editing (GObject *label, GParamSpec *pspec, GtkListItem *item);

static GtkWidget *
editable_label_new (GtkListItem *item)
{
  GtkWidget *w = gtk_editable_label_new ("");
  GtkWidget *label = find_descendant (w, GTK_TYPE_LABEL);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_set_hexpand (w, TRUE);
  /* Long text ends in "…" (the full text is the tooltip). */
  if (label != NULL)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 3);
    }
  g_signal_connect (w, "notify::editing", G_CALLBACK (on_label_editing), item);
  g_signal_connect (focus, "leave", G_CALLBACK (on_label_focus_leave), NULL);
  gtk_widget_add_controller (w, focus);
  g_signal_connect (w, "destroy", G_CALLBACK (on_label_destroy), NULL);
  g_object_set_data (G_OBJECT (w), "mp-list-item", item);
  return w;
}

static void
editable_label_show (GtkWidget  *w,
                     const char *text)
{
  if (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (w)))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (w)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (w), text);
}

static char *
number_text (const MpCellSpec *spec,
             int               value)
{
  if (value == 0 && spec->placeholder != NULL)
    return g_strdup (_(spec->placeholder));
  return g_strdup_printf ("%d", value);
}

static gboolean
number_parse (const MpCellSpec *spec,
              const char       *text,
              int              *value)
{
  g_autofree char *zero = number_text (spec, 0);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  char *end = NULL;
  gint64 n;

  if (spec->placeholder != NULL && (*stripped == '\0' || g_utf8_collate (stripped, zero) == 0))
    {
      *value = 0;
      return spec->min <= 0;
    }
  n = g_ascii_strtoll (stripped, &end, 10);
  if (end == stripped || *end != '\0' || n < spec->min || n > spec->max)
    return FALSE;
  *value = (int) n;
  return TRUE;
}

/* The time of a "YYYY-MM-DDTHH:MM" field, or of 09:00 when it has none. */
static void
datetime_of (MpRecord *rec,
             guint     field,
             MpDate   *date,
             int      *minutes)
{
  if (!mp_local_datetime_parse (mp_record_get_string (rec, field), date, minutes))
    {
      *date = MP_DATE_NONE;
      *minutes = 9 * 60;
    }
}

static void
set_datetime (MpCellTable *table,
              MpRecord    *rec,
              guint        field,
              MpDate       date,
              int          minutes)
{
  g_autofree char *value = mp_local_datetime_format (date == MP_DATE_NONE ? mp_date_today () : date, minutes);

  set_string (table, rec, field, value);
}

/* GtkEditableLabel changes its text on every key: commit when editing
 * ends. A label no longer in the list (its row removed) commits nothing. */
static void
on_label_editing (GObject     *label,
                  GParamSpec  *pspec,
                  GtkListItem *item)
{
  MpCellTable *table;
  const MpCellSpec *spec;
  g_autoptr(MpRecord) rec = NULL;
  const char *text;

  if (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (label)) ||
      mp_cell_table_of (GTK_WIDGET (label)) == NULL || !target (item, &table, &spec, &rec))
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (label));
  switch (spec->kind)
    {
    case MP_CELL_TEXT:
      if (*text == '\0' && (spec->flags & MP_CELL_REQUIRED))
        {
          /* An empty title is not a title: show the old one again. */
          refresh_cell (table, item_cell (item), rec);
          return;
        }
      set_string (table, rec, spec->field, *text ? text : NULL);
      break;
    case MP_CELL_NUMBER:
      {
        int value;

        if (!number_parse (spec, text, &value))
          {
            gtk_widget_error_bell (GTK_WIDGET (label));
            refresh_cell (table, item_cell (item), rec);
            return;
          }
        set_int (table, rec, spec->field, value);
      }
      break;
    case MP_CELL_DATETIME:
      {
        MpDate date;
        int minutes, new_minutes;

        datetime_of (rec, spec->field, &date, &minutes);
        if (!mp_time_parse (text, &new_minutes))
          {
            gtk_widget_error_bell (GTK_WIDGET (label));
            refresh_cell (table, item_cell (item), rec);
            return;
          }
        set_datetime (table, rec, spec->field, date, new_minutes);
      }
      break;
    default:
      return;
    }
  /* The value may be shown otherwise ("Once", "09:00"). */
  refresh_cell (table, item_cell (item), rec);
  /* Enter ends typing and keeps the focus on the cell. */
  gtk_widget_grab_focus (GTK_WIDGET (label));
}

/* ---- dates, checks, references ---- */

static void
on_date_chosen (MpDateButton *button,
                guint         date,
                GtkListItem  *item)
{
  MpCellTable *table;
  const MpCellSpec *spec;
  g_autoptr(MpRecord) rec = NULL;

  if (!target (item, &table, &spec, &rec))
    return;
  if (spec->kind == MP_CELL_DATETIME)
    {
      MpDate old;
      int minutes;

      datetime_of (rec, spec->field, &old, &minutes);
      set_datetime (table, rec, spec->field, date, minutes);
    }
  else
    set_date (table, rec, spec->field, date);
}

static void
on_check_toggled (GtkCheckButton *check,
                  GtkListItem    *item)
{
  MpCellTable *table;
  const MpCellSpec *spec;
  g_autoptr(MpRecord) rec = NULL;

  if (!target (item, &table, &spec, &rec) || spec->kind != MP_CELL_CHECK)
    return;
  set_bool (table, rec, spec->field, gtk_check_button_get_active (check));
}

static void
on_ids_chosen (MpRefsButton *button,
               GStrv         ids,
               GtkListItem  *item)
{
  MpCellTable *table;
  const MpCellSpec *spec;
  g_autoptr(MpRecord) rec = NULL;

  if (!target (item, &table, &spec, &rec))
    return;
  mp_document_set_strv (table->document, rec, spec->field, (const char * const *) ids);
}

static GtkWidget *
date_button_new (const MpCellSpec *spec,
                 GtkListItem      *item)
{
  GtkWidget *w = mp_date_button_new ();

  /* Rows read as text: no arrow (the calendar opens on click, Enter and
   * Space). */
  mp_date_button_set_show_arrow (MP_DATE_BUTTON (w), FALSE);
  mp_date_button_set_placeholder (MP_DATE_BUTTON (w), "–");
  g_signal_connect (w, "date-chosen", G_CALLBACK (on_date_chosen), item);
  return w;
}

/* ---- making the editors ---- */

static GtkWidget *
make_editor (MpCellTable        *table,
             const MpCellColumn *col,
             const MpCellSpec   *spec,
             gboolean            child,
             GtkListItem        *item)
{
  GtkWidget *w = NULL;

  switch (spec->kind)
    {
    case MP_CELL_TEXT:
    case MP_CELL_NUMBER:
      w = editable_label_new (item);
      break;
    case MP_CELL_CHOICE:
    case MP_CELL_PERSON:
      w = choice_button_new (item);
      break;
    case MP_CELL_DATE:
      /* A time beside the date (of either kind of row), never cut. */
      if (col->row.time_field != 0 || col->child.time_field != 0)
        {
          GtkWidget *time = gtk_label_new (NULL);

          GtkWidget *button = date_button_new (spec, item);

          w = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
          gtk_widget_add_css_class (time, "dim-label");
          gtk_widget_set_hexpand (button, FALSE);
          gtk_box_append (GTK_BOX (w), button);
          gtk_box_append (GTK_BOX (w), time);
        }
      else
        w = date_button_new (spec, item);
      break;
    case MP_CELL_DATETIME:
      w = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      gtk_box_append (GTK_BOX (w), date_button_new (spec, item));
      gtk_box_append (GTK_BOX (w), editable_label_new (item));
      {
        /* The time beside the date is never cut. */
        GtkWidget *time = gtk_widget_get_last_child (w);
        GtkWidget *label = find_descendant (time, GTK_TYPE_LABEL);

        gtk_widget_add_css_class (time, "cell-time");
        gtk_widget_set_hexpand (time, FALSE);
        gtk_editable_set_width_chars (GTK_EDITABLE (time), 5);
        if (label != NULL)
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
      }
      break;
    case MP_CELL_CHECK:
      w = spec->label ? gtk_check_button_new_with_label (_(spec->label)) : gtk_check_button_new ();
      if (spec->label == NULL)
        gtk_widget_set_halign (w, GTK_ALIGN_CENTER);
      g_signal_connect (w, "toggled", G_CALLBACK (on_check_toggled), item);
      break;
    case MP_CELL_REFS:
      w = mp_refs_button_new (spec->refs);
      gtk_widget_set_hexpand (w, TRUE);
      g_signal_connect (w, "ids-chosen", G_CALLBACK (on_ids_chosen), item);
      break;
    case MP_CELL_LABEL:
      w = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (w), 0);
      gtk_label_set_ellipsize (GTK_LABEL (w), PANGO_ELLIPSIZE_END);
      break;
    case MP_CELL_CUSTOM:
      w = col->editor->make (table, col, child);
      break;
    case MP_CELL_NONE:
    default:
      g_assert_not_reached ();
    }
  if (spec->tooltip != NULL)
    mp_tooltip_set_text (w, _(spec->tooltip));
  g_object_set_data (G_OBJECT (w), "mp-list-item", item);
  return w;
}

/* ---- showing a record ---- */

static const char *
person_name (MpCellTable      *table,
             const MpCellSpec *spec,
             MpRecord         *rec,
             const char      **id_out)
{
  const char *id = mp_record_get_string (rec, spec->field);
  MpParticipant *p = id && table->document ? mp_plan_find_participant (mp_document_get_plan (table->document), id) : NULL;

  /* One owner shown in the column of its side. */
  if (p != NULL && !in_party (p, spec->party))
    p = NULL;
  if (id_out != NULL)
    *id_out = p ? g_intern_string (mp_participant_get_id (p)) : NULL;
  return p ? mp_participant_get_name (p) : NULL;
}

static void
refresh_editor (MpCellTable        *table,
                const MpCellColumn *col,
                const MpCellSpec   *spec,
                GtkWidget          *cell,
                GtkWidget          *w,
                MpRecord           *rec)
{
  switch (spec->kind)
    {
    case MP_CELL_TEXT:
      {
        const char *text = mp_record_get_string (rec, spec->field);

        editable_label_show (w, text ? text : "");
        mp_tooltip_set_text (w, text);
      }
      break;
    case MP_CELL_NUMBER:
      {
        g_autofree char *text = number_text (spec, mp_record_get_int (rec, spec->field));

        editable_label_show (w, text);
      }
      break;
    case MP_CELL_CHOICE:
      {
        guint value = (guint) mp_record_get_int (rec, spec->field);

        choice_button_set (w, spec->labels ()[value], GUINT_TO_POINTER (value));
      }
      break;
    case MP_CELL_PERSON:
      {
        const char *id;
        const char *name = person_name (table, spec, rec, &id);

        choice_button_set (w, name ? name : "–", (gpointer) id);
      }
      break;
    case MP_CELL_DATE:
      {
        GtkWidget *button = MP_IS_DATE_BUTTON (w) ? w : gtk_widget_get_first_child (w);

        mp_date_button_set_allow_none (MP_DATE_BUTTON (button), (spec->flags & MP_CELL_ALLOW_NONE) != 0);
        if (spec->placeholder != NULL)
          mp_date_button_set_placeholder (MP_DATE_BUTTON (button), _(spec->placeholder));
        mp_date_button_set_date (MP_DATE_BUTTON (button), mp_record_get_date (rec, spec->field));
        if (button != w)
          {
            GtkWidget *time = gtk_widget_get_next_sibling (button);
            g_autofree char *t = spec->time_field ? mp_time_format (mp_record_get_int (rec, spec->time_field)) : NULL;

            gtk_label_set_text (GTK_LABEL (time), t ? t : "");
            gtk_widget_set_visible (time, t != NULL);
          }
      }
      break;
    case MP_CELL_DATETIME:
      {
        MpDate date;
        int minutes;
        g_autofree char *t = NULL;

        datetime_of (rec, spec->field, &date, &minutes);
        t = mp_time_format (minutes);
        mp_date_button_set_allow_none (MP_DATE_BUTTON (gtk_widget_get_first_child (w)), FALSE);
        mp_date_button_set_date (MP_DATE_BUTTON (gtk_widget_get_first_child (w)), date);
        editable_label_show (gtk_widget_get_last_child (w), t ? t : "");
      }
      break;
    case MP_CELL_CHECK:
      if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (w)) != !mp_record_get_bool (rec, spec->field))
        gtk_check_button_set_active (GTK_CHECK_BUTTON (w), mp_record_get_bool (rec, spec->field));
      break;
    case MP_CELL_REFS:
      mp_refs_button_set_plan (MP_REFS_BUTTON (w), table->document ? mp_document_get_plan (table->document) : NULL);
      mp_refs_button_set_ids (MP_REFS_BUTTON (w), mp_record_get_strv (rec, spec->field));
      break;
    default:
      break;
    }
  if (col->editor != NULL && col->editor->refresh != NULL)
    col->editor->refresh (table, col, cell, w, rec);
}

/* ---- names for screen readers: "Email: dana@…", "Demo, row 3 of 13" ---- */

static char *
value_text (MpCellTable        *table,
            const MpCellColumn *col,
            const MpCellSpec   *spec,
            GtkWidget          *cell,
            GtkWidget          *w,
            MpRecord           *rec)
{
  if (col->editor != NULL && col->editor->value != NULL)
    return col->editor->value (table, col, cell, rec);
  switch (spec->kind)
    {
    case MP_CELL_TEXT:
      {
        const char *text = mp_record_get_string (rec, spec->field);
        return g_strdup (text && *text ? text : _("none"));
      }
    case MP_CELL_NUMBER:
      return number_text (spec, mp_record_get_int (rec, spec->field));
    case MP_CELL_CHOICE:
      return g_strdup (spec->labels ()[mp_record_get_int (rec, spec->field)]);
    case MP_CELL_PERSON:
      {
        const char *name = person_name (table, spec, rec, NULL);
        return g_strdup (name ? name : spec->placeholder ? _(spec->placeholder) : _("Nobody"));
      }
    case MP_CELL_DATE:
      {
        MpDate d = mp_record_get_date (rec, spec->field);

        if (d == MP_DATE_NONE)
          return g_strdup (spec->placeholder ? _(spec->placeholder) : _("none"));
        return mp_date_format (d);
      }
    case MP_CELL_DATETIME:
      {
        MpDate d;
        int minutes;
        g_autofree char *day = NULL, *t = NULL;

        datetime_of (rec, spec->field, &d, &minutes);
        day = d == MP_DATE_NONE ? g_strdup (_("none")) : mp_date_format (d);
        t = mp_time_format (minutes);
        return g_strdup_printf ("%s %s", day, t ? t : "");
      }
    case MP_CELL_CHECK:
      return g_strdup (mp_record_get_bool (rec, spec->field) ? _("Yes") : _("No"));
    case MP_CELL_REFS:
      {
        GtkWidget *label = find_descendant (w, GTK_TYPE_LABEL);
        const char *text = label ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
        return g_strdup (text && *text ? text : _("none"));
      }
    default:
      return NULL;
    }
}

static void
label_cell (MpCellTable        *table,
            const MpCellColumn *col,
            const MpCellSpec   *spec,
            GtkWidget          *cell,
            GtkWidget          *w,
            MpRecord           *rec)
{
  g_autofree char *value = NULL;
  char *text;
  GtkWidget *target_w;

  if ((col->flags & MP_COLUMN_OWN_LABEL) || gtk_widget_get_parent (cell) == NULL)
    return;
  value = value_text (table, col, spec, cell, w, rec);
  if (value == NULL)
    return;
  text = g_strdup_printf (_("%s: %s"), _(col->field_name), value);
  /* Names change far less often than rows are bound: only real changes
   * reach the accessibility layer. (The GtkColumnViewCell around is named
   * by its column, mp-a11y.c.) */
  if (g_strcmp0 (text, g_object_get_data (G_OBJECT (cell), "a11y-label")) == 0)
    {
      g_free (text);
      return;
    }
  g_object_set_data_full (G_OBJECT (cell), "a11y-label", text, g_free);
  if (spec->kind == MP_CELL_DATE && !MP_IS_DATE_BUTTON (w))
    w = gtk_widget_get_first_child (w);
  if (spec->kind == MP_CELL_DATETIME)
    {
      /* Translators: the accessible name of the time beside a date;
       * %s is the date's name, e.g. "First meeting, time". */
      g_autofree char *time_label = g_strdup_printf (_("%s, time"), _(col->field_name));

      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_last_child (w)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, time_label, -1);
      w = gtk_widget_get_first_child (w);
    }
  if (MP_IS_DATE_BUTTON (w))
    mp_date_button_set_accessible_label (MP_DATE_BUTTON (w), text);
  else if (MP_IS_REFS_BUTTON (w))
    mp_refs_button_set_accessible_label (MP_REFS_BUTTON (w), text);
  else
    {
      /* A menu button's focusable part is its toggle button. */
      target_w = GTK_IS_MENU_BUTTON (w) ? find_descendant (w, GTK_TYPE_TOGGLE_BUTTON) : w;
      if (target_w != NULL)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (target_w), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
          /* GTK 4.8 labels a menu button's toggle by the menu button too:
           * the name would be read twice ("Status: Done Status: Done"). */
          if (target_w != w)
            gtk_accessible_reset_relation (GTK_ACCESSIBLE (target_w), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
        }
      if (target_w != w)
        gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
}

/* Shows the record's values in the cell. */
static void
refresh_cell (MpCellTable *table,
              GtkWidget   *cell,
              MpRecord    *rec)
{
  const MpCellColumn *col = cell_spec_column (table, cell);
  gboolean child = is_child (table, rec);
  const MpCellSpec *spec = child ? &col->child : &col->row;
  GtkWidget *w = g_object_get_data (G_OBJECT (cell), "mp-editor");
  GtkWidget *child_w = g_object_get_data (G_OBJECT (cell), "mp-child-editor");

  if (child_w != NULL)
    {
      if (w != NULL)
        gtk_widget_set_visible (w, !child);
      gtk_widget_set_visible (child_w, child);
      w = child ? child_w : w;
    }
  else if (w != NULL)
    gtk_widget_set_visible (w, spec->kind != MP_CELL_NONE);
  if (w == NULL || spec->kind == MP_CELL_NONE)
    return;
  refresh_editor (table, col, spec, cell, w, rec);
  label_cell (table, col, spec, cell, w, rec);
}

/* The row (GtkColumnView's row widget, around the cells): its title and
 * its place in the list. */
static void
label_row (GtkListItem *item)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  GtkWidget *parent = cell ? gtk_widget_get_parent (cell) : NULL;
  GtkWidget *row = parent ? gtk_widget_get_parent (parent) : NULL;
  MpCellTable *table = cell ? mp_cell_table_of (cell) : NULL;
  g_autoptr(MpRecord) rec = NULL;
  g_autofree char *text = NULL;
  const MpCellSpec *spec;
  const char *title;

  if (row == NULL || table == NULL || table->title_column == G_MAXUINT ||
      gtk_list_item_get_position (item) == GTK_INVALID_LIST_POSITION)
    return;
  rec = mp_cell_table_item_record (item);
  if (rec == NULL)
    return;
  spec = spec_of (table, &table->columns[table->title_column], rec);
  title = spec->kind == MP_CELL_TEXT ? mp_record_get_string (rec, spec->field) : NULL;
  /* The formats are the page's translations of "%s, row %u of %u". */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  text = g_strdup_printf (is_child (table, rec) ? table->child_format : table->row_format, title ? title : "",
                          gtk_list_item_get_position (item) + 1,
                          g_list_model_get_n_items (G_LIST_MODEL (table->selection)));
#pragma GCC diagnostic pop
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  /* Named here: mp-a11y.c's "Row 3 of 13" for rows nobody names stays off. */
  g_object_set_data (G_OBJECT (row), "mp-a11y-titled", GINT_TO_POINTER (1));
}

static void
on_title_position (GtkListItem *item,
                   GParamSpec  *pspec,
                   gpointer     data)
{
  label_row (item);
}

void
mp_cell_table_relabel_rows (MpCellTable *table)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table->title_items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    label_row (key);
}

/* Focus entering any cell selects its row, so Delete, Move and Details
 * act on the row being edited. */
static void
on_cell_focus_enter (GtkEventControllerFocus *focus,
                     GtkListItem             *item)
{
  MpCellTable *table = mp_cell_table_of (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)));
  guint pos = gtk_list_item_get_position (item);

  if (table != NULL && pos != GTK_INVALID_LIST_POSITION &&
      gtk_single_selection_get_selected (table->selection) != pos)
    gtk_single_selection_set_selected (table->selection, pos);
}

/* ---- the factory ---- */

static gboolean
follows (const MpCellColumn *col,
         const MpCellSpec   *spec,
         MpRecord           *rec,
         GParamSpec         *pspec)
{
  GParamSpec **p = MP_RECORD_GET_CLASS (rec)->pspecs;

  if (col->flags & MP_COLUMN_LIVE)
    return FALSE; /* refreshed once per change: mp_cell_table_refresh_live */
  if (spec->kind == MP_CELL_NONE)
    return FALSE;
  if (spec->kind != MP_CELL_CUSTOM && spec->kind != MP_CELL_LABEL &&
      (pspec == p[spec->field] || (spec->time_field != 0 && pspec == p[spec->time_field])))
    return TRUE;
  if (col->editor != NULL && col->editor->follows != NULL)
    for (guint i = 0; i < MP_RECORD_GET_CLASS (rec)->n_fields; i++)
      if (p[i] == pspec)
        return col->editor->follows (rec, i);
  return FALSE;
}

static void
on_record_notify (MpRecord    *rec,
                  GParamSpec  *pspec,
                  GtkListItem *item)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  MpCellTable *table = mp_cell_table_of (cell);
  const MpCellColumn *col;

  if (table == NULL)
    return;
  col = cell_spec_column (table, cell);
  if (!follows (col, spec_of (table, col, rec), rec, pspec))
    return;
  refresh_cell (table, cell, rec);
  if (mp_cell_table_cell_column (cell) == table->title_column)
    label_row (item);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            const MpCellColumn       *col)
{
  MpCellTable *table = g_object_get_data (G_OBJECT (factory), "mp-cell-table");
  guint index = col - table->columns;
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *editor = NULL, *child_editor = NULL;
  GtkEventController *focus;

  g_object_set_data (G_OBJECT (cell), "mp-cell-table", table);
  g_object_set_data (G_OBJECT (cell), "mp-column", GUINT_TO_POINTER (index));
  /* One editor for both kinds of row when they are the same kind. */
  if (col->row.kind != MP_CELL_NONE)
    editor = make_editor (table, col, &col->row, FALSE, item);
  if (col->child.kind != MP_CELL_NONE &&
      (col->child.kind != col->row.kind || col->child.kind == MP_CELL_CUSTOM ||
       (col->child.kind == MP_CELL_CHECK && g_strcmp0 (col->child.label, col->row.label) != 0)))
    child_editor = make_editor (table, col, &col->child, TRUE, item);
  g_object_set_data (G_OBJECT (cell), "mp-editor", editor);
  g_object_set_data (G_OBJECT (cell), "mp-child-editor", child_editor);
  if (index == 0 && table->child_type != G_TYPE_INVALID)
    {
      GtkWidget *expander = gtk_tree_expander_new ();

      gtk_widget_set_hexpand (expander, TRUE);
      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), editor);
      gtk_box_append (GTK_BOX (cell), expander);
      g_object_set_data (G_OBJECT (cell), "mp-expander", expander);
    }
  else if (editor != NULL)
    gtk_box_append (GTK_BOX (cell), editor);
  if (child_editor != NULL)
    gtk_box_append (GTK_BOX (cell), child_editor);
  gtk_list_item_set_child (item, cell);
  /* Keyboard focus goes to the editors, not to the row; the focus
   * entering any of them selects the row. */
  gtk_list_item_set_activatable (item, FALSE);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus_enter), item);
  gtk_widget_add_controller (cell, focus);
  if (index == table->title_column)
    {
      g_signal_connect (item, "notify::position", G_CALLBACK (on_title_position), NULL);
      /* A new row's cells are bound before they are in the row. */
      g_signal_connect_swapped (cell, "map", G_CALLBACK (label_row), item);
    }
  if (col->editor != NULL && col->editor->setup != NULL)
    col->editor->setup (table, item, cell);
}

/* GTK 4.8's GtkSignalListItemFactory unbinds and binds a row again
 * whenever its position changes, though its item stays: a filter, an
 * added or a removed row rebound every row after it (about 200 rows of
 * ten cells). The cells are bound to their item when the item really
 * changes (bind_cell), and let go then or at teardown (release_cell):
 * a bind of the same item is only a new position (on_title_position). */
static void
release_cell (MpCellTable        *table,
              GtkListItem        *item,
              const MpCellColumn *col)
{
  MpRecord *rec = g_object_get_data (G_OBJECT (item), "mp-bound");
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "mp-notify-handler"));

  if (rec != NULL && id != 0)
    g_signal_handler_disconnect (rec, id);
  if (rec != NULL && col->editor != NULL && col->editor->unbind != NULL)
    col->editor->unbind (table, item, gtk_list_item_get_child (item), rec);
  g_object_set_data (G_OBJECT (item), "mp-notify-handler", NULL);
  g_object_set_data (G_OBJECT (item), "mp-bound", NULL);
  g_object_set_data (G_OBJECT (item), "mp-bound-item", NULL);
  g_hash_table_remove (table->live_items, item);
  g_hash_table_remove (table->title_items, item);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           const MpCellColumn       *col)
{
  MpCellTable *table = g_object_get_data (G_OBJECT (factory), "mp-cell-table");
  guint index = col - table->columns;
  GtkWidget *cell = gtk_list_item_get_child (item);
  GtkWidget *expander = g_object_get_data (G_OBJECT (cell), "mp-expander");
  gpointer row = gtk_list_item_get_item (item);
  g_autoptr(MpRecord) rec = NULL;

  if (row != NULL && row == g_object_get_data (G_OBJECT (item), "mp-bound-item"))
    return; /* the same item at another position */
  if (g_object_get_data (G_OBJECT (item), "mp-bound-item") != NULL)
    release_cell (table, item, col);
  rec = mp_cell_table_item_record (item);
  if (rec == NULL)
    return;
  g_object_set_data_full (G_OBJECT (item), "mp-bound-item", g_object_ref (row), g_object_unref);
  if (expander != NULL)
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), gtk_list_item_get_item (item));
  refresh_cell (table, cell, rec);
  g_object_set_data (G_OBJECT (item), "mp-notify-handler",
                     GSIZE_TO_POINTER (g_signal_connect (rec, "notify", G_CALLBACK (on_record_notify), item)));
  g_object_set_data_full (G_OBJECT (item), "mp-bound", g_object_ref (rec), g_object_unref);
  if (col->flags & MP_COLUMN_LIVE)
    g_hash_table_add (table->live_items, item);
  if (col->editor != NULL && col->editor->bind != NULL)
    col->editor->bind (table, item, cell, rec);
  if (index == table->title_column)
    {
      g_hash_table_add (table->title_items, item);
      label_row (item);
    }
}

/* The row is going (or its item is changing, for bind_cell to see). */
static void
teardown_cell (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const MpCellColumn       *col)
{
  MpCellTable *table = g_object_get_data (G_OBJECT (factory), "mp-cell-table");

  if (g_object_get_data (G_OBJECT (item), "mp-bound-item") != NULL)
    release_cell (table, item, col);
}

static gboolean
refresh_live_idle (gpointer data)
{
  MpCellTable *table = data;
  GHashTableIter iter;
  gpointer key;

  table->live_id = 0;
  g_hash_table_iter_init (&iter, table->live_items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GtkListItem *item = key;
      MpRecord *rec = g_object_get_data (G_OBJECT (item), "mp-bound");
      GtkWidget *cell = gtk_list_item_get_child (item);

      if (rec != NULL && spec_of (table, cell_spec_column (table, cell), rec)->kind != MP_CELL_NONE)
        refresh_cell (table, cell, rec);
    }
  return G_SOURCE_REMOVE;
}

void
mp_cell_table_refresh_live (MpCellTable *table)
{
  if (table->live_id == 0)
    table->live_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_live_idle, table, NULL);
}

/* ---- typing, adding, selecting ---- */

GtkWidget *
mp_cell_table_title_editor (MpCellTable *table,
                            MpRecord    *record)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table->title_items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_object_get_data (G_OBJECT (key), "mp-bound") == (gpointer) record)
      {
        GtkWidget *cell = gtk_list_item_get_child (key);
        GtkWidget *editor = mp_cell_table_cell_editor (cell, is_child (table, record));

        if (editor != NULL && GTK_IS_EDITABLE_LABEL (editor) && gtk_widget_get_mapped (editor))
          return editor;
      }
  return NULL;
}

static gboolean
start_pending_edit (gpointer data)
{
  MpCellTable *table = data;
  GtkWidget *editor;

  table->edit_id = 0;
  if (table->pending_edit == NULL)
    return G_SOURCE_REMOVE;
  editor = mp_cell_table_title_editor (table, table->pending_edit);
  if (editor == NULL)
    {
      /* Not laid out yet: after the next frame. */
      table->edit_id = g_timeout_add (20, start_pending_edit, table);
      return G_SOURCE_REMOVE;
    }
  g_clear_object (&table->pending_edit);
  gtk_widget_grab_focus (editor);
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (editor));
  gtk_editable_select_region (GTK_EDITABLE (editor), 0, -1);
  return G_SOURCE_REMOVE;
}

void
mp_cell_table_edit_when_shown (MpCellTable *table,
                               MpRecord    *record)
{
  g_set_object (&table->pending_edit, record);
  if (table->edit_id == 0)
    table->edit_id = g_timeout_add (20, start_pending_edit, table);
}

MpRecord *
mp_cell_table_get_selected (MpCellTable *table)
{
  gpointer it = gtk_single_selection_get_selected_item (table->selection);

  if (GTK_IS_TREE_LIST_ROW (it))
    return gtk_tree_list_row_get_item (it);
  return MP_IS_RECORD (it) ? g_object_ref (it) : NULL;
}

void
mp_cell_table_focus_selected (MpCellTable *table)
{
  g_autoptr(MpRecord) rec = mp_cell_table_get_selected (table);
  GtkWidget *editor = rec ? mp_cell_table_title_editor (table, rec) : NULL;

  if (editor != NULL && !gtk_widget_has_focus (editor))
    gtk_widget_grab_focus (editor);
}

void
mp_cell_table_select (MpCellTable *table,
                      guint        position)
{
  GtkWidget *list;

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (table->selection)))
    return;
  gtk_single_selection_set_selected (table->selection, position);
  /* GTK 4.8 has no gtk_column_view_scroll_to (4.12): the inner list
   * view's action does the scrolling. */
  list = find_descendant (GTK_WIDGET (table->view), GTK_TYPE_LIST_VIEW);
  if (list != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
}

void
mp_cell_table_add (MpCellTable *table,
                   GListStore  *store,
                   MpRecord    *record)
{
  guint selected = gtk_single_selection_get_selected (table->selection);
  guint position = selected != GTK_INVALID_LIST_POSITION ? selected + 1
                                                         : g_list_model_get_n_items (G_LIST_MODEL (store));

  g_return_if_fail (table->document != NULL);
  mp_document_insert (table->document, store, position, record);
  mp_cell_table_select (table, position);
  mp_cell_table_edit_when_shown (table, record);
}

gboolean
mp_cell_table_remove_selected (MpCellTable *table,
                               GListStore  *store)
{
  guint selected = gtk_single_selection_get_selected (table->selection);

  if (table->document == NULL || selected == GTK_INVALID_LIST_POSITION)
    return FALSE;
  mp_document_remove (table->document, store, selected);
  return TRUE;
}

/* Typing on a row (not in an editor) starts editing its first text cell
 * with what was typed. */
static gboolean
on_list_key (GtkEventControllerKey *key,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             MpCellTable           *table)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  g_autoptr(MpRecord) rec = NULL;
  GtkWidget *editor;
  char text[8] = { 0 };

  if (c == 0 || c == ' ' || !g_unichar_isprint (c) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;
  rec = mp_cell_table_get_selected (table);
  editor = rec ? mp_cell_table_title_editor (table, rec) : NULL;
  if (editor == NULL || gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (editor)))
    return FALSE;
  g_unichar_to_utf8 (c, text);
  gtk_widget_grab_focus (editor);
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (editor));
  gtk_editable_set_text (GTK_EDITABLE (editor), text);
  gtk_editable_set_position (GTK_EDITABLE (editor), -1);
  return TRUE;
}

/* A plain list's selected row went away (removed, undone): its
 * neighbour takes the selection, and the focus if the list had it. */
static gboolean
restore_selection_idle (gpointer data)
{
  MpCellTable *table = data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (table->selection));

  table->restore_id = 0;
  if (n > 0 && table->last_selected != GTK_INVALID_LIST_POSITION &&
      gtk_single_selection_get_selected (table->selection) == GTK_INVALID_LIST_POSITION)
    {
      gboolean had_focus = gtk_widget_get_focus_child (GTK_WIDGET (table->view)) != NULL;

      gtk_single_selection_set_selected (table->selection, MIN (table->last_selected, n - 1));
      if (had_focus)
        mp_cell_table_focus_selected (table);
    }
  return G_SOURCE_REMOVE;
}

static void
on_rows_changed (GListModel  *model,
                 guint        position,
                 guint        removed,
                 guint        added,
                 MpCellTable *table)
{
  if (table->child_type == G_TYPE_INVALID && removed > 0 && table->restore_id == 0 &&
      gtk_single_selection_get_selected (table->selection) == GTK_INVALID_LIST_POSITION)
    table->restore_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, restore_selection_idle, table, NULL);
  mp_cell_table_relabel_rows (table);
}

static void
on_selected (MpCellTable *table)
{
  guint pos = gtk_single_selection_get_selected (table->selection);

  if (pos != GTK_INVALID_LIST_POSITION)
    table->last_selected = pos;
}

/* ---- the table ---- */

/* The width a column needs: its values' (from the table) or its
 * header's in the UI's language, whichever is wider. */
static int
column_width (const MpCellColumn *col)
{
  GtkWidget *probe = g_object_ref_sink (gtk_label_new (_(col->title)));
  int natural = 0;

  int values = 0;

  gtk_widget_measure (probe, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  /* A choice's values are known: the widest one in the UI's language,
   * with the flat button's and the cell's padding. */
  for (guint k = 0; k < 2; k++)
    {
      const MpCellSpec *spec = k == 0 ? &col->row : &col->child;

      if (spec->kind != MP_CELL_CHOICE)
        continue;
      for (const char * const *l = spec->labels (); *l != NULL; l++)
        {
          int w = 0;

          gtk_label_set_text (GTK_LABEL (probe), *l);
          gtk_widget_measure (probe, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
          values = MAX (values, w + 24);
        }
    }
  /* A date's longest month in the UI's language (and a time beside it),
   * with the date button's padding and arrow. */
  for (guint k = 0; k < 2; k++)
    {
      const MpCellSpec *spec = k == 0 ? &col->row : &col->child;
      int date_w = 0, time_w = 0;

      if (spec->kind != MP_CELL_DATE && spec->kind != MP_CELL_DATETIME)
        continue;
      for (int month = 1; month <= 12; month++)
        {
          g_autofree char *text = mp_date_format (mp_date_from_ymd (2027, month, 28));
          int w = 0;

          gtk_label_set_text (GTK_LABEL (probe), text);
          gtk_widget_measure (probe, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
          date_w = MAX (date_w, w);
        }
      if (spec->time_field != 0 || spec->kind == MP_CELL_DATETIME)
        {
          g_autofree char *t = mp_time_format (23 * 60 + 59);

          gtk_label_set_text (GTK_LABEL (probe), t);
          gtk_widget_measure (probe, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &time_w, NULL, NULL);
          time_w += 10;
        }
      /* The button's padding and the cell's (no arrow), and the time
       * after it. */
      values = MAX (values, time_w > 0 ? date_w + 46 + time_w : date_w + 36);
    }
  g_object_unref (probe);
  /* The header's padding and the resize handle. */
  return MAX (MAX (col->width, values), natural + 28);
}

MpCellTable *
mp_cell_table_new (GtkColumnView      *view,
                   GtkSingleSelection *selection,
                   const MpCellColumn *columns,
                   guint               n_columns,
                   GType               child_type)
{
  MpCellTable *table = g_new0 (MpCellTable, 1);
  GtkEventController *key;

  table->view = view;
  table->selection = g_object_ref (selection);
  table->columns = columns;
  table->n_columns = n_columns;
  table->child_type = child_type;
  table->title_column = G_MAXUINT;
  table->last_selected = GTK_INVALID_LIST_POSITION;
  table->live_items = g_hash_table_new (NULL, NULL);
  table->title_items = g_hash_table_new (NULL, NULL);
  table->row_format = g_strdup (_("%s, row %u of %u"));
  table->child_format = g_strdup (table->row_format);
  for (guint i = 0; i < n_columns && table->title_column == G_MAXUINT; i++)
    if (columns[i].row.kind == MP_CELL_TEXT)
      table->title_column = i;

  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
  /* Rows of text (style.css). */
  gtk_widget_add_css_class (GTK_WIDGET (view), "cells");
  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "mp-cell-table", table);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) &columns[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) &columns[i]);
      g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cell), (gpointer) &columns[i]);
      column = gtk_column_view_column_new (_(columns[i].title), g_object_ref (factory));
      gtk_column_view_column_set_fixed_width (column, column_width (&columns[i]));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, (columns[i].flags & MP_COLUMN_EXPAND) != 0);
      gtk_column_view_append_column (view, column);
    }
  g_signal_connect (selection, "items-changed", G_CALLBACK (on_rows_changed), table);
  g_signal_connect_swapped (selection, "notify::selected", G_CALLBACK (on_selected), table);
  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_list_key), table);
  gtk_widget_add_controller (GTK_WIDGET (view), key);
  return table;
}

void
mp_cell_table_free (MpCellTable *table)
{
  if (table == NULL)
    return;
  g_clear_handle_id (&table->live_id, g_source_remove);
  g_clear_handle_id (&table->edit_id, g_source_remove);
  g_clear_handle_id (&table->restore_id, g_source_remove);
  /* Freed after the column view (the page's finalize): its rows were
   * unbound with the table still there. */
  g_signal_handlers_disconnect_by_data (table->selection, table);
  g_clear_object (&table->selection);
  g_clear_object (&table->document);
  g_clear_object (&table->pending_edit);
  g_hash_table_unref (table->live_items);
  g_hash_table_unref (table->title_items);
  g_free (table->row_format);
  g_free (table->child_format);
  g_free (table);
}

void
mp_cell_table_set_document (MpCellTable *table,
                            MpDocument  *document)
{
  g_set_object (&table->document, document);
  g_clear_object (&table->pending_edit);
  table->last_selected = GTK_INVALID_LIST_POSITION;
}

MpDocument *
mp_cell_table_get_document (MpCellTable *table)
{
  return table->document;
}

GtkColumnView *
mp_cell_table_get_view (MpCellTable *table)
{
  return table->view;
}

GtkSingleSelection *
mp_cell_table_get_selection (MpCellTable *table)
{
  return table->selection;
}

void
mp_cell_table_set_commit_func (MpCellTable      *table,
                               MpCellCommitFunc  func,
                               gpointer          user_data)
{
  table->commit = func;
  table->commit_data = user_data;
}

void
mp_cell_table_set_row_formats (MpCellTable *table,
                               const char  *format,
                               const char  *child_format)
{
  g_free (table->row_format);
  g_free (table->child_format);
  table->row_format = g_strdup (format);
  table->child_format = g_strdup (child_format ? child_format : format);
}

void
mp_cell_table_set_user_data (MpCellTable *table,
                             gpointer     data)
{
  table->user_data = data;
}

gpointer
mp_cell_table_get_user_data (MpCellTable *table)
{
  return table->user_data;
}

/* ---- Insert and Delete on a page ---- */

typedef struct {
  GCallback add;
  GCallback remove;
  gpointer  user_data;
} Shortcuts;

static gboolean
focus_in_text (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus));
}

static gboolean
shortcut_add (GtkWidget *widget,
              GVariant  *args,
              gpointer   data)
{
  Shortcuts *s = data;

  /* Insert while typing is the text's own key; Ctrl+Return is not. */
  if (g_variant_get_boolean (args) && focus_in_text (widget))
    return FALSE;
  ((void (*) (gpointer)) s->add) (s->user_data);
  return TRUE;
}

static gboolean
shortcut_remove (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   data)
{
  Shortcuts *s = data;

  if (focus_in_text (widget))
    return FALSE;
  ((void (*) (gpointer)) s->remove) (s->user_data);
  return TRUE;
}

static void
add_shortcut (GtkEventController *controller,
              guint               keyval,
              GdkModifierType     mods,
              GtkShortcutFunc     func,
              Shortcuts          *s,
              GVariant           *args)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, mods),
                                            gtk_callback_action_new (func, s, NULL));

  if (args != NULL)
    gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
}

void
mp_cell_table_add_shortcuts (GtkWidget *widget,
                             GCallback  add,
                             GCallback  remove,
                             gpointer   user_data)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  Shortcuts *s = g_new0 (Shortcuts, 1);

  s->add = add;
  s->remove = remove;
  s->user_data = user_data;
  g_object_set_data_full (G_OBJECT (controller), "mp-shortcuts", s, g_free);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  add_shortcut (controller, GDK_KEY_Insert, 0, shortcut_add, s, g_variant_new_boolean (TRUE));
  add_shortcut (controller, GDK_KEY_KP_Insert, 0, shortcut_add, s, g_variant_new_boolean (TRUE));
  add_shortcut (controller, GDK_KEY_Return, GDK_CONTROL_MASK, shortcut_add, s, g_variant_new_boolean (FALSE));
  add_shortcut (controller, GDK_KEY_Delete, 0, shortcut_remove, s, NULL);
  add_shortcut (controller, GDK_KEY_KP_Delete, 0, shortcut_remove, s, NULL);
  gtk_widget_add_controller (widget, controller);
}
