/* mp-merge.h: merging two copies of a plan, and what changed between two
 *
 * A plan file travels: the customer edits a mailed copy while the seller
 * edits theirs, or two people change one plan on two git branches. Every
 * record has a stable id, so MpMerge compares by meaning: records by id
 * (tasks by id across milestones, so a task that moved is not a removal
 * and an addition), then field by field, members this version does not
 * know by name, and the order of lists.
 *
 * mp_merge_new (BASE, OURS, THEIRS) lists what THEIRS changed since BASE
 * as MpMergeChange entries. A change OURS did not touch is clean and
 * applied by default; a field both changed differently, a record one
 * side changed and the other removed, or a record both moved to different
 * places is a conflict, and by default keeps OURS. Without a BASE (a copy
 * nobody kept the shared version of) every difference is a conflict: a
 * choice for the user. mp_merge_apply () writes the chosen changes into
 * OURS through an MpDocument as one undo step, so the format's rules come
 * with them (a range's other end, owners on the right side, `sequence`
 * raised, history of moved and dropped milestones), and refuses a result
 * that would not load.
 *
 * The shared versions: when a plan leaves the app (Send Plan, Save a Copy
 * for the Customer, Send Invitations, Export as Web Page), the caller
 * remembers that version with mp_merge_remember_shared (); merging a copy
 * later finds the best one again with mp_merge_find_shared_base ().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-document.h"
#include "mp-plan.h"

G_BEGIN_DECLS

typedef enum {
  MP_MERGE_SET,     /* a field of a record both copies have */
  MP_MERGE_ADD,     /* a record only THEIRS has */
  MP_MERGE_REMOVE,  /* a record THEIRS removed (or, without a base, does not have) */
  MP_MERGE_MOVE,    /* a record THEIRS put elsewhere: order, or a task to another milestone */
  MP_MERGE_UNKNOWN, /* a member this version does not know */
} MpMergeKind;

typedef enum {
  MP_MERGE_GROUP_PLAN,      /* the plan's own fields, blackouts, meetings, reports, baselines, history */
  MP_MERGE_GROUP_MILESTONE, /* a milestone and its tasks */
  MP_MERGE_GROUP_PERSON,    /* a participant */
  MP_MERGE_GROUP_GOAL,      /* a goal */
} MpMergeGroup;

typedef struct _MpMergeChange MpMergeChange;

typedef struct _MpMergeChange {
  MpMergeKind   kind;
  gboolean      conflict;
  /* A clean change: apply it. A conflict: take THEIRS (FALSE keeps OURS). */
  gboolean      apply;
  char         *path;        /* JSON path: in OURS, or in THEIRS for a record OURS lacks */
  MpMergeGroup  group;
  char         *group_id;    /* the milestone's, participant's or goal's id; NULL for the plan */
  char         *group_title; /* "Legal review", "Lena Ortiz" */
  char         *subject;     /* what it concerns: "“Legal review”", "Task “Sign” of “Legal review”" */
  char         *what;        /* the change in words: "due 26 Mar 2027 → 2 Apr 2027" */
  char         *topic;       /* what a conflict is about: "title", "order", "member “x_crm”" */
  char         *ours_text;   /* conflicts: OURS' value as JSON (or "removed") */
  char         *theirs_text; /* conflicts: THEIRS' value */
  char         *ours_words;  /* conflicts: OURS' value in words */
  char         *theirs_words;

  /*< private >*/
  MpRecord     *target;      /* the record in OURS (SET, UNKNOWN, REMOVE, MOVE) */
  MpRecord     *source;      /* the record in THEIRS (SET, UNKNOWN, ADD, MOVE) */
  int           field;       /* SET; UNKNOWN: the known field it follows */
  char         *name;        /* UNKNOWN: the member */
  MpRecord     *ours_parent;   /* REMOVE, MOVE: OURS' record holding the list */
  MpRecord     *theirs_parent; /* ADD, MOVE: THEIRS' record holding the list */
  guint         list_field;
  gboolean      append;      /* ADD: at the end (lists without ids, like the history) */
  gboolean      own;         /* it concerns the group's own record, not a task of it */
  char         *after_id;    /* MOVE: goes after this record, which neither side moved (NULL: first) */
} MpMergeChange;

#define MP_TYPE_MERGE (mp_merge_get_type ())
G_DECLARE_FINAL_TYPE (MpMerge, mp_merge, MP, MERGE, GObject)

/* @base may be NULL: a two-way comparison. @ours is the plan the changes
 * go into (a document's plan for the window). */
MpMerge       *mp_merge_new             (MpPlan      *base,
                                         MpPlan      *ours,
                                         MpPlan      *theirs);
gboolean       mp_merge_has_base        (MpMerge     *self);
guint          mp_merge_get_n_changes   (MpMerge     *self);
MpMergeChange *mp_merge_get_change      (MpMerge     *self,
                                         guint        i);
guint          mp_merge_get_n_conflicts (MpMerge     *self);

/* Applies the changes whose `apply` is set to OURS through @doc (whose
 * plan must be OURS) as one undo step named @label. Returns the number
 * of changes applied, or -1 with @error (MP_ERROR_INVALID, saying why)
 * when the result would not load; then nothing is changed. */
int            mp_merge_apply           (MpMerge     *self,
                                         MpDocument  *doc,
                                         const char  *label,
                                         GError     **error);

/* For an OURS nobody else holds (the command line): applies the chosen
 * changes through a private document, then checks the result. -1 with
 * @error when it would not load; OURS must not be written then. */
int            mp_merge_apply_in_place  (MpMerge     *self,
                                         GError     **error);

/* "milestones[2].due: ours "2027-03-26", theirs "2027-04-02"; kept ours":
 * a conflict for the command line. */
char          *mp_merge_change_describe_conflict (MpMergeChange *change);
/* "“Legal review” due 26 Mar 2027 → 2 Apr 2027": one change in words. */
char          *mp_merge_change_describe          (MpMergeChange *change);

/* The changes from @old to @new in words, one line each; "" when none. */
char          *mp_plan_describe_changes (MpPlan      *old_plan,
                                         MpPlan      *new_plan);
/* The plan as lines of text, one per record, for `git diff`'s textconv:
 * a line diff of two summaries reads as the change. */
char          *mp_plan_describe         (MpPlan      *plan);

/* ---- the shared versions ---- */

/* Remembers @plan as it is now as a version that left the app, in
 * $XDG_DATA_HOME/mutualplan/shared/ by plan id (the newest 20 per plan). */
gboolean       mp_merge_remember_shared (MpPlan      *plan,
                                         GError     **error);
/* The remembered version of @copy's plan that @copy differs least from
 * (the one it was made from), or NULL when none is known. @when gets the
 * time it was remembered (RFC 3339), when not NULL. */
MpPlan        *mp_merge_find_shared_base (MpPlan     *copy,
                                          char      **when);

G_END_DECLS
