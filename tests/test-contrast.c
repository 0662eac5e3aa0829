/* test-contrast.c: contrast of the app's own colours, measured from pixels
 *
 * Renders labels with the app's style classes (overdue, warning, later,
 * earlier, dropped, done) on the page and on a selected row of a list, in
 * light, dark, high contrast and dark high contrast, and measures the
 * contrast between each label's text and what is really behind it: the
 * most common colour in the label's box against the pixel that differs
 * from it most (the core of a glyph). Text must reach 4.5:1 (WCAG AA),
 * icons and other marks 3:1 (WCAG 1.4.11): column headers, the warning
 * icon, the timeline's overdue bars, marks, titles, selection and focus
 * ring.
 *
 * Colour vision: the side colours (seller, customer, both) and the
 * status colours (overdue on the timeline; overdue, at risk and earlier
 * in lists) are sampled from rendered pixels, simulated for protanopia
 * and deuteranopia (Machado, Oliveira and Fernandes 2009, severity 1.0,
 * on linear RGB) and must stay at least 12 CIEDE2000 apart. Why 12: 2.3
 * is a just noticeable difference for large patches side by side, and
 * marks as small as a bar or a word, seen apart, need about four to five
 * times that to be told apart at a glance (Szafir 2017, "Modeling Color
 * Difference for Visualization Design"); the simulation at full
 * severity is the worst case. Under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "mp-plan-io.h"
#include "mp-style.h"
#include "mp-timeline-render.h"
#include "mp-test-widgets.h"

static const char *classes[] = { "overdue", "warning", "later", "earlier", "dropped", "task-done", NULL };

/* Machado et al. 2009, severity 1.0, for linear RGB. */
static const double protanopia[3][3] = {
  {  0.152286, 1.052583, -0.204868 },
  {  0.114503, 0.786281,  0.099216 },
  { -0.003882, -0.048116, 1.051998 },
};
static const double deuteranopia[3][3] = {
  {  0.367322, 0.860646, -0.227968 },
  {  0.280085, 0.672501,  0.047413 },
  { -0.011820, 0.042940,  0.968881 },
};
static const double normal_vision[3][3] = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
static const struct { const char *name; const double (*m)[3]; } visions[] = {
  { "normal vision", normal_vision },
  { "protanopia", protanopia },
  { "deuteranopia", deuteranopia },
};
#define MIN_DELTA_E 12.0

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

/* An sRGB colour (0–255) as seen with @m, in CIELAB (D65). */
static void
to_lab (const double rgb[3], const double (*m)[3], double lab[3])
{
  double lin[3], sim[3], xyz[3], f[3];
  static const double white[3] = { 0.95047, 1.0, 1.08883 };

  for (int i = 0; i < 3; i++)
    lin[i] = channel ((guint8) CLAMP (rgb[i] + 0.5, 0, 255));
  for (int i = 0; i < 3; i++)
    sim[i] = CLAMP (m[i][0] * lin[0] + m[i][1] * lin[1] + m[i][2] * lin[2], 0.0, 1.0);
  xyz[0] = 0.4124 * sim[0] + 0.3576 * sim[1] + 0.1805 * sim[2];
  xyz[1] = 0.2126 * sim[0] + 0.7152 * sim[1] + 0.0722 * sim[2];
  xyz[2] = 0.0193 * sim[0] + 0.1192 * sim[1] + 0.9505 * sim[2];
  for (int i = 0; i < 3; i++)
    {
      double t = xyz[i] / white[i];

      f[i] = t > 0.008856 ? cbrt (t) : 7.787 * t + 16.0 / 116.0;
    }
  lab[0] = 116.0 * f[1] - 16.0;
  lab[1] = 500.0 * (f[0] - f[1]);
  lab[2] = 200.0 * (f[1] - f[2]);
}

static double
deg (double r)
{
  return r * 180.0 / G_PI;
}

static double
rad (double d)
{
  return d * G_PI / 180.0;
}

