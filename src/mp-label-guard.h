/* mp-label-guard.h: no label asks for more room than the display gives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A label never asks for more than this minimum width, nor more than
 * MP_LABEL_GUARD_MAX_SIZE of anything. */
#define MP_LABEL_GUARD_MAX_MIN_WIDTH 800
#define MP_LABEL_GUARD_MAX_SIZE      8000

void mp_label_guard_init (void);

G_END_DECLS
