/* test-session.c: InflowSession against the simulator over real loopback
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test gets a fresh InflowSimulator on 127.0.0.1, a real SQLite file
 * in the test's temporary HOME with a saved profile, and a session whose
 * client retries quickly.
 */

#include "config.h"

#include <string.h>

#include "inflow-database.h"
#include "inflow-session.h"
#include "inflow-simulator.h"
#include "inflow-storage-error.h"
#include "inflow-test-utils.h"

#define WRITE_TOKEN "vntg_tkn_session_write_7d1e3a5c"
#define READ_TOKEN  "vntg_tkn_session_read_2b4f6a8e"
#define WRONG_TOKEN "vntg_tkn_session_wrong_00000000"

typedef struct
{
  InflowSimulator *sim;
  char            *base_url;
  char            *db_path;
  InflowDatabase  *database;
  InflowProfile   *profile;
  InflowSession   *session;
} Fixture;

/* Synchronous helpers */

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

static void
save_profile (InflowDatabase *database,
              InflowProfile  *profile)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  inflow_database_save_profile_async (database, profile, NULL, inflow_test_store_result_cb, &result);
  inflow_database_save_profile_finish (database, inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);
}

static char *
get_cached (InflowDatabase  *database,
            const char      *profile_id,
            const char      *kind,
            GDateTime      **fetched_at,
            GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_database_get_cached_list_async (database, profile_id, kind, NULL, inflow_test_store_result_cb, &result);
  return inflow_database_get_cached_list_finish (database, inflow_test_wait_result (&result), fetched_at, error);
}

static gboolean
refresh (InflowSession  *session,
         GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_session_refresh_async (session, NULL, inflow_test_store_result_cb, &result);
  return inflow_session_refresh_finish (session, inflow_test_wait_result (&result), error);
}

static gboolean
load_cached (InflowSession  *session,
             GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_session_load_cached_async (session, NULL, inflow_test_store_result_cb, &result);
  return inflow_session_load_cached_finish (session, inflow_test_wait_result (&result), error);
}

static InflowClient *
new_client (const char *base_url,
            const char *token)
{
  g_autoptr(GError) error = NULL;
  InflowClient *client = inflow_client_new (base_url, token, &error);

  g_assert_no_error (error);
  inflow_client_set_retry_policy (client, 2, 5);
  return client;
}

static InflowSession *
new_session (Fixture        *fixture,
             InflowDatabase *database,
             const char     *token)
{
  g_autoptr(InflowClient) client = new_client (fixture->base_url, token);

  return inflow_session_new (fixture->profile, client, database);
}

/* Lets the main context finish what closing left. */
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

static void
stop_simulator (Fixture *fixture)
{
  g_clear_object (&fixture->sim);
  drain_main_context ();
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_uuid_string_random ();

  fixture->sim = inflow_simulator_new (3, 0, 0);
  inflow_simulator_set_tokens (fixture->sim, WRITE_TOKEN, READ_TOKEN);
  g_assert_true (inflow_simulator_listen (fixture->sim, 0, &error));
  g_assert_no_error (error);
  fixture->base_url = g_strdup (inflow_simulator_get_base_url (fixture->sim));

  fixture->db_path = g_build_filename (g_get_user_data_dir (), name, "inflow.db", NULL);
  fixture->database = open_database (fixture->db_path);
  fixture->profile = inflow_profile_new ("Acme", fixture->base_url);
  save_profile (fixture->database, fixture->profile);

  fixture->session = new_session (fixture, fixture->database, WRITE_TOKEN);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->session != NULL)
    inflow_session_close (fixture->session);
  drain_main_context ();
  g_clear_object (&fixture->session);
  if (fixture->database != NULL)
    close_database (fixture->database);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->profile);
  g_clear_object (&fixture->sim);
  drain_main_context ();
  g_clear_pointer (&fixture->base_url, g_free);
  g_clear_pointer (&fixture->db_path, g_free);
}

/* Counts the emissions of a signal */
static void
count_cb (gpointer *data)
{
  (*(guint *) data)++;
}

static GHashTable *
account_ids (GListModel *accounts)
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(InflowCloudAccount) account = g_list_model_get_item (accounts, i);

      g_hash_table_add (ids, (gpointer) inflow_cloud_account_get_account_id (account));
    }

  return ids;
}

