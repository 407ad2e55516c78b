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

#include <signal.h>
#include <string.h>

#include <libsecret/secret.h>

#include "inflow-profile-manager.h"
#include "inflow-simulator.h"
#include "inflow-storage-error.h"
#include "inflow-test-utils.h"
#include "inflow-token-store.h"

#define PASSWORD "inflow-locked-test"
#define PYTHON   "/usr/bin/python3"

static GTestDBus *bus;
static GSubprocess *daemon_process;
static char *runtime_dir;

/* The keyring daemon and the prompter */

/* Starts gnome-keyring; with @unlock, the login keyring is unlocked (and
 * created if needed) with PASSWORD, else it is loaded locked. */
static void
start_keyring (gboolean unlock)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (unlock ? G_SUBPROCESS_FLAGS_STDIN_PIPE
                                                                              : G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;

  g_assert_null (daemon_process);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime_dir, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "GNOME_KEYRING_CONTROL");
  daemon_process = g_subprocess_launcher_spawn (launcher, &error, "gnome-keyring-daemon", "--foreground",
                                                "--components=secrets",
                                                unlock ? "--unlock" : "--start", NULL);
  g_assert_no_error (error);

  if (unlock)
    {
      GOutputStream *input = g_subprocess_get_stdin_pipe (daemon_process);

      g_assert_true (g_output_stream_write_all (input, PASSWORD, strlen (PASSWORD), NULL, NULL, &error));
      g_assert_true (g_output_stream_close (input, NULL, &error));
      g_assert_no_error (error);
    }

  g_assert_true (inflow_test_wait_for_bus_name ("org.freedesktop.secrets", TRUE));
}

static void
stop_keyring (void)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (daemon_process, SIGTERM);
  g_assert_true (g_subprocess_wait (daemon_process, NULL, &error));
  g_clear_object (&daemon_process);
  g_assert_true (inflow_test_wait_for_bus_name ("org.freedesktop.secrets", FALSE));

  /* libsecret keeps its session with the daemon that is gone: the app's
   * daemon lives as long as the desktop session, this test's does not */
  secret_service_disconnect ();
}

typedef struct
{
  GSubprocess      *process;
  GDataInputStream *output;
} Prompter;

static char *
prompter_read_line (Prompter *prompter)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (prompter->output, NULL, NULL, &error);

  g_assert_no_error (error);
  return line;
}

/* Starts the stand-in, which answers "password" or "dismiss" */
static void
prompter_start (Prompter   *prompter,
                const char *answer)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "storage", "stand-in-prompter.py", NULL);
  g_autofree char *ready = NULL;
  g_autoptr(GError) error = NULL;

  prompter->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                        PYTHON, script, answer, PASSWORD, NULL);
  g_assert_no_error (error);
  prompter->output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (prompter->process));
  ready = prompter_read_line (prompter);
  g_assert_cmpstr (ready, ==, "ready");
}

static void
prompter_stop (Prompter *prompter)
{
  g_subprocess_force_exit (prompter->process);
  g_subprocess_wait (prompter->process, NULL, NULL);
  g_clear_object (&prompter->output);
  g_clear_object (&prompter->process);
  g_assert_true (inflow_test_wait_for_bus_name ("org.gnome.keyring.SystemPrompter", FALSE));
}