/* CIEDE2000 (Sharma, Wu and Dalal 2005). */
static double
delta_e_2000 (const double a[3], const double b[3])
{
  double c1 = hypot (a[1], a[2]), c2 = hypot (b[1], b[2]), cb = (c1 + c2) / 2.0;
  double g = 0.5 * (1.0 - sqrt (pow (cb, 7) / (pow (cb, 7) + pow (25.0, 7))));
  double a1 = (1 + g) * a[1], a2 = (1 + g) * b[1];
  double c1p = hypot (a1, a[2]), c2p = hypot (a2, b[2]);
  double h1 = fmod (deg (atan2 (a[2], a1)) + 360.0, 360.0), h2 = fmod (deg (atan2 (b[2], a2)) + 360.0, 360.0);
  double dl = b[0] - a[0], dc = c2p - c1p, dh, dhh, lb, cbp, hb, t, dth, rc, sl, sc, sh, rt;

  if (c1p * c2p == 0)
    dh = 0;
  else if (fabs (h2 - h1) <= 180)
    dh = h2 - h1;
  else
    dh = h2 - h1 > 180 ? h2 - h1 - 360 : h2 - h1 + 360;
  dhh = 2 * sqrt (c1p * c2p) * sin (rad (dh / 2));
  lb = (a[0] + b[0]) / 2;
  cbp = (c1p + c2p) / 2;
  if (c1p * c2p == 0)
    hb = h1 + h2;
  else if (fabs (h1 - h2) <= 180)
    hb = (h1 + h2) / 2;
  else
    hb = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
  t = 1 - 0.17 * cos (rad (hb - 30)) + 0.24 * cos (rad (2 * hb)) + 0.32 * cos (rad (3 * hb + 6))
      - 0.20 * cos (rad (4 * hb - 63));
  dth = 30 * exp (-pow ((hb - 275) / 25, 2));
  rc = 2 * sqrt (pow (cbp, 7) / (pow (cbp, 7) + pow (25.0, 7)));
  sl = 1 + 0.015 * pow (lb - 50, 2) / sqrt (20 + pow (lb - 50, 2));
  sc = 1 + 0.045 * cbp;
  sh = 1 + 0.015 * cbp * t;
  rt = -sin (rad (2 * dth)) * rc;
  return sqrt (pow (dl / sl, 2) + pow (dc / sc, 2) + pow (dhh / sh, 2) + rt * (dc / sc) * (dhh / sh));
}

typedef struct {
  const char *name;
  double      rgb[3];
} Sample;

/* Fails when two of @samples come closer than MIN_DELTA_E in any of
 * the three visions. */
static void
check_distinct (const char *where, const Sample *samples, guint n)
{
  for (guint v = 0; v < G_N_ELEMENTS (visions); v++)
    for (guint i = 0; i < n; i++)
      for (guint j = i + 1; j < n; j++)
        {
          double la[3], lb[3], de;

          to_lab (samples[i].rgb, visions[v].m, la);
          to_lab (samples[j].rgb, visions[v].m, lb);
          de = delta_e_2000 (la, lb);
          g_test_message ("%s, %s: %s (%.0f,%.0f,%.0f) vs %s (%.0f,%.0f,%.0f): ΔE00 %.1f", where, visions[v].name,
                          samples[i].name, samples[i].rgb[0], samples[i].rgb[1], samples[i].rgb[2],
                          samples[j].name, samples[j].rgb[0], samples[j].rgb[1], samples[j].rgb[2], de);
          if (de < MIN_DELTA_E)
            g_test_fail_printf ("%s, %s: %s and %s are %.1f CIEDE2000 apart, less than %.0f",
                                where, visions[v].name, samples[i].name, samples[j].name, de, MIN_DELTA_E);
        }
}

/* A pixel of a cairo RGB24/ARGB32 image or a downloaded texture (both
 * B, G, R, A in memory on little endian) as sRGB 0–255. */
static void
pixel_rgb (const guint8 *p, double rgb[3])
{
  rgb[0] = p[2];
  rgb[1] = p[1];
  rgb[2] = p[0];
}

static double
rgb_distance (const guint8 *a, const guint8 *b)
{
  return fabs ((double) a[0] - b[0]) + fabs ((double) a[1] - b[1]) + fabs ((double) a[2] - b[2]);
}

