/* mp-workspace.c: how the Milestones page arranges its list, timeline
 * and details
 *
 * The page's template holds the widgets; this holds the arrangement:
 * which of list and timeline are shown, where the details go when the
 * window is narrow, and what is remembered. The page calls
 * mp_workspace_setup() once from its init.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-workspace.h"

typedef struct
{
  GtkWidget  *page;      /* not a reference: the state lives on it */
  GtkPaned   *paned;
  GtkPaned   *split;
  GtkWidget  *list;
  GtkWidget  *timeline;  /* owned references: they move between panes */
  GtkWidget  *detail;
  GPtrArray  *labels;    /* the toolbar's button labels */
  GSimpleAction *view_action;
  GSettings  *settings;
  GtkWidget  *root;      /* whose "narrow" is followed */
  GtkWidget  *toolbar;
  GtkWidget  *compare_label;
  gboolean    narrow;
  gboolean    cramped;   /* wide, but the details do not fit beside the list */
  gboolean    applying;
  gboolean    labels_shown;
  int         labels_width; /* the toolbar's natural width with its labels */
  int         compare_width; /* of them, "Compare with" and its spacing */
  int         width;        /* the page's, when last allocated */
  guint       fit_id;
} Workspace;

static void
workspace_free (gpointer data)
{
  Workspace *ws = data;

  if (ws->root != NULL)
    g_signal_handlers_disconnect_by_data (ws->root, ws);
  g_clear_handle_id (&ws->fit_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (ws->detail, ws);
  g_clear_object (&ws->timeline);
  g_clear_object (&ws->detail);
  g_clear_object (&ws->settings);
  g_clear_object (&ws->view_action);
  g_clear_pointer (&ws->labels, g_ptr_array_unref);
  g_free (ws);
}

static const char *
view_of (Workspace *ws)
{
  g_autoptr(GVariant) state = g_action_get_state (G_ACTION (ws->view_action));

  /* Interned: the three values are static strings below. */
  return g_intern_string (g_variant_get_string (state, NULL));
}

/* Puts @child in @slot of @paned unless it is there already. */
static void
place (GtkPaned  *paned,
       gboolean   end,
       GtkWidget *child)
{
  GtkWidget *now = end ? gtk_paned_get_end_child (paned) : gtk_paned_get_start_child (paned);

  if (now == child)
    return;
  if (child != NULL && gtk_widget_get_parent (child) != NULL)
    {
      GtkPaned *other = GTK_PANED (gtk_widget_get_parent (child));

      if (gtk_paned_get_end_child (other) == child)
        gtk_paned_set_end_child (other, NULL);
      else
        gtk_paned_set_start_child (other, NULL);
    }
  if (end)
    gtk_paned_set_end_child (paned, child);
  else
    gtk_paned_set_start_child (paned, child);
}

static void queue_fit (Workspace *ws);

static void
apply (Workspace *ws)
{
  const char *view = view_of (ws);
  gboolean details = gtk_widget_get_visible (ws->detail);
  gboolean show_list = view != g_intern_static_string ("timeline");
  gboolean show_timeline = view != g_intern_static_string ("list");

  if (ws->applying)
    return;
  ws->applying = TRUE;
  if ((ws->narrow || ws->cramped) && details)
    {
      /* The details take the timeline's place, under the list. */
      place (ws->split, TRUE, ws->detail);
      place (ws->paned, TRUE, NULL);
      show_list = TRUE;
    }
  else
    {
      place (ws->split, TRUE, ws->timeline);
      place (ws->paned, TRUE, ws->detail);
      gtk_widget_set_visible (ws->timeline, show_timeline);
    }
  gtk_widget_set_visible (ws->list, show_list);
  ws->applying = FALSE;
  queue_fit (ws);
}

/* The toolbar's labels show when they fit (and the window is not narrow),
 * else only the icons with their tooltips: never cut words. "Compare
 * with" goes first (the chooser beside it says enough), so the buttons
 * keep their words at 1280 px in German. */
static void
show_labels (Workspace *ws,
             gboolean   shown,
             gboolean   compare)
{
  ws->labels_shown = shown && compare;
  for (guint i = 0; i < ws->labels->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (ws->labels, i), shown);
  if (ws->compare_label != NULL)
    gtk_widget_set_visible (ws->compare_label, shown && compare);
}

/* Whether the page is too narrow for the details beside the list and
 * timeline: the paned would cut the list on its left. */
static gboolean
cramped (Workspace *ws)
{
  int width = gtk_widget_get_width (ws->page);
  int list = 0, detail = 0, handle = 0;

  if (width <= 0 || !gtk_widget_get_visible (ws->detail))
    return FALSE;
  gtk_widget_measure (GTK_WIDGET (ws->split), GTK_ORIENTATION_HORIZONTAL, -1, &list, NULL, NULL, NULL);
  gtk_widget_measure (ws->detail, GTK_ORIENTATION_HORIZONTAL, -1, &detail, NULL, NULL, NULL);
  /* (The paned's handle: its minimum with neither child.) */
  if (gtk_paned_get_end_child (ws->paned) == ws->detail)
    {
      int both = 0;

      gtk_widget_measure (GTK_WIDGET (ws->paned), GTK_ORIENTATION_HORIZONTAL, -1, &both, NULL, NULL, NULL);
      handle = MAX (0, both - list - detail);
    }
  return width < list + detail + handle;
}

static gboolean
fit_labels_idle (gpointer data)
{
  Workspace *ws = data;
  int width = gtk_widget_get_width (ws->toolbar);
  gboolean now_cramped = cramped (ws);

  ws->fit_id = 0;
  if (now_cramped != ws->cramped)
    {
      ws->cramped = now_cramped;
      apply (ws);  /* (queues this again for the labels) */
      return G_SOURCE_REMOVE;
    }
  if (width <= 0)
    return G_SOURCE_REMOVE;
  if (ws->labels_shown)
    {
      gtk_widget_measure (ws->toolbar, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &ws->labels_width, NULL, NULL);
      ws->compare_width = 0;
      if (ws->compare_label != NULL)
        gtk_widget_measure (ws->compare_label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &ws->compare_width,
                            NULL, NULL);
      if (ws->compare_width > 0)
        ws->compare_width += gtk_box_get_spacing (GTK_BOX (ws->toolbar));
    }
  show_labels (ws, !ws->narrow && width >= ws->labels_width - ws->compare_width,
               width >= ws->labels_width);
  return G_SOURCE_REMOVE;
}

static void
queue_fit (Workspace *ws)
{
  if (ws->fit_id == 0)
    ws->fit_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fit_labels_idle, ws, NULL);
}

