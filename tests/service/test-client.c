/* test-client.c: InflowClient against the Vantage API simulator over loopback
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test gets a fresh InflowSimulator on 127.0.0.1 (port 0) and a client
 * signed in to it, with short retry delays. The whole program runs with
 * G_MESSAGES_DEBUG=all under a log writer that fails the test when any log
 * line carries a token.
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "inflow-client.h"
#include "inflow-cost.h"
#include "inflow-simulator.h"
#include "inflow-test-utils.h"

#define WRITE_TOKEN   "vntg_tkn_write_5e0c7a1b9d3f4e62"
#define READ_TOKEN    "vntg_tkn_read_8a2d4c6e0f1b3a57"
#define LIMITED_TOKEN "vntg_tkn_limited_3c5e7a9b1d2f4a68"
#define WRONG_TOKEN   "vntg_tkn_wrong_0000111122223333"

static const char * const all_tokens[] = { WRITE_TOKEN, READ_TOKEN, LIMITED_TOKEN, WRONG_TOKEN };

/* Log capture */
static guint n_token_leaks;
static guint n_service_debug;

typedef struct
{
  guint64  seed;
  guint    n_integrations;
  guint    n_accounts;
} Config;

static const Config small = { 7, 0, 0 };
static const Config three_pages = { 7, 2500, 0 };
static const Config ten_thousand = { 7, 10000, 0 };

typedef struct
{
  InflowSimulator *sim;
  InflowClient    *client;
} Fixture;

static InflowClient *
new_client (Fixture    *fixture,
            const char *token)
{
  g_autoptr(GError) error = NULL;
  InflowClient *client;

  client = inflow_client_new (inflow_simulator_get_base_url (fixture->sim), token, &error);
  g_assert_no_error (error);
  inflow_client_set_retry_policy (client, 4, 2);
  inflow_client_set_rate_limit_policy (client, 3, 5000);

  return client;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  const Config *config = data;
  g_autoptr(GError) error = NULL;

  fixture->sim = inflow_simulator_new (config->seed, config->n_integrations, config->n_accounts);
  inflow_simulator_set_tokens (fixture->sim, WRITE_TOKEN, READ_TOKEN);
  inflow_simulator_add_token (fixture->sim, LIMITED_TOKEN, FALSE, FALSE);
  inflow_simulator_listen (fixture->sim, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (inflow_simulator_get_base_url (fixture->sim), "http://127.0.0.1:"));

  fixture->client = new_client (fixture, WRITE_TOKEN);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  /* Nothing may keep the client alive: no leaked task, source or message */
  g_assert_finalize_object (fixture->client);
  g_assert_finalize_object (fixture->sim);
}

static guint
count (Fixture    *fixture,
       const char *path_prefix)
{
  return inflow_simulator_get_request_count (fixture->sim, path_prefix);
}

/* Runners: one call, its result */

static InflowMe *
run_get_me (InflowClient  *client,
            GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_client_get_me_async (client, NULL, inflow_test_store_result_cb, &result);
  return inflow_client_get_me_finish (client, inflow_test_wait_result (&result), error);
}

static InflowIntegration *
run_get_integration (InflowClient  *client,
                     const char    *token,
                     GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_client_get_integration_async (client, token, NULL, inflow_test_store_result_cb, &result);
  return inflow_client_get_integration_finish (client, inflow_test_wait_result (&result), error);
}

static GListModel *
run_list_integrations (InflowClient  *client,
                       const char    *provider,
                       guint         *n_invalid,
                       GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_client_list_integrations_async (client, provider, NULL, NULL,
                                         inflow_test_store_result_cb, &result);
  return inflow_client_list_integrations_finish (client, inflow_test_wait_result (&result),
                                                 n_invalid, error);
}

static GListModel *
run_list_workspaces (InflowClient  *client,
                     guint         *n_invalid,
                     GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_client_list_workspaces_async (client, NULL, inflow_test_store_result_cb, &result);
  return inflow_client_list_workspaces_finish (client, inflow_test_wait_result (&result),
                                               n_invalid, error);
}

static InflowIntegration *
run_update_workspaces (InflowClient        *client,
                       const char          *token,
                       const char * const  *workspaces,
                       GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_client_update_integration_workspaces_async (client, token, workspaces, NULL,
                                                     inflow_test_store_result_cb, &result);
  return inflow_client_update_integration_workspaces_finish (client, inflow_test_wait_result (&result),
                                                             error);
}

static gboolean
run_delete_integration (InflowClient  *client,
                        const char    *token,
                        GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_client_delete_integration_async (client, token, NULL, inflow_test_store_result_cb, &result);
  return inflow_client_delete_integration_finish (client, inflow_test_wait_result (&result), error);
}

static InflowAwsAccessCredential *
run_create_aws (InflowClient  *client,
                const char    *role_arn,
                const char    *bucket_arn,
                GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_client_create_aws_integration_async (client, role_arn, bucket_arn, NULL,
                                              inflow_test_store_result_cb, &result);
  return inflow_client_create_aws_integration_finish (client, inflow_test_wait_result (&result), error);
}

