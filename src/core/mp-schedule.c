/* mp-schedule.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-schedule.h"

#include <glib/gi18n-lib.h>

#include "mp-model.h"

/* How far a date is moved on to find a working day before giving up
 * (a side that is away for years keeps the plain date). */
#define MAX_SNAP_DAYS 3660

gboolean
mp_milestone_is_open (MpMilestone *milestone)
{
  MpStatus s;

  g_return_val_if_fail (MP_IS_MILESTONE (milestone), FALSE);
  s = mp_milestone_get_status (milestone);
  return s != MP_STATUS_DONE && s != MP_STATUS_DROPPED;
}

gboolean
mp_milestone_is_overdue (MpMilestone *milestone,
                         MpDate       today)
{
  g_return_val_if_fail (MP_IS_MILESTONE (milestone), FALSE);
  return today != MP_DATE_NONE && mp_milestone_is_open (milestone) &&
         mp_milestone_get_due (milestone) != MP_DATE_NONE &&
         mp_milestone_get_due (milestone) < today;
}

int
mp_milestone_get_days_late (MpMilestone *milestone,
                            MpDate       today)
{
  if (!mp_milestone_is_overdue (milestone, today))
    return 0;
  return (int) today - (int) mp_milestone_get_due (milestone);
}

gboolean
mp_milestone_lacks_owner (MpMilestone *milestone)
{
  MpParty resp;

  g_return_val_if_fail (MP_IS_MILESTONE (milestone), FALSE);
  resp = mp_milestone_get_responsible (milestone);
  return (resp != MP_PARTY_CUSTOMER && mp_milestone_get_seller_owner (milestone) == NULL) ||
         (resp != MP_PARTY_SELLER && mp_milestone_get_customer_owner (milestone) == NULL);
}

gboolean
mp_blackout_concerns_milestone (MpBlackout  *blackout,
                                MpMilestone *milestone)
{
  const char *who;
  MpParty side, resp;

  g_return_val_if_fail (MP_IS_BLACKOUT (blackout), FALSE);
  g_return_val_if_fail (MP_IS_MILESTONE (milestone), FALSE);

  who = mp_blackout_get_participant (blackout);
  if (who != NULL)
    return g_strcmp0 (who, mp_milestone_get_seller_owner (milestone)) == 0 ||
           g_strcmp0 (who, mp_milestone_get_customer_owner (milestone)) == 0;
  side = mp_blackout_get_side (blackout);
  resp = mp_milestone_get_responsible (milestone);
  return side == MP_PARTY_BOTH || resp == MP_PARTY_BOTH || side == resp;
}

/* The plan's blackouts sorted by start, with the latest end so far: the
 * blackout at a date in O(log n) for plans with many of them, the first
 * in plan order. Made on first use and kept on the plan until any record
 * changes (mp_record_get_change_serial ()). */
typedef struct {
  MpDate      start;
  MpDate      end;
  MpDate      max_end; /* the latest end of this span and all before it */
  guint       index;   /* position in the plan */
  MpBlackout *blackout;
} BlackoutSpan;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const BlackoutSpan *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

typedef struct {
  GArray *spans;
  guint   serial;
} BlackoutIndex;

static void
blackout_index_free (gpointer data)
{
  BlackoutIndex *index = data;

  g_array_unref (index->spans);
  g_free (index);
}

static GArray *
blackout_index_new (MpPlan *plan)
{
  GListModel *bs = G_LIST_MODEL (mp_plan_get_blackouts (plan));
  guint n = g_list_model_get_n_items (bs);
  GArray *spans = g_array_sized_new (FALSE, FALSE, sizeof (BlackoutSpan), n);
  MpDate max_end = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpBlackout) b = g_list_model_get_item (bs, i);
      BlackoutSpan span = { mp_blackout_get_start (b), mp_blackout_get_end (b), 0, i, b };

      g_array_append_val (spans, span); /* the store keeps the blackout */
    }
  g_array_sort (spans, compare_spans);
  for (guint i = 0; i < spans->len; i++)
    {
      BlackoutSpan *span = &g_array_index (spans, BlackoutSpan, i);

      max_end = MAX (max_end, span->end);
      span->max_end = max_end;
    }
  return spans;
}

