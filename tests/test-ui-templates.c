/* test-ui-templates.c: every .ui template builds, and every one is used
 *
 * gtk4-builder-tool cannot validate a template that names our own widgets
 * or template callbacks (tests/check-ui.sh checks what it can); this
 * builds each template the way the app does: the widget class it belongs
 * to is instantiated, so GtkBuilder resolves our types, binds every
 * template child and connects every callback, and any error in the file
 * (unknown property, missing callback, a child the C code binds but the
 * file lacks) is a critical warning, which fails the test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "mp-application.h"
#include "mp-model.h"
#include "mp-overview.h"
#include "mp-page.h"
#include "mp-test-widgets.h"
#include "mp-window.h"

#define PREFIX "/com/example/MutualPlan/"

/* The class a template file declares: <template class="MpFoo" …>. */
static char *
template_class (GBytes *bytes)
{
  gsize size;
  const char *text = g_bytes_get_data (bytes, &size);
  g_autofree char *copy = g_strndup (text, size);
  const char *at = strstr (copy, "<template class=\"");
  const char *end;

  if (at == NULL)
    return NULL;
  at += strlen ("<template class=\"");
  end = strchr (at, '"');
  g_assert_nonnull (end);
  return g_strndup (at, end - at);
}

static void
test_every_template_builds (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (PREFIX, 0, NULL);
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  guint built = 0;

  g_assert_nonnull (names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (PREFIX, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *klass = NULL;
      GType type;
      GObject *object;

      if (!g_str_has_suffix (names[i], ".ui"))
        continue;
      bytes = g_resources_lookup_data (path, 0, NULL);
      g_assert_nonnull (bytes);
      klass = template_class (bytes);
      g_test_message ("%s: template of %s", names[i], klass ? klass : "(none)");
      g_assert_nonnull (klass);
      /* The same look-up GtkBuilder makes: MpFooBar → mp_foo_bar_get_type(). */
      type = gtk_builder_get_type_from_name (builder, klass);
      g_assert_true (g_type_is_a (type, GTK_TYPE_WIDGET));
      /* Its stem is the widget's: mp-foo-bar.ui holds MpFooBar. */
      {
        g_autofree char *stem = g_strndup (names[i], strlen (names[i]) - 3);
        g_autoptr(GString) expect = g_string_new (NULL);

        for (const char *c = klass; *c; c++)
          {
            if (g_ascii_isupper (*c) && c != klass)
              g_string_append_c (expect, '-');
            g_string_append_c (expect, g_ascii_tolower (*c));
          }
        g_assert_cmpstr (stem, ==, expect->str);
      }
      object = g_object_new (type, NULL);
      g_object_ref_sink (object);
      if (GTK_IS_WINDOW (object))
        gtk_window_destroy (GTK_WINDOW (object));
      g_object_unref (object);
      built++;
    }
  g_assert_cmpuint (built, >, 0);
}

/* Every .ui file next to the sources is compiled into the resources (a
 * file that is not there would be a template nobody builds). */
static void
test_every_file_is_a_resource (void)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "..", "src", NULL);
  g_autoptr(GDir) dir = g_dir_open (src, 0, NULL);
  const char *name;
  guint files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_suffix (name, ".ui"))
        continue;
      path = g_strconcat (PREFIX, name, NULL);
      g_test_message ("%s", name);
      g_assert_true (g_resources_get_info (path, 0, NULL, NULL, NULL));
      files++;
    }
  g_assert_cmpuint (files, >, 0);
}

/* The window holds its pages as MpPage: each shows the window's document
 * (given when first shown) and one page claims each kind of record. */
