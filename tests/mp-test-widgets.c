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
mp_test_find_visible (GtkWidget *root,
                      GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = mp_test_find_visible (c, type);

      if (found != NULL)
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

/* ---- what a user would see cut ---- */

/* The room outside the border box that gtk_widget_measure() counts: the
 * widget's margins and its CSS margin. */
static int
outer_margin (GtkWidget *widget)
{
  GtkBorder margin;

  gtk_style_context_get_margin (gtk_widget_get_style_context (widget), &margin);
  return margin.left + margin.right + gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget);
}

static gboolean
is_scrolled_content (GtkWidget *parent)
{
  /* Children of a scrollable (a viewport, a list, a text view) may lie
   * outside it: that is scrolling, not cutting. */
  return GTK_IS_SCROLLABLE (parent) || GTK_IS_SCROLLED_WINDOW (parent);
}

static char *
describe (GtkWidget *widget)
{
  GString *s = g_string_new (G_OBJECT_TYPE_NAME (widget));
  int depth = 0;

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (s, " “%s”", gtk_label_get_text (GTK_LABEL (widget)));
  else
    {
      g_autoptr(GString) text = g_string_new (NULL);

      mp_test_collect_labels (widget, TRUE, text);
      g_strdelimit (text->str, "\n", '|');
      if (text->len > 0)
        g_string_append_printf (s, " [%.60s]", text->str);
    }
  for (GtkWidget *p = gtk_widget_get_parent (widget); p != NULL && depth < 4; p = gtk_widget_get_parent (p), depth++)
    {
      const char *name = gtk_widget_get_name (p);

      g_string_append_printf (s, " < %s", G_OBJECT_TYPE_NAME (p));
      if (name != NULL && !g_str_equal (name, G_OBJECT_TYPE_NAME (p)))
        g_string_append_printf (s, "#%s", name);
    }
  return g_string_free (s, FALSE);
}

static guint
find_clipped (GtkWidget *widget,
              GString   *out)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);
  guint found = 0;
  graphene_rect_t bounds;
  int min = 0, nat = 0, need;

  if (!gtk_widget_get_mapped (widget) || !gtk_widget_get_child_visible (widget))
    return 0;
  /* A window in another native (a popover) is checked on its own. */
  if (parent != NULL && GTK_IS_NATIVE (widget))
    return 0;
  if (!gtk_widget_compute_bounds (widget, parent != NULL ? parent : widget, &bounds))
    return 0;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  /* A label that neither ellipsizes nor wraps shows all its text only
   * at its natural width; anything else at least at its minimum. */
  need = GTK_IS_LABEL (widget) && !gtk_label_get_wrap (GTK_LABEL (widget)) &&
         gtk_label_get_ellipsize (GTK_LABEL (widget)) == PANGO_ELLIPSIZE_NONE
           ? nat : min;
  need -= outer_margin (widget);
  /* A scrollable narrower than its content scrolls (see
   * mp_test_find_hscrolled()). */
  if (need > 0 && bounds.size.width + 0.5 < need && !GTK_IS_SCROLLABLE (widget))
    {
      g_autofree char *what = describe (widget);

      g_string_append_printf (out, "%s: %d px wide, needs %d\n", what, (int) bounds.size.width, need);
      found++;
    }
  else if (parent != NULL && !is_scrolled_content (parent) && bounds.size.width > 0 &&
           /* (Themes draw some borders a pixel or two outside.) */
           (bounds.origin.x < -2.5 ||
            bounds.origin.x + bounds.size.width > gtk_widget_get_width (parent) + 2.5))
    {
      g_autofree char *what = describe (widget);

      g_string_append_printf (out, "%s: at x %d–%d, outside its parent (0–%d)\n", what, (int) bounds.origin.x,
                              (int) (bounds.origin.x + bounds.size.width), gtk_widget_get_width (parent));
      found++;
    }
  if (found > 0 && !GTK_IS_LABEL (widget))
    return found;  /* one line for a cut container, not one per child */
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    found += find_clipped (c, out);
  return found;
}

guint
mp_test_find_clipped (GtkWidget *root,
                      GString   *out)
{
  return find_clipped (root, out);
}

static guint
find_hscrolled (GtkWidget *widget,
                GString   *out)
{
  guint found = 0;

  if (!gtk_widget_get_mapped (widget) || !gtk_widget_get_child_visible (widget))
    return 0;
  if (GTK_IS_SCROLLABLE (widget))
    {
      GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (widget));

      if (h != NULL && gtk_adjustment_get_upper (h) - gtk_adjustment_get_lower (h) >
                       gtk_adjustment_get_page_size (h) + 0.5)
        {
          g_autofree char *what = describe (widget);

          g_string_append_printf (out, "%s: shows %.0f px of %.0f\n", what, gtk_adjustment_get_page_size (h),
                                  gtk_adjustment_get_upper (h) - gtk_adjustment_get_lower (h));
          found++;
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    found += find_hscrolled (c, out);
  return found;
}

guint
mp_test_find_hscrolled (GtkWidget *root,
                        GString   *out)
{
  return find_hscrolled (root, out);
}
