/* inflow-cost.h: one row of a cost query (GET /costs)
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_COST (inflow_cost_get_type ())

G_DECLARE_FINAL_TYPE (InflowCost, inflow_cost, INFLOW, COST, GObject)

InflowCost *inflow_cost_new_from_json           (JsonObject  *object,
                                                 GError     **error);
GDateTime  *inflow_cost_get_accrued_at          (InflowCost  *self);
const char *inflow_cost_get_accrued_at_string   (InflowCost  *self);
const char *inflow_cost_get_amount              (InflowCost  *self);
double      inflow_cost_get_amount_value        (InflowCost  *self);
const char *inflow_cost_get_currency            (InflowCost  *self);
const char *inflow_cost_get_provider            (InflowCost  *self);
const char *inflow_cost_get_service             (InflowCost  *self);
const char *inflow_cost_get_account_id          (InflowCost  *self);
const char *inflow_cost_get_billing_account_id  (InflowCost  *self);
const char *inflow_cost_get_region              (InflowCost  *self);
const char *inflow_cost_get_resource_id         (InflowCost  *self);
const char *inflow_cost_get_resource_name       (InflowCost  *self);
const char *inflow_cost_get_cost_category       (InflowCost  *self);
const char *inflow_cost_get_cost_subcategory    (InflowCost  *self);
const char *inflow_cost_get_charge_type         (InflowCost  *self);
const char *inflow_cost_get_usage_unit          (InflowCost  *self);
gboolean    inflow_cost_get_tagged              (InflowCost  *self);
gboolean    inflow_cost_get_tagged_known        (InflowCost  *self);

G_END_DECLS
