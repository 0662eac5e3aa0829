/* mp-html.c: the plan as one self-contained web page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-html.h"

#include <cairo.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mp-baseline-compare.h"
#include "mp-format.h"
#include "mp-health.h"
#include "mp-ical.h"
#include "mp-mail.h"
#include "mp-problem.h"
#include "mp-timeline-render.h"

#define MAX_NEXT_STEPS 6
/* The timeline's drawing size in CSS pixels; the page scales it. */
#define CHART_WIDTH    1120.0
#define CHART_LABELS   240.0
/* A longer chart would make a page of tens of megabytes; the milestones
 * table lists every row. */
#define CHART_MAX_ROWS 400

/* ---- escaping ---- */

static gboolean
char_allowed (gunichar c)
{
  if (c == '\n' || c == '\t' || c == '\r')
    return TRUE;
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
    return FALSE;
  if ((c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe)
    return FALSE;
  return TRUE;
}

void
mp_html_append_escaped (GString    *out,
                        const char *text)
{
  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        default:
          if (char_allowed (c))
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          else
            g_string_append (out, "\xef\xbf\xbd");
        }
    }
}

gboolean
mp_html_uri_is_safe (const char *uri)
{
  static const char * const schemes[] = { "https:", "http:", "mailto:" };
  gboolean scheme_ok = FALSE;

  if (uri == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_ascii_strncasecmp (uri, schemes[i], strlen (schemes[i])) == 0 && uri[strlen (schemes[i])] != '\0')
      scheme_ok = TRUE;
  if (!scheme_ok)
    return FALSE;
  for (const char *p = uri; *p; p++)
    if (g_ascii_isspace (*p) || (guchar) *p < 0x20 || *p == 0x7f)
      return FALSE;
  return g_utf8_validate (uri, -1, NULL);
}

static void
esc (GString    *out,
     const char *text)
{
  mp_html_append_escaped (out, text);
}

/* An address for href: what URIs do not allow percent-encoded, then
 * escaped for the attribute. */
static void
append_href (GString    *out,
             const char *uri)
{
  g_autofree char *encoded = g_uri_escape_string (uri, "!#$&'()*+,/:;=?@[]~%", TRUE);

  g_string_append (out, "<a href=\"");
  esc (out, encoded);
  g_string_append (out, "\" rel=\"noopener noreferrer\">");
}

/* Appends printf-formatted text, escaped. */
G_GNUC_PRINTF (2, 3)
static void
escf (GString    *out,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  esc (out, text);
}

static gsize
link_end (const char *p)
{
  gsize n = 0;

  while (p[n] && !g_ascii_isspace (p[n]) && !strchr ("<>\"'", p[n]))
    n++;
  /* A sentence's punctuation after an address is not part of it. */
  while (n > 0 && strchr (".,;:!?)]", p[n - 1]))
    n--;
  return n;
}

/* Free text: escaped, https:/http:/mailto: addresses as links, other
 * schemes (javascript:, data:) as text; line breaks kept. */
static void
append_text (GString    *out,
             const char *text)
{
  const char *p = text;

  if (text == NULL)
    return;
  while (*p)
    {
      gboolean at_word = p == text || g_ascii_isspace (p[-1]) || p[-1] == '(';

      if (at_word && (g_ascii_strncasecmp (p, "https:", 6) == 0 || g_ascii_strncasecmp (p, "http:", 5) == 0 ||
                      g_ascii_strncasecmp (p, "mailto:", 7) == 0))
        {
          gsize n = link_end (p);
          g_autofree char *uri = g_strndup (p, n);

          if (mp_html_uri_is_safe (uri))
            {
              append_href (out, uri);
              esc (out, uri);
              g_string_append (out, "</a>");
              p += n;
              continue;
            }
        }
      if (*p == '\n')
        {
          g_string_append (out, "<br>");
          p++;
          continue;
        }
      {
        const char *next = g_utf8_next_char (p);
        g_autofree char *one = g_strndup (p, next - p);

        esc (out, one);
        p = next;
      }
    }
}

/* ---- small pieces ---- */

static void
heading (GString    *out,
         int         level,
         const char *id,
         const char *text)
{
  g_string_append_printf (out, "<h%d", level);
  if (id != NULL)
    g_string_append_printf (out, " id=\"%s\"", id);
  g_string_append_c (out, '>');
  esc (out, text);
  g_string_append_printf (out, "</h%d>\n", level);
}

static void
dim (GString    *out,
     const char *text)
{
  g_string_append (out, "<p class=\"dim\">");
  esc (out, text);
  g_string_append (out, "</p>\n");
}

static const char *
party_class (MpParty party)
{
  switch (party)
    {
    case MP_PARTY_CUSTOMER: return "customer";
    case MP_PARTY_BOTH: return "both";
    case MP_PARTY_SELLER:
    default: return "seller";
    }
}

static void
party_cell (GString *out,
            MpParty  party)
{
  g_string_append_printf (out, "<td><span class=\"side %s\" aria-hidden=\"true\">■</span>", party_class (party));
  esc (out, mp_format_party (party));
  g_string_append (out, "</td>");
}

static void
cell (GString    *out,
      const char *text)
{
  g_string_append (out, "<td>");
  esc (out, text);
  g_string_append (out, "</td>");
}

static void
date_cell (GString *out,
           MpDate   date,
           int      time,
           gboolean late)
{
  char iso[MP_DATE_STRLEN];
  g_autofree char *d = mp_format_date (date);

  if (date == MP_DATE_NONE)
    {
      g_string_append (out, "<td></td>");
      return;
    }
  mp_date_format_buf (date, iso);
  g_string_append_printf (out, "<td class=\"date%s\"><time datetime=\"%s\">", late ? " late" : "", iso);
  esc (out, d);
  g_string_append (out, "</time>");
  if (time >= 0)
    {
      g_autofree char *t = mp_time_format (time);

      g_string_append (out, "<br>");
      esc (out, t);
    }
  g_string_append (out, "</td>");
}

/* ---- the plan on a page ---- */

