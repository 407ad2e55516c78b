/* inflow-cost-query-result.c: one page of a cost query (GET /costs)
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-model"

#include "config.h"

#include "inflow-cost-query-result.h"
#include "inflow-cost.h"
#include "inflow-json.h"

struct _InflowCostQueryResult
{
  GObject     parent_instance;

  char       *total_cost;
  double      total_cost_value;
  char       *currency;
  GListStore *costs;
  guint       n_invalid_costs;
};

G_DEFINE_FINAL_TYPE (InflowCostQueryResult, inflow_cost_query_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TOTAL_COST,
  PROP_TOTAL_COST_VALUE,
  PROP_CURRENCY,
  PROP_COSTS,
  PROP_N_INVALID_COSTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
inflow_cost_query_result_dispose (GObject *object)
{
  InflowCostQueryResult *self = INFLOW_COST_QUERY_RESULT (object);

  g_clear_object (&self->costs);

  G_OBJECT_CLASS (inflow_cost_query_result_parent_class)->dispose (object);
}

static void
inflow_cost_query_result_finalize (GObject *object)
{
  InflowCostQueryResult *self = INFLOW_COST_QUERY_RESULT (object);

  g_clear_pointer (&self->total_cost, g_free);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (inflow_cost_query_result_parent_class)->finalize (object);
}

static void
inflow_cost_query_result_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  InflowCostQueryResult *self = INFLOW_COST_QUERY_RESULT (object);

  switch (prop_id)
    {
    case PROP_TOTAL_COST:
      g_value_set_string (value, self->total_cost);
      break;

    case PROP_TOTAL_COST_VALUE:
      g_value_set_double (value, self->total_cost_value);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_COSTS:
      g_value_set_object (value, self->costs);
      break;

    case PROP_N_INVALID_COSTS:
      g_value_set_uint (value, self->n_invalid_costs);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_cost_query_result_class_init (InflowCostQueryResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_cost_query_result_dispose;
  object_class->finalize = inflow_cost_query_result_finalize;
  object_class->get_property = inflow_cost_query_result_get_property;

  /**
   * InflowCostQueryResult:total-cost:
   *
   * The total of the whole query (all pages) exactly as sent ("1234.56").
   */
  properties[PROP_TOTAL_COST] =
    g_param_spec_string ("total-cost", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TOTAL_COST_VALUE] =
    g_param_spec_double ("total-cost-value", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowCostQueryResult:currency:
   *
   * The ISO 4217 currency of the total.
   */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowCostQueryResult:costs:
   *
   * The #InflowCost rows of this page.
   */
  properties[PROP_COSTS] =
    g_param_spec_object ("costs", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowCostQueryResult:n-invalid-costs:
   *
   * How many rows of this page failed to parse and are missing from
   * #InflowCostQueryResult:costs.
   */
  properties[PROP_N_INVALID_COSTS] =
    g_param_spec_uint ("n-invalid-costs", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_cost_query_result_init (InflowCostQueryResult *self)
{
  self->costs = g_list_store_new (INFLOW_TYPE_COST);
}

/**
 * inflow_cost_query_result_new_from_json:
 * @object: a `Costs` object
 * @error: return location for an #INFLOW_JSON_ERROR
 *
 * `total_usage` may be an array (as the spec says) or a map (as the API's
 * TypeScript client expects); its content is not read. A cost row that
 * fails to parse is left out and counted in
 * #InflowCostQueryResult:n-invalid-costs.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL on error
 */
InflowCostQueryResult *
inflow_cost_query_result_new_from_json (JsonObject  *object,
                                        GError     **error)
{
  g_autoptr(InflowCostQueryResult) self = NULL;
  g_autoptr(JsonObject) total_cost = NULL;
  JsonNode *total_usage;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (INFLOW_TYPE_COST_QUERY_RESULT, NULL);

  if (!inflow_json_read_object (object, "total_cost", INFLOW_JSON_REQUIRED, &total_cost, error))
    return NULL;

  if (!inflow_json_read_decimal (total_cost, "amount", INFLOW_JSON_REQUIRED,
                                 &self->total_cost, &self->total_cost_value, error) ||
      !inflow_json_read_string (total_cost, "currency", INFLOW_JSON_REQUIRED, &self->currency, error))
    {
      g_prefix_error (error, "in “total_cost”: ");
      return NULL;
    }

  total_usage = json_object_get_member (object, "total_usage");
  if (total_usage != NULL && !JSON_NODE_HOLDS_NULL (total_usage) &&
      !JSON_NODE_HOLDS_ARRAY (total_usage) && !JSON_NODE_HOLDS_OBJECT (total_usage))
    {
      g_set_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_WRONG_TYPE,
                   "member “total_usage” should be an array or an object but is %s",
                   inflow_json_describe_node (total_usage));
      return NULL;
    }

  if (!inflow_json_parse_list (object, "costs", (InflowModelFromJson) inflow_cost_new_from_json,
                               self->costs, &self->n_invalid_costs, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
inflow_cost_query_result_get_total_cost (InflowCostQueryResult *self)
{
  g_return_val_if_fail (INFLOW_IS_COST_QUERY_RESULT (self), NULL);

  return self->total_cost;
}

double
inflow_cost_query_result_get_total_cost_value (InflowCostQueryResult *self)
{
  g_return_val_if_fail (INFLOW_IS_COST_QUERY_RESULT (self), 0);

  return self->total_cost_value;
}

const char *
inflow_cost_query_result_get_currency (InflowCostQueryResult *self)
{
  g_return_val_if_fail (INFLOW_IS_COST_QUERY_RESULT (self), NULL);

  return self->currency;
}

/**
 * inflow_cost_query_result_get_costs:
 *
 * Returns: (transfer none): a list model of #InflowCost
 */
GListModel *
inflow_cost_query_result_get_costs (InflowCostQueryResult *self)
{
  g_return_val_if_fail (INFLOW_IS_COST_QUERY_RESULT (self), NULL);

  return G_LIST_MODEL (self->costs);
}

guint
inflow_cost_query_result_get_n_invalid_costs (InflowCostQueryResult *self)
{
  g_return_val_if_fail (INFLOW_IS_COST_QUERY_RESULT (self), 0);

  return self->n_invalid_costs;
}
