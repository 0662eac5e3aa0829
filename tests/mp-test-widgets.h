/* mp-test-widgets.h: what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"

G_BEGIN_DECLS

/* Runs the main loop for about @n frames (20 ms each). */
void         mp_test_spin_frames       (int          n);
/* Runs the main loop until @cond holds or 30 s pass; asserts @cond. A
 * bound against hangs, not a timing: on a machine with a load of 12 on
 * 2 cores a new row's cell took more than 10 s to appear. */
#define MP_TEST_SPIN_UNTIL(cond)                                          \
  G_STMT_START {                                                          \
    gint64 _deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;     \
    while (!(cond) && g_get_monotonic_time () < _deadline)                \
      mp_test_spin_frames (1);                                            \
    g_assert_true (cond);                                                 \
  } G_STMT_END

/* tests/data/valid/@name as a document; asserts that it loads. */
MpDocument  *mp_test_load_fixture      (const char  *name);
/* The first widget of @type at or below @root, depth first. */
GtkWidget   *mp_test_find_widget       (GtkWidget   *root,
                                        GType        type);
/* The first mapped widget of @type at or below @root, depth first, or
 * NULL (what a user sees of it). */
GtkWidget   *mp_test_find_visible      (GtkWidget   *root,
                                        GType        type);
/* The first widget named @name (gtk_widget_set_name, or name= in a
 * template) at or below @root, depth first, or NULL. */
GtkWidget   *mp_test_find_named        (GtkWidget   *root,
                                        const char  *name);
/* The text of every label at or below @root, one a line; with
 * @mapped_only, only those a user can see. */
void         mp_test_collect_labels    (GtkWidget   *root,
                                        gboolean     mapped_only,
                                        GString     *out);
/* A visible GtkMessageDialog among the toplevels, or NULL. */
GtkWidget   *mp_test_find_message_dialog (void);
/* The widget as rendered now, for pixels and screenshots. */
GdkTexture  *mp_test_render_widget     (GtkWidget   *widget);
/* Saves @widget as @name in the folder named by the environment variable
 * @env_var, when it is set (screenshots for people to look at). */
void         mp_test_screenshot        (GtkWidget   *widget,
                                        const char  *env_var,
                                        const char  *name);

/* What a user would see cut at or below @root, one line each into @out:
 * a shown label that neither ellipsizes nor wraps and is narrower than
 * its natural width, a widget narrower than its minimum, or one that lies
 * outside its parent (children of scrolled and scrollable widgets
 * excepted). Returns how many. */
guint        mp_test_find_clipped      (GtkWidget   *root,
                                        GString     *out);
/* Shown scrollables (lists, text views) whose content is wider than
 * what they show, one line each into @out. Returns how many. */
guint        mp_test_find_hscrolled    (GtkWidget   *root,
                                        GString     *out);

G_END_DECLS
