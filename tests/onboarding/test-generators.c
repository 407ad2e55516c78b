/* test-generators.c: CloudFormation, CLI, Terraform, IAM console and StackSet material
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "inflow-aws-documents.h"
#include "inflow-cfn-template.h"
#include "inflow-cli-script.h"
#include "inflow-console-links.h"
#include "inflow-iam-console.h"
#include "inflow-onboarding-error.h"
#include "inflow-stackset.h"
#include "inflow-terraform-snippet.h"
#include "inflow-test-utils.h"
#include "onboarding-test-support.h"

typedef struct
{
  const char         *name;
  InflowAwsPartition  partition;
  InflowAccountKind   kind;
} Variant;

static const Variant variants[] = {
  { "aws-management", INFLOW_AWS_PARTITION_AWS, INFLOW_ACCOUNT_KIND_MANAGEMENT },
  { "aws-member", INFLOW_AWS_PARTITION_AWS, INFLOW_ACCOUNT_KIND_MEMBER },
  { "gov-management", INFLOW_AWS_PARTITION_AWS_US_GOV, INFLOW_ACCOUNT_KIND_MANAGEMENT },
  { "gov-member", INFLOW_AWS_PARTITION_AWS_US_GOV, INFLOW_ACCOUNT_KIND_MEMBER },
};

/* A policy whose strings would do harm if anything in a script evaluated
 * them. */
static const char hostile_policy[] =
  "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Its\",\"Effect\":\"Allow\","
  "\"Action\":[\"ec2:Describe*\"],\"Resource\":\"*\",\"Condition\":{\"StringLike\":{"
  "\"aws:PrincipalTag/note\":[\"it's $(touch pwned) `touch pwned2` ${HOME} \\\"q\\\" \\\\ \\n line\","
  "\"ünïcødé “quotes” 日本語 🙂\",\"'; touch pwned3; '\",\"\\u0007\\t!!\"]}}}]}";

static void
assert_script_syntax (const char *script)
{
  g_autofree char *diagnostics = NULL;

  if (!test_bash_syntax_ok (script, &diagnostics))
    g_error ("bash -n failed: %s\n%s", diagnostics, script);
}

/* A command alone (not a whole script) must parse as well. */
static void
assert_command_syntax (const char *command)
{
  g_autofree char *script = g_strconcat (command, "\n", NULL);

  assert_script_syntax (script);
}

static JsonObject *
get_object (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  return json_node_get_object (node);
}

static GStrv
member_names (JsonObject *object)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GList *members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    g_strv_builder_add (builder, l->data);
  g_list_free (members);

  return g_strv_builder_end (builder);
}

static void
assert_strv_equal (GStrv               actual,
                   const char * const *expected)
{
  g_autofree char *actual_text = g_strjoinv (", ", actual);
  g_autofree char *expected_text = g_strjoinv (", ", (GStrv) expected);

  g_assert_cmpstr (actual_text, ==, expected_text);
}

/* Goldens of every generator, both partitions, both account kinds. */
static void
test_goldens (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      const Variant *v = &variants[i];
      g_autoptr(InflowOnboardingInfo) info = test_info_new (v->partition);
      g_autoptr(InflowOnboardingChoices) choices = test_choices_new (v->kind, v->partition);
      g_autoptr(InflowCfnMaterial) cfn = NULL;
      g_autoptr(InflowIamConsoleMaterial) iam = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *script = NULL;
      g_autofree char *iam_text = NULL;
      g_autofree char *cfn_commands = NULL;
      g_autofree char *golden = NULL;
      g_autofree char *terraform = NULL;

      g_test_message ("variant %s", v->name);

      cfn = inflow_cfn_material_generate (info, choices, &error);
      g_assert_no_error (error);
      golden = g_strdup_printf ("cfn-%s.json", v->name);
      test_assert_golden (golden, cfn->template_json);
      cfn_commands = g_strdup_printf ("file: %s\nregion: %s\nconsole: %s\nvantage: %s\nnote: %s\n\n%s\n\n%s\n",
                                      cfn->file_name, cfn->region, cfn->console_url, cfn->vantage_console_url,
                                      cfn->note != NULL ? cfn->note : "(none)",
                                      cfn->deploy_command, cfn->outputs_command);
      g_free (golden);
      golden = g_strdup_printf ("cfn-%s-commands.txt", v->name);
      test_assert_golden (golden, cfn_commands);
      assert_command_syntax (cfn->deploy_command);
      assert_command_syntax (cfn->outputs_command);
      g_assert_true (inflow_console_link_is_allowed (cfn->console_url));
      g_assert_true (g_str_has_prefix (cfn->console_url,
                                       v->partition == INFLOW_AWS_PARTITION_AWS
                                       ? "https://console.aws.amazon.com/"
                                       : "https://console.amazonaws-us-gov.com/"));
      g_assert_cmpstr (cfn->vantage_console_url, ==, "https://console.vantage.sh/settings/integrations");
      g_assert_null (strstr (cfn->template_json, "Handshake"));

      script = inflow_cli_script_generate (info, choices, &error);
      g_assert_no_error (error);
      g_free (golden);
      golden = g_strdup_printf ("cli-%s.sh", v->name);
      test_assert_golden (golden, script);
      assert_script_syntax (script);
      g_assert_true (g_str_has_prefix (script, "#!/usr/bin/env bash\n"));
      g_assert_nonnull (strstr (script, "\nset -euo pipefail\n"));

      iam = inflow_iam_console_material_generate (info, choices, &error);
      g_assert_no_error (error);
      iam_text = inflow_iam_console_material_to_text (iam);
      g_free (golden);
      golden = g_strdup_printf ("iam-%s.txt", v->name);
      test_assert_golden (golden, iam_text);
      g_assert_true (inflow_console_link_is_allowed (iam->console_url));

      terraform = inflow_terraform_snippet_generate (choices, &error);
      if (v->partition == INFLOW_AWS_PARTITION_AWS)
        {
          g_assert_no_error (error);
          g_free (golden);
          golden = g_strdup_printf ("terraform-%s.tf", v->name);
          test_assert_golden (golden, terraform);
        }
      else
        {
          g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED);
          g_assert_nonnull (strstr (error->message, "GovCloud"));
          g_assert_null (terraform);
        }
    }
}

