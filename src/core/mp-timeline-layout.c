/* mp-timeline-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mp-timeline-layout.h"

struct _MpTimelineLayout
{
  GObject     parent_instance;

  MpPlan     *plan;
  GListModel *store;            /* the milestones shown: the plan's, or a filtered list of them */
  gulong      items_changed_id;
  GListStore *blackout_store;
  gulong      blackouts_changed_id;

  GPtrArray  *milestones;       /* MpMilestone, owned refs, list order */
  GArray     *rows;             /* MpTimelineRow */
  GArray     *milestone_row;    /* guint per milestone */
  GHashTable *expanded;         /* MpMilestone → itself, owned refs */
  GHashTable *index_of;         /* MpMilestone → its index + 1, made when first asked */

  /* Changes only mark these; the next getter rebuilds, once however
   * many changes came before it. */
  gboolean    stale;            /* the list or the blackouts changed: rebuild all */
  gboolean    rows_stale;       /* a milestone was expanded or collapsed: lay out rows */

  /* Dependencies in compressed rows: predecessors of milestone i are
   * preds[pred_start[i] .. pred_start[i + 1]), the same for dependents. */
  GArray     *pred_start;
  GArray     *preds;
  GArray     *dep_start;
  GArray     *deps;

  MpDate      first;
  MpDate      last;

  /* Blackouts sorted by start, with the latest end of each prefix, so
   * that the ones overlapping a range are found by bisection. */
  GArray     *blackouts;        /* BlackoutSpan */

  MpBaseline *baseline;         /* the one indexed below, owned ref */
  GArray     *baseline_start;   /* MpDate per milestone */
  GArray     *baseline_due;     /* MpDate per milestone, NONE = not in it */
};

typedef struct {
  MpDate start;
  MpDate end;
  MpDate max_end; /* of this one and all before it */
  guint  index;   /* in the plan's blackouts */
} BlackoutSpan;

G_DEFINE_FINAL_TYPE (MpTimelineLayout, mp_timeline_layout, G_TYPE_OBJECT)

static void ensure (MpTimelineLayout *self);
static void ensure_milestones (MpTimelineLayout *self);

static void
clear_baseline (MpTimelineLayout *self)
{
  g_clear_object (&self->baseline);
  g_array_set_size (self->baseline_start, 0);
  g_array_set_size (self->baseline_due, 0);
}

static void
widen (MpTimelineLayout *self,
       MpDate            date)
{
  if (date == MP_DATE_NONE)
    return;
  if (self->first == MP_DATE_NONE || date < self->first)
    self->first = date;
  if (self->last == MP_DATE_NONE || date > self->last)
    self->last = date;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const BlackoutSpan *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index);
}

static void
index_blackouts (MpTimelineLayout *self)
{
  GListModel *model = G_LIST_MODEL (self->blackout_store);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  MpDate max_end = MP_DATE_NONE;

  g_array_set_size (self->blackouts, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpBlackout) b = g_list_model_get_item (model, i);
      BlackoutSpan span = { mp_blackout_get_start (b), mp_blackout_get_end (b), 0, i };

      if (span.start == MP_DATE_NONE || span.end < span.start)
        continue;
      g_array_append_val (self->blackouts, span);
    }
  g_array_sort (self->blackouts, compare_spans);
  for (guint i = 0; i < self->blackouts->len; i++)
    {
      BlackoutSpan *span = &g_array_index (self->blackouts, BlackoutSpan, i);

      max_end = MAX (max_end, span->end);
      span->max_end = max_end;
    }
}

void
mp_timeline_layout_collect_blackouts (MpTimelineLayout *self,
                                      MpDate            first,
                                      MpDate            last,
                                      GArray           *indices)
{
  guint lo = 0, hi;
  guint from;

  g_return_if_fail (MP_IS_TIMELINE_LAYOUT (self));
  ensure_milestones (self);
  g_return_if_fail (indices != NULL);

  /* hi: the number of blackouts that start on or before @last */
  hi = self->blackouts->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->blackouts, BlackoutSpan, mid).start <= last)
        lo = mid + 1;
      else
        hi = mid;
    }
  /* Walk back while some blackout before may still reach @first. */
  from = lo;
  while (from > 0 && g_array_index (self->blackouts, BlackoutSpan, from - 1).max_end >= first)
    from--;
  for (guint i = from; i < lo; i++)
    {
      const BlackoutSpan *span = &g_array_index (self->blackouts, BlackoutSpan, i);

      if (span->end >= first)
        g_array_append_val (indices, span->index);
    }
}