/* What the client lists for every workspace, counted with repeats */
static guint
count_accounts_per_workspace (Fixture *fixture)
{
  g_autoptr(InflowClient) client = new_client (fixture->base_url, WRITE_TOKEN);
  g_auto(GStrv) workspaces = inflow_simulator_dup_workspace_tokens (fixture->sim);
  guint total = 0;

  for (guint i = 0; workspaces[i] != NULL; i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GListModel) accounts = NULL;
      g_autoptr(GError) error = NULL;

      inflow_client_list_cloud_accounts_async (client, workspaces[i], NULL, NULL, inflow_test_store_result_cb, &result);
      accounts = inflow_client_list_cloud_accounts_finish (client, inflow_test_wait_result (&result), NULL, &error);
      g_assert_no_error (error);
      total += g_list_model_get_n_items (accounts);
    }

  return total;
}

static void
test_refresh (Fixture       *fixture,
              gconstpointer  data)
{
  InflowSession *session = fixture->session;
  GListModel *integrations = inflow_session_get_integrations (session);
  GListModel *accounts = inflow_session_get_cloud_accounts (session);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_auto(GStrv) workspaces = inflow_simulator_dup_workspace_tokens (fixture->sim);
  guint n_splices = 0, n_fetched = 0, n_refreshing = 0;

  g_assert_cmpint (inflow_session_get_connection_state (session), ==, INFLOW_CONNECTION_UNKNOWN);
  g_assert_false (inflow_session_get_can_write (session));
  g_assert_nonnull (inflow_session_get_write_disabled_reason (session));
  for (guint i = 0; i < INFLOW_SESSION_N_LISTS; i++)
    g_assert_null (inflow_session_get_fetched_at (session, i));

  g_signal_connect_swapped (integrations, "items-changed", G_CALLBACK (count_cb), &n_splices);
  g_signal_connect_swapped (session, "fetched-at-changed", G_CALLBACK (count_cb), &n_fetched);
  g_signal_connect_swapped (session, "notify::refreshing", G_CALLBACK (count_cb), &n_refreshing);

  g_assert_true (refresh (session, &error));
  g_assert_no_error (error);

  g_assert_cmpint (inflow_session_get_connection_state (session), ==, INFLOW_CONNECTION_ONLINE);
  g_assert_null (inflow_session_get_last_error (session));
  g_assert_false (inflow_session_get_refreshing (session));
  g_assert_cmpuint (n_refreshing, ==, 2);
  g_assert_true (inflow_session_get_can_write (session));
  g_assert_null (inflow_session_get_write_disabled_reason (session));
  g_assert_nonnull (inflow_session_get_me (session));

  /* Every list, filled in one splice each, with its time */
  g_assert_cmpuint (g_list_model_get_n_items (integrations), ==, 40);
  g_assert_true (integrations == inflow_session_get_integrations (session));
  g_assert_cmpuint (n_splices, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_workspaces (session)), ==,
                    g_strv_length (workspaces));
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_teams (session)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), >, 0);
  g_assert_cmpuint (n_fetched, ==, INFLOW_SESSION_N_LISTS);
  for (guint i = 0; i < INFLOW_SESSION_N_LISTS; i++)
    g_assert_nonnull (inflow_session_get_fetched_at (session, i));

  /* Each cloud account once, though several workspaces show some */
  ids = account_ids (accounts);
  g_assert_cmpuint (g_hash_table_size (ids), ==, g_list_model_get_n_items (accounts));
  g_assert_cmpuint (count_accounts_per_workspace (fixture), >, g_list_model_get_n_items (accounts));

  /* A second refresh replaces in one more splice */
  g_assert_true (refresh (session, &error));
  g_assert_cmpuint (n_splices, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (integrations), ==, 40);
}

/* One account directory for the session, rebuilt once after a refresh
 * changed both of its lists. */
static void
test_account_directory (Fixture       *fixture,
                        gconstpointer  data)
{
  InflowSession *session = fixture->session;
  InflowAccountDirectory *directory = inflow_session_get_account_directory (session);
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;

  g_assert_nonnull (directory);
  g_assert_cmpuint (inflow_account_directory_get_n_accounts (directory), ==, 0);
  g_signal_connect_swapped (directory, "changed", G_CALLBACK (count_cb), &n_changed);

  g_assert_true (refresh (session, &error));
  g_assert_no_error (error);
  drain_main_context ();

  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (directory == inflow_session_get_account_directory (session));
  g_assert_cmpuint (inflow_account_directory_get_n_accounts (directory), >, 0);
  g_assert_cmpuint (inflow_account_directory_get_n_aws_integrations (directory), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_account_directory_get_entries (directory)), >,
                    inflow_account_directory_get_n_accounts (directory));
}