/* The StackSet material does not depend on the account kind. */
static void
test_stackset_goldens (void)
{
  static const char * const targets[] = { "ou-ab12-cd34ef56", "r-ab12", "ou-ab12-cd34ef56", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      const Variant *v = &variants[i];
      g_autoptr(InflowOnboardingInfo) info = test_info_new (v->partition);
      g_autoptr(InflowOnboardingChoices) choices = test_choices_new (v->kind, v->partition);
      g_autoptr(InflowStackSetMaterial) material = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *golden = NULL;
      g_autoptr(JsonNode) template = NULL;
      JsonObject *resources;

      g_free (choices->stack_name);
      choices->stack_name = g_strdup ("vantage-member-roles");

      material = inflow_stackset_material_generate (info, choices, targets, NULL, &error);
      g_assert_no_error (error);

      golden = g_strdup_printf ("stackset-%s.sh", v->partition == INFLOW_AWS_PARTITION_AWS ? "aws" : "gov");
      test_assert_golden (golden, material->script);
      assert_script_syntax (material->script);
      assert_command_syntax (material->check_access_command);
      assert_command_syntax (material->activate_access_command);
      assert_command_syntax (material->create_stack_set_command);
      assert_command_syntax (material->create_instances_command);

      g_assert_nonnull (strstr (material->check_access_command, "aws organizations list-aws-service-access-for-organization"));
      g_assert_true (g_str_has_prefix (material->activate_access_command, "aws cloudformation activate-organizations-access"));
      g_assert_nonnull (strstr (material->create_stack_set_command, "--permission-model 'SERVICE_MANAGED'"));
      g_assert_nonnull (strstr (material->create_instances_command,
                                "--deployment-targets 'OrganizationalUnitIds=ou-ab12-cd34ef56,r-ab12'"));
      g_assert_nonnull (strstr (material->management_account_note, "never deploys to the management account"));
      g_assert_nonnull (strstr (material->script, "never deploys to the management account"));

      /* A member account's role only, whatever the kind chosen. */
      template = test_parse_json (material->template_json);
      resources = get_object (json_node_get_object (template), "Resources");
      g_assert_cmpuint (json_object_get_size (resources), ==, 1);
      g_assert_true (json_object_has_member (resources, INFLOW_CFN_ROLE_RESOURCE));
    }
}

static void
check_role (JsonObject                    *role,
            const InflowOnboardingInfo    *info,
            const InflowOnboardingChoices *choices,
            const char * const            *policy_names)
{
  JsonObject *properties = get_object (role, "Properties");
  JsonObject *trust = get_object (properties, "AssumeRolePolicyDocument");
  JsonArray *statements = json_object_get_array_member (trust, "Statement");
  JsonObject *statement = json_array_get_object_element (statements, 0);
  JsonArray *managed = json_object_get_array_member (properties, "ManagedPolicyArns");
  JsonArray *policies = json_object_get_array_member (properties, "Policies");
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) actual_names = NULL;

  g_assert_cmpstr (json_object_get_string_member (role, "Type"), ==, "AWS::IAM::Role");
  g_assert_cmpstr (json_object_get_string_member (properties, "RoleName"), ==, choices->role_name);
  g_assert_cmpuint (json_array_get_length (statements), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (statement, "Effect"), ==, "Allow");
  g_assert_cmpstr (json_object_get_string_member (statement, "Action"), ==, "sts:AssumeRole");
  g_assert_cmpstr (json_object_get_string_member (get_object (statement, "Principal"), "AWS"), ==, info->vantage_role_arn);
  g_assert_cmpstr (json_object_get_string_member (get_object (get_object (statement, "Condition"), "StringEquals"), "sts:ExternalId"),
                   ==, info->external_id);

  g_assert_cmpuint (json_array_get_length (managed), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (managed, 0), ==,
                   choices->partition == INFLOW_AWS_PARTITION_AWS
                   ? "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"
                   : "arn:aws-us-gov:iam::aws:policy/job-function/ViewOnlyAccess");

  for (guint i = 0; i < json_array_get_length (policies); i++)
    {
      JsonObject *policy = json_array_get_object_element (policies, i);
      const char *name = json_object_get_string_member (policy, "PolicyName");
      JsonNode *document = json_object_get_member (policy, "PolicyDocument");

      g_strv_builder_add (names, name);
      for (guint p = 0; p < INFLOW_N_VANTAGE_POLICIES; p++)
        {
          if (g_strcmp0 (inflow_vantage_policy_get_role_policy_name (p), name) == 0)
            g_assert_true (json_node_equal (document, info->policies[p]));
        }
    }
  actual_names = g_strv_builder_end (names);
  assert_strv_equal (actual_names, policy_names);
}

