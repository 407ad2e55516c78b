/* test-sign-in.c: the welcome page and the sign-in dialog against the simulator
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-ingestion-format.h"
#include "inflow-sign-in-dialog.h"
#include "inflow-test-utils.h"
#include "inflow-welcome-page.h"
#include "session-ui-support.h"

static GtkWidget *
window_widget (UiFixture  *fixture,
               const char *id)
{
  GtkWidget *widget = ui_find_by_id (GTK_WIDGET (fixture->window), id);

  g_assert_nonnull (widget);
  return widget;
}

static GtkWidget *
dialog_widget (GtkWidget  *dialog,
               const char *id)
{
  GtkWidget *widget = ui_find_by_id (dialog, id);

  g_assert_nonnull (widget);
  return widget;
}

/* Opens the sign-in dialog the way the welcome page's button does. */
static GtkWidget *
open_dialog (UiFixture *fixture)
{
  GtkWidget *button = window_widget (fixture, "sign_in_button");

  g_assert_true (ui_is_shown (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (ui_wait_toplevel (INFLOW_TYPE_SIGN_IN_DIALOG, 5000));

  return GTK_WIDGET (ui_find_toplevel (INFLOW_TYPE_SIGN_IN_DIALOG));
}

static void
fill_in (GtkWidget  *dialog,
         const char *name,
         const char *token,
         const char *base_url)
{
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (dialog, "name_row")), name);
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (dialog, "token_row")), token);
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (dialog, "url_row")), base_url);
}

/* Presses Enter in the token entry: the dialog's default, Sign In, runs. */
static void
press_enter_in_token (GtkWidget *dialog)
{
  GtkWidget *text = ui_find_by_type (dialog_widget (dialog, "token_row"), GTK_TYPE_TEXT);

  /* What the Enter key binding of GtkText does */
  g_assert_nonnull (text);
  g_signal_emit_by_name (text, "activate");
}

static gboolean
is_busy (gpointer data)
{
  return inflow_sign_in_dialog_get_busy (data);
}

static gboolean
not_busy (gpointer data)
{
  return !inflow_sign_in_dialog_get_busy (data);
}

/* Waits for the sign-in started to begin (Enter presses the default button,
 * which clicks after a short press animation) and then to end. */
static void
wait_not_busy (GtkWidget *dialog)
{
  g_assert_true (inflow_test_wait_until (is_busy, dialog, 5000));
  g_assert_true (inflow_test_wait_until (not_busy, dialog, 20000));
}

static const char *
row_text (GtkWidget  *dialog,
          const char *id)
{
  return gtk_editable_get_text (GTK_EDITABLE (dialog_widget (dialog, id)));
}

static void
test_welcome_without_profile (UiFixture     *fixture,
                              gconstpointer  data)
{
  GtkWidget *help = window_widget (fixture, "help_label");

  g_assert_cmpstr (ui_window_page (fixture->window), ==, "welcome");
  g_assert_null (inflow_window_get_session (fixture->window));
  g_assert_true (ui_is_shown (window_widget (fixture, "welcome_page")));
  g_assert_true (ui_is_shown (window_widget (fixture, "sign_in_button")));
  g_assert_true (ui_is_shown (window_widget (fixture, "demo_button")));
  g_assert_false (gtk_widget_get_visible (window_widget (fixture, "profiles_group")));
  g_assert_false (gtk_widget_get_visible (window_widget (fixture, "message_box")));

  /* Where the token comes from, and what it needs to change things */
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (help)), "API Access Tokens"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (help)), "Write"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (help)), "Everyone"));

  /* Refreshing and signing out need a profile */
  g_assert_false (gtk_widget_is_sensitive (window_widget (fixture, "refresh_button")));
}

