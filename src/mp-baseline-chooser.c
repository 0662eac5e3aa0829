/* mp-baseline-chooser.c
 *
 * The drop-down's model is a placeholder list (one "No baseline" item,
 * present when none is allowed or there is no baseline at all) followed
 * by the plan's own baselines store. The chooser keeps the baseline it
 * shows as the truth: when the list changes (a baseline saved, undone),
 * it puts the selection back on it, or on the latest when it is gone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-baseline-chooser.h"
#include "mp-baseline-compare.h"
#include "mp-format.h"

struct _MpBaselineChooser
{
  GtkWidget            parent_instance;

  GtkWidget           *drop_down;
  GListStore          *none_store;   /* holds none_item or nothing */
  MpBaseline          *none_item;
  GListStore          *parts;
  GtkFlattenListModel *flat;

  MpDocument          *document;
  GListStore          *baselines;
  MpBaseline          *baseline;
  gboolean             allow_none;
  guint                syncing;
};

G_DEFINE_FINAL_TYPE (MpBaselineChooser, mp_baseline_chooser, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_BASELINE,
  PROP_ALLOW_NONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
mp_baseline_describe (MpBaseline *baseline)
{
  const char *at;
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (MP_IS_BASELINE (baseline), NULL);

  at = mp_baseline_get_at (baseline);
  if (at != NULL)
    dt = g_date_time_new_from_iso8601 (at, NULL);
  if (dt == NULL)
    return g_strdup (mp_baseline_get_name (baseline));
  day = mp_format_date (mp_date_from_ymd (g_date_time_get_year (dt), g_date_time_get_month (dt),
                                          g_date_time_get_day_of_month (dt)));
  /* Translators: a baseline's name and the day it was saved,
   * "Agreed at kickoff (11 Jan 2027)". */
  return g_strdup_printf (_("%s (%s)"), mp_baseline_get_name (baseline), day);
}

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_list_item_set_child (item, label);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           MpBaselineChooser        *self)
{
  MpBaseline *baseline = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (baseline == self->none_item)
    text = g_strdup (_("No baseline"));
  else
    text = mp_baseline_describe (baseline);
  gtk_label_set_text (GTK_LABEL (label), text);
}

static guint
position_of (MpBaselineChooser *self,
             MpBaseline        *baseline)
{
  GListModel *model = G_LIST_MODEL (self->flat);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MpBaseline) b = g_list_model_get_item (model, i);

      if (b == baseline || (baseline == NULL && b == self->none_item))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
set_baseline_internal (MpBaselineChooser *self,
                       MpBaseline        *baseline)
{
  if (self->baseline == baseline)
    return;
  g_set_object (&self->baseline, baseline);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE]);
}

/* The placeholder is there when none is allowed or nothing else is. */
static void
update_none_item (MpBaselineChooser *self)
{
  guint n = self->baselines ? g_list_model_get_n_items (G_LIST_MODEL (self->baselines)) : 0;
  gboolean want = self->allow_none || n == 0;
  gboolean have = g_list_model_get_n_items (G_LIST_MODEL (self->none_store)) > 0;

  if (want && !have)
    g_list_store_append (self->none_store, self->none_item);
  else if (!want && have)
    g_list_store_remove_all (self->none_store);
  gtk_widget_set_sensitive (self->drop_down, n > 0);
}

/* Puts the drop-down on the baseline shown; when that one is gone, on
 * the latest (or none). */
static void
resync (MpBaselineChooser *self)
{
  guint pos;

  self->syncing++;
  update_none_item (self);
  if (self->baseline != NULL && position_of (self, self->baseline) == GTK_INVALID_LIST_POSITION)
    set_baseline_internal (self, self->document ? mp_plan_get_latest_baseline (mp_document_get_plan (self->document))
                                                : NULL);
  if (self->baseline == NULL && !self->allow_none && self->document != NULL)
    set_baseline_internal (self, mp_plan_get_latest_baseline (mp_document_get_plan (self->document)));
  pos = position_of (self, self->baseline);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->drop_down), pos);
  self->syncing--;
}

static void
on_items_changed_before (MpBaselineChooser *self)
{
  self->syncing++;
}

static void
on_items_changed_after (MpBaselineChooser *self)
{
  self->syncing--;
  if (self->syncing == 0)
    resync (self);
}

static void
on_selected (MpBaselineChooser *self)
{
  MpBaseline *item;

  if (self->syncing > 0)
    return;
  item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (self->drop_down));
  set_baseline_internal (self, item == self->none_item ? NULL : item);
}

MpDocument *
mp_baseline_chooser_get_document (MpBaselineChooser *self)
{
  g_return_val_if_fail (MP_IS_BASELINE_CHOOSER (self), NULL);

  return self->document;
}

