/* mp-csv.h: the plan's milestones and tasks as a spreadsheet, and back
 *
 * Export: one row per milestone and per task (below its milestone),
 * RFC 4180 quoting, CRLF, UTF-8 with a byte-order mark so that Excel
 * reads umlauts. The columns have stable English names (and values:
 * the file format's nicks, ISO dates), or, as a second option, the
 * UI language's names and words with its list separator (";" in
 * German, what Excel there expects). A value a spreadsheet would run as
 * a formula (starting with = + - @, a tab or a carriage return) gets a
 * leading apostrophe; the import takes it off again.
 *
 * Import: reads such files and the usual Mutual Action Plan templates:
 * UTF-8 (with or without BOM) or Windows-1252, ";", "," or tab
 * separated, headers in English or German mapped to fields
 * (mp_csv_guess_mapping(), correctable by the user), dates as
 * YYYY-MM-DD, dd.mm.yyyy or m/d/yyyy. mp_csv_import_prepare() works out
 * what would be added and changed without touching the plan (rows are
 * matched to milestones and tasks by id, else by title); bad rows are
 * refused with the row, the column and the reason. mp_csv_import_apply()
 * makes the changes through an MpDocument as one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-document.h"
#include "mp-model.h"

G_BEGIN_DECLS

/* ---- export ---- */

typedef enum {
  MP_CSV_HEADERS_ENGLISH,   /* stable names and values, "," */
  MP_CSV_HEADERS_LOCALIZED, /* the UI language's, its list separator */
} MpCsvHeaders;

/* "english" or "localized". */
gboolean  mp_csv_headers_parse (const char   *text,
                                MpCsvHeaders *headers);
GBytes   *mp_csv_export_plan   (MpPlan       *plan,
                                MpCsvHeaders  headers);

/* ---- reading a file ---- */

#define MP_CSV_MAX_SIZE (64 * 1024 * 1024)

typedef struct {
  GPtrArray *rows;      /* of GStrv, the first row the header */
  char       separator;
  gboolean   windows_1252; /* the bytes were not UTF-8 */
  guint      n_columns; /* of the widest row */
} MpCsvTable;

/* Parses CSV bytes (encoding and separator detected). NULL and @error
 * (MP_ERROR_SYNTAX) for an empty file or an unclosed quote, which
 * names the row it started in. */
MpCsvTable *mp_csv_table_parse (const char  *data,
                                gsize        len,
                                GError     **error);
/* Reads and parses a CSV file of at most MP_CSV_MAX_SIZE bytes; the
 * error names the file. */
MpCsvTable *mp_csv_table_load  (GFile       *file,
                                GError     **error);
void        mp_csv_table_free  (MpCsvTable  *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpCsvTable, mp_csv_table_free)

/* ---- mapping columns to fields ---- */

typedef enum {
  MP_CSV_IGNORE,
  MP_CSV_TYPE,           /* milestone or task */
  MP_CSV_ID,
  MP_CSV_PARENT,         /* a task's milestone id */
  MP_CSV_TITLE,
  MP_CSV_RESPONSIBLE,    /* seller, customer, both */
  MP_CSV_OWNER,          /* an owner; their side decides which */
  MP_CSV_SELLER_OWNER,
  MP_CSV_CUSTOMER_OWNER,
  MP_CSV_START,
  MP_CSV_DUE,
  MP_CSV_STATUS,
  MP_CSV_COMMITMENT,
  MP_CSV_DESCRIPTION,
  MP_CSV_NOTES,
  MP_CSV_LOCATION,
  MP_CSV_N_FIELDS
} MpCsvField;

/* The field's name for people, UI language ("Due date"). */
const char *mp_csv_field_get_label (MpCsvField field);
/* A guess for each column of @table from its header and its values:
 * an array of table->n_columns MpCsvField; free with g_free(). No field
 * is guessed for two columns. */
MpCsvField *mp_csv_guess_mapping   (MpCsvTable *table);

/* ---- the import ---- */

typedef enum {
  MP_CSV_CHANGE_ADD_PARTICIPANT,
  MP_CSV_CHANGE_ADD_MILESTONE,
  MP_CSV_CHANGE_ADD_TASK,
  MP_CSV_CHANGE_UPDATE,
} MpCsvChangeKind;

typedef struct {
  MpCsvChangeKind kind;
  guint           row;      /* the spreadsheet row (the header is row 1); 0 for participants */
  char           *text;     /* what it does, for the preview (UI language) */
} MpCsvChange;

typedef struct _MpCsvImport MpCsvImport;

/* What importing @table with @mapping (table->n_columns fields) into
 * @plan would do. Never changes @plan. NULL and @error only when the
 * mapping has no title column. */
MpCsvImport *mp_csv_import_prepare     (MpPlan           *plan,
                                        MpCsvTable       *table,
                                        const MpCsvField *mapping,
                                        GError          **error);
void         mp_csv_import_free        (MpCsvImport      *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpCsvImport, mp_csv_import_free)
/* MpCsvChange, in the order they would be made. */
GPtrArray   *mp_csv_import_get_changes (MpCsvImport      *import);
/* Refused rows: "row 7, column Due: “31.02.2027” is not a date". */
GStrv        mp_csv_import_get_errors  (MpCsvImport      *import);
/* Milestones and tasks that would be added and changed. */
void         mp_csv_import_count       (MpCsvImport      *import,
                                        guint            *added,
                                        guint            *changed);
/* Makes the changes (not the refused rows) in @document's plan, which
 * must be the plan given to prepare, as one undo step. */
void         mp_csv_import_apply       (MpCsvImport      *import,
                                        MpDocument       *document);

/* Reads a CSV file and imports it into @plan with the guessed mapping
 * (the command line): FALSE and @error naming every refused row when
 * any row is bad; then @plan is unchanged. */
gboolean     mp_csv_import_file        (MpPlan           *plan,
                                        GFile            *file,
                                        guint            *added,
                                        guint            *changed,
                                        GError          **error);

G_END_DECLS
