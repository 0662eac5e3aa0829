/* mp-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-document.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <unistd.h>

#include "mp-ical.h"
#include "mp-model.h"
#include "mp-plan-io.h"

typedef enum {
  CMD_SET,
  CMD_INSERT,
  CMD_REMOVE,
  CMD_MOVE,
  CMD_GROUP,
  CMD_UNKNOWN,
} CommandKind;

typedef struct _Command Command;
struct _Command {
  CommandKind  kind;
  guint64      serial;    /* unique per document: tells a stack position apart */
  char        *label;
  /* CMD_SET */
  MpRecord    *record;
  guint        field;
  GValue       old_value;
  GValue       new_value;
  /* CMD_INSERT, CMD_REMOVE, CMD_MOVE */
  GListStore  *store;
  guint        position;
  guint        position2;
  MpRecord    *item;
  /* CMD_GROUP */
  GPtrArray   *children;
  /* CMD_UNKNOWN (and record, position as the anchor field) */
  char        *name;
  JsonNode    *old_node;
  JsonNode    *new_node;
};

struct _MpDocument
{
  GObject       parent_instance;

  MpPlan       *plan;
  GFile        *file;
  char         *etag;

  GPtrArray    *undo;       /* of Command; [0, pos) are applied */
  guint         pos;
  int           saved_pos;  /* -1: the saved state is not on the stack */
  gboolean      forced_modified;

  GPtrArray    *open_groups; /* of Command being recorded */
  GHashTable   *bumped;      /* milestones whose sequence this group raised */

  guint64       next_serial;

  guint         autosave_delay;
  guint         autosave_id;
  char         *recovery_path;
  gboolean      recovery_writing;   /* a recovery copy is being written */
  gboolean      recovery_again;     /* write another when it is done */
  gboolean      recovery_discarded; /* discarded while being written */
};

