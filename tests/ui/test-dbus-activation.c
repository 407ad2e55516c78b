/* test-dbus-activation.c: a notification's click when Inflow is not running
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desktop's notification server activates the application by its D-Bus
 * name (the desktop file says DBusActivatable=true): ActivateAction of
 * org.freedesktop.Application with `show-integration` and the token, which
 * the bus answers by starting Inflow from its D-Bus service file with
 * --gapplication-service. Here the bus is the program's own, and the service
 * file starts the build's inflow (the program's argument): the call starts
 * it, a window opens, and app.quit ends it.
 */

#include "config.h"

#include <gio/gio.h>

#include "inflow-test-utils.h"

static GTestDBus *bus;
static char *inflow_path;

static char *
application_path (void)
{
  g_autofree char *path = g_strconcat ("/", APPLICATION_ID, NULL);

  return g_strdelimit (g_steal_pointer (&path), ".", '/');
}

static GVariant *
activate_action (const char *action,
                 GVariant   *parameter,
                 GError    **error)
{
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autofree char *path = application_path ();
  GVariantBuilder parameters;

  g_variant_builder_init (&parameters, G_VARIANT_TYPE ("av"));
  if (parameter != NULL)
    g_variant_builder_add (&parameters, "v", parameter);

  return g_dbus_connection_call_sync (connection, APPLICATION_ID, path, "org.freedesktop.Application",
                                      "ActivateAction", g_variant_new ("(sava{sv})", action, &parameters, NULL),
                                      NULL, G_DBUS_CALL_FLAGS_NONE, 30000, NULL, error);
}

/* Whether the started Inflow has a window, as its exported actions say */
static gboolean
has_window (gpointer data)
{
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autofree char *application = application_path ();
  g_autofree char *path = g_strconcat (application, "/window/1", NULL);
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (connection, APPLICATION_ID, path, "org.gtk.Actions", "List", NULL,
                                       G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, NULL);
  return reply != NULL;
}

static void
test_activation (void)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (inflow_test_wait_for_bus_name (APPLICATION_ID, FALSE));

  /* Not running: the call starts it */
  reply = activate_action ("show-integration", g_variant_new_string ("accss_crdntl_activation_test"), &error);
  g_assert_no_error (error);
  g_assert_true (inflow_test_wait_for_bus_name (APPLICATION_ID, TRUE));
  g_assert_true (inflow_test_wait_until (has_window, NULL, 20000));

  /* Quit quits, with nothing worth watching in the background */
  g_clear_pointer (&reply, g_variant_unref);
  reply = activate_action ("quit", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (inflow_test_wait_for_bus_name (APPLICATION_ID, FALSE));
}

/* The service file the desktop's would be, starting the build's inflow */
static void
write_service_file (const char *folder,
                    const char *display)
{
  g_autofree char *path = g_build_filename (folder, APPLICATION_ID ".service", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  /* The bus starts it with its own environment, which has no DISPLAY */
  contents = g_strdup_printf ("[D-BUS Service]\nName=%s\nExec=/usr/bin/env DISPLAY=%s %s --gapplication-service\n",
                              APPLICATION_ID, display, inflow_path);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *services = NULL;
  int status;

  inflow_test_init (&argc, &argv);
  if (argc < 2 || g_getenv ("DISPLAY") == NULL)
    {
      g_printerr ("Usage: %s PATH-TO-INFLOW, with a DISPLAY\n", argv[0]);
      return 1;
    }
  inflow_path = g_canonicalize_filename (argv[1], NULL);

  services = g_build_filename (g_get_user_data_dir (), "dbus-1", "services", NULL);
  g_assert_cmpint (g_mkdir_with_parents (services, 0700), ==, 0);
  write_service_file (services, g_getenv ("DISPLAY"));

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_add_service_dir (bus, services);
  g_test_dbus_up (bus);

  g_test_add_func ("/ui/dbus-activation/show-integration", test_activation);

  status = inflow_test_run ();
  inflow_test_stop_private_bus (bus);
  g_free (inflow_path);

  return status;
}
