/* mp-participant-picker.c
 *
 * The drop-down's model is "Nobody" followed by the plan's participants
 * through a filter (the side). Changes of the list move the drop-down's
 * selection by themselves; the picker guards those moments (a handler
 * before and one after everybody else's on items-changed) so that only
 * a real pick by the user counts as a choice, then puts the selection
 * back on the participant it shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-tooltip.h"
#include "mp-participant-picker.h"

#include "mp-a11y.h"

struct _MpParticipantPicker
{
  GtkWidget           parent_instance;

  GtkWidget          *drop_down;
  MpParticipant      *none_item;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkFlattenListModel *flat;

  MpPlan             *plan;
  GListStore         *participants;
  MpParty             party;
  char               *participant_id;
  guint               syncing;
};

G_DEFINE_FINAL_TYPE (MpParticipantPicker, mp_participant_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_PARTY,
  PROP_PARTICIPANT_ID,
  N_PROPS
};

enum {
  PARTICIPANT_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char button_factory_ui[] =
  "<interface>"
  "  <template class='GtkListItem'>"
  "    <property name='child'>"
  "      <object class='GtkLabel'>"
  "        <property name='xalign'>0</property>"
  "        <property name='ellipsize'>end</property>"
  "        <property name='width-chars'>8</property>"
  "        <binding name='label'>"
  "          <lookup name='name' type='MpParticipant'>"
  "            <lookup name='item'>GtkListItem</lookup>"
  "          </lookup>"
  "        </binding>"
  "      </object>"
  "    </property>"
  "  </template>"
  "</interface>";

static const char list_factory_ui[] =
  "<interface>"
  "  <template class='GtkListItem'>"
  "    <property name='child'>"
  "      <object class='GtkBox'>"
  "        <property name='spacing'>12</property>"
  "        <child>"
  "          <object class='GtkLabel'>"
  "            <property name='xalign'>0</property>"
  "            <binding name='label'>"
  "              <lookup name='name' type='MpParticipant'>"
  "                <lookup name='item'>GtkListItem</lookup>"
  "              </lookup>"
  "            </binding>"
  "          </object>"
  "        </child>"
  "        <child>"
  "          <object class='GtkLabel'>"
  "            <property name='xalign'>0</property>"
  "            <property name='hexpand'>1</property>"
  "            <style><class name='dim-label'/></style>"
  "            <binding name='label'>"
  "              <lookup name='organization' type='MpParticipant'>"
  "                <lookup name='item'>GtkListItem</lookup>"
  "              </lookup>"
  "            </binding>"
  "          </object>"
  "        </child>"
  "      </object>"
  "    </property>"
  "  </template>"
  "</interface>";

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  MpParticipantPicker *self = user_data;
  MpParticipant *p = item;

  if (self->party == MP_PARTY_BOTH)
    return TRUE;
  if (self->participant_id != NULL &&
      g_strcmp0 (mp_participant_get_id (p), self->participant_id) == 0)
    return TRUE;
  return mp_party_includes (self->party, mp_participant_get_side (p));
}

static guint
find_position (MpParticipantPicker *self,
               const char          *id)
{
  GListModel *model = G_LIST_MODEL (self->flat);
  guint n = g_list_model_get_n_items (model);

  if (id == NULL)
    return 0;
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(MpParticipant) p = g_list_model_get_item (model, i);

      if (g_strcmp0 (mp_participant_get_id (p), id) == 0)
        return i;
    }
  return 0;
}

static void
resync (MpParticipantPicker *self)
{
  self->syncing++;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->drop_down),
                              find_position (self, self->participant_id));
  self->syncing--;
}

static void
on_items_changed_before (MpParticipantPicker *self)
{
  self->syncing++;
}

static void
on_items_changed_after (MpParticipantPicker *self)
{
  self->syncing--;
  if (self->syncing == 0)
    resync (self);
}

static void
on_selected (MpParticipantPicker *self)
{
  MpParticipant *item;
  const char *id;
  gboolean was_off_side;

  if (self->syncing > 0)
    return;
  item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (self->drop_down));
  id = item != NULL ? mp_participant_get_id (item) : NULL;
  if (g_strcmp0 (id, self->participant_id) == 0)
    return;

  was_off_side = self->party != MP_PARTY_BOTH && self->participant_id != NULL;
  g_free (self->participant_id);
  self->participant_id = g_strdup (id);
  if (was_off_side)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANT_ID]);
  g_signal_emit (self, signals[PARTICIPANT_CHOSEN], 0, id);
}

static void
on_participant_side (MpParticipantPicker *self)
{
  if (self->party != MP_PARTY_BOTH)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
watch_participant (MpParticipantPicker *self,
                   MpParticipant       *p)
{
  g_signal_handlers_disconnect_by_func (p, on_participant_side, self);
  g_signal_connect_object (p, "notify::side", G_CALLBACK (on_participant_side),
                           self, G_CONNECT_SWAPPED);
}

static void
on_participants_changed (GListModel          *model,
                         guint                position,
                         guint                removed,
                         guint                added,
                         MpParticipantPicker *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(MpParticipant) p = g_list_model_get_item (model, i);
      watch_participant (self, p);
    }
}

static void
unwatch_plan (MpParticipantPicker *self)
{
  if (self->participants == NULL)
    return;
  g_signal_handlers_disconnect_by_func (self->participants, on_participants_changed, self);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->participants)); i++)
    {
      g_autoptr(MpParticipant) p = g_list_model_get_item (G_LIST_MODEL (self->participants), i);
      g_signal_handlers_disconnect_by_func (p, on_participant_side, self);
    }
  g_clear_object (&self->participants);
}

static void
mp_participant_picker_dispose (GObject *object)
{
  MpParticipantPicker *self = MP_PARTICIPANT_PICKER (object);

  unwatch_plan (self);
  if (self->filtered != NULL)
    gtk_filter_list_model_set_model (self->filtered, NULL);
  g_clear_pointer (&self->drop_down, gtk_widget_unparent);
  g_clear_object (&self->plan);
  g_clear_object (&self->flat);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->none_item);
  G_OBJECT_CLASS (mp_participant_picker_parent_class)->dispose (object);
}

static void
mp_participant_picker_finalize (GObject *object)
{
  MpParticipantPicker *self = MP_PARTICIPANT_PICKER (object);

  g_free (self->participant_id);
  G_OBJECT_CLASS (mp_participant_picker_parent_class)->finalize (object);
}

static void
mp_participant_picker_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  MpParticipantPicker *self = MP_PARTICIPANT_PICKER (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_PARTY:
      g_value_set_enum (value, self->party);
      break;
    case PROP_PARTICIPANT_ID:
      g_value_set_string (value, self->participant_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_participant_picker_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  MpParticipantPicker *self = MP_PARTICIPANT_PICKER (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      mp_participant_picker_set_plan (self, g_value_get_object (value));
      break;
    case PROP_PARTY:
      mp_participant_picker_set_party (self, g_value_get_enum (value));
      break;
    case PROP_PARTICIPANT_ID:
      mp_participant_picker_set_participant_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
mp_participant_picker_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (MP_PARTICIPANT_PICKER (widget)->drop_down);
}

static void
mp_participant_picker_class_init (MpParticipantPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* A wrapper around its drop-down: no object of its own for a screen
   * reader (GTK 4.8 would announce its type name). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  object_class->dispose = mp_participant_picker_dispose;
  object_class->finalize = mp_participant_picker_finalize;
  object_class->get_property = mp_participant_picker_get_property;
  object_class->set_property = mp_participant_picker_set_property;
  widget_class->grab_focus = mp_participant_picker_grab_focus;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, "the plan whose participants are listed",
                         MP_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PARTY] =
    g_param_spec_enum ("party", NULL, "the side listed, or both",
                       MP_TYPE_PARTY, MP_PARTY_BOTH,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PARTICIPANT_ID] =
    g_param_spec_string ("participant-id", NULL, "the id shown, NULL for nobody",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MpParticipantPicker::participant-chosen:
   * @id: (nullable): the participant's id, NULL for nobody
   *
   * The user picked an entry. Not emitted for
   * mp_participant_picker_set_participant_id().
   */
  signals[PARTICIPANT_CHOSEN] =
    g_signal_new ("participant-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mpparticipantpicker");
  g_type_ensure (MP_TYPE_PARTICIPANT);
}

