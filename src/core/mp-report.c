/* mp-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-itip.h"
#include "mp-report.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "mp-baseline-compare.h"
#include "mp-format.h"
#include "mp-health.h"
#include "mp-model.h"
#include "mp-problem.h"
#include "mp-schedule.h"

typedef struct {
  GString        *out;
  MpReportFormat  format;
  MpPlan         *plan;
  MpDate          today;
} Report;

/* The plan's text on one line, escaped for Markdown. */
static char *
esc (Report     *r,
     const char *text)
{
  GString *s = g_string_sized_new (text ? strlen (text) : 0);

  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        {
          if (s->len > 0 && s->str[s->len - 1] != ' ')
            g_string_append_c (s, ' ');
          continue;
        }
      if (r->format == MP_REPORT_MARKDOWN && strchr ("\\`*_[]<>#|~", *p) != NULL)
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static void
heading (Report     *r,
         int         level,
         const char *text)
{
  g_autofree char *t = esc (r, text);

  if (r->out->len > 0)
    g_string_append_c (r->out, '\n');
  if (r->format == MP_REPORT_MARKDOWN)
    g_string_append_printf (r->out, "%s %s\n\n", level == 1 ? "#" : "##", t);
  else
    {
      glong n = g_utf8_strlen (t, -1);

      g_string_append_printf (r->out, "%s\n", t);
      for (glong i = 0; i < n; i++)
        g_string_append_c (r->out, level == 1 ? '=' : '-');
      g_string_append (r->out, "\n\n");
    }
}

/* A line of our own words (already containing escaped plan text). */
static void
line (Report     *r,
      const char *text)
{
  g_string_append_printf (r->out, "%s\n", text);
}

/* "- LEAD: REST", LEAD in bold in Markdown. @lead is plan text (escaped
 * here); @rest is our words with the plan text already escaped. */
static void
item (Report     *r,
      const char *lead,
      const char *rest)
{
  g_autofree char *l = esc (r, lead);

  if (r->format == MP_REPORT_MARKDOWN)
    g_string_append_printf (r->out, "- **%s**%s\n", l, rest ? rest : "");
  else
    g_string_append_printf (r->out, "- %s%s\n", l, rest ? rest : "");
}

/* "- LABEL: VALUE" for the summary, LABEL in bold in Markdown. */
static void
fact (Report     *r,
      const char *label,
      const char *value)
{
  if (r->format == MP_REPORT_MARKDOWN)
    g_string_append_printf (r->out, "- **%s:** %s\n", label, value);
  else
    g_string_append_printf (r->out, "- %s: %s\n", label, value);
}

static const char *
title_of (MpMilestone *m)
{
  const char *t = mp_milestone_get_title (m);

  return t && *t ? t : mp_milestone_get_id (m);
}

/* "Lena Ortiz (ACME Corp)", escaped. */
static char *
person (Report     *r,
        const char *id)
{
  MpParticipant *p = mp_plan_find_participant (r->plan, id);
  const char *org;
  g_autofree char *name = NULL;
  g_autofree char *o = NULL;

  if (p == NULL)
    return esc (r, id);
  name = esc (r, mp_participant_get_name (p));
  org = mp_participant_get_organization (p);
  o = esc (r, org && *org ? org : mp_format_side (mp_participant_get_side (p)));
  /* Translators: a person and their organisation: "Lena Ortiz (ACME Corp)". */
  return g_strdup_printf (_("%s (%s)"), name, o);
}

/* ". Owner: …" / ". Owners: …, …" / ". No owner yet" */
static char *
owners_sentence (Report             *r,
                 const char * const *owners)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint n = owners ? g_strv_length ((char **) owners) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *p = person (r, owners[i]);

      if (i > 0)
        /* Translators: between the names of several owners. */
        g_string_append (s, _(", "));
      g_string_append (s, p);
    }
  if (n == 0)
    return g_strdup (_(". No owner yet"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, ". Owner: %s", ". Owners: %s", n), s->str);
}

/* "3 days late", "today", "in 5 days" relative to today. */
static char *
relative_days (int days)
{
  if (days == 0)
    return g_strdup (_("today"));
  if (days == 1)
    return g_strdup (_("tomorrow"));
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", days), days);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", -days), -days);
}

