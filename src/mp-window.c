/* mp-window.c: a window on one plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-format.h"
#include "mp-model.h"
#include "mp-plan-io.h"
#include "mp-window.h"

struct _MpWindow
{
  GtkApplicationWindow  parent_instance;

  MpPlan               *plan;
  GFile                *file;
  GCancellable         *cancellable;

  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkStack             *stack;
  GtkLabel             *empty_label;
  GtkLabel             *plan_title;
  GtkLabel             *plan_facts;
  GtkColumnView        *milestone_view;
};

G_DEFINE_FINAL_TYPE (MpWindow, mp_window, GTK_TYPE_APPLICATION_WINDOW)

typedef enum {
  COL_TITLE,
  COL_RESPONSIBLE,
  COL_SELLER_OWNER,
  COL_CUSTOMER_OWNER,
  COL_START,
  COL_DUE,
  COL_STATUS,
  N_COLUMNS
} Column;

static const struct {
  const char *title;
  gboolean    expand;
} columns[N_COLUMNS] = {
  [COL_TITLE] = { N_("Milestone"), TRUE },
  [COL_RESPONSIBLE] = { N_("Responsible"), FALSE },
  [COL_SELLER_OWNER] = { N_("Seller owner"), FALSE },
  [COL_CUSTOMER_OWNER] = { N_("Customer owner"), FALSE },
  [COL_START] = { N_("Start"), FALSE },
  [COL_DUE] = { N_("Due"), FALSE },
  [COL_STATUS] = { N_("Status"), FALSE },
};

static char *
cell_text (MpWindow    *self,
           MpMilestone *m,
           Column       col)
{
  switch (col)
    {
    case COL_TITLE:
      return g_strdup (mp_milestone_get_title (m));
    case COL_RESPONSIBLE:
      return g_strdup (mp_format_party (mp_milestone_get_responsible (m)));
    case COL_SELLER_OWNER:
      return g_strdup (mp_format_participant (self->plan, mp_milestone_get_seller_owner (m)));
    case COL_CUSTOMER_OWNER:
      return g_strdup (mp_format_participant (self->plan, mp_milestone_get_customer_owner (m)));
    case COL_START:
      return mp_format_date (mp_milestone_get_start (m));
    case COL_DUE:
      {
        g_autofree char *date = mp_format_date (mp_milestone_get_due (m));
        g_autofree char *time = mp_time_format (mp_milestone_get_time (m));

        return time ? g_strdup_printf ("%s, %s", date, time) : g_steal_pointer (&date);
      }
    case COL_STATUS:
      return g_strdup (mp_format_status (mp_milestone_get_status (m)));
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  MpWindow *self = user_data;
  Column col = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  MpMilestone *m = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = cell_text (self, m, col);
  gboolean dropped = mp_milestone_get_status (m) == MP_STATUS_DROPPED;
  gboolean overdue = mp_milestone_get_status (m) != MP_STATUS_DONE && !dropped &&
                     mp_milestone_get_due (m) < mp_date_today ();

  gtk_label_set_text (label, text);
  /* Dropped milestones stay visible, struck through; overdue ones are marked. */
  if (dropped)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dropped");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dropped");
  if (overdue && (col == COL_DUE || col == COL_TITLE))
    gtk_widget_add_css_class (GTK_WIDGET (label), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "overdue");
}

static void
setup_columns (MpWindow *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
      column = gtk_column_view_column_new (_(columns[i].title), g_object_ref (factory));
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->milestone_view, column);
    }
}

static void
update_title (MpWindow *self)
{
  const char *title = self->plan ? mp_plan_get_title (self->plan) : _("MutualPlan");
  g_autofree char *name = NULL;

  if (self->file != NULL)
    name = g_file_get_basename (self->file);
  else if (self->plan != NULL)
    name = g_strdup (_("Sample plan (not saved)"));

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, name ? name : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), name != NULL);
  gtk_window_set_title (GTK_WINDOW (self), name ? name : title);
}

