/* mp-style.c: follow the desktop's light/dark and high-contrast choice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-style.h"

#include <string.h>

#define PORTAL_BUS_NAME  "org.freedesktop.portal.Desktop"
#define PORTAL_PATH      "/org/freedesktop/portal/desktop"
#define PORTAL_SETTINGS  "org.freedesktop.portal.Settings"
#define APPEARANCE       "org.freedesktop.appearance"
#define GNOME_A11Y       "org.gnome.desktop.a11y.interface"

/* The theme the user had before we switched to a high-contrast one. */
#define SAVED_THEME_KEY  "mp-style-saved-theme"

typedef struct {
  GDBusProxy   *proxy;
  MpColorScheme scheme;
  gboolean      contrast_appearance; /* org.freedesktop.appearance contrast == 1 */
  gboolean      contrast_gnome;      /* org.gnome.desktop.a11y.interface high-contrast */
} Follower;

static Follower follower;

static gboolean
theme_is_high_contrast (const char *name)
{
  return name != NULL && g_str_has_prefix (name, "HighContrast");
}

void
mp_style_apply (GtkSettings   *settings,
                MpColorScheme  scheme,
                gboolean       high_contrast)
{
  g_autofree char *theme = NULL;
  gboolean dark = scheme == MP_COLOR_SCHEME_PREFER_DARK;

  g_return_if_fail (GTK_IS_SETTINGS (settings));

  g_object_get (settings, "gtk-theme-name", &theme, NULL);
  if (high_contrast)
    {
      /* GTK 4.8's built-in HighContrast theme has a dark variant
       * (there is no HighContrastInverse theme in GTK 4). */
      if (!theme_is_high_contrast (theme) && g_object_get_data (G_OBJECT (settings), SAVED_THEME_KEY) == NULL)
        g_object_set_data_full (G_OBJECT (settings), SAVED_THEME_KEY,
                                g_strdup (theme != NULL ? theme : ""), g_free);
      if (g_strcmp0 (theme, "HighContrast") != 0)
        g_object_set (settings, "gtk-theme-name", "HighContrast", NULL);
      g_object_set (settings, "gtk-application-prefer-dark-theme", dark, NULL);
      return;
    }

  if (theme_is_high_contrast (theme))
    {
      const char *saved = g_object_get_data (G_OBJECT (settings), SAVED_THEME_KEY);

      /* Back to the theme from before; GTK's default when we never saw one. */
      if (saved != NULL && *saved != '\0')
        g_object_set (settings, "gtk-theme-name", saved, NULL);
      else
        gtk_settings_reset_property (settings, "gtk-theme-name");
      g_object_set_data (G_OBJECT (settings), SAVED_THEME_KEY, NULL);
    }
  g_object_set (settings, "gtk-application-prefer-dark-theme", dark, NULL);
}

static void
follower_apply (void)
{
  GtkSettings *settings = gtk_settings_get_default ();

  if (settings != NULL)
    mp_style_apply (settings, follower.scheme, follower.contrast_appearance || follower.contrast_gnome);
}

/* The portal's Read returns (v) with the value in one or two variant
 * layers (older portals nest it). */
