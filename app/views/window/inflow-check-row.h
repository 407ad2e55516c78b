/* inflow-check-row.h: one check of Diagnostics, its result and when it ran
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-diagnostic-check.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_CHECK_ROW (inflow_check_row_get_type ())

G_DECLARE_FINAL_TYPE (InflowCheckRow, inflow_check_row, INFLOW, CHECK_ROW, AdwActionRow)

GtkWidget             *inflow_check_row_new       (InflowDiagnosticCheck *check);
InflowDiagnosticCheck *inflow_check_row_get_check (InflowCheckRow        *self);

G_END_DECLS
