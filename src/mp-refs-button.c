/* mp-refs-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-tooltip.h"
#include "mp-refs-button.h"

struct _MpRefsButton
{
  GtkWidget   parent_instance;

  GtkWidget  *button;
  GtkWidget  *label;
  GtkWidget  *popover;
  GtkWidget  *list_box;

  MpRefKind   kind;
  MpPlan     *plan;
  GListStore *store;      /* the plan's participants or milestones */
  GStrv       ids;
  char       *placeholder;
  char       *accessible_label;
  guint       syncing;
};

G_DEFINE_FINAL_TYPE (MpRefsButton, mp_refs_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_IDS,
  N_PROPS
};

enum {
  IDS_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
item_name (MpRefsButton *self,
           MpRecord     *item)
{
  if (MP_IS_PARTICIPANT (item))
    return mp_participant_get_name (MP_PARTICIPANT (item));
  return mp_milestone_get_title (MP_MILESTONE (item));
}

static MpRecord *
find_item (MpRefsButton *self,
           const char   *id)
{
  if (self->plan == NULL)
    return NULL;
  if (self->kind == MP_REF_PARTICIPANT)
    return MP_RECORD (mp_plan_find_participant (self->plan, id));
  return MP_RECORD (mp_plan_find_milestone (self->plan, id));
}

static void
update_label (MpRefsButton *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *description = NULL;
  g_autofree char *a11y_name = NULL;

  for (guint i = 0; self->ids != NULL && self->ids[i] != NULL; i++)
    {
      MpRecord *item = find_item (self, self->ids[i]);
      const char *name = item != NULL ? item_name (self, item) : self->ids[i];

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, name != NULL && *name != '\0' ? name : self->ids[i]);
    }

  if (text->len == 0)
    {
      gtk_label_set_text (GTK_LABEL (self->label), self->placeholder);
      gtk_widget_add_css_class (self->label, "dim-label");
      mp_tooltip_set_text (self->button, self->accessible_label);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->label), text->str);
      gtk_widget_remove_css_class (self->label, "dim-label");
      mp_tooltip_set_text (self->button, text->str);
    }
  a11y_name = self->accessible_label != NULL
         ? g_strdup_printf (_("%s: %s"), self->accessible_label, text->len > 0 ? text->str : self->placeholder)
         : g_strdup (text->len > 0 ? text->str : self->placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y_name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text->len > 0 ? text->str : self->placeholder,
                                  -1);
}

static gboolean
has_id (MpRefsButton *self,
        const char   *id)
{
  return self->ids != NULL && id != NULL && g_strv_contains ((const char * const *) self->ids, id);
}

static void
on_check_toggled (GtkCheckButton *check,
                  MpRefsButton   *self)
{
  if (self->syncing > 0)
    return;
  mp_refs_button_toggle (self, g_object_get_data (G_OBJECT (check), "mp-id"),
                         gtk_check_button_get_active (check));
}

static void
rebuild_popover (MpRefsButton *self)
{
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (self->list_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->list_box), child);

  n = self->store != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->store)) : 0;
  if (n == 0)
    {
      GtkWidget *empty = gtk_label_new (self->kind == MP_REF_PARTICIPANT ? _("The plan has no participants yet.")
                                                                         : _("The plan has no milestones yet."));
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_box_append (GTK_BOX (self->list_box), empty);
      return;
    }

  self->syncing++;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpRecord) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      const char *id = mp_record_get_id (item);
      const char *name = item_name (self, item);
      g_autofree char *text = NULL;
      GtkWidget *check;

      if (MP_IS_PARTICIPANT (item) && mp_participant_get_organization (MP_PARTICIPANT (item)) != NULL &&
          *mp_participant_get_organization (MP_PARTICIPANT (item)) != '\0')
        text = g_strdup_printf ("%s (%s)", name, mp_participant_get_organization (MP_PARTICIPANT (item)));
      else
        text = g_strdup (name != NULL && *name != '\0' ? name : id);
      check = gtk_check_button_new_with_label (text);
      g_object_set_data_full (G_OBJECT (check), "mp-id", g_strdup (id), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), has_id (self, id));
      g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), self);
      gtk_box_append (GTK_BOX (self->list_box), check);
    }
  self->syncing--;
}

