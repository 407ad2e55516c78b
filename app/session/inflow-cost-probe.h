/* inflow-cost-probe.h: one small cost query that tells how far an AWS account's cost data reaches
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-client.h"
#include "inflow-integration.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_COST_PROBE (inflow_cost_probe_get_type ())

G_DECLARE_FINAL_TYPE (InflowCostProbe, inflow_cost_probe, INFLOW, COST_PROBE, GObject)

InflowCostProbe *inflow_cost_probe_new          (InflowClient         *client);
const char      *inflow_cost_probe_get_obstacle (InflowIntegration    *integration);
void             inflow_cost_probe_run_async    (InflowCostProbe      *self,
                                                 InflowIntegration    *integration,
                                                 GDateTime            *now,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean         inflow_cost_probe_run_finish   (InflowCostProbe      *self,
                                                 GAsyncResult         *result,
                                                 GDateTime           **newest_cost_date,
                                                 gboolean             *resource_rows_present,
                                                 GError              **error);

G_END_DECLS
