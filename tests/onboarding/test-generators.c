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
  const char    *name;
  InflowAccountKind kind;
  InflowCurKind  cur_kind;
  gboolean       govcloud_paired;
} Variant;

/* Every method, for both kinds of report, for a standard account alone and
 * for one paired with a GovCloud (US) account. */
static const Variant variants[] = {
  { "management-legacy", INFLOW_ACCOUNT_KIND_MANAGEMENT, INFLOW_CUR_KIND_LEGACY, FALSE },
  { "management-cur2", INFLOW_ACCOUNT_KIND_MANAGEMENT, INFLOW_CUR_KIND_CUR2, FALSE },
  { "management-legacy-govcloud-paired", INFLOW_ACCOUNT_KIND_MANAGEMENT, INFLOW_CUR_KIND_LEGACY, TRUE },
  { "management-cur2-govcloud-paired", INFLOW_ACCOUNT_KIND_MANAGEMENT, INFLOW_CUR_KIND_CUR2, TRUE },
  { "member", INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_CUR_KIND_LEGACY, FALSE },
  { "member-govcloud-paired", INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_CUR_KIND_LEGACY, TRUE },
};

/* The query of the CUR 2.0 export in vantage-sh/terraform-aws-vantage-integration
 * (main.tf, aws_bcmdataexports_export), as the module writes it. */
static const char module_cur2_query[] =
  "SELECT bill_bill_type, bill_billing_entity, bill_billing_period_end_date, bill_billing_period_start_date, "
  "bill_invoice_id, bill_invoicing_entity, bill_payer_account_id, bill_payer_account_name, cost_category, "
  "discount, discount_bundled_discount, discount_total_discount, identity_line_item_id, identity_time_interval, "
  "line_item_availability_zone, line_item_blended_cost, line_item_blended_rate, line_item_currency_code, "
  "line_item_iam_principal, line_item_legal_entity, line_item_line_item_description, line_item_line_item_type, "
  "line_item_net_unblended_cost, line_item_net_unblended_rate, line_item_normalization_factor, "
  "line_item_normalized_usage_amount, line_item_operation, line_item_product_code, line_item_resource_id, "
  "line_item_tax_type, line_item_unblended_cost, line_item_unblended_rate, line_item_usage_account_id, "
  "line_item_usage_account_name, line_item_usage_amount, line_item_usage_end_date, line_item_usage_start_date, "
  "line_item_usage_type, pricing_currency, pricing_lease_contract_length, pricing_offering_class, "
  "pricing_public_on_demand_cost, pricing_public_on_demand_rate, pricing_purchase_option, pricing_rate_code, "
  "pricing_rate_id, pricing_term, pricing_unit, product, product_comment, product_fee_code, "
  "product_fee_description, product_from_location, product_from_location_type, product_from_region_code, "
  "product_instance_family, product_instance_type, product_instancesku, product_location, "
  "product_location_type, product_operation, product_pricing_unit, product_product_family, "
  "product_region_code, product_servicecode, product_sku, product_to_location, product_to_location_type, "
  "product_to_region_code, product_usagetype, reservation_amortized_upfront_cost_for_usage, "
  "reservation_amortized_upfront_fee_for_billing_period, reservation_availability_zone, "
  "reservation_effective_cost, reservation_end_time, reservation_modification_status, "
  "reservation_net_amortized_upfront_cost_for_usage, reservation_net_amortized_upfront_fee_for_billing_period, "
  "reservation_net_effective_cost, reservation_net_recurring_fee_for_usage, "
  "reservation_net_unused_amortized_upfront_fee_for_billing_period, reservation_net_unused_recurring_fee, "
  "reservation_net_upfront_value, reservation_normalized_units_per_reservation, "
  "reservation_number_of_reservations, reservation_recurring_fee_for_usage, reservation_reservation_a_r_n, "
  "reservation_start_time, reservation_subscription_id, reservation_total_reserved_normalized_units, "
  "reservation_total_reserved_units, reservation_units_per_reservation, "
  "reservation_unused_amortized_upfront_fee_for_billing_period, reservation_unused_normalized_unit_quantity, "
  "reservation_unused_quantity, reservation_unused_recurring_fee, reservation_upfront_value, resource_tags, "
  "savings_plan_amortized_upfront_commitment_for_billing_period, savings_plan_end_time, "
  "savings_plan_instance_type_family, savings_plan_net_amortized_upfront_commitment_for_billing_period, "
  "savings_plan_net_recurring_commitment_for_billing_period, savings_plan_net_savings_plan_effective_cost, "
  "savings_plan_offering_type, savings_plan_payment_option, savings_plan_purchase_term, "
  "savings_plan_recurring_commitment_for_billing_period, savings_plan_region, savings_plan_savings_plan_a_r_n, "
  "savings_plan_savings_plan_effective_cost, savings_plan_savings_plan_rate, savings_plan_start_time, "
  "savings_plan_total_commitment_to_date, savings_plan_used_commitment, tags FROM COST_AND_USAGE_REPORT";

