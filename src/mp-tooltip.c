/* mp-tooltip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-tooltip.h"

static GQuark text_quark;

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  const char *text = g_object_get_qdata (G_OBJECT (widget), text_quark);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
mp_tooltip_set_text (GtkWidget  *widget,
                     const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (G_UNLIKELY (text_quark == 0))
    text_quark = g_quark_from_static_string ("mp-tooltip-text");
  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (text, g_object_get_qdata (G_OBJECT (widget), text_quark)) == 0)
    return;
  /* The handler is connected with the first text and stays. */
  if (g_object_get_qdata (G_OBJECT (widget), text_quark) == NULL &&
      g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_query_tooltip, NULL) == 0)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  g_object_set_qdata_full (G_OBJECT (widget), text_quark, g_strdup (text), g_free);
  /* A tooltip from the widget's template stays when ours goes. */
  gtk_widget_set_has_tooltip (widget, text != NULL || gtk_widget_get_tooltip_text (widget) != NULL);
  /* What gtk_widget_set_tooltip_text() does too: a screen reader reads the
   * tooltip as the widget's description ("… (overdue)"). */
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

const char *
mp_tooltip_get_text (GtkWidget *widget)
{
  const char *text;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  text = text_quark != 0 ? g_object_get_qdata (G_OBJECT (widget), text_quark) : NULL;
  return text != NULL ? text : gtk_widget_get_tooltip_text (widget);
}