static void
sync_checks (MpRefsButton *self)
{
  self->syncing++;
  for (GtkWidget *w = gtk_widget_get_first_child (self->list_box); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_CHECK_BUTTON (w))
      gtk_check_button_set_active (GTK_CHECK_BUTTON (w), has_id (self, g_object_get_data (G_OBJECT (w), "mp-id")));
  self->syncing--;
}

static void
on_item_notify (MpRefsButton *self)
{
  update_label (self);
}

static void
watch_items (MpRefsButton *self,
             guint         position,
             guint         added)
{
  const char *signal = self->kind == MP_REF_PARTICIPANT ? "notify::name" : "notify::title";

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      g_signal_handlers_disconnect_by_func (item, on_item_notify, self);
      g_signal_connect_object (item, signal, G_CALLBACK (on_item_notify), self, G_CONNECT_SWAPPED);
    }
}

static void
on_store_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  MpRefsButton *self)
{
  watch_items (self, position, added);
  update_label (self);
  if (gtk_widget_get_visible (self->popover))
    rebuild_popover (self);
}

static void
unwatch (MpRefsButton *self)
{
  if (self->store == NULL)
    return;
  g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->store)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      g_signal_handlers_disconnect_by_func (item, on_item_notify, self);
    }
  g_clear_object (&self->store);
}

static gboolean
mp_refs_button_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (MP_REFS_BUTTON (widget)->button);
}

static void
mp_refs_button_dispose (GObject *object)
{
  MpRefsButton *self = MP_REFS_BUTTON (object);

  unwatch (self);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->button, gtk_widget_unparent);
  G_OBJECT_CLASS (mp_refs_button_parent_class)->dispose (object);
}

static void
mp_refs_button_finalize (GObject *object)
{
  MpRefsButton *self = MP_REFS_BUTTON (object);

  g_strfreev (self->ids);
  g_free (self->placeholder);
  g_free (self->accessible_label);
  G_OBJECT_CLASS (mp_refs_button_parent_class)->finalize (object);
}

static void
mp_refs_button_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MpRefsButton *self = MP_REFS_BUTTON (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_IDS:
      g_value_set_boxed (value, self->ids);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_refs_button_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MpRefsButton *self = MP_REFS_BUTTON (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      mp_refs_button_set_plan (self, g_value_get_object (value));
      break;
    case PROP_IDS:
      mp_refs_button_set_ids (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_refs_button_class_init (MpRefsButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* A wrapper around its button: no object of its own for a screen
   * reader (GTK 4.8 would announce its type name). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  object_class->dispose = mp_refs_button_dispose;
  object_class->finalize = mp_refs_button_finalize;
  object_class->get_property = mp_refs_button_get_property;
  object_class->set_property = mp_refs_button_set_property;
  widget_class->grab_focus = mp_refs_button_grab_focus;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, "the plan whose objects are listed",
                         MP_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_IDS] =
    g_param_spec_boxed ("ids", NULL, "the ids shown",
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[IDS_CHOSEN] =
    g_signal_new ("ids-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mprefsbutton");
}

static void
mp_refs_button_init (MpRefsButton *self)
{
  GtkWidget *scrolled, *box, *arrow;

  self->placeholder = g_strdup (_("None"));
  self->button = gtk_menu_button_new ();
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (self->label), 8);
  gtk_widget_set_hexpand (self->label, TRUE);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_hexpand (box, TRUE);
  arrow = gtk_image_new_from_icon_name ("pan-down-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), self->label);
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->button), box);

  self->popover = gtk_popover_new ();
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  self->list_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_box);
  gtk_popover_set_child (GTK_POPOVER (self->popover), scrolled);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (rebuild_popover), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), self->popover);
}

