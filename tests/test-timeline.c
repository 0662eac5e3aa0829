/* test-timeline.c: the date scale, the row layout, the timeline renderer
 * drawn onto cairo image surfaces (no display), hit tests and print tiles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>
#include <cairo.h>

#include "mp-health.h"
#include "mp-model.h"
#include "mp-plan-io.h"
#include "mp-plan-generator.h"
#include "mp-scale.h"
#include "mp-timeline-layout.h"
#include "mp-timeline-render.h"

#define D(y, m, d) mp_date_from_ymd (y, m, d)

/* Helpers */

static MpPlan *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  MpPlan *plan = mp_plan_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static int
milestone_index (MpPlan     *plan,
                 const char *id)
{
  GListModel *ms = G_LIST_MODEL (mp_plan_get_milestones (plan));

  for (guint i = 0; i < g_list_model_get_n_items (ms); i++)
    {
      g_autoptr(MpMilestone) m = g_list_model_get_item (ms, i);

      if (g_strcmp0 (mp_milestone_get_id (m), id) == 0)
        return (int) i;
    }
  g_assert_not_reached ();
  return -1;
}

typedef struct {
  int r, g, b;
} Pixel;

static Pixel
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  unsigned char *data;
  guint32 p;
  Pixel px;

  cairo_surface_flush (surface);
  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));
  data = cairo_image_surface_get_data (surface);
  p = *(guint32 *) (data + iy * cairo_image_surface_get_stride (surface) + ix * 4);
  px.r = (p >> 16) & 0xff;
  px.g = (p >> 8) & 0xff;
  px.b = p & 0xff;
  return px;
}

/* @color at @alpha over @under, as cairo blends it. */
static Pixel
blend (const MpTimelineColor *color,
       double                 alpha,
       Pixel                  under)
{
  double a = color->alpha * alpha;
  Pixel p = {
    (int) round (color->red * 255 * a + under.r * (1 - a)),
    (int) round (color->green * 255 * a + under.g * (1 - a)),
    (int) round (color->blue * 255 * a + under.b * (1 - a)),
  };

  return p;
}

static Pixel
solid (const MpTimelineColor *color)
{
  Pixel white = { 255, 255, 255 };

  return blend (color, 1.0, white);
}

#define assert_pixel_near(surface, x, y, expected, tolerance)                    \
  G_STMT_START {                                                                 \
    Pixel _p = pixel_at (surface, x, y);                                         \
    Pixel _e = (expected);                                                       \
    if (abs (_p.r - _e.r) > (tolerance) || abs (_p.g - _e.g) > (tolerance) ||    \
        abs (_p.b - _e.b) > (tolerance))                                         \
      g_error ("pixel (%d, %d) is #%02x%02x%02x, expected #%02x%02x%02x",        \
               (int) (x), (int) (y), _p.r, _p.g, _p.b, _e.r, _e.g, _e.b);        \
  } G_STMT_END

static gboolean
pixel_equal (Pixel a,
             Pixel b,
             int   tolerance)
{
  return abs (a.r - b.r) <= tolerance && abs (a.g - b.g) <= tolerance &&
         abs (a.b - b.b) <= tolerance;
}

/* The grey of arrows (one, or two drawn over each other). */
static gboolean
is_arrow_grey (Pixel p)
{
  return p.r >= 60 && p.r <= 140 && abs (p.r - p.g) < 12 && abs (p.r - p.b) < 16;
}

static cairo_surface_t *
render (MpTimelineLayout     *layout,
        const MpTimelineView *view)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) view->width, (int) view->height);
  cairo_t *cr = cairo_create (surface);

  mp_timeline_render (cr, layout, view);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Writes @surface as NAME.png into the test's build dir, for people
 * to look at (the tests do not read them back). */
static void
save_png (cairo_surface_t *surface,
          const char      *name)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "timeline-png", NULL);
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GByteArray *png = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, png), ==,
                   CAIRO_STATUS_SUCCESS);
  bytes = g_byte_array_free_to_bytes (png);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
  mp_write_file_atomic (file, bytes, FALSE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("wrote %s", path);
}

/* The ACME fixture from 2027-01-04 at 12 px per day: weeks in the header,
 * every pixel position below is a whole number. */
static void
acme_view (MpTimelineView *view)
{
  mp_timeline_view_init (view, 1440, 400);
  view->scale = mp_scale_init (D (2027, 1, 4), 12.0);
  view->today = D (2027, 2, 17);
}

/* The scale */

static void
test_scale_round_trip (void)
{
  const double zooms[] = { 0.08, 0.3, 1.0, 4.5, 12.0, 33.3, 80.0 };
  const double firsts[] = { 0.0, 0.25, 0.5, 0.999 };

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    for (guint f = 0; f < G_N_ELEMENTS (firsts); f++)
      {
        MpScale s = mp_scale_init (D (2027, 1, 1), zooms[z]);

        s.first += firsts[f];
        for (MpDate d = D (2026, 12, 1); d < D (2027, 3, 1); d += 3)
          {
            double x = mp_scale_x_of_date (&s, d);

            /* The start of a day's column and anything inside it is that day. */
            g_assert_cmpuint (mp_scale_date_at_x (&s, x), ==, d);
            g_assert_cmpuint (mp_scale_date_at_x (&s, x + s.px_per_day * 0.5), ==, d);
            g_assert_cmpuint (mp_scale_date_at_x (&s, mp_scale_x_of_day_center (&s, d)), ==, d);
            g_assert_cmpfloat_with_epsilon (mp_scale_day_at_x (&s, x), (double) d, 1e-6);
            /* Dropping an edge near a boundary snaps to it. */
            g_assert_cmpuint (mp_scale_boundary_at_x (&s, x + s.px_per_day * 0.4), ==, d);
            g_assert_cmpuint (mp_scale_boundary_at_x (&s, x - s.px_per_day * 0.4), ==, d);
            g_assert_cmpuint (mp_scale_boundary_at_x (&s, x + s.px_per_day * 0.6), ==, d + 1);
          }
      }

  {
    MpScale s = mp_scale_init (D (2027, 3, 1), 10.0);

    g_assert_cmpfloat (mp_scale_x_of_date (&s, D (2027, 3, 1)), ==, 0.0);
    g_assert_cmpfloat (mp_scale_x_of_date (&s, D (2027, 3, 11)), ==, 100.0);
    g_assert_cmpfloat (mp_scale_x_of_day_center (&s, D (2027, 3, 2)), ==, 15.0);
    g_assert_cmpuint (mp_scale_get_first_date (&s), ==, D (2027, 3, 1));
    g_assert_cmpuint (mp_scale_get_last_date (&s, 100.0), ==, D (2027, 3, 10));
    g_assert_cmpuint (mp_scale_get_last_date (&s, 101.0), ==, D (2027, 3, 11));
    g_assert_cmpuint (mp_scale_date_at_x (&s, -0.5), ==, D (2027, 2, 28));
    mp_scale_scroll_by (&s, 25.0);
    g_assert_cmpfloat_with_epsilon (s.first, (double) D (2027, 3, 1) + 2.5, 1e-9);
    g_assert_cmpuint (mp_scale_get_first_date (&s), ==, D (2027, 3, 3));
  }

  /* Zoom is kept within its limits. */
  g_assert_cmpfloat (mp_scale_init (1000, 1e6).px_per_day, ==, MP_SCALE_MAX_PX_PER_DAY);
  g_assert_cmpfloat (mp_scale_init (1000, 1e-6).px_per_day, ==, MP_SCALE_MIN_PX_PER_DAY);
  g_assert_cmpfloat (mp_scale_init (1000, -3).px_per_day, >, 0.0);
}