static void
test_pages_share_an_interface (void)
{
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("acme-rollout.mplan");
  MpWindow *window = mp_window_new (NULL);
  GtkWidget *stack, *page;
  MpPlan *plan = mp_document_get_plan (doc);
  g_autoptr(MpMilestone) milestone = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_milestones (plan)), 0);
  g_autoptr(MpGoal) goal = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_goals (plan)), 0);
  g_autoptr(MpParticipant) person = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_participants (plan)), 0);
  guint pages = 0;
  struct { MpRecord *record; const char *page; } reveal[] = {
    { MP_RECORD (plan), "overview" },
    { MP_RECORD (milestone), "milestones" },
    { MP_RECORD (goal), "goals" },
    { MP_RECORD (person), "people" },
  };

  gtk_window_present (GTK_WINDOW (window));
  mp_window_set_document (window, doc);
  mp_test_spin_frames (3);
  stack = gtk_widget_get_parent (mp_test_find_widget (GTK_WIDGET (window), MP_TYPE_PAGE));
  g_assert_true (GTK_IS_STACK (stack));
  for (page = gtk_widget_get_first_child (stack); page != NULL; page = gtk_widget_get_next_sibling (page))
    {
      g_assert_true (MP_IS_PAGE (page));
      pages++;
    }
  g_assert_cmpuint (pages, ==, 5);

  for (guint i = 0; i < G_N_ELEMENTS (reveal); i++)
    {
      MpDocument *shown = NULL;

      g_assert_nonnull (reveal[i].record);
      mp_window_reveal (window, reveal[i].record);
      mp_test_spin_frames (2);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, reveal[i].page);
      page = gtk_stack_get_visible_child (GTK_STACK (stack));
      g_assert_true (mp_page_shows_record (MP_PAGE (page), reveal[i].record));
      /* The document property is the interface's. */
      g_object_get (page, "document", &shown, NULL);
      g_assert_true (shown == doc);
      g_clear_object (&shown);
    }

  /* A page lets go of the document through the property, and says so. */
  {
    guint notified = 0;

    page = gtk_stack_get_visible_child (GTK_STACK (stack));
    g_signal_connect_swapped (page, "notify::document", G_CALLBACK (g_atomic_int_inc), &notified);
    g_object_set (page, "document", NULL, NULL);
    g_assert_null (mp_page_get_document (MP_PAGE (page)));
    g_assert_cmpuint (notified, ==, 1);
    mp_page_set_document (MP_PAGE (page), NULL);
    g_assert_cmpuint (notified, ==, 1);
    mp_page_set_document (MP_PAGE (page), doc);
    g_assert_cmpuint (notified, ==, 2);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  mp_test_spin_frames (2);
}

/* The Overview's two columns fit beside the page list below the window's
 * breakpoint (1000 px), in English and in German: a wider least width
 * would keep the window from ever reaching its narrow layout. */
static void
overview_least_width (const char *language,
                      int        *width)
{
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("acme-rollout.mplan");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overview;

  g_setenv ("LANGUAGE", language, TRUE);
  overview = mp_overview_new ();
  gtk_window_set_child (GTK_WINDOW (window), overview);
  mp_overview_set_document (MP_OVERVIEW (overview), doc);
  gtk_window_present (GTK_WINDOW (window));
  mp_test_spin_frames (3);
  gtk_widget_measure (overview, GTK_ORIENTATION_HORIZONTAL, -1, width, NULL, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_setenv ("LANGUAGE", "", TRUE);
}

static void
test_overview_fits (void)
{
  g_autofree char *po = g_test_build_filename (G_TEST_BUILT, "..", "po", "de", "LC_MESSAGES",
                                               GETTEXT_PACKAGE ".mo", NULL);
  int english, german;

  /* The German catalogue of the build: without it the test would measure
   * English twice. */
  g_assert_true (g_file_test (po, G_FILE_TEST_EXISTS));
  overview_least_width ("en", &english);
  overview_least_width ("de", &german);
  g_test_message ("least width of the Overview: %d px in English, %d px in German", english, german);
  g_assert_cmpint (german, >, 0);
  /* 1000 px less the page list (about 130 px) and its divider. */
  g_assert_cmpint (english, <=, 840);
  g_assert_cmpint (german, <=, 840);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *localedir = NULL;

  /* The build's translations, for the German measurements. */
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* The window and application reference every page and dialog, so the
   * linker keeps their types for the look-up by name. */
  g_type_ensure (MP_TYPE_APPLICATION);
  g_type_ensure (MP_TYPE_WINDOW);
  g_test_add_func ("/ui/every-template-builds", test_every_template_builds);
  g_test_add_func ("/ui/every-file-is-a-resource", test_every_file_is_a_resource);
  g_test_add_func ("/ui/pages-share-an-interface", test_pages_share_an_interface);
  g_test_add_func ("/ui/overview-fits", test_overview_fits);
  return g_test_run ();
}