static void
mp_participant_picker_init (MpParticipantPicker *self)
{
  g_autoptr(GListStore) none_store = g_list_store_new (MP_TYPE_PARTICIPANT);
  g_autoptr(GListStore) sources = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GBytes) button_bytes = g_bytes_new_static (button_factory_ui, sizeof button_factory_ui - 1);
  g_autoptr(GBytes) list_bytes = g_bytes_new_static (list_factory_ui, sizeof list_factory_ui - 1);
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkListItemFactory) list_factory = NULL;

  self->party = MP_PARTY_BOTH;

  /* A participant object with no id stands for "nobody". */
  self->none_item = g_object_new (MP_TYPE_PARTICIPANT, NULL);
  mp_participant_set_name (self->none_item, _("Nobody"));
  g_list_store_append (none_store, self->none_item);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  g_list_store_append (sources, none_store);
  g_list_store_append (sources, self->filtered);
  self->flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&sources)));

  /* Before the drop-down connects: see the top of the file. */
  g_signal_connect_swapped (self->flat, "items-changed", G_CALLBACK (on_items_changed_before), self);
  g_signal_connect_object (self->flat, "items-changed", G_CALLBACK (on_items_changed_after), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  factory = gtk_builder_list_item_factory_new_from_bytes (NULL, button_bytes);
  list_factory = gtk_builder_list_item_factory_new_from_bytes (NULL, list_bytes);
  self->drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->flat)), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (self->drop_down), factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (self->drop_down), list_factory);
  /* Typing in the open list finds a person by name. */
  gtk_drop_down_set_expression (GTK_DROP_DOWN (self->drop_down),
                                gtk_property_expression_new (MP_TYPE_PARTICIPANT, NULL, "name"));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->drop_down), TRUE);
  gtk_widget_set_parent (self->drop_down, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Participant"), -1);
  g_signal_connect_swapped (self->drop_down, "notify::selected", G_CALLBACK (on_selected), self);
  resync (self);
}

