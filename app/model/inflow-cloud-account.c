/* inflow-cloud-account.c: a provider account with costs in a workspace
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-model"

#include "config.h"

#include <string.h>

#include "inflow-cloud-account.h"
#include "inflow-json.h"

/* One `CostProviderAccount`. For an AWS Organizations account its
 * provider_uuid is the account's ARN, which also names the organization,
 * the management account and the partition. */
struct _InflowCloudAccount
{
  GObject  parent_instance;

  char    *title;
  char    *account_id;
  char    *provider_uuid;
  char    *provider;

  /* Parsed from provider_uuid; NULL when it is no Organizations ARN */
  char    *organization_id;
  char    *management_account_id;
  char    *partition;
};

G_DEFINE_FINAL_TYPE (InflowCloudAccount, inflow_cloud_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ACCOUNT_ID,
  PROP_PROVIDER_UUID,
  PROP_PROVIDER,
  PROP_ORGANIZATION_ID,
  PROP_MANAGEMENT_ACCOUNT_ID,
  PROP_PARTITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_account_id (const char *text)
{
  return strlen (text) == 12 && strspn (text, "0123456789") == 12;
}

static gboolean
is_organization_id (const char *text)
{
  gsize len = strlen (text);

  return g_str_has_prefix (text, "o-") && len >= 12 && len <= 34 &&
         strspn (text + 2, "abcdefghijklmnopqrstuvwxyz0123456789") == len - 2;
}

/* arn:<aws|aws-us-gov>:organizations::<management>:account/o-<org>/<account> */
static gboolean
parse_organization_arn (InflowCloudAccount *self)
{
  g_auto(GStrv) fields = g_strsplit (self->provider_uuid, ":", 6);
  g_auto(GStrv) resource = NULL;

  if (g_strv_length (fields) != 6 ||
      !g_str_equal (fields[0], "arn") ||
      (!g_str_equal (fields[1], "aws") && !g_str_equal (fields[1], "aws-us-gov")) ||
      !g_str_equal (fields[2], "organizations") ||
      fields[3][0] != '\0' ||
      !is_account_id (fields[4]))
    return FALSE;

  resource = g_strsplit (fields[5], "/", 0);
  if (g_strv_length (resource) != 3 ||
      !g_str_equal (resource[0], "account") ||
      !is_organization_id (resource[1]) ||
      !is_account_id (resource[2]))
    return FALSE;

  self->partition = g_strdup (fields[1]);
  self->management_account_id = g_strdup (fields[4]);
  self->organization_id = g_strdup (resource[1]);

  return TRUE;
}

static void
inflow_cloud_account_finalize (GObject *object)
{
  InflowCloudAccount *self = INFLOW_CLOUD_ACCOUNT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->account_id, g_free);
  g_clear_pointer (&self->provider_uuid, g_free);
  g_clear_pointer (&self->provider, g_free);
  g_clear_pointer (&self->organization_id, g_free);
  g_clear_pointer (&self->management_account_id, g_free);
  g_clear_pointer (&self->partition, g_free);

  G_OBJECT_CLASS (inflow_cloud_account_parent_class)->finalize (object);
}

