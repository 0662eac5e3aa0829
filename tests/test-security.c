/* test-security.c: what a hostile plan's text can try on the way out
 * (docs/security.md): mail headers, addresses, terminals and labels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "mp-csv.h"
#include "mp-display.h"
#include "mp-mail.h"
#include "mp-model.h"
#include "mp-plan-io.h"
#include "mp-problem.h"

/* Decodes "=?UTF-8?B?…?=" words (separated by folding) back to text. */
static char *
decode_words (const char *header)
{
  GString *out = g_string_new (NULL);
  const char *p = header;

  while ((p = strstr (p, "=?UTF-8?B?")) != NULL)
    {
      const char *end = strstr (p + 10, "?=");
      g_autofree char *b64 = g_strndup (p + 10, end - (p + 10));
      gsize len;
      g_autofree guchar *bytes = g_base64_decode (b64, &len);

      g_string_append_len (out, (const char *) bytes, len);
      p = end + 2;
    }
  return g_string_free (out, FALSE);
}

/* A display name that already looks like encoded words is encoded
 * itself: a mail program shows it as written, never as the sender
 * "CEO <ceo@bank.example>". */
static void
test_mail_encoded_word_names (void)
{
  const char *names[] = {
    "=?UTF-8?B?Q0VPIDxjZW9AYmFuay5leGFtcGxlPg==?=",
    "=?iso-8859-1?Q?CEO_=3Cceo=40bank.example=3E?=",
    "Ann =?UTF-8?Q?x?= Lee",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *phrase = mp_mail_encode_phrase (names[i]);
      g_autofree char *back = decode_words (phrase);

      g_test_message ("%s → %s", names[i], phrase);
      g_assert_true (g_str_has_prefix (phrase, "=?UTF-8?B?"));
      g_assert_cmpstr (back, ==, names[i]);
    }
  {
    g_autofree char *plain = mp_mail_encode_phrase ("Ann Lee");
    g_assert_cmpstr (plain, ==, "Ann Lee");
  }
}

/* Addresses: what a mailto: URI or an ATTENDEE would read as more
 * headers or parameters is refused. */
static void
test_mail_addresses (void)
{
  const char *good[] = { "a.b@c.example", "jonas.weiss@sonnenschein.example", "o'brien+mp@x-y.example",
                         "A_1@b.example" };
  const char *bad[] = { "x@y.example?bcc=boss@z.example", "x@y.example&body=hi", "x=1@y.example",
                        "x%40y@z.example", "x@y.example#frag", "x/y@z.example", "x!y@z.example",
                        "x@y@z.example", "@y.example", "x@", "x@.y", "-x@y.example", "x y@z.example",
                        "x@y\r\nBcc: z@w", "jörg@x.example", "" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (mp_mail_address_is_valid (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (mp_mail_address_is_valid (bad[i]))
      g_error ("“%s” was taken for an address", bad[i]);
}

/* Encoding a long header takes time in proportion to its length: 4 MB
 * took 170 s when every word re-read the whole header. */
static void
test_mail_long_header (void)
{
  GString *title = g_string_new (NULL);
  const char *to_names[] = { NULL, NULL };
  const char *to_emails[] = { "c@y.example", NULL };
  MpMailMessage msg = { 0 };
  g_autofree char *eml = NULL;
  gint64 start;
  double seconds;

  while (title->len < 4 * 1024 * 1024)
    g_string_append (title, "Übergabe ");
  to_names[0] = title->str;
  msg.from_name = title->str;
  msg.from_email = "s@x.example";
  msg.to_names = to_names;
  msg.to_emails = to_emails;
  msg.subject = title->str;
  msg.body = title->str;
  msg.calendar = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
  msg.method = "REQUEST";
  msg.attachment_name = "m.ics";
  start = g_get_monotonic_time ();
  eml = mp_mail_build_message (&msg);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("a mail with a 4 MiB subject, sender, recipient and body: %.2f s", seconds);
  /* A generous bound, not a speed figure (that is bench-cli's): the
   * quadratic encoder needed 170 s on an optimised build; the linear one
   * needs under a second there and about 12 s under AddressSanitizer on a
   * loaded machine. */
  g_assert_cmpfloat (seconds, <, 100.0);
  /* Every line of the headers at most 78 octets. */
  {
    const char *end = strstr (eml, "\r\n\r\n");
    const char *line = eml;

    g_assert_nonnull (end);
    while (line < end)
      {
        /* Bounded: strstr() over the rest of a 12 MB mail on every line
         * is quadratic under AddressSanitizer (its interceptor measures
         * the whole haystack each time). */
        const char *nl = g_strstr_len (line, MIN (end + 2 - line, 200), "\r\n");

        g_assert_nonnull (nl);
        g_assert_cmpint (nl - line, <=, 78);
        line = nl + 2;
      }
  }
  g_string_free (title, TRUE);
}

static void
test_terminal_escape (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "plain Ümlaut", "plain Ümlaut" },
    { "a\033[2Jb", "a\\x1b[2Jb" },
    { "bell\007", "bell\\x07" },
    { "c1 \xc2\x9b" "31m", "c1 \\u009b31m" },
    { "two\nlines", "two\\nlines" },
    { "tab\tkept", "tab\tkept" },
    { "rlo \xe2\x80\xae" "cba", "rlo \\u202ecba" },
    { "del\x7f", "del\\x7f" },
    { "bad \xff utf8", "bad \xef\xbf\xbd utf8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = mp_display_escape_terminal (cases[i].in, FALSE);
      g_assert_cmpstr (got, ==, cases[i].out);
    }
  {
    g_autofree char *kept = mp_display_escape_terminal ("a\nb\033", TRUE);
    g_assert_cmpstr (kept, ==, "a\nb\\x1b");
  }
}

/* Labels: an unterminated override is isolated, so the app's own words
 * after the name keep their order; long text is cut with "…". */
static void
test_display_text (void)
{
  g_autofree char *plain = mp_display_text ("Kickoff", -1);
  g_autofree char *rlo = mp_display_text ("Evil \u202Etxt.exe", -1);
  g_autofree char *rli = mp_display_text ("a \u2067b \u2067c \u2069", -1);
  g_autofree char *closed = mp_display_text ("\u2066x\u2069", -1);
  GString *big = g_string_new (NULL);
  g_autofree char *cut = NULL;

  g_assert_cmpstr (plain, ==, "Kickoff");
  g_assert_cmpstr (rlo, ==, "\u2068Evil \u202Etxt.exe\u2069");
  /* One RLI left open: closed before our own PDI. */
  g_assert_cmpstr (rli, ==, "\u2068a \u2067b \u2067c \u2069\u2069\u2069");
  g_assert_cmpstr (closed, ==, "\u2068\u2066x\u2069\u2069");

  for (int i = 0; i < 5000; i++)
    g_string_append (big, "ß");
  cut = mp_display_text (big->str, MP_DISPLAY_MAX_CHARS);
  g_assert_cmpint (g_utf8_strlen (cut, -1), ==, MP_DISPLAY_MAX_CHARS);
  g_assert_true (g_str_has_suffix (cut, "ß…"));
  g_clear_pointer (&cut, g_free);
  g_string_truncate (big, MP_DISPLAY_MAX_CHARS * 2);
  cut = mp_display_text (big->str, MP_DISPLAY_MAX_CHARS);
  g_assert_cmpstr (cut, ==, big->str);
  g_string_free (big, TRUE);
}


/* The app's own sentences about a milestone whose title holds an
 * unterminated right-to-left override: the title is isolated, so the
 * words after it keep their order. */
static void
test_problem_isolates_titles (void)
{
  const char *json = "{\"format\": \"mutualplan\", \"version\": 1, \"id\": \"p\", \"title\": \"T\", "
                     "\"target\": \"2026-01-01\", \"milestones\": [{\"id\": \"m\", \"due\": \"2026-06-01\", "
                     "\"title\": \"Evil \u202etxt.exe\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = mp_plan_load_from_data (json, strlen (json), "bidi.mplan", &error);
  g_autoptr(GListStore) problems = NULL;
  gboolean seen = FALSE;

  g_assert_no_error (error);
  problems = mp_plan_check (plan, mp_date_today ());
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (problems)); i++)
    {
      g_autoptr(MpProblem) p = g_list_model_get_item (G_LIST_MODEL (problems), i);
      const char *msg = mp_problem_get_message (p);

      if (strstr (msg, "Evil") == NULL)
        continue;
      g_assert_nonnull (strstr (msg, "\u2068Evil \u202etxt.exe\u2069"));
      seen = TRUE;
    }
  g_assert_true (seen);
}