/* What a list view shows, and its "as of" line, through a first failed
 * refresh, a good one and a failed one after it. */
static void
test_list_state (Fixture       *fixture,
                 gconstpointer  data)
{
  InflowSession *session = fixture->session;
  const InflowSessionList list = INFLOW_SESSION_LIST_INTEGRATIONS;
  g_autoptr(GError) error = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *offline = NULL;

  g_assert_cmpint (inflow_session_get_list_state (session, list, 0), ==, INFLOW_LIST_STATE_LOADING);
  g_assert_null (inflow_session_dup_as_of_text (session, list));

  inflow_simulator_add_fault (fixture->sim, NULL, "/v2/integrations", INFLOW_SIM_FAULT_STATUS, 403, 0, 0);
  g_assert_false (refresh (session, &error));
  g_clear_error (&error);
  g_assert_cmpint (inflow_session_get_list_state (session, list, 0), ==, INFLOW_LIST_STATE_ERROR);
  g_assert_null (inflow_session_dup_as_of_text (session, list));

  inflow_simulator_clear_faults (fixture->sim);
  g_assert_true (refresh (session, &error));
  g_assert_cmpint (inflow_session_get_list_state (session, list, 0), ==, INFLOW_LIST_STATE_EMPTY);
  g_assert_cmpint (inflow_session_get_list_state (session, list, 3), ==, INFLOW_LIST_STATE_READY);
  as_of = inflow_session_dup_as_of_text (session, list);
  g_assert_true (g_str_has_prefix (as_of, "As of "));

  /* Fetched once: a later failure keeps the list, and says offline */
  inflow_simulator_add_fault (fixture->sim, NULL, "/v2/integrations", INFLOW_SIM_FAULT_DROP_CONNECTION, 0, 0, 0);
  g_assert_false (refresh (session, &error));
  g_assert_cmpint (inflow_session_get_list_state (session, list, 0), ==, INFLOW_LIST_STATE_EMPTY);
  offline = inflow_session_dup_as_of_text (session, list);
  g_assert_true (g_str_has_prefix (offline, "Offline · as of "));
}

static void
test_refresh_saves_cache (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const kinds[] = {
    INFLOW_CACHED_LIST_INTEGRATIONS, INFLOW_CACHED_LIST_WORKSPACES,
    INFLOW_CACHED_LIST_ACCOUNTS, INFLOW_CACHED_LIST_TEAMS, "me",
  };
  g_autoptr(GError) error = NULL;
  const char *id = inflow_profile_get_id (fixture->profile);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *json = get_cached (fixture->database, id, kinds[i], NULL, &error);

      g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND);
      g_assert_null (json);
      g_clear_error (&error);
    }

  g_assert_true (refresh (fixture->session, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GDateTime) fetched_at = NULL;
      g_autofree char *json = get_cached (fixture->database, id, kinds[i], &fetched_at, &error);

      g_test_message ("%s: %.60s…", kinds[i], json);
      g_assert_no_error (error);
      g_assert_nonnull (json);
      g_assert_nonnull (fetched_at);
      g_assert_true (json[0] == (g_str_equal (kinds[i], "me") ? '{' : '['));
      g_assert_null (strstr (json, WRITE_TOKEN));
    }
}

