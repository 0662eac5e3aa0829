/* mp-a11y.c: names a screen reader can say, where GTK 4.8 has none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mp-a11y.h"

/* Set on a widget whose name this file keeps current (a drop-down, a
 * row named by its owner). */
#define FIELD_KEY  "mp-a11y-field"
#define TITLED_KEY "mp-a11y-titled"
#define HOOKED_KEY "mp-a11y-hooked"
#define OURS_KEY   "mp-a11y-ours"     /* a button this file named */

void
mp_a11y_set_label (GtkWidget  *widget,
                   const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (label != NULL && *label != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The text of the first visible label below @widget (breadth first), or NULL. */
static const char *
first_label_text (GtkWidget *widget)
{
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();

  g_ptr_array_add (queue, widget);
  for (guint i = 0; i < queue->len; i++)
    {
      GtkWidget *w = queue->pdata[i];

      if (GTK_IS_LABEL (w) && gtk_widget_get_visible (w))
        {
          const char *text = gtk_label_get_text (GTK_LABEL (w));

          if (text != NULL && *text != '\0')
            return text;
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (queue, c);
    }
  return NULL;
}

/* The first widget of @type below @widget, depth first. */
static GtkWidget *
first_of_type (GtkWidget *widget,
                       GType      type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (c, type) ? c : first_of_type (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* ---- drop-downs ---------------------------------------------------- */

static char *
drop_down_value (GtkDropDown *drop_down)
{
  gpointer item = gtk_drop_down_get_selected_item (drop_down);
  GtkExpression *expression = gtk_drop_down_get_expression (drop_down);
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (drop_down));

  if (item == NULL)
    return g_strdup (_("nothing chosen"));
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));
  if (expression != NULL)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (gtk_expression_evaluate (expression, item, &value) && G_VALUE_HOLDS_STRING (&value))
        return g_value_dup_string (&value);
    }
  /* A factory of its own: what the button shows. */
  return g_strdup (button != NULL ? first_label_text (button) : NULL);
}

static void
drop_down_update (GtkDropDown *drop_down)
{
  const char *field = g_object_get_data (G_OBJECT (drop_down), FIELD_KEY);
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
  g_autofree char *value = drop_down_value (drop_down);
  g_autofree char *label = NULL;

  if (value == NULL || *value == '\0')
    value = (g_free (value), g_strdup (_("nothing chosen")));
  /* TRANSLATORS: a drop-down as a screen reader says it: "Status: Done" */
  label = field != NULL ? g_strdup_printf (_("%s: %s"), field, value) : g_strdup (value);
  if (field != NULL)
    mp_a11y_set_label (GTK_WIDGET (drop_down), label);
  if (GTK_IS_TOGGLE_BUTTON (button))
    mp_a11y_set_label (button, label);
}

static void
drop_down_follow (GtkDropDown *drop_down)
{
  if (g_object_get_data (G_OBJECT (drop_down), HOOKED_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (drop_down), HOOKED_KEY, GINT_TO_POINTER (1));
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (drop_down_update), NULL);
  g_signal_connect (drop_down, "notify::model", G_CALLBACK (drop_down_update), NULL);
}

void
mp_a11y_drop_down_set_field (GtkDropDown *drop_down,
                             const char  *field)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  g_object_set_data_full (G_OBJECT (drop_down), FIELD_KEY, g_strdup (field), g_free);
  drop_down_follow (drop_down);
  drop_down_update (drop_down);
}

/* ---- rows ----------------------------------------------------------- */

/* The row widget that shows a list item: GTK 4.8 has no getter, but the
 * item's child sits in it (in a column view, in a cell of it). */
static GtkWidget *
row_of_child (GtkWidget *child)
{
  GType row_type = g_type_from_name ("GtkListItemWidget");

  for (GtkWidget *w = gtk_widget_get_parent (child); w != NULL; w = gtk_widget_get_parent (w))
    if (G_OBJECT_TYPE (w) == row_type)
      {
        GtkWidget *up = gtk_widget_get_parent (w);

        /* A cell is a GtkListItemWidget subclass in GTK 4.8: go on to its row. */
        if (up != NULL && G_OBJECT_TYPE (up) == row_type)
          return up;
        return w;
      }
  return NULL;
}

