/* inflow-stackset.c: the StackSet that puts the role in every member account
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-onboarding"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "inflow-cfn-template.h"
#include "inflow-cli-script.h"
#include "inflow-onboarding-error.h"
#include "inflow-shell-quote.h"
#include "inflow-stackset.h"

/* Shown in the StackSets console; plain ASCII like the role's description. */
#define STACK_SET_DESCRIPTION "Cross-account role for Vantage in each member account"

static char *
build_check_access_command (const char *region)
{
  InflowShellCommand *command = inflow_shell_command_new ("aws organizations list-aws-service-access-for-organization");

  inflow_shell_command_add (command, "--region", region);
  inflow_shell_command_add (command, "--query",
                            "length(EnabledServicePrincipals[?ServicePrincipal=='" INFLOW_STACKSETS_SERVICE_PRINCIPAL "'])");
  inflow_shell_command_add (command, "--output", "text");

  return inflow_shell_command_free_to_string (command);
}

/* Checks @targets and returns them without duplicates. */
static GPtrArray *
collect_targets (const char * const  *targets,
                 GError             **error)
{
  g_autoptr(GPtrArray) unique = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; targets != NULL && targets[i] != NULL; i++)
    {
      g_autofree char *target = g_strstrip (g_strdup (targets[i]));

      if (!inflow_aws_validate_organization_target (target, error))
        return NULL;

      if (!g_ptr_array_find_with_equal_func (unique, target, g_str_equal, NULL))
        g_ptr_array_add (unique, g_steal_pointer (&target));
    }

  if (unique->len == 0)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING,
                   _("Name at least one organizational unit (ou-…) or the root (r-…) to deploy the StackSet to."));
      return NULL;
    }

  if (unique->len > INFLOW_STACKSET_MAX_TARGETS)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED,
                   ngettext ("A StackSet deployment takes at most 50 organizational units; there is %u. Target their parent unit or the root (r-…) instead.",
                             "A StackSet deployment takes at most 50 organizational units; there are %u. Target their parent unit or the root (r-…) instead.",
                             unique->len),
                   unique->len);
      return NULL;
    }

  return g_steal_pointer (&unique);
}

static char *
choose_region (const InflowOnboardingChoices  *choices,
               const char * const             *regions,
               GError                        **error)
{
  guint n = regions != NULL ? g_strv_length ((GStrv) regions) : 0;

  if (n == 0)
    return g_strdup (inflow_aws_partition_get_default_region (choices->partition));

  if (n > 1)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED,
                   _("Deploy the StackSet to one region only. IAM roles are global, so a second region would try to create the same role again and fail."));
      return NULL;
    }

  if (!inflow_aws_validate_region (choices->partition, regions[0], error))
    return NULL;

  return g_strdup (regions[0]);
}

/**
 * inflow_stackset_material_generate:
 * @choices: the role to create; the account kind is ignored (member
 *   accounts get the role only) and the stack name names the StackSet
 * @targets: (array zero-terminated=1): organizational unit or root IDs
 * @regions: (array zero-terminated=1) (nullable): the region of the stack
 *   instances; at most one, the partition's default when empty
 *
 * The commands of the StackSet method: check and activate trusted access,
 * create the service-managed StackSet with the member-account template, and
 * deploy it to @targets.
 *
 * Returns: (transfer full) (nullable): the material, or %NULL with @error
 */
