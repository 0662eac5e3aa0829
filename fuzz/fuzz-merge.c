/* fuzz-merge.c: libFuzzer target for merging another copy of a plan
 * (mp-merge.h)
 *
 * The bytes are "their" copy of a plan file, merged into the merge
 * fixtures' "ours" over their common base, as `--merge`, git's merge
 * driver and Compare and Merge do. When their copy loads, every change
 * is applied: the merge either refuses with a reason or leaves a plan
 * that saves, loads again to the same bytes and survives everything a
 * user does with it. Every change and conflict can be said in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mp-document.h"
#include "mp-merge.h"
#include "mp-plan-exercise.h"
#include "mp-plan-io.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static GBytes *base_bytes, *ours_bytes;

static GBytes *
read_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (FUZZ_TOP, "tests", "data", "merge", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  gsize len = 0;

  g_file_get_contents (path, &text, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (text, len);
}

static MpPlan *
load (GBytes     *bytes,
      const char *name)
{
  g_autoptr(GError) error = NULL;
  MpPlan *plan = mp_plan_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), name, &error);

  g_assert_no_error (error);
  return plan;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_setenv ("MUTUALPLAN_TODAY", "2026-11-20", TRUE);
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  base_bytes = read_fixture ("base.mplan");
  ours_bytes = read_fixture ("ours.mplan");
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) theirs = mp_plan_load_from_data ((const char *) data, size, "theirs.mplan", &error);
  g_autoptr(MpPlan) base = NULL;
  g_autoptr(MpPlan) ours = NULL;
  g_autoptr(MpDocument) doc = NULL;
  g_autoptr(MpMerge) merge = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *described = NULL;
  int applied;

  if (theirs == NULL)
    return 0;
  base = load (base_bytes, "base.mplan");
  ours = load (ours_bytes, "ours.mplan");
  doc = mp_document_new (ours, NULL);
  /* Three-way and two-way. */
  for (int way = 0; way < 2; way++)
    {
      g_clear_object (&merge);
      merge = mp_merge_new (way == 0 ? base : NULL, ours, theirs);
      for (guint i = 0; i < mp_merge_get_n_changes (merge); i++)
        {
          MpMergeChange *change = mp_merge_get_change (merge, i);
          g_autofree char *text = mp_merge_change_describe (change);
          g_autofree char *conflict = mp_merge_change_describe_conflict (change);

          g_assert_nonnull (text);
        }
    }
  before = mp_plan_to_bytes (ours);
  applied = mp_merge_apply (merge, doc, "Merge", &error);
  if (applied < 0)
    {
      /* Refused: with a reason, and nothing changed. */
      g_autoptr(GBytes) same = mp_plan_to_bytes (ours);

      g_assert_nonnull (error);
      g_assert_true (g_bytes_equal (same, before));
      return 0;
    }
  mp_plan_exercise (ours);
  described = mp_plan_describe_changes (base, ours);
  g_assert_nonnull (described);
  return 0;
}