static void
test_scale_zoom (void)
{
  MpScale s = mp_scale_init (D (2027, 1, 1), 8.0);
  double anchor = 333.0;
  double day = mp_scale_day_at_x (&s, anchor);
  MpScale before;

  g_assert_true (mp_scale_zoom_around (&s, 2.0, anchor));
  g_assert_cmpfloat (s.px_per_day, ==, 16.0);
  g_assert_cmpfloat_with_epsilon (mp_scale_day_at_x (&s, anchor), day, 1e-9);

  g_assert_true (mp_scale_zoom_around (&s, 1.0 / MP_SCALE_ZOOM_STEP, 0.0));
  g_assert_cmpfloat_with_epsilon (s.px_per_day, 16.0 / MP_SCALE_ZOOM_STEP, 1e-9);

  /* At the limit nothing changes, not even the position. */
  mp_scale_set_zoom (&s, MP_SCALE_MAX_PX_PER_DAY, 100);
  before = s;
  g_assert_false (mp_scale_zoom_around (&s, 2.0, 100));
  g_assert_cmpfloat (s.first, ==, before.first);
  g_assert_cmpfloat (s.px_per_day, ==, before.px_per_day);

  /* Zooming out and back in returns to the same place. */
  s = mp_scale_init (D (2027, 6, 1), 10.0);
  mp_scale_zoom_around (&s, 0.5, 640);
  mp_scale_zoom_around (&s, 2.0, 640);
  g_assert_cmpfloat_with_epsilon (s.first, (double) D (2027, 6, 1), 1e-9);

  /* Fit: the range fills the width less the margins. */
  mp_scale_fit (&s, D (2027, 1, 1), D (2027, 1, 10), 120.0, 10.0);
  g_assert_cmpfloat_with_epsilon (s.px_per_day, 10.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (mp_scale_x_of_date (&s, D (2027, 1, 1)), 10.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (mp_scale_x_of_date (&s, D (2027, 1, 11)), 110.0, 1e-9);
}

static void
test_scale_header_units (void)
{
  struct { double ppd; MpScaleUnit unit; } cases[] = {
    { 80.0, MP_SCALE_UNIT_DAY }, { 18.0, MP_SCALE_UNIT_DAY }, { 17.9, MP_SCALE_UNIT_WEEK },
    { 4.5, MP_SCALE_UNIT_WEEK }, { 4.4, MP_SCALE_UNIT_MONTH }, { 1.2, MP_SCALE_UNIT_MONTH },
    { 1.1, MP_SCALE_UNIT_QUARTER }, { 0.08, MP_SCALE_UNIT_QUARTER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MpScale s = mp_scale_init (D (2027, 1, 1), cases[i].ppd);

      g_assert_cmpint (mp_scale_get_header_unit (&s), ==, cases[i].unit);
    }
  g_assert_cmpint (mp_scale_unit_parent (MP_SCALE_UNIT_DAY), ==, MP_SCALE_UNIT_MONTH);
  g_assert_cmpint (mp_scale_unit_parent (MP_SCALE_UNIT_WEEK), ==, MP_SCALE_UNIT_MONTH);
  g_assert_cmpint (mp_scale_unit_parent (MP_SCALE_UNIT_MONTH), ==, MP_SCALE_UNIT_YEAR);
  g_assert_cmpint (mp_scale_unit_parent (MP_SCALE_UNIT_QUARTER), ==, MP_SCALE_UNIT_YEAR);

  /* Weeks start on Monday: 2027-03-17 is a Wednesday. */
  g_assert_cmpint (mp_date_weekday (D (2027, 3, 17)), ==, 3);
  g_assert_cmpuint (mp_scale_unit_floor (MP_SCALE_UNIT_WEEK, D (2027, 3, 17)), ==, D (2027, 3, 15));
  g_assert_cmpuint (mp_scale_unit_floor (MP_SCALE_UNIT_WEEK, D (2027, 3, 15)), ==, D (2027, 3, 15));
  g_assert_cmpuint (mp_scale_unit_floor (MP_SCALE_UNIT_WEEK, D (2027, 3, 21)), ==, D (2027, 3, 15));
  g_assert_cmpuint (mp_scale_unit_next (MP_SCALE_UNIT_WEEK, D (2027, 3, 15)), ==, D (2027, 3, 22));
  g_assert_cmpuint (mp_scale_unit_floor (MP_SCALE_UNIT_MONTH, D (2027, 2, 28)), ==, D (2027, 2, 1));
  g_assert_cmpuint (mp_scale_unit_next (MP_SCALE_UNIT_MONTH, D (2027, 12, 1)), ==, D (2028, 1, 1));
  g_assert_cmpuint (mp_scale_unit_floor (MP_SCALE_UNIT_QUARTER, D (2027, 6, 30)), ==, D (2027, 4, 1));
  g_assert_cmpuint (mp_scale_unit_next (MP_SCALE_UNIT_QUARTER, D (2027, 10, 1)), ==, D (2028, 1, 1));
  g_assert_cmpuint (mp_scale_unit_floor (MP_SCALE_UNIT_YEAR, D (2027, 6, 30)), ==, D (2027, 1, 1));
  g_assert_cmpuint (mp_scale_unit_next (MP_SCALE_UNIT_DAY, D (2027, 2, 28)), ==, D (2027, 3, 1));
}

static void
test_scale_iso_weeks_and_labels (void)
{
  struct { int y, m, d, week, iso_year; } weeks[] = {
    { 2027, 1, 1, 53, 2026 },  /* a Friday: still the last week of 2026 */
    { 2027, 1, 3, 53, 2026 },
    { 2027, 1, 4, 1, 2027 },
    { 2027, 3, 17, 11, 2027 },
    { 2026, 12, 31, 53, 2026 },
    { 2024, 12, 30, 1, 2025 }, /* a Monday that belongs to 2025 */
  };
  g_autofree char *w = NULL;
  g_autofree char *wl = NULL;
  g_autofree char *q = NULL;
  g_autofree char *ql = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *ml = NULL;
  g_autofree char *d = NULL;
  g_autofree char *y = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (weeks); i++)
    {
      int iso_year = 0;

      g_assert_cmpint (mp_date_get_iso_week (D (weeks[i].y, weeks[i].m, weeks[i].d), &iso_year), ==,
                       weeks[i].week);
      g_assert_cmpint (iso_year, ==, weeks[i].iso_year);
    }

  w = mp_scale_unit_label (MP_SCALE_UNIT_WEEK, D (2027, 3, 15), MP_SCALE_LABEL_SHORT);
  g_assert_cmpstr (w, ==, "W11");
  wl = mp_scale_unit_label (MP_SCALE_UNIT_WEEK, D (2026, 12, 28), MP_SCALE_LABEL_LONG);
  g_assert_cmpstr (wl, ==, "Week 53, 2026");
  q = mp_scale_unit_label (MP_SCALE_UNIT_QUARTER, D (2027, 7, 1), MP_SCALE_LABEL_SHORT);
  g_assert_cmpstr (q, ==, "Q3");
  ql = mp_scale_unit_label (MP_SCALE_UNIT_QUARTER, D (2027, 10, 1), MP_SCALE_LABEL_LONG);
  g_assert_cmpstr (ql, ==, "Q4 2027");
  mo = mp_scale_unit_label (MP_SCALE_UNIT_MONTH, D (2027, 3, 1), MP_SCALE_LABEL_SHORT);
  g_assert_cmpstr (mo, ==, "Mar");
  ml = mp_scale_unit_label (MP_SCALE_UNIT_MONTH, D (2027, 3, 1), MP_SCALE_LABEL_LONG);
  g_assert_cmpstr (ml, ==, "March 2027");
  d = mp_scale_unit_label (MP_SCALE_UNIT_DAY, D (2027, 3, 17), MP_SCALE_LABEL_MEDIUM);
  g_assert_cmpstr (d, ==, "Wed 17");
  y = mp_scale_unit_label (MP_SCALE_UNIT_YEAR, D (2027, 1, 1), MP_SCALE_LABEL_SHORT);
  g_assert_cmpstr (y, ==, "2027");
}

/* The layout */

static void
test_layout_rows_and_dependencies (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (plan);
  int eval = milestone_index (plan, "m-eval");
  int demo = milestone_index (plan, "m-demo");
  int commit = milestone_index (plan, "m-commit");
  int pilot = milestone_index (plan, "m-pilot");
  int legal = milestone_index (plan, "m-legal");
  int security = milestone_index (plan, "m-security");
  const guint *preds, *deps;
  guint n;
  MpDate first, last;

  g_assert_cmpuint (mp_timeline_layout_get_n_milestones (layout), ==, 9);
  g_assert_cmpuint (mp_timeline_layout_get_n_rows (layout), ==, 9);
  for (guint r = 0; r < 9; r++)
    {
      const MpTimelineRow *row = mp_timeline_layout_get_row (layout, r);

      g_assert_cmpint (row->kind, ==, MP_TIMELINE_ROW_MILESTONE);
      g_assert_cmpuint (row->milestone, ==, r);
      g_assert_cmpint (row->task, ==, -1);
    }

  preds = mp_timeline_layout_get_predecessors (layout, (guint) commit, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (preds[0], ==, (guint) pilot);
  g_assert_cmpuint (preds[1], ==, (guint) legal);
  deps = mp_timeline_layout_get_dependents (layout, (guint) security, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (deps[0], ==, (guint) pilot);
  g_assert_cmpuint (deps[1], ==, (guint) legal);
  mp_timeline_layout_get_predecessors (layout, (guint) eval, &n);
  g_assert_cmpuint (n, ==, 0);

  g_assert_true (mp_timeline_layout_get_date_range (layout, &first, &last));
  g_assert_cmpuint (first, ==, D (2027, 1, 11));
  g_assert_cmpuint (last, ==, D (2027, 4, 30));

  /* Expanding m-eval puts its two tasks on rows of their own. */
  mp_timeline_layout_set_expanded (layout, (guint) eval, TRUE);
  g_assert_true (mp_timeline_layout_get_expanded (layout, (guint) eval));
  g_assert_cmpuint (mp_timeline_layout_get_n_rows (layout), ==, 11);
  g_assert_cmpint (mp_timeline_layout_get_row (layout, 1)->kind, ==, MP_TIMELINE_ROW_TASK);
  g_assert_cmpint (mp_timeline_layout_get_row (layout, 2)->task, ==, 1);
  g_assert_cmpuint (mp_timeline_layout_get_milestone_row (layout, (guint) demo), ==, 3);

  /* The layout follows the plan's list: a milestone removed, the rows
   * follow and the expanded one stays expanded. */
  g_list_store_remove (mp_plan_get_milestones (plan), (guint) demo);
  g_assert_cmpuint (mp_timeline_layout_get_n_milestones (layout), ==, 8);
  g_assert_cmpuint (mp_timeline_layout_get_n_rows (layout), ==, 10);
  g_assert_true (mp_timeline_layout_get_expanded (layout, (guint) eval));

  mp_timeline_layout_set_expanded (layout, (guint) eval, FALSE);
  g_assert_cmpuint (mp_timeline_layout_get_n_rows (layout), ==, 8);
}

static void
test_layout_blackouts (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (plan);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(MpPlan) big = mp_plan_generator_generate_n (2000);
  g_autoptr(MpTimelineLayout) big_layout = mp_timeline_layout_new (big);
  GListModel *bs = G_LIST_MODEL (mp_plan_get_blackouts (big));
  MpDate a = D (2030, 5, 1), b = D (2030, 8, 31);
  guint expected = 0;

  mp_timeline_layout_collect_blackouts (layout, D (2027, 3, 1), D (2027, 3, 31), found);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpuint (g_array_index (found, guint, 0), ==, 1); /* Lena on vacation */
  g_assert_cmpuint (g_array_index (found, guint, 1), ==, 2); /* quarter-end freeze */
  g_array_set_size (found, 0);
  mp_timeline_layout_collect_blackouts (layout, D (2027, 2, 15), D (2027, 2, 15), found);
  g_assert_cmpuint (found->len, ==, 1);

  /* The bisection finds what a scan over all finds. */
  for (guint i = 0; i < g_list_model_get_n_items (bs); i++)
    {
      g_autoptr(MpBlackout) bo = g_list_model_get_item (bs, i);

      if (mp_blackout_get_start (bo) <= b && mp_blackout_get_end (bo) >= a)
        expected++;
    }
  g_assert_cmpuint (expected, >, 0);
  g_array_set_size (found, 0);
  mp_timeline_layout_collect_blackouts (big_layout, a, b, found);
  g_assert_cmpuint (found->len, ==, expected);
}

/* Rendering */

static void
test_render_bars (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (plan);
  const MpTimelinePalette *pal = mp_timeline_palette_get (MP_TIMELINE_PALETTE_LIGHT);
  MpTimelineView view;
  cairo_surface_t *s;
  double rh, y, x0, x1, cx, mid;
  Pixel white = { 255, 255, 255 };
  Pixel tint;

  acme_view (&view);
  s = render (layout, &view);
  save_png (s, "test-acme-bars");
  rh = mp_timeline_view_get_row_height (&view);

  /* m-eval (row 0): done, both sides: filled with the "both" colour from
   * its start to its due date; the title inside it leaves its end free. */
  y = mp_timeline_row_get_y (&view, 0);
  mid = y + rh * 0.45;
  x0 = mp_timeline_x_of_date (&view, D (2027, 1, 11));
  x1 = mp_timeline_x_of_date (&view, D (2027, 1, 23));
  assert_pixel_near (s, x1 - 4, mid, solid (&pal->side[MP_PARTY_BOTH]), 2);
  assert_pixel_near (s, x0 + 2, y + rh * 0.3, solid (&pal->side[MP_PARTY_BOTH]), 2);
  /* … and not before its start or after its due date. */
  g_assert_false (pixel_equal (pixel_at (s, x0 - 3, mid), solid (&pal->side[MP_PARTY_BOTH]), 40));
  g_assert_false (pixel_equal (pixel_at (s, x1 + 3, mid), solid (&pal->side[MP_PARTY_BOTH]), 40));

  /* m-pilot (row 3): planned, both: outlined, the inside only tinted. */
  y = mp_timeline_row_get_y (&view, 3);
  mid = y + rh * 0.45;
  x1 = mp_timeline_x_of_date (&view, D (2027, 3, 20));
  tint = blend (&pal->side[MP_PARTY_BOTH], 0.22, white);
  assert_pixel_near (s, x1 - 6, mid, tint, 2);
  assert_pixel_near (s, x1 - 1, mid, solid (&pal->side[MP_PARTY_BOTH]), 2);

  /* m-legal (row 4): planned, customer: the customer's colour. */
  y = mp_timeline_row_get_y (&view, 4);
  x1 = mp_timeline_x_of_date (&view, D (2027, 3, 27));
  assert_pixel_near (s, x1 - 1, y + rh * 0.45, solid (&pal->side[MP_PARTY_CUSTOMER]), 2);

  /* m-sign (row 6): no start, a diamond at its due date: the centre is
   * tinted, the corners of its bounding box are not. */
  y = mp_timeline_row_get_y (&view, 6);
  cx = mp_timeline_x_of_date (&view, D (2027, 4, 7)) + 6;
  assert_pixel_near (s, cx, y + rh * 0.45, tint, 3);
  g_assert_false (pixel_equal (pixel_at (s, cx + 6, y + rh * 0.25), tint, 3));
  g_assert_false (pixel_equal (pixel_at (s, cx - 7, y + rh * 0.7), tint, 3));
  /* The diamond's right tip is outlined in the side's colour. */
  g_assert_true (pixel_equal (pixel_at (s, cx + 8, y + rh * 0.45), solid (&pal->side[MP_PARTY_BOTH]), 60));

  /* Titles: inside m-eval's long bar (light text on the filled bar),
   * beside m-sign's diamond (dark text right of it). */
  {
    int inside = 0, beside = 0;
    double ey = mp_timeline_row_get_y (&view, 0), sy = mp_timeline_row_get_y (&view, 6);
    double ex0 = mp_timeline_x_of_date (&view, D (2027, 1, 11));
    double sx = mp_timeline_x_of_date (&view, D (2027, 4, 8)) + 4;

    for (double px = ex0 + 3; px < ex0 + 100; px++)
      for (double py = ey + rh * 0.3; py < ey + rh * 0.65; py++)
        if (pixel_at (s, px, py).g > 200)
          inside++;
    for (double px = sx; px < sx + 80; px++)
      for (double py = sy + rh * 0.25; py < sy + rh * 0.7; py++)
        if (pixel_at (s, px, py).g < 100)
          beside++;
    g_assert_cmpint (inside, >, 40);
    g_assert_cmpint (beside, >, 40);
  }

  /* m-demo (row 1): a timed milestone, done: a filled diamond and a
   * clock right after it (its face is background, its rim the colour). */
  y = mp_timeline_row_get_y (&view, 1);
  cx = mp_timeline_x_of_date (&view, D (2027, 2, 3)) + 6;
  assert_pixel_near (s, cx, y + rh * 0.45, solid (&pal->side[MP_PARTY_SELLER]), 2);
  {
    double half = round (rh * 0.5) / 2.0 + 1.5;
    double r = round (rh * 0.5) * 0.4;
    double clock_cx = cx + half + 3 + r;
    double cy = mp_timeline_row_get_y (&view, 1) + floor (rh * 0.24) + round (rh * 0.5) / 2.0;

    /* The rim left of the centre; the face between rim and hands. */
    g_assert_true (pixel_equal (pixel_at (s, clock_cx - r, cy), solid (&pal->side[MP_PARTY_SELLER]), 60));
    assert_pixel_near (s, clock_cx - r * 0.5, cy + r * 0.45, white, 30);
  }

  cairo_surface_destroy (s);
}

static void
test_render_today_target_blackout (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (plan);
  const MpTimelinePalette *pal = mp_timeline_palette_get (MP_TIMELINE_PALETTE_LIGHT);
  MpTimelineView view;
  cairo_surface_t *s;
  double below, xt, xb, xbuf;
  Pixel white = { 255, 255, 255 };
  MpDate weekday;

  acme_view (&view);
  s = render (layout, &view);
  below = 380; /* under the last row: only backgrounds and lines */
  g_assert_cmpfloat (below, >, mp_timeline_row_get_y (&view, 9));

  /* Today (2027-02-17): a two pixel line in the middle of its column. */
  xt = round (mp_timeline_x_of_date (&view, view.today) + 6);
  assert_pixel_near (s, xt - 1, below, solid (&pal->today), 1);
  assert_pixel_near (s, xt, below, solid (&pal->today), 1);
  assert_pixel_near (s, xt, mp_timeline_row_get_y (&view, 0) + 1, solid (&pal->today), 1);
  g_assert_false (pixel_equal (pixel_at (s, xt + 3, below), solid (&pal->today), 40));
  g_assert_false (pixel_equal (pixel_at (s, xt - 4, below), solid (&pal->today), 40));

  /* The line moves with today. */
  view.today = D (2027, 3, 3);
  cairo_surface_destroy (s);
  s = render (layout, &view);
  assert_pixel_near (s, round (mp_timeline_x_of_date (&view, view.today) + 6), below,
                     solid (&pal->today), 1);
  assert_pixel_near (s, xt, below, white, 30);

  /* Lena's vacation (customer, 22–26 March): tinted in the customer's
   * blackout colour on a weekday, with a solid edge at the top. */
  weekday = D (2027, 3, 24);
  g_assert_false (mp_date_is_weekend (weekday));
  xb = mp_timeline_x_of_date (&view, weekday) + 6;
  assert_pixel_near (s, xb, below, blend (&pal->blackout[MP_PARTY_CUSTOMER], 1.0, white), 2);
  assert_pixel_near (s, xb, mp_timeline_view_get_header_height (&view) + 1,
                     blend (&pal->side[MP_PARTY_CUSTOMER], 0.7,
                            blend (&pal->blackout[MP_PARTY_CUSTOMER], 1.0, white)), 3);
  /* Presidents' Day (both sides) in the neutral blackout colour. */
  assert_pixel_near (s, mp_timeline_x_of_date (&view, D (2027, 2, 15)) + 6, below,
                     blend (&pal->blackout[MP_PARTY_BOTH], 1.0, white), 2);

  /* The buffer: 10 days up to the target (30 April), shaded; the dashed
   * target line at the end of the target day. */
  xbuf = mp_timeline_x_of_date (&view, D (2027, 4, 28)) + 6;
  g_assert_false (mp_date_is_weekend (D (2027, 4, 28)));
  assert_pixel_near (s, xbuf, below, blend (&pal->buffer, 1.0, white), 2);
  assert_pixel_near (s, mp_timeline_x_of_date (&view, D (2027, 4, 19)) + 6, below, white, 1);
  {
    double x = mp_timeline_x_of_date (&view, D (2027, 5, 1));
    gboolean dark = FALSE;

    for (double y = below - 8; y < below + 8; y++)
      dark |= pixel_equal (pixel_at (s, x, y), solid (&pal->target), 10);
    g_assert_true (dark);
  }

  /* Weekends are shaded when days are wide enough. */
  assert_pixel_near (s, mp_timeline_x_of_date (&view, D (2027, 4, 10)) + 6, below,
                     blend (&pal->weekend, 1.0, white), 2);
  cairo_surface_destroy (s);
}

static void
test_render_dependency_arrow (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (plan);
  MpTimelineView view;
  cairo_surface_t *s;
  cairo_surface_t *without;
  double rh, x_end, x_start;
  int hits = 0;

  acme_view (&view);
  rh = mp_timeline_view_get_row_height (&view);
  s = render (layout, &view);

  /* m-security (row 2, due 26 Feb) → m-legal (row 4, starts 1 March):
   * a vertical line leaves m-security near its due end and crosses
   * row 3 (an odd row, tinted) on its way down. */
  x_end = mp_timeline_x_of_date (&view, D (2027, 2, 27));
  for (double x = x_end - 6; x <= x_end; x++)
    if (is_arrow_grey (pixel_at (s, x, mp_timeline_row_get_y (&view, 3) + 2)))
      hits++;
  g_assert_cmpint (hits, ==, 1);

  /* The arrow head points at m-legal's start, on its row's middle. */
  x_start = mp_timeline_x_of_date (&view, D (2027, 3, 1));
  {
    double cy = mp_timeline_row_get_y (&view, 4) + floor (rh * 0.24) + round (rh * 0.5) / 2.0;

    g_assert_true (is_arrow_grey (pixel_at (s, x_start - 3, cy)));
  }

  /* Without the dependency the same pixels are background. */
  {
    g_autoptr(MpMilestone) pilot = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_milestones (plan)),
                                                          (guint) milestone_index (plan, "m-pilot"));
    g_autoptr(MpMilestone) legal = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_milestones (plan)),
                                                          (guint) milestone_index (plan, "m-legal"));
    const char *none[] = { NULL };
    double cy = mp_timeline_row_get_y (&view, 4) + floor (rh * 0.24) + round (rh * 0.5) / 2.0;

    mp_milestone_set_depends_on (pilot, none);
    mp_milestone_set_depends_on (legal, none);
    mp_timeline_layout_rebuild (layout);
    without = render (layout, &view);
    g_assert_false (is_arrow_grey (pixel_at (without, x_start - 3, cy)));
    hits = 0;
    for (double x = x_end - 6; x <= x_end; x++)
      if (is_arrow_grey (pixel_at (without, x, mp_timeline_row_get_y (&view, 3) + 2)))
        hits++;
    g_assert_cmpint (hits, ==, 0);
    cairo_surface_destroy (without);
  }
  cairo_surface_destroy (s);
}

