/* mp-plan-io.c: load (with every rule of FORMAT.md) and save
 *
 * Loading runs in two passes over the parsed JSON tree:
 *  1. structure: every member of every object is read through the
 *     object's field table (types, dates, ranges, enums, required
 *     members); unknown members are kept with their position;
 *  2. meaning: unique ids, references, owners' sides, start ≤ due,
 *     dependency cycles.
 * The first broken rule stops the load with its JSON path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-plan-io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mp-format.h"
#include "mp-json-check.h"
#include "mp-model.h"

typedef struct {
  const char *display_name;
  GString    *path;
  GError    **error;
} Loader;

static gboolean
fail (Loader     *ld,
      MpError     code,
      const char *fmt,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Loader     *ld,
      MpError     code,
      const char *fmt,
      ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  /* The rules are said in the user's language (the format strings are
   * extracted with xgettext's --keyword=fail:3, po/meson.build). */
  va_start (args, fmt);
  msg = g_strdup_vprintf (g_dgettext (GETTEXT_PACKAGE, fmt), args);
  va_end (args);
  if (ld->path->len > 0)
    g_set_error (ld->error, MP_ERROR, code, "%s: %s: %s", ld->display_name, ld->path->str, msg);
  else
    g_set_error (ld->error, MP_ERROR, code, "%s: %s", ld->display_name, msg);
  return FALSE;
}

static gsize
path_push_member (Loader     *ld,
                  const char *name)
{
  gsize old = ld->path->len;

  if (old > 0)
    g_string_append_c (ld->path, '.');
  g_string_append (ld->path, name);
  return old;
}

static gsize
path_push_index (Loader *ld,
                 guint   i)
{
  gsize old = ld->path->len;

  g_string_append_printf (ld->path, "[%u]", i);
  return old;
}

static void
path_pop (Loader *ld,
          gsize   old)
{
  g_string_truncate (ld->path, old);
}

/* Quotes and control characters escaped; other text left readable. */
static char *
escape_for_message (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else if ((unsigned char) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (unsigned char) *p);
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
mp_json_describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup (_("an object"));
    case JSON_NODE_ARRAY:
      return g_strdup (_("an array"));
    case JSON_NODE_NULL:
      return g_strdup ("null");
    case JSON_NODE_VALUE:
      break;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      {
        const char *s = json_node_get_string (node);
        g_autofree char *shortened = NULL;
        g_autofree char *escaped = NULL;

        /* Long values are cut at a character boundary. */
        if (g_utf8_strlen (s, 41) > 40)
          {
            g_autofree char *head = g_utf8_substring (s, 0, 37);
            shortened = g_strconcat (head, "…", NULL);
            s = shortened;
          }
        escaped = escape_for_message (s);
        return g_strdup_printf ("\"%s\"", escaped);
      }
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
      }
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return g_strdup (_("a value"));
    }
}

static const char *
node_kind (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY: return _("an array");
    case JSON_NODE_NULL: return "null";
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING: return _("a string");
        case G_TYPE_INT64: return _("an integer");
        case G_TYPE_DOUBLE: return _("a number");
        case G_TYPE_BOOLEAN: return (json_node_get_boolean (node) ? "true" : "false");
        default: break;
        }
      break;
    }
  return "a value";
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
expect_string (Loader      *ld,
               JsonNode    *node,
               const char  *what,
               const char **out)
{
  if (!is_string (node))
    return fail (ld, MP_ERROR_INVALID, "must be %s, not %s", what, node_kind (node));
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean read_record (Loader *ld, MpRecord *rec, JsonObject *obj);

static gboolean
read_date_map (Loader     *ld,
               JsonNode   *node,
               MpDateMap **out)
{
  g_autoptr(GPtrArray) map = mp_date_map_new ();
  JsonObjectIter iter;
  const char *id;
  JsonNode *entry;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (ld, MP_ERROR_INVALID, "must be an object of milestone ids, not %s", node_kind (node));
  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &id, &entry))
    {
      gsize old = path_push_member (ld, id);
      JsonObject *eo;
      JsonNode *start, *due;
      MpDate s = MP_DATE_NONE, d = MP_DATE_NONE;
      const char *text;

      if (!JSON_NODE_HOLDS_OBJECT (entry))
        return fail (ld, MP_ERROR_INVALID, "must be an object {\"start\", \"due\"}, not %s", node_kind (entry));
      eo = json_node_get_object (entry);
      start = json_object_get_member (eo, "start");
      due = json_object_get_member (eo, "due");
      if (start != NULL && !JSON_NODE_HOLDS_NULL (start))
        {
          gsize o2 = path_push_member (ld, "start");
          if (!expect_string (ld, start, "a date (YYYY-MM-DD) or null", &text))
            return FALSE;
          if (!mp_date_parse (text, &s))
            return fail (ld, MP_ERROR_INVALID, "\"%s\" is not a valid date (YYYY-MM-DD)", text);
          path_pop (ld, o2);
        }
      {
        gsize o2 = path_push_member (ld, "due");
        if (due == NULL)
          return fail (ld, MP_ERROR_INVALID, "missing (required)");
        if (!expect_string (ld, due, "a date (YYYY-MM-DD)", &text))
          return FALSE;
        if (!mp_date_parse (text, &d))
          return fail (ld, MP_ERROR_INVALID, "\"%s\" is not a valid date (YYYY-MM-DD)", text);
        path_pop (ld, o2);
      }
      mp_date_map_add (map, id, s, d);
      {
        MpDateMapEntry *added = g_ptr_array_index (map, map->len - 1);
        JsonObjectIter it;
        const char *name;
        JsonNode *member;
        JsonObject *extra = NULL;

        added->has_start = start != NULL;
        /* Members this version does not know stay, after "due". */
        json_object_iter_init_ordered (&it, eo);
        while (json_object_iter_next_ordered (&it, &name, &member))
          if (!g_str_equal (name, "start") && !g_str_equal (name, "due"))
            {
              if (extra == NULL)
                extra = json_object_new ();
              json_object_set_member (extra, name, json_node_copy (member));
            }
        if (extra != NULL)
          {
            added->unknown = json_node_init_object (json_node_alloc (), extra);
            json_object_unref (extra);
          }
      }
      path_pop (ld, old);
    }
  *out = g_steal_pointer (&map);
  return TRUE;
}

static gboolean
read_strv (Loader     *ld,
           JsonNode   *node,
           GStrv      *out)
{
  JsonArray *array;
  guint n;
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (ld, MP_ERROR_INVALID, "must be an array of ids, not %s", node_kind (node));
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      gsize old = path_push_index (ld, i);
      const char *s;

      if (!expect_string (ld, item, "an id (a string)", &s))
        return FALSE;
      g_strv_builder_add (b, s);
      path_pop (ld, old);
    }
  *out = g_strv_builder_end (b);
  return TRUE;
}