static guint
rows_in_list (GtkWidget *row)
{
  GtkWidget *view = gtk_widget_get_ancestor (row, GTK_TYPE_COLUMN_VIEW);
  GListModel *model = NULL;

  if (view != NULL)
    model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  else if ((view = gtk_widget_get_ancestor (row, GTK_TYPE_LIST_VIEW)) != NULL)
    model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

void
mp_a11y_list_item_set_title (GtkListItem *item,
                             const char  *title)
{
  GtkWidget *child, *row;
  g_autofree char *label = NULL;
  guint position, n;

  g_return_if_fail (GTK_IS_LIST_ITEM (item));

  child = gtk_list_item_get_child (item);
  row = child != NULL ? row_of_child (child) : NULL;
  position = gtk_list_item_get_position (item);
  if (row == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  n = rows_in_list (row);
  if (title == NULL || *title == '\0')
    title = _("Untitled");
  /* TRANSLATORS: a table row as a screen reader says it: "Security review, row 3 of 13" */
  label = g_strdup_printf (_("%s, row %u of %u"), title, position + 1, MAX (n, position + 1));
  g_object_set_data (G_OBJECT (row), TITLED_KEY, GINT_TO_POINTER (1));
  mp_a11y_set_label (row, label);
}

/* ---- GTK's own parts, named as they are mapped ---------------------- */

static GType type_list_item_widget, type_column_view_cell, type_column_view_title,
             type_column_list_view, type_builtin_icon, type_popover_content, type_paned_handle,
             type_shortcut_label;

/* The title of the column a cell is in: cells follow the visible columns. */
static const char *
cell_column_title (GtkWidget *cell)
{
  GtkWidget *view = gtk_widget_get_ancestor (cell, GTK_TYPE_COLUMN_VIEW);
  GListModel *columns;
  guint index = 0, visible = 0;

  if (view == NULL)
    return NULL;
  for (GtkWidget *w = gtk_widget_get_prev_sibling (cell); w != NULL; w = gtk_widget_get_prev_sibling (w))
    index++;
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (!gtk_column_view_column_get_visible (column))
        continue;
      if (visible++ == index)
        return gtk_column_view_column_get_title (column);
    }
  return NULL;
}

static const char *
image_meaning (GtkImage *image)
{
  static const struct { const char *icon; const char *meaning; } icons[] = {
    { "dialog-warning-symbolic", N_("Warning") },
    { "dialog-information-symbolic", N_("Information") },
    { "emblem-ok-symbolic", N_("Done") },
    { "x-office-calendar-symbolic", N_("Date") },
    { "mail-unread-symbolic", N_("Mail") },
    { "go-next-symbolic", N_("Next") },
    { "list-add-symbolic", N_("Add") },
    { "list-remove-symbolic", N_("Remove") },
    { "go-up-symbolic", N_("Up") },
    { "go-down-symbolic", N_("Down") },
    { "pan-down-symbolic", N_("Open") },
    { "pan-start-symbolic", N_("Previous") },
    { "pan-end-symbolic", N_("Next") },
    { "go-previous-symbolic", N_("Previous") },
    { "open-menu-symbolic", N_("Menu") },
    { "edit-find-symbolic", N_("Search") },
    { "window-close-symbolic", N_("Close") },
    { "zoom-in-symbolic", N_("Zoom In") },
    { "zoom-out-symbolic", N_("Zoom Out") },
    { "zoom-fit-best-symbolic", N_("Zoom to Fit") },
    { "view-dual-symbolic", N_("Details") },
  };
  const char *name = gtk_image_get_storage_type (image) == GTK_IMAGE_ICON_NAME
                     ? gtk_image_get_icon_name (image) : NULL;

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (icons); i++)
    if (g_str_equal (name, icons[i].icon))
      return _(icons[i].meaning);
  return _("Icon");
}

static void name_part (GtkWidget *widget);

/* A window is named by its title, which GTK leaves empty for a message
 * dialog (its message is the name: "Save the changes to “acme.mplan”
 * before closing?") and the shortcuts window. */
static gboolean
title_window (gpointer data)
{
  GtkWindow *dialog = data;
  const char *title = gtk_window_get_title (dialog);
  g_autofree char *text = NULL;

  if (GTK_IS_MESSAGE_DIALOG (dialog))
    g_object_get (dialog, "text", &text, NULL);
  else
    text = g_strdup (_("Keyboard Shortcuts"));
  if ((title == NULL || *title == '\0') && text != NULL)
    gtk_window_set_title (dialog, text);
  return G_SOURCE_REMOVE;
}

