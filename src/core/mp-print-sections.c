/* mp-print-sections.c: what the printed sections say
 *
 * The plan on a page, the milestones table and the changes, built as
 * blocks (mp-print-private.h) that mp-print.c places on pages. Headings
 * are the app's words; the plan's own text is escaped, never translated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-itip.h"
#include "mp-print-private.h"

#include <glib/gi18n-lib.h>

#include "mp-baseline-compare.h"
#include "mp-format.h"
#include "mp-health.h"
#include "mp-problem.h"

static void
fact_add (MpPrintJob *self,
          GArray     *facts,
          double      width,
          const char *label,
          const char *value,
          const char *sub_markup,
          double      progress)
{
  Fact f = { 0 };
  g_autofree char *l = mp_print_esc (label);
  g_autofree char *v = mp_print_esc (value);

  f.label = mp_print_text_new (self, ST_SMALL, l, width);
  f.value = mp_print_text_new (self, ST_FACT, v, width);
  f.sub = sub_markup != NULL ? mp_print_text_new (self, ST_TABLE, sub_markup, width) : NULL;
  f.progress = progress;
  g_array_append_val (facts, f);
}

static void
build_facts (Flow         *flow,
             MpPlanHealth *health)
{
  MpPrintJob *self = flow->self;
  MpPlan *plan = self->plan;
  Block *b = mp_print_flow_add (flow, BLOCK_FACTS);
  double cell_w = flow->width / 4.0 - 20.0;
  g_autofree char *target = NULL;
  g_autofree char *target_sub = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *done = NULL;
  g_autofree char *start = NULL;
  g_autofree char *buffer = NULL;
  g_autofree char *buffer_sub = NULL;
  double h = 0;

  b->facts = g_array_new (FALSE, TRUE, sizeof (Fact));
  b->space_before = 8.0;

  if (health->target != MP_DATE_NONE)
    {
      g_autofree char *d = mp_format_days_left (health->days_to_target);

      target = mp_format_date (health->target);
      target_sub = health->days_to_target < 0
                   ? g_markup_printf_escaped ("<span foreground=\"" MARKUP_WARN "\">%s</span>", d)
                   : mp_print_esc (d);
    }
  fact_add (self, b->facts, cell_w, _("Target date"), target != NULL ? target : _("Not set"),
            target_sub, -1);

  if (health->n_milestones > 0)
    {
      g_autofree char *n = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u milestone done",
                                                         "%u of %u milestones done", health->n_milestones),
                                            health->n_done, health->n_milestones);
      g_autoptr(GString) s = g_string_new (NULL);
      guint n_late = 0;

      for (guint i = 0; i < health->overdue->len; i++)
        if (((MpStep *) g_ptr_array_index (health->overdue, i))->task == NULL)
          n_late++;
      g_string_append (s, n);
      percent = g_strdup_printf (_("%d %%"), health->percent_done);
      done = g_markup_escape_text (s->str, -1);
      if (n_late > 0)
        {
          g_autofree char *late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", n_late),
                                                   n_late);
          g_autofree char *m = g_markup_printf_escaped ("\n<span foreground=\"" MARKUP_WARN "\">%s</span>", late);
          char *both = g_strconcat (done, m, NULL);

          g_free (done);
          done = both;
        }
    }
  fact_add (self, b->facts, cell_w, _("Progress"), percent != NULL ? percent : _("No milestones yet"),
            done, health->n_milestones > 0 ? health->percent_done / 100.0 : -1);

  if (mp_plan_get_start (plan) != MP_DATE_NONE)
    start = mp_format_date (mp_plan_get_start (plan));
  fact_add (self, b->facts, cell_w, _("Plan start"), start != NULL ? start : _("Not set"), NULL, -1);

  if (health->has_buffer)
    {
      g_autofree char *planned = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day planned",
                                                               "%d days planned", health->buffer_days),
                                                  health->buffer_days);

      buffer = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", ABS (health->buffer_left)),
                                health->buffer_left);
      buffer_sub = health->buffer_short
                   ? g_markup_printf_escaped ("<span foreground=\"" MARKUP_WARN "\">%s, %s</span>", planned, _("too short"))
                   : mp_print_esc (planned);
    }
  fact_add (self, b->facts, cell_w, _("Buffer before target"), buffer != NULL ? buffer : "—", buffer_sub, -1);

  for (guint i = 0; i < b->facts->len; i++)
    {
      Fact *f = &g_array_index (b->facts, Fact, i);
      double fh = 10.0 + mp_print_layout_height (f->label) + 1.0 + mp_print_layout_height (f->value) + 1.0 +
                  (f->progress >= 0 ? 9.0 : 0.0) + (f->sub != NULL ? mp_print_layout_height (f->sub) : 0.0);

      h = MAX (h, fh);
    }
  b->height = h;
}

static char *
step_due (MpStep *step)
{
  g_autofree char *d = mp_format_date (step->due);

  if (step->days_late > 0)
    {
      g_autofree char *late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day late", "%d days late",
                                                            step->days_late), step->days_late);

      return g_markup_printf_escaped ("<span foreground=\"" MARKUP_WARN "\"><b>%s</b>\n%s</span>", d, late);
    }
  return mp_print_esc (d);
}

static void
build_steps (Flow         *flow,
             MpPlanHealth *health)
{
  MpPrintJob *self = flow->self;
  ColSpec spec[3];
  Table *t;

  spec[0] = (ColSpec) { _("Due"), 50, 90, FALSE, PANGO_ALIGN_LEFT, TRUE };
  spec[1] = (ColSpec) { _("Step"), 120, 0, TRUE, PANGO_ALIGN_LEFT };
  spec[2] = (ColSpec) { _("Owners"), 60, 170, FALSE, PANGO_ALIGN_LEFT };

  mp_print_flow_heading (flow, ST_H2, _("Next steps"), FALSE);
  if (health->overdue->len + health->next_steps->len == 0)
    {
      mp_print_flow_dim (flow, _("Nothing is open."));
      return;
    }
  t = mp_print_table_new (self, spec, 3);
  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *steps = pass == 0 ? health->overdue : health->next_steps;

      for (guint i = 0; i < steps->len; i++)
        {
          MpStep *step = g_ptr_array_index (steps, i);
          Row *r = mp_print_table_add_row (t);

          r->overdue = step->days_late > 0;
          mp_print_row_set (r, 0, step_due (step));
          if (step->task != NULL)
            mp_print_row_set (r, 1, g_markup_printf_escaped ("%s <span foreground=\"" MARKUP_DIM "\">(%s “%s”)</span>",
                                                             mp_task_get_title (step->task),
                                                             C_("task of milestone", "for"),
                                                             mp_milestone_get_title (step->milestone)));
          else
            mp_print_row_set (r, 1, mp_print_esc (mp_milestone_get_title (step->milestone)));
          {
            g_autofree char *names = mp_format_participants (self->plan, (const char * const *) step->owners);

            mp_print_row_set (r, 2, *names ? mp_print_esc (names)
                                           : g_markup_printf_escaped ("<span foreground=\"" MARKUP_WARN "\">%s</span>",
                                                                      _("No owner yet")));
          }
        }
    }
  mp_print_flow_table (flow, t);
}

static void
build_team (Flow *flow)
{
  MpPrintJob *self = flow->self;
  MpPlan *plan = self->plan;
  GListModel *people = G_LIST_MODEL (mp_plan_get_participants (plan));
  guint n = g_list_model_get_n_items (people);
  ColSpec spec[3];
  Table *tables[2];
  char *titles[2];
  guint n_tables = 0;

  spec[0] = (ColSpec) { _("Name"), 80, 190, FALSE, PANGO_ALIGN_LEFT };
  spec[1] = (ColSpec) { _("Role"), 80, 0, TRUE, PANGO_ALIGN_LEFT };
  spec[2] = (ColSpec) { _("Email"), 80, 220, FALSE, PANGO_ALIGN_LEFT, TRUE };

  mp_print_flow_heading (flow, ST_H2, _("The team"), FALSE);
  if (n == 0)
    {
      mp_print_flow_dim (flow, _("No participants yet."));
      return;
    }
  /* The customer's people first: it is their plan. Both tables have
   * the same column widths. */
  for (int side = MP_SIDE_CUSTOMER; side >= MP_SIDE_SELLER; side--)
    {
      const char *org = side == MP_SIDE_CUSTOMER ? mp_plan_get_customer (plan) : mp_plan_get_vendor (plan);
      char *title = NULL;
      Table *t = NULL;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(MpParticipant) p = g_list_model_get_item (people, i);
          const char *porg = mp_participant_get_organization (p);
          const char *role = mp_participant_get_role (p);
          g_autoptr(GString) who = g_string_new (NULL);
          g_autoptr(GString) what = g_string_new (NULL);
          Row *r;

          if ((int) mp_participant_get_side (p) != side)
            continue;
          if (t == NULL)
            {
              if (org != NULL && *org)
                title = g_strdup_printf (side == MP_SIDE_CUSTOMER ? _("Customer: %s") : _("Seller: %s"), org);
              else
                title = g_strdup (side == MP_SIDE_CUSTOMER ? _("Customer") : _("Seller"));
              titles[n_tables] = title;
              t = tables[n_tables++] = mp_print_table_new (self, spec, 3);
            }
          r = mp_print_table_add_row (t);
          {
            g_autofree char *name = mp_print_esc (mp_participant_get_name (p));

            g_string_printf (who, "<b>%s</b>", name);
          }
          if (porg != NULL && *porg && g_strcmp0 (porg, org) != 0)
            {
              g_autofree char *o = mp_print_esc (porg);

              g_string_append_printf (who, "\n<span foreground=\"" MARKUP_DIM "\">%s</span>", o);
            }
          if (role != NULL && *role)
            {
              g_autofree char *ro = mp_print_esc (role);

              g_string_append (what, ro);
            }
          if (mp_participant_get_decision_maker (p))
            g_string_append_printf (what, "%s<i>%s</i>", what->len > 0 ? "\n" : "", _("Decision maker"));
          mp_print_row_set (r, 0, g_strdup (who->str));
          mp_print_row_set (r, 1, g_strdup (what->str));
          mp_print_row_set (r, 2, mp_print_esc (mp_participant_get_email (p)));
        }
    }
  mp_print_tables_finish (flow, tables, n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      mp_print_flow_heading (flow, ST_H3, titles[i], FALSE);
      mp_print_flow_table_blocks (flow, tables[i]);
      g_free (titles[i]);
    }
}

