/* mp-itip.h: the attendees' answers come back (RFC 5546 REPLY and COUNTER)
 *
 * mp_itip_import() reads one file that a customer's calendar sent back:
 * an .ics, or a whole mail (.eml) in any MIME shape (the calendar part
 * inline or attached, base64, quoted-printable or 8bit, nested in
 * multipart or a forwarded message/rfc822). Every VEVENT of a REPLY or
 * COUNTER is matched to an event of the plan by UID and to an attendee
 * by e-mail (case-insensitive; the addresses the event was sent to and
 * its current invitees) and recorded in the event's `replies` (per
 * attendee and occurrence: answer, when, comment — the COMMENT property
 * or the X-RESPONSE-COMMENT parameter Google and Thunderbird use) or, for
 * a COUNTER, its `proposals`. A reply for an unknown or deleted event,
 * from someone not invited, for an older SEQUENCE than the latest sent,
 * or older than the answer already recorded changes nothing and is
 * reported in plain words. Each file is one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-document.h"
#include "mp-model.h"

G_BEGIN_DECLS

typedef enum {
  MP_ITIP_RECORDED,      /* an answer was recorded */
  MP_ITIP_PROPOSAL,      /* a proposal of another time was recorded */
  MP_ITIP_UNCHANGED,     /* the same answer was already recorded */
  MP_ITIP_IGNORED,       /* nothing changed: see the message */
} MpItipOutcome;

typedef struct {
  MpItipOutcome  outcome;
  char          *message;   /* one sentence, UI language */
  MpRecord      *event;     /* the event concerned, or NULL (a reference) */
} MpItipResult;

void mp_itip_result_free (MpItipResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpItipResult, mp_itip_result_free)

/* The iCalendar texts in @data: the text itself when it is an .ics, else
 * every calendar part of the MIME message (identical parts once). A
 * GPtrArray of strings, empty when there is none. */
GPtrArray *mp_itip_extract_calendars (const char *data,
                                      gsize       length);

/* Reads @data (the content of the file @source, for messages) and
 * records its answers in @document: one undo step "Import Replies".
 * Appends an MpItipResult per answer to @results. FALSE with an error
 * when @data holds no iTIP REPLY or COUNTER at all. */
gboolean   mp_itip_import            (MpDocument  *document,
                                      const char  *source,
                                      GBytes      *data,
                                      GPtrArray   *results,
                                      GError     **error);

/* Accepts @proposal (of @event's `proposals`): the event moves to the
 * proposed date (and time), the proposal goes; one undo step. The event
 * is then out of date for every attendee. */
void       mp_itip_accept_proposal   (MpDocument  *document,
                                      MpRecord    *event,
                                      MpRecord    *proposal);
/* Removes @proposal after its DECLINECOUNTER was sent
 * (mp_ical_build_decline_counter()); one undo step. */
void       mp_itip_dismiss_proposal  (MpDocument  *document,
                                      MpRecord    *event,
                                      MpRecord    *proposal);

/* Who answered what, for one event, in the UI language. */
typedef struct {
  GPtrArray *accepted;    /* names, strings */
  GPtrArray *declined;    /* "Name: ‘comment’" or "Name" */
  GPtrArray *tentative;
  GPtrArray *delegated;   /* "Name → address" */
  GPtrArray *waiting;     /* invitees sent the event who have not answered */
  GPtrArray *proposals;   /* "Sue Kim proposes 9 Apr 2027: ‘…’" */
} MpItipSummary;

/* NULL when @event was never sent and has no answers. */
MpItipSummary *mp_itip_summarize      (MpPlan       *plan,
                                       MpRecord     *event);
void           mp_itip_summary_free   (MpItipSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpItipSummary, mp_itip_summary_free)

/* The answers to @event in lines for people ("Accepted: Tom Becker",
 * "Declined: Lena Ortiz: ‘…’", "Not answered yet: Raj Patel" when
 * @with_waiting, proposals); NULL when there is nothing to say. */
char          *mp_itip_describe_answers (MpPlan       *plan,
                                         MpRecord     *event,
                                         gboolean      with_waiting);

/* Sentences for the Overview's problems: declines ("Lena Ortiz declined
 * “Security review”: ‘Our CISO must sign off first’") and pending
 * proposals, for each event of @plan. Adds the event (a reference), the
 * message (a string) and whether it is a proposal (gboolean) to the three
 * arrays. */
void       mp_itip_collect_problems  (MpPlan      *plan,
                                      GPtrArray   *records,
                                      GPtrArray   *messages,
                                      GArray      *is_proposal);

/* "Sue Kim proposes 9 Apr 2027: ‘…’" */
char      *mp_itip_describe_proposal (MpPlan      *plan,
                                      MpRecord    *proposal);

G_END_DECLS