static GVariant *
unwrap (GVariant *value)
{
  GVariant *v = g_variant_ref (value);

  while (g_variant_is_of_type (v, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *inner = g_variant_get_variant (v);

      g_variant_unref (v);
      v = inner;
    }
  return v;
}

/* One setting from the portal, at start or when it changes. Returns
 * whether it was one of ours. */
static gboolean
follower_take (const char *ns,
               const char *key,
               GVariant   *value)
{
  g_autoptr(GVariant) v = unwrap (value);

  if (g_str_equal (ns, APPEARANCE) && g_str_equal (key, "color-scheme") &&
      g_variant_is_of_type (v, G_VARIANT_TYPE_UINT32))
    {
      guint32 s = g_variant_get_uint32 (v);

      follower.scheme = s <= MP_COLOR_SCHEME_PREFER_LIGHT ? (MpColorScheme) s : MP_COLOR_SCHEME_DEFAULT;
      return TRUE;
    }
  if (g_str_equal (ns, APPEARANCE) && g_str_equal (key, "contrast") &&
      g_variant_is_of_type (v, G_VARIANT_TYPE_UINT32))
    {
      follower.contrast_appearance = g_variant_get_uint32 (v) == 1;
      return TRUE;
    }
  if (g_str_equal (ns, GNOME_A11Y) && g_str_equal (key, "high-contrast") &&
      g_variant_is_of_type (v, G_VARIANT_TYPE_BOOLEAN))
    {
      follower.contrast_gnome = g_variant_get_boolean (v);
      return TRUE;
    }
  return FALSE;
}

static void
on_portal_signal (GDBusProxy *proxy,
                  const char *sender,
                  const char *signal,
                  GVariant   *parameters,
                  gpointer    user_data)
{
  const char *ns, *key;
  g_autoptr(GVariant) value = NULL;

  if (!g_str_equal (signal, "SettingChanged") ||
      !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ssv)")))
    return;
  g_variant_get (parameters, "(&s&sv)", &ns, &key, &value);
  if (follower_take (ns, key, value))
    follower_apply ();
}

typedef struct {
  const char *ns;
  const char *key;
} Setting;

static const Setting followed[] = {
  { APPEARANCE, "color-scheme" },
  { APPEARANCE, "contrast" },
  { GNOME_A11Y, "high-contrast" },
};

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  const Setting *setting = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  /* A missing key is an error from the portal: nothing to follow. */
  reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (source), result, NULL);
  if (reply == NULL || !g_variant_is_of_type (reply, G_VARIANT_TYPE ("(v)")))
    return;
  g_variant_get (reply, "(v)", &value);
  if (follower_take (setting->ns, setting->key, value))
    follower_apply ();
}

static void
on_proxy (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *owner = NULL;

  follower.proxy = g_dbus_proxy_new_for_bus_finish (result, &error);
  if (follower.proxy == NULL)
    {
      g_debug ("No settings portal, the desktop's colour scheme is not followed: %s", error->message);
      return;
    }
  owner = g_dbus_proxy_get_name_owner (follower.proxy);
  if (owner == NULL)
    {
      g_debug ("No settings portal running; the desktop's colour scheme is not followed");
      g_clear_object (&follower.proxy);
      return;
    }
  g_signal_connect (follower.proxy, "g-signal", G_CALLBACK (on_portal_signal), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (followed); i++)
    g_dbus_proxy_call (follower.proxy, "Read",
                       g_variant_new ("(ss)", followed[i].ns, followed[i].key),
                       G_DBUS_CALL_FLAGS_NONE, 2000, NULL, on_read, (gpointer) &followed[i]);
}

void
mp_style_follow_desktop (void)
{
  if (follower.proxy != NULL)
    return;
  g_dbus_proxy_new_for_bus (G_BUS_TYPE_SESSION,
                            G_DBUS_PROXY_FLAGS_DO_NOT_LOAD_PROPERTIES |
                            G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START_AT_CONSTRUCTION,
                            NULL, PORTAL_BUS_NAME, PORTAL_PATH, PORTAL_SETTINGS,
                            NULL, on_proxy, NULL);
}

static const char *
current_theme (GtkWidget  *widget,
               char      **to_free)
{
  const char *env = g_getenv ("GTK_THEME");

  /* GTK_THEME=Name[:variant] overrides the settings. */
  if (env != NULL && *env != '\0')
    return env;
  g_object_get (gtk_widget_get_settings (widget), "gtk-theme-name", to_free, NULL);
  return *to_free;
}

gboolean
mp_style_is_high_contrast (GtkWidget *widget)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  return theme_is_high_contrast (current_theme (widget, &name));
}

gboolean
mp_style_is_dark (GtkWidget *widget)
{
  GdkRGBA fg;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  /* Whatever the theme is called: light text means a dark style. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  return 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5;
}

MpTimelinePaletteKind
mp_style_get_timeline_palette_kind (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), MP_TIMELINE_PALETTE_LIGHT);

  if (mp_style_is_dark (widget))
    return MP_TIMELINE_PALETTE_DARK;
  if (mp_style_is_high_contrast (widget))
    return MP_TIMELINE_PALETTE_HIGH_CONTRAST;
  return MP_TIMELINE_PALETTE_LIGHT;
}
