/* test-merge.c: three-way merge of plans, diff in words, shared versions
 *
 * Each case edits tests/data/merge/base.mplan twice (OURS and THEIRS) as
 * JSON, loads both through the real loader, merges through an MpDocument
 * and checks members of the result, the number of conflicts, that the
 * result loads and that one undo gives OURS back byte for byte.
 *
 * Edits: "set PATH JSON", "del PATH", "add PATH[N] JSON" (N = -1: at the
 * end), "move PATH[id=X] N". Expectations: "PATH == JSON", "!PATH"
 * (absent). PATH: members and [N] or [id=X] separated by dots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <time.h>
#include <utime.h>

#include "mp-document.h"
#include "mp-format.h"
#include "mp-merge.h"
#include "mp-model.h"
#include "mp-plan-generator.h"
#include "mp-plan-io.h"

/* ---- a small JSON path ---- */

static JsonNode *
step (JsonNode   *node,
      const char *seg)
{
  if (node == NULL)
    return NULL;
  if (seg[0] == '[')
    {
      JsonArray *a;
      g_autofree char *inner = g_strndup (seg + 1, strlen (seg) - 2);

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return NULL;
      a = json_node_get_array (node);
      if (g_str_has_prefix (inner, "id="))
        {
          for (guint i = 0; i < json_array_get_length (a); i++)
            {
              JsonNode *e = json_array_get_element (a, i);
              if (JSON_NODE_HOLDS_OBJECT (e) &&
                  g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (e), "id", NULL),
                             inner + 3) == 0)
                return e;
            }
          return NULL;
        }
      {
        guint64 i = g_ascii_strtoull (inner, NULL, 10);
        return i < json_array_get_length (a) ? json_array_get_element (a, (guint) i) : NULL;
      }
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_get_member (json_node_get_object (node), seg);
}

/* "milestones[id=m-demo].tasks[0]" → "milestones", "[id=m-demo]", "tasks", "[0]" */
static GPtrArray *
split_path (const char *path)
{
  GPtrArray *segs = g_ptr_array_new_with_free_func (g_free);
  const char *p = path;

  while (*p)
    {
      const char *end;

      if (*p == '.')
        p++;
      if (*p == '[')
        end = strchr (p, ']') + 1;
      else
        for (end = p; *end && *end != '.' && *end != '['; end++)
          ;
      g_ptr_array_add (segs, g_strndup (p, end - p));
      p = end;
    }
  return segs;
}

static JsonNode *
walk (JsonNode   *root,
      GPtrArray  *segs,
      guint       n)
{
  JsonNode *node = root;

  for (guint i = 0; i < n && node; i++)
    node = step (node, g_ptr_array_index (segs, i));
  return node;
}

static guint
selector_index (JsonArray  *a,
                const char *seg)
{
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);
      g_autoptr(JsonNode) probe = json_node_new (JSON_NODE_ARRAY);

      json_node_set_array (probe, a);
      if (step (probe, seg) == e)
        return i;
    }
  g_assert_not_reached ();
}

/* A with @node inserted at @pos (-1: the end). */
static void
array_insert (JsonArray *a,
              int        pos,
              JsonNode  *node)
{
  g_autoptr(GList) elements = json_array_get_elements (a);
  guint n = json_array_get_length (a);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  for (GList *l = elements; l; l = l->next)
    g_ptr_array_add (keep, json_node_ref (l->data));
  while (json_array_get_length (a) > 0)
    json_array_remove_element (a, 0);
  if (pos < 0 || (guint) pos > n)
    pos = n;
  for (guint i = 0; i <= n; i++)
    {
      if (i == (guint) pos)
        json_array_add_element (a, json_node_copy (node));
      if (i < n)
        json_array_add_element (a, json_node_ref (g_ptr_array_index (keep, i)));
    }
}

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

static void
edit (JsonNode   *root,
      const char *op)
{
  g_auto(GStrv) parts = g_strsplit (op, " ", 3);
  g_autoptr(GPtrArray) segs = split_path (parts[1]);
  const char *last = g_ptr_array_index (segs, segs->len - 1);
  JsonNode *parent = walk (root, segs, segs->len - 1);

  g_assert_nonnull (parent);
  if (g_str_equal (parts[0], "set"))
    {
      g_assert_true (JSON_NODE_HOLDS_OBJECT (parent));
      json_object_set_member (json_node_get_object (parent), last, parse (parts[2]));
    }
  else if (g_str_equal (parts[0], "del"))
    {
      if (last[0] == '[')
        json_array_remove_element (json_node_get_array (parent), selector_index (json_node_get_array (parent), last));
      else
        json_object_remove_member (json_node_get_object (parent), last);
    }
  else if (g_str_equal (parts[0], "add"))
    {
      g_autoptr(JsonNode) node = parse (parts[2]);
      array_insert (json_node_get_array (parent), atoi (last + 1), node);
    }
  else if (g_str_equal (parts[0], "move"))
    {
      JsonArray *a = json_node_get_array (parent);
      guint from = selector_index (a, last);
      g_autoptr(JsonNode) node = json_node_ref (json_array_get_element (a, from));

      json_array_remove_element (a, from);
      array_insert (a, atoi (parts[2]), node);
    }
  else
    g_assert_not_reached ();
}

/* ---- plans ---- */

static char *
base_text (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "merge", "base.mplan", NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static MpPlan *
load_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  MpPlan *plan = mp_plan_load_from_data (text, strlen (text), "case.mplan", &error);

  g_assert_no_error (error);
  return plan;
}

static MpPlan *
plan_with (const char * const *edits)
{
  g_autofree char *text = base_text ();
  g_autoptr(JsonNode) root = parse (text);
  g_autofree char *out = NULL;

  for (guint i = 0; edits && edits[i]; i++)
    edit (root, edits[i]);
  out = json_to_string (root, TRUE);
  return load_text (out);
}