static InflowCostQueryResult *
run_query_costs (InflowClient  *client,
                 const char    *workspace,
                 GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GDateTime) now = inflow_client_get_now (client);
  g_autoptr(GDateTime) month_ago = g_date_time_add_days (now, -30);
  g_autofree char *end = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *start = g_date_time_format (month_ago, "%Y-%m-%d");

  inflow_client_query_costs_async (client, workspace, "costs.provider = 'aws'", start, end,
                                   "service", "month", 100, NULL,
                                   inflow_test_store_result_cb, &result);
  return inflow_client_query_costs_finish (client, inflow_test_wait_result (&result), error);
}

/* Every operation */

static void
test_get_me (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = run_get_me (fixture->client, &error);

  g_assert_no_error (error);
  g_assert_nonnull (me);
  g_assert_cmpstr (inflow_me_get_default_workspace_token (me), ==,
                   inflow_simulator_get_default_workspace_token (fixture->sim));
  g_assert_true (inflow_me_has_scope (me, "read"));
  g_assert_true (inflow_me_has_scope (me, "write"));
  g_assert_cmpuint (count (fixture, "/v2/me"), ==, 1);
}

static void
test_ping (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  inflow_client_ping_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_client_ping_finish (fixture->client, inflow_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture, "/v2/ping"), ==, 1);
}

static void
test_integrations (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *management = inflow_simulator_get_notable_integration (fixture->sim,
                                                                     INFLOW_SIM_NOTABLE_MANAGEMENT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) aws = NULL;
  g_autoptr(InflowIntegration) one = NULL;
  g_autoptr(InflowIntegration) missing = NULL;
  gboolean found = FALSE;
  guint n_invalid = 99;

  all = run_list_integrations (fixture->client, NULL, &n_invalid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_invalid, ==, 0);
  g_assert_true (g_list_model_get_item_type (all) == INFLOW_TYPE_INTEGRATION);
  g_assert_cmpuint (g_list_model_get_n_items (all), >, INFLOW_SIM_N_NOTABLE);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(InflowIntegration) item = g_list_model_get_item (all, i);

      if (g_strcmp0 (inflow_integration_get_token (item), management) == 0)
        found = TRUE;
    }
  g_assert_true (found);

  aws = run_list_integrations (fixture->client, "aws", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (aws), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (aws), <, g_list_model_get_n_items (all));
  for (guint i = 0; i < g_list_model_get_n_items (aws); i++)
    {
      g_autoptr(InflowIntegration) item = g_list_model_get_item (aws, i);

      g_assert_true (inflow_integration_is_provider (item, "aws"));
    }

  one = run_get_integration (fixture->client, management, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (inflow_integration_get_token (one), ==, management);

  missing = run_get_integration (fixture->client, "accss_crdntl_doesnotexist", &error);
  g_assert_null (missing);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_NOT_FOUND);
  g_test_message ("404: %s", error->message);
}

static void
test_update_integration_workspaces (Fixture       *fixture,
                                    gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->sim,
                                                                INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  g_auto(GStrv) workspaces = inflow_simulator_dup_workspace_tokens (fixture->sim);
  const char * const none[] = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowIntegration) updated = NULL;
  g_autoptr(InflowIntegration) emptied = NULL;
  g_autoptr(InflowIntegration) fetched = NULL;
  const char * const *tokens;

  g_assert_nonnull (workspaces);
  g_assert_nonnull (workspaces[0]);

  updated = run_update_workspaces (fixture->client, token, (const char * const *) workspaces, &error);
  g_assert_no_error (error);
  tokens = inflow_integration_get_workspace_tokens (updated);
  g_assert_cmpuint (g_strv_length ((GStrv) tokens), ==, g_strv_length (workspaces));
  for (guint i = 0; workspaces[i] != NULL; i++)
    g_assert_true (g_strv_contains (tokens, workspaces[i]));

  /* The server kept it */
  fetched = run_get_integration (fixture->client, token, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((GStrv) inflow_integration_get_workspace_tokens (fetched)), ==,
                    g_strv_length (workspaces));

  emptied = run_update_workspaces (fixture->client, token, none, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((GStrv) inflow_integration_get_workspace_tokens (emptied)), ==, 0);
}

static void
test_delete_integration (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->sim,
                                                                INFLOW_SIM_NOTABLE_DISCONNECTED);
  g_autofree char *copy = g_strdup (token);
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowIntegration) gone = NULL;

  g_assert_true (run_delete_integration (fixture->client, copy, &error));
  g_assert_no_error (error);

  gone = run_get_integration (fixture->client, copy, &error);
  g_assert_null (gone);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (run_delete_integration (fixture->client, copy, &error));
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_NOT_FOUND);
}

