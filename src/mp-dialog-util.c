/* mp-dialog-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-dialog-util.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#include "mp-format.h"
#include "mp-mail.h"
#include "mp-plan-io.h"

/* The app's style sheet, once per display, as the main window loads it
 * (a dialog may come first, in tests). */
static void
ensure_style (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) css = NULL;

  if (g_object_get_data (G_OBJECT (display), "mp-style") != NULL)
    return;
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/com/example/MutualPlan/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "mp-style", g_steal_pointer (&css), g_object_unref);
}

void
mp_dialog_class_set_template (GtkWidgetClass *widget_class,
                              const char     *resource)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));

  gtk_widget_class_set_template_from_resource (widget_class, resource);
  /* Escape closes, as in GtkDialog; a popover open inside the window
   * takes Escape first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

void
mp_dialog_set_parent (GtkWindow *window,
                      GtkWindow *parent)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  ensure_style (GTK_WIDGET (window));
  if (parent != NULL)
    {
      gtk_window_set_transient_for (window, parent);
      if (gtk_window_get_application (parent) != NULL)
        gtk_window_set_application (window, gtk_window_get_application (parent));
    }
}

void
mp_dialog_init_window (GtkWindow  *window,
                       GtkWindow  *parent,
                       const char *title,
                       int         width,
                       int         height)
{
  GtkEventController *shortcuts;

  g_return_if_fail (GTK_IS_WINDOW (window));

  ensure_style (GTK_WIDGET (window));
  gtk_window_set_title (window, title);
  gtk_window_set_modal (window, TRUE);
  gtk_window_set_destroy_with_parent (window, TRUE);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (window, parent);
      if (gtk_window_get_application (parent) != NULL)
        gtk_window_set_application (window, gtk_window_get_application (parent));
    }
  gtk_window_set_default_size (window, width, height);

  /* Escape closes, as in GtkDialog; a popover open inside the window
   * takes Escape first. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_LOCAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (window), shortcuts);
}

static void
close_clicked (GtkWindow *window)
{
  gtk_window_close (window);
}

GtkWidget *
mp_dialog_add_header (GtkWindow  *window,
                      const char *close_label,
                      GtkWidget  *action)
{
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *close = gtk_button_new_with_mnemonic (close_label);

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  gtk_widget_set_name (close, "close");
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (close_clicked), window);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), close);
  if (action != NULL)
    {
      gtk_widget_add_css_class (action, "suggested-action");
      gtk_header_bar_pack_end (GTK_HEADER_BAR (header), action);
      gtk_window_set_default_widget (window, action);
    }
  gtk_window_set_titlebar (window, header);
  return close;
}

void
mp_dialog_set_content (GtkWindow *window,
                       GtkWidget *content,
                       int        min_width)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (GTK_IS_WIDGET (content));

  gtk_widget_set_size_request (content, min_width, -1);
  gtk_window_set_child (window, content);
}

void
mp_dialog_set_accessible_label (GtkWidget  *widget,
                                const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

GtkWidget *
mp_dialog_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

GtkWidget *
mp_dialog_hint (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

GtkWidget *
mp_dialog_wrap_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

GtkWidget *
mp_dialog_row (int        spacing,
               GtkWidget *first,
               ...)
{
  GtkWidget *grid = gtk_grid_new ();
  va_list args;
  int column = 0;

  gtk_grid_set_column_spacing (GTK_GRID (grid), (guint) spacing);
  va_start (args, first);
  for (GtkWidget *w = first; w != NULL; w = va_arg (args, GtkWidget *))
    gtk_grid_attach (GTK_GRID (grid), w, column++, 0, 1, 1);
  va_end (args);
  return grid;
}

GtkWidget *
mp_dialog_show_message (GtkWindow      *parent,
                        GtkMessageType  type,
                        const char     *primary,
                        const char     *secondary)
{
  GtkWidget *dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              type, GTK_BUTTONS_CLOSE, "%s", primary);

  if (secondary != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

char *
mp_dialog_file_name_for (const char *title,
                         const char *fallback,
                         const char *extension)
{
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = title; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || strchr ("/\\:*?\"<>|", (int) (c < 0x80 ? c : 'a')) != NULL)
        c = '-';
      if (g_unichar_isspace (c))
        {
          space = s->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (s, ' ');
      space = FALSE;
      if (g_utf8_strlen (s->str, -1) >= 80)
        break;
      g_string_append_unichar (s, c);
    }
  /* No hidden files, no names of dots only. */
  while (s->len > 0 && s->str[0] == '.')
    g_string_erase (s, 0, 1);
  if (s->len == 0)
    g_string_assign (s, fallback);
  g_string_append (s, extension);
  return g_string_free (s, FALSE);
}

