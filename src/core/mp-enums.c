/* mp-enums.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-enums.h"
#include "mp-error.h"

/* The nicks are the file format's spelling (FORMAT.md), so they are
 * spelled out here rather than generated from the C names. */
#define DEFINE_ENUM(func, Name, ...)                                       \
  GType                                                                    \
  func (void)                                                              \
  {                                                                        \
    static gsize type_id;                                                  \
    if (g_once_init_enter (&type_id))                                      \
      {                                                                    \
        static const GEnumValue values[] = { __VA_ARGS__, { 0, NULL, NULL } }; \
        GType t = g_enum_register_static (g_intern_static_string (Name), values); \
        g_once_init_leave (&type_id, t);                                   \
      }                                                                    \
    return type_id;                                                        \
  }

DEFINE_ENUM (mp_side_get_type, "MpSide",
             { MP_SIDE_SELLER, "MP_SIDE_SELLER", "seller" },
             { MP_SIDE_CUSTOMER, "MP_SIDE_CUSTOMER", "customer" })

DEFINE_ENUM (mp_party_get_type, "MpParty",
             { MP_PARTY_SELLER, "MP_PARTY_SELLER", "seller" },
             { MP_PARTY_CUSTOMER, "MP_PARTY_CUSTOMER", "customer" },
             { MP_PARTY_BOTH, "MP_PARTY_BOTH", "both" })

DEFINE_ENUM (mp_goal_status_get_type, "MpGoalStatus",
             { MP_GOAL_OPEN, "MP_GOAL_OPEN", "open" },
             { MP_GOAL_ACHIEVED, "MP_GOAL_ACHIEVED", "achieved" },
             { MP_GOAL_DROPPED, "MP_GOAL_DROPPED", "dropped" })

DEFINE_ENUM (mp_status_get_type, "MpStatus",
             { MP_STATUS_PLANNED, "MP_STATUS_PLANNED", "planned" },
             { MP_STATUS_IN_PROGRESS, "MP_STATUS_IN_PROGRESS", "in_progress" },
             { MP_STATUS_DONE, "MP_STATUS_DONE", "done" },
             { MP_STATUS_BLOCKED, "MP_STATUS_BLOCKED", "blocked" },
             { MP_STATUS_DROPPED, "MP_STATUS_DROPPED", "dropped" })

const char *
mp_enum_to_nick (GType enum_type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
mp_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev;

  if (nick == NULL)
    return FALSE;
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;
  *value = ev->value;
  return TRUE;
}

char *
mp_enum_list_nicks (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (s, "%s\"%s\"", i > 0 ? ", " : "", klass->values[i].value_nick);
  return g_string_free (s, FALSE);
}

gboolean
mp_party_includes (MpParty party,
                   MpSide  side)
{
  if (party == MP_PARTY_BOTH)
    return TRUE;
  return (party == MP_PARTY_SELLER) == (side == MP_SIDE_SELLER);
}

G_DEFINE_QUARK (mp-error-quark, mp_error)