static MpBlackout *
blackout_index_find (GArray      *spans,
                     MpMilestone *milestone,
                     MpDate       date)
{
  guint lo = 0, hi = spans->len;
  MpBlackout *best = NULL;
  guint best_index = G_MAXUINT;

  /* hi = the number of spans that start on or before @date. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (spans, BlackoutSpan, mid).start <= date)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint k = lo; k > 0; k--)
    {
      const BlackoutSpan *span = &g_array_index (spans, BlackoutSpan, k - 1);

      if (span->max_end < date)
        break; /* nothing before this one reaches @date */
      if (span->end >= date && span->index < best_index &&
          mp_blackout_concerns_milestone (span->blackout, milestone))
        {
          best = span->blackout;
          best_index = span->index;
        }
    }
  return best;
}

static GArray *
blackout_index_get (MpPlan *plan)
{
  static GQuark quark;
  BlackoutIndex *index;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("mp-blackout-index");
  index = g_object_get_qdata (G_OBJECT (plan), quark);
  if (index == NULL || index->serial != mp_record_get_change_serial ())
    {
      index = g_new0 (BlackoutIndex, 1);
      index->serial = mp_record_get_change_serial ();
      index->spans = blackout_index_new (plan);
      g_object_set_qdata_full (G_OBJECT (plan), quark, index, blackout_index_free);
    }
  return index->spans;
}

MpBlackout *
mp_plan_find_blackout_at (MpPlan      *plan,
                          MpMilestone *milestone,
                          MpDate       date)
{
  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (MP_IS_MILESTONE (milestone), NULL);

  return blackout_index_find (blackout_index_get (plan), milestone, date);
}

gboolean
mp_plan_is_working_day (MpPlan  *plan,
                        MpParty  party,
                        MpDate   date)
{
  GListModel *bs;

  g_return_val_if_fail (MP_IS_PLAN (plan), FALSE);

  if (date == MP_DATE_NONE || mp_date_is_weekend (date))
    return FALSE;
  bs = G_LIST_MODEL (mp_plan_get_blackouts (plan));
  for (guint i = 0; i < g_list_model_get_n_items (bs); i++)
    {
      g_autoptr(MpBlackout) b = g_list_model_get_item (bs, i);
      MpParty side = mp_blackout_get_side (b);

      if (mp_blackout_get_participant (b) != NULL)
        continue; /* one person away: the side still works */
      if (date < mp_blackout_get_start (b) || date > mp_blackout_get_end (b))
        continue;
      if (side == MP_PARTY_BOTH || party == MP_PARTY_BOTH || side == party)
        return FALSE;
    }
  return TRUE;
}

