/* test-smart-paste.c: finding the role ARN in pasted text
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-onboarding-error.h"
#include "inflow-smart-paste.h"
#include "inflow-test-utils.h"
#include "onboarding-test-support.h"

#define ROLE "arn:aws:iam::123456789012:role/vantage_cross_account_connection"
#define OTHER_ROLE "arn:aws:iam::210987654321:role/other"

#define TRUST_POLICY \
  "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\n    \"Effect\": \"Allow\",\n" \
  "    \"Principal\": {\"AWS\": \"" TEST_VANTAGE_ROLE "\"},\n    \"Action\": \"sts:AssumeRole\",\n" \
  "    \"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"" TEST_EXTERNAL_ID "\"}}\n  }]\n}\n"

typedef struct
{
  const char        *name;
  const char        *text;
  const char        *hint;
  InflowPasteSource  source;
  const char        *arn;         /* NULL when an error is expected */
  int                code;
  const char        *message;     /* part of the error message or of the explanation */
} PasteCase;

static const PasteCase cases[] = {
  { "plain ARN", ROLE, NULL, INFLOW_PASTE_SOURCE_TEXT, ROLE, 0, NULL },
  { "quoted ARN", "  \"" ROLE "\"\n", NULL, INFLOW_PASTE_SOURCE_TEXT, ROLE, 0, NULL },
  { "backquoted ARN", "`" ROLE "`", NULL, INFLOW_PASTE_SOURCE_TEXT, ROLE, 0, NULL },
  { "sentence", "The new role is " ROLE ".", NULL, INFLOW_PASTE_SOURCE_TEXT, ROLE, 0, NULL },
  { "leading zeros", "arn:aws:iam::000000000042:role/x", NULL, INFLOW_PASTE_SOURCE_TEXT,
    "arn:aws:iam::000000000042:role/x", 0, NULL },
  { "path kept", "arn:aws-us-gov:iam::123456789012:role/team/vantage", NULL, INFLOW_PASTE_SOURCE_TEXT,
    "arn:aws-us-gov:iam::123456789012:role/team/vantage", 0, NULL },

  /* A trust policy holds Vantage's principal, never the customer's role. */
  { "trust policy alone", TRUST_POLICY, NULL, INFLOW_PASTE_SOURCE_TRUST_POLICY, NULL, INFLOW_ONBOARDING_ERROR_NOT_FOUND,
    "The only role ARN here is " TEST_VANTAGE_ROLE ", Vantage’s principal: the role that assumes yours, not your role." },
  { "trust policy, other principal",
    "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"" TEST_VANTAGE_ROLE "\",\"" OTHER_ROLE "\"]},"
    "\"Action\":\"sts:AssumeRole\"}]}", NULL, INFLOW_PASTE_SOURCE_TRUST_POLICY, NULL, INFLOW_ONBOARDING_ERROR_NOT_FOUND,
    "The role ARNs here (" TEST_VANTAGE_ROLE ", " OTHER_ROLE ") are principals" },
  { "get-role output",
    "{\"Role\": {\"Path\": \"/\", \"RoleName\": \"vantage_cross_account_connection\", \"Arn\": \"" ROLE "\","
    " \"AssumeRolePolicyDocument\": " TRUST_POLICY "}}", NULL, INFLOW_PASTE_SOURCE_ROLE_JSON, ROLE, 0,
    "Set aside " TEST_VANTAGE_ROLE },
  { "role page text",
    "Summary\nCreation date\nJuly 01, 2026\nARN\n" ROLE "\nTrust relationships\nTrusted entities\n" TRUST_POLICY,
    NULL, INFLOW_PASTE_SOURCE_TEXT, ROLE, 0, "Set aside " TEST_VANTAGE_ROLE },
  { "role page with another Vantage role",
    "ARN " ROLE "\nPrincipal arn:aws:iam::630399649041:role/some-other-vantage-role", NULL,
    INFLOW_PASTE_SOURCE_TEXT, ROLE, 0, "Set aside arn:aws:iam::630399649041:role/some-other-vantage-role" },

  /* Stack outputs */
  { "describe-stacks",
    "{\"Stacks\": [{\"StackName\": \"vantage-integration\", \"Outputs\": ["
    "{\"OutputKey\": \"VantageCostAndUsageReportBucketArn\", \"OutputValue\": \"arn:aws:s3:::vantage-cur\"},"
    "{\"OutputKey\": \"VantageCrossAccountRoleArn\", \"OutputValue\": \"" ROLE "\", \"Description\": \"x\"}]}]}",
    NULL, INFLOW_PASTE_SOURCE_STACK_OUTPUTS, ROLE, 0, NULL },
  { "outputs array",
    "[{\"OutputKey\": \"VantageCrossAccountRoleArn\", \"OutputValue\": \"" ROLE "\"}]",
    NULL, INFLOW_PASTE_SOURCE_STACK_OUTPUTS, ROLE, 0, NULL },
  { "outputs, two roles, ours by key",
    "[{\"OutputKey\": \"SomeOtherRoleArn\", \"OutputValue\": \"" OTHER_ROLE "\"},"
    "{\"OutputKey\": \"VantageCrossAccountRoleArn\", \"OutputValue\": \"" ROLE "\"}]",
    NULL, INFLOW_PASTE_SOURCE_STACK_OUTPUTS, ROLE, 0, NULL },
  { "console outputs table",
    "Key\tValue\tDescription\tExport name\n"
    "VantageCostAndUsageReportBucketArn\tarn:aws:s3:::vantage-cur\tThe ARN of the bucket\t-\n"
    "VantageCrossAccountRoleArn\t" ROLE "\tThe ARN of the role Vantage assumes\t-\n",
    NULL, INFLOW_PASTE_SOURCE_STACK_OUTPUTS, ROLE, 0, NULL },

  /* Ambiguity */
  { "two roles", ROLE "\n" OTHER_ROLE "\n", NULL, INFLOW_PASTE_SOURCE_TEXT, NULL, INFLOW_ONBOARDING_ERROR_AMBIGUOUS,
    "Found 2 different role ARNs: " ROLE ", " OTHER_ROLE "." },
  { "two roles, account known", ROLE "\n" OTHER_ROLE "\n", "210987654321", INFLOW_PASTE_SOURCE_TEXT, OTHER_ROLE, 0, NULL },
  { "same role twice", ROLE " and again " ROLE, NULL, INFLOW_PASTE_SOURCE_TEXT, ROLE, 0, NULL },

  /* Console links */
  { "console link",
    "https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/roles/details/vantage_cross_account_connection?section=permissions",
    "123456789012", INFLOW_PASTE_SOURCE_CONSOLE_URL, ROLE, 0, "names the role but not its path" },
  { "multi-session link",
    "https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/iam/home#/roles/details/vantage_cross_account_connection",
    NULL, INFLOW_PASTE_SOURCE_CONSOLE_URL, ROLE, 0, NULL },
  { "GovCloud link, old form", "https://console.amazonaws-us-gov.com/iam/home#/roles/Reader", "123456789012",
    INFLOW_PASTE_SOURCE_CONSOLE_URL, "arn:aws-us-gov:iam::123456789012:role/Reader", 0, NULL },
  { "escaped name", "https://console.aws.amazon.com/iam/home#/roles/details/a%2Bb%40c", "123456789012",
    INFLOW_PASTE_SOURCE_CONSOLE_URL, "arn:aws:iam::123456789012:role/a+b@c", 0, NULL },
  { "link without account", "https://console.aws.amazon.com/iam/home#/roles/details/vantage", NULL,
    INFLOW_PASTE_SOURCE_CONSOLE_URL, NULL, INFLOW_ONBOARDING_ERROR_MISSING, "names the role vantage but not its account" },
  { "not an AWS link", "https://example.com/iam/home#/roles/details/vantage", "123456789012",
    INFLOW_PASTE_SOURCE_CONSOLE_URL, NULL, INFLOW_ONBOARDING_ERROR_NOT_FOUND, "does not lead to the AWS console" },
  { "lookalike subdomain", "https://evilconsole.aws.amazon.com/iam/home#/roles/details/vantage", "123456789012",
    INFLOW_PASTE_SOURCE_CONSOLE_URL, NULL, INFLOW_ONBOARDING_ERROR_NOT_FOUND, "does not lead to the AWS console" },
  { "lookalike host", "https://console.aws.amazon.com.example.net/iam/home#/roles/details/vantage", "123456789012",
    INFLOW_PASTE_SOURCE_CONSOLE_URL, NULL, INFLOW_ONBOARDING_ERROR_NOT_FOUND, "does not lead to the AWS console" },
  { "not a role page", "https://console.aws.amazon.com/s3/home?region=us-east-1", "123456789012",
    INFLOW_PASTE_SOURCE_CONSOLE_URL, NULL, INFLOW_ONBOARDING_ERROR_NOT_FOUND, "does not show a role" },

  /* Errors carried over from the only ARN-like text */
  { "China ARN", "arn:aws-cn:iam::123456789012:role/x", NULL, INFLOW_PASTE_SOURCE_TEXT, NULL,
    INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION, "“aws-cn” is not supported" },
  { "11 digits", "arn:aws:iam::12345678901:role/x", NULL, INFLOW_PASTE_SOURCE_TEXT, NULL,
    INFLOW_ONBOARDING_ERROR_INVALID, "The account ID has 11 digits" },
  { "user ARN", "arn:aws:iam::123456789012:user/bob", NULL, INFLOW_PASTE_SOURCE_TEXT, NULL,
    INFLOW_ONBOARDING_ERROR_INVALID, "IAM user" },
  { "bucket ARN", "arn:aws:s3:::vantage-cur", NULL, INFLOW_PASTE_SOURCE_TEXT, NULL,
    INFLOW_ONBOARDING_ERROR_INVALID, "“s3” service" },
  { "nothing", "   \n", NULL, INFLOW_PASTE_SOURCE_TEXT, NULL, INFLOW_ONBOARDING_ERROR_MISSING, "Nothing was pasted" },
  { "no ARN", "vantage_cross_account_connection", NULL, INFLOW_PASTE_SOURCE_TEXT, NULL,
    INFLOW_ONBOARDING_ERROR_NOT_FOUND, "No role ARN found" },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const PasteCase *c = &cases[i];
      g_autoptr(InflowPasteResult) result = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case: %s", c->name);
      result = inflow_smart_paste_role_arn (c->text, TEST_VANTAGE_ROLE, c->hint, &error);

      if (c->arn != NULL)
        {
          g_assert_no_error (error);
          g_assert_nonnull (result);
          g_assert_cmpstr (result->role_arn, ==, c->arn);
          g_assert_cmpint (result->source, ==, c->source);
          if (c->message != NULL && (result->explanation == NULL || strstr (result->explanation, c->message) == NULL))
            g_error ("%s: explanation “%s” lacks “%s”", c->name, result->explanation, c->message);
          continue;
        }

      g_assert_null (result);
      g_assert_error (error, INFLOW_ONBOARDING_ERROR, c->code);
      if (strstr (error->message, c->message) == NULL)
        g_error ("%s: message “%s” lacks “%s”", c->name, error->message, c->message);
    }
}

