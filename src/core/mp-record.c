/* mp-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-record.h"

#include <string.h>

typedef struct {
  int       after_field;
  char     *name;
  JsonNode *node;
} Unknown;

/* The values of a record's fields. A snapshot shares them with the
 * record (one reference each); the record copies them before its next
 * change while a snapshot holds them (copy on write), so a snapshot never
 * sees a later edit and the record never waits for a snapshot. */
typedef struct {
  gatomicrefcount ref;
  guint           n;
  GValue          values[];
} Values;

typedef struct {
  Values    *block;
  guint64    present;
  GPtrArray *unknown; /* of Unknown, NULL until needed */
} MpRecordPrivate;

struct _MpRecordSnapshot {
  MpRecordClass     *klass;
  Values            *block;
  guint64            present;
  GPtrArray         *unknown;  /* of Unknown (copies), or NULL */
  GPtrArray        **children; /* per field: snapshots of CHILDREN and CHILD fields, or NULL */
};

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (MpRecord, mp_record, G_TYPE_OBJECT)

/* Counters of changes to any record (see mp_record_get_change_serial ()). */
static guint change_serial;
static guint id_serial;

guint
mp_record_get_change_serial (void)
{
  return (guint) g_atomic_int_get (&change_serial);
}

guint
mp_record_get_id_serial (void)
{
  return (guint) g_atomic_int_get (&id_serial);
}

static void
children_changed (GListModel *store,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  g_atomic_int_inc (&change_serial);
}

static void
date_map_entry_free (gpointer data)
{
  MpDateMapEntry *e = data;

  g_free (e->id);
  g_clear_pointer (&e->unknown, json_node_unref);
  g_free (e);
}

MpDateMap *
mp_date_map_new (void)
{
  return g_ptr_array_new_with_free_func (date_map_entry_free);
}

static MpDateMap *
date_map_copy (MpDateMap *map)
{
  MpDateMap *copy = mp_date_map_new ();

  for (guint i = 0; i < map->len; i++)
    {
      MpDateMapEntry *e = g_ptr_array_index (map, i);
      MpDateMapEntry *c;

      mp_date_map_add (copy, e->id, e->start, e->due);
      c = g_ptr_array_index (copy, i);
      c->has_start = e->has_start;
      c->unknown = e->unknown ? json_node_ref (e->unknown) : NULL;
    }
  return copy;
}

G_DEFINE_BOXED_TYPE (MpDateMap, mp_date_map, date_map_copy, g_ptr_array_unref)

void
mp_date_map_add (MpDateMap  *map,
                 const char *id,
                 MpDate      start,
                 MpDate      due)
{
  MpDateMapEntry *e = g_new0 (MpDateMapEntry, 1);

  e->id = g_strdup (id);
  e->start = start;
  e->due = due;
  e->has_start = TRUE;
  g_ptr_array_add (map, e);
}

const MpDateMapEntry *
mp_date_map_lookup (MpDateMap  *map,
                    const char *id)
{
  if (map == NULL)
    return NULL;
  for (guint i = 0; i < map->len; i++)
    {
      MpDateMapEntry *e = g_ptr_array_index (map, i);
      if (g_strcmp0 (e->id, id) == 0)
        return e;
    }
  return NULL;
}

static void
unknown_free (gpointer data)
{
  Unknown *u = data;

  g_free (u->name);
  json_node_unref (u->node);
  g_free (u);
}

static GType
field_value_type (const MpField *f)
{
  switch (f->kind)
    {
    case MP_FIELD_STRING:
    case MP_FIELD_DATETIME:
    case MP_FIELD_LOCAL_DATETIME:
    case MP_FIELD_TIMEZONE:
    case MP_FIELD_REF:
      return G_TYPE_STRING;
    case MP_FIELD_DATE:
      return G_TYPE_UINT;
    case MP_FIELD_TIME:
    case MP_FIELD_INT:
      return G_TYPE_INT;
    case MP_FIELD_BOOL:
      return G_TYPE_BOOLEAN;
    case MP_FIELD_ENUM:
      return f->get_type ();
    case MP_FIELD_REFS:
      return G_TYPE_STRV;
    case MP_FIELD_CHILDREN:
      return G_TYPE_LIST_STORE;
    case MP_FIELD_CHILD:
      return f->get_type ();
    case MP_FIELD_DATE_MAP:
      return MP_TYPE_DATE_MAP;
    default:
      g_assert_not_reached ();
    }
}