static char *
plan_text (MpPlan *plan)
{
  g_autoptr(GBytes) bytes = mp_plan_to_bytes (plan);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Merges @theirs into @ours (changed in place); returns the conflicts. */
static guint
merge_into (MpPlan *base,
            MpPlan *ours,
            MpPlan *theirs)
{
  g_autoptr(MpMerge) merge = mp_merge_new (base, ours, theirs);
  g_autoptr(MpDocument) doc = mp_document_new (ours, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = plan_text (ours);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(MpPlan) reloaded = NULL;

  mp_merge_apply (merge, doc, "Merge", &error);
  g_assert_no_error (error);
  after = plan_text (ours);
  g_clear_object (&reloaded);
  reloaded = load_text (after);
  if (!g_str_equal (before, after))
    {
      /* One undo step gives OURS back. */
      g_assert_true (mp_document_undo (doc));
      undone = plan_text (ours);
      g_assert_cmpstr (undone, ==, before);
      g_assert_true (mp_document_redo (doc));
    }
  return mp_merge_get_n_conflicts (merge);
}

/* ---- the table ---- */

typedef struct {
  const char *name;
  const char *ours[6];
  const char *theirs[6];
  guint       conflicts;
  const char *expect[10];
} Case;

static const Case cases[] = {
  { "field-theirs",
    { NULL }, { "set milestones[id=m-legal].due \"2027-04-02\"", NULL }, 0,
    { "milestones[id=m-legal].due == \"2027-04-02\"", "milestones[id=m-legal].sequence == 2", NULL } },
  { "fields-both-sides",
    { "set milestones[id=m-legal].title \"Legal and purchasing review\"", NULL },
    { "set milestones[id=m-legal].due \"2027-04-02\"", NULL }, 0,
    { "milestones[id=m-legal].due == \"2027-04-02\"",
      "milestones[id=m-legal].title == \"Legal and purchasing review\"", NULL } },
  { "same-change-both", { "set milestones[id=m-demo].notes \"Bring data\"", NULL },
    { "set milestones[id=m-demo].notes \"Bring data\"", NULL }, 0,
    { "milestones[id=m-demo].notes == \"Bring data\"", NULL } },
  { "field-conflict", { "set milestones[id=m-legal].due \"2027-03-30\"", NULL },
    { "set milestones[id=m-legal].due \"2027-04-02\"", NULL }, 1,
    { "milestones[id=m-legal].due == \"2027-03-30\"", NULL } },
  { "plan-fields", { "set target \"2027-05-14\"", NULL }, { "set customer \"Hansen Logistik AG\"", NULL }, 0,
    { "target == \"2027-05-14\"", "customer == \"Hansen Logistik AG\"", NULL } },
  { "participant-fields", { "set participants[id=p-hansen].email \"h.hansen@hansen.example\"", NULL },
    { "set participants[id=p-hansen].role \"Managing director\"", "set participants[id=p-meier].decision_maker true", NULL }, 0,
    { "participants[id=p-hansen].email == \"h.hansen@hansen.example\"",
      "participants[id=p-hansen].role == \"Managing director\"", "participants[id=p-meier].decision_maker == true", NULL } },
  { "goal-fields", { NULL }, { "set goals[id=g-cost].status \"achieved\"", "set goals[id=g-cost].milestones [\"m-demo\", \"m-sign\"]", NULL }, 0,
    { "goals[id=g-cost].status == \"achieved\"", "goals[id=g-cost].milestones == [\"m-demo\", \"m-sign\"]", NULL } },
  { "task-fields", { "set milestones[id=m-kickoff].tasks[id=t-agenda].done true", NULL },
    { "set milestones[id=m-kickoff].tasks[id=t-agenda].due \"2027-01-12\"", NULL }, 0,
    { "milestones[id=m-kickoff].tasks[id=t-agenda].done == true",
      "milestones[id=m-kickoff].tasks[id=t-agenda].due == \"2027-01-12\"", NULL } },
  { "blackout-meeting-reporting", { "set blackouts[id=b-easter].title \"Ostern\"", NULL },
    { "set meetings[id=mt-weekly].duration_minutes 45", "set reporting.every_weeks 1", NULL }, 0,
    { "blackouts[id=b-easter].title == \"Ostern\"", "meetings[id=mt-weekly].duration_minutes == 45",
      "meetings[id=mt-weekly].sequence == 1", "reporting.every_weeks == 1", NULL } },
  { "refs-list", { NULL }, { "set milestones[id=m-demo].invite [\"p-brandt\", \"p-meier\", \"p-hansen\"]", NULL }, 0,
    { "milestones[id=m-demo].invite == [\"p-brandt\", \"p-meier\", \"p-hansen\"]", NULL } },
  { "additions-both",
    { "add milestones[1] {\"id\": \"m-visit\", \"title\": \"Site visit\", \"due\": \"2027-01-22\"}", NULL },
    { "add participants[-1] {\"id\": \"p-ortiz\", \"name\": \"Lena Ortiz\", \"side\": \"customer\"}",
      "add milestones[4] {\"id\": \"m-golive\", \"title\": \"Go-live\", \"due\": \"2027-04-26\", \"customer_owner\": \"p-ortiz\"}", NULL }, 0,
    { "milestones[1].id == \"m-visit\"", "milestones[5].id == \"m-golive\"", "milestones[5].customer_owner == \"p-ortiz\"",
      "participants[4].name == \"Lena Ortiz\"", NULL } },
  { "add-add-same-id-equal",
    { "add blackouts[-1] {\"id\": \"b-may\", \"title\": \"May Day\", \"start\": \"2027-05-01\", \"end\": \"2027-05-01\"}", NULL },
    { "add blackouts[-1] {\"id\": \"b-may\", \"title\": \"May Day\", \"start\": \"2027-05-01\", \"end\": \"2027-05-01\"}", NULL }, 0,
    { "blackouts[1].id == \"b-may\"", "!blackouts[2]", NULL } },
  { "add-add-same-id-different",
    { "add milestones[-1] {\"id\": \"m-new\", \"title\": \"Pilot\", \"due\": \"2027-04-20\"}", NULL },
    { "add milestones[-1] {\"id\": \"m-new\", \"title\": \"Pilot phase\", \"due\": \"2027-04-20\"}", NULL }, 1,
    { "milestones[id=m-new].title == \"Pilot\"", "!milestones[5]", NULL } },
  { "remove-clean", { NULL }, { "del blackouts[id=b-easter]", "del milestones[id=m-kickoff].tasks[id=t-room]", NULL }, 0,
    { "!blackouts[0]", "!milestones[id=m-kickoff].tasks[id=t-room]", NULL } },
  { "remove-milestone-clears-references", { NULL },
    { "del milestones[id=m-legal]", "set milestones[id=m-sign].depends_on [\"m-demo\"]", NULL }, 0,
    { "!milestones[id=m-legal]", "milestones[id=m-sign].depends_on == [\"m-demo\"]", NULL } },
  { "remove-milestone-ours-refers", { "set goals[id=g-cost].milestones [\"m-demo\", \"m-legal\"]", NULL },
    { "del milestones[id=m-legal]", "set milestones[id=m-sign].depends_on [\"m-demo\"]", NULL }, 0,
    { "!milestones[id=m-legal]", "goals[id=g-cost].milestones == [\"m-demo\"]", NULL } },
  { "change-remove", { "set milestones[id=m-legal].due \"2027-03-31\"", NULL },
    { "del milestones[id=m-legal]", "set milestones[id=m-sign].depends_on [\"m-demo\"]", NULL }, 1,
    { "milestones[id=m-legal].due == \"2027-03-31\"", "milestones[id=m-sign].depends_on == [\"m-demo\"]", NULL } },
  { "remove-change", { "del meetings[id=mt-weekly]", NULL }, { "set meetings[id=mt-weekly].title \"Jour fixe\"", NULL }, 1,
    { "!meetings[0]", NULL } },
  { "reorder-both-sides", { "move milestones[id=m-sign] 0", NULL }, { "move milestones[id=m-kickoff] 3", NULL }, 0,
    { "milestones[0].id == \"m-sign\"", "milestones[1].id == \"m-demo\"", "milestones[2].id == \"m-legal\"",
      "milestones[3].id == \"m-kickoff\"", NULL } },
  { "reorder-same-record-differently", { "move milestones[id=m-sign] 0", NULL }, { "move milestones[id=m-sign] 1", NULL }, 1,
    { "milestones[0].id == \"m-sign\"", NULL } },
  { "task-moved", { "set milestones[id=m-kickoff].tasks[id=t-agenda].title \"Send the agenda\"", NULL },
    { "del milestones[id=m-kickoff].tasks[id=t-room]",
      "add milestones[id=m-demo].tasks[0] {\"id\": \"t-room\", \"title\": \"Book room\", \"done\": false}", NULL }, 0,
    { "!milestones[id=m-kickoff].tasks[id=t-room]", "milestones[id=m-demo].tasks[0].id == \"t-room\"",
      "milestones[id=m-kickoff].tasks[0].title == \"Send the agenda\"", NULL } },
  { "task-moved-both-differently",
    { "del milestones[id=m-kickoff].tasks[id=t-room]", "set milestones[id=m-sign].tasks [{\"id\": \"t-room\", \"title\": \"Book room\", \"done\": false}]", NULL },
    { "del milestones[id=m-kickoff].tasks[id=t-room]", "add milestones[id=m-demo].tasks[0] {\"id\": \"t-room\", \"title\": \"Book room\", \"done\": false}", NULL }, 1,
    { "milestones[id=m-sign].tasks[0].id == \"t-room\"", "!milestones[id=m-demo].tasks[id=t-room]", NULL } },
  { "unknown-members", { "set x_crm_stage \"negotiation\"", NULL },
    { "set x_crm_deal \"D-2002\"", "set milestones[id=m-demo].x_color \"green\"", "set milestones[id=m-legal].x_flag true", NULL }, 0,
    { "x_crm_deal == \"D-2002\"", "x_crm_stage == \"negotiation\"", "milestones[id=m-demo].x_color == \"green\"",
      "milestones[id=m-legal].x_flag == true", NULL } },
  { "unknown-conflict-keeps-ours", { "set x_crm_deal \"D-1\"", NULL }, { "set x_crm_deal \"D-2\"", NULL }, 1,
    { "x_crm_deal == \"D-1\"", NULL } },
  { "unknown-removed", { NULL }, { "del milestones[id=m-demo].x_color", NULL }, 0,
    { "!milestones[id=m-demo].x_color", NULL } },
  { "range-other-end", { NULL }, { "set milestones[id=m-demo].due \"2027-01-29\"", "set milestones[id=m-demo].start \"2027-01-25\"", NULL }, 0,
    { "milestones[id=m-demo].start == \"2027-01-25\"", "milestones[id=m-demo].due == \"2027-01-29\"", NULL } },
  { "range-both-ends-from-two-sides", { "set milestones[id=m-demo].start \"2027-02-08\"", "set milestones[id=m-demo].due \"2027-02-12\"", NULL },
    { "set blackouts[id=b-easter].end \"2027-04-05\"", NULL }, 0,
    { "milestones[id=m-demo].start == \"2027-02-08\"", "blackouts[id=b-easter].end == \"2027-04-05\"", NULL } },
  { "side-change-drops-owner", { "set milestones[id=m-legal].seller_owner \"p-brandt\"", NULL },
    { "set participants[id=p-brandt].side \"customer\"", "set milestones[id=m-demo].seller_owner null", NULL }, 0,
    { "participants[id=p-brandt].side == \"customer\"", "milestones[id=m-legal].seller_owner == null", NULL } },
  { "dropped-history", { NULL }, { "set milestones[id=m-sign].status \"dropped\"", NULL }, 0,
    { "milestones[id=m-sign].status == \"dropped\"", "milestones[id=m-sign].sequence == 1",
      "history[1].text == \"Milestone “Signature” dropped.\"", NULL } },
  { "history-both", { "add history[-1] {\"at\": \"2027-01-11T09:00:00+01:00\", \"text\": \"Ours.\"}", NULL },
    { "add history[-1] {\"at\": \"2027-01-12T09:00:00+01:00\", \"text\": \"Theirs.\"}", NULL }, 0,
    { "history[1].text == \"Ours.\"", "history[2].text == \"Theirs.\"", NULL } },
  { "sequence-above-both", { "set milestones[id=m-kickoff].title \"Kick-off meeting\"", "set milestones[id=m-kickoff].sequence 3", NULL },
    { "set milestones[id=m-kickoff].due \"2027-01-18\"", "set milestones[id=m-kickoff].sequence 3", "set milestones[id=m-kickoff].invited_sequence 3", NULL }, 0,
    { "milestones[id=m-kickoff].sequence == 4", "milestones[id=m-kickoff].invited_sequence == 3",
      "milestones[id=m-kickoff].title == \"Kick-off meeting\"", "milestones[id=m-kickoff].due == \"2027-01-18\"", NULL } },
  { "another-plan-id-is-a-conflict", { NULL }, { "set id \"another-plan\"", NULL }, 1,
    { "id == \"merge-plan-1\"", NULL } },
  { "baseline-by-name", { NULL },
    { "add baselines[-1] {\"name\": \"Agreed in March\", \"at\": \"2027-03-01T12:00:00+01:00\", \"dates\": {}}", NULL }, 0,
    { "baselines[1].name == \"Agreed in March\"", NULL } },
};

static void
check_expectations (MpPlan             *plan,
                    const char * const *expect)
{
  g_autofree char *text = plan_text (plan);
  g_autoptr(JsonNode) root = parse (text);

  for (guint i = 0; expect[i]; i++)
    {
      const char *e = expect[i];
      gboolean absent = e[0] == '!';
      g_auto(GStrv) parts = g_strsplit (absent ? e + 1 : e, " == ", 2);
      g_autoptr(GPtrArray) segs = split_path (parts[0]);
      JsonNode *node = walk (root, segs, segs->len);

      if (absent)
        {
          if (node != NULL)
            g_error ("%s: expected nothing, found %s\n%s", e, json_to_string (node, FALSE), text);
          continue;
        }
      if (node == NULL)
        g_error ("%s: nothing there\n%s", e, text);
      {
        g_autoptr(JsonNode) want = parse (parts[1]);
        if (!json_node_equal (node, want))
          g_error ("%s: found %s\n%s", e, json_to_string (node, FALSE), text);
      }
    }
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *text = base_text ();
  g_autoptr(MpPlan) base = load_text (text);
  g_autoptr(MpPlan) ours = plan_with (c->ours);
  g_autoptr(MpPlan) theirs = plan_with (c->theirs);

  g_assert_cmpuint (merge_into (base, ours, theirs), ==, c->conflicts);
  check_expectations (ours, c->expect);
}

/* ---- properties ---- */

/* Merging a copy with itself, or with the base, changes nothing. */
static void
test_identity (void)
{
  g_autofree char *text = base_text ();
  g_autoptr(MpPlan) base = load_text (text);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint side = 0; side < 2; side++)
      {
        const char * const *edits = side ? cases[i].theirs : cases[i].ours;
        g_autoptr(MpPlan) x = plan_with (edits);
        g_autoptr(MpPlan) y = plan_with (edits);
        g_autoptr(MpPlan) z = plan_with (edits);
        g_autofree char *before = plan_text (x);
        g_autofree char *after_self = NULL;
        g_autofree char *after_base = NULL;
        g_autoptr(MpMerge) none = mp_merge_new (base, x, base);

        g_assert_cmpuint (mp_merge_get_n_changes (none), ==, 0);
        g_assert_cmpuint (merge_into (base, x, y), ==, 0);
        after_self = plan_text (x);
        g_assert_cmpstr (after_self, ==, before);
        g_assert_cmpuint (merge_into (base, z, base), ==, 0);
        after_base = plan_text (z);
        g_assert_cmpstr (after_base, ==, before);
      }
}

/* Records in id order, the history left out (it tells who merged what):
 * two results that differ only in where concurrent additions went. */
static int
by_id (gconstpointer a,
       gconstpointer b)
{
  JsonNode *x = *(JsonNode **) a, *y = *(JsonNode **) b;
  const char *ix = json_object_get_string_member_with_default (json_node_get_object (x), "id", "");
  const char *iy = json_object_get_string_member_with_default (json_node_get_object (y), "id", "");

  return g_strcmp0 (ix, iy);
}

static void
sort_records (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (o);

      json_object_remove_member (o, "history");
      for (GList *l = members; l; l = l->next)
        if (json_object_has_member (o, l->data))
          {
            /* null means the same as absent (FORMAT.md) */
            if (JSON_NODE_HOLDS_NULL (json_object_get_member (o, l->data)))
              json_object_remove_member (o, l->data);
            else
              sort_records (json_object_get_member (o, l->data));
          }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);
      g_autoptr(GList) elements = json_array_get_elements (a);
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

      for (GList *l = elements; l; l = l->next)
        {
          sort_records (l->data);
          g_ptr_array_add (items, json_node_ref (l->data));
        }
      if (items->len == 0 || !JSON_NODE_HOLDS_OBJECT (g_ptr_array_index (items, 0)) ||
          !json_object_has_member (json_node_get_object (g_ptr_array_index (items, 0)), "id"))
        return;
      g_ptr_array_sort (items, by_id);
      while (json_array_get_length (a) > 0)
        json_array_remove_element (a, 0);
      for (guint i = 0; i < items->len; i++)
        json_array_add_element (a, json_node_ref (g_ptr_array_index (items, i)));
    }
}

