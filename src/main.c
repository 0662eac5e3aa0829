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

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("mutualplan");

  /* A wrong command line exits with 2, before GApplication sees it. */
  if (!mp_cli_validate_args (argc, argv))
    return MP_EXIT_USAGE;

  app = mp_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
