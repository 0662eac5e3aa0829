/* mp-merge.c
 *
 * One walk over the field tables compares BASE, OURS and THEIRS record by
 * record: lists by key (the id; a baseline by its name; entries without
 * either, like the history, by their whole content), tasks by id across
 * milestones, fields with the three-way rule, unknown members by name,
 * and the order of each list by the records that kept their relative
 * place (a longest increasing subsequence), so that a milestone moved on
 * one side is one move and not a reshuffle of everything after it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-merge.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>
#include <utime.h>

#include "mp-display.h"
#include "mp-format.h"
#include "mp-model.h"
#include "mp-plan-io.h"

#define MAX_SHARED_VERSIONS 20

struct _MpMerge
{
  GObject     parent_instance;

  MpPlan     *base;
  MpPlan     *ours;
  MpPlan     *theirs;
  GPtrArray  *changes;   /* of MpMergeChange */
  GPtrArray  *pairs;     /* OURS, THEIRS, OURS, THEIRS…: records with a calendar sequence */
  guint       n_conflicts;
};

G_DEFINE_FINAL_TYPE (MpMerge, mp_merge, G_TYPE_OBJECT)

typedef struct {
  MpMergeGroup  kind;
  const char   *id;
  const char   *title;
  MpRecord     *record;
} Group;

typedef struct {
  MpTask      *task;
  MpMilestone *milestone;
  guint        milestone_index;
  guint        index;
} TaskLoc;

static void
change_free (gpointer data)
{
  MpMergeChange *c = data;

  g_free (c->path);
  g_free (c->group_id);
  g_free (c->group_title);
  g_free (c->subject);
  g_free (c->what);
  g_free (c->topic);
  g_free (c->ours_text);
  g_free (c->theirs_text);
  g_free (c->ours_words);
  g_free (c->theirs_words);
  g_free (c->name);
  g_free (c->after_id);
  g_clear_object (&c->target);
  g_clear_object (&c->source);
  g_clear_object (&c->ours_parent);
  g_clear_object (&c->theirs_parent);
  g_free (c);
}

/* ---- words ---- */

/* “text” in the quotation marks of the UI language („text“ in German):
 * at most 200 characters, bidi controls isolated (the text comes from
 * the other copy). */
static char *
quote (const char *text)
{
  g_autofree char *shown = mp_display_text (text, 200);

  /* Translators: quotation marks around a title or value: „%s“ in German. */
  return g_strdup_printf (_("“%s”"), shown);
}

static const char *
record_title (MpRecord *rec)
{
  int f;

  if (rec == NULL)
    return "";
  if ((f = mp_record_find_field (rec, "title")) >= 0 && mp_record_get_string (rec, f))
    return mp_record_get_string (rec, f);
  if ((f = mp_record_find_field (rec, "name")) >= 0 && mp_record_get_string (rec, f))
    return mp_record_get_string (rec, f);
  if ((f = mp_record_find_field (rec, "text")) >= 0 && mp_record_get_string (rec, f))
    return mp_record_get_string (rec, f);
  if (mp_record_get_id (rec))
    return mp_record_get_id (rec);
  return "";
}

static const char *
kind_label (MpRecord *rec)
{
  const char *kind = mp_record_get_kind_name (rec);

  if (g_strcmp0 (kind, "milestone") == 0)
    return _("Milestone");
  if (g_strcmp0 (kind, "task") == 0)
    return _("Task");
  if (g_strcmp0 (kind, "participant") == 0)
    return _("Person");
  if (g_strcmp0 (kind, "goal") == 0)
    return _("Goal");
  if (g_strcmp0 (kind, "blackout") == 0)
    return _("Blackout");
  if (g_strcmp0 (kind, "meeting") == 0)
    return _("Meeting");
  if (g_strcmp0 (kind, "baseline") == 0)
    return _("Baseline");
  if (g_strcmp0 (kind, "history entry") == 0 || g_strcmp0 (kind, "history") == 0)
    return _("History entry");
  if (g_strcmp0 (kind, "reporting") == 0)
    return _("Status reports");
  if (g_strcmp0 (kind, "plan") == 0)
    return _("Plan");
  return kind;
}

/* The name of a member as people read it, lower case. */
static const char *
field_label (const char *member)
{
  static const struct { const char *member; const char *label; } labels[] = {
    { "title", N_("title") },
    { "description", N_("description") },
    { "notes", N_("notes") },
    { "location", N_("location") },
    { "responsible", N_("responsible side") },
    { "seller_owner", N_("seller owner") },
    { "customer_owner", N_("customer owner") },
    { "start", N_("start") },
    { "due", N_("due") },
    { "time", N_("time") },
    { "duration_minutes", N_("duration (minutes)") },
    { "status", N_("status") },
    { "completed_on", N_("completed on") },
    { "commitment", N_("commitment") },
    { "depends_on", N_("dependencies") },
    { "invite", N_("invitees") },
    { "reminder_days", N_("reminder (days before)") },
    { "name", N_("name") },
    { "email", N_("e-mail") },
    { "organization", N_("organization") },
    { "side", N_("side") },
    { "role", N_("role") },
    { "decision_maker", N_("decision maker") },
    { "measure", N_("measure") },
    { "milestones", N_("milestones") },
    { "owner", N_("owner") },
    { "done", N_("done") },
    { "end", N_("end") },
    { "participant", N_("person away") },
    { "every_weeks", N_("rhythm in weeks") },
    { "until", N_("until") },
    { "attendees", N_("attendees") },
    { "customer", N_("customer") },
    { "vendor", N_("vendor") },
    { "summary", N_("business case") },
    { "target", N_("target") },
    { "buffer_days", N_("buffer (days)") },
    { "timezone", N_("time zone") },
    { "organizer", N_("organizer") },
    { "recipients", N_("recipients") },
    { "reporting", N_("status reports") },
    { "at", N_("time") },
    { "text", N_("text") },
    { "dates", N_("dates") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].member, member))
      return _(labels[i].label);
  return member;
}

static const char *
milestone_title (MpPlan     *plan,
                 const char *id)
{
  MpMilestone *m = plan ? mp_plan_find_milestone (plan, id) : NULL;

  return m ? mp_milestone_get_title (m) : id;
}

static gboolean
strv_has (const char * const *strv,
          const char         *s)
{
  for (guint i = 0; strv && strv[i]; i++)
    if (g_str_equal (strv[i], s))
      return TRUE;
  return FALSE;
}

/* "due 26 Mar 2027 → 2 Apr 2027"; for lists of people or milestones
 * "Lena Ortiz added to invitees; Raj Patel removed from invitees". */
static char *
set_words (MpPlan   *from_plan,
           MpRecord *from,
           MpPlan   *to_plan,
           MpRecord *to,
           guint     field)
{
  const MpField *f = &mp_record_get_fields (to, NULL)[field];
  const char *label = field_label (f->name);

  if (f->kind == MP_FIELD_REFS)
    {
      const char * const *a = mp_record_get_strv (from, field);
      const char * const *b = mp_record_get_strv (to, field);
      GString *out = g_string_new (NULL);

      for (guint i = 0; b && b[i]; i++)
        if (!strv_has (a, b[i]))
          {
            const char *name = f->ref == MP_REF_MILESTONE ? milestone_title (to_plan, b[i])
                                                          : mp_format_participant (to_plan, b[i]);
            if (out->len)
              g_string_append (out, "; ");
            /* Translators: "Lena Ortiz added to invitees". */
            g_string_append_printf (out, _("%s added to %s"), name, label);
          }
      for (guint i = 0; a && a[i]; i++)
        if (!strv_has (b, a[i]))
          {
            const char *name = f->ref == MP_REF_MILESTONE ? milestone_title (from_plan, a[i])
                                                          : mp_format_participant (from_plan, a[i]);
            if (out->len)
              g_string_append (out, "; ");
            /* Translators: "Raj Patel removed from invitees". */
            g_string_append_printf (out, _("%s removed from %s"), name, label);
          }
      if (out->len == 0)
        /* Translators: the same people or milestones in another order. */
        g_string_append_printf (out, _("%s in another order"), label);
      return g_string_free (out, FALSE);
    }
  {
    g_autofree char *old = mp_format_field_value (from_plan, from, field, mp_record_peek_value (from, field), 200);
    g_autofree char *new = mp_format_field_value (to_plan, to, field, mp_record_peek_value (to, field), 200);

    /* Translators: "due 26 Mar 2027 → 2 Apr 2027". */
    return g_strdup_printf (_("%s %s → %s"), label, old, new);
  }
}

