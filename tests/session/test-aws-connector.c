/* test-aws-connector.c: connecting an AWS account against the simulator
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "inflow-aws-connector.h"
#include "inflow-database.h"
#include "inflow-onboarding-error.h"
#include "inflow-simulator.h"
#include "inflow-storage-error.h"
#include "inflow-test-utils.h"

#define ROLE_ARN   "arn:aws:iam::987654321098:role/vantage_cross_account_connection"
#define BUCKET_ARN "arn:aws:s3:::vantage-cur-test-0123456789"

typedef struct
{
  InflowSimulator      *sim;
  InflowClient         *client;
  InflowDatabase       *database;
  char                 *db_path;
  InflowOnboardingInfo *info;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(InflowAwsProviderInfo) provider_info = NULL;
  g_autoptr(InflowProfile) profile = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  fixture->sim = inflow_simulator_new (7, 0, 0);
  inflow_simulator_listen (fixture->sim, 0, &error);
  g_assert_no_error (error);

  fixture->client = inflow_client_new (inflow_simulator_get_base_url (fixture->sim), "demo-token", &error);
  g_assert_no_error (error);

  inflow_client_get_aws_provider_info_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  provider_info = inflow_client_get_aws_provider_info_finish (fixture->client, inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  fixture->info = inflow_onboarding_info_new_from_provider_info (provider_info, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->info->policies[INFLOW_VANTAGE_POLICY_ROOT]);

  fixture->db_path = g_build_filename (g_get_user_data_dir (), "connector-test.db", NULL);
  inflow_database_open_async (fixture->db_path, NULL, inflow_test_store_result_cb, &result);
  fixture->database = inflow_database_open_finish (inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  profile = inflow_profile_new_full ("profile-1", "Test", inflow_simulator_get_base_url (fixture->sim), now, now);
  inflow_database_save_profile_async (fixture->database, profile, NULL, inflow_test_store_result_cb, &result);
  inflow_database_save_profile_finish (fixture->database, inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_database_close_async (fixture->database, NULL, inflow_test_store_result_cb, &result);
  inflow_database_close_finish (fixture->database, inflow_test_wait_result (&result), NULL);
  g_clear_object (&fixture->database);
  g_unlink (fixture->db_path);
  g_clear_pointer (&fixture->db_path, g_free);
  g_clear_pointer (&fixture->info, inflow_onboarding_info_free);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->sim);
}

static InflowIntegration *
connect (Fixture             *fixture,
         InflowAwsConnector  *connector,
         const char          *role_arn,
         const char          *bucket_arn,
         GError             **error)
{
  g_autoptr(InflowOnboardingChoices) choices = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  choices = inflow_onboarding_choices_new (INFLOW_ACCOUNT_KIND_MANAGEMENT, INFLOW_AWS_PARTITION_AWS);
  choices->bucket_name = g_strdup ("vantage-cur-test-0123456789");
  choices->bucket_region = g_strdup ("us-east-1");

  inflow_aws_connector_connect_async (connector, role_arn, bucket_arn, fixture->info, choices,
                                      NULL, inflow_test_store_result_cb, &result);
  return inflow_aws_connector_connect_finish (connector, inflow_test_wait_result (&result), error);
}

static InflowAwsConnectionRecord *
load_record (InflowDatabase  *database,
             const char      *profile_id,
             const char      *token,
             GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_aws_connection_record_load_async (database, profile_id, token, NULL, inflow_test_store_result_cb, &result);
  return inflow_aws_connection_record_load_finish (inflow_test_wait_result (&result), error);
}

/* Connects, finds the integration the simulator made and records the info. */
static void
test_connect (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(InflowAwsConnector) connector = NULL;
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(InflowAwsConnectionRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *kind = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  connector = inflow_aws_connector_new (fixture->client, fixture->database, "profile-1");
  integration = connect (fixture, connector, ROLE_ARN, BUCKET_ARN, &error);
  g_assert_no_error (error);
  g_assert_nonnull (integration);
  g_assert_cmpstr (inflow_integration_get_provider (integration), ==, "aws");
  g_assert_cmpstr (inflow_integration_get_account_identifier (integration), ==, "987654321098");
  g_assert_true (inflow_aws_connector_get_recorded (connector));
  g_assert_cmpint (inflow_aws_connector_get_stage (connector), ==, INFLOW_AWS_CONNECT_STAGE_DONE);

  json = inflow_simulator_dup_integration_json (fixture->sim, inflow_integration_get_token (integration));
  g_assert_nonnull (json);

  /* Stored in the database under the documented kind */
  kind = inflow_aws_connection_record_kind (inflow_integration_get_token (integration));
  g_assert_true (g_str_has_prefix (kind, "aws-provider-info:"));
  inflow_database_get_cached_list_async (fixture->database, "profile-1", kind, NULL, inflow_test_store_result_cb, &result);
  g_clear_pointer (&json, g_free);
  json = inflow_database_get_cached_list_finish (fixture->database, inflow_test_wait_result (&result), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, fixture->info->external_id));

  record = load_record (fixture->database, "profile-1", inflow_integration_get_token (integration), &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  g_assert_cmpstr (record->role_arn, ==, ROLE_ARN);
  g_assert_cmpstr (record->bucket_arn, ==, BUCKET_ARN);
  g_assert_cmpstr (record->info->external_id, ==, fixture->info->external_id);
  g_assert_cmpstr (record->choices->bucket_name, ==, "vantage-cur-test-0123456789");
  g_assert_cmpstr (record->choices->account_id, ==, "987654321098");
  g_assert_nonnull (record->connected_at);
  for (guint i = 0; i < INFLOW_N_VANTAGE_POLICIES; i++)
    {
      if (fixture->info->policies[i] == NULL)
        g_assert_null (record->info->policies[i]);
      else
        g_assert_true (json_node_equal (record->info->policies[i], fixture->info->policies[i]));
    }
}

/* An unknown integration has no record, and that is not an error. */
static void
test_no_record (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(InflowAwsConnectionRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  record = load_record (fixture->database, "profile-1", "accss_crdntl_unknown", &error);
  g_assert_no_error (error);
  g_assert_null (record);

  record = load_record (NULL, "profile-1", "accss_crdntl_unknown", &error);
  g_assert_no_error (error);
  g_assert_null (record);
}

/* Without a database the record lives in memory for the run. */
static void
test_record_in_memory (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(InflowAwsConnector) connector = NULL;
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(InflowAwsConnectionRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  connector = inflow_aws_connector_new (fixture->client, NULL, "demo");
  integration = connect (fixture, connector, "arn:aws:iam::111122223333:role/team/vantage", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (inflow_aws_connector_get_recorded (connector));

  record = load_record (NULL, "demo", inflow_integration_get_token (integration), &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  g_assert_cmpstr (record->role_arn, ==, "arn:aws:iam::111122223333:role/team/vantage");
  g_assert_null (record->bucket_arn);
}

/* API errors come back unchanged; nothing is recorded. */
static void
test_api_errors (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(InflowAwsConnector) connector = NULL;
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;

  connector = inflow_aws_connector_new (fixture->client, fixture->database, "profile-1");

  inflow_simulator_add_fault (fixture->sim, "POST", "/v1/integrations/aws", INFLOW_SIM_FAULT_STATUS, 500, 0, 1);
  integration = connect (fixture, connector, ROLE_ARN, NULL, &error);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_SERVER);
  g_assert_null (integration);
  g_assert_false (inflow_aws_connector_get_recorded (connector));
  g_clear_error (&error);

  inflow_simulator_add_fault (fixture->sim, "POST", "/v1/integrations/aws", INFLOW_SIM_FAULT_STATUS, 422, 0, 1);
  integration = connect (fixture, connector, ROLE_ARN, NULL, &error);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_VALIDATION);
  g_clear_error (&error);

  /* The account is connected once; a second time Vantage refuses it. */
  integration = connect (fixture, connector, ROLE_ARN, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&integration);
  integration = connect (fixture, connector, ROLE_ARN, NULL, &error);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_VALIDATION);
  g_clear_error (&error);

  /* Not an ARN at all: refused before any request. */
  inflow_simulator_reset_request_counts (fixture->sim);
  integration = connect (fixture, connector, "arn:aws:iam::12:role/x", NULL, &error);
  g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID);
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->sim, NULL), ==, 0);
}

