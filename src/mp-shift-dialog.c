/* mp-shift-dialog.c
 *
 * A GtkDialog with GTK's message dialog layout: GtkMessageDialog's class
 * is not public in GTK 4, so it cannot be the parent of a template.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-shift-dialog.h"

struct _MpShiftDialog
{
  GtkDialog  parent_instance;

  GtkLabel  *message;
  GtkLabel  *detail;
  GtkLabel  *changes;
};

G_DEFINE_FINAL_TYPE (MpShiftDialog, mp_shift_dialog, GTK_TYPE_DIALOG)

static void
mp_shift_dialog_class_init (MpShiftDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/MutualPlan/mp-shift-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MpShiftDialog, message);
  gtk_widget_class_bind_template_child (widget_class, MpShiftDialog, detail);
  gtk_widget_class_bind_template_child (widget_class, MpShiftDialog, changes);
}

static void
mp_shift_dialog_init (MpShiftDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mp_shift_dialog_new (GtkWindow  *parent,
                     const char *title,
                     int         days,
                     const char *changes)
{
  MpShiftDialog *self;
  g_autofree char *message = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  /* As gtk_message_dialog_new (): the buttons below, no header bar. */
  self = g_object_new (MP_TYPE_SHIFT_DIALOG, "use-header-bar", FALSE, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  message = g_strdup_printf (_("Move what depends on “%s” too?"), title);
  detail = g_strdup_printf (g_dngettext (NULL,
                                         "Moving it by %d day would also move these (each to a working day):",
                                         "Moving it by %d days would also move these (each to a working day):",
                                         ABS (days)),
                            days);
  gtk_label_set_text (self->message, message);
  gtk_label_set_text (self->detail, detail);
  gtk_label_set_text (self->changes, changes);
  gtk_dialog_set_default_response (GTK_DIALOG (self), MP_SHIFT_RESPONSE_WITH_DEPENDENTS);
  /* A screen reader says the question, as mp-a11y has it for a message
   * dialog (its window title, which nothing shows). */
  gtk_window_set_title (GTK_WINDOW (self), message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, message,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, detail, -1);
  return GTK_WIDGET (self);
}
