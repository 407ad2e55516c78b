/* inflow-aws-documents.c: the IAM and S3 documents a connection needs
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-onboarding"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-aws-documents.h"
#include "inflow-onboarding-error.h"

/*
 * Every generator (CloudFormation, CLI, IAM console, StackSet, update) takes
 * its documents from here, so the role looks the same whichever way it is
 * created. The shapes follow Vantage's Terraform module
 * (vantage-sh/terraform-aws-vantage-integration, main.tf): the trust policy
 * with the external ID condition, the inline policies by name, and for the
 * report the bucket policy (billing writes, the role reads, and for a bucket
 * it creates the AllowSSLRequestsOnly deny of `enforce_https_only`), the
 * notification to Vantage's topic in the bucket's region, and either the
 * legacy report definition or the CUR 2.0 export of `upgrade_to_cur_2`.
 */

/* The columns the module's CUR 2.0 export selects from
 * COST_AND_USAGE_REPORT, in its order. */
static const char * const cur2_columns[] = {
  "bill_bill_type", "bill_billing_entity", "bill_billing_period_end_date", "bill_billing_period_start_date",
  "bill_invoice_id", "bill_invoicing_entity", "bill_payer_account_id", "bill_payer_account_name",
  "cost_category", "discount", "discount_bundled_discount", "discount_total_discount",
  "identity_line_item_id", "identity_time_interval", "line_item_availability_zone", "line_item_blended_cost",
  "line_item_blended_rate", "line_item_currency_code", "line_item_iam_principal", "line_item_legal_entity",
  "line_item_line_item_description", "line_item_line_item_type", "line_item_net_unblended_cost",
  "line_item_net_unblended_rate", "line_item_normalization_factor", "line_item_normalized_usage_amount",
  "line_item_operation", "line_item_product_code", "line_item_resource_id", "line_item_tax_type",
  "line_item_unblended_cost", "line_item_unblended_rate", "line_item_usage_account_id",
  "line_item_usage_account_name", "line_item_usage_amount", "line_item_usage_end_date",
  "line_item_usage_start_date", "line_item_usage_type", "pricing_currency", "pricing_lease_contract_length",
  "pricing_offering_class", "pricing_public_on_demand_cost", "pricing_public_on_demand_rate",
  "pricing_purchase_option", "pricing_rate_code", "pricing_rate_id", "pricing_term", "pricing_unit",
  "product", "product_comment", "product_fee_code", "product_fee_description", "product_from_location",
  "product_from_location_type", "product_from_region_code", "product_instance_family",
  "product_instance_type", "product_instancesku", "product_location", "product_location_type",
  "product_operation", "product_pricing_unit", "product_product_family", "product_region_code",
  "product_servicecode", "product_sku", "product_to_location", "product_to_location_type",
  "product_to_region_code", "product_usagetype", "reservation_amortized_upfront_cost_for_usage",
  "reservation_amortized_upfront_fee_for_billing_period", "reservation_availability_zone",
  "reservation_effective_cost", "reservation_end_time", "reservation_modification_status",
  "reservation_net_amortized_upfront_cost_for_usage", "reservation_net_amortized_upfront_fee_for_billing_period",
  "reservation_net_effective_cost", "reservation_net_recurring_fee_for_usage",
  "reservation_net_unused_amortized_upfront_fee_for_billing_period", "reservation_net_unused_recurring_fee",
  "reservation_net_upfront_value", "reservation_normalized_units_per_reservation",
  "reservation_number_of_reservations", "reservation_recurring_fee_for_usage", "reservation_reservation_a_r_n",
  "reservation_start_time", "reservation_subscription_id", "reservation_total_reserved_normalized_units",
  "reservation_total_reserved_units", "reservation_units_per_reservation",
  "reservation_unused_amortized_upfront_fee_for_billing_period", "reservation_unused_normalized_unit_quantity",
  "reservation_unused_quantity", "reservation_unused_recurring_fee", "reservation_upfront_value",
  "resource_tags", "savings_plan_amortized_upfront_commitment_for_billing_period", "savings_plan_end_time",
  "savings_plan_instance_type_family", "savings_plan_net_amortized_upfront_commitment_for_billing_period",
  "savings_plan_net_recurring_commitment_for_billing_period", "savings_plan_net_savings_plan_effective_cost",
  "savings_plan_offering_type", "savings_plan_payment_option", "savings_plan_purchase_term",
  "savings_plan_recurring_commitment_for_billing_period", "savings_plan_region", "savings_plan_savings_plan_a_r_n",
  "savings_plan_savings_plan_effective_cost", "savings_plan_savings_plan_rate", "savings_plan_start_time",
  "savings_plan_total_commitment_to_date", "savings_plan_used_commitment", "tags",
  NULL
};

