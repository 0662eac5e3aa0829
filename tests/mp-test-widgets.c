/* mp-test-widgets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mp-test-widgets.h"

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
mp_test_spin_frames (int n)
{
  for (int i = 0; i < n; i++)
    {
      gboolean done = FALSE;

      g_timeout_add (20, timeout_cb, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
    }
}

MpDocument *
mp_test_load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  MpDocument *doc = mp_document_load (file, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

GtkWidget *
mp_test_find_widget (GtkWidget *root,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = mp_test_find_widget (child, type);
      if (found)
        return found;
    }
  return NULL;
}

GtkWidget *
mp_test_find_named (GtkWidget  *root,
                    const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = mp_test_find_named (c, name);

      if (found)
        return found;
    }
  return NULL;
}

void
mp_test_collect_labels (GtkWidget *root,
                        gboolean   mapped_only,
                        GString   *out)
{
  if (GTK_IS_LABEL (root) && (!mapped_only || gtk_widget_get_mapped (root)))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (root)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    mp_test_collect_labels (child, mapped_only, out);
}

GtkWidget *
mp_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (w))
        return w;
    }
  return NULL;
}

static GskRenderNode *
snapshot_node (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (snapshot);
}

GdkTexture *
mp_test_render_widget (GtkWidget *widget)
{
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer;

  /* On a busy machine the first layout and frame may not have happened
   * yet: until then the widget draws nothing. */
  MP_TEST_SPIN_UNTIL (gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0 &&
                      gtk_widget_get_height (widget) > 0 && (node = snapshot_node (widget)) != NULL);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                           gtk_widget_get_height (widget)));
}

void
mp_test_screenshot (GtkWidget  *widget,
                    const char *env_var,
                    const char *name)
{
  const char *dir = g_getenv (env_var);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  mp_test_spin_frames (5);
  texture = mp_test_render_widget (widget);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}
