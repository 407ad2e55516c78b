/* inflow-integration.c: one connected provider credential (v2 Integration)
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-model"

#include "config.h"

#include "inflow-integration.h"
#include "inflow-json.h"

struct _InflowIntegration
{
  GObject                  parent_instance;

  char                    *token;
  char                    *provider;
  char                    *account_identifier;
  InflowIntegrationStatus  status;
  char                    *status_string;
  GDateTime               *last_updated;
  GDateTime               *created_at;
  GStrv                    workspace_tokens;
  GStrv                    managed_account_tokens;
};

G_DEFINE_ENUM_TYPE (InflowIntegrationStatus, inflow_integration_status,
                    G_DEFINE_ENUM_VALUE (INFLOW_INTEGRATION_STATUS_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INTEGRATION_STATUS_PENDING, "pending"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INTEGRATION_STATUS_IMPORTING, "importing"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INTEGRATION_STATUS_IMPORTED, "imported"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INTEGRATION_STATUS_CONNECTED, "connected"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INTEGRATION_STATUS_ERROR, "error"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INTEGRATION_STATUS_DISCONNECTED, "disconnected"))

G_DEFINE_FINAL_TYPE (InflowIntegration, inflow_integration, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TOKEN,
  PROP_PROVIDER,
  PROP_ACCOUNT_IDENTIFIER,
  PROP_STATUS,
  PROP_STATUS_STRING,
  PROP_LAST_UPDATED,
  PROP_CREATED_AT,
  PROP_WORKSPACE_TOKENS,
  PROP_MANAGED_ACCOUNT_TOKENS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * inflow_integration_status_from_string:
 * @status: (nullable): a status as the API sends it, in any case
 *
 * Returns: the status, %INFLOW_INTEGRATION_STATUS_UNKNOWN for a value the
 *   spec does not list
 */
InflowIntegrationStatus
inflow_integration_status_from_string (const char *status)
{
  g_autoptr(GEnumClass) enum_class = NULL;
  g_autofree char *nick = NULL;
  GEnumValue *value;

  if (status == NULL)
    return INFLOW_INTEGRATION_STATUS_UNKNOWN;

  enum_class = g_type_class_ref (INFLOW_TYPE_INTEGRATION_STATUS);
  nick = g_ascii_strdown (status, -1);
  value = g_enum_get_value_by_nick (enum_class, nick);

  return value != NULL ? value->value : INFLOW_INTEGRATION_STATUS_UNKNOWN;
}

static void
inflow_integration_finalize (GObject *object)
{
  InflowIntegration *self = INFLOW_INTEGRATION (object);

  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->provider, g_free);
  g_clear_pointer (&self->account_identifier, g_free);
  g_clear_pointer (&self->status_string, g_free);
  g_clear_pointer (&self->last_updated, g_date_time_unref);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->workspace_tokens, g_strfreev);
  g_clear_pointer (&self->managed_account_tokens, g_strfreev);

  G_OBJECT_CLASS (inflow_integration_parent_class)->finalize (object);
}