/**
 * inflow_aws_cur2_get_columns:
 *
 * Returns: (array zero-terminated=1) (transfer none): the columns of the
 *   CUR 2.0 export, as Vantage's module selects them
 */
const char * const *
inflow_aws_cur2_get_columns (void)
{
  return cur2_columns;
}

/**
 * inflow_aws_cur2_query_statement:
 *
 * Returns: (transfer full): the export's query: the columns from
 *   COST_AND_USAGE_REPORT
 */
char *
inflow_aws_cur2_query_statement (void)
{
  g_autofree char *columns = g_strjoinv (", ", (GStrv) cur2_columns);

  return g_strconcat ("SELECT ", columns, " FROM " INFLOW_CUR2_TABLE, NULL);
}

/**
 * inflow_aws_report_objects_arn:
 *
 * Returns: (transfer full): the objects the role may read: the whole new
 *   bucket, or only the report's prefix of an existing one (as the module
 *   limits `s3:GetObject` there)
 */
char *
inflow_aws_report_objects_arn (const InflowOnboardingChoices *choices)
{
  g_autofree char *bucket_arn = NULL;
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (choices != NULL && choices->bucket_name != NULL, NULL);

  bucket_arn = inflow_bucket_arn_build (INFLOW_AWS_PARTITION_AWS, choices->bucket_name);
  if (!choices->existing_bucket)
    return g_strconcat (bucket_arn, "/*", NULL);

  prefix = inflow_onboarding_choices_get_s3_prefix (choices);

  return g_strconcat (bucket_arn, "/", prefix, "/*", NULL);
}

/**
 * inflow_onboarding_check_inputs:
 *
 * Validates @info and @choices together, as every generator needs them:
 * both valid, Vantage's principal in the partition of the account (a role
 * can only trust principals of its own partition), and Autopilot's policy
 * present when Autopilot is chosen.
 */
gboolean
inflow_onboarding_check_inputs (const InflowOnboardingInfo     *info,
                                const InflowOnboardingChoices  *choices,
                                GError                        **error)
{
  g_autoptr(InflowRoleArn) principal = NULL;

  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (choices != NULL, FALSE);

  if (!inflow_onboarding_info_validate (info, error)
      || !inflow_onboarding_choices_validate (choices, error))
    return FALSE;

  principal = inflow_role_arn_parse (info->vantage_role_arn, NULL);
  g_assert (principal != NULL);
  if (principal->partition != choices->partition)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_PARTITION_MISMATCH,
                   _("Vantage’s role is in the %s partition but this account is in %s; a role can only trust principals of its own partition. Refresh Vantage’s AWS provider information for this partition or ask Vantage support."),
                   inflow_aws_partition_to_string (principal->partition),
                   inflow_aws_partition_to_string (choices->partition));
      return FALSE;
    }

  if (choices->enable_autopilot && info->policies[INFLOW_VANTAGE_POLICY_AUTOPILOT] == NULL)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING,
                   _("Autopilot is chosen, but Vantage’s AWS provider information has no “autopilot” policy; turn Autopilot off or refresh the information."));
      return FALSE;
    }

  return TRUE;
}

/**
 * inflow_named_policy_new:
 * @document: (transfer none): copied
 */
InflowNamedPolicy *
inflow_named_policy_new (const char *name,
                         JsonNode   *document)
{
  InflowNamedPolicy *policy;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (document != NULL, NULL);

  policy = g_new0 (InflowNamedPolicy, 1);
  policy->name = g_strdup (name);
  policy->document = json_node_copy (document);

  return policy;
}

