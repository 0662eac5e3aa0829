/* mp-display.h: plan text made safe to show
 *
 * Plan files come from people we do not control. Their text reaches a
 * terminal (--check, --report) and the window; neither may be fooled by
 * it: no escape sequences into a terminal, no forged lines, no
 * right-to-left override that turns the app's own words around, no text
 * so long that a label asks for a window wider than X accepts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most characters of one plan text a label shows (the rest is "…"). */
#define MP_DISPLAY_MAX_CHARS 1000

/* For a terminal: control characters (C0 but tab and, when
 * @keep_newlines, newline; DEL; C1) and the bidirectional controls as
 * visible escapes ("\x1b", "\u202e"); invalid UTF-8 replaced. */
char *mp_display_escape_terminal (const char *text,
                                  gboolean    keep_newlines);

/* For a label: at most @max_chars characters (then "…"; -1: no limit),
 * and text with bidirectional controls isolated (FSI … PDI, any isolate
 * it leaves open closed) so that it cannot reorder what follows it. */
char *mp_display_text            (const char *text,
                                  gssize      max_chars);

G_END_DECLS
