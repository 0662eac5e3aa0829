/* mp-health.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-health.h"

#include <glib/gi18n-lib.h>

#include "mp-format.h"
#include "mp-model.h"
#include "mp-problem.h"
#include "mp-schedule.h"

GType
mp_risk_flags_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GFlagsValue values[] = {
        { MP_RISK_AFTER_TARGET, "MP_RISK_AFTER_TARGET", "after-target" },
        { MP_RISK_IN_BUFFER, "MP_RISK_IN_BUFFER", "in-buffer" },
        { MP_RISK_PREDECESSOR_LATE, "MP_RISK_PREDECESSOR_LATE", "predecessor-late" },
        { MP_RISK_PREDECESSOR_AFTER, "MP_RISK_PREDECESSOR_AFTER", "predecessor-after" },
        { MP_RISK_BLACKOUT, "MP_RISK_BLACKOUT", "blackout" },
        { MP_RISK_NO_OWNER, "MP_RISK_NO_OWNER", "no-owner" },
        { 0, NULL, NULL }
      };
      g_once_init_leave (&type_id, g_flags_register_static ("MpRiskFlags", values));
    }
  return type_id;
}

static const char *
title_of (MpMilestone *m)
{
  const char *t = mp_milestone_get_title (m);

  return t && *t ? t : mp_milestone_get_id (m);
}

/* The due date @baseline agreed for @m, or MP_DATE_NONE. */
static MpDate
baseline_due (MpBaseline  *baseline,
              MpMilestone *m)
{
  const MpDateMapEntry *e;

  if (baseline == NULL)
    return MP_DATE_NONE;
  e = mp_baseline_lookup (baseline, mp_milestone_get_id (m));
  return e ? e->due : MP_DATE_NONE;
}

static char *
blackout_span (MpBlackout *b)
{
  g_autofree char *s = mp_format_date (mp_blackout_get_start (b));
  g_autofree char *e = mp_format_date (mp_blackout_get_end (b));

  if (mp_blackout_get_start (b) == mp_blackout_get_end (b))
    return g_steal_pointer (&s);
  /* Translators: a span of dates: "29 Mar 2027 – 2 Apr 2027". */
  return g_strdup_printf (_("%s – %s"), s, e);
}

/* The risks of an open milestone, and a sentence for each. */
static MpRiskFlags
compute_risks (MpPlan      *plan,
               MpMilestone *m,
               MpDate       today,
               GPtrArray   *reasons)
{
  MpRiskFlags risks = 0;
  MpDate due = mp_milestone_get_due (m);
  MpDate target = mp_plan_get_target (plan);
  int buffer = mp_plan_get_buffer_days (plan);
  const char * const *deps = mp_milestone_get_depends_on (m);
  MpBlackout *blackout;

  if (target != MP_DATE_NONE && due > target)
    {
      g_autofree char *t = mp_format_date (target);
      int n = (int) due - (int) target;

      risks |= MP_RISK_AFTER_TARGET;
      g_ptr_array_add (reasons, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "due %d day after the target date %s",
                                                              "due %d days after the target date %s", n),
                                                 n, t));
    }
  else if (target != MP_DATE_NONE && buffer > 0 && (int) (target - due) < buffer)
    {
      g_autofree char *t = mp_format_date (target);
      int n = (int) target - (int) due;

      risks |= MP_RISK_IN_BUFFER;
      if (n == 0)
        g_ptr_array_add (reasons, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "due on the target date %s, with none of the %d day of buffer left",
                                                                "due on the target date %s, with none of the %d days of buffer left",
                                                                buffer),
                                                   t, buffer));
      else
        /* Translators: "due 3 days before the target date 30 Apr 2027, inside the 10 days of buffer" */
        g_ptr_array_add (reasons, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "due %d day before the target date %s, inside the %d days of buffer",
                                                                "due %d days before the target date %s, inside the %d days of buffer",
                                                                n),
                                                   n, t, buffer));
    }

  for (guint j = 0; deps && deps[j]; j++)
    {
      MpMilestone *pre = mp_plan_find_milestone (plan, deps[j]);

      if (pre == NULL || mp_milestone_get_status (pre) == MP_STATUS_DROPPED)
        continue;
      if (mp_milestone_is_overdue (pre, today))
        {
          int late = mp_milestone_get_days_late (pre, today);

          risks |= MP_RISK_PREDECESSOR_LATE;
          g_ptr_array_add (reasons, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "waits for “%s”, which is %d day overdue",
                                                                  "waits for “%s”, which is %d days overdue", late),
                                                     title_of (pre), late));
        }
      else if (mp_milestone_get_due (pre) > due)
        {
          g_autofree char *pd = mp_format_date (mp_milestone_get_due (pre));

          risks |= MP_RISK_PREDECESSOR_AFTER;
          g_ptr_array_add (reasons, g_strdup_printf (_("waits for “%s”, which is due later (%s)"),
                                                     title_of (pre), pd));
        }
    }

  blackout = mp_plan_find_blackout_at (plan, m, due);
  if (blackout != NULL)
    {
      const char *bt = mp_blackout_get_title (blackout);
      g_autofree char *span = blackout_span (blackout);

      risks |= MP_RISK_BLACKOUT;
      g_ptr_array_add (reasons, g_strdup_printf (_("due during “%s” (%s)"),
                                                 bt && *bt ? bt : mp_blackout_get_id (blackout), span));
    }

  if (mp_milestone_lacks_owner (m))
    {
      gboolean no_seller = mp_milestone_get_responsible (m) != MP_PARTY_CUSTOMER &&
                           mp_milestone_get_seller_owner (m) == NULL;
      gboolean no_customer = mp_milestone_get_responsible (m) != MP_PARTY_SELLER &&
                             mp_milestone_get_customer_owner (m) == NULL;

      risks |= MP_RISK_NO_OWNER;
      g_ptr_array_add (reasons, g_strdup (no_seller && no_customer ? _("no owner on either side")
                                          : no_seller ? _("no owner on the seller side")
                                          : _("no owner on the customer side")));
    }
  return risks;
}