/* The rows from the milestones and which of them are expanded. */
static void
layout_rows (MpTimelineLayout *self)
{
  self->rows_stale = FALSE;
  g_array_set_size (self->rows, 0);
  g_array_set_size (self->milestone_row, 0);
  for (guint i = 0; i < self->milestones->len; i++)
    {
      MpMilestone *m = g_ptr_array_index (self->milestones, i);
      MpTimelineRow row = { MP_TIMELINE_ROW_MILESTONE, i, -1 };
      guint row_index = self->rows->len;

      g_array_append_val (self->milestone_row, row_index);
      g_array_append_val (self->rows, row);
      if (g_hash_table_contains (self->expanded, m))
        {
          GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (m));
          guint n_tasks = tasks != NULL ? g_list_model_get_n_items (tasks) : 0;

          for (guint t = 0; t < n_tasks; t++)
            {
              MpTimelineRow task_row = { MP_TIMELINE_ROW_TASK, i, (int) t };

              g_array_append_val (self->rows, task_row);
            }
        }
    }
}

/* Brings the layout up to date with the changes marked since. */
static void
ensure (MpTimelineLayout *self)
{
  if (self->stale)
    mp_timeline_layout_rebuild (self);
  else if (self->rows_stale)
    layout_rows (self);
}

/* Only the milestones, their dependencies and dates: what does not
 * depend on which rows are expanded. Expanding or collapsing one
 * milestone after the other (the page's sync_expanded) then lays out
 * the rows once, at the next read of a row, not once per milestone. */
static void
ensure_milestones (MpTimelineLayout *self)
{
  if (self->stale)
    mp_timeline_layout_rebuild (self);
}

void
mp_timeline_layout_invalidate_rows (MpTimelineLayout *self)
{
  g_return_if_fail (MP_IS_TIMELINE_LAYOUT (self));

  self->rows_stale = TRUE;
}

void
mp_timeline_layout_rebuild (MpTimelineLayout *self)
{
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) still_there = NULL;
  g_autoptr(GArray) edges = NULL; /* pairs (predecessor, dependent) */
  GHashTableIter iter;
  gpointer key;
  guint n;

  g_return_if_fail (MP_IS_TIMELINE_LAYOUT (self));

  self->stale = FALSE;
  g_clear_pointer (&self->index_of, g_hash_table_unref);
  g_ptr_array_set_size (self->milestones, 0);
  g_array_set_size (self->pred_start, 0);
  g_array_set_size (self->preds, 0);
  g_array_set_size (self->dep_start, 0);
  g_array_set_size (self->deps, 0);
  clear_baseline (self);
  self->first = self->last = MP_DATE_NONE;

  index_blackouts (self);
  widen (self, mp_plan_get_start (self->plan));
  widen (self, mp_plan_get_target (self->plan));

  n = g_list_model_get_n_items (self->store);
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  still_there = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      MpMilestone *m = g_list_model_get_item (self->store, i);
      const char *id = mp_milestone_get_id (m);

      g_ptr_array_add (self->milestones, m); /* takes the reference */
      if (id != NULL)
        g_hash_table_insert (by_id, (gpointer) id, GUINT_TO_POINTER (i));
      g_hash_table_add (still_there, m);
    }

  /* Forget expanded milestones that left the plan. */
  g_hash_table_iter_init (&iter, self->expanded);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (still_there, key))
      g_hash_table_iter_remove (&iter);

  edges = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n; i++)
    {
      MpMilestone *m = g_ptr_array_index (self->milestones, i);
      GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (m));
      guint n_tasks = tasks != NULL ? g_list_model_get_n_items (tasks) : 0;
      const char * const *depends = mp_milestone_get_depends_on (m);

      widen (self, mp_milestone_get_start (m));
      widen (self, mp_milestone_get_due (m));

      for (guint t = 0; t < n_tasks; t++)
        {
          g_autoptr(MpTask) task = g_list_model_get_item (tasks, t);

          widen (self, mp_task_get_due (task));
        }

      for (guint d = 0; depends != NULL && depends[d] != NULL; d++)
        {
          gpointer value;

          if (g_hash_table_lookup_extended (by_id, depends[d], NULL, &value))
            {
              guint pair[2] = { GPOINTER_TO_UINT (value), i };

              g_array_append_vals (edges, pair, 2);
            }
        }
    }

  /* Counting sort of the edges into both directions. */
  g_array_set_size (self->pred_start, n + 1);
  g_array_set_size (self->dep_start, n + 1);
  memset (self->pred_start->data, 0, sizeof (guint) * (n + 1));
  memset (self->dep_start->data, 0, sizeof (guint) * (n + 1));
  for (guint e = 0; e < edges->len; e += 2)
    {
      g_array_index (self->dep_start, guint, g_array_index (edges, guint, e) + 1)++;
      g_array_index (self->pred_start, guint, g_array_index (edges, guint, e + 1) + 1)++;
    }
  for (guint i = 0; i < n; i++)
    {
      g_array_index (self->dep_start, guint, i + 1) += g_array_index (self->dep_start, guint, i);
      g_array_index (self->pred_start, guint, i + 1) += g_array_index (self->pred_start, guint, i);
    }
  g_array_set_size (self->preds, edges->len / 2);
  g_array_set_size (self->deps, edges->len / 2);
  {
    g_autofree guint *fill_pred = g_new0 (guint, n + 1);
    g_autofree guint *fill_dep = g_new0 (guint, n + 1);

    for (guint e = 0; e < edges->len; e += 2)
      {
        guint p = g_array_index (edges, guint, e);
        guint d = g_array_index (edges, guint, e + 1);

        g_array_index (self->deps, guint, g_array_index (self->dep_start, guint, p) + fill_dep[p]++) = d;
        g_array_index (self->preds, guint, g_array_index (self->pred_start, guint, d) + fill_pred[d]++) = p;
      }
  }
  layout_rows (self);
}

