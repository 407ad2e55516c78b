/* inflow-permissions-diff.c: what changed in Vantage's permissions, and the update
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-onboarding"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-aws-documents.h"
#include "inflow-cli-script.h"
#include "inflow-permissions-diff.h"
#include "inflow-shell-quote.h"

/*
 * Vantage changes the permissions it asks for now and then. Inflow keeps
 * the provider info it connected with and compares it with the current
 * one: which policies appeared, disappeared or changed (down to the
 * allowed actions), and whether the trust (principal, external ID) moved.
 * The update steps are then the same generators as for a new connection,
 * plus a CLI script that touches only what changed.
 */

/* Long action lists are cut in descriptions; the arrays keep them all. */
#define MAX_LISTED_ACTIONS 8

static void
change_free (InflowPermissionChange *change)
{
  g_free (change->name);
  g_strfreev (change->actions_added);
  g_strfreev (change->actions_removed);
  g_free (change->description);
  g_free (change);
}

static void
collect_actions_of_statement (GHashTable *actions,
                              JsonNode   *statement)
{
  JsonObject *object;
  JsonNode *action;
  const char *effect;

  if (!JSON_NODE_HOLDS_OBJECT (statement))
    return;

  object = json_node_get_object (statement);
  effect = json_object_get_string_member_with_default (object, "Effect", "Allow");
  if (g_strcmp0 (effect, "Allow") != 0)
    return;

  action = json_object_get_member (object, "Action");
  if (action == NULL)
    return;

  if (JSON_NODE_HOLDS_ARRAY (action))
    {
      JsonArray *array = json_node_get_array (action);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_TYPE (element) == JSON_NODE_VALUE && json_node_get_value_type (element) == G_TYPE_STRING)
            g_hash_table_add (actions, g_strdup (json_node_get_string (element)));
        }
    }
  else if (JSON_NODE_TYPE (action) == JSON_NODE_VALUE && json_node_get_value_type (action) == G_TYPE_STRING)
    g_hash_table_add (actions, g_strdup (json_node_get_string (action)));
}

/* The actions a policy document allows, as a set. */
static GHashTable *
collect_actions (JsonNode *document)
{
  GHashTable *actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *statements;

  if (document == NULL || !JSON_NODE_HOLDS_OBJECT (document))
    return actions;

  statements = json_object_get_member (json_node_get_object (document), "Statement");
  if (statements == NULL)
    return actions;

  if (JSON_NODE_HOLDS_ARRAY (statements))
    {
      JsonArray *array = json_node_get_array (statements);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_actions_of_statement (actions, json_array_get_element (array, i));
    }
  else
    collect_actions_of_statement (actions, statements);

  return actions;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The members of @a that are not in @b, sorted. */
static char **
set_difference (GHashTable *a,
                GHashTable *b)
{
  GPtrArray *result = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (b, key))
        g_ptr_array_add (result, g_strdup (key));
    }
  g_ptr_array_sort (result, compare_strings);
  g_ptr_array_add (result, NULL);

  return (char **) g_ptr_array_free (result, FALSE);
}

static char *
list_actions (char **actions)
{
  guint n = g_strv_length (actions);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n && i < MAX_LISTED_ACTIONS; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, actions[i]);
    }

  if (n > MAX_LISTED_ACTIONS)
    {
      g_string_append (out, " ");
      g_string_append_printf (out, ngettext ("and %u more", "and %u more", n - MAX_LISTED_ACTIONS),
                              n - MAX_LISTED_ACTIONS);
    }

  return g_string_free (out, FALSE);
}

