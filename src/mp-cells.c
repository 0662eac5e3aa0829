/* mp-cells.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-cells.h"
#include "mp-date-button.h"
#include "mp-participant-picker.h"
#include "mp-refs-button.h"

typedef enum {
  CELL_TEXT,
  CELL_BOOL,
  CELL_ENUM,
  CELL_DATE,
  CELL_PARTICIPANT,
  CELL_REFS,
  CELL_INT,
  CELL_LOCAL_DATETIME,
} CellKind;

typedef struct {
  MpCellHost *host;
  CellKind    kind;
  guint       field;
  char       *accessible_label;
  char       *placeholder;
  GStrv       labels;
  MpParty     party;
  MpRefKind   ref;
  int         min;
  int         max;
  gboolean    allow_none;
} CellInfo;

static void
cell_info_free (gpointer data)
{
  CellInfo *info = data;

  g_free (info->accessible_label);
  g_free (info->placeholder);
  g_strfreev (info->labels);
  g_free (info);
}

/* ---- the widget ↔ list item ↔ record links ---- */

static GtkListItem *
cell_list_item (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "mp-list-item");
}

static CellInfo *
cell_info (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "mp-cell-info");
}

static gboolean
cell_syncing (GtkWidget *widget)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "mp-syncing")) > 0;
}

static void
cell_set_syncing (GtkWidget *widget,
                  gboolean   on)
{
  int n = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "mp-syncing"));

  g_object_set_data (G_OBJECT (widget), "mp-syncing", GINT_TO_POINTER (on ? n + 1 : n - 1));
}

/* The record of the row and the document, or FALSE when either is gone. */
static gboolean
cell_target (GtkWidget   *widget,
             MpRecord   **record,
             MpDocument **document)
{
  GtkListItem *li = cell_list_item (widget);
  CellInfo *info = cell_info (widget);
  gpointer item;

  if (li == NULL || info == NULL || cell_syncing (widget))
    return FALSE;
  item = gtk_list_item_get_item (li);
  if (!MP_IS_RECORD (item) || info->host->document == NULL)
    return FALSE;
  *record = item;
  *document = info->host->document;
  return TRUE;
}

/* ---- text ---- */

static void
text_commit (GtkWidget *entry)
{
  MpRecord *record;
  MpDocument *document;
  const char *text, *old;

  if (!cell_target (entry, &record, &document))
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (entry));
  old = mp_record_get_string (record, cell_info (entry)->field);
  if (g_strcmp0 (text, old != NULL ? old : "") == 0)
    return;
  mp_document_set_string (document, record, cell_info (entry)->field, text);
}

static void
text_refresh (GtkWidget *entry,
              MpRecord  *record)
{
  const char *value = mp_record_get_string (record, cell_info (entry)->field);

  gtk_editable_set_text (GTK_EDITABLE (entry), value != NULL ? value : "");
}

static gboolean
text_key_pressed (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  GtkWidget             *entry)
{
  GtkListItem *li = cell_list_item (entry);

  if (keyval != GDK_KEY_Escape || li == NULL || !MP_IS_RECORD (gtk_list_item_get_item (li)))
    return FALSE;
  text_refresh (entry, gtk_list_item_get_item (li));
  return TRUE;
}

/* ---- date and time ---- */

static void
datetime_commit (GtkWidget *box)
{
  MpRecord *record;
  MpDocument *document;
  GtkWidget *date_button = gtk_widget_get_first_child (box);
  GtkWidget *time_entry = gtk_widget_get_next_sibling (date_button);
  MpDate date = mp_date_button_get_date (MP_DATE_BUTTON (date_button));
  int minutes = 0;
  g_autofree char *value = NULL;
  const char *text;

  if (!cell_target (box, &record, &document))
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (time_entry));
  if (!mp_time_parse (text, &minutes))
    {
      MpDate old_date;

      /* Not a time: put the model's value back. */
      if (!mp_local_datetime_parse (mp_record_get_string (record, cell_info (box)->field), &old_date, &minutes))
        minutes = 9 * 60;
      gtk_widget_error_bell (time_entry);
    }
  if (date == MP_DATE_NONE)
    date = mp_date_today ();
  value = mp_local_datetime_format (date, minutes);
  if (g_strcmp0 (value, mp_record_get_string (record, cell_info (box)->field)) != 0)
    mp_document_set_string (document, record, cell_info (box)->field, value);
  else
    {
      g_autofree char *shown = mp_time_format (minutes);
      gtk_editable_set_text (GTK_EDITABLE (time_entry), shown);
    }
}

