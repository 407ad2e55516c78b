/* inflow-access-cell.h: one integration in one workspace, as its check box shows it
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-access-column.h"

G_BEGIN_DECLS

/**
 * InflowAccessCellState:
 * @INFLOW_ACCESS_CELL_NOT_IN: its costs do not show in the workspace
 * @INFLOW_ACCESS_CELL_IN: they do
 * @INFLOW_ACCESS_CELL_WAITING: a change is waiting or being saved
 * @INFLOW_ACCESS_CELL_FAILED: the last change was not made
 */
typedef enum
{
  INFLOW_ACCESS_CELL_NOT_IN,
  INFLOW_ACCESS_CELL_IN,
  INFLOW_ACCESS_CELL_WAITING,
  INFLOW_ACCESS_CELL_FAILED,
} InflowAccessCellState;

GType inflow_access_cell_state_get_type (void);
#define INFLOW_TYPE_ACCESS_CELL_STATE (inflow_access_cell_state_get_type ())

#define INFLOW_TYPE_ACCESS_CELL (inflow_access_cell_get_type ())

G_DECLARE_FINAL_TYPE (InflowAccessCell, inflow_access_cell, INFLOW, ACCESS_CELL, GObject)

const char            *inflow_access_cell_get_integration_token (InflowAccessCell *self);
InflowAccessColumn    *inflow_access_cell_get_column            (InflowAccessCell *self);
InflowAccessCellState  inflow_access_cell_get_state             (InflowAccessCell *self);
/* Whether the box is ticked: the change waiting, else the integration as known */
gboolean               inflow_access_cell_get_active            (InflowAccessCell *self);
/* Why it waits or failed, or why it cannot change; NULL otherwise */
const char            *inflow_access_cell_get_status            (InflowAccessCell *self);
/* "Show Production costs in Finance" */
const char            *inflow_access_cell_get_label             (InflowAccessCell *self);

G_END_DECLS