gboolean
mp_plan_is_milestone_working_day (MpPlan      *plan,
                                  MpMilestone *milestone,
                                  MpDate       date)
{
  g_return_val_if_fail (MP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (MP_IS_MILESTONE (milestone), FALSE);

  /* mp_plan_find_blackout_at covers the side's blackouts and the owners'. */
  return date != MP_DATE_NONE && !mp_date_is_weekend (date) &&
         mp_plan_find_blackout_at (plan, milestone, date) == NULL;
}

int
mp_plan_count_working_days (MpPlan  *plan,
                            MpParty  party,
                            MpDate   from,
                            MpDate   to)
{
  int n = 0;

  g_return_val_if_fail (MP_IS_PLAN (plan), 0);
  if (from == MP_DATE_NONE || to == MP_DATE_NONE)
    return 0;
  for (MpDate d = from; d <= to; d++)
    if (mp_plan_is_working_day (plan, party, d))
      n++;
  return n;
}

/* The milestones of @plan as an array and an id → index table. */
typedef struct {
  GPtrArray  *ms;     /* MpMilestone, owned refs */
  GHashTable *index;  /* id → GUINT_TO_POINTER (index + 1) */
} Graph;

static void
graph_init (Graph  *g,
            MpPlan *plan)
{
  GListModel *list = G_LIST_MODEL (mp_plan_get_milestones (plan));
  guint n = g_list_model_get_n_items (list);

  g->ms = g_ptr_array_new_full (n, g_object_unref);
  g->index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    {
      MpMilestone *m = g_list_model_get_item (list, i);

      g_ptr_array_add (g->ms, m);
      if (mp_milestone_get_id (m) != NULL)
        g_hash_table_insert (g->index, (gpointer) mp_milestone_get_id (m), GUINT_TO_POINTER (i + 1));
    }
}

static void
graph_clear (Graph *g)
{
  g_clear_pointer (&g->ms, g_ptr_array_unref);
  g_clear_pointer (&g->index, g_hash_table_unref);
}

/* The index of @id, or -1. */
static int
graph_find (Graph      *g,
            const char *id)
{
  gpointer v = id ? g_hash_table_lookup (g->index, id) : NULL;

  return v ? (int) GPOINTER_TO_UINT (v) - 1 : -1;
}

static int
graph_index_of (Graph       *g,
                MpMilestone *m)
{
  int i = graph_find (g, mp_milestone_get_id (m));

  return i >= 0 && g_ptr_array_index (g->ms, i) == m ? i : -1;
}

static MpMilestone *
graph_get (Graph *g,
           int    i)
{
  return g_ptr_array_index (g->ms, i);
}

gboolean
mp_plan_depends_on (MpPlan      *plan,
                    MpMilestone *milestone,
                    MpMilestone *on)
{
  Graph g;
  g_autofree gboolean *seen = NULL;
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));
  int start, goal;
  gboolean found = FALSE;

  g_return_val_if_fail (MP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (MP_IS_MILESTONE (milestone), FALSE);
  g_return_val_if_fail (MP_IS_MILESTONE (on), FALSE);

  graph_init (&g, plan);
  start = graph_index_of (&g, milestone);
  goal = graph_index_of (&g, on);
  if (start < 0 || goal < 0)
    {
      graph_clear (&g);
      return FALSE;
    }
  seen = g_new0 (gboolean, g.ms->len);
  g_array_append_val (stack, start);
  while (stack->len > 0 && !found)
    {
      int v = g_array_index (stack, int, stack->len - 1);
      const char * const *deps = mp_milestone_get_depends_on (graph_get (&g, v));

      g_array_set_size (stack, stack->len - 1);
      for (guint j = 0; deps && deps[j]; j++)
        {
          int p = graph_find (&g, deps[j]);

          if (p < 0)
            continue;
          if (p == goal)
            {
              found = TRUE;
              break;
            }
          if (!seen[p])
            {
              seen[p] = TRUE;
              g_array_append_val (stack, p);
            }
        }
    }
  graph_clear (&g);
  return found;
}

static gboolean
date_in_calendar (gint64 d)
{
  return d >= mp_date_from_ymd (1, 1, 1) && d <= mp_date_from_ymd (9999, 12, 31);
}

/* @date, or the nearest working day of @m from it in direction @dir;
 * @date itself when there is none within MAX_SNAP_DAYS. */
static MpDate
snap (MpPlan      *plan,
      MpMilestone *m,
      MpDate       date,
      int          dir)
{
  gint64 d = date;

  for (int i = 0; i < MAX_SNAP_DAYS && date_in_calendar (d); i++, d += dir)
    if (mp_plan_is_milestone_working_day (plan, m, (MpDate) d))
      return (MpDate) d;
  return date;
}

static char *
titles_of (Graph          *g,
           const gboolean *in_set,
           const gboolean *done)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g->ms->len; i++)
    if (in_set[i] && !done[i])
      {
        MpMilestone *m = graph_get (g, i);
        const char *t = mp_milestone_get_title (m);

        g_string_append_printf (s, "%s“%s”", s->len ? ", " : "", t && *t ? t : mp_milestone_get_id (m));
      }
  return g_string_free (s, FALSE);
}

