/* test-profile-manager.c: profiles, sign-in and the demo, with the real keyring
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keyring cases need a D-Bus session with gnome-keyring running and its
 * login keyring unlocked, as build-aux/test-session provides. Other test
 * programs use the same keyring at the same time, so every check looks at
 * this program's own items only (by profile ID or by secret). The whole
 * program runs with G_MESSAGES_DEBUG=all under a log writer that keeps every
 * line, so that a test can look for the token in it.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "inflow-profile-manager.h"
#include "inflow-simulator.h"
#include "inflow-storage-error.h"
#include "inflow-test-utils.h"

/* Everything logged since the program started */
static GString *log_text;

typedef struct
{
  InflowSimulator      *sim;
  char                 *base_url;
  char                 *db_path;
  InflowDatabase       *database;
  InflowTokenStore     *store;
  InflowProfileManager *manager;
  char                 *token;       /* read and write */
  char                 *read_token;  /* read only */
} Fixture;

/* Synchronous wrappers */

static InflowDatabase *
open_database (const char *path)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  InflowDatabase *database;

  inflow_database_open_async (path, NULL, inflow_test_store_result_cb, &result);
  database = inflow_database_open_finish (inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);

  return database;
}

static void
close_database (InflowDatabase *database)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  inflow_database_close_async (database, NULL, inflow_test_store_result_cb, &result);
  inflow_database_close_finish (database, inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);
}

static GListModel *
stored_profiles (InflowDatabase *database)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *profiles;

  inflow_database_list_profiles_async (database, NULL, inflow_test_store_result_cb, &result);
  profiles = inflow_database_list_profiles_finish (database, inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);

  return profiles;
}

static gboolean
is_stored (InflowDatabase *database,
           const char     *profile_id)
{
  g_autoptr(GListModel) profiles = stored_profiles (database);

  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(InflowProfile) profile = g_list_model_get_item (profiles, i);

      if (g_str_equal (inflow_profile_get_id (profile), profile_id))
        return TRUE;
    }

  return FALSE;
}