/* Reads @node into field @i of @rec. The path names the member. */
static gboolean
read_field (Loader   *ld,
            MpRecord *rec,
            guint     i,
            JsonNode *node)
{
  const MpField *f = &mp_record_get_fields (rec, NULL)[i];
  g_auto(GValue) v = G_VALUE_INIT;
  const char *s = NULL;

  mp_record_mark_member (rec, i);

  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (f->flags & MP_FIELD_REQUIRED)
        return fail (ld, MP_ERROR_INVALID, "must not be null (required)");
      return TRUE; /* the default value stands for null */
    }

  g_value_init (&v, G_VALUE_TYPE (mp_record_peek_value (rec, i)));

  switch (f->kind)
    {
    case MP_FIELD_STRING:
      if (!expect_string (ld, node, "a string", &s))
        return FALSE;
      if ((f->flags & MP_FIELD_NONEMPTY) && *s == '\0')
        return fail (ld, MP_ERROR_INVALID, "must not be empty");
      g_value_set_string (&v, s);
      break;

    case MP_FIELD_REF:
      if (!expect_string (ld, node, "a participant id (a string) or null", &s))
        return FALSE;
      g_value_set_string (&v, s);
      break;

    case MP_FIELD_DATE:
      {
        MpDate d;

        if (!is_string (node))
          return fail (ld, MP_ERROR_INVALID, "must be a date (YYYY-MM-DD), not %s", node_kind (node));
        s = json_node_get_string (node);
        if (!mp_date_parse (s, &d))
          {
            g_autofree char *shown = mp_json_describe_node (node);
            return fail (ld, MP_ERROR_INVALID, "%s is not a valid date (YYYY-MM-DD)", shown);
          }
        g_value_set_uint (&v, d);
      }
      break;

    case MP_FIELD_TIME:
      {
        int m;

        if (!is_string (node))
          return fail (ld, MP_ERROR_INVALID, "must be a time (HH:MM) or null, not %s", node_kind (node));
        s = json_node_get_string (node);
        if (!mp_time_parse (s, &m))
          {
            g_autofree char *shown = mp_json_describe_node (node);
            return fail (ld, MP_ERROR_INVALID, "%s is not a valid time (HH:MM, 00:00 to 23:59)", shown);
          }
        g_value_set_int (&v, m);
      }
      break;

    case MP_FIELD_DATETIME:
      if (!is_string (node) || !mp_datetime_is_valid (json_node_get_string (node)))
        {
          g_autofree char *shown = mp_json_describe_node (node);
          return fail (ld, MP_ERROR_INVALID,
                       "%s is not a valid date and time (RFC 3339 with offset, e.g. 2026-11-26T10:00:00+01:00)",
                       shown);
        }
      g_value_set_string (&v, json_node_get_string (node));
      break;

    case MP_FIELD_LOCAL_DATETIME:
      if (!is_string (node) || !mp_local_datetime_parse (json_node_get_string (node), NULL, NULL))
        {
          g_autofree char *shown = mp_json_describe_node (node);
          return fail (ld, MP_ERROR_INVALID,
                       "%s is not a valid local date and time (YYYY-MM-DDTHH:MM, e.g. 2027-01-13T09:30)",
                       shown);
        }
      g_value_set_string (&v, json_node_get_string (node));
      break;

    case MP_FIELD_TIMEZONE:
      if (!expect_string (ld, node, "a time zone name", &s))
        return FALSE;
      if (!mp_timezone_is_valid (s))
        {
          g_autofree char *shown = mp_json_describe_node (node);
          return fail (ld, MP_ERROR_INVALID,
                       "%s is not a known time zone (an IANA name such as \"Europe/Berlin\" or \"UTC\")",
                       shown);
        }
      g_value_set_string (&v, s);
      break;

    case MP_FIELD_INT:
      {
        gint64 n;

        if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
          {
            g_autofree char *shown = mp_json_describe_node (node);
            return fail (ld, MP_ERROR_INVALID, "must be an integer, not %s", shown);
          }
        n = json_node_get_int (node);
        if (n < f->min || n > f->max)
          {
            /* The number as text: a translatable format cannot hold
             * G_GINT64_FORMAT. */
            g_autofree char *shown = mp_json_describe_node (node);

            if (f->max == G_MAXINT)
              return fail (ld, MP_ERROR_INVALID, "%s is out of range (an integer ≥ %d)", shown, f->min);
            return fail (ld, MP_ERROR_INVALID, "%s is out of range (an integer from %d to %d)",
                         shown, f->min, f->max);
          }
        g_value_set_int (&v, (int) n);
      }
      break;

    case MP_FIELD_BOOL:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return fail (ld, MP_ERROR_INVALID, "must be true or false, not %s", node_kind (node));
      g_value_set_boolean (&v, json_node_get_boolean (node));
      break;

    case MP_FIELD_ENUM:
      {
        int e;

        if (!is_string (node) || !mp_enum_from_nick (f->get_type (), json_node_get_string (node), &e))
          {
            g_autofree char *shown = mp_json_describe_node (node);
            g_autofree char *allowed = mp_enum_list_nicks (f->get_type ());
            return fail (ld, MP_ERROR_INVALID, "%s is not allowed; use one of %s", shown, allowed);
          }
        g_value_set_enum (&v, e);
      }
      break;

    case MP_FIELD_REFS:
      {
        GStrv strv = NULL;

        if (!read_strv (ld, node, &strv))
          return FALSE;
        g_value_take_boxed (&v, strv);
      }
      break;

    case MP_FIELD_CHILDREN:
      {
        GListStore *store = mp_record_get_children (rec, i);
        JsonArray *array;
        guint n;
        g_autoptr(GPtrArray) items = NULL;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return fail (ld, MP_ERROR_INVALID, "must be an array, not %s", node_kind (node));
        array = json_node_get_array (node);
        n = json_array_get_length (array);
        items = g_ptr_array_new_full (n, g_object_unref);
        for (guint j = 0; j < n; j++)
          {
            JsonNode *item = json_array_get_element (array, j);
            gsize old = path_push_index (ld, j);
            g_autoptr(MpRecord) child = NULL;

            if (!JSON_NODE_HOLDS_OBJECT (item))
              return fail (ld, MP_ERROR_INVALID, "must be an object, not %s", node_kind (item));
            child = g_object_new (f->get_type (), NULL);
            if (!read_record (ld, child, json_node_get_object (item)))
              return FALSE;
            g_ptr_array_add (items, g_steal_pointer (&child));
            path_pop (ld, old);
          }
        /* One splice: one items-changed, not n. */
        g_list_store_splice (store, 0, 0, items->pdata, items->len);
      }
      return TRUE;

    case MP_FIELD_CHILD:
      {
        g_autoptr(MpRecord) child = NULL;

        if (!JSON_NODE_HOLDS_OBJECT (node))
          return fail (ld, MP_ERROR_INVALID, "must be an object, not %s", node_kind (node));
        child = g_object_new (f->get_type (), NULL);
        if (!read_record (ld, child, json_node_get_object (node)))
          return FALSE;
        g_value_set_object (&v, child);
      }
      break;

    case MP_FIELD_DATE_MAP:
      {
        MpDateMap *map = NULL;

        if (!read_date_map (ld, node, &map))
          return FALSE;
        g_value_take_boxed (&v, map);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  /* A fresh record: no one to notify, nothing to compare with. */
  mp_record_take_value (rec, i, &v);
  return TRUE;
}

/* Files list members in the order of the field table (FORMAT.md), so
 * the search starts after the previous member: one comparison per
 * member in the usual case instead of a walk of the table. */
static int
find_field (const MpField *fields,
            guint          n,
            const char    *name,
            int            previous)
{
  for (guint k = 0; k < n; k++)
    {
      guint i = (guint) (previous + 1 + k) % n;

      if (strcmp (fields[i].name, name) == 0)
        return i;
    }
  return -1;
}

static gboolean
read_record (Loader     *ld,
             MpRecord   *rec,
             JsonObject *obj)
{
  guint n;
  const MpField *fields = mp_record_get_fields (rec, &n);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  int last_known = -1;

  json_object_iter_init_ordered (&iter, obj);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      int i = find_field (fields, n, name, last_known);
      gsize old;

      if (i < 0)
        {
          mp_record_add_unknown (rec, last_known, name, node);
          continue;
        }
      last_known = i;
      if (fields[i].flags & MP_FIELD_HEADER)
        {
          mp_record_mark_member (rec, i);
          continue;
        }
      old = path_push_member (ld, name);
      if (!read_field (ld, rec, i, node))
        return FALSE;
      path_pop (ld, old);
    }

  for (guint i = 0; i < n; i++)
    if ((fields[i].flags & MP_FIELD_REQUIRED) && !json_object_has_member (obj, fields[i].name))
      {
        gsize old = path_push_member (ld, fields[i].name);
        fail (ld, MP_ERROR_INVALID, "missing (required)");
        path_pop (ld, old);
        return FALSE;
      }
  return TRUE;
}

/* ---- pass 2: meaning ---------------------------------------------- */

typedef struct {
  GHashTable *participants; /* id → MpParticipant */
  GHashTable *milestones;   /* id → MpMilestone */
} Index;

