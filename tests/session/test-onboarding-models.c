/* test-onboarding-models.c: the GTK-free models of the onboarding views against the simulator:
 * StackSet member registration, the backfill form, the permissions review, the connect form
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-aws-connector.h"
#include "inflow-backfill-form.h"
#include "inflow-connect-form.h"
#include "inflow-permissions-review.h"
#include "inflow-simulator.h"
#include "inflow-stackset-registration.h"
#include "inflow-test-utils.h"

typedef struct
{
  InflowSimulator      *sim;
  InflowClient         *client;
  InflowSession        *session;
  InflowOnboardingInfo *info;
  GPtrArray            *unconnected;   /* member accounts without an integration */
  char                 *connected;     /* a member account with one */
  char                 *management;    /* its management account */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(InflowProfile) profile = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *accounts;
  InflowAwsConnector *connector;

  fixture->sim = inflow_simulator_new (11, 0, 0);
  inflow_simulator_listen (fixture->sim, 0, &error);
  g_assert_no_error (error);
  fixture->client = inflow_client_new (inflow_simulator_get_base_url (fixture->sim), "demo-token", &error);
  g_assert_no_error (error);
  profile = inflow_profile_new_demo (inflow_simulator_get_base_url (fixture->sim));
  fixture->session = inflow_session_new (profile, fixture->client, NULL);
  inflow_session_refresh_async (fixture->session, NULL, inflow_test_store_result_cb, &result);
  inflow_session_refresh_finish (fixture->session, inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  connector = inflow_session_get_aws_connector (fixture->session);
  inflow_aws_connector_load_info_async (connector, NULL, inflow_test_store_result_cb, &result);
  fixture->info = inflow_aws_connector_load_info_finish (connector, inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);

  /* The members of the organization Vantage lists, with and without a role */
  fixture->unconnected = g_ptr_array_new_with_free_func (g_free);
  accounts = inflow_session_get_cloud_accounts (fixture->session);
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(InflowCloudAccount) account = g_list_model_get_item (accounts, i);
      g_autoptr(InflowIntegration) own = NULL;
      const char *id = inflow_cloud_account_get_account_id (account);
      const char *management = inflow_cloud_account_get_management_account_id (account);

      if (management == NULL || g_strcmp0 (id, management) == 0 ||
          g_strcmp0 (inflow_cloud_account_get_partition (account), "aws") != 0)
        continue;

      own = inflow_aws_find_integration (inflow_session_get_integrations (fixture->session), id);
      if (own != NULL && fixture->connected == NULL)
        {
          fixture->connected = g_strdup (id);
          fixture->management = g_strdup (management);
        }
      else if (own == NULL)
        g_ptr_array_add (fixture->unconnected, g_strdup (id));
    }
  g_assert_nonnull (fixture->connected);
  g_assert_cmpuint (fixture->unconnected->len, >=, 4);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  inflow_session_close (fixture->session);
  g_clear_pointer (&fixture->unconnected, g_ptr_array_unref);
  g_clear_pointer (&fixture->connected, g_free);
  g_clear_pointer (&fixture->management, g_free);
  g_clear_pointer (&fixture->info, inflow_onboarding_info_free);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->sim);
}

static InflowOnboardingChoices *
member_choices (void)
{
  return inflow_onboarding_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_AWS_PARTITION_AWS);
}

/* list-stack-instances of three unconnected members, the connected one and
 * a fourth whose stack failed. */
static char *
stack_instances_json (Fixture *fixture)
{
  GString *json = g_string_new ("{\"Summaries\": [");

  for (guint i = 0; i < 3; i++)
    g_string_append_printf (json, "{\"Account\": \"%s\", \"Region\": \"us-east-1\", \"Status\": \"CURRENT\","
                                  " \"StackInstanceStatus\": {\"DetailedStatus\": \"SUCCEEDED\"}},",
                            (const char *) g_ptr_array_index (fixture->unconnected, i));
  g_string_append_printf (json, "{\"Account\": \"%s\", \"Status\": \"CURRENT\"},", fixture->connected);
  g_string_append_printf (json, "{\"Account\": \"%s\", \"Status\": \"OUTDATED\", \"StatusReason\": \"Role already exists\","
                                " \"StackInstanceStatus\": {\"DetailedStatus\": \"FAILED\"}}]}",
                          (const char *) g_ptr_array_index (fixture->unconnected, 3));

  return g_string_free (json, FALSE);
}