static void
inflow_integration_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  InflowIntegration *self = INFLOW_INTEGRATION (object);

  switch (prop_id)
    {
    case PROP_TOKEN:
      g_value_set_string (value, self->token);
      break;

    case PROP_PROVIDER:
      g_value_set_string (value, self->provider);
      break;

    case PROP_ACCOUNT_IDENTIFIER:
      g_value_set_string (value, self->account_identifier);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_STATUS_STRING:
      g_value_set_string (value, self->status_string);
      break;

    case PROP_LAST_UPDATED:
      g_value_set_boxed (value, self->last_updated);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;

    case PROP_WORKSPACE_TOKENS:
      g_value_set_boxed (value, self->workspace_tokens);
      break;

    case PROP_MANAGED_ACCOUNT_TOKENS:
      g_value_set_boxed (value, self->managed_account_tokens);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_integration_class_init (InflowIntegrationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = inflow_integration_finalize;
  object_class->get_property = inflow_integration_get_property;

  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowIntegration:provider:
   *
   * The provider as the API sends it ("aws", "AWS", "gcp", …); compare it
   * with inflow_integration_is_provider().
   */
  properties[PROP_PROVIDER] =
    g_param_spec_string ("provider", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowIntegration:account-identifier:
   *
   * The provider's account (for AWS, presumably the 12-digit account ID),
   * or %NULL.
   */
  properties[PROP_ACCOUNT_IDENTIFIER] =
    g_param_spec_string ("account-identifier", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       INFLOW_TYPE_INTEGRATION_STATUS,
                       INFLOW_INTEGRATION_STATUS_UNKNOWN,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowIntegration:status-string:
   *
   * The status exactly as sent, also when #InflowIntegration:status is
   * %INFLOW_INTEGRATION_STATUS_UNKNOWN.
   */
  properties[PROP_STATUS_STRING] =
    g_param_spec_string ("status-string", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowIntegration:last-updated:
   *
   * When the integration was last updated, or %NULL. The spec does not say
   * that this is the last data sync.
   */
  properties[PROP_LAST_UPDATED] =
    g_param_spec_boxed ("last-updated", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowIntegration:workspace-tokens:
   *
   * The workspaces the integration's costs are visible in.
   */
  properties[PROP_WORKSPACE_TOKENS] =
    g_param_spec_boxed ("workspace-tokens", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_MANAGED_ACCOUNT_TOKENS] =
    g_param_spec_boxed ("managed-account-tokens", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_integration_init (InflowIntegration *self)
{
}

/**
 * inflow_integration_new_from_json:
 * @object: an `Integration` object
 * @error: return location for an #INFLOW_JSON_ERROR
 *
 * A status the spec does not list is no error: it reads as
 * %INFLOW_INTEGRATION_STATUS_UNKNOWN and is kept in #InflowIntegration:status-string.
 *
 * Returns: (transfer full) (nullable): the integration, or %NULL on error
 */
InflowIntegration *
inflow_integration_new_from_json (JsonObject  *object,
                                  GError     **error)
{
  g_autoptr(InflowIntegration) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (INFLOW_TYPE_INTEGRATION, NULL);

  if (!inflow_json_read_string (object, "token", INFLOW_JSON_REQUIRED, &self->token, error) ||
      !inflow_json_read_string (object, "provider", INFLOW_JSON_REQUIRED, &self->provider, error) ||
      !inflow_json_read_string (object, "account_identifier", INFLOW_JSON_REQUIRED | INFLOW_JSON_NULLABLE,
                                &self->account_identifier, error) ||
      !inflow_json_read_string (object, "status", INFLOW_JSON_REQUIRED, &self->status_string, error) ||
      !inflow_json_read_timestamp (object, "last_updated", INFLOW_JSON_NULLABLE, &self->last_updated, error) ||
      !inflow_json_read_timestamp (object, "created_at", INFLOW_JSON_REQUIRED, &self->created_at, error) ||
      !inflow_json_read_strv (object, "workspace_tokens", INFLOW_JSON_REQUIRED, &self->workspace_tokens, error) ||
      !inflow_json_read_strv (object, "managed_account_tokens", INFLOW_JSON_REQUIRED,
                              &self->managed_account_tokens, error))
    return NULL;

  self->status = inflow_integration_status_from_string (self->status_string);
  if (self->status == INFLOW_INTEGRATION_STATUS_UNKNOWN)
    g_debug ("Integration %s has the unknown status “%s”", self->token, self->status_string);

  return g_steal_pointer (&self);
}

const char *
inflow_integration_get_token (InflowIntegration *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATION (self), NULL);

  return self->token;
}

const char *
inflow_integration_get_provider (InflowIntegration *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATION (self), NULL);

  return self->provider;
}

/**
 * inflow_integration_is_provider:
 * @provider: a provider key such as "aws"
 *
 * Returns: whether the integration's provider is @provider, ignoring case
 */
gboolean
inflow_integration_is_provider (InflowIntegration *self,
                                const char        *provider)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATION (self), FALSE);
  g_return_val_if_fail (provider != NULL, FALSE);

  return g_ascii_strcasecmp (self->provider, provider) == 0;
}

const char *
inflow_integration_get_account_identifier (InflowIntegration *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATION (self), NULL);

  return self->account_identifier;
}

InflowIntegrationStatus
inflow_integration_get_status (InflowIntegration *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATION (self), INFLOW_INTEGRATION_STATUS_UNKNOWN);

  return self->status;
}

const char *
inflow_integration_get_status_string (InflowIntegration *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATION (self), NULL);

  return self->status_string;
}

GDateTime *
inflow_integration_get_last_updated (InflowIntegration *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATION (self), NULL);

  return self->last_updated;
}

GDateTime *
inflow_integration_get_created_at (InflowIntegration *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATION (self), NULL);

  return self->created_at;
}

const char * const *
inflow_integration_get_workspace_tokens (InflowIntegration *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATION (self), NULL);

  return (const char * const *) self->workspace_tokens;
}

const char * const *
inflow_integration_get_managed_account_tokens (InflowIntegration *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATION (self), NULL);

  return (const char * const *) self->managed_account_tokens;
}

/**
 * inflow_integration_to_json:
 * @self: a #InflowIntegration
 *
 * Writes the integration as the API sends it (for the local cache), so that
 * inflow_integration_new_from_json() makes an equal integration of it. The
 * status is written exactly as it was received.
 *
 * Returns: (transfer full): an `Integration` object node
 */
JsonNode *
inflow_integration_to_json (InflowIntegration *self)
{
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (INFLOW_IS_INTEGRATION (self), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  inflow_json_add_string (builder, "token", self->token);
  inflow_json_add_string (builder, "provider", self->provider);
  inflow_json_add_string (builder, "account_identifier", self->account_identifier);
  inflow_json_add_string (builder, "status", self->status_string);
  inflow_json_add_timestamp (builder, "last_updated", self->last_updated);
  inflow_json_add_strv (builder, "workspace_tokens", (const char * const *) self->workspace_tokens);
  inflow_json_add_timestamp (builder, "created_at", self->created_at);
  inflow_json_add_strv (builder, "managed_account_tokens", (const char * const *) self->managed_account_tokens);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
