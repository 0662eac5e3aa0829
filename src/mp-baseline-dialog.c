/* mp-baseline-dialog.c
 *
 * Compare with Baseline: MpBaselineDialog shows mp_baseline_compare ()
 * grouped the way a reader asks: what moved (and by how much), what is
 * new, what was dropped or removed. Saving one is MpBaselineSaveDialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-baseline-chooser.h"
#include "mp-baseline-compare.h"
#include "mp-baseline-dialog.h"
#include "mp-dialog-util.h"
#include "mp-format.h"

/* ---- comparing ---- */

struct _MpBaselineDialog
{
  GtkWindow   parent_instance;

  MpDocument *document;
  MpPlan     *plan;
  GListStore *changes;

  GtkWidget  *chooser;
  GtkWidget  *summary;
  GtkWidget  *stack;
  GtkWidget  *sections;
  GtkWidget  *nothing;
  guint       refresh_id;
};

G_DEFINE_FINAL_TYPE (MpBaselineDialog, mp_baseline_dialog, GTK_TYPE_WINDOW)

static char *
days_text (int days)
{
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day later", "%d days later", days), days);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day earlier", "%d days earlier", -days), -days);
}

static GtkWidget *
row_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* "Due 19 Feb 2027 → 26 Feb 2027". */
static char *
date_move (const char *what,
           MpDate      from,
           MpDate      to)
{
  g_autofree char *a = mp_format_date (from);
  g_autofree char *b = mp_format_date (to);

  /* Translators: "Due: 19 Feb 2027 → 26 Feb 2027"; the first %s is "Due" or "Start". */
  return g_strdup_printf (_("%s: %s → %s"), what, *a ? a : _("none"), *b ? b : _("none"));
}

static GtkWidget *
change_row (MpBaselineDialog *self,
            MpDateChange     *change)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_grid_new ();
  MpMilestone *m = mp_date_change_get_milestone (change);
  const char *title = m != NULL ? mp_milestone_get_title (m) : mp_date_change_get_milestone_id (change);
  GtkWidget *label;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  label = row_label (title, "heading");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (top), 12);
  gtk_grid_attach (GTK_GRID (top), label, 0, 0, 1, 1);
  gtk_box_append (GTK_BOX (box), top);

  switch (mp_date_change_get_kind (change))
    {
    case MP_DATE_CHANGE_MOVED:
      {
        int due_days = mp_date_change_get_due_days (change);
        int start_days = mp_date_change_get_start_days (change);
        int days = due_days != 0 ? due_days : start_days;

        if (days != 0)
          {
            g_autofree char *moved = days_text (days);

            label = row_label (moved, days > 0 ? "later" : "earlier");
            gtk_widget_set_valign (label, GTK_ALIGN_START);
            gtk_grid_attach (GTK_GRID (top), label, 1, 0, 1, 1);
          }
        if (mp_date_change_get_old_due (change) != mp_date_change_get_new_due (change))
          {
            g_autofree char *text = date_move (_("Due"), mp_date_change_get_old_due (change),
                                               mp_date_change_get_new_due (change));
            gtk_box_append (GTK_BOX (box), row_label (text, NULL));
          }
        if (mp_date_change_get_old_start (change) != mp_date_change_get_new_start (change))
          {
            g_autofree char *text = date_move (_("Start"), mp_date_change_get_old_start (change),
                                               mp_date_change_get_new_start (change));
            g_autofree char *with_days = NULL;

            if (start_days != 0 && due_days != 0 && start_days != due_days)
              {
                g_autofree char *d = days_text (start_days);
                /* Translators: "Start: 4 Feb 2027 → 1 Mar 2027 (25 days later)". */
                with_days = g_strdup_printf (_("%s (%s)"), text, d);
              }
            gtk_box_append (GTK_BOX (box), row_label (with_days ? with_days : text, "dim-label"));
          }
        break;
      }
    case MP_DATE_CHANGE_ADDED:
      {
        g_autofree char *due = mp_format_date (mp_date_change_get_new_due (change));
        /* Translators: a milestone that is not in the baseline. */
        g_autofree char *text = g_strdup_printf (_("New since the baseline; due %s"), due);

        gtk_box_append (GTK_BOX (box), row_label (text, "dim-label"));
        break;
      }
    case MP_DATE_CHANGE_DROPPED:
      {
        g_autofree char *due = mp_format_date (mp_date_change_get_old_due (change));
        g_autofree char *text = g_strdup_printf (_("Dropped; it was due %s"), due);

        gtk_widget_add_css_class (gtk_widget_get_first_child (top), "dropped");
        gtk_box_append (GTK_BOX (box), row_label (text, "dim-label"));
        break;
      }
    case MP_DATE_CHANGE_REMOVED:
    default:
      {
        g_autofree char *due = mp_format_date (mp_date_change_get_old_due (change));
        g_autofree char *text = g_strdup_printf (_("No longer in the plan; it was due %s"), due);

        gtk_box_append (GTK_BOX (box), row_label (text, "dim-label"));
        break;
      }
    }
  return box;
}

