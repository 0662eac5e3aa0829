/* test-layout.c: nothing a user reads is cut, at 1280×800 and 720×600,
 * in the language the test runs in (meson runs it in English as
 * test-layout and in German as test-layout-de)
 *
 * Each page of the window is shown on the acme fixture and its widget tree
 * walked (mp_test_find_clipped): every shown label that neither
 * ellipsizes nor wraps must get its natural width, every widget its
 * minimum, and nothing may lie outside its parent unless scrolled. The
 * Milestones page must also show at least 10 rows of at most 36 px at
 * 1280×800 with the timeline, with no sideways scrolling (on acme at
 * 1200 px neither), its titles taking the room that is left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "mp-format.h"
#include "mp-milestones-view.h"
#include "mp-model.h"
#include "mp-plan-generator.h"
#include "mp-shortcuts.h"
#include "mp-window.h"
#include "mp-workspace.h"
#include "mp-test-widgets.h"

typedef struct {
  int         width;
  int         height;
  const char *page;
  gboolean    details;
} Case;

static const char *pages[] = { "overview", "milestones", "goals", "people", "calendar" };
/* Pages checked strictly besides Milestones: the others are being
 * rebuilt (issue 13) and report what is cut as incomplete. */
static const char *strict_pages[] = { "overview", "goals", "people", "calendar", NULL };

static MpWindow *
window_at (int         width,
           int         height,
           MpDocument *doc)
{
  MpWindow *window = mp_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  mp_window_set_document (window, doc);
  MP_TEST_SPIN_UNTIL (gtk_widget_get_width (GTK_WIDGET (window)) > 0);
  return window;
}