static InflowMemberRegistration *
member_at (InflowStackSetRegistration *registration,
           guint                       index)
{
  GListModel *members = inflow_stackset_registration_get_members (registration);
  InflowMemberRegistration *member = g_list_model_get_item (members, index);

  g_object_unref (member);  /* the model keeps it */
  return member;
}

static void
run (InflowStackSetRegistration *registration)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (inflow_stackset_registration_get_can_register (registration));
  inflow_stackset_registration_register_async (registration, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_stackset_registration_get_running (registration));
  g_assert_true (inflow_stackset_registration_register_finish (registration, inflow_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_false (inflow_stackset_registration_get_running (registration));
}

static guint
count_integrations (Fixture    *fixture,
                    const char *account_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) integrations = NULL;
  g_autoptr(GError) error = NULL;
  guint n_invalid;

  inflow_client_list_integrations_async (fixture->client, "aws", account_id, NULL, inflow_test_store_result_cb, &result);
  integrations = inflow_client_list_integrations_finish (fixture->client, inflow_test_wait_result (&result), &n_invalid, &error);
  g_assert_no_error (error);

  return g_list_model_get_n_items (integrations);
}

typedef struct
{
  Fixture    *fixture;
  const char *account_id;
} CoverageWait;

static gboolean
has_own_integration (gpointer data)
{
  CoverageWait *wait = data;

  return inflow_account_directory_get_coverage (inflow_session_get_account_directory (wait->fixture->session),
                                                wait->account_id) == INFLOW_ACCOUNT_COVERAGE_OWN_INTEGRATION;
}

/* The StackSet path to its end: the pasted instances, one account already
 * connected (never sent), one refused with a 422 (the API's words, then
 * registered by Retry), one without a deployed stack; the simulator ends
 * with one integration per member, and the session shows them connected. */