MpMilestoneHealth *
mp_milestone_health_new (MpPlan      *plan,
                         MpMilestone *milestone,
                         MpDate       today,
                         MpBaseline  *baseline)
{
  MpMilestoneHealth *h;
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  GListModel *tasks;
  MpDate target;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (MP_IS_MILESTONE (milestone), NULL);
  g_return_val_if_fail (baseline == NULL || MP_IS_BASELINE (baseline), NULL);

  h = g_new0 (MpMilestoneHealth, 1);
  h->milestone = g_object_ref (milestone);
  h->open = mp_milestone_is_open (milestone);
  h->overdue = mp_milestone_is_overdue (milestone, today);
  h->days_late = mp_milestone_get_days_late (milestone, today);

  target = mp_plan_get_target (plan);
  h->has_target = target != MP_DATE_NONE;
  h->slack = h->has_target ? (int) target - (int) mp_milestone_get_due (milestone) : 0;

  if (h->open)
    h->risks = compute_risks (plan, milestone, today, reasons);
  g_ptr_array_add (reasons, NULL);
  h->reasons = (GStrv) g_ptr_array_steal (reasons, NULL);

  tasks = G_LIST_MODEL (mp_milestone_get_tasks (milestone));
  h->tasks_total = g_list_model_get_n_items (tasks);
  for (guint i = 0; i < h->tasks_total; i++)
    {
      g_autoptr(MpTask) t = g_list_model_get_item (tasks, i);
      if (mp_task_get_done (t))
        h->tasks_done++;
    }

  h->baseline_due = baseline_due (baseline, milestone);
  h->in_baseline = h->baseline_due != MP_DATE_NONE;
  if (h->in_baseline)
    h->slip = (int) mp_milestone_get_due (milestone) - (int) h->baseline_due;
  return h;
}

void
mp_milestone_health_free (MpMilestoneHealth *health)
{
  if (health == NULL)
    return;
  g_clear_object (&health->milestone);
  g_strfreev (health->reasons);
  g_free (health);
}

void
mp_step_free (MpStep *step)
{
  if (step == NULL)
    return;
  g_clear_object (&step->milestone);
  g_clear_object (&step->task);
  g_strfreev (step->owners);
  g_free (step);
}

typedef struct {
  MpStep *step;
  guint   milestone_index;
  guint   task_index; /* 0: the milestone; task i: i + 1 */
} Sortable;

static int
compare_steps (gconstpointer a,
               gconstpointer b)
{
  const Sortable *x = a, *y = b;

  if (x->step->due != y->step->due)
    return x->step->due < y->step->due ? -1 : 1;
  if (x->milestone_index != y->milestone_index)
    return x->milestone_index < y->milestone_index ? -1 : 1;
  return x->task_index < y->task_index ? -1 : x->task_index > y->task_index;
}

