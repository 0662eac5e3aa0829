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

#define MP_JSON_MAX_DEPTH 64

/* FALSE when @data is not valid JSON text (RFC 8259) or nests deeper than
 * MP_JSON_MAX_DEPTH; then *line and *column (1-based, column in
 * characters) and a message that says what was found and expected. */
gboolean mp_json_check (const char  *data,
                        gsize        len,
                        int         *line,
                        int         *column,
                        char       **message);

G_END_DECLS