G_DEFINE_FINAL_TYPE (MpDocument, mp_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  RECORD_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
command_free (gpointer data)
{
  Command *c = data;

  g_free (c->label);
  g_clear_object (&c->record);
  if (G_IS_VALUE (&c->old_value))
    g_value_unset (&c->old_value);
  if (G_IS_VALUE (&c->new_value))
    g_value_unset (&c->new_value);
  g_clear_object (&c->store);
  g_clear_object (&c->item);
  g_clear_pointer (&c->children, g_ptr_array_unref);
  g_free (c->name);
  g_clear_pointer (&c->old_node, json_node_unref);
  g_clear_pointer (&c->new_node, json_node_unref);
  g_free (c);
}

/* One field of one record changed (an edit, its undo or redo), before
 * ::changed ends the step: views update what shows that field. The
 * detail is the record's kind ("milestone", "task", …). */
static void
record_changed (MpDocument *self,
                MpRecord   *record,
                guint       field)
{
  g_signal_emit (self, signals[RECORD_CHANGED],
                 g_quark_from_static_string (mp_record_get_kind_name (record)), record, field);
}

static void
command_apply (MpDocument *self,
               Command    *c,
               gboolean    forward)
{
  switch (c->kind)
    {
    case CMD_SET:
      if (mp_record_set_value (c->record, c->field, forward ? &c->new_value : &c->old_value))
        record_changed (self, c->record, c->field);
      break;
    case CMD_INSERT:
    case CMD_REMOVE:
      if ((c->kind == CMD_INSERT) == forward)
        g_list_store_insert (c->store, c->position, c->item);
      else
        g_list_store_remove (c->store, c->position);
      break;
    case CMD_MOVE:
      {
        guint from = forward ? c->position : c->position2;
        guint to = forward ? c->position2 : c->position;
        g_autoptr(MpRecord) item = g_list_model_get_item (G_LIST_MODEL (c->store), from);

        g_list_store_remove (c->store, from);
        g_list_store_insert (c->store, to, item);
      }
      break;
    case CMD_UNKNOWN:
      mp_record_set_unknown (c->record, (int) c->position, c->name,
                             forward ? c->new_node : c->old_node);
      break;
    case CMD_GROUP:
      if (forward)
        for (guint i = 0; i < c->children->len; i++)
          command_apply (self, g_ptr_array_index (c->children, i), TRUE);
      else
        for (guint i = c->children->len; i > 0; i--)
          command_apply (self, g_ptr_array_index (c->children, i - 1), FALSE);
      break;
    }
}

static void
notify_state (MpDocument *self,
              gboolean    was_modified,
              gboolean    could_undo,
              gboolean    could_redo)
{
  if (was_modified != mp_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (could_undo != mp_document_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != mp_document_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void write_recovery_async (MpDocument *self);

static gboolean
autosave_cb (gpointer data)
{
  MpDocument *self = data;

  self->autosave_id = 0;
  if (mp_document_get_modified (self))
    write_recovery_async (self);
  return G_SOURCE_REMOVE;
}

static void
changed (MpDocument *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
  if (self->autosave_delay > 0)
    {
      /* Debounced: the timer restarts with every change. */
      g_clear_handle_id (&self->autosave_id, g_source_remove);
      self->autosave_id = g_timeout_add (self->autosave_delay, autosave_cb, self);
    }
}

/* Records @c, already applied. */
static void
push (MpDocument *self,
      Command    *c)
{
  gboolean was_modified, could_undo, could_redo;

  if (self->open_groups->len > 0)
    {
      Command *group = g_ptr_array_index (self->open_groups, self->open_groups->len - 1);
      g_ptr_array_add (group->children, c);
      return;
    }

  was_modified = mp_document_get_modified (self);
  could_undo = mp_document_can_undo (self);
  could_redo = mp_document_can_redo (self);

  /* A new command drops what could be redone. */
  if (self->pos < self->undo->len)
    {
      if (self->saved_pos > (int) self->pos)
        self->saved_pos = -1;
      g_ptr_array_set_size (self->undo, self->pos);
    }
  c->serial = ++self->next_serial;
  g_ptr_array_add (self->undo, c);
  self->pos++;
  notify_state (self, was_modified, could_undo, could_redo);
  changed (self);
}

void
mp_document_begin (MpDocument *self,
                   const char *label)
{
  Command *c;

  g_return_if_fail (MP_IS_DOCUMENT (self));

  c = g_new0 (Command, 1);
  c->kind = CMD_GROUP;
  c->label = g_strdup (label);
  c->children = g_ptr_array_new_with_free_func (command_free);
  g_ptr_array_add (self->open_groups, c);
}

void
mp_document_end (MpDocument *self)
{
  Command *c;

  g_return_if_fail (MP_IS_DOCUMENT (self));
  g_return_if_fail (self->open_groups->len > 0);

  c = g_ptr_array_steal_index (self->open_groups, self->open_groups->len - 1);
  if (self->open_groups->len == 0)
    g_hash_table_remove_all (self->bumped);
  if (c->children->len == 0)
    {
      command_free (c);
      return;
    }
  push (self, c);
}

static gboolean
is_sequence_field (guint field)
{
  switch (field)
    {
    case MP_MILESTONE_TITLE:
    case MP_MILESTONE_START:
    case MP_MILESTONE_DUE:
    case MP_MILESTONE_TIME:
    case MP_MILESTONE_LOCATION:
    case MP_MILESTONE_STATUS:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
add_history (MpDocument *self,
             char       *text /* taken */)
{
  g_autoptr(MpHistoryEntry) entry = g_object_new (MP_TYPE_HISTORY_ENTRY, NULL);
  g_autofree char *now = mp_datetime_now ();
  GListStore *history = mp_plan_get_history (self->plan);

  mp_record_mark_new (MP_RECORD (entry));
  mp_history_entry_set_at (entry, now);
  mp_history_entry_set_text (entry, text);
  g_free (text);
  mp_document_insert (self, history, g_list_model_get_n_items (G_LIST_MODEL (history)), MP_RECORD (entry));
}

/* Calendar consequences of a milestone edit (FORMAT.md): the sequence
 * rises once per step, and the history notes drops and moved due dates. */
static void
milestone_side_effects (MpDocument   *self,
                        MpMilestone  *m,
                        guint         field,
                        const GValue *old_value)
{
  const char *title = mp_milestone_get_title (m);

  if (is_sequence_field (field) && !g_hash_table_contains (self->bumped, m))
    {
      g_hash_table_add (self->bumped, g_object_ref (m));
      /* Saturating at the top of the format's range (a file may hold it). */
      mp_document_set_int (self, MP_RECORD (m), MP_MILESTONE_SEQUENCE,
                           mp_milestone_get_sequence (m) < G_MAXINT ? mp_milestone_get_sequence (m) + 1 : G_MAXINT);
    }
  if (field == MP_MILESTONE_STATUS && mp_milestone_get_status (m) == MP_STATUS_DROPPED)
    add_history (self, g_strdup_printf (_("Milestone “%s” dropped."), title));
  else if (field == MP_MILESTONE_DUE && g_value_get_uint (old_value) != MP_DATE_NONE &&
           mp_milestone_get_due (m) != MP_DATE_NONE)
    {
      g_autofree char *from = mp_date_format (g_value_get_uint (old_value));
      g_autofree char *to = mp_date_format (mp_milestone_get_due (m));
      add_history (self, g_strdup_printf (_("Milestone “%s” moved from %s to %s."), title, from, to));
    }
}

static void clear_ref (MpDocument *self, MpRecord *rec, guint field, const char *id);
static GPtrArray *items_of (GListStore *store);

/* The rules of the format an edit must not break, kept in the same step:
 * start ≤ due (and ≤ end): the other end moves along; a participant who
 * changes side stops owning milestones on the side they left. */
static void
keep_rules (MpDocument *self,
            MpRecord   *record,
            guint       field)
{
  if (MP_IS_MILESTONE (record) && (field == MP_MILESTONE_START || field == MP_MILESTONE_DUE))
    {
      MpMilestone *m = MP_MILESTONE (record);
      MpDate start = mp_milestone_get_start (m), due = mp_milestone_get_due (m);

      if (start != MP_DATE_NONE && due != MP_DATE_NONE && start > due)
        {
          if (field == MP_MILESTONE_START)
            mp_document_set_date (self, record, MP_MILESTONE_DUE, start);
          else
            mp_document_set_date (self, record, MP_MILESTONE_START, due);
        }
    }
  else if (MP_IS_BLACKOUT (record))
    {
      MpBlackout *b = MP_BLACKOUT (record);
      MpDate start = mp_blackout_get_start (b), end = mp_blackout_get_end (b);

      if (start != MP_DATE_NONE && end != MP_DATE_NONE && start > end)
        {
          if (field == MP_BLACKOUT_START)
            mp_document_set_date (self, record, MP_BLACKOUT_END, start);
          else
            mp_document_set_date (self, record, MP_BLACKOUT_START, end);
        }
    }
  else if (MP_IS_PARTICIPANT (record))
    {
      const char *id = mp_participant_get_id (MP_PARTICIPANT (record));
      gboolean seller = mp_participant_get_side (MP_PARTICIPANT (record)) == MP_SIDE_SELLER;
      g_autoptr(GPtrArray) ms = items_of (mp_plan_get_milestones (self->plan));

      for (guint i = 0; i < ms->len; i++)
        clear_ref (self, g_ptr_array_index (ms, i),
                   seller ? MP_MILESTONE_CUSTOMER_OWNER : MP_MILESTONE_SELLER_OWNER, id);
    }
}

static gboolean
is_meeting_sequence_field (guint field)
{
  switch (field)
    {
    case MP_MEETING_TITLE:
    case MP_MEETING_START:
    case MP_MEETING_DURATION_MINUTES:
    case MP_MEETING_EVERY_WEEKS:
    case MP_MEETING_UNTIL:
    case MP_MEETING_LOCATION:
    case MP_MEETING_CANCELLED:
      return TRUE;
    default:
      return FALSE;
    }
}

/* A meeting's sequence rises as a milestone's does (FORMAT.md), once per step. */
static void
meeting_side_effects (MpDocument *self,
                      MpMeeting  *mt,
                      guint       field)
{
  if (is_meeting_sequence_field (field) && !g_hash_table_contains (self->bumped, mt))
    {
      g_hash_table_add (self->bumped, g_object_ref (mt));
      mp_document_set_int (self, MP_RECORD (mt), MP_MEETING_SEQUENCE,
                           mp_meeting_get_sequence (mt) < G_MAXINT ? mp_meeting_get_sequence (mt) + 1 : G_MAXINT);
    }
}

void
mp_document_set_value (MpDocument   *self,
                       MpRecord     *record,
                       guint         field,
                       const GValue *value)
{
  Command *c;
  const GValue *cur;

  g_return_if_fail (MP_IS_DOCUMENT (self));
  g_return_if_fail (MP_IS_RECORD (record));

  cur = mp_record_peek_value (record, field);
  c = g_new0 (Command, 1);
  c->kind = CMD_SET;
  c->record = g_object_ref (record);
  c->field = field;
  g_value_init (&c->old_value, G_VALUE_TYPE (cur));
  g_value_copy (cur, &c->old_value);
  g_value_init (&c->new_value, G_VALUE_TYPE (cur));
  if (!g_value_transform (value, &c->new_value) ||
      !mp_record_set_value (record, field, &c->new_value))
    {
      command_free (c); /* nothing changed */
      return;
    }
  record_changed (self, record, field);

  if ((MP_IS_MILESTONE (record) && field != MP_MILESTONE_SEQUENCE) ||
      (MP_IS_MEETING (record) && field != MP_MEETING_SEQUENCE) ||
      (MP_IS_BLACKOUT (record) && (field == MP_BLACKOUT_START || field == MP_BLACKOUT_END)) ||
      (MP_IS_PARTICIPANT (record) && field == MP_PARTICIPANT_SIDE))
    {
      mp_document_begin (self, NULL);
      push (self, c);
      keep_rules (self, record, field);
      if (MP_IS_MILESTONE (record))
        milestone_side_effects (self, MP_MILESTONE (record), field, &c->old_value);
      else if (MP_IS_MEETING (record))
        meeting_side_effects (self, MP_MEETING (record), field);
      mp_document_end (self);
    }
  else
    push (self, c);
}

void
mp_document_set_string (MpDocument *self,
                        MpRecord   *record,
                        guint       field,
                        const char *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  mp_document_set_value (self, record, field, &v);
}

void
mp_document_set_int (MpDocument *self,
                     MpRecord   *record,
                     guint       field,
                     int         value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  mp_record_int_value (record, field, value, &v);
  mp_document_set_value (self, record, field, &v);
}

void
mp_document_set_date (MpDocument *self,
                      MpRecord   *record,
                      guint       field,
                      MpDate      value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_UINT);
  g_value_set_uint (&v, value);
  mp_document_set_value (self, record, field, &v);
}

void
mp_document_set_bool (MpDocument *self,
                      MpRecord   *record,
                      guint       field,
                      gboolean    value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  mp_document_set_value (self, record, field, &v);
}

void
mp_document_set_strv (MpDocument         *self,
                      MpRecord           *record,
                      guint               field,
                      const char * const *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRV);
  g_value_set_boxed (&v, value);
  mp_document_set_value (self, record, field, &v);
}

void
mp_document_set_child (MpDocument *self,
                       MpRecord   *record,
                       guint       field,
                       MpRecord   *child)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_VALUE_TYPE (mp_record_peek_value (record, field)));
  g_value_set_object (&v, child);
  mp_document_set_value (self, record, field, &v);
}

gboolean
mp_document_field_raises_sequence (MpRecord *record,
                                   guint     field)
{
  if (MP_IS_MILESTONE (record))
    return is_sequence_field (field);
  if (MP_IS_MEETING (record))
    return is_meeting_sequence_field (field);
  return FALSE;
}

void
mp_document_set_unknown (MpDocument *self,
                         MpRecord   *record,
                         int         after_field,
                         const char *name,
                         JsonNode   *node)
{
  Command *c;
  JsonNode *old;

  g_return_if_fail (MP_IS_DOCUMENT (self));
  g_return_if_fail (MP_IS_RECORD (record));
  g_return_if_fail (name != NULL);

  old = mp_record_lookup_unknown (record, name);
  if ((old == NULL && node == NULL) || (old != NULL && node != NULL && json_node_equal (old, node)))
    return;
  c = g_new0 (Command, 1);
  c->kind = CMD_UNKNOWN;
  c->record = g_object_ref (record);
  c->position = (guint) after_field;
  c->name = g_strdup (name);
  c->old_node = old ? json_node_copy (old) : NULL;
  c->new_node = node ? json_node_copy (node) : NULL;
  command_apply (self, c, TRUE);
  push (self, c);
}

void
mp_document_insert (MpDocument *self,
                    GListStore *store,
                    guint       position,
                    MpRecord   *item)
{
  Command *c;

  g_return_if_fail (MP_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (store)));

  c = g_new0 (Command, 1);
  c->kind = CMD_INSERT;
  c->store = g_object_ref (store);
  c->position = position;
  c->item = g_object_ref (item);
  command_apply (self, c, TRUE);
  push (self, c);
}

void
mp_document_set_occurrence_cancelled (MpDocument *self,
                                      MpMeeting  *meeting,
                                      MpDate      date,
                                      gboolean    cancelled)
{
  GListStore *occ;
  g_autoptr(MpRecord) found = NULL;
  guint n, pos = 0, at;

  g_return_if_fail (MP_IS_DOCUMENT (self));
  g_return_if_fail (MP_IS_MEETING (meeting));
  g_return_if_fail (date != MP_DATE_NONE);

  occ = mp_record_get_children (MP_RECORD (meeting), MP_MEETING_OCCURRENCES);
  n = g_list_model_get_n_items (G_LIST_MODEL (occ));
  /* The list is kept in date order: a new entry goes before the first later one. */
  at = n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpRecord) o = g_list_model_get_item (G_LIST_MODEL (occ), i);
      MpDate d = mp_record_get_date (o, MP_OCCURRENCE_DATE);

      if (d == date)
        {
          found = g_steal_pointer (&o);
          pos = i;
          break;
        }
      if (d > date && at == n)
        at = i;
    }
  if ((found != NULL && mp_record_get_bool (found, MP_OCCURRENCE_CANCELLED)) == !!cancelled)
    return;

  mp_document_begin (self, cancelled ? _("Cancel One Date") : _("Restore Date"));
  if (found != NULL && cancelled)
    mp_document_set_bool (self, found, MP_OCCURRENCE_CANCELLED, TRUE);
  else if (found != NULL)
    mp_document_remove (self, occ, pos);
  else
    {
      g_autoptr(MpRecord) o = g_object_new (MP_TYPE_OCCURRENCE, NULL);

      mp_record_set_date (o, MP_OCCURRENCE_DATE, date);
      mp_record_set_bool (o, MP_OCCURRENCE_CANCELLED, TRUE);
      mp_document_insert (self, occ, at, o);
    }
  /* What calendars show changed: the sequence rises, as for the meeting's own fields. */
  if (!g_hash_table_contains (self->bumped, meeting))
    {
      g_hash_table_add (self->bumped, g_object_ref (meeting));
      mp_document_set_int (self, MP_RECORD (meeting), MP_MEETING_SEQUENCE,
                           mp_meeting_get_sequence (meeting) < G_MAXINT ? mp_meeting_get_sequence (meeting) + 1 : G_MAXINT);
    }
  mp_document_end (self);
}

