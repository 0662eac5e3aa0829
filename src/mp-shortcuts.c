/* mp-shortcuts.c: every keyboard shortcut of the application, in one table
 *
 * The table feeds the application's accelerators (win.*, app.*), the key
 * bindings of the widgets that own actions (milestones.*, timeline.*) and
 * the shortcuts window, so a key cannot work without being listed there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-shortcuts.h"

#define E MP_SHORTCUT_GROUP_EDITING
#define W MP_SHORTCUT_GROUP_WORKSPACE
#define T MP_SHORTCUT_GROUP_TIMELINE
#define P MP_SHORTCUT_GROUP_PLANS
#define G MP_SHORTCUT_GROUP_PAGES

static const MpShortcut shortcuts[] = {
  { "win.undo", "<Control>z", E, NC_("shortcut window", "Undo"), NULL },
  { "win.redo", "<Control><Shift>z <Control>y", E, NC_("shortcut window", "Redo"), NULL },
  { "milestones.add", "Insert <Control>Return", E, NC_("shortcut window", "Add a milestone, participant, goal…"), NULL },
  { "milestones.add-task", "<Control><Shift>Return", E, NC_("shortcut window", "Add a task to the milestone"), NULL },
  { "milestones.remove", "Delete", E, NC_("shortcut window", "Remove the selected row"), NULL },
  { "milestones.move-up", "<Alt>Up", E, NC_("shortcut window", "Move the row up or down"), NULL },
  { "milestones.move-down", "<Alt>Down", E, NC_("shortcut window", "Move the row up or down"), NULL },
  { "milestones.toggle-done", "space", E, NC_("shortcut window", "Mark the task done or not done"), NULL },

  { "milestones.search", "<Control>f", W, NC_("shortcut window", "Find milestones and tasks"), NULL },
  { "milestones.show-details", "F9", W, NC_("shortcut window", "Show or hide the details"), NULL },
  { "win.next-pane", "F6", W, NC_("shortcut window", "Next or previous pane"), NULL },
  { "win.previous-pane", "<Shift>F6", W, NC_("shortcut window", "Next or previous pane"), NULL },

  { "win.page::overview", "<Alt>1", G, NC_("shortcut window", "Overview … Calendar page"), "<Alt>1...5" },
  { "win.page::milestones", "<Alt>2", G, NC_("shortcut window", "Overview … Calendar page"), "<Alt>1...5" },
  { "win.page::goals", "<Alt>3", G, NC_("shortcut window", "Overview … Calendar page"), "<Alt>1...5" },
  { "win.page::people", "<Alt>4", G, NC_("shortcut window", "Overview … Calendar page"), "<Alt>1...5" },
  { "win.page::calendar", "<Alt>5", G, NC_("shortcut window", "Overview … Calendar page"), "<Alt>1...5" },
  { "win.show-help-overlay", "<Control>question", G, NC_("shortcut window", "Keyboard shortcuts"), NULL },
  { NULL, "F10", G, NC_("shortcut window", "Main menu"), NULL },

  { "timeline.select-previous", "Up", T, NC_("shortcut window", "Select the previous or next row"), NULL },
  { "timeline.select-next", "Down", T, NC_("shortcut window", "Select the previous or next row"), NULL },
  { "timeline.scroll-earlier", "Left", T, NC_("shortcut window", "Scroll"), NULL },
  { "timeline.scroll-later", "Right", T, NC_("shortcut window", "Scroll"), NULL },
  { "timeline.page-up", "Page_Up", T, NC_("shortcut window", "Scroll"), NULL },
  { "timeline.page-down", "Page_Down", T, NC_("shortcut window", "Scroll"), NULL },
  { "timeline.move-earlier", "<Alt>Left", T, NC_("shortcut window", "Move the milestone by a day"), NULL },
  { "timeline.move-later", "<Alt>Right", T, NC_("shortcut window", "Move the milestone by a day"), NULL },
  { "timeline.due-earlier", "<Alt><Shift>Left", T, NC_("shortcut window", "Change the due date by a day"), NULL },
  { "timeline.due-later", "<Alt><Shift>Right", T, NC_("shortcut window", "Change the due date by a day"), NULL },
  { "timeline.zoom-in", "<Control>plus", T, NC_("shortcut window", "Zoom in, out, to fit"), NULL },
  { "timeline.zoom-out", "<Control>minus", T, NC_("shortcut window", "Zoom in, out, to fit"), NULL },
  { "timeline.zoom-fit", "<Control>0", T, NC_("shortcut window", "Zoom in, out, to fit"), NULL },
  { "timeline.scroll-start", "Home", T, NC_("shortcut window", "Go to the plan’s start or end"), NULL },
  { "timeline.scroll-end", "End", T, NC_("shortcut window", "Go to the plan’s start or end"), NULL },
  { "timeline.scroll-today", "t", T, NC_("shortcut window", "Go to today"), NULL },
  { "timeline.cancel-drag", "Escape", T, NC_("shortcut window", "Cancel a drag"), NULL },

  { "win.new", "<Control>n", P, NC_("shortcut window", "New plan"), NULL },
  { "win.open", "<Control>o", P, NC_("shortcut window", "Open a plan"), NULL },
  { "win.save", "<Control>s", P, NC_("shortcut window", "Save"), NULL },
  { "win.save-as", "<Control><Shift>s", P, NC_("shortcut window", "Save as"), NULL },
  { "win.print", "<Control>p", P, NC_("shortcut window", "Print"), NULL },
  { "window.close", "<Control>w", P, NC_("shortcut window", "Close the window"), NULL },
  { "app.quit", "<Control>q", P, NC_("shortcut window", "Quit"), NULL },

};

#undef E
#undef W
#undef T
#undef P
#undef G

static const char *group_titles[MP_N_SHORTCUT_GROUPS] = {
  [MP_SHORTCUT_GROUP_EDITING] = NC_("shortcut window", "Editing"),
  [MP_SHORTCUT_GROUP_WORKSPACE] = NC_("shortcut window", "Milestones"),
  [MP_SHORTCUT_GROUP_PAGES] = NC_("shortcut window", "Pages"),
  [MP_SHORTCUT_GROUP_TIMELINE] = NC_("shortcut window", "Timeline"),
  [MP_SHORTCUT_GROUP_PLANS] = NC_("shortcut window", "Plans"),
};

const MpShortcut *
mp_shortcuts_get (guint *n_shortcuts)
{
  g_return_val_if_fail (n_shortcuts != NULL, NULL);
  *n_shortcuts = G_N_ELEMENTS (shortcuts);
  return shortcuts;
}

static gboolean
is_app_action (const char *action)
{
  return g_str_has_prefix (action, "win.") || g_str_has_prefix (action, "app.") ||
         g_str_has_prefix (action, "window.");
}

/* The accelerators of the window and the application. */
void
mp_shortcuts_set_app_accels (GtkApplication *app)
{
  g_return_if_fail (GTK_IS_APPLICATION (app));

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      g_auto(GStrv) accels = NULL;

      if (shortcuts[i].action == NULL || !is_app_action (shortcuts[i].action))
        continue;
      accels = g_strsplit (shortcuts[i].accels, " ", -1);
      gtk_application_set_accels_for_action (app, shortcuts[i].action, (const char * const *) accels);
    }
}

