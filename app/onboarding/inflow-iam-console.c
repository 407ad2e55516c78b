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

/**
 * inflow_iam_console_material_generate:
 *
 * The manual path: the trust relationship and each inline policy as pretty
 * JSON with their names, the managed policy to attach, the console link and
 * the steps, which end with pasting the role ARN back into Inflow.
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
    material->note = g_strdup (_("A role made by hand comes without a Cost and Usage Report. Create the bucket and the report too (the AWS CLI script shows every setting), and give Inflow the bucket’s ARN with the role’s."));
  else
    material->note = g_strdup (inflow_onboarding_choices_get_cur_note (choices));

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
