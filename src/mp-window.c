/* mp-window.c: a window on one plan
 *
 * The window owns the MpDocument and the commands on it (open, save,
 * undo…); the pages are widgets of their own that edit through the
 * document and follow the model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mp-baseline-dialog.h"
#include "mp-calendar-view.h"
#include "mp-display.h"
#include "mp-export-dialog.h"
#include "mp-share-dialog.h"
#include "mp-file-kind.h"
#include "mp-invite-dialog.h"
#include "mp-reply-dialog.h"
#include "mp-merge-dialog.h"
#include "mp-report-dialog.h"
#include "mp-template-dialog.h"
#include "mp-goals-view.h"
#include "mp-milestones-view.h"
#include "mp-people-view.h"
#include "mp-model.h"
#include "mp-overview.h"
#include "mp-page.h"
#include "mp-plan-io.h"
#include "mp-print-operation.h"
#include "mp-shortcuts.h"
#include "mp-window.h"

/* A plan title in the header bar and the window title, at most. */
#define MP_WINDOW_TITLE_MAX_CHARS 200

struct _MpWindow
{
  GtkApplicationWindow  parent_instance;

  MpDocument           *document;
  GCancellable         *cancellable;
  GSettings            *settings;
  gboolean              close_after_save;
  gboolean              saving;           /* a save is being written */
  gboolean              save_again;       /* Save pressed meanwhile */
  guint                 loading;   /* loads running in a worker thread */
  gboolean              sample;    /* the document is the built-in sample */
  GHashTable           *pages_with_document; /* pages shown since the document came */
  MpWindow             *opener;    /* weak: the window a plan was opened from, until it loads */
  guint                 generation; /* counts documents: a load started before a newer one is dropped */
  GFile                *loading_file;
  GCancellable         *load_cancellable; /* of the loads running, for Cancel */
  guint                 loading_timeout;  /* shows the loading page after 0.5 s */
  GtkWidget            *loading_page;     /* made when first needed */
  GtkLabel             *loading_label;
  char                 *before_loading;   /* the main stack's page before it */

  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkStack             *main_stack;
  GtkStack             *pages;
  GtkWidget            *sidebar;
  GtkWidget            *header_bar;
  GtkWindow            *shortcuts_window; /* made when first asked for */
  int                   breakpoint; /* narrower than this: narrow (from the template) */
  int                   sidebar_width;  /* the page list's width from the template, when not narrow */
  gboolean              narrow;
  guint                 narrow_id;
  GtkLabel             *empty_label;
  GMenu                *recent_menu;

  /* The pages are MpPages in the template; only "Show all" needs one by type. */
  MpMilestonesView     *milestones;
};

G_DEFINE_FINAL_TYPE (MpWindow, mp_window, GTK_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_NARROW, PROP_BREAKPOINT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void save_document (MpWindow *self, GFile *file, gboolean force);
static void ask_overwrite (MpWindow *self, const char *message);
static void commit_pending_edits (MpWindow *self);

/* ---- state shown in the header ---- */

static void
update_title (MpWindow *self)
{
  MpPlan *plan = self->document ? mp_document_get_plan (self->document) : NULL;
  gboolean modified = self->document && mp_document_get_modified (self->document);
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  g_autofree char *shown = NULL;

  if (self->document == NULL)
    {
      gtk_label_set_text (self->title_label, _("MutualPlan"));
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
      gtk_window_set_title (GTK_WINDOW (self), _("MutualPlan"));
      return;
    }
  name = self->sample && mp_document_get_file (self->document) == NULL
         ? g_strdup (_("Sample plan"))
         : mp_document_get_display_name (self->document);
  /* The modified mark, as in GNOME Text Editor: a bullet before the name. */
  subtitle = modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  /* Shortened and isolated (mp-display.h): a plan's title is anyone's text. */
  shown = mp_display_text (mp_plan_get_title (plan), MP_WINDOW_TITLE_MAX_CHARS);
  gtk_label_set_text (self->title_label, shown);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), TRUE);
  title = g_strdup_printf ("%s%s – %s", modified ? "• " : "", name, shown);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_actions (MpWindow *self)
{
  gboolean has = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", has && mp_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", has && mp_document_can_redo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-preview", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-calendar", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send-invitations", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-replies", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.status-report", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-baseline", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-baseline", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge-copy", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send-plan", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-html", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-csv", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge-copy", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send-plan", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.revert",
                                 has && mp_document_get_file (self->document) != NULL &&
                                 mp_document_get_modified (self->document));
}

static void
on_document_state (MpWindow *self)
{
  update_title (self);
  update_actions (self);
}

static void
on_plan_title (MpWindow *self)
{
  update_title (self);
}

/* ---- dialogs ---- */