static InflowOnboardingChoices *
variant_choices (const Variant *v)
{
  InflowOnboardingChoices *choices = test_choices_new (v->kind, INFLOW_AWS_PARTITION_AWS);

  choices->cur_kind = v->cur_kind;
  if (v->govcloud_paired)
    choices->paired_govcloud_account_id = g_strdup (TEST_GOVCLOUD_ACCOUNT_ID);

  return choices;
}

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

/* The bucket policy in @text carries the HTTPS-only deny, and only then. */
static void
assert_https_only (JsonNode *policy,
                   gboolean  expected)
{
  JsonArray *statements = json_object_get_array_member (json_node_get_object (policy), "Statement");
  gboolean found = FALSE;

  for (guint i = 0; i < json_array_get_length (statements); i++)
    {
      JsonObject *statement = json_array_get_object_element (statements, i);
      JsonObject *condition;

      if (g_strcmp0 (json_object_get_string_member_with_default (statement, "Sid", NULL), "AllowSSLRequestsOnly") != 0)
        continue;

      found = TRUE;
      condition = get_object (statement, "Condition");
      g_assert_cmpstr (json_object_get_string_member (statement, "Effect"), ==, "Deny");
      g_assert_cmpstr (json_object_get_string_member (statement, "Principal"), ==, "*");
      g_assert_cmpstr (json_object_get_string_member (statement, "Action"), ==, "s3:*");
      g_assert_cmpstr (json_object_get_string_member (get_object (condition, "Bool"), "aws:SecureTransport"), ==, "false");
      g_assert_cmpstr (json_object_get_string_member (get_object (condition, "BoolIfExists"), "aws:PrincipalIsAWSService"), ==, "false");
    }

  g_assert_cmpint (found, ==, expected);
}

