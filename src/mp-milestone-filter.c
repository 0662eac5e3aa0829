/* mp-milestone-filter.c
 *
 * The search text is case-folded once per keystroke; each title is
 * case-folded once and kept (with the text it came from) until the title
 * changes, so a keystroke over 5,000 milestones and their tasks is a
 * string compare and a search per title. A longer text than the last
 * one only narrows: GTK then tests the shown rows alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-milestone-filter.h"
#include "mp-schedule.h"

struct _MpMilestoneFilter
{
  GObject                parent_instance;

  MpPlan                *plan;
  GtkCustomFilter       *filter;
  GtkFilterListModel    *model;

  char                  *text;
  GStrv                  words;   /* case-folded */
  MpMilestoneFilterKind  kind;
  char                  *person;
  MpDate                 today;
  GHashTable            *folded;  /* title text → case-folded text */
};

G_DEFINE_FINAL_TYPE (MpMilestoneFilter, mp_milestone_filter, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- matching ---- */

static const char *
folded (MpMilestoneFilter *self,
        const char        *text)
{
  const char *f;

  if (text == NULL)
    return "";
  f = g_hash_table_lookup (self->folded, text);
  if (f == NULL)
    {
      char *key = g_strdup (text);

      f = g_utf8_casefold (text, -1);
      g_hash_table_insert (self->folded, key, (char *) f);
    }
  return f;
}

static gboolean
text_matches (MpMilestoneFilter *self,
              const char        *title)
{
  const char *f;

  if (self->words == NULL || self->words[0] == NULL)
    return TRUE;
  f = folded (self, title);
  for (guint i = 0; self->words[i]; i++)
    if (strstr (f, self->words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
task_kind_matches (MpMilestoneFilter *self,
                   MpTask            *t)
{
  MpDate due = mp_task_get_due (t);

  switch (self->kind)
    {
    case MP_MILESTONE_FILTER_OVERDUE:
      return !mp_task_get_done (t) && due != MP_DATE_NONE && due < self->today;
    case MP_MILESTONE_FILTER_NEXT_14_DAYS:
      return !mp_task_get_done (t) && due != MP_DATE_NONE && due >= self->today && due <= self->today + 14;
    case MP_MILESTONE_FILTER_PERSON:
      return g_strcmp0 (mp_task_get_owner (t), self->person) == 0;
    case MP_MILESTONE_FILTER_ALL:
    case MP_MILESTONE_FILTER_SELLER:
    case MP_MILESTONE_FILTER_CUSTOMER:
    default:
      return FALSE;
    }
}

static gboolean
milestone_kind_matches (MpMilestoneFilter *self,
                        MpMilestone       *m)
{
  MpDate due = mp_milestone_get_due (m);
  MpParty side = mp_milestone_get_responsible (m);

  switch (self->kind)
    {
    case MP_MILESTONE_FILTER_ALL:
      return TRUE;
    case MP_MILESTONE_FILTER_OVERDUE:
      return mp_milestone_is_overdue (m, self->today);
    case MP_MILESTONE_FILTER_NEXT_14_DAYS:
      return mp_milestone_is_open (m) && due != MP_DATE_NONE && due >= self->today && due <= self->today + 14;
    case MP_MILESTONE_FILTER_SELLER:
      return side == MP_PARTY_SELLER || side == MP_PARTY_BOTH;
    case MP_MILESTONE_FILTER_CUSTOMER:
      return side == MP_PARTY_CUSTOMER || side == MP_PARTY_BOTH;
    case MP_MILESTONE_FILTER_PERSON:
      return g_strcmp0 (mp_milestone_get_seller_owner (m), self->person) == 0 ||
             g_strcmp0 (mp_milestone_get_customer_owner (m), self->person) == 0;
    default:
      return TRUE;
    }
}

gboolean
mp_milestone_filter_match (MpMilestoneFilter *self,
                           MpMilestone       *m)
{
  GListModel *tasks;
  gboolean kind_ok, text_ok;
  guint n;

  g_return_val_if_fail (MP_IS_MILESTONE_FILTER (self), TRUE);
  g_return_val_if_fail (MP_IS_MILESTONE (m), TRUE);

  kind_ok = milestone_kind_matches (self, m);
  text_ok = text_matches (self, mp_milestone_get_title (m));
  if (kind_ok && text_ok)
    return TRUE;
  /* A task that matches keeps its milestone. */
  tasks = G_LIST_MODEL (mp_milestone_get_tasks (m));
  n = g_list_model_get_n_items (tasks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpTask) t = g_list_model_get_item (tasks, i);

      if ((kind_ok || task_kind_matches (self, t)) && text_matches (self, mp_task_get_title (t)))
        return TRUE;
    }
  return FALSE;
}

gboolean
mp_milestone_filter_match_task (MpMilestoneFilter *self,
                                MpTask            *task)
{
  g_return_val_if_fail (MP_IS_MILESTONE_FILTER (self), FALSE);
  return self->words != NULL && self->words[0] != NULL && text_matches (self, mp_task_get_title (task));
}

static gboolean
filter_func (gpointer item,
             gpointer data)
{
  return mp_milestone_filter_match (data, item);
}

gboolean
mp_milestone_filter_is_empty (MpMilestoneFilter *self)
{
  g_return_val_if_fail (MP_IS_MILESTONE_FILTER (self), TRUE);
  return self->kind == MP_MILESTONE_FILTER_ALL && (self->words == NULL || self->words[0] == NULL);
}

/* After a change of the criteria: no filter at all when nothing is
 * filtered (the model passes the plan's list through). */
static void
criteria_changed (MpMilestoneFilter *self,
                  GtkFilterChange    change)
{
  if (mp_milestone_filter_is_empty (self))
    gtk_filter_list_model_set_filter (self->model, NULL);
  else if (gtk_filter_list_model_get_filter (self->model) == NULL)
    gtk_filter_list_model_set_filter (self->model, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (GTK_FILTER (self->filter), change);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- public ---- */

void
mp_milestone_filter_set_plan (MpMilestoneFilter *self,
                              MpPlan            *plan)
{
  g_return_if_fail (MP_IS_MILESTONE_FILTER (self));

  if (!g_set_object (&self->plan, plan))
    return;
  g_hash_table_remove_all (self->folded);
  gtk_filter_list_model_set_model (self->model, plan ? G_LIST_MODEL (mp_plan_get_milestones (plan)) : NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
mp_milestone_filter_set_text (MpMilestoneFilter *self,
                              const char        *text)
{
  g_autofree char *f = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_return_if_fail (MP_IS_MILESTONE_FILTER (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (text, self->text) == 0)
    return;
  /* Typing on only narrows what is shown. */
  if (self->text != NULL && g_str_has_prefix (text, self->text))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->text != NULL && g_str_has_prefix (self->text, text))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_free (self->text);
  self->text = g_strdup (text);
  f = g_utf8_casefold (text, -1);
  g_strfreev (self->words);
  self->words = g_strsplit_set (g_strstrip (f), " \t", -1);
  /* No empty words (two spaces). */
  {
    guint j = 0;
    for (guint i = 0; self->words[i]; i++)
      if (*self->words[i] != '\0')
        self->words[j++] = self->words[i];
      else
        g_free (self->words[i]);
    self->words[j] = NULL;
  }
  criteria_changed (self, change);
}

const char *
mp_milestone_filter_get_text (MpMilestoneFilter *self)
{
  g_return_val_if_fail (MP_IS_MILESTONE_FILTER (self), NULL);
  return self->text ? self->text : "";
}

void
mp_milestone_filter_set_kind (MpMilestoneFilter     *self,
                              MpMilestoneFilterKind  kind,
                              const char            *person_id)
{
  g_return_if_fail (MP_IS_MILESTONE_FILTER (self));

  if (kind != MP_MILESTONE_FILTER_PERSON)
    person_id = NULL;
  if (self->kind == kind && g_strcmp0 (self->person, person_id) == 0)
    return;
  self->kind = kind;
  g_free (self->person);
  self->person = g_strdup (person_id);
  criteria_changed (self, GTK_FILTER_CHANGE_DIFFERENT);
}

MpMilestoneFilterKind
mp_milestone_filter_get_kind (MpMilestoneFilter *self)
{
  g_return_val_if_fail (MP_IS_MILESTONE_FILTER (self), MP_MILESTONE_FILTER_ALL);
  return self->kind;
}

const char *
mp_milestone_filter_get_person (MpMilestoneFilter *self)
{
  g_return_val_if_fail (MP_IS_MILESTONE_FILTER (self), NULL);
  return self->person;
}

void
mp_milestone_filter_set_today (MpMilestoneFilter *self,
                               MpDate             today)
{
  g_return_if_fail (MP_IS_MILESTONE_FILTER (self));
  if (self->today == today)
    return;
  self->today = today;
  if (self->kind == MP_MILESTONE_FILTER_OVERDUE || self->kind == MP_MILESTONE_FILTER_NEXT_14_DAYS)
    criteria_changed (self, GTK_FILTER_CHANGE_DIFFERENT);
}

GListModel *
mp_milestone_filter_get_model (MpMilestoneFilter *self)
{
  g_return_val_if_fail (MP_IS_MILESTONE_FILTER (self), NULL);
  return G_LIST_MODEL (self->model);
}

guint
mp_milestone_filter_get_n_shown (MpMilestoneFilter *self)
{
  g_return_val_if_fail (MP_IS_MILESTONE_FILTER (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

guint
mp_milestone_filter_get_n_total (MpMilestoneFilter *self)
{
  g_return_val_if_fail (MP_IS_MILESTONE_FILTER (self), 0);
  return self->plan ? g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_milestones (self->plan))) : 0;
}

/* ---- GObject ---- */

static void
mp_milestone_filter_dispose (GObject *object)
{
  MpMilestoneFilter *self = MP_MILESTONE_FILTER (object);

  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  g_clear_object (&self->model);
  g_clear_object (&self->filter);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (mp_milestone_filter_parent_class)->dispose (object);
}

static void
mp_milestone_filter_finalize (GObject *object)
{
  MpMilestoneFilter *self = MP_MILESTONE_FILTER (object);

  g_free (self->text);
  g_strfreev (self->words);
  g_free (self->person);
  g_hash_table_unref (self->folded);
  G_OBJECT_CLASS (mp_milestone_filter_parent_class)->finalize (object);
}

static void
mp_milestone_filter_class_init (MpMilestoneFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp_milestone_filter_dispose;
  object_class->finalize = mp_milestone_filter_finalize;

  /* The criteria changed (text, kind, person, plan). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mp_milestone_filter_init (MpMilestoneFilter *self)
{
  self->today = mp_date_today ();
  self->folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->model = gtk_filter_list_model_new (NULL, NULL);
}

MpMilestoneFilter *
mp_milestone_filter_new (void)
{
  return g_object_new (MP_TYPE_MILESTONE_FILTER, NULL);
}
