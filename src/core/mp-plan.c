/* mp-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-model.h"

/* An index of one list of children by id, kept up to date as the list
 * changes (items-changed gives positions; the mirror remembers what sat
 * there, and under which id, for the items a change removes). Ids that
 * change while indexed, and lists with duplicate ids (an error the
 * check reports), make it start over at the next lookup: the first of
 * each id in list order, as a walk of the list would find it. */
typedef struct {
  gpointer  item;  /* not a reference: the list keeps it; never read once removed */
  char     *key;   /* its id when indexed, or NULL */
} IndexEntry;

typedef struct {
  GListModel *list;
  GArray     *mirror;   /* of IndexEntry, in list order, or NULL when stale */
  GHashTable *by_id;    /* key of the mirror → item */
  guint       id_serial;
  gboolean    duplicates; /* some id is there twice */
  gulong      handler;
} IdIndex;

struct _MpPlan
{
  MpRecord parent_instance;

  IdIndex  milestones;
  IdIndex  participants;
};

G_DEFINE_FINAL_TYPE (MpPlan, mp_plan, MP_TYPE_RECORD)

static const MpField fields[] = {
  { "format", MP_FIELD_STRING, MP_FIELD_REQUIRED | MP_FIELD_HEADER, 0, 0, 0, NULL, MP_REF_NONE, "always mutualplan" },
  { "version", MP_FIELD_INT, MP_FIELD_REQUIRED | MP_FIELD_HEADER, 1, 2147483647, 1, NULL, MP_REF_NONE, "format version" },
  { "id", MP_FIELD_STRING, MP_FIELD_REQUIRED | MP_FIELD_NONEMPTY, 0, 0, 0, NULL, MP_REF_NONE, "unique, stable id; base of calendar UIDs" },
  { "title", MP_FIELD_STRING, MP_FIELD_REQUIRED | MP_FIELD_NONEMPTY, 0, 0, 0, NULL, MP_REF_NONE, "title of the plan" },
  { "customer", MP_FIELD_STRING, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "customer organisation" },
  { "vendor", MP_FIELD_STRING, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "vendor organisation" },
  { "summary", MP_FIELD_STRING, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "the business case" },
  { "start", MP_FIELD_DATE, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "plan start" },
  { "target", MP_FIELD_DATE, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "the customer's deadline" },
  { "buffer_days", MP_FIELD_INT, MP_FIELD_NEW, 0, 36500, 0, NULL, MP_REF_NONE, "slack before target" },
  { "timezone", MP_FIELD_TIMEZONE, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_NONE, "zone of all times" },
  { "organizer", MP_FIELD_REF, MP_FIELD_NEW, 0, 0, 0, NULL, MP_REF_PARTICIPANT, "seller contact who sends invitations" },
  { "participants", MP_FIELD_CHILDREN, MP_FIELD_NEW, 0, 0, 0, mp_participant_get_type, MP_REF_NONE, "people on both sides" },
  { "goals", MP_FIELD_CHILDREN, MP_FIELD_NEW, 0, 0, 0, mp_goal_get_type, MP_REF_NONE, "measurable goals" },
  { "milestones", MP_FIELD_CHILDREN, MP_FIELD_NEW, 0, 0, 0, mp_milestone_get_type, MP_REF_NONE, "milestones in display order" },
  { "blackouts", MP_FIELD_CHILDREN, MP_FIELD_NEW, 0, 0, 0, mp_blackout_get_type, MP_REF_NONE, "holidays, vacations, freezes" },
  { "meetings", MP_FIELD_CHILDREN, MP_FIELD_NEW, 0, 0, 0, mp_meeting_get_type, MP_REF_NONE, "the communication cadence" },
  { "reporting", MP_FIELD_CHILD, 0, 0, 0, 0, mp_reporting_get_type, MP_REF_NONE, "status report rhythm" },
  { "baselines", MP_FIELD_CHILDREN, 0, 0, 0, 0, mp_baseline_get_type, MP_REF_NONE, "named snapshots of agreed dates" },
  { "history", MP_FIELD_CHILDREN, MP_FIELD_NEW, 0, 0, 0, mp_history_entry_get_type, MP_REF_NONE, "what changed and why" },
  { "cancellations", MP_FIELD_CHILDREN, 0, 0, 0, 0, mp_cancellation_get_type, MP_REF_NONE, "deleted events whose cancellation is still to be sent" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == MP_PLAN_N_FIELDS);

static void
index_entry_clear (gpointer data)
{
  g_free (((IndexEntry *) data)->key);
}

static void
id_index_drop (IdIndex *index)
{
  g_clear_pointer (&index->by_id, g_hash_table_unref);
  g_clear_pointer (&index->mirror, g_array_unref);
}

/* Adds @entry to the table; FALSE when its id is there already. */
static gboolean
id_index_add (IdIndex    *index,
              IndexEntry *entry)
{
  if (entry->key == NULL)
    return TRUE;
  return g_hash_table_insert (index->by_id, entry->key, entry->item);
}

static void
id_index_items_changed (GListModel *list,
                        guint       position,
                        guint       removed,
                        guint       added,
                        gpointer    user_data)
{
  IdIndex *index = user_data;

  if (index->mirror == NULL)
    return;
  if (index->duplicates || index->id_serial != mp_record_get_id_serial () ||
      position + removed > index->mirror->len)
    {
      id_index_drop (index);
      return;
    }
  for (guint i = position; i < position + removed; i++)
    {
      IndexEntry *e = &g_array_index (index->mirror, IndexEntry, i);

      if (e->key != NULL)
        g_hash_table_remove (index->by_id, e->key);
    }
  g_array_remove_range (index->mirror, position, removed);
  if (added > 0)
    {
      g_autofree IndexEntry *fresh = g_new0 (IndexEntry, added);

      for (guint i = 0; i < added; i++)
        {
          g_autoptr(MpRecord) rec = g_list_model_get_item (list, position + i);

          fresh[i].item = rec;  /* the list keeps it */
          fresh[i].key = g_strdup (mp_record_get_id (rec));
        }
      g_array_insert_vals (index->mirror, position, fresh, added);
      for (guint i = 0; i < added; i++)
        if (!id_index_add (index, &g_array_index (index->mirror, IndexEntry, position + i)))
          {
            /* A duplicate id: which one is first depends on positions. */
            id_index_drop (index);
            return;
          }
    }
}

static void
id_index_init (IdIndex    *index,
               GListStore *list)
{
  index->list = G_LIST_MODEL (list);
  index->handler = g_signal_connect (list, "items-changed", G_CALLBACK (id_index_items_changed), index);
}

static void
id_index_clear (IdIndex *index)
{
  if (index->handler != 0)
    g_clear_signal_handler (&index->handler, index->list);
  id_index_drop (index);
}

static gpointer
id_index_lookup (IdIndex    *index,
                 const char *id)
{
  if (id == NULL)
    return NULL;
  if (index->mirror != NULL && index->id_serial != mp_record_get_id_serial ())
    id_index_drop (index);
  if (index->mirror == NULL)
    {
      guint n = g_list_model_get_n_items (index->list);

      index->id_serial = mp_record_get_id_serial ();
      index->mirror = g_array_sized_new (FALSE, FALSE, sizeof (IndexEntry), n);
      g_array_set_clear_func (index->mirror, index_entry_clear);
      index->by_id = g_hash_table_new (g_str_hash, g_str_equal);
      index->duplicates = FALSE;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(MpRecord) rec = g_list_model_get_item (index->list, i);
          IndexEntry e = { rec, g_strdup (mp_record_get_id (rec)) };

          g_array_append_val (index->mirror, e);
          /* The first of each id wins, as in a walk of the list. */
          if (e.key == NULL)
            continue;
          if (g_hash_table_contains (index->by_id, e.key))
            index->duplicates = TRUE;
          else
            g_hash_table_insert (index->by_id, e.key, e.item);
        }
    }
  return g_hash_table_lookup (index->by_id, id);
}