static void
name_tree (GtkWidget *widget)
{
  name_part (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    name_tree (c);
}

static void
name_stack_pages (GtkStack *stack)
{
  g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (stack));

  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (pages, i);
      GtkStackPage *page = GTK_STACK_PAGE (item);
      const char *text;

      /* The pages not shown are in the accessibility tree too, unmapped. */
      if (!gtk_widget_get_mapped (gtk_stack_page_get_child (page)))
        name_tree (gtk_stack_page_get_child (page));
      /* (GTK's shortcuts window titles its pages "_1", "_2"…) */
      if (gtk_stack_page_get_title (page) != NULL && gtk_stack_page_get_title (page)[0] != '_')
        continue;
      /* A page that is one label (a drop-down's "(None)"), else "Page". */
      text = GTK_IS_LABEL (gtk_stack_page_get_child (page))
             ? gtk_label_get_text (GTK_LABEL (gtk_stack_page_get_child (page))) : NULL;
      if (text == NULL || *text == '\0')
        text = first_label_text (gtk_stack_page_get_child (page));
      if (gtk_widget_get_first_child (gtk_stack_page_get_child (page)) != NULL &&
          !GTK_IS_LABEL (gtk_stack_page_get_child (page)) &&
          gtk_widget_get_ancestor (GTK_WIDGET (stack), GTK_TYPE_DROP_DOWN) == NULL)
        text = NULL;
      if (text == NULL)
        text = _("Page");
      if (text != NULL && *text != '\0')
        gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
}

/* Names @widget unless someone already did (GTK 4.8 has no getter for
 * an accessible property; its test API has the check). */
static void
name_if_unnamed (GtkWidget  *widget,
                 const char *label)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    mp_a11y_set_label (widget, label);
}

/* GTK registers its internal types when it first makes one. */
static void
resolve_types (void)
{
  static const struct { GType *type; const char *name; } internal[] = {
    { &type_list_item_widget, "GtkListItemWidget" },
    { &type_column_view_cell, "GtkColumnViewCell" },
    { &type_column_view_title, "GtkColumnViewTitle" },
    { &type_column_list_view, "GtkColumnListView" },
    { &type_builtin_icon, "GtkBuiltinIcon" },
    { &type_popover_content, "GtkPopoverContent" },
    { &type_paned_handle, "GtkPanedHandle" },
    { &type_shortcut_label, "GtkShortcutLabel" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (internal); i++)
    if (*internal[i].type == 0)
      *internal[i].type = g_type_from_name (internal[i].name);
}

/* Every visible label's text below @widget, joined with ", ". */
static char *
all_label_text (GtkWidget *widget)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();

  g_ptr_array_add (queue, widget);
  for (guint i = 0; i < queue->len; i++)
    {
      GtkWidget *w = queue->pdata[i];

      if (!gtk_widget_get_visible (w))
        continue;
      if (GTK_IS_LABEL (w) && *gtk_label_get_text (GTK_LABEL (w)) != '\0')
        g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", gtk_label_get_text (GTK_LABEL (w)));
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (queue, c);
    }
  return text->len > 0 ? g_strdup (text->str) : NULL;
}

/* An empty label is no object to read: hidden while it has no text. */
static void
label_follow_text (GtkLabel *label)
{
  const char *text = gtk_label_get_text (label);

  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN,
                               text == NULL || *text == '\0', -1);
}

/* A label without its mnemonic underscores: "_Save" → "Save", "__" → "_". */
static char *
strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] == '_')
        p++;
      else if (*p == '_')
        continue;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* What a button shows as text: its label, else its first label's. */
static const char *
button_text (GtkWidget *button,
             gboolean  *underline)
{
  const char *label = NULL;

  *underline = FALSE;
  if (GTK_IS_BUTTON (button))
    {
      label = gtk_button_get_label (GTK_BUTTON (button));
      *underline = gtk_button_get_use_underline (GTK_BUTTON (button));
    }
  else if (GTK_IS_MENU_BUTTON (button))
    {
      label = gtk_menu_button_get_label (GTK_MENU_BUTTON (button));
      *underline = gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (button));
    }
  else if (GTK_IS_CHECK_BUTTON (button))
    {
      label = gtk_check_button_get_label (GTK_CHECK_BUTTON (button));
      *underline = gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (button));
    }
  if (label == NULL || *label == '\0')
    {
      label = first_label_text (button);
      *underline = FALSE;
    }
  return label;
}

