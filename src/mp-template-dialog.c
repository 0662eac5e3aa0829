/* mp-template-dialog.c
 *
 * The preview is the plan that Create would make (mp_templates_create ()
 * for the template and target shown), so the dates cannot disagree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-date-button.h"
#include "mp-dialog-util.h"
#include "mp-format.h"
#include "mp-template-dialog.h"
#include "mp-templates.h"

struct _MpTemplateDialog
{
  GtkWindow              parent_instance;

  GtkWidget             *create_button;
  GtkWidget             *templates;
  GtkWidget             *target;
  GtkWidget             *steps;
  GtkWidget             *note;
  GtkWidget             *customer;
  GtkWidget             *deal;
  GtkWidget             *seller_contact;
  GtkWidget             *customer_contact;
  GtkWidget             *customer_label;
  GtkWidget             *deal_label;
  GtkWidget             *seller_contact_label;
  GtkWidget             *customer_contact_label;

  MpTemplateCreatedFunc  callback;
  gpointer               user_data;
  gboolean               disposed; /* the entries say "changed" as they go */
};

G_DEFINE_FINAL_TYPE (MpTemplateDialog, mp_template_dialog, GTK_TYPE_WINDOW)

const char *
mp_template_dialog_get_template (MpTemplateDialog *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (MP_IS_TEMPLATE_DIALOG (self), NULL);

  row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->templates));
  return row != NULL ? mp_templates_get_id ((guint) gtk_list_box_row_get_index (row)) : NULL;
}

void
mp_template_dialog_set_template (MpTemplateDialog *self,
                                 const char       *id)
{
  g_return_if_fail (MP_IS_TEMPLATE_DIALOG (self));

  for (guint i = 0; i < mp_templates_get_n (); i++)
    if (g_strcmp0 (mp_templates_get_id (i), id) == 0)
      gtk_list_box_select_row (GTK_LIST_BOX (self->templates),
                               gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->templates), (int) i));
}

MpDate
mp_template_dialog_get_target (MpTemplateDialog *self)
{
  g_return_val_if_fail (MP_IS_TEMPLATE_DIALOG (self), MP_DATE_NONE);

  return mp_date_button_get_date (MP_DATE_BUTTON (self->target));
}

void
mp_template_dialog_set_target (MpTemplateDialog *self,
                               MpDate            target)
{
  g_return_if_fail (MP_IS_TEMPLATE_DIALOG (self));

  mp_date_button_set_date (MP_DATE_BUTTON (self->target), target);
}

static MpPlan *
make_plan (MpTemplateDialog  *self,
           gboolean          *laid_forward,
           GError           **error)
{
  const char *id = mp_template_dialog_get_template (self);
  MpTemplateDetails details = {
    .customer = gtk_editable_get_text (GTK_EDITABLE (self->customer)),
    .title = gtk_editable_get_text (GTK_EDITABLE (self->deal)),
    .seller_contact = gtk_editable_get_text (GTK_EDITABLE (self->seller_contact)),
    .customer_contact = gtk_editable_get_text (GTK_EDITABLE (self->customer_contact)),
    .today = MP_DATE_NONE,
  };
  g_autofree char *title = NULL;

  /* No title typed: "Customer – Mutual Action Plan". */
  if (*details.title == '\0' && *details.customer != '\0')
    details.title = title = g_strdup_printf (_("%s – Mutual Action Plan"), details.customer);
  return mp_templates_create_for (id, mp_template_dialog_get_target (self), &details, laid_forward, error);
}

static void
refresh (MpTemplateDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean laid_forward = FALSE;
  g_autoptr(MpPlan) plan = self->disposed ? NULL : make_plan (self, &laid_forward, &error);
  GtkWidget *child;
  GListModel *ms;

  if (self->disposed)
    return;
  while ((child = gtk_widget_get_first_child (self->steps)) != NULL)
    gtk_grid_remove (GTK_GRID (self->steps), child);
  if (plan == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->note), error->message);
      gtk_widget_set_sensitive (self->create_button, FALSE);
      return;
    }
  gtk_widget_set_sensitive (self->create_button, TRUE);

  ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  for (guint i = 0; i < g_list_model_get_n_items (ms); i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, i);
      g_autofree char *due = mp_format_date_long (mp_milestone_get_due (m));
      GtkWidget *title = gtk_label_new (mp_milestone_get_title (m));
      GtkWidget *date = gtk_label_new (due);
      GtkWidget *side = gtk_label_new (mp_format_party (mp_milestone_get_responsible (m)));

      gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_label_set_xalign (GTK_LABEL (date), 0.0f);
      gtk_label_set_xalign (GTK_LABEL (side), 0.0f);
      gtk_widget_add_css_class (side, "dim-label");
      gtk_grid_attach (GTK_GRID (self->steps), title, 0, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (self->steps), date, 1, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (self->steps), side, 2, (int) i, 1, 1);
    }

  if (laid_forward)
    {
      g_autofree char *last = NULL;
      g_autofree char *text = NULL;
      guint n = g_list_model_get_n_items (ms);
      g_autoptr(MpMilestone) m = n > 0 ? g_list_model_get_item (ms, n - 1) : NULL;

      last = mp_format_date (m ? mp_milestone_get_due (m) : mp_plan_get_start (plan));
      text = g_strdup_printf (_("The target is too close for these steps: they start today instead, the last is due "
                                "on %s. Choose a later target date, or shorten the steps after creating the plan."),
                              last);

      gtk_label_set_text (GTK_LABEL (self->note), text);
      gtk_widget_add_css_class (self->note, "warning");
      gtk_widget_remove_css_class (self->note, "dim-label");
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->note),
                          _("Dates are laid out backwards from the target, keeping the template’s buffer before it "
                            "and skipping weekends. Owners are placeholders: replace them on the People page."));
      gtk_widget_remove_css_class (self->note, "warning");
      gtk_widget_add_css_class (self->note, "dim-label");
    }
}

