/* test-keyring-locked.c: a token in a locked keyring, and the unlock prompt
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Locking a keyring would break the other test programs that share the
 * keyring of build-aux/test-session, so this program has its own: a
 * private D-Bus session (GTestDBus) with its own gnome-keyring-daemon and
 * keyring files in the program's temporary home. A keyring is locked the
 * two ways it happens to users: gnome-keyring starts without the password
 * (the login keyring is loaded locked from its file, as after an automatic
 * login), or it is locked over D-Bus (Service.Lock, as the screen lock or
 * Passwords and Keys do).
 *
 * gnome-keyring asks for the password through a prompter on the bus
 * (gcr-prompter, whose dialog nobody can fill in under Xvfb);
 * stand-in-prompter.py answers in its place, typing the password or
 * dismissing the prompt.
 */

#include "config.h"

#include <string.h>

#include <libsecret/secret.h>

#include "inflow-profile-manager.h"
#include "inflow-simulator.h"
#include "inflow-storage-error.h"
#include "inflow-test-utils.h"
#include "inflow-token-store.h"

/* Synchronous wrappers */

static void
store_token (InflowTokenStore *store,
             const char       *profile_id,
             const char       *token)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  inflow_token_store_store_async (store, profile_id, "Locked", token, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_token_store_store_finish (store, inflow_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

static char *
lookup_token (InflowTokenStore  *store,
              const char        *profile_id,
              GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_token_store_lookup_async (store, profile_id, NULL, inflow_test_store_result_cb, &result);
  return inflow_token_store_lookup_finish (store, inflow_test_wait_result (&result), error);
}

static char *
unlock_token (InflowTokenStore  *store,
              const char        *profile_id,
              GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_token_store_unlock_async (store, profile_id, NULL, inflow_test_store_result_cb, &result);
  return inflow_token_store_unlock_finish (store, inflow_test_wait_result (&result), error);
}

static void
clear_token (InflowTokenStore *store,
             const char       *profile_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  inflow_token_store_clear_async (store, profile_id, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_token_store_clear_finish (store, inflow_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

/* The login keyring, loaded locked at the daemon's start: the token is
 * found (not "no token saved"), the keyring asks to unlock; dismissed, the
 * state is LOCKED; unlocked with the password, the token is read. */
static void
test_loaded_locked (void)
{
  g_autoptr(InflowTokenStore) store = inflow_token_store_new ();
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *token = NULL;
  g_autofree char *answer = NULL;
  g_autoptr(GError) error = NULL;
  InflowTestPrompter prompter = { 0 };

  inflow_test_keyring_start (TRUE);
  store_token (store, id, "vntg_tkn_locked_1");
  inflow_test_keyring_stop ();
  inflow_test_keyring_start (FALSE);

  inflow_test_prompter_start (&prompter, "dismiss");
  token = lookup_token (store, id, &error);
  g_test_message ("Dismissed: %s", error != NULL ? error->message : "(no error)");
  g_assert_null (token);
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED);
  g_assert_null (strstr (error->message, "Sign in again"));
  g_assert_cmpint (inflow_token_store_get_keyring_state (store), ==, INFLOW_KEYRING_LOCKED);
  answer = inflow_test_prompter_read_line (&prompter);
  g_assert_cmpstr (answer, ==, "password prompt: no");
  inflow_test_prompter_stop (&prompter);
  g_clear_error (&error);
  g_clear_pointer (&answer, g_free);

  inflow_test_prompter_start (&prompter, "password");
  token = unlock_token (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "vntg_tkn_locked_1");
  g_assert_cmpint (inflow_token_store_get_keyring_state (store), ==, INFLOW_KEYRING_AVAILABLE);
  answer = inflow_test_prompter_read_line (&prompter);
  g_assert_cmpstr (answer, ==, "password prompt: yes");
  inflow_test_prompter_stop (&prompter);

  clear_token (store, id);
  inflow_test_keyring_stop ();
}

/* Locked over D-Bus while in use; a lookup asks to unlock, and the user
 * types the password */
static void
test_locked_over_dbus (void)
{
  g_autoptr(InflowTokenStore) store = inflow_token_store_new ();
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *token = NULL;
  g_autofree char *answer = NULL;
  g_autoptr(GError) error = NULL;
  InflowTestPrompter prompter = { 0 };

  inflow_test_keyring_start (TRUE);
  store_token (store, id, "vntg_tkn_locked_2");
  inflow_test_keyring_lock ();

  inflow_test_prompter_start (&prompter, "password");
  token = lookup_token (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "vntg_tkn_locked_2");
  answer = inflow_test_prompter_read_line (&prompter);
  g_assert_cmpstr (answer, ==, "password prompt: yes");
  inflow_test_prompter_stop (&prompter);

  /* Locked again and the prompt dismissed: the unlock fails in words */
  inflow_test_keyring_lock ();
  g_clear_pointer (&token, g_free);
  inflow_test_prompter_start (&prompter, "dismiss");
  token = unlock_token (store, id, &error);
  g_assert_null (token);
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED);
  g_assert_cmpint (inflow_token_store_get_keyring_state (store), ==, INFLOW_KEYRING_LOCKED);
  inflow_test_prompter_stop (&prompter);

  inflow_test_keyring_stop ();
}

/* The profile manager: the last used profile's token is in a locked
 * keyring. Loading keeps the profile, names it the locked profile and says
 * so; Unlock with the password signs it in. */

static void
activation_failed_cb (InflowProfileManager *manager,
                      InflowProfile        *profile,
                      GError               *error,
                      GError              **out)
{
  g_assert_null (*out);
  *out = g_error_copy (error);
}

static gboolean
session_settled (gpointer data)
{
  InflowSession *session = inflow_profile_manager_get_session (data);

  return session != NULL && !inflow_session_get_refreshing (session) &&
         inflow_session_get_connection_state (session) != INFLOW_CONNECTION_UNKNOWN;
}

static void
test_profile_manager_unlock (void)
{
  g_autoptr(InflowSimulator) sim = inflow_simulator_new (5, 0, 0);
  g_autoptr(InflowTokenStore) store = inflow_token_store_new ();
  g_autoptr(InflowDatabase) database = NULL;
  g_autoptr(InflowProfileManager) manager = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) activation_error = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *token = g_strconcat ("vntg_tkn_locked_", uuid, NULL);
  g_autofree char *db_path = g_build_filename (g_get_user_data_dir (), "locked", "inflow.db", NULL);
  g_autofree char *id = NULL;
  InflowProfile *locked;
  InflowTestPrompter prompter = { 0 };

  inflow_simulator_set_tokens (sim, token, NULL);
  g_assert_true (inflow_simulator_listen (sim, 0, &error));

  inflow_database_open_async (db_path, NULL, inflow_test_store_result_cb, &result);
  database = inflow_database_open_finish (inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  /* Signed in once, with the keyring open */
  inflow_test_keyring_start (TRUE);
  manager = inflow_profile_manager_new (database, store);
  inflow_profile_manager_sign_in_async (manager, "Locked Org", token, inflow_simulator_get_base_url (sim), FALSE,
                                        NULL, inflow_test_store_result_cb, &result);
  me = inflow_profile_manager_sign_in_finish (manager, inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  id = g_strdup (inflow_profile_get_id (inflow_session_get_profile (inflow_profile_manager_get_session (manager))));
  g_assert_true (inflow_test_wait_until (session_settled, manager, 20000));
  g_assert_finalize_object (g_steal_pointer (&manager));
  inflow_test_keyring_stop ();

  /* The next start: the keyring loads locked, the prompt is dismissed */
  inflow_test_keyring_start (FALSE);
  inflow_test_prompter_start (&prompter, "dismiss");
  manager = inflow_profile_manager_new (database, store);
  g_signal_connect (manager, "activation-failed", G_CALLBACK (activation_failed_cb), &activation_error);
  inflow_profile_manager_load_async (manager, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_profile_manager_load_finish (manager, inflow_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  inflow_test_prompter_stop (&prompter);

  g_assert_error (activation_error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED);
  g_test_message ("Activation: %s", activation_error->message);
  g_assert_null (inflow_profile_manager_get_session (manager));
  g_assert_cmpuint (g_list_model_get_n_items (inflow_profile_manager_get_profiles (manager)), ==, 1);
  locked = inflow_profile_manager_get_locked_profile (manager);
  g_assert_nonnull (locked);
  g_assert_cmpstr (inflow_profile_get_id (locked), ==, id);

  /* Unlock: the keyring's prompt, the password, the session */
  inflow_test_prompter_start (&prompter, "password");
  inflow_profile_manager_unlock_async (manager, locked, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_profile_manager_unlock_finish (manager, inflow_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  inflow_test_prompter_stop (&prompter);

  g_assert_null (inflow_profile_manager_get_locked_profile (manager));
  g_assert_nonnull (inflow_profile_manager_get_session (manager));
  g_assert_cmpstr (inflow_profile_get_id (inflow_session_get_profile (inflow_profile_manager_get_session (manager))),
                   ==, id);
  g_assert_true (inflow_test_wait_until (session_settled, manager, 20000));
  g_assert_cmpint (inflow_session_get_connection_state (inflow_profile_manager_get_session (manager)), ==,
                   INFLOW_CONNECTION_ONLINE);

  clear_token (store, id);
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
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/keyring/locked/loaded-locked", test_loaded_locked);
  g_test_add_func ("/keyring/locked/locked-over-dbus", test_locked_over_dbus);
  g_test_add_func ("/keyring/locked/profile-manager-unlock", test_profile_manager_unlock);

  status = inflow_test_run ();

  inflow_test_private_bus_down ();

  return status;
}
