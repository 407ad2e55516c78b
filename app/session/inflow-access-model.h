/* inflow-access-model.h: what Workspace Access shows, rows of integrations and workspace columns
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-access-row.h"
#include "inflow-session.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_ACCESS_MODEL (inflow_access_model_get_type ())

G_DECLARE_FINAL_TYPE (InflowAccessModel, inflow_access_model, INFLOW, ACCESS_MODEL, GObject)

/* A list model of #InflowAccessRow, one per integration of @session, in
 * its order; a row stays the same object while its integration is there. */
InflowAccessModel *inflow_access_model_new         (InflowSession     *session);
InflowSession     *inflow_access_model_get_session (InflowAccessModel *self);
/* A list model of #InflowAccessColumn, one per workspace; another one
 * (notify::columns) when the workspaces change */
GListModel        *inflow_access_model_get_columns (InflowAccessModel *self);
InflowAccessRow   *inflow_access_model_lookup      (InflowAccessModel *self,
                                                    const char        *integration_token);
/* A click on a check box: asks the session's queue for the opposite of what
 * the box shows. FALSE when the session cannot write. */
gboolean           inflow_access_model_toggle      (InflowAccessModel *self,
                                                    const char        *integration_token,
                                                    const char        *workspace_token);

G_END_DECLS