static void
test_render_baseline (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (plan);
  g_autoptr(MpBaseline) baseline = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_baselines (plan)), 0);
  const MpTimelinePalette *pal = mp_timeline_palette_get (MP_TIMELINE_PALETTE_LIGHT);
  MpTimelineView view;
  cairo_surface_t *with, *without;
  double rh, ghost_y, x_in, x_slip;
  Pixel white = { 255, 255, 255 };
  MpDate start, due;

  g_assert_true (mp_timeline_layout_get_baseline_dates (layout, baseline,
                                                        (guint) milestone_index (plan, "m-security"),
                                                        &start, &due));
  g_assert_cmpuint (start, ==, D (2027, 2, 4));
  g_assert_cmpuint (due, ==, D (2027, 2, 19));
  g_assert_false (mp_timeline_layout_get_baseline_dates (layout, baseline,
                                                         (guint) milestone_index (plan, "m-pilot"),
                                                         NULL, NULL));

  acme_view (&view);
  rh = mp_timeline_view_get_row_height (&view);
  view.baseline = baseline;
  with = render (layout, &view);
  save_png (with, "test-acme-baseline");
  view.baseline = NULL;
  without = render (layout, &view);

  /* m-security (row 2) was agreed 4–19 Feb, is now due 26 Feb: a ghost
   * bar under the real one up to 19 Feb and not after. */
  ghost_y = mp_timeline_row_get_y (&view, 2) + floor (rh * 0.24) + round (rh * 0.5) + 2.5;
  x_in = mp_timeline_x_of_date (&view, D (2027, 2, 10)) + 6;
  x_slip = mp_timeline_x_of_date (&view, D (2027, 2, 24)) + 6;
  assert_pixel_near (with, x_in, ghost_y, blend (&pal->ghost, 1.0, white), 2);
  assert_pixel_near (with, x_slip, ghost_y, white, 1);
  assert_pixel_near (without, x_in, ghost_y, white, 1);

  /* m-commit (row 5, a point) was agreed for 24 March: a ghost diamond
   * there, a week before the real one. */
  ghost_y = mp_timeline_row_get_y (&view, 5) + floor (rh * 0.24) + round (rh * 0.5) + 3.0;
  assert_pixel_near (with, mp_timeline_x_of_date (&view, D (2027, 3, 24)) + 6, ghost_y,
                     blend (&pal->ghost, 1.0, blend (&pal->blackout[MP_PARTY_CUSTOMER], 1.0, white)), 3);
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}