/* The raw edits of the table, made as the app makes them: a milestone or
 * meeting whose invitation shows something else gets a higher sequence. */
static void
raise_sequences (MpPlan *base,
                 MpPlan *plan)
{
  GListStore *lists[] = { mp_plan_get_milestones (plan), mp_plan_get_meetings (plan) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (lists[l])); i++)
      {
        g_autoptr(MpRecord) rec = g_list_model_get_item (G_LIST_MODEL (lists[l]), i);
        GListModel *base_list = G_LIST_MODEL (l == 0 ? mp_plan_get_milestones (base) : mp_plan_get_meetings (base));
        int seq = mp_record_find_field (rec, "sequence");
        guint n;

        mp_record_get_fields (rec, &n);
        for (guint j = 0; j < g_list_model_get_n_items (base_list); j++)
          {
            g_autoptr(MpRecord) old = g_list_model_get_item (base_list, j);

            if (g_strcmp0 (mp_record_get_id (old), mp_record_get_id (rec)) != 0)
              continue;
            for (guint f = 0; f < n; f++)
              if (mp_document_field_raises_sequence (rec, f) &&
                  !mp_record_values_equal (rec, f, mp_record_peek_value (rec, f), mp_record_peek_value (old, f)) &&
                  mp_record_get_int (rec, seq) <= mp_record_get_int (old, seq))
                mp_record_set_int (rec, seq, mp_record_get_int (old, seq) + 1);
          }
      }
}

