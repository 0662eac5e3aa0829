/* mp-merge-dialog.c
 *
 * The dialog only chooses: MpMerge works out the changes, and
 * mp_merge_apply () writes the chosen ones through the document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "mp-dialog-util.h"
#include "mp-format.h"
#include "mp-mail.h"
#include "mp-merge-dialog.h"
#include "mp-plan-io.h"

struct _MpMergeDialog
{
  GtkWindow   parent_instance;

  GtkWidget  *intro_label;
  GtkWidget  *error_label;
  GtkWidget  *changes_box;
  GtkWidget  *apply_button;
  GtkWidget  *cancel_button;

  MpDocument *document;
  MpMerge    *merge;
  MpPlan     *copy;
  char       *copy_name;
  char       *result;
};

G_DEFINE_FINAL_TYPE (MpMergeDialog, mp_merge_dialog, GTK_TYPE_WINDOW)

static MpMergeChange *
change_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "change");
}

static void
check_toggled (GtkCheckButton *button,
               MpMergeDialog  *self)
{
  change_of (GTK_WIDGET (button))->apply = gtk_check_button_get_active (button);
}

static void
theirs_toggled (GtkCheckButton *button,
                MpMergeDialog  *self)
{
  change_of (GTK_WIDGET (button))->apply = gtk_check_button_get_active (button);
}

static const char *
group_heading (MpMergeGroup group)
{
  switch (group)
    {
    case MP_MERGE_GROUP_MILESTONE:
      return _("Milestones");
    case MP_MERGE_GROUP_PERSON:
      return _("People");
    case MP_MERGE_GROUP_GOAL:
      return _("Goals");
    case MP_MERGE_GROUP_PLAN:
    default:
      return _("Plan, calendar and history");
    }
}

static char *
change_text (MpMergeChange *c)
{
  g_autofree char *what = NULL;

  if (c->own && c->group != MP_MERGE_GROUP_PLAN)
    what = g_strdup (c->what);
  else
    what = g_strdup_printf ("%s %s", c->subject, c->what);
  /* A sentence: first letter up. */
  if (what[0] != '\0' && g_unichar_islower (g_utf8_get_char (what)))
    {
      gunichar up = g_unichar_toupper (g_utf8_get_char (what));
      char buf[8] = { 0 };

      g_unichar_to_utf8 (up, buf);
      return g_strconcat (buf, g_utf8_next_char (what), NULL);
    }
  return g_steal_pointer (&what);
}

static GtkWidget *
wrap_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A clean change: a check box, on by default. */
static GtkWidget *
change_row (MpMergeDialog *self,
            MpMergeChange *c)
{
  g_autofree char *text = change_text (c);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = wrap_label (text, NULL);

  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), c->apply);
  mp_dialog_set_accessible_label (check, text);
  g_object_set_data (G_OBJECT (check), "change", c);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled), self);
  gtk_widget_set_margin_start (check, 12);
  return check;
}

/* A conflict: what it is, then the two sides next to each other. */
static GtkWidget *
conflict_row (MpMergeDialog *self,
              MpMergeChange *c)
{
  g_autofree char *text = NULL;
  g_autofree char *heading = NULL;

  /* "Both changed the due date" reads better than "due A → B" here: the
   * two values follow, side by side. */
  if (c->topic != NULL)
    {
      g_autofree char *topic = (c->own && c->group != MP_MERGE_GROUP_PLAN) ? g_strdup (c->topic)
                                 : g_strdup_printf ("%s: %s", c->subject, c->topic);
      if (mp_merge_has_base (self->merge))
        /* Translators: a conflict of the merge, "Both changed: due". */
        heading = g_strdup_printf (_("Both changed: %s"), topic);
      else
        /* Translators: without a shared version: "Differs: due". */
        heading = g_strdup_printf (_("Differs: %s"), topic);
    }
  else
    {
      text = change_text (c);
      if (mp_merge_has_base (self->merge))
        /* Translators: a conflict of the merge about a whole record. */
        heading = g_strdup_printf (_("Conflict: %s"), text);
      else
        heading = g_strdup_printf (_("Differs: %s"), text);
    }
  g_autofree char *ours = g_strdup_printf (_("Keep yours: %s"), c->ours_words ? c->ours_words : "");
  g_autofree char *theirs = g_strdup_printf (_("Take theirs: %s"), c->theirs_words ? c->theirs_words : "");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *keep = gtk_check_button_new ();
  GtkWidget *take = gtk_check_button_new ();

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), wrap_label (heading, NULL));

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (keep), wrap_label (ours, NULL));
  gtk_check_button_set_child (GTK_CHECK_BUTTON (take), wrap_label (theirs, NULL));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (take), GTK_CHECK_BUTTON (keep));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (c->apply ? take : keep), TRUE);
  mp_dialog_set_accessible_label (keep, ours);
  mp_dialog_set_accessible_label (take, theirs);
  gtk_widget_set_name (take, "theirs");
  g_object_set_data (G_OBJECT (take), "change", c);
  g_signal_connect (take, "toggled", G_CALLBACK (theirs_toggled), self);
  gtk_grid_attach (GTK_GRID (grid), keep, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), take, 1, 0, 1, 1);
  gtk_box_append (GTK_BOX (box), grid);
  return box;
}

