/* mp-json-check.h: exact positions for JSON syntax errors
 *
 * json-glib 1.6 reports some syntax errors at the token before the
 * real one (a missing comma is blamed on the previous line). This small
 * scanner finds the first offending byte and says what was expected.
 * It also bounds the nesting depth before json-glib's recursive parser
 * sees the data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The limits of a plan file (docs/file-format.md), checked before
 * json-glib builds a tree: nesting; characters in one string (member
 * names too; a GtkEntry holds at most 65,535); items in one array and
 * members in one object. */
#define MP_JSON_MAX_DEPTH 64
#define MP_JSON_MAX_STRING 65534
#define MP_JSON_MAX_ITEMS 100000

/* FALSE when @data is not valid JSON text (RFC 8259) or breaks one of
 * the limits above; then *path (the JSON path of the value, "" at the
 * top), *line and *column (1-based, column in characters) and a message
 * that says what was found and expected. */
gboolean mp_json_check (const char  *data,
                        gsize        len,
                        char       **path,
                        int         *line,
                        int         *column,
                        char       **message);

G_END_DECLS
