/* test-keyboard.c: the one shortcut table, the shortcuts window, and real
 * key presses (xdotool into Xvfb) on the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <gdk/x11/gdkx.h>
#include <string.h>

#include "mp-model.h"
#include "mp-shortcuts.h"
#include "mp-timeline.h"
#include "mp-timeline-private.h"
#include "mp-window.h"
#include "mp-test-widgets.h"

/* ---- bindings ---- */

typedef struct
{
  guint           keyval;
  GdkModifierType mods;
} Key;

/* The keypad's twin of a key counts as the key. */
static guint
main_key (guint keyval)
{
  static const struct { guint kp, key; } twins[] = {
    { GDK_KEY_KP_Up, GDK_KEY_Up }, { GDK_KEY_KP_Down, GDK_KEY_Down }, { GDK_KEY_KP_Left, GDK_KEY_Left },
    { GDK_KEY_KP_Right, GDK_KEY_Right }, { GDK_KEY_KP_Home, GDK_KEY_Home }, { GDK_KEY_KP_End, GDK_KEY_End },
    { GDK_KEY_KP_Page_Up, GDK_KEY_Page_Up }, { GDK_KEY_KP_Page_Down, GDK_KEY_Page_Down },
    { GDK_KEY_KP_Insert, GDK_KEY_Insert }, { GDK_KEY_KP_Delete, GDK_KEY_Delete },
    { GDK_KEY_KP_Enter, GDK_KEY_Return }, { GDK_KEY_KP_Add, GDK_KEY_plus },
    { GDK_KEY_KP_Subtract, GDK_KEY_minus }, { GDK_KEY_KP_0, GDK_KEY_0 }, { GDK_KEY_KP_Space, GDK_KEY_space },
  };

  for (guint i = 0; i < G_N_ELEMENTS (twins); i++)
    if (twins[i].kp == keyval)
      return twins[i].key;
  return gdk_keyval_to_lower (keyval);
}

static void
add_key (GArray          *keys,
         guint            keyval,
         GdkModifierType  mods)
{
  Key k = { main_key (keyval), mods & gtk_accelerator_get_default_mod_mask () };

  for (guint i = 0; i < keys->len; i++)
    if (g_array_index (keys, Key, i).keyval == k.keyval && g_array_index (keys, Key, i).mods == k.mods)
      return;
  g_array_append_val (keys, k);
}

static void
add_trigger (GArray             *keys,
             GtkShortcutTrigger *trigger)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    add_key (keys, gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
             gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
  else if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      add_trigger (keys, gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)));
      add_trigger (keys, gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)));
    }
}

/* Every key our own widgets bind (not the GTK classes' own signal
 * bindings they inherit), at or below @widget. */
static void
collect_widget_bindings (GtkWidget *widget,
                         GArray    *keys)
{
  if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Mp"))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);

              if (GTK_IS_SIGNAL_ACTION (gtk_shortcut_get_action (shortcut)))
                continue;
              add_trigger (keys, gtk_shortcut_get_trigger (shortcut));
            }
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_widget_bindings (child, keys);
}

static void
collect_app_accels (GtkApplication *app,
                    GArray         *keys)
{
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (app);

  for (guint i = 0; actions[i]; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, actions[i]);

      for (guint a = 0; accels[a]; a++)
        {
          guint keyval;
          GdkModifierType mods;

          g_assert_true (gtk_accelerator_parse (accels[a], &keyval, &mods));
          add_key (keys, keyval, mods);
        }
    }
}

/* The keys the shortcuts window shows, "<Alt>1...5" ranges expanded. */
static void
collect_shown (GtkWidget *widget,
               GArray    *keys,
               GString   *groups)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) parts = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      parts = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; parts[i]; i++)
        {
          g_auto(GStrv) range = g_strsplit (parts[i], "...", 2);
          guint keyval, last;
          GdkModifierType mods;

          g_assert_true (gtk_accelerator_parse (range[0], &keyval, &mods));
          last = range[1] ? gdk_keyval_from_name (range[1]) : keyval;
          for (guint k = keyval; k <= last; k++)
            add_key (keys, k, mods);
        }
    }
  if (GTK_IS_SHORTCUTS_GROUP (widget))
    {
      g_autofree char *title = NULL;

      g_object_get (widget, "title", &title, NULL);
      g_string_append_printf (groups, "%s;", title);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_shown (child, keys, groups);
}

