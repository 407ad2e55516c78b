/* inflow-iam-console.c: what to paste into the IAM console for a manual role
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-onboarding"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-aws-documents.h"
#include "inflow-console-links.h"
#include "inflow-iam-console.h"
#include "inflow-onboarding-error.h"

void
inflow_named_text_free (InflowNamedText *text)
{
  if (text == NULL)
    return;

  g_free (text->name);
  g_free (text->json);
  g_free (text);
}

/* The report, set up by hand in the S3 and Billing consoles, with the
 * settings of Vantage's module. */
static char **
build_report_steps (const InflowOnboardingChoices *choices)
{
  g_autoptr(GStrvBuilder) steps = g_strv_builder_new ();
  g_autofree char *prefix = inflow_onboarding_choices_get_s3_prefix (choices);
  g_autofree char *topic = inflow_aws_cur_topic_arn (choices->bucket_region);
  g_autofree char *bucket_step = NULL;
  g_autofree char *notification_step = NULL;
  g_autofree char *report_step = NULL;
  const char *granularity = choices->time_unit == INFLOW_CUR_TIME_UNIT_HOURLY ? _("hourly") : _("daily");

  if (choices->existing_bucket)
    /* Translators: %1$s is a bucket name, %2$s its region */
    bucket_step = g_strdup_printf (_("Open the bucket %1$s (%2$s) in the S3 console. It keeps its lifecycle rules and public access settings."),
                                   choices->bucket_name, choices->bucket_region);
  else
    /* Translators: %1$s is a bucket name, %2$s its region */
    bucket_step = g_strdup_printf (_("In the S3 console, create the bucket %1$s in %2$s with every public access blocked, and a lifecycle rule that expires objects after 200 days."),
                                   choices->bucket_name, choices->bucket_region);
  g_strv_builder_add (steps, bucket_step);
  g_strv_builder_add (steps, choices->account_id != NULL
                               ? _("On its Permissions tab, replace the bucket policy with the one below.")
                               : _("On its Permissions tab, replace the bucket policy with the one the AWS CLI script puts; enter the account ID on the Details step to see it here."));

  /* Translators: %1$s is an SNS topic ARN, %2$s an S3 prefix */
  notification_step = g_strdup_printf (choices->existing_bucket
                                         ? _("On its Properties tab, add an event notification for all object create events with the prefix %2$s/ and the suffix .csv.gz, to the SNS topic %1$s.")
                                         : _("On its Properties tab, add an event notification for all object create events with the suffix .csv.gz, to the SNS topic %1$s."),
                                       topic, prefix);
  g_strv_builder_add (steps, notification_step);

  if (choices->cur_kind == INFLOW_CUR_KIND_CUR2)
    /* Translators: %1$s is the export's name, %2$s "daily" or "hourly", %3$s
     * a bucket name, %4$s an S3 prefix */
    report_step = g_strdup_printf (_("In Billing and Cost Management, open Data Exports and create a standard data export of type CUR 2.0 named %1$s: include resource IDs and IAM principal data, %2$s granularity, the columns below, CSV with GZIP compression, overwrite the existing export, delivered to the bucket %3$s with the prefix %4$s."),
                                   choices->report_name, granularity, choices->bucket_name, prefix);
  else
    /* Translators: %1$s is the report's name, %2$s "daily" or "hourly", %3$s
     * a bucket name, %4$s an S3 prefix */
    report_step = g_strdup_printf (_("In Billing and Cost Management, open Data Exports and create a legacy CUR export named %1$s: include resource IDs, refresh automatically, %2$s granularity, overwrite the existing report, GZIP compression, delivered to the bucket %3$s with the prefix %4$s."),
                                   choices->report_name, granularity, choices->bucket_name, prefix);
  g_strv_builder_add (steps, report_step);
  g_strv_builder_add (steps, _("Give Inflow the bucket’s ARN with the role’s, and tell Vantage support about the report."));

  return g_strv_builder_end (steps);
}

/**
 * inflow_iam_console_material_generate:
 *
 * The manual path: the trust relationship and each inline policy as pretty
 * JSON with their names, the managed policy to attach, the console link and
 * the steps, which end with pasting the role ARN back into Inflow; for a
 * management account also the report's steps, bucket policy and columns.
 *
 * Returns: (transfer full) (nullable): the material, or %NULL with @error
 */
