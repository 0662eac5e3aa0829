/* mp-enums.h: the enumerations of the plan file format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Which side a participant is on. */
typedef enum {
  MP_SIDE_SELLER,
  MP_SIDE_CUSTOMER,
} MpSide;

/* Which side must deliver a milestone, or whose blackout it is. */
typedef enum {
  MP_PARTY_SELLER,
  MP_PARTY_CUSTOMER,
  MP_PARTY_BOTH,
} MpParty;

typedef enum {
  MP_GOAL_OPEN,
  MP_GOAL_ACHIEVED,
  MP_GOAL_DROPPED,
} MpGoalStatus;

typedef enum {
  MP_STATUS_PLANNED,
  MP_STATUS_IN_PROGRESS,
  MP_STATUS_DONE,
  MP_STATUS_BLOCKED,
  MP_STATUS_DROPPED,
} MpStatus;

#define MP_TYPE_SIDE        (mp_side_get_type ())
#define MP_TYPE_PARTY       (mp_party_get_type ())
#define MP_TYPE_GOAL_STATUS (mp_goal_status_get_type ())
#define MP_TYPE_STATUS      (mp_status_get_type ())

GType mp_side_get_type        (void) G_GNUC_CONST;
GType mp_party_get_type       (void) G_GNUC_CONST;
GType mp_goal_status_get_type (void) G_GNUC_CONST;
GType mp_status_get_type      (void) G_GNUC_CONST;

/* The nick as written in the file ("in_progress"), or NULL. */
const char *mp_enum_to_nick   (GType enum_type,
                               int   value);
/* TRUE and *value when @nick is one of the type's nicks. */
gboolean    mp_enum_from_nick (GType       enum_type,
                               const char *nick,
                               int        *value);
/* "\"seller\", \"customer\"": the allowed nicks, for messages. */
char       *mp_enum_list_nicks (GType enum_type);

gboolean    mp_party_includes (MpParty party,
                               MpSide  side);

G_END_DECLS
