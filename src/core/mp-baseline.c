/* mp-baseline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-model.h"

struct _MpBaseline
{
  MpRecord parent_instance;

  /* mp_baseline_lookup (): the dates by milestone id, for the map (and
   * its length) they were made of. */
  GHashTable *by_id;
  MpDateMap  *indexed;
  guint       indexed_len;
};

G_DEFINE_FINAL_TYPE (MpBaseline, mp_baseline, MP_TYPE_RECORD)

static const MpField fields[] = {
  { "name", MP_FIELD_STRING, MP_FIELD_REQUIRED | MP_FIELD_NONEMPTY, 0, 0, 0, NULL, MP_REF_NONE, "name" },
  { "at", MP_FIELD_DATETIME, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "when it was taken" },
  { "dates", MP_FIELD_DATE_MAP, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "milestone id to start and due" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == MP_BASELINE_N_FIELDS);

static void
mp_baseline_finalize (GObject *object)
{
  MpBaseline *self = MP_BASELINE (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  G_OBJECT_CLASS (mp_baseline_parent_class)->finalize (object);
}

static void
mp_baseline_class_init (MpBaselineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mp_baseline_finalize;
  mp_record_class_install_fields (MP_RECORD_CLASS (klass), "baseline", fields, G_N_ELEMENTS (fields));
}

static void
mp_baseline_init (MpBaseline *self)
{
}

/* A new baseline as made in the app: a fresh id and the members a
 * new object writes. */
MpBaseline *
mp_baseline_new (void)
{
  MpBaseline *self = g_object_new (MP_TYPE_BASELINE, NULL);

  mp_record_mark_new (MP_RECORD (self));
  return self;
}

const MpDateMapEntry *
mp_baseline_lookup (MpBaseline *self,
                    const char *milestone_id)
{
  MpDateMap *map;

  g_return_val_if_fail (MP_IS_BASELINE (self), NULL);

  map = mp_baseline_get_dates (self);
  if (map == NULL || milestone_id == NULL)
    return NULL;
  if (self->by_id == NULL || self->indexed != map || self->indexed_len != map->len)
    {
      g_clear_pointer (&self->by_id, g_hash_table_unref);
      self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < map->len; i++)
        {
          MpDateMapEntry *e = g_ptr_array_index (map, i);

          /* The first of each id, as mp_date_map_lookup () finds it. */
          if (e->id != NULL && !g_hash_table_contains (self->by_id, e->id))
            g_hash_table_insert (self->by_id, e->id, e);
        }
      self->indexed = map;
      self->indexed_len = map->len;
    }
  return g_hash_table_lookup (self->by_id, milestone_id);
}
