/* mp-cli.h: the headless command line (no display, no GTK)
 *
 * The application adds these options to its GApplication and hands the
 * parsed dictionary here from handle-local-options, before any GTK
 * initialisation. Each headless command prints to stdout/stderr and
 * returns the process exit status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  MP_EXIT_OK = 0,
  MP_EXIT_FAILED = 1, /* a file did not load, an export failed */
  MP_EXIT_USAGE = 2,  /* wrong command line */
} MpExitStatus;

/* Every option of `mutualplan`, with a one-line explanation each; the
 * values land in the options dictionary (arg_data is NULL). */
const GOptionEntry *mp_cli_get_option_entries (void);

/* Checks the command line's syntax the same way GApplication will parse
 * it, so that a wrong command line exits with MP_EXIT_USAGE (GApplication
 * itself would exit with 1). Prints the problem on stderr. */
gboolean            mp_cli_validate_args      (int           argc,
                                               char        **argv);

/* Runs the headless command named in @options on @files (the remaining
 * arguments). Returns the exit status, or -1 when no headless command
 * was asked for (the application then opens windows). */
int                 mp_cli_run                (GVariantDict *options,
                                               const char * const *files);

G_END_DECLS