static GParamSpec *
field_pspec (const MpField *f)
{
  g_autofree char *prop = g_strdelimit (g_strdup (f->name), "_", '-');
  const char *blurb = f->blurb ? f->blurb : f->name;
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamSpec *pspec;

  /* Interned, so that G_PARAM_STATIC_NAME holds. */
  switch (f->kind)
    {
    case MP_FIELD_STRING:
    case MP_FIELD_DATETIME:
    case MP_FIELD_LOCAL_DATETIME:
    case MP_FIELD_TIMEZONE:
    case MP_FIELD_REF:
      pspec = g_param_spec_string (g_intern_string (prop), NULL, blurb, NULL, flags);
      break;
    case MP_FIELD_DATE:
      pspec = g_param_spec_uint (g_intern_string (prop), NULL, blurb, 0, G_MAXUINT, 0, flags);
      break;
    case MP_FIELD_TIME:
      pspec = g_param_spec_int (g_intern_string (prop), NULL, blurb, -1, 24 * 60 - 1, -1, flags);
      break;
    case MP_FIELD_INT:
      pspec = g_param_spec_int (g_intern_string (prop), NULL, blurb,
                                MIN (f->min, f->fallback), f->max, f->fallback, flags);
      break;
    case MP_FIELD_BOOL:
      pspec = g_param_spec_boolean (g_intern_string (prop), NULL, blurb, f->fallback, flags);
      break;
    case MP_FIELD_ENUM:
      pspec = g_param_spec_enum (g_intern_string (prop), NULL, blurb, f->get_type (), f->fallback, flags);
      break;
    case MP_FIELD_REFS:
    case MP_FIELD_DATE_MAP:
      pspec = g_param_spec_boxed (g_intern_string (prop), NULL, blurb, field_value_type (f), flags);
      break;
    case MP_FIELD_CHILDREN:
      pspec = g_param_spec_object (g_intern_string (prop), NULL, blurb, G_TYPE_LIST_STORE,
                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
      break;
    case MP_FIELD_CHILD:
      pspec = g_param_spec_object (g_intern_string (prop), NULL, blurb, f->get_type (), flags);
      break;
    default:
      g_assert_not_reached ();
    }
  return pspec;
}

static MpRecordPrivate *get_priv (MpRecord *self);

static void
mp_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MpRecord *self = MP_RECORD (object);
  MpRecordPrivate *priv = get_priv (self);
  guint n;

  mp_record_get_fields (self, &n);
  if (prop_id == 0 || prop_id > n)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_value_copy (&priv->block->values[prop_id - 1], value);
}

static void
mp_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MpRecord *self = MP_RECORD (object);
  guint n;

  mp_record_get_fields (self, &n);
  if (prop_id == 0 || prop_id > n)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  mp_record_set_value (self, prop_id - 1, value);
}

static Values *
values_new (guint n)
{
  Values *block = g_malloc0 (sizeof (Values) + n * sizeof (GValue));

  g_atomic_ref_count_init (&block->ref);
  block->n = n;
  return block;
}

static Values *
values_ref (Values *block)
{
  g_atomic_ref_count_inc (&block->ref);
  return block;
}

static void
values_unref (Values *block)
{
  if (block == NULL || !g_atomic_ref_count_dec (&block->ref))
    return;
  for (guint i = 0; i < block->n; i++)
    g_value_unset (&block->values[i]);
  g_free (block);
}

/* The values are made on first use: the fields are the subclass's, which
 * instance_init cannot see yet. */
static MpRecordPrivate *
get_priv (MpRecord *self)
{
  MpRecordPrivate *priv = mp_record_get_instance_private (self);
  MpRecordClass *klass;

  if (G_LIKELY (priv->block != NULL))
    return priv;

  klass = MP_RECORD_GET_CLASS (self);
  priv->block = values_new (klass->n_fields);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const MpField *f = &klass->fields[i];
      GValue *v = &priv->block->values[i];

      g_value_init (v, field_value_type (f));
      if (f->kind == MP_FIELD_CHILDREN)
        {
          GListStore *store = g_list_store_new (f->get_type ());

          g_signal_connect (store, "items-changed", G_CALLBACK (children_changed), NULL);
          g_value_take_object (v, store);
        }
      else
        g_param_value_set_default (klass->pspecs[i], v);
    }
  return priv;
}