static char *
get_cached (InflowDatabase  *database,
            const char      *profile_id,
            const char      *kind,
            GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_database_get_cached_list_async (database, profile_id, kind, NULL, inflow_test_store_result_cb, &result);
  return inflow_database_get_cached_list_finish (database, inflow_test_wait_result (&result), NULL, error);
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

static InflowMe *
sign_in (InflowProfileManager  *manager,
         const char            *name,
         const char            *token,
         const char            *base_url,
         gboolean               session_only,
         GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_profile_manager_sign_in_async (manager, name, token, base_url, session_only, NULL,
                                        inflow_test_store_result_cb, &result);
  return inflow_profile_manager_sign_in_finish (manager, inflow_test_wait_result (&result), error);
}

static gboolean
activate (InflowProfileManager  *manager,
          InflowProfile         *profile,
          GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_profile_manager_activate_async (manager, profile, NULL, inflow_test_store_result_cb, &result);
  return inflow_profile_manager_activate_finish (manager, inflow_test_wait_result (&result), error);
}

static gboolean
load (InflowProfileManager  *manager,
      GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_profile_manager_load_async (manager, NULL, inflow_test_store_result_cb, &result);
  return inflow_profile_manager_load_finish (manager, inflow_test_wait_result (&result), error);
}

static gboolean
start_demo (InflowProfileManager  *manager,
            GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_profile_manager_start_demo_async (manager, NULL, inflow_test_store_result_cb, &result);
  return inflow_profile_manager_start_demo_finish (manager, inflow_test_wait_result (&result), error);
}

static gboolean
sign_out (InflowProfileManager  *manager,
          InflowProfile         *profile,
          GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_profile_manager_sign_out_async (manager, profile, NULL, inflow_test_store_result_cb, &result);
  return inflow_profile_manager_sign_out_finish (manager, inflow_test_wait_result (&result), error);
}

static gboolean
remove_profile (InflowProfileManager  *manager,
                InflowProfile         *profile,
                GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_profile_manager_remove_async (manager, profile, NULL, inflow_test_store_result_cb, &result);
  return inflow_profile_manager_remove_finish (manager, inflow_test_wait_result (&result), error);
}

static gboolean
session_settled (gpointer data)
{
  InflowSession *session = data;

  return !inflow_session_get_refreshing (session) &&
         inflow_session_get_connection_state (session) != INFLOW_CONNECTION_UNKNOWN;
}

/* Waits until the active session's first refresh ended. */
static InflowSession *
wait_session_settled (InflowProfileManager *manager)
{
  InflowSession *session = inflow_profile_manager_get_session (manager);

  g_assert_nonnull (session);
  g_assert_true (inflow_test_wait_until (session_settled, session, 20000));

  return session;
}

static InflowProfile *
active_profile (InflowProfileManager *manager)
{
  InflowSession *session = inflow_profile_manager_get_session (manager);

  g_assert_nonnull (session);
  return inflow_session_get_profile (session);
}

static void
drain_main_context (void)
{
  for (guint i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

static InflowProfileManager *
new_manager (Fixture *fixture)
{
  return inflow_profile_manager_new (fixture->database, fixture->store);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *uuid2 = g_uuid_string_random ();
  g_autofree char *folder = g_uuid_string_random ();

  fixture->token = g_strconcat ("vntg_tkn_pm_", uuid, NULL);
  fixture->read_token = g_strconcat ("vntg_tkn_pm_read_", uuid2, NULL);

  fixture->sim = inflow_simulator_new (5, 0, 0);
  inflow_simulator_set_tokens (fixture->sim, fixture->token, fixture->read_token);
  g_assert_true (inflow_simulator_listen (fixture->sim, 0, &error));
  fixture->base_url = g_strdup (inflow_simulator_get_base_url (fixture->sim));

  fixture->db_path = g_build_filename (g_get_user_data_dir (), folder, "inflow.db", NULL);
  fixture->database = open_database (fixture->db_path);
  fixture->store = inflow_token_store_new ();
  fixture->manager = new_manager (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *profiles = inflow_profile_manager_get_profiles (fixture->manager);

  /* Take every token this test stored back out of the keyring */
  while (g_list_model_get_n_items (profiles) > 0)
    {
      g_autoptr(InflowProfile) profile = g_list_model_get_item (profiles, 0);
      g_autoptr(GError) error = NULL;

      g_assert_true (remove_profile (fixture->manager, profile, &error));
      g_assert_no_error (error);
    }

  g_assert_finalize_object (g_steal_pointer (&fixture->manager));
  drain_main_context ();
  close_database (fixture->database);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->sim);
  drain_main_context ();
  g_clear_pointer (&fixture->base_url, g_free);
  g_clear_pointer (&fixture->db_path, g_free);
  g_clear_pointer (&fixture->token, g_free);
  g_clear_pointer (&fixture->read_token, g_free);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_sign_in (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autofree char *stored_token = NULL;
  InflowSession *session;
  InflowProfile *profile;
  GListModel *profiles = inflow_profile_manager_get_profiles (fixture->manager);
  guint n_session_notifies = 0;

  g_assert_null (inflow_profile_manager_get_session (fixture->manager));
  g_signal_connect_swapped (fixture->manager, "notify::session", G_CALLBACK (count_cb), &n_session_notifies);

  /* White space around the token is no part of it */
  me = sign_in (fixture->manager, "Acme", fixture->token, fixture->base_url, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (me);
  g_assert_true (inflow_me_has_scope (me, "write"));
  g_assert_cmpuint (n_session_notifies, ==, 1);
  /* The counter lives on this stack frame: stop counting before it goes */
  g_signal_handlers_disconnect_by_func (fixture->manager, count_cb, &n_session_notifies);

  session = inflow_profile_manager_get_session (fixture->manager);
  g_assert_nonnull (session);
  profile = inflow_session_get_profile (session);
  g_assert_cmpstr (inflow_profile_get_name (profile), ==, "Acme");
  g_assert_cmpstr (inflow_profile_get_base_url (profile), ==, fixture->base_url);
  g_assert_false (inflow_profile_get_is_demo (profile));
  g_assert_true (inflow_session_get_me (session) == me);
  g_assert_true (inflow_session_get_can_write (session));
  g_assert_true (inflow_session_get_database (session) == fixture->database);

  /* In the switcher, the keyring and the database */
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 1);
  {
    g_autoptr(InflowProfile) first = g_list_model_get_item (profiles, 0);
    g_assert_true (first == profile);
  }
  stored_token = lookup_token (fixture->store, inflow_profile_get_id (profile), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored_token, ==, fixture->token);
  g_assert_cmpuint (inflow_test_keyring_items_of (inflow_profile_get_id (profile)), ==, 1);
  g_assert_true (is_stored (fixture->database, inflow_profile_get_id (profile)));

  /* The session fetches its data */
  session = wait_session_settled (fixture->manager);
  g_assert_cmpint (inflow_session_get_connection_state (session), ==, INFLOW_CONNECTION_ONLINE);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_integrations (session)), ==, 40);
}

static void
test_sign_in_trims_token (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autofree char *padded = g_strdup_printf ("  %s\n", fixture->token);
  g_autofree char *stored_token = NULL;

  me = sign_in (fixture->manager, " Acme ", padded, fixture->base_url, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (inflow_profile_get_name (active_profile (fixture->manager)), ==, "Acme");
  stored_token = lookup_token (fixture->store, inflow_profile_get_id (active_profile (fixture->manager)), &error);
  g_assert_cmpstr (stored_token, ==, fixture->token);
  wait_session_settled (fixture->manager);
}

static void
test_sign_in_unauthorized (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GListModel) stored = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *wrong = g_strconcat ("vntg_tkn_wrong_", uuid, NULL);

  me = sign_in (fixture->manager, "Acme", wrong, fixture->base_url, FALSE, &error);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_UNAUTHORIZED);
  g_assert_null (me);

  /* Nothing stored anywhere */
  g_assert_null (inflow_profile_manager_get_session (fixture->manager));
  g_assert_cmpuint (g_list_model_get_n_items (inflow_profile_manager_get_profiles (fixture->manager)), ==, 0);
  stored = stored_profiles (fixture->database);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 0);
  g_assert_false (inflow_test_keyring_holds_secret (wrong));
}

