/* inflow-access-results-dialog.h: what a Workspace Access batch did, integration by integration
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-access-batch.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_ACCESS_RESULTS_DIALOG (inflow_access_results_dialog_get_type ())

G_DECLARE_FINAL_TYPE (InflowAccessResultsDialog, inflow_access_results_dialog, INFLOW, ACCESS_RESULTS_DIALOG, AdwMessageDialog)

GtkWidget *inflow_access_results_dialog_new (GtkWindow         *parent,
                                             InflowAccessBatch *batch,
                                             const char        *workspace_name);

G_END_DECLS