static char *
subject_of (MpRecord *rec,
            Group    *g)
{
  if (MP_IS_TASK (rec) && g->title != NULL)
    /* Translators: "Task “Send contract” of “Legal review”". */
    return g_strdup_printf (_("%s “%s” of “%s”"), kind_label (rec), record_title (rec), g->title);
  if (MP_IS_PARTICIPANT (rec))
    return g_strdup (record_title (rec));
  if (MP_IS_PLAN (rec))
    return g_strdup (_("Plan"));
  if (MP_IS_MILESTONE (rec) || MP_IS_GOAL (rec))
    return quote (record_title (rec));
  /* Translators: a kind of record and its title: "Blackout “Easter”". */
  return g_strdup_printf (_("%s “%s”"), kind_label (rec), record_title (rec));
}

/* ---- comparing ---- */

static gboolean
record_equal (MpRecord *a,
              MpRecord *b)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  x = mp_record_to_json (a, -1);
  y = mp_record_to_json (b, -1);
  return g_str_equal (x, y);
}

static gboolean
field_equal (MpRecord *a,
             MpRecord *b,
             guint     field)
{
  const MpField *f = &mp_record_get_fields (a, NULL)[field];

  switch (f->kind)
    {
    case MP_FIELD_CHILD:
      return record_equal (mp_record_get_child (a, field), mp_record_get_child (b, field));
    case MP_FIELD_DATE_MAP:
      {
        g_autofree char *x = mp_record_to_json (a, field);
        g_autofree char *y = mp_record_to_json (b, field);
        return g_str_equal (x, y);
      }
    default:
      return mp_record_values_equal (a, field, mp_record_peek_value (a, field), mp_record_peek_value (b, field));
    }
}

/* Bookkeeping the merge works out itself (after the changes). */
static gboolean
is_sequence_member (const char *name)
{
  return g_str_equal (name, "sequence") || g_str_equal (name, "invited_sequence");
}

/* How a list's records are matched: by id, by name (baselines), or,
 * for entries with neither (history), by their whole content. */
typedef enum { KEY_ID, KEY_NAME, KEY_CONTENT } KeyKind;

static KeyKind
key_kind_of (GListModel *list)
{
  GType type = g_list_model_get_item_type (list);
  MpRecordClass *klass = g_type_class_ref (type);
  KeyKind kind = KEY_CONTENT;

  if (klass->id_field >= 0)
    kind = KEY_ID;
  else
    for (guint i = 0; i < klass->n_fields; i++)
      if (g_str_equal (klass->fields[i].name, "name"))
        kind = KEY_NAME;
  g_type_class_unref (klass);
  return kind;
}

static char *
record_key (MpRecord *rec,
            KeyKind   kind)
{
  switch (kind)
    {
    case KEY_ID:
      return g_strdup (mp_record_get_id (rec));
    case KEY_NAME:
      return g_strdup (mp_record_get_string (rec, mp_record_find_field (rec, "name")));
    case KEY_CONTENT:
    default:
      return mp_record_to_json (rec, -1);
    }
}

typedef struct {
  GPtrArray  *items;  /* MpRecord, borrowed from the list */
  GPtrArray  *keys;   /* char * */
  GHashTable *index;  /* key → position + 1 */
} Keyed;

static void
keyed_init (Keyed      *k,
            GListModel *list,
            KeyKind     kind)
{
  guint n = list ? g_list_model_get_n_items (list) : 0;

  k->items = g_ptr_array_new_full (n, g_object_unref);
  k->keys = g_ptr_array_new_full (n, g_free);
  k->index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    {
      MpRecord *rec = g_list_model_get_item (list, i);
      char *key = record_key (rec, kind);

      if (key == NULL)
        key = g_strdup ("");
      g_ptr_array_add (k->items, rec);
      g_ptr_array_add (k->keys, key);
      if (!g_hash_table_contains (k->index, key))
        g_hash_table_insert (k->index, key, GUINT_TO_POINTER (i + 1));
    }
}

static void
keyed_clear (Keyed *k)
{
  g_ptr_array_unref (k->items);
  g_ptr_array_unref (k->keys);
  g_hash_table_unref (k->index);
}

static int
keyed_find (Keyed      *k,
            const char *key)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (k->index, key)) - 1;
}

typedef struct {
  MpMerge    *self;
  gboolean    has_base;
  GHashTable *b_tasks, *o_tasks, *t_tasks; /* id → TaskLoc */
} Ctx;

static MpMergeChange *
add_change (Ctx          *ctx,
            MpMergeKind   kind,
            gboolean      conflict,
            const char   *path,
            Group        *g,
            MpRecord     *rec)
{
  MpMergeChange *c = g_new0 (MpMergeChange, 1);

  c->kind = kind;
  c->conflict = conflict;
  c->apply = !conflict;
  c->path = g_strdup (path);
  c->group = g->kind;
  c->group_id = g_strdup (g->id);
  c->group_title = g_strdup (g->title);
  c->subject = subject_of (rec, g);
  c->own = rec == g->record;
  c->field = -1;
  g_ptr_array_add (ctx->self->changes, c);
  if (conflict)
    ctx->self->n_conflicts++;
  return c;
}

static char *
record_json_short (MpRecord *rec)
{
  g_autofree char *json = NULL;

  if (rec == NULL)
    return g_strdup (C_("value", "removed"));
  json = mp_record_to_json (rec, -1);
  if (strlen (json) > 200)
    {
      g_autofree char *cut = g_utf8_substring (json, 0, 196);
      return g_strdup_printf ("%s …}", cut);
    }
  return g_steal_pointer (&json);
}

static char *
child_path (const char *prefix,
            const char *member)
{
  return *prefix ? g_strdup_printf ("%s.%s", prefix, member) : g_strdup (member);
}

static Group group_of (MpRecord *rec, Group *parent);
static GListStore *store_holding (MpMerge *self, MpRecord *rec, MpRecord *parent, guint field);
static void merge_fields (Ctx *ctx, MpRecord *b, MpRecord *o, MpRecord *t, const char *path,
                          gboolean two_way, Group *g);

static void
field_change (Ctx        *ctx,
              MpRecord   *o,
              MpRecord   *t,
              guint       i,
              const char *path,
              gboolean    conflict,
              Group      *g)
{
  const MpField *f = &mp_record_get_fields (o, NULL)[i];
  g_autofree char *fpath = child_path (path, f->name);
  MpMergeChange *c = add_change (ctx, MP_MERGE_SET, conflict, fpath, g, o);

  c->target = g_object_ref (o);
  c->source = g_object_ref (t);
  c->field = i;
  c->what = set_words (ctx->self->ours, o, ctx->self->theirs, t, i);
  c->topic = g_strdup (field_label (f->name));
  if (conflict)
    {
      c->ours_text = mp_record_to_json (o, i);
      c->theirs_text = mp_record_to_json (t, i);
      c->ours_words = mp_format_field_value (ctx->self->ours, o, i, mp_record_peek_value (o, i), 200);
      c->theirs_words = mp_format_field_value (ctx->self->theirs, t, i, mp_record_peek_value (t, i), 200);
    }
}

static void
merge_unknown (Ctx        *ctx,
               MpRecord   *b,
               MpRecord   *o,
               MpRecord   *t,
               const char *path,
               gboolean    two_way,
               Group      *g)
{
  guint nt = mp_record_get_n_unknown (t), no = mp_record_get_n_unknown (o);

  if (nt == 0 && no == 0)
    return;
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < (pass == 0 ? nt : no); i++)
      {
        int after;
        const char *name;
        JsonNode *node, *on, *tn, *bn;
        gboolean conflict;
        MpMergeChange *c;
        g_autofree char *upath = NULL;

        mp_record_get_unknown (pass == 0 ? t : o, i, &after, &name, &node);
        if (pass == 1 && mp_record_lookup_unknown (t, name) != NULL)
          continue; /* seen in the first pass */
        on = mp_record_lookup_unknown (o, name);
        tn = mp_record_lookup_unknown (t, name);
        bn = b ? mp_record_lookup_unknown (b, name) : NULL;
#define SAME(x, y) (((x) == NULL && (y) == NULL) || ((x) != NULL && (y) != NULL && json_node_equal ((x), (y))))
        if (SAME (on, tn))
          continue;
        if (two_way)
          conflict = TRUE;
        else if (SAME (bn, on))
          conflict = FALSE;
        else if (SAME (bn, tn))
          continue;
        else
          conflict = TRUE;
#undef SAME
        upath = child_path (path, name);
        c = add_change (ctx, MP_MERGE_UNKNOWN, conflict, upath, g, o);
        c->target = g_object_ref (o);
        c->source = g_object_ref (t);
        c->name = g_strdup (name);
        c->field = after;
        /* Translators: a member of the file this version does not know. */
        c->topic = g_strdup_printf (_("member “%s”"), name);
        if (tn == NULL)
          /* Translators: a member of the file this version does not know. */
          c->what = g_strdup_printf (_("member “%s” removed"), name);
        else if (on == NULL)
          c->what = g_strdup_printf (_("member “%s” added"), name);
        else
          c->what = g_strdup_printf (_("member “%s” changed"), name);
        if (conflict)
          {
            c->ours_text = on ? json_to_string (on, FALSE) : g_strdup (C_("value", "removed"));
            c->theirs_text = tn ? json_to_string (tn, FALSE) : g_strdup (C_("value", "removed"));
            c->ours_words = g_strdup (c->ours_text);
            c->theirs_words = g_strdup (c->theirs_text);
          }
      }
}