/* The most common colour of the pixels in the rectangle. */
static guint32
mode_colour (const guint8 *pixels, gsize stride, int width, int height, double rx, double ry, double rw, double rh)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint32 mode = 0;
  guint best = 0;

  for (int y = MAX (0, (int) ry); y < MIN (height, (int) (ry + rh)); y++)
    for (int x = MAX (0, (int) rx); x < MIN (width, (int) (rx + rw)); x++)
      {
        guint32 v = *(const guint32 *) (pixels + y * stride + x * 4) | 0xff000000u;
        guint c = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (v))) + 1;

        g_hash_table_insert (counts, GUINT_TO_POINTER (v), GUINT_TO_POINTER (c));
        if (c > best)
          best = c, mode = v;
      }
  return mode;
}

/* The colour of the mark in the rectangle: of the pixels farthest from
 * @background (within 80 % of the farthest: anti-aliased edges left
 * out), the most common. */
static guint32
mark_colour (const guint8 *pixels, gsize stride, int width, int height, double rx, double ry, double rw, double rh,
             guint32 background)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  double far = 0;
  guint32 mode = background;
  guint best = 0;
  int x0 = MAX (0, (int) rx), x1 = MIN (width, (int) (rx + rw));
  int y0 = MAX (0, (int) ry), y1 = MIN (height, (int) (ry + rh));

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      far = MAX (far, rgb_distance (pixels + y * stride + x * 4, (const guint8 *) &background));
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        const guint8 *p = pixels + y * stride + x * 4;
        guint32 v = *(const guint32 *) p | 0xff000000u;
        guint c;

        if (rgb_distance (p, (const guint8 *) &background) < 0.8 * far)
          continue;
        c = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (v))) + 1;
        g_hash_table_insert (counts, GUINT_TO_POINTER (v), GUINT_TO_POINTER (c));
        if (c > best)
          best = c, mode = v;
      }
  return mode;
}

