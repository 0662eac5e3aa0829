/* mp-json-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-json-check.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "mp-format.h"

/* One open array or object: where the scanner is inside it. */
typedef struct {
  char        open;      /* '{' or '[' */
  guint       count;     /* items or members so far */
  const char *name;      /* object: the current member's name (raw) */
  gsize       name_len;
} Frame;

typedef struct {
  const char *p;
  const char *start;
  const char *end;
  char       *message;
  const char *error_at;
  GArray     *frames;    /* of Frame, outermost first */
} Scanner;

static gboolean
fail (Scanner    *s,
      const char *at,
      const char *fmt,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Scanner    *s,
      const char *at,
      const char *fmt,
      ...)
{
  va_list args;

  va_start (args, fmt);
  s->message = g_strdup_vprintf (g_dgettext (GETTEXT_PACKAGE, fmt), args);
  va_end (args);
  s->error_at = at;
  return FALSE;
}

static void
skip_ws (Scanner *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

static const char *
describe (Scanner *s)
{
  if (s->p >= s->end)
    return _("the end of the file");
  switch (*s->p)
    {
    case '"': return _("a string");
    case '{': return "'{'";
    case '}': return "'}'";
    case '[': return "'['";
    case ']': return "']'";
    case ',': return "','";
    case ':': return "':'";
    default:
      if (*s->p == '-' || g_ascii_isdigit (*s->p))
        return _("a number");
      return _("an unexpected character");
    }
}

/* Four hex digits at @p (not past @end). */
static gboolean
scan_hex4 (const char *p,
           const char *end,
           guint      *value)
{
  guint v = 0;

  if (end - p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return FALSE;
      v = v * 16 + g_ascii_xdigit_value (p[i]);
    }
  *value = v;
  return TRUE;
}

static gboolean
scan_string (Scanner *s)
{
  const char *open = s->p;
  gsize chars = 0;

  s->p++; /* the quote */
  while (s->p < s->end)
    {
      unsigned char c = (unsigned char) *s->p;

      if (c == '"')
        {
          s->p++;
          return TRUE;
        }
      /* Characters, an escape counting as one. */
      if ((c & 0xC0) != 0x80 && ++chars > MP_JSON_MAX_STRING)
        {
          g_autofree char *limit = mp_format_count (MP_JSON_MAX_STRING);
          return fail (s, open, "a text longer than %s characters (the limit of a plan file)", limit);
        }
      if (c < 0x20)
        return fail (s, s->p, "a control character inside a string (write it as an escape such as \\n)");
      if (c == '\\')
        {
          s->p++;
          if (s->p >= s->end)
            break;
          if (*s->p == 'u')
            {
              const char *escape = s->p - 1;
              guint unit;

              if (!scan_hex4 (s->p + 1, s->end, &unit))
                return fail (s, s->p, "\\u must be followed by four hex digits");
              s->p += 5;
              /* C strings end at NUL: the text would be cut short. */
              if (unit == 0)
                return fail (s, escape, "\\u0000 (a NUL character) is not allowed in a plan file");
              /* A surrogate pair is two escapes; half of one is no character. */
              if (unit >= 0xDC00 && unit <= 0xDFFF)
                return fail (s, escape, "\\u%04X is half of a UTF-16 surrogate pair without its first half", unit);
              if (unit >= 0xD800 && unit <= 0xDBFF)
                {
                  guint low;

                  if (s->end - s->p < 6 || s->p[0] != '\\' || s->p[1] != 'u' ||
                      !scan_hex4 (s->p + 2, s->end, &low) || low < 0xDC00 || low > 0xDFFF)
                    return fail (s, escape, "\\u%04X is half of a UTF-16 surrogate pair without its second half", unit);
                  s->p += 6;
                }
              continue;
            }
          if (strchr ("\"\\/bfnrt", *s->p) == NULL)
            return fail (s, s->p - 1, "unknown escape \\%c in a string", *s->p);
        }
      s->p++;
    }
  return fail (s, open, "a string that is never closed");
}

/* Whether an integer the scanner took (an optional minus, then digits
 * without leading zeros) lies in -(2^63 - 1) .. 2^63 - 1. Compared as text:
 * g_ascii_string_to_signed() reads errno, which GLib's first making of its
 * C locale (newlocale) can leave set, so plans loaded on several threads at
 * once (--merge) were now and then refused with "the number 1 is out of
 * range". */
static gboolean
integer_fits (const char *text)
{
  static const char max[] = "9223372036854775807";
  const char *digits = text[0] == '-' ? text + 1 : text;
  gsize n = strlen (digits);

  return n < sizeof max - 1 || (n == sizeof max - 1 && strcmp (digits, max) <= 0);
}

static gboolean
scan_number (Scanner *s)
{
  const char *begin = s->p;

  if (*s->p == '-')
    s->p++;
  if (s->p >= s->end || !g_ascii_isdigit (*s->p))
    return fail (s, begin, "a malformed number");
  if (*s->p == '0')
    s->p++;
  else
    while (s->p < s->end && g_ascii_isdigit (*s->p))
      s->p++;
  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      if (s->p >= s->end || !g_ascii_isdigit (*s->p))
        return fail (s, begin, "a malformed number");
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (s->p >= s->end || !g_ascii_isdigit (*s->p))
        return fail (s, begin, "a malformed number");
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }

  /* json-glib wraps integers past 64 bits around (99999999999999999999
   * would read as a small number) and reads 1e999 as infinity, which
   * cannot be written back: refuse both. */
  {
    g_autofree char *text = g_strndup (begin, s->p - begin);
    gboolean integer = strpbrk (text, ".eE") == NULL;

    if (integer && !integer_fits (text))
      return fail (s, begin, "the number %s is out of range (integers in a plan file fit in 64 bits)", text);
    if (!integer && !isfinite (g_ascii_strtod (text, NULL)))
      return fail (s, begin, "the number %s is out of range (too large for a floating-point number)", text);
  }
  return TRUE;
}