static void
test_workspaces_teams_accounts (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) workspaces = NULL;
  g_autoptr(GListModel) teams = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GListModel) aws_accounts = NULL;
  g_auto(GStrv) expected = inflow_simulator_dup_workspace_tokens (fixture->sim);
  guint n_invalid = 99;

  workspaces = run_list_workspaces (fixture->client, &n_invalid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_invalid, ==, 0);
  g_assert_true (g_list_model_get_item_type (workspaces) == INFLOW_TYPE_WORKSPACE);
  g_assert_cmpuint (g_list_model_get_n_items (workspaces), ==, g_strv_length (expected));

  inflow_client_list_teams_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  n_invalid = 99;
  teams = inflow_client_list_teams_finish (fixture->client, inflow_test_wait_result (&result),
                                           &n_invalid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_invalid, ==, 0);
  g_assert_true (g_list_model_get_item_type (teams) == INFLOW_TYPE_TEAM);
  g_assert_cmpuint (g_list_model_get_n_items (teams), >, 0);
  g_clear_object (&result);

  inflow_client_list_cloud_accounts_async (fixture->client,
                                           inflow_simulator_get_default_workspace_token (fixture->sim),
                                           NULL, NULL, inflow_test_store_result_cb, &result);
  n_invalid = 99;
  accounts = inflow_client_list_cloud_accounts_finish (fixture->client, inflow_test_wait_result (&result),
                                                       &n_invalid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_invalid, ==, 0);
  g_assert_true (g_list_model_get_item_type (accounts) == INFLOW_TYPE_CLOUD_ACCOUNT);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), >, 0);
  g_clear_object (&result);

  inflow_client_list_cloud_accounts_async (fixture->client,
                                           inflow_simulator_get_default_workspace_token (fixture->sim),
                                           "aws", NULL, inflow_test_store_result_cb, &result);
  aws_accounts = inflow_client_list_cloud_accounts_finish (fixture->client,
                                                           inflow_test_wait_result (&result),
                                                           NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (aws_accounts), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (aws_accounts); i++)
    {
      g_autoptr(InflowCloudAccount) account = g_list_model_get_item (aws_accounts, i);

      g_assert_cmpstr (inflow_cloud_account_get_provider (account), ==, "aws");
    }
}

static void
test_users (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) users = NULL;
  g_autoptr(GListModel) hidden = NULL;
  g_autoptr(InflowClient) limited = new_client (fixture, LIMITED_TOKEN);
  gboolean permitted = FALSE;
  guint n_invalid = 99;

  inflow_client_list_users_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  users = inflow_client_list_users_finish (fixture->client, inflow_test_wait_result (&result),
                                           &permitted, &n_invalid, &error);
  g_assert_no_error (error);
  g_assert_true (permitted);
  g_assert_cmpuint (n_invalid, ==, 0);
  g_assert_true (g_list_model_get_item_type (users) == INFLOW_TYPE_USER);
  g_assert_cmpuint (g_list_model_get_n_items (users), >, 0);
  g_clear_object (&result);

  /* A 403 is an answer: not permitted, an empty model, no error */
  permitted = TRUE;
  inflow_client_list_users_async (limited, NULL, inflow_test_store_result_cb, &result);
  hidden = inflow_client_list_users_finish (limited, inflow_test_wait_result (&result),
                                            &permitted, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (permitted);
  g_assert_nonnull (hidden);
  g_assert_cmpuint (g_list_model_get_n_items (hidden), ==, 0);
  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&limited));
}

static void
test_query_costs (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowCostQueryResult) costs = NULL;
  GListModel *rows;

  costs = run_query_costs (fixture->client, inflow_simulator_get_default_workspace_token (fixture->sim),
                           &error);
  g_assert_no_error (error);
  g_assert_nonnull (costs);
  rows = inflow_cost_query_result_get_costs (costs);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);
  g_assert_cmpuint (inflow_cost_query_result_get_n_invalid_costs (costs), ==, 0);
  g_assert_cmpfloat (inflow_cost_query_result_get_total_cost_value (costs), >, 0);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(InflowCost) cost = g_list_model_get_item (rows, i);

      g_assert_nonnull (inflow_cost_get_service (cost));
    }
}

static void
test_aws_v1 (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowAwsProviderInfo) info = NULL;
  g_autoptr(InflowAwsAccessCredential) credential = NULL;
  g_autoptr(InflowAwsAccessCredential) refused = NULL;
  g_autoptr(GListModel) found = NULL;
  const char *role = "arn:aws:iam::210987654321:role/vantage-cross-account";
  const char *bucket = "arn:aws:s3:::inflow-test-cur-bucket";

  inflow_client_get_aws_provider_info_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  info = inflow_client_get_aws_provider_info_finish (fixture->client, inflow_test_wait_result (&result),
                                                     &error);
  g_assert_no_error (error);
  g_assert_nonnull (inflow_aws_provider_info_get_external_id (info));
  g_assert_nonnull (inflow_aws_provider_info_get_policy_text (info, "root"));
  g_assert_cmpuint (count (fixture, "/v1/integrations/aws/info"), ==, 1);

  credential = run_create_aws (fixture->client, role, bucket, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (inflow_aws_access_credential_get_cross_account_arn (credential), ==, role);
  g_assert_cmpstr (inflow_aws_access_credential_get_bucket_arn (credential), ==, bucket);
  g_assert_cmpint (inflow_aws_access_credential_get_id (credential), >, 0);

  /* The v2 side sees it */
  g_clear_object (&result);
  inflow_client_list_integrations_async (fixture->client, "aws", "210987654321", NULL,
                                         inflow_test_store_result_cb, &result);
  found = inflow_client_list_integrations_finish (fixture->client, inflow_test_wait_result (&result),
                                                  NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);

  /* Not an ARN: the server's validation message */
  refused = run_create_aws (fixture->client, "not-an-arn", NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_VALIDATION);
  g_test_message ("validation: %s", error->message);
  g_assert_cmpstr (error->message, !=, "Vantage rejected the request as invalid.");
}