/* Goldens of every generator for every variant; the documents parse. */
static void
test_goldens (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      const Variant *v = &variants[i];
      g_autoptr(InflowOnboardingInfo) info = test_info_new (INFLOW_AWS_PARTITION_AWS);
      g_autoptr(InflowOnboardingChoices) choices = variant_choices (v);
      g_autoptr(InflowCfnMaterial) cfn = NULL;
      g_autoptr(InflowIamConsoleMaterial) iam = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) template = NULL;
      g_autofree char *script = NULL;
      g_autofree char *iam_text = NULL;
      g_autofree char *cfn_commands = NULL;
      g_autofree char *golden = NULL;
      g_autofree char *terraform = NULL;
      gboolean management = v->kind == INFLOW_ACCOUNT_KIND_MANAGEMENT;

      g_test_message ("variant %s", v->name);

      cfn = inflow_cfn_material_generate (info, choices, &error);
      g_assert_no_error (error);
      golden = g_strdup_printf ("cfn-%s.json", v->name);
      test_assert_golden (golden, cfn->template_json);
      template = test_parse_json (cfn->template_json);
      if (management)
        assert_https_only (json_object_get_member (get_object (get_object (get_object (json_node_get_object (template), "Resources"),
                                                                           INFLOW_CFN_BUCKET_POLICY_RESOURCE), "Properties"),
                                                   "PolicyDocument"), TRUE);
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
      g_assert_true (g_str_has_prefix (cfn->console_url, "https://console.aws.amazon.com/"));
      g_assert_cmpstr (cfn->vantage_console_url, ==, "https://console.vantage.sh/settings/integrations");
      g_assert_null (strstr (cfn->template_json, "Handshake"));
      g_assert_cmpint (cfn->note != NULL, ==, v->govcloud_paired);

      script = inflow_cli_script_generate (info, choices, &error);
      g_assert_no_error (error);
      g_free (golden);
      golden = g_strdup_printf ("cli-%s.sh", v->name);
      test_assert_golden (golden, script);
      assert_script_syntax (script);
      g_assert_true (g_str_has_prefix (script, "#!/usr/bin/env bash\n"));
      g_assert_nonnull (strstr (script, "\nset -euo pipefail\n"));
      g_assert_cmpint (strstr (script, "bcm-data-exports create-export") != NULL, ==,
                       management && v->cur_kind == INFLOW_CUR_KIND_CUR2);
      g_assert_cmpint (strstr (script, "cur put-report-definition") != NULL, ==,
                       management && v->cur_kind == INFLOW_CUR_KIND_LEGACY);

      iam = inflow_iam_console_material_generate (info, choices, &error);
      g_assert_no_error (error);
      iam_text = inflow_iam_console_material_to_text (iam);
      g_free (golden);
      golden = g_strdup_printf ("iam-%s.txt", v->name);
      test_assert_golden (golden, iam_text);
      g_assert_true (inflow_console_link_is_allowed (iam->console_url));
      if (management)
        {
          g_autoptr(JsonNode) bucket_policy = test_parse_json (iam->bucket_policy_json);

          assert_https_only (bucket_policy, TRUE);
          g_assert_cmpint (iam->cur2_columns != NULL, ==, v->cur_kind == INFLOW_CUR_KIND_CUR2);
        }

      terraform = inflow_terraform_snippet_generate (choices, &error);
      g_assert_no_error (error);
      g_free (golden);
      golden = g_strdup_printf ("terraform-%s.tf", v->name);
      test_assert_golden (golden, terraform);
      g_assert_nonnull (strstr (terraform, "  version = \"~> 1.1\"\n"));
      g_assert_nonnull (strstr (terraform, "  required_version = \">= 1.3.0\"\n"));
      g_assert_nonnull (strstr (terraform, "      version = \">= 5.48.0\"\n"));
      g_assert_cmpint (strstr (terraform, "upgrade_to_cur_2     = true") != NULL, ==,
                       management && v->cur_kind == INFLOW_CUR_KIND_CUR2);
    }
}

