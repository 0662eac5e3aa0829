/* mp-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-cli.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "mp-csv.h"
#include "mp-html.h"
#include "mp-display.h"
#include "mp-document.h"
#include "mp-ical.h"
#include "mp-merge.h"
#include "mp-itip.h"
#include "mp-model.h"
#include "mp-plan-io.h"
#include "mp-print.h"
#include "mp-problem.h"
#include "mp-report.h"

static const GOptionEntry entries[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check plan files: print “FILE: OK” or the error, and every warning; exit 1 if one does not load"), NULL },
  { "export-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the plan’s milestones and meetings as one iCalendar file (“-” for standard output)"), N_("OUT.ics") },
  { "export-invitations", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write an invitation per event into DIR: ID.ics (METHOD:REQUEST or CANCEL) and ID.eml, a mail ready to send"), N_("DIR") },
  { "for", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-ics or --export-invitations: only the events of this participant (an id or an email)"), N_("ID|EMAIL") },
  { "no-dropped", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-ics: leave out dropped milestones"), NULL },
  { "no-meetings", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-ics or --export-invitations: leave out the meetings"), NULL },
  { "only-outdated", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-invitations: only the events changed since their invitation was last sent"), NULL },
  { "mark-sent", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-invitations: record in the plan FILE what was written, as the window does when the mail is sent"), NULL },
  { "import-reply", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    N_("Record the answers in a calendar reply (.ics or the whole mail, .eml) in the plan FILE; repeat for more files"), N_("REPLY") },
  { "report", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the status report of a plan FILE: progress, done, overdue, next 14 days, moved dates, risks, open goals"), NULL },
  { "since", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --report: what was done since this day (default: the last report by the plan’s rhythm)"), N_("YYYY-MM-DD") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --report: markdown (default) or text"), N_("markdown|text") },
  { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the printed plan of a plan FILE as PDF (“-” for standard output), without a display"), N_("OUT.pdf") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: the paper size (default: from the locale’s LC_PAPER, else A4)"), N_("a4|letter") },
  { "sections", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: the sections to print, comma-separated (default: overview,milestones,timeline)"),
    N_("overview,milestones,timeline,changes") },
  { "timeline-pages-wide", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: spread the timeline over N pages across (default 1)"), N_("N") },
  { "export-html", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the plan of a plan FILE as one self-contained web page (“-” for standard output), without a display"), N_("OUT.html") },
  { "merge", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Merge two copies of a plan, BASE OURS THEIRS, by record and field; the result replaces OURS (or goes to --output). "
       "Prints each conflict and keeps ours there; exit 1 with conflicts. Works as a git merge driver"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --merge: write the merged plan here (“-” for standard output) instead of over OURS"), N_("OUT") },
  { "diff", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print in words what changed from plan OLD to plan NEW; with one FILE, the plan as lines of text (git’s textconv)"), NULL },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the milestones and tasks of a plan FILE as a spreadsheet (CSV, UTF-8; “-” for standard output)"), N_("OUT.csv") },
  { "csv-headers", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-csv: english (default: stable names, comma) or localized (the UI language’s names and list separator)"),
    N_("english|localized") },
  { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the milestones and tasks of a spreadsheet (CSV) into the plan FILE, which is made when it does not exist; nothing is written when a row is bad"),
    N_("IN.csv") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

const GOptionEntry *
mp_cli_get_option_entries (void)
{
  return entries;
}

gboolean
mp_cli_validate_args (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree GOptionEntry *copy = NULL;
  g_auto(GStrv) args = NULL;
  guint n = 0;
  /* Storage for the parse; only success or failure matters here. */
  union { gboolean b; char *s; char **strv; int i; } sink[32] = { 0 };

  while (entries[n].long_name != NULL)
    n++;
  g_assert (n < G_N_ELEMENTS (sink));
  copy = g_new0 (GOptionEntry, n + 1);
  for (guint i = 0; i < n; i++)
    {
      copy[i] = entries[i];
      copy[i].arg_data = &sink[i];
    }
  g_option_context_add_main_entries (context, copy, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_ignore_unknown_options (context, FALSE);

  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  /* --help is GApplication's; leave it to it. */
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h") ||
        g_str_equal (argv[i], "-?") || g_str_has_prefix (argv[i], "--help-"))
      return TRUE;

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      g_printerr (_("Try “%s --help” for a list of options.\n"), g_get_prgname ());
      for (guint i = 0; i < n; i++)
        if (entries[i].arg == G_OPTION_ARG_FILENAME_ARRAY || entries[i].arg == G_OPTION_ARG_STRING_ARRAY)
          g_strfreev (sink[i].strv);
        else if (entries[i].arg == G_OPTION_ARG_FILENAME || entries[i].arg == G_OPTION_ARG_STRING)
          g_free (sink[i].s);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    if (entries[i].arg == G_OPTION_ARG_FILENAME_ARRAY || entries[i].arg == G_OPTION_ARG_STRING_ARRAY)
      g_strfreev (sink[i].strv);
    else if (entries[i].arg == G_OPTION_ARG_FILENAME || entries[i].arg == G_OPTION_ARG_STRING)
      g_free (sink[i].s);
  return TRUE;
}