static void
inflow_cloud_account_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  InflowCloudAccount *self = INFLOW_CLOUD_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_string (value, self->account_id);
      break;

    case PROP_PROVIDER_UUID:
      g_value_set_string (value, self->provider_uuid);
      break;

    case PROP_PROVIDER:
      g_value_set_string (value, self->provider);
      break;

    case PROP_ORGANIZATION_ID:
      g_value_set_string (value, self->organization_id);
      break;

    case PROP_MANAGEMENT_ACCOUNT_ID:
      g_value_set_string (value, self->management_account_id);
      break;

    case PROP_PARTITION:
      g_value_set_string (value, self->partition);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_cloud_account_class_init (InflowCloudAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = inflow_cloud_account_finalize;
  object_class->get_property = inflow_cloud_account_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowCloudAccount:account-id:
   *
   * The provider's account ID as sent (an AWS ID keeps its leading zeros).
   */
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_string ("account-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROVIDER_UUID] =
    g_param_spec_string ("provider-uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROVIDER] =
    g_param_spec_string ("provider", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowCloudAccount:organization-id:
   *
   * The AWS organization ("o-…"), or %NULL if provider-uuid is no
   * Organizations account ARN.
   */
  properties[PROP_ORGANIZATION_ID] =
    g_param_spec_string ("organization-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_MANAGEMENT_ACCOUNT_ID] =
    g_param_spec_string ("management-account-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowCloudAccount:partition:
   *
   * "aws" or "aws-us-gov" (GovCloud), or %NULL if provider-uuid is no
   * Organizations account ARN.
   */
  properties[PROP_PARTITION] =
    g_param_spec_string ("partition", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_cloud_account_init (InflowCloudAccount *self)
{
}

/**
 * inflow_cloud_account_new_from_json:
 * @object: a `CostProviderAccount` object
 * @error: return location for an #INFLOW_JSON_ERROR
 *
 * A provider_uuid that is not an AWS Organizations account ARN is no
 * error; the fields parsed from it stay %NULL.
 *
 * Returns: (transfer full) (nullable): the account, or %NULL on error
 */
InflowCloudAccount *
inflow_cloud_account_new_from_json (JsonObject  *object,
                                    GError     **error)
{
  g_autoptr(InflowCloudAccount) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (INFLOW_TYPE_CLOUD_ACCOUNT, NULL);

  if (!inflow_json_read_string (object, "title", INFLOW_JSON_REQUIRED, &self->title, error) ||
      !inflow_json_read_string (object, "account_id", INFLOW_JSON_REQUIRED, &self->account_id, error) ||
      !inflow_json_read_string (object, "provider_uuid", INFLOW_JSON_REQUIRED, &self->provider_uuid, error) ||
      !inflow_json_read_string (object, "provider", INFLOW_JSON_REQUIRED, &self->provider, error))
    return NULL;

  if (!parse_organization_arn (self) && g_str_has_prefix (self->provider_uuid, "arn:"))
    g_debug ("Cloud account %s: “%s” is no Organizations account ARN",
             self->account_id, self->provider_uuid);

  return g_steal_pointer (&self);
}

const char *
inflow_cloud_account_get_title (InflowCloudAccount *self)
{
  g_return_val_if_fail (INFLOW_IS_CLOUD_ACCOUNT (self), NULL);

  return self->title;
}

const char *
inflow_cloud_account_get_account_id (InflowCloudAccount *self)
{
  g_return_val_if_fail (INFLOW_IS_CLOUD_ACCOUNT (self), NULL);

  return self->account_id;
}

const char *
inflow_cloud_account_get_provider_uuid (InflowCloudAccount *self)
{
  g_return_val_if_fail (INFLOW_IS_CLOUD_ACCOUNT (self), NULL);

  return self->provider_uuid;
}

const char *
inflow_cloud_account_get_provider (InflowCloudAccount *self)
{
  g_return_val_if_fail (INFLOW_IS_CLOUD_ACCOUNT (self), NULL);

  return self->provider;
}

const char *
inflow_cloud_account_get_organization_id (InflowCloudAccount *self)
{
  g_return_val_if_fail (INFLOW_IS_CLOUD_ACCOUNT (self), NULL);

  return self->organization_id;
}

const char *
inflow_cloud_account_get_management_account_id (InflowCloudAccount *self)
{
  g_return_val_if_fail (INFLOW_IS_CLOUD_ACCOUNT (self), NULL);

  return self->management_account_id;
}

const char *
inflow_cloud_account_get_partition (InflowCloudAccount *self)
{
  g_return_val_if_fail (INFLOW_IS_CLOUD_ACCOUNT (self), NULL);

  return self->partition;
}

/* Whether this is its organization's management (payer) account. */
gboolean
inflow_cloud_account_is_management (InflowCloudAccount *self)
{
  g_return_val_if_fail (INFLOW_IS_CLOUD_ACCOUNT (self), FALSE);

  return self->management_account_id != NULL &&
         g_str_equal (self->account_id, self->management_account_id);
}

/**
 * inflow_cloud_account_to_json:
 * @self: a #InflowCloudAccount
 *
 * Writes the account as the API sends it (for the local cache), so that
 * inflow_cloud_account_new_from_json() makes an equal account of it (the
 * organization fields are parsed again from `provider_uuid`).
 *
 * Returns: (transfer full): a `CostProviderAccount` object node
 */
JsonNode *
inflow_cloud_account_to_json (InflowCloudAccount *self)
{
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (INFLOW_IS_CLOUD_ACCOUNT (self), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  inflow_json_add_string (builder, "title", self->title);
  inflow_json_add_string (builder, "account_id", self->account_id);
  inflow_json_add_string (builder, "provider_uuid", self->provider_uuid);
  inflow_json_add_string (builder, "provider", self->provider);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
