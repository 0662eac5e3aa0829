/* bench-ical-libical.c: the reference of bench-cli for --export-ics:
 * libical alone building the same events and writing them.
 *
 *   bench-ical-libical IN.ics OUT.ics
 *
 * Reads the calendar MutualPlan exported (IN), builds it as libical
 * components (icalparser_parse_string (): every VEVENT, property and
 * parameter made by libical), and writes the serialised calendar to OUT,
 * as our export does with the components it builds. GLib is not used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

int
main (int   argc,
      char *argv[])
{
  FILE *in, *out;
  char *data, *text;
  long len;
  icalcomponent *cal;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s IN.ics OUT.ics\n", argv[0]);
      return 2;
    }
  if ((in = fopen (argv[1], "rb")) == NULL)
    {
      perror (argv[1]);
      return 1;
    }
  fseek (in, 0, SEEK_END);
  len = ftell (in);
  rewind (in);
  data = malloc ((size_t) len + 1);
  if (data == NULL || fread (data, 1, (size_t) len, in) != (size_t) len)
    return 1;
  data[len] = '\0';
  fclose (in);

  cal = icalparser_parse_string (data);
  free (data);
  if (cal == NULL || icalcomponent_count_components (cal, ICAL_VEVENT_COMPONENT) == 0)
    {
      fprintf (stderr, "%s: no events\n", argv[1]);
      return 1;
    }
  text = icalcomponent_as_ical_string_r (cal);
  if ((out = fopen (argv[2], "wb")) == NULL || fputs (text, out) < 0 || fclose (out) != 0)
    {
      perror (argv[2]);
      return 1;
    }
  free (text);
  icalcomponent_free (cal);
  return 0;
}
