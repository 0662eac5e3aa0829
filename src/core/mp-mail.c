/* mp-mail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-mail.h"

#include <fcntl.h>
#include <gio/gunixfdlist.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

/* A plain address the invitations may carry: letters, digits and
 * ". _ + - '" before the @, letters, digits, "." and "-" after it. The
 * other characters RFC 5322 allows (? & = % / # ! …) would let a plan
 * file smuggle "x@y.example?bcc=…&body=…" into a mailto: URI, an
 * ATTENDEE or xdg-email's arguments (docs/security.md). */
gboolean
mp_mail_address_is_valid (const char *address)
{
  const char *at;

  if (address == NULL || *address == '\0' || *address == '-' || strlen (address) > 254)
    return FALSE;
  at = strchr (address, '@');
  if (at == NULL || at == address || at[1] == '\0' || at[1] == '.' || at[1] == '-')
    return FALSE;
  for (const char *p = address; *p; p++)
    {
      guchar c = (guchar) *p;

      if (p == at)
        continue;
      if (!g_ascii_isalnum (c) && strchr (p < at ? "._+-'" : ".-", c) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* ---- encoding ------------------------------------------------------ */

static gboolean
is_printable_ascii (const char *s)
{
  for (const char *p = s; *p; p++)
    if ((guchar) *p < 0x20 || (guchar) *p > 0x7e)
      return FALSE;
  return TRUE;
}

/* The column where @out's last line ends: a look back over that line
 * only (g_strrstr_len() first walks the whole string, which made the
 * encoding of a long header quadratic). */
static gsize
current_column (GString *out)
{
  gsize i = out->len;

  while (i > 0 && out->str[i - 1] != '\n')
    i--;
  return out->len - i;
}

/* RFC 2047 encoded words, B encoding, cut between characters, each line
 * at most 76 octets; words are separated by CRLF SP (ignored between
 * encoded words). */
static void
append_encoded_words (GString    *out,
                      const char *text,
                      gsize       indent)
{
  const char *p = text;

  while (*p)
    {
      const char *end = p;
      g_autofree char *b64 = NULL;
      /* @indent: where @out's first line starts in the header. */
      gsize col = current_column (out) + (memchr (out->str, '\n', out->len) ? 0 : indent);
      /* "=?UTF-8?B?" + "?=" take 12 octets; 4 base64 octets hold 3 bytes. */
      gssize room = col + 12 < 76 ? (gssize) ((76 - col - 12) / 4 * 3) : 0;

      while (*end)
        {
          const char *next = g_utf8_next_char (end);

          if (next - p > room)
            break;
          end = next;
        }
      if (end == p)
        {
          if (col > 1)
            {
              g_string_append (out, "\r\n ");
              continue;
            }
          end = g_utf8_next_char (p);
        }
      b64 = g_base64_encode ((const guchar *) p, end - p);
      g_string_append_printf (out, "=?UTF-8?B?%s?=", b64);
      p = end;
      if (*p)
        g_string_append (out, "\r\n ");
    }
}

/* Text without control characters (header injection). */
static char *
header_clean (const char *text)
{
  char *s = g_utf8_make_valid (text ? text : "", -1);

  for (char *p = s; *p; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  return s;
}

static char *
encode_phrase (const char *text,
               gsize       indent)
{
  g_autofree char *clean = header_clean (text);
  GString *out = g_string_new (NULL);
  gboolean atoms = TRUE;

  /* Text that looks like encoded words ("=?UTF-8?B?…?=") is encoded
   * itself, so that it reads as written: left as it is, a mail program
   * would decode it, and a name could turn into "CEO <ceo@bank.example>". */
  if (!is_printable_ascii (clean) || strlen (clean) > 60 || strstr (clean, "=?") != NULL)
    {
      append_encoded_words (out, clean, indent);
      return g_string_free (out, FALSE);
    }
  for (const char *p = clean; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr (" !#$%&'*+-/=?^_`{|}~", *p) == NULL)
      atoms = FALSE;
  if (atoms && *clean && clean[0] != ' ')
    {
      g_string_free (out, TRUE);
      return g_strdup (clean);
    }
  g_string_append_c (out, '"');
  for (const char *p = clean; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

/* Unstructured header text (Subject): plain when printable ASCII and
 * short, else encoded words. */
static void
append_unstructured (GString    *out,
                     const char *text)
{
  g_autofree char *clean = header_clean (text);

  if (is_printable_ascii (clean) && strlen (clean) <= 66 && strstr (clean, "=?") == NULL)
    g_string_append (out, clean);
  else
    append_encoded_words (out, clean, 0);
}

char *
mp_mail_encode_phrase (const char *text)
{
  return encode_phrase (text, 0);
}

static void
append_mailbox (GString    *out,
                const char *name,
                const char *email)
{
  if (name != NULL && *name)
    {
      g_autofree char *phrase = encode_phrase (name, current_column (out));

      g_string_append (out, phrase);
      /* Fold before the address when the line would grow too long. */
      if (current_column (out) + strlen (email) + 3 > 78)
        g_string_append (out, "\r\n");
      g_string_append_printf (out, " <%s>", email);
    }
  else
    g_string_append (out, email);
}

char *
mp_mail_quoted_printable (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text ? text : "";

  while (TRUE)
    {
      const char *eol = strchr (p, '\n');
      gsize len = eol ? (gsize) (eol - p) : strlen (p);
      guint col = 0;

      if (len > 0 && p[len - 1] == '\r')
        len--;
      for (gsize i = 0; i < len; i++)
        {
          guchar c = (guchar) p[i];
          char piece[4];
          gboolean last = i + 1 == len;

          if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last))
            {
              piece[0] = (char) c;
              piece[1] = '\0';
            }
          else
            g_snprintf (piece, sizeof piece, "=%02X", c);
          /* Soft break: a line holds at most 76 octets, the '=' included. */
          if (col + strlen (piece) > (last ? 76u : 75u))
            {
              g_string_append (out, "=\r\n");
              col = 0;
            }
          g_string_append (out, piece);
          col += strlen (piece);
        }
      if (eol == NULL)
        break;
      g_string_append (out, "\r\n");
      p = eol + 1;
    }
  return g_string_free (out, FALSE);
}

static void
append_base64 (GString    *out,
               const char *data)
{
  g_autofree char *b64 = g_base64_encode ((const guchar *) data, strlen (data));
  gsize len = strlen (b64);

  for (gsize i = 0; i < len; i += 76)
    {
      g_string_append_len (out, b64 + i, MIN (76, len - i));
      g_string_append (out, "\r\n");
    }
}

static char *
rfc5322_date (GDateTime *dt)
{
  static const char *days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  GTimeSpan off = g_date_time_get_utc_offset (dt) / G_TIME_SPAN_MINUTE;

  return g_strdup_printf ("%s, %d %s %d %02d:%02d:%02d %c%02d%02d",
                          days[g_date_time_get_day_of_week (dt) - 1],
                          g_date_time_get_day_of_month (dt),
                          months[g_date_time_get_month (dt) - 1],
                          g_date_time_get_year (dt),
                          g_date_time_get_hour (dt), g_date_time_get_minute (dt),
                          g_date_time_get_second (dt),
                          off < 0 ? '-' : '+', (int) (ABS (off) / 60), (int) (ABS (off) % 60));
}

char *
mp_mail_build_message (const MpMailMessage *msg)
{
  GString *m = g_string_new (NULL);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *text_qp = NULL;
  g_autofree char *mixed = NULL;
  g_autofree char *alt = NULL;
  const char *domain;
  const char *method;
  guint col;

  g_return_val_if_fail (msg != NULL, NULL);
  g_return_val_if_fail (msg->from_email != NULL, NULL);
  g_return_val_if_fail (msg->calendar != NULL, NULL);

  method = msg->method ? msg->method : "REQUEST";
  now = msg->date ? g_date_time_ref (msg->date) : g_date_time_new_now_local ();
  date = rfc5322_date (now);
  domain = strchr (msg->from_email, '@') + 1;
  /* "=_" never occurs in base64 or quoted-printable text. */
  mixed = g_strdup_printf ("=_mp_mixed_%.8s", uuid);
  alt = g_strdup_printf ("=_mp_alt_%.8s", uuid);

  g_string_append (m, "From: ");
  append_mailbox (m, msg->from_name, msg->from_email);
  g_string_append (m, "\r\nTo: ");
  col = 4;
  for (guint i = 0; msg->to_emails && msg->to_emails[i]; i++)
    {
      gsize before = m->len;

      if (i > 0)
        g_string_append (m, ",\r\n ");
      append_mailbox (m, msg->to_names ? msg->to_names[i] : NULL, msg->to_emails[i]);
      col += m->len - before;
    }
  g_string_append (m, "\r\nSubject: ");
  append_unstructured (m, msg->subject);
  g_string_append_printf (m, "\r\nDate: %s\r\n", date);
  g_string_append_printf (m, "Message-ID: <%s@%s>\r\n", uuid, domain);
  g_string_append (m, "X-Unsent: 1\r\n");
  g_string_append (m, "MIME-Version: 1.0\r\n");
  g_string_append_printf (m, "Content-Type: multipart/mixed;\r\n boundary=\"%s\"\r\n", mixed);
  g_string_append (m, "\r\n");
  g_string_append (m, "This is a message in MIME format.\r\n");

  g_string_append_printf (m, "\r\n--%s\r\n", mixed);
  g_string_append_printf (m, "Content-Type: multipart/alternative;\r\n boundary=\"%s\"\r\n", alt);

  g_string_append_printf (m, "\r\n--%s\r\n", alt);
  g_string_append (m, "Content-Type: text/plain; charset=UTF-8\r\n");
  g_string_append (m, "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
  text_qp = mp_mail_quoted_printable (msg->body);
  g_string_append (m, text_qp);
  g_string_append (m, "\r\n");

  g_string_append_printf (m, "\r\n--%s\r\n", alt);
  g_string_append_printf (m, "Content-Type: text/calendar; charset=UTF-8; method=%s\r\n", method);
  g_string_append (m, "Content-Transfer-Encoding: base64\r\n\r\n");
  append_base64 (m, msg->calendar);
  g_string_append_printf (m, "\r\n--%s--\r\n", alt);

  g_string_append_printf (m, "\r\n--%s\r\n", mixed);
  g_string_append_printf (m, "Content-Type: application/ics; name=\"%s\"\r\n",
                          msg->attachment_name ? msg->attachment_name : "invite.ics");
  g_string_append_printf (m, "Content-Disposition: attachment; filename=\"%s\"\r\n",
                          msg->attachment_name ? msg->attachment_name : "invite.ics");
  g_string_append (m, "Content-Transfer-Encoding: base64\r\n\r\n");
  append_base64 (m, msg->calendar);
  g_string_append_printf (m, "\r\n--%s--\r\n", mixed);
  (void) col;
  return g_string_free (m, FALSE);
}

/* ---- the mail program ---------------------------------------------- */

GStrv
mp_mail_xdg_email_argv (const char         *program,
                        const char * const *to,
                        const char         *subject,
                        const char         *body,
                        GFile * const      *attachments,
                        guint               n_attachments)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  g_strv_builder_add (b, program);
  g_strv_builder_add (b, "--utf8");
  if (subject != NULL)
    {
      g_autofree char *s = header_clean (subject);

      g_strv_builder_add (b, "--subject");
      g_strv_builder_add (b, s);
    }
  if (body != NULL)
    {
      g_strv_builder_add (b, "--body");
      g_strv_builder_add (b, body);
    }
  for (guint i = 0; i < n_attachments; i++)
    {
      g_autofree char *path = g_file_get_path (attachments[i]);

      if (path == NULL)
        continue;
      g_strv_builder_add (b, "--attach");
      g_strv_builder_add (b, path);
    }
  for (guint i = 0; to && to[i]; i++)
    if (mp_mail_address_is_valid (to[i]))
      g_strv_builder_add (b, to[i]);
  return g_strv_builder_end (b);
}

typedef struct {
  char               *parent_window;
  GStrv               to;
  char               *subject;
  char               *body;
  GFile              *attachment;
  MpMailComposeFlags  flags;
} ComposeData;

static void
compose_data_free (ComposeData *d)
{
  g_free (d->parent_window);
  g_strfreev (d->to);
  g_free (d->subject);
  g_free (d->body);
  g_clear_object (&d->attachment);
  g_free (d);
}

static void
xdg_email_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error))
    g_task_return_int (task, MP_MAIL_ROUTE_XDG_EMAIL);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    {
      g_debug ("xdg-email failed: %s", error->message);
      g_task_return_int (task, MP_MAIL_ROUTE_SAVED);
    }
}

static void
try_xdg_email (GTask *task)
{
  ComposeData *d = g_task_get_task_data (task);
  g_autofree char *program = NULL;
  g_auto(GStrv) argv = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  if (d->flags & MP_MAIL_COMPOSE_NO_XDG_EMAIL ||
      (program = g_find_program_in_path ("xdg-email")) == NULL)
    {
      g_task_return_int (task, MP_MAIL_ROUTE_SAVED);
      g_object_unref (task);
      return;
    }
  argv = mp_mail_xdg_email_argv (program, (const char * const *) d->to, d->subject, d->body,
                                 d->attachment ? &d->attachment : NULL, d->attachment ? 1 : 0);
  proc = g_subprocess_newv ((const char * const *) argv, G_SUBPROCESS_FLAGS_STDIN_INHERIT, &error);
  if (proc == NULL)
    {
      g_debug ("xdg-email could not start: %s", error->message);
      g_task_return_int (task, MP_MAIL_ROUTE_SAVED);
      g_object_unref (task);
      return;
    }
  g_subprocess_wait_check_async (proc, g_task_get_cancellable (task), xdg_email_done, task);
}

static void
portal_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) ret = NULL;

  ret = g_dbus_connection_call_with_unix_fd_list_finish (G_DBUS_CONNECTION (source), NULL, result, &error);
  if (ret != NULL)
    {
      g_task_return_int (task, MP_MAIL_ROUTE_PORTAL);
      g_object_unref (task);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  g_debug ("Email portal not available: %s", error->message);
  try_xdg_email (task);
}