/* Ids unique within the list (and, for tasks, within @seen). */
static gboolean
check_unique_ids (Loader     *ld,
                  const char *member,
                  GListModel *list,
                  GHashTable *seen)
{
  guint n = g_list_model_get_n_items (list);
  gsize old = path_push_member (ld, member);

  for (guint i = 0; i < n; i++)
    {
      MpRecord *rec = g_list_model_get_item (list, i);
      const char *id = mp_record_get_id (rec);
      gpointer first;

      g_object_unref (rec); /* the list holds it */
      if (g_hash_table_lookup_extended (seen, id, NULL, &first))
        {
          gsize o2 = path_push_index (ld, i);
          path_push_member (ld, "id");
          return fail (ld, MP_ERROR_INVALID, "the id \"%s\" is used twice (ids must be unique)", id);
          path_pop (ld, o2);
        }
      g_hash_table_insert (seen, (gpointer) id, rec);
    }
  path_pop (ld, old);
  return TRUE;
}

static gboolean
check_ref (Loader     *ld,
           Index      *idx,
           MpRecord   *rec,
           guint       field,
           const char *id)
{
  const MpField *f = &mp_record_get_fields (rec, NULL)[field];
  GHashTable *table = f->ref == MP_REF_PARTICIPANT ? idx->participants : idx->milestones;

  if (id == NULL || g_hash_table_contains (table, id))
    return TRUE;
  /* Whole sentences, so that the kind is said in the user's language. */
  if (f->ref == MP_REF_PARTICIPANT)
    return fail (ld, MP_ERROR_INVALID, "\"%s\" is not the id of any participant in the plan", id);
  return fail (ld, MP_ERROR_INVALID, "\"%s\" is not the id of any milestone in the plan", id);
}

/* Every REF and REFS field of @rec resolves; recurses into children. */
static gboolean
check_refs (Loader   *ld,
            Index    *idx,
            MpRecord *rec)
{
  guint n;
  const MpField *fields = mp_record_get_fields (rec, &n);

  for (guint i = 0; i < n; i++)
    {
      const MpField *f = &fields[i];
      gsize old;

      if (f->kind == MP_FIELD_REF)
        {
          old = path_push_member (ld, f->name);
          if (!check_ref (ld, idx, rec, i, mp_record_get_string (rec, i)))
            return FALSE;
          path_pop (ld, old);
        }
      else if (f->kind == MP_FIELD_REFS)
        {
          const char * const *ids = mp_record_get_strv (rec, i);

          old = path_push_member (ld, f->name);
          for (guint j = 0; ids && ids[j]; j++)
            {
              gsize o2 = path_push_index (ld, j);
              if (!check_ref (ld, idx, rec, i, ids[j]))
                return FALSE;
              path_pop (ld, o2);
            }
          path_pop (ld, old);
        }
      else if (f->kind == MP_FIELD_CHILDREN)
        {
          GListModel *list = G_LIST_MODEL (mp_record_get_children (rec, i));
          guint m = g_list_model_get_n_items (list);

          old = path_push_member (ld, f->name);
          for (guint j = 0; j < m; j++)
            {
              g_autoptr(MpRecord) child = g_list_model_get_item (list, j);
              gsize o2 = path_push_index (ld, j);

              if (!check_refs (ld, idx, child))
                return FALSE;
              path_pop (ld, o2);
            }
          path_pop (ld, old);
        }
      else if (f->kind == MP_FIELD_CHILD && mp_record_get_child (rec, i) != NULL)
        {
          old = path_push_member (ld, f->name);
          if (!check_refs (ld, idx, mp_record_get_child (rec, i)))
            return FALSE;
          path_pop (ld, old);
        }
      else if (f->kind == MP_FIELD_DATE_MAP)
        {
          MpDateMap *map = g_value_get_boxed (mp_record_peek_value (rec, i));

          old = path_push_member (ld, f->name);
          for (guint j = 0; map && j < map->len; j++)
            {
              MpDateMapEntry *e = g_ptr_array_index (map, j);
              gsize o2 = path_push_member (ld, e->id);

              if (!g_hash_table_contains (idx->milestones, e->id))
                return fail (ld, MP_ERROR_INVALID, "\"%s\" is not the id of any milestone in the plan", e->id);
              if (e->start != MP_DATE_NONE && e->start > e->due)
                return fail (ld, MP_ERROR_INVALID, "start is after due (start must not be after due)");
              path_pop (ld, o2);
            }
          path_pop (ld, old);
        }
    }
  return TRUE;
}

static gboolean
check_owner_side (Loader      *ld,
                  Index       *idx,
                  MpMilestone *m,
                  guint        field,
                  MpSide       side)
{
  const char *id = mp_record_get_string (MP_RECORD (m), field);
  MpParticipant *p;
  gsize old;

  if (id == NULL)
    return TRUE;
  p = g_hash_table_lookup (idx->participants, id);
  if (p == NULL || mp_participant_get_side (p) == side)
    return TRUE;
  old = path_push_member (ld, mp_record_get_fields (MP_RECORD (m), NULL)[field].name);
  /* Whole sentences, so that the sides are said in the user's language. */
  if (side == MP_SIDE_SELLER)
    fail (ld, MP_ERROR_INVALID, "\"%s\" is on the customer side; the seller owner must be a seller participant", id);
  else
    fail (ld, MP_ERROR_INVALID, "\"%s\" is on the seller side; the customer owner must be a customer participant", id);
  path_pop (ld, old);
  return FALSE;
}

enum { WHITE, GREY, BLACK };

/* Depth-first search for a cycle; iterative, so a long chain cannot
 * overflow the stack. On a cycle, *cycle holds it as "a → b → a". */
static gboolean
find_cycle (GListModel *milestones,
            GHashTable *index_of,  /* id → position + 1 */
            guint      *at,
            char      **cycle)
{
  guint n = g_list_model_get_n_items (milestones);
  g_autofree guint8 *color = g_new0 (guint8, n);
  g_autofree guint *parent = g_new (guint, n);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  g_autoptr(GPtrArray) ms = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ms, g_list_model_get_item (milestones, i));

  for (guint root = 0; root < n; root++)
    {
      guint frame[2] = { root, 0 };

      if (color[root] != WHITE)
        continue;
      color[root] = GREY;
      parent[root] = G_MAXUINT;
      g_array_append_val (stack, frame);
      while (stack->len > 0)
        {
          guint *top = &g_array_index (stack, guint, (stack->len - 1) * 2);
          guint v = top[0];
          const char * const *deps = mp_milestone_get_depends_on (g_ptr_array_index (ms, v));

          if (deps == NULL || deps[top[1]] == NULL)
            {
              color[v] = BLACK;
              g_array_set_size (stack, stack->len - 1);
              continue;
            }
          {
            guint w = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, deps[top[1]])) - 1;

            top[1]++;
            if (w == G_MAXUINT)
              continue;
            if (color[w] == GREY)
              {
                GString *s = g_string_new (mp_milestone_get_id (g_ptr_array_index (ms, w)));
                g_autoptr(GPtrArray) chain = g_ptr_array_new ();

                /* The search went w → … → v along depends_on; v → w closes it. */
                for (guint u = v; u != w && u != G_MAXUINT; u = parent[u])
                  g_ptr_array_add (chain, (gpointer) mp_milestone_get_id (g_ptr_array_index (ms, u)));
                for (guint k = chain->len; k > 0; k--)
                  g_string_append_printf (s, " → %s", (const char *) g_ptr_array_index (chain, k - 1));
                g_string_append_printf (s, " → %s", mp_milestone_get_id (g_ptr_array_index (ms, w)));
                *at = w;
                *cycle = g_string_free (s, FALSE);
                return TRUE;
              }
            if (color[w] == WHITE)
              {
                guint next[2] = { w, 0 };
                color[w] = GREY;
                parent[w] = v;
                g_array_append_val (stack, next);
              }
          }
        }
    }
  return FALSE;
}