static void
fact (GString    *out,
      const char *label,
      const char *value,
      const char *sub,
      gboolean    warn)
{
  g_string_append (out, "<li class=\"fact\"><span class=\"label\">");
  esc (out, label);
  g_string_append (out, "</span> <span class=\"value\">");
  esc (out, value);
  g_string_append (out, "</span>");
  if (sub != NULL)
    {
      g_string_append_printf (out, "<span class=\"sub%s\">", warn ? " warn" : "");
      if (warn)
        g_string_append (out, "⚠ ");
      esc (out, sub);
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</li>\n");
}

static void
build_facts (GString      *out,
             MpPlan       *plan,
             MpPlanHealth *health)
{
  g_string_append (out, "<ul class=\"facts\">\n");
  {
    g_autofree char *target = NULL;
    g_autofree char *left = NULL;

    if (health->target != MP_DATE_NONE)
      {
        target = mp_format_date (health->target);
        left = mp_format_days_left (health->days_to_target);
      }
    fact (out, _("Target date"), target != NULL ? target : _("Not set"), left, health->days_to_target < 0);
  }
  if (health->n_milestones > 0)
    {
      g_autofree char *percent = g_strdup_printf (_("%d %%"), health->percent_done);
      g_autofree char *n = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u milestone done",
                                                         "%u of %u milestones done", health->n_milestones),
                                            health->n_done, health->n_milestones);
      guint n_late = 0;

      for (guint i = 0; i < health->overdue->len; i++)
        if (((MpStep *) g_ptr_array_index (health->overdue, i))->task == NULL)
          n_late++;
      g_string_append (out, "<li class=\"fact\"><span class=\"label\">");
      esc (out, _("Progress"));
      g_string_append (out, "</span> <span class=\"value\">");
      esc (out, percent);
      g_string_append_printf (out, "</span><progress max=\"100\" value=\"%d\">", health->percent_done);
      esc (out, percent);
      g_string_append (out, "</progress><span class=\"sub\">");
      esc (out, n);
      g_string_append (out, "</span>");
      if (n_late > 0)
        {
          g_string_append (out, "<span class=\"sub warn\">⚠ ");
          escf (out, g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", n_late), n_late);
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</li>\n");
    }
  else
    fact (out, _("Progress"), _("No milestones yet"), NULL, FALSE);
  {
    g_autofree char *start = mp_plan_get_start (plan) != MP_DATE_NONE ? mp_format_date (mp_plan_get_start (plan)) : NULL;

    fact (out, _("Plan start"), start != NULL ? start : _("Not set"), NULL, FALSE);
  }
  if (health->has_buffer)
    {
      g_autofree char *buffer = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days",
                                                              ABS (health->buffer_left)), health->buffer_left);
      g_autofree char *planned = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day planned",
                                                               "%d days planned", health->buffer_days),
                                                  health->buffer_days);
      g_autofree char *sub = health->buffer_short ? g_strdup_printf ("%s, %s", planned, _("too short"))
                                                  : g_strdup (planned);

      fact (out, _("Buffer before target"), buffer, sub, health->buffer_short);
    }
  else
    fact (out, _("Buffer before target"), "—", NULL, FALSE);
  g_string_append (out, "</ul>\n");
}

static void
build_steps (GString      *out,
             MpPlan       *plan,
             MpPlanHealth *health)
{
  heading (out, 3, NULL, _("Next steps"));
  if (health->overdue->len + health->next_steps->len == 0)
    {
      dim (out, _("Nothing is open."));
      return;
    }
  g_string_append (out, "<div class=\"scroll\"><table>\n<caption class=\"sr-only\">");
  esc (out, _("Next steps"));
  g_string_append (out, "</caption>\n<thead><tr><th scope=\"col\">");
  esc (out, _("Due"));
  g_string_append (out, "</th><th scope=\"col\">");
  esc (out, _("Step"));
  g_string_append (out, "</th><th scope=\"col\">");
  esc (out, _("Owners"));
  g_string_append (out, "</th></tr></thead>\n<tbody>\n");
  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *steps = pass == 0 ? health->overdue : health->next_steps;

      for (guint i = 0; i < steps->len; i++)
        {
          MpStep *step = g_ptr_array_index (steps, i);
          g_autofree char *names = mp_format_participants (plan, (const char * const *) step->owners);

          g_string_append (out, "<tr>");
          if (step->days_late > 0)
            {
              g_autofree char *d = mp_format_date (step->due);

              g_string_append (out, "<td class=\"late\"><strong>");
              esc (out, d);
              g_string_append (out, "</strong><br>⚠ ");
              escf (out, g_dngettext (GETTEXT_PACKAGE, "%d day late", "%d days late", step->days_late),
                    step->days_late);
              g_string_append (out, "</td>");
            }
          else
            date_cell (out, step->due, -1, FALSE);
          g_string_append (out, "<td>");
          if (step->task != NULL)
            {
              esc (out, mp_task_get_title (step->task));
              g_string_append (out, " <span class=\"dim\">(");
              escf (out, "%s “%s”", C_("task of milestone", "for"), mp_milestone_get_title (step->milestone));
              g_string_append (out, ")</span>");
            }
          else
            esc (out, mp_milestone_get_title (step->milestone));
          g_string_append (out, "</td>");
          if (*names)
            cell (out, names);
          else
            {
              g_string_append (out, "<td class=\"late\">⚠ ");
              esc (out, _("No owner yet"));
              g_string_append (out, "</td>");
            }
          g_string_append (out, "</tr>\n");
        }
    }
  g_string_append (out, "</tbody></table></div>\n");
}