/* Pagination */

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  const Config *config = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GHashTable) tokens = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_invalid = 99;
  guint n_pages;

  all = run_list_integrations (fixture->client, NULL, &n_invalid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_invalid, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (all), >=, config->n_integrations);

  /* No item twice, none lost between pages */
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(InflowIntegration) item = g_list_model_get_item (all, i);

      g_assert_true (g_hash_table_add (tokens, (gpointer) inflow_integration_get_token (item)));
    }

  n_pages = (g_list_model_get_n_items (all) + 999) / 1000;
  g_test_message ("%u integrations in %u requests", g_list_model_get_n_items (all),
                  count (fixture, "/v2/integrations"));
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (count (fixture, "/v2/integrations"), ==, n_pages);
}

/* Errors from the simulator's fault controls */

static void
test_unauthorized (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(InflowClient) wrong = new_client (fixture, WRONG_TOKEN);
  g_autoptr(InflowClient) anonymous = new_client (fixture, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;

  me = run_get_me (wrong, &error);
  g_assert_null (me);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_UNAUTHORIZED);
  g_test_message ("401: %s", error->message);
  g_clear_error (&error);

  me = run_get_me (anonymous, &error);
  g_assert_null (me);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_UNAUTHORIZED);

  /* Not retried */
  g_assert_cmpuint (count (fixture, "/v2/me"), ==, 2);

  g_assert_finalize_object (g_steal_pointer (&wrong));
  g_assert_finalize_object (g_steal_pointer (&anonymous));
}

static void
test_forbidden (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(InflowClient) reader = new_client (fixture, READ_TOKEN);
  const char *token = inflow_simulator_get_notable_integration (fixture->sim,
                                                                INFLOW_SIM_NOTABLE_MANAGEMENT);
  const char * const none[] = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowIntegration) updated = NULL;

  /* A read-only token may not change an integration */
  updated = run_update_workspaces (reader, token, none, &error);
  g_assert_null (updated);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_FORBIDDEN);
  g_test_message ("403: %s", error->message);
  g_assert_nonnull (strstr (error->message, "Write scope"));
  g_assert_nonnull (strstr (error->message, "Everyone team"));
  g_clear_error (&error);

  /* And from the fault control, on a GET */
  inflow_simulator_add_fault (fixture->sim, "GET", "/v2/workspaces", INFLOW_SIM_FAULT_STATUS, 403, 0, 1);
  g_assert_null (run_list_workspaces (fixture->client, NULL, &error));
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "Everyone team"));

  g_assert_finalize_object (g_steal_pointer (&reader));
}

typedef struct
{
  guint           status;
  InflowApiError  code;
} StatusCase;

static void
test_fault_statuses (Fixture       *fixture,
                     gconstpointer  data)
{
  static const StatusCase cases[] = {
    { 400, INFLOW_API_ERROR_VALIDATION },
    { 402, INFLOW_API_ERROR_PAYMENT_REQUIRED },
    { 404, INFLOW_API_ERROR_NOT_FOUND },
    { 422, INFLOW_API_ERROR_VALIDATION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(InflowCostQueryResult) costs = NULL;

      inflow_simulator_reset_request_counts (fixture->sim);
      inflow_simulator_add_fault (fixture->sim, "GET", "/v2/costs", INFLOW_SIM_FAULT_STATUS,
                                  cases[i].status, 0, 1);
      costs = run_query_costs (fixture->client, NULL, &error);
      g_test_message ("HTTP %u: %s", cases[i].status, error ? error->message : "(no error)");
      g_assert_null (costs);
      g_assert_error (error, INFLOW_API_ERROR, (gint) cases[i].code);
      g_assert_cmpstr (error->message, !=, "");
      /* 4xx are never retried */
      g_assert_cmpuint (count (fixture, "/v2/costs"), ==, 1);
    }
}

static void
test_validation_messages (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->sim,
                                                                INFLOW_SIM_NOTABLE_MANAGEMENT);
  const char * const bogus[] = { "wrkspc_doesnotexist", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowIntegration) updated = NULL;

  updated = run_update_workspaces (fixture->client, token, bogus, &error);
  g_assert_null (updated);
  g_test_message ("%s", error ? error->message : "(no error)");
  g_assert_true (g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_VALIDATION) ||
                 g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_NOT_FOUND));
  /* The server's own words, not the fallback */
  g_assert_cmpstr (error->message, !=, "Vantage rejected the request as invalid.");
}

static void
test_rate_limited_waits (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 start;
  guint n_ok = 0;

  /* Three requests per second: the fourth and fifth get a 429 and wait */
  inflow_simulator_set_rate_limit (fixture->sim, 3, 1);
  start = g_get_monotonic_time ();

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(InflowMe) me = run_get_me (fixture->client, &error);

      g_assert_no_error (error);
      if (me != NULL)
        n_ok++;
    }

  g_test_message ("5 calls took %.2f s, %u requests",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC, count (fixture, "/v2/me"));
  g_assert_cmpuint (n_ok, ==, 5);
  g_assert_cmpuint (count (fixture, "/v2/me"), >, 5);
  g_assert_cmpint (inflow_client_get_rate_limit_limit (fixture->client), ==, 3);
  g_assert_cmpint (inflow_client_get_rate_limit_remaining (fixture->client), >=, 0);
  g_assert_cmpint (inflow_client_get_rate_limit_reset (fixture->client), >, 0);
}