char *
mp_dialog_get_window_handle (GtkWindow *window)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface;

  if (window == NULL || !gtk_widget_get_realized (GTK_WIDGET (window)))
    return NULL;
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  if (GDK_IS_X11_SURFACE (surface))
    return g_strdup_printf ("x11:%lx", (unsigned long) gdk_x11_surface_get_xid (surface));
#endif
  /* Wayland needs an exported handle (asynchronous); the portal copes
   * without a parent. */
  return NULL;
}

/* ---- choosing a file ---- */

typedef struct {
  GtkWindow        *dialog;  /* a reference */
  MpDialogFileFunc  func;
  gpointer          user_data;
} ChooseData;

static void
choose_response (GtkNativeDialog *chooser,
                 int              response,
                 ChooseData      *d)
{
  if (response == GTK_RESPONSE_ACCEPT && gtk_widget_get_visible (GTK_WIDGET (d->dialog)) &&
      !gtk_widget_in_destruction (GTK_WIDGET (d->dialog)))
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        d->func (d->dialog, file, d->user_data);
    }
  g_object_unref (d->dialog);
  g_free (d);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
mp_dialog_choose_file (GtkWindow           *dialog,
                       GtkFileChooserAction action,
                       const char          *title,
                       const char          *accept_label,
                       const char          *current_name,
                       GFile               *folder,
                       MpDialogFileFunc     func,
                       gpointer             user_data)
{
  GtkFileChooserNative *chooser;
  ChooseData *d;

  g_return_if_fail (GTK_IS_WINDOW (dialog));
  g_return_if_fail (func != NULL);

  chooser = gtk_file_chooser_native_new (title, dialog, action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  if (current_name != NULL && action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), current_name);
  d = g_new0 (ChooseData, 1);
  d->dialog = g_object_ref (dialog);
  d->func = func;
  d->user_data = user_data;
  g_signal_connect (chooser, "response", G_CALLBACK (choose_response), d);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- writing a file ---- */

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  GBytes *bytes = task_data;
  GError *error = NULL;

  if (mp_write_file_atomic (file, bytes, FALSE, NULL, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
mp_dialog_write_file_async (GFile               *file,
                            GBytes              *bytes,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (bytes != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_dialog_write_file_async);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, write_thread);
}

gboolean
mp_dialog_write_file_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- events as people read them ---- */

static char *
time_span (int minutes,
           int duration)
{
  g_autofree char *from = mp_time_format (minutes);
  g_autofree char *to = NULL;

  if (duration <= 0)
    return g_steal_pointer (&from);
  to = mp_time_format ((minutes + duration) % (24 * 60));
  /* Translators: a time span, "14:00–15:30". */
  return g_strdup_printf (C_("time span", "%s–%s"), from, to);
}

char *
mp_dialog_describe_when (MpRecord *event)
{
  g_return_val_if_fail (MP_IS_MILESTONE (event) || MP_IS_MEETING (event), NULL);

  if (MP_IS_MILESTONE (event))
    {
      MpMilestone *m = MP_MILESTONE (event);
      g_autofree char *day = mp_format_date_long (mp_milestone_get_due (m));
      g_autofree char *span = NULL;

      if (mp_milestone_get_due (m) == MP_DATE_NONE)
        return g_strdup (_("No due date"));
      if (mp_milestone_get_time (m) == MP_TIME_NONE)
        /* Translators: "Fri, 22 Jan 2027 · all day". */
        return g_strdup_printf (_("%s · all day"), day);
      span = time_span (mp_milestone_get_time (m), mp_milestone_get_duration_minutes (m));
      /* Translators: a day and a time span, "Wed, 3 Feb 2027 · 14:00–15:30". */
      return g_strdup_printf (C_("day and time", "%s · %s"), day, span);
    }
  else
    {
      MpMeeting *mt = MP_MEETING (event);
      MpDate date = MP_DATE_NONE;
      int minutes = MP_TIME_NONE;
      int weeks = mp_meeting_get_every_weeks (mt);
      g_autofree char *day = NULL;
      g_autofree char *span = NULL;
      g_autofree char *until = NULL;
      g_autofree char *first = NULL;
      g_autofree char *repeat = NULL;

      if (!mp_local_datetime_parse (mp_meeting_get_start (mt), &date, &minutes))
        return g_strdup (_("No start"));
      day = mp_format_date_long (date);
      span = time_span (minutes, mp_meeting_get_duration_minutes (mt));
      first = g_strdup_printf (C_("day and time", "%s · %s"), day, span);
      if (weeks <= 0)
        return g_steal_pointer (&first);
      repeat = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every week", "every %d weeks", weeks), weeks);
      if (mp_meeting_get_until (mt) == MP_DATE_NONE)
        /* Translators: "From Wed, 13 Jan 2027 · 09:30–10:00, every week, no end". */
        return g_strdup_printf (_("From %s, %s, no end"), first, repeat);
      until = mp_format_date (mp_meeting_get_until (mt));
      /* Translators: "From Wed, 13 Jan 2027 · 09:30–10:00, every week until 28 Apr 2027". */
      return g_strdup_printf (_("From %s, %s until %s"), first, repeat, until);
    }
}

static gboolean
is_set (const char *s)
{
  return s != NULL && *s != '\0';
}

GPtrArray *
mp_dialog_event_invitees (MpRecord *event)
{
  GPtrArray *ids = g_ptr_array_new ();
  const char * const *list;

  g_return_val_if_fail (MP_IS_MILESTONE (event) || MP_IS_MEETING (event), ids);

  if (MP_IS_MEETING (event))
    list = mp_meeting_get_attendees (MP_MEETING (event));
  else
    list = mp_milestone_get_invite (MP_MILESTONE (event));
  if (list != NULL && list[0] != NULL)
    {
      for (guint i = 0; list[i]; i++)
        g_ptr_array_add (ids, (gpointer) list[i]);
    }
  else if (MP_IS_MILESTONE (event))
    {
      MpMilestone *m = MP_MILESTONE (event);

      if (is_set (mp_milestone_get_seller_owner (m)))
        g_ptr_array_add (ids, (gpointer) mp_milestone_get_seller_owner (m));
      if (is_set (mp_milestone_get_customer_owner (m)))
        g_ptr_array_add (ids, (gpointer) mp_milestone_get_customer_owner (m));
    }
  return ids;
}

char *
mp_dialog_describe_people (MpPlan    *plan,
                           GPtrArray *ids)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      MpParticipant *p = mp_plan_find_participant (plan, id);

      if (s->len > 0)
        g_string_append (s, _(", "));
      g_string_append (s, mp_format_participant (plan, id));
      if (p == NULL || !mp_mail_address_is_valid (mp_participant_get_email (p)))
        /* Translators: after a name, "Lena Ortiz (no e-mail)". */
        g_string_append (s, _(" (no e-mail)"));
    }
  return g_string_free (s, FALSE);
}