static char *
meeting_text (MpPlan    *plan,
              MpMeeting *meeting)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *title = mp_print_esc (mp_meeting_get_title (meeting));
  g_autofree char *names = mp_format_participants (plan, mp_meeting_get_attendees (meeting));
  int every = mp_meeting_get_every_weeks (meeting);
  int minutes = -1, duration = mp_meeting_get_duration_minutes (meeting);
  MpDate date = MP_DATE_NONE;
  const char *location = mp_meeting_get_location (meeting);
  g_autofree char *when = NULL;

  g_string_append_printf (s, "<b>%s</b>", title);
  if (mp_meeting_get_start (meeting) != NULL &&
      mp_local_datetime_parse (mp_meeting_get_start (meeting), &date, &minutes))
    {
      g_autofree char *day = mp_format_date_long (date);
      g_autofree char *time = minutes >= 0 ? mp_time_format (minutes) : g_strdup ("");
      g_autofree char *rhythm = NULL;

      if (every >= 1)
        rhythm = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every week", "every %d weeks", every), every);
      else
        rhythm = g_strdup (_("once"));
      /* Translators: a meeting: "every week from Wed, 8 Sep 2027, 09:00 (30 min)" */
      when = g_strdup_printf (_("%s from %s, %s (%d min)"), rhythm, day, time, duration > 0 ? duration : 60);
      if (every >= 1 && mp_meeting_get_until (meeting) != MP_DATE_NONE)
        {
          g_autofree char *until = mp_format_date (mp_meeting_get_until (meeting));
          char *more = g_strdup_printf (_("%s, until %s"), when, until);

          g_free (when);
          when = more;
        }
      {
        g_autofree char *w = mp_print_esc (when);

        g_string_append_printf (s, ": %s", w);
      }
    }
  if (location != NULL && *location)
    {
      g_autofree char *l = mp_print_esc (location);

      g_string_append_printf (s, " · %s", l);
    }
  if (*names)
    {
      g_autofree char *n = mp_print_esc (names);

      g_string_append_printf (s, "\n<span foreground=\"" MARKUP_DIM "\">%s %s</span>", _("With"), n);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
build_cadence (Flow *flow)
{
  MpPrintJob *self = flow->self;
  MpPlan *plan = self->plan;
  GListModel *meetings = G_LIST_MODEL (mp_plan_get_meetings (plan));
  MpReporting *rep = mp_plan_get_reporting (plan);
  guint n = g_list_model_get_n_items (meetings);
  gboolean any = FALSE;

  mp_print_flow_heading (flow, ST_H2, _("How we stay in touch"), FALSE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMeeting) m = g_list_model_get_item (meetings, i);
      g_autofree char *text = meeting_text (plan, m);

      mp_print_flow_bullet (flow, text);
      any = TRUE;
    }
  if (rep != NULL && mp_reporting_get_every_weeks (rep) >= 1)
    {
      int weeks = mp_reporting_get_every_weeks (rep);
      g_autofree char *names = mp_format_participants (plan, mp_reporting_get_recipients (rep));
      g_autofree char *what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Status report every week",
                                                            "Status report every %d weeks", weeks), weeks);
      g_autofree char *markup = NULL;

      if (*names)
        {
          g_autofree char *to = g_strdup_printf (_("to %s"), names);

          markup = g_markup_printf_escaped ("<b>%s</b> %s", what, to);
        }
      else
        markup = g_markup_printf_escaped ("<b>%s</b>", what);
      mp_print_flow_bullet (flow, markup);
      any = TRUE;
    }
  if (!any)
    mp_print_flow_dim (flow, _("No meetings or status reports agreed yet."));
}