static void
test_register (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(InflowOnboardingChoices) choices = member_choices ();
  g_autoptr(InflowStackSetRegistration) registration = NULL;
  g_autofree char *json = stack_instances_json (fixture);
  g_autofree char *summary = NULL;
  g_autofree char *role_arn = NULL;
  g_autoptr(GError) error = NULL;
  InflowMemberRegistration *member;

  registration = inflow_stackset_registration_new (fixture->session, fixture->info, choices);
  g_assert_true (inflow_stackset_registration_read_instances (registration, json, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_stackset_registration_get_members (registration)), ==, 5);

  member = member_at (registration, 0);
  role_arn = g_strdup_printf ("arn:aws:iam::%s:role/vantage_cross_account_connection",
                              (const char *) g_ptr_array_index (fixture->unconnected, 0));
  g_assert_cmpstr (inflow_member_registration_get_role_arn (member), ==, role_arn);
  g_assert_cmpint (inflow_member_registration_get_state (member_at (registration, 3)), ==, INFLOW_MEMBER_STATE_ALREADY_CONNECTED);
  g_assert_cmpint (inflow_member_registration_get_state (member_at (registration, 4)), ==, INFLOW_MEMBER_STATE_STACK_FAILED);
  g_assert_cmpstr (inflow_member_registration_get_message (member_at (registration, 4)), ==, "Role already exists");

  inflow_simulator_reset_request_counts (fixture->sim);
  inflow_simulator_add_fault (fixture->sim, "POST", "/v1/integrations/aws", INFLOW_SIM_FAULT_STATUS, 422, 0, 1);
  run (registration);

  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->sim, "/v1/integrations/aws"), ==, 3);
  member = member_at (registration, 0);
  g_assert_cmpint (inflow_member_registration_get_state (member), ==, INFLOW_MEMBER_STATE_FAILED);
  g_assert_nonnull (inflow_member_registration_get_message (member));
  g_assert_cmpstr (inflow_member_registration_get_status (member), ==, "Failed");
  for (guint i = 1; i < 3; i++)
    {
      member = member_at (registration, i);
      g_assert_cmpint (inflow_member_registration_get_state (member), ==, INFLOW_MEMBER_STATE_CONNECTED);
      g_assert_nonnull (inflow_member_registration_get_integration_token (member));
    }
  summary = inflow_stackset_registration_dup_summary (registration);
  g_assert_cmpstr (summary, ==, "2 accounts connected, 1 already connected, 1 failed, 1 without a deployed stack");

  /* Retry sends only the one that failed. */
  inflow_simulator_reset_request_counts (fixture->sim);
  run (registration);
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->sim, "/v1/integrations/aws"), ==, 1);
  g_assert_cmpint (inflow_member_registration_get_state (member_at (registration, 0)), ==, INFLOW_MEMBER_STATE_CONNECTED);
  g_assert_false (inflow_stackset_registration_get_can_register (registration));

  /* One integration per member in Vantage, and in the session's view. */
  for (guint i = 0; i < 3; i++)
    {
      CoverageWait wait = { fixture, g_ptr_array_index (fixture->unconnected, i) };

      g_assert_cmpuint (count_integrations (fixture, wait.account_id), ==, 1);
      g_assert_true (inflow_test_wait_until (has_own_integration, &wait, 5000));
    }
  g_assert_cmpuint (count_integrations (fixture, fixture->connected), ==, 1);
  g_assert_cmpuint (count_integrations (fixture, g_ptr_array_index (fixture->unconnected, 3)), ==, 0);
}

/* Confirmed without a paste: the members Vantage lists under the
 * connected management account; those with an integration are not sent. */
static void
test_organization_members (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(InflowOnboardingChoices) choices = member_choices ();
  g_autoptr(InflowStackSetRegistration) registration = inflow_stackset_registration_new (fixture->session, fixture->info, choices);
  GListModel *members = inflow_stackset_registration_get_members (registration);
  guint n_connected = 0;
  guint added;

  added = inflow_stackset_registration_add_organization_members (registration);
  g_assert_cmpuint (added, ==, g_list_model_get_n_items (members));
  g_assert_cmpuint (added, >=, fixture->unconnected->len + 1);
  for (guint i = 0; i < added; i++)
    {
      InflowMemberRegistration *member = member_at (registration, i);

      if (inflow_member_registration_get_state (member) == INFLOW_MEMBER_STATE_ALREADY_CONNECTED)
        n_connected++;
      else
        g_assert_cmpint (inflow_member_registration_get_state (member), ==, INFLOW_MEMBER_STATE_WAITING);
    }
  g_assert_cmpuint (n_connected, ==, added - fixture->unconnected->len);

  /* Adding again adds nothing. */
  g_assert_cmpuint (inflow_stackset_registration_add_organization_members (registration), ==, 0);
}

/* Under a tight rate limit the writes wait out the 429s and all arrive. */
static void
test_rate_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(InflowOnboardingChoices) choices = member_choices ();
  g_autoptr(InflowStackSetRegistration) registration = NULL;
  g_autofree char *json = stack_instances_json (fixture);
  g_autoptr(GError) error = NULL;

  registration = inflow_stackset_registration_new (fixture->session, fixture->info, choices);
  g_assert_true (inflow_stackset_registration_read_instances (registration, json, &error));
  inflow_simulator_reset_request_counts (fixture->sim);
  inflow_simulator_set_rate_limit (fixture->sim, 2, 3);
  run (registration);

  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (inflow_member_registration_get_state (member_at (registration, i)), ==, INFLOW_MEMBER_STATE_CONNECTED);
  /* Two writes a second apart fit in the window, the third got a 429 that
   * was waited out: more requests than writes, and no write lost. */
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->sim, "/v1/integrations/aws"), >, 3);
  inflow_simulator_set_rate_limit (fixture->sim, 0, 0);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (count_integrations (fixture, g_ptr_array_index (fixture->unconnected, i)), ==, 1);
}