/* The one way the command line shows an error about a plan: "FILE: PATH:
 * RULE", FILE as the user typed it (the loader's message names the file
 * by its basename: that is replaced), control characters escaped so that
 * plan text cannot drive the terminal or forge lines. */
static void
print_plan_error (FILE         *stream,
                  const char   *arg,
                  const GError *error)
{
  g_autofree char *base = g_path_get_basename (arg);
  g_autofree char *name = mp_display_escape_terminal (arg, FALSE);
  g_autofree char *shown = NULL;
  const char *msg = error->message;

  if (g_str_has_prefix (msg, base) && msg[strlen (base)] == ':' && msg[strlen (base) + 1] == ' ')
    msg += strlen (base) + 2;
  shown = mp_display_escape_terminal (msg, FALSE);
  fprintf (stream, "%s: %s\n", name, shown);
}

/* --check FILE…: every file loads, and its warnings. */
static int
run_check (const char * const *files)
{
  int status = MP_EXIT_OK;
  MpDate today = mp_date_today ();

  if (files == NULL || files[0] == NULL)
    {
      g_printerr (_("%s: --check needs at least one FILE\n"), g_get_prgname ());
      return MP_EXIT_USAGE;
    }

  for (guint i = 0; files[i]; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(MpPlan) plan = mp_plan_load_from_file (file, NULL, &error);
      g_autoptr(GListStore) problems = NULL;
      g_autofree char *shown_name = mp_display_escape_terminal (files[i], FALSE);

      if (plan == NULL)
        {
          fflush (stdout);
          print_plan_error (stdout, files[i], error);
          status = MP_EXIT_FAILED;
          continue;
        }
      g_print ("%s: OK\n", shown_name);
      problems = mp_plan_check (plan, today);
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (problems)); j++)
        {
          g_autoptr(MpProblem) p = g_list_model_get_item (G_LIST_MODEL (problems), j);
          const char *path = mp_problem_get_path (p);
          /* One line per warning, whatever the plan's text holds. */
          g_autofree char *message = mp_display_escape_terminal (mp_problem_get_message (p), FALSE);

          g_print ("%s: %s: %s: %s\n", shown_name, *path ? path : "plan", _("warning"), message);
        }
    }
  fflush (stdout);
  return status;
}

/* A G_OPTION_ARG_FILENAME value: GApplication stores it as a bytestring. */
static char *
lookup_filename (GVariantDict *options,
                 const char   *name)
{
  g_autoptr(GVariant) v = g_variant_dict_lookup_value (options, name, NULL);

  if (v == NULL)
    return NULL;
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_BYTESTRING))
    return g_variant_dup_bytestring (v, NULL);
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (v, NULL);
  return NULL;
}

static char *
lookup_string (GVariantDict *options,
               const char   *name)
{
  char *value = NULL;

  if (!g_variant_dict_lookup (options, name, "s", &value))
    return lookup_filename (options, name);
  return value;
}

/* The one plan FILE of an export; NULL after printing the problem. */
static MpPlan *
load_one (const char         *option,
          const char * const *files,
          int                *status)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  MpPlan *plan;

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr (_("%s: %s needs exactly one plan FILE\n"), g_get_prgname (), option);
      *status = MP_EXIT_USAGE;
      return NULL;
    }
  file = g_file_new_for_commandline_arg (files[0]);
  plan = mp_plan_load_from_file (file, NULL, &error);
  if (plan == NULL)
    {
      print_plan_error (stderr, files[0], error);
      *status = MP_EXIT_FAILED;
    }
  return plan;
}