static InflowPermissionChange *
policy_change_new (InflowPermissionChangeKind  kind,
                   InflowVantagePolicy         policy,
                   JsonNode                   *recorded,
                   JsonNode                   *current)
{
  g_autoptr(GHashTable) old_actions = collect_actions (recorded);
  g_autoptr(GHashTable) new_actions = collect_actions (current);
  InflowPermissionChange *change = g_new0 (InflowPermissionChange, 1);
  const char *role_name = inflow_vantage_policy_get_role_policy_name (policy);
  g_autofree char *added = NULL;
  g_autofree char *removed = NULL;
  g_autoptr(GString) description = g_string_new (NULL);

  change->kind = kind;
  change->policy = policy;
  change->name = g_strdup (role_name != NULL ? role_name : inflow_vantage_policy_get_key (policy));
  change->actions_added = set_difference (new_actions, old_actions);
  change->actions_removed = set_difference (old_actions, new_actions);

  added = list_actions (change->actions_added);
  removed = list_actions (change->actions_removed);

  switch (kind)
    {
    case INFLOW_PERMISSION_CHANGE_POLICY_ADDED:
      g_string_printf (description, _("Vantage now asks for the policy “%s”, which allows %s."), change->name, added);
      break;

    case INFLOW_PERMISSION_CHANGE_POLICY_REMOVED:
      g_string_printf (description, _("Vantage no longer asks for the policy “%s”; it can come off the role."), change->name);
      break;

    case INFLOW_PERMISSION_CHANGE_POLICY_CHANGED:
      if (*added != '\0' && *removed != '\0')
        g_string_printf (description, _("The policy “%s” changed: it now also allows %s, and no longer %s."),
                         change->name, added, removed);
      else if (*added != '\0')
        g_string_printf (description, _("The policy “%s” changed: it now also allows %s."), change->name, added);
      else if (*removed != '\0')
        g_string_printf (description, _("The policy “%s” changed: it no longer allows %s."), change->name, removed);
      else
        g_string_printf (description, _("The policy “%s” changed in its resources or conditions; its actions are the same."),
                         change->name);
      break;

    case INFLOW_PERMISSION_CHANGE_EXTERNAL_ID:
    case INFLOW_PERMISSION_CHANGE_PRINCIPAL:
    default:
      g_assert_not_reached ();
    }

  if (role_name == NULL)
    {
      g_string_append_c (description, ' ');
      g_string_append (description, _("Inflow does not put this policy on the role, so the role needs no update for it."));
    }

  change->description = g_string_free (g_steal_pointer (&description), FALSE);

  return change;
}

static InflowPermissionChange *
trust_change_new (InflowPermissionChangeKind  kind,
                  const char                 *recorded,
                  const char                 *current)
{
  InflowPermissionChange *change = g_new0 (InflowPermissionChange, 1);

  change->kind = kind;
  change->actions_added = g_new0 (char *, 1);
  change->actions_removed = g_new0 (char *, 1);

  if (kind == INFLOW_PERMISSION_CHANGE_EXTERNAL_ID)
    change->description = g_strdup (_("The external ID changed; the role’s trust policy must require the new one."));
  else
    change->description = g_strdup_printf (_("Vantage’s principal changed from %s to %s; the role’s trust policy must name the new one."),
                                           recorded != NULL ? recorded : "—", current != NULL ? current : "—");

  return change;
}

/**
 * inflow_permissions_diff_new:
 * @recorded: the provider info recorded when the account was connected
 * @current: the provider info Vantage returns now
 *
 * Returns: (transfer full): the differences, possibly none
 */
InflowPermissionsDiff *
inflow_permissions_diff_new (const InflowOnboardingInfo *recorded,
                             const InflowOnboardingInfo *current)
{
  InflowPermissionsDiff *diff;

  g_return_val_if_fail (recorded != NULL, NULL);
  g_return_val_if_fail (current != NULL, NULL);

  diff = g_new0 (InflowPermissionsDiff, 1);
  diff->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);

  if (g_strcmp0 (recorded->vantage_role_arn, current->vantage_role_arn) != 0)
    g_ptr_array_add (diff->changes, trust_change_new (INFLOW_PERMISSION_CHANGE_PRINCIPAL,
                                                      recorded->vantage_role_arn, current->vantage_role_arn));

  if (g_strcmp0 (recorded->external_id, current->external_id) != 0)
    g_ptr_array_add (diff->changes, trust_change_new (INFLOW_PERMISSION_CHANGE_EXTERNAL_ID, NULL, NULL));

  for (guint i = 0; i < INFLOW_N_VANTAGE_POLICIES; i++)
    {
      JsonNode *old_document = recorded->policies[i];
      JsonNode *new_document = current->policies[i];

      if (old_document == NULL && new_document == NULL)
        continue;

      if (old_document == NULL)
        g_ptr_array_add (diff->changes, policy_change_new (INFLOW_PERMISSION_CHANGE_POLICY_ADDED, i, NULL, new_document));
      else if (new_document == NULL)
        g_ptr_array_add (diff->changes, policy_change_new (INFLOW_PERMISSION_CHANGE_POLICY_REMOVED, i, old_document, NULL));
      else if (!json_node_equal (old_document, new_document))
        g_ptr_array_add (diff->changes, policy_change_new (INFLOW_PERMISSION_CHANGE_POLICY_CHANGED, i, old_document, new_document));
    }

  return diff;
}