/* GTK 4.8 names a button by its label property (mnemonic and all:
 * "_Save") followed by every label that points at it as its mnemonic
 * widget ("Save"), so "_Save Save", "Add Goal Add Goal"; a button with
 * only an icon reads its type name. A button's name here is its own text
 * without the mnemonic, else its tooltip, else what its icon means; a
 * name its owner set stays, without the doubling. */
static void button_update_from (GtkWidget *button,
                                GtkWidget *source);

static void
button_update (GtkWidget *button)
{
  GtkWidget *parent = gtk_widget_get_parent (button);
  GtkWidget *source = GTK_IS_MENU_BUTTON (parent) ? parent : button;

  /* A menu button its owner named: GTK gives its button that name. */
  if (source != button && gtk_test_accessible_has_property (GTK_ACCESSIBLE (parent), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return;
  button_update_from (button, source);
}

static void
button_update_from (GtkWidget *button,
                    GtkWidget *source)
{
  gboolean underline;
  const char *text = button_text (source, &underline);
  /* GTK sets the label property to a button's raw label ("_Save"): a
   * mnemonic is always ours to fix, any other label its owner's. */
  gboolean owned = g_object_get_data (G_OBJECT (button), OURS_KEY) == NULL &&
                   gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
                   !(text != NULL && underline && strchr (text, '_') != NULL);
  g_autofree char *words = NULL;

  /* An explicit label is the whole name: no mnemonic label after it. */
  if ((text != NULL || gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL)) &&
      gtk_test_accessible_has_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  if (owned)
    return;
  if (text != NULL)
    words = underline ? strip_mnemonic (text) : g_strdup (text);
  else if (gtk_widget_get_tooltip_text (source) != NULL)
    words = g_strdup (gtk_widget_get_tooltip_text (source));
  else
    {
      GtkWidget *image = first_of_type (source, GTK_TYPE_IMAGE);

      if (image != NULL)
        words = g_strdup (image_meaning (GTK_IMAGE (image)));
    }
  /* Marked as ours, so the next update may change it. */
  g_object_set_data (G_OBJECT (button), OURS_KEY, GINT_TO_POINTER (1));
  mp_a11y_set_label (button, words);
}

static void
name_part (GtkWidget *widget)
{
  GType type = G_OBJECT_TYPE (widget);
  GtkWidget *parent = gtk_widget_get_parent (widget);

  resolve_types ();
  /* A label its owner set is the whole name; GTK 4.8 would read the
   * mnemonic label that points at the widget after it ("Send status
   * reports Send status reports"). */
  if (!GTK_IS_LABEL (widget) && !GTK_IS_BUTTON (widget) &&
      gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY) &&
      gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  if (GTK_IS_LABEL (widget))
    {
      if (type_shortcut_label != 0 && G_OBJECT_TYPE (parent) == type_shortcut_label)
        /* Its shortcut label says the keys (GTK names keys "Page_Up"). */
        gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      else if (*gtk_label_get_text (GTK_LABEL (widget)) == '\0' &&
               g_object_get_data (G_OBJECT (widget), HOOKED_KEY) == NULL)
        {
          g_object_set_data (G_OBJECT (widget), HOOKED_KEY, GINT_TO_POINTER (1));
          g_signal_connect (widget, "notify::label", G_CALLBACK (label_follow_text), NULL);
          label_follow_text (GTK_LABEL (widget));
        }
      return;
    }
  if ((GTK_IS_BUTTON (widget) && !GTK_IS_DROP_DOWN (parent)) || GTK_IS_CHECK_BUTTON (widget))
    {
      if (g_object_get_data (G_OBJECT (widget), HOOKED_KEY) == NULL)
        {
          g_object_set_data (G_OBJECT (widget), HOOKED_KEY, GINT_TO_POINTER (1));
          g_signal_connect (widget, "notify::label", G_CALLBACK (button_update), NULL);
          g_signal_connect (widget, "notify::tooltip-text", G_CALLBACK (button_update), NULL);
        }
      button_update (widget);
      return;
    }
  if (GTK_IS_MENU_BUTTON (widget))
    {
      gboolean underline;

      const char *text = button_text (widget, &underline);

      if (text == NULL)
        text = gtk_widget_get_tooltip_text (widget);
      if (text != NULL)
        {
          g_autofree char *words = underline ? strip_mnemonic (text) : g_strdup (text);

          name_if_unnamed (widget, words);
        }
      else if (gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUTS_WINDOW) != NULL)
        /* GTK's own: the shortcuts window's list of sections. */
        mp_a11y_set_label (widget, _("Sections"));
      return;
    }

  if (type == GTK_TYPE_SCROLLBAR)
    {
      const char *label = gtk_orientable_get_orientation (GTK_ORIENTABLE (widget)) == GTK_ORIENTATION_VERTICAL
                          ? _("Scroll up and down") : _("Scroll sideways");
      GtkWidget *range = gtk_widget_get_first_child (widget);

      name_if_unnamed (widget, label);
      if (range != NULL)
        name_if_unnamed (range, label);
    }
  else if (type == GTK_TYPE_DROP_DOWN)
    {
      drop_down_follow (GTK_DROP_DOWN (widget));
      drop_down_update (GTK_DROP_DOWN (widget));
    }
  else if (type == GTK_TYPE_STACK)
    {
      /* Pages added later (GTK's shortcuts window lays its pages out
       * when it is shown) are named as they come. */
      if (g_object_get_data (G_OBJECT (widget), HOOKED_KEY) == NULL)
        {
          GListModel *pages = G_LIST_MODEL (gtk_stack_get_pages (GTK_STACK (widget)));

          g_object_set_data_full (G_OBJECT (widget), HOOKED_KEY, pages, g_object_unref);
          g_signal_connect_object (pages, "items-changed", G_CALLBACK (name_stack_pages), widget,
                                   G_CONNECT_SWAPPED);
        }
      name_stack_pages (GTK_STACK (widget));
    }
  else if (type == GTK_TYPE_IMAGE)
    {
      /* An icon beside a button's text says nothing the text does not. */
      if (gtk_widget_get_ancestor (widget, GTK_TYPE_BUTTON) != NULL)
        gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      else
        name_if_unnamed (widget, image_meaning (GTK_IMAGE (widget)));
    }
  else if (type == type_column_view_title)
    name_if_unnamed (widget, first_label_text (widget));
  else if (type == type_column_view_cell)
    mp_a11y_set_label (widget, cell_column_title (widget));
  else if (type == type_list_item_widget)
    {
      /* A column view's row that its owner does not name: its position;
       * a row of a plain list (a drop-down's choices): its text. */
      if (g_object_get_data (G_OBJECT (widget), TITLED_KEY) != NULL)
        return;
      if (gtk_widget_get_ancestor (widget, GTK_TYPE_COLUMN_VIEW) != NULL && !GTK_IS_COLUMN_VIEW (parent))
        {
          guint index = 0;
          g_autofree char *label = NULL;

          for (GtkWidget *w = gtk_widget_get_prev_sibling (widget); w != NULL; w = gtk_widget_get_prev_sibling (w))
            index++;
          /* TRANSLATORS: a table row that has no title of its own */
          label = g_strdup_printf (_("Row %u of %u"), index + 1, MAX (rows_in_list (widget), index + 1));
          mp_a11y_set_label (widget, label);
        }
      else if (GTK_IS_COLUMN_VIEW (parent))
        mp_a11y_set_label (widget, _("Column headers"));
      else
        mp_a11y_set_label (widget, first_label_text (widget));
    }
  else if (type == type_column_list_view)
    mp_a11y_set_label (widget, _("Rows"));
  else if (type == type_builtin_icon)
    {
      const char *css = gtk_widget_get_css_name (widget);

      mp_a11y_set_label (widget, g_strcmp0 (css, "expander") == 0 ? _("Expander") : _("Arrow"));
    }
  else if (type == GTK_TYPE_LIST_VIEW)
    name_if_unnamed (widget, gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) != NULL ? _("Choices") : _("List"));
  else if (type == GTK_TYPE_POPOVER)
    name_if_unnamed (widget, _("Pop-up"));
  else if (type == type_popover_content)
    name_if_unnamed (widget, _("Pop-up"));
  else if (type == type_paned_handle)
    name_if_unnamed (widget, _("Divider"));
  else if (type == GTK_TYPE_OVERLAY)
    name_if_unnamed (widget, first_of_type (widget, GTK_TYPE_COLUMN_VIEW) != NULL
                             ? _("List") : first_label_text (widget));
  else if (GTK_IS_LIST_BOX_ROW (widget))
    {
      g_autofree char *text = all_label_text (widget);

      name_if_unnamed (widget, text);
    }
  else if (GTK_IS_MESSAGE_DIALOG (widget))
    /* Not while it maps: a new title then loses the window on the bus. */
    g_idle_add_full (G_PRIORITY_DEFAULT, title_window, g_object_ref (widget), g_object_unref);
  else if (type == GTK_TYPE_SEARCH_ENTRY)
    {
      /* GTK's own (the shortcuts window's) has an empty label. */
      if (gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUTS_WINDOW) != NULL)
        mp_a11y_set_label (widget, _("Search"));
      else
        name_if_unnamed (widget, _("Search"));
    }
  else if (type == GTK_TYPE_STACK_SIDEBAR)
    name_if_unnamed (widget, _("Pages"));
  else if (type == type_shortcut_label)
    {
      g_autofree char *keys = all_label_text (widget);

      g_strdelimit (keys, "_", ' ');
      mp_a11y_set_label (widget, keys != NULL ? keys : _("Keys"));
    }
  else if (GTK_IS_SHORTCUTS_WINDOW (widget))
    g_idle_add_full (G_PRIORITY_DEFAULT, title_window, g_object_ref (widget), g_object_unref);
  else if (type == GTK_TYPE_FLOW_BOX)
    name_if_unnamed (widget, _("List"));
  else if (type == GTK_TYPE_FLOW_BOX_CHILD)
    {
      g_autofree char *text = all_label_text (widget);

      name_if_unnamed (widget, text != NULL ? text : _("Item"));
    }
  else if (type == GTK_TYPE_TEXT_VIEW)
    name_if_unnamed (widget, _("Text"));
  else if (type == GTK_TYPE_STACK_SWITCHER)
    name_if_unnamed (widget, _("Sections"));
  else if (type == GTK_TYPE_PANED)
    name_if_unnamed (widget, _("Split view"));
  else if (type == GTK_TYPE_FRAME)
    {
      const char *text = gtk_frame_get_label (GTK_FRAME (widget));

      if (text == NULL)
        text = first_label_text (widget);
      /* A frame around a text field (GTK 4.8's text view has no border). */
      if (text == NULL && first_of_type (widget, GTK_TYPE_TEXT_VIEW) != NULL)
        text = _("Text box");
      name_if_unnamed (widget, text);
    }
}