static void
show_error (MpWindow   *self,
            const char *primary,
            const char *secondary)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                              "%s", primary);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the document ---- */

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { 0 };
  static char *groups[] = { (char *) "mutualplan", NULL };

  data.display_name = NULL;
  data.mime_type = (char *) "application/x-mutualplan";
  data.app_name = (char *) "mutualplan";
  data.app_exec = (char *) "mutualplan %u";
  data.groups = groups;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static gboolean
focus_sidebar_idle (gpointer data)
{
  MpWindow *self = data;
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  /* Only if the user has not gone somewhere already. */
  if (focus == NULL || GTK_IS_EDITABLE (focus))
    {
      if (focus != NULL)
        gtk_editable_select_region (GTK_EDITABLE (focus), 0, 0);
      gtk_widget_child_focus (self->sidebar, GTK_DIR_TAB_FORWARD);
    }
  return G_SOURCE_REMOVE;
}

static void
on_page_shown (MpWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->pages);

  if (self->document == NULL || page == NULL || self->pages_with_document == NULL ||
      g_hash_table_contains (self->pages_with_document, page))
    return;
  g_hash_table_add (self->pages_with_document, page);
  mp_page_set_document (MP_PAGE (page), self->document);
}

void
mp_window_set_document (MpWindow   *self,
                        MpDocument *document)
{
  g_return_if_fail (MP_IS_WINDOW (self));

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (mp_document_get_plan (self->document), self);
      /* A document that is let go without saving leaves no recovery copy. */
      mp_document_set_autosave (self->document, 0);
      mp_document_discard_recovery (self->document);
    }
  g_set_object (&self->document, document);
  self->generation++;
  if (document != NULL)
    g_clear_weak_pointer (&self->opener);
  self->sample = FALSE;
  if (document != NULL)
    {
      g_signal_connect_swapped (document, "notify::modified", G_CALLBACK (on_document_state), self);
      g_signal_connect_swapped (document, "notify::can-undo", G_CALLBACK (on_document_state), self);
      g_signal_connect_swapped (document, "notify::can-redo", G_CALLBACK (on_document_state), self);
      g_signal_connect_swapped (document, "notify::file", G_CALLBACK (on_document_state), self);
      g_signal_connect_swapped (mp_document_get_plan (document), "notify::title", G_CALLBACK (on_plan_title), self);
      mp_document_set_autosave (document, 3000);
      if (mp_document_get_file (document) != NULL)
        add_recent (mp_document_get_file (document));
    }

  /* Pages get the document when they are first shown: building a page's
   * rows is most of the cost of opening a plan. */
  if (self->pages_with_document != NULL)
    {
      /* Hidden pages let go of the old document now, not when next shown. */
      GHashTableIter iter;
      gpointer page;

      g_hash_table_iter_init (&iter, self->pages_with_document);
      while (g_hash_table_iter_next (&iter, &page, NULL))
        if (document == NULL || page != gtk_stack_get_visible_child (self->pages))
          mp_page_set_document (MP_PAGE (page), NULL);
      g_hash_table_unref (self->pages_with_document);
    }
  self->pages_with_document = g_hash_table_new (NULL, NULL);
  on_page_shown (self);
  gtk_stack_set_visible_child_name (self->main_stack, document ? "plan" : "empty");
  /* Start on the page list, not inside the first text field (after GTK
   * has placed the initial focus of the newly shown page). */
  if (document != NULL)
    g_idle_add_full (G_PRIORITY_LOW, focus_sidebar_idle, g_object_ref (self), g_object_unref);
  on_document_state (self);
}

MpDocument *
mp_window_get_document (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);
  return self->document;
}

MpPlan *
mp_window_get_plan (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);
  return self->document ? mp_document_get_plan (self->document) : NULL;
}

GFile *
mp_window_get_file (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);
  return self->document ? mp_document_get_file (self->document) : NULL;
}

gboolean
mp_window_is_disposable (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), FALSE);
  /* A window already loading a file is taken. */
  if (self->loading > 0)
    return FALSE;
  return self->document == NULL ||
         (mp_document_get_file (self->document) == NULL && !mp_document_get_modified (self->document));
}

void
mp_window_show_page (MpWindow   *self,
                     const char *name)
{
  g_return_if_fail (MP_IS_WINDOW (self));
  gtk_stack_set_visible_child_name (self->pages, name);
}

/* The page that shows @record (the first, the Overview, for the plan and
 * for what no page claims) comes into view, then selects it: showing a
 * page gives it the document. */
