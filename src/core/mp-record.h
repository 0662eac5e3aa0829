/* mp-record.h: base class of every object of a plan
 *
 * Each kind of object (plan, participant, milestone…) is described by a
 * table of MpField, one per JSON member, in the order of FORMAT.md. The
 * table gives the GObject property (the member name with '-' for '_'),
 * its type, its default and the rules the loader checks. MpRecord stores
 * the values, notifies on real changes only, and remembers which members
 * the file had (so that a loaded file is written back as it came) and
 * the members this version does not know (kept in place).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "mp-date.h"

G_BEGIN_DECLS

typedef enum {
  MP_FIELD_STRING,         /* gchararray, NULL = absent */
  MP_FIELD_DATE,           /* guint day number, MP_DATE_NONE = absent */
  MP_FIELD_TIME,           /* gint minutes, MP_TIME_NONE = absent */
  MP_FIELD_DATETIME,       /* gchararray, RFC 3339 with offset */
  MP_FIELD_LOCAL_DATETIME, /* gchararray, YYYY-MM-DDTHH:MM */
  MP_FIELD_TIMEZONE,       /* gchararray, IANA name */
  MP_FIELD_INT,            /* gint in [min, max]; nullable ones use -1 */
  MP_FIELD_BOOL,           /* gboolean */
  MP_FIELD_ENUM,           /* the enum type in MpField.type */
  MP_FIELD_REF,            /* gchararray, an id of MpField.ref */
  MP_FIELD_REFS,           /* GStrv of ids of MpField.ref */
  MP_FIELD_CHILDREN,       /* GListStore of MpField.type, owned */
  MP_FIELD_CHILD,          /* one MpRecord of MpField.type or NULL */
  MP_FIELD_DATE_MAP,       /* baseline dates: MpDateMap */
} MpFieldKind;

typedef enum {
  MP_FIELD_REQUIRED = 1 << 0, /* must be present and not null */
  MP_FIELD_NONEMPTY = 1 << 1, /* a string that must not be empty */
  MP_FIELD_NEW      = 1 << 2, /* written for objects made in the app */
  MP_FIELD_HEADER   = 1 << 3, /* format/version: checked by the loader */
} MpFieldFlags;

typedef enum {
  MP_REF_NONE,
  MP_REF_PARTICIPANT,
  MP_REF_MILESTONE,
} MpRefKind;

typedef struct {
  const char   *name;        /* JSON member */
  MpFieldKind   kind;
  MpFieldFlags  flags;
  int           min;         /* MP_FIELD_INT */
  int           max;
  int           fallback;    /* default of INT, BOOL, ENUM */
  GType       (*get_type) (void); /* ENUM, CHILDREN, CHILD */
  MpRefKind     ref;
  const char   *blurb;       /* what it means, for the property */
} MpField;

/* Baseline dates: milestone id → start and due, in file order. */
typedef struct {
  char     *id;
  MpDate    start;
  MpDate    due;
  gboolean  has_start; /* the file wrote "start" (perhaps as null) */
  JsonNode *unknown;   /* members this version does not know, an object, or NULL */
} MpDateMapEntry;

typedef GPtrArray MpDateMap; /* of MpDateMapEntry */

#define MP_TYPE_DATE_MAP (mp_date_map_get_type ())
GType      mp_date_map_get_type (void) G_GNUC_CONST;
MpDateMap *mp_date_map_new      (void);
void       mp_date_map_add      (MpDateMap  *map,
                                 const char *id,
                                 MpDate      start,
                                 MpDate      due);
const MpDateMapEntry *mp_date_map_lookup (MpDateMap  *map,
                                          const char *id);

#define MP_TYPE_RECORD (mp_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (MpRecord, mp_record, MP, RECORD, GObject)

struct _MpRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const MpField *fields;
  guint          n_fields;
  GParamSpec   **pspecs;
  int            id_field;   /* index of "id", or -1 */
  const char    *kind_name;  /* "milestone": for messages */
  guint64        children_mask; /* the CHILDREN and CHILD fields */
};

/* Called from a subclass's class_init: installs one property per field. */
void           mp_record_class_install_fields (MpRecordClass *klass,
                                               const char    *kind_name,
                                               const MpField *fields,
                                               guint          n_fields);

const MpField *mp_record_get_fields       (MpRecord   *self,
                                           guint      *n_fields);
int            mp_record_find_field       (MpRecord   *self,
                                           const char *name);
const char    *mp_record_get_kind_name    (MpRecord   *self);

const char    *mp_record_get_id           (MpRecord   *self);
void           mp_record_set_id           (MpRecord   *self,
                                           const char *id);

/* Typed access by field index; the setters notify only on a change. */
const GValue  *mp_record_peek_value       (MpRecord   *self,
                                           guint       field);
gboolean       mp_record_set_value        (MpRecord     *self,
                                           guint         field,
                                           const GValue *value);
/* For the loader: stores @value in @field of a record nobody watches
 * yet, moving its content (@value is left unset), without comparing
 * or notifying. */
void           mp_record_take_value       (MpRecord     *self,
                                           guint         field,
                                           GValue       *value);
const char    *mp_record_get_string       (MpRecord   *self,
                                           guint       field);
void           mp_record_set_string       (MpRecord   *self,
                                           guint       field,
                                           const char *value);
int            mp_record_get_int          (MpRecord   *self,
                                           guint       field);
void           mp_record_set_int          (MpRecord   *self,
                                           guint       field,
                                           int         value);
/* @value as a GValue of the field's own type (int, enum, boolean or day
 * number); @out is initialised here. */
void           mp_record_int_value        (MpRecord   *self,
                                           guint       field,
                                           int         value,
                                           GValue     *out);