static gboolean
check_plan (Loader *ld,
            MpPlan *plan)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) index_of = NULL;
  Index idx;
  GListModel *milestones = G_LIST_MODEL (mp_plan_get_milestones (plan));
  guint n;
  struct { const char *member; GListStore *store; } kinds[] = {
    { "participants", mp_plan_get_participants (plan) },
    { "goals", mp_plan_get_goals (plan) },
    { "milestones", mp_plan_get_milestones (plan) },
    { "blackouts", mp_plan_get_blackouts (plan) },
    { "meetings", mp_plan_get_meetings (plan) },
  };
  gboolean ok = FALSE;

  idx.participants = g_hash_table_new (g_str_hash, g_str_equal);
  idx.milestones = g_hash_table_new (g_str_hash, g_str_equal);

  /* Unique ids within each kind. */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GHashTable *table = g_str_equal (kinds[k].member, "participants") ? idx.participants
                        : g_str_equal (kinds[k].member, "milestones") ? idx.milestones
                        : NULL;
      g_autoptr(GHashTable) own = NULL;

      if (table == NULL)
        table = own = g_hash_table_new (g_str_hash, g_str_equal);
      if (!check_unique_ids (ld, kinds[k].member, G_LIST_MODEL (kinds[k].store), table))
        goto out;
    }

  /* Task ids are unique across the plan. */
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  n = g_list_model_get_n_items (milestones);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (milestones, i);
      gsize old = path_push_member (ld, "milestones");

      path_push_index (ld, i);
      if (!check_unique_ids (ld, "tasks", G_LIST_MODEL (mp_milestone_get_tasks (m)), seen))
        goto out;
      /* Tasks come in many lists: a limit of their own for all of them
       * together (docs/file-format.md). */
      if (g_hash_table_size (seen) > MP_PLAN_MAX_TASKS)
        {
          g_autofree char *limit = mp_format_count (MP_PLAN_MAX_TASKS);

          path_push_member (ld, "tasks");
          fail (ld, MP_ERROR_TOO_LARGE, "more than %s tasks in the plan (the limit of a plan file)", limit);
          goto out;
        }
      path_pop (ld, old);
    }

  if (!check_refs (ld, &idx, MP_RECORD (plan)))
    goto out;

  /* Milestones: owners on the matching side, start ≤ due. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (milestones, i);
      gsize old = path_push_member (ld, "milestones");
      MpDate start = mp_milestone_get_start (m), due = mp_milestone_get_due (m);

      path_push_index (ld, i);
      if (!check_owner_side (ld, &idx, m, MP_MILESTONE_SELLER_OWNER, MP_SIDE_SELLER) ||
          !check_owner_side (ld, &idx, m, MP_MILESTONE_CUSTOMER_OWNER, MP_SIDE_CUSTOMER))
        goto out;
      if (start != MP_DATE_NONE && start > due)
        {
          char s[MP_DATE_STRLEN], d[MP_DATE_STRLEN];

          mp_date_format_buf (start, s);
          mp_date_format_buf (due, d);
          fail (ld, MP_ERROR_INVALID, "start %s is after due %s (start must not be after due)", s, d);
          goto out;
        }
      path_pop (ld, old);
    }

  /* Blackouts: start ≤ end. */
  {
    GListModel *blackouts = G_LIST_MODEL (mp_plan_get_blackouts (plan));

    for (guint i = 0; i < g_list_model_get_n_items (blackouts); i++)
      {
        g_autoptr(MpBlackout) b = g_list_model_get_item (blackouts, i);
        gsize old = path_push_member (ld, "blackouts");

        path_push_index (ld, i);
        if (mp_blackout_get_start (b) > mp_blackout_get_end (b))
          {
            char s[MP_DATE_STRLEN], e[MP_DATE_STRLEN];

            mp_date_format_buf (mp_blackout_get_start (b), s);
            mp_date_format_buf (mp_blackout_get_end (b), e);
            fail (ld, MP_ERROR_INVALID, "start %s is after end %s (start must not be after end)", s, e);
            goto out;
          }
        path_pop (ld, old);
      }
  }

  /* No dependency cycle. */
  index_of = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (milestones, i);
      g_hash_table_insert (index_of, (gpointer) mp_milestone_get_id (m), GUINT_TO_POINTER (i + 1));
    }
  {
    guint at;
    g_autofree char *cycle = NULL;

    if (find_cycle (milestones, index_of, &at, &cycle))
      {
        g_string_append_printf (ld->path, "milestones[%u].depends_on", at);
        fail (ld, MP_ERROR_INVALID, "dependency cycle %s (a milestone cannot depend on itself, "
              "directly or through others)", cycle);
        goto out;
      }
  }
  ok = TRUE;

out:
  g_hash_table_unref (idx.participants);
  g_hash_table_unref (idx.milestones);
  return ok;
}

static gboolean
check_header (Loader     *ld,
              JsonObject *root)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");
  gint64 v;

  g_string_assign (ld->path, "format");
  if (format == NULL)
    return fail (ld, MP_ERROR_NOT_A_PLAN, "missing: this is not a MutualPlan file (it needs \"format\": \"mutualplan\")");
  if (!is_string (format) || g_strcmp0 (json_node_get_string (format), "mutualplan") != 0)
    {
      g_autofree char *shown = mp_json_describe_node (format);
      return fail (ld, MP_ERROR_NOT_A_PLAN, "%s is not \"mutualplan\": this is not a MutualPlan file", shown);
    }
  g_string_assign (ld->path, "version");
  if (version == NULL)
    return fail (ld, MP_ERROR_INVALID, "missing (required; this version reads format %d)", MP_PLAN_FORMAT_VERSION);
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      g_autofree char *shown = mp_json_describe_node (version);
      return fail (ld, MP_ERROR_INVALID, "must be an integer, not %s", shown);
    }
  v = json_node_get_int (version);
  if (v > MP_PLAN_FORMAT_VERSION)
    {
      g_autofree char *shown = mp_json_describe_node (version);

      return fail (ld, MP_ERROR_NEWER_VERSION, "written by a newer MutualPlan (format %s); this one reads format %d",
                   shown, MP_PLAN_FORMAT_VERSION);
    }
  if (v < 1)
    {
      g_autofree char *shown = mp_json_describe_node (version);

      return fail (ld, MP_ERROR_INVALID, "%s is not a format version (this one reads format %d)",
                   shown, MP_PLAN_FORMAT_VERSION);
    }
  g_string_truncate (ld->path, 0);
  return TRUE;
}

static gboolean
check_text (Loader     *ld,
            const char *data,
            gsize       len)
{
  const char *end = NULL;
  gboolean blank = TRUE;

  if (len > MP_PLAN_MAX_FILE_SIZE)
    return fail (ld, MP_ERROR_TOO_LARGE, "the file is %.1f MiB; plan files may be at most %d MiB",
                 len / (1024.0 * 1024.0), MP_PLAN_MAX_FILE_SIZE / (1024 * 1024));
  for (gsize i = 0; i < len && blank; i++)
    if (!g_ascii_isspace (data[i]))
      blank = FALSE;
  if (blank)
    return fail (ld, MP_ERROR_SYNTAX, "the file is empty (a plan file is a JSON object)");
  if (!g_utf8_validate_len (data, len, &end))
    {
      int line = 1, col = 1;

      for (const char *q = data; q < end; q++)
        {
          if (*q == '\n')
            line++, col = 1;
          else if (((unsigned char) *q & 0xC0) != 0x80)
            col++;
        }
      return fail (ld, MP_ERROR_SYNTAX, "line %d, column %d: not valid UTF-8 text%s (plan files are UTF-8)",
                   line, col, *end == '\0' ? " (a NUL byte)" : "");
    }
  return TRUE;
}

/* @owned: NULL, or @data to free as soon as it is parsed (json-glib
 * copies what it keeps), which lowers the peak memory of a load. */
static void
release_parser (gpointer parser,
                gpointer user_data)
{
  g_object_unref (parser);
}

