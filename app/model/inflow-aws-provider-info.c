/* inflow-aws-provider-info.c: what a cross-account role must trust and allow
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-model"

#include "config.h"

#include "inflow-aws-provider-info.h"
#include "inflow-json.h"

/* The members of `policies`, each an IAM policy document sent as a string */
static const char * const policy_names[] = {
  "root",
  "autopilot",
  "cloudwatch",
  "s3_request_metrics",
  "resources",
};

#define N_POLICIES G_N_ELEMENTS (policy_names)

/* One `AwsProviderCredential` (v1 GET /integrations/aws/info). */
struct _InflowAwsProviderInfo
{
  GObject   parent_instance;

  char     *external_id;
  char     *iam_role_arn;
  char     *iam_role_id;
  char     *vantage_id;
  char     *policy_texts[N_POLICIES];
  JsonNode *policies[N_POLICIES];
};

G_DEFINE_FINAL_TYPE (InflowAwsProviderInfo, inflow_aws_provider_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EXTERNAL_ID,
  PROP_IAM_ROLE_ARN,
  PROP_IAM_ROLE_ID,
  PROP_VANTAGE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
inflow_aws_provider_info_finalize (GObject *object)
{
  InflowAwsProviderInfo *self = INFLOW_AWS_PROVIDER_INFO (object);

  g_clear_pointer (&self->external_id, g_free);
  g_clear_pointer (&self->iam_role_arn, g_free);
  g_clear_pointer (&self->iam_role_id, g_free);
  g_clear_pointer (&self->vantage_id, g_free);
  for (guint i = 0; i < N_POLICIES; i++)
    {
      g_clear_pointer (&self->policy_texts[i], g_free);
      g_clear_pointer (&self->policies[i], json_node_unref);
    }

  G_OBJECT_CLASS (inflow_aws_provider_info_parent_class)->finalize (object);
}

static void
inflow_aws_provider_info_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  InflowAwsProviderInfo *self = INFLOW_AWS_PROVIDER_INFO (object);

  switch (prop_id)
    {
    case PROP_EXTERNAL_ID:
      g_value_set_string (value, self->external_id);
      break;

    case PROP_IAM_ROLE_ARN:
      g_value_set_string (value, self->iam_role_arn);
      break;

    case PROP_IAM_ROLE_ID:
      g_value_set_string (value, self->iam_role_id);
      break;

    case PROP_VANTAGE_ID:
      g_value_set_string (value, self->vantage_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_aws_provider_info_class_init (InflowAwsProviderInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = inflow_aws_provider_info_finalize;
  object_class->get_property = inflow_aws_provider_info_get_property;

  /**
   * InflowAwsProviderInfo:external-id:
   *
   * The value of the trust policy's `sts:ExternalId` condition.
   */
  properties[PROP_EXTERNAL_ID] =
    g_param_spec_string ("external-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowAwsProviderInfo:iam-role-arn:
   *
   * The Vantage principal the role trusts, or %NULL.
   */
  properties[PROP_IAM_ROLE_ARN] =
    g_param_spec_string ("iam-role-arn", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_IAM_ROLE_ID] =
    g_param_spec_string ("iam-role-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_VANTAGE_ID] =
    g_param_spec_string ("vantage-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_aws_provider_info_init (InflowAwsProviderInfo *self)
{
}

static gboolean
parse_policy (InflowAwsProviderInfo  *self,
              JsonObject             *policies,
              guint                   i,
              GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) document = NULL;
  InflowJsonFlags flags = INFLOW_JSON_REQUIRED;

  /* The spec requires all five, but its own example lacks this one */
  if (g_str_equal (policy_names[i], "s3_request_metrics"))
    flags = INFLOW_JSON_OPTIONAL;

  if (!inflow_json_read_string (policies, policy_names[i], flags, &self->policy_texts[i], error))
    {
      g_prefix_error (error, "in “policies”: ");
      return FALSE;
    }

  if (self->policy_texts[i] == NULL)
    return TRUE;

  if (inflow_json_check (self->policy_texts[i], -1, &local_error))
    document = json_from_string (self->policy_texts[i], &local_error);
  if (document == NULL)
    {
      g_set_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_INVALID_VALUE,
                   "policy “%s” is not valid JSON: %s", policy_names[i],
                   local_error != NULL ? local_error->message : "it is empty");
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (document))
    {
      g_set_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_INVALID_VALUE,
                   "policy “%s” should be a JSON object but is %s",
                   policy_names[i], inflow_json_describe_node (document));
      return FALSE;
    }

  self->policies[i] = g_steal_pointer (&document);
  return TRUE;
}

/**
 * inflow_aws_provider_info_new_from_json:
 * @object: an `AwsProviderCredential` object
 * @error: return location for an #INFLOW_JSON_ERROR
 *
 * Each policy must be a JSON object serialised as a string. The spec
 * requires `vantage_id` and `policies.s3_request_metrics`, but its own
 * example lacks them, so they may be missing.
 *
 * Returns: (transfer full) (nullable): the provider info, or %NULL on error
 */
InflowAwsProviderInfo *
inflow_aws_provider_info_new_from_json (JsonObject  *object,
                                        GError     **error)
{
  g_autoptr(InflowAwsProviderInfo) self = NULL;
  g_autoptr(JsonObject) policies = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (INFLOW_TYPE_AWS_PROVIDER_INFO, NULL);

  if (!inflow_json_read_string (object, "external_id", INFLOW_JSON_REQUIRED, &self->external_id, error) ||
      !inflow_json_read_string (object, "iam_role_arn", INFLOW_JSON_NULLABLE, &self->iam_role_arn, error) ||
      !inflow_json_read_string (object, "iam_role_id", INFLOW_JSON_NULLABLE, &self->iam_role_id, error) ||
      !inflow_json_read_string (object, "vantage_id", INFLOW_JSON_OPTIONAL, &self->vantage_id, error) ||
      !inflow_json_read_object (object, "policies", INFLOW_JSON_REQUIRED, &policies, error))
    return NULL;

  for (guint i = 0; i < N_POLICIES; i++)
    {
      if (!parse_policy (self, policies, i, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
inflow_aws_provider_info_get_external_id (InflowAwsProviderInfo *self)
{
  g_return_val_if_fail (INFLOW_IS_AWS_PROVIDER_INFO (self), NULL);

  return self->external_id;
}

const char *
inflow_aws_provider_info_get_iam_role_arn (InflowAwsProviderInfo *self)
{
  g_return_val_if_fail (INFLOW_IS_AWS_PROVIDER_INFO (self), NULL);

  return self->iam_role_arn;
}

const char *
inflow_aws_provider_info_get_iam_role_id (InflowAwsProviderInfo *self)
{
  g_return_val_if_fail (INFLOW_IS_AWS_PROVIDER_INFO (self), NULL);

  return self->iam_role_id;
}

const char *
inflow_aws_provider_info_get_vantage_id (InflowAwsProviderInfo *self)
{
  g_return_val_if_fail (INFLOW_IS_AWS_PROVIDER_INFO (self), NULL);

  return self->vantage_id;
}

static int
find_policy (const char *name)
{
  for (guint i = 0; i < N_POLICIES; i++)
    {
      if (g_str_equal (policy_names[i], name))
        return i;
    }

  return -1;
}

/**
 * inflow_aws_provider_info_get_policy:
 * @name: "root", "autopilot", "cloudwatch", "s3_request_metrics" or "resources"
 *
 * Returns: (transfer none) (nullable): the policy document (a JSON object),
 *   or %NULL if the API sent none by that name
 */
JsonNode *
inflow_aws_provider_info_get_policy (InflowAwsProviderInfo *self,
                                     const char            *name)
{
  int i;

  g_return_val_if_fail (INFLOW_IS_AWS_PROVIDER_INFO (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  i = find_policy (name);
  return i >= 0 ? self->policies[i] : NULL;
}

/**
 * inflow_aws_provider_info_get_policy_text:
 * @name: as for inflow_aws_provider_info_get_policy()
 *
 * Returns: (nullable): the policy document exactly as sent
 */
const char *
inflow_aws_provider_info_get_policy_text (InflowAwsProviderInfo *self,
                                          const char            *name)
{
  int i;

  g_return_val_if_fail (INFLOW_IS_AWS_PROVIDER_INFO (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  i = find_policy (name);
  return i >= 0 ? self->policy_texts[i] : NULL;
}
