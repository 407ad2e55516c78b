/* inflow-terraform-snippet.c: the Terraform configuration for Vantage's module
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-onboarding"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "inflow-onboarding-error.h"
#include "inflow-shell-quote.h"
#include "inflow-terraform-snippet.h"

/*
 * Vantage's public module vantage-sh/vantage-integration/aws reads the
 * external ID and the policies from Vantage through the Vantage provider,
 * creates the role (and, given a bucket, the report: legacy, or CUR 2.0
 * with upgrade_to_cur_2), and registers the role with Vantage itself. So the
 * snippet carries only the admin's choices, pinned to the module's version
 * and requirements; the app then waits for the new integration to show up
 * in the API. The output is laid out the way `terraform fmt` would.
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

/* The module's inputs, "=" aligned as terraform fmt does. */
typedef struct
{
  const char *name;
  char       *value;  /* HCL */
} Input;

static void
add_input (GArray     *inputs,
           const char *name,
           char       *hcl_value)
{
  Input input = { name, hcl_value };

  g_array_append_val (inputs, input);
}

static void
clear_input (gpointer data)
{
  g_free (((Input *) data)->value);
}

/**
 * inflow_terraform_snippet_generate:
 *
 * A Terraform configuration that uses Vantage's module, pinned to
 * %INFLOW_TERRAFORM_MODULE_VERSION with Terraform and the AWS provider at
 * the versions it needs, with the variables matching @choices:
 * `cur_bucket_name` (or `existing_cur_bucket_name`), `cur_bucket_region`,
 * `cur_report_name`, `cur_report_time_unit` and `upgrade_to_cur_2` for a
 * management account, `enable_autopilot` always; the AWS provider in the
 * bucket's region; the role ARN as an output.
 *
 * Returns: (transfer full) (nullable): the configuration, or %NULL with @error
 */
char *
inflow_terraform_snippet_generate (const InflowOnboardingChoices  *choices,
                                   GError                        **error)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GArray) inputs = NULL;
  g_autofree char *note = NULL;
  gboolean creates_cur;
  guint width = 0;

  g_return_val_if_fail (choices != NULL, NULL);

  if (!inflow_onboarding_choices_validate (choices, error))
    return NULL;

  creates_cur = inflow_onboarding_choices_creates_cur (choices);
  out = g_string_new (NULL);

  inflow_shell_append_comment (out, creates_cur
                                    ? _("Connects this management account to Vantage with Vantage’s Terraform module: the cross-account role and the report.")
                                    : _("Connects this account to Vantage with Vantage’s Terraform module: the cross-account role."));
  inflow_shell_append_comment (out, _("The module reads the external ID and the policies from Vantage through the Vantage provider, which needs an API token with Write scope in VANTAGE_API_TOKEN, and registers the new role with Vantage itself. After “terraform apply”, Wait in Inflow’s Terraform method watches for the integration to appear."));
  if (g_strcmp0 (choices->role_name, INFLOW_TERRAFORM_MODULE_ROLE) != 0
      || !g_str_equal (inflow_onboarding_choices_get_role_path (choices), "/"))
    inflow_shell_append_comment (out, _("The module always names the role vantage_cross_account_connection, at the path /."));
  note = inflow_onboarding_choices_dup_cur_note (choices);
  if (note != NULL)
    inflow_shell_append_comment (out, note);
  inflow_shell_append_comment (out, _("Generated by Inflow."));

  g_string_append (out, "terraform {\n");
  append_string_attribute (out, "  ", 16, "required_version", INFLOW_TERRAFORM_REQUIRED);
  g_string_append (out,
                   "\n"
                   "  required_providers {\n"
                   "    aws = {\n");
  append_string_attribute (out, "      ", 7, "source", "hashicorp/aws");
  append_string_attribute (out, "      ", 7, "version", INFLOW_TERRAFORM_AWS_PROVIDER);
  g_string_append (out,
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

  inputs = g_array_new (FALSE, FALSE, sizeof (Input));
  g_array_set_clear_func (inputs, clear_input);
  if (creates_cur)
    {
      add_input (inputs, choices->existing_bucket ? "existing_cur_bucket_name" : "cur_bucket_name",
                 inflow_hcl_quote (choices->bucket_name));
      add_input (inputs, "cur_bucket_region", inflow_hcl_quote (choices->bucket_region));
      add_input (inputs, "cur_report_name", inflow_hcl_quote (choices->report_name));
      add_input (inputs, "cur_report_time_unit", inflow_hcl_quote (inflow_cur_time_unit_to_string (choices->time_unit)));
      if (choices->cur_kind == INFLOW_CUR_KIND_CUR2)
        add_input (inputs, "upgrade_to_cur_2", g_strdup ("true"));
    }
  add_input (inputs, "enable_autopilot", g_strdup (choices->enable_autopilot ? "true" : "false"));
  for (guint i = 0; i < inputs->len; i++)
    width = MAX (width, strlen (g_array_index (inputs, Input, i).name));

  if (creates_cur && choices->cur_kind == INFLOW_CUR_KIND_CUR2)
    inflow_shell_append_comment (out, _("upgrade_to_cur_2: a CUR 2.0 export (AWS Data Exports) instead of a legacy Cost and Usage Report."));
  g_string_append (out, "module \"vantage_integration\" {\n");
  append_string_attribute (out, "  ", 7, "source", INFLOW_TERRAFORM_MODULE_SOURCE);
  append_string_attribute (out, "  ", 7, "version", INFLOW_TERRAFORM_MODULE_VERSION);
  g_string_append (out, "\n");
  for (guint i = 0; i < inputs->len; i++)
    {
      const Input *input = &g_array_index (inputs, Input, i);

      append_attribute (out, "  ", width, input->name, input->value);
    }
  g_string_append (out, "}\n\n");

  g_string_append (out,
                   "output \"vantage_cross_account_role_arn\" {\n"
                   "  value = module.vantage_integration.vantage_cross_account_connection_role_arn\n"
                   "}\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}