static void
test_render_status (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (plan);
  const MpTimelinePalette *pal = mp_timeline_palette_get (MP_TIMELINE_PALETTE_LIGHT);
  GListModel *ms = G_LIST_MODEL (mp_plan_get_milestones (plan));
  g_autoptr(MpMilestone) legal = g_list_model_get_item (ms, (guint) milestone_index (plan, "m-legal"));
  MpTimelineView view;
  cairo_surface_t *s;
  double rh, y, x1;
  Pixel white = { 255, 255, 255 };
  int warning = 0;

  acme_view (&view);
  rh = mp_timeline_view_get_row_height (&view);

  /* Seen on 25 March, m-pilot (due 19 March, planned) is overdue: drawn
   * in the warning colour, not its side's. */
  view.today = D (2027, 3, 25);
  s = render (layout, &view);
  y = mp_timeline_row_get_y (&view, 3) + rh * 0.45;
  x1 = mp_timeline_x_of_date (&view, D (2027, 3, 20));
  assert_pixel_near (s, x1 - 1, y, solid (&pal->warning), 2);
  assert_pixel_near (s, x1 - 6, y, blend (&pal->warning, 0.22, white), 2);
  cairo_surface_destroy (s);

  /* Blocked: hatched in the warning colour. */
  view.today = D (2027, 2, 17);
  mp_milestone_set_status (legal, MP_STATUS_BLOCKED);
  s = render (layout, &view);
  save_png (s, "test-acme-blocked");
  y = mp_timeline_row_get_y (&view, 4);
  for (double x = mp_timeline_x_of_date (&view, D (2027, 3, 20));
       x < mp_timeline_x_of_date (&view, D (2027, 3, 26)); x++)
    if (pixel_at (s, x, y + rh * 0.45).r > 150 && pixel_at (s, x, y + rh * 0.45).g < 120)
      warning++;
  g_assert_cmpint (warning, >, 8);
  cairo_surface_destroy (s);

  /* Dropped: faded (lighter than planned) and struck through. */
  mp_milestone_set_status (legal, MP_STATUS_DROPPED);
  s = render (layout, &view);
  {
    Pixel outline = pixel_at (s, mp_timeline_x_of_date (&view, D (2027, 3, 27)) - 1, y + rh * 0.3);
    Pixel planned = solid (&pal->side[MP_PARTY_CUSTOMER]);
    double cy = y + floor (rh * 0.24) + round (rh * 0.5) / 2.0;
    Pixel strike = pixel_at (s, mp_timeline_x_of_date (&view, D (2027, 3, 24)), round (cy));

    g_assert_cmpint (outline.g, >, planned.g + 60);
    /* the strike line is dark, the faded tint around it light */
    g_assert_cmpint (strike.r + strike.g + strike.b, <, 3 * 120);
  }
  cairo_surface_destroy (s);
}