/* The bindings of @bound that @shown lacks, as accelerator names. */
static char *
missing (GArray *bound,
         GArray *shown)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < bound->len; i++)
    {
      Key *b = &g_array_index (bound, Key, i);
      gboolean found = FALSE;

      for (guint k = 0; k < shown->len && !found; k++)
        found = g_array_index (shown, Key, k).keyval == b->keyval && g_array_index (shown, Key, k).mods == b->mods;
      if (!found)
        {
          g_autofree char *name = gtk_accelerator_name (b->keyval, b->mods);
          g_string_append_printf (out, "%s ", name);
        }
    }
  return g_string_free (out, FALSE);
}

/* The application's accelerators come from the table. */
static GtkApplication *
test_app (void)
{
  static GtkApplication *app;

  if (app == NULL)
    {
      app = gtk_application_new ("com.example.MutualPlan.TestKeyboard", G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
      mp_shortcuts_set_app_accels (app);
    }
  return app;
}

static MpWindow *
open_window (void)
{
  MpWindow *window = mp_window_new (NULL);
  g_autoptr(MpDocument) doc = mp_test_load_fixture ("acme-rollout.mplan");

  gtk_window_set_application (GTK_WINDOW (window), test_app ());

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  mp_window_set_document (window, doc);
  MP_TEST_SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  return window;
}

static GtkWidget *
find_page_stack (MpWindow *window)
{
  GtkWidget *sidebar = mp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK_SIDEBAR);

  return GTK_WIDGET (gtk_stack_sidebar_get_stack (GTK_STACK_SIDEBAR (sidebar)));
}

