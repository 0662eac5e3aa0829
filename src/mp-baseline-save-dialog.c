/* mp-baseline-save-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-baseline-chooser.h"
#include "mp-baseline-compare.h"
#include "mp-baseline-save-dialog.h"
#include "mp-dialog-util.h"
#include "mp-format.h"
#include "mp-model.h"

struct _MpBaselineSaveDialog
{
  GtkWindow   parent_instance;

  MpDocument *document;

  GtkWidget  *save_button;
  GtkWidget  *intro;
  GtkWidget  *entry;
  GtkWidget  *existing;
};

G_DEFINE_FINAL_TYPE (MpBaselineSaveDialog, mp_baseline_save_dialog, GTK_TYPE_WINDOW)

static void
name_changed (MpBaselineSaveDialog *self)
{
  g_autofree char *name = NULL;

  /* Not while the dialog goes: the entry says "changed" then too. */
  if (self->document == NULL)
    return;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  gtk_widget_set_sensitive (self->save_button, *name != '\0');
}

void
mp_baseline_save_dialog_save (MpBaselineSaveDialog *self)
{
  g_autofree char *name = NULL;
  g_autoptr(MpBaseline) baseline = NULL;
  MpPlan *plan;
  GListStore *baselines;

  g_return_if_fail (MP_IS_BASELINE_SAVE_DIALOG (self));

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  if (*name == '\0' || self->document == NULL)
    return;
  plan = mp_document_get_plan (self->document);
  baselines = mp_plan_get_baselines (plan);
  baseline = mp_baseline_new_from_plan (plan, name, NULL);
  mp_document_begin (self->document, _("Save Baseline"));
  mp_document_insert (self->document, baselines, g_list_model_get_n_items (G_LIST_MODEL (baselines)),
                      MP_RECORD (baseline));
  mp_document_end (self->document);
  gtk_window_destroy (GTK_WINDOW (self));
}

static guint
count_kept (MpPlan *plan)
{
  GListModel *ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (ms); i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, i);

      if (mp_milestone_get_status (m) != MP_STATUS_DROPPED)
        n++;
    }
  return n;
}

static void
mp_baseline_save_dialog_dispose (GObject *object)
{
  MpBaselineSaveDialog *self = MP_BASELINE_SAVE_DIALOG (object);

  g_clear_object (&self->document);
  G_OBJECT_CLASS (mp_baseline_save_dialog_parent_class)->dispose (object);
}

static void
mp_baseline_save_dialog_class_init (MpBaselineSaveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_baseline_save_dialog_dispose;

  mp_dialog_class_set_template (widget_class, "/com/example/MutualPlan/mp-baseline-save-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MpBaselineSaveDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, MpBaselineSaveDialog, intro);
  gtk_widget_class_bind_template_child (widget_class, MpBaselineSaveDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, MpBaselineSaveDialog, existing);
  gtk_widget_class_bind_template_callback (widget_class, name_changed);
  gtk_widget_class_bind_template_callback (widget_class, mp_baseline_save_dialog_save);
}

static void
mp_baseline_save_dialog_init (MpBaselineSaveDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
mp_baseline_save_dialog_present (GtkWindow  *parent,
                                 MpDocument *doc)
{
  MpBaselineSaveDialog *self;
  MpPlan *plan;
  MpBaseline *latest;
  g_autofree char *today = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  guint n;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MP_IS_DOCUMENT (doc), NULL);

  self = g_object_new (MP_TYPE_BASELINE_SAVE_DIALOG, NULL);
  self->document = g_object_ref (doc);
  plan = mp_document_get_plan (doc);
  mp_dialog_set_parent (GTK_WINDOW (self), parent);

  n = count_kept (plan);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "A baseline keeps today’s start and due date of the %u milestone that is not "
                                       "dropped, so that you can see later what moved since both sides agreed.",
                                       "A baseline keeps today’s start and due dates of the %u milestones that are not "
                                       "dropped, so that you can see later what moved since both sides agreed.", n),
                          n);
  gtk_label_set_text (GTK_LABEL (self->intro), text);

  today = mp_format_date (mp_date_today ());
  /* Translators: the proposed name of a new baseline, "Agreed on 11 Jan 2027". */
  name = g_strdup_printf (_("Agreed on %s"), today);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), name);

  latest = mp_plan_get_latest_baseline (plan);
  if (latest != NULL)
    {
      g_autofree char *described = mp_baseline_describe (latest);
      guint count = g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_baselines (plan)));
      g_autofree char *existing =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The plan has %u baseline; the latest is “%s”. It is kept.",
                                      "The plan has %u baselines; the latest is “%s”. They are kept.", count),
                         count, described);

      gtk_label_set_text (GTK_LABEL (self->existing), existing);
      gtk_widget_set_visible (self->existing, TRUE);
    }

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (self->entry);
  return GTK_WINDOW (self);
}