static void
update_facts (MpWindow *self)
{
  GString *facts = g_string_new (NULL);
  const char *customer = mp_plan_get_customer (self->plan);
  const char *vendor = mp_plan_get_vendor (self->plan);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_milestones (self->plan)));

  if (customer && *customer)
    g_string_append_printf (facts, _("Customer: %s"), customer);
  if (vendor && *vendor)
    g_string_append_printf (facts, "%s%s", facts->len ? "  ·  " : "", vendor);
  if (mp_plan_get_target (self->plan) != MP_DATE_NONE)
    {
      g_autofree char *target = mp_format_date (mp_plan_get_target (self->plan));
      g_string_append_printf (facts, "%s", facts->len ? "  ·  " : "");
      g_string_append_printf (facts, _("Target: %s"), target);
    }
  g_string_append_printf (facts, "%s", facts->len ? "  ·  " : "");
  g_string_append_printf (facts, g_dngettext (GETTEXT_PACKAGE, "%u milestone", "%u milestones", n), n);

  gtk_label_set_text (self->plan_title, mp_plan_get_title (self->plan));
  gtk_label_set_text (self->plan_facts, facts->str);
  g_string_free (facts, TRUE);
}

static void
set_plan (MpWindow *self,
          MpPlan   *plan,
          GFile    *file)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_set_object (&self->plan, plan);
  g_set_object (&self->file, file);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (mp_plan_get_milestones (plan))));
  gtk_column_view_set_model (self->milestone_view, GTK_SELECTION_MODEL (selection));
  update_facts (self);
  update_title (self);
  gtk_stack_set_visible_child_name (self->stack, "plan");
}

static void
show_error (MpWindow   *self,
            const char *primary,
            const char *secondary)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                              "%s", primary);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  MpPlan *plan = mp_plan_load_from_file (G_FILE (task_data), cancellable, &error);

  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, g_object_unref);
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  MpWindow *self = MP_WINDOW (source);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = g_task_propagate_pointer (G_TASK (result), &error);

  if (plan == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *primary = g_strdup_printf (_("Could not open “%s”"), name);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (self->plan == NULL)
        gtk_label_set_text (self->empty_label, primary);
      show_error (self, primary, error->message);
      return;
    }
  set_plan (self, plan, file);
}

void
mp_window_load_file (MpWindow *self,
                     GFile    *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, self->cancellable, load_done, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

void
mp_window_load_sample (MpWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = NULL;

  bytes = g_resources_lookup_data ("/com/example/MutualPlan/sample.mplan", 0, &error);
  g_assert_no_error (error); /* compiled into the program */
  plan = mp_plan_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 "sample.mplan", &error);
  if (plan == NULL)
    {
      show_error (self, _("Could not open the sample plan"), error->message);
      return;
    }
  set_plan (self, plan, NULL);
}

MpPlan *
mp_window_get_plan (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);
  return self->plan;
}

GFile *
mp_window_get_file (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);
  return self->file;
}

static void
open_response (GtkNativeDialog *dialog,
               int              response,
               gpointer         user_data)
{
  MpWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (self->plan == NULL)
        mp_window_load_file (self, file);
      else
        {
          MpWindow *window = mp_window_new (MP_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
          gtk_window_present (GTK_WINDOW (window));
          mp_window_load_file (window, file);
        }
    }
  g_object_unref (dialog);
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) plans = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Plan"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (plans, _("Plans (*.mplan, *.json)"));
  gtk_file_filter_add_pattern (plans, "*.mplan");
  gtk_file_filter_add_pattern (plans, "*.json");
  gtk_file_filter_add_mime_type (plans, "application/x-mutualplan");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), plans);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
mp_window_dispose (GObject *object)
{
  MpWindow *self = MP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (mp_window_parent_class)->dispose (object);
}

static void
mp_window_finalize (GObject *object)
{
  MpWindow *self = MP_WINDOW (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (mp_window_parent_class)->finalize (object);
}

static void
mp_window_class_init (MpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_window_dispose;
  object_class->finalize = mp_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/MutualPlan/mp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MpWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, empty_label);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, plan_title);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, plan_facts);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, milestone_view);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
}

static void
mp_window_init (MpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  setup_columns (self);
  update_title (self);
}

MpWindow *
mp_window_new (MpApplication *app)
{
  return g_object_new (MP_TYPE_WINDOW, "application", app, NULL);
}