static void
test_shortcuts_window (void)
{
  GtkApplication *app = test_app ();
  MpWindow *window;
  GtkStack *pages;
  GtkWindow *shortcuts;
  g_autoptr(GArray) bound = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr(GString) groups = g_string_new (NULL);
  g_autofree char *lacking = NULL;
  GtkWidget *section, *section_stack;
  guint n_pages = 0;

  collect_app_accels (app, bound);
  g_assert_cmpuint (bound->len, >=, 15);

  /* Every page built, so every page's bindings are there. */
  window = open_window ();
  pages = GTK_STACK (find_page_stack (window));
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (pages)); page; page = gtk_widget_get_next_sibling (page))
    {
      gtk_stack_set_visible_child (pages, page);
      mp_test_spin_frames (2);
    }
  collect_widget_bindings (GTK_WIDGET (window), bound);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  shortcuts = mp_window_get_shortcuts_window (window);
  g_assert_nonnull (shortcuts);
  MP_TEST_SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (shortcuts)));
  collect_shown (GTK_WIDGET (shortcuts), shown, groups);

  /* Every binding is listed. */
  lacking = missing (bound, shown);
  if (*lacking)
    g_test_message ("bound but not in the shortcuts window: %s", lacking);
  g_assert_cmpstr (lacking, ==, "");

  /* The check can fail: a key bound outside the table is found missing. */
  {
    g_autoptr(GArray) extra = g_array_copy (bound);
    g_autofree char *found = NULL;

    add_key (extra, GDK_KEY_F12, GDK_CONTROL_MASK);
    found = missing (extra, shown);
    g_assert_cmpstr (found, ==, "<Control>F12 ");
  }

  /* The keys the issue names are all there. */
  {
    static const char *wanted[] = { "<Control>f", "space", "t", "F9", "F6", "<Alt>1", "<Alt>5", "<Control>z", "Delete" };

    for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
      {
        g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (Key));
        g_autofree char *gone = NULL;
        guint keyval;
        GdkModifierType mods;

        g_assert_true (gtk_accelerator_parse (wanted[i], &keyval, &mods));
        add_key (one, keyval, mods);
        gone = missing (one, shown);
        g_assert_cmpstr (gone, ==, "");
      }
  }

  /* Editing first, and all on one page. */
  g_assert_true (g_str_has_prefix (groups->str, "Editing;"));
  section = mp_test_find_widget (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SECTION);
  section_stack = mp_test_find_widget (section, GTK_TYPE_STACK);
  for (GtkWidget *p = gtk_widget_get_first_child (section_stack); p; p = gtk_widget_get_next_sibling (p))
    n_pages++;
  g_assert_cmpuint (n_pages, ==, 1);
  /* …that fits a 1280×800 screen. */
  {
    int min_h, nat_h, min_w, nat_w;

    gtk_widget_measure (GTK_WIDGET (shortcuts), GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
    gtk_widget_measure (GTK_WIDGET (shortcuts), GTK_ORIENTATION_VERTICAL, nat_w, &min_h, &nat_h, NULL, NULL);
    g_test_message ("shortcuts window %d×%d", nat_w, nat_h);
    g_assert_cmpint (nat_w, <=, 1280);
    g_assert_cmpint (nat_h, <=, 800);
  }
  mp_test_screenshot (GTK_WIDGET (shortcuts), "MP_SCREENSHOT_DIR", "shortcuts-window");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- real keys ---- */

static gboolean
have_xdotool (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

  if (path == NULL && g_strcmp0 (g_getenv ("CI"), "true") == 0)
    g_error ("xdotool is missing (Debian package xdotool): the keyboard tests cannot run");
  if (path == NULL)
    g_test_skip ("xdotool is not installed");
  return path != NULL;
}

static void
xdotool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, &error);

  g_assert_no_error (error);
  /* The X server queues the events: GTK need not run meanwhile. */
  g_subprocess_wait_check (proc, NULL, &error);
  g_assert_no_error (error);
  mp_test_spin_frames (5);
}

static void
focus_window (MpWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = NULL;

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  xid = g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (surface));
  xdotool ((const char *[]) { "xdotool", "windowfocus", "--sync", xid, NULL });
}

static MpWindow *keys_window;

/* Real key presses into the window, which gets the X focus first (other
 * programs on the display may have taken it). */
static void
press (const char *keys)
{
  if (keys_window != NULL)
    focus_window (keys_window);
  xdotool ((const char *[]) { "xdotool", "key", "--clearmodifiers", keys, NULL });
}

