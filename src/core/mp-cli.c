/* mp-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-cli.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "mp-model.h"
#include "mp-plan-io.h"
#include "mp-problem.h"

static const GOptionEntry entries[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check plan files: print “FILE: OK” or the error, and every warning; exit 1 if one does not load"), NULL },
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
      g_autofree char *base = g_file_get_basename (file);

      if (plan == NULL)
        {
          const char *msg = error->message;

          /* The loader names the file by its basename; show the argument as given. */
          if (g_str_has_prefix (msg, base) && msg[strlen (base)] == ':')
            msg += strlen (base) + 2;
          g_print ("%s: %s\n", files[i], msg);
          status = MP_EXIT_FAILED;
          continue;
        }
      g_print ("%s: OK\n", files[i]);
      problems = mp_plan_check (plan, today);
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (problems)); j++)
        {
          g_autoptr(MpProblem) p = g_list_model_get_item (G_LIST_MODEL (problems), j);
          const char *path = mp_problem_get_path (p);

          g_print ("%s: %s: %s: %s\n", files[i], *path ? path : "plan", _("warning"),
                   mp_problem_get_message (p));
        }
    }
  fflush (stdout);
  return status;
}

int
mp_cli_run (GVariantDict       *options,
            const char * const *files)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("mutualplan %s\n", PACKAGE_VERSION);
      return MP_EXIT_OK;
    }
  if (g_variant_dict_contains (options, "check"))
    return run_check (files);
  return -1;
}
