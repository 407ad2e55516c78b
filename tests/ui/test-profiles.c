/* test-profiles.c: profiles, read-only tokens, offline start and the demo in the window
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-diagnostics-page.h"
#include "inflow-diagnostics-window.h"
#include "inflow-sign-in-dialog.h"
#include "inflow-test-utils.h"
#include "session-ui-support.h"
#include "ui-window.h"

static GtkWidget *
window_widget (InflowWindow *window,
               const char   *id)
{
  GtkWidget *widget = ui_find_by_id (GTK_WIDGET (window), id);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
label_text (InflowWindow *window,
            const char   *id)
{
  return gtk_label_get_label (GTK_LABEL (window_widget (window, id)));
}

static InflowProfile *
sign_in (UiFixture  *fixture,
         const char *name,
         const char *token)
{
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GError) error = NULL;
  InflowSession *session;

  me = ui_sign_in (fixture->manager, name, token, fixture->base_url, &error);
  g_assert_no_error (error);
  g_assert_true (ui_wait_page (fixture->window, "main", 5000));
  g_assert_true (ui_wait_session_settled (fixture->manager, 20000));
  session = inflow_window_get_session (fixture->window);

  return inflow_session_get_profile (session);
}

static void
test_read_only (UiFixture     *fixture,
                gconstpointer  data)
{
  InflowSession *session;
  GtkWidget *badge;
  const char *reason;

  sign_in (fixture, "Auditors", fixture->read_token);
  session = inflow_window_get_session (fixture->window);

  /* The session says why writing is off, and the window shows it */
  g_assert_false (inflow_session_get_can_write (session));
  reason = inflow_session_get_write_disabled_reason (session);
  g_assert_nonnull (strstr (reason, "read-only"));
  badge = window_widget (fixture->window, "read_only_button");
  g_assert_true (inflow_test_wait_until ((gboolean (*) (gpointer)) ui_is_shown, badge, 5000));
  g_assert_cmpstr (label_text (fixture->window, "read_only_text"), ==, "Read-Only");
  g_assert_cmpstr (label_text (fixture->window, "read_only_label"), ==, reason);
  {
    const char *tooltip = gtk_widget_get_tooltip_text (badge);
    g_assert_cmpstr (tooltip, ==, reason);
  }

  /* Everything else works */
  g_assert_cmpint (inflow_session_get_connection_state (session), ==, INFLOW_CONNECTION_ONLINE);
  g_assert_cmpstr (label_text (fixture->window, "integrations_count"), ==, "40");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (window_widget (fixture->window, "banner"))));
}

static gboolean
banner_revealed (gpointer data)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (window_widget (data, "banner")));
}

static gboolean
diagnostics_done (gpointer data)
{
  return !inflow_diagnostics_get_checking (data);
}