static void
on_items_changed (GListModel       *model,
                  guint             position,
                  guint             removed,
                  guint             added,
                  MpTimelineLayout *self)
{
  self->stale = TRUE;
}

static void
mp_timeline_layout_dispose (GObject *object)
{
  MpTimelineLayout *self = MP_TIMELINE_LAYOUT (object);

  g_clear_signal_handler (&self->items_changed_id, self->store);
  g_clear_signal_handler (&self->blackouts_changed_id, self->blackout_store);
  g_clear_object (&self->blackout_store);
  g_clear_object (&self->store);
  g_clear_object (&self->plan);
  g_clear_object (&self->baseline);
  g_clear_pointer (&self->index_of, g_hash_table_unref);
  if (self->milestones != NULL)
    g_ptr_array_set_size (self->milestones, 0);
  if (self->expanded != NULL)
    g_hash_table_remove_all (self->expanded);

  G_OBJECT_CLASS (mp_timeline_layout_parent_class)->dispose (object);
}

static void
mp_timeline_layout_finalize (GObject *object)
{
  MpTimelineLayout *self = MP_TIMELINE_LAYOUT (object);

  g_clear_pointer (&self->milestones, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->milestone_row, g_array_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->index_of, g_hash_table_unref);
  g_clear_pointer (&self->pred_start, g_array_unref);
  g_clear_pointer (&self->preds, g_array_unref);
  g_clear_pointer (&self->dep_start, g_array_unref);
  g_clear_pointer (&self->deps, g_array_unref);
  g_clear_pointer (&self->blackouts, g_array_unref);
  g_clear_pointer (&self->baseline_start, g_array_unref);
  g_clear_pointer (&self->baseline_due, g_array_unref);

  G_OBJECT_CLASS (mp_timeline_layout_parent_class)->finalize (object);
}

static void
mp_timeline_layout_class_init (MpTimelineLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp_timeline_layout_dispose;
  object_class->finalize = mp_timeline_layout_finalize;
}

static void
mp_timeline_layout_init (MpTimelineLayout *self)
{
  self->milestones = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_array_new (FALSE, FALSE, sizeof (MpTimelineRow));
  self->milestone_row = g_array_new (FALSE, FALSE, sizeof (guint));
  self->expanded = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->pred_start = g_array_new (FALSE, TRUE, sizeof (guint));
  self->preds = g_array_new (FALSE, FALSE, sizeof (guint));
  self->dep_start = g_array_new (FALSE, TRUE, sizeof (guint));
  self->deps = g_array_new (FALSE, FALSE, sizeof (guint));
  self->blackouts = g_array_new (FALSE, FALSE, sizeof (BlackoutSpan));
  self->baseline_start = g_array_new (FALSE, FALSE, sizeof (MpDate));
  self->baseline_due = g_array_new (FALSE, FALSE, sizeof (MpDate));
}