/* Positions (in @order) of the longest increasing subsequence of @order. */
static GHashTable *
longest_increasing (GArray *order)
{
  guint n = order->len;
  g_autofree guint *tails = g_new (guint, n + 1); /* index into order */
  g_autofree int *prev = g_new (int, n + 1);
  GHashTable *keep = g_hash_table_new (NULL, NULL);
  guint len = 0;

  for (guint i = 0; i < n; i++)
    {
      int v = g_array_index (order, int, i);
      guint lo = 0, hi = len;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          if (g_array_index (order, int, tails[mid]) < v)
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[i] = lo > 0 ? (int) tails[lo - 1] : -1;
      tails[lo] = i;
      if (lo == len)
        len++;
    }
  for (int i = len > 0 ? (int) tails[len - 1] : -1; i >= 0; i = prev[i])
    g_hash_table_add (keep, GINT_TO_POINTER (i + 1));
  return keep;
}

/* Keys of @side (in its order) that are also in @a and @b, and which of
 * them moved relative to @base: not in the longest run that kept its
 * order. Returns the moved keys (a set) and fills @pred with each common
 * key's predecessor among the common keys ("" for the first). */
static GHashTable *
moved_keys (GPtrArray  *side_keys,
            Keyed      *base,
            GHashTable *common,
            GHashTable *pred)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GHashTable) keep = NULL;
  GHashTable *moved = g_hash_table_new (g_str_hash, g_str_equal);
  const char *last = "";

  for (guint i = 0; i < side_keys->len; i++)
    {
      const char *key = g_ptr_array_index (side_keys, i);
      int pos;

      if (!g_hash_table_contains (common, key))
        continue;
      pos = keyed_find (base, key);
      g_array_append_val (order, pos);
      g_ptr_array_add (keys, (gpointer) key);
      g_hash_table_insert (pred, (gpointer) key, (gpointer) last);
      last = key;
    }
  keep = longest_increasing (order);
  for (guint i = 0; i < keys->len; i++)
    if (!g_hash_table_contains (keep, GINT_TO_POINTER (i + 1)))
      g_hash_table_add (moved, g_ptr_array_index (keys, i));
  return moved;
}

static void
move_words (Ctx           *ctx,
            MpMergeChange *c,
            const char    *pred_key,
            KeyKind        kind)
{
  MpRecord *pred = NULL;

  if (pred_key && *pred_key && MP_IS_MILESTONE (c->source))
    pred = (MpRecord *) mp_plan_find_milestone (ctx->self->theirs, pred_key);
  else if (pred_key && *pred_key && kind == KEY_ID)
    {
      GListModel *list = G_LIST_MODEL (mp_record_get_children (c->theirs_parent, c->list_field));

      for (guint i = 0; i < g_list_model_get_n_items (list) && pred == NULL; i++)
        {
          g_autoptr(MpRecord) r = g_list_model_get_item (list, i);
          if (g_strcmp0 (mp_record_get_id (r), pred_key) == 0)
            pred = r;
        }
    }
  if (pred != NULL)
    /* Translators: the order of a list: "moved after “Kick-off”". */
    c->what = g_strdup_printf (_("moved after “%s”"), record_title (pred));
  else
    c->what = g_strdup (_("moved to the top"));
}

/* The order of a list both sides kept (by key): moves THEIRS made. */
static void
merge_order (Ctx        *ctx,
             Keyed      *bk,
             Keyed      *ok,
             Keyed      *tk,
             MpRecord   *o_parent,
             MpRecord   *t_parent,
             guint       field,
             KeyKind     kind,
             const char *path,
             Group      *parent_group)
{
  g_autoptr(GHashTable) common = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) pred_o = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) pred_t = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) moved_o = NULL;
  g_autoptr(GHashTable) moved_t = NULL;

  for (guint i = 0; i < tk->keys->len; i++)
    {
      const char *key = g_ptr_array_index (tk->keys, i);
      if (keyed_find (ok, key) >= 0 && keyed_find (bk, key) >= 0)
        g_hash_table_add (common, (gpointer) key);
    }
  if (g_hash_table_size (common) < 2)
    return;
  moved_t = moved_keys (tk->keys, bk, common, pred_t);
  if (g_hash_table_size (moved_t) == 0)
    return;
  moved_o = moved_keys (ok->keys, bk, common, pred_o);

  for (guint i = 0; i < tk->keys->len; i++)
    {
      const char *key = g_ptr_array_index (tk->keys, i);
      int oi;
      MpRecord *o;
      gboolean conflict = FALSE;
      MpMergeChange *c;
      g_autofree char *ipath = NULL;
      Group g;

      if (!g_hash_table_contains (moved_t, key))
        continue;
      if (g_hash_table_contains (moved_o, key))
        {
          if (g_str_equal (g_hash_table_lookup (pred_o, key), g_hash_table_lookup (pred_t, key)))
            continue;
          conflict = TRUE;
        }
      oi = keyed_find (ok, key);
      o = g_ptr_array_index (ok->items, oi);
      ipath = g_strdup_printf ("%s[%d]", path, oi);
      g = group_of (o, parent_group);
      c = add_change (ctx, MP_MERGE_MOVE, conflict, ipath, &g, o);
      c->target = g_object_ref (o);
      c->source = g_object_ref (g_ptr_array_index (tk->items, i));
      c->ours_parent = g_object_ref (o_parent);
      c->theirs_parent = g_object_ref (t_parent);
      c->list_field = field;
      /* After the nearest record before it in THEIRS that neither side
       * moved: where THEIRS meant it to be, whatever OURS reordered. */
      for (guint j = i; j > 0 && c->after_id == NULL; j--)
        {
          const char *prev = g_ptr_array_index (tk->keys, j - 1);

          if (g_hash_table_contains (common, prev) && !g_hash_table_contains (moved_t, prev) &&
              !g_hash_table_contains (moved_o, prev))
            c->after_id = g_strdup (prev);
        }
      move_words (ctx, c, c->after_id ? c->after_id : "", kind);
      c->topic = g_strdup (_("place in the list"));
      if (conflict)
        {
          const char *po = g_hash_table_lookup (pred_o, key);
          const char *pt = g_hash_table_lookup (pred_t, key);

          c->ours_text = *po ? g_strdup_printf ("after \"%s\"", po) : g_strdup ("first");
          c->theirs_text = *pt ? g_strdup_printf ("after \"%s\"", pt) : g_strdup ("first");
          c->ours_words = *po ? g_strdup_printf (_("after “%s”"), record_title (g_ptr_array_index (ok->items, keyed_find (ok, po))))
                              : g_strdup (_("at the top"));
          c->theirs_words = g_strdup (c->what);
        }
    }
}

/* The group a record of a list belongs to. */
static Group
group_of (MpRecord *rec,
          Group    *parent)
{
  Group g = *parent;

  if (MP_IS_MILESTONE (rec))
    g = (Group) { MP_MERGE_GROUP_MILESTONE, mp_record_get_id (rec), record_title (rec), rec };
  else if (MP_IS_PARTICIPANT (rec))
    g = (Group) { MP_MERGE_GROUP_PERSON, mp_record_get_id (rec), record_title (rec), rec };
  else if (MP_IS_GOAL (rec))
    g = (Group) { MP_MERGE_GROUP_GOAL, mp_record_get_id (rec), record_title (rec), rec };
  return g;
}

static void
record_add (Ctx        *ctx,
            MpRecord   *t,
            MpRecord   *o_removed, /* OURS' version at the base, or NULL */
            MpRecord   *t_parent,
            guint       field,
            const char *path,
            gboolean    conflict,
            gboolean    append,
            Group      *parent_group)
{
  Group g = group_of (t, parent_group);
  MpMergeChange *c = add_change (ctx, MP_MERGE_ADD, conflict, path, &g, t);

  c->source = g_object_ref (t);
  c->theirs_parent = g_object_ref (t_parent);
  c->list_field = field;
  c->append = append;
  c->own = TRUE;
  if (!conflict)
    c->what = g_strdup (C_("change", "added"));
  else if (o_removed != NULL)
    c->what = g_strdup (_("removed here, changed in the other copy"));
  else
    c->what = g_strdup (_("only in the other copy"));
  if (conflict)
    {
      c->ours_text = g_strdup (C_("value", "removed"));
      c->theirs_text = record_json_short (t);
      c->ours_words = g_strdup (o_removed ? _("leave it removed") : _("leave it out"));
      c->theirs_words = g_strdup (o_removed ? _("add it again, with their changes") : _("add it"));
    }
}