/* The template names exactly the resources and policies the research lists. */
static void
test_template_structure (void)
{
  static const char * const management_policies[] = {
    "root", "VantageAutoPilot", "VantageCloudWatchMetricsReadOnly", "VantageAdditionalResourceReadOnly",
    "VantageCostandUsageReportRetrieval", NULL
  };
  static const char * const member_policies[] = {
    "root", "VantageAutoPilot", "VantageCloudWatchMetricsReadOnly", "VantageAdditionalResourceReadOnly", NULL
  };
  static const char * const no_autopilot_policies[] = {
    "root", "VantageCloudWatchMetricsReadOnly", "VantageAdditionalResourceReadOnly", NULL
  };
  static const char * const management_resources[] = {
    INFLOW_CFN_ROLE_RESOURCE, INFLOW_CFN_BUCKET_RESOURCE, INFLOW_CFN_BUCKET_POLICY_RESOURCE, INFLOW_CFN_REPORT_RESOURCE, NULL
  };
  static const char * const member_resources[] = { INFLOW_CFN_ROLE_RESOURCE, NULL };
  static const char * const bucket_policy_sids[] = {
    "S3BucketPermissionsRetrieval", "S3PutObject", "EnableAWSDataExportsToWriteToS3AndCheckPolicy",
    "VantageCrossAccountRoleRead", NULL
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      const Variant *v = &variants[i];
      g_autoptr(InflowOnboardingInfo) info = test_info_new (v->partition);
      g_autoptr(InflowOnboardingChoices) choices = test_choices_new (v->kind, v->partition);
      gboolean cur = v->kind == INFLOW_ACCOUNT_KIND_MANAGEMENT && v->partition == INFLOW_AWS_PARTITION_AWS;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = inflow_cfn_template_generate (info, choices, &error);
      g_autoptr(JsonNode) root = NULL;
      g_auto(GStrv) resource_names = NULL;
      g_auto(GStrv) output_names = NULL;
      JsonObject *template;
      JsonObject *resources;
      JsonObject *outputs;

      g_assert_no_error (error);
      root = test_parse_json (text);
      template = json_node_get_object (root);
      g_assert_cmpstr (json_object_get_string_member (template, "AWSTemplateFormatVersion"), ==, "2010-09-09");
      resources = get_object (template, "Resources");
      resource_names = member_names (resources);
      assert_strv_equal (resource_names, cur ? management_resources : member_resources);

      check_role (get_object (resources, INFLOW_CFN_ROLE_RESOURCE), info, choices,
                  cur ? management_policies : member_policies);

      outputs = get_object (template, "Outputs");
      output_names = member_names (outputs);
      g_assert_true (g_strv_contains ((const char * const *) output_names, INFLOW_CFN_ROLE_ARN_OUTPUT));
      g_assert_cmpint (g_strv_contains ((const char * const *) output_names, INFLOW_CFN_BUCKET_ARN_OUTPUT), ==, cur);

      if (cur)
        {
          JsonObject *bucket = get_object (get_object (resources, INFLOW_CFN_BUCKET_RESOURCE), "Properties");
          JsonObject *access = get_object (bucket, "PublicAccessBlockConfiguration");
          JsonObject *rule = json_array_get_object_element (json_object_get_array_member (get_object (bucket, "LifecycleConfiguration"), "Rules"), 0);
          JsonObject *topic = json_array_get_object_element (json_object_get_array_member (get_object (bucket, "NotificationConfiguration"), "TopicConfigurations"), 0);
          JsonObject *filter_rule = json_array_get_object_element (json_object_get_array_member (get_object (get_object (topic, "Filter"), "S3Key"), "Rules"), 0);
          JsonObject *policy = get_object (get_object (get_object (resources, INFLOW_CFN_BUCKET_POLICY_RESOURCE), "Properties"), "PolicyDocument");
          JsonArray *statements = json_object_get_array_member (policy, "Statement");
          JsonObject *report = get_object (resources, INFLOW_CFN_REPORT_RESOURCE);
          JsonObject *definition = get_object (report, "Properties");
          JsonArray *schema = json_object_get_array_member (definition, "AdditionalSchemaElements");
          g_autoptr(GStrvBuilder) sids = g_strv_builder_new ();
          g_auto(GStrv) actual_sids = NULL;

          g_assert_cmpstr (json_object_get_string_member (bucket, "BucketName"), ==, TEST_BUCKET);
          g_assert_cmpuint (json_object_get_size (access), ==, 4);
          g_assert_true (json_object_get_boolean_member (access, "BlockPublicAcls"));
          g_assert_true (json_object_get_boolean_member (access, "BlockPublicPolicy"));
          g_assert_true (json_object_get_boolean_member (access, "IgnorePublicAcls"));
          g_assert_true (json_object_get_boolean_member (access, "RestrictPublicBuckets"));
          g_assert_cmpstr (json_object_get_string_member (rule, "Id"), ==, "remove-old-reports");
          g_assert_cmpint (json_object_get_int_member (rule, "ExpirationInDays"), ==, 200);
          g_assert_cmpstr (json_object_get_string_member (topic, "Event"), ==, "s3:ObjectCreated:*");
          g_assert_cmpstr (json_object_get_string_member (topic, "Topic"), ==,
                           "arn:aws:sns:us-east-1:630399649041:cost-and-usage-report-uploaded");
          g_assert_cmpstr (json_object_get_string_member (filter_rule, "Name"), ==, "suffix");
          g_assert_cmpstr (json_object_get_string_member (filter_rule, "Value"), ==, ".csv.gz");

          for (guint s = 0; s < json_array_get_length (statements); s++)
            g_strv_builder_add (sids, json_object_get_string_member (json_array_get_object_element (statements, s), "Sid"));
          actual_sids = g_strv_builder_end (sids);
          assert_strv_equal (actual_sids, bucket_policy_sids);

          g_assert_cmpstr (json_object_get_string_member (report, "Type"), ==, "AWS::CUR::ReportDefinition");
          g_assert_cmpstr (json_object_get_string_member (report, "DependsOn"), ==, INFLOW_CFN_BUCKET_POLICY_RESOURCE);
          g_assert_cmpstr (json_object_get_string_member (definition, "ReportName"), ==, "VantageReport");
          g_assert_cmpstr (json_object_get_string_member (definition, "TimeUnit"), ==, "DAILY");
          g_assert_cmpstr (json_object_get_string_member (definition, "Format"), ==, "textORcsv");
          g_assert_cmpstr (json_object_get_string_member (definition, "Compression"), ==, "GZIP");
          g_assert_cmpuint (json_array_get_length (schema), ==, 1);
          g_assert_cmpstr (json_array_get_string_element (schema, 0), ==, "RESOURCES");
          g_assert_cmpstr (json_object_get_string_member (definition, "S3Bucket"), ==, TEST_BUCKET);
          g_assert_cmpstr (json_object_get_string_member (definition, "S3Prefix"), ==, "daily-v1");
          g_assert_cmpstr (json_object_get_string_member (definition, "S3Region"), ==, "us-east-1");
          g_assert_cmpstr (json_object_get_string_member (definition, "ReportVersioning"), ==, "OVERWRITE_REPORT");
          g_assert_true (json_object_get_boolean_member (definition, "RefreshClosedReports"));
          g_assert_false (json_object_has_member (definition, "AdditionalArtifacts"));
        }
    }

  /* Without Autopilot, its policy stays off the role. */
  {
    g_autoptr(InflowOnboardingInfo) info = test_info_new (INFLOW_AWS_PARTITION_AWS);
    g_autoptr(InflowOnboardingChoices) choices = test_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_AWS_PARTITION_AWS);
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;
    g_autoptr(JsonNode) root = NULL;

    choices->enable_autopilot = FALSE;
    text = inflow_cfn_template_generate (info, choices, &error);
    g_assert_no_error (error);
    root = test_parse_json (text);
    check_role (get_object (get_object (json_node_get_object (root), "Resources"), INFLOW_CFN_ROLE_RESOURCE),
                info, choices, no_autopilot_policies);
  }
}

