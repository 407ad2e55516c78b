/* test-application.c: what the application does at startup and with --demo
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The program starts with a damaged database file where Inflow keeps its
 * data, so the application's first window must say so, once.
 */

#include "config.h"

#include <string.h>

#include "inflow-application.h"
#include "inflow-test-utils.h"
#include "inflow-window.h"
#include "session-ui-support.h"

static InflowApplication *application;

static gboolean
app_ready (gpointer data)
{
  return inflow_application_get_ready (data);
}

static InflowWindow *
activate_and_wait (void)
{
  InflowWindow *window;

  g_application_activate (G_APPLICATION (application));
  window = INFLOW_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  g_assert_true (INFLOW_IS_WINDOW (window));
  g_assert_true (inflow_test_wait_until (app_ready, application, 10000));

  return window;
}

static guint
count_message_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        n++;
    }

  return n;
}

static void
test_startup (void)
{
  InflowWindow *window = activate_and_wait ();
  AdwMessageDialog *dialog;
  InflowProfileManager *manager = inflow_application_get_profile_manager (application);

  /* The manager, with a database that replaced the damaged one */
  g_assert_nonnull (manager);
  g_assert_true (inflow_window_get_profile_manager (window) == manager);
  g_assert_nonnull (inflow_profile_manager_get_database (manager));
  g_assert_true (inflow_database_get_recovered_from_corruption (inflow_profile_manager_get_database (manager)));
  g_assert_false (inflow_window_get_loading (window));
  g_assert_true (ui_wait_page (window, "welcome", 5000));

  /* Told once */
  g_assert_true (ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5000));
  dialog = ADW_MESSAGE_DIALOG (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Saved Data Was Damaged");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), ".corrupt-"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  adw_message_dialog_response (dialog, "close");
  ui_destroy_and_finalize (g_object_ref (GTK_WINDOW (dialog)));

  g_application_activate (G_APPLICATION (application));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (count_message_dialogs (), ==, 0);

  ui_destroy_all_windows ();
}

static gboolean
window_has_demo (gpointer data)
{
  InflowSession *session = inflow_window_get_session (data);

  return session != NULL && inflow_profile_get_is_demo (inflow_session_get_profile (session));
}

static void
test_demo_action (void)
{
  InflowWindow *window = activate_and_wait ();
  InflowProfileManager *manager = inflow_application_get_profile_manager (application);
  g_autoptr(GListModel) stored = NULL;
  InflowProfile *demo;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* What `inflow --demo` activates */
  g_action_group_activate_action (G_ACTION_GROUP (application), "demo", NULL);
  g_assert_true (inflow_test_wait_until (window_has_demo, window, 10000));
  g_assert_true (ui_wait_page (window, "main", 5000));
  g_assert_true (ui_wait_session_settled (manager, 20000));
  g_assert_cmpint (inflow_session_get_connection_state (inflow_window_get_session (window)), ==,
                   INFLOW_CONNECTION_ONLINE);

  demo = inflow_session_get_profile (inflow_window_get_session (window));
  g_assert_cmpuint (inflow_test_keyring_items_of (inflow_profile_get_id (demo)), ==, 0);
  g_assert_false (ui_keyring_holds_demo_token ());
  stored = ui_stored_profiles (inflow_profile_manager_get_database (manager));
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 0);

  inflow_profile_manager_sign_out_async (manager, demo, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_profile_manager_sign_out_finish (manager, inflow_test_wait_result (&result), &error));
  g_assert_true (ui_wait_page (window, "welcome", 5000));

  ui_destroy_all_windows ();
}

static gboolean
monitor_has_items (gpointer data)
{
  return g_list_model_get_n_items (inflow_ingestion_monitor_get_items (data)) > 0;
}

/* A click on a notification: app.show-integration opens the window on the
 * integration's ingestion, from any section. */
/* Every section's view has the window's session */
static void
assert_views_have_session (InflowWindow  *window,
                           InflowSession *session)
{
  static const char * const views[] = { "ingestion_view", "integrations_view", "accounts_view", "access_view" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autoptr(InflowSession) view_session = NULL;

      g_object_get (ui_template_child (window, INFLOW_TYPE_WINDOW, views[i]), "session", &view_session, NULL);
      g_assert_true (view_session == session);
    }
}

static void
test_show_integration (void)
{
  InflowWindow *window = activate_and_wait ();
  InflowProfileManager *manager = inflow_application_get_profile_manager (application);
  InflowIngestionMonitor *monitor;
  g_autoptr(InflowIngestionItem) item = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *items;

  g_action_group_activate_action (G_ACTION_GROUP (application), "demo", NULL);
  g_assert_true (inflow_test_wait_until (window_has_demo, window, 10000));
  g_assert_true (ui_wait_session_settled (manager, 20000));

  assert_views_have_session (window, inflow_window_get_session (window));

  /* The application gave the notifier the session's monitor */
  monitor = inflow_session_get_ingestion_monitor (inflow_window_get_session (window));
  g_assert_true (inflow_notifier_get_monitor (inflow_application_get_notifier (application)) == monitor);
  g_assert_true (inflow_test_wait_until (monitor_has_items, monitor, 20000));

  items = inflow_ingestion_monitor_get_items (monitor);
  for (guint i = g_list_model_get_n_items (items); i > 0 && item == NULL; i--)
    {
      g_autoptr(InflowIngestionItem) candidate = g_list_model_get_item (items, i - 1);

      if (inflow_ingestion_item_get_tracked (candidate))
        item = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (item);

  inflow_window_set_section (window, "accounts");
  g_action_group_activate_action (G_ACTION_GROUP (application), "show-integration",
                                  g_variant_new_string (inflow_ingestion_item_get_token (item)));
  g_assert_cmpstr (inflow_window_get_section (window), ==, "ingestion");
  g_assert_true (ui_wait_ingestion_shows (window, inflow_ingestion_item_get_token (item), 10000));

  inflow_profile_manager_sign_out_async (manager, inflow_session_get_profile (inflow_window_get_session (window)),
                                         NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_profile_manager_sign_out_finish (manager, inflow_test_wait_result (&result), &error));
  g_assert_null (inflow_notifier_get_monitor (inflow_application_get_notifier (application)));
  assert_views_have_session (window, NULL);

  ui_destroy_all_windows ();
}

/* A file where the database goes that is no database at all */
static void
damage_database (void)
{
  g_autofree char *path = inflow_database_get_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, "This is not an SQLite database, it is a damaged file.", -1, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  inflow_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  damage_database ();

  application = inflow_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, NULL);
  g_assert_true (g_application_get_is_registered (G_APPLICATION (application)));

  g_test_add_func ("/ui/application/startup", test_startup);
  g_test_add_func ("/ui/application/demo-action", test_demo_action);
  g_test_add_func ("/ui/application/show-integration", test_show_integration);

  status = inflow_test_run ();
  g_clear_object (&application);

  return status;
}
