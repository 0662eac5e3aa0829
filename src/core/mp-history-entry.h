/* mp-history-entry.h: what changed and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-enums.h"
#include "mp-record.h"

G_BEGIN_DECLS

#define MP_TYPE_HISTORY_ENTRY (mp_history_entry_get_type ())
G_DECLARE_FINAL_TYPE (MpHistoryEntry, mp_history_entry, MP, HISTORY_ENTRY, MpRecord)

/* Field indexes, in the order of FORMAT.md. */
typedef enum {
  MP_HISTORY_ENTRY_AT,
  MP_HISTORY_ENTRY_TEXT,
  MP_HISTORY_ENTRY_N_FIELDS
} MpHistoryEntryField;

MpHistoryEntry *mp_history_entry_new (void);

static inline const char *
mp_history_entry_get_at (MpHistoryEntry *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_HISTORY_ENTRY_AT);
}

static inline void
mp_history_entry_set_at (MpHistoryEntry *self,
                         const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_HISTORY_ENTRY_AT, value);
}

static inline const char *
mp_history_entry_get_text (MpHistoryEntry *self)
{
  return mp_record_get_string (MP_RECORD (self), MP_HISTORY_ENTRY_TEXT);
}

static inline void
mp_history_entry_set_text (MpHistoryEntry *self,
                           const char *value)
{
  mp_record_set_string (MP_RECORD (self), MP_HISTORY_ENTRY_TEXT, value);
}

G_END_DECLS