/* The highest contrast of a pixel in the rectangle against @background. */
static double
max_contrast (const guint8 *pixels, gsize stride, int width, int height, double rx, double ry, double rw, double rh,
              guint32 background)
{
  double lb = luminance ((const guint8 *) &background), worst = 1.0;

  for (int y = MAX (0, (int) ry); y < MIN (height, (int) (ry + rh)); y++)
    for (int x = MAX (0, (int) rx); x < MIN (width, (int) (rx + rw)); x++)
      worst = MAX (worst, ratio (lb, luminance (pixels + y * stride + x * 4)));
  return worst;
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
warning_icon (void)
{
  GtkWidget *image = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (image, "warning");
  gtk_image_set_pixel_size (GTK_IMAGE (image), 16);
  return image;
}

static void
setup_text (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
bind_text (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* A table like the Milestones page's, for its column headers. */
static GtkWidget *
table (void)
{
  const char *rows[] = { "Security review", "Legal review", NULL };
  GtkStringList *model = gtk_string_list_new (rows);
  GtkWidget *view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (model))));

  for (int i = 0; i < 2; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_text), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_text), NULL);
      column = gtk_column_view_column_new (i == 0 ? "Milestone" : "Customer owner", factory);
      gtk_column_view_column_set_fixed_width (column, 160);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  gtk_widget_add_css_class (view, "milestones");
  return view;
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
  gtk_box_append (GTK_BOX (page), warning_icon ());
  for (int r = 0; r < 2; r++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      for (int i = 0; classes[i] != NULL; i++)
        gtk_box_append (GTK_BOX (row), labelled (classes[i]));
      gtk_box_append (GTK_BOX (row), warning_icon ());
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_list_box_select_row (GTK_LIST_BOX (list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  gtk_box_append (GTK_BOX (box), page);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), table ());
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
    g_autoptr(GPtrArray) headers = g_ptr_array_new ();
    g_autoptr(GPtrArray) icons = g_ptr_array_new ();
    GtkWidget *stack[256];
    int top = 0;

    stack[top++] = box;
    while (top > 0)
      {
        GtkWidget *w = stack[--top];

        if (GTK_IS_LABEL (w) && gtk_widget_get_ancestor (w, GTK_TYPE_COLUMN_VIEW) != NULL)
          {
            const char *text = gtk_label_get_text (GTK_LABEL (w));

            if (g_strcmp0 (text, "Milestone") == 0 || g_strcmp0 (text, "Customer owner") == 0)
              g_ptr_array_add (headers, w);
          }
        else if (GTK_IS_LABEL (w))
          g_ptr_array_add (labels, w);
        else if (GTK_IS_IMAGE (w) && gtk_widget_has_css_class (w, "warning"))
          g_ptr_array_add (icons, w);
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && top < 256; c = gtk_widget_get_next_sibling (c))
          stack[top++] = c;
      }
    g_assert_cmpuint (labels->len, ==, 3 * 6);
    g_assert_cmpuint (headers->len, ==, 2);
    /* The status colours of lists (overdue, at risk, earlier) told apart
     * in every vision, sampled from the glyphs on the page. */
    {
      static const char *status_classes[] = { "overdue", "warning", "earlier" };
      static const char *status_names[] = { "overdue", "at risk", "earlier (done)" };
      Sample samples[3];
      g_autofree char *where = g_strdup_printf ("list, %s", theme);

      for (guint i = 0; i < labels->len; i++)
        {
          GtkWidget *label = labels->pdata[i];
          graphene_rect_t b;

          if (gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW) != NULL)
            continue;
          g_assert_true (gtk_widget_compute_bounds (label, window, &b));
          for (guint k = 0; k < G_N_ELEMENTS (status_classes); k++)
            if (gtk_widget_has_css_class (label, status_classes[k]))
              {
                guint32 bg = mode_colour (pixels, stride, width, height, b.origin.x, b.origin.y, b.size.width, b.size.height);
                guint32 c = mark_colour (pixels, stride, width, height, b.origin.x, b.origin.y, b.size.width, b.size.height, bg);

                samples[k].name = status_names[k];
                pixel_rgb ((const guint8 *) &c, samples[k].rgb);
              }
        }
      check_distinct (where, samples, G_N_ELEMENTS (samples));
    }
    g_assert_cmpuint (icons->len, ==, 3);
    /* Column headers are text; the warning icon is a mark (3:1). */
    for (guint i = 0; i < headers->len + icons->len; i++)
      {
        gboolean header = i < headers->len;
        GtkWidget *w = header ? headers->pdata[i] : icons->pdata[i - headers->len];
        GtkWidget *row = gtk_widget_get_ancestor (w, GTK_TYPE_LIST_BOX_ROW);
        const char *where = row == NULL ? "page" : gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)) ? "selected row" : "row";
        graphene_rect_t bounds;
        double r, min = header ? 4.5 : 3.0;

        g_assert_true (gtk_widget_compute_bounds (w, window, &bounds));
        r = measure (pixels, stride, width, height, &bounds);
        g_test_message ("%s: %s on the %s: %.2f:1", theme, header ? "column header" : "warning icon", where, r);
        if (r < min)
          g_test_fail_printf ("%s: %s on the %s is %.2f:1, less than %.1f:1",
                              theme, header ? "column header" : "warning icon", where, r, min);
      }
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

/* A plan with one bar of each colour: sides (done: filled), overdue,
 * at risk (due after the target). Today is 2027-03-25. The overdue bar
 * is too short for its title, which stands beside it. */
static const char colour_plan[] =
  "{ \"format\": \"mutualplan\", \"version\": 1, \"id\": \"7d7c1a2e-0f59-4e0e-9d6e-0c5b3f6a1b22\","
  "  \"title\": \"Colours\", \"target\": \"2027-04-09\","
  "  \"participants\": ["
  "    { \"id\": \"p-s\", \"name\": \"Sam Seller\", \"side\": \"seller\" },"
  "    { \"id\": \"p-c\", \"name\": \"Cleo Customer\", \"side\": \"customer\" } ],"
  "  \"milestones\": ["
  "    { \"id\": \"m-s\", \"title\": \"Seller\", \"responsible\": \"seller\", \"seller_owner\": \"p-s\","
  "      \"customer_owner\": \"p-c\", \"start\": \"2027-02-01\", \"due\": \"2027-02-12\", \"status\": \"done\" },"
  "    { \"id\": \"m-c\", \"title\": \"Customer\", \"responsible\": \"customer\", \"seller_owner\": \"p-s\","
  "      \"customer_owner\": \"p-c\", \"start\": \"2027-02-01\", \"due\": \"2027-02-12\", \"status\": \"done\" },"
  "    { \"id\": \"m-b\", \"title\": \"Both\", \"responsible\": \"both\", \"seller_owner\": \"p-s\","
  "      \"customer_owner\": \"p-c\", \"start\": \"2027-02-01\", \"due\": \"2027-02-12\", \"status\": \"done\" },"
  "    { \"id\": \"m-o\", \"title\": \"Overdue\", \"responsible\": \"customer\", \"seller_owner\": \"p-s\","
  "      \"customer_owner\": \"p-c\", \"start\": \"2027-02-10\", \"due\": \"2027-02-12\", \"status\": \"planned\" },"
  "    { \"id\": \"m-r\", \"title\": \"At risk\", \"responsible\": \"customer\", \"seller_owner\": \"p-s\","
  "      \"customer_owner\": \"p-c\", \"start\": \"2027-04-01\", \"due\": \"2027-04-12\", \"status\": \"planned\" } ] }";

