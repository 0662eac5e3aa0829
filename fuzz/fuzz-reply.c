/* fuzz-reply.c: libFuzzer target for the attendees' answers (mp-itip.h)
 *
 * The bytes are a reply file (.ics or a whole .eml) imported into the
 * sample plan after its invitations were sent, as `--import-reply` and
 * Import Replies do. Whatever the reply holds, the plan must still save,
 * load again to the same bytes and survive everything a user does with
 * it (tests/mp-plan-exercise.c), and undo must give the plan back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mp-document.h"
#include "mp-ical.h"
#include "mp-itip.h"
#include "mp-plan-exercise.h"
#include "mp-plan-io.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static GBytes *sent_plan;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *path = g_build_filename (FUZZ_TOP, "tests", "data", "valid", "acme-rollout.mplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = NULL;
  g_autoptr(MpDocument) doc = NULL;
  g_autoptr(GPtrArray) invitations = NULL;
  MpIcalOptions opt;

  g_setenv ("MUTUALPLAN_TODAY", "2026-11-20", TRUE);
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  /* The plan as after --export-invitations --mark-sent. */
  plan = mp_plan_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  doc = mp_document_new (plan, NULL);
  mp_ical_options_init (&opt);
  invitations = mp_ical_build_invitations (plan, &opt, NULL, &error);
  g_assert_no_error (error);
  mp_ical_mark_sent (doc, invitations);
  sent_plan = mp_plan_to_bytes (plan);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = mp_plan_load_from_data (g_bytes_get_data (sent_plan, NULL),
                                                   g_bytes_get_size (sent_plan), "sent.mplan", &error);
  g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);
  g_autoptr(GBytes) reply = g_bytes_new (data, size);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_itip_result_free);
  g_autoptr(GPtrArray) calendars = mp_itip_extract_calendars ((const char *) data, size);
  g_autoptr(GBytes) after = NULL;

  g_assert_no_error (error);
  if (!mp_itip_import (doc, "reply.eml", reply, results, &error))
    {
      /* A refusal says why in words. */
      g_assert_nonnull (error);
      g_assert_cmpuint (strlen (error->message), >, 0);
      return 0;
    }
  for (guint i = 0; i < results->len; i++)
    g_assert_nonnull (((MpItipResult *) g_ptr_array_index (results, i))->message);
  mp_plan_exercise (plan);
  /* One undo step gives the plan as it was. */
  if (mp_document_can_undo (doc))
    {
      mp_document_undo (doc);
      after = mp_plan_to_bytes (plan);
      g_assert_true (g_bytes_equal (after, sent_plan));
    }
  return 0;
}
