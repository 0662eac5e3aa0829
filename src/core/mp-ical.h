/* mp-ical.h: iCalendar files of a plan (ICS.md)
 *
 * Two kinds of file, both built with libical:
 *
 * - the calendar file that the customer imports: every milestone and
 *   meeting of the plan as one VEVENT each (mp_ical_export_plan());
 * - invitations: one file per event with METHOD:REQUEST (or METHOD:CANCEL
 *   for a dropped milestone that had been invited), ORGANIZER and one
 *   ATTENDEE per invitee with an email (mp_ical_build_invitations()).
 *
 * Mapping of a milestone: no `time` = all-day event on `due`
 * (DTSTART;VALUE=DATE, exclusive DTEND the next day); with `time` = a
 * timed event in the plan's zone (DTSTART;TZID=Area/City plus a
 * VTIMEZONE with that plain IANA TZID, truncated to the years used; a
 * plan in UTC writes UTC times). SUMMARY = title; DESCRIPTION = plan,
 * responsible side and owners, working period, description, open and
 * done tasks, notes; LOCATION; STATUS CANCELLED (dropped), CONFIRMED
 * (commitment) or TENTATIVE; SEQUENCE = sequence; CATEGORIES = kind and
 * responsible side; a VALARM `reminder_days` days before. A meeting is a
 * timed event with a weekly RRULE (INTERVAL = every_weeks, UNTIL = the
 * end of `until` in UTC), STATUS CONFIRMED.
 *
 * UIDs are derived from the plan id, the kind and the event id: the same
 * in every export of the same plan. Text is cleaned of control
 * characters (line breaks are kept as TEXT line breaks); names in
 * parameters lose `"`, `^` and line breaks (libical cannot write them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-document.h"
#include "mp-model.h"

G_BEGIN_DECLS

/* What to export or invite. Initialise with mp_ical_options_init(). */
typedef struct {
  /* Only the events of this participant (an id, or an email compared
   * without case): milestones they own (either side) or are invited to,
   * meetings they attend. NULL = everyone's. */
  const char *for_participant;
  /* Calendar file: dropped milestones as STATUS:CANCELLED events (TRUE)
   * or left out. Invitations ignore it: a dropped milestone that had been
   * invited always becomes a cancellation, one never invited is skipped. */
  gboolean    include_dropped;
  /* Meetings too (TRUE) or milestones only. */
  gboolean    include_meetings;
  /* Invitations only: just the events whose attendees' calendars are out
   * of date (mp_ical_event_is_outdated()). */
  gboolean    only_outdated;
  /* DTSTAMP and the mail's Date; NULL = now. Tests pass a fixed time. */
  GDateTime  *now;
} MpIcalOptions;

/* Defaults: everyone, dropped milestones and meetings included, all
 * events, now. */
void     mp_ical_options_init      (MpIcalOptions *options);

/* The calendar file of @plan: METHOD:PUBLISH with ORGANIZER when the
 * plan's organizer has an email, else a plain calendar without METHOD and
 * ORGANIZER; NAME = plan title; no ATTENDEE. UTF-8 without BOM, CRLF
 * line ends, folded at 75 octets. Returns NULL with MP_ERROR_NOTHING when
 * no event is left to export, or MP_ERROR_INVALID when
 * @options->for_participant names nobody of the plan. @options may be
 * NULL for the defaults. */
char    *mp_ical_export_plan       (MpPlan              *plan,
                                    const MpIcalOptions *options,
                                    GError             **error);

/* The stable UID of a milestone or a meeting of @plan. */
char    *mp_ical_milestone_uid     (MpPlan              *plan,
                                    MpMilestone         *milestone);
char    *mp_ical_meeting_uid       (MpPlan              *plan,
                                    MpMeeting           *meeting);

/* What a calendar shows of @event (an MpMilestone, MpMeeting or
 * MpCancellation): dates, times, title, location, status, cancelled
 * occurrences, the zone and the attendees' addresses, as a short hash.
 * The plan records it per attendee when an invitation is sent (`sent`). */
char    *mp_ical_event_fingerprint (MpPlan              *plan,
                                    MpRecord            *event);

/* TRUE when some attendee's calendar does not show @event as it is now:
 * an attendee was never sent it, or was sent another fingerprint, or was
 * removed and not sent a CANCEL; a dropped milestone, cancelled meeting
 * or deleted event (MpCancellation) whose CANCEL is not sent to all.
 * Files without `sent` fall back to sequence > invited_sequence. */
gboolean mp_ical_event_is_outdated (MpPlan              *plan,
                                    MpRecord            *event);

/* TRUE when @event's last day (a milestone's due date, a meeting's last
 * occurrence) is before @today. */