static GStrv
milestone_owners (MpMilestone *m)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  MpParty resp = mp_milestone_get_responsible (m);

  if (resp != MP_PARTY_CUSTOMER && mp_milestone_get_seller_owner (m) != NULL)
    g_strv_builder_add (b, mp_milestone_get_seller_owner (m));
  if (resp != MP_PARTY_SELLER && mp_milestone_get_customer_owner (m) != NULL)
    g_strv_builder_add (b, mp_milestone_get_customer_owner (m));
  return g_strv_builder_end (b);
}

static MpStep *
step_new (MpMilestone *m,
          MpTask      *t,
          MpDate       due,
          MpDate       today)
{
  MpStep *s = g_new0 (MpStep, 1);

  s->milestone = g_object_ref (m);
  s->task = t ? g_object_ref (t) : NULL;
  s->due = due;
  if (t != NULL)
    {
      const char *owner = mp_task_get_owner (t);
      const char *list[] = { owner, NULL };

      s->owners = g_strdupv ((char **) (owner ? list : list + 1));
    }
  else
    s->owners = milestone_owners (m);
  s->days_late = today != MP_DATE_NONE && due < today ? (int) today - (int) due : 0;
  return s;
}

static gboolean
in_range (MpDate d,
          MpDate from,
          MpDate to)
{
  return (from == MP_DATE_NONE || d >= from) && (to == MP_DATE_NONE || d <= to);
}

GPtrArray *
mp_plan_collect_steps (MpPlan *plan,
                       MpDate  from,
                       MpDate  to,
                       MpDate  today)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_step_free);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Sortable));
  GListModel *ms;

  g_return_val_if_fail (MP_IS_PLAN (plan), result);

  ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  for (guint i = 0; i < g_list_model_get_n_items (ms); i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, i);
      GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (m));
      MpDate due = mp_milestone_get_due (m);

      if (!mp_milestone_is_open (m))
        continue;
      if (in_range (due, from, to))
        {
          Sortable s = { step_new (m, NULL, due, today), i, 0 };
          g_array_append_val (items, s);
        }
      for (guint j = 0; j < g_list_model_get_n_items (tasks); j++)
        {
          g_autoptr(MpTask) t = g_list_model_get_item (tasks, j);
          MpDate tdue = mp_task_get_due (t) != MP_DATE_NONE ? mp_task_get_due (t) : due;

          if (mp_task_get_done (t) || !in_range (tdue, from, to))
            continue;
          {
            Sortable s = { step_new (m, t, tdue, today), i, j + 1 };
            g_array_append_val (items, s);
          }
        }
    }
  g_array_sort (items, compare_steps);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (result, g_array_index (items, Sortable, i).step);
  return result;
}

MpMilestone *
mp_plan_find_last_milestone (MpPlan *plan)
{
  GListModel *ms;
  MpMilestone *last = NULL;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);

  ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  for (guint i = 0; i < g_list_model_get_n_items (ms); i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, i);

      if (mp_milestone_get_status (m) == MP_STATUS_DROPPED)
        continue;
      if (last == NULL || mp_milestone_get_due (m) > mp_milestone_get_due (last))
        last = m; /* the store keeps its reference */
    }
  return last;
}

/* The predecessor (not dropped) with the latest due date, first on ties. */
static MpMilestone *
driving_predecessor (MpPlan      *plan,
                     MpMilestone *m)
{
  const char * const *deps = mp_milestone_get_depends_on (m);
  MpMilestone *best = NULL;

  for (guint j = 0; deps && deps[j]; j++)
    {
      MpMilestone *p = mp_plan_find_milestone (plan, deps[j]);

      if (p == NULL || mp_milestone_get_status (p) == MP_STATUS_DROPPED)
        continue;
      if (best == NULL || mp_milestone_get_due (p) > mp_milestone_get_due (best))
        best = p;
    }
  return best;
}

/* From @last back along the driving predecessors: O(chain + its
 * dependencies), each lookup by the plan's index. */
static GPtrArray *
critical_chain (MpPlan      *plan,
                MpMilestone *last)
{
  GPtrArray *chain = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (MpMilestone *m = last;
       m != NULL && g_hash_table_add (seen, m); /* a cycle ends the walk */
       m = driving_predecessor (plan, m))
    g_ptr_array_add (chain, g_object_ref (m));
  /* Walked last to first: turn it round. */
  for (guint i = 0, j = chain->len; i + 1 < j; i++, j--)
    {
      gpointer t = chain->pdata[i];

      chain->pdata[i] = chain->pdata[j - 1];
      chain->pdata[j - 1] = t;
    }
  return chain;
}

