/* test-aws-connector.c: connecting an AWS account against the simulator
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "inflow-aws-connector.h"
#include "inflow-database.h"
#include "inflow-ingestion-monitor.h"
#include "inflow-onboarding-error.h"
#include "inflow-role-waiter.h"
#include "inflow-session.h"
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
  choices->cur_kind = INFLOW_CUR_KIND_CUR2;
  choices->existing_bucket = TRUE;
  choices->paired_govcloud_account_id = g_strdup ("210987654321");
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
  g_assert_cmpint (copy->choices->cur_kind, ==, INFLOW_CUR_KIND_CUR2);
  g_assert_true (copy->choices->existing_bucket);
  g_assert_cmpstr (copy->choices->paired_govcloud_account_id, ==, "210987654321");
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

static void
count_found_cb (InflowAwsConnector *connector,
                InflowIntegration  *integration,
                GPtrArray          *found)
{
  g_ptr_array_add (found, g_strdup (inflow_integration_get_account_identifier (integration)));
}

static GListModel *
list_aws (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *integrations;
  guint n_invalid;

  inflow_client_list_integrations_async (fixture->client, "aws", NULL, NULL, inflow_test_store_result_cb, &result);
  integrations = inflow_client_list_integrations_finish (fixture->client, inflow_test_wait_result (&result), &n_invalid, &error);
  g_assert_no_error (error);

  return integrations;
}

typedef struct
{
  InflowClient *other;
  GAsyncResult *result;
} Elsewhere;

/* Another client registers a role, as Terraform does, a second later. */
static gboolean
register_elsewhere_cb (gpointer data)
{
  Elsewhere *elsewhere = data;

  inflow_client_create_aws_integration_async (elsewhere->other, ROLE_ARN, NULL, NULL,
                                              inflow_test_store_result_cb, &elsewhere->result);
  return G_SOURCE_REMOVE;
}

/* At the simulator's real speed, an integration registered behind Inflow's
 * back ends the wait, within the budget. */
static void
test_wait_elsewhere (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(InflowAwsConnector) connector = inflow_aws_connector_new (fixture->client, NULL, "profile-1");
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) known = list_aws (fixture);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(InflowAwsAccessCredential) credential = NULL;
  g_autoptr(GError) error = NULL;
  Elsewhere elsewhere = { 0 };

  g_assert_cmpfloat (inflow_simulator_get_time_scale (fixture->sim), ==, 1.0);
  elsewhere.other = inflow_client_new (inflow_simulator_get_base_url (fixture->sim), "demo-token", &error);
  g_assert_no_error (error);
  g_signal_connect (connector, "integration-found", G_CALLBACK (count_found_cb), found);

  inflow_simulator_reset_request_counts (fixture->sim);
  inflow_aws_connector_wait_async (connector, NULL, known, NULL, inflow_test_store_result_cb, &result);
  g_timeout_add (1000, register_elsewhere_cb, &elsewhere);
  integration = inflow_aws_connector_wait_finish (connector, inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (inflow_integration_get_account_identifier (integration), ==, "987654321098");
  g_assert_cmpuint (found->len, ==, 1);
  /* A list at once, then one every 5 s: the second finds it. */
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->sim, "/v2/integrations"), ==, 2);

  credential = inflow_client_create_aws_integration_finish (elsewhere.other, inflow_test_wait_result (&elsewhere.result), &error);
  g_assert_no_error (error);
  g_clear_object (&elsewhere.result);
  g_clear_object (&elsewhere.other);
}