static void
test_good_token (UiFixture     *fixture,
                 gconstpointer  data)
{
  GtkWidget *dialog = open_dialog (fixture);
  GtkWidget *title;
  InflowSession *session;
  GtkMenuButton *switcher;
  g_autofree char *padded = g_strdup_printf ("  %s \n", fixture->token);

  /* Sign In waits for a name and a token */
  g_assert_false (gtk_widget_is_sensitive (dialog_widget (dialog, "sign_in_button")));
  fill_in (dialog, "Acme Production", padded, fixture->base_url);
  g_assert_true (gtk_widget_is_sensitive (dialog_widget (dialog, "sign_in_button")));

  /* Enter signs in, with a spinner while the token is checked */
  inflow_simulator_add_fault (fixture->sim, NULL, "/v2/me", INFLOW_SIM_FAULT_DELAY, 0, 300, 1);
  press_enter_in_token (dialog);
  g_assert_true (inflow_test_wait_until (is_busy, dialog, 5000));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (dialog_widget (dialog, "sign_in_stack"))), ==, "spinner");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (dialog_widget (dialog, "token_row"))));
  g_assert_true (inflow_test_wait_until (not_busy, dialog, 20000));

  /* What the token can do */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (dialog_widget (dialog, "pages"))), ==, "done");
  title = dialog_widget (dialog, "done_title");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (title)), "Acme Production"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (dialog_widget (dialog, "access_row"))),
                            "write"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (dialog_widget (dialog, "workspace_row"))),
                            "Default"));
  g_assert_false (gtk_widget_get_visible (dialog_widget (dialog, "done_note")));

  /* The token's date in words, with a year only when it is another one
   * (the simulator's token is 30 days old): no "11/07/26" */
  {
    const char *info = adw_action_row_get_subtitle (ADW_ACTION_ROW (dialog_widget (dialog, "token_info_row")));
    g_autoptr(GDateTime) now = inflow_simulator_dup_now (fixture->sim);
    g_autoptr(GDateTime) created = g_date_time_add_days (now, -30);
    g_autoptr(GDateTime) local_now = g_date_time_to_local (now);
    g_autofree char *day = inflow_ingestion_format_date (created, local_now);

    g_test_message ("Token: %s", info);
    g_assert_nonnull (strstr (info, "created "));
    g_assert_null (strchr (info, '/'));
    g_assert_true (g_str_has_suffix (info, day));
  }

  /* The main content, the profile in the switcher, the token in the keyring */
  g_assert_true (ui_wait_page (fixture->window, "main", 5000));
  session = inflow_window_get_session (fixture->window);
  g_assert_nonnull (session);
  g_assert_cmpstr (inflow_profile_get_name (inflow_session_get_profile (session)), ==, "Acme Production");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (window_widget (fixture, "profile_label"))), ==, "Acme Production");
  switcher = GTK_MENU_BUTTON (window_widget (fixture, "profile_button"));
  g_assert_true (ui_menu_has_label (gtk_menu_button_get_menu_model (switcher), "Acme Production"));
  g_assert_true (inflow_test_keyring_holds_secret (fixture->token));
  g_assert_cmpuint (inflow_test_keyring_items_of (inflow_profile_get_id (inflow_session_get_profile (session))), ==, 1);

  /* The data arrives; the sidebar counts it */
  g_assert_true (ui_wait_label (GTK_LABEL (window_widget (fixture, "integrations_count")), "40", 10000));
  g_assert_true (inflow_test_wait_until ((gboolean (*) (gpointer)) ui_is_shown,
                                         window_widget (fixture, "integrations_count"), 5000));
  g_assert_false (gtk_widget_get_visible (window_widget (fixture, "read_only_button")));
  g_assert_false (gtk_widget_get_visible (window_widget (fixture, "demo_badge")));

  /* Done closes the dialog */
  g_assert_true (inflow_test_wait_until ((gboolean (*) (gpointer)) ui_is_shown,
                                         dialog_widget (dialog, "continue_button"), 5000));
  g_signal_emit_by_name (dialog_widget (dialog, "continue_button"), "clicked");
  g_assert_null (ui_find_toplevel (INFLOW_TYPE_SIGN_IN_DIALOG));
}

static void
test_bad_token (UiFixture     *fixture,
                gconstpointer  data)
{
  GtkWidget *dialog = open_dialog (fixture);
  g_autofree char *wrong = g_strdup_printf ("%s-revoked", fixture->token);
  g_autoptr(GListModel) stored = NULL;

  fill_in (dialog, "Acme Production", wrong, fixture->base_url);
  press_enter_in_token (dialog);
  wait_not_busy (dialog);

  /* The 401's own message, next to the token */
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (dialog_widget (dialog, "error_revealer"))));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (dialog_widget (dialog, "error_title"))), ==, "Token Not Accepted");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (dialog_widget (dialog, "error_label"))),
                            "did not accept this API token"));
  g_assert_true (gtk_widget_has_css_class (dialog_widget (dialog, "token_row"), "error"));
  g_assert_false (gtk_widget_get_visible (dialog_widget (dialog, "session_only_button")));

  /* Everything typed stays; the dialog stays on the form, ready again */
  g_assert_cmpstr (row_text (dialog, "name_row"), ==, "Acme Production");
  g_assert_cmpstr (row_text (dialog, "token_row"), ==, wrong);
  g_assert_cmpstr (row_text (dialog, "url_row"), ==, fixture->base_url);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (dialog_widget (dialog, "pages"))), ==, "form");
  g_assert_true (gtk_widget_is_sensitive (dialog_widget (dialog, "sign_in_button")));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (dialog_widget (dialog, "token_row"))));

  /* Nothing stored, no profile open */
  g_assert_cmpstr (ui_window_page (fixture->window), ==, "welcome");
  g_assert_false (inflow_test_keyring_holds_secret (wrong));
  stored = ui_stored_profiles (fixture->database);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 0);

  /* Fixing the token clears the mark, and signs in */
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (dialog, "token_row")), fixture->token);
  g_assert_false (gtk_widget_has_css_class (dialog_widget (dialog, "token_row"), "error"));
  gtk_widget_activate_action (dialog, "sign-in.sign-in", NULL);
  wait_not_busy (dialog);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (dialog_widget (dialog, "pages"))), ==, "done");
}

