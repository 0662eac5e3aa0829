/* mp-history-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-model.h"

struct _MpHistoryEntry
{
  MpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MpHistoryEntry, mp_history_entry, MP_TYPE_RECORD)

static const MpField fields[] = {
  { "at", MP_FIELD_DATETIME, MP_FIELD_REQUIRED, 0, 0, 0, NULL, MP_REF_NONE, "when" },
  { "text", MP_FIELD_STRING, MP_FIELD_REQUIRED, 0, 0, 0, NULL, MP_REF_NONE, "what changed and why" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == MP_HISTORY_ENTRY_N_FIELDS);

static void
mp_history_entry_class_init (MpHistoryEntryClass *klass)
{
  mp_record_class_install_fields (MP_RECORD_CLASS (klass), "history entry", fields, G_N_ELEMENTS (fields));
}

static void
mp_history_entry_init (MpHistoryEntry *self)
{
}

/* A new history entry as made in the app: a fresh id and the members a
 * new object writes. */
MpHistoryEntry *
mp_history_entry_new (void)
{
  MpHistoryEntry *self = g_object_new (MP_TYPE_HISTORY_ENTRY, NULL);

  mp_record_mark_new (MP_RECORD (self));
  return self;
}
