/* fuzz-load.c: libFuzzer target for a plan file from untrusted bytes
 *
 * Loads the bytes; when they load, the plan must also survive everything
 * a user can do with a mailed plan (tests/mp-plan-exercise.c: save and
 * reload, checks, health, report, iCalendar, the timeline on screen and
 * in printed pages, all in memory).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-plan-exercise.h"
#include "mp-plan-io.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* Reproducible: the same input gives the same run. */
  g_setenv ("MUTUALPLAN_TODAY", "2026-11-20", TRUE);
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = NULL;

  plan = mp_plan_load_from_data ((const char *) data, size, "fuzz.mplan", &error);
  if (plan == NULL)
    {
      /* Every refusal is a clear error that names the file. */
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.mplan: "));
      return 0;
    }
  mp_plan_exercise (plan);
  return 0;
}