static gboolean
on_map (GSignalInvocationHint *hint,
        guint                  n_params,
        const GValue          *params,
        gpointer               user_data)
{
  GObject *object = g_value_get_object (&params[0]);

  /* A window's parts that are not shown yet (a search bar, the pages of
   * a stack) are in the accessibility tree too: all of them, once. */
  if (GTK_IS_WINDOW (object) && g_object_get_data (object, HOOKED_KEY) == NULL)
    {
      g_object_set_data (object, HOOKED_KEY, GINT_TO_POINTER (1));
      name_tree (GTK_WIDGET (object));
    }
  else if (GTK_IS_WIDGET (object))
    name_part (GTK_WIDGET (object));
  return TRUE;
}

void
mp_a11y_init (void)
{
  static gsize done;

  if (!g_once_init_enter (&done))
    return;
  /* Internal types: make sure they are registered (an unused widget type
   * may not be yet), then compare by GType. */
  g_type_ensure (GTK_TYPE_COLUMN_VIEW);
  g_type_ensure (GTK_TYPE_POPOVER);
  g_type_ensure (GTK_TYPE_PANED);
  type_list_item_widget = g_type_from_name ("GtkListItemWidget");
  type_column_view_cell = g_type_from_name ("GtkColumnViewCell");
  type_column_view_title = g_type_from_name ("GtkColumnViewTitle");
  type_column_list_view = g_type_from_name ("GtkColumnListView");
  type_builtin_icon = g_type_from_name ("GtkBuiltinIcon");
  type_popover_content = g_type_from_name ("GtkPopoverContent");
  type_paned_handle = g_type_from_name ("GtkPanedHandle");
  g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, on_map, NULL, NULL);
  g_once_init_leave (&done, 1);
}