/* The values, to change: copied first while a snapshot shares them. */
static GValue *
writable_values (MpRecordPrivate *priv)
{
  Values *old = priv->block;
  Values *copy;

  if (g_atomic_ref_count_compare (&old->ref, 1))
    return old->values;
  copy = values_new (old->n);
  for (guint i = 0; i < old->n; i++)
    {
      g_value_init (&copy->values[i], G_VALUE_TYPE (&old->values[i]));
      g_value_copy (&old->values[i], &copy->values[i]);
    }
  priv->block = copy;
  values_unref (old);
  return copy->values;
}

static void
mp_record_dispose (GObject *object)
{
  MpRecordPrivate *priv = mp_record_get_instance_private (MP_RECORD (object));

  g_clear_pointer (&priv->block, values_unref);
  G_OBJECT_CLASS (mp_record_parent_class)->dispose (object);
}

static void
mp_record_finalize (GObject *object)
{
  MpRecordPrivate *priv = mp_record_get_instance_private (MP_RECORD (object));

  g_clear_pointer (&priv->unknown, g_ptr_array_unref);
  G_OBJECT_CLASS (mp_record_parent_class)->finalize (object);
}

static void
mp_record_class_init (MpRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = mp_record_get_property;
  object_class->set_property = mp_record_set_property;
  object_class->dispose = mp_record_dispose;
  object_class->finalize = mp_record_finalize;
  klass->id_field = -1;
}

static void
mp_record_init (MpRecord *self)
{
}

void
mp_record_class_install_fields (MpRecordClass *klass,
                                const char    *kind_name,
                                const MpField *fields,
                                guint          n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (n_fields <= 64);

  /* GObject does not inherit these two: each class sets its own. */
  object_class->get_property = mp_record_get_property;
  object_class->set_property = mp_record_set_property;

  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->kind_name = kind_name;
  klass->pspecs = g_new0 (GParamSpec *, n_fields);
  klass->id_field = -1;
  for (guint i = 0; i < n_fields; i++)
    {
      klass->pspecs[i] = field_pspec (&fields[i]);
      g_object_class_install_property (object_class, i + 1, klass->pspecs[i]);
      if (g_str_equal (fields[i].name, "id"))
        klass->id_field = i;
      if (fields[i].kind == MP_FIELD_CHILDREN || fields[i].kind == MP_FIELD_CHILD)
        klass->children_mask |= G_GUINT64_CONSTANT (1) << i;
    }
}

const MpField *
mp_record_get_fields (MpRecord *self,
                      guint    *n_fields)
{
  MpRecordClass *klass = MP_RECORD_GET_CLASS (self);

  if (n_fields)
    *n_fields = klass->n_fields;
  return klass->fields;
}

int
mp_record_find_field (MpRecord   *self,
                      const char *name)
{
  MpRecordClass *klass = MP_RECORD_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    if (g_str_equal (klass->fields[i].name, name))
      return i;
  return -1;
}

const char *
mp_record_get_kind_name (MpRecord *self)
{
  return MP_RECORD_GET_CLASS (self)->kind_name;
}

const char *
mp_record_get_id (MpRecord *self)
{
  int f;

  g_return_val_if_fail (MP_IS_RECORD (self), NULL);
  f = MP_RECORD_GET_CLASS (self)->id_field;
  return f >= 0 ? mp_record_get_string (self, f) : NULL;
}

void
mp_record_set_id (MpRecord   *self,
                  const char *id)
{
  int f;

  g_return_if_fail (MP_IS_RECORD (self));
  f = MP_RECORD_GET_CLASS (self)->id_field;
  g_return_if_fail (f >= 0);
  mp_record_set_string (self, f, id);
}

const GValue *
mp_record_peek_value (MpRecord *self,
                      guint     field)
{
  MpRecordPrivate *priv = get_priv (self);

  g_return_val_if_fail (field < MP_RECORD_GET_CLASS (self)->n_fields, NULL);
  return &priv->block->values[field];
}

