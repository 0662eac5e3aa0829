/* mp-screenshots.c: every page and dialog of the window as PNGs, to look at
 *
 *   mp-screenshots DIR [FIXTURE]
 *
 * Opens FIXTURE (tests/data/valid/acme-rollout.mplan by default) in the
 * real window at 1280×800 and at 720×600 (narrowed as a user would, through
 * the breakpoint), shows each page of the sidebar (the Milestones page also
 * with its details), and opens each dialog through its window action, as
 * the menu does. Each is saved as DIR/LANG-THEME-SIZE-NAME.png, LANG from
 * $LANGUAGE (en without), THEME from $GTK_THEME (light unless it ends in
 * ":dark"). What mp_test_find_clipped() finds cut in each goes to
 * DIR/LANG-THEME-clipped.txt. scripts/screenshots runs it in English and
 * German, light and dark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "mp-milestones-view.h"
#include "mp-window.h"
#include "mp-test-widgets.h"

static const char *pages[] = { "overview", "milestones", "goals", "people", "calendar" };

/* The dialogs, by the window action that opens them (the main menu's);
 * not Send Plan, which opens the mail program straight away. */
static const char *dialogs[] = {
  "new-from-template", "export-calendar", "send-invitations", "import-replies", "status-report",
  "save-baseline", "compare-baseline", "merge-copy", "save-copy", "export-html",
  "export-csv", "import-csv", "show-help-overlay",
};

static const char *dir;
static char *prefix;
static GString *report;
static guint n_shots, n_cut;

static void
shoot (GtkWidget  *widget,
       const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s-%s.png", prefix, name);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GString) cut = g_string_new (NULL);
  guint n;

  mp_test_spin_frames (8);
  texture = mp_test_render_widget (widget);
  if (!gdk_texture_save_to_png (texture, path))
    g_printerr ("could not write %s\n", path);
  n_shots++;
  n = mp_test_find_clipped (widget, cut);
  mp_test_find_hscrolled (widget, cut);
  if (cut->len > 0)
    {
      g_string_append_printf (report, "== %s (%d×%d)\n%s\n", file, gtk_widget_get_width (widget),
                              gtk_widget_get_height (widget), cut->str);
      n_cut += n;
    }
  g_print ("%s%s\n", path, n > 0 ? "  (something is cut: see the report)" : "");
}

static GList *
toplevels (void)
{
  GListModel *list = gtk_window_get_toplevels ();
  GList *out = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (list, i);

      if (gtk_widget_get_visible (w))
        out = g_list_prepend (out, w);
    }
  return out;
}

static void
shoot_dialogs (MpWindow *window)
{
  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      g_autoptr(GList) before = toplevels ();
      g_autofree char *action = g_strdup_printf ("win.%s", dialogs[i]);
      gint64 deadline;
      guint k = 0;

      if (!gtk_widget_activate_action (GTK_WIDGET (window), action, NULL))
        {
          g_printerr ("no action %s\n", action);
          continue;
        }
      /* Some read files or build previews in a worker first. */
      deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
      while (g_get_monotonic_time () < deadline)
        {
          g_autoptr(GList) now = toplevels ();

          if (g_list_length (now) > g_list_length (before))
            break;
          mp_test_spin_frames (1);
        }
      mp_test_spin_frames (10);
      {
        g_autoptr(GList) now = toplevels ();

        for (GList *l = now; l != NULL; l = l->next)
          {
            g_autofree char *name = NULL;

            if (g_list_find (before, l->data))
              continue;
            int min_w = 0, min_h = 0;

            /* Dialogs are as big as they are at any window size: they must
             * fit a 720×600 screen (a window's least height is at its least
             * width). */
            name = g_strdup_printf ("dialog-%s%s", dialogs[i], k++ ? "-2" : "");
            shoot (l->data, name);
            gtk_widget_measure (l->data, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
            gtk_widget_measure (l->data, GTK_ORIENTATION_VERTICAL, min_w, &min_h, NULL, NULL, NULL);
            if (min_w > 720 || min_h > 600)
              {
                g_string_append_printf (report, "== %s-%s: at least %d×%d, more than a 720×600 screen\n\n",
                                        prefix, name, min_w, min_h);
                n_cut++;
              }
            gtk_window_destroy (GTK_WINDOW (l->data));
          }
        if (k == 0)
          g_printerr ("%s opened no window\n", action);
      }
      mp_test_spin_frames (3);
    }
}

static void
shoot_window (MpDocument *doc,
              int         width,
              int         height,
              gboolean    with_dialogs)
{
  MpWindow *window = mp_window_new (NULL);
  g_autofree char *size = g_strdup_printf ("%dx%d", width, height);
  int breakpoint = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  mp_window_set_document (window, doc);
  g_object_get (window, "breakpoint", &breakpoint, NULL);
  mp_test_spin_frames (5);
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    for (guint details = 0; details < (g_str_equal (pages[p], "milestones") ? 2u : 1u); details++)
      {
        g_autofree char *name = g_strdup_printf ("%s-%s%s", size, pages[p], details ? "-details" : "");
        GtkWidget *page;

        /* Each from wide, narrowed through the breakpoint as a user would. */
        gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
        mp_test_spin_frames (3);
        mp_window_show_page (window, pages[p]);
        mp_test_spin_frames (3);
        page = mp_test_find_visible (GTK_WIDGET (window), MP_TYPE_MILESTONES_VIEW);
        if (page != NULL)
          g_object_set (page, "show-details", (gboolean) details, NULL);
        if (width < breakpoint)
          {
            gtk_window_set_default_size (GTK_WINDOW (window), breakpoint - 1, height);
            mp_test_spin_frames (5);
          }
        gtk_window_set_default_size (GTK_WINDOW (window), width, height);
        shoot (GTK_WIDGET (window), name);
      }
  mp_window_show_page (window, "overview");
  if (with_dialogs)
    shoot_dialogs (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("MUTUALPLAN_LOCALEDIR");
  const char *language = g_getenv ("LANGUAGE");
  const char *theme = g_getenv ("GTK_THEME");
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) doc = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *report_path = NULL;

  if (setlocale (LC_ALL, "") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (argc < 2)
    {
      g_printerr ("usage: %s DIR [FIXTURE]\n", argv[0]);
      return 2;
    }
  dir = argv[1];
  g_mkdir_with_parents (dir, 0755);
  if (g_getenv ("MUTUALPLAN_TODAY") == NULL)
    g_setenv ("MUTUALPLAN_TODAY", "2027-03-15", TRUE);
  gtk_init ();

  file = g_file_new_for_commandline_arg (argc > 2 ? argv[2] : MP_ACME_FIXTURE);
  doc = mp_document_load (file, NULL, &error);
  if (doc == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  prefix = g_strdup_printf ("%s-%s", language != NULL && *language ? language : "en",
                            theme != NULL && g_str_has_suffix (theme, ":dark") ? "dark" : "light");
  report = g_string_new (NULL);
  shoot_window (doc, 1280, 800, TRUE);
  shoot_window (doc, 720, 600, FALSE);

  report_path = g_strdup_printf ("%s/%s-clipped.txt", dir, prefix);
  g_file_set_contents (report_path, report->str, -1, NULL);
  g_print ("%u screenshots; %u things cut (%s)\n", n_shots, n_cut, report_path);
  g_string_free (report, TRUE);
  g_free (prefix);
  return 0;
}