void
inflow_named_policy_free (InflowNamedPolicy *policy)
{
  if (policy == NULL)
    return;

  g_free (policy->name);
  g_clear_pointer (&policy->document, json_node_unref);
  g_free (policy);
}

/**
 * inflow_aws_trust_policy_new:
 *
 * Returns: (transfer full): the assume-role policy: Vantage's role may
 *   call sts:AssumeRole when it passes the external ID
 */
JsonNode *
inflow_aws_trust_policy_new (const InflowOnboardingInfo *info)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (info != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Version");
  json_builder_add_string_value (builder, INFLOW_POLICY_VERSION);
  json_builder_set_member_name (builder, "Statement");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Effect");
  json_builder_add_string_value (builder, "Allow");
  json_builder_set_member_name (builder, "Principal");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "AWS");
  json_builder_add_string_value (builder, info->vantage_role_arn);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "Action");
  json_builder_add_string_value (builder, "sts:AssumeRole");
  json_builder_set_member_name (builder, "Condition");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "StringEquals");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sts:ExternalId");
  json_builder_add_string_value (builder, info->external_id);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * inflow_aws_cur_retrieval_policy_new:
 *
 * Returns: (transfer full): the policy that lets the role read the report
 *   files (see inflow_aws_report_objects_arn())
 */
JsonNode *
inflow_aws_cur_retrieval_policy_new (const InflowOnboardingChoices *choices)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *objects = NULL;

  g_return_val_if_fail (choices != NULL && choices->bucket_name != NULL, NULL);

  objects = inflow_aws_report_objects_arn (choices);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Version");
  json_builder_add_string_value (builder, INFLOW_POLICY_VERSION);
  json_builder_set_member_name (builder, "Statement");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Effect");
  json_builder_add_string_value (builder, "Allow");
  json_builder_set_member_name (builder, "Action");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "s3:GetObject");
  json_builder_add_string_value (builder, "s3:GetObjectAcl");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "Resource");
  json_builder_add_string_value (builder, objects);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * inflow_aws_role_policies_new:
 *
 * The role's inline policies, in order: root, VantageAutoPilot (when
 * chosen), VantageCloudWatchMetricsReadOnly,
 * VantageAdditionalResourceReadOnly and, when a Cost and Usage Report is
 * created, VantageCostandUsageReportRetrieval.
 *
 * Returns: (transfer full) (element-type InflowNamedPolicy) (nullable): the
 *   policies, or %NULL with @error set when the inputs do not check
 */
GPtrArray *
inflow_aws_role_policies_new (const InflowOnboardingInfo     *info,
                              const InflowOnboardingChoices  *choices,
                              GError                        **error)
{
  static const InflowVantagePolicy order[] = {
    INFLOW_VANTAGE_POLICY_ROOT,
    INFLOW_VANTAGE_POLICY_AUTOPILOT,
    INFLOW_VANTAGE_POLICY_CLOUDWATCH,
    INFLOW_VANTAGE_POLICY_RESOURCES,
  };
  g_autoptr(GPtrArray) policies = NULL;

  if (!inflow_onboarding_check_inputs (info, choices, error))
    return NULL;

  policies = g_ptr_array_new_with_free_func ((GDestroyNotify) inflow_named_policy_free);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (order[i] == INFLOW_VANTAGE_POLICY_AUTOPILOT && !choices->enable_autopilot)
        continue;

      g_ptr_array_add (policies,
                       inflow_named_policy_new (inflow_vantage_policy_get_role_policy_name (order[i]),
                                                info->policies[order[i]]));
    }

  if (inflow_onboarding_choices_creates_cur (choices))
    {
      g_autoptr(JsonNode) retrieval = inflow_aws_cur_retrieval_policy_new (choices);

      g_ptr_array_add (policies, inflow_named_policy_new (INFLOW_CUR_RETRIEVAL_POLICY_NAME, retrieval));
    }

  return g_steal_pointer (&policies);
}

