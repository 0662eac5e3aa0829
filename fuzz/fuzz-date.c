/* fuzz-date.c: libFuzzer target for the date and time parsers (mp-date.h)
 *
 * Each parser gets the input as a C string. What a parser accepts must
 * format back to the same text (the spellings are exact), and what it
 * returns must be a real calendar value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mp-date.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  MpDate date = 12345;
  int minutes = 12345;

  if (mp_date_parse (text, &date))
    {
      g_autofree char *back = mp_date_format (date);
      int y, m, d;

      g_assert_cmpstr (back, ==, text);
      mp_date_to_ymd (date, &y, &m, &d);
      g_assert_true (g_date_valid_dmy (d, m, y));
      g_assert_cmpuint (mp_date_from_ymd (y, m, d), ==, date);
      g_assert_cmpint (mp_date_weekday (date), >=, 1);
      g_assert_cmpint (mp_date_weekday (date), <=, 7);
    }

  if (mp_time_parse (text, &minutes))
    {
      g_autofree char *back = mp_time_format (minutes);

      g_assert_cmpint (minutes, >=, 0);
      g_assert_cmpint (minutes, <, 24 * 60);
      g_assert_cmpstr (back, ==, text);
    }

  (void) mp_datetime_is_valid (text);

  date = 12345;
  minutes = 12345;
  if (mp_local_datetime_parse (text, &date, &minutes))
    {
      g_autofree char *back = mp_local_datetime_format (date, minutes);

      g_assert_cmpint (minutes, >=, 0);
      g_assert_cmpint (minutes, <, 24 * 60);
      g_assert_cmpstr (back, ==, text);
    }

  /* Zone names reach the file system (the zoneinfo database): short
   * inputs only, the rest is the same code path. */
  if (size < 64)
    (void) mp_timezone_is_valid (text);

  return 0;
}
