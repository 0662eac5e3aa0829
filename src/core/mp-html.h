/* mp-html.h: the plan as one self-contained web page (no GTK)
 *
 * For the people who read the plan without MutualPlan: one HTML file
 * that opens from a mail attachment on any system. No external
 * resources and no script; system fonts; the timeline inline as SVG
 * drawn by the same renderer as the screen, print and PDF
 * (mp-timeline-render.h) on a cairo SVG surface.
 *
 * Sections, as in the printed plan (mp-print.h): the plan on a page
 * (deal, target, progress, buffer, summary, goals, next steps with
 * owners, the team on both sides, how we stay in touch, points to
 * watch), the milestones table with its tasks and the invitations'
 * state, the timeline, and the changes since the baseline with the
 * history. Headings are the app's words in the UI language (the page's
 * `lang` says which); the plan's own text is never translated.
 *
 * Every value from the plan is escaped for where it goes (text,
 * attribute); characters HTML does not allow become U+FFFD. Only
 * https:, http: and mailto: addresses become links.
 *
 * cairo 1.16's SVG surface draws text as glyph outlines (<symbol> and
 * <use>), never as <text>. So that the chart's labels can still be
 * found, selected and read by a screen reader, every row's label is
 * laid over the drawing as a transparent SVG <text> at the same place,
 * and the chart has a <title> and <desc>; the milestones table carries
 * the same facts as text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-model.h"

G_BEGIN_DECLS

/* The web page of @plan as seen on @today (overdue, days left) against
 * its latest baseline. NULL and @error only when cairo fails to draw
 * the timeline. */
GBytes *mp_html_export_plan (MpPlan  *plan,
                             MpDate   today,
                             GError **error);

/* Appends @text to @out escaped for HTML text and attribute values
 * (& < > " '), characters HTML forbids replaced by U+FFFD. */
void    mp_html_append_escaped (GString    *out,
                                const char *text);

/* TRUE when @uri may become a link: it starts with https:, http: or
 * mailto: (any case) and holds no white space or control character. */
gboolean mp_html_uri_is_safe (const char *uri);

G_END_DECLS