static void
build_team (GString *out,
            MpPlan  *plan)
{
  GListModel *people = G_LIST_MODEL (mp_plan_get_participants (plan));
  guint n = g_list_model_get_n_items (people);

  heading (out, 3, NULL, _("The team"));
  if (n == 0)
    {
      dim (out, _("No participants yet."));
      return;
    }
  /* The customer's people first: it is their plan. */
  for (int side = MP_SIDE_CUSTOMER; side >= MP_SIDE_SELLER; side--)
    {
      const char *org = side == MP_SIDE_CUSTOMER ? mp_plan_get_customer (plan) : mp_plan_get_vendor (plan);
      gboolean open = FALSE;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(MpParticipant) p = g_list_model_get_item (people, i);
          const char *porg = mp_participant_get_organization (p);
          const char *role = mp_participant_get_role (p);
          const char *email = mp_participant_get_email (p);

          if ((int) mp_participant_get_side (p) != side)
            continue;
          if (!open)
            {
              g_string_append (out, "<div class=\"scroll\"><table class=\"team\">\n<caption>");
              if (org != NULL && *org)
                escf (out, side == MP_SIDE_CUSTOMER ? _("Customer: %s") : _("Seller: %s"), org);
              else
                esc (out, side == MP_SIDE_CUSTOMER ? _("Customer") : _("Seller"));
              g_string_append (out, "</caption>\n<thead><tr><th scope=\"col\">");
              esc (out, _("Name"));
              g_string_append (out, "</th><th scope=\"col\">");
              esc (out, _("Role"));
              g_string_append (out, "</th><th scope=\"col\">");
              esc (out, _("Email"));
              g_string_append (out, "</th></tr></thead>\n<tbody>\n");
              open = TRUE;
            }
          g_string_append (out, "<tr><th scope=\"row\">");
          esc (out, mp_participant_get_name (p));
          if (porg != NULL && *porg && g_strcmp0 (porg, org) != 0)
            {
              g_string_append (out, "<br><span class=\"dim\">");
              esc (out, porg);
              g_string_append (out, "</span>");
            }
          g_string_append (out, "</th><td>");
          if (role != NULL)
            esc (out, role);
          if (mp_participant_get_decision_maker (p))
            {
              if (role != NULL && *role)
                g_string_append (out, "<br>");
              g_string_append (out, "<em>");
              esc (out, _("Decision maker"));
              g_string_append (out, "</em>");
            }
          g_string_append (out, "</td><td>");
          if (email != NULL && *email)
            {
              g_autofree char *uri = g_strconcat ("mailto:", email, NULL);

              /* Only a plain address: "a@b?bcc=…&body=…" would add headers. */
              if (mp_mail_address_is_valid (email) && mp_html_uri_is_safe (uri))
                {
                  append_href (out, uri);
                  esc (out, email);
                  g_string_append (out, "</a>");
                }
              else
                esc (out, email);
            }
          g_string_append (out, "</td></tr>\n");
        }
      if (open)
        g_string_append (out, "</tbody></table></div>\n");
    }
}

