/* inflow-onboarding-choices.c: what the admin chose for one connection
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-onboarding"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-onboarding-choices.h"
#include "inflow-onboarding-error.h"

/* The defaults follow Vantage's Terraform module: its role name, report
 * name, daily granularity, a legacy report (`upgrade_to_cur_2` is off by
 * default) in a new bucket, and Autopilot on. */
#define DEFAULT_ROLE_NAME   "vantage_cross_account_connection"
#define DEFAULT_STACK_NAME  "vantage-integration"
#define DEFAULT_REPORT_NAME "VantageReport"

/**
 * inflow_onboarding_choices_new:
 *
 * Returns: (transfer full): choices with the defaults: role
 *   vantage_cross_account_connection at "/", stack vantage-integration,
 *   report VantageReport, daily, a legacy report in a new bucket,
 *   Autopilot on, no bucket yet
 */
InflowOnboardingChoices *
inflow_onboarding_choices_new (InflowAccountKind  kind,
                               InflowAwsPartition partition)
{
  InflowOnboardingChoices *choices = g_new0 (InflowOnboardingChoices, 1);

  choices->kind = kind;
  choices->partition = partition;
  choices->stack_name = g_strdup (DEFAULT_STACK_NAME);
  choices->role_name = g_strdup (DEFAULT_ROLE_NAME);
  choices->report_name = g_strdup (DEFAULT_REPORT_NAME);
  choices->time_unit = INFLOW_CUR_TIME_UNIT_DAILY;
  choices->cur_kind = INFLOW_CUR_KIND_LEGACY;
  choices->enable_autopilot = TRUE;

  return choices;
}

InflowOnboardingChoices *
inflow_onboarding_choices_copy (const InflowOnboardingChoices *choices)
{
  InflowOnboardingChoices *copy;

  g_return_val_if_fail (choices != NULL, NULL);

  copy = g_new0 (InflowOnboardingChoices, 1);
  *copy = *choices;
  copy->account_id = g_strdup (choices->account_id);
  copy->stack_name = g_strdup (choices->stack_name);
  copy->role_name = g_strdup (choices->role_name);
  copy->role_path = g_strdup (choices->role_path);
  copy->bucket_name = g_strdup (choices->bucket_name);
  copy->bucket_region = g_strdup (choices->bucket_region);
  copy->report_name = g_strdup (choices->report_name);
  copy->paired_govcloud_account_id = g_strdup (choices->paired_govcloud_account_id);

  return copy;
}

void
inflow_onboarding_choices_free (InflowOnboardingChoices *choices)
{
  if (choices == NULL)
    return;

  g_free (choices->account_id);
  g_free (choices->stack_name);
  g_free (choices->role_name);
  g_free (choices->role_path);
  g_free (choices->bucket_name);
  g_free (choices->bucket_region);
  g_free (choices->report_name);
  g_free (choices->paired_govcloud_account_id);
  g_free (choices);
}

const char *
inflow_cur_time_unit_to_string (InflowCurTimeUnit time_unit)
{
  switch (time_unit)
    {
    case INFLOW_CUR_TIME_UNIT_DAILY:
      return "DAILY";
    case INFLOW_CUR_TIME_UNIT_HOURLY:
      return "HOURLY";
    default:
      g_return_val_if_reached ("DAILY");
    }
}

const char *
inflow_cur_kind_to_string (InflowCurKind cur_kind)
{
  switch (cur_kind)
    {
    case INFLOW_CUR_KIND_LEGACY:
      return "legacy";
    case INFLOW_CUR_KIND_CUR2:
      return "cur2";
    default:
      g_return_val_if_reached ("legacy");
    }
}

gboolean
inflow_cur_kind_from_string (const char    *text,
                             InflowCurKind *cur_kind)
{
  if (g_strcmp0 (text, "legacy") == 0)
    *cur_kind = INFLOW_CUR_KIND_LEGACY;
  else if (g_strcmp0 (text, "cur2") == 0)
    *cur_kind = INFLOW_CUR_KIND_CUR2;
  else
    return FALSE;

  return TRUE;
}