static void
datetime_refresh (GtkWidget *box,
                  MpRecord  *record)
{
  GtkWidget *date_button = gtk_widget_get_first_child (box);
  GtkWidget *time_entry = gtk_widget_get_next_sibling (date_button);
  MpDate date = MP_DATE_NONE;
  int minutes = MP_TIME_NONE;
  g_autofree char *time_text = NULL;

  if (mp_local_datetime_parse (mp_record_get_string (record, cell_info (box)->field), &date, &minutes))
    time_text = mp_time_format (minutes);
  mp_date_button_set_date (MP_DATE_BUTTON (date_button), date);
  gtk_editable_set_text (GTK_EDITABLE (time_entry), time_text != NULL ? time_text : "");
}

/* ---- the other kinds ---- */

static void
on_bool_toggled (GtkCheckButton *check)
{
  MpRecord *record;
  MpDocument *document;

  if (cell_target (GTK_WIDGET (check), &record, &document))
    mp_document_set_bool (document, record, cell_info (GTK_WIDGET (check))->field,
                          gtk_check_button_get_active (check));
}

static void
on_enum_selected (GtkDropDown *drop_down)
{
  MpRecord *record;
  MpDocument *document;
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (selected != GTK_INVALID_LIST_POSITION &&
      cell_target (GTK_WIDGET (drop_down), &record, &document))
    mp_document_set_int (document, record, cell_info (GTK_WIDGET (drop_down))->field, (int) selected);
}

static void
on_date_chosen (MpDateButton *button,
                guint         date)
{
  MpRecord *record;
  MpDocument *document;

  if (cell_target (GTK_WIDGET (button), &record, &document))
    mp_document_set_date (document, record, cell_info (GTK_WIDGET (button))->field, date);
}

static void
on_participant_chosen (MpParticipantPicker *picker,
                       const char          *id)
{
  MpRecord *record;
  MpDocument *document;

  if (cell_target (GTK_WIDGET (picker), &record, &document))
    mp_document_set_string (document, record, cell_info (GTK_WIDGET (picker))->field, id);
}

static void
on_ids_chosen (MpRefsButton *button,
               GStrv         ids)
{
  MpRecord *record;
  MpDocument *document;

  if (cell_target (GTK_WIDGET (button), &record, &document))
    mp_document_set_strv (document, record, cell_info (GTK_WIDGET (button))->field,
                          (const char * const *) ids);
}

static void
on_int_changed (GtkSpinButton *spin)
{
  MpRecord *record;
  MpDocument *document;

  if (cell_target (GTK_WIDGET (spin), &record, &document))
    mp_document_set_int (document, record, cell_info (GTK_WIDGET (spin))->field,
                         gtk_spin_button_get_value_as_int (spin));
}

static gboolean
on_int_output (GtkSpinButton *spin)
{
  /* The spin button's own GtkEditable ignores set_text here: write to
   * its text delegate. */
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (spin));
  const char *zero = g_object_get_data (G_OBJECT (spin), "mp-zero-label");
  int value = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *shown = value == 0 ? g_strdup (zero) : g_strdup_printf ("%d", value);

  if (g_strcmp0 (shown, gtk_editable_get_text (text)) != 0)
    gtk_editable_set_text (text, shown);
  return TRUE;
}

static int
on_int_input (GtkSpinButton *spin,
              double        *value)
{
  const char *zero = g_object_get_data (G_OBJECT (spin), "mp-zero-label");
  const char *text = gtk_editable_get_text (gtk_editable_get_delegate (GTK_EDITABLE (spin)));
  char *end = NULL;
  gint64 n;

  if (g_utf8_collate (text, zero) == 0 || *text == '\0')
    {
      *value = 0;
      return TRUE;
    }
  n = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0')
    return GTK_INPUT_ERROR;
  *value = (double) n;
  return TRUE;
}

static void
on_date_part_chosen (MpDateButton *button)
{
  datetime_commit (gtk_widget_get_parent (GTK_WIDGET (button)));
}

static void
on_time_activate (GtkWidget *entry)
{
  datetime_commit (gtk_widget_get_parent (entry));
}

/* Focus inside a cell selects its row, so Remove and Delete act on
 * the row the user is working in. Leaving a text cell commits it. */