/* A paste without stack instances changes nothing. */
static void
test_bad_paste (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(InflowOnboardingChoices) choices = member_choices ();
  g_autoptr(InflowStackSetRegistration) registration = inflow_stackset_registration_new (fixture->session, fixture->info, choices);
  g_autoptr(GError) error = NULL;

  g_assert_false (inflow_stackset_registration_read_instances (registration, "no accounts here", &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_stackset_registration_get_members (registration)), ==, 0);
  g_assert_false (inflow_stackset_registration_get_can_register (registration));
  g_assert_null (inflow_stackset_registration_dup_summary (registration));
}

/* ---- the backfill form -------------------------------------------------- */

static gboolean
form_prefilled (gpointer data)
{
  InflowBackfillForm *form = data;
  g_autofree char *bucket = NULL;

  g_object_get (form, "bucket-name", &bucket, NULL);
  return bucket != NULL && *bucket != '\0';
}

static char *
form_text (InflowBackfillForm *form,
           const char         *property)
{
  char *text = NULL;

  g_object_get (form, property, &text, NULL);
  return text;
}

static char *
day_from_now (Fixture *fixture,
              int      days)
{
  g_autoptr(GDateTime) now = inflow_client_get_now (fixture->client);
  g_autoptr(GDateTime) shifted = g_date_time_add_days (now, days);

  return g_date_time_format (shifted, "%Y-%m-%d");
}

/* For a member account: the management account as the payer (never the
 * member), the signed-in organization's name, and the report and bucket
 * Inflow created, from the connection record; the rules on dates. */