static void
lock_login_keyring (void)
{
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { "/org/freedesktop/secrets/collection/login" };

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.secrets", "/org/freedesktop/secrets",
                                       "org.freedesktop.Secret.Service", "Lock",
                                       g_variant_new ("(@ao)", g_variant_new_objv (paths, 1)),
                                       G_VARIANT_TYPE ("(aoo)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

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
  Prompter prompter = { 0 };

  start_keyring (TRUE);
  store_token (store, id, "vntg_tkn_locked_1");
  stop_keyring ();
  start_keyring (FALSE);

  prompter_start (&prompter, "dismiss");
  token = lookup_token (store, id, &error);
  g_test_message ("Dismissed: %s", error != NULL ? error->message : "(no error)");
  g_assert_null (token);
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED);
  g_assert_null (strstr (error->message, "Sign in again"));
  g_assert_cmpint (inflow_token_store_get_keyring_state (store), ==, INFLOW_KEYRING_LOCKED);
  answer = prompter_read_line (&prompter);
  g_assert_cmpstr (answer, ==, "password prompt: no");
  prompter_stop (&prompter);
  g_clear_error (&error);
  g_clear_pointer (&answer, g_free);

  prompter_start (&prompter, "password");
  token = unlock_token (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "vntg_tkn_locked_1");
  g_assert_cmpint (inflow_token_store_get_keyring_state (store), ==, INFLOW_KEYRING_AVAILABLE);
  answer = prompter_read_line (&prompter);
  g_assert_cmpstr (answer, ==, "password prompt: yes");
  prompter_stop (&prompter);

  clear_token (store, id);
  stop_keyring ();
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
  Prompter prompter = { 0 };

  start_keyring (TRUE);
  store_token (store, id, "vntg_tkn_locked_2");
  lock_login_keyring ();

  prompter_start (&prompter, "password");
  token = lookup_token (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "vntg_tkn_locked_2");
  answer = prompter_read_line (&prompter);
  g_assert_cmpstr (answer, ==, "password prompt: yes");
  prompter_stop (&prompter);

  /* Locked again and the prompt dismissed: the unlock fails in words */
  lock_login_keyring ();
  g_clear_pointer (&token, g_free);
  prompter_start (&prompter, "dismiss");
  token = unlock_token (store, id, &error);
  g_assert_null (token);
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED);
  g_assert_cmpint (inflow_token_store_get_keyring_state (store), ==, INFLOW_KEYRING_LOCKED);
  prompter_stop (&prompter);

  stop_keyring ();
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
  Prompter prompter = { 0 };

  inflow_simulator_set_tokens (sim, token, NULL);
  g_assert_true (inflow_simulator_listen (sim, 0, &error));

  inflow_database_open_async (db_path, NULL, inflow_test_store_result_cb, &result);
  database = inflow_database_open_finish (inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  /* Signed in once, with the keyring open */
  start_keyring (TRUE);
  manager = inflow_profile_manager_new (database, store);
  inflow_profile_manager_sign_in_async (manager, "Locked Org", token, inflow_simulator_get_base_url (sim), FALSE,
                                        NULL, inflow_test_store_result_cb, &result);
  me = inflow_profile_manager_sign_in_finish (manager, inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  id = g_strdup (inflow_profile_get_id (inflow_session_get_profile (inflow_profile_manager_get_session (manager))));
  g_assert_true (inflow_test_wait_until (session_settled, manager, 20000));
  g_assert_finalize_object (g_steal_pointer (&manager));
  stop_keyring ();

  /* The next start: the keyring loads locked, the prompt is dismissed */
  start_keyring (FALSE);
  prompter_start (&prompter, "dismiss");
  manager = inflow_profile_manager_new (database, store);
  g_signal_connect (manager, "activation-failed", G_CALLBACK (activation_failed_cb), &activation_error);
  inflow_profile_manager_load_async (manager, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_profile_manager_load_finish (manager, inflow_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  prompter_stop (&prompter);

  g_assert_error (activation_error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED);
  g_test_message ("Activation: %s", activation_error->message);
  g_assert_null (inflow_profile_manager_get_session (manager));
  g_assert_cmpuint (g_list_model_get_n_items (inflow_profile_manager_get_profiles (manager)), ==, 1);
  locked = inflow_profile_manager_get_locked_profile (manager);
  g_assert_nonnull (locked);
  g_assert_cmpstr (inflow_profile_get_id (locked), ==, id);

  /* Unlock: the keyring's prompt, the password, the session */
  prompter_start (&prompter, "password");
  inflow_profile_manager_unlock_async (manager, locked, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_profile_manager_unlock_finish (manager, inflow_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  prompter_stop (&prompter);

  g_assert_null (inflow_profile_manager_get_locked_profile (manager));
  g_assert_nonnull (inflow_profile_manager_get_session (manager));
  g_assert_cmpstr (inflow_profile_get_id (inflow_session_get_profile (inflow_profile_manager_get_session (manager))),
                   ==, id);
  g_assert_true (inflow_test_wait_until (session_settled, manager, 20000));
  g_assert_cmpint (inflow_session_get_connection_state (inflow_profile_manager_get_session (manager)), ==,
                   INFLOW_CONNECTION_ONLINE);

  clear_token (store, id);
  g_assert_finalize_object (g_steal_pointer (&manager));
  stop_keyring ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  inflow_test_init (&argc, &argv);

  /* A bus and keyring of this program's own, before anything uses one */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  runtime_dir = g_build_filename (g_get_user_cache_dir (), "runtime", NULL);
  g_assert_cmpint (g_mkdir_with_parents (runtime_dir, 0700), ==, 0);

  g_test_add_func ("/keyring/locked/loaded-locked", test_loaded_locked);
  g_test_add_func ("/keyring/locked/locked-over-dbus", test_locked_over_dbus);
  g_test_add_func ("/keyring/locked/profile-manager-unlock", test_profile_manager_unlock);

  status = inflow_test_run ();

  secret_service_disconnect ();
  inflow_test_stop_private_bus (bus);
  g_clear_pointer (&runtime_dir, g_free);

  return status;
}