/* Waiting stops at once when cancelled. */
static void
test_wait_cancel (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(InflowAwsConnector) connector = inflow_aws_connector_new (fixture->client, NULL, "profile-1");
  g_autoptr(GListModel) known = list_aws (fixture);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  inflow_simulator_reset_request_counts (fixture->sim);
  inflow_aws_connector_wait_async (connector, "987654321098", known, cancellable, inflow_test_store_result_cb, &result);
  /* Past the first list, into the pause before the second (the account
   * never appears: only the cancellation ends the wait) */
  while (inflow_simulator_get_request_count (fixture->sim, "/v2/integrations") < 1)
    g_main_context_iteration (NULL, TRUE);
  before = inflow_simulator_get_request_count (fixture->sim, "/v2/integrations");
  g_cancellable_cancel (cancellable);
  integration = inflow_aws_connector_wait_finish (connector, inflow_test_wait_result (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (integration);
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->sim, "/v2/integrations"), ==, before);
}

/* StackSet members: registered one by one, found with one list, each
 * recorded under its token; Vantage's refusal keeps its words. */
static void
test_register_find (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const accounts[] = { "111122223333", "444455556666", "777788889999", NULL };
  g_autoptr(InflowAwsConnector) connector = inflow_aws_connector_new (fixture->client, fixture->database, "profile-1");
  g_autoptr(InflowOnboardingChoices) choices = inflow_onboarding_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_AWS_PARTITION_AWS);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (connector, "integration-found", G_CALLBACK (count_found_cb), found);
  inflow_simulator_add_fault (fixture->sim, "POST", "/v1/integrations/aws", INFLOW_SIM_FAULT_STATUS, 422, 0, 1);

  for (guint i = 0; accounts[i] != NULL; i++)
    {
      g_autofree char *role = g_strdup_printf ("arn:aws:iam::%s:role/vantage_cross_account_connection", accounts[i]);
      gboolean ok;

      inflow_aws_connector_register_async (connector, role, fixture->info, choices, NULL,
                                           inflow_test_store_result_cb, &result);
      ok = inflow_aws_connector_register_finish (connector, inflow_test_wait_result (&result), &error);
      g_clear_object (&result);
      if (i == 0)
        {
          g_assert_false (ok);
          g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_VALIDATION);
          g_clear_error (&error);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
    }

  inflow_aws_connector_find_async (connector, accounts, NULL, inflow_test_store_result_cb, &result);
  listed = inflow_aws_connector_find_finish (connector, inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (found, 0), ==, "444455556666");

  for (guint i = 0; i < listed->len; i++)
    {
      InflowIntegration *integration = g_ptr_array_index (listed, i);
      g_autoptr(InflowAwsConnectionRecord) record = NULL;

      /* The save runs in the background: wait for it. */
      while (record == NULL)
        {
          g_clear_error (&error);
          record = load_record (fixture->database, "profile-1", inflow_integration_get_token (integration), &error);
          if (record == NULL)
            g_main_context_iteration (NULL, TRUE);
        }
      g_assert_cmpint (record->choices->kind, ==, INFLOW_ACCOUNT_KIND_MEMBER);
      g_assert_cmpstr (record->choices->account_id, ==, inflow_integration_get_account_identifier (integration));
    }
}

/* The session's connector: what it connects is in the session's list at
 * once, without a refresh. */