void
mp_document_remove (MpDocument *self,
                    GListStore *store,
                    guint       position)
{
  Command *c;
  g_autoptr(MpCancellation) kept = NULL;

  g_return_if_fail (MP_IS_DOCUMENT (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (store)));

  c = g_new0 (Command, 1);
  c->kind = CMD_REMOVE;
  c->store = g_object_ref (store);
  c->position = position;
  c->item = g_list_model_get_item (G_LIST_MODEL (store), position);
  /* A deleted event that attendees hold in their calendars: the plan
   * keeps what its cancellation needs until it is sent (mp-ical.h). */
  kept = mp_ical_cancellation_for (self->plan, c->item);
  if (kept != NULL)
    {
      GListStore *cancellations = mp_record_get_children (MP_RECORD (self->plan), MP_PLAN_CANCELLATIONS);

      mp_document_begin (self, NULL);
      mp_document_insert (self, cancellations, g_list_model_get_n_items (G_LIST_MODEL (cancellations)),
                          MP_RECORD (kept));
    }
  command_apply (self, c, TRUE);
  push (self, c);
  if (kept != NULL)
    mp_document_end (self);
}

void
mp_document_move (MpDocument *self,
                  GListStore *store,
                  guint       from,
                  guint       to)
{
  Command *c;
  guint n;

  g_return_if_fail (MP_IS_DOCUMENT (self));
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_return_if_fail (from < n && to < n);
  if (from == to)
    return;

  c = g_new0 (Command, 1);
  c->kind = CMD_MOVE;
  c->store = g_object_ref (store);
  c->position = from;
  c->position2 = to;
  command_apply (self, c, TRUE);
  push (self, c);
}