static void
add_section (MpBaselineDialog *self,
             MpDateChangeKind  kind,
             const char       *heading)
{
  GtkWidget *list = NULL, *frame, *label;
  GListModel *changes = G_LIST_MODEL (self->changes);
  g_autofree char *title = NULL;
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(MpDateChange) c = g_list_model_get_item (changes, i);

      if (mp_date_change_get_kind (c) != kind)
        continue;
      if (list == NULL)
        {
          list = gtk_list_box_new ();
          gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
          gtk_list_box_set_show_separators (GTK_LIST_BOX (list), TRUE);
          mp_dialog_set_accessible_label (list, heading);
        }
      {
        GtkWidget *row = change_row (self, c);

        gtk_list_box_append (GTK_LIST_BOX (list), row);
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (row)), FALSE);
      }
      n++;
    }
  if (list == NULL)
    return;
  /* Translators: a section heading with its count, "Moved (2)". */
  title = g_strdup_printf (C_("heading with count", "%s (%u)"), heading, n);
  label = mp_dialog_heading (title);
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (GTK_BOX (self->sections), label);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), list);
  gtk_box_append (GTK_BOX (self->sections), frame);
}

static void
refresh (MpBaselineDialog *self)
{
  MpBaseline *baseline = mp_baseline_dialog_get_baseline (self);
  GtkWidget *child;
  guint counts[4] = { 0, };
  g_autofree char *described = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autofree char *joined = NULL;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (self->sections)) != NULL)
    gtk_box_remove (GTK_BOX (self->sections), child);
  g_list_store_remove_all (self->changes);

  if (baseline == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->summary), "");
      gtk_widget_set_visible (self->summary, FALSE);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "no-baseline");
      return;
    }
  gtk_widget_set_visible (self->summary, TRUE);

  {
    g_autoptr(GListStore) changes = mp_baseline_compare (baseline, self->plan);
    GListModel *model = G_LIST_MODEL (changes);

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(MpDateChange) c = g_list_model_get_item (model, i);

        g_list_store_append (self->changes, c);
        counts[mp_date_change_get_kind (c)]++;
      }
  }

  described = mp_baseline_describe (baseline);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->changes)) == 0)
    {
      /* Translators: %s is a baseline, "Agreed at kickoff (11 Jan 2027)". */
      summary = g_strdup_printf (_("Nothing changed since “%s”: every date is as agreed."), described);
      gtk_label_set_text (GTK_LABEL (self->summary), summary);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "same");
      return;
    }
  /* Only what happened: "2 moved, 6 added". */
  parts = g_ptr_array_new_with_free_func (g_free);
  if (counts[MP_DATE_CHANGE_MOVED] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u moved", "%u moved",
                                                          counts[MP_DATE_CHANGE_MOVED]),
                                             counts[MP_DATE_CHANGE_MOVED]));
  if (counts[MP_DATE_CHANGE_DROPPED] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dropped", "%u dropped",
                                                          counts[MP_DATE_CHANGE_DROPPED]),
                                             counts[MP_DATE_CHANGE_DROPPED]));
  if (counts[MP_DATE_CHANGE_REMOVED] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u removed", "%u removed",
                                                          counts[MP_DATE_CHANGE_REMOVED]),
                                             counts[MP_DATE_CHANGE_REMOVED]));
  if (counts[MP_DATE_CHANGE_ADDED] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u added", "%u added",
                                                          counts[MP_DATE_CHANGE_ADDED]),
                                             counts[MP_DATE_CHANGE_ADDED]));
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (_(", "), (char **) parts->pdata);
  /* Translators: "Since “Agreed at kickoff (11 Jan 2027)”: 2 moved, 6 added." */
  summary = g_strdup_printf (_("Since “%s”: %s."), described, joined);
  gtk_label_set_text (GTK_LABEL (self->summary), summary);

  add_section (self, MP_DATE_CHANGE_MOVED, _("Moved"));
  add_section (self, MP_DATE_CHANGE_DROPPED, _("Dropped"));
  add_section (self, MP_DATE_CHANGE_REMOVED, _("Removed from the plan"));
  add_section (self, MP_DATE_CHANGE_ADDED, _("Added since the baseline"));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "changes");
}