static GStrv
find_call (GPtrArray  *calls,
           const char *service,
           const char *operation,
           guint       nth)
{
  for (guint i = 0; i < calls->len; i++)
    {
      GStrv call = g_ptr_array_index (calls, i);

      if (g_strcmp0 (call[0], service) == 0 && g_strcmp0 (call[1], operation) == 0 && nth-- == 0)
        return call;
    }

  return NULL;
}

static void
assert_json_argument_equals (GStrv       call,
                             const char *flag,
                             JsonNode   *expected)
{
  g_autoptr(JsonNode) actual = test_parse_json (test_call_get_option (call, flag));

  g_assert_true (json_node_equal (actual, expected));
}

/* Runs the management script against a stand-in aws and checks what each
 * call received, byte for byte once parsed. */
static void
test_cli_script_runs (void)
{
  static const char * const expected_calls[][2] = {
    { "sts", "get-caller-identity" },
    { "iam", "create-role" },
    { "iam", "wait" },
    { "iam", "put-role-policy" },
    { "iam", "put-role-policy" },
    { "iam", "put-role-policy" },
    { "iam", "put-role-policy" },
    { "iam", "put-role-policy" },
    { "iam", "attach-role-policy" },
    { "s3api", "create-bucket" },
    { "s3api", "put-public-access-block" },
    { "s3api", "put-bucket-lifecycle-configuration" },
    { "s3api", "put-bucket-policy" },
    { "s3api", "put-bucket-notification-configuration" },
    { "cur", "put-report-definition" },
  };
  g_autoptr(InflowOnboardingInfo) info = test_info_new (INFLOW_AWS_PARTITION_AWS);
  g_autoptr(InflowOnboardingChoices) choices = test_choices_new (INFLOW_ACCOUNT_KIND_MANAGEMENT, INFLOW_AWS_PARTITION_AWS);
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) policies = NULL;
  g_autoptr(JsonNode) trust = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(JsonNode) bucket_policy = NULL;
  g_autofree char *role_arn = NULL;
  GStrv call;
  int status = -1;

  g_free (choices->bucket_region);
  choices->bucket_region = g_strdup ("eu-west-2");
  g_free (choices->report_name);
  choices->report_name = g_strdup ("Vantage'Report(1)!*");
  g_free (choices->role_path);
  choices->role_path = g_strdup ("/$(touch${IFS}pwned)/`touch${IFS}pwned2`/it's/\"q\"/");
  json_node_unref (info->policies[INFLOW_VANTAGE_POLICY_RESOURCES]);
  info->policies[INFLOW_VANTAGE_POLICY_RESOURCES] = test_parse_json (hostile_policy);

  script = inflow_cli_script_generate (info, choices, &error);
  g_assert_no_error (error);
  assert_script_syntax (script);

  calls = test_run_with_fake_aws (script, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpuint (calls->len, ==, G_N_ELEMENTS (expected_calls));
  for (guint i = 0; i < calls->len; i++)
    {
      GStrv c = g_ptr_array_index (calls, i);

      g_assert_cmpstr (c[0], ==, expected_calls[i][0]);
      g_assert_cmpstr (c[1], ==, expected_calls[i][1]);
    }

  call = find_call (calls, "iam", "create-role", 0);
  g_assert_cmpstr (test_call_get_option (call, "--role-name"), ==, choices->role_name);
  g_assert_cmpstr (test_call_get_option (call, "--path"), ==, choices->role_path);
  trust = inflow_aws_trust_policy_new (info);
  assert_json_argument_equals (call, "--assume-role-policy-document", trust);

  policies = inflow_aws_role_policies_new (info, choices, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < policies->len; i++)
    {
      InflowNamedPolicy *policy = g_ptr_array_index (policies, i);

      call = find_call (calls, "iam", "put-role-policy", i);
      g_assert_cmpstr (test_call_get_option (call, "--role-name"), ==, choices->role_name);
      g_assert_cmpstr (test_call_get_option (call, "--policy-name"), ==, policy->name);
      assert_json_argument_equals (call, "--policy-document", policy->document);
    }
  /* The hostile strings arrived unchanged. */
  call = find_call (calls, "iam", "put-role-policy", 3);
  g_assert_cmpstr (test_call_get_option (call, "--policy-name"), ==, "VantageAdditionalResourceReadOnly");
  {
    g_autoptr(JsonNode) hostile = test_parse_json (hostile_policy);

    assert_json_argument_equals (call, "--policy-document", hostile);
  }

  call = find_call (calls, "iam", "attach-role-policy", 0);
  g_assert_cmpstr (test_call_get_option (call, "--policy-arn"), ==, "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess");

  call = find_call (calls, "s3api", "create-bucket", 0);
  g_assert_cmpstr (test_call_get_option (call, "--bucket"), ==, TEST_BUCKET);
  g_assert_cmpstr (test_call_get_option (call, "--create-bucket-configuration"), ==, "LocationConstraint=eu-west-2");

  /* The bucket policy carries the account ID and role ARN the script
   * learned while running. */
  call = find_call (calls, "s3api", "put-bucket-policy", 0);
  role_arn = g_strconcat ("arn:aws:iam::" TEST_ACCOUNT_ID ":role", choices->role_path, choices->role_name, NULL);
  bucket_policy = inflow_aws_bucket_policy_new (INFLOW_DOCUMENT_STYLE_LITERAL, TEST_BUCKET, TEST_ACCOUNT_ID, role_arn);
  assert_json_argument_equals (call, "--policy", bucket_policy);

  call = find_call (calls, "s3api", "put-bucket-notification-configuration", 0);
  g_assert_nonnull (strstr (test_call_get_option (call, "--notification-configuration"),
                            "arn:aws:sns:eu-west-2:630399649041:cost-and-usage-report-uploaded"));

  call = find_call (calls, "cur", "put-report-definition", 0);
  g_assert_cmpstr (test_call_get_option (call, "--region"), ==, "us-east-1");
  report = inflow_aws_report_definition_new (choices);
  assert_json_argument_equals (call, "--report-definition", report);
  g_assert_nonnull (strstr (test_call_get_option (call, "--report-definition"), "\"Vantage'Report(1)!*\""));
}