/* A string that contains the account ID between @prefix and @suffix. */
static void
add_account_string (JsonBuilder         *builder,
                    InflowDocumentStyle  style,
                    const char          *prefix,
                    const char          *account_id,
                    const char          *suffix)
{
  if (style == INFLOW_DOCUMENT_STYLE_CLOUDFORMATION && *prefix == '\0' && *suffix == '\0')
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "Ref");
      json_builder_add_string_value (builder, "AWS::AccountId");
      json_builder_end_object (builder);
    }
  else if (style == INFLOW_DOCUMENT_STYLE_CLOUDFORMATION)
    {
      g_autofree char *template = g_strconcat (prefix, "${AWS::AccountId}", suffix, NULL);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "Fn::Sub");
      json_builder_add_string_value (builder, template);
      json_builder_end_object (builder);
    }
  else
    {
      g_autofree char *value = g_strconcat (prefix, account_id, suffix, NULL);

      json_builder_add_string_value (builder, value);
    }
}

static void
add_service_principal (JsonBuilder *builder,
                       const char  *first,
                       const char  *second)
{
  json_builder_set_member_name (builder, "Principal");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Service");
  if (second == NULL)
    json_builder_add_string_value (builder, first);
  else
    {
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, first);
      json_builder_add_string_value (builder, second);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static void
add_string_array (JsonBuilder *builder,
                  const char  *member,
                  const char  *first,
                  const char  *second)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, first);
  if (second != NULL)
    json_builder_add_string_value (builder, second);
  json_builder_end_array (builder);
}

/* Condition: {TEST: {aws:SourceArn: …, aws:SourceAccount: …}}; the
 * Data Exports statement allows two source ARNs. */
static void
add_source_condition (JsonBuilder         *builder,
                      InflowDocumentStyle  style,
                      const char          *test,
                      const char          *account_id,
                      gboolean             with_data_exports)
{
  json_builder_set_member_name (builder, "Condition");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, test);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "aws:SourceArn");
  if (with_data_exports)
    json_builder_begin_array (builder);
  add_account_string (builder, style, "arn:aws:cur:" INFLOW_CUR_API_REGION ":", account_id, ":definition/*");
  if (with_data_exports)
    {
      add_account_string (builder, style, "arn:aws:bcm-data-exports:" INFLOW_CUR_API_REGION ":", account_id, ":export/*");
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "aws:SourceAccount");
  add_account_string (builder, style, "", account_id, "");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_https_only_statement (JsonBuilder *builder,
                          const char  *bucket_arn,
                          const char  *objects)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Sid");
  json_builder_add_string_value (builder, INFLOW_HTTPS_ONLY_SID);
  json_builder_set_member_name (builder, "Effect");
  json_builder_add_string_value (builder, "Deny");
  json_builder_set_member_name (builder, "Principal");
  json_builder_add_string_value (builder, "*");
  json_builder_set_member_name (builder, "Action");
  json_builder_add_string_value (builder, "s3:*");
  add_string_array (builder, "Resource", bucket_arn, objects);
  json_builder_set_member_name (builder, "Condition");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Bool");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "aws:SecureTransport");
  json_builder_add_string_value (builder, "false");
  json_builder_end_object (builder);
  /* Billing delivers over HTTPS anyway; the exemption keeps it working. */
  json_builder_set_member_name (builder, "BoolIfExists");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "aws:PrincipalIsAWSService");
  json_builder_add_string_value (builder, "false");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/**
 * inflow_aws_bucket_policy_new:
 * @style: literal values, or CloudFormation intrinsic functions
 * @choices: the bucket, new or existing, and the report's prefix
 * @account_id: (nullable): the account's ID; ignored in CloudFormation style
 * @role_arn: the role's ARN; in CloudFormation style the logical ID of the
 *   role resource
 *
 * The report bucket's policy: the billing service may check the bucket and
 * write reports (legacy CUR and Data Exports, limited to this account's
 * report definitions and exports), and the role may read them. A bucket
 * Inflow creates also denies every request that does not use HTTPS
 * (AllowSSLRequestsOnly), AWS services exempt; an existing bucket does not
 * get that deny, which would reach every other client of the bucket. The
 * source ARNs live in us-east-1 in the aws partition, whatever the bucket's
 * region.
 *
 * Returns: (transfer full): the policy document
 */
