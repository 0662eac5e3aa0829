/* mp-error.h: the error domain of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MP_ERROR (mp_error_quark ())

typedef enum {
  MP_ERROR_SYNTAX,        /* not JSON, not UTF-8, empty */
  MP_ERROR_NOT_A_PLAN,    /* JSON, but no MutualPlan header */
  MP_ERROR_NEWER_VERSION, /* written by a newer MutualPlan */
  MP_ERROR_INVALID,       /* breaks a rule of the format */
  MP_ERROR_TOO_LARGE,     /* over the size limit */
  MP_ERROR_NOTHING,       /* nothing to export */
  MP_ERROR_FAILED,
  MP_ERROR_NO_EMAIL,      /* invitations: an organizer or attendee email is missing */
} MpError;

GQuark mp_error_quark (void);

G_END_DECLS