/* The milestones to lay out: @milestones (a filtered list of the plan's,
 * in plan order), or the plan's own with NULL. */
void
mp_timeline_layout_set_milestones (MpTimelineLayout *self,
                                   GListModel       *milestones)
{
  g_return_if_fail (MP_IS_TIMELINE_LAYOUT (self));
  g_return_if_fail (milestones == NULL || G_IS_LIST_MODEL (milestones));

  if (milestones == NULL)
    milestones = G_LIST_MODEL (mp_plan_get_milestones (self->plan));
  if (milestones == self->store)
    return;
  g_clear_signal_handler (&self->items_changed_id, self->store);
  g_set_object (&self->store, milestones);
  self->items_changed_id = g_signal_connect (self->store, "items-changed", G_CALLBACK (on_items_changed), self);
  mp_timeline_layout_rebuild (self);
}

MpTimelineLayout *
mp_timeline_layout_new (MpPlan *plan)
{
  MpTimelineLayout *self;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);

  self = g_object_new (MP_TYPE_TIMELINE_LAYOUT, NULL);
  self->plan = g_object_ref (plan);
  self->store = g_object_ref (G_LIST_MODEL (mp_plan_get_milestones (plan)));
  self->items_changed_id = g_signal_connect (self->store, "items-changed",
                                             G_CALLBACK (on_items_changed), self);
  self->blackout_store = g_object_ref (mp_plan_get_blackouts (plan));
  self->blackouts_changed_id = g_signal_connect (self->blackout_store, "items-changed",
                                                 G_CALLBACK (on_items_changed), self);
  mp_timeline_layout_rebuild (self);
  return self;
}

MpPlan *
mp_timeline_layout_get_plan (MpTimelineLayout *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE_LAYOUT (self), NULL);

  return self->plan;
}

guint
mp_timeline_layout_get_n_rows (MpTimelineLayout *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE_LAYOUT (self), 0);
  ensure (self);

  return self->rows->len;
}

const MpTimelineRow *
mp_timeline_layout_get_row (MpTimelineLayout *self,
                            guint             row)
{
  g_return_val_if_fail (MP_IS_TIMELINE_LAYOUT (self), NULL);
  ensure (self);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return &g_array_index (self->rows, MpTimelineRow, row);
}

guint
mp_timeline_layout_get_milestone_row (MpTimelineLayout *self,
                                      guint             milestone)
{
  g_return_val_if_fail (MP_IS_TIMELINE_LAYOUT (self), 0);
  ensure (self);
  g_return_val_if_fail (milestone < self->milestone_row->len, 0);

  return g_array_index (self->milestone_row, guint, milestone);
}

guint
mp_timeline_layout_get_n_milestones (MpTimelineLayout *self)
{
  g_return_val_if_fail (MP_IS_TIMELINE_LAYOUT (self), 0);
  ensure_milestones (self);

  return self->milestones->len;
}

MpMilestone *
mp_timeline_layout_get_milestone (MpTimelineLayout *self,
                                  guint             milestone)
{
  g_return_val_if_fail (MP_IS_TIMELINE_LAYOUT (self), NULL);
  ensure_milestones (self);
  g_return_val_if_fail (milestone < self->milestones->len, NULL);

  return g_ptr_array_index (self->milestones, milestone);
}

int
mp_timeline_layout_find_milestone (MpTimelineLayout *self,
                                   MpMilestone      *milestone)
{
  guint index;

  g_return_val_if_fail (MP_IS_TIMELINE_LAYOUT (self), -1);
  ensure_milestones (self);

  /* By a table made at the first look after a rebuild: the selection
   * is looked up on every change and every selection. */
  if (self->index_of == NULL)
    {
      self->index_of = g_hash_table_new (NULL, NULL);
      for (guint i = self->milestones->len; i > 0; i--)  /* the first of duplicates wins */
        g_hash_table_insert (self->index_of, g_ptr_array_index (self->milestones, i - 1), GUINT_TO_POINTER (i));
    }
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->index_of, milestone));
  return (int) index - 1;
}

gboolean
mp_timeline_layout_get_expanded (MpTimelineLayout *self,
                                 guint             milestone)
{
  g_return_val_if_fail (MP_IS_TIMELINE_LAYOUT (self), FALSE);
  ensure_milestones (self);
  g_return_val_if_fail (milestone < self->milestones->len, FALSE);

  return g_hash_table_contains (self->expanded, g_ptr_array_index (self->milestones, milestone));
}