static void
test_rate_limited_gives_up (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;

  /* A reset far away: the client does not wait beyond its bound */
  inflow_client_set_rate_limit_policy (fixture->client, 3, 200);
  inflow_simulator_set_rate_limit (fixture->sim, 1, 3600);

  me = run_get_me (fixture->client, &error);
  g_assert_no_error (error);
  g_clear_object (&me);

  me = run_get_me (fixture->client, &error);
  g_assert_null (me);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_RATE_LIMITED);
  g_test_message ("429: %s", error->message);
  g_assert_cmpuint (count (fixture, "/v2/me"), ==, 2);

  /* The 429 fault of the fault control: no reset header to wait for, so
   * back off and retry a bounded number of times */
  g_clear_error (&error);
  inflow_simulator_set_rate_limit (fixture->sim, 0, 0);
  inflow_simulator_reset_request_counts (fixture->sim);
  inflow_client_set_rate_limit_policy (fixture->client, 2, 5000);
  inflow_simulator_add_fault (fixture->sim, "GET", "/v2/ping", INFLOW_SIM_FAULT_STATUS, 429, 0, 100);
  {
    g_autoptr(GAsyncResult) result = NULL;

    inflow_client_ping_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
    g_assert_false (inflow_client_ping_finish (fixture->client, inflow_test_wait_result (&result), &error));
    g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_RATE_LIMITED);
    g_assert_cmpuint (count (fixture, "/v2/ping"), ==, 3);
  }
}

static void
test_server_error_retried (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GListModel) workspaces = NULL;

  /* Two 503s, then success */
  inflow_simulator_add_fault (fixture->sim, "GET", "/v2/me", INFLOW_SIM_FAULT_STATUS, 503, 0, 2);
  me = run_get_me (fixture->client, &error);
  g_assert_no_error (error);
  g_assert_nonnull (me);
  g_assert_cmpuint (count (fixture, "/v2/me"), ==, 3);

  /* 500 every time: four attempts, then SERVER */
  inflow_simulator_add_fault (fixture->sim, "GET", "/v2/workspaces", INFLOW_SIM_FAULT_STATUS, 500, 0, 100);
  workspaces = run_list_workspaces (fixture->client, NULL, &error);
  g_assert_null (workspaces);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_SERVER);
  g_test_message ("5xx: %s", error->message);
  g_assert_cmpuint (count (fixture, "/v2/workspaces"), ==, 4);
}

static void
test_backoff_grows (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  gint64 start;
  double elapsed_ms;

  /* 3 retries at base 40 ms: 40 + 80 + 160 (±25 %) ≥ 210 ms */
  inflow_client_set_retry_policy (fixture->client, 4, 40);
  inflow_simulator_add_fault (fixture->sim, "GET", "/v2/me", INFLOW_SIM_FAULT_STATUS, 502, 0, 3);

  start = g_get_monotonic_time ();
  me = run_get_me (fixture->client, &error);
  elapsed_ms = (g_get_monotonic_time () - start) / 1000.0;

  g_test_message ("3 retries took %.0f ms", elapsed_ms);
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture, "/v2/me"), ==, 4);
  g_assert_cmpfloat (elapsed_ms, >=, 210);
  g_assert_cmpfloat (elapsed_ms, <, 3000);
}

static void
test_writes_not_retried (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->sim,
                                                                INFLOW_SIM_NOTABLE_MANAGEMENT);
  g_autofree char *path = g_strconcat ("/v2/integrations/", token, NULL);
  const char * const none[] = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowIntegration) updated = NULL;
  g_autoptr(InflowAwsAccessCredential) credential = NULL;

  inflow_simulator_add_fault (fixture->sim, "PUT", path, INFLOW_SIM_FAULT_STATUS, 503, 0, 100);
  inflow_simulator_add_fault (fixture->sim, "DELETE", path, INFLOW_SIM_FAULT_STATUS, 500, 0, 100);
  inflow_simulator_add_fault (fixture->sim, "POST", "/v1/integrations/aws", INFLOW_SIM_FAULT_STATUS,
                              502, 0, 100);

  updated = run_update_workspaces (fixture->client, token, none, &error);
  g_assert_null (updated);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_SERVER);
  g_clear_error (&error);

  g_assert_false (run_delete_integration (fixture->client, token, &error));
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_SERVER);
  g_clear_error (&error);

  credential = run_create_aws (fixture->client, "arn:aws:iam::210987654321:role/x", NULL, &error);
  g_assert_null (credential);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_SERVER);
  g_clear_error (&error);

  /* One request each */
  g_assert_cmpuint (count (fixture, path), ==, 2);
  g_assert_cmpuint (count (fixture, "/v1/integrations/aws"), ==, 1);

  /* Nor after a dropped connection */
  inflow_simulator_clear_faults (fixture->sim);
  inflow_simulator_reset_request_counts (fixture->sim);
  inflow_simulator_add_fault (fixture->sim, "POST", "/v1/integrations/aws",
                              INFLOW_SIM_FAULT_DROP_CONNECTION, 0, 0, 100);
  credential = run_create_aws (fixture->client, "arn:aws:iam::210987654321:role/x", NULL, &error);
  g_assert_null (credential);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_NETWORK);
  g_assert_cmpuint (count (fixture, "/v1/integrations/aws"), ==, 1);
}