static MpPlanHealth *
plan_health_compute (MpPlan     *plan,
                     MpDate      today,
                     MpBaseline *baseline)
{
  MpPlanHealth *h;
  GListModel *ms;
  MpMilestone *last = NULL;
  guint n;

  h = g_new0 (MpPlanHealth, 1);
  h->ref_count = 1;
  h->today = today;
  h->at_risk = g_ptr_array_new (); /* the healths belong to by_milestone */
  h->overdue_commitments = g_ptr_array_new_with_free_func (g_object_unref);
  h->by_milestone = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) mp_milestone_health_free);

  ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  n = g_list_model_get_n_items (ms);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, i);
      MpMilestoneHealth *mh = mp_milestone_health_new (plan, m, today, baseline);

      if (!g_hash_table_insert (h->by_milestone, m, mh))
        continue; /* the same milestone twice in the list: counted once */
      if (mp_milestone_get_status (m) == MP_STATUS_DROPPED)
        continue;
      h->n_milestones++;
      if (mp_milestone_get_status (m) == MP_STATUS_DONE)
        h->n_done++;
      if (mh->overdue && mp_milestone_get_commitment (m) &&
          mp_party_includes (mp_milestone_get_responsible (m), MP_SIDE_CUSTOMER))
        g_ptr_array_add (h->overdue_commitments, g_object_ref (m));
      if (mh->risks != 0)
        g_ptr_array_add (h->at_risk, mh);
      /* mp_plan_find_last_milestone (): the first with the latest due date. */
      if (last == NULL || mp_milestone_get_due (m) > mp_milestone_get_due (last))
        last = m; /* the store keeps its reference */
    }
  h->percent_done = h->n_milestones > 0 ? (int) (h->n_done * 100 / h->n_milestones) : 0;

  h->target = mp_plan_get_target (plan);
  if (h->target != MP_DATE_NONE && today != MP_DATE_NONE)
    h->days_to_target = (int) h->target - (int) today;
  h->last_due = last ? mp_milestone_get_due (last) : MP_DATE_NONE;
  h->buffer_days = mp_plan_get_buffer_days (plan);
  h->has_buffer = h->target != MP_DATE_NONE && h->last_due != MP_DATE_NONE;
  if (h->has_buffer)
    {
      h->buffer_left = (int) h->target - (int) h->last_due;
      h->buffer_short = h->buffer_left < h->buffer_days;
    }

  h->critical_chain = critical_chain (plan, last);
  /* Every open step once, sorted once: those due before today are the
   * overdue ones (longest late first), the rest the next steps. */
  {
    g_autoptr(GPtrArray) steps = mp_plan_collect_steps (plan, MP_DATE_NONE, MP_DATE_NONE, today);
    guint split = 0;

    while (today != MP_DATE_NONE && split < steps->len &&
           ((MpStep *) g_ptr_array_index (steps, split))->due < today)
      split++;
    h->overdue = g_ptr_array_new_full (split, (GDestroyNotify) mp_step_free);
    h->next_steps = g_ptr_array_new_full (steps->len - split, (GDestroyNotify) mp_step_free);
    for (guint i = 0; i < steps->len; i++)
      g_ptr_array_add (i < split ? h->overdue : h->next_steps, g_ptr_array_index (steps, i));
    g_ptr_array_set_free_func (steps, NULL); /* the two lists have them now */
  }
  h->problems = mp_plan_check (plan, today);
  return h;
}

/* The healths a plan has handed out, kept on the plan: one per day and
 * baseline asked for (a view without baseline, the report with the
 * latest), all made at the same change serial. */
#define HEALTH_CACHE_SIZE 4

typedef struct {
  guint serial;
  struct {
    MpDate        today;
    MpBaseline   *baseline; /* a reference, or NULL */
    MpPlanHealth *health;
  } entries[HEALTH_CACHE_SIZE];
  guint next;               /* the entry to replace next */
} HealthCache;

static void
health_cache_clear (HealthCache *cache)
{
  for (guint i = 0; i < HEALTH_CACHE_SIZE; i++)
    {
      g_clear_object (&cache->entries[i].baseline);
      g_clear_pointer (&cache->entries[i].health, mp_plan_health_free);
    }
  cache->next = 0;
}

static void
health_cache_free (gpointer data)
{
  health_cache_clear (data);
  g_free (data);
}

MpPlanHealth *
mp_plan_peek_health (MpPlan     *plan,
                     MpDate      today,
                     MpBaseline *baseline)
{
  HealthCache *cache;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);

  cache = g_object_get_qdata (G_OBJECT (plan), g_quark_try_string ("mp-health-cache"));
  if (cache == NULL || cache->serial != mp_record_get_change_serial ())
    return NULL;
  for (guint i = 0; i < HEALTH_CACHE_SIZE; i++)
    if (cache->entries[i].health != NULL && cache->entries[i].today == today &&
        cache->entries[i].baseline == baseline)
      return mp_plan_health_ref (cache->entries[i].health);
  return NULL;
}