GListStore *
mp_plan_preview_shift (MpPlan      *plan,
                       MpMilestone *milestone,
                       int          days,
                       GError     **error)
{
  g_autoptr(GListStore) result = NULL;
  Graph g;
  int root, n;
  g_autofree gboolean *in_set = NULL;  /* moves with the root */
  g_autofree gboolean *placed = NULL;  /* new dates computed */
  g_autofree int *indegree = NULL;
  g_autofree MpDate *new_due = NULL;
  g_autofree MpDate *new_start = NULL;
  g_autoptr(GPtrArray) dependents = NULL; /* per index: GArray of int */
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (int));
  guint n_in_set = 0;
  int dir = days > 0 ? 1 : -1;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (MP_IS_MILESTONE (milestone), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  result = g_list_store_new (MP_TYPE_DATE_CHANGE);
  if (days == 0)
    return g_steal_pointer (&result);

  graph_init (&g, plan);
  root = graph_index_of (&g, milestone);
  if (root < 0)
    {
      graph_clear (&g);
      g_set_error (error, MP_ERROR, MP_ERROR_INVALID,
                   _("The milestone to move is not part of this plan"));
      return NULL;
    }
  n = g.ms->len;
  in_set = g_new0 (gboolean, n);
  placed = g_new0 (gboolean, n);
  indegree = g_new0 (int, n);
  new_due = g_new0 (MpDate, n);
  new_start = g_new0 (MpDate, n);
  dependents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (int i = 0; i < n; i++)
    g_ptr_array_add (dependents, g_array_new (FALSE, FALSE, sizeof (int)));
  for (int i = 0; i < n; i++)
    {
      const char * const *deps = mp_milestone_get_depends_on (graph_get (&g, i));

      for (guint j = 0; deps && deps[j]; j++)
        {
          int p = graph_find (&g, deps[j]);
          if (p >= 0)
            g_array_append_val ((GArray *) g_ptr_array_index (dependents, p), i);
        }
    }

  /* What moves: the root and, through open milestones only, what depends on it. */
  {
    g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));

    in_set[root] = TRUE;
    n_in_set = 1;
    g_array_append_val (stack, root);
    while (stack->len > 0)
      {
        int v = g_array_index (stack, int, stack->len - 1);
        GArray *ds = g_ptr_array_index (dependents, v);

        g_array_set_size (stack, stack->len - 1);
        for (guint j = 0; j < ds->len; j++)
          {
            int d = g_array_index (ds, int, j);

            if (in_set[d] || !mp_milestone_is_open (graph_get (&g, d)))
              continue;
            in_set[d] = TRUE;
            n_in_set++;
            g_array_append_val (stack, d);
          }
      }
  }

  /* Dependency order (Kahn), lowest plan index first among the ready. */
  for (int v = 0; v < n; v++)
    if (in_set[v])
      {
        GArray *ds = g_ptr_array_index (dependents, v);
        for (guint j = 0; j < ds->len; j++)
          if (in_set[g_array_index (ds, int, j)])
            indegree[g_array_index (ds, int, j)]++;
      }
  for (;;)
    {
      int next = -1;

      for (int v = 0; v < n && next < 0; v++)
        if (in_set[v] && !placed[v] && indegree[v] == 0)
          next = v;
      if (next < 0)
        break;
      placed[next] = TRUE;
      g_array_append_val (order, next);
      {
        GArray *ds = g_ptr_array_index (dependents, next);
        for (guint j = 0; j < ds->len; j++)
          if (in_set[g_array_index (ds, int, j)])
            indegree[g_array_index (ds, int, j)]--;
      }
    }
  if (order->len < n_in_set || g_array_index (order, int, 0) != root)
    {
      g_autofree char *names = titles_of (&g, in_set, placed);

      graph_clear (&g);
      g_set_error (error, MP_ERROR, MP_ERROR_INVALID,
                   _("These milestones depend on each other in a cycle: %s. "
                     "Remove one of their dependencies, then move them again"), names);
      return NULL;
    }

  /* New dates, in dependency order. */
  for (guint k = 0; k < order->len; k++)
    {
      int v = g_array_index (order, int, k);
      MpMilestone *m = graph_get (&g, v);
      MpDate due = mp_milestone_get_due (m);
      MpDate start = mp_milestone_get_start (m);
      gint64 moved;
      int delta;

      if (v == root)
        delta = days;
      else
        {
          const char * const *deps = mp_milestone_get_depends_on (m);
          gboolean any = FALSE;

          /* The largest move of a moved predecessor. */
          delta = 0;
          for (guint j = 0; deps && deps[j]; j++)
            {
              int p = graph_find (&g, deps[j]);
              int dp;

              if (p < 0 || !in_set[p])
                continue;
              dp = (int) new_due[p] - (int) mp_milestone_get_due (graph_get (&g, p));
              if (!any || dp > delta)
                delta = dp;
              any = TRUE;
            }
        }

      moved = (gint64) due + delta;
      if (due != MP_DATE_NONE && !date_in_calendar (moved))
        {
          graph_clear (&g);
          g_set_error (error, MP_ERROR, MP_ERROR_INVALID,
                       _("Moving by %d days takes a date outside the years 1 to 9999"), days);
          return NULL;
        }
      if (due == MP_DATE_NONE || delta == 0)
        {
          new_due[v] = due;
          new_start[v] = start;
          continue;
        }

      new_due[v] = (MpDate) moved;
      if (v != root)
        {
          const char * const *deps = mp_milestone_get_depends_on (m);
          MpDate floor = MP_DATE_NONE;

          new_due[v] = snap (plan, m, new_due[v], dir);

          /* Moving earlier: not before a predecessor it was after. */
          for (guint j = 0; dir < 0 && deps && deps[j]; j++)
            {
              int p = graph_find (&g, deps[j]);
              MpMilestone *pm;
              MpDate pd;

              if (p < 0)
                continue;
              pm = graph_get (&g, p);
              if (mp_milestone_get_status (pm) == MP_STATUS_DROPPED || mp_milestone_get_due (pm) > due)
                continue;
              pd = in_set[p] ? new_due[p] : mp_milestone_get_due (pm);
              if (pd > floor)
                floor = pd;
            }
          if (floor != MP_DATE_NONE && new_due[v] < floor)
            {
              new_due[v] = snap (plan, m, floor, 1);
              if (new_due[v] > due)
                new_due[v] = due;
            }
        }
      delta = (int) new_due[v] - (int) due;
      new_start[v] = start != MP_DATE_NONE && date_in_calendar ((gint64) start + delta)
                     ? (MpDate) ((gint64) start + delta) : start;
    }

  for (guint k = 0; k < order->len; k++)
    {
      int v = g_array_index (order, int, k);
      MpMilestone *m = graph_get (&g, v);
      g_autoptr(MpDateChange) c = NULL;

      if (new_due[v] == mp_milestone_get_due (m) && new_start[v] == mp_milestone_get_start (m))
        continue;
      c = mp_date_change_new (MP_DATE_CHANGE_MOVED, mp_milestone_get_id (m), m,
                              mp_milestone_get_start (m), mp_milestone_get_due (m),
                              new_start[v], new_due[v]);
      g_list_store_append (result, c);
    }

  graph_clear (&g);
  return g_steal_pointer (&result);
}