static gboolean
refresh_idle (gpointer data)
{
  MpBaselineDialog *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* The plan changed: compare again once the change is complete. */
static void
queue_refresh (MpBaselineDialog *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

MpBaseline *
mp_baseline_dialog_get_baseline (MpBaselineDialog *self)
{
  g_return_val_if_fail (MP_IS_BASELINE_DIALOG (self), NULL);

  return mp_baseline_chooser_get_baseline (MP_BASELINE_CHOOSER (self->chooser));
}

void
mp_baseline_dialog_set_baseline (MpBaselineDialog *self,
                                 MpBaseline       *baseline)
{
  g_return_if_fail (MP_IS_BASELINE_DIALOG (self));

  mp_baseline_chooser_set_baseline (MP_BASELINE_CHOOSER (self->chooser), baseline);
}

GListModel *
mp_baseline_dialog_get_changes (MpBaselineDialog *self)
{
  g_return_val_if_fail (MP_IS_BASELINE_DIALOG (self), NULL);

  return G_LIST_MODEL (self->changes);
}

static void
save_baseline_clicked (MpBaselineDialog *self)
{
  mp_baseline_save_dialog_present (GTK_WINDOW (self), self->document);
}

static void
mp_baseline_dialog_dispose (GObject *object)
{
  MpBaselineDialog *self = MP_BASELINE_DIALOG (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->plan);
  g_clear_object (&self->changes);
  G_OBJECT_CLASS (mp_baseline_dialog_parent_class)->dispose (object);
}

static void
mp_baseline_dialog_class_init (MpBaselineDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_baseline_dialog_dispose;

  g_type_ensure (MP_TYPE_BASELINE_CHOOSER);
  mp_dialog_class_set_template (widget_class, "/com/example/MutualPlan/mp-baseline-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MpBaselineDialog, chooser);
  gtk_widget_class_bind_template_child (widget_class, MpBaselineDialog, summary);
  gtk_widget_class_bind_template_child (widget_class, MpBaselineDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, MpBaselineDialog, sections);
  gtk_widget_class_bind_template_child (widget_class, MpBaselineDialog, nothing);
  gtk_widget_class_bind_template_callback (widget_class, queue_refresh);
  gtk_widget_class_bind_template_callback (widget_class, save_baseline_clicked);
}

static void
mp_baseline_dialog_init (MpBaselineDialog *self)
{
  self->changes = g_list_store_new (MP_TYPE_DATE_CHANGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  mp_baseline_chooser_set_accessible_label (MP_BASELINE_CHOOSER (self->chooser),
                                            _("Baseline to compare with"));
}

MpBaselineDialog *
mp_baseline_compare_dialog_present (GtkWindow  *parent,
                                    MpDocument *doc)
{
  MpBaselineDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MP_IS_DOCUMENT (doc), NULL);

  self = g_object_new (MP_TYPE_BASELINE_DIALOG, NULL);
  self->document = g_object_ref (doc);
  self->plan = g_object_ref (mp_document_get_plan (doc));
  mp_dialog_set_parent (GTK_WINDOW (self), parent);
  mp_baseline_chooser_set_document (MP_BASELINE_CHOOSER (self->chooser), doc);
  g_signal_connect_swapped (doc, "changed", G_CALLBACK (queue_refresh), self);
  refresh (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
