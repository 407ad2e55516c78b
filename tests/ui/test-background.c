/* test-background.c: Inflow with its window closed, on a session bus of its own
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bus has python3-dbusmock's notification_daemon (the notification
 * server GLib's freedesktop backend talks to) and the Background portal
 * stand-in of tests/dbusmock; the application registers on it as Inflow
 * does, and runs the demo: the simulator with its clock sped up, whose
 * freshly connected integration gets its first Cost and Usage Report about
 * INFLOW_DEMO_FIRST_CUR_SECONDS after the start.
 *
 * The window closes while that integration awaits its report: Inflow keeps
 * running, asks the portal, and when the report lands the notification
 * naming the account reaches the server with no window open; the server's
 * ActionInvoked (a click) opens the window on the integration. Then a
 * refusal from the portal shows in Preferences, and with no portal the
 * autostart file is written and removed.
 */

#include "config.h"

#include <string.h>

#include "inflow-application.h"
#include "inflow-diagnostics.h"
#include "inflow-preferences-window.h"
#include "inflow-test-utils.h"
#include "inflow-window.h"
#include "session-ui-support.h"

#define NOTIFICATIONS_BUS_NAME "org.freedesktop.Notifications"
#define NOTIFICATIONS_PATH     "/org/freedesktop/Notifications"
#define PORTAL_BUS_NAME        "org.freedesktop.portal.Desktop"
#define PORTAL_PATH            "/org/freedesktop/portal/desktop"

static GTestDBus *bus;
static GSubprocess *notification_server;
static GSubprocess *portal;
static InflowApplication *application;

static InflowWindow *
main_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL; l = l->next)
    if (INFLOW_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static gboolean
has_main_window (gpointer data)
{
  return main_window () != NULL;
}

static gboolean
app_ready (gpointer data)
{
  return inflow_application_get_ready (application);
}

static InflowSession *
app_session (void)
{
  InflowProfileManager *manager = inflow_application_get_profile_manager (application);

  return manager != NULL ? inflow_profile_manager_get_session (manager) : NULL;
}

/* An integration of the demo awaiting its first report, once monitored */
static InflowIngestionItem *
find_awaiting (void)
{
  InflowSession *session = app_session ();
  GListModel *items;

  if (session == NULL)
    return NULL;

  items = inflow_ingestion_monitor_get_items (inflow_session_get_ingestion_monitor (session));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(InflowIngestionItem) item = g_list_model_get_item (items, i);

      if (inflow_ingestion_item_get_tracked (item) &&
          inflow_ingestion_item_get_phase (item) == INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR)
        return item;
    }

  return NULL;
}

static gboolean
has_awaiting (gpointer data)
{
  return find_awaiting () != NULL;
}

static gboolean
mode_held (gpointer data)
{
  return inflow_background_mode_get_held (inflow_application_get_background_mode (application)) == GPOINTER_TO_INT (data);
}

static gboolean
portal_answered (gpointer data)
{
  InflowBackgroundPortal *background_portal = inflow_background_mode_get_portal (inflow_application_get_background_mode (application));

  return inflow_background_portal_get_answer (background_portal) == GPOINTER_TO_INT (data);
}

/* What the server was asked to show, with the id it gave each */
typedef struct
{
  guint32  id;
  char    *summary;
  char    *body;
  gboolean has_default_action;
} Shown;