/* With the credentials of another account, the script changes nothing. */
static void
test_cli_script_wrong_account (void)
{
  g_autoptr(InflowOnboardingInfo) info = test_info_new (INFLOW_AWS_PARTITION_AWS);
  g_autoptr(InflowOnboardingChoices) choices = test_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_AWS_PARTITION_AWS);
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  int status = 0;

  g_free (choices->account_id);
  choices->account_id = g_strdup ("999999999999");
  script = inflow_cli_script_generate (info, choices, &error);
  g_assert_no_error (error);

  calls = test_run_with_fake_aws (script, &status);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (calls, 0))[1], ==, "get-caller-identity");
}

/* The StackSet script hands the template over intact, hostile strings and all. */
static void
test_stackset_script_runs (void)
{
  static const char * const targets[] = { "r-ab12", NULL };
  static const char * const regions[] = { "eu-west-1", NULL };
  g_autoptr(InflowOnboardingInfo) info = test_info_new (INFLOW_AWS_PARTITION_AWS);
  g_autoptr(InflowOnboardingChoices) choices = test_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_AWS_PARTITION_AWS);
  g_autoptr(InflowStackSetMaterial) material = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(JsonNode) template = NULL;
  GStrv call;
  int status = -1;

  json_node_unref (info->policies[INFLOW_VANTAGE_POLICY_ROOT]);
  info->policies[INFLOW_VANTAGE_POLICY_ROOT] = test_parse_json (hostile_policy);

  material = inflow_stackset_material_generate (info, choices, targets, regions, &error);
  g_assert_no_error (error);
  assert_script_syntax (material->script);

  calls = test_run_with_fake_aws (material->script, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpuint (calls->len, ==, 5);

  /* The stand-in reports trusted access off, so the script activates it. */
  g_assert_nonnull (find_call (calls, "organizations", "list-aws-service-access-for-organization", 0));
  g_assert_nonnull (find_call (calls, "cloudformation", "activate-organizations-access", 0));

  call = find_call (calls, "cloudformation", "create-stack-set", 0);
  g_assert_cmpstr (test_call_get_option (call, "--region"), ==, "eu-west-1");
  g_assert_cmpstr (test_call_get_option (call, "--permission-model"), ==, "SERVICE_MANAGED");
  g_assert_cmpstr (test_call_get_option (call, "--capabilities"), ==, "CAPABILITY_NAMED_IAM");
  template = test_parse_json (material->template_json);
  assert_json_argument_equals (call, "--template-body", template);

  call = find_call (calls, "cloudformation", "create-stack-instances", 0);
  g_assert_cmpstr (test_call_get_option (call, "--deployment-targets"), ==, "OrganizationalUnitIds=r-ab12");
  g_assert_cmpstr (test_call_get_option (call, "--regions"), ==, "eu-west-1");
}