void
mp_window_reveal (MpWindow *self,
                  MpRecord *record)
{
  GtkWidget *page, *found = NULL;

  g_return_if_fail (MP_IS_WINDOW (self));
  g_return_if_fail (record == NULL || MP_IS_RECORD (record));

  for (page = gtk_widget_get_first_child (GTK_WIDGET (self->pages)); page != NULL && record != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (mp_page_shows_record (MP_PAGE (page), record))
      {
        found = page;
        break;
      }
  if (found == NULL)
    found = gtk_widget_get_first_child (GTK_WIDGET (self->pages));
  gtk_stack_set_visible_child (self->pages, found);
  if (record != NULL)
    mp_page_select (MP_PAGE (found), record);
}

/* The Overview's "Show all": the Milestones page, filtered. */
static void
show_milestones (MpWindow *self,
                 int       kind)
{
  mp_window_show_page (self, "milestones");
  mp_milestones_view_show_filter (self->milestones, kind);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  MpDocument *doc = mp_document_load (G_FILE (task_data), cancellable, &error);

  if (doc == NULL)
    {
      /* Not a plan at all (an .ics export, some JSON): say what it is. */
      g_autoptr(GFileInputStream) in = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ? NULL
                                       : g_file_read (G_FILE (task_data), cancellable, NULL);
      char head[1024];
      gsize n = 0;

      if (in != NULL && g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head, &n, cancellable, NULL))
        {
          g_autofree char *name = g_file_get_basename (G_FILE (task_data));

          g_object_set_data_full (G_OBJECT (task), "mp-file-kind",
                                  mp_file_kind_describe (head, n, name), g_free);
        }
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, doc, g_object_unref);
}

static void
cancel_other (GCancellable *cancellable,
              gpointer      other)
{
  g_cancellable_cancel (other);
}

/* The loading page goes; the page that was there comes back. */
static void
hide_loading (MpWindow *self)
{
  g_clear_handle_id (&self->loading_timeout, g_source_remove);
  if (self->before_loading != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "loading") == 0)
    gtk_stack_set_visible_child_name (self->main_stack, self->before_loading);
  g_clear_pointer (&self->before_loading, g_free);
}

/* Cancel: the load is dropped (the worker stops reading; a parse under
 * way finishes unseen), and a window opened for it alone closes. */
static void
cancel_loading (MpWindow *self)
{
  self->generation++;
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  hide_loading (self);
  if (self->document == NULL && self->opener != NULL)
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
pulse (GtkWidget     *bar,
       GdkFrameClock *clock,
       gpointer       data)
{
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  static gint64 last;

  if (now - last > 100000)
    {
      gtk_progress_bar_pulse (GTK_PROGRESS_BAR (bar));
      last = now;
    }
  return G_SOURCE_CONTINUE;
}

/* A load that takes longer than half a second says so, with Cancel. */
static gboolean
show_loading (gpointer data)
{
  MpWindow *self = data;
  g_autofree char *name = self->loading_file ? g_file_get_basename (self->loading_file) : NULL;
  g_autofree char *shown = mp_display_text (name, 80);
  g_autofree char *text = g_strdup_printf (_("Opening “%s”…"), shown ? shown : "");

  self->loading_timeout = 0;
  if (self->loading_page == NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *bar = gtk_progress_bar_new ();
      GtkWidget *label = gtk_label_new (NULL);
      GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
      /* A pulsing bar: loading cannot tell how far it got (and GtkSpinner
       * needs an SVG loader some systems lack). */
      gtk_widget_set_size_request (bar, 240, -1);
      gtk_widget_set_halign (bar, GTK_ALIGN_CENTER);
      gtk_widget_add_tick_callback (bar, pulse, NULL, NULL);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_add_css_class (label, "title-3");
      gtk_widget_add_css_class (cancel, "pill");
      g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_loading), self);
      gtk_box_append (GTK_BOX (box), bar);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), cancel);
      gtk_stack_add_named (self->main_stack, box, "loading");
      self->loading_page = box;
      self->loading_label = GTK_LABEL (label);
    }
  gtk_label_set_text (self->loading_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->loading_page), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_free (self->before_loading);
  self->before_loading = g_strdup (gtk_stack_get_visible_child_name (self->main_stack));
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  return G_SOURCE_REMOVE;
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  MpWindow *self = MP_WINDOW (source);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) doc = g_task_propagate_pointer (G_TASK (result), &error);

  self->loading--;
  if (self->loading == 0)
    {
      g_clear_object (&self->loading_file);
      g_clear_object (&self->load_cancellable);
      hide_loading (self);
    }
  if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "mp-generation")) != self->generation)
    return; /* another plan came meanwhile (recovered work of this file) */
  if (doc == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      const char *kind = g_object_get_data (G_OBJECT (result), "mp-file-kind");
      g_autofree char *primary = kind ? g_strdup (kind) : g_strdup_printf (_("Could not open “%s”"), name);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Opened from another window: the message goes there, and this
       * window, which never showed anything, goes away. */
      if (self->opener != NULL && self->document == NULL && self->loading == 0)
        {
          show_error (self->opener, primary, error->message);
          gtk_window_destroy (GTK_WINDOW (self));
          return;
        }
      if (self->document == NULL)
        gtk_label_set_text (self->empty_label, primary);
      show_error (self, primary, error->message);
      return;
    }
  mp_document_mark_saved (doc);
  mp_window_set_document (self, doc);
}