static void
fill (MpMergeDialog *self)
{
  static const MpMergeGroup order[] = {
    MP_MERGE_GROUP_MILESTONE, MP_MERGE_GROUP_PERSON, MP_MERGE_GROUP_GOAL, MP_MERGE_GROUP_PLAN,
  };
  guint n = mp_merge_get_n_changes (self->merge);

  if (n == 0)
    {
      gtk_box_append (GTK_BOX (self->changes_box),
                      wrap_label (_("The copy holds nothing that this plan does not have."), "dim-label"));
      gtk_widget_set_sensitive (self->apply_button, FALSE);
      return;
    }
  for (guint g = 0; g < G_N_ELEMENTS (order); g++)
    {
      g_autoptr(GPtrArray) subgroups = g_ptr_array_new (); /* group ids in order of appearance */
      gboolean any = FALSE;

      for (guint i = 0; i < n; i++)
        {
          MpMergeChange *c = mp_merge_get_change (self->merge, i);
          gboolean seen = FALSE;

          if (c->group != order[g])
            continue;
          any = TRUE;
          for (guint k = 0; k < subgroups->len && !seen; k++)
            seen = g_strcmp0 (g_ptr_array_index (subgroups, k), c->group_id) == 0;
          if (!seen)
            g_ptr_array_add (subgroups, c->group_id);
        }
      if (!any)
        continue;
      {
        GtkWidget *heading = mp_dialog_heading (group_heading (order[g]));
        PangoAttrList *attrs = pango_attr_list_new ();

        pango_attr_list_insert (attrs, pango_attr_scale_new (1.25));
        pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
        gtk_label_set_attributes (GTK_LABEL (heading), attrs);
        pango_attr_list_unref (attrs);
        gtk_widget_set_margin_top (heading, 6);
        gtk_box_append (GTK_BOX (self->changes_box), heading);
      }
      for (guint k = 0; k < subgroups->len; k++)
        {
          const char *id = g_ptr_array_index (subgroups, k);
          gboolean titled = FALSE;

          for (guint i = 0; i < n; i++)
            {
              MpMergeChange *c = mp_merge_get_change (self->merge, i);

              if (c->group != order[g] || g_strcmp0 (c->group_id, id) != 0)
                continue;
              if (!titled && order[g] != MP_MERGE_GROUP_PLAN)
                {
                  g_autofree char *title = order[g] == MP_MERGE_GROUP_PERSON
                                             ? g_strdup (c->group_title)
                                             : g_strdup_printf (_("“%s”"), c->group_title);
                  GtkWidget *label = wrap_label (title, NULL);

                  gtk_widget_set_margin_top (label, 6);
                  gtk_widget_add_css_class (label, "heading");
                  gtk_box_append (GTK_BOX (self->changes_box), label);
                  titled = TRUE;
                }
              gtk_box_append (GTK_BOX (self->changes_box),
                              c->conflict ? conflict_row (self, c) : change_row (self, c));
            }
        }
    }
}

