/* mp-application.c: the command line and the windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-application.h"
#include "mp-label-guard.h"
#include "mp-cli.h"
#include "mp-document.h"
#include "mp-shortcuts.h"
#include "mp-a11y.h"
#include "mp-style.h"
#include "mp-window.h"

#include <glib/gstdio.h>

struct _MpApplication
{
  GtkApplication   parent_instance;
  GPtrArray       *pending_files; /* files named on our own command line */
  gboolean         recovery_offered;
  gboolean         quitting;
};

G_DEFINE_FINAL_TYPE (MpApplication, mp_application, GTK_TYPE_APPLICATION)

MpApplication *
mp_application_new (void)
{
  return g_object_new (MP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

/* Runs before GTK is initialised: the headless commands never touch the
 * display. */
static int
mp_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  MpApplication *self = MP_APPLICATION (app);
  g_autofree const char **files = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  status = mp_cli_run (options, files);
  if (status >= 0)
    return status;

  if (files == NULL || files[0] == NULL)
    return -1;

  /* Files to open: hand them to the running instance, or keep them for
   * our own activate. (Our G_OPTION_REMAINING entry takes them away from
   * GApplication's own handling.) */
  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return MP_EXIT_FAILED;
    }
  for (guint i = 0; files[i]; i++)
    g_ptr_array_add (self->pending_files, g_file_new_for_commandline_arg (files[i]));
  if (g_application_get_is_remote (app))
    {
      g_application_open (app, (GFile **) self->pending_files->pdata, self->pending_files->len, "");
      g_ptr_array_set_size (self->pending_files, 0);
      return MP_EXIT_OK;
    }
  return -1;
}

/* Where recovered work goes: the window that shows (or is loading) its
 * file, never a second window on the same file; else the first window
 * when it holds nothing that could be lost; else a new one. NULL when
 * the file is open with unsaved changes of its own: then the recovered
 * copy stays for a later start, and the user is told. */
MpWindow *
mp_application_window_for_recovery (MpApplication *self,
                                    MpWindow      *first,
                                    MpDocument    *doc)
{
  GFile *file = mp_document_get_file (doc);
  MpWindow *window;

  if (file != NULL)
    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
      {
        MpDocument *open;

        if (!MP_IS_WINDOW (l->data) || !mp_window_shows_file (MP_WINDOW (l->data), file))
          continue;
        open = mp_window_get_document (MP_WINDOW (l->data));
        if (open != NULL && mp_document_get_modified (open))
          {
            g_autofree char *name = g_file_get_basename (file);
            GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (l->data),
                                                        GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                                        GTK_MESSAGE_INFO, GTK_BUTTONS_CLOSE,
                                                        _("“%s” is open with changes of its own"), name);

            gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                                      _("Its recovered changes are kept: save or close the plan, and "
                                                        "MutualPlan offers them again at its next start."));
            g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
            gtk_window_present (GTK_WINDOW (dialog));
            return NULL;
          }
        return MP_WINDOW (l->data);
      }
  if (mp_window_is_disposable (first))
    return first;
  window = mp_window_new (self);
  return window;
}

static void
recovery_response (GtkDialog     *dialog,
                   int            response,
                   MpApplication *self)
{
  GPtrArray *list = g_object_get_data (G_OBJECT (dialog), "recoveries");
  MpWindow *first = MP_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  for (guint i = 0; i < list->len; i++)
    {
      MpRecovery *r = g_ptr_array_index (list, i);

      if (response == GTK_RESPONSE_ACCEPT)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(MpDocument) doc = mp_document_recover (r, &error);
          MpWindow *window = first;

          if (doc == NULL)
            {
              g_warning ("Could not recover %s: %s", r->path, error->message);
              continue;
            }
          window = mp_application_window_for_recovery (self, first, doc);
          if (window == NULL)
            continue; /* kept: the file is open with changes of its own */
          mp_window_set_document (window, doc);
          gtk_window_present (GTK_WINDOW (window));
        }
      else
        {
          g_autofree char *info = g_strconcat (r->path, ".info", NULL);
          g_unlink (r->path);
          g_unlink (info);
        }
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Work a crashed session did not save: offer it back. */
static gboolean
offer_recovery (MpApplication *self,
                MpWindow      *window)
{
  g_autoptr(GPtrArray) list = mp_document_list_recoveries ();
  GtkWidget *dialog;
  GString *names;

  if (list->len == 0)
    return FALSE;
  names = g_string_new (NULL);
  for (guint i = 0; i < list->len; i++)
    {
      MpRecovery *r = g_ptr_array_index (list, i);
      g_autofree char *where = NULL;

      if (r->file_uri != NULL)
        {
          g_autoptr(GFile) f = g_file_new_for_uri (r->file_uri);
          where = g_file_get_parse_name (f);
        }
      g_string_append_printf (names, "• %s (%s)\n", r->title && *r->title ? r->title : _("Untitled plan"),
                              where ? where : _("never saved"));
    }
  dialog = gtk_message_dialog_new (GTK_WINDOW (window), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   g_dngettext (GETTEXT_PACKAGE, "Recover the unsaved changes?",
                                                "Recover the unsaved changes?", list->len));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("MutualPlan ended before these plans were saved:\n%s"
                                              "Recovered plans open with the changes; save them to keep them."),
                                            names->str);
  g_string_free (names, TRUE);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Discard"), GTK_RESPONSE_REJECT,
                          _("_Recover"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_object_set_data_full (G_OBJECT (dialog), "recoveries", g_ptr_array_ref (list), (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (recovery_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void offer_recovery_once (MpApplication *self, MpWindow *window);

static void
mp_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      MpWindow *window = NULL;
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));

      /* From the active window: an empty or untouched sample window is
       * reused, and a file that is not a plan is reported there. */
      if (MP_IS_WINDOW (active))
        {
          mp_window_open_file (MP_WINDOW (active), files[i]);
          window = MP_WINDOW (active);
        }
      else
        {
          window = mp_window_new (MP_APPLICATION (app));
          gtk_window_present (GTK_WINDOW (window));
          mp_window_load_file (window, files[i]);
        }
      offer_recovery_once (MP_APPLICATION (app), window);
    }
}

static void
mp_application_activate (GApplication *app)
{
  MpApplication *self = MP_APPLICATION (app);
  MpWindow *window;

  if (self->pending_files->len > 0)
    {
      g_autoptr(GPtrArray) files = g_steal_pointer (&self->pending_files);

      self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);
      mp_application_open (app, (GFile **) files->pdata, files->len, "");
      return;
    }

  window = mp_window_new (self);
  mp_window_load_sample (window);
  gtk_window_present (GTK_WINDOW (window));
  offer_recovery_once (self, window);
}

