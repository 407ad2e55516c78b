/* inflow-onboarding-info.c: the Vantage AWS provider information, as plain data
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-onboarding"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-aws-arn.h"
#include "inflow-json.h"
#include "inflow-onboarding-error.h"
#include "inflow-onboarding-info.h"

static const struct
{
  const char *key;
  const char *role_policy_name;
} policy_names[INFLOW_N_VANTAGE_POLICIES] = {
  [INFLOW_VANTAGE_POLICY_ROOT] = { "root", "root" },
  [INFLOW_VANTAGE_POLICY_AUTOPILOT] = { "autopilot", "VantageAutoPilot" },
  [INFLOW_VANTAGE_POLICY_CLOUDWATCH] = { "cloudwatch", "VantageCloudWatchMetricsReadOnly" },
  [INFLOW_VANTAGE_POLICY_S3_REQUEST_METRICS] = { "s3_request_metrics", NULL },
  [INFLOW_VANTAGE_POLICY_RESOURCES] = { "resources", "VantageAdditionalResourceReadOnly" },
};

/**
 * inflow_vantage_policy_get_key:
 *
 * Returns: the member name of @policy in `policies` of the provider info
 */
const char *
inflow_vantage_policy_get_key (InflowVantagePolicy policy)
{
  g_return_val_if_fail (policy < INFLOW_N_VANTAGE_POLICIES, NULL);

  return policy_names[policy].key;
}

/**
 * inflow_vantage_policy_get_role_policy_name:
 *
 * Returns: (nullable): the name of the inline policy @policy becomes on the
 *   role, or %NULL for a policy that is not put on the role
 */
const char *
inflow_vantage_policy_get_role_policy_name (InflowVantagePolicy policy)
{
  g_return_val_if_fail (policy < INFLOW_N_VANTAGE_POLICIES, NULL);

  return policy_names[policy].role_policy_name;
}

/**
 * inflow_onboarding_info_new:
 * @external_id: the external ID
 * @vantage_role_arn: (nullable): Vantage's principal
 *
 * Returns: (transfer full): provider info without policies
 */
InflowOnboardingInfo *
inflow_onboarding_info_new (const char *external_id,
                            const char *vantage_role_arn)
{
  InflowOnboardingInfo *info = g_new0 (InflowOnboardingInfo, 1);

  info->external_id = g_strdup (external_id);
  info->vantage_role_arn = g_strdup (vantage_role_arn);

  return info;
}

InflowOnboardingInfo *
inflow_onboarding_info_copy (const InflowOnboardingInfo *info)
{
  InflowOnboardingInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = inflow_onboarding_info_new (info->external_id, info->vantage_role_arn);
  copy->vantage_id = g_strdup (info->vantage_id);
  for (guint i = 0; i < INFLOW_N_VANTAGE_POLICIES; i++)
    {
      if (info->policies[i] != NULL)
        copy->policies[i] = json_node_copy (info->policies[i]);
    }

  return copy;
}

void
inflow_onboarding_info_free (InflowOnboardingInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->external_id);
  g_free (info->vantage_role_arn);
  g_free (info->vantage_id);
  for (guint i = 0; i < INFLOW_N_VANTAGE_POLICIES; i++)
    g_clear_pointer (&info->policies[i], json_node_unref);
  g_free (info);
}

/**
 * inflow_onboarding_info_set_policy:
 * @document: (nullable) (transfer none): the policy document; copied
 */
void
inflow_onboarding_info_set_policy (InflowOnboardingInfo *info,
                                   InflowVantagePolicy   policy,
                                   JsonNode             *document)
{
  g_return_if_fail (info != NULL);
  g_return_if_fail (policy < INFLOW_N_VANTAGE_POLICIES);

  g_clear_pointer (&info->policies[policy], json_node_unref);
  if (document != NULL)
    info->policies[policy] = json_node_copy (document);
}

static gboolean
check_policy_document (InflowVantagePolicy   policy,
                       JsonNode             *document,
                       GError              **error)
{
  JsonObject *object;
  JsonNode *statement;

  if (!JSON_NODE_HOLDS_OBJECT (document))
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID_POLICY,
                   /* Translators: %s is a policy key such as "root" */
                   _("Vantage’s “%s” policy is not a JSON object."),
                   inflow_vantage_policy_get_key (policy));
      return FALSE;
    }

  object = json_node_get_object (document);
  statement = json_object_get_member (object, "Statement");
  if (statement == NULL || !(JSON_NODE_HOLDS_ARRAY (statement) || JSON_NODE_HOLDS_OBJECT (statement)))
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID_POLICY,
                   _("Vantage’s “%s” policy has no “Statement” list."),
                   inflow_vantage_policy_get_key (policy));
      return FALSE;
    }

  return TRUE;
}

/**
 * inflow_onboarding_info_set_policy_text:
 * @text: (nullable): the policy document as the API sends it, a JSON string
 *
 * Parses @text and stores the document; %NULL or "" removes the policy.
 */