void
mp_window_load_file (MpWindow *self,
                     GFile    *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->load_cancellable == NULL)
    self->load_cancellable = g_cancellable_new ();
  /* Closing the window cancels it too. */
  g_cancellable_connect (self->cancellable, G_CALLBACK (cancel_other),
                         g_object_ref (self->load_cancellable), g_object_unref);
  task = g_task_new (self, self->load_cancellable, load_done, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (task), "mp-generation", GUINT_TO_POINTER (self->generation));
  g_set_object (&self->loading_file, file);
  self->loading++;
  if (self->loading_timeout == 0 && self->before_loading == NULL)
    self->loading_timeout = g_timeout_add (500, show_loading, self);
  g_task_run_in_thread (task, load_thread);
}

/* The language of the translation in use: its catalog's "Language:"
 * header (no catalog, no header: the program's own English). */
static char *
translation_language (void)
{
  const char *header = g_dgettext (GETTEXT_PACKAGE, "");
  const char *lang = header != NULL ? strstr (header, "Language: ") : NULL;

  if (lang == NULL)
    return NULL;
  lang += strlen ("Language: ");
  return g_strndup (lang, strcspn (lang, "_@.\n"));
}

char *
mp_window_get_sample_resource (void)
{
  g_autofree char *lang = translation_language ();

  if (lang != NULL && *lang != '\0')
    {
      g_autofree char *path = g_strdup_printf ("/com/example/MutualPlan/sample.%s.mplan", lang);

      if (g_resources_get_info (path, 0, NULL, NULL, NULL))
        return g_steal_pointer (&path);
    }
  return g_strdup ("/com/example/MutualPlan/sample.en.mplan");
}

void
mp_window_load_sample (MpWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = NULL;
  g_autoptr(MpDocument) doc = NULL;
  g_autofree char *path = mp_window_get_sample_resource ();
  g_autofree char *name = g_path_get_basename (path);

  bytes = g_resources_lookup_data (path, 0, &error);
  g_assert_no_error (error); /* compiled into the program */
  plan = mp_plan_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), name, &error);
  if (plan == NULL)
    {
      show_error (self, _("Could not open the sample plan"), error->message);
      return;
    }
  doc = mp_document_new (plan, NULL);
  mp_window_set_document (self, doc);
  self->sample = TRUE;
  update_title (self);
}

/* The window for another plan: this one when nothing would be lost,
 * else a new one. */
static MpWindow *
window_for_plan (MpWindow *self)
{
  MpWindow *target;

  if (mp_window_is_disposable (self))
    return self;
  target = mp_window_new (MP_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  g_set_weak_pointer (&target->opener, self);
  gtk_window_present (GTK_WINDOW (target));
  return target;
}

void
mp_window_open_document (MpWindow   *self,
                         MpDocument *document)
{
  MpWindow *target;

  g_return_if_fail (MP_IS_WINDOW (self));
  g_return_if_fail (MP_IS_DOCUMENT (document));

  target = window_for_plan (self);
  mp_window_set_document (target, document);
  mp_window_show_page (target, "milestones");
}

void
mp_window_open_file (MpWindow *self,
                     GFile    *file)
{
  g_return_if_fail (MP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  mp_window_load_file (window_for_plan (self), file);
}

static void
open_file (MpWindow *self,
           GFile    *file)
{
  mp_window_open_file (self, file);
}

gboolean
mp_window_shows_file (MpWindow *self,
                      GFile    *file)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->document != NULL && mp_document_get_file (self->document) != NULL)
    return g_file_equal (mp_document_get_file (self->document), file);
  return self->loading_file != NULL && g_file_equal (self->loading_file, file);
}

/* ---- actions ---- */

static void
open_response (GtkNativeDialog *dialog,
               int              response,
               gpointer         user_data)
{
  MpWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      open_file (self, file);
    }
  g_object_unref (dialog);
}

static void
add_plan_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) plans = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (plans, _("Plans (*.mplan, *.json)"));
  gtk_file_filter_add_pattern (plans, "*.mplan");
  gtk_file_filter_add_pattern (plans, "*.json");
  gtk_file_filter_add_mime_type (plans, "application/x-mutualplan");
  gtk_file_chooser_add_filter (chooser, plans);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Plan"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  add_plan_filters (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  open_file (MP_WINDOW (widget), file);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MpWindow *target = window_for_plan (MP_WINDOW (widget));
  g_autoptr(MpPlan) plan = mp_plan_new ();
  g_autoptr(MpDocument) doc = NULL;

  mp_plan_set_title (plan, _("New plan"));
  mp_plan_set_start (plan, mp_date_today ());
  doc = mp_document_new (plan, NULL);
  mp_window_set_document (target, doc);
  mp_window_show_page (target, "overview");
}