static gboolean
values_equal (const MpField *f,
              const GValue  *a,
              const GValue  *b)
{
  switch (f->kind)
    {
    case MP_FIELD_STRING:
    case MP_FIELD_DATETIME:
    case MP_FIELD_LOCAL_DATETIME:
    case MP_FIELD_TIMEZONE:
    case MP_FIELD_REF:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
    case MP_FIELD_DATE:
      return g_value_get_uint (a) == g_value_get_uint (b);
    case MP_FIELD_TIME:
    case MP_FIELD_INT:
      return g_value_get_int (a) == g_value_get_int (b);
    case MP_FIELD_BOOL:
      return !g_value_get_boolean (a) == !g_value_get_boolean (b);
    case MP_FIELD_ENUM:
      return g_value_get_enum (a) == g_value_get_enum (b);
    case MP_FIELD_REFS:
      {
        const char * const *x = g_value_get_boxed (a);
        const char * const *y = g_value_get_boxed (b);
        guint nx = x ? g_strv_length ((char **) x) : 0;
        guint ny = y ? g_strv_length ((char **) y) : 0;

        if (nx != ny)
          return FALSE;
        for (guint i = 0; i < nx; i++)
          if (g_strcmp0 (x[i], y[i]) != 0)
            return FALSE;
        return TRUE;
      }
    case MP_FIELD_CHILDREN:
    case MP_FIELD_CHILD:
      return g_value_get_object (a) == g_value_get_object (b);
    case MP_FIELD_DATE_MAP:
      return g_value_get_boxed (a) == g_value_get_boxed (b);
    default:
      g_assert_not_reached ();
    }
}

gboolean
mp_record_values_equal (MpRecord     *self,
                        guint         field,
                        const GValue *a,
                        const GValue *b)
{
  MpRecordClass *klass = MP_RECORD_GET_CLASS (self);

  g_return_val_if_fail (field < klass->n_fields, FALSE);
  return values_equal (&klass->fields[field], a, b);
}

gboolean
mp_record_set_value (MpRecord     *self,
                     guint         field,
                     const GValue *value)
{
  MpRecordPrivate *priv = get_priv (self);
  MpRecordClass *klass = MP_RECORD_GET_CLASS (self);
  const MpField *f;

  g_return_val_if_fail (field < klass->n_fields, FALSE);
  f = &klass->fields[field];
  g_return_val_if_fail (f->kind != MP_FIELD_CHILDREN, FALSE);

  if (values_equal (f, &priv->block->values[field], value))
    return FALSE;
  g_value_copy (value, &writable_values (priv)[field]);
  g_atomic_int_inc (&change_serial);
  if ((int) field == klass->id_field)
    g_atomic_int_inc (&id_serial);
  g_object_notify_by_pspec (G_OBJECT (self), klass->pspecs[field]);
  return TRUE;
}

void
mp_record_take_value (MpRecord *self,
                      guint     field,
                      GValue   *value)
{
  MpRecordPrivate *priv = get_priv (self);
  MpRecordClass *klass = MP_RECORD_GET_CLASS (self);
  GValue *values;

  g_return_if_fail (field < klass->n_fields);
  g_return_if_fail (G_VALUE_TYPE (value) == G_VALUE_TYPE (&priv->block->values[field]));
  g_return_if_fail (klass->fields[field].kind != MP_FIELD_CHILDREN);

  values = writable_values (priv);
  g_value_unset (&values[field]);
  values[field] = *value;
  memset (value, 0, sizeof *value);
}

const char *
mp_record_get_string (MpRecord *self,
                      guint     field)
{
  return g_value_get_string (mp_record_peek_value (self, field));
}

void
mp_record_set_string (MpRecord   *self,
                      guint       field,
                      const char *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_static_string (&v, value);
  mp_record_set_value (self, field, &v);
}

int
mp_record_get_int (MpRecord *self,
                   guint     field)
{
  const GValue *v = mp_record_peek_value (self, field);

  if (G_VALUE_HOLDS_ENUM (v))
    return g_value_get_enum (v);
  if (G_VALUE_HOLDS_BOOLEAN (v))
    return g_value_get_boolean (v);
  if (G_VALUE_HOLDS_UINT (v))
    return (int) g_value_get_uint (v);
  return g_value_get_int (v);
}

void
mp_record_int_value (MpRecord *self,
                     guint     field,
                     int       value,
                     GValue   *out)
{
  const GValue *cur = mp_record_peek_value (self, field);

  g_value_init (out, G_VALUE_TYPE (cur));
  if (G_VALUE_HOLDS_ENUM (cur))
    g_value_set_enum (out, value);
  else if (G_VALUE_HOLDS_BOOLEAN (cur))
    g_value_set_boolean (out, value != 0);
  else if (G_VALUE_HOLDS_UINT (cur))
    g_value_set_uint (out, (guint) value);
  else
    g_value_set_int (out, value);
}

