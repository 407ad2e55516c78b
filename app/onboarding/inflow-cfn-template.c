/* inflow-cfn-template.c: the CloudFormation template, its links and commands
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-onboarding"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "inflow-aws-documents.h"
#include "inflow-cfn-template.h"
#include "inflow-console-links.h"
#include "inflow-onboarding-error.h"
#include "inflow-policy-summary.h"
#include "inflow-shell-quote.h"

/* `aws cloudformation deploy` and the console take a template body of at
 * most this many bytes without an S3 upload. */
#define TEMPLATE_BODY_MAX 51200

static void
add_role (JsonBuilder                   *builder,
          const InflowOnboardingInfo    *info,
          const InflowOnboardingChoices *choices,
          GPtrArray                     *policies,
          const char                    *description)
{
  g_autoptr(JsonNode) trust = inflow_aws_trust_policy_new (info);

  json_builder_set_member_name (builder, INFLOW_CFN_ROLE_RESOURCE);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Type");
  json_builder_add_string_value (builder, "AWS::IAM::Role");
  json_builder_set_member_name (builder, "Properties");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "RoleName");
  json_builder_add_string_value (builder, choices->role_name);
  json_builder_set_member_name (builder, "Path");
  json_builder_add_string_value (builder, inflow_onboarding_choices_get_role_path (choices));
  json_builder_set_member_name (builder, "Description");
  json_builder_add_string_value (builder, description);
  json_builder_set_member_name (builder, "AssumeRolePolicyDocument");
  json_builder_add_value (builder, g_steal_pointer (&trust));
  json_builder_set_member_name (builder, "ManagedPolicyArns");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, inflow_aws_view_only_policy_arn (choices->partition));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "Policies");
  json_builder_begin_array (builder);
  for (guint i = 0; i < policies->len; i++)
    {
      InflowNamedPolicy *policy = g_ptr_array_index (policies, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "PolicyName");
      json_builder_add_string_value (builder, policy->name);
      json_builder_set_member_name (builder, "PolicyDocument");
      json_builder_add_value (builder, json_node_copy (policy->document));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_bucket (JsonBuilder                   *builder,
            const InflowOnboardingChoices *choices)
{
  g_autofree char *topic = inflow_aws_cur_topic_arn (choices->bucket_region);
  static const char * const public_access_flags[] = {
    "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets",
  };

  json_builder_set_member_name (builder, INFLOW_CFN_BUCKET_RESOURCE);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Type");
  json_builder_add_string_value (builder, "AWS::S3::Bucket");
  json_builder_set_member_name (builder, "Properties");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "BucketName");
  json_builder_add_string_value (builder, choices->bucket_name);

  json_builder_set_member_name (builder, "PublicAccessBlockConfiguration");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (public_access_flags); i++)
    {
      json_builder_set_member_name (builder, public_access_flags[i]);
      json_builder_add_boolean_value (builder, TRUE);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "LifecycleConfiguration");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Rules");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Id");
  json_builder_add_string_value (builder, INFLOW_CUR_LIFECYCLE_RULE_ID);
  json_builder_set_member_name (builder, "Status");
  json_builder_add_string_value (builder, "Enabled");
  json_builder_set_member_name (builder, "ExpirationInDays");
  json_builder_add_int_value (builder, INFLOW_CUR_LIFECYCLE_DAYS);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "NotificationConfiguration");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "TopicConfigurations");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Event");
  json_builder_add_string_value (builder, INFLOW_CUR_NOTIFICATION_EVENT);
  json_builder_set_member_name (builder, "Topic");
  json_builder_add_string_value (builder, topic);
  json_builder_set_member_name (builder, "Filter");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "S3Key");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Rules");
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

  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_bucket_policy (JsonBuilder                   *builder,
                   const InflowOnboardingChoices *choices)
{
  JsonNode *document = inflow_aws_bucket_policy_new (INFLOW_DOCUMENT_STYLE_CLOUDFORMATION,
                                                     choices, NULL, INFLOW_CFN_ROLE_RESOURCE);

  json_builder_set_member_name (builder, INFLOW_CFN_BUCKET_POLICY_RESOURCE);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Type");
  json_builder_add_string_value (builder, "AWS::S3::BucketPolicy");
  json_builder_set_member_name (builder, "Properties");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Bucket");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Ref");
  json_builder_add_string_value (builder, INFLOW_CFN_BUCKET_RESOURCE);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "PolicyDocument");
  json_builder_add_value (builder, document);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/* The legacy report definition, or the CUR 2.0 export. */