static void
record_remove (Ctx        *ctx,
               MpRecord   *o,
               MpRecord   *o_parent,
               guint       field,
               const char *path,
               gboolean    conflict,
               gboolean    changed,
               Group      *parent_group)
{
  Group g = group_of (o, parent_group);
  MpMergeChange *c = add_change (ctx, MP_MERGE_REMOVE, conflict, path, &g, o);

  c->target = g_object_ref (o);
  c->ours_parent = g_object_ref (o_parent);
  c->list_field = field;
  c->own = TRUE;
  if (!conflict)
    c->what = g_strdup (C_("change", "removed"));
  else if (changed)
    c->what = g_strdup (_("changed here, removed in the other copy"));
  else
    c->what = g_strdup (_("not in the other copy"));
  if (conflict)
    {
      c->ours_text = record_json_short (o);
      c->theirs_text = g_strdup (C_("value", "removed"));
      c->ours_words = g_strdup (changed ? _("keep it, with your changes") : _("keep it"));
      c->theirs_words = g_strdup (_("remove it"));
    }
}

static void
merge_list (Ctx        *ctx,
            MpRecord   *b,
            MpRecord   *o,
            MpRecord   *t,
            guint       field,
            const char *path,
            gboolean    two_way,
            Group      *parent_group)
{
  GListModel *ol = G_LIST_MODEL (mp_record_get_children (o, field));
  GListModel *tl = G_LIST_MODEL (mp_record_get_children (t, field));
  GListModel *bl = b ? G_LIST_MODEL (mp_record_get_children (b, field)) : NULL;
  KeyKind kind = key_kind_of (ol);
  Keyed bk, ok, tk;

  if (g_list_model_get_n_items (ol) == 0 && g_list_model_get_n_items (tl) == 0)
    return;
  keyed_init (&bk, two_way ? NULL : bl, kind);
  keyed_init (&ok, ol, kind);
  keyed_init (&tk, tl, kind);

  for (guint j = 0; j < tk.items->len; j++)
    {
      MpRecord *ti = g_ptr_array_index (tk.items, j);
      const char *key = g_ptr_array_index (tk.keys, j);
      int oi = keyed_find (&ok, key), bi = keyed_find (&bk, key);

      if (oi >= 0)
        {
          MpRecord *oitem = g_ptr_array_index (ok.items, oi);
          MpRecord *bitem = bi >= 0 ? g_ptr_array_index (bk.items, bi) : NULL;
          g_autofree char *ipath = g_strdup_printf ("%s[%d]", path, oi);
          Group g = group_of (oitem, parent_group);

          if (kind == KEY_CONTENT)
            continue; /* the same content */
          /* Added on both sides with the same id: every difference is a choice. */
          merge_fields (ctx, bitem, oitem, ti, ipath, two_way || bitem == NULL, &g);
        }
      else
        {
          g_autofree char *tpath = g_strdup_printf ("%s[%u]", path, j);

          if (two_way)
            record_add (ctx, ti, NULL, t, field, tpath, TRUE, kind == KEY_CONTENT, parent_group);
          else if (bi < 0)
            record_add (ctx, ti, NULL, t, field, tpath, FALSE, kind == KEY_CONTENT, parent_group);
          else if (!record_equal (g_ptr_array_index (bk.items, bi), ti))
            record_add (ctx, ti, g_ptr_array_index (bk.items, bi), t, field, tpath, TRUE, kind == KEY_CONTENT, parent_group);
        }
    }
  for (guint i = 0; i < ok.items->len; i++)
    {
      MpRecord *oitem = g_ptr_array_index (ok.items, i);
      const char *key = g_ptr_array_index (ok.keys, i);
      int bi;
      g_autofree char *ipath = NULL;

      if (keyed_find (&tk, key) >= 0)
        continue;
      ipath = g_strdup_printf ("%s[%u]", path, i);
      bi = keyed_find (&bk, key);
      if (two_way)
        record_remove (ctx, oitem, o, field, ipath, TRUE, FALSE, parent_group);
      else if (bi < 0)
        continue; /* OURS added it */
      else if (record_equal (g_ptr_array_index (bk.items, bi), oitem))
        record_remove (ctx, oitem, o, field, ipath, FALSE, FALSE, parent_group);
      else
        record_remove (ctx, oitem, o, field, ipath, TRUE, TRUE, parent_group);
    }
  if (!two_way && kind != KEY_CONTENT)
    merge_order (ctx, &bk, &ok, &tk, o, t, field, kind, path, parent_group);

  keyed_clear (&bk);
  keyed_clear (&ok);
  keyed_clear (&tk);
}

static void
merge_fields (Ctx        *ctx,
              MpRecord   *b,
              MpRecord   *o,
              MpRecord   *t,
              const char *path,
              gboolean    two_way,
              Group      *g)
{
  guint n;
  const MpField *fields = mp_record_get_fields (o, &n);
  gboolean has_sequence = FALSE;

  for (guint i = 0; i < n; i++)
    {
      const MpField *f = &fields[i];

      if (f->flags & MP_FIELD_HEADER)
        continue;
      if (is_sequence_member (f->name))
        {
          has_sequence = TRUE;
          continue;
        }
      if (f->kind == MP_FIELD_CHILDREN)
        {
          g_autofree char *lpath = NULL;

          if (MP_IS_MILESTONE (o) && i == MP_MILESTONE_TASKS)
            continue; /* by id across milestones, below */
          lpath = child_path (path, f->name);
          merge_list (ctx, b, o, t, i, lpath, two_way, g);
          continue;
        }
      if (f->kind == MP_FIELD_CHILD)
        {
          MpRecord *bc = b ? mp_record_get_child (b, i) : NULL;
          MpRecord *oc = mp_record_get_child (o, i);
          MpRecord *tc = mp_record_get_child (t, i);

          if (oc != NULL && tc != NULL && (two_way || bc != NULL))
            {
              g_autofree char *cpath = child_path (path, f->name);
              merge_fields (ctx, bc, oc, tc, cpath, two_way, g);
              continue;
            }
        }
      if (field_equal (o, t, i))
        continue;
      if (two_way)
        field_change (ctx, o, t, i, path, TRUE, g);
      else if (field_equal (b, o, i))
        /* Another plan id: a copy of another plan, never taken silently. */
        field_change (ctx, o, t, i, path, MP_IS_PLAN (o) && i == MP_PLAN_ID, g);
      else if (!field_equal (b, t, i))
        field_change (ctx, o, t, i, path, TRUE, g);
    }
  merge_unknown (ctx, b, o, t, path, two_way, g);
  if (has_sequence)
    {
      g_ptr_array_add (ctx->self->pairs, g_object_ref (o));
      g_ptr_array_add (ctx->self->pairs, g_object_ref (t));
    }
}

/* ---- tasks, by id across milestones ---- */

static GHashTable *
index_tasks (MpPlan *plan)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GListModel *ms;

  if (plan == NULL)
    return index;
  ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  for (guint i = 0; i < g_list_model_get_n_items (ms); i++)
    {
      MpMilestone *m = g_list_model_get_item (ms, i);
      GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (m));

      for (guint j = 0; j < g_list_model_get_n_items (tasks); j++)
        {
          TaskLoc *loc = g_new0 (TaskLoc, 1);

          loc->task = g_list_model_get_item (tasks, j);
          loc->milestone = m;
          loc->milestone_index = i;
          loc->index = j;
          /* The plan holds the references; the index lives shorter. */
          g_object_unref (loc->task);
          g_hash_table_insert (index, (gpointer) mp_task_get_id (loc->task), loc);
        }
      g_object_unref (m);
    }
  return index;
}

static char *
task_path (TaskLoc *loc)
{
  return g_strdup_printf ("milestones[%u].tasks[%u]", loc->milestone_index, loc->index);
}

static Group
milestone_group (MpMilestone *m)
{
  return (Group) { MP_MERGE_GROUP_MILESTONE, mp_milestone_get_id (m), mp_milestone_get_title (m), MP_RECORD (m) };
}