static void
test_sign_in_errors (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GListModel) stored = NULL;

  /* Network: the simulator answers nothing */
  inflow_simulator_add_fault (fixture->sim, NULL, "/v2/me", INFLOW_SIM_FAULT_DROP_CONNECTION, 0, 0, 0);
  me = sign_in (fixture->manager, "Acme", fixture->token, fixture->base_url, FALSE, &error);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_NETWORK);
  g_clear_error (&error);

  /* Server */
  inflow_simulator_clear_faults (fixture->sim);
  inflow_simulator_add_fault (fixture->sim, NULL, "/v2/me", INFLOW_SIM_FAULT_STATUS, 500, 0, 0);
  me = sign_in (fixture->manager, "Acme", fixture->token, fixture->base_url, FALSE, &error);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_SERVER);
  g_clear_error (&error);

  /* Not https, and not loopback */
  me = sign_in (fixture->manager, "Acme", fixture->token, "http://example.com", FALSE, &error);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INSECURE_URL);
  g_clear_error (&error);

  /* Empty fields */
  me = sign_in (fixture->manager, "  ", fixture->token, fixture->base_url, FALSE, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  me = sign_in (fixture->manager, "Acme", " \t", fixture->base_url, FALSE, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_null (inflow_profile_manager_get_session (fixture->manager));
  stored = stored_profiles (fixture->database);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 0);
  g_assert_false (inflow_test_keyring_holds_secret (fixture->token));
}

static void
test_sign_in_read_only (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  InflowSession *session;

  me = sign_in (fixture->manager, "Reader", fixture->read_token, fixture->base_url, FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (inflow_me_has_scope (me, "write"));

  session = inflow_profile_manager_get_session (fixture->manager);
  g_assert_false (inflow_session_get_can_write (session));
  g_assert_nonnull (strstr (inflow_session_get_write_disabled_reason (session), "read-only"));
  session = wait_session_settled (fixture->manager);
  g_assert_cmpint (inflow_session_get_connection_state (session), ==, INFLOW_CONNECTION_ONLINE);
  g_assert_false (inflow_session_get_can_write (session));
}

static gboolean
has_items (gpointer data)
{
  return g_list_model_get_n_items (data) > 0;
}

static void
test_load_activates_last_used (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) first = NULL;
  g_autoptr(InflowMe) second = NULL;
  g_autoptr(InflowProfileManager) later = NULL;
  g_autofree char *older_id = NULL;
  g_autofree char *newer_id = NULL;
  InflowSession *session;
  GListModel *profiles;

  first = sign_in (fixture->manager, "Older", fixture->token, fixture->base_url, FALSE, &error);
  g_assert_no_error (error);
  older_id = g_strdup (inflow_profile_get_id (active_profile (fixture->manager)));
  wait_session_settled (fixture->manager);

  /* Stored a second later, so that the order is certain */
  g_usleep (G_USEC_PER_SEC);
  second = sign_in (fixture->manager, "Newer", fixture->token, fixture->base_url, FALSE, &error);
  g_assert_no_error (error);
  newer_id = g_strdup (inflow_profile_get_id (active_profile (fixture->manager)));
  wait_session_settled (fixture->manager);

  /* The next start, with the API unreachable: the last known data shows */
  g_clear_object (&fixture->sim);
  drain_main_context ();

  later = new_manager (fixture);
  g_assert_true (load (later, &error));
  g_assert_no_error (error);
  profiles = inflow_profile_manager_get_profiles (later);
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 2);
  session = inflow_profile_manager_get_session (later);
  g_assert_nonnull (session);
  g_assert_cmpstr (inflow_profile_get_id (inflow_session_get_profile (session)), ==, newer_id);

  g_assert_true (inflow_test_wait_until (has_items, inflow_session_get_integrations (session), 5000));
  g_assert_nonnull (inflow_session_get_fetched_at (session, INFLOW_SESSION_LIST_INTEGRATIONS));
  session = wait_session_settled (later);
  g_assert_cmpint (inflow_session_get_connection_state (session), ==, INFLOW_CONNECTION_OFFLINE);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_integrations (session)), ==, 40);
  g_assert_true (inflow_session_get_can_write (session));

  /* Activating the other looks its token up in the keyring */
  {
    g_autoptr(InflowProfile) older = g_list_model_get_item (profiles, 1);
    g_autoptr(InflowSession) previous = g_object_ref (session);

    session = previous;
    g_assert_cmpstr (inflow_profile_get_id (older), ==, older_id);
    g_assert_true (activate (later, older, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (inflow_profile_get_id (active_profile (later)), ==, older_id);
    g_assert_true (g_cancellable_is_cancelled (inflow_session_get_cancellable (session)));
  }

  g_assert_finalize_object (g_steal_pointer (&later));
}

static void
activation_failed_cb (InflowProfileManager *manager,
                      InflowProfile        *profile,
                      GError               *error,
                      GError              **out)
{
  g_assert_null (*out);
  *out = g_error_copy (error);
}

static void
test_sign_out (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) failure = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(InflowProfile) profile = NULL;
  g_autoptr(InflowProfileManager) later = NULL;
  g_autofree char *token = NULL;
  g_autofree char *cached = NULL;
  InflowSession *session;

  me = sign_in (fixture->manager, "Acme", fixture->token, fixture->base_url, FALSE, &error);
  g_assert_no_error (error);
  session = wait_session_settled (fixture->manager);
  profile = g_object_ref (inflow_session_get_profile (session));

  g_assert_true (sign_out (fixture->manager, profile, &error));
  g_assert_no_error (error);
  g_assert_null (inflow_profile_manager_get_session (fixture->manager));

  /* The token is gone; the profile and its data stay */
  token = lookup_token (fixture->store, inflow_profile_get_id (profile), &error);
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND);
  g_assert_null (token);
  g_clear_error (&error);
  g_assert_cmpuint (inflow_test_keyring_items_of (inflow_profile_get_id (profile)), ==, 0);
  g_assert_false (inflow_test_keyring_holds_secret (fixture->token));
  g_assert_true (is_stored (fixture->database, inflow_profile_get_id (profile)));
  cached = get_cached (fixture->database, inflow_profile_get_id (profile), INFLOW_CACHED_LIST_INTEGRATIONS, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cached);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_profile_manager_get_profiles (fixture->manager)), ==, 1);

  /* The next start cannot activate it: the UI asks to sign in again */
  later = new_manager (fixture);
  g_signal_connect (later, "activation-failed", G_CALLBACK (activation_failed_cb), &failure);
  g_assert_true (load (later, &error));
  g_assert_no_error (error);
  g_assert_null (inflow_profile_manager_get_session (later));
  g_assert_error (failure, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND);
  g_assert_finalize_object (g_steal_pointer (&later));

  /* Signing in again with the same name keeps the profile and its data */
  g_clear_object (&me);
  me = sign_in (fixture->manager, "Acme", fixture->token, fixture->base_url, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (inflow_profile_get_id (active_profile (fixture->manager)), ==, inflow_profile_get_id (profile));
  g_assert_cmpuint (g_list_model_get_n_items (inflow_profile_manager_get_profiles (fixture->manager)), ==, 1);
  wait_session_settled (fixture->manager);
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(InflowProfile) profile = NULL;
  g_autofree char *cached = NULL;

  me = sign_in (fixture->manager, "Acme", fixture->token, fixture->base_url, FALSE, &error);
  g_assert_no_error (error);
  profile = g_object_ref (inflow_session_get_profile (wait_session_settled (fixture->manager)));
  cached = get_cached (fixture->database, inflow_profile_get_id (profile), INFLOW_CACHED_LIST_INTEGRATIONS, &error);
  g_assert_no_error (error);
  g_clear_pointer (&cached, g_free);

  g_assert_true (remove_profile (fixture->manager, profile, &error));
  g_assert_no_error (error);

  g_assert_null (inflow_profile_manager_get_session (fixture->manager));
  g_assert_cmpuint (g_list_model_get_n_items (inflow_profile_manager_get_profiles (fixture->manager)), ==, 0);
  g_assert_cmpuint (inflow_test_keyring_items_of (inflow_profile_get_id (profile)), ==, 0);
  g_assert_false (is_stored (fixture->database, inflow_profile_get_id (profile)));
  cached = get_cached (fixture->database, inflow_profile_get_id (profile), INFLOW_CACHED_LIST_INTEGRATIONS, &error);
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  cached = get_cached (fixture->database, inflow_profile_get_id (profile), "me", &error);
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND);
}