static void
add_report (JsonBuilder                   *builder,
            const InflowOnboardingChoices *choices)
{
  gboolean cur2 = choices->cur_kind == INFLOW_CUR_KIND_CUR2;

  json_builder_set_member_name (builder, cur2 ? INFLOW_CFN_EXPORT_RESOURCE : INFLOW_CFN_REPORT_RESOURCE);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Type");
  json_builder_add_string_value (builder, cur2 ? "AWS::BCMDataExports::Export" : "AWS::CUR::ReportDefinition");
  /* The billing service checks the bucket policy when the report is
   * defined, so the policy comes first. */
  json_builder_set_member_name (builder, "DependsOn");
  json_builder_add_string_value (builder, INFLOW_CFN_BUCKET_POLICY_RESOURCE);
  json_builder_set_member_name (builder, "Properties");
  if (cur2)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "Export");
      json_builder_add_value (builder, inflow_aws_data_export_new (INFLOW_DOCUMENT_STYLE_CLOUDFORMATION, choices, NULL));
      json_builder_end_object (builder);
    }
  else
    {
      json_builder_add_value (builder, inflow_aws_report_definition_new (choices));
    }
  json_builder_end_object (builder);
}

static void
add_output (JsonBuilder *builder,
            const char  *name,
            const char  *description,
            const char  *resource)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Description");
  json_builder_add_string_value (builder, description);
  json_builder_set_member_name (builder, "Value");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Fn::GetAtt");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, resource);
  json_builder_add_string_value (builder, "Arn");
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static gboolean
check_cloudformation_limits (const InflowOnboardingChoices  *choices,
                             GError                        **error)
{
  if (!inflow_onboarding_choices_creates_cur (choices))
    return TRUE;

  /* A stack cannot add a notification to a bucket it did not create. */
  if (choices->existing_bucket)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED,
                   _("CloudFormation cannot add Vantage’s notification to a bucket the stack does not create. Use the AWS CLI or Terraform method for an existing bucket, or choose a new bucket."));
      return FALSE;
    }

  /* AWS::CUR::ReportDefinition and AWS::BCMDataExports::Export exist only
   * in us-east-1 stacks, and a stack creates its bucket in its own region;
   * so the bucket has to be in us-east-1 too. */
  if (!g_str_equal (choices->bucket_region, INFLOW_CUR_API_REGION))
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED,
                   _("CloudFormation can create the report only in a stack in us-east-1, and the stack would create the bucket there too. Choose us-east-1 for the bucket, or use the AWS CLI or Terraform method for a bucket in %s."),
                   choices->bucket_region);
      return FALSE;
    }

  return TRUE;
}

static JsonNode *
build_template (const InflowOnboardingInfo     *info,
                const InflowOnboardingChoices  *choices,
                GError                        **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GPtrArray) policies = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autofree char *role_description = NULL;
  g_autofree char *description = NULL;
  gboolean creates_cur;

  policies = inflow_aws_role_policies_new (info, choices, error);
  if (policies == NULL)
    return NULL;
  summaries = inflow_role_policy_summaries_new (info, choices, NULL);
  role_description = inflow_role_description_new (summaries);

  if (!check_cloudformation_limits (choices, error))
    return NULL;

  creates_cur = inflow_onboarding_choices_creates_cur (choices);
  builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "AWSTemplateFormatVersion");
  json_builder_add_string_value (builder, "2010-09-09");
  if (creates_cur)
    /* Translators: %1$s is "Cost and Usage Report" or "CUR 2.0 export", %2$s
     * what the role allows (English, as IAM shows it) */
    description = g_strdup_printf (_("Connects this management account to Vantage: a cross-account role, and a %1$s delivered to a new S3 bucket. The role: %2$s. Generated by Inflow."),
                                   inflow_onboarding_choices_get_report_label (choices), role_description);
  else
    /* Translators: %s is what the role allows (English, as IAM shows it) */
    description = g_strdup_printf (_("Connects this account to Vantage with a cross-account role: %s. Generated by Inflow."),
                                   role_description);
  json_builder_set_member_name (builder, "Description");
  json_builder_add_string_value (builder, description);

  json_builder_set_member_name (builder, "Resources");
  json_builder_begin_object (builder);
  add_role (builder, info, choices, policies, role_description);
  if (creates_cur)
    {
      add_bucket (builder, choices);
      add_bucket_policy (builder, choices);
      add_report (builder, choices);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "Outputs");
  json_builder_begin_object (builder);
  add_output (builder, INFLOW_CFN_ROLE_ARN_OUTPUT,
              _("The ARN of the role Vantage assumes"), INFLOW_CFN_ROLE_RESOURCE);
  if (creates_cur)
    add_output (builder, INFLOW_CFN_BUCKET_ARN_OUTPUT,
                _("The ARN of the bucket that receives the report"), INFLOW_CFN_BUCKET_RESOURCE);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * inflow_cfn_template_generate:
 *
 * The CloudFormation template for @choices: the role (trust policy,
 * inline policies, ViewOnlyAccess) and, for a management account, the
 * report bucket with its policy and notification and the legacy report
 * definition or the CUR 2.0 export; the role ARN (and bucket ARN) as
 * outputs.
 *
 * Returns: (transfer full) (nullable): the template as pretty JSON, or
 *   compact JSON when the pretty form would pass the 51,200-byte limit of a
 *   template body
 */