static void
test_network_drop (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GListModel) workspaces = NULL;

  /* Once: retried, then fine */
  inflow_simulator_add_fault (fixture->sim, "GET", "/v2/me", INFLOW_SIM_FAULT_DROP_CONNECTION, 0, 0, 1);
  me = run_get_me (fixture->client, &error);
  g_assert_no_error (error);
  g_assert_nonnull (me);
  g_assert_cmpuint (count (fixture, "/v2/me"), >=, 2);

  /* Always: NETWORK after the attempts */
  inflow_simulator_add_fault (fixture->sim, "GET", "/v2/workspaces", INFLOW_SIM_FAULT_DROP_CONNECTION,
                              0, 0, 100);
  workspaces = run_list_workspaces (fixture->client, NULL, &error);
  g_assert_null (workspaces);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_NETWORK);
  g_test_message ("network: %s", error->message);
  g_assert_cmpuint (count (fixture, "/v2/workspaces"), >=, 4);
}

static void
test_server_gone (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowClient) client = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autofree char *url = NULL;

  /* A port nobody listens on: bind one, then close it */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  address = g_inet_socket_address_new (loopback, 0);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  g_clear_object (&address);
  address = g_socket_get_local_address (socket, &error);
  url = g_strdup_printf ("http://127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)));
  g_socket_close (socket, NULL);

  client = inflow_client_new (url, WRITE_TOKEN, &error);
  g_assert_no_error (error);
  inflow_client_set_retry_policy (client, 2, 1);

  me = run_get_me (client, &error);
  g_assert_null (me);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_NETWORK);
  g_assert_finalize_object (g_steal_pointer (&client));
}

/* A body cut off on the way (the connection closed before Content-Length
 * bytes came) is a transfer failure: a GET tries again, a PUT does not. */
static void
test_cut_off_body (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GListModel) workspaces = NULL;

  inflow_simulator_add_fault (fixture->sim, "GET", "/v2/me", INFLOW_SIM_FAULT_TRUNCATED_BODY, 0, 0, 1);
  me = run_get_me (fixture->client, &error);
  g_assert_no_error (error);
  g_assert_nonnull (me);
  g_assert_cmpuint (count (fixture, "/v2/me"), ==, 2);

  /* Every try cut off: the error says so */
  inflow_simulator_add_fault (fixture->sim, "GET", "/v2/workspaces", INFLOW_SIM_FAULT_TRUNCATED_BODY, 0, 0, 0);
  workspaces = run_list_workspaces (fixture->client, NULL, &error);
  g_assert_null (workspaces);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "cut off"));
  g_assert_cmpuint (count (fixture, "/v2/workspaces"), >, 1);
}

static void
test_bad_bodies (Fixture       *fixture,
                 gconstpointer  data)
{
  static const InflowSimFault faults[] = {
    INFLOW_SIM_FAULT_CUT_JSON,
    INFLOW_SIM_FAULT_MALFORMED_JSON,
  };
  const char *token = inflow_simulator_get_notable_integration (fixture->sim,
                                                                INFLOW_SIM_NOTABLE_MANAGEMENT);
  g_autofree char *path = g_strconcat ("/v2/integrations/", token, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(InflowMe) me = NULL;
      g_autoptr(InflowIntegration) integration = NULL;
      g_autoptr(GListModel) workspaces = NULL;

      inflow_simulator_clear_faults (fixture->sim);
      inflow_simulator_reset_request_counts (fixture->sim);
      inflow_simulator_add_fault (fixture->sim, "GET", "/v2/me", faults[i], 0, 0, 1);
      me = run_get_me (fixture->client, &error);
      g_test_message ("fault %d on /me: %s", faults[i], error ? error->message : "(no error)");
      g_assert_null (me);
      g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
      g_clear_error (&error);

      inflow_simulator_add_fault (fixture->sim, "GET", path, faults[i], 0, 0, 1);
      integration = run_get_integration (fixture->client, token, &error);
      g_assert_null (integration);
      g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
      g_clear_error (&error);

      /* A bad page fails the whole list */
      inflow_simulator_add_fault (fixture->sim, "GET", "/v2/workspaces", faults[i], 0, 0, 1);
      workspaces = run_list_workspaces (fixture->client, NULL, &error);
      g_assert_null (workspaces);
      g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);

      /* Not retried: the server answered */
      g_assert_cmpuint (count (fixture, "/v2/me"), ==, 1);
      g_assert_cmpuint (count (fixture, path), ==, 1);
      g_assert_cmpuint (count (fixture, "/v2/workspaces"), ==, 1);
    }
}