static void
on_view_change (GSimpleAction *action,
                GVariant      *value,
                Workspace     *ws)
{
  const char *view = g_variant_get_string (value, NULL);

  if (!g_str_equal (view, "list") && !g_str_equal (view, "timeline") && !g_str_equal (view, "both"))
    return;
  g_simple_action_set_state (action, value);
  if (ws->settings != NULL)
    g_settings_set_string (ws->settings, "workspace-view", view);
  apply (ws);
}

static void
on_narrow (Workspace *ws)
{
  gboolean narrow = FALSE;

  if (ws->root != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (ws->root), "narrow") != NULL)
    g_object_get (ws->root, "narrow", &narrow, NULL);
  if (narrow == ws->narrow)
    return;
  ws->narrow = narrow;
  apply (ws);
  queue_fit (ws);
}

static void
on_root (GtkWidget  *page,
         GParamSpec *pspec,
         Workspace  *ws)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (page));

  if (root == ws->root)
    return;
  if (ws->root != NULL)
    g_signal_handlers_disconnect_by_data (ws->root, ws);
  ws->root = root;
  if (root != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (root), "narrow") != NULL)
    g_signal_connect_swapped (root, "notify::narrow", G_CALLBACK (on_narrow), ws);
  /* A window's default size follows its size when it is resized. */
  if (root != NULL)
    {
      g_signal_connect_swapped (root, "notify::default-width", G_CALLBACK (queue_fit), ws);
      g_signal_connect_swapped (root, "notify::maximized", G_CALLBACK (queue_fit), ws);
    }
  on_narrow (ws);
}