gboolean
mp_report_format_from_string (const char     *name,
                              MpReportFormat *format)
{
  MpReportFormat f;

  if (g_strcmp0 (name, "markdown") == 0)
    f = MP_REPORT_MARKDOWN;
  else if (g_strcmp0 (name, "text") == 0)
    f = MP_REPORT_TEXT;
  else
    return FALSE;
  if (format != NULL)
    *format = f;
  return TRUE;
}

MpDate
mp_report_default_since (MpPlan *plan,
                         MpDate  today)
{
  MpReporting *rep;
  int weeks = 2;

  g_return_val_if_fail (MP_IS_PLAN (plan), MP_DATE_NONE);

  rep = mp_plan_get_reporting (plan);
  if (rep != NULL && mp_reporting_get_every_weeks (rep) >= 1)
    weeks = mp_reporting_get_every_weeks (rep);
  if (today == MP_DATE_NONE || today <= (MpDate) weeks * 7)
    return MP_DATE_NONE;
  return today - (MpDate) weeks * 7;
}

static void
summary (Report       *r,
         MpPlanHealth *h)
{
  g_autofree char *today = mp_format_date_long (r->today);
  g_autofree char *as_of = g_strdup_printf (_("As of %s."), today);

  line (r, as_of);
  g_string_append_c (r->out, '\n');

  if (h->n_milestones == 0)
    fact (r, _("Progress"), _("no milestones yet"));
  else
    {
      g_autofree char *v = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u of %u milestone done (%d%%)",
                                                         "%u of %u milestones done (%d%%)",
                                                         h->n_milestones),
                                            h->n_done, h->n_milestones, h->percent_done);
      fact (r, _("Progress"), v);
    }

  if (h->target == MP_DATE_NONE)
    fact (r, _("Target"), _("none set"));
  else
    {
      g_autofree char *t = mp_format_date (h->target);
      g_autofree char *rel = relative_days (h->days_to_target);
      /* Translators: the target date and how far away it is: "30 Apr 2027, in 60 days". */
      g_autofree char *v = g_strdup_printf (_("%s, %s"), t, rel);

      fact (r, _("Target"), v);
    }

  if (h->has_buffer)
    {
      g_autofree char *last = mp_format_date (h->last_due);
      g_autofree char *v = NULL;

      if (h->buffer_left < 0)
        v = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "none: the last milestone is due %s, %d day after the target",
                                          "none: the last milestone is due %s, %d days after the target",
                                          -h->buffer_left),
                             last, -h->buffer_left);
      else if (h->buffer_days > 0)
        v = g_strdup_printf (h->buffer_short
                             /* Translators: "3 days after the last milestone (due 27 Apr 2027); the plan wants 10: too little" */
                             ? g_dngettext (GETTEXT_PACKAGE,
                                            "%d day after the last milestone (due %s); the plan wants %d: too little",
                                            "%d days after the last milestone (due %s); the plan wants %d: too little",
                                            h->buffer_left)
                             : g_dngettext (GETTEXT_PACKAGE,
                                            "%d day after the last milestone (due %s); the plan wants %d",
                                            "%d days after the last milestone (due %s); the plan wants %d",
                                            h->buffer_left),
                             h->buffer_left, last, h->buffer_days);
      else
        v = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%d day after the last milestone (due %s)",
                                          "%d days after the last milestone (due %s)",
                                          h->buffer_left),
                             h->buffer_left, last);
      {
        MpMilestone *lm = mp_plan_find_last_milestone (r->plan);
        int late = lm ? mp_milestone_get_days_late (lm, r->today) : 0;

        if (late > 0)
          {
            /* Translators: appended to the buffer when the last milestone is overdue. */
            char *w = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, but that milestone is %d day late",
                                                    "%s, but that milestone is %d days late", late), v, late);
            g_free (v);
            v = w;
          }
      }
      fact (r, _("Buffer"), v);
    }
}