static void
test_page (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("acme-rollout.mplan");
  /* Made wide, the page shown, then narrowed as a user would. */
  MpWindow *window = window_at (1280, 800, doc);
  g_autoptr(GString) cut = g_string_new (NULL);
  g_autofree char *shot = NULL;
  int min = 0, breakpoint = 0;
  gboolean too_wide, strict = g_str_equal (c->page, "milestones") || g_strv_contains (strict_pages, c->page);
  guint n;

  mp_window_show_page (window, c->page);
  if (c->details)
    {
      GtkWidget *page;

      MP_TEST_SPIN_UNTIL ((page = mp_test_find_visible (GTK_WIDGET (window), MP_TYPE_MILESTONES_VIEW)) != NULL);
      g_object_set (page, "show-details", TRUE, NULL);
    }
  /* Narrow or not as the width says, pages laid out, the Overview's
   * lists filled from their idle. */
  mp_test_spin_frames (3);
  g_object_get (window, "breakpoint", &breakpoint, NULL);
  if (c->width < breakpoint)
    {
      /* A user narrows the window step by step: from wide it goes just
       * below the breakpoint (its least width wide must allow that), then
       * on narrow to the size asked. */
      gtk_window_set_default_size (GTK_WINDOW (window), breakpoint - 1, c->height);
      MP_TEST_SPIN_UNTIL (mp_window_get_narrow (window) || gtk_widget_get_width (GTK_WIDGET (window)) >= breakpoint);
      mp_test_spin_frames (3);
    }
  gtk_window_set_default_size (GTK_WINDOW (window), c->width, c->height);
  MP_TEST_SPIN_UNTIL (mp_window_get_narrow (window) == (c->width < breakpoint));
  mp_test_spin_frames (10);

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_test_message ("%s at %d×%d: the window is at least %d px wide, now %d", c->page, c->width, c->height, min,
                  gtk_widget_get_width (GTK_WIDGET (window)));
  shot = g_strdup_printf ("%s-%s%s-%dx%d.png", g_getenv ("LANGUAGE") && *g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "en",
                          c->page, c->details ? "-details" : "", c->width, c->height);
  mp_test_screenshot (GTK_WIDGET (window), "MP_SCREENSHOT_DIR", shot);
  n = mp_test_find_clipped (GTK_WIDGET (window), cut);
  if (n > 0)
    g_test_message ("cut:\n%s", cut->str);
  {
    g_autoptr(GString) sideways = g_string_new (NULL);

    /* Wide, the Milestones page shows every column without scrolling. */
    if (mp_test_find_hscrolled (GTK_WIDGET (window), sideways) > 0)
      g_test_message ("scrolls sideways:\n%s", sideways->str);
    if (c->width >= breakpoint && g_str_equal (c->page, "milestones") && !c->details)
      g_assert_cmpuint (sideways->len, ==, 0);
  }
  /* Wide, the toolbar's buttons keep their words ("Compare with" goes
   * first); narrow, only their icons. */
  if (g_str_equal (c->page, "milestones") && !c->details)
    {
      g_autoptr(GString) shown = g_string_new (NULL);
      g_autofree char *add = g_strdup_printf ("\n%s\n", _("Add Milestone"));

      g_string_append_c (shown, '\n');
      mp_test_collect_labels (GTK_WIDGET (window), TRUE, shown);
      if (c->width >= 1280 || c->width < breakpoint)
        g_assert_true ((strstr (shown->str, add) != NULL) == (c->width >= breakpoint));
    }
  /* Narrow, it fits 720 px; wide, it can be made narrow. */
  too_wide = c->width < breakpoint ? min > 720 : min >= breakpoint;
  if (!strict && (too_wide || n > 0 || gtk_widget_get_width (GTK_WIDGET (window)) > c->width))
    {
      /* Pages being rebuilt by others (issue 13): told in
       * /tmp/layout-findings.md, checked strictly once they pass. */
      g_test_incomplete ("this page is still cut or too wide (see the messages)");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  if (c->width < breakpoint)
    g_assert_cmpint (min, <=, 720);
  else
    g_assert_cmpint (min, <, breakpoint);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, c->width);
  g_assert_cmpuint (n, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_column_list (GtkWidget *root)
{
  if (g_strcmp0 (G_OBJECT_TYPE_NAME (root), "GtkColumnListView") == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_column_list (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Rows wholly inside the list's scrolled window; asserts each is at most
 * 36 px tall. */
static guint
count_visible_rows (GtkWidget *scrolled,
                    GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t b;

      if (!gtk_widget_get_mapped (row) || !gtk_widget_get_child_visible (row) ||
          !gtk_widget_compute_bounds (row, scrolled, &b) || b.size.height <= 0)
        continue;
      if (b.origin.y >= 0 && b.origin.y + b.size.height <= gtk_widget_get_height (scrolled))
        {
          g_assert_cmpfloat (b.size.height, <=, 36);
          n++;
        }
    }
  return n;
}

/* A 400-milestone plan at 1280×800 with the timeline: at least 10 rows
 * of at most 36 px, every column in view (no sideways scrolling), and the
 * title column the widest, taking what the others leave. */
static void
test_milestone_rows (void)
{
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (400);
  g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);
  MpWindow *window = window_at (1280, 800, doc);
  GtkWidget *page, *view, *scrolled, *list;
  GtkAdjustment *h;
  GListModel *columns;
  int title_width = 0, widest_other = 0;

  mp_window_show_page (window, "milestones");
  MP_TEST_SPIN_UNTIL ((page = mp_test_find_visible (GTK_WIDGET (window), MP_TYPE_MILESTONES_VIEW)) != NULL);
  g_assert_cmpstr (mp_workspace_get_view (page), ==, "both");
  view = mp_test_find_widget (page, GTK_TYPE_COLUMN_VIEW);
  scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  MP_TEST_SPIN_UNTIL ((list = find_column_list (view)) != NULL && gtk_widget_get_first_child (list) != NULL);
  mp_test_spin_frames (10);
  g_assert_true (gtk_widget_get_mapped (mp_test_find_widget (page, g_type_from_name ("MpTimeline"))));

  {
    guint rows = count_visible_rows (scrolled, list);

    g_test_message ("%u rows visible, the list %d px tall", rows, gtk_widget_get_height (scrolled));
    g_assert_cmpuint (rows, >=, 10);
  }

  h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  g_test_message ("the columns are %.0f px wide, the list shows %.0f", gtk_adjustment_get_upper (h),
                  gtk_adjustment_get_page_size (h));
  g_assert_cmpfloat (gtk_adjustment_get_upper (h), <=, gtk_adjustment_get_page_size (h) + 0.5);

  /* The width each column got: its header's. */
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
  {
    GtkWidget *title = gtk_widget_get_first_child (gtk_widget_get_first_child (view));

    for (guint i = 0; i < g_list_model_get_n_items (columns); i++, title = gtk_widget_get_next_sibling (title))
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
        int w;

        g_assert_nonnull (title);
        g_assert_cmpstr (G_OBJECT_TYPE_NAME (title), ==, "GtkColumnViewTitle");
        w = gtk_widget_get_width (title);
        g_test_message ("column %s: %d px", gtk_column_view_column_get_title (column), w);
        if (gtk_column_view_column_get_expand (column))
          title_width = w;
        else
          widest_other = MAX (widest_other, w);
      }
  }
  g_assert_cmpint (title_width, >, widest_other);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Month and day names follow the UI's language, not LC_TIME: the German
 * run has LANG=C.UTF-8 (English month names before), an English UI on a
 * German system wrote "Januar". */
static void
test_date_language (void)
{
  const char *language = g_getenv ("LANGUAGE");
  gboolean german = language != NULL && g_str_has_prefix (language, "de");
  g_autofree char *date = mp_format_date (mp_date_from_ymd (2027, 3, 15));
  g_autofree char *day = mp_format_date_long (mp_date_from_ymd (2027, 3, 15));
  locale_t de = newlocale (LC_TIME_MASK, "de_DE.UTF-8", (locale_t) 0);

  g_test_message ("%s; %s", date, day);
  if (german && de == (locale_t) 0)
    {
      /* (Debian: localedef -i de_DE -f UTF-8 de_DE.UTF-8.) */
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_test_fail_printf ("the de_DE.UTF-8 locale is not installed");
      else
        g_test_skip ("the de_DE.UTF-8 locale is not installed");
      return;
    }
  if (de != (locale_t) 0)
    freelocale (de);
  g_assert_cmpstr (date, ==, german ? "15. Mär 2027" : "15 Mar 2027");
  g_assert_true (g_str_has_prefix (day, german ? "Mo, " : "Mon, "));
}

/* The shortcuts window (one page, Editing first) fits a 1280×800 screen
 * in the UI's language; German titles made it 1423 px wide. */
static void
test_shortcuts_window (void)
{
  GtkWidget *shortcuts = mp_shortcuts_window_new ();
  int min_w, nat_w, min_h, nat_h;

  gtk_window_present (GTK_WINDOW (shortcuts));
  mp_test_spin_frames (5);
  gtk_widget_measure (shortcuts, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
  gtk_widget_measure (shortcuts, GTK_ORIENTATION_VERTICAL, nat_w, &min_h, &nat_h, NULL, NULL);
  g_test_message ("shortcuts window %d×%d (least %d×%d)", nat_w, nat_h, min_w, min_h);
  g_assert_cmpint (min_w, <=, 1280);
  g_assert_cmpint (min_h, <=, 800);
  gtk_window_destroy (GTK_WINDOW (shortcuts));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("MUTUALPLAN_LOCALEDIR");
  const char *language = g_getenv ("LANGUAGE");
  /* (1024 px: wide, but the details beside the list take its room; 1200
   * px: the Milestones page still has every column in view.) */
  static const int sizes[][2] = { { 1280, 800 }, { 720, 600 }, { 1024, 700 }, { 1200, 800 } };

  /* German: LANGUAGE=de with the build's catalogs (MUTUALPLAN_LOCALEDIR),
   * and de_DE.UTF-8 for dates where it is installed. */
  if (setlocale (LC_ALL, "") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("MUTUALPLAN_TODAY", "2027-03-15", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  /* Every page is checked even when one fails. */
  g_test_set_nonfatal_assertions ();
  /* A German run that fell back to English would prove nothing. */
  if (language != NULL && g_str_has_prefix (language, "de"))
    g_assert_cmpstr (_("Milestones"), !=, "Milestones");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
      for (guint d = 0; d < (g_str_equal (pages[p], "milestones") ? 2 : 1); d++)
        {
          if ((sizes[s][0] == 1024 && !d) || (sizes[s][0] == 1200 && (d || !g_str_equal (pages[p], "milestones"))))
            continue;
          Case *c = g_new0 (Case, 1);
          g_autofree char *path = NULL;

          c->width = sizes[s][0];
          c->height = sizes[s][1];
          c->page = pages[p];
          c->details = d;
          path = g_strdup_printf ("/layout/%dx%d/%s%s", c->width, c->height, c->page, d ? "-details" : "");
          g_test_add_data_func_full (path, c, test_page, g_free);
        }
  g_test_add_func ("/layout/milestone-rows", test_milestone_rows);
  g_test_add_func ("/layout/date-language", test_date_language);
  g_test_add_func ("/layout/shortcuts-window", test_shortcuts_window);
  return g_test_run ();
}
