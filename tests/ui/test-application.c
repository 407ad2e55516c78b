/* test-application.c: what the application does at startup and with --demo
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The program starts with a damaged database file where Inflow keeps its
 * data, so the application's first window must say so, once. With
 * --emptied-database the file is 0 bytes instead, beside the marker that
 * says it held profiles (as after a crash that truncated it): the same
 * words.
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

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Whether a key controller in the capture phase on the way from @window
 * to its focus takes Tab, as the key event would meet them */
static gboolean
capture_takes_tab (GtkWindow *window)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  for (GtkWidget *widget = gtk_root_get_focus (GTK_ROOT (window)); widget != NULL; widget = gtk_widget_get_parent (widget))
    g_ptr_array_insert (path, 0, widget);

  for (guint i = 0; i < path->len; i++)
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (path->pdata[i]);

      for (guint j = 0; j < g_list_model_get_n_items (controllers); j++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, j);
          gboolean handled = FALSE;

          if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
              gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
            g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
          if (handled)
            return TRUE;
        }
    }

  return FALSE;
}

/* The assistant's step is in place: no transition running */
static gboolean
step_shown (gpointer data)
{
  return !gtk_stack_get_transition_running (data) && gtk_widget_get_mapped (gtk_stack_get_visible_child (data));
}

/* What Tab does in a window: the next focusable widget, wrapping round */
static GtkWidget *
press_tab (GtkWindow *window)
{
  if (!capture_takes_tab (window) && !gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
    {
      gtk_window_set_focus (window, NULL);
      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return gtk_root_get_focus (GTK_ROOT (window));
}

static char *
describe (GtkWidget *widget)
{
  const char *text = GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget))
                     : ADW_IS_PREFERENCES_ROW (widget) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))
                     : GTK_IS_EDITABLE (widget) ? "(text)" : gtk_widget_get_tooltip_text (widget);

  return g_strdup_printf ("%s %s", G_OBJECT_TYPE_NAME (widget), text != NULL ? text : "");
}

/* Tab from the start until the focus comes round again, in fewer than
 * @most stops: no trap holds it on the way, and it passes @must_reach */
static void
walk_tabs (GtkWindow *window,
           GtkWidget *must_reach,
           guint      most)
{
  GtkWidget *first;
  gboolean reached = FALSE;
  guint stops = 1;

  gtk_window_set_focus (window, NULL);
  first = press_tab (window);
  g_assert_nonnull (first);
  for (GtkWidget *focus = first; stops < most; stops++)
    {
      g_autofree char *what = describe (focus);

      g_test_message ("  %u: %s", stops, what);
      reached = reached || focus == must_reach || gtk_widget_is_ancestor (focus, must_reach);
      focus = press_tab (window);
      g_assert_nonnull (focus);
      if (focus == first)
        break;
    }
  g_assert_cmpuint (stops, <, most);
  g_assert_true (reached);
}

/* A keyboard walk: Tab goes round every section and the Connect AWS
 * assistant, through the sidebar and the section's content, trapped nowhere */
static void
test_keyboard_walk (void)
{
  static const char * const sections[] = { "ingestion", "integrations", "accounts", "access" };
  InflowWindow *window = activate_and_wait ();
  InflowProfileManager *manager = inflow_application_get_profile_manager (application);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *assistant = NULL;
  GListModel *toplevels;
  GtkStack *steps;

  g_action_group_activate_action (G_ACTION_GROUP (application), "demo", NULL);
  g_assert_true (inflow_test_wait_until (window_has_demo, window, 10000));
  g_assert_true (ui_wait_session_settled (manager, 20000));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      guint most;
      GtkWidget *stack = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), INFLOW_TYPE_WINDOW, "stack"));
      GtkWidget *sidebar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), INFLOW_TYPE_WINDOW, "sidebar"));

      inflow_window_set_section (window, sections[i]);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_test_message ("%s", sections[i]);
      /* A list is one stop, its rows are for the arrows; Workspace Access
       * stops at each check box (40 integrations at 1100 px: one workspace) */
      most = g_str_equal (sections[i], "access") ? 400 : 40;
      walk_tabs (GTK_WINDOW (window), gtk_stack_get_visible_child (GTK_STACK (stack)), most);
      walk_tabs (GTK_WINDOW (window), sidebar, most);
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.connect-aws", "s", "management");
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && assistant == NULL; i++)
    {
      g_autoptr(GtkWindow) candidate = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (candidate), "InflowConnectAssistant"))
        assistant = candidate;
    }
  g_assert_nonnull (assistant);
  g_assert_true (inflow_test_wait_until (is_mapped, assistant, 10000));
  /* Each of its five steps: round through the step itself */
  steps = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (assistant), G_OBJECT_TYPE (assistant), "steps"));
  for (guint i = 0; i < 5; i++)
    {
      g_test_message ("Connect AWS, %s", gtk_stack_get_visible_child_name (steps));
      walk_tabs (assistant, gtk_stack_get_visible_child (steps), 60);
      gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL);
      g_assert_true (inflow_test_wait_until (step_shown, steps, 10000));
    }

  inflow_profile_manager_sign_out_async (manager, inflow_session_get_profile (inflow_window_get_session (window)),
                                         NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_profile_manager_sign_out_finish (manager, inflow_test_wait_result (&result), &error));
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

static void
empty_database (void)
{
  g_autofree char *path = inflow_database_get_default_path ();
  g_autofree char *marker = g_strconcat (path, ".in-use", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  g_file_set_contents (marker, "", 0, &error);
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

  if (argc > 1 && g_str_equal (argv[argc - 1], "--emptied-database"))
    empty_database ();
  else
    damage_database ();

  application = inflow_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, NULL);
  g_assert_true (g_application_get_is_registered (G_APPLICATION (application)));

  g_test_add_func ("/ui/application/startup", test_startup);
  g_test_add_func ("/ui/application/demo-action", test_demo_action);
  g_test_add_func ("/ui/application/show-integration", test_show_integration);
  g_test_add_func ("/ui/application/keyboard-walk", test_keyboard_walk);

  status = inflow_test_run ();
  g_clear_object (&application);

  return status;
}