GtkWidget *
mp_refs_button_new (MpRefKind kind)
{
  MpRefsButton *self = g_object_new (MP_TYPE_REFS_BUTTON, NULL);

  self->kind = kind == MP_REF_MILESTONE ? MP_REF_MILESTONE : MP_REF_PARTICIPANT;
  g_free (self->placeholder);
  self->placeholder = g_strdup (self->kind == MP_REF_PARTICIPANT ? _("Nobody") : _("None"));
  update_label (self);
  return GTK_WIDGET (self);
}

MpRefKind
mp_refs_button_get_kind (MpRefsButton *self)
{
  g_return_val_if_fail (MP_IS_REFS_BUTTON (self), MP_REF_NONE);

  return self->kind;
}

MpPlan *
mp_refs_button_get_plan (MpRefsButton *self)
{
  g_return_val_if_fail (MP_IS_REFS_BUTTON (self), NULL);

  return self->plan;
}

void
mp_refs_button_set_plan (MpRefsButton *self,
                         MpPlan       *plan)
{
  g_return_if_fail (MP_IS_REFS_BUTTON (self));

  if (self->plan == plan)
    return;
  unwatch (self);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    {
      self->store = g_object_ref (self->kind == MP_REF_PARTICIPANT ? mp_plan_get_participants (plan)
                                                                   : mp_plan_get_milestones (plan));
      g_signal_connect (self->store, "items-changed", G_CALLBACK (on_store_changed), self);
      watch_items (self, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)));
    }
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

const char * const *
mp_refs_button_get_ids (MpRefsButton *self)
{
  g_return_val_if_fail (MP_IS_REFS_BUTTON (self), NULL);

  return (const char * const *) self->ids;
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  guint na = a != NULL ? g_strv_length ((char **) a) : 0;
  guint nb = b != NULL ? g_strv_length ((char **) b) : 0;

  if (na != nb)
    return FALSE;
  return na == 0 || g_strv_equal (a, b);
}

void
mp_refs_button_set_ids (MpRefsButton       *self,
                        const char * const *ids)
{
  g_return_if_fail (MP_IS_REFS_BUTTON (self));

  if (strv_equal0 ((const char * const *) self->ids, ids))
    return;
  g_strfreev (self->ids);
  self->ids = g_strdupv ((char **) ids);
  update_label (self);
  sync_checks (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDS]);
}

void
mp_refs_button_set_placeholder (MpRefsButton *self,
                                const char   *text)
{
  g_return_if_fail (MP_IS_REFS_BUTTON (self));

  g_free (self->placeholder);
  self->placeholder = g_strdup (text != NULL ? text : _("None"));
  update_label (self);
}

void
mp_refs_button_set_accessible_label (MpRefsButton *self,
                                     const char   *label)
{
  g_return_if_fail (MP_IS_REFS_BUTTON (self));

  g_free (self->accessible_label);
  self->accessible_label = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->popover),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  update_label (self);
}

void
mp_refs_button_toggle (MpRefsButton *self,
                       const char   *id,
                       gboolean      on)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) ids = NULL;

  g_return_if_fail (MP_IS_REFS_BUTTON (self));
  g_return_if_fail (id != NULL);

  if (has_id (self, id) == !!on)
    return;
  builder = g_strv_builder_new ();
  for (guint i = 0; self->ids != NULL && self->ids[i] != NULL; i++)
    if (on || g_strcmp0 (self->ids[i], id) != 0)
      g_strv_builder_add (builder, self->ids[i]);
  if (on)
    g_strv_builder_add (builder, id);
  ids = g_strv_builder_end (builder);
  mp_refs_button_set_ids (self, (const char * const *) ids);
  g_signal_emit (self, signals[IDS_CHOSEN], 0, ids);
}

void
mp_refs_button_popup (MpRefsButton *self)
{
  g_return_if_fail (MP_IS_REFS_BUTTON (self));

  gtk_menu_button_popup (GTK_MENU_BUTTON (self->button));
}