void
mp_template_dialog_create (MpTemplateDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = NULL;
  MpTemplateCreatedFunc callback;

  g_return_if_fail (MP_IS_TEMPLATE_DIALOG (self));

  plan = make_plan (self, NULL, &error);
  if (plan == NULL)
    {
      mp_dialog_show_message (GTK_WINDOW (self), GTK_MESSAGE_ERROR, _("Could not create the plan"), error->message);
      return;
    }
  callback = self->callback;
  self->callback = NULL;
  g_object_ref (self);
  gtk_window_destroy (GTK_WINDOW (self));
  if (callback != NULL)
    callback (plan, self->user_data);
  g_object_unref (self);
}

static GtkWidget *
template_row (guint index)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (mp_templates_get_name (index));
  GtkWidget *description = gtk_label_new (mp_templates_get_description (index));
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (description), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), description);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, mp_templates_get_id (index));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  mp_templates_get_name (index),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, mp_templates_get_description (index), -1);
  return row;
}

static void
mp_template_dialog_dispose (GObject *object)
{
  MP_TEMPLATE_DIALOG (object)->disposed = TRUE;
  G_OBJECT_CLASS (mp_template_dialog_parent_class)->dispose (object);
}

static void
mp_template_dialog_class_init (MpTemplateDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = mp_template_dialog_dispose;

  g_type_ensure (MP_TYPE_DATE_BUTTON);
  mp_dialog_class_set_template (widget_class, "/com/example/MutualPlan/mp-template-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MpTemplateDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, MpTemplateDialog, templates);
  gtk_widget_class_bind_template_child (widget_class, MpTemplateDialog, target);
  gtk_widget_class_bind_template_child (widget_class, MpTemplateDialog, steps);
  gtk_widget_class_bind_template_child (widget_class, MpTemplateDialog, note);
  gtk_widget_class_bind_template_child (widget_class, MpTemplateDialog, customer);
  gtk_widget_class_bind_template_child (widget_class, MpTemplateDialog, customer_label);
  gtk_widget_class_bind_template_child (widget_class, MpTemplateDialog, deal);
  gtk_widget_class_bind_template_child (widget_class, MpTemplateDialog, deal_label);
  gtk_widget_class_bind_template_child (widget_class, MpTemplateDialog, seller_contact);
  gtk_widget_class_bind_template_child (widget_class, MpTemplateDialog, seller_contact_label);
  gtk_widget_class_bind_template_child (widget_class, MpTemplateDialog, customer_contact);
  gtk_widget_class_bind_template_child (widget_class, MpTemplateDialog, customer_contact_label);
  gtk_widget_class_bind_template_callback (widget_class, refresh);
  gtk_widget_class_bind_template_callback (widget_class, mp_template_dialog_create);
}

static void
mp_template_dialog_init (MpTemplateDialog *self)
{
  MpDate target;
  int y, m, d;
  GDate date;

  gtk_widget_init_template (GTK_WIDGET (self));

  {
    /* Each entry is called what its label says, without the mnemonic. */
    GtkWidget *entries[] = { self->customer, self->deal, self->seller_contact, self->customer_contact };
    GtkWidget *labels[] = { self->customer_label, self->deal_label, self->seller_contact_label,
                            self->customer_contact_label };

    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      mp_dialog_set_accessible_label (entries[i], gtk_label_get_text (GTK_LABEL (labels[i])));
  }

  mp_date_button_set_allow_none (MP_DATE_BUTTON (self->target), FALSE);
  mp_date_button_set_accessible_label (MP_DATE_BUTTON (self->target), _("Target date"));
  /* About three months from today. */
  mp_date_to_ymd (mp_date_today (), &y, &m, &d);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  g_date_add_months (&date, 3);
  target = mp_date_from_ymd (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
  mp_date_button_set_date (MP_DATE_BUTTON (self->target), target);

  /* The rows, one per built-in template (selecting the first refreshes). */
  for (guint i = 0; i < mp_templates_get_n (); i++)
    gtk_list_box_append (GTK_LIST_BOX (self->templates), template_row (i));
  gtk_list_box_select_row (GTK_LIST_BOX (self->templates),
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->templates), 0));
  refresh (self);
}

MpTemplateDialog *
mp_template_dialog_present (GtkWindow             *parent,
                            MpTemplateCreatedFunc  callback,
                            gpointer               user_data)
{
  MpTemplateDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (MP_TYPE_TEMPLATE_DIALOG, NULL);
  self->callback = callback;
  self->user_data = user_data;
  mp_dialog_set_parent (GTK_WINDOW (self), parent);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
