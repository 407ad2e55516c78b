/* inflow-access-column.h: one workspace as Workspace Access shows it
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_ACCESS_COLUMN (inflow_access_column_get_type ())

G_DECLARE_FINAL_TYPE (InflowAccessColumn, inflow_access_column, INFLOW, ACCESS_COLUMN, GObject)

const char *inflow_access_column_get_workspace_token (InflowAccessColumn *self);
const char *inflow_access_column_get_name            (InflowAccessColumn *self);
/* "Seen by Finance, Platform" or "No team sees it" */
const char *inflow_access_column_get_seen_by         (InflowAccessColumn *self);

G_END_DECLS