static void
shown_clear (Shown *shown)
{
  g_clear_pointer (&shown->summary, g_free);
  g_clear_pointer (&shown->body, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Shown, shown_clear)

/* The first Notify whose summary has @text; the server numbers new ones from 1 */
static gboolean
find_notify (const char *text,
             Shown      *shown)
{
  g_autoptr(GPtrArray) calls = inflow_test_dbusmock_calls (NOTIFICATIONS_BUS_NAME, NOTIFICATIONS_PATH, "Notify");
  guint32 next_id = 1;

  for (guint i = 0; i < calls->len; i++)
    {
      GVariant *args = g_ptr_array_index (calls, i);
      g_autoptr(GVariant) replaces = NULL;
      g_autoptr(GVariant) summary = NULL;
      g_autoptr(GVariant) body = NULL;
      g_autoptr(GVariant) actions = NULL;
      g_autofree const char **action_names = NULL;
      guint32 id;

      g_variant_get_child (args, 1, "v", &replaces);
      g_variant_get_child (args, 3, "v", &summary);
      g_variant_get_child (args, 4, "v", &body);
      g_variant_get_child (args, 5, "v", &actions);
      id = g_variant_get_uint32 (replaces) != 0 ? g_variant_get_uint32 (replaces) : next_id++;

      if (strstr (g_variant_get_string (summary, NULL), text) == NULL)
        continue;

      shown->id = id;
      shown->summary = g_variant_dup_string (summary, NULL);
      shown->body = g_variant_dup_string (body, NULL);
      action_names = g_variant_get_strv (actions, NULL);
      shown->has_default_action = action_names[0] != NULL && g_str_equal (action_names[0], "default");
      return TRUE;
    }

  return FALSE;
}

static gboolean
notified (gpointer data)
{
  g_auto(Shown) shown = { 0 };

  return find_notify (data, &shown);
}

/* The options of the last RequestBackground the portal had */
static GVariant *
last_background_request (void)
{
  g_autoptr(GPtrArray) calls = inflow_test_dbusmock_calls (PORTAL_BUS_NAME, PORTAL_PATH, "RequestBackground");
  GVariant *options;

  g_assert_cmpuint (calls->len, >, 0);
  g_variant_get_child (g_ptr_array_index (calls, calls->len - 1), 1, "v", &options);

  return options;
}

static void
test_notify_closed (void)
{
  InflowBackgroundMode *mode = inflow_application_get_background_mode (application);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(InflowIngestionItem) item = NULL;
  g_autoptr(GVariant) options = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Shown) shown = { 0 };
  InflowIngestionMonitor *monitor;
  g_autofree const char **command = NULL;
  const char *reason;
  gboolean autostart;

  /* The window, and the demo in it */
  g_test_timer_start ();
  g_application_activate (G_APPLICATION (application));
  g_assert_true (inflow_test_wait_until (app_ready, NULL, 10000));
  g_action_group_activate_action (G_ACTION_GROUP (application), "demo", NULL);
  g_assert_true (inflow_test_wait_until (has_awaiting, NULL, 60000));
  item = g_object_ref (find_awaiting ());
  token = g_strdup (inflow_ingestion_item_get_token (item));
  monitor = inflow_session_get_ingestion_monitor (app_session ());
  g_assert_cmpuint (inflow_ingestion_monitor_get_n_watched (monitor), >, 0);
  g_test_message ("%s (%s) awaits its first report after %.1f s", token,
                  inflow_ingestion_item_get_account_id (item), g_test_timer_elapsed ());
  g_assert_false (inflow_background_mode_get_held (mode));
  g_assert_false (inflow_session_get_in_background (app_session ()));

  /* Closed while it awaits: Inflow runs on, in the background */
  gtk_window_close (GTK_WINDOW (main_window ()));
  g_assert_true (inflow_test_wait_until (mode_held, GINT_TO_POINTER (TRUE), 5000));
  g_assert_null (main_window ());
  g_assert_true (inflow_session_get_in_background (app_session ()));
  g_assert_true (inflow_notifier_get_monitor (inflow_application_get_notifier (application)) == monitor);

  /* The portal was asked, without autostart, and said yes */
  g_assert_true (inflow_test_wait_until (portal_answered, GINT_TO_POINTER (INFLOW_BACKGROUND_ANSWER_ALLOWED), 10000));
  options = last_background_request ();
  g_assert_true (g_variant_lookup (options, "reason", "&s", &reason));
  g_test_message ("Reason: %s", reason);
  g_assert_true (g_str_has_prefix (reason, "Inflow watches your integrations"));
  g_assert_true (g_variant_lookup (options, "autostart", "b", &autostart));
  g_assert_false (autostart);

  /* Start at Login: asked again, with autostart and the service's command line */
  g_settings_set_boolean (settings, "start-at-login", TRUE);
  g_assert_true (inflow_test_wait_until (portal_answered, GINT_TO_POINTER (INFLOW_BACKGROUND_ANSWER_ALLOWED), 10000));
  g_clear_pointer (&options, g_variant_unref);
  options = last_background_request ();
  g_assert_true (g_variant_lookup (options, "autostart", "b", &autostart));
  g_assert_true (autostart);
  g_assert_true (g_variant_lookup (options, "commandline", "^a&s", &command));
  g_assert_cmpstr (command[0], ==, "inflow");
  g_assert_cmpstr (command[1], ==, "--gapplication-service");
  g_assert_null (command[2]);
  g_assert_true (inflow_background_portal_get_autostart (inflow_background_mode_get_portal (mode)));
  g_settings_reset (settings, "start-at-login");

  /* The report lands; the notification names the account, with no window */
  g_assert_true (inflow_test_wait_until (notified, (gpointer) "First cost report for", 300000));
  g_test_message ("Notified after %.1f s", g_test_timer_elapsed ());
  g_assert_null (main_window ());
  g_assert_true (find_notify ("First cost report for", &shown));
  g_test_message ("Notification %u: %s — %s", shown.id, shown.summary, shown.body);
  g_assert_nonnull (strstr (shown.summary, inflow_ingestion_item_get_account_id (item)));
  g_assert_nonnull (inflow_ingestion_item_get_account_name (item));
  g_assert_nonnull (strstr (shown.summary, inflow_ingestion_item_get_account_name (item)));
  g_assert_true (shown.has_default_action);

  /* Its default action (a click) opens the window on the integration */
  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  reply = g_dbus_connection_call_sync (connection, NOTIFICATIONS_BUS_NAME, NOTIFICATIONS_PATH,
                                       "org.freedesktop.DBus.Mock", "EmitSignal",
                                       g_variant_new ("(sss@av)", "org.freedesktop.Notifications", "ActionInvoked",
                                                      "us",
                                                      g_variant_new_parsed ("[<%u>, <'default'>]", shown.id)),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (inflow_test_wait_until (has_main_window, NULL, 10000));
  g_assert_true (ui_wait_ingestion_shows (main_window (), token, 10000));
  g_assert_cmpstr (inflow_window_get_section (main_window ()), ==, "ingestion");

  /* With a window, the window holds Inflow */
  g_assert_true (inflow_test_wait_until (mode_held, GINT_TO_POINTER (FALSE), 5000));
  g_assert_false (inflow_session_get_in_background (app_session ()));
}

static gboolean
label_shows_refusal (gpointer data)
{
  const char *subtitle = adw_action_row_get_subtitle (data);

  return subtitle != NULL && strstr (subtitle, "refused") != NULL;
}

/* A refusal from the portal shows in Preferences */
static void
test_refused (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowDiagnostics) diagnostics = NULL;
  InflowDiagnosticCheck *check;
  GtkWindow *preferences;
  GtkWidget *row;

  reply = g_dbus_connection_call_sync (connection, PORTAL_BUS_NAME, PORTAL_PATH, "org.freedesktop.DBus.Mock",
                                       "SetResponse", g_variant_new ("(ubb)", 1, FALSE, FALSE),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);

  if (main_window () == NULL)
    g_application_activate (G_APPLICATION (application));
  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  g_assert_true (ui_wait_toplevel (INFLOW_TYPE_PREFERENCES_WINDOW, 5000));
  preferences = ui_find_toplevel (INFLOW_TYPE_PREFERENCES_WINDOW);
  row = ui_template_child (preferences, INFLOW_TYPE_PREFERENCES_WINDOW, "permission_row");
  g_assert_true (ui_is_shown (row));
  g_assert_false (ui_is_shown (ui_template_child (preferences, INFLOW_TYPE_PREFERENCES_WINDOW, "refused_icon")));

  /* Turning Start at Login on asks; the user says no */
  gtk_switch_set_active (GTK_SWITCH (ui_template_child (preferences, INFLOW_TYPE_PREFERENCES_WINDOW, "login_switch")), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "start-at-login"));
  g_assert_true (inflow_test_wait_until (label_shows_refusal, row, 10000));
  g_test_message ("Desktop Permission: %s", adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  g_assert_true (ui_is_shown (ui_template_child (preferences, INFLOW_TYPE_PREFERENCES_WINDOW, "refused_icon")));

  /* And in Diagnostics, as a warning */
  diagnostics = inflow_diagnostics_new ();
  inflow_diagnostics_set_background_mode (diagnostics, inflow_application_get_background_mode (application));
  check = inflow_diagnostics_get_check (diagnostics, INFLOW_CHECK_BACKGROUND);
  g_test_message ("%s: %s", inflow_diagnostic_check_get_title (check), inflow_diagnostic_check_get_detail (check));
  g_assert_cmpint (inflow_diagnostic_check_get_state (check), ==, INFLOW_CHECK_STATE_WARNING);
  g_assert_nonnull (strstr (inflow_diagnostic_check_get_detail (check), "refused"));
  g_assert_finalize_object (g_steal_pointer (&diagnostics));

  /* No autostart file behind the user's back */
  {
    g_autofree char *path = inflow_background_mode_dup_autostart_path ();

    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  g_settings_reset (settings, "start-at-login");
  ui_destroy_and_finalize (g_object_ref (preferences));
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
file_gone (gpointer data)
{
  return !g_file_test (data, G_FILE_TEST_EXISTS);
}

/* With no portal (outside a sandbox), Start at Login writes the autostart file */
static void
test_autostart_file (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *path = inflow_background_mode_dup_autostart_path ();
  g_autofree char *expected = g_build_filename (g_get_user_config_dir (), "autostart", APPLICATION_ID ".desktop", NULL);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;
  InflowBackgroundMode *mode = inflow_application_get_background_mode (application);

  g_assert_cmpstr (path, ==, expected);
  g_assert_false (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS));
  inflow_test_dbusmock_stop (g_steal_pointer (&portal), PORTAL_BUS_NAME);

  g_settings_set_boolean (settings, "start-at-login", TRUE);
  g_assert_true (inflow_test_wait_until (file_exists, path, 10000));
  g_assert_true (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  exec = g_key_file_get_string (file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exec, ==, "inflow --gapplication-service");
  g_assert_true (g_key_file_get_boolean (file, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", &error));
  g_assert_no_error (error);
  g_assert_cmpint (inflow_background_portal_get_answer (inflow_background_mode_get_portal (mode)), ==,
                   INFLOW_BACKGROUND_ANSWER_NO_PORTAL);
  g_test_message ("%s", inflow_background_mode_get_description (mode));
  g_assert_nonnull (strstr (inflow_background_mode_get_description (mode), path));

  g_settings_set_boolean (settings, "start-at-login", FALSE);
  g_assert_true (inflow_test_wait_until (file_gone, path, 10000));
  g_assert_null (strstr (inflow_background_mode_get_description (mode), path));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *template = NULL;
  g_autofree char *display = NULL;
  int status;

  inflow_test_init (&argc, &argv);

  /* A bus of this program's own, with the stand-ins on it, before anything
   * (libadwaita's style manager first) connects to one */
  g_setenv ("GNOTIFICATION_BACKEND", "freedesktop", TRUE);
  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  /* which unset it, against X11's autolaunch of a bus */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  gtk_init ();
  adw_init ();
  notification_server = inflow_test_dbusmock_start ("notification_daemon", NOTIFICATIONS_BUS_NAME, NULL);
  template = g_test_build_filename (G_TEST_DIST, "dbusmock", "background_portal.py", NULL);
  portal = inflow_test_dbusmock_start (template, PORTAL_BUS_NAME, NULL);

  /* Registered on the bus as Inflow is, so that notifications go out */
  application = inflow_application_new ();
  g_application_register (G_APPLICATION (application), NULL, NULL);
  g_assert_true (g_application_get_is_registered (G_APPLICATION (application)));
  g_assert_false (g_application_get_is_remote (G_APPLICATION (application)));

  g_test_add_func ("/ui/background/notify-closed", test_notify_closed);
  g_test_add_func ("/ui/background/refused", test_refused);
  g_test_add_func ("/ui/background/autostart-file", test_autostart_file);

  status = inflow_test_run ();

  ui_destroy_all_windows ();
  g_clear_object (&application);
  if (portal != NULL)
    inflow_test_dbusmock_stop (g_steal_pointer (&portal), PORTAL_BUS_NAME);
  inflow_test_dbusmock_stop (g_steal_pointer (&notification_server), NOTIFICATIONS_BUS_NAME);

  inflow_test_stop_private_bus (bus);

  return status;
}