static void
test_load_cached_after_restart (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowSession) later = NULL;
  g_autoptr(InflowDatabase) reopened = NULL;
  GDateTime *fetched_before[INFLOW_SESSION_N_LISTS];
  guint n_before[INFLOW_SESSION_N_LISTS];
  guint n_requests;
  GListModel *lists[INFLOW_SESSION_N_LISTS];

  g_assert_true (refresh (fixture->session, &error));
  g_assert_no_error (error);
  lists[INFLOW_SESSION_LIST_INTEGRATIONS] = inflow_session_get_integrations (fixture->session);
  lists[INFLOW_SESSION_LIST_WORKSPACES] = inflow_session_get_workspaces (fixture->session);
  lists[INFLOW_SESSION_LIST_CLOUD_ACCOUNTS] = inflow_session_get_cloud_accounts (fixture->session);
  lists[INFLOW_SESSION_LIST_TEAMS] = inflow_session_get_teams (fixture->session);
  for (guint i = 0; i < INFLOW_SESSION_N_LISTS; i++)
    {
      fetched_before[i] = g_date_time_ref (inflow_session_get_fetched_at (fixture->session, i));
      n_before[i] = g_list_model_get_n_items (lists[i]);
    }

  /* A restart: the session and the database go, the file stays */
  inflow_session_close (fixture->session);
  g_clear_object (&fixture->session);
  close_database (fixture->database);
  g_clear_object (&fixture->database);
  reopened = open_database (fixture->db_path);
  fixture->database = g_object_ref (reopened);

  n_requests = inflow_simulator_get_request_count (fixture->sim, NULL);
  later = new_session (fixture, reopened, WRITE_TOKEN);
  g_assert_true (load_cached (later, &error));
  g_assert_no_error (error);

  /* The last known data, with its times, and no request made */
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->sim, NULL), ==, n_requests);
  g_assert_cmpint (inflow_session_get_connection_state (later), ==, INFLOW_CONNECTION_UNKNOWN);
  g_assert_nonnull (inflow_session_get_me (later));
  g_assert_true (inflow_session_get_can_write (later));
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_integrations (later)), ==,
                    n_before[INFLOW_SESSION_LIST_INTEGRATIONS]);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_workspaces (later)), ==,
                    n_before[INFLOW_SESSION_LIST_WORKSPACES]);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_cloud_accounts (later)), ==,
                    n_before[INFLOW_SESSION_LIST_CLOUD_ACCOUNTS]);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_teams (later)), ==,
                    n_before[INFLOW_SESSION_LIST_TEAMS]);
  for (guint i = 0; i < INFLOW_SESSION_N_LISTS; i++)
    {
      GDateTime *fetched_at = inflow_session_get_fetched_at (later, i);

      g_assert_nonnull (fetched_at);
      g_assert_cmpint (g_date_time_to_unix (fetched_at), ==, g_date_time_to_unix (fetched_before[i]));
      g_date_time_unref (fetched_before[i]);
    }

  /* The same integrations, item for item */
  for (guint i = 0; i < n_before[INFLOW_SESSION_LIST_INTEGRATIONS]; i++)
    {
      g_autoptr(InflowIntegration) item = g_list_model_get_item (inflow_session_get_integrations (later), i);

      g_assert_nonnull (inflow_integration_get_token (item));
      g_assert_nonnull (inflow_integration_get_created_at (item));
    }

  /* Then it goes online; the cache never overwrites fresher data */
  g_assert_true (refresh (later, &error));
  g_assert_cmpint (inflow_session_get_connection_state (later), ==, INFLOW_CONNECTION_ONLINE);
  g_assert_true (load_cached (later, &error));
  g_assert_no_error (error);
  inflow_session_close (later);
}

static void
test_load_cached_nothing (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowSession) without_db = new_session (fixture, NULL, WRITE_TOKEN);

  g_assert_true (load_cached (fixture->session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_integrations (fixture->session)), ==, 0);
  g_assert_null (inflow_session_get_fetched_at (fixture->session, INFLOW_SESSION_LIST_INTEGRATIONS));
  g_assert_null (inflow_session_get_me (fixture->session));

  g_assert_true (load_cached (without_db, &error));
  g_assert_no_error (error);
  g_assert_true (refresh (without_db, &error));
  g_assert_null (inflow_session_get_database (without_db));
  inflow_session_close (without_db);
}