void
mp_record_set_int (MpRecord *self,
                   guint     field,
                   int       value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  mp_record_int_value (self, field, value, &v);
  mp_record_set_value (self, field, &v);
}

MpDate
mp_record_get_date (MpRecord *self,
                    guint     field)
{
  return g_value_get_uint (mp_record_peek_value (self, field));
}

void
mp_record_set_date (MpRecord *self,
                    guint     field,
                    MpDate    value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_UINT);
  g_value_set_uint (&v, value);
  mp_record_set_value (self, field, &v);
}

gboolean
mp_record_get_bool (MpRecord *self,
                    guint     field)
{
  return g_value_get_boolean (mp_record_peek_value (self, field));
}

void
mp_record_set_bool (MpRecord *self,
                    guint     field,
                    gboolean  value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  mp_record_set_value (self, field, &v);
}

const char * const *
mp_record_get_strv (MpRecord *self,
                    guint     field)
{
  return g_value_get_boxed (mp_record_peek_value (self, field));
}

void
mp_record_set_strv (MpRecord           *self,
                    guint               field,
                    const char * const *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRV);
  g_value_set_boxed (&v, value);
  mp_record_set_value (self, field, &v);
}

GListStore *
mp_record_get_children (MpRecord *self,
                        guint     field)
{
  return g_value_get_object (mp_record_peek_value (self, field));
}

MpRecord *
mp_record_get_child (MpRecord *self,
                     guint     field)
{
  return g_value_get_object (mp_record_peek_value (self, field));
}

void
mp_record_set_child (MpRecord *self,
                     guint     field,
                     MpRecord *child)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_VALUE_TYPE (mp_record_peek_value (self, field)));
  g_value_set_object (&v, child);
  mp_record_set_value (self, field, &v);
}

/* @n_children: the number of children of a CHILDREN field. */
static gboolean
value_is_default (MpRecordClass *klass,
                  guint          field,
                  const GValue  *v,
                  guint          n_children)
{
  const MpField *f = &klass->fields[field];

  switch (f->kind)
    {
    case MP_FIELD_REFS:
      {
        const char * const *strv = g_value_get_boxed (v);
        return strv == NULL || strv[0] == NULL;
      }
    case MP_FIELD_CHILDREN:
      return n_children == 0;
    case MP_FIELD_DATE_MAP:
      {
        MpDateMap *map = g_value_get_boxed (v);
        return map == NULL || map->len == 0;
      }
    default:
      return g_param_value_defaults (klass->pspecs[field], (GValue *) v);
    }
}

gboolean
mp_record_is_default (MpRecord *self,
                      guint     field)
{
  MpRecordClass *klass = MP_RECORD_GET_CLASS (self);
  const GValue *v = mp_record_peek_value (self, field);

  return value_is_default (klass, field, v,
                           klass->fields[field].kind == MP_FIELD_CHILDREN
                             ? g_list_model_get_n_items (G_LIST_MODEL (g_value_get_object (v))) : 0);
}

gboolean
mp_record_has_member (MpRecord *self,
                      guint     field)
{
  MpRecordPrivate *priv = get_priv (self);

  return (priv->present & (G_GUINT64_CONSTANT (1) << field)) != 0;
}

void
mp_record_mark_member (MpRecord *self,
                       guint     field)
{
  MpRecordPrivate *priv = get_priv (self);

  priv->present |= G_GUINT64_CONSTANT (1) << field;
}

void
mp_record_mark_new (MpRecord *self)
{
  MpRecordClass *klass = MP_RECORD_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].flags & (MP_FIELD_NEW | MP_FIELD_REQUIRED))
      mp_record_mark_member (self, i);
}

void
mp_record_add_unknown (MpRecord   *self,
                       int         after_field,
                       const char *name,
                       JsonNode   *node)
{
  MpRecordPrivate *priv = get_priv (self);
  Unknown *u = g_new0 (Unknown, 1);

  if (priv->unknown == NULL)
    priv->unknown = g_ptr_array_new_with_free_func (unknown_free);
  u->after_field = after_field;
  u->name = g_strdup (name);
  u->node = json_node_ref (node);
  g_ptr_array_add (priv->unknown, u);
}

guint
mp_record_get_n_unknown (MpRecord *self)
{
  MpRecordPrivate *priv = get_priv (self);

  return priv->unknown ? priv->unknown->len : 0;
}