static void
test_offline (UiFixture     *fixture,
              gconstpointer  data)
{
  InflowWindow *later_window;
  g_autoptr(InflowProfileManager) later = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *refresh_stack;

  sign_in (fixture, "Acme", fixture->token);
  g_assert_cmpstr (label_text (fixture->window, "integrations_count"), ==, "40");
  g_assert_nonnull (strstr (label_text (fixture->window, "status_label"), "Updated"));

  /* The API goes away; a manual refresh shows the spinner, then the banner */
  ui_fixture_stop_simulator (fixture);
  refresh_stack = window_widget (fixture->window, "refresh_stack");
  g_assert_true (gtk_widget_is_sensitive (window_widget (fixture->window, "refresh_button")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.refresh", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (refresh_stack)), ==, "spinner");
  g_assert_false (gtk_widget_is_sensitive (window_widget (fixture->window, "refresh_button")));
  g_assert_true (inflow_test_wait_until (banner_revealed, fixture->window, 20000));
  g_assert_nonnull (strstr (label_text (fixture->window, "banner_label"), "Offline"));
  g_assert_nonnull (strstr (label_text (fixture->window, "banner_label"), "as of"));
  g_assert_nonnull (strstr (label_text (fixture->window, "banner_label"), "try again shortly"));
  g_assert_nonnull (strstr (label_text (fixture->window, "status_label"), "Offline"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (refresh_stack)), ==, "icon");

  /* The last known data stays */
  g_assert_cmpstr (ui_window_page (fixture->window), ==, "main");
  g_assert_cmpstr (label_text (fixture->window, "integrations_count"), ==, "40");
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_integrations (inflow_window_get_session (fixture->window))), ==, 40);

  /* The next start, still offline: the cached data shows at once, "as of" */
  ui_destroy_and_finalize (g_object_ref (GTK_WINDOW (fixture->window)));
  fixture->window = NULL;
  later = inflow_profile_manager_new (fixture->database, fixture->store);
  later_window = ui_fixture_new_window (fixture, later);
  inflow_profile_manager_load_async (later, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_profile_manager_load_finish (later, inflow_test_wait_result (&result), &error));
  g_assert_true (ui_wait_page (later_window, "main", 5000));
  g_assert_true (ui_wait_label (GTK_LABEL (window_widget (later_window, "integrations_count")), "40", 5000));
  g_assert_true (inflow_test_wait_until (banner_revealed, later_window, 20000));
  g_assert_nonnull (strstr (label_text (later_window, "banner_label"), "as of"));
  g_assert_cmpstr (label_text (later_window, "integrations_count"), ==, "40");
  g_assert_cmpstr (label_text (later_window, "profile_label"), ==, "Acme");

  /* Diagnostics says what did not run: Vantage was never reached in this
   * run, so there is no clock offset and no refresh to call OK */
  gtk_widget_activate_action (GTK_WIDGET (later_window), "win.show-diagnostics", NULL);
  g_assert_true (ui_wait_toplevel (INFLOW_TYPE_DIAGNOSTICS_WINDOW, 5000));
  {
    GtkWidget *page = ui_template_child (ui_find_toplevel (INFLOW_TYPE_DIAGNOSTICS_WINDOW),
                                         INFLOW_TYPE_DIAGNOSTICS_WINDOW, "page");
    InflowDiagnostics *diagnostics = INFLOW_DIAGNOSTICS (gtk_widget_get_template_child (page, INFLOW_TYPE_DIAGNOSTICS_PAGE,
                                                                                        "diagnostics"));
    InflowDiagnosticCheck *clock = inflow_diagnostics_get_check (diagnostics, INFLOW_CHECK_CLOCK);
    InflowDiagnosticCheck *refresh = inflow_diagnostics_get_check (diagnostics, INFLOW_CHECK_LAST_REFRESH);

    g_assert_true (inflow_test_wait_until (diagnostics_done, diagnostics, 20000));
    g_test_message ("Clock: %s", inflow_diagnostic_check_get_detail (clock));
    g_test_message ("Last refresh: %s", inflow_diagnostic_check_get_detail (refresh));
    g_assert_cmpint (inflow_diagnostic_check_get_state (clock), ==, INFLOW_CHECK_STATE_UNKNOWN);
    g_assert_nonnull (strstr (inflow_diagnostic_check_get_detail (clock), "Not checked"));
    g_assert_cmpint (inflow_diagnostic_check_get_state (refresh), !=, INFLOW_CHECK_STATE_OK);
    g_assert_cmpint (inflow_diagnostic_check_get_state (refresh), !=, INFLOW_CHECK_STATE_PENDING);
  }

  /* Both windows go (the teardown asserts it); the fixture's next */
  ui_destroy_all_windows ();
  g_clear_object (&later);
  /* Teardown removes the profile through the fixture's manager */
  fixture->window = ui_fixture_new_window (fixture, fixture->manager);
}

