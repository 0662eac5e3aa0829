/* mp-model.h: every type of the plan model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-date.h"
#include "mp-enums.h"
#include "mp-error.h"
#include "mp-record.h"
#include "mp-participant.h"
#include "mp-goal.h"
#include "mp-task.h"
#include "mp-sent.h"
#include "mp-reply.h"
#include "mp-occurrence.h"
#include "mp-cancellation.h"
#include "mp-milestone.h"
#include "mp-blackout.h"
#include "mp-meeting.h"
#include "mp-reporting.h"
#include "mp-baseline.h"
#include "mp-history-entry.h"
#include "mp-plan.h"
