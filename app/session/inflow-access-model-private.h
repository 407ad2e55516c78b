/* inflow-access-model-private.h: how the Workspace Access model updates its objects
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "inflow-access-model.h"

G_BEGIN_DECLS

/* g_set_str() is GLib 2.76: replaces *@field, and says whether it changed */
static inline gboolean
_inflow_access_set_str (char       **field,
                        const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

InflowAccessColumn *_inflow_access_column_new         (const char            *workspace_token,
                                                       const char            *name);
void                _inflow_access_column_set_seen_by (InflowAccessColumn    *self,
                                                       const char            *seen_by);

InflowAccessCell   *_inflow_access_cell_new           (const char            *integration_token,
                                                       InflowAccessColumn    *column);
void                _inflow_access_cell_update        (InflowAccessCell      *self,
                                                       InflowAccessCellState  state,
                                                       gboolean               active,
                                                       const char            *status,
                                                       const char            *label);

/* @model is borrowed: it makes the cells of the row */
InflowAccessRow    *_inflow_access_row_new            (InflowAccessModel     *model,
                                                       InflowIntegration     *integration,
                                                       const char            *title);
gboolean            _inflow_access_row_update         (InflowAccessRow       *self,
                                                       InflowIntegration     *integration,
                                                       const char            *title);
void                _inflow_access_row_forget_model   (InflowAccessRow       *self);
InflowAccessCell   *_inflow_access_row_lookup_cell    (InflowAccessRow       *self,
                                                       const char            *workspace_token);
/* The cells made so far */
GList              *_inflow_access_row_get_cells      (InflowAccessRow       *self);
void                _inflow_access_row_clear_cells    (InflowAccessRow       *self);

/* Sets a new cell of @row from the integration and the queue */
void                _inflow_access_model_sync_cell    (InflowAccessModel     *self,
                                                       InflowAccessRow       *row,
                                                       InflowAccessCell      *cell);

G_END_DECLS
