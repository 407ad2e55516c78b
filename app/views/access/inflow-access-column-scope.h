/* inflow-access-column-scope.h: the builder scope of one workspace column's cells
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "inflow-access-column.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_ACCESS_COLUMN_SCOPE (inflow_access_column_scope_get_type ())

G_DECLARE_FINAL_TYPE (InflowAccessColumnScope, inflow_access_column_scope, INFLOW, ACCESS_COLUMN_SCOPE, GtkBuilderCScope)

/* Every column of the grid shares one cell template; the closures of a
 * column's cells get @column as their last argument (instead of the list
 * item), so that a cell knows its workspace. */
GtkBuilderScope *inflow_access_column_scope_new (InflowAccessColumn *column);

G_END_DECLS