static void
test_unauthorized_banner (UiFixture     *fixture,
                          gconstpointer  data)
{
  GtkWidget *button;

  sign_in (fixture, "Acme", fixture->token);

  /* The token is revoked: the banner asks to sign in again, prefilled */
  inflow_simulator_set_tokens (fixture->sim, NULL, fixture->read_token);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.refresh", NULL);
  g_assert_true (inflow_test_wait_until (banner_revealed, fixture->window, 20000));
  g_assert_nonnull (strstr (label_text (fixture->window, "banner_label"), "Sign in again"));
  g_assert_cmpstr (label_text (fixture->window, "integrations_count"), ==, "40");

  button = window_widget (fixture->window, "banner_button");
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (ui_wait_toplevel (INFLOW_TYPE_SIGN_IN_DIALOG, 5000));
  {
    GtkWidget *dialog = GTK_WIDGET (ui_find_toplevel (INFLOW_TYPE_SIGN_IN_DIALOG));

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find_by_id (dialog, "name_row"))), ==, "Acme");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find_by_id (dialog, "url_row"))), ==, fixture->base_url);
  }
}

static void
test_switch_profile (UiFixture     *fixture,
                     gconstpointer  data)
{
  g_autoptr(InflowProfile) first = NULL;
  g_autoptr(InflowSession) first_session = NULL;
  InflowProfile *second;
  GMenuModel *menu;

  first = g_object_ref (sign_in (fixture, "Production", fixture->token));
  first_session = g_object_ref (inflow_window_get_session (fixture->window));
  second = sign_in (fixture, "Auditors", fixture->read_token);
  g_assert_true (first_session != inflow_window_get_session (fixture->window));
  g_assert_true (g_cancellable_is_cancelled (inflow_session_get_cancellable (first_session)));

  /* Both in the switcher, the open one checked */
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (window_widget (fixture->window, "profile_button")));
  g_assert_true (ui_menu_has_label (menu, "Production"));
  g_assert_true (ui_menu_has_label (menu, "Auditors"));
  g_assert_cmpstr (label_text (fixture->window, "profile_label"), ==, "Auditors");
  {
    g_autofree char *active = NULL;
    g_object_get (fixture->window, "active-profile-id", &active, NULL);
    g_assert_cmpstr (active, ==, inflow_profile_get_id (second));
  }
  g_assert_true (inflow_test_wait_until ((gboolean (*) (gpointer)) ui_is_shown,
                                         window_widget (fixture->window, "read_only_button"), 5000));

  /* Switching shows the other's data, from the keyring's token */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-profile", "s", inflow_profile_get_id (first));
  g_assert_true (ui_wait_label (GTK_LABEL (window_widget (fixture->window, "profile_label")), "Production", 5000));
  g_assert_cmpstr (inflow_profile_get_id (inflow_session_get_profile (inflow_window_get_session (fixture->window))), ==,
                   inflow_profile_get_id (first));
  g_assert_true (ui_wait_session_settled (fixture->manager, 20000));
  g_assert_false (gtk_widget_get_visible (window_widget (fixture->window, "read_only_button")));
  g_assert_cmpstr (label_text (fixture->window, "integrations_count"), ==, "40");
}

static void
test_sign_out (UiFixture     *fixture,
               gconstpointer  data)
{
  g_autoptr(InflowProfile) profile = g_object_ref (sign_in (fixture, "Acme", fixture->token));
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sign-out", NULL);
  g_assert_true (ui_wait_page (fixture->window, "welcome", 5000));
  g_assert_null (inflow_window_get_session (fixture->window));

  /* The keyring item went; wait for the clear to land */
  for (guint i = 0; i < 100 && inflow_test_keyring_items_of (inflow_profile_get_id (profile)) > 0; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (inflow_test_keyring_items_of (inflow_profile_get_id (profile)), ==, 0);
  g_assert_false (inflow_test_keyring_holds_secret (fixture->token));

  /* The profile is offered again; opening it asks for the token */
  g_assert_true (inflow_test_wait_until ((gboolean (*) (gpointer)) ui_is_shown,
                                         window_widget (fixture->window, "profiles_group"), 5000));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-profile", "s", inflow_profile_get_id (profile));
  g_assert_true (ui_wait_toplevel (INFLOW_TYPE_SIGN_IN_DIALOG, 5000));
  dialog = GTK_WIDGET (ui_find_toplevel (INFLOW_TYPE_SIGN_IN_DIALOG));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find_by_id (dialog, "name_row"))), ==, "Acme");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (ui_find_by_id (dialog, "error_label"))), "No API token"));

  /* Signing in again there reopens the same profile, with its data */
  gtk_editable_set_text (GTK_EDITABLE (ui_find_by_id (dialog, "token_row")), fixture->token);
  gtk_widget_activate_action (dialog, "sign-in.sign-in", NULL);
  g_assert_true (ui_wait_page (fixture->window, "main", 10000));
  g_assert_cmpstr (inflow_profile_get_id (inflow_session_get_profile (inflow_window_get_session (fixture->window))), ==,
                   inflow_profile_get_id (profile));
}