static gboolean
find_in_store (GListStore *store,
               gpointer    item,
               guint      *position)
{
  return g_list_store_find (store, item, position);
}

/* Removes @id from a REFS field of @rec, if there. */
static void
drop_ref (MpDocument *self,
          MpRecord   *rec,
          guint       field,
          const char *id)
{
  const char * const *ids = mp_record_get_strv (rec, field);
  g_autoptr(GStrvBuilder) b = NULL;
  g_auto(GStrv) kept = NULL;
  gboolean found = FALSE;

  /* Most records do not refer to @id: no copy for them (a merge removes
   * hundreds of milestones from plans of thousands). */
  if (ids == NULL || !g_strv_contains (ids, id))
    return;
  b = g_strv_builder_new ();
  for (guint i = 0; ids[i]; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      found = TRUE;
    else
      g_strv_builder_add (b, ids[i]);
  if (!found)
    return;
  kept = g_strv_builder_end (b);
  mp_document_set_strv (self, rec, field, (const char * const *) kept);
}

static void
clear_ref (MpDocument *self,
           MpRecord   *rec,
           guint       field,
           const char *id)
{
  if (g_strcmp0 (mp_record_get_string (rec, field), id) == 0)
    mp_document_set_string (self, rec, field, NULL);
}

/* A snapshot of the items of @store, safe to iterate while editing. */
static GPtrArray *
items_of (GListStore *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (store), i));
  return items;
}

#define FOREACH(store, Type, var, arr, idx)                                    \
  g_autoptr(GPtrArray) arr = items_of (store);                                 \
  for (guint idx = 0; idx < arr->len; idx++)                                   \
    for (Type *var = g_ptr_array_index (arr, idx); var != NULL; var = NULL)

GPtrArray *
mp_document_describe_participant_uses (MpDocument    *self,
                                       MpParticipant *participant)
{
  GPtrArray *uses = g_ptr_array_new_with_free_func (g_free);
  const char *id = mp_participant_get_id (participant);

  if (g_strcmp0 (mp_plan_get_organizer (self->plan), id) == 0)
    g_ptr_array_add (uses, g_strdup (_("is the organizer who sends invitations")));
  FOREACH (mp_plan_get_milestones (self->plan), MpMilestone, m, items1, i1)
    {
      const char * const *invite = mp_milestone_get_invite (m);

      if (g_strcmp0 (mp_milestone_get_seller_owner (m), id) == 0 ||
          g_strcmp0 (mp_milestone_get_customer_owner (m), id) == 0)
        g_ptr_array_add (uses, g_strdup_printf (_("owns the milestone “%s”"), mp_milestone_get_title (m)));
      else if (invite != NULL && g_strv_contains (invite, id))
        g_ptr_array_add (uses, g_strdup_printf (_("is invited to “%s”"), mp_milestone_get_title (m)));
      FOREACH (mp_milestone_get_tasks (m), MpTask, t, items2, i2)
        if (g_strcmp0 (mp_task_get_owner (t), id) == 0)
          g_ptr_array_add (uses, g_strdup_printf (_("owns the task “%s”"), mp_task_get_title (t)));
    }
  {
    g_autoptr(GPtrArray) meetings = items_of (mp_plan_get_meetings (self->plan));
    g_autoptr(GPtrArray) blackouts = items_of (mp_plan_get_blackouts (self->plan));
    MpReporting *rep = mp_plan_get_reporting (self->plan);

    for (guint i = 0; i < meetings->len; i++)
      {
        MpMeeting *mt = g_ptr_array_index (meetings, i);
        const char * const *att = mp_meeting_get_attendees (mt);

        if (att != NULL && g_strv_contains (att, id))
          g_ptr_array_add (uses, g_strdup_printf (_("attends the meeting “%s”"), mp_meeting_get_title (mt)));
      }
    for (guint i = 0; i < blackouts->len; i++)
      {
        MpBlackout *b = g_ptr_array_index (blackouts, i);

        if (g_strcmp0 (mp_blackout_get_participant (b), id) == 0)
          g_ptr_array_add (uses, g_strdup_printf (_("is away in “%s”"), mp_blackout_get_title (b) ? mp_blackout_get_title (b) : ""));
      }
    if (rep != NULL && mp_reporting_get_recipients (rep) != NULL &&
        g_strv_contains (mp_reporting_get_recipients (rep), id))
      g_ptr_array_add (uses, g_strdup (_("receives the status reports")));
  }
  return uses;
}