void
mp_record_get_unknown (MpRecord    *self,
                       guint        i,
                       int         *after_field,
                       const char **name,
                       JsonNode   **node)
{
  MpRecordPrivate *priv = get_priv (self);
  Unknown *u;

  g_return_if_fail (priv->unknown != NULL && i < priv->unknown->len);
  u = g_ptr_array_index (priv->unknown, i);
  *after_field = u->after_field;
  *name = u->name;
  *node = u->node;
}

void
mp_record_set_unknown (MpRecord   *self,
                       int         after_field,
                       const char *name,
                       JsonNode   *node)
{
  MpRecordPrivate *priv = get_priv (self);

  for (guint i = 0; priv->unknown && i < priv->unknown->len; i++)
    {
      Unknown *u = g_ptr_array_index (priv->unknown, i);

      if (!g_str_equal (u->name, name))
        continue;
      if (node == NULL)
        g_ptr_array_remove_index (priv->unknown, i);
      else
        {
          json_node_ref (node);
          json_node_unref (u->node);
          u->node = node;
        }
      return;
    }
  if (node != NULL)
    mp_record_add_unknown (self, after_field, name, node);
}

JsonNode *
mp_record_lookup_unknown (MpRecord   *self,
                          const char *name)
{
  MpRecordPrivate *priv = get_priv (self);

  for (guint i = 0; priv->unknown && i < priv->unknown->len; i++)
    {
      Unknown *u = g_ptr_array_index (priv->unknown, i);

      if (g_str_equal (u->name, name))
        return u->node;
    }
  return NULL;
}

char *
mp_record_new_id (const char *prefix)
{
  g_autofree char *uuid = g_uuid_string_random ();

  if (prefix == NULL)
    return g_steal_pointer (&uuid);
  /* Eight hex digits are plenty within one plan and keep ids readable. */
  uuid[8] = '\0';
  return g_strdup_printf ("%s-%s", prefix, uuid);
}

MpRecord *
mp_record_copy (MpRecord *self)
{
  MpRecordPrivate *priv = get_priv (self);
  MpRecordClass *klass = MP_RECORD_GET_CLASS (self);
  MpRecord *copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  MpRecordPrivate *cpriv = get_priv (copy);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const MpField *f = &klass->fields[i];
      GValue *v = &priv->block->values[i];

      if (f->kind == MP_FIELD_CHILDREN)
        {
          GListModel *from = g_value_get_object (v);
          GListStore *to = g_value_get_object (&cpriv->block->values[i]);

          for (guint j = 0; j < g_list_model_get_n_items (from); j++)
            {
              g_autoptr(MpRecord) child = g_list_model_get_item (from, j);
              g_autoptr(MpRecord) child_copy = mp_record_copy (child);
              g_list_store_append (to, child_copy);
            }
        }
      else if (f->kind == MP_FIELD_CHILD)
        {
          MpRecord *child = g_value_get_object (v);
          if (child != NULL)
            g_value_take_object (&cpriv->block->values[i], mp_record_copy (child));
        }
      else
        g_value_copy (v, &cpriv->block->values[i]);
    }
  cpriv->present = priv->present;
  for (guint i = 0; priv->unknown && i < priv->unknown->len; i++)
    {
      Unknown *u = g_ptr_array_index (priv->unknown, i);
      g_autoptr(JsonNode) node = json_node_copy (u->node);
      mp_record_add_unknown (copy, u->after_field, u->name, node);
    }
  return copy;
}

/* ---- snapshots ---- */

static void
unknown_copy_into (GPtrArray **to,
                   GPtrArray  *from)
{
  if (from == NULL || from->len == 0)
    return;
  *to = g_ptr_array_new_full (from->len, unknown_free);
  for (guint i = 0; i < from->len; i++)
    {
      Unknown *u = g_ptr_array_index (from, i);
      Unknown *c = g_new0 (Unknown, 1);

      c->after_field = u->after_field;
      c->name = g_strdup (u->name);
      c->node = json_node_ref (u->node);
      g_ptr_array_add (*to, c);
    }
}

