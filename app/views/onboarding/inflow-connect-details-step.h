/* inflow-connect-details-step.h: step 3 of Connect AWS, the report and the names
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "inflow-connect-step.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_CONNECT_DETAILS_STEP (inflow_connect_details_step_get_type ())

G_DECLARE_FINAL_TYPE (InflowConnectDetailsStep, inflow_connect_details_step, INFLOW, CONNECT_DETAILS_STEP, InflowConnectStep)

G_END_DECLS
