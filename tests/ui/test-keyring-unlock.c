/* test-keyring-unlock.c: a profile whose token is in a locked keyring, as the window shows it
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Locking a keyring would break the programs that share the keyring of
 * build-aux/test-session, so this one has its own bus and keyring
 * (inflow_test_private_bus_up()); the stand-in prompter types the
 * keyring's password or dismisses the prompt, as the user would.
 */

#include "config.h"

#include <string.h>

#include "inflow-test-utils.h"
#include "inflow-welcome-page.h"
#include "session-ui-support.h"

static gboolean
is_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (data);
}

/* Signed in with the keyring open; at the next start the keyring is
 * locked. The welcome page says so and offers Unlock, not "sign in again";
 * a dismissed prompt keeps the profile and says how to retry; the
 * password opens the profile. */
static void
test_unlock (UiFixture     *fixture,
             gconstpointer  data)
{
  g_autoptr(InflowProfileManager) manager = NULL;
  g_autoptr(InflowProfile) profile = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *answer = NULL;
  InflowWindow *window = fixture->window;
  InflowTestPrompter prompter = { 0 };
  GtkWidget *welcome, *message, *unlock;

  inflow_test_keyring_start (TRUE);
  manager = inflow_profile_manager_new (fixture->database, fixture->store);
  me = ui_sign_in (manager, "Locked Org", fixture->token, fixture->base_url, &error);
  g_assert_no_error (error);
  id = g_strdup (inflow_profile_get_id (inflow_session_get_profile (inflow_profile_manager_get_session (manager))));
  g_assert_true (ui_wait_session_settled (manager, 20000));
  g_assert_finalize_object (g_steal_pointer (&manager));
  inflow_test_keyring_stop ();

  /* The next start: the keyring is locked, its prompt dismissed */
  inflow_test_keyring_start (FALSE);
  inflow_test_prompter_start (&prompter, "dismiss");
  manager = inflow_profile_manager_new (fixture->database, fixture->store);
  inflow_window_set_profile_manager (window, manager);
  ui_load (manager);
  inflow_test_prompter_stop (&prompter);

  g_assert_true (ui_wait_page (window, "welcome", 10000));
  welcome = ui_template_child (window, INFLOW_TYPE_WINDOW, "welcome_page");
  message = ui_template_child (welcome, INFLOW_TYPE_WELCOME_PAGE, "message_label");
  unlock = ui_template_child (welcome, INFLOW_TYPE_WELCOME_PAGE, "unlock_button");
  g_assert_true (ui_wait_label (GTK_LABEL (message), "Your keyring is locked", 5000));
  g_test_message ("Locked: %s", gtk_label_get_label (GTK_LABEL (message)));
  g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (message)), "Sign in again"));
  g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (message)), "No API token"));
  g_assert_true (ui_is_shown (unlock));
  g_assert_cmpuint (g_list_model_get_n_items (inflow_profile_manager_get_profiles (manager)), ==, 1);

  /* Unlock, and the prompt dismissed again: the profile stays, the words say how to retry */
  inflow_test_prompter_start (&prompter, "dismiss");
  gtk_widget_activate (unlock);
  g_assert_true (ui_wait_label (GTK_LABEL (message), "choose Unlock to try again", 10000));
  answer = inflow_test_prompter_read_line (&prompter);
  g_assert_cmpstr (answer, ==, "password prompt: no");
  g_clear_pointer (&answer, g_free);
  inflow_test_prompter_stop (&prompter);
  g_test_message ("Dismissed: %s", gtk_label_get_label (GTK_LABEL (message)));
  g_assert_cmpstr (ui_window_page (window), ==, "welcome");
  g_assert_true (inflow_test_wait_until (is_sensitive, unlock, 5000));
  g_assert_true (ui_is_shown (unlock));
  g_assert_cmpuint (g_list_model_get_n_items (inflow_profile_manager_get_profiles (manager)), ==, 1);
  g_assert_nonnull (inflow_profile_manager_get_locked_profile (manager));

  /* Unlock with the password: the profile opens */
  inflow_test_prompter_start (&prompter, "password");
  gtk_widget_activate (unlock);
  g_assert_true (ui_wait_page (window, "main", 10000));
  answer = inflow_test_prompter_read_line (&prompter);
  g_assert_cmpstr (answer, ==, "password prompt: yes");
  inflow_test_prompter_stop (&prompter);
  g_assert_cmpstr (inflow_profile_get_id (inflow_session_get_profile (inflow_window_get_session (window))), ==, id);
  g_assert_true (ui_wait_session_settled (manager, 20000));
  g_assert_cmpint (inflow_session_get_connection_state (inflow_window_get_session (window)), ==,
                   INFLOW_CONNECTION_ONLINE);
  g_assert_null (inflow_profile_manager_get_locked_profile (manager));
  g_assert_false (ui_is_shown (unlock));

  /* The profile and its token go while the keyring is open */
  profile = g_object_ref (inflow_session_get_profile (inflow_window_get_session (window)));
  ui_remove_profile (manager, profile);
  inflow_window_set_profile_manager (window, fixture->manager);
  g_assert_finalize_object (g_steal_pointer (&manager));
  inflow_test_keyring_stop ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* A bus and keyring of this program's own, before anything uses one */
  inflow_test_private_bus_up ();
  ui_support_init (&argc, &argv);

  g_test_add ("/ui/keyring/unlock", UiFixture, NULL, ui_fixture_setup, test_unlock, ui_fixture_teardown);

  status = ui_support_run ();
  inflow_test_private_bus_down ();

  return status;
}