static void
merge_tasks (Ctx *ctx)
{
  MpMerge *self = ctx->self;
  GHashTableIter it;
  GListModel *tms = G_LIST_MODEL (mp_plan_get_milestones (self->theirs));
  GListModel *oms = G_LIST_MODEL (mp_plan_get_milestones (self->ours));

  for (guint i = 0; i < g_list_model_get_n_items (tms); i++)
    {
      g_autoptr(MpMilestone) tm = g_list_model_get_item (tms, i);
      MpMilestone *om = mp_plan_find_milestone (self->ours, mp_milestone_get_id (tm));
      GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (tm));

      if (om == NULL)
        continue; /* comes with the milestone, or the milestone's conflict decides */
      for (guint j = 0; j < g_list_model_get_n_items (tasks); j++)
        {
          g_autoptr(MpTask) tt = g_list_model_get_item (tasks, j);
          const char *id = mp_task_get_id (tt);
          TaskLoc *ol = g_hash_table_lookup (ctx->o_tasks, id);
          TaskLoc *bl = ctx->has_base ? g_hash_table_lookup (ctx->b_tasks, id) : NULL;
          Group g;

          if (ol != NULL)
            {
              g_autofree char *path = task_path (ol);
              gboolean two = !ctx->has_base || bl == NULL;
              const char *pb = bl ? mp_milestone_get_id (bl->milestone) : NULL;
              const char *po = mp_milestone_get_id (ol->milestone);
              const char *pt = mp_milestone_get_id (tm);

              g = milestone_group (ol->milestone);
              if (!(two && record_equal (MP_RECORD (ol->task), MP_RECORD (tt))))
                merge_fields (ctx, bl ? MP_RECORD (bl->task) : NULL, MP_RECORD (ol->task), MP_RECORD (tt),
                              path, two, &g);
              if (g_strcmp0 (po, pt) != 0 && (two || g_strcmp0 (pb, pt) != 0))
                {
                  gboolean conflict = two || g_strcmp0 (pb, po) != 0;
                  MpMergeChange *c = add_change (ctx, MP_MERGE_MOVE, conflict, path, &g, MP_RECORD (ol->task));

                  c->target = g_object_ref (MP_RECORD (ol->task));
                  c->source = g_object_ref (MP_RECORD (tt));
                  c->ours_parent = g_object_ref (MP_RECORD (ol->milestone));
                  c->theirs_parent = g_object_ref (MP_RECORD (tm));
                  c->list_field = MP_MILESTONE_TASKS;
                  /* Translators: a task moved between milestones. */
                  c->what = g_strdup_printf (_("moved from “%s” to “%s”"),
                                             mp_milestone_get_title (ol->milestone), mp_milestone_get_title (tm));
                  c->topic = g_strdup (_("milestone"));
                  if (conflict)
                    {
                      c->ours_text = g_strdup_printf ("\"%s\"", po);
                      c->theirs_text = g_strdup_printf ("\"%s\"", pt);
                      c->ours_words = quote (mp_milestone_get_title (ol->milestone));
                      c->theirs_words = quote (mp_milestone_get_title (tm));
                    }
                }
            }
          else
            {
              g_autofree char *path = g_strdup_printf ("milestones[%u].tasks[%u]", i, j);

              g = milestone_group (om);
              if (!ctx->has_base)
                record_add (ctx, MP_RECORD (tt), NULL, MP_RECORD (tm), MP_MILESTONE_TASKS, path, TRUE, FALSE, &g);
              else if (bl == NULL)
                record_add (ctx, MP_RECORD (tt), NULL, MP_RECORD (tm), MP_MILESTONE_TASKS, path, FALSE, FALSE, &g);
              else if (!record_equal (MP_RECORD (bl->task), MP_RECORD (tt)))
                record_add (ctx, MP_RECORD (tt), MP_RECORD (bl->task), MP_RECORD (tm), MP_MILESTONE_TASKS,
                            path, TRUE, FALSE, &g);
            }
        }
    }

  g_hash_table_iter_init (&it, ctx->o_tasks);
  {
    gpointer key, value;
    g_autoptr(GPtrArray) gone = g_ptr_array_new ();

    while (g_hash_table_iter_next (&it, &key, &value))
      if (!g_hash_table_contains (ctx->t_tasks, key))
        g_ptr_array_add (gone, value);
    for (guint k = 0; k < gone->len; k++)
      {
        TaskLoc *ol = g_ptr_array_index (gone, k);
        TaskLoc *bl = ctx->has_base ? g_hash_table_lookup (ctx->b_tasks, mp_task_get_id (ol->task)) : NULL;
        g_autofree char *path = task_path (ol);
        Group g = milestone_group (ol->milestone);

        if (mp_plan_find_milestone (self->theirs, mp_milestone_get_id (ol->milestone)) == NULL)
          continue; /* the milestone's removal decides */
        if (!ctx->has_base)
          record_remove (ctx, MP_RECORD (ol->task), MP_RECORD (ol->milestone), MP_MILESTONE_TASKS, path, TRUE, FALSE, &g);
        else if (bl == NULL)
          continue;
        else if (record_equal (MP_RECORD (bl->task), MP_RECORD (ol->task)))
          record_remove (ctx, MP_RECORD (ol->task), MP_RECORD (ol->milestone), MP_MILESTONE_TASKS, path, FALSE, FALSE, &g);
        else
          record_remove (ctx, MP_RECORD (ol->task), MP_RECORD (ol->milestone), MP_MILESTONE_TASKS, path, TRUE, TRUE, &g);
      }
  }

  /* The order of tasks that stayed in their milestone on all sides. */
  if (!ctx->has_base)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (oms); i++)
    {
      g_autoptr(MpMilestone) om = g_list_model_get_item (oms, i);
      MpMilestone *tm = mp_plan_find_milestone (self->theirs, mp_milestone_get_id (om));
      MpMilestone *bm = mp_plan_find_milestone (self->base, mp_milestone_get_id (om));
      g_autofree char *path = NULL;
      Keyed bk, ok, tk;
      Group g;

      if (tm == NULL || bm == NULL ||
          g_list_model_get_n_items (G_LIST_MODEL (mp_milestone_get_tasks (tm))) < 2 ||
          g_list_model_get_n_items (G_LIST_MODEL (mp_milestone_get_tasks (om))) < 2)
        continue;
      keyed_init (&bk, G_LIST_MODEL (mp_milestone_get_tasks (bm)), KEY_ID);
      keyed_init (&ok, G_LIST_MODEL (mp_milestone_get_tasks (om)), KEY_ID);
      keyed_init (&tk, G_LIST_MODEL (mp_milestone_get_tasks (tm)), KEY_ID);
      path = g_strdup_printf ("milestones[%u].tasks", i);
      g = milestone_group (om);
      merge_order (ctx, &bk, &ok, &tk, MP_RECORD (om), MP_RECORD (tm), MP_MILESTONE_TASKS, KEY_ID, path, &g);
      keyed_clear (&bk);
      keyed_clear (&ok);
      keyed_clear (&tk);
    }
}

/* ---- the object ---- */

MpMerge *
mp_merge_new (MpPlan *base,
              MpPlan *ours,
              MpPlan *theirs)
{
  MpMerge *self;
  Ctx ctx = { 0 };
  Group g = { MP_MERGE_GROUP_PLAN, NULL, NULL, NULL };

  g_return_val_if_fail (base == NULL || MP_IS_PLAN (base), NULL);
  g_return_val_if_fail (MP_IS_PLAN (ours), NULL);
  g_return_val_if_fail (MP_IS_PLAN (theirs), NULL);

  self = g_object_new (MP_TYPE_MERGE, NULL);
  self->base = base ? g_object_ref (base) : NULL;
  self->ours = g_object_ref (ours);
  self->theirs = g_object_ref (theirs);

  ctx.self = self;
  ctx.has_base = base != NULL;
  ctx.b_tasks = index_tasks (base);
  ctx.o_tasks = index_tasks (ours);
  ctx.t_tasks = index_tasks (theirs);
  g.record = MP_RECORD (ours);
  merge_fields (&ctx, MP_RECORD (base), MP_RECORD (ours), MP_RECORD (theirs), "", base == NULL, &g);
  merge_tasks (&ctx);
  g_hash_table_unref (ctx.b_tasks);
  g_hash_table_unref (ctx.o_tasks);
  g_hash_table_unref (ctx.t_tasks);
  return self;
}

gboolean
mp_merge_has_base (MpMerge *self)
{
  g_return_val_if_fail (MP_IS_MERGE (self), FALSE);
  return self->base != NULL;
}

guint
mp_merge_get_n_changes (MpMerge *self)
{
  g_return_val_if_fail (MP_IS_MERGE (self), 0);
  return self->changes->len;
}

MpMergeChange *
mp_merge_get_change (MpMerge *self,
                     guint    i)
{
  g_return_val_if_fail (MP_IS_MERGE (self), NULL);
  g_return_val_if_fail (i < self->changes->len, NULL);
  return g_ptr_array_index (self->changes, i);
}

guint
mp_merge_get_n_conflicts (MpMerge *self)
{
  g_return_val_if_fail (MP_IS_MERGE (self), 0);
  return self->n_conflicts;
}

/* ---- applying ---- */

/* OURS' record that matches THEIRS' @t_rec holding a list: the plan, or
 * a milestone by id. */
static MpRecord *
ours_holder (MpMerge  *self,
             MpRecord *t_rec)
{
  if (MP_IS_PLAN (t_rec))
    return MP_RECORD (self->ours);
  if (MP_IS_MILESTONE (t_rec))
    return (MpRecord *) mp_plan_find_milestone (self->ours, mp_record_get_id (t_rec));
  return NULL;
}