/* The labels of the toolbar's buttons that have an icon beside them. */
static void
collect_labels (GtkWidget *widget,
                gboolean   in_button,
                GPtrArray *labels)
{
  if (in_button && GTK_IS_LABEL (widget) && GTK_IS_IMAGE (gtk_widget_get_prev_sibling (widget)))
    {
      /* Their room goes first when the window is narrow. */
      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
      g_ptr_array_add (labels, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, in_button || GTK_IS_BUTTON (widget), labels);
}

/* A child of the page's template by its id (GtkBuilder keeps the ids). */
static GtkWidget *
template_child (GtkWidget  *widget,
                const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = template_child (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
mp_workspace_setup (GtkWidget *page)
{
  Workspace *ws = g_new0 (Workspace, 1);
  GSettingsSchema *schema;
  GtkWidget *toolbar, *toggle, *view;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  const char *initial = "both";

  g_return_if_fail (GTK_IS_WIDGET (page));

  ws->page = page;
  ws->paned = GTK_PANED (template_child (page, "paned"));
  ws->split = GTK_PANED (template_child (page, "split"));
  ws->list = template_child (page, "list_box");
  ws->timeline = template_child (page, "timeline");
  ws->detail = template_child (page, "detail");
  toolbar = template_child (page, "toolbar");
  view = template_child (page, "view");
  g_return_if_fail (ws->paned && ws->split && ws->list && ws->timeline && ws->detail && toolbar && view);
  g_object_ref (ws->timeline);
  g_object_ref (ws->detail);

  /* What F6 walks: list, timeline, details. */
  gtk_widget_add_css_class (view, "mp-pane");
  gtk_widget_add_css_class (ws->timeline, "mp-pane");
  gtk_widget_add_css_class (ws->detail, "mp-pane");

  ws->toolbar = toolbar;
  ws->compare_label = template_child (page, "compare_label");
  ws->labels = g_ptr_array_new ();
  ws->labels_shown = TRUE;
  collect_labels (toolbar, FALSE, ws->labels);
  g_signal_connect_swapped (toolbar, "map", G_CALLBACK (queue_fit), ws);

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  if (schema != NULL)
    {
      if (g_settings_schema_has_key (schema, "workspace-view") && g_settings_schema_has_key (schema, "timeline-split"))
        {
          g_autofree char *stored = NULL;

          ws->settings = g_settings_new (APP_ID);
          stored = g_settings_get_string (ws->settings, "workspace-view");
          initial = g_intern_string (stored);
          g_settings_bind (ws->settings, "timeline-split", ws->split, "position", G_SETTINGS_BIND_DEFAULT);
        }
      g_settings_schema_unref (schema);
    }
  if (!g_str_equal (initial, "list") && !g_str_equal (initial, "timeline"))
    initial = "both";
  ws->view_action = g_simple_action_new_stateful ("view", G_VARIANT_TYPE_STRING, g_variant_new_string (initial));
  g_signal_connect (ws->view_action, "change-state", G_CALLBACK (on_view_change), ws);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (ws->view_action));
  gtk_widget_insert_action_group (page, "workspace", G_ACTION_GROUP (group));

  /* The toggle: list only, both, timeline only, then collapse and expand
   * all; one menu, so that it costs the toolbar one button (at 720 px the
   * toolbar has room for no more). */
  {
    g_autoptr(GMenu) menu = g_menu_new ();
    g_autoptr(GMenu) views = g_menu_new ();
    g_autoptr(GMenu) rows = g_menu_new ();

    g_menu_append (views, _("List Only"), "workspace.view::list");
    g_menu_append (views, _("List and Timeline"), "workspace.view::both");
    g_menu_append (views, _("Timeline Only"), "workspace.view::timeline");
    g_menu_append (rows, _("Collapse All"), "milestones.collapse-all");
    g_menu_append (rows, _("Expand All"), "milestones.expand-all");
    g_menu_append_section (menu, NULL, G_MENU_MODEL (views));
    g_menu_append_section (menu, NULL, G_MENU_MODEL (rows));
    toggle = gtk_menu_button_new ();
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (toggle), "view-continuous-symbolic");
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (toggle), G_MENU_MODEL (menu));
    gtk_widget_set_name (toggle, "view-toggle");
    gtk_widget_set_tooltip_text (toggle, _("Show the list, the timeline or both"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show"), -1);
    gtk_box_append (GTK_BOX (toolbar), toggle);
  }

  g_object_set_data_full (G_OBJECT (page), "mp-workspace", ws, workspace_free);
  g_signal_connect_swapped (ws->detail, "notify::visible", G_CALLBACK (apply), ws);
  g_signal_connect (page, "notify::root", G_CALLBACK (on_root), ws);
  apply (ws);
}

void
mp_workspace_allocated (GtkWidget *page,
                        int        width)
{
  Workspace *ws = g_object_get_data (G_OBJECT (page), "mp-workspace");

  g_return_if_fail (ws != NULL);
  /* Decided after the allocation, laid out in the next frame. */
  if (width != ws->width)
    {
      ws->width = width;
      queue_fit (ws);
    }
}

const char *
mp_workspace_get_view (GtkWidget *page)
{
  Workspace *ws = g_object_get_data (G_OBJECT (page), "mp-workspace");

  g_return_val_if_fail (ws != NULL, NULL);
  return view_of (ws);
}