/* A clean merge gives the same plan whichever side is "ours". */
static void
test_symmetric (void)
{
  g_autofree char *text = base_text ();
  g_autoptr(MpPlan) base = load_text (text);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MpPlan) a1 = plan_with (cases[i].ours);
      g_autoptr(MpPlan) b1 = plan_with (cases[i].theirs);
      g_autoptr(MpPlan) a2 = plan_with (cases[i].ours);
      g_autoptr(MpPlan) b2 = plan_with (cases[i].theirs);
      g_autofree char *ab = NULL;
      g_autofree char *ba = NULL;
      g_autoptr(JsonNode) x = NULL;
      g_autoptr(JsonNode) y = NULL;

      if (cases[i].conflicts > 0)
        continue;
      raise_sequences (base, a1);
      raise_sequences (base, a2);
      raise_sequences (base, b1);
      raise_sequences (base, b2);
      merge_into (base, a1, b1);
      merge_into (base, b2, a2);
      ab = plan_text (a1);
      ba = plan_text (b2);
      x = parse (ab);
      y = parse (ba);
      sort_records (x);
      sort_records (y);
      if (!json_node_equal (x, y))
        g_error ("%s: the merge differs by side:\n%s\n---\n%s", cases[i].name,
                 json_to_string (x, TRUE), json_to_string (y, TRUE));
    }
}