JsonNode *
inflow_aws_bucket_policy_new (InflowDocumentStyle            style,
                              const InflowOnboardingChoices *choices,
                              const char                    *account_id,
                              const char                    *role_arn)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *bucket_arn = NULL;
  g_autofree char *objects = NULL;
  g_autofree char *report_objects = NULL;

  g_return_val_if_fail (choices != NULL && choices->bucket_name != NULL, NULL);
  g_return_val_if_fail (role_arn != NULL, NULL);
  g_return_val_if_fail (style == INFLOW_DOCUMENT_STYLE_CLOUDFORMATION || account_id != NULL, NULL);

  bucket_arn = inflow_bucket_arn_build (INFLOW_AWS_PARTITION_AWS, choices->bucket_name);
  objects = g_strconcat (bucket_arn, "/*", NULL);
  report_objects = inflow_aws_report_objects_arn (choices);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Version");
  json_builder_add_string_value (builder, INFLOW_POLICY_VERSION);
  json_builder_set_member_name (builder, "Statement");
  json_builder_begin_array (builder);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Sid");
  json_builder_add_string_value (builder, "S3BucketPermissionsRetrieval");
  json_builder_set_member_name (builder, "Effect");
  json_builder_add_string_value (builder, "Allow");
  add_service_principal (builder, "billingreports.amazonaws.com", NULL);
  add_string_array (builder, "Action", "s3:GetBucketAcl", "s3:GetBucketPolicy");
  json_builder_set_member_name (builder, "Resource");
  json_builder_add_string_value (builder, bucket_arn);
  add_source_condition (builder, style, "StringEquals", account_id, FALSE);
  json_builder_end_object (builder);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Sid");
  json_builder_add_string_value (builder, "S3PutObject");
  json_builder_set_member_name (builder, "Effect");
  json_builder_add_string_value (builder, "Allow");
  add_service_principal (builder, "billingreports.amazonaws.com", NULL);
  json_builder_set_member_name (builder, "Action");
  json_builder_add_string_value (builder, "s3:PutObject");
  json_builder_set_member_name (builder, "Resource");
  json_builder_add_string_value (builder, objects);
  add_source_condition (builder, style, "StringEquals", account_id, FALSE);
  json_builder_end_object (builder);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Sid");
  json_builder_add_string_value (builder, "EnableAWSDataExportsToWriteToS3AndCheckPolicy");
  json_builder_set_member_name (builder, "Effect");
  json_builder_add_string_value (builder, "Allow");
  add_service_principal (builder, "bcm-data-exports.amazonaws.com", "billingreports.amazonaws.com");
  add_string_array (builder, "Action", "s3:PutObject", "s3:GetBucketPolicy");
  add_string_array (builder, "Resource", bucket_arn, objects);
  add_source_condition (builder, style, "StringLike", account_id, TRUE);
  json_builder_end_object (builder);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Sid");
  json_builder_add_string_value (builder, "VantageCrossAccountRoleRead");
  json_builder_set_member_name (builder, "Effect");
  json_builder_add_string_value (builder, "Allow");
  json_builder_set_member_name (builder, "Principal");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "AWS");
  if (style == INFLOW_DOCUMENT_STYLE_CLOUDFORMATION)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "Fn::GetAtt");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, role_arn);
      json_builder_add_string_value (builder, "Arn");
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_string_value (builder, role_arn);
  json_builder_end_object (builder);
  add_string_array (builder, "Action", "s3:GetObject", "s3:GetObjectAcl");
  json_builder_set_member_name (builder, "Resource");
  json_builder_add_string_value (builder, report_objects);
  json_builder_end_object (builder);

  if (!choices->existing_bucket)
    add_https_only_statement (builder, bucket_arn, objects);

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * inflow_aws_report_definition_new:
 *
 * The legacy CUR report definition, in the field names shared by
 * `aws cur put-report-definition` and `AWS::CUR::ReportDefinition`: CSV in
 * GZIP, resource IDs, prefix daily-v1 or hourly-v1, overwritten and
 * refreshed; no additional artifacts (Athena, Redshift, QuickSight), so the
 * member is left out.
 *
 * Returns: (transfer full): the definition
 */