static gboolean
is_demo_token (const char *secret)
{
  return g_str_has_prefix (secret, "demo-") && g_uuid_string_is_valid (secret + strlen ("demo-"));
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(GPtrArray) secrets = NULL;
  g_autoptr(InflowProfile) demo = NULL;
  InflowSession *session;

  g_assert_true (start_demo (fixture->manager, &error));
  g_assert_no_error (error);

  session = inflow_profile_manager_get_session (fixture->manager);
  g_assert_nonnull (session);
  demo = g_object_ref (inflow_session_get_profile (session));
  g_assert_true (inflow_profile_get_is_demo (demo));
  g_assert_true (g_str_has_prefix (inflow_profile_get_base_url (demo), "http://127.0.0.1:"));
  g_assert_null (inflow_session_get_database (session));
  g_assert_true (inflow_session_get_can_write (session));

  session = wait_session_settled (fixture->manager);
  g_assert_cmpint (inflow_session_get_connection_state (session), ==, INFLOW_CONNECTION_ONLINE);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_integrations (session)), >, 0);

  /* The demo touched neither the keyring nor the database */
  g_assert_cmpuint (inflow_test_keyring_items_of (inflow_profile_get_id (demo)), ==, 0);
  secrets = inflow_test_keyring_secrets ();
  for (guint i = 0; i < secrets->len; i++)
    g_assert_false (is_demo_token (g_ptr_array_index (secrets, i)));
  stored = stored_profiles (fixture->database);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 0);

  /* It stays in the switcher while it runs; starting again reuses it */
  g_assert_cmpuint (g_list_model_get_n_items (inflow_profile_manager_get_profiles (fixture->manager)), ==, 1);
  g_assert_true (start_demo (fixture->manager, &error));
  g_assert_true (active_profile (fixture->manager) == demo);

  /* Signing out of it stops it */
  g_assert_true (sign_out (fixture->manager, demo, &error));
  g_assert_no_error (error);
  g_assert_null (inflow_profile_manager_get_session (fixture->manager));
  g_assert_cmpuint (g_list_model_get_n_items (inflow_profile_manager_get_profiles (fixture->manager)), ==, 0);
}

static void
test_switch_closes_previous (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(InflowSession) first = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  InflowSession *second;

  me = sign_in (fixture->manager, "First", fixture->token, fixture->base_url, FALSE, &error);
  g_assert_no_error (error);
  first = g_object_ref (wait_session_settled (fixture->manager));
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_integrations (first)), ==, 40);

  /* A slow refresh in flight on the first profile */
  inflow_simulator_add_fault (fixture->sim, NULL, "/v2/me", INFLOW_SIM_FAULT_DELAY, 0, 3000, 1);
  inflow_session_refresh_async (first, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_session_get_refreshing (first));

  g_assert_true (start_demo (fixture->manager, &error));
  g_assert_no_error (error);
  second = inflow_profile_manager_get_session (fixture->manager);
  g_assert_true (second != first);
  g_assert_true (inflow_profile_get_is_demo (inflow_session_get_profile (second)));

  /* The first was closed: its refresh ends cancelled, its lists unchanged */
  g_assert_true (g_cancellable_is_cancelled (inflow_session_get_cancellable (first)));
  g_assert_false (inflow_session_refresh_finish (first, inflow_test_wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (inflow_session_get_connection_state (first), ==, INFLOW_CONNECTION_ONLINE);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_integrations (first)), ==, 40);
  wait_session_settled (fixture->manager);

  /* Both in the switcher, the active first */
  g_assert_cmpuint (g_list_model_get_n_items (inflow_profile_manager_get_profiles (fixture->manager)), ==, 2);
  {
    g_autoptr(InflowProfile) top = g_list_model_get_item (inflow_profile_manager_get_profiles (fixture->manager), 0);
    g_assert_true (inflow_profile_get_is_demo (top));
  }
}

