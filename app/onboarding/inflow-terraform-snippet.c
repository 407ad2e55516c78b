/* inflow-terraform-snippet.c: the Terraform configuration for Vantage's module
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-onboarding"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-onboarding-error.h"
#include "inflow-shell-quote.h"
#include "inflow-terraform-snippet.h"

/*
 * Vantage's public module vantage-sh/vantage-integration/aws reads the
 * external ID and the policies from Vantage through the Vantage provider,
 * creates the role (and, given a bucket name, the CUR), and registers the
 * role with Vantage itself. So the snippet carries only the admin's choices;
 * the app then waits for the new integration to show up in the API. The
 * output is laid out the way `terraform fmt` would.
 */

/**
 * inflow_hcl_quote:
 * @value: any text
 *
 * Returns: (transfer full): @value as an HCL quoted string: backslash,
 *   quote and control characters escaped, and the template sequences `${`
 *   and `%{` doubled so they stay literal text
 */
char *
inflow_hcl_quote (const char *value)
{
  GString *out = g_string_new ("\"");

  g_return_val_if_fail (value != NULL, NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '$':
        case '%':
          g_string_append_c (out, *p);
          if (p[1] == '{')
            g_string_append_c (out, *p);
          break;
        default:
          if ((guchar) *p < 0x20 || *p == 0x7F)
            g_string_append_printf (out, "\\u%04X", (guint) (guchar) *p);
          else
            g_string_append_c (out, *p);
          break;
        }
    }
  g_string_append_c (out, '"');

  return g_string_free (out, FALSE);
}

/* One "name = value" line, the "=" aligned at @width as terraform fmt does. */
static void
append_attribute (GString    *out,
                  const char *indent,
                  guint       width,
                  const char *name,
                  const char *hcl_value)
{
  g_string_append_printf (out, "%s%-*s = %s\n", indent, (int) width, name, hcl_value);
}

static void
append_string_attribute (GString    *out,
                         const char *indent,
                         guint       width,
                         const char *name,
                         const char *value)
{
  g_autofree char *quoted = inflow_hcl_quote (value);

  append_attribute (out, indent, width, name, quoted);
}

/**
 * inflow_terraform_snippet_generate:
 *
 * A Terraform configuration that uses Vantage's module with the variables
 * matching @choices: `cur_bucket_name`, `cur_bucket_region`,
 * `cur_report_name` and `cur_report_time_unit` for a management account,
 * `enable_autopilot` always; the AWS provider in the bucket's region; the
 * role ARN as an output.
 *
 * The module hard-codes aws-partition ARNs, so GovCloud accounts get
 * %INFLOW_ONBOARDING_ERROR_UNSUPPORTED.
 *
 * Returns: (transfer full) (nullable): the configuration, or %NULL with @error
 */
char *
inflow_terraform_snippet_generate (const InflowOnboardingChoices  *choices,
                                   GError                        **error)
{
  g_autoptr(GString) out = NULL;
  gboolean creates_cur;

  g_return_val_if_fail (choices != NULL, NULL);

  if (!inflow_onboarding_choices_validate (choices, error))
    return NULL;

  if (choices->partition != INFLOW_AWS_PARTITION_AWS)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED,
                   _("Vantage’s Terraform module writes aws-partition ARNs (such as the ViewOnlyAccess policy), so it cannot create the role in GovCloud. Use CloudFormation, the AWS CLI or the IAM console method for this account."));
      return NULL;
    }

  creates_cur = inflow_onboarding_choices_creates_cur (choices);
  out = g_string_new (NULL);

  inflow_shell_append_comment (out, creates_cur
                                    ? _("Connects this management account to Vantage with Vantage’s Terraform module: the cross-account role and a Cost and Usage Report.")
                                    : _("Connects this account to Vantage with Vantage’s Terraform module: the cross-account role."));
  inflow_shell_append_comment (out, _("The module reads the external ID and the policies from Vantage through the Vantage provider, which needs an API token with Write scope in VANTAGE_API_TOKEN, and registers the new role with Vantage itself. After “terraform apply”, Inflow waits for the integration to appear."));
  if (g_strcmp0 (choices->role_name, INFLOW_TERRAFORM_MODULE_ROLE) != 0
      || !g_str_equal (inflow_onboarding_choices_get_role_path (choices), "/"))
    inflow_shell_append_comment (out, _("The module always names the role vantage_cross_account_connection, at the path /."));
  inflow_shell_append_comment (out, _("Generated by Inflow."));

  g_string_append (out,
                   "terraform {\n"
                   "  required_providers {\n"
                   "    aws = {\n"
                   "      source = \"hashicorp/aws\"\n"
                   "    }\n"
                   "    vantage = {\n"
                   "      source = \"vantage-sh/vantage\"\n"
                   "    }\n"
                   "  }\n"
                   "}\n\n");

  if (creates_cur)
    inflow_shell_append_comment (out, _("The bucket, its notification and the report share the provider’s region."));
  g_string_append (out, "provider \"aws\" {\n");
  append_string_attribute (out, "  ", 6, "region", inflow_onboarding_choices_get_stack_region (choices));
  g_string_append (out, "}\n\n");

  inflow_shell_append_comment (out, _("Reads the API token from VANTAGE_API_TOKEN."));
  g_string_append (out, "provider \"vantage\" {}\n\n");

  g_string_append (out, "module \"vantage_integration\" {\n");
  append_string_attribute (out, "  ", 6, "source", INFLOW_TERRAFORM_MODULE_SOURCE);
  g_string_append (out, "\n");
  if (creates_cur)
    {
      append_string_attribute (out, "  ", 20, "cur_bucket_name", choices->bucket_name);
      append_string_attribute (out, "  ", 20, "cur_bucket_region", choices->bucket_region);
      append_string_attribute (out, "  ", 20, "cur_report_name", choices->report_name);
      append_string_attribute (out, "  ", 20, "cur_report_time_unit", inflow_cur_time_unit_to_string (choices->time_unit));
      append_attribute (out, "  ", 20, "enable_autopilot", choices->enable_autopilot ? "true" : "false");
    }
  else
    append_attribute (out, "  ", 16, "enable_autopilot", choices->enable_autopilot ? "true" : "false");
  g_string_append (out, "}\n\n");

  g_string_append (out,
                   "output \"vantage_cross_account_role_arn\" {\n"
                   "  value = module.vantage_integration.vantage_cross_account_connection_role_arn\n"
                   "}\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}
