/* test-background-portal.c: the Background portal client against a stand-in on a bus of its own
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stand-in is python3-dbusmock with tests/dbusmock/background_portal.py,
 * which answers before RequestBackground returns, as a portal may: a client
 * that subscribes to the Response only once it has the reply never hears it.
 */

#include "config.h"

#include <string.h>

#include "inflow-background-portal.h"
#include "inflow-test-utils.h"

#define PORTAL_BUS_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH     "/org/freedesktop/portal/desktop"
#define REASON          "Inflow watches 2 integrations for their cost data"

static GTestDBus *bus;

static const char * const commandline[] = { "inflow", "--gapplication-service", NULL };

static GSubprocess *
start_portal (const char *parameters)
{
  g_autofree char *template = g_test_build_filename (G_TEST_DIST, "dbusmock", "background_portal.py", NULL);

  return inflow_test_dbusmock_start (template, PORTAL_BUS_NAME, parameters);
}

static void
set_portal_response (guint    response,
                     gboolean background,
                     gboolean autostart)
{
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_sync (connection, PORTAL_BUS_NAME, PORTAL_PATH, "org.freedesktop.DBus.Mock",
                                       "SetResponse", g_variant_new ("(ubb)", response, background, autostart),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

static InflowBackgroundPortal *
new_portal (void)
{
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

  return inflow_background_portal_new (connection);
}

static gboolean
answered (gpointer data)
{
  InflowBackgroundAnswer answer = inflow_background_portal_get_answer (data);

  return answer != INFLOW_BACKGROUND_ANSWER_NONE && answer != INFLOW_BACKGROUND_ANSWER_PENDING;
}

static gboolean
version_known (gpointer data)
{
  return inflow_background_portal_get_version (data) > 0;
}

/* The options of the last RequestBackground the stand-in had */
static GVariant *
last_request_options (void)
{
  g_autoptr(GPtrArray) calls = inflow_test_dbusmock_calls (PORTAL_BUS_NAME, PORTAL_PATH, "RequestBackground");
  GVariant *args;
  g_autoptr(GVariant) parent = NULL;
  g_autoptr(GVariant) options = NULL;

  g_assert_cmpuint (calls->len, >, 0);
  args = g_ptr_array_index (calls, calls->len - 1);
  g_assert_cmpuint (g_variant_n_children (args), ==, 2);
  g_variant_get_child (args, 0, "v", &parent);
  g_assert_cmpstr (g_variant_get_string (parent, NULL), ==, "");
  g_variant_get_child (args, 1, "v", &options);

  return g_steal_pointer (&options);
}

static guint
count_calls (const char *method)
{
  g_autoptr(GPtrArray) calls = inflow_test_dbusmock_calls (PORTAL_BUS_NAME, PORTAL_PATH, method);

  return calls->len;
}

static void
test_no_portal (void)
{
  g_autoptr(InflowBackgroundPortal) portal = new_portal ();

  g_assert_cmpint (inflow_background_portal_get_answer (portal), ==, INFLOW_BACKGROUND_ANSWER_NONE);
  inflow_background_portal_request (portal, REASON, TRUE, commandline);
  g_assert_cmpint (inflow_background_portal_get_answer (portal), ==, INFLOW_BACKGROUND_ANSWER_PENDING);
  g_assert_true (inflow_test_wait_until (answered, portal, 10000));
  g_assert_cmpint (inflow_background_portal_get_answer (portal), ==, INFLOW_BACKGROUND_ANSWER_NO_PORTAL);
  g_assert_false (inflow_background_portal_get_autostart (portal));
  g_assert_cmpuint (inflow_background_portal_get_version (portal), ==, 0);
  g_test_message ("%s", inflow_background_portal_get_description (portal));
  g_assert_nonnull (strstr (inflow_background_portal_get_description (portal), "No Background portal"));

  /* Nothing to tell */
  inflow_background_portal_set_status (portal, "Waiting for 1 first report");

  /* Without a bus at all */
  g_clear_object (&portal);
  portal = inflow_background_portal_new (NULL);
  inflow_background_portal_request (portal, REASON, FALSE, NULL);
  g_assert_cmpint (inflow_background_portal_get_answer (portal), ==, INFLOW_BACKGROUND_ANSWER_NO_PORTAL);
}

static void
test_allowed (void)
{
  GSubprocess *stand_in = start_portal (NULL);
  g_autoptr(InflowBackgroundPortal) portal = new_portal ();
  g_autoptr(GVariant) options = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GVariant) status_options = NULL;
  g_autofree const char **command = NULL;
  const char *reason, *token, *message;
  gboolean autostart;

  inflow_background_portal_request (portal, REASON, TRUE, commandline);
  g_assert_true (inflow_test_wait_until (answered, portal, 10000));
  g_assert_cmpint (inflow_background_portal_get_answer (portal), ==, INFLOW_BACKGROUND_ANSWER_ALLOWED);
  g_assert_true (inflow_background_portal_get_autostart (portal));
  g_assert_cmpstr (inflow_background_portal_get_description (portal), ==,
                   "The desktop lets Inflow run in the background and start at login");

  /* What the portal was asked */
  options = last_request_options ();
  g_assert_true (g_variant_lookup (options, "reason", "&s", &reason));
  g_assert_cmpstr (reason, ==, REASON);
  g_assert_true (g_variant_lookup (options, "autostart", "b", &autostart));
  g_assert_true (autostart);
  g_assert_true (g_variant_lookup (options, "commandline", "^a&s", &command));
  g_assert_cmpstrv (command, commandline);
  g_assert_true (g_variant_lookup (options, "handle_token", "&s", &token));
  g_assert_true (g_str_has_prefix (token, "inflow"));

  /* Version 2: the status goes out, cut to the portal's 96 characters */
  g_assert_true (inflow_test_wait_until (version_known, portal, 10000));
  g_assert_cmpuint (inflow_background_portal_get_version (portal), ==, 2);
  inflow_background_portal_set_status (portal, "Waiting for 1 first report");
  inflow_background_portal_set_status (portal, "Waiting for 1 first report");
  statuses = inflow_test_dbusmock_calls (PORTAL_BUS_NAME, PORTAL_PATH, "SetStatus");
  for (guint i = 0; i < 100 && statuses->len == 0; i++)
    {
      g_clear_pointer (&statuses, g_ptr_array_unref);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      statuses = inflow_test_dbusmock_calls (PORTAL_BUS_NAME, PORTAL_PATH, "SetStatus");
    }
  g_assert_cmpuint (statuses->len, ==, 1);
  g_variant_get_child (g_ptr_array_index (statuses, 0), 0, "v", &status_options);
  g_assert_true (g_variant_lookup (status_options, "message", "&s", &message));
  g_assert_cmpstr (message, ==, "Waiting for 1 first report");

  /* Without autostart: no command line, and the answer says so */
  inflow_background_portal_request (portal, REASON, FALSE, commandline);
  g_assert_true (inflow_test_wait_until (answered, portal, 10000));
  g_assert_cmpint (inflow_background_portal_get_answer (portal), ==, INFLOW_BACKGROUND_ANSWER_ALLOWED);
  g_assert_false (inflow_background_portal_get_autostart (portal));
  g_clear_pointer (&options, g_variant_unref);
  options = last_request_options ();
  g_assert_true (g_variant_lookup (options, "autostart", "b", &autostart));
  g_assert_false (autostart);
  g_assert_false (g_variant_lookup (options, "commandline", "^a&s", &command));
  g_assert_cmpuint (count_calls ("RequestBackground"), ==, 2);

  g_clear_object (&portal);
  inflow_test_dbusmock_stop (stand_in, PORTAL_BUS_NAME);
}

static void
test_refused (void)
{
  GSubprocess *stand_in = start_portal (NULL);
  g_autoptr(InflowBackgroundPortal) portal = new_portal ();

  /* The user said no in the portal's dialog */
  set_portal_response (1, FALSE, FALSE);
  inflow_background_portal_request (portal, REASON, TRUE, commandline);
  g_assert_true (inflow_test_wait_until (answered, portal, 10000));
  g_assert_cmpint (inflow_background_portal_get_answer (portal), ==, INFLOW_BACKGROUND_ANSWER_REFUSED);
  g_assert_false (inflow_background_portal_get_autostart (portal));
  g_assert_nonnull (strstr (inflow_background_portal_get_description (portal), "refused"));

  /* Answered, but not allowed (the permission store says no) */
  set_portal_response (0, FALSE, FALSE);
  inflow_background_portal_request (portal, REASON, FALSE, NULL);
  g_assert_true (inflow_test_wait_until (answered, portal, 10000));
  g_assert_cmpint (inflow_background_portal_get_answer (portal), ==, INFLOW_BACKGROUND_ANSWER_REFUSED);

  /* Background yes, autostart no */
  set_portal_response (0, TRUE, FALSE);
  inflow_background_portal_request (portal, REASON, TRUE, commandline);
  g_assert_true (inflow_test_wait_until (answered, portal, 10000));
  g_assert_cmpint (inflow_background_portal_get_answer (portal), ==, INFLOW_BACKGROUND_ANSWER_ALLOWED);
  g_assert_false (inflow_background_portal_get_autostart (portal));
  g_assert_cmpstr (inflow_background_portal_get_description (portal), ==,
                   "The desktop lets Inflow run in the background, but not start at login");

  /* Another failure */
  set_portal_response (2, FALSE, FALSE);
  inflow_background_portal_request (portal, REASON, FALSE, NULL);
  g_assert_true (inflow_test_wait_until (answered, portal, 10000));
  g_assert_cmpint (inflow_background_portal_get_answer (portal), ==, INFLOW_BACKGROUND_ANSWER_FAILED);

  g_clear_object (&portal);
  inflow_test_dbusmock_stop (stand_in, PORTAL_BUS_NAME);
}

/* A version 1 portal has no SetStatus: it is not called */
static void
test_version_1 (void)
{
  GSubprocess *stand_in = start_portal ("{\"version\": 1}");
  g_autoptr(InflowBackgroundPortal) portal = new_portal ();

  inflow_background_portal_set_status (portal, "Waiting for 1 first report");
  inflow_background_portal_request (portal, REASON, FALSE, NULL);
  g_assert_true (inflow_test_wait_until (answered, portal, 10000));
  g_assert_true (inflow_test_wait_until (version_known, portal, 10000));
  g_assert_cmpuint (inflow_background_portal_get_version (portal), ==, 1);
  inflow_background_portal_set_status (portal, "Waiting for 2 first reports");
  g_assert_cmpint (inflow_background_portal_get_answer (portal), ==, INFLOW_BACKGROUND_ANSWER_ALLOWED);

  /* A round trip after the last call, so that a SetStatus would be logged */
  g_assert_cmpuint (count_calls ("RequestBackground"), ==, 1);
  g_assert_cmpuint (count_calls ("SetStatus"), ==, 0);

  g_clear_object (&portal);
  inflow_test_dbusmock_stop (stand_in, PORTAL_BUS_NAME);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  inflow_test_init (&argc, &argv);

  /* A bus of this program's own, where no portal is unless started */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  g_test_add_func ("/background-portal/no-portal", test_no_portal);
  g_test_add_func ("/background-portal/allowed", test_allowed);
  g_test_add_func ("/background-portal/refused", test_refused);
  g_test_add_func ("/background-portal/version-1", test_version_1);

  status = inflow_test_run ();

  inflow_test_stop_private_bus (bus);

  return status;
}