static void
test_session_only (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(InflowProfile) profile = NULL;
  g_autoptr(InflowSession) session = NULL;
  g_autoptr(GListModel) stored = NULL;

  me = sign_in (fixture->manager, "Temporary", fixture->token, fixture->base_url, TRUE, &error);
  g_assert_no_error (error);
  session = g_object_ref (wait_session_settled (fixture->manager));
  profile = g_object_ref (inflow_session_get_profile (session));
  g_assert_null (inflow_session_get_database (session));
  g_assert_cmpint (inflow_session_get_connection_state (session), ==, INFLOW_CONNECTION_ONLINE);

  g_assert_cmpuint (inflow_test_keyring_items_of (inflow_profile_get_id (profile)), ==, 0);
  g_assert_false (inflow_test_keyring_holds_secret (fixture->token));
  stored = stored_profiles (fixture->database);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 0);

  /* Switching away and back works from memory */
  g_assert_true (start_demo (fixture->manager, &error));
  g_assert_true (activate (fixture->manager, profile, &error));
  g_assert_no_error (error);
  g_assert_true (active_profile (fixture->manager) == profile);

  /* Signing out forgets it */
  g_assert_true (sign_out (fixture->manager, profile, &error));
  g_assert_cmpuint (g_list_model_get_n_items (inflow_profile_manager_get_profiles (fixture->manager)), ==, 1);
}

static void
test_no_database (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(InflowProfileManager) manager = inflow_profile_manager_new (NULL, fixture->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  InflowSession *session;

  g_assert_null (inflow_profile_manager_get_database (manager));
  g_assert_true (load (manager, &error));
  g_assert_no_error (error);
  g_assert_null (inflow_profile_manager_get_session (manager));

  /* Nothing can be kept: not even the token */
  me = sign_in (manager, "Acme", fixture->token, fixture->base_url, FALSE, &error);
  g_assert_no_error (error);
  session = wait_session_settled (manager);
  g_assert_cmpint (inflow_session_get_connection_state (session), ==, INFLOW_CONNECTION_ONLINE);
  g_assert_cmpuint (inflow_test_keyring_items_of (inflow_profile_get_id (inflow_session_get_profile (session))), ==, 0);
  g_assert_false (inflow_test_keyring_holds_secret (fixture->token));
  g_assert_true (sign_out (manager, inflow_session_get_profile (session), &error));
  g_assert_finalize_object (g_steal_pointer (&manager));
}

static void
test_network_comes_back (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  InflowSession *session;

  me = sign_in (fixture->manager, "Acme", fixture->token, fixture->base_url, FALSE, &error);
  g_assert_no_error (error);
  session = wait_session_settled (fixture->manager);

  inflow_simulator_add_fault (fixture->sim, NULL, "/v2/me", INFLOW_SIM_FAULT_DROP_CONNECTION, 0, 0, 0);
  inflow_session_refresh_async (session, NULL, inflow_test_store_result_cb, &result);
  g_assert_false (inflow_session_refresh_finish (session, inflow_test_wait_result (&result), &error));
  g_assert_cmpint (inflow_session_get_connection_state (session), ==, INFLOW_CONNECTION_OFFLINE);

  /* GNetworkMonitor says the network is back: the manager refreshes */
  inflow_simulator_clear_faults (fixture->sim);
  g_signal_emit_by_name (g_network_monitor_get_default (), "network-changed", TRUE);
  g_assert_true (inflow_session_get_refreshing (session));
  g_assert_true (inflow_test_wait_until (session_settled, session, 10000));
  g_assert_cmpint (inflow_session_get_connection_state (session), ==, INFLOW_CONNECTION_ONLINE);
}

static gboolean
session_online (gpointer data)
{
  return session_settled (data) &&
         inflow_session_get_connection_state (data) == INFLOW_CONNECTION_ONLINE;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* Signs in (with no window open if @in_background), then refreshes while
 * @path answers garbled JSON three times in a row: the refresh fails for a
 * passing reason. */
static InflowSession *
sign_in_then_garble (Fixture    *fixture,
                     const char *path,
                     gboolean    in_background)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  InflowSession *session;

  inflow_profile_manager_set_retry_delays (fixture->manager, 50, 200);
  me = sign_in (fixture->manager, "Acme", fixture->token, fixture->base_url, FALSE, &error);
  g_assert_no_error (error);
  session = wait_session_settled (fixture->manager);
  inflow_session_set_in_background (session, in_background);

  inflow_simulator_reset_request_counts (fixture->sim);
  inflow_simulator_add_fault (fixture->sim, "GET", path, INFLOW_SIM_FAULT_MALFORMED_JSON, 0, 0, 3);
  inflow_session_refresh_async (session, NULL, inflow_test_store_result_cb, &result);
  g_assert_false (inflow_session_refresh_finish (session, inflow_test_wait_result (&result), &error));
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
  g_assert_cmpint (inflow_session_get_connection_state (session), ==, INFLOW_CONNECTION_ERROR);

  return session;
}

/* A refresh that fails for a passing reason is tried again by itself, as
 * often as it takes; one that needs the user is not. */
static void
test_retries_passing_failures (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  InflowSession *session;

  /* Three garbled answers in a row, then good ones */
  session = sign_in_then_garble (fixture, "/v2/integrations", FALSE);
  g_assert_true (inflow_test_wait_until (session_online, session, 10000));
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->sim, "/v2/integrations"), ==, 4);
  g_assert_null (inflow_session_get_last_error (session));

  /* A refusal needs the user: no retry */
  inflow_simulator_reset_request_counts (fixture->sim);
  inflow_simulator_add_fault (fixture->sim, "GET", "/v2/integrations", INFLOW_SIM_FAULT_STATUS, 403, 0, 0);
  inflow_session_refresh_async (session, NULL, inflow_test_store_result_cb, &result);
  g_assert_false (inflow_session_refresh_finish (session, inflow_test_wait_result (&result), &error));
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_FORBIDDEN);
  g_assert_false (inflow_test_wait_until (never, NULL, 1000));
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->sim, "/v2/integrations"), ==, 1);
  g_assert_false (inflow_session_get_refreshing (session));
}