gboolean
inflow_onboarding_info_set_policy_text (InflowOnboardingInfo  *info,
                                        InflowVantagePolicy    policy,
                                        const char            *text,
                                        GError               **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (policy < INFLOW_N_VANTAGE_POLICIES, FALSE);

  if (text == NULL || *text == '\0')
    {
      inflow_onboarding_info_set_policy (info, policy, NULL);
      return TRUE;
    }

  parser = json_parser_new_immutable ();
  if (!inflow_json_check (text, -1, &local_error) ||
      !json_parser_load_from_data (parser, text, -1, &local_error))
    {
      g_debug ("Policy %s does not parse: %s", inflow_vantage_policy_get_key (policy), local_error->message);
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID_POLICY,
                   _("Vantage’s “%s” policy is not valid JSON: %s"),
                   inflow_vantage_policy_get_key (policy), local_error->message);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID_POLICY,
                   _("Vantage’s “%s” policy is empty."), inflow_vantage_policy_get_key (policy));
      return FALSE;
    }

  if (!check_policy_document (policy, root, error))
    return FALSE;

  inflow_onboarding_info_set_policy (info, policy, root);

  return TRUE;
}

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * inflow_onboarding_info_new_from_json:
 * @object: the body of `GET /v1/integrations/aws/info`
 *
 * Reads `external_id`, `iam_role_arn`, `vantage_id` and the five
 * `policies`, each a JSON document serialised as a string (a document sent
 * as an object is accepted too).
 *
 * Returns: (transfer full) (nullable): the info, or %NULL with @error set
 */
InflowOnboardingInfo *
inflow_onboarding_info_new_from_json (JsonObject  *object,
                                      GError     **error)
{
  g_autoptr(InflowOnboardingInfo) info = NULL;
  const char *external_id;
  JsonNode *policies;

  g_return_val_if_fail (object != NULL, NULL);

  external_id = get_string_member (object, "external_id");
  if (external_id == NULL)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING,
                   _("Vantage’s AWS provider information has no external ID."));
      return NULL;
    }

  info = inflow_onboarding_info_new (external_id, get_string_member (object, "iam_role_arn"));
  info->vantage_id = g_strdup (get_string_member (object, "vantage_id"));

  policies = json_object_get_member (object, "policies");
  if (policies != NULL && JSON_NODE_HOLDS_OBJECT (policies))
    {
      JsonObject *policies_object = json_node_get_object (policies);

      for (guint i = 0; i < INFLOW_N_VANTAGE_POLICIES; i++)
        {
          JsonNode *member = json_object_get_member (policies_object, policy_names[i].key);

          if (member == NULL || JSON_NODE_HOLDS_NULL (member))
            continue;

          if (JSON_NODE_HOLDS_OBJECT (member))
            {
              if (!check_policy_document (i, member, error))
                return NULL;
              inflow_onboarding_info_set_policy (info, i, member);
            }
          else if (JSON_NODE_TYPE (member) == JSON_NODE_VALUE && json_node_get_value_type (member) == G_TYPE_STRING)
            {
              if (!inflow_onboarding_info_set_policy_text (info, i, json_node_get_string (member), error))
                return NULL;
            }
          else
            {
              g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID_POLICY,
                           _("Vantage’s “%s” policy is neither a JSON document nor a string."),
                           policy_names[i].key);
              return NULL;
            }
        }
    }

  return g_steal_pointer (&info);
}

/**
 * inflow_onboarding_info_validate:
 *
 * Checks what every generator needs: a valid external ID, Vantage's role
 * ARN in a supported partition, and the root, cloudwatch and resources
 * policies. Whether Autopilot's policy is needed depends on the admin's
 * choices and is checked where the role's policies are assembled.
 */
gboolean
inflow_onboarding_info_validate (const InflowOnboardingInfo  *info,
                                 GError                     **error)
{
  static const InflowVantagePolicy required[] = {
    INFLOW_VANTAGE_POLICY_ROOT,
    INFLOW_VANTAGE_POLICY_CLOUDWATCH,
    INFLOW_VANTAGE_POLICY_RESOURCES,
  };
  g_autoptr(InflowRoleArn) principal = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (info != NULL, FALSE);

  if (!inflow_aws_validate_external_id (info->external_id != NULL ? info->external_id : "", error))
    return FALSE;

  if (info->vantage_role_arn == NULL || *info->vantage_role_arn == '\0')
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING,
                   _("Vantage’s AWS provider information has no role ARN to trust."));
      return FALSE;
    }

  principal = inflow_role_arn_parse (info->vantage_role_arn, &local_error);
  if (principal == NULL)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, local_error->code,
                   _("Vantage’s role ARN is not usable: %s"), local_error->message);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      if (info->policies[required[i]] == NULL)
        {
          g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING,
                       _("Vantage’s AWS provider information has no “%s” policy."),
                       inflow_vantage_policy_get_key (required[i]));
          return FALSE;
        }
    }

  for (guint i = 0; i < INFLOW_N_VANTAGE_POLICIES; i++)
    {
      if (info->policies[i] != NULL && !check_policy_document (i, info->policies[i], error))
        return FALSE;
    }

  return TRUE;
}
