/* mp-application.c: the command line and the windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-application.h"
#include "mp-cli.h"
#include "mp-window.h"

struct _MpApplication
{
  GtkApplication   parent_instance;
  GPtrArray       *pending_files; /* files named on our own command line */
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

static void
mp_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      MpWindow *window = mp_window_new (MP_APPLICATION (app));

      gtk_window_present (GTK_WINDOW (window));
      mp_window_load_file (window, files[i]);
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
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
mp_application_startup (GApplication *app)
{
  static const GActionEntry actions[] = {
    { "quit", quit_activated },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (mp_application_parent_class)->startup (app);

  gtk_css_provider_load_from_resource (css, "/com/example/MutualPlan/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
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