static void
test_render_task_marks (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (plan);
  const MpTimelinePalette *pal = mp_timeline_palette_get (MP_TIMELINE_PALETTE_LIGHT);
  MpTimelineView view;
  cairo_surface_t *s;
  double rh, top;

  acme_view (&view);
  rh = mp_timeline_view_get_row_height (&view);
  s = render (layout, &view);
  /* m-security's tasks: t-3 done on 10 Feb (a filled mark above the
   * bar), t-4 open on 24 Feb (an outlined one). */
  top = mp_timeline_row_get_y (&view, 2) + floor (rh * 0.24);
  assert_pixel_near (s, mp_timeline_x_of_date (&view, D (2027, 2, 10)) + 6, top - 3,
                     solid (&pal->text_dim), 40);
  g_assert_cmpint (pixel_at (s, mp_timeline_x_of_date (&view, D (2027, 2, 24)) + 6, top - 3.5).r, >, 200);
  /* No mark where no task is due. */
  g_assert_cmpint (pixel_at (s, mp_timeline_x_of_date (&view, D (2027, 2, 17)) + 2, top - 3).r, >, 200);
  cairo_surface_destroy (s);
}

/* Hit tests and geometry */

static void
test_hit_test (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (plan);
  MpTimelineView view;
  MpTimelineHit hit;
  double rh, y, x0, x1, top;
  int pilot = milestone_index (plan, "m-pilot");

  acme_view (&view);
  view.label_width = 200;
  rh = mp_timeline_view_get_row_height (&view);

  /* m-pilot's bar: body, start handle, due handle */
  y = mp_timeline_row_get_y (&view, 3) + rh * 0.45;
  x0 = mp_timeline_x_of_date (&view, D (2027, 3, 1));
  x1 = mp_timeline_x_of_date (&view, D (2027, 3, 20));
  g_assert_true (mp_timeline_hit_test (layout, &view, (x0 + x1) / 2, y, &hit));
  g_assert_cmpint (hit.kind, ==, MP_TIMELINE_HIT_BAR);
  g_assert_cmpint (hit.milestone, ==, pilot);
  g_assert_cmpint (hit.row, ==, 3);
  g_assert_cmpuint (hit.date, ==, D (2027, 3, 10));
  mp_timeline_hit_test (layout, &view, x0 + 1, y, &hit);
  g_assert_cmpint (hit.kind, ==, MP_TIMELINE_HIT_START_HANDLE);
  g_assert_cmpint (hit.milestone, ==, pilot);
  mp_timeline_hit_test (layout, &view, x1 - 1, y, &hit);
  g_assert_cmpint (hit.kind, ==, MP_TIMELINE_HIT_DUE_HANDLE);

  /* The rectangle of a bar: its dates across, the middle half of its row */
  {
    double rx, ry, rw, rh2;

    g_assert_true (mp_timeline_get_milestone_rect (layout, &view, (guint) pilot, &rx, &ry, &rw, &rh2));
    g_assert_cmpfloat (rx, ==, x0);
    g_assert_cmpfloat (rw, ==, x1 - x0);
    g_assert_cmpfloat (ry, >, mp_timeline_row_get_y (&view, 3));
    g_assert_cmpfloat (ry + rh2, <, mp_timeline_row_get_y (&view, 4));
    mp_timeline_hit_test (layout, &view, rx + rw / 2, ry + rh2 / 2, &hit);
    g_assert_cmpint (hit.kind, ==, MP_TIMELINE_HIT_BAR);
    g_assert_false (mp_timeline_get_milestone_rect (layout, &view, 99, NULL, NULL, NULL, NULL));
  }

  /* Right of the bar in the same row, clear of blackouts: the empty row. */
  mp_timeline_hit_test (layout, &view, mp_timeline_x_of_date (&view, D (2027, 4, 13)) + 6, y, &hit);
  g_assert_cmpint (hit.kind, ==, MP_TIMELINE_HIT_ROW);
  g_assert_cmpint (hit.milestone, ==, pilot);

  /* m-sign's diamond */
  mp_timeline_hit_test (layout, &view, mp_timeline_x_of_date (&view, D (2027, 4, 7)) + 6,
                        mp_timeline_row_get_y (&view, 6) + rh * 0.45, &hit);
  g_assert_cmpint (hit.kind, ==, MP_TIMELINE_HIT_BAR);
  g_assert_cmpint (hit.milestone, ==, milestone_index (plan, "m-sign"));

  /* A task mark above m-security's bar: t-3 on 10 Feb */
  top = mp_timeline_row_get_y (&view, 2) + floor (rh * 0.24);
  mp_timeline_hit_test (layout, &view, mp_timeline_x_of_date (&view, D (2027, 2, 10)) + 6, top - 2, &hit);
  g_assert_cmpint (hit.kind, ==, MP_TIMELINE_HIT_TASK);
  g_assert_cmpint (hit.task, ==, 0);
  g_assert_cmpint (hit.milestone, ==, milestone_index (plan, "m-security"));

  /* The header, the label column */
  mp_timeline_hit_test (layout, &view, 500, 5, &hit);
  g_assert_cmpint (hit.kind, ==, MP_TIMELINE_HIT_HEADER);
  g_assert_cmpuint (hit.date, ==, mp_timeline_date_at_x (&view, 500));
  mp_timeline_hit_test (layout, &view, 50, y, &hit);
  g_assert_cmpint (hit.kind, ==, MP_TIMELINE_HIT_LABEL);
  g_assert_cmpint (hit.milestone, ==, pilot);
  g_assert_cmpuint (hit.date, ==, MP_DATE_NONE);

  /* A blackout below the rows: with its title for the tooltip */
  view.height = 500;
  mp_timeline_hit_test (layout, &view, mp_timeline_x_of_date (&view, D (2027, 3, 23)) + 3, 450, &hit);
  g_assert_cmpint (hit.kind, ==, MP_TIMELINE_HIT_BLACKOUT);
  g_assert_cmpstr (hit.title, ==, "Lena on vacation");
  g_assert_cmpint (hit.blackout, ==, 1);
  g_assert_cmpint (hit.row, ==, -1);
  /* … and in an empty part of a row, with the row's milestone */
  mp_timeline_hit_test (layout, &view, mp_timeline_x_of_date (&view, D (2027, 2, 15)) + 6,
                        mp_timeline_row_get_y (&view, 0) + rh * 0.45, &hit);
  g_assert_cmpint (hit.kind, ==, MP_TIMELINE_HIT_BLACKOUT);
  g_assert_cmpstr (hit.title, ==, "Presidents' Day");
  g_assert_cmpint (hit.milestone, ==, 0);

  /* The target line (end of 30 April), then nothing below the rows */
  view.width = 1700;
  mp_timeline_hit_test (layout, &view, mp_timeline_x_of_date (&view, D (2027, 5, 1)) + 1, 450, &hit);
  g_assert_cmpint (hit.kind, ==, MP_TIMELINE_HIT_TARGET);
  g_assert_false (mp_timeline_hit_test (layout, &view, mp_timeline_x_of_date (&view, D (2027, 4, 15)), 450, &hit));
  g_assert_cmpint (hit.kind, ==, MP_TIMELINE_HIT_NONE);
  g_assert_false (mp_timeline_hit_test (layout, &view, -1, 10, &hit));

  /* Expanded: a task row, its mark */
  mp_timeline_layout_set_expanded (layout, 0, TRUE);
  mp_timeline_hit_test (layout, &view, mp_timeline_x_of_date (&view, D (2027, 1, 19)) + 6,
                        mp_timeline_row_get_y (&view, 2) + rh * 0.45, &hit);
  g_assert_cmpint (hit.kind, ==, MP_TIMELINE_HIT_TASK);
  g_assert_cmpint (hit.milestone, ==, 0);
  g_assert_cmpint (hit.task, ==, 1);
  g_assert_cmpint (hit.row, ==, 2);

  /* Scrolled: the same bar, further up */
  mp_timeline_layout_set_expanded (layout, 0, FALSE);
  view.scroll_y = rh * 2;
  mp_timeline_hit_test (layout, &view, (x0 + x1) / 2, mp_timeline_row_get_y (&view, 3) + rh * 0.45, &hit);
  g_assert_cmpint (hit.kind, ==, MP_TIMELINE_HIT_BAR);
  g_assert_cmpint (hit.milestone, ==, pilot);
  g_assert_cmpfloat (mp_timeline_row_get_y (&view, 3), ==, mp_timeline_view_get_header_height (&view) + rh);

  /* During a drag the preview dates are what is hit */
  view.scroll_y = 0;
  view.preview_milestone = pilot;
  view.preview_start = D (2027, 4, 1);
  view.preview_due = D (2027, 4, 9);
  mp_timeline_hit_test (layout, &view, (x0 + x1) / 2, y, &hit);
  g_assert_cmpint (hit.kind, ==, MP_TIMELINE_HIT_ROW);
  mp_timeline_hit_test (layout, &view, mp_timeline_x_of_date (&view, D (2027, 4, 5)), y, &hit);
  g_assert_cmpint (hit.kind, ==, MP_TIMELINE_HIT_BAR);
}