/* Hostile names are refused, with the reason, before any text is made. */
static void
test_hostile_names_refused (void)
{
  static const struct
  {
    const char *role_name;
    const char *stack_name;
    const char *message;
  } cases[] = {
    { "it's", "vantage-integration", "The role name contains “'”" },
    { "$(touch pwned)", "vantage-integration", "The role name contains “$”" },
    { "`id`", "vantage-integration", "The role name contains “`”" },
    { "new\nline", "vantage-integration", "The role name contains “U+000A”" },
    { "rôle", "vantage-integration", "The role name contains “ô”" },
    { "vantage", "stack'name", "“'” is not allowed" },
    { "vantage", "stack$(id)", "“$” is not allowed" },
    { "vantage", "stäck", "“ä” is not allowed" },
    { "vantage", "stack\nname", "“U+000A” is not allowed" },
  };
  g_autoptr(InflowOnboardingInfo) info = test_info_new (INFLOW_AWS_PARTITION_AWS);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(InflowOnboardingChoices) choices = test_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_AWS_PARTITION_AWS);
      g_autoptr(GError) cli_error = NULL;
      g_autoptr(GError) cfn_error = NULL;
      g_autoptr(GError) tf_error = NULL;
      g_autofree char *script = NULL;
      g_autofree char *template = NULL;
      g_autofree char *terraform = NULL;

      g_free (choices->role_name);
      choices->role_name = g_strdup (cases[i].role_name);
      g_free (choices->stack_name);
      choices->stack_name = g_strdup (cases[i].stack_name);

      script = inflow_cli_script_generate (info, choices, &cli_error);
      template = inflow_cfn_template_generate (info, choices, &cfn_error);
      terraform = inflow_terraform_snippet_generate (choices, &tf_error);
      g_assert_null (script);
      g_assert_null (template);
      g_assert_null (terraform);
      g_assert_error (cli_error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID);
      g_assert_error (cfn_error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID);
      g_assert_error (tf_error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID);
      if (strstr (cli_error->message, cases[i].message) == NULL)
        g_error ("“%s” lacks “%s”", cli_error->message, cases[i].message);
    }
}