/* Freeing a large JSON tree takes about a tenth of parsing it; the plan
 * is built by then, so the tree goes to a worker thread and the load
 * returns without waiting for it. */
static void
release_in_background (JsonParser *parser)
{
  static GThreadPool *pool;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      pool = g_thread_pool_new (release_parser, NULL, 1, FALSE, NULL);
      g_once_init_leave (&once, 1);
    }
  g_thread_pool_push (pool, parser, NULL);
}

static void remove_stale_temps (const char *dir, const char *base);

static MpPlan *
load_from_data (const char  *data,
                gsize        len,
                char        *owned,
                const char  *display_name,
                GError     **error)
{
  g_autofree char *owned_data = owned;
  g_autoptr(GString) path = g_string_new (NULL);
  Loader ld = { display_name ? display_name : "plan", path, error };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) json_error = NULL;
  g_autoptr(MpPlan) plan = NULL;
  JsonNode *root;
  int line, column;
  g_autofree char *message = NULL;
  g_autofree char *where = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (!check_text (&ld, data, len))
    return NULL;

  /* Exact positions for syntax errors, and the limits (nesting, text
   * length, list length) before the recursive parser builds a tree. */
  if (!mp_json_check (data, len, &where, &line, &column, &message))
    {
      g_string_assign (path, where);
      fail (&ld, MP_ERROR_SYNTAX, "line %d, column %d: %s", line, column, message);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, len, &json_error))
    {
      fail (&ld, MP_ERROR_SYNTAX, "%s", json_error->message);
      return NULL;
    }
  g_clear_pointer (&owned_data, g_free);
  data = NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (&ld, MP_ERROR_NOT_A_PLAN, "the top level must be a JSON object, not %s",
            root ? node_kind (root) : "nothing");
      return NULL;
    }

  if (!check_header (&ld, json_node_get_object (root)))
    return NULL;

  plan = g_object_new (MP_TYPE_PLAN, NULL);
  mp_record_set_string (MP_RECORD (plan), MP_PLAN_FORMAT, "mutualplan");
  mp_record_set_int (MP_RECORD (plan), MP_PLAN_VERSION, MP_PLAN_FORMAT_VERSION);
  if (!read_record (&ld, MP_RECORD (plan), json_node_get_object (root)))
    return NULL;
  g_string_truncate (path, 0);
  if (!check_plan (&ld, plan))
    return NULL;

  release_in_background (g_steal_pointer (&parser));
  return g_steal_pointer (&plan);
}

MpPlan *
mp_plan_load_from_data (const char  *data,
                        gsize        len,
                        const char  *display_name,
                        GError     **error)
{
  return load_from_data (data, len, NULL, display_name, error);
}

/* Reads at most MP_PLAN_MAX_FILE_SIZE + 1 bytes from one open stream:
 * the checks and the bytes concern the same file even when it is
 * replaced, grows or vanishes meanwhile, and memory stays bounded. */
static char *
read_bounded (GFile         *file,
              const char    *name,
              gsize         *len,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buf = NULL;
  goffset size;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, G_IO_ERROR, local_error->code, "%s: %s", name, local_error->message);
      return NULL;
    }
  /* fstat() of the open file, not another lookup of the name. */
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                         G_FILE_ATTRIBUTE_STANDARD_TYPE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, G_IO_ERROR, local_error->code, "%s: %s", name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s: not a regular file (a device, pipe or socket); open a plan file"), name);
      return NULL;
    }
  size = g_file_info_get_size (info);
  if (size > MP_PLAN_MAX_FILE_SIZE)
    {
      g_set_error (error, MP_ERROR, MP_ERROR_TOO_LARGE, _("%s: the file is %.1f MiB; plan files may be at most %d MiB"),
                   name, size / (1024.0 * 1024.0), MP_PLAN_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  buf = g_byte_array_sized_new ((guint) size + 1);
  for (;;)
    {
      guint8 chunk[65536];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, cancellable, &local_error);

      if (n < 0)
        {
          g_set_error (error, G_IO_ERROR, local_error->code, "%s: %s", name, local_error->message);
          return NULL;
        }
      if (n == 0)
        break;
      if (buf->len + (gsize) n > MP_PLAN_MAX_FILE_SIZE)
        {
          /* It grew while being read. */
          g_set_error (error, MP_ERROR, MP_ERROR_TOO_LARGE, _("%s: the file is over %d MiB; plan files may be at most %d MiB"),
                       name, MP_PLAN_MAX_FILE_SIZE / (1024 * 1024), MP_PLAN_MAX_FILE_SIZE / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (buf, chunk, (guint) n);
    }
  *len = buf->len;
  g_byte_array_append (buf, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&buf), FALSE);
}

MpPlan *
mp_plan_load_from_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return mp_plan_load_from_file_full (file, NULL, cancellable, error);
}

MpPlan *
mp_plan_load_from_file_full (GFile         *file,
                             char         **content_tag,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* A folder: say so (reading it would only say "is a directory"); a
   * pipe would block in open() and a device never end. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, G_IO_ERROR, local_error->code, "%s: %s", name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("%s: is a folder, not a plan file"), name);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s: not a regular file (a device, pipe or socket); open a plan file"), name);
      return NULL;
    }
  contents = read_bounded (file, name, &len, cancellable, error);
  if (contents == NULL)
    return NULL;
  if (content_tag != NULL)
    *content_tag = mp_content_tag (contents, len);
  /* What a killed save left next to the file goes now (the rule is
   * "at the next save or open"). */
  {
    g_autofree char *path = g_file_get_path (file);
    g_autofree char *real = path ? realpath (path, NULL) : NULL;

    if (real != NULL)
      {
        g_autofree char *dir = g_path_get_dirname (real);
        g_autofree char *base = g_path_get_basename (real);

        remove_stale_temps (dir, base);
      }
  }
  {
    char *data = g_steal_pointer (&contents);

    return load_from_data (data, len, data, name, error);
  }
}

/* ---- writing ------------------------------------------------------ */

static void
write_indent (GString *out,
              int      depth)
{
  for (int i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
write_string (GString    *out,
              const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      unsigned char c = (unsigned char) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
write_double (GString *out,
              double   d)
{
  char buf[64];

  /* The shortest form that reads back as the same number. */
  for (int prec = 15; prec <= 17; prec++)
    {
      g_ascii_formatd (buf, sizeof buf, prec == 15 ? "%.15g" : prec == 16 ? "%.16g" : "%.17g", d);
      if (g_ascii_strtod (buf, NULL) == d)
        break;
    }
  g_string_append (out, buf);
  /* Keep it a floating-point number when read back. */
  if (strpbrk (buf, ".eEn") == NULL)
    g_string_append (out, ".0");
}

static gboolean
is_scalar (JsonNode *node)
{
  return JSON_NODE_TYPE (node) == JSON_NODE_VALUE || JSON_NODE_TYPE (node) == JSON_NODE_NULL;
}

/* Objects one member per line; arrays of scalars on one line. */
static void
write_node (GString  *out,
            JsonNode *node,
            int       depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          write_string (out, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          write_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        default:
          g_string_append (out, "null");
        }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *a = json_node_get_array (node);
        guint n = json_array_get_length (a);
        gboolean flat = TRUE;

        for (guint i = 0; i < n && flat; i++)
          flat = is_scalar (json_array_get_element (a, i));
        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (flat)
              g_string_append (out, i > 0 ? ", " : "");
            else
              {
                g_string_append (out, i > 0 ? ",\n" : "\n");
                write_indent (out, depth + 1);
              }
            write_node (out, json_array_get_element (a, i), depth + 1);
          }
        if (!flat && n > 0)
          {
            g_string_append_c (out, '\n');
            write_indent (out, depth);
          }
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            g_string_append (out, first ? "\n" : ",\n");
            first = FALSE;
            write_indent (out, depth + 1);
            write_string (out, name);
            g_string_append (out, ": ");
            write_node (out, member, depth + 1);
          }
        if (!first)
          {
            g_string_append_c (out, '\n');
            write_indent (out, depth);
          }
        g_string_append_c (out, '}');
      }
      break;
    }
}

