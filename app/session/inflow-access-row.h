/* inflow-access-row.h: one integration as Workspace Access shows it
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-access-cell.h"
#include "inflow-integration.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_ACCESS_ROW (inflow_access_row_get_type ())

G_DECLARE_FINAL_TYPE (InflowAccessRow, inflow_access_row, INFLOW, ACCESS_ROW, GObject)

InflowIntegration *inflow_access_row_get_integration (InflowAccessRow    *self);
const char        *inflow_access_row_get_token       (InflowAccessRow    *self);
const char        *inflow_access_row_get_title       (InflowAccessRow    *self);
const char        *inflow_access_row_get_subtitle    (InflowAccessRow    *self);
/* In no workspace: its costs show nowhere */
gboolean           inflow_access_row_get_nowhere     (InflowAccessRow    *self);
/* What a search matches: provider, token, account ID and title */
const char        *inflow_access_row_get_search_text (InflowAccessRow    *self);
/* The same cell for the row's life, made on the first call */
InflowAccessCell  *inflow_access_row_get_cell        (InflowAccessRow    *self,
                                                      InflowAccessColumn *column);

G_END_DECLS