static void
try_portal (GTask *task)
{
  ComposeData *d = g_task_get_task_data (task);
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GUnixFDList) fds = NULL;
  GVariantBuilder opts;
  g_autoptr(GError) error = NULL;

  if (d->flags & MP_MAIL_COMPOSE_NO_PORTAL ||
      (bus = g_bus_get_sync (G_BUS_TYPE_SESSION, g_task_get_cancellable (task), &error)) == NULL)
    {
      try_xdg_email (task);
      return;
    }

  g_variant_builder_init (&opts, G_VARIANT_TYPE_VARDICT);
  if (d->to != NULL && d->to[0] != NULL)
    {
      /* "address" for version 1 portals, "addresses" since version 3. */
      g_variant_builder_add (&opts, "{sv}", "address", g_variant_new_string (d->to[0]));
      g_variant_builder_add (&opts, "{sv}", "addresses",
                             g_variant_new_strv ((const char * const *) d->to, -1));
    }
  if (d->subject != NULL)
    g_variant_builder_add (&opts, "{sv}", "subject", g_variant_new_string (d->subject));
  if (d->body != NULL)
    g_variant_builder_add (&opts, "{sv}", "body", g_variant_new_string (d->body));
  if (d->attachment != NULL)
    {
      g_autofree char *path = g_file_get_path (d->attachment);
      int fd = path ? g_open (path, O_RDONLY | O_CLOEXEC, 0) : -1;

      if (fd >= 0)
        {
          int handle;

          fds = g_unix_fd_list_new ();
          handle = g_unix_fd_list_append (fds, fd, NULL);
          g_close (fd, NULL);
          if (handle >= 0)
            {
              GVariantBuilder hb;

              g_variant_builder_init (&hb, G_VARIANT_TYPE ("ah"));
              g_variant_builder_add (&hb, "h", handle);
              g_variant_builder_add (&opts, "{sv}", "attachment_fds", g_variant_builder_end (&hb));
            }
        }
    }
  g_dbus_connection_call_with_unix_fd_list (bus,
                                            "org.freedesktop.portal.Desktop",
                                            "/org/freedesktop/portal/desktop",
                                            "org.freedesktop.portal.Email",
                                            "ComposeEmail",
                                            g_variant_new ("(sa{sv})",
                                                           d->parent_window ? d->parent_window : "",
                                                           &opts),
                                            G_VARIANT_TYPE ("(o)"),
                                            G_DBUS_CALL_FLAGS_NONE,
                                            30000,
                                            fds,
                                            g_task_get_cancellable (task),
                                            portal_done,
                                            task);
}