/**
 * inflow_onboarding_choices_creates_cur:
 *
 * The Cost and Usage Report (legacy or CUR 2.0, its bucket policy and
 * notification, the bucket itself unless it exists) is set up for a
 * management account; a member account's costs are in its management
 * account's report.
 */
gboolean
inflow_onboarding_choices_creates_cur (const InflowOnboardingChoices *choices)
{
  g_return_val_if_fail (choices != NULL, FALSE);

  return choices->kind == INFLOW_ACCOUNT_KIND_MANAGEMENT;
}

/**
 * inflow_onboarding_choices_get_report_label:
 *
 * Returns: what the report is called in sentences: "Cost and Usage Report"
 *   or "CUR 2.0 export"
 */
const char *
inflow_onboarding_choices_get_report_label (const InflowOnboardingChoices *choices)
{
  g_return_val_if_fail (choices != NULL, NULL);

  return choices->cur_kind == INFLOW_CUR_KIND_CUR2 ? _("CUR 2.0 export") : _("Cost and Usage Report");
}

/**
 * inflow_onboarding_choices_dup_cur_note:
 *
 * Returns: (transfer full) (nullable): how the costs of the paired GovCloud
 *   (US) account reach Vantage, when this standard account is connected for
 *   them; %NULL otherwise
 */
char *
inflow_onboarding_choices_dup_cur_note (const InflowOnboardingChoices *choices)
{
  g_return_val_if_fail (choices != NULL, NULL);

  if (choices->paired_govcloud_account_id == NULL)
    return NULL;

  /* Translators: %s is the 12-digit ID of an AWS GovCloud (US) account */
  return g_strdup_printf (_("This standard account is paired with the GovCloud (US) account %s. GovCloud usage is billed to "
                            "the standard account, so its costs reach Vantage through this account’s Cost and Usage Report, "
                            "or its management account’s. Vantage does not sync Active Resources from GovCloud."),
                          choices->paired_govcloud_account_id);
}

/**
 * inflow_onboarding_choices_get_cur_warning:
 *
 * Returns: (nullable): the caution against a legacy report and a CUR 2.0
 *   export in one bucket, when these choices could lead there (an existing
 *   bucket, or a CUR 2.0 export that may replace a legacy report); %NULL
 *   for a member account
 */
const char *
inflow_onboarding_choices_get_cur_warning (const InflowOnboardingChoices *choices)
{
  g_return_val_if_fail (choices != NULL, NULL);

  if (!inflow_onboarding_choices_creates_cur (choices))
    return NULL;

  if (choices->existing_bucket)
    return _("Keep one kind of report in a bucket: a legacy Cost and Usage Report and a CUR 2.0 export delivered to the "
             "same bucket make Vantage count every cost twice. If this bucket already receives a report for Vantage, "
             "choose that kind, or use a new bucket.");

  if (choices->cur_kind == INFLOW_CUR_KIND_CUR2)
    return _("Replacing a legacy Cost and Usage Report? Delete it once the CUR 2.0 export delivers, and never point "
             "both at one bucket: Vantage would count every cost twice.");

  return NULL;
}

/**
 * inflow_onboarding_choices_get_role_path:
 *
 * Returns: the role path, "/" when none was chosen
 */
const char *
inflow_onboarding_choices_get_role_path (const InflowOnboardingChoices *choices)
{
  g_return_val_if_fail (choices != NULL, "/");

  return choices->role_path != NULL && *choices->role_path != '\0' ? choices->role_path : "/";
}

/**
 * inflow_onboarding_choices_get_stack_region:
 *
 * Returns: the region the stack and commands run in: the bucket's region
 *   when a report is set up (its notification must stay in that region),
 *   the partition's default region otherwise (IAM is global in a partition)
 */
const char *
inflow_onboarding_choices_get_stack_region (const InflowOnboardingChoices *choices)
{
  g_return_val_if_fail (choices != NULL, NULL);

  if (inflow_onboarding_choices_creates_cur (choices) && choices->bucket_region != NULL)
    return choices->bucket_region;

  return inflow_aws_partition_get_default_region (choices->partition);
}