enum { M_SELLER, M_CUSTOMER, M_BOTH, M_OVERDUE, M_AT_RISK };

typedef struct {
  cairo_surface_t *surface;
  const guint8    *pixels;
  gsize            stride;
  int              width, height;
} Picture;

static void
render_colour_plan (MpTimelineLayout *layout, MpTimelineView *view, Picture *pic)
{
  cairo_t *cr;

  pic->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) view->width, (int) view->height);
  cr = cairo_create (pic->surface);
  mp_timeline_render (cr, layout, view);
  cairo_destroy (cr);
  cairo_surface_flush (pic->surface);
  pic->pixels = cairo_image_surface_get_data (pic->surface);
  pic->stride = cairo_image_surface_get_stride (pic->surface);
  pic->width = cairo_image_surface_get_width (pic->surface);
  pic->height = cairo_image_surface_get_height (pic->surface);
}

static void
colour_view (MpTimelineView *view, int kind)
{
  mp_timeline_view_init (view, 900, 260);
  view->palette = mp_timeline_palette_get (kind);
  view->today = mp_date_from_ymd (2027, 3, 25);
  view->scale = mp_scale_init (mp_date_from_ymd (2027, 1, 25), 8.0);
  view->row_height = 32;
}

static const char *palette_names[] = { "light", "dark", "high contrast" };

/* The timeline's side and status colours, sampled from the bars drawn,
 * stay apart in normal vision, protanopia and deuteranopia. */
static void
check_cvd_timeline (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = mp_plan_load_from_data (colour_plan, strlen (colour_plan), "colours.mplan", &error);
  g_autoptr(MpTimelineLayout) layout = NULL;

  g_assert_no_error (error);
  layout = mp_timeline_layout_new (plan);
  for (int kind = MP_TIMELINE_PALETTE_LIGHT; kind <= MP_TIMELINE_PALETTE_HIGH_CONTRAST; kind++)
    {
      static const char *names[] = { "seller", "customer", "both", "overdue" };
      MpTimelineView view;
      Picture pic;
      Sample samples[4];
      g_autofree char *where = g_strdup_printf ("timeline, %s", palette_names[kind]);

      colour_view (&view, kind);
      render_colour_plan (layout, &view, &pic);
      for (int i = M_SELLER; i <= M_OVERDUE; i++)
        {
          double x, y, w, h, row_y = mp_timeline_row_get_y (&view, mp_timeline_layout_get_milestone_row (layout, i));
          guint32 background, c;

          g_assert_true (mp_timeline_get_milestone_rect (layout, &view, i, &x, &y, &w, &h));
          background = mode_colour (pic.pixels, pic.stride, pic.width, pic.height, x + w + 150, row_y, 100,
                                    mp_timeline_view_get_row_height (&view));
          /* The bar's left end: its outline or fill, not its title. */
          c = mark_colour (pic.pixels, pic.stride, pic.width, pic.height, x, y, 4, h, background);
          samples[i].name = names[i];
          pixel_rgb ((const guint8 *) &c, samples[i].rgb);
        }
      check_distinct (where, samples, G_N_ELEMENTS (samples));
      cairo_surface_destroy (pic.surface);
    }
}

/* The timeline's overdue bars, marks and titles against what is behind
 * them, on a plain and on the selected row; the focus ring around the
 * selected bar against the selected row. */
