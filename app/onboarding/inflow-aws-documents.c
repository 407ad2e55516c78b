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
 * created. The shapes follow Vantage's Terraform module as the research
 * notes record it: the trust policy with the external ID condition, the
 * inline policies by name, and for the Cost and Usage Report the four-
 * statement bucket policy, the notification to Vantage's topic in the
 * bucket's region and the legacy report definition.
 */

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
 *   files in @bucket_name
 */
JsonNode *
inflow_aws_cur_retrieval_policy_new (InflowAwsPartition  partition,
                                     const char         *bucket_name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *bucket_arn = NULL;
  g_autofree char *objects = NULL;

  g_return_val_if_fail (bucket_name != NULL, NULL);

  bucket_arn = inflow_bucket_arn_build (partition, bucket_name);
  objects = g_strconcat (bucket_arn, "/*", NULL);

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
      g_autoptr(JsonNode) retrieval = inflow_aws_cur_retrieval_policy_new (choices->partition, choices->bucket_name);

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

/**
 * inflow_aws_bucket_policy_new:
 * @style: literal values, or CloudFormation intrinsic functions
 * @bucket_name: the CUR bucket
 * @account_id: (nullable): the account's ID; ignored in CloudFormation style
 * @role_arn: the role's ARN; in CloudFormation style the logical ID of the
 *   role resource
 *
 * The CUR bucket's policy: the billing service may check the bucket and
 * write reports (legacy CUR and Data Exports, limited to this account's
 * report definitions), and the role may read them. The CUR source ARNs live
 * in us-east-1 in the aws partition, whatever the bucket's region.
 *
 * Returns: (transfer full): the policy document
 */
JsonNode *
inflow_aws_bucket_policy_new (InflowDocumentStyle  style,
                              const char          *bucket_name,
                              const char          *account_id,
                              const char          *role_arn)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *bucket_arn = NULL;
  g_autofree char *objects = NULL;

  g_return_val_if_fail (bucket_name != NULL, NULL);
  g_return_val_if_fail (role_arn != NULL, NULL);
  g_return_val_if_fail (style == INFLOW_DOCUMENT_STYLE_CLOUDFORMATION || account_id != NULL, NULL);

  bucket_arn = inflow_bucket_arn_build (INFLOW_AWS_PARTITION_AWS, bucket_name);
  objects = g_strconcat (bucket_arn, "/*", NULL);

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
  json_builder_add_string_value (builder, objects);
  json_builder_end_object (builder);

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
