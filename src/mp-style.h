/* mp-style.h: follow the desktop's light/dark and high-contrast choice
 *
 * GTK 4.8 without libadwaita does not follow the desktop's colour scheme
 * by itself: the desktop says "prefer dark" and "high contrast" through
 * the settings portal (org.freedesktop.portal.Settings), and the
 * application has to turn that into GtkSettings (a dark theme variant,
 * GTK's built-in HighContrast theme).
 *
 * mp_style_follow_desktop() does that for the whole application and keeps
 * following changes. Custom drawing (the timeline, through the core's
 * palettes) asks mp_style_get_timeline_palette_kind() which palette fits
 * the widget's current style, and redraws when GtkSettings'
 * gtk-theme-name or gtk-application-prefer-dark-theme change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-timeline-render.h"

G_BEGIN_DECLS

/* The values of the portal's org.freedesktop.appearance color-scheme. */
typedef enum {
  MP_COLOR_SCHEME_DEFAULT      = 0,
  MP_COLOR_SCHEME_PREFER_DARK  = 1,
  MP_COLOR_SCHEME_PREFER_LIGHT = 2,
} MpColorScheme;

/* Reads the desktop's colour scheme and contrast from the settings portal
 * (asynchronously; without a portal nothing changes) and applies them to
 * the default GtkSettings, now and whenever they change. Call once, after
 * GTK is initialised (GApplication::startup). */
void                  mp_style_follow_desktop              (void);

/* Applies a colour scheme and contrast to @settings: the dark variant of
 * the theme for PREFER_DARK, GTK's built-in HighContrast theme (its dark
 * variant too) for high contrast, and the theme the user had before when
 * high contrast is turned off again. */
void                  mp_style_apply                       (GtkSettings   *settings,
                                                            MpColorScheme  scheme,
                                                            gboolean       high_contrast);

/* Whether @widget's style is dark (light text) or a high-contrast theme. */
gboolean              mp_style_is_dark                     (GtkWidget     *widget);
gboolean              mp_style_is_high_contrast            (GtkWidget     *widget);

/* The core palette that fits @widget's style: DARK for any dark style
 * (high contrast dark included, until the core has a dark high-contrast
 * palette), HIGH_CONTRAST for the light HighContrast theme, else LIGHT. */
MpTimelinePaletteKind mp_style_get_timeline_palette_kind   (GtkWidget     *widget);

G_END_DECLS
