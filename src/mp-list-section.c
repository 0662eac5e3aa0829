/* mp-list-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-list-section.h"

struct _MpListSection
{
  GtkWidget             parent_instance;

  GtkWidget            *box;
  GtkWidget            *header;
  GtkWidget            *column_view;
  GtkWidget            *add_button;
  GtkWidget            *remove_button;
  GtkWidget            *empty_label;

  MpCellHost            host;
  GListStore           *store;
  MpListSectionNewFunc  new_func;
  gpointer              new_data;
};

G_DEFINE_FINAL_TYPE (MpListSection, mp_list_section, GTK_TYPE_WIDGET)

static void
update_empty (MpListSection *self)
{
  guint n = self->store != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->store)) : 0;

  gtk_widget_set_visible (self->empty_label, self->store != NULL && n == 0);
  gtk_widget_set_sensitive (self->remove_button, n > 0);
  gtk_widget_set_sensitive (self->add_button, self->store != NULL);
}

MpRecord *
mp_list_section_add (MpListSection *self)
{
  g_autoptr(MpRecord) record = NULL;
  guint position, selected;

  g_return_val_if_fail (MP_IS_LIST_SECTION (self), NULL);

  if (self->store == NULL || self->host.document == NULL || self->new_func == NULL)
    return NULL;
  record = self->new_func (self->new_data);
  if (record == NULL)
    return NULL;
  selected = gtk_single_selection_get_selected (self->host.selection);
  position = selected != GTK_INVALID_LIST_POSITION ? selected + 1
                                                   : g_list_model_get_n_items (G_LIST_MODEL (self->store));
  mp_document_insert (self->host.document, self->store, position, record);
  mp_cell_host_select (&self->host, GTK_COLUMN_VIEW (self->column_view), position);
  mp_cell_host_focus_record (GTK_COLUMN_VIEW (self->column_view), record);
  return record;
}

void
mp_list_section_remove_selected (MpListSection *self)
{
  guint selected;

  g_return_if_fail (MP_IS_LIST_SECTION (self));

  selected = gtk_single_selection_get_selected (self->host.selection);
  if (self->store == NULL || self->host.document == NULL || selected == GTK_INVALID_LIST_POSITION)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  mp_document_remove (self->host.document, self->store, selected);
}

gboolean
mp_list_section_select (MpListSection *self,
                        MpRecord      *record)
{
  guint position;

  g_return_val_if_fail (MP_IS_LIST_SECTION (self), FALSE);

  if (self->store == NULL || record == NULL || !g_list_store_find (self->store, record, &position))
    return FALSE;
  mp_cell_host_select (&self->host, GTK_COLUMN_VIEW (self->column_view), position);
  return TRUE;
}

MpCellHost *
mp_list_section_get_host (MpListSection *self)
{
  g_return_val_if_fail (MP_IS_LIST_SECTION (self), NULL);

  return &self->host;
}

GtkColumnView *
mp_list_section_get_column_view (MpListSection *self)
{
  g_return_val_if_fail (MP_IS_LIST_SECTION (self), NULL);

  return GTK_COLUMN_VIEW (self->column_view);
}

GtkWidget *
mp_list_section_get_header (MpListSection *self)
{
  g_return_val_if_fail (MP_IS_LIST_SECTION (self), NULL);

  return self->header;
}

void
mp_list_section_append_column (MpListSection       *self,
                               GtkColumnViewColumn *column)
{
  g_return_if_fail (MP_IS_LIST_SECTION (self));

  gtk_column_view_append_column (GTK_COLUMN_VIEW (self->column_view), column);
  g_object_unref (column);
}

void
mp_list_section_set_new_func (MpListSection        *self,
                              MpListSectionNewFunc  func,
                              gpointer              user_data)
{
  g_return_if_fail (MP_IS_LIST_SECTION (self));

  self->new_func = func;
  self->new_data = user_data;
}

void
mp_list_section_set_store (MpListSection *self,
                           MpDocument    *document,
                           GListStore    *store)
{
  g_return_if_fail (MP_IS_LIST_SECTION (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, update_empty, self);
  g_set_object (&self->host.document, document);
  g_set_object (&self->store, store);
  gtk_single_selection_set_model (self->host.selection, G_LIST_MODEL (store));
  if (store != NULL)
    g_signal_connect_swapped (store, "items-changed", G_CALLBACK (update_empty), self);
  update_empty (self);
}

static void
add_activated (MpListSection *self)
{
  mp_list_section_add (self);
}

static void
mp_list_section_dispose (GObject *object)
{
  MpListSection *self = MP_LIST_SECTION (object);

  mp_list_section_set_store (self, NULL, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->host.selection);
  G_OBJECT_CLASS (mp_list_section_parent_class)->dispose (object);
}

static void
mp_list_section_class_init (MpListSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_list_section_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mplistsection");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mp_list_section_init (MpListSection *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  /* A layout-manager widget does not take its children's expand. */
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  self->host.selection = gtk_single_selection_new (NULL);
}

GtkWidget *
mp_list_section_new (const char *title,
                     const char *heading_class,
                     const char *add_label,
                     const char *empty_text,
                     const char *list_label)
{
  MpListSection *self = g_object_new (MP_TYPE_LIST_SECTION, NULL);
  GtkWidget *heading, *spacer, *scrolled, *overlay;
  g_autofree char *remove_tip = NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  heading = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
  gtk_widget_add_css_class (heading, heading_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL,
                                  g_str_equal (heading_class, "title-2") ? 2 : 3, -1);
  gtk_box_append (GTK_BOX (self->header), heading);
  spacer = gtk_label_new (NULL);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (self->header), spacer);

  self->add_button = mp_cells_tool_button ("list-add-symbolic", add_label);
  gtk_widget_set_tooltip_text (self->add_button, _("Add a row (Insert)"));
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_activated), self);
  gtk_box_append (GTK_BOX (self->header), self->add_button);
  self->remove_button = mp_cells_tool_button ("list-remove-symbolic", _("_Remove"));
  remove_tip = g_strdup_printf (_("Remove the selected row of “%s” (Delete)"), title);
  gtk_widget_set_tooltip_text (self->remove_button, remove_tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, remove_tip, -1);
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (mp_list_section_remove_selected), self);
  gtk_box_append (GTK_BOX (self->header), self->remove_button);
  gtk_box_append (GTK_BOX (self->box), self->header);

  self->column_view = gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->host.selection)));
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (self->column_view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, list_label, -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->column_view);
  gtk_widget_set_vexpand (scrolled, TRUE);

  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), scrolled);
  self->empty_label = gtk_label_new (empty_text);
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->empty_label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_can_target (self->empty_label, FALSE);
  gtk_widget_set_visible (self->empty_label, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->empty_label);
  gtk_box_append (GTK_BOX (self->box), overlay);

  mp_cells_add_shortcuts (GTK_WIDGET (self), G_CALLBACK (add_activated),
                          G_CALLBACK (mp_list_section_remove_selected), self);
  update_empty (self);
  return GTK_WIDGET (self);
}