InflowStackSetMaterial *
inflow_stackset_material_generate (const InflowOnboardingInfo     *info,
                                   const InflowOnboardingChoices  *choices,
                                   const char * const             *targets,
                                   const char * const             *regions,
                                   GError                        **error)
{
  g_autoptr(InflowStackSetMaterial) material = NULL;
  g_autoptr(InflowOnboardingChoices) member = NULL;
  g_autoptr(GPtrArray) unique_targets = NULL;
  g_autoptr(GString) deployment = NULL;
  g_autoptr(GString) target_list = NULL;
  g_autoptr(GString) script = NULL;
  g_autofree char *template = NULL;
  g_autofree char *region = NULL;
  g_autofree char *summary = NULL;
  InflowShellCommand *command;

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (choices != NULL, NULL);

  member = inflow_onboarding_choices_copy (choices);
  member->kind = INFLOW_ACCOUNT_KIND_MEMBER;

  template = inflow_cfn_template_generate (info, member, error);
  if (template == NULL)
    return NULL;

  unique_targets = collect_targets (targets, error);
  if (unique_targets == NULL)
    return NULL;

  region = choose_region (member, regions, error);
  if (region == NULL)
    return NULL;

  material = g_new0 (InflowStackSetMaterial, 1);
  material->stack_set_name = g_strdup (member->stack_name);
  material->region = g_steal_pointer (&region);
  material->template_json = g_steal_pointer (&template);
  material->management_account_note =
    g_strdup (_("A service-managed StackSet never deploys to the management account, even when the management account sits in a targeted unit or under the root. Connect the management account with its own stack (CloudFormation, AWS CLI, Terraform or the IAM console) first."));

  material->check_access_command = build_check_access_command (material->region);
  command = inflow_shell_command_new ("aws cloudformation activate-organizations-access");
  inflow_shell_command_add (command, "--region", material->region);
  material->activate_access_command = inflow_shell_command_free_to_string (command);

  command = inflow_shell_command_new ("aws cloudformation create-stack-set");
  inflow_shell_command_add (command, "--region", material->region);
  inflow_shell_command_add (command, "--stack-set-name", material->stack_set_name);
  inflow_shell_command_add (command, "--description", STACK_SET_DESCRIPTION);
  inflow_shell_command_add (command, "--permission-model", "SERVICE_MANAGED");
  inflow_shell_command_add (command, "--auto-deployment", "Enabled=true,RetainStacksOnAccountRemoval=false");
  inflow_shell_command_add (command, "--capabilities", "CAPABILITY_NAMED_IAM");
  inflow_shell_command_add (command, "--template-body", material->template_json);
  material->create_stack_set_command = inflow_shell_command_free_to_string (command);

  deployment = g_string_new ("OrganizationalUnitIds=");
  for (guint i = 0; i < unique_targets->len; i++)
    {
      if (i > 0)
        g_string_append_c (deployment, ',');
      g_string_append (deployment, g_ptr_array_index (unique_targets, i));
    }

  command = inflow_shell_command_new ("aws cloudformation create-stack-instances");
  inflow_shell_command_add (command, "--region", material->region);
  inflow_shell_command_add (command, "--stack-set-name", material->stack_set_name);
  inflow_shell_command_add (command, "--deployment-targets", deployment->str);
  inflow_shell_command_add (command, "--regions", material->region);
  material->create_instances_command = inflow_shell_command_free_to_string (command);

  command = inflow_shell_command_new ("aws cloudformation list-stack-instances");
  inflow_shell_command_add (command, "--region", material->region);
  inflow_shell_command_add (command, "--stack-set-name", material->stack_set_name);
  inflow_shell_command_add (command, "--output", "json");
  material->list_instances_command = inflow_shell_command_free_to_string (command);

  target_list = g_string_new (NULL);
  for (guint i = 0; i < unique_targets->len; i++)
    g_string_append_printf (target_list, "%s%s", i > 0 ? ", " : "", (const char *) g_ptr_array_index (unique_targets, i));
  summary = g_strdup_printf (_("Creates the role %s for Vantage in the member accounts of %s with a service-managed StackSet. Run it with credentials of the management account."),
                             member->role_name, target_list->str);
  script = g_string_new (NULL);
  inflow_cli_script_append_header (script, summary, member);

  inflow_shell_append_comment (script, material->management_account_note);
  g_string_append_c (script, '\n');

  inflow_shell_append_comment (script, _("Trusted access between CloudFormation StackSets and AWS Organizations: turn it on if it is off."));
  g_string_append (script, "stacksets_access=\"$(");
  g_string_append (script, material->check_access_command);
  g_string_append (script, ")\"\nif [ \"$stacksets_access\" = '0' ]; then\n");
  {
    g_auto(GStrv) lines = g_strsplit (material->activate_access_command, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      g_string_append_printf (script, "  %s\n", lines[i]);
  }
  g_string_append (script, "fi\n\n");

  inflow_shell_append_comment (script, _("The StackSet, with the template of a member account’s role."));
  g_string_append (script, material->create_stack_set_command);
  g_string_append (script, "\n\n");

  inflow_shell_append_comment (script, _("One stack per member account of these units; new accounts get theirs automatically."));
  g_string_append (script, material->create_instances_command);
  g_string_append_c (script, '\n');

  material->script = g_string_free (g_steal_pointer (&script), FALSE);

  return g_steal_pointer (&material);
}

void
inflow_stackset_material_free (InflowStackSetMaterial *material)
{
  if (material == NULL)
    return;

  g_free (material->stack_set_name);
  g_free (material->region);
  g_free (material->template_json);
  g_free (material->check_access_command);
  g_free (material->activate_access_command);
  g_free (material->create_stack_set_command);
  g_free (material->create_instances_command);
  g_free (material->list_instances_command);
  g_free (material->script);
  g_free (material->management_account_note);
  g_free (material);
}

void
inflow_error_advice_free (InflowErrorAdvice *advice)
{
  if (advice == NULL)
    return;

  g_free (advice->explanation);
  g_free (advice->fix);
  g_free (advice->command);
  g_free (advice);
}

/* Lowercase, with every run of whitespace (line breaks from a terminal or a
 * mail client included) turned into one space. */
static char *
normalize (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *lower = g_utf8_strdown (valid, -1);
  GString *out = g_string_new (NULL);
  gboolean in_space = FALSE;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          in_space = TRUE;
          continue;
        }
      if (in_space && out->len > 0)
        g_string_append_c (out, ' ');
      in_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static InflowErrorAdvice *
advice_new (const char *explanation,
            const char *fix,
            const char *command)
{
  InflowErrorAdvice *advice = g_new0 (InflowErrorAdvice, 1);

  advice->explanation = g_strdup (explanation);
  advice->fix = g_strdup (fix);
  advice->command = g_strdup (command);

  return advice;
}

/**
 * inflow_stackset_explain_error:
 * @pasted: (nullable): an error message the user pasted, from the AWS CLI
 *   or the CloudFormation console
 *
 * Recognizes the errors of the StackSet method, above all
 * `An error occurred (ValidationError) when calling the CreateStackSet
 * operation: You must enable organizations access to operate a service
 * managed stack set`, whatever the line breaks and case.
 *
 * Returns: (transfer full) (nullable): what the error means and how to fix
 *   it, or %NULL for an error Inflow does not know
 */
InflowErrorAdvice *
inflow_stackset_explain_error (const char *pasted)
{
  g_autofree char *text = NULL;

  if (pasted == NULL)
    return NULL;

  text = normalize (pasted);

  if (strstr (text, "you must enable organizations access to operate a service managed stack set") != NULL)
    return advice_new (_("Trusted access between CloudFormation StackSets and AWS Organizations is off, so no service-managed StackSet can be created."),
                       _("In the management account, run the command below (or open StackSets in the CloudFormation console and choose “Activate trusted access”), then create the StackSet again. The organization needs all features enabled."),
                       "aws cloudformation activate-organizations-access");

  if (strstr (text, "namealreadyexistsexception") != NULL
      || (strstr (text, "stackset") != NULL && strstr (text, "already exists") != NULL))
    return advice_new (_("A StackSet with this name already exists."),
                       _("Choose another StackSet name, or skip creating it and run only the create-stack-instances command for the existing one."),
                       NULL);

  if (strstr (text, "operationinprogressexception") != NULL)
    return advice_new (_("Another operation on this StackSet is still running."),
                       _("Wait until it has finished, then run the command again; “aws cloudformation list-stack-set-operations” with the StackSet’s name lists its operations and their status."),
                       NULL);

  if (strstr (text, "entityalreadyexists") != NULL || strstr (text, "role with name") != NULL)
    return advice_new (_("A role with this name already exists in a member account, so the stack there could not create it."),
                       _("Delete or rename that role in the member account, or choose another role name and create the StackSet again."),
                       NULL);

  if ((strstr (text, "accessdenied") != NULL || strstr (text, "not authorized") != NULL)
      && (strstr (text, "organizations") != NULL || strstr (text, "stackset") != NULL))
    return advice_new (_("The credentials may not manage StackSets for the organization."),
                       _("Run the commands with credentials of the management account (or of a delegated StackSets administrator, adding --call-as DELEGATED_ADMIN to each command)."),
                       NULL);

  return NULL;
}