/* Writes an export to OUT: "-" is standard output, anything else a file
 * replaced atomically (no partial file on an error). */
static int
write_output (const char *out,
              GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (out, "-"))
    {
      gsize len;
      const void *data = g_bytes_get_data (bytes, &len);

      if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
        {
          g_printerr (_("%s: could not write to standard output\n"), g_get_prgname ());
          return MP_EXIT_FAILED;
        }
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (out);

      if (!mp_write_file_atomic (file, bytes, FALSE, NULL, NULL, &error))
        {
          g_printerr ("%s: %s\n", g_get_prgname (), error->message);
          return MP_EXIT_FAILED;
        }
    }
  return MP_EXIT_OK;
}

/* --export-ics=OUT [--for=WHO] [--no-dropped] [--no-meetings] FILE */
static int
run_export_ics (GVariantDict       *options,
                const char * const *files)
{
  g_autofree char *out = lookup_filename (options, "export-ics");
  g_autofree char *who = lookup_string (options, "for");
  g_autoptr(MpPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  MpIcalOptions opt;
  int status = MP_EXIT_OK;

  if (g_variant_dict_contains (options, "only-outdated"))
    {
      g_printerr (_("%s: --only-outdated goes with --export-invitations only\n"), g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  if (out == NULL || *out == '\0')
    {
      g_printerr (_("%s: --export-ics needs a file name, or “-” for standard output\n"), g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  if ((plan = load_one ("--export-ics", files, &status)) == NULL)
    return status;

  mp_ical_options_init (&opt);
  opt.for_participant = who;
  opt.include_dropped = !g_variant_dict_contains (options, "no-dropped");
  opt.include_meetings = !g_variant_dict_contains (options, "no-meetings");
  text = mp_ical_export_plan (plan, &opt, &error);
  if (text == NULL)
    {
      print_plan_error (stderr, files[0], error);
      return MP_EXIT_FAILED;
    }
  {
    gsize len = strlen (text);
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), len);

    return write_output (out, bytes);
  }
}

/* --export-invitations=DIR [--for=WHO] [--only-outdated] [--no-meetings] FILE */
static int
run_export_invitations (GVariantDict       *options,
                        const char * const *files)
{
  g_autofree char *dir = lookup_filename (options, "export-invitations");
  g_autofree char *who = lookup_string (options, "for");
  g_autoptr(MpPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) invitations = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GFile) folder = NULL;
  g_auto(GStrv) warnings = NULL;
  MpIcalOptions opt;
  int status = MP_EXIT_OK;

  if (g_variant_dict_contains (options, "no-dropped"))
    {
      g_printerr (_("%s: --no-dropped goes with --export-ics only; invitations cancel dropped milestones that had been invited\n"),
                  g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  if (dir == NULL || *dir == '\0' || g_str_equal (dir, "-"))
    {
      g_printerr (_("%s: --export-invitations needs a folder\n"), g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  if ((plan = load_one ("--export-invitations", files, &status)) == NULL)
    return status;

  mp_ical_options_init (&opt);
  opt.for_participant = who;
  opt.include_meetings = !g_variant_dict_contains (options, "no-meetings");
  opt.only_outdated = g_variant_dict_contains (options, "only-outdated");
  invitations = mp_ical_build_invitations (plan, &opt, &warnings, &error);
  for (guint i = 0; warnings && warnings[i]; i++)
    {
      g_autofree char *shown = mp_display_escape_terminal (warnings[i], FALSE);

      g_printerr ("%s: %s: %s\n", files[0], _("warning"), shown);
    }
  if (invitations == NULL && g_error_matches (error, MP_ERROR, MP_ERROR_NOTHING))
    {
      /* Nothing to do is not a failure. */
      g_print ("%s: %s\n", files[0], error->message);
      return MP_EXIT_OK;
    }
  if (invitations == NULL)
    {
      print_plan_error (stderr, files[0], error);
      return MP_EXIT_FAILED;
    }
  folder = g_file_new_for_commandline_arg (dir);
  written = mp_ical_write_invitations (invitations, folder, NULL, &error);
  if (written == NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return MP_EXIT_FAILED;
    }
  for (guint i = 0; i < written->len; i++)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (written, i));
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_print ("%s\n", path);
    }
  fflush (stdout);
  if (g_variant_dict_contains (options, "mark-sent"))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[0]);
      g_autoptr(MpDocument) doc = mp_document_new (plan, file);

      mp_ical_mark_sent (doc, invitations);
      if (!mp_plan_save_to_file (plan, file, FALSE, NULL, &error))
        {
          g_printerr ("%s: %s\n", g_get_prgname (), error->message);
          return MP_EXIT_FAILED;
        }
    }
  return MP_EXIT_OK;
}

/* --import-reply=REPLY [--import-reply=REPLY…] FILE */
static int
run_import_reply (GVariantDict       *options,
                  const char * const *files)
{
  g_autoptr(GVariant) v = g_variant_dict_lookup_value (options, "import-reply", NULL);
  g_autofree const char **replies = NULL;
  g_autoptr(MpPlan) plan = NULL;
  g_autoptr(MpDocument) doc = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_itip_result_free);
  int status = MP_EXIT_OK;
  gboolean changed = FALSE;

  if (v != NULL && g_variant_is_of_type (v, G_VARIANT_TYPE_BYTESTRING_ARRAY))
    replies = g_variant_get_bytestring_array (v, NULL);
  else if (v != NULL && g_variant_is_of_type (v, G_VARIANT_TYPE_STRING_ARRAY))
    replies = g_variant_get_strv (v, NULL);
  if (replies == NULL || replies[0] == NULL)
    {
      g_printerr (_("%s: --import-reply needs a file\n"), g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  if ((plan = load_one ("--import-reply", files, &status)) == NULL)
    return status;
  file = g_file_new_for_commandline_arg (files[0]);
  doc = mp_document_new (plan, file);

  for (guint i = 0; replies[i]; i++)
    {
      g_autoptr(GFile) rf = g_file_new_for_commandline_arg (replies[i]);
      g_autoptr(GBytes) data = g_file_load_bytes (rf, NULL, NULL, &error);

      if (data == NULL)
        {
          g_printerr ("%s: %s\n", g_get_prgname (), error->message);
          g_clear_error (&error);
          status = MP_EXIT_FAILED;
          continue;
        }
      if (!mp_itip_import (doc, replies[i], data, results, &error))
        {
          g_printerr ("%s: %s\n", g_get_prgname (), error->message);
          g_clear_error (&error);
          status = MP_EXIT_FAILED;
        }
    }
  for (guint i = 0; i < results->len; i++)
    {
      MpItipResult *r = g_ptr_array_index (results, i);
      /* Names, titles and comments come from the reply: shown, not obeyed. */
      g_autofree char *shown = mp_display_escape_terminal (r->message, FALSE);

      g_print ("%s\n", shown);
      changed |= r->outcome == MP_ITIP_RECORDED || r->outcome == MP_ITIP_PROPOSAL;
    }
  fflush (stdout);
  if (changed && !mp_plan_save_to_file (plan, file, FALSE, NULL, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return MP_EXIT_FAILED;
    }
  return status;
}

/* --report [--since=DATE] [--format=markdown|text] FILE */
static int
run_report (GVariantDict       *options,
            const char * const *files)
{
  const char *since_text = NULL;
  const char *format_text = NULL;
  MpDate since = MP_DATE_NONE;
  MpReportFormat format = MP_REPORT_MARKDOWN;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = NULL;
  g_autofree char *text = NULL;

  if (g_variant_dict_contains (options, "check"))
    {
      g_printerr (_("%s: --report and --check do not go together; run them one after the other\n"),
                  g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  if (g_variant_dict_lookup (options, "since", "&s", &since_text) &&
      !mp_date_parse (since_text, &since))
    {
      g_printerr (_("%s: --since=%s is not a date: write it as YYYY-MM-DD, e.g. 2027-03-01\n"),
                  g_get_prgname (), since_text);
      return MP_EXIT_USAGE;
    }
  if (g_variant_dict_lookup (options, "format", "&s", &format_text) &&
      !mp_report_format_from_string (format_text, &format))
    {
      g_printerr (_("%s: --format=%s is not known: use markdown or text\n"),
                  g_get_prgname (), format_text);
      return MP_EXIT_USAGE;
    }
  if (files == NULL || files[0] == NULL)
    {
      g_printerr (_("%s: --report needs the plan FILE to report on\n"), g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  if (files[1] != NULL)
    {
      g_printerr (_("%s: --report takes one plan FILE; run it once per file\n"), g_get_prgname ());
      return MP_EXIT_USAGE;
    }

  file = g_file_new_for_commandline_arg (files[0]);
  plan = mp_plan_load_from_file (file, NULL, &error);
  if (plan == NULL)
    {
      print_plan_error (stderr, files[0], error);
      return MP_EXIT_FAILED;
    }

  text = mp_report_build (plan, mp_date_today (), since, NULL, format);
  /* Plan text may hold escape sequences: shown, not obeyed. */
  {
    char *escaped = mp_display_escape_terminal (text, TRUE);

    g_free (text);
    text = escaped;
  }
  if (fputs (text, stdout) < 0 || fflush (stdout) != 0)
    {
      g_printerr (_("%s: could not write the report to standard output\n"), g_get_prgname ());
      return MP_EXIT_FAILED;
    }
  return MP_EXIT_OK;
}

/* --export-pdf=OUT [--paper=a4|letter] [--sections=LIST] [--timeline-pages-wide=N] FILE */
static int
run_export_pdf (GVariantDict       *options,
                const char * const *files)
{
  g_autofree char *out = lookup_filename (options, "export-pdf");
  const char *paper_text = NULL;
  const char *sections_text = NULL;
  const char *pages_text = NULL;
  int pages_wide = 1;
  MpPaper paper = mp_paper_from_locale ();
  MpPrintSections sections = MP_PRINT_SECTIONS_DEFAULT;
  g_autoptr(MpPlan) plan = NULL;
  g_autoptr(MpPrintJob) job = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  int status = MP_EXIT_OK;

  if (g_variant_dict_contains (options, "check") || g_variant_dict_contains (options, "report") ||
      g_variant_dict_contains (options, "export-ics") || g_variant_dict_contains (options, "export-invitations"))
    {
      g_printerr (_("%s: --export-pdf goes alone: run --check, --report and the other exports one after the other\n"),
                  g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  if (out == NULL || *out == '\0')
    {
      g_printerr (_("%s: --export-pdf needs a file name, or “-” for standard output\n"), g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  if (g_variant_dict_lookup (options, "paper", "&s", &paper_text) && !mp_paper_parse (paper_text, &paper))
    {
      g_printerr (_("%s: --paper=%s is not known: use a4 or letter\n"), g_get_prgname (), paper_text);
      return MP_EXIT_USAGE;
    }
  if (g_variant_dict_lookup (options, "sections", "&s", &sections_text) &&
      !mp_print_sections_parse (sections_text, &sections))
    {
      g_printerr (_("%s: --sections=%s: name one or more of overview, milestones, timeline, changes, separated by commas\n"),
                  g_get_prgname (), sections_text);
      return MP_EXIT_USAGE;
    }
  /* A string, not an int: GApplication leaves an int option of 0 out of
   * the dictionary, and 0 is wrong usage here. */
  if (g_variant_dict_lookup (options, "timeline-pages-wide", "&s", &pages_text))
    {
      guint64 value = 0;

      if (!g_ascii_string_to_unsigned (pages_text, 10, 1, MP_PRINT_MAX_PAGES_WIDE, &value, NULL))
        {
          g_printerr (_("%s: --timeline-pages-wide=%s: give a number from 1 to %d\n"),
                      g_get_prgname (), pages_text, MP_PRINT_MAX_PAGES_WIDE);
          return MP_EXIT_USAGE;
        }
      pages_wide = (int) value;
    }
  if ((plan = load_one ("--export-pdf", files, &status)) == NULL)
    return status;

  job = mp_print_job_new (plan);
  mp_print_job_set_paper (job, paper);
  mp_print_job_set_sections (job, sections);
  mp_print_job_set_timeline_pages_wide (job, (guint) pages_wide);
  pdf = mp_print_job_to_pdf (job, &error);
  if (pdf == NULL)
    {
      print_plan_error (stderr, files[0], error);
      return MP_EXIT_FAILED;
    }
  /* Rendered in memory, written atomically: an interrupted export leaves
   * no half PDF behind. */
  return write_output (out, pdf);
}

/* --export-html=OUT FILE */
static int
run_export_html (GVariantDict       *options,
                 const char * const *files)
{
  g_autofree char *out = lookup_filename (options, "export-html");
  g_autoptr(MpPlan) plan = NULL;
  g_autoptr(GBytes) html = NULL;
  g_autoptr(GError) error = NULL;
  int status = MP_EXIT_OK;

  if (out == NULL || *out == '\0')
    {
      g_printerr (_("%s: --export-html needs a file name, or “-” for standard output\n"), g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  if ((plan = load_one ("--export-html", files, &status)) == NULL)
    return status;
  html = mp_html_export_plan (plan, mp_date_today (), &error);
  if (html == NULL)
    {
      print_plan_error (stderr, files[0], error);
      return MP_EXIT_FAILED;
    }
  return write_output (out, html);
}

/* --export-csv=OUT [--csv-headers=english|localized] FILE */
static int
run_export_csv (GVariantDict       *options,
                const char * const *files)
{
  g_autofree char *out = lookup_filename (options, "export-csv");
  const char *headers_text = NULL;
  MpCsvHeaders headers = MP_CSV_HEADERS_ENGLISH;
  g_autoptr(MpPlan) plan = NULL;
  g_autoptr(GBytes) csv = NULL;
  int status = MP_EXIT_OK;

  if (out == NULL || *out == '\0')
    {
      g_printerr (_("%s: --export-csv needs a file name, or “-” for standard output\n"), g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  if (g_variant_dict_lookup (options, "csv-headers", "&s", &headers_text) &&
      !mp_csv_headers_parse (headers_text, &headers))
    {
      g_printerr (_("%s: --csv-headers=%s is not known: use english or localized\n"), g_get_prgname (), headers_text);
      return MP_EXIT_USAGE;
    }
  if ((plan = load_one ("--export-csv", files, &status)) == NULL)
    return status;
  csv = mp_csv_export_plan (plan, headers);
  return write_output (out, csv);
}

/* --import-csv=IN FILE: merges into FILE (atomically, FILE~ kept), or
 * makes FILE when it does not exist. */
static int
run_import_csv (GVariantDict       *options,
                const char * const *files)
{
  g_autofree char *in = lookup_filename (options, "import-csv");
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(MpPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gboolean exists;
  guint added = 0, changed = 0;

  if (in == NULL || *in == '\0' || g_str_equal (in, "-"))
    {
      g_printerr (_("%s: --import-csv needs the spreadsheet file to read\n"), g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr (_("%s: %s needs exactly one plan FILE\n"), g_get_prgname (), "--import-csv");
      return MP_EXIT_USAGE;
    }
  source = g_file_new_for_commandline_arg (in);
  target = g_file_new_for_commandline_arg (files[0]);
  exists = g_file_query_exists (target, NULL);
  if (exists)
    plan = mp_plan_load_from_file (target, NULL, &error);
  else
    {
      g_autofree char *base = g_file_get_basename (source);
      g_autofree char *id = mp_record_new_id (NULL);
      g_autofree char *zone = mp_timezone_get_local ();
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      plan = mp_plan_new ();
      mp_record_mark_new (MP_RECORD (plan));
      mp_plan_set_id (plan, id);
      mp_plan_set_title (plan, base);
      mp_plan_set_timezone (plan, zone);
    }
  if (plan == NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return MP_EXIT_FAILED;
    }
  if (!mp_csv_import_file (plan, source, &added, &changed, &error))
    {
      g_printerr ("%s\n", error->message);
      g_printerr (_("%s: nothing was imported and %s was not written\n"), g_get_prgname (), files[0]);
      return MP_EXIT_FAILED;
    }
  if (!mp_plan_save_to_file (plan, target, exists, NULL, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return MP_EXIT_FAILED;
    }
  g_print (_("%s: %u added, %u changed\n"), files[0], added, changed);
  return MP_EXIT_OK;
}

/* The exports and the import that go alone: at most one of them, and
 * none of the other commands. */
static const char * const lone_commands[] = { "export-html", "export-csv", "import-csv", NULL };

/* A plan named on the command line, or NULL after saying why. */
static MpPlan *
load_arg (const char *arg)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (arg);
  g_autoptr(GError) error = NULL;
  MpPlan *plan = mp_plan_load_from_file (file, NULL, &error);

  if (plan == NULL)
    print_plan_error (stderr, arg, error);
  return plan;
}

static gpointer
load_arg_thread (gpointer arg)
{
  return load_arg (arg);
}

/* --merge BASE OURS THEIRS [-o OUT]: also git's merge driver (%O %A %B). */
static int
run_merge (GVariantDict       *options,
           const char * const *files)
{
  g_autofree char *out = lookup_filename (options, "output");
  g_autoptr(MpPlan) base = NULL;
  g_autoptr(MpPlan) ours = NULL;
  g_autoptr(MpPlan) theirs = NULL;
  g_autoptr(MpMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint conflicts;
  int status;

  if (files == NULL || g_strv_length ((char **) files) != 3)
    {
      g_printerr (_("%s: --merge needs three plan files: BASE OURS THEIRS\n"), g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  /* The three files at once: loading is most of the time a merge takes. */
  {
    GThread *base_thread = g_thread_new ("load-base", load_arg_thread, (gpointer) files[0]);
    GThread *theirs_thread = g_thread_new ("load-theirs", load_arg_thread, (gpointer) files[2]);

    ours = load_arg (files[1]);
    base = g_thread_join (base_thread);
    theirs = g_thread_join (theirs_thread);
  }
  if (base == NULL || ours == NULL || theirs == NULL)
    return MP_EXIT_FAILED;

  merge = mp_merge_new (base, ours, theirs);
  if (mp_merge_apply_in_place (merge, &error) < 0)
    {
      g_printerr ("%s: %s: %s\n", g_get_prgname (), files[1], error->message);
      return MP_EXIT_FAILED;
    }
  conflicts = mp_merge_get_n_conflicts (merge);
  for (guint i = 0; i < mp_merge_get_n_changes (merge); i++)
    {
      MpMergeChange *c = mp_merge_get_change (merge, i);
      g_autofree char *line = NULL;

      if (!c->conflict)
        continue;
      line = mp_merge_change_describe_conflict (c);
      {
        g_autofree char *shown = mp_display_escape_terminal (line, FALSE);

        g_printerr ("%s: %s: %s\n", files[1], _("conflict"), shown);
      }
    }
  bytes = mp_plan_to_bytes (ours);
  status = write_output (out ? out : files[1], bytes);
  if (status != MP_EXIT_OK)
    return status;
  return conflicts > 0 ? MP_EXIT_FAILED : MP_EXIT_OK;
}

/* --diff OLD NEW: the changes in words; --diff FILE: the plan as lines of
 * text; with git's seven arguments of diff.*.command (PATH OLD-FILE
 * OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE), the changes of PATH. */
static int
run_diff (const char * const *files)
{
  guint n = files ? g_strv_length ((char **) files) : 0;
  g_autoptr(MpPlan) old_plan = NULL;
  g_autoptr(MpPlan) new_plan = NULL;
  g_autofree char *text = NULL;

  if (n == 1)
    {
      if ((new_plan = load_arg (files[0])) == NULL)
        return MP_EXIT_FAILED;
      text = mp_plan_describe (new_plan);
    }
  else if (n == 2 || n == 7)
    {
      const char *old_arg = n == 2 ? files[0] : files[1];
      const char *new_arg = n == 2 ? files[1] : files[4];

      if ((old_plan = load_arg (old_arg)) == NULL || (new_plan = load_arg (new_arg)) == NULL)
        return MP_EXIT_FAILED;
      text = mp_plan_describe_changes (old_plan, new_plan);
      if (n == 7 && *text)
        {
          char *with_path = g_strdup_printf ("%s:\n%s", files[0], text);
          g_free (text);
          text = with_path;
        }
    }
  else
    {
      g_printerr (_("%s: --diff needs two plan files, OLD NEW (or one FILE to print as text)\n"), g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  /* Titles and names come from the plans: shown, not obeyed. */
  {
    char *escaped = mp_display_escape_terminal (text, TRUE);

    g_free (text);
    text = escaped;
  }
  if (fputs (text, stdout) < 0 || fflush (stdout) != 0)
    {
      g_printerr (_("%s: could not write to standard output\n"), g_get_prgname ());
      return MP_EXIT_FAILED;
    }
  return MP_EXIT_OK;
}

int
mp_cli_run (GVariantDict       *options,
            const char * const *files)
{
  if (g_variant_dict_contains (options, "import-reply") && !g_variant_dict_contains (options, "version"))
    {
      static const char * const others[] = { "check", "report", "export-ics", "export-invitations", "export-pdf",
                                             "export-html", "export-csv", "import-csv", NULL };

      for (guint j = 0; others[j]; j++)
        if (g_variant_dict_contains (options, others[j]))
          {
            g_printerr (_("%s: --%s and --%s do not go together; run them one after the other\n"),
                        g_get_prgname (), "import-reply", others[j]);
            return MP_EXIT_USAGE;
          }
      return run_import_reply (options, files);
    }
  if (g_variant_dict_contains (options, "mark-sent") && !g_variant_dict_contains (options, "export-invitations"))
    {
      g_printerr (_("%s: --mark-sent goes with --export-invitations\n"), g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  for (guint i = 0; lone_commands[i]; i++)
    if (g_variant_dict_contains (options, lone_commands[i]) && !g_variant_dict_contains (options, "version"))
      {
        static const char * const others[] = {
          "check", "report", "export-ics", "export-invitations", "export-pdf", "export-html", "export-csv",
          "import-csv", NULL
        };

        for (guint j = 0; others[j]; j++)
          if (!g_str_equal (others[j], lone_commands[i]) && g_variant_dict_contains (options, others[j]))
            {
              g_printerr (_("%s: --%s and --%s do not go together; run them one after the other\n"),
                          g_get_prgname (), lone_commands[i], others[j]);
              return MP_EXIT_USAGE;
            }
        if (g_str_equal (lone_commands[i], "export-html"))
          return run_export_html (options, files);
        if (g_str_equal (lone_commands[i], "export-csv"))
          return run_export_csv (options, files);
        return run_import_csv (options, files);
      }
  if (g_variant_dict_contains (options, "csv-headers"))
    {
      g_printerr (_("%s: --csv-headers goes with --export-csv\n"), g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  if (g_variant_dict_contains (options, "export-pdf") && !g_variant_dict_contains (options, "version"))
    return run_export_pdf (options, files);
  if (g_variant_dict_contains (options, "paper") || g_variant_dict_contains (options, "sections") ||
      g_variant_dict_contains (options, "timeline-pages-wide"))
    {
      g_printerr (_("%s: --paper, --sections and --timeline-pages-wide go with --export-pdf\n"), g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  gboolean ics = g_variant_dict_contains (options, "export-ics");
  gboolean inv = g_variant_dict_contains (options, "export-invitations");

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("mutualplan %s\n", PACKAGE_VERSION);
      return MP_EXIT_OK;
    }
  if (g_variant_dict_contains (options, "merge") || g_variant_dict_contains (options, "diff"))
    {
      if (g_variant_dict_contains (options, "merge") && g_variant_dict_contains (options, "diff"))
        {
          g_printerr (_("%s: give either --merge or --diff, not both\n"), g_get_prgname ());
          return MP_EXIT_USAGE;
        }
      if (g_variant_dict_contains (options, "merge"))
        return run_merge (options, files);
      if (g_variant_dict_contains (options, "output"))
        {
          g_printerr (_("%s: --output goes with --merge\n"), g_get_prgname ());
          return MP_EXIT_USAGE;
        }
      return run_diff (files);
    }
  if (g_variant_dict_contains (options, "output"))
    {
      g_printerr (_("%s: --output goes with --merge\n"), g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  if (g_variant_dict_contains (options, "report"))
    return run_report (options, files);
  if (g_variant_dict_contains (options, "since") || g_variant_dict_contains (options, "format"))
    {
      g_printerr (_("%s: --since and --format go with --report\n"), g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  if (ics && inv)
    {
      g_printerr (_("%s: give either --export-ics or --export-invitations, not both\n"), g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  if ((ics || inv) && g_variant_dict_contains (options, "check"))
    {
      g_printerr (_("%s: --check does not go with an export\n"), g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  if (ics)
    return run_export_ics (options, files);
  if (inv)
    return run_export_invitations (options, files);
  if (g_variant_dict_contains (options, "for") || g_variant_dict_contains (options, "no-dropped") ||
      g_variant_dict_contains (options, "no-meetings") || g_variant_dict_contains (options, "only-outdated"))
    {
      g_printerr (_("%s: --for, --no-dropped, --no-meetings and --only-outdated go with --export-ics or --export-invitations\n"),
                  g_get_prgname ());
      return MP_EXIT_USAGE;
    }
  if (g_variant_dict_contains (options, "check"))
    return run_check (files);
  return -1;
}
