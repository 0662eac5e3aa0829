/* test-style.c: light, dark and high contrast (mp-style.h)
 *
 * Under Xvfb. The portal test runs a fake settings portal on the session
 * bus (dbus-run-session); without a session bus it is skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "mp-style.h"

static GtkWidget *window;
static GtkWidget *label;
static char *original_theme;

/* A theme change restyles the widgets on the next frames: let the
 * window draw for a moment (about 0.3 s, no assertion on time). */
static void
spin (void)
{
  for (int i = 0; i < 30; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

static char *
theme_name (void)
{
  char *name = NULL;

  g_object_get (gtk_settings_get_default (), "gtk-theme-name", &name, NULL);
  return name;
}

static gboolean
prefers_dark (void)
{
  gboolean dark = FALSE;

  g_object_get (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", &dark, NULL);
  return dark;
}

static void
test_apply (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *theme = NULL;

  mp_style_apply (settings, MP_COLOR_SCHEME_DEFAULT, FALSE);
  spin ();
  g_assert_false (prefers_dark ());
  g_assert_false (mp_style_is_dark (label));
  g_assert_cmpint (mp_style_get_timeline_palette_kind (label), ==, MP_TIMELINE_PALETTE_LIGHT);

  mp_style_apply (settings, MP_COLOR_SCHEME_PREFER_DARK, FALSE);
  spin ();
  g_assert_true (prefers_dark ());
  g_assert_true (mp_style_is_dark (label));
  g_assert_false (mp_style_is_high_contrast (label));
  g_assert_cmpint (mp_style_get_timeline_palette_kind (label), ==, MP_TIMELINE_PALETTE_DARK);

  /* Prefer light is the light style. */
  mp_style_apply (settings, MP_COLOR_SCHEME_PREFER_LIGHT, FALSE);
  spin ();
  g_assert_false (mp_style_is_dark (label));

  mp_style_apply (settings, MP_COLOR_SCHEME_DEFAULT, TRUE);
  spin ();
  theme = theme_name ();
  g_assert_cmpstr (theme, ==, "HighContrast");
  g_assert_true (mp_style_is_high_contrast (label));
  g_assert_false (mp_style_is_dark (label));
  g_assert_cmpint (mp_style_get_timeline_palette_kind (label), ==, MP_TIMELINE_PALETTE_HIGH_CONTRAST);
  g_clear_pointer (&theme, g_free);

  /* Dark and high contrast: the dark variant of HighContrast, light text. */
  mp_style_apply (settings, MP_COLOR_SCHEME_PREFER_DARK, TRUE);
  spin ();
  theme = theme_name ();
  g_assert_cmpstr (theme, ==, "HighContrast");
  g_assert_true (prefers_dark ());
  g_assert_true (mp_style_is_high_contrast (label));
  g_assert_true (mp_style_is_dark (label));
  g_assert_cmpint (mp_style_get_timeline_palette_kind (label), ==, MP_TIMELINE_PALETTE_DARK);
  g_clear_pointer (&theme, g_free);

  /* High contrast off: the theme from before comes back. */
  mp_style_apply (settings, MP_COLOR_SCHEME_DEFAULT, FALSE);
  spin ();
  theme = theme_name ();
  g_assert_cmpstr (theme, ==, original_theme);
  g_assert_false (mp_style_is_dark (label));
  g_assert_cmpint (mp_style_get_timeline_palette_kind (label), ==, MP_TIMELINE_PALETTE_LIGHT);
}

/* ---- a fake settings portal ---- */

static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Settings'>"
  "    <method name='Read'>"
  "      <arg type='s' name='namespace' direction='in'/>"
  "      <arg type='s' name='key' direction='in'/>"
  "      <arg type='v' name='value' direction='out'/>"
  "    </method>"
  "    <signal name='SettingChanged'>"
  "      <arg type='s' name='namespace'/>"
  "      <arg type='s' name='key'/>"
  "      <arg type='v' name='value'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

static guint32 portal_scheme = MP_COLOR_SCHEME_PREFER_DARK;

static void
portal_method (GDBusConnection       *connection,
               const char            *sender,
               const char            *path,
               const char            *interface,
               const char            *method,
               GVariant              *parameters,
               GDBusMethodInvocation *invocation,
               gpointer               user_data)
{
  const char *ns, *key;

  g_variant_get (parameters, "(&s&s)", &ns, &key);
  if (g_str_equal (ns, "org.freedesktop.appearance") && g_str_equal (key, "color-scheme"))
    /* As older portals answer: the value wrapped twice. */
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(v)", g_variant_new_variant (g_variant_new_uint32 (portal_scheme))));
  else
    g_dbus_method_invocation_return_dbus_error (invocation, "org.freedesktop.portal.Error.NotFound",
                                                "Requested setting not found");
}

static void
emit_setting (GDBusConnection *bus,
              const char      *ns,
              const char      *key,
              GVariant        *value)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (bus, NULL, "/org/freedesktop/portal/desktop",
                                 "org.freedesktop.portal.Settings", "SettingChanged",
                                 g_variant_new ("(ssv)", ns, key, value), &error);
  g_assert_no_error (error);
}

/* Spins until @check holds, for at most about ten seconds (a bound on
 * waiting, not a timed assertion). */
static gboolean
wait_for (gboolean (*check) (void))
{
  for (int i = 0; i < 1000 && !check (); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  return check ();
}

static gboolean
is_dark_now (void)
{
  return prefers_dark ();
}

static gboolean
is_hc_dark_now (void)
{
  g_autofree char *theme = theme_name ();

  return g_strcmp0 (theme, "HighContrast") == 0 && prefers_dark ();
}

static gboolean
is_light_now (void)
{
  g_autofree char *theme = theme_name ();

  return !prefers_dark () && g_strcmp0 (theme, original_theme) == 0;
}

static void
test_portal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GVariant) reply = NULL;
  guint registration;
  guint32 owned;

  if (bus == NULL)
    {
      g_test_skip ("no session bus: run under dbus-run-session");
      return;
    }
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.portal.Desktop", 4 /* DO_NOT_QUEUE */),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &owned);
  if (owned != 1 /* PRIMARY_OWNER */)
    {
      g_test_skip ("a settings portal already runs on this bus");
      return;
    }
  info = g_dbus_node_info_new_for_xml (portal_xml, &error);
  g_assert_no_error (error);
  registration = g_dbus_connection_register_object (bus, "/org/freedesktop/portal/desktop", info->interfaces[0],
                                                    &(GDBusInterfaceVTable) { portal_method, NULL, NULL },
                                                    NULL, NULL, &error);
  g_assert_no_error (error);

  mp_style_apply (gtk_settings_get_default (), MP_COLOR_SCHEME_DEFAULT, FALSE);
  mp_style_follow_desktop ();
  g_assert_true (wait_for (is_dark_now));

  emit_setting (bus, "org.gnome.desktop.a11y.interface", "high-contrast", g_variant_new_boolean (TRUE));
  g_assert_true (wait_for (is_hc_dark_now));

  emit_setting (bus, "org.gnome.desktop.a11y.interface", "high-contrast", g_variant_new_boolean (FALSE));
  emit_setting (bus, "org.freedesktop.appearance", "color-scheme", g_variant_new_uint32 (MP_COLOR_SCHEME_DEFAULT));
  g_assert_true (wait_for (is_light_now));

  /* Something else changing is not ours to follow. */
  emit_setting (bus, "org.gnome.desktop.interface", "clock-format", g_variant_new_string ("24h"));
  spin ();
  g_assert_true (is_light_now ());

  g_dbus_connection_unregister_object (bus, registration);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_unsetenv ("GTK_THEME");
  gtk_test_init (&argc, &argv, NULL);
  window = gtk_window_new ();
  label = gtk_label_new ("Meilenstein");
  gtk_window_set_child (GTK_WINDOW (window), label);
  original_theme = theme_name ();
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  g_test_add_func ("/style/apply", test_apply);
  g_test_add_func ("/style/portal", test_portal);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_free (original_theme);
  return status;
}