/* Without a base, every difference is a choice, and none is taken by default. */
static void
test_two_way (void)
{
  const char *ours_edits[] = { "set milestones[id=m-legal].due \"2027-03-30\"", NULL };
  const char *theirs_edits[] = { "set milestones[id=m-legal].title \"Legal\"", "del blackouts[id=b-easter]",
                                 "add goals[-1] {\"id\": \"g-time\", \"title\": \"Faster dispatch\"}", NULL };
  g_autoptr(MpPlan) ours = plan_with (ours_edits);
  g_autoptr(MpPlan) theirs = plan_with (theirs_edits);
  g_autofree char *before = plan_text (ours);
  g_autofree char *after = NULL;
  g_autoptr(MpMerge) merge = mp_merge_new (NULL, ours, theirs);
  g_autoptr(MpDocument) doc = mp_document_new (ours, NULL);
  guint n = mp_merge_get_n_changes (merge);

  g_assert_false (mp_merge_has_base (merge));
  /* due, title, the blackout, the goal */
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (mp_merge_get_n_conflicts (merge), ==, n);
  g_assert_cmpint (mp_merge_apply (merge, doc, "Merge", NULL), ==, 0);
  after = plan_text (ours);
  g_assert_cmpstr (after, ==, before);

  /* Taking THEIRS everywhere gives THEIRS' dates, title and records. */
  for (guint i = 0; i < n; i++)
    mp_merge_get_change (merge, i)->apply = TRUE;
  g_assert_cmpint (mp_merge_apply (merge, doc, "Merge", NULL), ==, 4);
  {
    const char *expect[] = { "milestones[id=m-legal].due == \"2027-03-26\"", "milestones[id=m-legal].title == \"Legal\"",
                             "!blackouts[0]", "goals[1].id == \"g-time\"", NULL };
    check_expectations (ours, expect);
  }
}

/* A merge that would break a rule says why and changes nothing. */
static void
test_invalid_refused (void)
{
  g_autofree char *text = base_text ();
  g_autoptr(MpPlan) base = load_text (text);
  /* Each side is fine alone; together: Kick-off → Signature → Demo → Kick-off. */
  const char *ours_edits[] = { "set milestones[id=m-legal].depends_on []", "set milestones[id=m-kickoff].depends_on [\"m-sign\"]", NULL };
  const char *theirs_edits[] = { "set milestones[id=m-sign].depends_on [\"m-legal\", \"m-demo\"]", NULL };
  g_autoptr(MpPlan) ours = plan_with (ours_edits);
  g_autoptr(MpPlan) theirs = plan_with (theirs_edits);
  g_autofree char *before = plan_text (ours);
  g_autofree char *after = NULL;
  g_autoptr(MpMerge) merge = mp_merge_new (base, ours, theirs);
  g_autoptr(MpDocument) doc = mp_document_new (ours, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mp_merge_apply (merge, doc, "Merge", &error), ==, -1);
  g_assert_error (error, MP_ERROR, MP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "depends_on"));
  after = plan_text (ours);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (mp_document_can_undo (doc));
}

