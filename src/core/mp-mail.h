/* mp-mail.h: ready-to-send invitation mails and the user's mail program
 *
 * mp_mail_build_message() writes an RFC 5322 / MIME message (.eml):
 *   multipart/mixed
 *     multipart/alternative
 *       text/plain; charset=UTF-8            (quoted-printable)
 *       text/calendar; charset=UTF-8; method=REQUEST|CANCEL  (base64)
 *     application/ics attachment NAME.ics    (base64)
 * with CRLF line ends, RFC 2047 encoded words for non-ASCII header text
 * and `X-Unsent: 1` (Outlook opens the file as a draft to send).
 *
 * mp_mail_compose_async() opens the user's mail program with a message:
 * the freedesktop Email portal (org.freedesktop.portal.Email.ComposeEmail
 * over D-Bus, the attachment as a file descriptor) when it answers, else
 * `xdg-email` spawned with an argument vector (never a shell), else it
 * reports MP_MAIL_ROUTE_SAVED so that the caller can say where the files
 * are (mp_mail_saved_message()). GIO only, no GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* An address we are willing to put into a header, a mailto: URI and an
 * argv: one '@', letters, digits and ". _ + - '" before it, letters,
 * digits, '.' and '-' after it, no leading '-' (so no ? & = % that a
 * mailto: URI would read as more headers). */
gboolean mp_mail_address_is_valid (const char *address);

typedef struct {
  const char         *from_name;    /* may be NULL */
  const char         *from_email;
  const char * const *to_names;     /* parallel to to_emails; entries may be NULL */
  const char * const *to_emails;
  const char         *subject;
  const char         *body;         /* plain text, '\n' line ends */
  const char         *calendar;     /* the .ics text */
  const char         *method;       /* "REQUEST" or "CANCEL" */
  const char         *attachment_name; /* "m-demo.ics": ASCII */
  GDateTime          *date;         /* NULL = now */
} MpMailMessage;

/* The whole message, CRLF line ends, every line at most 78 octets except
 * where a header holds an unbreakable word. */
char *mp_mail_build_message      (const MpMailMessage *message);

/* Header pieces, exposed for tests. A display name as a phrase: an atom
 * sequence, a quoted-string, or RFC 2047 encoded words (UTF-8, base64,
 * each word at most 75 octets, never splitting a character). */
char *mp_mail_encode_phrase      (const char *text);
/* Quoted-printable with CRLF line ends and soft breaks at 76 octets. */
char *mp_mail_quoted_printable   (const char *text);

typedef enum {
  MP_MAIL_ROUTE_PORTAL,    /* the Email portal took the message */
  MP_MAIL_ROUTE_XDG_EMAIL, /* xdg-email ran and exited with 0 */
  MP_MAIL_ROUTE_SAVED,     /* no mail program: the files are only saved */
} MpMailRoute;

typedef enum {
  MP_MAIL_COMPOSE_DEFAULT      = 0,
  MP_MAIL_COMPOSE_NO_PORTAL    = 1 << 0, /* skip the portal (tests) */
  MP_MAIL_COMPOSE_NO_XDG_EMAIL = 1 << 1, /* skip xdg-email */
} MpMailComposeFlags;

/* The argument vector for xdg-email (argv[0] is @program):
 * --utf8 --subject S --body B --attach FILE… ADDRESS… */
GStrv       mp_mail_xdg_email_argv   (const char          *program,
                                      const char * const  *to,
                                      const char          *subject,
                                      const char          *body,
                                      GFile * const       *attachments,
                                      guint                n_attachments);

/* Opens a composer addressed to @to (valid addresses) with @subject,
 * @body and @attachment (an existing local file, e.g. the .ics).
 * @parent_window is the portal's window identifier ("x11:…",
 * "wayland:…") or NULL. */
void        mp_mail_compose_async    (const char          *parent_window,
                                      const char * const  *to,
                                      const char          *subject,
                                      const char          *body,
                                      GFile               *attachment,
                                      MpMailComposeFlags   flags,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
/* The route taken. MP_MAIL_ROUTE_SAVED is not an error; an error is
 * returned only when cancelled or on bad arguments. */
MpMailRoute mp_mail_compose_finish   (GAsyncResult        *result,
                                      GError             **error);

/* "No mail program could be opened. The invitations were saved in
 * “DIR”: …" in the UI language, for the SAVED route. */
char       *mp_mail_saved_message    (GFile               *dir);

G_END_DECLS
