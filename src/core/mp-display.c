/* mp-display.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-display.h"

#include <string.h>

/* LRE RLE PDF LRO RLO, LRI RLI FSI PDI, LRM RLM ALM. */
static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0x200E || c == 0x200F || c == 0x061C;
}

char *
mp_display_escape_terminal (const char *text,
                            gboolean    keep_newlines)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c == '\n' && keep_newlines) || c == '\t')
        g_string_append_c (out, (char) c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else if ((c >= 0x80 && c <= 0x9f) || is_bidi_control (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

char *
mp_display_text (const char *text,
                 gssize      max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_new (NULL);
  gssize keep = -1;
  int open_isolates = 0;
  gboolean bidi = FALSE;

  /* Too long: the first max_chars - 1 characters and "…". */
  if (max_chars > 0 && g_utf8_strlen (valid, -1) > max_chars)
    keep = max_chars - 1;
  for (const char *p = valid; *p; p = g_utf8_next_char (p), keep--)
    {
      gunichar c = g_utf8_get_char (p);

      if (keep == 0)
        {
          g_string_append (out, "…");
          break;
        }
      if (is_bidi_control (c))
        {
          bidi = TRUE;
          if (c >= 0x2066 && c <= 0x2068)
            open_isolates++;
          else if (c == 0x2069 && open_isolates > 0)
            open_isolates--;
        }
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  if (!bidi)
    return g_string_free (out, FALSE);
  /* The isolates the text opened, then ours: a PDI also ends every
   * embedding and override begun inside the isolate. */
  for (; open_isolates > 0; open_isolates--)
    g_string_append (out, "\u2069");
  g_string_prepend (out, "\u2068");
  g_string_append (out, "\u2069");
  return g_string_free (out, FALSE);
}