/* Unchecked changes stay out; the words say what each one does. */
static void
test_choices_and_words (void)
{
  g_autofree char *text = base_text ();
  g_autoptr(MpPlan) base = load_text (text);
  const char *theirs_edits[] = { "set milestones[id=m-legal].due \"2027-04-02\"",
                                 "set milestones[id=m-demo].invite [\"p-meier\", \"p-hansen\"]",
                                 "add participants[-1] {\"id\": \"p-ortiz\", \"name\": \"Lena Ortiz\", \"side\": \"customer\"}",
                                 "set milestones[id=m-legal].customer_owner \"p-ortiz\"", NULL };
  g_autoptr(MpPlan) ours = load_text (text);
  g_autoptr(MpPlan) theirs = plan_with (theirs_edits);
  g_autoptr(MpMerge) merge = mp_merge_new (base, ours, theirs);
  g_autoptr(MpDocument) doc = mp_document_new (ours, NULL);
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < mp_merge_get_n_changes (merge); i++)
    {
      MpMergeChange *c = mp_merge_get_change (merge, i);
      g_autofree char *line = mp_merge_change_describe (c);

      g_string_append_printf (all, "%s\n", line);
      if (c->kind == MP_MERGE_SET && c->field == MP_MILESTONE_DUE)
        c->apply = FALSE;
    }
  g_assert_nonnull (strstr (all->str, "“Legal review” due 26 Mar 2027 → 2 Apr 2027"));
  g_assert_nonnull (strstr (all->str, "“Demo” Sabine Meier added to invitees; Henrik Hansen added to invitees"));
  g_assert_nonnull (strstr (all->str, "Lena Ortiz added"));
  g_assert_nonnull (strstr (all->str, "“Legal review” customer owner Henrik Hansen → Lena Ortiz"));
  g_assert_cmpint (mp_merge_apply (merge, doc, "Merge", NULL), ==, 3);
  {
    const char *expect[] = { "milestones[id=m-legal].due == \"2027-03-26\"",
                             "milestones[id=m-legal].customer_owner == \"p-ortiz\"", NULL };
    check_expectations (ours, expect);
  }
}

/* Without the person it names, an owner would dangle: refused. */
static void
test_unchecked_dependency_refused (void)
{
  g_autofree char *text = base_text ();
  g_autoptr(MpPlan) base = load_text (text);
  const char *theirs_edits[] = { "add participants[-1] {\"id\": \"p-ortiz\", \"name\": \"Lena Ortiz\", \"side\": \"customer\"}",
                                 "set milestones[id=m-legal].customer_owner \"p-ortiz\"", NULL };
  g_autoptr(MpPlan) ours = load_text (text);
  g_autoptr(MpPlan) theirs = plan_with (theirs_edits);
  g_autoptr(MpMerge) merge = mp_merge_new (base, ours, theirs);
  g_autoptr(MpDocument) doc = mp_document_new (ours, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < mp_merge_get_n_changes (merge); i++)
    if (mp_merge_get_change (merge, i)->kind == MP_MERGE_ADD)
      mp_merge_get_change (merge, i)->apply = FALSE;
  g_assert_cmpint (mp_merge_apply (merge, doc, "Merge", &error), ==, -1);
  g_assert_error (error, MP_ERROR, MP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "p-ortiz"));
}

static void
test_describe (void)
{
  g_autofree char *text = base_text ();
  g_autoptr(MpPlan) plan = load_text (text);
  g_autofree char *summary = mp_plan_describe (plan);
  const char *edits[] = { "set milestones[id=m-legal].due \"2027-04-02\"", NULL };
  g_autoptr(MpPlan) changed = plan_with (edits);
  g_autofree char *words = mp_plan_describe_changes (plan, changed);
  g_autofree char *none = mp_plan_describe_changes (plan, plan);

  g_assert_nonnull (strstr (summary, "Milestone “Legal review”: responsible side Customer; customer owner Henrik Hansen; due 26 Mar 2027"));
  g_assert_nonnull (strstr (summary, "  Task “Send agenda”: owner Katrin Vogel"));
  g_assert_nonnull (strstr (summary, "x_crm_deal \"D-1001\""));
  g_assert_cmpstr (words, ==, "“Legal review” due 26 Mar 2027 → 2 Apr 2027\n");
  g_assert_cmpstr (none, ==, "");
}

/* The version that left the app is found again for a copy of it. */
static void
test_shared_base (void)
{
  g_autofree char *text = base_text ();
  g_autoptr(MpPlan) v1 = load_text (text);
  const char *v2_edits[] = { "set milestones[id=m-demo].due \"2027-02-12\"", "set milestones[id=m-legal].due \"2027-04-01\"",
                             "set title \"Hansen – Tourenplanung v2\"", NULL };
  g_autoptr(MpPlan) v2 = plan_with (v2_edits);
  const char *copy_edits[] = { "set milestones[id=m-sign].customer_owner \"p-meier\"", NULL };
  g_autoptr(MpPlan) copy_of_v1 = plan_with (copy_edits);
  g_autoptr(MpPlan) found = NULL;
  g_autofree char *when = NULL;
  g_autofree char *found_text = NULL;
  g_autofree char *v1_text = plan_text (v1);

  g_assert_null (mp_merge_find_shared_base (copy_of_v1, NULL));
  g_assert_true (mp_merge_remember_shared (v1, NULL));
  g_assert_true (mp_merge_remember_shared (v2, NULL));
  found = mp_merge_find_shared_base (copy_of_v1, &when);
  g_assert_nonnull (found);
  g_assert_nonnull (when);
  found_text = plan_text (found);
  g_assert_cmpstr (found_text, ==, v1_text);
}

/* The version just shared is kept even when the others look newer (a
 * clock that went back, twenty versions shared within one second). */