/* Without the provider info, Vantage's account still marks its principal. */
static void
test_without_vantage_arn (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowPasteResult) result = NULL;

  result = inflow_smart_paste_role_arn ("ARN " ROLE "\nTrusted: arn:aws:iam::630399649041:role/anything", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->role_arn, ==, ROLE);
  g_assert_cmpstr (result->role->account_id, ==, "123456789012");
  g_assert_cmpstr (result->role->name, ==, "vantage_cross_account_connection");
}

/* Hostile pastes: deep nesting, huge text, invalid UTF-8. */
static void
test_hostile_input (void)
{
  g_autoptr(GString) nested = g_string_new (NULL);
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(InflowPasteResult) result = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append (nested, "[");
  g_string_append (nested, "\"" ROLE "\"");
  for (guint i = 0; i < 200; i++)
    g_string_append (nested, "]");
  result = inflow_smart_paste_role_arn (nested->str, TEST_VANTAGE_ROLE, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_NOT_FOUND);
  g_clear_error (&error);

  for (guint i = 0; i < 20000; i++)
    g_string_append (huge, "noise ");
  g_string_append (huge, ROLE);
  result = inflow_smart_paste_role_arn (huge->str, TEST_VANTAGE_ROLE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->role_arn, ==, ROLE);
  g_clear_pointer (&result, inflow_paste_result_free);

  result = inflow_smart_paste_role_arn ("arn:aws:iam::123456789012:role/x\xff", TEST_VANTAGE_ROLE, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID);
}

