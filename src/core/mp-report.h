/* mp-report.h: the status report, the seed of every sync meeting
 *
 * Sections, in this order: a summary (progress, target, buffer); done
 * since the last report; overdue, with owners; the next 14 days; dates
 * that moved since the baseline; risks; open goals. Every section is
 * there even when empty ("Nothing is overdue." is news too).
 *
 * Headings and words are in the UI language (gettext), dates are
 * formatted with mp_format_date (), and the plan's own text (titles,
 * names) is never translated. In Markdown the plan's text is escaped so
 * that a title with "*" or "_" shows as written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-plan.h"
#include "mp-baseline.h"

G_BEGIN_DECLS

typedef enum {
  MP_REPORT_MARKDOWN,
  MP_REPORT_TEXT,
} MpReportFormat;

/* How many days "next days" looks ahead. */
#define MP_REPORT_NEXT_DAYS 14

/* "markdown" or "text"; FALSE for anything else. */
gboolean  mp_report_format_from_string (const char     *name,
                                        MpReportFormat *format);

/* Where "done since" starts by default: the last report by the plan's
 * rhythm (today − reporting.every_weeks weeks), else two weeks ago. */
MpDate    mp_report_default_since      (MpPlan         *plan,
                                        MpDate          today);

/* The report of @plan on @today. @since: start of "done since"
 * (MP_DATE_NONE: mp_report_default_since ()). @baseline: what moved dates
 * are measured against (NULL: the latest, mp_plan_get_latest_baseline ()).
 * UTF-8, lines end in "\n". */
char     *mp_report_build              (MpPlan         *plan,
                                        MpDate          today,
                                        MpDate          since,
                                        MpBaseline     *baseline,
                                        MpReportFormat  format);

G_END_DECLS