static int
find_by_id (MpMerge    *self,
            GListStore *store,
            const char *id,
            MpRecord   *skip)
{
  GListModel *list = G_LIST_MODEL (store);
  MpRecord *found = NULL;
  guint pos;

  /* Milestones and people through the plan's index, then the position by
   * pointer: no reference and no string compare per item. */
  if (store == mp_plan_get_milestones (self->ours) || store == mp_plan_get_participants (self->ours))
    {
      found = store == mp_plan_get_milestones (self->ours) ? (MpRecord *) mp_plan_find_milestone (self->ours, id)
                                                            : (MpRecord *) mp_plan_find_participant (self->ours, id);
      if (found == NULL || found == skip || !g_list_store_find (store, found, &pos))
        return -1;
      return (int) pos;
    }
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(MpRecord) r = g_list_model_get_item (list, i);

      if (r != skip && g_strcmp0 (mp_record_get_id (r), id) == 0)
        return (int) i;
    }
  return -1;
}

/* Where THEIRS' @source goes in OURS' @store: after the nearest record
 * before it in THEIRS that OURS has (leaving out @skip, the record being
 * moved), as a position in @store without @skip. */
static guint
position_after_predecessor (MpMerge    *self,
                            GListStore *store,
                            MpRecord   *theirs_parent,
                            guint       field,
                            MpRecord   *source,
                            MpRecord   *skip)
{
  GListModel *tl = G_LIST_MODEL (mp_record_get_children (theirs_parent, field));
  guint tpos;
  guint skip_pos = G_MAXUINT;

  if (skip != NULL)
    g_list_store_find (store, skip, &skip_pos);
  if (!g_list_store_find (G_LIST_STORE (tl), source, &tpos))
    return g_list_model_get_n_items (G_LIST_MODEL (store)) - (skip ? 1 : 0);
  for (guint j = tpos; j > 0; j--)
    {
      g_autoptr(MpRecord) pred = g_list_model_get_item (tl, j - 1);
      int at = find_by_id (self, store, mp_record_get_id (pred), skip);

      if (at >= 0)
        return (guint) at + 1 - ((guint) at > skip_pos ? 1 : 0);
    }
  return 0;
}

static void
remove_record (MpDocument *doc,
               GListStore *store,
               MpRecord   *rec)
{
  guint pos;

  if (MP_IS_MILESTONE (rec))
    mp_document_remove_milestone (doc, MP_MILESTONE (rec));
  else if (MP_IS_PARTICIPANT (rec))
    mp_document_remove_participant (doc, MP_PARTICIPANT (rec));
  else if (g_list_store_find (store, rec, &pos))
    mp_document_remove (doc, store, pos);
}

static gboolean
apply_add (MpMerge       *self,
           MpDocument    *doc,
           MpMergeChange *c)
{
  MpRecord *holder = ours_holder (self, c->theirs_parent);
  GListStore *store;
  g_autoptr(MpRecord) copy = NULL;
  guint pos;

  if (holder == NULL)
    return FALSE;
  store = mp_record_get_children (holder, c->list_field);
  copy = mp_record_copy (c->source);
  if (MP_IS_MILESTONE (copy))
    {
      /* Tasks THEIRS moved into the new milestone leave their old place. */
      GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (MP_MILESTONE (copy)));

      for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
        {
          g_autoptr(MpTask) task = g_list_model_get_item (tasks, i);
          g_autoptr(GHashTable) index = NULL;
          TaskLoc *loc;

          index = index_tasks (self->ours);
          loc = g_hash_table_lookup (index, mp_task_get_id (task));
          if (loc != NULL)
            remove_record (doc, mp_milestone_get_tasks (loc->milestone), MP_RECORD (loc->task));
        }
    }
  if (c->append || mp_record_get_id (c->source) == NULL)
    pos = g_list_model_get_n_items (G_LIST_MODEL (store));
  else
    pos = position_after_predecessor (self, store, c->theirs_parent, c->list_field, c->source, NULL);
  mp_document_insert (doc, store, pos, copy);
  return TRUE;
}

static gboolean
apply_move (MpMerge       *self,
            MpDocument    *doc,
            MpMergeChange *c)
{
  MpRecord *holder = ours_holder (self, c->theirs_parent);
  GListStore *to, *from;
  guint at, pos;

  if (holder == NULL)
    return FALSE;
  to = mp_record_get_children (holder, c->list_field);
  from = store_holding (self, c->target, c->ours_parent, c->list_field);
  if (!g_list_store_find (from, c->target, &at))
    return FALSE;
  if (from == to)
    {
      int anchor = c->after_id ? find_by_id (self, to, c->after_id, c->target) : -1;

      if (c->after_id == NULL)
        pos = 0;
      else if (anchor >= 0)
        pos = (guint) anchor + 1 - ((guint) anchor > at ? 1 : 0);
      else
        pos = position_after_predecessor (self, to, c->theirs_parent, c->list_field, c->source, c->target);
      if (pos != at)
        mp_document_move (doc, to, at, pos);
      return TRUE;
    }
  {
    g_autoptr(MpRecord) item = g_object_ref (c->target);

    mp_document_remove (doc, from, at);
    pos = position_after_predecessor (self, to, c->theirs_parent, c->list_field, c->source, NULL);
    mp_document_insert (doc, to, pos, item);
  }
  return TRUE;
}

/* A record OURS removed since the base: references to it go, as they
 * did when it was removed. */
static gboolean
removed_by_ours (MpMerge    *self,
                 MpRefKind   kind,
                 const char *id)
{
  if (self->base == NULL || id == NULL)
    return FALSE;
  if (kind == MP_REF_MILESTONE)
    return mp_plan_find_milestone (self->base, id) && !mp_plan_find_milestone (self->ours, id);
  if (kind == MP_REF_PARTICIPANT)
    return mp_plan_find_participant (self->base, id) && !mp_plan_find_participant (self->ours, id);
  return FALSE;
}

static void
apply_set (MpMerge       *self,
           MpDocument    *doc,
           MpMergeChange *c)
{
  const MpField *f = &mp_record_get_fields (c->target, NULL)[c->field];

  if (f->kind == MP_FIELD_REF && removed_by_ours (self, f->ref, mp_record_get_string (c->source, c->field)))
    mp_document_set_string (doc, c->target, c->field, NULL);
  else if (MP_IS_MILESTONE (c->target) &&
           (c->field == MP_MILESTONE_SELLER_OWNER || c->field == MP_MILESTONE_CUSTOMER_OWNER))
    {
      /* An owner OURS moved to the other side owns nothing on this one
       * (as when the side changed). */
      const char *id = mp_record_get_string (c->source, c->field);
      MpParticipant *p = id ? mp_plan_find_participant (self->ours, id) : NULL;
      MpSide side = c->field == MP_MILESTONE_SELLER_OWNER ? MP_SIDE_SELLER : MP_SIDE_CUSTOMER;

      mp_document_set_string (doc, c->target, c->field,
                              p != NULL && mp_participant_get_side (p) != side ? NULL : id);
    }
  else if (f->kind == MP_FIELD_REFS)
    {
      const char * const *ids = mp_record_get_strv (c->source, c->field);
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();

      for (guint i = 0; ids && ids[i]; i++)
        if (!removed_by_ours (self, f->ref, ids[i]))
          g_ptr_array_add (kept, (gpointer) ids[i]);
      g_ptr_array_add (kept, NULL);
      mp_document_set_strv (doc, c->target, c->field, (const char * const *) kept->pdata);
    }
  else if (f->kind == MP_FIELD_CHILD)
    {
      MpRecord *child = mp_record_get_child (c->source, c->field);
      g_autoptr(MpRecord) copy = child ? mp_record_copy (child) : NULL;

      mp_document_set_child (doc, c->target, c->field, copy);
    }
  else
    mp_document_set_value (doc, c->target, c->field, mp_record_peek_value (c->source, c->field));
}

static gboolean
visible_differs (MpRecord *a,
                 MpRecord *b)
{
  guint n;

  mp_record_get_fields (a, &n);
  for (guint i = 0; i < n; i++)
    if (mp_document_field_raises_sequence (a, i) && !field_equal (a, b, i))
      return TRUE;
  return FALSE;
}

/* The calendar revision: above what either copy's attendees may have
 * seen, and raised once when the merge changed what invitations show. */
