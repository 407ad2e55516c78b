/* inflow-access-batch.h: one workspace access change for several integrations
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-access-result.h"
#include "inflow-workspace-access.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_ACCESS_BATCH (inflow_access_batch_get_type ())

G_DECLARE_FINAL_TYPE (InflowAccessBatch, inflow_access_batch, INFLOW, ACCESS_BATCH, GObject)

const char                  *inflow_access_batch_get_workspace_token (InflowAccessBatch *self);
InflowWorkspaceAccessChange  inflow_access_batch_get_change          (InflowAccessBatch *self);
guint                        inflow_access_batch_get_n_integrations  (InflowAccessBatch *self);
guint                        inflow_access_batch_get_n_done          (InflowAccessBatch *self);
double                       inflow_access_batch_get_fraction        (InflowAccessBatch *self);
gboolean                     inflow_access_batch_get_running         (InflowAccessBatch *self);
guint                        inflow_access_batch_count               (InflowAccessBatch *self,
                                                                      InflowAccessOutcome outcome);
/* The #InflowAccessResult of each integration done, in the batch's order */
GListModel                  *inflow_access_batch_get_results         (InflowAccessBatch *self);

G_END_DECLS