JsonNode *
inflow_aws_report_definition_new (const InflowOnboardingChoices *choices)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (choices != NULL, NULL);
  g_return_val_if_fail (choices->bucket_name != NULL && choices->bucket_region != NULL, NULL);

  prefix = inflow_onboarding_choices_get_s3_prefix (choices);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ReportName");
  json_builder_add_string_value (builder, choices->report_name);
  json_builder_set_member_name (builder, "TimeUnit");
  json_builder_add_string_value (builder, inflow_cur_time_unit_to_string (choices->time_unit));
  json_builder_set_member_name (builder, "Format");
  json_builder_add_string_value (builder, "textORcsv");
  json_builder_set_member_name (builder, "Compression");
  json_builder_add_string_value (builder, "GZIP");
  json_builder_set_member_name (builder, "AdditionalSchemaElements");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "RESOURCES");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "S3Bucket");
  json_builder_add_string_value (builder, choices->bucket_name);
  json_builder_set_member_name (builder, "S3Prefix");
  json_builder_add_string_value (builder, prefix);
  json_builder_set_member_name (builder, "S3Region");
  json_builder_add_string_value (builder, choices->bucket_region);
  json_builder_set_member_name (builder, "RefreshClosedReports");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "ReportVersioning");
  json_builder_add_string_value (builder, "OVERWRITE_REPORT");
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/**
 * inflow_aws_data_export_new:
 * @style: literal values, or CloudFormation intrinsic functions
 * @choices: the report's name, granularity, bucket and region
 * @account_id: (nullable): the account's ID for the billing view; ignored
 *   in CloudFormation style
 *
 * The CUR 2.0 export of Vantage's module (`aws_bcmdataexports_export`), in
 * the field names shared by `aws bcm-data-exports create-export --export`
 * and the `Export` property of `AWS::BCMDataExports::Export`: the module's
 * columns of COST_AND_USAGE_REPORT with resource IDs and IAM principal
 * data, gzip CSV, overwritten, refreshed whenever the data changes.
 *
 * Returns: (transfer full): the export
 */
JsonNode *
inflow_aws_data_export_new (InflowDocumentStyle            style,
                            const InflowOnboardingChoices *choices,
                            const char                    *account_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *query = inflow_aws_cur2_query_statement ();
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (choices != NULL, NULL);
  g_return_val_if_fail (choices->bucket_name != NULL && choices->bucket_region != NULL, NULL);
  g_return_val_if_fail (style == INFLOW_DOCUMENT_STYLE_CLOUDFORMATION || account_id != NULL, NULL);

  prefix = inflow_onboarding_choices_get_s3_prefix (choices);

  json_builder_begin_object (builder);
  add_string_member (builder, "Name", choices->report_name);

  json_builder_set_member_name (builder, "DataQuery");
  json_builder_begin_object (builder);
  add_string_member (builder, "QueryStatement", query);
  json_builder_set_member_name (builder, "TableConfigurations");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, INFLOW_CUR2_TABLE);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "BILLING_VIEW_ARN");
  if (style == INFLOW_DOCUMENT_STYLE_CLOUDFORMATION)
    {
      json_builder_begin_object (builder);
      add_string_member (builder, "Fn::Sub", "arn:${AWS::Partition}:billing::${AWS::AccountId}:billingview/primary");
      json_builder_end_object (builder);
    }
  else
    {
      g_autofree char *view = g_strconcat ("arn:aws:billing::", account_id, ":billingview/primary", NULL);

      json_builder_add_string_value (builder, view);
    }
  add_string_member (builder, "TIME_GRANULARITY", inflow_cur_time_unit_to_string (choices->time_unit));
  add_string_member (builder, "INCLUDE_RESOURCES", "TRUE");
  add_string_member (builder, "INCLUDE_SPLIT_COST_ALLOCATION_DATA", "FALSE");
  add_string_member (builder, "INCLUDE_CAPACITY_RESERVATION_DATA", "FALSE");
  add_string_member (builder, "INCLUDE_IAM_PRINCIPAL_DATA", "TRUE");
  add_string_member (builder, "INCLUDE_MANUAL_DISCOUNT_COMPATIBILITY", "FALSE");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "DestinationConfigurations");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "S3Destination");
  json_builder_begin_object (builder);
  add_string_member (builder, "S3Bucket", choices->bucket_name);
  add_string_member (builder, "S3Prefix", prefix);
  add_string_member (builder, "S3Region", choices->bucket_region);
  json_builder_set_member_name (builder, "S3OutputConfigurations");
  json_builder_begin_object (builder);
  add_string_member (builder, "OutputType", "CUSTOM");
  add_string_member (builder, "Format", "TEXT_OR_CSV");
  add_string_member (builder, "Compression", "GZIP");
  add_string_member (builder, "Overwrite", "OVERWRITE_REPORT");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "RefreshCadence");
  json_builder_begin_object (builder);
  add_string_member (builder, "Frequency", "SYNCHRONOUS");
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * inflow_aws_cur_topic_arn:
 * @region: one of the five CUR bucket regions
 *
 * Returns: (transfer full): Vantage's SNS topic a CUR bucket in @region
 *   notifies when a report file lands
 */