void
mp_mail_compose_async (const char          *parent_window,
                       const char * const  *to,
                       const char          *subject,
                       const char          *body,
                       GFile               *attachment,
                       MpMailComposeFlags   flags,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task;
  ComposeData *d;
  g_autoptr(GStrvBuilder) valid = g_strv_builder_new ();

  g_return_if_fail (attachment == NULL || G_IS_FILE (attachment));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_mail_compose_async);
  d = g_new0 (ComposeData, 1);
  d->parent_window = g_strdup (parent_window);
  for (guint i = 0; to && to[i]; i++)
    if (mp_mail_address_is_valid (to[i]))
      g_strv_builder_add (valid, to[i]);
  d->to = g_strv_builder_end (valid);
  d->subject = subject ? header_clean (subject) : NULL;
  d->body = g_strdup (body);
  d->attachment = attachment ? g_object_ref (attachment) : NULL;
  d->flags = flags;
  g_task_set_task_data (task, d, (GDestroyNotify) compose_data_free);
  try_portal (task);
}

MpMailRoute
mp_mail_compose_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), MP_MAIL_ROUTE_SAVED);

  return (MpMailRoute) g_task_propagate_int (G_TASK (result), error);
}

char *
mp_mail_saved_message (GFile *dir)
{
  g_autofree char *name = g_file_get_parse_name (dir);

  return g_strdup_printf (_("No mail program could be opened. The invitations were saved in “%s”: send each .eml file, or attach the .ics files to a mail yourself."),
                          name);
}