InflowIamConsoleMaterial *
inflow_iam_console_material_generate (const InflowOnboardingInfo     *info,
                                      const InflowOnboardingChoices  *choices,
                                      GError                        **error)
{
  g_autoptr(InflowIamConsoleMaterial) material = NULL;
  g_autoptr(GPtrArray) policies = NULL;
  g_autoptr(JsonNode) trust = NULL;
  g_autoptr(GStrvBuilder) steps = NULL;
  g_autofree char *name_step = NULL;
  g_autofree char *policies_step = NULL;
  g_autoptr(GString) names = NULL;

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (choices != NULL, NULL);

  policies = inflow_aws_role_policies_new (info, choices, error);
  if (policies == NULL)
    return NULL;

  if (!g_str_equal (inflow_onboarding_choices_get_role_path (choices), "/"))
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED,
                   _("The IAM console creates roles at the path /; clear the role path or use the AWS CLI or CloudFormation method."));
      return NULL;
    }

  trust = inflow_aws_trust_policy_new (info);

  material = g_new0 (InflowIamConsoleMaterial, 1);
  material->role_name = g_strdup (choices->role_name);
  material->role_path = g_strdup (inflow_onboarding_choices_get_role_path (choices));
  material->trust_policy_json = inflow_json_to_string (trust, TRUE);
  material->managed_policy_arn = g_strdup (inflow_aws_view_only_policy_arn (choices->partition));
  material->console_url = inflow_console_link_iam_create_role (choices->partition);
  material->policies = g_ptr_array_new_with_free_func ((GDestroyNotify) inflow_named_text_free);

  names = g_string_new (NULL);
  for (guint i = 0; i < policies->len; i++)
    {
      InflowNamedPolicy *policy = g_ptr_array_index (policies, i);
      InflowNamedText *text = g_new0 (InflowNamedText, 1);

      text->name = g_strdup (policy->name);
      text->json = inflow_json_to_string (policy->document, TRUE);
      g_ptr_array_add (material->policies, text);

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, policy->name);
    }

  name_step = g_strdup_printf (_("Name the role %s and create it."), choices->role_name);
  policies_step = g_strdup_printf (_("On the role’s Permissions tab, add each inline policy below with the JSON editor, under its own name: %s."),
                                   names->str);

  steps = g_strv_builder_new ();
  g_strv_builder_add (steps, _("Open the IAM console’s Create role page."));
  g_strv_builder_add (steps, _("Choose “Custom trust policy” and replace the text with the trust relationship below."));
  g_strv_builder_add (steps, _("On the permissions page, attach the AWS managed policy ViewOnlyAccess."));
  g_strv_builder_add (steps, name_step);
  g_strv_builder_add (steps, policies_step);
  g_strv_builder_add (steps, _("Copy the role’s ARN from its summary and paste it into Inflow to connect."));
  material->steps = g_strv_builder_end (steps);

  if (inflow_onboarding_choices_creates_cur (choices))
    {
      material->report_steps = build_report_steps (choices);
      if (choices->account_id != NULL)
        {
          g_autofree char *role_arn = g_strconcat ("arn:aws:iam::", choices->account_id, ":role/", choices->role_name, NULL);
          g_autoptr(JsonNode) policy = inflow_aws_bucket_policy_new (INFLOW_DOCUMENT_STYLE_LITERAL, choices,
                                                                     choices->account_id, role_arn);

          material->bucket_policy_json = inflow_json_to_string (policy, TRUE);
        }
      if (choices->cur_kind == INFLOW_CUR_KIND_CUR2)
        material->cur2_columns = g_strjoinv ("\n", (GStrv) inflow_aws_cur2_get_columns ());
    }
  material->note = inflow_onboarding_choices_dup_cur_note (choices);

  g_assert (inflow_console_link_is_allowed (material->console_url));

  return g_steal_pointer (&material);
}

void
inflow_iam_console_material_free (InflowIamConsoleMaterial *material)
{
  if (material == NULL)
    return;

  g_free (material->role_name);
  g_free (material->role_path);
  g_free (material->trust_policy_json);
  g_clear_pointer (&material->policies, g_ptr_array_unref);
  g_free (material->managed_policy_arn);
  g_free (material->console_url);
  g_strfreev (material->steps);
  g_strfreev (material->report_steps);
  g_free (material->bucket_policy_json);
  g_free (material->cur2_columns);
  g_free (material->note);
  g_free (material);
}

/**
 * inflow_iam_console_material_to_text:
 *
 * Returns: (transfer full): the whole material as one plain text, for
 *   copying or saving
 */
char *
inflow_iam_console_material_to_text (const InflowIamConsoleMaterial *material)
{
  GString *out;

  g_return_val_if_fail (material != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; material->steps[i] != NULL; i++)
    g_string_append_printf (out, "%u. %s\n", i + 1, material->steps[i]);
  g_string_append_printf (out, "\n%s\n%s\n", _("Create role page:"), material->console_url);
  if (material->note != NULL)
    g_string_append_printf (out, "\n%s\n", material->note);
  if (material->report_steps != NULL)
    {
      g_string_append_printf (out, "\n%s\n", _("The report:"));
      for (guint i = 0; material->report_steps[i] != NULL; i++)
        g_string_append_printf (out, "%u. %s\n", i + 1, material->report_steps[i]);
    }
  if (material->bucket_policy_json != NULL)
    g_string_append_printf (out, "\n%s\n%s\n", _("Bucket policy:"), material->bucket_policy_json);
  if (material->cur2_columns != NULL)
    g_string_append_printf (out, "\n%s\n%s\n", _("CUR 2.0 columns:"), material->cur2_columns);

  g_string_append_printf (out, "\n%s\n%s\n", _("Trust relationship:"), material->trust_policy_json);
  g_string_append_printf (out, "\n%s\n%s\n", _("Managed policy:"), material->managed_policy_arn);
  for (guint i = 0; i < material->policies->len; i++)
    {
      InflowNamedText *text = g_ptr_array_index (material->policies, i);

      g_string_append_c (out, '\n');
      /* Translators: %s is the name of an inline policy */
      g_string_append_printf (out, _("Inline policy “%s”:"), text->name);
      g_string_append_printf (out, "\n%s\n", text->json);
    }

  return g_string_free (out, FALSE);
}
