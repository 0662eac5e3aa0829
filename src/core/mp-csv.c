/* mp-csv.c: the plan's milestones and tasks as a spreadsheet, and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-csv.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "mp-display.h"
#include "mp-format.h"
#include "mp-plan-io.h"

/* ---- columns ---- */

typedef struct {
  MpCsvField  field;
  const char *english;   /* the stable header */
  const char *context;   /* msgctxt of the localized header */
  const char *localized; /* msgid of the localized header (N_) */
} Column;

/* The exported columns, in order. */
static const Column columns[] = {
  { MP_CSV_TYPE, "Type", "spreadsheet column", NC_("spreadsheet column", "Type") },
  { MP_CSV_ID, "ID", "spreadsheet column", NC_("spreadsheet column", "ID") },
  { MP_CSV_PARENT, "Milestone ID", "spreadsheet column", NC_("spreadsheet column", "Milestone ID") },
  { MP_CSV_TITLE, "Title", "spreadsheet column", NC_("spreadsheet column", "Title") },
  { MP_CSV_RESPONSIBLE, "Responsible", "spreadsheet column", NC_("spreadsheet column", "Responsible") },
  { MP_CSV_SELLER_OWNER, "Seller owner", "spreadsheet column", NC_("spreadsheet column", "Seller owner") },
  { MP_CSV_CUSTOMER_OWNER, "Customer owner", "spreadsheet column", NC_("spreadsheet column", "Customer owner") },
  { MP_CSV_START, "Start", "spreadsheet column", NC_("spreadsheet column", "Start") },
  { MP_CSV_DUE, "Due", "spreadsheet column", NC_("spreadsheet column", "Due") },
  { MP_CSV_STATUS, "Status", "spreadsheet column", NC_("spreadsheet column", "Status") },
  { MP_CSV_COMMITMENT, "Committed", "spreadsheet column", NC_("spreadsheet column", "Committed") },
  { MP_CSV_DESCRIPTION, "Description", "spreadsheet column", NC_("spreadsheet column", "Description") },
  { MP_CSV_NOTES, "Notes", "spreadsheet column", NC_("spreadsheet column", "Notes") },
  { MP_CSV_LOCATION, "Location", "spreadsheet column", NC_("spreadsheet column", "Location") },
};

static const char *
localized_header (const Column *c)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, c->context, c->localized);
}

const char *
mp_csv_field_get_label (MpCsvField field)
{
  switch (field)
    {
    case MP_CSV_IGNORE: return _("(Do not import)");
    case MP_CSV_OWNER: return _("Owner (side from the person)");
    default:
      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        if (columns[i].field == field)
          return localized_header (&columns[i]);
    }
  return "";
}

/* ---- export ---- */

gboolean
mp_csv_headers_parse (const char   *text,
                      MpCsvHeaders *headers)
{
  if (g_strcmp0 (text, "english") == 0)
    *headers = MP_CSV_HEADERS_ENGLISH;
  else if (g_strcmp0 (text, "localized") == 0)
    *headers = MP_CSV_HEADERS_LOCALIZED;
  else
    return FALSE;
  return TRUE;
}

static gboolean
formula_like (const char *value)
{
  return value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;
}

static void
append_value (GString    *out,
              const char *value,
              char        separator)
{
  gboolean quote;

  if (value == NULL)
    value = "";
  /* A spreadsheet would run it as a formula: an apostrophe makes it text. */
  if (formula_like (value))
    {
      g_autofree char *text = g_strconcat ("'", value, NULL);

      append_value (out, text, separator);
      return;
    }
  quote = strchr (value, separator) != NULL || strpbrk (value, "\"\r\n") != NULL;
  if (!quote)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_row (GString     *out,
            const char **values,
            char         separator)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      if (i > 0)
        g_string_append_c (out, separator);
      append_value (out, values[i], separator);
    }
  g_string_append (out, "\r\n");
}

static char *
date_text (MpDate date)
{
  return date == MP_DATE_NONE ? g_strdup ("") : mp_date_format (date);
}

static const char *
type_word (gboolean task,
           gboolean localized)
{
  if (!localized)
    return task ? "task" : "milestone";
  return task ? C_("spreadsheet row type", "task") : C_("spreadsheet row type", "milestone");
}

GBytes *
mp_csv_export_plan (MpPlan       *plan,
                    MpCsvHeaders  headers)
{
  gboolean loc = headers == MP_CSV_HEADERS_LOCALIZED;
  /* Translators: the list separator of spreadsheets in your language: ";"
   * where the decimal separator is a comma (German Excel expects ";") */
  char separator = loc ? C_("spreadsheet list separator", ",")[0] : ',';
  GListModel *milestones = G_LIST_MODEL (mp_plan_get_milestones (plan));
  GString *out = g_string_new ("\xef\xbb\xbf");
  const char *row[G_N_ELEMENTS (columns)];

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);

  if (separator != ',' && separator != ';' && separator != '\t')
    separator = ',';
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    row[i] = loc ? localized_header (&columns[i]) : columns[i].english;
  append_row (out, row, separator);

  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (milestones, i);
      GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (m));
      g_autofree char *start = date_text (mp_milestone_get_start (m));
      g_autofree char *due = date_text (mp_milestone_get_due (m));
      MpParty party = mp_milestone_get_responsible (m);
      MpStatus status = mp_milestone_get_status (m);

      row[0] = type_word (FALSE, loc);
      row[1] = mp_milestone_get_id (m);
      row[2] = "";
      row[3] = mp_milestone_get_title (m);
      row[4] = loc ? mp_format_party (party) : mp_enum_to_nick (MP_TYPE_PARTY, party);
      row[5] = mp_format_participant (plan, mp_milestone_get_seller_owner (m));
      row[6] = mp_format_participant (plan, mp_milestone_get_customer_owner (m));
      row[7] = start;
      row[8] = due;
      row[9] = loc ? mp_format_status (status) : mp_enum_to_nick (MP_TYPE_STATUS, status);
      row[10] = mp_milestone_get_commitment (m) ? (loc ? C_("spreadsheet", "yes") : "yes") : "";
      row[11] = mp_milestone_get_description (m);
      row[12] = mp_milestone_get_notes (m);
      row[13] = mp_milestone_get_location (m);
      append_row (out, row, separator);

      for (guint k = 0; k < g_list_model_get_n_items (tasks); k++)
        {
          g_autoptr(MpTask) t = g_list_model_get_item (tasks, k);
          MpParticipant *owner = mp_plan_find_participant (plan, mp_task_get_owner (t));
          gboolean customer = owner != NULL && mp_participant_get_side (owner) == MP_SIDE_CUSTOMER;
          const char *who = mp_format_participant (plan, mp_task_get_owner (t));
          g_autofree char *tdue = date_text (mp_task_get_due (t));
          gboolean done = mp_task_get_done (t);

          memset (row, 0, sizeof row);
          row[0] = type_word (TRUE, loc);
          row[1] = mp_task_get_id (t);
          row[2] = mp_milestone_get_id (m);
          row[3] = mp_task_get_title (t);
          row[5] = customer ? "" : who;
          row[6] = customer ? who : "";
          row[8] = tdue;
          row[9] = loc ? (done ? C_("task", "Done") : C_("task", "Open")) : (done ? "done" : "open");
          append_row (out, row, separator);
        }
    }
  return g_string_free_to_bytes (out);
}