static void
build_cadence (GString *out,
               MpPlan  *plan)
{
  GListModel *meetings = G_LIST_MODEL (mp_plan_get_meetings (plan));
  MpReporting *rep = mp_plan_get_reporting (plan);
  guint n = g_list_model_get_n_items (meetings);
  gboolean reports = rep != NULL && mp_reporting_get_every_weeks (rep) >= 1;

  heading (out, 3, NULL, _("How we stay in touch"));
  if (n == 0 && !reports)
    {
      dim (out, _("No meetings or status reports agreed yet."));
      return;
    }
  g_string_append (out, "<ul>\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMeeting) m = g_list_model_get_item (meetings, i);
      g_autofree char *names = mp_format_participants (plan, mp_meeting_get_attendees (m));
      const char *location = mp_meeting_get_location (m);
      int every = mp_meeting_get_every_weeks (m);
      int minutes = -1, duration = mp_meeting_get_duration_minutes (m);
      MpDate date = MP_DATE_NONE;

      g_string_append (out, "<li><strong>");
      esc (out, mp_meeting_get_title (m));
      g_string_append (out, "</strong>");
      if (mp_meeting_get_start (m) != NULL && mp_local_datetime_parse (mp_meeting_get_start (m), &date, &minutes))
        {
          g_autofree char *day = mp_format_date_long (date);
          g_autofree char *time = minutes >= 0 ? mp_time_format (minutes) : g_strdup ("");
          g_autofree char *rhythm = every >= 1
                                    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every week", "every %d weeks", every), every)
                                    : g_strdup (_("once"));
          g_autofree char *when = g_strdup_printf (_("%s from %s, %s (%d min)"), rhythm, day, time,
                                                   duration > 0 ? duration : 60);

          g_string_append (out, ": ");
          if (every >= 1 && mp_meeting_get_until (m) != MP_DATE_NONE)
            {
              g_autofree char *until = mp_format_date (mp_meeting_get_until (m));

              escf (out, _("%s, until %s"), when, until);
            }
          else
            esc (out, when);
        }
      if (location != NULL && *location)
        {
          g_string_append (out, " · ");
          append_text (out, location);
        }
      if (*names)
        {
          g_string_append (out, "<br><span class=\"dim\">");
          escf (out, "%s %s", _("With"), names);
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</li>\n");
    }
  if (reports)
    {
      int weeks = mp_reporting_get_every_weeks (rep);
      g_autofree char *names = mp_format_participants (plan, mp_reporting_get_recipients (rep));

      g_string_append (out, "<li><strong>");
      escf (out, g_dngettext (GETTEXT_PACKAGE, "Status report every week", "Status report every %d weeks", weeks),
            weeks);
      g_string_append (out, "</strong>");
      if (*names)
        {
          g_string_append_c (out, ' ');
          escf (out, _("to %s"), names);
        }
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul>\n");
}

static void
build_overview (GString *out,
                MpPlan  *plan,
                MpDate   today,
                MpBaseline *baseline)
{
  g_autoptr(MpPlanHealth) health = mp_plan_health_new (plan, today, baseline, MAX_NEXT_STEPS);
  g_autoptr(GListStore) problems = mp_plan_check (plan, today);
  guint n_problems = g_list_model_get_n_items (G_LIST_MODEL (problems));
  const char *summary = mp_plan_get_summary (plan);
  GListModel *goals = G_LIST_MODEL (mp_plan_get_goals (plan));

  g_string_append (out, "<section id=\"overview\" aria-labelledby=\"h-overview\">\n");
  heading (out, 2, "h-overview", _("Plan on a page"));
  build_facts (out, plan, health);

  if (summary != NULL && *summary)
    {
      g_auto(GStrv) paras = g_strsplit (summary, "\n", -1);

      heading (out, 3, NULL, _("Summary"));
      for (guint i = 0; paras[i]; i++)
        if (*g_strstrip (paras[i]))
          {
            g_string_append (out, "<p>");
            append_text (out, paras[i]);
            g_string_append (out, "</p>\n");
          }
    }

  heading (out, 3, NULL, _("Goals"));
  if (g_list_model_get_n_items (goals) == 0)
    dim (out, _("No goals written down yet."));
  else
    {
      g_string_append (out, "<ul class=\"goals\">\n");
      for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
        {
          g_autoptr(MpGoal) g = g_list_model_get_item (goals, i);
          const char *measure = mp_goal_get_measure (g);
          MpGoalStatus st = mp_goal_get_status (g);

          g_string_append (out, st == MP_GOAL_DROPPED ? "<li><s>" : "<li><strong>");
          esc (out, mp_goal_get_title (g));
          g_string_append (out, st == MP_GOAL_DROPPED ? "</s>" : "</strong>");
          if (st != MP_GOAL_OPEN)
            {
              g_string_append (out, " <span class=\"dim\">(");
              esc (out, mp_format_goal_status (st));
              g_string_append (out, ")</span>");
            }
          if (measure != NULL && *measure)
            {
              g_string_append (out, "<br>");
              esc (out, _("Measured by:"));
              g_string_append_c (out, ' ');
              append_text (out, measure);
            }
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ul>\n");
    }

  build_steps (out, plan, health);
  build_team (out, plan);
  build_cadence (out, plan);

  if (n_problems > 0)
    {
      heading (out, 3, NULL, _("Points to watch"));
      g_string_append (out, "<ul class=\"problems\">\n");
      for (guint i = 0; i < n_problems; i++)
        {
          g_autoptr(MpProblem) p = g_list_model_get_item (G_LIST_MODEL (problems), i);

          g_string_append (out, "<li>");
          esc (out, mp_problem_get_message (p));
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ul>\n");
    }
  g_string_append (out, "</section>\n");
}

/* ---- milestones ---- */

static char *
invitation_text (MpPlan      *plan,
                 MpMilestone *m)
{
  GListModel *sent = G_LIST_MODEL (mp_record_get_children (MP_RECORD (m), MP_MILESTONE_SENT));

  if (mp_milestone_get_invited_sequence (m) < 0 && (sent == NULL || g_list_model_get_n_items (sent) == 0))
    return g_strdup (C_("invitation", "Not sent"));
  if (mp_ical_event_is_outdated (plan, MP_RECORD (m)))
    return g_strdup (C_("invitation", "Sent, out of date"));
  return g_strdup (C_("invitation", "Sent"));
}

static const char *
answer_text (int answer)
{
  switch (answer)
    {
    case MP_ANSWER_ACCEPTED: return C_("invitation answer", "Accepted");
    case MP_ANSWER_DECLINED: return C_("invitation answer", "Declined");
    case MP_ANSWER_TENTATIVE: return C_("invitation answer", "Tentative");
    case MP_ANSWER_DELEGATED: return C_("invitation answer", "Delegated");
    case MP_ANSWER_PROPOSED: return C_("invitation answer", "Proposed another time");
    default: return "";
    }
}

/* The attendees' answers as far as they came back. */
static void
append_replies (GString     *out,
                MpMilestone *m)
{
  GListModel *lists[2] = {
    G_LIST_MODEL (mp_record_get_children (MP_RECORD (m), MP_MILESTONE_REPLIES)),
    G_LIST_MODEL (mp_record_get_children (MP_RECORD (m), MP_MILESTONE_PROPOSALS)),
  };
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint l = 0; l < 2; l++)
    for (guint i = 0; lists[l] != NULL && i < g_list_model_get_n_items (lists[l]); i++)
      g_ptr_array_add (all, g_list_model_get_item (lists[l], i));
  if (all->len == 0)
    return;
  g_string_append (out, "<ul class=\"replies\">");
  for (guint i = 0; i < all->len; i++)
    {
      MpRecord *r = g_ptr_array_index (all, i);
      const char *name = mp_record_get_string (r, MP_REPLY_NAME);
      int answer = mp_record_get_int (r, MP_REPLY_ANSWER);

      g_string_append (out, "<li>");
      esc (out, name != NULL && *name ? name : mp_record_get_string (r, MP_REPLY_EMAIL));
      g_string_append (out, ": ");
      if (answer == MP_ANSWER_DECLINED)
        g_string_append (out, "✗ ");
      else if (answer == MP_ANSWER_ACCEPTED)
        g_string_append (out, "✓ ");
      esc (out, answer_text (answer));
      if (answer == MP_ANSWER_PROPOSED && mp_record_get_date (r, MP_REPLY_PROPOSED_DATE) != MP_DATE_NONE)
        {
          g_autofree char *d = mp_format_date (mp_record_get_date (r, MP_REPLY_PROPOSED_DATE));

          g_string_append (out, ": ");
          esc (out, d);
        }
      g_string_append (out, "</li>");
    }
  g_string_append (out, "</ul>");
}

/* A paragraph of a milestone's details, "Label: text", when there is text. */
static void
detail (GString    *out,
        const char *label,
        const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  g_string_append (out, "<p>");
  if (label != NULL)
    {
      esc (out, label);
      g_string_append (out, ": ");
    }
  append_text (out, text);
  g_string_append (out, "</p>");
}

static void
build_milestones (GString *out,
                  MpPlan  *plan,
                  MpDate   today)
{
  GListModel *milestones = G_LIST_MODEL (mp_plan_get_milestones (plan));
  guint n = g_list_model_get_n_items (milestones);
  guint n_tasks = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (milestones, i);

      n_tasks += g_list_model_get_n_items (G_LIST_MODEL (mp_milestone_get_tasks (m)));
    }

  g_string_append (out, "<section id=\"milestones\" aria-labelledby=\"h-milestones\">\n");
  heading (out, 2, "h-milestones", _("Milestones"));
  {
    g_autofree char *as_of = mp_format_date (today);
    g_autofree char *a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u milestone", "%u milestones", n), n);
    g_autofree char *b = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task", "%u tasks", n_tasks), n_tasks);
    g_autofree char *line = g_strdup_printf (_("%s, %s, as of %s"), a, b, as_of);

    dim (out, line);
  }
  if (n == 0)
    {
      dim (out, _("This plan has no milestones yet."));
      g_string_append (out, "</section>\n");
      return;
    }
  g_string_append (out, "<div class=\"scroll\"><table class=\"milestones\">\n<caption class=\"sr-only\">");
  esc (out, _("Milestones"));
  g_string_append (out, "</caption>\n<thead><tr>");
  {
    const char *heads[] = {
      C_("row number", "#"), _("Milestone"), _("Responsible"), _("Seller owner"), _("Customer owner"),
      _("Start"), _("Due"), _("Status"), _("Invitation"),
    };

    for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
      {
        g_string_append (out, "<th scope=\"col\">");
        esc (out, heads[i]);
        g_string_append (out, "</th>");
      }
  }
  g_string_append (out, "</tr></thead>\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (milestones, i);
      g_autoptr(MpMilestoneHealth) h = mp_milestone_health_new (plan, m, today, NULL);
      GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (m));
      guint nt = g_list_model_get_n_items (tasks);
      MpStatus status = mp_milestone_get_status (m);
      const char *desc = mp_milestone_get_description (m);
      const char *notes = mp_milestone_get_notes (m);
      const char *location = mp_milestone_get_location (m);
      g_autofree char *invitation = invitation_text (plan, m);

      /* One tbody per milestone with its tasks: they belong together. */
      g_string_append_printf (out, "<tbody class=\"%s%s\">\n<tr class=\"milestone\"><td>%u</td><th scope=\"row\">",
                              status == MP_STATUS_DROPPED ? "dropped" : "", i % 2 ? " odd" : "", i + 1);
      if (status == MP_STATUS_DROPPED)
        g_string_append (out, "<s>");
      esc (out, mp_milestone_get_title (m));
      if (status == MP_STATUS_DROPPED)
        g_string_append (out, "</s>");
      if ((desc && *desc) || (notes && *notes) || (location && *location))
        {
          g_string_append (out, "<div class=\"details\">");
          detail (out, NULL, desc);
          detail (out, _("Location"), location);
          detail (out, _("Notes"), notes);
          g_string_append (out, "</div>");
        }
      g_string_append (out, "</th>");
      party_cell (out, mp_milestone_get_responsible (m));
      cell (out, mp_format_participant (plan, mp_milestone_get_seller_owner (m)));
      cell (out, mp_format_participant (plan, mp_milestone_get_customer_owner (m)));
      date_cell (out, mp_milestone_get_start (m), -1, FALSE);
      date_cell (out, mp_milestone_get_due (m), mp_milestone_get_time (m), h->overdue);
      g_string_append_printf (out, "<td class=\"status %s\">",
                              mp_enum_to_nick (MP_TYPE_STATUS, status));
      if (status == MP_STATUS_BLOCKED)
        g_string_append (out, "⚠ ");
      esc (out, mp_format_status (status));
      if (h->overdue)
        {
          g_string_append (out, "<br><strong class=\"warn\">⚠ ");
          escf (out, g_dngettext (GETTEXT_PACKAGE, "Overdue %d day", "Overdue %d days", h->days_late), h->days_late);
          g_string_append (out, "</strong>");
        }
      if (mp_milestone_get_commitment (m))
        {
          g_string_append (out, "<br>✓\u00a0");
          esc (out, _("Committed"));
        }
      g_string_append (out, "</td>");
      g_string_append (out, "<td>");
      esc (out, invitation);
      append_replies (out, m);
      g_string_append (out, "</td></tr>\n");

      for (guint k = 0; k < nt; k++)
        {
          g_autoptr(MpTask) task = g_list_model_get_item (tasks, k);
          MpParticipant *owner = mp_plan_find_participant (plan, mp_task_get_owner (task));
          gboolean customer = owner != NULL && mp_participant_get_side (owner) == MP_SIDE_CUSTOMER;
          gboolean done = mp_task_get_done (task);
          gboolean late = !done && mp_task_get_due (task) != MP_DATE_NONE && mp_task_get_due (task) < today &&
                          status != MP_STATUS_DONE && status != MP_STATUS_DROPPED;
          const char *who = mp_format_participant (plan, mp_task_get_owner (task));

          g_string_append_printf (out, "<tr class=\"task%s\"><td class=\"dim\">%u.%u</td><td class=\"task-title\">",
                                  done ? " done" : "", i + 1, k + 1);
          g_string_append (out, done ? "☑ " : "☐ ");
          esc (out, mp_task_get_title (task));
          g_string_append (out, "</td><td></td>");
          cell (out, customer ? "" : who);
          cell (out, customer ? who : "");
          g_string_append (out, "<td></td>");
          date_cell (out, mp_task_get_due (task), -1, late);
          g_string_append_printf (out, "<td class=\"status%s\">", late ? " warn" : "");
          if (late)
            g_string_append (out, "⚠ ");
          esc (out, done ? C_("task", "Done") : C_("task", "Open"));
          g_string_append (out, "</td><td></td></tr>\n");
        }
      g_string_append (out, "</tbody>\n");
    }
  g_string_append (out, "</table></div>\n</section>\n");
}

/* ---- the timeline ---- */

static cairo_status_t
svg_write (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* cairo numbers surfaces across the process ("surface8" in the second
 * export): numbered from 1 in the order they come, the same plan gives
 * the same page. */
static void
append_numbered (GString    *out,
                 const char *svg)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new (NULL, NULL);
  const char *p = svg;
  const char *hit;

  while ((hit = strstr (p, "surface")) != NULL)
    {
      const char *digits = hit + strlen ("surface");
      char *after = NULL;
      guint64 n = g_ascii_isdigit (*digits) ? g_ascii_strtoull (digits, &after, 10) : 0;

      g_string_append_len (out, p, digits - p);
      if (after == NULL)
        {
          p = digits;
          continue;
        }
      if (!g_hash_table_contains (numbers, GSIZE_TO_POINTER (n)))
        g_hash_table_insert (numbers, GSIZE_TO_POINTER (n), GUINT_TO_POINTER (g_hash_table_size (numbers) + 1));
      g_string_append_printf (out, "%u", GPOINTER_TO_UINT (g_hash_table_lookup (numbers, GSIZE_TO_POINTER (n))));
      p = after;
    }
  g_string_append (out, p);
}

static gboolean
build_timeline (GString    *out,
                MpPlan     *plan,
                MpDate      today,
                MpBaseline *baseline,
                GError    **error)
{
  g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (plan);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 9");
  g_autoptr(GString) svg = g_string_new (NULL);
  guint n_rows = mp_timeline_layout_get_n_rows (layout);
  MpTimelineView view;
  MpTimelineTile tile = { 0 };
  double header_h, row_h, chart_h, legend_h, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  const char *start, *end;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  mp_timeline_view_init (&view, CHART_WIDTH, 400);
  view.resolution = 96.0;
  view.font = font;
  view.today = today;
  view.baseline = baseline;
  view.palette = mp_timeline_palette_get (MP_TIMELINE_PALETTE_LIGHT);
  view.label_width = CHART_LABELS;
  mp_timeline_get_content_range (layout, &view, &tile.first_date, &tile.last_date);
  tile.first_row = 0;
  tile.n_rows = MIN (n_rows, CHART_MAX_ROWS);
  header_h = mp_timeline_view_get_header_height (&view);
  row_h = mp_timeline_view_get_row_height (&view);
  chart_h = header_h + tile.n_rows * row_h;
  legend_h = mp_timeline_render_legend (NULL, &view, 0, 0, CHART_WIDTH);
  height = ceil (chart_h + 12.0 + legend_h + 4.0);

  surface = cairo_svg_surface_create_for_stream (svg_write, svg, CHART_WIDTH, height);
  cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  mp_timeline_render_tile (cr, layout, &view, &tile, 0, 0, CHART_WIDTH, chart_h);
  mp_timeline_render_legend (cr, &view, 0, chart_h + 12.0, CHART_WIDTH);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MP_ERROR, MP_ERROR_FAILED, _("Could not draw the timeline: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  /* Our own root element: sized by the page, labelled for people. */
  start = strstr (svg->str, "<svg");
  end = start != NULL ? strchr (start, '>') : NULL;
  if (end == NULL || g_strrstr (svg->str, "</svg>") == NULL)
    {
      g_set_error (error, MP_ERROR, MP_ERROR_FAILED, _("Could not draw the timeline: %s"), "no <svg>");
      return FALSE;
    }
  *g_strrstr (svg->str, "</svg>") = '\0';

  first = mp_format_date (tile.first_date);
  last = mp_format_date (tile.last_date);
  g_string_append (out, "<section id=\"timeline\" aria-labelledby=\"h-timeline\">\n");
  heading (out, 2, "h-timeline", _("Timeline"));
  g_string_append (out, "<figure>\n<div class=\"chart\">\n");
  g_string_append_printf (out, "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                          "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"group\">\n",
                          (int) CHART_WIDTH, (int) height, (int) CHART_WIDTH, (int) height);
  g_string_append (out, "<title>");
  esc (out, _("Timeline"));
  g_string_append (out, "</title>\n<desc>");
  if (n_rows > 0)
    escf (out, _("%s – %s · rows %u–%u of %u"), first, last, 1u, tile.n_rows, n_rows);
  else
    escf (out, _("%s – %s · no milestones yet"), first, last);
  g_string_append (out, "</desc>\n");
  append_numbered (out, end + 1);
  /* The labels as text over their drawing, for search and screen readers. */
  g_string_append (out, "<g class=\"labels\">\n");
  for (guint r = 0; r < tile.n_rows; r++)
    {
      const MpTimelineRow *row = mp_timeline_layout_get_row (layout, r);
      MpMilestone *m = mp_timeline_layout_get_milestone (layout, row->milestone);
      const char *title = mp_milestone_get_title (m);
      g_autofree char *due = mp_format_date (mp_milestone_get_due (m));

      if (row->task >= 0)
        {
          g_autoptr(MpTask) t = g_list_model_get_item (G_LIST_MODEL (mp_milestone_get_tasks (m)), (guint) row->task);

          g_string_append_printf (out, "<text x=\"20\" y=\"%.1f\">", header_h + (r + 0.5) * row_h + 4);
          esc (out, mp_task_get_title (t));
        }
      else
        {
          g_string_append_printf (out, "<text x=\"8\" y=\"%.1f\">", header_h + (r + 0.5) * row_h + 4);
          esc (out, title);
          g_string_append (out, "<tspan class=\"sr\">, ");
          esc (out, mp_format_status (mp_milestone_get_status (m)));
          g_string_append (out, ", ");
          esc (out, _("Due"));
          g_string_append_c (out, ' ');
          esc (out, due);
          g_string_append (out, "</tspan>");
        }
      g_string_append (out, "</text>\n");
    }
  g_string_append (out, "</g>\n</svg>\n</div>\n<figcaption>");
  {
    const MpTimelinePalette *pal = view.palette;

    for (int party = MP_PARTY_SELLER; party <= MP_PARTY_BOTH; party++)
      {
        const MpTimelineColor *c = &pal->side[party];

        g_string_append_printf (out, "<span class=\"swatch\" style=\"color:#%02x%02x%02x\" aria-hidden=\"true\">■</span>",
                                (int) (c->red * 255), (int) (c->green * 255), (int) (c->blue * 255));
        esc (out, mp_format_party (party));
        g_string_append (out, " &nbsp; ");
      }
    esc (out, _("✓ Committed: the owner has committed to the date"));
  }
  if (tile.n_rows < n_rows)
    {
      g_string_append (out, "<br>");
      escf (out, _("The chart shows the first %u of %u rows; the milestones table lists them all."),
            tile.n_rows, n_rows);
    }
  g_string_append (out, "</figcaption>\n</figure>\n</section>\n");
  return TRUE;
}

/* ---- changes ---- */

static void
build_changes (GString    *out,
               MpPlan     *plan,
               MpBaseline *baseline)
{
  GListModel *history = G_LIST_MODEL (mp_plan_get_history (plan));
  guint n_history = g_list_model_get_n_items (history);

  g_string_append (out, "<section id=\"changes\" aria-labelledby=\"h-changes\">\n");
  heading (out, 2, "h-changes", _("Changes since the baseline"));
  if (baseline == NULL)
    dim (out, _("No baseline has been saved, so there is nothing to compare the dates with."));
  else
    {
      g_autoptr(GListStore) changes = mp_baseline_compare (baseline, plan);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (changes));
      g_autofree char *when = mp_format_datetime (mp_baseline_get_at (baseline));
      g_autofree char *line = g_strdup_printf (_("Baseline “%s”, saved %s"), mp_baseline_get_name (baseline), when);

      dim (out, line);
      if (n == 0)
        dim (out, _("No date has moved."));
      else
        {
          g_string_append (out, "<div class=\"scroll\"><table>\n<caption>");
          esc (out, line);
          g_string_append (out, "</caption>\n<thead><tr><th scope=\"col\">");
          esc (out, _("Milestone"));
          g_string_append (out, "</th><th scope=\"col\">");
          esc (out, _("Change"));
          g_string_append (out, "</th><th scope=\"col\">");
          esc (out, _("Agreed"));
          g_string_append (out, "</th><th scope=\"col\">");
          esc (out, _("Now"));
          g_string_append (out, "</th></tr></thead>\n<tbody>\n");
          for (guint i = 0; i < n; i++)
            {
              g_autoptr(MpDateChange) c = g_list_model_get_item (G_LIST_MODEL (changes), i);
              MpMilestone *m = mp_date_change_get_milestone (c);
              int days = mp_date_change_get_due_days (c);
              g_autofree char *was = mp_format_date_range (mp_date_change_get_old_start (c), mp_date_change_get_old_due (c));
              g_autofree char *now = mp_format_date_range (mp_date_change_get_new_start (c), mp_date_change_get_new_due (c));

              g_string_append (out, "<tr><th scope=\"row\">");
              esc (out, m != NULL ? mp_milestone_get_title (m) : mp_date_change_get_milestone_id (c));
              g_string_append (out, "</th>");
              switch (mp_date_change_get_kind (c))
                {
                case MP_DATE_CHANGE_MOVED:
                  if (days > 0)
                    {
                      g_string_append (out, "<td class=\"warn\">⚠ ");
                      escf (out, g_dngettext (GETTEXT_PACKAGE, "Due %d day later", "Due %d days later", days), days);
                      g_string_append (out, "</td>");
                    }
                  else if (days < 0)
                    {
                      g_string_append (out, "<td>");
                      escf (out, g_dngettext (GETTEXT_PACKAGE, "Due %d day earlier", "Due %d days earlier", -days),
                            -days);
                      g_string_append (out, "</td>");
                    }
                  else
                    cell (out, _("Start moved"));
                  break;
                case MP_DATE_CHANGE_ADDED:
                  cell (out, _("Added"));
                  break;
                case MP_DATE_CHANGE_DROPPED:
                  cell (out, _("Dropped"));
                  break;
                case MP_DATE_CHANGE_REMOVED:
                default:
                  cell (out, _("Removed"));
                  break;
                }
              cell (out, was);
              cell (out, now);
              g_string_append (out, "</tr>\n");
            }
          g_string_append (out, "</tbody></table></div>\n");
        }
    }

  heading (out, 3, NULL, _("History"));
  if (n_history == 0)
    dim (out, _("Nothing has been written into the history yet."));
  else
    {
      g_string_append (out, "<div class=\"scroll\"><table>\n<caption class=\"sr-only\">");
      esc (out, _("History"));
      g_string_append (out, "</caption>\n<thead><tr><th scope=\"col\">");
      esc (out, _("When"));
      g_string_append (out, "</th><th scope=\"col\">");
      esc (out, _("What changed and why"));
      g_string_append (out, "</th></tr></thead>\n<tbody>\n");
      for (guint i = 0; i < n_history; i++)
        {
          g_autoptr(MpHistoryEntry) e = g_list_model_get_item (history, i);
          g_autofree char *at = mp_format_datetime (mp_history_entry_get_at (e));

          g_string_append (out, "<tr>");
          cell (out, at);
          g_string_append (out, "<td>");
          append_text (out, mp_history_entry_get_text (e));
          g_string_append (out, "</td></tr>\n");
        }
      g_string_append (out, "</tbody></table></div>\n");
    }
  g_string_append (out, "</section>\n");
}

/* ---- the page ---- */

static const char style_sheet[] =
  ":root{color-scheme:light dark;--fg:#1a1a1f;--dim:#5c5c63;--bg:#fff;--rule:#b3b5bd;--head:#e8eaef;"
  "--zebra:#f5f6f8;--warn:#b81a1a;--link:#1a5fb4}\n"
  "@media (prefers-color-scheme:dark){:root{--fg:#e8e8ec;--dim:#a8a8b0;--bg:#1e1e22;--rule:#55575f;"
  "--head:#2c2d33;--zebra:#26272c;--warn:#ff7b72;--link:#8ab4f8}}\n"
  "*{box-sizing:border-box}\n"
  "h1,h2,h3,p,li,caption,.value{overflow-wrap:anywhere}\n"
  ".sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}\n"
  "body{margin:0 auto;max-width:72rem;padding:1rem;font:16px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,"
  "Cantarell,\"Noto Sans\",sans-serif;color:var(--fg);background:var(--bg)}\n"
  "h1{font-size:1.8rem;margin:.2rem 0}h2{font-size:1.4rem;margin:2rem 0 .4rem;border-bottom:1px solid var(--rule)}"
  "h3{font-size:1.1rem;margin:1.4rem 0 .4rem}\n"
  "a{color:var(--link);overflow-wrap:anywhere}.dim{color:var(--dim)}.warn,.late{color:var(--warn)}\n"
  "p{margin:.3rem 0}.details{font-weight:normal;font-size:.9em;color:var(--dim)}\n"
  ".facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.6rem;margin:1rem 0}\n"
  ".facts{list-style:none;padding:0}.fact{border:1px solid var(--rule);border-radius:6px;padding:.5rem .7rem}"
  ".fact .label{display:block;font-size:.85rem;color:var(--dim)}"
  ".fact .value{display:block;font-size:1.3rem;font-weight:600}.fact .sub{display:block;font-size:.9rem}\n"
  "progress{width:100%;height:.6rem}\n"
  ".scroll{overflow-x:auto;margin:.5rem 0}\n"
  "table{border-collapse:collapse;width:100%;font-size:.92rem}"
  "caption{text-align:left;font-weight:600;padding:.3rem 0}\n"
  "th,td{border-bottom:1px solid var(--rule);padding:.35rem .45rem;text-align:left;vertical-align:top}\n"
  "thead th{background:var(--head);white-space:nowrap}\n"
  "tbody.odd{background:var(--zebra)}tr.task td{font-size:.92em;border-bottom-style:dotted}"
  "tr.task .task-title{padding-left:1.4rem}tr.task.done .task-title{color:var(--dim)}\n"
  ".replies{margin:.2rem 0 0;padding-left:1rem;font-size:.85rem}"
  "tbody.dropped{color:var(--dim)}td.date{white-space:nowrap}td.late{font-weight:600}\n"
  ".status.blocked{color:var(--warn)}\n"
  ".side,.swatch{margin-right:.25em}\n"
  ".side.seller{color:var(--seller)}.side.customer{color:var(--customer)}.side.both{color:var(--both)}\n"
  "figure{margin:0}.chart{overflow-x:auto;background:#fff;border:1px solid var(--rule);border-radius:4px}\n"
  ".chart svg{display:block;width:100%;min-width:46rem;height:auto}\n"
  ".chart .labels text{font:12px sans-serif;fill:transparent}.chart .labels .sr{font-size:1px}\n"
  "figcaption{font-size:.9rem;color:var(--dim);margin:.4rem 0}\n"
  "footer{margin-top:2rem;font-size:.85rem;color:var(--dim)}\n"
  "@media (max-width:40rem){body{padding:.6rem;font-size:15px}h1{font-size:1.5rem}"
  "table.milestones{font-size:.85rem}}\n"
  "@page{size:A4;margin:15mm}@page wide{size:A4 landscape}\n"
  "@media print{:root{--fg:#000;--bg:#fff;--dim:#444;--link:#000}body{max-width:none;padding:0;font-size:10.5pt}"
  "section{break-before:page}section#overview{break-before:auto}#timeline{page:wide}"
  ".scroll,.chart{overflow:visible}.chart svg{min-width:0}tr{break-inside:avoid}"
  "h2,h3,caption{break-after:avoid}a{text-decoration:none}"
  "table.milestones{font-size:8pt}table.milestones td,table.milestones th{padding:.25rem .3rem}thead th{white-space:normal}td,th{overflow-wrap:break-word}}\n";

GBytes *
mp_html_export_plan (MpPlan  *plan,
                     MpDate   today,
                     GError **error)
{
  g_autoptr(GString) out = g_string_sized_new (64 * 1024);
  MpBaseline *baseline;
  const char *customer, *vendor;
  /* Translators: the language code (BCP 47) of this translation, for the
   * web page's lang attribute: "de" in German */
  const char *lang = C_("BCP 47 language code of this translation", "en");

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);

  baseline = mp_plan_get_latest_baseline (plan);
  customer = mp_plan_get_customer (plan);
  vendor = mp_plan_get_vendor (plan);

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  esc (out, lang);
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"color-scheme\" content=\"light dark\">\n"
                   "<meta name=\"generator\" content=\"MutualPlan " PACKAGE_VERSION "\">\n<title>");
  esc (out, mp_plan_get_title (plan));
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, style_sheet);
  {
    /* The side colours of the timeline, so the table's marks match it. */
    const MpTimelinePalette *pal = mp_timeline_palette_get (MP_TIMELINE_PALETTE_LIGHT);
    static const char * const names[] = { "seller", "customer", "both" };

    g_string_append (out, ":root{");
    for (guint i = 0; i < 3; i++)
      g_string_append_printf (out, "--%s:#%02x%02x%02x;", names[i], (int) (pal->side[i].red * 255),
                              (int) (pal->side[i].green * 255), (int) (pal->side[i].blue * 255));
    g_string_append (out, "}\n");
  }
  g_string_append (out, "</style>\n</head>\n<body>\n<header>\n<h1>");
  esc (out, mp_plan_get_title (plan));
  g_string_append (out, "</h1>\n");
  if ((customer != NULL && *customer) || (vendor != NULL && *vendor))
    {
      g_string_append (out, "<p>");
      if (customer != NULL && *customer)
        {
          g_string_append (out, "<strong>");
          esc (out, _("Customer:"));
          g_string_append (out, "</strong> ");
          esc (out, customer);
        }
      if (vendor != NULL && *vendor)
        {
          g_string_append (out, customer != NULL && *customer ? " · <strong>" : "<strong>");
          esc (out, _("Vendor:"));
          g_string_append (out, "</strong> ");
          esc (out, vendor);
        }
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</header>\n<main>\n");

  build_overview (out, plan, today, baseline);
  build_milestones (out, plan, today);
  if (!build_timeline (out, plan, today, baseline, error))
    return NULL;
  build_changes (out, plan, baseline);

  g_string_append (out, "</main>\n<footer><p>");
  {
    g_autofree char *date = mp_format_date (today);

    /* Translators: at the bottom of the web page; %s is a date */
    escf (out, _("As of %s. Made with MutualPlan."), date);
  }
  g_string_append (out, "</p></footer>\n</body>\n</html>\n");
  return g_string_free_to_bytes (g_steal_pointer (&out));
}