static void
test_remove_profile (UiFixture     *fixture,
                     gconstpointer  data)
{
  g_autoptr(InflowProfile) profile = g_object_ref (sign_in (fixture, "Acme", fixture->token));
  g_autoptr(GListModel) stored = NULL;
  AdwMessageDialog *confirm;

  /* A confirmation first: cancelling keeps everything */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.remove-profile", NULL);
  g_assert_true (ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5000));
  confirm = ADW_MESSAGE_DIALOG (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_close_response (confirm), ==, "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (confirm, "remove"), ==, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (confirm, "cancel");
  ui_destroy_and_finalize (g_object_ref (GTK_WINDOW (confirm)));
  g_assert_cmpstr (ui_window_page (fixture->window), ==, "main");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.remove-profile", NULL);
  g_assert_true (ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5000));
  confirm = ADW_MESSAGE_DIALOG (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (confirm, "remove");
  g_assert_true (ui_wait_page (fixture->window, "welcome", 5000));

  for (guint i = 0; i < 200 && g_list_model_get_n_items (inflow_profile_manager_get_profiles (fixture->manager)) > 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_profile_manager_get_profiles (fixture->manager)), ==, 0);
  g_assert_false (gtk_widget_get_visible (window_widget (fixture->window, "profiles_group")));
  stored = ui_stored_profiles (fixture->database);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 0);
  g_assert_cmpuint (inflow_test_keyring_items_of (inflow_profile_get_id (profile)), ==, 0);
}

static gboolean
has_session (gpointer data)
{
  return inflow_window_get_session (data) != NULL;
}

static void
test_demo (UiFixture     *fixture,
           gconstpointer  data)
{
  GtkWidget *button = window_widget (fixture->window, "demo_button");
  g_autoptr(GListModel) stored = NULL;
  InflowProfile *demo;

  g_signal_emit_by_name (button, "clicked");
  g_assert_true (inflow_test_wait_until (has_session, fixture->window, 10000));
  g_assert_true (ui_wait_page (fixture->window, "main", 5000));

  demo = inflow_session_get_profile (inflow_window_get_session (fixture->window));
  g_assert_true (inflow_profile_get_is_demo (demo));
  g_assert_true (inflow_test_wait_until ((gboolean (*) (gpointer)) ui_is_shown,
                                         window_widget (fixture->window, "demo_badge"), 5000));
  g_assert_cmpstr (label_text (fixture->window, "demo_badge"), ==, "Demo");
  g_assert_true (ui_wait_session_settled (fixture->manager, 20000));
  g_assert_cmpint (inflow_session_get_connection_state (inflow_window_get_session (fixture->window)), ==,
                   INFLOW_CONNECTION_ONLINE);
  g_assert_cmpstr (label_text (fixture->window, "integrations_count"), ==, "40");

  /* No keyring item, no stored profile */
  g_assert_cmpuint (inflow_test_keyring_items_of (inflow_profile_get_id (demo)), ==, 0);
  g_assert_false (ui_keyring_holds_demo_token ());
  stored = ui_stored_profiles (fixture->database);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 0);

  /* Ending it returns to the welcome page */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sign-out", NULL);
  g_assert_true (ui_wait_page (fixture->window, "welcome", 5000));
}

typedef struct
{
  InflowWindow *window;
  gboolean      folded;
} FoldWait;

