/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "mp-application.h"
#include "mp-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MpApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* MUTUALPLAN_LOCALEDIR: the build tree's catalogs, for the tests. */
  localedir = g_getenv ("MUTUALPLAN_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("mutualplan");

  /* A wrong command line exits with 2, before GApplication sees it. */
  if (!mp_cli_validate_args (argc, argv))
    return MP_EXIT_USAGE;

  app = mp_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