static void write_record (GString *out, MpRecordSnapshot *rec, int depth);

static void
write_date (GString *out,
            MpDate   d)
{
  char buf[MP_DATE_STRLEN];

  if (d == MP_DATE_NONE)
    {
      g_string_append (out, "null");
      return;
    }
  mp_date_format_buf (d, buf);
  g_string_append_c (out, '"');
  g_string_append (out, buf);
  g_string_append_c (out, '"');
}

static void
write_field (GString          *out,
             MpRecordSnapshot *rec,
             guint             i,
             int               depth)
{
  const MpField *f = &mp_record_snapshot_get_fields (rec, NULL)[i];
  const GValue *v = mp_record_snapshot_peek_value (rec, i);

  switch (f->kind)
    {
    case MP_FIELD_STRING:
    case MP_FIELD_DATETIME:
    case MP_FIELD_LOCAL_DATETIME:
    case MP_FIELD_TIMEZONE:
    case MP_FIELD_REF:
      if (f->flags & MP_FIELD_HEADER)
        write_string (out, "mutualplan");
      else if (g_value_get_string (v) == NULL)
        g_string_append (out, f->flags & MP_FIELD_REQUIRED ? "\"\"" : "null");
      else
        write_string (out, g_value_get_string (v));
      break;
    case MP_FIELD_DATE:
      write_date (out, g_value_get_uint (v));
      break;
    case MP_FIELD_TIME:
      if (g_value_get_int (v) < 0)
        g_string_append (out, "null");
      else
        g_string_append_printf (out, "\"%02d:%02d\"", g_value_get_int (v) / 60, g_value_get_int (v) % 60);
      break;
    case MP_FIELD_INT:
      if (f->flags & MP_FIELD_HEADER)
        g_string_append_printf (out, "%d", MP_PLAN_FORMAT_VERSION);
      else if (g_value_get_int (v) < f->min)
        g_string_append (out, "null");
      else
        g_string_append_printf (out, "%d", g_value_get_int (v));
      break;
    case MP_FIELD_BOOL:
      g_string_append (out, g_value_get_boolean (v) ? "true" : "false");
      break;
    case MP_FIELD_ENUM:
      write_string (out, mp_enum_to_nick (f->get_type (), g_value_get_enum (v)));
      break;
    case MP_FIELD_REFS:
      {
        const char * const *ids = g_value_get_boxed (v);

        g_string_append_c (out, '[');
        for (guint j = 0; ids && ids[j]; j++)
          {
            if (j > 0)
              g_string_append (out, ", ");
            write_string (out, ids[j]);
          }
        g_string_append_c (out, ']');
      }
      break;
    case MP_FIELD_CHILDREN:
      {
        guint n = mp_record_snapshot_get_n_children (rec, i);

        g_string_append_c (out, '[');
        for (guint j = 0; j < n; j++)
          {
            g_string_append (out, j > 0 ? ",\n" : "\n");
            write_indent (out, depth + 1);
            write_record (out, mp_record_snapshot_get_child (rec, i, j), depth + 1);
          }
        if (n > 0)
          {
            g_string_append_c (out, '\n');
            write_indent (out, depth);
          }
        g_string_append_c (out, ']');
      }
      break;
    case MP_FIELD_CHILD:
      if (mp_record_snapshot_get_n_children (rec, i) == 0)
        g_string_append (out, "null");
      else
        write_record (out, mp_record_snapshot_get_child (rec, i, 0), depth);
      break;
    case MP_FIELD_DATE_MAP:
      {
        MpDateMap *map = g_value_get_boxed (v);

        g_string_append_c (out, '{');
        for (guint j = 0; map && j < map->len; j++)
          {
            MpDateMapEntry *e = g_ptr_array_index (map, j);

            g_string_append (out, j > 0 ? ",\n" : "\n");
            write_indent (out, depth + 1);
            write_string (out, e->id);
            g_string_append (out, ": {");
            if (e->has_start || e->start != MP_DATE_NONE)
              {
                g_string_append (out, "\"start\": ");
                write_date (out, e->start);
                g_string_append (out, ", ");
              }
            g_string_append (out, "\"due\": ");
            write_date (out, e->due);
            if (e->unknown != NULL)
              {
                JsonObjectIter it;
                const char *name;
                JsonNode *member;

                json_object_iter_init_ordered (&it, json_node_get_object (e->unknown));
                while (json_object_iter_next_ordered (&it, &name, &member))
                  {
                    g_string_append (out, ", ");
                    write_string (out, name);
                    g_string_append (out, ": ");
                    write_node (out, member, depth + 2);
                  }
              }
            g_string_append_c (out, '}');
          }
        if (map && map->len > 0)
          {
            g_string_append_c (out, '\n');
            write_indent (out, depth);
          }
        g_string_append_c (out, '}');
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
write_member_name (GString    *out,
                   gboolean   *first,
                   const char *name,
                   int         depth)
{
  g_string_append (out, *first ? "\n" : ",\n");
  *first = FALSE;
  write_indent (out, depth + 1);
  write_string (out, name);
  g_string_append (out, ": ");
}

static void
write_unknown_after (GString          *out,
                     MpRecordSnapshot *rec,
                     int               after,
                     gboolean         *first,
                     int               depth)
{
  guint n = mp_record_snapshot_get_n_unknown (rec);

  for (guint u = 0; u < n; u++)
    {
      int anchor;
      const char *name;
      JsonNode *node;

      mp_record_snapshot_get_unknown (rec, u, &anchor, &name, &node);
      if (anchor != after)
        continue;
      write_member_name (out, first, name, depth);
      write_node (out, node, depth + 1);
    }
}

static void
write_record (GString          *out,
              MpRecordSnapshot *rec,
              int               depth)
{
  guint n;
  const MpField *fields = mp_record_snapshot_get_fields (rec, &n);
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  write_unknown_after (out, rec, -1, &first, depth);
  for (guint i = 0; i < n; i++)
    {
      /* A member is written when it is required, when the file had it,
       * or when it holds more than its default. */
      if ((fields[i].flags & MP_FIELD_REQUIRED) || mp_record_snapshot_has_member (rec, i) ||
          !mp_record_snapshot_is_default (rec, i))
        {
          write_member_name (out, &first, fields[i].name, depth);
          write_field (out, rec, i, depth + 1);
        }
      write_unknown_after (out, rec, i, &first, depth);
    }
  if (!first)
    {
      g_string_append_c (out, '\n');
      write_indent (out, depth);
    }
  g_string_append_c (out, '}');
}

gboolean
mp_plan_validate (MpPlan      *plan,
                  const char  *display_name,
                  GError     **error)
{
  g_autoptr(GString) path = g_string_new (NULL);
  Loader ld = { display_name ? display_name : "plan", path, error };

  g_return_val_if_fail (MP_IS_PLAN (plan), FALSE);
  return check_plan (&ld, plan);
}

char *
mp_record_to_json (MpRecord *record,
                   int       field)
{
  GString *out = g_string_new (NULL);
  GString *line;
  g_autoptr(MpRecordSnapshot) snap = NULL;

  g_return_val_if_fail (MP_IS_RECORD (record), NULL);
  snap = mp_record_snapshot (record);
  if (field < 0)
    write_record (out, snap, 0);
  else
    write_field (out, snap, field, 0);
  /* One line: the indentation after each line break becomes one space. */
  line = g_string_sized_new (out->len);
  for (const char *c = out->str; *c; c++)
    {
      if (*c != '\n')
        {
          g_string_append_c (line, *c);
          continue;
        }
      while (c[1] == ' ')
        c++;
      if (line->len > 0 && line->str[line->len - 1] != '[' && line->str[line->len - 1] != '{' &&
          c[1] != ']' && c[1] != '}')
        g_string_append_c (line, ' ');
    }
  g_string_free (out, TRUE);
  return g_string_free (line, FALSE);
}

GBytes *
mp_plan_to_bytes (MpPlan *plan)
{
  g_autoptr(MpRecordSnapshot) snap = NULL;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);

  snap = mp_record_snapshot (MP_RECORD (plan));
  return mp_plan_snapshot_to_bytes (snap);
}

GBytes *
mp_plan_snapshot_to_bytes (MpRecordSnapshot *plan)
{
  GString *out;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (g_str_equal (mp_record_snapshot_get_kind_name (plan), "plan"), NULL);

  out = g_string_sized_new (4096);
  write_record (out, plan, 0);
  g_string_append_c (out, '\n');
  return g_string_free_to_bytes (out);
}

/* Fails with the message every writer shows: what happened, and that
 * the previous version is unchanged. */
static gboolean
fail_write (GFile       *file,
            GError     **error,
            GQuark       domain,
            int          code,
            const char  *what)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_set_error (error, domain, code,
               _("Could not save “%s”: %s. The previous version of the file is unchanged."),
               name, g_dgettext (GETTEXT_PACKAGE, what));
  return FALSE;
}

static gboolean
fail_errno (GFile      *file,
            GError    **error,
            int         saved_errno,
            const char *doing)
{
  g_autofree char *what = g_strdup_printf ("%s: %s", doing, g_strerror (saved_errno));

  return fail_write (file, error, G_IO_ERROR, g_io_error_from_errno (saved_errno), what);
}

static gboolean
write_all_fd (int          fd,
              const char  *data,
              gsize        len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, MIN (len, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = EIO;
          return FALSE;
        }
      data += n;
      len -= n;
    }
  return TRUE;
}