/* With no window open the retries stop: the lists serve the views only,
 * and the monitor keeps its own schedule. A window opening tries again. */
static void
test_no_retries_in_background (Fixture       *fixture,
                               gconstpointer  data)
{
  InflowSession *session = sign_in_then_garble (fixture, "/v2/teams", TRUE);

  g_assert_false (inflow_test_wait_until (never, NULL, 1000));
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->sim, "/v2/teams"), ==, 1);

  /* A window opens: the retries take up again until the lists are in. */
  inflow_session_set_in_background (session, FALSE);
  g_assert_true (inflow_test_wait_until (session_online, session, 10000));
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->sim, "/v2/teams"), ==, 4);
}

static void
ping_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  gboolean *answered = user_data;

  *answered = inflow_client_ping_finish (INFLOW_CLIENT (source), result, NULL);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* A good answer to another request while a retry waits: the retry runs at
 * once, but only once in a run of failures. */
static void
test_retry_hastened (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  InflowSession *session;
  InflowClient *client;
  gboolean answered = FALSE;

  inflow_profile_manager_set_retry_delays (fixture->manager, 60000, 60000);
  me = sign_in (fixture->manager, "Acme", fixture->token, fixture->base_url, FALSE, &error);
  g_assert_no_error (error);
  session = wait_session_settled (fixture->manager);
  client = inflow_session_get_client (session);

  /* Two garbled lists: the first retry, hastened, fails too */
  inflow_simulator_reset_request_counts (fixture->sim);
  inflow_simulator_add_fault (fixture->sim, "GET", "/v2/integrations", INFLOW_SIM_FAULT_MALFORMED_JSON, 0, 0, 2);
  inflow_session_refresh_async (session, NULL, inflow_test_store_result_cb, &result);
  g_assert_false (inflow_session_refresh_finish (session, inflow_test_wait_result (&result), &error));
  g_clear_error (&error);

  inflow_client_ping_async (client, NULL, ping_cb, &answered);
  g_assert_true (inflow_test_wait_until (is_true, &answered, 5000));
  g_assert_true (inflow_test_wait_until (session_settled, session, 5000));
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->sim, "/v2/integrations"), ==, 2);
  g_assert_cmpint (inflow_session_get_connection_state (session), ==, INFLOW_CONNECTION_ERROR);

  /* Not again in the same run: the next retry waits its minute */
  answered = FALSE;
  inflow_client_ping_async (client, NULL, ping_cb, &answered);
  g_assert_true (inflow_test_wait_until (is_true, &answered, 5000));
  g_assert_false (inflow_test_wait_until (never, NULL, 500));
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->sim, "/v2/integrations"), ==, 2);
  g_assert_false (inflow_session_get_refreshing (session));
}

/* Without a Secret Service (no D-Bus session at all): signing in stores
 * nothing and says so; a session-only sign-in works. Runs in a subprocess
 * whose D-Bus address leads nowhere. */
static void
test_no_secret_service (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GListModel) stored = NULL;
  InflowSession *session;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  g_unsetenv ("SECRET_BACKEND");
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/inflow-test/bus", TRUE);

  me = sign_in (fixture->manager, "Acme", fixture->token, fixture->base_url, FALSE, &error);
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NO_SECRET_SERVICE);
  g_assert_null (me);
  g_assert_null (inflow_profile_manager_get_session (fixture->manager));
  stored = stored_profiles (fixture->database);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 0);
  g_clear_error (&error);

  me = sign_in (fixture->manager, "Acme", fixture->token, fixture->base_url, TRUE, &error);
  g_assert_no_error (error);
  session = wait_session_settled (fixture->manager);
  g_assert_cmpint (inflow_session_get_connection_state (session), ==, INFLOW_CONNECTION_ONLINE);
  g_assert_null (inflow_session_get_database (session));
  g_clear_object (&stored);
  stored = stored_profiles (fixture->database);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 0);

  /* Reading a stored profile's token fails the same way: sign in again */
  {
    g_autoptr(InflowProfile) other = inflow_profile_new ("Stored", fixture->base_url);
    g_autoptr(GAsyncResult) result = NULL;

    inflow_database_save_profile_async (fixture->database, other, NULL, inflow_test_store_result_cb, &result);
    g_assert_true (inflow_database_save_profile_finish (fixture->database, inflow_test_wait_result (&result), &error));
    g_clear_object (&result);
    g_assert_false (activate (fixture->manager, other, &error));
    g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NO_SECRET_SERVICE);
    g_clear_error (&error);

    /* Teardown cannot reach a keyring either: forget it here */
    inflow_database_remove_profile_async (fixture->database, inflow_profile_get_id (other), NULL,
                                          inflow_test_store_result_cb, &result);
    g_assert_true (inflow_database_remove_profile_finish (fixture->database, inflow_test_wait_result (&result), &error));
  }
}