static void save_document (MpWindow *self, GFile *file, gboolean force);

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  MpWindow *self = MP_WINDOW (user_data);
  MpDocument *doc = MP_DOCUMENT (source);
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  if (!mp_document_save_finish (doc, result, &error))
    {
      self->close_after_save = FALSE;
      self->save_again = FALSE;
      if (MP_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))))
        mp_application_cancel_quit (MP_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        {
          ask_overwrite (self, error->message);
          g_object_unref (self);
          return;
        }
      show_error (self, _("The plan was not saved"), error->message);
      g_object_unref (self);
      return;
    }
  add_recent (mp_document_get_file (doc));
  if (self->close_after_save)
    {
      self->close_after_save = FALSE;
      /* Edited while the save was written: those edits are not in the
       * file, so closing asks again instead of losing them. */
      if (mp_document_get_modified (doc))
        gtk_window_close (GTK_WINDOW (self));
      else
        gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (self->save_again && mp_document_get_modified (doc))
    save_document (self, NULL, FALSE);
  self->save_again = FALSE;
  g_object_unref (self);
}

static void
save_document (MpWindow *self,
               GFile    *file,
               gboolean  force)
{
  /* Save again while a save is written: once it is done. Two at once
   * would have the second one compare the file with what was on disk
   * before the first, and say the file changed on disk. */
  if (self->saving && file == NULL && !force)
    {
      self->save_again = TRUE;
      return;
    }
  self->saving = TRUE;
  mp_document_save_async (self->document, file, force, NULL, save_done, g_object_ref (self));
}

static void
overwrite_response (GtkDialog *dialog,
                    int        response,
                    MpWindow  *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    save_document (self, NULL, TRUE);
  else if (response == GTK_RESPONSE_APPLY)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
}

static void
ask_overwrite (MpWindow   *self,
               const char *message)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                              _("The file changed on disk"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("%s Saving now replaces those changes with yours; "
                                              "“Save As…” keeps both."), message);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("Save _As…"), GTK_RESPONSE_APPLY, _("_Replace"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect (dialog, "response", G_CALLBACK (overwrite_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_as_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  MpWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      save_document (self, file, FALSE);
    }
  else
    {
      self->close_after_save = FALSE;
      if (MP_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))))
        mp_application_cancel_quit (MP_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
    }
  g_object_unref (dialog);
}

static void
save_as_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return;
  commit_pending_edits (self);
  chooser = gtk_file_chooser_native_new (_("Save Plan"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  add_plan_filters (GTK_FILE_CHOOSER (chooser));
  if (mp_document_get_file (self->document) != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), mp_document_get_file (self->document), NULL);
  else
    {
      name = g_strdup_printf ("%s.mplan", mp_plan_get_title (mp_document_get_plan (self->document)));
      g_strdelimit (name, "/\\:", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);

  if (self->document == NULL)
    return;
  commit_pending_edits (self);
  if (mp_document_get_file (self->document) == NULL)
    save_as_activated (widget, "win.save-as", NULL);
  else
    save_document (self, NULL, FALSE);
}

static void
revert_response (GtkDialog *dialog,
                 int        response,
                 MpWindow  *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT && self->document && mp_document_get_file (self->document))
    {
      g_autoptr(GFile) file = g_object_ref (mp_document_get_file (self->document));
      mp_window_load_file (self, file);
    }
}

static void
revert_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);
  GtkWidget *dialog;

  if (self->document == NULL || mp_document_get_file (self->document) == NULL)
    return;
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Revert to the saved version?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("The changes since the last save will be lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Revert"), GTK_RESPONSE_ACCEPT, NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (revert_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Text being typed is committed before an undo, a save or a close. An
 * entry commits when it loses the focus; a GtkEditableLabel (the cells of
 * every list) only 100 ms later, from a timeout, when the save would
 * already have taken its snapshot and a close would not have asked: it is
 * told to stop editing and commit now. */
static void
commit_pending_edits (MpWindow *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));
  GtkWidget *label;

  if (focus == NULL)
    return;
  label = GTK_IS_EDITABLE_LABEL (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_EDITABLE_LABEL);
  if (label != NULL && gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (label)))
    gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (label), TRUE);
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

static void
undo_redo_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);

  commit_pending_edits (self);
  if (self->document == NULL)
    return;
  if (g_str_equal (action_name, "win.undo"))
    mp_document_undo (self->document);
  else
    mp_document_redo (self->document);
}

