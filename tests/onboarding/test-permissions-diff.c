/* test-permissions-diff.c: what changed in Vantage's permissions, and the update
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-onboarding-error.h"
#include "inflow-permissions-diff.h"
#include "inflow-test-utils.h"
#include "onboarding-test-support.h"

static void
set_policy (InflowOnboardingInfo *info,
            InflowVantagePolicy   policy,
            const char           *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (inflow_onboarding_info_set_policy_text (info, policy, text, &error));
  g_assert_no_error (error);
}

/* The connect-time info, and today's: root gains and loses actions,
 * Autopilot is gone, CloudWatch's resources changed, the metrics policy
 * changed, the external ID changed. */
static InflowOnboardingInfo *
changed_info (const InflowOnboardingInfo *recorded)
{
  InflowOnboardingInfo *current = inflow_onboarding_info_copy (recorded);

  g_free (current->external_id);
  current->external_id = g_strdup ("inflow-test-external-id-43");
  set_policy (current, INFLOW_VANTAGE_POLICY_ROOT,
              "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
              "[\"ce:Get*\",\"organizations:List*\",\"sts:GetCallerIdentity\",\"ec2:DescribeNewThing\"],\"Resource\":\"*\"},"
              "{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}");
  inflow_onboarding_info_set_policy (current, INFLOW_VANTAGE_POLICY_AUTOPILOT, NULL);
  set_policy (current, INFLOW_VANTAGE_POLICY_CLOUDWATCH,
              "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
              "[\"cloudwatch:List*\",\"cloudwatch:GetMetricData\"],\"Resource\":\"arn:aws:cloudwatch:*:*:*\"}]}");
  set_policy (current, INFLOW_VANTAGE_POLICY_S3_REQUEST_METRICS,
              "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetMetricsConfiguration\",\"Resource\":\"*\"}}");

  return current;
}

static void
test_diff (void)
{
  g_autoptr(InflowOnboardingInfo) recorded = test_info_new (INFLOW_AWS_PARTITION_AWS);
  g_autoptr(InflowOnboardingInfo) current = changed_info (recorded);
  g_autoptr(InflowPermissionsDiff) diff = inflow_permissions_diff_new (recorded, current);
  g_autofree char *text = inflow_permissions_diff_describe (diff);
  InflowPermissionChange *change;

  g_assert_false (inflow_permissions_diff_is_empty (diff));
  g_assert_cmpuint (diff->changes->len, ==, 5);

  change = g_ptr_array_index (diff->changes, 0);
  g_assert_cmpint (change->kind, ==, INFLOW_PERMISSION_CHANGE_EXTERNAL_ID);

  change = g_ptr_array_index (diff->changes, 1);
  g_assert_cmpint (change->kind, ==, INFLOW_PERMISSION_CHANGE_POLICY_CHANGED);
  g_assert_cmpstr (change->name, ==, "root");
  g_assert_cmpuint (g_strv_length (change->actions_added), ==, 1);
  g_assert_cmpstr (change->actions_added[0], ==, "ec2:DescribeNewThing");
  g_assert_cmpuint (g_strv_length (change->actions_removed), ==, 1);
  g_assert_cmpstr (change->actions_removed[0], ==, "tag:Get*");
  g_assert_cmpstr (change->description, ==,
                   "The policy “root” changed: it now also allows ec2:DescribeNewThing, and no longer tag:Get*.");

  change = g_ptr_array_index (diff->changes, 2);
  g_assert_cmpint (change->kind, ==, INFLOW_PERMISSION_CHANGE_POLICY_REMOVED);
  g_assert_cmpstr (change->name, ==, "VantageAutoPilot");

  change = g_ptr_array_index (diff->changes, 3);
  g_assert_cmpint (change->kind, ==, INFLOW_PERMISSION_CHANGE_POLICY_CHANGED);
  g_assert_cmpstr (change->name, ==, "VantageCloudWatchMetricsReadOnly");
  g_assert_cmpuint (g_strv_length (change->actions_added), ==, 0);
  g_assert_nonnull (strstr (change->description, "resources or conditions"));

  change = g_ptr_array_index (diff->changes, 4);
  g_assert_cmpint (change->kind, ==, INFLOW_PERMISSION_CHANGE_POLICY_CHANGED);
  g_assert_cmpstr (change->name, ==, "s3_request_metrics");
  g_assert_cmpstr (change->actions_removed[0], ==, "s3:PutMetricsConfiguration");
  g_assert_nonnull (strstr (change->description, "does not put this policy on the role"));

  test_assert_golden ("permissions-diff.txt", text);
}