MpDate         mp_record_get_date         (MpRecord   *self,
                                           guint       field);
void           mp_record_set_date         (MpRecord   *self,
                                           guint       field,
                                           MpDate      value);
gboolean       mp_record_get_bool         (MpRecord   *self,
                                           guint       field);
void           mp_record_set_bool         (MpRecord   *self,
                                           guint       field,
                                           gboolean    value);
const char * const *mp_record_get_strv    (MpRecord   *self,
                                           guint       field);
void           mp_record_set_strv         (MpRecord          *self,
                                           guint              field,
                                           const char * const *value);
GListStore    *mp_record_get_children     (MpRecord   *self,
                                           guint       field);
MpRecord      *mp_record_get_child        (MpRecord   *self,
                                           guint       field);
void           mp_record_set_child        (MpRecord   *self,
                                           guint       field,
                                           MpRecord   *child);

/* TRUE when @a and @b (GValues of @field's type) hold the same value;
 * children and child records compare by identity, as setters do. */
gboolean       mp_record_values_equal     (MpRecord     *self,
                                           guint         field,
                                           const GValue *a,
                                           const GValue *b);

/* TRUE when the field holds its default (absent) value. */
gboolean       mp_record_is_default       (MpRecord   *self,
                                           guint       field);

/* Which members the file had; the loader and the writer use these. */
gboolean       mp_record_has_member       (MpRecord   *self,
                                           guint       field);
void           mp_record_mark_member      (MpRecord   *self,
                                           guint       field);
/* Marks the fields flagged MP_FIELD_NEW: an object made in the app. */
void           mp_record_mark_new         (MpRecord   *self);

/* Members unknown to this version, each after the known field it
 * followed in the file (-1: before the first). */
void           mp_record_add_unknown      (MpRecord   *self,
                                           int         after_field,
                                           const char *name,
                                           JsonNode   *node);
guint          mp_record_get_n_unknown    (MpRecord   *self);
void           mp_record_get_unknown      (MpRecord    *self,
                                           guint        i,
                                           int         *after_field,
                                           const char **name,
                                           JsonNode   **node);

/* Replaces the unknown member @name (or adds it after @after_field);
 * @node NULL removes it. The merge sets members of a newer version. */
void           mp_record_set_unknown      (MpRecord   *self,
                                           int         after_field,
                                           const char *name,
                                           JsonNode   *node);
/* The unknown member @name, or NULL. */
JsonNode      *mp_record_lookup_unknown   (MpRecord   *self,
                                           const char *name);

/* Counters for caches of derived facts (indexes by id, the plan's
 * health): the change serial grows with every change of a field
 * (mp_record_set_value ()) and of a list of children (items-changed) of
 * any record; the id serial with every change of an id. A cache keeps
 * the serial it was made at and is stale when it differs. The loader's
 * mp_record_take_value () counts nothing: its records are new. */
guint          mp_record_get_change_serial (void);
guint          mp_record_get_id_serial     (void);

/* Replaces the unknown member @name (or adds it after @after_field);
 * @node NULL removes it. The merge sets members of a newer version. */
void           mp_record_set_unknown      (MpRecord   *self,
                                           int         after_field,
                                           const char *name,
                                           JsonNode   *node);
/* The unknown member @name, or NULL. */
JsonNode      *mp_record_lookup_unknown   (MpRecord   *self,
                                           const char *name);

/* A new id: PREFIX-xxxxxxxx, unique in practice. */
char          *mp_record_new_id           (const char *prefix);

/* A deep copy, with the same ids, members and unknown members. */
MpRecord      *mp_record_copy             (MpRecord   *self);

/* ---- snapshots ---- */
/* What @self and its children hold now, for writing them on another
 * thread while the record goes on changing. Cheap: the values are
 * shared, and a record copies its own before it next changes while a
 * snapshot holds them (copy on write), so a snapshot never sees a later
 * change. Make and free it on the thread that owns the records (freeing
 * can drop the last reference of what an edit replaced); in between, any
 * thread may read it. Treat the values as read-only: nothing of a record
 * is changed in place (a new GStrv or MpDateMap replaces the old one). */
typedef struct _MpRecordSnapshot MpRecordSnapshot;

MpRecordSnapshot *mp_record_snapshot            (MpRecord         *self);
void           mp_record_snapshot_free          (MpRecordSnapshot *snap);
const MpField *mp_record_snapshot_get_fields    (MpRecordSnapshot *snap,
                                                 guint            *n_fields);
const char    *mp_record_snapshot_get_kind_name (MpRecordSnapshot *snap);
/* CHILDREN and CHILD fields hold the live list or record: read them
 * through mp_record_snapshot_get_child () instead. */
const GValue  *mp_record_snapshot_peek_value    (MpRecordSnapshot *snap,
                                                 guint             field);
gboolean       mp_record_snapshot_has_member    (MpRecordSnapshot *snap,
                                                 guint             field);
gboolean       mp_record_snapshot_is_default    (MpRecordSnapshot *snap,
                                                 guint             field);
/* The children of a CHILDREN field, or the one of a CHILD field (0 or 1). */
guint          mp_record_snapshot_get_n_children (MpRecordSnapshot *snap,
                                                  guint             field);
MpRecordSnapshot *mp_record_snapshot_get_child  (MpRecordSnapshot *snap,
                                                 guint             field,
                                                 guint             i);
guint          mp_record_snapshot_get_n_unknown (MpRecordSnapshot *snap);
void           mp_record_snapshot_get_unknown   (MpRecordSnapshot  *snap,
                                                 guint              i,
                                                 int               *after_field,
                                                 const char       **name,
                                                 JsonNode         **node);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpRecordSnapshot, mp_record_snapshot_free)

G_END_DECLS