void
inflow_permissions_diff_free (InflowPermissionsDiff *diff)
{
  if (diff == NULL)
    return;

  g_clear_pointer (&diff->changes, g_ptr_array_unref);
  g_free (diff);
}

gboolean
inflow_permissions_diff_is_empty (const InflowPermissionsDiff *diff)
{
  g_return_val_if_fail (diff != NULL, TRUE);

  return diff->changes->len == 0;
}

/**
 * inflow_permissions_diff_describe:
 *
 * Returns: (transfer full): one line per change, or one line saying the
 *   permissions are the same as at connect time
 */
char *
inflow_permissions_diff_describe (const InflowPermissionsDiff *diff)
{
  GString *out;

  g_return_val_if_fail (diff != NULL, NULL);

  if (inflow_permissions_diff_is_empty (diff))
    return g_strdup (_("Vantage asks for the same permissions as when this account was connected."));

  out = g_string_new (NULL);
  for (guint i = 0; i < diff->changes->len; i++)
    {
      InflowPermissionChange *change = g_ptr_array_index (diff->changes, i);

      g_string_append_printf (out, "• %s\n", change->description);
    }

  return g_string_free (out, FALSE);
}

/* Whether @change needs a command on a role made with @choices. */
static gboolean
applies_to_role (const InflowPermissionChange  *change,
                 const InflowOnboardingChoices *choices)
{
  switch (change->kind)
    {
    case INFLOW_PERMISSION_CHANGE_EXTERNAL_ID:
    case INFLOW_PERMISSION_CHANGE_PRINCIPAL:
      return TRUE;

    case INFLOW_PERMISSION_CHANGE_POLICY_ADDED:
    case INFLOW_PERMISSION_CHANGE_POLICY_REMOVED:
    case INFLOW_PERMISSION_CHANGE_POLICY_CHANGED:
      if (inflow_vantage_policy_get_role_policy_name (change->policy) == NULL)
        return FALSE;
      /* A role made without Autopilot has nothing to update for it. */
      return change->policy != INFLOW_VANTAGE_POLICY_AUTOPILOT || choices->enable_autopilot;

    default:
      g_return_val_if_reached (FALSE);
    }
}