/* The spreadsheet import's preview shortens a long text on whole
 * characters (never half an "ä") and isolates bidi controls. */
static void
test_csv_preview_whole_characters (void)
{
  const char *json = "{\"format\": \"mutualplan\", \"version\": 1, \"id\": \"p\", \"title\": \"T\", "
                     "\"target\": \"2026-01-01\", \"milestones\": [{\"id\": \"m\", \"due\": \"2026-06-01\", "
                     "\"title\": \"Pilot\", \"description\": "
                     "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaäöü and more\"}]}";
  const char *csv = "ID,Title,Due date,Description\nm,Pilot,2026-06-01,\u202eevil\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = mp_plan_load_from_data (json, strlen (json), "csv.mplan", &error);
  g_autoptr(MpCsvTable) table = NULL;
  g_autofree MpCsvField *mapping = NULL;
  g_autoptr(MpCsvImport) import = NULL;
  GPtrArray *changes;
  gboolean seen = FALSE;

  g_assert_no_error (error);
  table = mp_csv_table_parse (csv, strlen (csv), &error);
  g_assert_no_error (error);
  mapping = mp_csv_guess_mapping (table);
  import = mp_csv_import_prepare (plan, table, mapping, &error);
  g_assert_no_error (error);
  changes = mp_csv_import_get_changes (import);
  for (guint i = 0; i < changes->len; i++)
    {
      MpCsvChange *c = g_ptr_array_index (changes, i);

      g_assert_true (g_utf8_validate (c->text, -1, NULL));
      if (c->kind != MP_CSV_CHANGE_UPDATE)
        continue;
      g_assert_nonnull (strstr (c->text, "“aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…”"));
      g_assert_nonnull (strstr (c->text, "“\u2068\u202eevil\u2069”"));
      seen = TRUE;
    }
  g_assert_true (seen);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/security/mail/encoded-word-names", test_mail_encoded_word_names);
  g_test_add_func ("/security/mail/addresses", test_mail_addresses);
  g_test_add_func ("/security/mail/long-header", test_mail_long_header);
  g_test_add_func ("/security/display/terminal", test_terminal_escape);
  g_test_add_func ("/security/display/text", test_display_text);
  g_test_add_func ("/security/display/problem-titles", test_problem_isolates_titles);
  g_test_add_func ("/security/csv/preview", test_csv_preview_whole_characters);
  return g_test_run ();
}