static void
mp_plan_dispose (GObject *object)
{
  MpPlan *self = MP_PLAN (object);

  id_index_clear (&self->milestones);
  id_index_clear (&self->participants);
  G_OBJECT_CLASS (mp_plan_parent_class)->dispose (object);
}

static void
mp_plan_class_init (MpPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mp_plan_dispose;
  mp_record_class_install_fields (MP_RECORD_CLASS (klass), "plan", fields, G_N_ELEMENTS (fields));
}

static void
mp_plan_init (MpPlan *self)
{
  id_index_init (&self->milestones, mp_plan_get_milestones (self));
  id_index_init (&self->participants, mp_plan_get_participants (self));
}

/* A new plan as made in the app: a fresh id and the members a
 * new object writes. */
MpPlan *
mp_plan_new (void)
{
  MpPlan *self = g_object_new (MP_TYPE_PLAN, NULL);
  g_autofree char *id = mp_record_new_id (NULL);
  g_autofree char *tz = mp_timezone_get_local ();

  mp_record_set_string (MP_RECORD (self), MP_PLAN_FORMAT, "mutualplan");
  mp_record_set_int (MP_RECORD (self), MP_PLAN_VERSION, MP_PLAN_FORMAT_VERSION);
  mp_record_set_id (MP_RECORD (self), id);
  mp_plan_set_timezone (self, tz);
  mp_record_mark_new (MP_RECORD (self));
  return self;
}

/* By an index kept up to date with the lists (mp_plan_init ()): O(1)
 * per lookup, so that callers may look up per dependency and per row. */
MpParticipant *
mp_plan_find_participant (MpPlan     *self,
                          const char *id)
{
  g_return_val_if_fail (MP_IS_PLAN (self), NULL);
  return id_index_lookup (&self->participants, id);
}

MpMilestone *
mp_plan_find_milestone (MpPlan     *self,
                        const char *id)
{
  g_return_val_if_fail (MP_IS_PLAN (self), NULL);
  return id_index_lookup (&self->milestones, id);
}

const char *
mp_plan_get_timezone_or_default (MpPlan *self)
{
  const char *tz = mp_plan_get_timezone (self);

  return tz != NULL && *tz ? tz : "UTC";
}
