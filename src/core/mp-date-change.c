/* mp-date-change.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-date-change.h"

struct _MpDateChange
{
  GObject           parent_instance;
  MpDateChangeKind  kind;
  char             *milestone_id;
  MpMilestone      *milestone;
  MpDate            old_start;
  MpDate            old_due;
  MpDate            new_start;
  MpDate            new_due;
};

G_DEFINE_FINAL_TYPE (MpDateChange, mp_date_change, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_MILESTONE_ID,
  PROP_MILESTONE,
  PROP_OLD_START,
  PROP_OLD_DUE,
  PROP_NEW_START,
  PROP_NEW_DUE,
  PROP_DUE_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
mp_date_change_kind_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { MP_DATE_CHANGE_MOVED, "MP_DATE_CHANGE_MOVED", "moved" },
        { MP_DATE_CHANGE_ADDED, "MP_DATE_CHANGE_ADDED", "added" },
        { MP_DATE_CHANGE_DROPPED, "MP_DATE_CHANGE_DROPPED", "dropped" },
        { MP_DATE_CHANGE_REMOVED, "MP_DATE_CHANGE_REMOVED", "removed" },
        { 0, NULL, NULL }
      };
      g_once_init_leave (&type_id, g_enum_register_static ("MpDateChangeKind", values));
    }
  return type_id;
}

static void
mp_date_change_finalize (GObject *object)
{
  MpDateChange *self = MP_DATE_CHANGE (object);

  g_free (self->milestone_id);
  g_clear_object (&self->milestone);
  G_OBJECT_CLASS (mp_date_change_parent_class)->finalize (object);
}

static void
mp_date_change_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MpDateChange *self = MP_DATE_CHANGE (object);

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_MILESTONE_ID: g_value_set_string (value, self->milestone_id); break;
    case PROP_MILESTONE: g_value_set_object (value, self->milestone); break;
    case PROP_OLD_START: g_value_set_uint (value, self->old_start); break;
    case PROP_OLD_DUE: g_value_set_uint (value, self->old_due); break;
    case PROP_NEW_START: g_value_set_uint (value, self->new_start); break;
    case PROP_NEW_DUE: g_value_set_uint (value, self->new_due); break;
    case PROP_DUE_DAYS: g_value_set_int (value, mp_date_change_get_due_days (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_date_change_class_init (MpDateChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mp_date_change_finalize;
  object_class->get_property = mp_date_change_get_property;

  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, MP_TYPE_DATE_CHANGE_KIND,
                                             MP_DATE_CHANGE_MOVED, ro);
  properties[PROP_MILESTONE_ID] = g_param_spec_string ("milestone-id", NULL, NULL, NULL, ro);
  properties[PROP_MILESTONE] = g_param_spec_object ("milestone", NULL, NULL, MP_TYPE_MILESTONE, ro);
  properties[PROP_OLD_START] = g_param_spec_uint ("old-start", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_OLD_DUE] = g_param_spec_uint ("old-due", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_NEW_START] = g_param_spec_uint ("new-start", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_NEW_DUE] = g_param_spec_uint ("new-due", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_DUE_DAYS] = g_param_spec_int ("due-days", NULL, NULL, G_MININT, G_MAXINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_date_change_init (MpDateChange *self)
{
}

MpDateChange *
mp_date_change_new (MpDateChangeKind  kind,
                    const char       *milestone_id,
                    MpMilestone      *milestone,
                    MpDate            old_start,
                    MpDate            old_due,
                    MpDate            new_start,
                    MpDate            new_due)
{
  MpDateChange *self;

  g_return_val_if_fail (milestone_id != NULL, NULL);
  g_return_val_if_fail (milestone == NULL || MP_IS_MILESTONE (milestone), NULL);

  self = g_object_new (MP_TYPE_DATE_CHANGE, NULL);
  self->kind = kind;
  self->milestone_id = g_strdup (milestone_id);
  self->milestone = milestone ? g_object_ref (milestone) : NULL;
  self->old_start = old_start;
  self->old_due = old_due;
  self->new_start = new_start;
  self->new_due = new_due;
  return self;
}

MpDateChangeKind
mp_date_change_get_kind (MpDateChange *self)
{
  g_return_val_if_fail (MP_IS_DATE_CHANGE (self), 0);
  return self->kind;
}

const char *
mp_date_change_get_milestone_id (MpDateChange *self)
{
  g_return_val_if_fail (MP_IS_DATE_CHANGE (self), NULL);
  return self->milestone_id;
}

MpMilestone *
mp_date_change_get_milestone (MpDateChange *self)
{
  g_return_val_if_fail (MP_IS_DATE_CHANGE (self), NULL);
  return self->milestone;
}

MpDate
mp_date_change_get_old_start (MpDateChange *self)
{
  g_return_val_if_fail (MP_IS_DATE_CHANGE (self), MP_DATE_NONE);
  return self->old_start;
}

MpDate
mp_date_change_get_old_due (MpDateChange *self)
{
  g_return_val_if_fail (MP_IS_DATE_CHANGE (self), MP_DATE_NONE);
  return self->old_due;
}

MpDate
mp_date_change_get_new_start (MpDateChange *self)
{
  g_return_val_if_fail (MP_IS_DATE_CHANGE (self), MP_DATE_NONE);
  return self->new_start;
}

MpDate
mp_date_change_get_new_due (MpDateChange *self)
{
  g_return_val_if_fail (MP_IS_DATE_CHANGE (self), MP_DATE_NONE);
  return self->new_due;
}

int
mp_date_change_get_due_days (MpDateChange *self)
{
  g_return_val_if_fail (MP_IS_DATE_CHANGE (self), 0);
  if (self->old_due == MP_DATE_NONE || self->new_due == MP_DATE_NONE)
    return 0;
  return (int) self->new_due - (int) self->old_due;
}

int
mp_date_change_get_start_days (MpDateChange *self)
{
  g_return_val_if_fail (MP_IS_DATE_CHANGE (self), 0);
  if (self->old_start == MP_DATE_NONE || self->new_start == MP_DATE_NONE)
    return 0;
  return (int) self->new_start - (int) self->old_start;
}