/* ---- reading ---- */

void
mp_csv_table_free (MpCsvTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static char
guess_separator (const char *text,
                 const char *end)
{
  guint counts[3] = { 0 };
  const char seps[3] = { ';', ',', '\t' };
  gboolean quoted = FALSE;
  guint best = 1;

  /* The header line, outside quotes (the bytes need not end in NUL). */
  for (const char *p = text; p < end && *p && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted)
        for (guint i = 0; i < 3; i++)
          if (*p == seps[i])
            counts[i]++;
    }
  for (guint i = 0; i < 3; i++)
    if (counts[i] > counts[best])
      best = i;
  return seps[best];
}

MpCsvTable *
mp_csv_table_parse (const char  *data,
                    gsize        len,
                    GError     **error)
{
  g_autoptr(MpCsvTable) table = g_new0 (MpCsvTable, 1);
  g_autofree char *converted = NULL;
  const char *text, *end;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE, any = FALSE;
  guint row_start = 1, line = 1;

  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  if (g_utf8_validate (data, len, NULL))
    text = data;
  else
    {
      g_autoptr(GError) local = NULL;

      /* Excel's "CSV" on Windows: Windows-1252 (its few holes as Latin-1). */
      converted = g_convert_with_fallback (data, len, "UTF-8", "WINDOWS-1252", "?", NULL, &len, &local);
      if (converted == NULL)
        converted = g_convert (data, len, "UTF-8", "ISO-8859-1", NULL, &len, NULL);
      if (converted == NULL)
        {
          g_set_error (error, MP_ERROR, MP_ERROR_SYNTAX, _("The file is neither UTF-8 nor Windows-1252 text"));
          return NULL;
        }
      text = converted;
      table->windows_1252 = TRUE;
    }
  end = text + len;
  if (memchr (text, '\0', len) != NULL)
    {
      g_set_error (error, MP_ERROR, MP_ERROR_SYNTAX, _("The file holds NUL characters: it is not a spreadsheet saved as CSV"));
      return NULL;
    }
  table->separator = guess_separator (text, end);
  /* Excel's hint line "sep=;" names the separator and is no row. */
  if (end - text >= 5 && g_ascii_strncasecmp (text, "sep=", 4) == 0 &&
      (end - text == 5 || text[5] == '\r' || text[5] == '\n'))
    {
      char sep = text[4];

      text += 5;
      if (text < end && *text == '\r')
        text++;
      if (text < end && *text == '\n')
        text++;
      /* Only a separator we can read; for any other (a quote) the
       * header line decides. */
      if (sep == ',' || sep == ';' || sep == '\t' || sep == '|')
        table->separator = sep;
      else
        table->separator = guess_separator (text, end);
    }

  fields = g_ptr_array_new_with_free_func (g_free);
  for (const char *p = text; p < end; p++)
    {
      char c = *p;

      if (quoted)
        {
          if (c == '"' && p + 1 < end && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          continue;
        }
      if (c == '"' && field->len == 0)
        {
          quoted = TRUE;
          any = TRUE;
        }
      else if (c == table->separator)
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          any = TRUE;
        }
      else if (c == '\r' || c == '\n')
        {
          if (c == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          line++;
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (table->rows, g_ptr_array_steal (fields, NULL));
          fields = g_ptr_array_new_with_free_func (g_free);
          any = FALSE;
          row_start = line;
        }
      else
        {
          g_string_append_c (field, c);
          any = TRUE;
        }
    }
  if (quoted)
    {
      g_set_error (error, MP_ERROR, MP_ERROR_SYNTAX,
                   _("Line %u: a quoted value is never closed (a \" is missing)"), row_start);
      return NULL;
    }
  if (any || field->len > 0)
    {
      g_ptr_array_add (fields, g_strdup (field->str));
      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (table->rows, g_ptr_array_steal (fields, NULL));
    }
  /* Empty rows at the end (and in between) are no rows. */
  for (guint i = table->rows->len; i > 0; i--)
    {
      GStrv r = g_ptr_array_index (table->rows, i - 1);
      gboolean empty = TRUE;

      for (guint k = 0; r[k]; k++)
        if (*g_strstrip (r[k]))
          empty = FALSE;
      if (empty && i - 1 == table->rows->len - 1)
        g_ptr_array_remove_index (table->rows, i - 1);
    }
  if (table->rows->len == 0)
    {
      g_set_error (error, MP_ERROR, MP_ERROR_SYNTAX, _("The file is empty"));
      return NULL;
    }
  for (guint i = 0; i < table->rows->len; i++)
    table->n_columns = MAX (table->n_columns, g_strv_length (g_ptr_array_index (table->rows, i)));
  return g_steal_pointer (&table);
}

MpCsvTable *
mp_csv_table_load (GFile   *file,
                   GError **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  char buf[65536];
  gsize got;
  MpCsvTable *table;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, MP_ERROR, MP_ERROR_FAILED, _("%s: not a regular file"), name);
      return NULL;
    }
  if (g_file_info_get_size (info) > MP_CSV_MAX_SIZE)
    {
      g_set_error (error, MP_ERROR, MP_ERROR_TOO_LARGE, _("%s: the file is larger than %d MiB"), name,
                   MP_CSV_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  /* The reported size can lie (a file that grows): the read is bounded too. */
  if ((in = g_file_read (file, NULL, error)) == NULL)
    return NULL;
  do
    {
      if (!g_input_stream_read_all (G_INPUT_STREAM (in), buf, sizeof buf, &got, NULL, error))
        return NULL;
      g_byte_array_append (bytes, (const guint8 *) buf, got);
      if (bytes->len > MP_CSV_MAX_SIZE)
        {
          g_set_error (error, MP_ERROR, MP_ERROR_TOO_LARGE, _("%s: the file is larger than %d MiB"), name,
                       MP_CSV_MAX_SIZE / (1024 * 1024));
          return NULL;
        }
    }
  while (got == sizeof buf);
  if ((table = mp_csv_table_parse ((const char *) bytes->data, bytes->len, error)) == NULL)
    g_prefix_error (error, "%s: ", name);
  return table;
}

/* ---- guessing the mapping ---- */

/* Lower case, only letters and digits. */
static char *
normalize (const char *text)
{
  g_autofree char *down = g_utf8_strdown (text != NULL ? text : "", -1);
  GString *s = g_string_new (NULL);

  for (const char *p = down; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

static const struct {
  MpCsvField  field;
  const char *names; /* normalized, separated by | */
} synonyms[] = {
  { MP_CSV_TYPE, "type|typ|art|kind|rowtype|zeilentyp" },
  { MP_CSV_ID, "id|uid|key|schlüssel|kennung" },
  { MP_CSV_PARENT, "milestoneid|meilensteinid|parent|parentid|übergeordnet" },
  { MP_CSV_TITLE, "title|step|milestone|task|name|activity|action|item|deliverable|titel|schritt|meilenstein|"
                  "aufgabe|bezeichnung|aktivität|maßnahme|massnahme|vorgang|arbeitspaket|thema" },
  { MP_CSV_RESPONSIBLE, "responsible|side|responsibleside|party|zuständig|seite|partei|zuständigkeit" },
  { MP_CSV_SELLER_OWNER, "sellerowner|vendorowner|ourowner|owneruns|supplierowner|verantwortlichanbieter|"
                         "anbieterseite|anbieterverantwortlich|verantwortlicheranbieter|anbieter|seller|vendor" },
  { MP_CSV_CUSTOMER_OWNER, "customerowner|clientowner|buyerowner|ownercustomer|customer|client|"
                           "verantwortlichkunde|kundenseite|kundenverantwortlich|verantwortlicherkunde|"
                           "ansprechpartnerkunde|kunde" },
  { MP_CSV_OWNER, "owner|who|assignee|assignedto|responsibleperson|verantwortlich|verantwortlicher|wer|"
                  "zuständigeperson|ansprechpartner|eigentümer" },
  { MP_CSV_START, "start|startdate|begin|beginning|from|beginn|startdatum|anfang|von|starttermin" },
  { MP_CSV_DUE, "due|duedate|date|deadline|end|enddate|finish|targetdate|when|by|fällig|fälligam|"
                "fälligkeit|termin|datum|bis|ende|enddatum|zieldatum|zieltermin|frist" },
  { MP_CSV_STATUS, "status|state|progress|zustand|stand|fortschritt" },
  { MP_CSV_COMMITMENT, "committed|commitment|agreed|confirmed|zugesagt|zusage|bestätigt|verbindlich" },
  { MP_CSV_DESCRIPTION, "description|details|detail|beschreibung|inhalt" },
  { MP_CSV_NOTES, "notes|note|comments|comment|remarks|notizen|notiz|bemerkungen|bemerkung|kommentar|"
                  "kommentare|anmerkungen|anmerkung" },
  { MP_CSV_LOCATION, "location|place|where|ort|wo|raum" },
};

static MpCsvField
field_for_header (const char *header)
{
  g_autofree char *n = normalize (header);

  if (*n == '\0')
    return MP_CSV_IGNORE;
  /* Our own headers, in English and in the UI language. */
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *a = normalize (columns[i].english);
      g_autofree char *b = normalize (localized_header (&columns[i]));

      if (g_str_equal (n, a) || g_str_equal (n, b))
        return columns[i].field;
    }
  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    {
      g_auto(GStrv) names = g_strsplit (synonyms[i].names, "|", -1);

      for (guint k = 0; names[k]; k++)
        if (g_str_equal (n, names[k]))
          return synonyms[i].field;
    }
  return MP_CSV_IGNORE;
}

static gboolean parse_party (const char *text, MpParty *party);

MpCsvField *
mp_csv_guess_mapping (MpCsvTable *table)
{
  MpCsvField *map = g_new0 (MpCsvField, MAX (1u, table->n_columns));
  GStrv header = g_ptr_array_index (table->rows, 0);
  gboolean used[MP_CSV_N_FIELDS] = { FALSE };

  for (guint c = 0; header[c] && c < table->n_columns; c++)
    {
      MpCsvField f = field_for_header (header[c]);

      /* "Verantwortlich" holds people or sides: the values tell. */
      if (f == MP_CSV_RESPONSIBLE || f == MP_CSV_OWNER)
        {
          guint parties = 0, others = 0;

          for (guint r = 1; r < table->rows->len; r++)
            {
              GStrv row = g_ptr_array_index (table->rows, r);
              MpParty p;

              if (c >= g_strv_length (row) || *row[c] == '\0')
                continue;
              if (parse_party (row[c], &p))
                parties++;
              else
                others++;
            }
          if (parties + others > 0)
            f = parties >= others ? MP_CSV_RESPONSIBLE : MP_CSV_OWNER;
        }
      if (f != MP_CSV_IGNORE && used[f])
        f = MP_CSV_IGNORE;
      used[f] = TRUE;
      map[c] = f;
    }
  return map;
}

/* ---- values ---- */

static gboolean
word_in (const char *text,
         const char *words)
{
  g_autofree char *n = normalize (text);
  g_auto(GStrv) list = g_strsplit (words, "|", -1);

  for (guint i = 0; list[i]; i++)
    if (g_str_equal (n, list[i]))
      return TRUE;
  return FALSE;
}

static gboolean
same_word (const char *text,
           const char *other)
{
  g_autofree char *a = normalize (text);
  g_autofree char *b = normalize (other);

  return *a && g_str_equal (a, b);
}

static gboolean
parse_party (const char *text,
             MpParty    *party)
{
  for (int p = MP_PARTY_SELLER; p <= MP_PARTY_BOTH; p++)
    if (same_word (text, mp_enum_to_nick (MP_TYPE_PARTY, p)) || same_word (text, mp_format_party (p)))
      {
        *party = p;
        return TRUE;
      }
  if (word_in (text, "vendor|supplier|us|we|anbieter|verkäufer|lieferant|wir"))
    *party = MP_PARTY_SELLER;
  else if (word_in (text, "client|buyer|kunde|käufer|auftraggeber"))
    *party = MP_PARTY_CUSTOMER;
  else if (word_in (text, "joint|together|beide|gemeinsam|alle"))
    *party = MP_PARTY_BOTH;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_status (const char *text,
              MpStatus   *status)
{
  for (int s = MP_STATUS_PLANNED; s <= MP_STATUS_DROPPED; s++)
    if (same_word (text, mp_enum_to_nick (MP_TYPE_STATUS, s)) || same_word (text, mp_format_status (s)))
      {
        *status = s;
        return TRUE;
      }
  if (word_in (text, "open|notstarted|todo|new|pending|offen|neu|nichtbegonnen|ausstehend|geplant|planned"))
    *status = MP_STATUS_PLANNED;
  else if (word_in (text, "started|ongoing|wip|inarbeit|inbearbeitung|läuft|begonnen|inprogress"))
    *status = MP_STATUS_IN_PROGRESS;
  else if (word_in (text, "complete|completed|finished|closed|yes|x|erledigt|fertig|abgeschlossen|ja|"
                    "done|ok|100"))
    *status = MP_STATUS_DONE;
  else if (word_in (text, "stuck|onhold|waiting|blockiert|wartet|gestoppt"))
    *status = MP_STATUS_BLOCKED;
  else if (word_in (text, "cancelled|canceled|obsolete|removed|gestrichen|entfällt|entfallen|abgesagt|storniert"))
    *status = MP_STATUS_DROPPED;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_bool (const char *text,
            gboolean   *value)
{
  if (*text == '\0' || word_in (text, "no|n|false|0|nein|falsch"))
    *value = FALSE;
  else if (same_word (text, C_("spreadsheet", "yes")) ||
           word_in (text, "yes|y|true|1|x|ja|wahr|committed|zugesagt"))
    *value = TRUE;
  else
    return FALSE;
  return TRUE;
}

/* YYYY-MM-DD, dd.mm.yyyy (d.m.yy too) or m/d/yyyy, real dates only. */
static gboolean
parse_date (const char *text,
            MpDate     *date)
{
  int a, b, c;
  char s1, s2, rest;

  if (mp_date_parse (text, date))
    return TRUE;
  if (sscanf (text, "%d%c%d%c%d%c", &a, &s1, &b, &s2, &c, &rest) != 5 || s1 != s2)
    return FALSE;
  if ((s1 == '.' || s1 == '/') && c >= 0 && c < 100)
    c += 2000;
  if (s1 == '.' || s1 == '/')
    {
      int day = s1 == '.' ? a : b, month = s1 == '.' ? b : a;

      if (c < 1000 || c > 9999 || !g_date_valid_dmy (day, month, c))
        return FALSE;
      *date = mp_date_from_ymd (c, month, day);
      return TRUE;
    }
  if (s1 == '-' && a > 999 && g_date_valid_dmy (c, b, a))
    {
      *date = mp_date_from_ymd (a, b, c);
      return TRUE;
    }
  return FALSE;
}

/* ---- preparing the import ---- */

typedef struct {
  MpRecord *record;  /* the existing milestone or task */
  guint     field;   /* its field */
  GValue    value;
} Edit;

typedef struct {
  MpCsvChangeKind kind;
  guint           row;
  MpRecord       *existing;  /* UPDATE: the record */
  MpRecord       *added;     /* ADD_*: the new record (a milestone carries its new tasks) */
  MpMilestone    *parent;    /* ADD_TASK: the existing milestone */
  GArray         *edits;     /* UPDATE: Edit */
  gboolean        nested;    /* a task added to a milestone that is added too */
} Step;

struct _MpCsvImport {
  MpPlan    *plan;
  GPtrArray *steps;      /* Step */
  GPtrArray *changes;    /* MpCsvChange */
  GPtrArray *errors;     /* char * */
  GPtrArray *people;     /* MpParticipant to add */
  guint      added;
  guint      changed;
  /* Lookups made once, so a long sheet is read in linear time. */
  GHashTable *people_by_key; /* id, case-folded name, lower-case email → MpParticipant */
  GHashTable *by_title;      /* case-folded title → the plan's MpMilestone */
  GHashTable *new_by_id;     /* id → new MpMilestone */
  GHashTable *new_set;       /* the new MpMilestones */
  GPtrArray  *pending_ids;   /* PendingId: set after reading, since setting an id
                              * anywhere makes the plan rebuild its id index */
};

typedef struct {
  MpRecord *record;
  char     *id;
} PendingId;

static void
pending_id_free (gpointer data)
{
  PendingId *p = data;

  g_object_unref (p->record);
  g_free (p->id);
  g_free (p);
}

/* A record of @type as new objects are made, without an id yet: the
 * _new () functions give one at once, and every id set makes the plan
 * rebuild its index, which per row would make reading quadratic. */
static MpRecord *
blank_record (GType type)
{
  MpRecord *record = g_object_new (type, NULL);

  mp_record_mark_new (record);
  return record;
}

static void
defer_id (MpCsvImport *import,
          MpRecord    *record,
          const char  *id)
{
  PendingId *p = g_new0 (PendingId, 1);

  p->record = g_object_ref (record);
  p->id = g_strdup (id);
  g_ptr_array_add (import->pending_ids, p);
}

static char *
fold (const char *text)
{
  g_autofree char *n = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_DEFAULT_COMPOSE);

  return g_utf8_casefold (n != NULL ? n : "", -1);
}

static void
index_person (MpCsvImport   *import,
              MpParticipant *p,
              const char    *id)
{
  const char *email = mp_participant_get_email (p);
  char *keys[3] = { g_strconcat ("id:", id, NULL), fold (mp_participant_get_name (p)),
                    email != NULL && *email ? g_ascii_strdown (email, -1) : NULL };

  for (guint i = 0; i < 3; i++)
    if (keys[i] != NULL && !g_hash_table_contains (import->people_by_key, keys[i]))
      g_hash_table_insert (import->people_by_key, keys[i], p);
    else
      g_free (keys[i]);
}

static gboolean
is_value (gpointer key,
          gpointer value,
          gpointer user_data)
{
  return value == user_data;
}

static void
step_free (gpointer data)
{
  Step *s = data;

  g_clear_object (&s->existing);
  g_clear_object (&s->added);
  g_clear_object (&s->parent);
  if (s->edits != NULL)
    {
      for (guint i = 0; i < s->edits->len; i++)
        {
          Edit *e = &g_array_index (s->edits, Edit, i);

          g_value_unset (&e->value);
          g_object_unref (e->record);
        }
      g_array_unref (s->edits);
    }
  g_free (s);
}

static void
change_free (gpointer data)
{
  MpCsvChange *c = data;

  g_free (c->text);
  g_free (c);
}

void
mp_csv_import_free (MpCsvImport *import)
{
  if (import == NULL)
    return;
  g_clear_object (&import->plan);
  g_ptr_array_unref (import->steps);
  g_ptr_array_unref (import->changes);
  g_ptr_array_unref (import->errors);
  g_ptr_array_unref (import->people);
  g_clear_pointer (&import->people_by_key, g_hash_table_unref);
  g_clear_pointer (&import->by_title, g_hash_table_unref);
  g_clear_pointer (&import->new_by_id, g_hash_table_unref);
  g_clear_pointer (&import->new_set, g_hash_table_unref);
  g_clear_pointer (&import->pending_ids, g_ptr_array_unref);
  g_free (import);
}

GPtrArray *
mp_csv_import_get_changes (MpCsvImport *import)
{
  return import->changes;
}

GStrv
mp_csv_import_get_errors (MpCsvImport *import)
{
  GStrvBuilder *b = g_strv_builder_new ();

  for (guint i = 0; i < import->errors->len; i++)
    g_strv_builder_add (b, g_ptr_array_index (import->errors, i));
  return g_strv_builder_end (b);
}

void
mp_csv_import_count (MpCsvImport *import,
                     guint       *added,
                     guint       *changed)
{
  if (added)
    *added = import->added;
  if (changed)
    *changed = import->changed;
}

static void
add_change (MpCsvImport     *import,
            MpCsvChangeKind  kind,
            guint            row,
            char            *text)
{
  MpCsvChange *c = g_new0 (MpCsvChange, 1);

  c->kind = kind;
  c->row = row;
  c->text = text;
  g_ptr_array_add (import->changes, c);
}

/* The row being read: its cells by field, and where to report. */
typedef struct {
  MpCsvImport *import;
  GStrv        header;
  guint        row;       /* spreadsheet row number */
  const char  *cell[MP_CSV_N_FIELDS];
  int          column[MP_CSV_N_FIELDS];
  gboolean     bad;
} Row;

G_GNUC_PRINTF (3, 4)
static void
row_error (Row        *r,
           MpCsvField  field,
           const char *format,
           ...)
{
  va_list args;
  g_autofree char *what = NULL;
  char *line;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (field != MP_CSV_IGNORE && r->column[field] >= 0)
    {
      const char *name = r->header[r->column[field]];

      /* Translators: "row 7, column Due: “31.02.2027” is not a date" */
      line = g_strdup_printf (_("row %u, column %s: %s"), r->row, name != NULL && *name ? name : "?", what);
    }
  else
    line = g_strdup_printf (_("row %u: %s"), r->row, what);
  g_ptr_array_add (r->import->errors, line);
  r->bad = TRUE;
}

static const char *
get (Row        *r,
     MpCsvField  f)
{
  return r->cell[f] != NULL ? r->cell[f] : "";
}

static MpParticipant *
find_person (MpCsvImport *import,
             const char  *text)
{
  g_autofree char *id = g_strconcat ("id:", text, NULL);
  g_autofree char *name = fold (text);
  g_autofree char *email = g_ascii_strdown (text, -1);
  MpParticipant *p;

  if ((p = g_hash_table_lookup (import->people_by_key, id)) != NULL ||
      (p = g_hash_table_lookup (import->people_by_key, name)) != NULL ||
      (p = g_hash_table_lookup (import->people_by_key, email)) != NULL)
    return p;
  return NULL;
}

/* The participant named @text, made on @side when the plan has none. */
static MpParticipant *
person (Row        *r,
        MpCsvField  field,
        MpSide      side,
        gboolean    side_known)
{
  MpCsvImport *import = r->import;
  const char *text = get (r, field);
  MpParticipant *p = find_person (import, text);

  if (p != NULL)
    {
      if (side_known && mp_participant_get_side (p) != side)
        {
          row_error (r, field, _("“%s” is on the %s side"), text,
                     mp_format_side (mp_participant_get_side (p)));
          return NULL;
        }
      return p;
    }
  p = mp_participant_new ();
  mp_participant_set_name (p, text);
  mp_participant_set_side (p, side);
  mp_record_mark_new (MP_RECORD (p));
  g_ptr_array_add (import->people, p);
  {
    /* Owners refer to the id at once; new people are few, so the plan's
     * id index is rebuilt only that often. */
    g_autofree char *id = mp_record_new_id ("p");

    mp_participant_set_id (p, id);
    index_person (import, p, id);
  }
  add_change (import, MP_CSV_CHANGE_ADD_PARTICIPANT, 0,
              g_strdup_printf (_("New participant “%s” (%s)"), text, mp_format_side (side)));
  return p;
}

static MpMilestone *
find_milestone (MpCsvImport *import,
                const char  *id,
                const char  *title)
{
  if (id != NULL && *id)
    {
      MpMilestone *m = mp_plan_find_milestone (import->plan, id);

      if (m == NULL)
        m = g_hash_table_lookup (import->new_by_id, id);
      /* An id the plan does not have is a new milestone, whatever its title. */
      return m;
    }
  if (title != NULL && *title)
    {
      g_autofree char *key = fold (title);

      return g_hash_table_lookup (import->by_title, key);
    }
  return NULL;
}

/* The new values of one row, set on @target (a fresh record). */
static void
fill_milestone (Row         *r,
                MpMilestone *target,
                gboolean    *has)
{
  MpParty party = MP_PARTY_SELLER;
  gboolean party_given = FALSE;
  MpParticipant *seller = NULL, *customer = NULL;

  if (*get (r, MP_CSV_RESPONSIBLE))
    {
      if (parse_party (get (r, MP_CSV_RESPONSIBLE), &party))
        party_given = TRUE;
      else
        row_error (r, MP_CSV_RESPONSIBLE, _("“%s” is not a side: write %s, %s or %s"), get (r, MP_CSV_RESPONSIBLE),
                   mp_format_party (MP_PARTY_SELLER), mp_format_party (MP_PARTY_CUSTOMER),
                   mp_format_party (MP_PARTY_BOTH));
    }
  if (*get (r, MP_CSV_SELLER_OWNER))
    seller = person (r, MP_CSV_SELLER_OWNER, MP_SIDE_SELLER, TRUE);
  if (*get (r, MP_CSV_CUSTOMER_OWNER))
    customer = person (r, MP_CSV_CUSTOMER_OWNER, MP_SIDE_CUSTOMER, TRUE);
  if (*get (r, MP_CSV_OWNER))
    {
      MpParticipant *p = find_person (r->import, get (r, MP_CSV_OWNER));

      /* Someone new is on the side that delivers (the seller's when both do). */
      if (p == NULL)
        p = person (r, MP_CSV_OWNER, party_given && party == MP_PARTY_CUSTOMER ? MP_SIDE_CUSTOMER : MP_SIDE_SELLER,
                    FALSE);
      if (p != NULL && mp_participant_get_side (p) == MP_SIDE_CUSTOMER && customer == NULL)
        customer = p;
      else if (p != NULL && seller == NULL)
        seller = p;
    }
  if (!party_given && (seller != NULL || customer != NULL) && r->column[MP_CSV_RESPONSIBLE] < 0)
    {
      party = seller != NULL && customer != NULL ? MP_PARTY_BOTH
              : customer != NULL ? MP_PARTY_CUSTOMER : MP_PARTY_SELLER;
      party_given = TRUE;
    }
  if (party_given)
    {
      mp_milestone_set_responsible (target, party);
      has[MP_MILESTONE_RESPONSIBLE] = TRUE;
    }
  if (r->column[MP_CSV_SELLER_OWNER] >= 0 || seller != NULL)
    {
      mp_milestone_set_seller_owner (target, seller ? mp_participant_get_id (seller) : NULL);
      has[MP_MILESTONE_SELLER_OWNER] = TRUE;
    }
  if (r->column[MP_CSV_CUSTOMER_OWNER] >= 0 || customer != NULL)
    {
      mp_milestone_set_customer_owner (target, customer ? mp_participant_get_id (customer) : NULL);
      has[MP_MILESTONE_CUSTOMER_OWNER] = TRUE;
    }
  if (r->column[MP_CSV_START] >= 0)
    {
      MpDate d = MP_DATE_NONE;

      if (*get (r, MP_CSV_START) && !parse_date (get (r, MP_CSV_START), &d))
        row_error (r, MP_CSV_START, _("“%s” is not a date"), get (r, MP_CSV_START));
      mp_milestone_set_start (target, d);
      has[MP_MILESTONE_START] = TRUE;
    }
  if (r->column[MP_CSV_DUE] >= 0 && *get (r, MP_CSV_DUE))
    {
      MpDate d = MP_DATE_NONE;

      if (!parse_date (get (r, MP_CSV_DUE), &d))
        row_error (r, MP_CSV_DUE, _("“%s” is not a date"), get (r, MP_CSV_DUE));
      mp_milestone_set_due (target, d);
      has[MP_MILESTONE_DUE] = TRUE;
    }
  if (r->column[MP_CSV_STATUS] >= 0 && *get (r, MP_CSV_STATUS))
    {
      MpStatus s;

      if (parse_status (get (r, MP_CSV_STATUS), &s))
        {
          mp_milestone_set_status (target, s);
          has[MP_MILESTONE_STATUS] = TRUE;
        }
      else
        row_error (r, MP_CSV_STATUS, _("“%s” is not a status: write %s, %s, %s, %s or %s"), get (r, MP_CSV_STATUS),
                   mp_format_status (MP_STATUS_PLANNED), mp_format_status (MP_STATUS_IN_PROGRESS),
                   mp_format_status (MP_STATUS_DONE), mp_format_status (MP_STATUS_BLOCKED),
                   mp_format_status (MP_STATUS_DROPPED));
    }
  if (r->column[MP_CSV_COMMITMENT] >= 0)
    {
      gboolean b = FALSE;

      if (parse_bool (get (r, MP_CSV_COMMITMENT), &b))
        {
          mp_milestone_set_commitment (target, b);
          has[MP_MILESTONE_COMMITMENT] = TRUE;
        }
      else
        row_error (r, MP_CSV_COMMITMENT, _("“%s” is neither yes nor no"), get (r, MP_CSV_COMMITMENT));
    }
  {
    static const struct { MpCsvField csv; guint field; } texts[] = {
      { MP_CSV_DESCRIPTION, MP_MILESTONE_DESCRIPTION },
      { MP_CSV_NOTES, MP_MILESTONE_NOTES },
      { MP_CSV_LOCATION, MP_MILESTONE_LOCATION },
    };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      if (r->column[texts[i].csv] >= 0)
        {
          const char *v = get (r, texts[i].csv);

          mp_record_set_string (MP_RECORD (target), texts[i].field, *v ? v : NULL);
          has[texts[i].field] = TRUE;
        }
  }
  if (mp_milestone_get_start (target) != MP_DATE_NONE && mp_milestone_get_due (target) != MP_DATE_NONE &&
      mp_milestone_get_start (target) > mp_milestone_get_due (target))
    row_error (r, MP_CSV_START, _("the start “%s” is after the due date “%s”"), get (r, MP_CSV_START),
               get (r, MP_CSV_DUE));
}

static void
fill_task (Row      *r,
           MpTask   *target,
           gboolean *has)
{
  static const MpCsvField owners[] = { MP_CSV_OWNER, MP_CSV_SELLER_OWNER, MP_CSV_CUSTOMER_OWNER };
  gboolean any_owner_column = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    {
      any_owner_column |= r->column[owners[i]] >= 0;
      if (*get (r, owners[i]))
        {
          MpParticipant *p = find_person (r->import, get (r, owners[i]));

          if (p == NULL)
            p = person (r, owners[i], owners[i] == MP_CSV_CUSTOMER_OWNER ? MP_SIDE_CUSTOMER : MP_SIDE_SELLER, FALSE);
          mp_task_set_owner (target, p != NULL ? mp_participant_get_id (p) : NULL);
          has[MP_TASK_OWNER] = TRUE;
        }
    }
  if (any_owner_column && !has[MP_TASK_OWNER])
    {
      mp_task_set_owner (target, NULL);
      has[MP_TASK_OWNER] = TRUE;
    }
  if (r->column[MP_CSV_DUE] >= 0)
    {
      MpDate d = MP_DATE_NONE;

      if (*get (r, MP_CSV_DUE) && !parse_date (get (r, MP_CSV_DUE), &d))
        row_error (r, MP_CSV_DUE, _("“%s” is not a date"), get (r, MP_CSV_DUE));
      mp_task_set_due (target, d);
      has[MP_TASK_DUE] = TRUE;
    }
  if (r->column[MP_CSV_STATUS] >= 0 && *get (r, MP_CSV_STATUS))
    {
      MpStatus s;

      if (parse_status (get (r, MP_CSV_STATUS), &s))
        {
          mp_task_set_done (target, s == MP_STATUS_DONE);
          has[MP_TASK_DONE] = TRUE;
        }
      else
        row_error (r, MP_CSV_STATUS, _("“%s” is not a status: write %s or %s"), get (r, MP_CSV_STATUS),
                   C_("task", "Open"), C_("task", "Done"));
    }
}

/* The column a field comes from, as people read it. */
static const char *
change_label (MpRecord      *record,
              guint          field,
              const MpField *fields)
{
  static const struct { guint field; MpCsvField csv; } milestone[] = {
    { MP_MILESTONE_TITLE, MP_CSV_TITLE },
    { MP_MILESTONE_RESPONSIBLE, MP_CSV_RESPONSIBLE },
    { MP_MILESTONE_SELLER_OWNER, MP_CSV_SELLER_OWNER },
    { MP_MILESTONE_CUSTOMER_OWNER, MP_CSV_CUSTOMER_OWNER },
    { MP_MILESTONE_START, MP_CSV_START },
    { MP_MILESTONE_DUE, MP_CSV_DUE },
    { MP_MILESTONE_STATUS, MP_CSV_STATUS },
    { MP_MILESTONE_COMMITMENT, MP_CSV_COMMITMENT },
    { MP_MILESTONE_DESCRIPTION, MP_CSV_DESCRIPTION },
    { MP_MILESTONE_NOTES, MP_CSV_NOTES },
    { MP_MILESTONE_LOCATION, MP_CSV_LOCATION },
  };

  if (MP_IS_TASK (record))
    switch (field)
      {
      case MP_TASK_TITLE: return mp_csv_field_get_label (MP_CSV_TITLE);
      case MP_TASK_OWNER: return C_("spreadsheet", "Owner");
      case MP_TASK_DUE: return mp_csv_field_get_label (MP_CSV_DUE);
      case MP_TASK_DONE: return mp_csv_field_get_label (MP_CSV_STATUS);
      default: return fields[field].name;
      }
  for (guint i = 0; i < G_N_ELEMENTS (milestone); i++)
    if (milestone[i].field == field)
      return mp_csv_field_get_label (milestone[i].csv);
  return fields[field].name;
}

/* Compares the fields @has of @incoming with @existing: an UPDATE step
 * with what differs, or NULL. */
static Step *
diff (MpCsvImport *import,
      MpRecord    *existing,
      MpRecord    *incoming,
      const gboolean *has,
      guint        n_fields,
      guint        row,
      const char  *title)
{
  Step *step = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint f = 0; f < n_fields; f++)
    {
      const GValue *a, *b;
      gboolean same;

      if (!has[f])
        continue;
      a = mp_record_peek_value (existing, f);
      b = mp_record_peek_value (incoming, f);
      if (G_VALUE_HOLDS_STRING (a))
        same = g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
      else if (G_VALUE_HOLDS_UINT (a))
        same = g_value_get_uint (a) == g_value_get_uint (b);
      else if (G_VALUE_HOLDS_BOOLEAN (a))
        same = g_value_get_boolean (a) == g_value_get_boolean (b);
      else if (G_VALUE_HOLDS_INT (a))
        same = g_value_get_int (a) == g_value_get_int (b);
      else if (G_VALUE_HOLDS_ENUM (a))
        same = g_value_get_enum (a) == g_value_get_enum (b);
      else
        continue;
      if (same)
        continue;
      if (step == NULL)
        {
          step = g_new0 (Step, 1);
          step->kind = MP_CSV_CHANGE_UPDATE;
          step->row = row;
          step->existing = g_object_ref (existing);
          step->edits = g_array_new (FALSE, TRUE, sizeof (Edit));
        }
      {
        Edit e = { 0 };
        const MpField *fields = mp_record_get_fields (existing, NULL);
        g_autofree char *was = mp_format_field_value (import->plan, existing, f, a, 60);
        g_autofree char *now = mp_format_field_value (import->plan, incoming, f, b, 60);

        e.record = g_object_ref (existing);
        e.field = f;
        g_value_init (&e.value, G_VALUE_TYPE (b));
        g_value_copy (b, &e.value);
        g_array_append_val (step->edits, e);
        g_string_append_printf (text, "%s%s: %s → %s", text->len ? "; " : "", change_label (existing, f, fields), was,
                                now);
      }
    }
  if (step != NULL)
    add_change (import, MP_CSV_CHANGE_UPDATE, row, g_strdup_printf (_("Change “%s”: %s"), title, text->str));
  return step;
}

MpCsvImport *
mp_csv_import_prepare (MpPlan           *plan,
                       MpCsvTable       *table,
                       const MpCsvField *mapping,
                       GError          **error)
{
  g_autoptr(MpCsvImport) import = g_new0 (MpCsvImport, 1);
  MpMilestone *last_milestone = NULL;
  int column[MP_CSV_N_FIELDS];
  GStrv header;

  g_return_val_if_fail (MP_IS_PLAN (plan), NULL);

  import->plan = g_object_ref (plan);
  import->steps = g_ptr_array_new_with_free_func (step_free);
  import->changes = g_ptr_array_new_with_free_func (change_free);
  import->errors = g_ptr_array_new_with_free_func (g_free);
  import->people = g_ptr_array_new_with_free_func (g_object_unref);
  import->people_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->by_title = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->new_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->new_set = g_hash_table_new (NULL, NULL);
  import->pending_ids = g_ptr_array_new_with_free_func (pending_id_free);
  {
    GListModel *list = G_LIST_MODEL (mp_plan_get_participants (plan));

    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(MpParticipant) p = g_list_model_get_item (list, i);

        index_person (import, p, mp_participant_get_id (p));
      }
    list = G_LIST_MODEL (mp_plan_get_milestones (plan));
    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(MpMilestone) m = g_list_model_get_item (list, i);
        char *key = fold (mp_milestone_get_title (m));

        /* The first of the same title wins. */
        if (!g_hash_table_contains (import->by_title, key))
          g_hash_table_insert (import->by_title, key, m);
        else
          g_free (key);
      }
  }

  for (guint f = 0; f < MP_CSV_N_FIELDS; f++)
    column[f] = -1;
  for (guint c = 0; c < table->n_columns; c++)
    if (mapping[c] != MP_CSV_IGNORE && column[mapping[c]] < 0)
      column[mapping[c]] = (int) c;
  if (column[MP_CSV_TITLE] < 0)
    {
      g_set_error (error, MP_ERROR, MP_ERROR_INVALID,
                   _("No column holds the titles: choose which column is “%s”"), mp_csv_field_get_label (MP_CSV_TITLE));
      return NULL;
    }
  header = g_ptr_array_index (table->rows, 0);

  for (guint i = 1; i < table->rows->len; i++)
    {
      GStrv cells = g_ptr_array_index (table->rows, i);
      guint n = g_strv_length (cells);
      Row r = { import, header, i + 1 };
      gboolean task = FALSE, blank = TRUE;
      guint errors_before = import->errors->len;
      guint people_before = import->people->len;
      guint changes_before = import->changes->len;
      const char *title;

      memcpy (r.column, column, sizeof column);
      for (guint f = 0; f < MP_CSV_N_FIELDS; f++)
        {
          char *v = column[f] >= 0 && (guint) column[f] < n ? cells[column[f]] : NULL;

          if (v != NULL)
            {
              g_strstrip (v);
              /* Our own guard against formulas comes off again. */
              if (v[0] == '\'' && formula_like (v + 1))
                memmove (v, v + 1, strlen (v));
              if (*v)
                blank = FALSE;
            }
          r.cell[f] = v;
        }
      if (blank)
        continue;
      title = get (&r, MP_CSV_TITLE);
      if (*get (&r, MP_CSV_TYPE))
        {
          const char *t = get (&r, MP_CSV_TYPE);

          if (word_in (t, "task|aufgabe|todo|subtask|teilaufgabe") || same_word (t, type_word (TRUE, TRUE)))
            task = TRUE;
          else if (!word_in (t, "milestone|meilenstein|step|schritt|phase") && !same_word (t, type_word (FALSE, TRUE)))
            row_error (&r, MP_CSV_TYPE, _("“%s” is neither a milestone nor a task"), t);
        }
      else if (*get (&r, MP_CSV_PARENT))
        task = TRUE;
      if (*title == '\0')
        row_error (&r, MP_CSV_TITLE, _("the title is empty"));

      if (!task)
        {
          g_autoptr(MpMilestone) incoming = (MpMilestone *) blank_record (MP_TYPE_MILESTONE);
          gboolean has[MP_MILESTONE_N_FIELDS] = { FALSE };
          MpMilestone *existing = find_milestone (import, get (&r, MP_CSV_ID), title);

          mp_milestone_set_title (incoming, title);
          has[MP_MILESTONE_TITLE] = TRUE;
          fill_milestone (&r, incoming, has);
          if (existing != NULL && g_hash_table_contains (import->new_set, existing))
            row_error (&r, MP_CSV_ID, _("the milestone “%s” is in the file twice"), title);
          else if (existing == NULL && !has[MP_MILESTONE_DUE] && !r.bad)
            row_error (&r, MP_CSV_DUE, _("“%s” has no due date; a milestone needs one"), title);
          last_milestone = r.bad ? NULL : existing != NULL ? existing : incoming;
          if (!r.bad && existing != NULL)
            {
              Step *s = diff (import, MP_RECORD (existing), MP_RECORD (incoming), has, MP_MILESTONE_N_FIELDS,
                              r.row, mp_milestone_get_title (existing));

              if (s != NULL)
                {
                  g_ptr_array_add (import->steps, s);
                  import->changed++;
                }
            }
          else if (!r.bad)
            {
              Step *s = g_new0 (Step, 1);
              const char *id = get (&r, MP_CSV_ID);
              g_autofree char *due = mp_format_date (mp_milestone_get_due (incoming));

              g_autofree char *nid = *id && mp_plan_find_milestone (plan, id) == NULL ? g_strdup (id)
                                                                                        : mp_record_new_id ("m");

              defer_id (import, MP_RECORD (incoming), nid);
              g_hash_table_insert (import->new_by_id, g_strdup (nid), incoming);
              g_hash_table_add (import->new_set, incoming);
              mp_record_mark_new (MP_RECORD (incoming));
              s->kind = MP_CSV_CHANGE_ADD_MILESTONE;
              s->row = r.row;
              s->added = g_object_ref (MP_RECORD (incoming));
              g_ptr_array_add (import->steps, s);
              import->added++;
              add_change (import, MP_CSV_CHANGE_ADD_MILESTONE, r.row,
                          g_strdup_printf (_("New milestone “%s”, due %s"), title, due));
            }
        }
      else
        {
          MpMilestone *parent = find_milestone (import, get (&r, MP_CSV_PARENT), NULL);
          g_autoptr(MpTask) incoming = (MpTask *) blank_record (MP_TYPE_TASK);
          gboolean has[MP_TASK_N_FIELDS] = { FALSE };
          MpTask *existing = NULL;

          /* Without a milestone id, a task belongs to the milestone above it. */
          if (parent == NULL && !*get (&r, MP_CSV_PARENT))
            parent = last_milestone;
          if (parent == NULL)
            row_error (&r, MP_CSV_PARENT, _("the task “%s” belongs to no milestone of the plan"), title);
          mp_task_set_title (incoming, title);
          has[MP_TASK_TITLE] = TRUE;
          fill_task (&r, incoming, has);
          if (parent != NULL)
            {
              GListModel *tasks = G_LIST_MODEL (mp_milestone_get_tasks (parent));
              const char *id = get (&r, MP_CSV_ID);

              for (guint k = 0; k < g_list_model_get_n_items (tasks) && existing == NULL; k++)
                {
                  g_autoptr(MpTask) t = g_list_model_get_item (tasks, k);

                  if ((*id && g_strcmp0 (mp_task_get_id (t), id) == 0) ||
                      (!*id && g_utf8_collate (mp_task_get_title (t), title) == 0))
                    existing = t;
                }
            }
          if (!r.bad && existing != NULL && !g_hash_table_contains (import->new_set, parent))
            {
              Step *s = diff (import, MP_RECORD (existing), MP_RECORD (incoming), has, MP_TASK_N_FIELDS, r.row,
                              mp_task_get_title (existing));

              if (s != NULL)
                {
                  g_ptr_array_add (import->steps, s);
                  import->changed++;
                }
            }
          else if (!r.bad)
            {
              gboolean nested = g_hash_table_contains (import->new_set, parent);
              const char *id = get (&r, MP_CSV_ID);
              g_autofree char *nid = mp_record_new_id ("t");

              defer_id (import, MP_RECORD (incoming), *id && existing == NULL ? id : nid);
              mp_record_mark_new (MP_RECORD (incoming));
              if (nested)
                g_list_store_append (mp_milestone_get_tasks (parent), incoming);
              else
                {
                  Step *s = g_new0 (Step, 1);

                  s->kind = MP_CSV_CHANGE_ADD_TASK;
                  s->row = r.row;
                  s->added = g_object_ref (MP_RECORD (incoming));
                  s->parent = g_object_ref (parent);
                  g_ptr_array_add (import->steps, s);
                }
              import->added++;
              add_change (import, MP_CSV_CHANGE_ADD_TASK, r.row,
                          g_strdup_printf (_("New task “%s” of “%s”"), title, mp_milestone_get_title (parent)));
            }
        }
      if (r.bad)
        {
          /* A refused row adds nobody and changes nothing. */
          for (guint k = people_before; k < import->people->len; k++)
            g_hash_table_foreach_remove (import->people_by_key, is_value, g_ptr_array_index (import->people, k));
          g_ptr_array_set_size (import->people, people_before);
          g_ptr_array_remove_range (import->changes, changes_before, import->changes->len - changes_before);
          (void) errors_before;
        }
    }
  for (guint i = 0; i < import->pending_ids->len; i++)
    {
      PendingId *p = g_ptr_array_index (import->pending_ids, i);

      mp_record_set_id (p->record, p->id);
    }
  g_ptr_array_set_size (import->pending_ids, 0);
  return g_steal_pointer (&import);
}

