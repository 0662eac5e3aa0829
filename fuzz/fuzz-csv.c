/* fuzz-csv.c: libFuzzer target for spreadsheet import (mp-csv.h)
 *
 * The bytes are a CSV file imported into the sample plan as
 * `--import-csv` and Import Spreadsheet do: parsed (encoding and
 * separator guessed), columns mapped by guess, the import prepared and
 * applied. The plan must still save, load again to the same bytes and
 * survive everything a user does with it; undo must give it back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mp-csv.h"
#include "mp-document.h"
#include "mp-plan-exercise.h"
#include "mp-plan-io.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static GBytes *sample;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *path = g_build_filename (FUZZ_TOP, "tests", "data", "valid", "acme-rollout.mplan", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  gsize len = 0;

  g_setenv ("MUTUALPLAN_TODAY", "2026-11-20", TRUE);
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_file_get_contents (path, &text, &len, &error);
  g_assert_no_error (error);
  sample = g_bytes_new_take (text, len);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = mp_plan_load_from_data (g_bytes_get_data (sample, NULL), g_bytes_get_size (sample),
                                                   "acme.mplan", &error);
  g_autoptr(GBytes) before = mp_plan_to_bytes (plan);
  g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);
  g_autoptr(MpCsvTable) table = NULL;
  g_autoptr(MpCsvImport) import = NULL;
  g_autofree MpCsvField *mapping = NULL;
  g_autoptr(GBytes) exported = NULL;

  g_assert_no_error (error);
  table = mp_csv_table_parse ((const char *) data, size, &error);
  if (table == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  for (guint r = 0; r < table->rows->len; r++)
    for (char **cell = g_ptr_array_index (table->rows, r); *cell; cell++)
      g_assert_true (g_utf8_validate (*cell, -1, NULL));
  mapping = mp_csv_guess_mapping (table);
  import = mp_csv_import_prepare (plan, table, mapping, &error);
  if (import == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  /* Preparing never changes the plan. */
  {
    g_autoptr(GBytes) same = mp_plan_to_bytes (plan);
    g_assert_true (g_bytes_equal (same, before));
  }
  mp_csv_import_apply (import, doc);
  mp_plan_exercise (plan);
  exported = mp_csv_export_plan (plan, MP_CSV_HEADERS_ENGLISH);
  g_assert_nonnull (exported);
  if (mp_document_can_undo (doc))
    {
      g_autoptr(GBytes) after = NULL;

      mp_document_undo (doc);
      after = mp_plan_to_bytes (plan);
      g_assert_true (g_bytes_equal (after, before));
    }
  return 0;
}