static gboolean
scan_word (Scanner    *s,
           const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (s->end - s->p) >= n && memcmp (s->p, word, n) == 0)
    {
      s->p += n;
      return TRUE;
    }
  return fail (s, s->p, "an unexpected word (strings need double quotes; the literals are true, false and null)");
}

/* A scalar, or the opening of a container (pushed on the frames). */
static gboolean
scan_value (Scanner *s)
{
  skip_ws (s);
  if (s->p >= s->end)
    return fail (s, s->p, "the file ends where a value was expected");
  switch (*s->p)
    {
    case '{':
    case '[':
      {
        Frame f = { *s->p, 0, NULL, 0 };

        if (s->frames->len >= MP_JSON_MAX_DEPTH)
          return fail (s, s->p, "nesting deeper than %d levels", MP_JSON_MAX_DEPTH);
        g_array_append_val (s->frames, f);
        s->p++;
        return TRUE;
      }
    case '"':
      return scan_string (s);
    case 't':
      return scan_word (s, "true");
    case 'f':
      return scan_word (s, "false");
    case 'n':
      return scan_word (s, "null");
    default:
      if (*s->p == '-' || g_ascii_isdigit (*s->p))
        return scan_number (s);
      if (g_ascii_isalpha (*s->p))
        return scan_word (s, "\x01");
      return fail (s, s->p, "expected a value, found %s", describe (s));
    }
}

static gboolean
scan (Scanner *s)
{
  gboolean first = TRUE;  /* just after an opening bracket */

  if (!scan_value (s))
    return FALSE;
  while (s->frames->len > 0)
    {
      Frame *f = &g_array_index (s->frames, Frame, s->frames->len - 1);
      char top = f->open;
      char close = top == '{' ? '}' : ']';

      skip_ws (s);
      if (s->p < s->end && *s->p == close)
        {
          s->p++;
          g_array_set_size (s->frames, s->frames->len - 1);
          first = FALSE;
          continue;
        }
      if (!first)
        {
          if (s->p >= s->end || *s->p != ',')
            return fail (s, s->p, "expected ',' or '%c', found %s", close, describe (s));
          s->p++;
          skip_ws (s);
          f->count++;
          f->name = NULL;
        }
      if (f->count >= MP_JSON_MAX_ITEMS)
        {
          g_autofree char *limit = mp_format_count (MP_JSON_MAX_ITEMS);
          return fail (s, s->p, top == '{' ? N_("more than %s members in one object (the limit of a plan file)")
                                           : N_("more than %s items in one list (the limit of a plan file)"),
                       limit);
        }
      if (top == '{')
        {
          const char *name = s->p;

          if (s->p >= s->end || *s->p != '"')
            return fail (s, s->p, "expected a member name in double quotes, found %s", describe (s));
          if (!scan_string (s))
            return FALSE;
          f->name = name + 1;
          f->name_len = s->p - name - 2;
          skip_ws (s);
          if (s->p >= s->end || *s->p != ':')
            return fail (s, s->p, "expected ':' after the member name, found %s", describe (s));
          s->p++;
        }
      {
        guint depth = s->frames->len;

        if (!scan_value (s))
          return FALSE;
        first = s->frames->len > depth;
      }
    }
  skip_ws (s);
  if (s->p < s->end)
    return fail (s, s->p, "more data after the end of the top-level value");
  return TRUE;
}

/* The JSON path of the value the scanner stopped in: "milestones[3].due". */
static char *
frames_path (GArray *frames)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < frames->len; i++)
    {
      Frame *f = &g_array_index (frames, Frame, i);

      if (f->open == '[')
        g_string_append_printf (path, "[%u]", f->count);
      else if (f->name != NULL)
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          /* Names are shown as written, cut short and without control
           * characters (they are in escapes in the file). */
          g_string_append_len (path, f->name, MIN (f->name_len, 64));
          if (f->name_len > 64)
            g_string_append (path, "…");
        }
    }
  return g_string_free (path, FALSE);
}

gboolean
mp_json_check (const char  *data,
               gsize        len,
               char       **path,
               int         *line,
               int         *column,
               char       **message)
{
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  Scanner s = { data, data, data + len, NULL, NULL, frames };

  if (scan (&s))
    return TRUE;

  *path = frames_path (frames);

  *line = 1;
  *column = 1;
  for (const char *q = data; q < s.error_at; q++)
    {
      if (*q == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((unsigned char) *q & 0xC0) != 0x80)
        (*column)++;
    }
  *message = s.message;
  return FALSE;
}