void
mp_csv_import_apply (MpCsvImport *import,
                     MpDocument  *document)
{
  MpPlan *plan = mp_document_get_plan (document);
  GListStore *people = mp_plan_get_participants (plan);
  GListStore *milestones = mp_plan_get_milestones (plan);

  g_return_if_fail (plan == import->plan);

  mp_document_begin (document, _("Import from Spreadsheet"));
  for (guint i = 0; i < import->people->len; i++)
    mp_document_insert (document, people, g_list_model_get_n_items (G_LIST_MODEL (people)),
                        g_ptr_array_index (import->people, i));
  for (guint i = 0; i < import->steps->len; i++)
    {
      Step *s = g_ptr_array_index (import->steps, i);

      switch (s->kind)
        {
        case MP_CSV_CHANGE_ADD_MILESTONE:
          mp_document_insert (document, milestones, g_list_model_get_n_items (G_LIST_MODEL (milestones)), s->added);
          break;
        case MP_CSV_CHANGE_ADD_TASK:
          {
            GListStore *tasks = mp_milestone_get_tasks (s->parent);

            mp_document_insert (document, tasks, g_list_model_get_n_items (G_LIST_MODEL (tasks)), s->added);
          }
          break;
        case MP_CSV_CHANGE_UPDATE:
          for (guint k = 0; k < s->edits->len; k++)
            {
              Edit *e = &g_array_index (s->edits, Edit, k);

              mp_document_set_value (document, e->record, e->field, &e->value);
            }
          break;
        case MP_CSV_CHANGE_ADD_PARTICIPANT:
        default:
          break;
        }
    }
  mp_document_end (document);
}

gboolean
mp_csv_import_file (MpPlan  *plan,
                    GFile   *file,
                    guint   *added,
                    guint   *changed,
                    GError **error)
{
  g_autoptr(MpCsvTable) table = NULL;
  g_autofree MpCsvField *mapping = NULL;
  g_autoptr(MpCsvImport) import = NULL;
  g_autoptr(MpDocument) document = NULL;
  g_autofree char *name = g_file_get_basename (file);

  if ((table = mp_csv_table_load (file, error)) == NULL)
    return FALSE;
  mapping = mp_csv_guess_mapping (table);
  if ((import = mp_csv_import_prepare (plan, table, mapping, error)) == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }
  if (import->errors->len > 0)
    {
      g_autoptr(GString) s = g_string_new (NULL);

      for (guint i = 0; i < import->errors->len; i++)
        g_string_append_printf (s, "%s%s: %s", i ? "\n" : "", name, (char *) g_ptr_array_index (import->errors, i));
      g_set_error_literal (error, MP_ERROR, MP_ERROR_INVALID, s->str);
      return FALSE;
    }
  document = mp_document_new (plan, NULL);
  mp_csv_import_apply (import, document);
  mp_csv_import_count (import, added, changed);
  return TRUE;
}