/**
 * inflow_onboarding_choices_get_s3_prefix:
 *
 * Returns: (transfer full): the report's S3 prefix, "daily-v1" or
 *   "hourly-v1", as Vantage's module names it for both kinds of report
 */
char *
inflow_onboarding_choices_get_s3_prefix (const InflowOnboardingChoices *choices)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (choices != NULL, NULL);

  lower = g_ascii_strdown (inflow_cur_time_unit_to_string (choices->time_unit), -1);

  return g_strconcat (lower, "-v1", NULL);
}

/**
 * inflow_onboarding_choices_validate:
 *
 * Checks every value the generators put into commands and templates. For a
 * management account, the bucket name and region are required.
 *
 * Only aws accounts are connected: Vantage's principal lives in the aws
 * partition, and a role in aws-us-gov cannot trust it. A GovCloud (US)
 * account's costs reach Vantage through the standard account it is paired
 * with, which is the one to connect (with @paired_govcloud_account_id).
 */
gboolean
inflow_onboarding_choices_validate (const InflowOnboardingChoices  *choices,
                                    GError                        **error)
{
  g_return_val_if_fail (choices != NULL, FALSE);

  if (choices->kind != INFLOW_ACCOUNT_KIND_MANAGEMENT && choices->kind != INFLOW_ACCOUNT_KIND_MEMBER)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("The account kind is neither management nor member."));
      return FALSE;
    }

  if (choices->partition == INFLOW_AWS_PARTITION_AWS_US_GOV)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION,
                   _("A GovCloud (US) account cannot get a role for Vantage: Vantage’s principal is in the aws "
                     "partition, which a GovCloud role cannot trust. Its costs reach Vantage through the standard "
                     "account it is paired with; connect that account instead."));
      return FALSE;
    }

  if (choices->partition != INFLOW_AWS_PARTITION_AWS)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION,
                   _("The partition is not supported; Vantage connects standard (aws) accounts."));
      return FALSE;
    }

  if (choices->cur_kind != INFLOW_CUR_KIND_LEGACY && choices->cur_kind != INFLOW_CUR_KIND_CUR2)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("The report kind is neither a legacy Cost and Usage Report nor a CUR 2.0 export."));
      return FALSE;
    }

  if (choices->time_unit != INFLOW_CUR_TIME_UNIT_DAILY && choices->time_unit != INFLOW_CUR_TIME_UNIT_HOURLY)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("The report granularity is neither daily nor hourly."));
      return FALSE;
    }

  if (choices->account_id != NULL && !inflow_aws_validate_account_id (choices->account_id, error))
    return FALSE;

  if (choices->paired_govcloud_account_id != NULL &&
      !inflow_aws_validate_account_id (choices->paired_govcloud_account_id, error))
    return FALSE;

  if (!inflow_aws_validate_stack_name (choices->stack_name != NULL ? choices->stack_name : "", error))
    return FALSE;

  if (!inflow_aws_validate_role_name (choices->role_name != NULL ? choices->role_name : "", error))
    return FALSE;

  if (!inflow_aws_validate_role_path (inflow_onboarding_choices_get_role_path (choices), error))
    return FALSE;

  if (!inflow_onboarding_choices_creates_cur (choices))
    return TRUE;

  if (choices->bucket_name == NULL || *choices->bucket_name == '\0')
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING,
                   _("A management account needs a bucket for its report; choose a bucket name."));
      return FALSE;
    }

  if (!inflow_aws_validate_bucket_name (choices->bucket_name, error))
    return FALSE;

  if (choices->bucket_region == NULL || *choices->bucket_region == '\0')
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING,
                   _("Choose the region of the Cost and Usage Report bucket: ap-southeast-1, eu-west-1, eu-west-2, us-east-1 or us-west-2."));
      return FALSE;
    }

  if (!inflow_aws_validate_cur_bucket_region (choices->bucket_region, error))
    return FALSE;

  if (!inflow_aws_validate_report_name (choices->report_name != NULL ? choices->report_name : "", error))
    return FALSE;

  return TRUE;
}