/* The dialogs on the document: each is modal and edits through it. */
static void
dialog_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);

  if (self->document == NULL)
    return;
  commit_pending_edits (self);
  if (g_str_equal (action_name, "win.export-calendar"))
    mp_export_dialog_present (GTK_WINDOW (self), self->document);
  else if (g_str_equal (action_name, "win.send-invitations"))
    mp_invite_dialog_present (GTK_WINDOW (self), self->document);
  else if (g_str_equal (action_name, "win.import-replies"))
    mp_reply_dialog_present (GTK_WINDOW (self), self->document, NULL, 0);
  else if (g_str_equal (action_name, "win.status-report"))
    mp_report_dialog_present (GTK_WINDOW (self), self->document);
  else if (g_str_equal (action_name, "win.save-baseline"))
    mp_baseline_save_dialog_present (GTK_WINDOW (self), self->document);
  else if (g_str_equal (action_name, "win.compare-baseline"))
    mp_baseline_compare_dialog_present (GTK_WINDOW (self), self->document);
  else if (g_str_equal (action_name, "win.merge-copy"))
    mp_merge_dialog_present (GTK_WINDOW (self), self->document);
  else if (g_str_equal (action_name, "win.save-copy"))
    mp_merge_dialog_save_copy (GTK_WINDOW (self), self->document);
  else if (g_str_equal (action_name, "win.send-plan"))
    mp_merge_dialog_send_plan (GTK_WINDOW (self), self->document);
  else if (g_str_equal (action_name, "win.export-html"))
    mp_share_export_html (GTK_WINDOW (self), self->document);
  else if (g_str_equal (action_name, "win.export-csv"))
    mp_share_export_csv (GTK_WINDOW (self), self->document);
  else if (g_str_equal (action_name, "win.import-csv"))
    mp_share_import_csv (GTK_WINDOW (self), self->document);
}

static void focus_page (MpWindow *self);

/* Keeps the focus in the page for its first 30 frames: a page just
 * filled has no rows before its first layout, the main menu gives the
 * focus back to its button when it closes, and the sidebar takes it a
 * few frames later when it follows the page. */
static gboolean
focus_page_tick (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  MpWindow *self = MP_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->pages);
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));
  int *frames = data;

  if (page != NULL && (focus == NULL || !gtk_widget_is_ancestor (focus, page)))
    focus_page (self);
  return ++*frames >= 30 ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static void
template_created (MpPlan   *plan,
                  gpointer  user_data)
{
  MpWindow *target = window_for_plan (MP_WINDOW (user_data));
  g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);

  mp_window_set_document (target, doc);
  mp_window_show_page (target, "milestones");
  /* On with the keyboard where the work is: the list of milestones (the
   * focus was left on the main menu's button). Once the dialog has gone
   * and the page is shown. */
  gtk_widget_add_tick_callback (GTK_WIDGET (target), focus_page_tick, g_new0 (int, 1), g_free);
}

static void
new_from_template_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  mp_template_dialog_present (GTK_WINDOW (widget), template_created, widget);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);

  if (self->document == NULL)
    return;
  commit_pending_edits (self);
  mp_print_operation_run (GTK_WINDOW (self), self->document,
                          g_str_equal (action_name, "win.print-preview") ? GTK_PRINT_OPERATION_ACTION_PREVIEW
                                                                         : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
}

/* ---- narrow windows ---- */

/* Below the breakpoint the window is narrow: pages give toolbar labels'
 * room to their content and put the details where the timeline was.
 * Decided after the allocation, so that what changes is laid out in the
 * next frame rather than during this one. */
static gboolean
update_narrow_idle (gpointer data)
{
  MpWindow *self = data;
  gboolean narrow = gtk_widget_get_width (GTK_WIDGET (self)) < self->breakpoint;

  self->narrow_id = 0;
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (narrow)
        gtk_widget_add_css_class (GTK_WIDGET (self), "narrow");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), "narrow");
      /* The page list gives the page some room: as wide as its words. */
      gtk_widget_set_size_request (self->sidebar, narrow ? -1 : self->sidebar_width, -1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
    }
  return G_SOURCE_REMOVE;
}

static void
mp_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  MpWindow *self = MP_WINDOW (widget);

  GTK_WIDGET_CLASS (mp_window_parent_class)->size_allocate (widget, width, height, baseline);
  if ((width < self->breakpoint) != self->narrow && self->narrow_id == 0)
    self->narrow_id = g_idle_add (update_narrow_idle, self);
}

gboolean
mp_window_get_narrow (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), FALSE);
  return self->narrow;
}

static void
mp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MpWindow *self = MP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;
    case PROP_BREAKPOINT:
      g_value_set_int (value, self->breakpoint);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MpWindow *self = MP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BREAKPOINT:
      if (self->breakpoint != g_value_get_int (value))
        {
          self->breakpoint = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
          gtk_widget_queue_allocate (GTK_WIDGET (self));
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* ---- keyboard: pages and panes ---- */

/* The parts of the visible page that F6 walks (list, timeline, details):
 * mapped widgets with the style class "mp-pane", in tree order. */
static void
collect_panes (GtkWidget *widget,
               GPtrArray *panes)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (gtk_widget_has_css_class (widget, "mp-pane"))
    {
      g_ptr_array_add (panes, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_panes (child, panes);
}

static gboolean
focus_into (GtkWidget *widget)
{
  return gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD) || gtk_widget_grab_focus (widget);
}

/* Focus into the page in view: its first pane, else its first control. */
static void
focus_page (MpWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->pages);
  g_autoptr(GPtrArray) panes = g_ptr_array_new ();

  if (page == NULL)
    return;
  collect_panes (page, panes);
  if (panes->len > 0 && focus_into (g_ptr_array_index (panes, 0)))
    return;
  focus_into (page);
}

