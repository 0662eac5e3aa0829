/* mp-baseline-compare.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-baseline-compare.h"

#include "mp-model.h"

MpBaseline *
mp_baseline_new_from_plan (MpPlan     *plan,
                           const char *name,
                           const char *at)
{
  g_autoptr(MpBaseline) baseline = NULL;
  g_autoptr(GPtrArray) dates = NULL;
  g_autofree char *now = NULL;
  g_auto(GValue) v = G_VALUE_INIT;
  GListModel *ms;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (name != NULL && *name != '\0', NULL);
  g_return_val_if_fail (at == NULL || mp_datetime_is_valid (at), NULL);

  baseline = mp_baseline_new ();
  mp_baseline_set_name (baseline, name);
  if (at == NULL)
    at = now = mp_datetime_now ();
  mp_baseline_set_at (baseline, at);

  dates = mp_date_map_new ();
  ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  for (guint i = 0; i < g_list_model_get_n_items (ms); i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, i);

      if (mp_milestone_get_status (m) != MP_STATUS_DROPPED)
        mp_date_map_add (dates, mp_milestone_get_id (m), mp_milestone_get_start (m),
                         mp_milestone_get_due (m));
    }
  g_value_init (&v, MP_TYPE_DATE_MAP);
  g_value_set_boxed (&v, dates);
  mp_record_set_value (MP_RECORD (baseline), MP_BASELINE_DATES, &v);
  return g_steal_pointer (&baseline);
}

MpBaseline *
mp_plan_get_latest_baseline (MpPlan *plan)
{
  GListModel *bs;
  MpBaseline *latest = NULL;
  g_autoptr(GDateTime) latest_at = NULL;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);

  bs = G_LIST_MODEL (mp_plan_get_baselines (plan));
  for (guint i = 0; i < g_list_model_get_n_items (bs); i++)
    {
      g_autoptr(MpBaseline) b = g_list_model_get_item (bs, i);
      const char *text = mp_baseline_get_at (b);
      g_autoptr(GDateTime) at = text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

      if (latest == NULL ||
          (at != NULL && (latest_at == NULL || g_date_time_compare (at, latest_at) >= 0)) ||
          (at == NULL && latest_at == NULL))
        {
          latest = b; /* the store keeps its reference */
          g_clear_pointer (&latest_at, g_date_time_unref);
          latest_at = g_steal_pointer (&at);
        }
    }
  return latest;
}

GListStore *
mp_baseline_compare (MpBaseline *baseline,
                     MpPlan     *plan)
{
  GListStore *result = g_list_store_new (MP_TYPE_DATE_CHANGE);
  MpDateMap *dates;
  GListModel *ms;

  g_return_val_if_fail (MP_IS_BASELINE (baseline), result);
  g_return_val_if_fail (MP_IS_PLAN (plan), result);

  dates = mp_baseline_get_dates (baseline);
  ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  for (guint i = 0; i < g_list_model_get_n_items (ms); i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, i);
      const char *id = mp_milestone_get_id (m);
      const MpDateMapEntry *e = mp_baseline_lookup (baseline, id);
      MpDate start = mp_milestone_get_start (m), due = mp_milestone_get_due (m);
      gboolean dropped = mp_milestone_get_status (m) == MP_STATUS_DROPPED;
      g_autoptr(MpDateChange) c = NULL;

      if (e == NULL && !dropped)
        c = mp_date_change_new (MP_DATE_CHANGE_ADDED, id, m, MP_DATE_NONE, MP_DATE_NONE, start, due);
      else if (e != NULL && dropped)
        c = mp_date_change_new (MP_DATE_CHANGE_DROPPED, id, m, e->start, e->due, start, due);
      else if (e != NULL && (e->start != start || e->due != due))
        c = mp_date_change_new (MP_DATE_CHANGE_MOVED, id, m, e->start, e->due, start, due);
      if (c != NULL)
        g_list_store_append (result, c);
    }

  for (guint i = 0; dates != NULL && i < dates->len; i++)
    {
      MpDateMapEntry *e = g_ptr_array_index (dates, i);

      if (mp_plan_find_milestone (plan, e->id) == NULL)
        {
          g_autoptr(MpDateChange) c = mp_date_change_new (MP_DATE_CHANGE_REMOVED, e->id, NULL,
                                                          e->start, e->due,
                                                          MP_DATE_NONE, MP_DATE_NONE);
          g_list_store_append (result, c);
        }
    }
  return result;
}