static void
assert_offline_keeps_lists (Fixture *fixture,
                            int      expected_code)
{
  InflowSession *session = fixture->session;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) fetched_at = NULL;
  guint n_integrations;

  g_assert_true (refresh (session, &error));
  n_integrations = g_list_model_get_n_items (inflow_session_get_integrations (session));
  fetched_at = g_date_time_ref (inflow_session_get_fetched_at (session, INFLOW_SESSION_LIST_INTEGRATIONS));
  g_assert_cmpuint (n_integrations, >, 0);

  if (expected_code == INFLOW_API_ERROR_NETWORK)
    stop_simulator (fixture);
  else
    inflow_simulator_add_fault (fixture->sim, NULL, "/v2/me", INFLOW_SIM_FAULT_STATUS, 503, 0, 0);

  g_assert_false (refresh (session, &error));
  g_assert_error (error, INFLOW_API_ERROR, expected_code);
  g_assert_cmpint (inflow_session_get_connection_state (session), ==, INFLOW_CONNECTION_OFFLINE);
  g_assert_nonnull (inflow_session_get_last_error (session));
  g_assert_cmpint (inflow_session_get_last_error (session)->code, ==, expected_code);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_integrations (session)), ==, n_integrations);
  g_assert_true (g_date_time_equal (fetched_at, inflow_session_get_fetched_at (session, INFLOW_SESSION_LIST_INTEGRATIONS)));
  g_assert_false (inflow_session_get_refreshing (session));
  /* Offline is no reason to forbid changes */
  g_assert_true (inflow_session_get_can_write (session));
}

static void
test_offline_server_stopped (Fixture       *fixture,
                             gconstpointer  data)
{
  assert_offline_keeps_lists (fixture, INFLOW_API_ERROR_NETWORK);
}

static void
test_offline_dropped_connection (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (refresh (fixture->session, &error));
  inflow_simulator_add_fault (fixture->sim, NULL, "/v2/integrations", INFLOW_SIM_FAULT_DROP_CONNECTION, 0, 0, 0);

  g_assert_false (refresh (fixture->session, &error));
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_NETWORK);
  g_assert_cmpint (inflow_session_get_connection_state (fixture->session), ==, INFLOW_CONNECTION_OFFLINE);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_integrations (fixture->session)), ==, 40);

  /* It comes back */
  inflow_simulator_clear_faults (fixture->sim);
  g_clear_error (&error);
  g_assert_true (refresh (fixture->session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (inflow_session_get_connection_state (fixture->session), ==, INFLOW_CONNECTION_ONLINE);
  g_assert_null (inflow_session_get_last_error (fixture->session));
}

static void
test_offline_server_error (Fixture       *fixture,
                           gconstpointer  data)
{
  assert_offline_keeps_lists (fixture, INFLOW_API_ERROR_SERVER);
}

static void
test_unauthorized (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowSession) wrong = new_session (fixture, fixture->database, WRONG_TOKEN);

  g_assert_false (refresh (wrong, &error));
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_UNAUTHORIZED);
  g_assert_cmpint (inflow_session_get_connection_state (wrong), ==, INFLOW_CONNECTION_UNAUTHORIZED);
  g_assert_false (inflow_session_get_can_write (wrong));
  g_assert_nonnull (inflow_session_get_write_disabled_reason (wrong));

  /* A token revoked while the session runs: writes are off, with a reason */
  g_clear_error (&error);
  g_assert_true (refresh (fixture->session, &error));
  g_assert_true (inflow_session_get_can_write (fixture->session));
  inflow_simulator_set_tokens (fixture->sim, NULL, READ_TOKEN);
  g_assert_false (refresh (fixture->session, &error));
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_UNAUTHORIZED);
  g_assert_cmpint (inflow_session_get_connection_state (fixture->session), ==, INFLOW_CONNECTION_UNAUTHORIZED);
  g_assert_false (inflow_session_get_can_write (fixture->session));
  g_assert_nonnull (strstr (inflow_session_get_write_disabled_reason (fixture->session), "Sign in again"));
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_integrations (fixture->session)), ==, 40);
  inflow_session_close (wrong);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowSession) reader = new_session (fixture, fixture->database, READ_TOKEN);
  guint n_notified = 0;

  g_signal_connect_swapped (reader, "notify::can-write", G_CALLBACK (count_cb), &n_notified);
  g_assert_true (refresh (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpint (inflow_session_get_connection_state (reader), ==, INFLOW_CONNECTION_ONLINE);
  g_assert_false (inflow_session_get_can_write (reader));
  g_assert_cmpuint (n_notified, ==, 0);
  g_assert_nonnull (strstr (inflow_session_get_write_disabled_reason (reader), "read-only"));
  g_assert_nonnull (strstr (inflow_session_get_write_disabled_reason (reader), "Write scope"));
  g_assert_false (inflow_me_has_scope (inflow_session_get_me (reader), "write"));
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_integrations (reader)), ==, 40);
  inflow_session_close (reader);

  /* The writer's can-write notifies when /me arrives */
  g_signal_connect_swapped (fixture->session, "notify::can-write", G_CALLBACK (count_cb), &n_notified);
  g_assert_true (refresh (fixture->session, &error));
  g_assert_cmpuint (n_notified, ==, 1);
}