static void
cancel_clicked (MpMergeDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
apply_clicked (MpMergeDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = g_strdup_printf (_("Merge Changes from “%s”"), self->copy_name);
  guint conflicts = mp_merge_get_n_conflicts (self->merge), taken = 0;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  int applied;

  for (guint i = 0; i < mp_merge_get_n_changes (self->merge); i++)
    {
      MpMergeChange *c = mp_merge_get_change (self->merge, i);
      if (c->conflict && c->apply)
        taken++;
    }
  applied = mp_merge_apply (self->merge, self->document, label, &error);
  if (applied < 0)
    {
      gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
      gtk_widget_set_visible (self->error_label, TRUE);
      return;
    }
  {
    g_autofree char *merged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Merged %d change from “%s”.",
                                                            "Merged %d changes from “%s”.", applied),
                                               applied, self->copy_name);
    g_autofree char *choices = conflicts == 0 ? g_strdup ("")
      : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Of %u conflict, you took theirs for %u and kept yours for the rest.",
                                      "Of %u conflicts, you took theirs for %u and kept yours for the rest.",
                                      conflicts),
                         conflicts, taken);

    g_free (self->result);
    self->result = g_strdup_printf ("%s %s %s", merged, choices, _("Undo takes the whole merge back in one step."));
    if (parent != NULL)
      mp_dialog_show_message (parent, GTK_MESSAGE_INFO, merged, self->result + strlen (merged) + 1);
  }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
mp_merge_dialog_dispose (GObject *object)
{
  MpMergeDialog *self = MP_MERGE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_MERGE_DIALOG);
  g_clear_object (&self->document);
  g_clear_object (&self->merge);
  g_clear_object (&self->copy);
  G_OBJECT_CLASS (mp_merge_dialog_parent_class)->dispose (object);
}

static void
mp_merge_dialog_finalize (GObject *object)
{
  MpMergeDialog *self = MP_MERGE_DIALOG (object);

  g_free (self->copy_name);
  g_free (self->result);
  G_OBJECT_CLASS (mp_merge_dialog_parent_class)->finalize (object);
}

static void
mp_merge_dialog_class_init (MpMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_merge_dialog_dispose;
  object_class->finalize = mp_merge_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/MutualPlan/mp-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MpMergeDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, MpMergeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, MpMergeDialog, changes_box);
  gtk_widget_class_bind_template_child (widget_class, MpMergeDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, MpMergeDialog, cancel_button);
}

static void
mp_merge_dialog_init (MpMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Connected here, not in the template: gtk4-builder-tool validates the
   * .ui without this type's callbacks. */
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked), self);
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (apply_clicked), self);
}

MpMergeDialog *
mp_merge_dialog_new (GtkWindow  *parent,
                     MpDocument *doc,
                     MpPlan     *base,
                     const char *base_when,
                     MpPlan     *copy,
                     const char *copy_name)
{
  MpMergeDialog *self;
  g_autofree char *intro = NULL;
  guint n, conflicts;

  g_return_val_if_fail (MP_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (MP_IS_PLAN (copy), NULL);

  self = g_object_new (MP_TYPE_MERGE_DIALOG, NULL);
  mp_dialog_init_window (GTK_WINDOW (self), parent, _("Merge Changes from a Copy"), 760, 620);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->apply_button);
  self->document = g_object_ref (doc);
  self->copy = g_object_ref (copy);
  self->copy_name = g_strdup (copy_name);
  self->merge = mp_merge_new (base, mp_document_get_plan (doc), copy);
  n = mp_merge_get_n_changes (self->merge);
  conflicts = mp_merge_get_n_conflicts (self->merge);

  if (base == NULL)
    intro = g_strdup_printf (_("No shared version of this plan is known, so it is not clear which side made each "
                               "difference. Every difference between this plan and “%s” is a choice: "
                               "yours is kept unless you take theirs."), copy_name);
  else
    {
      g_autofree char *changes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "“%s” changed %u thing since the version you shared",
                                                               "“%s” changed %u things since the version you shared", n),
                                                  copy_name, n);
      g_autoptr(GDateTime) dt = base_when ? g_date_time_new_from_iso8601 (base_when, NULL) : NULL;
      g_autofree char *when = NULL;

      if (dt != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (dt);
          /* Translators: when the plan was shared, strftime format. */
          when = g_date_time_format (local, _("%-d %b %Y, %H:%M"));
        }
      {
        g_autofree char *head = when ? g_strdup_printf ("%s (%s).", changes, when) : g_strdup_printf ("%s.", changes);

        intro = g_strdup_printf ("%s %s %s", head,
                                 conflicts == 0 ? _("None of them clashes with your changes.")
                                                : _("Where both of you changed the same thing, yours is kept unless you take theirs."),
                                 _("Uncheck what you do not want."));
      }
    }
  gtk_label_set_text (GTK_LABEL (self->intro_label), intro);
  fill (self);
  return self;
}