void
mp_baseline_chooser_set_document (MpBaselineChooser *self,
                                  MpDocument        *doc)
{
  g_return_if_fail (MP_IS_BASELINE_CHOOSER (self));
  g_return_if_fail (doc == NULL || MP_IS_DOCUMENT (doc));

  if (self->document == doc)
    return;
  if (self->baselines != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->baselines, self);
      self->syncing++;
      g_list_store_remove (self->parts, 1);
      self->syncing--;
      g_clear_object (&self->baselines);
    }
  g_set_object (&self->document, doc);
  g_clear_object (&self->baseline);
  if (doc != NULL)
    {
      self->baselines = g_object_ref (mp_plan_get_baselines (mp_document_get_plan (doc)));
      /* Guard the drop-down's own reaction to the change, then resync. */
      g_signal_connect_swapped (self->baselines, "items-changed", G_CALLBACK (on_items_changed_before), self);
      self->syncing++;
      g_list_store_append (self->parts, self->baselines);
      self->syncing--;
      g_signal_connect_data (self->baselines, "items-changed", G_CALLBACK (on_items_changed_after), self,
                             NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      self->baseline = mp_plan_get_latest_baseline (mp_document_get_plan (doc));
      if (self->baseline != NULL)
        g_object_ref (self->baseline);
    }
  resync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE]);
}

MpBaseline *
mp_baseline_chooser_get_baseline (MpBaselineChooser *self)
{
  g_return_val_if_fail (MP_IS_BASELINE_CHOOSER (self), NULL);

  return self->baseline;
}

void
mp_baseline_chooser_set_baseline (MpBaselineChooser *self,
                                  MpBaseline        *baseline)
{
  g_return_if_fail (MP_IS_BASELINE_CHOOSER (self));
  g_return_if_fail (baseline == NULL || MP_IS_BASELINE (baseline));

  if (baseline != NULL && position_of (self, baseline) == GTK_INVALID_LIST_POSITION)
    return;
  set_baseline_internal (self, baseline);
  resync (self);
}

gboolean
mp_baseline_chooser_get_allow_none (MpBaselineChooser *self)
{
  g_return_val_if_fail (MP_IS_BASELINE_CHOOSER (self), FALSE);

  return self->allow_none;
}

void
mp_baseline_chooser_set_allow_none (MpBaselineChooser *self,
                                    gboolean           allow_none)
{
  g_return_if_fail (MP_IS_BASELINE_CHOOSER (self));

  allow_none = !!allow_none;
  if (self->allow_none == allow_none)
    return;
  self->allow_none = allow_none;
  resync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_NONE]);
}

void
mp_baseline_chooser_set_accessible_label (MpBaselineChooser *self,
                                          const char        *label)
{
  g_return_if_fail (MP_IS_BASELINE_CHOOSER (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

GtkWidget *
mp_baseline_chooser_new (void)
{
  return g_object_new (MP_TYPE_BASELINE_CHOOSER, NULL);
}

static void
mp_baseline_chooser_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MpBaselineChooser *self = MP_BASELINE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_BASELINE:
      g_value_set_object (value, self->baseline);
      break;
    case PROP_ALLOW_NONE:
      g_value_set_boolean (value, self->allow_none);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_baseline_chooser_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MpBaselineChooser *self = MP_BASELINE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      mp_baseline_chooser_set_document (self, g_value_get_object (value));
      break;
    case PROP_BASELINE:
      mp_baseline_chooser_set_baseline (self, g_value_get_object (value));
      break;
    case PROP_ALLOW_NONE:
      mp_baseline_chooser_set_allow_none (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_baseline_chooser_dispose (GObject *object)
{
  MpBaselineChooser *self = MP_BASELINE_CHOOSER (object);

  if (self->baselines != NULL)
    g_signal_handlers_disconnect_by_data (self->baselines, self);
  g_clear_pointer (&self->drop_down, gtk_widget_unparent);
  g_clear_object (&self->baselines);
  g_clear_object (&self->document);
  g_clear_object (&self->baseline);
  g_clear_object (&self->flat);
  g_clear_object (&self->parts);
  g_clear_object (&self->none_store);
  g_clear_object (&self->none_item);
  G_OBJECT_CLASS (mp_baseline_chooser_parent_class)->dispose (object);
}

static void
mp_baseline_chooser_class_init (MpBaselineChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* A wrapper around its button: no object of its own for a screen
   * reader (GTK 4.8 would announce its type name). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  object_class->get_property = mp_baseline_chooser_get_property;
  object_class->set_property = mp_baseline_chooser_set_property;
  object_class->dispose = mp_baseline_chooser_dispose;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, "the document whose baselines are listed",
                         MP_TYPE_DOCUMENT, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BASELINE] =
    g_param_spec_object ("baseline", NULL, "the baseline chosen, or NULL",
                         MP_TYPE_BASELINE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ALLOW_NONE] =
    g_param_spec_boolean ("allow-none", NULL, "whether “No baseline” is offered",
                          FALSE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mpbaselinechooser");
}

static void
mp_baseline_chooser_init (MpBaselineChooser *self)
{
  GtkListItemFactory *factory;

  self->none_item = mp_baseline_new ();
  self->none_store = g_list_store_new (MP_TYPE_BASELINE);
  self->parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->parts, self->none_store);
  self->flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (self->parts)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), self);
  self->drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->flat)), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (self->drop_down), factory);
  g_object_unref (factory);
  gtk_widget_set_parent (self->drop_down, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Baseline"), -1);
  g_signal_connect_swapped (self->drop_down, "notify::selected", G_CALLBACK (on_selected), self);
  resync (self);
}