void
mp_document_remove_participant (MpDocument    *self,
                                MpParticipant *participant)
{
  g_autofree char *id = NULL;
  MpReporting *rep;
  guint pos;

  g_return_if_fail (MP_IS_DOCUMENT (self));
  if (!find_in_store (mp_plan_get_participants (self->plan), participant, &pos))
    return;
  id = g_strdup (mp_participant_get_id (participant));

  mp_document_begin (self, _("Remove Participant"));
  clear_ref (self, MP_RECORD (self->plan), MP_PLAN_ORGANIZER, id);
  FOREACH (mp_plan_get_milestones (self->plan), MpMilestone, m, items3, i3)
    {
      clear_ref (self, MP_RECORD (m), MP_MILESTONE_SELLER_OWNER, id);
      clear_ref (self, MP_RECORD (m), MP_MILESTONE_CUSTOMER_OWNER, id);
      drop_ref (self, MP_RECORD (m), MP_MILESTONE_INVITE, id);
      FOREACH (mp_milestone_get_tasks (m), MpTask, t, items4, i4)
        clear_ref (self, MP_RECORD (t), MP_TASK_OWNER, id);
    }
  FOREACH (mp_plan_get_blackouts (self->plan), MpBlackout, b, items5, i5)
    clear_ref (self, MP_RECORD (b), MP_BLACKOUT_PARTICIPANT, id);
  FOREACH (mp_plan_get_meetings (self->plan), MpMeeting, mt, items6, i6)
    drop_ref (self, MP_RECORD (mt), MP_MEETING_ATTENDEES, id);
  rep = mp_plan_get_reporting (self->plan);
  if (rep != NULL)
    drop_ref (self, MP_RECORD (rep), MP_REPORTING_RECIPIENTS, id);
  mp_document_remove (self, mp_plan_get_participants (self->plan), pos);
  mp_document_end (self);
}

void
mp_document_remove_milestone (MpDocument  *self,
                              MpMilestone *milestone)
{
  g_autofree char *id = NULL;
  guint pos;

  g_return_if_fail (MP_IS_DOCUMENT (self));
  if (!find_in_store (mp_plan_get_milestones (self->plan), milestone, &pos))
    return;
  id = g_strdup (mp_milestone_get_id (milestone));

  mp_document_begin (self, _("Remove Milestone"));
  FOREACH (mp_plan_get_milestones (self->plan), MpMilestone, m, items7, i7)
    drop_ref (self, MP_RECORD (m), MP_MILESTONE_DEPENDS_ON, id);
  FOREACH (mp_plan_get_goals (self->plan), MpGoal, g, items8, i8)
    drop_ref (self, MP_RECORD (g), MP_GOAL_MILESTONES, id);
  /* Baselines refer to milestones too; a copy without it replaces the map. */
  FOREACH (mp_plan_get_baselines (self->plan), MpBaseline, bl, items9, i9)
    {
      MpDateMap *map = mp_baseline_get_dates (bl);

      if (mp_date_map_lookup (map, id) != NULL)
        {
          g_autoptr(GPtrArray) copy = mp_date_map_new ();
          g_auto(GValue) v = G_VALUE_INIT;

          for (guint i = 0; i < map->len; i++)
            {
              MpDateMapEntry *e = g_ptr_array_index (map, i);
              if (g_strcmp0 (e->id, id) == 0)
                continue;
              MpDateMapEntry *c;

              mp_date_map_add (copy, e->id, e->start, e->due);
              c = g_ptr_array_index (copy, copy->len - 1);
              c->has_start = e->has_start;
              c->unknown = e->unknown ? json_node_ref (e->unknown) : NULL;
            }
          g_value_init (&v, MP_TYPE_DATE_MAP);
          g_value_set_boxed (&v, copy);
          mp_document_set_value (self, MP_RECORD (bl), MP_BASELINE_DATES, &v);
        }
    }
  mp_document_remove (self, mp_plan_get_milestones (self->plan), pos);
  mp_document_end (self);
}

gboolean
mp_document_can_undo (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);
  return self->pos > 0;
}

gboolean
mp_document_can_redo (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);
  return self->pos < self->undo->len;
}

const char *
mp_document_get_undo_label (MpDocument *self)
{
  Command *c;

  if (!mp_document_can_undo (self))
    return NULL;
  c = g_ptr_array_index (self->undo, self->pos - 1);
  return c->label;
}

const char *
mp_document_get_redo_label (MpDocument *self)
{
  Command *c;

  if (!mp_document_can_redo (self))
    return NULL;
  c = g_ptr_array_index (self->undo, self->pos);
  return c->label;
}

static gboolean
step (MpDocument *self,
      gboolean    forward)
{
  gboolean was_modified = mp_document_get_modified (self);
  gboolean could_undo = mp_document_can_undo (self);
  gboolean could_redo = mp_document_can_redo (self);

  g_return_val_if_fail (self->open_groups->len == 0, FALSE);

  if (forward)
    {
      if (!could_redo)
        return FALSE;
      command_apply (self, g_ptr_array_index (self->undo, self->pos), TRUE);
      self->pos++;
    }
  else
    {
      if (!could_undo)
        return FALSE;
      self->pos--;
      command_apply (self, g_ptr_array_index (self->undo, self->pos), FALSE);
    }
  notify_state (self, was_modified, could_undo, could_redo);
  changed (self);
  if (!mp_document_get_modified (self))
    mp_document_discard_recovery (self);
  return TRUE;
}

