/* mp-plan-io.h: reading and writing plan files (FORMAT.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-plan.h"

G_BEGIN_DECLS

/* Plan files are at most this large (FORMAT.md). */
#define MP_PLAN_MAX_FILE_SIZE (64 * 1024 * 1024)
/* Tasks in one plan, over all milestones (docs/file-format.md): 50,000
 * milestones with three tasks each fit with room. The other limits are
 * in mp-json-check.h. */
#define MP_PLAN_MAX_TASKS 500000

/* Parses and checks every rule of the format. On failure the error
 * (MP_ERROR) names @display_name, the JSON path and the rule, e.g.
 * "plan.mplan: milestones[3].due: "2026-02-30" is not a valid date (YYYY-MM-DD)". */
MpPlan   *mp_plan_load_from_data (const char   *data,
                                  gsize         len,
                                  const char   *display_name,
                                  GError      **error);
/* Blocking; for the command line and worker threads. The error names the
 * file by its basename. */
MpPlan   *mp_plan_load_from_file (GFile        *file,
                                  GCancellable *cancellable,
                                  GError      **error);
/* The same, and the content tag (mp_content_tag) of the bytes it read. */
MpPlan   *mp_plan_load_from_file_full (GFile        *file,
                                       char        **content_tag,
                                       GCancellable *cancellable,
                                       GError      **error);

/* The file's bytes: pretty-printed, members in FORMAT.md order, unknown
 * members in place, a final newline. The same plan gives the same bytes. */
GBytes   *mp_plan_to_bytes       (MpPlan       *plan);
/* The same of a snapshot of a plan (mp_record_snapshot ()), on any
 * thread: what a save writes while the plan goes on being edited. */
GBytes   *mp_plan_snapshot_to_bytes (MpRecordSnapshot *plan);

/* The checks of meaning the loader makes after reading (unique ids,
 * references, owners' sides, start ≤ due, no dependency cycle) on a plan
 * built in memory from valid plans (a merge); the error names
 * @display_name and the JSON path, as the loader's do. */
gboolean  mp_plan_validate       (MpPlan       *plan,
                                  const char   *display_name,
                                  GError      **error);

/* One record (@field < 0) or one of its fields as the file would hold
 * it, on one line: for messages and for comparing records. */
char     *mp_record_to_json      (MpRecord     *record,
                                  int           field);

/* Atomic (temporary file and rename); keeps the previous version as
 * FILE~ when @backup. On failure the old file is untouched. */
gboolean  mp_plan_save_to_file   (MpPlan       *plan,
                                  GFile        *file,
                                  gboolean      backup,
                                  GCancellable *cancellable,
                                  GError      **error);

/* Writes @bytes to @file atomically; the error says that the previous
 * version is unchanged. Shared by every writer of files. */
gboolean  mp_write_file_atomic   (GFile        *file,
                                  GBytes       *bytes,
                                  gboolean      backup,
                                  char        **new_etag,
                                  GCancellable *cancellable,
                                  GError      **error);

/* The same, creating a new file with @new_mode (less the umask), e.g.
 * 0600 for private copies; an existing file keeps its mode. */
gboolean  mp_write_file_atomic_mode (GFile        *file,
                                     GBytes       *bytes,
                                     gboolean      backup,
                                     int           new_mode,
                                     char        **new_etag,
                                     GCancellable *cancellable,
                                     GError      **error);

/* "sha256:SIZE:HEX": what a file's content is, for noticing that another
 * program changed it (mtimes can be kept by cp -p, rsync -t, unzip).
 * mp_write_file_atomic's @new_etag is this tag of the bytes written. */
char     *mp_content_tag         (const void   *data,
                                  gsize         len);

/* Removes the temporary files that a killed save of @file left next to
 * it (".NAME.XXXXXX", ".NAME~.XXXXXX"); saving and loading do it too. */
void      mp_remove_stale_temps  (GFile        *file);

/* A short, readable form of a JSON value for messages: "\"2026-02-30\"",
 * "12", "an array". */
char     *mp_json_describe_node  (JsonNode     *node);

G_END_DECLS
