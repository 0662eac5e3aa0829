/* mp-file-kind.h: what a file that is not a plan is, in plain words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A sentence for a file that did not load as a plan, from its first
 * bytes ("“acme.ics” is a calendar file, not a plan"); NULL when the
 * start looks like a plan or like nothing known (then the loader's own
 * message says more). @name: the file's display name. */
char *mp_file_kind_describe (const char *head,
                             gsize       len,
                             const char *name);

G_END_DECLS