MpPlanHealth *
mp_plan_get_health (MpPlan     *plan,
                    MpDate      today,
                    MpBaseline *baseline)
{
  static GQuark quark;
  HealthCache *cache;
  guint serial, slot;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (baseline == NULL || MP_IS_BASELINE (baseline), NULL);

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("mp-health-cache");
  cache = g_object_get_qdata (G_OBJECT (plan), quark);
  if (cache == NULL)
    {
      cache = g_new0 (HealthCache, 1);
      g_object_set_qdata_full (G_OBJECT (plan), quark, cache, health_cache_free);
    }

  serial = mp_record_get_change_serial ();
  if (cache->serial != serial)
    {
      health_cache_clear (cache);
      cache->serial = serial;
    }
  for (guint i = 0; i < HEALTH_CACHE_SIZE; i++)
    if (cache->entries[i].health != NULL && cache->entries[i].today == today &&
        cache->entries[i].baseline == baseline)
      return mp_plan_health_ref (cache->entries[i].health);

  slot = cache->next;
  cache->next = (cache->next + 1) % HEALTH_CACHE_SIZE;
  g_clear_object (&cache->entries[slot].baseline);
  g_clear_pointer (&cache->entries[slot].health, mp_plan_health_free);
  cache->entries[slot].today = today;
  cache->entries[slot].baseline = baseline ? g_object_ref (baseline) : NULL;
  cache->entries[slot].health = plan_health_compute (plan, today, baseline);
  /* Working it out changes nothing; should it have (a lazily made value
   * notifying), what it made still holds: take the serial as it is now. */
  cache->serial = mp_record_get_change_serial ();
  return mp_plan_health_ref (cache->entries[slot].health);
}

MpPlanHealth *
mp_plan_health_new (MpPlan     *plan,
                    MpDate      today,
                    MpBaseline *baseline,
                    guint       max_next_steps)
{
  g_autoptr(MpPlanHealth) full = NULL;
  MpPlanHealth *h;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (baseline == NULL || MP_IS_BASELINE (baseline), NULL);

  full = mp_plan_get_health (plan, today, baseline);
  if (max_next_steps == 0 || full->next_steps->len <= max_next_steps)
    return g_steal_pointer (&full);

  /* A copy of the shared one with fewer next steps: it keeps the shared
   * one, whose steps and lists it points to. */
  h = g_new (MpPlanHealth, 1);
  *h = *full;
  h->ref_count = 1;
  h->critical_chain = g_ptr_array_ref (full->critical_chain);
  h->next_steps = g_ptr_array_new ();
  for (guint i = 0; i < max_next_steps; i++)
    g_ptr_array_add (h->next_steps, g_ptr_array_index (full->next_steps, i));
  h->overdue = g_ptr_array_ref (full->overdue);
  h->overdue_commitments = g_ptr_array_ref (full->overdue_commitments);
  h->at_risk = g_ptr_array_ref (full->at_risk);
  h->problems = g_object_ref (full->problems);
  h->by_milestone = g_hash_table_ref (full->by_milestone);
  h->shared = g_steal_pointer (&full);
  return h;
}

MpPlanHealth *
mp_plan_health_ref (MpPlanHealth *health)
{
  g_return_val_if_fail (health != NULL, NULL);
  g_atomic_int_inc (&health->ref_count);
  return health;
}

void
mp_plan_health_free (MpPlanHealth *health)
{
  if (health == NULL || !g_atomic_int_dec_and_test (&health->ref_count))
    return;
  g_clear_pointer (&health->critical_chain, g_ptr_array_unref);
  g_clear_pointer (&health->next_steps, g_ptr_array_unref);
  g_clear_pointer (&health->overdue, g_ptr_array_unref);
  g_clear_pointer (&health->overdue_commitments, g_ptr_array_unref);
  g_clear_pointer (&health->at_risk, g_ptr_array_unref);
  g_clear_object (&health->problems);
  g_clear_pointer (&health->by_milestone, g_hash_table_unref);
  g_clear_pointer (&health->shared, mp_plan_health_free);
  g_free (health);
}

const MpMilestoneHealth *
mp_plan_health_lookup (MpPlanHealth *health,
                       MpMilestone  *milestone)
{
  g_return_val_if_fail (health != NULL, NULL);
  return health->by_milestone ? g_hash_table_lookup (health->by_milestone, milestone) : NULL;
}