/* When the list never shows the integration, the connector gives up after
 * its attempts with NOT_LISTED. */
static void
test_not_listed (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(InflowAwsConnector) connector = NULL;
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;

  connector = inflow_aws_connector_new (fixture->client, fixture->database, "profile-1");
  inflow_aws_connector_set_find_policy (connector, 3, 10);
  inflow_client_set_retry_policy (fixture->client, 1, 0);
  inflow_simulator_add_fault (fixture->sim, "GET", "/v2/integrations", INFLOW_SIM_FAULT_STATUS, 503, 0, 0);

  inflow_simulator_reset_request_counts (fixture->sim);
  integration = connect (fixture, connector, ROLE_ARN, NULL, &error);
  g_assert_error (error, INFLOW_AWS_CONNECTOR_ERROR, INFLOW_AWS_CONNECTOR_ERROR_NOT_LISTED);
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->sim, "/v2/integrations"), ==, 3);
  g_assert_null (integration);
}

/* A list that fails once is tried again. */
static void
test_found_after_retry (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(InflowAwsConnector) connector = NULL;
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;

  connector = inflow_aws_connector_new (fixture->client, fixture->database, "profile-1");
  inflow_aws_connector_set_find_policy (connector, 4, 10);
  inflow_client_set_retry_policy (fixture->client, 1, 0);
  inflow_simulator_add_fault (fixture->sim, "GET", "/v2/integrations", INFLOW_SIM_FAULT_STATUS, 503, 0, 2);

  integration = connect (fixture, connector, ROLE_ARN, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (integration);
}

/* Cancelling stops the connection with G_IO_ERROR_CANCELLED. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(InflowAwsConnector) connector = NULL;
  g_autoptr(InflowOnboardingChoices) choices = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;

  connector = inflow_aws_connector_new (fixture->client, fixture->database, "profile-1");
  choices = inflow_onboarding_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_AWS_PARTITION_AWS);
  inflow_simulator_add_fault (fixture->sim, "POST", "/v1/integrations/aws", INFLOW_SIM_FAULT_DELAY, 0, 2000, 1);

  inflow_aws_connector_connect_async (connector, ROLE_ARN, NULL, fixture->info, choices,
                                      cancellable, inflow_test_store_result_cb, &result);
  g_cancellable_cancel (cancellable);
  integration = inflow_aws_connector_connect_finish (connector, inflow_test_wait_result (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (integration);
}

/* The record survives its JSON, and refuses what it did not write. */
static void
test_record_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(InflowOnboardingChoices) choices = NULL;
  g_autoptr(InflowAwsConnectionRecord) record = NULL;
  g_autoptr(InflowAwsConnectionRecord) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  static const char * const bad[] = {
    "", "[]", "{}", "{\"version\": 2}", "{\"version\": 1, \"provider_info\": {}}",
    "{\"version\": 1, \"provider_info\": {\"external_id\": \"x\"}}",
  };

  choices = inflow_onboarding_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_AWS_PARTITION_AWS_US_GOV);
  choices->enable_autopilot = FALSE;
  choices->time_unit = INFLOW_CUR_TIME_UNIT_HOURLY;
  g_free (choices->role_name);
  choices->role_name = g_strdup ("custom-role");
  record = inflow_aws_connection_record_new (fixture->info, choices, "arn:aws-us-gov:iam::123456789012:role/custom-role",
                                             NULL, NULL);
  json = inflow_aws_connection_record_to_json (record);
  copy = inflow_aws_connection_record_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy->choices->kind, ==, INFLOW_ACCOUNT_KIND_MEMBER);
  g_assert_cmpint (copy->choices->partition, ==, INFLOW_AWS_PARTITION_AWS_US_GOV);
  g_assert_cmpint (copy->choices->time_unit, ==, INFLOW_CUR_TIME_UNIT_HOURLY);
  g_assert_false (copy->choices->enable_autopilot);
  g_assert_cmpstr (copy->choices->role_name, ==, "custom-role");
  g_assert_null (copy->connected_at);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(InflowAwsConnectionRecord) none = inflow_aws_connection_record_new_from_json (bad[i], &error);

      g_assert_null (none);
      g_assert_error (error, INFLOW_AWS_CONNECTOR_ERROR, INFLOW_AWS_CONNECTOR_ERROR_INVALID_RECORD);
      g_clear_error (&error);
    }
}