static void
fix_sequences (MpMerge    *self,
               MpDocument *doc,
               GHashTable *touched)
{
  for (guint i = 0; i + 1 < self->pairs->len; i += 2)
    {
      MpRecord *o = g_ptr_array_index (self->pairs, i);
      MpRecord *t = g_ptr_array_index (self->pairs, i + 1);
      int seq = mp_record_find_field (o, "sequence");
      int inv = mp_record_find_field (o, "invited_sequence");
      int value;

      if (seq < 0)
        continue;
      if (inv >= 0 && mp_record_get_int (t, inv) > mp_record_get_int (o, inv))
        mp_document_set_int (doc, o, inv, mp_record_get_int (t, inv));
      value = mp_record_get_int (o, seq);
      if (g_hash_table_contains (touched, o))
        value = MAX (value, mp_record_get_int (t, seq) + (visible_differs (o, t) ? 1 : 0));
      if (inv >= 0)
        value = MAX (value, mp_record_get_int (o, inv));
      if (value != mp_record_get_int (o, seq))
        mp_document_set_int (doc, o, seq, value);
    }
}

static GListStore *
store_holding (MpMerge  *self,
               MpRecord *rec,
               MpRecord *parent,
               guint     field)
{
  GListStore *store = mp_record_get_children (parent, field);
  guint pos;

  /* A task may have moved since the change was worked out. */
  if (MP_IS_TASK (rec) && !g_list_store_find (store, rec, &pos))
    {
      g_autoptr(GHashTable) index = index_tasks (self->ours);
      TaskLoc *loc = g_hash_table_lookup (index, mp_record_get_id (rec));

      if (loc != NULL)
        store = mp_milestone_get_tasks (loc->milestone);
    }
  return store;
}

/* Records first (so that references to them hold), then moves, fields,
 * removals; then the calendar sequence, and at last entries appended to
 * the end of lists (the history, after the merge's own entries). */
static int
apply_pass (MpMerge    *self,
            MpDocument *doc,
            guint       pass,
            GHashTable *touched,
            GHashTable *new_texts)
{
  int count = 0;

  for (guint i = 0; i < self->changes->len; i++)
    {
      MpMergeChange *c = g_ptr_array_index (self->changes, i);

      if (!c->apply)
        continue;
      switch (c->kind)
        {
        case MP_MERGE_ADD:
          if (pass == 0 && !c->append && apply_add (self, doc, c))
            count++;
          else if (pass == 4 && c->append)
            {
              int text = mp_record_find_field (c->source, "text");

              if (text >= 0 && MP_IS_HISTORY_ENTRY (c->source) &&
                  g_hash_table_contains (new_texts, mp_record_get_string (c->source, text)))
                continue; /* the merge wrote the same entry */
              if (apply_add (self, doc, c))
                count++;
            }
          break;
        case MP_MERGE_MOVE:
          if (pass == 1 && apply_move (self, doc, c))
            count++;
          break;
        case MP_MERGE_SET:
          if (pass == 2)
            {
              apply_set (self, doc, c);
              g_hash_table_add (touched, c->target);
              count++;
            }
          break;
        case MP_MERGE_UNKNOWN:
          if (pass == 2)
            {
              mp_document_set_unknown (doc, c->target, c->field, c->name,
                                       mp_record_lookup_unknown (c->source, c->name));
              count++;
            }
          break;
        case MP_MERGE_REMOVE:
          if (pass == 3)
            {
              GListStore *store = store_holding (self, c->target, c->ours_parent, c->list_field);
              guint pos;

              if (MP_IS_MILESTONE (c->target) || MP_IS_PARTICIPANT (c->target) ||
                  g_list_store_find (store, c->target, &pos))
                {
                  remove_record (doc, store, c->target);
                  count++;
                }
            }
          break;
        default:
          break;
        }
    }
  return count;
}

static int
apply_changes (MpMerge    *self,
               MpDocument *doc,
               const char *label)
{
  GListModel *history = G_LIST_MODEL (mp_plan_get_history (self->ours));
  guint history_before = g_list_model_get_n_items (history);
  g_autoptr(GHashTable) touched = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) new_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int count = 0;

  mp_document_begin (doc, label);
  for (guint pass = 0; pass < 4; pass++)
    count += apply_pass (self, doc, pass, touched, new_texts);
  fix_sequences (self, doc, touched);
  for (guint h = history_before; h < g_list_model_get_n_items (history); h++)
    {
      g_autoptr(MpHistoryEntry) e = g_list_model_get_item (history, h);
      g_hash_table_add (new_texts, g_strdup (mp_history_entry_get_text (e)));
    }
  count += apply_pass (self, doc, 4, touched, new_texts);
  mp_document_end (doc);
  return count;
}

/* The loader's checks of meaning on the result: every value came from a
 * plan that loaded, so the values' own rules hold already. */
static gboolean
result_loads (MpPlan  *plan,
              GError **error)
{
  g_autoptr(GError) invalid = NULL;

  /* Translators: the name of the merged plan in messages. */
  if (mp_plan_validate (plan, _("merged plan"), &invalid))
    return TRUE;
  g_set_error (error, MP_ERROR, MP_ERROR_INVALID,
               _("The merged plan would break a rule of the file format, so nothing was merged: %s. "
                 "Choose the other side of the changes concerned, or merge them by hand."),
               invalid->message);
  return FALSE;
}

/* @copy is mp_record_copy (@orig): the same tree. Maps each record of
 * @orig to its copy. */
static void
map_copies (GHashTable *map,
            MpRecord   *orig,
            MpRecord   *copy)
{
  guint n;
  const MpField *fields = mp_record_get_fields (orig, &n);

  g_hash_table_insert (map, orig, copy);
  for (guint i = 0; i < n; i++)
    if (fields[i].kind == MP_FIELD_CHILDREN)
      {
        GListModel *a = G_LIST_MODEL (mp_record_get_children (orig, i));
        GListModel *b = G_LIST_MODEL (mp_record_get_children (copy, i));

        for (guint j = 0; j < g_list_model_get_n_items (a); j++)
          {
            g_autoptr(MpRecord) x = g_list_model_get_item (a, j);
            g_autoptr(MpRecord) y = g_list_model_get_item (b, j);
            map_copies (map, x, y);
          }
      }
    else if (fields[i].kind == MP_FIELD_CHILD && mp_record_get_child (orig, i) != NULL)
      map_copies (map, mp_record_get_child (orig, i), mp_record_get_child (copy, i));
}

static MpRecord *
mapped (GHashTable *map,
        MpRecord   *rec)
{
  MpRecord *found = rec ? g_hash_table_lookup (map, rec) : NULL;

  return found ? g_object_ref (found) : (rec ? g_object_ref (rec) : NULL);
}

/* The same merge, with OURS' records replaced by those of @copy. */
static MpMerge *
merge_onto_copy (MpMerge *self,
                 MpPlan  *copy)
{
  g_autoptr(GHashTable) map = g_hash_table_new (NULL, NULL);
  MpMerge *trial = g_object_new (MP_TYPE_MERGE, NULL);

  map_copies (map, MP_RECORD (self->ours), MP_RECORD (copy));
  trial->base = self->base ? g_object_ref (self->base) : NULL;
  trial->ours = g_object_ref (copy);
  trial->theirs = g_object_ref (self->theirs);
  trial->n_conflicts = self->n_conflicts;
  for (guint i = 0; i < self->changes->len; i++)
    {
      MpMergeChange *c = g_ptr_array_index (self->changes, i);
      MpMergeChange *t = g_new0 (MpMergeChange, 1);

      *t = *c;
      t->path = g_strdup (c->path);
      t->group_id = g_strdup (c->group_id);
      t->group_title = g_strdup (c->group_title);
      t->subject = g_strdup (c->subject);
      t->what = g_strdup (c->what);
      t->topic = g_strdup (c->topic);
      t->ours_text = g_strdup (c->ours_text);
      t->theirs_text = g_strdup (c->theirs_text);
      t->ours_words = g_strdup (c->ours_words);
      t->theirs_words = g_strdup (c->theirs_words);
      t->name = g_strdup (c->name);
      t->after_id = g_strdup (c->after_id);
      t->target = mapped (map, c->target);
      t->ours_parent = mapped (map, c->ours_parent);
      t->source = c->source ? g_object_ref (c->source) : NULL;
      t->theirs_parent = c->theirs_parent ? g_object_ref (c->theirs_parent) : NULL;
      g_ptr_array_add (trial->changes, t);
    }
  for (guint i = 0; i < self->pairs->len; i++)
    g_ptr_array_add (trial->pairs, i % 2 == 0 ? mapped (map, g_ptr_array_index (self->pairs, i))
                                              : g_object_ref (g_ptr_array_index (self->pairs, i)));
  return trial;
}

int
mp_merge_apply (MpMerge     *self,
                MpDocument  *doc,
                const char  *label,
                GError     **error)
{
  g_autoptr(MpPlan) copy = NULL;
  g_autoptr(MpMerge) trial = NULL;
  g_autoptr(MpDocument) trial_doc = NULL;

  g_return_val_if_fail (MP_IS_MERGE (self), -1);
  g_return_val_if_fail (MP_IS_DOCUMENT (doc), -1);
  g_return_val_if_fail (mp_document_get_plan (doc) == self->ours, -1);

  /* On a copy first: the document never holds a plan that would not load,
   * not even in its redo history. */
  copy = MP_PLAN (mp_record_copy (MP_RECORD (self->ours)));
  trial = merge_onto_copy (self, copy);
  trial_doc = mp_document_new (copy, NULL);
  apply_changes (trial, trial_doc, label);
  if (!result_loads (copy, error))
    return -1;
  return apply_changes (self, doc, label);
}