static void
page_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);

  if (gtk_stack_get_child_by_name (self->pages, g_variant_get_string (param, NULL)) == NULL)
    return;
  mp_window_show_page (self, g_variant_get_string (param, NULL));
  focus_page (self);
}

static void
pane_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->pages);
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));
  gboolean forward = g_str_equal (action_name, "win.next-pane");
  g_autoptr(GPtrArray) panes = g_ptr_array_new ();
  int current = -1;

  if (page == NULL)
    return;
  collect_panes (page, panes);
  if (panes->len == 0)
    {
      focus_into (page);
      return;
    }
  for (guint i = 0; i < panes->len; i++)
    if (focus != NULL && (focus == panes->pdata[i] || gtk_widget_is_ancestor (focus, panes->pdata[i])))
      current = (int) i;
  for (guint step = 1; step <= panes->len; step++)
    {
      int next;

      if (current < 0)
        next = forward ? (int) step - 1 : (int) (panes->len - step);
      else
        next = (int) ((current + (forward ? (int) step : -(int) step) + 2 * (int) panes->len) % panes->len);
      if (next == current || focus_into (panes->pdata[next]))
        return;
    }
}

/* The page list is one stop of Tab: the arrows move within it, Tab goes
 * into the page and Shift+Tab back to the header bar. */
static gboolean
on_sidebar_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                MpWindow              *self)
{
  state &= gtk_accelerator_get_default_mod_mask ();
  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && state == 0)
    {
      focus_page (self);
      return TRUE;
    }
  if (keyval == GDK_KEY_ISO_Left_Tab || ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && state == GDK_SHIFT_MASK))
    return gtk_widget_child_focus (self->header_bar, GTK_DIR_TAB_BACKWARD);
  return FALSE;
}

static void
shortcuts_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      self->shortcuts_window = GTK_WINDOW (mp_shortcuts_window_new ());
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
    }
  gtk_window_present (self->shortcuts_window);
}

GtkWindow *
mp_window_get_shortcuts_window (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);
  return self->shortcuts_window;
}

/* ---- closing ---- */

static void
close_response (GtkDialog *dialog,
                int        response,
                MpWindow  *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  switch (response)
    {
    case GTK_RESPONSE_ACCEPT: /* Save */
      self->close_after_save = TRUE;
      if (mp_document_get_file (self->document) == NULL)
        save_as_activated (GTK_WIDGET (self), "win.save-as", NULL);
      else
        save_document (self, NULL, FALSE);
      break;
    case GTK_RESPONSE_REJECT: /* Discard */
      mp_document_set_autosave (self->document, 0);
      mp_document_discard_recovery (self->document);
      mp_document_mark_saved (self->document); /* nothing left to ask about */
      gtk_window_destroy (GTK_WINDOW (self));
      break;
    default:
      if (MP_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))))
        mp_application_cancel_quit (MP_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      break;
    }
}

static gboolean
mp_window_close_request (GtkWindow *window)
{
  MpWindow *self = MP_WINDOW (window);
  GtkWidget *dialog;
  g_autofree char *name = NULL;

  commit_pending_edits (self);
  if (self->settings != NULL)
    {
      int w, h;

      gtk_window_get_default_size (window, &w, &h);
      g_settings_set_int (self->settings, "window-width", w);
      g_settings_set_int (self->settings, "window-height", h);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }
  if (self->document == NULL || !mp_document_get_modified (self->document))
    {
      if (self->document)
        mp_document_discard_recovery (self->document);
      return GTK_WINDOW_CLASS (mp_window_parent_class)->close_request (window);
    }

  name = self->sample && mp_document_get_file (self->document) == NULL
         ? g_strdup (_("Sample plan"))
         : mp_document_get_display_name (self->document);
  dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Save the changes to “%s” before closing?"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("If you do not save, the changes will be lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Discard"), GTK_RESPONSE_REJECT, _("_Save"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_signal_connect (dialog, "response", G_CALLBACK (close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE; /* stays open until answered */
}

/* ---- recent files, drops ---- */

static void
rebuild_recent_menu (MpWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l && n < 10; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GMenuItem) item = NULL;

      /* Plans only: the file chooser also records what was exported
       * (calendars, reports) under this program's name. */
      if (!gtk_recent_info_has_group (info, "mutualplan") || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         MpWindow      *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GPtrArray) replies = g_ptr_array_new ();

  /* Calendar replies (.ics, .eml) go into the open plan; plans open. */
  for (GSList *l = files; l; l = l->next)
    if (self->document != NULL && mp_reply_dialog_is_reply_file (G_FILE (l->data)))
      g_ptr_array_add (replies, l->data);
    else
      open_file (self, G_FILE (l->data));
  if (replies->len > 0)
    mp_reply_dialog_present (GTK_WINDOW (self), self->document, (GFile * const *) replies->pdata, replies->len);
  return files != NULL;
}