static void
test_geometry (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (plan);
  MpTimelineView view;
  double rh, hh, w, h, sx;
  MpDate first, last;

  mp_timeline_view_init (&view, 800, 200);
  view.label_width = 150;
  rh = mp_timeline_view_get_row_height (&view);
  hh = mp_timeline_view_get_header_height (&view);
  /* Text sizes follow the resolution: print rows are 3/4 of screen rows. */
  {
    MpTimelineView print = view;

    print.resolution = 72;
    g_assert_cmpfloat (fabs (mp_timeline_view_get_row_height (&print) - rh * 0.75), <=, 1.0);
  }

  /* row ↔ y */
  for (double scroll = 0; scroll < 100; scroll += 13)
    {
      view.scroll_y = scroll;
      for (guint r = 0; r < 9; r++)
        {
          double y = mp_timeline_row_get_y (&view, r);

          if (y + 1 < hh || y + 1 >= view.height)
            continue;
          g_assert_cmpint (mp_timeline_row_at_y (layout, &view, y + 1), ==, (int) r);
          if (y + rh - 1 < view.height)
            g_assert_cmpint (mp_timeline_row_at_y (layout, &view, y + rh - 1), ==, (int) r);
        }
    }
  view.scroll_y = 0;
  g_assert_cmpint (mp_timeline_row_at_y (layout, &view, hh - 1), ==, -1);
  view.height = 1000;
  g_assert_cmpint (mp_timeline_row_at_y (layout, &view, hh + 9 * rh + 1), ==, -1);

  /* Scrolling a row into view */
  view.height = 200;
  mp_timeline_scroll_to_row (layout, &view, 8);
  g_assert_cmpfloat (mp_timeline_row_get_y (&view, 8) + rh, ==, view.height);
  mp_timeline_scroll_to_row (layout, &view, 1);
  g_assert_cmpfloat (mp_timeline_row_get_y (&view, 1), ==, hh);

  /* Content size and the horizontal scroll position */
  view.scale = mp_scale_init (D (2027, 1, 1), 10.0);
  mp_timeline_get_content_range (layout, &view, &first, &last);
  g_assert_cmpuint (first, ==, D (2027, 1, 4));
  g_assert_cmpuint (last, ==, D (2027, 5, 14));
  mp_timeline_get_content_size (layout, &view, &w, &h, &sx);
  g_assert_cmpfloat (w, ==, 150 + (last - first + 1) * 10.0);
  g_assert_cmpfloat (h, ==, hh + 9 * rh);
  g_assert_cmpfloat (sx, ==, -30.0);
  mp_timeline_set_scroll_x (layout, &view, 200);
  g_assert_cmpuint (mp_timeline_date_at_x (&view, 150), ==, D (2027, 1, 24));
  mp_timeline_get_content_size (layout, &view, NULL, NULL, &sx);
  g_assert_cmpfloat_with_epsilon (sx, 200, 1e-9);

  /* Zoom to fit: the plan's first and last day inside the chart area */
  mp_timeline_zoom_to_fit (layout, &view);
  g_assert_cmpfloat (mp_timeline_x_of_date (&view, D (2027, 1, 11)), >=, 150);
  g_assert_cmpfloat (mp_timeline_x_of_date (&view, D (2027, 5, 1)), <=, 800);
  g_assert_cmpfloat (mp_timeline_x_of_date (&view, D (2027, 5, 1)) -
                     mp_timeline_x_of_date (&view, D (2027, 1, 11)), >, 0.9 * (800 - 150 - 48));
}

/* A plan far longer than the screen: the rows at the scroll position are
 * drawn where they belong, the rest is not visited. */
static void
test_render_long_plan_scrolled (void)
{
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (5000);
  g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (plan);
  const MpTimelinePalette *pal = mp_timeline_palette_get (MP_TIMELINE_PALETTE_LIGHT);
  MpTimelineView view;
  cairo_surface_t *s;
  guint row = 4000;
  g_autoptr(MpMilestone) m = NULL;
  double rh, y, xd;
  MpStatus status;

  mp_timeline_view_init (&view, 1280, 800);
  view.label_width = 260;
  rh = mp_timeline_view_get_row_height (&view);
  /* The first bar (a milestone with a start) from row 4000 on */
  while (mp_milestone_get_start (mp_timeline_layout_get_milestone (layout, row)) == MP_DATE_NONE ||
         mp_milestone_get_status (mp_timeline_layout_get_milestone (layout, row)) == MP_STATUS_DROPPED)
    row++;
  mp_timeline_scroll_to_row (layout, &view, row);
  m = g_object_ref (mp_timeline_layout_get_milestone (layout, row));
  view.scale = mp_scale_init (mp_milestone_get_due (m) - 30, 10.0);
  view.today = mp_date_from_ymd (2030, 1, 1);
  s = render (layout, &view);
  save_png (s, "test-generated-5000-scrolled");

  /* The due end of milestone 4000 in its side's colour (or the warning
   * colour when it is overdue) on its row at the bottom of the view. */
  y = mp_timeline_row_get_y (&view, row);
  g_assert_cmpfloat (y + rh, ==, view.height);
  status = mp_milestone_get_status (m);
  xd = mp_timeline_x_of_date (&view, mp_milestone_get_due (m) + 1) - 1;
  {
      const MpTimelineColor *c = mp_milestone_get_due (m) < view.today &&
                                 status != MP_STATUS_DONE
                                 ? &pal->warning : &pal->side[mp_milestone_get_responsible (m)];
      Pixel p = pixel_at (s, xd, y + rh * 0.45);

      g_assert_true (pixel_equal (p, solid (c), 3));
    }
  cairo_surface_destroy (s);
}

/* Odd views draw without a warning (GTest makes warnings fatal). */
static void
test_render_edge_cases (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (plan);
  g_autoptr(MpPlan) empty = mp_plan_new ();
  g_autoptr(MpTimelineLayout) empty_layout = mp_timeline_layout_new (empty);
  MpTimelineView view;
  MpTimelineHit hit;
  cairo_surface_t *s;
  const double firsts[] = { -5000.0, 0.0, 1.0, 3652059.0, 1e7 };
  const double zooms[] = { MP_SCALE_MIN_PX_PER_DAY, 1.0, MP_SCALE_MAX_PX_PER_DAY };

  for (guint i = 0; i < G_N_ELEMENTS (firsts); i++)
    for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
      {
        mp_timeline_view_init (&view, 300, 120);
        view.scale.first = firsts[i];
        view.scale.px_per_day = zooms[z];
        s = render (layout, &view);
        cairo_surface_destroy (s);
        mp_timeline_hit_test (layout, &view, 150, 100, &hit);
      }

  /* A plan with no dates and no rows; a label column wider than the view;
   * scrolled past the last row. */
  mp_timeline_view_init (&view, 300, 120);
  s = render (empty_layout, &view);
  cairo_surface_destroy (s);
  mp_timeline_zoom_to_fit (empty_layout, &view);
  g_assert_cmpuint (mp_timeline_layout_get_n_rows (empty_layout), ==, 0);
  view.label_width = 400;
  s = render (layout, &view);
  cairo_surface_destroy (s);
  view.label_width = 0;
  view.scroll_y = 1e6;
  s = render (layout, &view);
  cairo_surface_destroy (s);
  g_assert_false (mp_timeline_hit_test (layout, &view, 100, 100, &hit) && hit.row >= 0);
}

/* Printing */