static void
test_errors (void)
{
  g_autoptr(InflowOnboardingInfo) info = test_info_new (INFLOW_AWS_PARTITION_AWS);
  g_autoptr(InflowOnboardingInfo) gov_info = test_info_new (INFLOW_AWS_PARTITION_AWS_US_GOV);
  g_autoptr(GError) error = NULL;
  char *text;

  /* CloudFormation's CUR resource exists in us-east-1 stacks only. */
  {
    g_autoptr(InflowOnboardingChoices) choices = test_choices_new (INFLOW_ACCOUNT_KIND_MANAGEMENT, INFLOW_AWS_PARTITION_AWS);

    g_free (choices->bucket_region);
    choices->bucket_region = g_strdup ("ap-southeast-1");
    text = inflow_cfn_template_generate (info, choices, &error);
    g_assert_null (text);
    g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED);
    g_assert_nonnull (strstr (error->message, "only in a stack in us-east-1"));
    g_assert_nonnull (strstr (error->message, "ap-southeast-1"));
    g_clear_error (&error);

    /* The CLI and Terraform can. */
    text = inflow_cli_script_generate (info, choices, &error);
    g_assert_no_error (error);
    g_free (text);
    text = inflow_terraform_snippet_generate (choices, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, "region = \"ap-southeast-1\""));
    g_free (text);

    g_free (choices->bucket_region);
    choices->bucket_region = g_strdup ("eu-central-1");
    text = inflow_cli_script_generate (info, choices, &error);
    g_assert_null (text);
    g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID);
    g_clear_error (&error);

    g_clear_pointer (&choices->bucket_name, g_free);
    text = inflow_cli_script_generate (info, choices, &error);
    g_assert_null (text);
    g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING);
    g_clear_error (&error);
  }

  /* A GovCloud role cannot trust an aws-partition principal. */
  {
    g_autoptr(InflowOnboardingChoices) choices = test_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_AWS_PARTITION_AWS_US_GOV);

    text = inflow_cli_script_generate (info, choices, &error);
    g_assert_null (text);
    g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_PARTITION_MISMATCH);
    g_assert_nonnull (strstr (error->message, "in the aws partition but this account is in aws-us-gov"));
    g_clear_error (&error);

    text = inflow_cli_script_generate (gov_info, choices, &error);
    g_assert_no_error (error);
    g_free (text);
  }

  /* Autopilot chosen but not offered. */
  {
    g_autoptr(InflowOnboardingChoices) choices = test_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_AWS_PARTITION_AWS);
    g_autoptr(InflowOnboardingInfo) no_autopilot = inflow_onboarding_info_copy (info);

    inflow_onboarding_info_set_policy (no_autopilot, INFLOW_VANTAGE_POLICY_AUTOPILOT, NULL);
    text = inflow_cfn_template_generate (no_autopilot, choices, &error);
    g_assert_null (text);
    g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING);
    g_assert_nonnull (strstr (error->message, "“autopilot”"));
    g_clear_error (&error);

    choices->enable_autopilot = FALSE;
    text = inflow_cfn_template_generate (no_autopilot, choices, &error);
    g_assert_no_error (error);
    g_assert_null (strstr (text, "VantageAutoPilot"));
    g_free (text);
  }

  /* Broken provider info. */
  {
    g_autoptr(InflowOnboardingInfo) broken = inflow_onboarding_info_copy (info);

    g_assert_false (inflow_onboarding_info_set_policy_text (broken, INFLOW_VANTAGE_POLICY_ROOT, "{\"Version\": ", &error));
    g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID_POLICY);
    g_assert_nonnull (strstr (error->message, "“root”"));
    g_clear_error (&error);

    g_assert_false (inflow_onboarding_info_set_policy_text (broken, INFLOW_VANTAGE_POLICY_ROOT, "[1, 2]", &error));
    g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID_POLICY);
    g_clear_error (&error);

    g_assert_false (inflow_onboarding_info_set_policy_text (broken, INFLOW_VANTAGE_POLICY_ROOT, "{\"Version\": \"2012-10-17\"}", &error));
    g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID_POLICY);
    g_assert_nonnull (strstr (error->message, "“Statement”"));
    g_clear_error (&error);

    g_free (broken->external_id);
    broken->external_id = g_strdup ("bad id");
    g_assert_false (inflow_onboarding_info_validate (broken, &error));
    g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID);
    g_clear_error (&error);

    g_free (broken->external_id);
    broken->external_id = g_strdup (TEST_EXTERNAL_ID);
    g_free (broken->vantage_role_arn);
    broken->vantage_role_arn = g_strdup ("arn:aws-cn:iam::630399649041:role/x");
    g_assert_false (inflow_onboarding_info_validate (broken, &error));
    g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION);
    g_clear_error (&error);

    inflow_onboarding_info_set_policy (broken, INFLOW_VANTAGE_POLICY_CLOUDWATCH, NULL);
    g_free (broken->vantage_role_arn);
    broken->vantage_role_arn = g_strdup (TEST_VANTAGE_ROLE);
    g_assert_false (inflow_onboarding_info_validate (broken, &error));
    g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING);
    g_assert_nonnull (strstr (error->message, "“cloudwatch”"));
    g_clear_error (&error);
  }

  /* The IAM console cannot set a path. */
  {
    g_autoptr(InflowOnboardingChoices) choices = test_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_AWS_PARTITION_AWS);
    g_autoptr(InflowIamConsoleMaterial) material = NULL;

    choices->role_path = g_strdup ("/vantage/");
    material = inflow_iam_console_material_generate (info, choices, &error);
    g_assert_null (material);
    g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED);
    g_clear_error (&error);
  }
}