static void
assert_error (GtkWidget  *dialog,
              const char *title,
              const char *words)
{
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (dialog_widget (dialog, "error_revealer"))));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (dialog_widget (dialog, "error_title"))), ==, title);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (dialog_widget (dialog, "error_label"))), words));
}

static void
test_errors (UiFixture     *fixture,
             gconstpointer  data)
{
  GtkWidget *dialog = open_dialog (fixture);
  g_autoptr(InflowSimulator) gone = inflow_simulator_new (1, 0, 0);
  g_autofree char *gone_url = NULL;

  /* Network: nothing listens there any more */
  g_assert_true (inflow_simulator_listen (gone, 0, NULL));
  gone_url = g_strdup (inflow_simulator_get_base_url (gone));
  g_clear_object (&gone);
  fill_in (dialog, "Acme", fixture->token, gone_url);
  gtk_widget_activate_action (dialog, "sign-in.sign-in", NULL);
  wait_not_busy (dialog);
  assert_error (dialog, "No Connection", gone_url);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (dialog_widget (dialog, "advanced_row"))));
  g_assert_cmpstr (row_text (dialog, "url_row"), ==, gone_url);
  g_assert_cmpstr (row_text (dialog, "token_row"), ==, fixture->token);

  /* Server error */
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (dialog, "url_row")), fixture->base_url);
  inflow_simulator_add_fault (fixture->sim, NULL, "/v2/me", INFLOW_SIM_FAULT_STATUS, 503, 0, 0);
  gtk_widget_activate_action (dialog, "sign-in.sign-in", NULL);
  wait_not_busy (dialog);
  assert_error (dialog, "Vantage Is Having Problems", "try again");
  inflow_simulator_clear_faults (fixture->sim);

  /* Not https */
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (dialog, "url_row")), "http://api.example.com");
  gtk_widget_activate_action (dialog, "sign-in.sign-in", NULL);
  wait_not_busy (dialog);
  assert_error (dialog, "Address Not Secure", "https://");
  g_assert_true (gtk_widget_has_css_class (dialog_widget (dialog, "url_row"), "error"));

  /* HTTPS with a certificate that cannot be verified */
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "service", "self-signed.pem", NULL);
    g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_file (path, NULL);
    g_autoptr(InflowSimulator) tls = inflow_simulator_new (1, 0, 0);

    g_assert_nonnull (certificate);
    inflow_simulator_set_tls_certificate (tls, certificate);
    inflow_simulator_set_tokens (tls, fixture->token, NULL);
    g_assert_true (inflow_simulator_listen (tls, 0, NULL));
    gtk_editable_set_text (GTK_EDITABLE (dialog_widget (dialog, "url_row")), inflow_simulator_get_base_url (tls));
    gtk_widget_activate_action (dialog, "sign-in.sign-in", NULL);
    wait_not_busy (dialog);
    assert_error (dialog, "Connection Not Secure", "certificate could not be verified");
    g_assert_cmpuint (inflow_simulator_get_request_count (tls, NULL), ==, 0);
  }

  /* Not the API: a page that answers something else */
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (dialog, "url_row")), fixture->base_url);
  inflow_simulator_add_fault (fixture->sim, NULL, "/v2/me", INFLOW_SIM_FAULT_MALFORMED_JSON, 0, 0, 0);
  gtk_widget_activate_action (dialog, "sign-in.sign-in", NULL);
  wait_not_busy (dialog);
  assert_error (dialog, "Not the Vantage API", "API address");

  /* Still nothing stored, values in place */
  g_assert_cmpstr (row_text (dialog, "name_row"), ==, "Acme");
  g_assert_cmpstr (ui_window_page (fixture->window), ==, "welcome");
  g_assert_false (inflow_test_keyring_holds_secret (fixture->token));
}