static gboolean
fold_is (gpointer data)
{
  FoldWait *wait = data;
  GtkWidget *leaflet = ui_template_child (wait->window, INFLOW_TYPE_WINDOW, "leaflet");

  return adw_leaflet_get_folded (ADW_LEAFLET (leaflet)) == wait->folded;
}

static const char *
content_title (InflowWindow *window)
{
  return adw_window_title_get_title (ADW_WINDOW_TITLE (ui_template_child (window, INFLOW_TYPE_WINDOW, "content_title")));
}

static void
test_narrow (UiFixture     *fixture,
             gconstpointer  data)
{
  FoldWait wait = { fixture->window, TRUE };

  sign_in (fixture, "Auditors", fixture->read_token);
  g_assert_true (ui_resize_window_until (GTK_WINDOW (fixture->window), 360, 640, fold_is, &wait));

  /* The badge keeps its lock but drops the word; the section still opens */
  g_assert_false (gtk_widget_get_visible (window_widget (fixture->window, "read_only_text")));
  g_assert_true (gtk_widget_get_visible (window_widget (fixture->window, "read_only_button")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-section", "s", "integrations");
  g_assert_cmpstr (inflow_window_get_section (fixture->window), ==, "integrations");
  g_assert_cmpstr (content_title (fixture->window), ==, "Integrations");

  /* The header bar's title fits: Workspace Access is "Access" there */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-section", "s", "access");
  g_assert_cmpstr (content_title (fixture->window), ==, "Access");

  wait.folded = FALSE;
  g_assert_true (ui_resize_window_until (GTK_WINDOW (fixture->window), 1000, 640, fold_is, &wait));
  g_assert_cmpstr (content_title (fixture->window), ==, "Workspace Access");
  g_assert_true (gtk_widget_get_visible (window_widget (fixture->window, "read_only_text")));
}

static void
test_activation_failed (UiFixture     *fixture,
                        gconstpointer  data)
{
  g_autoptr(InflowProfile) profile = g_object_ref (sign_in (fixture, "Acme", fixture->token));
  g_autoptr(InflowProfileManager) later = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) cleared = NULL;
  g_autoptr(GError) error = NULL;
  InflowWindow *later_window;

  /* The token left the keyring behind Inflow's back */
  inflow_token_store_clear_async (fixture->store, inflow_profile_get_id (profile), NULL,
                                  inflow_test_store_result_cb, &cleared);
  g_assert_true (inflow_token_store_clear_finish (fixture->store, inflow_test_wait_result (&cleared), &error));

  /* At the next start the welcome page says so and offers the profile */
  later = inflow_profile_manager_new (fixture->database, fixture->store);
  later_window = ui_fixture_new_window (fixture, later);
  inflow_profile_manager_load_async (later, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_profile_manager_load_finish (later, inflow_test_wait_result (&result), &error));
  g_assert_true (ui_wait_page (later_window, "welcome", 5000));
  g_assert_true (inflow_test_wait_until ((gboolean (*) (gpointer)) ui_is_shown,
                                         window_widget (later_window, "message_box"), 5000));
  g_assert_nonnull (strstr (label_text (later_window, "message_label"), "Acme"));
  g_assert_nonnull (strstr (label_text (later_window, "message_label"), "Sign in again"));
  g_assert_true (inflow_test_wait_until ((gboolean (*) (gpointer)) ui_is_shown,
                                         window_widget (later_window, "profiles_group"), 5000));

  ui_destroy_and_finalize (g_object_ref (GTK_WINDOW (later_window)));
}

int
main (int   argc,
      char *argv[])
{
  ui_support_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/ui/profiles/" path, UiFixture, NULL, ui_fixture_setup, func, ui_fixture_teardown)

  ADD ("read-only", test_read_only);
  ADD ("offline", test_offline);
  ADD ("unauthorized-banner", test_unauthorized_banner);
  ADD ("switch", test_switch_profile);
  ADD ("sign-out", test_sign_out);
  ADD ("remove", test_remove_profile);
  ADD ("demo", test_demo);
  ADD ("narrow", test_narrow);
  ADD ("activation-failed", test_activation_failed);

  return ui_support_run ();
}