char *
inflow_cfn_template_generate (const InflowOnboardingInfo     *info,
                              const InflowOnboardingChoices  *choices,
                              GError                        **error)
{
  g_autoptr(JsonNode) template = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (choices != NULL, NULL);

  template = build_template (info, choices, error);
  if (template == NULL)
    return NULL;

  text = inflow_json_to_string (template, TRUE);
  if (strlen (text) > TEMPLATE_BODY_MAX)
    {
      g_free (text);
      text = inflow_json_to_string (template, FALSE);
    }

  if (strlen (text) > TEMPLATE_BODY_MAX)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED,
                   ngettext ("The template has %u byte; CloudFormation takes at most 51,200 without an S3 upload. Use the AWS CLI method instead.",
                             "The template has %u bytes; CloudFormation takes at most 51,200 without an S3 upload. Use the AWS CLI method instead.",
                             strlen (text)),
                   (guint) strlen (text));
      return NULL;
    }

  return g_steal_pointer (&text);
}

/**
 * inflow_cfn_material_generate:
 *
 * Everything the CloudFormation method shows: the template, the console
 * link, the deploy command and the command that prints the outputs.
 *
 * Returns: (transfer full) (nullable): the material, or %NULL with @error
 */
InflowCfnMaterial *
inflow_cfn_material_generate (const InflowOnboardingInfo     *info,
                              const InflowOnboardingChoices  *choices,
                              GError                        **error)
{
  g_autoptr(InflowCfnMaterial) material = NULL;
  g_autoptr(InflowShellCommand) deploy = NULL;
  g_autoptr(InflowShellCommand) outputs = NULL;
  g_autofree char *template = NULL;

  template = inflow_cfn_template_generate (info, choices, error);
  if (template == NULL)
    return NULL;

  material = g_new0 (InflowCfnMaterial, 1);
  material->template_json = g_steal_pointer (&template);
  material->file_name = g_strconcat (choices->stack_name, ".json", NULL);
  material->region = g_strdup (inflow_onboarding_choices_get_stack_region (choices));
  material->console_url = inflow_console_link_cloudformation_create (choices->partition, material->region);
  material->vantage_console_url = g_strdup (INFLOW_VANTAGE_INTEGRATIONS_URL);
  material->note = inflow_onboarding_choices_dup_cur_note (choices);

  deploy = inflow_shell_command_new ("aws cloudformation deploy");
  inflow_shell_command_add (deploy, "--region", material->region);
  inflow_shell_command_add (deploy, "--stack-name", choices->stack_name);
  inflow_shell_command_add (deploy, "--template-file", material->file_name);
  /* The role has a fixed name, which needs the named-IAM capability. */
  inflow_shell_command_add (deploy, "--capabilities", "CAPABILITY_NAMED_IAM");
  material->deploy_command = inflow_shell_command_free_to_string (g_steal_pointer (&deploy));

  outputs = inflow_shell_command_new ("aws cloudformation describe-stacks");
  inflow_shell_command_add (outputs, "--region", material->region);
  inflow_shell_command_add (outputs, "--stack-name", choices->stack_name);
  inflow_shell_command_add (outputs, "--query", "Stacks[0].Outputs");
  inflow_shell_command_add (outputs, "--output", "json");
  material->outputs_command = inflow_shell_command_free_to_string (g_steal_pointer (&outputs));

  g_assert (inflow_console_link_is_allowed (material->console_url));
  g_assert (inflow_console_link_is_allowed (material->vantage_console_url));

  return g_steal_pointer (&material);
}

void
inflow_cfn_material_free (InflowCfnMaterial *material)
{
  if (material == NULL)
    return;

  g_free (material->template_json);
  g_free (material->file_name);
  g_free (material->region);
  g_free (material->console_url);
  g_free (material->deploy_command);
  g_free (material->outputs_command);
  g_free (material->vantage_console_url);
  g_free (material->note);
  g_free (material);
}