static void
test_print_tiles (void)
{
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (120);
  g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (plan);
  const MpTimelinePalette *pal = mp_timeline_palette_get (MP_TIMELINE_PALETTE_LIGHT);
  MpTimelineView view;
  g_autoptr(GArray) one = NULL;
  g_autoptr(GArray) two = NULL;
  double page_w = 770, page_h = 500; /* A4 landscape less margins, in points */
  guint per_tile;
  MpDate first, last;
  cairo_surface_t *s;
  cairo_t *cr;

  mp_timeline_view_init (&view, 1, 1);
  view.resolution = 72;
  view.label_width = 150;
  view.today = D (2027, 3, 1);
  per_tile = mp_timeline_tile_get_rows_per_tile (&view, page_h);
  g_assert_cmpfloat (mp_timeline_view_get_header_height (&view) +
                     per_tile * mp_timeline_view_get_row_height (&view), <=, page_h);
  g_assert_cmpfloat (mp_timeline_view_get_header_height (&view) +
                     (per_tile + 1) * mp_timeline_view_get_row_height (&view), >, page_h);

  /* One page wide: bands of whole rows, every row exactly once */
  one = mp_timeline_paginate (layout, &view, page_w, page_h, 1);
  g_assert_cmpuint (one->len, ==, (120 + per_tile - 1) / per_tile);
  mp_timeline_get_content_range (layout, &view, &first, &last);
  {
    guint next = 0;

    for (guint i = 0; i < one->len; i++)
      {
        MpTimelineTile *t = &g_array_index (one, MpTimelineTile, i);

        g_assert_cmpuint (t->first_row, ==, next);
        g_assert_cmpuint (t->n_rows, <=, per_tile);
        g_assert_cmpuint (t->first_date, ==, first);
        g_assert_cmpuint (t->last_date, ==, last);
        next += t->n_rows;
      }
    g_assert_cmpuint (next, ==, 120);
  }

  /* Two pages wide: each band twice, the dates split with no gap */
  two = mp_timeline_paginate (layout, &view, page_w, page_h, 2);
  g_assert_cmpuint (two->len, ==, 2 * one->len);
  {
    MpTimelineTile *a = &g_array_index (two, MpTimelineTile, 0);
    MpTimelineTile *b = &g_array_index (two, MpTimelineTile, 1);

    g_assert_cmpuint (a->first_row, ==, b->first_row);
    g_assert_cmpuint (a->first_date, ==, first);
    g_assert_cmpuint (b->first_date, ==, a->last_date + 1);
    g_assert_cmpuint (b->last_date, ==, last);
  }

  /* The second band, right half, drawn at an offset: the header and the
   * row labels are repeated, and nothing is drawn below its last row. */
  s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 842, 595);
  cr = cairo_create (s);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  {
    MpTimelineTile *t = &g_array_index (two, MpTimelineTile, 3);
    double hh = mp_timeline_view_get_header_height (&view);
    double rh = mp_timeline_view_get_row_height (&view);
    double bottom = 36 + hh + t->n_rows * rh;
    gboolean label_ink = FALSE;
    Pixel white = { 255, 255, 255 };

    g_assert_cmpuint (t->first_row, ==, per_tile);
    mp_timeline_render_tile (cr, layout, &view, t, 36, 36, page_w, page_h);
    cairo_surface_flush (s);
    /* header background at the top of the tile */
    assert_pixel_near (s, 36 + 150 + 1, 37, solid (&pal->header_background), 2);
    /* text in the label column of the first row */
    for (double x = 36 + 10; x < 36 + 140; x++)
      for (double y = 36 + hh + 2; y < 36 + hh + rh - 2; y++)
        if (!pixel_equal (pixel_at (s, x, y), white, 100))
          label_ink = TRUE;
    g_assert_true (label_ink);
    /* nothing below the tile's rows, nothing outside its rectangle */
    if (bottom + 2 < 36 + page_h)
      assert_pixel_near (s, 36 + 400, bottom + 2, white, 0);
    assert_pixel_near (s, 20, 300, white, 0);
    assert_pixel_near (s, 36 + page_w + 5, 300, white, 0);
  }
  cairo_destroy (cr);
  save_png (s, "test-generated-120-tile");
  cairo_surface_destroy (s);

  /* The first tile, at twice the size for people to look at. */
  s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 842 * 2, 595 * 2);
  cr = cairo_create (s);
  cairo_scale (cr, 2, 2);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  mp_timeline_render_tile (cr, layout, &view, &g_array_index (two, MpTimelineTile, 0), 36, 36,
                           page_w, page_h);
  cairo_destroy (cr);
  save_png (s, "test-generated-120-tile-first");
  cairo_surface_destroy (s);
}

static void
test_legend (void)
{
  MpTimelineView view;
  cairo_surface_t *s;
  cairo_t *cr;
  double narrow, wide, drawn;

  mp_timeline_view_init (&view, 1, 1);
  wide = mp_timeline_render_legend (NULL, &view, 0, 0, 2000);
  /* A legend changes no record: every cache of a plan (its health) stays
   * (a new plan per legend made print work the health out once per
   * timeline page). */
  {
    guint serial = mp_record_get_change_serial ();

    narrow = mp_timeline_render_legend (NULL, &view, 0, 0, 300);
    g_assert_cmpuint (mp_record_get_change_serial (), ==, serial);
  }
  g_assert_cmpfloat (wide, >, 10);
  /* A narrow legend wraps onto more lines. */
  g_assert_cmpfloat (narrow, >, 2 * wide);

  s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 700, 120);
  cr = cairo_create (s);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  drawn = mp_timeline_render_legend (cr, &view, 10, 10, 680);
  g_assert_cmpfloat (drawn, ==, mp_timeline_render_legend (NULL, &view, 10, 10, 680));
  /* The seller's swatch comes first. */
  {
    const MpTimelinePalette *pal = mp_timeline_palette_get (MP_TIMELINE_PALETTE_LIGHT);
    double line_h = ceil (12 * 1.6);

    assert_pixel_near (s, 16, 10 + line_h / 2, solid (&pal->side[MP_PARTY_SELLER]), 2);
  }
  cairo_destroy (cr);
  save_png (s, "legend");
  cairo_surface_destroy (s);
}

/* Pictures of every fixture at three zoom levels, for people to look at:
 * fit (months or quarters), weeks and days. */
static void
test_pictures (void)
{
  const char *names[] = { "acme-rollout", "mueller-maschinenbau", "minimal", "unknown-members" };
  const char *zooms[] = { "fit", "weeks", "days" };
  const MpDate todays[] = { D (2027, 2, 17), D (2027, 10, 20), D (2027, 1, 1), D (2027, 4, 28) };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_strconcat (names[i], ".mplan", NULL);
      g_autoptr(MpPlan) plan = load_fixture (file);
      g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (plan);
      GListModel *baselines = G_LIST_MODEL (mp_plan_get_baselines (plan));
      g_autoptr(MpBaseline) baseline = g_list_model_get_n_items (baselines) > 0
                                       ? g_list_model_get_item (baselines, 0) : NULL;

      for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%s", names[i], zooms[z]);
          MpTimelineView view;
          cairo_surface_t *s;
          MpDate first;

          mp_timeline_view_init (&view, 1100, 360);
          view.label_width = 220;
          view.today = todays[i];
          view.baseline = baseline;
          view.selected = i == 0 ? 2 : -1;
          mp_timeline_zoom_to_fit (layout, &view);
          first = mp_scale_get_first_date (&view.scale);
          if (z == 1)
            view.scale = mp_scale_init (first + 20, 7.0);
          else if (z == 2)
            view.scale = mp_scale_init (first + 25, 30.0);
          if (z == 2 && i == 0)
            mp_timeline_layout_set_expanded (layout, 2, TRUE);
          s = render (layout, &view);
          save_png (s, name);
          cairo_surface_destroy (s);
        }
    }

  /* A generated plan at months and at quarters */
  {
    g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (5000);
    g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (plan);
    g_autoptr(MpBaseline) baseline = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_baselines (plan)), 0);
    const double px_per_day[] = { 2.0, 0.5 };
    const char *pnames[] = { "generated-5000-months", "generated-5000-quarters" };

    for (guint z = 0; z < G_N_ELEMENTS (px_per_day); z++)
      {
        MpTimelineView view;
        cairo_surface_t *s;

        mp_timeline_view_init (&view, 1100, 420);
        view.label_width = 220;
        view.baseline = baseline;
        view.today = D (2030, 6, 1);
        view.scroll_y = 2000 * mp_timeline_view_get_row_height (&view);
        view.scale = mp_scale_init (mp_milestone_get_start (mp_timeline_layout_get_milestone (layout, 2000)) - 40,
                                    px_per_day[z]);
        s = render (layout, &view);
        save_png (s, pnames[z]);
        cairo_surface_destroy (s);
      }
  }

  /* The palettes, and print resolution, on the ACME plan */
  {
    g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
    g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (plan);
    const char *pnames[] = { "acme-light", "acme-dark", "acme-high-contrast" };

    for (guint p = 0; p < 3; p++)
      {
        MpTimelineView view;
        cairo_surface_t *s;

        mp_timeline_view_init (&view, 1100, 360);
        view.label_width = 220;
        view.today = D (2027, 2, 17);
        view.palette = mp_timeline_palette_get (p);
        view.hover.kind = MP_TIMELINE_HIT_BAR;
        view.hover.milestone = 3;
        mp_timeline_zoom_to_fit (layout, &view);
        s = render (layout, &view);
        save_png (s, pnames[p]);
        cairo_surface_destroy (s);
      }
  }
}