void
mp_print_build_overview (Flow *flow)
{
  MpPrintJob *self = flow->self;
  MpPlan *plan = self->plan;
  g_autoptr(MpPlanHealth) health = mp_plan_health_new (plan, self->today, self->baseline, MAX_NEXT_STEPS);
  const char *customer = mp_plan_get_customer (plan);
  const char *vendor = mp_plan_get_vendor (plan);
  const char *summary = mp_plan_get_summary (plan);
  GListModel *goals = G_LIST_MODEL (mp_plan_get_goals (plan));
  GListStore *problems = health->problems;
  guint n_problems = g_list_model_get_n_items (G_LIST_MODEL (problems));
  g_autoptr(GString) parties = g_string_new (NULL);

  mp_print_flow_text_plain (flow, ST_TITLE, mp_plan_get_title (plan), 0, 0);
  if (customer != NULL && *customer)
    {
      g_autofree char *m = g_markup_printf_escaped ("<b>%s</b> %s", _("Customer:"), customer);

      g_string_append (parties, m);
    }
  if (vendor != NULL && *vendor)
    {
      g_autofree char *m = g_markup_printf_escaped ("<b>%s</b> %s", _("Vendor:"), vendor);

      if (parties->len > 0)
        g_string_append (parties, "     ");
      g_string_append (parties, m);
    }
  if (parties->len > 0)
    mp_print_flow_text (flow, ST_BODY, parties->str, 0, 4.0);

  build_facts (flow, health);

  if (summary != NULL && *summary)
    {
      g_auto(GStrv) paras = g_strsplit (summary, "\n", -1);
      gboolean first = TRUE;

      mp_print_flow_heading (flow, ST_H2, _("Summary"), FALSE);
      for (guint i = 0; paras[i]; i++)
        if (*g_strstrip (paras[i]))
          {
            mp_print_flow_text_plain (flow, ST_BODY, paras[i], 0, first ? 0.0 : 4.0);
            first = FALSE;
          }
    }

  mp_print_flow_heading (flow, ST_H2, _("Goals"), FALSE);
  if (g_list_model_get_n_items (goals) == 0)
    mp_print_flow_dim (flow, _("No goals written down yet."));
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(MpGoal) g = g_list_model_get_item (goals, i);
      const char *measure = mp_goal_get_measure (g);
      g_autoptr(GString) s = g_string_new (NULL);
      g_autofree char *title = mp_print_esc (mp_goal_get_title (g));

      if (mp_goal_get_status (g) == MP_GOAL_DROPPED)
        g_string_append_printf (s, "<s>%s</s>", title);
      else
        g_string_append_printf (s, "<b>%s</b>", title);
      if (mp_goal_get_status (g) != MP_GOAL_OPEN)
        {
          g_autofree char *st = mp_print_esc (mp_format_goal_status (mp_goal_get_status (g)));

          g_string_append_printf (s, " <span foreground=\"" MARKUP_DIM "\">(%s)</span>", st);
        }
      if (measure != NULL && *measure)
        {
          g_autofree char *m = g_markup_printf_escaped ("\n%s %s", _("Measured by:"), measure);

          g_string_append (s, m);
        }
      mp_print_flow_bullet (flow, s->str);
    }

  build_steps (flow, health);
  build_team (flow);
  build_cadence (flow);

  if (n_problems > 0)
    {
      mp_print_flow_heading (flow, ST_H2, _("Points to watch"), FALSE);
      for (guint i = 0; i < MIN (n_problems, MAX_PROBLEMS); i++)
        {
          g_autoptr(MpProblem) p = g_list_model_get_item (G_LIST_MODEL (problems), i);
          g_autofree char *m = mp_print_esc (mp_problem_get_message (p));

          mp_print_flow_bullet (flow, m);
        }
      if (n_problems > MAX_PROBLEMS)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                                "and %u more", n_problems - MAX_PROBLEMS),
                                                   n_problems - MAX_PROBLEMS);

          mp_print_flow_dim (flow, more);
        }
    }

  /* The marks of the printed tables; the timeline pages carry the
   * chart's own legend under each chart. */
  mp_print_flow_heading (flow, ST_H2, _("Legend"), FALSE);
  {
    const MpTimelinePalette *pal = mp_timeline_palette_get (MP_TIMELINE_PALETTE_LIGHT);
    g_autoptr(GString) m = g_string_new (NULL);

    for (int party = MP_PARTY_SELLER; party <= MP_PARTY_BOTH; party++)
      {
        const MpTimelineColor *c = &pal->side[party];
        g_autofree char *name = mp_print_esc (mp_format_party (party));

        g_string_append_printf (m, "<span foreground=\"#%02x%02x%02x\">■</span> %s     ",
                                (int) (c->red * 255), (int) (c->green * 255), (int) (c->blue * 255), name);
      }
    {
      g_autofree char *rest = g_markup_printf_escaped ("<s>%s</s>     <span foreground=\"" MARKUP_WARN "\">%s</span>     %s",
                                                       _("Dropped"), _("Overdue"),
                                                       _("✓ Committed: the owner has committed to the date"));

      g_string_append (m, rest);
    }
    mp_print_flow_text (flow, ST_TABLE, m->str, 0, 0);
  }
}