/* At the first window of this process, whatever opened it. */
static void
offer_recovery_once (MpApplication *self,
                     MpWindow      *window)
{
  if (!self->recovery_offered)
    {
      self->recovery_offered = TRUE;
      offer_recovery (self, window);
    }
}

/* Quitting closes the windows one by one; each asks about unsaved
 * changes, and Cancel in any of them stops the quit. */
static void quit_next (MpApplication *self);

static void
on_window_removed (GtkApplication *app,
                   GtkWindow      *window,
                   MpApplication  *self)
{
  if (self->quitting)
    quit_next (self);
}

static void
quit_next (MpApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (GList *l = windows; l; l = l->next)
    if (MP_IS_WINDOW (l->data))
      {
        MpDocument *doc = mp_window_get_document (MP_WINDOW (l->data));

        if (doc != NULL && mp_document_get_modified (doc))
          {
            gtk_window_present (GTK_WINDOW (l->data));
            gtk_window_close (GTK_WINDOW (l->data));
            return; /* continues from on_window_removed, or stops on Cancel */
          }
      }
  self->quitting = FALSE;
  /* Not g_application_quit(): it ignores the holds, and a recovery copy
   * being written holds the application until it is written (or, when
   * discarded meanwhile, removed). Without windows the application ends
   * when the last hold goes. */
  windows = g_list_copy (windows);
  g_list_foreach (windows, (GFunc) (void (*) (void)) g_object_ref, NULL);
  for (GList *l = windows; l; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  MpApplication *self = MP_APPLICATION (user_data);

  self->quitting = TRUE;
  quit_next (self);
}

void
mp_application_cancel_quit (MpApplication *self)
{
  g_return_if_fail (MP_IS_APPLICATION (self));
  self->quitting = FALSE;
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *authors[] = { "The MutualPlan team", NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (app),
                         "program-name", "MutualPlan",
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Plan a sale together with your customer: goals, milestones with an owner on each side, dates and a communication cadence."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://example.com/mutualplan",
                         "copyright", "© 2026 The MutualPlan team",
                         "authors", authors,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
mp_application_startup (GApplication *app)
{
  static const GActionEntry actions[] = {
    { "quit", quit_activated },
    { "about", about_activated },
  };

  G_APPLICATION_CLASS (mp_application_parent_class)->startup (app);
  /* GTK 4.8 without libadwaita does not follow the desktop's dark and
   * high-contrast settings by itself. */
  mp_style_follow_desktop ();
  /* GTK 4.8 names its own parts (a drop-down's button, rows, cells,
   * scroll bars) by their type: give them words. */
  mp_a11y_init ();
  /* Text from a plan file never sizes a window past what X accepts. */
  mp_label_guard_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  mp_shortcuts_set_app_accels (GTK_APPLICATION (app));
  g_signal_connect (app, "window-removed", G_CALLBACK (on_window_removed), app);
}

static void
mp_application_finalize (GObject *object)
{
  MpApplication *self = MP_APPLICATION (object);

  g_clear_pointer (&self->pending_files, g_ptr_array_unref);
  G_OBJECT_CLASS (mp_application_parent_class)->finalize (object);
}

static void
mp_application_class_init (MpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = mp_application_finalize;
  app_class->handle_local_options = mp_application_handle_local_options;
  app_class->startup = mp_application_startup;
  app_class->activate = mp_application_activate;
  app_class->open = mp_application_open;
}

static void
mp_application_init (MpApplication *self)
{
  self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);
  g_application_add_main_option_entries (G_APPLICATION (self), mp_cli_get_option_entries ());
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Mutual Action Plans: plan a sale together with the customer."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("Without options, opens each FILE in a window (the sample plan when none is given)."));
}