static char *
build_update_script (const InflowPermissionsDiff    *diff,
                     const InflowOnboardingInfo     *current,
                     const InflowOnboardingChoices  *choices)
{
  g_autoptr(GString) script = g_string_new (NULL);
  g_autofree char *summary = NULL;
  const char *region = inflow_onboarding_choices_get_stack_region (choices);
  gboolean trust_done = FALSE;
  guint commands = 0;

  summary = g_strdup_printf (_("Updates the role %s to the permissions Vantage asks for now."), choices->role_name);
  inflow_cli_script_append_header (script, summary, choices);

  for (guint i = 0; i < diff->changes->len; i++)
    {
      InflowPermissionChange *change = g_ptr_array_index (diff->changes, i);

      inflow_shell_append_comment (script, change->description);
      if (!applies_to_role (change, choices))
        continue;

      switch (change->kind)
        {
        case INFLOW_PERMISSION_CHANGE_EXTERNAL_ID:
        case INFLOW_PERMISSION_CHANGE_PRINCIPAL:
          if (!trust_done)
            {
              g_autoptr(JsonNode) trust = inflow_aws_trust_policy_new (current);
              g_autofree char *trust_json = inflow_json_to_string (trust, TRUE);
              g_autoptr(InflowShellCommand) command = inflow_shell_command_new ("aws iam update-assume-role-policy");
              g_autofree char *text = NULL;

              inflow_shell_command_add (command, "--region", region);
              inflow_shell_command_add (command, "--role-name", choices->role_name);
              inflow_shell_command_add (command, "--policy-document", trust_json);
              text = inflow_shell_command_free_to_string (g_steal_pointer (&command));
              g_string_append_printf (script, "%s\n", text);
              trust_done = TRUE;
              commands++;
            }
          break;

        case INFLOW_PERMISSION_CHANGE_POLICY_ADDED:
        case INFLOW_PERMISSION_CHANGE_POLICY_CHANGED:
          inflow_cli_script_append_put_policy (script, region, choices->role_name, change->name,
                                               current->policies[change->policy]);
          commands++;
          break;

        case INFLOW_PERMISSION_CHANGE_POLICY_REMOVED:
          {
            g_autoptr(InflowShellCommand) command = inflow_shell_command_new ("aws iam delete-role-policy");
            g_autofree char *text = NULL;

            inflow_shell_command_add (command, "--region", region);
            inflow_shell_command_add (command, "--role-name", choices->role_name);
            inflow_shell_command_add (command, "--policy-name", change->name);
            text = inflow_shell_command_free_to_string (g_steal_pointer (&command));
            g_string_append_printf (script, "%s\n", text);
            commands++;
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (commands == 0)
    inflow_shell_append_comment (script, _("The role already has everything Vantage asks for; there is nothing to run."));

  return g_string_free (g_steal_pointer (&script), FALSE);
}

/**
 * inflow_permissions_update_generate:
 * @recorded: the provider info recorded at connect time
 * @current: the provider info Vantage returns now
 * @choices: how the role was made (name, partition, kind, bucket, …)
 *
 * The "Update permissions" material: the changes in words, a CLI script
 * that applies only them, the regenerated CloudFormation template (deploy
 * it to the same stack), the IAM console material, and the Terraform step.
 *
 * Returns: (transfer full) (nullable): the update, or %NULL with @error
 *   when @current or @choices do not check
 */
InflowPermissionsUpdate *
inflow_permissions_update_generate (const InflowOnboardingInfo     *recorded,
                                    const InflowOnboardingInfo     *current,
                                    const InflowOnboardingChoices  *choices,
                                    GError                        **error)
{
  g_autoptr(InflowPermissionsUpdate) update = NULL;
  g_autoptr(InflowOnboardingChoices) effective = NULL;
  g_autoptr(GError) cfn_error = NULL;
  g_autoptr(GError) iam_error = NULL;

  g_return_val_if_fail (recorded != NULL, NULL);
  g_return_val_if_fail (current != NULL, NULL);
  g_return_val_if_fail (choices != NULL, NULL);

  /* When Vantage stops sending Autopilot's policy, the update takes it off
   * the role rather than failing for want of it. */
  effective = inflow_onboarding_choices_copy (choices);
  if (current->policies[INFLOW_VANTAGE_POLICY_AUTOPILOT] == NULL)
    effective->enable_autopilot = FALSE;

  if (!inflow_onboarding_check_inputs (current, effective, error))
    return NULL;

  update = g_new0 (InflowPermissionsUpdate, 1);
  update->diff = inflow_permissions_diff_new (recorded, current);
  update->summary = inflow_permissions_diff_describe (update->diff);
  /* The script follows the role as it was made (@choices); the regenerated
   * material follows what Vantage offers now (@effective). */
  update->cli_script = build_update_script (update->diff, current, choices);

  update->cloudformation = inflow_cfn_material_generate (current, effective, &cfn_error);
  if (update->cloudformation == NULL)
    update->cloudformation_error = g_strdup (cfn_error->message);

  /* The IAM console cannot make roles with a path; such a role simply gets
   * no manual material. */
  update->iam_console = inflow_iam_console_material_generate (current, effective, &iam_error);
  if (update->iam_console == NULL)
    g_debug ("No IAM console material for the update: %s", iam_error->message);

  update->terraform_note = g_strdup (_("A role made with Vantage’s Terraform module updates itself: run “terraform apply” again, and the module reads the current policies from Vantage."));

  return g_steal_pointer (&update);
}

void
inflow_permissions_update_free (InflowPermissionsUpdate *update)
{
  if (update == NULL)
    return;

  g_clear_pointer (&update->diff, inflow_permissions_diff_free);
  g_free (update->summary);
  g_free (update->cli_script);
  g_clear_pointer (&update->cloudformation, inflow_cfn_material_free);
  g_free (update->cloudformation_error);
  g_clear_pointer (&update->iam_console, inflow_iam_console_material_free);
  g_free (update->terraform_note);
  g_free (update);
}