static void
test_shared_keeps_newest (void)
{
  g_autofree char *text = base_text ();
  g_autoptr(MpPlan) v1 = load_text (text);
  const char *edits[] = { "set title \"Hansen – shared last\"", NULL };
  g_autoptr(MpPlan) last = plan_with (edits);
  g_autofree char *last_text = plan_text (last);
  g_autoptr(MpPlan) found = NULL;
  g_autofree char *found_text = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint n = 0;
  struct utimbuf future = { time (NULL) + 100, time (NULL) + 100 };

  g_assert_true (mp_merge_remember_shared (v1, NULL));
  /* The folder the first version went to. */
  {
    g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, mp_plan_get_id (v1), -1);
    dir = g_build_filename (g_get_user_data_dir (), "mutualplan", "shared", hash, NULL);
  }
  /* Twenty older versions with the same (later) time; their names sort first. */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%016u.mplan", dir, i);

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
      g_assert_cmpint (utime (path, &future), ==, 0);
    }
  g_assert_true (mp_merge_remember_shared (last, NULL));
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 20);
  found = mp_merge_find_shared_base (last, NULL);
  g_assert_nonnull (found);
  found_text = plan_text (found);
  g_assert_cmpstr (found_text, ==, last_text);
}

/* Titles from the other copy: bidi controls isolated, long ones cut. */
static void
test_words_isolate_titles (void)
{
  g_autofree char *text = base_text ();
  g_autoptr(MpPlan) plan = load_text (text);
  g_autoptr(GString) long_title = g_string_new ("set milestones[id=m-legal].title \"");
  const char *edits[] = { "set milestones[id=m-kickoff].title \"Evil \u202etxt.exe\"", NULL, NULL };
  g_autoptr(MpPlan) changed = NULL;
  g_autofree char *words = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append (long_title, "ü");
  g_string_append_c (long_title, '"');
  edits[1] = long_title->str;
  changed = plan_with (edits);
  words = mp_plan_describe_changes (plan, changed);
  g_assert_nonnull (strstr (words, "“\u2068Evil \u202etxt.exe\u2069”"));
  g_assert_null (strstr (words, "üüüüü”"));
  g_assert_nonnull (strstr (words, "üüüüü…”"));
}

/* ---- random edits, as the app makes them ---- */

/* @n_edits changes to the half of the milestones from @half on (the two
 * sides of a merge edit different halves, with some overlap). */
static MpPlan *
random_copy (MpPlan  *base,
             guint32  seed,
             guint    n_edits,
             guint    half)
{
  MpPlan *plan = MP_PLAN (mp_record_copy (MP_RECORD (base)));
  g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GListStore *ms = mp_plan_get_milestones (plan);
  GListStore *people = mp_plan_get_participants (plan);

  for (guint i = 0; i < n_edits; i++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (ms));
      guint pos = (half * n / 2 + g_rand_int_range (rand, 0, n / 2 + 2)) % n;
      g_autoptr(MpMilestone) m = g_list_model_get_item (G_LIST_MODEL (ms), pos);
      MpRecord *r = MP_RECORD (m);

      switch (g_rand_int_range (rand, 0, 9))
        {
        case 0:
          mp_document_set_date (doc, r, MP_MILESTONE_DUE, mp_milestone_get_due (m) + g_rand_int_range (rand, 1, 20));
          break;
        case 1:
          {
            g_autofree char *title = g_strdup_printf ("Step %u/%u", seed, i);
            mp_document_set_string (doc, r, MP_MILESTONE_TITLE, title);
          }
          break;
        case 2:
          mp_document_set_string (doc, r, MP_MILESTONE_NOTES, seed % 2 ? "Agreed" : "Open question");
          break;
        case 3:
          mp_document_set_int (doc, r, MP_MILESTONE_STATUS, g_rand_int_range (rand, 0, 5));
          break;
        case 4:
          {
            GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (m));
            if (g_list_model_get_n_items (tasks) > 0)
              {
                g_autoptr(MpRecord) t = g_list_model_get_item (tasks, 0);
                mp_document_set_bool (doc, t, MP_TASK_DONE, !mp_record_get_bool (t, MP_TASK_DONE));
              }
          }
          break;
        case 5:
          {
            g_autoptr(MpMilestone) added = g_object_new (MP_TYPE_MILESTONE, NULL);
            g_autofree char *id = g_strdup_printf ("m-r%u-%u", seed, i);

            mp_record_mark_new (MP_RECORD (added));
            mp_milestone_set_id (added, id);
            mp_milestone_set_title (added, id);
            mp_milestone_set_due (added, mp_milestone_get_due (m));
            mp_document_insert (doc, ms, pos, MP_RECORD (added));
          }
          break;
        case 6:
          mp_document_remove_milestone (doc, m);
          break;
        case 7:
          mp_document_move (doc, ms, pos, g_rand_int_range (rand, 0, n));
          break;
        case 8:
          {
            g_autoptr(MpParticipant) p = g_list_model_get_item (G_LIST_MODEL (people), 0);
            g_autofree char *mail = g_strdup_printf ("p%u@example.org", seed);
            mp_document_set_string (doc, MP_RECORD (p), MP_PARTICIPANT_EMAIL, mail);
          }
          break;
        }
    }
  return plan;
}

/* Random copies of a generated plan: merging with itself or with the base
 * changes nothing; a merge loads (or is refused, never half-done); a
 * clean merge is the same either way round. */