static void
test_wrong_types (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowAwsProviderInfo) info = NULL;
  g_autoptr(InflowAwsAccessCredential) credential = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(InflowIntegration) integration = NULL;
  const char *token = inflow_simulator_get_notable_integration (fixture->sim,
                                                                INFLOW_SIM_NOTABLE_MANAGEMENT);
  g_autofree char *path = g_strconcat ("/v2/integrations/", token, NULL);

  /* An object of wrong types: INVALID_RESPONSE, with the model's detail */
  inflow_simulator_add_fault (fixture->sim, "GET", "/v1/integrations/aws/info",
                              INFLOW_SIM_FAULT_WRONG_TYPES, 0, 0, 1);
  inflow_client_get_aws_provider_info_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  info = inflow_client_get_aws_provider_info_finish (fixture->client, inflow_test_wait_result (&result),
                                                     &error);
  g_test_message ("wrong types: %s", error ? error->message : "(no error)");
  g_assert_null (info);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);

  inflow_simulator_add_fault (fixture->sim, "POST", "/v1/integrations/aws",
                              INFLOW_SIM_FAULT_WRONG_TYPES, 0, 0, 1);
  credential = run_create_aws (fixture->client, "arn:aws:iam::210987654321:role/x", NULL, &error);
  g_assert_null (credential);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);

  /* Objects holding arrays too */
  inflow_simulator_add_fault (fixture->sim, "GET", "/v2/me", INFLOW_SIM_FAULT_WRONG_TYPES, 0, 0, 1);
  me = run_get_me (fixture->client, &error);
  g_assert_null (me);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);

  inflow_simulator_add_fault (fixture->sim, "GET", path, INFLOW_SIM_FAULT_WRONG_TYPES, 0, 0, 1);
  integration = run_get_integration (fixture->client, token, &error);
  g_assert_null (integration);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
}

static void
test_wrong_types_in_list (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) workspaces = NULL;
  g_auto(GStrv) expected = inflow_simulator_dup_workspace_tokens (fixture->sim);
  guint n_invalid = 0;

  /* The first item is broken: counted, not silently dropped */
  inflow_simulator_add_fault (fixture->sim, "GET", "/v2/workspaces", INFLOW_SIM_FAULT_WRONG_TYPES, 0, 0, 1);
  workspaces = run_list_workspaces (fixture->client, &n_invalid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_invalid, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (workspaces), ==, g_strv_length (expected) - 1);
}

static void
test_oversized (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) integrations = NULL;

  inflow_client_set_max_response_size (fixture->client, 2048);
  integrations = run_list_integrations (fixture->client, NULL, NULL, &error);
  g_assert_null (integrations);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
  g_test_message ("oversized: %s", error->message);
  /* Not retried either */
  g_assert_cmpuint (count (fixture, "/v2/integrations"), ==, 1);
}

/* Cancellation */

static gboolean
request_arrived_cb (gpointer data)
{
  Fixture *fixture = data;

  return count (fixture, "/v2/me") > 0;
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel_in_flight (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  gint64 start;

  inflow_simulator_add_fault (fixture->sim, "GET", "/v2/me", INFLOW_SIM_FAULT_DELAY, 0, 3000, 1);
  start = g_get_monotonic_time ();
  inflow_client_get_me_async (fixture->client, cancellable, inflow_test_store_result_cb, &result);

  /* The server holds the request; cancel while it waits */
  g_assert_true (inflow_test_wait_until (request_arrived_cb, fixture, 2000));
  g_cancellable_cancel (cancellable);

  me = inflow_client_get_me_finish (fixture->client, inflow_test_wait_result (&result), &error);
  g_assert_null (me);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

static void
test_cancel_during_backoff (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  gint64 start;

  /* A 10 s backoff after the first 503; cancelled 100 ms in */
  inflow_client_set_retry_policy (fixture->client, 4, 10000);
  inflow_simulator_add_fault (fixture->sim, "GET", "/v2/me", INFLOW_SIM_FAULT_STATUS, 503, 0, 100);
  start = g_get_monotonic_time ();
  inflow_client_get_me_async (fixture->client, cancellable, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_test_wait_until (request_arrived_cb, fixture, 2000));
  g_timeout_add (100, cancel_cb, cancellable);

  me = inflow_client_get_me_finish (fixture->client, inflow_test_wait_result (&result), &error);
  g_assert_null (me);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  g_assert_cmpuint (count (fixture, "/v2/me"), ==, 1);
}

static void
test_cancel_before_start (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;

  g_cancellable_cancel (cancellable);
  inflow_client_list_workspaces_async (fixture->client, cancellable, inflow_test_store_result_cb, &result);
  list = inflow_client_list_workspaces_finish (fixture->client, inflow_test_wait_result (&result),
                                               NULL, &error);
  g_assert_null (list);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count (fixture, "/v2/workspaces"), ==, 0);
}

/* Clock */

static void
check_clock (Fixture   *fixture,
             GTimeSpan  sim_offset)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GDateTime) server_now = NULL;
  g_autoptr(GDateTime) client_now = NULL;
  GTimeSpan offset;

  inflow_simulator_set_clock_offset (fixture->sim, sim_offset);
  me = run_get_me (fixture->client, &error);
  g_assert_no_error (error);

  offset = inflow_client_get_clock_offset (fixture->client);
  g_test_message ("simulator %+.1f s, client measured %+.1f s",
                  sim_offset / (double) G_TIME_SPAN_SECOND, offset / (double) G_TIME_SPAN_SECOND);
  g_assert_cmpint (ABS (offset - sim_offset), <=, 2 * G_TIME_SPAN_SECOND);

  server_now = inflow_simulator_dup_now (fixture->sim);
  client_now = inflow_client_get_now (fixture->client);
  g_assert_cmpint (ABS (g_date_time_difference (server_now, client_now)), <=, 2 * G_TIME_SPAN_SECOND);
}

