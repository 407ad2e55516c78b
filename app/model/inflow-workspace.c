/* inflow-workspace.c: a Vantage workspace
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-model"

#include "config.h"

#include "inflow-workspace.h"
#include "inflow-json.h"

struct _InflowWorkspace
{
  GObject    parent_instance;

  char      *token;
  char      *name;
  GDateTime *created_at;
  gboolean   enable_currency_conversion;
  char      *currency;
  char      *exchange_rate_date;
};

G_DEFINE_FINAL_TYPE (InflowWorkspace, inflow_workspace, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TOKEN,
  PROP_NAME,
  PROP_CREATED_AT,
  PROP_ENABLE_CURRENCY_CONVERSION,
  PROP_CURRENCY,
  PROP_EXCHANGE_RATE_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
inflow_workspace_finalize (GObject *object)
{
  InflowWorkspace *self = INFLOW_WORKSPACE (object);

  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->exchange_rate_date, g_free);

  G_OBJECT_CLASS (inflow_workspace_parent_class)->finalize (object);
}

static void
inflow_workspace_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  InflowWorkspace *self = INFLOW_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_TOKEN:
      g_value_set_string (value, self->token);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;

    case PROP_ENABLE_CURRENCY_CONVERSION:
      g_value_set_boolean (value, self->enable_currency_conversion);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_EXCHANGE_RATE_DATE:
      g_value_set_string (value, self->exchange_rate_date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_workspace_class_init (InflowWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = inflow_workspace_finalize;
  object_class->get_property = inflow_workspace_get_property;

  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ENABLE_CURRENCY_CONVERSION] =
    g_param_spec_boolean ("enable-currency-conversion", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowWorkspace:currency:
   *
   * The ISO 4217 code costs are converted to ("USD", …).
   */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowWorkspace:exchange-rate-date:
   *
   * Which rate converts costs: "daily_rate" or "end_of_billing_period_rate".
   */
  properties[PROP_EXCHANGE_RATE_DATE] =
    g_param_spec_string ("exchange-rate-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_workspace_init (InflowWorkspace *self)
{
}

/**
 * inflow_workspace_new_from_json:
 * @object: a `Workspace` object
 * @error: return location for an #INFLOW_JSON_ERROR
 *
 * Returns: (transfer full) (nullable): the workspace, or %NULL on error
 */
InflowWorkspace *
inflow_workspace_new_from_json (JsonObject  *object,
                                GError     **error)
{
  g_autoptr(InflowWorkspace) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (INFLOW_TYPE_WORKSPACE, NULL);

  if (!inflow_json_read_string (object, "token", INFLOW_JSON_REQUIRED, &self->token, error) ||
      !inflow_json_read_string (object, "name", INFLOW_JSON_REQUIRED, &self->name, error) ||
      !inflow_json_read_timestamp (object, "created_at", INFLOW_JSON_REQUIRED, &self->created_at, error) ||
      !inflow_json_read_boolean (object, "enable_currency_conversion", INFLOW_JSON_REQUIRED,
                                 &self->enable_currency_conversion, error) ||
      !inflow_json_read_string (object, "currency", INFLOW_JSON_REQUIRED, &self->currency, error) ||
      !inflow_json_read_string (object, "exchange_rate_date", INFLOW_JSON_REQUIRED,
                                &self->exchange_rate_date, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
inflow_workspace_get_token (InflowWorkspace *self)
{
  g_return_val_if_fail (INFLOW_IS_WORKSPACE (self), NULL);

  return self->token;
}

const char *
inflow_workspace_get_name (InflowWorkspace *self)
{
  g_return_val_if_fail (INFLOW_IS_WORKSPACE (self), NULL);

  return self->name;
}

GDateTime *
inflow_workspace_get_created_at (InflowWorkspace *self)
{
  g_return_val_if_fail (INFLOW_IS_WORKSPACE (self), NULL);

  return self->created_at;
}

gboolean
inflow_workspace_get_enable_currency_conversion (InflowWorkspace *self)
{
  g_return_val_if_fail (INFLOW_IS_WORKSPACE (self), FALSE);

  return self->enable_currency_conversion;
}

const char *
inflow_workspace_get_currency (InflowWorkspace *self)
{
  g_return_val_if_fail (INFLOW_IS_WORKSPACE (self), NULL);

  return self->currency;
}

const char *
inflow_workspace_get_exchange_rate_date (InflowWorkspace *self)
{
  g_return_val_if_fail (INFLOW_IS_WORKSPACE (self), NULL);

  return self->exchange_rate_date;
}

/**
 * inflow_workspace_to_json:
 * @self: a #InflowWorkspace
 *
 * Writes the workspace as the API sends it (for the local cache), so that
 * inflow_workspace_new_from_json() makes an equal workspace of it.
 *
 * Returns: (transfer full): a `Workspace` object node
 */
JsonNode *
inflow_workspace_to_json (InflowWorkspace *self)
{
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (INFLOW_IS_WORKSPACE (self), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  inflow_json_add_string (builder, "token", self->token);
  inflow_json_add_string (builder, "name", self->name);
  inflow_json_add_timestamp (builder, "created_at", self->created_at);
  json_builder_set_member_name (builder, "enable_currency_conversion");
  json_builder_add_boolean_value (builder, self->enable_currency_conversion);
  inflow_json_add_string (builder, "currency", self->currency);
  inflow_json_add_string (builder, "exchange_rate_date", self->exchange_rate_date);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
