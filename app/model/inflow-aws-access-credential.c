/* inflow-aws-access-credential.c: an AWS connection as v1 returns it
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-model"

#include "config.h"

#include "inflow-aws-access-credential.h"
#include "inflow-json.h"

/* One `AwsAccessCredential` (v1 POST/GET/PUT /integrations/aws). Its
 * integer id is not the v2 integration token. */
struct _InflowAwsAccessCredential
{
  GObject  parent_instance;

  gint64   id;
  char    *cross_account_arn;
  char    *bucket_arn;
};

G_DEFINE_FINAL_TYPE (InflowAwsAccessCredential, inflow_aws_access_credential, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CROSS_ACCOUNT_ARN,
  PROP_BUCKET_ARN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
inflow_aws_access_credential_finalize (GObject *object)
{
  InflowAwsAccessCredential *self = INFLOW_AWS_ACCESS_CREDENTIAL (object);

  g_clear_pointer (&self->cross_account_arn, g_free);
  g_clear_pointer (&self->bucket_arn, g_free);

  G_OBJECT_CLASS (inflow_aws_access_credential_parent_class)->finalize (object);
}

static void
inflow_aws_access_credential_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  InflowAwsAccessCredential *self = INFLOW_AWS_ACCESS_CREDENTIAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CROSS_ACCOUNT_ARN:
      g_value_set_string (value, self->cross_account_arn);
      break;

    case PROP_BUCKET_ARN:
      g_value_set_string (value, self->bucket_arn);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_aws_access_credential_class_init (InflowAwsAccessCredentialClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = inflow_aws_access_credential_finalize;
  object_class->get_property = inflow_aws_access_credential_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowAwsAccessCredential:cross-account-arn:
   *
   * The ARN of the role Vantage assumes in the customer's account.
   */
  properties[PROP_CROSS_ACCOUNT_ARN] =
    g_param_spec_string ("cross-account-arn", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowAwsAccessCredential:bucket-arn:
   *
   * The ARN of the bucket holding the CUR, or %NULL.
   */
  properties[PROP_BUCKET_ARN] =
    g_param_spec_string ("bucket-arn", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_aws_access_credential_init (InflowAwsAccessCredential *self)
{
}

/**
 * inflow_aws_access_credential_new_from_json:
 * @object: an `AwsAccessCredential` object
 * @error: return location for an #INFLOW_JSON_ERROR
 *
 * Returns: (transfer full) (nullable): the credential, or %NULL on error
 */
InflowAwsAccessCredential *
inflow_aws_access_credential_new_from_json (JsonObject  *object,
                                            GError     **error)
{
  g_autoptr(InflowAwsAccessCredential) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (INFLOW_TYPE_AWS_ACCESS_CREDENTIAL, NULL);

  if (!inflow_json_read_int64 (object, "id", INFLOW_JSON_REQUIRED, &self->id, error) ||
      !inflow_json_read_string (object, "cross_account_arn", INFLOW_JSON_REQUIRED,
                                &self->cross_account_arn, error) ||
      !inflow_json_read_string (object, "bucket_arn", INFLOW_JSON_NULLABLE, &self->bucket_arn, error))
    return NULL;

  return g_steal_pointer (&self);
}

gint64
inflow_aws_access_credential_get_id (InflowAwsAccessCredential *self)
{
  g_return_val_if_fail (INFLOW_IS_AWS_ACCESS_CREDENTIAL (self), 0);

  return self->id;
}

const char *
inflow_aws_access_credential_get_cross_account_arn (InflowAwsAccessCredential *self)
{
  g_return_val_if_fail (INFLOW_IS_AWS_ACCESS_CREDENTIAL (self), NULL);

  return self->cross_account_arn;
}

const char *
inflow_aws_access_credential_get_bucket_arn (InflowAwsAccessCredential *self)
{
  g_return_val_if_fail (INFLOW_IS_AWS_ACCESS_CREDENTIAL (self), NULL);

  return self->bucket_arn;
}