gboolean
mp_document_undo (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);
  return step (self, FALSE);
}

gboolean
mp_document_redo (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);
  return step (self, TRUE);
}

gboolean
mp_document_get_modified (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);
  return self->forced_modified || self->saved_pos != (int) self->pos;
}

void
mp_document_mark_saved (MpDocument *self)
{
  gboolean was_modified;

  g_return_if_fail (MP_IS_DOCUMENT (self));
  was_modified = mp_document_get_modified (self);
  self->saved_pos = self->pos;
  self->forced_modified = FALSE;
  if (was_modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  mp_document_discard_recovery (self);
}

/* ---- recovery ---- */

static char *
recovery_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "mutualplan", "recovery", NULL);
}

const char *
mp_document_get_recovery_path (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);

  if (self->recovery_path == NULL)
    {
      g_autofree char *dir = recovery_dir ();
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *name = g_strconcat (uuid, ".mplan", NULL);

      self->recovery_path = g_build_filename (dir, name, NULL);
    }
  return self->recovery_path;
}

/* ---- writing from a snapshot on a worker thread ---- */

/* A snapshot is freed on the thread that owns the plan (its last
 * references may be to records and JSON members of that thread); the
 * worker hands it back through the main context it came from. */
typedef struct {
  MpRecordSnapshot *snapshot;
  GMainContext     *context;
} Snapshot;

static gboolean
free_snapshot_cb (gpointer data)
{
  mp_record_snapshot_free (data);
  return G_SOURCE_REMOVE;
}

static void
snapshot_take (Snapshot   *s,
               MpDocument *self)
{
  s->snapshot = mp_record_snapshot (MP_RECORD (self->plan));
  s->context = g_main_context_ref_thread_default ();
}

/* Done with the snapshot: on a worker it goes back to its thread to be
 * freed (it may hold the last reference to records removed meanwhile). */
static void
snapshot_give_back (Snapshot *s,
                    gboolean  on_worker)
{
  g_autoptr(GSource) idle = NULL;

  if (s->snapshot == NULL)
    return;
  if (!on_worker)
    {
      g_clear_pointer (&s->snapshot, mp_record_snapshot_free);
      return;
    }
  idle = g_idle_source_new ();
  g_source_set_priority (idle, G_PRIORITY_LOW);
  g_source_set_callback (idle, free_snapshot_cb, g_steal_pointer (&s->snapshot), NULL);
  g_source_set_static_name (idle, "[mutualplan] free a save's snapshot");
  g_source_attach (idle, s->context);
}

/* The bytes; the snapshot is given back. */
static GBytes *
snapshot_to_bytes (Snapshot *s,
                   gboolean  on_worker)
{
  GBytes *bytes = mp_plan_snapshot_to_bytes (s->snapshot);

  snapshot_give_back (s, on_worker);
  return bytes;
}

static void
snapshot_clear (Snapshot *s)
{
  /* Only when the worker never ran, on whichever thread drops the task:
   * nothing was edited since that could be freed here. */
  g_clear_pointer (&s->snapshot, mp_record_snapshot_free);
  g_clear_pointer (&s->context, g_main_context_unref);
}

typedef struct {
  Snapshot  plan;
  GFile    *file;
  GFile    *info_file;
  GBytes   *info;
} RecoveryData;

static void
recovery_data_free (gpointer data)
{
  RecoveryData *d = data;

  snapshot_clear (&d->plan);
  g_object_unref (d->file);
  g_object_unref (d->info_file);
  g_bytes_unref (d->info);
  g_free (d);
}

/* What a recovery copy needs, taken on the main thread: the info file's
 * bytes and a snapshot of the plan. */
static RecoveryData *
recovery_data_new (MpDocument *self)
{
  const char *path = mp_document_get_recovery_path (self);
  g_autofree char *info_path = g_strconcat (path, ".info", NULL);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *now = mp_datetime_now ();
  RecoveryData *d = g_new0 (RecoveryData, 1);
  char *data;
  gsize len;

  /* The info first: a plan without info would be recovered as untitled. */
  if (self->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);
      g_key_file_set_string (info, "Recovery", "File", uri);
    }
  g_key_file_set_string (info, "Recovery", "Title", mp_plan_get_title (self->plan) ? mp_plan_get_title (self->plan) : "");
  g_key_file_set_string (info, "Recovery", "Saved", now);
  g_key_file_set_integer (info, "Recovery", "Pid", getpid ());
  /* The file's tag as this session knew it: a recovered plan saved over a
   * file changed since then must ask, not overwrite. */
  if (self->etag != NULL)
    g_key_file_set_string (info, "Recovery", "Etag", self->etag);
  data = g_key_file_to_data (info, &len, NULL);
  d->info = g_bytes_new_take (data, len);
  d->file = g_file_new_for_path (path);
  d->info_file = g_file_new_for_path (info_path);
  snapshot_take (&d->plan, self);
  return d;
}

