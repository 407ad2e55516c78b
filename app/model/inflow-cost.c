/* inflow-cost.c: one row of a cost query (GET /costs)
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-model"

#include "config.h"

#include "inflow-cost.h"
#include "inflow-json.h"

/* The grouping members (provider … cost_subcategory) are NULL unless the
 * query grouped by them. */
struct _InflowCost
{
  GObject    parent_instance;

  GDateTime *accrued_at;
  char      *accrued_at_string;
  char      *amount;
  double     amount_value;
  char      *currency;
  char      *provider;
  char      *service;
  char      *account_id;
  char      *billing_account_id;
  char      *region;
  char      *resource_id;
  char      *resource_name;
  char      *cost_category;
  char      *cost_subcategory;
  char      *charge_type;
  char      *usage_unit;
  gboolean   tagged;
  gboolean   tagged_known;
};

G_DEFINE_FINAL_TYPE (InflowCost, inflow_cost, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACCRUED_AT,
  PROP_ACCRUED_AT_STRING,
  PROP_AMOUNT,
  PROP_AMOUNT_VALUE,
  PROP_CURRENCY,
  PROP_PROVIDER,
  PROP_SERVICE,
  PROP_ACCOUNT_ID,
  PROP_BILLING_ACCOUNT_ID,
  PROP_REGION,
  PROP_RESOURCE_ID,
  PROP_RESOURCE_NAME,
  PROP_COST_CATEGORY,
  PROP_COST_SUBCATEGORY,
  PROP_CHARGE_TYPE,
  PROP_USAGE_UNIT,
  PROP_TAGGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
inflow_cost_finalize (GObject *object)
{
  InflowCost *self = INFLOW_COST (object);

  g_clear_pointer (&self->accrued_at, g_date_time_unref);
  g_clear_pointer (&self->accrued_at_string, g_free);
  g_clear_pointer (&self->amount, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->provider, g_free);
  g_clear_pointer (&self->service, g_free);
  g_clear_pointer (&self->account_id, g_free);
  g_clear_pointer (&self->billing_account_id, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->resource_id, g_free);
  g_clear_pointer (&self->resource_name, g_free);
  g_clear_pointer (&self->cost_category, g_free);
  g_clear_pointer (&self->cost_subcategory, g_free);
  g_clear_pointer (&self->charge_type, g_free);
  g_clear_pointer (&self->usage_unit, g_free);

  G_OBJECT_CLASS (inflow_cost_parent_class)->finalize (object);
}

static void
inflow_cost_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  InflowCost *self = INFLOW_COST (object);

  switch (prop_id)
    {
    case PROP_ACCRUED_AT:
      g_value_set_boxed (value, self->accrued_at);
      break;

    case PROP_ACCRUED_AT_STRING:
      g_value_set_string (value, self->accrued_at_string);
      break;

    case PROP_AMOUNT:
      g_value_set_string (value, self->amount);
      break;

    case PROP_AMOUNT_VALUE:
      g_value_set_double (value, self->amount_value);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_PROVIDER:
      g_value_set_string (value, self->provider);
      break;

    case PROP_SERVICE:
      g_value_set_string (value, self->service);
      break;

    case PROP_CHARGE_TYPE:
      g_value_set_string (value, self->charge_type);
      break;

    case PROP_USAGE_UNIT:
      g_value_set_string (value, self->usage_unit);
      break;

    case PROP_TAGGED:
      g_value_set_boolean (value, self->tagged);
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_string (value, self->account_id);
      break;

    case PROP_BILLING_ACCOUNT_ID:
      g_value_set_string (value, self->billing_account_id);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_RESOURCE_ID:
      g_value_set_string (value, self->resource_id);
      break;

    case PROP_RESOURCE_NAME:
      g_value_set_string (value, self->resource_name);
      break;

    case PROP_COST_CATEGORY:
      g_value_set_string (value, self->cost_category);
      break;

    case PROP_COST_SUBCATEGORY:
      g_value_set_string (value, self->cost_subcategory);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_cost_class_init (InflowCostClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = inflow_cost_finalize;
  object_class->get_property = inflow_cost_get_property;

  /**
   * InflowCost:accrued-at:
   *
   * The start of the date bin the cost accrued in.
   */
  properties[PROP_ACCRUED_AT] =
    g_param_spec_boxed ("accrued-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowCost:accrued-at-string:
   *
   * `accrued_at` as sent, often a date with an offset ("2023-09-05+00:00").
   */
  properties[PROP_ACCRUED_AT_STRING] =
    g_param_spec_string ("accrued-at-string", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowCost:amount:
   *
   * The amount exactly as sent, a decimal string ("4.25"); show this one.
   */
  properties[PROP_AMOUNT] =
    g_param_spec_string ("amount", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowCost:amount-value:
   *
   * The amount as a double, for sorting and charts.
   */
  properties[PROP_AMOUNT_VALUE] =
    g_param_spec_double ("amount-value", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROVIDER] =
    g_param_spec_string ("provider", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SERVICE] =
    g_param_spec_string ("service", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACCOUNT_ID] =
    g_param_spec_string ("account-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_BILLING_ACCOUNT_ID] =
    g_param_spec_string ("billing-account-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_RESOURCE_ID] =
    g_param_spec_string ("resource-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_RESOURCE_NAME] =
    g_param_spec_string ("resource-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_COST_CATEGORY] =
    g_param_spec_string ("cost-category", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_COST_SUBCATEGORY] =
    g_param_spec_string ("cost-subcategory", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowCost:charge-type:
   *
   * The charge type ("Usage", "Tax", …), when Vantage sends it.
   */
  properties[PROP_CHARGE_TYPE] =
    g_param_spec_string ("charge-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowCost:usage-unit:
   *
   * The unit usage is measured in ("GB", "Hrs", …), when Vantage sends it.
   */
  properties[PROP_USAGE_UNIT] =
    g_param_spec_string ("usage-unit", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowCost:tagged:
   *
   * Whether the cost has tags; %FALSE also when Vantage does not say (see
   * inflow_cost_get_tagged_known()).
   */
  properties[PROP_TAGGED] =
    g_param_spec_boolean ("tagged", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_cost_init (InflowCost *self)
{
}

/**
 * inflow_cost_new_from_json:
 * @object: a `Cost` object
 * @error: return location for an #INFLOW_JSON_ERROR
 *
 * Returns: (transfer full) (nullable): the cost, or %NULL on error
 */
InflowCost *
inflow_cost_new_from_json (JsonObject  *object,
                           GError     **error)
{
  g_autoptr(InflowCost) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (INFLOW_TYPE_COST, NULL);

  if (!inflow_json_read_string (object, "accrued_at", INFLOW_JSON_REQUIRED, &self->accrued_at_string, error) ||
      !inflow_json_read_timestamp (object, "accrued_at", INFLOW_JSON_REQUIRED, &self->accrued_at, error) ||
      !inflow_json_read_decimal (object, "amount", INFLOW_JSON_REQUIRED, &self->amount, &self->amount_value, error) ||
      !inflow_json_read_string (object, "currency", INFLOW_JSON_REQUIRED, &self->currency, error) ||
      !inflow_json_read_string (object, "provider", INFLOW_JSON_NULLABLE, &self->provider, error) ||
      !inflow_json_read_string (object, "service", INFLOW_JSON_NULLABLE, &self->service, error) ||
      !inflow_json_read_string (object, "account_id", INFLOW_JSON_NULLABLE, &self->account_id, error) ||
      !inflow_json_read_string (object, "billing_account_id", INFLOW_JSON_NULLABLE, &self->billing_account_id, error) ||
      !inflow_json_read_string (object, "region", INFLOW_JSON_NULLABLE, &self->region, error) ||
      !inflow_json_read_string (object, "resource_id", INFLOW_JSON_NULLABLE, &self->resource_id, error) ||
      !inflow_json_read_string (object, "resource_name", INFLOW_JSON_NULLABLE, &self->resource_name, error) ||
      !inflow_json_read_string (object, "cost_category", INFLOW_JSON_NULLABLE, &self->cost_category, error) ||
      !inflow_json_read_string (object, "cost_subcategory", INFLOW_JSON_NULLABLE, &self->cost_subcategory, error) ||
      !inflow_json_read_string (object, "charge_type", INFLOW_JSON_NULLABLE, &self->charge_type, error) ||
      !inflow_json_read_string (object, "usage_unit", INFLOW_JSON_NULLABLE, &self->usage_unit, error) ||
      !inflow_json_read_boolean (object, "tagged", INFLOW_JSON_NULLABLE, &self->tagged, error))
    return NULL;

  self->tagged_known = json_object_has_member (object, "tagged") &&
                       !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "tagged"));

  return g_steal_pointer (&self);
}

GDateTime *
inflow_cost_get_accrued_at (InflowCost *self)
{
  g_return_val_if_fail (INFLOW_IS_COST (self), NULL);

  return self->accrued_at;
}

const char *
inflow_cost_get_accrued_at_string (InflowCost *self)
{
  g_return_val_if_fail (INFLOW_IS_COST (self), NULL);

  return self->accrued_at_string;
}

const char *
inflow_cost_get_amount (InflowCost *self)
{
  g_return_val_if_fail (INFLOW_IS_COST (self), NULL);

  return self->amount;
}

double
inflow_cost_get_amount_value (InflowCost *self)
{
  g_return_val_if_fail (INFLOW_IS_COST (self), 0);

  return self->amount_value;
}

const char *
inflow_cost_get_currency (InflowCost *self)
{
  g_return_val_if_fail (INFLOW_IS_COST (self), NULL);

  return self->currency;
}

const char *
inflow_cost_get_provider (InflowCost *self)
{
  g_return_val_if_fail (INFLOW_IS_COST (self), NULL);

  return self->provider;
}

const char *
inflow_cost_get_service (InflowCost *self)
{
  g_return_val_if_fail (INFLOW_IS_COST (self), NULL);

  return self->service;
}

const char *
inflow_cost_get_account_id (InflowCost *self)
{
  g_return_val_if_fail (INFLOW_IS_COST (self), NULL);

  return self->account_id;
}

const char *
inflow_cost_get_billing_account_id (InflowCost *self)
{
  g_return_val_if_fail (INFLOW_IS_COST (self), NULL);

  return self->billing_account_id;
}

const char *
inflow_cost_get_region (InflowCost *self)
{
  g_return_val_if_fail (INFLOW_IS_COST (self), NULL);

  return self->region;
}

const char *
inflow_cost_get_resource_id (InflowCost *self)
{
  g_return_val_if_fail (INFLOW_IS_COST (self), NULL);

  return self->resource_id;
}

const char *
inflow_cost_get_resource_name (InflowCost *self)
{
  g_return_val_if_fail (INFLOW_IS_COST (self), NULL);

  return self->resource_name;
}

const char *
inflow_cost_get_cost_category (InflowCost *self)
{
  g_return_val_if_fail (INFLOW_IS_COST (self), NULL);

  return self->cost_category;
}

const char *
inflow_cost_get_cost_subcategory (InflowCost *self)
{
  g_return_val_if_fail (INFLOW_IS_COST (self), NULL);

  return self->cost_subcategory;
}

const char *
inflow_cost_get_charge_type (InflowCost *self)
{
  g_return_val_if_fail (INFLOW_IS_COST (self), NULL);

  return self->charge_type;
}

const char *
inflow_cost_get_usage_unit (InflowCost *self)
{
  g_return_val_if_fail (INFLOW_IS_COST (self), NULL);

  return self->usage_unit;
}

gboolean
inflow_cost_get_tagged (InflowCost *self)
{
  g_return_val_if_fail (INFLOW_IS_COST (self), FALSE);

  return self->tagged;
}

/* Whether Vantage said if the cost has tags (`tagged` is nullable). */
gboolean
inflow_cost_get_tagged_known (InflowCost *self)
{
  g_return_val_if_fail (INFLOW_IS_COST (self), FALSE);

  return self->tagged_known;
}