static void
test_no_change (void)
{
  g_autoptr(InflowOnboardingInfo) recorded = test_info_new (INFLOW_AWS_PARTITION_AWS);
  g_autoptr(InflowOnboardingInfo) current = inflow_onboarding_info_copy (recorded);
  g_autoptr(InflowOnboardingChoices) choices = test_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_AWS_PARTITION_AWS);
  g_autoptr(InflowPermissionsUpdate) update = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *diagnostics = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  int status = -1;

  /* Member order in a document does not count as a change. */
  set_policy (current, INFLOW_VANTAGE_POLICY_ROOT,
              "{\"Statement\":[{\"Resource\":\"*\",\"Action\":[\"ce:Get*\",\"organizations:List*\",\"tag:Get*\","
              "\"sts:GetCallerIdentity\"],\"Effect\":\"Allow\"}],\"Version\":\"2012-10-17\"}");

  update = inflow_permissions_update_generate (recorded, current, choices, &error);
  g_assert_no_error (error);
  g_assert_true (inflow_permissions_diff_is_empty (update->diff));
  g_assert_cmpstr (update->summary, ==, "Vantage asks for the same permissions as when this account was connected.");
  g_assert_nonnull (strstr (update->cli_script, "there is nothing to run"));
  g_assert_true (test_bash_syntax_ok (update->cli_script, &diagnostics));

  calls = test_run_with_fake_aws (update->cli_script, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpuint (calls->len, ==, 1);
}