guint
mp_document_apply_shift (MpDocument *document,
                         GListModel *changes)
{
  MpPlan *plan;
  guint n_changed = 0;

  g_return_val_if_fail (MP_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (G_IS_LIST_MODEL (changes), 0);

  plan = mp_document_get_plan (document);
  mp_document_begin (document, _("Shift with Dependents"));
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(MpDateChange) c = g_list_model_get_item (changes, i);
      MpMilestone *m = mp_date_change_get_milestone (c);
      MpDate start, due;

      if (mp_date_change_get_kind (c) != MP_DATE_CHANGE_MOVED || m == NULL ||
          mp_plan_find_milestone (plan, mp_milestone_get_id (m)) != m)
        continue;
      start = mp_date_change_get_new_start (c);
      due = mp_date_change_get_new_due (c);
      if (start == mp_milestone_get_start (m) && due == mp_milestone_get_due (m))
        continue;

      /* Keep start <= due at every step for whoever listens. */
      if (due > mp_milestone_get_due (m))
        {
          mp_document_set_date (document, MP_RECORD (m), MP_MILESTONE_DUE, due);
          mp_document_set_date (document, MP_RECORD (m), MP_MILESTONE_START, start);
        }
      else
        {
          mp_document_set_date (document, MP_RECORD (m), MP_MILESTONE_START, start);
          mp_document_set_date (document, MP_RECORD (m), MP_MILESTONE_DUE, due);
        }
      n_changed++;
    }
  mp_document_end (document);
  return n_changed;
}