gboolean mp_ical_event_is_past     (MpRecord            *event,
                                    MpDate               today);

/* What the plan must keep of @event when it is deleted: a new
 * MpCancellation for the plan's `cancellations` when some attendee holds
 * it in their calendar, else NULL. */
MpCancellation *mp_ical_cancellation_for (MpPlan        *plan,
                                          MpRecord      *event);

/* One invitation: one event for its attendees. Reference counted;
 * fields are read-only for users. */
typedef struct {
  MpRecord  *event;           /* the MpMilestone, MpMeeting or MpCancellation (a reference) */
  char      *event_id;
  gboolean   is_meeting;
  gboolean   is_deleted;      /* event is an MpCancellation: the event was deleted */
  gboolean   is_cancel;       /* METHOD:CANCEL */
  gboolean   is_update;       /* sent before, and what calendars show changed */
  gboolean   is_outdated;     /* due: some attendee's calendar differs */
  gboolean   is_past;         /* the event's last day is before today */
  const char *method;         /* "REQUEST", "CANCEL" or "DECLINECOUNTER" */
  char      *fingerprint;     /* mp_ical_event_fingerprint() when built */
  char      *basename;        /* file name stem, safe and unique in the set: "m-demo" */
  char      *uid;
  char      *summary;         /* the event's title as written in SUMMARY */
  int        sequence;        /* the SEQUENCE written */
  char      *organizer_name;
  char      *organizer_email;
  GStrv      attendee_names;  /* parallel to attendee_emails */
  GStrv      attendee_emails;
  GStrv      attendee_ids;    /* participant ids, "" for people no longer in the plan */
  GStrv      without_email;   /* names of invitees left out: no (valid) email */
  char      *ics;             /* the .ics text */
  char      *subject;         /* mail subject, in the UI language */
  char      *body;            /* short plain mail text, in the UI language */
  char      *eml;             /* the whole RFC 5322 message (mp-mail.h) */
} MpInvitation;

#define MP_TYPE_INVITATION (mp_invitation_get_type ())
GType         mp_invitation_get_type (void) G_GNUC_CONST;
MpInvitation *mp_invitation_ref      (MpInvitation *self);
void          mp_invitation_unref    (MpInvitation *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpInvitation, mp_invitation_unref)

/* The invitations for @plan, in plan order (milestones, meetings, then
 * deleted events), as a GPtrArray of MpInvitation (it frees them). An
 * event gives a REQUEST to its attendees (its SEQUENCE above every one
 * sent before when what calendars show changed) and a CANCEL to the
 * attendees removed since; a dropped milestone, cancelled meeting or
 * deleted event gives a CANCEL to everyone it was sent to.
 *
 * Attendees come from the milestone's `invite` (default: its two
 * owners) or the meeting's `attendees`; the organizer is never an
 * attendee of their own invitation. An event none of whose invitees has
 * an email is skipped and named in @warnings (a NULL-terminated array,
 * may be NULL); invitees without email are named in the DESCRIPTION.
 *
 * Errors (no file must be written then): MP_ERROR_NO_EMAIL when the plan
 * has no organizer with an email, or when no selected event has an
 * attendee with an email; MP_ERROR_NOTHING when no event is selected;
 * MP_ERROR_INVALID when for_participant names nobody. */
GPtrArray *mp_ical_build_invitations (MpPlan              *plan,
                                      const MpIcalOptions *options,
                                      GStrv               *warnings,
                                      GError             **error);

/* Writes BASENAME.ics and BASENAME.eml of every invitation into @dir
 * (made when missing), each file atomically. Returns the written files
 * (GFile, in order) or NULL with an error; everything is built before
 * the first byte is written. */
GPtrArray *mp_ical_write_invitations (GPtrArray           *invitations,
                                      GFile               *dir,
                                      GCancellable        *cancellable,
                                      GError             **error);

/* Records that @invitations were sent: for each attendee, the SEQUENCE
 * and fingerprint (`sent`), invited_sequence = the highest SEQUENCE
 * sent, for each event still in the document's plan (found by kind and
 * id); a deleted event's cancellation is dropped from `cancellations`.
 * `sequence` is raised to the SEQUENCE sent, so that it never falls
 * behind. One undo step, "Send Invitations". Returns how many events
 * changed. */
guint      mp_ical_mark_sent          (MpDocument          *document,
                                       GPtrArray           *invitations);

/* A DECLINECOUNTER to the attendee who made @proposal (an MpReply of
 * @event's `proposals`): the event as it is, at the SEQUENCE last sent. */
MpInvitation *mp_ical_build_decline_counter (MpPlan     *plan,
                                             MpRecord   *event,
                                             MpRecord   *proposal,
                                             GDateTime  *now,
                                             GError    **error);

G_END_DECLS