/* The v1 provider info, policies as JSON strings. */
static void
test_info_from_json (void)
{
  g_autoptr(JsonNode) root = test_parse_json (
    "{\"external_id\": \"abc-123\", \"iam_role_arn\": \"" TEST_VANTAGE_ROLE "\","
    " \"iam_role_id\": \"AROAEXAMPLE\", \"vantage_id\": \"v-1\","
    " \"policies\": {\"root\": \"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[]}\","
    " \"autopilot\": \"{\\\"Statement\\\":[]}\", \"cloudwatch\": {\"Statement\": []},"
    " \"s3_request_metrics\": \"\", \"resources\": \"{\\\"Statement\\\":[]}\"}}");
  g_autoptr(JsonNode) bad = test_parse_json ("{\"external_id\": \"abc\", \"policies\": {\"root\": \"not json\"}}");
  g_autoptr(JsonNode) empty = test_parse_json ("{\"iam_role_arn\": \"x\"}");
  g_autoptr(InflowOnboardingInfo) info = NULL;
  g_autoptr(InflowOnboardingInfo) failed = NULL;
  g_autoptr(GError) error = NULL;

  info = inflow_onboarding_info_new_from_json (json_node_get_object (root), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->external_id, ==, "abc-123");
  g_assert_cmpstr (info->vantage_role_arn, ==, TEST_VANTAGE_ROLE);
  g_assert_cmpstr (info->vantage_id, ==, "v-1");
  g_assert_nonnull (info->policies[INFLOW_VANTAGE_POLICY_ROOT]);
  g_assert_nonnull (info->policies[INFLOW_VANTAGE_POLICY_CLOUDWATCH]);
  g_assert_null (info->policies[INFLOW_VANTAGE_POLICY_S3_REQUEST_METRICS]);
  g_assert_true (inflow_onboarding_info_validate (info, &error));
  g_assert_no_error (error);

  failed = inflow_onboarding_info_new_from_json (json_node_get_object (bad), &error);
  g_assert_null (failed);
  g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID_POLICY);
  g_clear_error (&error);

  failed = inflow_onboarding_info_new_from_json (json_node_get_object (empty), &error);
  g_assert_null (failed);
  g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING);
}

/* More shapes of the CLI script: a non-us-east-1 bucket, hourly. */
static void
test_cli_variants (void)
{
  g_autoptr(InflowOnboardingInfo) info = test_info_new (INFLOW_AWS_PARTITION_AWS);
  g_autoptr(InflowOnboardingChoices) choices = test_choices_new (INFLOW_ACCOUNT_KIND_MANAGEMENT, INFLOW_AWS_PARTITION_AWS);
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;
  g_autofree char *terraform = NULL;

  g_free (choices->bucket_region);
  choices->bucket_region = g_strdup ("eu-west-1");
  choices->time_unit = INFLOW_CUR_TIME_UNIT_HOURLY;
  g_clear_pointer (&choices->account_id, g_free);

  script = inflow_cli_script_generate (info, choices, &error);
  g_assert_no_error (error);
  test_assert_golden ("cli-aws-management-eu-west-1-hourly.sh", script);
  assert_script_syntax (script);
  g_assert_nonnull (strstr (script, "\"S3Prefix\" : \"hourly-v1\""));
  g_assert_nonnull (strstr (script, "--create-bucket-configuration 'LocationConstraint=eu-west-1'"));
  g_assert_null (strstr (script, "sign in to account"));

  terraform = inflow_terraform_snippet_generate (choices, &error);
  g_assert_no_error (error);
  test_assert_golden ("terraform-aws-management-eu-west-1-hourly.tf", terraform);
}

/* terraform fmt accepts the snippets as they are, when terraform is here. */
static void
test_terraform_format (void)
{
  g_autofree char *terraform_path = g_find_program_in_path ("terraform");

  if (terraform_path == NULL)
    {
      g_test_skip ("terraform is not installed");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(InflowOnboardingChoices) choices = test_choices_new (variants[i].kind, variants[i].partition);
      g_autoptr(GError) error = NULL;
      g_autofree char *snippet = NULL;
      g_autofree char *dir = NULL;
      g_autofree char *file = NULL;
      g_autofree char *err = NULL;
      const char *argv[] = { terraform_path, "fmt", "-check", "-diff", "-no-color", NULL, NULL };
      int status = 0;

      if (variants[i].partition != INFLOW_AWS_PARTITION_AWS)
        continue;

      snippet = inflow_terraform_snippet_generate (choices, &error);
      g_assert_no_error (error);
      dir = g_dir_make_tmp ("inflow-tf-XXXXXX", &error);
      g_assert_no_error (error);
      file = g_build_filename (dir, "main.tf", NULL);
      g_file_set_contents (file, snippet, -1, &error);
      g_assert_no_error (error);
      argv[5] = file;

      g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error);
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("terraform fmt -check failed for %s: %s", variants[i].name, err);

      g_remove (file);
      g_rmdir (dir);
    }
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/onboarding/generators/goldens", test_goldens);
  g_test_add_func ("/onboarding/generators/stackset-goldens", test_stackset_goldens);
  g_test_add_func ("/onboarding/generators/template-structure", test_template_structure);
  g_test_add_func ("/onboarding/generators/cli-script-runs", test_cli_script_runs);
  g_test_add_func ("/onboarding/generators/cli-script-wrong-account", test_cli_script_wrong_account);
  g_test_add_func ("/onboarding/generators/stackset-script-runs", test_stackset_script_runs);
  g_test_add_func ("/onboarding/generators/hostile-names-refused", test_hostile_names_refused);
  g_test_add_func ("/onboarding/generators/errors", test_errors);
  g_test_add_func ("/onboarding/generators/info-from-json", test_info_from_json);
  g_test_add_func ("/onboarding/generators/cli-variants", test_cli_variants);
  g_test_add_func ("/onboarding/generators/terraform-format", test_terraform_format);

  return inflow_test_run ();
}