/* The token is in the keyring and in memory, nowhere else */

static gboolean
contains_bytes (const char *haystack,
                gsize       length,
                const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (haystack + i, needle, needle_length) == 0)
      return TRUE;

  return FALSE;
}

static void
assert_file_lacks (const char *path,
                   const char *secret)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return;

  g_test_message ("%s: %" G_GSIZE_FORMAT " bytes", path, length);
  g_assert_false (contains_bytes (contents, length, secret));
}

static void
assert_database_lacks (const char *db_path,
                       const char *secret)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);

      assert_file_lacks (path, secret);
    }
}

static void
assert_settings_lack (const char *secret)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_assert_cmpstr (g_getenv ("GSETTINGS_BACKEND"), ==, "memory");
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  g_assert_cmpuint (g_strv_length (keys), >, 0);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, TRUE);

      g_test_message ("%s = %s", keys[i], text);
      g_assert_null (strstr (text, secret));
    }
}

static void
test_token_stays_secret (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(InflowMe) reader = NULL;
  g_autoptr(InflowProfileManager) later = NULL;
  g_autoptr(InflowProfile) profile = NULL;
  gsize log_start = log_text->len;
  const char *logged;

  g_assert_cmpstr (g_getenv ("G_MESSAGES_DEBUG"), ==, "all");

  /* A full run: sign-in, refresh, a failed sign-in, a restart, sign-out */
  me = sign_in (fixture->manager, "Acme", fixture->token, fixture->base_url, FALSE, &error);
  g_assert_no_error (error);
  profile = g_object_ref (inflow_session_get_profile (wait_session_settled (fixture->manager)));
  reader = sign_in (fixture->manager, "Acme", "vntg_tkn_pm_not_valid", fixture->base_url, FALSE, &error);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  /* While the database is open, then after it was closed */
  assert_database_lacks (fixture->db_path, fixture->token);

  later = new_manager (fixture);
  g_assert_true (load (later, &error));
  wait_session_settled (later);
  g_assert_finalize_object (g_steal_pointer (&later));

  g_assert_true (sign_out (fixture->manager, profile, &error));
  g_assert_no_error (error);
  assert_settings_lack (fixture->token);

  close_database (fixture->database);
  assert_database_lacks (fixture->db_path, fixture->token);
  g_clear_object (&fixture->database);
  fixture->database = open_database (fixture->db_path);
  g_clear_object (&fixture->manager);
  fixture->manager = new_manager (fixture);
  g_assert_true (load (fixture->manager, &error));

  /* The log saw the whole run, and never the token */
  logged = log_text->str + log_start;
  g_test_message ("%" G_GSIZE_FORMAT " bytes logged", strlen (logged));
  g_assert_nonnull (strstr (logged, "Signing in at"));
  g_assert_nonnull (strstr (logged, "/v2/me"));
  g_assert_nonnull (strstr (logged, "Stored the token of profile"));
  g_assert_null (strstr (logged, fixture->token));
  g_assert_null (strstr (logged, "vntg_tkn_pm_not_valid"));
}