static void
section_done (Report *r,
              MpDate  since)
{
  GListModel *ms = G_LIST_MODEL (mp_plan_get_milestones (r->plan));
  g_autofree char *sd = mp_format_date (since);
  g_autofree char *title = since != MP_DATE_NONE ? g_strdup_printf (_("Done since %s"), sd)
                                                 : g_strdup (_("Done so far"));
  guint n = 0;

  heading (r, 2, title);
  for (guint i = 0; i < g_list_model_get_n_items (ms); i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, i);
      MpDate on = mp_milestone_get_completed_on (m);
      GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (m));
      g_autofree char *mt = esc (r, title_of (m));

      if (on == MP_DATE_NONE)
        on = mp_milestone_get_due (m);
      if (mp_milestone_get_status (m) == MP_STATUS_DONE &&
          (since == MP_DATE_NONE || on >= since) && on <= r->today)
        {
          g_autofree char *d = mp_format_date (on);
          g_autofree char *rest = mp_milestone_get_completed_on (m) != MP_DATE_NONE
                                  ? g_strdup_printf (_(": done on %s"), d)
                                  : g_strdup_printf (_(": done (was due %s)"), d);
          item (r, title_of (m), rest);
          n++;
        }

      /* Tasks carry no completion date: a done task counts when its due
       * date falls in the period. */
      for (guint j = 0; j < g_list_model_get_n_items (tasks); j++)
        {
          g_autoptr(MpTask) t = g_list_model_get_item (tasks, j);
          MpDate due = mp_task_get_due (t);

          if (mp_task_get_done (t) && due != MP_DATE_NONE &&
              (since == MP_DATE_NONE || due >= since) && due <= r->today)
            {
              g_autofree char *d = mp_format_date (due);
              g_autofree char *rest = g_strdup_printf (_(" (task of “%s”): done, was due %s"), mt, d);
              item (r, mp_task_get_title (t), rest);
              n++;
            }
        }
    }
  if (n == 0)
    line (r, _("Nothing was completed in this period."));
}

/* ": due Fri, 19 Mar 2027, in progress, 1 of 2 tasks done. Owner: …".
 * A milestone that starts from today to @until says so. */
static char *
step_rest (Report   *r,
           MpStep   *s,
           gboolean  late,
           MpDate    until)
{
  MpDate start = s->task ? MP_DATE_NONE : mp_milestone_get_start (s->milestone);
  g_autofree char *d = late ? mp_format_date (s->due) : mp_format_date_long (s->due);
  g_autofree char *owners = owners_sentence (r, (const char * const *) s->owners);
  g_autofree char *of = NULL;
  g_autofree char *when = NULL;
  g_autofree char *extra = NULL;
  gboolean committed = s->task == NULL && mp_milestone_get_commitment (s->milestone);

  if (s->task != NULL)
    {
      g_autofree char *mt = esc (r, title_of (s->milestone));
      of = g_strdup_printf (_(" (task of “%s”)"), mt);
    }

  if (late)
    when = g_strdup_printf (committed
                            ? g_dngettext (GETTEXT_PACKAGE, "committed for %s, %d day late",
                                           "committed for %s, %d days late", s->days_late)
                            : g_dngettext (GETTEXT_PACKAGE, "due %s, %d day late",
                                           "due %s, %d days late", s->days_late),
                            d, s->days_late);
  else if (start != MP_DATE_NONE && start >= r->today && start <= until && start < s->due)
    {
      g_autofree char *sd = mp_format_date_long (start);
      when = g_strdup_printf (committed ? _("starts %s, committed for %s") : _("starts %s, due %s"), sd, d);
    }
  else
    when = g_strdup_printf (committed ? _("committed for %s") : _("due %s"), d);

  if (s->task == NULL)
    {
      MpStatus st = mp_milestone_get_status (s->milestone);
      GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (s->milestone));
      guint nt = g_list_model_get_n_items (tasks), nd = 0;
      g_autoptr(GString) e = g_string_new (NULL);

      /* Whole phrases: lower-casing the status's name wrote German
       * nouns in lower case ("in arbeit"). */
      if (st == MP_STATUS_IN_PROGRESS)
        /* Translators: after a milestone's due date in the status report */
        g_string_append (e, _(", in progress"));
      else if (st == MP_STATUS_BLOCKED)
        /* Translators: after a milestone's due date in the status report */
        g_string_append (e, _(", blocked"));
      for (guint i = 0; i < nt; i++)
        {
          g_autoptr(MpTask) t = g_list_model_get_item (tasks, i);
          nd += mp_task_get_done (t) ? 1 : 0;
        }
      if (nt > 0)
        g_string_append_printf (e, g_dngettext (GETTEXT_PACKAGE, ", %u of %u task done",
                                                ", %u of %u tasks done", nt), nd, nt);
      extra = g_string_free (g_steal_pointer (&e), FALSE);
    }

  return g_strdup_printf ("%s: %s%s%s", of ? of : "", when, extra ? extra : "", owners);
}