static void
check_timeline_marks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = mp_plan_load_from_data (colour_plan, strlen (colour_plan), "colours.mplan", &error);
  g_autoptr(MpTimelineLayout) layout = NULL;

  g_assert_no_error (error);
  layout = mp_timeline_layout_new (plan);
  for (int kind = MP_TIMELINE_PALETTE_LIGHT; kind <= MP_TIMELINE_PALETTE_HIGH_CONTRAST; kind++)
    for (int selected = 0; selected <= 1; selected++)
      {
        const char *row_kind = selected ? "selected row" : "row";
        double row_h, x, y, w, h, row_y;
        MpTimelineView view;
        Picture pic;
        guint32 background;
        double r_bar, r_mark, r_title, r_risk;

        colour_view (&view, kind);
        view.selected = selected ? M_OVERDUE : -1;
        render_colour_plan (layout, &view, &pic);
        row_h = mp_timeline_view_get_row_height (&view);

        g_assert_true (mp_timeline_get_milestone_rect (layout, &view, M_OVERDUE, &x, &y, &w, &h));
        row_y = mp_timeline_row_get_y (&view, mp_timeline_layout_get_milestone_row (layout, M_OVERDUE));
        /* What is behind: the row far right of everything drawn in it. */
        background = mode_colour (pic.pixels, pic.stride, pic.width, pic.height, x + w + 150, row_y + 4, 100, row_h - 8);
        /* The bar's outline, inside its rectangle. */
        r_bar = max_contrast (pic.pixels, pic.stride, pic.width, pic.height, x, y, w, h, background);
        /* The mark right after the bar (about the bar's height wide). */
        r_mark = max_contrast (pic.pixels, pic.stride, pic.width, pic.height, x + w + 1, y, h, h, background);
        /* The title after the mark. */
        r_title = max_contrast (pic.pixels, pic.stride, pic.width, pic.height, x + w + h + 6, row_y + 2, 90, row_h - 4,
                                background);
        g_assert_true (mp_timeline_get_milestone_rect (layout, &view, M_AT_RISK, &x, &y, &w, &h));
        row_y = mp_timeline_row_get_y (&view, mp_timeline_layout_get_milestone_row (layout, M_AT_RISK));
        r_risk = max_contrast (pic.pixels, pic.stride, pic.width, pic.height, x + w + 1, y, h, h,
                               mode_colour (pic.pixels, pic.stride, pic.width, pic.height, x + w + 150, row_y + 4, 100, row_h - 8));
        g_test_message ("timeline, %s, %s: overdue bar %.2f:1, overdue mark %.2f:1, title %.2f:1, at-risk mark %.2f:1",
                        palette_names[kind], row_kind, r_bar, r_mark, r_title, r_risk);
        if (r_bar < 3.0 || r_mark < 3.0 || r_risk < 3.0)
          g_test_fail_printf ("timeline, %s, %s: a mark is below 3:1 (bar %.2f, overdue mark %.2f, at-risk mark %.2f)",
                              palette_names[kind], row_kind, r_bar, r_mark, r_risk);
        if (r_title < 4.5)
          g_test_fail_printf ("timeline, %s, %s: the title is %.2f:1, less than 4.5:1", palette_names[kind], row_kind, r_title);

        if (selected)
          {
            /* The focus ring: the pixels that change when the focus
             * comes, against what was there. */
            MpTimelineView focused = view;
            Picture after;
            double best = 1.0;

            focused.focused = TRUE;
            render_colour_plan (layout, &focused, &after);
            for (int py = 0; py < pic.height; py++)
              for (int px = 0; px < pic.width; px++)
                best = MAX (best, ratio (luminance (after.pixels + py * after.stride + px * 4),
                                         luminance (pic.pixels + py * pic.stride + px * 4)));
            g_test_message ("timeline, %s: focus ring on the selected bar %.2f:1", palette_names[kind], best);
            if (best < 3.0)
              g_test_fail_printf ("timeline, %s: the focus ring on the selected bar is %.2f:1, less than 3:1",
                                  palette_names[kind], best);
            cairo_surface_destroy (after.surface);
          }
        cairo_surface_destroy (pic.surface);
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
  g_test_add_func ("/contrast/timeline-marks", check_timeline_marks);
  g_test_add_func ("/contrast/cvd-timeline", check_cvd_timeline);
  return g_test_run ();
}