/* The same key on the keypad, where it has a twin. */
static guint
keypad_twin (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_Up: return GDK_KEY_KP_Up;
    case GDK_KEY_Down: return GDK_KEY_KP_Down;
    case GDK_KEY_Left: return GDK_KEY_KP_Left;
    case GDK_KEY_Right: return GDK_KEY_KP_Right;
    case GDK_KEY_Home: return GDK_KEY_KP_Home;
    case GDK_KEY_End: return GDK_KEY_KP_End;
    case GDK_KEY_Page_Up: return GDK_KEY_KP_Page_Up;
    case GDK_KEY_Page_Down: return GDK_KEY_KP_Page_Down;
    case GDK_KEY_Insert: return GDK_KEY_KP_Insert;
    case GDK_KEY_Delete: return GDK_KEY_KP_Delete;
    case GDK_KEY_Return: return GDK_KEY_KP_Enter;
    case GDK_KEY_plus: return GDK_KEY_KP_Add;
    case GDK_KEY_minus: return GDK_KEY_KP_Subtract;
    case GDK_KEY_0: return GDK_KEY_KP_0;
    case GDK_KEY_space: return GDK_KEY_KP_Space;
    default: return 0;
    }
}

static void
add_binding (GtkWidgetClass  *widget_class,
             guint            keyval,
             GdkModifierType  mods,
             const char      *name,
             GVariant        *target)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, mods),
                                            gtk_named_action_new (name));

  if (target != NULL)
    gtk_shortcut_set_arguments (shortcut, target);
  gtk_widget_class_add_shortcut (widget_class, shortcut);
  g_object_unref (shortcut);
}