static MpRecordSnapshot *
snapshot (MpRecord *self)
{
  MpRecordPrivate *priv = get_priv (self);
  MpRecordClass *klass = MP_RECORD_GET_CLASS (self);
  MpRecordSnapshot *snap = g_new (MpRecordSnapshot, 1);

  snap->klass = klass;
  snap->block = values_ref (priv->block);
  snap->present = priv->present;
  snap->unknown = NULL;
  snap->children = NULL;
  unknown_copy_into (&snap->unknown, priv->unknown);
  if (klass->children_mask == 0)
    return snap;
  snap->children = g_new0 (GPtrArray *, klass->n_fields);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const GValue *v = &priv->block->values[i];

      if ((klass->children_mask & (G_GUINT64_CONSTANT (1) << i)) == 0)
        continue;
      if (klass->fields[i].kind == MP_FIELD_CHILDREN)
        {
          GListModel *list = g_value_get_object (v);
          guint n = g_list_model_get_n_items (list);
          GPtrArray *kids;

          if (n == 0)
            continue;
          kids = g_ptr_array_new_full (n, (GDestroyNotify) mp_record_snapshot_free);
          for (guint j = 0; j < n; j++)
            {
              MpRecord *child = g_list_model_get_item (list, j);

              g_ptr_array_add (kids, snapshot (child));
              g_object_unref (child);
            }
          snap->children[i] = kids;
        }
      else if (g_value_get_object (v) != NULL)
        {
          snap->children[i] = g_ptr_array_new_full (1, (GDestroyNotify) mp_record_snapshot_free);
          g_ptr_array_add (snap->children[i], snapshot (g_value_get_object (v)));
        }
    }
  return snap;
}

MpRecordSnapshot *
mp_record_snapshot (MpRecord *self)
{
  g_return_val_if_fail (MP_IS_RECORD (self), NULL);
  return snapshot (self);
}

void
mp_record_snapshot_free (MpRecordSnapshot *snap)
{
  if (snap == NULL)
    return;
  values_unref (snap->block);
  g_clear_pointer (&snap->unknown, g_ptr_array_unref);
  if (snap->children != NULL)
    {
      for (guint i = 0; i < snap->klass->n_fields; i++)
        g_clear_pointer (&snap->children[i], g_ptr_array_unref);
      g_free (snap->children);
    }
  g_free (snap);
}

const MpField *
mp_record_snapshot_get_fields (MpRecordSnapshot *snap,
                               guint            *n_fields)
{
  if (n_fields)
    *n_fields = snap->klass->n_fields;
  return snap->klass->fields;
}

const char *
mp_record_snapshot_get_kind_name (MpRecordSnapshot *snap)
{
  return snap->klass->kind_name;
}

const GValue *
mp_record_snapshot_peek_value (MpRecordSnapshot *snap,
                               guint             field)
{
  g_return_val_if_fail (field < snap->klass->n_fields, NULL);
  return &snap->block->values[field];
}

gboolean
mp_record_snapshot_has_member (MpRecordSnapshot *snap,
                               guint             field)
{
  return (snap->present & (G_GUINT64_CONSTANT (1) << field)) != 0;
}

gboolean
mp_record_snapshot_is_default (MpRecordSnapshot *snap,
                               guint             field)
{
  g_return_val_if_fail (field < snap->klass->n_fields, FALSE);
  return value_is_default (snap->klass, field, &snap->block->values[field],
                           mp_record_snapshot_get_n_children (snap, field));
}

guint
mp_record_snapshot_get_n_children (MpRecordSnapshot *snap,
                                   guint             field)
{
  g_return_val_if_fail (field < snap->klass->n_fields, 0);
  return snap->children && snap->children[field] ? snap->children[field]->len : 0;
}

MpRecordSnapshot *
mp_record_snapshot_get_child (MpRecordSnapshot *snap,
                              guint             field,
                              guint             i)
{
  g_return_val_if_fail (i < mp_record_snapshot_get_n_children (snap, field), NULL);
  return g_ptr_array_index (snap->children[field], i);
}

guint
mp_record_snapshot_get_n_unknown (MpRecordSnapshot *snap)
{
  return snap->unknown ? snap->unknown->len : 0;
}

void
mp_record_snapshot_get_unknown (MpRecordSnapshot  *snap,
                                guint              i,
                                int               *after_field,
                                const char       **name,
                                JsonNode         **node)
{
  Unknown *u;

  g_return_if_fail (i < mp_record_snapshot_get_n_unknown (snap));
  u = g_ptr_array_index (snap->unknown, i);
  *after_field = u->after_field;
  *name = u->name;
  *node = u->node;
}