static void
on_cell_focus_enter (GtkEventControllerFocus *controller,
                     GtkWidget               *widget)
{
  GtkListItem *li = cell_list_item (widget);
  CellInfo *info = cell_info (widget);
  guint position;

  if (li == NULL || info == NULL || info->host->selection == NULL)
    return;
  position = gtk_list_item_get_position (li);
  if (position != GTK_INVALID_LIST_POSITION &&
      gtk_single_selection_get_selected (info->host->selection) != position)
    gtk_single_selection_set_selected (info->host->selection, position);
}

static void
on_cell_focus_leave (GtkEventControllerFocus *controller,
                     GtkWidget               *widget)
{
  CellInfo *info = cell_info (widget);

  if (info == NULL)
    return;
  if (info->kind == CELL_TEXT)
    text_commit (widget);
  else if (info->kind == CELL_LOCAL_DATETIME)
    datetime_commit (widget);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *li,
          CellInfo                 *info)
{
  GtkWidget *widget = NULL;
  GtkEventController *focus;

  switch (info->kind)
    {
    case CELL_TEXT:
      {
        GtkEventController *keys = gtk_event_controller_key_new ();

        widget = gtk_entry_new ();
        gtk_entry_set_has_frame (GTK_ENTRY (widget), FALSE);
        gtk_editable_set_width_chars (GTK_EDITABLE (widget), 6);
        if (info->placeholder != NULL)
          gtk_entry_set_placeholder_text (GTK_ENTRY (widget), info->placeholder);
        g_signal_connect (widget, "activate", G_CALLBACK (text_commit), NULL);
        g_signal_connect (keys, "key-pressed", G_CALLBACK (text_key_pressed), widget);
        gtk_widget_add_controller (widget, keys);
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, info->accessible_label, -1);
        break;
      }
    case CELL_BOOL:
      widget = gtk_check_button_new ();
      gtk_widget_set_halign (widget, GTK_ALIGN_CENTER);
      g_signal_connect (widget, "toggled", G_CALLBACK (on_bool_toggled), NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, info->accessible_label, -1);
      break;
    case CELL_ENUM:
      widget = gtk_drop_down_new_from_strings ((const char * const *) info->labels);
      g_signal_connect (widget, "notify::selected", G_CALLBACK (on_enum_selected), NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, info->accessible_label, -1);
      break;
    case CELL_DATE:
      widget = mp_date_button_new ();
      mp_date_button_set_allow_none (MP_DATE_BUTTON (widget), info->allow_none);
      mp_date_button_set_accessible_label (MP_DATE_BUTTON (widget), info->accessible_label);
      if (info->placeholder != NULL)
        mp_date_button_set_placeholder (MP_DATE_BUTTON (widget), info->placeholder);
      g_signal_connect (widget, "date-chosen", G_CALLBACK (on_date_chosen), NULL);
      break;
    case CELL_PARTICIPANT:
      widget = mp_participant_picker_new ();
      mp_participant_picker_set_party (MP_PARTICIPANT_PICKER (widget), info->party);
      if (info->placeholder != NULL)
        mp_participant_picker_set_none_label (MP_PARTICIPANT_PICKER (widget), info->placeholder);
      mp_participant_picker_set_accessible_label (MP_PARTICIPANT_PICKER (widget), info->accessible_label);
      g_signal_connect (widget, "participant-chosen", G_CALLBACK (on_participant_chosen), NULL);
      break;
    case CELL_REFS:
      widget = mp_refs_button_new (info->ref);
      mp_refs_button_set_accessible_label (MP_REFS_BUTTON (widget), info->accessible_label);
      g_signal_connect (widget, "ids-chosen", G_CALLBACK (on_ids_chosen), NULL);
      break;
    case CELL_INT:
      widget = gtk_spin_button_new_with_range (info->min, info->max, 1);
      if (info->placeholder != NULL)
        {
          /* The zero value has a name ("Once"). */
          gtk_editable_set_width_chars (GTK_EDITABLE (widget), MAX (3, (int) g_utf8_strlen (info->placeholder, -1)));
          g_object_set_data_full (G_OBJECT (widget), "mp-zero-label", g_strdup (info->placeholder), g_free);
          g_signal_connect (widget, "output", G_CALLBACK (on_int_output), NULL);
          g_signal_connect (widget, "input", G_CALLBACK (on_int_input), NULL);
        }
      else
        gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (widget), TRUE);
      g_signal_connect (widget, "value-changed", G_CALLBACK (on_int_changed), NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, info->accessible_label, -1);
      break;
    case CELL_LOCAL_DATETIME:
      {
        GtkWidget *date_button = mp_date_button_new ();
        GtkWidget *time_entry = gtk_entry_new ();
        /* Translators: the accessible name of the time entry beside a date
         * button; %s is the date's name, e.g. "First meeting, time". */
        g_autofree char *time_label = g_strdup_printf (_("%s, time"), info->accessible_label);

        widget = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
        mp_date_button_set_allow_none (MP_DATE_BUTTON (date_button), FALSE);
        mp_date_button_set_accessible_label (MP_DATE_BUTTON (date_button), info->accessible_label);
        g_signal_connect (date_button, "date-chosen", G_CALLBACK (on_date_part_chosen), NULL);
        gtk_editable_set_width_chars (GTK_EDITABLE (time_entry), 5);
        gtk_editable_set_max_width_chars (GTK_EDITABLE (time_entry), 5);
        gtk_entry_set_placeholder_text (GTK_ENTRY (time_entry), "09:00");
        gtk_accessible_update_property (GTK_ACCESSIBLE (time_entry),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, time_label, -1);
        g_signal_connect (time_entry, "activate", G_CALLBACK (on_time_activate), NULL);
        gtk_box_append (GTK_BOX (widget), date_button);
        gtk_box_append (GTK_BOX (widget), time_entry);
        break;
      }
    default:
      g_assert_not_reached ();
    }

  g_object_set_data (G_OBJECT (widget), "mp-list-item", li);
  g_object_set_data (G_OBJECT (widget), "mp-cell-info", info);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus_enter), widget);
  g_signal_connect (focus, "leave", G_CALLBACK (on_cell_focus_leave), widget);
  gtk_widget_add_controller (widget, focus);

  gtk_list_item_set_child (li, widget);
}