static void
section_overdue (Report       *r,
                 MpPlanHealth *h)
{
  heading (r, 2, _("Overdue"));
  for (guint i = 0; i < h->overdue->len; i++)
    {
      MpStep *s = g_ptr_array_index (h->overdue, i);
      g_autofree char *rest = step_rest (r, s, TRUE, MP_DATE_NONE);

      item (r, s->task ? mp_task_get_title (s->task) : title_of (s->milestone), rest);
    }
  if (h->overdue->len == 0)
    line (r, _("Nothing is overdue."));
}

typedef struct {
  MpDate  key;   /* the date that falls in the period: due, or start */
  MpStep *step;
} Upcoming;

static int
compare_upcoming (gconstpointer a,
                  gconstpointer b)
{
  const Upcoming *x = a, *y = b;

  return x->key < y->key ? -1 : x->key > y->key;
}

static void
section_next (Report *r)
{
  MpDate until = r->today + MP_REPORT_NEXT_DAYS;
  g_autoptr(GPtrArray) due = mp_plan_collect_steps (r->plan, r->today, until, r->today);
  g_autoptr(GPtrArray) later = mp_plan_collect_steps (r->plan, until + 1, MP_DATE_NONE, r->today);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Upcoming));
  g_autofree char *u = mp_format_date (until);
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Next %d day (until %s)",
                                                         "Next %d days (until %s)",
                                                         MP_REPORT_NEXT_DAYS),
                                            MP_REPORT_NEXT_DAYS, u);

  heading (r, 2, title);
  for (guint i = 0; i < due->len; i++)
    {
      Upcoming up = { ((MpStep *) g_ptr_array_index (due, i))->due, g_ptr_array_index (due, i) };
      g_array_append_val (all, up);
    }
  /* Milestones that start in the period and end after it. */
  for (guint i = 0; i < later->len; i++)
    {
      MpStep *s = g_ptr_array_index (later, i);
      MpDate start = s->task ? MP_DATE_NONE : mp_milestone_get_start (s->milestone);

      if (start != MP_DATE_NONE && start >= r->today && start <= until)
        {
          Upcoming up = { start, s };
          g_array_append_val (all, up);
        }
    }
  g_array_sort (all, compare_upcoming); /* stable: steps keep their order */

  for (guint i = 0; i < all->len; i++)
    {
      MpStep *s = g_array_index (all, Upcoming, i).step;
      g_autofree char *rest = step_rest (r, s, FALSE, until);

      item (r, s->task ? mp_task_get_title (s->task) : title_of (s->milestone), rest);
    }
  if (all->len == 0)
    line (r, _("Nothing is due in this period."));
}

/* "19 Feb 2027 → 26 Feb 2027, 7 days later" */
static char *
moved_text (MpDate from,
            MpDate to)
{
  g_autofree char *a = mp_format_date (from);
  g_autofree char *b = mp_format_date (to);
  int d = (int) to - (int) from;

  if (from == MP_DATE_NONE)
    /* Translators: a start date that was not set before */
    return g_strdup_printf (_("none → %s"), b);
  if (to == MP_DATE_NONE)
    return g_strdup_printf (_("%s → none"), a);
  if (d > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s → %s, %d day later",
                                         "%s → %s, %d days later", d), a, b, d);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s → %s, %d day earlier",
                                       "%s → %s, %d days earlier", -d), a, b, -d);
}