/* list-stack-instances in JSON: one entry per account, the best state of
 * its regions, with CloudFormation's reason for a failure. */
static void
test_stack_instances_json (void)
{
  static const char json[] =
    "{\n  \"Summaries\": [\n"
    "    {\"StackSetId\": \"vantage-integration:0f1e\", \"Region\": \"us-east-1\", \"Account\": \"111122223333\",\n"
    "     \"StackId\": \"arn:aws:cloudformation:us-east-1:111122223333:stack/StackSet-vantage/1\",\n"
    "     \"Status\": \"CURRENT\", \"StackInstanceStatus\": {\"DetailedStatus\": \"SUCCEEDED\"},\n"
    "     \"OrganizationalUnitId\": \"ou-ab12-cd34ef56\", \"DriftStatus\": \"NOT_CHECKED\"},\n"
    "    {\"StackSetId\": \"vantage-integration:0f1e\", \"Region\": \"us-east-1\", \"Account\": \"444455556666\",\n"
    "     \"Status\": \"OUTDATED\", \"StatusReason\": \"Role vantage_cross_account_connection already exists\",\n"
    "     \"StackInstanceStatus\": {\"DetailedStatus\": \"FAILED\"}},\n"
    "    {\"StackSetId\": \"vantage-integration:0f1e\", \"Region\": \"us-east-1\", \"Account\": \"777788889999\",\n"
    "     \"Status\": \"OUTDATED\", \"StackInstanceStatus\": {\"DetailedStatus\": \"RUNNING\"}},\n"
    "    {\"StackSetId\": \"vantage-integration:0f1e\", \"Region\": \"eu-west-1\", \"Account\": \"444455556666\",\n"
    "     \"Status\": \"CURRENT\"}\n"
    "  ]\n}\n";
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GError) error = NULL;
  InflowStackInstance *instance;

  instances = inflow_smart_paste_stack_instances (json, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (instances->len, ==, 3);

  instance = g_ptr_array_index (instances, 0);
  g_assert_cmpstr (instance->account_id, ==, "111122223333");
  g_assert_cmpint (instance->state, ==, INFLOW_STACK_INSTANCE_DEPLOYED);
  g_assert_cmpstr (instance->status, ==, "CURRENT · SUCCEEDED");

  /* Failed in us-east-1, current in eu-west-1: the role is there. */
  instance = g_ptr_array_index (instances, 1);
  g_assert_cmpstr (instance->account_id, ==, "444455556666");
  g_assert_cmpint (instance->state, ==, INFLOW_STACK_INSTANCE_DEPLOYED);
  g_assert_null (instance->status_reason);

  instance = g_ptr_array_index (instances, 2);
  g_assert_cmpint (instance->state, ==, INFLOW_STACK_INSTANCE_DEPLOYING);

  /* describe-stack-instance: one object; its failure reason kept. */
  g_clear_pointer (&instances, g_ptr_array_unref);
  instances = inflow_smart_paste_stack_instances ("{\"StackInstance\": {\"Account\": \"444455556666\", \"Status\": \"INOPERABLE\","
                                                  " \"StatusReason\": \"Account is suspended\"}}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (instances->len, ==, 1);
  instance = g_ptr_array_index (instances, 0);
  g_assert_cmpint (instance->state, ==, INFLOW_STACK_INSTANCE_FAILED);
  g_assert_cmpstr (instance->status_reason, ==, "Account is suspended");
}

/* Text and table output, and pastes that name no stack instance. */
static void
test_stack_instances_text (void)
{
  static const char text[] =
    "SUMMARIES\t111122223333\tou-ab12-cd34ef56\tus-east-1\tarn:aws:cloudformation:us-east-1:111122223333:stack/x\tvantage:1\tCURRENT\n"
    "STACKINSTANCESTATUS\tSUCCEEDED\n"
    "|  222233334444 |  us-east-1 |  OUTDATED |  FAILED  |\n";
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GError) error = NULL;

  instances = inflow_smart_paste_stack_instances (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (instances->len, ==, 2);
  g_assert_cmpint (((InflowStackInstance *) g_ptr_array_index (instances, 0))->state, ==, INFLOW_STACK_INSTANCE_DEPLOYED);
  g_assert_cmpint (((InflowStackInstance *) g_ptr_array_index (instances, 1))->state, ==, INFLOW_STACK_INSTANCE_FAILED);
  g_assert_cmpstr (((InflowStackInstance *) g_ptr_array_index (instances, 1))->status, ==, "OUTDATED · FAILED");

  g_clear_pointer (&instances, g_ptr_array_unref);
  instances = inflow_smart_paste_stack_instances ("{\"Summaries\": []}", &error);
  g_assert_null (instances);
  g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_NOT_FOUND);
  g_clear_error (&error);

  instances = inflow_smart_paste_stack_instances ("account 12345678901 is short", &error);
  g_assert_null (instances);
  g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/onboarding/smart-paste/cases", test_cases);
  g_test_add_func ("/onboarding/smart-paste/without-vantage-arn", test_without_vantage_arn);
  g_test_add_func ("/onboarding/smart-paste/hostile-input", test_hostile_input);
  g_test_add_func ("/onboarding/smart-paste/stack-instances-json", test_stack_instances_json);
  g_test_add_func ("/onboarding/smart-paste/stack-instances-text", test_stack_instances_text);

  return inflow_test_run ();
}