/* Management detection from the lists the session keeps. */
static void
test_management_connected (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) integrations = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GListStore) members_only = g_list_store_new (INFLOW_TYPE_INTEGRATION);
  g_autoptr(GError) error = NULL;
  const char *management_token;
  guint n_invalid;

  inflow_client_list_integrations_async (fixture->client, NULL, NULL, NULL, inflow_test_store_result_cb, &result);
  integrations = inflow_client_list_integrations_finish (fixture->client, inflow_test_wait_result (&result), &n_invalid, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  inflow_client_list_cloud_accounts_async (fixture->client, inflow_simulator_get_default_workspace_token (fixture->sim),
                                           "aws", NULL, inflow_test_store_result_cb, &result);
  accounts = inflow_client_list_cloud_accounts_finish (fixture->client, inflow_test_wait_result (&result), &n_invalid, &error);
  g_assert_no_error (error);

  g_assert_true (inflow_aws_management_is_connected (integrations, accounts));
  g_assert_false (inflow_aws_management_is_connected (integrations, NULL));
  g_assert_false (inflow_aws_management_is_connected (NULL, accounts));

  /* Without the management account's integrations, only members remain. */
  management_token = inflow_simulator_get_notable_integration (fixture->sim, INFLOW_SIM_NOTABLE_MANAGEMENT);
  for (guint i = 0; i < g_list_model_get_n_items (integrations); i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);
      gboolean management = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (accounts); j++)
        {
          g_autoptr(InflowCloudAccount) account = g_list_model_get_item (accounts, j);

          if (g_strcmp0 (inflow_cloud_account_get_management_account_id (account),
                         inflow_integration_get_account_identifier (integration)) == 0)
            management = TRUE;
        }
      if (!management && g_strcmp0 (inflow_integration_get_token (integration), management_token) != 0)
        g_list_store_append (members_only, integration);
    }
  g_assert_false (inflow_aws_management_is_connected (G_LIST_MODEL (members_only), accounts));
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add ("/session/aws-connector/connect", Fixture, NULL, fixture_setup, test_connect, fixture_teardown);
  g_test_add ("/session/aws-connector/no-record", Fixture, NULL, fixture_setup, test_no_record, fixture_teardown);
  g_test_add ("/session/aws-connector/record-in-memory", Fixture, NULL, fixture_setup, test_record_in_memory, fixture_teardown);
  g_test_add ("/session/aws-connector/api-errors", Fixture, NULL, fixture_setup, test_api_errors, fixture_teardown);
  g_test_add ("/session/aws-connector/not-listed", Fixture, NULL, fixture_setup, test_not_listed, fixture_teardown);
  g_test_add ("/session/aws-connector/found-after-retry", Fixture, NULL, fixture_setup, test_found_after_retry, fixture_teardown);
  g_test_add ("/session/aws-connector/cancel", Fixture, NULL, fixture_setup, test_cancel, fixture_teardown);
  g_test_add ("/session/aws-connector/record-json", Fixture, NULL, fixture_setup, test_record_json, fixture_teardown);
  g_test_add ("/session/aws-connector/management-connected", Fixture, NULL, fixture_setup, test_management_connected, fixture_teardown);

  return inflow_test_run ();
}
