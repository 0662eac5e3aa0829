/* mp-templates.h: built-in plan templates laid out from a target date
 *
 * A template is a list of steps (milestones) with their length in
 * working days and the working days of slack after each. Creating one
 * lays the steps out backwards: the last step is due on the last
 * working day before the target minus the plan's buffer, each earlier
 * step ends before the next starts, no date falls on a weekend, every
 * step depends on the one before, and two placeholder participants
 * (one per side) own the steps. Titles are in the UI language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mp-plan.h"

G_BEGIN_DECLS

/* The templates in the order to offer them; "classic" comes first. */
guint       mp_templates_get_n           (void);
const char *mp_templates_get_id          (guint       index);
/* In the UI language. */
const char *mp_templates_get_name        (guint       index);
const char *mp_templates_get_description (guint       index);

/* A new plan (a new id, objects marked new) from the template @id for
 * the customer's @target date; NULL and MP_ERROR_INVALID for an unknown
 * id or no target. */
MpPlan     *mp_templates_create          (const char *id,
                                          MpDate      target,
                                          GError    **error);

/* What New from Template asks for; NULL members keep the placeholders. */
typedef struct {
  const char *customer;          /* the customer's organization */
  const char *title;             /* the deal */
  const char *seller_contact;    /* the two main contacts' names */
  const char *customer_contact;
  MpDate      today;             /* MP_DATE_NONE: mp_date_today () */
} MpTemplateDetails;

/* As mp_templates_create(), with the customer, the deal and the two main
 * contacts. A plan is never overdue when it is made: when the target is
 * too close for the steps, they are laid forward from today (the same
 * working days apart) and *@laid_forward says so; mp_templates_create()
 * does the same with today's date. */
MpPlan     *mp_templates_create_for      (const char              *id,
                                          MpDate                   target,
                                          const MpTemplateDetails *details,
                                          gboolean                *laid_forward,
                                          GError                 **error);

G_END_DECLS