static void
refresh (GtkListItem *li)
{
  GtkWidget *widget = gtk_list_item_get_child (li);
  CellInfo *info = cell_info (widget);
  MpRecord *record = gtk_list_item_get_item (li);

  if (!MP_IS_RECORD (record))
    return;

  cell_set_syncing (widget, TRUE);
  switch (info->kind)
    {
    case CELL_TEXT:
      text_refresh (widget, record);
      break;
    case CELL_BOOL:
      gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), mp_record_get_bool (record, info->field));
      break;
    case CELL_ENUM:
      gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), (guint) mp_record_get_int (record, info->field));
      break;
    case CELL_DATE:
      mp_date_button_set_date (MP_DATE_BUTTON (widget), mp_record_get_date (record, info->field));
      break;
    case CELL_PARTICIPANT:
      mp_participant_picker_set_plan (MP_PARTICIPANT_PICKER (widget),
                                      info->host->document ? mp_document_get_plan (info->host->document) : NULL);
      mp_participant_picker_set_participant_id (MP_PARTICIPANT_PICKER (widget),
                                                mp_record_get_string (record, info->field));
      break;
    case CELL_REFS:
      mp_refs_button_set_plan (MP_REFS_BUTTON (widget),
                               info->host->document ? mp_document_get_plan (info->host->document) : NULL);
      mp_refs_button_set_ids (MP_REFS_BUTTON (widget), mp_record_get_strv (record, info->field));
      break;
    case CELL_INT:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), mp_record_get_int (record, info->field));
      break;
    case CELL_LOCAL_DATETIME:
      datetime_refresh (widget, record);
      break;
    default:
      g_assert_not_reached ();
    }
  cell_set_syncing (widget, FALSE);
}

static char *
field_property (MpRecord *record,
                guint     field)
{
  const MpField *fields = mp_record_get_fields (record, NULL);

  return g_strdelimit (g_strconcat ("notify::", fields[field].name, NULL), "_", '-');
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *li,
         CellInfo                 *info)
{
  MpRecord *record = gtk_list_item_get_item (li);
  g_autofree char *signal = NULL;

  if (!MP_IS_RECORD (record))
    return;
  signal = field_property (record, info->field);
  g_signal_connect_object (record, signal, G_CALLBACK (refresh), li, G_CONNECT_SWAPPED);
  refresh (li);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *li,
           CellInfo                 *info)
{
  GtkWidget *widget = gtk_list_item_get_child (li);
  MpRecord *record = gtk_list_item_get_item (li);

  if (!MP_IS_RECORD (record))
    return;
  /* A text being typed when the row goes away (scrolling) is kept. */
  if ((info->kind == CELL_TEXT || info->kind == CELL_LOCAL_DATETIME) && widget != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (widget);
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && gtk_widget_is_ancestor (focus, widget))
        {
          if (info->kind == CELL_TEXT)
            text_commit (widget);
          else
            datetime_commit (widget);
        }
    }
  g_signal_handlers_disconnect_by_func (record, refresh, li);
}