/* "sha256:SIZE:HEX" of some bytes: what the document compares to tell
 * whether another program changed the file (a copy that keeps the mtime
 * still differs in content). */
char *
mp_content_tag (const void *data,
                gsize       len)
{
  g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);

  return g_strdup_printf ("sha256:%" G_GSIZE_FORMAT ":%s", len, sum);
}

/* Names of our temporary files next to PATH: ".BASE.XXXXXX" for a new
 * version, ".BASE~.XXXXXX" for a backup on its way to "BASE~". */
static gboolean
is_temp_name (const char *name,
              const char *base)
{
  gsize n = strlen (base);

  if (name[0] != '.' || strncmp (name + 1, base, n) != 0)
    return FALSE;
  name += 1 + n;
  if (*name == '~')
    name++;
  if (*name != '.' || strlen (name + 1) != 6)
    return FALSE;
  for (int i = 1; i <= 6; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;
  return TRUE;
}

/* What the last look into a folder found: the names there that look like
 * our temporary files, while the folder is as it was then (same inode and
 * mtime; every entry made or removed changes the mtime). A writer of many
 * files into one folder (--export-invitations: two per event) then reads
 * the folder once, not once per file, which made that export quadratic in
 * the number of files (issue 12). */
typedef struct {
  dev_t      dev;
  ino_t      ino;
  gint64     mtime_ns;
  GPtrArray *temps;     /* names, or NULL: nothing seen yet */
} FolderScan;

static GMutex folder_scans_lock;
static GHashTable *folder_scans; /* folder path → FolderScan */

static void
folder_scan_free (gpointer data)
{
  FolderScan *scan = data;

  g_clear_pointer (&scan->temps, g_ptr_array_unref);
  g_free (scan);
}

static gint64
stat_mtime_ns (const struct stat *st)
{
  return (gint64) st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec;
}

/* A name of a temporary file of some BASE: ".X.XXXXXX" or ".X~.XXXXXX". */
static gboolean
looks_like_temp (const char *name)
{
  gsize n = strlen (name);

  if (name[0] != '.' || n < 9 || name[n - 7] != '.')
    return FALSE;
  for (gsize i = n - 6; i < n; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;
  return TRUE;
}

/* Our own write changed the folder: what we know of it still holds. */
static void
folder_scan_update (const char *dir)
{
  FolderScan *scan;
  struct stat st;

  if (stat (dir, &st) != 0)
    return;
  g_mutex_lock (&folder_scans_lock);
  scan = folder_scans != NULL ? g_hash_table_lookup (folder_scans, dir) : NULL;
  if (scan != NULL && scan->dev == st.st_dev && scan->ino == st.st_ino)
    scan->mtime_ns = stat_mtime_ns (&st);
  g_mutex_unlock (&folder_scans_lock);
}

/* Removes the temporary files a killed save of DIR/BASE left behind:
 * every writer holds an flock() on its temporary file until it is
 * renamed, so one that can be locked belongs to nobody any more. Only
 * our own regular files are touched. */
static void
remove_stale_temps (const char *dir,
                    const char *base)
{
  FolderScan *scan;
  struct stat dst;

  if (stat (dir, &dst) != 0)
    return;
  g_mutex_lock (&folder_scans_lock);
  if (folder_scans == NULL)
    folder_scans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, folder_scan_free);
  scan = g_hash_table_lookup (folder_scans, dir);
  if (scan == NULL)
    {
      scan = g_new0 (FolderScan, 1);
      g_hash_table_insert (folder_scans, g_strdup (dir), scan);
    }
  if (scan->temps == NULL || scan->dev != dst.st_dev || scan->ino != dst.st_ino ||
      scan->mtime_ns != stat_mtime_ns (&dst))
    {
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
      const char *name;

      g_clear_pointer (&scan->temps, g_ptr_array_unref);
      scan->temps = g_ptr_array_new_with_free_func (g_free);
      scan->dev = dst.st_dev;
      scan->ino = dst.st_ino;
      scan->mtime_ns = stat_mtime_ns (&dst);
      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        if (looks_like_temp (name))
          g_ptr_array_add (scan->temps, g_strdup (name));
    }

  for (guint i = 0; i < scan->temps->len;)
    {
      const char *name = g_ptr_array_index (scan->temps, i);
      g_autofree char *path = NULL;
      struct stat st;
      gboolean gone = FALSE;
      int fd;

      if (!is_temp_name (name, base))
        {
          i++;
          continue;
        }
      path = g_build_filename (dir, name, NULL);
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
      if (fd < 0)
        gone = TRUE;
      else
        {
          if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid () &&
              flock (fd, LOCK_EX | LOCK_NB) == 0)
            {
              g_debug ("removing %s, left by a save that did not finish", path);
              gone = g_unlink (path) == 0;
            }
          close (fd);
        }
      if (gone)
        g_ptr_array_remove_index_fast (scan->temps, i);
      else
        i++;
    }
  g_mutex_unlock (&folder_scans_lock);
  folder_scan_update (dir);
}

void
mp_remove_stale_temps (GFile *file)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;

  g_return_if_fail (G_IS_FILE (file));
  path = g_file_get_path (file);
  if (path == NULL)
    return;
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  remove_stale_temps (dir, base);
}

/* A new file DIR/.BASE[~].XXXXXX, created with @mode, locked (see
 * remove_stale_temps); -1 with errno set on failure. */
static int
create_temp (const char *dir,
             const char *base,
             const char *infix,
             int         mode,
             char      **tmp)
{
  int fd;

  *tmp = g_strdup_printf ("%s/.%s%s.XXXXXX", dir, base, infix);
  fd = g_mkstemp_full (*tmp, O_RDWR | O_CLOEXEC, mode);
  if (fd >= 0)
    flock (fd, LOCK_EX);
  return fd;
}

/* The previous version becomes PATH~ without a moment with no backup: a
 * hard link (or, where links are not possible, a copy created with the
 * file's mode) under a temporary name, renamed over the old PATH~. */