static void
test_other_error (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  inflow_simulator_add_fault (fixture->sim, "GET", "/v2/integrations", INFLOW_SIM_FAULT_MALFORMED_JSON, 0, 0, 0);
  g_assert_false (refresh (fixture->session, &error));
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
  g_assert_cmpint (inflow_session_get_connection_state (fixture->session), ==, INFLOW_CONNECTION_ERROR);

  /* What did arrive is shown */
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_workspaces (fixture->session)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_integrations (fixture->session)), ==, 0);
  g_assert_null (inflow_session_get_fetched_at (fixture->session, INFLOW_SESSION_LIST_INTEGRATIONS));
}

static void
test_teams_forbidden (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  inflow_simulator_add_fault (fixture->sim, "GET", "/v2/teams", INFLOW_SIM_FAULT_STATUS, 403, 0, 0);
  g_assert_true (refresh (fixture->session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (inflow_session_get_connection_state (fixture->session), ==, INFLOW_CONNECTION_ONLINE);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_teams (fixture->session)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_integrations (fixture->session)), ==, 40);
}

static void
test_close_cancels (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  inflow_simulator_add_fault (fixture->sim, NULL, "/v2/me", INFLOW_SIM_FAULT_DELAY, 0, 3000, 0);
  inflow_session_refresh_async (fixture->session, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_session_get_refreshing (fixture->session));

  start = g_get_monotonic_time ();
  inflow_session_close (fixture->session);
  g_assert_true (g_cancellable_is_cancelled (inflow_session_get_cancellable (fixture->session)));

  g_assert_false (inflow_session_refresh_finish (fixture->session, inflow_test_wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_assert_cmpint (inflow_session_get_connection_state (fixture->session), ==, INFLOW_CONNECTION_UNKNOWN);
  g_assert_null (inflow_session_get_last_error (fixture->session));
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_integrations (fixture->session)), ==, 0);

  /* Closed for good */
  g_clear_error (&error);
  g_assert_false (refresh (fixture->session, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_refreshes_join (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;

  inflow_simulator_reset_request_counts (fixture->sim);
  inflow_session_refresh_async (fixture->session, NULL, inflow_test_store_result_cb, &first);
  inflow_session_refresh_async (fixture->session, NULL, inflow_test_store_result_cb, &second);

  g_assert_true (inflow_session_refresh_finish (fixture->session, inflow_test_wait_result (&first), &error));
  g_assert_true (inflow_session_refresh_finish (fixture->session, inflow_test_wait_result (&second), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->sim, "/v2/me"), ==, 1);
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->sim, "/v2/integrations"), ==, 1);
}

static void
test_caller_cancels (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) mine = NULL;
  g_autoptr(GAsyncResult) other = NULL;
  g_autoptr(GError) error = NULL;

  inflow_simulator_add_fault (fixture->sim, NULL, "/v2/me", INFLOW_SIM_FAULT_DELAY, 0, 300, 1);

  /* One caller gives up; the refresh goes on for the other */
  inflow_session_refresh_async (fixture->session, cancellable, inflow_test_store_result_cb, &mine);
  inflow_session_refresh_async (fixture->session, NULL, inflow_test_store_result_cb, &other);
  g_cancellable_cancel (cancellable);
  g_assert_false (inflow_session_refresh_finish (fixture->session, inflow_test_wait_result (&mine), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (inflow_session_get_refreshing (fixture->session));
  g_clear_error (&error);
  g_assert_true (inflow_session_refresh_finish (fixture->session, inflow_test_wait_result (&other), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_integrations (fixture->session)), ==, 40);

  /* The only caller gives up: the refresh stops */
  g_clear_object (&mine);
  g_clear_object (&cancellable);
  cancellable = g_cancellable_new ();
  inflow_simulator_add_fault (fixture->sim, NULL, "/v2/me", INFLOW_SIM_FAULT_DELAY, 0, 3000, 1);
  inflow_session_refresh_async (fixture->session, cancellable, inflow_test_store_result_cb, &mine);
  g_cancellable_cancel (cancellable);
  g_assert_false (inflow_session_refresh_finish (fixture->session, inflow_test_wait_result (&mine), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  while (inflow_session_get_refreshing (fixture->session))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (inflow_session_get_connection_state (fixture->session), ==, INFLOW_CONNECTION_ONLINE);
}

static void
test_update_integration (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *integrations = inflow_session_get_integrations (fixture->session);
  const char *token = inflow_simulator_get_notable_integration (fixture->sim, INFLOW_SIM_NOTABLE_ERROR);
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(InflowIntegration) updated = NULL;
  g_autoptr(InflowIntegration) item = NULL;
  guint n_items;

  g_assert_true (refresh (fixture->session, &error));
  n_items = g_list_model_get_n_items (integrations);

  g_assert_true (inflow_simulator_set_integration_status (fixture->sim, token, "connected"));
  json = inflow_simulator_dup_integration_json (fixture->sim, token);
  node = json_from_string (json, &error);
  g_assert_no_error (error);
  updated = inflow_integration_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);

  inflow_session_update_integration (fixture->session, updated);
  g_assert_cmpuint (g_list_model_get_n_items (integrations), ==, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(InflowIntegration) candidate = g_list_model_get_item (integrations, i);

      if (g_str_equal (inflow_integration_get_token (candidate), token))
        item = g_steal_pointer (&candidate);
    }
  g_assert_true (item == updated);
  g_assert_cmpint (inflow_integration_get_status (item), ==, INFLOW_INTEGRATION_STATUS_CONNECTED);

  inflow_session_remove_integration (fixture->session, token);
  g_assert_cmpuint (g_list_model_get_n_items (integrations), ==, n_items - 1);
  inflow_session_remove_integration (fixture->session, "accss_crdntl_unknown");
  g_assert_cmpuint (g_list_model_get_n_items (integrations), ==, n_items - 1);

  /* The change is in the cache too */
  g_clear_pointer (&json, g_free);
  json = get_cached (fixture->database, inflow_profile_get_id (fixture->profile),
                     INFLOW_CACHED_LIST_INTEGRATIONS, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (json, token));
}

static void
test_state_from_error (void)
{
  static const struct {
    int                   code;
    InflowConnectionState state;
  } cases[] = {
    { INFLOW_API_ERROR_NETWORK, INFLOW_CONNECTION_OFFLINE },
    { INFLOW_API_ERROR_TLS, INFLOW_CONNECTION_OFFLINE },
    { INFLOW_API_ERROR_SERVER, INFLOW_CONNECTION_OFFLINE },
    { INFLOW_API_ERROR_UNAUTHORIZED, INFLOW_CONNECTION_UNAUTHORIZED },
    { INFLOW_API_ERROR_FORBIDDEN, INFLOW_CONNECTION_ERROR },
    { INFLOW_API_ERROR_RATE_LIMITED, INFLOW_CONNECTION_ERROR },
    { INFLOW_API_ERROR_INVALID_RESPONSE, INFLOW_CONNECTION_ERROR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (INFLOW_API_ERROR, cases[i].code, "x");

      g_assert_cmpint (inflow_connection_state_from_error (error), ==, cases[i].state);
    }
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/session/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("refresh", test_refresh);
  ADD ("account-directory", test_account_directory);
  ADD ("list-state", test_list_state);
  ADD ("refresh-saves-cache", test_refresh_saves_cache);
  ADD ("load-cached/after-restart", test_load_cached_after_restart);
  ADD ("load-cached/nothing", test_load_cached_nothing);
  ADD ("offline/server-stopped", test_offline_server_stopped);
  ADD ("offline/dropped-connection", test_offline_dropped_connection);
  ADD ("offline/server-error", test_offline_server_error);
  ADD ("unauthorized", test_unauthorized);
  ADD ("read-only", test_read_only);
  ADD ("other-error", test_other_error);
  ADD ("teams-forbidden", test_teams_forbidden);
  ADD ("close-cancels", test_close_cancels);
  ADD ("refreshes-join", test_refreshes_join);
  ADD ("caller-cancels", test_caller_cancels);
  ADD ("update-integration", test_update_integration);
  g_test_add_func ("/session/state-from-error", test_state_from_error);

  return inflow_test_run ();
}