char *
inflow_aws_cur_topic_arn (const char *region)
{
  g_return_val_if_fail (region != NULL, NULL);

  return g_strdup_printf ("arn:aws:sns:%s:" INFLOW_VANTAGE_AWS_ACCOUNT_ID ":" INFLOW_CUR_TOPIC_NAME, region);
}

/**
 * inflow_aws_bucket_notification_new:
 *
 * Returns: (transfer full): the bucket's notification configuration in the
 *   form of `aws s3api put-bucket-notification-configuration`
 */
JsonNode *
inflow_aws_bucket_notification_new (const InflowOnboardingChoices *choices)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *topic = NULL;

  g_return_val_if_fail (choices != NULL && choices->bucket_region != NULL, NULL);

  topic = inflow_aws_cur_topic_arn (choices->bucket_region);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "TopicConfigurations");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Id");
  json_builder_add_string_value (builder, "vantage-cur-uploaded");
  json_builder_set_member_name (builder, "TopicArn");
  json_builder_add_string_value (builder, topic);
  add_string_array (builder, "Events", INFLOW_CUR_NOTIFICATION_EVENT, NULL);
  json_builder_set_member_name (builder, "Filter");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Key");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "FilterRules");
  json_builder_begin_array (builder);
  if (choices->existing_bucket)
    {
      /* Only the report's files: the bucket has other contents. */
      g_autofree char *prefix = inflow_onboarding_choices_get_s3_prefix (choices);
      g_autofree char *value = g_strconcat (prefix, "/", NULL);

      json_builder_begin_object (builder);
      add_string_member (builder, "Name", "prefix");
      add_string_member (builder, "Value", value);
      json_builder_end_object (builder);
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Name");
  json_builder_add_string_value (builder, "suffix");
  json_builder_set_member_name (builder, "Value");
  json_builder_add_string_value (builder, INFLOW_CUR_OBJECT_SUFFIX);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * inflow_aws_bucket_lifecycle_new:
 *
 * Returns: (transfer full): the lifecycle rule that expires report files
 *   after 200 days, in the form of
 *   `aws s3api put-bucket-lifecycle-configuration`
 */
JsonNode *
inflow_aws_bucket_lifecycle_new (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Rules");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ID");
  json_builder_add_string_value (builder, INFLOW_CUR_LIFECYCLE_RULE_ID);
  json_builder_set_member_name (builder, "Status");
  json_builder_add_string_value (builder, "Enabled");
  json_builder_set_member_name (builder, "Filter");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Prefix");
  json_builder_add_string_value (builder, "");
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "Expiration");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Days");
  json_builder_add_int_value (builder, INFLOW_CUR_LIFECYCLE_DAYS);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * inflow_aws_view_only_policy_arn:
 *
 * Returns: the AWS managed ViewOnlyAccess policy in @partition
 */
const char *
inflow_aws_view_only_policy_arn (InflowAwsPartition partition)
{
  switch (partition)
    {
    case INFLOW_AWS_PARTITION_AWS:
      return "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess";
    case INFLOW_AWS_PARTITION_AWS_US_GOV:
      return "arn:aws-us-gov:iam::aws:policy/job-function/ViewOnlyAccess";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * inflow_json_to_string:
 * @pretty: indent by two spaces, one member per line
 *
 * Returns: (transfer full): @node as JSON text
 */
char *
inflow_json_to_string (JsonNode *node,
                       gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_return_val_if_fail (node != NULL, NULL);

  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);

  return json_generator_to_data (generator, NULL);
}
