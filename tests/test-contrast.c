/* test-contrast.c: contrast of the app's own colours, measured from pixels
 *
 * Renders labels with the app's style classes (overdue, warning, later,
 * earlier, dropped, done) on the page and on a selected row of a list, in
 * light, dark, high contrast and dark high contrast, and measures the
 * contrast between each label's text and what is really behind it: the
 * most common colour in the label's box against the pixel that differs
 * from it most (the core of a glyph). Text must reach 4.5:1 (WCAG AA).
 * Under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "mp-style.h"
#include "mp-timeline-render.h"
#include "mp-test-widgets.h"

static const char *classes[] = { "overdue", "warning", "later", "earlier", "dropped", "task-done", NULL };

static double
channel (guint8 v)
{
  double c = v / 255.0;

  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const guint8 *p)
{
  /* GDK_MEMORY_DEFAULT is B8G8R8A8 premultiplied on little endian. */
  return 0.2126 * channel (p[2]) + 0.7152 * channel (p[1]) + 0.0722 * channel (p[0]);
}

static double
ratio (double a, double b)
{
  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

/* Contrast of the text in @rect of the rendered pixels. */
static double
measure (const guint8 *pixels, gsize stride, int width, int height, const graphene_rect_t *rect)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint32 background = 0;
  guint best = 0;
  double lb, worst = 1.0;
  int x0 = MAX (0, (int) rect->origin.x), y0 = MAX (0, (int) rect->origin.y);
  int x1 = MIN (width, (int) (rect->origin.x + rect->size.width));
  int y1 = MIN (height, (int) (rect->origin.y + rect->size.height));

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 v = *(const guint32 *) (pixels + y * stride + x * 4);
        guint c = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (v))) + 1;

        g_hash_table_insert (counts, GUINT_TO_POINTER (v), GUINT_TO_POINTER (c));
        if (c > best)
          best = c, background = v;
      }
  lb = luminance ((const guint8 *) &background);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      worst = MAX (worst, ratio (lb, luminance (pixels + y * stride + x * 4)));
  return worst;
}

static GtkWidget *
labelled (const char *cls)
{
  GtkWidget *label = gtk_label_new ("Security review 26 Feb");

  gtk_widget_add_css_class (label, cls);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  return label;
}

static void
check_theme (gconstpointer data)
{
  const char *theme = data;
  GtkSettings *settings = gtk_settings_get_default ();
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GtkWidget *window, *box, *page, *list;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint8 *pixels = NULL;
  int width, height;
  gsize stride;

  mp_style_apply (settings, strstr (theme, "dark") ? MP_COLOR_SCHEME_PREFER_DARK : MP_COLOR_SCHEME_DEFAULT,
                  g_str_has_prefix (theme, "high-contrast"));
  gtk_css_provider_load_from_resource (css, "/com/example/MutualPlan/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  window = gtk_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  page = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (page, "view");
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "rich-list");
  for (int i = 0; classes[i] != NULL; i++)
    gtk_box_append (GTK_BOX (page), labelled (classes[i]));
  for (int r = 0; r < 2; r++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      for (int i = 0; classes[i] != NULL; i++)
        gtk_box_append (GTK_BOX (row), labelled (classes[i]));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_list_box_select_row (GTK_LIST_BOX (list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  gtk_box_append (GTK_BOX (box), page);
  gtk_box_append (GTK_BOX (box), list);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  mp_test_spin_frames (10);

  texture = mp_test_render_widget (window);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  stride = width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);

  /* Every label: on the page, on a row, on the selected row. */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    GtkWidget *stack[64];
    int top = 0;

    stack[top++] = box;
    while (top > 0)
      {
        GtkWidget *w = stack[--top];

        if (GTK_IS_LABEL (w))
          g_ptr_array_add (labels, w);
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && top < 64; c = gtk_widget_get_next_sibling (c))
          stack[top++] = c;
      }
    g_assert_cmpuint (labels->len, ==, 3 * 6);
    for (guint i = 0; i < labels->len; i++)
      {
        GtkWidget *label = labels->pdata[i];
        graphene_rect_t bounds;
        GtkWidget *row = gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);
        const char *where = row == NULL ? "page" : gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)) ? "selected row" : "row";
        double r;

        g_assert_true (gtk_widget_compute_bounds (label, window, &bounds));
        r = measure (pixels, stride, width, height, &bounds);
        g_test_message ("%s: %s on the %s: %.2f:1", theme, gtk_widget_get_css_classes (label)[0], where, r);
        if (r < 4.5)
          g_test_fail_printf ("%s: text of class %s on the %s is %.2f:1, less than 4.5:1",
                              theme, gtk_widget_get_css_classes (label)[0], where, r);
      }
  }
  mp_test_screenshot (window, "MP_SCREENSHOT_DIR", theme);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
  gtk_window_destroy (GTK_WINDOW (window));
  mp_style_apply (settings, MP_COLOR_SCHEME_DEFAULT, FALSE);
}

/* The timeline's selected row: drawn with and without the selection, the
 * pixels that change must include a mark of 3:1 or more against what was
 * there (the band alone was 1.2:1). */
static void
check_timeline_selection (void)
{
  g_autoptr(MpDocument) document = mp_test_load_fixture ("acme-rollout.mplan");
  g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (mp_document_get_plan (document));

  for (int kind = MP_TIMELINE_PALETTE_LIGHT; kind <= MP_TIMELINE_PALETTE_HIGH_CONTRAST; kind++)
    {
      cairo_surface_t *plain = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900, 300);
      cairo_surface_t *selected = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900, 300);
      MpTimelineView view;
      double best = 1.0;
      cairo_t *cr;

      mp_timeline_view_init (&view, 900, 300);
      view.palette = mp_timeline_palette_get (kind);
      view.label_width = 200;
      cr = cairo_create (plain);
      mp_timeline_render (cr, layout, &view);
      cairo_destroy (cr);
      view.selected = 2;
      cr = cairo_create (selected);
      mp_timeline_render (cr, layout, &view);
      cairo_destroy (cr);
      cairo_surface_flush (plain);
      cairo_surface_flush (selected);
      for (int y = 0; y < 300; y++)
        for (int x = 200; x < 900; x++)
          {
            const guint8 *a = cairo_image_surface_get_data (plain) + y * cairo_image_surface_get_stride (plain) + x * 4;
            const guint8 *b = cairo_image_surface_get_data (selected) + y * cairo_image_surface_get_stride (selected) + x * 4;

            best = MAX (best, ratio (luminance (a), luminance (b)));
          }
      g_test_message ("timeline palette %d: selection mark %.2f:1", kind, best);
      if (best < 3.0)
        g_test_fail_printf ("timeline palette %d: the selected row differs by %.2f:1 at most, less than 3:1", kind, best);
      cairo_surface_destroy (plain);
      cairo_surface_destroy (selected);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  g_test_add_data_func ("/contrast/light", "light", check_theme);
  g_test_add_data_func ("/contrast/dark", "dark", check_theme);
  g_test_add_data_func ("/contrast/high-contrast", "high-contrast", check_theme);
  g_test_add_data_func ("/contrast/high-contrast-dark", "high-contrast-dark", check_theme);
  g_test_add_func ("/contrast/timeline-selection", check_timeline_selection);
  return g_test_run ();
}