static void
test_keyboard (UiFixture     *fixture,
               gconstpointer  data)
{
  GtkWidget *dialog = open_dialog (fixture);

  /* Enter in any field activates Sign In; Escape closes */
  g_assert_true (adw_entry_row_get_activates_default (ADW_ENTRY_ROW (dialog_widget (dialog, "name_row"))));
  g_assert_true (adw_entry_row_get_activates_default (ADW_ENTRY_ROW (dialog_widget (dialog, "token_row"))));
  g_assert_true (adw_entry_row_get_activates_default (ADW_ENTRY_ROW (dialog_widget (dialog, "url_row"))));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == dialog_widget (dialog, "sign_in_button"));
  g_assert_true (ui_has_shortcut (dialog, GDK_KEY_Escape, 0, "window.close"));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));

  /* The token entry hides what is typed */
  g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (dialog_widget (dialog, "token_row")));

  /* Refresh: F5 and Ctrl+R */
  g_assert_true (ui_has_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_F5, 0, "win.refresh"));
  g_assert_true (ui_has_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh"));
  /* Connect AWS: Ctrl+N */
  g_assert_true (ui_has_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_n, GDK_CONTROL_MASK, "win.connect-aws"));

  /* Closing while signing in cancels it: nothing is stored */
  fill_in (dialog, "Acme", fixture->token, fixture->base_url);
  inflow_simulator_add_fault (fixture->sim, NULL, "/v2/me", INFLOW_SIM_FAULT_DELAY, 0, 2000, 1);
  gtk_widget_activate_action (dialog, "sign-in.sign-in", NULL);
  g_assert_true (inflow_sign_in_dialog_get_busy (INFLOW_SIGN_IN_DIALOG (dialog)));
  gtk_widget_activate_action (dialog, "window.close", NULL);
  g_assert_null (ui_find_toplevel (INFLOW_TYPE_SIGN_IN_DIALOG));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (inflow_profile_manager_get_session (fixture->manager));
  g_assert_false (inflow_test_keyring_holds_secret (fixture->token));
}

/* No Secret Service: "secure storage unavailable", and a session-only
 * sign-in with a warning. The subprocess starts without a D-Bus session
 * (see main()). */
static void
test_no_secret_service (UiFixture     *fixture,
                        gconstpointer  data)
{
  GtkWidget *dialog;
  GtkWidget *note;
  g_autoptr(GListModel) stored = NULL;

  if (!g_test_subprocess ())
    {
      g_setenv ("INFLOW_TEST_NO_SESSION_BUS", "1", TRUE);
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_unsetenv ("INFLOW_TEST_NO_SESSION_BUS");
      g_test_trap_assert_passed ();
      return;
    }

  dialog = open_dialog (fixture);
  fill_in (dialog, "Acme", fixture->token, fixture->base_url);
  gtk_widget_activate_action (dialog, "sign-in.sign-in", NULL);
  wait_not_busy (dialog);

  assert_error (dialog, "Secure Storage Unavailable", "session only");
  g_assert_true (gtk_widget_get_visible (dialog_widget (dialog, "session_only_button")));
  g_assert_cmpstr (ui_window_page (fixture->window), ==, "welcome");

  /* For this session only: it works, with a warning, and keeps nothing */
  g_signal_emit_by_name (dialog_widget (dialog, "session_only_button"), "clicked");
  wait_not_busy (dialog);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (dialog_widget (dialog, "pages"))), ==, "done");
  note = dialog_widget (dialog, "done_note");
  g_assert_true (gtk_widget_get_visible (note));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (note)), "only until Inflow closes"));
  g_assert_true (ui_wait_page (fixture->window, "main", 5000));
  g_assert_null (inflow_session_get_database (inflow_window_get_session (fixture->window)));
  stored = ui_stored_profiles (fixture->database);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 0);
}

static void
test_icon_buttons_have_labels (UiFixture     *fixture,
                               gconstpointer  data)
{
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const ids[] = { "refresh_button", "read_only_button" };

  me = ui_sign_in (fixture->manager, "Acme", fixture->read_token, fixture->base_url, &error);
  g_assert_no_error (error);
  g_assert_true (ui_wait_page (fixture->window, "main", 5000));

  /* Icon-only buttons carry a label for screen readers and a tooltip */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      GtkWidget *button = window_widget (fixture, ids[i]);
      const char *tooltip = gtk_widget_get_tooltip_text (button);

      g_test_message ("%s", ids[i]);
      g_assert_nonnull (tooltip);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* The subprocess of test_no_secret_service(): no D-Bus session at all */
  if (g_getenv ("INFLOW_TEST_NO_SESSION_BUS") != NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/inflow-test/bus", TRUE);

  ui_support_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/ui/sign-in/" path, UiFixture, NULL, ui_fixture_setup, func, ui_fixture_teardown)

  ADD ("welcome-without-profile", test_welcome_without_profile);
  ADD ("good-token", test_good_token);
  ADD ("bad-token", test_bad_token);
  ADD ("errors", test_errors);
  ADD ("keyboard", test_keyboard);
  ADD ("icon-buttons", test_icon_buttons_have_labels);
  ADD ("no-secret-service", test_no_secret_service);

  return ui_support_run ();
}