MpMerge *
mp_merge_dialog_get_merge (MpMergeDialog *self)
{
  g_return_val_if_fail (MP_IS_MERGE_DIALOG (self), NULL);
  return self->merge;
}

const char *
mp_merge_dialog_get_result (MpMergeDialog *self)
{
  g_return_val_if_fail (MP_IS_MERGE_DIALOG (self), NULL);
  return self->result;
}

/* ---- choosing the copy ---- */

typedef struct {
  GFile  *file;
  MpPlan *copy;
  MpPlan *base;
  char   *when;
} CopyLoad;

static void
copy_load_free (gpointer data)
{
  CopyLoad *l = data;

  g_clear_object (&l->file);
  g_clear_object (&l->copy);
  g_clear_object (&l->base);
  g_free (l->when);
  g_free (l);
}

/* In a worker: the copy and the shared versions are files to read and
 * parse (the window's plan is not touched here). */
static void
copy_load_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  CopyLoad *l = task_data;
  GError *error = NULL;

  l->copy = mp_plan_load_from_file (l->file, cancellable, &error);
  if (l->copy == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  l->base = mp_merge_find_shared_base (l->copy, &l->when);
  g_task_return_boolean (task, TRUE);
}

static void
copy_loaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  MpDocument *doc = user_data;
  GtkWindow *parent = g_object_get_data (G_OBJECT (result), "parent");
  CopyLoad *l = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (l->file);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    mp_dialog_show_message (parent, GTK_MESSAGE_ERROR, _("The copy could not be opened"), error->message);
  else
    gtk_window_present (GTK_WINDOW (mp_merge_dialog_new (parent, doc, l->base, l->when, l->copy, name)));
  g_object_unref (doc);
}

static void
copy_chosen (GtkNativeDialog *chooser,
             int              response,
             gpointer         user_data)
{
  GtkWindow *parent = GTK_WINDOW (gtk_native_dialog_get_transient_for (chooser));
  MpDocument *doc = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file != NULL)
    mp_merge_dialog_open_copy (parent, doc, file);
  g_object_unref (doc);
}

void
mp_merge_dialog_open_copy (GtkWindow  *parent,
                           MpDocument *doc,
                           GFile      *copy)
{
  g_autoptr(GTask) task = NULL;
  CopyLoad *l;

  g_return_if_fail (MP_IS_DOCUMENT (doc));
  g_return_if_fail (G_IS_FILE (copy));

  l = g_new0 (CopyLoad, 1);
  l->file = g_object_ref (copy);
  task = g_task_new (NULL, NULL, copy_loaded, g_object_ref (doc));
  g_task_set_task_data (task, l, copy_load_free);
  if (parent != NULL)
    g_object_set_data_full (G_OBJECT (task), "parent", g_object_ref (parent), g_object_unref);
  g_task_run_in_thread (task, copy_load_thread);
}

void
mp_merge_dialog_present (GtkWindow  *parent,
                         MpDocument *doc)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (MP_IS_DOCUMENT (doc));

  chooser = gtk_file_chooser_native_new (_("Merge Changes from a Copy"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Compare"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Plans"));
  gtk_file_filter_add_pattern (filter, "*.mplan");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/x-mutualplan");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (copy_chosen), g_object_ref (doc));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- the plan leaves the app ---- */

void
mp_merge_dialog_remember_shared (MpPlan *plan)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MP_IS_PLAN (plan));

  if (!mp_merge_remember_shared (plan, &error))
    g_warning ("%s", error->message);
}

typedef struct {
  GtkWindow *parent;
  MpPlan    *plan;
  GFile     *file;
} ShareData;

static void
share_data_free (ShareData *d)
{
  g_clear_object (&d->parent);
  g_clear_object (&d->plan);
  g_clear_object (&d->file);
  g_free (d);
}

static void
copy_written (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ShareData *d = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp_dialog_write_file_finish (result, &error))
    mp_dialog_show_message (d->parent, GTK_MESSAGE_ERROR, _("The copy could not be saved"), error->message);
  share_data_free (d);
}