static void
section_baseline (Report     *r,
                  MpBaseline *baseline)
{
  g_autoptr(GListStore) changes = NULL;
  g_autoptr(GString) added = g_string_new (NULL);
  guint n, n_listed = 0;

  if (baseline == NULL)
    {
      heading (r, 2, _("Moved dates"));
      line (r, _("No baseline has been saved, so there is nothing to compare the dates with."));
      return;
    }

  {
    const char *at = mp_baseline_get_at (baseline);
    g_autoptr(GDateTime) dt = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
    g_autofree char *when = dt ? mp_format_date (mp_date_from_ymd (g_date_time_get_year (dt),
                                                                   g_date_time_get_month (dt),
                                                                   g_date_time_get_day_of_month (dt)))
                               : NULL;
    g_autofree char *title = when
      ? g_strdup_printf (_("Moved since the baseline “%s” of %s"), mp_baseline_get_name (baseline), when)
      : g_strdup_printf (_("Moved since the baseline “%s”"), mp_baseline_get_name (baseline));

    heading (r, 2, title);
  }

  changes = mp_baseline_compare (baseline, r->plan);
  n = g_list_model_get_n_items (G_LIST_MODEL (changes));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpDateChange) c = g_list_model_get_item (G_LIST_MODEL (changes), i);
      MpMilestone *m = mp_date_change_get_milestone (c);
      const char *title = m ? title_of (m) : mp_date_change_get_milestone_id (c);
      g_autofree char *was = mp_format_date (mp_date_change_get_old_due (c));
      g_autofree char *rest = NULL;

      switch (mp_date_change_get_kind (c))
        {
        case MP_DATE_CHANGE_MOVED:
          {
            g_autoptr(GString) s = g_string_new (NULL);

            if (mp_date_change_get_old_due (c) != mp_date_change_get_new_due (c))
              {
                g_autofree char *mv = moved_text (mp_date_change_get_old_due (c), mp_date_change_get_new_due (c));
                g_string_append_printf (s, _(": due %s"), mv);
              }
            if (mp_date_change_get_old_start (c) != mp_date_change_get_new_start (c))
              {
                g_autofree char *mv = moved_text (mp_date_change_get_old_start (c), mp_date_change_get_new_start (c));
                g_string_append_printf (s, s->len ? _("; start %s") : _(": start %s"), mv);
              }
            rest = g_string_free (g_steal_pointer (&s), FALSE);
          }
          break;
        case MP_DATE_CHANGE_DROPPED:
          rest = g_strdup_printf (_(": dropped (was due %s)"), was);
          break;
        case MP_DATE_CHANGE_REMOVED:
          rest = g_strdup_printf (_(": removed from the plan (was due %s)"), was);
          break;
        case MP_DATE_CHANGE_ADDED:
        default:
          {
            g_autofree char *t = esc (r, title);
            if (added->len > 0)
              g_string_append (added, _(", "));
            g_string_append_printf (added, "“%s”", t);
          }
          continue;
        }
      item (r, title, rest);
      n_listed++;
    }
  if (added->len > 0)
    {
      g_autofree char *s = g_strdup_printf (_("- Not in the baseline: %s"), added->str);
      line (r, s);
      n_listed++;
    }
  if (n_listed == 0)
    line (r, _("No date has moved."));
}