/* Changes only mark the layout out of date; what is read afterwards is
 * the same as after a rebuild of its own: expanding every milestone in
 * a row, removing and inserting milestones, and tasks added under an
 * expanded milestone (mp_timeline_layout_invalidate_rows). */
static void
test_deferred_rebuild (void)
{
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (300);
  g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (plan);
  GListStore *store = mp_plan_get_milestones (plan);
  g_autoptr(MpMilestone) first = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_autoptr(MpTask) task = mp_task_new ();
  guint n = mp_timeline_layout_get_n_milestones (layout);
  guint tasks = 0;

  g_assert_cmpuint (n, ==, 300);
  for (guint k = 0; k < n; k++)
    {
      mp_timeline_layout_set_expanded (layout, k, TRUE);
      tasks += g_list_model_get_n_items (G_LIST_MODEL (mp_milestone_get_tasks (mp_timeline_layout_get_milestone (layout, k))));
    }
  g_assert_cmpuint (tasks, >, 0);
  g_assert_cmpuint (mp_timeline_layout_get_n_rows (layout), ==, n + tasks);
  g_assert_cmpuint (mp_timeline_layout_get_milestone_row (layout, 1), ==,
                    1 + g_list_model_get_n_items (G_LIST_MODEL (mp_milestone_get_tasks (first))));

  /* Removed: gone from the rows and no longer expanded when back */
  tasks -= g_list_model_get_n_items (G_LIST_MODEL (mp_milestone_get_tasks (first)));
  g_list_store_remove (store, 0);
  g_assert_cmpuint (mp_timeline_layout_get_n_milestones (layout), ==, n - 1);
  g_assert_cmpint (mp_timeline_layout_find_milestone (layout, first), ==, -1);
  g_assert_cmpuint (mp_timeline_layout_get_n_rows (layout), ==, n - 1 + tasks);
  g_list_store_insert (store, 0, first);
  g_list_store_insert (store, 1, first); /* several changes, one rebuild */
  g_list_store_remove (store, 1);
  g_assert_cmpint (mp_timeline_layout_find_milestone (layout, first), ==, 0);
  g_assert_false (mp_timeline_layout_get_expanded (layout, 0));
  g_assert_cmpuint (mp_timeline_layout_get_n_rows (layout), ==, n + tasks);

  /* A task added under an expanded milestone: its row after the next read */
  g_list_store_append (mp_milestone_get_tasks (mp_timeline_layout_get_milestone (layout, 1)), task);
  mp_timeline_layout_invalidate_rows (layout);
  g_assert_cmpuint (mp_timeline_layout_get_n_rows (layout), ==, n + tasks + 1);
}

/* On screen, a frame after an edit draws the at-risk marks from each
 * drawn bar's own health instead of working out the whole plan's (tens
 * of milliseconds at 5,000 milestones): the same picture, and the plan's
 * health is still not worked out afterwards. */
static void
test_render_health_per_bar (void)
{
  g_autoptr(MpPlan) plan = load_fixture ("acme-rollout.mplan");
  g_autoptr(MpTimelineLayout) layout = mp_timeline_layout_new (plan);
  g_autoptr(MpMilestone) first = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_milestones (plan)), 0);
  g_autoptr(MpPlanHealth) health = NULL;
  g_autofree char *title = g_strdup (mp_milestone_get_title (first));
  MpTimelineView view;
  cairo_surface_t *whole, *per_bar;
  int stride, height;

  acme_view (&view);
  view.today = D (2027, 2, 17);
  health = mp_plan_get_health (plan, view.today, NULL);
  g_assert_cmpuint (health->at_risk->len, >, 0);
  g_clear_pointer (&health, mp_plan_health_free);
  whole = render (layout, &view);

  /* An edit (and its undo) that leaves the picture as it was. */
  mp_milestone_set_title (first, "Changed");
  mp_milestone_set_title (first, title);
  g_assert_null (mp_plan_peek_health (plan, view.today, NULL));
  view.health_per_bar = TRUE;
  per_bar = render (layout, &view);
  g_assert_null (mp_plan_peek_health (plan, view.today, NULL));

  stride = cairo_image_surface_get_stride (whole);
  height = cairo_image_surface_get_height (whole);
  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (per_bar));
  g_assert_true (memcmp (cairo_image_surface_get_data (whole), cairo_image_surface_get_data (per_bar),
                         (size_t) stride * height) == 0);
  cairo_surface_destroy (whole);
  cairo_surface_destroy (per_bar);

  /* Once worked out (the report, the overview), the frame takes it. */
  health = mp_plan_get_health (plan, view.today, NULL);
  g_clear_pointer (&health, mp_plan_health_free);
  g_assert_nonnull ((health = mp_plan_peek_health (plan, view.today, NULL)));
}

/* The page expands the timeline's rows one milestone after the other,
 * reading each milestone between (sync_expanded), and looks up the
 * selected milestone on every change: neither may lay out all rows or
 * walk all milestones each time. 40,000 milestones made that minutes
 * (quadratic) before; now it is well under the test's timeout. */
static void
test_layout_expand_all_linear (void)
{
  g_autoptr(MpPlan) plan = mp_plan_new ();
  GListStore *store = mp_plan_get_milestones (plan);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(MpTimelineLayout) layout = NULL;
  const guint n = 40000;
  guint rows;

  for (guint i = 0; i < n; i++)
    {
      MpMilestone *m = mp_milestone_new ();
      g_autoptr(MpTask) t = mp_task_new ();

      g_list_store_append (mp_milestone_get_tasks (m), t);
      g_ptr_array_add (all, m);
    }
  g_list_store_splice (store, 0, 0, all->pdata, all->len);
  layout = mp_timeline_layout_new (plan);
  for (guint k = 0; k < n; k++)
    {
      MpMilestone *m = mp_timeline_layout_get_milestone (layout, k);

      g_assert_true (m == g_ptr_array_index (all, k));
      g_assert_false (mp_timeline_layout_get_expanded (layout, k));
      mp_timeline_layout_set_expanded (layout, k, TRUE);
      g_assert_cmpint (mp_timeline_layout_find_milestone (layout, m), ==, (int) k);
    }
  rows = mp_timeline_layout_get_n_rows (layout);
  g_assert_cmpuint (rows, ==, 2 * n);
  g_assert_cmpuint (mp_timeline_layout_get_milestone_row (layout, n - 1), ==, 2 * (n - 1));
  /* One after the other again: each look-up by milestone stays right. */
  for (guint k = 0; k < n; k += 97)
    g_assert_cmpint (mp_timeline_layout_find_milestone (layout, g_ptr_array_index (all, k)), ==, (int) k);
  /* A milestone removed is no longer found; the others move up. */
  g_list_store_remove (store, 0);
  g_assert_cmpint (mp_timeline_layout_find_milestone (layout, g_ptr_array_index (all, 0)), ==, -1);
  g_assert_cmpint (mp_timeline_layout_find_milestone (layout, g_ptr_array_index (all, 1)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/timeline/scale/round-trip", test_scale_round_trip);
  g_test_add_func ("/timeline/scale/zoom", test_scale_zoom);
  g_test_add_func ("/timeline/scale/header-units", test_scale_header_units);
  g_test_add_func ("/timeline/scale/iso-weeks-and-labels", test_scale_iso_weeks_and_labels);
  g_test_add_func ("/timeline/layout/rows-and-dependencies", test_layout_rows_and_dependencies);
  g_test_add_func ("/timeline/layout/blackouts", test_layout_blackouts);
  g_test_add_func ("/timeline/render/bars", test_render_bars);
  g_test_add_func ("/timeline/render/today-target-blackout", test_render_today_target_blackout);
  g_test_add_func ("/timeline/render/dependency-arrow", test_render_dependency_arrow);
  g_test_add_func ("/timeline/render/baseline", test_render_baseline);
  g_test_add_func ("/timeline/render/status", test_render_status);
  g_test_add_func ("/timeline/render/task-marks", test_render_task_marks);
  g_test_add_func ("/timeline/render/long-plan-scrolled", test_render_long_plan_scrolled);
  g_test_add_func ("/timeline/render/edge-cases", test_render_edge_cases);
  g_test_add_func ("/timeline/hit-test", test_hit_test);
  g_test_add_func ("/timeline/geometry", test_geometry);
  g_test_add_func ("/timeline/print-tiles", test_print_tiles);
  g_test_add_func ("/timeline/legend", test_legend);
  g_test_add_func ("/timeline/pictures", test_pictures);
  g_test_add_func ("/timeline/deferred-rebuild", test_deferred_rebuild);
  g_test_add_func ("/timeline/layout/expand-all-linear", test_layout_expand_all_linear);
  g_test_add_func ("/timeline/render/health-per-bar", test_render_health_per_bar);

  return g_test_run ();
}