static gboolean
focus_within (MpWindow  *window,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

  return focus != NULL && widget != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The first widget under @root of @type (and with @css_class). */
static GtkWidget *
find_with_class (GtkWidget  *root,
                 GType       type,
                 const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_with_class (c, type, css_class);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
editing_label (GtkWidget *root)
{
  if (GTK_IS_EDITABLE_LABEL (root) && gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (root)))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = editing_label (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_keys (void)
{
  MpWindow *window;
  GtkStack *pages;
  GtkWidget *sidebar, *timeline;
  const MpTimelineView *v;

  if (!have_xdotool ())
    return;
  window = open_window ();
  pages = GTK_STACK (find_page_stack (window));
  sidebar = mp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK_SIDEBAR);
  keys_window = window;
  focus_window (window);
  mp_test_spin_frames (10);

  /* Alt+2: the Milestones page, the focus in it. */
  press ("alt+2");
  MP_TEST_SPIN_UNTIL (g_strcmp0 (gtk_stack_get_visible_child_name (pages), "milestones") == 0);
  MP_TEST_SPIN_UNTIL (focus_within (window, gtk_stack_get_visible_child (pages)));

  /* F6 walks the panes: the timeline is one of them. */
  timeline = mp_test_find_widget (gtk_stack_get_visible_child (pages), MP_TYPE_TIMELINE);
  g_assert_nonnull (timeline);
  for (int i = 0; i < 4 && !gtk_widget_is_focus (timeline); i++)
    press ("F6");
  g_assert_true (gtk_widget_is_focus (timeline));

  /* T: today in view. */
  v = mp_timeline_get_view (MP_TIMELINE (timeline));
  mp_timeline_scroll_to_end (MP_TIMELINE (timeline), TRUE);
  mp_test_spin_frames (3);
  g_assert_cmpfloat (v->scale.first, >, v->today);
  press ("t");
  MP_TEST_SPIN_UNTIL (v->scale.first <= v->today);
  g_assert_cmpfloat (v->scale.first + (v->width - MAX (0.0, v->label_width)) / v->scale.px_per_day, >=, v->today);

  /* Alt+4, Alt+1: other pages, focus follows. */
  press ("alt+4");
  MP_TEST_SPIN_UNTIL (g_strcmp0 (gtk_stack_get_visible_child_name (pages), "people") == 0);
  MP_TEST_SPIN_UNTIL (focus_within (window, gtk_stack_get_visible_child (pages)));

  /* People: rows read as text. Typing on a row (here on its Side
   * button) opens its first text cell with what was typed; Escape leaves
   * the name as it was; Enter on a text cell opens it; Space on a choice
   * opens its choices. */
  {
    GtkWidget *page = gtk_stack_get_visible_child (pages);
    GtkWidget *choice = find_with_class (page, GTK_TYPE_MENU_BUTTON, "cell-choice");
    GtkWidget *label = NULL;
    g_autofree char *name = NULL;

    g_assert_null (editing_label (page));
    g_assert_nonnull (choice);
    gtk_widget_grab_focus (choice);
    press ("z");
    MP_TEST_SPIN_UNTIL ((label = editing_label (page)) != NULL);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (label)), ==, "z");
    press ("Escape");
    MP_TEST_SPIN_UNTIL (editing_label (page) == NULL);
    name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (label)));
    g_assert_cmpstr (name, !=, "z");
    g_assert_true (focus_within (window, label));
    press ("Return");
    MP_TEST_SPIN_UNTIL (editing_label (page) == label);
    press ("Escape");
    MP_TEST_SPIN_UNTIL (editing_label (page) == NULL);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (label)), ==, name);
    gtk_widget_grab_focus (choice);
    press ("space");
    MP_TEST_SPIN_UNTIL (gtk_menu_button_get_popover (GTK_MENU_BUTTON (choice)) != NULL &&
                        gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (choice)))));
    press ("Escape");
    MP_TEST_SPIN_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (choice)))));
  }

  /* The page list is one Tab stop: into it with Shift+Tab from the
   * page's first control, arrows within it, Tab back into the page. */
  gtk_widget_child_focus (sidebar, GTK_DIR_TAB_FORWARD);
  g_assert_true (focus_within (window, sidebar));
  press ("Up");
  MP_TEST_SPIN_UNTIL (g_strcmp0 (gtk_stack_get_visible_child_name (pages), "goals") == 0);
  g_assert_true (focus_within (window, sidebar));
  press ("Tab");
  MP_TEST_SPIN_UNTIL (focus_within (window, gtk_stack_get_visible_child (pages)));
  g_assert_false (focus_within (window, sidebar));
  gtk_widget_child_focus (sidebar, GTK_DIR_TAB_FORWARD);
  press ("shift+Tab");
  g_assert_false (focus_within (window, sidebar));
  g_assert_false (focus_within (window, GTK_WIDGET (pages)));

  /* Ctrl+question: the shortcuts window. */
  press ("ctrl+question");
  MP_TEST_SPIN_UNTIL (mp_window_get_shortcuts_window (window) != NULL &&
                      gtk_widget_get_visible (GTK_WIDGET (mp_window_get_shortcuts_window (window))));

  keys_window = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/keyboard/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/keyboard/keys", test_keys);
  return g_test_run ();
}