/* @text with no-break spaces for its spaces. */
static char *
no_break (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (*p == ' ')
      g_string_append (s, "\u00a0");
    else
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

static gboolean
task_overdue (MpPrintJob  *self,
              MpMilestone *m,
              MpTask      *task)
{
  MpStatus status = mp_milestone_get_status (m);

  return !mp_task_get_done (task) && mp_task_get_due (task) != MP_DATE_NONE &&
         mp_task_get_due (task) < self->today &&
         status != MP_STATUS_DONE && status != MP_STATUS_DROPPED;
}

static char *
wrap_span (char       *markup,
           const char *color,
           gboolean    strike)
{
  char *s;

  if (color == NULL && !strike)
    return markup;
  s = g_strdup_printf ("%s%s%s%s%s", color ? "<span foreground=\"" : "", color ? color : "",
                       color ? "\">" : "", strike ? "<s>" : "", markup);
  g_free (markup);
  markup = g_strconcat (s, strike ? "</s>" : "", color ? "</span>" : "", NULL);
  g_free (s);
  return markup;
}

void
mp_print_build_milestones (Flow *flow)
{
  MpPrintJob *self = flow->self;
  MpPlan *plan = self->plan;
  GListModel *milestones = G_LIST_MODEL (mp_plan_get_milestones (plan));
  guint n = g_list_model_get_n_items (milestones);
  guint n_tasks = 0;
  /* The health the overview used: worked out once for the document. */
  g_autoptr(MpPlanHealth) health = mp_plan_get_health (plan, self->today, self->baseline);
  ColSpec spec[8];
  Table *t;
  guint index = 0;

  spec[0] = (ColSpec) { C_("row number", "#"), 14, 30, FALSE, PANGO_ALIGN_RIGHT, TRUE };
  spec[1] = (ColSpec) { _("Milestone"), flow->width * 0.3, 0, TRUE, PANGO_ALIGN_LEFT };
  spec[2] = (ColSpec) { _("Responsible"), 42, 72, FALSE, PANGO_ALIGN_LEFT };
  spec[3] = (ColSpec) { _("Seller owner"), 48, 82, FALSE, PANGO_ALIGN_LEFT };
  spec[4] = (ColSpec) { _("Customer owner"), 48, 82, FALSE, PANGO_ALIGN_LEFT };
  spec[5] = (ColSpec) { _("Start"), 42, 64, FALSE, PANGO_ALIGN_LEFT, TRUE };
  spec[6] = (ColSpec) { _("Due"), 42, 64, FALSE, PANGO_ALIGN_LEFT, TRUE };
  spec[7] = (ColSpec) { _("Status"), 42, 84, FALSE, PANGO_ALIGN_LEFT };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (milestones, i);

      n_tasks += g_list_model_get_n_items (G_LIST_MODEL (mp_milestone_get_tasks (m)));
    }

  mp_print_flow_heading (flow, ST_H2, _("Milestones"), TRUE);
  {
    g_autofree char *as_of = mp_format_date (self->today);
    g_autofree char *a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u milestone", "%u milestones", n), n);
    g_autofree char *b = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task", "%u tasks", n_tasks), n_tasks);
    /* Translators: "12 milestones, 30 tasks, as of 26 Nov 2026" */
    g_autofree char *line = g_strdup_printf (_("%s, %s, as of %s"), a, b, as_of);
    Block *sub = mp_print_flow_dim (flow, line);

    sub->space_before = 0;
    sub->keep_with_next = TRUE;
  }
  if (n == 0)
    {
      mp_print_flow_dim (flow, _("This plan has no milestones yet."));
      return;
    }

  t = mp_print_table_new (self, spec, 8);
  t->title_col = 1;
  t->side_col = 2;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (milestones, i);
      const MpMilestoneHealth *h = mp_plan_health_lookup (health, m);
      GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (m));
      guint nt = g_list_model_get_n_items (tasks);
      MpStatus status = mp_milestone_get_status (m);
      gboolean dropped = status == MP_STATUS_DROPPED;
      const char *dim = dropped ? MARKUP_DIM : NULL;
      Row *r = mp_print_table_add_row (t);
      g_autofree char *start = mp_format_date (mp_milestone_get_start (m));
      g_autofree char *due = mp_format_date (mp_milestone_get_due (m));
      g_autofree char *st = mp_print_esc (mp_format_status (status));

      r->index = (int) index++;
      r->overdue = h->overdue;
      r->party = (int) mp_milestone_get_responsible (m);
      r->shade = i % 2 == 1;
      mp_print_row_set (r, 0, wrap_span (g_strdup_printf ("%u", i + 1), dim, FALSE));
      mp_print_row_set (r, 1, wrap_span (g_markup_printf_escaped ("<b>%s</b>", mp_milestone_get_title (m)), dim, dropped));
      mp_print_row_set (r, 2, wrap_span (mp_print_esc (mp_format_party (mp_milestone_get_responsible (m))), dim, FALSE));
      mp_print_row_set (r, 3, wrap_span (mp_print_esc (mp_format_participant (plan, mp_milestone_get_seller_owner (m))), dim, FALSE));
      mp_print_row_set (r, 4, wrap_span (mp_print_esc (mp_format_participant (plan, mp_milestone_get_customer_owner (m))), dim, FALSE));
      mp_print_row_set (r, 5, wrap_span (mp_print_esc (start), dim, FALSE));
      if (mp_milestone_get_time (m) >= 0)
        {
          g_autofree char *time = mp_time_format (mp_milestone_get_time (m));
          char *both = g_strdup_printf ("%s\n%s", due, time);

          g_free (due);
          due = both;
        }
      if (h->overdue)
        mp_print_row_set (r, 6, g_markup_printf_escaped ("<span foreground=\"" MARKUP_WARN "\"><b>%s</b></span>", due));
      else
        mp_print_row_set (r, 6, wrap_span (mp_print_esc (due), dim, FALSE));
      {
        /* Status, overdue and commitment in one cell. */
        g_autoptr(GString) cell = g_string_new (NULL);

        if (status == MP_STATUS_BLOCKED)
          g_string_append_printf (cell, "<span foreground=\"" MARKUP_WARN "\">%s</span>", st);
        else
          g_string_append (cell, st);
        if (h->overdue)
          {
            g_autofree char *late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue %d day",
                                                                  "Overdue %d days", h->days_late), h->days_late);
            /* One line: "Overdue 3 days" does not break. */
            g_autofree char *kept = no_break (late);
            g_autofree char *l = mp_print_esc (kept);

            g_string_append_printf (cell, "\n<span foreground=\"" MARKUP_WARN "\"><b>%s</b></span>", l);
          }
        if (mp_milestone_get_commitment (m))
          {
            /* Translators: a milestone's owner has committed to its date */
            g_autofree char *c = g_markup_printf_escaped ("✓\u00a0%s", _("Committed"));

            g_string_append_printf (cell, "\n%s", c);
          }
        {
          /* The customer's answers to the invitation (mp-itip.h). */
          g_autoptr(MpItipSummary) answers = mp_itip_summarize (plan, MP_RECORD (m));

          for (guint k = 0; answers != NULL && k < answers->declined->len; k++)
            {
              /* Translators: in the printed milestone table: "Declined: Lena Ortiz: ‘…’" */
              g_autofree char *d = g_strdup_printf (_("Declined: %s"), (char *) g_ptr_array_index (answers->declined, k));
              g_autofree char *e = mp_print_esc (d);

              g_string_append_printf (cell, "\n<span foreground=\"" MARKUP_WARN "\">%s</span>", e);
            }
          for (guint k = 0; answers != NULL && k < answers->proposals->len; k++)
            {
              g_autofree char *e = mp_print_esc (g_ptr_array_index (answers->proposals, k));

              g_string_append_printf (cell, "\n%s", e);
            }
          if (answers != NULL && answers->waiting->len > 0 && status != MP_STATUS_DONE && !dropped)
            {
              g_autofree char *w = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u has not answered",
                                                                 "%u have not answered", answers->waiting->len),
                                                    answers->waiting->len);
              g_autofree char *e = mp_print_esc (w);

              g_string_append_printf (cell, "\n<span foreground=\"" MARKUP_DIM "\">%s</span>", e);
            }
        }
        mp_print_row_set (r, 7, wrap_span (g_strdup (cell->str), dim, FALSE));
      }

      for (guint k = 0; k < nt; k++)
        {
          g_autoptr(MpTask) task = g_list_model_get_item (tasks, k);
          MpParticipant *owner = mp_plan_find_participant (plan, mp_task_get_owner (task));
          gboolean late = task_overdue (self, m, task);
          g_autofree char *tdue = mp_format_date (mp_task_get_due (task));
          Row *tr = mp_print_table_add_row (t);
          const char *tdim = dropped || mp_task_get_done (task) ? MARKUP_DIM : NULL;

          tr->index = (int) index++;
          tr->shade = r->shade;
          tr->indent = TASK_INDENT;
          tr->check = mp_task_get_done (task) ? 1 : 0;
          tr->overdue = late;
          mp_print_row_set (tr, 0, g_strdup_printf ("<span foreground=\"" MARKUP_DIM "\">%u.%u</span>", i + 1, k + 1));
          mp_print_row_set (tr, 1, wrap_span (mp_print_esc (mp_task_get_title (task)), tdim, dropped));
          if (mp_task_get_owner (task) != NULL)
            mp_print_row_set (tr, owner != NULL && mp_participant_get_side (owner) == MP_SIDE_CUSTOMER ? 4 : 3,
                              wrap_span (mp_print_esc (mp_format_participant (plan, mp_task_get_owner (task))), tdim, FALSE));
          if (late)
            mp_print_row_set (tr, 6, g_markup_printf_escaped ("<span foreground=\"" MARKUP_WARN "\"><b>%s</b></span>", tdue));
          else
            mp_print_row_set (tr, 6, wrap_span (mp_print_esc (tdue), tdim, FALSE));
          mp_print_row_set (tr, 7, wrap_span (mp_print_esc (mp_task_get_done (task) ? C_("task", "Done") : C_("task", "Open")),
                                              late ? MARKUP_WARN : tdim, FALSE));
        }
    }
  self->n_table_rows = index;
  mp_print_flow_table (flow, t);
  /* A milestone stays with its first task. */
  for (guint i = flow->first; i + 1 < self->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (self->blocks, i);
      Block *next = g_ptr_array_index (self->blocks, i + 1);

      if (b->kind == BLOCK_ROW && b->table == t && next->kind == BLOCK_ROW &&
          b->row->indent == 0 && next->row->indent > 0)
        b->keep_with_next = TRUE;
    }
}