void
mp_timeline_layout_set_expanded (MpTimelineLayout *self,
                                 guint             milestone,
                                 gboolean          expanded)
{
  MpMilestone *m;

  g_return_if_fail (MP_IS_TIMELINE_LAYOUT (self));
  ensure_milestones (self);
  g_return_if_fail (milestone < self->milestones->len);

  m = g_ptr_array_index (self->milestones, milestone);
  if (!!expanded == g_hash_table_contains (self->expanded, m))
    return;
  if (expanded)
    g_hash_table_add (self->expanded, g_object_ref (m));
  else
    g_hash_table_remove (self->expanded, m);
  self->rows_stale = TRUE;
}

const guint *
mp_timeline_layout_get_predecessors (MpTimelineLayout *self,
                                     guint             milestone,
                                     guint            *n)
{
  guint from, to;

  g_return_val_if_fail (MP_IS_TIMELINE_LAYOUT (self), NULL);
  ensure_milestones (self);
  g_return_val_if_fail (milestone < self->milestones->len, NULL);

  from = g_array_index (self->pred_start, guint, milestone);
  to = g_array_index (self->pred_start, guint, milestone + 1);
  *n = to - from;
  return to > from ? &g_array_index (self->preds, guint, from) : NULL;
}

const guint *
mp_timeline_layout_get_dependents (MpTimelineLayout *self,
                                   guint             milestone,
                                   guint            *n)
{
  guint from, to;

  g_return_val_if_fail (MP_IS_TIMELINE_LAYOUT (self), NULL);
  ensure_milestones (self);
  g_return_val_if_fail (milestone < self->milestones->len, NULL);

  from = g_array_index (self->dep_start, guint, milestone);
  to = g_array_index (self->dep_start, guint, milestone + 1);
  *n = to - from;
  return to > from ? &g_array_index (self->deps, guint, from) : NULL;
}

gboolean
mp_timeline_layout_get_date_range (MpTimelineLayout *self,
                                   MpDate           *first,
                                   MpDate           *last)
{
  g_return_val_if_fail (MP_IS_TIMELINE_LAYOUT (self), FALSE);
  ensure_milestones (self);

  if (first != NULL)
    *first = self->first;
  if (last != NULL)
    *last = self->last;
  return self->first != MP_DATE_NONE;
}

static void
index_baseline (MpTimelineLayout *self,
                MpBaseline       *baseline)
{
  MpDateMap *map = mp_baseline_get_dates (baseline);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = self->milestones->len;

  clear_baseline (self);
  self->baseline = g_object_ref (baseline);
  g_array_set_size (self->baseline_start, n);
  g_array_set_size (self->baseline_due, n);
  for (guint i = 0; i < n; i++)
    {
      const char *id = mp_milestone_get_id (g_ptr_array_index (self->milestones, i));

      g_array_index (self->baseline_start, MpDate, i) = MP_DATE_NONE;
      g_array_index (self->baseline_due, MpDate, i) = MP_DATE_NONE;
      if (id != NULL)
        g_hash_table_insert (by_id, (gpointer) id, GUINT_TO_POINTER (i));
    }
  for (guint e = 0; map != NULL && e < map->len; e++)
    {
      const MpDateMapEntry *entry = g_ptr_array_index (map, e);
      gpointer value;

      if (entry->id != NULL &&
          g_hash_table_lookup_extended (by_id, entry->id, NULL, &value))
        {
          guint i = GPOINTER_TO_UINT (value);

          g_array_index (self->baseline_start, MpDate, i) = entry->start;
          g_array_index (self->baseline_due, MpDate, i) = entry->due;
        }
    }
}

gboolean
mp_timeline_layout_get_baseline_dates (MpTimelineLayout *self,
                                       MpBaseline       *baseline,
                                       guint             milestone,
                                       MpDate           *start,
                                       MpDate           *due)
{
  MpDate d;

  g_return_val_if_fail (MP_IS_TIMELINE_LAYOUT (self), FALSE);
  ensure_milestones (self);
  g_return_val_if_fail (MP_IS_BASELINE (baseline), FALSE);

  if (milestone >= self->milestones->len)
    return FALSE;
  if (baseline != self->baseline)
    index_baseline (self, baseline);

  d = g_array_index (self->baseline_due, MpDate, milestone);
  if (d == MP_DATE_NONE)
    return FALSE;
  if (start != NULL)
    *start = g_array_index (self->baseline_start, MpDate, milestone);
  if (due != NULL)
    *due = d;
  return TRUE;
}