static gboolean
make_backup (const char *path,
             const char *dir,
             const char *base,
             int         mode,
             GError    **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *tmp = NULL;
  int saved_errno;
  int fd;

  for (int attempt = 0; attempt < 100; attempt++)
    {
      g_free (tmp);
      tmp = g_strdup_printf ("%s/.%s~.%06X", dir, base, g_random_int_range (0, 0x1000000));
      if (link (path, tmp) == 0)
        goto rename;
      if (errno != EEXIST)
        break;
    }
  g_clear_pointer (&tmp, g_free);

  /* A copy. */
  fd = create_temp (dir, base, "~", mode, &tmp);
  if (fd >= 0)
    {
      g_autofree char *contents = NULL;
      gsize len;

      if (!g_file_get_contents (path, &contents, &len, error))
        {
          close (fd);
          g_unlink (tmp);
          return FALSE;
        }
      if (write_all_fd (fd, contents, len) && fsync (fd) == 0 && close (fd) == 0)
        goto rename;
      saved_errno = errno;
      close (fd);
      g_unlink (tmp);
      errno = saved_errno;
    }
  saved_errno = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "the backup copy cannot be made: %s", g_strerror (saved_errno));
  return FALSE;

rename:
  if (g_rename (tmp, backup) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "the backup copy cannot be replaced: %s", g_strerror (saved_errno));
      return FALSE;
    }
  /* When PATH~ already was this very file (a save killed between its
   * two renames), rename() succeeds doing nothing: drop the extra name. */
  g_unlink (tmp);
  return TRUE;
}

/* Where a write to @given lands, or NULL with @error set. A symbolic link
 * is followed (so it stays a link) only where the kernel's
 * fs.protected_symlinks would follow it for us: we own the link, or its
 * folder is ours and not sticky. A folder that belongs to another user
 * (root's, such as /tmp, excepted) is refused: its owner could swap
 * files under us. docs/security.md. */
static char *
resolve_output (GFile       *file,
                const char  *given,
                GError     **error)
{
  g_autofree char *path = g_strdup (given);
  uid_t me = geteuid ();

  for (int hops = 0; ; hops++)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      struct stat lst, dst;

      if (stat (dir, &dst) != 0)
        {
          fail_errno (file, error, errno, "its folder cannot be reached");
          return NULL;
        }
      if (dst.st_uid != me && dst.st_uid != 0)
        {
          g_autofree char *what = g_strdup_printf ("the folder “%s” belongs to another user (uid %u); "
                                                   "save into a folder of your own", dir,
                                                   (unsigned) dst.st_uid);
          fail_write (file, error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, what);
          return NULL;
        }
      if (lstat (path, &lst) != 0 || !S_ISLNK (lst.st_mode))
        return g_steal_pointer (&path);
      if (hops >= 40)
        {
          fail_errno (file, error, ELOOP, "cannot follow its symbolic link");
          return NULL;
        }
      if (lst.st_uid != me && ((dst.st_mode & S_ISVTX) || dst.st_uid != me))
        {
          g_autofree char *what = g_strdup_printf ("it is a symbolic link of another user (uid %u) in a "
                                                   "shared folder, which is not followed",
                                                   (unsigned) lst.st_uid);
          fail_write (file, error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, what);
          return NULL;
        }
      {
        g_autofree char *target = g_file_read_link (path, NULL);

        if (target == NULL)
          {
            fail_errno (file, error, errno, "cannot read its symbolic link");
            return NULL;
          }
        g_free (path);
        path = g_path_is_absolute (target) ? g_steal_pointer (&target)
                                           : g_build_filename (dir, target, NULL);
      }
    }
}

/* Local files: a temporary file next to the target, created with its
 * final mode, written, flushed to disk and renamed over the target only
 * when all of it is there. Unlike g_file_replace_contents() (GLib 2.74),
 * a failed write (disk full) never replaces the target, a symbolic link
 * is followed where the kernel would (resolve_output) and stays a link,
 * the temporary file is removed on every failure, and those of a killed
 * save are removed by the next one. */
static gboolean
write_local_atomic (GFile         *file,
                    const char    *data,
                    gsize          len,
                    gboolean       backup,
                    int            new_mode,
                    GError       **error)
{
  g_autofree char *given = g_file_get_path (file);
  g_autofree char *real = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  struct stat st;
  gboolean exists;
  int fd;

  real = resolve_output (file, given, error);
  if (real == NULL)
    return FALSE;
  exists = stat (real, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    return fail_write (file, error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       "a folder of that name is in the way");
  if (exists && !S_ISREG (st.st_mode))
    return fail_write (file, error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       "it is not a regular file");

  dir = g_path_get_dirname (real);
  base = g_path_get_basename (real);
  remove_stale_temps (dir, base);
  /* Created with the final mode, so that the data is never readable by
   * more people than the file it replaces (the umask still applies). */
  fd = create_temp (dir, base, "", exists ? (int) (st.st_mode & 0777) : new_mode, &tmp);
  if (fd < 0)
    return fail_errno (file, error, errno, "cannot create a file in its folder");

  /* The new version keeps the old one's permissions (bits the umask took
   * away, setgid) and, where allowed (root), its owner. Neither is worth
   * failing the save for. */
  if (exists)
    {
      if (fchmod (fd, st.st_mode & 07777) != 0)
        g_debug ("could not keep the permissions of %s: %s", real, g_strerror (errno));
      if ((st.st_uid != getuid () || st.st_gid != getgid ()) && fchown (fd, st.st_uid, st.st_gid) != 0)
        g_debug ("could not keep the owner of %s: %s", real, g_strerror (errno));
    }

  if (!write_all_fd (fd, data, len) || fsync (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      close (fd);
      return fail_errno (file, error, saved_errno, "writing failed");
    }
  if (backup && exists)
    {
      g_autoptr(GError) local_error = NULL;

      if (!make_backup (real, dir, base, st.st_mode & 0777, &local_error))
        {
          g_unlink (tmp);
          close (fd);
          return fail_write (file, error, local_error->domain, local_error->code, local_error->message);
        }
    }
  /* Renamed while still open and locked, so that no other save takes it
   * for a leftover. */
  if (g_rename (tmp, real) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      close (fd);
      return fail_errno (file, error, saved_errno, "cannot put the new version in place");
    }
  if (close (fd) != 0)
    g_debug ("closing %s: %s", real, g_strerror (errno));
  /* The rename itself survives a crash once the folder is on disk too. */
  fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  folder_scan_update (dir);
  return TRUE;
}

gboolean
mp_write_file_atomic (GFile         *file,
                      GBytes        *bytes,
                      gboolean       backup,
                      char         **new_etag,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return mp_write_file_atomic_mode (file, bytes, backup, 0666, new_etag, cancellable, error);
}

gboolean
mp_write_file_atomic_mode (GFile         *file,
                           GBytes        *bytes,
                           gboolean       backup,
                           int            new_mode,
                           char         **new_etag,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (data == NULL)
    data = "";

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (g_file_is_native (file))
    {
      if (!write_local_atomic (file, data, len, backup, new_mode, error))
        return FALSE;
      if (new_etag != NULL)
        *new_etag = mp_content_tag (data, len);
      return TRUE;
    }

  /* Other locations (gvfs): their own replace, closed with a cancelled
   * cancellable after a failed write so that nothing is put in place. */
  {
    g_autoptr(GFileOutputStream) out = NULL;
    g_autoptr(GCancellable) abort_close = NULL;
    gsize written;

    out = g_file_replace (file, NULL, backup, G_FILE_CREATE_NONE, cancellable, &local_error);
    if (out == NULL)
      return fail_write (file, error, local_error->domain, local_error->code, local_error->message);
    if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), data, len, &written, cancellable, &local_error))
      {
        abort_close = g_cancellable_new ();
        g_cancellable_cancel (abort_close);
        g_output_stream_close (G_OUTPUT_STREAM (out), abort_close, NULL);
        return fail_write (file, error, local_error->domain, local_error->code, local_error->message);
      }
    if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local_error))
      return fail_write (file, error, local_error->domain, local_error->code, local_error->message);
    if (new_etag != NULL)
      *new_etag = mp_content_tag (data, len);
  }
  return TRUE;
}

gboolean
mp_plan_save_to_file (MpPlan        *plan,
                      GFile         *file,
                      gboolean       backup,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (MP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = mp_plan_to_bytes (plan);
  return mp_write_file_atomic (file, bytes, backup, NULL, cancellable, error);
}