static void
test_random (void)
{
  MpPlanGeneratorOptions options;
  g_autoptr(MpPlan) base = NULL;
  guint clean = 0;

  mp_plan_generator_options_init (&options, 40);
  options.seed = 7;
  base = mp_plan_generator_generate (&options);
  for (guint32 seed = 1; seed <= 30; seed++)
    {
      g_autoptr(MpPlan) a = random_copy (base, seed, 8, 0);
      g_autoptr(MpPlan) b = random_copy (base, seed + 1000, 8, 1);
      /* A copy, not the same edits made again: the history entries those
       * edits add are stamped with the current second, and made again a
       * second later they are other entries, which a merge rightly keeps. */
      g_autoptr(MpPlan) a_self = MP_PLAN (mp_record_copy (MP_RECORD (a)));
      g_autoptr(MpPlan) a2 = MP_PLAN (mp_record_copy (MP_RECORD (a)));
      g_autoptr(MpPlan) b2 = MP_PLAN (mp_record_copy (MP_RECORD (b)));
      g_autofree char *a_text = plan_text (a);
      g_autoptr(MpMerge) ab = NULL;
      g_autoptr(MpMerge) ba = NULL;
      g_autoptr(MpDocument) doc_a = mp_document_new (a2, NULL);
      g_autoptr(MpDocument) doc_b = mp_document_new (b2, NULL);
      g_autoptr(GError) error_ab = NULL;
      g_autoptr(GError) error_ba = NULL;
      int n_ab, n_ba;

      /* with itself, with the base */
      {
        g_autoptr(MpPlan) x = MP_PLAN (mp_record_copy (MP_RECORD (a)));
        g_autofree char *after = NULL;

        g_assert_cmpuint (merge_into (base, x, a_self), ==, 0);
        after = plan_text (x);
        g_assert_cmpstr (after, ==, a_text);
        g_assert_cmpuint (merge_into (base, x, base), ==, 0);
        g_free (after);
        after = plan_text (x);
        g_assert_cmpstr (after, ==, a_text);
      }

      ab = mp_merge_new (base, a2, b);
      ba = mp_merge_new (base, b2, a);
      g_assert_cmpuint (mp_merge_get_n_conflicts (ab), ==, mp_merge_get_n_conflicts (ba));
      n_ab = mp_merge_apply (ab, doc_a, "Merge", &error_ab);
      n_ba = mp_merge_apply (ba, doc_b, "Merge", &error_ba);
      /* Refused on one side, refused on the other: the rule broken is the same. */
      g_assert_true ((n_ab < 0) == (n_ba < 0));
      if (n_ab < 0)
        continue;
      g_assert_true (mp_plan_validate (a2, "a", NULL));
      {
        g_autofree char *text = plan_text (a2);
        g_autoptr(MpPlan) reloaded = load_text (text);
      }
      if (mp_merge_get_n_conflicts (ab) == 0)
        {
          g_autofree char *x_text = plan_text (a2);
          g_autofree char *y_text = plan_text (b2);
          g_autoptr(JsonNode) x = parse (x_text);
          g_autoptr(JsonNode) y = parse (y_text);

          sort_records (x);
          sort_records (y);
          if (!json_node_equal (x, y))
            g_error ("seed %u: the merge differs by side:\n%s\n---\n%s", seed,
                     json_to_string (x, TRUE), json_to_string (y, TRUE));
          clean++;
        }
    }
  /* The seeds give clean merges too, not only conflicts. */
  g_assert_cmpuint (clean, >, 5);
}

/* The words of "before → after" (merge and spreadsheet import share
 * them): quoted one-line texts cut to the length asked for, names of
 * people and milestones, words for what is not set. */
static void
test_field_value_words (void)
{
  static const char json[] =
    "{\"format\": \"mutualplan\", \"version\": 1, \"id\": \"0b6f5a52-2f1c-4c8e-9a55-8d0c1f7f3e09\", \"title\": \"T\","
    " \"participants\": [{\"id\": \"dana\", \"name\": \"Dana White\", \"side\": \"seller\"}],"
    " \"milestones\": ["
    "  {\"id\": \"m1\", \"title\": \"Security\\nreview of the whole platform\", \"due\": \"2027-03-26\","
    "   \"status\": \"planned\", \"seller_owner\": \"dana\"},"
    "  {\"id\": \"m2\", \"title\": \"Signature\", \"due\": \"2027-04-30\", \"status\": \"done\", \"depends_on\": [\"m1\"]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = mp_plan_load_from_data (json, sizeof json - 1, "words.mplan", &error);
  GListModel *ms;
  g_autoptr(MpMilestone) m1 = NULL, m2 = NULL;
  struct { MpMilestone **m; guint field; guint max; const char *want; } words_cases[] = {
    { &m1, MP_MILESTONE_TITLE, 200, "“Security review of the whole platform”" },
    { &m1, MP_MILESTONE_TITLE, 8, NULL },
    { &m1, MP_MILESTONE_SELLER_OWNER, 200, "Dana White" },
    { &m2, MP_MILESTONE_SELLER_OWNER, 200, "nobody" },
    { &m2, MP_MILESTONE_START, 200, "no date" },
    { &m2, MP_MILESTONE_DEPENDS_ON, 200, "“Security review of the whole platform”" },
    { &m2, MP_MILESTONE_STATUS, 200, "Done" },
  };

  g_assert_no_error (error);
  ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  m1 = g_list_model_get_item (ms, 0);
  m2 = g_list_model_get_item (ms, 1);
  for (guint i = 0; i < G_N_ELEMENTS (words_cases); i++)
    {
      MpRecord *rec = MP_RECORD (*words_cases[i].m);
      g_autofree char *words = mp_format_field_value (plan, rec, words_cases[i].field,
                                                      mp_record_peek_value (rec, words_cases[i].field), words_cases[i].max);

      if (words_cases[i].want != NULL)
        g_assert_cmpstr (words, ==, words_cases[i].want);
      else
        {
          /* Cut: shorter than the whole title, still quoted, no newline. */
          g_assert_cmpuint (g_utf8_strlen (words, -1), <, 20);
          g_assert_true (g_str_has_prefix (words, "“Securit"));
          g_assert_null (strchr (words, '\n'));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/merge/case/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/merge/property/identity", test_identity);
  g_test_add_func ("/merge/property/symmetric", test_symmetric);
  g_test_add_func ("/merge/property/random", test_random);
  g_test_add_func ("/merge/two-way", test_two_way);
  g_test_add_func ("/merge/invalid-refused", test_invalid_refused);
  g_test_add_func ("/merge/choices-and-words", test_choices_and_words);
  g_test_add_func ("/merge/unchecked-dependency-refused", test_unchecked_dependency_refused);
  g_test_add_func ("/merge/describe", test_describe);
  g_test_add_func ("/merge/field-value-words", test_field_value_words);
  g_test_add_func ("/merge/shared-base", test_shared_base);
  g_test_add_func ("/merge/shared-keeps-newest", test_shared_keeps_newest);
  g_test_add_func ("/merge/words-isolate-titles", test_words_isolate_titles);
  return g_test_run ();
}
