/* mp-document.h: a plan being edited: its file, its undo history
 *
 * Every change to a plan, from any view, goes through the functions
 * here. Each records a command on the undo stack; a group of changes
 * (a drag, a shift with dependents, removing a participant and clearing
 * its references) undoes as one. Views listen to the model's own
 * signals (items-changed, notify), to ::record-changed for what changed
 * (the record and the field, detailed by the record's kind:
 * "record-changed::task"), and to ::changed (once per step: an edit, an
 * undo, a redo) for facts derived from the whole plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-meeting.h"
#include "mp-plan.h"

G_BEGIN_DECLS

#define MP_TYPE_DOCUMENT (mp_document_get_type ())
G_DECLARE_FINAL_TYPE (MpDocument, mp_document, MP, DOCUMENT, GObject)

MpDocument *mp_document_new              (MpPlan       *plan,
                                          GFile        *file);
MpPlan     *mp_document_get_plan         (MpDocument   *self);
GFile      *mp_document_get_file         (MpDocument   *self);
void        mp_document_set_file         (MpDocument   *self,
                                          GFile        *file);
/* The file's entity tag when it was loaded or last saved: saving checks
 * that nobody changed the file since. */
const char *mp_document_get_etag         (MpDocument   *self);
void        mp_document_set_etag         (MpDocument   *self,
                                          const char   *etag);
/* "plan.mplan", or "Untitled plan". */
char       *mp_document_get_display_name (MpDocument   *self);

gboolean    mp_document_get_modified     (MpDocument   *self);
/* The current state is what the file holds (after load or save). */
void        mp_document_mark_saved       (MpDocument   *self);

/* ---- edits ---- */
void        mp_document_set_value        (MpDocument   *self,
                                          MpRecord     *record,
                                          guint         field,
                                          const GValue *value);
void        mp_document_set_string       (MpDocument   *self,
                                          MpRecord     *record,
                                          guint         field,
                                          const char   *value);
void        mp_document_set_int          (MpDocument   *self,
                                          MpRecord     *record,
                                          guint         field,
                                          int           value);
void        mp_document_set_date         (MpDocument   *self,
                                          MpRecord     *record,
                                          guint         field,
                                          MpDate        value);
void        mp_document_set_bool         (MpDocument   *self,
                                          MpRecord     *record,
                                          guint         field,
                                          gboolean      value);
void        mp_document_set_strv         (MpDocument   *self,
                                          MpRecord     *record,
                                          guint         field,
                                          const char * const *value);
void        mp_document_set_child        (MpDocument   *self,
                                          MpRecord     *record,
                                          guint         field,
                                          MpRecord     *child);
/* A member this version does not know (@node NULL removes it). */
void        mp_document_set_unknown      (MpDocument   *self,
                                          MpRecord     *record,
                                          int           after_field,
                                          const char   *name,
                                          JsonNode     *node);
/* TRUE when a change of @field of @record (a milestone or a meeting)
 * raises its `sequence`: what invitations show (FORMAT.md). */
gboolean    mp_document_field_raises_sequence (MpRecord *record,
                                               guint     field);
/* Cancels the one occurrence of recurring @meeting on @date, or lets it
 * take place again (@cancelled FALSE): one undo step ("Cancel One Date"
 * / "Restore Date"); the meeting's sequence rises, so its invitation is
 * out of date (FORMAT.md, `occurrences`). Nothing when already so. */
void        mp_document_set_occurrence_cancelled (MpDocument *self,
                                                  MpMeeting  *meeting,
                                                  MpDate      date,
                                                  gboolean    cancelled);
void        mp_document_insert           (MpDocument   *self,
                                          GListStore   *store,
                                          guint         position,
                                          MpRecord     *item);
void        mp_document_remove           (MpDocument   *self,
                                          GListStore   *store,
                                          guint         position);
void        mp_document_move             (MpDocument   *self,
                                          GListStore   *store,
                                          guint         from,
                                          guint         to);

/* Removing what others refer to: the references are cleared in the same
 * undoable step, so no id ever dangles. */
void        mp_document_remove_participant (MpDocument    *self,
                                            MpParticipant *participant);
void        mp_document_remove_milestone   (MpDocument    *self,
                                            MpMilestone   *milestone);
/* What refers to @participant, as sentences ("owns “Demo”"), for the
 * question before removing; empty when nothing does. */
GPtrArray  *mp_document_describe_participant_uses (MpDocument    *self,
                                                   MpParticipant *participant);

/* Groups: everything between begin and end undoes as one step. Groups
 * nest; @label names the step ("Move Milestone"). */
void        mp_document_begin            (MpDocument   *self,
                                          const char   *label);
void        mp_document_end              (MpDocument   *self);

gboolean    mp_document_can_undo         (MpDocument   *self);
gboolean    mp_document_can_redo         (MpDocument   *self);
const char *mp_document_get_undo_label   (MpDocument   *self);
const char *mp_document_get_redo_label   (MpDocument   *self);
gboolean    mp_document_undo             (MpDocument   *self);
gboolean    mp_document_redo             (MpDocument   *self);

/* ---- autosave ---- */
/* After each change, the unsaved state is written to the recovery
 * folder after @delay_ms of quiet (0 turns it off): a snapshot of the
 * plan is taken on the main thread, its text made and written on a
 * worker. Saving or closing removes the recovery copy (also one that a
 * worker was writing meanwhile, once it is done). */
void        mp_document_set_autosave     (MpDocument   *self,
                                          guint         delay_ms);
/* The recovery copy's path (it may not exist yet). */
const char *mp_document_get_recovery_path (MpDocument  *self);
/* Writes the recovery copy now, blocking (the timer writes on a worker). */
gboolean    mp_document_write_recovery   (MpDocument   *self,
                                          GError      **error);
/* TRUE while the timer's recovery copy is being written on a worker. */
gboolean    mp_document_is_writing_recovery (MpDocument *self);
void        mp_document_discard_recovery (MpDocument   *self);

/* A recovery copy left by a session that ended without saving. */
typedef struct {
  char *path;      /* the copy */
  char *file_uri;  /* the plan's own file, or NULL for a new plan */
  char *title;
  char *saved;     /* RFC 3339 */
  char *etag;      /* the file's tag as the crashed session read it, or NULL */
} MpRecovery;

void        mp_recovery_free             (MpRecovery   *recovery);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpRecovery, mp_recovery_free)

/* The recovery copies of sessions that are no longer running, newest
 * first (a GPtrArray of MpRecovery). */
GPtrArray  *mp_document_list_recoveries  (void);
/* Opens a recovery copy as a modified document of its original file; the
 * copy stays until that document is saved or its changes discarded. */
MpDocument *mp_document_recover          (MpRecovery   *recovery,
                                          GError      **error);

/* ---- saving ---- */
/* Saves to the document's file (or @file for Save As), atomically with a
 * backup. Unless @force, fails with G_IO_ERROR_WRONG_ETAG when the file
 * changed on disk since it was loaded or saved. What is saved is a
 * snapshot of the plan taken here; its text is made, checked (a plan
 * that would not load is refused) and written on a worker, and edits
 * made meanwhile stay unsaved. */
void        mp_document_save_async       (MpDocument          *self,
                                          GFile               *file,
                                          gboolean             force,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    mp_document_save_finish      (MpDocument          *self,
                                          GAsyncResult        *result,
                                          GError             **error);
/* Blocking: loads @file, remembering its etag. */
MpDocument *mp_document_load             (GFile               *file,
                                          GCancellable        *cancellable,
                                          GError             **error);

G_END_DECLS