int
mp_merge_apply_in_place (MpMerge  *self,
                         GError  **error)
{
  g_autoptr(MpDocument) doc = NULL;
  int count;

  g_return_val_if_fail (MP_IS_MERGE (self), -1);

  doc = mp_document_new (self->ours, NULL);
  count = apply_changes (self, doc, NULL);
  if (!result_loads (self->ours, error))
    return -1;
  return count;
}

/* ---- words for people and the command line ---- */

char *
mp_merge_change_describe (MpMergeChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);
  return g_strdup_printf ("%s %s", change->subject, change->what);
}

char *
mp_merge_change_describe_conflict (MpMergeChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);
  if (change->apply)
    /* Translators: a conflict of the command line: JSON path, the two values as JSON. */
    return g_strdup_printf (_("%s: ours %s, theirs %s; kept theirs"),
                            *change->path ? change->path : "plan", change->ours_text, change->theirs_text);
  return g_strdup_printf (_("%s: ours %s, theirs %s; kept ours"),
                          *change->path ? change->path : "plan", change->ours_text, change->theirs_text);
}

char *
mp_plan_describe_changes (MpPlan *old_plan,
                          MpPlan *new_plan)
{
  g_autoptr(MpMerge) merge = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (MP_IS_PLAN (old_plan), NULL);
  g_return_val_if_fail (MP_IS_PLAN (new_plan), NULL);
  merge = mp_merge_new (old_plan, old_plan, new_plan);
  for (guint i = 0; i < merge->changes->len; i++)
    {
      g_autofree char *line = mp_merge_change_describe (g_ptr_array_index (merge->changes, i));
      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
describe_record (GString  *out,
                 MpPlan   *plan,
                 MpRecord *rec,
                 int       depth)
{
  guint n;
  const MpField *fields = mp_record_get_fields (rec, &n);
  gboolean first = TRUE;

  for (int i = 0; i < depth; i++)
    g_string_append (out, "  ");
  if (*record_title (rec) == '\0' || mp_record_find_field (rec, "text") >= 0)
    g_string_append (out, kind_label (rec));
  else
    g_string_append_printf (out, _("%s “%s”"), kind_label (rec), record_title (rec));
  for (guint i = 0; i < n; i++)
    {
      const MpField *f = &fields[i];
      g_autofree char *words = NULL;

      if (f->kind == MP_FIELD_CHILDREN || (f->flags & MP_FIELD_HEADER) ||
          g_str_equal (f->name, "title") || g_str_equal (f->name, "id") || is_sequence_member (f->name) ||
          (g_str_equal (f->name, "name") && f->kind == MP_FIELD_STRING) ||
          (f->kind == MP_FIELD_CHILD && mp_record_get_child (rec, i) != NULL) ||
          mp_record_is_default (rec, i))
        continue;
      words = mp_format_field_value (plan, rec, i, mp_record_peek_value (rec, i), 200);
      g_string_append (out, first ? ": " : "; ");
      first = FALSE;
      g_string_append_printf (out, "%s %s", field_label (f->name), words);
    }
  for (guint u = 0; u < mp_record_get_n_unknown (rec); u++)
    {
      int after;
      const char *name;
      JsonNode *node;
      g_autofree char *json = NULL;

      mp_record_get_unknown (rec, u, &after, &name, &node);
      json = json_to_string (node, FALSE);
      g_string_append (out, first ? ": " : "; ");
      first = FALSE;
      g_string_append_printf (out, "%s %s", name, json);
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < n; i++)
    {
      if (fields[i].kind == MP_FIELD_CHILDREN)
        {
          GListModel *list = G_LIST_MODEL (mp_record_get_children (rec, i));

          for (guint j = 0; j < g_list_model_get_n_items (list); j++)
            {
              g_autoptr(MpRecord) child = g_list_model_get_item (list, j);
              describe_record (out, plan, child, depth + 1);
            }
        }
      else if (fields[i].kind == MP_FIELD_CHILD && mp_record_get_child (rec, i) != NULL)
        describe_record (out, plan, mp_record_get_child (rec, i), depth + 1);
    }
}

char *
mp_plan_describe (MpPlan *plan)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  describe_record (out, plan, MP_RECORD (plan), 0);
  return g_string_free (out, FALSE);
}

/* ---- shared versions ---- */

static char *
shared_dir (MpPlan *plan)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, mp_plan_get_id (plan), -1);

  return g_build_filename (g_get_user_data_dir (), "mutualplan", "shared", hash, NULL);
}

typedef struct {
  char   *path;
  gint64  mtime;
} Version;

static void
version_free (gpointer data)
{
  Version *v = data;

  g_free (v->path);
  g_free (v);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const Version *x = *(Version **) a;
  const Version *y = *(Version **) b;

  return x->mtime < y->mtime ? 1 : x->mtime > y->mtime ? -1 : g_strcmp0 (x->path, y->path);
}

static GPtrArray *
list_versions (const char *dir_path)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (version_free);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      GStatBuf st;
      Version *v;
      g_autofree char *path = NULL;

      if (!g_str_has_suffix (name, ".mplan"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      if (g_stat (path, &st) != 0)
        continue;
      v = g_new0 (Version, 1);
      v->path = g_steal_pointer (&path);
      /* Nanoseconds: two versions shared within a second keep their order. */
      v->mtime = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
      g_ptr_array_add (list, v);
    }
  g_ptr_array_sort (list, newest_first);
  return list;
}

gboolean
mp_merge_remember_shared (MpPlan  *plan,
                          GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) versions = NULL;

  g_return_val_if_fail (MP_IS_PLAN (plan), FALSE);

  dir = shared_dir (plan);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not keep the shared version of the plan in %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  bytes = mp_plan_to_bytes (plan);
  hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  hash[16] = '\0';
  name = g_strconcat (hash, ".mplan", NULL);
  path = g_build_filename (dir, name, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Shared again: it is the newest now. */
      if (g_utime (path, NULL) != 0)
        return TRUE;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      if (!mp_write_file_atomic (file, bytes, FALSE, NULL, NULL, error))
        return FALSE;
    }
  versions = list_versions (dir);
  /* The version just shared is kept whatever the clock says of the others. */
  for (guint i = 1; i < versions->len; i++)
    if (g_str_equal (((Version *) g_ptr_array_index (versions, i))->path, path))
      {
        Version *mine = g_ptr_array_steal_index (versions, i);

        g_ptr_array_insert (versions, 0, mine);
        break;
      }
  for (guint i = MAX_SHARED_VERSIONS; i < versions->len; i++)
    g_unlink (((Version *) g_ptr_array_index (versions, i))->path);
  return TRUE;
}

MpPlan *
mp_merge_find_shared_base (MpPlan  *copy,
                           char   **when)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  MpPlan *best = NULL;
  guint best_changes = G_MAXUINT;
  gint64 best_time = 0;

  g_return_val_if_fail (MP_IS_PLAN (copy), NULL);
  if (mp_plan_get_id (copy) == NULL)
    return NULL;
  dir = shared_dir (copy);
  versions = list_versions (dir);
  for (guint i = 0; i < versions->len; i++)
    {
      Version *v = g_ptr_array_index (versions, i);
      g_autoptr(GFile) file = g_file_new_for_path (v->path);
      g_autoptr(MpPlan) plan = mp_plan_load_from_file (file, NULL, NULL);
      g_autoptr(MpMerge) diff = NULL;

      if (plan == NULL)
        continue;
      diff = mp_merge_new (plan, plan, copy);
      /* Newest first: a tie keeps the newer version. */
      if (diff->changes->len < best_changes)
        {
          g_clear_object (&best);
          best = g_steal_pointer (&plan);
          best_changes = diff->changes->len;
          best_time = v->mtime;
        }
    }
  if (best != NULL && when != NULL)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (best_time / 1000000000);
      *when = g_date_time_format_iso8601 (dt);
    }
  return best;
}

static void
mp_merge_finalize (GObject *object)
{
  MpMerge *self = MP_MERGE (object);

  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->pairs, g_ptr_array_unref);
  g_clear_object (&self->base);
  g_clear_object (&self->ours);
  g_clear_object (&self->theirs);
  G_OBJECT_CLASS (mp_merge_parent_class)->finalize (object);
}

static void
mp_merge_class_init (MpMergeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mp_merge_finalize;
}

static void
mp_merge_init (MpMerge *self)
{
  self->changes = g_ptr_array_new_with_free_func (change_free);
  self->pairs = g_ptr_array_new_with_free_func (g_object_unref);
}