static gboolean
recovery_write (RecoveryData  *d,
                gboolean       on_worker,
                GError       **error)
{
  g_autoptr(GFile) dir = g_file_get_parent (d->file);
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autoptr(GBytes) bytes = NULL;

  if (g_mkdir_with_parents (dir_path, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the recovery folder %s: %s"), dir_path, g_strerror (saved));
      snapshot_give_back (&d->plan, on_worker);
      return FALSE;
    }
  bytes = snapshot_to_bytes (&d->plan, on_worker);
  /* Private from the first byte, whatever the folder's mode. */
  if (!mp_write_file_atomic_mode (d->info_file, d->info, FALSE, 0600, NULL, NULL, error))
    return FALSE;
  return mp_write_file_atomic_mode (d->file, bytes, FALSE, 0600, NULL, NULL, error);
}

static void
recovery_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  if (recovery_write (task_data, TRUE, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
recovery_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  MpDocument *self = MP_DOCUMENT (source);
  g_autoptr(GError) error = NULL;
  GApplication *app = g_application_get_default ();

  self->recovery_writing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not write the recovery copy: %s", error->message);
  /* Saved, undone to the saved state or closed meanwhile: the copy the
   * worker wrote after that must not stay. */
  if (self->recovery_discarded)
    mp_document_discard_recovery (self);
  if (self->recovery_again && self->autosave_delay > 0 && mp_document_get_modified (self))
    write_recovery_async (self);
  self->recovery_again = FALSE;
  /* Held while writing, so that quitting waits for the copy to be
   * written and, when it was discarded, removed. */
  if (app != NULL)
    g_application_release (app);
}

/* The autosave: a snapshot here, the text and the files on a worker. */
static void
write_recovery_async (MpDocument *self)
{
  g_autoptr(GTask) task = NULL;
  GApplication *app = g_application_get_default ();

  if (self->recovery_writing)
    {
      self->recovery_again = TRUE;
      return;
    }
  self->recovery_writing = TRUE;
  self->recovery_discarded = FALSE;
  if (app != NULL)
    g_application_hold (app);
  task = g_task_new (self, NULL, recovery_done, NULL);
  g_task_set_source_tag (task, write_recovery_async);
  g_task_set_task_data (task, recovery_data_new (self), recovery_data_free);
  g_task_run_in_thread (task, recovery_thread);
}

gboolean
mp_document_is_writing_recovery (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);
  return self->recovery_writing;
}

gboolean
mp_document_write_recovery (MpDocument  *self,
                            GError     **error)
{
  RecoveryData *d;
  gboolean ok;

  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);

  /* A copy being written from an older snapshot would land after this
   * one: write again once it is done. */
  if (self->recovery_writing)
    self->recovery_again = TRUE;
  d = recovery_data_new (self);
  ok = recovery_write (d, FALSE, error);
  recovery_data_free (d);
  return ok;
}

void
mp_document_discard_recovery (MpDocument *self)
{
  g_autofree char *info = NULL;

  g_return_if_fail (MP_IS_DOCUMENT (self));
  if (self->recovery_path == NULL)
    return;
  if (self->recovery_writing)
    self->recovery_discarded = TRUE;
  info = g_strconcat (self->recovery_path, ".info", NULL);
  g_unlink (self->recovery_path);
  g_unlink (info);
}

void
mp_recovery_free (MpRecovery *recovery)
{
  if (recovery == NULL)
    return;
  g_free (recovery->path);
  g_free (recovery->file_uri);
  g_free (recovery->title);
  g_free (recovery->saved);
  g_free (recovery->etag);
  g_free (recovery);
}

static gboolean
process_alive (int pid)
{
  g_autofree char *proc = g_strdup_printf ("/proc/%d", pid);

  return pid > 0 && pid != getpid () && g_file_test (proc, G_FILE_TEST_IS_DIR);
}

static int
compare_recovery (gconstpointer a,
                  gconstpointer b)
{
  const MpRecovery *ra = *(MpRecovery **) a;
  const MpRecovery *rb = *(MpRecovery **) b;

  return -g_strcmp0 (ra->saved, rb->saved);
}

GPtrArray *
mp_document_list_recoveries (void)
{
  g_autofree char *dir_path = recovery_dir ();
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_recovery_free);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return list;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *info_path = NULL;
      g_autoptr(GKeyFile) info = g_key_file_new ();
      MpRecovery *r;

      if (!g_str_has_suffix (name, ".mplan"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      info_path = g_strconcat (path, ".info", NULL);
      if (!g_key_file_load_from_file (info, info_path, 0, NULL))
        continue;
      /* A copy of a window that is still open elsewhere is not lost work. */
      if (process_alive (g_key_file_get_integer (info, "Recovery", "Pid", NULL)))
        continue;
      r = g_new0 (MpRecovery, 1);
      r->path = g_steal_pointer (&path);
      r->file_uri = g_key_file_get_string (info, "Recovery", "File", NULL);
      r->title = g_key_file_get_string (info, "Recovery", "Title", NULL);
      r->saved = g_key_file_get_string (info, "Recovery", "Saved", NULL);
      r->etag = g_key_file_get_string (info, "Recovery", "Etag", NULL);
      g_ptr_array_add (list, r);
    }
  g_ptr_array_sort (list, compare_recovery);
  return list;
}

MpDocument *
mp_document_recover (MpRecovery  *recovery,
                     GError     **error)
{
  g_autoptr(GFile) copy = g_file_new_for_path (recovery->path);
  g_autoptr(GFile) original = recovery->file_uri ? g_file_new_for_uri (recovery->file_uri) : NULL;
  g_autoptr(MpPlan) plan = mp_plan_load_from_file (copy, NULL, error);
  MpDocument *doc;

  if (plan == NULL)
    return NULL;
  doc = mp_document_new (plan, original);
  doc->forced_modified = TRUE;
  doc->recovery_path = g_strdup (recovery->path);
  /* The tag the crashed session had read: a change made to the file since
   * then is noticed when saving. */
  mp_document_set_etag (doc, recovery->etag);
  /* This process owns the copy now. */
  mp_document_write_recovery (doc, NULL);
  return doc;
}

void
mp_document_set_autosave (MpDocument *self,
                          guint       delay_ms)
{
  g_return_if_fail (MP_IS_DOCUMENT (self));
  self->autosave_delay = delay_ms;
  if (delay_ms == 0)
    g_clear_handle_id (&self->autosave_id, g_source_remove);
}

/* ---- saving and loading ---- */