static void
test_session_connector (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(InflowProfile) profile = inflow_profile_new_demo (inflow_simulator_get_base_url (fixture->sim));
  g_autoptr(InflowSession) session = inflow_session_new (profile, fixture->client, NULL);
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(InflowOnboardingInfo) info = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  InflowAwsConnector *connector = inflow_session_get_aws_connector (session);
  GListModel *list = inflow_session_get_integrations (session);

  g_assert_true (inflow_session_get_aws_connector (session) == connector);

  inflow_aws_connector_load_info_async (connector, NULL, inflow_test_store_result_cb, &result);
  info = inflow_aws_connector_load_info_finish (connector, inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->external_id, ==, fixture->info->external_id);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  integration = connect (fixture, connector, ROLE_ARN, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  {
    g_autoptr(InflowIntegration) listed = g_list_model_get_item (list, 0);

    g_assert_cmpstr (inflow_integration_get_token (listed), ==, inflow_integration_get_token (integration));
  }
  inflow_session_close (session);
}

typedef struct
{
  InflowIngestionMonitor *monitor;
  const char             *token;
} Watch;

static gboolean
monitor_has_list (gpointer data)
{
  return inflow_ingestion_monitor_get_as_of (data) != NULL;
}

static gboolean
watch_probed (gpointer data)
{
  Watch *watch = data;
  InflowIngestionItem *item = inflow_ingestion_monitor_lookup (watch->monitor, watch->token);

  return item != NULL && inflow_ingestion_item_get_last_probed_at (item) != NULL;
}

/* At the simulator's real speed: a member account connected through the
 * IAM console path is in the monitor at once and probed within a minute,
 * with no refresh asked for. */
static void
test_live_monitor (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(InflowProfile) profile = inflow_profile_new_demo (inflow_simulator_get_base_url (fixture->sim));
  g_autoptr(InflowSession) session = inflow_session_new (profile, fixture->client, NULL);
  g_autoptr(InflowOnboardingChoices) choices = NULL;
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  InflowIngestionMonitor *monitor;
  InflowIngestionItem *item;
  guint n_before;
  Watch watch;

  g_assert_cmpfloat (inflow_simulator_get_time_scale (fixture->sim), ==, 1.0);
  monitor = inflow_session_get_ingestion_monitor (session);
  g_assert_true (inflow_test_wait_until (monitor_has_list, monitor, 10000));
  n_before = g_list_model_get_n_items (inflow_ingestion_monitor_get_items (monitor));

  choices = inflow_onboarding_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_AWS_PARTITION_AWS);
  inflow_aws_connector_connect_async (inflow_session_get_aws_connector (session), ROLE_ARN, NULL, fixture->info,
                                      choices, NULL, inflow_test_store_result_cb, &result);
  integration = inflow_aws_connector_connect_finish (inflow_session_get_aws_connector (session),
                                                     inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);
  timer = g_timer_new ();

  /* In the monitor as soon as Inflow connected it, as Vantage lists it. */
  item = inflow_ingestion_monitor_lookup (monitor, inflow_integration_get_token (integration));
  g_assert_nonnull (item);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_ingestion_monitor_get_items (monitor)), ==, n_before + 1);
  g_assert_cmpint (inflow_ingestion_item_get_phase (item), ==, INFLOW_INGESTION_PHASE_PENDING);

  /* Probed in the fast lane, ahead of every other integration. */
  watch.monitor = monitor;
  watch.token = inflow_integration_get_token (integration);
  g_assert_true (inflow_test_wait_until (watch_probed, &watch, 60000));
  g_test_message ("Probed %.1f s after it was connected", g_timer_elapsed (timer, NULL));
  g_assert_false (inflow_session_get_refreshing (session));

  inflow_session_close (session);
}

typedef struct
{
  InflowSimulator *sim;
  SoupSession     *soup;
  GAsyncResult    *result;
} Curl;

/* What `curl -X POST -H 'Authorization: Bearer …' -d '{"cross_account_arn": …}'
 * …/v1/integrations/aws` does: Terraform's Vantage provider registers the
 * role behind Inflow's back. */
