/* mp-file-kind.c: what a file that is not a plan is, in plain words
 *
 * Opening an .ics export or some JSON file by mistake is common; the
 * loader's message ("line 1, column 1: an unexpected word") is right but
 * does not say what happened. The first bytes do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mp-file-kind.h"

static gboolean
starts_with (const char *p,
             gsize       len,
             const char *prefix,
             gboolean    ignore_case)
{
  gsize n = strlen (prefix);

  if (len < n)
    return FALSE;
  return ignore_case ? g_ascii_strncasecmp (p, prefix, n) == 0 : memcmp (p, prefix, n) == 0;
}

/* Does the JSON text name "format": "mutualplan" near its start? */
static gboolean
names_plan_format (const char *p,
                   gsize       len)
{
  g_autofree char *text = g_strndup (p, len);

  return strstr (text, "\"mutualplan\"") != NULL;
}

char *
mp_file_kind_describe (const char *head,
                       gsize       len,
                       const char *name)
{
  const char *p = head;

  g_return_val_if_fail (head != NULL || len == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* A byte order mark and leading white space say nothing. */
  if (starts_with (p, len, "\xef\xbb\xbf", FALSE))
    p += 3, len -= 3;
  while (len > 0 && g_ascii_isspace (*p))
    p++, len--;

  if (len == 0)
    /* Translators: %s is a file name */
    return g_strdup_printf (_("“%s” is empty, not a plan"), name);
  if (starts_with (p, len, "BEGIN:VCALENDAR", TRUE))
    return g_strdup_printf (_("“%s” is a calendar file, not a plan"), name);
  if (starts_with (p, len, "BEGIN:VCARD", TRUE))
    return g_strdup_printf (_("“%s” is an address card, not a plan"), name);
  if (starts_with (p, len, "%PDF", FALSE))
    return g_strdup_printf (_("“%s” is a PDF document, not a plan"), name);
  if (starts_with (p, len, "PK\x03\x04", FALSE))
    return g_strdup_printf (_("“%s” is a compressed archive or an office document, not a plan"), name);
  if (starts_with (p, len, "\x89PNG", FALSE) || starts_with (p, len, "\xff\xd8\xff", FALSE) ||
      starts_with (p, len, "GIF8", FALSE))
    return g_strdup_printf (_("“%s” is a picture, not a plan"), name);
  if (starts_with (p, len, "<?xml", TRUE) || starts_with (p, len, "<!doctype html", TRUE) ||
      starts_with (p, len, "<html", TRUE))
    return g_strdup_printf (_("“%s” is a web page or an XML file, not a plan"), name);
  if (starts_with (p, len, "From ", FALSE) || starts_with (p, len, "Return-Path:", TRUE) ||
      starts_with (p, len, "MIME-Version:", TRUE) || starts_with (p, len, "Received:", TRUE))
    return g_strdup_printf (_("“%s” is an e-mail, not a plan"), name);
  if ((*p == '{' || *p == '[') && !names_plan_format (p, len))
    return g_strdup_printf (_("“%s” is a JSON file, but not a plan"), name);
  return NULL;
}
