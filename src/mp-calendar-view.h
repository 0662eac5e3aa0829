/* mp-calendar-view.h: the Calendar page: blackouts, the meetings of the
 * communication cadence and the status-report rhythm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"
#include "mp-model.h"

G_BEGIN_DECLS

#define MP_TYPE_CALENDAR_VIEW (mp_calendar_view_get_type ())
G_DECLARE_FINAL_TYPE (MpCalendarView, mp_calendar_view, MP, CALENDAR_VIEW, GtkWidget)

GtkWidget   *mp_calendar_view_new           (void);
MpDocument  *mp_calendar_view_get_document  (MpCalendarView *self);
void         mp_calendar_view_set_document  (MpCalendarView *self,
                                             MpDocument     *document);
/* Selects and scrolls to @record (an MpBlackout or MpMeeting); an
 * MpReporting or the plan focuses the status-report settings. */
void         mp_calendar_view_select        (MpCalendarView *self,
                                             MpRecord       *record);
/* "Add Blackout" / "Add Meeting": the new record (owned by the plan). */
MpBlackout  *mp_calendar_view_add_blackout  (MpCalendarView *self);
MpMeeting   *mp_calendar_view_add_meeting   (MpCalendarView *self);
/* Turns the status reports on (a new MpReporting, every 2 weeks, to the
 * customer's decision makers) or off (no reporting member). */
void         mp_calendar_view_set_reporting (MpCalendarView *self,
                                             gboolean        on);

G_END_DECLS