static gboolean
post_like_curl_cb (gpointer data)
{
  Curl *curl = data;
  static const char body[] = "{\"cross_account_arn\":\"" ROLE_ARN "\"}";
  g_autofree char *url = g_strconcat (inflow_simulator_get_base_url (curl->sim), "/v1/integrations/aws", NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("POST", url);
  g_autoptr(GBytes) bytes = g_bytes_new_static (body, strlen (body));

  soup_message_headers_append (soup_message_get_request_headers (message), "Authorization", "Bearer demo-token");
  soup_message_set_request_body_from_bytes (message, "application/json", bytes);
  soup_session_send_and_read_async (curl->soup, message, G_PRIORITY_DEFAULT, NULL,
                                    inflow_test_store_result_cb, &curl->result);

  return G_SOURCE_REMOVE;
}

static gboolean
waiter_done (gpointer data)
{
  return inflow_role_waiter_get_state (data) != INFLOW_ROLE_WAIT_WAITING;
}

/* The Terraform and CloudFormation methods' wait, at real speed: visible
 * while it polls, ended by an integration another tool created with a
 * plain HTTP POST, which is then in the monitor to open; cancellable. */
static void
test_role_waiter (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(InflowProfile) profile = inflow_profile_new_demo (inflow_simulator_get_base_url (fixture->sim));
  g_autoptr(InflowSession) session = inflow_session_new (profile, fixture->client, NULL);
  g_autoptr(InflowRoleWaiter) waiter = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  InflowIngestionMonitor *monitor;
  const char *token;
  guint before;
  Curl curl = { fixture->sim, NULL, NULL };

  g_assert_cmpfloat (inflow_simulator_get_time_scale (fixture->sim), ==, 1.0);
  monitor = inflow_session_get_ingestion_monitor (session);
  g_assert_true (inflow_test_wait_until (monitor_has_list, monitor, 10000));
  waiter = inflow_role_waiter_new (session);

  /* Cancelled: it stops, and asks nothing more. */
  inflow_role_waiter_start (waiter, "987654321098");
  g_assert_cmpint (inflow_role_waiter_get_state (waiter), ==, INFLOW_ROLE_WAIT_WAITING);
  inflow_role_waiter_cancel (waiter);
  g_assert_cmpint (inflow_role_waiter_get_state (waiter), ==, INFLOW_ROLE_WAIT_IDLE);
  g_assert_null (inflow_role_waiter_get_message (waiter));
  before = inflow_simulator_get_request_count (fixture->sim, "/v2/integrations");
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  /* Waiting, in words; someone else registers the role a second later. */
  inflow_role_waiter_start (waiter, NULL);
  g_assert_cmpint (inflow_role_waiter_get_state (waiter), ==, INFLOW_ROLE_WAIT_WAITING);
  g_assert_cmpstr (inflow_role_waiter_get_message (waiter), ==, "Waiting for Vantage to see the role…");
  curl.soup = soup_session_new ();
  g_timeout_add (1000, post_like_curl_cb, &curl);
  g_assert_true (inflow_test_wait_until (waiter_done, waiter, 60000));

  answer = soup_session_send_and_read_finish (curl.soup, inflow_test_wait_result (&curl.result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (answer);

  g_assert_cmpint (inflow_role_waiter_get_state (waiter), ==, INFLOW_ROLE_WAIT_FOUND);
  token = inflow_role_waiter_get_integration_token (waiter);
  g_assert_nonnull (token);
  g_assert_nonnull (strstr (inflow_role_waiter_get_message (waiter), "987654321098"));

  /* What Monitor Ingestion opens is there, at once. */
  g_assert_nonnull (inflow_ingestion_monitor_lookup (monitor, token));

  /* Within its budget: a list at once, then one every 5 s. */
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->sim, "/v2/integrations") - before, <=, 4);

  g_clear_object (&curl.result);
  g_clear_object (&curl.soup);
  inflow_session_close (session);
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
  g_test_add ("/session/aws-connector/wait-elsewhere", Fixture, NULL, fixture_setup, test_wait_elsewhere, fixture_teardown);
  g_test_add ("/session/aws-connector/wait-cancel", Fixture, NULL, fixture_setup, test_wait_cancel, fixture_teardown);
  g_test_add ("/session/aws-connector/register-find", Fixture, NULL, fixture_setup, test_register_find, fixture_teardown);
  g_test_add ("/session/aws-connector/session-connector", Fixture, NULL, fixture_setup, test_session_connector, fixture_teardown);
  g_test_add ("/session/aws-connector/management-connected", Fixture, NULL, fixture_setup, test_management_connected, fixture_teardown);
  g_test_add ("/session/aws-connector/live-monitor", Fixture, NULL, fixture_setup, test_live_monitor, fixture_teardown);
  g_test_add ("/session/aws-connector/role-waiter", Fixture, NULL, fixture_setup, test_role_waiter, fixture_teardown);

  return inflow_test_run ();
}