static GtkColumnViewColumn *
column_new (CellInfo   *info,
            const char *title)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), info);
  g_object_set_data_full (G_OBJECT (factory), "mp-cell-info", info, cell_info_free);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  return column;
}

static CellInfo *
info_new (MpCellHost *host,
          CellKind    kind,
          guint       field,
          const char *accessible_label)
{
  CellInfo *info = g_new0 (CellInfo, 1);

  info->host = host;
  info->kind = kind;
  info->field = field;
  info->accessible_label = g_strdup (accessible_label);
  info->party = MP_PARTY_BOTH;
  return info;
}

GtkColumnViewColumn *
mp_cell_column_text (MpCellHost *host,
                     const char *title,
                     guint       field,
                     const char *accessible_label,
                     const char *placeholder)
{
  CellInfo *info = info_new (host, CELL_TEXT, field, accessible_label);
  GtkColumnViewColumn *column;

  info->placeholder = g_strdup (placeholder);
  column = column_new (info, title);
  gtk_column_view_column_set_expand (column, TRUE);
  return column;
}

GtkColumnViewColumn *
mp_cell_column_bool (MpCellHost *host,
                     const char *title,
                     guint       field,
                     const char *accessible_label)
{
  return column_new (info_new (host, CELL_BOOL, field, accessible_label), title);
}

GtkColumnViewColumn *
mp_cell_column_enum (MpCellHost         *host,
                     const char         *title,
                     guint               field,
                     const char         *accessible_label,
                     const char * const *labels)
{
  CellInfo *info = info_new (host, CELL_ENUM, field, accessible_label);

  info->labels = g_strdupv ((char **) labels);
  return column_new (info, title);
}

GtkColumnViewColumn *
mp_cell_column_date (MpCellHost *host,
                     const char *title,
                     guint       field,
                     const char *accessible_label,
                     gboolean    allow_none)
{
  CellInfo *info = info_new (host, CELL_DATE, field, accessible_label);

  info->allow_none = allow_none;
  return column_new (info, title);
}

GtkColumnViewColumn *
mp_cell_column_participant (MpCellHost *host,
                            const char *title,
                            guint       field,
                            const char *accessible_label,
                            MpParty     party,
                            const char *none_label)
{
  CellInfo *info = info_new (host, CELL_PARTICIPANT, field, accessible_label);

  info->party = party;
  info->placeholder = g_strdup (none_label);
  return column_new (info, title);
}

GtkColumnViewColumn *
mp_cell_column_refs (MpCellHost *host,
                     const char *title,
                     guint       field,
                     const char *accessible_label,
                     MpRefKind   kind)
{
  CellInfo *info = info_new (host, CELL_REFS, field, accessible_label);
  GtkColumnViewColumn *column;

  info->ref = kind;
  column = column_new (info, title);
  gtk_column_view_column_set_expand (column, TRUE);
  return column;
}

GtkColumnViewColumn *
mp_cell_column_int (MpCellHost *host,
                    const char *title,
                    guint       field,
                    const char *accessible_label,
                    int         min,
                    int         max)
{
  CellInfo *info = info_new (host, CELL_INT, field, accessible_label);

  info->min = min;
  info->max = max;
  return column_new (info, title);
}

GtkColumnViewColumn *
mp_cell_column_int_named_zero (MpCellHost *host,
                               const char *title,
                               guint       field,
                               const char *accessible_label,
                               int         min,
                               int         max,
                               const char *zero_label)
{
  CellInfo *info = info_new (host, CELL_INT, field, accessible_label);

  info->min = min;
  info->max = max;
  info->placeholder = g_strdup (zero_label);
  return column_new (info, title);
}