/* ---- GObject ---- */

static void
mp_window_dispose (GObject *object)
{
  MpWindow *self = MP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (mp_document_get_plan (self->document), self);
      mp_document_set_autosave (self->document, 0);
    }
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  g_clear_handle_id (&self->narrow_id, g_source_remove);
  if (self->shortcuts_window != NULL)
    {
      gtk_window_destroy (self->shortcuts_window);
      g_clear_object (&self->shortcuts_window);
    }
  G_OBJECT_CLASS (mp_window_parent_class)->dispose (object);
}

static void
mp_window_finalize (GObject *object)
{
  MpWindow *self = MP_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pages_with_document, g_hash_table_unref);
  g_clear_object (&self->loading_file);
  g_clear_weak_pointer (&self->opener);
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->loading_timeout, g_source_remove);
  g_clear_pointer (&self->before_loading, g_free);
  G_OBJECT_CLASS (mp_window_parent_class)->finalize (object);
}

static void
mp_window_class_init (MpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mp_window_dispose;
  object_class->finalize = mp_window_finalize;
  object_class->get_property = mp_window_get_property;
  object_class->set_property = mp_window_set_property;
  widget_class->size_allocate = mp_window_size_allocate;

  /* Narrower than the breakpoint (set in the template), the window is
   * narrow: see update_narrow_idle(). */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BREAKPOINT] =
    g_param_spec_int ("breakpoint", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  window_class->close_request = mp_window_close_request;

  g_type_ensure (MP_TYPE_OVERVIEW);
  g_type_ensure (MP_TYPE_MILESTONES_VIEW);
  g_type_ensure (MP_TYPE_GOALS_VIEW);
  g_type_ensure (MP_TYPE_PEOPLE_VIEW);
  g_type_ensure (MP_TYPE_CALENDAR_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/MutualPlan/mp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MpWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, empty_label);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, milestones);
  gtk_widget_class_bind_template_callback (widget_class, mp_window_reveal);
  gtk_widget_class_bind_template_callback (widget_class, show_milestones);
  gtk_widget_class_bind_template_callback (widget_class, on_page_shown);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_activated);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_activated);
  gtk_widget_class_install_action (widget_class, "win.revert", NULL, revert_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_redo_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_redo_activated);
  gtk_widget_class_install_action (widget_class, "win.page", "s", page_activated);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "win.new-from-template", NULL, new_from_template_activated);
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL, dialog_activated);
  gtk_widget_class_install_action (widget_class, "win.send-invitations", NULL, dialog_activated);
  gtk_widget_class_install_action (widget_class, "win.import-replies", NULL, dialog_activated);
  gtk_widget_class_install_action (widget_class, "win.status-report", NULL, dialog_activated);
  gtk_widget_class_install_action (widget_class, "win.save-baseline", NULL, dialog_activated);
  gtk_widget_class_install_action (widget_class, "win.compare-baseline", NULL, dialog_activated);
  gtk_widget_class_install_action (widget_class, "win.merge-copy", NULL, dialog_activated);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, dialog_activated);
  gtk_widget_class_install_action (widget_class, "win.send-plan", NULL, dialog_activated);
  gtk_widget_class_install_action (widget_class, "win.export-html", NULL, dialog_activated);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, dialog_activated);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, dialog_activated);
  gtk_widget_class_install_action (widget_class, "win.print-preview", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "win.next-pane", NULL, pane_activated);
  gtk_widget_class_install_action (widget_class, "win.previous-pane", NULL, pane_activated);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, shortcuts_activated);
}

/* The app's style sheet, once per display (windows in tests have no
 * application). */
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

static void
mp_window_init (MpWindow *self)
{
  GtkDropTarget *drop;
  GtkEventController *controller;
  GSettingsSchema *schema;

  /* The style sheet first: pages measure their columns in their init. */
  ensure_style (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_get_size_request (self->sidebar, &self->sidebar_width, NULL);
  /* Narrower than this, the pages use their narrow layout (a property:
   * gtk4-builder-tool cannot validate it in the template). */
  self->breakpoint = 1000;
  self->cancellable = g_cancellable_new ();


  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_sidebar_key), self);
  gtk_widget_add_controller (self->sidebar, controller);

  /* Dropping plan files on the window opens them. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  rebuild_recent_menu (self);
  g_signal_connect_swapped (gtk_recent_manager_get_default (), "changed", G_CALLBACK (rebuild_recent_menu), self);

  /* The schema may be missing (uninstalled build): then nothing is remembered. */
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      g_settings_schema_unref (schema);
    }
  mp_window_set_document (self, NULL);
}

MpWindow *
mp_window_new (MpApplication *app)
{
  return g_object_new (MP_TYPE_WINDOW, "application", app, NULL);
}