static void
section_risks (Report       *r,
               MpPlanHealth *h)
{
  guint n = 0;

  heading (r, 2, _("Risks"));
  for (guint i = 0; i < h->at_risk->len; i++)
    {
      MpMilestoneHealth *mh = g_ptr_array_index (h->at_risk, i);

      /* What is late already is listed under Overdue, with its owners. */
      if (mh->overdue)
        continue;
      g_autofree char *reasons = g_strjoinv (_("; "), mh->reasons);
      g_autofree char *rs = esc (r, reasons);
      g_autofree char *d = mp_format_date (mp_milestone_get_due (mh->milestone));
      g_autofree char *rest = g_strdup_printf (_(" (due %s): %s"), d, rs);

      item (r, title_of (mh->milestone), rest);
      n++;
    }
  /* The warnings about the plan as a whole; those about one milestone
   * are above or under Overdue. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (h->problems)); i++)
    {
      g_autoptr(MpProblem) p = g_list_model_get_item (G_LIST_MODEL (h->problems), i);
      MpProblemKind k = mp_problem_get_kind (p);

      if (k == MP_PROBLEM_NO_CUSTOMER || k == MP_PROBLEM_NO_ORGANIZER_EMAIL ||
          k == MP_PROBLEM_TOO_MANY_MILESTONES)
        {
          g_autofree char *msg = esc (r, mp_problem_get_message (p));
          g_autofree char *s = g_strdup_printf ("- %s", msg);
          line (r, s);
          n++;
        }
    }
  if (n == 0)
    line (r, h->overdue->len > 0 ? _("No risks found beyond what is overdue.") : _("No risks found."));
}

static void
section_goals (Report *r)
{
  GListModel *gs = G_LIST_MODEL (mp_plan_get_goals (r->plan));
  guint n = 0;

  heading (r, 2, _("Open goals"));
  for (guint i = 0; i < g_list_model_get_n_items (gs); i++)
    {
      g_autoptr(MpGoal) g = g_list_model_get_item (gs, i);
      const char *measure = mp_goal_get_measure (g);
      const char * const *ids = mp_goal_get_milestones (g);
      g_autoptr(GString) rest = g_string_new (NULL);
      g_autoptr(GString) proof = g_string_new (NULL);

      if (mp_goal_get_status (g) != MP_GOAL_OPEN)
        continue;
      if (measure != NULL && *measure != '\0')
        {
          g_autofree char *me = esc (r, measure);
          g_string_append_printf (rest, ": %s", me);
        }
      for (guint j = 0; ids && ids[j]; j++)
        {
          MpMilestone *m = mp_plan_find_milestone (r->plan, ids[j]);
          g_autofree char *t = NULL;
          g_autofree char *d = NULL;

          if (m == NULL)
            continue;
          t = esc (r, title_of (m));
          d = mp_format_date (mp_milestone_get_due (m));
          if (proof->len > 0)
            g_string_append (proof, _(", "));
          if (mp_milestone_get_status (m) == MP_STATUS_DONE)
            g_string_append_printf (proof, _("“%s” (done)"), t);
          else if (mp_milestone_get_status (m) == MP_STATUS_DROPPED)
            g_string_append_printf (proof, _("“%s” (dropped)"), t);
          else
            g_string_append_printf (proof, _("“%s” (due %s)"), t, d);
        }
      if (proof->len > 0)
        g_string_append_printf (rest, rest->len ? _("; proved by %s") : _(": proved by %s"), proof->str);
      item (r, mp_goal_get_title (g), rest->str);
      n++;
    }
  if (n == 0)
    line (r, _("No open goals."));
}

static void
append_group (Report     *r,
              GString    *rest,
              const char *label,
              GPtrArray  *names)
{
  if (names->len == 0)
    return;
  g_string_append (rest, rest->len == 0 ? ": " : "; ");
  g_string_append_printf (rest, "%s ", label);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *e = esc (r, g_ptr_array_index (names, i));

      if (i > 0)
        g_string_append (rest, _(", "));
      g_string_append (rest, e);
    }
}

/* For each invited event: who accepted, declined, is tentative, has not
 * answered, and the dates proposed (mp-itip.h). Only for plans that sent
 * invitations. */
static void
section_answers (Report *r)
{
  GListModel *lists[2] = { G_LIST_MODEL (mp_plan_get_milestones (r->plan)), G_LIST_MODEL (mp_plan_get_meetings (r->plan)) };
  gboolean headed = FALSE;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(MpRecord) ev = g_list_model_get_item (lists[l], i);
        g_autoptr(MpItipSummary) sum = mp_itip_summarize (r->plan, ev);
        g_autoptr(GString) rest = g_string_new (NULL);

        if (sum == NULL)
          continue;
        if (!headed)
          heading (r, 2, _("Invitations and answers"));
        headed = TRUE;
        append_group (r, rest, _("accepted:"), sum->accepted);
        append_group (r, rest, _("declined:"), sum->declined);
        append_group (r, rest, _("tentative:"), sum->tentative);
        append_group (r, rest, _("delegated:"), sum->delegated);
        append_group (r, rest, _("not answered yet:"), sum->waiting);
        append_group (r, rest, _("proposed:"), sum->proposals);
        if (rest->len == 0)
          g_string_append_printf (rest, ": %s", _("nobody was sent it"));
        item (r, MP_IS_MILESTONE (ev) ? mp_milestone_get_title (MP_MILESTONE (ev))
                                      : mp_meeting_get_title (MP_MEETING (ev)), rest->str);
      }
}

char *
mp_report_build (MpPlan         *plan,
                 MpDate          today,
                 MpDate          since,
                 MpBaseline     *baseline,
                 MpReportFormat  format)
{
  Report r = { g_string_new (NULL), format, plan, today };
  g_autoptr(MpPlanHealth) h = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (baseline == NULL || MP_IS_BASELINE (baseline), NULL);
  g_return_val_if_fail (today != MP_DATE_NONE, NULL);

  if (since == MP_DATE_NONE)
    since = mp_report_default_since (plan, today);
  if (baseline == NULL)
    baseline = mp_plan_get_latest_baseline (plan);
  h = mp_plan_health_new (plan, today, baseline, 0);

  title = g_strdup_printf (_("Status report: %s"), mp_plan_get_title (plan));
  heading (&r, 1, title);
  summary (&r, h);
  section_done (&r, since);
  section_overdue (&r, h);
  section_next (&r);
  section_baseline (&r, baseline);
  section_risks (&r, h);
  section_goals (&r);
  section_answers (&r);
  return g_string_free (r.out, FALSE);
}