typedef struct {
  Snapshot plan;
  GFile   *file;
  char    *etag;     /* expected on disk, or NULL */
  guint    pos;      /* the undo position that was saved */
  guint64  serial;   /* the command at pos - 1, 0 at the bottom of the stack */
  char    *new_etag;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *d = data;

  snapshot_clear (&d->plan);
  g_object_unref (d->file);
  g_free (d->etag);
  g_free (d->new_etag);
  g_free (d);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *d = task_data;
  GError *error = NULL;
  g_autoptr(GBytes) bytes = snapshot_to_bytes (&d->plan, TRUE);

  if (d->etag != NULL)
    {
      g_autofree char *now = NULL;

      /* By content (mp_content_tag): a replacement that keeps the mtime
       * (cp -p, rsync -t, unzip) is noticed too. Tags of older recovery
       * copies are GIO's mtime etags. */
      if (g_str_has_prefix (d->etag, "sha256:"))
        {
          g_autoptr(GBytes) disk = g_file_load_bytes (d->file, cancellable, NULL, NULL);

          if (disk != NULL)
            now = mp_content_tag (g_bytes_get_data (disk, NULL), g_bytes_get_size (disk));
        }
      else
        {
          g_autoptr(GFileInfo) info = g_file_query_info (d->file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                         G_FILE_QUERY_INFO_NONE, cancellable, NULL);
          now = info ? g_strdup (g_file_info_get_etag (info)) : NULL;
        }
      if (now != NULL && g_strcmp0 (now, d->etag) != 0)
        {
          g_autofree char *name = g_file_get_basename (d->file);
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                                   _("“%s” was changed by another program since it was opened."), name);
          return;
        }
    }
  /* A file MutualPlan would refuse to open is never written: the editors
   * keep the rules, and this is the net below them. */
  {
    g_autofree char *name = g_file_get_basename (d->file);
    g_autoptr(GError) invalid = NULL;
    g_autoptr(MpPlan) check = mp_plan_load_from_data (g_bytes_get_data (bytes, NULL),
                                                      g_bytes_get_size (bytes), name, &invalid);
    if (check == NULL)
      {
        g_task_return_new_error (task, MP_ERROR, MP_ERROR_INVALID,
                                 _("The plan breaks a rule of the file format, so it was not saved "
                                   "(the file on disk is unchanged): %s"), invalid->message);
        return;
      }
  }
  if (!mp_write_file_atomic (d->file, bytes, TRUE, &d->new_etag, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
mp_document_save_async (MpDocument          *self,
                        GFile               *file,
                        gboolean             force,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *d;

  g_return_if_fail (MP_IS_DOCUMENT (self));
  g_return_if_fail (file != NULL || self->file != NULL);

  d = g_new0 (SaveData, 1);
  d->file = g_object_ref (file ? file : self->file);
  /* Save As to another file does not compare with the old file's tag. */
  if (!force && self->etag != NULL && self->file != NULL && g_file_equal (d->file, self->file))
    d->etag = g_strdup (self->etag);
  /* A snapshot of the plan as it is (cheap: its values are shared until
   * they next change); the text is made from it on the worker, so edits
   * made meanwhile are neither written nor lost. */
  snapshot_take (&d->plan, self);
  d->pos = self->pos;
  d->serial = self->pos > 0 ? ((Command *) g_ptr_array_index (self->undo, self->pos - 1))->serial : 0;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_document_save_async);
  g_task_set_task_data (task, d, save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
mp_document_save_finish (MpDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  SaveData *d;
  gboolean was_modified;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  d = g_task_get_task_data (G_TASK (result));
  mp_document_set_file (self, d->file);
  mp_document_set_etag (self, d->new_etag);
  was_modified = mp_document_get_modified (self);
  /* Edits made while saving stay unsaved; and when the stack was undone
   * and grown again meanwhile, the saved state is not on it any more. */
  if (d->pos <= self->undo->len &&
      (d->pos == 0 ? d->serial == 0
                   : ((Command *) g_ptr_array_index (self->undo, d->pos - 1))->serial == d->serial))
    self->saved_pos = d->pos;
  else
    self->saved_pos = -1;
  self->forced_modified = FALSE;
  if (was_modified != mp_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (!mp_document_get_modified (self))
    mp_document_discard_recovery (self);
  return TRUE;
}

MpDocument *
mp_document_load (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(MpPlan) plan = NULL;
  g_autofree char *tag = NULL;
  MpDocument *doc;

  /* The tag is of the very bytes loaded: if the file changes after, the
   * next save notices. */
  plan = mp_plan_load_from_file_full (file, &tag, cancellable, error);
  if (plan == NULL)
    return NULL;
  doc = mp_document_new (plan, file);
  mp_document_set_etag (doc, tag);
  return doc;
}

/* ---- GObject ---- */

MpDocument *
mp_document_new (MpPlan *plan,
                 GFile  *file)
{
  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  return g_object_new (MP_TYPE_DOCUMENT, "plan", plan, "file", file, NULL);
}

MpPlan *
mp_document_get_plan (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);
  return self->plan;
}

GFile *
mp_document_get_file (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);
  return self->file;
}

void
mp_document_set_file (MpDocument *self,
                      GFile      *file)
{
  g_return_if_fail (MP_IS_DOCUMENT (self));
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

const char *
mp_document_get_etag (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);
  return self->etag;
}

void
mp_document_set_etag (MpDocument *self,
                      const char *etag)
{
  g_return_if_fail (MP_IS_DOCUMENT (self));
  g_free (self->etag);
  self->etag = g_strdup (etag);
}

char *
mp_document_get_display_name (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);
  if (self->file != NULL)
    return g_file_get_basename (self->file);
  return g_strdup (_("Untitled plan"));
}

static void
mp_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MpDocument *self = MP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, mp_document_get_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, mp_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, mp_document_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  MpDocument *self = MP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_FILE:
      mp_document_set_file (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_document_dispose (GObject *object)
{
  MpDocument *self = MP_DOCUMENT (object);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  G_OBJECT_CLASS (mp_document_parent_class)->dispose (object);
}

static void
mp_document_finalize (GObject *object)
{
  MpDocument *self = MP_DOCUMENT (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->open_groups, g_ptr_array_unref);
  g_clear_pointer (&self->bumped, g_hash_table_unref);
  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_free (self->etag);
  g_free (self->recovery_path);
  G_OBJECT_CLASS (mp_document_parent_class)->finalize (object);
}

static void
mp_document_class_init (MpDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = mp_document_get_property;
  object_class->set_property = mp_document_set_property;
  object_class->dispose = mp_document_dispose;
  object_class->finalize = mp_document_finalize;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, MP_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After every change, undo and redo: for views that show derived facts. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[RECORD_CHANGED] = g_signal_new ("record-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2, MP_TYPE_RECORD, G_TYPE_UINT);
}

static void
mp_document_init (MpDocument *self)
{
  self->undo = g_ptr_array_new_with_free_func (command_free);
  self->open_groups = g_ptr_array_new_with_free_func (command_free);
  self->bumped = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->saved_pos = 0;
}