GtkColumnViewColumn *
mp_cell_column_date_with_placeholder (MpCellHost *host,
                                      const char *title,
                                      guint       field,
                                      const char *accessible_label,
                                      const char *placeholder)
{
  CellInfo *info = info_new (host, CELL_DATE, field, accessible_label);

  info->allow_none = TRUE;
  info->placeholder = g_strdup (placeholder);
  return column_new (info, title);
}

GtkColumnViewColumn *
mp_cell_column_local_datetime (MpCellHost *host,
                               const char *title,
                               guint       field,
                               const char *accessible_label)
{
  return column_new (info_new (host, CELL_LOCAL_DATETIME, field, accessible_label), title);
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
mp_cell_host_select (MpCellHost    *host,
                     GtkColumnView *view,
                     guint          position)
{
  GtkWidget *list;

  g_return_if_fail (host != NULL && host->selection != NULL);

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (host->selection)))
    return;
  gtk_single_selection_set_selected (host->selection, position);
  /* GTK 4.8 has no gtk_column_view_scroll_to (4.12): the inner list
   * view's action does the scrolling. */
  list = find_list_view (GTK_WIDGET (view));
  if (list != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
}

MpRecord *
mp_cell_host_get_selected (MpCellHost *host)
{
  g_return_val_if_fail (host != NULL, NULL);

  if (host->selection == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (host->selection);
}

static gboolean
focus_record_in (GtkWidget *widget,
                 MpRecord  *record)
{
  GtkListItem *li = cell_list_item (widget);
  CellInfo *info = cell_info (widget);

  if (li != NULL && info != NULL && info->kind == CELL_TEXT &&
      gtk_list_item_get_item (li) == (gpointer) record && gtk_widget_get_mapped (widget))
    {
      gtk_widget_grab_focus (widget);
      gtk_editable_select_region (GTK_EDITABLE (widget), 0, -1);
      return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (focus_record_in (child, record))
      return TRUE;
  return FALSE;
}

typedef struct {
  GtkWidget *view;
  MpRecord  *record;
  int        tries;
} FocusLater;

static gboolean
focus_later_tick (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  FocusLater *later = data;

  if (focus_record_in (later->view, later->record) || ++later->tries > 10)
    return G_SOURCE_REMOVE;
  return G_SOURCE_CONTINUE;
}

static void
focus_later_free (gpointer data)
{
  FocusLater *later = data;

  g_object_unref (later->record);
  g_free (later);
}

void
mp_cell_host_focus_record (GtkColumnView *view,
                           MpRecord      *record)
{
  FocusLater *later;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (MP_IS_RECORD (record));

  later = g_new0 (FocusLater, 1);
  later->view = GTK_WIDGET (view);
  later->record = g_object_ref (record);
  gtk_widget_add_tick_callback (GTK_WIDGET (view), focus_later_tick, later, focus_later_free);
}

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

  return focus != NULL && (GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus) || GTK_IS_EDITABLE (focus));
}

static gboolean
shortcut_add (GtkWidget *widget,
              GVariant  *args,
              gpointer   data)
{
  Shortcuts *s = data;

  /* Insert in a text field is the text's own key; Ctrl+Return is not. */
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

void
mp_cells_add_shortcuts (GtkWidget *widget,
                        GCallback  add,
                        GCallback  remove,
                        gpointer   user_data)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  Shortcuts *s = g_new0 (Shortcuts, 1);
  GtkShortcut *shortcut;

  s->add = add;
  s->remove = remove;
  s->user_data = user_data;
  g_object_set_data_full (G_OBJECT (controller), "mp-shortcuts", s, g_free);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Insert, 0),
                               gtk_callback_action_new (shortcut_add, s, NULL));
  gtk_shortcut_set_arguments (shortcut, g_variant_new_boolean (TRUE));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Insert, 0),
                               gtk_callback_action_new (shortcut_add, s, NULL));
  gtk_shortcut_set_arguments (shortcut, g_variant_new_boolean (TRUE));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                               gtk_callback_action_new (shortcut_add, s, NULL));
  gtk_shortcut_set_arguments (shortcut, g_variant_new_boolean (FALSE));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                               gtk_callback_action_new (shortcut_remove, s, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                               gtk_callback_action_new (shortcut_remove, s, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (widget, controller);
}

GtkWidget *
mp_cells_tool_button (const char *icon_name,
                      const char *mnemonic_label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic_label);
  g_autofree char *name = NULL;

  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
      gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (box), icon);
    }
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
  name = g_strdup (gtk_label_get_text (GTK_LABEL (label)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return button;
}