GtkWidget *
mp_participant_picker_new (void)
{
  return g_object_new (MP_TYPE_PARTICIPANT_PICKER, NULL);
}

MpPlan *
mp_participant_picker_get_plan (MpParticipantPicker *self)
{
  g_return_val_if_fail (MP_IS_PARTICIPANT_PICKER (self), NULL);

  return self->plan;
}

void
mp_participant_picker_set_plan (MpParticipantPicker *self,
                                MpPlan              *plan)
{
  g_return_if_fail (MP_IS_PARTICIPANT_PICKER (self));
  g_return_if_fail (plan == NULL || MP_IS_PLAN (plan));

  if (self->plan == plan)
    return;
  unwatch_plan (self);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    {
      self->participants = g_object_ref (mp_plan_get_participants (plan));
      g_signal_connect (self->participants, "items-changed", G_CALLBACK (on_participants_changed), self);
      on_participants_changed (G_LIST_MODEL (self->participants), 0, 0,
                               g_list_model_get_n_items (G_LIST_MODEL (self->participants)), self);
    }
  gtk_filter_list_model_set_model (self->filtered, self->participants != NULL ? G_LIST_MODEL (self->participants) : NULL);
  resync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

MpParty
mp_participant_picker_get_party (MpParticipantPicker *self)
{
  g_return_val_if_fail (MP_IS_PARTICIPANT_PICKER (self), MP_PARTY_BOTH);

  return self->party;
}

void
mp_participant_picker_set_party (MpParticipantPicker *self,
                                 MpParty              party)
{
  g_return_if_fail (MP_IS_PARTICIPANT_PICKER (self));

  if (self->party == party)
    return;
  self->party = party;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTY]);
}

const char *
mp_participant_picker_get_participant_id (MpParticipantPicker *self)
{
  g_return_val_if_fail (MP_IS_PARTICIPANT_PICKER (self), NULL);

  return self->participant_id;
}

void
mp_participant_picker_set_participant_id (MpParticipantPicker *self,
                                          const char          *id)
{
  g_return_if_fail (MP_IS_PARTICIPANT_PICKER (self));

  if (g_strcmp0 (self->participant_id, id) == 0)
    return;
  g_free (self->participant_id);
  self->participant_id = g_strdup (id);
  if (self->party != MP_PARTY_BOTH)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  resync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANT_ID]);
}

void
mp_participant_picker_set_none_label (MpParticipantPicker *self,
                                      const char          *label)
{
  g_return_if_fail (MP_IS_PARTICIPANT_PICKER (self));

  mp_participant_set_name (self->none_item, label != NULL ? label : _("Nobody"));
}

void
mp_participant_picker_set_accessible_label (MpParticipantPicker *self,
                                            const char          *label)
{
  g_return_if_fail (MP_IS_PARTICIPANT_PICKER (self));

  /* "Seller owner: Dana Whitfield", on the drop-down and its button. */
  mp_a11y_drop_down_set_field (GTK_DROP_DOWN (self->drop_down), label);
  mp_tooltip_set_text (self->drop_down, label);
}

gboolean
mp_participant_picker_choose (MpParticipantPicker *self,
                              const char          *id)
{
  guint pos;

  g_return_val_if_fail (MP_IS_PARTICIPANT_PICKER (self), FALSE);

  pos = find_position (self, id);
  if (id != NULL && pos == 0)
    return FALSE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->drop_down), pos);
  return TRUE;
}

GListModel *
mp_participant_picker_get_model (MpParticipantPicker *self)
{
  g_return_val_if_fail (MP_IS_PARTICIPANT_PICKER (self), NULL);

  return G_LIST_MODEL (self->flat);
}
