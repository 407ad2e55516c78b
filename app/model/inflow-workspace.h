/* inflow-workspace.h: a Vantage workspace
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_WORKSPACE (inflow_workspace_get_type ())

G_DECLARE_FINAL_TYPE (InflowWorkspace, inflow_workspace, INFLOW, WORKSPACE, GObject)

InflowWorkspace *inflow_workspace_new_from_json                   (JsonObject       *object,
                                                                   GError          **error);
JsonNode        *inflow_workspace_to_json                         (InflowWorkspace  *self);
const char      *inflow_workspace_get_token                       (InflowWorkspace  *self);
const char      *inflow_workspace_get_name                        (InflowWorkspace  *self);
GDateTime       *inflow_workspace_get_created_at                  (InflowWorkspace  *self);
gboolean         inflow_workspace_get_enable_currency_conversion  (InflowWorkspace  *self);
const char      *inflow_workspace_get_currency                    (InflowWorkspace  *self);
const char      *inflow_workspace_get_exchange_rate_date          (InflowWorkspace  *self);

G_END_DECLS