/* The StackSet material does not depend on the account kind or the report. */
static void
test_stackset_goldens (void)
{
  static const char * const targets[] = { "ou-ab12-cd34ef56", "r-ab12", "ou-ab12-cd34ef56", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      const Variant *v = &variants[i];
      g_autoptr(InflowOnboardingInfo) info = test_info_new (INFLOW_AWS_PARTITION_AWS);
      g_autoptr(InflowOnboardingChoices) choices = variant_choices (v);
      g_autoptr(InflowStackSetMaterial) material = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) template = NULL;
      JsonObject *resources;

      g_free (choices->stack_name);
      choices->stack_name = g_strdup ("vantage-member-roles");
      g_clear_pointer (&choices->paired_govcloud_account_id, g_free);

      material = inflow_stackset_material_generate (info, choices, targets, NULL, &error);
      g_assert_no_error (error);

      test_assert_golden ("stackset.sh", material->script);
      assert_script_syntax (material->script);
      assert_command_syntax (material->check_access_command);
      assert_command_syntax (material->activate_access_command);
      assert_command_syntax (material->create_stack_set_command);
      assert_command_syntax (material->create_instances_command);
      assert_command_syntax (material->list_instances_command);

      g_assert_nonnull (strstr (material->check_access_command, "aws organizations list-aws-service-access-for-organization"));
      g_assert_true (g_str_has_prefix (material->activate_access_command, "aws cloudformation activate-organizations-access"));
      g_assert_nonnull (strstr (material->create_stack_set_command, "--permission-model 'SERVICE_MANAGED'"));
      g_assert_nonnull (strstr (material->create_instances_command,
                                "--deployment-targets 'OrganizationalUnitIds=ou-ab12-cd34ef56,r-ab12'"));
      g_assert_true (g_str_has_prefix (material->list_instances_command, "aws cloudformation list-stack-instances"));
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
  static const char * const cur2_resources[] = {
    INFLOW_CFN_ROLE_RESOURCE, INFLOW_CFN_BUCKET_RESOURCE, INFLOW_CFN_BUCKET_POLICY_RESOURCE, INFLOW_CFN_EXPORT_RESOURCE, NULL
  };
  static const char * const member_resources[] = { INFLOW_CFN_ROLE_RESOURCE, NULL };
  static const char * const bucket_policy_sids[] = {
    "S3BucketPermissionsRetrieval", "S3PutObject", "EnableAWSDataExportsToWriteToS3AndCheckPolicy",
    "VantageCrossAccountRoleRead", "AllowSSLRequestsOnly", NULL
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      const Variant *v = &variants[i];
      g_autoptr(InflowOnboardingInfo) info = test_info_new (INFLOW_AWS_PARTITION_AWS);
      g_autoptr(InflowOnboardingChoices) choices = variant_choices (v);
      gboolean cur = v->kind == INFLOW_ACCOUNT_KIND_MANAGEMENT;
      gboolean cur2 = cur && v->cur_kind == INFLOW_CUR_KIND_CUR2;
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
      assert_strv_equal (resource_names, cur2 ? cur2_resources : cur ? management_resources : member_resources);

      check_role (get_object (resources, INFLOW_CFN_ROLE_RESOURCE), info, choices,
                  cur ? management_policies : member_policies);

      outputs = get_object (template, "Outputs");
      output_names = member_names (outputs);
      g_assert_true (g_strv_contains ((const char * const *) output_names, INFLOW_CFN_ROLE_ARN_OUTPUT));
      g_assert_cmpint (g_strv_contains ((const char * const *) output_names, INFLOW_CFN_BUCKET_ARN_OUTPUT), ==, cur);

      if (cur2)
        {
          JsonObject *report = get_object (resources, INFLOW_CFN_EXPORT_RESOURCE);
          JsonObject *export = get_object (get_object (report, "Properties"), "Export");
          JsonObject *query = get_object (export, "DataQuery");
          JsonObject *table = get_object (get_object (query, "TableConfigurations"), "COST_AND_USAGE_REPORT");
          JsonObject *s3 = get_object (get_object (export, "DestinationConfigurations"), "S3Destination");
          JsonObject *output = get_object (s3, "S3OutputConfigurations");

          g_assert_cmpstr (json_object_get_string_member (report, "Type"), ==, "AWS::BCMDataExports::Export");
          g_assert_cmpstr (json_object_get_string_member (report, "DependsOn"), ==, INFLOW_CFN_BUCKET_POLICY_RESOURCE);
          g_assert_cmpstr (json_object_get_string_member (export, "Name"), ==, "VantageReport");
          g_assert_cmpstr (json_object_get_string_member (query, "QueryStatement"), ==, module_cur2_query);
          g_assert_cmpstr (json_object_get_string_member (table, "TIME_GRANULARITY"), ==, "DAILY");
          g_assert_cmpstr (json_object_get_string_member (table, "INCLUDE_RESOURCES"), ==, "TRUE");
          g_assert_cmpstr (json_object_get_string_member (table, "INCLUDE_IAM_PRINCIPAL_DATA"), ==, "TRUE");
          g_assert_cmpstr (json_object_get_string_member (table, "INCLUDE_SPLIT_COST_ALLOCATION_DATA"), ==, "FALSE");
          g_assert_cmpstr (json_object_get_string_member (get_object (table, "BILLING_VIEW_ARN"), "Fn::Sub"), ==,
                           "arn:${AWS::Partition}:billing::${AWS::AccountId}:billingview/primary");
          g_assert_cmpstr (json_object_get_string_member (s3, "S3Bucket"), ==, TEST_BUCKET);
          g_assert_cmpstr (json_object_get_string_member (s3, "S3Prefix"), ==, "daily-v1");
          g_assert_cmpstr (json_object_get_string_member (s3, "S3Region"), ==, "us-east-1");
          g_assert_cmpstr (json_object_get_string_member (output, "Format"), ==, "TEXT_OR_CSV");
          g_assert_cmpstr (json_object_get_string_member (output, "Compression"), ==, "GZIP");
          g_assert_cmpstr (json_object_get_string_member (output, "Overwrite"), ==, "OVERWRITE_REPORT");
          g_assert_cmpstr (json_object_get_string_member (get_object (export, "RefreshCadence"), "Frequency"), ==, "SYNCHRONOUS");
        }
      else if (cur)
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
    /* Without Autopilot every policy only reads, and the role says so. */
    g_assert_nonnull (strstr (text, "\"Read-only access for Vantage to cost and resource metadata\""));
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
  bucket_policy = inflow_aws_bucket_policy_new (INFLOW_DOCUMENT_STYLE_LITERAL, choices, TEST_ACCOUNT_ID, role_arn);
  assert_json_argument_equals (call, "--policy", bucket_policy);
  assert_https_only (bucket_policy, TRUE);

  call = find_call (calls, "s3api", "put-bucket-notification-configuration", 0);
  g_assert_nonnull (strstr (test_call_get_option (call, "--notification-configuration"),
                            "arn:aws:sns:eu-west-2:630399649041:cost-and-usage-report-uploaded"));

  call = find_call (calls, "cur", "put-report-definition", 0);
  g_assert_cmpstr (test_call_get_option (call, "--region"), ==, "us-east-1");
  report = inflow_aws_report_definition_new (choices);
  assert_json_argument_equals (call, "--report-definition", report);
  g_assert_nonnull (strstr (test_call_get_option (call, "--report-definition"), "\"Vantage'Report(1)!*\""));
}

/* A CUR 2.0 export into an existing bucket: the stand-in aws sees no new
 * bucket, the old policy and notification read first, and
 * `bcm-data-exports create-export` in us-east-1 with the module's columns. */
static void
test_cli_script_runs_cur2 (void)
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
    { "s3api", "get-bucket-policy" },
    { "s3api", "get-bucket-notification-configuration" },
    { "s3api", "put-bucket-policy" },
    { "s3api", "put-bucket-notification-configuration" },
    { "bcm-data-exports", "create-export" },
  };
  g_autoptr(InflowOnboardingInfo) info = test_info_new (INFLOW_AWS_PARTITION_AWS);
  g_autoptr(InflowOnboardingChoices) choices = test_choices_new (INFLOW_ACCOUNT_KIND_MANAGEMENT, INFLOW_AWS_PARTITION_AWS);
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(JsonNode) policy = NULL;
  g_autoptr(JsonNode) export = NULL;
  g_autoptr(JsonNode) retrieval = NULL;
  JsonObject *query;
  JsonObject *table;
  GStrv call;
  int status = -1;

  choices->cur_kind = INFLOW_CUR_KIND_CUR2;
  choices->existing_bucket = TRUE;
  choices->time_unit = INFLOW_CUR_TIME_UNIT_HOURLY;

  script = inflow_cli_script_generate (info, choices, &error);
  g_assert_no_error (error);
  test_assert_golden ("cli-management-cur2-existing-bucket.sh", script);
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

  /* The role reads only the report's prefix; no HTTPS deny on a bucket
   * other clients use. */
  call = find_call (calls, "iam", "put-role-policy", 4);
  g_assert_cmpstr (test_call_get_option (call, "--policy-name"), ==, "VantageCostandUsageReportRetrieval");
  retrieval = test_parse_json (test_call_get_option (call, "--policy-document"));
  g_assert_nonnull (strstr (test_call_get_option (call, "--policy-document"), "arn:aws:s3:::" TEST_BUCKET "/hourly-v1/*"));
  call = find_call (calls, "s3api", "put-bucket-policy", 0);
  policy = test_parse_json (test_call_get_option (call, "--policy"));
  assert_https_only (policy, FALSE);
  g_assert_nonnull (strstr (test_call_get_option (call, "--policy"), "\"arn:aws:s3:::" TEST_BUCKET "/hourly-v1/*\""));

  call = find_call (calls, "s3api", "put-bucket-notification-configuration", 0);
  g_assert_nonnull (strstr (test_call_get_option (call, "--notification-configuration"), "\"hourly-v1/\""));

  call = find_call (calls, "bcm-data-exports", "create-export", 0);
  g_assert_cmpstr (test_call_get_option (call, "--region"), ==, "us-east-1");
  export = test_parse_json (test_call_get_option (call, "--export"));
  query = get_object (json_node_get_object (export), "DataQuery");
  table = get_object (get_object (query, "TableConfigurations"), "COST_AND_USAGE_REPORT");
  g_assert_cmpstr (json_object_get_string_member (query, "QueryStatement"), ==, module_cur2_query);
  g_assert_cmpstr (json_object_get_string_member (table, "BILLING_VIEW_ARN"), ==,
                   "arn:aws:billing::" TEST_ACCOUNT_ID ":billingview/primary");
  g_assert_cmpstr (json_object_get_string_member (table, "TIME_GRANULARITY"), ==, "HOURLY");
  g_assert_cmpstr (json_object_get_string_member (get_object (get_object (json_node_get_object (export), "DestinationConfigurations"),
                                                              "S3Destination"), "S3Prefix"), ==, "hourly-v1");
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

  /* No GovCloud role, whatever the method: Vantage's principal is in aws. */
  {
    g_autoptr(InflowOnboardingChoices) choices = test_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_AWS_PARTITION_AWS_US_GOV);
    g_autoptr(InflowIamConsoleMaterial) iam = NULL;
    g_autoptr(InflowCfnMaterial) cfn = NULL;

    text = inflow_cli_script_generate (gov_info, choices, &error);
    g_assert_null (text);
    g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION);
    g_assert_nonnull (strstr (error->message, "paired"));
    g_clear_error (&error);

    cfn = inflow_cfn_material_generate (gov_info, choices, &error);
    g_assert_null (cfn);
    g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION);
    g_clear_error (&error);

    iam = inflow_iam_console_material_generate (gov_info, choices, &error);
    g_assert_null (iam);
    g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION);
    g_clear_error (&error);

    text = inflow_terraform_snippet_generate (choices, &error);
    g_assert_null (text);
    g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION);
    g_clear_error (&error);
  }

  /* A standard account cannot trust a principal of another partition. */
  {
    g_autoptr(InflowOnboardingChoices) choices = test_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_AWS_PARTITION_AWS);

    text = inflow_cli_script_generate (gov_info, choices, &error);
    g_assert_null (text);
    g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_PARTITION_MISMATCH);
    g_clear_error (&error);
  }

  /* An existing bucket cannot get its notification from a stack. */
  {
    g_autoptr(InflowOnboardingChoices) choices = test_choices_new (INFLOW_ACCOUNT_KIND_MANAGEMENT, INFLOW_AWS_PARTITION_AWS);

    choices->existing_bucket = TRUE;
    text = inflow_cfn_template_generate (info, choices, &error);
    g_assert_null (text);
    g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED);
    g_assert_nonnull (strstr (error->message, "existing bucket"));
    g_clear_error (&error);
  }

  /* A paired GovCloud account ID must be an account ID. */
  {
    g_autoptr(InflowOnboardingChoices) choices = test_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_AWS_PARTITION_AWS);

    choices->paired_govcloud_account_id = g_strdup ("12345");
    text = inflow_cli_script_generate (info, choices, &error);
    g_assert_null (text);
    g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID);
    g_clear_error (&error);
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
  test_assert_golden ("cli-management-legacy-eu-west-1-hourly.sh", script);
  assert_script_syntax (script);
  g_assert_nonnull (strstr (script, "\"S3Prefix\" : \"hourly-v1\""));
  g_assert_nonnull (strstr (script, "--create-bucket-configuration 'LocationConstraint=eu-west-1'"));
  g_assert_null (strstr (script, "sign in to account"));

  terraform = inflow_terraform_snippet_generate (choices, &error);
  g_assert_no_error (error);
  test_assert_golden ("terraform-management-legacy-eu-west-1-hourly.tf", terraform);

  /* CUR 2.0 in an existing bucket, in Terraform and in the consoles. */
  {
    g_autoptr(InflowIamConsoleMaterial) iam = NULL;
    g_autofree char *iam_text = NULL;
    g_autoptr(JsonNode) policy = NULL;

    g_free (terraform);
    choices->cur_kind = INFLOW_CUR_KIND_CUR2;
    choices->existing_bucket = TRUE;
    choices->account_id = g_strdup (TEST_ACCOUNT_ID);
    terraform = inflow_terraform_snippet_generate (choices, &error);
    g_assert_no_error (error);
    test_assert_golden ("terraform-management-cur2-existing-bucket.tf", terraform);
    g_assert_nonnull (strstr (terraform, "existing_cur_bucket_name"));
    g_assert_null (strstr (terraform, "  cur_bucket_name"));

    iam = inflow_iam_console_material_generate (info, choices, &error);
    g_assert_no_error (error);
    iam_text = inflow_iam_console_material_to_text (iam);
    test_assert_golden ("iam-management-cur2-existing-bucket.txt", iam_text);
    policy = test_parse_json (iam->bucket_policy_json);
    assert_https_only (policy, FALSE);
  }
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
      g_autoptr(InflowOnboardingChoices) choices = variant_choices (&variants[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *snippet = NULL;
      g_autofree char *dir = NULL;
      g_autofree char *file = NULL;
      g_autofree char *err = NULL;
      const char *argv[] = { terraform_path, "fmt", "-check", "-diff", "-no-color", NULL, NULL };
      int status = 0;

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
  g_test_add_func ("/onboarding/generators/cli-script-runs-cur2", test_cli_script_runs_cur2);
  g_test_add_func ("/onboarding/generators/cli-script-wrong-account", test_cli_script_wrong_account);
  g_test_add_func ("/onboarding/generators/stackset-script-runs", test_stackset_script_runs);
  g_test_add_func ("/onboarding/generators/hostile-names-refused", test_hostile_names_refused);
  g_test_add_func ("/onboarding/generators/errors", test_errors);
  g_test_add_func ("/onboarding/generators/info-from-json", test_info_from_json);
  g_test_add_func ("/onboarding/generators/cli-variants", test_cli_variants);
  g_test_add_func ("/onboarding/generators/terraform-format", test_terraform_format);

  return inflow_test_run ();
}