void
mp_print_build_changes (Flow *flow)
{
  MpPrintJob *self = flow->self;
  MpPlan *plan = self->plan;
  GListModel *history = G_LIST_MODEL (mp_plan_get_history (plan));
  guint n_history = g_list_model_get_n_items (history);
  ColSpec spec[4];
  ColSpec hspec[2];

  spec[0] = (ColSpec) { _("Milestone"), 110, 0, TRUE, PANGO_ALIGN_LEFT };
  spec[1] = (ColSpec) { _("Change"), 50, 110, FALSE, PANGO_ALIGN_LEFT };
  spec[2] = (ColSpec) { _("Agreed"), 60, 130, FALSE, PANGO_ALIGN_LEFT };
  spec[3] = (ColSpec) { _("Now"), 60, 130, FALSE, PANGO_ALIGN_LEFT };
  hspec[0] = (ColSpec) { _("When"), 60, 110, FALSE, PANGO_ALIGN_LEFT, TRUE };
  hspec[1] = (ColSpec) { _("What changed and why"), 120, 0, TRUE, PANGO_ALIGN_LEFT };

  mp_print_flow_heading (flow, ST_H2, _("Changes since the baseline"), TRUE);
  if (self->baseline == NULL)
    mp_print_flow_dim (flow, _("No baseline has been saved, so there is nothing to compare the dates with."));
  else
    {
      g_autoptr(GListStore) changes = mp_baseline_compare (self->baseline, plan);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (changes));
      g_autofree char *when = mp_format_datetime (mp_baseline_get_at (self->baseline));
      g_autofree char *line = g_strdup_printf (_("Baseline “%s”, saved %s"),
                                               mp_baseline_get_name (self->baseline), when);
      Block *sub = mp_print_flow_dim (flow, line);

      sub->space_before = 0;
      if (n == 0)
        mp_print_flow_dim (flow, _("No date has moved."));
      else
        {
          Table *t = mp_print_table_new (self, spec, 4);

          sub->keep_with_next = TRUE;
          for (guint i = 0; i < n; i++)
            {
              g_autoptr(MpDateChange) c = g_list_model_get_item (G_LIST_MODEL (changes), i);
              MpMilestone *m = mp_date_change_get_milestone (c);
              Row *r = mp_print_table_add_row (t);
              int days = mp_date_change_get_due_days (c);
              g_autofree char *what = NULL;

              mp_print_row_set (r, 0, g_markup_printf_escaped ("<b>%s</b>", m != NULL ? mp_milestone_get_title (m)
                                                                       : mp_date_change_get_milestone_id (c)));
              switch (mp_date_change_get_kind (c))
                {
                case MP_DATE_CHANGE_MOVED:
                  if (days != 0)
                    {
                      g_autofree char *d = g_strdup_printf (days > 0
                                                            ? g_dngettext (GETTEXT_PACKAGE, "Due %d day later",
                                                                           "Due %d days later", days)
                                                            : g_dngettext (GETTEXT_PACKAGE, "Due %d day earlier",
                                                                           "Due %d days earlier", -days),
                                                            ABS (days));

                      what = days > 0
                             ? g_markup_printf_escaped ("<span foreground=\"" MARKUP_WARN "\">%s</span>", d)
                             : mp_print_esc (d);
                    }
                  else
                    what = mp_print_esc (_("Start moved"));
                  break;
                case MP_DATE_CHANGE_ADDED:
                  what = mp_print_esc (_("Added"));
                  break;
                case MP_DATE_CHANGE_DROPPED:
                  what = mp_print_esc (_("Dropped"));
                  break;
                case MP_DATE_CHANGE_REMOVED:
                default:
                  what = mp_print_esc (_("Removed"));
                  break;
                }
              mp_print_row_set (r, 1, g_steal_pointer (&what));
              {
                g_autofree char *was = mp_format_date_range (mp_date_change_get_old_start (c), mp_date_change_get_old_due (c));
                g_autofree char *now = mp_format_date_range (mp_date_change_get_new_start (c), mp_date_change_get_new_due (c));

                mp_print_row_set (r, 2, mp_print_esc (was));
                mp_print_row_set (r, 3, mp_print_esc (now));
              }
            }
          mp_print_flow_table (flow, t);
        }
    }

  mp_print_flow_heading (flow, ST_H2, _("History"), FALSE);
  if (n_history == 0)
    mp_print_flow_dim (flow, _("Nothing has been written into the history yet."));
  else
    {
      Table *t = mp_print_table_new (self, hspec, 2);

      for (guint i = 0; i < n_history; i++)
        {
          g_autoptr(MpHistoryEntry) e = g_list_model_get_item (history, i);
          g_autofree char *at = mp_format_datetime (mp_history_entry_get_at (e));
          Row *r = mp_print_table_add_row (t);

          mp_print_row_set (r, 0, mp_print_esc (at));
          mp_print_row_set (r, 1, mp_print_esc (mp_history_entry_get_text (e)));
        }
      mp_print_flow_table (flow, t);
    }
}