static void
test_clock_offset (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_cmpint (inflow_client_get_clock_offset (fixture->client), ==, 0);

  check_clock (fixture, 3 * G_TIME_SPAN_HOUR);
  check_clock (fixture, -2 * G_TIME_SPAN_DAY - 17 * G_TIME_SPAN_MINUTE);
  check_clock (fixture, 0);
}

/* Logs */

static GLogWriterOutput
token_guard_writer (GLogLevelFlags   log_level,
                    const GLogField *fields,
                    gsize            n_fields,
                    gpointer         user_data)
{
  const char *domain = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
        domain = fields[i].value;
    }

  for (gsize i = 0; i < n_fields; i++)
    {
      gsize length = fields[i].length >= 0 ? (gsize) fields[i].length
                                           : (fields[i].value ? strlen (fields[i].value) : 0);
      g_autofree char *value = fields[i].value != NULL ? g_strndup (fields[i].value, length) : NULL;

      for (guint t = 0; t < G_N_ELEMENTS (all_tokens); t++)
        {
          if (value != NULL && strstr (value, all_tokens[t]) != NULL)
            {
              n_token_leaks++;
              /* Say where, not what */
              g_printerr ("A log line of domain %s (field %s) contains a token\n",
                          domain ? domain : "?", fields[i].key);
              g_test_fail ();
            }
        }
    }

  if (log_level & G_LOG_LEVEL_DEBUG)
    {
      if (g_strcmp0 (domain, "inflow-service") == 0)
        n_service_debug++;
      if (g_getenv ("INFLOW_TEST_SHOW_DEBUG") == NULL)
        return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
test_logs_never_contain_token (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(InflowClient) wrong = new_client (fixture, WRONG_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(InflowIntegration) integration = NULL;
  guint debug_before = n_service_debug;

  g_assert_cmpstr (g_getenv ("G_MESSAGES_DEBUG"), ==, "all");

  /* Successes, errors, retries, a 401 and a 422 */
  me = run_get_me (fixture->client, &error);
  g_assert_no_error (error);
  list = run_list_workspaces (fixture->client, NULL, &error);
  g_assert_no_error (error);
  inflow_simulator_add_fault (fixture->sim, "GET", "/v2/integrations", INFLOW_SIM_FAULT_STATUS, 503, 0, 1);
  g_clear_object (&list);
  list = run_list_integrations (fixture->client, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&me);
  me = run_get_me (wrong, &error);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  integration = run_get_integration (fixture->client, "accss_crdntl_doesnotexist", &error);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The writer saw the service's debug lines, and no token in any of them */
  g_test_message ("%u debug lines of inflow-service checked", n_service_debug - debug_before);
  g_assert_cmpuint (n_service_debug - debug_before, >, 10);
  g_assert_cmpuint (n_token_leaks, ==, 0);

  g_assert_finalize_object (g_steal_pointer (&wrong));
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything logs */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_log_set_writer_func (token_guard_writer, NULL, NULL);

  inflow_test_init (&argc, &argv);

#define ADD(path, config, func) \
  g_test_add ("/service/client/" path, Fixture, &config, fixture_setup, func, fixture_teardown)

  ADD ("get-me", small, test_get_me);
  ADD ("ping", small, test_ping);
  ADD ("integrations", small, test_integrations);
  ADD ("update-integration-workspaces", small, test_update_integration_workspaces);
  ADD ("delete-integration", small, test_delete_integration);
  ADD ("workspaces-teams-accounts", small, test_workspaces_teams_accounts);
  ADD ("users", small, test_users);
  ADD ("query-costs", small, test_query_costs);
  ADD ("aws-v1", small, test_aws_v1);
  ADD ("pages/three", three_pages, test_pages);
  ADD ("pages/ten-thousand", ten_thousand, test_pages);
  ADD ("errors/unauthorized", small, test_unauthorized);
  ADD ("errors/forbidden", small, test_forbidden);
  ADD ("errors/statuses", small, test_fault_statuses);
  ADD ("errors/validation-messages", small, test_validation_messages);
  ADD ("errors/rate-limited-waits", small, test_rate_limited_waits);
  ADD ("errors/rate-limited-gives-up", small, test_rate_limited_gives_up);
  ADD ("errors/server-retried", small, test_server_error_retried);
  ADD ("errors/backoff-grows", small, test_backoff_grows);
  ADD ("errors/writes-not-retried", small, test_writes_not_retried);
  ADD ("errors/network-drop", small, test_network_drop);
  ADD ("errors/server-gone", small, test_server_gone);
  ADD ("errors/bad-bodies", small, test_bad_bodies);
  ADD ("errors/cut-off-body", small, test_cut_off_body);
  ADD ("errors/wrong-types", small, test_wrong_types);
  ADD ("errors/wrong-types-in-list", small, test_wrong_types_in_list);
  ADD ("errors/oversized", small, test_oversized);
  ADD ("cancel/in-flight", small, test_cancel_in_flight);
  ADD ("cancel/during-backoff", small, test_cancel_during_backoff);
  ADD ("cancel/before-start", small, test_cancel_before_start);
  ADD ("clock-offset", small, test_clock_offset);
  ADD ("logs-never-contain-token", small, test_logs_never_contain_token);

#undef ADD

  return inflow_test_run ();
}