/* The update script changes exactly what changed, and nothing else. */
static void
test_update (void)
{
  g_autoptr(InflowOnboardingInfo) recorded = test_info_new (INFLOW_AWS_PARTITION_AWS);
  g_autoptr(InflowOnboardingInfo) current = changed_info (recorded);
  g_autoptr(InflowOnboardingChoices) choices = test_choices_new (INFLOW_ACCOUNT_KIND_MANAGEMENT, INFLOW_AWS_PARTITION_AWS);
  g_autoptr(InflowPermissionsUpdate) update = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *diagnostics = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  int status = -1;
  GStrv call;

  update = inflow_permissions_update_generate (recorded, current, choices, &error);
  g_assert_no_error (error);
  test_assert_golden ("permissions-update.sh", update->cli_script);
  if (!test_bash_syntax_ok (update->cli_script, &diagnostics))
    g_error ("bash -n: %s", diagnostics);

  calls = test_run_with_fake_aws (update->cli_script, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpuint (calls->len, ==, 5);

  call = g_ptr_array_index (calls, 1);
  g_assert_cmpstr (call[1], ==, "update-assume-role-policy");
  g_assert_nonnull (strstr (test_call_get_option (call, "--policy-document"), "inflow-test-external-id-43"));

  call = g_ptr_array_index (calls, 2);
  g_assert_cmpstr (call[1], ==, "put-role-policy");
  g_assert_cmpstr (test_call_get_option (call, "--policy-name"), ==, "root");
  {
    g_autoptr(JsonNode) sent = test_parse_json (test_call_get_option (call, "--policy-document"));

    g_assert_true (json_node_equal (sent, current->policies[INFLOW_VANTAGE_POLICY_ROOT]));
  }

  call = g_ptr_array_index (calls, 3);
  g_assert_cmpstr (call[1], ==, "delete-role-policy");
  g_assert_cmpstr (test_call_get_option (call, "--policy-name"), ==, "VantageAutoPilot");

  call = g_ptr_array_index (calls, 4);
  g_assert_cmpstr (call[1], ==, "put-role-policy");
  g_assert_cmpstr (test_call_get_option (call, "--policy-name"), ==, "VantageCloudWatchMetricsReadOnly");

  /* The regenerated material comes from the same generators, without the
   * policy Vantage dropped. */
  g_assert_nonnull (update->cloudformation);
  g_assert_null (update->cloudformation_error);
  g_assert_null (strstr (update->cloudformation->template_json, "VantageAutoPilot"));
  g_assert_nonnull (strstr (update->cloudformation->template_json, "inflow-test-external-id-43"));
  g_assert_nonnull (update->iam_console);
  g_assert_cmpuint (update->iam_console->policies->len, ==, 4);
  g_assert_nonnull (strstr (update->terraform_note, "terraform apply"));
}

/* A role made without Autopilot gets no command for Autopilot's policy,
 * and a role whose template CloudFormation cannot make says why. */
static void
test_update_choices (void)
{
  g_autoptr(InflowOnboardingInfo) recorded = test_info_new (INFLOW_AWS_PARTITION_AWS);
  g_autoptr(InflowOnboardingInfo) current = inflow_onboarding_info_copy (recorded);
  g_autoptr(InflowOnboardingChoices) choices = test_choices_new (INFLOW_ACCOUNT_KIND_MANAGEMENT, INFLOW_AWS_PARTITION_AWS);
  g_autoptr(InflowPermissionsUpdate) update = NULL;
  g_autoptr(GError) error = NULL;

  set_policy (current, INFLOW_VANTAGE_POLICY_AUTOPILOT,
              "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"savingsplans:*\",\"Resource\":\"*\"}]}");
  g_free (current->vantage_role_arn);
  current->vantage_role_arn = g_strdup ("arn:aws:iam::630399649041:role/vantage-new-principal");
  choices->enable_autopilot = FALSE;
  g_free (choices->bucket_region);
  choices->bucket_region = g_strdup ("eu-west-1");

  update = inflow_permissions_update_generate (recorded, current, choices, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (update->diff->changes->len, ==, 2);
  g_assert_nonnull (strstr (update->summary, "Vantage’s principal changed from " TEST_VANTAGE_ROLE
                            " to arn:aws:iam::630399649041:role/vantage-new-principal"));
  g_assert_nonnull (strstr (update->summary, "“VantageAutoPilot” changed"));
  g_assert_null (strstr (update->cli_script, "--policy-name 'VantageAutoPilot'"));
  g_assert_nonnull (strstr (update->cli_script, "update-assume-role-policy"));
  g_assert_null (update->cloudformation);
  g_assert_nonnull (strstr (update->cloudformation_error, "us-east-1"));
}

/* Added policies; no update for a GovCloud role, which cannot trust Vantage. */
static void
test_added_policy (void)
{
  g_autoptr(InflowOnboardingInfo) recorded = test_info_new (INFLOW_AWS_PARTITION_AWS);
  g_autoptr(InflowOnboardingInfo) current = inflow_onboarding_info_copy (recorded);
  g_autoptr(InflowOnboardingChoices) choices = test_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_AWS_PARTITION_AWS);
  g_autoptr(InflowPermissionsUpdate) update = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *diagnostics = NULL;
  InflowPermissionChange *change;

  inflow_onboarding_info_set_policy (recorded, INFLOW_VANTAGE_POLICY_AUTOPILOT, NULL);
  update = inflow_permissions_update_generate (recorded, current, choices, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (update->diff->changes->len, ==, 1);
  change = g_ptr_array_index (update->diff->changes, 0);
  g_assert_cmpint (change->kind, ==, INFLOW_PERMISSION_CHANGE_POLICY_ADDED);
  g_assert_cmpstr (change->description, ==,
                   "Vantage now asks for the policy “VantageAutoPilot”, which allows savingsplans:CreateSavingsPlan, savingsplans:Describe*.");
  g_assert_nonnull (strstr (update->cli_script, "--region 'us-east-1'"));
  g_assert_nonnull (strstr (update->cli_script, "--policy-name 'VantageAutoPilot'"));
  g_assert_true (test_bash_syntax_ok (update->cli_script, &diagnostics));

  /* A GovCloud role made elsewhere: told why there is nothing to update. */
  {
    g_autoptr(InflowOnboardingChoices) gov = test_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_AWS_PARTITION_AWS_US_GOV);
    g_autoptr(InflowPermissionsUpdate) gov_update = inflow_permissions_update_generate (recorded, current, gov, &error);

    g_assert_null (gov_update);
    g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION);
    g_clear_error (&error);
  }

  /* The current info must still be usable. */
  g_clear_pointer (&update, inflow_permissions_update_free);
  g_free (current->external_id);
  current->external_id = g_strdup ("x");
  update = inflow_permissions_update_generate (recorded, current, choices, &error);
  g_assert_null (update);
  g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/onboarding/permissions-diff/diff", test_diff);
  g_test_add_func ("/onboarding/permissions-diff/no-change", test_no_change);
  g_test_add_func ("/onboarding/permissions-diff/update", test_update);
  g_test_add_func ("/onboarding/permissions-diff/update-choices", test_update_choices);
  g_test_add_func ("/onboarding/permissions-diff/added-policy", test_added_policy);

  return inflow_test_run ();
}