/* Key bindings for the actions a widget class installs: every entry whose
 * action starts with PREFIX ("timeline."). An action the class does not
 * install gets no binding. */
void
mp_shortcuts_add_bindings (GtkWidgetClass *widget_class,
                           const char     *prefix)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (prefix != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;
      g_auto(GStrv) accels = NULL;
      gboolean installed = FALSE;
      const char *action_name;

      if (shortcuts[i].action == NULL || !g_str_has_prefix (shortcuts[i].action, prefix) ||
          !g_action_parse_detailed_name (shortcuts[i].action, &name, &target, NULL))
        continue;
      for (guint k = 0; ; k++)
        {
          GType owner;
          const GVariantType *parameter_type;
          const char *property_name;

          /* GTK 4.8 wants every out argument. */
          if (!gtk_widget_class_query_action (widget_class, k, &owner, &action_name, &parameter_type, &property_name))
            break;
          if (g_str_equal (action_name, name))
            installed = TRUE;
        }
      if (!installed)
        continue;
      accels = g_strsplit (shortcuts[i].accels, " ", -1);
      for (guint a = 0; accels[a]; a++)
        {
          guint keyval;
          GdkModifierType mods;

          if (!gtk_accelerator_parse (accels[a], &keyval, &mods))
            {
              g_critical ("Shortcut “%s” of %s does not parse", accels[a], shortcuts[i].action);
              continue;
            }
          add_binding (widget_class, keyval, mods, name, target ? g_variant_ref (target) : NULL);
          if (keypad_twin (keyval) != 0)
            add_binding (widget_class, keypad_twin (keyval), mods, name, target ? g_variant_ref (target) : NULL);
        }
    }
}

static const char *
translate (const char *title)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "shortcut window", title);
}

/* The shortcuts window as GtkBuilder XML: one section, the groups in the
 * table's order (Editing first), one row per title. */
char *
mp_shortcuts_window_ui (void)
{
  GString *ui = g_string_new (NULL);

  /* Two columns on one page of at most 18 rows each (a 800 px screen):
   * Editing, Milestones and Pages, then Timeline and Plans. */
  g_string_append (ui,
                   "<interface>\n"
                   "  <object class=\"GtkShortcutsWindow\" id=\"help_overlay\">\n"
                   "    <property name=\"modal\">True</property>\n"
                   "    <child>\n"
                   "      <object class=\"GtkShortcutsSection\">\n"
                   "        <property name=\"section-name\">shortcuts</property>\n"
                   "        <property name=\"max-height\">18</property>\n");
  for (guint g = 0; g < MP_N_SHORTCUT_GROUPS; g++)
    {
      g_autofree char *group = g_markup_printf_escaped ("        <child>\n"
                                                        "          <object class=\"GtkShortcutsGroup\">\n"
                                                        "            <property name=\"title\">%s</property>\n",
                                                        translate (group_titles[g]));

      g_string_append (ui, group);
      for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
        {
          g_autoptr(GString) accels = NULL;
          g_autofree char *row = NULL;

          if (shortcuts[i].group != g ||
              (i > 0 && shortcuts[i - 1].group == g && g_str_equal (shortcuts[i - 1].title, shortcuts[i].title)))
            continue;
          accels = g_string_new (shortcuts[i].shown);
          if (shortcuts[i].shown == NULL)
            for (guint j = i; j < G_N_ELEMENTS (shortcuts) && g_str_equal (shortcuts[j].title, shortcuts[i].title); j++)
              {
                if (accels->len > 0)
                  g_string_append_c (accels, ' ');
                g_string_append (accels, shortcuts[j].accels);
              }
          row = g_markup_printf_escaped ("            <child>\n"
                                         "              <object class=\"GtkShortcutsShortcut\">\n"
                                         "                <property name=\"title\">%s</property>\n"
                                         "                <property name=\"accelerator\">%s</property>\n"
                                         "              </object>\n"
                                         "            </child>\n",
                                         translate (shortcuts[i].title), accels->str);
          g_string_append (ui, row);
        }
      g_string_append (ui, "          </object>\n        </child>\n");
    }
  g_string_append (ui, "      </object>\n    </child>\n  </object>\n</interface>\n");
  return g_string_free (ui, FALSE);
}

GtkWidget *
mp_shortcuts_window_new (void)
{
  g_autofree char *ui = mp_shortcuts_window_ui ();
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_string (ui, -1);
  GtkWidget *window = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));

  return g_object_ref_sink (window);
}