static void
copy_file_chosen (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  ShareData *d = user_data;
  g_autoptr(GBytes) bytes = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    d->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (d->file == NULL)
    {
      share_data_free (d);
      return;
    }
  /* The version that leaves is the one later copies are compared with. */
  mp_merge_dialog_remember_shared (d->plan);
  bytes = mp_plan_to_bytes (d->plan);
  mp_dialog_write_file_async (d->file, bytes, NULL, copy_written, d);
}

void
mp_merge_dialog_save_copy (GtkWindow  *parent,
                    MpDocument *doc)
{
  GtkFileChooserNative *chooser;
  ShareData *d;
  MpPlan *plan;
  g_autofree char *name = NULL;

  g_return_if_fail (MP_IS_DOCUMENT (doc));

  plan = mp_document_get_plan (doc);
  d = g_new0 (ShareData, 1);
  d->parent = parent ? g_object_ref (parent) : NULL;
  /* A snapshot: edits made while the file chooser is open stay out. */
  d->plan = MP_PLAN (mp_record_copy (MP_RECORD (plan)));
  chooser = gtk_file_chooser_native_new (_("Save a Copy for the Customer"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save Copy"), _("_Cancel"));
  name = mp_dialog_file_name_for (mp_plan_get_title (plan), _("Plan"), ".mplan");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (copy_file_chosen), d);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
mail_composed (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ShareData *d = user_data;
  g_autoptr(GError) error = NULL;
  MpMailRoute route = mp_mail_compose_finish (result, &error);

  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        mp_dialog_show_message (d->parent, GTK_MESSAGE_ERROR, _("The plan could not be sent"), error->message);
    }
  else if (route == MP_MAIL_ROUTE_SAVED)
    {
      g_autoptr(GFile) dir = g_file_get_parent (d->file);
      g_autofree char *text = mp_mail_saved_message (dir);

      mp_dialog_show_message (d->parent, GTK_MESSAGE_INFO, _("No mail program could be opened"), text);
    }
  share_data_free (d);
}

void
mp_merge_dialog_send_plan (GtkWindow  *parent,
                    MpDocument *doc)
{
  MpPlan *plan;
  ShareData *d;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) to = g_ptr_array_new ();
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *handle = NULL;
  GListModel *people;

  g_return_if_fail (MP_IS_DOCUMENT (doc));

  plan = mp_document_get_plan (doc);
  d = g_new0 (ShareData, 1);
  d->parent = parent ? g_object_ref (parent) : NULL;
  d->plan = MP_PLAN (mp_record_copy (MP_RECORD (plan)));

  /* The attachment: the plan as it is now, in a folder of its own. */
  dir = g_build_filename (g_get_user_cache_dir (), "mutualplan", "sent", NULL);
  name = mp_dialog_file_name_for (mp_plan_get_title (plan), _("Plan"), ".mplan");
  d->file = g_file_new_build_filename (dir, name, NULL);
  bytes = mp_plan_to_bytes (d->plan);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !mp_write_file_atomic (d->file, bytes, FALSE, NULL, NULL, &error))
    {
      mp_dialog_show_message (parent, GTK_MESSAGE_ERROR, _("The plan could not be sent"),
                              error ? error->message : g_strerror (errno));
      share_data_free (d);
      return;
    }
  mp_merge_dialog_remember_shared (d->plan);

  /* To the customer's people with an address; the user adds others. */
  people = G_LIST_MODEL (mp_plan_get_participants (plan));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(MpParticipant) p = g_list_model_get_item (people, i);

      if (mp_participant_get_side (p) == MP_SIDE_CUSTOMER && mp_participant_get_email (p) &&
          mp_mail_address_is_valid (mp_participant_get_email (p)))
        g_ptr_array_add (to, (gpointer) mp_participant_get_email (p));
    }
  g_ptr_array_add (to, NULL);
  /* Translators: the subject of the mail that sends the plan file. */
  subject = g_strdup_printf (_("Our mutual action plan: %s"), mp_plan_get_title (plan));
  body = g_strdup_printf (_("Hello,\n\nattached is our mutual action plan “%s”. Open it with MutualPlan, "
                            "change owners and dates where needed and send the file back: "
                            "MutualPlan merges your changes with ours.\n"), mp_plan_get_title (plan));
  handle = parent ? mp_dialog_get_window_handle (parent) : NULL;
  mp_mail_compose_async (handle, (const char * const *) to->pdata, subject, body, d->file,
                         MP_MAIL_COMPOSE_DEFAULT, NULL, mail_composed, d);
}