static void
test_backfill_form (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(InflowIntegration) integration = inflow_aws_find_integration (inflow_session_get_integrations (fixture->session),
                                                                          fixture->connected);
  g_autoptr(InflowBackfillForm) form = NULL;
  g_autoptr(InflowOnboardingChoices) choices = inflow_onboarding_choices_new (INFLOW_ACCOUNT_KIND_MANAGEMENT,
                                                                              INFLOW_AWS_PARTITION_AWS);
  g_autoptr(InflowAwsConnectionRecord) record = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *account_id = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *report = NULL;
  g_autofree char *tomorrow = day_from_now (fixture, 1);
  g_autofree char *long_ago = day_from_now (fixture, -365 * 4);
  g_autofree char *last_month = day_from_now (fixture, -30);
  g_autofree char *last_week = day_from_now (fixture, -7);

  g_assert_nonnull (integration);
  choices->cur_kind = INFLOW_CUR_KIND_CUR2;
  choices->bucket_name = g_strdup ("vantage-cur-3f9a2c71d0");
  g_free (choices->report_name);
  choices->report_name = g_strdup ("VantageReport-3f9a2c71d0");
  record = inflow_aws_connection_record_new (fixture->info, choices, "arn:aws:iam::123456789012:role/x", NULL, NULL);
  inflow_aws_connection_record_save_async (NULL, inflow_profile_get_id (inflow_session_get_profile (fixture->session)),
                                           inflow_integration_get_token (integration), record, NULL,
                                           inflow_test_store_result_cb, &result);
  g_assert_true (inflow_aws_connection_record_save_finish (inflow_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  form = inflow_backfill_form_new (fixture->session, inflow_integration_get_token (integration));
  inflow_backfill_form_prefill_async (form, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_backfill_form_prefill_finish (form, inflow_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_true (form_prefilled (form));

  account_id = form_text (form, "account-id");
  g_assert_cmpstr (account_id, !=, fixture->connected);
  g_assert_cmpstr (account_id, ==, fixture->management);
  organization = form_text (form, "organization");
  g_assert_cmpstr (organization, ==, inflow_profile_get_name (inflow_session_get_profile (fixture->session)));
  report = form_text (form, "report-name");
  g_assert_cmpstr (report, ==, "VantageReport-3f9a2c71d0");
  g_assert_nonnull (inflow_backfill_form_get_account_title (form));

  /* The default period is valid: the request is made, for a Data Export. */
  g_assert_true (inflow_backfill_form_get_valid (form));
  g_assert_nonnull (strstr (inflow_backfill_form_get_aws_text (form), "VantageReport-3f9a2c71d0"));
  g_assert_nonnull (strstr (inflow_backfill_form_get_aws_text (form), "Data Export"));
  g_assert_true (g_str_has_prefix (inflow_backfill_form_get_vantage_mailto (form), "mailto:support@vantage.sh?"));

  /* The end in the future */
  g_object_set (form, "end-date", tomorrow, NULL);
  g_assert_false (inflow_backfill_form_get_valid (form));
  g_assert_true (inflow_backfill_form_get_message_is_error (form));
  g_assert_nonnull (strstr (inflow_backfill_form_get_message (form), "after today"));
  g_assert_true (inflow_backfill_form_get_field_error (form, INFLOW_BACKFILL_FIELD_END));
  g_assert_null (inflow_backfill_form_get_aws_text (form));

  /* The start after the end */
  g_object_set (form, "end-date", last_month, "start-date", last_week, NULL);
  g_assert_nonnull (strstr (inflow_backfill_form_get_message (form), "comes after the end date"));

  /* Too old */
  g_object_set (form, "start-date", long_ago, NULL);
  g_assert_nonnull (strstr (inflow_backfill_form_get_message (form), "36 months"));
  g_assert_true (inflow_backfill_form_get_field_error (form, INFLOW_BACKFILL_FIELD_START));

  /* Not a date */
  g_object_set (form, "start-date", "last spring", NULL);
  g_assert_nonnull (strstr (inflow_backfill_form_get_message (form), "year-month-day"));

  /* A bad account ID, then right again */
  g_object_set (form, "start-date", last_month, "end-date", last_week, "account-id", "12345", NULL);
  g_assert_true (inflow_backfill_form_get_field_error (form, INFLOW_BACKFILL_FIELD_ACCOUNT));
  g_object_set (form, "account-id", "", NULL);
  g_assert_true (inflow_backfill_form_get_valid (form));
  g_assert_false (inflow_backfill_form_get_field_error (form, INFLOW_BACKFILL_FIELD_START));
}

/* Without an integration: an empty organization is a hint until typed in. */
static void
test_backfill_form_blank (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(InflowBackfillForm) form = inflow_backfill_form_new (fixture->session, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (form, "organization", "", NULL);
  inflow_backfill_form_prefill_async (form, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_backfill_form_prefill_finish (form, inflow_test_wait_result (&result), &error));
  g_object_set (form, "organization", "", NULL);
  g_assert_false (inflow_backfill_form_get_valid (form));
  g_assert_true (inflow_backfill_form_get_field_error (form, INFLOW_BACKFILL_FIELD_ORGANIZATION));
  g_assert_null (inflow_backfill_form_get_account_title (form));
}

/* ---- the permissions review --------------------------------------------- */

static gboolean
review_loaded (gpointer data)
{
  return inflow_permissions_review_get_state (data) != INFLOW_REVIEW_STATE_LOADING;
}

/* Connected elsewhere: nothing recorded, everything the role needs now;
 * a bad role name is refused without losing the steps. */
static void
test_review_not_recorded (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(InflowIntegration) integration = inflow_aws_find_integration (inflow_session_get_integrations (fixture->session),
                                                                          fixture->connected);
  g_autoptr(InflowPermissionsReview) review = inflow_permissions_review_new (fixture->session,
                                                                            inflow_integration_get_token (integration));
  g_autofree char *script = NULL;
  gboolean is_error;

  inflow_permissions_review_load (review, NULL);
  g_assert_true (inflow_test_wait_until (review_loaded, review, 10000));
  g_assert_cmpint (inflow_permissions_review_get_state (review), ==, INFLOW_REVIEW_STATE_NOT_RECORDED);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_permissions_review_get_changes (review)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_permissions_review_get_documents (review)), >=, 2);
  g_object_get (review, "cli-script", &script, NULL);
  g_assert_nonnull (strstr (script, "update-assume-role-policy"));

  g_object_set (review, "role-name", "bad name!", NULL);
  g_object_get (review, "role-message-is-error", &is_error, NULL);
  g_assert_true (is_error);
  g_assert_cmpint (inflow_permissions_review_get_state (review), ==, INFLOW_REVIEW_STATE_NOT_RECORDED);
  g_object_set (review, "role-name", "vantage_cross_account_connection", NULL);
  g_object_get (review, "role-message-is-error", &is_error, NULL);
  g_assert_false (is_error);
}

/* An integration the session does not know: an error at once. */
static void
test_review_unknown (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(InflowPermissionsReview) review = inflow_permissions_review_new (fixture->session, "accss_crdntl_nothere");

  inflow_permissions_review_load (review, NULL);
  g_assert_cmpint (inflow_permissions_review_get_state (review), ==, INFLOW_REVIEW_STATE_ERROR);
  g_assert_nonnull (inflow_permissions_review_get_error_message (review));
}

/* ---- the connect form --------------------------------------------------- */

static gboolean
form_info_ready (gpointer data)
{
  return inflow_connect_form_get_info_state (data) != INFLOW_CONNECT_INFO_LOADING;
}

static char *
form_string (InflowConnectForm *form,
             const char        *property)
{
  char *text = NULL;

  g_object_get (form, property, &text, NULL);
  return text;
}

static gboolean
form_boolean (InflowConnectForm *form,
              const char        *property)
{
  gboolean value;

  g_object_get (form, property, &value, NULL);
  return value;
}

/* The Details checks, GovCloud turned into its paired standard account,
 * the report kinds and the member account's lack of a bucket. */
static void
test_connect_form_details (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(InflowConnectForm) form = inflow_connect_form_new (fixture->session);
  g_autoptr(InflowOnboardingChoices) choices = NULL;
  g_autofree char *message = NULL;
  g_autofree char *note = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *bucket_message = NULL;

  /* No account kind yet */
  g_assert_false (inflow_connect_form_get_details_valid (form));
  message = form_string (form, "details-message");
  g_assert_nonnull (strstr (message, "Account step"));
  g_clear_pointer (&message, g_free);

  g_object_set (form, "account", INFLOW_CONNECT_ACCOUNT_MANAGEMENT, NULL);
  g_assert_true (inflow_connect_form_get_details_valid (form));
  g_assert_true (form_boolean (form, "creates-cur"));
  choices = inflow_connect_form_dup_choices (form);
  g_assert_cmpint (choices->cur_kind, ==, INFLOW_CUR_KIND_LEGACY);
  g_assert_true (g_str_has_prefix (choices->bucket_name, "vantage-cur-"));
  g_clear_pointer (&choices, inflow_onboarding_choices_free);

  g_object_set (form, "bucket-name", "Not_A_Bucket", NULL);
  g_assert_false (inflow_connect_form_get_details_valid (form));
  g_assert_true (inflow_connect_form_get_field_error (form, INFLOW_CONNECT_FIELD_BUCKET));
  g_assert_true (form_boolean (form, "details-message-is-error"));
  g_object_set (form, "bucket-name", "my-cur-bucket-2026", "account-id", "12345", NULL);
  g_assert_true (inflow_connect_form_get_field_error (form, INFLOW_CONNECT_FIELD_ACCOUNT));
  g_assert_false (inflow_connect_form_get_field_error (form, INFLOW_CONNECT_FIELD_BUCKET));
  g_object_set (form, "account-id", "", NULL);
  g_assert_true (inflow_connect_form_get_details_valid (form));

  /* GovCloud: refused, then its paired standard account */
  g_object_set (form, "govcloud", TRUE, "govcloud-account-id", "135792468013", NULL);
  g_assert_false (inflow_connect_form_get_details_valid (form));
  message = form_string (form, "details-message");
  g_assert_nonnull (strstr (message, "paired"));
  inflow_connect_form_choose_paired_standard (form);
  g_assert_false (form_boolean (form, "govcloud"));
  g_assert_true (inflow_connect_form_get_details_valid (form));
  note = form_string (form, "paired-note");
  g_assert_nonnull (strstr (note, "135792468013"));
  choices = inflow_connect_form_dup_choices (form);
  g_assert_cmpint (choices->partition, ==, INFLOW_AWS_PARTITION_AWS);
  g_assert_cmpstr (choices->paired_govcloud_account_id, ==, "135792468013");
  g_clear_pointer (&choices, inflow_onboarding_choices_free);

  /* A CUR 2.0 export into an existing bucket: the caution */
  g_object_set (form, "cur2", TRUE, "existing-bucket", TRUE, NULL);
  warning = form_string (form, "cur-warning");
  g_assert_nonnull (strstr (warning, "twice"));
  choices = inflow_connect_form_dup_choices (form);
  g_assert_cmpint (choices->cur_kind, ==, INFLOW_CUR_KIND_CUR2);
  g_assert_true (choices->existing_bucket);
  g_clear_pointer (&choices, inflow_onboarding_choices_free);

  /* A member account: no report, no bucket ARN, no caption about one */
  g_object_set (form, "account", INFLOW_CONNECT_ACCOUNT_MEMBER, NULL);
  g_assert_false (form_boolean (form, "creates-cur"));
  bucket_message = form_string (form, "bucket-arn-message");
  g_assert_null (bucket_message);
  g_assert_true (form_boolean (form, "member-first") == FALSE);  /* a management account is connected */
}

/* The provider info, the words on what the role allows, the role ARN's
 * checks, a paste, and Connect: the session lists the new integration at
 * once. */
static void
test_connect_form_connect (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(InflowConnectForm) form = inflow_connect_form_new (fixture->session);
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(InflowIntegration) listed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *words = NULL;
  g_autofree char *autopilot = NULL;
  g_autofree char *message = NULL;
  g_autofree char *connected_arn = g_strdup_printf ("arn:aws:iam::%s:role/x", fixture->connected);
  const char *new_arn = "arn:aws:iam::246813579024:role/vantage_cross_account_connection";

  inflow_aws_connector_set_find_policy (inflow_session_get_aws_connector (fixture->session), 5, 50);
  g_object_set (form, "account", INFLOW_CONNECT_ACCOUNT_MEMBER, NULL);
  inflow_connect_form_load_info (form);
  g_assert_true (inflow_test_wait_until (form_info_ready, form, 10000));
  g_assert_cmpint (inflow_connect_form_get_info_state (form), ==, INFLOW_CONNECT_INFO_READY);

  /* What the role allows, policy by policy, and what Autopilot adds */
  words = form_string (form, "security-words");
  g_assert_nonnull (strstr (words, "• root: Read-only"));
  g_assert_nonnull (strstr (words, "VantageAutoPilot"));
  autopilot = form_string (form, "autopilot-words");
  g_assert_nonnull (strstr (autopilot, "savingsplans:"));

  g_object_set (form, "arn", "arn:aws:iam::12345:role/x", NULL);
  g_assert_false (inflow_connect_form_get_arn_valid (form));
  g_object_set (form, "arn", "arn:aws-us-gov:iam::246813579024:role/x", NULL);
  message = form_string (form, "arn-message");
  g_assert_nonnull (strstr (message, "aws-us-gov"));
  g_assert_false (inflow_connect_form_get_can_connect (form));
  g_clear_pointer (&message, g_free);
  g_object_set (form, "arn", connected_arn, NULL);
  message = form_string (form, "arn-message");
  g_assert_nonnull (strstr (message, "already connected"));
  g_clear_pointer (&message, g_free);

  /* Found in pasted get-role output */
  g_assert_true (inflow_connect_form_read_paste (form, "{\"Role\": {\"RoleName\": \"vantage_cross_account_connection\", "
                                                       "\"Arn\": \"arn:aws:iam::246813579024:role/vantage_cross_account_connection\"}}"));
  message = form_string (form, "arn");
  g_assert_cmpstr (message, ==, new_arn);
  g_assert_true (inflow_connect_form_get_can_connect (form));

  inflow_connect_form_connect_async (form, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (form_boolean (form, "connecting"));
  g_assert_false (inflow_connect_form_get_can_connect (form));
  integration = inflow_connect_form_connect_finish (form, inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (inflow_integration_get_account_identifier (integration), ==, "246813579024");
  g_assert_false (form_boolean (form, "connecting"));
  listed = inflow_aws_find_integration (inflow_session_get_integrations (fixture->session), "246813579024");
  g_assert_nonnull (listed);
}

/* ---- GovCloud's mark ---------------------------------------------------- */

static gboolean
directory_built (gpointer data)
{
  return inflow_account_directory_get_n_accounts (data) > 0;
}

/* The scenario's GovCloud (US) integration gets the mark, the others not. */
static void
test_govcloud_mark (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *integrations = inflow_session_get_integrations (fixture->session);
  guint n_govcloud = 0, n_aws = 0;

  g_assert_true (inflow_test_wait_until (directory_built, inflow_session_get_account_directory (fixture->session), 5000));
  for (guint i = 0; i < g_list_model_get_n_items (integrations); i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);

      if (!inflow_integration_is_provider (integration, "aws"))
        {
          g_assert_false (inflow_aws_integration_is_govcloud (fixture->session, integration));
          continue;
        }
      n_aws++;
      n_govcloud += inflow_aws_integration_is_govcloud (fixture->session, integration);
    }
  g_assert_cmpuint (n_govcloud, ==, 1);
  g_assert_cmpuint (n_aws, >, n_govcloud);
  g_assert_cmpstr (inflow_aws_govcloud_coverage_words (), ==, "Costs only · Active Resources not synced");
  g_assert_nonnull (strstr (inflow_aws_govcloud_coverage_description (), "paired"));
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add ("/session/stackset-registration/register", Fixture, NULL, fixture_setup, test_register, fixture_teardown);
  g_test_add ("/session/stackset-registration/organization-members", Fixture, NULL, fixture_setup, test_organization_members, fixture_teardown);
  g_test_add ("/session/stackset-registration/rate-limit", Fixture, NULL, fixture_setup, test_rate_limit, fixture_teardown);
  g_test_add ("/session/stackset-registration/bad-paste", Fixture, NULL, fixture_setup, test_bad_paste, fixture_teardown);
  g_test_add ("/session/backfill-form/prefill", Fixture, NULL, fixture_setup, test_backfill_form, fixture_teardown);
  g_test_add ("/session/backfill-form/blank", Fixture, NULL, fixture_setup, test_backfill_form_blank, fixture_teardown);
  g_test_add ("/session/permissions-review/not-recorded", Fixture, NULL, fixture_setup, test_review_not_recorded, fixture_teardown);
  g_test_add ("/session/permissions-review/unknown", Fixture, NULL, fixture_setup, test_review_unknown, fixture_teardown);
  g_test_add ("/session/connect-form/details", Fixture, NULL, fixture_setup, test_connect_form_details, fixture_teardown);
  g_test_add ("/session/connect-form/connect", Fixture, NULL, fixture_setup, test_connect_form_connect, fixture_teardown);
  g_test_add ("/session/govcloud-mark", Fixture, NULL, fixture_setup, test_govcloud_mark, fixture_teardown);

  return inflow_test_run ();
}
