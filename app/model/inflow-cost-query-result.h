/* inflow-cost-query-result.h: one page of a cost query (GET /costs)
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_COST_QUERY_RESULT (inflow_cost_query_result_get_type ())

G_DECLARE_FINAL_TYPE (InflowCostQueryResult, inflow_cost_query_result, INFLOW, COST_QUERY_RESULT, GObject)

InflowCostQueryResult *inflow_cost_query_result_new_from_json          (JsonObject             *object,
                                                                        GError                **error);
const char            *inflow_cost_query_result_get_total_cost         (InflowCostQueryResult  *self);
double                 inflow_cost_query_result_get_total_cost_value   (InflowCostQueryResult  *self);
const char            *inflow_cost_query_result_get_currency           (InflowCostQueryResult  *self);
GListModel            *inflow_cost_query_result_get_costs              (InflowCostQueryResult  *self);
guint                  inflow_cost_query_result_get_n_invalid_costs    (InflowCostQueryResult  *self);

G_END_DECLS