/* Keeps every log line, of every level, and prints all but debug. */
static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_autofree char *line = g_log_writer_format_fields (log_level, fields, n_fields, FALSE);

  g_string_append (log_text, line);
  g_string_append_c (log_text, '\n');

  if (log_level & G_LOG_LEVEL_DEBUG)
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static gboolean
refresh_session (InflowSession  *session,
                 GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_session_refresh_async (session, NULL, inflow_test_store_result_cb, &result);
  return inflow_session_refresh_finish (session, inflow_test_wait_result (&result), error);
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

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static gboolean
lists_failed (gpointer data)
{
  return inflow_database_get_n_lists_failed (data) >= INFLOW_SESSION_N_LISTS;
}

/* The data folder fills up while a profile is in use: its lists are not
 * saved, the manager says so once, in words with the path, and clears it
 * when there is room again. */
static void
test_storage_full (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "full-disk", NULL);
  g_autofree char *path = g_build_filename (folder, "inflow.db", NULL);
  g_autofree char *filler = NULL;
  g_autoptr(InflowDatabase) database = NULL;
  g_autoptr(InflowProfileManager) manager = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowProfile) profile = NULL;
  InflowSession *session;
  guint n_notifies = 0;
  const char *problem;

  if (!inflow_test_can_mount ())
    {
      g_test_skip ("Mounting a tmpfs needs root");
      return;
    }

  inflow_test_mount_tmpfs (folder, 1024 * 1024);
  database = open_database (path);
  manager = inflow_profile_manager_new (database, fixture->store);
  g_signal_connect (manager, "notify::storage-problem", G_CALLBACK (count_notify_cb), &n_notifies);

  me = sign_in (manager, "Full Disk", fixture->token, fixture->base_url, FALSE, &error);
  g_assert_no_error (error);
  session = wait_session_settled (manager);
  profile = g_object_ref (inflow_session_get_profile (session));
  drain_main_context ();
  g_assert_null (inflow_profile_manager_get_storage_problem (manager));
  g_assert_cmpuint (inflow_database_get_n_lists_written (database), >=, INFLOW_SESSION_N_LISTS);

  g_test_message ("Filled the disk with %" G_GSIZE_FORMAT " bytes", inflow_test_fill_folder (folder, &filler));

  /* Two refreshes: every list fails to save, the problem is told once.
   * A second apart, so that each list's fetched-at time changes: SQLite
   * writes nothing for a row that stays the same. */
  for (guint i = 0; i < 2; i++)
    {
      g_usleep (1100 * 1000);
      g_assert_true (refresh_session (session, &error));
      g_assert_no_error (error);
    }
  g_assert_true (inflow_test_wait_until (lists_failed, database, 5000));
  drain_main_context ();

  problem = inflow_profile_manager_get_storage_problem (manager);
  g_test_message ("%s (%u lists not saved)", problem, inflow_database_get_n_lists_failed (database));
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, path));
  g_assert_nonnull (strstr (problem, "full"));
  g_assert_cmpuint (n_notifies, ==, 1);
  /* The session shows what it fetched, saved or not */
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_integrations (session)), ==, 40);
  g_assert_cmpint (inflow_session_get_connection_state (session), ==, INFLOW_CONNECTION_ONLINE);

  /* Room again: the next refresh saves, and the problem is gone */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  g_usleep (1100 * 1000);
  g_assert_true (refresh_session (session, &error));
  drain_main_context ();
  g_assert_null (inflow_profile_manager_get_storage_problem (manager));
  g_assert_cmpuint (n_notifies, ==, 2);

  g_assert_true (remove_profile (manager, profile, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&manager));
  drain_main_context ();
  close_database (database);
  g_clear_object (&database);
  inflow_test_unmount (folder);
}

/* A read-only data folder: the stored profile is there, its token comes
 * from the keyring and it signs in; the reason is in words. */
static void
test_storage_read_only (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "read-only", NULL);
  g_autofree char *path = g_build_filename (folder, "inflow.db", NULL);
  g_autoptr(InflowDatabase) database = NULL;
  g_autoptr(InflowProfileManager) manager = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  InflowSession *session;
  const char *problem;

  if (!inflow_test_can_mount ())
    {
      g_test_skip ("Mounting a tmpfs needs root");
      return;
    }

  inflow_test_mount_tmpfs (folder, 4 * 1024 * 1024);
  database = open_database (path);
  manager = inflow_profile_manager_new (database, fixture->store);
  me = sign_in (manager, "Read Only", fixture->token, fixture->base_url, FALSE, &error);
  g_assert_no_error (error);
  id = g_strdup (inflow_profile_get_id (active_profile (manager)));
  wait_session_settled (manager);
  g_assert_finalize_object (g_steal_pointer (&manager));
  drain_main_context ();
  close_database (database);
  g_clear_object (&database);

  inflow_test_remount_read_only (folder);

  database = open_database (path);
  g_assert_true (inflow_database_get_read_only (database));
  manager = inflow_profile_manager_new (database, fixture->store);
  problem = inflow_profile_manager_get_storage_problem (manager);
  g_test_message ("%s", problem);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, folder));
  g_assert_nonnull (strstr (problem, "Read-only file system"));

  g_assert_true (load (manager, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_profile_manager_get_profiles (manager)), ==, 1);
  session = wait_session_settled (manager);
  g_assert_cmpstr (inflow_profile_get_id (inflow_session_get_profile (session)), ==, id);
  g_assert_cmpint (inflow_session_get_connection_state (session), ==, INFLOW_CONNECTION_ONLINE);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_integrations (session)), ==, 40);
  g_assert_cmpuint (inflow_database_get_n_lists_written (database), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&manager));
  drain_main_context ();
  clear_token (fixture->store, id);
  close_database (database);
  g_clear_object (&database);
  inflow_test_unmount (folder);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  inflow_test_enter_mount_namespace ();

  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  log_text = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  inflow_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/profile-manager/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("sign-in", test_sign_in);
  ADD ("sign-in/trims-token", test_sign_in_trims_token);
  ADD ("sign-in/unauthorized", test_sign_in_unauthorized);
  ADD ("sign-in/errors", test_sign_in_errors);
  ADD ("sign-in/read-only", test_sign_in_read_only);
  ADD ("sign-in/session-only", test_session_only);
  ADD ("load-activates-last-used", test_load_activates_last_used);
  ADD ("sign-out", test_sign_out);
  ADD ("remove", test_remove);
  ADD ("demo", test_demo);
  ADD ("switch-closes-previous", test_switch_closes_previous);
  ADD ("no-database", test_no_database);
  ADD ("network-comes-back", test_network_comes_back);
  ADD ("retries-passing-failures", test_retries_passing_failures);
  ADD ("retry-hastened", test_retry_hastened);
  ADD ("no-retries-in-background", test_no_retries_in_background);
  ADD ("token-stays-secret", test_token_stays_secret);
  ADD ("no-secret-service", test_no_secret_service);
  ADD ("storage/full", test_storage_full);
  ADD ("storage/read-only", test_storage_read_only);

  status = inflow_test_run ();
  g_string_free (log_text, TRUE);

  return status;
}
